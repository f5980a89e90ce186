"""Independent NumPy oracle for blackkeys_nn.md / blackkeys_nn_planted.md (blackKeys17, "A mathematical introduction
to feedforward neural networks").

The author's conventions (blackkeys_nn.spec.toml): layers from 1 = the input (a^1 = x), z^l = w^l a^{l-1} + b^l with
w^l_{i,j} into i from j, sigmoid neurons, C = sum_i (y_i - a^L_i)^2 per example (no 1/2) and the mean over the n
examples; delta^l = dC/dz^l. Every derivative is a central difference; claims in l, i, j, k are checked for every
value they can take; the training outline's dC/dw_k is the gradient accumulated over a minibatch of m examples.
Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_blackkeys.py   (numpy only)
"""

import numpy as np
from fdcheck import EPS, confirm, grad, same, sigmoid

rng = np.random.default_rng(53)
n_ex, L, size = 5, 3, {1: 3, 2: 4, 3: 2}
Xs, Ys = rng.normal(size=(n_ex, 3)), rng.uniform(size=(n_ex, 2))
w = {l: rng.normal(size=(size[l], size[l - 1])) for l in (2, 3)}
b = {l: rng.normal(size=size[l]) for l in (2, 3)}
x, y = Xs[0], Ys[0]
zs = np.linspace(-3, 3, 9)


def forward(x, w=w, b=b, at=None, value=None):
    a, z = {1: x}, {}
    for l in (2, 3):
        z[l] = w[l] @ a[l - 1] + b[l]
        if at == l:
            z[l] = value
        a[l] = sigmoid(z[l])
    return z, a


def Cx(x, y, **kw):
    return float(np.sum((y - forward(x, **kw)[1][L]) ** 2))


def with_(l, W=None, B=None):
    ww, bb = dict(w), dict(b)
    if W is not None:
        ww[l] = W
    if B is not None:
        bb[l] = B
    return {"w": ww, "b": bb}


z, a = forward(x)
delta = {l: grad(lambda v, l=l: Cx(x, y, at=l, value=v), z[l]) for l in (2, 3)}
gw = {l: grad(lambda v, l=l: Cx(x, y, **with_(l, W=v)), w[l]) for l in (2, 3)}
gb = {l: grad(lambda v, l=l: Cx(x, y, **with_(l, B=v)), b[l]) for l in (2, 3)}
dC_da = grad(lambda v: float(np.sum((y - v) ** 2)), a[L])
sp = lambda v: (sigmoid(v + EPS) - sigmoid(v - EPS)) / (2 * EPS)  # noqa: E731
C_mean = lambda **kw: np.mean([Cx(Xs[k], Ys[k], **kw) for k in range(n_ex)])  # noqa: E731
gw_mean = {l: grad(lambda v, l=l: C_mean(**with_(l, W=v)), w[l]) for l in (2, 3)}
gb_mean = {l: grad(lambda v, l=l: C_mean(**with_(l, B=v)), b[l]) for l in (2, 3)}


def descends(step):
    """the update of every weight by step(w, grad) lowers the mean cost to first order by h |grad|^2."""
    h = 1e-5
    ww = {l: step(w[l], h * gw_mean[l]) for l in (2, 3)}
    return np.isclose(C_mean(w=ww, b=b) - C_mean(), -h * sum(np.sum(gw_mean[l] ** 2) for l in (2, 3)), rtol=1e-2)


ws1, b1 = rng.normal(size=3), 0.3  # a single neuron with 3 inputs (section "The neuron")
delta_out = {k: sum(dC_da[i] * (i == k) * sp(z[L][i]) for i in range(2)) for k in range(2)}
checks = {
    "line 41": lambda: same(sigmoid(zs), 1 / (1 + np.exp(-zs))),
    "line 44": lambda: np.isclose(sigmoid(ws1 @ x + b1), sigmoid(ws1[0] * x[0] + ws1[1] * x[1] + ws1[2] * x[2] + b1)),
    "line 47": lambda: np.isclose(sigmoid(ws1 @ x + b1), sigmoid(sum(ws1[i] * x[i] for i in range(3)) + b1)),
    "line 63": lambda: np.isclose(ws1 @ x + b1, sum(ws1[i] * x[i] for i in range(3)) + b1),
    "line 67": lambda: all(same(a[l], sigmoid(z[l])) for l in (2, 3)),
    "line 79": lambda: same(sp(zs), sigmoid(zs) * (1 - sigmoid(zs))),
    "line 117": lambda: all(np.isclose(a[l][i], sigmoid(z[l][i])) for l in (2, 3) for i in range(size[l])),
    "line 133": lambda: all(
        np.isclose(z[l][i], sum(w[l][i, j] * a[l - 1][j] for j in range(size[l - 1])) + b[l][i]) for l in (2, 3) for i in range(size[l])
    ),
    "line 142": lambda: all(
        same([sum(w[l][i, j] * a[l - 1][j] for j in range(size[l - 1])) for i in range(size[l])], w[l] @ a[l - 1]) for l in (2, 3)
    ),
    "line 187": lambda: all(same(z[l], w[l] @ a[l - 1] + b[l]) for l in (2, 3)),
    "line 191": lambda: all(same(a[l], sigmoid(w[l] @ a[l - 1] + b[l])) for l in (2, 3)),
    "line 223": lambda: np.isclose(Cx(x, y), sum((y[i] - a[L][i]) ** 2 for i in range(2))),
    "line 229": lambda: np.isclose(C_mean(), sum(Cx(Xs[k], Ys[k]) for k in range(n_ex)) / n_ex),
    "line 258": lambda: descends(lambda W, G: W - G),
    "line 266": lambda: descends(lambda W, G: W - G),
    "line 267": lambda: np.isclose(
        C_mean(w=w, b={l: b[l] - 1e-5 * gb_mean[l] for l in (2, 3)}) - C_mean(),
        -1e-5 * sum(np.sum(gb_mean[l] ** 2) for l in (2, 3)),
        rtol=1e-2,
    ),
    "line 271": lambda: np.isclose(C_mean(), sum(Cx(Xs[k], Ys[k]) for k in range(n_ex))),  # the post's own C is the mean
    "line 274": lambda: all(
        same(gw_mean[l], sum(grad(lambda v, k=k, l=l: Cx(Xs[k], Ys[k], **with_(l, W=v)), w[l]) for k in range(n_ex)) / n_ex) for l in (2, 3)
    ),
    "line 275": lambda: all(
        same(gb_mean[l], sum(grad(lambda v, k=k, l=l: Cx(Xs[k], Ys[k], **with_(l, B=v)), b[l]) for k in range(n_ex)) / n_ex) for l in (2, 3)
    ),
    "line 335": lambda: same(np.array([1, 2, 3]) * np.array([4, 5, 6]), [1 * 4, 2 * 5, 3 * 6]) and same([1 * 4, 2 * 5, 3 * 6], [4, 10, 18]),
    "line 355": lambda: same(delta[L], dC_da * sp(z[L])),
    "line 368": lambda: all(np.isclose(delta[L][k], delta_out[k]) for k in range(2)),
    "line 376": lambda: all(np.isclose(delta[L][k], dC_da[k] * sp(z[L][k])) for k in range(2)),
    "line 380": lambda: all(np.isclose(delta[L][k], dC_da[k] * sp(z[L][k])) for k in range(2)),
    # the right-hand side's index i is not the k of the left-hand side: for k != i the claim fails
    "line 392": lambda: all(np.isclose(dC_da[k], 2 * (a[L][i] - y[i])) for k in range(2) for i in range(2)),
    "line 396": lambda: same(dC_da, 2 * (a[L] - y)),
    "line 400": lambda: same(delta[L], 2 * (a[L] - y) * sp(z[L])),
    "line 407": lambda: same(delta[2], (w[3].T @ delta[3]) * sp(z[2])),
    "line 415": lambda: all(
        np.isclose(delta[2][k], sum(delta[3][i] * grad(lambda v, i=i: float(w[3][i] @ sigmoid(v) + b[3][i]), z[2])[k] for i in range(2)))
        for k in range(4)
    ),
    "line 419": lambda: all(np.isclose(delta[2][k], sum(delta[3][i] * w[3][i, k] * sp(z[2][k]) for i in range(2))) for k in range(4)),
    "line 423": lambda: all(np.isclose(z[3][i], sum(w[3][i, j] * a[2][j] for j in range(4)) + b[3][i]) for i in range(2)),
    "line 427": lambda: all(
        np.isclose(grad(lambda v, i=i: float(w[3][i] @ v + b[3][i]), a[2])[k], w[3][i, k]) for i in range(2) for k in range(4)
    ),
    "line 431": lambda: all(np.isclose(delta[2][k], sum(delta[3][i] * w[3][i, k] for i in range(2)) * sp(z[2][k])) for k in range(4)),
    "line 435": lambda: all(np.isclose(delta[2][k], sp(z[2][k]) * sum(delta[3][i] * w[3][i, k] for i in range(2))) for k in range(4)),
    "line 444": lambda: all(same(gb[l], delta[l]) for l in (2, 3)),
    "line 451": lambda: all(
        np.isclose(z[l][j], sum(w[l][j, i] * a[l - 1][i] for i in range(size[l - 1])) + b[l][j]) for l in (2, 3) for j in range(size[l])
    ),
    "line 455": lambda: all(same(gb[l], 1 * delta[l]) for l in (2, 3)),
    "line 463": lambda: all(same(gw[l], np.outer(delta[l], a[l - 1])) for l in (2, 3)),
    "line 468": lambda: all(
        np.isclose(z[l][j], sum(w[l][j, i] * a[l - 1][i] for i in range(size[l - 1])) + b[l][j]) for l in (2, 3) for j in range(size[l])
    ),
    "line 472": lambda: all(
        np.isclose(grad(lambda v, l=l, j=j: float(v @ a[l - 1] + b[l][j]), w[l][j])[k], a[l - 1][k])
        for l in (2, 3)
        for j in range(size[l])
        for k in range(size[l - 1])
    ),
    "line 476": lambda: all(same(gw[l], np.outer(delta[l], a[l - 1])) for l in (2, 3)),
    "line 487.1": lambda: same(delta[L], dC_da * sp(z[L])),
    "line 488.2": lambda: same(delta[2], (w[3].T @ delta[3]) * sp(z[2])),
    "line 489.3": lambda: all(same(gb[l], delta[l]) for l in (2, 3)),
    "line 490.4": lambda: all(same(gw[l], np.outer(delta[l], a[l - 1])) for l in (2, 3)),
    "line 502": lambda: same(forward(Xs[2])[1][1], Xs[2]),
    "line 503": lambda: all(same(a[l + 1], sigmoid(w[l + 1] @ a[l] + b[l + 1])) for l in (1, 2)),
    "line 506": lambda: same(delta[L], dC_da * sp(z[L])),
    "line 508": lambda: same(delta[2], (w[3].T @ delta[3]) * sp(z[2])),
    "line 510": lambda: all(same(gb[l], delta[l]) for l in (2, 3)),
    "line 511": lambda: all(same(gw[l], np.outer(delta[l], a[l - 1])) for l in (2, 3)),
    # the outline: dC/dw_k accumulated over the m examples, divided by m: a gradient-descent step on the mean cost
    "line 515": lambda: (
        all(
            same(sum(grad(lambda v, k=k, l=l: Cx(Xs[k], Ys[k], **with_(l, W=v)), w[l]) for k in range(n_ex)) / n_ex, gw_mean[l])
            for l in (2, 3)
        )
        and descends(lambda W, G: W - G)
    ),
    "line 516": lambda: all(
        same(sum(grad(lambda v, k=k, l=l: Cx(Xs[k], Ys[k], **with_(l, B=v)), b[l]) for k in range(n_ex)) / n_ex, gb_mean[l]) for l in (2, 3)
    ),
}
planted = {
    "line 41": lambda: same(sigmoid(zs), 1 / (1 + np.exp(zs))),
    "line 79": lambda: same(sp(zs), sigmoid(zs) * (1 + sigmoid(zs))),
    "line 187": lambda: all(same(z[l], w[l].T @ a[l - 1] + b[l]) for l in (2, 3)),
    "line 266": lambda: descends(lambda W, G: W + G),
    "line 355": lambda: same(delta[L], dC_da * sigmoid(z[L])),
    "line 396": lambda: same(dC_da, 2 * (y - a[L])),
    "line 407": lambda: same(delta[2], (w[3] @ delta[3]) * sp(z[2])),
    "line 427": lambda: all(
        np.isclose(grad(lambda v, i=i: float(w[3][i] @ v + b[3][i]), a[2])[k], w[3][k, i]) for i in range(2) for k in range(4)
    ),
    "line 463": lambda: all(same(gw[l], np.outer(a[l - 1], delta[l])) for l in (2, 3)),
    "line 515": lambda: all(
        same(n_ex * sum(grad(lambda v, k=k, l=l: Cx(Xs[k], Ys[k], **with_(l, W=v)), w[l]) for k in range(n_ex)), gw_mean[l]) for l in (2, 3)
    ),
}
confirm("blackkeys_nn.md", "blackkeys_nn_planted.md", checks, planted)
print("OK")
