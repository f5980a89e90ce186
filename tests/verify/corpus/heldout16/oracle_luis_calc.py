"""Independent NumPy oracle for Luis de Cunto's calculus-sheet solutions: luis_chain, luis_regression, luis_logistic,
luis_softmax, luis_derive (.toml and _planted.toml).

Every written number is recomputed exactly and compared with written.py's rule (one unit of the last written digit or
0.2 %) or as the exact result of its step on the solution's earlier written numbers; gradients are also central
differences of the exercise's own loss; the symbolic Challenge 3 is checked on a random 2-3-2 network. A claim's check
holds exactly when MANIFEST.toml's verdict is correct. Prints OK. Run: python oracle_luis_calc.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid
from written import written as W

sp = lambda z: sigmoid(z) * (1 - sigmoid(z))  # noqa: E731

# Exercise 4.2: x -> h = sigma(w x + b) -> y = h^2 -> L = (y - t)^2
x, w, b, t = 2.0, 0.5, 1.0, 0.8
L_wb = lambda p: float((sigmoid(p[0] * x + p[1]) ** 2 - t) ** 2)  # noqa: E731
h_wb = lambda p: float(sigmoid(p[0] * x + p[1]))  # noqa: E731
gL, gh = grad(L_wb, np.array([w, b])), grad(h_wb, np.array([w, b]))
h = sigmoid(w * x + b)
chain = {
    "z": lambda: W(w * x + b, "2"),
    "h": lambda: W(np.exp(-2), "0.1353") and W(1 / 1.1353, "0.8808") and W(h, "0.8808"),
    "y": lambda: W(0.8808**2, "0.7758") and W(h**2, "0.7758"),
    "L": lambda: W(0.7758 - 0.8, "-0.0242") and W(0.0242**2, "0.000586") and W(L_wb([w, b]), "0.000586"),
    "dLdy": lambda: same(grad(lambda v: float((v[0] - t) ** 2), np.array([h**2]))[0], 2 * (h**2 - t)) and W(2 * -0.0242, "-0.0484"),
    "dydh": lambda: same(grad(lambda v: float(v[0] ** 2), np.array([h]))[0], 2 * h) and W(2 * 0.8808, "1.7616"),
    "dhdz": lambda: W(1 - 0.8808, "0.1192") and W(0.8808 * 0.1192, "0.1050") and W(sp(w * x + b), "0.1050"),
    "dzdw": lambda: same(grad(lambda p: p[0] * x + p[1], np.array([w, b]))[0], x),
    "dhdw": lambda: W(0.1050 * 2, "0.2100") and W(gh[0], "0.2100"),
    "dzdb": lambda: same(grad(lambda p: p[0] * x + p[1], np.array([w, b]))[1], 1.0),
    "dhdb": lambda: W(0.1050 * 1, "0.1050") and W(gh[1], "0.1050"),
    "dLdw": lambda: W(-0.0484 * 1.7616 * 0.2100, "-0.0179") and W(gL[0], "-0.0179"),
    "dLdb": lambda: W(-0.0484 * 1.7616 * 0.1050, "-0.0090") and W(gL[1], "-0.0090"),
}
chain_planted = {
    "dLdy": lambda: same(2 * (h**2 - t), h**2 - t),
    "dydh": lambda: same(2 * h, h),
    "dhdz": lambda: W(0.8808 * 0.8808, "0.1050"),
    "dLdb": lambda: W(gL[1], "-0.0179"),
}
confirm("luis_chain.toml", "luis_chain_planted.toml", chain, chain_planted)

# Exercise 7.1 and Challenge 2: yhat = w x + b, L = (y - yhat)^2
L71 = lambda p, xx, yy: float((yy - p[0] * xx - p[1]) ** 2)  # noqa: E731
g71 = grad(lambda p: L71(p, 3.0, 7.0), np.array([1.5, 2.0]))
pts = [(1.0, 3.0), (2.0, 5.0), (3.0, 7.0)]
gi = [grad(lambda p, xx=xx, yy=yy: L71(p, xx, yy), np.array([1.5, 2.0])) for xx, yy in pts]
gmean = grad(lambda p: sum(L71(p, xx, yy) for xx, yy in pts) / 3, np.array([1.5, 2.0]))
u_of = lambda p: 7.0 - p[0] * 3.0 - p[1]  # noqa: E731
regression = {
    "7.1.yhat": lambda: W(1.5 * 3, "4.5") and W(1.5 * 3 + 2, "6.5"),
    "7.1.L": lambda: W(7 - 6.5, "0.5") and W(0.5**2, "0.25"),
    "7.1.dLdu": lambda: same(grad(lambda v: float(v[0] ** 2), np.array([0.5]))[0], 2 * 0.5),
    "7.1.dudw": lambda: same(grad(u_of, np.array([1.5, 2.0]))[0], -3.0),
    "7.1.dLdw": lambda: same(g71[0], 2 * u_of([1.5, 2]) * -3.0) and same(g71[0], -2 * 3.0 * u_of([1.5, 2])),
    "7.1.dLdw.num": lambda: W(-6 * 0.5, "-3") and W(g71[0], "-3"),
    "7.1.dudb": lambda: same(grad(u_of, np.array([1.5, 2.0]))[1], -1.0),
    "7.1.dLdb": lambda: same(g71[1], 2 * u_of([1.5, 2]) * -1) and same(g71[1], -2 * u_of([1.5, 2])),
    "7.1.dLdb.num": lambda: W(-2 * 0.5, "-1") and W(g71[1], "-1"),
    "7.1.w_new": lambda: W(1.5 - 0.1 * g71[0], "1.8"),
    "7.1.b_new": lambda: W(2 - 0.1 * g71[1], "2.1"),
    "7.1.check": lambda: W(1.8 * 3, "5.4") and W(1.8 * 3 + 2.1, "7.5"),
    "c2.rule.w": lambda: all(same(g[0], -2 * xx * (yy - 1.5 * xx - 2)) for g, (xx, yy) in zip(gi, pts, strict=True)),
    "c2.rule.b": lambda: all(same(g[1], -2 * (yy - 1.5 * xx - 2)) for g, (xx, yy) in zip(gi, pts, strict=True)),
    "c2.p1.yhat": lambda: W(1.5 * 1 + 2, "3.5"),
    "c2.p1.dw": lambda: W(gi[0][0], "1"),
    "c2.p1.db": lambda: W(gi[0][1], "1"),
    "c2.p2.yhat": lambda: W(1.5 * 2 + 2, "5"),
    "c2.p2.dw": lambda: W(gi[1][0], "0"),
    "c2.p2.db": lambda: W(gi[1][1], "0"),
    "c2.p3.yhat": lambda: W(1.5 * 3 + 2, "6.5"),
    "c2.p3.dw": lambda: W(-6 * 0.5, "-3") and W(gi[2][0], "-3"),
    "c2.p3.db": lambda: W(gi[2][1], "-1"),
    "c2.avg.w": lambda: W(gmean[0], "-0.667"),
    "c2.avg.b": lambda: W(gmean[1], "0"),
    "c2.w_new": lambda: W(0.1 * 0.667, "0.0667") and W(1.5 + 0.0667, "1.567") and W(1.5 - 0.1 * gmean[0], "1.567"),
    "c2.b_new": lambda: W(2 - 0.1 * gmean[1], "2"),
}
regression_planted = {
    "7.1.dLdw.num": lambda: W(g71[0], "-1.5"),
    "7.1.b_new": lambda: W(2 - 0.1 * g71[1], "1.9"),
    "c2.p1.db": lambda: W(gi[0][1], "-1"),
    "c2.avg.w": lambda: W(gmean[0], "-1.000"),
}
confirm("luis_regression.toml", "luis_regression_planted.toml", regression, regression_planted)

# Exercise 7.2: logistic regression
xl, yl, wl, bl = 2.0, 1.0, 0.5, 0.5
bce = lambda q: -(yl * np.log(q) + (1 - yl) * np.log(1 - q))  # noqa: E731
Ll = lambda p: float(bce(sigmoid(p[0] * xl + p[1])))  # noqa: E731
gl = grad(Ll, np.array([wl, bl]))
yh = sigmoid(wl * xl + bl)
logistic = {
    "z": lambda: W(wl * xl + bl, "1.5"),
    "yhat": lambda: W(np.exp(-1.5), "0.2231") and W(1 / 1.2231, "0.8176") and W(yh, "0.8176"),
    "L": lambda: W(-np.log(0.8176), "0.2014") and W(Ll([wl, bl]), "0.2014"),
    "dLdyhat": lambda: same(grad(lambda v: float(bce(v[0])), np.array([yh]))[0], -(yl / yh - (1 - yl) / (1 - yh)))
    and W(-(1 / 0.8176), "-1.2231") and W(-1.2231, "-1.223"),
    "dydz": lambda: W(1 - 0.8176, "0.1824") and W(0.8176 * 0.1824, "0.1491") and W(sp(wl * xl + bl), "0.1491"),
    "dzdw": lambda: W(xl, "2"),
    "dzdb": lambda: same(grad(lambda p: p[0] * xl + p[1], np.array([wl, bl]))[1], 1.0),
    "dLdw": lambda: W(-1.223 * 0.1491 * 2, "-0.3648") and W(gl[0], "-0.3648"),
    "dLdb": lambda: W(-1.223 * 0.1491 * 1, "-0.1824") and W(gl[1], "-0.1824"),
    "simple.w": lambda: same(gl[0], (yh - yl) * xl) and W((0.8176 - 1) * 2, "-0.3648"),
    "simple.b": lambda: same(gl[1], yh - yl) and W(0.8176 - 1, "-0.1824"),
}
logistic_planted = {
    "dLdyhat": lambda: W(-(1 / 0.8176), "1.2231"),
    "dydz": lambda: W(0.8176 * 0.1824, "0.1824"),
    "simple.w": lambda: same(gl[0], (yl - yh) * xl),
}
confirm("luis_logistic.toml", "luis_logistic_planted.toml", logistic, logistic_planted)

# Exercise 7.3: softmax and cross-entropy of z = [2, 1, 0.5], y = [1, 0, 0]
zs, ys = np.array([2.0, 1.0, 0.5]), np.array([1.0, 0.0, 0.0])
sm = lambda v: np.exp(v) / np.exp(v).sum()  # noqa: E731
Ls = lambda v: float(-(ys * np.log(sm(v))).sum())  # noqa: E731
S, gz, J = sm(zs), grad(Ls, zs), jacobian(sm, zs)
softmax = {
    "e1": lambda: W(np.exp(2), "7.389"),
    "e2": lambda: W(np.exp(1), "2.718"),
    "e3": lambda: W(np.exp(0.5), "1.649"),
    "sum": lambda: W(7.389 + 2.718 + 1.649, "11.756"),
    "yhat1": lambda: W(7.389 / 11.756, "0.6285") and W(S[0], "0.6285"),
    "yhat2": lambda: W(2.718 / 11.756, "0.2312") and W(S[1], "0.2312"),
    "yhat3": lambda: W(1.649 / 11.756, "0.1403") and W(S[2], "0.1403"),
    "check": lambda: W(0.6285 + 0.2312 + 0.1403, "1.0000"),
    "L": lambda: W(-np.log(0.6285), "0.4644") and W(Ls(zs), "0.4644"),
    "grad": lambda: same(gz, S - ys),
    "dLdyhat": lambda: same(grad(lambda q: float(-(ys * np.log(q)).sum()), S), -ys / S),
    "jacobian": lambda: same(J, np.array([[S[i] * ((i == j) - S[j]) for j in range(3)] for i in range(3)])),
    "dz1": lambda: W(0.6285 - 1, "-0.3715") and W(gz[0], "-0.3715"),
    "dz2": lambda: W(gz[1], "0.2312"),
    "dz3": lambda: W(gz[2], "0.1403"),
}
softmax_planted = {
    "yhat2": lambda: W(S[1], "0.2718"),
    "L": lambda: W(Ls(zs), "0.2017"),
    "jacobian": lambda: same(J, np.array([[S[i] * (1 - S[j]) for j in range(3)] for i in range(3)])),
    "dz1": lambda: W(gz[0], "0.3715"),
}
confirm("luis_softmax.toml", "luis_softmax_planted.toml", softmax, softmax_planted)

# Challenge 3: a random 2-3-2 sigmoid network, L = ||h2 - y||^2
rng = np.random.default_rng(1606)
W1, b1, W2, b2 = rng.normal(size=(3, 2)), rng.normal(size=3), rng.normal(size=(2, 3)), rng.normal(size=2)
xc, yc = rng.normal(size=2), rng.uniform(size=2)
z1 = W1 @ xc + b1
h1 = sigmoid(z1)
z2 = W2 @ h1 + b2
h2 = sigmoid(z2)
Lc = lambda V1, c1, V2, c2: float(((sigmoid(V2 @ sigmoid(V1 @ xc + c1) + c2) - yc) ** 2).sum())  # noqa: E731
d2 = grad(lambda v: float(((sigmoid(v) - yc) ** 2).sum()), z2)
d1 = grad(lambda v: float(((sigmoid(W2 @ sigmoid(v) + b2) - yc) ** 2).sum()), z1)
dh1 = grad(lambda v: float(((sigmoid(W2 @ v + b2) - yc) ** 2).sum()), h1)
derive = {
    "sigma": lambda: same(grad(lambda v: float(sigmoid(v[0])), np.array([0.4]))[0], sp(0.4)),
    "dLdh2": lambda: same(grad(lambda v: float(((v - yc) ** 2).sum()), h2), 2 * (h2 - yc)),
    "delta2": lambda: same(d2, 2 * (h2 - yc) * sp(z2)) and same(d2, 2 * (h2 - yc) * h2 * (1 - h2)),
    "dW2": lambda: same(grad(lambda v: Lc(W1, b1, v, b2), W2), np.outer(d2, h1)),
    "db2": lambda: same(grad(lambda v: Lc(W1, b1, W2, v), b2), d2),
    "dLdh1": lambda: same(dh1, W2.T @ d2),
    "delta1": lambda: same(d1, dh1 * sp(z1)) and same(d1, (W2.T @ d2) * (h1 * (1 - h1))),
    "dW1": lambda: same(grad(lambda v: Lc(v, b1, W2, b2), W1), np.outer(d1, xc)),
    "db1": lambda: same(grad(lambda v: Lc(W1, v, W2, b2), b1), d1),
}
derive_planted = {
    "delta2": lambda: same(d2, 2 * (h2 - yc) * (1 - h2)),
    "dLdh1": lambda: W2.shape[1] == d2.shape[0] and same(dh1, W2 @ d2),
    "dW1": lambda: same(grad(lambda v: Lc(v, b1, W2, b2), W1), np.outer(xc, d1)),
}
confirm("luis_derive.toml", "luis_derive_planted.toml", derive, derive_planted)
print("OK")
