"""Independent check of the hand verdicts of huddar_backprop.md, huddar_plaintext.md and their planted copies (numpy
only).

Huddar's 2-2-1 sigmoid network without biases, E = 1/2 (target - y5)^2, one SGD step with eta = 1; units numbered
across the network (inputs 1, 2; hidden 3, 4; output 5), W_ij from unit i to unit j, delta_j = -dE/da_j (the template's
sign: the target first, the change added). Every number the documents write is compared with the truth (to the
rounding of the digits written; the operands as written where a line computes from earlier rounded numbers), the
gradients also by central differences; each planted line is shown wrong.
Run: python oracle_huddar.py  -> prints OK
"""

import numpy as np

x = np.array([0.35, 0.9]); t = 0.5; eta = 1.0
W = {(1, 3): 0.1, (1, 4): 0.4, (2, 3): 0.8, (2, 4): 0.6, (3, 5): 0.3, (4, 5): 0.9}
sig = lambda a: 1 / (1 + np.exp(-a))  # noqa: E731


def forward(W):
    a3 = W[1, 3] * x[0] + W[2, 3] * x[1]
    a4 = W[1, 4] * x[0] + W[2, 4] * x[1]
    y3, y4 = sig(a3), sig(a4)
    a5 = W[3, 5] * y3 + W[4, 5] * y4
    return a3, a4, a5, y3, y4, sig(a5)


def E(W):
    return 0.5 * (t - forward(W)[-1]) ** 2


def near(got, want, digits):
    return abs(got - want) <= 0.5 * 10 ** -digits + 2e-3 * abs(want)


a3, a4, a5, y3, y4, y5 = forward(W)
assert near(a3, 0.755, 3) and near(y3, 0.68, 2) and near(a4, 0.68, 2) and near(y4, 0.6637, 4)
assert near(a5, 0.801, 3) and near(y5, 0.69, 2)
d5 = y5 * (1 - y5) * (t - y5)
d3, d4 = y3 * (1 - y3) * W[3, 5] * d5, y4 * (1 - y4) * W[4, 5] * d5
assert near(d5, -0.0406, 4) and near(0.69 * 0.31 * -0.19, -0.0406, 4)  # (from the rounded operands too)
assert near(d3, -0.00265, 5) and near(d4, -0.0082, 4)
# delta_j is minus the derivative by a_j: central differences through the weights into unit j
h = 1e-6
grad = {}
for k in W:
    up, dn = dict(W), dict(W)
    up[k] += h; dn[k] -= h
    grad[k] = (E(up) - E(dn)) / (2 * h)
out = {1: x[0], 2: x[1], 3: y3, 4: y4}
dj = {3: d3, 4: d4, 5: d5}
for (i, j), g in grad.items():
    assert abs(g - -dj[j] * out[i]) < 1e-9  # dE/dW_ij = -delta_j y_i
# the changes and the new weights as written (the operands as written: -0.0406 x 0.6637 …)
written = {5: -0.0406, 3: -0.00265, 4: -0.0082}, {1: 0.35, 2: 0.9, 3: 0.68, 4: 0.6637}
for (i, j), change, new in (((4, 5), -0.0269, 0.8731), ((3, 5), -0.0276, 0.2724), ((1, 3), -0.000927, 0.0991),
                            ((1, 4), -0.00287, 0.3971), ((2, 3), -0.002385, 0.7976), ((2, 4), -0.00738, 0.5926)):
    assert near(eta * written[0][j] * written[1][i], change, 4 if abs(change) > 0.01 else 5), (i, j)
    assert abs(-eta * grad[i, j] - change) < 0.01 * abs(change), (i, j)  # the truth, to the rounding carried
    assert near(W[i, j] + change, new, 4), (i, j)
# the planted lines
assert not near(0.3 * y4 + 0.9 * y3, a5, 3)                      # a_5 with each hidden output on the other's weight
assert not near(0.9 - (-0.0269), W[4, 5] - eta * grad[4, 5], 4)  # W_45 - ΔW_45: the change subtracted
assert not near(y4 * (1 - y4) * W[3, 5] * d5, d4, 4)             # δ_4 with W_35 for W_45
assert not near(eta * d3 * x[0], eta * d3 * x[1], 5)             # ΔW_23 with x_1 for x_2
assert not near(y5 * (t - y5), d5, 4)                            # δ_5 without the slope (1 - y_5)
assert not near(eta * d5 * y4, eta * d5 * y3, 4)                 # ΔW_35 with y_4 for y_3
assert not near(y3 * (1 - y3) * W[4, 5] * d5, d3, 5)             # δ_3 with W_45 for W_35
assert not near(0.0907, 0.1 - 0.000927, 4)                       # W_13(new): a subtraction slip
print("OK")
