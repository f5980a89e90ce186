"""Independent NumPy oracle for xan_backprop.tex / xan_backprop_planted.tex (Xan Carey's backpropagation notes).

The notes' network (xan_backprop.spec.toml): column vectors, z^l = W^l a^{l-1} + b^l (w_jk from k to j), a^l =
sigmoid(z^l), layers 0 (2 inputs), 1 (3 units) and L = 2 (2 units), one example, C = 1/n_L sum_j 1/2 (a_j^L - y_j)^2.
Every derivative is a central difference of C (or of the forward map); each equation is NumPy code of what it writes,
looped over its free indices; the "hidden" formulas are checked at l = 1. Prints OK when every verdict of
MANIFEST.toml holds.
Run: python oracle_xan.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(26)
x, y = rng.normal(size=2), np.array([0.2, 0.9])
W1, b1, W2, b2 = rng.normal(size=(3, 2)), rng.normal(size=3), rng.normal(size=(2, 3)), rng.normal(size=2)
nL = 2


def net(W1=W1, b1=b1, W2=W2, b2=b2):
    z1 = W1 @ x + b1
    a1 = sigmoid(z1)
    z2 = W2 @ a1 + b2
    return z1, a1, z2, sigmoid(z2)


def C_of_a(aL):
    return float(np.sum(0.5 * (aL - y) ** 2) / nL)


z1, a1, z2, a2 = net()
C = lambda **kw: C_of_a(net(**kw)[3])  # noqa: E731
dC_da2 = grad(C_of_a, a2)
dC_dz2 = grad(lambda v: C_of_a(sigmoid(v)), z2)
dC_dW2, dC_db2 = grad(lambda w: C(W2=w), W2), grad(lambda v: C(b2=v), b2)
dC_da1 = grad(lambda v: C_of_a(sigmoid(W2 @ v + b2)), a1)
dC_dz1 = grad(lambda v: C_of_a(sigmoid(W2 @ sigmoid(v) + b2)), z1)
dC_dW1, dC_db1 = grad(lambda w: C(W1=w), W1), grad(lambda v: C(b1=v), b1)
da2_dz2 = np.array([grad(lambda v: float(sigmoid(v)), np.array(v)) for v in z2])
ds_dz1 = np.array([grad(lambda v: float(sigmoid(v)), np.array(v)) for v in z1])
dz2_dW = np.array([[grad(lambda w, j=j: float((w @ a1 + b2)[j]), W2)[j, k] for k in range(3)] for j in range(2)])
dz2_db = np.array([grad(lambda v, j=j: float((W2 @ a1 + v)[j]), b2)[j] for j in range(2)])
delta2, delta1 = dC_dz2, dC_dz1


def m2(fun):
    return np.array([[fun(j, k) for k in range(3)] for j in range(2)])


checks = {
    "line 11": lambda: np.isclose(C_of_a(a2), 1 / nL * sum(0.5 * (a2[j] - y[j]) ** 2 for j in range(nL))),
    "line 16": lambda: same(np.array([1 / nL * (a2[j] - y[j]) for j in range(2)]), dC_da2),
    "line 20": lambda: same(sigmoid(z2), a2),
    "line 23": lambda: same(sigmoid(z2) * (1 - sigmoid(z2)), da2_dz2) and same(a2 * (1 - a2), da2_dz2),
    "line 26": lambda: same(np.array([sum(W2[j, k] * a1[k] for k in range(3)) + b2[j] for j in range(2)]), z2),
    "line 32": lambda: same(dz2_dW, m2(lambda j, k: a1[k])),
    "line 37": lambda: same(dz2_db, np.ones(2)),
    "line 43": lambda: np.isclose(
        C_of_a(a2), 1 / nL * sum(0.5 * (sigmoid(sum(W2[j, k] * a1[k] for k in range(3)) + b2[j]) - y[j]) ** 2 for j in range(2))
    ),
    "line 47": lambda: same(m2(lambda j, k: dC_da2[j] * da2_dz2[j] * dz2_dW[j, k]), dC_dW2),
    "line 51": lambda: same(dC_da2 * da2_dz2 * dz2_db, dC_db2),
    "line 52": lambda: same(1 / nL * (a2 - y) * a2 * (1 - a2) * 1, dC_db2),
    "line 55": lambda: same(dC_da2 * da2_dz2, delta2),
    "line 61": lambda: same(np.array([sum(W2[q, j] * delta2[q] for q in range(2)) for j in range(3)]), dC_da1),
    "line 71": lambda: (
        same(np.array([[delta1[j] * x[k] for k in range(2)] for j in range(3)]), dC_dW1)
        and same(m2(lambda j, k: delta2[j] * a1[k]), dC_dW2)
    ),
    "line 73": lambda: same(delta1 * 1, dC_db1) and same(delta2, dC_db2),
    "line 82": lambda: same(1 / nL * (a2 - y) * da2_dz2, delta2),
    "line 91": lambda: same((W2.T @ delta2) * ds_dz1, delta1),
    "line 98": lambda: same(delta1[:, None] @ x[None, :], dC_dW1) and same(delta2[:, None] @ a1[None, :], dC_dW2),
    "line 101": lambda: same(m2(lambda j, k: delta2[j] * a1[k]), dC_dW2),
    "line 112": lambda: same(delta1, dC_db1) and same(delta2, dC_db2),
}
planted = {
    "line 16": lambda: same(a2 - y, dC_da2),
    "line 23": lambda: same(sigmoid(z2) * (1 - sigmoid(z2)), da2_dz2) and same(1 - a2, da2_dz2),
    "line 61": lambda: same(np.array([sum(W2[j, q] * delta2[q] for q in range(2)) for j in range(3)]), dC_da1),
    "line 82": lambda: same(1 / nL * (a2 - y) * ds_dz1, delta2),
    "line 91": lambda: same((W2 @ delta2) * ds_dz1, delta1),
    "line 98": lambda: same(delta1[:, None] @ a1[None, :], dC_dW1),
}
confirm("xan_backprop.tex", "xan_backprop_planted.tex", checks, planted)
print("OK")
