"""Independent NumPy oracle for Luiza Orosanu's notes (lorosanu_nn.md, lorosanu_optimizers.txt, lorosanu_logistic.toml,
lorosanu_linear.toml and their planted copies).

The 3-5-5-4 tanh/softmax network on a batch of m examples as columns, J = 1/m sum of the cross-entropies: Ng's dz, dw,
db against central differences of J (dz^{[l]} taken as m dJ/dZ^{[l]}, the per-example shorthand the notes use);
logistic and linear regression with theta_0 the bias against central differences of their mean costs; the optimizer
recurrences on three mini-batch gradients of a sigmoid unit against the closed forms of momentum's, RMSprop's and Adam's
exponential averages ((1 - beta) sum_k beta^(t-k) g_k). Prints OK when every verdict of MANIFEST.toml
holds. Run: python oracle_lorosanu.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(1502)
m, alpha = 5, 0.1

# ---- the network, examples as columns ------------------------------------------------------------------------------
sizes = [3, 5, 5, 4]
Ws = [rng.normal(size=(sizes[i + 1], sizes[i])) for i in range(3)]
bs = [rng.normal(size=(sizes[i + 1], 1)) for i in range(3)]
X = rng.normal(size=(3, m))
Y = np.eye(4)[:, rng.integers(0, 4, size=m)]


def softmax(z):
    e = np.exp(z - z.max(axis=0))
    return e / e.sum(axis=0)


def forward(Ws, bs):
    A, Zs, As = X, [], [X]
    for i in range(3):
        Z = Ws[i] @ A + bs[i]
        A = softmax(Z) if i == 2 else np.tanh(Z)
        Zs.append(Z)
        As.append(A)
    return Zs, As


def J_of(Ws, bs):
    return float(-(Y * np.log(forward(Ws, bs)[1][-1])).sum() / m)


Zs, As = forward(Ws, bs)
gW = [grad(lambda v, i=i: J_of([v if j == i else Ws[j] for j in range(3)], bs), Ws[i]) for i in range(3)]
gb = [grad(lambda v, i=i: J_of(Ws, [v if j == i else bs[j] for j in range(3)]), bs[i]) for i in range(3)]


def J_from_Z(level, Z):  # J as a function of Z^{[level]} (levels 1..3)
    A = softmax(Z) if level == 3 else np.tanh(Z)
    for i in range(level, 3):
        Zn = Ws[i] @ A + bs[i]
        A = softmax(Zn) if i == 2 else np.tanh(Zn)
    return float(-(Y * np.log(A)).sum() / m)


dJdZ = [grad(lambda v, k=k: J_from_Z(k, v), Zs[k - 1]) for k in (1, 2, 3)]  # dJ/dZ^{[1]}, dJ/dZ^{[2]}, dJ/dZ^{[3]}
dz3 = As[3] - Y  # the notes' dz^{[L]}
dz2 = Ws[2].T @ dz3 * (1 - As[2] ** 2)
dz1 = Ws[1].T @ dz2 * (1 - As[1] ** 2)
g1 = lambda Z: 1 - np.tanh(Z) ** 2  # noqa: E731
nn = {
    "line 109": lambda: same(dJdZ[2], As[3] - Y),
    "line 111": lambda: same(gW[2], 1 / m * dz3 @ As[2].T),
    "line 113": lambda: same(gb[2], np.mean(dz3, axis=1, keepdims=True)),
    # the recursion for l = 1 (w^{[2]} is 5 x 5) and l = 2, against m dJ/dZ
    "line 117": lambda: same(m * dJdZ[0], Ws[1].T @ (m * dJdZ[1]) * g1(Zs[0])) and same(m * dJdZ[1], Ws[2].T @ dz3 * g1(Zs[1])),
    "line 119": lambda: same(gW[0], 1 / m * dz1 @ As[0].T) and same(gW[1], 1 / m * dz2 @ As[1].T),
    "line 121": lambda: same(gb[0], np.mean(dz1, axis=1, keepdims=True)) and same(gb[1], np.mean(dz2, axis=1, keepdims=True)),
    # one gradient-descent step lowers J for a small alpha (the update subtracts the gradient)
    "line 125": lambda: J_of([Ws[0] - 1e-3 * gW[0], *Ws[1:]], bs) < J_of(Ws, bs) and same(gW[0], 1 / m * dz1 @ As[0].T),
    "line 127": lambda: J_of(Ws, [bs[0] - 1e-3 * gb[0], *bs[1:]]) < J_of(Ws, bs) and same(gb[0], np.mean(dz1, axis=1, keepdims=True)),
}
nn_planted = {
    "line 117": lambda: same(m * dJdZ[0], Ws[1] @ (m * dJdZ[1]) * g1(Zs[0])),
    "line 119": lambda: same(gW[1], 1 / m * dz2 @ As[2].T),
    "line 121": lambda: same(gb[0], np.mean(dz1, axis=0, keepdims=True)),
    "line 125": lambda: J_of([Ws[0] + 1e-3 * gW[0], *Ws[1:]], bs) < J_of(Ws, bs),
}
confirm("lorosanu_nn.md", "lorosanu_nn_planted.md", nn, nn_planted)

# ---- logistic and linear regression: theta_0 the bias, rows of Xr are the examples ------------------------------------
Xr, yb, yr = rng.normal(size=(m, 3)), rng.integers(0, 2, size=m).astype(float), rng.normal(size=m)
th = rng.normal(size=4)  # theta_0 .. theta_3
Xb = np.c_[np.ones(m), Xr]  # x_0 = 1
J_log = lambda t: float(-(yb * np.log(sigmoid(Xb @ t)) + (1 - yb) * np.log(1 - sigmoid(Xb @ t))).mean())  # noqa: E731
J_lin = lambda t: float(((Xb @ t - yr) ** 2).sum() / (2 * m))  # noqa: E731
gl, gr = grad(J_log, th), grad(J_lin, th)
el, er = sigmoid(Xb @ th) - yb, Xb @ th - yr  # y-hat - y per example


def step(g, j, value):  # theta_j - alpha dJ/dtheta_j equals theta_j - alpha * value
    return same(th[j] - alpha * g[j], th[j] - alpha * value)


confirm("lorosanu_logistic.toml", "lorosanu_logistic_planted.toml",
        {"gd.theta0": lambda: step(gl, 0, el.mean()), "gd.theta1": lambda: step(gl, 1, (el * Xr[:, 0]).mean()),
         "gd.thetan": lambda: step(gl, 3, (el * Xr[:, 2]).mean())},
        {"gd.theta1": lambda: step(gl, 1, (el * Xb[:, 0]).mean())})
confirm("lorosanu_linear.toml", "lorosanu_linear_planted.toml",
        {"multivariate.theta0": lambda: step(gr, 0, er.mean()), "multivariate.theta1": lambda: step(gr, 1, (er * Xr[:, 0]).mean()),
         "multivariate.thetan": lambda: step(gr, 3, (er * Xr[:, 2]).mean())},
        {"multivariate.theta0": lambda: step(gr, 0, er.sum() / (2 * m)),
         "multivariate.thetan": lambda: step(gr, 3, (er * Xr[:, 0]).mean())})

# ---- optimizers: three mini-batch gradients of a sigmoid unit, the recurrences against closed forms ------------------
b1, b2, beta = 0.9, 0.999, 0.9
xs, ys = rng.normal(size=(3, 4, 3)), rng.integers(0, 2, size=(3, 4)).astype(float)
w0, c0 = rng.normal(size=3), 0.1
bce = lambda w, c, x, y: float(-(y * np.log(sigmoid(x @ w + c)) + (1 - y) * np.log(1 - sigmoid(x @ w + c))).mean())  # noqa: E731
G = [(grad(lambda v, k=k: bce(v, c0, xs[k], ys[k]), w0), float(grad(lambda v, k=k: bce(w0, float(v), xs[k], ys[k]), np.array(c0))))
     for k in range(3)]  # (dw, db) of each mini-batch, at fixed parameters
dws, dbs = [g[0] for g in G], [g[1] for g in G]


def ewma(gs, rate):  # closed form of V_t: (1 - rate) sum_k rate^(t - k) g_k, t = 1..3
    return [(1 - rate) * sum(rate ** (t - k) * gs[k] for k in range(t + 1)) for t in range(3)]


def rec(gs, rate, w_rate=None, prev=None):  # the written recurrence V = rate V' + (w_rate) g, with V' = prev or itself
    out, v = [], 0 * gs[0]
    for t, g in enumerate(gs):
        v = rate * (prev[t] if prev is not None else v) + (w_rate if w_rate is not None else 1 - rate) * g
        out.append(v)
    return out


sq = lambda gs: [g ** 2 for g in gs]  # noqa: E731
allsame = lambda a, b: all(same(x, y) for x, y in zip(a, b, strict=True))  # noqa: E731
Vw, Vb = ewma(dws, beta), ewma(dbs, beta)
w_ref = w0 - alpha * sum(Vw)  # three momentum steps from w0, in closed form
opt = {
    "line 77": lambda: allsame(rec(dws, beta), Vw),
    "line 79": lambda: allsame(rec(dbs, beta), Vb),
    "line 81": lambda: same(w0 - alpha * Vw[0] - alpha * Vw[1] - alpha * Vw[2], w_ref),
    "line 84": lambda: same(c0 - alpha * Vb[0] - alpha * Vb[1] - alpha * Vb[2], c0 - alpha * sum(Vb)),
    # S_dw from V_dw: with V = 0 (RMSprop initializes no V) or V the momentum velocity, never the EWMA of dw^2
    "line 110": lambda: allsame(rec(sq(dws), beta, prev=[0 * v for v in Vw]), ewma(sq(dws), beta))
    or allsame(rec(sq(dws), beta, prev=Vw), ewma(sq(dws), beta)),
    "line 162": lambda: allsame(rec(dws, b1), ewma(dws, b1)),
    "line 164": lambda: allsame(rec(dbs, b1), ewma(dbs, b1)),
    "line 166": lambda: allsame(rec(sq(dws), b2, prev=ewma(dws, b1)), ewma(sq(dws), b2)),
    "line 169": lambda: allsame(rec(sq(dbs), b2, prev=ewma(dbs, b1)), ewma(sq(dbs), b2)),
}
opt_planted = {
    "line 79": lambda: allsame(rec(dbs, beta, w_rate=1 + beta), Vb),
    "line 81": lambda: same(w0 - alpha * Vb[0] - alpha * Vb[1] - alpha * Vb[2], w_ref),
    "line 162": lambda: allsame(rec(dws, b1, w_rate=1 - b2), ewma(dws, b1)),
}
confirm("lorosanu_optimizers.txt", "lorosanu_optimizers_planted.txt", opt, opt_planted)
print("OK")
