"""Independent NumPy oracle for KarelZe's two Anki cards (karelze_graph_card.md, karelze_chainrule_card.md) and their
planted copies.

graph card: z = w x + b, y = sigma(z), L = 1/2 (y - t)^2, v-bar = dL/dv by central differences. chain-rule card:
f(x, y) = y + exp(x y), x = cos t, y = t^2, df/dt by central differences in t, every link of the chain evaluated as
written (the partials f_x, f_y by central differences too). Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_karelze.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2204)


def d1(f, at):
    return grad(lambda v: float(f(v[0])), np.array([at]))[0]


def links(*vals):
    return all(same(vals[0], v) for v in vals[1:])


# --- graph card
w, b, x, t = rng.normal(size=4)


def L(w=w, b=b, z=None, y=None):
    z = w * x + b if z is None else z
    y = sigmoid(z) if y is None else y
    return 0.5 * (y - t) ** 2


z = w * x + b
y = sigmoid(z)
ybar, zbar = d1(lambda v: L(y=v), y), d1(lambda v: L(z=v), z)
wbar, bbar = d1(lambda v: L(w=v), w), d1(lambda v: L(b=v), b)
sp = d1(sigmoid, z)
confirm(
    "karelze_graph_card.md",
    "karelze_graph_card_planted.md",
    {
        "line 28": lambda: same(ybar, y - t),
        "line 28#2": lambda: same(zbar, ybar * sp),
        "line 29": lambda: same(wbar, zbar * x),
        "line 29#2": lambda: same(bbar, zbar),
    },
    {
        "line 28#2": lambda: same(zbar, ybar * sigmoid(z)),
        "line 29": lambda: same(wbar, zbar * w),
    },
)

# --- chain-rule card
tt = rng.uniform(0.3, 1.2)


def f(xx, yy):
    return yy + np.exp(xx * yy)


X, Y = np.cos(tt), tt**2
dfdt = d1(lambda s: f(np.cos(s), s**2), tt)
fx, fy = d1(lambda v: f(v, Y), X), d1(lambda v: f(X, v), Y)
dxdt, dydt = d1(np.cos, tt), d1(lambda s: s**2, tt)
confirm(
    "karelze_chainrule_card.md",
    "karelze_chainrule_card_planted.md",
    {"line 31": lambda: links(dfdt, fx * dxdt + fy * dydt, (Y * np.exp(X * Y)) * (-np.sin(tt)) + (1 + X * np.exp(X * Y)) * (2 * tt))},
    {"line 31": lambda: links(dfdt, fx * dxdt + fy * dydt, (Y * np.exp(X * Y)) * (np.sin(tt)) + (1 + X * np.exp(X * Y)) * (2 * tt))},
)
print("OK")
