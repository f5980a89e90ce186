"""Independent NumPy oracle for imperial_backprop.ipynb / imperial_backprop_planted.ipynb (Imperial College's
"Mathematics for Machine Learning: Multivariate Calculus" backpropagation assignment, its Markdown cells).

The notebook's network (imperial_backprop.spec.toml): 1 input, logistic layers of 6, 7 and 2 units, column vectors,
z^{(n)} = W^{(n)} a^{(n-1)} + b^{(n)}; its cost C = 1/N sum_k |a^{(3)}_k - y_k|^2 (no 1/2), as its own cost(x, y).
Claims about C are compared with central differences of that C over N = 5 examples (the columns of x); chain rules of
Jacobians are checked on one example (N = 1), each factor a central-difference Jacobian in the numerator layout.
Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_imperial.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(1812)
sizes = (1, 6, 7, 2)
P = {}
for n in (1, 2, 3):
    P[f"W{n}"], P[f"b{n}"] = rng.normal(size=(sizes[n], sizes[n - 1])) / 2, rng.normal(size=(sizes[n], 1)) / 2
d_sigma = lambda z: np.cosh(z / 2) ** (-2) / 4  # noqa: E731  (the notebook's own sigma')
N = 5
X, Y = rng.uniform(size=(1, N)), rng.normal(size=(2, N))


def network_function(a0, p=P):  # the notebook's own feed-forward
    z1 = p["W1"] @ a0 + p["b1"]
    a1 = sigmoid(z1)
    z2 = p["W2"] @ a1 + p["b2"]
    a2 = sigmoid(z2)
    z3 = p["W3"] @ a2 + p["b3"]
    return a0, z1, a1, z2, a2, z3, sigmoid(z3)


def cost(x, y, p=P):  # the notebook's own C
    return np.linalg.norm(network_function(x, p)[-1] - y) ** 2 / x.size


a0, z1, a1, z2, a2, z3, a3 = network_function(X)
Ck = [float(np.sum((a3[:, k] - Y[:, k]) ** 2)) for k in range(N)]
dC_da3 = grad(lambda v: float(np.linalg.norm(v - Y) ** 2 / N), a3)  # C as a function of every example's a^{(3)}

# one example for the chains: every factor a Jacobian (rows: outputs) by central differences
x1, y1 = X[:, :1], Y[:, :1]
e0, ez1, ea1, ez2, ea2, ez3, ea3 = (v.ravel() for v in network_function(x1))
col = lambda v: v.reshape(-1, 1)  # noqa: E731
J_a3_z3 = jacobian(sigmoid, ez3)
J_z3_a2 = jacobian(lambda v: (P["W3"] @ col(v) + P["b3"]).ravel(), ea2)
J_a3_a2 = jacobian(lambda v: sigmoid(P["W3"] @ col(v) + P["b3"]).ravel(), ea2)
J_a2_a1 = jacobian(lambda v: sigmoid(P["W2"] @ col(v) + P["b2"]).ravel(), ea1)
J_a2_z2 = jacobian(sigmoid, ez2)
J_a1_z1 = jacobian(sigmoid, ez1)
J_z_b = {n: jacobian(lambda v, n=n: (P[f"W{n}"] @ col([e0, ea1, ea2][n - 1]) + col(v)).ravel(), P[f"b{n}"].ravel()) for n in (1, 2, 3)}
C1 = lambda p: cost(x1, y1, p)  # noqa: E731
dC1_da3 = grad(lambda v: float(np.sum((v - y1.ravel()) ** 2)), ea3)[None, :]  # a row (numerator layout)
gb = {n: grad(lambda v, n=n: C1({**P, f"b{n}": v}), P[f"b{n}"]).ravel()[None, :] for n in (1, 2, 3)}

checks = {
    "line 44": lambda: same(a1, sigmoid(z1)) and same(a2, sigmoid(z2)) and same(a3, sigmoid(z3)),
    "line 45": lambda: all(same(z, P[f"W{n}"] @ a + P[f"b{n}"]) for n, z, a in ((1, z1, a0), (2, z2, a1), (3, z3, a2))),
    "line 48": lambda: same(sigmoid(z3), 1 / (1 + np.exp(-z3))),
    "line 65": lambda: np.isclose(cost(X, Y), sum(Ck) / N),
    "line 73": lambda: same(gb[3], dC1_da3 @ J_a3_z3 @ J_z_b[3]),
    "line 79": lambda: same(dC_da3, 2 * (a3 - Y)),
    "line 80": lambda: same(J_a3_z3, np.diag(d_sigma(ez3))),
    "line 82": lambda: same(J_z_b[3], np.eye(2)),
    "line 96": lambda: same(gb[2], dC1_da3 @ J_a3_a2 @ J_a2_z2 @ J_z_b[2]),
    "line 109": lambda: same(J_a3_a2, J_a3_z3 @ J_z3_a2) and same(J_a3_a2, d_sigma(ez3)[:, None] * P["W3"]),
    "line 128": lambda: same(gb[1], dC1_da3 @ J_a3_a2 @ J_a2_a1 @ J_a1_z1 @ J_z_b[1]),
}
planted = {
    "line 45": lambda: all(same(z, P[f"W{n}"] @ a + P[f"b{n}"]) for n, z, a in ((1, z1, a1), (2, z2, a2), (3, z3, a3))),
    "line 48": lambda: same(sigmoid(z3), 1 / (1 + np.exp(z3))),
    "line 80": lambda: same(J_a3_z3, np.diag(sigmoid(ez3))),
    "line 109": lambda: same(J_a3_a2, d_sigma(ez2)[None, :] * P["W3"]),
    "line 128": lambda: same(gb[1], dC1_da3 @ J_a3_a2 @ J_a2_z2 @ J_a1_z1 @ J_z_b[1]),
}
confirm("imperial_backprop.ipynb", "imperial_backprop_planted.ipynb", checks, planted)
print("OK")
