"""Independent NumPy oracle for fuat_lfd_backprop.md (a student's chat-assisted notes: u_i = sum_l theta_il o_l,
o_i = sigma(u_i), Err = (y - yhat)^2 with one output k) and its planted copy.

A random 2-3-1 network without biases; every derivative by central differences of Err (as a function of theta, of u
or yhat taken as free with the layers above recomputed), each line's right-hand side evaluated entry by entry with
its own indices, in both layers where the line is about any weight. A check holds exactly when MANIFEST.toml's
verdict is correct.
Run: python oracle_fuat.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2606)
T1, T2 = rng.normal(size=(3, 2)), rng.normal(size=(1, 3))   # theta_{i l}: to i from l
o0, y = rng.normal(size=2), rng.uniform(0, 1)


def err_from_u2(u2):
    return float((y - sigmoid(u2[0])) ** 2)


def err_from_u1(u1):
    return err_from_u2(T2 @ sigmoid(u1))


u1 = T1 @ o0
o1 = sigmoid(u1)
u2 = T2 @ o1
yhat = float(sigmoid(u2[0]))
d2, d1 = grad(err_from_u2, u2), grad(err_from_u1, u1)      # delta_k, delta_i = dErr/du
dT1 = grad(lambda t: err_from_u1(t @ o0), T1)
dT2 = grad(lambda t: err_from_u2(t @ o1), T2)
derr_dyhat = float(grad(lambda v: float((y - v[0]) ** 2), np.array([yhat]))[0])
s1, s2 = o1 * (1 - o1), sigmoid(u2) * (1 - sigmoid(u2))
du_dtheta = {1: grad(lambda t: float(np.sum(t @ o0)), T1), 2: grad(lambda t: float(np.sum(t @ o1)), T2)}  # = o_l


def entries(f, shape):
    return np.array([[f(i, l) for l in range(shape[1])] for i in range(shape[0])])


weights = lambda: same(dT1, entries(lambda i, l: d1[i] * o0[l], T1.shape)) and same(dT2, entries(lambda i, l: d2[i] * o1[l], T2.shape))
hidden = lambda: same(d1, np.array([s1[i] * sum(d2[j] * T2[j, i] for j in range(1)) for i in range(3)]))
checks = {
    "line 72": lambda: same(dT1, entries(lambda i, l: d1[i] * du_dtheta[1][i, l], T1.shape))
                       and same(dT2, entries(lambda i, l: d2[i] * du_dtheta[2][i, l], T2.shape)),
    "line 85": weights,
    "line 99": lambda: same(d2, derr_dyhat * s2),
    "line 105": lambda: same(d2, -2 * (y - yhat) * s2),
    "line 113": hidden,
    "line 159": lambda: same(d2, derr_dyhat * s2),
    "line 160": hidden,
    "line 161": weights,
    "line 170": weights,
}
planted = {
    "line 105": lambda: same(d2, -(y - yhat) * s2),
    "line 113": lambda: same(d1, np.array([s1[i] * sum(d2[j] * T2[i, j] for j in range(1)) for i in range(3)])),
    "line 161": lambda: (same(dT1, entries(lambda i, l: d1[i] * o0[i], T1.shape))
                         and same(dT2, entries(lambda i, l: d2[i] * o1[i], T2.shape))),
}
confirm("fuat_lfd_backprop.md", "fuat_lfd_backprop_planted.md", checks, planted)
print("OK")
