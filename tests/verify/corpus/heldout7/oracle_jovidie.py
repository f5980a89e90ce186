"""Independent NumPy oracle for jovidie_methods.tex / jovidie_methods_planted.tex (a student group's FYS-STK4155 project
2 methods section).

The authors' conventions (jovidie_methods.spec.toml): logistic regression p_i = sigma(beta_0 + beta_1 x_i), C the SUM
of the cross-entropy over the points; a network h = a(W^T x + b) with W inputs x outputs, delta_j^l = dC/dz_j^l,
w_{ij}^l from unit i to unit j; momentum v_t = eta g_t + gamma v_{t-1}. Every derivative is a central difference (the
Hessian one of the gradient). Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_jovidie.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(72)
# logistic regression on one feature
n = 6
xs = rng.normal(size=n)
ys = (rng.uniform(size=n) < 0.5).astype(float)
X = np.stack([np.ones(n), xs], axis=1)
beta = np.array([0.3, -0.8])
p = 1 / (1 + np.exp(-(X @ beta)))
loglik = lambda b: float(np.sum(ys * np.log(sigmoid(X @ b)) + (1 - ys) * np.log(1 - sigmoid(X @ b))))  # noqa: E731
C_lr = lambda b: float(-np.sum(ys * (b[0] + b[1] * xs) - np.log(1 + np.exp(b[0] + b[1] * xs))))  # noqa: E731
g_lr = grad(C_lr, beta)
hess = jacobian(lambda b: grad(C_lr, b, eps=1e-5), beta, eps=1e-4)
# the network (W inputs x outputs), one sample
W = {1: rng.normal(size=(3, 4)), 2: rng.normal(size=(4, 1))}
b = {1: rng.normal(size=4), 2: rng.normal(size=1)}
x, y = rng.normal(size=3), 0.0


def fwd(Wd=W, bd=b):
    z1 = Wd[1].T @ x + bd[1]
    a1 = sigmoid(z1)
    z2 = Wd[2].T @ a1 + bd[2]
    return z1, a1, z2, sigmoid(z2)


def bce(a):
    return float(-np.sum(y * np.log(a) + (1 - y) * np.log(1 - a)))


def C(Wd=W, bd=b):
    return bce(fwd(Wd, bd)[3])


z1, a1, z2, a2 = fwd()
delta2 = grad(lambda v: bce(sigmoid(v)), z2)
delta1 = grad(lambda v: bce(sigmoid(W[2].T @ sigmoid(v) + b[2])), z1)
dz2_dz1 = jacobian(lambda v: W[2].T @ sigmoid(v) + b[2], z1)  # [k, j] = d z_k^{l+1} / d z_j^l
gW = {l: grad(lambda v, l=l: C({**W, l: v}), W[l]) for l in W}
gb = {l: grad(lambda v, l=l: C(bd={**b, l: v}), b[l]) for l in b}
eta, gamma, T = 0.01, 0.9, 4
G = rng.normal(size=(T, 3))
zs = np.linspace(-7.5, 7.5, 11) + 0.13
sm_rows = lambda Z: np.exp(Z) / np.sum(np.exp(Z), axis=1, keepdims=True)  # noqa: E731
Zm = rng.normal(size=(3, 4))
yh, yt = rng.uniform(0.05, 0.95, size=5), (rng.uniform(size=5) < 0.5).astype(float)


def momentum(sign=+1):
    v, theta, vs = np.zeros(3), np.zeros(3), []
    for t in range(T):
        v = eta * G[t] + sign * gamma * v
        theta = theta - v
        vs.append((v, theta))
    return vs


checks = {
    "eq:sigmoid": lambda: same(1 / (1 + np.exp(-zs)), 0.5 * (1 + np.tanh(zs / 2))),
    "eq:log_likelihood": lambda: np.isclose(loglik(beta), np.log(np.prod(p**ys * (1 - p) ** (1 - ys)))),
    "eq:cross_entropy": lambda: np.isclose(C_lr(beta), -loglik(beta)),
    "eq:d_cross_entropy": lambda: same(g_lr, -X.T @ (ys - p)),
    "eq:dd_cross_entropy": lambda: same(hess, X.T @ np.diag(p * (1 - p)) @ X, rtol=1e-4),
    "line 68": lambda: same(beta - eta * g_lr, beta - eta * grad(C_lr, beta)) and C_lr(beta - eta * g_lr) < C_lr(beta),
    "line 94": lambda: all(same(v, eta * sum(gamma ** (t - i) * G[i] for i in range(t + 1))) for t, (v, _) in enumerate(momentum())),
    "line 97": lambda: same(momentum()[-1][1], -sum(eta * sum(gamma ** (t - i) * G[i] for i in range(t + 1)) for t in range(T))),
    "eq:ffnn": lambda: same(a1, sigmoid(W[1].T @ x + b[1])) and same(a1, sigmoid(x @ W[1] + b[1])),
    "line 164": lambda: same(sigmoid(zs), 1 / (1 + np.exp(-zs))),
    "line 171": lambda: same(
        sm_rows(Zm), np.exp(Zm - Zm.max(axis=1, keepdims=True)) / np.sum(np.exp(Zm - Zm.max(axis=1, keepdims=True)), axis=1, keepdims=True)
    ),
    "line 180": lambda: same(np.maximum(zs, 0), np.where(zs > 0, zs, 0)),
    "line 191": lambda: same(np.where(zs > 0, zs, 0.01 * zs), np.maximum(zs, 0.01 * zs)),
    "line 202": lambda: same(np.clip(zs, 0, 6), np.where((zs > 0) & (zs < 6), zs, np.where(zs <= 0, 0, 6))),
    "line 224": lambda: np.isclose(np.mean((yh - yt) ** 2), np.sum((yh - yt) ** 2) / 5),
    "line 236": lambda: np.isclose(-np.sum(np.eye(4)[1] * np.log(sm_rows(Zm)[0])), -(Zm[0, 1] - np.log(np.sum(np.exp(Zm[0]))))),
    "line 245": lambda: np.isclose(
        -np.mean(yt * np.log(yh) + (1 - yt) * np.log(1 - yh)),
        np.mean(np.log1p(np.exp(-np.log(yh / (1 - yh)))) + (1 - yt) * np.log(yh / (1 - yh))),
    ),
    "eq:ffnn#2": lambda: same(z1, W[1].T @ x + b[1]) and same(a2, sigmoid(W[2].T @ a1 + b[2])),
    "line 286": lambda: same(delta1, grad(lambda v: bce(sigmoid(W[2].T @ sigmoid(v) + b[2])), z1)),
    "line 291": lambda: all(np.isclose(delta1[j], sum(delta2[k] * dz2_dz1[k, j] for k in range(1))) for j in range(4)),
    "line 301": lambda: all(
        same(W[l] - eta * gW[l], W[l] - eta * np.outer(a_prev, d)) for l, a_prev, d in ((1, x, delta1), (2, a1, delta2))
    ),
    "line 304": lambda: all(same(b[l] - eta * gb[l], b[l] - eta * d) for l, d in ((1, delta1), (2, delta2))),
}
planted = {
    "eq:sigmoid": lambda: same(1 / (1 + np.exp(zs)), 0.5 * (1 + np.tanh(zs / 2))),
    "eq:cross_entropy": lambda: np.isclose(
        -np.sum(ys * (beta[0] + beta[1] * xs) + np.log(1 + np.exp(beta[0] + beta[1] * xs))), -loglik(beta)
    ),
    "eq:d_cross_entropy": lambda: same(g_lr, X.T @ (ys - p)),
    "eq:dd_cross_entropy": lambda: same(hess, X @ np.diag(p * (1 - p)) @ X.T),
    "line 94": lambda: all(same(v, eta * sum(gamma ** (t - i) * G[i] for i in range(t + 1))) for t, (v, _) in enumerate(momentum(-1))),
    "line 180": lambda: same(np.maximum(zs, 0), np.where(zs > 0, 1, 0)),
    "eq:ffnn#2": lambda: same(a2, sigmoid(W[2].T @ a2 + b[2])),
    "line 291": lambda: all(np.isclose(delta1[j], sum(delta1[k] * dz2_dz1[k, j] for k in range(1))) for j in range(4)),
    "line 304": lambda: all(same(b[l] - eta * gb[l], b[l] + eta * d) for l, d in ((1, delta1), (2, delta2))),
}
confirm("jovidie_methods.tex", "jovidie_methods_planted.tex", checks, planted)
print("OK")
