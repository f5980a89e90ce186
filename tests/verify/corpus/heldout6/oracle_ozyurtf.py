"""Independent NumPy oracle for ozyurtf_nn.md / ozyurtf_nn_planted.md (ozyurtf's neural-network-from-scratch README).

The author's conventions (ozyurtf_nn.spec.toml): one sample a_0 = x (a column), s_l = W_l a_{l-1} + b_l, a_1 = tanh(s_1),
a_2 = sigma(s_2) = y~, C = BCE with n = 1 (the MSE lines: C = (y - y^)^2, n = 1); Jacobians in numerator layout
(rows: d s / d a is W), the deltas rows. Every derivative is a central difference of the author's objective; every
vector is a column array so that each transpose the author writes is checked. Prints OK when every verdict of
MANIFEST.toml holds.
Run: python oracle_ozyurtf.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same

rng = np.random.default_rng(61)
x = rng.normal(size=(3, 1))
W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=(4, 1)), rng.normal(size=(1, 4)), rng.normal(size=(1, 1))
y, alpha = 0.0, 0.1
sig = lambda v: 0.5 * (1 + np.tanh(v / 2))  # noqa: E731  (the logistic function, by another formula)
relu = lambda v: v * (v > 0)  # noqa: E731


def forward(W1=W1, b1=b1, W2=W2, b2=b2, a0=x):
    s1 = W1 @ a0 + b1
    a1 = np.tanh(s1)
    s2 = W2 @ a1 + b2
    return s1, a1, s2, sig(s2)


def bce(yh):
    return float(-(y * np.log(yh) + (1 - y) * np.log(1 - yh)).sum())


def C(**kw):
    return bce(forward(**kw)[3])


s1, a1, s2, a2 = forward()
yt = a2
col = lambda f: lambda v: f(v.reshape(-1, 1)).ravel()  # noqa: E731  (a map of column vectors, for jacobian())
J_s2_a1 = jacobian(col(lambda a: W2 @ a + b2), a1.ravel())
J_s1_a0 = jacobian(col(lambda a: W1 @ a + b1), x.ravel())
dC_dyt = grad(lambda v: bce(v), yt)
dyt_ds2 = jacobian(col(sig), s2.ravel())
delta1 = grad(lambda v: bce(sig(v)), s2).T  # a row: dC/ds_2
delta2 = grad(lambda v: bce(sig(W2 @ np.tanh(v) + b2)), s1).T  # a row: dC/ds_1
gW1, gb1, gW2, gb2 = (grad(lambda v, k=k: C(**{k: v}), p) for k, p in (("W1", W1), ("b1", b1), ("W2", W2), ("b2", b2)))
dtanh = np.diag(1 - np.tanh(s1.ravel()) ** 2)  # da_1/ds_1
sgd = lambda p, g, sign=-1: p + sign * alpha * g  # noqa: E731
s = s1.ravel()
checks = {
    "line 6": lambda: same(forward(a0=x)[0], W1 @ x + b1),
    "line 8": lambda: same(s1, W1 @ x + b1),
    "line 10": lambda: same(a1, np.tanh(s1)),
    "line 12": lambda: same(s2, W2 @ a1 + b2),
    "line 14": lambda: same(a2, sig(s2)),
    "line 16": lambda: same(yt, a2),
    "line 18": lambda: same(np.tanh(s), (np.exp(s) - np.exp(-s)) / (np.exp(s) + np.exp(-s))),
    "line 20": lambda: same(sig(s), 1 / (1 + np.exp(-s))),
    "line 22": lambda: same(relu(s), np.maximum(0, s)),
    "line 24": lambda: same((lambda v: v)(s), s),
    "line 31": lambda: same(np.diag(jacobian(np.tanh, s)), 1 - np.tanh(s) ** 2),
    "line 33": lambda: same(np.diag(jacobian(sig, s)), sig(s) * (1 - sig(s))),
    "line 35": lambda: same(jacobian(relu, s), np.diag((s > 0).astype(float))),
    "line 37": lambda: same(jacobian(lambda v: v, s), np.eye(4)),
    "line 39": lambda: same(jacobian(lambda v: v, yt.ravel()), np.eye(1)),
    "line 41": lambda: same(dyt_ds2, jacobian(col(sig), s2.ravel())),
    "line 45": lambda: same(jacobian(col(lambda b: W2 @ a1 + b), b2.ravel()), np.eye(1)),
    "line 47": lambda: same(J_s2_a1, W2.T),
    "line 49": lambda: same(jacobian(np.tanh, s), dtanh),
    "line 53": lambda: same(J_s1_a0, W1.T),
    "line 55": lambda: same(jacobian(col(lambda b: W1 @ x + b), b1.ravel()), np.eye(4)),
    "line 66": lambda: np.isclose(C(), float(-(y * s2 - np.log1p(np.exp(s2)))[0, 0])),  # BCE of sigma(s) = log(1 + e^s) - y s
    "line 68": lambda: np.isclose(float(((y - yt) ** 2).sum()) / 1, float((y - yt[0, 0]) ** 2)),
    "line 75": lambda: same(dC_dyt, -(y / yt - (1 - y) / (1 - yt))),
    "line 77": lambda: same(grad(lambda v: float(((y - v) ** 2).sum()), yt), -2 / 1 * np.sum(y - yt, keepdims=True)),
    "line 80": lambda: same(delta1, dC_dyt @ dyt_ds2),
    "line 82": lambda: same(delta2, dC_dyt @ dyt_ds2 @ J_s2_a1 @ dtanh) and same(delta2, delta1 @ W2 @ dtanh),
    "line 84": lambda: same(gW2, delta1.T @ a1.T),
    "line 86": lambda: same(gW2, delta1.T @ np.tanh(s1).T),
    "line 88": lambda: same(gb2, delta1.T),
    "line 90": lambda: same(gW1, delta2.T @ x.T),
    "line 92": lambda: same(gb2, delta2.T),  # the author's slip: the left side names b_2
    "line 94": lambda: same(sgd(W2, gW2), W2 - alpha * grad(lambda v: C(W2=v), W2)),
    "line 96": lambda: same(sgd(W1, gW1), W1 - alpha * grad(lambda v: C(W1=v), W1)),
    "line 98": lambda: same(sgd(b2, gb2), b2 - alpha * gb2),
    "line 100": lambda: same(sgd(b1, gb1), b1 - alpha * gb1),
}
planted = {
    "line 12": lambda: same(s2, W2 @ a1 + b1),
    "line 20": lambda: same(sig(s), 1 / (1 + np.exp(s))),
    "line 31": lambda: same(np.diag(jacobian(np.tanh, s)), 1 - np.tanh(s)),
    "line 33": lambda: same(np.diag(jacobian(sig, s)), sig(s) * (1 + sig(s))),
    "line 45": lambda: same(jacobian(col(lambda b: W2 @ a1 + b), b2.ravel()), b2),
    "line 75": lambda: same(dC_dyt, -(y / yt + (1 - y) / (1 - yt))),
    "line 82": lambda: same(delta2, delta1 @ W1 @ dtanh),
    "line 86": lambda: same(gW2, delta1.T @ np.tanh(s1)),
    "line 90": lambda: same(gW1, delta2.T @ a1.T),
    "line 98": lambda: same(sgd(b2, gb2, +1), b2 - alpha * gb2),
}
confirm("ozyurtf_nn.md", "ozyurtf_nn_planted.md", checks, planted)
print("OK")
