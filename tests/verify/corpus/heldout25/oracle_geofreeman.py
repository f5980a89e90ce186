"""Independent NumPy oracle for the two MITx 6.86x answer files of 369geofreeman (geofreeman_6x86_recursion.md,
geofreeman_6x86_hw_backprop.md) and their planted copies.

Recursion (lecture 9): a chain of L = 3 one-unit tanh layers without biases, z_1 = x w_1, z_i = f_{i-1} w_i, loss
(y - f_L)^2 (no 1/2); every dL/dw_1, dL/dz_i is taken by central differences of the loss itself at random points and
compared with the answer read in the course's way (`∂∂𝑤1` = dL/dw_1, `𝑓21` = f_1^2, `⋯` the product up to L).
Homework: (a) Nielsen's delta recursion and dC/db^l_j = delta^l_j on a random 3-layer tanh net with biases and the
quadratic cost (central differences of C); (b) the course's 1-1-1 network z1 = w1 x, a1 = ReLU(z1), z2 = w2 a1 + b,
y = sigma(z2), C = 1/2 (y - t)^2 at t = 1, x = 3, w1 = 0.01, w2 = -5, b = -1: the loss and dC/dw1, dC/dw2, dC/db by
central differences, the written numbers by heldout13's rule (written.py); sigma' and ReLU' by central differences.
A check holds exactly when MANIFEST.toml's verdict is correct. Run: python oracle_geofreeman.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid
from written import written

rng = np.random.default_rng(2504)


# ---- the recursion problems: one-unit tanh chain, L = 3
def chain(w, x):
    f, zs = x, []
    for wi in w:
        zs.append(f * wi)
        f = np.tanh(zs[-1])
    return zs, f


def chain_loss(w, x, y):
    return float((y - chain(w, x)[1]) ** 2)


def chain_point():
    w, x, y = rng.normal(size=3), float(rng.normal()), float(rng.normal())
    zs, fL = chain(w, x)
    f = [np.tanh(z) for z in zs]
    dw = grad(lambda v: chain_loss(v, x, y), w)

    def from_z(i, v):
        """the loss as a function of z_i (layers after i recomputed)."""
        f_i = np.tanh(v)
        for wj in w[i + 1:]:
            f_i = np.tanh(f_i * wj)
        return float((y - f_i) ** 2)

    delta = [float(grad(lambda v, i=i: from_z(i, v[0]), np.array([zs[i]]))[0]) for i in range(3)]
    dz1_dw1 = float(grad(lambda v: float(v[0] * x), np.array([w[0]]))[0])
    return dict(w=w, x=x, y=y, f=f, fL=float(fL), dw=dw, delta=delta, dz1_dw1=dz1_dw1, eta=0.1)


C = [chain_point() for _ in range(4)]


def every(check):
    return lambda: all(check(c) for c in C)


rec_checks = {
    "line 34": every(lambda c: chain_loss(c["w"] - 1e-4 * np.r_[c["dw"][0], 0, 0], c["x"], c["y"])
                     < chain_loss(c["w"], c["x"], c["y"])),                  # a descent step on w_1
    "line 51": every(lambda c: np.isclose(c["dw"][0], c["dz1_dw1"] * c["delta"][0])),
    "line 52": every(lambda c: np.isclose(c["dw"][0], c["x"] * c["delta"][0])),
    "line 68": every(lambda c: np.isclose(c["delta"][0], (1 - c["f"][0] ** 2) * c["w"][1] * c["delta"][1])),
    "line 80": every(lambda c: np.isclose(c["dw"][0], c["x"] * np.prod([1 - fi ** 2 for fi in c["f"]]) * c["w"][1] * c["w"][2]
                                          * (2 * (c["fL"] - c["y"])))),
}
rec_planted = {
    "line 52": every(lambda c: np.isclose(c["dw"][0], c["x"] * c["delta"][1])),
    "line 68": every(lambda c: np.isclose(c["delta"][0], (1 - c["f"][0] ** 2) * c["w"][0] * c["delta"][1])),
    "line 80": every(lambda c: np.isclose(c["dw"][0], c["x"] * np.prod([1 - fi ** 2 for fi in c["f"]]) * c["w"][1] * c["w"][2]
                                          * (2 * (c["y"] - c["fL"])))),
}
confirm("geofreeman_6x86_recursion.md", "geofreeman_6x86_recursion_planted.md", rec_checks, rec_planted)


# ---- the homework: (a) Nielsen's recursion on a random 3-layer tanh net with biases, quadratic cost
sizes = [3, 4, 3, 2]
Ws = [rng.normal(size=(sizes[i + 1], sizes[i])) for i in range(3)]            # w^l_{jk}: row j, column k
bs = [rng.normal(size=sizes[i + 1]) for i in range(3)]
x0, target = rng.normal(size=3), rng.normal(size=2)


def forward(Ws, bs):
    a, zs, acts = x0, [], [x0]
    for W, b in zip(Ws, bs, strict=True):
        zs.append(W @ a + b)
        a = np.tanh(zs[-1])
        acts.append(a)
    return zs, acts


def cost_from_z(l, z):
    """C as a function of z^l (l = 0, 1, 2 for layers 1..3)."""
    a = np.tanh(z)
    for W, b in zip(Ws[l + 1:], bs[l + 1:], strict=True):
        a = np.tanh(W @ a + b)
    return 0.5 * float(np.sum((a - target) ** 2))


zs, acts = forward(Ws, bs)
deltas = [grad(lambda v, l=l: cost_from_z(l, v), zs[l]) for l in range(3)]
db = [grad(lambda v, l=l: 0.5 * float(np.sum((forward(Ws, [*bs[:l], v, *bs[l + 1:]])[1][-1] - target) ** 2)), bs[l])
      for l in range(3)]


def recursion(slope):
    """delta^l_j = sum_k w^{l+1}_{kj} delta^{l+1}_k slope(z^l_j), for l = 1, 2."""
    return all(same(deltas[l], (Ws[l + 1].T @ deltas[l + 1]) * slope(zs[l])) for l in range(2))


tanh_slope = np.array([float(grad(lambda v: float(np.tanh(v[0])), np.array([z]))[0]) for z in zs[0]])
assert same(tanh_slope, 1 - np.tanh(zs[0]) ** 2)

# (b) the course's 1-1-1 network
x, t, w1, w2, b = 3.0, 1.0, 0.01, -5.0, -1.0


def simple(w1, w2, b):
    y = sigmoid(w2 * max(w1 * x, 0.0) + b)
    return 0.5 * (y - t) ** 2


loss = simple(w1, w2, b)
g = grad(lambda p: simple(*p), np.array([w1, w2, b]))
zpts = np.array([-2.0, -0.5, 0.3, 1.7])
sig_slope = np.array([float(grad(lambda v: float(sigmoid(v[0])), np.array([z]))[0]) for z in zpts])


def relu_slope(z):
    return float(grad(lambda v: max(v[0], 0.0), np.array([z]))[0])


hw_checks = {
    "line 33": lambda: recursion(lambda z: 1 - np.tanh(z) ** 2),
    "line 52": lambda: all(same(db[l], deltas[l]) for l in range(3)),
    "line 63": lambda: same(sig_slope, 1 - (1 / (1 + np.exp(-zpts)))),
    "line 71": lambda: all(np.isclose(relu_slope(z), 1) for z in (0.4, 2.0)),
    "line 75": lambda: all(np.isclose(relu_slope(z), 0) for z in (-0.4, -2.0)),
    "line 101": lambda: written(loss, "0.288"),
    "line 105": lambda: written(g[0], "2.080"),
    "line 107": lambda: written(g[1], "-0.004"),
    "line 109": lambda: written(g[2], "-0.1387"),
    "line 118": lambda: simple(w1 - 1e-4 * g[0], w2, b) < loss,                 # w_1 - eta dC/dw_1: a descent step
}
hw_planted = {
    "line 33": lambda: recursion(np.tanh),
    "line 101": lambda: written(loss, "0.577"),
    "line 105": lambda: written(g[0], "-2.080"),
    "line 109": lambda: written(g[2], "-0.7595"),
    "line 118": lambda: simple(w1 + 1e-4 * g[0], w2, b) < loss,
}
confirm("geofreeman_6x86_hw_backprop.md", "geofreeman_6x86_hw_backprop_planted.md", hw_checks, hw_planted)
assert same(sig_slope, sigmoid(zpts) * (1 - sigmoid(zpts)))                     # the slope the student meant
print("OK")
