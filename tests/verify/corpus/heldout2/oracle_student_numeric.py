"""Independent NumPy oracle for student_numeric.toml / student_numeric_planted.toml (a student-style worked example).

The answer's notation: w_ij from input x_i to hidden unit j (W = [[w11, w12], [w21, w22]], in x out), hidden units
z_j = sum_i w_ij x_i + b_j, h_j = ReLU(z_j), output o = v_1 h_1 + v_2 h_2 + c, yhat = sigma(o), L the binary
cross-entropy of the one example, eta = 0.1. Derivatives by central finite differences of L; every printed number
is compared within half a unit of its last (4th) decimal or 1 %, whichever is larger. Prints OK when every hand
verdict holds.
Run: python oracle_student_numeric.py   (numpy only)
"""

import numpy as np
from fdcheck import grad, printed

ETA = 0.1
x, y = np.array([1.0, 2.0]), 1.0
W, b, v, c = np.array([[0.5, 0.2], [-0.3, 0.4]]), np.array([0.3, -0.2]), np.array([0.7, -0.5]), 0.05
sig = lambda t: 1 / (1 + np.exp(-t))


def loss(W=W, b=b, v=v, c=c, z=None, h=None, o=None):
    z = x @ W + b if z is None else z
    h = np.maximum(z, 0) if h is None else h
    o = h @ v + c if o is None else o
    yhat = sig(o)
    return float(-(y * np.log(yhat) + (1 - y) * np.log(1 - yhat)))


z = x @ W + b
h = np.maximum(z, 0)
o = h @ v + c
yhat = sig(o)
dL_do = grad(lambda t: loss(o=t), o)
dL_dv, dL_dc = grad(lambda t: loss(v=t), v), grad(lambda t: loss(c=t), c)
dL_dh, dL_dz, dL_dW = grad(lambda t: loss(h=t), h), grad(lambda t: loss(z=t), z), grad(lambda t: loss(W=t), W)


checks = {
    "a.z1": printed(z[0], "0.2") and printed(W[0, 0] * x[0] + W[1, 0] * x[1] + b[0], "0.2"),
    "a.z2": printed(z[1], "0.8") and printed(W[0, 1] * x[0] + W[1, 1] * x[1] + b[1], "0.8"),
    "a.h": printed(h, "0.2 0.8"),
    "a.o": printed(o, "-0.21"),
    "a.yhat": printed(yhat, "0.4477") and printed(1 / (1 + np.exp(0.21)), "0.4477"),
    "a.yhatP": printed(yhat, "0.5523"),
    "a.loss": printed(loss(), "0.8036") and printed(-np.log(0.4477), "0.8036"),
    "b.dL_do": printed(dL_do, "-0.5523") and printed(yhat - y, "-0.5523"),
    "b.dL_dv1": printed(dL_dv[0], "-0.1105") and printed(-0.5523 * 0.2, "-0.1105"),
    "b.dL_dv2": printed(dL_dv[1], "-0.4418") and printed(-0.5523 * 0.8, "-0.4418"),
    "b.dL_dv2P": printed(dL_dv[1], "-0.1105"),
    "b.dL_dc": printed(dL_dc, "-0.5523"),
    "c.dL_dh1": printed(dL_dh[0], "-0.3866") and printed(-0.5523 * 0.7, "-0.3866"),
    "c.dL_dh2": printed(dL_dh[1], "0.2762") and printed(-0.5523 * -0.5, "0.2762"),
    "c.dL_dz1": printed(dL_dz[0], "-0.3866") and z[0] > 0,
    "c.dL_dz1P": printed(dL_dz[0], "-0.0619"),
    "c.dL_dz2": printed(dL_dz[1], "0.2762") and z[1] > 0,
    "c.dL_dw11": printed(dL_dW[0, 0], "-0.3866"),
    "c.dL_dw21": printed(dL_dW[1, 0], "-0.7732") and printed(-0.3866 * 2, "-0.7732"),
    "c.dL_dw21P": printed(dL_dW[1, 0], "-0.3866"),
    "c.dL_dw12": printed(dL_dW[0, 1], "0.2762"),
    "c.dL_dw22": printed(dL_dW[1, 1], "0.5523"),
    "c.matrix": printed(dL_dW, "-0.3866 0.2762 -0.7732 0.5523") and printed(np.outer(x, dL_dz), "-0.3866 0.2762 -0.7732 0.5523"),
    "c.matrixP": printed(dL_dW, "-0.3866 -0.7732 0.2762 0.5523"),
    "d.v1": printed(v[0] - ETA * dL_dv[0], "0.7110") and printed(0.7 - 0.1 * -0.1105, "0.7110"),
    "d.w21": printed(W[1, 0] - ETA * dL_dW[1, 0], "-0.2227") and printed(-0.3 - 0.1 * -0.7732, "-0.2227"),
    "d.w21P": printed(W[1, 0] - ETA * dL_dW[1, 0], "-0.3773"),
    "d.c": printed(c - ETA * dL_dc, "0.1052") and printed(0.05 + 0.05523, "0.1052"),
}
for cid, ok in checks.items():
    assert bool(ok) == (not cid.endswith("P")), f"claim {cid}: oracle disagrees with the hand verdict"
print("OK")
