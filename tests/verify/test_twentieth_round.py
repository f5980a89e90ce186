"""The twentieth round (issue 10): answers read as a TA reads them, each expected verdict computed here by NumPy central
differences of a network written by hand (never by gradproof):

- a forward pass written unit by unit in scalar names (verify/scalargraph.py): a Mathematics Stack Exchange question's
  ``a_1 = f(m_1x_1+m_2x_2+b_1)`` … ``a_5 = f(m_{10}a_1+…)``, ``Cost = (a_4-t_1)^2+(a_5-t_2)^2``; Keonhee Lee's
  ``z_1 = w_1 \\cdot x_1 + w_3 \\cdot x_2``, ``a_1 = Sigmoid(z_1)``, a linear output ``\\hat{y_1} = w_5 \\cdot a_1 + …``;
- a hatted letter defined as the output (``\\hat p_i = \\sigma(w^T x_i + b)``) and "for inputs x_i ∈ ℝ^d" (i numbers
  the examples);
- ``\\frac{\\delta L}{\\delta w}``: δ written for ∂;
- a German lecture's ``net_j^{(l)} = \\sum_i w_{ij}^{(l)} o_i^{(l-1)} + b_j^{(l)}`` (w_{ij} from i to j, layers written);
- MSE written without ½ beside derivatives in δ: the definition is the answer's convention, not a mistake."""

from __future__ import annotations

import numpy as np
from conftest import central_differences
from test_fifteenth_round_coordinator import by_id
from test_nineteenth_round_coordinator import _spec


def _verify(tmp_path, spec: str, body: str, name: str = "answer.md"):
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(spec)
    (tmp_path / name).write_text(body)
    results, meta, _ = verify_file(str(tmp_path / name), str(tmp_path / "spec.toml"))
    return by_id(results)


def _fd(f, p) -> np.ndarray:
    """Central differences of the scalar f at the array p, every entry (conftest's oracle)."""
    return central_differences(lambda ps: f(ps["p"]), {"p": np.array(p, dtype=float)})["p"]


sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731

# the question's network: 2 inputs, 3 sigmoid hidden units a_1..a_3, 2 sigmoid outputs a_4, a_5, weights m_1..m_12
TECHQA = r"""My work assumes a neural network with 2 inputs, 1 hidden layer with 3 nodes and 2 outputs.

$f(x) = \frac{1}{1+e^{-x}}$ and $f^\prime(x)=f(x)(1-f(x))$
$$a_1 = f(m_1x_1+m_2x_2+b_1)$$
$$a_2 = f(m_3x_1+m_4x_2+b_2)$$
$$a_3 = f(m_5x_1+m_6x_2+b_3)$$
$$a_4 = f(m_7a_1+m_8a_2+m_9a_3+b_4)$$
$$a_5 = f(m_{10}a_1+m_{11}a_2+m_{12}a_3+b_5)$$
$$Cost=(a_4-t_1)^2+(a_5-t_2)^2$$
$$\frac{\partial Cost}{\partial m_{7}} = 2(a_4-t_1)(a_4(1-a_4))(a_1) \tag{m7}$$
$$\frac{\partial Cost}{\partial m_{1}} = 2(a_4-t_1)(a_4(1-a_4))(m_7)(a_1(1-a_1))(x_1)
+ 2(a_5-t_2)(a_5(1-a_5))(m_{10})(a_1(1-a_1))(x_1) \tag{m1}$$
$$\frac{\partial Cost}{\partial m_{8}} = 2(a_4-t_1)(a_4(1-a_4))(a_1) \tag{m8}$$
$$\frac{\partial Cost}{\partial b_{4}} = 2(a_4-t_1)(a_4(1-a_4)) \tag{b4}$$
$$\frac{\partial Cost}{\partial m_{4}} = 2(a_4-t_1)a_4(1-a_4)m_8 a_2(1-a_2)x_2 \tag{m4}$$
"""


def _techqa_truth():
    """{claim id: whether its formula equals ∂Cost/∂(its parameter)} at a random point, by central differences."""
    rng = np.random.default_rng(3)
    m, b, x, t = rng.normal(size=13), rng.normal(size=6), rng.normal(size=3), rng.uniform(size=3)  # 1-based

    def forward(m, b):
        a = np.zeros(6)
        for k, (w1, w2) in zip((1, 2, 3), ((1, 2), (3, 4), (5, 6)), strict=True):
            a[k] = sig(m[w1] * x[1] + m[w2] * x[2] + b[k])
        for k, ws in zip((4, 5), ((7, 8, 9), (10, 11, 12)), strict=True):
            a[k] = sig(m[ws[0]] * a[1] + m[ws[1]] * a[2] + m[ws[2]] * a[3] + b[k])
        return a

    def cost(m, b):
        a = forward(m, b)
        return (a[4] - t[1]) ** 2 + (a[5] - t[2]) ** 2

    dm = _fd(lambda p: cost(p, b), m)
    db = _fd(lambda p: cost(m, p), b)
    a = forward(m, b)
    written = {
        "m7": (2 * (a[4] - t[1]) * a[4] * (1 - a[4]) * a[1], dm[7]),
        "m1": (2 * (a[4] - t[1]) * a[4] * (1 - a[4]) * m[7] * a[1] * (1 - a[1]) * x[1]
               + 2 * (a[5] - t[2]) * a[5] * (1 - a[5]) * m[10] * a[1] * (1 - a[1]) * x[1], dm[1]),
        "m8": (2 * (a[4] - t[1]) * a[4] * (1 - a[4]) * a[1], dm[8]),
        "b4": (2 * (a[4] - t[1]) * a[4] * (1 - a[4]), db[4]),
        "m4": (2 * (a[4] - t[1]) * a[4] * (1 - a[4]) * m[8] * a[2] * (1 - a[2]) * x[2], dm[4]),
    }
    return {k: bool(np.isclose(claim, truth, rtol=1e-5, atol=1e-8)) for k, (claim, truth) in written.items()}


def test_scalar_forward_pass_binds_every_weight_and_unit(tmp_path):
    truth = _techqa_truth()
    assert truth == {"m7": True, "m1": True, "m8": False, "b4": True, "m4": False}  # the oracle tells both kinds apart
    spec = _spec("techqa", "row", 2, [(3, "sigmoid"), (2, "sigmoid")], "squared_error", 0.1)
    got = _verify(tmp_path, spec, TECHQA)
    for cid, right in truth.items():
        assert got[cid].verdict == ("correct" if right else "incorrect"), (cid, got[cid].message)
    assert got["line 4"].verdict == "correct"  # a_1 = f(m_1 x_1 + m_2 x_2 + b_1): the forward sum itself


def test_scalar_names_of_another_network_are_not_read(tmp_path):
    # the same answer against a 2-2-2 network: a_3 and m_5, m_6 have no place in it, so nothing is rewritten
    spec = _spec("other", "row", 2, [(2, "sigmoid"), (2, "sigmoid")], "squared_error", 0.1)
    got = _verify(tmp_path, spec, TECHQA)
    assert all(got[cid].verdict == "unchecked" for cid in ("m7", "m1", "m8", "b4", "m4"))


KEONHEE = r"""\( z_1 = w_1 \cdot x_1 + w_3 \cdot x_2 \)

\( z_2 = w_2 \cdot x_1 + w_4 \cdot x_2 \)

\( a_1 = Sigmoid(z_1) \)

\( a_2 = Sigmoid(z_1) \)

\( \hat{y_1} = w_5 \cdot a_1 + w_6 \cdot a_2 \)

$$L = (y_1 - \hat{y_1})^2$$

$$\frac{\partial L}{\partial w_5} = -2(y_1 - \hat{y_1}) a_1 \tag{w5}$$

$$\frac{\partial L}{\partial w_3} = -2(y_1 - \hat{y_1}) w_5 a_1 (1 - a_1) x_2 \tag{w3}$$

$$\frac{\partial L}{\partial w_2} = -2(y_1 - \hat{y_1}) w_5 a_2 (1 - a_2) x_1 \tag{w2}$$
"""


def test_numbered_weights_in_the_answers_own_order_and_a_linear_output(tmp_path):
    # the oracle: the 2-2-1 network with the answer's pairing (w_3 on x_2 into hidden unit 1), a linear output
    rng = np.random.default_rng(5)
    w, x, y = rng.normal(size=7), rng.normal(size=3), 0.7

    def loss(w):
        z1, z2 = w[1] * x[1] + w[3] * x[2], w[2] * x[1] + w[4] * x[2]
        return (y - (w[5] * sig(z1) + w[6] * sig(z2))) ** 2

    g = _fd(loss, w)
    a1, a2 = sig(w[1] * x[1] + w[3] * x[2]), sig(w[2] * x[1] + w[4] * x[2])
    yhat = w[5] * a1 + w[6] * a2
    assert np.isclose(-2 * (y - yhat) * a1, g[5])  # w5: right
    assert np.isclose(-2 * (y - yhat) * w[5] * a1 * (1 - a1) * x[2], g[3])  # w3: right
    assert not np.isclose(-2 * (y - yhat) * w[5] * a2 * (1 - a2) * x[1], g[2])  # w2: w_6 is the weight on a_2
    spec = _spec("keonhee", "column", 2, [(2, "sigmoid"), (1, "identity")], "squared_error", 0.1)
    spec = spec.replace('activation = "sigmoid"\n', 'activation = "sigmoid"\nbias = false\n').replace(
        'activation = "identity"\n', 'activation = "identity"\nbias = false\n')
    got = _verify(tmp_path, spec, KEONHEE)
    assert got["w5"].verdict == "correct" and got["w3"].verdict == "correct", (got["w5"].message, got["w3"].message)
    assert got["w2"].verdict == "incorrect"
    assert got["line 7"].verdict == "incorrect"  # the slip a_2 = Sigmoid(z_1): a_2 is unit 2's (its number), not z_1's


LOGREG = r"""For inputs $\mathbf{x}_i\in\mathbb{R}^d$, labels $y_i\in\{0,1\}$, parameters $\mathbf{w}, b$:
$$ \hat{p}_i = \sigma(\mathbf{w}^\top \mathbf{x}_i + b) $$
Negative log-likelihood:
$$ \mathcal{L}(\mathbf{w},b) = -\sum_{i=1}^n\big[ y_i\log \hat{p}_i + (1-y_i)\log(1-\hat{p}_i)\big]. \tag{nll}$$
$$ \frac{\partial \mathcal{L}}{\partial b} = \hat{p}_i - y_i \tag{db}$$
$$ \frac{\partial \mathcal{L}}{\partial b} = y_i - \hat{p}_i \tag{db-sign}$$
$$\frac{\delta \mathcal{L}}{\delta b} = \hat{p}_i - y_i \tag{delta-frac}$$
"""


def test_a_hatted_prediction_and_examples_numbered_by_their_input(tmp_path):
    rng = np.random.default_rng(11)
    w, b, x, y = rng.normal(size=2), 0.3, rng.normal(size=2), 1.0

    def nll(b):
        p = sig(w @ x + b)
        return -(y * np.log(p) + (1 - y) * np.log(1 - p))

    g = _fd(nll, np.array(b))
    p = sig(w @ x + b)
    assert np.isclose(p - y, g) and not np.isclose(y - p, g)
    spec = _spec("logreg", "row", 2, [(1, "sigmoid")], "binary_cross_entropy", 0.5)
    got = _verify(tmp_path, spec, LOGREG)
    assert got["nll"].verdict == "correct"
    assert got["db"].verdict == "correct" and got["delta-frac"].verdict == "correct"
    assert got["db-sign"].verdict == "incorrect"


GERMAN = r"""Die Netzeingabe von Neuron $j$ in Schicht $l$ ist $net_j^{(l)} = \sum_i w_{ij}^{(l)} o_i^{(l-1)} + b_j^{(l)}$,
die Ausgabe $o_j^{(l)} = \sigma(net_j^{(l)})$, mit $o_i^{(0)} = x_i$.

$$E = \frac{1}{2}\sum_k (t_k - o_k^{(2)})^2 \tag{E}$$

$$\delta_j^{(1)} = o_j^{(1)}(1 - o_j^{(1)}) \sum_k w_{jk}^{(2)} \delta_k^{(2)} \tag{b}$$

$$\frac{\partial E}{\partial w_{ij}^{(l)}} = \delta_j^{(l)} o_i^{(l-1)} \tag{c}$$

$$\frac{\partial E}{\partial w_{ij}^{(2)}} = \delta_i^{(2)} o_j^{(1)} \tag{e}$$
"""


def test_weights_from_i_to_j_with_their_layer_written(tmp_path):
    # the oracle: W[l][i, j] is the weight from unit i (layer l-1) to unit j (layer l), as the answer defines it
    rng = np.random.default_rng(2)
    W = [rng.normal(size=(3, 4)), rng.normal(size=(4, 2))]
    b = [rng.normal(size=4), rng.normal(size=2)]
    x, t = rng.normal(size=3), rng.uniform(size=2)

    def error(W2):
        o1 = sig(x @ W[0] + b[0])
        return 0.5 * np.sum((t - sig(o1 @ W2 + b[1])) ** 2)

    g = _fd(error, W[1])
    o1 = sig(x @ W[0] + b[0])
    o2 = sig(o1 @ W[1] + b[1])
    d2 = (o2 - t) * o2 * (1 - o2)
    assert np.allclose(np.outer(o1, d2), g, atol=1e-6)  # (c) at l = 2: δ_j o_i in entry (i, j)
    assert not np.allclose(np.outer(o1, d2).T[:2, :2], g[:2, :2], atol=1e-6)  # (e): the indices swapped
    spec = _spec("german", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.1)
    got = _verify(tmp_path, spec, GERMAN)
    assert got["c"].verdict == "correct" and got["b"].verdict == "correct", (got["c"].message, got["b"].message)
    assert got["e"].verdict == "incorrect"
    assert got["line 1"].verdict == "correct"  # the definition itself


#: sinanLab/neuralNetworkFromScratch notes.ipynb (commit 1394522), its markdown cells 2-4 verbatim
MSE = r"""## 2. Forward Propagation

### Hidden Layer Calculation
$$
\mathbf{h} = \sigma(\mathbf{X}\mathbf{W}_1 + \mathbf{b}_1)
$$

Where:
- $\mathbf{X} \in \mathbb{R}^{m \times 2}$: Input matrix (m samples)
- $\mathbf{W}_1 \in \mathbb{R}^{2 \times n_h}$: Weight matrix
- $\mathbf{b}_1 \in \mathbb{R}^{1 \times n_h}$: Bias vector
- $\sigma$: Sigmoid activation

### Output Layer Calculation
$$
\mathbf{\hat{y}} = \sigma(\mathbf{h}\mathbf{W}_2 + \mathbf{b}_2)
$$

Where:
- $\mathbf{W}_2 \in \mathbb{R}^{n_h \times 1}$: Weight matrix
- $\mathbf{b}_2 \in \mathbb{R}^{1 \times 1}$: Bias scalar

### Sigmoid Activation
$$
\sigma(x) = \frac{1}{1 + e^{-x}}
$$

### Sigmoid Derivative
$$
\sigma'(x) = \sigma(x)(1 - \sigma(x))
$$

## 3. Loss Function (MSE)

$$
\mathcal{L} = \frac{1}{m}\sum_{i=1}^m (y_i - \hat{y}_i)^2
$$


## 4. Backpropagation

### Output Layer Gradients
Error at output:
$$
\mathbf{\delta}_2 = (\mathbf{y} - \mathbf{\hat{y}}) \odot \sigma'(\mathbf{\hat{y}})
$$

Weight gradients:
$$
\frac{\partial \mathcal{L}}{\partial \mathbf{W}_2} = \mathbf{h}^T \mathbf{\delta}_2
$$

Bias gradient:
$$
\frac{\partial \mathcal{L}}{\partial \mathbf{b}_2} = \sum \mathbf{\delta}_2 \text{ (across samples)}
$$


### Hidden Layer Gradients
Error propagation:
$$
\mathbf{\delta}_1 = (\mathbf{\delta}_2 \mathbf{W}_2^T) \odot \sigma'(\mathbf{h})
$$

Weight gradients:
$$
\frac{\partial \mathcal{L}}{\partial \mathbf{W}_1} = \mathbf{X}^T \mathbf{\delta}_1
$$

Bias gradient:
$$
\frac{\partial \mathcal{L}}{\partial \mathbf{b}_1} = \sum \mathbf{\delta}_1 \text{ (across samples)}
$$
"""


def test_mse_without_a_half_beside_derivatives_in_delta_is_a_convention(tmp_path):
    # the mean of squares is twice the spec's ½-mean at every point (the oracle: a direct evaluation)
    rng = np.random.default_rng(4)
    y, yhat = rng.uniform(size=5), rng.uniform(size=5)
    assert np.isclose(np.mean((y - yhat) ** 2), 2 * np.mean(0.5 * (y - yhat) ** 2))
    spec = _spec("sinan", "column", 2, [(4, "sigmoid"), (1, "sigmoid")], "squared_error", 0.1)
    got = _verify(tmp_path, spec, MSE)
    assert got["line 36"].verdict == "unchecked" and "convention" in got["line 36"].message, got["line 36"].message
    assert got["line 45"].verdict == "incorrect"  # δ₂ = (y − ŷ) ⊙ σ'(ŷ): the sign of −∂L/∂ŷ


def _softmax_jacobian():
    """∂ŷ_i/∂s_j of the softmax by central differences at a random point: (ŷ, J)."""
    s = np.random.default_rng(8).normal(size=3)
    soft = lambda s: np.exp(s) / np.exp(s).sum()  # noqa: E731
    jac = np.stack([_fd(lambda v, i=i: soft(v)[i], s) for i in range(3)])
    return soft(s), jac


def test_softmax_jacobian_in_cases_with_an_unequal_index(tmp_path):
    yhat, jac = _softmax_jacobian()
    right = np.where(np.eye(3, dtype=bool), yhat * (1 - yhat), -np.outer(yhat, yhat))
    swapped = np.where(np.eye(3, dtype=bool), -np.outer(yhat, yhat), yhat * (1 - yhat))
    assert np.allclose(right, jac, atol=1e-6) and not np.allclose(swapped, jac, atol=1e-6)
    spec = _spec("softmax", "row", 3, [(4, "tanh"), (3, "softmax")], "cross_entropy", 0.1)
    body = (r"Let $s = W_2 h + b_2$ and $\hat{y} = \mathrm{softmax}(s)$." "\n\n"
            r"$$\frac{\partial \hat{y}_i}{\partial s_j} = \begin{cases} \hat{y}_i (1 - \hat{y}_i) & i = j \\"
            r" -\hat{y}_i \hat{y}_j & i \neq j \end{cases} \tag{right}$$" "\n\n"
            r"$$\frac{\partial \hat{y}_i}{\partial s_j} = \begin{cases} \hat{y}_i (1 - \hat{y}_i) & \text{if } i \neq j"
            r" \\ -\hat{y}_i \hat{y}_j & \text{if } i = j \end{cases} \tag{swapped}$$" "\n")
    got = _verify(tmp_path, spec, body)
    assert got["right"].verdict == "correct" and got["swapped"].verdict == "incorrect", got["right"].message


def test_partial_with_its_variable_as_a_subscript_and_a_where_clause(tmp_path):
    rng = np.random.default_rng(9)
    W = [rng.normal(size=(4, 3)), rng.normal(size=(2, 4))]
    b = [rng.normal(size=4), rng.normal(size=2)]
    x, y = rng.normal(size=3), rng.uniform(size=2)

    def loss(b2):
        a1 = sig(W[0] @ x + b[0])
        return 0.5 * np.sum((sig(W[1] @ a1 + b2) - y) ** 2)

    a1 = sig(W[0] @ x + b[0])
    a2 = sig(W[1] @ a1 + b[1])
    assert np.allclose((a2 - y) * a2 * (1 - a2), _fd(loss, b[1]), atol=1e-6)
    spec = _spec("mlp", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.1)
    body = (r"Network: $z^{[l]} = W^{[l]} a^{[l-1]} + b^{[l]}$, $a^{[l]} = \sigma(z^{[l]})$, $a^{[0]} = x$, loss "
            r"$\mathcal{L} = \frac{1}{2}\|a^{[2]} - y\|^2$." "\n\n"
            r"$$\partial_{b^{[2]}} \mathcal{L} = (a^{[2]} - y) \odot \sigma'(z^{[2]}) \tag{right}$$" "\n\n"
            r"$$\partial_{b^{[2]}} \mathcal{L} = (a^{[2]} - y) \tag{wrong}$$" "\n\n"
            r"$$\frac{\partial \mathcal{L}}{\partial W^{[1]}} = \delta^{[1]} x^T, \quad \text{where } \delta^{[1]} = "
            r"(W^{[2]})^T \delta^{[2]} \odot a^{[1]} \odot (1 - a^{[1]}) \tag{where}$$" "\n\n"
            r"$$\frac{\partial \mathcal{L}}{\partial W^{[1]}} = \delta^{[1]} x^T, \quad \text{where } \delta^{[1]} = "
            r"(W^{[2]})^T \delta^{[2]} \odot (1 - a^{[1]}) \tag{where-wrong}$$" "\n")
    got = _verify(tmp_path, spec, body)
    assert got["right"].verdict == "correct" and got["wrong"].verdict == "incorrect"
    assert got["where"].verdict == "correct" and got["where-wrong"].verdict == "incorrect", got["where"].message


CS231N = """Q2. Backprop for the two-layer net. X is N x D, Y one-hot N x C.

h = relu(X @ W1 + b1)
scores = h @ W2 + b2
probs = softmax(scores)
dscores = (probs - Y) / N
dW2 = h.T @ dscores
dh = dscores @ W2.T
dW2 = dscores @ h.T
"""


def test_d_letters_of_the_mean_after_dscores_divided_by_n(tmp_path):
    # the oracle: mean cross-entropy of a ReLU-softmax net on a batch, dJ/dh by central differences
    rng = np.random.default_rng(12)
    n = 5
    X, W1, b1 = rng.normal(size=(n, 4)), rng.normal(size=(4, 5)), rng.normal(size=5)
    W2, b2 = rng.normal(size=(5, 3)), rng.normal(size=3)
    Y = np.eye(3)[rng.integers(0, 3, size=n)]
    soft = lambda s: np.exp(s) / np.exp(s).sum(axis=1, keepdims=True)  # noqa: E731
    h = np.maximum(0, X @ W1 + b1)
    mean_ce = lambda h: -np.mean(np.sum(Y * np.log(soft(h @ W2 + b2)), axis=1))  # noqa: E731
    assert np.allclose((soft(h @ W2 + b2) - Y) / n @ W2.T, _fd(mean_ce, h), atol=1e-6)
    spec = _spec("twolayer", "column", 4, [(5, "relu"), (3, "softmax")], "cross_entropy", 0.1)
    got = _verify(tmp_path, spec, CS231N, "answer.txt")
    assert [got[f"Q2.{k}"].verdict for k in (4, 5, 6, 7)] == ["correct", "correct", "correct", "incorrect"], [
        got[f"Q2.{k}"].message for k in (4, 5, 6, 7)]


WORKED = r"""Inputs $x_1 = 0.05$, $x_2 = 0.10$; weights $w_1 = 0.15$, $w_2 = 0.20$, $w_3 = 0.25$, $w_4 = 0.30$,
$w_5 = 0.40$, $w_6 = 0.45$; biases $b_1 = 0.35$, $b_2 = 0.35$, $b_3 = 0.60$; target $t = 0.01$.

$$z_1 = w_1 x_1 + w_2 x_2 + b_1 = {z1}$$
$$z_2 = w_3 x_1 + w_4 x_2 + b_2 = {z2}$$
$$h_1 = \sigma(z_1) = {h1}$$
$$h_2 = \sigma(z_2) = {h2}$$
$$z_3 = w_5 h_1 + w_6 h_2 + b_3 = {z3}$$
$$o = \sigma(z_3) = {o}$$
$$E = \frac{1}{2}(t - o)^2 = {E}$$
$$\frac{\partial E}{\partial w_5} = (o - t)\, o (1 - o)\, h_1 = {g5} \tag{w5}$$
$$\frac{\partial E}{\partial w_6} = (o - t)\, o (1 - o)\, h_1 = {g5} \tag{w6}$$
$$w_5^{+} = w_5 - \eta \frac{\partial E}{\partial w_5} = 0.40 - ({g5}) \tag{upd}$$
"""


def test_a_worked_example_in_bare_and_numbered_names(tmp_path):
    # the oracle: Mazur's network by hand; every number the answer writes is computed here, rounded to 4 digits
    x, w, b, t = np.array([0.05, 0.10]), np.array([0.15, 0.20, 0.25, 0.30, 0.40, 0.45]), (0.35, 0.35, 0.60), 0.01

    def error(w):
        h = sig(np.array([w[0] * x[0] + w[1] * x[1] + b[0], w[2] * x[0] + w[3] * x[1] + b[1]]))
        return 0.5 * (t - sig(w[4] * h[0] + w[5] * h[1] + b[2])) ** 2

    z1, z2 = w[0] * x[0] + w[1] * x[1] + b[0], w[2] * x[0] + w[3] * x[1] + b[1]
    h1, h2 = sig(z1), sig(z2)
    z3 = w[4] * h1 + w[5] * h2 + b[2]
    o = sig(z3)
    g = _fd(error, w)
    g5 = (o - t) * o * (1 - o) * h1
    assert np.isclose(g5, g[4]) and not np.isclose(g5, g[5])  # w6's claim repeats h_1 for h_2: wrong
    numbers = {"z1": z1, "z2": z2, "h1": h1, "h2": h2, "z3": z3, "o": o, "E": 0.5 * (t - o) ** 2, "g5": g5}
    body = WORKED
    for k, v in numbers.items():
        body = body.replace("{" + k + "}", f"{v:.4f}")
    spec = _spec("mazur", "row", 2, [(2, "sigmoid"), (1, "sigmoid")], "squared_error", 0.5)
    got = _verify(tmp_path, spec, body)
    assert got["w5"].verdict == "correct", got["w5"].message
    assert got["w6"].verdict == "incorrect"
    assert all(got[f"line {n}"].verdict == "correct" for n in (4, 5, 6, 7, 8, 9, 10)), [
        (n, got[f"line {n}"].message) for n in (4, 5, 6, 7, 8, 9, 10)]
    # η left out of the numbers: 0.40 − 0.0822 is not the step (0.40 − 0.5 · 0.0822 = 0.3589). Since the forty-fifth
    # round the bare target t beside o is read (scalargraph._targets), so the example is complete and judged on its
    # numbers: wrong (before, without a target, the numbers were the answer's own and left unchecked)
    assert got["upd"].verdict == "incorrect" and abs(0.40 - 0.5 * round(g5, 4) - 0.3589) < 1e-4


def test_a_plain_text_line_of_two_sentences(tmp_path):
    # the oracle: σ and tanh differ at a random point, so a forward pass with tanh for σ is wrong there
    z = np.random.default_rng(1).normal(size=4)
    assert not np.allclose(np.tanh(z), sig(z))
    spec = _spec("mlp", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.1)
    line = "Forward: z₁ = W₁x + b₁, a₁ = {f}(z₁), z₂ = W₂a₁ + b₂, ŷ = σ(z₂). Loss L = ½‖ŷ − y‖².\n"
    got = _verify(tmp_path, spec, "Problem 1\n" + line.format(f="σ") + line.format(f="tanh"), "answer.txt")
    assert got["line 2"].verdict == "correct", got["line 2"].message  # ŷ = σ(z₂) and L = ½‖ŷ − y‖², not ŷ = L
    assert got["line 3"].verdict == "incorrect"


def test_momentum_in_another_variant_and_leaky_relu_written_as_a_max(tmp_path):
    # the oracle: one step of each momentum variant from the same state differs, so only the spec's (classic) holds
    g, v, mu = np.array([0.3, -0.2]), np.array([0.1, 0.05]), 0.9
    classic, ema = mu * v + g, mu * v + (1 - mu) * g
    assert not np.allclose(classic, ema)
    # leaky ReLU's slope by central differences: 1 above 0, the leak below
    leaky = lambda z: np.maximum(0.01 * z, z)  # noqa: E731
    z = np.array([-1.3, 0.7])
    assert np.allclose(_fd(lambda u: leaky(u).sum(), z), [0.01, 1.0], atol=1e-6)
    spec = _spec("l1", "row", 3, [(4, "leaky_relu"), (2, "sigmoid")], "binary_cross_entropy", 0.1)
    spec = spec.replace('activation = "leaky_relu"\n', 'activation = "leaky_relu"\ngamma = 0.01\n').replace(
        'name = "sgd"', 'name = "momentum"\nmomentum = 0.9')
    body = (r"$$g(z) = \max(0.01 z, z) \tag{g}$$" "\n\n"
            r"$$g'(z) = \begin{cases} 1 & z > 0 \\ 0.01 & z \le 0 \end{cases} \tag{slope}$$" "\n\n"
            r"$$g'(z) = \begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases} \tag{slope-relu}$$" "\n\n"
            r"$$v_{t} = \beta v_{t-1} + (1-\beta) \nabla_W J \tag{ema}$$" "\n\n"
            r"$$v_{t} = \beta v_{t-1} + \nabla_W J \tag{classic}$$" "\n\n"
            r"$$v_{t} = \beta v_{t-1} + 2 \nabla_W J \tag{neither}$$" "\n")
    got = _verify(tmp_path, spec, body)
    assert got["g"].verdict == "correct" and got["slope"].verdict == "correct", (got["g"].message, got["slope"].message)
    assert got["slope-relu"].verdict == "incorrect"
    assert got["classic"].verdict == "correct"
    assert got["ema"].verdict == "unchecked" and "ema" in got["ema"].message
    assert got["neither"].verdict == "incorrect"


OKATANI = r"""第 $l$ 層のユニット $j$ の総入力は $u_j^{(l)} = \sum_i w_{ji}^{(l)} z_i^{(l-1)} + b_j^{(l)}$、出力は
$z_j^{(l)} = f(u_j^{(l)})$、$z_i^{(1)} = x_i$ とする。誤差関数は $E = \frac{1}{2}\sum_k (y_k - d_k)^2$、$y_k = z_k^{(L)}$。

$$\frac{\partial E}{\partial w_{ji}^{(l)}} = \delta_j^{(l)} z_i^{(l-1)} \tag{4.5}$$

$$\delta_j^{(L)} = (y_j - d_j) f'(u_j^{(L)}) \tag{4.7}$$

$$\delta_j^{(L)} = (d_j - y_j) f'(u_j^{(L)}) \tag{sign}$$
"""


def test_okatanis_notation_u_summed_z_activation_input_as_layer_one(tmp_path):
    # the oracle: the 3-4-2 sigmoid network; δ of the output layer by central differences of E in u
    rng = np.random.default_rng(6)
    W = [rng.normal(size=(4, 3)), rng.normal(size=(2, 4))]
    b = [rng.normal(size=4), rng.normal(size=2)]
    x, d = rng.normal(size=3), rng.uniform(size=2)
    z2 = sig(W[0] @ x + b[0])
    u3 = W[1] @ z2 + b[1]
    delta = _fd(lambda u: 0.5 * np.sum((sig(u) - d) ** 2), u3)
    y = sig(u3)
    assert np.allclose((y - d) * y * (1 - y), delta, atol=1e-6) and not np.allclose((d - y) * y * (1 - y), delta)
    grad = _fd(lambda w: 0.5 * np.sum((sig(w @ z2 + b[1]) - d) ** 2), W[1])
    assert np.allclose(np.outer(delta, z2), grad, atol=1e-6)  # (4.5) at the last layer: δ_j z_i in entry (j, i)
    spec = _spec("okatani", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.1)
    got = _verify(tmp_path, spec, OKATANI)
    assert [got[k].verdict for k in ("4.5", "4.7", "sign")] == ["correct", "correct", "incorrect"], [
        got[k].message for k in ("4.5", "4.7", "sign")]


def test_cs229_theta_transpose_x_with_the_intercept_as_x0(tmp_path):
    # the oracle: h = θ_0 + Σ_j θ_j x_j (x_0 = 1); ∂J/∂θ_j of J = ½(h − y)² by central differences is (h − y) x_j
    rng = np.random.default_rng(10)
    theta, x, y = rng.normal(size=4), np.concatenate([[1.0], rng.normal(size=3)]), 0.4
    grad = _fd(lambda t: 0.5 * (t @ x - y) ** 2, theta)
    assert np.allclose((theta @ x - y) * x, grad, atol=1e-6)
    spec = _spec("lms", "row", 3, [(1, "identity")], "squared_error", 0.01)
    body = ("We use $x_0 = 1$, so the intercept is $\\theta_0$.\n\n"
            r"$$h_\theta(x) = \theta^T x \tag{h}$$" "\n\n"
            r"$$\frac{\partial}{\partial \theta_j} J(\theta) = (h_\theta(x) - y) x_j \tag{grad}$$" "\n\n"
            r"$$\frac{\partial}{\partial \theta_j} J(\theta) = (y - h_\theta(x)) x_j \tag{sign}$$" "\n")
    got = _verify(tmp_path, spec, body)
    assert [got[k].verdict for k in ("h", "grad", "sign")] == ["correct", "correct", "incorrect"], got["h"].message


CODE_NAMES = """Network: z1 = X @ W1 + b1, a1 = relu(z1), z2 = a1 @ W2 + b2, probs = softmax(z2).
dL_dz2 = (probs - Y) / N
dL_dW2 = a1.T @ dL_dz2
dL_db2 = dL_dz2.sum(axis=0)
dL_da1 = dL_dz2 @ W2.T
dL_dz1 = dL_da1 * (z1 > 0)
grad_W1 = X.T @ dL_dz1
grad_W1 = X.T @ dL_da1
"""


def test_derivatives_named_as_in_code(tmp_path):
    # the oracle: the mean cross-entropy's ∂/∂b2 and ∂/∂W1 by central differences
    rng = np.random.default_rng(13)
    n = 6
    X, W1, b1 = rng.normal(size=(n, 4)), rng.normal(size=(4, 5)), rng.normal(size=5)
    W2, b2 = rng.normal(size=(5, 3)), rng.normal(size=3)
    Y = np.eye(3)[rng.integers(0, 3, size=n)]
    soft = lambda s: np.exp(s) / np.exp(s).sum(axis=1, keepdims=True)  # noqa: E731
    loss = lambda W1, b2: -np.mean(np.sum(Y * np.log(soft(np.maximum(0, X @ W1 + b1) @ W2 + b2)), axis=1))  # noqa: E731
    z1 = X @ W1 + b1
    dz2 = (soft(np.maximum(0, z1) @ W2 + b2) - Y) / n
    assert np.allclose(dz2.sum(axis=0), _fd(lambda b: loss(W1, b), b2), atol=1e-6)
    g1 = _fd(lambda w: loss(w, b2), W1)
    assert np.allclose(X.T @ (dz2 @ W2.T * (z1 > 0)), g1, atol=1e-6) and not np.allclose(X.T @ (dz2 @ W2.T), g1, atol=1e-6)
    spec = _spec("twolayer", "column", 4, [(5, "relu"), (3, "softmax")], "cross_entropy", 0.1)
    got = _verify(tmp_path, spec, CODE_NAMES, "answer.txt")
    assert [got[f"line {k}"].verdict for k in (2, 3, 4, 5, 6, 7, 8)] == ["correct"] * 6 + ["incorrect"], [
        (k, got[f"line {k}"].message) for k in (2, 3, 4, 5, 6, 7, 8)]


SOFTMAX_REGRESSION = r"""Softmax regression: $z_k = \mathbf{w}_k^T \mathbf{x} + b_k$, $p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}$,
$L = -\sum_k y_k \log p_k$.

$$\nabla_{\mathbf{w}_k} L = (p_k - y_k)\mathbf{x} \tag{b}$$
$$\frac{\partial L}{\partial w_{kj}} = (p_k - y_k) x_j \tag{d}$$
$$\nabla_{\mathbf{w}_k} L = (y_k - p_k)\mathbf{x} \tag{f}$$
"""


def test_softmax_regression_with_class_weight_vectors(tmp_path):
    # the oracle: ∂L/∂W of softmax regression by central differences; row k is (p_k − y_k) x
    rng = np.random.default_rng(14)
    W, b, x = rng.normal(size=(3, 4)), rng.normal(size=3), rng.normal(size=4)
    y = np.eye(3)[1]
    soft = lambda z: np.exp(z) / np.exp(z).sum()  # noqa: E731
    g = _fd(lambda w: -np.sum(y * np.log(soft(w @ x + b))), W)
    p = soft(W @ x + b)
    assert np.allclose(np.outer(p - y, x), g, atol=1e-6) and not np.allclose(np.outer(y - p, x), g, atol=1e-6)
    spec = _spec("softmax_regression", "row", 4, [(3, "softmax")], "cross_entropy", 0.1)
    got = _verify(tmp_path, spec, SOFTMAX_REGRESSION)
    assert [got[k].verdict for k in ("line 1", "b", "d", "f")] == ["correct", "correct", "correct", "incorrect"], [
        got[k].message for k in ("line 1", "b", "d", "f")]


def test_y_pred_and_y_true(tmp_path):
    # the oracle: ∂L/∂b_2 of ½(ŷ − y)² for a sigmoid output, by central differences
    rng = np.random.default_rng(15)
    W1, b1, W2, b2 = rng.normal(size=(2, 2)), rng.normal(size=2), rng.normal(size=(1, 2)), rng.normal(size=1)
    x, y = rng.normal(size=2), 0.3
    h = sig(W1 @ x + b1)
    g = _fd(lambda b: 0.5 * np.sum((sig(W2 @ h + b) - y) ** 2), b2)
    p = sig(W2 @ h + b2)
    assert np.allclose((p - y) * p * (1 - p), g) and not np.allclose(p - y, g)
    spec = _spec("keras", "row", 2, [(2, "sigmoid"), (1, "sigmoid")], "squared_error", 0.1)
    body = (r"The loss is $L = \frac{1}{2}(y_{pred} - y_{true})^2$." "\n\n"
            r"$$\frac{\partial L}{\partial b_2} = (y_{pred} - y_{true}) \, y_{pred} (1 - y_{pred}) \tag{right}$$" "\n\n"
            r"$$\frac{\partial L}{\partial b_2} = y_{pred} - y_{true} \tag{wrong}$$" "\n")
    got = _verify(tmp_path, spec, body)
    assert got["right"].verdict == "correct" and got["wrong"].verdict == "incorrect", got["right"].message


NIELSEN_DOTS = r"""$$\delta^l = \Sigma'(z^l) (w^{l+1})^T \cdots \Sigma'(z^{L-1}) (w^L)^T \Sigma'(z^L) \nabla_a C \tag{right}$$

$$\delta^l = \Sigma'(z^l) (w^{l+1})^T \cdots \Sigma'(z^{L-1}) (w^L)^T \nabla_a C \tag{wrong}$$
"""


def test_a_product_over_layers_with_dots(tmp_path):
    # the oracle: a 3-4-5-3-2 sigmoid network; δ¹ by central differences equals the written-out product, and the
    # product without the last Σ' does not
    rng = np.random.default_rng(16)
    sizes = [3, 4, 5, 3, 2]
    W = [rng.normal(size=(sizes[k + 1], sizes[k])) for k in range(4)]
    b = [rng.normal(size=sizes[k + 1]) for k in range(4)]
    x, y = rng.normal(size=3), rng.uniform(size=2)
    z1 = W[0] @ x + b[0]

    def cost_from(z):
        a = sig(z)
        for k in range(1, 4):
            a = sig(W[k] @ a + b[k])
        return 0.5 * np.sum((a - y) ** 2)

    zs, a = [z1], sig(z1)
    for k in range(1, 4):
        zs.append(W[k] @ a + b[k])
        a = sig(zs[-1])
    ds = lambda z: np.diag(sig(z) * (1 - sig(z)))  # noqa: E731
    written = ds(zs[0]) @ W[1].T @ ds(zs[1]) @ W[2].T @ ds(zs[2]) @ W[3].T @ ds(zs[3]) @ (a - y)
    assert np.allclose(written, _fd(cost_from, z1), atol=1e-6)
    assert not np.allclose(ds(zs[0]) @ W[1].T @ ds(zs[1]) @ W[2].T @ ds(zs[2]) @ W[3].T @ (a - y), written)
    layers = "".join(f'\n[[layers]]\nunits = {u}\nactivation = "sigmoid"\n' for u in sizes[1:])
    spec = (f'name = "deep"\nconvention = "row"\ninputs = 3\n{layers}\n[loss]\nname = "squared_error"\n\n'
            '[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')
    got = _verify(tmp_path, spec, NIELSEN_DOTS)
    assert got["right"].verdict == "correct" and got["wrong"].verdict == "incorrect", got["right"].message


MITCHELL_RU = r"""Выход нейрона $y_j = f(\sum_i w_{ij} x_i)$, ошибка $E = \frac{1}{2}\sum_j (d_j - y_j)^2$.

$$\delta_j = (d_j - y_j)\, y_j (1 - y_j) \tag{1}$$
$$\Delta w_{ij} = \eta\, \delta_j\, x_i \tag{2}$$
$$\Delta w_{ij} = -\eta\, \delta_j\, x_i \tag{wrong}$$
"""


def test_delta_with_the_target_first_beside_an_added_step(tmp_path):
    # the oracle: one sigmoid layer without its bias; −∂E/∂z_j by central differences is (d_j − y_j) y_j (1 − y_j), so
    # the step Δw_ij = −η ∂E/∂w_ij is +η δ_j x_i with that δ
    rng = np.random.default_rng(17)
    W, x, d = rng.normal(size=(2, 3)), rng.normal(size=3), rng.uniform(size=2)
    z = W @ x
    y = sig(z)
    dz = _fd(lambda v: 0.5 * np.sum((d - sig(v)) ** 2), z)
    assert np.allclose((d - y) * y * (1 - y), -dz, atol=1e-6)
    step = -0.5 * _fd(lambda w: 0.5 * np.sum((d - sig(w @ x)) ** 2), W)
    assert np.allclose(step, 0.5 * np.outer((d - y) * y * (1 - y), x), atol=1e-6)
    spec = _spec("single", "row", 3, [(2, "sigmoid")], "squared_error", 0.5)
    got = _verify(tmp_path, spec, MITCHELL_RU)
    assert [got[k].verdict for k in ("1", "2", "wrong")] == ["correct", "correct", "incorrect"], [
        got[k].message for k in ("1", "2", "wrong")]


OWN_BOLD = r"""Let $\mathbf{h} = \tanh(W_1 \mathbf{x} + \mathbf{b}_1)$, $\hat{\mathbf{y}} = \mathrm{softmax}(W_2 \mathbf{h} + \mathbf{b}_2)$
and define the error vector $\mathbf{e} := \hat{\mathbf{y}} - \mathbf{y}$ and
$\mathbf{g} := (W_2^\top \mathbf{e}) \odot (1 - \mathbf{h}^2)$.

$$\frac{\partial \ell}{\partial W_2} = \mathbf{e}\,\mathbf{h}^\top \tag{a}$$
$$\frac{\partial \ell}{\partial W_1} = \mathbf{g}\,\mathbf{x}^\top \tag{b}$$
$$\frac{\partial \ell}{\partial W_1} = \mathbf{x}\,\mathbf{g}^\top \tag{d}$$
"""


def test_bold_letters_the_answer_defines(tmp_path):
    # the oracle: a tanh-softmax network's cross-entropy gradients by central differences
    rng = np.random.default_rng(18)
    W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(3, 4)), rng.normal(size=3)
    x, y = rng.normal(size=3), np.eye(3)[2]
    soft = lambda z: np.exp(z) / np.exp(z).sum()  # noqa: E731
    loss = lambda W1, W2: -np.sum(y * np.log(soft(W2 @ np.tanh(W1 @ x + b1) + b2)))  # noqa: E731
    h = np.tanh(W1 @ x + b1)
    e = soft(W2 @ h + b2) - y
    g = (W2.T @ e) * (1 - h**2)
    assert np.allclose(np.outer(e, h), _fd(lambda w: loss(W1, w), W2), atol=1e-6)
    assert np.allclose(np.outer(g, x), _fd(lambda w: loss(w, W2), W1), atol=1e-6)
    spec = _spec("sm0", "row", 3, [(4, "tanh"), (3, "softmax")], "cross_entropy", 0.1)
    got = _verify(tmp_path, spec, OWN_BOLD)
    assert [got[k].verdict for k in ("a", "b", "d")] == ["correct", "correct", "incorrect"], [
        got[k].message for k in ("a", "b", "d")]


LABEL_CASES = r"""With a one-hot target, $y_c = 1$ for the correct class c and 0 for the others.

**Case 1:** $j = c$ (the correct class)
$$
\frac{\partial \mathcal{L}}{\partial z^L_c} = a^L_c - 1
$$

**Case 2:** $j \neq c$ (incorrect class)
$$
\frac{\partial \mathcal{L}}{\partial z^L_j} = a^L_j
$$

$$
\frac{\partial \mathcal{L}}{\partial z^L_j} = a^L_j - y_j \tag{both}
$$
"""


def test_claims_about_the_true_class_are_judged_at_the_label_not_for_every_class(tmp_path):
    # the oracle: softmax cross-entropy's ∂L/∂z by central differences is a − y: a_c − 1 at the label only, a_j elsewhere
    rng = np.random.default_rng(19)
    z, c = rng.normal(size=3), 1
    soft = lambda v: np.exp(v) / np.exp(v).sum()  # noqa: E731
    g = _fd(lambda v: -np.log(soft(v)[c]), z)
    a, y = soft(z), np.eye(3)[c]
    assert np.isclose(g[c], a[c] - 1) and np.allclose(np.delete(g, c), np.delete(a, c)) and np.allclose(g, a - y)
    assert not np.allclose(g, a - 1) and not np.allclose(g, a)  # (neither case holds for every class)
    spec = _spec("lmtot", "column", 4, [(5, "relu"), (3, "softmax")], "cross_entropy", 0.1)
    got = _verify(tmp_path, spec, LABEL_CASES)
    # (twenty-first round: each is judged where it is stated — at the label, at the other classes — not for every c)
    holds_at_case = bool(np.isclose(g[c], a[c] - 1)) and bool(np.allclose(np.delete(g, c), np.delete(a, c)))
    assert got["line 5"].verdict == got["line 10"].verdict == ("correct" if holds_at_case else "incorrect")
    assert "true class" in got["line 5"].message
    assert got["both"].verdict == "correct"
