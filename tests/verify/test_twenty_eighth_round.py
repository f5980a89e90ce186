r"""The twenty-eighth round (issue 10): what UiO's FYS-STK4155 students write in their project reports, and the
slips hidden behind it — a sum bounded by a layer's width ``\sum_{j=1}^{N_{l-1}}`` (no batch of N examples),
cleveref's ``\label[eq]{…}``, two equations joined by ``\quad \wedge \quad``, ``W_l \leftarrow = …``, the activation's
slope written ``a'(z_l)`` with a the activation's own letter, a function letter's slope as a fraction
``\frac{\partial f}{\partial z}``, a control space before a full stop, a bias's step beside minibatch prose, and a
1 × 1 δ times a weight matrix it does not multiply as matrices. Every expected verdict is decided here by NumPy
central differences on the network written out in the answer's own arrays, never by gradproof."""

from __future__ import annotations

import numpy as np
from conftest import central_differences
from test_twenty_first_round import _verify


def _sigmoid(v):
    return 1 / (1 + np.exp(-v))


def _close(a, b) -> bool:
    return bool(np.allclose(a, b, rtol=1e-5, atol=1e-8))


# ---- index notation with layer widths in the sums' bounds (hkve's report) --------------------------------------------

#: 3-2-2 sigmoid network, z^l_i = Σ_j w^l_ij a^{l-1}_j + b^l_i (the row convention), C = ½ Σ_i (a^L_i − y_i)²
INDEX_SPEC = """name = "fysstk_index"
convention = "row"
inputs = 3

[[layers]]
units = 2
activation = "sigmoid"

[[layers]]
units = 2
activation = "sigmoid"

[loss]
name = "squared_error"
"""

INDEX = r"""
\begin{equation}
    z^l_i = \sum_{j=1}^{N_{l-1}} w_{ij}^l a_j^{l-1} + b_i^l
\end{equation}
\begin{align}
    \pdv{C}{w_{ij}^L} = \pdv{C}{z_i^L}\pdv{z_i^L}{w_{ij}^L} = \delta_i^L a_j^{L-1}
\label[eq]{the:eq:bp_w}
\end{align}
\begin{align}
    \pdv{C}{w_{ij}^L} = \delta_j^L a_i^{L-1}
\label[eq]{the:eq:bp_w_slip}
\end{align}
\begin{align}
    \pdv{C}{b_i^L} = \delta_i^L \quad \wedge \quad \pdv{C}{w_{ij}^L} = \delta_i^L a_j^{L-1}
\end{align}
\begin{align}
    \pdv{C}{b_i^L} = \delta_i^L \quad \wedge \quad \pdv{C}{w_{ij}^L} = \delta_i^L a_i^{L-1}
\end{align}
"""


def _index_truth():
    """The 3-2-2 network at a random point: a^1, δ^2 = ∂C/∂z^2 and ∂C/∂W^2 (W[i, j]: unit j → unit i), ∂C/∂b^2."""
    rng = np.random.default_rng(28)
    W1, b1, W2, b2 = rng.normal(size=(2, 3)), rng.normal(size=2), rng.normal(size=(2, 2)), rng.normal(size=2)
    x, y = rng.normal(size=3), rng.uniform(size=2)
    a1 = _sigmoid(W1 @ x + b1)

    def cost(W2, b2):
        return 0.5 * float(np.sum((_sigmoid(W2 @ a1 + b2) - y) ** 2))

    grads = central_differences(lambda p: cost(p["W2"], p["b2"]), {"W2": W2.copy(), "b2": b2.copy()})
    delta = central_differences(lambda p: 0.5 * float(np.sum((_sigmoid(p["z"]) - y) ** 2)), {"z": W2 @ a1 + b2})["z"]
    return a1, delta, grads["W2"], grads["b2"]


def test_a_sum_to_a_layers_width_is_no_batch_and_component_gradients_are_judged(tmp_path):
    """``\\sum_{j=1}^{N_{l-1}}`` counts the units of layer l − 1, not N examples: the answer is read for one example
    (it had been judged with a batch, and every δ_i^L, a_j^{L-1} was "an entry of a matrix"). cleveref's
    ``\\label[eq]{…}`` (ids stay the lines: the label's optional type is not read as an id) is no term (its "eq" had
    been read as a product e·q), and ``\\quad \\wedge \\quad`` joins two equations, each judged."""
    a1, delta, dW, db = _index_truth()
    oracle = {
        "line 6": _close(np.outer(delta, a1), dW),
        "line 10": _close(np.outer(a1, delta), dW),  # δ_j a_i: the indices swapped
        "line 14": _close(delta, db) and _close(np.outer(delta, a1), dW),
        "line 17": _close(delta, db) and _close(delta[:, None] * a1[:2][:, None], dW),  # a_i for a_j
    }
    assert [k for k, v in oracle.items() if not v] == ["line 10", "line 17"]
    got = _verify(tmp_path, INDEX_SPEC, INDEX, name="answer.tex")
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)


def test_a_sum_to_n_without_a_subscript_still_averages_over_a_batch(tmp_path):
    """A sum to N itself (no subscript) keeps its meaning, N examples: the batch stays the tool's choice of several."""
    from gradproof.verify.document import _MEAN_OVER_BATCH

    assert _MEAN_OVER_BATCH.search(r"C = \frac{1}{2N}\sum_{n=1}^{N} (a_n - y_n)^2")
    assert not _MEAN_OVER_BATCH.search(r"z^l_i = \sum_{j=1}^{N_{l-1}} w_{ij}^l a_j^{l-1}")
    assert not _MEAN_OVER_BATCH.search(r"b_i = \sum_{j=1}^{N_\mathrm{in}} A_{ij} x_j")


# ---- samples as rows: a'(z_l), W_l \leftarrow = …, a bias's step (ejhusom's report) -----------------------------------

#: a_l = σ(a_{l-1} W_l + b_l), W_l n_{l-1} × n_l (the column convention), binary cross-entropy of two sigmoid outputs
ROWS_SPEC = """name = "fysstk_rows"
convention = "column"
inputs = 3

[[layers]]
units = 4
activation = "sigmoid"

[[layers]]
units = 2
activation = "sigmoid"

[loss]
name = "squared_error"

[optimizer]
name = "sgd"
learning_rate = 0.1
"""

ROWS = r"""
\begin{equation}
    \delta_l = \delta_{l+1} W_{l+1}^T a'(z_l), \label{delta}
\end{equation}
\begin{equation}
    \delta_l = \delta_{l+1} W_{l+1}^T a(z_l), \label{delta_slip}
\end{equation}
\begin{equation}
    W_l \leftarrow = W_l - \eta a_{l-1}^T \delta_l, \label{step_w}
\end{equation}
\begin{equation}
    W_l \leftarrow = W_l + \eta a_{l-1}^T \delta_l, \label{step_w_slip}
\end{equation}
\begin{equation}
    b_l \leftarrow = b_l - \eta \delta_l, \label{step_b}
\end{equation}
"""


def _rows_truth():
    """The 3-4-2 network for one example as a row: a_1, z_1, δ_2, the true δ_1 and ∂C/∂W_2, ∂C/∂b_2 (central
    differences), C = ½ Σ (a_2 − y)²."""
    rng = np.random.default_rng(281)
    W1, b1, W2, b2 = rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=(4, 2)), rng.normal(size=2)
    x, y = rng.normal(size=(1, 3)), rng.uniform(size=(1, 2))
    z1 = x @ W1 + b1
    a1 = _sigmoid(z1)

    def cost_of_z1(z):
        return 0.5 * float(np.sum((_sigmoid(_sigmoid(z) @ W2 + b2) - y) ** 2))

    delta1 = central_differences(lambda p: cost_of_z1(p["z"]), {"z": z1.copy()})["z"]
    delta2 = central_differences(lambda p: 0.5 * float(np.sum((_sigmoid(p["z"]) - y) ** 2)), {"z": a1 @ W2 + b2})["z"]
    grads = central_differences(lambda p: 0.5 * float(np.sum((_sigmoid(a1 @ p["W"] + p["b"]) - y) ** 2)),
                                {"W": W2.copy(), "b": b2.copy()})
    return W2, z1, a1, delta1, delta2, grads["W"], grads["b"]


def test_the_activations_letter_primed_and_an_arrow_typed_with_equals_are_read(tmp_path):
    """``a'(z_l)`` is the slope of the activation a (a_l = a(z_l)): read as σ'(z_l), not as "a needs a layer";
    ``W_l \\leftarrow = W_l − η …`` (an align's ``\\leftarrow &=``) is one step, not an arrow before an equation."""
    W2, z1, a1, delta1, delta2, dW, _db = _rows_truth()
    slope = _sigmoid(z1) * (1 - _sigmoid(z1))
    oracle = {
        "delta": _close(delta2 @ W2.T * slope, delta1),
        "delta_slip": _close(delta2 @ W2.T * _sigmoid(z1), delta1),
        "step_w": _close(-(a1.T @ delta2), -dW),  # the step moves W against its gradient
        "step_w_slip": _close(a1.T @ delta2, -dW),
    }
    assert [k for k, v in oracle.items() if not v] == ["delta_slip", "step_w_slip"]
    got = _verify(tmp_path, ROWS_SPEC, ROWS, name="answer.tex")
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)


def test_a_bias_step_without_the_batch_sum_is_not_judged_beside_minibatch_prose(tmp_path):
    """b_l ← b_l − η δ_l holds for one example (the oracle), and is judged so; in a report that says it trains on
    minibatches (δ_l a row per observation) the step lacks the sum over the batch the weight's step has (a_{l-1}^T δ_l):
    which it means is not certain, so it is not judged."""
    *_, delta2, _dW, db = _rows_truth()
    assert _close(delta2.ravel(), db)  # for one example, ∂C/∂b_2 = δ_2: the step is right there
    alone = _verify(tmp_path, ROWS_SPEC, ROWS, name="answer.tex")
    assert alone["step_b"].verdict == "correct", alone["step_b"].message
    prose = "We utilize minibatches, as described in the section above for gradient descent.\n" + ROWS
    got = _verify(tmp_path, ROWS_SPEC, prose, name="answer.tex")
    assert got["step_b"].verdict == "unchecked" and "minibatches" in got["step_b"].message, got["step_b"].message
    assert got["step_w"].verdict == "correct", got["step_w"].message  # (the weight's step sums over the batch anyway)


def test_a_one_by_one_delta_times_a_weight_it_does_not_multiply_is_not_called_right(tmp_path):
    """With one output unit δ_{l+1} is 1 × 1: with the samples as columns (z_l = W_l^T a_{l-1} + b_l, W_l n_{l-1} × n_l)
    the rule is W_{l+1} δ_{l+1}; δ_{l+1} W_{l+1} equals it in value read as a scalar times W, but as matrices (the rule
    for any layer) it is not defined — NumPy refuses the product — so it is not judged (it had been judged right); the
    right order still is."""
    spec = ROWS_SPEC.replace("units = 2", "units = 1")
    rng = np.random.default_rng(3)
    delta, W = rng.normal(size=(1, 1)), rng.normal(size=(4, 1))
    try:
        delta @ W
        defined = True
    except ValueError:
        defined = False
    assert not defined and (W @ delta).shape == (4, 1)
    W1, b1, W2, b2 = rng.normal(size=(3, 4)), rng.normal(size=(4, 1)), W, rng.normal(size=(1, 1))
    x, y = rng.normal(size=(3, 1)), rng.uniform(size=(1, 1))
    z1 = W1.T @ x + b1
    z2 = W2.T @ _sigmoid(z1) + b2
    delta1 = central_differences(lambda p: 0.5 * float(np.sum((_sigmoid(W2.T @ _sigmoid(p["z"]) + b2) - y) ** 2)),
                                 {"z": z1.copy()})["z"]
    delta2 = central_differences(lambda p: 0.5 * float(np.sum((_sigmoid(p["z"]) - y) ** 2)), {"z": z2.copy()})["z"]
    assert _close(W2 @ delta2 * _sigmoid(z1) * (1 - _sigmoid(z1)), delta1)  # the right order's value (the oracle)
    body = (r"The samples are columns: \begin{equation} z_l = W_l^T a_{l-1} + b_l, \quad a_l = a(z_l) \end{equation}" "\n"
            r"\begin{equation} \delta_l = W_{l+1} \delta_{l+1} \odot a'(z_l), \label{right} \end{equation}" "\n"
            r"\begin{equation} \delta_l = \delta_{l+1} W_{l+1} \odot a'(z_l), \label{planted} \end{equation}" "\n")
    got = _verify(tmp_path, spec, body, name="answer.tex")
    assert got["right"].verdict == "correct", got["right"].message
    assert got["planted"].verdict == "unchecked" and "1 × 1" in got["planted"].message, got["planted"].message


# ---- a function letter's slope as a fraction (liseanh's report) -------------------------------------------------------

#: a sigmoid hidden layer and a linear output: the answer's f(z) = 1/(1 + e^{-z}) is the hidden layer's activation
FUNCTION_SPEC = """name = "function_letter"
convention = "row"
inputs = 3

[[layers]]
units = 4
activation = "sigmoid"

[[layers]]
units = 2
activation = "identity"

[loss]
name = "squared_error"
"""

FUNCTION = r"""
The activation is
\begin{equation}
	f(z) = \frac{1}{1+e^{-z}}\ .
\end{equation}
Its gradient is given by
\begin{equation}
	\frac{\partial f}{\partial z} = \frac{e^{-z}}{(1+e^{-z})^2}\ . \label{slope}
\end{equation}
\begin{equation}
	\frac{\partial f}{\partial z} = \frac{e^{-z}}{1+e^{-z}}\ . \label{slope_slip}
\end{equation}
\begin{equation}
	\frac{d f(z)}{d z} = f(z)(1 - f(z)) \label{slope_of}
\end{equation}
"""


def test_a_function_letters_slope_written_as_a_fraction_is_its_derivative(tmp_path):
    """∂f/∂z of the answer's f, defined by its formula (the sigmoid: the hidden layer's activation, not the linear
    output's), is f'(z): judged against central differences of 1/(1 + e^{-z}). A control space before the full stop
    (``\\ .``) is no character of the formula."""
    z = np.linspace(-3, 3, 13)
    slope = central_differences(lambda p: float(np.sum(_sigmoid(p["z"]))), {"z": z.copy()})["z"]
    oracle = {"slope": _close(np.exp(-z) / (1 + np.exp(-z)) ** 2, slope),
              "slope_slip": _close(np.exp(-z) / (1 + np.exp(-z)), slope),
              "slope_of": _close(_sigmoid(z) * (1 - _sigmoid(z)), slope)}
    assert [k for k, v in oracle.items() if not v] == ["slope_slip"]
    got = _verify(tmp_path, FUNCTION_SPEC, FUNCTION, name="answer.tex")
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)


def test_a_letter_the_answer_makes_its_cost_is_not_read_as_an_activation(tmp_path):
    """Zingale's f is his cost, f(A) = Σ (g(A x) − y)²: ∂f/∂z there is no activation's slope, and is not judged as one
    (read as f'(z), the right 2(z − y) would have been called wrong)."""
    body = (r"$$f(A_{ij}) = \sum_{i} \left[ g\left(\sum_j A_{ij} x_j\right) - y_i \right]^2$$" "\n\n"
            r"$$\frac{\partial f}{\partial z} = 2 (z - y) \tag{cost}$$" "\n")
    got = _verify(tmp_path, FUNCTION_SPEC, body)
    assert got["cost"].verdict == "unchecked", got["cost"].message


# ---- a 1/n written in a document read for one example ------------------------------------------------------------------

MEAN_SPEC = """name = "mean_unseen"
convention = "row"
inputs = 3

[[layers]]
units = 4
activation = "tanh"

[[layers]]
units = 2
activation = "identity"

[loss]
name = "squared_error"
"""

MEAN = r"""
$$\frac{\partial L}{\partial b^{(2)}} = \frac{1}{n}\delta^{(2)} \tag{mean}$$

$$\frac{\partial L}{\partial b^{(2)}} = \delta^{(2)} \tag{plain}$$
"""


def _mean_truth(n: int):
    """n examples as columns of X (the row convention: Z = W X + b), L = 1/n Σ ½‖ŷ − y‖²: ∂L/∂b⁽²⁾ and δ⁽²⁾ = ∂L/∂Z⁽²⁾
    by central differences."""
    rng = np.random.default_rng(2800 + n)
    W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=(4, 1)), rng.normal(size=(2, 4)), rng.normal(size=(2, 1))
    X, Y = rng.normal(size=(3, n)), rng.normal(size=(2, n))
    H = np.tanh(W1 @ X + b1)
    db = central_differences(lambda p: 0.5 * float(np.sum((W2 @ H + p["b"] - Y) ** 2)) / n, {"b": b2.copy()})["b"]
    delta = central_differences(lambda p: 0.5 * float(np.sum((p["Z"] - Y) ** 2)) / n, {"Z": W2 @ H + b2})["Z"]
    return db, delta


def test_a_mean_written_for_one_example_is_checked_again_with_a_batch(tmp_path):
    """Nothing in the answer asks for a batch, so it is read for one example — where its 1/n is 1 and the factor is
    never tested. ∂L/∂b = (1/n) δ holds for one example and not for a batch (there the bias's gradient sums δ over the
    examples: another shape and value), so it is not judged; ∂L/∂b = δ, a claim with no 1/n, is judged for one example."""
    db1, delta1 = _mean_truth(1)
    assert _close(delta1, db1)  # one example: (1/1) δ = δ = ∂L/∂b
    db6, delta6 = _mean_truth(6)
    assert delta6.shape != db6.shape and not _close(delta6.sum(axis=1, keepdims=True) / 6, db6)
    got = _verify(tmp_path, MEAN_SPEC, MEAN)
    assert got["plain"].verdict == "correct", got["plain"].message
    assert got["mean"].verdict == "unchecked" and "its 1/n is 1" in got["mean"].message, got["mean"].message


# ---- one example's loss with its index as a superscript; a sum to m over a layer's units --------------------------------

def test_one_examples_loss_written_with_a_superscript_index_is_read(tmp_path):
    """deeplearning.ai's L^{(i)} (and J^{(i)}): the loss of example i, read as L_i is — one example's."""
    rng = np.random.default_rng(2808)
    yhat, y = rng.normal(size=2), rng.normal(size=2)
    grad = central_differences(lambda p: 0.5 * float(np.sum((p["o"] - y) ** 2)), {"o": yhat.copy()})["o"]
    assert _close(grad, yhat - y) and not _close(grad, y - yhat)
    body = (r"$$\frac{\partial L^{(i)}}{\partial \hat y^{(i)}} = \hat y^{(i)} - y^{(i)} \tag{right}$$" "\n\n"
            r"$$\frac{\partial L^{(i)}}{\partial \hat y^{(i)}} = y^{(i)} - \hat y^{(i)} \tag{sign}$$" "\n")
    got = _verify(tmp_path, MEAN_SPEC, body)
    assert got["right"].verdict == "correct", got["right"].message
    assert got["sign"].verdict == "incorrect", got["sign"].message


SOFTMAX_SPEC = """name = "softmax_regression"
convention = "row"
inputs = 4

[[layers]]
units = 3
activation = "softmax"

[loss]
name = "cross_entropy"
"""

SOFTMAX = r"""
\begin{equation}
    \frac{dC}{db_i} = \sum_{j=1}^m \left (\frac{dC}{da_j} \right) \left (\frac{da_j}{dz_i} \right)
    \left(\frac{dz_i}{db_i} \right ) \label{sum}
\end{equation}
\begin{equation}
    \frac{dC}{db_i} = \left (\frac{dC}{da_i} \right) \left (\frac{da_i}{dz_i} \right) \left(\frac{dz_i}{db_i} \right ) \label{diagonal}
\end{equation}
"""


def test_a_sum_to_m_over_the_units_of_derivatives_is_no_batch(tmp_path):
    """schrader's softmax regression, m the number of classes: \\sum_{j=1}^m over dC/da_j da_j/dz_i sums the output's
    units, not m examples (the answer had been judged with a batch, its entries "of a matrix"). The softmax couples
    the units: keeping the diagonal term alone is wrong (the oracle)."""
    rng = np.random.default_rng(2809)
    W, b, x = rng.normal(size=(3, 4)), rng.normal(size=3), rng.normal(size=4)
    y = np.eye(3)[1]

    def cost(b):
        z = W @ x + b
        return -float(np.sum(y * (z - np.log(np.sum(np.exp(z))))))

    db = central_differences(lambda p: cost(p["b"]), {"b": b.copy()})["b"]
    z = W @ x + b
    a = np.exp(z) / np.sum(np.exp(z))
    jac = np.diag(a) - np.outer(a, a)  # da_j/dz_i
    dca = -y / a
    assert _close(jac.T @ dca, db) and not _close(dca * np.diag(jac), db)
    got = _verify(tmp_path, SOFTMAX_SPEC, SOFTMAX, name="answer.tex")
    assert got["sum"].verdict == "correct", got["sum"].message
    assert got["diagonal"].verdict == "incorrect", got["diagonal"].message


def test_a_sum_dropped_where_the_answer_writes_its_sums_is_not_read_as_the_convention(tmp_path):
    """The same chain with the sum over j left out: alone, a repeated j absent from the left side is summed (students'
    Einstein convention, as before: the oracle's value); beside a claim that writes \\sum_{j=1}^m over the same j, the
    answer does not sum by convention, and whether a sum was dropped is not certain — not judged (it had been called
    right: schrader's planted copy)."""
    dropped = (r"\begin{equation} \frac{dC}{db_i} = \left (\frac{dC}{da_j} \right) \left (\frac{da_j}{dz_i} \right)"
               r" \label{dropped} \end{equation}" "\n")
    alone = _verify(tmp_path, SOFTMAX_SPEC, dropped, name="answer.tex")
    assert alone["dropped"].verdict == "correct", alone["dropped"].message
    got = _verify(tmp_path, SOFTMAX_SPEC, SOFTMAX + dropped, name="answer.tex")
    assert got["dropped"].verdict == "unchecked" and "\\sum_j" in got["dropped"].message, got["dropped"].message
    assert got["sum"].verdict == "correct", got["sum"].message


# ---- heldout28's false rejects: a section about another loss, a batch section in rows; CJK prose before a row --------

def test_a_section_headed_by_another_loss_is_not_judged_against_the_specs(tmp_path):
    """JustinRochester's notes: "## MSE" with his own L = √(Σ (y_i − o_i)²) and ∂L/∂o = (o − y)/L (right for that L:
    the oracle), then "## Cross Entropy-Softmax". Graded on cross-entropy, the MSE section's claims are about another
    loss — not judged (they had been rejected); the cross-entropy section's are judged."""
    rng = np.random.default_rng(2810)
    o, y = rng.normal(size=4), np.eye(4)[2]
    norm = central_differences(lambda p: float(np.sqrt(np.sum((y - p["o"]) ** 2))), {"o": o.copy()})["o"]
    ce = central_differences(lambda p: -float(np.sum(y * (p["o"] - np.log(np.sum(np.exp(p["o"])))))), {"o": o.copy()})["o"]
    assert _close(norm, (o - y) / np.sqrt(np.sum((y - o) ** 2))) and not _close(norm, ce)
    assert _close(ce, np.exp(o) / np.sum(np.exp(o)) - y)
    body = ("## MSE\n\n$\\displaystyle L=\\sqrt{\\sum_i(y_i-o_i)^2}$\n\n"
            "$$\\frac{\\partial L}{\\partial o} = \\frac{1}{L}(o - y) \\tag{norm}$$\n\n"
            "## Cross Entropy-Softmax\n\n$$\\frac{\\partial L}{\\partial z} = \\hat y - y \\tag{ce}$$\n\n"
            "$$\\frac{\\partial L}{\\partial z} = y - \\hat y \\tag{ce_sign}$$\n")
    spec = SOFTMAX_SPEC.replace("units = 3", "units = 4")
    got = _verify(tmp_path, spec, body)
    assert got["norm"].verdict == "unchecked" and "MSE" in got["norm"].message, got["norm"].message
    assert got["ce"].verdict == "correct", got["ce"].message
    assert got["ce_sign"].verdict == "incorrect", got["ce_sign"].message


def test_a_batch_section_in_rows_after_one_example_in_columns_is_not_rejected(tmp_path):
    """zaidanmir's notes: one example as a column, then a mini-batch stacked as rows, ∂L/∂W_2 = (1/B) Δ_2^T A_1 — right
    with each sample a row (the oracle), the only layout its shapes fit, and the text stacks the batch as rows
    (Δ_2 ∈ ℝ^{B×3}). Judged in the columns the answer's other claims show, it had been rejected by its shapes; now it is
    not judged (which layout the answer means there is not said). Without such a statement the shapes still reject it
    (Ng's planted A^T dZ in the corpus)."""
    rng = np.random.default_rng(2811)
    B = 5
    W1, b1, W2, b2 = rng.normal(size=(4, 5)), rng.normal(size=4), rng.normal(size=(3, 4)), rng.normal(size=3)
    X, labels = rng.normal(size=(B, 5)), rng.integers(0, 3, size=B)
    A1 = np.maximum(X @ W1.T + b1, 0)

    def mean_ce(W2):
        Z = A1 @ W2.T + b2
        Z = Z - Z.max(axis=1, keepdims=True)
        return -float(np.mean(Z[np.arange(B), labels] - np.log(np.exp(Z).sum(axis=1))))

    dW2 = central_differences(lambda p: mean_ce(p["W"]), {"W": W2.copy()})["W"]
    Z = A1 @ W2.T + b2
    P = np.exp(Z - Z.max(axis=1, keepdims=True))
    P /= P.sum(axis=1, keepdims=True)
    Delta = P - np.eye(3)[labels]  # one example's δ_2 per row
    assert _close(Delta.T @ A1 / B, dW2)
    body = (r"For one example $x$ (a column): $z_1 = W_1 x + b_1$, $a_1 = \mathrm{ReLU}(z_1)$, $z_2 = W_2 a_1 + b_2$."
            "\n\n$$\\frac{\\partial L}{\\partial W_2} = \\delta_2 \\, a_1^\\top \\tag{one}$$\n\n"
            "For a mini-batch of $B$ examples stacked as rows, $\\Delta_2 \\in \\mathbb{R}^{B \\times 3}$:\n\n"
            "$$\\frac{\\partial L}{\\partial W_2} = \\frac{1}{B} \\, \\Delta_2^\\top A_1 \\tag{batch}$$\n")
    spec = SOFTMAX_SPEC.replace("inputs = 4", "inputs = 5").replace(
        "[[layers]]\nunits = 3", '[[layers]]\nunits = 4\nactivation = "relu"\n\n[[layers]]\nunits = 3')
    got = _verify(tmp_path, spec, body)
    assert got["one"].verdict == "correct", got["one"].message
    assert got["batch"].verdict == "unchecked" and "each sample as a row" in got["batch"].message, got["batch"].message


def test_cjk_prose_opening_a_row_is_not_part_of_its_mathematics(tmp_path):
    """NealChan's rows open with a Chinese word, 其中 ("where"), 而 ("and"): prose, dropped before the formula is read
    (the whole row had been unreadable). ∂L/∂ŷ = ŷ − y for ½‖ŷ − y‖² (the oracle); the sign slip is caught."""
    rng = np.random.default_rng(2812)
    yhat, y = rng.normal(size=2), rng.normal(size=2)
    grad = central_differences(lambda p: 0.5 * float(np.sum((p["o"] - y) ** 2)), {"o": yhat.copy()})["o"]
    assert _close(grad, yhat - y) and not _close(grad, y - yhat)
    body = ("$$\\begin{aligned}\n&其中\\frac{\\partial L}{\\partial \\hat y} = \\hat y - y \\\\\n"
            "&而\\frac{\\partial L}{\\partial \\hat y} = y - \\hat y\n\\end{aligned}$$\n")
    got = _verify(tmp_path, MEAN_SPEC, body)
    verdicts = [r.verdict for r in got.values()]
    assert verdicts == ["correct", "incorrect"], {k: (r.verdict, r.message) for k, r in got.items()}


# ---- layers named by their role, \bigodot, code's names, a loss of a bare activation -----------------------------------

RASCHKA_SPEC = """name = "raschka_roles"
convention = "column"
inputs = 3

[[layers]]
units = 4
activation = "sigmoid"

[[layers]]
units = 3
activation = "sigmoid"

[loss]
name = "binary_cross_entropy"
"""

RASCHKA = r"""
$Z^{(h)} = A^{(in)}W^{(h)}$, $A^{(h)} = \phi(Z^{(h)})$, $Z^{(out)} = A^{(h)}W^{(out)}$, $A^{(out)} = \phi(Z^{(out)})$

$$\pmb\delta^{(out)} = \pmb a^{(out)} - \pmb y \tag{out}$$

$$\pmb \delta^{(h)} = \pmb \delta^{(out)}(\pmb W^{out^{T}})\bigodot((a^{(h)}\bigodot(1-a^{(h)}))) \tag{hidden}$$

$$\pmb \delta^{(h)} = \pmb \delta^{(out)}(\pmb W^{out^{T}})\bigodot((a^{(h)}\bigodot a^{(h)})) \tag{hidden_slip}$$
"""


def test_layers_named_by_their_role_and_a_large_odot_are_read(tmp_path):
    """Raschka's letters (keithalexandar's notes): (in), (h), (out) name the input, the hidden and the output layer of a
    one-hidden-layer net, W^{out^{T}} the output layer's W transposed, \\bigodot between two operands the element-wise
    product. δ^{(out)} = a^{(out)} − y for sigmoid outputs under binary cross-entropy (summed over the outputs) and the
    hidden δ with σ' = a(1 − a) hold (the oracle); a(a) for a(1 − a) does not."""
    rng = np.random.default_rng(2813)
    W_h, b_h, W_o, b_o = rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=(4, 3)), rng.normal(size=3)
    x, y = rng.normal(size=(1, 3)), rng.integers(0, 2, size=(1, 3)).astype(float)
    z_h = x @ W_h + b_h
    a_h = _sigmoid(z_h)

    def bce_of(z_out):
        a = _sigmoid(z_out)
        return -float(np.sum(y * np.log(a) + (1 - y) * np.log(1 - a)))

    z_o = a_h @ W_o + b_o
    d_out = central_differences(lambda p: bce_of(p["z"]), {"z": z_o.copy()})["z"]
    d_h = central_differences(lambda p: bce_of(_sigmoid(p["z"]) @ W_o + b_o), {"z": z_h.copy()})["z"]
    assert _close(d_out, _sigmoid(z_o) - y)
    assert _close(d_out @ W_o.T * a_h * (1 - a_h), d_h) and not _close(d_out @ W_o.T * a_h * a_h, d_h)
    got = _verify(tmp_path, RASCHKA_SPEC, RASCHKA)
    assert got["out"].verdict == "correct", got["out"].message
    assert got["hidden"].verdict == "correct", got["hidden"].message
    assert got["hidden_slip"].verdict == "incorrect", got["hidden_slip"].message


def test_an_output_minus_y_read_with_y_as_the_output_is_not_called_wrong(tmp_path):
    """The same notes define y^{[i]} = φ(z^{[i]}) once (y read as the output ŷ): a^{(out)} − y then reads as ŷ − ŷ = 0
    and had been judged wrong; the reading, not the claim, is in doubt there — not judged."""
    body = "$y^{[i]} = \\phi(z^{[i]})$\n\n$t$ is the target.\n\n" + RASCHKA
    got = _verify(tmp_path, RASCHKA_SPEC, body)
    assert got["out"].verdict == "unchecked" and "y is read as the output" in got["out"].message, got["out"].message


def test_code_names_for_the_rate_and_the_target_and_a_loss_of_the_bare_output(tmp_path):
    """zacbrannelly's notes: L = (a − label)^2 for one output neuron, then dL/da = 2(a − label) and b = b − lr dL/db:
    label is the target, lr the learning rate (code's names in the math), and the loss of a bare a says a is the output
    neuron's — judged as the hidden layer's (bare letters' default in a one-hidden-layer net), dL/da had been called
    wrong; the output's 2(a − y) holds (the oracle), so it is no longer rejected."""
    a, y = 0.7, 0.2
    grad = central_differences(lambda p: float((p["a"][0] - y) ** 2), {"a": np.array([a])})["a"][0]
    assert abs(grad - 2 * (a - y)) < 1e-6
    spec = RASCHKA_SPEC.replace("units = 3\nactivation", "units = 1\nactivation").replace(
        "binary_cross_entropy", "sum_squared_error")
    body = ("$L = (a - label)^2$\n\n$a = act(z)$\n\n$\\frac{dL}{da} = 2(a - label) \\tag{dLda}$\n\n"
            "$b = b - lr * \\frac{dL}{db} \\tag{step}$\n")
    from gradproof.verify.normalize import normalize
    assert "\\eta" in normalize(r"b = b - lr * \frac{dL}{db}") and "label" not in normalize("2(a - label)")
    got = _verify(tmp_path, spec, body)
    assert got["dLda"].verdict != "incorrect", got["dLda"].message


def test_the_one_hot_vector_of_the_label_is_the_target(tmp_path):
    """zaidanmir's notes: δ_2 = p − \\mathbf{1}_y, the one-hot vector of the label y (the target), and its entry
    \\mathbf{1}_y[k] (y_k). The oracle: softmax with cross-entropy, ∂L/∂z = p − onehot(y); a sign slip is caught."""
    from gradproof.verify.normalize import normalize

    rng = np.random.default_rng(2814)
    z, label = rng.normal(size=3), 1
    onehot = np.eye(3)[label]
    grad = central_differences(lambda p: -float(p["z"][label] - np.log(np.sum(np.exp(p["z"])))), {"z": z.copy()})["z"]
    p = np.exp(z) / np.sum(np.exp(z))
    assert _close(grad, p - onehot) and not _close(grad, onehot - p)
    assert normalize(r"p_k - \mathbf{1}_y[k]").replace(" ", "") == "p_k-y_{k}"
    body = ("$$z_1 = W_1 x + b_1, \\quad a_1 = \\mathrm{ReLU}(z_1), \\quad z_2 = W_2 a_1 + b_2, \\quad p = "
            "\\mathrm{softmax}(z_2)$$\n\n"
            "$$\\delta_2 := \\frac{\\partial L}{\\partial z_2} = p - \\mathbf{1}_y \\tag{vector}$$\n\n"
            "$$\\delta_2 := \\frac{\\partial L}{\\partial z_2} = \\mathbf{1}_y - p \\tag{sign}$$\n")
    spec = SOFTMAX_SPEC.replace("inputs = 4", "inputs = 5").replace(
        "[[layers]]\nunits = 3", '[[layers]]\nunits = 4\nactivation = "relu"\n\n[[layers]]\nunits = 3')
    got = _verify(tmp_path, spec, body)
    assert got["vector"].verdict == "correct", got["vector"].message
    assert got["sign"].verdict == "incorrect", got["sign"].message


def test_an_objective_named_by_a_word_is_the_objective(tmp_path):
    """zaidanmir's θ ← θ − η ∂L_\\text{batch}/∂θ: L with the word "batch" (or total, train) as its subscript is the
    objective itself (it had been unreadable); the ascent slip is caught. The oracle: a descent step lowers the mean
    cross-entropy of the batch, an ascent step raises it."""
    rng = np.random.default_rng(2815)
    W, X, labels = rng.normal(size=(3, 5)), rng.normal(size=(6, 5)), rng.integers(0, 3, size=6)

    def mean_ce(W):
        Z = X @ W.T
        Z = Z - Z.max(axis=1, keepdims=True)
        return -float(np.mean(Z[np.arange(6), labels] - np.log(np.exp(Z).sum(axis=1))))

    g = central_differences(lambda p: mean_ce(p["W"]), {"W": W.copy()})["W"]
    assert mean_ce(W - 0.01 * g) < mean_ce(W) < mean_ce(W + 0.01 * g)
    body = ("For a mini-batch of $B$ examples, $L_\\text{batch} = \\frac{1}{B} \\sum_{i=1}^{B} L^{(i)}$.\n\n"
            "$$\\theta \\leftarrow \\theta - \\eta \\, \\frac{\\partial L_\\text{batch}}{\\partial \\theta} \\tag{step}$$\n\n"
            "$$\\theta \\leftarrow \\theta + \\eta \\, \\frac{\\partial L_\\text{batch}}{\\partial \\theta} \\tag{ascent}$$\n")
    spec = SOFTMAX_SPEC.replace("inputs = 4", "inputs = 5") + '\n[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n'
    got = _verify(tmp_path, spec, body)
    assert got["step"].verdict == "correct", got["step"].message
    assert got["ascent"].verdict == "incorrect", got["ascent"].message


def test_an_entropy_letter_of_the_target_and_the_output_is_the_objective(tmp_path):
    """wintertee's H(y, a) = −Σ_j y_j log a_j: a capital letter applied to the target and the output is the answer's
    objective even where H could name a batch's activations (it had been "H needs a layer index"). The oracle: softmax
    with cross-entropy, ∂H/∂z = ŷ − y; the sign slip is caught."""
    rng = np.random.default_rng(2816)
    z, y = rng.normal(size=3), np.eye(3)[0]
    grad = central_differences(lambda p: -float(np.sum(y * (p["z"] - np.log(np.sum(np.exp(p["z"])))))),
                               {"z": z.copy()})["z"]
    yhat = np.exp(z) / np.sum(np.exp(z))
    assert _close(grad, yhat - y) and not _close(grad, y - yhat)
    body = ("$$H(y, \\hat y) = -\\sum_j y_j \\log \\hat y_j$$\n\n"
            "$$\\frac{\\partial H(y, \\hat y)}{\\partial z^{(2)}} = \\hat y - y \\tag{right}$$\n\n"
            "$$\\frac{\\partial H(y, \\hat y)}{\\partial z^{(2)}} = y - \\hat y \\tag{sign}$$\n")
    spec = SOFTMAX_SPEC.replace("inputs = 4", "inputs = 5").replace(
        "[[layers]]\nunits = 3", '[[layers]]\nunits = 4\nactivation = "relu"\n\n[[layers]]\nunits = 3')
    got = _verify(tmp_path, spec, body)
    assert got["right"].verdict == "correct", got["right"].message
    assert got["sign"].verdict == "incorrect", got["sign"].message
