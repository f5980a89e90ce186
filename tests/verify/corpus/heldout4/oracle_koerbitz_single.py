"""Independent NumPy oracle for koerbitz_single.md / koerbitz_single_planted.md (Paul Koerbitz, "You Could Have
Invented Backprop", the single-neuron-per-layer sections).

The author's conventions (koerbitz_single.spec.toml): scalars, z^l = w^l a^{l-1} + b^l, a^l = g(z^l), a^0 = x,
g the logistic function, C(a) = 1/2 (y - a)^2 for one sample; delta^l = dC/dz^l. The one-layer claims are checked on
a = g(wx + b), the two-layer claims on the 1-1-1 network, the generic-l claims on single-neuron chains of L = 2 and
L = 3 layers for every l they apply to. Every derivative is a central difference; a chain is right when every link
equals the first. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_koerbitz_single.py   (numpy only)
"""

import numpy as np
from fdcheck import EPS, confirm, sigmoid

rng = np.random.default_rng(44)
x, y = 0.7, 0.2
g = sigmoid
gp = lambda v: g(v) * (1 - g(v))  # noqa: E731  the logistic derivative (closed form)
C = lambda a: 0.5 * (y - a) ** 2  # noqa: E731
Cp = lambda a: a - y  # noqa: E731
d = lambda f, v: (f(v + EPS) - f(v - EPS)) / (2 * EPS)  # noqa: E731  a scalar central difference


def net(ws, bs, at=None, value=None):
    """Forward pass of a chain of single neurons; `at`=("z", l) or ("a", l) replaces that quantity by `value`.
    Returns (z, a) lists indexed by layer (a[0] = x) and the cost."""
    z, a = [None], [x]
    for l in range(1, len(ws)):
        z.append(ws[l] * a[l - 1] + bs[l])
        if at == ("z", l):
            z[l] = value
        a.append(g(z[l]))
        if at == ("a", l):
            a[l] = value
    return z, a, C(a[-1])


def nets(L):
    return [None, *rng.normal(size=L)], [None, *rng.normal(size=L)]


def close(*vals):
    return all(np.isclose(vals[0], v, rtol=1e-6, atol=1e-9) for v in vals[1:])


def parts(ws, bs):
    """z, a, dC/dw^l, dC/db^l, delta^l, dz^{l+1}/dz^l, dz^l/dw^l, dz^l/db^l of a chain, all by central differences."""
    L = len(ws) - 1
    z, a, _ = net(ws, bs)
    cost = lambda kind, l: lambda v: net(*_with(ws, bs, kind, l, v))[2]  # noqa: E731
    dw = [None] + [d(cost("w", l), ws[l]) for l in range(1, L + 1)]
    db = [None] + [d(cost("b", l), bs[l]) for l in range(1, L + 1)]
    delta = [None] + [d(lambda v, l=l: net(ws, bs, ("z", l), v)[2], z[l]) for l in range(1, L + 1)]
    dzz = [None] + [d(lambda v, l=l: ws[l + 1] * g(v) + bs[l + 1], z[l]) for l in range(1, L)]
    dzw = [None] + [d(lambda v, l=l: v * a[l - 1] + bs[l], ws[l]) for l in range(1, L + 1)]
    dzb = [None] + [d(lambda v, l=l: ws[l] * a[l - 1] + v, bs[l]) for l in range(1, L + 1)]
    return z, a, dw, db, delta, dzz, dzw, dzb


def _with(ws, bs, kind, l, v):
    ws, bs = list(ws), list(bs)
    (ws if kind == "w" else bs)[l] = v
    return ws, bs


# the one-layer network of "The Simplest Possible Neural Network"
w, b = 0.9, -0.3
z0 = w * x + b
a0 = g(z0)
dC_dw, dC_db = d(lambda v: C(g(v * x + b)), w), d(lambda v: C(g(w * x + v)), b)
dC_da, da_dz, dz_dw, dz_db = d(C, a0), d(g, z0), d(lambda v: v * x + b, w), d(lambda v: w * x + v, b)
dC_dz = d(lambda v: C(g(v)), z0)
# the two-layer network and generic chains
W2, B2 = nets(2)
z, a, dw, db, delta, dzz, dzw, dzb = parts(W2, B2)
chains = [(n, parts(*n)) for n in (nets(2), nets(3))]


def every(f, lo=1, hi=0, last=False):
    """f(ws, parts, l) for every chain and every l in lo .. L + hi (only l = L when `last`)."""
    return all(f(n[0], p, l) for n, p in chains for l in ([len(n[0]) - 1] if last else range(lo, len(n[0]) + hi)))


def biases(ws):
    return next(n[1] for n, _ in chains if n[0] is ws)


checks = {
    "line 102": lambda: close(z0, w * x + b),
    "line 103": lambda: close(a0, 1 / (1 + np.exp(-z0))),
    "line 108": lambda: close(C(a0), 0.5 * (y - a0) ** 2),
    "line 137": lambda: close(dC_dw, dC_da * da_dz * dz_dw),
    "line 140": lambda: close(dC_da, Cp(a0)),
    "line 141": lambda: close(da_dz, gp(z0)),
    "line 143": lambda: close(dz_dw, x),
    "line 147": lambda: close(dC_dw, Cp(a0) * gp(z0) * x),
    "line 153": lambda: close(dC_db, dC_da * da_dz * dz_db, Cp(a0) * gp(z0) * 1, Cp(a0) * gp(z0)),
    "line 162": lambda: close(dC_dz, dC_da * da_dz),
    "line 166": lambda: close(dC_dz, Cp(a0) * gp(z0)),
    "line 168": lambda: close(dC_dw, dC_dz * x),
    "line 168#2": lambda: close(dC_db, dC_dz),
    "line 191.1": lambda: close(z[1], W2[1] * x + B2[1]),
    "line 192.2": lambda: close(a[1], g(z[1])),
    "line 193.3": lambda: close(z[2], W2[2] * a[1] + B2[2]),
    "line 194.4": lambda: close(a[2], g(z[2])),
    "line 208.1": lambda: close(z[1], W2[1] * a[0] + B2[1]),
    "line 209.2": lambda: close(a[1], g(z[1])),
    "line 210.3": lambda: close(z[2], W2[2] * a[1] + B2[2]),
    "line 211.4": lambda: close(a[2], g(z[2])),
    "line 237.1": lambda: close(dw[2], delta[2] * dzw[2], delta[2] * a[1]),
    "line 241.2": lambda: close(db[2], delta[2] * dzb[2], delta[2]),
    "line 251": lambda: close(delta[2], Cp(a[2]) * gp(z[2])),
    "line 254": lambda: close(dzw[2], a[1]),
    "line 255": lambda: close(dzb[2], 1.0),
    "line 270.1": lambda: close(dw[1], delta[1] * dzw[1]),
    "line 273.2": lambda: close(db[1], delta[1] * dzb[1]),
    "line 284.1": lambda: close(dzw[1], a[0], x),
    "line 285.2": lambda: close(dzb[1], 1.0),
    "line 293": lambda: close(delta[1], delta[2] * dzz[1]),
    "line 303": lambda: close(dzz[1], W2[2] * gp(z[1])),
    "line 311.1": lambda: close(delta[1], delta[2] * dzz[1], delta[2] * W2[2] * gp(z[1])),
    "line 312.2": lambda: close(dw[1], delta[1] * dzw[1], delta[1] * a[0], delta[1] * x),
    "line 313.3": lambda: close(db[1], delta[1] * dzb[1], delta[1]),
    "line 333.1": lambda: every(lambda ws, p, l: close(p[0][l], ws[l] * p[1][l - 1] + biases(ws)[l])),
    "line 334.2": lambda: every(lambda ws, p, l: close(p[1][l], g(p[0][l]))),
    "line 352.1": lambda: every(lambda ws, p, l: close(p[2][l], p[4][l] * p[6][l], p[4][l] * p[1][l - 1])),
    "line 356.2": lambda: every(lambda ws, p, l: close(p[3][l], p[4][l] * p[6][l], p[4][l])),  # links 2 and 3 use dz/dw
    "line 364": lambda: every(lambda ws, p, l: close(p[6][l], p[1][l - 1])),
    "line 365": lambda: every(lambda ws, p, l: close(p[7][l], 1.0)),
    "line 372.1": lambda: every(lambda ws, p, l: close(p[4][l], p[4][l + 1] * p[5][l], ws[l + 1] * gp(p[0][l]) * p[4][l + 1]), 1, -1),
    "line 378.2": lambda: every(lambda ws, p, l: close(p[4][l], Cp(p[1][l]) * gp(p[0][l])), last=True),
    "line 390": lambda: every(lambda ws, p, l: close(p[4][l], Cp(p[1][l]) * gp(p[0][l])), last=True),
    "line 397.1": lambda: every(lambda ws, p, l: close(p[2][l], p[4][l] * p[1][l - 1]), last=True),
    "line 398.2": lambda: every(lambda ws, p, l: close(p[3][l], p[4][l]), last=True),
    "line 408.1": lambda: every(lambda ws, p, l: close(p[4][l], ws[l + 1] * p[4][l + 1]), 1, -1),
    "line 409.2": lambda: every(lambda ws, p, l: close(p[2][l], p[4][l] * p[1][l - 1]), 1, -1),
    "line 410.3": lambda: every(lambda ws, p, l: close(p[3][l], p[4][l]), 1, -1),
}


planted = {
    "line 143": lambda: close(dz_dw, w),
    "line 147": lambda: close(dC_dw, Cp(a0) * gp(z0)),
    "line 166": lambda: close(dC_dz, Cp(a0) * g(z0)),
    "line 251": lambda: close(delta[2], Cp(a[2]) * gp(z[1])),
    "line 311.1": lambda: close(delta[1], delta[2] * dzz[1], delta[2] * W2[2] * gp(z[2])),
    "line 312.2": lambda: close(dw[1], delta[1] * dzw[1], delta[1] * a[0], delta[2] * x),
    "line 378.2": lambda: every(lambda ws, p, l: close(p[4][l], C(p[1][l]) * gp(p[0][l])), last=True),
    "line 397.1": lambda: every(lambda ws, p, l: close(p[2][l], p[4][l] * p[1][l]), last=True),
}
confirm("koerbitz_single.md", "koerbitz_single_planted.md", checks, planted)
print("OK")
