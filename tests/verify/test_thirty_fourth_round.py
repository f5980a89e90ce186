r"""The thirty-fourth round (issue 10): weights named α and β, as CMU's 10-601 homework and Hastie, Tibshirani &
Friedman's ESL write a network with one hidden layer — ``a_j = \sum_{i=1}^{M} \alpha_{j,i} x_i + \alpha_{j,0}``,
``z_j = \sigma(a_j)``, ``b_k = \sum_{j=1}^{D} \beta_{k,j} z_j + \beta_{k,0}``, ``\hat y = softmax(b)``, the matrix form
``a = \alpha x``, ``b = \beta z``, and updates with γ the learning rate. Before this round such an answer read three of
fourteen claims, and ``\hat y = softmax(b)`` was judged wrong (b read as a bias). Also: the range of a claim's free
index written after it (``, \quad j = 1, \ldots, M``). Every expected verdict is decided here by NumPy: central
differences of the network written by hand, the claims' right sides transcribed."""

from __future__ import annotations

import numpy as np
from conftest import central_differences
from test_nineteenth_round_coordinator import _spec
from test_thirty_third_round import _line, _plant, _planted_found
from test_twenty_first_round import _verify

#: 10-601's network: M = 3 inputs, D = 4 sigmoid hidden units, K = 2 softmax outputs, J the cross-entropy of one example
SPEC = _spec("hw5", "row", 3, [(4, "sigmoid"), (2, "softmax")], "cross_entropy", 0.1)

ENTRIES = r"""# HW5 written: neural network

The network is defined by

$$a_j = \sum_{i=1}^{M} \alpha_{j,i} x_i + \alpha_{j,0}$$

$$z_j = \sigma(a_j) = \frac{1}{1+\exp(-a_j)}$$

$$b_k = \sum_{j=1}^{D} \beta_{k,j} z_j + \beta_{k,0}$$

$$\hat{y}_k = \frac{\exp(b_k)}{\sum_{l=1}^{K} \exp(b_l)}$$

$$J = -\sum_{k=1}^{K} y_k \log \hat{y}_k$$

**Backward pass.**

$$\frac{\partial J}{\partial b_k} = \hat{y}_k - y_k$$

$$\frac{\partial J}{\partial \beta_{k,j}} = (\hat{y}_k - y_k) z_j$$

$$\frac{\partial J}{\partial \beta_{k,0}} = \hat{y}_k - y_k$$

$$\frac{\partial J}{\partial z_j} = \sum_{k=1}^{K} (\hat{y}_k - y_k) \beta_{k,j}$$

$$\frac{\partial J}{\partial a_j} = \frac{\partial J}{\partial z_j} z_j (1 - z_j)$$

$$\frac{\partial J}{\partial \alpha_{j,i}} = \frac{\partial J}{\partial a_j} x_i$$

$$\frac{\partial J}{\partial \alpha_{j,0}} = \frac{\partial J}{\partial a_j}$$

The SGD update is

$$\alpha_{j,i} \leftarrow \alpha_{j,i} - \gamma \frac{\partial J}{\partial \alpha_{j,i}}$$
"""

MATRIX = r"""# Neural network: matrix form

Forward computation, with $\mathbf{x}$ the input column vector:

$$\mathbf{a} = \boldsymbol{\alpha} \mathbf{x} + \boldsymbol{\alpha}_0$$

$$\mathbf{z} = \sigma(\mathbf{a})$$

$$\mathbf{b} = \boldsymbol{\beta} \mathbf{z} + \boldsymbol{\beta}_0$$

$$\hat{\mathbf{y}} = \text{softmax}(\mathbf{b})$$

Backward:

$$\frac{\partial J}{\partial \mathbf{b}} = \hat{\mathbf{y}} - \mathbf{y}$$

$$\frac{\partial J}{\partial \boldsymbol{\beta}} = (\hat{\mathbf{y}} - \mathbf{y}) \mathbf{z}^T$$

$$\frac{\partial J}{\partial \mathbf{z}} = \boldsymbol{\beta}^T (\hat{\mathbf{y}} - \mathbf{y})$$

$$\frac{\partial J}{\partial \mathbf{a}} = \frac{\partial J}{\partial \mathbf{z}} \odot \mathbf{z} \odot (1 - \mathbf{z})$$

$$\frac{\partial J}{\partial \boldsymbol{\alpha}} = \frac{\partial J}{\partial \mathbf{a}} \mathbf{x}^T$$

$$\frac{\partial J}{\partial \boldsymbol{\alpha}_0} = \frac{\partial J}{\partial \mathbf{a}}$$
"""


def _sig(v):
    return 1.0 / (1.0 + np.exp(-v))


def _point():
    """One example at a random point: the forward values and J's true gradients by central differences (by the
    parameters, and by a and b through the layers above them)."""
    rng = np.random.default_rng(34)
    p = {"alpha": rng.normal(size=(4, 3)), "alpha0": rng.normal(size=4), "beta": rng.normal(size=(2, 4)),
         "beta0": rng.normal(size=2)}
    x, y = rng.normal(size=3), np.array([0.0, 1.0])

    def upper(q, b):
        e = np.exp(b - b.max())
        return -float(np.sum(y * np.log(e / e.sum())))

    def through_a(q, a):
        return upper(q, q["beta"] @ _sig(a) + q["beta0"])

    def loss(q):
        return through_a(q, q["alpha"] @ x + q["alpha0"])

    true = central_differences(loss, {k: v.copy() for k, v in p.items()})
    a = p["alpha"] @ x + p["alpha0"]
    z = _sig(a)
    b = p["beta"] @ z + p["beta0"]
    yhat = np.exp(b) / np.exp(b).sum()
    true["a"] = central_differences(lambda q: through_a(p, q["a"]), {"a": a.copy()})["a"]
    true["b"] = central_differences(lambda q: upper(p, q["b"]), {"b": b.copy()})["b"]
    true["z"] = central_differences(lambda q: upper(p, p["beta"] @ q["z"] + p["beta0"]), {"z": z.copy()})["z"]
    return dict(p, x=x, y=y, a=a, z=z, b=b, yhat=yhat), true


def _holds(claim) -> str:
    """The verdict of a claim transcribed in NumPy: claim(values, true) -> (its value, the true one)."""
    v, t = _point()
    got, want = claim(v, t)
    return "correct" if np.shape(got) == np.shape(want) and np.allclose(got, want, rtol=1e-5, atol=1e-8) else "incorrect"


#: the gradient claims of ENTRIES (the right sides transcribed for every index at once), with the true values
ENTRY_CLAIMS = {
    r"$$\frac{\partial J}{\partial b_k} = \hat{y}_k - y_k$$": lambda v, t: (v["yhat"] - v["y"], t["b"]),
    r"$$\frac{\partial J}{\partial \beta_{k,j}} = (\hat{y}_k - y_k) z_j$$":
        lambda v, t: (np.outer(v["yhat"] - v["y"], v["z"]), t["beta"]),
    r"$$\frac{\partial J}{\partial \beta_{k,0}} = \hat{y}_k - y_k$$": lambda v, t: (v["yhat"] - v["y"], t["beta0"]),
    r"$$\frac{\partial J}{\partial z_j} = \sum_{k=1}^{K} (\hat{y}_k - y_k) \beta_{k,j}$$":
        lambda v, t: ((v["yhat"] - v["y"]) @ v["beta"], t["z"]),
    r"$$\frac{\partial J}{\partial a_j} = \frac{\partial J}{\partial z_j} z_j (1 - z_j)$$":
        lambda v, t: (t["z"] * v["z"] * (1 - v["z"]), t["a"]),
    r"$$\frac{\partial J}{\partial \alpha_{j,i}} = \frac{\partial J}{\partial a_j} x_i$$":
        lambda v, t: (np.outer(t["a"], v["x"]), t["alpha"]),
    r"$$\frac{\partial J}{\partial \alpha_{j,0}} = \frac{\partial J}{\partial a_j}$$": lambda v, t: (t["a"], t["alpha0"]),
}

#: the slips students make, planted one per claim: the right claim -> (the planted one, its NumPy transcription)
ENTRY_PLANTS = {
    r"$$\frac{\partial J}{\partial b_k} = \hat{y}_k - y_k$$":
        (r"$$\frac{\partial J}{\partial b_k} = y_k - \hat{y}_k$$", lambda v, t: (v["y"] - v["yhat"], t["b"])),
    r"$$\frac{\partial J}{\partial \beta_{k,0}} = \hat{y}_k - y_k$$":
        (r"$$\frac{\partial J}{\partial \beta_{k,0}} = (\hat{y}_k - y_k) z_k$$",
         lambda v, t: ((v["yhat"] - v["y"]) * v["z"][:2], t["beta0"])),
    r"$$\frac{\partial J}{\partial a_j} = \frac{\partial J}{\partial z_j} z_j (1 - z_j)$$":
        (r"$$\frac{\partial J}{\partial a_j} = \frac{\partial J}{\partial z_j} \sigma(a_j)$$",
         lambda v, t: (t["z"] * _sig(v["a"]), t["a"])),
    r"$$\alpha_{j,i} \leftarrow \alpha_{j,i} - \gamma \frac{\partial J}{\partial \alpha_{j,i}}$$":
        (r"$$\alpha_{j,i} \leftarrow \alpha_{j,i} + \gamma \frac{\partial J}{\partial \alpha_{j,i}}$$",
         lambda v, t: (v["alpha"] + 0.1 * t["alpha"], v["alpha"] - 0.1 * t["alpha"])),
}


def test_hw5s_entries_in_alpha_and_beta_are_read_and_each_gradient_judged_as_numpy_says(tmp_path):
    got = _verify(tmp_path, SPEC, ENTRIES)
    for text, claim in ENTRY_CLAIMS.items():
        assert got[_line(ENTRIES, text)].verdict == _holds(claim) == "correct", text
    # the forward definitions, ŷ by b (the output's summed input, no bias) and the update with γ the learning rate
    for text in (r"$$a_j = \sum_{i=1}^{M} \alpha_{j,i} x_i + \alpha_{j,0}$$", r"$$z_j = \sigma(a_j) = \frac{1}{1+\exp(-a_j)}$$",
                 r"$$b_k = \sum_{j=1}^{D} \beta_{k,j} z_j + \beta_{k,0}$$",
                 r"$$\hat{y}_k = \frac{\exp(b_k)}{\sum_{l=1}^{K} \exp(b_l)}$$",
                 r"$$\alpha_{j,i} \leftarrow \alpha_{j,i} - \gamma \frac{\partial J}{\partial \alpha_{j,i}}$$"):
        assert got[_line(ENTRIES, text)].verdict == "correct", text
    assert not any(r.verdict == "incorrect" for r in got.values())


def test_each_planted_slip_in_hw5s_letters_is_found(tmp_path):
    _planted_found(tmp_path, SPEC, ENTRIES, ENTRY_PLANTS, _holds)


def test_swapped_indices_of_beta_are_not_passed(tmp_path):
    """β_{j,k} for β_{k,j}: β is K × D, so the planted sum runs past its rows — never correct."""
    right = r"$$\frac{\partial J}{\partial z_j} = \sum_{k=1}^{K} (\hat{y}_k - y_k) \beta_{k,j}$$"
    body = ENTRIES.replace(right, right.replace(r"\beta_{k,j}", r"\beta_{j,k}"))
    assert _verify(tmp_path, SPEC, body)[_line(ENTRIES, right)].verdict == "incorrect"


MATRIX_CLAIMS = {
    r"$$\frac{\partial J}{\partial \boldsymbol{\beta}} = (\hat{\mathbf{y}} - \mathbf{y}) \mathbf{z}^T$$":
        lambda v, t: (np.outer(v["yhat"] - v["y"], v["z"]), t["beta"]),
    r"$$\frac{\partial J}{\partial \mathbf{z}} = \boldsymbol{\beta}^T (\hat{\mathbf{y}} - \mathbf{y})$$":
        lambda v, t: (v["beta"].T @ (v["yhat"] - v["y"]), t["z"]),
    r"$$\frac{\partial J}{\partial \boldsymbol{\alpha}} = \frac{\partial J}{\partial \mathbf{a}} \mathbf{x}^T$$":
        lambda v, t: (np.outer(t["a"], v["x"]), t["alpha"]),
    r"$$\frac{\partial J}{\partial \boldsymbol{\alpha}_0} = \frac{\partial J}{\partial \mathbf{a}}$$":
        lambda v, t: (t["a"], t["alpha0"]),
}


def test_the_matrix_form_reads_b_as_the_outputs_summed_input_not_a_bias(tmp_path):
    got = _verify(tmp_path, SPEC, MATRIX)
    # before: ŷ = softmax(b) was judged wrong (softmax of the output layer's bias)
    assert got[_line(MATRIX, r"$$\hat{\mathbf{y}} = \text{softmax}(\mathbf{b})$$")].verdict == "correct"
    for text, claim in MATRIX_CLAIMS.items():
        assert got[_line(MATRIX, text)].verdict == _holds(claim) == "correct", text
    planted = MATRIX.replace(r"(\hat{\mathbf{y}} - \mathbf{y}) \mathbf{z}^T", r"\mathbf{z} (\hat{\mathbf{y}} - \mathbf{y})^T")
    line = _line(MATRIX, r"$$\frac{\partial J}{\partial \boldsymbol{\beta}} = (\hat{\mathbf{y}} - \mathbf{y}) \mathbf{z}^T$$")
    assert _verify(tmp_path, SPEC, planted)[line].verdict == _holds(
        lambda v, t: (np.outer(v["z"], v["yhat"] - v["y"]), t["beta"])) == "incorrect"


def test_alpha_as_the_learning_rate_keeps_its_meaning(tmp_path):
    """Guard: where α multiplies a gradient in a step, α is the learning rate and no α/β reading is made (β stays
    unread); the ordinary W's claims are judged as before."""
    body = (r"$$z^{(1)} = W^{(1)} x + b^{(1)}$$" "\n\n"
            r"$$W^{(1)} \leftarrow W^{(1)} - \alpha \frac{\partial J}{\partial W^{(1)}}$$" "\n")
    got = _verify(tmp_path, SPEC, body)
    assert got["line 1"].verdict == "correct"
    assert got["line 3"].verdict in ("correct", "unchecked")


def test_the_range_of_a_free_index_written_after_the_claim_is_read_as_every_index(tmp_path):
    """h_j = σ(a_j) with its range after it in the forms books use (ESL's ``, \\; m = 1, \\ldots, M``, ``\\quad
    \\text{for } j = 1, \\dots, n``, ``\\qquad j \\in \\{1, \\ldots, n\\}``): before this round each was unread, or split
    into a second 'equation' j = 1, …, 4; a wrong claim with a range is still wrong, and a listed one-hot target
    (y = 1, 0, 0) is no range."""
    ranges = [r", \; j = 1, \ldots, D,", r", \quad j = 1, \ldots, 4", r"\quad \text{for } j = 1, \dots, 4",
              r", \quad j = 1, 2, 3, 4", r", \qquad j \in \{1, \ldots, 4\}", r"\quad \forall j"]
    head = r"$$z_j = \sigma(a_j)"
    body = ENTRIES + "".join(f"\n{head}{r}$$\n" for r in ranges) + "\n$$z_j = a_j (1 - a_j), \\quad j = 1, \\ldots, D$$\n"
    got = _verify(tmp_path, SPEC, body)
    lines = body.splitlines()
    for r in ranges:
        assert got["line " + str(lines.index(head + r + "$$") + 1)].verdict == "correct", r
    assert got[f"line {len(lines)}"].verdict == "incorrect"
    from gradproof.verify.normalize import drop_index_range

    assert drop_index_range(r"y = 1, 0, 0") == r"y = 1, 0, 0"
    assert drop_index_range(r"h = a, \quad y = 1, 0, 0") == r"h = a, \quad y = 1, 0, 0"
    assert drop_index_range(r"h_j = a_j, \quad j = 1, \ldots, n") == r"h_j = a_j"


#: CMU 11-785's letters (Bhiksha Raj's lectures, its HW1): y^{(k)} every layer's output with y^{(0)} = x, f_k layer k's
#: activation, w_{ij}^{(k)} from unit i of layer k−1 to unit j of layer k, Div(Y, d) the divergence, d the desired output
IDL_SPEC = _spec("idl", "row", 3, [(4, "sigmoid"), (3, "sigmoid"), (2, "softmax")], "cross_entropy", 0.1)

IDL = r"""# HW1 Part 1: backpropagation

Forward pass, with $y^{(0)} = x$:

$$z_j^{(k)} = \sum_i w_{ij}^{(k)} y_i^{(k-1)} + b_j^{(k)}$$

$$y_j^{(k)} = f_k\left(z_j^{(k)}\right)$$

The output is $Y = y^{(N)}$ and the divergence is

$$Div(Y, d) = -\sum_i d_i \log y_i^{(N)}$$

Backward pass:

$$\frac{\partial Div}{\partial z_i^{(N)}} = y_i^{(N)} - d_i$$

$$\frac{\partial Div}{\partial w_{ij}^{(N)}} = y_i^{(N-1)} \frac{\partial Div}{\partial z_j^{(N)}}$$

$$\frac{\partial Div}{\partial y_i^{(k-1)}} = \sum_j w_{ij}^{(k)} \frac{\partial Div}{\partial z_j^{(k)}}$$

$$\frac{\partial Div}{\partial z_i^{(k)}} = f_k'\left(z_i^{(k)}\right) \frac{\partial Div}{\partial y_i^{(k)}}$$

$$\frac{\partial Div}{\partial w_{ij}^{(k)}} = y_i^{(k-1)} \frac{\partial Div}{\partial z_j^{(k)}}$$

$$\frac{\partial Div}{\partial b_j^{(k)}} = \frac{\partial Div}{\partial z_j^{(k)}}$$

For the sigmoid layers

$$\frac{\partial Div}{\partial z_i^{(k)}} = y_i^{(k)} \left(1 - y_i^{(k)}\right) \frac{\partial Div}{\partial y_i^{(k)}}$$
"""


def _idl_point():
    """The 3-4-3-2 network at a random point (weights stored in × out, as w_{ij} is from i to j): the outputs of every
    layer and the true gradients by central differences — by the weights and biases, and by each layer's z and y."""
    rng = np.random.default_rng(3411)
    sizes = [3, 4, 3, 2]
    p = {f"W{k}": rng.normal(size=(sizes[k - 1], sizes[k])) for k in (1, 2, 3)}
    p.update({f"b{k}": rng.normal(size=sizes[k]) for k in (1, 2, 3)})
    x, d = rng.normal(size=3), np.array([1.0, 0.0])

    def div_from(k, q, v, kind):  # Div with layer k's z or y set to v (the layers above recomputed)
        y = v if kind == "y" else (_sig(v) if k < 3 else np.exp(v) / np.exp(v).sum())
        for m in range(k + 1, 4):
            z = y @ q[f"W{m}"] + q[f"b{m}"]
            y = _sig(z) if m < 3 else np.exp(z - z.max()) / np.exp(z - z.max()).sum()
        return -float(np.sum(d * np.log(y)))

    true = central_differences(lambda q: div_from(0, q, x, "y"), {k: v.copy() for k, v in p.items()})
    ys, zs = [x], [None]
    for m in (1, 2, 3):
        zs.append(ys[-1] @ p[f"W{m}"] + p[f"b{m}"])
        ys.append(_sig(zs[-1]) if m < 3 else np.exp(zs[-1]) / np.exp(zs[-1]).sum())
    for m in (1, 2, 3):
        true[f"z{m}"] = central_differences(lambda q, m=m: div_from(m, p, q["v"], "z"), {"v": zs[m].copy()})["v"]
        true[f"y{m}"] = central_differences(lambda q, m=m: div_from(m, p, q["v"], "y"), {"v": ys[m].copy()})["v"]
    return p, ys, d, true


def test_idl_letters_are_read_and_each_rule_holds_as_numpy_says(tmp_path):
    p, ys, d, t = _idl_point()
    close = np.allclose
    # NumPy: the rules as the answer writes them, at every layer they are about
    assert close(ys[3] - d, t["z3"], atol=1e-7)
    assert all(close(np.outer(ys[k - 1], t[f"z{k}"]), t[f"W{k}"], atol=1e-7) for k in (1, 2, 3))
    assert all(close(p[f"W{k}"] @ t[f"z{k}"], t[f"y{k - 1}"], atol=1e-7) for k in (2, 3))
    assert all(close(ys[k] * (1 - ys[k]) * t[f"y{k}"], t[f"z{k}"], atol=1e-7) for k in (1, 2))
    assert not close(ys[3] * (1 - ys[3]) * t["y3"], t["z3"], atol=1e-7)  # (not at the softmax: "for the sigmoid layers")
    got = _verify(tmp_path, IDL_SPEC, IDL)
    assert all(r.verdict == "correct" for r in got.values()), {k: (r.verdict, r.message) for k, r in got.items()
                                                              if r.verdict != "correct"}
    assert len(got) == 12  # (the inline y^{(0)} = x and Y = y^{(N)} among them)


def test_each_planted_slip_in_idl_letters_is_found(tmp_path):
    p, ys, d, t = _idl_point()
    plants = {  # right -> planted, and NumPy's verdict on the planted rule at a layer it is about
        r"= y_i^{(N)} - d_i$$": (r"= d_i - y_i^{(N)}$$", np.allclose(d - ys[3], t["z3"])),
        r"= \sum_j w_{ij}^{(k)} \frac{\partial Div}{\partial z_j^{(k)}}$$":
            (r"= \sum_j w_{ji}^{(k)} \frac{\partial Div}{\partial z_j^{(k)}}$$", False),  # (W3 is 3 × 2: no w_{ji})
        r"= f_k'\left(z_i^{(k)}\right)": (r"= f_k\left(z_i^{(k)}\right)",
                                          np.allclose(ys[1] * t["y1"], t["z1"])),
        r"\frac{\partial Div}{\partial b_j^{(k)}} = \frac{\partial Div}{\partial z_j^{(k)}}$$":
            (r"\frac{\partial Div}{\partial b_j^{(k)}} = y_j^{(k-1)} \frac{\partial Div}{\partial z_j^{(k)}}$$", False),
        r"= y_i^{(k)} \left(1 - y_i^{(k)}\right)": (r"= \left(1 - y_i^{(k)}\right)",
                                                     np.allclose((1 - ys[1]) * t["y1"], t["z1"])),
    }
    assert not any(holds for _, holds in plants.values())
    body = _plant(IDL, plants)
    got = _verify(tmp_path, IDL_SPEC, body)
    lines = body.splitlines()
    for planted, _ in plants.values():
        line = next(k for k, text in enumerate(lines, start=1) if planted in text)
        assert got[f"line {line}"].verdict == "incorrect", planted
    assert sum(r.verdict == "incorrect" for r in got.values()) == len(plants)


def test_a_unit_form_at_a_softmax_layer_is_left_out_not_rejected(tmp_path):
    """y_j^{(k)} = f_k(z_j^{(k)}) says nothing true of a softmax layer entry by entry (softmax of one entry is 1); before
    this round the claim was rejected for k = 3. Now it is judged at the element-wise layers; a wrong unit form
    (f applied to the layer below's z) is still wrong there."""
    got = _verify(tmp_path, IDL_SPEC, IDL)
    assert got["line 7"].verdict == "correct" and "k = 1, 2" in got["line 7"].message
    body = IDL.replace(r"$$y_j^{(k)} = f_k\left(z_j^{(k)}\right)$$", r"$$y_j^{(k)} = f_k\left(z_j^{(k-1)}\right)$$")
    assert _verify(tmp_path, IDL_SPEC, body)["line 7"].verdict in ("incorrect", "unchecked")
    assert _verify(tmp_path, IDL_SPEC, body)["line 7"].verdict != "correct"
