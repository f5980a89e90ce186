"""Independent NumPy oracle for smaxx_backprop.ipynb / smaxx_backprop_planted.ipynb (the Session 6 notebook of
smaxx73's Neural-Network-Course).

Formulas are checked by central differences of L = (y - y-hat)^2 on a random 2-2-1 sigmoid network (column vectors,
z = W a + b); the worked numbers of section 5 (the 2-2-1 example) and of exercise 9.1 (a 1-1-1 network) against their
exact values by written.py's rule, or as the exact result of their step on the notebook's earlier written numbers.
Prints OK when every verdict of MANIFEST.toml holds. Run: python oracle_smaxx_notebook.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid
from written import written

rng = np.random.default_rng(1402)
dsig = lambda z: sigmoid(z) * (1 - sigmoid(z))  # noqa: E731


def num(value, text, carried=None):
    return written(value, text) or (carried is not None and written(carried, text))


def fwd(W1, b1, W2, b2, x):
    z1 = W1 @ x + b1
    a1 = sigmoid(z1)
    z2 = W2 @ a1 + b2
    return z1, a1, z2, sigmoid(z2)


def loss(a2, y):
    return float(((y - a2) ** 2).sum())


# ---- the formulas at a random point ------------------------------------------------------------------------------
P = [rng.normal(size=s) for s in ((2, 2), 2, (1, 2), 1)]
x, y = rng.normal(size=2), np.array([0.3])
z1, a1, z2, a2 = fwd(*P, x)
J = lambda *q: loss(fwd(*q, x)[3], y)  # noqa: E731
dW1, db1 = grad(lambda v: J(v, *P[1:]), P[0]), grad(lambda v: J(P[0], v, *P[2:]), P[1])
dW2, db2 = grad(lambda v: J(*P[:2], v, P[3]), P[2]), grad(lambda v: J(*P[:3], v), P[3])
da2 = grad(lambda a: loss(a, y), a2)
d2 = grad(lambda z: loss(sigmoid(z), y), z2)
d1 = grad(lambda z: loss(sigmoid(P[2] @ sigmoid(z) + P[3]), y), z1)
step = lambda sign: J(P[0], P[1], P[2] + sign * 1e-3 * dW2, P[3]) < J(*P)  # noqa: E731
cd = lambda eps: (J(*P[:2], P[2] + np.array([[eps, 0]]), P[3]) - J(*P[:2], P[2] - np.array([[eps, 0]]), P[3])) / (2 * eps)  # noqa: E731
zs = rng.normal(size=5)

# ---- section 5: the 2-2-1 example --------------------------------------------------------------------------------
W1e, b1e, W2e, b2e = np.array([[0.5, 0.3], [-0.2, 0.8]]), np.array([0.1, -0.1]), np.array([[0.6, -0.4]]), np.array([0.2])
xe, ye = np.array([1.0, 0.0]), np.array([1.0])
u1, h1, u2, h2 = fwd(W1e, b1e, W2e, b2e, xe)
e_da2 = -2 * (ye - h2)
e_d2 = e_da2 * dsig(u2)
e_d1 = W2e.T @ e_d2 * dsig(u1)
e_dW2, e_dW1 = np.outer(e_d2, h1), np.outer(e_d1, xe)
w_d2, w_back = -0.1903, np.array([-0.1142, 0.0761])  # the notebook's own rounded numbers
Je = lambda W2: loss(fwd(W1e, b1e, W2, b2e, xe)[3], ye)  # noqa: E731
assert same(grad(Je, W2e), e_dW2)  # the example's exact gradient by differences too

# ---- exercise 9.1: the 1-1-1 network -----------------------------------------------------------------------------
w1, c1, w2, c2, xs, ys = 0.5, 0.0, -1.0, 0.5, 1.0, 0.0
s1 = w1 * xs + c1
t1 = sigmoid(s1)
s2 = w2 * t1 + c2
t2 = sigmoid(s2)
Ls = lambda w1_, c1_, w2_, c2_: (ys - sigmoid(w2_ * sigmoid(w1_ * xs + c1_) + c2_)) ** 2  # noqa: E731
g9 = [grad(lambda v, i=i: Ls(*[float(v) if j == i else q for j, q in enumerate((w1, c1, w2, c2))]), [w1, c1, w2, c2][i])
      for i in range(4)]
g9 = [float(v) for v in g9]  # dL/dw1, dL/db1, dL/dw2, dL/db2
s_d2 = -2 * (ys - t2) * dsig(s2)
s_d1 = w2 * s_d2 * dsig(s1)
assert np.allclose([s_d1 * xs, s_d1, s_d2 * t1, s_d2], g9)

checks = {
    "line 28": lambda: step(-1),
    "line 286": lambda: same(z1, P[0] @ x + P[1]) and same(z2, P[2] @ a1 + P[3]),
    "line 289": lambda: same(a1, sigmoid(z1)) and same(a2, sigmoid(z2)),
    "line 297": lambda: same(J(*P), ((y - a2) ** 2).sum()),
    "line 313": lambda: same(dW2, np.outer(d2, a1)) and same(dW1, np.outer(d1, x)),
    "line 317": lambda: same(db2, d2) and same(db1, d1),
    "line 325": lambda: same(d2, da2 * dsig(z2)),
    "line 328": lambda: same(da2, -2 * (y - a2)),
    "line 333": lambda: same(d1, (P[2].T @ d2) * dsig(z1)),
    "line 425": lambda: same(W1e @ xe, [0.5, -0.2]) and same(u1, [0.5 + 0.1, -0.2 - 0.1]) and same(u1, [0.6, -0.3]),
    "line 429": lambda: num(h1, "0.6457 0.4256"),
    "line 435": lambda: same(u2, W2e @ h1 + b2e) and num(h1, "0.6457 0.4256"),
    "line 439": lambda: num(0.6 * 0.6457, "0.3874") and num(0.4 * 0.4256, "0.1702") and num(u2, "0.4172"),
    "line 443": lambda: num(h2, "0.6028") and num(sigmoid(0.4172), "0.6028"),
    "line 449": lambda: num(1 - h2, "0.3972") and num(loss(h2, ye), "0.1578"),
    "line 457": lambda: same(d2, da2 * dsig(z2)),
    "line 463": lambda: same(da2, -2 * (y - a2)) and num(e_da2, "-0.7944"),
    "line 466": lambda: num(dsig(u2), "0.2395") and num(0.6028 * 0.3972, "0.2395"),
    "line 469": lambda: num(e_d2, "-0.1903", -0.7944 * 0.2395),
    "line 484": lambda: num(e_dW2, "-0.1229 -0.0810", w_d2 * np.array([0.6457, 0.4256])),
    "line 488": lambda: num(e_d2, "-0.1903"),
    "line 499": lambda: same(d1, (P[2].T @ d2) * dsig(z1)),
    "line 505": lambda: num(W2e.T @ e_d2, "-0.1142 0.0761", W2e.T @ np.array([w_d2])),
    "line 511": lambda: num(dsig(u1), "0.2288 0.2445") and num([0.6457 * 0.3543, 0.4256 * 0.5744], "0.2288 0.2445"),
    "line 515": lambda: num(e_d1, "-0.0261 0.0186", w_back * np.array([0.2288, 0.2445])),
    "line 530": lambda: num(e_dW1, "-0.0261 0 0.0186 0"),
    "line 534": lambda: num(e_d1, "-0.0261 0.0186"),
    "line 545": lambda: step(-1) and num(e_dW2, "-0.1229 -0.0810"),
    "line 549": lambda: num(W2e - 1.0 * e_dW2, "0.7229 -0.3190"),
    "line 568": lambda: same(dsig(0.0), 0.25) and same(0.5 * 0.5, 0.25),
    "line 639": lambda: same(cd(1e-4), dW2[0, 0], rtol=1e-6),
    "line 667": lambda: same(grad(lambda z: float(sigmoid(z).sum()), zs), sigmoid(zs) * (1 - sigmoid(zs))),
    "line 697": lambda: same(s1, 0.5) and same(0.5 * 1.0 + 0, 0.5),
    "line 698": lambda: num(t1, "0.6225"),
    "line 699": lambda: num(s2, "-0.1225", -1.0 * 0.6225 + 0.5),
    "line 700": lambda: num(t2, "0.4694"),
    "line 701": lambda: num(Ls(w1, c1, w2, c2), "0.2203"),
    "line 704": lambda: num(-2 * (ys - t2), "0.9388"),
    "line 705": lambda: num(dsig(s2), "0.2490") and num(0.4694 * 0.5306, "0.2490"),
    "line 706": lambda: num(s_d2, "0.2338", 0.9388 * 0.2490),
    "line 709": lambda: num(g9[2], "0.1455", 0.2338 * 0.6225),
    "line 710": lambda: num(g9[3], "0.2338"),
    "line 713": lambda: num(w2 * s_d2, "-0.2338", -1.0 * 0.2338),
    "line 714": lambda: num(dsig(s1), "0.2350") and num(0.6225 * 0.3775, "0.2350"),
    "line 715": lambda: num(s_d1, "-0.0549", -0.2338 * 0.2350),
    "line 718": lambda: num(g9[0], "-0.0549"),
    "line 719": lambda: num(g9[1], "-0.0549"),
    "line 722": lambda: num(w2 - 1.0 * g9[2], "-1.1455", -1.0 - 0.1455),
    "line 723": lambda: num(c2 - 1.0 * g9[3], "0.2662", 0.5 - 0.2338),
    "line 724": lambda: num(w1 - 1.0 * g9[0], "0.5549", 0.5 + 0.0549),
    "line 725": lambda: num(c1 - 1.0 * g9[1], "0.0549", 0.0 + 0.0549),
}
planted = {
    "line 313": lambda: same(dW2, np.outer(d2, a2)) and same(dW1, np.outer(d1, a1)),
    "line 325": lambda: same(d2, da2 * dsig(a2)),
    "line 328": lambda: same(da2, 2 * (y - a2)),
    "line 333": lambda: same(d1, (P[2] @ d2) * dsig(z1)),
    "line 439": lambda: num(u2, "0.4272"),
    "line 505": lambda: num(W2e.T @ e_d2, "0.1142 -0.0761", W2e.T @ np.array([w_d2])),
    "line 515": lambda: num(e_d1, "-0.0261 0.0168", w_back * np.array([0.2288, 0.2445])),
    "line 545": lambda: step(+1),
    "line 714": lambda: num(dsig(s1), "0.2490"),
    "line 723": lambda: num(c2 - 1.0 * g9[3], "0.7338"),  # the step itself is wrong: nothing to carry
}
confirm("smaxx_backprop.ipynb", "smaxx_backprop_planted.ipynb", checks, planted)
print("OK")
