"""Notation inference and the notations read without [notation] (issue 10, items 1, 4, 5).

Each answer is written in one course's notation; the verdicts are decided by hand (the formula is the textbook's, or
has a planted mistake), the truth is the Evaluator's.
"""

from __future__ import annotations

import pytest
from gradproof.derive.derivation import derive
from gradproof.derive.spec import spec_from_dict
from gradproof.verify.judge import Claim, Judge
from gradproof.verify.parser import Notation
from helpers_verify import derivation


def net(hidden="tanh", output="identity", loss="squared_error", inputs=3, units=(4, 2), convention="row", reg=None,
        optimizer=None):
    spec = {"name": "t", "inputs": inputs, "convention": convention,
            "layers": [{"units": units[0], "activation": hidden}, {"units": units[1], "activation": output}],
            "loss": {"name": loss}, "optimizer": optimizer or {"name": "sgd", "learning_rate": 0.1}}
    if reg:
        spec["regularization"] = reg
    return derive(spec_from_dict(spec), check=False)


def judge_all(d, claims, batch=1, notation=None):
    j = Judge(d, batch=batch, notation=notation)
    results = j.check_all([Claim(cid, latex) for cid, latex in claims])
    return {r.id: r.verdict for r in results}, j


def test_bishop_letters_and_a_z_meanings_from_the_definitions():
    """Bishop PRML §5.3.2: a is the summed input, z the activation, j hidden and k output units; tanh, linear, SSE."""
    claims = [("5.63", r"z_j = \tanh(a_j)"), ("5.64b", r"y_k = \sum_{j} w_{kj} z_j + b_k"),
              ("5.65", r"\delta_k = y_k - t_k"), ("5.66", r"\delta_j = (1 - z_j^2) \sum_{k} w_{kj} \delta_k"),
              ("5.67", r"\frac{\partial E_n}{\partial w_{kj}} = \delta_k z_j"),
              ("bad", r"\delta_j = z_j^2 \sum_{k} w_{kj} \delta_k")]
    verdicts, j = judge_all(net(), claims)
    assert any("a is the summed input z and z the activation h" in c for c in j.inferred)
    assert any("index letter" in c for c in j.inferred)
    assert verdicts == {"5.63": "correct", "5.64b": "correct", "5.65": "correct", "5.66": "correct", "5.67": "correct",
                        "bad": "incorrect"}


def test_ufldl_numbering_input_is_layer_one_and_weights_leave_their_layer():
    claims = [("a", r"z^{(2)} = W^{(1)} x + b^{(1)}"), ("b", r"a^{(2)} = f(z^{(2)})"), ("c", r"z^{(3)} = W^{(2)} a^{(2)} + b^{(2)}"),
              ("d", r"\delta^{(3)} = -(y - a^{(3)}) \odot f'(z^{(3)})"),
              ("e", r"\delta^{(2)} = ((W^{(2)})^T \delta^{(3)}) \odot f'(z^{(2)})"),
              ("bad", r"\delta^{(2)} = (W^{(2)} \delta^{(3)}) \odot f'(z^{(2)})")]
    verdicts, j = judge_all(net(hidden="sigmoid", output="sigmoid", units=(4, 3)), claims)
    assert any("W^{(l)} leaves layer l" in c for c in j.inferred)
    assert verdicts == {"a": "correct", "b": "correct", "c": "correct", "d": "correct", "e": "correct", "bad": "incorrect"}


def test_the_default_stands_when_the_definitions_hold():
    claims = [("a", r"z^{(1)} = W^{(1)} x + b^{(1)}"), ("b", r"a^{(1)} = \tanh(z^{(1)})")]
    verdicts, j = judge_all(net(), claims)
    assert j.inferred == () and set(verdicts.values()) == {"correct"}


def test_cs231n_L_is_the_whole_objective_and_its_delta_carries_1_over_N():
    d = net(hidden="relu", output="softmax", loss="cross_entropy", convention="column",
            reg={"name": "l2", "lambda": 0.01, "scaling": "none"})
    claims = [("h", r"h = \max(0, X W_1 + b_1)"), ("s", r"s = h W_2 + b_2"),
              ("dW2", r"\frac{\partial L}{\partial W_2} = h^T \frac{\partial L}{\partial s} + \lambda W_2"),
              ("dh", r"\frac{\partial L}{\partial h} = \frac{\partial L}{\partial s} W_2^T"),
              ("d1", r"\delta_1 = \frac{\partial L}{\partial h} \odot \mathbb{1}[h > 0]"),
              ("dW1", r"\frac{\partial L}{\partial W_1} = X^T \delta_1 + \lambda W_1"),
              ("bad", r"\frac{\partial L}{\partial W_1} = X^T \delta_1")]
    verdicts, j = judge_all(d, claims, batch=5)
    assert any("L is the whole objective" in c for c in j.inferred)
    assert verdicts == {"h": "correct", "s": "correct", "dW2": "correct", "dh": "correct", "d1": "correct", "dW1": "correct",
                        "bad": "incorrect"}


def test_own_symbols_defined_in_prose_become_their_expressions():
    claims = [("p", r"p = \sigma(z^{(1)}) \odot (1 - \sigma(z^{(1)}))"), ("d1", r"\delta^{(1)} = (W^{(2)})^T \delta^{(2)} \odot p"),
              ("bad", r"\delta^{(1)} = W^{(2)} \delta^{(2)} \odot p")]
    verdicts, _ = judge_all(net(hidden="sigmoid", output="softmax", loss="cross_entropy"), claims)
    assert verdicts == {"p": "unchecked", "d1": "correct", "bad": "incorrect"}


def test_notation_keys_with_scripts_and_expression_values():
    n = Notation(macros=(("W_o", r"W^{(3)}"), (r"\delta_o", r"\delta^{(3)}")), options=(("L", "objective"),))
    j = Judge(derivation("reference_mlp"), notation=n)
    assert j.check(Claim("a", r"\frac{\partial L}{\partial W_o} = \delta_o h^{(2)T} + \lambda W_o")).verdict == "correct"


JACOBIANS = [
    (r"\frac{\partial h^{(2)}}{\partial z^{(2)}} = 1 - h^{(2)} \odot h^{(2)}", "correct"),
    (r"\frac{\partial \hat y}{\partial z^{(3)}} = \operatorname{diag}(\hat y) - \hat y \hat y^T", "correct"),
    (r"\frac{\partial z^{(3)}_i}{\partial h^{(2)}_j} = W^{(3)}_{ij}", "correct"),
    (r"\frac{\partial \hat y}{\partial z^{(3)}} = \operatorname{diag}(\hat y) - \hat y^T \hat y", "incorrect"),
    (r"\frac{\partial h^{(2)}}{\partial z^{(2)}} = h^{(2)} \odot h^{(2)}", "incorrect"),
]


@pytest.mark.parametrize("latex,want", JACOBIANS)
def test_derivatives_of_any_quantity_by_another(latex, want):
    assert Judge(derivation("reference_mlp")).check(Claim("t", latex)).verdict == want


CONVENTIONS = [
    (r"\delta_o = y_{pred} - y", "correct"),
    (r"dW3 = \delta_o h2^T + \lambda W3", "correct"),
    (r"\frac{\partial loss}{\partial scores} = o - y", "correct"),
    (r"\frac{d J}{d b3} = \delta3", "correct"),
    (r"J(W, b) = L(\hat y, y) + R", "correct"),
    (r"W^{(2)} \rightarrow W^{(2)\prime} = W^{(2)} - \eta \frac{\partial J}{\partial W^{(2)}}", "incorrect"),  # RMSprop, not SGD
    (r"\delta_o = \hat y + y", "incorrect"),
]


@pytest.mark.parametrize("latex,want", CONVENTIONS)
def test_conventions_read_without_notation(latex, want):
    assert Judge(derivation("reference_mlp")).check(Claim("t", latex)).verdict == want


def test_updates_written_with_equals_and_implicit_layers():
    d = net(optimizer={"name": "momentum", "learning_rate": 0.1, "momentum": 0.9, "variant": "ema"})
    verdicts, _ = judge_all(d, [("v", r"V_{dW} = \beta V_{dW} + (1 - \beta) dW"), ("W", r"W = W - \alpha V_{dW}"),
                                ("bad", r"V_{dW} = (1 - \beta) V_{dW} + \beta dW")])
    assert verdicts == {"v": "correct", "W": "correct", "bad": "incorrect"}


TIME = [  # reference_mlp: RMSprop, β = 0.9, ε inside the root
    (r"S_t = \beta S_{t-1} + (1 - \beta) g_t^2", "correct"),
    (r"\theta_{t+1} = \theta_t - \frac{\eta}{\sqrt{S_t + \epsilon}} g_t", "correct"),
    (r"S_t = \beta S_{t-1} + \beta g_t^2", "incorrect"),
    (r"\theta_{t+1} = \theta_t - \eta g_t", "incorrect"),  # plain SGD: not this spec's optimizer
]


@pytest.mark.parametrize("latex,want", TIME)
def test_time_indices(latex, want):
    j = Judge(derivation("reference_mlp"))
    r = j.check_all([Claim("t", latex)])[0]
    assert r.verdict == want, r.message


def test_the_form_of_a_definition_fixes_the_letters_even_when_its_values_are_wrong():
    """Goodfellow's a^{(k)} = b^{(k)} + W^{(k)} h^{(k-1)} defines a as the summed input by its form: a planted wrong
    transpose there, and ŷ = a^{(l)} (the output before f), must be read as mistakes, not as another notation."""
    d = net(hidden="tanh", output="tanh", units=(4, 2))
    claims = [("h0", r"\bm{h}^{(0)}=\bm{x}"), ("a", r"\bm{a}^{(k)} = \bm{b}^{(k)} + \bm{W}^{(k)\top} \bm{h}^{(k-1)}"),
              ("h", r"\bm{h}^{(k)} = f(\bm{a}^{(k)})"), ("yhat", r"\hat{\bm{y}} = \bm{a}^{(l)}")]
    verdicts, j = judge_all(d, claims)
    assert "a is the summed input z" in j.inferred
    assert any("l the number of layers" in c for c in j.inferred)
    assert verdicts == {"h0": "correct", "a": "incorrect", "h": "correct", "yhat": "incorrect"}
    verdicts, _ = judge_all(d, claims[:3] + [("yhat", r"\hat{\bm{y}} = \bm{h}^{(l)}")])
    assert verdicts["yhat"] == "correct"


def test_ufldl_objective_arguments_hypothesis_and_sums_over_layer_sizes():
    """UFLDL: J(W,b; x, y) is one example's data loss (no weight decay), J(W,b) the whole objective, h_{W,b}(x) the
    output, n_l the output layer, s_l the units of layer l."""
    d = net(hidden="sigmoid", output="sigmoid", units=(4, 2), reg={"name": "l2", "lambda": 0.1, "scaling": "none"})
    claims = [("z2", r"z^{(2)} = W^{(1)} x + b^{(1)}"), ("a2", r"a^{(2)} = f(z^{(2)})"),
              ("h", r"h_{W,b}(x) = a^{(3)} = f(z^{(3)})"),
              ("one", r"J(W,b;x,y) = \frac{1}{2} \left\| h_{W,b}(x) - y \right\|^2"),
              ("all", r"J(W,b) = \frac{1}{m} \sum_{i=1}^m J(W,b;x^{(i)},y^{(i)}) + \frac{\lambda}{2} \sum_{l=1}^{n_l-1} "
                      r"\sum_{i=1}^{s_l} \sum_{j=1}^{s_{l+1}} \left( W^{(l)}_{ji} \right)^2"),
              ("dW", r"\frac{\partial}{\partial W_{ij}^{(l)}} J(W,b; x, y) = a^{(l)}_j \delta_i^{(l+1)}"),
              ("dWbad", r"\frac{\partial}{\partial W_{ij}^{(l)}} J(W,b) = a^{(l)}_j \delta_i^{(l+1)}"),
              ("out", r"\delta^{(n_l)} = - (y - a^{(n_l)}) \odot f'(z^{(n_l)})")]
    verdicts, j = judge_all(d, claims)
    assert verdicts == {"z2": "correct", "a2": "correct", "h": "correct", "one": "correct", "all": "correct",
                        "dW": "correct", "dWbad": "incorrect", "out": "correct"}


def test_bishop_sums_from_zero_absorb_the_bias():
    """Bishop (5.62): a_j = Σ_{i=0}^{D} w_ji x_i with x_0 = 1; without the 0 term the bias is missing."""
    d = net(hidden="tanh", output="identity", units=(4, 2))
    claims = [("a", r"a_j = \sum_{i=0}^{D} w_{ji}^{(1)} x_i"), ("z", r"z_j = \tanh(a_j)"),
              ("y", r"y_k = \sum_{j=0}^{M} w_{kj}^{(2)} z_j"), ("bad", r"y_k = \sum_{j=1}^{M} w_{kj}^{(2)} z_j")]
    verdicts, j = judge_all(d, claims)
    assert verdicts == {"a": "correct", "z": "correct", "y": "correct", "bad": "incorrect"}


def test_per_example_losses_and_accumulated_gradients():
    """Nielsen's C = 1/(2n) Σ_x ‖y(x) − a^L(x)‖², Bishop's ∂E/∂w = Σ_n ∂E_n/∂w, UFLDL's W − α(1/m ΔW + λW),
    Mazur's E_total = Σ ½(target − output)², Ng's W^{[l]^T}: read in a batch of 3 (per-example terms differ)."""
    d = net(hidden="sigmoid", output="sigmoid", units=(4, 2), optimizer={"name": "sgd", "learning_rate": 0.5},
            reg={"name": "l2", "lambda": 0.1, "scaling": "none"})
    claims = [("26", r"L = \frac{1}{2n} \sum_x \|y(x)-a^L(x)\|^2"),
              ("26bad", r"L = \frac{1}{n} \sum_x \|y(x)-a^L(x)\|^2"),
              ("mean", r"L = \frac{1}{N} \sum_{i=1}^{N} L_i"),
              ("upd", r"W^{(2)}_{new} = W^{(2)} - \alpha \left[ \frac{1}{m} \Delta W^{(2)} + \lambda W^{(2)} \right]"),
              ("updbad", r"W^{(2)}_{new} = W^{(2)} - \alpha \left[ \Delta W^{(2)} + \lambda W^{(2)} \right]")]
    verdicts, _ = judge_all(d, claims, batch=3)
    assert verdicts == {"26": "correct", "26bad": "incorrect", "mean": "correct", "upd": "correct", "updbad": "incorrect"}
    d1 = net(hidden="sigmoid", output="sigmoid", units=(2, 2))
    one = [("tot", r"E_{total} = \sum \frac{1}{2}(target - output)^{2}"), ("bad", r"E_{total} = \sum (target - output)^{2}"),
           ("ng", r"dZ^{[l - 1]} = dZ^{[l]} W^{[l]^T} \odot \sigma'(Z^{[l - 1]})")]
    verdicts, _ = judge_all(d1, one)
    assert verdicts["tot"] == "correct" and verdicts["bad"] == "incorrect" and verdicts["ng"] in ("correct", "incorrect")


def test_goodfellow_algorithm_reassigns_g_step_by_step():
    """Algorithm 6.4: g ← ∇_ŷ J, then for k = l … 1: g ← ∇_{a^{(k)}} J = g ⊙ f'(a^{(k)}), ∇_{b^{(k)}} J = g + λ∇Ω,
    ∇_{W^{(k)}} J = g h^{(k-1)⊤} + λ∇Ω, g ← ∇_{h^{(k-1)}} J = W^{(k)⊤} g. Each g is its latest assignment; planted
    copies of each step are wrong."""
    d = net(hidden="tanh", output="tanh", units=(4, 2), reg={"name": "l2", "lambda": 0.01, "scaling": "none"})
    head = [("a", r"\bm{a}^{(k)} = \bm{b}^{(k)} + \bm{W}^{(k)} \bm{h}^{(k-1)}"), ("h", r"\bm{h}^{(k)} = f(\bm{a}^{(k)})"),
            ("J", r"J = L(\hat{\bm{y}},\bm{y}) + \lambda \Omega(\theta)")]
    steps = [("top", r"\bm{g} \leftarrow \nabla_{\hat{\bm{y}}} J = \nabla_{\hat{\bm{y}}} L(\hat{\bm{y}},\bm{y})"),
             ("ga", r"\bm{g} \leftarrow \nabla_{\bm{a}^{(k)}} J = \bm{g} \odot f'(\bm{a}^{(k)})"),
             ("b", r"\nabla_{\bm{b}^{(k)}} J = \bm{g} + \lambda \nabla_{\bm{b}^{(k)}} \Omega(\theta)"),
             ("W", r"\nabla_{\bm{W}^{(k)}} J = \bm{g} \; \bm{h}^{(k-1)\top} + \lambda \nabla_{\bm{W}^{(k)}} \Omega(\theta)"),
             ("gh", r"\bm{g} \leftarrow \nabla_{\bm{h}^{(k-1)}} J = \bm{W}^{(k)\top} \; \bm{g}")]
    verdicts, _ = judge_all(d, head + steps)
    assert verdicts == dict.fromkeys(["a", "h", "J", "top", "ga", "b", "W", "gh"], "correct")
    wrong = [("ga", r"\bm{g} \leftarrow \nabla_{\bm{a}^{(k)}} J = \bm{g} \odot f(\bm{a}^{(k)})"), steps[2],
             ("W", r"\nabla_{\bm{W}^{(k)}} J = \bm{g} \; \bm{h}^{(k-1)\top}"),
             ("gh", r"\bm{g} \leftarrow \nabla_{\bm{h}^{(k-1)}} J = \bm{W}^{(k)} \; \bm{g}")]
    verdicts, _ = judge_all(d, head + steps[:1] + wrong)
    assert verdicts["ga"] == verdicts["W"] == verdicts["gh"] == "incorrect"


def test_identities_of_the_activation_in_a_variable_with_no_layer():
    """UFLDL's f'(z) = f(z)(1 − f(z)), Bishop's h'(a) = 1 − h(a)² (h bound to the hidden layer by z_j = h(a_j)), Ng's
    g^{[1]'}(z) = 1 − a² (layer 1 by its own script); wrong identities are wrong; a generic letter that holds for one
    layer only, with nothing binding it, stays unchecked."""
    d = net(hidden="tanh", output="sigmoid", units=(4, 2))
    claims = [("bind", r"z_j = h(a_j)"), ("def", r"a_j = \sum_i w_{ji} x_i + b_j"), ("id", r"h'(a) = 1 - h(a)^2"),
              ("bad", r"h'(a) = h(a)(1 - h(a))")]
    verdicts, _ = judge_all(d, claims)
    assert (verdicts["id"], verdicts["bad"]) == ("correct", "incorrect")
    verdicts, _ = judge_all(d, [("ng", r"g^{[1]'}(z) = 1-a^2"), ("ngbad", r"g^{[1]'}(z) = a(1-a)")])
    assert verdicts == {"ng": "correct", "ngbad": "incorrect"}
    verdicts, _ = judge_all(net(hidden="sigmoid", output="sigmoid"), [("s", r"f'(z) = f(z) (1-f(z))"), ("t", r"f'(z) = 1 - f(z)^2")])
    assert verdicts == {"s": "correct", "t": "incorrect"}
    verdicts, _ = judge_all(d, [("u", r"f'(z) = 1 - f(z)^2")])
    assert verdicts == {"u": "unchecked"}


def test_sum_of_the_mean_objectives_per_sample_derivatives_and_bare_superscripts():
    """Issue 10 item 3: Σ_i ∂J/∂z^{(i)} with J the batch mean is ∂J/∂b (each term carries its 1/N); Ng's
    1/m Σ dz^{[1](i)} is too. Item 1: a bare z^2 is a square in an answer that writes layers in parentheses, and
    unchecked (not layer 2) when nothing says which."""
    d = net(hidden="tanh", output="identity", units=(4, 2))
    claims = [("sum", r"\frac{\partial J}{\partial b^{(1)}} = \sum_i \frac{\partial J}{\partial z^{(1)(i)}}"),
              ("twice", r"\frac{\partial J}{\partial b^{(1)}} = \frac{1}{N}\sum_i \frac{\partial J}{\partial z^{(1)(i)}}"),
              ("ng", r"db^{[1]} = \frac{1}{m} \sum_{i=1}^{m} dz^{[1](i)}")]
    verdicts, _ = judge_all(d, claims, batch=3)
    assert verdicts == {"sum": "correct", "twice": "incorrect", "ng": "correct"}
    square = [("d", r"\delta^{(1)} = (W^{(2)})^T \delta^{(2)} \odot (1 - (h^{(1)})^{2})"),
              ("e", r"\delta^{(1)} = (W^{(2)})^T \delta^{(2)} \odot (1 - z^2)")]
    verdicts, j = judge_all(d, square)
    assert verdicts["d"] == "correct" and verdicts["e"] != "incorrect"  # z^2 is a square of z with no layer: unread
    verdicts, _ = judge_all(d, [("a", r"\delta^{1} = \delta^{2} W^{2} \odot (1 - h^2)")])
    assert verdicts == {"a": "unchecked"}


def test_an_objective_defined_with_another_factor_is_read_on_its_own_scale_only_if_its_derivatives_follow():
    """3Blue1Brown's C_0 = (a^{(L)} - y)^2 (no ½) with ∂C_0/∂a^{(L)} = 2(a^{(L)} - y): the answer's convention. The same
    definition followed by derivatives on the spec's scale is a mistake in the definition."""
    d = net(hidden="sigmoid", output="sigmoid", units=(3, 1))
    own = [("C", r"C_0 = (a^{(L)} - y)^2"), ("d", r"\frac{\partial C_0}{\partial a^{(L)}} = 2(a^{(L)} - y)"),
           ("e", r"\frac{\partial C_0}{\partial z^{(L)}} = 2(a^{(L)} - y) \sigma'(z^{(L)})")]
    verdicts, j = judge_all(d, own)
    assert verdicts == {"C": "unchecked", "d": "correct", "e": "correct"}
    assert any("2 × the spec's" in c for c in j.inferred)
    slip = [("C", r"C_0 = (a^{(L)} - y)^2"), ("d", r"\frac{\partial C_0}{\partial a^{(L)}} = a^{(L)} - y"),
            ("e", r"\frac{\partial C_0}{\partial z^{(L)}} = (a^{(L)} - y) \sigma'(z^{(L)})")]
    verdicts, _ = judge_all(d, slip)
    assert verdicts == {"C": "incorrect", "d": "correct", "e": "correct"}


def deep(hidden="sigmoid", units=(4, 3, 2), inputs=3, loss="squared_error", output="sigmoid", reg=None, activation=None):
    layers = [{"units": u, "activation": activation or hidden} for u in units[:-1]]
    layers.append({"units": units[-1], "activation": activation or output})
    spec = {"name": "t", "inputs": inputs, "convention": "row", "layers": layers, "loss": {"name": loss},
            "optimizer": {"name": "sgd", "learning_rate": 0.1}}
    if reg:
        spec["regularization"] = reg
    return derive(spec_from_dict(spec), check=False)


def test_a_unit_j_of_any_layer_in_a_deep_net():
    """Rumelhart/Mitchell style with no layer written: j is a unit of any layer (an output unit where a target t_j
    appears, a hidden one where units k downstream do), i feeds it and k is fed by it; checked in every layer it can be."""
    d = deep(units=(4, 3, 2))
    claims = [("net", r"net_j = \sum_i w_{ji} o_i"),
              ("out", r"\delta_j = (o_j - t_j) o_j (1 - o_j)"),
              ("hid", r"\delta_j = o_j (1 - o_j) \sum_k w_{kj} \delta_k"),
              ("grad", r"\frac{\partial E}{\partial w_{ji}} = \delta_j o_i"),
              ("bad-hid", r"\delta_j = \sum_k w_{kj} \delta_k"),
              ("bad-grad", r"\frac{\partial E}{\partial w_{ji}} = - \delta_j o_i"),
              ("bad-index", r"\delta_j = o_j (1 - o_j) \sum_k w_{jk} \delta_k")]  # w_{jk}: no such weight
    verdicts, j = judge_all(d, claims)
    assert any("unit of any layer" in c for c in j.inferred)
    assert verdicts == {"net": "correct", "out": "correct", "hid": "correct", "grad": "correct",
                        "bad-hid": "incorrect", "bad-grad": "incorrect", "bad-index": "incorrect"}
    verdicts, _ = judge_all(d, claims[1:])  # without the definition that confirms the unit letters: not called wrong
    assert verdicts["bad-index"] == "unchecked" and verdicts["hid"] == "correct"
    results = {r.id: r for r in Judge(d).check_all([Claim(cid, latex) for cid, latex in claims])}
    assert "(1, 2)" in results["hid"].message and "(1, 2, 3)" in results["grad"].message  # hidden units; every layer


def test_haykin_time_arguments_local_fields_and_the_activation_slope():
    """Haykin NNLM §4.4 style: v_j(n), y_j(n) = φ_j(v_j(n)), e_j = d_j − y_j, δ_j = −∂E/∂v_j, the slope a of the
    logistic a parameter of the spec (never a quantity), w_{ji}(n+1) the weight after the step."""
    logistic = {"name": "logistic", "formula": "1/(1 + exp(-a*x))", "a": 2.0}
    d = deep(units=(4, 2), activation=logistic)
    claims = [("field", r"v_j(n) = \sum_{i=0}^{m} w_{ji}(n) y_i(n)"),
              ("signal", r"y_j(n) = \varphi_j(v_j(n))"),
              ("error", r"e_j(n) = d_j(n) - y_j(n)"),
              ("local", r"\delta_j(n) = -\frac{\partial \mathscr{E}(n)}{\partial v_j(n)} = e_j(n) \varphi_j'(v_j(n))"),
              ("slope", r"\varphi_j'(v_j(n)) = a y_j(n) [1 - y_j(n)]"),
              ("rule", r"\Delta w_{ji}(n) = \eta \delta_j(n) y_i(n)"),
              ("step", r"w_{ji}(n+1) = w_{ji}(n) + \eta \delta_j(n) y_i(n)"),
              ("bad-slope", r"\varphi_j'(v_j(n)) = y_j(n) [1 - y_j(n)]"),
              ("bad-step", r"w_{ji}(n+1) = w_{ji}(n) - \eta \delta_j(n) y_i(n)")]
    verdicts, j = judge_all(d, claims)
    assert any("iteration n" in c for c in j.inferred) and any("parameter" in c for c in j.inferred)
    want = {"field": "correct", "signal": "correct", "local": "correct", "slope": "correct", "rule": "correct",
            "step": "correct", "bad-slope": "incorrect", "bad-step": "incorrect"}
    assert {k: verdicts[k] for k in want} == want


def test_ng_theta_carries_the_bias_column():
    """Ng's Machine Learning (2011): Θ^{(l)} = [b W] maps layer l to l + 1 (input layer 1), a^{(l)} takes a_0 = 1 in
    Θ^{(l)} a^{(l)}, and (Θ^{(l)})^T δ^{(l+1)} drops its bias entry before .* g'(z^{(l)})."""
    d = deep(units=(5, 4, 2), loss="binary_cross_entropy")
    claims = [("a1", r"a^{(1)} = x"), ("z2", r"z^{(2)} = \Theta^{(1)} a^{(1)}"), ("a2", r"a^{(2)} = g(z^{(2)})"),
              ("z3", r"z^{(3)} = \Theta^{(2)} a^{(2)}"), ("d4", r"\delta^{(4)} = a^{(4)} - y"),
              ("d3", r"\delta^{(3)} = (\Theta^{(3)})^T \delta^{(4)} .* g'(z^{(3)})"),
              ("gd", r"\Theta_{ij}^{(l)} := \Theta_{ij}^{(l)} - \alpha \frac{\partial}{\partial \Theta_{ij}^{(l)}} J(\Theta)"),
              ("bad-z3", r"z^{(3)} = \Theta^{(2)} a^{(3)}"),
              ("bad-d2", r"\delta^{(2)} = (\Theta^{(2)})^T \delta^{(3)} .* g(z^{(2)})")]
    verdicts, j = judge_all(d, claims)
    assert verdicts == {"a1": "correct", "z2": "correct", "a2": "correct", "z3": "correct", "d4": "correct",
                        "d3": "correct", "gd": "correct", "bad-z3": "incorrect", "bad-d2": "incorrect"}


def test_named_function_identities_objective_names_and_entries_of_groups():
    """MIT 6.390's ReLU(z) = max(0, z), a named objective L_{CE} / \\mathcal{L}_{NLL}, (ŷ − y)_k, a_1^{(1)} (entry 1
    of layer 1) and a sum that runs over the next term where its index is used again (Ng's cost)."""
    d = net(hidden="relu", output="softmax", loss="cross_entropy")
    claims = [("relu", r"\text{ReLU}(z) = \max(0, z)"), ("bad-relu", r"\text{ReLU}(z) = \max(0, -z)"),
              ("relu'", r"\text{ReLU}'(z) = \begin{cases} 0 & \text{if } z < 0 \\ 1 & \text{otherwise} \end{cases}"),
              ("nll", r"\mathcal{L}_{\text{NLL}}(\hat y, y) = -\sum_{j} y_j \log \hat y_j"),
              ("ce", r"L_{CE} = -\sum_k y_k \log \hat{y}_k"), ("bad-ce", r"L_{CE} = \sum_k y_k \log \hat{y}_k"),
              ("comp", r"\delta^{(2)}_k = (\hat y - y)_k"), ("bad-comp", r"\delta^{(2)}_k = (y - \hat y)_k"),
              ("a11", r"a_1^{(1)} = \max(0, z_1^{(1)})")]
    verdicts, _ = judge_all(d, claims)
    assert verdicts == {"relu": "correct", "bad-relu": "incorrect", "relu'": "correct", "nll": "correct", "ce": "correct",
                        "bad-ce": "incorrect", "comp": "correct", "bad-comp": "incorrect", "a11": "correct"}
    b = net(hidden="sigmoid", output="sigmoid", loss="binary_cross_entropy")
    cost = [("J", r"J = -\frac{1}{m} \left[ \sum_{i=1}^{m} \sum_{k=1}^{K} y_k^{(i)} \log (\hat y^{(i)})_k + "
                  r"(1 - y_k^{(i)}) \log (1 - (\hat y^{(i)})_k) \right]"),
            ("bad-J", r"J = -\frac{1}{m} \left[ \sum_{i=1}^{m} \sum_{k=1}^{K} y_k^{(i)} \log (\hat y^{(i)})_k + "
                      r"(1 - y_k^{(i)}) \log ((\hat y^{(i)})_k) \right]")]
    verdicts, _ = judge_all(b, cost, batch=3)
    assert verdicts == {"J": "correct", "bad-J": "incorrect"}


def test_student_python_isms_hyperbolic_secant_and_a_scalar_objective_in_either_layout():
    """A student writing one sample as a row (z_1 = x W_1 + b_1, column-convention spec) with Python's @ and **,
    sech², and L = −yᵀ log ŷ (a scalar: the dot product, whatever the layout of the other claims)."""
    d = net(hidden="tanh", output="softmax", loss="cross_entropy", units=(4, 3), convention="column")
    claims = [("f1", r"z_1 = x W_1 + b_1"), ("f2", r"a_1 = \tanh(z_1)"), ("f3", r"z_2 = a_1 W_2 + b_2"),
              ("py", r"dW2 = a1^T @ dz2"), ("pow", r"dz_1 = (dz_2 @ W_2.T) * (1 - a_1**2)"),
              ("bad-pow", r"dz_1 = (dz_2 @ W_2.T) * (1 - a_1**3)"),
              ("sech", r"\frac{\partial L}{\partial z_1} = (\hat y - y) W_2^T \circ \text{sech}^2(z_1)"),
              ("dot", r"L = -y^T \log \hat y"), ("bad-dot", r"L = y^T \log \hat y")]
    verdicts, j = judge_all(d, claims)
    assert verdicts == {"f1": "correct", "f2": "correct", "f3": "correct", "py": "correct", "pow": "correct",
                        "bad-pow": "incorrect", "sech": "correct", "dot": "correct", "bad-dot": "incorrect"}


def test_one_unit_per_layer_and_a_sum_over_examples_counted_from_zero():
    """3Blue1Brown's chain of single neurons: ∂z^{(L)}/∂w^{(L)} = a^{(L−1)} (scalars), and the mean of per-example
    derivatives written Σ_{k=0}^{n−1}."""
    d = net(hidden="sigmoid", output="sigmoid", inputs=1, units=(1, 1))
    claims = [("dz", r"\frac{\partial z^{(2)}}{\partial w^{(2)}} = a^{(1)}"),
              ("bad-dz", r"\frac{\partial z^{(2)}}{\partial w^{(2)}} = z^{(1)}"),
              ("mean", r"\frac{\partial C}{\partial w^{(2)}} = \frac{1}{n} \sum_{k=0}^{n-1} \frac{\partial C_k}{\partial w^{(2)}}")]
    verdicts, _ = judge_all(d, claims)  # one example (as the video): the sum reads, counted from 0
    assert verdicts == {"dz": "correct", "bad-dz": "incorrect", "mean": "correct"}


def test_total_derivatives_of_a_function_of_one_variable():
    """Mitchell's dσ(y)/dy, CS231n's d ReLU(x)/dx, d/dx σ(x): the derivative of a named function, read as φ'(v)."""
    d = net(hidden="relu", output="sigmoid", loss="binary_cross_entropy")
    claims = [("sig", r"\frac{d \sigma(y)}{dy} = \sigma(y) \cdot (1 - \sigma(y))"),
              ("bad-sig", r"\frac{d \sigma(y)}{dy} = \sigma(y) \cdot (1 + \sigma(y))"),
              ("relu", r"\frac{d\,\text{ReLU}(x)}{dx} = \mathbb{1}[x > 0]"),
              ("pre", r"\frac{d}{dx}\sigma(x) = \sigma(x)(1-\sigma(x))")]
    verdicts, _ = judge_all(d, claims)
    assert verdicts == {"sig": "correct", "bad-sig": "incorrect", "relu": "correct", "pre": "correct"}


def test_a_vector_of_ones_and_a_sum_over_the_examples_by_a_subscript():
    """CS231n's db = 1ᵀ δ (np.sum over axis 0) and db2 = Σ_{i=1}^{N} ∂L/∂s_i (s_i: example i's scores, samples as rows)."""
    d = net(hidden="relu", output="softmax", loss="cross_entropy", units=(4, 3), convention="column")
    claims = [("f", r"z_1 = X W_1 + b_1"), ("db1", r"\frac{\partial L}{\partial b_1} = \mathbf{1}^T \delta_1"),
              ("bad-db1", r"\frac{\partial L}{\partial b_1} = \delta_1 \mathbf{1}"),
              ("db2", r"\frac{\partial L}{\partial b_2} = \sum_{i=1}^{N} \frac{\partial L}{\partial z_{2,i}}"),
              ("bad-db2", r"\frac{\partial L}{\partial b_2} = \frac{1}{N} \sum_{i=1}^{N} \frac{\partial L}{\partial z_{2,i}}")]
    verdicts, _ = judge_all(d, claims, batch=4, notation=Notation(options=(("delta_scale", "mean"),)))
    assert verdicts == {"f": "correct", "db1": "correct", "bad-db1": "incorrect", "db2": "correct", "bad-db2": "incorrect"}


def test_the_order_of_a_weights_unit_letters_comes_from_the_answers_own_definition():
    """Wikipedia writes w_{ij} for the weight from unit i to unit j (net_j = Σ_i w_{ij} o_i), Mitchell and Haykin
    w_{ji} for the weight into j from i: each answer's definition says which; with none, a source-first subscript is
    not guessed."""
    d = deep(units=(4, 3, 2))
    wiki = [("net", r"net_j = \sum_i w_{ij} o_i"), ("out", r"\delta_j = (o_j - t_j) o_j (1 - o_j)"),
            ("grad", r"\frac{\partial E}{\partial w_{ij}} = o_i \delta_j"),
            ("hid", r"\delta_j = o_j (1 - o_j) \sum_k w_{jk} \delta_k"),
            ("bad-grad", r"\frac{\partial E}{\partial w_{ij}} = o_j \delta_j")]
    verdicts, j = judge_all(d, wiki)
    assert any("from unit i to unit j" in c for c in j.inferred)
    assert verdicts == {"net": "correct", "out": "correct", "grad": "correct", "hid": "correct", "bad-grad": "incorrect"}
    verdicts, _ = judge_all(d, wiki[1:3])  # no definition: w_{ij} could be either
    assert verdicts == {"out": "correct", "grad": "unchecked"}


def test_parameters_without_a_layer_next_to_the_hidden_layers_quantities():
    """CS224n: z = W x + b, h = σ(z) in a one-hidden-layer net: W and b are the layer's whose shapes fit, not every
    layer's (an update W ← W − α ∂J/∂W still holds for every layer)."""
    d = net(hidden="sigmoid", output="identity", units=(4, 1))
    claims = [("z", r"z = W x + b"), ("h", r"h = \sigma(z)"), ("bad-z", r"z = W^T x + b"),
              ("upd", r"W \leftarrow W - \eta \frac{\partial J}{\partial W}")]
    verdicts, _ = judge_all(d, claims)
    assert verdicts == {"z": "correct", "h": "correct", "bad-z": "incorrect", "upd": "correct"}


def test_cs229_plain_indicator_and_the_derivative_of_a_scalar_output_by_a_weight_matrix():
    """CS229 (Ng & Ma): 1\\{z^{[1]} ≥ 0\\} is the indicator, and ∂o/∂W^{[2]} of a single output o is a matrix shaped as
    W^{[2]}, so the chain (∂J/∂o)(∂o/∂W^{[2]}) reads."""
    d = net(hidden="relu", output="identity", units=(4, 1))
    claims = [("dz1", r"\frac{\partial J}{\partial z^{[1]}} = (W^{[2]\top} (o - y)) \odot 1\{z^{[1]} \geq 0\}"),
              ("bad-dz1", r"\frac{\partial J}{\partial z^{[1]}} = (W^{[2]\top} (o - y)) \odot 1\{z^{[1]} \leq 0\}"),
              ("o", r"o = W^{[2]} a^{[1]} + b^{[2]}"),
              ("chain", r"\frac{\partial J}{\partial W^{[2]}} = \frac{\partial J}{\partial o} \cdot \frac{\partial o}{\partial W^{[2]}}")]
    verdicts, _ = judge_all(d, claims)
    assert verdicts == {"dz1": "correct", "bad-dz1": "incorrect", "o": "correct", "chain": "correct"}


def test_a_worked_example_unit_by_unit_with_numbered_weights():
    """A student's worked example: z_1 = w_{11} x_1 + w_{21} x_2 + b_1 (w_{ij} from input i to hidden unit j; the
    spec's column convention lays W out inputs × units), h_1 = ReLU(z_1), two equations on one line, and the numbers
    carried through rounded arithmetic (-0.3866 · 1)."""
    d = net(hidden="relu", output="sigmoid", loss="binary_cross_entropy", inputs=2, units=(2, 1), convention="column")
    claims = [("z1", r"z_1 = w_{11}x_1 + w_{21}x_2 + b_1"), ("z2", r"z_2 = w_{12}x_1 + w_{22}x_2 + b_2"),
              ("bad-z2", r"z_2 = w_{21}x_1 + w_{22}x_2 + b_2"),
              ("h", r"h_1 = \text{ReLU}(z_1), \quad h_2 = \text{ReLU}(z_2)"),
              ("dw", r"\frac{\partial L}{\partial w_{21}} = \frac{\partial L}{\partial z_1} x_2"),
              ("bad-dw", r"\frac{\partial L}{\partial w_{21}} = \frac{\partial L}{\partial z_1} x_1")]
    verdicts, j = judge_all(d, claims)
    assert any("worked example" in c for c in j.inferred)
    assert verdicts == {"z1": "correct", "z2": "correct", "bad-z2": "incorrect", "h": "correct", "dw": "correct",
                        "bad-dw": "incorrect"}


def test_grosse_error_signals_and_unit_letters_read_from_the_definitions():
    """Grosse (CSC321/CSC413): \\bar{v} is ∂L/∂v, \\bar{\\mathcal{L}} = 1, dy/dz between quantities; his letters are j for
    an input, i a hidden unit, k an output (z_i = Σ_j w^{(1)}_{ij} x_j + b^{(1)}_i), not Bishop's."""
    d = net(hidden="sigmoid", output="identity", units=(4, 2))
    claims = [("z", r"z_i = \sum_j w^{(1)}_{ij} x_j + b^{(1)}_i"), ("h", r"h_i = \sigma(z_i)"),
              ("y", r"y_k = \sum_i w^{(2)}_{ki} h_i + b^{(2)}_k"), ("L", r"\mathcal{L} = \frac{1}{2}\sum_k (y_k - t_k)^2"),
              ("by", r"\bar{y}_k = \bar{\mathcal{L}}\,(y_k - t_k)"), ("bw2", r"\bar{w}^{(2)}_{ki} = \bar{y}_k\, h_i"),
              ("bh", r"\bar{h}_i = \sum_k \bar{y}_k\, w^{(2)}_{ki}"), ("bz", r"\bar{z}_i = \bar{h}_i \frac{dh_i}{dz_i}"),
              ("bad-bz", r"\bar{z}_i = \bar{h}_i\, \sigma(z_i)"), ("bad-bw1", r"\bar{w}^{(1)}_{ij} = \bar{z}_j\, x_i")]
    verdicts, j = judge_all(d, claims)
    assert any("unit letters read from the definitions" in c for c in j.inferred)
    assert verdicts == {"z": "correct", "h": "correct", "y": "correct", "L": "correct", "by": "correct", "bw2": "correct",
                        "bh": "correct", "bz": "correct", "bad-bz": "incorrect", "bad-bw1": "unchecked"}  # z_j: no z in layer 0


def test_a_chain_whose_result_does_not_read_is_not_called_correct():
    """Wikipedia's δ_j = ∂E/∂o_j ∂o_j/∂net_j = \\begin{cases} … \\text{if } j \\text{ is an output neuron} … \\end{cases}: the
    cases in words do not read; the sides before them hold, but what the claim concludes is not checked."""
    d = net(hidden="sigmoid", output="sigmoid", units=(4, 2))
    claims = [("chain", r"\delta^{(2)} = \frac{\partial J}{\partial z^{(2)}} = \zeta(z^{(2)})"),
              ("middle", r"\delta^{(2)} = \zeta(z^{(2)}) = \frac{\partial J}{\partial z^{(2)}}")]
    verdicts, j = judge_all(d, claims)
    results = {r.id: r for r in Judge(d).check_all([Claim(c, l) for c, l in claims])}
    assert verdicts["chain"] == "unchecked" and "last side" in results["chain"].message
    assert verdicts["middle"] == "correct"  # an unread middle step: the two ends read and agree


def test_a_bare_layer_letter_sensitivities_and_an_objective_without_the_half():
    """Hagan et al.'s notation on a 3-4-2 network: the layer is a bare m (W^{m+1}, a^{m-1}, M the last), n^m the
    summed input by its own definition, a^0 = p the input, a = a^M the output, s^m = ∂F̂/∂n^m the sensitivity, \\dot F^m
    the diagonal of derivatives, W^m(k+1) the next iterate — and F̂ = eᵀe without the ½, so s and the update are
    read on that scale (s^M = -2 \\dot F^M (t - a) holds; the spec's -1 × … does not)."""
    d = net(hidden="tanh", output="identity", units=(4, 2))
    claims = [("fwd", r"\mathbf{a}^{m+1} = \mathbf{f}^{m+1}(\mathbf{W}^{m+1}\mathbf{a}^{m} + \mathbf{b}^{m+1})"),
              ("in", r"\mathbf{a}^0 = \mathbf{p}"), ("out", r"\mathbf{a} = \mathbf{a}^M"),
              ("net", r"n_i^m = \sum_{j=1}^{S^{m-1}} w_{i,j}^m a_j^{m-1} + b_i^m"),
              ("F", r"\hat{F}(\mathbf{x}) = (\mathbf{t}(k) - \mathbf{a}(k))^T(\mathbf{t}(k) - \mathbf{a}(k))"),
              ("s", r"s_i^m = \frac{\partial \hat{F}}{\partial n_i^m}"),
              ("sM", r"\mathbf{s}^M = -2\dot{\mathbf{F}}^M(\mathbf{n}^M)(\mathbf{t} - \mathbf{a})"),
              ("bad-sM", r"\mathbf{s}^M = -\dot{\mathbf{F}}^M(\mathbf{n}^M)(\mathbf{t} - \mathbf{a})"),
              ("rec", r"\mathbf{s}^m = \dot{\mathbf{F}}^m(\mathbf{n}^m)(\mathbf{W}^{m+1})^T\mathbf{s}^{m+1}"),
              ("bad-rec", r"\mathbf{s}^m = \dot{\mathbf{F}}^m(\mathbf{n}^m)\mathbf{W}^{m+1}\mathbf{s}^{m+1}"),
              ("upd", r"\mathbf{W}^m(k+1) = \mathbf{W}^m(k) - \alpha\mathbf{s}^m(\mathbf{a}^{m-1})^T"),
              ("bad-upd", r"\mathbf{W}^m(k+1) = \mathbf{W}^m(k) - \alpha\mathbf{s}^m(\mathbf{a}^{m})^T"),
              ("deriv", r"\dot{f}^1(n) = 1 - (a^1)^2")]
    verdicts, j = judge_all(d, claims)
    assert any("m is the layer index" in c for c in j.inferred)
    assert any("2 × the spec's" in c for c in j.inferred)
    assert verdicts == {"fwd": "correct", "in": "correct", "out": "correct", "net": "correct", "F": "unchecked",
                        "s": "correct", "sM": "correct", "bad-sM": "incorrect", "rec": "correct", "bad-rec": "incorrect",
                        "upd": "correct", "bad-upd": "incorrect", "deriv": "correct"}


def test_rounded_arithmetic_is_judged_by_how_far_its_rounding_carries():
    """A worked example's step b' = b - α δ written with the given b and α and a rounded δ: the given numbers are
    exact, so the tolerance is what the rounding of δ carries (not ±0.05 from writing α = 0.1). δ is computed here
    by hand (an independent NumPy forward and backward pass)."""
    import numpy as np

    d = net(hidden="sigmoid", output="identity", inputs=1, units=(2, 1))
    W1, b1, W2, b2 = np.array([[-0.27], [-0.41]]), np.array([-0.48, -0.13]), np.array([[0.09, -0.17]]), np.array([0.48])
    x, y = np.array([1.0]), np.array([1.7071])
    h = 1 / (1 + np.exp(-(W1 @ x + b1)))
    delta2 = (W2 @ h + b2) - y  # ½(ŷ - y)², identity output
    delta1 = (W2.T @ delta2) * h * (1 - h)
    values = {"params": {"W1": W1, "b1": b1, "W2": W2, "b2": b2}, "x": x[None, :], "y": y[None, :]}
    tex = lambda v: r"\begin{bmatrix} " + r" \\ ".join(f"{e:.3f}" for e in v) + r" \end{bmatrix}"  # noqa: E731
    right = b1 - 0.1 * np.round(delta1, 3)
    claims = [("b1", rf"\mathbf{{b}}^{{(1)\prime}} = \begin{{bmatrix}} -0.48 \\ -0.13 \end{{bmatrix}} - 0.1 {tex(delta1)}"),
              ("bad-b1", rf"\mathbf{{b}}^{{(1)\prime}} = \begin{{bmatrix}} -0.48 \\ -0.13 \end{{bmatrix}} - 0.1 "
                         rf"{tex(delta1 + 0.1)}"),
              ("value", rf"\mathbf{{b}}^{{(1)\prime}} = {tex(right)}")]
    j = Judge(d, values=values)
    results = {r.id: r.verdict for r in j.check_all([Claim(c, latex) for c, latex in claims])}
    assert results == {"b1": "correct", "bad-b1": "incorrect", "value": "correct"}


def test_a_worked_example_whose_output_unit_has_its_own_letters():
    """A student's 2-2-1 example: o = v_1 h_1 + v_2 h_2 + c names the output weights v_k and bias c by the answer's own
    definition; ∂L/∂v_1, ∂L/∂c and the updates read on them."""
    d = net(hidden="relu", output="sigmoid", loss="binary_cross_entropy", inputs=2, units=(2, 1), convention="column")
    claims = [("z1", r"z_1 = w_{11}x_1 + w_{21}x_2 + b_1"), ("o", r"o = v_1 h_1 + v_2 h_2 + c"),
              ("yhat", r"\hat{y} = \sigma(o)"), ("dv1", r"\frac{\partial L}{\partial v_1} = (\hat{y} - y) h_1"),
              ("bad-dv1", r"\frac{\partial L}{\partial v_1} = (\hat{y} - y) h_2"),
              ("dc", r"\frac{\partial L}{\partial c} = \hat{y} - y"),
              ("dh1", r"\frac{\partial L}{\partial h_1} = (\hat{y} - y) v_1"),
              ("bad-dh1", r"\frac{\partial L}{\partial h_1} = (\hat{y} - y) v_2")]
    verdicts, j = judge_all(d, claims)
    assert any("output unit's weights" in c for c in j.inferred)
    assert verdicts == {"z1": "correct", "o": "correct", "yhat": "correct", "dv1": "correct", "bad-dv1": "incorrect",
                        "dc": "correct", "dh1": "correct", "bad-dh1": "incorrect"}


def test_the_output_letter_with_a_layer_and_one_generic_activation():
    """Rojas: o^{(1)}, o_j^{(2)} are the outputs of layers 1 and 2 (o alone is the network's output), and s(x) is the
    activation every layer shares (its derivative identity reads without a layer)."""
    d = net(hidden="sigmoid", output="sigmoid", units=(4, 2))
    claims = [("ds", r"\frac{d}{dx}s(x) = s(x)(1 - s(x))"), ("bad-ds", r"\frac{d}{dx}s(x) = s(x)(1 + s(x))"),
              ("delta2", r"\delta_j^{(2)} = o_j^{(2)}(1 - o_j^{(2)})(o_j^{(2)} - t_j)"),
              ("bad-delta2", r"\delta_j^{(2)} = o_j^{(2)}(1 - o_j^{(2)})(t_j - o_j^{(2)})")]
    verdicts, _ = judge_all(d, claims)
    assert verdicts == {"ds": "correct", "bad-ds": "incorrect", "delta2": "correct", "bad-delta2": "incorrect"}


def test_ng_accumulators_add_each_examples_gradient():
    """Ng's Machine Learning course: Δ^{(l)} := Δ^{(l)} + δ^{(l+1)} (a^{(l)})^T adds one example's gradient of the data
    loss to an accumulator over the examples (input as layer 1, W^{(l)} leaving layer l); a wrong term is wrong."""
    d = net(hidden="sigmoid", output="sigmoid", units=(4, 2))
    claims = [("z2", r"z^{(2)} = W^{(1)} a^{(1)} + b^{(1)}"), ("a1", r"a^{(1)} = x"),
              ("acc", r"\Delta^{(l)} := \Delta^{(l)} + \delta^{(l+1)} (a^{(l)})^T"),
              ("bad-acc", r"\Delta^{(l)} := \Delta^{(l)} + \delta^{(l)} (a^{(l)})^T"),
              ("bad-acc2", r"\Delta^{(2)} := \Delta^{(2)} + \delta^{(3)} (a^{(3)})^T")]
    verdicts, j = judge_all(d, claims)
    assert any("accumulates" in c for c in j.inferred)
    assert verdicts == {"z2": "correct", "a1": "correct", "acc": "correct", "bad-acc": "incorrect", "bad-acc2": "incorrect"}


def test_hidden_and_output_units_with_activation_letters_of_their_own():
    """Duda, Hart & Stork: y_j = f(net_j) a hidden unit's output, z_k = f(net_k) an output unit's (the one compared
    with the target t_k), the bias as w_{j0} on x_0 = 1, δ_k = -∂J/∂net_k, and the iterate w(m+1)."""
    d = net(hidden="tanh", output="sigmoid", units=(4, 2))
    claims = [("net-j", r"net_j = \sum_{i=1}^{d} x_i w_{ji} + w_{j0}"), ("y", r"y_j = f(net_j)"),
              ("z", r"z_k = f(net_k)"), ("J", r"J = \frac{1}{2}\sum_{k=1}^{c}(t_k - z_k)^2"),
              ("dk", r"\delta_k = -\frac{\partial J}{\partial net_k} = (t_k - z_k) f'(net_k)"),
              ("bad-dk", r"\delta_k = (z_k - t_k) f'(net_k)"),
              ("dj", r"\delta_j = f'(net_j)\sum_{k=1}^{c} w_{kj}\delta_k"),
              ("bad-dj", r"\delta_j = f'(net_j)\sum_{k=1}^{c} w_{jk}\delta_k"),
              ("iter", r"\mathbf{w}(m+1) = \mathbf{w}(m) - \eta \frac{\partial J}{\partial \mathbf{w}(m)}")]
    verdicts, j = judge_all(d, claims)
    assert any("y is a hidden unit's output and z an output unit's" in c for c in j.inferred)
    assert verdicts == {"net-j": "correct", "y": "correct", "z": "correct", "J": "correct", "dk": "correct",
                        "bad-dk": "incorrect", "dj": "correct", "bad-dj": "incorrect", "iter": "correct"}


def test_implied_sums_an_outer_product_and_t_as_the_answers_own_symbol():
    """A CS224d student's answer: t = x W^{(1)} + b^{(1)} names the hidden summed input (t is not the step counter
    here), a repeated index no other side uses is summed (Einstein: J = -y_i log ŷ_i), h ⊗ δ of two vectors of
    different lengths is their outer product, and ∂CE/∂θ with θ the softmax's input (e^{θ_i})."""
    d = net(hidden="sigmoid", output="softmax", loss="cross_entropy", inputs=4, units=(5, 3), convention="column")
    claims = [("t", r"t = x W^{(1)} + b^{(1)}"), ("h", r"h = \sigma(t)"), ("v", r"v = h W^{(2)} + b^{(2)}"),
              ("J", r"J = - y_i \log(\hat{y}_i)"), ("bad-J", r"J = - y_i \log(1 - \hat{y}_i)"),
              ("soft", r"\hat{y}_i = \frac{e^{\theta_i}}{\sum_m e^{\theta_m}}"),
              ("dtheta", r"\frac{\partial CE}{\partial \theta} = \hat{y} - y"),
              ("W2", r"\frac{\partial J}{\partial W^{(2)}} = h \otimes [\hat{y} - y]"),
              ("bad-W2", r"\frac{\partial J}{\partial W^{(2)}} = h \otimes [y - \hat{y}]")]
    verdicts, _ = judge_all(d, claims)
    assert verdicts == {"t": "correct", "h": "correct", "v": "correct", "J": "correct", "bad-J": "incorrect",
                        "soft": "correct", "dtheta": "correct", "W2": "correct", "bad-W2": "incorrect"}


def test_a_display_that_starts_with_an_equals_sign_continues_the_equation_before():
    """Students break a long derivation over displays: $$\\frac{∂J}{∂z} = a$$ then $$= b$$ — the second is about ∂J/∂z."""
    from gradproof.verify.document import extract

    text = ("$$\\delta^{(2)} = \\frac{\\partial J}{\\partial z^{(2)}} \\tag{d}$$\n\nand so\n\n"
            "$$= \\hat{y} - y \\tag{e}$$\n\n$$ = y - \\hat{y} \\tag{f}$$")
    claims = extract(text)
    assert [c.latex.split("=")[0].strip() for c in claims] == ["\\delta^{(2)}"] * 3
    d = net(hidden="tanh", output="softmax", loss="cross_entropy", units=(4, 3))
    verdicts, _ = judge_all(d, [(c.id, c.latex) for c in claims])
    assert verdicts == {"d": "correct", "e": "correct", "f": "incorrect"}


def test_bare_letters_take_the_layer_of_their_definition_and_delta_as_a_derivative_prefix():
    """A learner's row-major batch: a_1 = X W_1 + b_1, h = ReLU(a_1) (layer 1), z = h W_2 + b_2 (layer 2, not the
    hidden layer's z), p = softmax(z) is ŷ and P the same batch array; δz = ∂L/∂z of the mean loss (with its 1/N)."""
    d = net(hidden="relu", output="softmax", loss="cross_entropy", inputs=4, units=(5, 3), convention="column")
    claims = [("a1", r"a_1 = XW_1 + b_1"), ("h", r"h = \mathrm{ReLU}(a_1)"), ("z", r"z = hW_2 + b_2"),
              ("p", r"p = \mathrm{softmax}(z)"), ("dz", r"\delta z = \frac{P - Y}{N}"), ("bad-dz", r"\delta z = P - Y"),
              ("dW2", r"\nabla_{W_2} = h^T \delta z"), ("dh", r"\delta h = \delta z W_2^T"),
              ("bad-dh", r"\delta h = \delta z W_2")]
    verdicts, j = judge_all(d, claims, batch=3)
    assert any("z is layer 2's" in c for c in j.inferred)
    assert verdicts == {"a1": "correct", "h": "correct", "z": "correct", "p": "correct", "dz": "correct",
                        "bad-dz": "incorrect", "dW2": "correct", "dh": "correct", "bad-dh": "incorrect"}


def test_nabla_a_in_a_claim_about_layer_l_and_an_accumulator_given_the_penalty():
    """Li's notes: ∇_a C = (w^l)^T δ^{l+1} is the gradient by a^l (Nielsen's ∇_a C, in BP1, is the output's); and after
    Raschka's Δ^{(l)} := Δ^{(l)} + λ^{(l)}, which value of Δ a later claim means is not said (unchecked, never wrong)."""
    d = net(hidden="sigmoid", output="sigmoid", units=(4, 2))
    claims = [("grad-a", r"\nabla_a C = (W^{(l+1)})^T \delta^{(l+1)}"), ("bad-grad-a", r"\nabla_a C = W^{(l+1)} \delta^{(l+1)}"),
              ("bp1", r"\delta^{(2)} = \nabla_a C \odot \sigma'(z^{(2)})")]
    verdicts, _ = judge_all(d, claims)
    assert verdicts == {"grad-a": "correct", "bad-grad-a": "incorrect", "bp1": "correct"}
    claims = [("acc", r"\Delta^{(l)} := \Delta^{(l)} + \delta^{(l+1)} (a^{(l)})^T"),
              ("pen", r"\Delta^{(l)} := \Delta^{(l)} + \lambda W^{(l)}"), ("upd", r"W^{(l)} := W^{(l)} - \eta \Delta^{(l)}")]
    verdicts, _ = judge_all(net(hidden="sigmoid", output="sigmoid", units=(4, 2), reg={"name": "l2", "lambda": 0.1}),
                            claims)
    assert verdicts == {"acc": "unchecked", "pen": "unchecked", "upd": "unchecked"}


def test_a_bias_unit_a0_puts_the_bias_in_column_0_of_w():
    """Raschka's and Ng's convention: a^{(1)} = [1, x_1, …, x_m] carries a bias unit a_0 = 1 and W^{(1)} the bias as
    its column 0, so z^{(2)} = W^{(1)} a^{(1)} has no "+ b" and is right; a sum written out over a_0 … a_2 with no
    "…" counts units from 0 (3Blue1Brown), so a missing bias there stays a mistake, never read as a bias unit."""
    d = net(hidden="sigmoid", output="sigmoid", inputs=4, units=(5, 3))
    claims = [("unit", r"z_{1}^{(2)} = a_{0}^{(1)} w_{1,0}^{(1)} + a_{1}^{(1)} w_{1, 1}^{(1)} + \dots + a_{m}^{(1)} w_{1, m}^{(1)}"),
              ("z2", r"\mathbf{z}^{(2)} = \mathbf{W}^{(1)} \mathbf{a}^{(1)}"),
              ("bad-z2", r"\mathbf{z}^{(2)} = (\mathbf{W}^{(1)})^T \mathbf{a}^{(1)}"),
              ("a2", r"\mathbf{a}^{(2)} = \phi(\mathbf{z}^{(2)})"), ("z3", r"\mathbf{z}^{(3)} = \mathbf{W}^{(2)} \mathbf{a}^{(2)}")]
    verdicts, j = judge_all(d, claims, notation=Notation(options=(("input_layer", 1), ("weights_numbered_by", "source"))))
    assert any("bias unit" in c for c in j.inferred)
    assert {k: verdicts[k] for k in ("z2", "bad-z2", "a2", "z3")} == {
        "z2": "correct", "bad-z2": "incorrect", "a2": "correct", "z3": "correct"}
    counted = [("zj", r"z_j^{(2)} = w_{j0}^{(2)} a_0^{(1)} + w_{j1}^{(2)} a_1^{(1)} + w_{j2}^{(2)} a_2^{(1)} + w_{j3}^{(2)} a_3^{(1)}")]
    verdicts, j = judge_all(net(hidden="sigmoid", output="sigmoid", inputs=4, units=(4, 2)), counted)
    assert not any("bias unit" in c for c in j.inferred) and verdicts["zj"] != "correct"


def test_einstein_indices_may_be_any_letter():
    """A CS224d student sums over a, b, c as freely as over i, j, k: ŷ_a, v_b, W_{cb} are entries for every value."""
    d = net(hidden="sigmoid", output="softmax", loss="cross_entropy", inputs=4, units=(5, 3), convention="column")
    claims = [("t", r"t = x W^{(1)} + b^{(1)}"), ("h", r"h = \sigma(t)"), ("v", r"v = h W^{(2)} + b^{(2)}"),
              ("vb", r"v_b = h_c W^{(2)}_{cb} + b^{(2)}_b"),
              ("bad-vb", r"v_b = h_c W^{(2)}_{bc} + b^{(2)}_b"),
              ("dJ", r"\frac{\partial J}{\partial v_b} = \hat{y}_b - y_b"),
              ("bad-dJ", r"\frac{\partial J}{\partial v_b} = y_b - \hat{y}_b")]
    verdicts, _ = judge_all(d, claims)
    assert {k: verdicts[k] for k in ("vb", "bad-vb", "dJ", "bad-dJ")} == {
        "vb": "correct", "bad-vb": "incorrect", "dJ": "correct", "bad-dJ": "incorrect"}


def test_a_functions_derivative_by_its_argument_and_a_closing_remark_in_words():
    """Raschka writes σ' as \\frac{\\partial \\phi(z^{(2)})}{\\partial z^{(2)}} (checked against φ(1 − φ), a planted
    σ alone fails), and ends displays with a remark in words, \\quad \\text{(net input of the hidden layer)}."""
    d = net(hidden="sigmoid", output="sigmoid", units=(4, 2))
    claims = [("dphi", r"\frac{\partial \sigma(z^{(1)})}{\partial z^{(1)}} = h^{(1)} \odot (1 - h^{(1)})"),
              ("bad-dphi", r"\frac{\partial \sigma(z^{(1)})}{\partial z^{(1)}} = h^{(1)}"),
              ("dsig", r"\frac{d \sigma(z^{(1)})}{d z^{(1)}} = \sigma(z^{(1)})(1 - \sigma(z^{(1)}))"),
              ("bp", r"\delta^{(1)} = (W^{(2)})^T \delta^{(2)} \odot \frac{\partial \sigma(z^{(1)})}{\partial z^{(1)}}"),
              ("remark", r"z^{(2)} = W^{(2)} h^{(1)} + b^{(2)} \quad \text{(net input of the output layer)}"),
              ("bad-remark", r"z^{(2)} = W^{(2)} h^{(1)} \qquad \text{(net input of the output layer)}")]
    verdicts, _ = judge_all(d, claims)
    assert verdicts == {"dphi": "correct", "bad-dphi": "incorrect", "dsig": "correct", "bp": "correct",
                        "remark": "correct", "bad-remark": "incorrect"}


def test_an_input_written_transposed_against_the_layout_is_not_graded_on_a_guess():
    """Z^{(2)} = W^{(1)} [A^{(1)}]^T holds when the data matrix keeps one sample per row while Z keeps one per column;
    with nothing in the answer saying so, it is unchecked (never a false reject), and a claim wrong either way stays
    incorrect."""
    d = net(hidden="sigmoid", output="sigmoid", inputs=4, units=(5, 3))
    claims = [("z2", r"Z^{(2)} = W^{(2)} H^{(1)} + b^{(2)}"), ("z1", r"Z^{(1)} = W^{(1)} [X]^T + b^{(1)}"),
              ("bad-z1", r"Z^{(1)} = (W^{(1)})^T [X]^T + b^{(1)}")]
    verdicts, _ = judge_all(d, claims, batch=3, notation=Notation(options=(("layout", "columns"),)))
    assert verdicts["z1"] == "unchecked" and verdicts["bad-z1"] == "incorrect"


def test_capital_b_with_a_layer_is_the_bias_and_n_out_is_a_layer_size():
    """A student's B^{(2)} beside W^{(2)} is the bias (B alone would be a batch size: then B is not read as a bias);
    N_{out}, n_{in}, n_h are the numbers of units of the output, input and hidden layers."""
    d = net(hidden="sigmoid", output="sigmoid", inputs=3, units=(4, 2))
    claims = [("dB", r"\frac{\partial C}{\partial B^{(2)}} = \delta^{(2)}"),
              ("bad-dB", r"\frac{\partial C}{\partial B^{(2)}} = -\delta^{(2)}"),
              ("size", r"\frac{\partial J}{\partial W^{(2)}} = \frac{N_{out}}{2} \delta^{(2)} (h^{(1)})^T"),
              ("size-in", r"\frac{\partial J}{\partial W^{(1)}} = \frac{n_{in}}{3} \delta^{(1)} x^T")]
    verdicts, _ = judge_all(d, claims)
    assert verdicts == {"dB": "correct", "bad-dB": "incorrect", "size": "correct", "size-in": "correct"}
    verdicts, _ = judge_all(d, claims[:1] + [("batch", r"\frac{1}{B} = \frac{1}{B}")])
    assert verdicts["dB"] == "unchecked"


def test_a_symbol_defined_entry_by_entry_names_the_vector():
    """Runevic's p_i = exp(z_i) / Σ_j exp(z_j) (with the = of \\sum_{j=1} inside it) defines the vector p = ŷ, so
    L(p, y), p_k - y_k and p - y read; a softmax definition gone wrong names nothing, and what uses p is then
    unchecked, never judged on the wrong definition."""
    d = net(hidden="sigmoid", output="softmax", loss="cross_entropy", inputs=4, units=(5, 3), convention="row")
    defn = ("p", r"p_{i} = \frac{\exp(z_{i}^{(2)})}{\sum_{j=1}^{o} \exp(z_{j}^{(2)})}")
    uses = [("L", r"L(p, y) = -\sum_{i=1}^{o} y_{i} \log(p_{i})"),
            ("dz", r"\frac{\partial L(p, y)}{\partial z_{k}^{(2)}} = p_{k} - y_{k}"),
            ("bad-dz", r"\frac{\partial L(p, y)}{\partial z_{k}^{(2)}} = y_{k} - p_{k}"),
            ("dW", r"\frac{\partial L(p, y)}{\partial W_{i, j}^{(2)}} = (p_i - y_i) a_{j}^{(1)}")]
    verdicts, _ = judge_all(d, [defn, *uses])
    assert verdicts == {"p": "correct", "L": "correct", "dz": "correct", "bad-dz": "incorrect", "dW": "correct"}
    wrong = ("p", r"p_{i} = \frac{\exp(z_{i}^{(2)})}{\sum_{j=1}^{o} z_{j}^{(2)}}")
    verdicts, _ = judge_all(d, [wrong, *uses])
    assert set(verdicts.values()) == {"unchecked"}


def test_kroneckers_delta_with_two_index_letters():
    """δ_{ij}, δ_{i,k} with two index letters and no layer is Kronecker's delta (students' softmax Jacobians)."""
    d = net(hidden="sigmoid", output="softmax", loss="cross_entropy", inputs=4, units=(5, 3), convention="row")
    claims = [("jac", r"\frac{\partial \hat{y}_i}{\partial z_{j}^{(2)}} = \hat{y}_i (\delta_{ij} - \hat{y}_j)"),
              ("bad-jac", r"\frac{\partial \hat{y}_i}{\partial z_{j}^{(2)}} = \hat{y}_i (\delta_{ij} - \hat{y}_i)"),
              ("dz", r"\frac{\partial L}{\partial z_{k}^{(2)}} = -\sum_{i} y_{i} (\delta_{i, k} - \hat{y}_{k})"),
              ("bad-dz", r"\frac{\partial L}{\partial z_{k}^{(2)}} = -\sum_{i} y_{i} (\delta_{i, k} - \hat{y}_{i})")]
    verdicts, _ = judge_all(d, claims)
    assert verdicts == {"jac": "correct", "bad-jac": "incorrect", "dz": "correct", "bad-dz": "incorrect"}


def test_einstein_sums_stay_inside_their_term_and_a_stray_index_is_not_graded():
    """A dummy index repeated within one factor (ŷ_p δ_{pk} in a bracket) is summed inside that factor, each later
    side of a chain has its own dummies; an index left free on a later side that the left side lacks (e^{θ_m} meaning
    Σ_m e^{θ_m}) makes the claim unchecked, not wrong."""
    d = net(hidden="sigmoid", output="softmax", loss="cross_entropy", inputs=4, units=(5, 3), convention="column")
    dz = r"\frac{\partial J}{\partial z^{(2)}_k} = -y_i \frac{1}{\hat{y}_i} "
    claims = [("bracket", dz + r"[\hat{y}_i \delta_{ik} - \hat{y}_i \hat{y}_p \delta_{pk}]"),
              ("bad-bracket", dz + r"[\hat{y}_i \delta_{ik} + \hat{y}_i \hat{y}_p \delta_{pk}]"),
              ("chain", r"\frac{\partial J}{\partial z^{(2)}_k} = -y_i [\delta_{ik} - \hat{y}_k] = \hat{y}_k - y_k"),
              ("stray", r"\frac{\partial J}{\partial z^{(2)}_k} = \hat{y}_k - y_m")]
    verdicts, _ = judge_all(d, claims)
    assert verdicts == {"bracket": "correct", "bad-bracket": "incorrect", "chain": "correct", "stray": "unchecked"}


def test_an_answer_that_writes_no_bias_anywhere_is_judged_without_biases():
    """Kyle Lo's z^{(l)} = w_l^T h^{(l-1)}: a network without biases (its points have b = 0); one bias written anywhere
    in the answer makes a forward definition without it a mistake again."""
    d = net(hidden="tanh", output="softmax", loss="cross_entropy", inputs=3, units=(4, 3), convention="column")
    claims = [("z1", r"z^{(1)} = (W^{(1)})^T x"), ("z2", r"z^{(2)} = (W^{(2)})^T h^{(1)}"),
              ("bad-z2", r"z^{(2)} = W^{(2)} h^{(1)}")]
    verdicts, j = judge_all(d, claims)
    assert any("no biases" in c for c in j.inferred)
    assert {k: verdicts[k] for k in ("z2", "bad-z2")} == {"z2": "correct", "bad-z2": "incorrect"}
    verdicts, _ = judge_all(d, [*claims, ("with-b", r"z^{(1)} = (W^{(1)})^T x + b^{(1)}")])
    assert verdicts["z2"] == "incorrect" and verdicts["with-b"] == "correct"
