"""Independent NumPy oracle for hypercode_layer.md / hypercode_twolayer.md and their planted copies (a programming
lesson's one-neuron and scalar two-layer backprop, L = (a - y)^2 without the 1/2).

Random inputs; every partial derivative the lessons name (dL/da, da/dz, dz/dw_i, dL/dw_i, ...) is computed by central
differences of the author's own functions and compared with each claim's expression evaluated as written. Prints OK
when every verdict of MANIFEST.toml holds. Run: python oracle_hypercode.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(18)


def d1(f, at):
    """The derivative of a scalar function of one scalar by central differences."""
    return float(grad(lambda v: f(float(v[0])), np.array([at]))[0])


# -- lesson 6: z = w . x + b, a = sigma(z), L = (a - y)^2 ------------------------------------------------------------
n = 3
x, w, b, y = rng.normal(size=n), rng.normal(size=n), float(rng.normal()), float(rng.uniform())
z = float(w @ x + b)
a = float(sigmoid(z))
L_of_a = lambda aa: (aa - y) ** 2                                     # noqa: E731
dL_da = d1(L_of_a, a)
da_dz = d1(lambda zz: float(sigmoid(zz)), z)
dz_dw = grad(lambda ww: float(ww @ x + b), w)                         # vector of dz/dw_i
dz_db = d1(lambda bb: float(w @ x + bb), b)
dL_dw = grad(lambda ww: (float(sigmoid(ww @ x + b)) - y) ** 2, w)
dL_db = d1(lambda bb: (float(sigmoid(w @ x + bb)) - y) ** 2, b)
delta = dL_da * da_dz

layer = {
    "line 11": lambda: same(dL_dw, dL_da * da_dz * dz_dw),
    "line 15": lambda: same(dL_da, 2 * (a - y)),
    "line 17": lambda: same(da_dz, d1(lambda zz: float(sigmoid(zz)), z)) and same(da_dz, a * (1 - a)),
    "line 19.1": lambda: same(dz_dw, x),
    "line 19.2": lambda: same(dz_db, 1.0),
    "line 21": lambda: same(delta, dL_da * da_dz) and same(delta, 2 * (a - y) * a * (1 - a)),
    "line 23.1": lambda: same(dL_dw, delta * x),
    "line 23.2": lambda: same(dL_db, delta),
    "line 29": lambda: same(delta, 2 * (a - y) * a * (1 - a)),
}
layer_planted = {
    "line 15": lambda: same(dL_da, a - y),
    "line 17": lambda: same(da_dz, z * (1 - z)),
    "line 23.1": lambda: same(dL_dw, delta * w),
    "line 29": lambda: same(delta, 2 * (y - a) * a * (1 - a)),
}
confirm("hypercode_layer.md", "hypercode_layer_planted.md", layer, layer_planted)

# -- lesson 7: z1 = w1 x + b1, a1 = ReLU(z1), z2 = w2 a1 + b2, a2 = sigma(z2), L = (a2 - y)^2 ------------------------
x1, w1, b1, w2, b2, y2 = (float(v) for v in rng.normal(size=6))
w1, b1 = abs(w1) + 0.5, abs(b1) + 0.5                                 # z1 > 0 for x1 > 0: the ReLU is active
x1 = abs(x1) + 0.5
relu = lambda v: max(v, 0.0)                                          # noqa: E731


def loss(xx=x1, ww1=w1, bb1=b1, ww2=w2, bb2=b2):
    return (float(sigmoid(ww2 * relu(ww1 * xx + bb1) + bb2)) - y2) ** 2


z1 = w1 * x1 + b1
a1 = relu(z1)
z2 = w2 * a1 + b2
a2 = float(sigmoid(z2))
dL_da2 = d1(lambda v: (v - y2) ** 2, a2)
da2_dz2 = d1(lambda v: float(sigmoid(v)), z2)
dL_dz2 = d1(lambda v: (float(sigmoid(v)) - y2) ** 2, z2)
dL_da1 = d1(lambda v: (float(sigmoid(w2 * v + b2)) - y2) ** 2, a1)
relu_slope = d1(relu, z1)
sig_slope = d1(lambda v: float(sigmoid(v)), z1)
dL_dw2 = d1(lambda v: loss(ww2=v), w2)
dL_db2 = d1(lambda v: loss(bb2=v), b2)
dL_dw1 = d1(lambda v: loss(ww1=v), w1)
dL_db1 = d1(lambda v: loss(bb1=v), b1)
assert not same(a1, x1) and not same(w1, w2) and not same(relu_slope, sig_slope)

two = {
    "line 19": lambda: same(dL_dw2, dL_da2 * da2_dz2 * a1),
    "line 21": lambda: same(dL_db2, dL_da2 * da2_dz2),
    "line 25": lambda: same(dL_da1, dL_dz2 * w2),
    "line 27": lambda: same(dL_dw1, dL_da1 * relu_slope * x1),
    "line 29": lambda: same(dL_db1, dL_da1 * relu_slope),
}
two_planted = {
    "line 19": lambda: same(dL_dw2, dL_da2 * da2_dz2 * x1),
    "line 25": lambda: same(dL_da1, dL_dz2 * w1),
    "line 27": lambda: same(dL_dw1, dL_da1 * sig_slope * x1),
}
confirm("hypercode_twolayer.md", "hypercode_twolayer_planted.md", two, two_planted)

# -- lesson 5: sigma'(x) and its derivation; ReLU' in cases form -----------------------------------------------------
xs = rng.normal(size=5) * 2
xs[np.abs(xs) < 0.2] += 0.5                                           # away from ReLU's kink
sig = lambda v: 1 / (1 + np.exp(-v))                                  # noqa: E731
relu_v = lambda v: np.maximum(v, 0.0)                                 # noqa: E731
dsig = np.array([d1(lambda t: float(sig(t)), v) for v in xs])
drelu = np.array([d1(lambda t: float(relu_v(t)), v) for v in xs])
s_ = sig(xs)
act = {
    "line 9": lambda: same(dsig, s_ * (1 - s_)),
    "line 13": lambda: (same(dsig, np.exp(-xs) / (1 + np.exp(-xs)) ** 2)
                        and same(dsig, 1 / (1 + np.exp(-xs)) * (np.exp(-xs) / (1 + np.exp(-xs))))
                        and same(dsig, s_ * (1 - s_))),
    "line 21": lambda: same(drelu, np.where(xs > 0, 1.0, 0.0)),
}
act_planted = {
    "line 9": lambda: same(dsig, s_ * (1 - xs)),
    "line 13": lambda: (same(dsig, np.exp(-xs) / (1 + np.exp(-xs)))
                        and same(dsig, 1 / (1 + np.exp(-xs)) * (np.exp(-xs) / (1 + np.exp(-xs))))
                        and same(dsig, s_ * (1 - s_))),
    "line 21": lambda: same(drelu, np.where(xs > 0, xs, 0.0)),
}
confirm("hypercode_activations.md", "hypercode_activations_planted.md", act, act_planted)

# -- lesson 13: L_reg = L_data + lambda sum w_i^2, L_data the lesson's MSE of a linear neuron -------------------------
N, lam = 4, 0.1
X, t, wr = rng.normal(size=(N, n)), rng.normal(size=N), rng.normal(size=n)
L_data = lambda ww: float(np.mean((X @ ww - t) ** 2))                 # noqa: E731
L_reg = lambda ww: L_data(ww) + lam * float(np.sum(ww**2))            # noqa: E731
g_reg, g_data = grad(L_reg, wr), grad(L_data, wr)
l2 = {"line 19": lambda: same(g_reg, g_data + 2 * lam * wr)}
l2_planted = {"line 19": lambda: same(g_reg, g_data + lam * wr)}
confirm("hypercode_l2.md", "hypercode_l2_planted.md", l2, l2_planted)
print("OK")
