r"""Readings of the fourteenth round, verify14c (issue 10: heldout14's exam solutions, a student's optimizer summary).

- **Rounding carried forward.** An exam solution rounds early (``∂J/∂z^{[2]} = 0.993 - 1 = -0.007``, exactly −0.00669)
  and carries the rounded number through every later product (``-0.007 \cdot [2 & 1] = [-0.014 & -0.007]``, exactly
  −0.01339): each later number is the exact result of its own step on right earlier numbers, so a TA marks it right,
  though it is more than half a unit of its last digit from the exact value. A minus before the product is arithmetic
  (its rounding carries); ``q = b = c`` with b arithmetic on rounded numbers holds when c is within how far b's
  rounding carries; a value so stated is one of the answer's right values, and a later line built on right values
  only is right whatever else the answer got wrong (planted: a sign slip in ∂J/∂z^{[2]} before a ∂J/∂W^{[2]} that
  writes the right rounded number).
- **A number copied from an earlier wrong line** (verify/copied.py) is followed only where it is computed with: an
  entry of the matrix a side ends on that happens to equal an earlier wrong number (J's 4 beside a slip 2 × 2 = 4)
  is a slip, not an error carried forward — unless the claim restates the very quantity that number was stated for.
- **An update written with = and its gradient as a formula** (a student's ``\mathbf{w} = \mathbf{w} - \eta(\mathbf{o}
  - \mathbf{t}) \mathbf{x}``): an update, not an equation (as one it would say η (…) = 0); in an answer setting out
  several optimizers, a step with no optimizer state is plain gradient descent's (foreign.other_step).

The answers are written here in the notations of the exam solutions (Ng's bracketed layers, bold vectors, ReLU',
numbers to three decimals) with networks and numbers of our own; every number is computed by NumPy, the gradients
confirmed by central differences, and the expected verdicts decided by hand from those numbers (never from verify)."""

from __future__ import annotations

import numpy as np
from conftest import central_differences
from gradproof.verify.answers import Notation
from gradproof.verify.cli import verify_file
from gradproof.verify.foreign import other_step
from gradproof.verify.parser import parse_claim
from gradproof.verify.tree import Node
from helpers_verify import spec_text

# -- a 2-2-1 ReLU/sigmoid network, BCE of one example, z = W a + b (column vectors; the spec's "row" convention) ------

X = np.array([2.0, 1.0])
Y = 1.0
W1 = np.array([[1.0, 1.0], [1.0, -1.0]])
B1 = np.array([-1.0, 0.0])
W2 = np.array([[2.0, 1.0]])
B2 = np.array([0.0])


def _sigmoid(v):
    return 1 / (1 + np.exp(-v))


def _loss(p: dict) -> float:
    a1 = np.maximum(0, p["W1"] @ X + p["b1"])
    yhat = _sigmoid(p["W2"] @ a1 + p["b2"])[0]
    return float(-(Y * np.log(yhat) + (1 - Y) * np.log(1 - yhat)))


def _exact():
    """The exact gradients, by the chain rule typed here and confirmed by central differences."""
    z1 = W1 @ X + B1
    a1 = np.maximum(0, z1)
    yhat = _sigmoid(W2 @ a1 + B2)[0]
    dz2 = yhat - Y
    dW2 = dz2 * a1[None, :]
    dz1 = (W2.T[:, 0] * dz2) * (z1 > 0)
    dW1 = np.outer(dz1, X)
    fd = central_differences(_loss, {"W1": W1.copy(), "b1": B1.copy(), "W2": W2.copy(), "b2": B2.copy()})
    assert np.allclose(fd["W2"], dW2, atol=1e-7) and np.allclose(fd["W1"], dW1, atol=1e-7)
    assert np.allclose(fd["b2"], [dz2], atol=1e-7) and np.allclose(fd["b1"], dz1, atol=1e-7)
    return z1, a1, yhat, dz2, dW2, dz1, dW1


SPEC = spec_text("exam", 2, (2, "relu"), (1, "sigmoid"), loss="binary_cross_entropy")  # z = W a + b

VALUES = """x = [2, 1]
y = [1]
W1 = [[1, 1], [1, -1]]
b1 = [-1, 0]
W2 = [[2, 1]]
b2 = [0]
"""


def _run(tmp_path, claims: dict, spec: str = SPEC, values: str | None = VALUES) -> dict:
    (tmp_path / "net.toml").write_text(spec, encoding="utf-8")
    body = 'spec = "net.toml"\nbatch = 1\n'
    if values is not None:
        body += f"\n[values]\n{values}"
    body += "".join(f"\n[[claims]]\nid = \"{k}\"\nlatex = '''{v}'''\n" for k, v in claims.items())
    (tmp_path / "a.toml").write_text(body, encoding="utf-8")
    results, _meta, _s = verify_file(str(tmp_path / "a.toml"), None)
    return {r.id: (r.verdict, r.message) for r in results}


def _rounded_claims(dz2_line: str) -> dict:
    return {
        "z1": r"\mathbf{z}^{[1]} = \mathbf{W}^{[1]} \mathbf{x} + \mathbf{b}^{[1]} = \begin{bmatrix} 2 \\ 1 \end{bmatrix}",
        "yhat": r"\hat{y} = \sigma(z^{[2]}) = \sigma(5) = 0.993",
        "dz2": dz2_line,
        "dW2": r"\frac{\partial J}{\partial \mathbf{W}^{[2]}} = \frac{\partial J}{\partial z^{[2]}} (\mathbf{a}^{[1]})^T = "
               r"-0.007 \cdot \begin{bmatrix} 2 & 1 \end{bmatrix} = \begin{bmatrix} -0.014 & -0.007 \end{bmatrix}",
        "db2": r"\frac{\partial J}{\partial b^{[2]}} = -0.007",
        "dz1": r"\frac{\partial J}{\partial \mathbf{z}^{[1]}} = (\mathbf{W}^{[2]})^T \frac{\partial J}{\partial z^{[2]}} "
               r"\odot \text{ReLU}'(\mathbf{z}^{[1]}) = \begin{bmatrix} 2 \\ 1 \end{bmatrix} \cdot (-0.007) \odot "
               r"\begin{bmatrix} 1 \\ 1 \end{bmatrix} = \begin{bmatrix} -0.014 \\ -0.007 \end{bmatrix}",
        "dW1": r"\frac{\partial J}{\partial \mathbf{W}^{[1]}} = \frac{\partial J}{\partial \mathbf{z}^{[1]}} \mathbf{x}^T = "
               r"\begin{bmatrix} -0.014 \\ -0.007 \end{bmatrix} \begin{bmatrix} 2 & 1 \end{bmatrix} = "
               r"\begin{bmatrix} -0.028 & -0.014 \\ -0.014 & -0.007 \end{bmatrix}",
        "db1": r"\frac{\partial J}{\partial \mathbf{b}^{[1]}} = \begin{bmatrix} -0.014 \\ -0.007 \end{bmatrix}",
    }


def test_the_oracle_rounds_early_and_carries_it():
    """The numbers above: each the exact result of its step on the rounded -0.007, and more than half a unit of its
    last digit from the exact gradient (so the rule, not the usual tolerance, decides them)."""
    z1, a1, yhat, dz2, dW2, dz1, dW1 = _exact()
    assert np.allclose(z1, [2, 1]) and round(yhat, 3) == 0.993 and round(dz2, 3) == -0.007
    step = -0.007
    assert np.allclose(step * a1, [-0.014, -0.007]) and np.allclose(np.outer(step * W2[0], X), [[-0.028, -0.014],
                                                                                                 [-0.014, -0.007]])
    assert abs(dW2[0, 0] - -0.014) > 0.0005 and abs(dz1[0] - -0.014) > 0.0005 and abs(dW1[0, 0] - -0.028) > 0.0005


def test_numbers_rounded_early_and_carried_through_are_right(tmp_path):
    _exact()
    got = _run(tmp_path, _rounded_claims(r"\frac{\partial J}{\partial z^{[2]}} = \hat{y} - y = 0.993 - 1 = -0.007"))
    assert {k: v for k, (v, _m) in got.items()} == {k: "correct" for k in got}, got


def test_a_sign_slip_before_a_line_that_writes_the_right_rounded_number(tmp_path):
    """Planted: ∂J/∂z^{[2]} = y − ŷ = 0.007 (the sign); ∂J/∂W^{[2]} then writes −0.007 · [2 & 1], right: it is not
    built on the slip. A number off in the last line stays wrong."""
    _exact()
    claims = _rounded_claims(r"\frac{\partial J}{\partial z^{[2]}} = y - \hat{y} = 1 - 0.993 = 0.007")
    claims["dW1"] = claims["dW1"].replace(r"-0.014 & -0.007 \end{bmatrix}", r"-0.041 & -0.007 \end{bmatrix}")
    got = _run(tmp_path, claims)
    assert got["dz2"][0] == "incorrect"
    assert got["dW2"][0] == "correct", got["dW2"]
    assert got["dz1"][0] == "correct" and got["db1"][0] == "correct", got
    assert got["dW1"][0] == "incorrect", got["dW1"]


def test_a_product_off_by_more_than_its_rounding_is_wrong(tmp_path):
    """-0.007 · [2 & 1] written [-0.016 & -0.007]: 0.002 from the exact −0.01339, more than the rounding of -0.007
    carries (0.001) and half a unit — incorrect, not excused as rounding."""
    z1, a1, yhat, dz2, dW2, dz1, dW1 = _exact()
    assert abs(dW2[0, 0] - -0.016) > 2 * 0.0005 + 0.0005
    claims = _rounded_claims(r"\frac{\partial J}{\partial z^{[2]}} = \hat{y} - y = 0.993 - 1 = -0.007")
    claims["dW2"] = claims["dW2"].replace(r"\begin{bmatrix} -0.014 & -0.007 \end{bmatrix}",
                                          r"\begin{bmatrix} -0.016 & -0.007 \end{bmatrix}")
    assert _run(tmp_path, claims)["dW2"][0] == "incorrect"


# -- a 2-2-1 ReLU/linear network, 1/2 squared error, integers (an exam's by-hand numbers) --------------------------------

SPEC_LINEAR = spec_text("exam", 2, (2, "relu"), (1, "identity"))  # 1/2 squared error
VALUES_LINEAR = """x = [1, 1]
y = [1]
W1 = [[1, 2], [1, 0]]
b1 = [0, 0]
W2 = [[1, 0]]
b2 = [0]
"""


def test_an_entry_equal_to_an_earlier_wrong_number_is_a_slip(tmp_path):
    """J = 1/2 · 2² written 4 (the 1/2 dropped: exactly 2); ∂J/∂W^{[2]} = 2 · [3, 1]^T written [6 & 4] (a slip for
    2 × 1 = 2): its 4 is no copy of J's 4, though J's true value 2 in its place would make the line right — it is the
    result's own entry, not computed with: incorrect. Restating J = 4 in an answer box is that number carried
    forward."""
    a1 = np.maximum(0, np.array([[1.0, 2.0], [1.0, 0.0]]) @ np.array([1.0, 1.0]))
    yhat = float(np.array([1.0, 0.0]) @ a1)
    J = 0.5 * (yhat - 1.0) ** 2
    dW2 = (yhat - 1.0) * a1
    assert np.allclose(a1, [3, 1]) and yhat == 3.0 and J == 2.0 and np.allclose(dW2, [6, 2])
    fd = central_differences(lambda p: 0.5 * (float(p["W2"] @ a1) - 1.0) ** 2, {"W2": np.array([1.0, 0.0])})
    assert np.allclose(fd["W2"], dW2, atol=1e-7)
    claims = {
        "J": r"J = \frac{1}{2}(\hat{y} - y)^2 = \frac{1}{2}(3 - 1)^2 = \frac{1}{2} \cdot 4 = 4",
        "dz2": r"\frac{\partial J}{\partial z^{[2]}} = \hat{y} - y = 3 - 1 = 2",
        "dW2": r"\frac{\partial J}{\partial \mathbf{W}^{[2]}} = \frac{\partial J}{\partial z^{[2]}} \cdot "
               r"(\mathbf{a}^{[1]})^T = 2 \cdot \begin{bmatrix} 3 \\ 1 \end{bmatrix}^T = \begin{bmatrix} 6 & 4 \end{bmatrix}",
        "J.box": r"J = 4",
    }
    got = _run(tmp_path, claims, SPEC_LINEAR, VALUES_LINEAR)
    assert got["J"][0] == "incorrect" and got["dz2"][0] == "correct"
    assert got["dW2"][0] == "incorrect", got["dW2"]
    assert got["J.box"][0] == "carried_forward", got["J.box"]


# -- an update written with = and its gradient as a formula -----------------------------------------------------------

SPEC_UNIT = spec_text("unit", 3, (1, "sigmoid"), loss="binary_cross_entropy")


def test_the_gradient_of_one_sigmoid_unit_under_bce():
    """The identity the claims below rest on: ∂J/∂W = (ŷ − y) x^T for ŷ = σ(W x + b) and J the BCE."""
    rng = np.random.default_rng(14)
    W, b, x, y = rng.normal(size=(1, 3)), rng.normal(size=1), rng.normal(size=3), 1.0

    def loss(p):
        yh = _sigmoid(p["W"] @ x + p["b"])[0]
        return float(-(y * np.log(yh) + (1 - y) * np.log(1 - yh)))

    yhat = _sigmoid(W @ x + b)[0]
    assert np.allclose(central_differences(loss, {"W": W.copy(), "b": b.copy()})["W"], (yhat - y) * x[None, :],
                       atol=1e-7)


def test_an_update_with_equals_and_the_gradient_written_out(tmp_path):
    claims = {
        "right": r"\mathbf{W}^{[1]} = \mathbf{W}^{[1]} - \eta (\hat{y} - y) \mathbf{x}^T",
        "sign": r"\mathbf{W}^{[1]} = \mathbf{W}^{[1]} + \eta (\hat{y} - y) \mathbf{x}^T",
        "factor": r"\mathbf{W}^{[1]} = \mathbf{W}^{[1]} - \eta \hat{y} (1 - \hat{y}) (\hat{y} - y) \mathbf{x}^T",
    }
    got = _run(tmp_path, claims, SPEC_UNIT, None)
    assert got["right"][0] == "correct", got["right"]
    assert got["factor"][0] == "incorrect", got["factor"]
    assert got["sign"][0] != "correct", got["sign"]  # (W = W + …: an equation or a wrong step, never right)


def test_a_step_with_no_optimizer_state_is_plain_gradient_descent():
    """Under RMSprop, a step with the rate and no state (its gradient a formula) is plain gradient descent's; one
    with the state's root is not."""
    sides, _rels = parse_claim(r"\mathbf{W}^{[1]} = \mathbf{W}^{[1]} - \eta (\hat{y} - y) \mathbf{x}^T", Notation(), 1)
    assert other_step("rmsprop", sides[-1]) == "plain gradient descent"
    assert other_step("sgd", sides[-1]) is None
    W, S, dW = Node("q", (), ("W", 1)), Node("q", (), ("S_W", 1)), Node("q", (), ("dW", 1))
    root = Node("fn", (Node("add", (S, Node("const", (), "epsilon"))),), ("sqrt", None, 0))
    rms = Node("sub", (W, Node("mul", (Node("div", (Node("const", (), "lr"), root)), dW))))  # W − η/√(S + ε) dW
    assert other_step("rmsprop", rms) is None


# -- logistic regression as one unit: w_k the weight on x_k, w_0 the bias -----------------------------------------------

SPEC_LOGISTIC = spec_text("unit", 3, (1, "sigmoid"), loss="binary_cross_entropy", learning_rate=0.5)
VALUES_LOGISTIC = """x = [2, -1, 0.5]
y = [0]
W1 = [[0.4, -0.3, 0.2]]
b1 = [0.1]
"""


def _logistic_oracle():
    x, w0, w, y, eta = np.array([2.0, -1.0, 0.5]), 0.1, np.array([0.4, -0.3, 0.2]), 0.0, 0.5

    def loss(p):
        s = _sigmoid(p["w0"][0] + p["w"] @ x)
        return float(-(y * np.log(s) + (1 - y) * np.log(1 - s)))

    s = _sigmoid(w0 + w @ x)
    fd = central_differences(loss, {"w0": np.array([w0]), "w": w.copy()})
    assert np.allclose(fd["w0"], [s - y], atol=1e-7) and np.allclose(fd["w"], (s - y) * x, atol=1e-7)
    return s, fd["w0"][0], fd["w"], w0 - eta * fd["w0"][0], w - eta * fd["w"]


def _logistic_claims() -> dict:
    return {
        "z": r"z = w_0 + w_1 x_1 + w_2 x_2 + w_3 x_3 = 0.1 + 0.4(2) + (-0.3)(-1) + 0.2(0.5) = 1.3",
        "sigma": r"\sigma(z) = \frac{1}{1 + e^{-1.3}} = 0.7858",
        "dw": r"\frac{\partial J}{\partial w_j} = (\sigma(z) - y) \cdot x_j",
        "dw0": r"\frac{\partial J}{\partial w_0} = (0.7858 - 0) \cdot 1 = 0.7858",
        "dw1": r"\frac{\partial J}{\partial w_1} = (0.7858 - 0) \cdot 2 = 1.5716",
        "dw2": r"\frac{\partial J}{\partial w_2} = (0.7858 - 0) \cdot (-1) = -0.7858",
        "dw3": r"\frac{\partial J}{\partial w_3} = (0.7858 - 0) \cdot 0.5 = 0.3929",
        "update": r"w_j^{new} = w_j^{old} - \eta \cdot \frac{\partial J}{\partial w_j}",
        "w0": r"w_0^{new} = 0.1 - 0.5(0.7858) = -0.2929",
        "w1": r"w_1^{new} = 0.4 - 0.5(1.5716) = -0.3858",
        "w3": r"w_3^{new} = 0.2 - 0.5(0.3929) = 0.0035",
    }


def test_logistic_regression_weights_numbered_by_their_inputs(tmp_path):
    s, dw0, dw, w0_new, w_new = _logistic_oracle()
    assert round(s, 4) == 0.7858 and round(dw0, 4) == 0.7858 and np.allclose(np.round(dw, 4), [1.5717, -0.7858, 0.3929])
    assert round(w0_new, 4) == -0.2929 and round(w_new[0], 4) == -0.3858 and round(w_new[2], 4) == 0.0035
    got = _run(tmp_path, _logistic_claims(), SPEC_LOGISTIC, VALUES_LOGISTIC)
    assert {k: v for k, (v, _m) in got.items()} == {k: "correct" for k in got}, got


def test_logistic_regression_planted(tmp_path):
    """A sign dropped in ∂J/∂w_2 (x_2 = −1), an ascent in w_1's step: both incorrect, the rest unchanged."""
    claims = _logistic_claims()
    claims["dw2"] = r"\frac{\partial J}{\partial w_2} = (0.7858 - 0) \cdot (-1) = 0.7858"
    claims["w1"] = r"w_1^{new} = 0.4 + 0.5(1.5716) = 1.1858"
    got = _run(tmp_path, claims, SPEC_LOGISTIC, VALUES_LOGISTIC)
    assert got["dw2"][0] == "incorrect" and got["w1"][0] == "incorrect", got
    assert got["dw1"][0] == "correct" and got["w0"][0] == "correct", got


def test_weights_numbered_from_zero_stay_unread(tmp_path):
    """z = w_0 x_0 + w_1 x_1 + w_2 x_2 with three features x_0, x_1, x_2: w_0 is no bias, and w_1 is the second
    weight — not certain from the letters alone: unchecked (the [notation] line), never a verdict on a guess."""
    claims = {"z": r"z = w_0 x_0 + w_1 x_1 + w_2 x_2",
              "dw1": r"\frac{\partial J}{\partial w_1} = (\sigma(z) - y) x_1"}
    got = _run(tmp_path, claims, SPEC_LOGISTIC, None)
    assert got["dw1"][0] == "unchecked", got


def test_a_side_typed_as_a_list(tmp_path):
    """An exam's "Answer:" line ``∂J/∂W^{[2]} = [6, 2]`` (the row of W^{[2]}) and ``∂J/∂b^{[1]} = [2, 0]`` (a column):
    a list has no orientation, its numbers in order are compared; a wrong number or length stays wrong."""
    a1 = np.maximum(0, np.array([[1.0, 2.0], [1.0, 0.0]]) @ np.array([1.0, 1.0]))
    W2 = np.array([[1.0, 0.0]])

    def loss(p):
        h = np.maximum(0, p["W1"] @ np.array([1.0, 1.0]) + p["b1"])
        return 0.5 * (float((p["W2"] @ h)[0]) - 1.0) ** 2

    fd = central_differences(loss, {"W1": np.array([[1.0, 2.0], [1.0, 0.0]]), "b1": np.zeros(2), "W2": W2.copy()})
    assert np.allclose(fd["W2"], [[6, 2]], atol=1e-6) and np.allclose(fd["b1"], [2, 0], atol=1e-6)
    assert np.allclose(a1, [3, 1])
    claims = {"dW2": r"\frac{\partial J}{\partial \mathbf{W}^{[2]}} = [6, 2]",
              "db1": r"\frac{\partial J}{\partial \mathbf{b}^{[1]}} = [2, 0]",
              "dW2.wrong": r"\frac{\partial J}{\partial \mathbf{W}^{[2]}} = [6, 3]",
              "db1.short": r"\frac{\partial J}{\partial \mathbf{b}^{[1]}} = [2, 0, 0]"}
    got = _run(tmp_path, claims, SPEC_LINEAR, VALUES_LINEAR)
    assert got["dW2"][0] == "correct" and got["db1"][0] == "correct", got
    assert got["dW2.wrong"][0] == "incorrect" and got["db1.short"][0] == "incorrect", got


def test_adams_letters_under_another_optimizer_are_adams():
    """A student's summary setting out Adam beside RMSprop (\\widehat{\\mathbf{m}}_t, β_1 m_{t-1}, β_2 v_{t-1}), graded
    on RMSprop: Adam's recurrences are another optimizer's, not judged (the reason names Adam); graded on Adam they
    are the spec's own and read as usual."""
    from gradproof.verify import recurrences
    from gradproof.verify.normalize import normalize

    lines = [r"\widehat{\mathbf{m}}_t = \frac{m_t}{1-\beta_1^t}", r"m_t = \beta_1 m_{t - 1} + (1 - \beta_1)g_t",
             r"\mathbf{w}_t = \mathbf{w}_{t - 1} - \frac{\eta}{\sqrt{\widehat{\mathbf{v}}_t + \epsilon}} \widehat{\mathbf{m}}_t",
             r"v_t = \beta_2 v_{t - 1} + (1 - \beta_2) g_t^2"]
    for latex in lines:
        reading = recurrences.read(normalize(latex), "rmsprop")
        assert reading.family == "Adam" and "Adam's" in (reading.reason or ""), latex
        assert recurrences.read(normalize(latex), "adam").reason is None, latex
    assert recurrences.read(normalize(r"\hat{y} = \sigma(z)"), "rmsprop").family is None
    assert recurrences.survey_families([normalize(t) for t in lines], "adam") == set()
