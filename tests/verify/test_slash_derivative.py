"""A plain-text derivative of the objective, as students type it in a .txt or Markdown answer: ``dL/dz2``, ``dJ/dW1``
(read as ``\\partial L/\\partial z2``; names like z2, a1, W2 are layers 2, 1, 2). The formulas are the standard ones
for one sample as a column (softmax with cross-entropy: ∂L/∂z2 = a2 − y), checked against finite differences here."""

from __future__ import annotations

import numpy as np
from gradproof.verify.cli import verify_file

SPEC = """name = "plain_net"
convention = "row"
inputs = 3

[[layers]]
units = 4
activation = "relu"

[[layers]]
units = 2
activation = "softmax"

[loss]
name = "cross_entropy"

[optimizer]
name = "sgd"
learning_rate = 0.1
"""

ANSWER = """Q1. Output layer

$$ dL/dz2 = a2 - y $$

$$ dL/dW2 = (a2 - y) a1^T $$

$$ dJ/db2 = a2 - y $$

Q2. Hidden layer

$$ dL/dz1 = W2^T (a2 - y) * relu'(z1) $$

$$ dL/dW1 = (W2^T (a2 - y) * relu'(z1)) x^T $$

$$ dL/dW1 = x (W2^T (a2 - y) * relu'(z1))^T $$
"""


def test_the_formulas_by_finite_differences():
    rng = np.random.default_rng(4)
    x, W1, b1, W2, b2 = (rng.normal(size=s) for s in [(3, 1), (4, 3), (4, 1), (2, 4), (2, 1)])
    y = np.array([[0.0], [1.0]])

    def L(W1):
        z1 = W1 @ x + b1
        z2 = W2 @ np.maximum(z1, 0) + b2
        return float(-np.sum(y * (z2 - np.log(np.sum(np.exp(z2))))))

    z1 = W1 @ x + b1
    a1 = np.maximum(z1, 0)
    a2 = np.exp(W2 @ a1 + b2) / np.sum(np.exp(W2 @ a1 + b2))
    d1 = (W2.T @ (a2 - y)) * (z1 > 0)
    num = np.zeros_like(W1)
    for idx in np.ndindex(W1.shape):
        e = np.zeros_like(W1)
        e[idx] = 1e-6
        num[idx] = (L(W1 + e) - L(W1 - e)) / 2e-6
    assert np.allclose(d1 @ x.T, num, atol=1e-7) and (x @ d1.T).shape != num.shape


def test_slash_derivatives_in_plain_text(tmp_path):
    (tmp_path / "net.toml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "answer.txt").write_text(ANSWER, encoding="utf-8")
    results, _, _ = verify_file(str(tmp_path / "answer.txt"), str(tmp_path / "net.toml"))
    assert [r.verdict for r in results] == ["correct"] * 5 + ["incorrect"], [(r.id, r.message) for r in results]
