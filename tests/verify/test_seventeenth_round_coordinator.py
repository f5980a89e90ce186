"""The seventeenth round's coordinator: a user's check on a learner's blog post no corpus holds ("Understanding
formulas for backpropogation", 2018: Ng's notation, samples as columns, ReLU then softmax cross-entropy averaged over
m, every derivation an ``align`` whose first row ``\\frac{\\partial Loss}{\\partial Z} &= \\\\`` leaves its right side
empty and the chain goes on in the next row ``&= …``), and the rule a log identity in letters the network also uses
(``log(X/Y) = log X − log Y``, X the inputs and Y the targets) taught: a claim neither of whose sides conforms under
the reading of its letters is not the answer's error."""

from __future__ import annotations

import numpy as np
from test_fifteenth_round_coordinator import by_id

SPEC = """name = "columns"
convention = "row"
inputs = 4

[[layers]]
units = 5
activation = "relu"

[[layers]]
units = 3
activation = "softmax"

[loss]
name = "cross_entropy"

[optimizer]
name = "sgd"
learning_rate = 1.0
"""

HEAD = "Where $$ Z^{[l]} = W^{[l]}A^{[l-1]} + b^{[l]}$$, the loss averaged over the $$m$$ examples.\n\n"  # (lines 1-2)


def verify(tmp_path, body: str):
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(SPEC)
    (tmp_path / "answer.md").write_text(body)
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    return by_id(results)


def _oracle_db2(scale_by_m: bool) -> bool:
    """Whether ∂J/∂b² = (1/m) Σᵢ (A²⁽ⁱ⁾ − Y⁽ⁱ⁾) (or the sum without 1/m) holds: central differences of the mean
    cross-entropy of a 4-5-3 ReLU/softmax net, samples as columns, in NumPy."""
    rng = np.random.default_rng(3)
    m = 6
    X, W1, b1 = rng.normal(size=(4, m)), rng.normal(size=(5, 4)), rng.normal(size=(5, 1))
    W2, b2 = rng.normal(size=(3, 5)), rng.normal(size=(3, 1))
    Y = np.eye(3)[:, rng.integers(0, 3, size=m)]

    def forward(b):
        Z2 = W2 @ np.maximum(0, W1 @ X + b1) + b
        A2 = np.exp(Z2 - Z2.max(0)) / np.exp(Z2 - Z2.max(0)).sum(0)
        return A2, -np.sum(Y * np.log(A2)) / m

    A2, _ = forward(b2)
    claimed = (A2 - Y).sum(axis=1, keepdims=True) / (m if scale_by_m else 1)
    fd = np.zeros_like(b2)
    for k in range(3):
        e = np.zeros_like(b2)
        e[k] = 1e-6
        fd[k] = (forward(b2 + e)[1] - forward(b2 - e)[1]) / 2e-6
    return bool(np.allclose(claimed, fd, atol=1e-6))


def test_a_row_with_an_empty_right_side_continues_the_chain(tmp_path):
    """``a &= \\\\ &= b``: the chain a = b, judged as a whole (it was unread: "unexpected '='"); the planted copy
    without 1/m is caught, each verdict the oracle's."""
    body = HEAD + ("$$\n\\begin{align}\n\\frac{\\partial{J}}{\\partial{b^{[2]}}} &= \\\\\n"
                   "&= \\frac{1}{m} \\sum_{i=1}^{m} (A^{[2](i)} - Y^{(i)})\n\\end{align}\n$$\n\n"  # lines 3-8
                   "$$\n\\begin{align}\n\\frac{\\partial{J}}{\\partial{b^{[2]}}} &= \\\\\n"
                   "&= \\sum_{i=1}^{m} (A^{[2](i)} - Y^{(i)})\n\\end{align}\n$$\n")  # lines 10-15
    got = verify(tmp_path, body)
    assert _oracle_db2(True) and not _oracle_db2(False)
    assert got["line 5"].verdict == "correct"
    assert got["line 12"].verdict == "incorrect"


def test_a_rule_in_letters_that_conform_on_neither_side_is_unchecked(tmp_path):
    """``log(X/Y) = log(X) − log(Y)`` with X the 4×m inputs and Y the 3×m targets: neither side can be formed, so the
    letters mean something else here — unchecked, not incorrect; a gradient written with a product that does not
    conform stays incorrect (its claimed quantity, ∂J/∂W², has a value)."""
    body = HEAD + ("$$ log \\Big(\\frac{X}{Y}\\Big) = log(X) - log(Y).$$\n\n"  # line 3
                   "$$ \\frac{\\partial J}{\\partial W^{[2]}} = \\frac{1}{m} A^{[1]} (A^{[2]} - Y)$$\n")  # line 5
    got = verify(tmp_path, body)
    assert got["line 3"].verdict == "unchecked" and "neither side conforms" in got["line 3"].message
    assert got["line 5"].verdict == "incorrect"


# -- a chain of single linear nodes (the 2018 post "A detailed look at backpropagation"): x_0 → x_1 → x_2 → x_3, the
# weight w_{ij} from node i to node j, C = (x_3 − y)²/2 on one data point, δ numbered from the output back --

CHAIN_SPEC = """name = "chain"
convention = "row"
inputs = 1
""" + "".join('\n[[layers]]\nunits = 1\nactivation = "identity"\nbias = false\n' for _ in range(3)) + """
[loss]
name = "squared_error"

[optimizer]
name = "sgd"
learning_rate = 0.1
"""

CHAIN_HEAD = ("More precisely, the forward propagation is:\n\n$x_1 = w_{01} x_0$\n\n$x_2 = w_{12} x_1$\n\n"
              "$\\hat{y} \\equiv x_3 = w_{23} x_2$\n\nThe cost is $C = \\frac{(x_3 - y)^2}{2}$.\n\n")  # (lines 1-10)


def chain_verify(tmp_path, body: str):
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(CHAIN_SPEC)
    (tmp_path / "answer.md").write_text(body)
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    return by_id(results)


def _chain_oracle():
    """The three gradients of C = ½(w₂₃ w₁₂ w₀₁ x₀ − y)² by central differences at a random point, and the author's
    formulas (right and planted) evaluated there: which of them hold."""
    rng = np.random.default_rng(7)
    x0, y, w01, w12, w23 = rng.normal(size=5)

    def cost(a, b, c):
        return 0.5 * (c * b * a * x0 - y) ** 2

    h = 1e-6
    fd12 = (cost(w01, w12 + h, w23) - cost(w01, w12 - h, w23)) / (2 * h)
    x3 = w23 * w12 * w01 * x0
    right = (x3 - y) * w23 * w01 * x0
    planted = (x3 - y) * w23 * w12 * x0  # w_12 for w_01
    return bool(np.isclose(right, fd12, atol=1e-6)), bool(np.isclose(planted, fd12, atol=1e-6))


def test_a_chain_of_single_units_reads_its_nodes_and_node_pair_weights(tmp_path):
    """x_k is node k's value (x_0 the input: the answer counts from 0) and w_{ij} the weight from node i to node j
    (the layer j's one weight): the forward definitions and ∂C/∂w_{12} are read; the planted copy is caught."""
    right_holds, planted_holds = _chain_oracle()
    assert right_holds and not planted_holds
    body = CHAIN_HEAD + ("$\\frac{\\partial C}{\\partial w_{12}} = (x_3-y) w_{23} w_{01} x_0$\n\n"  # line 11
                         "$\\frac{\\partial C}{\\partial w_{12}} = (x_3-y) w_{23} w_{12} x_0$\n\n"  # line 13 (planted)
                         "$x_2 = w_{12} x_0$\n")  # line 15 (planted: x_0 for x_1)
    got = chain_verify(tmp_path, body)
    assert [got[f"line {n}"].verdict for n in (3, 5, 7)] == ["correct"] * 3
    assert got["line 11"].verdict == "correct"
    assert got["line 13"].verdict == "incorrect" and got["line 15"].verdict == "incorrect"


def test_deltas_numbered_from_the_output_are_the_answers_own(tmp_path):
    """δ_0 = x_3 − y names no layer (layer 0 is the input): the answer numbers its δ its own way, so δ_0 … δ_2 are its
    own symbols (definitions, not graded), and a claim that uses them is read with them: ``= δ_1 x_1`` right, the
    planted ``= δ_1 x_2`` wrong (the oracle: δ_1 = w_23 (x_3 − y), ∂C/∂w_12 = δ_1 x_1). A Jekyll ``\\_`` before
    an underbrace's label is the subscript mark."""
    body = CHAIN_HEAD + ("$\\delta_0 = x_3-y$\n\n$\\delta_1 = w_{23} (x_3 - y)$\n\n"  # lines 11, 13
                         "$\\frac{\\partial C}{\\partial w_{12}} = \\underbrace{(x_3-y) w_{23}}\\_{\\delta_1} w_{01} x_0 "
                         "= \\delta_1 x_1$\n\n"  # line 15
                         "$\\frac{\\partial C}{\\partial w_{12}} = \\delta_1 x_2$\n")  # line 17 (planted)
    got = chain_verify(tmp_path, body)
    assert got["line 11"].verdict == "unchecked" and "its own way" in got["line 11"].message
    assert got["line 15"].verdict == "correct"
    assert got["line 17"].verdict == "incorrect"


def test_a_claim_right_only_without_its_coloured_part_is_unchecked(tmp_path):
    """The post colours the missing weight red: as written the claim is wrong, without the red part right — what the
    colour means is prose, so unchecked; a highlighted right claim stays correct, and a wrong one that is wrong
    either way stays incorrect."""
    body = CHAIN_HEAD + ("$\\frac{\\partial C}{\\partial w_{12}} = (x_3-y) w_{23} {\\color{red} {w_{12}}} w_{01} x_0$\n\n"
                         "$\\frac{\\partial C}{\\partial w_{12}} = (x_3-y) {\\color{blue} w_{23}} w_{01} x_0$\n\n"
                         "$\\frac{\\partial C}{\\partial w_{12}} = (x_3-y) {\\color{red} w_{23}} w_{12} x_0$\n")
    got = chain_verify(tmp_path, body)
    assert got["line 11"].verdict == "unchecked" and "colour" in got["line 11"].message
    assert got["line 13"].verdict == "correct"
    assert got["line 15"].verdict == "incorrect"


# -- kaifeng's worked example (heldout17's two false accepts): givens stated in math are exact, and the 0.2 % floor
# is taken of what the rounded numbers contribute --

KAI_SPEC = """name = "kai"
convention = "column"
inputs = 2

[[layers]]
units = 2
activation = "sigmoid"

[[layers]]
units = 1
activation = "sigmoid"

[loss]
name = "squared_error"

[optimizer]
name = "sgd"
learning_rate = 0.1
"""

KAI_HEAD = ("输入：$X = [1, 2]$，真实标签：$y = 0.5$\n\n"
            "权重：$W_1 = \\begin{bmatrix}0.5 & 0.6 \\\\ 0.7 & 0.8\\end{bmatrix}$，偏置：$b_1 = [0.1, 0.2]$\n\n")  # lines 1-4


def _rounds_to(value: float, written: str) -> bool:
    """Whether ``written`` is ``value`` rounded to its own digits (the oracle a TA applies)."""
    decimals = len(written.split(".")[1]) if "." in written else 0
    return round(value, decimals) == float(written)


def test_a_slip_beside_a_given_number_is_not_rounding(tmp_path):
    """½(0.7692 − 0.5)² is 0.0362 (y = 0.5 is given, not rounded ±0.05), and 0.7 − 0.00004 is 0.69996 (W_1's 0.7 is
    given): the written 0.035 and 0.6996 are slips, the rounded 0.0362 and 0.7000 right — each verdict the oracle's."""
    written = {"line 5": ("0.5 \\cdot (0.7692 - 0.5)^2", 0.5 * (0.7692 - 0.5) ** 2, "0.035"),
               "line 7": ("0.5 \\cdot (0.7692 - 0.5)^2", 0.5 * (0.7692 - 0.5) ** 2, "0.0362"),
               "line 9": ("0.7 - 0.00004", 0.7 - 0.00004, "0.6996"),
               "line 11": ("0.7 - 0.00004", 0.7 - 0.00004, "0.7000")}
    assert _rounds_to(0.8 - 0.00008, "0.7999")

    def line(lhs: str, w: str) -> str:  # the W_1 update's bottom row, as kaifeng writes it (a matrix of differences)
        if "0.00004" not in lhs:
            return f"${lhs} \\approx {w}$\n\n"
        return (f"$\\begin{{bmatrix}}{lhs} & 0.8-0.00008\\end{{bmatrix}} \\approx "
                f"\\begin{{bmatrix}}{w} & 0.7999\\end{{bmatrix}}$\n\n")

    body = KAI_HEAD + "".join(line(lhs, w) for lhs, _, w in written.values())
    (tmp_path / "spec.toml").write_text(KAI_SPEC)
    (tmp_path / "answer.md").write_text(body)
    from gradproof.verify.cli import verify_file

    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    got = by_id(results)
    for cid, (_, value, w) in written.items():
        want = "correct" if _rounds_to(value, w) else "incorrect"
        assert got[cid].verdict == want, (cid, got[cid].message)


def test_typoras_part_is_the_partial_sign(tmp_path):
    """``\\part`` in math is Typora's ∂ (a sectioning command has no place in a formula): ∂J/∂b² read, a planted one
    without 1/m caught, each verdict the oracle's."""
    body = HEAD + ("$$\\frac{\\part J}{\\part b^{[2]}} = \\frac{1}{m} \\sum_{i=1}^{m} (A^{[2](i)} - Y^{(i)})$$\n\n"
                   "$$\\frac{\\part J}{\\part b^{[2]}} = \\sum_{i=1}^{m} (A^{[2](i)} - Y^{(i)})$$\n")  # lines 3, 5
    got = verify(tmp_path, body)
    assert _oracle_db2(True) and not _oracle_db2(False)
    assert got["line 3"].verdict == "correct" and got["line 5"].verdict == "incorrect"


# -- a layer written as a module with samples as rows (CANNDY's notes): Y = X · W + b, then its backward pass --

ROWS_SPEC = """name = "rows"
convention = "column"
inputs = 3

[[layers]]
units = 4
activation = "sigmoid"

[[layers]]
units = 2
activation = "identity"

[loss]
name = "squared_error"

[optimizer]
name = "sgd"
learning_rate = 0.1
"""


def _module_oracle():
    """For Y = X W + b (X of shape N × D) and any L of Y (here Σ c ⊙ Y²): ∂L/∂W = Xᵀ ∂L/∂Y and ∂L/∂X = ∂L/∂Y Wᵀ by
    central differences; Wᵀ ∂L/∂Y does not even conform."""
    rng = np.random.default_rng(11)
    X, W, b, c = rng.normal(size=(5, 3)), rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=(5, 4))

    def loss(X_, W_):
        return float(np.sum(c * (X_ @ W_ + b) ** 2))

    dY = 2 * c * (X @ W + b)
    fd_W, fd_X = np.zeros_like(W), np.zeros_like(X)
    for arr, fd, f in ((W, fd_W, lambda v: loss(X, v)), (X, fd_X, lambda v: loss(v, W))):
        for idx in np.ndindex(arr.shape):
            e = np.zeros_like(arr)
            e[idx] = 1e-6
            fd[idx] = (f(arr + e) - f(arr - e)) / 2e-6
    return np.allclose(X.T @ dY, fd_W, atol=1e-5), np.allclose(dY @ W.T, fd_X, atol=1e-5), W.T.shape[1] == dY.shape[0]


def test_a_module_written_with_samples_as_rows_and_a_lowercase_bias(tmp_path):
    """``Y = X \\cdot W + b`` defines the module (as wj-jason's ``Y = W X + B`` does): its gradients are read for every
    dense layer; the planted ``W^T ∂L/∂Y`` (the factors swapped) is caught."""
    w_ok, x_ok, swapped_conforms = _module_oracle()
    assert w_ok and x_ok and not swapped_conforms
    body = ("$$\nY = X \\cdot W + b\n$$\n\n"  # lines 1-3
            "$$\n\\frac{\\partial L}{\\partial W} = X^T \\frac{\\partial L}{\\partial Y}\n$$\n\n"  # line 6
            "$$\n\\frac{\\partial L}{\\partial X} = \\frac{\\partial L}{\\partial Y} W^T\n$$\n\n"  # line 10
            "$$\n\\frac{\\partial L}{\\partial X} = W^T \\frac{\\partial L}{\\partial Y}\n$$\n")  # line 14
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(ROWS_SPEC)
    (tmp_path / "answer.md").write_text(body)
    got = by_id(verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))[0])
    assert got["line 6"].verdict == "correct" and got["line 10"].verdict == "correct"
    assert got["line 14"].verdict == "incorrect"


# -- Ng's Machine Learning Specialization: the model f_{w,b}(x^{(i)}) --

REGLIN_SPEC = """name = "reglin"
convention = "row"
inputs = 3

[[layers]]
units = 1
activation = "identity"

[loss]
name = "squared_error"

[regularization]
name = "l2"
lambda = 0.5

[optimizer]
name = "sgd"
learning_rate = 0.01
"""


def _reglin_oracle(scale: float) -> bool:
    """Whether ∂J/∂w_j = (1/m) Σᵢ (f(x⁽ⁱ⁾) − y⁽ⁱ⁾) x_j⁽ⁱ⁾ + scale · (λ/m) w_j for J = 1/(2m) Σ (f − y)² + λ/(2m) Σ w_j²
    (central differences, m = 5)."""
    rng = np.random.default_rng(5)
    X, y, w, b, lam, m = rng.normal(size=(5, 3)), rng.normal(size=5), rng.normal(size=3), 0.3, 0.5, 5

    def cost(v):
        return float(np.sum((X @ v + b - y) ** 2) / (2 * m) + lam / (2 * m) * np.sum(v ** 2))

    fd = np.array([(cost(w + e) - cost(w - e)) / 2e-6 for e in np.eye(3) * 1e-6])
    return bool(np.allclose(X.T @ (X @ w + b - y) / m + scale * lam / m * w, fd, atol=1e-6))


def test_the_model_written_f_with_its_parameters_as_a_script(tmp_path):
    """``f_{\\vec{w},b}(\\vec{x}^{(i)})`` is the model's prediction for example i (as Ng's h_\\theta(x^{(i)}) is): the
    regularized gradient is read, and the planted λ/(2m) is caught."""
    assert _reglin_oracle(1.0) and not _reglin_oracle(0.5)
    f = "f_{\\vec{w},b}(\\vec{x}^{(i)})"
    body = (f"$\\frac{{\\partial J}}{{\\partial w_j}} = \\left( \\frac{{1}}{{m}} \\sum_{{i=1}}^{{m}} ({f} - y^{{(i)}}) "
            f"x_j^{{(i)}} \\right) + \\frac{{\\lambda}}{{m}}w_j$\n\n"
            f"$\\frac{{\\partial J}}{{\\partial w_j}} = \\left( \\frac{{1}}{{m}} \\sum_{{i=1}}^{{m}} ({f} - y^{{(i)}}) "
            f"x_j^{{(i)}} \\right) + \\frac{{\\lambda}}{{2m}}w_j$\n")
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(REGLIN_SPEC)
    (tmp_path / "answer.md").write_text(body)
    got = by_id(verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))[0])
    assert got["line 1"].verdict == "correct" and got["line 3"].verdict == "incorrect"


# -- a Spanish curriculum's updates (vetea): w_{nuevo} = w_{viejo} − η ∂L/∂w, "en el siguiente paso ($t=2$)" --

NEURON_SPEC = """name = "neuron"
convention = "row"
inputs = 2

[[layers]]
units = 1
activation = "sigmoid"

[loss]
name = "squared_error"

[optimizer]
name = "sgd"
learning_rate = 0.1
"""


def _neuron_step_oracle(sign: float) -> bool:
    """Whether w − sign · η ∂L/∂w is the SGD step (the gradient of ½(y − σ(w·x + b))² by central differences)."""
    rng = np.random.default_rng(2)
    x, w, b, y, eta = rng.normal(size=2), rng.normal(size=2), 0.1, 0.8, 0.1

    def loss(v):
        return 0.5 * (y - 1 / (1 + np.exp(-(v @ x + b)))) ** 2

    grad = np.array([(loss(w + e) - loss(w - e)) / 2e-6 for e in np.eye(2) * 1e-6])
    return bool(np.allclose(w - sign * eta * grad, w - eta * grad))


def test_spanish_new_and_old_and_a_step_number(tmp_path):
    """``W_{nuevo}``/``W_{viejo}`` are the weights after and before the step (as W_{new}, W_{old}): the update is read,
    a planted sign caught; ``w_{nuevo} = w_{viejo} − η ∂L/∂w_1`` (the whole w beside ONE entry's derivative) is not
    read; ``$t=2$`` names the step, no claim."""
    assert _neuron_step_oracle(1.0) and not _neuron_step_oracle(-1.0)
    body = ("$$z = w_1 x_1 + w_2 x_2 + b$$\n\n"  # line 1: w_1, w_2 the unit's weights
            "$$W_{nuevo} = W_{viejo} - \\eta \\cdot \\frac{\\partial L}{\\partial W}$$\n\n"  # line 3
            "$$W_{nuevo} = W_{viejo} + \\eta \\cdot \\frac{\\partial L}{\\partial W}$$\n\n"  # line 5 (planted)
            "$$w_{nuevo} = w_{viejo} - \\eta \\cdot \\frac{\\partial L}{\\partial w_1}$$\n\n"  # line 7
            "en el siguiente paso ($t=2$), el momento actúa.\n")  # line 9
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(NEURON_SPEC)
    (tmp_path / "answer.md").write_text(body)
    got = by_id(verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))[0])
    assert got["line 3"].verdict == "correct" and got["line 5"].verdict == "incorrect"
    assert got["line 7"].verdict == "unchecked" and "one of its entries" in got["line 7"].message
    assert got["line 9"].verdict == "unchecked" and "step" in got["line 9"].message


def test_a_vector_gradient_as_a_row_is_the_answers_layout_not_a_slip():
    """kaifeng's ∂L/∂W_2 = δ₂ · a_1 = 0.0478 × [0.8808, 0.9084] (heldout17, line 60): W_2 is a weight VECTOR and its
    numbers are a list, which has no orientation; the entries are the spec's W⁽²⁾ gradient's (the oracle: δ₂ a₁ and
    a₁ᵀ δ₂ hold the same numbers) — unchecked, not incorrect. The transposed MATRIX gradient δ₁ᵀ X for W_1 (line 82,
    entries swapped) stays incorrect, and so does Ng's planted vector gradient written in symbols (courses), whose
    orientation the course's convention fixes. ``\\delta{_2}`` (the subscript alone in a group) is δ₂."""
    from pathlib import Path

    from gradproof.verify.cli import verify_file

    rng = np.random.default_rng(4)
    d2, a1, d1, X = rng.normal(size=(1, 1)), rng.normal(size=(1, 2)), rng.normal(size=(1, 2)), rng.normal(size=(1, 2))
    assert np.allclose(np.ravel(d2 @ a1), np.ravel(a1.T @ d2))  # a vector: the same entries either way
    assert not np.allclose(d1.T @ X, X.T @ d1)  # a matrix: the transpose is another matrix
    corpus = Path(__file__).parent / "corpus"
    got = by_id(verify_file(str(corpus / "heldout17" / "kaifeng_backprop.md"),
                            str(corpus / "heldout17" / "kaifeng_backprop.spec.toml"))[0])
    assert got["line 60"].verdict == "unchecked" and "row or a column" in got["line 60"].message
    assert got["line 82"].verdict == "incorrect"
    got = by_id(verify_file(str(corpus / "courses" / "ng_week3_vectorized_planted.toml"))[0])
    assert got["bp.2"].verdict == "incorrect"


def test_one_units_numbered_weights_are_the_worked_examples_givens(tmp_path):
    """vetea's table gives $x_1 = 0.5$, $x_2 = 1.0$, $w_1 = 0.3$, $w_2 = 0.7$, $b = 0.1$, $y = 0.8$ for one sigmoid unit
    (z = w_1 x_1 + w_2 x_2 + b: w_k its weight on x_k, certain): the example is complete, so its numbers are checked
    against the network's at those values — σ(0.95) ≈ 0.721 right, a planted a(1 + a) caught (NumPy decides)."""
    z = 0.3 * 0.5 + 0.7 * 1.0 + 0.1
    a = 1 / (1 + np.exp(-z))
    assert abs(z - 0.95) < 1e-12 and round(a, 3) == 0.721
    right, planted = a * (1 - a), a * (1 + a)
    assert round(right, 3) == 0.201 and round(planted, 3) != 0.201
    body = ("| $x_1 = 0.5$, $x_2 = 1.0$ |\n| $w_1 = 0.3$, $w_2 = 0.7$ |\n| $b = 0.1$ |\n| $y = 0.8$ |\n\n"  # lines 1-4
            "$$z = (w_1 x_1) + (w_2 x_2) + b$$\n\n"  # line 6
            "$$a = \\frac{1}{1 + e^{-0.95}} \\approx 0.721$$\n\n"  # line 8
            "$$\\frac{\\partial a}{\\partial z} = a (1 - a) = 0.721 (1 - 0.721) \\approx 0.201$$\n\n"  # line 10
            "$$\\frac{\\partial a}{\\partial z} = a (1 + a) = 0.721 (1 + 0.721) \\approx 1.241$$\n")  # line 12
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(NEURON_SPEC)
    (tmp_path / "answer.md").write_text(body)
    results, meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    got = by_id(results)
    assert meta["mode"] == "numeric"
    assert got["line 8"].verdict == "correct" and got["line 10"].verdict == "correct"
    assert got["line 12"].verdict == "incorrect"


# -- a team's write-up typed in a word processor (EVA's "How a Neural Network Works"): 𝟃 for ∂, σ’ for σ', an
# equation number "\ -(11)" at a row's end, Mazur's out_h1 typed without braces, E1 for one output's error --

EVA_SPEC = """name = "eva"
convention = "row"
inputs = 2

[[layers]]
units = 2
activation = "sigmoid"
bias = false

[[layers]]
units = 2
activation = "sigmoid"
bias = false

[loss]
name = "squared_error"

[optimizer]
name = "sgd"
learning_rate = 0.5
"""


def test_word_processor_math_is_read_as_typed(tmp_path):
    """σ'(x) = σ(x)(1 − σ(x)) (numbered "\\ -(11)") is right and its planted σ(x)(1 + σ(x)) wrong (central
    differences decide); the update w = w − η 𝟃E/𝟃w is read with the bold-italic ∂; E1 (one output's error, in an
    answer that numbers its weights w1 … w8) is not read as E × 1."""
    sig = 1 / (1 + np.exp(-0.3))
    fd = (1 / (1 + np.exp(-0.3 - 1e-6)) - 1 / (1 + np.exp(-0.3 + 1e-6))) / 2e-6
    assert abs(sig * (1 - sig) - fd) < 1e-8 and abs(sig * (1 + sig) - fd) > 0.1
    body = ("$$\nh1 = w1 * i1 + w2 * i2 \\\\\no1 = w5 * out_h1 + w6 * out_h2\n$$\n\n"  # lines 1-4
            "$$\n\\begin{align*}\nσ’(x) &= σ(x) ( 1- σ(x)) \\ -(11)\\\\\n\\end{align*}\n$$\n\n"  # lines 6-10: row 8
            "$$\n\\begin{align*}\nσ’(x) &= σ(x) ( 1+ σ(x)) \\ -(12)\\\\\n\\end{align*}\n$$\n\n"  # row 14 (planted)
            "$$\nw = w - η*𝟃E/𝟃w\n$$\n\n"  # line 19
            "$$\nE1 = ½ * (t1 - out_o1)^2\n$$\n")  # line 23
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(EVA_SPEC)
    (tmp_path / "answer.md").write_text(body)
    got = by_id(verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))[0])
    sigma_rows = [r for r in got.values() if "(11)" in r.latex or "( 1- " in r.latex]
    planted_rows = [r for r in got.values() if "( 1+ " in r.latex]
    assert sigma_rows and all(r.verdict == "correct" for r in sigma_rows), [(r.id, r.message) for r in sigma_rows]
    assert planted_rows and all(r.verdict == "incorrect" for r in planted_rows)
    assert got["line 19"].verdict == "correct", got["line 19"].message
    assert got["line 23"].verdict == "unchecked" and "E_{o1}" in got["line 23"].message
