"""Notations of the tenth round's user checks (issue 10, verify11d), in my own small documents written as those authors
write: CMU 11-785's layers numbered from 0 with the course's own letters (Z_0 = X W_0^T + ι_N b_0^T, A_1 = σ(Z_0): W_0
the first layer's weights, inferred with no [notation]) and ``\\cdot`` between two vectors where a number is meant (a
loss ``-y \\cdot \\log \\hat y``, CMU's ``Y_i \\cdot \\log A_i``: a dot product), with planted mistakes.

Every expected verdict is the formula's truth, decided here in NumPy — forward passes typed by hand and central
differences of the loss — never by verify."""

from __future__ import annotations

import numpy as np
from gradproof.verify.cli import verify_file


def _net(name, hidden_units, hidden, outputs, inputs=3):
    return f"""name = "{name}"
convention = "column"
inputs = {inputs}

[[layers]]
units = {hidden_units}
activation = "{hidden}"

[[layers]]
units = {outputs}
activation = "softmax"

[loss]
name = "cross_entropy"

[optimizer]
name = "sgd"
learning_rate = 0.1
"""


def _run(tmp_path, doc, spec):
    (tmp_path / "net.toml").write_text(spec, encoding="utf-8")
    (tmp_path / "hw.md").write_text(doc, encoding="utf-8")
    results, meta, _ = verify_file(str(tmp_path / "hw.md"), str(tmp_path / "net.toml"))
    return {r.id: r.verdict for r in results}, results, meta


def _softmax_rows(Z):
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


def _central(f, arg):
    g = np.zeros_like(arg)
    for idx in np.ndindex(arg.shape):
        up, dn = arg.copy(), arg.copy()
        up[idx] += 1e-6
        dn[idx] -= 1e-6
        g[idx] = (f(up) - f(dn)) / 2e-6
    return g


# -- CMU 11-785: a batch of N rows, layers numbered from 0 --------------------------------------------------------

CMU = r"""# Part 1: an MLP, forward and backward

The network takes a batch of $N$ inputs, one per row of $X$. Layer $i$ (counting from $0$) computes

$$Z_0 = X W_0^T + \iota_N b_0^T$$

$$A_1 = \sigma(Z_0)$$

$$Z_1 = A_1 W_1^T + \iota_N b_1^T$$

$$A_2 = \text{softmax}(Z_1)$$

and the loss is the mean cross-entropy

$$L = -\frac{1}{N} \sum_{i=1}^{N} Y_i \cdot \log A_{2,i} \tag{loss}$$

## Backward

$$\frac{\partial L}{\partial Z_1} = \frac{1}{N} (A_2 - Y) \tag{a}$$

$$\frac{\partial L}{\partial W_1} = \left(\frac{\partial L}{\partial Z_1}\right)^T A_1 \tag{b}$$

$$\frac{\partial L}{\partial b_1} = \left(\frac{\partial L}{\partial Z_1}\right)^T \iota_N \tag{c}$$

$$\frac{\partial L}{\partial A_1} = \frac{\partial L}{\partial Z_1} W_1 \tag{d}$$

$$\frac{\partial L}{\partial Z_0} = \frac{\partial L}{\partial A_1} \odot A_1 \odot (1 - A_1) \tag{e}$$

$$\frac{\partial L}{\partial W_0} = \left(\frac{\partial L}{\partial Z_0}\right)^T X \tag{f}$$

$$\frac{\partial L}{\partial b_0} = \left(\frac{\partial L}{\partial A_1}\right)^T \iota_N \tag{g}$$

$$\frac{\partial L}{\partial Z_0} = \frac{\partial L}{\partial A_1} \odot A_1 \tag{h}$$

$$\frac{\partial L}{\partial W_1} = A_1^T \frac{\partial L}{\partial Z_1} \tag{i}$$
"""

CMU_PLANTED_LOSS = CMU.replace(r"L = -\frac{1}{N} \sum_{i=1}^{N}", r"L = -\sum_{i=1}^{N}")


def _cmu_truth():
    """{tag: holds} for CMU's claims: W_k is n_out × n_in, b_k a column, ι_N the ones column, L the mean CE."""
    rng = np.random.default_rng(1)
    n = 5
    X, W0, b0 = rng.normal(size=(n, 3)), rng.normal(size=(4, 3)), rng.normal(size=(4, 1))
    W1, b1 = rng.normal(size=(2, 4)), rng.normal(size=(2, 1))
    Y = np.eye(2)[rng.integers(0, 2, n)]
    iota = np.ones((n, 1))

    def loss(W0=W0, b0=b0, W1=W1, b1=b1, mean=True):
        A1 = 1 / (1 + np.exp(-(X @ W0.T + iota @ b0.T)))
        A2 = _softmax_rows(A1 @ W1.T + iota @ b1.T)
        return -sum(Y[i] @ np.log(A2[i]) for i in range(n)) / (n if mean else 1)

    A1 = 1 / (1 + np.exp(-(X @ W0.T + iota @ b0.T)))
    Z1 = A1 @ W1.T + iota @ b1.T
    A2 = _softmax_rows(Z1)
    dZ1 = (A2 - Y) / n
    dA1 = dZ1 @ W1
    dZ0 = dA1 * A1 * (1 - A1)
    true_dZ1 = _central(lambda z: -np.sum(Y * np.log(_softmax_rows(z))) / n, Z1)
    true_dW1, true_db1 = _central(lambda w: loss(W1=w), W1), _central(lambda b: loss(b1=b), b1)
    true_dW0, true_db0 = _central(lambda w: loss(W0=w), W0), _central(lambda b: loss(b0=b), b0)
    mean_ce = -np.sum(Y * np.log(A2)) / n
    close = lambda a, b: a.shape == b.shape and np.allclose(a, b, atol=1e-6)  # noqa: E731
    return {
        "loss": np.isclose(loss(), mean_ce), "loss-planted": np.isclose(loss(mean=False), mean_ce),
        "a": close(dZ1, true_dZ1), "b": close(dZ1.T @ A1, true_dW1), "c": close(dZ1.T @ iota, true_db1),
        "f": close(dZ0.T @ X, true_dW0), "g": close(dA1.T @ iota, true_db0), "i": close(A1.T @ dZ1, true_dW1),
        # e and h: the chain rule through σ, dL/dZ_0 from dL/dW_0 = (dL/dZ_0)^T X at one sample's rows
        "e": close(dZ0.T @ X, true_dW0), "h": close((dA1 * A1).T @ X, true_dW0),
    }


def test_the_cmu_formulas_are_what_the_test_says():
    assert _cmu_truth() == {"loss": True, "loss-planted": False, "a": True, "b": True, "c": True, "f": True, "g": False,
                            "e": True, "h": False, "i": False}


def test_cmu_layers_numbered_from_zero_are_inferred(tmp_path):
    got, results, meta = _run(tmp_path, CMU, _net("cmu_sig", 4, "sigmoid", 2))
    truth = _cmu_truth()
    assert {k: got[k] for k in truth if k != "loss-planted"} == {
        k: "correct" if v else "incorrect" for k, v in truth.items() if k != "loss-planted"}
    assert any("numbered from 0" in n for n in meta["notation"])
    # the forward definitions themselves (W_0 the first layer's weights, not a bias; ι_N b_0^T the bias in every row)
    assert [r.verdict for r in results if r.id.startswith("Part1.")] == ["correct"] * 4
    assert "dot product" in next(r.message for r in results if r.id == "loss")


def test_cmu_with_its_dots_and_a_numbered_activation(tmp_path):
    """The write-up's own spelling: Z_0 = X · W_0^T + ι_N · b_0^T, A_1 = f_0(Z_0) (f_0 itself is not read: that line
    stays unchecked, nothing else moves)."""
    doc = CMU.replace(r"$$Z_0 = X W_0^T + \iota_N b_0^T$$", r"$$Z_0 = X \cdot W_0^T + \iota_N \cdot b_0^T$$").replace(
        r"$$A_1 = \sigma(Z_0)$$", r"$$A_1 = f_0(Z_0)$$")
    assert doc != CMU
    got, _, meta = _run(tmp_path, doc, _net("cmu_sig", 4, "sigmoid", 2))
    truth = _cmu_truth()
    assert {k: got[k] for k in truth if k != "loss-planted"} == {
        k: "correct" if v else "incorrect" for k, v in truth.items() if k != "loss-planted"}
    assert got["Part1.1"] == "correct" and got["Part1.2"] != "incorrect"


def test_cmu_planted_loss_without_its_mean(tmp_path):
    got, _, _ = _run(tmp_path, CMU_PLANTED_LOSS, _net("cmu_sig", 4, "sigmoid", 2))
    assert got["loss"] == "incorrect"


def test_no_numbering_from_zero_without_the_answers_own_evidence(tmp_path):
    """The maps numbered from 1 (z_1 = W_1 x + b_1), or one definition numbered from 0 with nothing to confirm it, or
    two that disagree: the default numbering stands (W_0 stays what it was: the bias)."""
    spec = _net("from_one", 4, "sigmoid", 2)
    for doc in (r"$$z_1 = W_1 x + b_1$$ and $$h_1 = \sigma(z_1)$$",
                r"$$Z_0 = X W_0^T + \iota_N b_0^T$$",
                r"$$Z_0 = X W_0^T + \iota_N b_0^T$$ and $$Z_1 = A_1 W_2^T + \iota_N b_1^T$$"):
        _, _, meta = _run(tmp_path, doc + "\n\n$$\\frac{\\partial L}{\\partial W_1} = 0 \\tag{1}$$\n", spec)
        assert not any("numbered from 0" in n for n in meta["notation"]), doc


# -- \cdot between two vectors where a number is meant: one example, column vectors --------------------------------

DOT = r"""One example $x$ with its one-hot label $y$:
$z^{(1)} = W^{(1)} x + b^{(1)}$, $h^{(1)} = \tanh(z^{(1)})$, $z^{(2)} = W^{(2)} h^{(1)} + b^{(2)}$,
$\hat{y} = \text{softmax}(z^{(2)})$.

$$L = -y \cdot \log \hat{y} \tag{1}$$

$$\delta^{(2)} = \hat{y} - y \tag{4}$$

$$\delta^{(1)} = \left(W^{(2)T} \delta^{(2)}\right) \cdot \left(1 - \tanh^2(z^{(1)})\right) \tag{5}$$

$$\delta^{(1)} = \left(W^{(2)T} \delta^{(2)}\right) \cdot \tanh(z^{(1)}) \tag{6}$$

$$\frac{\partial L}{\partial W^{(1)}} = \delta^{(1)} \cdot x^T \tag{7}$$
"""


def _dot_truth():
    rng = np.random.default_rng(2)
    x, W1, b1 = rng.normal(size=(3, 1)), rng.normal(size=(4, 3)), rng.normal(size=(4, 1))
    W2, b2 = rng.normal(size=(3, 4)), rng.normal(size=(3, 1))
    y = np.eye(3)[:, [1]]

    def forward(W1=W1):
        z1 = W1 @ x + b1
        h1 = np.tanh(z1)
        z2 = W2 @ h1 + b2
        yhat = np.exp(z2) / np.exp(z2).sum()
        return z1, h1, z2, yhat, float(-(y * np.log(yhat)).sum())

    z1, h1, z2, yhat, L = forward()
    d2 = _central(lambda z: float(-(y * np.log(np.exp(z) / np.exp(z).sum())).sum()), z2)
    d1 = _central(lambda z: float(-(y * np.log(np.exp(W2 @ np.tanh(z) + b2) / np.exp(W2 @ np.tanh(z) + b2).sum())).sum()), z1)
    dW1 = _central(lambda w: forward(w)[-1], W1)
    close = np.allclose
    return {"1": np.isclose(float(-(y.T @ np.log(yhat)).item()), L), "2": np.isclose(float(-(y.T @ yhat).item()), L),
            "4": close(yhat - y, d2, atol=1e-6), "5": close((W2.T @ (yhat - y)) * (1 - np.tanh(z1) ** 2), d1, atol=1e-6),
            "6": close((W2.T @ (yhat - y)) * np.tanh(z1), d1, atol=1e-6), "7": close(d1 @ x.T, dW1, atol=1e-6)}


def test_the_dot_formulas_are_what_the_test_says():
    assert _dot_truth() == {"1": True, "2": False, "4": True, "5": True, "6": False, "7": True}


def test_cdot_of_two_vectors_where_a_number_is_meant(tmp_path):
    got, results, _ = _run(tmp_path, DOT, _net("dot_tanh", 4, "tanh", 3))
    truth = _dot_truth()
    assert {k: got[k] for k in ("1", "4", "5", "6", "7")} == {
        k: "correct" if truth[k] else "incorrect" for k in ("1", "4", "5", "6", "7")}
    messages = {r.id: r.message for r in results}
    assert "dot product" in messages["1"]
    assert "dot product" not in messages["5"]  # δ is a vector: the \cdot there is the elementwise product


def test_cdot_planted_loss(tmp_path):
    got, _, _ = _run(tmp_path, DOT.replace(r"-y \cdot \log \hat{y}", r"-y \cdot \hat{y}"), _net("dot_tanh", 4, "tanh", 3))
    assert got["1"] == "incorrect"


# -- B as the number of examples (a PyTorch user's manual backward), and B as a bias (Aflak's Y = XW + B) -----------

TORCH = r"""# Manual backward for a two-layer MLP in PyTorch

A mini-batch of $B$ examples, one per row of $X$: $H = \text{ReLU}(X W_1 + b_1)$, $P = \text{softmax}(H W_2 + b_2)$,
and the loss $\mathcal{L} = -\frac{1}{B} \sum_{i=1}^{B} \sum_{k} Y_{ik} \log P_{ik}$.

$$\frac{\partial \mathcal{L}}{\partial Z_2} = \frac{1}{B} (P - Y) \tag{1}$$

$$\frac{\partial \mathcal{L}}{\partial W_2} = H^T \frac{\partial \mathcal{L}}{\partial Z_2} \tag{2}$$

$$\frac{\partial \mathcal{L}}{\partial Z_2} = P - Y \tag{3}$$

$$\frac{\partial \mathcal{L}}{\partial b_2} = \frac{1}{B} \sum_{i=1}^{B} (P_i - Y_i) \tag{4}$$

$$\frac{\partial \mathcal{L}}{\partial b_2} = \sum_{i=1}^{B} (P_i - Y_i) \tag{5}$$

$$\frac{\partial \mathcal{L}}{\partial W_1} = X^T \left(\frac{\partial \mathcal{L}}{\partial Z_2} W_2^T \odot \mathbb{1}[H > 0]\right)
\tag{6}$$

$$\frac{\partial \mathcal{L}}{\partial W_1} = X^T \left(\frac{\partial \mathcal{L}}{\partial Z_2} W_2^T\right) \tag{7}$$
"""


def _torch_truth():
    """{tag: holds} with samples as rows, W_k n_in × n_out, b_k a row, L the mean CE over B = 5 examples."""
    rng = np.random.default_rng(3)
    B = 5
    X, W1, b1 = rng.normal(size=(B, 3)), rng.normal(size=(3, 4)), rng.normal(size=(1, 4))
    W2, b2 = rng.normal(size=(4, 2)), rng.normal(size=(1, 2))
    Y = np.eye(2)[rng.integers(0, 2, B)]

    def loss(W1=W1, W2=W2, b2=b2):
        P = _softmax_rows(np.maximum(X @ W1 + b1, 0) @ W2 + b2)
        return -np.sum(Y * np.log(P)) / B

    H = np.maximum(X @ W1 + b1, 0)
    Z2 = H @ W2 + b2
    P = _softmax_rows(Z2)
    dZ2 = _central(lambda z: -np.sum(Y * np.log(_softmax_rows(z))) / B, Z2)
    dW2, db2 = _central(lambda w: loss(W2=w), W2), _central(lambda b: loss(b2=b), b2)
    dW1 = _central(lambda w: loss(W1=w), W1)
    close = lambda a, b: a.shape == b.shape and np.allclose(a, b, atol=1e-6)  # noqa: E731
    return {"1": close((P - Y) / B, dZ2), "2": close(H.T @ dZ2, dW2), "3": close(P - Y, dZ2),
            "4": close((P - Y).sum(0, keepdims=True) / B, db2), "5": close((P - Y).sum(0, keepdims=True), db2),
            "6": close(X.T @ ((P - Y) / B @ W2.T * (H > 0)), dW1), "7": close(X.T @ ((P - Y) / B @ W2.T), dW1)}


def test_the_torch_formulas_are_what_the_test_says():
    assert _torch_truth() == {"1": True, "2": True, "3": False, "4": True, "5": False, "6": True, "7": False}


def test_b_as_the_number_of_examples(tmp_path):
    got, _, meta = _run(tmp_path, TORCH, _net("pt_relu", 4, "relu", 2))
    truth = _torch_truth()
    assert {k: got[k] for k in truth} == {k: "correct" if v else "incorrect" for k, v in truth.items()}
    assert any("B is the number of examples" in n for n in meta["notation"])


def test_b_added_as_a_bias_stays_a_bias(tmp_path):
    """Aflak's Y = XW + B: B is added, so it is the bias (never the number of examples), even beside a 1/B elsewhere."""
    doc = r"""Forward: $Y = XW + B$, where $X$ is the input row and $B$ the bias; the error $E = \frac{1}{B} \sum_{i=1}^{B} e_i$.

$$\frac{\partial E}{\partial B} = \frac{\partial E}{\partial Y} \tag{1}$$
"""
    got, _, meta = _run(tmp_path, doc, _net("aflak", 4, "relu", 2))
    assert not any("B is the number of examples" in n for n in meta["notation"])
    assert got["1"] != "incorrect"


# -- a stated shape of W settles its orientation (no forward pass written) ----------------------------------------

SHAPES = r"""Each layer's weights: $W^{(l)} \in \mathbb{R}^{n_l \times n_{l-1}}$, one sample $x$ as a column.

$$\delta^{(2)} = \hat{y} - y \tag{1}$$

$$\frac{\partial L}{\partial W^{(2)}} = \delta^{(2)} h^{(1)T} \tag{2}$$

$$\delta^{(1)} = W^{(2)T} \delta^{(2)} \odot \sigma'(z^{(1)}) \tag{3}$$

$$\frac{\partial L}{\partial W^{(1)}} = x \delta^{(1)T} \tag{4}$$
"""


def _shapes_truth(out_by_in: bool):
    """{tag: holds} for one sample as a column, sigmoid hidden layer, softmax + CE, W n_out × n_in (z = W x + b) or
    n_in × n_out (z = W^T x + b)."""
    rng = np.random.default_rng(4)
    x, y = rng.normal(size=(3, 1)), np.eye(2)[:, [0]]
    W1 = rng.normal(size=(4, 3) if out_by_in else (3, 4))
    W2 = rng.normal(size=(2, 4) if out_by_in else (4, 2))
    b1, b2 = rng.normal(size=(4, 1)), rng.normal(size=(2, 1))
    m = (lambda W, v: W @ v) if out_by_in else (lambda W, v: W.T @ v)

    def loss(W1=W1, W2=W2):
        h = 1 / (1 + np.exp(-(m(W1, x) + b1)))
        z = m(W2, h) + b2
        return float(-(y * (z - np.log(np.exp(z).sum()))).sum())

    z1 = m(W1, x) + b1
    h1 = 1 / (1 + np.exp(-z1))
    z2 = m(W2, h1) + b2
    d2 = np.exp(z2) / np.exp(z2).sum() - y
    d1_true = _central(lambda z: float(-(y * (m(W2, 1 / (1 + np.exp(-z))) + b2 - np.log(
        np.exp(m(W2, 1 / (1 + np.exp(-z))) + b2).sum()))).sum()), z1)
    close = lambda a, b: a.shape == b.shape and np.allclose(a, b, atol=1e-6)  # noqa: E731
    return {"2": close(d2 @ h1.T, _central(lambda w: loss(W2=w), W2)),
            "3": W2.shape[0] == d2.shape[0] and close((W2.T @ d2) * h1 * (1 - h1), d1_true),
            "4": close(x @ d1_true.T, _central(lambda w: loss(W1=w), W1))}


def test_the_shape_formulas_are_what_the_test_says():
    assert _shapes_truth(True) == {"2": True, "3": True, "4": False}
    assert _shapes_truth(False) == {"2": False, "3": False, "4": True}


def test_a_stated_shape_of_w_settles_its_orientation(tmp_path):
    spec = _net("shapes", 4, "sigmoid", 2)
    for text, out_by_in in ((SHAPES, True), (SHAPES.replace(r"n_l \times n_{l-1}", r"n_{l-1} \times n_l"), False),
                            (SHAPES.replace(r"W^{(l)} \in \mathbb{R}^{n_l \times n_{l-1}}",
                                            r"W^{(1)} \in \mathbb{R}^{4 \times 3}"), True)):
        got, _, meta = _run(tmp_path, text, spec)
        truth = _shapes_truth(out_by_in)
        assert {k: got[k] for k in truth} == {k: "correct" if v else "incorrect" for k, v in truth.items()}, text[:60]
        assert any("stated shape" in n for n in meta["notation"]) == out_by_in  # (the spec's W is n_in × n_out)


def test_a_shape_that_names_no_layer_decides_nothing(tmp_path):
    """W ∈ ℝ^{m × n}: which of m, n is the input's size is not said — the claims stay as they were (unchecked)."""
    got, _, meta = _run(tmp_path, SHAPES.replace(r"n_l \times n_{l-1}", r"m \times n"), _net("shapes", 4, "sigmoid", 2))
    assert not any("stated shape" in n for n in meta["notation"])
    assert "incorrect" not in {got[k] for k in ("2", "3", "4")}


# -- Zhou Zhihua's 《机器学习》 §5.3: thresholds subtracted, b_h the hidden output, v_{ih}, w_{hj}, g_j, e_h ----------

ZHOU = r"""# 5.3 误差逆传播算法

输出层第 $j$ 个神经元的阈值用 $\theta_j$ 表示，隐层第 $h$ 个神经元的阈值用 $\gamma_h$ 表示；输入层第 $i$ 个神经元与隐层第
$h$ 个神经元之间的连接权为 $v_{ih}$，隐层第 $h$ 个神经元与输出层第 $j$ 个神经元之间的连接权为 $w_{hj}$。

$$\alpha_h = \sum_{i=1}^{d} v_{ih} x_i \tag{a}$$

$$\beta_j = \sum_{h=1}^{q} w_{hj} b_h \tag{b}$$

$$b_h = f(\alpha_h - \gamma_h) \tag{c}$$

$$\hat{y}_j^k = f(\beta_j - \theta_j) \tag{5.3}$$

$$E_k = \frac{1}{2} \sum_{j=1}^{l} (\hat{y}_j^k - y_j^k)^2 \tag{5.4}$$

$$\Delta w_{hj} = -\eta \frac{\partial E_k}{\partial w_{hj}} \tag{5.6}$$

$$\frac{\partial \beta_j}{\partial w_{hj}} = b_h \tag{5.8}$$

$$g_j = -\frac{\partial E_k}{\partial \hat{y}_j^k} \cdot \frac{\partial \hat{y}_j^k}{\partial \beta_j}
= -(\hat{y}_j^k - y_j^k) f'(\beta_j - \theta_j) = \hat{y}_j^k (1 - \hat{y}_j^k)(y_j^k - \hat{y}_j^k) \tag{5.10}$$

$$\Delta w_{hj} = \eta g_j b_h \tag{5.11}$$

$$\Delta \theta_j = -\eta g_j \tag{5.12}$$

$$\Delta v_{ih} = \eta e_h x_i \tag{5.13}$$

$$\Delta \gamma_h = -\eta e_h \tag{5.14}$$

$$e_h = -\frac{\partial E_k}{\partial b_h} \cdot \frac{\partial b_h}{\partial \alpha_h}
= b_h (1 - b_h) \sum_{j=1}^{l} w_{hj} g_j \tag{5.15}$$
"""

#: planted mistakes, each replacing one line: a threshold added, g's sign, Δθ's sign, x_i in Δv, b_h's own factor
ZHOU_PLANTED = {
    "5.3": (r"f(\beta_j - \theta_j) \tag{5.3}", r"f(\beta_j + \theta_j) \tag{5.3}"),
    "5.10": (r"= \hat{y}_j^k (1 - \hat{y}_j^k)(y_j^k - \hat{y}_j^k)", r"= \hat{y}_j^k (1 - \hat{y}_j^k)(\hat{y}_j^k - y_j^k)"),
    "5.12": (r"\Delta \theta_j = -\eta g_j", r"\Delta \theta_j = \eta g_j"),
    "5.13": (r"\Delta v_{ih} = \eta e_h x_i", r"\Delta v_{ih} = \eta e_h b_h"),
    "5.15": (r"= b_h (1 - b_h) \sum_{j=1}^{l}", r"= (1 - b_h) \sum_{j=1}^{l}"),
}


def _zhou_truth():
    """{claim: holds} in Zhou's own terms, by NumPy: v (d × q), γ, w (q × l), θ, one example; Δ = −η ∂E_k/∂(…)."""
    rng = np.random.default_rng(5)
    x, y = rng.normal(size=3), np.array([1.0, 0.0])
    v, gamma, w, theta = rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=(4, 2)), rng.normal(size=2)
    eta, sig = 0.1, lambda t: 1 / (1 + np.exp(-t))

    def error(v=v, gamma=gamma, w=w, theta=theta):
        yhat = sig(sig(x @ v - gamma) @ w - theta)
        return 0.5 * np.sum((yhat - y) ** 2)

    b = sig(x @ v - gamma)
    yhat = sig(b @ w - theta)
    g = yhat * (1 - yhat) * (y - yhat)
    e = b * (1 - b) * (w @ g)
    step = {k: -eta * _central(lambda a, k=k: error(**{k: a}), val) for k, val in
            (("v", v), ("gamma", gamma), ("w", w), ("theta", theta))}
    dE_dbeta = _central(lambda t: 0.5 * np.sum((sig(t - theta) - y) ** 2), b @ w)
    dE_dalpha = _central(lambda t: 0.5 * np.sum((sig(sig(t - gamma) @ w - theta) - y) ** 2), x @ v)
    close = np.allclose
    return {"5.10": close(g, -dE_dbeta, atol=1e-6), "5.15": close(e, -dE_dalpha, atol=1e-6),
            "5.11": close(eta * np.outer(b, g), step["w"], atol=1e-6), "5.12": close(-eta * g, step["theta"], atol=1e-6),
            "5.13": close(eta * np.outer(x, e), step["v"], atol=1e-6), "5.14": close(-eta * e, step["gamma"], atol=1e-6),
            # the planted lines, by the same oracle
            "5.3+": close(sig(b @ w + theta), yhat), "5.10+": close(-g, -dE_dbeta, atol=1e-6),
            "5.12+": close(eta * g, step["theta"], atol=1e-6), "5.13+": close(eta * np.outer(b, e), step["v"], atol=1e-6)
            if b.shape == x.shape else False, "5.15+": close((1 - b) * (w @ g), -dE_dalpha, atol=1e-6)}


def _zhou_spec():
    return _net("zhou", 4, "sigmoid", 2).replace('activation = "softmax"', 'activation = "sigmoid"').replace(
        'name = "cross_entropy"', 'name = "squared_error"')


def test_the_zhou_formulas_are_what_the_test_says():
    truth = _zhou_truth()
    assert all(truth[k] for k in ("5.10", "5.15", "5.11", "5.12", "5.13", "5.14"))
    assert not any(truth[k + "+"] for k in ZHOU_PLANTED)


def test_zhou_thresholds_subtracted(tmp_path):
    got, results, meta = _run(tmp_path, ZHOU, _zhou_spec())
    assert got == {k: "correct" for k in ("a", "b", "c", "5.3", "5.4", "5.6", "5.8", "5.10", "5.11", "5.12", "5.13",
                                           "5.14", "5.15")}
    assert any("thresholds subtracted" in n for n in meta["notation"])
    shown = {r.id: r for r in results}
    assert shown["5.14"].latex == r"\Delta \gamma_h = -\eta e_h"  # shown as written
    assert "h = 1…4" in shown["5.14"].message


def test_zhou_planted(tmp_path):
    for tag, (right, wrong) in ZHOU_PLANTED.items():
        assert right in ZHOU
        got, _, _ = _run(tmp_path, ZHOU.replace(right, wrong), _zhou_spec())
        assert got[tag] == "incorrect", tag
        assert all(v == "correct" for k, v in got.items() if k != tag), (tag, got)  # (each claim judged on its own)


def test_no_zhou_reading_without_a_threshold_subtracted(tmp_path):
    """w_{hj} and b_h alone (no f(β_j − θ_j)): b stays the bias, nothing is rewritten."""
    doc = r"""$$\beta_j = \sum_{h=1}^{q} w_{hj} b_h \tag{b}$$

$$\frac{\partial E}{\partial b^{(1)}} = \delta^{(1)} \tag{1}$$
"""
    _, _, meta = _run(tmp_path, doc, _zhou_spec())
    assert not any("thresholds subtracted" in n for n in meta["notation"])
