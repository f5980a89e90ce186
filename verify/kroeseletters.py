r"""Kröse and van der Smagt's letters (issue 10, thirty-sixth round): *An Introduction to Neural Networks* (§4.2, the
generalised delta rule), the free text many neural-network courses hand out, writes a unit k fed by units j, for
pattern p, and then the output units o and hidden units h, as

    s_k^p = \sum_j w_{jk} y_j^p + \theta_k,   y_k^p = \mathcal{F}(s_k^p),   E^p = \frac{1}{2} \sum_o (d_o^p - y_o^p)^2,
    \Delta_p w_{jk} = \gamma \delta_k^p y_j^p,   \delta_o^p = (d_o^p - y_o^p) \mathcal{F}'(s_o^p),
    \delta_h^p = \mathcal{F}'(s_h^p) \sum_o \delta_o^p w_{ho}

— s a unit's total input, y its activation, w_{jk} the weight from j to k (source first), θ_k the bias, d the desired
output, δ = −∂E^p/∂s, γ the learning rate, \mathcal{F} the activation, p the pattern; o an output and h a hidden unit
(i an input), j and k units of any layer. A TA reads the letters from those definitions; so does ``KroeseLetters``,
only in a network with one hidden layer and only where the answer writes a pattern superscript p on δ or s and the
output letter o. Then the pattern p is dropped (a claim about pattern p is one about one example, E^p its error, Δ_p
its step), s_o, y_o, δ_o become ``z^{(2)}``, ``\hat{y}``, ``\delta^{(2)}`` and s_h, y_h, δ_h the hidden layer's (y_i the
input x), d the target y, w_{ho} and w_{ih} ``W^{(2)}_{oh}``, ``W^{(1)}_{hi}`` written target first (``entries_target_first``), θ_o, θ_h
the biases, γ the learning rate ``\eta``, \mathcal{F} the activation f; δ is minus gradproof's,
written so in each claim (``(-\delta^{(2)}_o)``; the book's δ = −∂E^p/∂s, whether the answer restates it or not); o
and h are read as Latin letters the claim does not use (o is no index letter of gradproof's, h its hidden layer) and
named back in the report. A claim in the generic letters only (k fed by j: s_k, w_{jk}) is left as written (not
read: gradproof's generic unit reading feeds j from i, and mixing both in one answer would misread one). Each claim is
restored as written in the report. Every pass is a linear scan of claims of bounded length.
"""

from __future__ import annotations

import re

from .rewriting import Placeholders, Rewriting, fresh_letters, name_back

MAX_LENGTH = 4000
#: the pattern p as a superscript (alone), and a step or error of pattern p: \Delta_p, E^p
_PATTERN = re.compile(r"\^\s*(?:\{\s*p\s*\}|p(?![A-Za-z]))")
_PATTERN_ERROR = re.compile(r"(?<![A-Za-z\\])E\s*\^\s*(?:\{\s*p\s*\}|p(?![A-Za-z]))")
_STEP = re.compile(r"\\Delta\s*_\s*(?:\{\s*p\s*\}|p(?![A-Za-z]))")
#: a unit's letter with its unit index: s_o, y_h, \delta_o, d_o, \theta_h, w_{ho}, w_{ih} (the pattern already dropped)
_UNIT = re.compile(r"(?:(?P<n>\\delta|\\theta)|(?<![A-Za-z\\])(?P<m>[sydw]))\s*_\s*(?:\{\s*(?P<a>[a-z])\s*,?\s*(?P<b>[a-z])?\s*\}|"
                   r"(?P<c>[a-z]))(?![A-Za-z])")
_ACTIVATION = re.compile(r"\\mathcal\s*\{\s*F\s*\}")
_RATE = re.compile(r"\\gamma(?![A-Za-z])")
#: what decides the reading: the pattern p on δ or s, and the output letter o
_MARK = re.compile(r"(?:\\delta|(?<![A-Za-z\\])s)\s*_\s*\{?\s*[a-z]\s*\}?\s*\^\s*\{?\s*p(?![A-Za-z])")
_OUTPUT = re.compile(r"(?:\\delta|(?<![A-Za-z\\])[ysd])\s*_\s*\{?\s*o\s*\}?(?![A-Za-z])")
_LAYER_OF = {"i": 0, "h": 1, "o": 2}


def _letters(text: str) -> dict | None:
    """{o, h: the Latin letters they are read as in this claim} (those it writes); None when too few are free."""
    written = [letter for letter in ("o", "h") if re.search(
        r"_\s*\{?\s*[a-z]?\s*" + letter + r"\s*[a-z]?\s*\}?(?![A-Za-z])|\\sum\s*_\s*\{?\s*" + letter, text)]
    return fresh_letters(text, written, avoid="ps")  # (p the pattern, s a unit's total input)


class KroeseLetters(Rewriting):
    """The rewriting of an answer in Kröse and van der Smagt's letters; None from ``detect`` when it is not one."""

    max_length = MAX_LENGTH
    options = (("entries_target_first", True), ("delta_sign", 1))  # (δ's sign written in each claim, never twice)

    def __init__(self):
        self.originals: dict[str, str] = {}
        self.change = ("p is the pattern, s a unit's total input, y its activation, o an output and h a hidden unit, d the "
                       "desired output, w_{jk} the weight from j to k, θ the bias, γ the learning rate, δ = −∂E^p/∂s "
                       "(Kröse & van der Smagt)")

    @staticmethod
    def detect(net, claims) -> KroeseLetters | None:
        if net.depth != 2 or getattr(net, "has_kinds", False):
            return None
        texts = [c.latex for c in claims if len(c.latex) <= MAX_LENGTH]
        if not (any(_MARK.search(t) for t in texts) and any(_OUTPUT.search(t) for t in texts)):
            return None
        return KroeseLetters()

    def rewrite(self, text: str) -> str:
        kept = Placeholders()
        if not kept.usable(text):
            return text
        keep = kept.keep
        text = _STEP.sub(lambda m: keep("\\Delta"), text)
        text = _PATTERN_ERROR.sub(lambda m: keep("L"), text)  # (E^p: pattern p's error — the data term L)
        text = _PATTERN.sub("", text)
        letters = _letters(text)
        if letters is None:
            return text
        text = _ACTIVATION.sub(lambda m: keep("f"), text)
        text = _RATE.sub(lambda m: keep("\\eta"), text)

        def unit(m: re.Match) -> str:
            made = self._read(m.group("n") or m.group("m"), m.group("a") or m.group("c"), m.group("b"), letters)
            return m.group(0) if made is None else keep(made)

        text = _UNIT.sub(unit, text)
        for letter, latin in letters.items():  # (a sum's index: \sum_o, \sum_{o=1}^{N_o})
            text = re.sub(r"(\\sum\s*_\s*\{?\s*)" + letter + r"(?![A-Za-z])", lambda m, latin=latin: m.group(1) + latin, text)
            text = re.sub(r"\^\s*\{\s*N\s*_\s*\{?\s*" + letter + r"\s*\}?\s*\}", "", text)
        return kept.restore(text)

    def relabel(self, results) -> None:
        """Each result names the unit letters o and h as written: before ``restore``."""
        for r in results:
            original = self.originals.get(r.id)
            letters = _letters(_PATTERN.sub("", original)) if original else None
            if letters:
                name_back(r, {v: k for k, v in letters.items()})

    @staticmethod
    def _read(name: str, a: str, b: str | None, letters: dict) -> str | None:
        """The house spelling of one of the letters with its unit letters; None to leave it (generic j, k)."""
        def latin(x: str) -> str:
            return letters.get(x, x)

        if name == "w":
            if b is None or a not in _LAYER_OF or b not in _LAYER_OF or _LAYER_OF[b] != _LAYER_OF[a] + 1:
                return None
            return f"W^{{({_LAYER_OF[b]})}}_{{{latin(b)}{latin(a)}}}"  # (target first, as entries_target_first reads)
        if b is not None:
            return None
        if a not in _LAYER_OF:
            return None  # (j, k: units of any layer — the answer's generic statements, left as written)
        layer = _LAYER_OF[a]
        entry = f"_{{{latin(a)}}}"
        if name == "d":
            return f"y{entry}" if layer == 2 else None
        if name == "y":
            return "x" + entry if layer == 0 else ("\\hat{y}" if layer == 2 else "h^{(1)}") + entry
        if layer == 0:
            return None
        if name == "s":
            return f"z^{{({layer})}}{entry}"
        if name == "\\delta":  # (minus the derivative, the book's δ_k^p = −∂E^p/∂s_k^p: written so, claim by claim)
            return f"(-\\delta^{{({layer})}}{entry})"
        return f"b^{{({layer})}}{entry}"  # (θ_o, θ_h: the unit's bias)
