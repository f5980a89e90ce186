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


#: an update's sign after its left side (W_1 := …, \mathbf{b}_2 \leftarrow …)
_ASSIGN = re.compile(r":=|\\leftarrow(?![A-Za-z])|\\gets(?![A-Za-z])|\\coloneqq(?![A-Za-z])")
#: a row that continues the one before it (dlbook's "\therefore W_1 = [numbers] - 0.01 [numbers]")
_THEREFORE = re.compile(r"\s*\\therefore(?![A-Za-z])\s*")
#: the longest left side read as a parameter
MAX_LEFT = 40
CONTINUED = "continues the update above it (\\therefore after P := …): read as the value after the step"


def continuations(claims, read) -> dict:
    r"""Rows that continue an update: index -> (kind, layer) of the parameter, for each claim ``\therefore P = …``
    that follows an update ``P := …`` (``\leftarrow``, ``\gets``) of the same parameter, directly or after other such
    rows (pythonandml's ``W_1 := W_1 - \frac{\eta}{m} \frac{\partial J}{\partial W_1}``, then ``\therefore W_1 = [0.1 …]
    - 0.01 [0.002 …]`` and ``\therefore W_1 = [0.09998 …]``). ``read(left)`` gives the parameter a left side names
    ((kind, layer), kind W or b) or None. Any other claim between ends the update."""
    out: dict = {}
    current = None
    for k, c in enumerate(claims):
        head = c.latex[:400]
        m = _ASSIGN.search(head)
        if m and m.start() <= MAX_LEFT and "=" not in head[:m.start()]:
            current = read(head[:m.start()])
            continue
        t = _THEREFORE.match(head)
        eq = head.find("=", t.end()) if t else -1
        param = read(head[t.end():eq]) if t and 0 < eq - t.end() <= MAX_LEFT else None
        if current is not None and param == current:
            out[k] = param
        else:
            current = None
    return out
