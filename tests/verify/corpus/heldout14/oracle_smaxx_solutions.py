"""Independent NumPy oracle for smaxx_solutions.tex / smaxx_solutions_planted.tex (the Session 6 quiz solutions of
smaxx73's Neural-Network-Course).

The neuron's numbers (w = 0.8, b = -0.3, x = 1.5, y = 1, L = (y-hat - y)^2, eta = 1.0) and the error signal of the
2-2-1 network (delta^(2) = -0.20 given) against their exact values by written.py's rule, or as the exact result of their
step on the solution's earlier written numbers; formulas by central differences; the chain-rule warm-ups by central
differences of their own functions. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_smaxx_solutions.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid
from written import written

rng = np.random.default_rng(1403)
dsig = lambda z: sigmoid(z) * (1 - sigmoid(z))  # noqa: E731


def num(value, text, carried=None):
    return written(value, text) or (carried is not None and written(carried, text))


def d(f, x0):
    return float(grad(lambda v: float(f(v)), np.array(x0, float)))


xs = rng.normal(size=3)  # warm-ups at random points
w, b, x, y, eta = 0.8, -0.3, 1.5, 1.0, 1.0
z = w * x + b
yh = sigmoid(z)
L = lambda w_, b_: (sigmoid(w_ * x + b_) - y) ** 2  # noqa: E731
dLdz = d(lambda v: (sigmoid(v) - y) ** 2, z)
dLdw, dLdb = d(lambda v: L(v, b), w), d(lambda v: L(w, v), b)
dLdyh = d(lambda v: (v - y) ** 2, yh)
# random neuron for the formulas
wr, br, xr, yr = rng.normal(size=4)
zr = wr * xr + br
er = sigmoid(zr) - yr
Lr = lambda w_, b_: (sigmoid(w_ * xr + b_) - yr) ** 2  # noqa: E731
dr_z = d(lambda v: (sigmoid(v) - yr) ** 2, zr)
dr_w, dr_b = d(lambda v: Lr(v, br), wr), d(lambda v: Lr(wr, v), br)
dr_yh = d(lambda v: (v - yr) ** 2, sigmoid(zr))
dr_e = d(lambda v: v**2, er)
# the error signal question (2-2-1 network, delta^(2) given)
W2, d2, z1 = np.array([[0.6, -0.4]]), np.array([-0.20]), np.array([0.6, -0.3])
back = W2.T @ d2
d1 = back * dsig(z1)

checks = {
    "line 174": lambda: all(same(d(lambda v: sigmoid(3 * v - 2), t), dsig(3 * t - 2) * 3) for t in xs),
    "line 177": lambda: all(same(d(lambda v: sigmoid(3 * v - 2), t), 3 * sigmoid(3 * t - 2) * (1 - sigmoid(3 * t - 2))) for t in xs),
    "line 186": lambda: all(same(d(lambda v: (2 * v + 1) ** 3, t), 3 * (2 * t + 1) ** 2 * 2) for t in xs),
    "line 191": lambda: same(d(lambda v: (2 * v + 1) ** 3, 1.0), 54) and 6 * 3**2 == 54,
    "line 207": lambda: same(z, w * x + b),
    "line 208": lambda: same(yh, sigmoid(z)),
    "line 210": lambda: same(L(w, b), (yh - y) ** 2),
    "line 216": lambda: same(z, 0.9),
    "line 216#2": lambda: num(yh, "0.7109"),
    "line 216#3": lambda: num(L(w, b), "0.0836"),
    "line 232": lambda: same(dr_e, 2 * er),
    "line 233": lambda: num(2 * -0.2891, "-0.5782") and num(2 * (yh - y), "-0.5782"),
    "line 234": lambda: same(dr_yh, dr_e * 1),
    "line 236": lambda: same(dr_z, dr_yh * sigmoid(zr) * (1 - sigmoid(zr))),
    "line 237": lambda: num(dLdz, "-0.1189", -0.5782 * 0.7109 * 0.2891),
    "line 238": lambda: same(dr_w, dr_z * xr),
    "line 239": lambda: num(dLdw, "-0.1784", -0.1189 * 1.5),
    "line 240": lambda: same(dr_b, dr_z * 1),
    "line 252.1": lambda: num(w - eta * dLdw, "0.9784", 0.8 - 1.0 * -0.1784),
    "line 253.2": lambda: num(b - eta * dLdb, "-0.1811", -0.3 - 1.0 * -0.1189),
    "line 257": lambda: num(w - eta * dLdw, "0.9784", 0.8 + 0.1784),
    "line 257#2": lambda: num(b - eta * dLdb, "-0.1811", -0.3 + 0.1189),
    "line 272": lambda: num(back, "-0.120 0.080"),
    "line 284": lambda: num(dsig(z1), "0.2288 0.2445"),
    "line 290": lambda: same(d1, np.array([-0.120, 0.080]) * dsig(z1)),
    "line 297": lambda: num(d1, "-0.0275 0.0196", np.array([-0.120, 0.080]) * np.array([0.2288, 0.2445])),
}
planted = {
    "line 186": lambda: all(same(d(lambda v: (2 * v + 1) ** 3, t), 3 * (2 * t + 1) ** 2) for t in xs),
    "line 232": lambda: same(dr_e, er),
    "line 238": lambda: same(dr_w, dr_z * wr),
    "line 239": lambda: num(dLdw, "-0.1874", -0.1189 * 1.5),
    "line 253.2": lambda: num(b - eta * dLdb, "-0.4189"),
    "line 272": lambda: num(back, "-0.120 -0.080"),
    "line 297": lambda: num(d1, "-0.0262 0.0196", np.array([-0.120, 0.080]) * np.array([0.2288, 0.2445])),
}
assert same(dLdw, dLdz * x) and same(dLdb, dLdz) and same(dLdyh, 2 * (yh - y))
confirm("smaxx_solutions.tex", "smaxx_solutions_planted.tex", checks, planted)
print("OK")
