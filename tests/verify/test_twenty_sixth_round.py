r"""The twenty-sixth round (issue 10): a learner's derivation in the style of deeplearning.ai's notes with the layer as a
subscript — bold vectors numbered by their layer (``\bm w_2``, ``\bm W_1``), the example as a superscript ``(i)`` beside
the layer's number (``z_2^{(i)}``), one example's loss L inside the cost ``J = \frac{1}{m} \sum_i L(a_2^{(i)},
y^{(i)})`` and a batch section in capitals (samples as columns). Every expected verdict is decided here by NumPy
central differences on the network written out in the answer's own arrays, never by gradproof."""

from __future__ import annotations

import numpy as np
from conftest import central_differences
from test_nineteenth_round_coordinator import _spec
from test_twenty_first_round import _verify

SPEC = _spec("bold_layers", "column", 3, [(4, "relu"), (1, "sigmoid")], "binary_cross_entropy", 0.1)

DOC = r"""# One hidden ReLU layer

For sample $(i)$ the forward pass is
$$\bm z_1^{(i)} = \bm W_1^T \bm x^{(i)} + \bm b_1$$
$$\bm a_1^{(i)} = r(\bm z_1^{(i)})$$
$$z_2^{(i)} = \bm w_2^T \bm a_1^{(i)} + b_2$$
$$a_2^{(i)} = \sigma(z_2^{(i)})$$
where $(\bm W_1, \bm b_1) \in (\mathbb{R}^{n \times h}, \mathbb{R}^h)$ and $(\bm w_2, b_2) \in (\mathbb{R}^h, \mathbb{R})$.
The loss of one sample is $L(\hat y, y) = -\left(y \log(\hat y) + (1-y)\log(1-\hat y)\right)$ and over the $m$ samples
$$J = \frac{1}{m}\sum_{i=1}^m L(a_2^{(i)}, y^{(i)})$$

For two vectors $\bm x, \bm y$ we write
$$\bm x \cdot \bm y = \sum_{i=1}^n x_i y_i = x_i y_i \tag{dot}$$

$$\frac{\partial L}{\partial z_2^{(i)}} = a_2^{(i)} - y \tag{dz2}$$

$$\frac{\partial L}{\partial z_2^{(i)}} = y - a_2^{(i)} \tag{dz2_slip}$$

$$\frac{\partial L}{\partial \bm w_2} = (a_2 - y) \bm a_1 \tag{dw2}$$

$$\frac{\partial L}{\partial \bm w_2} = (a_2 - y) \bm z_1 \tag{dw2_slip}$$

$$\frac{\partial L}{\partial b_2} = a_2 - y \tag{db2}$$

Over the batch, with $\bm X \in \mathbb{R}^{n \times m}$, $\bm A_1 = r(\bm W_1^T \bm X + \bm b_1)$ and the row
$\bm a_2 \in \mathbb{R}^m$:

$$\frac{\partial J}{\partial \bm w_2} = \frac{1}{m} \bm A_1 (\bm a_2 - \bm y)^T \tag{Jw2}$$

$$\frac{\partial J}{\partial \bm w_2} = \frac{1}{m} \bm A_1 (\bm a_2 + \bm y)^T \tag{Jw2_slip}$$

$$\frac{\partial J}{\partial \bm w_2} = \frac{1}{m} (\bm a_2 - \bm y) \bm A_1^T \tag{Jw2_row}$$
"""


def _truth():
    """The 3-4-1 network in the answer's arrays (W_1: n × h, z_1 = W_1^T x + b_1, z_2 = w_2^T a_1 + b_2, L the BCE of one
    sample, J the mean over 5 samples in columns) at a random point where some z_1 entries are negative (ReLU matters):
    the forward values and the derivatives, by central differences."""
    rng = np.random.default_rng(26)
    W1, b1, w2, b2 = rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=4), rng.normal()
    X, Y = rng.normal(size=(3, 5)), rng.integers(0, 2, size=5).astype(float)

    def loss(a2, y):
        return -(y * np.log(a2) + (1 - y) * np.log(1 - a2))

    def forward(x, W1, b1, w2, b2):
        z1 = W1.T @ x + b1
        a1 = np.maximum(z1, 0)
        z2 = w2 @ a1 + b2
        return z1, a1, z2, 1 / (1 + np.exp(-z2))

    x, y = X[:, 0], Y[0]
    z1, a1, z2, a2 = forward(x, W1, b1, w2, b2)
    one = central_differences(lambda p: loss(forward(x, W1, b1, p["w2"], p["b2"][0])[3], y),
                              {"w2": w2.copy(), "b2": np.array([b2])})
    dz2 = central_differences(lambda p: loss(1 / (1 + np.exp(-p["z2"][0])), y), {"z2": np.array([z2])})["z2"][0]
    J = central_differences(lambda p: np.mean([loss(forward(X[:, k], W1, b1, p["w2"], b2)[3], Y[k]) for k in range(5)]),
                            {"w2": w2.copy()})["w2"]
    A1 = np.maximum(W1.T @ X + b1[:, None], 0)
    A2 = 1 / (1 + np.exp(-(w2 @ A1 + b2)))
    assert (z1 < 0).any() and (z1 > 0).any()
    return dict(z1=z1, a1=a1, a2=a2, y=y, dz2=dz2, dw2=one["w2"], db2=one["b2"][0], A1=A1, A2=A2, Y=Y, Jw2=J)


def _close(a, b) -> bool:
    return bool(np.allclose(a, b, rtol=1e-5, atol=1e-7))


def test_bold_layer_vectors_and_the_examples_superscript_are_read_as_central_differences_decide(tmp_path):
    t = _truth()
    oracle = {
        "dz2": _close(t["a2"] - t["y"], t["dz2"]),
        "dz2_slip": _close(t["y"] - t["a2"], t["dz2"]),
        "dw2": _close((t["a2"] - t["y"]) * t["a1"], t["dw2"]),
        "dw2_slip": _close((t["a2"] - t["y"]) * t["z1"], t["dw2"]),
        "db2": _close(t["a2"] - t["y"], t["db2"]),
        "Jw2": _close(t["A1"] @ (t["A2"] - t["Y"]) / 5, t["Jw2"]),
        "Jw2_slip": _close(t["A1"] @ (t["A2"] + t["Y"]) / 5, t["Jw2"]),
    }
    assert oracle == {"dz2": True, "dz2_slip": False, "dw2": True, "dw2_slip": False, "db2": True, "Jw2": True,
                      "Jw2_slip": False}  # (the oracle tells each pair apart)
    got = _verify(tmp_path, SPEC, DOC)
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)
    # the same numbers laid out as a row: the answer's w_2 ∈ ℝ^h has no orientation of its own, so no verdict
    assert _close(((t["A2"] - t["Y"]) @ t["A1"].T / 5), t["Jw2"])
    assert got["Jw2_row"].verdict == "unchecked", got["Jw2_row"].message
    # the dot product's illustration in x and y is about no quantity of the network
    assert got["dot"].verdict == "unchecked", got["dot"].message


def test_a_plain_w_with_a_number_stays_mazurs_one_weight_without_a_bold_one(tmp_path):
    """Without a bold w numbered by its layer anywhere, w_2 is still one weight (Mazur's numbering), not layer 2."""
    body = (r"$$z_2 = w_2 a_1 + b_2$$" "\n\n" r"$$\frac{\partial L}{\partial w_2} = (a_2 - y) a_1 \tag{q}$$" "\n")
    got = _verify(tmp_path, SPEC, body)
    assert got["q"].verdict == "unchecked" and "one weight" in got["q"].message, got["q"].message


def test_an_own_jacobian_matrix_with_an_index_is_not_the_objective(tmp_path):
    """J_{ij} = ∂r_i/∂z_j (or \\bm J_1 = …) makes J with an index the answer's own matrix: a claim using J_1 is not read
    with J_1 as the cost (read so, the product below was a false reject by its shapes)."""
    body = (DOC + "\n" r"with $J_{ij} = \frac{\partial r_i}{\partial z_j}$ and $\bm J_1$ the matrix of the Jacobians' diagonals,"
            "\n\n" r"$$\frac{\partial J}{\partial \bm b_1} = \frac{1}{m} (\bm a_2 - \bm y)(\bm w_2 \odot \bm J_1)^T"
            r" \tag{Jb1}$$" "\n")
    got = _verify(tmp_path, SPEC, body)
    assert got["Jb1"].verdict == "unchecked", got["Jb1"].message


# ---- CS229's logistic regression: the log-likelihood climbed, the intercept in x, the stochastic step --------------

LR_SPEC = _spec("logreg", "row", 3, [(1, "sigmoid")], "binary_cross_entropy", 0.1)

CS229 = r"""# Logistic regression (CS229, part II)

Letting $x_0 = 1$ (the intercept term), $h_\theta(x) = g(\theta^T x) = \frac{1}{1 + e^{-\theta^T x}}$. Over the
$m$ training examples the log likelihood is
$$\ell(\theta) = \sum_{i=1}^m y^{(i)} \log h_\theta(x^{(i)}) + (1 - y^{(i)}) \log(1 - h_\theta(x^{(i)}))$$
which we maximize by gradient ascent, $\theta := \theta + \alpha \nabla_\theta \ell(\theta)$.

$$\frac{\partial}{\partial \theta_j} \ell(\theta) = \sum_{i=1}^m (y^{(i)} - h_\theta(x^{(i)})) x_j^{(i)} \tag{grad}$$

$$\frac{\partial}{\partial \theta_j} \ell(\theta) = \sum_{i=1}^m (h_\theta(x^{(i)}) - y^{(i)}) x_j^{(i)} \tag{grad_slip}$$

$$\nabla_\theta \ell(\theta) = \sum_{i=1}^m (y^{(i)} - h_\theta(x^{(i)})) x^{(i)} \tag{nabla}$$

$$\theta := \theta + \alpha \sum_{i=1}^m (y^{(i)} - h_\theta(x^{(i)})) x^{(i)} \tag{batch}$$

$$\theta := \theta - \alpha \sum_{i=1}^m (y^{(i)} - h_\theta(x^{(i)})) x^{(i)} \tag{batch_slip}$$

The stochastic gradient ascent rule, one example at a time:

$$\theta_j := \theta_j + \alpha (y^{(i)} - h_\theta(x^{(i)})) x_j^{(i)} \tag{sga}$$

$$\theta_j := \theta_j + \alpha (h_\theta(x^{(i)}) - y^{(i)}) x_j^{(i)} \tag{sga_slip}$$
"""


def _lr_truth():
    """θ (with the intercept θ_0) and 4 examples x^{(i)} with x_0 = 1: the log-likelihood's gradient over all of them
    and over example 0 alone, by central differences."""
    rng = np.random.default_rng(229)
    theta, X = rng.normal(size=4), np.hstack([np.ones((4, 1)), rng.normal(size=(4, 3))])
    y = np.array([1.0, 0.0, 1.0, 1.0])

    def loglik(t, rows):
        h = 1 / (1 + np.exp(-(X[rows] @ t)))
        return float(np.sum(y[rows] * np.log(h) + (1 - y[rows]) * np.log(1 - h)))

    everyone = central_differences(lambda p: loglik(p["t"], slice(None)), {"t": theta.copy()})["t"]
    first = central_differences(lambda p: loglik(p["t"], slice(0, 1)), {"t": theta.copy()})["t"]
    h = 1 / (1 + np.exp(-(X @ theta)))
    return theta, X, y, h, everyone, first


def test_cs229s_log_likelihood_ascent_and_stochastic_rule_are_judged_as_central_differences_decide(tmp_path):
    theta, X, y, h, grad, grad0 = _lr_truth()
    rate = 0.1
    summed, flipped = X.T @ (y - h), X.T @ (h - y)
    oracle = {
        "grad": _close(summed, grad), "grad_slip": _close(flipped, grad), "nabla": _close(summed, grad),
        # a step climbs ℓ: θ + α ∇ℓ
        "batch": _close(theta + rate * summed, theta + rate * grad),
        "batch_slip": _close(theta - rate * summed, theta + rate * grad),
        # one example's step climbs that example's term of ℓ
        "sga": _close(theta + rate * (y[0] - h[0]) * X[0], theta + rate * grad0),
        "sga_slip": _close(theta + rate * (h[0] - y[0]) * X[0], theta + rate * grad0),
    }
    assert oracle == {"grad": True, "grad_slip": False, "nabla": True, "batch": True, "batch_slip": False,
                      "sga": True, "sga_slip": False}
    got = _verify(tmp_path, LR_SPEC, CS229)
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)


def test_a_cost_that_drops_the_minus_and_is_descended_is_not_read_as_a_likelihood(tmp_path):
    """Without a step that climbs it, an objective off by a negative factor is no log-likelihood: a student's
    J(θ) = 1/m Σ y log h + … (the minus dropped) with θ := θ − α ∂J/∂θ keeps the spec's scale, so its derivative
    written on the dropped sign is not accepted."""
    body = (r"Let $x_0 = 1$, $h_\theta(x) = g(\theta^T x)$ and"
            "\n$$J(\\theta) = \\frac{1}{m}\\sum_{i=1}^m y^{(i)} \\log h_\\theta(x^{(i)}) + (1 - y^{(i)}) \\log(1 - "
            "h_\\theta(x^{(i)}))$$\n\n"
            r"$$\frac{\partial}{\partial \theta_j} J(\theta) = \frac{1}{m}\sum_{i=1}^m (y^{(i)} - h_\theta(x^{(i)})) "
            r"x_j^{(i)} \tag{g}$$" "\n\n"
            r"$$\theta_j := \theta_j - \alpha \frac{\partial}{\partial \theta_j} J(\theta) \tag{s}$$" "\n")
    got = _verify(tmp_path, LR_SPEC, body)
    assert got["g"].verdict != "correct", got["g"].message


COURSERA = r"""## Logistic Regression: Gradient Descent

Our hypothesis is $h_\theta(x) = g(\theta^T x)$ with $g(z) = \frac{1}{1 + e^{-z}}$ and $x_0 = 1$, and the cost is
$$J(\theta) = -\frac{1}{m} \sum_{i=1}^m \left[ y^{(i)} \log(h_\theta(x^{(i)})) + (1 - y^{(i)}) \log(1 - h_\theta(x^{(i)})) \right]$$

Vectorized implementation:

$$\theta := \theta - \alpha \delta \tag{step}$$

$$\theta := \theta + \alpha \delta \tag{step_slip}$$

where $\theta, \delta \in \mathbb{R}^{n+1}$ are vectors, with
$$\delta = \frac{1}{m} \sum\limits_{i=1}^{m} \left((h_\theta(x^{(i)}) - y^{(i)}) x^{(i)}\right)$$
"""


def test_a_delta_made_with_the_input_is_the_answers_own_gradient_not_the_error_signal(tmp_path):
    """Ng's vectorised logistic regression names the gradient δ = 1/m Σ_i (h_θ(x^{(i)}) − y^{(i)}) x^{(i)}: read as the
    error signal (∂J/∂z, one number per example) θ − α δ was a false reject. The oracle: the mean cross-entropy's
    gradient by central differences, the step descends it."""
    rng = np.random.default_rng(6)
    theta, X = rng.normal(size=4), np.hstack([np.ones((5, 1)), rng.normal(size=(5, 3))])
    y = np.array([1.0, 0.0, 0.0, 1.0, 1.0])

    def cost(t):
        h = 1 / (1 + np.exp(-(X @ t)))
        return float(-np.mean(y * np.log(h) + (1 - y) * np.log(1 - h)))

    grad = central_differences(lambda p: cost(p["t"]), {"t": theta.copy()})["t"]
    delta = X.T @ (1 / (1 + np.exp(-(X @ theta))) - y) / 5
    oracle = {"step": _close(theta - 0.1 * delta, theta - 0.1 * grad),
              "step_slip": _close(theta + 0.1 * delta, theta - 0.1 * grad)}
    assert oracle == {"step": True, "step_slip": False}
    got = _verify(tmp_path, LR_SPEC, COURSERA)
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)


# ---- the Lazy Programmer's letters: W, V, b, c, Z, A, Y, T and the log-likelihood climbed -------------------------

LP_SPEC = _spec("lazyprog", "column", 3, [(4, "sigmoid"), (3, "softmax")], "cross_entropy", 0.1)

LAZY = r"""# Backpropagation (softmax output, sigmoid hidden layer)

$X$ is the $N \times D$ input matrix, $W$ the $D \times M$ input-to-hidden weights, $V$ the $M \times K$
hidden-to-output weights, $T$ the one-hot targets.

$$Z = \sigma(XW + b)$$
$$A = ZV + c$$
$$Y = \text{softmax}(A) \tag{out}$$

We maximize the log-likelihood
$$J = \sum_{n=1}^N \sum_{k=1}^K t_{nk} \log y_{nk}$$
by gradient ascent: $V \leftarrow V + \alpha \frac{\partial J}{\partial V}$.

$$\frac{\partial J}{\partial V} = Z^T (T - Y) \tag{dV}$$

$$\frac{\partial J}{\partial V} = Z^T (Y - T) \tag{dV_slip}$$

$$\frac{\partial J}{\partial W} = X^T \left[ (T - Y) V^T \odot Z \odot (1 - Z) \right] \tag{dW}$$

$$\frac{\partial J}{\partial W} = X^T \left[ (T - Y) V^T \odot Z \right] \tag{dW_slip}$$

$$\frac{\partial J}{\partial V_{mk}} = \sum_n (t_{nk} - y_{nk}) z_{nm} \tag{dv}$$

$$\frac{\partial J}{\partial V_{mk}} = \sum_n (y_{nk} - t_{nk}) z_{nm} \tag{dv_slip}$$
"""


def test_the_lazy_programmers_letters_and_log_likelihood_are_judged_as_central_differences_decide(tmp_path):
    rng = np.random.default_rng(31)
    X, W, b = rng.normal(size=(6, 3)), rng.normal(size=(3, 4)), rng.normal(size=4)
    V, c = rng.normal(size=(4, 3)), rng.normal(size=3)
    T = np.eye(3)[rng.integers(0, 3, size=6)]

    def forward(W, b, V, c):
        Z = 1 / (1 + np.exp(-(X @ W + b)))
        A = Z @ V + c
        Y = np.exp(A - A.max(axis=1, keepdims=True))
        return Z, Y / Y.sum(axis=1, keepdims=True)

    def loglik(p):
        return float(np.sum(T * np.log(forward(p["W"], b, p["V"], c)[1])))

    grads = central_differences(loglik, {"W": W.copy(), "V": V.copy()})
    Z, Y = forward(W, b, V, c)
    oracle = {
        "dV": _close(Z.T @ (T - Y), grads["V"]), "dV_slip": _close(Z.T @ (Y - T), grads["V"]),
        "dW": _close(X.T @ ((T - Y) @ V.T * Z * (1 - Z)), grads["W"]),
        "dW_slip": _close(X.T @ ((T - Y) @ V.T * Z), grads["W"]),
    }
    oracle["dv"], oracle["dv_slip"] = oracle["dV"], oracle["dV_slip"]  # (the same matrices entry by entry: example n first)
    assert oracle == {"dV": True, "dV_slip": False, "dW": True, "dW_slip": False, "dv": True, "dv_slip": False}
    got = _verify(tmp_path, LP_SPEC, LAZY)
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)
    assert got["out"].verdict == "correct", got["out"].message  # Y is the output, not the targets


# ---- Ng's Machine Learning, week 5: the example t of the loop "for t = 1 to m" -----------------------------------

NG_SPEC = _spec("ng5", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "binary_cross_entropy", 0.1)

NG5 = r"""# Backpropagation algorithm

For $t = 1$ to $m$: set $a^{(1)} := x^{(t)}$ and perform forward propagation:
$$z^{(2)} = \Theta^{(1)} a^{(1)}$$
$$a^{(2)} = g(z^{(2)}) \quad (\text{add } a_0^{(2)} = 1)$$
$$z^{(3)} = \Theta^{(2)} a^{(2)}$$
$$a^{(3)} = h_\Theta(x) = g(z^{(3)})$$

Using $y^{(t)}$, compute
$$\delta^{(3)} = a^{(3)} - y^{(t)} \tag{d3}$$

$$\delta^{(3)} = y^{(t)} - a^{(3)} \tag{d3_slip}$$

$$\delta^{(2)} = ((\Theta^{(2)})^T \delta^{(3)}) .* a^{(2)} .* (1 - a^{(2)}) \tag{d2}$$
"""


def test_ngs_example_t_is_read_as_the_one_example(tmp_path):
    """(t) in Ng's loop names the example, not a layer; with one example it is that example. Oracle: the cross-entropy
    of a 3-4-2 sigmoid network (Θ with the bias as column 0) differentiated by central differences."""
    rng = np.random.default_rng(5)
    T1, T2 = rng.normal(size=(4, 4)), rng.normal(size=(2, 5))
    x, y = rng.normal(size=3), np.array([1.0, 0.0])

    def a3_of_z3(z3):
        return 1 / (1 + np.exp(-z3))

    def cost_of_z3(z3):
        a3 = a3_of_z3(z3)
        return float(-np.sum(y * np.log(a3) + (1 - y) * np.log(1 - a3)))

    def cost_of_z2(z2):
        a2 = np.concatenate([[1.0], 1 / (1 + np.exp(-z2))])
        return cost_of_z3(T2 @ a2)

    z2 = T1 @ np.concatenate([[1.0], x])
    a2 = np.concatenate([[1.0], 1 / (1 + np.exp(-z2))])
    z3 = T2 @ a2
    d3 = central_differences(lambda p: cost_of_z3(p["z"]), {"z": z3.copy()})["z"]
    d2 = central_differences(lambda p: cost_of_z2(p["z"]), {"z": z2.copy()})["z"]
    a3 = a3_of_z3(z3)
    oracle = {"d3": _close(a3 - y, d3), "d3_slip": _close(y - a3, d3),
              "d2": _close((T2.T @ (a3 - y))[1:] * a2[1:] * (1 - a2[1:]), d2)}
    assert oracle == {"d3": True, "d3_slip": False, "d2": True}
    got = _verify(tmp_path, NG_SPEC, NG5)
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)


# ---- heldout26's fresh classes: δ written for ∂, a worked example's target in doubt, numbers put in unchecked ------

ONE_SPEC = _spec("one_neuron", "row", 1, [(1, "sigmoid")], "squared_error", 0.1)

DELTA_FOR_PARTIAL = r"""# One neuron

$z = w x + b$, $\hat{y} = \sigma(z)$ and $L = \frac{1}{2}(y - \hat{y})^2$.

$$\frac{\delta L}{\delta \hat{y}} = \frac{\delta}{\delta \hat{y}} \frac{1}{2} (y - \hat{y})^2 = - (y - \hat{y}) \tag{dy}$$

$$\frac{\delta \hat{y}}{\delta z} = \sigma(z)\cdot \big(1 - \sigma(z)\big) \tag{dz}$$

$$\frac{\delta \hat{y}}{\delta z} = \sigma(z) \tag{dz_slip}$$

$$\frac{\delta z}{\delta w} = x \tag{dw}$$

$$\frac{\delta z}{\delta w} = w \tag{dw_slip}$$
"""


def test_delta_written_for_partial_in_any_quotient_is_a_derivative(tmp_path):
    """Frauke Albrecht's \\frac{\\delta \\hat{y}}{\\delta z}: δ before a quantity over δ before a quantity is ∂ (read as the
    error signal δ, every such line was a false reject). Oracle: central differences of the neuron's functions."""
    rng = np.random.default_rng(3)
    w, b, x, y = rng.normal(), rng.normal(), rng.normal(), 0.7
    z = w * x + b
    yhat = 1 / (1 + np.exp(-z))
    dy = central_differences(lambda p: 0.5 * (y - p["v"][0]) ** 2, {"v": np.array([yhat])})["v"][0]
    dz = central_differences(lambda p: 1 / (1 + np.exp(-p["v"][0])), {"v": np.array([z])})["v"][0]
    dw = central_differences(lambda p: p["v"][0] * x + b, {"v": np.array([w])})["v"][0]
    oracle = {"dy": _close(-(y - yhat), dy), "dz": _close(yhat * (1 - yhat), dz), "dz_slip": _close(yhat, dz),
              "dw": _close(x, dw), "dw_slip": _close(w, dw)}
    assert oracle == {"dy": True, "dz": True, "dz_slip": False, "dw": True, "dw_slip": False}
    got = _verify(tmp_path, ONE_SPEC, DELTA_FOR_PARTIAL)
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)


def test_numbers_put_in_for_a_formula_are_checked_against_the_answers_own_or_left_unchecked(tmp_path):
    """Frauke Albrecht's slip ∂L/∂w^{(2)} = ∂L/∂ŷ ∂ŷ/∂z^{(3)} ∂z^{(3)}/∂w^{(2)} = (−0.875) · 0.235 · 0.5: the formula and
    the arithmetic hold, the 0.5 (x) put in for a^{(2)} does not — without values of its own to compare, the claim is
    no longer `correct`. Where every number put in is one the answer stated for that factor, it is (the oracle: the
    numbers each claim puts in against the ones the answer states, by hand)."""
    factors = [-0.875, 0.235]
    stated = "".join(rf"$$\frac{{\partial {a}}}{{\partial {b}}} = {v} \tag{{s{k}}}$$" "\n\n" for k, (a, b, v) in enumerate(
        [("L", r"\hat{y}", factors[0]), (r"\hat{y}", "z", factors[1])]))
    chain = r"\frac{\partial L}{\partial \hat{y}} \frac{\partial \hat{y}}{\partial z}"
    body = (stated + rf"$$\frac{{\partial L}}{{\partial z}} = {chain} = (-0.875) \cdot 0.235 = {factors[0] * factors[1]:.4f}"
            r" \tag{tied}$$" "\n\n" rf"$$\frac{{\partial L}}{{\partial z}} = {chain} = (-0.875) \cdot 0.3 = "
            rf"{factors[0] * 0.3:.4f} \tag{{loose}}$$" "\n")
    got = _verify(tmp_path, ONE_SPEC, body)
    assert got["tied"].verdict == "correct", got["tied"].message
    assert got["loose"].verdict == "unchecked", got["loose"].message


def test_a_worked_example_whose_loss_uses_another_target_than_its_prose_gives_is_not_judged_on_either(tmp_path):
    """"labels y = 1" in the prose, then L(1.5, 0.56) = ½(1.5 − 0.56)²: the example's target is not certain, so its
    numbers are not judged on y = 1 (each was a false reject)."""
    body = (r"We use one sample $x = 0.5$ with label $y = 1$, weight $w = 0.3$ and bias $b = 0.1$." "\n\n"
            r"$$\hat{y} = \sigma(0.3 \cdot 0.5 + 0.1) \approx 0.56$$" "\n\n"
            r"$$L(1.5, 0.56) = \frac{1}{2}(1.5 - 0.56)^2 = 0.44 \tag{loss}$$" "\n\n"
            r"$$\frac{\partial L}{\partial \hat{y}} = -(y - \hat{y}) = -(1.5 - 0.56) = -0.94 \tag{dy}$$" "\n")
    got = _verify(tmp_path, ONE_SPEC, body)
    assert got["dy"].verdict != "incorrect", got["dy"].message
    assert got["loss"].verdict != "incorrect", got["loss"].message


SM_SPEC = _spec("sigmoid_softmax", "column", 2, [(3, "sigmoid"), (3, "softmax")], "cross_entropy", 0.1)


def test_a_generic_layer_rule_with_the_sigmoids_slope_is_about_the_sigmoid_layers(tmp_path):
    """dassein's ∂J/∂Z^{(k)} = ∂J/∂a^{(k)} ⊙ a^{(k)} ⊙ (1 − a^{(k)}) in a net whose last layer is a softmax: a rule for the
    sigmoid layers, not judged (and rejected) at the softmax. Oracle: central differences of the cross-entropy by the
    hidden layer's summed input and activation."""
    rng = np.random.default_rng(8)
    W1, b1, W2, b2 = rng.normal(size=(3, 2)), rng.normal(size=3), rng.normal(size=(3, 3)), rng.normal(size=3)
    x, y = rng.normal(size=2), np.eye(3)[1]

    def cost_of_a(a):
        z = W2 @ a + b2
        return float(-np.sum(y * (z - np.log(np.sum(np.exp(z))))))

    z1 = W1 @ x + b1
    a1 = 1 / (1 + np.exp(-z1))
    dJ_da = central_differences(lambda p: cost_of_a(p["a"]), {"a": a1.copy()})["a"]
    dJ_dz = central_differences(lambda p: cost_of_a(1 / (1 + np.exp(-p["z"]))), {"z": z1.copy()})["z"]
    oracle = {"rule": _close(dJ_da * a1 * (1 - a1), dJ_dz), "rule_slip": _close(dJ_da * a1, dJ_dz)}
    assert oracle == {"rule": True, "rule_slip": False}
    body = (r"$$a^{(k)} = \phi(Z^{(k)})$$" "\n\n"
            r"$$\frac{\partial J}{\partial Z^{(k)}} = \frac{\partial J}{\partial a^{(k)}} \odot a^{(k)} \odot "
            r"\left(1 - a^{(k)}\right) \tag{rule}$$"
            "\n\n" r"$$\frac{\partial J}{\partial Z^{(k)}} = \frac{\partial J}{\partial a^{(k)}} \odot a^{(k)} \tag{rule_slip}$$" "\n")
    got = _verify(tmp_path, SM_SPEC, body)
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)


def test_a_worked_problems_given_matrices_put_in_at_their_first_mention_are_its_data(tmp_path):
    """ruyiq's z = W^{(1)} x = [[1, 2], [-2, 1]] [1; 3] = [7; 1]: the weights and the input a problem gives are its data
    where first written (a later claim that puts other numbers in for them is not tied). Oracle: NumPy's product."""
    spec = _spec("given", "row", 2, [(2, "relu"), (1, "sigmoid")], "binary_cross_entropy", 0.1)
    W, x = np.array([[1.0, 2.0], [-2.0, 1.0]]), np.array([1.0, 3.0])
    z = W @ x
    assert z.tolist() == [7.0, 1.0]
    body = (r"$$z^{(1)} = W^{(1)} x = \begin{bmatrix} 1 & 2 \\ -2 & 1 \end{bmatrix} \begin{bmatrix} 1 \\ 3 \end{bmatrix} = "
            r"\begin{bmatrix} 7 \\ 1 \end{bmatrix} \tag{z}$$" "\n\n"
            r"$$h^{(1)} = \mathrm{ReLU}(z^{(1)}) = \mathrm{ReLU}\left(\begin{bmatrix} 7 \\ 1 \end{bmatrix}\right) = "
            r"\begin{bmatrix} 7 \\ 1 \end{bmatrix} \tag{h}$$" "\n\n"
            r"$$z^{(1)} = W^{(1)} x = \begin{bmatrix} 1 & 2 \\ -2 & 1 \end{bmatrix} \begin{bmatrix} 2 \\ 3 \end{bmatrix} = "
            r"\begin{bmatrix} 8 \\ -1 \end{bmatrix} \tag{z_other}$$" "\n")
    got = _verify(tmp_path, spec, body)
    assert got["z"].verdict == "correct", got["z"].message
    assert got["h"].verdict == "correct", got["h"].message  # (z put in as the answer stated it)
    assert got["z_other"].verdict == "unchecked", got["z_other"].message  # (another x than the one given first)


def test_okatanis_u_with_its_unit_after_the_layer_and_an_unnumbered_output_unit(tmp_path):
    """Okatani's letters with the unit after the layer (u^l_j = Σ_i w^l_{ij} z^{l-1}_i, z^l_j = φ(u^l_j): u the summed
    input, kurekagura's notes) and Mazur's words for a net of one output, its number left off (Korniak's net_{o},
    out_{o}, δ_o). Oracle: central differences of the 2-3-1 sigmoid network's squared error by u^2 (= net_o)."""
    spec = _spec("okatani", "column", 2, [(3, "sigmoid"), (1, "sigmoid")], "squared_error", 0.1)
    rng = np.random.default_rng(12)
    W1, b1, W2, b2 = rng.normal(size=(2, 3)), rng.normal(size=3), rng.normal(size=(3, 1)), rng.normal(size=1)
    x, y = rng.normal(size=2), np.array([0.3])
    z1 = 1 / (1 + np.exp(-(W1.T @ x + b1)))
    u2 = W2.T @ z1 + b2
    out = 1 / (1 + np.exp(-u2))
    d2 = central_differences(lambda p: float(0.5 * np.sum((1 / (1 + np.exp(-p["u"])) - y) ** 2)), {"u": u2.copy()})["u"]
    oracle = {"delta": _close((out - y) * out * (1 - out), d2), "delta_slip": _close((out - y) * out, d2)}
    assert oracle == {"delta": True, "delta_slip": False}
    body = (r"$$u^l_{j} = \sum_i w^l_{ij} z^{l-1}_i + b^l_j$$" "\n\n" r"$$z^l_j = \sigma(u^l_j)$$" "\n\n"
            r"$$\frac{\partial E}{\partial u^2_j} = (z^2_j - y_j) z^2_j (1 - z^2_j) \tag{delta}$$" "\n\n"
            r"$$\frac{\partial E}{\partial u^2_j} = (z^2_j - y_j) z^2_j \tag{delta_slip}$$" "\n")
    got = _verify(tmp_path, spec, body)
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)
    mazur = (r"$$\delta_{o} = \frac{\partial E_{total}}{\partial net_{o}} = (out_{o} - target_{o}) out_{o} (1 - out_{o})"
             r" \tag{delta}$$" "\n\n" r"$$\delta_{o} = \frac{\partial E_{total}}{\partial net_{o}} = (out_{o} - "
             r"target_{o}) out_{o} \tag{delta_slip}$$" "\n")
    got = _verify(tmp_path, spec, mazur)
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)


def test_ngs_design_matrix_beside_column_examples_is_not_rejected(tmp_path):
    """Coursera's vectorised gradient δ = 1/m Σ_i (h_θ(x^{(i)}) − y^{(i)}) x^{(i)} = 1/m X^T (g(Xθ) − y): X the design matrix
    (its rows x^{(i)T}) beside x^{(i)} written as columns — the two sides agree (NumPy below) but X's layout is not the
    judge's, so the chain is unchecked, never a false reject."""
    rng = np.random.default_rng(9)
    X, theta, y = np.hstack([np.ones((5, 1)), rng.normal(size=(5, 3))]), rng.normal(size=4), rng.integers(0, 2, 5)
    h = 1 / (1 + np.exp(-(X @ theta)))
    assert _close(sum((h[i] - y[i]) * X[i] for i in range(5)) / 5, X.T @ (h - y) / 5)
    body = COURSERA + ("\n" r"$$\delta = \frac{1}{m} \sum_{i=1}^{m} \left((h_\theta(x^{(i)}) - y^{(i)}) x^{(i)}\right) = "
                       r"\frac{1}{m}X^T(g(X\theta) - y) \tag{vec}$$" "\n")
    got = _verify(tmp_path, LR_SPEC, body)
    assert got["vec"].verdict != "incorrect", got["vec"].message
