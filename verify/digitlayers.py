r"""A layer written as a bare digit after ∂ where the answer writes its layers in parentheses elsewhere.

Paredes's exercise defines ``\mathbf{z}^{(1)} = W^{~(1)} \cdot \mathbf{x}`` and ``\delta^{(2)} = (\hat{y} - y)``, and in
its chain rules drops the parentheses: ``\frac{\partial J}{\partial \mathbf{z}^{2}} = \frac{\partial J}{\partial
\mathbf{a}^{2}} \frac{\partial \mathbf{a}^{2}}{\partial \mathbf{z}^{2}}``. Right after ∂, ``\mathbf{z}^{2}`` is z of
layer 2, as the rest of the answer numbers it: a square is differentiated as ∂(z²) or written (z)², never by a
layer's letter the answer otherwise scripts with a layer. So where a claim writes ``\partial z^{d}`` (or a, h; bold
or not), d a layer of the network, and the answer writes that letter with a layer in parentheses elsewhere
(``z^{(1)}``), the script is read ``^{(d)}``; nowhere else (``1 - a^2`` stays a square: the issue's old bug).
"""

from __future__ import annotations

import re

#: ∂ then a layered letter (optionally in a font) with a bare digit superscript: \partial \mathbf{z}^{2}, \partial a^1
_AFTER_PARTIAL = re.compile(r"(\\partial\s*+(?:\\(?:mathbf|boldsymbol|bm)\s*+\{\s*+)?([zah])\s*+\}?\s*+\^\s*+)"
                            r"(?:\{\s*+(\d)\s*+\}|(\d))")
#: a letter scripted with a layer in parentheses: z^{(1)}, \mathbf{a}^{(2)}, a^{(l)}
_PAREN_LAYER = re.compile(r"(?<![A-Za-z\\])([zah])\s*+\}?\s*+\^\s*+\{\s*+\(")
NOTE = "∂z^{d} read as ∂z^{(d)}: the answer writes its layers in parentheses elsewhere"


def rewritten(claims, depth: int) -> dict:
    """{claim id: text with each ``\\partial z^{d}`` written ``\\partial z^{(d)}``} for the letters the answer scripts
    with a parenthesised layer elsewhere; {} when it writes none so."""
    scripted = {m.group(1) for c in claims for m in _PAREN_LAYER.finditer(c.latex[:20000])}
    if not scripted:
        return {}

    def fix(m: re.Match) -> str:
        digit = m.group(3) or m.group(4)
        if m.group(2) not in scripted or not 1 <= int(digit) <= depth:
            return m.group(0)
        return m.group(1) + "{(" + digit + ")}"

    out = {}
    for c in claims:
        if "\\partial" not in c.latex:
            continue
        text = _AFTER_PARTIAL.sub(fix, c.latex)
        if text != c.latex:
            out[c.id] = text
    return out
