"""An answer that defines its objective on another scale than the spec's (C = ‖ŷ − y‖², no ½) while its derivatives
disagree about that scale: verify reads the answer's own convention only when its claims show it, and never gives a
verdict that rests on a guessed scale (issue "Verify reads real answers": a verdict only when the reading is certain).

The definition counts as one vote for its own scale, each derivative that reads on one scale only as one vote for it:
- more votes for the definition's scale: that scale is the answer's convention (its derivatives judged on it);
- more for the spec's: the definition is the slip (judged incorrect), the derivatives on the spec's scale;
- a tie (3Blue1Brown's C_0 = (a − y)² beside a slipped ∂C_0/∂a = a − y): the definition and every claim whose
  verdict depends on the scale are `unchecked`, with the reason and the fix.

The identities are checked here numerically (central differences), independently of verify.
"""

from __future__ import annotations

import numpy as np
import pytest
from gradproof.verify.document import extract
from gradproof.verify.judge import Judge
from helpers_verify import small

D = small(convention="column", hidden="tanh", output="sigmoid", loss="squared_error")

DEF = "$$C = \\|\\hat{y} - y\\|^2 \\tag{def}$$\n\n"
SLIP = "$$\\frac{\\partial C}{\\partial \\hat{y}} = \\hat{y} - y \\tag{slip}$$\n\n"
OWN = "$$\\frac{\\partial C}{\\partial \\hat{y}} = 2(\\hat{y} - y) \\tag{own}$$\n\n"
OWN_Z = "$$\\frac{\\partial C}{\\partial z^{(2)}} = 2(\\hat{y} - y) \\odot \\hat{y} \\odot (1 - \\hat{y}) \\tag{ownz}$$\n\n"
SPEC_Z = "$$\\frac{\\partial C}{\\partial z^{(2)}} = (\\hat{y} - y) \\odot \\hat{y} \\odot (1 - \\hat{y}) \\tag{specz}$$\n\n"


def judged(doc: str) -> dict[str, tuple[str, str]]:
    return {r.id: (r.verdict, r.message) for r in Judge(D).check_all(extract(doc))}


def _central(f, x, h=1e-6):
    return np.array([(f(x + h * e) - f(x - h * e)) / (2 * h) for e in np.eye(x.size)])


def test_the_identities_the_verdicts_rest_on():
    rng = np.random.default_rng(3)
    z, y = rng.normal(size=2), rng.normal(size=2)
    sig = 1 / (1 + np.exp(-z))
    own = lambda v: np.sum((v - y) ** 2)  # noqa: E731 -- C = ‖ŷ − y‖², the answer's
    spec = lambda v: 0.5 * np.sum((v - y) ** 2)  # noqa: E731 -- the spec's ½‖ŷ − y‖²
    assert np.allclose(_central(own, sig), 2 * (sig - y), atol=1e-6)
    assert np.allclose(_central(spec, sig), sig - y, atol=1e-6)
    assert np.allclose(_central(lambda v: own(1 / (1 + np.exp(-v))), z), 2 * (sig - y) * sig * (1 - sig), atol=1e-6)
    assert np.allclose(_central(lambda v: spec(1 / (1 + np.exp(-v))), z), (sig - y) * sig * (1 - sig), atol=1e-6)


def test_a_tie_between_definition_and_derivative_leaves_both_unchecked():
    got = judged(DEF + SLIP)
    assert got["def"][0] == "unchecked" and "split evenly" in got["def"][1]
    assert got["slip"][0] == "unchecked" and "depends on the objective's scale" in got["slip"][1]


def test_a_tie_leaves_every_scale_dependent_claim_unchecked():
    got = judged(DEF + OWN + SPEC_Z + SLIP)  # definition + 1 derivative on its scale against 2 on the spec's
    assert {cid: v for cid, (v, _) in got.items()} == dict.fromkeys(("def", "own", "specz", "slip"), "unchecked")


@pytest.mark.parametrize("doc", [DEF + OWN, DEF + OWN + OWN_Z])
def test_derivatives_on_the_definitions_scale_make_it_the_convention(doc):
    got = judged(doc)
    assert got["def"][0] == "unchecked" and "a convention" in got["def"][1]
    assert all(v == "correct" for cid, (v, _) in got.items() if cid != "def")


def test_more_derivatives_on_the_specs_scale_make_the_definition_the_slip():
    got = judged(DEF + SLIP + SPEC_Z)
    assert got["def"][0] == "incorrect"
    assert got["slip"][0] == got["specz"][0] == "correct"


def test_a_wrong_derivative_on_either_scale_is_still_wrong():
    wrong = "$$\\frac{\\partial C}{\\partial \\hat{y}} = 2(y - \\hat{y}) \\tag{sign}$$\n\n"
    assert judged(DEF + OWN + wrong)["sign"][0] == "incorrect"


DELTA_DEF = "$$\\delta^{(2)} \\equiv \\frac{\\partial C}{\\partial z^{(2)}} \\tag{deltadef}$$\n\n"


def test_a_definition_of_delta_is_no_evidence_of_the_scale():
    # Bishop's δ_j ≡ ∂E_n/∂a_j holds on every scale: with it the only derivative, nothing decides the definition's
    got = judged(DEF + DELTA_DEF)
    assert got["def"][0] == "unchecked" and "none of the answer's derivatives" in got["def"][1]
    assert got["deltadef"][0] == "correct"
    # and beside one derivative on the spec's scale it is a tie, not two votes against the definition
    got = judged(DEF + DELTA_DEF + SPEC_Z)
    assert got["def"][0] == got["specz"][0] == "unchecked"

