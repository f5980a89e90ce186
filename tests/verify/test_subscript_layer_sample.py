"""Layers as subscripts and the example as a parenthesised superscript (joyabrata-das's ML_DL notes, a learner's
row-batch derivation: ``\\frac{\\partial \\mathcal{L}}{\\partial b_2} = \\sum_{i=1}^B \\frac{\\partial
\\mathcal{L}}{\\partial z_2^{(i)}}``): with i counted by a sum over the batch, ``(i)`` is example i and the subscript 2
the layer — it was read as entry 2 of a layer ``(i)`` ("z needs a layer index"). Verdicts decided by hand; the first
test confirms them by central differences in NumPy (not gradproof)."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import central_differences
from gradproof.verify.cli import verify_file
from helpers_verify import spec_text

SPEC = spec_text("subscript_layers", 4, (5, "relu"), (3, "softmax"), loss="cross_entropy", convention="column")
ANSWER = r"""$$
z_1 = XW_1 + b_1,\quad a_1 = \mathrm{ReLU}(z_1)
$$
$$
z_2 = a_1W_2 + b_2,\quad \hat{Y} = \mathrm{softmax}(z_2)
$$
$$
\mathcal{L} = -\frac{1}{B}\sum_{i=1}^B \log(\hat{y}_{i,y_i})
$$
$$
\mathcal{L} = -\sum_k y_k \log \hat{y}_k
$$
$$
\frac{\partial \mathcal{L}}{\partial z_2} = \frac{1}{B}(\hat{Y} - Y)
$$
$$
\frac{\partial \mathcal{L}}{\partial b_2} = {b2}
$$
$$
\frac{\partial \mathcal{L}}{\partial b_1} = {b1}
$$
"""
RIGHT = {"b2": r"\sum_{i=1}^B \frac{\partial \mathcal{L}}{\partial z_2^{(i)}}",
         "b1": r"\sum_{i=1}^{B} \frac{\partial \mathcal{L}}{\partial z_1^{(i)}}"}
WRONG = {"b2": r"\frac{1}{B} \sum_{i=1}^B \frac{\partial \mathcal{L}}{\partial z_2^{(i)}}",  # the 1/B twice
         "b1": r"\sum_{i=1}^{B} \frac{\partial \mathcal{L}}{\partial z_2^{(i)}}"}  # the output layer's
LINES = {"b2": "line 17", "b1": "line 20"}


def test_the_bias_gradients_by_central_differences():
    rng = np.random.default_rng(4)
    X, labels = rng.normal(size=(6, 4)), rng.integers(0, 3, size=6)
    Y = np.eye(3)[labels]
    p = {"W1": rng.normal(size=(4, 5)), "b1": rng.normal(size=(1, 5)), "W2": rng.normal(size=(5, 3)),
         "b2": rng.normal(size=(1, 3))}

    def forward(q):
        a1 = np.maximum(X @ q["W1"] + q["b1"], 0)
        z2 = a1 @ q["W2"] + q["b2"]
        e = np.exp(z2 - z2.max(axis=1, keepdims=True))
        return a1, e / e.sum(axis=1, keepdims=True)

    def cost(q):
        return -np.mean(np.log(forward(q)[1][np.arange(6), labels]))

    fd = central_differences(cost, {k: v.copy() for k, v in p.items()})
    a1, Yhat = forward(p)
    dz2 = (Yhat - Y) / 6  # ∂L/∂z_2, row i example i's, with the 1/B
    dz1 = (dz2 @ p["W2"].T) * (a1 > 0)
    assert np.allclose(dz2.sum(axis=0, keepdims=True), fd["b2"], atol=1e-7)  # RIGHT b2
    assert np.allclose(dz1.sum(axis=0, keepdims=True), fd["b1"], atol=1e-7)  # RIGHT b1
    assert not np.allclose(dz2.sum(axis=0, keepdims=True) / 6, fd["b2"], atol=1e-4)  # WRONG b2


@pytest.mark.parametrize("wrong", [None, *LINES])
def test_a_subscript_layer_with_an_example_superscript(tmp_path, wrong):
    (tmp_path / "spec.toml").write_text(SPEC)
    text = ANSWER
    for key in RIGHT:
        text = text.replace("{" + key + "}", (WRONG if key == wrong else RIGHT)[key])
    (tmp_path / "answer.md").write_text(text)
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    got = {r.id: r.verdict for r in results}
    for key, line in LINES.items():
        assert got[line] == ("incorrect" if key == wrong else "correct"), (line, got, [r.message for r in results])
    assert got["line 14"] == "correct", got
