"""Numbers copied from an earlier wrong line of a worked example.

Mazur's planted copy states ``∂net_{o1}/∂w_5 = out_{h1} = 0.75136507`` (out_{o1}'s value, not out_{h1}'s) and then
``∂E/∂w_5 = 0.74136507 · 0.186815602 · 0.75136507 = 0.104062982``: the product is wrong, but it is the answer's own
earlier number that makes it so — a TA marks it carried forward. The earlier value is of a derivative (a Jacobian's
entry), not of a network quantity the judge can recompute the later steps from (``Judge._student_envs``), so the
number itself is followed: a number an incorrect claim ended on (its last side, a plain number) is kept with the true
value of what it was stated for; a later link that fails, in which that very number (the same digits) is written, is
carried forward if it holds with the true value in the number's place.

Bounded: at most ``KEPT`` numbers are kept, and a link's side is rebuilt once (linear in its size)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .tree import Node

KEPT = 64  # numbers kept per answer (a worked example states a few dozen)


@dataclass(frozen=True)
class WrongNumber:
    value: float  # the number as written
    decimals: float | None  # its digits after the point (the same number is written with the same digits)
    truth: float  # the true value of what the claim stated it for
    claim: str  # the claim's id, for the message
    subject: Node | None = None  # what the claim stated it for: its first side as read (L, ∂J/∂W^{(2)}, w_5)


def stated_wrong(claim_id: str, last: Node, counterexample: dict | None, subject: Node | None = None
                 ) -> WrongNumber | None:
    """The number an incorrect claim ends on, with the true value its first failing link expected there (the
    counterexample of a one-entry comparison; the links before it hold, so that is the claim's left side's value), if
    the claim ends on a plain number and the failing link's side is that number to its digits."""
    node, sign = last, 1.0
    if node.op == "neg" and node.args and node.args[0].op == "num":
        node, sign = node.args[0], -1.0
    if node.op != "num" or not counterexample or "expected" not in counterexample or "claimed" not in counterexample:
        return None
    if counterexample.get("entry") not in (None, [], [1], [1, 1]):
        return None  # a matrix's entry: not one number for one number
    value = sign * float(node.value[0])
    claimed, truth = float(counterexample["claimed"]), float(counterexample["expected"])
    half = 0.5 * 10.0 ** -float(node.value[1] or 0)
    if not (np.isfinite(truth) and abs(claimed - value) <= half + 1e-12 * abs(value)):
        return None  # the failing link compared another value than the number the claim ends on
    return WrongNumber(value, node.value[1], truth, claim_id, subject)


def keep(kept: list[WrongNumber], number: WrongNumber | None) -> None:
    if number is not None and len(kept) < KEPT and number not in kept:
        kept.append(number)


#: nodes that lay out a side's own result without computing with it: a number written there is what the side states,
#: not an operand (shivam's planted ``2 · [6, 1, 1]^T = [12, 2, 4]``: the 4 is no copy of J's wrong 4, only a slip)
_RESULT_OPS = ("matrix", "neg", "T")


def with_truths(student: Node, kept: list[WrongNumber], subject: Node | None = None
                ) -> tuple[Node, list[str]] | None:
    """``student`` with every number that is one of ``kept`` (the same value, the same digits) and an operand of the
    side's arithmetic (under a product, sum, quotient, power or function: the number was computed with) replaced by
    the true value it was stated for, and the ids of those claims; None if no number was replaced. A number that is
    the side's result itself, or an entry of the matrix the side ends on, is replaced only in a claim about the very
    ``subject`` (its first side as read) that number was stated for (smaxx's answer box ``L ≈ 0.0836`` restating L's earlier value):
    an earlier wrong number written as the result of another quantity is a slip, not an error carried forward."""
    if not kept:
        return None
    used: list[str] = []

    def match(value: float, decimals, operand: bool) -> WrongNumber | None:
        return next((w for w in kept if w.decimals == decimals and w.value == value
                     and (operand or subject is not None and w.subject == subject)), None)

    def swap(n: Node, operand: bool) -> Node:
        inner = n.args[0] if n.op == "neg" and n.args and n.args[0].op == "num" else None
        if n.op == "num" or inner is not None:  # (not an operand: the side's own result, a number or an entry)
            num = inner or n
            w = match(-float(num.value[0]) if inner is not None else float(num.value[0]), num.value[1], operand)
            if w is None:
                return n
            if w.claim not in used:
                used.append(w.claim)
            return Node("num", (), (w.truth, num.value[1]))
        if not n.args:
            return n
        inner_operand = operand or n.op not in _RESULT_OPS
        return Node(n.op, tuple(swap(a, inner_operand) for a in n.args), n.value)

    fixed = swap(student, False)
    return (fixed, used) if used else None
