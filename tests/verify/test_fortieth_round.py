r"""The fortieth round (issue 10): three readings that judged a claim wrong which a grader would not, found by listing
every claim of the corpus's faithful (unplanted) documents that verify called incorrect and no grader had listed.

- A function letter defined again for another layer (mdpii's "ReLU for the hidden layer, ``f(z) = \max(0, z)``", then
  "for the output layer, simply ``f(z) = z``"): the second definition was judged against the first one's layer.
- A value a worked example chooses — the input, the target, a weight, a bias — written with another number of entries
  than the spec's network has (``x = 0``, ``b^{(1)} = 0``, a 2 × 2 ``W^{(1)}`` beside a spec's 16 × 4): an example of
  another size, not a wrong claim (a computed quantity of the wrong size stays wrong).
- A definition of the objective written out as a loss of the other family than the spec's (CS229's list of losses:
  ``L(\hat y, y) = \frac{1}{2}(\hat y - y)^2`` for regression beside the network's cross-entropy): another loss, not the
  spec's written wrongly. A formula of the spec's own family that is wrong stays wrong.
- A list of standard activations under one letter (``f(x) = \max(0, x)``, ``f(x) = \frac{1}{1+e^{-x}}``, …): examples;
  a broken formula among them stays judged.
- An optimizer's state set to zero (``V_{dW} = 0``, ``m = 0, v = 0``, ``v_t \leftarrow 0``): its value before the first
  step; a quantity set to a lone 0 (``a = 0``, ``\nabla J = 0``): a condition or an example's zeros, not judged.
- E notation typed in TeX (``\epsilon = 1e^{-8}``, ``1e{-6}``): the number, not 1·e^{-8}.

Every expected verdict is decided by NumPy on the network's definitions, not by reading the claim."""

from __future__ import annotations

import numpy as np
from test_nineteenth_round_coordinator import _spec
from test_thirty_third_round import _line
from test_twenty_first_round import _verify

RELU_LINEAR = _spec("relu_linear", "row", 3, [(2, "relu"), (1, "identity")], "squared_error", 0.1)
SIGMOID_SOFTMAX = _spec("sig_soft", "row", 4, [(5, "sigmoid"), (3, "softmax")], "cross_entropy", 0.1)
SIGMOID_BCE = _spec("sig_bce", "row", 4, [(5, "tanh"), (1, "sigmoid")], "binary_cross_entropy", 0.1)


def _relu(z):
    return np.maximum(z, 0)


def _activation_holds(f, g) -> bool:
    """Whether two activations agree on a grid of summed inputs (both signs, zero)."""
    z = np.linspace(-3, 3, 61)
    return bool(np.allclose(f(z), g(z)))


# -- a function letter defined again ------------------------------------------------------------------------------

LETTER = """## Activations

ReLU for the hidden layer:

$$f(z) = \\max(0, z)$$

For the output layer, no activation, simply $f(z) = z$.

A wrong one for the output layer: $f(z) = z^2$.

And the hidden layer's again: $f(z) = \\max(z, 0)$.
"""


def test_a_letter_defined_again_for_the_output_layer_is_judged_as_that_layers_activation(tmp_path):
    got = _verify(tmp_path, RELU_LINEAR, LETTER)
    first, again, wrong, same = (_line(LETTER, t) for t in (
        "$$f(z) = \\max(0, z)$$", "For the output layer, no activation, simply $f(z) = z$.",
        "A wrong one for the output layer: $f(z) = z^2$.", "And the hidden layer's again: $f(z) = \\max(z, 0)$."))
    # the oracle: the spec's hidden activation is ReLU, its output identity; z ↦ z is the output's, not the hidden's
    assert _activation_holds(_relu, lambda z: np.maximum(0, z)) and not _activation_holds(_relu, lambda z: z)
    assert _activation_holds(lambda z: z, lambda z: z) and not _activation_holds(lambda z: z, lambda z: z ** 2)
    assert got[first].verdict == "correct"
    assert got[again].verdict == "correct", got[again].message  # was: incorrect "for the activation of layer 1"
    assert any("defined again" in n for n in got[again].notes)
    # z² is no layer's activation: wrong whichever layer it is meant for
    assert got[wrong].verdict == "incorrect"
    assert got[same].verdict == "correct"  # a restatement of the first holds for its layer, as before


def test_a_letter_whose_first_definition_binds_no_single_layer_is_not_changed(tmp_path):
    # both layers ReLU: the first definition binds f to every layer, so a second one is judged as before
    both = _spec("relu_relu", "row", 3, [(2, "relu"), (2, "relu")], "squared_error", 0.1)
    body = "$$f(z) = \\max(0, z)$$\n\nThen $f(z) = z$.\n"
    got = _verify(tmp_path, both, body)
    assert got["line 1"].verdict == "correct"
    assert got["line 3"].verdict != "correct"


# -- a worked example's values of another size ----------------------------------------------------------------------

SIZES = """$$x = 0$$

$$b^{(1)} = 0$$

$$W^{(1)} = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$$

$$\\frac{\\partial J}{\\partial W^{(2)}} = 0$$

$$h^{(1)} = \\begin{bmatrix} 0.1 \\\\ 0.2 \\end{bmatrix}$$

$$h^{(1)} = 0$$
"""


def test_an_example_value_of_another_size_is_unchecked_but_a_computed_one_stays_judged(tmp_path):
    got = _verify(tmp_path, SIGMOID_SOFTMAX, SIZES)
    for text in ("$$x = 0$$", "$$b^{(1)} = 0$$", "$$h^{(1)} = 0$$"):  # zeros: a vector of any size
        r = got[_line(SIZES, text)]
        assert r.verdict == "unchecked" and "sets a quantity to 0" in r.message, (text, r.message)
    r = got[_line(SIZES, "$$W^{(1)} = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$$")]
    assert r.verdict == "unchecked" and "gives 4 numbers for what is 5×4" in r.message, r.message
    # ∂J/∂W⁽²⁾ = 0: not zero at a random point of the network — a derivative claimed zero (a vanishing gradient)
    # stays judged
    rng = np.random.default_rng(3)
    x, W1, b1, W2, b2 = rng.normal(size=4), rng.normal(size=(5, 4)), rng.normal(size=5), rng.normal(size=(3, 5)), rng.normal(size=3)
    h = 1 / (1 + np.exp(-(W1 @ x + b1)))
    z = W2 @ h + b2
    p = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
    y = np.eye(3)[1]
    assert np.abs(np.outer(p - y, h)).max() > 1e-3
    assert got[_line(SIZES, "$$\\frac{\\partial J}{\\partial W^{(2)}} = 0$$")].verdict == "incorrect"
    # a computed quantity with two numbers for five hidden units is wrong whatever the values (as before)
    assert got[_line(SIZES, "$$h^{(1)} = \\begin{bmatrix} 0.1 \\\\ 0.2 \\end{bmatrix}$$")].verdict == "incorrect"


# -- a loss of the other family ----------------------------------------------------------------------------------------

LOSSES = """$$L(\\hat y, y) = \\frac{1}{2} (\\hat y - y)^2$$

$$J = \\frac{1}{2}\\|\\hat y - y\\|^2$$

$$L = -\\sum_j y_j \\log \\hat y_j$$

$$L = -\\sum_j y_j \\log (1 - \\hat y_j)$$

$$L = \\sum_j y_j \\log \\hat y_j$$
"""


def _cross_entropy(p, y):
    return float(-(y * np.log(p)).sum())


def test_a_squared_error_beside_a_cross_entropy_is_another_loss_and_a_wrong_cross_entropy_stays_wrong(tmp_path):
    got = _verify(tmp_path, SIGMOID_SOFTMAX, LOSSES)
    rng = np.random.default_rng(5)
    p, y = rng.dirichlet(np.ones(3)), np.eye(3)[2]
    assert not np.isclose(0.5 * ((p - y) ** 2).sum(), _cross_entropy(p, y))  # the squared error is not the spec's loss
    for text in ("$$L(\\hat y, y) = \\frac{1}{2} (\\hat y - y)^2$$", "$$J = \\frac{1}{2}\\|\\hat y - y\\|^2$$"):
        r = got[_line(LOSSES, text)]
        assert r.verdict == "unchecked" and "the squared error, another loss than the spec's cross entropy" in r.message
    assert got[_line(LOSSES, "$$L = -\\sum_j y_j \\log \\hat y_j$$")].verdict == "correct"
    # log(1 − ŷ) and the lost minus sign: cross-entropies written wrongly, judged against the spec's
    assert not np.isclose(-(y * np.log(1 - p)).sum(), _cross_entropy(p, y))
    assert not np.isclose((y * np.log(p)).sum(), _cross_entropy(p, y))
    assert got[_line(LOSSES, "$$L = -\\sum_j y_j \\log (1 - \\hat y_j)$$")].verdict == "incorrect"
    assert got[_line(LOSSES, "$$L = \\sum_j y_j \\log \\hat y_j$$")].verdict == "incorrect"


def test_the_families_are_told_apart_in_both_directions_and_a_cross_entropy_under_bce_is_judged(tmp_path):
    got = _verify(tmp_path, RELU_LINEAR, "$$L = -\\sum_j y_j \\log \\hat y_j$$\n\n$$L = \\frac{1}{2}(\\hat y - y)^2$$\n")
    assert got["line 1"].verdict == "unchecked" and "a cross-entropy, another loss" in got["line 1"].message
    assert got["line 3"].verdict == "correct"
    # under binary cross-entropy, the categorical form −y log ŷ (the (1 − y) term forgotten) is the same family: wrong
    got = _verify(tmp_path, SIGMOID_BCE, "$$L = -y \\log \\hat y$$\n\n$$L = (\\hat y - y)^2$$\n")
    assert got["line 1"].verdict == "incorrect"
    assert got["line 3"].verdict == "unchecked"


# -- a list of activations under one letter -------------------------------------------------------------------------

LIST = """## Common activations

- ReLU: $f(x) = \\max(0, x)$
- Sigmoid: $f(x) = \\frac{1}{1 + e^{-x}}$
- Tanh: $f(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}$
- A broken one: $f(x) = \\frac{1}{1 - e^{-x}}$
"""


def test_a_list_of_activations_under_one_letter_is_examples_but_a_broken_formula_stays_wrong(tmp_path):
    sigmoid_net = _spec("sig_sig", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.1)
    got = _verify(tmp_path, sigmoid_net, LIST)
    z = np.linspace(-3, 3, 61)
    sigmoid = 1 / (1 + np.exp(-z))
    assert not np.allclose(_relu(z), sigmoid) and not np.allclose(np.tanh(z), sigmoid)
    assert np.allclose((np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z)), np.tanh(z))
    relu, sig, tanh, broken = (got[_line(LIST, t)] for t in LIST.splitlines()[2:6])
    assert sig.verdict == "correct"  # the network's own activation
    for r in (relu, tanh):  # ReLU and tanh beside the sigmoid under the same letter: a list of examples
        assert r.verdict == "unchecked" and "a list of functions under one letter" in r.message, r.message
    # 1/(1 − e^{−z}) is no standard function (a sign slip in the sigmoid): judged, and wrong
    with np.errstate(divide="ignore"):
        assert not np.allclose(1 / (1 - np.exp(-z[z != 0])), sigmoid[z != 0])
    assert broken.verdict == "incorrect"


def test_one_definition_beside_the_derivative_it_lists_is_judged_whole(tmp_path):
    # the sigmoid and a wrong derivative on one line: the slip in f' is judged (not hidden by the list rule)
    sigmoid_net = _spec("sig_sig", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.1)
    body = LIST + "\n$$f(x) = \\frac{1}{1 + e^{-x}}, \\quad f'(x) = f(x)(1 + f(x))$$\n"
    z = np.linspace(-3, 3, 61)
    s = 1 / (1 + np.exp(-z))
    assert not np.allclose(s * (1 + s), np.gradient(s, z), atol=1e-2)
    assert _verify(tmp_path, sigmoid_net, body)[f"line {len(body.splitlines())}"].verdict == "incorrect"


# -- an optimizer's state set to zero -----------------------------------------------------------------------------------

ADAM = _spec("adam_net", "row", 3, [(4, "tanh"), (2, "sigmoid")], "binary_cross_entropy", 0.1).replace(
    'name = "sgd"', 'name = "adam"')
INIT = """Initialize $V_{dW} = 0$, $S_{dW} = 0$, and $m = 0, v = 0$ for Adam; at step 0, $m_0 = 0$.

A wrong state: $v_{dW} = \\beta_2 v_{dW} + (1 - \\beta_2) dW$.
"""


def test_an_optimizer_state_set_to_zero_is_its_value_before_the_first_step(tmp_path):
    # Adam (Kingma & Ba, Algorithm 1) starts m_0 = v_0 = 0, which its bias correction undoes at step 1: m̂_1 = g
    g, beta1 = np.random.default_rng(2).normal(size=3), 0.9
    assert np.allclose((beta1 * 0 + (1 - beta1) * g) / (1 - beta1 ** 1), g)
    got = _verify(tmp_path, ADAM, INIT)
    firsts = [r for cid, r in got.items() if cid.startswith("line 1")]
    assert len(firsts) >= 4 and all(r.verdict == "correct" for r in firsts), [(r.id, r.verdict, r.message) for r in firsts]
    assert any("before the first step" in r.message for r in firsts)
    # the second moment without its square is no initialisation: judged, and wrong (v_t uses g², not g)
    v, dW = np.random.default_rng(4).uniform(size=3), np.random.default_rng(5).normal(size=3)
    assert not np.allclose(0.999 * v + 0.001 * dW, 0.999 * v + 0.001 * dW ** 2)
    assert got["line 3"].verdict == "incorrect", got["line 3"].message


# -- E notation typed in TeX -----------------------------------------------------------------------------------------------

def test_e_notation_typed_with_a_caret_or_braces_is_the_number_and_e_to_a_small_power_stays_e(tmp_path):
    from gradproof.verify.normalize import normalize

    assert normalize(r"\epsilon = 1e^{-8}") == r"\epsilon = 1e-8"
    assert normalize(r"\epsilon=1e{-6}") == r"\epsilon=1e-6"
    assert normalize("ε = 1e − 8").endswith("1e-8")
    assert normalize(r"2e^{-1}") == r"2e^{-1}" and normalize(r"\frac{1}{1+e^{-x}}") == r"\frac{1}{1+e^{-x}}"
    got = _verify(tmp_path, SIGMOID_SOFTMAX.replace('name = "sgd"', 'name = "rmsprop"\nepsilon = 1e-6'),
                  "$$\\epsilon = 1e^{-6}$$\n\n$$\\epsilon = 1e^{-8}$$\n\n$$v_{dW} \\leftarrow 0$$\n")
    assert np.isclose(1e-6, 10.0 ** -6) and not np.isclose(np.exp(-6), 1e-6, rtol=1e-3)
    assert got["line 1"].verdict == "correct"  # (was: 1·e^{-6} = 0.0025, judged wrong)
    assert got["line 3"].verdict == "incorrect"  # another ε than the spec's
    assert got["line 5"].verdict == "correct"  # (an initial state, for every layer's W)


# -- a function of the input alone with numbers for the weights -------------------------------------------------------

INPUT = """$$y = (3x + 1)^2$$

$$\\hat y = \\sigma(2x - 1)$$

$$h^{(1)} = \\sigma(x)$$

$$z^{(1)} = W^{(1)} x + 2$$
"""


def test_a_function_of_the_input_with_numbers_for_the_weights_is_the_answers_own_and_a_forgotten_weight_is_wrong(tmp_path):
    got = _verify(tmp_path, SIGMOID_SOFTMAX, INPUT)
    for line in ("line 1", "line 3"):
        assert got[line].verdict == "unchecked" and "a function of the input alone" in got[line].message
    # σ(x) for h⁽¹⁾ = σ(W⁽¹⁾x + b⁽¹⁾) forgets the weights (and is of another size: 4 inputs, 5 units); a bias of 2 for b⁽¹⁾
    rng = np.random.default_rng(6)
    x, W1, b1 = rng.normal(size=4), rng.normal(size=(5, 4)), rng.normal(size=5)
    assert not np.allclose(W1 @ x + 2, W1 @ x + b1)
    assert got["line 5"].verdict == "incorrect" and got["line 7"].verdict == "incorrect"


# -- a layer size of the answer's own network ------------------------------------------------------------------------

def test_a_size_of_the_answers_own_network_is_unchecked_and_the_specs_own_size_holds(tmp_path):
    body = "$$n_x = 28 \\times 28$$\n\n$$n_x = 4$$\n\n$$n_y = 3$$\n\n$$n_x = 2 \\times 2$$\n"
    got = _verify(tmp_path, SIGMOID_SOFTMAX, body)  # a 4-5-3 network
    assert 28 * 28 != 4
    assert got["line 1"].verdict == "unchecked" and "a layer size of the answer's own network" in got["line 1"].message
    assert got["line 3"].verdict == "correct" and got["line 5"].verdict == "correct" and got["line 7"].verdict == "correct"


# -- y the target in a claim that names the output otherwise, under "y the output, t the target" ------------------------

BISHOP = """The network's outputs are $y_k$ and the targets $t_k$:

$$E = -\\sum_k t_k \\log y_k$$

The body writes the class probabilities as p:

$$p_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}$$

$$L = -\\sum_k y_k \\log p_k$$

$$L = -\\sum_k y_k \\log (1 - p_k)$$
"""


def test_y_is_the_target_in_a_claim_that_names_the_output_by_another_letter(tmp_path):
    got = _verify(tmp_path, SIGMOID_SOFTMAX, BISHOP)
    rng = np.random.default_rng(8)
    p, t = rng.dirichlet(np.ones(3)), np.eye(3)[0]
    assert np.isclose(-(t * np.log(p)).sum(), _cross_entropy(p, t))
    assert not np.isclose(-(p * np.log(p)).sum(), _cross_entropy(p, t))  # y read as ŷ there: an entropy, no target
    assert not np.isclose(-(t * np.log(1 - p)).sum(), _cross_entropy(p, t))
    assert got[_line(BISHOP, "$$E = -\\sum_k t_k \\log y_k$$")].verdict == "correct"
    right = got[_line(BISHOP, "$$L = -\\sum_k y_k \\log p_k$$")]
    assert right.verdict == "correct" and any("y read as the target" in n for n in right.notes), right.message
    assert got[_line(BISHOP, "$$L = -\\sum_k y_k \\log (1 - p_k)$$")].verdict == "incorrect"


# -- SSE written with no definition of the answer's ---------------------------------------------------------------

SSE_SPEC = ('name = "linreg"\nconvention = "column"\ninputs = 3\n\n[[layers]]\nunits = 1\nactivation = "identity"\n'
            'bias = false\n\n[loss]\nname = "sum_squared_error"\n\n[optimizer]\nname = "sgd"\nlearning_rate = 0.01\n')
_R = "(\\boldsymbol{y} - \\boldsymbol{X}\\boldsymbol{w})"
SSE_CARD = (f"$$\\operatorname{{SSE}}(\\boldsymbol{{w}}) = {_R}^T{_R}$$\n\n"
            f"$$\\operatorname{{SSE}}(\\boldsymbol{{w}}) = \\frac{{1}}{{2}}{_R}^T{_R}$$\n\n"
            "$$SSE(\\boldsymbol{w} + \\boldsymbol{d}) = 0$$\n")


def test_an_undefined_sse_is_the_sum_of_squared_errors_over_the_examples(tmp_path):
    rng = np.random.default_rng(9)
    X, y, w = rng.normal(size=(5, 3)), rng.normal(size=5), rng.normal(size=3)
    r = y - X @ w
    sse = float(((X @ w - y) ** 2).sum())  # Σ over the examples of the squared error, no ½
    assert np.isclose(r @ r, sse) and not np.isclose(0.5 * r @ r, sse)
    got = _verify(tmp_path, SSE_SPEC, SSE_CARD)
    assert got["line 1"].verdict == "correct", got["line 1"].message  # (was: unknown symbol 'SSE')
    assert got["line 3"].verdict == "incorrect"
    assert got["line 5"].verdict == "unchecked"  # SSE at another point than the answer's own
