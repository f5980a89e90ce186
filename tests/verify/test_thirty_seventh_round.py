r"""The thirty-seventh round (issue 10): layers named by their role in a script, as students name them in homework —
``W_{out}``, ``b_{hidden}``, ``\delta_{\text{out}}``, ``z^{output}``, ``W^{[hidden]}``, the weights by the two layers
they join (``W_{ih}``, ``W_{ho}``; Karpathy's ``W_{xh}``, ``W_{hy}``), ``y_{out}`` the prediction beside ``y_{gt}``
the target. Before this round such an answer read one claim of twelve ("cannot read the index 'out' on W"). Every
expected verdict is decided by NumPy: central differences of the network written by hand
(test_thirty_fifth_round._point), the claims' right sides transcribed."""

from __future__ import annotations

import numpy as np
import pytest
from test_nineteenth_round_coordinator import _spec
from test_thirty_fifth_round import _oracle, _point
from test_thirty_sixth_round import _answer, _judged_as_numpy_says
from test_thirty_third_round import _line, _planted_found
from test_twenty_first_round import _verify

SIZES, ACTS = (3, 4, 3), ("tanh", "softmax")


def _delta_hidden(v, t):
    return (1 - v["h"][1] ** 2) * (v["W"][2].T @ t["a"][2])


def _claims(hidden: str, out: str, w_hidden: str | None = None, w_out: str | None = None) -> dict:
    """The answer of one hidden layer in one naming: ``hidden`` and ``out`` the scripts of the layers' quantities
    (``_{hid}``, ``^{output}``), ``w_hidden``/``w_out`` the weights' own names where they differ (``W_{ih}``)."""
    wh, wo = w_hidden or f"W{hidden}", w_out or f"W{out}"
    return {
        rf"$$z{hidden} = {wh} x + b{hidden}$$": lambda v, t: [(v["W"][1] @ v["x"] + v["b"][1], v["a"][1])],
        rf"$$h = \tanh(z{hidden})$$": lambda v, t: [(np.tanh(v["a"][1]), v["h"][1])],
        rf"$$z{out} = {wo} h + b{out}$$": lambda v, t: [(v["W"][2] @ v["h"][1] + v["b"][2], v["a"][2])],
        rf"$$\hat y = \mathrm{{softmax}}(z{out})$$": None,
        r"$$L = -\sum_k y_k \log \hat y_k$$": None,
        rf"$$\delta{out} = \hat y - y$$": lambda v, t: [(v["h"][2] - v["e"], t["a"][2])],
        rf"$$\frac{{\partial L}}{{\partial {wo}}} = \delta{out} h^T$$": lambda v, t: [(np.outer(t["a"][2], v["h"][1]), t["W"][2])],
        rf"$$\frac{{\partial L}}{{\partial b{out}}} = \delta{out}$$": lambda v, t: [(t["a"][2], t["b"][2])],
        rf"$$\delta{hidden} = ({wo}^T \delta{out}) \odot (1 - h^2)$$": lambda v, t: [(_delta_hidden(v, t), t["a"][1])],
        rf"$$\frac{{\partial L}}{{\partial {wh}}} = \delta{hidden} x^T$$":
            lambda v, t: [(np.outer(_delta_hidden(v, t), v["x"]), t["W"][1])],
        rf"$$\frac{{\partial L}}{{\partial b{hidden}}} = \delta{hidden}$$": lambda v, t: [(_delta_hidden(v, t), t["b"][1])],
    }


#: naming -> (the scripts and weight names given to _claims)
NAMINGS = {
    "words": ("_{hid}", "_{out}"),
    "long_words": ("_{hidden}", "_{output}"),
    "text_words": (r"_{\text{hidden}}", r"_{\text{out}}"),
    "mathrm_letters": (r"_{\mathrm{h}}", r"_{\mathrm{o}}"),
    "superscript_words": ("^{hidden}", "^{output}"),
    "bracket_words": ("^{[hidden]}", "^{[out]}"),
    "pairs": ("_h", "_o", "W_{ih}", "W_{ho}"),
    "karpathy_pairs": ("_h", "_o", "W_{xh}", "W_{hy}"),
}


def _body(name: str) -> tuple[str, dict]:
    claims = _claims(*NAMINGS[name])
    return _answer("One hidden layer", claims), claims


@pytest.mark.parametrize("convention", ["row", "column"])
@pytest.mark.parametrize("name", NAMINGS)
def test_layers_named_by_their_role_read_whole_and_every_claim_is_judged_as_numpy_says(tmp_path, name, convention):
    body, claims = _body(name)
    spec = _spec("roles", convention, 3, [(4, "tanh"), (3, "softmax")], "cross_entropy", 0.1)
    _judged_as_numpy_says(tmp_path, spec, body, claims, _point(SIZES, ACTS))


def _plants(name: str) -> dict:
    hidden, out, *weights = NAMINGS[name]
    wh, wo = weights or (f"W{hidden}", f"W{out}")
    return {
        r"= \hat y - y$$": (r"= y - \hat y$$", lambda v, t: [(v["e"] - v["h"][2], t["a"][2])]),
        r"\odot (1 - h^2)$$": (r"\odot (1 + h^2)$$", lambda v, t: [(
            (1 + v["h"][1] ** 2) * (v["W"][2].T @ t["a"][2]), t["a"][1])]),
        rf"= \delta{hidden} x^T$$": (rf"= x \delta{hidden}^T$$", None),  # (3×4 for 4×3)
        rf"= \delta{out} h^T$$": (rf"= \delta{out} x^T$$", None),  # (3×3 for 3×4)
    }


@pytest.mark.parametrize("name", ["words", "text_words", "superscript_words", "pairs"])
def test_each_planted_slip_in_role_named_layers_is_found(tmp_path, name):
    body, _ = _body(name)
    spec = _spec("roles", "column", 3, [(4, "tanh"), (3, "softmax")], "cross_entropy", 0.1)
    point = _point(SIZES, ACTS)
    _planted_found(tmp_path, spec, body, _plants(name), lambda claim: _oracle(claim, point))


def test_the_output_named_by_its_role_is_not_read_beside_a_numbered_last_layer(tmp_path):
    """Charatsidis's W_1, W_2 and W_out: a chain of three layers, so W_out is not the 2-layer network's W_2 — a claim
    naming it is unchecked with the reason, never judged as layer 2 (before this round: unreadable anyway)."""
    spec = _spec("roles", "column", 3, [(4, "tanh"), (3, "softmax")], "cross_entropy", 0.1)
    body = _answer("Three weights", [
        r"$$\frac{\partial L}{\partial W_{out}} = \delta_{out} z_2^T$$",
        r"$$\frac{\partial L}{\partial W_2} = (W_{out}^T \delta_{out}) z_1^T$$"])
    got = _verify(tmp_path, spec, body)
    for line in body.splitlines():
        if line.startswith("$$"):
            result = got[_line(body, line)]
            assert result.verdict == "unchecked" and "names a layer by its role" in result.message, result.message


@pytest.mark.parametrize("target", ["y_{gt}", r"y_{\mathrm{one-hot}}", "y_{actual}"])
def test_y_out_is_the_prediction_and_y_gt_the_target(tmp_path, target):
    spec = _spec("roles", "column", 3, [(4, "tanh"), (3, "softmax")], "cross_entropy", 0.1)
    claims = {rf"$$\delta_{{out}} = y_{{out}} - {target}$$": lambda v, t: [(v["h"][2] - v["e"], t["a"][2])],
              rf"$$\frac{{\partial L}}{{\partial W_{{out}}}} = (y_{{out}} - {target}) h^T$$":
                  lambda v, t: [(np.outer(v["h"][2] - v["e"], v["h"][1]), t["W"][2])]}
    body = _answer("The output layer", [r"$$z_{hid} = W_{hid} x + b_{hid}$$", r"$$h = \tanh(z_{hid})$$",
                                        r"$$z_{out} = W_{out} h + b_{out}$$", r"$$y_{out} = \mathrm{softmax}(z_{out})$$", *claims])
    _judged_as_numpy_says(tmp_path, spec, body, claims, _point(SIZES, ACTS))
    swapped = body.replace(rf"\delta_{{out}} = y_{{out}} - {target}", rf"\delta_{{out}} = {target} - y_{{out}}")
    line = _line(swapped, rf"$$\delta_{{out}} = {target} - y_{{out}}$$")
    assert _verify(tmp_path, spec, swapped)[line].verdict == "incorrect"


def test_layers_named_by_letters_square_their_bare_activation(tmp_path):
    """U and V, b and c name the layers and h = tanh(a) is defined without one: 1 − h² is a square (before: "h^2 is
    layer 2 or a square, and nothing in the answer says which")."""
    claims = {
        r"$$\mathbf{a} = \mathbf{U} \mathbf{x} + \mathbf{b}$$": lambda v, t: [(v["W"][1] @ v["x"] + v["b"][1], v["a"][1])],
        r"$$\mathbf{h} = \tanh(\mathbf{a})$$": None,
        r"$$\mathbf{o} = \mathbf{V} \mathbf{h} + \mathbf{c}$$": lambda v, t: [(v["W"][2] @ v["h"][1] + v["b"][2], v["a"][2])],
        r"$$\frac{\partial L}{\partial \mathbf{o}} = \hat{\mathbf{y}} - \mathbf{y}$$": lambda v, t: [(v["h"][2] - v["e"], t["a"][2])],
        r"$$\frac{\partial L}{\partial \mathbf{a}} = (\mathbf{V}^T \frac{\partial L}{\partial \mathbf{o}}) \odot (1 - \mathbf{h}^2)$$":
            lambda v, t: [(_delta_hidden(v, t), t["a"][1])],
        r"$$\frac{\partial L}{\partial \mathbf{U}} = \frac{\partial L}{\partial \mathbf{a}} \mathbf{x}^T$$":
            lambda v, t: [(np.outer(_delta_hidden(v, t), v["x"]), t["W"][1])],
    }
    body = _answer("Letters for layers", [r"$$\hat{\mathbf{y}} = \mathrm{softmax}(\mathbf{o})$$", *claims])
    for convention in ("row", "column"):
        spec = _spec("letters", convention, 3, [(4, "tanh"), (3, "softmax")], "cross_entropy", 0.1)
        _judged_as_numpy_says(tmp_path, spec, body, claims, _point(SIZES, ACTS))
    spec = _spec("letters", "column", 3, [(4, "tanh"), (3, "softmax")], "cross_entropy", 0.1)
    slip = body.replace(r"(1 - \mathbf{h}^2)", r"(1 - \mathbf{h})")
    assert _verify(tmp_path, spec, slip)[_line(slip, next(x for x in slip.splitlines() if r"(1 - \mathbf{h})" in x))
                                         ].verdict == "incorrect"


#: Rashid's *Make Your Own Neural Network*: W_{ih}, W_{ho}, I the inputs, o the layers' outputs, e the errors, `*` the
#: elementwise product, no biases; his hidden error W_{ho}^T e_{output} skips the output's sigmoid slope
RASHID = "\n\n".join([
    "# Backpropagating the errors",
    r"The hidden layer's outputs are $$o_{hidden} = \mathrm{sigmoid}(W_{ih} \cdot I)$$ and the final outputs",
    r"$$o_{output} = \mathrm{sigmoid}(W_{ho} \cdot o_{hidden})$$",
    r"$$e_{output} = t - o_{output}$$",
    r"$$e_{hidden} = W_{ho}^T \cdot e_{output}$$",
    r"$$\Delta W_{ho} = \alpha \, (e_{output} * o_{output} * (1 - o_{output})) \cdot o_{hidden}^T$$",
    r"$$\Delta W_{ih} = \alpha \, (e_{hidden} * o_{hidden} * (1 - o_{hidden})) \cdot x^T$$"]) + "\n"


def test_weights_named_by_the_layers_they_join_vote_on_how_the_answer_lays_w_out(tmp_path):
    """W_{ho} h in a column-layout spec: W_{ih}, W_{ho} were taken for entries and cast no vote on the layout, so the
    forward definition was judged wrong ("missing transpose") and the step too — two false rejects. Now the step holds
    and Rashid's hidden error (the output's slope left out) is wrong, as NumPy says."""
    spec = _spec("rashid", "column", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.3).replace(
        'activation = "sigmoid"\n', 'activation = "sigmoid"\nbias = false\n')
    got = _verify(tmp_path, spec, RASHID)
    v, t = _point((3, 4, 2), ("sigmoid", "sigmoid"), squared=True, biases=False)
    e = v["e"] - v["h"][2]
    step = 0.3 * np.outer(e * v["h"][2] * (1 - v["h"][2]), v["h"][1])
    assert _oracle(lambda v, t: [(step, -0.3 * t["W"][2])], (v, t)) == "correct"
    rashid = 0.3 * np.outer((v["W"][2].T @ e) * v["h"][1] * (1 - v["h"][1]), v["x"])
    assert _oracle(lambda v, t: [(rashid, -0.3 * t["W"][1])], (v, t)) == "incorrect"
    for text, verdict in ((r"$$o_{output} = \mathrm{sigmoid}(W_{ho} \cdot o_{hidden})$$", "correct"),
                          (r"\Delta W_{ho} = ", "correct"), (r"\Delta W_{ih} = ", "incorrect")):
        line = _line(RASHID, next(x for x in RASHID.splitlines() if text in x))
        assert got[line].verdict == verdict, (text, got[line].message)


# -- the layer first in a subscript, after a comma: a_{l,j}, w_{l,jk}, \omega_{l+1,j,k} (XDean's study note) -----------
DEEP, DEEP_ACTS = (3, 4, 3, 2), ("sigmoid", "sigmoid", "sigmoid")


def _sig_slope(a):
    s = 1 / (1 + np.exp(-a))
    return s * (1 - s)


LAYER_FIRST = {
    r"$$z_{l,j} = \sum_k w_{l,jk} a_{l-1,k} + b_{l,j}$$":
        lambda v, t: [(v["W"][k] @ v["h"][k - 1] + v["b"][k], v["a"][k]) for k in (1, 2, 3)],
    r"$$\delta_{L,j} = (a_{L,j} - y_j) \sigma'(z_{L,j})$$": lambda v, t: [((v["h"][3] - v["e"]) * _sig_slope(v["a"][3]), t["a"][3])],
    r"$$\delta_{l,j} = \sum_k w_{l+1,kj} \delta_{l+1,k} \sigma'(z_{l,j})$$":
        lambda v, t: [((v["W"][k + 1].T @ t["a"][k + 1]) * _sig_slope(v["a"][k]), t["a"][k]) for k in (1, 2)],
    r"$$\frac{\partial C}{\partial w_{l,jk}} = a_{l-1,k} \delta_{l,j}$$":
        lambda v, t: [(np.outer(t["a"][k], v["h"][k - 1]), t["W"][k]) for k in (1, 2, 3)],
    r"$$\frac{\partial C}{\partial b_{l,j}} = \delta_{l,j}$$": lambda v, t: [(t["a"][k], t["b"][k]) for k in (1, 2, 3)],
}
LAYER_FIRST_ANSWER = _answer("Backpropagation, the layer first", [
    r"$$a_{l,j} = \sigma(z_{l,j})$$", r"$$C = \frac{1}{2} \sum_j (y_j - a_{L,j})^2$$", *LAYER_FIRST])
LAYER_FIRST_PLANTS = {
    r"\sum_k w_{l+1,kj} \delta_{l+1,k}": (r"\sum_k w_{l+1,jk} \delta_{l+1,k}", None),  # (j counts 3 and 4 units)
    r"= a_{l-1,k} \delta_{l,j}$$": (r"= a_{l,k} \delta_{l,j}$$", None),  # (k counts 4 units of l = 1 and 3 inputs)
    r"= (a_{L,j} - y_j) \sigma'": (r"= (y_j - a_{L,j}) \sigma'", lambda v, t: [
        ((v["e"] - v["h"][3]) * _sig_slope(v["a"][3]), t["a"][3])]),
}
#: the weights written from j to k, Greek, two commas (XDean's ω_{l,i,j} from unit i of layer l − 1 to unit j)
SOURCE_FIRST = {
    r"$$z_{l,k} = \sum_j \omega_{l,j,k} a_{l-1,j} + b_{l,k}$$":
        lambda v, t: [(v["W"][k] @ v["h"][k - 1] + v["b"][k], v["a"][k]) for k in (1, 2, 3)],
    r"$$\delta_{l,j} = a_{l,j} (1 - a_{l,j}) \sum_k \omega_{l+1,j,k} \delta_{l+1,k}$$":
        lambda v, t: [(v["h"][k] * (1 - v["h"][k]) * (v["W"][k + 1].T @ t["a"][k + 1]), t["a"][k]) for k in (1, 2)],
    r"$$\frac{\partial E}{\partial \omega_{l,j,k}} = \delta_{l,k} a_{l-1,j}$$":
        lambda v, t: [(np.outer(t["a"][k], v["h"][k - 1]), t["W"][k]) for k in (1, 2, 3)],
}
SOURCE_FIRST_ANSWER = _answer("The weights from j to k", [
    r"$$a_{l,k} = \sigma(z_{l,k})$$", r"$$E = \frac{1}{2} \sum_k (a_{L,k} - t_k)^2$$", *SOURCE_FIRST])


@pytest.mark.parametrize("convention", ["row", "column"])
@pytest.mark.parametrize("answer", ["target_first", "source_first"])
def test_the_layer_first_after_a_comma_reads_and_every_claim_is_judged_as_numpy_says(tmp_path, answer, convention):
    body, claims = (LAYER_FIRST_ANSWER, LAYER_FIRST) if answer == "target_first" else (SOURCE_FIRST_ANSWER, SOURCE_FIRST)
    spec = _spec("layerfirst", convention, 3, [(4, "sigmoid"), (3, "sigmoid"), (2, "sigmoid")], "squared_error", 0.5)
    _judged_as_numpy_says(tmp_path, spec, body, claims, _point(DEEP, DEEP_ACTS, squared=True))


def test_each_planted_slip_in_the_layer_first_notation_is_found(tmp_path):
    spec = _spec("layerfirst", "row", 3, [(4, "sigmoid"), (3, "sigmoid"), (2, "sigmoid")], "squared_error", 0.5)
    point = _point(DEEP, DEEP_ACTS, squared=True)
    _planted_found(tmp_path, spec, LAYER_FIRST_ANSWER, LAYER_FIRST_PLANTS, lambda claim: _oracle(claim, point))
    swapped = SOURCE_FIRST_ANSWER.replace(r"\sum_k \omega_{l+1,j,k}", r"\sum_k \omega_{l+1,k,j}")
    line = _line(swapped, next(x for x in swapped.splitlines() if r"\omega_{l+1,k,j}" in x))
    assert _verify(tmp_path, spec, swapped)[line].verdict == "incorrect"


def test_a_layer_first_weight_whose_order_nothing_says_is_not_judged_on_a_guess(tmp_path):
    """No sum of the answer's own says whether w_{l,jk} is from j to k or into j from k (no book fixes it for this
    notation): the claims with the weight are unchecked, naming the definition that would say."""
    spec = _spec("layerfirst", "row", 3, [(4, "sigmoid"), (3, "sigmoid"), (2, "sigmoid")], "squared_error", 0.5)
    body = LAYER_FIRST_ANSWER.replace(next(iter(LAYER_FIRST)), r"$$a_{l-1,k}$$ feeds $$z_{l,j}$$.")
    got = _verify(tmp_path, spec, body)
    for text in list(LAYER_FIRST)[2:4]:
        result = got[_line(body, text)]
        assert result.verdict == "unchecked" and "Nothing in the answer says" in result.message, result.message
    assert got[_line(body, list(LAYER_FIRST)[4])].verdict == "correct"


# -- the layers named o and h in superscripts (w^o_{kj}, \delta^h_j, net^{hid}_j); entries with no sum to order them --
SIG, SIG_ACTS = (3, 4, 2), ("sigmoid", "sigmoid")


def _out_delta(v):
    return (v["h"][2] - v["e"]) * v["h"][2] * (1 - v["h"][2])


def _role_claims(h: str, o: str) -> dict:
    return {
        rf"$$net^{h}_j = \sum_i w^{h}_{{ji}} x_i + b^{h}_j$$": lambda v, t: [(v["W"][1] @ v["x"] + v["b"][1], v["a"][1])],
        rf"$$net^{o}_k = \sum_j w^{o}_{{kj}} h_j + b^{o}_k$$": lambda v, t: [(v["W"][2] @ v["h"][1] + v["b"][2], v["a"][2])],
        rf"$$\delta^{o}_k = (o_k - t_k) o_k (1 - o_k)$$": lambda v, t: [(_out_delta(v), t["a"][2])],
        rf"$$\delta^{h}_j = h_j (1 - h_j) \sum_k w^{o}_{{kj}} \delta^{o}_k$$":
            lambda v, t: [(v["h"][1] * (1 - v["h"][1]) * (v["W"][2].T @ _out_delta(v)), t["a"][1])],
        rf"$$\frac{{\partial E}}{{\partial w^{o}_{{kj}}}} = \delta^{o}_k h_j$$":
            lambda v, t: [(np.outer(_out_delta(v), v["h"][1]), t["W"][2])],
        rf"$$\frac{{\partial E}}{{\partial w^{h}_{{ji}}}} = \delta^{h}_j x_i$$": lambda v, t: [(np.outer(
            v["h"][1] * (1 - v["h"][1]) * (v["W"][2].T @ _out_delta(v)), v["x"]), t["W"][1])],
    }


def _role_answer(h: str, o: str) -> tuple[str, dict]:
    claims = _role_claims(h, o)
    return _answer("Two sigmoid layers", [rf"$$h_j = \sigma(net^{h}_j)$$", rf"$$o_k = \sigma(net^{o}_k)$$",
                                          r"$$E = \frac{1}{2} \sum_k (t_k - o_k)^2$$", *claims]), claims


@pytest.mark.parametrize("convention", ["row", "column"])
@pytest.mark.parametrize("scripts", [("h", "o"), ("{hid}", "{out}"), ("{hidden}", "{output}")])
def test_layers_named_o_and_h_in_superscripts_read_and_every_claim_is_judged_as_numpy_says(tmp_path, scripts, convention):
    """w^o_{kj} beside w^h_{ji} (option role_letters); net^{hid}_j with "hid" one word (before, its letters made the
    bias b^{hid}_j part of the sum over i: a false reject of the definition)."""
    body, claims = _role_answer(*scripts)
    spec = _spec("roles", convention, 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.5)
    _judged_as_numpy_says(tmp_path, spec, body, claims, _point(SIG, SIG_ACTS, squared=True))


def test_layered_entries_with_no_sum_of_the_answers_own_are_read_as_its_claims_read_them(tmp_path):
    """w^{(2)}_{kj} into k from j, and no definition to say so: in a column-layout spec every claim with such an entry
    had been judged wrong ("the index j counts both 2 entries and 4 entries") — the spec's layout is no evidence of a
    notation's letter order. Now the claims decide (infer: a reading that reads more of them right), and an index
    swapped in one of them is still wrong."""
    body, claims = _role_answer("{(1)}", "{(2)}")
    body = "\n".join(x for x in body.splitlines() if not x.startswith("$$net"))
    kept = {k: c for k, c in claims.items() if not k.startswith("$$net")}
    point = _point(SIG, SIG_ACTS, squared=True)
    for convention in ("row", "column"):
        spec = _spec("entries", convention, 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.5)
        _judged_as_numpy_says(tmp_path, spec, body, kept, point)
        swapped = body.replace(r"\sum_k w^{(2)}_{kj}", r"\sum_k w^{(2)}_{jk}")
        line = _line(swapped, next(x for x in swapped.splitlines() if r"w^{(2)}_{jk}" in x))
        assert _verify(tmp_path, spec, swapped)[line].verdict == "incorrect"


# -- the operator by one weight before an expression of entries; an entry of a transposed matrix -----------------------
def _dh2_dw2(v) -> np.ndarray:
    """∂h^{(2)}_k/∂w^{(2)}_{kj} for every k, j, by central differences of the output layer."""
    def out(W):
        return 1 / (1 + np.exp(-(W @ v["h"][1] + v["b"][2])))

    slope = np.zeros_like(v["W"][2])
    for k, j in np.ndindex(slope.shape):
        step = np.zeros_like(v["W"][2])
        step[k, j] = 1e-6
        slope[k, j] = (out(v["W"][2] + step)[k] - out(v["W"][2] - step)[k]) / 2e-6
    return slope


def test_the_operator_by_one_weight_before_an_expression_of_entries_is_its_derivative(tmp_path):
    """maxamb's ∂/∂ω_{ji} a_i ω_{ji}, Soliday's ∂/∂W_{k,j} σ(z_m): the operator by one weight before a product or a
    function of entries that ends the side (before: "the derivative of an expression written out … is read with the
    expression in parentheses after it, by z, h, ŷ or x"); before a whole vector (W h + b, which entry is meant is not
    written) it stays unread."""
    spec = _spec("by_weight", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.5)
    v, _t = _point(SIG, SIG_ACTS, squared=True)
    slope = _dh2_dw2(v)
    assert np.allclose(slope, np.outer(_sig_slope(v["a"][2]), v["h"][1]), atol=1e-6)  # (σ'(z_k) h_j, not σ(z_k) h_j)
    assert not np.allclose(slope, np.outer(1 / (1 + np.exp(-v["a"][2])), v["h"][1]), atol=1e-6)
    right = {
        r"$$\frac{\partial z^{(2)}_j}{\partial w^{(2)}_{ji}} = \frac{\partial}{\partial w^{(2)}_{ji}} h^{(1)}_i w^{(2)}_{ji} "
        r"= h^{(1)}_i$$": "correct",
        r"$$\frac{\partial h^{(2)}_k}{\partial w^{(2)}_{kj}} = \frac{\partial}{\partial w^{(2)}_{kj}} \sigma(z^{(2)}_k) = "
        r"\sigma'(z^{(2)}_k) h^{(1)}_j$$": "correct",
        r"$$\frac{\partial h^{(2)}_k}{\partial w^{(2)}_{kj}} = \frac{\partial}{\partial w^{(2)}_{kj}} \sigma(z^{(2)}_k) = "
        r"\sigma(z^{(2)}_k) h^{(1)}_j$$": "incorrect",
        # (the slip in the operator's own side: σ(z_k) h_j by w_kj is σ'(z_k) h_j², not the right end's σ'(z_k) h_j;
        # before, that side was left out and the claim judged right)
        r"$$\frac{\partial h^{(2)}_k}{\partial w^{(2)}_{kj}} = \frac{\partial}{\partial w^{(2)}_{kj}} \sigma(z^{(2)}_k) h^{(1)}_j "
        r"= \sigma'(z^{(2)}_k) h^{(1)}_j$$": "incorrect",
        r"$$\frac{\partial z^{(2)}_j}{\partial w^{(2)}_{ji}} = \frac{\partial}{\partial w^{(2)}_{ji}} (W^{(2)} h^{(1)} + "
        r"b^{(2)})$$": "unchecked",
    }
    body = _answer("By one weight", [r"$$z^{(2)}_j = \sum_i w^{(2)}_{ji} h^{(1)}_i + b^{(2)}_j$$", *right])
    got = _verify(tmp_path, spec, body)
    for text, verdict in right.items():
        assert got[_line(body, text)].verdict == verdict, (text, got[_line(body, text)].message)
        assert verdict == "unchecked" or "could not be read" not in got[_line(body, text)].message, text


def test_an_entry_of_a_transposed_matrix_is_the_matrixs_entry_the_other_way_round(tmp_path):
    """W^{(2)T}_{jk} is W^{(2)}_{kj}: Σ_k W^{(2)T}_{jk} δ^{(2)}_k had been judged wrong ("the index j runs over 2 and 4
    entries") — a false reject; W^{(2)}_{jk} there is still wrong."""
    spec = _spec("transposed", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.5)
    v, t = _point(SIG, SIG_ACTS, squared=True)
    assert _oracle(lambda v, t: [(v["W"][2].T @ t["a"][2], t["h"][1])], (v, t)) == "correct"
    claims = {r"$$\frac{\partial J}{\partial h^{(1)}_j} = \sum_k W^{(2)T}_{jk} \delta^{(2)}_k$$": "correct",
              r"$$\frac{\partial J}{\partial h^{(1)}_j} = \sum_k W^{(2)}_{kj} \delta^{(2)}_k$$": "correct",
              r"$$\frac{\partial J}{\partial h^{(1)}_j} = \sum_k W^{(2)}_{jk} \delta^{(2)}_k$$": "incorrect"}
    body = _answer("Transposed", claims)
    got = _verify(tmp_path, spec, body)
    for text, verdict in claims.items():
        assert got[_line(body, text)].verdict == verdict, (text, got[_line(body, text)].message)


def test_a_kronecker_delta_with_the_true_class_is_the_one_hot_targets_entry(tmp_path):
    """δ_{ky}, δ_{k,y}, δ_{yk}: 1 where k is the true class y — entry k of the one-hot target (before: "cannot read the
    index 'ky' on delta"); beside ŷ_k, the softmax with cross-entropy's ∂L/∂z_k. A sign slip is still wrong."""
    spec = _spec("kronecker", "row", 3, [(4, "tanh"), (3, "softmax")], "cross_entropy", 0.1)
    point = _point(SIZES, ACTS)
    assert _oracle(lambda v, t: [(v["h"][2] - v["e"], t["a"][2])], point) == "correct"
    claims = {rf"$$\frac{{\partial L}}{{\partial z^{{(2)}}_k}} = \hat y_k - {d}$$": "correct"
              for d in (r"\delta_{ky}", r"\delta_{k,y}", r"\delta_{yk}")}
    claims[r"$$\frac{\partial L}{\partial z^{(2)}_k} = \hat y_k + \delta_{ky}$$"] = "incorrect"
    body = _answer("Kronecker", claims)
    got = _verify(tmp_path, spec, body)
    for text, verdict in claims.items():
        assert got[_line(body, text)].verdict == verdict, (text, got[_line(body, text)].message)


#: Mitchell's *Machine Learning*, Table 4.2 (BACKPROPAGATION), as students copy it: no definitions, k the output
#: units, h the hidden ones, δ = −∂E/∂net, the step added
MITCHELL = {
    r"$$\delta_k = o_k (1 - o_k)(t_k - o_k)$$": lambda v, t: [(-_out_delta(v), -t["a"][2])],
    r"$$\delta_h = o_h (1 - o_h) \sum_{k} w_{kh} \delta_k$$":
        lambda v, t: [(-v["h"][1] * (1 - v["h"][1]) * (v["W"][2].T @ _out_delta(v)), -t["a"][1])],
    r"$$\Delta w_{kh} = \eta \delta_k o_h$$": lambda v, t: [(-np.outer(_out_delta(v), v["h"][1]), -t["W"][2])],
    r"$$\Delta w_{hi} = \eta \delta_h x_i$$": lambda v, t: [(
        -np.outer(v["h"][1] * (1 - v["h"][1]) * (v["W"][2].T @ _out_delta(v)), v["x"]), -t["W"][1])],
}


@pytest.mark.parametrize("convention", ["row", "column"])
def test_mitchells_table_read_from_its_letters_alone(tmp_path, convention):
    """δ_k with the target first after the slope, the step added: Mitchell's sign (option delta_sign); o_h the output of
    hidden unit h where the letters name the layers (before: o_h was the whole hidden layer, W_h's reading, and nothing
    of the table read)."""
    spec = _spec("mitchell", convention, 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.5)
    body = _answer("Backpropagation, stochastic", MITCHELL)
    _judged_as_numpy_says(tmp_path, spec, body, MITCHELL, _point(SIG, SIG_ACTS, squared=True))


def test_a_slip_in_mitchells_table_is_found(tmp_path):
    """A value slip is wrong in his sign too (an index slip under a reading of the letters alone is unchecked, naming
    the layers that would decide: the existing rule)."""
    spec = _spec("mitchell", "column", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.5)
    point = _point(SIG, SIG_ACTS, squared=True)
    plants = {r"= o_h (1 - o_h) \sum": (r"= o_h (1 + o_h) \sum", lambda v, t: [(
        -v["h"][1] * (1 + v["h"][1]) * (v["W"][2].T @ _out_delta(v)), -t["a"][1])])}
    _planted_found(tmp_path, spec, _answer("Backpropagation, stochastic", MITCHELL), plants,
                   lambda claim: _oracle(claim, point))


def test_a_coefficient_before_the_ones_vector_scales_the_column_sums(tmp_path):
    """\\frac{1}{N} \\mathbf{1}^T (\\hat Y - Y), the batch's ∂L/∂b written with the ones row after the mean's 1/N (before:
    "a scalar times a vector of ones"). The formula is checked first on a random batch by central differences."""
    from conftest import central_differences

    rng = np.random.default_rng(37)
    X, W1, b1 = rng.normal(size=(5, 3)), rng.normal(size=(3, 4)), rng.normal(size=4)
    W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=3)
    Y = np.eye(3)[rng.integers(0, 3, size=5)]

    def probs(b):
        z = np.tanh(X @ W1 + b1) @ W2 + b
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    true = central_differences(lambda q: float(-np.mean(np.sum(Y * np.log(probs(q["b"])), axis=1))), {"b": b2.copy()})["b"]
    assert np.allclose(np.ones(5) @ (probs(b2) - Y) / 5, true, atol=1e-7)
    spec = _spec("ones", "row", 3, [(4, "tanh"), (3, "softmax")], "cross_entropy", 0.1)
    claims = {r"$$\frac{\partial L}{\partial b_{out}} = \frac{1}{N} \mathbf{1}^T (\hat Y - Y)$$": "correct",
              r"$$\frac{\partial L}{\partial b_{out}} = \frac{1}{N} \mathbf{1}^T (Y - \hat Y)$$": "incorrect"}
    body = _answer("A batch of N rows", [r"$$H = \tanh(X W_{hid} + b_{hid})$$",
                                         r"$$\hat Y = \mathrm{softmax}(H W_{out} + b_{out})$$",
                                         r"$$L = -\frac{1}{N} \sum_{n=1}^{N} \sum_k Y_{nk} \log \hat Y_{nk}$$", *claims])
    got = _verify(tmp_path, spec, body)
    for text, verdict in claims.items():
        assert got[_line(body, text)].verdict == verdict, (text, got[_line(body, text)].message)


def test_hidden_layers_numbered_after_an_h_in_a_deeper_network(tmp_path):
    """W_{h1}, b_{h2}, δ_{h2} beside W_{out} in a network of two hidden layers (option hidden_numbered; Mazur's δ_{h1},
    a hidden unit of a one-hidden-layer network, is untouched: the option needs W_{h1} and two hidden layers)."""
    sizes, acts = (3, 4, 5, 2), ("relu", "relu", "softmax")
    v, t = _point(sizes, acts)
    d3 = v["h"][3] - v["e"]
    d2 = (v["W"][3].T @ d3) * (v["a"][2] > 0)
    d1 = (v["W"][2].T @ d2) * (v["a"][1] > 0)
    claims = {
        r"$$\delta_{out} = \hat y - y$$": lambda v, t: [(d3, t["a"][3])],
        r"$$\frac{\partial L}{\partial W_{out}} = \delta_{out} h_2^T$$": lambda v, t: [(np.outer(d3, v["h"][2]), t["W"][3])],
        r"$$\delta_{h2} = (W_{out}^T \delta_{out}) \odot \mathbb{1}[h_2 > 0]$$": lambda v, t: [(d2, t["a"][2])],
        r"$$\frac{\partial L}{\partial W_{h2}} = \delta_{h2} h_1^T$$": lambda v, t: [(np.outer(d2, v["h"][1]), t["W"][2])],
        r"$$\delta_{h1} = (W_{h2}^T \delta_{h2}) \odot \mathbb{1}[h_1 > 0]$$": lambda v, t: [(d1, t["a"][1])],
        r"$$\frac{\partial L}{\partial b_{h1}} = \delta_{h1}$$": lambda v, t: [(d1, t["b"][1])],
    }
    body = _answer("Two hidden layers", [r"$$h_1 = \mathrm{ReLU}(W_{h1} x + b_{h1})$$",
                                         r"$$h_2 = \mathrm{ReLU}(W_{h2} h_1 + b_{h2})$$",
                                         r"$$\hat y = \mathrm{softmax}(W_{out} h_2 + b_{out})$$", *claims])
    for convention in ("row", "column"):
        spec = _spec("hidden", convention, 3, [(4, "relu"), (5, "relu"), (2, "softmax")], "cross_entropy", 0.1)
        _judged_as_numpy_says(tmp_path, spec, body, claims, (v, t))
    slip = body.replace(r"(W_{h2}^T \delta_{h2})", r"(W_{h1}^T \delta_{h2})")
    line = _line(slip, next(x for x in slip.splitlines() if r"W_{h1}^T" in x))
    assert _verify(tmp_path, spec, slip)[line].verdict == "incorrect"


def test_forward_definitions_listed_on_one_line_are_read_as_definitions(tmp_path):
    """z_{hid} = W_{hid} x + b_{hid}, \\quad h = \\tanh(z_{hid}), … on one line: each a definition (infer.definitions
    splits the line as the judge does), so h is the hidden layer's and 1 − h² a square (before: "h needs a layer index",
    four of six claims unread)."""
    spec = _spec("listed", "column", 3, [(4, "tanh"), (3, "softmax")], "cross_entropy", 0.1).replace(
        "[optimizer]", '[regularization]\nname = "l2"\nlambda = 0.01\n\n[optimizer]')
    lam, rate = 0.01, 0.1
    v, t = _point(SIZES, ACTS)

    def l2_grad(k):  # ∂(data + λ/2 ‖W‖²)/∂W: the data term's by central differences (t), the penalty's λW
        return t["W"][k] + lam * v["W"][k]

    claims = {
        r"$$\frac{\partial J}{\partial W_{out}} = (\hat y - y) h^T + \lambda W_{out}$$":
            lambda v, t: [(np.outer(v["h"][2] - v["e"], v["h"][1]) + lam * v["W"][2], l2_grad(2))],
        r"$$\frac{\partial J}{\partial W_{hid}} = \left[(W_{out}^T (\hat y - y)) \odot (1 - h^2)\right] x^T + \lambda W_{hid}$$":
            lambda v, t: [(np.outer(_delta_hidden(v, t), v["x"]) + lam * v["W"][1], l2_grad(1))],
        r"$$W_{out} \leftarrow (1 - \eta\lambda) W_{out} - \eta (\hat y - y) h^T$$":
            lambda v, t: [((1 - rate * lam) * v["W"][2] - rate * np.outer(v["h"][2] - v["e"], v["h"][1]),
                           v["W"][2] - rate * l2_grad(2))],
    }
    body = _answer("With weight decay", [
        r"$$z_{hid} = W_{hid} x + b_{hid}, \quad h = \tanh(z_{hid}), \quad z_{out} = W_{out} h + b_{out}, \quad "
        r"\hat y = \mathrm{softmax}(z_{out})$$",
        r"$$J = -\sum_k y_k \log \hat y_k + \frac{\lambda}{2} \left(\|W_{hid}\|_F^2 + \|W_{out}\|_F^2\right)$$", *claims])
    _judged_as_numpy_says(tmp_path, spec, body, claims, (v, t))
