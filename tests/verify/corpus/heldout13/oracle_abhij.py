"""Independent NumPy oracle for abhij_ann.md / abhij_ann_planted.md (Abhinav Jain's batch notes: rows, a bias column
appended last, L the batch mean).

The network (abhij_ann.spec.toml): H~_0 = [X, 1] (n = 5 rows, 3 inputs), Z_1 = H~_0 W~_1 (W~_1 4 x 4, its last row the
bias), H_1 = tanh(Z_1), H~_1 = [H_1, 1], Z_2 = H~_1 W~_2 (5 x 2), H_2 = sigmoid(Z_2), L = 1/n sum_i ||H_2[i] - Y[i]||^2.
Every derivative is a central difference of L. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_abhij.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(1308)
n = 5
X, Y = rng.normal(size=(n, 3)), rng.uniform(0.1, 0.9, size=(n, 2))
W1, W2 = rng.normal(size=(4, 4)), rng.normal(size=(5, 2))
aug = lambda H: np.hstack([H, np.ones((len(H), 1))])  # noqa: E731
dtanh, dsig = (lambda z: 1 - np.tanh(z) ** 2), (lambda z: sigmoid(z) * (1 - sigmoid(z)))
loss = lambda H2: float(np.sum((H2 - Y) ** 2) / n)  # noqa: E731
H0 = aug(X)
Z1 = H0 @ W1
H1 = np.tanh(Z1)
Z2 = aug(H1) @ W2
H2 = sigmoid(Z2)
dH2 = grad(loss, H2)
dZ2 = grad(lambda z: loss(sigmoid(z)), Z2)
dW2 = grad(lambda w: loss(sigmoid(aug(H1) @ w)), W2)
dHt1 = grad(lambda h: loss(sigmoid(h @ W2)), aug(H1))
dH1 = grad(lambda h: loss(sigmoid(aug(h) @ W2)), H1)
dZ1 = grad(lambda z: loss(sigmoid(aug(np.tanh(z)) @ W2)), Z1)
dW1 = grad(lambda w: loss(sigmoid(aug(np.tanh(H0 @ w)) @ W2)), W1)

checks = {
    "line 34": lambda: same(Z1, aug(X) @ W1) and same(Z2, aug(H1) @ W2),
    "line 36": lambda: same(H1, np.tanh(Z1)),
    "line 41": lambda: same(H2, sigmoid(Z2)),
    "line 57": lambda: same(dZ2, dH2 * dsig(Z2)),
    "line 61": lambda: same(dW2, aug(H1).T @ dZ2 / n) and same(dW1, H0.T @ dZ1 / n),  # THE AUTHOR'S SLIP: 1/n twice
    "line 63": lambda: same(dH1, dHt1[:, :-1]),
    "line 64": lambda: same(dZ1, dH1 * dtanh(Z1)),
}
planted = {
    "line 57": lambda: same(dZ2, dH2 * dsig(H2)),
    "line 63": lambda: same(dH1, dHt1[:, 1:]),
    "line 64": lambda: same(dZ1, dH1 * dsig(Z1)),
}
assert same(dW2, aug(H1).T @ dZ2) and same(dW1, H0.T @ dZ1) and same(dHt1, dZ2 @ W2.T)  # without the second 1/n they hold
confirm("abhij_ann.md", "abhij_ann_planted.md", checks, planted)
print("OK")
