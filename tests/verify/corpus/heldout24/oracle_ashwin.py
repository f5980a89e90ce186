"""Independent NumPy oracle for the student's wiki page (ashwin_backprop_wiki.md) and its planted copy.

The page's network: x_j^(l) = g(S_j^(l)), S_j^(l) = sum_{i=0} w_ij^(l) x_i^(l-1) with x_0 = 1 (the bias), g = tanh;
3 inputs, 4 hidden units, 1 output; e = 1/2 (g(S_1^(L)) - y)^2; delta_j^(l) = de/dS_j^(l). Every derivative by central
differences; each row is checked as what it writes for every index it names (a chain claim holds when all its links
do; a row as "subject = row"). The hidden layer's 4 units and the 3 inputs (+ x_0) make the swapped indices of the
planted row name existing quantities. A check holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_ashwin.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(2455)
x0 = np.concatenate([[1.0], rng.normal(size=3)])  # x_0 = 1, then the inputs
W = {1: rng.normal(size=(4, 4)), 2: rng.normal(size=(5, 1))}  # W[l][i, j]: node i of layer l-1 -> node j of layer l
y = 0.3


def forward(WW=W, S_at=None, l_at=None, x_at=None):
    x, S = {0: x0}, {}
    for l in (1, 2):
        S[l] = x[l - 1] @ WW[l] if l_at != l else S_at
        out = np.tanh(S[l])
        x[l] = np.concatenate([[1.0], out]) if l == 1 else out
        if x_at is not None and l == 1:
            x[1] = np.concatenate([[1.0], x_at])
    return S, x


def e(**kw):
    return 0.5 * float((forward(**kw)[1][2][0] - y) ** 2)


S, x = forward()
delta = {l: grad(lambda v, l=l: e(S_at=v, l_at=l), S[l]) for l in (1, 2)}
gW = {l: grad(lambda v, l=l: e(WW={**W, l: v}), W[l]) for l in (1, 2)}
gp = {l: 1 - np.tanh(S[l]) ** 2 for l in (1, 2)}
de_dx1 = grad(lambda v: e(x_at=v), x[1][1:])  # de/dx_i^(1), i = 1..4
dS2_dx1 = W[2][1:, :]  # dS_j^(2)/dx_i^(1) = w_ij^(2)


def chain_w():
    return all(same(gW[l], np.outer(x[l - 1], delta[l])) for l in (1, 2))


def row31():  # sum_j de/dS_j dS_j/dx_i dx_i/dS_i
    return same(delta[1], (dS2_dx1 @ delta[2]) * gp[1]) and same(de_dx1, dS2_dx1 @ delta[2])


def swapped():  # de/dw_ij = delta_i x_j (layer 1: i over the inputs 0..3, j over the 4 hidden units)
    return all(same(gW[1][i, j], delta[1][i] * x[0][j]) for i in range(4) for j in range(4))


checks = {
    "line 16": lambda: chain_w(),
    "line 17.2": lambda: chain_w(),
    "line 18.3": lambda: chain_w(),
    "line 24": lambda: same(delta[2], (np.tanh(S[2]) - y) * gp[2]),
    "line 30": lambda: row31(),
    "line 31.2": lambda: row31(),
    "line 37": lambda: same(delta[1], (dS2_dx1 @ delta[2]) * gp[1]) and same(delta[1], gp[1] * (dS2_dx1 @ delta[2])),
    "line 38.2": lambda: same(delta[1], gp[1] * (dS2_dx1 @ delta[2])),
}
planted = {
    "line 16": lambda: chain_w() and swapped(),
    "line 18.3": lambda: swapped(),
    "line 24": lambda: same(delta[2], 0.5 * gp[2]),
    "line 30": lambda: same(delta[1], dS2_dx1 @ delta[2]),
    "line 31.2": lambda: same(delta[1], dS2_dx1 @ delta[2]),
    "line 37": lambda: same(delta[1], (dS2_dx1 @ delta[2]) * np.tanh(S[1])),
}
confirm("ashwin_backprop_wiki.md", "ashwin_backprop_wiki_planted.md", checks, planted)
print("OK")
