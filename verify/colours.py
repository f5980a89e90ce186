r"""Mathematics set in colour (issue 10, seventeenth round): a verdict that hinges on the coloured part.

An author colours part of a formula to point at it: to highlight a term, or — as a 2018 post on backpropagation says
in its prose, "any missing weight is colored in red" — to show what is *absent*: ``\frac{\partial C}{\partial w_{23}}
= (x_3 - y) {\color{red} {w_{23}}} w_{12} w_{01} x_0``. Read literally the claim is wrong; read without the red
weight it is right. What the colour means is said in prose verify does not read, so when the literal reading is
wrong and the reading without the coloured parts is right, the claim is left unchecked with both readings named —
never a verdict on a guess. (A claim right as written stays right: a highlight changes nothing.)

``without_coloured`` drops ``{\color{c} …}`` groups (the switch colours the rest of its group) and
``\textcolor{c}{…}`` arguments, in one linear pass over the claim; None when there is nothing coloured.
"""

from __future__ import annotations

import re

from .surface import _group_end

#: a colour command: \color{red}, \textcolor{blue}
_COLOUR = re.compile(r"\\(color|textcolor)\s*\{[^{}]{0,40}\}")
#: claims longer than this are not re-read
MAX_LENGTH = 4000


def without_coloured(latex: str) -> str | None:
    """``latex`` with its coloured parts removed, or None when it colours nothing (or is too long to re-read)."""
    if len(latex) > MAX_LENGTH or "color" not in latex:
        return None
    out, i, found = [], 0, False
    for m in _COLOUR.finditer(latex):
        if m.start() < i:
            continue
        if m.group(1) == "textcolor":
            end = _group_end(latex, m.end())
            out.append(latex[i:m.start()])
            i, found = end, True
            continue
        k = m.start() - 1
        while k >= i and latex[k] == " ":
            k -= 1
        if k >= i and latex[k] == "{" and (k == 0 or latex[k - 1] != "\\"):
            end = _group_end(latex, k)  # {\color{red} w_{23}}: the whole group is the coloured part
            out.append(latex[i:k])
            i, found = end, True
    if not found:
        return None
    out.append(latex[i:])
    return "".join(out)
