"""Notations of the thirteenth round (issue 10, verify13d), in small documents of my own written as those authors write:

- units named by a letter and a number, a hand forward pass as primelearnpoint's "Backpropagation solved Numerical
  2x2" sets one out (H₁, H₂, Y₁, Y₂, w₁ … w₈ numbered unit by unit, x₁ = 0.05, x₂ = 0.10), written here as ``z_{h1} =
  w_1 x_1 + w_2 x_2 + b_1``, ``h1 = \\sigma(z_{h1})``, ``z_{y2} = w_7 h1 + w_8 h2`` (A-R007's answer writes ``z_{H1}``,
  ``H1``); its hidden biases are ours;
- a prediction written y' beside the target y (A-R007's ``\\frac{\\partial L}{\\partial y'} = (y' - y)``);
- a single neuron's formulas in bare letters before a network whose hidden layer is not the neuron's (JoseFRuiz's
  Spanish notes: ``z = w x + b``, ``a = \\sigma(z)``, then a ReLU hidden layer), σ'^l the derivative of layer l's
  activation, and a chain of Jacobians written loosely for a bias (``∂L/∂b = ∂L/∂a · ∂a/∂z · ∂z/∂b``);
- arithmetic on numbers that writes one number on both sides (``0.4 - 0.1 \\times (-0.048) = 0.4 - 0.0048``).

Each has planted mistakes. Every expected verdict is the formula's truth, decided here in NumPy — forward passes typed
by hand and central differences — never by verify."""

from __future__ import annotations

import numpy as np
from gradproof.verify.cli import verify_file

from tests.conftest import central_differences


def _run(tmp_path, doc, spec, name="hw.md"):
    (tmp_path / "net.toml").write_text(spec, encoding="utf-8")
    (tmp_path / name).write_text(doc, encoding="utf-8")
    results, _, _ = verify_file(str(tmp_path / name), str(tmp_path / "net.toml"))
    return {r.id: r for r in results}


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


# -- units named by a letter and a number ----------------------------------------------------------------------------

X = np.array([0.05, 0.10])
W1 = np.array([[0.15, 0.20], [0.25, 0.30]])  # w_1, w_2 into h1; w_3, w_4 into h2 (unit by unit)
B1 = np.array([0.35, 0.35])
W2 = np.array([[0.40, 0.45], [0.50, 0.55]])  # w_5, w_6 into y_1; w_7, w_8 into y_2


def _spec(*layers, inputs=2, rate=0.5):
    """A spec of dense layers, each (units, activation, bias), the squared error ½‖ŷ − y‖² and plain SGD."""
    body = "".join(f'\n[[layers]]\nunits = {n}\nactivation = "{act}"\nbias = {str(bias).lower()}\n' for n, act, bias in layers)
    return f"""name = "thirteenth_d"
convention = "row"
inputs = {inputs}
{body}
[loss]
name = "squared_error"

[optimizer]
name = "sgd"
learning_rate = {rate}
"""


def _unit_spec(outputs=2, hidden_bias=True):
    return _spec((2, "sigmoid", hidden_bias), (outputs, "sigmoid", False))


def _unit_answers(planted: bool) -> str:
    zh = W1 @ X + B1
    h = _sigmoid(zh)
    zy = W2 @ h
    y = _sigmoid(zy)
    # planted: w_2 = 0.20 used for w_3 (the wrong weight); w_6 for w_8; a copied output rounded wrong
    w3 = "0.20" if planted else "0.25"
    w8 = "w_6" if planted else "w_8"
    y2 = y[1] - 0.0098 if planted else y[1]
    claims = [
        ("zh1", r"z_{h1} = w_1 x_1 + w_2 x_2 + b_1"),
        ("zh1.values", rf"z_{{h1}} = 0.15 \cdot 0.05 + 0.20 \cdot 0.10 + 0.35 = {zh[0]:.4f}"),
        ("h1", rf"h1 = \sigma(z_{{h1}}) = \frac{{1}}{{1 + e^{{-{zh[0]:.4f}}}}} = {h[0]:.4f}"),
        ("zh2", r"z_{h2} = w_3 x_1 + w_4 x_2 + b_2"),
        ("zh2.values", rf"z_{{h2}} = {w3} \cdot 0.05 + 0.30 \cdot 0.10 + 0.35"),
        ("h2", rf"h2 = \sigma({zh[1]:.4f}) = {h[1]:.4f}"),
        ("zy1", r"z_{y1} = w_5 h1 + w_6 h2"),
        ("zy1.values", rf"z_{{y1}} = 0.40 \cdot {h[0]:.4f} + 0.45 \cdot {h[1]:.4f} = {zy[0]:.4f}"),
        ("zy2", rf"z_{{y2}} = w_7 h1 + {w8} h2"),
        ("y1", rf"y_1 = \sigma(z_{{y1}}) = {y[0]:.4f}"),
        ("final", rf"y_1 \approx {y[0]:.4f}, \quad y_2 \approx {y2:.4f}"),
    ]
    body = "\n".join(f'[[claims]]\nid = "{i}"\nlatex = \'\'\'{t}\'\'\'\n' for i, t in claims)
    return f"""spec = "net.toml"
batch = 1

[values]
x = [0.05, 0.10]
W1 = [[0.15, 0.20], [0.25, 0.30]]
b1 = [0.35, 0.35]
W2 = [[0.40, 0.45], [0.50, 0.55]]
y = [0.01, 0.99]

{body}"""


def test_units_named_by_letter_and_number_are_read_as_those_units(tmp_path):
    # the oracle: the forward pass typed by hand (every claim's true value) and each planted slip's size
    zh = W1 @ X + B1
    assert abs((0.20 * 0.05 + 0.30 * 0.10 + 0.35) - zh[1]) > 1e-3  # w_2 for w_3 (0.6 %: given numbers, nothing rounded)
    assert abs(W2[1] @ _sigmoid(zh) - (W2[1, 0] * _sigmoid(zh[0]) + W2[0, 1] * _sigmoid(zh[1]))) > 0.04
    right = _run(tmp_path, _unit_answers(False), _unit_spec(), "answers.toml")
    assert {k: r.verdict for k, r in right.items()} == dict.fromkeys(right, "correct"), {
        k: r.message for k, r in right.items() if r.verdict != "correct"}
    planted = _run(tmp_path, _unit_answers(True), _unit_spec(), "answers.toml")
    wrong = {k for k, r in planted.items() if r.verdict == "incorrect"}
    assert wrong == {"zh2.values", "zy2", "final"}, {k: (r.verdict, r.message) for k, r in planted.items()}


def test_unit_numbers_past_the_layer_are_not_read_as_units(tmp_path):
    # primelearnpoint's 2-2-1 example numbers its units across the network (h1, h2, o3): o3 is no unit of a one-unit
    # output layer, so nothing is rewritten, and nothing is judged wrong on a guess
    doc = """spec = "net.toml"
batch = 1

[values]
x = [0.35, 0.70]
W1 = [[0.2, 0.2], [0.3, 0.3]]
W2 = [[0.3, 0.9]]
y = [1.0]

[[claims]]
id = "zh1"
latex = '''z_{h1} = (0.2)(0.35) + (0.2)(0.70) = 0.2100'''

[[claims]]
id = "zo3"
latex = '''z_{o3} = (0.3)(0.5523) + (0.9)(0.5781) = 0.6860'''
"""
    spec = _unit_spec(outputs=1, hidden_bias=False)
    results = _run(tmp_path, doc, spec, "answers.toml")
    assert all(r.verdict != "incorrect" for r in results.values()), {k: r.message for k, r in results.items()}
    assert results["zo3"].verdict == "unchecked"


# -- y' the prediction; W_i one weight of one neuron ---------------------------------------------------------------

NEURON = _spec((1, "sigmoid", True), rate=0.1)


def _neuron_answers(planted: bool) -> str:
    dl = "(y - y')" if planted else "(y' - y)"
    slope = "(1 - y')" if planted else "y'(1 - y')"
    step = "+" if planted else "-"
    return f"""spec = "net.toml"
batch = 1

[[claims]]
id = "dL_dy"
latex = '''\\frac{{\\partial L}}{{\\partial y'}} = {dl}'''

[[claims]]
id = "chain"
latex = '''\\frac{{\\partial L}}{{\\partial W_i}} = \\frac{{\\partial L}}{{\\partial y'}} \\times \\frac{{\\partial y'}}{{\\partial W_i}}'''

[[claims]]
id = "dy_dW"
latex = '''\\frac{{\\partial y'}}{{\\partial W_i}} = x_i \\times {slope}'''

[[claims]]
id = "update"
latex = '''W_i = W_i {step} \\eta \\times \\frac{{\\partial L}}{{\\partial W_i}}'''
"""


def test_a_primed_prediction_and_one_neurons_weights(tmp_path):
    rng = np.random.default_rng(3)
    x, w, b, y = rng.normal(size=2), rng.normal(size=2), rng.normal(), 0.8
    pred = lambda p: _sigmoid(p["w"] @ x + b)  # noqa: E731
    yp = pred({"w": w})
    grad_y = central_differences(lambda p: _sigmoid(p["w"] @ x + b), {"w": w.copy()})["w"]
    grad_l = central_differences(lambda p: 0.5 * (y - pred(p)) ** 2, {"w": w.copy()})["w"]
    assert np.allclose(grad_y, x * yp * (1 - yp), atol=1e-7)  # ∂y'/∂W_i = x_i y'(1 − y') holds
    assert not np.allclose(grad_y, x * (1 - yp), atol=1e-3)  # the planted slope does not
    assert np.allclose(grad_l, (yp - y) * grad_y, atol=1e-7)  # ∂L/∂W_i = ∂L/∂y' ∂y'/∂W_i with ∂L/∂y' = y' − y
    right = _run(tmp_path, _neuron_answers(False), NEURON, "answers.toml")
    assert {k: r.verdict for k, r in right.items()} == dict.fromkeys(right, "correct"), {
        k: r.message for k, r in right.items()}
    planted = _run(tmp_path, _neuron_answers(True), NEURON, "answers.toml")
    assert {k: r.verdict for k, r in planted.items()} == {"dL_dy": "incorrect", "chain": "correct",
                                                          "dy_dW": "incorrect", "update": "incorrect"}


# -- a single neuron's bare letters before a network; σ'^l; a loose chain for a bias ---------------------------------

def _relu_spec(hidden="relu"):
    return _spec((3, hidden, True), (2, "sigmoid", True), rate=0.1)


def _neuron_then_network(planted: bool) -> str:
    slope = r"\sigma(z)" if planted else r"\sigma'(z)"  # planted: σ for σ'
    transpose = "" if planted else "^T"
    factor = "" if planted else r"\frac{\partial \mathbf{h}^{(1)}}{\partial \mathbf{z}^{(1)}} \cdot "
    dzdb = r"\frac{\partial \mathbf{z}^{(1)}}{\partial \mathbf{b}^{(1)}}"
    return rf"""# Una neurona

El modelo es $z = w x + b$ y $a = \sigma(z)$, con la pérdida $L = \frac{{1}}{{2}}(a - y)^2$.

$$\frac{{\partial L}}{{\partial a}} = a - y$$

$$\frac{{\partial L}}{{\partial b}} = (a - y) \cdot {slope}$$

$$\frac{{\partial L}}{{\partial w}} = (a - y) \cdot \sigma'(z) \cdot x$$

# Varias capas

$$z^l = W^l a^{{l-1}} + b^l$$

$$\delta^l = (W^{{l+1}}){transpose} \delta^{{l+1}} \odot \sigma'^l(z^l)$$

$$\frac{{\partial L}}{{\partial \mathbf{{b}}^{{(1)}}}} = \frac{{\partial L}}{{\partial \mathbf{{h}}^{{(1)}}}} \cdot {factor}{dzdb}$$
"""


def test_bare_letters_another_layers_definition_names_are_not_judged_wrong(tmp_path):
    # the oracle: the 2-3-2 network by hand at a random point; δ¹ = (W²)ᵀ δ² ⊙ ReLU'(z¹) and the chain for ∂L/∂b¹ hold,
    # the planted forms do not (W² δ² does not even multiply: 2×3 times 2×1; without ∂h/∂z the ReLU's zeros are lost)
    rng = np.random.default_rng(7)
    x, w1, b1, w2, b2, y = rng.normal(size=2), rng.normal(size=(3, 2)), rng.normal(size=3), rng.normal(size=(2, 3)), \
        rng.normal(size=2), np.array([1.0, 0.0])
    b1[0] = -abs(w1[0] @ x) - 1.0  # one hidden unit off: ReLU'(z) = 0 there

    def loss(p):
        h = np.maximum(0, w1 @ x + p["b1"])
        return 0.5 * float(((_sigmoid(w2 @ h + b2) - y) ** 2).sum())

    z1 = w1 @ x + b1
    h1 = np.maximum(0, z1)
    out = _sigmoid(w2 @ h1 + b2)
    d2 = (out - y) * out * (1 - out)
    d1 = (w2.T @ d2) * (z1 > 0)
    fd = central_differences(loss, {"b1": b1.copy()})["b1"]
    assert np.allclose(fd, d1, atol=1e-6)  # ∂L/∂b¹ = δ¹ = ∂L/∂h¹ ∂h¹/∂z¹ ∂z¹/∂b¹
    assert not np.allclose(fd, w2.T @ d2, atol=1e-3)  # ∂L/∂h¹ ∂z¹/∂b¹ alone is not

    # the neuron's formulas hold for the output layer, the one its loss ½(a − y)² is on: ∂L/∂a = a − y (by central
    # differences in a), ∂L/∂b² = (a − y) ⊙ σ'(z²); with σ for σ' they do not
    out, z2 = _sigmoid(w2 @ h1 + b2), w2 @ h1 + b2
    by_a = central_differences(lambda p: 0.5 * float(((p["a"] - y) ** 2).sum()), {"a": out.copy()})["a"]
    by_b2 = central_differences(lambda p: 0.5 * float(((_sigmoid(w2 @ h1 + p["b2"]) - y) ** 2).sum()), {"b2": b2.copy()})
    assert np.allclose(by_a, out - y, atol=1e-6) and np.allclose(by_b2["b2"], (out - y) * out * (1 - out), atol=1e-6)
    assert not np.allclose(by_b2["b2"], (out - y) * _sigmoid(z2), atol=1e-3)

    right = _run(tmp_path, _neuron_then_network(False), _relu_spec())
    verdicts = [r.verdict for r in right.values()]
    assert all(v != "incorrect" for v in verdicts), {k: r.message for k, r in right.items()}
    # z = w x + b, a = σ(z), the loss, ∂L/∂a, ∂L/∂b, then ∂L/∂w with the neuron's x (not the output layer's input):
    # unchecked, naming a = σ(z); then z^l, δ^l and the chain for ∂L/∂b¹
    assert verdicts[3:5] == ["correct", "correct"], [r.message for r in right.values()]
    # (twenty-second round: the section's own scalar graph z = w x + b, a = σ(z), L = ½(a − y)² judges it — right as
    # its own calculus, ∂L/∂w = (a − y) σ'(z) x by central differences in w)
    wv, xv, bv, yv, h = 0.7, 1.3, -0.2, 1.0, 1e-6
    zv = wv * xv + bv
    by_w = (0.5 * (_sigmoid((wv + h) * xv + bv) - yv) ** 2 - 0.5 * (_sigmoid((wv - h) * xv + bv) - yv) ** 2) / (2 * h)
    assert np.isclose(by_w, (_sigmoid(zv) - yv) * _sigmoid(zv) * (1 - _sigmoid(zv)) * xv, atol=1e-6)
    assert verdicts[5] == "correct" and "computation graph" in list(right.values())[5].message
    assert verdicts[-2:] == ["correct", "correct"], [r.message for r in right.values()]
    planted = _run(tmp_path, _neuron_then_network(True), _relu_spec())
    verdicts = [r.verdict for r in planted.values()]
    # σ for σ': the network's bare reading is no certainty, but the section's own scalar definitions (z = w x + b,
    # a = σ(z), L = ½(a − y)²) make it wrong as their own calculus (twenty-second round, compgraph.py): by central
    # differences at a point, ∂L/∂b is (a − y) σ'(z), not (a − y) σ(z)
    wv, xv, bv, yv, h = 0.7, 1.3, -0.2, 1.0, 1e-6
    own = lambda b: 0.5 * (_sigmoid(wv * xv + b) - yv) ** 2  # noqa: E731
    zv = wv * xv + bv
    slope = (own(bv + h) - own(bv - h)) / (2 * h)
    assert not np.isclose(slope, (_sigmoid(zv) - yv) * _sigmoid(zv), atol=1e-4)
    assert verdicts[4] == "incorrect" and "computation graph" in list(planted.values())[4].message
    assert verdicts[-2:] == ["incorrect", "incorrect"]


def test_bare_letters_are_judged_where_the_definition_names_their_own_layer(tmp_path):
    # with a logistic hidden layer, a = σ(z) is the hidden layer's own definition: the reading stands, and a claim
    # that holds for no layer stays wrong (∂L/∂b = (a − y) z: z is no factor of any bias gradient, checked by hand)
    doc = r"""El modelo es $z = w x + b$ y $a = \sigma(z)$.

$$\frac{\partial L}{\partial b} = (a - y) \cdot z$$
"""
    results = _run(tmp_path, doc, _relu_spec("sigmoid"))
    assert list(results.values())[-1].verdict == "incorrect"
    guarded = _run(tmp_path, doc, _relu_spec("relu"))
    assert list(guarded.values())[-1].verdict == "unchecked"


# -- arithmetic writing one number on both sides; one number for a vector ------------------------------------------

def test_a_number_on_both_sides_of_arithmetic_carries_no_rounding(tmp_path):
    # 0.4 − 0.1 × (−0.048) = 0.4048 exactly; 0.4 − 0.0048 = 0.3952 is 0.0096 away (2.4 %): the 0.4 of both sides is one
    # number, so the ±0.05 of its one decimal cannot hide the lost sign
    assert abs((0.4 - 0.1 * -0.048) - (0.4 + 0.0048)) < 1e-12 and abs((0.4 - 0.1 * -0.048) - 0.3952) > 0.009
    doc = """spec = "net.toml"
batch = 1

[[claims]]
id = "right"
latex = '''0.4 - 0.1 \\times (-0.048) = 0.4 + 0.0048 = 0.4048'''

[[claims]]
id = "sign"
latex = '''0.4 - 0.1 \\times (-0.048) = 0.4 - 0.0048 = 0.3952'''

[[claims]]
id = "vector"
latex = '''h^{(1)} = \\sigma(0.7025) = 0.6687'''
"""
    results = _run(tmp_path, doc, _unit_spec(), "answers.toml")
    assert results["right"].verdict == "correct"
    assert results["sign"].verdict == "incorrect"
    # one number for a 2-unit layer's h, written as arithmetic: the letter names an entry, not judged as the vector
    assert results["vector"].verdict == "unchecked" and "gives one number" in results["vector"].message


# -- one neuron by its components, before any network ---------------------------------------------------------------

def _one_neuron_doc(planted: bool) -> str:
    bias = "-b" if planted else "+b"  # planted: the bias subtracted
    return rf"""## The neuron

Each neuron has $n$ weights $w_1, \ldots, w_n$ and a single bias $b$. Given its inputs $x_1, \ldots, x_n$, its output is

$$a=\sigma(w_1x_1+...+w_nx_n+b)$$

or more compactly

$$a=\sigma\left(\sum{{w_ix_i}}{bias}\right)$$

and its weighted input is $z=\sum{{w_ix_i}} + b$.
"""


def test_one_neuron_by_components_is_every_neurons_formula(tmp_path):
    # the oracle: for every unit of a random sigmoid 3-4-2 network, σ(Σ_i w_i x_i + b) is its output and Σ w_i x_i + b
    # its weighted input; with the bias subtracted no unit's output is matched (the biases are not 0)
    rng = np.random.default_rng(11)
    x, w1, b1 = rng.normal(size=3), rng.normal(size=(4, 3)), rng.normal(size=4)
    z1 = w1 @ x + b1
    assert all(abs(_sigmoid(sum(w1[j, i] * x[i] for i in range(3)) + b1[j]) - _sigmoid(z1[j])) < 1e-12 for j in range(4))
    assert all(abs(_sigmoid(w1[j] @ x - b1[j]) - _sigmoid(z1[j])) > 1e-6 for j in range(4))
    spec = _spec((4, "sigmoid", True), (2, "sigmoid", True), inputs=3)
    right = list(_run(tmp_path, _one_neuron_doc(False), spec).values())
    assert [r.verdict for r in right] == ["correct", "correct", "correct"], [r.message for r in right]
    planted = list(_run(tmp_path, _one_neuron_doc(True), spec).values())
    assert [r.verdict for r in planted] == ["correct", "incorrect", "correct"], [r.message for r in planted]
    # under a ReLU hidden layer σ is no neuron's activation there: the output layer's two units alone decide
    relu = _spec((4, "relu", True), (2, "sigmoid", True), inputs=3)
    assert [r.verdict for r in _run(tmp_path, _one_neuron_doc(False), relu).values()] == ["correct"] * 3
