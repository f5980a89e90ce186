"""Independent NumPy oracle for yanfenglee_readme.md and its planted copy (a learner's cheat sheet: sigmoid', tanh',
the softmax Jacobian and the cross-entropy's derivative as a chain of one-line displays).

sigmoid' and tanh' by central differences on a grid; the identity tanh(z) = 2 sigmoid(z) - 1 evaluated on the grid
(the author's slip: it fails away from 0); the softmax Jacobian J[j, i] = d a_j / d z_i by central differences; L =
-sum_k y_k log a_k for a one-hot y, dL/dz by central differences, and every display of the chain (lines 30-35, each
"dL/dz_i = what the line writes") evaluated for every i. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_yanfenglee.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(2104)
zs = np.linspace(-3, 3, 13)
ds = np.array([grad(lambda v: float(sigmoid(v[0])), np.array([t]))[0] for t in zs])
dt = np.array([grad(lambda v: float(np.tanh(v[0])), np.array([t]))[0] for t in zs])
s, th = sigmoid(zs), np.tanh(zs)


def softmax(v):
    e = np.exp(v - v.max())
    return e / e.sum()


K = 4
z = rng.normal(size=K)
y = np.eye(K)[1]
a = softmax(z)
J = jacobian(softmax, z)  # J[j, i] = d a_j / d z_i
dLdz = grad(lambda v: float(-np.sum(y * np.log(softmax(v)))), z)
idx = range(K)


def rest(i, f):
    return sum(f(k) for k in idx if k != i)


def chain(*rows):
    return all(same(dLdz, np.array([r(i) for i in idx])) for r in rows)


row30 = lambda i: -sum(y[k] / a[k] * J[k, i] for k in idx)  # noqa: E731
row31 = lambda i: -y[i] * (1 - a[i]) - rest(i, lambda k: y[k] / a[k] * (-a[k] * a[i]))  # noqa: E731
row32 = lambda i: -y[i] * (1 - a[i]) + rest(i, lambda k: y[k] * a[i])  # noqa: E731
row33 = lambda i: -y[i] + y[i] * a[i] + rest(i, lambda k: y[k] * a[i])  # noqa: E731
row34 = lambda i: a[i] * y.sum() - y[i]  # noqa: E731
row35 = lambda i: a[i] - y[i]  # noqa: E731
off = [(i, j) for i in idx for j in idx if i != j]
checks = {
    "line 5": lambda: same(ds, s * (1 - s)),
    "line 8": lambda: same(th, (np.exp(zs) - np.exp(-zs)) / (np.exp(zs) + np.exp(-zs))) and same(th, 2 * s - 1),
    "line 9": lambda: same(dt, 1 - th**2),
    "line 21": lambda: all(same(J[i, i], a[i] * (1 - a[i])) for i in idx),
    "line 22": lambda: all(same(J[j, i], -a[i] * a[j]) for i, j in off),
    "line 30": lambda: chain(row30),
    "line 31": lambda: chain(row31),
    "line 32": lambda: chain(row32),
    "line 33": lambda: chain(row33),
    "line 34": lambda: chain(row34),
    "line 35": lambda: chain(row35),
}
planted = {
    "line 5": lambda: same(ds, s * (1 + s)),
    "line 9": lambda: same(dt, 1 - th),
    "line 22": lambda: all(same(J[j, i], a[i] * a[j]) for i, j in off),
    "line 33": lambda: chain(lambda i: -y[i] - y[i] * a[i] + rest(i, lambda k: y[k] * a[i])),
    "line 35": lambda: chain(lambda i: y[i] - a[i]),
}
confirm("yanfenglee_readme.md", "yanfenglee_readme_planted.md", checks, planted)
print("OK")
