"""Independent NumPy oracle for the students' CS189 write-up (gdehmlow_cs189_hw6.tex) and its planted copy.

The students' networks, as their write-up states them (w_ij from input i to unit j, S_j = sum_i w_ij x_i without the
bias, C_j = S_j + b_j):
- single layer: y_j = sigmoid(S_j + b_j), 3 inputs, 2 outputs; J = 1/2 sum (t - y)^2 (paragraph 1) or
  J = -sum [t ln y + (1 - t) ln(1 - y)] (paragraph 2);
- multilayer: 3 inputs, 3 tanh hidden units, 2 sigmoid outputs; the same two losses; delta_j = dJ/dC_j.
Every derivative by central differences of J; each claim's right side is computed as written (exp(-(S + b)) for the
sigmoid's slope, the indices as they stand) and compared, for every unit it names. A check holds exactly when
MANIFEST.toml's verdict is correct.
Run: python oracle_gdehmlow.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2414)
x = rng.normal(size=3)
t = np.array([0.2, 0.9])

# ---- single layer: y = sigmoid(S + b), S_j = sum_i w_ij x_i
w = rng.normal(size=(3, 2))
b = rng.normal(size=2)


def single(ww=w, bb=b, S=None):
    s = x @ ww if S is None else S
    return s, sigmoid(s + bb)


def mse(y):
    return 0.5 * float(np.sum((t - y) ** 2))


def ce(y):
    return -float(np.sum(t * np.log(y) + (1 - t) * np.log(1 - y)))


S, y = single()
u = S + b
e = np.exp(-u)
slope = e / (1 + e) ** 2  # the true dy/dS
dy_dS = grad(lambda v: float(np.sum(single(S=v)[1])), S)  # diagonal: y_j depends on S_j only
dJ_dS = grad(lambda v: mse(single(S=v)[1]), S)
dJ_dw = grad(lambda v: mse(single(ww=v)[1]), w)
dJ_db = grad(lambda v: mse(single(bb=v)[1]), b)
dJ_dy = grad(mse, y)
cJ_dw = grad(lambda v: ce(single(ww=v)[1]), w)
cJ_db = grad(lambda v: ce(single(bb=v)[1]), b)
cJ_dy = grad(ce, y)
outer = np.outer(x, np.ones(2))  # dS_j/dw_ij = x_i
alpha = 1e-3
step_down = mse(single(ww=w - alpha * dJ_dw)[1]) < mse(y) < mse(single(ww=w + alpha * dJ_dw)[1])

# ---- multilayer: tanh hidden (C1 = x W1 + b1), sigmoid outputs (C2 = h W2 + b2)
W1, b1 = rng.normal(size=(3, 3)), rng.normal(size=3)
W2, b2 = rng.normal(size=(3, 2)), rng.normal(size=2)


def multi(W1=W1, b1=b1, W2=W2, b2=b2, C1=None, C2=None):
    c1 = x @ W1 + b1 if C1 is None else C1
    h = np.tanh(c1)
    c2 = h @ W2 + b2 if C2 is None else C2
    return c1, h, c2, sigmoid(c2)


C1, h, C2, yo = multi()
d2 = grad(lambda v: mse(multi(C2=v)[3]), C2)  # delta^L = dJ/dC^L (squared error)
d1 = grad(lambda v: mse(multi(C1=v)[3]), C1)  # delta^{(l-1)}
c2d = grad(lambda v: ce(multi(C2=v)[3]), C2)  # the cross-entropy deltas
c1d = grad(lambda v: ce(multi(C1=v)[3]), C1)
gW1 = grad(lambda v: mse(multi(W1=v)[3]), W1)
gW2 = grad(lambda v: mse(multi(W2=v)[3]), W2)
gb1 = grad(lambda v: mse(multi(b1=v)[3]), b1)
dth_db = grad(lambda v: float(np.sum(np.tanh(x @ W1 + v))), b1)  # d tanh(C_j)/db_j (diagonal)
dth_dS = grad(lambda v: float(np.sum(np.tanh(v + b1))), x @ W1)
eC2 = np.exp(-C2)
sl2 = eC2 / (1 + eC2) ** 2


def line163(cidx):
    # dJ/db_i^{(l-1)} = sum_j delta_j w_ij (1 - tanh^2(C_{cidx(i, j)}^{(l-1)}))
    return np.array([sum(d2[j] * W2[i, j] * (1 - np.tanh(C1[cidx(i, j)]) ** 2) for j in range(2)) for i in range(3)])


checks = {
    "line 32": lambda: step_down,
    "line 41": lambda: same(y, 1 / (1 + np.exp(-u) ** 2)),
    "line 45": lambda: same(dy_dS, -e / (1 + e) ** 2),
    "line 50": lambda: same(dJ_dw, dJ_dS * outer) and all(same(dJ_dw[i, j], dJ_dS[i] * x[i]) for i in range(2) for j in range(2)),
    "line 54": lambda: same(dJ_dS, dJ_dy * dy_dS) and same(dJ_dS, -(y - t) * (-e / (1 + e) ** 2)),
    "line 59": lambda: same(dJ_dw, np.outer(x, -e / (1 + e) ** 2 * (y - t))),
    "line 65": lambda: same(dJ_db, dJ_dy * grad(lambda v: float(np.sum(single(bb=v)[1])), b)) and same(dJ_db, slope * (y - t)),
    "line 79": lambda: same(cJ_dw, np.outer(x, cJ_dy * dy_dS)),
    "line 86": lambda: same(cJ_dw, np.outer(x, -(t / y - (1 - t) / (1 - y)) * slope)),
    "line 90": lambda: same(cJ_dw, np.outer(x, (y - t) / (y * (1 - y)) * slope)),
    "line 96": lambda: same(cJ_db, (y - t) / (y * (1 - y)) * slope),
    "line 123": lambda: same(dth_db, dth_dS) and same(dth_db, 1 - np.tanh(C1) ** 2),
    "line 137": lambda: same(gW2, np.outer(h, d2)) and same(gW1, np.outer(x, d1)),
    "line 154": lambda: same(d1, (1 - np.tanh(C1) ** 2) * (W2 @ d2)),
    "line 158": lambda: same(d2, sl2 * (yo - t)),
    "line 163": lambda: same(gb1, line163(lambda i, j: j)),
    "line 177": lambda: same(c1d, (1 - np.tanh(C1)) * (W2 @ c2d)),
    "line 181": lambda: same(c2d, sl2 * (yo - t) / (yo * (1 - yo))),
}
planted = {
    "line 65": lambda: same(dJ_db, slope * (t - y)),
    "line 86": lambda: same(cJ_dw, np.outer(x, (t / y - (1 - t) / (1 - y)) * slope)),
    "line 123": lambda: same(dth_db, np.tanh(C1)),
    "line 137": lambda: all(same(gW1[i, j], d1[j] * x[j]) for i in range(3) for j in range(3)),
    "line 158": lambda: same(d2, sl2 * (t - yo)),
    "line 181": lambda: same(c2d, sl2 * (yo - t) / yo),
}
confirm("gdehmlow_cs189_hw6.tex", "gdehmlow_cs189_hw6_planted.tex", checks, planted)
# the reading of line 163 matters: with C_i (outside the sum) the line would hold
assert same(gb1, line163(lambda i, j: i))
print("OK")
