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


# ---- units numbered across the network (Han & Kamber's worked example) -------------------------------------------

HK_SPEC = _spec("han_kamber", "row", 3, [(2, "sigmoid"), (1, "sigmoid")], "squared_error", 0.9)

HK = r"""# Backpropagation, Han & Kamber's Figure 9.5

The training tuple is $X = (1, 0, 1)$ with class label $T_6 = 1$; the learning rate is $l = 0.9$. The initial values:
$x_1 = 1$, $x_2 = 0$, $x_3 = 1$, $w_{14} = 0.2$, $w_{15} = -0.3$, $w_{24} = 0.4$, $w_{25} = 0.1$, $w_{34} = -0.5$,
$w_{35} = 0.2$, $w_{46} = -0.3$, $w_{56} = -0.2$, $\theta_4 = -0.4$, $\theta_5 = 0.2$, $\theta_6 = 0.1$.

$$I_j = \sum_i w_{ij} O_i + \theta_j \tag{net}$$

$$O_j = \frac{1}{1 + e^{-I_j}} \tag{out}$$

$$I_4 = 0.2 + 0 - 0.5 - 0.4 = -0.7 \tag{I4}$$

$$O_4 = \frac{1}{1 + e^{0.7}} = 0.332 \tag{O4}$$

$$O_6 = \frac{1}{1 + e^{0.105}} = 0.474 \tag{O6}$$

$$Err_j = O_j (1 - O_j)(T_j - O_j) \tag{err_out}$$

$$Err_j = O_j (1 - O_j) \sum_k Err_k w_{jk} \tag{err_hidden}$$

$$Err_j = \sum_k Err_k w_{jk} \tag{err_hidden_slip}$$

$$Err_6 = (0.474)(1 - 0.474)(1 - 0.474) = 0.1311 \tag{Err6}$$

$$Err_5 = (0.525)(1 - 0.525)(0.1311)(-0.2) = -0.0065 \tag{Err5}$$

$$Err_5 = (0.525)(1 - 0.525)(0.1311) = 0.0327 \tag{Err5_slip}$$

$$\Delta w_{ij} = (l) Err_j O_i \tag{dw}$$

$$w_{46} = -0.3 + (0.9)(0.1311)(0.332) = -0.261 \tag{w46}$$

$$w_{56} = -0.2 + (0.9)(0.1311)(0.332) = -0.161 \tag{w56_slip}$$

$$w_{14} = 0.2 + (0.9)(-0.0087)(1) = 0.192 \tag{w14}$$

$$\theta_6 = 0.1 + (0.9)(0.1311) = 0.218 \tag{theta6}$$

$$\theta_6 = 0.1 - (0.9)(0.1311) = -0.018 \tag{theta6_slip}$$
"""


def _hk_truth():
    """Han & Kamber's 3-2-1 sigmoid network by hand in NumPy (units 1–3 inputs, 4–5 hidden, 6 the output; E = ½ (T −
    O_6)²): the true values of every quantity the example writes, and −∂E/∂I and ∂E/∂w by central differences."""
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    x = np.array([1.0, 0.0, 1.0])
    W1 = np.array([[0.2, 0.4, -0.5], [-0.3, 0.1, 0.2]])  # rows: units 4, 5; columns: units 1, 2, 3
    b1, W2, b2, T, rate = np.array([-0.4, 0.2]), np.array([[-0.3, -0.2]]), np.array([0.1]), 1.0, 0.9
    I1 = W1 @ x + b1
    O1 = sig(I1)
    I2 = W2 @ O1 + b2
    O2 = sig(I2)
    loss_of = lambda i1: 0.5 * (T - sig(W2 @ sig(i1) + b2)[0]) ** 2  # noqa: E731
    err1 = -central_differences(lambda p: loss_of(p["i"]), {"i": I1.copy()})["i"]
    err2 = -central_differences(lambda p: 0.5 * (T - sig(p["i"])[0]) ** 2, {"i": I2.copy()})["i"]
    grads = central_differences(lambda p: 0.5 * (T - sig(p["W2"] @ sig(p["W1"] @ x + p["b1"]) + p["b2"])[0]) ** 2,
                                {"W1": W1.copy(), "b1": b1.copy(), "W2": W2.copy(), "b2": b2.copy()})
    return dict(x=x, W1=W1, W2=W2, b2=b2, I1=I1, O1=O1, O2=O2, err1=err1, err2=err2, grads=grads, rate=rate, T=T)


def _written(value: float, written: float, decimals: int) -> bool:
    """A TA's rule for a written number: within half a unit of its last digit, or 0.2 %."""
    return abs(value - written) <= max(0.5 * 10 ** -decimals, 0.002 * abs(value)) + 1e-12


def test_units_numbered_across_the_network_are_read_and_judged_as_the_hand_computation_decides(tmp_path):
    t = _hk_truth()
    O4, O5 = t["O1"]
    rate, g = t["rate"], t["grads"]
    oracle = {
        "I4": _written(t["I1"][0], -0.7, 1), "O4": _written(O4, 0.332, 3), "O6": _written(t["O2"][0], 0.474, 3),
        "Err6": _written(t["err2"][0], 0.1311, 4), "Err5": _written(t["err1"][1], -0.0065, 4),
        "Err5_slip": _written(t["err1"][1], 0.0327, 4),
        "w46": _written(t["W2"][0, 0] - rate * g["W2"][0, 0], -0.261, 3),
        "w56_slip": _written(t["W2"][0, 1] - rate * g["W2"][0, 1], -0.161, 3),
        "w14": _written(t["W1"][0, 0] - rate * g["W1"][0, 0], 0.192, 3),
        "theta6": _written(t["b2"][0] - rate * g["b2"][0], 0.218, 3),
        "theta6_slip": _written(t["b2"][0] - rate * g["b2"][0], -0.018, 3),
        # the formulas, for every unit they can be about: −∂E/∂I_j of the output unit, of the hidden units
        "err_out": _close(t["O2"] * (1 - t["O2"]) * (t["T"] - t["O2"]), t["err2"]),
        "err_hidden": _close(t["O1"] * (1 - t["O1"]) * (t["W2"][0] * t["err2"][0]), t["err1"]),
        "err_hidden_slip": _close(t["W2"][0] * t["err2"][0], t["err1"]),
        # Δw_ij = (l) Err_j O_i: the SGD step −l ∂E/∂w_ij, both layers
        "dw": _close(rate * np.outer(t["err1"], t["x"]), -rate * g["W1"])
        and _close(rate * np.outer(t["err2"], t["O1"]), -rate * g["W2"]),
    }
    assert {k for k, v in oracle.items() if not v} == {"Err5_slip", "w56_slip", "theta6_slip", "err_hidden_slip"}
    got = _verify(tmp_path, HK_SPEC, HK)
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)
    # the forward definitions hold for a unit of every layer
    assert got["net"].verdict == got["out"].verdict == "correct", (got["net"].message, got["out"].message)


def test_a_weight_numbered_within_one_layer_is_no_unit_number():
    """w_{12} of a 3-2-1 network is an entry of a weight matrix (no number past a layer's size): not the numbering."""
    from gradproof.verify.unitnumbers import weight_numbering

    assert weight_numbering(r"w_{14} = 0.2, w_{46} = -0.3, w_{56} = 1", [3, 2, 1]) == "source"
    assert weight_numbering(r"w_{41} = 0.2, w_{64} = -0.3", [3, 2, 1]) == "target"
    assert weight_numbering(r"w_{12} = 0.2, w_{21} = -0.3", [3, 2, 1]) is None  # entries
    assert weight_numbering(r"w_{14} = 0.2, w_{16} = -0.3", [3, 2, 1]) is None  # 1 → 6 skips a layer


HK_LETTERS = r"""给定单元 $j$ 的净输入 $I_j$ 与输出 $O_j$：

$$I_j=\Sigma_iw_{ij}O_i+\theta_j \tag{net}$$

$$O_j = \frac{1}{1+\exp^{-I_j}} \tag{out}$$

$$Err_j = O_j(1-O_j)(T_j-O_j) \tag{err_out}$$

$$Err_j = O_j(1-O_j)(O_j-T_j) \tag{err_out_slip}$$

$$Err_j=O_j(1-O_j)\Sigma_kErr_kw_{jk} \tag{err_hidden}$$

$$\delta w_{ij} = (lr) Err_j O_i \tag{dw}$$

$$\delta w_{ij} = (lr) Err_j O_j \tag{dw_slip}$$

$$w_{ij} = w_{ij}+\delta w_{ij} \tag{update}$$

其中 $lr$ 为学习率。
"""


def test_han_and_kambers_letters_without_numbers(tmp_path):
    """The letters alone (a course's summary of the algorithm, no worked numbers): Σ_i as the sum sign, exp^{…},
    δw for the increment Δw, (lr) the learning rate — judged for every unit they can be about, against central
    differences on the same network."""
    t = _hk_truth()
    rate, g = t["rate"], t["grads"]
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    oracle = {
        "net": _close(t["W1"] @ t["x"] + np.array([-0.4, 0.2]), t["I1"]),
        "out": _close(sig(t["I1"]), t["O1"]),
        "err_out": _close(t["O2"] * (1 - t["O2"]) * (t["T"] - t["O2"]), t["err2"]),
        "err_out_slip": _close(t["O2"] * (1 - t["O2"]) * (t["O2"] - t["T"]), t["err2"]),
        "err_hidden": _close(t["O1"] * (1 - t["O1"]) * (t["W2"][0] * t["err2"][0]), t["err1"]),
        "dw": _close(rate * np.outer(t["err1"], t["x"]), -rate * g["W1"]),
        # Err_j O_j: unit j's own output where the feeding unit's O_i belongs
        "dw_slip": _close(rate * (t["err1"] * t["O1"])[:, None] * np.ones((2, 3)), -rate * g["W1"]),
        "update": True,  # w ← w + Δw with Δw the step's change: the definition of the update itself
    }
    assert {k for k, v in oracle.items() if not v} == {"err_out_slip", "dw_slip"}
    got = _verify(tmp_path, HK_SPEC, HK_LETTERS)
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)


# ---- a spec with no [optimizer] ------------------------------------------------------------------------------------

def test_a_spec_without_an_optimizer_checks_gradients_and_leaves_steps_unchecked(tmp_path):
    """A spec written to check gradients states no [optimizer]: it loads (SGD at its default rate for derive and
    codegen), a gradient claim is judged as central differences decide, a step is `unchecked` saying why."""
    spec = _spec("no_step", "row", 2, [(3, "sigmoid"), (1, "sigmoid")], "squared_error", 0.1)
    spec = spec[:spec.index("[optimizer]")]
    body = (r"$$\delta^{(2)} = (a^{(2)} - y) \odot a^{(2)} \odot (1 - a^{(2)}) \tag{d2}$$" "\n\n"
            r"$$\delta^{(2)} = (a^{(2)} - y) \odot a^{(2)} \tag{d2_slip}$$" "\n\n"
            r"$$W^{(2)} \leftarrow W^{(2)} - \eta \, \delta^{(2)} (a^{(1)})^T \tag{step}$$" "\n")
    rng = np.random.default_rng(3)
    W1, b1, W2, b2 = rng.normal(size=(3, 2)), rng.normal(size=3), rng.normal(size=(1, 3)), rng.normal(size=1)
    x, y = rng.normal(size=2), rng.uniform(size=1)
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    z2 = W2 @ sig(W1 @ x + b1) + b2
    d2 = central_differences(lambda p: 0.5 * np.sum((sig(p["z"]) - y) ** 2), {"z": z2.copy()})["z"]
    a2 = sig(z2)
    oracle = {"d2": _close((a2 - y) * a2 * (1 - a2), d2), "d2_slip": _close((a2 - y) * a2, d2)}
    assert oracle == {"d2": True, "d2_slip": False}
    got = _verify(tmp_path, spec, body)
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)
    assert got["step"].verdict == "unchecked" and "states no [optimizer]" in got["step"].message

    from gradproof.derive.spec import load_spec

    net = load_spec(str(tmp_path / "spec.toml"))
    assert net.optimizer.name == "sgd" and not net.optimizer_stated


# ---- the ERA sheet's letters; a chain side that elides terms -------------------------------------------------------

ERA_SPEC = _spec("era_sheet", "row", 2, [(2, "sigmoid"), (2, "sigmoid")], "squared_error", 0.5).replace(
    'activation = "sigmoid"\n', 'activation = "sigmoid"\nbias = false\n')

ERA = r"""# Part 1

$$h_1 = w_1 * i_1 + w_2 * i_2$$

$$a_{h_1} = \sigma(h_1)$$

$$o_1 = w_5 * a_{h_1} + w_6 * a_{h_2}$$

$$a_{o_1} = \sigma(o_1)$$

$$E_{total} = E_1 + E_2$$

$$E_1 = \frac{1}{2} * (t_1 - a_{o_1})^2$$

$$\frac{\partial E_{total}}{\partial w_5} = (a_{o_1} - t_1) * a_{o_1} * (1 - a_{o_1}) * a_{h_1} \tag{dw5}$$

$$\frac{\partial E_{total}}{\partial w_6} = (a_{o_1} - t_1) * a_{o_1} * (1 - a_{o_1}) * a_{h_1} \tag{dw6_slip}$$

$$\frac{\partial E_{total}}{\partial a_{h_1}} = (a_{o_1} - t_1) * a_{o_1} * (1 - a_{o_1}) * w_5
+ (a_{o_2} - t_2) * a_{o_2} * (1 - a_{o_2}) * w_7 \tag{dah1}$$

$$\frac{\partial E_{total}}{\partial w_1} = \frac{\partial E_{total}}{\partial a_{h_1}} * a_{h_1} * (1 - a_{h_1}) * i_1 \tag{dw1}$$

$$\frac{\partial E_{total}}{\partial w_3} = \frac{\partial E_{total}}{\partial a_{h_1}} * a_{h_1} * (1 - a_{h_1}) * i_1 \tag{dw3_slip}$$
"""

ERA_TYPED = """Part 1

a_h1 = σ(h1) = 1/(1+exp(-h1))
a_o1 = σ(o1)
∂E_total/∂w8 = (a_o2 – t2) \\* a_o2 \\* (1 – a_o2) \\* a_h2
∂E_total/∂w7 = (a_o2 – t2) \\* a_o2 \\* (1 – a_o2) \\* a_h2
new_w1 = w1 - η \\* ∂E_total/∂w1
new_w2 = w2 + η \\* ∂E_total/∂w2
"""


def test_the_era_sheets_letters_are_mazurs_network_and_judged_as_central_differences_decide(tmp_path):
    """The School of AI's ERA sheet: h_k, o_k summed inputs, a_{h_k}, a_{o_k} outputs, t_k targets, E_total = E_1 + E_2,
    w_1 … w_8 numbered as Mazur numbers them (w_1: i_1 → h_1, w_2: i_2 → h_1, …, w_5: h_1 → o_1, w_6: h_2 → o_1, w_7:
    h_1 → o_2, w_8: h_2 → o_2). The truth: the 2-2-2 sigmoid network without biases by central differences."""
    rng = np.random.default_rng(41)
    w = rng.normal(size=8)  # w[0] is w_1
    i, t = rng.normal(size=2), rng.uniform(size=2)
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731

    def forward(w):
        h = np.array([w[0] * i[0] + w[1] * i[1], w[2] * i[0] + w[3] * i[1]])
        ah = sig(h)
        o = np.array([w[4] * ah[0] + w[5] * ah[1], w[6] * ah[0] + w[7] * ah[1]])
        return ah, sig(o)

    def total(w):
        return 0.5 * np.sum((t - forward(w)[1]) ** 2)

    dw = central_differences(lambda p: total(p["w"]), {"w": w.copy()})["w"]
    ah, ao = forward(w)
    dah1 = central_differences(lambda p: 0.5 * np.sum((t - sig(np.array([w[4] * p["a"][0] + w[5] * ah[1],
                                                                            w[6] * p["a"][0] + w[7] * ah[1]]))) ** 2),
                               {"a": np.array([ah[0]])})["a"][0]
    back = (ao - t) * ao * (1 - ao)
    h1_term = (back[0] * w[4] + back[1] * w[6]) * ah[0] * (1 - ah[0])
    oracle = {
        "dw5": _close(back[0] * ah[0], dw[4]), "dw6_slip": _close(back[0] * ah[0], dw[5]),
        "dah1": _close(back[0] * w[4] + back[1] * w[6], dah1),
        "dw1": _close(h1_term * i[0], dw[0]), "dw3_slip": _close(h1_term * i[0], dw[2]),
    }
    assert {k for k, v in oracle.items() if not v} == {"dw6_slip", "dw3_slip"}
    got = _verify(tmp_path, ERA_SPEC, ERA)
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)
    # typed in plain text (a_h1, t2, w8, a Markdown-escaped \\*): the same letters
    typed = _verify(tmp_path, ERA_SPEC, ERA_TYPED)
    by_weight = {k: next(r for r in typed.values() if f"∂w{k}" in r.latex) for k in (7, 8)}
    assert by_weight[8].verdict == ("correct" if _close(back[1] * ah[1], dw[7]) else "incorrect"), by_weight[8].message
    assert by_weight[7].verdict == ("correct" if _close(back[1] * ah[1], dw[6]) else "incorrect"), by_weight[7].message
    assert (by_weight[8].verdict, by_weight[7].verdict) == ("correct", "incorrect")
    # the step (the spec's SGD at 0.5): new_w1 = w1 − η ∂E/∂w1 holds, the sign flipped does not (∂E/∂w2 ≠ 0)
    steps = {k: next(r for r in typed.values() if f"new_w{k}" in r.latex) for k in (1, 2)}
    assert abs(dw[1]) > 1e-6
    assert (steps[1].verdict, steps[2].verdict) == ("correct", "incorrect"), (steps[1].message, steps[2].message)


def test_a_chain_side_that_elides_terms_leaves_the_whole_chain_unchecked(tmp_path):
    """sirius911's ∂E/∂X = [∂E/∂x_1 ⋯ ∂E/∂x_i] = … = [∂E/∂y_1 f'(x_1) ⋯ \\frac{E}{y_i} f'(x_i)] = ∂E/∂Y ⊙ f'(X): the
    slip (the partials dropped) sits in a side with dots, which does not read; its ends agree. The whole chain is no
    verdict (it was `correct`); its last row, read alone, keeps its own."""
    spec = _spec("dots", "row", 3, [(4, "tanh"), (2, "tanh")], "squared_error", 0.1)
    body = ("$$\n\\begin{aligned}\n"
            r"\frac{\partial E}{\partial z^{(2)}} &= [\frac{\partial E}{\partial a^{(2)}_1} \tanh'(z^{(2)}_1) \cdots "
            r"\frac{E}{a^{(2)}_2} \tanh'(z^{(2)}_2)] \\" "\n"
            r"&= \frac{\partial E}{\partial a^{(2)}} \odot \tanh'(z^{(2)})" "\n\\end{aligned}\n$$\n")
    got = _verify(tmp_path, spec, body)
    chain = got["line 3"]
    assert chain.verdict == "unchecked" and "may hold a slip of its own" in chain.message, chain.message


def test_a_section_that_states_rules_for_any_sizes_is_not_judged_on_the_network():
    """eric-Rstats's matrix-calculus notes: a section that declares ``W \\in \\mathbb{R}^{n\\times m}`` states rules for
    any W; its claims judged incorrect on the network's W become unchecked (never the other way), the next section's
    claims about the network keep their verdicts. (The real file: tests/verify/corpus/heldout25, ericrstats.)"""
    from gradproof.verify.answers import Claim
    from gradproof.verify.document import DocumentClaims
    from gradproof.verify.ownobjective import unjudge_generic_sections
    from gradproof.verify.report import ClaimResult

    texts = [("l1", r"z=Wx,\ z\in\mathbb{R}^n, \ W \in \mathbb{R}^{n\times m}, x\in \mathbb{R}^m", "incorrect", 1),
             ("l2", r"\frac{\partial z}{\partial x} = W^T", "incorrect", 1),
             ("l3", r"\frac{\partial z}{\partial x} = W", "correct", 1),
             ("l4", r"\frac{\partial z^{(1)}}{\partial x} = (W^{(1)})^T", "incorrect", 2)]
    claims = DocumentClaims([Claim(cid, latex) for cid, latex, _, _ in texts])
    claims.sections = {cid: sec for cid, _, _, sec in texts}
    results = [ClaimResult(cid, latex, verdict, "", "m") for cid, latex, verdict, _ in texts]
    unjudge_generic_sections(claims, results)
    assert [r.verdict for r in results] == ["unchecked", "unchecked", "correct", "incorrect"]
    assert "a rule for any" in results[1].message


# ---- HTML-tagged plain text; ŷ typed; y_true beside a bare y ------------------------------------------------------

HTML_SPEC = _spec("html_notes", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.1)

HTML_NOTES = """**Equations:**
- <b>z<sup>[l]</sup> = W<sup>[l]</sup> a<sup>[l−1]</sup> + b<sup>[l]</sup></b>
- <b>a<sup>[l]</sup> = f(z<sup>[l]</sup>)</b>

Backward:
- <b>δ<sup>[L]</sup> = (ŷ − y) ⊙ f′(z<sup>[L]</sup>)</b>
- <b>δ<sup>[L]</sup> = (ŷ − y)</b>
- <b>δ<sup>[l]</sup> = (W<sup>[l+1]</sup>)ᵀ δ<sup>[l+1]</sup> ⊙ f′(z<sup>[l]</sup>)</b>

Single neuron: <b>dL/dW = (y − y<sub>true</sub>) · f′(z) · x</b>
"""


def test_html_tagged_plain_text_is_read_and_judged_as_central_differences_decide(tmp_path):
    """vikram's README: formulas in <b>…</b> with <sup>/<sub> for scripts, ŷ and ′ typed in Unicode; a bare y beside
    y_{true} in one claim is not read as the target (it had made (y − y_true) zero: a false reject)."""
    rng = np.random.default_rng(17)
    W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(2, 4)), rng.normal(size=2)
    x, y = rng.normal(size=3), rng.uniform(size=2)
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    z1 = W1 @ x + b1
    z2 = W2 @ sig(z1) + b2
    loss2 = lambda z: 0.5 * np.sum((sig(z) - y) ** 2)  # noqa: E731
    d2 = central_differences(lambda p: loss2(p["z"]), {"z": z2.copy()})["z"]
    d1 = central_differences(lambda p: loss2(W2 @ sig(p["z"]) + b2), {"z": z1.copy()})["z"]
    yhat = sig(z2)
    lines = {k: f"line {k}" for k in (6, 7, 8)}
    oracle = {6: _close((yhat - y) * yhat * (1 - yhat), d2), 7: _close(yhat - y, d2),
              8: _close((W2.T @ d2) * sig(z1) * (1 - sig(z1)), d1)}
    assert oracle == {6: True, 7: False, 8: True}
    got = _verify(tmp_path, HTML_SPEC, HTML_NOTES)
    for k, holds in oracle.items():
        assert got[lines[k]].verdict == ("correct" if holds else "incorrect"), (k, got[lines[k]].message)
    single = got["line 10"]
    assert single.verdict == "unchecked" and "y_{true}" in single.message, single.message


def test_a_layer_then_a_comma_then_the_entry_indices(tmp_path):
    """John Philipp's W_{1,kl}, z_{1,l}: "in the case of an existing subscript, we delimit between existing subscript
    and tensor coordinate using a comma" — layer 1, entry (k, l); l is an index there, not a layer. The truth: his
    z_1 = W_1^T x + b_1 (W_1 ∈ ℝ^{n×h}), a_1 = ReLU(z_1), a_2 = σ(w_2^T a_1 + b_2), binary cross-entropy, by central
    differences."""
    spec = _spec("layer_comma", "column", 3, [(4, "relu"), (1, "sigmoid")], "binary_cross_entropy", 0.1)
    body = ("\\begin{align}\n\\bm z_1 &= \\bm W_1^T \\bm x + \\bm b_1\n\\end{align}\n"
            "\\begin{equation}\n\\frac{\\partial L}{\\partial W_{1,kl}} = \\frac{\\partial L}{\\partial z_{1,l}} x_k "
            "\\label{right}\n\\end{equation}\n"
            "\\begin{equation}\n\\frac{\\partial L}{\\partial W_{1,kl}} = -\\frac{\\partial L}{\\partial z_{1,l}} x_k "
            "\\label{slip}\n\\end{equation}\n")
    rng = np.random.default_rng(29)
    W1, b1, w2, b2 = rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=4), rng.normal()
    x, y = rng.normal(size=3), 1.0
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731

    def loss(W, z=None):
        z = W.T @ x + b1 if z is None else z
        a2 = sig(w2 @ np.maximum(z, 0) + b2)
        return -(y * np.log(a2) + (1 - y) * np.log(1 - a2))

    dW = central_differences(lambda p: loss(p["W"]), {"W": W1.copy()})["W"]
    dz = central_differences(lambda p: loss(W1, p["z"]), {"z": W1.T @ x + b1})["z"]
    oracle = {"right": _close(np.outer(x, dz), dW), "slip": _close(-np.outer(x, dz), dW)}
    assert oracle == {"right": True, "slip": False}
    got = _verify(tmp_path, spec, body, name="answer.tex")
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)


def test_numbers_that_do_not_follow_the_formula_term_by_term_are_no_verdict(tmp_path):
    """Mihir's planted Loss = −Σ y_true · log(y_pred) = −log(0.242) ≈ 1.419 with the true class 1 (p = 0.659): the
    formula is right and so is the arithmetic, but the sum collapsed to the term the answer picked — the wrong class's
    (NumPy below). Without [values] that pick is not checked: `unchecked`, not `correct` (a false accept before). A
    formula whose numbers follow its terms one by one (z_1 = w_{11} x_1 + w_{12} x_2 = 0.15·0.05 + 0.2·0.1) keeps its
    verdict."""
    spec = _spec("picked_term", "row", 2, [(2, "sigmoid"), (3, "softmax")], "cross_entropy", 0.1).replace(
        'activation = "sigmoid"\n', 'activation = "sigmoid"\nbias = false\n')
    body = ("The hidden unit: $$z_1 = w_{11} x_1 + w_{12} x_2 = 0.15 \\cdot 0.05 + 0.2 \\cdot 0.1 = 0.0275 \\tag{term}$$\n\n"
            "The prediction is [0.099, 0.659, 0.242] and the true label is class 1 (of 0, 1, 2).\n\n"
            "$$\\text{Loss} = -\\sum y_{\\text{true}} \\cdot \\log(y_{\\text{pred}}) = -\\log(0.242) \\approx 1.419 "
            "\\tag{folded}$$\n")
    p, label = np.array([0.099, 0.659, 0.242]), 1
    assert abs(0.15 * 0.05 + 0.2 * 0.1 - 0.0275) < 1e-12
    assert abs(-np.log(p[label]) - 1.419) > 0.5  # (the true loss is −log 0.659 ≈ 0.417: the claim's 1.419 is wrong)
    got = _verify(tmp_path, spec, body)
    assert got["term"].verdict == "correct", got["term"].message
    assert got["folded"].verdict == "unchecked" and "term" in got["folded"].message, got["folded"].message
