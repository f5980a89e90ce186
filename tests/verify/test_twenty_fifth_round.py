r"""The twenty-fifth round (issue 10): notations read from the answer itself — Learning From Data's (Abu-Mostafa et al.:
the signal s_j^{(l)} = \sum_{i=0} w_{ij}^{(l)} x_i^{(l-1)}, the output x_j^{(l)} = θ(s_j^{(l)}), the example's error
e(\mathbf{w})) and the classic Chinese textbook's (layers I, J, K named by their units' letters: W_{kj}^{KJ}, O_j^J,
net_k^K, f^{^{\prime}}, the rates η_k, η_j); and a chain whose middle side did not read for an index is no verdict on
the whole claim. Every expected verdict is decided here by NumPy central differences on the network written out in
the answer's own arrays, never by gradproof."""

from __future__ import annotations

import numpy as np
from conftest import central_differences
from test_nineteenth_round_coordinator import _spec
from test_twenty_first_round import _verify


def _close(a, b) -> bool:
    return bool(np.allclose(a, b, rtol=1e-5, atol=1e-7))


# ---- Learning From Data's notation ---------------------------------------------------------------------------------

LFD_SPEC = _spec("lfd", "column", 3, [(4, "tanh"), (1, "tanh")], "squared_error", 0.1)

LFD = r"""# Backpropagation in LFD's notation

Let $x_j^{(\ell)} = \tanh\left(s_j^{(\ell)}\right)$ be the output of node $j$ in layer $\ell$, where
$s_j^{(\ell)} = \sum_{i=0}^{d^{(\ell-1)}} w_{ij}^{(\ell)} x_i^{(\ell-1)}$ is its signal ($x_0^{(\ell)} = 1$ carries the
bias). The error on one example is $e(\mathbf{w})$, and $\delta_j^{(\ell)} = \frac{\partial e(\mathbf{w})}{\partial s_j^{(\ell)}}$.

$$\frac{\partial e(\mathbf{w})}{\partial w_{ij}^{(\ell)}} = \delta_j^{(\ell)} x_i^{(\ell-1)} \tag{dw}$$

$$\frac{\partial e(\mathbf{w})}{\partial w_{ij}^{(\ell)}} = -\delta_j^{(\ell)} x_i^{(\ell-1)} \tag{dw_slip}$$

$$\delta_i^{(\ell-1)} = \left(1 - \left(x_i^{(\ell-1)}\right)^2\right) \sum_j w_{ij}^{(\ell)} \delta_j^{(\ell)} \tag{delta}$$

$$\delta_i^{(\ell-1)} = \sum_j w_{ij}^{(\ell)} \delta_j^{(\ell)} \tag{delta_slip}$$
"""


def _lfd_truth():
    """The 3-4-1 tanh network in LFD's arrays: w^{(l)} of shape (d^{(l-1)} + 1) × d^{(l)} (row 0 the bias, on x_0 = 1),
    e = ½ (x^{(2)} − y)². Returns the forward values, ∂e/∂w^{(l)} and δ^{(l)} = ∂e/∂s^{(l)}, by central differences."""
    rng = np.random.default_rng(11)
    w = {1: rng.normal(size=(4, 4)) * 0.7, 2: rng.normal(size=(5, 1)) * 0.7}
    x0, y = rng.normal(size=3), 0.3

    def forward(w1, w2):
        x = {0: np.concatenate([[1.0], x0])}
        s = {1: w1.T @ x[0]}
        x[1] = np.concatenate([[1.0], np.tanh(s[1])])
        s[2] = w2.T @ x[1]
        x[2] = np.tanh(s[2])
        return x, s

    def error_of_s(layer, value):
        if layer == 2:
            return 0.5 * (np.tanh(value[0]) - y) ** 2
        x1 = np.concatenate([[1.0], np.tanh(value)])
        return 0.5 * (np.tanh((w[2].T @ x1)[0]) - y) ** 2

    x, s = forward(w[1], w[2])
    dw = central_differences(lambda p: 0.5 * (forward(p["w1"], p["w2"])[0][2][0] - y) ** 2,
                             {"w1": w[1].copy(), "w2": w[2].copy()})
    delta = {k: central_differences(lambda p, k=k: error_of_s(k, p["s"]), {"s": s[k].copy()})["s"] for k in (1, 2)}
    return w, x, {1: dw["w1"], 2: dw["w2"]}, delta


def test_learning_from_datas_letters_are_read_and_judged_as_central_differences_decide(tmp_path):
    w, x, dw, delta = _lfd_truth()
    layers = (1, 2)
    oracle = {  # each claim for every layer and every index its letters run over (i from 0: the bias unit)
        "dw": all(_close(np.outer(x[k - 1], delta[k]), dw[k]) for k in layers),
        "dw_slip": all(_close(-np.outer(x[k - 1], delta[k]), dw[k]) for k in layers),
        # δ_i^{(1)} for the hidden units i = 1…4 (x_0 = 1 is no unit of its own: it has no δ)
        "delta": _close((1 - x[1][1:] ** 2) * (w[2][1:] @ delta[2]), delta[1]),
        "delta_slip": _close(w[2][1:] @ delta[2], delta[1]),
    }
    assert oracle == {"dw": True, "dw_slip": False, "delta": True, "delta_slip": False}  # (the oracle can tell them)
    got = _verify(tmp_path, LFD_SPEC, LFD)
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)


def test_e_stays_the_error_signal_where_the_answer_defines_it_so(tmp_path):
    """Haykin's e_j = d_j − y_j is an error signal, not the objective: ∂e_j/∂y_j = −1 is no derivative of the loss, so
    the reading of e(w) as the objective does not apply (the claim is judged on e's own definition, or left
    unchecked — never as ∂E/∂y_j)."""
    body = (r"Let $e_j(\mathbf{w}) = d_j - y_j$ be the error signal of output neuron $j$. Then "
            "\n\n$$\\frac{\\partial e_j}{\\partial y_j} = -1 \\tag{de}$$\n")
    got = _verify(tmp_path, LFD_SPEC, body)
    assert got["de"].verdict != "incorrect", got["de"].message


# ---- the Chinese textbook's layers named by their units' letters --------------------------------------------------

CN_SPEC = _spec("cn_bp", "column", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.5)

CN = r"""#### 基本BP算法
网络输出为：$o_k^K=f(net_k^K)$；累加器输出为：$net_k^K=\sum\limits_{j=1}^{J}W_{kj}^{KJ} O_j^J+b_k^K$，隐含层
$O_j^J=f(n e t_j^J)$，$net_j^J=\sum\limits_{i=1}^{I}W_{ji}^{JI} O_i^I+b_j^J$。
定义损失函数：$E=\frac{1}{2} \sum\limits_{k=1}^K\left(d_k-O_k^K\right)^2$。误差信号：
$\delta_k=-\frac{\partial E}{\partial n e t_k^K}$，$\delta_j=-\frac{\partial E}{\partial n e t_j^J}$。

$$-\frac{\partial E}{\partial W_{k j}^{K J}}=\left(d_k-O_k^K\right) f^{^{\prime}}\left(n e t_k^K\right) O_j^J \tag{out}$$

$$-\frac{\partial E}{\partial W_{k j}^{K J}}=\left(d_k-O_k^K\right) f^{^{\prime}}\left(n e t_k^K\right) O_k^K \tag{out_slip}$$

$$\delta_{j}=f^{^{\prime}}(net_{j}^{J})\left(\sum_{k=1}^{K}\delta_{k}W_{kj}^{KJ}\right) \tag{hidden}$$

$$\delta_{j}=\sum_{k=1}^{K}\delta_{k}W_{kj}^{KJ} \tag{hidden_slip}$$

$$W_{ji}^{JI}(n+1)=W_{ji}^{JI}(n)+\eta_{j}\cdot\delta_j\cdot O_{i}^{I} \tag{update}$$

$$W_{ji}^{JI}(n+1)=W_{ji}^{JI}(n)-\eta_{j}\cdot\delta_j\cdot O_{i}^{I} \tag{update_slip}$$

$$\delta_{j}=-\frac{\partial E}{\partial net_{j}^{J}}=-\sum_{k=1}^{K}\frac{\partial E}{\partial net_{k}^{K}}
\frac{\partial net_{k}^{K}}{\partial O_{i}^{J}}\frac{\partial O_{j}^{J}}{\partial net_{j}^{J}}
=f^{^{\prime}}(net_{j}^{J})\sum_{k=1}^{K}\delta_{k}W_{kj}^{KJ} \tag{chain_slip}$$
"""


def _cn_truth():
    """The 3-4-2 sigmoid network in the textbook's letters: W^{JI} (4×3), W^{KJ} (2×4), E = ½ Σ_k (d_k − O_k)². Returns
    the forward values, ∂E/∂W^{KJ}, ∂E/∂W^{JI} and ∂E/∂net^J, ∂E/∂net^K, by central differences."""
    rng = np.random.default_rng(23)
    WJI, bJ, WKJ, bK = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(2, 4)), rng.normal(size=2)
    OI, d = rng.normal(size=3), rng.uniform(size=2)
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731

    def loss_of_netK(netK):
        return 0.5 * np.sum((d - sig(netK)) ** 2)

    def loss_of_netJ(netJ):
        return loss_of_netK(WKJ @ sig(netJ) + bK)

    netJ = WJI @ OI + bJ
    OJ = sig(netJ)
    netK = WKJ @ OJ + bK
    OK = sig(netK)
    grads = central_differences(lambda p: loss_of_netK(p["WKJ"] @ sig(p["WJI"] @ OI + bJ) + bK),
                                {"WJI": WJI.copy(), "WKJ": WKJ.copy()})
    dnetJ = central_differences(lambda p: loss_of_netJ(p["n"]), {"n": netJ.copy()})["n"]
    dnetK = central_differences(lambda p: loss_of_netK(p["n"]), {"n": netK.copy()})["n"]
    return dict(OI=OI, OJ=OJ, OK=OK, netJ=netJ, netK=netK, d=d, WJI=WJI, WKJ=WKJ, dWJI=grads["WJI"],
                dWKJ=grads["WKJ"], dnetJ=dnetJ, dnetK=dnetK)


def test_the_chinese_textbooks_layer_letters_are_read_and_judged_as_central_differences_decide(tmp_path):
    t = _cn_truth()
    rate = 0.5
    slope = lambda o: o * (1 - o)  # noqa: E731  (f' of the sigmoid, at its output)
    delta_k, delta_j = -t["dnetK"], -t["dnetJ"]  # the textbook's δ = −∂E/∂net
    oracle = {
        "out": _close(np.outer((t["d"] - t["OK"]) * slope(t["OK"]), t["OJ"]), -t["dWKJ"]),
        "out_slip": _close(((t["d"] - t["OK"]) * slope(t["OK"]) * t["OK"])[:, None] * np.ones((2, 4)), -t["dWKJ"]),
        "hidden": _close(slope(t["OJ"]) * (t["WKJ"].T @ delta_k), delta_j),
        "hidden_slip": _close(t["WKJ"].T @ delta_k, delta_j),
        "update": _close(t["WJI"] + rate * np.outer(delta_j, t["OI"]), t["WJI"] - rate * t["dWJI"]),
        "update_slip": _close(t["WJI"] - rate * np.outer(delta_j, t["OI"]), t["WJI"] - rate * t["dWJI"]),
    }
    assert sorted(k for k, v in oracle.items() if v) == ["hidden", "out", "update"]
    got = _verify(tmp_path, CN_SPEC, CN)
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)
    # ∂net_k/∂O_i^J (for ∂O_j^J): the middle side does not read for its index — its slip — and the sides that read
    # agree; the whole chain is no verdict (it was "correct" with the side left out)
    assert got["chain_slip"].verdict == "unchecked", got["chain_slip"].message
    assert "may hold a slip of its own" in got["chain_slip"].message


def test_a_superscript_that_repeats_the_units_letters_is_the_only_one_dropped():
    from gradproof.verify.normalize import normalize

    assert normalize(r"W_{k j}^{K J}(n+1)") == r"W_{k j}(n+1)"
    assert normalize(r"W^{KJ}_{kj}") == r"W_{kj}"
    assert normalize(r"O_{i}^{J}") == r"O_{i}^{J}"  # (another layer's capital: left to be read, or not)
    assert normalize(r"a^L_j") == r"a^L_j"  # Nielsen's layer L on unit j
    assert normalize(r"f^{^{\prime}}(x)") == r"f'(x)"


# ---- a' for the activation's slope, ∇J_θ for ∇_θ J -----------------------------------------------------------------

SLOPE_SPEC = _spec("slope", "row", 3, [(4, "tanh"), (2, "sigmoid")], "squared_error", 0.1)

SLOPE = r"""With $z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)}$, $a^{(l)} = g(z^{(l)})$ and $\delta^{(l)} = \frac{\partial J}{\partial z^{(l)}}$:

$$\delta^{(l)} = \left((W^{(l+1)})^T \delta^{(l+1)}\right) \odot a^{'(l)} \tag{slope}$$

$$\delta^{(l)} = \left((W^{(l+1)})^T \delta^{(l+1)}\right) \odot a^{(l)} \tag{slope_slip}$$

$$\nabla{J_{W^{(l)}}} = \delta^{(l)} (a^{(l-1)})^T \tag{grad}$$

$$\nabla{J_{W^{(l)}}} = \delta^{(l)} (a^{(l)})^T \tag{grad_slip}$$
"""


def test_a_primed_activation_letter_is_its_slope_and_a_subscripted_objective_its_gradient(tmp_path):
    """mathemaia's δ^{(l)} = (δ^{(l+1)} · θ^{(l+1)}) ⊙ a^{'(l)} and ∇J_{θ^{(l)}}: a learner's spellings of σ'(z^{(l)}) and
    ∇_{θ^{(l)}} J. The truth: the 3-4-2 tanh/sigmoid network, J = ½‖a^{(2)} − y‖², by central differences."""
    rng = np.random.default_rng(31)
    W = {1: rng.normal(size=(4, 3)), 2: rng.normal(size=(2, 4))}
    b = {1: rng.normal(size=4), 2: rng.normal(size=2)}
    x, y = rng.normal(size=3), rng.uniform(size=2)
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    z1 = W[1] @ x + b[1]
    a1 = np.tanh(z1)
    z2 = W[2] @ a1 + b[2]
    loss_of_z2 = lambda z: 0.5 * np.sum((sig(z) - y) ** 2)  # noqa: E731
    d2 = central_differences(lambda p: loss_of_z2(p["z"]), {"z": z2.copy()})["z"]
    d1 = central_differences(lambda p: loss_of_z2(W[2] @ np.tanh(p["z"]) + b[2]), {"z": z1.copy()})["z"]
    dW = central_differences(lambda p: loss_of_z2(p["W2"] @ np.tanh(p["W1"] @ x + b[1]) + b[2]),
                             {"W1": W[1].copy(), "W2": W[2].copy()})
    a = {0: x, 1: a1}
    oracle = {  # (the slope claim is about the hidden layer l = 1, the only one with a layer after it)
        "slope": _close((W[2].T @ d2) * (1 - a1 ** 2), d1),
        "slope_slip": _close((W[2].T @ d2) * a1, d1),
        "grad": all(_close(np.outer(d, a[k - 1]), dW[f"W{k}"]) for k, d in ((1, d1), (2, d2))),
        "grad_slip": _close(np.outer(d1, a[1]), dW["W1"]) if np.outer(d1, a[1]).shape == dW["W1"].shape else False,
    }
    assert sorted(k for k, v in oracle.items() if v) == ["grad", "slope"]
    got = _verify(tmp_path, SLOPE_SPEC, SLOPE)
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)
