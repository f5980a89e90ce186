r"""The thirty-fifth round (issue 10): Hugo Larochelle's notation (his neural-network course, IFT 725 at Sherbrooke,
and the courses built on its slides) — every layer's quantity a function of the example, ``\mathbf{h}^{(k)}(\mathbf{x})``,
``\mathbf{a}^{(k)}(\mathbf{x}) = \mathbf{b}^{(k)} + \mathbf{W}^{(k)} \mathbf{h}^{(k-1)}(\mathbf{x})``, the output
``\mathbf{f}(\mathbf{x}) = \mathbf{o}(\mathbf{a}^{(L+1)}(\mathbf{x}))`` with L the number of hidden layers, the loss
written out under each derivative (``\nabla_{\mathbf{a}^{(k)}(\mathbf{x})} -\log f(\mathbf{x})_y``), the one-hot
target ``\mathbf{e}(y)``, ``1_{(y=c)}``, and a vector by its entry ``[\ldots, g'(a^{(k)}(\mathbf{x})_j), \ldots]``. Before
this round such an answer read 3 of 14 claims and two right forward definitions were judged wrong (``(\mathbf{x})``
read as a product with x). Every expected verdict is decided here by NumPy: central differences of the network written
by hand, the claims' right sides transcribed."""

from __future__ import annotations

import numpy as np
from conftest import central_differences
from test_nineteenth_round_coordinator import _spec
from test_thirty_third_round import _line, _planted_found
from test_twenty_first_round import _verify

#: two tanh hidden layers (L = 2), a softmax output, the cross-entropy of one example of class y = 1 (0-based)
SIZES, ACTS = (4, 5, 3, 3), ("tanh", "tanh", "softmax")
SPEC = _spec("ift725", "row", 4, [(5, "tanh"), (3, "tanh"), (3, "softmax")], "cross_entropy", 0.05)
LOSS = r"-\log f(\mathbf{x})_y"

FORWARD = {
    r"$$\mathbf{h}^{(0)}(\mathbf{x}) = \mathbf{x}$$": lambda v, t: [(v["h"][0], v["x"])],
    r"$$\mathbf{a}^{(k)}(\mathbf{x}) = \mathbf{b}^{(k)} + \mathbf{W}^{(k)} \mathbf{h}^{(k-1)}(\mathbf{x})$$":
        lambda v, t: [(v["b"][k] + v["W"][k] @ v["h"][k - 1], v["a"][k]) for k in (1, 2, 3)],
    r"$$\mathbf{h}^{(L+1)}(\mathbf{x}) = \mathbf{o}(\mathbf{a}^{(L+1)}(\mathbf{x})) = \mathbf{f}(\mathbf{x})$$":
        lambda v, t: [(_softmax(v["a"][3]), v["h"][3])],
}

GRADIENTS = {
    r"$$g'(a) = 1 - g(a)^2$$": lambda v, t: [(1 - np.tanh(v["a"][1]) ** 2, t["slope"])],
    rf"$$\frac{{\partial}}{{\partial f(\mathbf{{x}})_c}} {LOSS} = \frac{{-1_{{(y=c)}}}}{{f(\mathbf{{x}})_y}}$$":
        lambda v, t: [(-v["e"] / v["h"][3][v["label"]], t["f"])],
    rf"$$\nabla_{{\mathbf{{f}}(\mathbf{{x}})}} {LOSS} = \frac{{-\mathbf{{e}}(y)}}{{f(\mathbf{{x}})_y}}$$":
        lambda v, t: [(-v["e"] / v["h"][3][v["label"]], t["f"])],
    rf"$$\frac{{\partial}}{{\partial a^{{(L+1)}}(\mathbf{{x}})_c}} {LOSS} = -\left(1_{{(y=c)}} - f(\mathbf{{x}})_c\right)$$":
        lambda v, t: [(-(v["e"] - v["h"][3]), t["a"][3])],
    rf"$$\frac{{\partial}}{{\partial h^{{(k-1)}}(\mathbf{{x}})_j}} {LOSS} = \sum_i \frac{{\partial {LOSS}}}{{\partial a^{{(k)}}"
    r"(\mathbf{x})_i} W^{(k)}_{i,j}$$":
        lambda v, t: [(v["W"][k].T @ t["a"][k], t["h"][k - 1]) for k in (2, 3)],
    rf"$$\frac{{\partial}}{{\partial a^{{(k)}}(\mathbf{{x}})_j}} {LOSS} = \frac{{\partial {LOSS}}}{{\partial h^{{(k)}}(\mathbf{{x}})_j}}"
    r" \, g'(a^{(k)}(\mathbf{x})_j)$$":
        lambda v, t: [(t["h"][k] * (1 - np.tanh(v["a"][k]) ** 2), t["a"][k]) for k in (1, 2)],
    rf"$$\frac{{\partial}}{{\partial W^{{(k)}}_{{i,j}}}} {LOSS} = \frac{{\partial {LOSS}}}{{\partial a^{{(k)}}(\mathbf{{x}})_i}} \, "
    r"h^{(k-1)}(\mathbf{x})_j$$":
        lambda v, t: [(np.outer(t["a"][k], v["h"][k - 1]), t["W"][k]) for k in (1, 2, 3)],
    rf"$$\frac{{\partial}}{{\partial b^{{(k)}}_i}} {LOSS} = \frac{{\partial {LOSS}}}{{\partial a^{{(k)}}(\mathbf{{x}})_i}}$$":
        lambda v, t: [(t["a"][k], t["b"][k]) for k in (1, 2, 3)],
    rf"$$\nabla_{{\mathbf{{a}}^{{(L+1)}}(\mathbf{{x}})}} {LOSS} = -\left(\mathbf{{e}}(y) - \mathbf{{f}}(\mathbf{{x}})\right)$$":
        lambda v, t: [(-(v["e"] - v["h"][3]), t["a"][3])],
    rf"$$\nabla_{{\mathbf{{W}}^{{(k)}}}} {LOSS} = \left(\nabla_{{\mathbf{{a}}^{{(k)}}(\mathbf{{x}})}} {LOSS}\right) "
    r"\mathbf{h}^{(k-1)}(\mathbf{x})^\top$$":
        lambda v, t: [(np.outer(t["a"][k], v["h"][k - 1]), t["W"][k]) for k in (1, 2, 3)],
    rf"$$\nabla_{{\mathbf{{b}}^{{(k)}}}} {LOSS} = \nabla_{{\mathbf{{a}}^{{(k)}}(\mathbf{{x}})}} {LOSS}$$":
        lambda v, t: [(t["a"][k], t["b"][k]) for k in (1, 2, 3)],
    rf"$$\nabla_{{\mathbf{{h}}^{{(k-1)}}(\mathbf{{x}})}} {LOSS} = \mathbf{{W}}^{{(k)\top}} \left(\nabla_{{\mathbf{{a}}^{{(k)}}"
    rf"(\mathbf{{x}})}} {LOSS}\right)$$":
        lambda v, t: [(v["W"][k].T @ t["a"][k], t["h"][k - 1]) for k in (2, 3)],
    rf"$$\nabla_{{\mathbf{{a}}^{{(k)}}(\mathbf{{x}})}} {LOSS} = \left(\nabla_{{\mathbf{{h}}^{{(k)}}(\mathbf{{x}})}} {LOSS}\right) "
    r"\odot \left(1 - \mathbf{h}^{(k)}(\mathbf{x})^2\right)$$":
        lambda v, t: [(t["h"][k] * (1 - v["h"][k] ** 2), t["a"][k]) for k in (1, 2)],
    rf"$$\nabla_{{\mathbf{{a}}^{{(k)}}(\mathbf{{x}})}} {LOSS} = \left(\nabla_{{\mathbf{{h}}^{{(k)}}(\mathbf{{x}})}} {LOSS}\right) "
    r"\odot \left[\ldots, g'(a^{(k)}(\mathbf{x})_j), \ldots\right]$$":
        lambda v, t: [(t["h"][k] * (1 - np.tanh(v["a"][k]) ** 2), t["a"][k]) for k in (1, 2)],
}

ANSWER = ("# IFT 725, devoir 1: the gradients of a network with $L = 2$ hidden layers\n\nThe forward pass:\n\n"
          + "\n\n".join(FORWARD) + "\n\nThe hidden units use $g(a) = \\tanh(a)$.\n\n" + "\n\n".join(GRADIENTS) + "\n")

#: the slips a student makes, each with its NumPy transcription (every one wrong at some layer the claim is about)
PLANTS = {
    r"= -\left(\mathbf{e}(y) - \mathbf{f}(\mathbf{x})\right)$$": (
        r"= \mathbf{e}(y) - \mathbf{f}(\mathbf{x})$$", lambda v, t: [(v["e"] - v["h"][3], t["a"][3])]),
    r"\right) \mathbf{h}^{(k-1)}(\mathbf{x})^\top$$": (
        r"\right) \mathbf{h}^{(k)}(\mathbf{x})^\top$$", None),  # (a shape that cannot hold: 5×5 for 5×4)
    r"= \mathbf{W}^{(k)\top} \left(": (r"= \mathbf{W}^{(k)} \left(", None),  # (5×4 times 5×1)
    r"\odot \left(1 - \mathbf{h}^{(k)}(\mathbf{x})^2\right)$$": (
        r"\odot \mathbf{h}^{(k)}(\mathbf{x}) \odot \left(1 - \mathbf{h}^{(k)}(\mathbf{x})\right)$$",
        lambda v, t: [(t["h"][k] * v["h"][k] * (1 - v["h"][k]), t["a"][k]) for k in (1, 2)]),
    r"\, h^{(k-1)}(\mathbf{x})_j$$": (r"\, h^{(k-1)}(\mathbf{x})_i$$", None),  # (i counts 5 and 4 entries at k = 1)
    r"= \frac{-1_{(y=c)}}{f(\mathbf{x})_y}$$": (
        r"= \frac{1_{(y=c)}}{f(\mathbf{x})_y}$$", lambda v, t: [(v["e"] / v["h"][3][v["label"]], t["f"])]),
    r"W^{(k)}_{i,j}$$": (r"W^{(k)}_{j,i}$$", None),  # (j counts 3 and 5 entries at k = 2)
    r"\, g'(a^{(k)}(\mathbf{x})_j)$$": (
        r"\, g'(h^{(k)}(\mathbf{x})_j)$$",
        lambda v, t: [(t["h"][k] * (1 - np.tanh(v["h"][k]) ** 2), t["a"][k]) for k in (1, 2)]),
    r"$$g'(a) = 1 - g(a)^2$$": (r"$$g'(a) = 1 - g(a)$$", lambda v, t: [(1 - np.tanh(v["a"][1]), t["slope"])]),
}


def _softmax(a):
    e = np.exp(a - a.max())
    return e / e.sum()


def _act(name: str, a):
    return {"tanh": np.tanh, "sigmoid": lambda u: 1 / (1 + np.exp(-u)), "softmax": _softmax,
            "relu": lambda u: np.maximum(u, 0.0), "identity": lambda u: u}[name](a)


def _point(sizes=SIZES, acts=ACTS, squared: bool = False, biases: bool = True):
    """One example of class 1 at a random point: the forward values by layer (h[0] = x) and the loss's true gradients
    by central differences — by the parameters, by each layer's a and h through the layers above, by the output f.
    The loss is the cross-entropy, or ½‖ŷ − y‖² (``squared``); every bias 0 where ``biases`` is False."""
    rng = np.random.default_rng(35)
    depth = len(acts)
    W = {k: rng.normal(size=(sizes[k], sizes[k - 1])) for k in range(1, depth + 1)}
    b = {k: rng.normal(size=sizes[k]) * biases for k in range(1, depth + 1)}
    x, label = rng.normal(size=sizes[0]), min(1, sizes[-1] - 1)
    e = np.eye(sizes[-1])[label]

    def loss(out):
        return 0.5 * float(np.sum((out - e) ** 2)) if squared else -float(np.log(out[label]))

    def from_h(k, h, q):  # the loss from layer k's activation up
        for m in range(k + 1, depth + 1):
            h = _act(acts[m - 1], q["W"][m] @ h + q["b"][m])
        return loss(h)

    def from_a(k, a, q):
        return from_h(k, _act(acts[k - 1], a), q)

    v = {"W": W, "b": b, "x": x, "label": label, "e": e, "h": {0: x}, "a": {}}
    for k in range(1, depth + 1):
        v["a"][k] = W[k] @ v["h"][k - 1] + b[k]
        v["h"][k] = _act(acts[k - 1], v["a"][k])
    flat = {f"W{k}": W[k].copy() for k in W} | {f"b{k}": b[k].copy() for k in b}
    grads = central_differences(lambda q: from_h(0, x, {"W": {k: q[f"W{k}"] for k in W}, "b": {k: q[f"b{k}"] for k in b}}),
                                flat)
    t = {"W": {k: grads[f"W{k}"] for k in W}, "b": {k: grads[f"b{k}"] for k in b},
         "a": {k: central_differences(lambda q, k=k: from_a(k, q["v"], v), {"v": v["a"][k].copy()})["v"]
               for k in range(1, depth + 1)},
         "h": {k: central_differences(lambda q, k=k: from_h(k, q["v"], v), {"v": v["h"][k].copy()})["v"]
               for k in range(depth)},
         "f": central_differences(lambda q: loss(q["f"]), {"f": v["h"][depth].copy()})["f"]}
    slope = central_differences(lambda q: float(np.sum(_act(acts[0], q["a"]))), {"a": v["a"][1].copy()})["a"]
    t["slope"] = slope
    return v, t


def _oracle(claim, point=None) -> str:
    """The verdict of a claim transcribed in NumPy: claim(values, true) -> [(its value, the true one)] for every
    layer it is about; correct when every one holds."""
    v, t = point or _point()
    pairs = claim(v, t)
    held = all(np.shape(got) == np.shape(want) and np.allclose(got, want, rtol=1e-5, atol=1e-7) for got, want in pairs)
    return "correct" if held else "incorrect"


def test_larochelles_answer_reads_whole_and_every_claim_is_judged_as_numpy_says(tmp_path):
    got = _verify(tmp_path, SPEC, ANSWER)
    point = _point()
    for text, claim in {**FORWARD, **GRADIENTS}.items():
        assert got[_line(ANSWER, text)].verdict == _oracle(claim, point) == "correct", (text, got[_line(ANSWER, text)].message)


def test_each_planted_slip_in_larochelles_notation_is_found(tmp_path):
    point = _point()
    _planted_found(tmp_path, SPEC, ANSWER, PLANTS, lambda claim: _oracle(claim, point))


ONE_HIDDEN = "\n\n".join([
    r"# Backprop, one hidden layer", r"Forward propagation, with $\mathbf{h}^{(0)}(\mathbf{x}) = \mathbf{x}$:",
    r"$$\mathbf{h}^{(0)}(\mathbf{x}) = \mathbf{x}$$",
    r"$$\mathbf{h}^{(k)}(\mathbf{x}) = \mathbf{g}(\mathbf{a}^{(k)}(\mathbf{x}))$$",
    r"$$\mathbf{h}^{(L+1)}(\mathbf{x}) = \mathbf{o}(\mathbf{a}^{(L+1)}(\mathbf{x})) = \mathbf{f}(\mathbf{x})$$",
    rf"$$l(\mathbf{{f}}(\mathbf{{x}}), y) = {LOSS}$$",
    rf"$$\nabla_{{\mathbf{{a}}^{{(k)}}(\mathbf{{x}})}} {LOSS} = \left(\nabla_{{\mathbf{{h}}^{{(k)}}(\mathbf{{x}})}} {LOSS}\right) "
    r"\odot \left[\ldots, g'(a^{(k)}(\mathbf{x})_j), \ldots\right]$$",
    rf"$$\nabla_{{\mathbf{{a}}^{{(k)}}(\mathbf{{x}})}} {LOSS} = \left(\nabla_{{\mathbf{{h}}^{{(k)}}(\mathbf{{x}})}} {LOSS}\right) "
    r"\odot \mathbf{h}^{(k)}(\mathbf{x}) \odot (1 - \mathbf{h}^{(k)}(\mathbf{x}))$$",
    rf"$$\nabla_{{\mathbf{{a}}^{{(L+1)}}(\mathbf{{x}})}} {LOSS} = \mathbf{{f}}(\mathbf{{x}}) - \mathbf{{e}}(y)$$",
    r"$$\mathbf{W}^{(k)} \leftarrow \mathbf{W}^{(k)} - \alpha \nabla_{\mathbf{W}^{(k)}} l(\mathbf{f}(\mathbf{x}), y)$$"]) + "\n"


def test_one_hidden_layer_the_output_is_layer_l_plus_1_and_the_elementwise_slope_is_the_hidden_layers(tmp_path):
    """L = 1 hidden sigmoid layer: L + 1 is the softmax output; a generic rule written with g' elementwise (or the
    sigmoid's slope h(1 − h)) is about the hidden layer, not the softmax."""
    spec = _spec("ift725b", "row", 3, [(4, "sigmoid"), (3, "softmax")], "cross_entropy", 0.1)
    got = _verify(tmp_path, spec, ONE_HIDDEN)
    lines = [x for x in ONE_HIDDEN.splitlines() if x.startswith("$$")]
    assert [got[_line(ONE_HIDDEN, x)].verdict for x in lines] == ["correct"] * len(lines)
    v, t = _point((3, 4, 3), ("sigmoid", "softmax"))
    sig = 1 / (1 + np.exp(-v["a"][1]))
    assert _oracle(lambda v, t: [(t["h"][1] * sig * (1 - sig), t["a"][1])], (v, t)) == "correct"
    for x in lines[4:6]:
        assert "k = 1 " in got[_line(ONE_HIDDEN, x)].message  # (the hidden layer only)
    # L + 1 is the softmax layer: the output's gradient with its sign flipped is wrong there (NumPy: f − e(y) holds)
    assert _oracle(lambda v, t: [(v["h"][2] - v["e"], t["a"][2])], (v, t)) == "correct"
    wrong = ONE_HIDDEN.replace(r"= \mathbf{f}(\mathbf{x}) - \mathbf{e}(y)$$", r"= \mathbf{e}(y) - \mathbf{f}(\mathbf{x})$$")
    line = next(x for x in wrong.splitlines() if x.endswith(r"= \mathbf{e}(y) - \mathbf{f}(\mathbf{x})$$"))
    assert _verify(tmp_path, spec, wrong)[_line(wrong, line)].verdict == "incorrect"


def test_a_letter_as_a_function_elsewhere_is_not_read_as_larochelles(tmp_path):
    """The reading needs two layered quantities of the input or the loss written −log f(x)_y: an answer defining its
    own f(x) (funcdef's activation) keeps L the last layer."""
    spec = _spec("plain", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.5)
    body = ("# Nielsen's notation\n\n$$f(x) = \\frac{1}{1 + e^{-x}}$$\n\n"
            "$$\\delta^{L} = (a^{L} - y) \\odot a^{L} \\odot (1 - a^{L})$$\n")
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(spec)
    (tmp_path / "answer.md").write_text(body)
    results, meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    line = _line(body, "$$\\delta^{L} = (a^{L} - y) \\odot a^{L} \\odot (1 - a^{L})$$")
    assert next(r for r in results if r.id == line).verdict == "correct"
    assert not any("Larochelle" in n for n in meta["notation"])
    (tmp_path / "answer.md").write_text(ANSWER)
    assert any("Larochelle" in n for n in verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))[1]["notation"])


#: NYU's deep-learning course (LeCun and Canziani, DS-GA 1008): h = f(W_h x + b_h), ŷ = g(W_y h + b_y) — each layer's
#: parameters named by the quantity the layer gives; f the ReLU, g the softmax; s_1, s_2 the answer's own summed inputs
NYU_SPEC = _spec("dsga1008", "row", 3, [(4, "relu"), (2, "softmax")], "cross_entropy", 0.1)
def _b(text: str) -> str:
    """§ written for \boldsymbol (NYU's bold letters)."""
    return text.replace("§", r"\boldsymbol")


NYU = {_b(k): v for k, v in {
    r"$$§{h} = f(§{W}_h §{x} + §{b}_h)$$": lambda v, t: [(np.maximum(v["W"][1] @ v["x"] + v["b"][1], 0), v["h"][1])],
    r"$$§{\hat{y}} = g(§{W}_y §{h} + §{b}_y)$$": lambda v, t: [(_softmax(v["W"][2] @ v["h"][1] + v["b"][2]), v["h"][2])],
    r"$$§{s}_1 = §{W}_h §{x} + §{b}_h$$": lambda v, t: [(v["W"][1] @ v["x"] + v["b"][1], v["a"][1])],
    r"$$§{s}_2 = §{W}_y §{h} + §{b}_y$$": lambda v, t: [(v["W"][2] @ v["h"][1] + v["b"][2], v["a"][2])],
    r"$$\frac{\partial \ell}{\partial §{s}_2} = §{\hat{y}} - §{y}$$": lambda v, t: [(v["h"][2] - v["e"], t["a"][2])],
    r"$$\frac{\partial \ell}{\partial §{W}_y} = \frac{\partial \ell}{\partial §{s}_2} §{h}^\top$$":
        lambda v, t: [(np.outer(t["a"][2], v["h"][1]), t["W"][2])],
    r"$$\frac{\partial \ell}{\partial §{b}_y} = \frac{\partial \ell}{\partial §{s}_2}$$": lambda v, t: [(t["a"][2], t["b"][2])],
    r"$$\frac{\partial \ell}{\partial §{h}} = §{W}_y^\top \frac{\partial \ell}{\partial §{s}_2}$$":
        lambda v, t: [(v["W"][2].T @ t["a"][2], t["h"][1])],
    r"$$\frac{\partial \ell}{\partial §{s}_1} = \frac{\partial \ell}{\partial §{h}} \odot \mathbb{1}(§{s}_1 > 0)$$":
        lambda v, t: [(t["h"][1] * (v["a"][1] > 0), t["a"][1])],
    r"$$\frac{\partial \ell}{\partial §{W}_h} = \frac{\partial \ell}{\partial §{s}_1} §{x}^\top$$":
        lambda v, t: [(np.outer(t["a"][1], v["x"]), t["W"][1])],
    r"$$\frac{\partial \ell}{\partial §{b}_h} = \frac{\partial \ell}{\partial §{s}_1}$$": lambda v, t: [(t["a"][1], t["b"][1])],
}.items()}
NYU_ANSWER = ("# DS-GA 1008, homework 1: backprop by hand\n\nThe network, with $f$ the ReLU and $g$ the softmax:\n\n"
              + "\n\n".join(NYU) + "\n")
NYU_PLANTS = {_b(k): (_b(p), c) for k, (p, c) in {
    r"= §{\hat{y}} - §{y}$$": (r"= §{y} - §{\hat{y}}$$", lambda v, t: [(v["e"] - v["h"][2], t["a"][2])]),
    r"§{s}_2} §{h}^\top$$": (r"§{s}_2} §{x}^\top$$", None),  # (2×3 for 2×4)
    r"§{b}_y} = \frac{\partial \ell}{\partial §{s}_2}$$": (r"§{b}_y} = \frac{\partial \ell}{\partial §{s}_1}$$", None),
    r"= §{W}_y^\top \frac": (r"= §{W}_h^\top \frac", None),  # (3×4 times 2×1)
    r"\odot \mathbb{1}(§{s}_1 > 0)$$": (r"\odot §{s}_1$$", lambda v, t: [(t["h"][1] * v["a"][1], t["a"][1])]),
    r"§{s}_1} §{x}^\top$$": (r"§{s}_1} §{h}^\top$$", None),  # (4×4 for 4×3)
    r"g(§{W}_y §{h} + §{b}_y)$$": (r"g(§{W}_y §{x} + §{b}_y)$$", None),  # (2×4 times 3×1)
}.items()}


def test_nyus_layers_named_by_what_they_give_read_and_each_claim_is_judged_as_numpy_says(tmp_path):
    """W_y, b_y (and Karpathy's W_{xh}, W_{hy}) are the output's and the hidden layer's; ŷ = g(W_y h + b_y) applies
    the output's activation (g of a layer's own sum: before, the hidden layer's ReLU, a false reject)."""
    point = _point((3, 4, 2), ("relu", "softmax"))
    def karpathy(text: str) -> str:
        return text.replace(_b("§{W}_h"), _b("§{W}_{xh}")).replace(_b("§{W}_y"), _b("§{W}_{hy}"))

    for named in (lambda text: text, karpathy):
        body = named(NYU_ANSWER)
        got = _verify(tmp_path, NYU_SPEC, body)
        for text, claim in NYU.items():
            line = named(text)
            assert got[_line(body, line)].verdict == _oracle(claim, point) == "correct", (line, got[_line(body, line)].message)


def test_each_planted_slip_in_nyus_letters_is_found(tmp_path):
    point = _point((3, 4, 2), ("relu", "softmax"))
    _planted_found(tmp_path, NYU_SPEC, NYU_ANSWER, NYU_PLANTS, lambda claim: _oracle(claim, point))


def test_a_class_row_w_y_in_softmax_regression_is_not_a_layer(tmp_path):
    """Lowercase w_y (the row of the true class y) never makes W_y a layer: the reading needs a capital W named so."""
    spec = _spec("softreg", "row", 3, [(4, "relu"), (2, "softmax")], "cross_entropy", 0.1)
    body = "# Softmax\n\n$$\\frac{\\partial L}{\\partial w_y} = -(1 - p_y) x$$\n"
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(spec)
    (tmp_path / "answer.md").write_text(body)
    results, meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    assert not any("W_y" in n for n in meta["notation"]) and results[0].verdict == "unchecked"


#: Berkeley's CS 189 (Shewchuk's lectures): h = s(Vx), ŷ = s(Wh) with no biases written, s(γ) the logistic function of
#: its own variable γ, V_i and W_i the rows; the half squared error
CS189_SPEC = _spec("cs189", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.1)
CS189 = {
    r"$$s(\gamma) = \frac{1}{1 + e^{-\gamma}}$$": lambda v, t: [(1 / (1 + np.exp(-v["a"][1])), v["h"][1])],
    r"$$s'(\gamma) = s(\gamma)(1 - s(\gamma))$$": lambda v, t: [(v["h"][1] * (1 - v["h"][1]), t["slope"])],
    r"$$h = s(Vx)$$": lambda v, t: [(1 / (1 + np.exp(-v["W"][1] @ v["x"])), v["h"][1])],
    r"$$\hat{y} = s(Wh)$$": lambda v, t: [(1 / (1 + np.exp(-v["W"][2] @ v["h"][1])), v["h"][2])],
    r"$$\nabla_{\hat{y}} L = \hat{y} - y$$": lambda v, t: [(v["h"][2] - v["e"], t["f"])],
    r"$$\nabla_{W_i} L = (\hat{y}_i - y_i)\, \hat{y}_i (1 - \hat{y}_i)\, h$$":
        lambda v, t: [(np.outer((v["h"][2] - v["e"]) * v["h"][2] * (1 - v["h"][2]), v["h"][1]), t["W"][2])],
    r"$$\nabla_h L = W^T \left( (\hat{y} - y) \odot \hat{y} \odot (1 - \hat{y}) \right)$$":
        lambda v, t: [(v["W"][2].T @ ((v["h"][2] - v["e"]) * v["h"][2] * (1 - v["h"][2])), t["h"][1])],
    r"$$\nabla_{V_i} L = (\nabla_h L)_i \, h_i (1 - h_i)\, x$$":
        lambda v, t: [(np.outer(t["h"][1] * v["h"][1] * (1 - v["h"][1]), v["x"]), t["W"][1])],
    r"$$\nabla_W L = \left( (\hat{y} - y) \odot \hat{y} \odot (1 - \hat{y}) \right) h^T$$":
        lambda v, t: [(np.outer((v["h"][2] - v["e"]) * v["h"][2] * (1 - v["h"][2]), v["h"][1]), t["W"][2])],
    r"$$\nabla_V L = \left( \nabla_h L \odot h \odot (1 - h) \right) x^T$$":
        lambda v, t: [(np.outer(t["h"][1] * v["h"][1] * (1 - v["h"][1]), v["x"]), t["W"][1])],
}
CS189_ANSWER = ("# CS 189, homework 6: backpropagation\n\nThe logistic function $s$ is applied componentwise; $V_i$, "
                "$W_i$ are the rows of $V$, $W$; $L = \\frac{1}{2}\\|\\hat{y} - y\\|^2$.\n\n" + "\n\n".join(CS189) + "\n")
CS189_PLANTS = {
    r"$$s'(\gamma) = s(\gamma)(1 - s(\gamma))$$": (
        r"$$s'(\gamma) = s(\gamma)(1 - \gamma)$$", lambda v, t: [(v["h"][1] * (1 - v["a"][1]), t["slope"])]),
    r"$$\hat{y} = s(Wh)$$": (r"$$\hat{y} = s(Vh)$$", None),  # (4×3 times 4×1)
    r"$$\nabla_{\hat{y}} L = \hat{y} - y$$": (
        r"$$\nabla_{\hat{y}} L = y - \hat{y}$$", lambda v, t: [(v["e"] - v["h"][2], t["f"])]),
    r"(1 - \hat{y}_i)\, h$$": (r"(1 - \hat{y}_i)\, x$$", None),  # (3 entries for 4)
    r"\right) h^T$$": (r"\right) x^T$$", None),  # (2×3 for 2×4)
    r"\odot h \odot (1 - h) \right) x^T$$": (
        r"\right) x^T$$", lambda v, t: [(np.outer(t["h"][1], v["x"]), t["W"][1])]),
    r"(\nabla_h L)_i \, h_i (1 - h_i)\, x$$": (
        r"(\nabla_h L)_i \, h_i \, x$$", lambda v, t: [(np.outer(t["h"][1] * v["h"][1], v["x"]), t["W"][1])]),
}


def test_shewchuks_v_and_w_with_no_biases_and_s_of_gamma_read_and_each_claim_is_judged_as_numpy_says(tmp_path):
    """V the hidden layer's weights, W the output's (h = s(Vx), ŷ = s(Wh)); no bias written anywhere: judged at points
    where the spec's biases are 0 (before: ŷ = s(Wh) was judged wrong for its missing bias); s(γ), s'(γ) about the
    logistic function of its own variable; ∇_h L the hidden layer's gradient (before: read as Nielsen's ∇_a C, by
    the output)."""
    got = _verify(tmp_path, CS189_SPEC, CS189_ANSWER)
    point = _point((3, 4, 2), ("sigmoid", "sigmoid"), squared=True, biases=False)
    for text, claim in CS189.items():
        assert got[_line(CS189_ANSWER, text)].verdict == _oracle(claim, point) == "correct", (text, got[_line(CS189_ANSWER, text)].message)


def test_each_planted_slip_in_shewchuks_letters_is_found(tmp_path):
    point = _point((3, 4, 2), ("sigmoid", "sigmoid"), squared=True, biases=False)
    _planted_found(tmp_path, CS189_SPEC, CS189_ANSWER, CS189_PLANTS, lambda claim: _oracle(claim, point))


def test_a_bias_written_anywhere_keeps_the_spec_biases_and_a_missing_one_is_wrong(tmp_path):
    """The biases are set to 0 only where the answer writes none: with b written once, s(Wh) misses W's bias."""
    body = CS189_ANSWER.replace("$$h = s(Vx)$$", "$$h = s(Vx + b)$$")
    got = _verify(tmp_path, CS189_SPEC, body)
    assert got[_line(body, r"$$\hat{y} = s(Wh)$$")].verdict != "correct"


#: Larochelle's regularized SGD: Ω(θ) = Σ_k ‖W^{(k)}‖²_F (no ½) beside Δ = −∇l − λ∇Ω(θ) — the answer's λ is half the
#: spec's (λ/2 ‖W‖²); the gradient of the example's loss written with f(x^{(t)}; θ) and a^{(k)}(x^{(t)})
REG_SPEC = _spec("ift725reg", "row", 3, [(4, "sigmoid"), (3, "softmax")], "cross_entropy", 0.1).replace(
    "\n[optimizer]", '\n[regularization]\nname = "l2"\nlambda = 0.02\nscaling = "none"\n\n[optimizer]')
LAMBDA, RATE = 0.02, 0.1
X_T = r"\mathbf{x}^{(t)}"
REG = {
    r"$$\Omega(\boldsymbol{\theta}) = \sum_k \sum_i \sum_j \left(W^{(k)}_{i,j}\right)^2$$": None,
    r"$$\nabla_{\mathbf{W}^{(k)}} \Omega(\boldsymbol{\theta}) = 2 \mathbf{W}^{(k)}$$":
        lambda v, t: [(2 * v["W"][k], central_differences(lambda q: float(np.sum(q["W"] ** 2)), {"W": v["W"][k].copy()})["W"])
                      for k in (1, 2)],
    rf"$$\nabla_{{\mathbf{{W}}^{{(k)}}}} l(\mathbf{{f}}({X_T}; \boldsymbol{{\theta}}), y^{{(t)}}) = "
    rf"\left(\nabla_{{\mathbf{{a}}^{{(k)}}({X_T})}} -\log f({X_T})_{{y^{{(t)}}}}\right) \mathbf{{h}}^{{(k-1)}}({X_T})^\top$$":
        lambda v, t: [(np.outer(t["a"][k], v["h"][k - 1]), t["W"][k]) for k in (1, 2)],
    rf"$$\mathbf{{W}}^{{(k)}} \leftarrow \mathbf{{W}}^{{(k)}} - \alpha \left(\nabla_{{\mathbf{{W}}^{{(k)}}}} l(\mathbf{{f}}({X_T}; "
    r"\boldsymbol{\theta}), y^{(t)}) + 2 \lambda \mathbf{W}^{(k)}\right)$$":  # (the answer's λ: the spec's λ/2)
        lambda v, t: [(v["W"][k] - RATE * (t["W"][k] + 2 * (LAMBDA / 2) * v["W"][k]),
                       v["W"][k] - RATE * (t["W"][k] + LAMBDA * v["W"][k])) for k in (1, 2)],
}
REG_ANSWER = ("# SGD with weight decay\n\nFor each example $(\\mathbf{x}^{(t)}, y^{(t)})$: $\\Delta = -\\nabla_{\\boldsymbol{"
              "\\theta}} l(\\mathbf{f}(\\mathbf{x}^{(t)}; \\boldsymbol{\\theta}), y^{(t)}) - \\lambda \\nabla_{\\boldsymbol{\\theta}} "
              "\\Omega(\\boldsymbol{\\theta})$, then $\\boldsymbol{\\theta} \\leftarrow \\boldsymbol{\\theta} + \\alpha \\Delta$.\n\n"
              + "\n\n".join(REG) + "\n")


def test_larochelles_weight_decay_without_a_half_is_his_convention_and_each_claim_is_judged_as_numpy_says(tmp_path):
    """Ω = ΣW² with λΩ in the step: the answer's λ is the spec's λ/2 (before: Ω = ΣW², ∇Ω = 2W and the step were all
    judged wrong against the spec's ½ΣW²); ∇_W l(f(x^{(t)}; θ), y^{(t)}) is the example's loss gradient (before: f(x)
    in the loss was read as an activation of x — a false reject of the whole step)."""
    got = _verify(tmp_path, REG_SPEC, REG_ANSWER)
    point = _point((3, 4, 3), ("sigmoid", "softmax"))
    for text, claim in REG.items():
        assert got[_line(REG_ANSWER, text)].verdict == "correct", (text, got[_line(REG_ANSWER, text)].message)
        assert claim is None or _oracle(claim, point) == "correct", text
    for wrong, claim in ((r"= 2 \mathbf{W}^{(k)}$$", r"= \mathbf{W}^{(k)}$$"),
                         (r"+ 2 \lambda \mathbf{W}^{(k)}\right)$$", r"+ \lambda \mathbf{W}^{(k)}\right)$$")):
        body = REG_ANSWER.replace(wrong, claim)
        line = next(x for x in body.splitlines() if x.endswith(claim))
        assert _verify(tmp_path, REG_SPEC, body)[_line(body, line)].verdict == "incorrect", claim
    v, t = point
    assert _oracle(lambda v, t: [(v["W"][1], 2 * v["W"][1])], point) == "incorrect"
    assert not np.allclose(v["W"][1] - RATE * (t["W"][1] + LAMBDA / 2 * v["W"][1]), v["W"][1] - RATE * (t["W"][1] + LAMBDA * v["W"][1]))


#: Murphy's MLaPP §16.5.4: a_n = V x_n, z_n = g(a_n), b_n = W z_n, ŷ_n = h(b_n) for case n (no bias written: clamped
#: inputs), δ^w, δ^v each layer's δ named by its weights, w_k and v_j the rows of W and V
MLAPP_SPEC = _spec("mlapp", "row", 3, [(4, "tanh"), (2, "softmax")], "cross_entropy", 0.1)
MLAPP = {
    r"$$\mathbf{a}_n = \mathbf{V} \mathbf{x}_n$$": lambda v, t: [(v["W"][1] @ v["x"], v["a"][1])],
    r"$$\mathbf{z}_n = g(\mathbf{a}_n)$$": lambda v, t: [(np.tanh(v["a"][1]), v["h"][1])],
    r"$$\mathbf{b}_n = \mathbf{W} \mathbf{z}_n$$": lambda v, t: [(v["W"][2] @ v["h"][1], v["a"][2])],
    r"$$\hat{\mathbf{y}}_n = h(\mathbf{b}_n)$$": lambda v, t: [(_softmax(v["a"][2]), v["h"][2])],
    r"$$\delta^w_{nk} \triangleq \frac{\partial J_n}{\partial b_{nk}} = \hat{y}_{nk} - y_{nk}$$":
        lambda v, t: [(v["h"][2] - v["e"], t["a"][2])],
    r"$$\nabla_{\mathbf{w}_k} J_n = \delta^w_{nk} \mathbf{z}_n$$": lambda v, t: [(np.outer(t["a"][2], v["h"][1]), t["W"][2])],
    r"$$\delta^v_{nj} \triangleq \frac{\partial J_n}{\partial a_{nj}} = \sum_{k=1}^{K} \delta^w_{nk} w_{kj} g'(a_{nj})$$":
        lambda v, t: [((v["W"][2].T @ t["a"][2]) * (1 - np.tanh(v["a"][1]) ** 2), t["a"][1])],
    r"$$\nabla_{\mathbf{v}_j} J_n = \delta^v_{nj} \mathbf{x}_n$$": lambda v, t: [(np.outer(t["a"][1], v["x"]), t["W"][1])],
    r"$$g'(a) = 1 - g(a)^2$$": lambda v, t: [(1 - np.tanh(v["a"][1]) ** 2, t["slope"])],
}
MLAPP_ANSWER = ("# Backpropagation for an MLP (MLaPP)\n\nFor case $n$, with $g = \\tanh$ and $h$ the softmax:\n\n"
                + "\n\n".join(MLAPP) + "\n")
MLAPP_PLANTS = {
    r"= \hat{y}_{nk} - y_{nk}$$": (r"= y_{nk} - \hat{y}_{nk}$$", lambda v, t: [(v["e"] - v["h"][2], t["a"][2])]),
    r"J_n = \delta^w_{nk} \mathbf{z}_n$$": (r"J_n = \delta^w_{nk} \mathbf{x}_n$$", None),  # (3 entries for 4)
    r"$$g'(a) = 1 - g(a)^2$$": (r"$$g'(a) = 1 - g(a)$$", lambda v, t: [(1 - np.tanh(v["a"][1]), t["slope"])]),
    r"$$\hat{\mathbf{y}}_n = h(\mathbf{b}_n)$$": (r"$$\hat{\mathbf{y}}_n = h(\mathbf{a}_n)$$", None),  # (4 entries for 2)
    r"J_n = \delta^v_{nj} \mathbf{x}_n$$": (r"J_n = \delta^v_{nj} \mathbf{z}_n$$", None),  # (4 entries for 3)
}


def test_murphys_letters_read_and_each_claim_is_judged_as_numpy_says(tmp_path):
    """a, z, b, V, W, δ^v, δ^w, h(·) and the case index n read from MLaPP's definitions (before: 1 of 9 claims read)."""
    got = _verify(tmp_path, MLAPP_SPEC, MLAPP_ANSWER)
    point = _point((3, 4, 2), ("tanh", "softmax"), biases=False)
    for text, claim in MLAPP.items():
        assert got[_line(MLAPP_ANSWER, text)].verdict == _oracle(claim, point) == "correct", (text, got[_line(MLAPP_ANSWER, text)].message)


def test_each_planted_slip_in_murphys_letters_is_found(tmp_path):
    point = _point((3, 4, 2), ("tanh", "softmax"), biases=False)
    _planted_found(tmp_path, MLAPP_SPEC, MLAPP_ANSWER, MLAPP_PLANTS, lambda claim: _oracle(claim, point))


def test_definitions_in_the_other_orientation_decide_how_w_lies_and_a_row_is_the_answers(tmp_path):
    """A spec laid out the other way (z = Wᵀx): h = σ(Wx + b), ŷ = σ(Uh + c) (Jurafsky & Martin's letters, W next to x
    with no space), Murphy's a = Vx and Shewchuk's h = s(Vx) decide the answer's own orientation (before: every claim
    "missing transpose", the output's definition cast no vote and Wx was not seen as a product); a row w_k, W_i is
    unit k's weights as the answer lays W out (before: the spec's row — a false reject)."""
    column = MLAPP_SPEC.replace('convention = "row"', 'convention = "column"')
    got = _verify(tmp_path, column, MLAPP_ANSWER)
    for text in MLAPP:
        assert got[_line(MLAPP_ANSWER, text)].verdict == "correct", text
    got = _verify(tmp_path, CS189_SPEC.replace('convention = "row"', 'convention = "column"'), CS189_ANSWER)
    for text in CS189:
        assert got[_line(CS189_ANSWER, text)].verdict == "correct", text
    jm = ("# J&M\n\n$$h = \\sigma(Wx + b)$$\n\n$$\\hat{y} = \\sigma(Uh + c)$$\n\n"
          "$$\\nabla_W L = \\left( \\nabla_h L \\odot h \\odot (1 - h) \\right) x^T$$\n")
    spec = _spec("jm", "column", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.1)
    assert {r.verdict for r in _verify(tmp_path, spec, jm).values()} == {"correct"}
    point = _point((3, 4, 2), ("sigmoid", "sigmoid"), squared=True)
    assert _oracle(lambda v, t: [(np.outer(t["h"][1] * v["h"][1] * (1 - v["h"][1]), v["x"]), t["W"][1])], point) == "correct"


#: Aggarwal's Neural Networks and Deep Learning (§3.2): every vector barred, pre-activations a, post-activations h,
#: W_{r+1}^T h_r in the column layout (no biases)
AGG_SPEC = ('name = "aggarwal"\nconvention = "column"\ninputs = 3\n\n[[layers]]\nunits = 4\nactivation = "tanh"\nbias = false\n\n'
            '[[layers]]\nunits = 2\nactivation = "tanh"\nbias = false\n\n[loss]\nname = "squared_error"\n\n'
            '[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')
AGG = {
    r"$$\bar{\mathbf{a}}_{r+1} = W_{r+1}^T \bar{\mathbf{h}}_r$$":
        lambda v, t: [(v["W"][r + 1] @ v["h"][r], v["a"][r + 1]) for r in (0, 1)],
    r"$$\bar{\mathbf{h}}_{r+1} = \Phi(\bar{\mathbf{a}}_{r+1})$$": lambda v, t: [(np.tanh(v["a"][r + 1]), v["h"][r + 1]) for r in (0, 1)],
    r"$$\bar{\mathbf{g}}_r = \frac{\partial L}{\partial \bar{\mathbf{h}}_r}$$": None,
}
AGG_ANSWER = "# Backpropagation with pre-activation variables\n\n" + "\n\n".join(AGG) + "\n"


def test_bars_that_mark_vectors_are_not_error_signals(tmp_path):
    """Aggarwal's bars on every vector (an activation of a barred letter, a derivative by one): dropped before reading
    (before: his two right forward definitions were read as Grosse's error signals and judged wrong); the same
    definitions with a wrong layer stay wrong; Grosse's own bars (never inside an activation) are still error signals."""
    got = _verify(tmp_path, AGG_SPEC, AGG_ANSWER)
    point = _point((3, 4, 2), ("tanh", "tanh"), squared=True, biases=False)
    for text, claim in AGG.items():
        assert got[_line(AGG_ANSWER, text)].verdict == "correct", (text, got[_line(AGG_ANSWER, text)].message)
        assert claim is None or _oracle(claim, point) == "correct"
    wrong = AGG_ANSWER.replace(r"= \Phi(\bar{\mathbf{a}}_{r+1})$$", r"= \Phi(\bar{\mathbf{h}}_{r})$$")
    line = next(x for x in wrong.splitlines() if x.endswith(r"= \Phi(\bar{\mathbf{h}}_{r})$$"))
    assert _verify(tmp_path, AGG_SPEC, wrong)[_line(wrong, line)].verdict == "incorrect"
    assert _oracle(lambda v, t: [(np.tanh(v["h"][r]), v["h"][r + 1]) for r in (0, 1)], point) == "incorrect"
    grosse = ("# Grosse\n\n$$z = W x$$\n\n$$h = \\sigma(z)$$\n\n$$\\bar{h} = W_2^T \\bar{y}$$\n\n"
              "$$\\bar{z} = \\bar{h} \\odot \\sigma'(z)$$\n")
    spec = _spec("grosse", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.1)
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(spec)
    (tmp_path / "answer.md").write_text(grosse)
    assert not any("bar marks a vector" in n for n in verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))[1]["notation"])


def test_a_step_written_in_superscript_is_the_step_not_a_layer(tmp_path):
    """W^{(t+1)} = W^{(t)} − η ∂J/∂W, S^{(t)} = β S^{(t−1)} + (1 − β) g², Kelleher's w_{i,k}^{t+1} = w_{i,k}^{t} − η δ_k a_i:
    t is the step (before: "the layer index (t+1) is not a number", "cannot read the index 't'"); a sign slip or a
    missing square is still found."""
    sgd = _spec("steps", "row", 3, [(2, "sigmoid")], "squared_error", 0.1)
    rms = sgd.replace('name = "sgd"\nlearning_rate = 0.1', 'name = "rmsprop"\nlearning_rate = 0.01\nbeta = 0.9\nepsilon = 1e-8')
    cases = [
        (sgd, r"$$W^{(t+1)} = W^{(t)} - \eta \frac{\partial J}{\partial W}$$", "correct"),
        (sgd, r"$$W^{(t+1)} = W^{(t)} + \eta \frac{\partial J}{\partial W}$$", "incorrect"),
        (rms, r"$$S^{(t)} = \beta S^{(t-1)} + (1 - \beta) \left(\frac{\partial J}{\partial W}\right)^2$$", "correct"),
        (rms, r"$$S^{(t)} = \beta S^{(t-1)} + (1 - \beta) \frac{\partial J}{\partial W}$$", "incorrect"),
    ]
    for spec, claim, want in cases:
        body = "# Steps\n\n" + claim + "\n"
        assert _verify(tmp_path, spec, body)[_line(body, claim)].verdict == want, claim
    kelleher = _spec("kelleher", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.1)
    for claim, want in ((r"$$w_{i,k}^{t+1} = w_{i,k}^{t} - \eta \delta_k a_i$$", "correct"),
                        (r"$$w_{i,k}^{t+1} = w_{i,k}^{t} + \eta \delta_k a_i$$", "incorrect")):
        body = ("# Kelleher\n\nEach neuron $k$ computes $z_k = \\sum_i w_{i,k} a_i$ and $a_k = \\varphi(z_k)$; "
                "$E = \\frac{1}{2}\\sum_k (t_k - a_k)^2$.\n\n" + claim + "\n")
        assert _verify(tmp_path, kelleher, body)[_line(body, claim)].verdict == want, claim
    v, t = _point((3, 4, 2), ("sigmoid", "sigmoid"), squared=True)
    step = v["W"][2] - 0.1 * np.outer(t["a"][2], v["h"][1])  # (−η δ_k a_i for every k, i: the spec's SGD step)
    assert np.allclose(step, v["W"][2] - 0.1 * t["W"][2], atol=1e-7)


#: MIT 6.S191's chain x → z_1 → ŷ → J(W): z_1 = g(w_1 x) is the hidden neuron's OUTPUT (no bias), J = ½(y − ŷ)²
MIT_SPEC = ('name = "s191"\ninputs = 1\n\n[[layers]]\nunits = 1\nactivation = "sigmoid"\nbias = false\n\n[[layers]]\nunits = 1\n'
            'activation = "sigmoid"\nbias = false\n\n[loss]\nname = "squared_error"\n\n[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')
MIT = {
    r"$$\frac{\partial J(\mathbf{W})}{\partial w_2} = \frac{\partial J(\mathbf{W})}{\partial \hat{y}} * "
    r"\frac{\partial \hat{y}}{\partial w_2}$$":
        lambda v, t: [((t["f"] * v["h"][2] * (1 - v["h"][2]) * v["h"][1]).reshape(1, 1), t["W"][2])],
    r"$$\frac{\partial J(\mathbf{W})}{\partial w_1} = \frac{\partial J(\mathbf{W})}{\partial \hat{y}} * \frac{\partial \hat{y}}"
    r"{\partial z_1} * \frac{\partial z_1}{\partial w_1}$$":
        lambda v, t: [(t["f"] * v["h"][2] * (1 - v["h"][2]) * v["W"][2][0, 0] * v["h"][1] * (1 - v["h"][1]) * v["x"], t["W"][1][0])],
    r"$$\frac{\partial J(\mathbf{W})}{\partial \hat{y}} = -(y - \hat{y})$$": lambda v, t: [(-(v["e"] - v["h"][2]), t["f"])],
    r"$$\frac{\partial \hat{y}}{\partial z_1} = \hat{y}(1 - \hat{y}) w_2$$":
        lambda v, t: [(v["h"][2] * (1 - v["h"][2]) * v["W"][2][0],
                       central_differences(lambda q: float(1 / (1 + np.exp(-(v["W"][2] @ q["z"])[0]))), {"z": v["h"][1].copy()})["z"])],
    r"$$\frac{\partial z_1}{\partial w_1} = z_1 (1 - z_1) x$$":
        lambda v, t: [(v["h"][1] * (1 - v["h"][1]) * v["x"],
                       central_differences(lambda q: float(1 / (1 + np.exp(-(q["w"] @ v["x"])[0]))), {"w": v["W"][1].copy()})["w"][0])],
}
MIT_ANSWER = ("# 6.S191: gradients by hand\n\nOur network: $z_1 = g(w_1 x)$ and $\\hat{y} = g(w_2 z_1)$, $g$ the sigmoid, "
              "$J(\\mathbf{W}) = \\frac{1}{2}(y - \\hat{y})^2$.\n\n" + "\n\n".join(MIT) + "\n")


def test_a_z_every_definition_makes_a_layers_output_is_read_as_that_output(tmp_path):
    """6.S191's z_1 = g(w_1 x): every definition of z is the layer's activation, so z_1 is h (before: every claim with
    z_1 unchecked, "which quantity each z names is not certain"); planted slips are found; CMU 10-714's Z_1 = X beside
    Z_1 = ReLU(X W_1) stays unchecked (its own definitions disagree)."""
    got = _verify(tmp_path, MIT_SPEC, MIT_ANSWER)
    point = _point((1, 1, 1), ("sigmoid", "sigmoid"), squared=True, biases=False)
    for text, claim in MIT.items():
        assert got[_line(MIT_ANSWER, text)].verdict == "correct", (text, got[_line(MIT_ANSWER, text)].message)
        assert _oracle(claim, point) == "correct", text
    for right, wrong in ((r"= \hat{y}(1 - \hat{y}) w_2$$", r"= \hat{y}(1 - \hat{y}) w_1$$"),
                         (r"= z_1 (1 - z_1) x$$", r"= z_1 (1 - z_1) w_1$$"), (r"= -(y - \hat{y})$$", r"= (y - \hat{y})$$")):
        body = MIT_ANSWER.replace(right, wrong)
        line = next(x for x in body.splitlines() if x.endswith(wrong))
        assert _verify(tmp_path, MIT_SPEC, body)[_line(body, line)].verdict == "incorrect", wrong


def test_an_own_letter_defined_at_a_generic_layer_is_read_at_every_layer_it_is_used_at(tmp_path):
    """g^{(l)} = ∂J/∂a^{(l)} (and Aggarwal's ḡ_r = ∂L/∂h̄_r) used as g^{(l+1)}, g^{(2)}, ḡ_{r+1}: the definition moved
    to that layer (before: "unknown symbol 'g'" wherever the layer differed from the definition's)."""
    spec = _spec("ownlayer", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.1)
    rows = [r"$$\mathbf{g}^{(l)} = \frac{\partial J}{\partial \mathbf{a}^{(l)}}$$",
            r"$$\mathbf{g}^{(l)} = (W^{(l+1)})^T \left(\mathbf{g}^{(l+1)} \odot \sigma'(\mathbf{z}^{(l+1)})\right)$$",
            r"$$\frac{\partial J}{\partial W^{(l)}} = \left(\mathbf{g}^{(l)} \odot \sigma'(\mathbf{z}^{(l)})\right) "
            r"(\mathbf{a}^{(l-1)})^T$$",
            r"$$\mathbf{g}^{(2)} = \mathbf{a}^{(2)} - \mathbf{y}$$"]
    body = "# My letters\n\n" + "\n\n".join(rows) + "\n"
    got = _verify(tmp_path, spec, body)
    assert [got[_line(body, r)].verdict for r in rows] == ["correct"] * 4
    point = _point((3, 4, 2), ("sigmoid", "sigmoid"), squared=True)
    sig = {k: 1 / (1 + np.exp(-point[0]["a"][k])) for k in (1, 2)}
    assert _oracle(lambda v, t: [(v["W"][2].T @ (t["f"] * sig[2] * (1 - sig[2])), t["h"][1])], point) == "correct"
    wrong = body.replace(r"\odot \sigma'(\mathbf{z}^{(l+1)})\right)$$", r"\odot \sigma'(\mathbf{z}^{(l)})\right)$$")
    line = next(x for x in wrong.splitlines() if x.endswith(r"\odot \sigma'(\mathbf{z}^{(l)})\right)$$") and "W^{(l+1)}" in x)
    assert _verify(tmp_path, spec, wrong)[_line(wrong, line)].verdict == "incorrect"
    agg = AGG_ANSWER + "\n" + "\n\n".join([
        r"$$\bar{\mathbf{g}}_r = W_{r+1} \left[\bar{\mathbf{g}}_{r+1} \odot \Phi'(\bar{\mathbf{a}}_{r+1})\right]$$",
        r"$$\frac{\partial L}{\partial W_{r+1}} = \bar{\mathbf{h}}_r \left[\bar{\mathbf{g}}_{r+1} \odot "
        r"\Phi'(\bar{\mathbf{a}}_{r+1})\right]^T$$"]) + "\n"
    got = _verify(tmp_path, AGG_SPEC, agg)
    assert {r.verdict for r in got.values()} == {"correct"}
    v, t = _point((3, 4, 2), ("tanh", "tanh"), squared=True, biases=False)
    assert _oracle(lambda v, t: [(v["W"][2].T @ (t["f"] * (1 - np.tanh(v["a"][2]) ** 2)), t["h"][1])], (v, t)) == "correct"


def test_modules_written_in_bold_are_read_as_modules(tmp_path):
    """Saito's Deep Learning from Scratch writes its Affine layer in bold, \\mathbf{Y} = \\mathbf{X} \\cdot \\mathbf{W} +
    \\mathbf{B}: read as layers written as modules, as the same letters unbolded were (before: B unknown, the derivatives
    by Y "not a quantity gradproof derives")."""
    spec = _spec("saito", "column", 2, [(3, "sigmoid"), (3, "softmax")], "cross_entropy", 0.1)
    rows = [r"$$\frac{\partial L}{\partial \mathbf{X}} = \frac{\partial L}{\partial \mathbf{Y}} \cdot \mathbf{W}^{T}$$",
            r"$$\frac{\partial L}{\partial \mathbf{W}} = \mathbf{X}^{T} \cdot \frac{\partial L}{\partial \mathbf{Y}}$$"]
    body = "# 誤差逆伝播法\n\nAffineレイヤ: $\\mathbf{Y} = \\mathbf{X} \\cdot \\mathbf{W} + \\mathbf{B}$\n\n" + "\n\n".join(rows) + "\n"
    got = _verify(tmp_path, spec, body)
    assert [got[_line(body, r)].verdict for r in rows] == ["correct", "correct"]
    wrong = body.replace(r"\cdot \mathbf{W}^{T}$$", r"\cdot \mathbf{W}$$")
    line = next(x for x in wrong.splitlines() if x.endswith(r"\cdot \mathbf{W}$$"))
    assert _verify(tmp_path, spec, wrong)[_line(wrong, line)].verdict == "incorrect"
    # (NumPy: for one sample as a row, Y = X W + B; ∂L/∂X = ∂L/∂Y Wᵀ, ∂L/∂W = Xᵀ ∂L/∂Y, checked by central differences)
    rng = np.random.default_rng(5)
    X, W, B, G = rng.normal(size=(1, 2)), rng.normal(size=(2, 3)), rng.normal(size=(1, 3)), rng.normal(size=(1, 3))
    grads = central_differences(lambda q: float(np.sum(G * (q["X"] @ q["W"] + B))), {"X": X.copy(), "W": W.copy()})
    assert np.allclose(grads["X"], G @ W.T, atol=1e-6) and np.allclose(grads["W"], X.T @ G, atol=1e-6)


def test_a_modules_own_lowercase_x_and_y_are_its_input_and_output(tmp_path):
    """Saito's sigmoid module y = 1/(1 + exp(−x)), ∂L/∂y y² exp(−x) = ∂L/∂y y(1 − y), beside his Affine module: the
    activation module's own input and output, about the sigmoid layers (the logistic written out scopes the claim) —
    before: read as the network's ŷ and x and judged wrong (false rejects on main before this round); a sign slip in
    the logistic and in the slope is still found."""
    spec = _spec("saito", "column", 2, [(3, "sigmoid"), (3, "softmax")], "cross_entropy", 0.1)
    rows = [r"$$y = \frac{1}{1 + \exp(-x)}$$",
            r"$$\frac{\partial L}{\partial y} y^2 \exp(-x) = \frac{\partial L}{\partial y} y (1 - y)$$"]
    body = ("# 誤差逆伝播法\n\nAffineレイヤ: $\\mathbf{Y} = \\mathbf{X} \\cdot \\mathbf{W} + \\mathbf{B}$\n\nSigmoidレイヤ:\n\n"
            + "\n\n".join(rows) + "\n")
    got = _verify(tmp_path, spec, body)
    assert [got[_line(body, r)].verdict for r in rows] == ["correct", "correct"]
    for right, wrong in ((r"\exp(-x)}$$", r"\exp(x)}$$"), (r"y (1 - y)$$", r"y (1 + y)$$")):
        planted = body.replace(right, wrong)
        line = next(x for x in planted.splitlines() if x.endswith(wrong))
        assert _verify(tmp_path, spec, planted)[_line(planted, line)].verdict == "incorrect", wrong
    a = np.random.default_rng(3).normal(size=5)  # (NumPy: y² e^{−x} = y (1 − y) for y = 1/(1 + e^{−x}); not y (1 + y))
    y = 1 / (1 + np.exp(-a))
    assert np.allclose(y ** 2 * np.exp(-a), y * (1 - y)) and not np.allclose(y ** 2 * np.exp(-a), y * (1 + y))
