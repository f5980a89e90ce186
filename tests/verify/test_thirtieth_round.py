r"""The thirtieth round (issue 10): a network written unit by unit, its names placed by the answer's own forward pass
(Hung-yi Lee's ``z_1 … z_4``, ``w_1 … w_9``; star-bits' sketch of the forward pass in a plain code block). Every
expected verdict is decided here by NumPy central differences of the scalar network written by hand, never by
gradproof."""

from __future__ import annotations

import numpy as np
from conftest import central_differences
from test_nineteenth_round_coordinator import _spec
from test_twenty_first_round import _verify

#: a 2-3-1 network of logistic units with the squared error: the answer numbers its weights by the unit they leave
LEE_SPEC = _spec("lee_units", "row", 2, [(3, "sigmoid"), (1, "sigmoid")], "squared_error", 0.1)


def _sig(v):
    return 1.0 / (1.0 + np.exp(-v))


def _lee_point():
    rng = np.random.default_rng(30)
    return {**{f"w{k}": rng.normal() for k in range(1, 10)}, **{f"b{k}": rng.normal() for k in range(1, 5)},
            "x1": rng.normal(), "x2": rng.normal(), "y": rng.uniform()}


def _lee_forward(p, at=None):
    """The answer's own forward pass, z_1 = w_1 x_1 + w_4 x_2 + b_1 …: every value by name; ``at`` adds to one summed
    input (for the cost's derivative by it)."""
    at = at or {}
    v = dict(p)
    for k, (wa, wb) in enumerate([("w1", "w4"), ("w2", "w5"), ("w3", "w6")], start=1):
        v[f"z{k}"] = p[wa] * p["x1"] + p[wb] * p["x2"] + p[f"b{k}"] + at.get(f"z{k}", 0.0)
        v[f"a{k}"] = _sig(v[f"z{k}"])
    v["z4"] = p["w7"] * v["a1"] + p["w8"] * v["a2"] + p["w9"] * v["a3"] + p["b4"] + at.get("z4", 0.0)
    v["o1"] = _sig(v["z4"])
    v["C"] = 0.5 * (p["y"] - v["o1"]) ** 2
    return v


def _lee_derivative(name: str) -> float:
    """∂C/∂name by central differences: a parameter, or a summed input."""
    p = _lee_point()
    if name.startswith("z"):
        return float(central_differences(lambda q: _lee_forward(p, {name: float(q["d"][0])})["C"], {"d": np.zeros(1)})["d"][0])
    return float(central_differences(lambda q: _lee_forward({**p, name: float(q["v"])})["C"], {"v": np.array(p[name])})["v"])


LEE = r"""# Backprop, unit by unit

The forward pass:

$$z_1 = w_1 x_1 + w_4 x_2 + b_1$$

$$z_2 = w_2 x_1 + w_5 x_2 + b_2$$

$$z_3 = w_3 x_1 + w_6 x_2 + b_3$$

$$a_1 = \sigma(z_1), \quad a_2 = \sigma(z_2), \quad a_3 = \sigma(z_3)$$

$$z_4 = w_7 a_1 + w_8 a_2 + w_9 a_3 + b_4$$

$$o_1 = \sigma(z_4)$$

$$C = \frac{1}{2}(y - o_1)^2 \tag{cost}$$

Then

$$\frac{\partial C}{\partial w_8} = (o_1 - y)\, o_1 (1 - o_1)\, a_2 \tag{A}$$

$$\frac{\partial C}{\partial w_5} = (o_1 - y)\, o_1 (1 - o_1)\, w_8\, a_2 (1 - a_2)\, x_2 \tag{B}$$

$$\frac{\partial C}{\partial w_5} = (o_1 - y)\, o_1 (1 - o_1)\, w_8\, a_2 (1 - a_2)\, x_1 \tag{C}$$

$$\frac{\partial C}{\partial b_3} = (o_1 - y)\, o_1 (1 - o_1)\, w_9\, a_3 (1 - a_3) \tag{D}$$

$$\frac{\partial C}{\partial z_2} = (o_1 - y)\, o_1 (1 - o_1)\, w_7\, a_2 (1 - a_2) \tag{E}$$

$$\frac{\partial C}{\partial w_2} = (o_1 - y)\, o_1 (1 - o_1)\, w_8\, a_2 (1 - a_2)\, x_2 \tag{F}$$

$$\frac{\partial C}{\partial w_4} = \frac{\partial C}{\partial z_4} w_7 a_1 (1 - a_1) x_2 \tag{G}$$
"""

#: each claim's right side, transcribed here in NumPy, and the derivative its left side names
LEE_CLAIMS = {
    "A": ("w8", lambda v: (v["o1"] - v["y"]) * v["o1"] * (1 - v["o1"]) * v["a2"]),
    "B": ("w5", lambda v: (v["o1"] - v["y"]) * v["o1"] * (1 - v["o1"]) * v["w8"] * v["a2"] * (1 - v["a2"]) * v["x2"]),
    "C": ("w5", lambda v: (v["o1"] - v["y"]) * v["o1"] * (1 - v["o1"]) * v["w8"] * v["a2"] * (1 - v["a2"]) * v["x1"]),
    "D": ("b3", lambda v: (v["o1"] - v["y"]) * v["o1"] * (1 - v["o1"]) * v["w9"] * v["a3"] * (1 - v["a3"])),
    "E": ("z2", lambda v: (v["o1"] - v["y"]) * v["o1"] * (1 - v["o1"]) * v["w7"] * v["a2"] * (1 - v["a2"])),
    "F": ("w2", lambda v: (v["o1"] - v["y"]) * v["o1"] * (1 - v["o1"]) * v["w8"] * v["a2"] * (1 - v["a2"]) * v["x2"]),
    "G": ("w4", lambda v: (v["o1"] - v["y"]) * v["o1"] * (1 - v["o1"]) * v["w7"] * v["a1"] * (1 - v["a1"]) * v["x2"]),
}


def _oracle(cid: str) -> str:
    name, rhs = LEE_CLAIMS[cid]
    return "correct" if np.isclose(rhs(_lee_forward(_lee_point())), _lee_derivative(name), rtol=1e-5, atol=1e-9) else (
        "incorrect")


def test_units_numbered_by_their_own_forward_pass(tmp_path):
    """Hung-yi Lee's style: every name placed by the answer's scalar definitions (w_4 is the weight from x_2 into
    z_1 here, not Mazur's), each gradient judged as the oracle decides — right ones correct, the wrong input, the
    wrong weight and the wrong unit's input incorrect."""
    got = _verify(tmp_path, LEE_SPEC, LEE)
    for cid in LEE_CLAIMS:
        assert got[cid].verdict == _oracle(cid), (cid, got[cid].message)
    assert {_oracle(c) for c in LEE_CLAIMS} == {"correct", "incorrect"}  # (the oracle found both)
    assert got["cost"].verdict == "correct"


def test_a_partial_forward_pass_places_nothing(tmp_path):
    """Two units' sums left out (nealchan's notes after Lee's slide write one): w_5 and b_3 are not placed on a guess;
    what the answer's own computation graph judges agrees with the oracle — a_1, defined beside a_2 and a_3 on one
    line, is no free leaf there (∂C/∂w_4 through a_1 had been rejected)."""
    body = LEE.replace("$$z_2 = w_2 x_1 + w_5 x_2 + b_2$$", "").replace("$$z_3 = w_3 x_1 + w_6 x_2 + b_3$$", "")
    got = _verify(tmp_path, LEE_SPEC, body)
    assert all(got[c].verdict == "unchecked" for c in "BCDF")
    for cid in LEE_CLAIMS:
        assert got[cid].verdict in ("unchecked", _oracle(cid)), (cid, got[cid].message)
    assert got["G"].verdict == "correct"


#: Mazur's 2-2-2 network without biases, its forward pass sketched in a plain code block (star-bits' "Backprop")
SKETCH_SPEC = _spec("sketch_units", "row", 2, [(2, "sigmoid"), (2, "sigmoid")], "squared_error", 0.5).replace(
    'activation = "sigmoid"\n', 'activation = "sigmoid"\nbias = false\n')

SKETCH = r"""# Backprop

```
Input:             x1                    x2
Layer1:    z1 = w1*x1 + w2*x2    z2 = w3*x1 + w4*x2
           h1 = sigmoid(z1)      h2 = sigmoid(z2)
Layer2:    z3 = w5*h1 + w6*h2    z4 = w7*h1 + w8*h2
           o1 = sigmoid(z3)      o2 = sigmoid(z4)
```

$E_{total} = \frac{1}{2}(target_1 - o_1)^2 + \frac{1}{2}(target_2 - o_2)^2$

Since $z_3 = h_1 \cdot w_5$, $\frac{\partial z_3}{\partial w_5} = h_1$.

$\frac{\partial E_{o2}}{\partial h_1} = -(target_2 - o_2) \cdot o_2 (1-o_2) \cdot w_7$

$\frac{\partial E_{o2}}{\partial h_1} = -(target_2 - o_2) \cdot o_2 (1-o_2) \cdot w_6$

$\frac{\partial E_{total}}{\partial w_1} = \left(-(target_1-o_1) o_1 (1-o_1) w_5 - (target_2 - o_2) o_2 (1-o_2) w_7\right) h_1 (1-h_1) x_1$

$\frac{\partial E_{total}}{\partial w_1} = \left(-(target_1-o_1) o_1 (1-o_1) w_5 - (target_2 - o_2) o_2 (1-o_2) w_7\right) h_1 (1-h_1) x_2$

$w_5^+ = w_5 - 0.5 \cdot \frac{\partial E_{total}}{\partial w_5}$
"""


def _sketch_truth():
    """∂E_{o2}/∂h_1 and ∂E_total/∂w_1 of the sketch's network at a random point, by central differences, with the
    claims' right sides transcribed: (name -> (true, the claim's written value))."""
    rng = np.random.default_rng(31)
    p = {**{f"w{k}": rng.normal() for k in range(1, 9)}, "x1": rng.normal(), "x2": rng.normal(),
         "t1": rng.uniform(), "t2": rng.uniform()}

    def forward(q, dh1=0.0):
        h1 = _sig(q["w1"] * q["x1"] + q["w2"] * q["x2"]) + dh1
        h2 = _sig(q["w3"] * q["x1"] + q["w4"] * q["x2"])
        o1, o2 = _sig(q["w5"] * h1 + q["w6"] * h2), _sig(q["w7"] * h1 + q["w8"] * h2)
        return {"h1": h1, "o1": o1, "o2": o2, "E1": 0.5 * (q["t1"] - o1) ** 2, "E2": 0.5 * (q["t2"] - o2) ** 2}

    v = forward(p)
    de2_dh1 = float(central_differences(lambda q: forward(p, float(q["d"][0]))["E2"], {"d": np.zeros(1)})["d"][0])
    de_dw1 = float(central_differences(lambda q: sum(forward({**p, "w1": float(q["w"])})[e] for e in ("E1", "E2")),
                                       {"w": np.array(p["w1"])})["w"])
    back = -(p["t1"] - v["o1"]) * v["o1"] * (1 - v["o1"]) * p["w5"] - (p["t2"] - v["o2"]) * v["o2"] * (1 - v["o2"]) * p["w7"]
    slope = v["h1"] * (1 - v["h1"])
    return {"e2_w7": (de2_dh1, -(p["t2"] - v["o2"]) * v["o2"] * (1 - v["o2"]) * p["w7"]),
            "e2_w6": (de2_dh1, -(p["t2"] - v["o2"]) * v["o2"] * (1 - v["o2"]) * p["w6"]),
            "w1_x1": (de_dw1, back * slope * p["x1"]), "w1_x2": (de_dw1, back * slope * p["x2"])}


def test_a_forward_pass_sketched_in_a_code_block(tmp_path):
    """The code block's definitions place every name (its weights in Mazur's order, so w_5^+ reads too); the line that
    cuts z_3's sum to the term its derivative needs is not judged as the whole sum."""
    truth = _sketch_truth()
    got = _verify(tmp_path, SKETCH_SPEC, SKETCH)
    ids = sorted(got, key=lambda k: int(k.split()[1].split("#")[0]) * 100 + (int(k.split("#")[1]) if "#" in k else 0))
    by_line = {k: got[k] for k in ids}
    verdicts = [r.verdict for r in by_line.values()]
    cut = next(r for r in by_line.values() if r.latex.strip() == r"z_3 = h_1 \cdot w_5")
    assert cut.verdict == "unchecked" and "some of the terms" in cut.message
    derivative = next(r for r in by_line.values() if r.latex.strip() == r"\frac{\partial z_3}{\partial w_5} = h_1")
    assert derivative.verdict == "correct"
    for key, needle in (("e2_w7", r"\cdot w_7$"), ("e2_w6", r"\cdot w_6$"), ("w1_x1", "x_1$"), ("w1_x2", "x_2$")):
        true, written = truth[key]
        want = "correct" if np.isclose(true, written, rtol=1e-5, atol=1e-9) else "incorrect"
        line = next(r for r in by_line.values() if (r.latex.strip() + "$").endswith(needle.rstrip("$") + "$")
                    and ("E_{o2}" in r.latex) == key.startswith("e2"))
        assert line.verdict == want, (key, line.message)
    step = next(r for r in by_line.values() if r.latex.strip().startswith("w_5^+"))
    assert step.verdict == "correct", step.message
    assert "incorrect" in verdicts


#: wintertee's one neuron in French: z = w × x + b, a = φ(z), then φ' with no argument (here φ = tanh, a 3-4-3 network)
PRIME_SPEC = _spec("bare_prime", "row", 3, [(4, "tanh"), (3, "softmax")], "cross_entropy", 0.1)

PRIME = r"""# Un neurone

On note $\phi$ la fonction d'activation, alors on a:
$$
z = w \times x + b \tag{1}
$$

$$
a = \phi(z) \tag{2}
$$

$$
\frac{\partial a}{\partial b}=\frac{\partial a}{\partial z}\times\frac{\partial z}{\partial b}=\phi'\times 1 \tag{P}
$$

$$
\frac{\partial a}{\partial b}=\phi' \cdot \phi' \tag{Q}
$$

$$
\frac{\partial a}{\partial z}=\phi' \tag{R}
$$
"""


def test_a_slope_written_with_no_argument(tmp_path):
    """``φ' × 1``: the activation's slope at the unit's summed input, as φ'(z) (it had stopped the reading at the ×).
    The oracle: the hidden layer's Jacobian ∂a/∂b by central differences, compared with each right side (φ' = 1 − tanh²
    written out here) — a diagonal, so its diagonal."""
    rng = np.random.default_rng(32)
    W, x, b = rng.normal(size=(4, 3)), rng.normal(size=3), rng.normal(size=4)
    jac = np.stack([central_differences(lambda p, i=i: float(np.tanh(W @ x + p["b"])[i]), {"b": b.copy()})["b"]
                    for i in range(4)])
    slope = 1 - np.tanh(W @ x + b) ** 2
    assert np.allclose(jac, np.diag(np.diag(jac)), atol=1e-8)
    rights = {"P": slope * 1, "Q": slope * slope, "R": slope}
    got = _verify(tmp_path, PRIME_SPEC, PRIME)
    for cid, value in rights.items():
        want = "correct" if np.allclose(value, np.diag(jac), rtol=1e-5, atol=1e-9) else "incorrect"
        assert got[cid].verdict == want, (cid, got[cid].message)
    assert got["Q"].verdict == "incorrect"


def _softmax_truth(seed: int, k: int, label: int):
    """At a random z of k entries with a one-hot y (its 1 at ``label``): z, y, the softmax, its Jacobian J[i, j] =
    ∂p_i/∂z_j and the cross-entropy's gradient ∂E/∂z, both by central differences of a softmax written here."""
    rng = np.random.default_rng(seed)
    z, y = rng.normal(size=k), np.eye(k)[label]

    def soft(v):
        e = np.exp(v - v.max())
        return e / e.sum()

    jac = np.stack([central_differences(lambda q, i=i: float(soft(q["z"])[i]), {"z": z.copy()})["z"] for i in range(k)])
    grad = central_differences(lambda q: float(-np.sum(y * np.log(soft(q["z"])))), {"z": z.copy()})["z"]
    return z, y, soft(z), jac, grad


#: a softmax output named by the word with an entry's argument (McLaughlin's softmax(z_{i}), exp as a word)
NAMED_SPEC = _spec("named_softmax", "column", 2, [(3, "tanh"), (2, "softmax")], "cross_entropy", 0.01)

NAMED = r"""# Softmax and its cross-entropy

$$a_{i} = softmax(z_{i}) = \frac{exp(z_{i})}{\sum\limits_{k \in C}exp(z_{k})} \tag{S}$$

$$\frac{\partial a_{i}}{\partial z_{i}} = [1 - softmax(z_{i})] softmax(z_{i}) = [1 - a_{i}]a_{i} \tag{D}$$

$$\frac{\partial a_{i}}{\partial z_{j}} = -a_{i}a_{j} \tag{J}$$

$$\frac{\partial L}{\partial z_{i}} = a_{i} - y_{i} \tag{G}$$
"""


def test_a_softmax_named_with_an_entry(tmp_path):
    """``softmax(z_{i})`` is entry i of the softmax of z, and ``a_i = softmax(z_i)`` binds a bare a and z to the
    output layer; its i and k are one layer's entries, not Bishop's letters for layers (which had read a_i as an input
    and rejected the Jacobian's claim on that reading). The oracle: the softmax's Jacobian and the cross-entropy's
    gradient by central differences, at a random z with a one-hot y."""
    z, y, a, jac, grad = _softmax_truth(33, 2, 0)
    oracle = {"D": np.allclose((1 - a) * a, np.diag(jac), atol=1e-8),
              "J": np.allclose(-np.outer(a, a), jac, atol=1e-8), "G": np.allclose(a - y, grad, atol=1e-8)}
    got = _verify(tmp_path, NAMED_SPEC, NAMED)
    assert got["S"].verdict == "correct", got["S"].message
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)
    assert not oracle["J"]  # (stated for every i and j it fails on the diagonal: the oracle says so)


#: a blog post's four-layer network (Nemotron-CC-Math's "An Example of Backpropagation in a Four-Layer Neural Network
#: Using Cross-Entropy Loss"): the softmax named σ, layers as bare superscripts (z^3_1), H(ŷ, y) := −Σ y_i log ŷ_i
FOUR_SPEC = _spec("four_layers", "row", 2, [(3, "sigmoid"), (3, "sigmoid"), (3, "softmax")], "cross_entropy", 0.1)

FOUR = r"""# Backpropagation in a four-layer network

\[
\hat{y}_k = \mathbf{\sigma}(\mathbf{z}^{3})_k = \frac{\exp(z^{3}_k)}{\sum_{i=1}^{3}\exp(z_i^3)} \tag{soft}
\]

\[
H(\mathbf{\hat{y}},\mathbf{y}) := - \sum_{i=1}^3 y_{i} \log (\hat{y}_i) \tag{H}
\]

\[
\frac{\partial H(\mathbf{\hat{y}},\mathbf{y})}{\partial z^3_1} = \hat{y}_1 - y_1 \tag{g1}
\]

\[
\frac{\partial \hat{y}_1}{\partial z^3_1} = \hat{y}_1 (1 - \hat{y}_1) \tag{d11}
\]

\[
\frac{\partial \hat{y}_2}{\partial z^3_1} = -\hat{y}_2 \hat{y}_1 \tag{d21}
\]
"""
#: the same with the mistakes students make: a sign, σ' as σ, the diagonal's form off the diagonal, a normalizer
FOUR_PLANTED = (FOUR.replace(r"= \hat{y}_1 - y_1", r"= y_1 - \hat{y}_1").replace(r"= \hat{y}_1 (1 - \hat{y}_1)", r"= \hat{y}_1")
                .replace(r"= -\hat{y}_2 \hat{y}_1", r"= \hat{y}_2 (1 - \hat{y}_1)")
                .replace(r"{\sum_{i=1}^{3}\exp(z_i^3)}", r"{\sum_{i=1}^{3}z_i^3}"))


def test_the_softmax_named_sigma_and_bare_superscript_layers(tmp_path):
    """σ(\\mathbf z^3)_k set equal to exp(z^3_k)/Σ_i exp(z^3_i) names the softmax (σ of the output's z; it had been
    the logistic σ: a false reject), z^3_1 is entry 1 of layer 3, and H(ŷ, y) := … is the objective. The oracle: the
    softmax's Jacobian and the cross-entropy's gradient by central differences at a random z with a one-hot y; each
    right side transcribed in NumPy."""
    z, y, p, jac, grad = _softmax_truth(35, 3, 2)
    right = {"soft": (np.exp(z) / np.exp(z).sum(), p), "g1": (p[0] - y[0], grad[0]), "d11": (p[0] * (1 - p[0]), jac[0, 0]),
             "d21": (-p[1] * p[0], jac[1, 0])}
    planted = {"soft": (np.exp(z) / z.sum(), p), "g1": (y[0] - p[0], grad[0]), "d11": (p[0], jac[0, 0]),
               "d21": (p[1] * (1 - p[0]), jac[1, 0])}
    for body, sides in ((FOUR, right), (FOUR_PLANTED, planted)):
        got = _verify(tmp_path, FOUR_SPEC, body)
        for cid, (claimed, true) in sides.items():
            want = "correct" if np.allclose(claimed, true, rtol=1e-5, atol=1e-8) else "incorrect"
            assert got[cid].verdict == want, (cid, got[cid].message)
        assert got["H"].verdict == "correct", got["H"].message
    assert all(not np.allclose(*planted[c], atol=1e-6) for c in planted)


def test_a_letter_named_in_words_is_no_equation(tmp_path):
    """The neuroticnetworks blog's ``$L_k = output$``, ``$L_h = input$``: a label in words. It had been read as the
    loss L equal to the output ŷ and rejected; a TA grades no such line."""
    spec = _spec("named_words", "column", 2, [(3, "sigmoid"), (1, "sigmoid")], "squared_error", 0.1)
    body = "$ L_h = input$\n\n$ L_j = intermediate$\n\n$ L_k = output$\n\n$\\hat y = \\text{output}$\n"
    got = _verify(tmp_path, spec, body)
    assert [r.verdict for r in got.values()] == ["unchecked"] * 4
    assert all("label" in r.message for r in got.values())


#: Diaz-De-Vivar's worked example (deep-learning, 09.04.backpropagation.md), its givens and some of its steps: the
#: input written as a chain of two names (X = A^{[0]} = [...]), Ng's bracketed layers, and "Let z_1 = 0.235" naming the
#: output's entries by bare subscripts
DIAZ_SPEC = _spec("diaz", "row", 2, [(3, "relu"), (2, "softmax")], "cross_entropy", 0.1)
DIAZ = r"""# Backpropagation Algorithm Example

* Input: $X = A^{[0]} = \begin{bmatrix} 0.5 \\ -0.2 \end{bmatrix}$
* Layer 1 Weights & Biases:
    $W^{[1]} = \begin{bmatrix} 0.1 & 0.4 \\ -0.2 & 0.1 \\ 0.3 & -0.1 \end{bmatrix}$,
    $b^{[1]} = \begin{bmatrix} 0.1 \\ 0 \\ -0.1 \end{bmatrix}$
* Layer 2 Weights & Biases:
    $W^{[2]} = \begin{bmatrix} 0.2 & -0.1 & 0.3 \\ 0.1 & 0.4 & -0.2 \end{bmatrix}$, $b^{[2]} = \begin{bmatrix} 0.2 \\ -0.1 \end{bmatrix}$
* True Label: $Y = \begin{bmatrix} 0 \\ 1 \end{bmatrix}$

$$Z^{[1]} = \begin{bmatrix} 0.07 \\ -0.12 \\ 0.07 \end{bmatrix} \tag{z1}$$

$$A^{[2]} = g_{softmax}(Z^{[2]}) \tag{a2}$$

Let $z_1 = 0.235, z_2 = -0.107$.

$$A^{[2]} = \hat{Y} = \begin{bmatrix} e^{z_1} / (e^{z_1} + e^{z_2}) \\ e^{z_2} / (e^{z_1} + e^{z_2}) \end{bmatrix}
\approx \begin{bmatrix} 0.5847 \\ 0.4153 \end{bmatrix} \tag{soft}$$

$$\frac{\partial J}{\partial W^{[2]}} \approx \begin{bmatrix} 0.0409 & 0 & 0.0409 \\ -0.0409 & 0 & -0.0409 \end{bmatrix} \tag{gW2}$$

$$\delta^{[1]} = \begin{bmatrix} 0.05847 \\ 0 \\ 0.29235 \end{bmatrix} \tag{d1}$$

$$\frac{\partial J}{\partial W^{[1]}} \approx \begin{bmatrix} 0.0292 & -0.0117 \\ 0 & 0 \\ 0.1462 & -0.0585 \end{bmatrix} \tag{gW1}$$
"""
#: the same with the mistakes students make: the ReLU's mask left out of δ^{[1]}, a gradient's rows swapped
DIAZ_PLANTED = DIAZ.replace(r"0.05847 \\ 0 \\ 0.29235", r"0.05847 \\ -0.29235 \\ 0.29235").replace(
    r"0.0409 & 0 & 0.0409 \\ -0.0409 & 0 & -0.0409", r"-0.0409 & 0 & -0.0409 \\ 0.0409 & 0 & 0.0409")


def _diaz_truth():
    """The example's forward and backward pass in NumPy (z = W a + b, ReLU, softmax, cross-entropy), its gradients
    checked by central differences."""
    x, y = np.array([0.5, -0.2]), np.array([0.0, 1.0])
    W1, b1 = np.array([[0.1, 0.4], [-0.2, 0.1], [0.3, -0.1]]), np.array([0.1, 0.0, -0.1])
    W2, b2 = np.array([[0.2, -0.1, 0.3], [0.1, 0.4, -0.2]]), np.array([0.2, -0.1])

    def loss(p):
        a1 = np.maximum(0, p["W1"] @ x + b1)
        z2 = p["W2"] @ a1 + b2
        return float(-np.sum(y * (z2 - np.log(np.exp(z2).sum()))))

    g = central_differences(loss, {"W1": W1.copy(), "W2": W2.copy()})
    z1 = W1 @ x + b1
    z2 = W2 @ np.maximum(0, z1) + b2
    p = np.exp(z2) / np.exp(z2).sum()
    d1 = (W2.T @ (p - y)) * (z1 > 0)
    return {"z1": z1, "gW2": g["W2"], "d1": d1, "gW1": g["W1"]}


def test_a_worked_example_whose_input_has_two_names(tmp_path):
    """``X = A^{[0]} = [...]`` gives the example's input (it had been left out, so the whole document went unchecked);
    "Let $z_1 = 0.235$" beside Z^{[2]} names entries, not layer 1 of another problem (the forward pass had been set
    aside as such), and `e^{z_1}` is not read as layer 1's z (a false reject). Each numeric claim is judged against
    the oracle's values within the digits written (2 decimals more than the oracle's rounding: 5e-4)."""
    truth = _diaz_truth()
    written = {"z1": [0.07, -0.12, 0.07], "gW2": [[0.0409, 0, 0.0409], [-0.0409, 0, -0.0409]],
               "d1": [0.05847, 0, 0.29235], "gW1": [[0.0292, -0.0117], [0, 0], [0.1462, -0.0585]]}
    planted = {**written, "d1": [0.05847, -0.29235, 0.29235], "gW2": [[-0.0409, 0, -0.0409], [0.0409, 0, 0.0409]]}
    for body, numbers in ((DIAZ, written), (DIAZ_PLANTED, planted)):
        got = _verify(tmp_path, DIAZ_SPEC, body)
        for cid, value in numbers.items():
            want = "correct" if np.allclose(value, truth[cid], atol=5e-4) else "incorrect"
            assert got[cid].verdict == want, (cid, got[cid].message)
        assert got["soft"].verdict != "incorrect", got["soft"].message
        assert got["a2"].verdict == "correct"
    assert not np.allclose(planted["d1"], truth["d1"], atol=5e-4)


#: the book-ai.org chapter "Backpropagation Algorithm": code's indexing W_2[i][j], b_2[j], a mean squared error over the
#: 4 outputs counted from 0 (\frac{1}{4}\sum_{i=0}^{3}), a bare h beside ŷ with h_i its entries
BOOK_SPEC = _spec("book_ai", "column", 4, [(3, "relu"), (4, "identity")], "mean_squared_error", 0.1)
BOOK = r"""# Backpropagation

$$L = \frac{1}{4} \sum_{i=0}^{3} (\hat{y}_i - y_i)^2 \tag{L}$$

$$\frac{\partial L}{\partial \hat{y}_i} = \frac{2}{4}(\hat{y}_i - y_i) = \frac{1}{2}(\hat{y}_i - y_i) \tag{dy}$$

The output is $\hat{y}_j = \sum_i h_i \cdot W_2[i][j] + b_2[j]$. By the chain rule:

$$\frac{\partial L}{\partial W_2[i][j]} = h_i \cdot \frac{\partial L}{\partial \hat{y}_j} \tag{dW}$$

$$\frac{\partial L}{\partial b_2[j]} = \frac{\partial L}{\partial \hat{y}_j} \tag{db}$$

$$\frac{\partial L}{\partial h_i} = \sum_j W_2[i][j] \cdot \frac{\partial L}{\partial \hat{y}_j} \tag{dh}$$
"""


def test_code_indexing_and_a_sum_counted_from_zero(tmp_path):
    """``W_2[i][j]`` is entry (i, j) of the matrix as written (here n_in × n_out: ŷ_j = Σ_i h_i W_2[i][j]); a sum from 0
    to 3 over the 4 outputs is counted from 0 (it had been read as a bias absorbed in the weights, which also made the
    forward sum wrong); a bare h beside ŷ, with h_i its entries, is the hidden layer's. The oracle: the output layer's
    gradients by central differences at a random point, each right side transcribed in NumPy."""
    rng = np.random.default_rng(36)
    h, W, b, y = rng.uniform(size=3), rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=4)

    def loss(p):
        return float(np.mean((p["h"] @ p["W"] + p["b"] - y) ** 2))

    g = central_differences(loss, {"h": h.copy(), "W": W.copy(), "b": b.copy()})
    yhat = h @ W + b
    dy = central_differences(lambda p: float(np.mean((p["v"] - y) ** 2)), {"v": yhat.copy()})["v"]
    sides = {"dy": (0.5 * (yhat - y), dy), "dW": (np.outer(h, 0.5 * (yhat - y)), g["W"]),
             "db": (0.5 * (yhat - y), g["b"]), "dh": (W @ (0.5 * (yhat - y)), g["h"])}
    got = _verify(tmp_path, BOOK_SPEC, BOOK)
    for cid, (claimed, true) in sides.items():
        assert np.allclose(claimed, true, atol=1e-7)  # (each claim is right: the oracle says so)
        assert got[cid].verdict == "correct", (cid, got[cid].message)
    assert got["L"].verdict == "correct", got["L"].message
    planted = BOOK.replace(r"= \frac{2}{4}(\hat{y}_i - y_i) = \frac{1}{2}(\hat{y}_i - y_i)", r"= 2(\hat{y}_i - y_i)")
    planted = planted.replace(r"\partial \hat{y}_j} \tag{dW}", r"\partial \hat{y}_i} \tag{dW}")  # (a wrong index)
    wrong = _verify(tmp_path, BOOK_SPEC, planted)
    assert not np.allclose(2 * (yhat - y), dy)
    assert wrong["dy"].verdict == "incorrect" and wrong["dW"].verdict != "correct"


def test_a_derivative_by_one_units_weights_laid_out_either_way(tmp_path):
    """gauravreddy08's ``\\frac{\\partial z^L}{\\partial W^L} = a^{L-1}`` with one output unit: its entries are the
    derivative's (the oracle: central differences of z^L = W^L a^{L-1} + b^L by W^L's one row), laid out as a column
    where the spec lays W^L as a row — a layout the answer does not fix, so not rejected; the same claim with the
    wrong entries (ReLU'(z^{L-1}) for a^{L-1}) is."""
    spec = _spec("gaurav", "row", 3, [(4, "relu"), (4, "relu"), (1, "sigmoid")], "binary_cross_entropy", 0.1)
    rng = np.random.default_rng(37)
    a, W, b = rng.uniform(size=4), rng.normal(size=(1, 4)), rng.normal(size=1)
    dz_dw = central_differences(lambda p: float((p["W"] @ a + b)[0]), {"W": W.copy()})["W"]
    assert np.allclose(dz_dw.ravel(), a)  # (the derivative's entries are a^{L-1}'s)
    body = "$$\nz^L = W^L a^{L-1} + b^L\n$$\n\n$$\n\\frac{\\partial z^L}{\\partial W^L} = a^{L-1} \\tag{d}\n$$\n"
    got = _verify(tmp_path, spec, body)
    assert got["d"].verdict == "unchecked" and "layout" in got["d"].message, got["d"].message
    wrong = _verify(tmp_path, spec, body.replace("= a^{L-1} \\tag", "= z^{L-1} \\tag"))
    assert wrong["d"].verdict == "incorrect", wrong["d"].message
