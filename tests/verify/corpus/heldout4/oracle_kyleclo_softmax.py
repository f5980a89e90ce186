"""Independent NumPy oracle for kyleclo_softmax.md / kyleclo_softmax_planted.md (Kyle Lo, "Deriving the
backpropagation algorithm": softmax regression and the appendix on the softmax Jacobian and the tensor dz/dw).

The author's conventions (kyleclo_softmax.spec.toml): z = w^T x (w is m x K, no bias), phi = softmax(z), L = -sum_i
y_i^T log phi(w^T x_i) summed over the observations, dL/dphi a row, dphi/dz the Jacobian [i, j] = dphi_i/dz_j, dz/dw
the K x m x K tensor of slices laid out like w. Every derivative is a central difference; a chain is right when every
link equals the first; claims about an entry i or j are checked for every i and j. Prints OK when every verdict of
MANIFEST.toml holds.
Run: python oracle_kyleclo_softmax.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same

rng = np.random.default_rng(42)
n, m, K = 5, 4, 3
X, w = rng.normal(size=(n, m)), rng.normal(size=(m, K))
labels = rng.integers(0, K, n)
Y = np.eye(K)[labels]
x, y = X[0], Y[0]  # the single observation of the post's simplified derivation


def softmax(z):
    return np.exp(z - np.log(np.sum(np.exp(z))))  # the reference: exp(z - logsumexp z)


L = lambda w=w: float(-sum(np.log(softmax(w.T @ X[i])[labels[i]]) for i in range(n)))  # noqa: E731
L1 = lambda w=w: float(-np.log(softmax(w.T @ x)[labels[0]]))  # noqa: E731
z = w.T @ x
ph = softmax(z)
Jz = jacobian(softmax, z)  # [i, j] = dphi_i / dz_j
dL_dphi = grad(lambda v: float(-y @ np.log(v)), ph)  # the loss as a function of phi
dL_dz = grad(lambda v: float(-np.log(softmax(v)[labels[0]])), z)
T = np.array([grad(lambda v, k=k: float((v.T @ x)[k]), w) for k in range(K)])  # T[k] = d(w^T x)_k / dw, m x K
S = np.sum(np.exp(z))


def chain(*links):
    return all(same(links[0], link) for link in links[1:])


def column(k):
    M = np.zeros((m, K))
    M[:, k] = x
    return M


a = rng.normal(size=K)
# the first links of line 80: the row times the Jacobian, dL/dz, and the two expanded rows of the author
links80 = [
    dL_dphi @ Jz,
    dL_dz,
    np.array([-y[k] * (1 - ph[k]) + sum(y[j] * ph[k] for j in range(K) if j != k) for k in range(K)]),
    np.array([-y[k] + ph[k] * y.sum() for k in range(K)]),
]
checks = {
    "line 23": lambda: all(same(softmax(w.T @ X[i]), np.exp(w.T @ X[i]) / np.sum(np.exp(w.T @ X[i]))) for i in range(n)),
    "line 31": lambda: same(ph, np.array([np.exp(z[k]) / np.sum(np.exp(z)) for k in range(K)])),
    "line 40": lambda: chain(
        np.array(L()),
        np.array(-sum(Y[i] @ np.log(softmax(w.T @ X[i])) for i in range(n))),
    ),
    "line 50": lambda: np.isclose(L1(), -y @ np.log(softmax(w.T @ x))),
    "line 55": lambda: same(z, [sum(w[j, k] * x[j] for j in range(m)) for k in range(K)]),
    "line 65": lambda: same(dL_dphi, -y * (1 / ph)) and same(dL_dphi, [-y[k] / ph[k] for k in range(K)]),
    "line 81": lambda: chain(*links80, ph - y),  # link 3 uses sum_k y_k = 1
    "line 92": lambda: chain(grad(L1, w), np.tensordot(dL_dphi @ Jz, T, axes=1), np.tensordot(ph - y, T, axes=1), np.outer(x, ph - y)),
    "line 102": lambda: same(grad(L, w), -sum(np.outer(X[i], Y[i] - softmax(w.T @ X[i])) for i in range(n))),
    "line 129": lambda: chain(
        np.diag(Jz),
        (np.exp(z) * S - np.exp(z) * np.exp(z)) / (S * S),
        np.exp(z) / S * (1 - np.exp(z) / S),
        ph * (1 - ph),
    ),
    "line 137": lambda: all(
        chain(np.array(Jz[i, j]), np.array((0 * S - np.exp(z[i]) * np.exp(z[j])) / (S * S)), np.array(-ph[i] * ph[j]))
        for i in range(K)
        for j in range(K)
        if i != j
    ),
    "line 154": lambda: same(T[0], column(0)),
    "line 158": lambda: same(T[1], column(1)),
    "line 162": lambda: same(T[K - 1], column(K - 1)),
    "line 171": lambda: chain(np.tensordot(a, T, axes=1), sum(a[j] * T[j] for j in range(K)), np.outer(x, a)),
}
planted = {
    "line 31": lambda: same(ph, np.array([z[k] / np.sum(np.exp(z)) for k in range(K)])),
    "line 81": lambda: chain(*links80, y - ph, ph - y),
    "line 92": lambda: chain(grad(L1, w), np.tensordot(ph - y, T, axes=1), np.outer(ph - y, x)),
    "line 102": lambda: same(grad(L, w), sum(np.outer(X[i], Y[i] - softmax(w.T @ X[i])) for i in range(n))),
    "line 129": lambda: chain(np.diag(Jz), ph * (1 + ph)),
    "line 137": lambda: all(chain(np.array(Jz[i, j]), np.array(ph[i] * ph[j])) for i in range(K) for j in range(K) if i != j),
}
confirm("kyleclo_softmax.md", "kyleclo_softmax_planted.md", checks, planted)
print("OK")
