"""Independent NumPy oracle for roykwonn_backprop.md / roykwonn_backprop_planted.md (a Korean student's notes: a 2-2-2
sigmoid net, 가중합_j = sum_i w_ji y_i + bias, 오차y_out = 1/2 sum (y_t - y_o)^2).

Random x, weights, biases, targets; every derivative the notes name is computed by central differences of the
author's own functions (the error as a function of w_31, of y_o1, of 가중합_3, of y_h1, ...) and compared with each
line's expression evaluated as written; the sigmoid derivation's links and the tanh identity are checked pointwise
(complex arithmetic for -i tan(ix)). Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_roykwonn.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(202)


def d1(f, at):
    """The derivative of a scalar function of one scalar by central differences."""
    return float(grad(lambda v: f(float(v[0])), np.array([at]))[0])


x1, x2 = rng.normal(size=2)
W1 = rng.normal(size=(2, 2))                                          # W1[j, i] = w_{j+1, i+1}: hidden j from x_i
b1 = rng.normal(size=2)
W2 = rng.normal(size=(2, 2))                                          # W2[0] = (w31, w32), W2[1] = (w41, w42)
yt = rng.uniform(size=2)
x = np.array([x1, x2])


def hidden(w1=W1):
    return sigmoid(w1 @ x + b1)


def out(yh, w2=W2):
    return sigmoid(w2 @ yh + 1.0)                                     # bias 1, as the notes


def E_of_yo(yo):
    return 0.5 * float(np.sum((yt - yo) ** 2))


yh = hidden()
s3, s4 = W2 @ yh + 1.0
yo = out(yh)
w31, w32, w41 = W2[0, 0], W2[0, 1], W2[1, 0]
yh1, yo1, yo2 = yh[0], yo[0], yo[1]
yt1, yt2 = yt


def with_w(i, j, layer, v):
    W = (W1 if layer == 1 else W2).copy()
    W[i, j] = v
    return W


dE_dw31 = d1(lambda v: E_of_yo(out(yh, with_w(0, 0, 2, v))), w31)
dE_dw11 = d1(lambda v: E_of_yo(out(hidden(with_w(0, 0, 1, v)))), W1[0, 0])
dE_dyo1 = d1(lambda v: E_of_yo(np.array([v, yo2])), yo1)
dEo1_dyo1 = d1(lambda v: 0.5 * (yt1 - v) ** 2, yo1)
dyo1_ds3 = d1(lambda v: float(sigmoid(v)), s3)
ds3_dw31 = d1(lambda v: v * yh1 + w32 * yh[1] + 1.0, w31)
ds3_dyh1 = d1(lambda v: w31 * v + w32 * yh[1] + 1.0, yh1)
ds4_dyh1 = d1(lambda v: w41 * v + W2[1, 1] * yh[1] + 1.0, yh1)
dEo1_ds3 = d1(lambda v: 0.5 * (yt1 - float(sigmoid(v))) ** 2, s3)
dEo2_ds4 = d1(lambda v: 0.5 * (yt2 - float(sigmoid(v))) ** 2, s4)
dEo1_dyh1 = d1(lambda v: 0.5 * (yt1 - out(np.array([v, yh[1]]))[0]) ** 2, yh1)
dEo2_dyh1 = d1(lambda v: 0.5 * (yt2 - out(np.array([v, yh[1]]))[1]) ** 2, yh1)
dE_dyh1 = d1(lambda v: E_of_yo(out(np.array([v, yh[1]]))), yh1)
s1 = float(W1[0] @ x + b1[0])
dyh1_ds1 = d1(lambda v: float(sigmoid(v)), s1)
ds1_dw11 = d1(lambda v: v * x1 + W1[0, 1] * x2 + b1[0], W1[0, 0])
delta_o1 = (yo1 - yt1) * yo1 * (1 - yo1)
delta_o2 = (yo2 - yt2) * yo2 * (1 - yo2)

# the chain rule on f = sin, g(x) = x^3 - x; the sigmoid derivation's links at a random point
f, g = np.sin, lambda v: v**3 - v                                     # noqa: E731
u0 = float(rng.normal())
chain_lhs = d1(lambda v: float(f(g(v))), u0)
t0 = float(rng.normal())
e = np.exp(-t0)
dsig = d1(lambda v: 1 / (1 + np.exp(-v)), t0)
dsig_pow = d1(lambda v: (1 + np.exp(-v)) ** -1, t0)
tz = float(rng.normal())
tanh_chain = [np.sinh(tz) / np.cosh(tz), ((np.exp(tz) - np.exp(-tz)) / 2) / ((np.exp(tz) + np.exp(-tz)) / 2),
              (np.exp(tz) - np.exp(-tz)) / (np.exp(tz) + np.exp(-tz)), (-1j * np.tan(1j * tz)).real]
tanh_ok = all(same(np.tanh(tz), v) for v in tanh_chain) and abs((-1j * np.tan(1j * tz)).imag) < 1e-12

checks = {
    "line 62": lambda: same(chain_lhs, float(np.cos(g(u0))) * (3 * u0**2 - 1)),
    "line 64": lambda: same(chain_lhs, d1(lambda v: float(f(v)), g(u0)) * d1(g, u0)),
    "line 68": lambda: same(dE_dw31, dE_dyo1 * dyo1_ds3 * ds3_dw31),
    "line 71": lambda: same(dE_dw31, dE_dyo1 * dyo1_ds3 * ds3_dw31),
    "line 76": lambda: same(dE_dyo1, dEo1_dyo1 + d1(lambda v: 0.5 * (yt2 - yo2) ** 2, yo1)),
    "line 80": lambda: same(dE_dyo1, dEo1_dyo1),
    "line 81": lambda: same(dE_dyo1, (yt1 - yo1) * (-1)),
    "line 82": lambda: same(dE_dyo1, yo1 - yt1),
    "line 91": lambda: same(dyo1_ds3, yo1 * (1 - yo1)),
    "line 95": lambda: same(dsig, dsig_pow),
    "line 96": lambda: same(dsig, -((1 + e) ** -2) * (-e)),
    "line 97": lambda: same(dsig, e / (1 + e) ** 2),
    "line 98": lambda: same(dsig, (1 + e - 1) / (1 + e) ** 2),
    "line 99": lambda: same(dsig, 1 / (1 + e) - 1 / (1 + e) ** 2),
    "line 100": lambda: same(dsig, 1 / (1 + e) * (1 - 1 / (1 + e))),
    "line 102": lambda: same(dsig, float(sigmoid(t0)) * (1 - float(sigmoid(t0)))),
    "line 119": lambda: same(dyo1_ds3, yh1),
    "line 123": lambda: same(dE_dw31, dE_dyo1 * dyo1_ds3 * ds3_dw31),
    "line 125": lambda: same(dE_dw31, (yo1 - yt1) * yo1 * (1 - yo1) * yh1),
    "line 153": lambda: same(dE_dw11, dE_dyh1 * dyh1_ds1 * ds1_dw11),
    "line 161": lambda: same(dyh1_ds1 * ds1_dw11, yh1 * (1 - yh1) * x1),
    "line 174": lambda: same(dE_dyh1, dEo1_dyh1 + dEo2_dyh1),
    "line 180": lambda: same(dEo1_dyh1, dEo1_ds3 * ds3_dyh1),
    "line 185": lambda: same(dEo1_ds3, dEo1_dyo1 * dyo1_ds3),
    "line 186": lambda: same(dEo1_ds3, (yo1 - yt1) * yo1 * (1 - yo1)),
    "line 193": lambda: same(ds3_dyh1, w31),
    "line 200": lambda: same(dEo1_dyh1, (yo1 - yt1) * yo1 * (1 - yo1) * w31),
    "line 205": lambda: same(dEo1_dyh1, (yo1 - yt1) * yo1 * (1 - yo1) * w31) and same(dEo1_dyh1, delta_o1 * w31),
    "line 210": lambda: same(dEo2_dyh1, dEo2_ds4 * ds4_dyh1),
    "line 211": lambda: same(dEo2_dyh1, dEo2_ds4 * w41),
    "line 212": lambda: same(dEo2_dyh1, (yo2 - yt2) * yo2 * (1 - yo2) * w41),
    "line 213": lambda: same(dEo2_dyh1, delta_o2 * w41),
    "line 219": lambda: same(dE_dyh1, dEo1_dyh1 + dEo2_dyh1),
    "line 220": lambda: same(dE_dyh1, delta_o1 * w31 + delta_o2 * w41),
    "line 224": lambda: same(dE_dw11, dE_dyh1 * dyh1_ds1 * ds1_dw11),
    "line 226": lambda: same(dE_dw11, (delta_o1 * w31 + delta_o2 * w41) * yh1 * (1 - yh1) * x1),
    "line 279": lambda: tanh_ok,
}
planted = {
    "line 82": lambda: same(dE_dyo1, yt1 - yo1),
    "line 97": lambda: same(dsig, e / (1 + e)),
    "line 186": lambda: same(dEo1_ds3, (yo1 - yt1) * (1 - yo1)),
    "line 193": lambda: same(ds3_dyh1, w32),
    "line 212": lambda: same(dEo2_dyh1, (yo2 - yt2) * yo2 * (1 - yo2) * w31),
    "line 226": lambda: same(dE_dw11, (delta_o1 * w31 + delta_o2 * w41) * yh1 * (1 - yh1) * x2),
}
confirm("roykwonn_backprop.md", "roykwonn_backprop_planted.md", checks, planted)
print("OK")
