r"""Round twenty-six (issue 12): ``infer.objective_scale`` reads a long claim's left side alone before parsing it whole
(round 22's 400 d-letter sums: 14.4 of 17.4 s went to parsing claims ``dW = …`` only to learn their left side is not
the objective). The oracle for what is an objective is the claim's own text (its left side is L, J or E, or it is not);
the cost bound is CPU seconds by ``time.process_time``."""

from __future__ import annotations

import time
from types import SimpleNamespace

from gradproof.verify.infer import _left_may_be_objective
from gradproof.verify.parser import Notation, parse_claim

JUDGE = SimpleNamespace(notation=Notation(), net=SimpleNamespace(depth=2))
SUM = " + ".join(["X^T dZ"] * 300)


def test_a_long_claims_left_side_decides_whether_it_is_parsed_whole():
    for left in ("z^{(2)}", "W^{(1)}", "\\hat{y}"):
        assert not _left_may_be_objective(f"{left} = \\frac{{1}}{{300}}({SUM})", JUDGE), left
    for letter in ("L", "J", "E"):
        assert _left_may_be_objective(f"{letter} = \\frac{{1}}{{2}}(\\hat{{y}} - y)^2 + {SUM}", JUDGE), letter
    # a left side that does not read alone: decided by the whole claim, as before
    assert _left_may_be_objective("\\frac{ = " + SUM, JUDGE)


def test_reading_the_left_side_costs_far_less_than_the_whole_claim():
    claim = "z^{(2)} = " + " + ".join(["W^{(2)} a^{(1)}"] * 200) + " + b^{(2)}"
    t0 = time.process_time()
    for _ in range(5):
        _left_may_be_objective(claim, JUDGE)
    alone = time.process_time() - t0
    t0 = time.process_time()
    for _ in range(5):
        parse_claim(claim, Notation(), 2)
    whole = time.process_time() - t0
    assert alone < whole / 5, (alone, whole)
