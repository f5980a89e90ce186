"""Independent check of the hand verdicts of torch_manual_backprop.md and its planted copy (numpy only).

PyTorch's layout: X is N × 2 (examples as rows), W_1 is 16 × 2, A_1 = X W_1ᵀ + 1 b_1ᵀ, H = ReLU(A_1), Z = H W_2ᵀ +
1 b_2ᵀ, P = softmax(Z) row by row, L = -(1/N) Σ_i log P_{i, y_i}. The gradients by central differences; each of the
note's formulas evaluated with NumPy against them:
- right: G_Z = (P - Y)/N, ∇W_2 = G_Zᵀ H, ∇b_2 = Σ_i G_Z[i, :], G_H = G_Z W_2, G_{A_1} = G_H ⊙ 1[A_1 > 0],
  ∇W_1 = G_{A_1}ᵀ X, ∇b_1 = Σ_i G_{A_1}[i, :], G_X = G_{A_1} W_1, and the loss -1/N Σ log P_{i, y_i} itself;
- planted: (Y - P)/N, Hᵀ G_Z (16 × 2: the transpose of W_2's gradient), G_H ⊙ (1 - M), P - Y without 1/N.
Run: python oracle_torch_manual.py  -> prints OK
"""

import numpy as np

rng = np.random.default_rng(36)
N = 4
X = rng.normal(size=(N, 2))
labels = rng.integers(0, 2, size=N)
Y = np.eye(2)[labels]
P0 = {"W1": rng.normal(size=(16, 2)), "b1": rng.normal(size=16), "W2": rng.normal(size=(2, 16)), "b2": rng.normal(size=2)}


def softmax(Z):
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def forward(p, X=X):
    A1 = X @ p["W1"].T + p["b1"]
    H = np.maximum(A1, 0)
    Z = H @ p["W2"].T + p["b2"]
    return A1, H, Z, softmax(Z)


def loss_of_Z(Z):
    return float(-np.mean(np.log(softmax(Z)[np.arange(N), labels])))


def loss(p, X=X):
    return loss_of_Z(forward(p, X)[2])


def central(f, x, h=1e-6):
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        up = f(x)
        x[idx] = old - h
        g[idx] = (up - f(x)) / (2 * h)
        x[idx] = old
    return g


A1, H, Z, P = forward(P0)
G = {k: central(lambda v, k=k: loss({**P0, k: v}), P0[k].copy()) for k in P0}
dZ = central(loss_of_Z, Z.copy())
dX = central(lambda v: loss(P0, v), X.copy())
assert np.isclose(-np.mean(np.log(P[np.arange(N), labels])), -np.mean(np.sum(Y * np.log(P), axis=1)))  # the loss
GZ = (P - Y) / N
assert np.allclose(GZ, dZ, atol=1e-7)
assert np.allclose(GZ.T @ H, G["W2"], atol=1e-7) and np.allclose(GZ.sum(axis=0), G["b2"], atol=1e-7)
GH = GZ @ P0["W2"]
GA1 = GH * (A1 > 0)
assert np.allclose(GA1.T @ X, G["W1"], atol=1e-7) and np.allclose(GA1.sum(axis=0), G["b1"], atol=1e-7)
assert np.allclose(GA1 @ P0["W1"], dX, atol=1e-7)
# the planted lines
assert not np.allclose((Y - P) / N, dZ)
assert (H.T @ GZ).shape != G["W2"].shape
assert not np.allclose((GH * (1 - (A1 > 0))).T @ X, G["W1"])
assert not np.allclose(P - Y, dZ)
print("OK")
