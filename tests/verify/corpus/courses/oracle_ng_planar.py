"""Independent check of the hand verdicts of ng_planar_code.ipynb and its planted copy (numpy only).

Ng's planar network, examples as columns: Z1 = W1 X + b1, A1 = tanh(Z1), Z2 = W2 A1 + b2, A2 = σ(Z2), the cost
J = -(1/m) Σ (Y log A2 + (1 - Y) log(1 - A2)); one step of gradient descent with learning_rate 1.2. The gradients
are taken by central differences of J; each formula of the notebook (and of its planted copy) is evaluated with
NumPy and compared with them:
- right: dZ2 = A2 - Y (m ∂J/∂Z2), dW2 = 1/m dZ2 A1ᵀ, db2 = 1/m Σ dZ2, dZ1 = W2ᵀ dZ2 ⊙ (1 - A1²), dW1 = 1/m dZ1 Xᵀ,
  db1 = 1/m Σ dZ1, W ← W - 1.2 dW;
- planted: A1 = σ(Z1) (not the network's tanh), dW2 without 1/m, dZ1 with (1 - A1), dW1 with X (a 4×m by 2×m
  product: no such product), b2 ← b2 + 1.2 db2.
Run: python oracle_ng_planar.py  -> prints OK
"""

import numpy as np

rng = np.random.default_rng(12)
sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
m = 6
X, Y = rng.normal(size=(2, m)), (rng.random((1, m)) > 0.5).astype(float)
P = {"W1": rng.normal(size=(4, 2)), "b1": rng.normal(size=(4, 1)), "W2": rng.normal(size=(1, 4)), "b2": rng.normal(size=(1, 1))}


def cost(p):
    A2 = sig(p["W2"] @ np.tanh(p["W1"] @ X + p["b1"]) + p["b2"])
    return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m)


def grad(key, h=1e-6):
    g = np.zeros_like(P[key])
    for idx in np.ndindex(g.shape):
        old = P[key][idx]
        P[key][idx] = old + h
        up = cost(P)
        P[key][idx] = old - h
        g[idx] = (up - cost(P)) / (2 * h)
        P[key][idx] = old
    return g


G = {k: grad(k) for k in P}
Z1 = P["W1"] @ X + P["b1"]
A1 = np.tanh(Z1)
A2 = sig(P["W2"] @ A1 + P["b2"])
# the notebook's formulas
dZ2 = A2 - Y
dW2 = 1 / m * np.dot(dZ2, A1.T)
db2 = 1 / m * np.sum(dZ2, axis=1, keepdims=True)
dZ1 = np.dot(P["W2"].T, dZ2) * (1 - np.power(A1, 2))
dW1 = 1 / m * np.dot(dZ1, X.T)
db1 = 1 / m * np.sum(dZ1, axis=1, keepdims=True)
for name, mine in (("W1", dW1), ("b1", db1), ("W2", dW2), ("b2", db2)):
    assert np.allclose(mine, G[name], atol=1e-7), name
    assert np.allclose(P[name] - 1.2 * mine, P[name] - 1.2 * G[name])  # the step
# the planted lines
assert not np.allclose(sig(Z1), A1)
assert not np.allclose(np.dot(dZ2, A1.T), G["W2"])
assert not np.allclose(np.dot(P["W2"].T, dZ2) * (1 - A1) / m @ X.T, G["W1"])
try:
    np.dot(dZ1, X)
    raise AssertionError("dZ1 X should not multiply")
except ValueError:
    pass
assert not np.allclose(P["b2"] + 1.2 * db2, P["b2"] - 1.2 * G["b2"])
print("OK")
