"""Ng's gradient letters *defined* as derivatives of the batch cost (the HSBI/TDU notes of heldout13: ``dZ^{[l]} :=
\\frac{\\partial J}{\\partial Z^{[l]}}`` with J = 1/m Σ L): then dZ already carries the 1/m, and ``dW = \\frac{1}{m} dZ
A^T`` divides by m twice — a false accept when verify read dZ as each example's own, as in Ng's course, whatever the
answer defined. Ng's own definition by the loss of one example (``\\frac{\\partial \\mathcal{L}}{\\partial Z}``) keeps
the usual reading. Verdicts decided by hand; the first test confirms them by central differences in NumPy."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import central_differences
from gradproof.verify.cli import verify_file
from helpers_verify import spec_text

SPEC = spec_text("ng_cost_letters", 3, (4, "tanh"), (1, "sigmoid"), loss="binary_cross_entropy", learning_rate=0.5)
# the cost J = 1/m Σ_i L(a^(i), y^(i)); the examples are the columns of X, A, Z
OBJECTIVE_LETTERS = r"""The cost is $J = \frac{1}{m} \sum_{i=1}^{m} L(a^{(i)}, y^{(i)})$; we write $dX := \partial J / \partial X$.

$$dZ^{[2]} := \frac{\partial J}{\partial Z^{[2]}} = \frac{1}{m} (A^{[2]} - Y) \tag{1}$$

$$dW^{[2]} := \frac{\partial J}{\partial W^{[2]}} = {W2} \tag{2}$$

$$db^{[2]} := \frac{\partial J}{\partial b^{[2]}} = {b2} \tag{3}$$

$$dA^{[1]} := \frac{\partial J}{\partial A^{[1]}} = W^{[2]T} dZ^{[2]} \tag{4}$$
"""
RIGHT = {"W2": r"dZ^{[2]} A^{[1]T}", "b2": r"\sum_{i=1}^{m} dZ^{[2](i)}"}
TWICE = {"W2": r"\frac{1}{m} dZ^{[2]} A^{[1]T}", "b2": r"\frac{1}{m} \sum_{i=1}^{m} dZ^{[2](i)}"}

# Ng's own letters: dZ is one example's ∂L/∂Z, stacked; dW = 1/m dZ A^T is then right
LOSS_LETTERS = r"""$$Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]} \tag{0}$$

$$dZ^{[2]} := \frac{\partial \mathcal{L}}{\partial Z^{[2]}} = A^{[2]} - Y \tag{1}$$

$$dW^{[2]} = \frac{\partial J}{\partial W^{[2]}} = \frac{1}{m} dZ^{[2]} A^{[1]T} \tag{2}$$

$$db^{[2]} = \frac{\partial J}{\partial b^{[2]}} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[2](i)} \tag{3}$$
"""


def _net(rng):
    X, Y = rng.normal(size=(3, 6)), rng.integers(0, 2, size=(1, 6)).astype(float)
    p = {"W1": rng.normal(size=(4, 3)), "b1": rng.normal(size=(4, 1)), "W2": rng.normal(size=(1, 4)),
         "b2": rng.normal(size=(1, 1))}
    return X, Y, p


def test_the_letters_by_central_differences():
    X, Y, p = _net(np.random.default_rng(3))

    def forward(q):
        A1 = np.tanh(q["W1"] @ X + q["b1"])
        return A1, 1 / (1 + np.exp(-(q["W2"] @ A1 + q["b2"])))

    def cost(q):
        A2 = forward(q)[1]
        return -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))

    fd = central_differences(cost, {k: v.copy() for k, v in p.items()})
    A1, A2 = forward(p)
    m = X.shape[1]
    dZ2 = (A2 - Y) / m  # ∂J/∂Z^{[2]} of the mean cost: the 1/m is in it (claim 1, confirmed below through dW2)
    assert np.allclose(dZ2 @ A1.T, fd["W2"], atol=1e-7)  # claim 2 as RIGHT
    assert np.allclose(dZ2.sum(axis=1, keepdims=True), fd["b2"], atol=1e-7)  # claim 3 as RIGHT
    assert not np.allclose(dZ2 @ A1.T / m, fd["W2"], atol=1e-4)  # claim 2 as TWICE
    assert not np.allclose(dZ2.sum(axis=1, keepdims=True) / m, fd["b2"], atol=1e-4)
    dA1 = p["W2"].T @ dZ2  # claim 4: ∂J/∂A^{[1]}, through ∂J/∂W1 = (dA1 ⊙ tanh') X^T
    assert np.allclose((dA1 * (1 - A1**2)) @ X.T, fd["W1"], atol=1e-7)
    one = A2 - Y  # Ng's per-example dZ, stacked
    assert np.allclose(one @ A1.T / m, fd["W2"], atol=1e-7)
    assert np.allclose(one.sum(axis=1, keepdims=True) / m, fd["b2"], atol=1e-7)


@pytest.mark.parametrize("wrong", [None, "W2", "b2"])
def test_letters_defined_by_the_cost_carry_its_1_over_m(tmp_path, wrong):
    (tmp_path / "spec.toml").write_text(SPEC)
    text = OBJECTIVE_LETTERS.replace("{W2}", (TWICE if wrong == "W2" else RIGHT)["W2"])
    text = text.replace("{b2}", (TWICE if wrong == "b2" else RIGHT)["b2"])
    (tmp_path / "answer.md").write_text(text)
    results, meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    got = {r.id: r.verdict for r in results}
    assert got["1"] == got["4"] == "correct", got
    assert got["2"] == ("incorrect" if wrong == "W2" else "correct"), got
    assert got["3"] == ("incorrect" if wrong == "b2" else "correct"), got
    assert any("1/N" in n for n in meta["notation"]), meta


def test_letters_defined_by_one_examples_loss_keep_ngs_reading(tmp_path):
    (tmp_path / "spec.toml").write_text(SPEC)
    (tmp_path / "answer.md").write_text(LOSS_LETTERS)
    results, meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    got = {r.id: r.verdict for r in results}
    assert got == {"0": "correct", "1": "correct", "2": "correct", "3": "correct"}, (got, [r.message for r in results])
    assert not any("1/N" in n for n in meta["notation"]), meta
