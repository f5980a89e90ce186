r"""A gradient step written with a plain ``=`` on a worked example's numbers (smaxx73's exercise: ``w_2 = -1.0 - 1.0
\times 0.1455 = -1.1455``, "the updated weights"): read as a TA reads it, the step ``w_2 \leftarrow …``, not the
equation w_2 = −1.1455 (which contradicts w_2 = −1.0 given a few lines before). Likewise a step whose gradient has
no variable, ``w \leftarrow w - \eta \nabla L`` (his recap), is the step by ∇_w L (any mode).

Only in numeric mode and only this exact shape: a short left side that reads as a weight or a bias (or the one entry
of a 1×1 one), then ``a − η × g = v`` (``\times``, ``\cdot`` or ``*``; g may be in parentheses, negative; ``a + η × g``
is a step with its sign slipped, judged as the step), where a is one of the numbers the answer was given and η is the
spec's learning rate, both as written. Anything else is left as it is. One anchored, linear regular expression per
claim of at most 300 characters."""

from __future__ import annotations

import copy
import re
from dataclasses import replace

#: a plain number as a worked example writes it
_NUM = r"-?\s*\d+(?:\.\d+)?"
#: ``P = a − η × g = v``: groups left side, a, η, g, v
_STEP = re.compile(rf"^\s*([^=]{{1,40}}?)\s*=\s*({_NUM})\s*[-+]\s*({_NUM})\s*(?:\\times|\\cdot|\*)\s*"
                   rf"(\(\s*{_NUM}\s*\)|{_NUM})\s*=\s*({_NUM})\s*$")


def _number(text: str) -> float:
    return float(text.replace(" ", "").strip("()"))


def _is_parameter(judge, left: str) -> bool:
    """The left side reads as a weight or a bias (or the one entry of a 1×1 one)."""
    from .parser import parse_expr

    try:
        node = parse_expr(left, judge.notation, judge.net.depth)
    except Exception:  # noqa: BLE001 -- a left side that does not read is no parameter
        return False
    if node.op == "entry" and node.args[0].op == "q" and not any(node.value):
        node = node.args[0]
    return node.op == "q" and node.value[0] in ("W", "b")


#: a step by the gradient written without its variable: ``w \leftarrow w - \eta \nabla L`` (groups: the parameter, the
#: sign and rate, the objective letter); the same parameter on both sides
_BARE_NABLA = re.compile(r"^\s*([A-Za-z](?:[_^]\{?[A-Za-z0-9()\[\]]{1,6}\}?){0,2})\s*(\\leftarrow|\\gets|:=)\s*(\S{1,12})"
                         r"\s*(-\s*\\(?:eta|alpha)\s*(?:\\cdot\s*)?)\\nabla\s*([LJCE])(?![A-Za-z_^])\s*$")


def bare_nabla(latex: str) -> str | None:
    """``w \\leftarrow w - \\eta \\nabla L`` (smaxx73's recap: the gradient with no subscript, in a step of w) as
    ``w \\leftarrow w - \\eta \\nabla_{w} L``: the gradient by the parameter the step moves; None otherwise."""
    m = _BARE_NABLA.match(latex) if len(latex) <= 200 else None
    if m is None or m.group(3).replace(" ", "") != m.group(1).replace(" ", ""):
        return None
    return f"{m.group(1)} {m.group(2)} {m.group(3)} {m.group(4)}\\nabla_{{{m.group(1)}}} {m.group(5)}"


def step_of(judge, latex: str) -> str | None:
    """``latex`` with its first ``=`` read as ``\\leftarrow`` when it is such a step (or a bare ∇ of one given its
    variable: ``bare_nabla``), else None."""
    nabla = bare_nabla(latex)
    if nabla is not None:
        return nabla
    if not judge.numeric or "lr" not in judge.consts or len(latex) > 300:
        return None
    m = _STEP.match(latex)
    if m is None:
        return None
    start, rate = _number(m.group(2)), _number(m.group(3))
    if abs(rate - judge.consts["lr"]) > 1e-12 or not any(abs(start - g) <= 1e-12 for g in judge.given):
        return None
    if not _is_parameter(judge, m.group(1)):
        return None
    return f"{m.group(1)} \\leftarrow {latex[m.end(1):].split('=', 1)[1]}"


def read_as_steps(judge, claims):
    """The claims with each such step rewritten (same ids), or None when there is none: a copy of the document's
    claims (its attributes kept), marked so that it is not read again."""
    changed = [(k, step) for k, c in enumerate(claims) if (step := step_of(judge, c.latex)) is not None]
    if not changed:
        return None
    out = copy.copy(claims) if isinstance(claims, list) and type(claims) is not list else _Read(claims)
    for k, step in changed:
        out[k] = replace(out[k], latex=step)
    out.steps_read = True
    return out


class _Read(list):
    """A plain list of claims, marked as read for plain-= steps."""

    steps_read = True
