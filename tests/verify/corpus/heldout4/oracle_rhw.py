"""Independent NumPy oracle for rhw1986.tex / rhw1986_planted.tex (Rumelhart, Hinton & Williams, Nature 1986,
equations (1)-(9)).

The paper's conventions (rhw1986.spec.toml): x_j = sum_i y_i w_ji with w_ji from i to j (the bias the weight of an
always-1 input, column 0 here), y_j = logistic(x_j), E = 1/2 sum_c sum_j (y_jc - d_jc)^2 summed over the cases;
(4)-(7) for one case. Every derivative is a central difference of E; claims about a unit j or i are checked for every
unit they apply to (output units for (4), every unit for (5), every weight for (6), every hidden unit for (7));
momentum is checked over two sweeps against the heavy-ball recurrence. Prints OK when every verdict of MANIFEST.toml
holds.
Run: python oracle_rhw.py   (numpy only)
"""

import numpy as np
from fdcheck import EPS, confirm, grad, same, sigmoid

rng = np.random.default_rng(46)
NC, NI, NH, NO, EPSILON, ALPHA = 4, 3, 4, 2, 0.1, 0.9
Xc, Dc = rng.normal(size=(NC, NI)), rng.uniform(size=(NC, NO))
W1, W2 = rng.normal(size=(NH, NI + 1)), rng.normal(size=(NO, NH + 1))  # [j, i]: from i (0 = the always-1 input) to j
ext = lambda y: np.concatenate([[1.0], y])


def case(c, W1=W1, W2=W2, xh=None, yh=None, xo=None, yo=None):
    y0 = ext(Xc[c])
    xh = W1 @ y0 if xh is None else xh
    yh = sigmoid(xh) if yh is None else yh
    xo = W2 @ ext(yh) if xo is None else xo
    yo = sigmoid(xo) if yo is None else yo
    return y0, xh, yh, xo, yo


E_c = lambda c, **kw: float(0.5 * np.sum((case(c, **kw)[4] - Dc[c]) ** 2))
E = lambda **kw: sum(E_c(c, **kw) for c in range(NC))
c0 = 1  # the case of (4)-(7)
y0, xh, yh, xo, yo = case(c0)
dE_dyo, dE_dyh = grad(lambda v: E_c(c0, yo=v), yo), grad(lambda v: E_c(c0, yh=v), yh)
dE_dxo, dE_dxh = grad(lambda v: E_c(c0, xo=v), xo), grad(lambda v: E_c(c0, xh=v), xh)
dE_dW1c, dE_dW2c = grad(lambda v: E_c(c0, W1=v), W1), grad(lambda v: E_c(c0, W2=v), W2)
dydx = lambda x: (sigmoid(x + EPS) - sigmoid(x - EPS)) / (2 * EPS)
dE_dW2 = grad(lambda v: E(W2=v), W2)


def momentum_ok(sign):
    """Two sweeps of Delta w(t) = sign eps dE/dw(t) + alpha Delta w(t-1) from Delta w(0) = 0, w(t) = w(t-1) + Delta w(t):
    right when it is the heavy-ball descent w(2) = w(1) - eps g(1) + alpha (w(1) - w(0))."""
    w0 = W2.copy()
    g0 = grad(lambda v: E(W2=v), w0)
    d1 = sign * EPSILON * g0
    w1 = w0 + d1
    g1 = grad(lambda v: E(W2=v), w1)
    w2 = w1 + sign * EPSILON * g1 + ALPHA * d1
    return same(w1, w0 - EPSILON * g0) and same(w2, w1 - EPSILON * g1 + ALPHA * (w1 - w0))


checks = {
    "1": lambda: (
        same(xh, [sum(y0[i] * W1[j, i] for i in range(NI + 1)) for j in range(NH)])
        and same(xo, [sum(ext(yh)[i] * W2[j, i] for i in range(NH + 1)) for j in range(NO)])
    ),
    "2": lambda: same(yh, 1 / (1 + np.exp(-xh))) and same(yo, 1 / (1 + np.exp(-xo))),
    "3": lambda: np.isclose(E(), 0.5 * sum(sum((case(c)[4][j] - Dc[c, j]) ** 2 for j in range(NO)) for c in range(NC))),
    "4": lambda: same(dE_dyo, yo - Dc[c0]),
    "5a": lambda: same(dE_dxo, dE_dyo * dydx(xo)) and same(dE_dxh, dE_dyh * dydx(xh)),
    "5": lambda: same(dE_dxo, dE_dyo * yo * (1 - yo)) and same(dE_dxh, dE_dyh * yh * (1 - yh)),
    "6": lambda: same(dE_dW2c, np.outer(dE_dxo, ext(yh))) and same(dE_dW1c, np.outer(dE_dxh, y0)),
    "7": lambda: same(dE_dyh, [sum(dE_dxo[j] * W2[j, i + 1] for j in range(NO)) for i in range(NH)]),
    # (8): the step -eps dE/dw lowers E by eps |dE/dw|^2 to first order (dE/dw accumulated over all the cases)
    "8": lambda: (
        np.isclose(E(W2=W2 - 1e-5 * dE_dW2) - E(), -1e-5 * np.sum(dE_dW2**2), rtol=1e-2)
        and same(dE_dW2, sum(grad(lambda v, c=c: E_c(c, W2=v), W2) for c in range(NC)))
    ),
    "9": lambda: momentum_ok(-1),
}
planted = {
    "2": lambda: same(yh, 1 / (1 + np.exp(xh))) and same(yo, 1 / (1 + np.exp(xo))),
    "4": lambda: same(dE_dyo, Dc[c0] - yo),
    "6": lambda: same(dE_dW2c, np.array([[dE_dxo[j] * yo[j] for i in range(NH + 1)] for j in range(NO)])),
    "7": lambda: same(dE_dyh, [sum(dE_dxo[j] * W2[i + 1, j] for j in range(NO)) for i in range(NH)]),
    "9": lambda: momentum_ok(+1),
}
confirm("rhw1986.tex", "rhw1986_planted.tex", checks, planted)
print("OK")
