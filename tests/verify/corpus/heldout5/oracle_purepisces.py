"""Independent NumPy oracle for purepisces_hw0.md / purepisces_hw0_planted.md (a CMU 10-714 student's notes on hw0
question 5 and the lecture "Manual neural networks").

Conventions (purepisces_hw0.spec.toml): X is m x n (rows = samples), Z_1 = ReLU(X W_1), logits Z_1 W_2, S the row
softmax, I_y one-hot; the assignment's loss is the MEAN cross-entropy over the m rows, the lecture's the SUM; the
lecture's net Z_1 = X, Z_2 = ReLU(Z_1 W_1), Z_3 = Z_2 W_2 (sigma_2 the identity), G_i = d loss / d Z_i. Every gradient is
a central difference of the loss the claim's part uses; claims in i are checked for i = 1, 2 (G_i for every layer it
names). Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_purepisces.py   (numpy only)
"""

import numpy as np
from fdcheck import EPS, confirm, grad, same

rng = np.random.default_rng(54)
m, n, d, k = 5, 3, 4, 3
X = rng.normal(size=(m, n))
yl = rng.integers(0, k, m)
Iy = np.eye(k)[yl]
W1, W2 = rng.normal(size=(n, d)), rng.normal(size=(d, k))
relu = lambda v: np.maximum(0, v)  # noqa: E731
hs = np.linspace(-2, 2, 8) + 0.05


def softmax(Z):
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def ce_sum(logits):
    return float(-np.sum(np.log(softmax(logits)[np.arange(m), yl])))


def loss_sum(W1=W1, W2=W2, A1=None):
    A1 = X @ W1 if A1 is None else A1
    return ce_sum(relu(A1) @ W2)


Z1 = relu(X @ W1)
S = softmax(Z1 @ W2)
G2 = grad(lambda v: ce_sum(v), Z1 @ W2)  # d (summed loss) / d logits
G1 = grad(lambda v: loss_sum(A1=v), X @ W1)  # d (summed loss) / d (X W_1)
gW1s, gW2s = grad(lambda v: loss_sum(W1=v), W1), grad(lambda v: loss_sum(W2=v), W2)
gW1m, gW2m = gW1s / m, gW2s / m  # the mean loss's gradients (the mean is the sum over m)
assert same(grad(lambda v: loss_sum(W1=v) / m, W1), gW1m)
# the lecture's layers: Z_1 = X, Z_2 = ReLU(Z_1 W_1), Z_3 = Z_2 W_2; G_i = d loss / d Z_i
Zl = {1: X, 2: Z1, 3: Z1 @ W2}
Wl = {1: W1, 2: W2}
sig = {1: relu, 2: lambda v: v}
dsig = {1: lambda v: (v > 0).astype(float), 2: lambda v: np.ones_like(v)}
Gl = {3: G2, 2: grad(lambda v: ce_sum(v @ W2), Z1), 1: grad(lambda v: ce_sum(relu(v @ W1) @ W2), X)}
gWl = {1: gW1s, 2: gW2s}
# one sample's logits h for the softmax-loss derivation
h, yy = rng.normal(size=k), 1
ce1 = lambda v: float(-v[yy] + np.log(np.sum(np.exp(v))))  # noqa: E731
z1 = np.exp(h) / np.sum(np.exp(h))
dce1 = grad(ce1, h)
dce_ref = grad(lambda v: float(-np.log(np.exp(v[yy]) / np.sum(np.exp(v)))), h)  # -log p(label = y)
drelu = (relu(hs + EPS) - relu(hs - EPS)) / (2 * EPS)
x0 = X[0]

checks = {
    "Q5.1": lambda: same(W2.T @ relu(W1.T @ x0), (relu(X @ W1) @ W2)[0]),
    "Q5.4": lambda: same(Z1, relu(X @ W1)) and same(G2, S - Iy) and same(G1, (Z1 > 0) * (G2 @ W2.T)),
    "Q5.5": lambda: same(gW1m, X.T @ G1 / m) and same(gW2m, Z1.T @ G2 / m),
    "Q5.6": lambda: same(Z1, relu(X @ W1)),
    "Q5.7": lambda: same(Zl[3], Z1 @ W2),
    "Q5.9": lambda: same(Z1, relu(X @ W1)),
    "Q5.10": lambda: same(Zl[3], Z1 @ W2),
    "Q5.15": lambda: same(gW2s, relu(X @ W1).T @ (S - Iy)),
    "Q5.16": lambda: np.isclose(ce1(h), -np.log(z1[yy])),
    "Q5.17": lambda: same(z1, [np.exp(h[i]) / sum(np.exp(h[j]) for j in range(k)) for i in range(k)]),
    "Q5.18": lambda: np.isclose(-np.log(z1[yy]), -h[yy] + np.log(np.sum(np.exp(h)))),
    "Q5.19": lambda: same(dce_ref, dce1),
    "Q5.20": lambda: same(dce_ref, [-(i == yy) + np.exp(h[i]) / np.sum(np.exp(h)) for i in range(k)]),
    "Q5.21": lambda: same(dce_ref, z1 - np.eye(k)[yy]),
    "Q5.22": lambda: same(G2, softmax(Z1 @ W2) - Iy),
    "Q5.25": lambda: same(gW1s, X.T @ ((S - Iy) @ W2.T * (X @ W1 > 0))),
    "Q5.26": lambda: same(drelu, np.where(hs > 0, 1.0, 0.0)),
    "Q5.27": lambda: same(G1, (Z1 > 0) * (G2 @ W2.T)),
    "Q5.28": lambda: all(same(Zl[i + 1], sig[i](Zl[i] @ Wl[i])) for i in (1, 2)),
    "Q5.35": lambda: all(same(gWl[i], Zl[i].T @ (Gl[i + 1] * dsig[i](Zl[i] @ Wl[i]))) for i in (1, 2)),
    "Q5.36": lambda: same(G1, (Z1 > 0) * (G2 @ W2.T)),
    "Q5.37": lambda: same(Zl[1], X),
    "Q5.38": lambda: all(same(Zl[i + 1], sig[i](Zl[i] @ Wl[i])) for i in (1, 2)),
    "Q5.39": lambda: same(Gl[3], S - Iy),
    "Q5.40": lambda: all(same(Gl[i], (Gl[i + 1] * dsig[i](Zl[i] @ Wl[i])) @ Wl[i].T) for i in (1, 2)),
    "Q5.41": lambda: all(same(gWl[i], Zl[i].T @ (Gl[i + 1] * dsig[i](Zl[i] @ Wl[i]))) for i in (1, 2)),
}
planted = {
    "Q5.4": lambda: same(Z1, relu(X @ W1)) and same(G2, S - Iy) and same(G1, (Z1 > 0) * (G2 @ W2)),
    "Q5.5": lambda: same(gW1m, X.T @ G1 / m) and same(gW2m, Z1.T @ G2),
    "Q5.15": lambda: same(gW2s, (S - Iy).T @ relu(X @ W1)),
    "Q5.20": lambda: same(dce_ref, [(i == yy) + np.exp(h[i]) / np.sum(np.exp(h)) for i in range(k)]),
    "Q5.25": lambda: same(gW1s, X.T @ ((S - Iy) @ W2.T * relu(X @ W1))),
    "Q5.26": lambda: same(drelu, np.where(hs > 0, 1.0, 0.0)) and same(drelu, np.where(hs >= 0, 0.0, drelu)),
    "Q5.40": lambda: all(same(Gl[i], (Gl[i + 1] * dsig[i](Zl[i] @ Wl[i])) @ Wl[i]) for i in (1, 2)),
}
confirm("purepisces_hw0.md", "purepisces_hw0_planted.md", checks, planted)
print("OK")
