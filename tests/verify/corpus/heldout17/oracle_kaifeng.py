"""Independent NumPy oracle for kaifeng_backprop.md / kaifeng_backprop_planted.md (a learner's Chinese worked example:
a 2-2-1 sigmoid network, L = 1/2 (y_hat - y)^2, one SGD step).

The true values are the forward pass and central differences of L(W_1, b_1, W_2, b_2) at the notes' numbers (z_1 = X W_1
+ b_1, z_2 = a_1 W_2^T + b_2); each written number is compared with written.py's rule. Lines graded carried_forward are
checked as the exact result of their step on the notes' own earlier written numbers, with an operand they write that
differs from its true value. Prints OK when every verdict of MANIFEST.toml holds. Run: python oracle_kaifeng.py
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid
from written import written as W

X, y, eta = np.array([1.0, 2.0]), 0.5, 0.1
W1, b1, W2, b2 = np.array([[0.5, 0.6], [0.7, 0.8]]), np.array([0.1, 0.2]), np.array([0.9, 0.1]), 0.3


def unpack(p):
    return p[:4].reshape(2, 2), p[4:6], p[6:8], p[8]


def loss(p):
    w1, c1, w2, c2 = unpack(p)
    return float(0.5 * (sigmoid(sigmoid(X @ w1 + c1) @ w2 + c2) - y) ** 2)


P = np.concatenate([W1.ravel(), b1, W2, [b2]])
g = grad(loss, P)
gW1, gb1, gW2, gb2 = unpack(g)
z1 = X @ W1 + b1
a1 = sigmoid(z1)
z2 = a1 @ W2 + b2
yh = sigmoid(z2)
# the true derivatives by the hidden pre-activations and activations, by central differences of the tail
dz1 = grad(lambda v: float(0.5 * (sigmoid(sigmoid(v) @ W2 + b2) - y) ** 2), z1)
da1 = grad(lambda v: float(0.5 * (sigmoid(v @ W2 + b2) - y) ** 2), a1)
dz2 = float(grad(lambda v: float(0.5 * (sigmoid(v[0]) - y) ** 2), np.array([z2]))[0])
dyh = float(grad(lambda v: float(0.5 * (v[0] - y) ** 2), np.array([yh]))[0])
slope2 = float(grad(lambda v: float(sigmoid(v[0])), np.array([z2]))[0])
slope1 = np.array([float(grad(lambda v, k=k: float(sigmoid(v[0])), np.array([z1[k]]))[0]) for k in range(2)])
# the notes' own written numbers
a1n, yhn, d2n = np.array([0.8808, 0.9084]), 0.7692, 0.0478
# a 3x2-free check of the generic formula delta_2 = (y_hat - y) sigma'(z_2) at another point
zt, yt = 0.37, 0.2
d2_formula = float(grad(lambda v: float(0.5 * (sigmoid(v[0]) - yt) ** 2), np.array([zt]))[0])

checks = {
    "line 23": lambda: same(z1, [1 * 0.5 + 2 * 0.7 + 0.1, 1 * 0.6 + 2 * 0.8 + 0.2]) and W(z1, "2.0 2.4"),
    "line 26": lambda: W(a1, "0.8808 0.9084"),
    "line 32": lambda: W(a1n @ W2 + b2, "1.1835") and not W(a1, "0.8808 0.9084"),
    "line 36": lambda: W(yh, "0.7692") or W(sigmoid(1.1835), "0.7692"),
    "line 42": lambda: W(yh, "0.7692") and W(0.5 * (yhn - y) ** 2, "0.035"),
    "line 48": lambda: same(dyh, yh - y) and W(yhn - 0.5, "0.2692") and not W(yh, "0.7692"),
    "line 52": lambda: same(slope2, yh * (1 - yh)) and W(yhn * (1 - yhn), "0.1776") and not W(slope2, "0.1776"),
    "line 56": lambda: same(dz2, dyh * slope2) and W(0.2692 * 0.1776, "0.0478") and not W(dz2, "0.0478"),
    "line 60": lambda: same(gW2, dz2 * a1) and W(d2n * a1n, "0.0421 0.0434") and not W(dz2, "0.0478"),
    "line 62": lambda: same(gb2, dz2) and W(d2n, "0.0478") and not W(gb2, "0.0478"),
    "line 68": lambda: same(da1, dz2 * W2) and W(d2n * W2, "0.0430 0.0048") and not W(dz2, "0.0478"),
    "line 72": lambda: same(slope1, a1 * (1 - a1)) and W(a1n * (1 - a1n), "0.1051 0.0833") and not W(slope1, "0.1051 0.0833"),
    "line 76": lambda: same(dz1, da1 * slope1) and W(np.array([0.0430, 0.0048]) * [0.1051, 0.0833], "0.0045 0.0004")
    and not W(slope1, "0.1051 0.0833"),
    "line 82": lambda: W(gW1, "0.0045 0.0090 0.0004 0.0008"),
    "line 86": lambda: same(gb1, dz1) and W(gb1, "0.0045 0.0004"),
    "line 99": lambda: W(eta * gW2, "0.0042 0.0043") and W(W2 - eta * gW2, "0.8958 0.0957"),
    "line 100": lambda: W(eta * gb2, "0.0048") and W(b2 - eta * gb2, "0.2952"),
    # the results are within 0.2 % of the true update, but the operands written are the transposed gradient
    "line 101": lambda: W(eta * gW1, "0.0005 0.0009 0.00004 0.00008") and W(W1 - eta * gW1, "0.4995 0.5991 0.6996 0.7999"),
    "line 102": lambda: W(eta * gb1, "0.0005 0.00004") and W(b1 - eta * gb1, "0.0995 0.19996"),
    "line 108": lambda: same(d2_formula, (sigmoid(zt) - yt) * sigmoid(zt) * (1 - sigmoid(zt))),
    "line 112": lambda: same(gb1, dz1) and same(gb2, dz2),
}
planted = {
    "line 23": lambda: W(z1, "1.9 2.2"),
    "line 48": lambda: same(dyh, y - yh),
    "line 62": lambda: same(gb2, dz2 * a1),
    "line 108": lambda: same(d2_formula, (sigmoid(zt) - yt) * sigmoid(zt)),
    "line 112": lambda: same(gb2, dz2 * a1),
}
confirm("kaifeng_backprop.md", "kaifeng_backprop_planted.md", checks, planted)
print("OK")
