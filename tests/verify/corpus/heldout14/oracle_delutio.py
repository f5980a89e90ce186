"""Independent NumPy oracle for delutio_backprop.tex / delutio_backprop_planted.tex (Riccardo de Lutio's notes on
backpropagation for tenbilac).

A tanh layer then an identity layer; every case c fed in R noisy realizations r; J = 1/2 sum_i sum_c (mean_r h_i^{r,c}
- y_i)^2 as the notes define it. Each claim is compared with central differences of that J (delta^{(l) r,c} by
perturbing one realization's z). Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_delutio.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(1404)
R, C = 3, 2
X = rng.normal(size=(R, C, 2))  # x^{r,c}: realization r of case c
Y = rng.normal(size=2)  # y_i (the notes' targets carry no c)
W1, b1, W2, b2 = rng.normal(size=(3, 2)), rng.normal(size=3), rng.normal(size=(2, 3)), rng.normal(size=2)


def forward(W1, b1, W2, b2):
    z1 = np.einsum("ij,rcj->rci", W1, X) + b1
    a1 = np.tanh(z1)
    z2 = np.einsum("ij,rcj->rci", W2, a1) + b2
    return z1, a1, z2, z2  # identity output: h = z^(out)


def cost_h(h):
    return float(0.5 * ((h.mean(axis=0) - Y) ** 2).sum())


def J(W1, b1, W2, b2):
    return cost_h(forward(W1, b1, W2, b2)[3])


z1, a1, z2, h = forward(W1, b1, W2, b2)
dW1, dW2 = grad(lambda w: J(w, b1, W2, b2), W1), grad(lambda w: J(W1, b1, w, b2), W2)
dh = grad(cost_h, h)
d2 = grad(lambda z: cost_h(z), z2)  # delta^(out): h = z^(out)
d1 = grad(lambda z: cost_h(np.einsum("ij,rcj->rci", W2, np.tanh(z)) + b2), z1)
da1 = grad(lambda a: cost_h(np.einsum("ij,rcj->rci", W2, a) + b2), a1)
zz = rng.normal(size=7)
dtanh = grad(lambda v: float(np.tanh(v).sum()), zz)
eta = 1e-3

checks = {
    "line 93": lambda: same(dtanh, 1 / np.cosh(zz) ** 2),
    "line 95": lambda: same(grad(lambda v: float(v.sum()), zz), np.ones_like(zz)),  # the identity's derivative
    "graddescent": lambda: J(W1, b1, W2 - eta * dW2, b2) < J(W1, b1, W2, b2),
    "costder": lambda: same(dW2, np.einsum("rci,rcj->ij", d2, a1)) and same(dW1, np.einsum("rci,rcj->ij", d1, X)),
    "line 121": lambda: same(dW2, np.einsum("rci,rcj->ij", d2, a1)) and same(dW1, np.einsum("rci,rcj->ij", d1, X)),
    "deltaout": lambda: same(d2, dh),
    "line 135": lambda: same(dh, np.broadcast_to((h.mean(axis=0) - Y) / R, h.shape)),
    "line 142": lambda: same(d2, np.broadcast_to((h.mean(axis=0) - Y) / R, h.shape)),
    # the chain's last link drops sum_k: as written it is one k's term (k = 0 here), not delta^(l)
    "line 149": lambda: same(d1, np.einsum("rck,ki->rci", d2, W2) * (1 - a1**2))
    and same(d1, d2[..., :1] * W2[0] * (1 - a1**2)),
    "line 152": lambda: same(d1, (1 - np.tanh(z1) ** 2) * np.einsum("rck,ki->rci", d2, W2)),
}
planted = {
    "line 93": lambda: same(dtanh, 1 + np.tanh(zz) ** 2),
    "graddescent": lambda: J(W1, b1, W2 + eta * dW2, b2) < J(W1, b1, W2, b2),
    "costder": lambda: same(dW2, np.broadcast_to(np.einsum("rci,rci->i", d2, a1[..., :2])[:, None], (2, 3))),  # x_i
    "line 135": lambda: same(dh, np.broadcast_to(h.mean(axis=0) - Y, h.shape)),
    "line 152": lambda: same(d1, (1 - np.tanh(z1) ** 2) * np.einsum("rck,ik->rci", d2, W2)),  # W_ik: the shapes do not fit
}
assert same(da1 * (1 - a1**2), d1)  # the chain's middle link, with its sum over k
confirm("delutio_backprop.tex", "delutio_backprop_planted.tex", checks, planted)
print("OK")
