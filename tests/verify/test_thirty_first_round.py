r"""The thirty-first round (issue 10): the notation of Japanese lecture notes and blogs — every layer's output y^l, its
summed input u^l = (W^l)^T y^{l-1}, the target \tilde y —, math set in a Hugo blog's shortcodes
(``{{< displaymath >}} … {{< /displaymath >}}``), primed indices (``\sum_{j'}``, ``\delta_{j,j'}``) and δ given by
cases on the layer (``(l = L)``, ``(l \neq L)``). Every expected verdict is decided here by NumPy: central differences
of the network written by hand, the claims' right sides transcribed, never by gradproof."""

from __future__ import annotations

import numpy as np
from conftest import central_differences
from test_nineteenth_round_coordinator import _spec
from test_twenty_first_round import _verify

#: a 3-4-2 network of logistic units without biases, u^l = (W^l)^T y^{l-1} (W^l is inputs × outputs), E = ½‖y^L − ỹ‖²
SPEC = _spec("jp_notes", "column", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.1).replace(
    'activation = "sigmoid"\n', 'activation = "sigmoid"\nbias = false\n')


def _sig(v):
    return 1.0 / (1.0 + np.exp(-v))


def _point():
    rng = np.random.default_rng(31)
    return {"W1": rng.normal(size=(3, 4)), "W2": rng.normal(size=(4, 2)), "x": rng.normal(size=3),
            "t": rng.uniform(size=2)}


def _forward(p, du=None):
    """y^0 … y^2 and u^1, u^2 of the notes' network; ``du`` = (layer, vector) added to that layer's summed input."""
    v = {"y0": p["x"], "t": p["t"]}
    for layer in (1, 2):
        u = p[f"W{layer}"].T @ v[f"y{layer - 1}"]
        if du is not None and du[0] == layer:
            u = u + du[1]
        v[f"u{layer}"], v[f"y{layer}"] = u, _sig(u)
    v["E"] = 0.5 * float(np.sum((v["y2"] - p["t"]) ** 2))
    return v


def _truth():
    """The values, and ∂E/∂u^l (δ^l), ∂E/∂W^l by central differences."""
    p = _point()
    v = _forward(p)
    for layer, n in ((1, 4), (2, 2)):
        v[f"delta{layer}"] = central_differences(lambda q, l=layer: _forward(p, (l, q["d"]))["E"], {"d": np.zeros(n)})["d"]
        v[f"dW{layer}"] = central_differences(lambda q, l=layer: _forward({**p, f"W{l}": q["W"]})["E"],
                                              {"W": p[f"W{layer}"].copy()})["W"]
    return p, v


def _holds(written, true) -> bool:
    return np.shape(written) == np.shape(true) and bool(np.allclose(written, true, rtol=1e-5, atol=1e-8))


def _fp(u):
    return _sig(u) * (1 - _sig(u))


#: claims about one layer: the derivative they name and their right side in NumPy, entry by entry where they are
LAYER_CLAIMS = {
    # ∂E/∂w_{ij}^2 = δ_j^2 y_i^1 (every i, j): the matrix y^1 (δ^2)^T
    "A": (lambda v: v["dW2"], lambda v: np.outer(v["y1"], v["delta2"])),
    # the same with the indices of δ and y swapped: δ_i^2 y_j^1 has no entry for i = 3 (δ^2 has 2): shapes differ
    "A2": (lambda v: v["dW2"], lambda v: np.outer(v["delta2"], v["y1"])),
    # ∂E/∂u_j^2 = Σ_{j'} (y_{j'}^2 − ỹ_{j'}) f'(u_{j'}^2) δ_{j,j'}
    "D": (lambda v: v["delta2"], lambda v: (v["y2"] - v["t"]) * _fp(v["u2"])),
    # … with + ỹ (a sign slip)
    "D2": (lambda v: v["delta2"], lambda v: (v["y2"] + v["t"]) * _fp(v["u2"])),
    # δ_j^1 = Σ_k δ_k^2 w_{jk}^2 f'(u_j^1)
    "B": (lambda v: v["delta1"], lambda v: (v["W2"] @ v["delta2"]) * _fp(v["u1"])),
}


def _layer_oracle(cid: str) -> str:
    p, v = _truth()
    v = {**v, "W2": p["W2"]}
    true, written = LAYER_CLAIMS[cid]
    return "correct" if _holds(written(v), true(v)) else "incorrect"


def _cases_oracle(first, second) -> str:
    """δ^l by cases on the layer: ``first`` at l = L = 2, ``second`` at l = 1 (NumPy of the values), against δ^l."""
    p, v = _truth()
    v = {**v, "W2": p["W2"]}
    return "correct" if _holds(first(v), v["delta2"]) and _holds(second(v), v["delta1"]) else "incorrect"


CASES = {
    "F": (r"(\bm{y}^{L} - \tilde{\bm{y}}) \ast f'(\bm{u}^{L})", r"W^{l+1} \bm{\delta}^{l+1} \ast f'(\bm{u}^{l})",
          lambda v: (v["y2"] - v["t"]) * _fp(v["u2"]), lambda v: (v["W2"] @ v["delta2"]) * _fp(v["u1"])),
    # the transpose the notes' own layout does not have: (W^2)^T δ^2 is 2×4 times 2×1
    "G": (r"(\bm{y}^{L} - \tilde{\bm{y}}) \ast f'(\bm{u}^{L})", r"\left(W^{l+1}\right)^{\top} \bm{\delta}^{l+1} \ast f'(\bm{u}^{l})",
          lambda v: (v["y2"] - v["t"]) * _fp(v["u2"]), lambda v: np.zeros((2, 2))),
    # the last layer's case with f for f'
    "H": (r"(\bm{y}^{L} - \tilde{\bm{y}}) \ast f(\bm{u}^{L})", r"W^{l+1} \bm{\delta}^{l+1} \ast f'(\bm{u}^{l})",
          lambda v: (v["y2"] - v["t"]) * _sig(v["u2"]), lambda v: (v["W2"] @ v["delta2"]) * _fp(v["u1"])),
}


def _document() -> str:
    cases = "\n\n".join(
        "{{< displaymath >}}\n\\bm{\\delta}^{l} = \\begin{cases}\n" + first + r" & (l = L)\\" + "\n" + second
        + " & (l \\neq L)\n\\end{cases} \\tag{" + cid + "}\n{{< /displaymath >}}"
        for cid, (first, second, _, _) in CASES.items())
    return r"""---
title: "誤差逆伝播のノート"
math: true
---

入力を第 $0$ 層、出力を第 $L$ 層とする。第 $l$ 層 $j$ 番目のノードの出力を $y_j^l$ とおく。
{{< displaymath >}}
y_j^l = f\left( u_j^{l} \right)
{{< /displaymath >}}
ただし、
{{< displaymath >}}
u_j^l = \sum_{i} w_{ij}^{l} y_{i}^{l-1}
{{< /displaymath >}}
二乗誤差は
{{< displaymath >}}
E = \frac{1}{2}\sum_{i}\left(y_i^{L} - \tilde{y}_i\right)^2
{{< /displaymath >}}
ベクトルで書くと $\bm{u}^{l} = \left( W^{l} \right)^{\top}\bm{y}^{l-1}$ である。

{{< displaymath >}}
\frac{\partial E}{\partial w_{ij}^{2}} = \delta_{j}^{2} y_{i}^{1} \tag{A}
{{< /displaymath >}}

{{< displaymath >}}
\frac{\partial E}{\partial w_{ij}^{2}} = \delta_{i}^{2} y_{j}^{1} \tag{A2}
{{< /displaymath >}}

{{< displaymath >}}
\frac{\partial E}{\partial u_{j}^{2}} = \sum_{j'} \left(y_{j'}^{2} - \tilde{y}_{j'}\right) f'(u_{j'}^{2}) \delta_{j,j'} \tag{D}
{{< /displaymath >}}

{{< displaymath >}}
\frac{\partial E}{\partial u_{j}^{2}} = \sum_{j'} \left(y_{j'}^{2} + \tilde{y}_{j'}\right) f'(u_{j'}^{2}) \delta_{j,j'} \tag{D2}
{{< /displaymath >}}

{{< displaymath >}}
\delta_{j}^{1} = \sum_{k} \delta_{k}^{2} w_{jk}^{2} f'(u_{j}^{1}) \tag{B}
{{< /displaymath >}}

""" + cases + "\n"


def test_the_notes_notation_in_hugo_shortcodes(tmp_path):
    """y^l every layer's output and u^l its summed input (read from the notes' own definitions), \tilde y the target,
    the displays in Hugo's shortcodes, primed indices: each claim judged as the NumPy oracle decides."""
    got = _verify(tmp_path, SPEC, _document())
    for cid in LAYER_CLAIMS:
        assert got[cid].verdict == _layer_oracle(cid), (cid, got[cid].message)
    assert {_layer_oracle(c) for c in LAYER_CLAIMS} == {"correct", "incorrect"}


def test_delta_by_cases_on_the_layer(tmp_path):
    """δ^l = {… (l = L); … (l ≠ L)}: each layer judged with its own case — a slip in either case is found at its
    layer, the right pair holds at both."""
    got = _verify(tmp_path, SPEC, _document())
    for cid, (_, _, first, second) in CASES.items():
        want = _cases_oracle(first, second)
        assert got[cid].verdict == want, (cid, got[cid].message)
        if want == "correct":
            assert "l = 1, 2" in got[cid].message, got[cid].message  # (both layers checked, not l = 1 alone)
    assert got["H"].verdict == "incorrect" and "l = 2" in got["H"].message


def test_shortcodes_are_displays_of_their_own(tmp_path):
    """A Hugo shortcode display is read as math; one never closed reads nothing and hides nothing after it; a katex
    shortcode without display is inline."""
    body = ("{{< displaymath >}}\na = b = c\n\n$$\\frac{\\partial E}{\\partial w_{ij}^{2}} = \\delta_{j}^{2} y_{i}^{1}"
            " \\tag{A}$$\n\n{{< katex >}}y_j^l = f(u_j^l){{< /katex >}}\n")
    from gradproof.verify import document

    claims = document.extract(body)
    assert "A" in [c.id for c in claims]  # (after the unclosed shortcode)
    assert any("f(u_j^l)" in c.latex for c in claims)


#: 3Blue1Brown's chain of one neuron per layer, C_0 = (a^{(L)} − y)^2 (no ½): the spec's J is C_0 / 2
CHAIN_SPEC = _spec("chain", "row", 1, [(1, "sigmoid"), (1, "sigmoid"), (1, "sigmoid")], "squared_error", 0.1)


def _chain():
    """The chain's values at a random point and the derivatives of C_0 = (a^{(3)} − y)^2 by central differences."""
    rng = np.random.default_rng(131)
    p = {"w": rng.normal(size=4), "b": rng.normal(size=4), "x": rng.normal(), "y": rng.uniform()}

    def forward(q, da3=0.0):
        a, z = [q["x"]], [None]
        for layer in (1, 2, 3):
            z.append(q["w"][layer] * a[-1] + q["b"][layer])
            a.append(_sig(z[-1]) + (da3 if layer == 3 else 0.0))
        return {"a": a, "z": z, "C0": (a[3] - q["y"]) ** 2}

    v = forward(p)
    d_a3 = float(central_differences(lambda q: forward(p, float(q["d"][0]))["C0"], {"d": np.zeros(1)})["d"][0])

    def by(name, layer):
        def cost(q):
            moved = {**p, name: p[name].copy()}
            moved[name][layer] = float(q["v"])
            return forward(moved)["C0"]
        return float(central_differences(cost, {"v": np.array(p[name][layer])})["v"])

    return p, v, d_a3, by("w", 3), by("b", 3)


CHAIN = r"""# Backpropagation for a single neuron layer

$C_0(...)=( a^{(L)}-y)^2$

$z^{(L)}=w^{(L)}a^{(L-1)}+b^{(L)}$

$a^{(L)}=\sigma(z^{(L)}) $

$\frac{ \partial C_0   }{ \partial a^{(L)}}=2( a^{(L)}-y) \tag{da}$

$\frac{ \partial C_0   }{ \partial w^{(L)}  } = 2( a^{(L)}-y) \sigma' (z^{(L)})  a^{(L-1)} \tag{dw}$

$\frac{ \partial C_0   }{ \partial b^{(L)}  } =  2( a^{(L)}-y) \sigma' (z^{(L)}) \times 1 \tag{db}$

$\frac{ \partial C_0   }{ \partial b^{(L)}  } =  2( a^{(L)}-y) \sigma' (z^{(L)}) w^{(L)} \tag{db2}$
"""


def test_an_objective_written_with_elided_arguments(tmp_path):
    """``C_0(...)`` is the objective: the answer's own C_0 = (a − y)^2 is read (its scale, 2 × the spec's), so its
    derivatives are judged on it as the oracle decides; the slip that labels ∂C_0/∂a^{(L-1)} as ∂C_0/∂b^{(L)} stays
    wrong (it had all been rejected, the definition unread: a false reject per right line)."""
    p, v, d_a3, d_w3, d_b3 = _chain()
    a, z = v["a"], v["z"]
    slope = _sig(z[3]) * (1 - _sig(z[3]))
    written = {"da": (d_a3, 2 * (a[3] - p["y"])), "dw": (d_w3, 2 * (a[3] - p["y"]) * slope * a[2]),
               "db": (d_b3, 2 * (a[3] - p["y"]) * slope), "db2": (d_b3, 2 * (a[3] - p["y"]) * slope * p["w"][3])}
    got = _verify(tmp_path, CHAIN_SPEC, CHAIN)
    for cid, (true, claim) in written.items():
        want = "correct" if np.isclose(true, claim, rtol=1e-5, atol=1e-9) else "incorrect"
        assert got[cid].verdict == want, (cid, got[cid].message)
    assert got["db2"].verdict == "incorrect"


def test_an_objective_defined_again_on_another_scale(tmp_path):
    """A later section defines its own C = ½(a − y)^2 and follows it (∂C/∂a = a − y, right on that scale, as the
    oracle says: half of ∂C_0/∂a): not rejected on the first section's scale; a claim wrong on both scales stays
    incorrect."""
    p, v, d_a3, _, _ = _chain()
    a = v["a"]
    assert np.isclose(d_a3 / 2, a[3] - p["y"])  # (the oracle: a − y is the derivative of ½(a − y)^2)
    body = CHAIN + r"""
## A second section

$C = \frac{1}{2}( a^{(L)}-y)^2 \tag{C}$

$\frac{\partial C}{\partial a^{(L)}} = a^{(L)} - y \tag{halfda}$

$\frac{\partial C}{\partial a^{(L)}} = a^{(L)} + y \tag{wrongda}$
"""
    got = _verify(tmp_path, CHAIN_SPEC, body)
    assert got["halfda"].verdict == "unchecked" and "again" in got["halfda"].message, got["halfda"].message
    assert got["C"].verdict == "unchecked"
    assert got["wrongda"].verdict == "incorrect", got["wrongda"].message
    assert got["da"].verdict == "correct" and got["dw"].verdict == "correct"


#: Suresh & Sardana's lecture network: inputs n_1…n_3, hidden n_4…n_7, outputs n_8, n_9 (units numbered across the
#: network), w_{ij} from unit i to unit j, b_j unit j's bias, E = ½((n_8 − y_1)^2 + (n_9 − y_2)^2)
NODES_SPEC = _spec("tj_nodes", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.1)


def _nodes():
    """The network's values by unit number, σ'_j at each unit's summed input, ∂E/∂w_{ij} and ∂E/∂b_j by central
    differences."""
    rng = np.random.default_rng(231)
    W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(2, 4)), rng.normal(size=2)
    x, y = rng.normal(size=3), rng.uniform(size=2)

    def forward(W1, b1, W2, b2):
        s1 = W1 @ x + b1
        h = _sig(s1)
        s2 = W2 @ h + b2
        o = _sig(s2)
        return s1, h, s2, o, 0.5 * float(np.sum((o - y) ** 2))

    s1, h, s2, o, _ = forward(W1, b1, W2, b2)
    n = dict(zip(range(1, 10), [*x, *h, *o], strict=True))
    slope = dict(zip(range(4, 10), [*(_fp(s1)), *(_fp(s2))], strict=True))
    dW1 = central_differences(lambda q: forward(q["W"], b1, W2, b2)[4], {"W": W1.copy()})["W"]
    dW2 = central_differences(lambda q: forward(W1, b1, q["W"], b2)[4], {"W": W2.copy()})["W"]
    db1 = central_differences(lambda q: forward(W1, q["b"], W2, b2)[4], {"b": b1.copy()})["b"]
    db2 = central_differences(lambda q: forward(W1, b1, W2, q["b"])[4], {"b": b2.copy()})["b"]
    w = {(i, j): W1[j - 4, i - 1] for i in (1, 2, 3) for j in (4, 5, 6, 7)}
    w.update({(i, j): W2[j - 8, i - 4] for i in (4, 5, 6, 7) for j in (8, 9)})
    return {"n": n, "s": slope, "w": w, "y": y, "dw": {(1, 4): dW1[0, 0], (4, 8): dW2[0, 0]}, "db4": db1[0], "db2": db2,
            "x1": h, "x2": o, "x0": x, "W2": W2, "b2": b2, "s2": s2, "dW2": dW2}


NODES = r"""\section{Non-Vectorized Backpropagation}
We define the value at each node $i$ to be $n_i$ and the bias of node $i$ to be $b_i$.
\[E=\frac{1}{2}\left((n_8-y_1)^2 + (n_9-y_2)^2\right)\]
\[n_8 = \sigma(w_{48}n_4 + w_{58}n_5 + w_{68}n_6 + w_{78}n_7 + b_8).\]
\[n_4 = \sigma(w_{14}n_1 + w_{24}n_2 + w_{34}n_3 + b_4).\]
To shorten this expression, we'll refer to $\sigma'(w_{48}n_4 + w_{58}n_5 + w_{68}n_6 + w_{78}n_7 + b_8)$ as $\sigma_8'$.
\[\dfrac{\partial E}{\partial w_{48}} = (n_8-y_1)\sigma_8'n_4 \tag{w48}\]
\[\dfrac{\partial E}{\partial w_{48}} = (n_8-y_1)\sigma_8'n_5 \tag{w48b}\]
\[\dfrac{\partial E}{\partial w_{14}} = \left((n_8-y_1)\sigma_8'w_{48} + (n_9-y_2)\sigma_9'w_{49}\right)\sigma_4'n_1 \tag{w14}\]
\[\dfrac{\partial E}{\partial b_4} = \sigma_4'((n_8-y_1)\sigma_8'w_{48} + (n_9-y_2)\sigma_9'w_{49}) \tag{b4}\]
\[\dfrac{\partial E}{\partial b_4} = \sigma_4'((n_8-y_1)\sigma_8'w_{48} + (n_9-y_2)\sigma_9'w_{58}) \tag{b4b}\]

\section{A Matrix Representation}
\[W_2 =
\begin{bmatrix}
    w_{48} && w_{58} && w_{68} && w_{78}\\
    w_{49} && w_{59} && w_{69} && w_{79}\\
\end{bmatrix}\]
\[x_1 = \sigma(W_1x_0 + b_1)\]
\[x_2 = \sigma(W_2x_1 + b_2)\]
\[E = \frac{1}{2}||x_2-y||^2 \tag{E}\]
\[\dfrac{\partial E}{\partial W_2} = [(x_2 - y) \odot \sigma'(W_2x_1 + b_2)]x_1^T \tag{W2}\]
\[\dfrac{\partial E}{\partial W_2} = [(x_2 - y) \odot \sigma'(W_2x_1 + b_2)]x_0^T \tag{W2b}\]
"""


def test_units_numbered_across_the_network_with_their_own_letter(tmp_path):
    """n_j the output of unit j (its own definition n_8 = σ(w_{48} n_4 + … + b_8)), σ_j' the slope at unit j's summed
    input, a matrix typed with && between entries, x_l layer l's output and ||·|| the norm: each claim judged as the
    NumPy oracle decides."""
    v = _nodes()
    n, s, w, y = v["n"], v["s"], v["w"], v["y"]
    back8, back9 = (n[8] - y[0]) * s[8], (n[9] - y[1]) * s[9]
    written = {
        "w48": (v["dw"][(4, 8)], back8 * n[4]),
        "w48b": (v["dw"][(4, 8)], back8 * n[5]),
        "w14": (v["dw"][(1, 4)], (back8 * w[(4, 8)] + back9 * w[(4, 9)]) * s[4] * n[1]),
        "b4": (v["db4"], s[4] * (back8 * w[(4, 8)] + back9 * w[(4, 9)])),
        "b4b": (v["db4"], s[4] * (back8 * w[(4, 8)] + back9 * w[(5, 8)])),
        "W2": (v["dW2"], np.outer((v["x2"] - y) * _fp(v["s2"]), v["x1"])),
        "W2b": (v["dW2"], np.outer((v["x2"] - y) * _fp(v["s2"]), v["x0"])),
    }
    got = _verify(tmp_path, NODES_SPEC, NODES)
    for cid, (true, claim) in written.items():
        assert got[cid].verdict == ("correct" if _holds(claim, true) else "incorrect"), (cid, got[cid].message)
    assert got["E"].verdict == "correct", got["E"].message  # (½‖x_2 − y‖², the norm typed with two bars)
    assert {got[c].verdict for c in written} == {"correct", "incorrect"}


def _frobenius(rows_bound: int, cols_bound: int, W: np.ndarray) -> str:
    """The oracle of ‖W‖_F² = Σ_{i=1}^{rows_bound} Σ_{j=1}^{cols_bound} W_{ij}²: the sum as written, in NumPy (an index
    past W's shape is no sum at all)."""
    try:
        total = sum(W[i, j] ** 2 for i in range(rows_bound) for j in range(cols_bound))
        if rows_bound > W.shape[0] or cols_bound > W.shape[1]:
            raise IndexError
    except IndexError:
        return "incorrect"
    return "correct" if np.isclose(total, np.sum(W ** 2)) else "incorrect"


def test_a_sum_to_a_layer_size(tmp_path):
    """Ng's ``\\sum_{i=1}^{n^{[l]}}``: the bound is the size of the layer it names, and an index run to another layer's
    size is wrong (the notes' swapped Frobenius ranges had been accepted once ‖·‖ read)."""
    spec = _spec("sizes", "row", 3, [(4, "relu"), (2, "sigmoid")], "squared_error", 0.1)
    body = r"""
$$\|W^{[l]}\|_F^2 = \sum_{i=1}^{n^{[l]}} \sum_{j=1}^{n^{[l-1]}} \left(W_{ij}^{[l]}\right)^2 \tag{right}$$

$$||W^{[l]}||_F^2 = \sum_{i=1}^{n^{[l-1]}} \sum_{j=1}^{n^{[l]}} \left(W_{ij}^{[l]}\right)^2 \tag{swapped}$$
"""
    got = _verify(tmp_path, spec, body)
    W1 = np.random.default_rng(5).normal(size=(4, 3))  # layer 1's W: n^{[1]} × n^{[0]}
    assert got["right"].verdict == _frobenius(4, 3, W1) == "correct", got["right"].message
    assert got["swapped"].verdict == _frobenius(3, 4, W1) == "incorrect", got["swapped"].message


#: Stansbury's post: units named by their layer's letter (i input, j hidden, k output), w_{ij} from unit i to unit j
#: (the column convention: z = Wᵀ a + b), g_j unit j's activation, E = ½ Σ_k (a_k − t_k)²
LETTERS_SPEC = _spec("letters", "column", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.1)


def _letters():
    """The post's network at a random point: a_i, z_j, a_j, z_k, a_k, t_k, W (i × j, j × k), and ∂E/∂w, δ by central
    differences."""
    rng = np.random.default_rng(331)
    Wij, bj, Wjk, bk = rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=(4, 2)), rng.normal(size=2)
    ai, t = rng.normal(size=3), rng.uniform(size=2)

    def forward(Wij, bj, Wjk, bk, dzj=0.0):
        zj = bj + ai @ Wij + dzj
        aj = _sig(zj)
        zk = bk + aj @ Wjk
        ak = _sig(zk)
        return zj, aj, zk, ak, 0.5 * float(np.sum((ak - t) ** 2))

    zj, aj, zk, ak, _ = forward(Wij, bj, Wjk, bk)
    return {"ai": ai, "zj": zj, "aj": aj, "zk": zk, "ak": ak, "t": t, "Wjk": Wjk,
            "dWij": central_differences(lambda q: forward(q["W"], bj, Wjk, bk)[4], {"W": Wij.copy()})["W"],
            "dWjk": central_differences(lambda q: forward(Wij, bj, q["W"], bk)[4], {"W": Wjk.copy()})["W"],
            "dj": central_differences(lambda q: forward(Wij, bj, Wjk, bk, q["d"])[4], {"d": np.zeros(4)})["d"]}


LETTERS = r"""The signals from the input layer $$a_i$$ are multiplied by a set of $$w_{ij}$$; this forms the pre-activation
signal $$z_j = b_j + \sum_i a_i w_{ij}$$ for the hidden layer, and $$a_j=g_j(z_j)$$ leaves it.

$$
\begin{align} E &= \frac{1}{2} \sum_{k=1}^K(a_k - t_k)^2 \tag{1} \end{align}
$$

$$\frac{\partial E }{\partial w_{jk}} = (a_k - t_k)g_k'(z_k)a_j \tag{4}$$

$$\frac{\partial E }{\partial w_{jk}} = (a_k - t_k)g_k(z_k)a_j \tag{4b}$$

$$\frac{\partial E }{\partial w_{jk}} = (a_k - t_k)\frac{\partial}{\partial w_{jk}}a_k \tag{op}$$

$$\frac{\partial E }{\partial w_{jk}} = (a_k + t_k)\frac{\partial}{\partial w_{jk}}a_k \tag{op2}$$

$$\frac{\partial E }{\partial w_{ij}} = \left(\sum_{k} \delta_k w_{jk} \right) g'_j(z_j) a_i \tag{13}$$

$$\frac{\partial E }{\partial w_{ij}} = \left(\sum_{k} \delta_k w_{jk} \right) g'_j(z_j) a_j \tag{13b}$$

$$\delta_j = g'_j(z_j) \sum_{k} \delta_k w_{jk} \tag{14}$$

$$\delta_j = g_j(z_j) \sum_{k} \delta_k w_{jk} \tag{14b}$$
"""


def test_unit_letters_with_weights_from_i_to_j(tmp_path):
    """i, j, k name the layers (Bishop's letters) with w_{ij} written from unit i to unit j, g_j the activation of unit j,
    and kramdown's $$a_i$$ in a sentence a name, not a claim: each claim judged as the NumPy oracle decides."""
    v = _letters()
    dk = (v["ak"] - v["t"]) * _fp(v["zk"])
    written = {
        "4": (v["dWjk"], np.outer(v["aj"], dk)),
        "4b": (v["dWjk"], np.outer(v["aj"], (v["ak"] - v["t"]) * _sig(v["zk"]))),
        "13": (v["dWij"], np.outer(v["ai"], (v["Wjk"] @ dk) * _fp(v["zj"]))),
        "13b": (v["dWij"], None),  # a_j where a_i belongs: j counts 4 hidden units, the matrix's rows are 3 inputs
        "14": (v["dj"], _fp(v["zj"]) * (v["Wjk"] @ dk)),
        "14b": (v["dj"], _sig(v["zj"]) * (v["Wjk"] @ dk)),  # g for g' (a slip)
        # the operator ∂/∂w_{jk} before a_k alone: ∂a_k/∂w_{jk} = g_k'(z_k) a_j
        "op": (v["dWjk"], np.outer(v["aj"], (v["ak"] - v["t"]) * _fp(v["zk"]))),
        "op2": (v["dWjk"], np.outer(v["aj"], (v["ak"] + v["t"]) * _fp(v["zk"]))),
    }
    got = _verify(tmp_path, LETTERS_SPEC, LETTERS)
    for cid, (true, claim) in written.items():
        want = "correct" if claim is not None and _holds(claim, true) else "incorrect"
        assert got[cid].verdict == want, (cid, got[cid].message)
    assert {got[c].verdict for c in written} == {"correct", "incorrect"}
    names = [cid for cid, r in got.items() if r.latex.strip() in ("a_i", "w_{ij}")]
    assert names == [], names  # (the sentence's names are no claims)
    assert any(cid.startswith("line 2") for cid in got)  # z_j = b_j + … keeps its id among its line's spans


#: a plain-text homework: z1 = W1 x + b1, a1 = relu(z1), z2 = W2 a1 + b2, yhat = softmax(z2), L the cross-entropy
HW_SPEC = _spec("hw3", "row", 4, [(5, "relu"), (3, "softmax")], "cross_entropy", 0.1)
HW = """Homework 3 - Backprop

Q1. Forward pass: z1 = W1 x + b1, a1 = relu(z1), z2 = W2 a1 + b2, yhat = softmax(z2), L = -sum_k y_k log(yhat_k)

Q2. dL/dW2 = (yhat - y) a1^T

Q3. dL/dW2 = a1 (yhat - y)^T

Q4. dL/dz1 = W2^T (yhat - y) * (z1 > 0)

Q5. dL/dz1 = W2^T (yhat - y)

Q6. W2 <- W2 - lr * dL/dW2

Q7. W2 <- W2 + lr * dL/dW2
"""


def test_a_plain_text_homework_with_sums_and_arrows(tmp_path):
    """``sum_k`` typed in plain text is the sum and ``<-`` the update's arrow: each line judged as the NumPy oracle says
    (the loss's definition had been unread, the updates not found at all)."""
    rng = np.random.default_rng(431)
    W1, b1, W2, b2 = rng.normal(size=(5, 4)), rng.normal(size=5), rng.normal(size=(3, 5)), rng.normal(size=3)
    x, y = rng.normal(size=4), np.eye(3)[1]

    def loss(W1, W2, dz1=0.0):
        z1 = W1 @ x + b1 + dz1
        a1 = np.maximum(z1, 0)
        z2 = W2 @ a1 + b2
        p = np.exp(z2 - z2.max()) / np.exp(z2 - z2.max()).sum()
        return float(-np.sum(y * np.log(p))), z1, a1, p

    _, z1, a1, p = loss(W1, W2)
    dW2 = central_differences(lambda q: loss(W1, q["W"])[0], {"W": W2.copy()})["W"]
    dz1 = central_differences(lambda q: loss(W1, W2, q["d"])[0], {"d": np.zeros(5)})["d"]
    lr = 0.1
    written = {"Q2": (dW2, np.outer(p - y, a1)), "Q3": (dW2, np.outer(a1, p - y)),
               "Q4": (dz1, (W2.T @ (p - y)) * (z1 > 0)), "Q5": (dz1, W2.T @ (p - y)),
               "Q6": (W2 - lr * dW2, W2 - lr * np.outer(p - y, a1)), "Q7": (W2 - lr * dW2, W2 + lr * np.outer(p - y, a1))}
    got = _verify(tmp_path, HW_SPEC, HW, name="hw.txt")
    by_question = {cid.split(".")[0]: r for cid, r in got.items()}
    assert by_question["Q1"].verdict == "correct", by_question["Q1"].message
    for q, (true, claim) in written.items():
        assert by_question[q].verdict == ("correct" if _holds(claim, true) else "incorrect"), (q, by_question[q].message)


RST = r"""Backpropagation
===============

The hidden units sum their inputs, :math:`z_j = b_j + \sum_i a_i w_{ij}`, and
:math:`a_j = g_j(z_j)`.

.. math::   E = \frac{1}{2} \sum_{k=1}^K(a_k - t_k)^2

.. math::
   :label: dwjk

   \frac{\partial E }{\partial w_{jk}} = (a_k - t_k)g_k'(z_k)a_j

.. math::

   \frac{\partial E }{\partial w_{jk}} = (a_k - t_k)g_k(z_k)a_j

Done.
"""


def test_restructured_text_math(tmp_path):
    """A Sphinx note's ``.. math::`` directives (one line, or an indented block with its options) and ``:math:`` roles
    are its math, each claim at its own line; the verdicts as the NumPy oracle decides. Another file type is refused
    with the formats gradproof reads (it had been parsed as TOML)."""
    v = _letters()
    dk = (v["ak"] - v["t"]) * _fp(v["zk"])
    got = _verify(tmp_path, LETTERS_SPEC, RST, name="notes.rst")
    assert got["line 7"].verdict == "correct", got["line 7"].message  # E = ½ Σ_k (a_k − t_k)²
    right = "correct" if _holds(np.outer(v["aj"], dk), v["dWjk"]) else "incorrect"
    slip = "correct" if _holds(np.outer(v["aj"], (v["ak"] - v["t"]) * _sig(v["zk"])), v["dWjk"]) else "incorrect"
    assert (got["line 12"].verdict, got["line 16"].verdict) == (right, slip) == ("correct", "incorrect")
    import pytest
    from gradproof.derive.errors import AnswerError
    from gradproof.verify.cli import verify_file

    (tmp_path / "answer.docx").write_text("x")
    with pytest.raises(AnswerError, match=r"\.docx file is neither"):
        verify_file(str(tmp_path / "answer.docx"), str(tmp_path / "spec.toml"))


def test_x_layers_only_where_x_is_never_the_bare_input(tmp_path):
    """x_1 = σ(W_1 x_0 + b_1) reads x_l as layer l's output — but not in an answer that also writes the input bare
    beside the weights (z_1 = W_1 x + b_1): there x may be the input, and nothing is bound on a guess."""
    body = NODES.split(r"\section{A Matrix Representation}")[1] + "\n\\[z_1 = W_1 x + b_1 \\tag{bare}\\]\n"
    got = _verify(tmp_path, NODES_SPEC, body, name="answer.tex")
    assert not any("x_l is layer l's output" in n for r in got.values() for n in r.notes)
    assert got["W2"].verdict != "correct" or got["W2b"].verdict != "correct"  # (no reading accepts both)


BATCH_SPEC = _spec("b", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.1)
BATCH = r"""The cost over a mini-batch of $N$ examples is the mean of the examples' losses,

$$E = \frac{1}{N} \sum_{n=1}^{N} E_n, \qquad E_n = \frac{1}{2}\|\mathbf{a}_n^{(2)} - \mathbf{y}_n\|^2 \tag{E}$$

With $\boldsymbol{\delta}_n^{(l)} = \partial E_n / \partial \mathbf{z}_n^{(l)}$, the example's own error,

$$\boldsymbol{\delta}_n^{(2)} = (\mathbf{a}_n^{(2)} - \mathbf{y}_n) \odot \sigma'(\mathbf{z}_n^{(2)}) \tag{d}$$

$$\boldsymbol{\delta}_n^{(2)} = (\mathbf{a}_n^{(2)} - \mathbf{y}_n) \tag{d2}$$

$$\frac{\partial E}{\partial W^{(2)}} = \frac{1}{N} \sum_{n=1}^{N} \boldsymbol{\delta}_n^{(2)} (\mathbf{a}_n^{(1)})^\top \tag{w}$$

$$\frac{\partial E}{\partial W^{(2)}} = \sum_{n=1}^{N} \boldsymbol{\delta}_n^{(2)} (\mathbf{a}_n^{(1)})^\top \tag{w2}$$

With $\Delta^{(2)}$ the examples' $\boldsymbol{\delta}_n^{(2)}$ stacked as rows,

$$\frac{\partial E}{\partial W^{(2)}} = \frac{1}{N} (\Delta^{(2)})^\top A^{(1)} \tag{wD}$$

$$\frac{\partial E}{\partial W^{(2)}} = (\Delta^{(2)})^\top A^{(1)} \tag{wD2}$$
"""


def test_examples_written_with_a_subscript_index(tmp_path):
    """A batch written example by example with the objective's own sample letter as a subscript (a_n, y_n, δ_n free:
    a claim about every example n; E_n example n's loss, ∂E_n/∂z_n its own δ, no 1/N): each claim judged as the NumPy
    oracle on a batch decides (the whole note had been unread, ∂E_n/∂z_n rejected by a factor N)."""
    rng = np.random.default_rng(531)
    W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(2, 4)), rng.normal(size=2)
    X, Y = rng.normal(size=(6, 3)), rng.uniform(size=(6, 2))

    def forward(W2, dz2=None):
        A1 = _sig(X @ W1.T + b1)
        Z2 = A1 @ W2.T + b2 + (0 if dz2 is None else dz2)
        A2 = _sig(Z2)
        per = 0.5 * np.sum((A2 - Y) ** 2, axis=1)
        return A1, Z2, A2, per

    A1, Z2, A2, per = forward(W2)
    # δ_n = ∂E_n/∂z_n (example n's own loss), and ∂E/∂W2 of the mean, by central differences
    deltas = np.stack([central_differences(lambda q, n=n: forward(W2, np.eye(6)[n][:, None] * q["d"])[3][n],
                                           {"d": np.zeros(2)})["d"] for n in range(6)])
    dW2 = central_differences(lambda q: forward(q["W"])[3].mean(), {"W": W2.copy()})["W"]
    written = {"d": (deltas, (A2 - Y) * _fp(Z2)), "d2": (deltas, A2 - Y),
               "w": (dW2, deltas.T @ A1 / 6), "w2": (dW2, deltas.T @ A1),
               "wD": (dW2, deltas.T @ A1 / 6), "wD2": (dW2, deltas.T @ A1)}  # (Δ: the δ_n's stacked, no 1/N of its own)
    got = _verify(tmp_path, BATCH_SPEC, BATCH)
    for cid, (true, claim) in written.items():
        assert got[cid].verdict == ("correct" if _holds(claim, true) else "incorrect"), (cid, got[cid].message)
    assert got["E"].verdict == "correct", got["E"].message
    assert {got[c].verdict for c in written} == {"correct", "incorrect"}


def test_the_lectures_bias_vectors_and_spaced_rows(tmp_path):
    """Beside units numbered across the network, the lecture's b_1 and b_2 (inputs 1 and 2 have no bias) are layer
    1's and 2's bias vectors where the answer writes layer matrices W_1, W_2; a matrix with empty rows for spacing
    (``\\\\ \\\\``) is read without them: each claim judged as the oracle says."""
    v = _nodes()
    n, s, w, y = v["n"], v["s"], v["w"], v["y"]
    back8, back9 = (n[8] - y[0]) * s[8], (n[9] - y[1]) * s[9]
    db4 = s[4] * (back8 * w[(4, 8)] + back9 * w[(4, 9)])
    body = NODES + r"""
\[\dfrac{\partial E}{\partial b_2} =
\begin{bmatrix}
    \dfrac{\partial E}{\partial b_8} \\ \\
    \dfrac{\partial E}{\partial b_9}
\end{bmatrix}
=
\begin{bmatrix}
    (n_8-y_1)\sigma_8' \\ \\
    (n_9-y_2)\sigma_9'
\end{bmatrix} \tag{B2}\]
\[\dfrac{\partial E}{\partial b_2} =
\begin{bmatrix}
    (n_8-y_1)\sigma_8' \\ \\
    (n_9+y_2)\sigma_9'
\end{bmatrix} \tag{B2b}\]
\[\dfrac{\partial E}{\partial b_4} = \sigma_4'((n_8-y_1)\sigma_8'w_{48} + (n_9-y_2)\sigma_9'w_{49}) \tag{b4c}\]
"""
    got = _verify(tmp_path, NODES_SPEC, body, name="answer.tex")
    assert got["B2"].verdict == ("correct" if _holds(np.array([back8, back9]), v["db2"]) else "incorrect") == "correct", (
        got["B2"].message)
    planted = np.array([back8, (n[9] + y[1]) * s[9]])
    assert got["B2b"].verdict == ("correct" if _holds(planted, v["db2"]) else "incorrect") == "incorrect"
    assert got["b4c"].verdict == ("correct" if np.isclose(db4, v["db4"]) else "incorrect") == "correct"
