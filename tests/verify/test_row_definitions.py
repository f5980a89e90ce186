"""Definitions written several to a display (CS231n's ``h = \\max(0, x W_1 + b_1), \\qquad s = h W_2 + b_2``): each row
may define one of the answer's own letters, which then reads in every claim (issue "Verify reads real answers": symbols
defined as expressions become those quantities). Right and planted claims written here; the identities they rest on
are checked with NumPy (central differences), independently of verify."""

from __future__ import annotations

import numpy as np
from gradproof.verify.document import extract
from gradproof.verify.judge import Judge
from helpers_verify import small

D = small(convention="column", hidden="relu", output="softmax", loss="cross_entropy")  # z = Wᵀ h + b: x W as a row
FORWARD = "$$ h = \\max(0, x W_1 + b_1), \\qquad s = h W_2 + b_2, \\qquad p = \\mathrm{softmax}(s) \\tag{fwd} $$\n\n"
SLIPPED = "$$ h = \\max(0, x W_1 + b_1), \\qquad s = h W_2, \\qquad p = \\mathrm{softmax}(s) \\tag{fwd} $$\n\n"
CLAIMS = ("$$ \\frac{\\partial L}{\\partial s} = p - y \\tag{ds} $$\n\n"
          "$$ \\frac{\\partial L}{\\partial W_2} = h^T \\frac{\\partial L}{\\partial s} \\tag{dW2} $$\n\n"
          "$$ \\frac{\\partial L}{\\partial W_2} = \\frac{\\partial L}{\\partial s} h^T \\tag{dW2-planted} $$\n\n"
          "$$ \\frac{\\partial L}{\\partial h} = \\frac{\\partial L}{\\partial s} W_2^T \\tag{dh} $$\n\n"
          "$$ \\frac{\\partial L}{\\partial h} = \\frac{\\partial L}{\\partial s} W_2 \\tag{dh-planted} $$\n\n")


def judged(doc: str) -> dict[str, tuple[str, str]]:
    return {r.id: (r.verdict, r.message) for r in Judge(D).check_all(extract(doc))}


def test_the_identities_the_verdicts_rest_on():
    rng = np.random.default_rng(5)
    x, w1, b1, w2, b2 = (rng.normal(size=s) for s in ((1, 3), (3, 4), (1, 4), (4, 2), (1, 2)))
    y = np.array([[0.0, 1.0]])

    def loss(s):
        return float(-np.sum(y * (s - np.log(np.sum(np.exp(s))))))

    h = np.maximum(0, x @ w1 + b1)
    s = h @ w2 + b2
    p = np.exp(s) / np.exp(s).sum()
    ds = np.array([[(loss(s + 1e-6 * e) - loss(s - 1e-6 * e)) / 2e-6 for e in np.eye(2)]])
    assert np.allclose(ds, p - y, atol=1e-6)
    dw2 = np.array([[(loss(h @ (w2 + 1e-6 * e.reshape(4, 2)) + b2) - loss(h @ (w2 - 1e-6 * e.reshape(4, 2)) + b2)) / 2e-6
                     for e in np.eye(8)]]).reshape(4, 2)
    assert np.allclose(dw2, h.T @ ds, atol=1e-6)  # h^T ∂L/∂s (4×2); ∂L/∂s h^T (1×2 times 4×1) does not multiply
    dh = np.array([[(loss((h + 1e-6 * e) @ w2 + b2) - loss((h - 1e-6 * e) @ w2 + b2)) / 2e-6 for e in np.eye(4)]])
    assert np.allclose(dh, ds @ w2.T, atol=1e-6)


def test_letters_defined_in_a_row_of_definitions_read_everywhere():
    got = judged(FORWARD + CLAIMS)
    assert got["fwd"][0] == "correct"
    assert {k: got[k][0] for k in ("ds", "dW2", "dh")} == dict.fromkeys(("ds", "dW2", "dh"), "correct")
    assert got["dW2-planted"][0] == got["dh-planted"][0] == "incorrect"


def test_a_slipped_definition_in_the_row_is_not_read_as_the_quantity():
    got = judged(SLIPPED + CLAIMS)
    assert got["fwd"][0] != "correct"  # s = h W_2 without the bias is not z⁽²⁾: s is the answer's own expression
    assert all(got[k][0] != "correct" for k in ("ds", "dW2", "dh"))  # nothing about ∂L/∂s is judged on a guess
