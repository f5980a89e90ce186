"""Independent NumPy oracle for zeolla_hw3.md / zeolla_hw3_planted.md (two students' CS 541 homework: the gradient of a
softmax regression's output y-hat_k by the weight vector w_l).

Random x (d = 4), W (d, c = 3), b; y-hat = softmax(x^T W + b); the gradient of each y-hat_k by column l of W by central
differences, compared with each step's expression evaluated as written. Prints OK when every verdict of MANIFEST.toml
holds. Run: python oracle_zeolla.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(541)
d, c, l, k = 4, 3, 1, 2
x, W, b = rng.normal(size=d), rng.normal(size=(d, c)), rng.normal(size=c)
e = np.exp(x @ W + b)
S = e.sum()
yh = e / S


def g(kk):
    """grad of y-hat_kk by w_l (column l of W), by central differences."""
    def f(wl):
        Wt = W.copy()
        Wt[:, l] = wl
        z = np.exp(x @ Wt + b)
        return float(z[kk] / z.sum())
    return grad(f, W[:, l])


gl, gk = g(l), g(k)
checks = {
    "Q1.1": lambda: same(yh[l], e[l] / S),
    "Q1.2": lambda: same(gl, x * ((S * e[l] - e[l] ** 2) / S**2)),
    "Q1.3": lambda: same(gl, x * (yh[l] - yh[l] ** 2)),
    "Q1.4": lambda: same(gl, x * yh[l] * (1 - yh[l])),
    "Q1.5": lambda: same(yh[k], e[k] / S),
    "Q1.6": lambda: same(gk, (S * 0 - e[k] * e[l] * x) / S**2),
    "Q1.7": lambda: same(gk, -x * yh[k] * yh[l]),
}
planted = {
    "Q1.2": lambda: same(gl, x * ((S * e[l] - e[l] ** 2) / S)),
    "Q1.3": lambda: same(gl, x * (yh[l] + yh[l] ** 2)),
    "Q1.7": lambda: same(gk, x * yh[k] * yh[l]),
}
confirm("zeolla_hw3.md", "zeolla_hw3_planted.md", checks, planted)
print("OK")
