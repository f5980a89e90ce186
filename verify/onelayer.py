"""One layer written in the answer's own unindexed letters (issue 10, sixteenth round; timattt's Russian notes):
"consider one layer", ``\\vec Q = W \\vec P + \\vec b``, ``\\vec R = \\sigma(\\vec Q)``, then the layer's four relations
``\\frac{\\partial I}{\\partial \\vec P} = \\frac{\\partial I}{\\partial \\vec Q} W^T``, ``\\frac{\\partial I}{\\partial W_{ij}} =
\\frac{\\partial I}{\\partial Q_i} P_j``, … — a derivation for ANY layer: P its input, Q its summed input, R its output, W
and b (without a layer index) its parameters.

``OneLayerReading.prepare`` rewrites every claim that writes one of those letters into the spec's quantities at a
generic layer l, checked for every layer as a claim with l is: P → h^{(l-1)}, Q → z^{(l)}, R → h^{(l)}, a bare W →
W^{(l)}, a bare b → b^{(l)}; their entries follow (P_j → h^{(l-1)}_j, W_{ij} → W^{(l)}_{ij}, b_k → b^{(l)}_k). A W or
b with a layer number (W_2, b_1) and every claim that writes none of the letters are left as written.

Only an answer that defines the layer so is read this way: an affine definition whose two letters are capitals the
reading gives no meaning (``unknown``), with an unindexed W and b, optionally followed by the output letter defined as
an activation of the summed one. Every substitution is a linear regex pass.
"""

from __future__ import annotations

import re

from .rewriting import Rewriting

#: ``\vec`` (or another arrow/bold wrapper) on a single letter: dropped before matching
_WRAP = re.compile(r"\\(?:vec|mathbf|boldsymbol|bm|overrightarrow)\s*(?:\{\s*([A-Za-z])\s*\}|\s([A-Za-z])(?![A-Za-z]))")
#: the layer's affine definition in its own letters: Q = W P + b (also P W^T + b is NOT read: a row layout's order)
_AFFINE = re.compile(r"^\s*([A-Z])\s*=\s*W\s*([A-Z])\s*\+\s*b\s*$")
#: its output letter: R = σ(Q), φ(Q), f(Q), g(Q)
_ACTIVE = r"^\s*([A-Z])\s*=\s*(?:\\sigma|\\varphi|\\phi|f|g)\s*\(\s*{q}\s*\)\s*$"
#: a bare W or b (no layer number after it; an entry's letters may follow), not part of a word or command
_PARAM = re.compile(r"(?<![A-Za-z\\])([Wb])(?![A-Za-z])(?!\s*_\s*\{?\s*\d)")


def _plain(text: str) -> str:
    return _WRAP.sub(lambda m: m.group(1) or m.group(2), text)


class OneLayerReading(Rewriting):
    """The rewriting of a derivation for one layer in the answer's own letters; None from ``detect`` otherwise."""

    def __init__(self, letters: dict[str, str]):
        self.letters = letters  # letter -> the quantity at the generic layer l
        self.originals: dict[str, str] = {}
        self.own = re.compile(r"(?<![A-Za-z\\])(" + "|".join(sorted(letters)) + r")(?![A-Za-z])")
        named = {"h^{(l-1)}": "its input", "z^{(l)}": "its summed input", "h^{(l)}": "its output"}
        self.change = ("one layer in the answer's own letters (" + ", ".join(
            f"{k} {named[v]}" for k, v in sorted(letters.items())) + ", W and b its parameters): checked for every layer")

    @staticmethod
    def detect(net, claims, unknown) -> OneLayerReading | None:
        if getattr(net, "has_kinds", False):
            return None
        texts = [_plain(c.latex.replace("$", " ")) for c in claims]
        for text in texts:
            m = _AFFINE.match(text)
            if m is None or m.group(1) == m.group(2) or not (unknown(m.group(1)) and unknown(m.group(2))):
                continue
            letters = {m.group(2): "h^{(l-1)}", m.group(1): "z^{(l)}"}
            out = re.compile(_ACTIVE.format(q=m.group(1)))
            for t in texts:  # (its own definition names the output letter, also one the reading knows: R, E)
                a = out.match(t)
                if a is not None and a.group(1) not in letters and a.group(1) not in "WbTI":
                    letters[a.group(1)] = "h^{(l)}"
                    break
            return OneLayerReading(letters)
        return None

    def rewrite(self, text: str) -> str:
        plain = _plain(text)
        if not self.own.search(plain):
            return text

        def letter(m: re.Match) -> str:
            q = self.letters[m.group(1)]
            return f"{{{q}}}" if plain[m.end():m.end() + 4].lstrip().startswith("^") else q

        def param(m: re.Match) -> str:
            q = "W^{(l)}" if m.group(1) == "W" else "b^{(l)}"
            return f"{{{q}}}" if plain[m.end():m.end() + 4].lstrip().startswith("^") else q

        return self.own.sub(letter, _PARAM.sub(param, plain))
