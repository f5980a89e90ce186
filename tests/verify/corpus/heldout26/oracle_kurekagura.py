"""Independent NumPy oracle for kurekagura_backprop_ja.md (a learner's Japanese notes: u^l_j = sum_i w^l_ij z^{l-1}_i,
z = phi(u), an identity output whose z^L_j is the prediction y_j, the target yhat_j, E = 1/N sum_i (y_i - yhat_i)^2
with N = 2 outputs) and its planted copy.

A random 3-3-2 network (phi the sigmoid in the hidden layer, biases as the note's example writes them); every
derivative by central differences of E (as a function of w^l, or of u^l taken as free with the layers above
recomputed) and compared with the line's right-hand side entry by entry; the update as a descent step on E. A check
holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_kurekagura.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2609)
W1, b1, W2, b2 = rng.normal(size=(3, 3)), rng.normal(size=3), rng.normal(size=(3, 2)), rng.normal(size=2)  # w_ij: i -> j
z0, target = rng.normal(size=3), rng.normal(size=2)
N = 2


def E_from_uL(uL):
    return float(np.sum((uL - target) ** 2) / N)   # y = z^L = u^L (identity)


def E_from_u1(u1):
    return E_from_uL(sigmoid(u1) @ W2 + b2)


u1 = z0 @ W1 + b1
z1 = sigmoid(u1)
uL = z1 @ W2 + b2
y = uL
dW2 = grad(lambda W: E_from_uL(z1 @ W + b2), W2)
dW1 = grad(lambda W: E_from_u1(z0 @ W + b1), W1)
dL, d1 = grad(E_from_uL, uL), grad(E_from_u1, u1)       # delta^L, delta^l
dE_dz = grad(E_from_uL, y)                             # dE/dz^L (z^L = y)
dz_du = grad(lambda v: float(np.sum(v)), uL)            # the identity's slope, entry by entry
du_dw = grad(lambda W: float(np.sum(z1 @ W + b2)), W2) / 1.0  # du^L_j/dw^L_ij = z^{L-1}_i (each column's sum)


def entries(f, shape):
    return np.array([[f(i, j) for j in range(shape[1])] for i in range(shape[0])])


def descends(sign):
    step = W2 + sign * 1e-3 * (y - target)[None, :] * z1[:, None]
    return E_from_uL(z1 @ step + b2) < E_from_uL(uL)


checks = {
    "line 44": lambda: same(dW2, entries(lambda i, j: dL[j] * du_dw[i, j], W2.shape)),
    "line 48": lambda: same(dW2, entries(lambda i, j: dL[j] * z1[i], W2.shape)),
    "line 54": lambda: same(dL, dE_dz * dz_du),
    "line 56": lambda: same(dz_du, np.ones(2)),
    "line 58": lambda: same(dL, dE_dz * 1),
    "line 63": lambda: same(dL, y - target),
    "line 69": lambda: same(dW2, entries(lambda i, j: (y[j] - target[j]) * z1[i], W2.shape)),
    "line 75": lambda: descends(-1),
    "line 79": lambda: same(dW1, entries(lambda i, j: d1[j] * z0[i], W1.shape)),
}
planted = {
    "line 48": lambda: same(dW2, entries(lambda i, j: dL[j] * y[j], W2.shape)),
    "line 63": lambda: same(dL, target - y),
    "line 75": lambda: descends(+1),
}
confirm("kurekagura_backprop_ja.md", "kurekagura_backprop_ja_planted.md", checks, planted)
print("OK")
