r"""The twenty-sixth round (issue 10): a learner's derivation in the style of deeplearning.ai's notes with the layer as a
subscript — bold vectors numbered by their layer (``\bm w_2``, ``\bm W_1``), the example as a superscript ``(i)`` beside
the layer's number (``z_2^{(i)}``), one example's loss L inside the cost ``J = \frac{1}{m} \sum_i L(a_2^{(i)},
y^{(i)})`` and a batch section in capitals (samples as columns). Every expected verdict is decided here by NumPy
central differences on the network written out in the answer's own arrays, never by gradproof."""

from __future__ import annotations

import numpy as np
from conftest import central_differences
from test_nineteenth_round_coordinator import _spec
from test_twenty_first_round import _verify

SPEC = _spec("bold_layers", "column", 3, [(4, "relu"), (1, "sigmoid")], "binary_cross_entropy", 0.1)

DOC = r"""# One hidden ReLU layer

For sample $(i)$ the forward pass is
$$\bm z_1^{(i)} = \bm W_1^T \bm x^{(i)} + \bm b_1$$
$$\bm a_1^{(i)} = r(\bm z_1^{(i)})$$
$$z_2^{(i)} = \bm w_2^T \bm a_1^{(i)} + b_2$$
$$a_2^{(i)} = \sigma(z_2^{(i)})$$
where $(\bm W_1, \bm b_1) \in (\mathbb{R}^{n \times h}, \mathbb{R}^h)$ and $(\bm w_2, b_2) \in (\mathbb{R}^h, \mathbb{R})$.
The loss of one sample is $L(\hat y, y) = -\left(y \log(\hat y) + (1-y)\log(1-\hat y)\right)$ and over the $m$ samples
$$J = \frac{1}{m}\sum_{i=1}^m L(a_2^{(i)}, y^{(i)})$$

For two vectors $\bm x, \bm y$ we write
$$\bm x \cdot \bm y = \sum_{i=1}^n x_i y_i = x_i y_i \tag{dot}$$

$$\frac{\partial L}{\partial z_2^{(i)}} = a_2^{(i)} - y \tag{dz2}$$

$$\frac{\partial L}{\partial z_2^{(i)}} = y - a_2^{(i)} \tag{dz2_slip}$$

$$\frac{\partial L}{\partial \bm w_2} = (a_2 - y) \bm a_1 \tag{dw2}$$

$$\frac{\partial L}{\partial \bm w_2} = (a_2 - y) \bm z_1 \tag{dw2_slip}$$

$$\frac{\partial L}{\partial b_2} = a_2 - y \tag{db2}$$

Over the batch, with $\bm X \in \mathbb{R}^{n \times m}$, $\bm A_1 = r(\bm W_1^T \bm X + \bm b_1)$ and the row
$\bm a_2 \in \mathbb{R}^m$:

$$\frac{\partial J}{\partial \bm w_2} = \frac{1}{m} \bm A_1 (\bm a_2 - \bm y)^T \tag{Jw2}$$

$$\frac{\partial J}{\partial \bm w_2} = \frac{1}{m} \bm A_1 (\bm a_2 + \bm y)^T \tag{Jw2_slip}$$

$$\frac{\partial J}{\partial \bm w_2} = \frac{1}{m} (\bm a_2 - \bm y) \bm A_1^T \tag{Jw2_row}$$
"""


def _truth():
    """The 3-4-1 network in the answer's arrays (W_1: n × h, z_1 = W_1^T x + b_1, z_2 = w_2^T a_1 + b_2, L the BCE of one
    sample, J the mean over 5 samples in columns) at a random point where some z_1 entries are negative (ReLU matters):
    the forward values and the derivatives, by central differences."""
    rng = np.random.default_rng(26)
    W1, b1, w2, b2 = rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=4), rng.normal()
    X, Y = rng.normal(size=(3, 5)), rng.integers(0, 2, size=5).astype(float)

    def loss(a2, y):
        return -(y * np.log(a2) + (1 - y) * np.log(1 - a2))

    def forward(x, W1, b1, w2, b2):
        z1 = W1.T @ x + b1
        a1 = np.maximum(z1, 0)
        z2 = w2 @ a1 + b2
        return z1, a1, z2, 1 / (1 + np.exp(-z2))

    x, y = X[:, 0], Y[0]
    z1, a1, z2, a2 = forward(x, W1, b1, w2, b2)
    one = central_differences(lambda p: loss(forward(x, W1, b1, p["w2"], p["b2"][0])[3], y),
                              {"w2": w2.copy(), "b2": np.array([b2])})
    dz2 = central_differences(lambda p: loss(1 / (1 + np.exp(-p["z2"][0])), y), {"z2": np.array([z2])})["z2"][0]
    J = central_differences(lambda p: np.mean([loss(forward(X[:, k], W1, b1, p["w2"], b2)[3], Y[k]) for k in range(5)]),
                            {"w2": w2.copy()})["w2"]
    A1 = np.maximum(W1.T @ X + b1[:, None], 0)
    A2 = 1 / (1 + np.exp(-(w2 @ A1 + b2)))
    assert (z1 < 0).any() and (z1 > 0).any()
    return dict(z1=z1, a1=a1, a2=a2, y=y, dz2=dz2, dw2=one["w2"], db2=one["b2"][0], A1=A1, A2=A2, Y=Y, Jw2=J)


def _close(a, b) -> bool:
    return bool(np.allclose(a, b, rtol=1e-5, atol=1e-7))


def test_bold_layer_vectors_and_the_examples_superscript_are_read_as_central_differences_decide(tmp_path):
    t = _truth()
    oracle = {
        "dz2": _close(t["a2"] - t["y"], t["dz2"]),
        "dz2_slip": _close(t["y"] - t["a2"], t["dz2"]),
        "dw2": _close((t["a2"] - t["y"]) * t["a1"], t["dw2"]),
        "dw2_slip": _close((t["a2"] - t["y"]) * t["z1"], t["dw2"]),
        "db2": _close(t["a2"] - t["y"], t["db2"]),
        "Jw2": _close(t["A1"] @ (t["A2"] - t["Y"]) / 5, t["Jw2"]),
        "Jw2_slip": _close(t["A1"] @ (t["A2"] + t["Y"]) / 5, t["Jw2"]),
    }
    assert oracle == {"dz2": True, "dz2_slip": False, "dw2": True, "dw2_slip": False, "db2": True, "Jw2": True,
                      "Jw2_slip": False}  # (the oracle tells each pair apart)
    got = _verify(tmp_path, SPEC, DOC)
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)
    # the same numbers laid out as a row: the answer's w_2 ∈ ℝ^h has no orientation of its own, so no verdict
    assert _close(((t["A2"] - t["Y"]) @ t["A1"].T / 5), t["Jw2"])
    assert got["Jw2_row"].verdict == "unchecked", got["Jw2_row"].message
    # the dot product's illustration in x and y is about no quantity of the network
    assert got["dot"].verdict == "unchecked", got["dot"].message


def test_a_plain_w_with_a_number_stays_mazurs_one_weight_without_a_bold_one(tmp_path):
    """Without a bold w numbered by its layer anywhere, w_2 is still one weight (Mazur's numbering), not layer 2."""
    body = (r"$$z_2 = w_2 a_1 + b_2$$" "\n\n" r"$$\frac{\partial L}{\partial w_2} = (a_2 - y) a_1 \tag{q}$$" "\n")
    got = _verify(tmp_path, SPEC, body)
    assert got["q"].verdict == "unchecked" and "one weight" in got["q"].message, got["q"].message


def test_an_own_jacobian_matrix_with_an_index_is_not_the_objective(tmp_path):
    """J_{ij} = ∂r_i/∂z_j (or \\bm J_1 = …) makes J with an index the answer's own matrix: a claim using J_1 is not read
    with J_1 as the cost (read so, the product below was a false reject by its shapes)."""
    body = (DOC + "\n" r"with $J_{ij} = \frac{\partial r_i}{\partial z_j}$ and $\bm J_1$ the matrix of the Jacobians' diagonals,"
            "\n\n" r"$$\frac{\partial J}{\partial \bm b_1} = \frac{1}{m} (\bm a_2 - \bm y)(\bm w_2 \odot \bm J_1)^T"
            r" \tag{Jb1}$$" "\n")
    got = _verify(tmp_path, SPEC, body)
    assert got["Jb1"].verdict == "unchecked", got["Jb1"].message
