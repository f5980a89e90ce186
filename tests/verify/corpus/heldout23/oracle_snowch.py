"""Independent NumPy oracle for Chris Snow's edge-detector blog post (snowch_nn_tutorial.md) and its planted copy.

The post's network with smaller layers: one sample a ROW, z_1 = x W_1 + b_1 (W_1 4 x 3, in x out), h = ReLU(z_1),
z_2 = h W_2 + b_2 (W_2 3 x 2), p = softmax(z_2), L = -sum_i y_i log p_i (y one-hot); z_1 is drawn with both signs so
the ReLU gate matters. Every derivative by central differences (fdcheck.grad / jacobian): dL/dW, dL/db, dL/dh, dL/dz,
the softmax Jacobian dp_i/dz_j (its i = j claims on the diagonal, its i != j claims off it), the quotient rule's
u = e^{z_i}, v = sum_k e^{z_k}; Part 6's toy example with its own L = z^2, z = w x at w = 3, x = 2; worked numbers by
heldout13's rule (written.py). An update rule is a descent step exactly when it is W - alpha dL/dW and a small step
lowers the loss. Each claim is evaluated as written (every side of a chain); a check holds exactly when MANIFEST.toml's
verdict is correct.
Run: python oracle_snowch.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same
from written import written

rng = np.random.default_rng(2335)
x = rng.normal(size=(1, 4))
W1, b1 = rng.normal(size=(4, 3)), rng.normal(size=(1, 3)) * 0.1
W2, b2 = rng.normal(size=(3, 2)), rng.normal(size=(1, 2))
y = np.array([[1.0, 0.0]])


def softmax(v):
    e = np.exp(v - v.max())
    return e / e.sum()


def fwd(W1=W1, b1=b1, W2=W2, b2=b2, z1=None, h=None, z2=None):
    z1 = x @ W1 + b1 if z1 is None else z1
    h = np.maximum(0, z1) if h is None else h
    z2 = h @ W2 + b2 if z2 is None else z2
    return z1, h, z2, softmax(z2)


def loss(**kw):
    return float(-np.sum(y * np.log(fwd(**kw)[3])))


z1, h, z2, p = fwd()
assert (z1 > 0).any() and (z1 < 0).any() and np.abs(z1).min() > 1e-3  # the gate matters, no kink at the point
g_z2 = grad(lambda v: loss(z2=v), z2)
g_h = grad(lambda v: loss(h=v), h)
g_z1 = grad(lambda v: loss(z1=v), z1)
g_W2, g_b2 = grad(lambda v: loss(W2=v), W2), grad(lambda v: loss(b2=v), b2)
g_W1, g_b1 = grad(lambda v: loss(W1=v), W1), grad(lambda v: loss(b1=v), b1)
alpha = 1e-3


def descends(name, value, g, step):
    new = step(value, g)
    return same(new, value - alpha * g) and loss(**{name: new}) < loss()


# the softmax pieces at a random logit vector
zz = rng.normal(size=3)
e, S = np.exp(zz), np.exp(zz).sum()
pp = e / S
yy = np.array([0.0, 1.0, 0.0])
Jp = jacobian(lambda v: np.exp(v) / np.exp(v).sum(), zz)  # [i, j] = dp_i/dz_j
du = jacobian(np.exp, zz)  # [i, j] = d e^{z_i} / dz_j
dv = grad(lambda v: float(np.exp(v).sum()), zz)  # [j] = d sum_k e^{z_k} / dz_j
off = ~np.eye(3, dtype=bool)
dL_dp = grad(lambda v: float(-np.sum(yy * np.log(v))), pp)
dL_dz = grad(lambda v: float(-np.sum(yy * np.log(np.exp(v) / np.exp(v).sum()))), zz)
I3 = np.eye(3)

# Part 6's toy example: L = z^2, z = w x
w0, x0 = 3.0, 2.0
dLdw_toy = float(grad(lambda v: float((v[0] * x0) ** 2), np.array([w0]))[0])
dzdw_toy = float(grad(lambda v: float(v[0] * x0), np.array([w0]))[0])
dLdz_toy = float(grad(lambda v: float(v[0] ** 2), np.array([w0 * x0]))[0])
# the chain rule on a composition y = f(g(x)): f = sin, g = x^2
xc = 0.7
dydx = float(grad(lambda v: float(np.sin(v[0] ** 2)), np.array([xc]))[0])
dydg = float(grad(lambda v: float(np.sin(v[0])), np.array([xc**2]))[0])
dgdx = float(grad(lambda v: float(v[0] ** 2), np.array([xc]))[0])
# a layer z = x W + b: dL/dW against x^T dL/dz, for both layers
layer_ok = same(g_W2, h.T @ g_z2) and same(g_W1, x.T @ g_z1)
dz2_dh = jacobian(lambda v: (v[None, :] @ W2 + b2)[0], h[0])  # [j, i] = dz_2j / dh_i
dz2_dW = np.array([[grad(lambda v, i=i, j=j: float((h @ v + b2)[0, j]), W2)[i, j] for j in range(2)] for i in range(3)])
dz2_db = jacobian(lambda v: (h @ W2 + v[None, :])[0], b2[0])
dh_dz1 = np.diag(jacobian(lambda v: np.maximum(0, v), z1[0]))
xs = 1.3

checks = {
    "Part2.5": lambda: same((x @ W1) @ W2, x @ (W1 @ W2)),
    "Part3.5": lambda: same(3 / (3 + 1), 0.75),
    "Part3.6": lambda: same(1 / (3 + 1), 0.25),
    "Part4.11": lambda: same(-(1 * np.log(0.88) + 0 * np.log(0.12)), -np.log(0.88)) and written(-np.log(0.88), "0.128"),
    "Part5.5": lambda: same(0.5 - 0.1 * (-0.32), 0.532),
    "Part5.6": lambda: descends("W1", W1, g_W1, lambda v, g: v - alpha * g),
    "Part6.3": lambda: same(dydx, dydg * dgdx),
    "Part6.4": lambda: same(2 * 3, 6),
    "Part6.6": lambda: same(dzdw_toy, x0),
    "Part6.10": lambda: same(w0 * x0, 3 * 2) and same(3 * 2, 6),
    "Part6.11": lambda: same((w0 * x0) ** 2, 6**2) and same(6**2, 36),
    "Part6.12": lambda: all(same(dLdw_toy, v) for v in (dLdz_toy * dzdw_toy, 2 * (w0 * x0) * x0, 12 * 2, 24)),
    "Part6.13": lambda: same(3.01 * 2, 6.02),
    "Part6.14": lambda: written(6.02**2, "36.24"),
    "Part6.15": lambda: written((3.01 * x0) ** 2 - (w0 * x0) ** 2, "0.24") and same(0.24, 24 * 0.01),
    "Part7.2": lambda: layer_ok,
    "Part7.3": lambda: same(g_z2, p - y),
    "Part7.6": lambda: same([0.9 - 1, 0.1 - 0], [-0.1, 0.1]),
    "Part7.7": lambda: same(g_W2, h.T @ g_z2),
    "Part7.8": lambda: same(g_b2, g_z2),
    "Part7.9": lambda: same(g_h, g_z2 @ W2.T),
    "Part7.10": lambda: same(g_z1, g_h * (z1 > 0)),
    "Part7.13": lambda: same(g_W1, x.T @ g_z1),
    "Part7.14": lambda: same(g_b1, g_z1),
    "Part7.15": lambda: descends("W1", W1, g_W1, lambda v, g: v - alpha * g) and descends("b1", b1, g_b1, lambda v, g: v - alpha * g),
    "Part7.16": lambda: descends("W2", W2, g_W2, lambda v, g: v - alpha * g) and descends("b2", b2, g_b2, lambda v, g: v - alpha * g),
    "Part8.4": lambda: descends("W2", W2, g_W2, lambda v, g: v - alpha * g),
    "Part8.5": lambda: same(g_z2, p - y),
    "Part8.10": lambda: same(float(grad(lambda v: float(np.log(v[0])), np.array([xs]))[0]), 1 / xs),
    "Part8.11": lambda: same(dL_dp, -yy / pp),
    "Part8.12": lambda: same(Jp, (S * du - np.outer(e, dv)) / S**2),
    "Part8.16": lambda: same(np.diag(du), e),
    "Part8.17": lambda: same(dv, e),
    "Part8.18": lambda: same(np.diag(Jp), (e * S - e * e) / S**2) and same(np.diag(Jp), e * (S - e) / S**2),
    "Part8.19": lambda: same(np.diag(Jp), e / S * (S - e) / S) and same(np.diag(Jp), pp * (1 - pp)),
    "Part8.21": lambda: same(du[off], 0 * du[off]),
    "Part8.22": lambda: same(dv, e),
    "Part8.23": lambda: all(same(Jp[off], v[off]) for v in ((0 - np.outer(e, e)) / S**2, -np.outer(e / S, e / S), -np.outer(pp, pp))),
    "Part8.24": lambda: same(Jp, pp[:, None] * (I3 - pp[None, :])),
    "Part8.26": lambda: same(dL_dz, dL_dp @ Jp) and same(dL_dz, (-yy / pp) @ (pp[:, None] * (I3 - pp[None, :]))),
    "Part8.27": lambda: same(dL_dz, (-yy[:, None] * (I3 - pp[None, :])).sum(0))
    and same(dL_dz, (-yy[:, None] * I3 + yy[:, None] * pp[None, :]).sum(0)),
    "Part8.28": lambda: same(dL_dz, -yy + pp * yy.sum()),
    "Part8.30": lambda: same(dL_dz, -yy + pp) and same(dL_dz, pp - yy),
    "Part8.31": lambda: same(g_z2, p - y),
    "Part8.32": lambda: same(g_W2, h.T @ g_z2),
    "Part8.35": lambda: same(g_W2, g_z2 * dz2_dW) and same(g_W2, h.T * g_z2),
    "Part8.36": lambda: same(g_W2, h.T @ g_z2),
    "Part8.37": lambda: same(g_b2, g_z2),
    "Part8.39": lambda: same(np.diag(dz2_db), np.ones(2)),
    "Part8.40": lambda: same(g_b2[0], g_z2[0] * np.diag(dz2_db)) and same(g_b2, g_z2 * 1),
    "Part8.41": lambda: same(g_b2, g_z2),
    "Part8.42": lambda: same(g_h, g_z2 @ W2.T),
    "Part8.43": lambda: same(g_h[0], g_z2[0] @ dz2_dh),
    "Part8.45": lambda: same(dz2_dh.T, W2),
    "Part8.46": lambda: same(g_h[0], np.array([sum(g_z2[0, j] * W2[i, j] for j in range(2)) for i in range(3)])),
    "Part8.47": lambda: same(g_h, g_z2 @ W2.T),
    "Part8.48": lambda: same(g_z1, g_h * (z1 > 0)),
    "Part8.50": lambda: same(dh_dz1, np.where(z1[0] > 0, 1.0, 0.0)),
    "Part8.51": lambda: same(g_z1[0], g_h[0] * dh_dz1),
    "Part8.52": lambda: same(g_z1, g_h * (z1 > 0)),
}
planted = {
    "Part5.5": lambda: same(0.5 + 0.1 * (-0.32), 0.5 - 0.1 * (-0.32)) and same(0.5 + 0.1 * (-0.32), 0.468),
    "Part6.12": lambda: all(same(dLdw_toy, v) for v in (dLdz_toy * dzdw_toy, 2 * (w0 * x0) * w0, 12 * 2, 24)),
    "Part7.7": lambda: same(g_W2, h @ g_z2),
    "Part7.9": lambda: same(g_h, g_z2 @ W2),
    "Part7.10": lambda: same(g_z1, g_h * np.maximum(0, z1)),
    "Part7.13": lambda: same(g_W1, x.T @ g_h),
    "Part8.11": lambda: same(dL_dp, yy / pp),
    "Part8.18": lambda: same(np.diag(Jp), (e * S + e * e) / S**2) and same(np.diag(Jp), e * (S - e) / S**2),
    "Part8.35": lambda: same(g_W2, g_z2 * dz2_dW) and same(g_W2, np.array([[g_z2[0, j] * h[0, j] for j in range(2)] for i in range(3)])),
    "Part8.46": lambda: same(g_h[0], np.array([sum(g_z2[0, j] * W2[j, i] for j in range(2)) for i in range(3)])),
}
confirm("snowch_nn_tutorial.md", "snowch_nn_tutorial_planted.md", checks, planted)
print("OK")
