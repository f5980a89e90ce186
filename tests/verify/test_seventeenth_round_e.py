"""Notations of the seventeenth round (issue 10, verify17e), in small documents of my own written as Andrew Ng's Machine
Learning Specialization (2022) writes: the model's prediction as a function letter with the parameters under it,
``f_{\\mathbf{w},b}(\\mathbf{x}^{(i)})`` (also ``f_\\theta(x)``), regularized logistic regression
``J(\\mathbf{w},b) = -\\frac{1}{m}\\sum_i [y \\log f + (1-y)\\log(1-f)] + \\frac{\\lambda}{2m}\\sum_j w_j^2`` with the bias not
regularized, and a definition of the model function ``f_{\\vec{w},b}(\\vec{x}) = …`` that notes comparing models may write
for another model than the spec's.

Every expected verdict is the formula's truth, decided here in NumPy (the objective typed by hand, central
differences), never by verify."""

from __future__ import annotations

import numpy as np
from gradproof.verify.cli import verify_file

LAMBDA, M = 0.5, 5

SPEC = f"""name = "ng_reglogistic"
convention = "row"
inputs = 3

[[layers]]
units = 1
activation = "sigmoid"

[loss]
name = "binary_cross_entropy"

[regularization]
name = "l2"
lambda = {LAMBDA}

[optimizer]
name = "sgd"
learning_rate = 0.01
"""

# the claims as the notes write them, and what each one computes for weight j (NumPy by hand)
GRAD_W = r"\frac{\partial J}{\partial w_j} = \frac{1}{m} \sum_{i=1}^{m} (f_{\mathbf{w},b}(\mathbf{x}^{(i)}) - y^{(i)}) x_j^{(i)} + \frac{\lambda}{m}w_j"
GRAD_W_HALF = r"\frac{\partial J}{\partial w_j} = \frac{1}{m} \sum_{i=1}^{m} (f_{\mathbf{w},b}(\mathbf{x}^{(i)}) - y^{(i)}) x_j^{(i)} + \frac{\lambda}{2m}w_j"
GRAD_B = r"\frac{\partial J}{\partial b} = \frac{1}{m} \sum_{i=1}^{m} (f_{\theta}(x^{(i)}) - y^{(i)})"
GRAD_B_DECAY = r"\frac{\partial J}{\partial b} = \frac{1}{m} \sum_{i=1}^{m} (f_{\mathbf{w},b}(\mathbf{x}^{(i)}) - y^{(i)}) + \frac{\lambda}{m} b"


def _claimed(name, w, b, X, Y):
    f = 1 / (1 + np.exp(-(X @ w + b)))
    return {"GRAD_W": (f - Y) @ X / M + LAMBDA / M * w,
            "GRAD_W_HALF": (f - Y) @ X / M + LAMBDA / (2 * M) * w,
            "GRAD_B": np.array([np.mean(f - Y)]),
            "GRAD_B_DECAY": np.array([np.mean(f - Y) + LAMBDA / M * b])}[name]


def _truth(name):
    """"correct" when the claim's formula equals the gradient of J by central differences at random points."""
    rng = np.random.default_rng(17)
    w, b = rng.normal(size=3), rng.normal()
    X, Y = rng.normal(size=(M, 3)), rng.integers(0, 2, size=M).astype(float)

    def J(w, b):
        f = 1 / (1 + np.exp(-(X @ w + b)))
        return -np.mean(Y * np.log(f) + (1 - Y) * np.log(1 - f)) + LAMBDA / (2 * M) * np.sum(w ** 2)

    h = 1e-6
    if name.startswith("GRAD_W"):
        true = np.array([(J(w + h * e, b) - J(w - h * e, b)) / (2 * h) for e in np.eye(3)])
    else:
        true = np.array([(J(w, b + h) - J(w, b - h)) / (2 * h)])
    return "correct" if np.allclose(_claimed(name, w, b, X, Y), true, atol=1e-6) else "incorrect"


def test_ng_model_letter_with_its_parameters_is_the_prediction(tmp_path):
    names = ("GRAD_W", "GRAD_W_HALF", "GRAD_B", "GRAD_B_DECAY")
    doc = "".join(f"- claim {k}:\n  $${globals()[name]}$$\n\n" for k, name in enumerate(names, 1))
    (tmp_path / "net.toml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "hw.md").write_text(doc, encoding="utf-8")
    results, _, _ = verify_file(str(tmp_path / "hw.md"), str(tmp_path / "net.toml"))
    got = [r.verdict for r in results]
    assert got == [_truth(name) for name in names]
    assert got == ["correct", "incorrect", "correct", "incorrect"]  # the oracle's verdicts, stated for the reader


def test_a_definition_of_the_model_function_is_not_judged(tmp_path):
    """Notes comparing linear and logistic regression define f_{w,b}(x) for both: the line names its model in prose,
    so neither definition is judged against the spec's (a false reject of the linear one otherwise)."""
    doc = ("- **Linear Regression:** $f_{\\vec{w},b}(\\vec{x}) = \\vec{w} \\cdot \\vec{x} + b$\n"
           "- **Logistic Regression:** $f_{\\vec{w},b}(\\vec{x}) = \\frac{1}{1 + e^{-(\\vec{w} \\cdot \\vec{x} + b)}}$\n")
    (tmp_path / "net.toml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "hw.md").write_text(doc, encoding="utf-8")
    results, _, _ = verify_file(str(tmp_path / "hw.md"), str(tmp_path / "net.toml"))
    assert [r.verdict for r in results] == ["unchecked", "unchecked"]
    assert all("defines a model's function" in r.message for r in results)
