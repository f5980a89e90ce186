"""A lowercase t as the transpose (Aflak's X^t, W^t, many students' h^{(1)t}): on a quantity, a braced group or a
parenthesised expression of quantities it is the transpose; on constants (Adam's 1 - β_1^t) and in a claim that counts
steps (θ^{t+1}, S_{t-1}) it is not. Before, `{h^{(1)}}^t` was read as h to the power t (the step count, 1 after one
step): right by accident in one layout, a false reject in the other.

The network is one hidden layer, one sample as a column (W n_out × n_in): δ⁽²⁾ h⁽¹⁾ᵀ is ∂J/∂W⁽²⁾ and W⁽²⁾ᵀ δ⁽²⁾ is
∂J/∂h⁽¹⁾ (checked against finite differences below); xᵀ δ⁽¹⁾ (1×2 times 3×1) is no matrix product at all."""

from __future__ import annotations

import numpy as np
import pytest
from gradproof.verify.cli import verify_file

SPEC = """
[spec]
name = "one_hidden"
convention = "row"
inputs = 2

[[spec.layers]]
units = 3
activation = "tanh"

[[spec.layers]]
units = 1
activation = "tanh"

[spec.loss]
name = "squared_error"

[spec.optimizer]
name = "adam"
learning_rate = 0.1
"""

CLAIMS = {
    "braced": (r"\frac{\partial J}{\partial W^{(2)}} = \delta^{(2)} {h^{(1)}}^t", "correct"),
    "inside": (r"\frac{\partial J}{\partial W^{(2)}} = \delta^{(2)} h^{(1)t}", "correct"),
    "weights": (r"\frac{\partial J}{\partial h^{(1)}} = {W^{(2)}}^t \delta^{(2)}", "correct"),
    "bare": (r"\frac{\partial J}{\partial W^{(1)}} = \delta^{(1)} x^t", "correct"),
    "upper": (r"\frac{\partial J}{\partial W^{(1)}} = \delta^{(1)} x^T", "correct"),
    "planted": (r"\frac{\partial J}{\partial W^{(1)}} = x^t \delta^{(1)}", "incorrect"),
    "adam": (r"\hat{m}_{W^{(2)}} = \frac{m_{W^{(2)}}}{1 - \beta_1^t}", "correct"),
}


def _answers(tmp_path, names):
    body = SPEC + "".join(f"\n[[claims]]\nid = \"{n}\"\nlatex = '{CLAIMS[n][0]}'\n" for n in names)
    path = tmp_path / "answers.toml"
    path.write_text(body, encoding="utf-8")
    return str(path)


def test_the_formulas_by_finite_differences():
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(2, 1)), rng.normal(size=(1, 1))
    W1, b1, W2, b2 = rng.normal(size=(3, 2)), rng.normal(size=(3, 1)), rng.normal(size=(1, 3)), rng.normal(size=(1, 1))

    def loss(W2_, h=None):
        h1 = np.tanh(W1 @ x + b1) if h is None else h
        return float(0.5 * np.sum((np.tanh(W2_ @ h1 + b2) - y) ** 2))

    h1 = np.tanh(W1 @ x + b1)
    out = np.tanh(W2 @ h1 + b2)
    d2 = (out - y) * (1 - out**2)
    num = np.zeros_like(W2)
    for idx in np.ndindex(W2.shape):
        e = np.zeros_like(W2)
        e[idx] = 1e-6
        num[idx] = (loss(W2 + e) - loss(W2 - e)) / 2e-6
    assert np.allclose(d2 @ h1.T, num, atol=1e-8)
    dh = np.zeros_like(h1)
    for i in range(3):
        e = np.zeros_like(h1)
        e[i] = 1e-6
        dh[i] = (loss(W2, h1 + e) - loss(W2, h1 - e)) / 2e-6
    assert np.allclose(W2.T @ d2, dh, atol=1e-8)
    assert x.T.shape[1] != W1.shape[0]  # xᵀ δ⁽¹⁾: 1×2 times 3×1 (δ⁽¹⁾ has W⁽¹⁾'s rows) does not multiply


@pytest.mark.parametrize("name", sorted(CLAIMS))
def test_each_claim(tmp_path, name):
    # each with the right ones beside it, so that the answer's layout (one sample as a column) shows
    names = ["braced", "weights", "upper"] + ([name] if name not in ("braced", "weights", "upper") else [])
    results, _, _ = verify_file(_answers(tmp_path, names))
    got = {r.id: r.verdict for r in results}
    assert got[name] == CLAIMS[name][1], [r.message for r in results if r.id == name]


def test_a_claim_that_counts_steps_keeps_t_as_the_step(tmp_path):
    path = tmp_path / "a.toml"
    path.write_text(SPEC + "\n[[claims]]\nid = \"step\"\nlatex = 'W^{t+1} = W^t - \\eta \\nabla_W J'\n", encoding="utf-8")
    results, _, _ = verify_file(str(path))
    assert results[0].verdict != "incorrect" or "transpose" not in results[0].message
