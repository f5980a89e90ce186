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


#: a worked example typed as plain text (the twelfth round's user check): NumPy's nested lists as the given values,
#: Greek letters spelled as words (delta2, eta), a word subscript (W2_new). Its numbers are checked against the network
#: run on its own given values; every number below was computed by the NumPy oracle in the first test.
EXAMPLE_SPEC = """name = "hw_221"
inputs = 2
layers = [{units = 2, activation = "sigmoid"}, {units = 1, activation = "sigmoid"}]
[loss]
name = "squared_error"
[optimizer]
name = "sgd"
learning_rate = 0.5
"""
EXAMPLE = """Problem 2 -- backprop by hand

Given: x = [0.5, -1.0], y = 1
W1 = [[0.2, -0.4], [0.7, 0.1]], b1 = [0.1, -0.2]
W2 = [[0.6, -0.3]], b2 = [0.05]

z1 = W1 x + b1 = [0.6, 0.05]
a1 = sigmoid(z1) = [0.6457, 0.5125]
z2 = W2 a1 + b2 = {z2}
a2 = sigmoid(z2) = 0.5704
L = 0.0923
delta2 = (a2 - y) * a2 * (1 - a2) = -0.1053
dL/dW2 = {dw2}
delta1 = (W2^T delta2) * a1 * (1 - a1) = [-0.0144, 0.0079]
dL/dW1 = delta1 x^T = [[-0.0072, 0.0144], [0.0039, -0.0079]]
W2_new = {update}
"""
EXAMPLE_RIGHT = {"z2": "0.2836", "dw2": "delta2 * a1^T = [[-0.0680, -0.0539]]", "update": "W2 - eta * dL/dW2 = [[0.634, -0.273]]"}
EXAMPLE_WRONG = {"z2": "0.2336", "dw2": "delta2 * a1 = [[-0.0680, -0.0539]]", "update": "W2 + eta * dL/dW2 = [[0.566, -0.327]]"}
EXAMPLE_LINES = {"z2": "line 9", "dw2": "line 13", "update": "line 16"}


def test_the_oracle_computes_the_worked_example():
    x, y = np.array([0.5, -1.0]), np.array([1.0])
    W1, b1, W2, b2 = np.array([[0.2, -0.4], [0.7, 0.1]]), np.array([0.1, -0.2]), np.array([[0.6, -0.3]]), np.array([0.05])
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    a1 = sig(W1 @ x + b1)
    z2 = W2 @ a1 + b2
    a2 = sig(z2)
    d2 = (a2 - y) * a2 * (1 - a2)
    d1 = (W2.T @ d2) * a1 * (1 - a1)
    assert np.allclose(z2, 0.2836, atol=5e-5) and np.allclose(0.5 * np.sum((a2 - y) ** 2), 0.0923, atol=5e-5)
    assert np.allclose(np.outer(d2, a1), [[-0.0680, -0.0539]], atol=5e-5)
    assert np.allclose(np.outer(d1, x), [[-0.0072, 0.0144], [0.0039, -0.0079]], atol=5e-5)
    assert np.allclose(W2 - 0.5 * np.outer(d2, a1), [[0.634, -0.273]], atol=5e-4)
    assert not np.allclose(W2 + 0.5 * np.outer(d2, a1), [[0.634, -0.273]], atol=5e-3)


@pytest.mark.parametrize("wrong", [None, *EXAMPLE_LINES])
def test_a_worked_example_in_plain_text_is_checked_on_its_own_numbers(tmp_path, wrong):
    from gradproof.verify.cli import verify_file

    fill = {k: (EXAMPLE_WRONG if k == wrong else EXAMPLE_RIGHT)[k] for k in EXAMPLE_RIGHT}
    (tmp_path / "spec.toml").write_text(EXAMPLE_SPEC)
    (tmp_path / "hw.txt").write_text(EXAMPLE.format(**fill))
    results, meta, _ = verify_file(str(tmp_path / "hw.txt"), str(tmp_path / "spec.toml"))
    got = {r.id: r.verdict for r in results}
    assert len(got) == 13 and list(got.values()).count("unchecked") == 0, got
    for key, line in EXAMPLE_LINES.items():
        assert got[line] == ("incorrect" if key == wrong else "correct"), (line, got[line])
    assert list(got.values()).count("incorrect") == (wrong is not None)
