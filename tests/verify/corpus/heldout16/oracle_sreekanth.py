"""Independent NumPy oracle for sreekanth_tiny.md / sreekanth_tiny_planted.md (a tiny ReLU/sigmoid network with the
binary cross-entropy, worked by hand in a learner's kept note).

The true gradients are central differences of L(w_1, w_2) = -log(1 - sigmoid(w_2 ReLU(w_1 x))) at x = 1, w = 0.5;
the note's lines after its slip are checked as carried forward: each link right as a formula and its number the exact
result of its step on the note's own earlier written numbers (written.py's rule), while the true value differs.
Prints OK when every verdict of MANIFEST.toml holds. Run: python oracle_sreekanth.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid
from written import written as W

x, w1, w2, y, eta = 1.0, 0.5, 0.5, 0.0, 0.1
relu = lambda v: max(v, 0.0)  # noqa: E731
L = lambda p: float(-(y * np.log(sigmoid(p[1] * relu(p[0] * x))) + (1 - y) * np.log(1 - sigmoid(p[1] * relu(p[0] * x)))))  # noqa: E731
z1 = x * w1
a1 = relu(z1)
z2 = a1 * w2
a2 = sigmoid(z2)
g = grad(L, np.array([w1, w2]))
dL_da2 = float(grad(lambda v: float(-np.log(1 - v[0])), np.array([a2]))[0])
dL_dz2 = float(grad(lambda v: float(-np.log(1 - sigmoid(v[0]))), np.array([z2]))[0])
dL_da1 = float(grad(lambda v: float(-np.log(1 - sigmoid(v[0] * w2))), np.array([a1]))[0])
his = {"dL/da2": 0.562, "dL/dz2": 0.138, "dL/dw": 0.069}

checks = {
    "line 27.1": lambda: W(x * w1, "0.5"),
    "line 28.2": lambda: W(a1, "0.5"),
    "line 34.1": lambda: W(0.5 * 0.5, "0.25"),
    "line 35.2": lambda: W(a2, "0.562"),
    "line 55": lambda: same(L([w1, w2]), -np.log(1 - a2)),
    "line 61": lambda: W(dL_da2, "0.562"),
    "line 69": lambda: W(float(grad(lambda v: float(sigmoid(v[0])), np.array([z2]))[0]), "0.246") and W(0.562 * 0.438, "0.246"),
    # carried forward: the formula right, the number its step on the note's own 0.562, and not the true value
    "line 77": lambda: W(his["dL/da2"] * 0.246, "0.138") and not W(dL_dz2, "0.138"),
    "line 87": lambda: W(0.138 * a1, "0.069") and same(g[1], dL_dz2 * a1) and not W(g[1], "0.069"),
    "line 101": lambda: W(0.138 * w2, "0.069") and same(dL_da1, dL_dz2 * w2) and not W(dL_da1, "0.069"),
    "line 106": lambda: W(z1, "0.5") and z1 > 0,
    "line 109": lambda: same(float(grad(lambda v: relu(v[0]), np.array([z1]))[0]), 1.0) and W(0.069 * 1, "0.069"),
    "line 116": lambda: W(0.069 * x, "0.069") and same(g[0], dL_da1 * 1.0 * x) and not W(g[0], "0.069"),
    "line 137": lambda: W(w2 - eta * 0.069, "0.4931") and not W(w2 - eta * g[1], "0.4931"),
    "line 141": lambda: W(w1 - eta * 0.069, "0.4931") and not W(w1 - eta * g[0], "0.4931"),
}
planted = {
    "line 35.2": lambda: W(a2, "0.438"),
    "line 69": lambda: same(float(grad(lambda v: float(sigmoid(v[0])), np.array([z2]))[0]), a2 * (1 + a2)),
    # the formula dL/da_1 = dL/dz_2 w_1 at weights where w_1 != w_2 (here both are 0.5, so only the formula can be wrong)
    "line 101": lambda: same(float(grad(lambda v: float(-np.log(1 - sigmoid(v[0] * 0.7))), np.array([0.4]))[0]),
                             float(grad(lambda v: float(-np.log(1 - sigmoid(v[0]))), np.array([0.4 * 0.7]))[0]) * 0.3),
    "line 137": lambda: W(w2 - eta * 0.069, "0.5069"),
}
confirm("sreekanth_tiny.md", "sreekanth_tiny_planted.md", checks, planted)
print("OK")
