r"""The thirty-sixth round (issue 10): four textbooks' letters read from the answer itself — Hertz, Krogh and Palmer's
*Introduction to the Theory of Neural Computation* (ξ, ζ, V, O, h, w, W, δ, the pattern μ; and its general form V_i^m,
h_i^m, δ_i^m, w_{ij}^m), Marsland's *Machine Learning: An Algorithmic Perspective* (h_ζ, a_ζ, y_κ, t, v_{iζ}, w_{ζκ},
δ_o(κ), δ_h(ζ), β = 1), Alpaydın's *Introduction to Machine Learning* (z_h^t, y_i^t, r^t, w_{hj}, v_{ih}, w_{h0}, the
instance t), Theodoridis and Koutroumbas's *Pattern Recognition* (v_j^r(i), y_j^r(i), e_j, w_{jk}^r, w_{j0}^r, k_r, μ,
(new)/(old)) and Nilsson's *Introduction to Machine Learning* (s_i^{(j)}, f_i^{(j)}, X^{(j-1)}, W_i^{(j)}, ε = (d − f)²,
δ = (d − f) ∂f/∂s, c) — and three false rejects that predate the round (layered weights written target first, Σ_k
w^{(1)}_{jk} x_k, in a column-layout spec; g^2(h) beside superscript layers; Nilsson's m_{j+1} read as a batch of m).
Before this round these answers read 0 to 1 claim each. Every expected verdict is decided here by NumPy: central
differences of the network written by hand (test_thirty_fifth_round._point), the claims' right sides transcribed."""

from __future__ import annotations

import numpy as np
import pytest
from test_nineteenth_round_coordinator import _spec
from test_thirty_fifth_round import _oracle, _point
from test_thirty_third_round import _line, _planted_found
from test_twenty_first_round import _verify


def _sig(a):
    return 1 / (1 + np.exp(-a))


def _answer(title: str, claims) -> str:
    return "\n\n".join([f"# {title}", *claims]) + "\n"


#: a claim the answer makes a definition of its own letter with (not graded; the claims using it are read with it)
DEFINITION = "definition"


def _judged_as_numpy_says(tmp_path, spec: str, body: str, claims: dict, point) -> None:
    """Every claim of ``claims`` (text -> its NumPy transcription, None for a forward definition or the objective, or
    DEFINITION) is judged correct, and its transcription holds at ``point``; a definition of the answer's own letter is
    read, not graded."""
    got = _verify(tmp_path, spec, body)
    for text, claim in claims.items():
        result = got[_line(body, text)]
        if claim == DEFINITION:
            assert result.verdict == "unchecked" and "defines the answer's own symbol" in result.message, text
            continue
        assert result.verdict == "correct", (text, result.message)
        assert claim is None or _oracle(claim, point) == "correct", text


# -- Hertz, Krogh and Palmer: one hidden layer, g = tanh, no thresholds ------------------------------------------------
def _hkp_deltas(v):
    """HKP's δ_i = g'(h_i)[ζ_i − O_i] and δ_j = g'(h_j) Σ_i W_ij δ_i (minus the derivatives by the net inputs)."""
    d2 = (1 - np.tanh(v["a"][2]) ** 2) * (v["e"] - v["h"][2])
    return d2, (1 - np.tanh(v["a"][1]) ** 2) * (v["W"][2].T @ d2)


HKP = {
    r"$$h_j^\mu = \sum_k w_{jk} \xi_k^\mu$$": lambda v, t: [(v["W"][1] @ v["h"][0], v["a"][1])],
    r"$$V_j^\mu = g(h_j^\mu)$$": lambda v, t: [(np.tanh(v["a"][1]), v["h"][1])],
    r"$$O_i^\mu = g(h_i^\mu)$$": lambda v, t: [(np.tanh(v["a"][2]), v["h"][2])],
    r"$$E[w] = \frac{1}{2} \sum_{\mu i} \left[\zeta_i^\mu - O_i^\mu\right]^2$$": None,
    r"$$\Delta W_{ij} = \eta \sum_\mu \delta_i^\mu V_j^\mu$$":
        lambda v, t: [(np.outer(_hkp_deltas(v)[0], v["h"][1]), -t["W"][2])],
    r"$$\delta_i^\mu = g'(h_i^\mu) \left[\zeta_i^\mu - O_i^\mu\right]$$": lambda v, t: [(_hkp_deltas(v)[0], -t["a"][2])],
    r"$$\Delta w_{jk} = -\eta \frac{\partial E}{\partial w_{jk}} = \eta \sum_\mu \delta_j^\mu \xi_k^\mu$$":
        lambda v, t: [(np.outer(_hkp_deltas(v)[1], v["x"]), -t["W"][1])],
    r"$$\delta_j^\mu = g'(h_j^\mu) \sum_i W_{ij} \delta_i^\mu$$": lambda v, t: [(_hkp_deltas(v)[1], -t["a"][1])],
    r"$$\delta_i^\mu = (1 - (O_i^\mu)^2) \left[\zeta_i^\mu - O_i^\mu\right]$$":
        lambda v, t: [((1 - v["h"][2] ** 2) * (v["e"] - v["h"][2]), -t["a"][2])],
    r"$$\frac{\partial E}{\partial w_{jk}} = -\sum_\mu \delta_j^\mu \xi_k^\mu$$":
        lambda v, t: [(-np.outer(_hkp_deltas(v)[1], v["x"]), t["W"][1])],
}
HKP_ANSWER = _answer("Back-propagation for one hidden layer", [
    r"Pattern $\mu$ is $\xi_k^\mu$, the target $\zeta_i^\mu$; $g(h) = \tanh(h)$, so $g'(h) = 1 - g^2$.", *HKP])
HKP_PLANTS = {
    r"\sum_i W_{ij} \delta_i^\mu$$": (r"\sum_i W_{ji} \delta_i^\mu$$", None),  # (j counts 4 units, W's rows 2)
    r"= (1 - (O_i^\mu)^2) \left[": (r"= (1 - O_i^\mu) \left[",
                                     lambda v, t: [((1 - v["h"][2]) * (v["e"] - v["h"][2]), -t["a"][2])]),
    r"= -\sum_\mu \delta_j^\mu \xi_k^\mu$$": (r"= \sum_\mu \delta_j^\mu \xi_k^\mu$$",
                                              lambda v, t: [(np.outer(_hkp_deltas(v)[1], v["x"]), t["W"][1])]),
    r"$$\delta_j^\mu = g'(h_j^\mu) \sum_i": (r"$$\delta_j^\mu = g'(V_j^\mu) \sum_i", lambda v, t: [(
        (1 - np.tanh(v["h"][1]) ** 2) * (v["W"][2].T @ _hkp_deltas(v)[0]), -t["a"][1])]),  # (the slope at the output)
}


HKP_GENERAL = {
    r"$$V_i^m = g(h_i^m) = g\left(\sum_j w_{ij}^m V_j^{m-1}\right)$$":
        lambda v, t: [(np.tanh(v["W"][k] @ v["h"][k - 1] + v["b"][k]), v["h"][k]) for k in (1, 2, 3)],
    r"$$\delta_i^M = g'(h_i^M) \left[\zeta_i^\mu - V_i^M\right]$$":
        lambda v, t: [((1 - np.tanh(v["a"][3]) ** 2) * (v["e"] - v["h"][3]), -t["a"][3])],
    r"$$\delta_j^{m-1} = g'(h_j^{m-1}) \sum_i w_{ij}^m \delta_i^m$$":
        lambda v, t: [((1 - np.tanh(v["a"][k - 1]) ** 2) * (v["W"][k].T @ -t["a"][k]), -t["a"][k - 1]) for k in (2, 3)],
    r"$$\Delta w_{ij}^m = \eta \delta_i^m V_j^{m-1}$$":
        lambda v, t: [(np.outer(-t["a"][k], v["h"][k - 1]), -t["W"][k]) for k in (1, 2, 3)],
    r"$$\frac{\partial E}{\partial w_{ij}^m} = -\delta_i^m V_j^{m-1}$$":
        lambda v, t: [(-np.outer(-t["a"][k], v["h"][k - 1]), t["W"][k]) for k in (1, 2, 3)],
    # (HKP square g: g^2(h) = g(h)², not layer 2's g beside the superscript layers — a false reject before)
    r"$$g'(h) = 1 - g^2(h)$$": lambda v, t: [(1 - np.tanh(v["a"][1]) ** 2, t["slope"])],
}
HKP_GENERAL_ANSWER = _answer("The general form", [
    r"$V_i^m$ is the output of unit $i$ in layer $m$, $V_i^0 = \xi_i^\mu$ the input; $g(h) = \tanh h$.", *HKP_GENERAL])


# -- Marsland: one hidden layer, sigmoid, the bias node in the sums from 0 ---------------------------------------------
def _marsland_deltas(v):
    do = (v["h"][2] - v["e"]) * v["h"][2] * (1 - v["h"][2])
    return do, v["h"][1] * (1 - v["h"][1]) * (v["W"][2].T @ do)


MARSLAND = {
    r"$$h_\zeta = \sum_{i=0}^{L} x_i v_{i\zeta}$$": lambda v, t: [(v["W"][1] @ v["x"] + v["b"][1], v["a"][1])],
    r"$$a_\zeta = g(h_\zeta) = \frac{1}{1 + \exp(-\beta h_\zeta)}$$": lambda v, t: [(_sig(v["a"][1]), v["h"][1])],
    r"$$h_\kappa = \sum_j a_j w_{j\kappa}$$": None,
    r"$$\delta_o(\kappa) = (y_\kappa - t_\kappa) y_\kappa (1 - y_\kappa)$$":
        lambda v, t: [(_marsland_deltas(v)[0], t["a"][2])],
    r"$$\delta_h(\zeta) = a_\zeta (1 - a_\zeta) \sum_{k=1}^{N} w_{\zeta k} \delta_o(k)$$":
        lambda v, t: [(_marsland_deltas(v)[1], t["a"][1])],
    r"$$w_{\zeta\kappa} \leftarrow w_{\zeta\kappa} - \eta \delta_o(\kappa) a_\zeta$$":
        lambda v, t: [(np.outer(_marsland_deltas(v)[0], v["h"][1]), t["W"][2])],
    r"$$\frac{\partial E}{\partial v_{\iota\zeta}} = \delta_h(\zeta) x_\iota$$":
        lambda v, t: [(np.outer(_marsland_deltas(v)[1], v["x"]), t["W"][1])],
}
MARSLAND_ANSWER = _answer("The MLP algorithm", [
    r"The error is $E = \frac{1}{2} \sum_{k=1}^{N} (y_k - t_k)^2$ and we take $\beta = 1$.", *MARSLAND])
MARSLAND_PLANTS = {
    r"= (y_\kappa - t_\kappa) y_\kappa": (r"= (t_\kappa - y_\kappa) y_\kappa",
                                          lambda v, t: [(-_marsland_deltas(v)[0], t["a"][2])]),
    r"= a_\zeta (1 - a_\zeta) \sum": (r"= h_\zeta (1 - h_\zeta) \sum", lambda v, t: [(
        v["a"][1] * (1 - v["a"][1]) * (v["W"][2].T @ _marsland_deltas(v)[0]), t["a"][1])]),
    r"= \delta_h(\zeta) x_\iota$$": (r"= \delta_o(\zeta) x_\iota$$", None),  # (ζ counts 4 units, the outputs 2)
    r"- \eta \delta_o(\kappa) a_\zeta$$": (r"+ \eta \delta_o(\kappa) a_\zeta$$",
                                          lambda v, t: [(-np.outer(_marsland_deltas(v)[0], v["h"][1]), t["W"][2])]),
}


# -- Alpaydın: sigmoid hidden units, linear outputs, the instance t ---------------------------------------------------
def _alpaydin_back(v):
    """Σ_i (r_i − y_i) v_ih: the error each hidden unit receives."""
    return v["W"][2].T @ (v["e"] - v["h"][2])


ALPAYDIN = {
    r"$$z_h^t = \text{sigmoid}(\boldsymbol{w}_h^T \boldsymbol{x}^t) = \frac{1}{1 + \exp\left[-\left(\sum_{j=1}^{d} "
    r"w_{hj} x_j^t + w_{h0}\right)\right]}$$": lambda v, t: [(_sig(v["W"][1] @ v["x"] + v["b"][1]), v["h"][1])],
    r"$$y_i^t = \sum_{h=1}^{H} v_{ih} z_h^t + v_{i0}$$": lambda v, t: [(v["W"][2] @ v["h"][1] + v["b"][2], v["h"][2])],
    r"$$E(\boldsymbol{W}, \boldsymbol{V} | \mathcal{X}) = \frac{1}{2} \sum_t \sum_i (r_i^t - y_i^t)^2$$": None,
    r"$$\Delta v_{ih} = \eta \sum_t (r_i^t - y_i^t) z_h^t$$":
        lambda v, t: [(np.outer(v["e"] - v["h"][2], v["h"][1]), -t["W"][2])],
    r"$$\Delta w_{hj} = -\eta \frac{\partial E}{\partial w_{hj}} = \eta \sum_t \left[\sum_i (r_i^t - y_i^t) v_{ih}\right] "
    r"z_h^t (1 - z_h^t) x_j^t$$":
        lambda v, t: [(np.outer(_alpaydin_back(v) * v["h"][1] * (1 - v["h"][1]), v["x"]), -t["W"][1])],
    r"$$\Delta v_{i0} = \eta \sum_t (r_i^t - y_i^t)$$": lambda v, t: [(v["e"] - v["h"][2], -t["b"][2])],
    r"$$\frac{\partial E}{\partial z_h^t} = -\sum_i (r_i^t - y_i^t) v_{ih}$$": lambda v, t: [(-_alpaydin_back(v), t["h"][1])],
}
ALPAYDIN_ANSWER = _answer("Backpropagation for two outputs", ALPAYDIN)
ALPAYDIN_PLANTS = {
    r"\eta \sum_t (r_i^t - y_i^t) z_h^t$$": (r"\eta \sum_t (y_i^t - r_i^t) z_h^t$$",
                                             lambda v, t: [(np.outer(v["h"][2] - v["e"], v["h"][1]), -t["W"][2])]),
    r"z_h^t (1 - z_h^t) x_j^t$$": (r"z_h^t x_j^t$$",
                                   lambda v, t: [(np.outer(_alpaydin_back(v) * v["h"][1], v["x"]), -t["W"][1])]),
    r"= -\sum_i (r_i^t - y_i^t) v_{ih}$$": (r"= -\sum_i (r_i^t - y_i^t) w_{hi}$$", None),  # (w_{hi}: i counts 3 inputs)
    r"v_{ih} z_h^t + v_{i0}$$": (r"v_{ih} z_h^t$$", lambda v, t: [(v["W"][2] @ v["h"][1], v["h"][2])]),
}


def test_alpaydins_softmax_outputs_o_are_the_output_layers_summed_input(tmp_path):
    spec = _spec("alpaydin3", "row", 3, [(4, "sigmoid"), (3, "softmax")], "cross_entropy", 0.1)
    claims = {
        r"$$o_i^t = \sum_{h=1}^{H} v_{ih} z_h^t + v_{i0}$$": lambda v, t: [(v["W"][2] @ v["h"][1] + v["b"][2], v["a"][2])],
        r"$$y_i^t = \frac{\exp o_i^t}{\sum_k \exp o_k^t}$$": None,
        r"$$E(\boldsymbol{W}, \boldsymbol{v} | \mathcal{X}) = -\sum_t \sum_i r_i^t \log y_i^t$$": None,
        r"$$\Delta v_{ih} = \eta \sum_t (r_i^t - y_i^t) z_h^t$$":
            lambda v, t: [(np.outer(v["e"] - v["h"][2], v["h"][1]), -t["W"][2])],
        r"$$\frac{\partial E}{\partial o_i^t} = y_i^t - r_i^t$$": lambda v, t: [(v["h"][2] - v["e"], t["a"][2])],
    }
    body = _answer("Multiclass discrimination", [r"$$z_h^t = \text{sigmoid}(\boldsymbol{w}_h^T \boldsymbol{x}^t)$$", *claims])
    _judged_as_numpy_says(tmp_path, spec, body, claims, _point((3, 4, 3), ("sigmoid", "softmax")))


# -- Theodoridis and Koutroumbas: L = 3 sigmoid layers, the training pair (i) ------------------------------------------
THEO = {
    r"$$v_j^r(i) = \sum_{k=1}^{k_{r-1}} w_{jk}^r y_k^{r-1}(i) + w_{j0}^r$$":
        lambda v, t: [(v["W"][k] @ v["h"][k - 1] + v["b"][k], v["a"][k]) for k in (1, 2, 3)],
    r"$$E(i) = \frac{1}{2} \sum_{m=1}^{k_L} e_m^2(i) = \frac{1}{2} \sum_{m=1}^{k_L} (y_m(i) - \hat{y}_m(i))^2$$": None,
    r"$$\frac{\partial E(i)}{\partial w_{jk}^r} = \delta_j^r(i) y_k^{r-1}(i)$$":
        lambda v, t: [(np.outer(t["a"][k], v["h"][k - 1]), t["W"][k]) for k in (1, 2, 3)],
    r"$$\delta_j^L(i) = e_j(i) f'(v_j^L(i))$$":
        lambda v, t: [((v["h"][3] - v["e"]) * _sig(v["a"][3]) * (1 - _sig(v["a"][3])), t["a"][3])],
    r"$$e_j^{r-1}(i) = \sum_{k=1}^{k_r} \delta_k^r(i) w_{kj}^r$$": DEFINITION,
    r"$$\delta_j^{r-1}(i) = y_j^{r-1}(i)\left(1 - y_j^{r-1}(i)\right) \sum_{k=1}^{k_r} \delta_k^r(i) w_{kj}^r$$":
        lambda v, t: [(v["h"][k - 1] * (1 - v["h"][k - 1]) * (v["W"][k].T @ t["a"][k]), t["a"][k - 1]) for k in (2, 3)],
    r"$$\Delta w_{jk}^r = -\mu \delta_j^r(i) y_k^{r-1}(i)$$":
        lambda v, t: [(np.outer(t["a"][k], v["h"][k - 1]), t["W"][k]) for k in (1, 2, 3)],
    r"$$w_{jk}^r(\text{new}) = w_{jk}^r(\text{old}) + \Delta w_{jk}^r$$": None,
    r"$$\frac{\partial E(i)}{\partial w_{j0}^r} = \delta_j^r(i)$$": lambda v, t: [(t["a"][k], t["b"][k]) for k in (1, 2, 3)],
}
THEO_ANSWER = _answer("The backpropagation algorithm", [
    r"The output is $y_j^r(i) = f(v_j^r(i))$, with $y_k^0(i) = x_k(i)$; define $e_j(i) = \hat{y}_j(i) - y_j(i)$.", *THEO])
THEO_PLANTS = {
    r"\right) \sum_{k=1}^{k_r} \delta_k^r(i) w_{kj}^r$$": (r"\right) \sum_{k=1}^{k_r} \delta_k^r(i) w_{jk}^r$$",
                                                            None),  # (j counts 4 units and W^{(2)}'s 3 rows)
    r"$$\Delta w_{jk}^r = -\mu": (r"$$\Delta w_{jk}^r = \mu",
                                  lambda v, t: [(-np.outer(t["a"][k], v["h"][k - 1]), t["W"][k]) for k in (1, 2, 3)]),
    r"= \delta_j^r(i)$$": (r"= \delta_j^r(i) y_j^{r-1}(i)$$", None),  # (j counts 4 units of layer 1, 3 of the input)
}


# -- Nilsson: a sigmoid network with one output, ε = (d − f)² -----------------------------------------------------------
NILSSON = {
    r"$$s_i^{(j)} = \mathbf{X}^{(j-1)} \cdot \mathbf{W}_i^{(j)}$$": None,
    r"$$\frac{\partial \varepsilon}{\partial \mathbf{W}_i^{(j)}} = \frac{\partial \varepsilon}{\partial s_i^{(j)}} "
    r"\mathbf{X}^{(j-1)}$$": None,
    r"$$\frac{\partial \varepsilon}{\partial \mathbf{W}_i^{(j)}} = -2 \delta_i^{(j)} \mathbf{X}^{(j-1)}$$":
        lambda v, t: [(-2 * np.outer(-t["a"][k], v["h"][k - 1]), 2 * t["W"][k]) for k in (1, 2)],
    r"$$\mathbf{W}_i^{(j)} \leftarrow \mathbf{W}_i^{(j)} + c_i^{(j)} \delta_i^{(j)} \mathbf{X}^{(j-1)}$$":
        lambda v, t: [(np.outer(-t["a"][k], v["h"][k - 1]), -t["W"][k]) for k in (1, 2)],
    r"$$\delta^{(k)} = (d - f^{(k)}) f^{(k)} (1 - f^{(k)})$$":
        lambda v, t: [((v["e"] - v["h"][2]) * v["h"][2] * (1 - v["h"][2]), -t["a"][2])],
    r"$$\delta_i^{(j)} = f_i^{(j)} (1 - f_i^{(j)}) \sum_{l=1}^{m_{j+1}} \delta_l^{(j+1)} w_{il}^{(j+1)}$$":
        lambda v, t: [(v["h"][1] * (1 - v["h"][1]) * (v["W"][2].T @ -t["a"][2]), -t["a"][1])],
}
NILSSON_ANSWER = _answer("Backpropagation in a sigmoid network", [
    r"The output is $f_i^{(j)} = \frac{1}{1 + e^{-s_i^{(j)}}}$; the final layer is $k = 2$ and the error $\varepsilon = "
    r"(d - f)^2$.", *NILSSON])
NILSSON_PLANTS = {
    r"+ c_i^{(j)} \delta_i^{(j)}": (r"- c_i^{(j)} \delta_i^{(j)}", lambda v, t: [
        (-np.outer(-t["a"][k], v["h"][k - 1]), -t["W"][k]) for k in (1, 2)]),
    r"\delta^{(k)} = (d - f^{(k)})": (r"\delta^{(k)} = (f^{(k)} - d)", lambda v, t: [
        ((v["h"][2] - v["e"]) * v["h"][2] * (1 - v["h"][2]), -t["a"][2])]),
    r"\delta_l^{(j+1)} w_{il}^{(j+1)}$$": (r"\delta_l^{(j)} w_{il}^{(j+1)}$$", None),  # (l counts 4 units at j, 1 at j + 1)
}


# -- the generic fixes --------------------------------------------------------------------------------------------------
TARGET_FIRST = {
    r"$$z^{(1)}_j = \sum_k w^{(1)}_{jk} x_k + b^{(1)}_j$$": lambda v, t: [(v["W"][1] @ v["x"] + v["b"][1], v["a"][1])],
    r"$$\frac{\partial J}{\partial w^{(2)}_{ij}} = \delta^{(2)}_i h^{(1)}_j$$":
        lambda v, t: [(np.outer(t["a"][2], v["h"][1]), t["W"][2])],
    r"$$\delta^{(1)}_j = (1 - (h^{(1)}_j)^2) \sum_i w^{(2)}_{ij} \delta^{(2)}_i$$":
        lambda v, t: [((1 - v["h"][1] ** 2) * (v["W"][2].T @ t["a"][2]), t["a"][1])],
}


def test_layered_weights_written_target_first_read_so_in_a_column_layout_spec(tmp_path):
    """Bishop's z_j^{(1)} = Σ_k w^{(1)}_{jk} x_k: w_{jk} into unit j from k, which the spec's W (n_in × n_out) holds at
    [k, j]. Before, a column-layout spec judged all three wrong ("j runs over 3 and 4 entries"); a slip still shows."""
    spec = _spec("bishop", "column", 3, [(4, "tanh"), (2, "tanh")], "squared_error", 0.1)
    body = _answer("Two layers", TARGET_FIRST)
    _judged_as_numpy_says(tmp_path, spec, body, TARGET_FIRST, _point((3, 4, 2), ("tanh", "tanh"), squared=True))
    slip = body.replace(r"\sum_i w^{(2)}_{ij} \delta^{(2)}_i", r"\sum_i w^{(2)}_{ji} \delta^{(2)}_i")
    line = _line(slip, next(x for x in slip.splitlines() if "w^{(2)}_{ji}" in x))
    assert _verify(tmp_path, spec, slip)[line].verdict == "incorrect"


def test_a_width_with_a_layer_script_is_no_batch(tmp_path):
    """Nilsson's Σ_{l=1}^{m_{j+1}} counts the units of layer j + 1: the document is judged for one example (before, a
    batch of m: every per-example claim then failed or went unread)."""
    from gradproof.derive.spec import load_spec
    from gradproof.verify.document import document_batch, load_document

    spec = _spec("nilsson", "row", 3, [(4, "sigmoid"), (1, "sigmoid")], "squared_error", 0.5)
    (tmp_path / "spec.toml").write_text(spec)
    (tmp_path / "a.md").write_text(NILSSON_ANSWER)
    net = load_spec(tmp_path / "spec.toml")
    assert document_batch(load_document(tmp_path / "a.md"), net) == 1
    (tmp_path / "b.md").write_text(r"$$\frac{\partial J}{\partial W} = \frac{1}{m} \sum_{i=1}^{m} \delta^{(i)} x^{(i)T}$$")
    assert document_batch(load_document(tmp_path / "b.md"), net) > 1  # (a batch of m still is one)


# -- Eisenstein: layers named by arrows ---------------------------------------------------------------------------------
def _softmax(a):
    e = np.exp(a - a.max())
    return e / e.sum()


EISENSTEIN = {
    r"$$\hat{\boldsymbol{y}} = \text{SoftMax}(\boldsymbol{\Theta}^{(z \to y)} \boldsymbol{z} + \boldsymbol{b})$$":
        lambda v, t: [(_softmax(v["W"][2] @ v["h"][1] + v["b"][2]), v["h"][2])],
    r"$$\frac{\partial \ell^{(i)}}{\partial b_j} = \hat{y}_j - e_{y^{(i)}, j}$$": lambda v, t: [(v["h"][2] - v["e"], t["b"][2])],
    r"$$\frac{\partial \ell^{(i)}}{\partial \boldsymbol{\theta}^{(z \to y)}_j} = (\hat{y}_j - e_{y^{(i)}, j}) \boldsymbol{z}$$":
        lambda v, t: [(np.outer(v["h"][2] - v["e"], v["h"][1]), t["W"][2])],
    r"$$\frac{\partial \ell^{(i)}}{\partial z_k} = \sum_j (\hat{y}_j - e_{y^{(i)}, j}) \theta^{(z \to y)}_{j,k}$$":
        lambda v, t: [(v["W"][2].T @ (v["h"][2] - v["e"]), t["h"][1])],
    r"$$\frac{\partial \ell^{(i)}}{\partial \boldsymbol{\theta}^{(x \to z)}_k} = \frac{\partial \ell^{(i)}}{\partial z_k} z_k "
    r"(1 - z_k) \boldsymbol{x}$$": lambda v, t: [(np.outer(t["h"][1] * v["h"][1] * (1 - v["h"][1]), v["x"]), t["W"][1])],
    r"$$\frac{\partial \ell^{(i)}}{\partial \boldsymbol{\Theta}^{(z \to y)}} = (\hat{\boldsymbol{y}} - \boldsymbol{e}_{y^{(i)}}) "
    r"\boldsymbol{z}^\top$$": lambda v, t: [(np.outer(v["h"][2] - v["e"], v["h"][1]), t["W"][2])],
}
EISENSTEIN_ANSWER = _answer("Backpropagation through a feedforward network", [
    r"The hidden layer is $\boldsymbol{z} = \sigma(\boldsymbol{\Theta}^{(x \to z)} \boldsymbol{x} + \boldsymbol{b}^{(x \to z)})$"
    r" and the loss $\ell^{(i)} = -\boldsymbol{e}_{y^{(i)}} \cdot \log \hat{\boldsymbol{y}}$.", *EISENSTEIN])
EISENSTEIN_PLANTS = {
    r"(\hat{y}_j - e_{y^{(i)}, j}) \boldsymbol{z}$$": (r"(e_{y^{(i)}, j} - \hat{y}_j) \boldsymbol{z}$$",
                                                       lambda v, t: [(np.outer(v["e"] - v["h"][2], v["h"][1]), t["W"][2])]),
    r"\theta^{(z \to y)}_{j,k}$$": (r"\theta^{(z \to y)}_{k,j}$$", None),  # (k counts 4 hidden units, Θ's rows 3)
    r"z_k (1 - z_k) \boldsymbol{x}$$": (r"(1 - z_k^2) \boldsymbol{x}$$", lambda v, t: [
        (np.outer(t["h"][1] * (1 - v["h"][1] ** 2), v["x"]), t["W"][1])]),
}


# -- Haykin's error signal: δ minus the derivative by its own definitions ----------------------------------------------
HAYKIN = {
    r"$$v_j(n) = \sum_{i=0}^{m} w_{ji}(n) y_i(n)$$": None,
    r"$$\delta_j(n) = e_j(n) \varphi_j'(v_j(n))$$":
        lambda v, t: [((v["e"] - v["h"][2]) * v["h"][2] * (1 - v["h"][2]), -t["a"][2])],
    r"$$\delta_j(n) = \varphi_j'(v_j(n)) \sum_k \delta_k(n) w_{kj}(n)$$":
        lambda v, t: [(v["h"][1] * (1 - v["h"][1]) * (v["W"][2].T @ -t["a"][2]), -t["a"][1])],
    r"$$\Delta w_{ji}(n) = \eta \delta_j(n) y_i(n)$$": lambda v, t: [(np.outer(-t["a"][k], v["h"][k - 1]), -t["W"][k]) for k in (1, 2)],
    r"$$\delta_j(n) = [d_j(n) - o_j(n)] o_j(n) [1 - o_j(n)]$$":
        lambda v, t: [((v["e"] - v["h"][2]) * v["h"][2] * (1 - v["h"][2]), -t["a"][2])],
}
HAYKIN_ANSWER = _answer("Back-propagation", [
    r"Its output is $y_j(n) = \varphi_j(v_j(n))$; the error signal of output neuron $j$ is $e_j(n) = d_j(n) - y_j(n)$.",
    *HAYKIN])


def test_haykins_error_signal_makes_delta_minus_the_derivative_and_a_subtracting_step_is_the_slip(tmp_path):
    """Haykin's e_j(n) = d_j(n) − y_j(n) and δ_j(n) = e_j(n) φ'_j(v_j(n)): δ is −∂E/∂v_j by his own definitions. Three
    right claims had been **rejected** (Δw_{ji}(n) = η δ_j(n) y_i(n) not read as the added step: its (n)); and where the
    step subtracts, the step is the slip, not his δ (before: both δ claims were blamed and the step passed)."""
    spec = _spec("haykin", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.25)
    point = _point((3, 4, 2), ("sigmoid", "sigmoid"), squared=True)
    _judged_as_numpy_says(tmp_path, spec, HAYKIN_ANSWER, HAYKIN, point)
    step = r"$$\Delta w_{ji}(n) = \eta \delta_j(n) y_i(n)$$"
    slipped = HAYKIN_ANSWER.replace(step, r"$$\Delta w_{ji}(n) = -\eta \delta_j(n) y_i(n)$$")
    got = _verify(tmp_path, spec, slipped)
    assert _oracle(lambda v, t: [(-np.outer(-t["a"][k], v["h"][k - 1]), -t["W"][k]) for k in (1, 2)], point) == "incorrect"
    assert got[_line(slipped, r"$$\Delta w_{ji}(n) = -\eta \delta_j(n) y_i(n)$$")].verdict == "incorrect"
    for text in list(HAYKIN)[1:3]:
        assert got[_line(slipped, text)].verdict == "correct", text


def test_goldbergs_network_named_as_a_function_of_the_input_is_the_prediction(tmp_path):
    """Goldberg's primer: NN_{MLP1}(x) = g(x W^1 + b^1) W^2 + b^2 in row vectors — the network named as a function of x
    is ŷ (funcdef._NAMED_NETWORK; before: "an index on \\N is not supported"); a dropped bias is wrong (NumPy)."""
    spec = _spec("goldberg", "column", 3, [(4, "tanh"), (2, "identity")], "squared_error", 0.1)
    right = r"$$NN_{MLP1}(\mathbf{x}) = g(\mathbf{x} \mathbf{W}^1 + \mathbf{b}^1) \mathbf{W}^2 + \mathbf{b}^2$$"
    body = _answer("An MLP1", [right, r"with $g = \tanh$ and $L = \frac{1}{2} \|\hat{\mathbf{y}} - \mathbf{y}\|^2$.",
                               r"$$\frac{\partial L}{\partial \mathbf{W}^2} = (\mathbf{h}^1)^\top \frac{\partial L}{\partial "
                               r"\hat{\mathbf{y}}}$$"])
    point = _point((3, 4, 2), ("tanh", "identity"), squared=True)
    claims = {right: lambda v, t: [(v["W"][2] @ np.tanh(v["W"][1] @ v["x"] + v["b"][1]) + v["b"][2], v["h"][2])],
              body.splitlines()[-1]: lambda v, t: [(np.outer(v["h"][2] - v["e"], v["h"][1]), t["W"][2])]}
    _judged_as_numpy_says(tmp_path, spec, body, claims, point)
    slipped = body.replace(r"\mathbf{W}^2 + \mathbf{b}^2$$", r"\mathbf{W}^2$$")
    assert _oracle(lambda v, t: [(v["W"][2] @ np.tanh(v["W"][1] @ v["x"] + v["b"][1]), v["h"][2])], point) == "incorrect"
    assert _verify(tmp_path, spec, slipped)[_line(slipped, slipped.splitlines()[2])].verdict == "incorrect"


# -- Grokking Deep Learning's code names -------------------------------------------------------------------------------
def _trask_deltas(v):
    d2 = v["h"][2] - v["e"]
    return d2, (v["W"][2].T @ d2) * (v["a"][1] > 0)


TRASK = {
    r"$$\text{layer\_1} = \text{relu}(\text{layer\_0} \cdot \text{weights\_0\_1})$$":
        lambda v, t: [(np.maximum(v["x"] @ v["W"][1].T, 0), v["h"][1])],
    r"$$\text{layer\_2} = \text{layer\_1} \cdot \text{weights\_1\_2}$$": lambda v, t: [(v["h"][1] @ v["W"][2].T, v["h"][2])],
    r"$$\text{layer\_2\_delta} = \text{layer\_2} - \text{goal}$$": lambda v, t: [(_trask_deltas(v)[0], t["a"][2])],
    r"$$\text{layer\_1\_delta} = \text{layer\_2\_delta} \cdot \text{weights\_1\_2}^T \odot \text{relu2deriv}(\text{layer\_1})$$":
        lambda v, t: [(_trask_deltas(v)[1], t["a"][1])],
    r"$$\text{weight\_delta\_1\_2} = \text{layer\_1}^T \cdot \text{layer\_2\_delta}$$":
        lambda v, t: [(np.outer(v["h"][1], _trask_deltas(v)[0]), t["W"][2].T)],
    r"$$\text{weights\_1\_2} \mathrel{-}= \alpha \cdot \text{layer\_1}^T \cdot \text{layer\_2\_delta}$$":
        lambda v, t: [(np.outer(v["h"][1], _trask_deltas(v)[0]), t["W"][2].T)],
    r"$$\text{weights\_0\_1} \mathrel{-}= \alpha \cdot \text{layer\_0}^T \cdot \text{layer\_1\_delta}$$":
        lambda v, t: [(np.outer(v["x"], _trask_deltas(v)[1]), t["W"][1].T)],
}
TRASK_ANSWER = _answer("Backpropagation by hand", TRASK)
TRASK_PLANTS = {
    r"= \text{layer\_2} - \text{goal}$$": (r"= \text{goal} - \text{layer\_2}$$",
                                            lambda v, t: [(-_trask_deltas(v)[0], t["a"][2])]),
    r"\text{weights\_1\_2}^T \odot": (r"\text{weights\_1\_2} \odot", None),  # (1×1 times 4×1: no product)
    r"$$\text{weights\_1\_2} \mathrel{-}=": (r"$$\text{weights\_1\_2} \mathrel{+}=", lambda v, t: [
        (-np.outer(v["h"][1], _trask_deltas(v)[0]), t["W"][2].T)]),
    r"\alpha \cdot \text{layer\_0}^T": (r"\alpha \cdot \text{layer\_1}^T", None),  # (4×4 for W's 3×4)
}


# -- Zurada; Kröse and van der Smagt ------------------------------------------------------------------------------------
ZURADA = {
    r"$$net_k = \sum_j w_{kj} y_j$$": lambda v, t: [(v["W"][2] @ v["h"][1], v["a"][2])],
    r"$$E = \frac{1}{2} \sum_{k=1}^{K} (d_k - o_k)^2$$": None,
    r"$$\delta_{ok} = (d_k - o_k)(1 - o_k) o_k$$": lambda v, t: [((v["e"] - v["h"][2]) * (1 - v["h"][2]) * v["h"][2], -t["a"][2])],
    r"$$\delta_{yj} = y_j (1 - y_j) \sum_{k=1}^{K} \delta_{ok} w_{kj}$$":
        lambda v, t: [(v["h"][1] * (1 - v["h"][1]) * (v["W"][2].T @ -t["a"][2]), -t["a"][1])],
    r"$$w_{kj} \leftarrow w_{kj} + \eta \delta_{ok} y_j$$": lambda v, t: [(np.outer(-t["a"][2], v["h"][1]), -t["W"][2])],
    r"$$v_{ji} \leftarrow v_{ji} + \eta \delta_{yj} z_i$$": lambda v, t: [(np.outer(-t["a"][1], v["x"]), -t["W"][1])],
}
ZURADA_ANSWER = _answer("Error back-propagation training", [
    r"The hidden layer: $y_j = f(net_j)$ with $net_j = \sum_i v_{ji} z_i$; the output layer: $o_k = f(net_k)$.", *ZURADA])
ZURADA_PLANTS = {
    r"= (d_k - o_k)(1 - o_k) o_k$$": (r"= (o_k - d_k)(1 - o_k) o_k$$",
                                      lambda v, t: [((v["h"][2] - v["e"]) * (1 - v["h"][2]) * v["h"][2], -t["a"][2])]),
    r"\delta_{ok} w_{kj}$$": (r"\delta_{ok} w_{jk}$$", None),  # (j counts 4 hidden units, w's rows 2)
    r"w_{kj} + \eta \delta_{ok} y_j$$": (r"w_{kj} - \eta \delta_{ok} y_j$$",
                                         lambda v, t: [(-np.outer(-t["a"][2], v["h"][1]), -t["W"][2])]),
}


def _sig_slope(a):
    return _sig(a) * (1 - _sig(a))


KROESE = {
    r"$$\delta_o^p = (d_o^p - y_o^p) \mathcal{F}'(s_o^p)$$": lambda v, t: [((v["e"] - v["h"][2]) * _sig_slope(v["a"][2]), -t["a"][2])],
    r"$$\delta_o^p = (d_o^p - y_o^p) y_o^p (1 - y_o^p)$$": lambda v, t: [((v["e"] - v["h"][2]) * _sig_slope(v["a"][2]), -t["a"][2])],
    r"$$\delta_h^p = \mathcal{F}'(s_h^p) \sum_{o=1}^{N_o} \delta_o^p w_{ho}$$":
        lambda v, t: [(_sig_slope(v["a"][1]) * (v["W"][2].T @ -t["a"][2]), -t["a"][1])],
    r"$$\frac{\partial E^p}{\partial w_{ho}} = -\delta_o^p y_h^p$$": lambda v, t: [(-np.outer(-t["a"][2], v["h"][1]), t["W"][2])],
    r"$$\frac{\partial E^p}{\partial \theta_o} = -\delta_o^p$$": lambda v, t: [(t["a"][2], t["b"][2])],
}
KROESE_ANSWER = _answer("The generalised delta rule", [
    r"For a unit $k$ the total input is $s_k^p = \sum_j w_{jk} y_j^p + \theta_k$ and $E^p = \frac{1}{2} \sum_{o=1}^{N_o} "
    r"(d_o^p - y_o^p)^2$.", *KROESE])
KROESE_PLANTS = {
    r"$$\delta_o^p = (d_o^p - y_o^p) y_o^p": (r"$$\delta_o^p = (y_o^p - d_o^p) y_o^p",
                                             lambda v, t: [((v["h"][2] - v["e"]) * _sig_slope(v["a"][2]), -t["a"][2])]),
    r"\partial w_{ho}} = -\delta_o^p y_h^p$$": (r"\partial w_{ho}} = \delta_o^p y_h^p$$",
                                                lambda v, t: [(np.outer(-t["a"][2], v["h"][1]), t["W"][2])]),
    r"\mathcal{F}'(s_h^p) \sum": (r"\mathcal{F}'(s_o^p) \sum", None),  # (h counts 4 hidden units, s_o 2)
}


# -- Fausett ------------------------------------------------------------------------------------------------------------
FAUSETT = {
    r"$$z\_in_j = v_{0j} + \sum_{i=1}^{n} x_i v_{ij}$$": lambda v, t: [(v["b"][1] + v["W"][1] @ v["x"], v["a"][1])],
    r"$$y\_in_k = w_{0k} + \sum_{j=1}^{p} z_j w_{jk}$$": lambda v, t: [(v["b"][2] + v["W"][2] @ v["h"][1], v["a"][2])],
    r"$$\delta_k = (t_k - y_k) f'(y\_in_k)$$": lambda v, t: [((v["e"] - v["h"][2]) * _sig_slope(v["a"][2]), -t["a"][2])],
    r"$$\Delta w_{jk} = \alpha \delta_k z_j$$": lambda v, t: [(np.outer(-t["a"][2], v["h"][1]), -t["W"][2])],
    r"$$\Delta w_{0k} = \alpha \delta_k$$": lambda v, t: [(-t["a"][2], -t["b"][2])],
    r"$$\delta\_in_j = \sum_{k=1}^{m} \delta_k w_{jk}$$": lambda v, t: [(v["W"][2].T @ -t["a"][2], -t["h"][1])],
    r"$$\delta_j = \delta\_in_j f'(z\_in_j)$$": lambda v, t: [(-t["h"][1] * _sig_slope(v["a"][1]), -t["a"][1])],
    r"$$\Delta v_{ij} = \alpha \delta_j x_i$$": lambda v, t: [(np.outer(-t["a"][1], v["x"]), -t["W"][1])],
    r"$$w_{jk}(\text{new}) = w_{jk}(\text{old}) + \Delta w_{jk}$$": None,
    r"$$\delta_k = (t_k - y_k) y_k (1 - y_k)$$": lambda v, t: [((v["e"] - v["h"][2]) * _sig_slope(v["a"][2]), -t["a"][2])],
}
FAUSETT_ANSWER = _answer("Backpropagation", [
    r"Each hidden unit applies its activation function, $z_j = f(z\_in_j)$; each output unit $y_k = f(y\_in_k)$.", *FAUSETT])
FAUSETT_PLANTS = {
    r"$$\delta_k = (t_k - y_k) f'(y\_in_k)$$": (r"$$\delta_k = (y_k - t_k) f'(y\_in_k)$$", lambda v, t: [
        ((v["h"][2] - v["e"]) * _sig_slope(v["a"][2]), -t["a"][2])]),
    r"= \alpha \delta_k z_j$$": (r"= \alpha \delta_k x_j$$", None),  # (j counts 3 inputs and 4 hidden units)
    r"\delta_k w_{jk}$$": (r"\delta_k w_{kj}$$", None),  # (j counts 2 and 4)
    r"$$\Delta v_{ij} = \alpha \delta_j x_i$$": (r"$$\Delta v_{ij} = -\alpha \delta_j x_i$$",
                                                 lambda v, t: [(-np.outer(-t["a"][1], v["x"]), -t["W"][1])]),
}


# -- ISLR ---------------------------------------------------------------------------------------------------------------
ISLR = {
    r"$$f(X) = \beta_0 + \sum_{k=1}^{K} \beta_k h_k(X) = \beta_0 + \sum_{k=1}^{K} \beta_k g\left(w_{k0} + \sum_{j=1}^{p} "
    r"w_{kj} X_j\right)$$": lambda v, t: [(v["b"][2] + v["W"][2] @ _sig(v["W"][1] @ v["x"] + v["b"][1]), v["h"][2])],
    r"$$z_{ik} = w_{k0} + \sum_{j=1}^{p} w_{kj} x_{ij}$$": lambda v, t: [(v["b"][1] + v["W"][1] @ v["x"], v["a"][1])],
    r"$$\frac{\partial R_i(\theta)}{\partial \beta_k} = \frac{\partial R_i(\theta)}{\partial f_\theta(x_i)} \cdot "
    r"\frac{\partial f_\theta(x_i)}{\partial \beta_k} = -(y_i - f_\theta(x_i)) \cdot g(z_{ik})$$":
        lambda v, t: [(np.outer(-(v["e"] - v["h"][2]), _sig(v["a"][1])), t["W"][2])],
    r"$$\frac{\partial R_i(\theta)}{\partial w_{kj}} = -(y_i - f_\theta(x_i)) \cdot \beta_k \cdot g'(z_{ik}) \cdot x_{ij}$$":
        lambda v, t: [(np.outer(-(v["e"] - v["h"][2])[0] * v["W"][2][0] * _sig_slope(v["a"][1]), v["x"]), t["W"][1])],
    r"$$\frac{\partial R_i(\theta)}{\partial \beta_0} = -(y_i - f_\theta(x_i))$$": lambda v, t: [(-(v["e"] - v["h"][2]), t["b"][2])],
}
ISLR_ANSWER = _answer("Backpropagation for a single-layer network", [
    r"The objective is $R_i(\theta) = \frac{1}{2}(y_i - f_\theta(x_i))^2$, with $g$ the sigmoid.", *ISLR])
ISLR_PLANTS = {
    r"= -(y_i - f_\theta(x_i)) \cdot g(z_{ik})$$": (r"= (y_i - f_\theta(x_i)) \cdot g(z_{ik})$$", lambda v, t: [
        (np.outer(v["e"] - v["h"][2], _sig(v["a"][1])), t["W"][2])]),
    r"\cdot \beta_k \cdot g'(z_{ik}) \cdot x_{ij}$$": (r"\cdot \beta_k \cdot g(z_{ik}) \cdot x_{ij}$$", lambda v, t: [
        (np.outer(-(v["e"] - v["h"][2])[0] * v["W"][2][0] * _sig(v["a"][1]), v["x"]), t["W"][1])]),
}


def test_a_name_in_a_fractions_denominator_leaves_its_brace_alone():
    """The readings' scanners close a brace only where they opened one: \\frac{∂E}{∂ weights\\_1\\_2} and
    \\frac{∂R_i(θ)}{∂β_k} keep the fraction's closing brace (the first versions ate it: "expected '}'")."""
    from gradproof.verify.codenames import CodeNames
    from gradproof.verify.fausettletters import FausettLetters
    from gradproof.verify.islrletters import IslrLetters

    assert CodeNames(2).rewrite(r"\frac{\partial E}{\partial weights\_1\_2} = 0") == r"\frac{\partial E}{\partial W^{(2)}} = 0"
    assert FausettLetters().rewrite(r"\frac{\partial E}{\partial z\_in_j} = 0") == r"\frac{\partial E}{\partial z^{(1)}_{j}} = 0"
    assert IslrLetters().rewrite(r"\frac{\partial R_i(\theta)}{\partial \beta_k} = 0") == r"\frac{\partial L}{\partial W^{(2)}_{1k}} = 0"


# -- every notation: read whole, judged as NumPy says, in either layout; each planted slip found ------------------------
#: name -> (layers, loss, learning rate, answer, {claim: its NumPy transcription}, the point's (sizes, activations,
#: biases), {right: (planted, transcription)} or None, the layout the slips are planted in). Before this round each of
#: these answers read 0 or 1 of its claims (Zurada 4 of 10, his f'(net) = o(1 − o) rejected; Fausett 2 of 14; ISLR's
#: f(X) rejected; Eisenstein "the layer index (xtoz) is not a number").
NOTATIONS = {
    "hkp": ([(4, "tanh"), (2, "tanh")], "squared_error", 0.1, HKP_ANSWER, HKP, ((3, 4, 2), ("tanh", "tanh"), False),
            HKP_PLANTS, "row"),
    # (the general form V_i^m = g(h_i^m) for any depth; HKP square g: g^2(h) = g(h)², not layer 2's g)
    "hkp_general": ([(4, "tanh"), (3, "tanh"), (2, "tanh")], "squared_error", 0.1, HKP_GENERAL_ANSWER, HKP_GENERAL,
                    ((3, 4, 3, 2), ("tanh", "tanh", "tanh"), True), None, "row"),
    "marsland": ([(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.25, MARSLAND_ANSWER, MARSLAND,
                 ((3, 4, 2), ("sigmoid", "sigmoid"), True), MARSLAND_PLANTS, "row"),
    "alpaydin": ([(4, "sigmoid"), (2, "identity")], "squared_error", 0.1, ALPAYDIN_ANSWER, ALPAYDIN,
                 ((3, 4, 2), ("sigmoid", "identity"), True), ALPAYDIN_PLANTS, "row"),
    "theodoridis": ([(4, "sigmoid"), (3, "sigmoid"), (2, "sigmoid")], "squared_error", 0.1, THEO_ANSWER, THEO,
                    ((3, 4, 3, 2), ("sigmoid", "sigmoid", "sigmoid"), True), THEO_PLANTS, "row"),
    # (ε = (d − f)² is twice the spec's ½‖y − ŷ‖² and δ = (d − f) ∂f/∂s minus J's derivative: ∂ε/∂W_i = −2 δ_i X holds,
    # W_i ← W_i + c δ_i X is the spec's step — c absorbs the 2 —, and W_i of the one output unit is its row)
    "nilsson": ([(4, "sigmoid"), (1, "sigmoid")], "squared_error", 0.5, NILSSON_ANSWER, NILSSON,
                ((3, 4, 1), ("sigmoid", "sigmoid"), True), NILSSON_PLANTS, "row"),
    # (Eisenstein's arrows chain x → z → y: layers 1 and 2, z the hidden output, θ_j row j, a bare b the output's bias)
    "eisenstein": ([(4, "sigmoid"), (3, "softmax")], "cross_entropy", 0.1, EISENSTEIN_ANSWER, EISENSTEIN,
                   ((3, 4, 3), ("sigmoid", "softmax"), True), EISENSTEIN_PLANTS, "column"),
    # (Trask's networks have no biases: judged with zero biases, judge._LAYER_PRODUCT)
    "trask": ([(4, "relu"), (1, "identity")], "squared_error", 0.2, TRASK_ANSWER, TRASK,
              ((3, 4, 1), ("relu", "identity"), False), TRASK_PLANTS, "row"),
    "zurada": ([(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.25, ZURADA_ANSWER, ZURADA,
               ((3, 4, 2), ("sigmoid", "sigmoid"), False), ZURADA_PLANTS, "row"),
    # (δ the book's −∂E^p/∂s whether the answer restates it or not)
    "kroese": ([(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.25, KROESE_ANSWER, KROESE,
               ((3, 4, 2), ("sigmoid", "sigmoid"), True), KROESE_PLANTS, "row"),
    "fausett": ([(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.25, FAUSETT_ANSWER, FAUSETT,
                ((3, 4, 2), ("sigmoid", "sigmoid"), True), FAUSETT_PLANTS, "row"),
    "islr": ([(4, "sigmoid"), (1, "identity")], "squared_error", 0.1, ISLR_ANSWER, ISLR,
             ((3, 4, 1), ("sigmoid", "identity"), True), ISLR_PLANTS, "row"),
}


def _notation_point(name: str):
    sizes, acts, biases = NOTATIONS[name][5]
    return _point(sizes, acts, squared=NOTATIONS[name][1] == "squared_error", biases=biases)


def _notation_spec(name: str, convention: str) -> str:
    layers, loss, rate = NOTATIONS[name][:3]
    return _spec(name, convention, 3, layers, loss, rate)


@pytest.mark.parametrize("convention", ["row", "column"])
@pytest.mark.parametrize("name", NOTATIONS)
def test_each_notation_reads_whole_and_every_claim_is_judged_as_numpy_says(tmp_path, name, convention):
    answer, claims = NOTATIONS[name][3:5]
    _judged_as_numpy_says(tmp_path, _notation_spec(name, convention), answer, claims, _notation_point(name))


@pytest.mark.parametrize("name", [n for n, entry in NOTATIONS.items() if entry[6] is not None])
def test_each_planted_slip_in_each_notation_is_found(tmp_path, name):
    answer, plants, convention = NOTATIONS[name][3], NOTATIONS[name][6], NOTATIONS[name][7]
    point = _notation_point(name)
    _planted_found(tmp_path, _notation_spec(name, convention), answer, plants, lambda claim: _oracle(claim, point))


def test_marslands_greek_unit_letters_are_named_as_he_writes_them(tmp_path):
    got = _verify(tmp_path, _notation_spec("marsland", "row"), MARSLAND_ANSWER)
    assert "for every ζ = 1…4" in got[_line(MARSLAND_ANSWER, next(iter(MARSLAND)))].message  # (not the Latin letter read)


def test_theodoridis_error_defined_target_first_flips_the_last_layers_delta(tmp_path):
    planted = THEO_ANSWER.replace(r"define $e_j(i) = \hat{y}_j(i) - y_j(i)$", r"define $e_j(i) = y_j(i) - \hat{y}_j(i)$")
    line = _line(planted, next(x for x in planted.splitlines() if x.startswith(r"$$\delta_j^L(i)")))
    assert _verify(tmp_path, _notation_spec("theodoridis", "row"), planted)[line].verdict == "incorrect"  # (δ^L's sign)


def test_nilssons_update_is_checked_at_every_layer(tmp_path):
    for convention in ("row", "column"):
        got = _verify(tmp_path, _notation_spec("nilsson", convention), NILSSON_ANSWER)
        assert got[_line(NILSSON_ANSWER, list(NILSSON)[3])].message.endswith("(checked layer by layer)")


def test_eisensteins_gradient_transposed_is_found(tmp_path):
    """Planted alone (beside the Θ_{k,j} slip two claims would lay Θ out the other way): 4×3 for 3×4."""
    right = r"(\hat{\boldsymbol{y}} - \boldsymbol{e}_{y^{(i)}}) \boldsymbol{z}^\top$$"
    transposed = EISENSTEIN_ANSWER.replace(right, r"\boldsymbol{z} (\hat{\boldsymbol{y}} - \boldsymbol{e}_{y^{(i)}})^\top$$")
    line = _line(transposed, next(x for x in transposed.splitlines() if x.endswith(r"^\top$$")))
    assert _verify(tmp_path, _notation_spec("eisenstein", "column"), transposed)[line].verdict == "incorrect"


def test_layer_letters_are_no_optimizer_state_and_a_patterns_error_is_the_data_term(tmp_path):
    """Found trying the readings on the DESIGN reference spec's optimizer and penalty: Theodoridis's layer letter r was
    taken for RMSprop's state r, HKP's m for Adam's m (both are read as gradproof's generic l now, named back), and
    his pattern error E(i) was the whole objective with its L2 term (a false reject: it is the data term L)."""
    spec = _notation_spec("theodoridis", "row").replace(
        '[optimizer]\nname = "sgd"', '[regularization]\nname = "l2"\nlambda = 0.1\n\n[optimizer]\nname = "rmsprop"\nbeta = 0.9\n'
        'epsilon = 1e-6')
    assert "rmsprop" in spec and "l2" in spec
    gradients = {k: v for k, v in THEO.items() if "\\Delta" not in k and "new" not in k}  # (an RMSprop step is no −μ δ y)
    _judged_as_numpy_says(tmp_path, spec, THEO_ANSWER, gradients, _notation_point("theodoridis"))  # (t: the data term's)
    got = _verify(tmp_path, spec, THEO_ANSWER)
    assert "r = 1, 2, 3" in got[_line(THEO_ANSWER, list(THEO)[2])].message
    adam = _notation_spec("hkp_general", "row").replace('name = "sgd"', 'name = "adam"\nbeta1 = 0.9\nbeta2 = 0.999\nepsilon = 1e-8')
    assert "adam" in adam
    _judged_as_numpy_says(tmp_path, adam, HKP_GENERAL_ANSWER, {k: v for k, v in HKP_GENERAL.items() if "\\Delta" not in k},
                          _notation_point("hkp_general"))  # (an Adam step is no η δ V)
