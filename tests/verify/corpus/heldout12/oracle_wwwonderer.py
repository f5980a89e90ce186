"""Independent NumPy oracle for wwwonderer_mlp.toml / wwwonderer_mlp_planted.toml (WWWonderer's note on
backpropagation in an MLP, row vectors, no biases).

The post's layer (wwwonderer_mlp.spec.toml): the output layer of a two-layer network, a = tanh(x W1) its input row
(n = 4), b = a W (W = W2, 4 x 2) its pre-activation, a(b) = sigmoid(b), L = 1/2 ||a(b) - t||^2; g = dL/da(b) da(b)/db
= dL/db and g_prev = dL/da. A batch of N = 4 rows for the batched claims. Every derivative is a central difference.
Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_wwwonderer.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(921)
n_in, n, m, N = 3, 4, 2, 4
W1, W = rng.normal(size=(n_in, n)), rng.normal(size=(n, m))
X, T = rng.normal(size=(N, n_in)), rng.uniform(0.1, 0.9, size=(N, m))
Aall = np.tanh(X @ W1)  # the layer's input rows
a, t = Aall[0], T[0]
L = lambda out: float(0.5 * np.sum((out - t) ** 2))  # noqa: E731
b = a @ W
dL_dW = grad(lambda w: L(sigmoid(a @ w)), W)
g = grad(lambda v: L(sigmoid(v)), b)  # dL/da(b) da(b)/db
g_prev = grad(lambda v: L(sigmoid(v @ W)), a)
Jb = np.array([grad(lambda w, i=i: float((a @ w)[i]), W) for i in range(m)])  # [i, j', i'] = d b_i / d w_{j'i'}
dI = np.eye(m)


def written_output(Bm):
    """The post's right side, entry by entry as labelled: row 1 ends in b_{1m}, every other row in b_{rn} (n = 4 > m)."""
    last = [m] + [n] * (N - 1)
    return np.array([[Bm[r, c] for c in range(m - 1)] + [Bm[r, last[r] - 1]] for r in range(N)])


checks = {
    "forward-matrix": lambda: same(b, a @ W),
    "forward-component": lambda: same(b, np.array([sum(a[j] * W[j, i] for j in range(n)) for i in range(m)])),
    "db-dw": lambda: all(same(Jb[i], np.outer(a, dI[i])) for i in range(m)),  # = delta_ii' a_j'
    "W-prime": lambda: same(dL_dW, np.array([[a[jp] * g[i] for i in range(m)] for jp in range(n)])),
    "g-prev": lambda: same(g_prev, g @ W.T),
    "batch-matrix": lambda: same(Aall @ W, written_output(Aall @ W)),  # THE AUTHOR'S SLIP: b_{2n}, b_{Nn} (column n)
    "batch-component": lambda: same(
        Aall @ W, np.array([[sum(Aall[bb, j] * W[j, i] for j in range(n)) for i in range(m)] for bb in range(N)])
    ),
}
planted = {
    "forward-component": lambda: same(b, np.array([sum(a[j] * W[i, j] for j in range(n)) for i in range(m)])),
    "db-dw": lambda: all(same(Jb[i], np.outer(np.full(n, a[ip]), dI[i])) for i in range(m) for ip in range(m)),
    "W-prime": lambda: same(dL_dW, np.array([[a[i] * g[i] for i in range(m)] for jp in range(n)])),
    "g-prev": lambda: same(g_prev, g @ W),
    "batch-component": lambda: same(
        Aall @ W, np.array([[sum(Aall[j, bb] * W[j, i] for j in range(n)) for i in range(m)] for bb in range(N)])
    ),
}
confirm("wwwonderer_mlp.toml", "wwwonderer_mlp_planted.toml", checks, planted)
print("OK")
