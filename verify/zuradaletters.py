r"""Zurada's letters (issue 10, thirty-sixth round): *Introduction to Artificial Neural Systems* (§4.4, error
back-propagation training) and the courses that teach from it write a network with one hidden layer as

    net_j = \sum_i v_{ji} z_i,   y_j = f(net_j),   net_k = \sum_j w_{kj} y_j,   o_k = f(net_k),
    E = \frac{1}{2} \sum_k (d_k - o_k)^2,
    \delta_{ok} = (d_k - o_k)(1 - o_k) o_k,   \delta_{yj} = y_j (1 - y_j) \sum_k \delta_{ok} w_{kj},
    w_{kj} \leftarrow w_{kj} + \eta \delta_{ok} y_j,   v_{ji} \leftarrow v_{ji} + \eta \delta_{yj} z_i

— z the input (i), y the hidden (j) and o the output (k) units' outputs, net their summed inputs by the index letter, v
and w the two layers' weights (target first), d the desired output, δ_{ok} and δ_{yj} the error signals named by the
layer's output letter (minus the derivatives by the summed inputs). A TA reads the letters from those definitions; so
does ``ZuradaLetters``, only in a network with one hidden layer and only where the answer writes δ_{ok} beside an
output o_k (a Kronecker δ_{yk} is no error signal). Then
z_i becomes ``x_i``, y_j ``h^{(1)}_j``, o_k ``\hat{y}_k``, d_k ``y_k``, net_j and net_k ``z^{(1)}_j``, ``z^{(2)}_k``, v and w
``W^{(1)}``, ``W^{(2)}`` (option ``entries_target_first``), δ_{ok} and δ_{yj} minus the layers' δ, written so
(``(-\delta^{(2)}_k)``: a δ written the other way round is the answer's slip, judged as such). Each claim is restored as
written in the report. Every pass is a linear scan of claims of bounded length.
"""

from __future__ import annotations

import re

from .rewriting import NO_LAYER_SCRIPT, Placeholders, Rewriting

MAX_LENGTH = 4000
#: the error signals: \delta_{ok}, \delta_{o k}, \delta_{yj}, \delta_{o_k}
_SIGNAL = re.compile(r"\\delta\s*_\s*\{\s*(?:(?P<o>o)\s*_?\s*\{?\s*k|y\s*_?\s*\{?\s*j)\s*\}?\s*\}")
#: what decides the reading: the output's error signal δ_{ok} and an output o_k (a Kronecker δ_{yk} is no signal)
_OUTPUT_SIGNAL = re.compile(r"\\delta\s*_\s*\{\s*o\s*_?\s*\{?\s*k\s*\}?\s*\}")
_OUTPUT = re.compile(r"(?<![A-Za-z\\{])o\s*_\s*\{?\s*k(?![A-Za-z])")
#: a unit's quantity by its index letter: z_i, y_j, o_k, d_k, net_j, net_k, v_{ji}, w_{kj}
_UNIT = re.compile(r"(?<![A-Za-z\\])(?P<n>net|[zyodvw])\s*_\s*(?:\{\s*(?P<a>[ijk])\s*,?\s*(?P<b>[ijk])?\s*\}|(?P<c>[ijk]))"
                   r"(?![A-Za-z])" + NO_LAYER_SCRIPT)
_LAYER_OF = {"i": 0, "j": 1, "k": 2}


class ZuradaLetters(Rewriting):
    """The rewriting of an answer in Zurada's letters; None from ``detect`` when it is not one."""

    max_length = MAX_LENGTH
    options = (("entries_target_first", True),)

    def __init__(self):
        self.originals: dict[str, str] = {}
        self.change = ("z_i is the input, y_j the hidden and o_k the output units' outputs, net their summed inputs, v_{ji} "
                       "and w_{kj} the two layers' weights, d_k the desired output, δ_{ok} and δ_{yj} the error signals "
                       "(minus the derivatives by the summed inputs; Zurada)")

    @staticmethod
    def detect(net, claims) -> ZuradaLetters | None:
        if net.depth != 2 or getattr(net, "has_kinds", False):
            return None
        texts = [c.latex for c in claims if len(c.latex) <= MAX_LENGTH]
        return ZuradaLetters() if any(_OUTPUT_SIGNAL.search(t) for t in texts) and any(
            _OUTPUT.search(t) for t in texts) else None

    def rewrite(self, text: str) -> str:
        kept = Placeholders()
        if not kept.usable(text):
            return text
        keep = kept.keep

        def signal(m: re.Match) -> str:
            layer, unit = (2, "k") if m.group("o") else (1, "j")
            return keep(f"(-\\delta^{{({layer})}}_{{{unit}}})")

        def unit(m: re.Match) -> str:
            made = self._read(m.group("n"), m.group("a") or m.group("c"), m.group("b"))
            return m.group(0) if made is None else keep(made)

        text = _SIGNAL.sub(signal, text)
        text = _UNIT.sub(unit, text)
        return kept.restore(text)

    @staticmethod
    def _read(name: str, a: str, b: str | None) -> str | None:
        """The house spelling of one of the letters with its unit letters; None to leave it as written."""
        if name in "vw":  # (v_{ji}: into hidden j from input i; w_{kj}: into output k from hidden j — the letters as
            # written, w_{jk} then the answer's slip)
            return f"W^{{({1 if name == 'v' else 2})}}_{{{a}{b}}}" if b is not None else None
        if b is not None:
            return None
        layer = _LAYER_OF[a]
        if name == "net":
            return f"z^{{({layer})}}_{{{a}}}" if layer else None
        want = {"z": 0, "y": 1, "o": 2, "d": 2}[name]
        if layer != want:
            return None
        return {"z": "x", "y": "h^{(1)}", "o": "\\hat{y}", "d": "y"}[name] + f"_{{{a}}}"
