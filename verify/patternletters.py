r"""The training pattern written first among a quantity's subscripts (issue 10, fifty-second round): Rumelhart, Hinton &
Williams's generalized delta rule (*Parallel Distributed Processing*, vol. 1, ch. 8) and the books that teach from it
(Freeman & Skapura's §3.2) write every quantity of pattern p with p before its unit,

    net_{pj} = \sum_i w_{ji} o_{pi}, \quad o_{pj} = f_j(net_{pj}), \quad E_p = \tfrac{1}{2} \sum_j (t_{pj} - o_{pj})^2,
    \delta_{pj} = (t_{pj} - o_{pj}) f'_j(net_{pj}), \quad \Delta_p w_{ji} = \eta \delta_{pj} o_{pi}

— one pattern's quantities, its error E_p and its step \Delta_p. A TA reads each claim as a claim about one pattern;
so does ``PatternFirst``: where at least three letters carry the pattern letter p first (``o_{pj}``, ``t_{pj}``,
``\delta_{pj}``), the pattern's own error, step or input vector is written (``E_p``, ``\Delta_p``, ``\mathbf{x}_p``: p
names a pattern, not an entry as in FortiLeiZhang's ``y_{pq}``) and the answer never sums over p (no total error Σ_p E_p,
whose claims are about every pattern), the
p is dropped (``o_{pj}`` → ``o_{j}``, ``E_p`` → ``E``, ``\Delta_p w_{ji}`` → ``\Delta w_{ji}``, ``\mathbf{x}_p`` →
``\mathbf{x}``) and the letters are then read as the unit letters they are (Mitchell's). Each claim is restored as
written in the report. One linear scan per claim, of claims of bounded length.
"""

from __future__ import annotations

import re

from .rewriting import Rewriting

MAX_LENGTH = 4000
#: a letter or word with the pattern p first in a two-index subscript: o_{pj}, \delta_{pk}, net_{pj}, x_{p i}, t_{p,k}
_FIRST = re.compile(r"(?P<head>(?:\\[A-Za-z]+|[A-Za-z]+)\s*\}?\s*)_\s*\{\s*p\s*,?\s*(?P<unit>[a-z0-9])\s*\}")
#: the pattern's own error and step, and its input vector: E_p, E_{p}, \Delta_p, \mathbf{x}_p, \boldsymbol{t}_{p}
_OWN = re.compile(r"(?P<head>(?<![A-Za-z\\])E|\\Delta|\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*[A-Za-z]\s*\})\s*_\s*"
                  r"(?:\{\s*p\s*\}|p(?![A-Za-z0-9]))")
#: a sum over the patterns: \sum_p, \sum_{p}, \sum_{p=1}^{P}
_SUM_P = re.compile(r"\\sum\s*_\s*(?:\{\s*p\s*(?:=|\}|\\in)|p(?![A-Za-z0-9]))")
#: Freeman & Skapura's hidden output i_{pj} defined as an activation applied: i_{pj} = f_j^h(net_{pj}^h)
_OWN_I = re.compile(r"(?<![A-Za-z\\])i\s*_\s*\{\s*p\s*,?\s*[a-z]\s*\}\s*=\s*(?:[fg]|\\sigma|\\varphi|\\phi)(?![A-Za-z])")
#: its uses: i_{pj} (the letter i then names a unit's output, read as a)
_I_HEAD = re.compile(r"(?<![A-Za-z\\])i(?=\s*_\s*\{\s*p\s*,?\s*[a-z]\s*\})")
#: a written a (then i is not renamed so)
_A_USED = re.compile(r"(?<![A-Za-z\\])a(?![A-Za-z])")
#: the letters (heads) that must carry p first for the reading to apply
_MIN_HEADS = 3


class PatternFirst(Rewriting):
    """The rewriting of an answer that writes the pattern p first in its subscripts; None from ``detect`` otherwise."""

    max_length = MAX_LENGTH
    change = ("p is the training pattern, written first among the subscripts (o_{pj}, δ_{pj}, E_p: Rumelhart, Hinton & "
              "Williams's generalized delta rule): each claim is about one pattern")

    def __init__(self, own_i: bool = False):
        self.originals: dict[str, str] = {}
        self.own_i = own_i
        if own_i:
            self.change += "; i_{pj} is hidden unit j's output (its own definition), read as a_j"

    @staticmethod
    def detect(net, claims) -> PatternFirst | None:
        if getattr(net, "has_kinds", False):
            return None
        texts = [c.latex for c in claims[:2000] if len(c.latex) <= MAX_LENGTH]
        heads = {re.sub(r"[\s{}]", "", m.group("head")) for t in texts if "p" in t for m in _FIRST.finditer(t)}
        if (len(heads) < _MIN_HEADS or any(_SUM_P.search(t) for t in texts)
                or not any(_OWN.search(t) for t in texts)):  # (FortiLeiZhang's y_{pq}, x_{pj}: entries p, q, no pattern)
            return None
        own_i = any(_OWN_I.search(t) for t in texts) and not any(_A_USED.search(t) for t in texts)
        return PatternFirst(own_i)

    def rewrite(self, text: str) -> str:
        if "p" not in text:
            return text
        if self.own_i:
            text = _I_HEAD.sub("a", text)
        text = _FIRST.sub(lambda m: f"{m.group('head')}_{{{m.group('unit')}}}", text)
        return _OWN.sub(lambda m: m.group("head"), text)
