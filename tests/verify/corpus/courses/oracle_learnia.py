"""Independent check of the hand verdicts of learnia_tanh_code.ipynb and its planted copy (numpy only).

The learner's network, examples as columns: Z1 = W1 X + b1, A1 = tanh(Z1), A2 = 1/(1 + e^{-Z2}), the log loss
-(1/m) Σ (y log A2 + (1 - y) log(1 - A2)), one gradient step. Its backward lines are the planar notebook's (checked
in oracle_ng_planar.py, here again at another size); the planted lines are checked against central differences:
dZ2 = y - A2 (what follows from it is the negative of the gradient), dW2 = 1/m A1 dZ2ᵀ (16 × 1, the transpose of W2's
1 × 16), db1 summed over axis 0 (1 × m, not b1's 16 × 1), W2 stepped by dW1 (16 × n0: no such difference).
Run: python oracle_learnia.py  -> prints OK
"""

import numpy as np

rng = np.random.default_rng(81)
sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
n0, n1, m = 5, 16, 3
X, y = rng.normal(size=(n0, m)), (rng.random((1, m)) > 0.5).astype(float)
P = {"W1": rng.normal(size=(n1, n0)), "b1": rng.normal(size=(n1, 1)), "W2": rng.normal(size=(1, n1)),
     "b2": rng.normal(size=(1, 1))}


def loss(p):
    A2 = sig(p["W2"] @ np.tanh(p["W1"] @ X + p["b1"]) + p["b2"])
    return float(-np.sum(y * np.log(A2) + (1 - y) * np.log(1 - A2)) / m)


def grad(key, h=1e-6):
    g = np.zeros_like(P[key])
    for idx in np.ndindex(g.shape):
        old = P[key][idx]
        P[key][idx] = old + h
        up = loss(P)
        P[key][idx] = old - h
        g[idx] = (up - loss(P)) / (2 * h)
        P[key][idx] = old
    return g


G = {k: grad(k) for k in P}
A1 = np.tanh(P["W1"] @ X + P["b1"])
A2 = sig(P["W2"] @ A1 + P["b2"])
dZ2 = A2 - y
dZ1 = np.dot(P["W2"].T, dZ2) * (1 - np.power(A1, 2))
for name, mine in (("W2", 1 / m * np.dot(dZ2, A1.T)), ("b2", 1 / m * np.sum(dZ2, axis=1, keepdims=True)),
                   ("W1", 1 / m * np.dot(dZ1, X.T)), ("b1", 1 / m * np.sum(dZ1, axis=1, keepdims=True))):
    assert np.allclose(mine, G[name], atol=1e-7), name
# the planted lines
assert np.allclose(1 / m * np.dot(y - A2, A1.T), -G["W2"], atol=1e-7)  # the sign: its dW2 would be the negative
assert (1 / m * np.dot(A1, dZ2.T)).shape != G["W2"].shape
assert (1 / m * np.sum(dZ1, axis=0, keepdims=True)).shape != G["b1"].shape
assert G["W1"].shape != P["W2"].shape
print("OK")
