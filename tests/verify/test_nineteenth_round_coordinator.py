"""The nineteenth round's coordinator (premises.py, document.py, parser.expression_derivative), read as a TA reads a
learner's solutions to Nielsen's chapter 2:

- a condition on indices stated inline (``$l < L$``, ``$l+1 = L$``, ``$k = j$``) is a relation: it counts among a
  question's claims and is reported as a condition, not judged (``L`` there is the layer count, not the loss);
- Nielsen's BP3 proven backwards, ``b^l_j = z^l_j − Σ_k w^l_{jk} a^{l-1}_k`` so ``∂b^l_j/∂z^l_j = 1``: the derivative
  of a bias by its layer's summed input is the inverse of ∂z/∂b, the identity (not 0, the graph's reading);
- "With the activation function $\\sigma(z) = z$" sets the section's network: its claims are judged with the identity
  in place of the spec's sigmoid.

Every expected verdict is computed here by NumPy central differences of a network written by hand."""

from __future__ import annotations

import numpy as np
from test_fifteenth_round_coordinator import by_id


def _spec(name: str, convention: str, inputs: int, layers: list[tuple[int, str]], loss: str, rate: float) -> str:
    """A spec TOML of a dense network: its layers as (units, activation), SGD at the given learning rate."""
    body = "".join(f'\n[[layers]]\nunits = {u}\nactivation = "{a}"\n' for u, a in layers)
    return (f'name = "{name}"\nconvention = "{convention}"\ninputs = {inputs}\n{body}\n[loss]\nname = "{loss}"\n\n'
            f'[optimizer]\nname = "sgd"\nlearning_rate = {rate}\n')


SPEC = _spec("nielsen", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 3.0)


def verify(tmp_path, body: str, name: str = "answer.md"):
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(SPEC)
    (tmp_path / name).write_text(body)
    results, _meta, _ = verify_file(str(tmp_path / name), str(tmp_path / "spec.toml"))
    return by_id(results)


def _network(activation):
    """A 3-4-2 network of Nielsen's (z = w a + b, C = ½‖a^L − y‖²) with the given activation, at a random point: its
    parameters, the forward pass and the cost as a function of layer l's summed input."""
    rng = np.random.default_rng(7)
    w = [rng.normal(size=(4, 3)), rng.normal(size=(2, 4))]
    b = [rng.normal(size=4), rng.normal(size=2)]
    x, y = rng.normal(size=3), rng.uniform(size=2)

    def cost_from(l, z):  # the cost with layer l's summed input set to z (l = 0, 1)
        a = activation(z)
        for k in range(l + 1, 2):
            z = w[k] @ a + b[k]
            a = activation(z)
        return 0.5 * np.sum((a - y) ** 2)

    zs, a = [], x
    for k in range(2):
        zs.append(w[k] @ a + b[k])
        a = activation(zs[-1])
    return w, b, x, y, zs, cost_from


def _deltas(activation):
    """δ^l = ∂C/∂z^l for both layers by central differences."""
    w, b, x, y, zs, cost_from = _network(activation)
    h = 1e-6
    deltas = []
    for l in range(2):
        d = np.zeros_like(zs[l])
        for j in range(len(d)):
            e = np.zeros_like(d)
            e[j] = h
            d[j] = (cost_from(l, zs[l] + e) - cost_from(l, zs[l] - e)) / (2 * h)
        deltas.append(d)
    return w, zs, deltas


def test_conditions_on_indices_count_as_claims_and_are_not_judged(tmp_path):
    # the linear network's BP2 (the oracle: δ¹ = (w²)ᵀ δ² holds there, by central differences)
    w, _zs, deltas = _deltas(lambda z: z)
    assert np.allclose(deltas[0], w[1].T @ deltas[1], atol=1e-6)
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    w, zs, deltas = _deltas(sig)
    assert np.allclose(deltas[0], (w[1].T @ deltas[1]) * sig(zs[0]) * (1 - sig(zs[0])), atol=1e-6)
    body = ("### Exercise 2\n\nIf the neuron is inside the network ($l < L$), and until reaching $l+1 = L$, where "
            "$k = j$:\n\n$$\\delta^l_j = \\sum_k w^{l+1}_{kj} \\delta^{l+1}_k \\sigma'(z^l_j)$$\n\n"
            "$$\\delta^l_j = \\sum_k w^{l+1}_{jk} \\delta^{l+1}_k \\sigma'(z^l_j)$$\n")
    got = verify(tmp_path, body)
    for cid in ("Exercise2.1", "Exercise2.2", "Exercise2.3"):  # l < L, l+1 = L, k = j: counted, not judged
        assert got[cid].verdict == "unchecked" and "condition on indices" in got[cid].message, cid
    assert got["Exercise2.4"].verdict == "correct"  # BP2 in components, the fourth relation of the question
    assert got["Exercise2.5"].verdict == "incorrect"  # the weight's indices swapped


def test_a_bias_by_its_layers_summed_input_is_the_inverse_of_dz_db(tmp_path):
    # the oracle: b = z − w a with w and a held, perturbed in z_j: ∂b_k/∂z_j = δ_kj
    w, b, x, _y, zs, _ = _network(lambda z: 1 / (1 + np.exp(-z)))
    h, jac = 1e-6, np.zeros((4, 4))
    for j in range(4):
        e = np.zeros(4)
        e[j] = h
        jac[:, j] = ((zs[0] + e - w[0] @ x) - (zs[0] - e - w[0] @ x)) / (2 * h)
    assert np.allclose(jac, np.eye(4)) and np.allclose(zs[0] - w[0] @ x, b[0])
    body = ("$$\\frac{\\partial b_j^l}{\\partial z_j^l} = 1$$\n\n$$\\frac{\\partial b_j^l}{\\partial z_j^l} = 0$$\n\n"
            "$$\\delta_j^l = \\sum_k \\frac{\\partial C}{\\partial b_k^l} \\frac{\\partial b_k^l}{\\partial z_j^l}$$\n\n"
            "$$\\delta_j^l = 2 \\frac{\\partial C}{\\partial b_j^l} \\frac{\\partial b_j^l}{\\partial z_j^l}$$\n\n"
            "$$\\frac{\\partial b_j^l}{\\partial z_j^{l+1}} = 0$$\n")
    got = verify(tmp_path, body)
    assert got["line 1"].verdict == "correct"
    assert got["line 3"].verdict == "incorrect"
    assert got["line 5"].verdict == "correct"  # BP3 by the chain rule through the inverse
    assert got["line 7"].verdict == "incorrect"  # a factor 2 too many
    assert got["line 9"].verdict == "unchecked"  # another layer's: no derivative of the network


def test_a_premise_sets_the_sections_activation(tmp_path):
    w, zs, deltas = _deltas(lambda z: z)  # the linear network: δ^L = a^L − y = ∇_a C, δ^l = (w^{l+1})ᵀ δ^{l+1}
    _, b, x, y, _, _ = _network(lambda z: z)
    assert np.allclose(deltas[1], zs[1] - y, atol=1e-6)
    assert np.allclose(deltas[0], w[1].T @ deltas[1], atol=1e-6)
    assert not np.allclose(deltas[0], 0)  # (a non-trivial point)
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    _, _, sig_deltas = _deltas(sig)
    assert not np.allclose(sig_deltas[0], w[1].T @ sig_deltas[1], atol=1e-3)  # wrong in the spec's sigmoid network
    h, z0 = 1e-6, np.random.default_rng(3).normal(size=5)
    assert np.allclose(((z0 + h) - (z0 - h)) / (2 * h), 1)  # σ'(z) = 1 for σ(z) = z
    assert not np.allclose((sig(z0 + h) - sig(z0 - h)) / (2 * h), 1)  # but not for the sigmoid
    section = ("With the activation function $\\sigma(z) = z$, we have $\\sigma'(z) = 1$ and $a_j^l = z_j^l$, which "
               "simplifies it:\n\n"
               "$$\\delta^{L} = \\nabla_a C$$\n\n$$\\delta^{l} = (w^{l+1})^T \\delta^{l+1}$$\n\n"
               "$$\\delta^{l} = w^{l+1} \\delta^{l+1}$$\n")
    got = verify(tmp_path, "# Exercise 1\n\n$$\\delta^{l} = (w^{l+1})^T \\delta^{l+1}$$\n\n# Exercise 3\n\n" + section)
    assert got["Exercise1.1"].verdict == "incorrect"  # the spec's sigmoid network: the factor σ'(z) is missing
    assert got["Exercise3.1"].verdict == "unchecked" and "premise" in got["Exercise3.1"].message
    assert got["Exercise3.2"].verdict == "correct"  # σ'(z) = 1: a constant holds for every entry of an identity
    assert got["Exercise3.3"].verdict == "correct"  # a = z in the linear network
    assert got["Exercise3.4"].verdict == "correct"
    assert got["Exercise3.5"].verdict == "correct"
    assert got["Exercise3.6"].verdict == "incorrect"  # the transpose dropped
    # without a premise's word, σ(z) = z is a claim about the spec's network (wrong), and sets nothing
    got = verify(tmp_path, "# Exercise 3\n\nThe activation is $\\sigma(z) = z$.\n\n$$\\delta^{l} = (w^{l+1})^T "
                           "\\delta^{l+1}$$\n\n$$\\sigma'(z) = 1$$\n")
    assert [got[f"Exercise3.{k}"].verdict for k in (1, 2, 3)] == ["incorrect"] * 3


CS231N = _spec("cs231n", "column", 4, [(6, "relu"), (3, "softmax")], "cross_entropy", 0.001)


def _verify_spec(tmp_path, spec: str, body: str, name: str = "answer.md"):
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(spec)
    (tmp_path / name).write_text(body)
    results, _meta, _ = verify_file(str(tmp_path / name), str(tmp_path / "spec.toml"))
    return by_id(results)


def test_y_defined_as_each_layers_affine_map_is_the_summed_input(tmp_path):
    # the oracle: CS231n's batch in rows, L the mean softmax loss; dL/dW2 = h1ᵀ dL/dy2 by central differences
    rng = np.random.default_rng(11)
    x, w1, b1, w2, b2 = rng.normal(size=(5, 4)), rng.normal(size=(4, 6)), rng.normal(size=6), rng.normal(size=(6, 3)), \
        rng.normal(size=3)
    labels = rng.integers(0, 3, size=5)

    def loss(w2_, y2=None):
        h1 = np.maximum(0, x @ w1 + b1)
        y2 = h1 @ w2_ + b2 if y2 is None else y2
        p = np.exp(y2 - y2.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        return -np.mean(np.log(p[np.arange(5), labels]))

    h1 = np.maximum(0, x @ w1 + b1)
    y2 = h1 @ w2 + b2
    eps, dw2, dy2 = 1e-6, np.zeros_like(w2), np.zeros_like(y2)
    for idx in np.ndindex(*w2.shape):
        e = np.zeros_like(w2)
        e[idx] = eps
        dw2[idx] = (loss(w2 + e) - loss(w2 - e)) / (2 * eps)
    for idx in np.ndindex(*y2.shape):
        e = np.zeros_like(y2)
        e[idx] = eps
        dy2[idx] = (loss(w2, y2 + e) - loss(w2, y2 - e)) / (2 * eps)
    assert np.allclose(dw2, h1.T @ dy2, atol=1e-6)
    body = ("$$\ny_1 = XW_1 + b_1 \\\\\nh_1 = max(0,y_1) \\\\\ny_2 = h_1W_2 + b_2\n$$\n\n"
            "$$\\frac{\\partial \\mathcal{L}}{\\partial W_2} = h^{\\intercal}_1\\frac{\\partial \\mathcal{L}}{\\partial y_2}$$\n\n"
            "$$\\frac{\\partial \\mathcal{L}}{\\partial W_2} = \\frac{\\partial \\mathcal{L}}{\\partial y_2} h_1^{T}$$\n")
    got = _verify_spec(tmp_path, CS231N, body)
    assert [got[f"line {k}.{k - 1}"].verdict for k in (2, 3, 4)] == ["correct"] * 3  # the forward pass, y as z
    assert got["line 7"].verdict == "correct"
    assert got["line 9"].verdict == "incorrect"  # the factors swapped


NG = _spec("ng", "row", 3, [(4, "tanh"), (1, "sigmoid")], "binary_cross_entropy", 1.2)


def _ng_gradients():
    """Ng's column batch (X is 3 × m), J the mean binary cross-entropy: dW[i], dB[i] by central differences, and the
    formulas the answer writes computed by hand."""
    rng = np.random.default_rng(2)
    m = 6
    x, y = rng.normal(size=(3, m)), rng.integers(0, 2, size=(1, m)).astype(float)
    w = [rng.normal(size=(4, 3)), rng.normal(size=(1, 4))]
    b = [rng.normal(size=(4, 1)), rng.normal(size=(1, 1))]

    def forward(w_, b_):
        a1 = np.tanh(w_[0] @ x + b_[0])
        a2 = 1 / (1 + np.exp(-(w_[1] @ a1 + b_[1])))
        return a1, a2

    def cost(w_, b_):
        a2 = forward(w_, b_)[1]
        return -np.mean(y * np.log(a2) + (1 - y) * np.log(1 - a2))

    def numeric(which, k):
        arr = (w if which == "w" else b)[k]
        out, eps = np.zeros_like(arr), 1e-6
        for idx in np.ndindex(*arr.shape):
            for sign in (1, -1):
                moved = [a.copy() for a in (w if which == "w" else b)]
                moved[k][idx] += sign * eps
                out[idx] += sign * (cost(moved, b) if which == "w" else cost(w, moved)) / (2 * eps)
        return out

    a1, a2 = forward(w, b)
    dz2 = a2 - y
    dz1 = (w[1].T @ dz2) * (1 - a1 ** 2)
    by_hand = {"dW2": dz2 @ a1.T / m, "dW1": dz1 @ x.T / m, "dB2": dz2.sum(1, keepdims=True) / m,
               "dB1": dz1.sum(1, keepdims=True) / m}
    true = {"dW1": numeric("w", 0), "dW2": numeric("w", 1), "dB1": numeric("b", 0), "dB2": numeric("b", 1)}
    return by_hand, true


def test_a_plain_text_summary_with_bold_labels_numpy_calls_and_bracketed_layers(tmp_path):
    by_hand, true = _ng_gradients()
    for k in by_hand:
        assert np.allclose(by_hand[k], true[k], atol=1e-6), k
    assert not np.allclose(by_hand["dB1"] * 6, true["dB1"], atol=1e-6)  # the 1/m matters
    body = ("## Neural Network with one Hidden Layer\n\n__W[i]__: n(i) * n(i-1)\n\n__B[i]__: n(i) * 1\n\n"
            "__Z[i]__: n(i) * m, m example. Z[i] = dot(W[i], A[i-1]) + B[i]\n\n"
            "- __dZ[2]__ = A[2] - Y\n\n- __dZ[1]__ = dot(W[2].T, dZ[2]) * g[1]'(Z[1])\n\n"
            "__dW[i]__: n(i) * n(i-1). dW[i] = dot(dZ[i], A[i-1].T) / m\n\n"
            "__dB[i]__: n(i) * 1. dB[i] = sum(dZ[i]) / m\n\n"
            "__dB[i]__: n(i) * 1. dB[i] = sum(dZ[i]) <!-- the 1/m dropped -->\n")
    got = _verify_spec(tmp_path, NG, body)
    assert got["line 7"].verdict == "correct"  # the forward definition, i the layer in square brackets
    assert [got[f"line {k}"].verdict for k in (9, 11, 13, 15)] == ["correct"] * 4
    assert got["line 17"].verdict == "incorrect"


def test_a_section_about_logistic_regression_is_judged_in_that_model(tmp_path):
    # the oracle: logistic regression's J = mean BCE of σ(w·x + b): ∂J/∂z per example (times m) is a − y
    rng = np.random.default_rng(4)
    z, y = rng.normal(size=6), rng.integers(0, 2, size=6).astype(float)

    def j(z_):
        a_ = 1 / (1 + np.exp(-z_))
        return -np.sum(y * np.log(a_) + (1 - y) * np.log(1 - a_))

    eps, a = 1e-6, 1 / (1 + np.exp(-z))
    dz = np.array([(j(z + eps * e) - j(z - eps * e)) / (2 * eps) for e in np.eye(6)])
    assert np.allclose(dz, a - y, atol=1e-6) and not np.allclose(dz, y - a, atol=1e-6)
    body = ("## Logistic Regression\n\nA = sigmoid(Z)\n\ndZ = A - Y\n\ndZ = Y - A\n\n"
            "## Neural Network with one Hidden Layer\n\ndZ[2] = A[2] - Y\n")
    got = _verify_spec(tmp_path, NG, body)
    assert got["line 3"].verdict == "correct"
    assert got["line 5"].verdict == "correct"
    assert got["line 7"].verdict == "incorrect"
    assert got["line 11"].verdict == "correct"  # the spec's network again


SOFTMAX = _spec("softmax", "column", 4, [(3, "softmax")], "cross_entropy", 0.01)


def test_cs231n_scores_f_and_the_indicator_of_the_label(tmp_path):
    # the oracle: L = −log softmax(f)_y; ∂L/∂f_k = p_k − 1(k = y) by central differences
    f, label = np.random.default_rng(8).normal(size=3), 1

    def loss(f_):
        return -np.log(np.exp(f_[label]) / np.exp(f_).sum())

    p = np.exp(f) / np.exp(f).sum()
    numeric = np.array([(loss(f + 1e-6 * e) - loss(f - 1e-6 * e)) / 2e-6 for e in np.eye(3)])
    assert np.allclose(numeric, p - np.eye(3)[label], atol=1e-6)
    assert not np.allclose(numeric, np.eye(3)[label] - p, atol=1e-6)
    body = ("$$L_i = -log\\left(\\frac{e^{f_{y_i}}}{\\sum\\limits_{j}{e^{f_j}}}\\right)$$\n\n"
            "$$p_k = \\frac{e^{f_{k}}}{\\sum\\limits_{j}{e^{f_j}}}$$\n\n"
            "$$\\frac{\\partial L_i}{\\partial f_k} = (p_k \\ - \\ 1(k \\ = \\ y_i))$$\n\n"
            "$$\\frac{\\partial L_i}{\\partial f_k} = 1(k = y_i) - p_k$$\n")
    got = _verify_spec(tmp_path, SOFTMAX, body)
    assert got["line 1"].verdict == "correct"  # the loss of one example, f its scores
    assert got["line 5"].verdict == "correct"
    assert got["line 7"].verdict == "incorrect"  # the sign flipped


def test_cs231n_probabilities_p_of_the_label(tmp_path):
    f, label = np.random.default_rng(9).normal(size=3), 2
    p = np.exp(f) / np.exp(f).sum()
    loss = -np.log(p[label])  # the oracle: the softmax loss of one example, written out
    assert np.isclose(loss, -(f[label] - np.log(np.exp(f).sum()))) and not np.isclose(loss, np.log(p[label]))
    body = ("$$\\mathcal{L}_i = -\\log\\left(p_{y_i}\\right)$$\n\n$$\\mathcal{L}_i = \\log\\left(p_{y_i}\\right)$$\n\n"
            "$$p_{y_i} = \\frac{e^{f_{y_i}}}{\\sum_{j=1}^K e^{f_j}}$$\n")
    got = _verify_spec(tmp_path, SOFTMAX, body)
    assert got["line 1"].verdict == "correct"
    assert got["line 3"].verdict == "incorrect"  # the minus sign dropped
    assert got["line 5"].verdict == "correct"


def test_a_sum_over_the_examples_of_a_batch_written_with_x_is_not_read_as_a_sum_of_entries(tmp_path):
    # the oracle: CS231n's batch (X is N × D): ∂L/∂b_2 is the sum of ∂L/∂s's ROWS (central differences), a vector;
    # the sum of one row's entries is one number (0 for softmax − one-hot), which no vector is
    rng = np.random.default_rng(12)
    x, w1, b1, w2, b2 = rng.normal(size=(5, 4)), rng.normal(size=(4, 6)), rng.normal(size=6), rng.normal(size=(6, 3)), \
        rng.normal(size=3)
    labels = rng.integers(0, 3, size=5)

    def loss(b2_):
        s = np.maximum(0, x @ w1 + b1) @ w2 + b2_
        p = np.exp(s - s.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        return -np.mean(np.log(p[np.arange(5), labels]))

    s = np.maximum(0, x @ w1 + b1) @ w2 + b2
    p = np.exp(s) / np.exp(s).sum(1, keepdims=True)
    ds = (p - np.eye(3)[labels]) / 5
    db2 = np.array([(loss(b2 + 1e-6 * e) - loss(b2 - 1e-6 * e)) / 2e-6 for e in np.eye(3)])
    assert np.allclose(db2, ds.sum(0), atol=1e-6) and np.isclose(ds[0].sum(), 0)
    body = ("# Q1\n\nForward pass: $h = \\max(0, XW_1 + b_1)$, $s = hW_2 + b_2$.\n\n"
            "$$\\frac{\\partial L}{\\partial W_2} = h^T \\frac{\\partial L}{\\partial s}$$\n\n"
            "$$\\frac{\\partial L}{\\partial b_2} = \\sum_i \\left(\\frac{\\partial L}{\\partial s}\\right)_{i}$$\n")
    got = _verify_spec(tmp_path, CS231N, body)
    assert got["Q1.3"].verdict == "correct"
    assert got["Q1.4"].verdict == "unchecked" and "examples" in got["Q1.4"].message  # not a false reject


GOODFELLOW = _spec("gf", "row", 3, [(4, "relu"), (2, "identity")], "squared_error", 0.1)


def test_goodfellows_backward_loop_without_its_forward_definitions(tmp_path):
    # the oracle: a = b + W h (Goodfellow's summed input), h = relu(a); ∇_{b^(1)} J = ∇_{h^(1)} J ⊙ f'(a^(1)) and
    # ∇_{W^(1)} J = g h^(0)ᵀ by central differences; g h^(0)ᵀ's transpose has the wrong shape
    rng = np.random.default_rng(13)
    x, y = rng.normal(size=3), rng.normal(size=2)
    w1, b1, w2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(2, 4)), rng.normal(size=2)

    def cost(w1_, b1_):
        return 0.5 * np.sum((w2 @ np.maximum(0, w1_ @ x + b1_) + b2 - y) ** 2)

    a1 = w1 @ x + b1
    g = (w2.T @ (w2 @ np.maximum(0, a1) + b2 - y)) * (a1 > 0)
    db1 = np.array([(cost(w1, b1 + 1e-6 * e) - cost(w1, b1 - 1e-6 * e)) / 2e-6 for e in np.eye(4)])
    dw1 = np.array([[(cost(w1 + 1e-6 * np.outer(ei, ej), b1) - cost(w1 - 1e-6 * np.outer(ei, ej), b1)) / 2e-6
                     for ej in np.eye(3)] for ei in np.eye(4)])
    assert np.allclose(db1, g, atol=1e-6) and np.allclose(dw1, np.outer(g, x), atol=1e-6)
    body = ("For $k = l, l-1, \\ldots, 1$:\n\n$$g \\leftarrow \\nabla_{a^{(k)}} J = g \\odot f'(a^{(k)})$$\n\n"
            "$$\\nabla_{b^{(k)}} J = g$$\n\n$$\\nabla_{W^{(k)}} J = g \\, h^{(k-1)\\top}$$\n\n"
            "$$\\nabla_{W^{(k)}} J = h^{(k-1)} g^\\top$$\n\n$$g \\leftarrow \\nabla_{h^{(k-1)}} J = W^{(k)\\top} g$$\n")
    got = _verify_spec(tmp_path, GOODFELLOW, body)
    assert "line 1" not in got  # the loop's range after "For": no claim (forty-eighth round; it was "a condition")
    assert [got[f"line {k}"].verdict for k in (3, 5, 7, 11)] == ["correct"] * 4  # a is the summed input: f'(a)
    assert got["line 9"].verdict == "incorrect"  # the outer product transposed


def test_bishops_unit_letters_without_forward_definitions_still_read(tmp_path):
    # the oracle: Bishop's 3-4-2 net (a_j = Σ_i w_ji x_i + b_j, z_j = tanh a_j, y_k = Σ_j w_kj z_j + b_k, E = ½‖y − t‖²):
    # ∂E/∂w_ji = δ_j x_i with δ_j = (1 − z_j²) Σ_k w_kj δ_k, δ_k = y_k − t_k, by central differences
    spec = GOODFELLOW.replace('"relu"', '"tanh"')
    rng = np.random.default_rng(14)
    x, t = rng.normal(size=3), rng.normal(size=2)
    w1, b1, w2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(2, 4)), rng.normal(size=2)

    def err(w1_):
        return 0.5 * np.sum((w2 @ np.tanh(w1_ @ x + b1) + b2 - t) ** 2)

    z = np.tanh(w1 @ x + b1)
    dk = w2 @ z + b2 - t
    dj = (1 - z ** 2) * (w2.T @ dk)
    num = np.array([[(err(w1 + 1e-6 * np.outer(a, b)) - err(w1 - 1e-6 * np.outer(a, b))) / 2e-6 for b in np.eye(3)]
                    for a in np.eye(4)])
    assert np.allclose(num, np.outer(dj, x), atol=1e-6)
    body = ("$$\\delta_k = y_k - t_k$$\n\n$$\\delta_j = h'(a_j) \\sum_k w_{kj} \\delta_k$$\n\n"
            "$$\\frac{\\partial E_n}{\\partial w_{ji}} = \\delta_j z_i$$\n\n"
            "$$\\delta_j = (1 - z_j^2) \\sum_{k=1}^K w_{kj} \\delta_k$$\n")
    got = _verify_spec(tmp_path, spec, body)
    assert [got[f"line {k}"].verdict for k in (1, 3, 5, 7)] == ["correct"] * 4  # a summed, z its activation


def test_d2l_backward_pass_with_bare_z_and_h_beside_the_output_o(tmp_path):
    # the oracle: d2l's one-hidden-layer net (z = W1 x, h = relu(z), o = W2 h; biases too in the spec), J = L + s with
    # s = λ/2 (‖W1‖² + ‖W2‖²): ∂J/∂W2 = ∂J/∂o hᵀ + λ W2 and ∂J/∂h = W2ᵀ ∂J/∂o, by central differences
    spec = GOODFELLOW.replace("[optimizer]", '[regularization]\nname = "l2"\nlambda = 0.1\n\n[optimizer]')
    rng = np.random.default_rng(15)
    x, y = rng.normal(size=3), rng.normal(size=2)
    w1, b1, w2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(2, 4)), rng.normal(size=2)

    def objective(w2_):
        o = w2_ @ np.maximum(0, w1 @ x + b1) + b2
        return 0.5 * np.sum((o - y) ** 2) + 0.05 * (np.sum(w1 ** 2) + np.sum(w2_ ** 2))

    h = np.maximum(0, w1 @ x + b1)
    do = w2 @ h + b2 - y
    num = np.array([[(objective(w2 + 1e-6 * np.outer(a, b)) - objective(w2 - 1e-6 * np.outer(a, b))) / 2e-6
                     for b in np.eye(4)] for a in np.eye(2)])
    assert np.allclose(num, np.outer(do, h) + 0.1 * w2, atol=1e-6)
    assert not np.allclose(num, np.outer(do, h), atol=1e-3)  # the penalty's term matters
    body = ("$$\\frac{\\partial J}{\\partial \\mathbf{W}^{(2)}} = \\frac{\\partial J}{\\partial \\mathbf{o}} \\mathbf{h}^\\top "
            "+ \\lambda \\mathbf{W}^{(2)}$$\n\n$$\\frac{\\partial J}{\\partial \\mathbf{h}} = {\\mathbf{W}^{(2)}}^\\top "
            "\\frac{\\partial J}{\\partial \\mathbf{o}}$$\n\n$$\\frac{\\partial J}{\\partial \\mathbf{W}^{(2)}} = "
            "\\frac{\\partial J}{\\partial \\mathbf{o}} \\mathbf{h}^\\top$$\n")
    got = _verify_spec(tmp_path, spec, body)
    assert got["line 1"].verdict == "correct" and got["line 3"].verdict == "correct"
    assert got["line 5"].verdict == "incorrect"  # the penalty's gradient left out


def test_logistic_regressions_weight_vector_as_a_column(tmp_path):
    # the oracle: one sigmoid unit, BCE; ∂L/∂w = (a − y) x by central differences (w a column, z = wᵀx + b)
    spec = _spec("lr", "row", 3, [(1, "sigmoid")], "binary_cross_entropy", 0.1)
    rng = np.random.default_rng(16)
    x, w, b, y = rng.normal(size=3), rng.normal(size=3), rng.normal(), 1.0

    def loss(w_):
        a_ = 1 / (1 + np.exp(-(w_ @ x + b)))
        return -(y * np.log(a_) + (1 - y) * np.log(1 - a_))

    a = 1 / (1 + np.exp(-(w @ x + b)))
    num = np.array([(loss(w + 1e-6 * e) - loss(w - 1e-6 * e)) / 2e-6 for e in np.eye(3)])
    assert np.allclose(num, (a - y) * x, atol=1e-6)
    body = ("For one example, $z = w^T x + b$, $a = \\sigma(z)$.\n\n$$\\frac{\\partial L}{\\partial w} = (a - y) x$$\n\n"
            "$$\\frac{\\partial L}{\\partial w} = (y - a) x$$\n")
    got = _verify_spec(tmp_path, spec, body)
    assert got["line 1"].verdict == "correct"  # w a column vector: wᵀx is the one unit's W x
    assert got["line 3"].verdict == "correct" and got["line 5"].verdict == "incorrect"


def test_relus_slope_as_a_step_or_a_bracketed_comparison(tmp_path):
    # the oracle: relu's slope at z by central differences is 1 where z > 0, 0 where z < 0 (z away from 0)
    z = np.array([-1.3, 0.4, 2.0, -0.2])
    relu = lambda v: np.maximum(0, v)  # noqa: E731
    slope = (relu(z + 1e-6) - relu(z - 1e-6)) / 2e-6
    assert np.allclose(slope, z > 0) and not np.allclose(slope, z < 0)
    spec = GOODFELLOW  # relu hidden layer, identity output, squared error
    forms = {"\\text{step}(z^{(1)})": "correct", "[z^{(1)} > 0]": "correct", "(z^{(1)} > 0)": "correct",
             "(z^{(1)} \\geq 0)": "correct", "[z^{(1)} < 0]": "incorrect"}
    body = "".join(f"$$\\delta^{{(1)}} = (W^{{(2)}})^T \\delta^{{(2)}} \\odot {f}$$\n\n" for f in forms)
    got = _verify_spec(tmp_path, spec, body)
    assert [got[f"line {2 * k + 1}"].verdict for k in range(len(forms))] == list(forms.values())


def test_the_derivative_of_an_elementwise_expression_written_out_is_its_diagonal(tmp_path):
    # the oracle: d/dx 1/(1 + e^{-x}) by central differences, entry by entry, is e^{-x}/(1 + e^{-x})² (not e^{x}/…)
    x = np.random.default_rng(17).normal(size=3)
    f = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    slope = (f(x + 1e-6) - f(x - 1e-6)) / 2e-6
    assert np.allclose(slope, np.exp(-x) / (1 + np.exp(-x)) ** 2) and not np.allclose(slope, np.exp(x) / (1 + np.exp(-x)) ** 2)
    assert np.allclose(slope, -(1 + np.exp(-x)) ** -2 * -np.exp(-x)) and not np.allclose(slope, (1 + np.exp(-x)) ** -2 * -np.exp(-x))
    body = ("$$\\frac{\\partial}{\\partial x}\\left(\\frac{1}{1 + e^{-x}}\\right) = \\frac{e^{-x}}{(1 + e^{-x})^{2}}$$\n\n"
            "$$\\frac{\\partial}{\\partial x}\\left(\\frac{1}{1 + e^{-x}}\\right) = \\frac{e^{x}}{(1 + e^{-x})^{2}}$$\n\n"
            # a total derivative written with d, a power -1 of an elementwise expression: RoyKwonn's sigmoid steps
            "$$\\frac{d}{dx}(1 + e^{-x})^{-1} = -(1 + e^{-x})^{-2} \\cdot (-e^{-x})$$\n\n"
            "$$\\frac{d}{dx}(1 + e^{-x})^{-1} = (1 + e^{-x})^{-2} \\cdot (-e^{-x})$$\n")
    got = _verify_spec(tmp_path, GOODFELLOW, body)
    assert got["line 1"].verdict == "correct" and got["line 3"].verdict == "incorrect"
    assert got["line 5"].verdict == "correct" and got["line 7"].verdict == "incorrect"  # the chain rule's minus dropped


def test_premises_past_the_limit_are_unchecked_not_judged_in_the_specs_network(tmp_path):
    # many sections, each under the premise σ(z) = z: a = z holds in every one of them (the identity), never in the
    # spec's sigmoid network (the oracle: σ(z) ≠ z at any z ≠ 0 — e.g. σ(1) = 0.731)
    assert not np.isclose(1 / (1 + np.exp(-1.0)), 1.0)
    body = "".join(f"## Part {k}\n\nWith the activation function $\\sigma(z) = z$, we have $a_j^l = z_j^l$.\n\n"
                   for k in range(12))
    got = _verify_spec(tmp_path, SPEC, body)
    premises = [r for cid, r in got.items() if cid.endswith(".1")]  # (Part k.1: the premise σ(z) = z)
    assert len(premises) == 12 and all(r.verdict == "unchecked" for r in premises)  # past 4: not judged as claims
    assert "incorrect" not in [r.verdict for r in got.values()]


def test_cs231n_loss_written_as_a_function_of_the_scores(tmp_path):
    # the oracle: ∂L_i/∂f_k = p_k − 1(k = y_i) (central differences, as in the test of the scores above); L_i(f_k)
    # names the same loss as a function of the scores, so the claim reads as ∂L_i/∂f_k does
    f, label = np.random.default_rng(18).normal(size=3), 0
    loss = lambda f_: -np.log(np.exp(f_[label]) / np.exp(f_).sum())  # noqa: E731
    p = np.exp(f) / np.exp(f).sum()
    numeric = np.array([(loss(f + 1e-6 * e) - loss(f - 1e-6 * e)) / 2e-6 for e in np.eye(3)])
    assert np.allclose(numeric, p - np.eye(3)[label], atol=1e-6)
    body = ("$$p_k = \\frac{e^{f_{k}}}{\\sum_{j}{e^{f_j}}}$$\n\n"
            "$$\\frac{\\partial L_i(f_k)}{\\partial f_k} = p_k - 1(k = y_i)$$\n\n"
            "$$\\frac{\\partial L_i(f_k)}{\\partial f_k} = p_k + 1(k = y_i)$$\n")
    got = _verify_spec(tmp_path, SOFTMAX, body)
    assert got["line 3"].verdict == "correct" and got["line 5"].verdict == "incorrect"
