"""Independent NumPy oracle for goto_assignment1.md / goto_assignment1_planted.md (Philip Goto's answer to question
1.1 of the UvA Deep Learning 2019 assignment 1).

The student's conventions (goto_assignment1.spec.toml): x~^{(l)} = W^{(l)} x^{(l-1)} + b^{(l)}, leaky ReLU with slope a,
softmax output, L = -ln(t^T x^{(N)}), N = 2. Every Jacobian is a central difference (columns: the variables); the
Jacobian by W is taken by vec(W) with the columns stacked; claims in l are checked for l = 1, 2. Prints OK when every
verdict of MANIFEST.toml holds.
Run: python oracle_goto.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same

rng = np.random.default_rng(55)
A, d = 0.1, {0: 3, 1: 4, 2: 3}
W = {l: rng.normal(size=(d[l], d[l - 1])) for l in (1, 2)}
b = {l: rng.normal(size=d[l]) for l in (1, 2)}
x0 = rng.normal(size=3)
t = np.eye(3)[1]
leaky = lambda v: np.where(v > 0, v, A * v)  # noqa: E731
act = {1: leaky, 2: lambda v: np.exp(v) / np.sum(np.exp(v))}
xs, xt = {0: x0}, {}
for l in (1, 2):
    xt[l] = W[l] @ xs[l - 1] + b[l]
    xs[l] = act[l](xt[l])
L = float(-np.log(t @ xs[2]))


def vec_jac(l):
    """d x~^{(l)} / d vec(W^{(l)}), vec stacking the columns of W (entry (i, j) at j d_l + i)."""
    cols = []
    for j in range(d[l - 1]):
        for i in range(d[l]):
            E = np.zeros_like(W[l])
            E[i, j] = 1e-6
            cols.append(((W[l] + E) @ xs[l - 1] - (W[l] - E) @ xs[l - 1]) / 2e-6)
    return np.array(cols).T


e2, S2 = np.exp(xt[2]), np.sum(np.exp(xt[2]))
checks = {
    "line 11.1": lambda: all(same(xt[l], W[l] @ xs[l - 1] + b[l]) for l in (1, 2)),
    "line 12.2": lambda: same(xs[1], np.maximum(0, xt[1]) + A * np.minimum(0, xt[1])),
    "line 13.3": lambda: same(xs[2], np.exp(xt[2]) / np.sum(np.exp(xt[2]))),
    "line 14.4": lambda: np.isclose(L, -np.log(xs[2][1])),
    "line 20.1": lambda: same(grad(lambda v: float(-np.log(t @ v)), xs[2]), -t / (t @ xs[2])),
    "line 21.2": lambda: same(jacobian(act[2], xt[2]), np.diag(e2) / S2 - np.outer(e2, e2) / S2**2),
    "line 22.3": lambda: same(jacobian(leaky, xt[1]), np.diag((xs[1] > 0) + A * (xs[1] <= 0))),
    "line 23.4": lambda: all(same(jacobian(lambda v, l=l: W[l] @ v + b[l], xs[l - 1]), W[2]) for l in (1, 2)),
    "line 24.5": lambda: all(same(vec_jac(l), np.kron(xs[l - 1][None, :], np.eye(d[l]))) for l in (1, 2)),
    "line 25.6": lambda: all(same(jacobian(lambda v, l=l: W[l] @ xs[l - 1] + v, b[l]), np.eye(d[l])) for l in (1, 2)),
}
planted = {
    "line 12.2": lambda: same(xs[1], np.maximum(0, xt[1]) - A * np.minimum(0, xt[1])),
    "line 20.1": lambda: same(grad(lambda v: float(-np.log(t @ v)), xs[2]), t / (t @ xs[2])),
    "line 21.2": lambda: same(jacobian(act[2], xt[2]), np.diag(e2) / S2 + np.outer(e2, e2) / S2**2),
    "line 22.3": lambda: same(jacobian(leaky, xt[1]), np.diag((xs[1] > 0) + A * (xs[1] > 0))),
    "line 24.5": lambda: all(same(vec_jac(l), np.kron(xs[l - 1][:, None], np.eye(d[l]))) for l in (1, 2)),
}
confirm("goto_assignment1.md", "goto_assignment1_planted.md", checks, planted)
print("OK")
