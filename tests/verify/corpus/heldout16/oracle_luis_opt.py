"""Independent NumPy oracle for Luis de Cunto's optimizer solutions: luis_momentum and luis_adaptive (.toml and
_planted.toml).

The update rules are checked against the reference algorithms in another form (Polyak's heavy ball x_{t+1} = x_t -
alpha grad + beta (x_t - x_{t-1}); Nesterov's y_t = x_t + beta (x_t - x_{t-1}), x_{t+1} = y_t - alpha grad(y_t); the
closed forms of AdaGrad's sum and of the exponential averages; Adam's bias correction, which makes m-hat and v-hat
exact for a constant gradient; epsilon placement compared at epsilon = 0). Every worked number is the exact result of
its step on the sheet's earlier written numbers, or the exact trajectory, to written.py's rule (one unit of the last
written digit or 0.2 %). Gradients of the stated objectives by central differences. A claim's check holds exactly when
MANIFEST.toml's verdict is correct. Prints OK. Run: python oracle_luis_opt.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same
from written import written as W

f1 = lambda v: float(v[0] ** 2)  # noqa: E731  f(x) = x^2
g1 = lambda x: float(grad(f1, np.array([x]))[0])  # noqa: E731
a, beta = 0.1, 0.9


def heavy_ball(x0, n, g=g1, look=0.0):
    """The sheet's rule: v = beta v + grad(x - look alpha beta v), x = x - alpha v (look = 1: Nesterov)."""
    x, v, out = x0, 0.0, []
    for _ in range(n):
        v = beta * v + g(x - look * a * beta * v)
        x = x - a * v
        out.append((x, v))
    return out


def polyak(x0, n):
    prev, x, out = x0, x0, []
    for _ in range(n):
        prev, x = x, x - a * g1(x) + beta * (x - prev)
        out.append(x)
    return out


def nesterov(x0, n):
    prev, x, out = x0, x0, []
    for _ in range(n):
        y = x + beta * (x - prev)
        prev, x = x, y - a * g1(y)
        out.append(x)
    return out


hb, nv = heavy_ball(10.0, 5), heavy_ball(10.0, 3, look=1.0)
momentum = {
    "4.1.rule.v": lambda: same([x for x, _ in hb], polyak(10.0, 5)),
    "4.1.rule.x": lambda: same([x for x, _ in hb], polyak(10.0, 5)),
    "4.1.vanilla": lambda: W([10 * 0.8**k for k in range(6)], "10 8 6.4 5.12 4.096 3.277") and same(g1(3.0), 6.0),
    "4.3.rule": lambda: same([x for x, _ in nv], nesterov(10.0, 3)),
}
# the worked steps: each line's numbers as the exact step on the sheet's earlier written numbers
xs = [10, 8, 4.6, 0.62, -3.086, -5.804]
vs = [0, 20, 34, 39.8, 37.06, 27.182]
for k in range(1, 6):
    momentum[f"4.1.s{k}.grad"] = lambda k=k: W(g1(xs[k - 1]), ["20", "16", "9.2", "1.24", "-6.172"][k - 1])
    momentum[f"4.1.s{k}.v"] = lambda k=k: W(beta * vs[k - 1] + 2 * xs[k - 1], ["20", "34", "39.8", "37.06", "27.182"][k - 1])
    momentum[f"4.1.s{k}.x"] = lambda k=k: W(xs[k - 1] - a * vs[k], f"{xs[k]:g}") and W(hb[k - 1][0], f"{xs[k]:g}")
nx, nvv, looks = [10, 8, 4.96, 1.7792], [0, 20, 30.4, 31.808], [10, 6.2, 2.224]
for k in range(1, 4):
    momentum[f"4.3.s{k}.look"] = lambda k=k: W(nx[k - 1] - a * beta * nvv[k - 1], ["10", "6.2", "2.224"][k - 1])
    momentum[f"4.3.s{k}.grad"] = lambda k=k: W(g1(looks[k - 1]), ["20", "12.4", "4.448"][k - 1])
    momentum[f"4.3.s{k}.v"] = lambda k=k: W(beta * nvv[k - 1] + 2 * looks[k - 1], ["20", "30.4", "31.808"][k - 1])
    momentum[f"4.3.s{k}.x"] = lambda k=k: W(nx[k - 1] - a * nvv[k], f"{nx[k]:g}") and W(nv[k - 1][0], f"{nx[k]:g}")
momentum_planted = {
    "4.1.s3.v": lambda: W(beta * 34 + 9.2, "43.2"),
    "4.1.s4.x": lambda: W(0.62 - a * 37.06, "4.326"),
    "4.3.rule": lambda: same([x for x, _ in heavy_ball(10.0, 3)], nesterov(10.0, 3)),
    "4.3.s2.look": lambda: same(8 - a * 20, 8 - a * beta * 20) and W(8 - a * beta * 20, "6"),
}
confirm("luis_momentum.toml", "luis_momentum_planted.toml", momentum, momentum_planted)

# Exercise 4.2: f(x, y) = 0.5 x^2 + 4.5 y^2
fb = lambda p: float(0.5 * p[0] ** 2 + 4.5 * p[1] ** 2)  # noqa: E731
gb = lambda p: grad(fb, np.asarray(p, float))  # noqa: E731
p0 = np.array([10.0, 10.0])
van = [p0 - a * gb(p0)]
for _ in range(3):
    van.append(van[-1] - a * gb(van[-1]))
m1v = gb(p0)
m1p = p0 - a * m1v
m2v = beta * m1v + gb(m1p)
m2p = m1p - a * m2v
# Exercises 5.1, 5.2, 6.1: f(x, y) = x^2 + 10 y^2 from (5, 5)
fa = lambda p: float(p[0] ** 2 + 10 * p[1] ** 2)  # noqa: E731
ga = lambda p: grad(fa, np.asarray(p, float))  # noqa: E731
q0, eps = np.array([5.0, 5.0]), 1e-8


def adagrad(n, alpha=1.0):
    p, G, out = q0.copy(), np.zeros(2), []
    for _ in range(n):
        g = ga(p)
        G = G + g**2
        step = alpha / (np.sqrt(G) + eps) * g
        p = p - step
        out.append((g, G, step, p))
    return out


def rmsprop(n, alpha=0.1, b=0.9):
    p, E, out = q0.copy(), np.zeros(2), []
    for _ in range(n):
        g = ga(p)
        E = b * E + (1 - b) * g**2
        step = alpha / np.sqrt(E + eps) * g
        p = p - step
        out.append((g, E, step, p))
    return out


ad, rm = adagrad(3), rmsprop(2)
gs = [ga(q0), ga([4.9, 4.9])]  # the second gradient at the sheet's (4.9, 4.9)
b1, b2 = 0.9, 0.999
cg = np.array([3.0, -2.0])  # a constant gradient for the bias-correction checks
m_c = [(1 - b1) * sum(b1 ** (t - s) * cg for s in range(1, t + 1)) for t in (1, 2, 3)]
v_c = [(1 - b2) * sum(b2 ** (t - s) * cg**2 for s in range(1, t + 1)) for t in (1, 2, 3)]
adaptive = {
    "4.2.grad": lambda: same(gb([1.3, -0.7]), np.array([1.3, 9 * -0.7])),
    "4.2.van.s1": lambda: W(van[0], "9.0 1.0") and W(a * gb(p0), "1 9"),
    "4.2.van.s2": lambda: W(van[1], "8.1 0.1") and W(gb(van[0]), "9 9"),
    "4.2.van.s3": lambda: W(van[2], "7.29 0.01"),
    "4.2.van.s4": lambda: W(van[3], "6.561 0.001"),
    "4.2.mom.s1.grad": lambda: W(m1v, "10 90"),
    "4.2.mom.s1.v": lambda: W(m1v, "10 90"),
    "4.2.mom.s1.pos": lambda: W(m1p, "9.0 1.0"),
    "4.2.mom.s2.grad": lambda: W(gb(m1p), "9 9"),
    "4.2.mom.s2.v": lambda: W(m2v, "18 90"),
    "4.2.mom.s2.pos": lambda: W(m2p, "7.2 -8.0"),
    "5.1.rule.G": lambda: same(ad[2][1], sum(x[0] ** 2 for x in ad)),
    "5.1.rule.theta": lambda: same(ad[1][2], 1.0 * ad[1][0] / (np.sqrt(ad[0][0] ** 2 + ad[1][0] ** 2) + eps)),  # Duchi's sum form
    "5.1.it1.grad": lambda: W(ad[0][0], "10 100"),
    "5.1.it1.G": lambda: W(ad[0][1], "100 10000"),
    "5.1.it1.step": lambda: W(1.0 / np.sqrt([100, 10000]), "0.1 0.01") and W(ad[0][2], "1.0 1.0"),
    "5.1.it1.pos": lambda: W(ad[0][3], "4 4"),
    "5.1.it2.grad": lambda: W(ad[1][0], "8 80"),
    "5.1.it2.G": lambda: W(ad[1][1], "164 16400"),
    "5.1.it2.step": lambda: W(ad[1][2], "0.625 0.625"),
    "5.1.it2.pos": lambda: W(np.array([4, 4]) - 0.625, "3.375 3.375"),
    "5.1.it3.grad": lambda: W(ga([3.375, 3.375]), "6.75 67.5"),
    "5.1.it3.G": lambda: W(np.array([6.75, 67.5]) ** 2, "45.56 4556.25")
    and W(np.array([164, 16400]) + np.array([45.5625, 4556.25]), "209.56 20956.25"),
    "5.1.it3.step": lambda: W(np.array([6.75, 67.5]) / np.sqrt([209.5625, 20956.25]), "0.466 0.466") and W(ad[2][2], "0.466 0.466"),
    "5.1.it3.pos": lambda: W(3.375 - np.array([0.466, 0.466]), "2.909 2.909") and W(ad[2][3], "2.909 2.909"),
    "5.2.rule.E": lambda: same(rm[1][1], 0.1 * (0.9 * rm[0][0] ** 2 + rm[1][0] ** 2)),
    "5.2.rule.theta": lambda: same(rm[1][2], 0.1 * rm[1][0] / np.sqrt(0.1 * (0.9 * rm[0][0] ** 2 + rm[1][0] ** 2) + eps)),  # closed form
    "5.2.it1.grad": lambda: W(rm[0][0], "10 100"),
    "5.2.it1.E": lambda: W(rm[0][1], "10 1000"),
    "5.2.it1.step": lambda: W(rm[0][2], "0.316 0.316"),
    "5.2.it1.pos": lambda: W(rm[0][3], "4.684 4.684"),
    "5.2.it2.grad": lambda: W(ga([4.684, 4.684]), "9.368 93.68"),
    "5.2.it2.E": lambda: W(np.array([9.368, 93.68]) ** 2, "87.76 8775.9") and W(0.1 * np.array([87.76, 8775.9]), "8.776 877.59")
    and W(0.9 * np.array([10, 1000]) + 0.1 * np.array([87.76, 8775.9]), "17.776 1777.59") and W(rm[1][1], "17.776 1777.59"),
    "5.2.it2.step": lambda: W(rm[1][2], "0.222 0.222"),
    "5.2.it2.pos": lambda: W(4.684 - np.array([0.222, 0.222]), "4.462 4.462") and W(rm[1][3], "4.462 4.462"),
    # Adam's rules: exponential averages in closed form; the bias correction exact for a constant gradient
    "6.1.rule.m": lambda: same(m_c[2], b1 * m_c[1] + (1 - b1) * cg),
    "6.1.rule.v": lambda: same(v_c[2], b2 * v_c[1] + (1 - b2) * cg**2),
    "6.1.rule.mhat": lambda: all(same(m_c[t - 1] / (1 - b1**t), cg) for t in (1, 2, 3)),
    "6.1.rule.vhat": lambda: all(same(v_c[t - 1] / (1 - b2**t), cg**2) for t in (1, 2, 3)),
    "6.1.rule.theta": lambda: same(0.1 * cg / np.sqrt(cg**2 + 0.0), 0.1 * cg / (np.sqrt(cg**2) + 0.0)),  # epsilon inside or out, at 0
    "6.1.it1.grad": lambda: W(gs[0], "10 100"),
    "6.1.it1.m": lambda: W((1 - b1) * gs[0], "1 10"),
    "6.1.it1.v": lambda: W((1 - b2) * gs[0] ** 2, "0.1 10"),
    "6.1.it1.mhat": lambda: W(np.array([1, 10]) / (1 - b1), "10 100"),
    "6.1.it1.vhat": lambda: W(np.array([0.1, 10]) / (1 - b2), "100 10000"),
    "6.1.it1.step": lambda: W(0.1 * np.array([10, 100]) / np.sqrt([100, 10000]), "0.1 0.1")
    and W(0.1 * np.array([10, 100]) / np.sqrt(np.array([100, 10000]) + eps), "0.1 0.1"),
    "6.1.it1.pos": lambda: W(q0 - 0.1, "4.9 4.9"),
    "6.1.it2.grad": lambda: W(gs[1], "9.8 98"),
    "6.1.it2.m": lambda: W(b1 * np.array([1, 10]) + (1 - b1) * np.array([9.8, 98]), "1.88 18.8"),
    "6.1.it2.v": lambda: W(b2 * np.array([0.1, 10]) + (1 - b2) * np.array([96.04, 9604]), "0.196 19.604"),
    "6.1.it2.mhat": lambda: W(1 - b1**2, "0.19") and W(np.array([1.88, 18.8]) / (1 - b1**2), "9.89 98.9"),
    "6.1.it2.vhat": lambda: W(b2**2, "0.998") and W(np.array([0.196, 19.604]) / (1 - 0.998), "98 9802")
    and W(np.array([0.19594, 19.594]) / (1 - b2**2), "98 9802"),
    "6.1.it2.step": lambda: W(0.1 * np.array([9.89, 98.9]) / np.sqrt([98, 9802]), "0.1 0.1"),
    "6.1.it2.pos": lambda: W(np.array([4.9, 4.9]) - 0.0999, "4.8 4.8"),
}
adaptive_planted = {
    "4.2.mom.s2.v": lambda: W(m2v, "18 81"),
    "5.1.rule.theta": lambda: same(ad[1][2], 1.0 * ad[1][0] / (ad[0][0] ** 2 + ad[1][0] ** 2 + eps)),
    "5.1.it3.pos": lambda: W(ad[2][3], "3.841 3.841"),
    "5.2.it1.E": lambda: W(rm[0][1], "1 10"),
    "6.1.rule.mhat": lambda: all(same(m_c[t - 1] / (1 - b1), cg) for t in (1, 2, 3)),
    "6.1.it2.mhat": lambda: W(np.array([1.88, 18.8]) / (1 - b1**2), "18.8 188"),
}
confirm("luis_adaptive.toml", "luis_adaptive_planted.toml", adaptive, adaptive_planted)
print("OK")
