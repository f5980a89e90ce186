"""Independent NumPy oracle for rudra_backprop.md / rudra_backprop_planted.md (Rudra Prasad Bhuyan's notes
"Backpropagation (THE WHAT)", the CampusX 2-2-1 regression network).

The notes' network (rudra_backprop.spec.toml): one student's row x_i = (x_i1, x_i2) (iq, cgpa), two LINEAR hidden units
O_11 = x_i1 w_11' + x_i2 w_21' + b_11', O_12 = x_i1 w_12' + x_i2 w_22' + b_12' (w_jk' from input j to hidden unit k),
a linear output Y^ = O_11 w_11^2 + O_12 w_21^2 + b_21 (W^2 written w or W), and L = (Y - Y^)^2 WITHOUT 1/2. Every
derivative is a central difference of that L (or of the intermediate the claim differentiates). Prints OK when every
verdict of MANIFEST.toml holds.
Run: python oracle_rudra.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad

rng = np.random.default_rng(81)
x = rng.normal(size=2)  # x_i1, x_i2
W1 = rng.normal(size=(2, 2))  # W1[j, k] = w_{jk}': input j -> hidden k
b1 = rng.normal(size=2)  # b_11', b_12'
w2 = rng.normal(size=2)  # w_11^2, w_21^2: hidden k -> output
b2 = np.array([rng.normal()])  # b_21
Y = 0.7


def yhat(W1=W1, b1=b1, w2=w2, b2=b2, O=None):
    O = x @ W1 + b1 if O is None else O
    return float(O @ w2 + b2[0])


L = lambda **p: (Y - yhat(**p)) ** 2  # noqa: E731
O = x @ W1 + b1
Yh = yhat()
gW1, gb1 = grad(lambda v: L(W1=v), W1), grad(lambda v: L(b1=v), b1)
gw2, gb2 = grad(lambda v: L(w2=v), w2), grad(lambda v: L(b2=v), b2)[0]
dL_dYh = grad(lambda v: float((Y - v[0]) ** 2), np.array([Yh]))[0]
dYh_dw2, dYh_db2 = grad(lambda v: yhat(w2=v), w2), grad(lambda v: yhat(b2=v), b2)[0]
dYh_dO = grad(lambda v: yhat(O=v), O)
dO1_dW1 = grad(lambda v: float((x @ v + b1)[0]), W1)  # d O_11 / d w_jk'
dO2_dW1 = grad(lambda v: float((x @ v + b1)[1]), W1)  # d O_12 / d w_jk'
dO_db1 = np.array([grad(lambda v, k=k: float((x @ W1 + v)[k]), b1) for k in (0, 1)])
eq = lambda a, b: bool(np.isclose(a, b, rtol=1e-5, atol=1e-7))  # noqa: E731
eta = 0.01
checks = {
    "line 11": lambda: eq(W1[0, 0] - eta * gW1[0, 0], W1[0, 0] - eta * gW1[0, 0]),
    "line 15": lambda: eq(b1[0] - eta * gb1[0], b1[0] - eta * gb1[0]),
    "line 40.1": lambda: eq(gw2[0], dL_dYh * dYh_dw2[0]),
    "line 42.2": lambda: eq(dL_dYh, -2 * (Y - Yh)),
    "line 44.3": lambda: eq(dYh_dw2[0], O[0]),
    "line 46.4": lambda: eq(gw2[0], -2 * (Y - Yh) * O[0]),
    "line 56": lambda: eq(dL_dYh, -2 * (Y - Yh)),
    "line 63": lambda: eq(dYh_dw2[0], O[0]),
    "line 70": lambda: eq(gw2[0], -2 * (Y - Yh) * O[0]),
    "line 78.1": lambda: eq(gw2[1], dL_dYh * dYh_dw2[1]),
    "line 80.2": lambda: eq(dYh_dw2[1], O[1]),
    "line 82.3": lambda: eq(gw2[1], -2 * (Y - Yh) * O[1]),
    "line 88.1": lambda: eq(gb2, dL_dYh * dYh_db2),
    "line 90.2": lambda: eq(dYh_db2, 1),
    "line 92.3": lambda: eq(gb2, -2 * (Y - Yh)),
    "line 111": lambda: eq(gW1[0, 0], dL_dYh * dYh_dO[0] * dO1_dW1[0, 0]) and eq(gW1[0, 0], -2 * (Y - Yh) * w2[0] * x[0]),
    "line 115": lambda: eq(gW1[1, 0], dL_dYh * dYh_dO[0] * dO1_dW1[1, 0]) and eq(gW1[1, 0], -2 * (Y - Yh) * w2[0] * x[1]),
    "line 119": lambda: eq(gb1[0], dL_dYh * dYh_dO[0] * dO_db1[0, 0]) and eq(gb1[0], -2 * (Y - Yh) * w2[0]),
    "line 126.1": lambda: eq(dYh_dO[0], w2[0]),
    "line 127.2": lambda: eq(dYh_dO[1], w2[1]),
    "line 133.1": lambda: eq(dO1_dW1[0, 0], x[0]),
    "line 134.2": lambda: eq(dO1_dW1[1, 0], x[1]),
    "line 135.3": lambda: eq(dO_db1[0, 0], 1),
    "line 142": lambda: eq(gW1[0, 1], dL_dYh * dYh_dO[1] * dO2_dW1[0, 1]) and eq(gW1[0, 1], -2 * (Y - Yh) * w2[1] * x[0]),
    "line 146": lambda: eq(gW1[1, 1], dL_dYh * dYh_dO[1] * dO2_dW1[1, 1]) and eq(gW1[1, 1], -2 * (Y - Yh) * w2[1] * x[1]),
    "line 150": lambda: eq(gb1[1], dL_dYh * dYh_dO[1] * dO_db1[1, 1]) and eq(gb1[1], -2 * (Y - Yh) * w2[1]),
    "line 155.1": lambda: eq(dO2_dW1[0, 1], x[0]),
    "line 156.2": lambda: eq(dO2_dW1[1, 1], x[1]),
    "line 157.3": lambda: eq(dO_db1[1, 1], 1),
    "line 168.6": lambda: eq(W1[0, 0] - eta * gW1[0, 0], W1[0, 0] - eta * gW1[0, 0]),
}
planted = {
    "line 42.2": lambda: eq(dL_dYh, 2 * (Y - Yh)),
    "line 63": lambda: eq(dYh_dw2[0], O[1]),
    "line 82.3": lambda: eq(gw2[1], -2 * (Y - Yh) * O[0]),
    "line 92.3": lambda: eq(gb2, -(Y - Yh)),
    "line 115": lambda: eq(gW1[1, 0], -2 * (Y - Yh) * w2[1] * x[1]),
    "line 127.2": lambda: eq(dYh_dO[1], w2[0]),
    "line 134.2": lambda: eq(dO1_dW1[1, 0], x[0]),
    "line 146": lambda: eq(gW1[1, 1], -2 * (Y - Yh) * w2[1] * x[0]),
    "line 150": lambda: eq(gb1[1], -2 * (Y - Yh) * w2[1] * x[1]),
    "line 168.6": lambda: eq(W1[0, 0] - eta * gW1[0, 0], W1[0, 0] + eta * gW1[0, 0]),
}
confirm("rudra_backprop.md", "rudra_backprop_planted.md", checks, planted)
print("OK")
