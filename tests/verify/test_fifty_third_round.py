r"""Fifty-third round (issue 10): short answers written as students write them, run through verify first
(docs/handover/hunt53 holds them).

- ``y_k = \sigma(\sum_j v_{jk} h_j + c_k)``, then ``\frac{\partial E}{\partial v_{jk}}``: the entry of the answer's own
  letter v (W⁽²⁾ᵀ) under ∂ was not read ("expected '}'").
- ``\hat y = w_2^T h + b_2`` (a plain w, transposed, multiplying a vector): w_2 was read as Mazur's one weight.
- ``h_1 = f(W_1 x + b_1)``, ``\hat y = g(W_2 h_1 + b_2)``, then ``f'(u) = 1 - f(u)^2``: f was bound to no layer.
- "the correct\nclass $c$" (a line break between the words) and ``\begin{cases} p_i - 1 & i = c \\ p_i & i \neq c
  \end{cases}``: the true class was not read.
- ``\mathrm{LReLU}(t) = \max(0.01 t, t)``: the function's own variable t read as a time step.
- ``h^{(i)} = \tanh(W_1 x^{(i)} + b_1)``: a bare h with the example's index, its layer unread.
- ``\frac{d}{dz} \ln(1 + e^{z})``: the derivative of a function of an expression refused.

The expected verdicts come from NumPy: each formula is evaluated on a random instance and compared with central
differences of the loss, never from verify."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import assert_verdicts, gradient_of, listed_claims, sigmoid, spec_toml, verify_text

rng = np.random.default_rng(53)
_grad, _verdicts, _sig, _spec, _listed = gradient_of, assert_verdicts, sigmoid, spec_toml, listed_claims


def _sigmoid_softmax_instance(label: int):
    """A random one-example instance of a 3-4-3 sigmoid / softmax network: x, W1, b1, W2, b2, the one-hot y, h, ŷ."""
    x = rng.normal(size=3)
    W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(3, 4)), rng.normal(size=3)
    y = np.eye(3)[label]
    h = _sig(W1 @ x + b1)
    z2 = W2 @ h + b2
    return x, W1, b1, W2, b2, y, h, np.exp(z2) / np.exp(z2).sum()


def test_entries_of_the_answers_own_weight_letter_under_a_derivative(tmp_path):
    x, t = rng.normal(size=2), rng.normal(size=2)
    W, b, V, c = rng.normal(size=(2, 3)), rng.normal(size=3), rng.normal(size=(3, 2)), rng.normal(size=2)  # w_{ij}, v_{jk}
    h = _sig(x @ W + b)
    y = _sig(h @ V + c)
    dV = _grad(lambda v: 0.5 * float(np.sum((_sig(h @ v + c) - t) ** 2)), V)  # [j, k]
    d = (y - t) * y * (1 - y)
    claims = [
        (r"\frac{\partial E}{\partial v_{jk}} = (y_k - t_k)\, y_k (1 - y_k)\, h_j", np.outer(h, d), dV),
        (r"\frac{\partial E}{\partial v_{jk}} = (y_k - t_k)\, h_j", np.outer(h, y - t), dV),
    ]
    head = (r"Hidden units $h_j = \sigma\big(\sum_i w_{ij} x_i + b_j\big)$, outputs $y_k = \sigma\big(\sum_j v_{jk} h_j + "
            r"c_k\big)$, error $E = \frac{1}{2} \sum_k (y_k - t_k)^2$." "\n\n")
    found = verify_text(tmp_path, _spec("vw", 2, [(3, "sigmoid"), (2, "sigmoid")], "squared_error"), head + _listed(claims))
    _verdicts(found, claims)


def test_a_plain_w_transposed_times_a_vector_is_a_layers_weights(tmp_path):
    x, y = rng.normal(size=3), 0.7
    W1, b1, w2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=4), rng.normal()
    z = W1 @ x + b1
    h = np.tanh(z)
    yhat = w2 @ h + b2
    loss = lambda w: 0.5 * float((w @ h + b2 - y) ** 2)  # noqa: E731
    dw2 = _grad(loss, w2)
    db1 = _grad(lambda v: 0.5 * float((w2 @ np.tanh(W1 @ x + v) + b2 - y) ** 2), b1)
    claims = [
        (r"\frac{\partial L}{\partial w_2} = (\hat{y} - y)\, h", (yhat - y) * h, dw2),
        (r"\frac{\partial L}{\partial w_2} = (\hat{y} - y)\, x", (yhat - y) * x, dw2),
        (r"\frac{\partial L}{\partial b_1} = (\hat{y} - y)\, w_2 \odot (1 - h \odot h)", (yhat - y) * w2 * (1 - h * h), db1),
        (r"\frac{\partial L}{\partial b_1} = (\hat{y} - y)\, w_2", (yhat - y) * w2, db1),
    ]
    head = (r"$z = W_1 x + b_1$, $h = \tanh(z)$, $\hat{y} = w_2^T h + b_2$ and $L = \frac{1}{2} (\hat{y} - y)^2$." "\n\n")
    found = verify_text(tmp_path, _spec("w2col", 3, [(4, "tanh"), (1, "identity")], "squared_error"), head + _listed(claims))
    _verdicts(found, claims)


@pytest.mark.parametrize("letter", ["u", "z"])
def test_function_letters_bound_by_numbered_definitions(tmp_path, letter):
    v = rng.normal(size=5)
    tanh_slope = _grad(lambda a: float(np.sum(np.tanh(a))), v)  # d tanh / dv, entrywise
    sig_slope = _grad(lambda a: float(np.sum(_sig(a))), v)
    u = letter
    claims = [
        (rf"f'({u}) = 1 - f({u})^2", 1 - np.tanh(v) ** 2, tanh_slope),
        (rf"f'({u}) = f({u})(1 - f({u}))", np.tanh(v) * (1 - np.tanh(v)), tanh_slope),
        (r"g'(z) = g(z)(1 - g(z))", _sig(v) * (1 - _sig(v)), sig_slope),
        (r"g'(z) = 1 - g(z)^2", 1 - _sig(v) ** 2, sig_slope),
    ]
    head = (r"Let $f = \tanh$ and $g$ the logistic function. $h_1 = f(W_1 x + b_1)$ and $\hat{y} = g(W_2 h_1 + b_2)$." "\n\n")
    spec = _spec("fg", 3, [(4, "tanh"), (2, "sigmoid")], "binary_cross_entropy")
    _verdicts(verify_text(tmp_path, spec, head + _listed(claims)), claims)


def test_a_function_letter_stays_unbound_where_the_subscript_is_an_entry(tmp_path):
    """h_2 = f(z_2) beside h_1 = f(z_1) names units, not layers: f stays unbound and f' of tanh is not judged for the
    sigmoid output (it would be `incorrect` there)."""
    head = r"The hidden units are $h_1 = f(z_1)$ and $h_2 = f(z_2)$, and $\hat{y} = g(W_2 h + b_2)$." "\n\n"
    spec = _spec("fgunits", 3, [(2, "tanh"), (2, "sigmoid")], "binary_cross_entropy")
    found = verify_text(tmp_path, spec, head + "1. $f'(u) = 1 - f(u)^2$\n")
    assert found["f'(u) = 1 - f(u)^2"].verdict == "unchecked"


CLASS_HEAD = (r"$z = W_2 h + b_2$ where $h = \mathrm{ReLU}(W_1 x + b_1)$, $p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}$, and for the "
              "correct\n" r"class $c$ the loss is $L = -\log p_c$." "\n\n")


def test_the_true_class_across_a_line_break_and_in_cases(tmp_path):
    x = rng.normal(size=4)
    W1, b1, W2, b2 = rng.normal(size=(5, 4)), rng.normal(size=5), rng.normal(size=(3, 5)), rng.normal(size=3)
    h = np.maximum(W1 @ x + b1, 0)
    z = W2 @ h + b2
    p = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
    c = 1
    loss = lambda v: float(-np.log(np.exp(v[c] - v.max()) / np.exp(v - v.max()).sum()))  # noqa: E731
    dz = _grad(loss, z)
    onehot = np.eye(3)[c]
    claims = [
        (r"\frac{\partial L}{\partial z_i} = \begin{cases} p_i - 1 & i = c \\ p_i & i \neq c \end{cases}", p - onehot, dz),
        (r"\frac{\partial L}{\partial z_i} = \begin{cases} p_i & i \neq c \\ p_i - 1 & \text{otherwise} \end{cases}", p - onehot, dz),
        (r"\frac{\partial L}{\partial z_i} = \begin{cases} p_i + 1 & \text{if } i = c, \\ p_i & \text{otherwise} \end{cases}",
         p + onehot, dz),
        (r"\frac{\partial L}{\partial z_i} = \begin{cases} p_i - 1 & i = c \\ 0 & i \neq c \end{cases}", (p - 1) * onehot, dz),
    ]
    spec = _spec("cases", 4, [(5, "relu"), (3, "softmax")], "cross_entropy")
    found = verify_text(tmp_path, spec, CLASS_HEAD + _listed(claims))
    assert found[r"L = -\log p_c"].verdict == "correct", found[r"L = -\log p_c"].message
    _verdicts(found, claims)


@pytest.mark.parametrize("letter", ["t", "u", "s"])
def test_a_functions_own_variable_letter(tmp_path, letter):
    v = rng.normal(size=6)
    slope = _grad(lambda a: float(np.sum(np.maximum(0.01 * a, a))), v)
    t = letter
    claims = [
        (rf"\mathrm{{LReLU}}'({t}) = \begin{{cases}} 1 & {t} > 0 \\ 0.01 & {t} \le 0 \end{{cases}}", np.where(v > 0, 1, 0.01), slope),
        (rf"\mathrm{{LReLU}}'({t}) = \begin{{cases}} 1 & {t} > 0 \\ 0.1 & {t} \le 0 \end{{cases}}", np.where(v > 0, 1, 0.1), slope),
    ]
    head = (rf"$z_1 = W_1 x + b_1$, $a_1 = \mathrm{{LReLU}}(z_1)$ with $\mathrm{{LReLU}}({t}) = \max(0.01 {t}, {t})$, "
            r"$z_2 = W_2 a_1 + b_2$, $p = \mathrm{softmax}(z_2)$." "\n\n")
    spec = spec_toml("lrelu", 3, [(4, "leaky_relu"), (3, "softmax")], "cross_entropy").replace(
        'activation = "leaky_relu"', 'activation = "leaky_relu"\ngamma = 0.01')
    found = verify_text(tmp_path, spec, head + _listed(claims))
    assert found[rf"\mathrm{{LReLU}}({t}) = \max(0.01 {t}, {t})"].verdict == "correct"
    _verdicts(found, claims)


def test_a_step_letter_is_no_functions_variable():
    from gradproof.verify.judge import _dummy_variable

    assert _dummy_variable(r"g(t) = \nabla_w J(w_{t-1})", []) is None  # t the step: an index elsewhere
    assert _dummy_variable(r"\sigma(s) = \frac{1}{1 + e^{-s}}", []) is not None
    assert _dummy_variable(r"f(u) = u^2", [type("C", (), {"latex": r"u = W_1 x + b_1"})()]) is None  # u the answer's own


def test_a_bare_letter_with_the_examples_index(tmp_path):
    m = 6
    X, y = rng.normal(size=(m, 3)), rng.integers(0, 2, size=m).astype(float)
    W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(1, 4)), rng.normal(size=1)

    def J(W1_, b1_, W2_, b2_):
        H = np.tanh(X @ W1_.T + b1_)
        p = _sig(H @ W2_.T + b2_)[:, 0]
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))

    H = np.tanh(X @ W1.T + b1)
    P = _sig(H @ W2.T + b2)[:, 0]
    dW2, db1 = _grad(lambda v: J(W1, b1, v, b2), W2), _grad(lambda v: J(W1, v, W2, b2), b1)
    claims = [
        (r"\frac{\partial J}{\partial W_2} = \frac{1}{m} \sum_{i=1}^{m} (\hat{y}^{(i)} - y^{(i)}) h^{(i)T}",
         ((P - y) @ H)[None, :] / m, dW2),
        (r"\frac{\partial J}{\partial b_1} = \frac{1}{m} \sum_{i=1}^{m} W_2^T (\hat{y}^{(i)} - y^{(i)}) \odot (1 - h^{(i)} \odot h^{(i)})",
         (((P - y)[:, None] * W2) * (1 - H * H)).mean(axis=0), db1),
        (r"\frac{\partial J}{\partial b_1} = \frac{1}{m} \sum_{i=1}^{m} W_2^T (\hat{y}^{(i)} - y^{(i)}) \odot h^{(i)}",
         (((P - y)[:, None] * W2) * H).mean(axis=0), db1),
    ]
    head = (r"For examples $i = 1, \dots, m$: $h^{(i)} = \tanh(W_1 x^{(i)} + b_1)$, $\hat{y}^{(i)} = \sigma(W_2 h^{(i)} + b_2)$ "
            r"and $J = -\frac{1}{m} \sum_{i=1}^{m} \left[ y^{(i)} \log \hat{y}^{(i)} + (1 - y^{(i)}) \log (1 - \hat{y}^{(i)}) "
            r"\right]$." "\n\n")
    found = verify_text(tmp_path, _spec("examples", 3, [(4, "tanh"), (1, "sigmoid")], "binary_cross_entropy"),
                        head + _listed(claims))
    _verdicts(found, claims)
    rng_claim = found[r"i = 1, \dots, m"]
    assert rng_claim.verdict == "unchecked" and "range of the index i" in rng_claim.message


def test_the_total_derivative_of_a_function_of_an_expression(tmp_path):
    v = rng.normal(size=4)
    slope = _grad(lambda a: float(np.sum(np.log1p(np.exp(a)))), v)
    claims = [
        (r"\frac{d}{dz} \ln(1 + e^{z}) = \frac{e^{z}}{1 + e^{z}}", np.exp(v) / (1 + np.exp(v)), slope),
        (r"\frac{d}{dz} \ln(1 + e^{z}) = \sigma(z)", _sig(v), slope),
        (r"\frac{d}{dz} \ln(1 + e^{z}) = \frac{1}{1 + e^{z}}", 1 / (1 + np.exp(v)), slope),
        # McLaughlin's d/dx sinh x = ½(d/dx e^x − d/dx e^{−x}): each d/dz entry by entry, never a Jacobian beside a vector
        (r"\frac{d}{dz} \sinh z = \frac{1}{2} \left( \frac{d}{dz} e^{z} - \frac{d}{dz} e^{-z} \right)", np.cosh(v), np.cosh(v)),
        (r"\frac{d}{dz} \sinh z = \frac{1}{2} \left( \frac{d}{dz} e^{z} + \frac{d}{dz} e^{-z} \right)", np.sinh(v), np.cosh(v)),
    ]
    head = r"$z = W_1 x + b_1$, $h = \ln(1 + e^{z})$, $\hat{y} = W_2 h + b_2$." "\n\n"
    found = verify_text(tmp_path, _spec("softplus", 3, [(4, "softplus"), (2, "identity")], "squared_error"),
                        head + _listed(claims))
    _verdicts(found, claims)


def _matrix(a) -> str:
    rows = np.atleast_2d(np.asarray(a, dtype=float))
    return r"\begin{bmatrix} " + r" \\ ".join(" & ".join(f"{v:.6g}" for v in row) for row in rows) + r" \end{bmatrix}"


@pytest.mark.parametrize("count", ["2", "N"])
def test_a_batch_objective_with_two_indices_on_the_target(tmp_path, count):
    """``L = -\\frac{1}{2} \\sum_n \\sum_k Y_{nk} \\log P_{nk}`` in a worked example of two rows (or 1/N): n numbers the
    examples; the objective read, its gradients are judged (they were all unchecked: "two entry indices on Y")."""
    X, Y = np.array([[1.0, 2.0], [0.5, -1.0]]), np.eye(2)
    W1, b1 = np.array([[0.2, -0.1], [0.4, 0.3], [-0.5, 0.1]]), np.array([0.1, 0.0, -0.1])
    W2, b2 = np.array([[0.3, -0.2, 0.5], [0.1, 0.4, -0.3]]), np.array([0.0, 0.1])

    def loss(W1_, b1_, W2_, b2_):
        Z2 = np.maximum(X @ W1_.T + b1_, 0) @ W2_.T + b2_
        P = np.exp(Z2) / np.exp(Z2).sum(axis=1, keepdims=True)
        return float(-np.mean(np.sum(Y * np.log(P), axis=1)))

    db2, db1 = _grad(lambda v: loss(W1, b1, W2, v), b2), _grad(lambda v: loss(W1, v, W2, b2), b1)
    values = (rf"The rows of $X = {_matrix(X)}$ are the examples, with labels $Y = {_matrix(Y)}$; $W_1 = {_matrix(W1)}$, "
              rf"$b_1 = {_matrix(b1)}$, $W_2 = {_matrix(W2)}$, $b_2 = {_matrix(b2)}$, $Z_1 = X W_1^T + b_1$, "
              r"$H = \mathrm{ReLU}(Z_1)$, $Z_2 = H W_2^T + b_2$, $P = \mathrm{softmax}(Z_2)$ row by row, and "
              rf"$L = -\frac{{1}}{{{count}}} \sum_{{n}} \sum_k Y_{{nk}} \log P_{{nk}}$." "\n\n")
    claims = [
        (rf"\frac{{\partial L}}{{\partial b_2}} = {_matrix(db2)}", db2, db2),
        (rf"\frac{{\partial L}}{{\partial b_1}} = {_matrix(2 * db1)}", 2 * db1, db1),
        (rf"\frac{{\partial L}}{{\partial b_1}} = {_matrix(db1)}", db1, db1),
    ]
    spec = _spec("twoindex", 2, [(3, "relu"), (2, "softmax")], "cross_entropy")
    found = verify_text(tmp_path, spec, values + _listed(claims))
    objective = found[rf"L = -\frac{{1}}{{{count}}} \sum_{{n}} \sum_k Y_{{nk}} \log P_{{nk}}"]
    assert objective.verdict == "correct", objective.message
    _verdicts(found, claims)


def test_a_numbers_half_is_no_mean_over_another_count(tmp_path):
    """½ Σ_n Σ_k with a batch of three: the ½ is no mean over the examples, so n is not read as the example by it."""
    from gradproof.verify.ownindex import sample_letter

    claim = type("C", (), {"latex": r"L = -\frac{1}{2} \sum_{n} \sum_k Y_{nk} \log P_{nk}"})()
    assert sample_letter([claim], 2) == "n" and sample_letter([claim], 3) is None


# ---- a whole homework: the other questions' letters are not the network's ----------------------------------------------

HOMEWORK = r"""## Q1. Convolution output size
With input width $n = 32$, filter $f = 5$, padding $p = 2$ and stride $s = 1$, the output width is
$\frac{n + 2p - f}{s} + 1 = 32$.

## Q2. Metrics
precision $P = \frac{TP}{TP + FP} = 0.8$, recall $R = \frac{TP}{TP + FN} = \frac{2}{3}$, $R = 0.667$ and $F_1 = 0.727$.

## Q3. Calculus
$\frac{\partial}{\partial a} (a b + b^2) = b$

## Q4. Backprop
$h = \sigma(W_1 x + b_1)$, $\hat{y} = \mathrm{softmax}(W_2 h + b_2)$, $L = -\sum_k y_k \log \hat{y}_k$.

"""


def test_a_homeworks_other_questions_get_no_verdict_from_the_network(tmp_path):
    """A count n, a filter's f = 5 (its capital F_1 is no entry of it), recall R beside a network with no regularizer
    and a calculus exercise in a, b were judged as the network's batch size, an entry of 5, the regularizer and h, b
    (four `incorrect`, one `correct`); the backprop question beside them is judged as before."""
    x, W1, b1, W2, b2, y, h, yhat = _sigmoid_softmax_instance(2)
    db1 = _grad(lambda v: float(-np.log((lambda s: np.exp(s) / np.exp(s).sum())(W2 @ _sig(W1 @ x + v) + b2)) @ y), b1)
    claims = [
        (r"\frac{\partial L}{\partial b_1} = W_2^T (\hat{y} - y) \odot h \odot (1 - h)", W2.T @ (yhat - y) * h * (1 - h), db1),
        (r"\frac{\partial L}{\partial b_1} = W_2^T (\hat{y} - y)", W2.T @ (yhat - y), db1),
    ]
    spec = _spec("homework", 3, [(4, "sigmoid"), (3, "softmax")], "cross_entropy")
    found = verify_text(tmp_path, spec, HOMEWORK + _listed(claims))
    for other in ("n = 32", r"R = \frac{TP}{TP + FN} = \frac{2}{3}", "R = 0.667", "F_1 = 0.727",
                  r"\frac{\partial}{\partial a} (a b + b^2) = b"):
        assert found[other].verdict == "unchecked", (other, found[other].message)
    _verdicts(found, claims)


def test_the_regularizer_letter_is_still_read_where_the_spec_has_one(tmp_path):
    spec = _spec("reg", 3, [(4, "sigmoid"), (3, "softmax")], "cross_entropy") + '\n[regularization]\nname = "l2"\nlambda = 0.1\n'
    body = (r"$h = \sigma(W_1 x + b_1)$, $\hat{y} = \mathrm{softmax}(W_2 h + b_2)$." "\n\n"
            r"1. $\frac{\partial R}{\partial W_2} = \frac{\lambda}{N} W_2$" "\n"
            r"2. $\frac{\partial R}{\partial W_2} = \lambda W_1$" "\n")
    found = verify_text(tmp_path, spec, body)
    assert found[r"\frac{\partial R}{\partial W_2} = \frac{\lambda}{N} W_2"].verdict == "correct"
    assert found[r"\frac{\partial R}{\partial W_2} = \lambda W_1"].verdict == "incorrect"


PROBLEM_SET = r"""{one}linear regression{two}
The cost is $J(w) = \frac{1}{2m} \|X w - y\|^2$.

(a) $\nabla_w J(w) = \frac{1}{m} X^T (X w - y)$

(b) One step: $w \leftarrow w - \frac{\alpha}{m} X^T (X w - y)$.

{one}a two-layer network{two}
$h = \sigma(W_1 x + b_1)$, $\hat{y} = \mathrm{softmax}(W_2 h + b_2)$, $L = -\sum_k y_k \log \hat{y}_k$ for one example.

"""


@pytest.mark.parametrize("one, two", [("**", "**"), ("Problem 1: ", ""), ("\\paragraph{", "}")])
def test_a_problem_sets_other_model_under_a_bold_line_or_a_label(tmp_path, one, two):
    """A student's topics set apart by a line in bold, a question's label or ``\\paragraph`` (no Markdown heading): the
    linear-regression problem's claims were judged as the network's (shape mismatches, `incorrect`)."""
    x, W1, b1, W2, b2, y, h, yhat = _sigmoid_softmax_instance(0)
    dW2 = _grad(lambda v: float(-np.log(np.exp(v @ h + b2) / np.exp(v @ h + b2).sum()) @ y), W2)
    claims = [
        (r"\frac{\partial L}{\partial W_2} = (\hat{y} - y) h^T", np.outer(yhat - y, h), dW2),
        (r"\frac{\partial L}{\partial W_2} = (\hat{y} - y) x^T", np.outer(yhat - y, x), dW2),
    ]
    text = PROBLEM_SET.replace("{one}", one).replace("{two}", two).replace("a two-layer network", "Problem 2: the network"
                                                                           if one.startswith("Problem") else "a two-layer network")
    spec = _spec("pset", 3, [(4, "sigmoid"), (3, "softmax")], "cross_entropy")
    found = verify_text(tmp_path, spec, text + _listed(claims))
    for other in (r"\nabla_w J(w) = \frac{1}{m} X^T (X w - y)", r"w \leftarrow w - \frac{\alpha}{m} X^T (X w - y)"):
        assert found[other].verdict == "unchecked", (other, found[other].message)
    _verdicts(found, claims)


def test_an_entropy_and_a_vanishing_gradient_are_not_the_networks(tmp_path):
    body = (r"$h = \sigma(W_1 x + b_1)$, $\hat{y} = \mathrm{softmax}(W_2 h + b_2)$, $L = -\sum_k y_k \log \hat{y}_k$." "\n\n"
            r"1. The entropy of $p = (0.5, 0.5)$ is $H(p) = -\sum_i p_i \log_2 p_i = 1$ bit." "\n"
            r"2. At a minimum the gradient vanishes: $\nabla_{W_2} L = 0$." "\n"
            r"3. $\frac{\partial L}{\partial b_2} = 0$" "\n")
    found = verify_text(tmp_path, _spec("entropy", 3, [(4, "sigmoid"), (3, "softmax")], "cross_entropy"), body)
    for other in (r"H(p) = -\sum_i p_i \log_2 p_i = 1", r"\nabla_{W_2} L = 0", r"\frac{\partial L}{\partial b_2} = 0"):
        assert found[other].verdict == "unchecked", (other, found[other].message)


@pytest.mark.parametrize("q, f", [("3", "-12"), ("4", "-12"), ("3", "-13")])
def test_cs231n_graph_with_the_values_written_after_each_formula(tmp_path, q, f):
    """CS231n's f(x, y, z) = (x + y) z at x = −2, y = 5, z = −4, written ``q = x + y = 3`` and ``f = q z = -12``: rows
    with their value after the formula were not read as the graph's definitions (the derivatives stayed unread, and
    ``f = q z`` was judged as the network's x, y, z: `incorrect` by their shapes). Now each is a definition and its value a
    claim: the value checked at the example's point (x + y = 3, (x + y) z = −12, by hand)."""
    body = ("## Exercise 1\n"
            rf"For $f(x, y, z) = (x + y) z$ at $x = -2$, $y = 5$, $z = -4$: let $q = x + y = {q}$, so $f = q z = {f}$." "\n\n"
            r"- $\frac{\partial f}{\partial z} = q = 3$" "\n"
            r"- $\frac{\partial f}{\partial x} = \frac{\partial f}{\partial q} \frac{\partial q}{\partial x} = -4$" "\n"
            r"- $\frac{\partial f}{\partial y} = 4$" "\n")
    found = verify_text(tmp_path, _spec("graph", 3, [(4, "sigmoid"), (3, "softmax")], "cross_entropy"), body)
    x, y, z = -2, 5, -4
    assert found[f"q = x + y = {q}"].verdict == ("correct" if float(q) == x + y else "incorrect")
    assert found[f"f = q z = {f}"].verdict == ("correct" if float(f) == (x + y) * z else "incorrect")
    assert found[r"\frac{\partial f}{\partial z} = q = 3"].verdict == "correct"  # ∂f/∂z = x + y = 3
    assert found[r"\frac{\partial f}{\partial x} = \frac{\partial f}{\partial q} \frac{\partial q}{\partial x} = -4"].verdict == "correct"
    assert found[r"\frac{\partial f}{\partial y} = 4"].verdict == "incorrect"  # ∂f/∂y = z = −4


FREEMAN_HEAD = (r"The hidden units compute $net_{pj}^h = \sum_{i=1}^{N} w_{ji}^h x_{pi} + \theta_j^h$ and output $i_{pj} = "
                r"f_j^h(net_{pj}^h)$. The output units compute $net_{pk}^o = \sum_{j=1}^{L} w_{kj}^o i_{pj} + \theta_k^o$ and "
                r"$o_{pk} = f_k^o(net_{pk}^o)$. With $y_{pk}$ the desired output, $E_p = \frac{1}{2} \sum_{k=1}^{M} (y_{pk} - "
                r"o_{pk})^2$. Every $f$ is the sigmoid." "\n\n")


def test_freemans_primed_role_superscript_on_the_function(tmp_path):
    """Freeman & Skapura's ``f_k^{o\\prime}(net^o_{pk})``: the output layer's function (its role letter o), primed —
    "cannot read the script o' on the function f" before."""
    x, y = rng.normal(size=2), rng.uniform(size=2)
    Wh, th, Wo, to = rng.normal(size=(3, 2)), rng.normal(size=3), rng.normal(size=(2, 3)), rng.normal(size=2)
    i = _sig(Wh @ x + th)
    o = _sig(Wo @ i + to)
    dWo = _grad(lambda v: 0.5 * float(np.sum((y - _sig(v @ i + to)) ** 2)), Wo)
    slope = o * (1 - o)
    h_slope = i * (1 - i)
    claims = [
        (r"\frac{\partial E_p}{\partial w_{kj}^o} = -(y_{pk} - o_{pk}) f_k^{o\prime}(net_{pk}^o) i_{pj}",
         np.outer(-(y - o) * slope, i), dWo),
        (r"\frac{\partial E_p}{\partial w_{kj}^o} = -(y_{pk} - o_{pk}) i_{pj}", np.outer(-(y - o), i), dWo),
        (r"f_k^{o\prime}(net_{pk}^o) = o_{pk}(1 - o_{pk})", slope, slope),
        (r"f_k^{o\prime}(net_{pk}^o) = 1 - o_{pk}^2", 1 - o ** 2, slope),
        (r"f_j^{h\prime}(net_{pj}^h) = i_{pj}(1 - i_{pj})", h_slope, h_slope),
    ]
    found = verify_text(tmp_path, _spec("freeman", 2, [(3, "sigmoid"), (2, "sigmoid")], "squared_error"),
                        FREEMAN_HEAD + _listed(claims))
    _verdicts(found, claims)


ESL_HEAD = (r"$Z_m = \sigma(\alpha_{0m} + \alpha_m^T X)$, $m = 1, \dots, M$; $T_k = \beta_{0k} + \beta_k^T Z$; $f_k(X) = g_k(T)$, "
            r"with $g_k(T) = T_k$ for regression. The error is $R_i = \sum_{k=1}^{K} (y_{ik} - f_k(x_i))^2$, and $z_{mi} = "
            r"\sigma(\alpha_{0m} + \alpha_m^T x_i)$." "\n\n")


def test_esl_observation_index_and_its_error_r(tmp_path):
    """Hastie, Tibshirani & Friedman §11.4 as printed: the observation i beside every unit index (y_{ik}, z_{mi},
    δ_{ki}, s_{mi}, x_{iℓ}), R_i the error (no ½: twice the spec's), the slopes written at the weights' product alone
    (σ'(α_m^T x_i), the book's convention). Every claim was unread; now each is judged against central differences of
    R on a random instance."""
    x, y = rng.normal(size=3), rng.normal(size=2)
    A0, A, B0, B = rng.normal(size=4), rng.normal(size=(4, 3)), rng.normal(size=2), rng.normal(size=(2, 4))

    def R(A_, A0_, B_):
        z = _sig(A0_ + A_ @ x)
        return float(np.sum((y - (B0 + B_ @ z)) ** 2))

    z = _sig(A0 + A @ x)
    f = B0 + B @ z
    dB, dA = _grad(lambda v: R(A, A0, v), B), _grad(lambda v: R(v, A0, B), A)  # [k, m], [m, ℓ]
    delta = -2 * (y - f)  # g_k' = 1 (regression)
    s = z * (1 - z) * (B.T @ delta)
    claims = [
        (r"\frac{\partial R_i}{\partial \beta_{km}} = -2 (y_{ik} - f_k(x_i)) g_k'(\beta_k^T z_i) z_{mi}", np.outer(delta, z), dB),
        (r"\frac{\partial R_i}{\partial \beta_{km}} = -(y_{ik} - f_k(x_i)) g_k'(\beta_k^T z_i) z_{mi}", np.outer(delta / 2, z), dB),
        (r"\delta_{ki} = -2 (y_{ik} - f_k(x_i)) g_k'(\beta_k^T z_i)", delta, delta),
        (r"s_{mi} = \sigma'(\alpha_m^T x_i) \sum_{k=1}^{K} \beta_{km} \delta_{ki}", s, s),
        (r"\frac{\partial R_i}{\partial \beta_{km}} = \delta_{ki} z_{mi}", np.outer(delta, z), dB),
        (r"\frac{\partial R_i}{\partial \alpha_{m\ell}} = s_{mi} x_{i\ell}", np.outer(s, x), dA),
        (r"\frac{\partial R_i}{\partial \alpha_{m\ell}} = s_{mi} z_{mi}", None, None),  # (m twice: not judged as an outer product)
    ]
    spec = _spec("esl", 3, [(4, "sigmoid"), (2, "identity")], "squared_error")
    found = verify_text(tmp_path, spec, ESL_HEAD + _listed(claims))
    _verdicts(found, [c for c in claims if c[1] is not None and not c[0].startswith((r"\delta_{ki} =", "s_{mi} ="))])
    for definition in (claims[2][0], claims[3][0]):  # the answer's own symbols: not graded, read in what uses them
        assert found[definition].verdict == "unchecked", found[definition].message
    assert found[claims[-1][0]].verdict != "correct"


def test_esl_errors_named_not_defined(tmp_path):
    """ESL's text names δ_{ki} and s_{mi} "errors" without a formula and writes ∂R_i/∂β_{km} = δ_{ki} z_{mi},
    ∂R_i/∂α_{mℓ} = s_{mi} x_{iℓ} and the back-propagation equation s_{mi} = σ'(α_m^T x_i) Σ_k β_{km} δ_{ki}: δ is
    ∂R_i/∂T_k and s the same at unit m's summed input (on R's own scale, twice the spec's); the objective defined with
    its sum over the observations, R(θ) ≡ Σ_i R_i = Σ_i Σ_k (…)², is read for one observation; with a 1/N beside that
    sum (a planted slip the one observation would hide) it is not read."""
    x, y = rng.normal(size=3), rng.normal(size=2)
    A0, A, B0, B = rng.normal(size=4), rng.normal(size=(4, 3)), rng.normal(size=2), rng.normal(size=(2, 4))
    z = _sig(A0 + A @ x)
    f = B0 + B @ z
    dB = _grad(lambda v: float(np.sum((y - (B0 + v @ z)) ** 2)), B)
    dA = _grad(lambda v: float(np.sum((y - (B0 + B @ _sig(A0 + v @ x))) ** 2)), A)
    delta = -2 * (y - f)
    s = z * (1 - z) * (B.T @ delta)
    head = (r"$Z_m = \sigma(\alpha_{0m} + \alpha_m^T X)$; $T_k = \beta_{0k} + \beta_k^T Z$; $f_k(X) = g_k(T)$ and $g_k(T) = T_k$. "
            r"The error is $R(\theta) \equiv \sum_{i=1}^{N} R_i = \sum_{i=1}^{N} \sum_{k=1}^{K} (y_{ik} - f_k(x_i))^2$ and "
            r"$z_{mi} = \sigma(\alpha_{0m} + \alpha_m^T x_i)$; $\delta_{ki}$ and $s_{mi}$ are the errors at the output and "
            r"hidden units." "\n\n")
    claims = [
        (r"\frac{\partial R_i}{\partial \beta_{km}} = \delta_{ki} z_{mi}", np.outer(delta, z), dB),
        (r"\frac{\partial R_i}{\partial \alpha_{m\ell}} = s_{mi} x_{i\ell}", np.outer(s, x), dA),
        (r"s_{mi} = \sigma'(\alpha_m^T x_i) \sum_{k=1}^{K} \beta_{km} \delta_{ki}", s, s),
        (r"\frac{\partial R_i}{\partial \beta_{km}} = -2 (y_{ik} - f_k(x_i)) z_{mi}", np.outer(delta, z), dB),
        (r"\frac{\partial R_i}{\partial \beta_{km}} = -(y_{ik} - f_k(x_i)) z_{mi}", np.outer(delta / 2, z), dB),
        # the book's step at iteration r (one observation: the sum over i is its one term), the spec's rate 0.1 for γ_r
        (r"\beta_{km}^{(r+1)} = \beta_{km}^{(r)} - \gamma_r \sum_{i=1}^{N} \frac{\partial R_i}{\partial \beta_{km}^{(r)}}",
         B - 0.1 * dB, B - 0.1 * dB),
        (r"\beta_{km}^{(r+1)} = \beta_{km}^{(r)} + \gamma_r \sum_{i=1}^{N} \frac{\partial R_i}{\partial \beta_{km}^{(r)}}",
         B + 0.1 * dB, B - 0.1 * dB),
    ]
    spec = _spec("esl2", 3, [(4, "sigmoid"), (2, "identity")], "squared_error")
    found = verify_text(tmp_path, spec, head + _listed(claims))
    _verdicts(found, claims)
    planted = head.replace(r"= \sum_{i=1}^{N} \sum_{k=1}^{K}", r"= \frac{1}{N} \sum_{i=1}^{N} \sum_{k=1}^{K}")
    found = verify_text(tmp_path, spec, planted + _listed(claims[:1]))
    chain = r"R(\theta) \equiv \sum_{i=1}^{N} R_i = \frac{1}{N} \sum_{i=1}^{N} \sum_{k=1}^{K} (y_{ik} - f_k(x_i))^2"
    assert found[chain].verdict != "correct", found[chain].message


def test_the_label_y_as_a_class_index_in_cases(tmp_path):
    """"for the label $y$ (a class index)", ``L = -\\log p_y``: y names the true class where the answer indexes by it
    (``p_y``, ``\\mathbf{1}_y``); its cases ``i = y`` / ``i \\neq y`` were unread."""
    x = rng.normal(size=4)
    W1, b1, W2, b2 = rng.normal(size=(5, 4)), rng.normal(size=5), rng.normal(size=(3, 5)), rng.normal(size=3)
    z = W2 @ np.maximum(W1 @ x + b1, 0) + b2
    p = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
    dz = _grad(lambda v: float(-np.log(np.exp(v[0] - v.max()) / np.exp(v - v.max()).sum())), z)
    onehot = np.eye(3)[0]
    claims = [
        (r"\frac{\partial L}{\partial z_i} = \begin{cases} p_i - 1 & i = y \\ p_i & i \neq y \end{cases}", p - onehot, dz),
        (r"\frac{\partial L}{\partial z_i} = \begin{cases} p_i & i = y \\ p_i - 1 & i \neq y \end{cases}", p - 1 + onehot, dz),
        (r"\frac{\partial L}{\partial b_2} = p - \mathbf{1}_y", p - onehot, dz),
    ]
    head = (r"$z = W_2 h + b_2$ where $h = \mathrm{ReLU}(W_1 x + b_1)$, $p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}$, and for the "
            r"label $y$ (a class index) the loss is $L = -\log p_y$." "\n\n")
    found = verify_text(tmp_path, _spec("labely", 4, [(5, "relu"), (3, "softmax")], "cross_entropy"), head + _listed(claims))
    _verdicts(found, claims)


@pytest.mark.parametrize("setup, backprop", [("**Setup**", "**Backprop**"), ("Setup", "Backprop")])
def test_a_premises_activation_beside_a_softmax_output_across_a_bold_line(tmp_path, setup, backprop):
    """"Suppose the hidden activation is linear, with $\\sigma(z) = z$" in a network with a softmax output: σ names the
    sigmoid layers only (the premise was refused for any network with a softmax), and a line in bold after it
    (**Backprop**) sets a topic apart but ends no premise."""
    x, y = rng.normal(size=3), np.eye(3)[1]
    W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(3, 4)), rng.normal(size=3)
    soft = lambda v: np.exp(v - v.max()) / np.exp(v - v.max()).sum()  # noqa: E731
    h = W1 @ x + b1  # the premise's linear hidden layer
    yhat = soft(W2 @ h + b2)
    db1 = _grad(lambda v: float(-np.log(soft(W2 @ (W1 @ x + v) + b2)) @ y), b1)
    claims = [
        (r"\frac{\partial L}{\partial b_1} = W_2^T (\hat{y} - y)", W2.T @ (yhat - y), db1),
        (r"\frac{\partial L}{\partial b_1} = W_2^T (\hat{y} - y) \odot h \odot (1 - h)", W2.T @ (yhat - y) * h * (1 - h), db1),
    ]
    body = (f"{setup}\n\nSuppose the hidden activation is linear, with $\\sigma(z) = z$.\n\n{backprop}\n\n"
            r"$h = \sigma(W_1 x + b_1)$, $\hat{y} = \mathrm{softmax}(W_2 h + b_2)$, $L = -\sum_k y_k \log \hat{y}_k$." "\n\n")
    found = verify_text(tmp_path, _spec("premise", 3, [(4, "sigmoid"), (3, "softmax")], "cross_entropy"), body + _listed(claims))
    assert found[r"\sigma(z) = z"].verdict == "unchecked" and "in place of the spec's sigmoid (" in found[r"\sigma(z) = z"].message
    _verdicts(found, claims)


def test_a_single_neuron_question_before_the_network(tmp_path):
    """A homework's question 1 works "a single neuron by hand" (x = 2, w = 0.5, b = −1) before question 2's network:
    its claims were judged as the network's (its ŷ = σ(w x + b) and ∂E/∂w, ∂E/∂b `incorrect` by their shapes). A
    heading or question label naming a single neuron or a perceptron is a one-layer model's section (premises
    `MODEL_HEADING`), judged only where the spec's output layer is that model; elsewhere its lines are judged as the
    network's and only their `incorrect` verdicts taken back (premises.soften)."""
    body = ("**Question 1 (a single neuron by hand).** For $\\hat{y} = \\sigma(w x + b)$ with $x = 2$, $w = 0.5$, $b = -1$, "
            "$y = 1$ and $E = \\frac{1}{2}(\\hat{y} - y)^2$:\n\n"
            r"- $\frac{\partial E}{\partial w} = (\hat{y} - y) \hat{y} (1 - \hat{y}) x = -0.25$" "\n\n"
            r"- $W \leftarrow W - \eta \frac{\partial L}{\partial W}$" "\n\n"
            "**Question 2.** $h = \\sigma(W_1 x + b_1)$, $\\hat{y} = \\mathrm{softmax}(W_2 h + b_2)$, cross-entropy $L$.\n\n"
            r"1. $\frac{\partial L}{\partial b_2} = \hat{y} - y$" "\n")
    found = verify_text(tmp_path, _spec("neuron", 3, [(4, "sigmoid"), (3, "softmax")], "cross_entropy"), body)
    for other in (r"\hat{y} = \sigma(w x + b)", r"\frac{\partial E}{\partial w} = (\hat{y} - y) \hat{y} (1 - \hat{y}) x = -0.25"):
        assert found[other].verdict == "unchecked", (other, found[other].message)
    assert found[r"\frac{\partial L}{\partial b_2} = \hat{y} - y"].verdict == "correct"
    # (a line right for the spec's network too, vikram's W ← W − η ∂L/∂W, keeps its verdict: only `incorrect` is taken back)
    assert found[r"W \leftarrow W - \eta \frac{\partial L}{\partial W}"].verdict == "correct"
