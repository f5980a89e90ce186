"""Independent NumPy oracle for xopes_ce.md and xopes_linear_ce.md (and their planted copies): a kernel author's
Chinese notes on the cross-entropy with LABEL SMOOTHING (y-bar = (1 - lambda) y + lambda/v 1) and on a linear layer
before it.

Random logits z (v = 5 classes, target k = 2), lambda = 0.1, an upstream scalar do; o(z) = -sum_i y-bar_i (z_i - lse(z))
as the notes define it; every row of each chain is evaluated as the value it writes and compared with o; derivatives by
central differences (do/dz, and dx, dW, db of do * o(W x + b)). A sum written with the upper limit `e` is evaluated as
written: e is Euler's number, so it runs over i = 1, 2. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_xopes.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(2025)
v, d, k, lam, do = 5, 4, 2, 0.1, 0.7
e_lim = int(np.floor(np.e))  # a sum "to e", read literally
z = rng.normal(size=v)
y = np.eye(v)[k]
lse = lambda t: float(np.log(np.sum(np.exp(t))))  # noqa: E731
ybar = (1 - lam) * y + lam / v
o_of = lambda t: float(-np.sum(ybar * (t - lse(t))))  # noqa: E731
r, o = lse(z), o_of(z)
p = np.exp(z - r)
g = grad(o_of, z)  # do/dz
ones = np.ones(v)
# a batch of b = 3 rows for the batched form
Z, Yb = rng.normal(size=(3, v)), np.eye(v)[[2, 0, 4]]
dO = rng.normal(size=3)
ob = lambda t: np.array([-np.sum(((1 - lam) * Yb[i] + lam / v) * (t[i] - lse(t[i]))) for i in range(3)])  # noqa: E731
GZ = np.array([grad(lambda row, i=i: float(-np.sum(((1 - lam) * Yb[i] + lam / v) * (row - lse(row)))), Z[i]) for i in range(3)])
dZ = grad(lambda t: float(dO @ ob(t.reshape(3, v))), Z.ravel()).reshape(3, v)
Pb = np.exp(Z - np.log(np.exp(Z).sum(axis=1, keepdims=True)))



def chain_rows(t):
    """The rows of the notes' chain o = ... (the same chain in both files) for logits t, each as the value it writes."""
    rr = lse(t)
    return [
        -np.sum(((1 - lam) * y + lam / v) * (t - rr)),
        -np.sum((1 - lam) * y * (t - rr)) - lam / v * np.sum((t - rr)[:e_lim]),  # the sum "to e"
        -(1 - lam) * (t[k] - rr) - lam / v * (np.sum(t) - v * rr),
        -(1 - lam) * t[k] + (1 - lam) * rr - lam / v * np.sum(t) + lam * rr,
        -(1 - lam) * t[k] + rr - lam / v * np.sum(t),
    ]


def chain_checks(t, chain_id, step_ids):
    """The chain holds when every row does; each row is also a step "o = what the row writes"."""
    vals, target = chain_rows(t), o_of(t)
    checks = {chain_id: lambda: all(same(val, target) for val in vals)}
    checks.update({sid: (lambda val=val: same(val, target)) for sid, val in zip(step_ids, vals, strict=True)})
    return checks


ce = {
    "line 7.2": lambda: same(ones @ ybar, 1.0) and same((1 - lam) + lam, 1.0),
    **chain_checks(z, "line 18.2", ["line 19.3", "line 20.4", "line 24.5", "line 25.6", "line 26.7"]),
    "line 42.4": lambda: same(-(1 - lam) * z[k] + r - lam / v * np.sum(z), o),
    "line 57.2": lambda: same(g, -(1 - lam) * (np.arange(v) == k) + p - lam / v),
    "line 60.3": lambda: same(g, -(1 - lam) * (np.arange(v) == k) + p - lam / v),
    "line 61.3": lambda: same(g, -(1 - lam) * y + p - lam / v),
    "line 62.4": lambda: same(grad(lambda t: do * o_of(t), z), do * g),  # dz, the gradient of do * o
    "line 69.1": lambda: same(GZ, -(1 - lam) * Yb + Pb - lam / v),
    "line 70.2": lambda: same(dZ, dO[:, None] * GZ),
}
ce_planted = {
    "line 25.6": lambda: same(-(1 - lam) * z[k] + (1 - lam) * r - lam / v * np.sum(z), o),
    "line 42.4": lambda: same(-(1 - lam) * z[k] + r + lam / v * np.sum(z), o),
    "line 60.3": lambda: same(g, -(1 - lam) * (np.arange(v) == k) + p + lam / v),
    "line 57.2": lambda: same(g, -(1 - lam) * (np.arange(v) == k) + p + lam / v),
    "line 61.3": lambda: same(g, -(1 - lam) * y + p),
}

# the linear layer: z = W x + b, W in R^{v x d}
W, x, b = rng.normal(size=(v, d)), rng.normal(size=d), rng.normal(size=v)
zl = W @ x + b
rl, ol = lse(zl), o_of(zl)
pl = np.exp(zl - rl)
gl = grad(o_of, zl)
dz = do * gl
dx = grad(lambda t: do * o_of(W @ t + b), x)
dW = grad(lambda t: do * o_of(t.reshape(v, d) @ x + b), W.ravel()).reshape(v, d)
db = grad(lambda t: do * o_of(W @ x + t), b)
m = np.max(zl)
ybar_e = (1 - lam) * y + lam / np.e
linear = {
    "line 5.1": lambda: same(ybar_e, ybar),
    "line 6.2": lambda: same(ones @ ybar, 1.0),
    **chain_checks(zl, "line 17.3", ["line 18.4", "line 19.5", "line 23.6", "line 24.7", "line 25.8"]),
    # sse is the sum that makes m + log sse the lse of z
    "line 35": lambda: same(m + np.log(np.sum(np.exp(y - m))), rl),
    "line 36": lambda: same(np.sum(zl[:e_lim]), np.sum(zl)),
    "line 52.2": lambda: same(gl, -(1 - lam) * (np.arange(v) == k) + pl - lam / v),
    "line 55.3": lambda: same(gl, -(1 - lam) * (np.arange(v) == k) + pl - lam / v),
    "line 56.3": lambda: same(gl, -(1 - lam) * y + pl - lam / v),
    "line 57.4": lambda: same(dz, do * (-(1 - lam) * y + pl - lam / v)),
    "line 58.5": lambda: dz.shape[0] == W.T.shape[0] and same(dx, dz @ W.T),
    "line 60.6": lambda: same(dW, np.outer(dz, x)),
    "line 62.7": lambda: same(db, dz),
    "line 69": lambda: same(dz, do * (-(1 - lam) * y + pl - lam / np.e)),
    "line 76.1": lambda: dz.shape[0] == W.T.shape[0] and same(dx, dz @ W.T),
    "line 77.2": lambda: same(dW, np.outer(dz, x)),
    "line 79.3": lambda: same(db, dz),
    "line 86": lambda: same(dz, do * (-(1 - lam) * y + pl - lam / v)),
    "line 87": lambda: dz.shape[0] == W.T.shape[0] and same(dx, dz @ W.T),
    "line 88": lambda: same(dW, np.outer(dz, x)),
    "line 89": lambda: same(db, dz),
}
linear_planted = {
    "line 24.7": lambda: same(-(1 - lam) * zl[k] + (1 - lam) * rl - lam / v * np.sum(zl) - lam * rl, ol),
    "line 55.3": lambda: same(gl, -1.0 * (np.arange(v) == k) + pl),
    "line 52.2": lambda: same(gl, -1.0 * (np.arange(v) == k) + pl),
    "line 60.6": lambda: np.outer(x, dz).shape == dW.shape and same(dW, np.outer(x, dz)),
    "line 77.2": lambda: dz.shape == x.shape and same(dW, dz * x),
    "line 89": lambda: same(db, do),
}
assert same(dx, W.T @ dz)  # what line 58's dx is
confirm("xopes_ce.md", "xopes_ce_planted.md", ce, ce_planted)
confirm("xopes_linear_ce.md", "xopes_linear_ce_planted.md", linear, linear_planted)
print("OK")
