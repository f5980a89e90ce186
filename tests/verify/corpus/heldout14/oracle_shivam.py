"""Independent NumPy oracle for shivam_endsem/_midsem/_logistic (.toml and _planted.toml): a student's worked solutions
of three exam questions (shivam2003-dev/mid_sem1_exam_notes).

Each formula a claim states is checked against central differences of the question's own loss at a random point of
the same network (no ReLU kink there); each number against the exact value at the question's data, by written.py's rule
(one unit of the last written digit or 0.2 %) or -- the spec headers' rule -- as the exact result of its own step on
the answer's earlier written numbers (rounding carried forward). Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_shivam.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid
from written import written

rng = np.random.default_rng(1401)
relu = lambda v: np.maximum(v, 0)  # noqa: E731
drelu = lambda v: (v > 0) * 1.0  # noqa: E731  (ReLU'(0) = 0: the answer's convention)


def num(value, text, carried=None):
    """A written number (or several): right by written.py, or the exact result of its step on written numbers."""
    return written(value, text) or (carried is not None and written(carried, text))


# ---- endsem Q1: 2-3-2-1, ReLU, ReLU, sigmoid, BCE of one example --------------------------------------------------
def bce(p, y):
    return float(-(y * np.log(p) + (1 - y) * np.log(1 - p)).sum())


def net3(W1, b1, W2, b2, W3, b3, x):
    z1 = W1 @ x + b1
    a1 = relu(z1)
    z2 = W2 @ a1 + b2
    a2 = relu(z2)
    z3 = W3 @ a2 + b3
    return z1, a1, z2, a2, z3, sigmoid(z3)


# the formulas, at a random point (all ReLU inputs away from 0)
P = [rng.normal(size=s) for s in ((3, 2), 3, (2, 3), 2, (1, 2), 1)]
P[1], P[3] = P[1] + 3.0, P[3] + 3.0  # every unit active, as at the exam's point but without a kink
xr, yr = rng.normal(size=2), 1.0
z1r, a1r, z2r, a2r, z3r, yhr = net3(*P, xr)
Jr = lambda *q: bce(net3(*q, xr)[5], yr)  # noqa: E731
g = [grad(lambda v, i=i: Jr(*[v if j == i else P[j] for j in range(6)]), P[i]) for i in range(6)]
dz3r = grad(lambda z: bce(sigmoid(z), yr), z3r)
dz2r = grad(lambda z: bce(sigmoid(P[4] @ relu(z) + P[5]), yr), z2r)
dz1r = grad(lambda z: bce(sigmoid(P[4] @ relu(P[2] @ relu(z) + P[3]) + P[5]), yr), z1r)
assert same(dz3r, yhr - yr) and same(g[4], np.outer(dz3r, a2r)) and same(g[5], dz3r)
assert same(dz2r, P[4].T @ dz3r * drelu(z2r)) and same(g[2], np.outer(dz2r, a1r)) and same(g[3], dz2r)
assert same(dz1r, P[2].T @ dz2r * drelu(z1r)) and same(g[0], np.outer(dz1r, xr)) and same(g[1], dz1r)

# the exam's numbers (ReLU'(0) = 0 at z^[1]_3 = 0)
x, y = np.array([1.0, 1.0]), 1.0
W1, b1 = np.array([[1.0, 2], [-1, 1], [0, 1]]), np.array([0.0, 1, -1])
W2, b2 = np.array([[1.0, -1, 0], [0, 1, -1]]), np.array([1.0, 0])
W3, b3 = np.array([[2.0, -1]]), np.array([0.0])
z1, a1, z2, a2, z3, yh = net3(W1, b1, W2, b2, W3, b3, x)
dz3 = yh - y
dz2 = W3.T @ dz3 * drelu(z2)
dz1 = W2.T @ dz2 * drelu(z1)
w_dz3, w_dz2 = np.array([-0.007]), np.array([-0.014, 0.007])  # the answer's own rounded numbers

endsem = {
    "a.z1": lambda: same(W1 @ x + b1, z1),
    "a.z1.values": lambda: same(W1 @ x, [3, 0, 1]) and same(z1, [3, 1, 0]),
    "a.a1": lambda: same(a1, [3, 1, 0]),
    "a.z2": lambda: same(W2 @ a1 + b2, z2),
    "a.z2.values": lambda: same(W2 @ a1, [2, 1]) and same(z2, [3, 1]),
    "a.a2": lambda: same(a2, [3, 1]),
    "a.z3": lambda: same(W3 @ a2 + b3, z3) and same(z3, [5]),
    "a.yhat": lambda: num(yh, "0.993"),
    "a.answer": lambda: num(yh, "0.993"),
    "b.J": lambda: same(bce(yhr, yr), float(-(yr * np.log(yhr) + (1 - yr) * np.log(1 - yhr)).sum())),
    "b.J.values": lambda: num(-np.log(0.993), "0.007") and num(bce(yh, y), "0.007"),
    "c.dz3": lambda: same(dz3r, yhr - yr) and num(dz3, "-0.007"),
    "c.dW3": lambda: same(g[4], np.outer(dz3r, a2r)) and num(np.outer(dz3, a2), "-0.021 -0.007", np.outer(w_dz3, a2)),
    "c.db3": lambda: same(g[5], dz3r) and num(dz3, "-0.007"),
    "c.dz2": lambda: same(dz2r, P[4].T @ dz3r * drelu(z2r)) and num(dz2, "-0.014 0.007", W3.T @ w_dz3 * drelu(z2)),
    "c.dW2": lambda: same(g[2], np.outer(dz2r, a1r))
    and num(np.outer(dz2, a1), "-0.042 -0.014 0 0.021 0.007 0", np.outer(w_dz2, a1)),
    "c.db2": lambda: same(g[3], dz2r) and num(dz2, "-0.014 0.007", w_dz2),
    "c.dz1": lambda: same(dz1r, P[2].T @ dz2r * drelu(z1r)) and num(dz1, "-0.014 0.021 0", W2.T @ w_dz2 * drelu(z1)),
    "c.dW1": lambda: same(g[0], np.outer(dz1r, xr)) and num(np.outer(dz1, x), "-0.014 -0.014 0.021 0.021 0 0"),
    "c.db1": lambda: same(g[1], dz1r) and num(dz1, "-0.014 0.021 0"),
}
endsem_planted = {
    "a.z2": lambda: same(W2.T @ a1 + b2, z2),  # (W^[2])^T is 3 x 2: a^[1] in R^3 does not fit
    "a.yhat": lambda: num(yh, "0.983"),
    "c.dz3": lambda: same(dz3r, yr - yhr) and num(dz3, "0.007"),
    "c.dz2": lambda: same(dz2r, P[4].T @ dz3r * drelu(z1r)),  # ReLU'(z^[1]) has 3 entries
    "c.dW2": lambda: num(np.outer(dz2, a1), "-0.042 -0.014 0 0.012 0.007 0", np.outer(w_dz2, a1)),
    "c.dW1": lambda: same(g[0], dz1r.reshape(3, 1) @ xr.reshape(2, 1)),  # 3 x 1 times 2 x 1
}

# ---- midsem Q2: 2-3-1, ReLU, linear, J = 1/2 (y-hat - y)^2 ------------------------------------------------------------
xm, ym = np.array([1.0, 2.0]), 5.0
V1, c1, V2, c2 = np.array([[1.0, 2], [-1, 1], [0, 1]]), np.array([1.0, 0, -1]), np.array([[1.0, -1, 2]]), np.array([0.0])


def Jm(V1, c1, V2, c2):
    return float(0.5 * ((V2 @ relu(V1 @ xm + c1) + c2 - ym) ** 2).sum())


u1 = V1 @ xm + c1
h1 = relu(u1)
u2 = V2 @ h1 + c2
dV2, dc2 = grad(lambda v: Jm(V1, c1, v, c2), V2), grad(lambda v: Jm(V1, c1, V2, v), c2)
du2 = grad(lambda u: float(0.5 * ((u - ym) ** 2).sum()), u2)
midsem = {
    "a.z1": lambda: same(V1 @ xm + c1, u1),
    "a.z1.values": lambda: same(V1 @ xm, [5, 1, 2]) and same(u1, [6, 1, 1]),
    "a.a1": lambda: same(h1, [6, 1, 1]),
    "a.z2": lambda: same(V2 @ h1 + c2, u2),
    "a.z2.values": lambda: same(u2, [7]) and 1 * 6 + (-1) * 1 + 2 * 1 == 6 - 1 + 2 == 7,
    "a.yhat": lambda: same(u2, [7]),
    "b.J": lambda: same(Jm(V1, c1, V2, c2), 2) and 0.5 * (7 - 5) ** 2 == 0.5 * 4 == 2,
    "c.dz2": lambda: same(du2, u2 - ym) and same(du2, [2]),
    "c.dW2": lambda: same(dV2, np.outer(du2, h1)) and same(dV2, [[12, 2, 2]]),
    "c.db2": lambda: same(dc2, du2) and same(dc2, [2]),
    "c.answer.dW2": lambda: same(dV2.ravel(), [12, 2, 2]),
    "c.answer.db2": lambda: same(dc2, [2]),
}
midsem_planted = {
    "a.z1.values": lambda: same(u1, [6, 1, 3]),
    "b.J": lambda: same(Jm(V1, c1, V2, c2), 4),
    "c.dz2": lambda: same(du2, 2 * (u2 - ym)),
    "c.dW2": lambda: same(dV2, [[12, 2, 4]]),
    "c.db2": lambda: same(dc2, du2 * h1),  # a vector of 3 for the scalar db^[2]
}

# ---- 2025 Q.3(a): logistic regression, w_0 the bias, BCE of one example, eta = 0.1 ------------------------------------
xl, yl, eta = np.array([1.0, 0.7, 0.5]), 1.0, 0.1  # x_0 = 1 carries w_0
wl = np.array([0.0, 0.6, 0.8])
Jl = lambda w: bce(sigmoid(w @ xl), yl)  # noqa: E731
zl = wl @ xl
dwl = grad(Jl, wl)
wr, xr3 = rng.normal(size=3), np.r_[1.0, rng.normal(size=2)]
dwr = grad(lambda w: bce(sigmoid(w @ xr3), 0.0), wr)
w_sig = 0.6944  # the answer's own number
logistic = {
    "i.z": lambda: same(wl[0] + wl[1] * xl[1] + wl[2] * xl[2], zl),
    "i.z.values": lambda: same(0 + 0.6 * 0.7 + 0.8 * 0.5, zl),
    "i.z.sum": lambda: same(0.42 + 0.4, zl) and same(zl, 0.82),
    "ii.sigma.value": lambda: num(np.exp(-0.82), "0.4404") and num(sigmoid(0.82), "0.6944") and num(1 / 1.4404, "0.6944"),
    "iii.dw": lambda: same(dwr, (sigmoid(wr @ xr3) - 0.0) * xr3),
    "iii.dw0": lambda: num(dwl[0], "-0.3056", (w_sig - 1) * 1),
    "iii.dw1": lambda: num(dwl[1], "-0.2139", (w_sig - 1) * 0.7),
    "iii.dw2": lambda: num(dwl[2], "-0.1528", (w_sig - 1) * 0.5),
    "iv.update": lambda: Jl(wl - eta * dwl) < Jl(wl),
    "iv.w0": lambda: num(wl[0] - eta * dwl[0], "0.0306", 0 - 0.1 * -0.3056) and num(0.1 * 0.3056, "0.03056"),
    "iv.w1": lambda: num(wl[1] - eta * dwl[1], "0.6214", 0.6 - 0.1 * -0.2139) and num(0.1 * 0.2139, "0.02139"),
    "iv.w2": lambda: num(wl[2] - eta * dwl[2], "0.8153", 0.8 - 0.1 * -0.1528) and num(0.1 * 0.1528, "0.01528"),
    "answer.z": lambda: same(zl, 0.82),
    "answer.sigma": lambda: num(sigmoid(zl), "0.6944"),
}
logistic_planted = {
    "i.z.sum": lambda: same(zl, 0.86),
    "iii.dw": lambda: same(dwr, (0.0 - sigmoid(wr @ xr3)) * xr3),
    "iii.dw2": lambda: num(dwl[2], "-0.1582", (w_sig - 1) * 0.5),
    "iv.update": lambda: Jl(wl + eta * dwl) < Jl(wl),
    "iv.w1": lambda: num(wl[1] - eta * dwl[1], "0.5786", 0.6 - 0.1 * -0.2139),
}

confirm("shivam_endsem.toml", "shivam_endsem_planted.toml", endsem, endsem_planted)
confirm("shivam_midsem.toml", "shivam_midsem_planted.toml", midsem, midsem_planted)
confirm("shivam_logistic.toml", "shivam_logistic_planted.toml", logistic, logistic_planted)
print("OK")
