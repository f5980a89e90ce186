"""Readings of the seventeenth round (issue 10, heldout17, verify17c): ``\\part`` written for ∂.

Some MathJax/Typora users define ``\\part`` as ∂ and write their derivatives with it (ouro's Chinese CS231n notes:
``\\dfrac{\\part l}{\\part y}``); ``normalize`` reads it as ``\\partial`` (the coordinator's reading, fe51093). This
test checks that reading end to end, through a document: the expected verdicts come from central differences of
½(σ(w·x + b) − y)² typed below, never from verify's own output, and the claims written with ``\\partial`` agree."""

from __future__ import annotations

import numpy as np

from tests.verify.test_heldout9_readings import NEURON, document, sig

RNG = np.random.default_rng(17)


def test_a_derivative_written_with_part_is_judged_as_with_partial(tmp_path):
    """One sigmoid neuron, ½(ŷ − y)²: ∂L/∂b = (ŷ − y) ŷ (1 − ŷ) by central differences; the planted (ŷ − y) ŷ is not."""
    w, b, x, y = RNG.normal(size=2), RNG.normal(), RNG.uniform(size=2), RNG.uniform()
    L = lambda bb: 0.5 * (sig(w @ x + bb) - y) ** 2  # noqa: E731
    h = 1e-6
    numeric = (L(b + h) - L(b - h)) / (2 * h)
    yh = sig(w @ x + b)
    right, planted = (yh - y) * yh * (1 - yh), (yh - y) * yh
    expect = {k: "correct" if np.isclose(numeric, v, atol=1e-7) else "incorrect"
              for k, v in (("line 1", right), ("line 3", planted))}
    body = ("$$\\dfrac{\\part L}{\\part b} = (\\hat y - y)\\hat y (1 - \\hat y)$$\n\n"
            "$$\\dfrac{\\part L}{\\part b} = (\\hat y - y)\\hat y$$\n")
    got, _ = document(tmp_path, NEURON, body)
    assert {k: got[k].verdict for k in expect} == expect == {"line 1": "correct", "line 3": "incorrect"}
    # the same claims written with \partial get the same verdicts (the reading is the macro, nothing else)
    got2, _ = document(tmp_path, NEURON, body.replace("\\part ", "\\partial "), name="b.md")
    assert {k: got2[k].verdict for k in expect} == expect
