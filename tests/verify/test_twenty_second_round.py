"""The twenty-second round (issue 10), each expected verdict computed here by NumPy central differences of a network
written by hand (never by gradproof):

- a learner's general formulas checked on a 2-1-1 worked example: with one hidden unit ``δ a`` and ``δ a^T`` give the
  same numbers, so a missing transpose holds by that coincidence alone — in an answer that writes transposes, such a
  claim is ``unchecked`` (judged again with three hidden units, where it fails); the right one stays correct;
- FortiLeiZhang's "而仅当 $j = q$ 时有 ∂y_ij/∂γ_q = x_iq": a condition on two indices written before a claim is its
  scope in a batch too (it had been judged for every j, q)."""

from __future__ import annotations

import numpy as np
from conftest import central_differences
from test_nineteenth_round_coordinator import _spec
from test_twenty_first_round import _verify

NARROW = _spec("narrow", "row", 2, [(1, "sigmoid"), (1, "sigmoid")], "binary_cross_entropy", 0.1)


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _two_layer_truth(hidden: int):
    """A 2-hidden-1 sigmoid network with the BCE, one example as a column (z1 = W1 x + b1, z2 = W2 a1 + b2): the true
    ∂L/∂W2 by central differences, δ2 = ∂L/∂z2 and a1 (so that the claim's two forms can be compared with it)."""
    rng = np.random.default_rng(3)
    x, W1, b1 = rng.normal(size=(2, 1)), rng.normal(size=(hidden, 2)), rng.normal(size=(hidden, 1))
    W2, b2, y = rng.normal(size=(1, hidden)), rng.normal(size=(1, 1)), 1.0

    def loss(p):
        a1 = _sigmoid(p["W1"] @ x + b1)
        yhat = _sigmoid(p["W2"] @ a1 + b2)[0, 0]
        return -(y * np.log(yhat) + (1 - y) * np.log(1 - yhat))

    dW2 = central_differences(loss, {"W1": W1.copy(), "W2": W2.copy()})["W2"]
    a1 = _sigmoid(W1 @ x + b1)
    delta2 = _sigmoid(W2 @ a1 + b2) - y
    return dW2, delta2, a1


ANSWER = r"""# The general formulas

Forward: $z^{(1)} = W^{(1)} x + b^{(1)}$, $a^{(1)} = \sigma(z^{(1)})$, $z^{(2)} = W^{(2)} a^{(1)} + b^{(2)}$,
$\hat{y} = \sigma(z^{(2)})$, $L = -[y \log \hat{y} + (1 - y)\log(1 - \hat{y})]$, and $\delta^{(2)} = \hat{y} - y$.

$$\frac{\partial L}{\partial W^{(2)}} = \delta^{(2)} {a^{(1)}}^T \tag{right}$$
$$\frac{\partial L}{\partial W^{(2)}} = \delta^{(2)} a^{(1)} \tag{slip}$$
"""


def test_a_transpose_missing_where_one_hidden_unit_hides_it_is_unchecked(tmp_path):
    forms = {}
    for hidden in (1, 3):
        dW2, delta2, a1 = _two_layer_truth(hidden)
        right, slip = delta2 @ a1.T, (delta2 * a1 if hidden == 1 else None)
        forms[hidden] = (np.allclose(right, dW2, atol=1e-6),
                         slip is not None and np.allclose(slip.reshape(dW2.shape), dW2, atol=1e-6))
    # one hidden unit: both forms hold; three: the slip is not even the gradient's shape (3×1 for 1×3)
    assert forms == {1: (True, True), 3: (True, False)}
    got = _verify(tmp_path, NARROW, ANSWER)
    assert got["right"].verdict == "correct"
    assert got["slip"].verdict == "unchecked"
    assert "one unit" in got["slip"].message


def test_an_answer_without_transposes_keeps_its_scalar_reading(tmp_path):
    """A scalar walk-through (no transpose anywhere) on the one-unit network means its one unit: not probed."""
    dW2, delta2, a1 = _two_layer_truth(1)
    assert np.allclose(delta2 * a1, dW2, atol=1e-6)
    got = _verify(tmp_path, NARROW, ANSWER.replace(r"{a^{(1)}}^T", "a^{(1)}"))
    assert got["right"].verdict == "correct" and got["slip"].verdict == "correct"


BN_SPEC = """name = "bn_scale"
convention = "row"
inputs = 4

[[layers]]
units = 4
activation = "identity"

[[layers]]
kind = "batchnorm"

[[layers]]
units = 3
activation = "softmax"

[loss]
name = "cross_entropy"

[optimizer]
name = "sgd"
learning_rate = 0.1
"""

BN_ANSWER = r"""批归一化：$\hat{x}_{ij} = \frac{x_{ij} - \mu_j}{\sqrt{\sigma_j^2 + \epsilon}}$，$y_{ij} = \gamma_j \hat{x}_{ij} + \beta_j$。

而仅当 $j = q$ 时有
$$
\frac{\partial y_{ij}}{\partial \gamma_q} = \hat{x}_{iq} \tag{case}
$$
其余均为0。
"""


def _bn_truth():
    """Batch norm of 5 examples × 4 features (biased variance, ε = 1e-5) at a random point: x̂ and the Jacobian
    ∂y_ij/∂γ_q by central differences, as an array [i, j, q]."""
    rng = np.random.default_rng(5)
    x, gamma, beta = rng.normal(size=(5, 4)), rng.normal(size=4), rng.normal(size=4)
    xhat = (x - x.mean(axis=0)) / np.sqrt(x.var(axis=0) + 1e-5)
    jac = np.zeros((5, 4, 4))
    for i in range(5):
        for j in range(4):
            jac[i, j] = central_differences(lambda p, i=i, j=j: (p["g"] * xhat + beta)[i, j], {"g": gamma.copy()})["g"]
    return xhat, jac, gamma


def test_a_condition_on_two_indices_before_a_batch_claim_is_its_scope(tmp_path):
    xhat, jac, gamma = _bn_truth()
    i, j, q = np.indices(jac.shape)
    holds_where_equal = np.allclose(jac[j == q], xhat[i[j == q], q[j == q]], atol=1e-6)
    holds_everywhere = np.allclose(jac, xhat[i, q], atol=1e-6)
    assert (holds_where_equal, holds_everywhere) == (True, False)
    got = _verify(tmp_path, BN_SPEC, BN_ANSWER)
    assert got["case"].verdict == ("correct" if holds_where_equal else "incorrect")
    assert not np.allclose(jac[j == q], gamma[q[j == q]], atol=1e-6)  # (the slip's γ_q is not the derivative)
    got = _verify(tmp_path, BN_SPEC, BN_ANSWER.replace(r"= \hat{x}_{iq}", r"= \gamma_{q}"))
    assert got["case"].verdict == "incorrect"


SOFTMAX_OUT = _spec("softmax_out", "row", 3, [(4, "tanh"), (3, "softmax")], "cross_entropy", 0.1)

CHEAT_SHEET = r"""## softmax

$$a_j = \frac{e^{z_j}}{\sum_k e^{z_k}}$$

$$L = -\sum_k y_k \log a_k$$

$$ \frac{\partial L}{\partial z_i} = -y_i(1-a_i) + \sum_{k\neq i} y_k a_i \tag{right}$$
$$ \frac{\partial L}{\partial z_i} = -y_i(1-a_i) + \sum_{k\neq i} y_k a_k \tag{slip}$$
$$ \frac{\partial L}{\partial z_i} = -y_i(1-a_i) + \sum_{k} y_k a_i \tag{all}$$

## tanh

$$ t = \tanh(z) $$
$$ \frac{dt}{dz} = 1 - t^2 \tag{tanh}$$
$$ t = \tanh(z) = 2\sigma(2z) - 1 \tag{identity}$$
$$ t = \tanh(z) = 2\sigma(z) - 1 \tag{halved}$$
"""


def test_a_softmax_written_in_bare_letters_names_the_output_layer(tmp_path):
    """yanfenglee's cheat sheet: a_j = softmax(z)_j with no layer anywhere, in a network whose one softmax is its
    output — a and z are the output layer's; ∑_{k≠i} is every k but i; t = tanh(z) defines t (not the step count)."""
    rng = np.random.default_rng(11)
    z, y = rng.normal(size=3), np.eye(3)[1]

    def loss(p):
        e = np.exp(p["z"] - p["z"].max())
        return -np.sum(y * np.log(e / e.sum()))

    grad = central_differences(loss, {"z": z.copy()})["z"]
    a = np.exp(z) / np.exp(z).sum()
    not_i = 1 - np.eye(3)
    forms = {"right": -y * (1 - a) + (not_i @ y) * a, "slip": -y * (1 - a) + not_i @ (y * a),
             "all": -y * (1 - a) + y.sum() * a}
    holds = {k: bool(np.allclose(v, grad, atol=1e-6)) for k, v in forms.items()}
    assert holds == {"right": True, "slip": False, "all": False}
    tz = np.linspace(-2, 2, 9)
    slope = (np.tanh(tz + 1e-6) - np.tanh(tz - 1e-6)) / 2e-6
    sig = lambda u: 1 / (1 + np.exp(-u))  # noqa: E731
    tanh_holds = {"tanh": np.allclose(slope, 1 - np.tanh(tz) ** 2, atol=1e-6),
                  "identity": np.allclose(np.tanh(tz), 2 * sig(2 * tz) - 1), "halved": np.allclose(np.tanh(tz), 2 * sig(tz) - 1)}
    assert tanh_holds == {"tanh": True, "identity": True, "halved": False}
    got = _verify(tmp_path, SOFTMAX_OUT, CHEAT_SHEET)
    for key, right in {**holds, **tanh_holds}.items():
        assert got[key].verdict == ("correct" if right else "incorrect"), (key, got[key].message)


def test_bare_letters_in_an_answer_that_names_layers_elsewhere_keep_needing_one(tmp_path):
    """The output layer is read for bare letters only where no letter of the answer carries a layer: beside a
    z^{(1)}, a bare z_i is not certain as the network's. (Since the twenty-ninth round the claim is judged in the
    answer's own letters instead — its softmax and cross-entropy defined by a_j and L — where which layer z is does
    not matter; the slip beside it is still caught there.)"""
    got = _verify(tmp_path, SOFTMAX_OUT, CHEAT_SHEET.replace("## tanh", "Hidden: $h^{(1)} = \\tanh(z^{(1)})$\n\n## tanh"))
    assert got["right"].verdict in ("unchecked", "correct")
    assert got["right"].verdict == "unchecked" or "answer's own letters" in got["right"].message
    assert got["slip"].verdict in ("unchecked", "incorrect")


MML = r"""\section{Automatic differentiation}
Consider the function
\begin{equation}
f(x) = \sqrt{x^2 + \exp(x^2)} + \cos\big(x^2 + \exp(x^2)\big) \tag{5.122}
\end{equation}
with intermediate variables
\begin{align}
a &= x^2 , \tag{5.123} \\
b &= \exp(a) , \tag{5.124} \\
c &= a + b , \tag{5.125} \\
d &= \sqrt{c} , \tag{5.126} \\
e &= \cos(c) , \tag{5.127} \\
f &= d + e . \tag{5.128}
\end{align}
\begin{align}
\frac{\partial c}{\partial a} &= 1 = \frac{\partial c}{\partial b} \tag{local} \\
\frac{\partial e}{\partial c} &= -\sin(c) \tag{sin} \\
\frac{\partial e}{\partial c} &= \sin(c) \tag{sinslip} \\
\frac{\partial f}{\partial c} &= \frac{\partial f}{\partial d} \frac{\partial d}{\partial c}
  + \frac{\partial f}{\partial e} \frac{\partial e}{\partial c} \tag{fc} \\
\frac{\partial f}{\partial a} &= \frac{\partial f}{\partial b} \exp(a) + \frac{\partial f}{\partial c} \cdot 1 \tag{fa} \\
\frac{\partial f}{\partial a} &= \frac{\partial f}{\partial b} \exp(a) \tag{faslip} \\
\frac{\partial f}{\partial x} &= \frac{\partial f}{\partial a} \cdot 2x \tag{fx}
\end{align}
"""


def test_a_computation_graph_in_letters_of_its_own_is_judged_on_itself(tmp_path):
    """MML's Example 5.14: each ∂ checked against central differences of the function written in Python — ∂f/∂v
    with v perturbed and everything after it recomputed, ∂c/∂a the local partial of c = a + b."""
    h = 1e-6

    def forward(x, at=None, shift=0.0):  # every node's value; ``at`` perturbed by ``shift`` (downstream recomputed)
        v = {"x": x}
        v["a"] = v["x"] ** 2 + (shift if at == "a" else 0)
        v["b"] = np.exp(v["a"]) + (shift if at == "b" else 0)
        v["c"] = v["a"] + v["b"] + (shift if at == "c" else 0)
        v["d"] = np.sqrt(v["c"]) + (shift if at == "d" else 0)
        v["e"] = np.cos(v["c"]) + (shift if at == "e" else 0)
        v["f"] = v["d"] + v["e"]
        return v

    x = 0.8
    v = forward(x)
    df = {n: (forward(x, n, h)["f"] - forward(x, n, -h)["f"]) / (2 * h) for n in "abcde"}
    df["x"] = (forward(x + h)["f"] - forward(x - h)["f"]) / (2 * h)
    de_dc = (np.cos(v["c"] + h) - np.cos(v["c"] - h)) / (2 * h)
    holds = {"sin": np.isclose(de_dc, -np.sin(v["c"])), "sinslip": np.isclose(de_dc, np.sin(v["c"])),
             "fc": np.isclose(df["c"], df["d"] * 1 / (2 * np.sqrt(v["c"])) + df["e"] * de_dc, atol=1e-6),
             "fa": np.isclose(df["a"], df["b"] * np.exp(v["a"]) + df["c"], atol=1e-6),
             "faslip": np.isclose(df["a"], df["b"] * np.exp(v["a"]), atol=1e-6),
             "fx": np.isclose(df["x"], df["a"] * 2 * x, atol=1e-6)}
    assert holds == {"sin": True, "sinslip": False, "fc": True, "fa": True, "faslip": False, "fx": True}
    got = _verify(tmp_path, NARROW, MML, name="answer.tex")
    for key, right in holds.items():
        assert got[key].verdict == ("correct" if right else "incorrect"), (key, got[key].message)
    assert got["local"].verdict == "correct"
    assert got["5.122"].verdict == "unchecked" and got["5.123"].verdict == "unchecked"  # definitions: not graded


def test_a_worked_computation_graph_checks_its_numbers_at_its_own_point(tmp_path):
    """CS231n's f(x, y, z) = (x + y) z at x = −2, y = 5, z = −4: the values and gradients by hand (∂f/∂x = z)."""
    x, y, z = -2.0, 5.0, -4.0
    q, f = x + y, (x + y) * z
    assert (q, f, z, q) == (3.0, -12.0, -4.0, 3.0)
    got = _verify(tmp_path, NARROW, r"""Consider $f(x, y, z) = (x + y) z$ with $x = -2$, $y = 5$, $z = -4$; let $q = x + y$
and $f = q z$.

$$q = 3, \quad f = -12 \tag{values}$$
$$\frac{\partial f}{\partial x} = \frac{\partial f}{\partial q} \frac{\partial q}{\partial x} = z = -4 \quad \checkmark \tag{dx}$$
$$\frac{\partial f}{\partial z} = q = -3 \tag{dzslip}$$
""")
    assert got["values"].verdict == "correct"
    assert got["dx"].verdict == "correct"
    assert got["dzslip"].verdict == "incorrect"  # ∂f/∂z = q = 3, not −3


def test_a_graph_reader_is_bounded_on_hostile_formulas(tmp_path):
    import time

    deep = "(" * 300 + "x" + ")" * 300
    wide = " + ".join(["x"] * 380)
    body = f"$$f(x) = {deep}$$\n\n$$a = x^2$$\n\n$$g = a + {wide}$$\n\n$$\\frac{{\\partial g}}{{\\partial a}} = 1 \\tag{{g}}$$\n"
    start = time.process_time()
    got = _verify(tmp_path, NARROW, body * 20)
    assert time.process_time() - start < 30
    assert all(r.verdict in ("correct", "incorrect", "unchecked") for r in got.values())


def test_check_marks_that_end_a_claim_are_dropped_in_linear_time():
    """Snow's ``= 24 \\quad \\checkmark`` and ``✓`` end a step as the author's mark; hostile runs of them are
    stripped in one pass from the end (a backtracking pattern took 19 s on 20 000 \\quad)."""
    import time

    from gradproof.verify.normalize import normalize

    assert normalize(r"a = b \quad \checkmark") == normalize("a = b")
    assert normalize("x = 3 ✓ ✓") == normalize("x = 3")
    assert "checkmark" in normalize(r"a = \checkmark b")  # (inside a claim it is not a mark of the end)
    start = time.process_time()
    normalize(r"\quad" * 50000 + "x")
    normalize(r"\quad" * 50000 + r"\checkmark")
    assert time.process_time() - start < 5


def test_a_deep_graph_is_read_within_its_budget(tmp_path):
    """38 names, each e^{a} + sin(a)·√a of the one before, and a derivative of the last by each: SymPy's derivatives
    of such a composition grow with its depth, so each claim has a CPU second and a graph three slow claims."""
    import time

    rows = ["$$f(x) = x$$"]
    prev = "x"
    for k in range(1, 39):
        rows.append(f"$$a_{{{k}}} = e^{{{prev}}} + \\sin({prev}) \\cdot \\sqrt{{{prev}}}$$")
        prev = f"a_{{{k}}}"
    rows += [f"$$\\frac{{\\partial a_{{38}}}}{{\\partial a_{{{k}}}}} = 1 \\tag{{d{k}}}$$" for k in range(1, 39)]
    start = time.process_time()
    got = _verify(tmp_path, NARROW, "\n\n".join(rows))
    assert time.process_time() - start < 15
    assert got["d37"].verdict in ("incorrect", "unchecked")  # (∂a_38/∂a_37 is not 1 at any point: e^a + …)


def test_a_name_of_several_words_is_one_name_not_its_first_letter(tmp_path):
    """Mihir's ``\\text{W update} = X^\\top \\cdot \\text{grad}`` then ``\\Delta W = -0.1 \\cdot \\text{W update}``: the words
    are one name (its first letter alone read as the weights W, and dropped as opening prose, had made a false reject);
    an opening sentence is still prose. By the oracle, -0.1 · W is not the step's ΔW."""
    from gradproof.verify.document import extract
    from gradproof.verify.normalize import normalize

    assert "Wupdate" in normalize(r"\Delta W = -0.1 \cdot \text{W update}") and r"\W " not in normalize(r"\text{W update} + 1")
    assert extract(r"$$\text{W update} = X^\top \cdot \text{grad}$$")[0].latex.startswith(r"\text{W update}")
    assert extract(r"$$\text{Similarly,}\quad a = b$$")[0].latex.strip() == "a = b"
    rng = np.random.default_rng(2)
    W, grad = rng.normal(size=(2, 3)), rng.normal(size=(2, 3))
    assert not np.allclose(-0.1 * W, -0.1 * grad)  # (reading the name as W judges another quantity)
    got = _verify(tmp_path, _spec("mihir", "column", 2, [(3, "softmax")], "cross_entropy", 0.1),
                  r"""$$\text{W update} = X^\top \cdot \text{grad}$$

$$\Delta W = -0.1 \cdot \text{W update} \tag{step}$$
""")
    assert got["step"].verdict != "incorrect"


def test_a_derivative_of_the_graphs_value_by_a_direct_argument_that_also_reaches_it_otherwise_is_open(tmp_path):
    """f = √(a + b) with b = exp(a): ∂f/∂a is (1 + e^a)/(2f) through every path (the books' gradient of f) and 1/(2f)
    as f's own partial derivative in a with b held — the latter is not called wrong; a value right in neither is."""
    h, x = 1e-6, 0.9
    a, b = x * x, np.exp(x * x)
    f = np.sqrt(a + b)
    total = (np.sqrt(a + h + np.exp(a + h)) - np.sqrt(a - h + np.exp(a - h))) / (2 * h)
    partial = (np.sqrt(a + h + b) - np.sqrt(a - h + b)) / (2 * h)
    assert np.isclose(total, (1 + np.exp(a)) / (2 * f)) and np.isclose(partial, 1 / (2 * f))
    assert not np.isclose(2 / f, total) and not np.isclose(2 / f, partial)
    got = _verify(tmp_path, NARROW, r"""Let $f(x) = \sqrt{x^2 + \exp(x^2)}$ with $a = x^2$, $b = \exp(a)$ and $f = \sqrt{a + b}$.

$$\frac{\partial f}{\partial a} = \frac{1}{2 f} (1 + \exp(a)) \tag{total}$$
$$\frac{\partial f}{\partial a} = \frac{1}{2 f} \tag{partial}$$
$$\frac{\partial f}{\partial a} = \frac{2}{f} \tag{wrong}$$
""")
    assert (got["total"].verdict, got["partial"].verdict, got["wrong"].verdict) == ("correct", "unchecked", "incorrect")
