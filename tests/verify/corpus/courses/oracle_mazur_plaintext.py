"""Independent check of the hand verdicts of mazur_plaintext.md and its planted copy (numpy only).

Mazur's 2-2-2 logistic network (inputs 0.05, 0.10; targets 0.01, 0.99; w1 … w8 = 0.15 … 0.55; one bias per layer,
b1 = 0.35, b2 = 0.60; eta = 0.5): every number the plain-text answer writes is compared with the truth to its last
digit (operands as written where a line multiplies earlier rounded numbers), the weight gradients also by central
differences; each planted line is shown wrong.
Run: python oracle_mazur_plaintext.py  -> prints OK
"""

import numpy as np

i = np.array([0.05, 0.10]); t = np.array([0.01, 0.99]); eta = 0.5
W1 = np.array([[0.15, 0.20], [0.25, 0.30]]); W2 = np.array([[0.40, 0.45], [0.50, 0.55]]); b1, b2 = 0.35, 0.60
sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731


def E(W1, W2):
    return float(0.5 * np.sum((t - sig(W2 @ sig(W1 @ i + b1) + b2)) ** 2))


def near(got, want):  # to the last digit written (9 decimals), or one unit of it
    return abs(got - want) <= 1.5e-9 + 1e-9 * abs(want)


net_h = W1 @ i + b1; out_h = sig(net_h); net_o = W2 @ out_h + b2; out_o = sig(net_o)
assert near(net_h[0], 0.3775) and near(net_h[1], 0.3925) and near(out_h[0], 0.593269992) and near(out_h[1], 0.596884378)
assert near(net_o[0], 1.105905967) and abs(net_o[1] - 1.224921404) < 2e-9
assert abs(out_o[0] - 0.75136507) < 1e-8 and near(out_o[1], 0.772928465)
E_o = 0.5 * (t - out_o) ** 2
assert near(E_o[0], 0.274811083) and near(E_o[1], 0.023560026) and near(E_o.sum(), 0.298371109)
d_out = -(t - out_o); slope = out_o * (1 - out_o); delta = d_out * slope
assert abs(d_out[0] - 0.74136507) < 1e-8 and near(slope[0], 0.186815602)
g2 = np.outer(delta, out_h)
assert near(g2[0, 0], 0.082167041) and abs(0.74136507 * 0.186815602 * 0.593269992 - 0.082167041) < 1e-9
new2 = W2 - eta * g2
for got, want in zip(new2.ravel(), (0.35891648, 0.408666186, 0.511301270, 0.561370121), strict=True):
    assert abs(got - want) < 1e-8
assert near(delta[0], 0.138498562) and near(delta[0] * W2[0, 0], 0.055399425) and near(delta[1] * W2[1, 0], -0.019049119)
d_h = W2.T @ delta
assert near(d_h[0], 0.036350306) and abs(out_h[0] * (1 - out_h[0]) - 0.241300709) < 1e-9
g1 = np.outer(d_h * out_h * (1 - out_h), i)
assert near(g1[0, 0], 0.000438568)
new1 = W1 - eta * g1
for got, want in zip(new1.ravel(), (0.149780716, 0.19956143, 0.24975114, 0.29950229), strict=True):
    assert abs(got - want) < 1e-8
h = 1e-6
for k in range(2):
    for j in range(2):
        for W, g, first in ((W1, g1, True), (W2, g2, False)):
            up, dn = W.copy(), W.copy()
            up[k, j] += h; dn[k, j] -= h
            fd = (E(up, W2) - E(dn, W2)) / (2 * h) if first else (E(W1, up) - E(W1, dn)) / (2 * h)
            assert abs(fd - g[k, j]) < 1e-9
# the planted lines
assert not near(W1[1] @ i + b2, net_h[1])                        # b2 for b1 in net_h2
assert abs(out_o[0] * (1 + out_o[0]) - slope[0]) > 0.1           # the slope with a plus
assert not near(delta[0] * W2[0, 1], delta[0] * W2[0, 0])        # w6 for w5
assert not near(i[1], i[0])                                      # i2 for i1
assert not near(W1[0, 0] + eta * g1[0, 0], new1[0, 0])           # the step added
print("OK")
