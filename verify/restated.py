r"""A parameter restated as numbers after the document's own update of it (Chiari's "updated parameters":
``\mathbf{W}^{(2)} \leftarrow \mathbf{W}^{(2)} - \eta \frac{\partial L}{\partial \mathbf{W}^{(2)}} = [0.5289, -0.3195]``, then
``b^{(2)} \approx 0.3094827915``): once the answer has updated it, a bare ``W^{(l)}`` or ``b^{(l)}`` with numbers is
either the value before the step or after it, and a TA reads it as the one it states. A claim judged incorrect as the
value before the step is judged again as the value after it (``W^{(l)}_{new}``); it is correct only when it matches
that, and otherwise keeps its verdict (it matches neither).
"""

from __future__ import annotations

import re

#: a weight or bias of a layer at the start of a claim: \mathbf{W}^{(2)}, b^{(1)}, W^{[2]} -> (letter, layer)
_PARAM = r"(?:\\displaystyle\s*)?(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?([Wb])\s*\}?\s*\^\s*\{\s*[(\[]\s*(\d)\s*[)\]]\s*\}"
_UPDATE = re.compile(r"\s*" + _PARAM + r"\s*(?:\\leftarrow|\\gets|:=)")
_RESTATED = re.compile(r"\s*" + _PARAM + r"\s*(?P<rel>=|\\approx)\s*(?=[-\d.\[(]|\\begin|\\left)")
NOTE = "restated after the answer's update of it above: read as its value after the step"


def updated_params(claims) -> dict:
    """(letter, layer) -> the index of the first claim that updates that parameter."""
    out: dict = {}
    for k, c in enumerate(claims):
        m = _UPDATE.match(c.latex[:200])
        if m:
            out.setdefault((m.group(1), m.group(2)), k)
    return out


def after_step(latex: str, k: int, updated: dict) -> str | None:
    """The claim at index ``k`` rewritten about the value after the step (``W^{(2)}_{new} \\approx …``) when it
    restates a parameter updated by an earlier claim; else None."""
    m = _RESTATED.match(latex[:200])
    if m is None or updated.get((m.group(1), m.group(2)), k) >= k:
        return None
    return f"{m.group(1)}^{{({m.group(2)})}}_{{new}} " + latex[m.start("rel"):]
