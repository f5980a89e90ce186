r"""The twenty-seventh round (issue 10): a student's notes in the style of Michał Korniak's Polish documentation —
weights named by their two units right after the letter (``w21``: input 2 → hidden unit 1, ``w1o``: hidden unit 1 →
the output o), Mazur's ``out_{h1}``, ``net_{o}``, ``out_{i2}`` (an input), ``\delta h1`` with a space for the
subscript, ``d_{o}`` the desired output, the derivative of a written-out sum by one weight, and a ``gather`` whose
``aligned`` blocks are set apart by ``\shortintertext`` alone. Every expected verdict is decided here by NumPy central
differences on the network written out in the answer's own arrays, never by gradproof."""

from __future__ import annotations

import numpy as np
from conftest import central_differences
from test_twenty_first_round import _verify

#: a 2-3-1 sigmoid network without biases, w_{from,to} (the column convention), E = ½ (d − o)²
SPEC = """name = "pair_names"
convention = "column"
inputs = 2

[[layers]]
units = 3
activation = "sigmoid"
bias = false

[[layers]]
units = 1
activation = "sigmoid"
bias = false

[loss]
name = "squared_error"

[optimizer]
name = "sgd"
learning_rate = 0.1
"""

DOC = r"""# Jeden krok wstecznej propagacji

Sieć: $net_{h1} = w11 * out_{i1} + w21 * out_{i2}$, $out_{h1} = \frac{1}{1+e^{-net_{h1}}}$,
$net_{o} = w1o * out_{h1} + w2o * out_{h2} + w3o * out_{h3}$, a błąd to
$$E_{total} = \frac{1}{2}(d_{o} - out_{o})^{2}$$

$$\delta_{o} = -(d_{o} - out_{o}) * out_{o}(1 - out_{o}) \tag{delta_o}$$

$$\delta_{o} = -(d_{o} - out_{o}) * out_{o} \tag{delta_o_slip}$$

$$\frac{\partial E_{total}}{\partial w1o} = \delta_{o} * out_{h1} \tag{w1o}$$

$$\frac{\partial E_{total}}{\partial w1o} = \delta_{o} * out_{h2} \tag{w1o_slip}$$

$$\delta h1 = \delta o * w1o * out_{h1}(1 - out_{h1}) \tag{delta_h1}$$

$$\delta h1 = \delta o * w2o * out_{h1}(1 - out_{h1}) \tag{delta_h1_slip}$$

$$\frac{\partial E_{total}}{\partial w21} = \delta h1 * out_{i2} \tag{w21}$$

$$\frac{\partial E_{total}}{\partial w21} = \delta h1 * out_{i1} \tag{w21_slip}$$

$$\frac{\partial net_{o}}{\partial w2o} = \frac{\partial (w1o * out_{h1} + w2o * out_{h2} + w3o * out_{h3})}{\partial w2o}
 = out_{h2} \tag{dnet}$$

$$\frac{\partial net_{o}}{\partial w2o} = \frac{\partial (w1o * out_{h1} + w2o * out_{h2} + w3o * out_{h3})}{\partial w2o}
 = out_{h1} \tag{dnet_slip}$$

$$w21^{+} = w21 - \eta * \frac{\partial E_{total}}{\partial w21} \tag{step}$$

$$w21^{+} = w21 + \eta * \frac{\partial E_{total}}{\partial w21} \tag{step_slip}$$
"""


def _sigmoid(v):
    return 1 / (1 + np.exp(-v))


def _truth():
    """The 2-3-1 network in the answer's arrays (W1[i, j]: input i → hidden j, w2[j]: hidden j → o) at a random point:
    the forward values, E's gradients by every weight and by the summed inputs, all by central differences."""
    rng = np.random.default_rng(27)
    W1, w2, x, d = rng.normal(size=(2, 3)), rng.normal(size=3), rng.normal(size=2), rng.uniform()

    def forward(W1, w2, x):
        h = _sigmoid(x @ W1)
        return h, _sigmoid(h @ w2)

    def loss(W1, w2):
        return 0.5 * (d - forward(W1, w2, x)[1]) ** 2

    grads = central_differences(lambda p: loss(p["W1"], p["w2"]), {"W1": W1.copy(), "w2": w2.copy()})
    h, o = forward(W1, w2, x)
    net_o = h @ w2
    delta_o = central_differences(lambda p: 0.5 * (d - _sigmoid(p["n"][0])) ** 2, {"n": np.array([net_o])})["n"][0]
    net_h = x @ W1
    delta_h = central_differences(lambda p: 0.5 * (d - _sigmoid(_sigmoid(p["n"]) @ w2)) ** 2, {"n": net_h.copy()})["n"]
    dnet = central_differences(lambda p: float(h @ p["w2"]), {"w2": w2.copy()})["w2"]
    return dict(W1=W1, w2=w2, x=x, d=d, h=h, o=o, delta_o=delta_o, delta_h=delta_h, dW1=grads["W1"], dw2=grads["w2"],
                dnet=dnet)


def _close(a, b) -> bool:
    return bool(np.allclose(a, b, rtol=1e-5, atol=1e-8))


def test_weights_named_by_their_two_units_are_read_source_first_as_central_differences_decide(tmp_path):
    t = _truth()
    h, o, d, x, w2, rate = t["h"], t["o"], t["d"], t["x"], t["w2"], 0.1
    delta_h1 = t["delta_o"] * w2[0] * h[0] * (1 - h[0])
    oracle = {
        "delta_o": _close(-(d - o) * o * (1 - o), t["delta_o"]),
        "delta_o_slip": _close(-(d - o) * o, t["delta_o"]),
        "w1o": _close(t["delta_o"] * h[0], t["dw2"][0]),
        "w1o_slip": _close(t["delta_o"] * h[1], t["dw2"][0]),
        "delta_h1": _close(delta_h1, t["delta_h"][0]),
        "delta_h1_slip": _close(t["delta_o"] * w2[1] * h[0] * (1 - h[0]), t["delta_h"][0]),
        "w21": _close(t["delta_h"][0] * x[1], t["dW1"][1, 0]),  # w21: input 2 → hidden unit 1
        "w21_slip": _close(t["delta_h"][0] * x[0], t["dW1"][1, 0]),
        "dnet": _close(h[1], t["dnet"][1]),
        "dnet_slip": _close(h[0], t["dnet"][1]),
        "step": _close(t["W1"][1, 0] - rate * t["dW1"][1, 0], t["W1"][1, 0] - rate * t["dW1"][1, 0]),
        "step_slip": _close(t["W1"][1, 0] + rate * t["dW1"][1, 0], t["W1"][1, 0] - rate * t["dW1"][1, 0]),
    }
    assert [k for k, v in oracle.items() if not v] == [k for k in oracle if k.endswith("_slip")]  # (tells each apart)
    got = _verify(tmp_path, SPEC, DOC)
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)


def test_pair_names_are_read_in_the_row_convention_too(tmp_path):
    """The same answer under a spec laying W out as rows (z = W x): w21 is still input 2 → hidden unit 1."""
    got = _verify(tmp_path, SPEC.replace('convention = "column"', 'convention = "row"'), DOC)
    assert got["w21"].verdict == "correct" and got["w21_slip"].verdict == "incorrect", got["w21"].message
    assert got["dnet"].verdict == "correct" and got["dnet_slip"].verdict == "incorrect", got["dnet"].message


def test_pair_names_whose_own_products_contradict_the_order_are_not_read(tmp_path):
    """An answer whose forward sum pairs w12 with input 2 (target first) is no source-first naming: nothing is read
    so, and a claim in those names is not judged on a guess."""
    body = (r"$$net_{o} = w1o * out_{h1} + w2o * out_{h2} + w3o * out_{h3}$$" "\n\n"
            r"$$net_{h1} = w11 * out_{i1} + w12 * out_{i2}$$" "\n\n"
            r"$$net_{h2} = w21 * out_{i1} + w22 * out_{i2}$$" "\n\n"
            r"$$\frac{\partial E_{total}}{\partial w12} = \delta h1 * out_{i2} \tag{q}$$" "\n")
    got = _verify(tmp_path, SPEC, body)
    assert got["q"].verdict == "unchecked", got["q"].message


def test_blocks_set_apart_by_shortintertext_alone_are_two_claims(tmp_path):
    """Korniak's gather: 1/(1 + e^{-net_o}) = out_o, then \\shortintertext{a więc:} and ∂out_o/∂net_o = out_o (1 − out_o)
    with no row break between the blocks. Both hold (σ'(z) = σ(z)(1 − σ(z)), checked here numerically); run together,
    out_o and the next block's ∂ were read as one product and judged wrong."""
    z = np.linspace(-3, 3, 7)
    slope = central_differences(lambda p: float(np.sum(_sigmoid(p["z"]))), {"z": z.copy()})["z"]
    assert _close(slope, _sigmoid(z) * (1 - _sigmoid(z)))
    body = ("\\begin{gather}\n  \\begin{aligned}\n    \\frac{1}{1+e^{-net_{o}}}=out_o\n  \\end{aligned}\n"
            "  \\shortintertext{a więc:}\n  \\begin{aligned}\n"
            "    \\frac{\\partial out_{o}}{\\partial net_{o}} = out_{o}(1 - out_{o})\n  \\end{aligned}\n\\end{gather}\n")
    got = _verify(tmp_path, SPEC.replace("units = 3", "units = 2"), body, name="answer.tex")
    assert len(got) == 2 and all(r.verdict == "correct" for r in got.values()), {k: r.message for k, r in got.items()}


# ---- a number put in whose own claim is left unjudged ----------------------------------------------------------------

NUMBERS_SPEC = SPEC.replace("units = 3", "units = 2")

#: Korniak's slip on a network of his kind: E = 1/n (d − o)² (no ½, a definition that does not read), its derivative
#: by out_o written without the 2 — so δ_o and every number after it is half the true one
NUMBERS = r"""
$$E(O)=1/n*(d-o)^2$$

$$net_{h1} = w11 * out_{i1} + w21 * out_{i2} = 0.5 * 0 + 0.1 * 1 = 0.1$$

$$out_{h1} = \frac{1}{1+e^{-net_{h1}}} = \frac{1}{1+e^{-0.1}} \approx 0.525$$

$$\delta_{o} = -(d_{o} - out_{o}) * out_{o}(1 - out_{o}) \approx -0.064$$

$$\frac{\partial E_{total}}{\partial w1o} = \delta_{o} * out_{h1} \approx -0.064 * 0.525 \approx -0.0336 \tag{grad}$$

$$w1o^{+} = w1o - \eta * \frac{\partial E_{total}}{\partial w1o} = 0.4 - 0.1 * -0.0336 = 0.40336 \tag{step}$$
"""


def test_a_step_on_a_number_whose_claim_is_left_unjudged_is_not_judged_correct(tmp_path):
    """The step's arithmetic and formula hold, but the gradient it puts in (−0.0336, from δ_o = −0.064) is half the
    true one for the answer's own E = (d − o)² at its numbers (d = 1, out_o = 0.697: the oracle below) — the claim
    stating it is left unjudged (its objective's scale unknown), so the step may not be judged correct either."""
    out_o, d, out_h1 = 0.697, 1.0, 1 / (1 + np.exp(-0.1))
    net_o = np.log(out_o / (1 - out_o))
    true_delta = central_differences(lambda p: (d - _sigmoid(p["n"][0])) ** 2, {"n": np.array([net_o])})["n"][0]
    assert abs(true_delta * out_h1 - (-0.0336)) > 0.02  # the stated gradient is not the true one
    got = _verify(tmp_path, NUMBERS_SPEC, NUMBERS)
    assert got["grad"].verdict != "correct", got["grad"].message
    assert got["step"].verdict != "correct", got["step"].message
    assert "puts in the number grad states" in got["step"].message, got["step"].message


# ---- Bishop's letters on units numbered across the network (a UCSC homework write-up's kind) ----------------------

#: a 2-2-1 network without biases, a_j = Σ_i w_ji z_i (the row convention), sigmoid hidden units 3, 4, a linear output 5
BISHOP_SPEC = (SPEC.replace('"pair_names"', '"units_across"').replace('"column"', '"row"').replace("units = 3", "units = 2")
               .replace('units = 1\nactivation = "sigmoid"', 'units = 1\nactivation = "identity"'))

BISHOP = r"""Going forward: $a_3 = \sum_{i=1}^{2} w_{3i} z_{i}$, $z_3 = \sigma(a_3)$, $a_4 = \sum_{i=1}^{2} w_{4i} z_{i}$,
$z_4 = \sigma(a_4)$, $a_5 = \sum_{i=3}^{4} w_{5i} z_{i}$, $z_5 = a_5$.

$$\frac{\partial E}{\partial a_{5}} = \left( a_5 - t \right) \tag{d5}$$

$$\frac{\partial E}{\partial a_{5}} = \left( t - a_5 \right) \tag{d5_slip}$$

$$\frac{\partial E}{\partial a_4} = \left( \frac{\partial E}{\partial a_5}*w_{5,4} \right)z_4(1-z_4) \tag{d4}$$

$$\frac{\partial E}{\partial a_4} = \left( \frac{\partial E}{\partial a_5}*w_{5,3} \right)z_4(1-z_4) \tag{d4_slip}$$

$$\frac{\partial E}{\partial w_{4,2}} = \delta_4 z_2 \tag{w42}$$

$$\frac{\partial E}{\partial w_{4,2}} = \delta_4 z_1 \tag{w42_slip}$$
"""


def test_bishops_a_and_z_of_units_numbered_across_the_network_as_central_differences_decide(tmp_path):
    """a_j the summed input and z_j the output of unit j (inputs 1–2, hidden 3–4, output 5), t the target beside the
    output's (a_5 − t), w_{5,4} into unit 5 from unit 4; δ_j = ∂E/∂a_j."""
    rng = np.random.default_rng(760)
    W1, w2, x, t = rng.normal(size=(2, 2)), rng.normal(size=2), rng.normal(size=2), rng.normal()

    def loss(W1, w2):
        return 0.5 * (_sigmoid(W1 @ x) @ w2 - t) ** 2

    grads = central_differences(lambda p: loss(p["W1"], p["w2"]), {"W1": W1.copy(), "w2": w2.copy()})
    a_hidden = W1 @ x
    z_hidden = _sigmoid(a_hidden)
    a5 = z_hidden @ w2
    d5 = central_differences(lambda p: 0.5 * (p["a"][0] - t) ** 2, {"a": np.array([a5])})["a"][0]
    d_hidden = central_differences(lambda p: 0.5 * (_sigmoid(p["a"]) @ w2 - t) ** 2, {"a": a_hidden.copy()})["a"]
    z3, z4 = z_hidden
    oracle = {
        "d5": _close(a5 - t, d5), "d5_slip": _close(t - a5, d5),
        "d4": _close(d5 * w2[1] * z4 * (1 - z4), d_hidden[1]), "d4_slip": _close(d5 * w2[0] * z4 * (1 - z4), d_hidden[1]),
        "w42": _close(d_hidden[1] * x[1], grads["W1"][1, 1]), "w42_slip": _close(d_hidden[1] * x[0], grads["W1"][1, 1]),
    }
    assert [k for k, v in oracle.items() if not v] == [k for k in oracle if k.endswith("_slip")]
    got = _verify(tmp_path, BISHOP_SPEC, BISHOP)
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)


def test_an_update_row_with_the_gradient_put_in_as_its_stated_number_is_not_judged_at_random_points(tmp_path):
    """w_{5,3} = w_{5,3} − 0.1 · (−½) after ∂E/∂w_{5,3} = … = −½: the number stands for the gradient the answer stated,
    which no random point has — judged there, the row was a false reject (the arithmetic −0.1 · (−½) = 0.05 is right)."""
    assert abs(0.0 - 0.1 * -0.5 - 0.05) < 1e-12
    body = (BISHOP.split("$\\frac{\\partial E}{\\partial a_{5}}")[0]
            + "$$\\frac{\\partial E}{\\partial w_{5,3}} = \\delta_5 z_3 = -1*\\frac{1}{2} = -\\frac{1}{2} \\tag{g}$$\n\n"
            "$$\\frac{\\partial E}{\\partial w_{5,4}} = \\delta_5 z_4$$\n\n"
            "$$w_{5,3} = w_{5,3} - 0.1*-\\frac{1}{2} = 0.05 \\tag{step}$$\n")
    got = _verify(tmp_path, BISHOP_SPEC, body)
    assert got["step"].verdict != "incorrect", got["step"].message


# ---- an error carried forward only from the truth of what the earlier claim stated -------------------------------

CHAIN_SPEC = """name = "square_chain"
convention = "row"
inputs = 1

[[layers]]
units = 1
activation = "sigmoid"

[[layers]]
units = 1
activation = { name = "square", formula = "x^2" }

[loss]
name = "sum_squared_error"

[optimizer]
name = "sgd"
learning_rate = 0.1
"""

#: x → h = σ(w x + b) → y = h² → L = (y − t)², x = 2, w = 0.5, b = 1, t = 0.8 (the second unit's weight 1, bias 0)
CHAIN = """batch = 1

[values]
x = [2.0]
y = [0.8]
W1 = [[0.5]]
b1 = [1.0]
W2 = [[1.0]]
b2 = [0.0]

[[claims]]
id = "z"
latex = '''
z = 0.5(2) + 1 = 2'''

[[claims]]
id = "h"
latex = '''
h = 1/(1 + e^(-2))
h ≈ **0.8808**'''

[[claims]]
id = "y"
latex = '''
y = (0.8808)²
y ≈ **0.7758**'''

[[claims]]
id = "dLdy"
latex = '''
∂L/∂y = 2(y - t)
      = 2(0.7758 - 0.8)
      = **-0.0484**'''

[[claims]]
id = "dydh"
latex = '''
∂y/∂h = h
      = 2(0.8808)
      = **1.7616**'''

[[claims]]
id = "dhdw"
latex = '''
∂h/∂w = x σ(z)(1 - σ(z))
      = 2 × 0.8808 × 0.1192
      = **0.2100**'''

[[claims]]
id = "dhdb"
latex = '''
∂h/∂b = σ(z)(1 - σ(z))
      = 0.8808 × 0.1192
      = **0.1050**'''

[[claims]]
id = "dLdb"
latex = '''
∂L/∂b = (∂L/∂y)(∂y/∂h)(∂h/∂b)
      = (-0.0484)(1.7616)(0.2100)
      = **-0.0179**'''
"""


def test_a_wrong_factor_is_not_excused_by_an_earlier_wrong_claims_other_side(tmp_path):
    """∂y/∂h = h = 2(0.8808) = 1.7616: the formula is wrong (y = h², so 2h) but the number is right. The last product
    puts ∂h/∂w's 0.2100 in for ∂h/∂b (0.1050): wrong, and not right on any earlier number's truth — 0.8808 (h, the
    value the first link compared with) × 0.2100 happens to equal 1.7616 × 0.1050, which once made it "carried
    forward"."""
    x, w, b, t = 2.0, 0.5, 1.0, 0.8

    def loss(p):
        h = 1 / (1 + np.exp(-(w * x + p["b"][0])))
        return (h ** 2 - t) ** 2

    true_dLdb = central_differences(loss, {"b": np.array([b])})["b"][0]
    h = 1 / (1 + np.exp(-(w * x + b)))
    assert abs(2 * h - 1.7616) < 1e-4 and abs(true_dLdb - (-0.0179)) > 0.005  # the number right, the product wrong
    got = _verify(tmp_path, CHAIN_SPEC, CHAIN, name="answer.toml")
    assert got["dydh"].verdict == "incorrect", got["dydh"].message
    assert got["dLdb"].verdict == "incorrect", got["dLdb"].message


def test_a_bare_t_is_no_step_count_where_the_optimizer_counts_none(tmp_path):
    """Under plain SGD, ``\\hat y − t`` with t nothing the answer defines was read with t the optimizer's step count,
    1 — a number, so a right claim (t the target) was judged wrong. Now t names nothing there: unchecked, with the
    [notation] line. (The oracle: ŷ − 1 is not ŷ − y at a random point, so a verdict read that way would be a guess.)"""
    rng = np.random.default_rng(5)
    yhat, y = rng.uniform(size=2)
    assert not np.isclose(yhat - 1.0, yhat - y)
    body = "$$\\frac{\\partial E}{\\partial \\hat{y}} = \\hat{y} - t \\tag{a}$$\n"
    got = _verify(tmp_path, BISHOP_SPEC, body)
    assert got["a"].verdict == "unchecked" and "\"t\" = \"y\"" in got["a"].message, got["a"].message


# ---- ℓ as a unit's letter, u the summed input, o the output, θ the weights, Err the objective ----------------------

FUAT_SPEC = (SPEC.replace('"pair_names"', '"ell_units"').replace('"column"', '"row"').replace("inputs = 2", "inputs = 3")
             .replace("units = 3", "units = 4").replace('"squared_error"', '"sum_squared_error"'))

FUAT = r"""Layer ℓ → layer i → layer j; each neuron has its pre-activation $u$ and its output $o$:

$$u_i = \sum_{\ell} \theta_{i\ell} \cdot o_\ell$$

$$o_i = \sigma(u_i)$$

$$Err = \sum_i (y^{(i)} - \hat{y}^{(i)})^2$$

$$\frac{\partial Err}{\partial \theta_{i\ell}} = \delta_i \cdot o_\ell \tag{grad}$$

$$\frac{\partial Err}{\partial \theta_{i\ell}} = \delta_\ell \cdot o_i \tag{grad_slip}$$

$$\delta_i = \sigma'(u_i) \cdot \sum_j \delta_j \cdot \theta_{ji} \tag{hidden}$$

$$\delta_i = \sigma'(u_i) \cdot \sum_j \delta_j \cdot \theta_{ij} \tag{hidden_slip}$$

$$\delta_k = -2(y - \hat{y}) \cdot \sigma'(u_k) \tag{out}$$

$$\delta_k = -(y - \hat{y}) \cdot \sigma'(u_k) \tag{out_slip}$$

$$\delta_k = \frac{\partial Err}{\partial \hat{y}} \cdot \sigma'(u_k) \tag{out_chain}$$
"""


def test_ell_as_a_units_letter_with_u_o_theta_and_err_as_central_differences_decide(tmp_path):
    """Fuat Karakaya's notes' letters on a 3-4-1 network (θ_{iℓ} into unit i from unit ℓ, Err = Σ (y − ŷ)², no ½):
    each rule checked at every layer it can be, by central differences of Err."""
    rng = np.random.default_rng(2027)
    T1, T2, x, y = rng.normal(size=(4, 3)), rng.normal(size=(1, 4)), rng.normal(size=3), rng.uniform()

    def err(T1, T2):
        return float(((y - _sigmoid(T2 @ _sigmoid(T1 @ x))) ** 2).sum())

    grads = central_differences(lambda p: err(p["T1"], p["T2"]), {"T1": T1.copy(), "T2": T2.copy()})
    u1 = T1 @ x
    o1 = _sigmoid(u1)
    u2 = T2 @ o1
    yhat = _sigmoid(u2)
    d2 = central_differences(lambda p: float(((y - _sigmoid(p["u"])) ** 2).sum()), {"u": u2.copy()})["u"]
    d1 = central_differences(lambda p: float(((y - _sigmoid(T2 @ _sigmoid(p["u"]))) ** 2).sum()), {"u": u1.copy()})["u"]
    slope = lambda u: _sigmoid(u) * (1 - _sigmoid(u))  # noqa: E731
    oracle = {
        "grad": _close(np.outer(d1, x), grads["T1"]) and _close(np.outer(d2, o1), grads["T2"]),
        "grad_slip": _close(np.outer(yhat, d1), grads["T2"]),  # δ_ℓ o_i at the output layer: ℓ hidden, i the output
        "hidden": _close(slope(u1) * (T2.T @ d2), d1),
        # θ_{ij} for θ_{ji}: "into hidden unit i from output unit j" — the network has no such weight (θ⁽²⁾ is 1 × 4,
        # into the output from the hidden units), so no value makes the slip right
        "hidden_slip": T2.shape != (1, 4),
        "out": _close(-2 * (y - yhat) * slope(u2), d2), "out_slip": _close(-(y - yhat) * slope(u2), d2),
        "out_chain": _close(-2 * (y - yhat) * slope(u2), d2),
    }
    assert oracle == {"grad": True, "grad_slip": False, "hidden": True, "hidden_slip": False, "out": True,
                      "out_slip": False, "out_chain": True}
    got = _verify(tmp_path, FUAT_SPEC, FUAT)
    for cid in ("grad", "hidden", "out", "out_chain"):
        assert got[cid].verdict == "correct", (cid, got[cid].message)
    assert got["out_slip"].verdict == "incorrect", got["out_slip"].message
    assert got["grad_slip"].verdict == "incorrect", got["grad_slip"].message
    assert got["hidden_slip"].verdict != "correct", got["hidden_slip"].message  # (incorrect: its index counts two sizes)


def test_a_code_comment_after_a_plain_text_formula_is_not_part_of_it(tmp_path):
    """kgwilson's plain-text notes: ``dl/dW_i = x_{i-1}.T @ dl/dz_i # <- transpose to make shape match``. The comment
    was read as part of the formula (unexpected character '#'); now the formula before it is judged — the right and
    the wrong copy told apart as NumPy decides (one sigmoid unit, a batch of N rows, the mean squared error)."""
    spec = """name = "rows"
convention = "column"
inputs = 3

[[layers]]
units = 1
activation = "sigmoid"

[loss]
name = "mean_squared_error"
"""
    rng = np.random.default_rng(11)
    n = 4
    X, W, b, Y = rng.normal(size=(n, 3)), rng.normal(size=(3, 1)), rng.normal(size=1), rng.normal(size=(n, 1))
    loss = lambda W: float(((_sigmoid(X @ W + b) - Y) ** 2).sum() / n)  # noqa: E731
    dW = central_differences(lambda p: loss(p["W"]), {"W": W.copy()})["W"]
    A = _sigmoid(X @ W + b)
    assert _close(X.T @ (2 * (A - Y) / n * A * (1 - A)), dW) and not _close(X.T @ (2 * (A - Y) / n), dW)
    body = ("Notes, batch as rows:\n\n"
            "    1. dL/dW1 = X.T @ (2 * (A1 - Y) / N * A1 * (1 - A1)) # <- transpose to make shape match\n"
            "    2. dL/dW1 = X.T @ (2 * (A1 - Y) / N) # <- the slope forgotten\n")
    got = _verify(tmp_path, spec, body, name="notes.md")
    assert [r.verdict for r in got.values()] == ["correct", "incorrect"], {k: r.message for k, r in got.items()}


# ---- plain-text NumPy notes with a layer letter of their own (kgwilson's kind) -------------------------------------

NUMPY_SPEC = """name = "numpy_rows"
convention = "column"
inputs = 3

[[layers]]
units = 4
activation = "sigmoid"

[[layers]]
units = 2
activation = "sigmoid"

[loss]
name = "mean_squared_error"
"""

NUMPY_NOTES = """# Backprop, as the code does it

    1. z_i = x_{i-1} @ W_i + b_i
    2. z_{i-1} = x_{i-2} @ W_{i-1} + b_{i-1}
    3. dL/dW_i = x_{i-1}.T @ dL/dz_i
    4. dL/dW_i = dL/dz_i @ x_{i-1}.T
    5. dL/dx_{i-1} = dL/dz_i @ W_i.T
    6. dL/dx_{i-1} = dL/dz_i @ W_i
    7. dz_i/dx_{i-1} = W_i
    8. dl/dz_{i-1} = dl/dx_{i-1} * dact/dz_{i-1}
    9. dl/dz_{i-1} = dl/dx_{i-1} * act(z_{i-1})
"""


def test_numpy_notes_with_their_own_layer_letter_as_central_differences_decide(tmp_path):
    """z_i = x_{i-1} @ W_i + b_i with W_{i-1} beside it: i numbers the layers and x_{i-1} is the layer before's output
    (x_0 the input); dz_i/dx_{i-1} is a derivative (read as two of Ng's d-letters it was a ratio of gradients) whose
    layout the notes never fix — W_i or W_iᵀ — so it is not judged; dl/… is the loss's, dact/dz the activation's
    slope. The rules hold at every layer, as NumPy shows."""
    rng = np.random.default_rng(4)
    X, Y = rng.normal(size=(5, 3)), rng.normal(size=(5, 2))
    W = [rng.normal(size=(3, 4)), rng.normal(size=(4, 2))]
    b = [rng.normal(size=4), rng.normal(size=2)]

    def forward(W, b, X):
        xs, zs = [X], []
        for Wl, bl in zip(W, b, strict=True):
            zs.append(xs[-1] @ Wl + bl)
            xs.append(_sigmoid(zs[-1]))
        return xs, zs

    def loss_from(level, value):  # the loss with layer level's summed input set to value (1-based)
        x = _sigmoid(value)
        for Wl, bl in zip(W[level:], b[level:], strict=True):
            x = _sigmoid(x @ Wl + bl)
        return float(((x - Y) ** 2).mean())

    xs, zs = forward(W, b, X)
    ok = {3: True, 4: True, 5: True, 6: True}
    for level in (1, 2):
        dz = central_differences(lambda p, level=level: loss_from(level, p["z"]), {"z": zs[level - 1].copy()})["z"]
        def loss_w(p, level=level):
            Ws = [p["W"] if k == level - 1 else W[k] for k in range(2)]
            x = forward(Ws, b, X)[0][-1]
            return float(((x - Y) ** 2).mean())
        dW = central_differences(loss_w, {"W": W[level - 1].copy()})["W"]
        ok[3] &= _close(xs[level - 1].T @ dz, dW)
        ok[4] &= dz.shape[1] == xs[level - 1].shape[1] and _close(dz @ xs[level - 1].T, dW)  # (no product: sizes differ)
        if level == 2:  # dL/dx_1 by central differences, x_1 the hidden layer's output
            dx = central_differences(lambda p: float(((_sigmoid(p["x"] @ W[1] + b[1]) - Y) ** 2).mean()),
                                     {"x": xs[1].copy()})["x"]
            ok[5] &= _close(dz @ W[1].T, dx)
            dz1 = central_differences(lambda p: loss_from(1, p["z"]), {"z": zs[0].copy()})["z"]
            ok[8] = _close(dx * _sigmoid(zs[0]) * (1 - _sigmoid(zs[0])), dz1)  # dl/dz_1 = dl/dx_1 ⊙ act'(z_1)
            ok[9] = _close(dx * _sigmoid(zs[0]), dz1)  # act for its slope
            ok[6] &= dz.shape[1] == W[1].shape[0] and _close(dz @ W[1], dx)  # (2 ≠ 4: the slip has no product)
    assert ok == {3: True, 4: False, 5: True, 6: False, 8: True, 9: False}
    got = _verify(tmp_path, NUMPY_SPEC, NUMPY_NOTES, name="notes.md")
    assert [got[f"line {n}"].verdict for n in (5, 6, 7, 8)] == ["correct", "incorrect", "correct", "incorrect"], {
        k: r.message for k, r in got.items()}
    assert got["line 9"].verdict == "unchecked", got["line 9"].message  # the Jacobian's layout is the notes' own
    # the loss spelled l, the activation's slope dact/dz (act the notes' name for the activation function)
    assert [got["line 10"].verdict, got["line 11"].verdict] == ["correct", "incorrect"], (
        got["line 10"].message, got["line 11"].message)


# ---- heldout27's classes: a quantity of a data point, a module's own input, the document's own math environment ----

def test_a_quantity_of_a_data_point_is_that_examples(tmp_path):
    """joaogci's batch as columns: ``\\frac{\\partial C}{\\partial b^{(l)}} = \\sum_{i=1}^n \\delta^{(l)}(x_i)`` — δ of
    data point i (read as δ times x_i it was judged wrong); without the sum, which point is not said (unchecked). The
    oracle: a bias gradient is the sum of the examples' δ, by central differences on a batch of 4."""
    rng = np.random.default_rng(3)
    W, b, X, Y = rng.normal(size=(2, 3)), rng.normal(size=2), rng.normal(size=(3, 4)), rng.uniform(size=(2, 4))
    loss = lambda b: float(0.5 * ((_sigmoid(W @ X + b[:, None]) - Y) ** 2).sum())  # noqa: E731
    db = central_differences(lambda p: loss(p["b"]), {"b": b.copy()})["b"]
    A = _sigmoid(W @ X + b[:, None])
    delta = (A - Y) * A * (1 - A)
    assert _close(delta.sum(axis=1), db) and not _close((delta * X[:2]).sum(axis=1), db)
    spec = SPEC.replace('"column"', '"row"').replace("inputs = 2", "inputs = 3").replace(
        'units = 3\nactivation = "sigmoid"\nbias = false\n\n[[layers]]\nunits = 1\nactivation = "sigmoid"\nbias = false',
        'units = 2\nactivation = "sigmoid"')
    body = ("With the $n$ data points as columns,\n\n"
            "$$\\frac{\\partial C}{\\partial b^{(1)}} = \\sum_{i=1}^n\\delta^{(1)}(x_i) \\tag{sum}$$\n\n"
            "$$\\frac{\\partial C}{\\partial b^{(1)}} = \\delta^{(1)}(x_i) \\tag{one}$$\n")
    got = _verify(tmp_path, spec, body, name="answer.md")
    assert got["sum"].verdict == "correct", got["sum"].message
    assert got["one"].verdict == "unchecked", got["one"].message


def test_a_loss_layers_input_gradient_is_not_read_as_the_networks(tmp_path):
    """hmtbgc's module-by-module report: the loss layer's ``\\frac{\\partial L}{\\partial X} = -\\frac{1}{n}(Y-\\hat{Y})``,
    its X the logits. In a network with a hidden layer the input's gradient carries W back (NumPy: it is not even the
    input's shape), so the claim is about the module's own input: unchecked, never wrong by its shapes."""
    rng = np.random.default_rng(8)
    W1, W2, x = rng.normal(size=(5, 4)), rng.normal(size=(3, 5)), rng.normal(size=4)
    assert (W2 @ W1).T.shape[0] == x.shape[0] != W2.shape[0]  # ∂/∂x is 4-dimensional, Y − Ŷ 3-dimensional
    spec = SPEC.replace("inputs = 2", "inputs = 4").replace("units = 3", "units = 5").replace(
        'units = 1\nactivation = "sigmoid"', 'units = 3\nactivation = "softmax"').replace(
        '"squared_error"', '"cross_entropy"')
    body = "$$\\frac{\\partial{L}}{\\partial{X}}=-\\frac{1}{n}(Y-\\hat{Y}) \\tag{loss}$$\n"
    got = _verify(tmp_path, spec, body)
    assert got["loss"].verdict == "unchecked", got["loss"].message


def test_a_derivative_by_the_bias_of_a_layer_without_one_is_unchecked_not_an_internal_error(tmp_path):
    """A spec whose layers say bias = false, a claim ∂z/∂b: the network has no b — said so, never "internal error"."""
    got = _verify(tmp_path, SPEC, "$$\\frac{\\partial z^{(2)}_1}{\\partial b^{(2)}_1} = 1 \\tag{a}$$\n")
    assert got["a"].verdict == "unchecked" and "no bias" in got["a"].message, got["a"].message


def test_an_environment_the_document_defines_as_an_equation_is_read_with_its_macros(tmp_path):
    """Soliday's ``\\NewEnviron{tcequation}{\\begin{equation}…\\BODY…}`` and ``\\pfrac{a}{b}`` = ``\\partial#1 …``: every
    display is such an environment (none was read), and ``\\pfrac{\\VAR{a}{L}{m}}{…}`` expands to ``\\partial a^{(L)}_m``
    (not the command ``\\partiala``). The oracle: ∂z_m/∂b_m = 1 and ∂z_m/∂W_{m,k} = a_k for z = b + W a."""
    rng = np.random.default_rng(2)
    W, b, a = rng.normal(size=(2, 3)), rng.normal(size=2), rng.normal(size=3)
    dzdb = central_differences(lambda p: float((p["b"] + W @ a)[0]), {"b": b.copy()})["b"]
    dzdW = central_differences(lambda p: float((b + p["W"] @ a)[0]), {"W": W.copy()})["W"]
    assert _close(dzdb, [1, 0]) and _close(dzdW[0], a)
    body = (r"""\documentclass{article}
\usepackage{environ}
\newcommand{\VAR}[3]{#1^{(#2)}_{#3}}
\newcommand{\efrac}[2]{\displaystyle\frac{#1}{#2}}
\newcommand{\pfrac}[2]{\efrac{\partial#1}{\partial#2}}
\NewEnviron{tcequation}{%
  \begin{equation}\scalebox{1.4}
    {$\BODY$}
  \end{equation}
}
\begin{document}
\begin{tcequation}
  \pfrac{\VAR{z}{2}{m}}{\VAR{b}{2}{m}} = 1
  \label{eq:db}
\end{tcequation}
\begin{tcequation}
  \pfrac{\VAR{z}{2}{m}}{\VAR{b}{2}{m}} = \VAR{a}{1}{m}
  \label{eq:db_slip}
\end{tcequation}
\end{document}
""")
    got = _verify(tmp_path, SPEC.replace('"column"', '"row"').replace("bias = false", "bias = true"), body,
                  name="answer.tex")
    assert set(got) == {"eq:db", "eq:db_slip"}, set(got)
    assert got["eq:db"].verdict == "correct" and got["eq:db_slip"].verdict == "incorrect", (
        got["eq:db"].message, got["eq:db_slip"].message)


def test_ell_the_loss_is_not_read_as_a_unit_letter(tmp_path):
    """A document that sums over ℓ as over units and also writes ℓ as the loss (∂ℓ/∂z): ℓ stays the loss there — the
    unit reading applies only when ℓ is nothing else. The oracle: for one sigmoid unit, ∂ℓ/∂z = ŷ − y for the
    cross-entropy ℓ (central differences)."""
    z, y = 0.3, 1.0
    ell = lambda z: -(y * np.log(_sigmoid(z)) + (1 - y) * np.log(1 - _sigmoid(z)))  # noqa: E731
    assert _close(central_differences(lambda p: ell(p["z"][0]), {"z": np.array([z])})["z"], [_sigmoid(z) - y])
    spec = (SPEC.replace("inputs = 2", "inputs = 3").replace('[[layers]]\nunits = 3\nactivation = "sigmoid"\nbias = false\n\n', "")
            .replace('"squared_error"', '"binary_cross_entropy"'))
    body = ("$$z = \\sum_{\\ell} \\theta_{\\ell} x_\\ell$$\n\n"
            "$$\\frac{\\partial \\ell}{\\partial z} = \\hat{y} - y \\tag{a}$$\n")
    got = _verify(tmp_path, spec, body)
    assert "ℓ is a unit's letter" not in " ".join(got["a"].notes), got["a"].notes
    assert got["a"].verdict == "correct", got["a"].message
