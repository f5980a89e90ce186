"""verify17d, the seventeenth round: a bare ``\\nabla L`` (the loss's gradient, no subscript) in an optimizer state's
recurrence written with the time index t (``v_t = β v_{t-1} + (1 − β) ∇L``: webmastervetea's Spanish momentum page) is
the step's gradient of the state's parameter, g_t. Elsewhere ``\\nabla L`` keeps its old reading (unread)."""

from __future__ import annotations

import numpy as np
from test_fifteenth_round_coordinator import by_id

SPEC = """name = "one_neuron_momentum"
convention = "row"
inputs = 2

[[layers]]
units = 1
activation = "sigmoid"

[loss]
name = "squared_error"

[optimizer]
name = "momentum"
variant = "ema"
momentum = 0.9
learning_rate = 0.1
"""


def verify(tmp_path, body: str):
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(SPEC)
    (tmp_path / "answer.md").write_text(body)
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    return by_id(results)


def _oracle_velocity(coef_v: float, coef_g: float) -> bool:
    """Whether v_t = coef_v v_{t-1} + coef_g ∇L is the exponential-average momentum with β = 0.9 (v_t = β v_{t-1} +
    (1 − β) g, g = ∂L/∂w by central differences of the one sigmoid neuron's squared error), at a random point, in NumPy."""
    rng = np.random.default_rng(5)
    x, w, b, y = rng.normal(size=2), rng.normal(size=2), rng.normal(), 0.8
    v_prev = rng.normal(size=2)

    def loss(w_):
        a = 1 / (1 + np.exp(-(x @ w_ + b)))
        return 0.5 * (y - a) ** 2

    g = np.array([(loss(w + e) - loss(w - e)) / 2e-6 for e in np.eye(2) * 1e-6])
    beta = 0.9
    truth = beta * v_prev + (1 - beta) * g
    return bool(np.allclose(coef_v * v_prev + coef_g * g, truth, atol=1e-9))


def test_a_bare_nabla_l_in_a_time_indexed_recurrence_is_the_steps_gradient(tmp_path):
    body = ("# Momento\n\n"
            "$$v_t = \\beta \\cdot v_{t-1} + (1 - \\beta) \\cdot \\nabla L$$\n\n"  # line 3
            "$$v_t = \\beta \\cdot v_{t-1} + \\beta \\cdot \\nabla L$$\n\n"  # line 5
            "$$v_t = \\beta \\cdot v_{t-1} + (1 - \\beta) \\cdot \\nabla J$$\n")  # line 7
    got = verify(tmp_path, body)
    want = {"line 3": _oracle_velocity(0.9, 0.1), "line 5": _oracle_velocity(0.9, 0.9),
            "line 7": _oracle_velocity(0.9, 0.1)}
    assert want == {"line 3": True, "line 5": False, "line 7": True}
    for line, right in want.items():
        assert got[line].verdict == ("correct" if right else "incorrect"), (line, got[line].verdict, got[line].reason)


def test_a_bare_nabla_l_without_a_time_index_stays_unread(tmp_path):
    """No time-indexed letter: nothing says ∇L is a step's gradient by a parameter (which one?), so not read."""
    got = verify(tmp_path, "# G\n\n$$g = \\nabla L$$\n")
    assert got["line 3"].verdict == "unchecked"
