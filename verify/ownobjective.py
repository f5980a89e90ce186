r"""An answer that defines its objective wrongly and derives from its own definition: a consequent error.

cjhjhj's CS231n notes define the "softmax loss" as ``L = \sum_{k = 1}^3 L_k = \sum_{k = 1}^3 o_{out_k}`` (judged
incorrect: a sum of probabilities is 1) and go on, ``\frac{\partial L}{\partial o_{out_1}} = \frac{\partial}{\partial
o_{out_1}} (o_{out_1} + o_{out_2} + o_{out_3}) = 1``: wrong for the spec's loss, right for his own. A TA grades that
line as an error carried forward; gradproof does not evaluate an objective the answer invents, so it cannot tell the
consequent error from a new one, and calls neither wrong: once the answer's first definition of its objective (``L =
…``, ``E = …``, no derivative in it) is judged ``incorrect`` — no definition of it judged ``correct`` before — a later
claim judged ``incorrect`` that writes that objective's letter (not another definition of it, judged on its own) is
``unchecked``, naming the definition, unless every
side of it is a product of partial derivatives (``\frac{\partial L}{\partial w} = \frac{\partial L}{\partial o}
\frac{\partial o}{\partial w}``): the chain rule holds or fails whatever the objective is, so such a claim keeps its
verdict. (A wrong definition after a correct one is another objective: ``Judge._own_objective``.)

String scans only: the balanced-brace scan of each claim is linear in its length.
"""

from __future__ import annotations

import re

from .lossname import DEFINES_OBJECTIVE

#: the objective's letter at the start of a definition
_LETTER = re.compile(r"\s*(\\mathcal\s*\{\s*[LJ]\s*\}|[LJCE]|\\ell)")
#: what may stand between the partial derivatives of a chain: products, spaces, sizing
_BETWEEN = re.compile(r"(?:\\cdot|\\times|\\left|\\right|\\,|\\;|\\!|\\quad|[\s*])*")
NOTE = ("not judged: the answer defines its objective itself ({}, judged incorrect), and this line may be right for "
        "that objective — an error carried forward, which gradproof cannot evaluate (against the spec's loss: {})")


def _group_end(text: str, start: int) -> int | None:
    """The index after the brace group opening at ``start`` (text[start] == '{'), or None when unbalanced."""
    depth = 0
    for k in range(start, len(text)):
        if text[k] == "{":
            depth += 1
        elif text[k] == "}":
            depth -= 1
            if depth == 0:
                return k + 1
    return None


def _partials_only(side: str) -> bool:
    """Whether ``side`` is a product of partial derivatives ``\\frac{\\partial a}{\\partial b}`` (numerators not empty)
    and nothing else."""
    k, found = 0, False
    while True:
        k = _BETWEEN.match(side, k).end()
        if k >= len(side):
            return found
        if not side.startswith("\\frac", k):
            return False
        top = side.find("{", k)
        top_end = _group_end(side, top) if top >= 0 and not side[k + 5:top].strip() else None
        if top_end is None or top_end >= len(side) or side[top_end] != "{":
            return False
        bottom_end = _group_end(side, top_end)
        numerator = side[top + 1:top_end - 1].strip()
        if bottom_end is None or not numerator.startswith("\\partial") or not numerator[len("\\partial"):].strip():
            return False
        if not side[top_end + 1:bottom_end - 1].strip().startswith("\\partial"):
            return False
        k, found = bottom_end, True


def _top_level_sides(text: str) -> list[str]:
    """The claim's sides split at '=' outside every brace group."""
    sides, depth, last = [], 0, 0
    for k, ch in enumerate(text):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == "=" and depth == 0:
            sides.append(text[last:k])
            last = k + 1
    return sides + [text[last:]]


def chain_identity(text: str) -> bool:
    """Whether every side of the claim is a product of partial derivatives."""
    return all(_partials_only(s) for s in _top_level_sides(text))


def unjudge_consequent(claims, results) -> None:
    """Claims after the answer's first, wrong definition of its objective that may follow from it: ``unchecked``."""
    since = letter = None
    for c, r in zip(claims, results, strict=True):
        defines = DEFINES_OBJECTIVE.match(c.latex) and "\\partial" not in c.latex and "\\nabla" not in c.latex
        if since is None:
            if defines and r.verdict in ("correct", "carried_forward"):
                return  # the spec's objective defined: what follows is judged against it
            if defines and r.verdict == "incorrect":
                written = _LETTER.match(c.latex).group(1)
                since, letter = c.id, re.compile(("(?<![A-Za-z\\\\])" if written[0] != "\\" else "") + re.escape(written)
                                                 + "(?![A-Za-z])")
            continue
        if defines or r.verdict != "incorrect" or not letter.search(c.latex) or chain_identity(c.latex):
            continue
        r.verdict, r.expected, r.diagnosis, r.diagnosis_key, r.counterexample = "unchecked", "", None, None, None
        r.message = NOTE.format(since, r.message)
