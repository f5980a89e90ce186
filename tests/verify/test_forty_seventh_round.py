r"""Forty-seventh round (issue 10): notations a student's first backpropagation answer uses, each found by writing
such answers and running verify on them before any change.

- A worked network unit by unit in Mazur's words mixed with the student's own: ``net_{h1} = w_1 x_1 + w_2 x_2 + b_1``,
  ``h_1 = \sigma(net_{h1})``, ``o = \sigma(net_o)``, one bias per unit (b_1, b_2, b_3). Mazur's convention (one bias
  per layer, h_1 a layer) had judged the right forward sums and every chain-rule line wrong.
- The output's weights as a bold vector multiplied transposed, ``\hat y = \sigma(\mathbf{w}_2^T \mathbf{h} + b_2)``,
  under a spec whose W⁽²⁾ is a row: the answer's w_2 is a column, W⁽²⁾ᵀ (before: "extra transpose" on the definition
  and a right ∂L/∂W_1 rejected).
- Goodfellow's letters ``\hat y = \sigma(v^T h + c)``: ``v \leftarrow v - \eta \partial L/\partial v`` is a step of the
  weights v, not a momentum velocity; ∂L/∂b, whose chain carries v back, is the hidden bias's.
- CS231n's probabilities defined entry by entry over a batch of rows, ``P_{ij} = e^{S_{ij}} / \sum_k e^{S_{ik}}``, and a
  row of a parenthesised gradient, ``(\partial L/\partial S)_{i,:}``.

The expected verdicts come from NumPy: each formula is evaluated on a random instance and compared with central
differences of the loss, never from verify."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import central_differences, verify_text
from gradproof.verify.cli import verify_file

rng = np.random.default_rng(47)


def _sig(z):
    return 1 / (1 + np.exp(-z))


#: Adam's settings in a spec
ADAM = 'name = "adam"\nlearning_rate = 0.001\nbeta1 = 0.9\nbeta2 = 0.999\nepsilon = 1e-8'


def _spec(name: str, inputs: int, layers: list, loss: str, rate: float = 0.1, convention: str = "row",
          optimizer: str | None = None) -> str:
    """A spec's text: its layers' bodies in order, the loss, plain SGD at ``rate`` (or ``optimizer``'s settings)."""
    body = "".join(f"[[layers]]\n{layer}\n\n" for layer in layers)
    sgd = f'name = "sgd"\nlearning_rate = {rate}'
    return (f'name = "{name}"\nconvention = "{convention}"\ninputs = {inputs}\n\n{body}[loss]\nname = "{loss}"\n\n'
            f"[optimizer]\n{optimizer or sgd}\n")


def _verify(tmp_path, spec: str, body: str) -> dict:
    return verify_text(tmp_path, spec, body)  # (by text, a claim found under both spellings of its layout)


# ---- a network unit by unit: 2 inputs, 2 sigmoid hidden units, 1 sigmoid output, E = ½ (t − o)² --------------------

UNIT_SPEC = _spec("units", 2, ["units = 2\nactivation = \"sigmoid\"", "units = 1\nactivation = \"sigmoid\""], "squared_error", 0.5)
X1, X2, T = 0.3, -0.8, 0.9
P0 = {k: rng.normal() for k in ("w1", "w2", "w3", "w4", "w5", "w6", "b1", "b2", "b3")}


def _unit_forward(p):
    h1 = _sig(p["w1"] * X1 + p["w2"] * X2 + p["b1"])
    h2 = _sig(p["w3"] * X1 + p["w4"] * X2 + p["b2"])
    o = _sig(p["w5"] * h1 + p["w6"] * h2 + p["b3"])
    return h1, h2, o


UNIT_GRAD = {k: v[()] for k, v in central_differences(
    lambda q: 0.5 * (T - _unit_forward({k: v[()] for k, v in q.items()})[2]) ** 2,
    {k: np.array(v) for k, v in P0.items()}).items()}
H1, H2, O = _unit_forward(P0)
S = (O - T) * O * (1 - O)  # the output's δ
#: (claim, the parameter it is the gradient of, its value by the claim's formula)
UNIT_CLAIMS = [
    (r"\frac{\partial E}{\partial w_5} = -(t - o)\, o(1-o)\, h_1", "w5", S * H1),
    (r"\frac{\partial E}{\partial w_1} = -(t-o)\,o(1-o)\,w_5\,h_1(1-h_1)\,x_1", "w1", S * P0["w5"] * H1 * (1 - H1) * X1),
    (r"\frac{\partial E}{\partial b_3} = (o - t) o (1 - o)", "b3", S),
    (r"\frac{\partial E}{\partial w_4} = (o-t)\,o(1-o)\,w_6\,h_2(1-h_2)\,x_2", "w4", S * P0["w6"] * H2 * (1 - H2) * X2),
    (r"\frac{\partial E}{\partial b_2} = (o-t)\,o(1-o)\,w_6\,h_2(1-h_2)", "b2", S * P0["w6"] * H2 * (1 - H2)),
    # slips: x_1 for x_2, the hidden slope left out, the output's slope left out
    (r"\frac{\partial E}{\partial w_2} = (o-t)\,o(1-o)\,w_5\,h_1(1-h_1)\,x_1", "w2", S * P0["w5"] * H1 * (1 - H1) * X1),
    (r"\frac{\partial E}{\partial w_3} = (o-t)\,o(1-o)\,w_6\,x_1", "w3", S * P0["w6"] * X1),
    (r"\frac{\partial E}{\partial w_6} = (o - t)\, h_2", "w6", (O - T) * H2),
]
UNIT_FORWARD = (r"Inputs $x_1, x_2$, hidden neurons $h_1, h_2$, output $o$: "
                r"$net_{h1} = w_1 x_1 + w_2 x_2 + b_1$, $h_1 = \sigma(net_{h1})$, $net_{h2} = w_3 x_1 + w_4 x_2 + b_2$, "
                r"$h_2 = \sigma(net_{h2})$, $net_o = w_5 h_1 + w_6 h_2 + b_3$, $o = \sigma(net_o)$, $E = \frac{1}{2}(t - o)^2$.")


def test_the_unit_oracle_tells_right_from_wrong():
    right = [bool(np.isclose(value, UNIT_GRAD[p], atol=1e-7)) for _, p, value in UNIT_CLAIMS]
    assert right == [True] * 5 + [False] * 3


@pytest.mark.parametrize("spelling", ["net_{h1}", "net_{h_1}", r"\text{net}_{h1}"])
def test_units_named_in_mazur_words_with_a_bias_each(tmp_path, spelling):
    forward = UNIT_FORWARD.replace("net_{h1}", spelling)
    body = forward + "\n\n" + "\n\n".join(f"$${c}$$" for c, _, _ in UNIT_CLAIMS) + "\n"
    got = _verify(tmp_path, UNIT_SPEC, body)
    for claim, p, value in UNIT_CLAIMS:
        want = "correct" if np.isclose(value, UNIT_GRAD[p], atol=1e-7) else "incorrect"
        assert got[claim].verdict == want, (spelling, claim, got[claim].verdict, got[claim].message)
    # the forward definitions themselves hold (before: h_1 read as a layer, b_2 as the output layer's bias)
    results, _, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "net.spec.toml"))
    forward_results = [r for r in results if r.id == "line 1" or r.id.startswith("line 1#")]
    assert len(forward_results) == 7 and all(r.verdict == "correct" for r in forward_results), [
        (r.latex, r.verdict, r.message) for r in forward_results]


def test_a_sum_with_a_wrong_weight_stays_the_answers_mistake(tmp_path):
    """The sums place the weights; a forward line of numbers is not needed, and a claim that uses w_6 where the sums put
    w_5 is judged wrong (the reading comes from the definitions, not from the claims it judges)."""
    claim = r"\frac{\partial E}{\partial w_5} = (o - t) o (1 - o) h_2"
    assert not np.isclose(S * H2, UNIT_GRAD["w5"])
    got = _verify(tmp_path, UNIT_SPEC, UNIT_FORWARD + f"\n\n$${claim}$$\n")
    assert got[claim].verdict == "incorrect", got[claim].message


# ---- one sigmoid output on a bold weight vector: \hat y = σ(w_2^T h + b_2) under a row-convention spec --------------

VECTOR_SPEC = UNIT_SPEC.replace('name = "units"', 'name = "vector"')
XV, YV = rng.normal(size=2), 0.25
PV = {"W1": rng.normal(size=(2, 2)), "b1": rng.normal(size=2), "w2": rng.normal(size=2), "b2": np.array(rng.normal())}


def _vector_loss(p):
    h = _sig(p["W1"] @ XV + p["b1"])
    return 0.5 * (_sig(p["w2"] @ h + p["b2"]) - YV) ** 2


GV = central_differences(_vector_loss, {k: v.copy() for k, v in PV.items()})
HV = _sig(PV["W1"] @ XV + PV["b1"])
YH = _sig(PV["w2"] @ HV + PV["b2"])
SV = (YH - YV) * YH * (1 - YH)
#: (claim with the output's weights as {w}, the parameter, its value by the formula)
VECTOR_CLAIMS = [
    (r"\frac{\partial L}{\partial {w}} = (\hat y - y)\hat y (1 - \hat y)\mathbf{h}", "w2", SV * HV),
    (r"\frac{\partial L}{\partial {b}} = (\hat y - y)\hat y (1 - \hat y)\, {w} \odot \mathbf{h} \odot (1 - \mathbf{h})",
     "b1", SV * PV["w2"] * HV * (1 - HV)),
    (r"\frac{\partial L}{\partial {W}} = \left[(\hat y - y)\hat y (1 - \hat y)\, {w} \odot \mathbf{h} \odot (1 - \mathbf{h})"
     r"\right] \mathbf{x}^T", "W1", np.outer(SV * PV["w2"] * HV * (1 - HV), XV)),
    # slip: the hidden slope left out
    (r"\frac{\partial L}{\partial {W}} = \left[(\hat y - y)\hat y (1 - \hat y)\, {w} \odot \mathbf{h}\right] \mathbf{x}^T",
     "W1", np.outer(SV * PV["w2"] * HV, XV)),
]


def test_the_vector_oracle_tells_right_from_wrong():
    right = [bool(np.allclose(value, GV[p], atol=1e-7)) for _, p, value in VECTOR_CLAIMS]
    assert right == [True, True, True, False]


@pytest.mark.parametrize("letters", [
    # (the output's weights, the hidden weights, the hidden bias, the output's bias)
    (r"\mathbf{w}_2", "W_1", r"\mathbf{b}_1", "b_2"),
    (r"\mathbf{v}", "W", r"\mathbf{b}", "c"),
])
def test_the_outputs_weights_multiplied_transposed_are_a_column(tmp_path, letters):
    w, W, b, c = letters
    forward = (rf"The network is $\mathbf{{h}} = \sigma({W}\mathbf{{x}} + {b})$ and "
               rf"$\hat y = \sigma({w}^T \mathbf{{h}} + {c})$, with $L = \frac12 (\hat y - y)^2$.")
    claims = [(cl.replace("{w}", w).replace("{W}", W).replace("{b}", b), p, v) for cl, p, v in VECTOR_CLAIMS]
    update = rf"{w} \leftarrow {w} - \eta \frac{{\partial L}}{{\partial {w}}}"
    wrong_update = rf"{w} \leftarrow {w} + \eta \frac{{\partial L}}{{\partial {w}}}"
    body = forward + "\n\n" + "\n\n".join(f"$${cl}$$" for cl, _, _ in claims) + f"\n\n$${update}$$\n\n$${wrong_update}$$\n"
    got = _verify(tmp_path, VECTOR_SPEC, body)
    for claim, p, value in claims:
        want = "correct" if np.allclose(value, GV[p], atol=1e-7) else "incorrect"
        assert got[claim].verdict == want, (claim, got[claim].verdict, got[claim].message)
    assert got[update].verdict == "correct", got[update].message  # a step of the weights, not a momentum velocity
    assert got[wrong_update].verdict == "incorrect", got[wrong_update].message
    results, _, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "net.spec.toml"))
    definition = next(r for r in results if r.latex.strip().startswith(r"\hat y"))
    assert definition.verdict == "correct", definition.message


# ---- CS231n's probabilities entry by entry over a batch of rows -----------------------------------------------------

CS231N_SPEC = _spec("cs231n", 3, ["units = 4\nactivation = \"relu\"", "units = 3\nactivation = \"softmax\""], "cross_entropy",
                    convention="column")
N = 5
XB, LABELS = rng.normal(size=(N, 3)), rng.integers(0, 3, size=N)
PB = {"W1": rng.normal(size=(3, 4)), "b1": rng.normal(size=4), "W2": rng.normal(size=(4, 3)), "b2": rng.normal(size=3)}


def _probabilities(p):
    s = np.maximum(0, XB @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"]
    e = np.exp(s - s.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


GB = central_differences(lambda p: -np.mean(np.log(_probabilities(p)[np.arange(N), LABELS])),
                         {k: v.copy() for k, v in PB.items()})
PROBS, ONEHOT = _probabilities(PB), np.eye(3)[LABELS]
HB = np.maximum(0, XB @ PB["W1"] + PB["b1"])
CS231N_CLAIMS = [
    (r"\frac{\partial L}{\partial W_2} = \frac{1}{N} H^T (P - Y)", "W2", HB.T @ (PROBS - ONEHOT) / N),
    (r"\frac{\partial L}{\partial b_2} = \sum_{i=1}^N \left(\frac{\partial L}{\partial S}\right)_{i,:}", "b2",
     np.sum((PROBS - ONEHOT) / N, axis=0)),
    (r"\frac{\partial L}{\partial W_2} = H^T (P - Y)", "W2", HB.T @ (PROBS - ONEHOT)),  # slip: the 1/N left out
]


def test_the_cs231n_oracle_tells_right_from_wrong():
    right = [bool(np.allclose(value, GB[p], atol=1e-7)) for _, p, value in CS231N_CLAIMS]
    assert right == [True, True, False]


def test_probabilities_defined_entry_by_entry_over_rows(tmp_path):
    forward = (r"Forward: $H = \max(0, XW_1 + b_1)$, $S = HW_2 + b_2$, $P_{ij} = \frac{e^{S_{ij}}}{\sum_k e^{S_{ik}}}$, "
               r"$L = \frac{1}{N}\sum_{i=1}^N -\log P_{i, y_i}$, $Y$ the one-hot labels, "
               r"$\frac{\partial L}{\partial S} = \frac{1}{N}(P - Y)$.")
    body = forward + "\n\n" + "\n\n".join(f"$${c}$$" for c, _, _ in CS231N_CLAIMS) + "\n"
    got = _verify(tmp_path, CS231N_SPEC, body)
    for claim, p, value in CS231N_CLAIMS:
        want = "correct" if np.allclose(value, GB[p], atol=1e-7) else "incorrect"
        assert got[claim].verdict == want, (claim, got[claim].verdict, got[claim].message)
    definition = got[r"P_{ij} = \frac{e^{S_{ij}}}{\sum_k e^{S_{ik}}}"]
    assert definition.verdict == "correct" and "ŷ" in definition.message, definition.message


def test_a_wrong_entrywise_softmax_binds_nothing(tmp_path):
    """Normalised over the examples (Σ_k e^{S_{kj}}) it is no quantity of the network: P stays unread, never ŷ."""
    forward = (r"Forward: $H = \max(0, XW_1 + b_1)$, $S = HW_2 + b_2$, $P_{ij} = \frac{e^{S_{ij}}}{\sum_k e^{S_{kj}}}$, "
               r"$L = \frac{1}{N}\sum_{i=1}^N -\log P_{i, y_i}$.")
    claim = r"\frac{\partial L}{\partial W_2} = \frac{1}{N} H^T (P - Y)"
    got = _verify(tmp_path, CS231N_SPEC, forward + f"\n\n$${claim}$$\n")
    assert got[claim].verdict == "unchecked", got[claim].message


# ---- components in an answer that writes its layers in parentheses: z_j^2 is a square ---------------------------------

TANH_SPEC = _spec("tanh_regression", 3, ["units = 4\nactivation = \"tanh\"", "units = 2\nactivation = \"identity\""], "squared_error")
XT, TT = rng.normal(size=3), rng.normal(size=2)
PT = {"W1": rng.normal(size=(4, 3)), "b1": rng.normal(size=4), "W2": rng.normal(size=(2, 4)), "b2": rng.normal(size=2)}
GT = central_differences(lambda p: 0.5 * np.sum((p["W2"] @ np.tanh(p["W1"] @ XT + p["b1"]) + p["b2"] - TT) ** 2),
                         {k: v.copy() for k, v in PT.items()})
ZT = np.tanh(PT["W1"] @ XT + PT["b1"])
YT = PT["W2"] @ ZT + PT["b2"]
TANH_CLAIMS = [  # Bishop's letters: a the summed input, z the activation, y the output, t the target
    (r"\frac{\partial E}{\partial w^{(1)}_{ji}} = (1 - z_j^2) \sum_{k} w^{(2)}_{kj} (y_k - t_k) \, x_i",
     np.outer((1 - ZT ** 2) * (PT["W2"].T @ (YT - TT)), XT)),
    (r"\frac{\partial E}{\partial w^{(1)}_{ji}} = (1 - z_j)^2 \sum_{k} w^{(2)}_{kj} (y_k - t_k) \, x_i",  # slip
     np.outer((1 - ZT) ** 2 * (PT["W2"].T @ (YT - TT)), XT)),
]


def test_a_subscripted_square_where_layers_are_written_in_parentheses(tmp_path):
    assert [bool(np.allclose(v, GT["W1"], atol=1e-7)) for _, v in TANH_CLAIMS] == [True, False]
    forward = (r"$\mathbf{a} = W^{(1)}\mathbf{x} + \mathbf{b}^{(1)}$, $\mathbf{z} = \tanh(\mathbf{a})$, "
               r"$\mathbf{y} = W^{(2)}\mathbf{z} + \mathbf{b}^{(2)}$, $E = \frac{1}{2}\|\mathbf{y} - \mathbf{t}\|^2$, "
               r"$\boldsymbol{\delta}^{(2)} = \mathbf{y} - \mathbf{t}$, $\boldsymbol{\delta}^{(1)} = (1 - \mathbf{z}^2) \odot "
               r"(W^{(2)})^\top \boldsymbol{\delta}^{(2)}$, $\nabla_{W^{(2)}} E = \boldsymbol{\delta}^{(2)} \mathbf{z}^\top$, "
               r"$\nabla_{W^{(1)}} E = \boldsymbol{\delta}^{(1)} \mathbf{x}^\top$.")
    got = _verify(tmp_path, TANH_SPEC, forward + "\n\n" + "\n\n".join(f"$${c}$$" for c, _ in TANH_CLAIMS) + "\n")
    for claim, value in TANH_CLAIMS:
        want = "correct" if np.allclose(value, GT["W1"], atol=1e-7) else "incorrect"
        assert got[claim].verdict == want, (claim, got[claim].verdict, got[claim].message)


# ---- the same unit-by-unit network as a worked example with its own numbers ----------------------------------------

def test_a_worked_example_with_a_bias_per_unit_reads_its_own_numbers(tmp_path):
    """Mazur's numbers with a bias per unit (b_3 the output's): before, reading them stopped with an internal error
    (b_3 taken as a third layer's bias). Every number below is computed here, one planted wrong."""
    v = {"x_1": 0.05, "x_2": 0.10, "w_1": 0.15, "w_2": 0.20, "w_3": 0.25, "w_4": 0.30, "w_5": 0.40, "w_6": 0.45,
         "b_1": 0.35, "b_2": 0.35, "b_3": 0.60}
    t, eta = 0.01, 0.5
    h1 = _sig(v["w_1"] * v["x_1"] + v["w_2"] * v["x_2"] + v["b_1"])
    h2 = _sig(v["w_3"] * v["x_1"] + v["w_4"] * v["x_2"] + v["b_2"])
    o = _sig(v["w_5"] * h1 + v["w_6"] * h2 + v["b_3"])
    d5 = (o - t) * o * (1 - o) * h1
    given = ", ".join(f"${k} = {x}$" for k, x in v.items()) + f", target $t = {t}$, $\\eta = {eta}$."
    right = rf"\frac{{\partial E}}{{\partial w_5}} = (o - t)\, o (1 - o)\, h_1 = {d5:.6f}"
    step = rf"w_5^{{+}} = w_5 - \eta \frac{{\partial E}}{{\partial w_5}} = {v['w_5'] - eta * d5:.6f}"
    planted = rf"\frac{{\partial E}}{{\partial w_6}} = (o - t)\, o (1 - o)\, h_2 = {1.1 * (o - t) * o * (1 - o) * h2:.6f}"
    body = "\n\n".join([given, UNIT_FORWARD.replace("E = \\frac{1}{2}(t - o)^2", f"o = {o:.6f}"),
                        f"$${right}$$", f"$${step}$$", f"$${planted}$$"]) + "\n"
    got = _verify(tmp_path, UNIT_SPEC, body)
    assert got[right].verdict == "correct", got[right].message
    assert got[step].verdict == "correct", got[step].message
    assert got[planted].verdict == "incorrect", got[planted].message


# ---- numerator layout: (∂L/∂z_1)^T is the column where the answer's ∂L/∂z_1 is a row -------------------------------

SOFTMAX_SPEC = _spec("numerator", 3, ["units = 4\nactivation = \"sigmoid\"", "units = 2\nactivation = \"softmax\""], "cross_entropy")
XN, YN = rng.normal(size=3), np.eye(2)[1]
PN = {"W1": rng.normal(size=(4, 3)), "b1": rng.normal(size=4), "W2": rng.normal(size=(2, 4)), "b2": rng.normal(size=2)}


def _softmax_loss(p):
    z = p["W2"] @ _sig(p["W1"] @ XN + p["b1"]) + p["b2"]
    return float(-YN @ (z - z.max() - np.log(np.sum(np.exp(z - z.max())))))


GN = central_differences(_softmax_loss, {k: v.copy() for k, v in PN.items()})
HN = _sig(PN["W1"] @ XN + PN["b1"])
ZN = PN["W2"] @ HN + PN["b2"]
YHN = np.exp(ZN - ZN.max()) / np.sum(np.exp(ZN - ZN.max()))
ROW = ((YHN - YN) @ PN["W2"]) * HN * (1 - HN)  # ∂L/∂z_1 as the answer's row


def test_a_transposed_row_gradient_in_the_numerator_layout(tmp_path):
    right = r"\frac{\partial L}{\partial W_1} = \left(\frac{\partial L}{\partial \mathbf{z}_1}\right)^T \mathbf{x}^T"
    wrong = r"\frac{\partial L}{\partial \mathbf{b}_1} = \left(\frac{\partial L}{\partial \mathbf{z}_1}\right)^T \odot \mathbf{h}"
    assert np.allclose(np.outer(ROW, XN), GN["W1"], atol=1e-7)
    body = (r"We use numerator layout: the derivative of a scalar by a column vector is a row vector. Network: "
            r"$\mathbf{z}_1 = W_1\mathbf{x} + \mathbf{b}_1$, $\mathbf{h} = \sigma(\mathbf{z}_1)$, $\mathbf{z}_2 = W_2\mathbf{h} + "
            r"\mathbf{b}_2$, $\hat{\mathbf{y}} = \mathrm{softmax}(\mathbf{z}_2)$." "\n\n"
            r"$$\frac{\partial L}{\partial \mathbf{h}} = \frac{\partial L}{\partial \mathbf{z}_2}\frac{\partial \mathbf{z}_2}"
            r"{\partial \mathbf{h}} = (\hat{\mathbf{y}} - \mathbf{y})^T W_2$$" "\n\n"
            f"$${right}$$\n\n$${wrong}$$\n")
    got = _verify(tmp_path, SOFTMAX_SPEC, body)
    assert got[right].verdict == "correct", got[right].message
    assert got[wrong].verdict == "incorrect", got[wrong].message


# ---- dropout: layers numbered by their weights, the mask the answer's own letter -------------------------------------

DROPOUT_SPEC = _spec("dropout", 4, ["units = 5\nactivation = \"relu\"", "kind = \"dropout\"\np = 0.5",
                                   "units = 3\nactivation = \"softmax\""], "cross_entropy")
DROPOUT_FORWARD = (r"Inverted dropout on the hidden layer, keep probability $q = 1 - p$ with $p = 0.5$: "
                   r"$\mathbf{h} = \mathrm{ReLU}(W_1 \mathbf{x} + \mathbf{b}_1)$, $\mathbf{m} \sim \mathrm{Bernoulli}(q)$, "
                   r"$\tilde{\mathbf{h}} = \frac{\mathbf{m} \odot \mathbf{h}}{q}$, $\mathbf{z}_2 = W_2\tilde{\mathbf{h}} + "
                   r"\mathbf{b}_2$, $\hat{\mathbf{y}} = \mathrm{softmax}(\mathbf{z}_2)$.")
XD, YD, MASK = rng.normal(size=4), np.eye(3)[2], np.array([1.0, 0.0, 1.0, 1.0, 0.0])
PD = {"W1": rng.normal(size=(5, 4)), "b1": 2 + rng.random(5), "W2": rng.normal(size=(3, 5)), "b2": rng.normal(size=3)}


def _dropout_loss(p):
    h = np.maximum(0, p["W1"] @ XD + p["b1"])
    z = p["W2"] @ (MASK * h / 0.5) + p["b2"]
    return float(-YD @ (z - z.max() - np.log(np.sum(np.exp(z - z.max())))))


GD = central_differences(_dropout_loss, {k: v.copy() for k, v in PD.items()})
HD = np.maximum(0, PD["W1"] @ XD + PD["b1"])
ZD = PD["W2"] @ (MASK * HD / 0.5) + PD["b2"]
YHD = np.exp(ZD - ZD.max()) / np.sum(np.exp(ZD - ZD.max()))
DROPOUT_CLAIMS = [
    (r"\frac{\partial L}{\partial W_2} = (\hat{\mathbf{y}} - \mathbf{y})\tilde{\mathbf{h}}^T", "W2",
     np.outer(YHD - YD, MASK * HD / 0.5)),
    (r"\frac{\partial L}{\partial W_1} = \left(\frac{\mathbf{m}}{q} \odot W_2^T(\hat{\mathbf{y}} - \mathbf{y}) \odot "
     r"\mathbb{1}[\mathbf{h} > 0]\right)\mathbf{x}^T", "W1", np.outer(MASK / 0.5 * (PD["W2"].T @ (YHD - YD)) * (HD > 0), XD)),
    (r"\frac{\partial L}{\partial W_1} = \left(\mathbf{m} \odot W_2^T(\hat{\mathbf{y}} - \mathbf{y}) \odot "  # the 1/q left out
     r"\mathbb{1}[\mathbf{h} > 0]\right)\mathbf{x}^T", "W1", np.outer(MASK * (PD["W2"].T @ (YHD - YD)) * (HD > 0), XD)),
]


def test_dropout_with_the_answers_own_numbering_and_mask(tmp_path):
    """The answer's W_2 is the spec's layer 3 (the dropout layer 2 has no weights); its m is the mask and \\tilde h the
    dropout's output. The oracle's mask is one draw; verify draws its own: a formula right for one mask is right for all
    (checked at the oracle's draw here, the formulas being the same in m)."""
    assert [bool(np.allclose(v, GD[p], atol=1e-7)) for _, p, v in DROPOUT_CLAIMS] == [True, True, False]
    got = _verify(tmp_path, DROPOUT_SPEC, DROPOUT_FORWARD + "\n\n" + "\n\n".join(f"$${c}$$" for c, _, _ in DROPOUT_CLAIMS) + "\n")
    for claim, p, value in DROPOUT_CLAIMS:
        want = "correct" if np.allclose(value, GD[p], atol=1e-7) else "incorrect"
        assert got[claim].verdict == want, (claim, got[claim].verdict, got[claim].message)
    forward = got[r"\hat{\mathbf{y}} = \mathrm{softmax}(\mathbf{z}_2)"]
    assert forward.verdict == "correct", forward.message  # (before: z_2 the dropout layer's, "expected 3×1, gives 5×1")


def test_the_spec_numbering_of_a_dropout_network_stays(tmp_path):
    """An answer that numbers the dropout layer as the spec does (W^{(3)}) is read as before."""
    claim = r"\frac{\partial J}{\partial W^{(3)}} = (\hat{y} - y) {h^{(2)}}^T"
    got = _verify(tmp_path, DROPOUT_SPEC, f"$${claim}$$\n")
    assert got[claim].verdict == "correct", got[claim].message


# ---- Goodfellow's logit: s = w^T a + b, p = σ(s), the hidden layer's own letters U and c ---------------------------

LOGIT_SPEC = _spec("logit", 3, ["units = 4\nactivation = \"tanh\"", "units = 1\nactivation = \"sigmoid\""], "binary_cross_entropy")
XL, YL = rng.normal(size=3), 1.0
PL = {"U": rng.normal(size=(4, 3)), "c": rng.normal(size=4), "w": rng.normal(size=4), "b": np.array(rng.normal())}


def _logit_loss(p):
    s = p["w"] @ np.tanh(p["U"] @ XL + p["c"]) + p["b"]
    return float(np.log1p(np.exp(-s)) if YL == 1 else np.log1p(np.exp(s)))


GL = central_differences(_logit_loss, {k: v.copy() for k, v in PL.items()})
AL = np.tanh(PL["U"] @ XL + PL["c"])
PRL = _sig(PL["w"] @ AL + PL["b"])
LOGIT_CLAIMS = [
    (r"\frac{\partial \ell}{\partial s} = p - y", None, None),
    (r"\frac{\partial \ell}{\partial \mathbf{w}} = (p - y)\mathbf{a}", "w", (PRL - YL) * AL),
    (r"\frac{\partial \ell}{\partial b} = p - y", "b", PRL - YL),
    (r"\frac{\partial \ell}{\partial \mathbf{U}} = \left[(p-y)\mathbf{w} \odot (1 - \mathbf{a}^2)\right]\mathbf{x}^\top", "U",
     np.outer((PRL - YL) * PL["w"] * (1 - AL ** 2), XL)),
    (r"\frac{\partial \ell}{\partial \mathbf{c}} = (p-y)\mathbf{w} \odot (1 - \mathbf{a}\odot\mathbf{a})", "c",
     (PRL - YL) * PL["w"] * (1 - AL ** 2)),
    (r"\frac{\partial \ell}{\partial \mathbf{c}} = (p-y)\mathbf{w}", "c", (PRL - YL) * PL["w"]),  # slip: tanh's slope left out
]


def test_a_logit_and_a_probability_of_the_answers_own(tmp_path):
    forward = (r"Let $\mathbf{a} = \tanh(\mathbf{U}\mathbf{x} + \mathbf{c})$ be the hidden layer, $s = \mathbf{w}^\top "
               r"\mathbf{a} + b$ the logit and $p = \sigma(s)$ the predicted probability. The loss is $\ell = -y\log p - "
               r"(1-y)\log(1-p)$.")
    got = _verify(tmp_path, LOGIT_SPEC, forward + "\n\n" + "\n\n".join(f"$${c}$$" for c, _, _ in LOGIT_CLAIMS) + "\n")
    for claim, p, value in LOGIT_CLAIMS:
        want = "correct" if p is None or np.allclose(value, GL[p], atol=1e-7) else "incorrect"
        assert got[claim].verdict == want, (claim, got[claim].verdict, got[claim].message)
    assert "z2" in got[r"s = \mathbf{w}^\top \mathbf{a} + b"].message  # the logit is read as the output's summed input


def test_dropout_with_the_mask_inside_the_next_layers_sum(tmp_path):
    """z_2 = W_2 (m ⊙ h)/q + b_2 names m the mask without a tilde output; a bare m beside ⊙ with no such definition is
    not read as the number of examples (unchecked, with the reason: it was a false reject once W_2 read)."""
    forward = (r"Inverted dropout, keep probability $q = 1 - p$: $\mathbf{h} = \mathrm{ReLU}(W_1 \mathbf{x} + \mathbf{b}_1)$, "
               r"$\mathbf{z}_2 = W_2 (\mathbf{m} \odot \mathbf{h}) / q + \mathbf{b}_2$.")
    right = r"\frac{\partial L}{\partial W_2} = (\hat{\mathbf{y}} - \mathbf{y})(\mathbf{m} \odot \mathbf{h})^T / q"
    slip = r"\frac{\partial L}{\partial W_2} = (\hat{\mathbf{y}} - \mathbf{y})(\mathbf{m} \odot \mathbf{h})^T"
    assert np.allclose(np.outer(YHD - YD, MASK * HD / 0.5), GD["W2"], atol=1e-7)
    assert not np.allclose(np.outer(YHD - YD, MASK * HD), GD["W2"], atol=1e-7)
    got = _verify(tmp_path, DROPOUT_SPEC, forward + f"\n\n$${right}$$\n\n$${slip}$$\n")
    assert got[right].verdict == "correct", got[right].message
    assert got[slip].verdict == "incorrect", got[slip].message
    alone = r"\frac{\partial L}{\partial \mathbf{h}} = \frac{\mathbf{m}}{q} \odot W_2^T(\hat{\mathbf{y}} - \mathbf{y})"
    got = _verify(tmp_path, DROPOUT_SPEC, r"Keep probability $q = 1 - p$." + f"\n\n$${alone}$$\n")
    assert got[alone].verdict == "unchecked" and "mask" in got[alone].message, got[alone].message


# ---- leaky ReLU's slope written α; Adam's bare m̂_t in a layer's step; two definitions in one display ------------------

LEAKY_SPEC = _spec("leaky", 2, ["units = 3\nactivation = \"leaky_relu\"\ngamma = 0.01", "units = 1\nactivation = \"identity\""],
                   "squared_error", optimizer=ADAM)


def _leaky(z):
    return np.where(z > 0, z, 0.01 * z)


def test_leaky_relus_slope_written_alpha(tmp_path):
    """g(z) = z (z > 0), α z (z ≤ 0) with α the slope 0.01 (central differences of NumPy's leaky ReLU give g'); α was
    read as the learning rate (0.001): the right definitions were judged wrong. A slope of 0 (ReLU's) stays wrong."""
    z = np.array([-1.3, -0.2, 0.4, 2.0])
    slope = central_differences(lambda p: float(np.sum(_leaky(p["z"]))), {"z": z.copy()})["z"]
    assert np.allclose(slope, np.where(z > 0, 1, 0.01)) and not np.allclose(slope, np.where(z > 0, 1, 0))
    forward = (r"Leaky ReLU with $\alpha = 0.01$: $\mathbf{z}^{[1]} = \mathbf{W}^{[1]}\mathbf{x} + \mathbf{b}^{[1]}$, "
               r"$\mathbf{a}^{[1]} = g(\mathbf{z}^{[1]})$.")
    g = r"g(z) = \begin{cases} z & z > 0 \\ \alpha z & z \le 0 \end{cases}"
    right = r"g'(z) = \begin{cases} 1 & z > 0 \\ \alpha & z \le 0 \end{cases}"
    wrong = r"g'(z) = \begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases}"
    got = _verify(tmp_path, LEAKY_SPEC, forward + f"\n\n$${g}$$\n\n$${right}$$\n\n$${wrong}$$\n")
    assert got[g].verdict == "correct", got[g].message
    assert got[right].verdict == "correct", got[right].message
    assert got[wrong].verdict == "incorrect", got[wrong].message


def test_alpha_stepping_a_parameter_stays_the_learning_rate(tmp_path):
    step = r"\mathbf{W}^{[1]} := \mathbf{W}^{[1]} - \alpha \frac{\partial \mathcal{L}}{\partial \mathbf{W}^{[1]}}"
    g = r"g(z) = \begin{cases} z & z > 0 \\ \alpha z & z \le 0 \end{cases}"
    sgd = _spec("leaky", 2, ["units = 3\nactivation = \"leaky_relu\"\ngamma = 0.01", "units = 1\nactivation = \"identity\""],
                "squared_error", 0.001)
    got = _verify(tmp_path, sgd, f"$${g}$$\n\n$${step}$$\n")
    assert got[step].verdict == "correct", got[step].message  # α read as the learning rate: the slope reading not taken
    assert got[g].verdict != "correct"


def test_adams_bare_corrected_moments_in_a_layers_step(tmp_path):
    """W^{[1]}_t = W^{[1]}_{t-1} − η m̂_t/(√v̂_t + ε): m̂_t, v̂_t are W^{[1]}'s (Adam's first step: the step is −η·sign(g)
    up to ε, checked by NumPy below); before, "m_W has no layer index"."""
    right = (r"\mathbf{W}^{[1]}_t = \mathbf{W}^{[1]}_{t-1} - \eta\,\hat{\mathbf{m}}_t/(\sqrt{\hat{\mathbf{v}}_t} + \epsilon)")
    wrong = (r"\mathbf{W}^{[1]}_t = \mathbf{W}^{[1]}_{t-1} - \eta\,\mathbf{m}_t/(\sqrt{\mathbf{v}_t} + \epsilon)")
    g = np.array([0.3, -2.0])  # one gradient, Adam's first step from zero moments
    m, v = 0.1 * g, 0.001 * g ** 2
    assert not np.allclose(m / (np.sqrt(v) + 1e-8), (m / 0.1) / (np.sqrt(v / 0.001) + 1e-8))  # the correction matters
    body = (r"$\mathbf{z}^{[1]} = \mathbf{W}^{[1]}\mathbf{x} + \mathbf{b}^{[1]}$, Adam: $\mathbf{m}_t = \beta_1 \mathbf{m}_{t-1} + "
            r"(1-\beta_1)\mathbf{g}_t$, $\mathbf{v}_t = \beta_2 \mathbf{v}_{t-1} + (1-\beta_2)\mathbf{g}_t^2$, $\hat{\mathbf{m}}_t = "
            r"\mathbf{m}_t/(1-\beta_1^t)$, $\hat{\mathbf{v}}_t = \mathbf{v}_t/(1-\beta_2^t)$." + f"\n\n$${right}$$\n\n$${wrong}$$\n")
    got = _verify(tmp_path, LEAKY_SPEC, body)
    assert got[right].verdict == "correct", got[right].message
    assert got[wrong].verdict == "incorrect", got[wrong].message


def test_parameter_letters_in_a_display_of_two_definitions(tmp_path):
    """\\mathbf{h} = …, \\quad \\hat y = σ(\\mathbf{u}^\\top \\mathbf{h} + c): u and c bound from the display's second
    equation (they stayed unknown symbols)."""
    forward = (r"$$\mathbf{h} = \tanh(\mathbf{W}\mathbf{x} + \mathbf{b}), \quad \hat{y} = \sigma(\mathbf{u}^\top\mathbf{h} + c)$$"
               "\n\n" r"$$J = -\left[y \ln \hat y + (1 - y)\ln(1 - \hat y)\right]$$")
    claim = r"\nabla_{\mathbf{u}} J = (\hat y - y) \mathbf{h}"
    wrong = r"\nabla_{\mathbf{u}} J = (\hat y - y) \hat y (1 - \hat y) \mathbf{h}"
    x, y = rng.normal(size=2), 1.0
    p = {"W": rng.normal(size=(2, 2)), "b": rng.normal(size=2), "u": rng.normal(size=2), "c": np.array(0.3)}

    def loss(q):
        yh = _sig(q["u"] @ np.tanh(q["W"] @ x + q["b"]) + q["c"])
        return float(-(y * np.log(yh) + (1 - y) * np.log(1 - yh)))

    grad = central_differences(loss, {k: v.copy() for k, v in p.items()})["u"]
    h = np.tanh(p["W"] @ x + p["b"])
    yh = _sig(p["u"] @ h + p["c"])
    assert np.allclose((yh - y) * h, grad, atol=1e-7) and not np.allclose((yh - y) * yh * (1 - yh) * h, grad, atol=1e-7)
    spec_text = LOGIT_SPEC.replace("inputs = 3", "inputs = 2").replace("units = 4", "units = 2")
    got = _verify(tmp_path, spec_text, forward + f"\n\n$${claim}$$\n\n$${wrong}$$\n")
    assert got[claim].verdict == "correct", got[claim].message
    assert got[wrong].verdict == "incorrect", got[wrong].message


def test_code_names_in_typewriter_font(tmp_path):
    """Ng's db^{[1]} = \\frac{1}{m} \\texttt{np.sum}(dZ^{[1]}, \\texttt{axis=1}, \\texttt{keepdims=True}): \\texttt reads as
    \\mathtt (it was "unknown symbol texttt"). The oracle: central differences of the planar network's mean cost."""
    from test_forty_sixth_round import PLANAR_SPEC, _planar_oracle

    X, Y, m, P, G, A1, A2 = _planar_oracle()
    dZ1 = (P["W2"].T @ (A2 - Y)) * (1 - A1 ** 2)
    assert np.allclose(np.sum(dZ1, axis=1, keepdims=True) / m, G["b1"], atol=1e-7)
    assert not np.allclose(np.sum(dZ1, axis=1, keepdims=True), G["b1"], atol=1e-7)
    forward = (r"$Z^{[1]} = W^{[1]} X + b^{[1]}$, $A^{[1]} = \tanh(Z^{[1]})$, $Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}$, "
               r"$A^{[2]} = \sigma(Z^{[2]})$, $J = -\frac{1}{m}\sum_{i=1}^m \left(y^{(i)}\log a^{[2](i)} + (1-y^{(i)})"
               r"\log(1-a^{[2](i)})\right)$, $dZ^{[2]} = A^{[2]} - Y$, $dZ^{[1]} = W^{[2]T} dZ^{[2]} * (1 - (A^{[1]})^2)$.")
    right = r"db^{[1]} = \frac{1}{m}\,\texttt{np.sum}(dZ^{[1]}, \texttt{axis=1}, \texttt{keepdims=True})"
    slip = r"db^{[1]} = \texttt{np.sum}(dZ^{[1]}, \texttt{axis=1}, \texttt{keepdims=True})"
    got = _verify(tmp_path, PLANAR_SPEC, forward + f"\n\n$${right}$$\n\n$${slip}$$\n")
    assert got[right].verdict == "correct", got[right].message
    assert got[slip].verdict == "incorrect", got[slip].message
