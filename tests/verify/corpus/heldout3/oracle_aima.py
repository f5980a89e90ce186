"""Independent NumPy oracle for aima.toml / aima_planted.toml (Russell & Norvig, AIMA 3rd ed., sec. 18.7.4 and
fig. 18.24).

The book's conventions (aima.spec.toml): w_{i,j} from unit i to unit j, row 0 of each weight matrix the bias weight
w_{0,j} on the dummy input a_0 = 1; g the logistic function; Loss = sum_k (y_k - a_k)^2 (no 1/2). Delta = -1/2
dLoss/din, and an update w + alpha a Delta is right when it equals w - (alpha/2) dLoss/dw. Every derivative is a
central difference of Loss (or of Loss_k = (y_k - a_k)^2); every claim is checked for every unit index; a chain is
right when each link equals the first. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_aima.py   (numpy only)
"""

import numpy as np
from fdcheck import EPS, confirm, grad, same

rng = np.random.default_rng(18)
NI, NH, NO, ALPHA = 3, 4, 2, 0.1
x, y = rng.normal(size=NI), rng.uniform(size=NO)
W1, W2 = rng.normal(size=(NI + 1, NH)), rng.normal(size=(NH + 1, NO))  # [i, j]: from i (0 = the dummy input) to j
g = lambda v: 1 / (1 + np.exp(-v))
gp = lambda v: (g(v + EPS) - g(v - EPS)) / (2 * EPS)
ext = lambda a: np.concatenate([[1.0], a])  # a_0 = 1


def forward(W1=W1, W2=W2, in_h=None, in_o=None):
    in_h = ext(x) @ W1 if in_h is None else in_h
    a_h = g(in_h)
    in_o = ext(a_h) @ W2 if in_o is None else in_o
    return in_h, a_h, in_o, g(in_o)


in_h, a_h, in_o, a_o = forward()
loss = lambda **kw: float(np.sum((y - forward(**kw)[3]) ** 2))
loss_k = lambda k, **kw: float((y[k] - forward(**kw)[3][k]) ** 2)
dW1, dW2 = grad(lambda v: loss(W1=v), W1), grad(lambda v: loss(W2=v), W2)
dk_W1 = [grad(lambda v, k=k: loss_k(k, W1=v), W1) for k in range(NO)]  # dLoss_k / dw_{i,j}
dk_W2 = [grad(lambda v, k=k: loss_k(k, W2=v), W2) for k in range(NO)]
Delta_o = -0.5 * grad(lambda v: loss(in_o=v), in_o)
Delta_h = -0.5 * grad(lambda v: loss(in_h=v), in_h)
aI, aH = ext(x), ext(a_h)  # a_i of the inputs, a_j of the hidden units (index 0: the dummy 1)
zs = np.linspace(-4, 4, 9)
H, O, I = range(1, NH + 1), range(NO), range(NI + 1)  # hidden j (1-based in aH, W2 rows), outputs k, inputs i


def chain(*links):
    return all(same(links[0], link) for link in links[1:])


def update_ok(new, W, dW):
    return same(new, W - ALPHA / 2 * dW)


checks = {
    "logistic-derivative": lambda: same(gp(zs), g(zs) * (1 - g(zs))),
    "in-j": lambda: (
        same(in_h, [sum(W1[i, j] * aI[i] for i in I) for j in range(NH)])
        and same(in_o, [sum(W2[i, k] * aH[i] for i in range(NH + 1)) for k in O])
    ),
    "a-j": lambda: same(a_h, g(in_h)) and same(a_o, g(in_o)),
    "loss": lambda: same(dW1, sum(dk_W1)) and same(dW2, sum(dk_W2)),
    "Delta-k": lambda: same(Delta_o, (y - a_o) * gp(in_o)),
    "update-output": lambda: update_ok(W2 + ALPHA * np.outer(aH, Delta_o), W2, dW2),
    "Delta-j": lambda: same(Delta_h, [gp(in_h[j - 1]) * sum(W2[j, k] * Delta_o[k] for k in O) for j in H]),
    "update-hidden": lambda: update_ok(W1 + ALPHA * np.outer(aI, Delta_h), W1, dW1),
    # d Loss_k / d w_{j,k} for every hidden j (rows 1..NH of W2) and output k: the links, then the book's -a_j Delta_k
    "derivation-output": lambda: chain(
        *(
            np.array([[f(j, k) for k in O] for j in H])
            for f in (
                lambda j, k: dk_W2[k][j, k],
                lambda j, k: -2 * (y[k] - a_o[k]) * gp(in_o[k]) * a_h[j - 1],
                lambda j, k: -aH[j] * Delta_o[k],
            )
        )
    ),
    # d Loss_k / d w_{i,j} for every input i, hidden j, output k: the links, then the book's -a_i Delta_j
    "derivation-hidden": lambda: chain(
        *(
            np.array([[[f(i, j, k) for k in O] for j in range(NH)] for i in I])
            for f in (
                lambda i, j, k: dk_W1[k][i, j],
                lambda i, j, k: -2 * (y[k] - a_o[k]) * gp(in_o[k]) * W2[j + 1, k] * gp(in_h[j]) * aI[i],
                lambda i, j, k: -aI[i] * Delta_h[j],
            )
        )
    ),
    "fig-input": lambda: same(aI[1:], x),
    "fig-in": lambda: same(in_h, [sum(W1[i, j] * aI[i] for i in I) for j in range(NH)]),
    "fig-a": lambda: same(a_h, g(in_h)) and same(a_o, g(in_o)),
    "fig-Delta-output": lambda: same(Delta_o, gp(in_o) * (y - a_o)),
    "fig-Delta-hidden": lambda: same(Delta_h, [gp(in_h[j - 1]) * sum(W2[j, k] * Delta_o[k] for k in O) for j in H]),
    "fig-update": lambda: update_ok(W1 + ALPHA * np.outer(aI, Delta_h), W1, dW1) and update_ok(W2 + ALPHA * np.outer(aH, Delta_o), W2, dW2),
}
planted = {
    "logistic-derivative": lambda: same(gp(zs), g(zs) * (1 + g(zs))),
    "Delta-k": lambda: same(Delta_o, (y - a_o) * g(in_o)),
    "Delta-j": lambda: same(Delta_h, [gp(in_h[j - 1]) * sum(W2[k, j] * Delta_o[k] for k in O) for j in H]),
    "update-hidden": lambda: update_ok(W1 + ALPHA * np.outer(np.ones(NI + 1), Delta_h * a_h), W1, dW1),
    "fig-Delta-output": lambda: same(Delta_o, gp(in_o) * (a_o - y)),
    "fig-update": lambda: update_ok(W1 - ALPHA * np.outer(aI, Delta_h), W1, dW1),
}
confirm("aima.toml", "aima_planted.toml", checks, planted)
print("OK")
