r"""The thirty-eighth round (issue 10): vectors typed as lists in a worked example, as students type them in Markdown —
``x = [0.05, 0.10]``, ``(0.3775, 0.3925)``, ``[1, 2] \cdot W``, ``[0.40, 0.45] \cdot [0.5933, 0.5969]^T``,
``0.1385 \times [0.40, 0.45] \odot [...]``, MATLAB's ``[0.1; 0.2]`` and NumPy's ``[[0.15, 0.20], [0.25, 0.30]]``.
Before this round a list was read only as a whole side of an answer with [values] ("expected ']' at position 12,
found ','" everywhere else). A list has no orientation: beside a row it is that row, before a matrix a row, after one a
column; two lists side by side with nothing to say how they multiply are not read.

Every number written in the worked examples below is NumPy's (the network's forward and backward pass computed here,
rounded as a student rounds); every planted slip is a number moved off NumPy's by more than its rounding."""

from __future__ import annotations

import numpy as np
import pytest
from gradproof.verify.parser import Notation, parse_claim
from gradproof.verify.tree import FlatShape
from test_nineteenth_round_coordinator import _spec
from test_thirty_third_round import _line
from test_twenty_first_round import _verify

ROW = _spec("lists", "row", 2, [(2, "sigmoid"), (1, "sigmoid")], "squared_error", 0.5)  # z = W x + b, W out × in
COLUMN = _spec("lists", "column", 2, [(2, "sigmoid"), (1, "sigmoid")], "squared_error", 0.5)  # z = x W + b


def _r(v, d: int = 4) -> str:
    return f"{round(float(v), d):.{d}f}"


def _lst(values, d: int = 4, open_: str = "[", close: str = "]") -> str:
    return open_ + ", ".join(_r(v, d) for v in np.ravel(values)) + close


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _numbers() -> dict:
    """Mazur's 2-2-1 example with one output, forward and backward in NumPy, each step from the rounded numbers a
    student carries (4 decimals), as the written answer computes them."""
    x, y = np.array([0.05, 0.10]), 0.01
    W1, b1 = np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([0.35, 0.35])
    W2, b2 = np.array([0.40, 0.45]), 0.60
    rd = lambda v: np.round(v, 4)  # noqa: E731
    z1 = rd(W1 @ x + b1)
    h1 = rd(_sigmoid(z1))
    z2 = rd(W2 @ h1 + b2)
    yhat = rd(_sigmoid(z2))
    d2 = rd((yhat - y) * yhat * (1 - yhat))
    slope1 = rd(h1 * (1 - h1))
    d1 = rd(d2 * W2 * slope1)
    dW2 = rd(d2 * h1)
    W2_new = rd(W2 - 0.5 * dW2)
    return dict(x=x, y=y, W1=W1, b1=b1, W2=W2, b2=b2, z1=z1, h1=h1, z2=z2, yhat=yhat, d2=d2, slope1=slope1, d1=d1,
                dW2=dW2, W2_new=W2_new)


def _row_answer(n: dict) -> str:
    """The example as a student writes it beside z = W x + b: lists in brackets, transposed where a column is meant."""
    W1 = r"\begin{bmatrix} 0.15 & 0.20 \\ 0.25 & 0.30 \end{bmatrix}"
    return "\n".join([
        "# Worked example", "",
        f"Input $x = {_lst(n['x'], 2)}$, target $y = 0.01$.", "",
        f"$W^{{(1)}} = {W1}$, $b^{{(1)}} = [0.35, 0.35]$, $W^{{(2)}} = \\begin{{bmatrix}} 0.40 & 0.45 \\end{{bmatrix}}$, "
        "$b^{(2)} = 0.60$.", "",
        f"$$z^{{(1)}} = W^{{(1)}} x + b^{{(1)}} = {W1} [0.05, 0.10]^T + [0.35, 0.35]^T = {_lst(n['z1'])}$$", "",
        f"$$h^{{(1)}} = \\sigma(z^{{(1)}}) = [\\sigma({_r(n['z1'][0])}), \\sigma({_r(n['z1'][1])})] = {_lst(n['h1'])}$$", "",
        f"$$z^{{(2)}} = [0.40, 0.45] \\cdot {_lst(n['h1'])}^T + 0.60 = {_r(n['z2'])}$$", "",
        f"$$\\hat y = \\sigma({_r(n['z2'])}) = {_r(n['yhat'])}$$", "",
        f"$$\\delta^{{(2)}} = (\\hat y - y) \\hat y (1 - \\hat y) = ({_r(n['yhat'])} - 0.01)({_r(n['yhat'])})"
        f"({_r(1 - n['yhat'])}) = {_r(n['d2'])}$$", "",
        f"$$\\delta^{{(1)}} = {_r(n['d2'])} \\times [0.40, 0.45] \\odot [{_r(n['h1'][0])} \\times {_r(1 - n['h1'][0])}, "
        f"{_r(n['h1'][1])} \\times {_r(1 - n['h1'][1])}] = {_lst(n['d1'])}$$", "",
        f"$$\\frac{{\\partial L}}{{\\partial W^{{(2)}}}} = \\delta^{{(2)}} h^{{(1)T}} = {_r(n['d2'])} \\times {_lst(n['h1'])} "
        f"= {_lst(n['dW2'])}$$", "",
        f"$$\\frac{{\\partial L}}{{\\partial b^{{(1)}}}} = \\delta^{{(1)}} = {_lst(n['d1'])}$$", "",
        f"$$W^{{(2)}} \\leftarrow W^{{(2)}} - 0.5 \\times {_lst(n['dW2'])} = {_lst(n['W2_new'])}$$", "",
    ])


def _column_answer(n: dict) -> str:
    """The same example beside z = x W + b (CS231n's rows), its vectors typed as tuples in parentheses."""
    W1 = r"\begin{bmatrix} 0.15 & 0.25 \\ 0.20 & 0.30 \end{bmatrix}"
    tup = lambda v, d=4: _lst(v, d, "(", ")")  # noqa: E731
    dW1 = np.round(np.outer(n["x"], n["d1"]), 5)
    return "\n".join([
        "## Forward pass", "",
        f"We take $x = {tup(n['x'], 2)}$ and $y = 0.01$, with $W_1 = {W1}$, $b_1 = (0.35, 0.35)$,",
        r"$W_2 = \begin{bmatrix} 0.40 \\ 0.45 \end{bmatrix}$ and $b_2 = 0.60$.", "",
        f"$$z_1 = x W_1 + b_1 = (0.05, 0.10) {W1} + (0.35, 0.35) = {tup(n['z1'])}$$", "",
        f"$$h_1 = \\sigma(z_1) = {tup(n['h1'])}$$", "",
        f"$$z_2 = h_1 W_2 + b_2 = {tup(n['h1'])} \\begin{{bmatrix}} 0.40 \\\\ 0.45 \\end{{bmatrix}} + 0.60 = {_r(n['z2'])}$$", "",
        f"$$\\hat{{y}} = \\sigma(z_2) = {_r(n['yhat'])}$$", "",
        f"$$\\frac{{\\partial L}}{{\\partial W_2}} = h_1^T \\delta_2 = {tup(n['h1'])}^T \\times {_r(n['d2'])} = {tup(n['dW2'])}$$", "",
        f"$$\\delta_1 = \\delta_2 W_2^T \\odot h_1 \\odot (1 - h_1) = {_r(n['d2'])} \\times (0.40, 0.45) \\odot "
        f"{tup(n['slope1'])} = {tup(n['d1'])}$$", "",
        f"$$\\frac{{\\partial L}}{{\\partial W_1}} = x^T \\delta_1 = (0.05, 0.10)^T {tup(n['d1'])} = \\begin{{bmatrix}} "
        f"{_r(dW1[0, 0], 5)} & {_r(dW1[0, 1], 5)} \\\\ {_r(dW1[1, 0], 5)} & {_r(dW1[1, 1], 5)} \\end{{bmatrix}}$$", "",
    ])


ANSWERS = {"row": (_row_answer, ROW), "column": (_column_answer, COLUMN)}


def _judged(tmp_path, convention: str, body: str) -> dict:
    return _verify(tmp_path, ANSWERS[convention][1], body)


@pytest.mark.parametrize("convention", ["row", "column"])
def test_a_worked_example_typed_with_lists_is_read_whole_and_every_step_holds(tmp_path, convention):
    body = ANSWERS[convention][0](_numbers())
    got = _judged(tmp_path, convention, body)
    claims = [line for line in body.splitlines() if line.startswith("$$")]
    for text in claims:
        assert got[_line(body, text)].verdict == "correct", (text, got[_line(body, text)].message)


def _moved(number: str, by: str) -> str:
    return _r(float(number) + float(by), len(number.split(".")[1]))


#: (which written result, moved by how much): each off NumPy's by more than its rounding, within 1 % of the true value
#: for the first three (a tolerance the comparison with the network's values allows; the step's own arithmetic does not)
SLIPS = {
    "row": [("z1", 1, "0.001"), ("h1", 1, "-0.0100"), ("d1", 1, "0.0010"), ("W2_new", 0, "0.0100"), ("dW2", 0, "0.0005")],
    "column": [("z1", 1, "0.0010"), ("dW2", 0, "0.0005"), ("d1", 0, "0.0006"), ("h1", 0, "0.0200")],
}


@pytest.mark.parametrize("convention,slip", [(c, s) for c, slips in SLIPS.items() for s in slips],
                         ids=lambda v: v if isinstance(v, str) else f"{v[0]}[{v[1]}]")
def test_each_slip_planted_in_a_list_is_found_where_it_is_made(tmp_path, convention, slip):
    name, k, by = slip
    n = _numbers()
    body = ANSWERS[convention][0](n)
    right = np.ravel(n[name]).copy()
    wrong = right.copy()
    wrong[k] = float(_moved(_r(right[k]), by))
    assert abs(wrong[k] - right[k]) > 0.00005  # more than the rounding of 4 decimals
    lines = [line for line in body.splitlines() if line.startswith("$$") and line.rstrip("$").rstrip().endswith(
        (_lst(right), _lst(right, 4, "(", ")")))]
    assert lines, name
    text = lines[0]
    planted = text.replace(_lst(right), _lst(wrong)).replace(_lst(right, 4, "(", ")"), _lst(wrong, 4, "(", ")"))
    planted_body = body.replace(text, planted, 1)
    got = _judged(tmp_path, convention, planted_body)
    assert got[_line(planted_body, planted)].verdict == "incorrect", got[_line(planted_body, planted)].message
    before = {line for line in body.splitlines() if line.startswith("$$")} - {text}
    for other in before:  # no other step is called wrong
        assert got[_line(planted_body, other)].verdict != "incorrect", (other, got[_line(planted_body, other)].message)


KAIFENG = "\n".join([
    "**输入数据**：$X = [1, 2]$",
    r"隐藏层权重：$W_1 = \begin{bmatrix}0.5 & 0.6 \\ 0.7 & 0.8\end{bmatrix}$，偏置：$b_1 = [0.1, 0.2]$", "",
    r"$z_1 = X \cdot W_1 + b_1 = [1, 2] \cdot \begin{bmatrix}0.5 & 0.6 \\ 0.7 & 0.8\end{bmatrix} + [0.1, 0.2] = "
    r"[1 \times 0.5 + 2 \times 0.7 + 0.1, \, 1 \times 0.6 + 2 \times 0.8 + 0.2] = [2.0, 2.4]$", "",
    r"$a_1 = \sigma(z_1) = \left[\frac{1}{1+e^{-2.0}}, \frac{1}{1+e^{-2.4}}\right] \approx [0.8808, 0.9168]$", "",
])


def test_arithmetic_on_lists_is_checked_where_the_answer_gives_no_complete_example(tmp_path):
    """Kaifeng's Chinese notes (heldout17): no target given, so the answer's numbers are its own — each link's
    arithmetic is checked as written (before: the whole chain unread at its first list)."""
    x, W1, b1 = np.array([1.0, 2.0]), np.array([[0.5, 0.6], [0.7, 0.8]]), np.array([0.1, 0.2])
    z1 = x @ W1 + b1
    assert np.allclose(z1, [2.0, 2.4]) and np.allclose(np.round(_sigmoid(z1), 4), [0.8808, 0.9168])
    got = _verify(tmp_path, COLUMN, KAIFENG)
    assert got["line 4"].verdict == "correct", got["line 4"].message
    # (σ's values put in entry by entry: which written number stands for which letter is not said — unchecked)
    assert got["line 6"].verdict in ("correct", "unchecked"), got["line 6"].message
    slipped = KAIFENG.replace("[0.8808, 0.9168]", "[0.8808, 0.9084]")  # his own slip: σ(2.4) = 0.9168
    got = _verify(tmp_path, COLUMN, slipped)
    assert got["line 6"].verdict == "incorrect" and "0.9084" in got["line 6"].message


@pytest.mark.parametrize("product,verdict", [
    (r"[0.40, 0.45] \cdot [0.5933, 0.5969]^T = 0.5059", "correct"),   # a row times a column: the dot product
    (r"[0.40, 0.45] \cdot [0.5933, 0.5969]^T = 0.5159", "incorrect"),
    (r"[0.40, 0.45] [0.5933, 0.5969] = 0.5059", "unchecked"),          # dot or entry by entry: not said
])
def test_two_lists_multiply_only_as_the_answer_says(tmp_path, product, verdict):
    assert abs(0.40 * 0.5933 + 0.45 * 0.5969 - 0.5059) < 0.00005
    body = f"Our own check: $${product}$$\n"
    got = _verify(tmp_path, ROW, body)
    assert next(iter(got.values())).verdict == verdict


def test_semicolons_and_nested_lists_are_matrices_with_their_orientation():
    opts = Notation(options=(("sizes", (2, 2, 1)), ("convention", "row")))
    column = parse_claim(r"z^{(1)} = [0.1; 0.2]", opts, 2)[0][1]
    assert column.op == "matrix" and column.value == (2, 1) and not isinstance(column.value, FlatShape)
    for text in (r"W^{(1)} = [[0.15, 0.20], [0.25, 0.30]]", r"W^{(1)} = [0.15, 0.20; 0.25, 0.30]"):
        m = parse_claim(text, opts, 2)[0][1]
        assert m.value == (2, 2) and [a.value[0] for a in m.args] == [0.15, 0.20, 0.25, 0.30], text
    flat = parse_claim(r"z^{(1)} = [0.1, 0.2]", opts, 2)[0][1]
    assert isinstance(flat.value, FlatShape)


@pytest.mark.parametrize("text", [r"L(1.5, 0.56) = 0.4418", r"z^{(1)} = [x, 1]", r"z^{(1)} = W^{(1)}[1, 2]"])
def test_brackets_after_a_name_or_around_letters_are_no_list(text):
    opts = Notation(options=(("sizes", (2, 2, 1)), ("convention", "row")))
    try:
        sides, _ = parse_claim(text, opts, 2)
    except Exception:  # noqa: BLE001 -- unread, as before
        return
    assert not any(n.op == "matrix" and isinstance(n.value, FlatShape) for s in sides for n in s.walk())


SOFTMAX4 = _spec("softmax4", "row", 3, [(4, "softmax")], "cross_entropy", 0.1)


def test_an_example_of_another_size_than_the_specs_is_not_judged(tmp_path):
    """Shreyansh's "suppose p = [0.659, 0.242, 0.099], y = [1, 0, 0]" beside a spec of four classes: three numbers
    for four entries is the answer's own smaller example, not a wrong value (before a list was read: unread)."""
    assert np.allclose(np.array([0.659, 0.242, 0.099]) - np.array([1, 0, 0]), [-0.341, 0.242, 0.099])
    body = "\n".join([r"$$p = \mathrm{softmax}(z)$$", "", r"$$p = [0.659, 0.242, 0.099]$$", "",
                      r"$$\frac{\partial L}{\partial z} = p - y = [-0.341, 0.242, 0.099]$$", ""])
    got = _verify(tmp_path, SOFTMAX4, body)
    assert got["line 3"].verdict == "unchecked" and "another size" in got["line 3"].message
    assert got["line 5"].verdict in ("unchecked", "correct"), got["line 5"].message


def test_a_slip_within_one_percent_is_found_in_a_matrix_too(tmp_path):
    """The step's own arithmetic is checked in a numeric worked example whatever the brackets: a slip of 0.25 % in
    the last link of z^{(1)}, within the 1 % the comparison with the network's value allows, was called right."""
    n = _numbers()
    body = _row_answer(n)
    text = next(line for line in body.splitlines() if line.startswith("$$z^{(1)}"))
    wrong = text.replace(_lst(n["z1"]), rf"\begin{{bmatrix}} {_r(n['z1'][0])} \\ {_r(n['z1'][1] + 0.001)} \end{{bmatrix}}")
    assert abs(0.001 / n["z1"][1]) < 0.01
    got = _verify(tmp_path, ROW, body.replace(text, wrong))
    assert got[_line(body, text)].verdict == "incorrect", got[_line(body, text)].message


RELU_SOFTMAX = _spec("relusoftmax", "row", 3, [(4, "relu"), (3, "softmax")], "cross_entropy", 0.1)


def _relu_slope_holds() -> None:
    """NumPy: ∂L/∂z_1 of h = ReLU(W_1 x + b_1), ŷ = softmax(W_2 h + b_2), L = −Σ y log ŷ by central differences is
    W_2ᵀ(ŷ − y) ⊙ H(z_1), H Heaviside's step."""
    rng = np.random.default_rng(38)
    W1, b1, W2, b2, x = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(3, 4)), rng.normal(size=3), rng.normal(size=3)
    y = np.eye(3)[1]

    def loss(z1):
        s = W2 @ np.maximum(z1, 0) + b2
        return -float(y @ (s - s.max() - np.log(np.exp(s - s.max()).sum())))

    z1 = W1 @ x + b1
    fd = np.array([(loss(z1 + e * 1e-6) - loss(z1 - e * 1e-6)) / 2e-6 for e in np.eye(4)])
    s = W2 @ np.maximum(z1, 0) + b2
    p = np.exp(s - s.max()) / np.exp(s - s.max()).sum()
    assert np.allclose(fd, (W2.T @ (p - y)) * np.heaviside(z1, 0), atol=1e-6)


@pytest.mark.parametrize("step,verdict", [
    ("H(z_1)", "correct"), ("H(z^{(1)})", "correct"), (r"H(\mathbf{z}_1)", "correct"), ("H(Z_1)", "correct"),
    ("H(z_2)", "incorrect"),  # the output layer's summed input: another layer (3 entries for 4)
])
def test_heavisides_step_of_a_summed_input_is_relus_slope(tmp_path, step, verdict):
    """``\\odot H(z_1)`` had been read as h ⊙ z — a right claim judged wrong."""
    _relu_slope_holds()
    body = (r"Network: $h = \mathrm{ReLU}(W_1 x + b_1)$, $\hat y = \mathrm{softmax}(W_2 h + b_2)$." + "\n\n"
            + rf"$$\frac{{\partial L}}{{\partial z_1}} = W_2^T (\hat y - y) \odot {step}$$" + "\n")
    got = _verify(tmp_path, RELU_SOFTMAX, body)
    assert got["line 3"].verdict == verdict, got["line 3"].message


@pytest.mark.parametrize("text", ["H(1 - H)", "H(x)", r"\mathcal{H}(z)", "CH(z)"])
def test_h_before_anything_but_a_summed_input_is_left_as_it_was(text):
    from gradproof.verify.normalize import normalize

    assert "indicator" not in normalize(text)


@pytest.mark.parametrize("target,verdict", [
    (r"\text{onehot}(y)", "correct"), (r"\operatorname{one\_hot}(y)", "correct"), ("one_hot(y)", "correct"),
    (r"\text{onehot}(\hat y)", "unchecked"),  # not the class: left unread
])
def test_the_one_hot_vector_of_the_class_by_its_name_is_the_target(tmp_path, target, verdict):
    """∂L/∂W_2 = (ŷ − onehot(y)) hᵀ, code's name for the one-hot target (``y_{onehot}`` read since round 37)."""
    rng = np.random.default_rng(5)
    W2, h, s_ = rng.normal(size=(3, 4)), rng.uniform(size=4), None
    s_ = W2 @ h
    p, y = np.exp(s_) / np.exp(s_).sum(), np.eye(3)[2]
    fd = np.array([[(-np.log(np.exp((W2 + e * 1e-6) @ h)[2] / np.exp((W2 + e * 1e-6) @ h).sum())
                     + np.log(np.exp((W2 - e * 1e-6) @ h)[2] / np.exp((W2 - e * 1e-6) @ h).sum())) / 2e-6
                    for e in (np.eye(12)[k].reshape(3, 4) for k in range(12))]]).reshape(3, 4)
    assert np.allclose(fd, np.outer(p - y, h), atol=1e-6)  # (ŷ − y) hᵀ: y the one-hot of the class
    body = (r"Network: $h = \mathrm{ReLU}(W_1 x + b_1)$, $\hat y = \mathrm{softmax}(W_2 h + b_2)$." + "\n\n"
            + rf"$$\frac{{\partial L}}{{\partial W_2}} = (\hat y - {target}) h^T$$" + "\n")
    got = _verify(tmp_path, RELU_SOFTMAX, body)
    assert got["line 3"].verdict == verdict, got["line 3"].message


def test_a_slope_computed_from_the_answers_own_wrong_output_is_carried_forward(tmp_path):
    """σ'(z^{(2)}) written as ŷ(1 − ŷ) with the answer's own ŷ: wrong against σ'(its z^{(2)}), right given its ŷ — an
    error carried forward, as a TA marks it (kaifeng's ``\\sigma'(z_2) \\approx 0.7692 \\times (1 - 0.7692)``), and a
    slip in that product itself is still a slip. The one-unit weight vector typed as a list (``W^{(2)} = [0.40,
    0.45]``) completes the answer's own example."""
    n = _numbers()
    wrong_yhat = 0.7700  # σ(z2) is n["yhat"]; 0.7700 is more than 1 % off: the answer's own slip
    assert abs(wrong_yhat - _sigmoid(n["z2"])) / _sigmoid(n["z2"]) > 0.01
    slope_true = _sigmoid(n["z2"]) * (1 - _sigmoid(n["z2"]))
    carried = round(wrong_yhat * (1 - wrong_yhat), 4)
    assert abs(carried - slope_true) / slope_true > 0.01  # wrong against the network
    body = _row_answer(n).replace(
        r"\begin{bmatrix} 0.40 & 0.45 \end{bmatrix}", "[0.40, 0.45]").replace(
        f"$$\\hat y = \\sigma({_r(n['z2'])}) = {_r(n['yhat'])}$$", f"$$\\hat y = \\sigma({_r(n['z2'])}) = {wrong_yhat:.4f}$$")
    slope = f"$$\\sigma'(z^{{(2)}}) = {wrong_yhat:.4f} \\times (1 - {wrong_yhat:.4f}) = {carried:.4f}$$"
    slipped = slope.replace(f"= {carried:.4f}$$", f"= {carried + 0.01:.4f}$$")
    lines = body.splitlines()
    at = next(k for k, line in enumerate(lines) if line.startswith("$$\\hat y"))
    for text, verdict in ((slope, "carried_forward"), (slipped, "incorrect")):
        doc = "\n".join(lines[:at + 1] + ["", text] + lines[at + 1:])
        got = _verify(tmp_path, ROW, doc)
        assert got[_line(doc, lines[at])].verdict == "incorrect"  # the answer's own ŷ slip
        assert got[_line(doc, text)].verdict == verdict, got[_line(doc, text)].message


def test_values_accept_one_units_weights_as_a_list(tmp_path):
    """[values] W2 = [0.40, 0.45] for a 1×2 W⁽²⁾ (one output unit): its weights in order, no orientation to get
    wrong; two units' weights as a flat list stay refused (which row is which unit is not said)."""
    from gradproof.derive.errors import AnswerError
    from gradproof.verify.cli import verify_file

    n = _numbers()
    (tmp_path / "spec.toml").write_text(ROW)
    values = ("[values]\nx = [0.05, 0.10]\ny = [0.01]\nW1 = [[0.15, 0.20], [0.25, 0.30]]\nb1 = [0.35, 0.35]\n"
              "W2 = [0.40, 0.45]\nb2 = [0.60]\n")
    claim = f"[[claims]]\nid = \"z2\"\nlatex = '''z^{{(2)}} = {_r(n['z2'])}'''\n"
    (tmp_path / "a.toml").write_text(f'spec = "spec.toml"\n\n{values}\n{claim}')
    results, meta, _ = verify_file(str(tmp_path / "a.toml"))
    assert meta["mode"] == "numeric" and results[0].verdict == "correct"
    flat = values.replace("W1 = [[0.15, 0.20], [0.25, 0.30]]", "W1 = [0.15, 0.20, 0.25, 0.30]")
    (tmp_path / "a.toml").write_text(f'spec = "spec.toml"\n\n{flat}\n{claim}')
    with pytest.raises(AnswerError, match="W1"):
        verify_file(str(tmp_path / "a.toml"))


@pytest.mark.parametrize("claim,verdict", [
    (r"(x, y) = (5, 5) - [1.0, 1.0] = (4, 4)", "unchecked"),   # the pair on the left is the answer's own
    (r"(x, y) = (5, 5) - [1.0, 1.0] = (4, 5)", "incorrect"),   # a slip in the arithmetic is a slip whatever (x, y) is
    (r"\text{pos} = (10, 10) - 0.1 \cdot [10, 90] = (9.0, 1.0)", "unchecked"),
    # (0.1 may be a rounded number, 0.05 … 0.15, whose rounding carries ±4.5 into 0.1 · 90: a slip beyond that)
    (r"\text{pos} = (10, 10) - 0.1 \cdot [10, 90] = (9.0, 7.0)", "incorrect"),
])
def test_the_arithmetic_after_a_subject_that_does_not_read_is_judged(tmp_path, claim, verdict):
    """Luis's optimizer walk-through (heldout16): the position after a step, ``(x, y) = (5, 5) - [1.0, 1.0] = (4, 4)``.
    What (x, y) is the claim does not say in the network's terms; the numbers after it are arithmetic all the same
    (Judge._arithmetic_of_unread, once its lists read)."""
    right = np.array([5.0, 5.0]) - np.array([1.0, 1.0]), np.array([10.0, 10.0]) - 0.1 * np.array([10.0, 90.0])
    assert np.allclose(right[0], [4, 4]) and np.allclose(right[1], [9.0, 1.0])
    got = _verify(tmp_path, ROW, f"A step by hand: $${claim}$$\n")
    result = next(iter(got.values()))
    assert result.verdict == verdict, result.message


ADAM = ROW.replace('name = "sgd"\nlearning_rate = 0.5\n',
                   'name = "adam"\nlearning_rate = 0.001\nbeta1 = 0.9\nbeta2 = 0.999\nepsilon = 1e-8\n')


@pytest.mark.parametrize("claim,verdict", [
    (r"\epsilon = 1e-8", "correct"),                      # the spec's ε, typed as code types it
    (r"\epsilon = 1e-6", "incorrect"),
    (r"\alpha = 1e-3", "correct"),
    (r"\text{step} = 2.5e-3 \times 4 = 0.01", "unchecked"),  # arithmetic that holds, its subject unread
    (r"\text{step} = 2.5e-3 \times 4 = 0.0125", "incorrect"),  # 0.01
])
def test_numbers_in_scientific_notation_are_numbers(tmp_path, claim, verdict):
    """``1e-8`` had been read as 1 · e − 8 = −5.28 (Euler's e): the spec's own ε judged wrong."""
    assert 2.5e-3 * 4 == pytest.approx(0.01)
    assert ADAM != ROW
    got = _verify(tmp_path, ADAM, f"We set $${claim}$$\n")
    result = next(iter(got.values()))
    assert result.verdict == verdict, result.message


@pytest.mark.parametrize("text", ["2e^{-1}", "3e - 1", "1e400"])
def test_e_before_anything_but_an_exponent_is_eulers(text):
    from gradproof.verify.parser import parse_expr

    opts = Notation(options=(("sizes", (2, 2, 1)), ("convention", "row")))
    if text == "1e400":
        with pytest.raises(Exception, match="beyond float64"):
            parse_expr(text, opts)
        return
    node = parse_expr(text, opts)
    assert any(n.op == "const" and n.value == "e" or n.op == "fn" and n.value[0] == "exp" for n in node.walk())


@pytest.mark.parametrize("claim,verdict", [
    (r"z = [0.15, 0.25] \cdot [1, 2] + 0.55 = 1.20", "unchecked"),   # w · x + b: its own numbers, arithmetic right
    (r"z = [0.15, 0.25] \cdot [1, 2] + 0.55 = 1.30", "incorrect"),   # 1.20: the dot product's arithmetic slip
    (r"[0.15, 0.25] \cdot [1, 2] = [0.15, 0.50]", "correct"),        # · between two lists compared with a list
    (r"[0.15, 0.25] \cdot [1, 2] = [0.15, 0.60]", "incorrect"),
])
def test_two_lists_joined_by_cdot_multiply_as_vectors_of_one_shape(tmp_path, claim, verdict):
    """``w \\cdot x`` typed with lists in a single neuron's example: their dot product where one number is meant (also
    in a chain's second link: the notes of the first do not stand for it), entry by entry beside a list."""
    w, x = np.array([0.15, 0.25]), np.array([1.0, 2.0])
    assert w @ x + 0.55 == pytest.approx(1.20) and np.allclose(w * x, [0.15, 0.50])
    one = _spec("one", "row", 2, [(1, "sigmoid")], "squared_error", 0.5)
    got = _verify(tmp_path, one, f"A neuron: $${claim}$$\n")
    result = next(iter(got.values()))
    assert result.verdict == verdict, result.message
