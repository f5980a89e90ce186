"""Independent NumPy oracle for acse_nielsen.md (a student's notes restating Nielsen's BP1-BP4: z^l = w^l a^{l-1} +
b^l, a^l = sigma(z^l), C = 1/2 ||y - a^L||^2) and its planted copy.

A random 2-3-2 sigmoid network with biases; every derivative by central differences of C (as a function of w^l,
b^l, of z^l or a^L taken as free with the layers above recomputed), each line's right-hand side evaluated entry by
entry with its own indices, in both layers where the line is about any l. A check holds exactly when MANIFEST.toml's
verdict is correct.
Run: python oracle_acse.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2607)
w = {1: rng.normal(size=(3, 2)), 2: rng.normal(size=(2, 3))}
b = {1: rng.normal(size=3), 2: rng.normal(size=2)}
x, y = rng.normal(size=2), rng.uniform(0, 1, size=2)


def cost_aL(aL):
    return float(0.5 * np.sum((y - aL) ** 2))


def cost_z2(z2):
    return cost_aL(sigmoid(z2))


def cost_z1(z1):
    return cost_z2(w[2] @ sigmoid(z1) + b[2])


z1 = w[1] @ x + b[1]
a1 = sigmoid(z1)
z2 = w[2] @ a1 + b[2]
a = {0: x, 1: a1, 2: sigmoid(z2)}
delta = {2: grad(cost_z2, z2), 1: grad(cost_z1, z1)}
slope = {1: a1 * (1 - a1), 2: a[2] * (1 - a[2])}
dC_daL = grad(cost_aL, a[2])
db = {1: grad(lambda v: cost_z1(w[1] @ x + v), b[1]), 2: grad(lambda v: cost_z2(w[2] @ a1 + v), b[2])}
dw = {1: grad(lambda v: cost_z1(v @ x + b[1]), w[1]), 2: grad(lambda v: cost_z2(v @ a1 + b[2]), w[2])}


def entries(f, shape):
    return np.array([[f(j, k) for k in range(shape[1])] for j in range(shape[0])])


bp1 = lambda: same(delta[2], dC_daL * slope[2])
bp2 = lambda: same(delta[1], (w[2].T @ delta[2]) * slope[1])
bp3 = lambda: all(same(db[l], delta[l]) for l in (1, 2))
bp4 = lambda: all(same(dw[l], entries(lambda j, k, l=l: a[l - 1][k] * delta[l][j], w[l].shape)) for l in (1, 2))
checks = {"line 6": bp1, "line 10": bp2, "line 14": bp3, "line 18": bp4, "line 31": bp1, "line 66": bp2,
          "line 98": bp3, "line 114": bp3, "line 125": bp4}
planted = {
    "line 10": lambda: same(delta[1], (w[2] @ delta[2]) * slope[1]),
    "line 18": lambda: all(same(dw[l], entries(lambda j, k, l=l: a[l - 1][j] * delta[l][k], w[l].shape)) for l in (1, 2)),
    "line 98": lambda: all(same(db[l], delta[l] * slope[l]) for l in (1, 2)),
}
confirm("acse_nielsen.md", "acse_nielsen_planted.md", checks, planted)
print("OK")
