"""Independent check of the hand verdicts of abdulrehman_lab.md and its planted copy (numpy only).

The lab notebook's 2-2-2 sigmoid network with one bias per layer (b1 shared by the hidden units, b2 by the outputs),
E = 0.5 (T1 - y1)^2 + 0.5 (T2 - y2)^2, one SGD step at lr = 0.3. Every number the answer writes is compared with the
truth (to the last digit written, 9 decimals), the weight gradients also by central differences through a
per-unit-bias network whose biases are set equal (the spec's reading of a shared bias); each planted line is shown wrong.
Run: python oracle_abdulrehman.py  -> prints OK
"""

import numpy as np

x = np.array([0.10, 0.20]); T = np.array([0.05, 0.95]); lr = 0.3
W1 = np.array([[0.20, 0.25], [0.30, 0.35]]); W2 = np.array([[0.45, 0.50], [0.55, 0.60]])  # (w1 w2; w3 w4), (w5 w6; w7 w8)
b1 = np.array([0.40, 0.40]); b2 = np.array([0.65, 0.65])
sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731


def E(W1, W2):
    y = sig(W2 @ sig(W1 @ x + b1) + b2)
    return float(0.5 * np.sum((T - y) ** 2))


def near(got, want):
    return abs(got - want) <= 6e-9 + 1e-9 * abs(want)


hn = W1 @ x + b1; H = sig(hn); yn = W2 @ H + b2; y = sig(yn)
for got, want in zip((*hn, *H, *yn, *y), (0.47, 0.5, 0.615383756, 0.622459331, 1.238152356, 1.361936665,
                                          0.775242241, 0.796074276), strict=True):
    assert near(got, want) or abs(got - want) < 5e-8, (got, want)
Ek = 0.5 * (T - y) ** 2
assert near(Ek[0], 0.262988154) and near(Ek[1], 0.011846564) and near(Ek.sum(), 0.274834719)
dEdy = -(T - y); dydn = y * (1 - y); delta = dEdy * dydn
assert near(dEdy[0], 0.725242241) and near(dydn[0], 0.174241709) and near(delta[0], 0.126367447)
assert near(delta[1], -0.024988306)
gW2 = np.outer(delta, H)
for got, want in zip(gW2.ravel(), (0.077764474, 0.078658597, -0.015377397, -0.015554204), strict=True):
    assert near(got, want)
dH = W2.T @ delta
assert near(dH[0], 0.043121783) and near(dH[1], 0.048190740)
gW1 = np.outer(dH * H * (1 - H), x)
for got, want in zip(gW1.ravel(), (0.001020635, 0.002041270, 0.001132500, 0.002265001), strict=True):
    assert abs(got - want) < 6e-10 + 1e-9
h = 1e-6
for W, g, which in ((W1, gW1, 1), (W2, gW2, 2)):
    for i in range(2):
        for j in range(2):
            up, dn = W.copy(), W.copy()
            up[i, j] += h; dn[i, j] -= h
            fd = (E(up, W2) - E(dn, W2)) / (2 * h) if which == 1 else (E(W1, up) - E(W1, dn)) / (2 * h)
            assert abs(fd - g[i, j]) < 1e-9
assert near(W2[0, 0] - lr * gW2[0, 0], 0.426670658) and near(W1[0, 0] - lr * gW1[0, 0], 0.199693810)
# the planted lines
assert not near(2 * Ek[1], Ek[1])                                      # E2 without the half
assert abs(y[0] * (1 + y[0]) - dydn[0]) > 0.1                         # the slope with a plus
assert not near(delta[0] * H[0], gW2[0, 1])                           # dE/dw6 with H1 for H2
assert not near(delta[0] * W2[0, 0] + delta[1] * W2[1, 0], dH[1])     # dE/dH2 with the weights from H1
assert not near(W1[0, 0] + lr * gW1[0, 0], W1[0, 0] - lr * gW1[0, 0])  # the step added
print("OK")
