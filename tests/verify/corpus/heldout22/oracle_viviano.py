"""Independent NumPy oracle for Joseph D. Viviano's IFT6135 theory homework (viviano_ift6135_a1.tex) and its planted
copy.

Question 1: one output unit f = g(a) (the sigmoid of the pre-activation a) with the cross-entropy
L = -y log f - (1 - y) log(1 - f) or the squared error L = 1/2 (y - f)^2; question 4: the softmax Jacobian; question
5(c): the two-class softmax against the sigmoid of z = x_1 - x_2. Each claim is evaluated as written (every link of a
chain) and compared with central differences or the softmax itself. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_viviano.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(2203)


def links(*vals):
    return all(same(vals[0], v) for v in vals[1:])


def softmax(v):
    e = np.exp(v - v.max())
    return e / e.sum()


a_ = rng.normal()
ys = (0.0, 1.0, 0.3)
g = sigmoid


def d(f, at):
    return grad(lambda v: float(f(v[0])), np.array([at]))[0]


def ce(y):
    return lambda a: -y * np.log(g(a)) - (1 - y) * np.log(1 - g(a))


def mse(y):
    return lambda a: 0.5 * (y - g(a)) ** 2


f = g(a_)
z = rng.normal(size=4)
s = softmax(z)
J = jacobian(softmax, z)  # [i, j] = d softmax_i / d z_j
E = np.exp(z)
S = E.sum()
K = np.eye(4)
x1, x2 = rng.normal(size=2)
zz = x1 - x2
sm = softmax(np.array([x1, x2]))
gy, cc = rng.normal(size=4), rng.normal()
confirm(
    "viviano_ift6135_a1.tex",
    "viviano_ift6135_a1_planted.tex",
    {
        "line 47": lambda: same(d(g, a_), g(a_) * (1 - g(a_))),
        "line 47#2": lambda: all(same(d(ce(y), a_), f - y) for y in ys),
        "line 51": lambda: all(same(d(mse(y), a_), -(y - f) * g(a_) * (1 - g(a_))) for y in ys),
        "line 176": lambda: same(J, (K * E[:, None] * S - np.outer(E, E)) / S**2),
        "line 182": lambda: same(J, s[:, None] * (K - s[None, :])),
        "line 203": lambda: same(jacobian(sigmoid, z) @ gy, gy * sigmoid(z) * (1 - sigmoid(z))),
        "line 215": lambda: same(softmax(z + cc), np.exp(z + cc) / np.sum(np.exp(z + cc))),
        "line 240": lambda: links(
            sm[0], np.exp(x1) / (np.exp(x1) + np.exp(x2)), 1 / (1 + np.exp(x2 - x1)), 1 / (1 + np.exp(-x1 - x2)), 1 / (1 + np.exp(-zz))
        ),
        "line 250": lambda: links(
            sm[1],
            np.exp(x2) / (np.exp(x1) + np.exp(x2)),
            1 / (np.exp(x1 - x2) + 1),
            1 - 1 / (1 + np.exp(-x1 - x2)),
            1 - 1 / (1 + np.exp(-zz)),
        ),
        "line 260": lambda: same(np.array([sigmoid(zz), 1 - sigmoid(zz)]), sm),
    },
    {
        "line 47#2": lambda: all(same(d(ce(y), a_), y - f) for y in ys),
        "line 51": lambda: all(same(d(mse(y), a_), -(y - f)) for y in ys),
        "line 176": lambda: same(J, (K * E[:, None] * S + np.outer(E, E)) / S**2),
        "line 182": lambda: same(J, s[:, None] * (1 - s[None, :])),
        "line 203": lambda: same(jacobian(sigmoid, z) @ gy, gy * sigmoid(z)),
    },
)
# the chains' slip alone: without the e^{-x_1-x_2} link both chains hold
assert links(sm[0], 1 / (1 + np.exp(x2 - x1)), 1 / (1 + np.exp(-zz))) and links(sm[1], 1 / (np.exp(x1 - x2) + 1), 1 - 1 / (1 + np.exp(-zz)))
print("OK")
