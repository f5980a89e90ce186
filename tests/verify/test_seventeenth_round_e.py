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
GRAD_W = (r"\frac{\partial J}{\partial w_j} = \frac{1}{m} \sum_{i=1}^{m} "
          r"(f_{\mathbf{w},b}(\mathbf{x}^{(i)}) - y^{(i)}) x_j^{(i)} + \frac{\lambda}{m}w_j")
GRAD_W_HALF = (r"\frac{\partial J}{\partial w_j} = \frac{1}{m} \sum_{i=1}^{m} "
               r"(f_{\mathbf{w},b}(\mathbf{x}^{(i)}) - y^{(i)}) x_j^{(i)} + \frac{\lambda}{2m}w_j")
GRAD_B = r"\frac{\partial J}{\partial b} = \frac{1}{m} \sum_{i=1}^{m} (f_{\theta}(x^{(i)}) - y^{(i)})"
GRAD_B_DECAY = (r"\frac{\partial J}{\partial b} = \frac{1}{m} \sum_{i=1}^{m} "
                r"(f_{\mathbf{w},b}(\mathbf{x}^{(i)}) - y^{(i)}) + \frac{\lambda}{m} b")


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


# -- a layer written out entry by entry in the answer's own rows (entryrows.py) -----------------------------------------
# my own 2×3 input a and 1×2 kernel w (a cross-correlation, stride 1): z_{ij} = a_{ij} w_{11} + a_{i,j+1} w_{12}
ROWS = [r"z_{11}=a_{11}*w_{11}+a_{12}*w_{12}", r"z_{12}=a_{12}*w_{11}+a_{13}*w_{12}",
        r"z_{21}=a_{21}*w_{11}+a_{22}*w_{12}", r"z_{22}=a_{22}*w_{11}+a_{23}*w_{12}"]
ENTRY_CLAIMS = {  # claim -> (the entry it differentiates by, its sum as (δ or a entry, other entry) pairs)
    r"\nabla a_{12}=\delta_{11}w_{12}+\delta_{12}w_{11}": (("a", 0, 1), [(("d", 0, 0), ("w", 0, 1)), (("d", 0, 1), ("w", 0, 0))]),
    r"\nabla a_{22}=\delta_{21}w_{11}+\delta_{22}w_{12}": (("a", 1, 1), [(("d", 1, 0), ("w", 0, 0)), (("d", 1, 1), ("w", 0, 1))]),
    r"\frac{\partial C}{\partial W^{l+1}_{12}}=a_{12}\delta_{11}+a_{13}\delta_{12}+a_{22}\delta_{21}+a_{23}\delta_{22}":
        (("w", 0, 1), [(("a", 0, 1), ("d", 0, 0)), (("a", 0, 2), ("d", 0, 1)), (("a", 1, 1), ("d", 1, 0)), (("a", 1, 2), ("d", 1, 1))]),
    r"\frac{\partial C}{\partial W^{l+1}_{11}}=a_{11}\delta_{11}+a_{12}\delta_{12}+a_{21}\delta_{21}+a_{23}\delta_{22}":
        (("w", 0, 0), [(("a", 0, 0), ("d", 0, 0)), (("a", 0, 1), ("d", 0, 1)), (("a", 1, 0), ("d", 1, 0)), (("a", 1, 2), ("d", 1, 1))]),
}


def _entry_truth(by, pairs):
    """NumPy by hand: a nonlinear C of z, δ = ∂C/∂z, and the claimed sum against central differences of C."""
    rng = np.random.default_rng(7)
    vals = {"a": rng.normal(size=(2, 3)), "w": rng.normal(size=(1, 2))}
    g = rng.normal(size=(2, 2))

    def z_of(a, w):
        return np.array([[a[i, j] * w[0, 0] + a[i, j + 1] * w[0, 1] for j in range(2)] for i in range(2)])

    def C(a, w):
        z = z_of(a, w)
        return float(np.sum(g * z) + 0.5 * np.sum(z ** 2) + np.sum(np.sin(z)))

    vals["d"] = g + z_of(vals["a"], vals["w"]) + np.cos(z_of(vals["a"], vals["w"]))  # ∂C/∂z typed by hand
    claimed = sum(vals[p[0]][p[1:]] * vals[q[0]][q[1:]] for p, q in pairs)
    h, up, dn = 1e-6, {k: v.copy() for k, v in vals.items()}, {k: v.copy() for k, v in vals.items()}
    up[by[0]][by[1:]] += h
    dn[by[0]][by[1:]] -= h
    true = (C(up["a"], up["w"]) - C(dn["a"], dn["w"])) / (2 * h)
    return "correct" if abs(claimed - true) < 1e-5 else "incorrect"


def test_gradients_by_entries_judged_on_the_answers_own_rows(tmp_path):
    doc = ("$$\\delta^l=\\frac{\\partial C}{\\partial z^l}$$\n\n$$z^{l+1}=a^l*W^{l+1}$$\n\n"
           + "".join(f"$${row}$$\n" for row in ROWS)
           + "\n$$\\nabla a^l=\\frac{\\partial C}{\\partial a^l}$$\n\n"
           + "".join(f"$${claim}$$\n" for claim in ENTRY_CLAIMS))
    (tmp_path / "net.toml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "hw.md").write_text(doc, encoding="utf-8")
    results, _, _ = verify_file(str(tmp_path / "hw.md"), str(tmp_path / "net.toml"))
    got = {r.latex: r.verdict for r in results}
    want = {claim: _entry_truth(*spec) for claim, spec in ENTRY_CLAIMS.items()}
    assert {claim: got[claim] for claim in ENTRY_CLAIMS} == want
    assert list(want.values()) == ["correct", "incorrect", "correct", "incorrect"]  # the oracle's, stated for the reader


def test_entry_rows_need_the_answers_definition_of_delta(tmp_path):
    """Without δ defined as ∂C/∂z the rows decide nothing: the claims stay with the other readers (unchecked here)."""
    doc = "".join(f"$${row}$$\n" for row in ROWS) + "".join(f"$${claim}$$\n" for claim in ENTRY_CLAIMS)
    (tmp_path / "net.toml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "hw.md").write_text(doc, encoding="utf-8")
    results, _, _ = verify_file(str(tmp_path / "hw.md"), str(tmp_path / "net.toml"))
    assert all(r.verdict == "unchecked" for r in results if r.latex in ENTRY_CLAIMS)


#: two sigmoid layers (4 and 2 units) and half the squared error
TWO_LAYERS = SPEC.replace('inputs = 3', 'inputs = 3\n\n[[layers]]\nunits = 4\nactivation = "sigmoid"').replace(
    'units = 1', 'units = 2').replace('"binary_cross_entropy"', '"squared_error"').replace(
    '[regularization]\nname = "l2"\nlambda = 0.5\n', '')


def test_chinese_prose_defines_bigodot_as_the_elementwise_product(tmp_path):
    """zxRobot's "其中，$\\bigodot$表示矩阵逐元素相乘" (\\bigodot denotes the matrices' elementwise product): read as ⊙.
    The oracle: δ⁽²⁾ = (ŷ − y) ⊙ σ'(z⁽²⁾) for half the squared error (NumPy below), so the right claim is correct and
    the one with σ for σ' is not."""
    from gradproof.verify.proseoperators import stated_products

    assert stated_products("其中，$\\bigodot$表示矩阵逐元素相乘。") == ("bigodot",)
    assert stated_products("$\\bigodot$ 是一个大的运算符") == ()  # (no product named: not read)
    rng = np.random.default_rng(3)
    z, y = rng.normal(size=2), rng.uniform(size=2)
    s = 1 / (1 + np.exp(-z))
    h = 1e-6
    true = np.array([(0.5 * np.sum((1 / (1 + np.exp(-(z + h * e))) - y) ** 2)
                      - 0.5 * np.sum((1 / (1 + np.exp(-(z - h * e))) - y) ** 2)) / (2 * h) for e in np.eye(2)])
    want = ["correct" if np.allclose(v, true, atol=1e-6) else "incorrect" for v in ((s - y) * s * (1 - s), (s - y) * s)]
    spec = TWO_LAYERS
    doc = ("其中，$\\bigodot$表示矩阵逐元素相乘。\n\n"
           "$$\\delta^{(2)}=(\\hat{y}-y)\\bigodot\\sigma'(z^{(2)})$$\n\n"
           "$$\\delta^{(2)}=(\\hat{y}-y)\\bigodot\\sigma(z^{(2)})$$\n")
    (tmp_path / "net.toml").write_text(spec, encoding="utf-8")
    (tmp_path / "hw.md").write_text(doc, encoding="utf-8")
    results, _, _ = verify_file(str(tmp_path / "hw.md"), str(tmp_path / "net.toml"))
    assert [r.verdict for r in results] == want == ["correct", "incorrect"]


def test_rot180_is_a_convolution_left_unchecked_with_the_reason(tmp_path):
    """δ^l = δ^{l+1} * rot180(W^{l+1}) is a convolution layer's backward pass: no spec layer kind, so not judged."""
    doc = "$$\\delta^{(1)}=\\delta^{(2)}*rot180(W^{(2)})$$\n\n$$\\delta^{(1)}=\\delta^{(2)}*\\text{rot}_{180}(W^{(2)})$$\n"
    (tmp_path / "net.toml").write_text(TWO_LAYERS, encoding="utf-8")
    (tmp_path / "hw.md").write_text(doc, encoding="utf-8")
    results, _, _ = verify_file(str(tmp_path / "hw.md"), str(tmp_path / "net.toml"))
    assert [r.verdict for r in results] == ["unchecked", "unchecked"]
    assert "convolution" in results[0].message
