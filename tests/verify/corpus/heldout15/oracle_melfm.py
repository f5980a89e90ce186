"""Independent NumPy oracle for melfm_backprop.md / melfm_backprop_planted.md (Melissa M's numeric backprop example).

Her 2-2-2 sigmoid network (shared biases b1 = 0.30, b2 = 0.7; y-hat_2 = 0.7830 given, its weights are only in a figure)
evaluated exactly: every written number against its exact value by written.py's rule or as the exact result of its step
on her earlier written numbers; every formula (the chain rules, the named partial derivatives) by central differences of
E_total = 1/2 (t1 - out_o1)^2 + 1/2 (t2 - out_o2)^2 on random weights. Prints OK when every verdict of MANIFEST.toml
holds. Run: python oracle_melfm.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid
from written import written


def num(value, text, carried=None):
    return written(value, text) or (carried is not None and written(carried, text))


def d(f, x0):
    return float(grad(lambda v: float(f(v)), np.array(x0, float)))


# ---- her numbers ---------------------------------------------------------------------------------------------------
x1, x2, t1, t2, lr = 0.05, 0.1, 0.01, 0.99, 0.5
w1, w2, w3, w4, b1, w5, w6, b2 = 0.15, 0.20, 0.25, 0.30, 0.30, 0.40, 0.45, 0.7
z1, z2 = w1 * x1 + w3 * x2 + b1, w2 * x1 + w4 * x2 + b1
h1, h2 = sigmoid(z1), sigmoid(z2)
y1 = w5 * h1 + w6 * h2 + b2  # the first output's net input
o1 = sigmoid(y1)
o2 = 0.7830  # given
dE_do1 = o1 - t1  # d/do1 of 1/2 (t1 - o1)^2
dE_dw5 = dE_do1 * o1 * (1 - o1) * h1

# ---- random weights for the formulas: out_o = sigma(W2 sigma(W1 x + b1) + b2), row convention ----------------------
rng = np.random.default_rng(1501)
W1, B1, W2, B2 = rng.normal(size=(2, 2)), rng.normal(), rng.normal(size=(2, 2)), rng.normal()
xr, tr = rng.normal(size=2), rng.uniform(size=2)
nh = W1 @ xr + B1
oh = sigmoid(nh)
no = W2 @ oh + B2
oo = sigmoid(no)
E_of_oo = lambda o: 0.5 * float(((tr - o) ** 2).sum())  # noqa: E731
E_of_oh = lambda h: E_of_oo(sigmoid(W2 @ h + B2))  # noqa: E731
E1_of_oh = lambda h: 0.5 * float((tr[0] - sigmoid(W2[0] @ h + B2)) ** 2)  # noqa: E731  E_o1
E2_of_oh = lambda h: 0.5 * float((tr[1] - sigmoid(W2[1] @ h + B2)) ** 2)  # noqa: E731  E_o2
E_of_W = lambda V1, V2: E_of_oo(sigmoid(V2 @ sigmoid(V1 @ xr + B1) + B2))  # noqa: E731
dEdW1 = grad(lambda v: E_of_W(v, W2), W1)
dEdW2 = grad(lambda v: E_of_W(W1, v), W2)
dEdoo = grad(E_of_oo, oo)
dEdno = grad(lambda v: E_of_oo(sigmoid(v)), no)
dEdoh = grad(E_of_oh, oh)
dE1doh = grad(E1_of_oh, oh)
dE2doh = grad(E2_of_oh, oh)
dE1dno1 = d(lambda v: 0.5 * (tr[0] - sigmoid(v)) ** 2, no[0])
sig1 = oo[0] * (1 - oo[0])  # dout_o1/dnet_o1
dno1_dnh1 = W2[0, 0] * oh[0] * (1 - oh[0])  # dout_o1/dnet_h1 is sig1 times this; it is not 1

checks = {
    "line 18.1": lambda: same(z1, 0.15 * x1 + 0.25 * x2 + 0.30),
    "line 19.2": lambda: num(z1, "0.3325"),
    "line 25": lambda: same(sigmoid(z1), 1 / (1 + np.exp(-0.3275))) and num(1 / (1 + np.exp(-0.3275)), "0.5824"),
    "line 30.1": lambda: same(z2, 0.20 * x1 + 0.3 * x2 + 0.30),
    "line 31.2": lambda: same(0.20 * 0.05 + 0.3 * 0.1 + 0.30, z2) and num(z2, "0.34"),
    "line 32.3": lambda: num(h2, "0.5842"),
    "line 38.1": lambda: same(y1, w5 * h1 + w6 * h1 + b2),
    "line 39.2": lambda: same(0.4 * 0.5824 + 0.45 * 0.5842 + 0.7, w5 * 0.5824 + w6 * 0.5842 + b2) and num(y1, "1.196"),
    "line 40.3": lambda: num(o1, "0.7676", carried=sigmoid(1.196)),
    "line 53": lambda: num(0.5 * (t1 - o1) ** 2, "0.2869", carried=0.5 * (0.01 - 0.7676) ** 2),
    "line 57": lambda: num(0.5 * (t2 - o2) ** 2, "0.0214"),
    "line 61": lambda: num(0.5 * (t1 - o1) ** 2 + 0.5 * (t2 - o2) ** 2, "0.3083", carried=0.2869 + 0.0214),
    # dE/dw5 = dE/dout_o1 * dout_o1/dnet_o1 * dnet_o1/dw5, on random weights (w5 = W2[0, 0], out_h1 = oh[0])
    "line 75": lambda: same(dEdW2[0, 0], dEdoo[0] * sig1 * oh[0]),
    "line 83.2": lambda: same(dEdoo[0], 2 * 0.5 * (tr[0] - oo[0]) + 0),
    "line 84.3": lambda: same(dEdoo[0], -(tr[0] - oo[0])) and same(-(0.01 - 0.7676), 0.7576)
    and num(dE_do1, "0.7576", carried=0.7676 - 0.01),
    "line 91.1": lambda: same(o1, 1 / (1 + np.exp(-o1))),
    "line 92.2": lambda: same(d(sigmoid, y1), o1 * (1 - o1)) and num(o1 * (1 - o1), "0.1784", carried=0.7676 * (1 - 0.7676)),
    "line 98.1": lambda: same(y1, w5 * h1 + w6 * h2 + b2),
    "line 99.2": lambda: same(d(lambda v: v * h1 + w6 * h2 + b2, w5), h1) and num(h1, "0.5824"),
    "line 105": lambda: same(dEdW2[0, 0], dEdoo[0] * sig1 * oh[0]),
    "line 109": lambda: num(dE_dw5, "0.0787", carried=0.7576 * 0.1784 * 0.5824),
    "line 115": lambda: num(w5 - lr * dE_dw5, "0.3607", carried=0.4 - 0.5 * 0.0787),
    # dE/dw1 = dE/dout_h1 * dout_h1/dnet_h1 * dnet_h1/dw1 (w1 = W1[0, 0])
    "line 127.1": lambda: same(dEdW1[0, 0], dEdoh[0] * oh[0] * (1 - oh[0]) * xr[0]),
    "line 128.2": lambda: same(dEdoh[0], dE1doh[0] + dE2doh[1]),
    "line 138.1": lambda: same(dE1doh[0], dE1dno1 * W2[0, 0]),
    "line 139.2": lambda: same(dE1dno1, dE1dno1 * sig1 * dno1_dnh1),
    "line 140.3": lambda: same(no[0], W2[0, 0] * oh[0] + W2[0, 1] * oh[1] + B2),
    "line 141.4": lambda: same(d(lambda v: W2[0, 0] * v + W2[0, 1] * oh[1] + B2, oh[0]), W2[0, 0]) and w5 == 0.4,
    "line 145": lambda: same(dE1doh[0], dE1dno1) and num(dE_do1 * o1 * (1 - o1) * w5, "0.1352"),
    "line 151": lambda: same(dE1doh[0], dE1dno1 * W2[0, 0]) and num(dE_do1 * o1 * (1 - o1) * w5, "0.0541", carried=0.1352 * 0.4),
    "line 164.1": lambda: same(oh[0], 1 / (1 + np.exp(-nh[0]))),
    "line 165.2": lambda: same(d(sigmoid, nh[0]), oh[0] * (1 - oh[0])) and num(h1 * (1 - h1), "0.2432", carried=0.5824 * (1 - 0.5824)),
    "line 172.1": lambda: same(z1, w1 * x1 + w3 * x2 + b1),
    "line 173.2": lambda: same(d(lambda v: v * x1 + w3 * x2 + b1, w1), x1) and num(x1, "0.05"),
    "line 179.1": lambda: same(dEdW1[0, 0], dEdoh[0] * oh[0] * (1 - oh[0]) * xr[0]),
}
planted = {
    "line 19.2": lambda: num(z1, "0.3225"),
    "line 32.3": lambda: num(h2, "0.5482"),
    "line 92.2": lambda: num(o1 * (1 - o1), "0.1874", carried=0.7676 * (1 - 0.7676)),
    "line 115": lambda: num(w5 - lr * dE_dw5, "0.4394", carried=0.4 - 0.5 * 0.0787),
    "line 151": lambda: same(dE1doh[0], dE1dno1 * W2[0, 1]) and num(dE_do1 * o1 * (1 - o1) * w5, "0.0608", carried=0.1352 * 0.4),
    "line 165.2": lambda: same(d(sigmoid, nh[0]), nh[0] * (1 - nh[0])),
    "line 173.2": lambda: same(d(lambda v: v * x1 + w3 * x2 + b1, w1), x2),
}
confirm("melfm_backprop.md", "melfm_backprop_planted.md", checks, planted)
print("OK")
