"""Ng's week-3 backward pass typed as NumPy in a Markdown code block (X is n_x × m, one example per column): the
document averages over m examples with ``(1 / m) * np.dot(…)``, so it is judged with a batch — with one example a
missing 1/m was invisible and ``dW2 = np.dot(dZ2, A1.T)`` was a false accept (the twelfth round's user check). The
verdicts are decided by hand; the first test confirms the formulas by central differences in NumPy (not gradproof)."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import central_differences
from gradproof.verify.cli import verify_file

SPEC = """name = "ng_week3"
inputs = 3
layers = [{units = 4, activation = "tanh"}, {units = 1, activation = "sigmoid"}]
[loss]
name = "binary_cross_entropy"
[optimizer]
name = "sgd"
learning_rate = 1.2
"""
RIGHT = {"dW2": "dW2 = (1 / m) * np.dot(dZ2, A1.T)", "db1": "db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)",
         "dW1": "dW1 = np.dot(dZ1, X.T) / m"}
WRONG = {"dW2": "dW2 = np.dot(dZ2, A1.T)", "db1": "db1 = (1 / m) * np.sum(dZ1, axis=0, keepdims=True)",
         "dW1": "dW1 = np.dot(dZ1, X.T)"}
ANSWER = """# Backward propagation

X is (n_x, m), one example per column.

```python
dZ2 = A2 - Y
{dW2}
dZ1 = np.multiply(np.dot(W2.T, dZ2), 1 - np.power(A1, 2))
{dW1}
{db1}
```
"""
LINES = {"dW2": "line 7", "dW1": "line 9", "db1": "line 10"}


def test_the_batch_formulas_by_central_differences():
    rng = np.random.default_rng(5)
    X, Y = rng.normal(size=(3, 6)), rng.integers(0, 2, size=(1, 6)).astype(float)
    W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=(4, 1)), rng.normal(size=(1, 4)), rng.normal(size=(1, 1))

    def cost(p):
        A2 = 1 / (1 + np.exp(-(p["W2"] @ np.tanh(p["W1"] @ X + p["b1"]) + b2)))
        return -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))

    fd = central_differences(cost, {"W1": W1.copy(), "W2": W2.copy(), "b1": b1.copy()})

    A1 = np.tanh(W1 @ X + b1)
    A2 = 1 / (1 + np.exp(-(W2 @ A1 + b2)))
    dZ2 = A2 - Y
    dZ1 = (W2.T @ dZ2) * (1 - A1**2)
    m = X.shape[1]
    assert np.allclose(dZ2 @ A1.T / m, fd["W2"], atol=1e-7)
    assert np.allclose(dZ1 @ X.T / m, fd["W1"], atol=1e-7)
    assert np.allclose(dZ1.sum(axis=1, keepdims=True) / m, fd["b1"], atol=1e-7)
    assert not np.allclose(dZ2 @ A1.T, fd["W2"], atol=1e-3)


@pytest.mark.parametrize("wrong", [None, *LINES])
def test_numpy_in_a_code_block_is_judged_over_a_batch(tmp_path, wrong):
    (tmp_path / "spec.toml").write_text(SPEC)
    (tmp_path / "answer.md").write_text(ANSWER.format(**{k: (WRONG if k == wrong else RIGHT)[k] for k in RIGHT}))
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    got = {r.id: r.verdict for r in results}
    assert len(got) == 5, got
    for key, line in LINES.items():
        assert got[line] == ("incorrect" if key == wrong else "correct"), (line, got)
    assert got["line 6"] == got["line 8"] == "correct"


def test_a_division_by_m_after_a_matrix_product_marks_a_batch_too(tmp_path):
    # db2 = np.sum(…) / m is the only mean over the examples: dW2 = dZ2 @ A1.T (no 1/m) is then wrong
    (tmp_path / "spec.toml").write_text(SPEC)
    (tmp_path / "answer.md").write_text("```python\ndZ2 = A2 - Y\ndW2 = dZ2 @ A1.T\n"
                                        "db2 = np.sum(dZ2, axis=1, keepdims=True) / m\n```\n")
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    assert {r.id: r.verdict for r in results} == {"line 2": "correct", "line 3": "incorrect", "line 4": "correct"}
