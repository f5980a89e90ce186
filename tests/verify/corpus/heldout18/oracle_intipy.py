"""Independent NumPy oracle for intipy_backprop.md / intipy_backprop_planted.md (a Korean learner's one-neuron
backprop: a = xw + b, y = sigma(a), Error = 1/2 (y - t)^2).

Random scalars; every partial derivative the post names is computed by central differences of the author's own
functions and compared with each claim's expression evaluated as written; the chain rule's statements are checked on
f = sin, g(x) = x^2 + 3x. Prints OK when every verdict of MANIFEST.toml holds. Run: python oracle_intipy.py
(numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(1016)


def d1(f, at):
    """The derivative of a scalar function of one scalar by central differences."""
    return float(grad(lambda v: f(float(v[0])), np.array([at]))[0])


x, w, b, t = (float(v) for v in rng.normal(size=4))
sig = lambda v: float(sigmoid(v))                                     # noqa: E731
a = x * w + b
y = sig(a)
E = lambda ww=w, bb=b, xx=x: 0.5 * (sig(xx * ww + bb) - t) ** 2       # noqa: E731
dE_dy = d1(lambda v: 0.5 * (v - t) ** 2, y)
dy_da = d1(sig, a)
da_dw, da_db, da_dx = d1(lambda v: x * v + b, w), d1(lambda v: x * w + v, b), d1(lambda v: v * w + b, x)
dE_dw, dE_db, dE_dx = d1(lambda v: E(ww=v), w), d1(lambda v: E(bb=v), b), d1(lambda v: E(xx=v), x)
sprime = dy_da                                                        # sigma'(a), by differences

# the chain rule on f = sin, g(x) = x^2 + 3x at a random point
f, g = np.sin, lambda v: v**2 + 3 * v                                 # noqa: E731
u0 = float(rng.normal())
lhs = d1(lambda v: float(f(g(v))), u0)
df_dg = d1(lambda v: float(f(v)), g(u0))
dg_dx = d1(g, u0)


def descends(sign):
    """w := w + sign * alpha dE/dw lowers Error for a small alpha (the SGD step goes down the gradient)."""
    alpha = 1e-3
    return E(ww=w + sign * alpha * dE_dw) < E()


def descends_b(sign):
    alpha = 1e-3
    return E(bb=b + sign * alpha * dE_db) < E()


checks = {
    "line 30": lambda: same(lhs, df_dg * dg_dx),
    "line 32": lambda: same(lhs, df_dg * dg_dx),
    "line 34": lambda: same(lhs, float(np.cos(g(u0))) * float(f(dg_dx))),
    "line 152": lambda: same(dE_dw, dE_dy * dy_da * da_dw),
    "line 154": lambda: same(dE_db, dE_dy * dy_da * da_db),
    "line 160": lambda: same(dE_dy, y - t),
    "line 166": lambda: same(dy_da, sprime),
    "line 172": lambda: same(da_dw, x),
    "line 178": lambda: same(da_db, 1.0),
    "line 186": lambda: same(dE_dw, dE_dy * dy_da * da_dw) and same(dE_dw, (y - t) * sprime * x),
    "line 188": lambda: same(dE_db, dE_dy * dy_da * da_db) and same(dE_db, (y - t) * sprime),
    "line 194": lambda: same(dy_da, y * (1 - y)) and same(dy_da, sig(a) * (1 - sig(a))),
    "line 206": lambda: descends(-1),
    "line 208": lambda: descends_b(-1),
    "line 232": lambda: same(da_dx, w),
    "line 236": lambda: same(dE_dx, dE_dy * dy_da * da_dx) and same(dE_dx, (y - t) * sprime * w),
}
planted = {
    "line 160": lambda: same(dE_dy, 2 * (y - t)),
    "line 186": lambda: same(dE_dw, (y - t) * sprime * w),
    "line 194": lambda: same(dy_da, sig(a) * (1 - sig(a))) and same(dy_da, a * (1 - a)),
    "line 206": lambda: descends(+1),
    "line 236": lambda: same(dE_dx, (y - t) * sprime * x),
}
assert not same(x, w)
confirm("intipy_backprop.md", "intipy_backprop_planted.md", checks, planted)
print("OK")
