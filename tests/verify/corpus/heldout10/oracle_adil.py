"""Independent NumPy oracle for adil_sigmoid.md / adil_sigmoid_planted.md (adilce009, "Understanding Backpropagation -
With Toy Examples", section 4).

The post's network (adil_sigmoid.spec.toml): h = sigmoid(w_1 x), yhat = w_2 h, L = (y - yhat)^2 without 1/2, no
biases, at x = 1, w_1 = 0.5, w_2 = -1.0, y = 0.5, one gradient step with eta = 0.1. Each claim is NumPy code of what it
says: the formulas against central differences of that L, the printed numbers against the exact values within the
post's own rounding (1 %, or half a unit of the last printed digit). Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_adil.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

x, w1, w2, y, eta = 1.0, 0.5, -1.0, 0.5, 0.1


def loss(w1=w1, w2=w2, x=x, y=y):
    return (y - w2 * sigmoid(w1 * x)) ** 2


def near(printed, exact):
    """A number printed to a few decimals, within the post's rounding: half a unit of its last digit, or 1 %."""
    digits = len(printed.split(".")[1]) if "." in printed else 0
    return abs(float(printed) - exact) <= max(0.5 * 10.0**-digits, 0.01 * abs(exact))


z1 = w1 * x
h = sigmoid(z1)
yhat = w2 * h
dL_dyhat = grad(lambda v: float((y - v) ** 2), np.array(yhat))
dL_dw1 = float(grad(lambda v: loss(w1=float(v)), np.array(w1)))
dL_dw2 = float(grad(lambda v: loss(w2=float(v)), np.array(w2)))
dsig = float(grad(lambda v: float(sigmoid(v)), np.array(z1)))
xs, ws = np.linspace(-1, 1, 5), np.linspace(-1.5, 1.5, 5)
checks = {
    "line 11": lambda: same(sigmoid(w1 * xs), 1 / (1 + np.exp(-(w1 * xs)))),
    "line 15": lambda: same(ws * h, np.array([w * sigmoid(w1 * x) for w in ws])),
    "line 19": lambda: np.isclose(loss(), (y - yhat) ** 2),
    "line 26": lambda: near("0.5", z1),
    "line 27": lambda: near("0.622", sigmoid(0.5)),
    "line 28": lambda: near("-0.622", -1.0 * 0.622) and near("-0.622", yhat),
    "line 29": lambda: near("1.259", (0.5 - (-0.622)) ** 2) and near("1.259", loss()),
    "line 33": lambda: np.isclose(dL_dyhat, -2 * (y - yhat)) and near("-2.244", dL_dyhat),
    "line 35": lambda: np.isclose(dL_dw2, dL_dyhat * h) and near("-1.394", dL_dw2),
    "line 38": lambda: np.isclose(dL_dw1, dL_dyhat * w2 * dsig * x),
    "line 40": lambda: np.isclose(dsig, sigmoid(z1) * (1 - sigmoid(z1))) and near("0.235", dsig),
    "line 47": lambda: near("-0.861", w2 - eta * dL_dw2),
    "line 48": lambda: near("0.447", w1 - eta * dL_dw1),
}
planted = {
    "line 29": lambda: near("1.259", (0.5 - 0.622) ** 2) and near("1.259", loss()),
    "line 33": lambda: np.isclose(dL_dyhat, -2 * (y - yhat)) and near("2.244", dL_dyhat),
    "line 40": lambda: np.isclose(dsig, sigmoid(z1) * (1 + sigmoid(z1))) and near("0.235", dsig),
    "line 48": lambda: near("0.553", w1 - eta * dL_dw1),
}
confirm("adil_sigmoid.md", "adil_sigmoid_planted.md", checks, planted)
print("OK")
