"""Independent NumPy oracle for epp_backprop.tex / epp_backprop_planted.tex (Thomas Epp's LaTeX notes, the fully
connected section).

A 3-4-2 sigmoid network on random numbers, column vectors z^l = W^l a^{l-1} + b^l, C = 1/2 ||y - a^L||^2: his Delta^l =
dC/dz^l and the weight and bias gradients against central differences; the slips of his definitions evaluated as
written. Prints OK when every verdict of MANIFEST.toml holds. Run: python oracle_epp.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(1506)
W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(2, 4)), rng.normal(size=2)
x, y = rng.normal(size=3), rng.uniform(size=2)
gp = lambda z: sigmoid(z) * (1 - sigmoid(z))  # noqa: E731
z1 = W1 @ x + b1
a1 = sigmoid(z1)
z2 = W2 @ a1 + b2
a2 = sigmoid(z2)
C_of = lambda V1, c1, V2, c2: 0.5 * float(((y - sigmoid(V2 @ sigmoid(V1 @ x + c1) + c2)) ** 2).sum())  # noqa: E731
D2 = grad(lambda v: 0.5 * float(((y - sigmoid(v)) ** 2).sum()), z2)  # Delta^L
D1 = grad(lambda v: 0.5 * float(((y - sigmoid(W2 @ sigmoid(v) + b2)) ** 2).sum()), z1)
gW2, gb2 = grad(lambda v: C_of(W1, b1, v, b2), W2), grad(lambda v: C_of(W1, b1, W2, v), b2)

checks = {
    # z_j = sum_j w_jk a_k + b_j: read with the free k = j
    "line 38": lambda: same(z2, np.array([sum(W2[jj, j] for jj in range(2)) * a1[j] + b2[j] for j in range(2)])),
    "line 41": lambda: same(0.5 * ((y - a2) ** 2).sum(), 0.5 * np.abs(y - a2).sum()),
    "line 57": lambda: same(z2, W2 @ z1 + b2),
    "line 74": lambda: same(gW2, np.outer(D2, a1)),
    "line 78": lambda: same(gb2[0], D2[1]) and same(gb2[1], D2[0]),
    "line 92": lambda: same(D2, -gp(z2) * (y - a2)),
    "line 97": lambda: same(D1, np.array([sum(D2[i] * W2[i, j] for i in range(2)) * gp(z1[j]) for j in range(4)])),
    "line 105": lambda: same(D1, (W2.T @ D2) * gp(z1)),
}
planted = {
    "line 74": lambda: same(gW2[:, :2], np.array([[D2[j] * a1[j]] * 2 for j in range(2)])),
    "line 92": lambda: same(D2, gp(z2) * (y - a2)),
    "line 97": lambda: same(D1[:2], np.array([sum(D2[i] * W2[j, i] for i in range(2)) * gp(z1[j]) for j in range(2)])),
    # W^{l+1} Delta^{l+1} without the transpose: (2 x 4) times a 2-vector does not fit this network
    "line 105": lambda: W2.shape[1] == D2.shape[0] and same(D1, (W2 @ D2) * gp(z1)),
}
confirm("epp_backprop.tex", "epp_backprop_planted.tex", checks, planted)
print("OK")
