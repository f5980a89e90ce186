r"""Forty-eighth round (issue 10): notations found by writing first-homework answers and running verify on them first
(docs/handover/hunt47 and hunt48 hold the answers).

- A hidden layer defined once for its index, ``z_j = w_{1j} x_1 + w_{2j} x_2 + b_j`` "for $j = 1, 2$": before, the
  range was a claim of its own ("unknown symbol j") and every claim naming w_{12}, v_1 or c was unread.
- A layer's range in prose, "… for $l = 1, 2$": no claim (it was "unknown symbol l").
- A momentum velocity written bare in its own update, ``\mathbf{V} \leftarrow \mu \mathbf{V} + \nabla_{\mathbf{W}} J``:
  V is the velocity of the parameter whose gradient it adds (was "V needs the parameter it belongs to").
- A diagram's arrows in a sentence, ``$x \in \mathbb{R}^2 \to$ tanh layer $\to$ sigmoid output``: no claims.
- A worked example's input written as a transposed tuple, ``x = (0.5, -1.0)^T``: its own values are read, so its numbers
  are checked (before, every number was unchecked).
- A plain-text answer with Unicode superscripts, ``z² = W²a¹ + b²``: W¹ and W² make a digit superscript the layer; a
  word in parentheses opening a line (``(slip) ∂L/∂b¹ = …``) is a label, not a product.
- The answer's own shorthand ``z = z^{(2)}``: z without a layer is the output's (it was read as the hidden layer's).

The expected verdicts come from NumPy: each formula is evaluated on a random instance and compared with central
differences of the loss (or the forward pass), never from verify."""

from __future__ import annotations

import re

import numpy as np
import pytest
from conftest import central_differences, verify_text
from gradproof.verify.document import extract

rng = np.random.default_rng(48)


def _sig(z):
    return 1 / (1 + np.exp(-z))


def _spec(name: str, inputs: int, layers: list, loss: str, rate: float = 0.1, optimizer: str | None = None) -> str:
    body = "".join(f"[[layers]]\n{layer}\n\n" for layer in layers)
    sgd = f'name = "sgd"\nlearning_rate = {rate}'
    return (f'name = "{name}"\nconvention = "row"\ninputs = {inputs}\n\n{body}[loss]\nname = "{loss}"\n\n'
            f"[optimizer]\n{optimizer or sgd}\n")


_verify = verify_text


# ---- a hidden layer defined once for its index j = 1, 2 (2 inputs, 2 sigmoid units, 1 sigmoid output, ½(ŷ − y)²) -----

INDEX_SPEC = _spec("indexed", 2, ['units = 2\nactivation = "sigmoid"', 'units = 1\nactivation = "sigmoid"'], "squared_error", 0.5)
X = np.array([0.4, -0.7])
Y = 0.8
P = {"W": rng.normal(size=(2, 2)), "b": rng.normal(size=2), "v": rng.normal(size=2), "c": np.array(rng.normal())}


def _index_forward(p):
    """W[i, j] = w_{ij}: from input i to hidden unit j (the answer's own definition says so)."""
    h = _sig(X @ p["W"] + p["b"])
    return h, _sig(h @ p["v"] + p["c"])


GRAD = central_differences(lambda q: 0.5 * (_index_forward(q)[1] - Y) ** 2, {k: v.copy() for k, v in P.items()})
H, YHAT = _index_forward(P)
S = (YHAT - Y) * YHAT * (1 - YHAT)
#: (claim, gradproof-free value of the true gradient, the value of the claim's formula)
INDEX_CLAIMS = [
    (r"\frac{\partial L}{\partial v_1} = (\hat y - y)\hat y(1-\hat y) h_1", GRAD["v"][0], S * H[0]),
    (r"\frac{\partial L}{\partial c} = (\hat y - y)\hat y(1-\hat y)", GRAD["c"][()], S),
    (r"\frac{\partial L}{\partial w_{12}} = (\hat y - y)\hat y(1-\hat y) v_2 h_2 (1 - h_2) x_1", GRAD["W"][0, 1],
     S * P["v"][1] * H[1] * (1 - H[1]) * X[0]),
    (r"\frac{\partial L}{\partial w_{21}} = (\hat y - y)\hat y(1-\hat y) v_1 h_1 (1 - h_1) x_2", GRAD["W"][1, 0],
     S * P["v"][0] * H[0] * (1 - H[0]) * X[1]),
    (r"\frac{\partial L}{\partial b_2} = (\hat y - y)\hat y(1-\hat y) v_2 h_2 (1 - h_2)", GRAD["b"][1],
     S * P["v"][1] * H[1] * (1 - H[1])),
    # slips: the other hidden unit's weight and slope; the output's slope left out
    (r"\frac{\partial L}{\partial w_{12}} = (\hat y - y)\hat y(1-\hat y) v_1 h_1 (1 - h_1) x_1", GRAD["W"][0, 1],
     S * P["v"][0] * H[0] * (1 - H[0]) * X[0]),
    (r"\frac{\partial L}{\partial b_1} = (\hat y - y) v_1 h_1 (1 - h_1)", GRAD["b"][0], (YHAT - Y) * P["v"][0] * H[0] * (1 - H[0])),
]
INDEX_HEAD = (r"Let the hidden units be $h_j = \sigma(z_j)$ with $z_j = {definition}$ for $j = 1, 2$, and the output "
              "$\\hat y = \\sigma(v_1 h_1 + v_2 h_2 + c)$. The loss is $L = \\frac{{1}}{{2}}(\\hat y - y)^2$.\n\n")


@pytest.mark.parametrize("claim, truth, value", INDEX_CLAIMS)
def test_a_layer_defined_once_for_its_index(tmp_path, claim, truth, value):
    body = INDEX_HEAD.format(definition="w_{1j} x_1 + w_{2j} x_2 + b_j") + f"1. ${claim}$\n"
    found = _verify(tmp_path, INDEX_SPEC, body)
    assert found[claim].verdict == ("correct" if np.isclose(value, truth, rtol=1e-5, atol=1e-9) else "incorrect"), found[claim].message
    assert "j = 1, 2" not in found  # the range is no claim of its own


@pytest.mark.parametrize("definition, right", [("w_{1j} x_1 + w_{2j} x_2 + b_j", True), ("w_{1j} x_2 + w_{2j} x_1 + b_j", False)])
def test_the_indexed_definition_itself_is_judged_for_every_j(tmp_path, definition, right):
    z = X @ P["W"] + P["b"]  # the oracle: z_j = Σ_i w_{ij} x_i + b_j; the swap puts x_2 on w_{1j}
    written = (P["W"][0] * X[0] + P["W"][1] * X[1] if "x_1 + w_{2j} x_2" in definition else P["W"][0] * X[1] + P["W"][1] * X[0]) + P["b"]
    assert np.allclose(written, z) == right
    found = _verify(tmp_path, INDEX_SPEC, INDEX_HEAD.format(definition=definition) + f"1. ${INDEX_CLAIMS[0][0]}$\n")
    claim = next(r for latex, r in found.items() if latex.startswith(f"z_j = {definition}"))
    assert claim.verdict == ("correct" if right else "incorrect"), claim.message
    assert "every j = 1…2" in claim.message


def test_a_range_in_prose_is_no_claim():
    claims = extract("We use $a^{(l)} = \\sigma(z^{(l)})$ for $l = 1, 2$. Set $\\delta^{(L)} = \\hat y - y$. For "
                     "$l = L-1, \\dots, 1$: $\\delta^{(l)} = (W^{(l+1)})^T \\delta^{(l+1)} \\odot \\sigma'(z^{(l)})$, and "
                     "$z_j = w_j x + b_j$ for each $j = 1, \\ldots, 4$.\n")
    texts = [c.latex for c in claims]
    assert not any(t.startswith(("l =", "j =")) for t in texts), texts
    assert "a^{(l)} = \\sigma(z^{(l)})" in texts  # a layer's range: layerscope's, left off
    assert "z_j = w_j x + b_j, \\quad j = 1, \\ldots, 4" in texts  # an index's range goes with its equation
    assert [c.id for c in claims][-1] == "line 1#6"  # (ranges numbered: the ids after them keep their meaning)


# ---- a momentum velocity written bare in its own update (2-2-1 tanh/sigmoid, binary cross-entropy, momentum) ------

MOMENTUM_SPEC = _spec("velocity", 2, ['units = 2\nactivation = "tanh"', 'units = 1\nactivation = "sigmoid"'],
                      "binary_cross_entropy", optimizer='name = "momentum"\nlearning_rate = 0.1\nmomentum = 0.9')
VELOCITY_BODY = r"""Architecture: $x \in \mathbb{{R}}^2 \to$ tanh layer with 2 units $\to$ sigmoid output.

$$\mathbf{{h}} = \tanh(\mathbf{{W}}\mathbf{{x}} + \mathbf{{b}}), \quad \hat{{y}} = \sigma(\mathbf{{u}}^\top\mathbf{{h}} + c)$$

**4.5** Momentum: ${update}$, $\mathbf{{W}} \leftarrow \mathbf{{W}} - \eta \mathbf{{V}}$
"""


@pytest.mark.parametrize("update, right", [
    (r"\mathbf{V} \leftarrow \mu \mathbf{V} + \nabla_{\mathbf{W}} J", True),
    (r"\mathbf{V} \leftarrow \mu \mathbf{V} - \nabla_{\mathbf{W}} J", False),  # the sign of the gradient
    (r"\mathbf{V} \leftarrow \mu \mathbf{V} + 2 \nabla_{\mathbf{W}} J", False),
])
def test_a_bare_velocity_is_its_gradients_parameters(tmp_path, update, right):
    # the spec's momentum (PyTorch's SGD with momentum, dampening 0): v ← μ v + g, then W ← W − η v; g ≠ 0 at a random
    # point, so v ← μ v − g and v ← μ v + 2g differ from it
    g, v, mu = rng.normal(size=(2, 2)), rng.normal(size=(2, 2)), 0.9
    formula = {True: mu * v + g}.get(right, mu * v - g if "- \\nabla" in update else mu * v + 2 * g)
    assert np.allclose(formula, mu * v + g) == right
    found = _verify(tmp_path, MOMENTUM_SPEC, VELOCITY_BODY.format(update=update))
    assert found[update].verdict == ("correct" if right else "incorrect"), found[update].message
    assert not [latex for latex in found if re.search(r"\\to(?![a-z])", latex)]  # the diagram's arrows are no claims


def test_a_sentences_arrows_keep_the_ids_after_them():
    claims = extract("**4.1** Architecture: $x \\in \\mathbb{R}^2 \\to$ tanh $\\to$ output, $\\hat y = \\sigma(z)$.\n")
    assert [(c.id, c.latex) for c in claims] == [("line 1#3", "\\hat y = \\sigma(z)")]


# ---- a worked example whose input is a transposed tuple (2-2-2 sigmoid/softmax, cross-entropy) ------------------------

EXAMPLE_SPEC = _spec("example", 2, ['units = 2\nactivation = "sigmoid"', 'units = 2\nactivation = "softmax"'], "cross_entropy")


def _matrix(a) -> str:
    a = np.atleast_2d(a)
    return "\\begin{bmatrix} " + " \\\\ ".join(" & ".join(f"{v:.4f}" for v in row) for row in a) + " \\end{bmatrix}"


def test_a_transposed_tuple_gives_the_examples_input(tmp_path):
    x, y = np.array([0.5, -1.0]), np.array([1.0, 0.0])
    W1, b1 = np.array([[0.1, 0.2], [-0.3, 0.4]]), np.array([0.0, 0.1])
    W2, b2 = np.array([[0.5, -0.6], [0.7, 0.8]]), np.array([0.1, -0.1])
    params = {"W1": W1.copy(), "b1": b1.copy(), "W2": W2.copy(), "b2": b2.copy()}

    def loss(p):
        z2 = p["W2"] @ _sig(p["W1"] @ x + p["b1"]) + p["b2"]
        return -np.log(np.exp(z2) / np.exp(z2).sum()) @ y

    grads = central_differences(loss, params)
    a1 = _sig(W1 @ x + b1)
    body = (f"Input $x = (0.5, -1.0)^T$, target class 1, so $y = (1, 0)^T$. $W^{{(1)}} = {_matrix(W1)}$, "
            f"$b^{{(1)}} = {_matrix(b1[:, None])}$, $W^{{(2)}} = {_matrix(W2)}$, $b^{{(2)}} = {_matrix(b2[:, None])}$.\n\n"
            f"$$a^{{(1)}} = \\sigma(W^{{(1)}} x + b^{{(1)}}) = {_matrix(a1[:, None])}$$\n\n"
            f"$$\\frac{{\\partial L}}{{\\partial W^{{(2)}}}} = {_matrix(grads['W2'])}$$\n\n"
            f"$$\\frac{{\\partial L}}{{\\partial W^{{(1)}}}} = {_matrix(grads['W1'])}$$\n\n"
            f"$$\\frac{{\\partial L}}{{\\partial b^{{(1)}}}} = {_matrix(-grads['b1'][:, None])}$$\n")
    found = _verify(tmp_path, EXAMPLE_SPEC, body)
    verdicts = {latex.split("=")[0].strip(): r.verdict for latex, r in found.items()}
    assert verdicts["\\frac{\\partial L}{\\partial W^{(2)}}"] == "correct"
    assert verdicts["\\frac{\\partial L}{\\partial W^{(1)}}"] == "correct"
    assert verdicts["\\frac{\\partial L}{\\partial b^{(1)}}"] == "incorrect"  # its sign flipped (b1's gradient ≠ 0)
    assert verdicts["a^{(1)}"] == "correct"
    assert not np.allclose(grads["b1"], -grads["b1"])


# ---- a plain-text answer with Unicode superscripts (3-4-3 sigmoid/softmax, cross-entropy) -----------------------------

PLAIN_SPEC = _spec("plain", 3, ['units = 4\nactivation = "sigmoid"', 'units = 3\nactivation = "softmax"'], "cross_entropy")
PLAIN_BODY = """Backprop for the 3-4-3 net:

z¹ = W¹x + b¹, a¹ = σ(z¹), z² = W²a¹ + b², ŷ = softmax(z²)

δ² = ŷ − y
∂L/∂W² = δ² (a¹)ᵀ
δ¹ = (W²)ᵀ δ² ⊙ σ′(z¹)
(slip) ∂L/∂b¹ = (W²)ᵀ δ²
"""


def _sigmoid_softmax(y: np.ndarray) -> tuple:
    """A random 3-4-3 instance (sigmoid hidden layer, softmax output, cross-entropy with target ``y``): x, the parameters,
    their gradients by central differences, the hidden h and the output's error e = softmax(z⁽²⁾) − y."""
    x = rng.normal(size=3)
    p = {"W1": rng.normal(size=(4, 3)), "b1": rng.normal(size=4), "W2": rng.normal(size=(3, 4)), "b2": rng.normal(size=3)}

    def loss(q):
        z2 = q["W2"] @ _sig(q["W1"] @ x + q["b1"]) + q["b2"]
        return -np.log(np.exp(z2) / np.exp(z2).sum()) @ y

    grads = central_differences(loss, {k: v.copy() for k, v in p.items()})
    h = _sig(p["W1"] @ x + p["b1"])
    z2 = p["W2"] @ h + p["b2"]
    return x, p, grads, h, np.exp(z2) / np.exp(z2).sum() - y


def test_unicode_superscripts_are_layers_and_a_worded_label_is_no_factor(tmp_path):
    _, p, grads, a1, d2 = _sigmoid_softmax(np.array([0.0, 1.0, 0.0]))
    assert np.allclose(p["W2"].T @ d2 * a1 * (1 - a1), grads["b1"], atol=1e-6)  # δ¹ is ∂L/∂b¹
    assert not np.allclose(p["W2"].T @ d2, grads["b1"], atol=1e-6)  # the slip leaves the slope out
    found = {r.id: r for r in _verify(tmp_path, PLAIN_SPEC, PLAIN_BODY, "answer.txt").values()}
    assert [found[k].verdict for k in ("line 5", "line 6", "line 7")] == ["correct"] * 3
    assert found["line 8"].verdict == "incorrect", found["line 8"].message
    assert found["line 3"].verdict == "correct", found["line 3"].message


# ---- the answer's own z = z^{(2)} (3-4-3 sigmoid/softmax, cross-entropy) ------------------------------------------------

ALIAS_BODY = r"""With logits $z = z^{{(2)}}$ and $p = \mathrm{{softmax}}(z)$:

1. ${claim}$
"""


@pytest.mark.parametrize("claim, right", [
    (r"\frac{\partial p_i}{\partial z_j} = p_i(\delta_{ij} - p_j)", True),
    (r"\frac{\partial p_i}{\partial z_j} = p_i(1 - p_j)", False),
])
def test_the_answers_own_z_names_the_output_layer(tmp_path, claim, right):
    z = rng.normal(size=3)
    softmax = lambda v: np.exp(v) / np.exp(v).sum()  # noqa: E731
    jac = np.array([[(softmax(z + 1e-6 * e) - softmax(z - 1e-6 * e))[i] / 2e-6 for e in np.eye(3)] for i in range(3)])
    p = softmax(z)
    formula = np.outer(p, np.ones(3)) * (np.eye(3) - p[None, :]) if right else np.outer(p, 1 - p)
    assert np.allclose(formula, jac, atol=1e-6) == right
    found = _verify(tmp_path, PLAIN_SPEC, ALIAS_BODY.format(claim=claim))
    assert found[claim].verdict == ("correct" if right else "incorrect"), found[claim].message
    assert "i = 1…3" in found[claim].message  # the output's 3 units, not the hidden layer's 4


def test_a_loops_range_is_not_the_equation_befores():
    # the UML notes' backward pass: the ranges open the loop that follows, not the δ_T before them
    claims = extract("set\n\\[\n\\delta_T = o_T - y\n\\]\nfor $t = T-1, T-2, \\ldots, 1$, for $i = 1, \\ldots, k_t$:\n"
                     "\\[\n\\delta_{t,i} = o_{t,i}\n\\]\n and $z_j = w_j x$ for $j = 1, 2$: then $h_j = z_j$.\n")
    assert [c.latex for c in claims] == ["\\delta_T = o_T - y", "\\delta_{t,i} = o_{t,i}", "z_j = w_j x", "h_j = z_j"]


# ---- a function letter named as an activation; the answer's words as names; a letter defined beside its slope -----

TANH_SPEC = _spec("tanh3", 3, ['units = 4\nactivation = "tanh"', 'units = 4\nactivation = "tanh"', 'units = 3\nactivation = "softmax"'],
                  "cross_entropy")


@pytest.mark.parametrize("naming, verdict", [
    (r"f = \tanh", "correct"), (r"g^{[1]} = g^{[2]} = \tanh", "correct"), (r"f = \mathrm{ReLU}", "unchecked"),
    (r"g^{[3]} = \tanh", "unchecked"),  # layer 3 is the softmax: no verdict on a numbering that may differ
])
def test_a_function_letter_named_as_an_activation(tmp_path, naming, verdict):
    found = _verify(tmp_path, TANH_SPEC, f"Here ${naming}$, so $\\delta^{{(L)}} = \\hat y - y$.\n")
    assert found[naming].verdict == verdict, found[naming].message
    assert found["\\delta^{(L)} = \\hat y - y"].verdict == "correct"


WORD_SPEC = _spec("words", 3, ['units = 4\nactivation = "relu"', 'units = 3\nactivation = "softmax"'], "cross_entropy")


def test_words_in_a_text_font_name_the_quantities_they_define(tmp_path):
    n, rows = 5, np.arange(5)
    X, labels = rng.normal(size=(n, 3)), np.array([0, 2, 1, 1, 0])
    Y = np.eye(3)[labels]
    p = {"W1": rng.normal(size=(3, 4)), "b1": rng.normal(size=4), "W2": rng.normal(size=(4, 3)), "b2": rng.normal(size=3)}

    def forward(q):
        hidden = np.maximum(X @ q["W1"] + q["b1"], 0)
        logits = hidden @ q["W2"] + q["b2"]
        return hidden, np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)

    grads = central_differences(lambda q: -np.log(forward(q)[1][rows, labels]).mean(), {k: v.copy() for k, v in p.items()})
    hidden, probs = forward(p)
    dlogits = (probs - Y) / n
    assert np.allclose(hidden.T @ dlogits, grads["W2"], atol=1e-6)  # the oracle agrees with the right line
    spec = WORD_SPEC.replace('convention = "row"', 'convention = "column"')  # (X W: W is n_in × n_out)
    body = ("$\\text{hidden} = \\text{ReLU}(X W_1 + b_1)$, $\\text{logits} = \\text{hidden}\\, W_2 + b_2$, "
            "$\\text{probs} = \\text{softmax}(\\text{logits})$ row by row, and $L = -\\frac{1}{N}\\sum_{n} \\log "
            "\\text{probs}_{n, y_n}$.\n\n"
            "1. $\\frac{\\partial L}{\\partial \\text{logits}} = \\frac{1}{N}(\\text{probs} - Y)$\n"
            "2. $\\frac{\\partial L}{\\partial W_2} = \\text{hidden}^T \\frac{\\partial L}{\\partial \\text{logits}}$\n"
            "3. $\\frac{\\partial L}{\\partial \\text{logits}} = \\text{probs} - Y$\n")
    found = _verify(tmp_path, spec, body)
    assert found["\\frac{\\partial L}{\\partial \\text{logits}} = \\frac{1}{N}(\\text{probs} - Y)"].verdict == "correct"
    assert found["\\frac{\\partial L}{\\partial W_2} = \\text{hidden}^T \\frac{\\partial L}{\\partial \\text{logits}}"].verdict == "correct"
    wrong = found["\\frac{\\partial L}{\\partial \\text{logits}} = \\text{probs} - Y"]
    assert wrong.verdict == "incorrect" and "1/N" in wrong.message, wrong.message


LEAKY_SPEC = _spec("leaky", 3, ['units = 4\nactivation = "leaky_relu"\ngamma = 0.01', 'units = 1\nactivation = "identity"'],
                   "squared_error")


@pytest.mark.parametrize("slope, right", [(r"\alpha", True), ("0", False)])
def test_a_letter_defined_beside_its_slope_is_its_layers(tmp_path, slope, right):
    z = rng.normal(size=6)
    leaky = lambda v: np.where(v > 0, v, 0.01 * v)  # noqa: E731
    numeric = (leaky(z + 1e-6) - leaky(z - 1e-6)) / 2e-6
    written = np.where(z > 0, 1.0, 0.01 if right else 0.0)
    assert np.allclose(written, numeric) == right
    display = (f"$$g(z) = \\begin{{cases}} z & z > 0 \\\\ \\alpha z & z \\le 0 \\end{{cases}}, \\qquad g'(z) = "
               f"\\begin{{cases}} 1 & z > 0 \\\\ {slope} & z \\le 0 \\end{{cases}}$$")
    body = ("## Q2: leaky ReLU ($\\alpha = 0.01$)\n\n$\\mathbf{z}^{[1]} = \\mathbf{W}^{[1]}\\mathbf{x} + \\mathbf{b}^{[1]}$, "
            "$\\mathbf{a}^{[1]} = \\mathrm{LeakyReLU}(\\mathbf{z}^{[1]})$, $\\hat y = \\mathbf{W}^{[2]}\\mathbf{a}^{[1]} + "
            f"b^{{[2]}}$.\n\n{display}\n")
    found = {r.id: r for r in _verify(tmp_path, LEAKY_SPEC, body).values()}
    assert found["Q2.5"].verdict == ("correct" if right else "incorrect"), found["Q2.5"].message


# ---- a bare h beside ŷ and layered z, w; a plain-text dot as the product -------------------------------------------


@pytest.mark.parametrize("weight, right", [("w^{(2)}_{jk}", True), ("w^{(2)}_{kj}", False)])
def test_a_bare_h_beside_a_hatted_output_is_the_hidden_layers(tmp_path, weight, right):
    x, p, grads, h, e = _sigmoid_softmax(np.array([0.0, 0.0, 1.0]))
    formula = np.outer((p["W2"].T @ e) * h * (1 - h), x)  # Σ_j e_j w_{jk} h_k(1 − h_k) x_i, entry (k, i)
    assert np.allclose(formula, grads["W1"], atol=1e-6)  # (w_{kj}: the other index order does not even fit)
    claim = f"\\frac{{\\partial L}}{{\\partial w^{{(1)}}_{{ki}}}} = \\sum_j (\\hat y_j - y_j)\\, {weight}\\, h_k (1 - h_k)\\, x_i"
    body = ("$$\\frac{\\partial L}{\\partial w^{(2)}_{jk}} = \\frac{\\partial L}{\\partial z^{(2)}_j}\\,\\frac{\\partial "
            "z^{(2)}_j}{\\partial w^{(2)}_{jk}} = (\\hat y_j - y_j)\\, h_k$$\n\n" f"$${claim}$$\n")
    found = _verify(tmp_path, PLAIN_SPEC, body)
    assert found[claim].verdict == ("correct" if right else "incorrect"), found[claim].message
    assert next(r for k, r in found.items() if k.startswith("\\frac{\\partial L}{\\partial w^{(2)}_{jk}}")).verdict == "correct"


def test_a_spaced_dot_in_plain_text_is_the_product(tmp_path):
    body = "dZ2 = A2 - Y\ndW2 = dZ2 . A1^T\ndA1 = W2^T . dZ2\ndZ1 = dA1 * A1 * (1 - A1)\ndW1 = dZ1 . X^T\nwrong: dW1 = X . dZ1^T\n"
    found = {r.id: r for r in _verify(tmp_path, PLAIN_SPEC, body, "answer.txt").values()}
    assert [found[f"line {k}"].verdict for k in (2, 3, 5)] == ["correct"] * 3
    assert found["line 6"].verdict == "incorrect"  # X dZ1ᵀ is 3 × 4, W1 is 4 × 3


def test_h_as_a_width_is_no_bare_activation():
    from gradproof.verify.infer import structure

    def claims(text):
        return extract(text)

    hidden = structure(claims("$$\\frac{\\partial z^{(2)}_j}{\\partial w^{(2)}_{jk}} = h_k$$ and $\\hat y = \\mathrm{softmax}(z^{(2)})$\n"))
    sized = structure(claims("$(W_1, b_1) \\in (\\mathbb{R}^{n \\times h}, \\mathbb{R}^h)$ and $\\hat y = \\sigma(z_2)$, "
                             "$L(\\hat y, y) = -y \\log \\hat y$\n"))
    assert hidden["hidden_h"] and not sized["hidden_h"]


# ---- the true class named in prose; PyTorch's mean over the batch and the outputs ----------------------------------

LSE_BODY = r"""With logits $z = z^{{(2)}}$ and true class $c$ the loss is $L = -z_c + \log\sum_{{j}} e^{{z_j}}$.

1. ${claim}$
"""


@pytest.mark.parametrize("claim, sign", [
    (r"\frac{\partial L}{\partial z_j} = \frac{e^{z_j}}{\sum_k e^{z_k}} - \mathbb{1}\{j = c\}", -1),
    (r"\frac{\partial L}{\partial z_j} = \frac{e^{z_j}}{\sum_k e^{z_k}} + \mathbb{1}\{j = c\}", 1),
])
def test_the_true_class_named_in_prose(tmp_path, claim, sign):
    z, c = rng.normal(size=3), 1
    loss = lambda v: -v[c] + np.log(np.exp(v).sum())  # noqa: E731
    grad = np.array([(loss(z + 1e-6 * e) - loss(z - 1e-6 * e)) / 2e-6 for e in np.eye(3)])
    formula = np.exp(z) / np.exp(z).sum() + sign * np.eye(3)[c]
    right = np.allclose(formula, grad, atol=1e-6)
    found = _verify(tmp_path, PLAIN_SPEC, LSE_BODY.format(claim=claim))
    assert found[claim].verdict == ("correct" if right else "incorrect"), found[claim].message
    assert found["L = -z_c + \\log\\sum_{j} e^{z_j}"].verdict == "correct"


def test_without_the_prose_the_class_letter_stays_unread(tmp_path):
    claim = r"\frac{\partial L}{\partial z_j} = \frac{e^{z_j}}{\sum_k e^{z_k}} - \mathbb{1}\{j = c\}"
    found = _verify(tmp_path, PLAIN_SPEC, LSE_BODY.format(claim=claim).replace("true class $c$", "a class $c$"))
    assert found[claim].verdict == "unchecked"


TORCH_SPEC = _spec("torchmse", 3, ['units = 8\nactivation = "relu"', 'units = 2\nactivation = "identity"'],
                   "mean_squared_error").replace('convention = "row"', 'convention = "column"')
TORCH_BODY = r"""Forward: `H = relu(X @ W1 + b1)`, `Yhat = H @ W2 + b2`, `loss = ((Yhat - Y)**2).mean()`.

In math: $H = \mathrm{{ReLU}}(XW_1 + b_1)$, $\hat{{Y}} = HW_2 + b_2$, {objective} where $K = 2$.

$${claim}$$
"""


@pytest.mark.parametrize("scale", ["2", "1"])
def test_pytorchs_mean_over_the_batch_and_the_outputs(tmp_path, scale):
    n, k = 5, 2
    X, Y = rng.normal(size=(n, 3)), rng.normal(size=(n, k))
    W1, b1, W2, b2 = rng.normal(size=(3, 8)), rng.normal(size=8), rng.normal(size=(8, k)), rng.normal(size=k)
    Yhat = np.maximum(X @ W1 + b1, 0) @ W2 + b2
    grad = central_differences(lambda q: ((q["Yhat"] - Y) ** 2).mean(), {"Yhat": Yhat.copy()})["Yhat"]
    right = np.allclose(int(scale) / (n * k) * (Yhat - Y), grad, atol=1e-6)
    assert right == (scale == "2")
    claim = f"\\frac{{\\partial \\mathcal{{L}}}}{{\\partial \\hat Y}} = \\frac{{{scale}}}{{NK}}(\\hat Y - Y)"
    objective = r"$\mathcal{L} = \frac{1}{NK}\sum_{n,k}(\hat Y_{nk} - Y_{nk})^2$"
    found = _verify(tmp_path, TORCH_SPEC, TORCH_BODY.format(claim=claim, objective=objective))
    assert found[claim].verdict == ("correct" if right else "incorrect"), found[claim].message
    assert found["\\mathcal{L} = \\frac{1}{NK}\\sum_{n,k}(\\hat Y_{nk} - Y_{nk})^2"].verdict == "correct"


# ---- TeX's unbraced font argument: \mathbf s, \odot\mathbf h -----------------------------------------------------

UNBRACED_BODY = r"""First I define {hidden} and {definition}, so $\hat{{\mathbf y}} = \mathrm{{softmax}}(\mathbf s)$.

$$\frac{{\partial L}}{{\partial \mathbf s}} = \hat{{\mathbf y}} - \mathbf y$$

$${claim}$$
"""


@pytest.mark.parametrize("slope, right", [(r"\odot\mathbf h\odot(\mathbf 1 - \mathbf h)", True), (r"\odot\mathbf h", False)])
def test_an_unbraced_font_argument_is_one_letter(tmp_path, slope, right):
    _, p, grads, h, e = _sigmoid_softmax(np.array([1.0, 0.0, 0.0]))
    back = p["W2"].T @ e
    assert np.allclose(back * h * (1 - h), grads["b1"], atol=1e-6) and not np.allclose(back * h, grads["b1"], atol=1e-6)
    claim = f"\\frac{{\\partial L}}{{\\partial \\mathbf b_1}} = \\big(W_2^\\top(\\hat{{\\mathbf y}} - \\mathbf y)\\big){slope}"
    body = UNBRACED_BODY.format(claim=claim, definition=r"$\mathbf s = W_2\mathbf h + \mathbf b_2$",
                                hidden=r"$\mathbf h = \sigma(W_1\mathbf x + \mathbf b_1)$")
    found = {r.id: r for r in _verify(tmp_path, PLAIN_SPEC, body).values()}
    assert found["line 3"].verdict == "correct", found["line 3"].message  # ∂L/∂s: s bound as z⁽²⁾
    assert found["line 5"].verdict == ("correct" if right else "incorrect"), found["line 5"].message


# ---- Ng's objective over a batch in columns, Y_{ki}: unit k of example i ---------------------------------------------

NG_SPEC = _spec("ngcols", 3, ['units = 4\nactivation = "tanh"', 'units = 3\nactivation = "softmax"'], "cross_entropy")


@pytest.mark.parametrize("sign, right", [("-", True), ("", False)])
def test_ngs_objective_with_entries_of_examples_in_columns(tmp_path, sign, right):
    m = 6
    X, labels = rng.normal(size=(3, m)), rng.integers(0, 3, size=m)
    Y = np.eye(3)[labels].T  # 3 × m: example i is column i
    W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=(4, 1)), rng.normal(size=(3, 4)), rng.normal(size=(3, 1))
    Z2 = W2 @ np.tanh(W1 @ X + b1) + b2
    A2 = np.exp(Z2) / np.exp(Z2).sum(axis=0)
    mean_ce = -np.log(A2[labels, np.arange(m)]).mean()  # the oracle: the mean cross-entropy over the examples
    written = (-1 if sign else 1) / m * sum(Y[k, i] * np.log(A2[k, i]) for i in range(m) for k in range(3))
    assert np.isclose(written, mean_ce) == right
    claim = f"J = {sign}\\frac{{1}}{{m}}\\sum_{{i=1}}^{{m}}\\sum_k Y_{{k i}}\\log A^{{[2]}}_{{k i}}"
    body = ("Forward: $Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$, $A^{[0]} = X$ with the $m$ examples as columns, and "
            f"${claim}$.\n\n- $dZ^{{[2]}} = A^{{[2]}} - Y$\n- $dW^{{[2]}} = \\frac{{1}}{{m}} dZ^{{[2]}} A^{{[1]T}}$\n")
    found = _verify(tmp_path, NG_SPEC, body)
    assert found[claim].verdict == ("correct" if right else "incorrect"), found[claim].message
    assert found["dW^{[2]} = \\frac{1}{m} dZ^{[2]} A^{[1]T}"].verdict == "correct"


# ---- a gradient by a layer's summed input written out: \nabla_{W_2 h + b_2} L ---------------------------------------

BY_SUM_BODY = (r"$$\mathbf{{h}} = \sigma(\mathbf{{W}}_1 \mathbf{{x}} + \mathbf{{b}}_1), \qquad "
               r"\hat{{\mathbf{{y}}}} = \mathrm{{softmax}}(\mathbf{{W}}_2 \mathbf{{h}} + \mathbf{{b}}_2)$$" + """

(a) $${claim}$$
""")


@pytest.mark.parametrize("subscript, value, verdict", [
    (r"\mathbf{W}_2 \mathbf{h} + \mathbf{b}_2", r"\hat{\mathbf{y}} - \mathbf{y}", "correct"),
    (r"\mathbf{W}_2 \mathbf{h} + \mathbf{b}_2", r"\mathbf{y} - \hat{\mathbf{y}}", "incorrect"),
    (r"\mathbf{W}_1 \mathbf{x} + \mathbf{b}_1",
     r"\mathbf{W}_2^\top (\hat{\mathbf{y}} - \mathbf{y}) \odot \mathbf{h} \odot (1 - \mathbf{h})", "correct"),
    (r"\mathbf{W}_2^\top \mathbf{h} + \mathbf{b}_2", r"\hat{\mathbf{y}} - \mathbf{y}", "unchecked"),  # not the spec's W h + b
])
def test_a_gradient_by_a_summed_input_written_out(tmp_path, subscript, value, verdict):
    _, p, grads, h, e = _sigmoid_softmax(np.array([0.0, 1.0, 0.0]))
    assert np.allclose(e, grads["b2"], atol=1e-6)  # ∂L/∂z⁽²⁾ = ∂L/∂b⁽²⁾ = ŷ − y; ∂L/∂z⁽¹⁾ = ∂L/∂b⁽¹⁾
    assert np.allclose(p["W2"].T @ e * h * (1 - h), grads["b1"], atol=1e-6)
    claim = f"\\nabla_{{{subscript}}} \\mathcal{{L}} = {value}"
    found = _verify(tmp_path, PLAIN_SPEC, BY_SUM_BODY.format(claim=claim))
    assert found[claim].verdict == verdict, found[claim].message


@pytest.mark.parametrize("denominator, verdict", [
    (r"(\mathbf{W}_2 \mathbf{h} + \mathbf{b}_2)", "correct"), (r"\left(\mathbf{W}_2 \mathbf{h} + \mathbf{b}_2\right)", "correct"),
    (r"(\mathbf{W}_2^\top \mathbf{h} + \mathbf{b}_2)", "unchecked"),
])
def test_a_fraction_by_a_summed_input_written_out(tmp_path, denominator, verdict):
    _, _, grads, _, e = _sigmoid_softmax(np.array([0.0, 0.0, 1.0]))
    assert np.allclose(e, grads["b2"], atol=1e-6)  # ∂L/∂z⁽²⁾ = ŷ − y
    claim = f"\\frac{{\\partial \\mathcal{{L}}}}{{\\partial {denominator}}} = \\hat{{\\mathbf{{y}}}} - \\mathbf{{y}}"
    found = _verify(tmp_path, PLAIN_SPEC, BY_SUM_BODY.format(claim=claim))
    assert found[claim].verdict == verdict, found[claim].message


# ---- half the mean over a batch written per example: J = \frac{1}{2m}\sum_{i=1}^m \|\hat y^{(i)} - y^{(i)}\|^2 ----------

HALF_MEAN_SPEC = _spec("halfmean", 3, ['units = 4\nactivation = "tanh"', 'units = 2\nactivation = "identity"'],
                       "mean_squared_error")


@pytest.mark.parametrize("mean, right", [(r"\frac{1}{m}", True), ("", False)])
def test_half_the_mean_is_the_batchs_objective(tmp_path, mean, right):
    m = 6
    X, Y = rng.normal(size=(m, 3)), rng.normal(size=(m, 2))
    p = {"W1": rng.normal(size=(4, 3)), "b1": rng.normal(size=4), "W2": rng.normal(size=(2, 4)), "b2": rng.normal(size=2)}

    def cost(q):
        A = np.tanh(X @ q["W1"].T + q["b1"])
        return np.sum((A @ q["W2"].T + q["b2"] - Y) ** 2) / (2 * m)

    grads = central_differences(cost, {k: v.copy() for k, v in p.items()})
    A = np.tanh(X @ p["W1"].T + p["b1"])
    summed = sum(np.outer(A[i] @ p["W2"].T + p["b2"] - Y[i], A[i]) for i in range(m))
    assert np.allclose(summed / (m if mean else 1), grads["W2"], atol=1e-6) == right
    claim = (f"\\frac{{\\partial J}}{{\\partial W^{{[2]}}}} = {mean}\\sum_{{i=1}}^{{m}}(\\hat{{\\mathbf y}}^{{(i)}} - "
             "\\mathbf y^{(i)})\\,\\mathbf a^{[1](i)T}")
    body = ("$J = \\frac{1}{2m}\\sum_{i=1}^{m}\\|\\hat{\\mathbf y}^{(i)} - \\mathbf y^{(i)}\\|^2$, $\\hat{\\mathbf y}^{(i)} = "
            "W^{[2]}\\mathbf a^{[1](i)} + \\mathbf b^{[2]}$, $\\mathbf a^{[1](i)} = \\tanh(W^{[1]}\\mathbf x^{(i)} + "
            f"\\mathbf b^{{[1]}})$.\n\n1. ${claim}$\n")
    found = _verify(tmp_path, HALF_MEAN_SPEC, body)
    assert found[claim].verdict == ("correct" if right else "incorrect"), found[claim].message
