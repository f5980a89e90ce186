"""The eighteenth round's coordinator: an objective defined beside the forward pass in one display (a programming
lesson's ``z = \\mathbf{w} \\cdot \\mathbf{x} + b \\qquad a = \\sigma(z) \\qquad \\mathcal{L} = (a - y)^2``, the squared
error without the spec's ½) is the answer's own scale; and when the answer is split evenly between scales, a claim tying
δ to the objective (``δ = ∂L/∂a · ∂a/∂z = 2(a − y) · a(1 − a)``) is left unchecked with the others, not judged on the
spec's scale."""

from __future__ import annotations

import numpy as np
from test_fifteenth_round_coordinator import by_id

SPEC = """name = "neuron"
convention = "column"
inputs = 3

[[layers]]
units = 1
activation = "sigmoid"

[loss]
name = "squared_error"

[optimizer]
name = "sgd"
learning_rate = 0.1
"""

FORWARD = "$$z = \\mathbf{w} \\cdot \\mathbf{x} + b \\qquad a = \\sigma(z) \\qquad \\mathcal{L} = (a - y)^2$$\n\n"


def verify(tmp_path, body: str):
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(SPEC)
    (tmp_path / "answer.md").write_text(body)
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    return by_id(results)


def _holds(factor: float, of: str) -> bool:
    """Whether ∂L/∂a (of = "a") or δ = ∂L/∂z (of = "z") equals factor·(a − y) (times a(1 − a) for δ) for the answer's
    L = (a − y)²: central differences of the one-neuron network in NumPy."""
    rng = np.random.default_rng(5)
    x, w, b, y = rng.normal(size=3), rng.normal(size=3), rng.normal(), rng.uniform()
    z = w @ x + b
    a = 1 / (1 + np.exp(-z))
    h = 1e-6
    if of == "a":
        numeric = ((a + h - y) ** 2 - (a - h - y) ** 2) / (2 * h)
        claimed = factor * (a - y)
    else:
        def loss(zz):
            return (1 / (1 + np.exp(-zz)) - y) ** 2

        numeric = (loss(z + h) - loss(z - h)) / (2 * h)
        claimed = factor * (a - y) * a * (1 - a)
    return abs(numeric - claimed) < 1e-6


def test_an_objective_defined_beside_the_forward_pass_sets_the_answers_scale(tmp_path):
    """∂L/∂a = 2(a − y) is right for the answer's L = (a − y)² (the oracle), and is judged so; (a − y) is the
    spec's ½-scaled derivative, wrong for the answer's L — with the definition read, judged wrong."""
    assert _holds(2, "a") and not _holds(1, "a")
    right = verify(tmp_path, FORWARD + "$$\\frac{\\partial \\mathcal{L}}{\\partial a} = 2(a - y)$$\n")
    assert right["line 3"].verdict == "correct", right["line 3"].message
    assert "2 × the spec's" in right["line 1"].message
    wrong = verify(tmp_path, FORWARD + "$$\\frac{\\partial \\mathcal{L}}{\\partial a} = 2(a - y)$$\n\n"
                   "$$\\delta = \\frac{\\partial \\mathcal{L}}{\\partial a} \\cdot \\frac{\\partial a}{\\partial z} = "
                   "(a - y) \\cdot a(1 - a)$$\n")
    assert _holds(2, "z") and not _holds(1, "z")
    assert wrong["line 3"].verdict == "correct" and wrong["line 5"].verdict == "incorrect", wrong["line 5"].message


def test_a_split_answer_leaves_its_delta_definition_unchecked(tmp_path):
    """One derivative on each scale (∂L/∂a = (a − y), the spec's; δ = … = 2(a − y) a(1 − a), the answer's — the
    oracle: each right on its own scale only): which is the slip is not known, so neither is judged."""
    assert _holds(1, "a") != _holds(2, "a") and _holds(2, "z")
    got = verify(tmp_path, FORWARD + "$$\\frac{\\partial \\mathcal{L}}{\\partial a} = (a - y)$$\n\n"
                 "$$\\delta = \\frac{\\partial \\mathcal{L}}{\\partial a} \\cdot \\frac{\\partial a}{\\partial z} = "
                 "2(a-y) \\cdot a(1-a)$$\n")
    assert got["line 3"].verdict == "unchecked" and "scale" in got["line 3"].message
    assert got["line 5"].verdict == "unchecked" and "scale" in got["line 5"].message
