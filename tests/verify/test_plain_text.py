"""Answers written in plain text, with no math delimiters at all (a ``.txt`` homework, a PDF's text), and NumPy's
boolean mask ``(z1 > 0)`` / ``1[z1 > 0]`` as ReLU's derivative. Found in the eleventh round's user check: a student's
``.txt`` answer was refused ("no equations found") and ``dA1 * (Z1 > 0)`` was unreadable. Verdicts decided by hand,
each confirmed by central differences of the network below (not by gradproof)."""

from __future__ import annotations

import numpy as np
import pytest

RNG = np.random.default_rng(11)

SPEC = """name = "plain"
convention = "row"
inputs = 3
layers = [{units = 4, activation = "relu"}, {units = 2, activation = "softmax"}]
[loss]
name = "cross_entropy"
[optimizer]
name = "sgd"
learning_rate = 0.1
"""

ANSWER = """Homework 3, Problem 2 (backprop for a 2-layer net)

Forward pass: z1 = W1 x + b1, a1 = ReLU(z1), z2 = W2 a1 + b2, ŷ = softmax(z2)
Note that the learning rate = 0.1 is fixed here.

(a) dL/dz2 = {a}
(b) dL/dW2 = {b}
- dL/dz1 = {c}
2. `dW1 = {d}`
"""

RIGHT = {"a": "ŷ − y", "b": "(ŷ − y) a1ᵀ", "c": "W2ᵀ (ŷ − y) * (z1 > 0)", "d": "np.dot(dz1, x.T)"}
WRONG = {"a": "y − ŷ", "b": "(ŷ − y) a1", "c": "W2ᵀ (ŷ − y) * (z1 < 0)", "d": "np.dot(dz1, x.T)"}


def _grads():
    """One example's gradients by central differences: ∂L/∂z2, ∂L/∂W2, ∂L/∂z1, and the candidates the answers write."""
    x, y = RNG.normal(size=3), np.eye(2)[1]
    W1, b1, W2, b2 = RNG.normal(size=(4, 3)), RNG.normal(size=4), RNG.normal(size=(2, 4)), RNG.normal(size=2)

    def loss_z2(z2):
        return float(-y @ (z2 - np.log(np.exp(z2).sum())))

    def grad(f, v, h=1e-6):
        g = np.zeros_like(v)
        for i in np.ndindex(v.shape):
            e = np.zeros_like(v)
            e[i] = h
            g[i] = (f(v + e) - f(v - e)) / (2 * h)
        return g

    z1 = W1 @ x + b1
    a1 = np.maximum(z1, 0)
    z2 = W2 @ a1 + b2
    yhat = np.exp(z2) / np.exp(z2).sum()
    d_z2 = grad(loss_z2, z2)
    d_W2 = grad(lambda W: loss_z2(W @ a1 + b2), W2)
    d_z1 = grad(lambda z: loss_z2(W2 @ np.maximum(z, 0) + b2), z1)
    return {"a": (d_z2, yhat - y, y - yhat), "b": (d_W2, np.outer(yhat - y, a1), None),
            "c": (d_z1, (W2.T @ (yhat - y)) * (z1 > 0), (W2.T @ (yhat - y)) * (z1 < 0))}


def _verdicts(tmp_path, fill: dict) -> dict:
    from gradproof.verify.cli import verify_file

    (tmp_path / "net.toml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "hw3.txt").write_text(ANSWER.format(**fill), encoding="utf-8")
    results, _meta, _s = verify_file(str(tmp_path / "hw3.txt"), str(tmp_path / "net.toml"))
    return {r.id: r.verdict for r in results}


def test_the_oracle_decides_the_plain_answers():
    g = _grads()
    assert np.allclose(g["a"][0], g["a"][1], atol=1e-6) and not np.allclose(g["a"][0], g["a"][2], atol=1e-3)
    assert np.allclose(g["b"][0], g["b"][1], atol=1e-6)  # (ŷ − y) a1 without ᵀ is a 2 × 1 times 4 × 1: no product
    assert np.allclose(g["c"][0], g["c"][1], atol=1e-6) and not np.allclose(g["c"][0], g["c"][2], atol=1e-3)


def test_a_plain_text_answer_is_read_line_by_line(tmp_path):
    got = _verdicts(tmp_path, RIGHT)
    # the forward line's four equations (after "Forward pass:"), the four answers; the sentence is not a claim
    assert got == {"line 3": "correct", "line 6": "correct", "line 7": "correct", "line 8": "correct",
                   "line 9": "correct"}, got


def test_a_plain_text_answer_with_mistakes(tmp_path):
    got = _verdicts(tmp_path, WRONG)
    assert got == {"line 3": "correct", "line 6": "incorrect", "line 7": "incorrect", "line 8": "incorrect",
                   "line 9": "correct"}, got


@pytest.mark.parametrize("mask", ["1[z_1 > 0]", "(z_1 > 0)", "1(z_1 > 0)", r"\mathbb{1}[z_1 > 0]"])
def test_the_relu_mask_in_brackets_is_the_indicator(mask):
    from gradproof.verify.normalize import normalize

    assert "\\indicator" in normalize(f"W_2^T \\delta_2 \\odot {mask}")
    assert normalize(f"W_2^T \\delta_2 \\odot {mask}").count("\\indicator") == 1


def test_a_function_of_a_comparison_is_not_an_indicator():
    from gradproof.verify.normalize import normalize

    assert "\\indicator" not in normalize("\\max(z > 0)")


def test_a_comparison_in_a_script_is_not_an_indicator():
    """Goto's x^{(l<N)}: the layers before the last, not a mask."""
    from gradproof.verify.normalize import normalize

    assert "\\indicator" not in normalize("x^{(l<N)} = \\tanh(\\tilde{x}^{(l)})")
