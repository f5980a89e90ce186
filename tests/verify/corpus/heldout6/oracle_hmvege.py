"""Independent NumPy oracle for hmvege_backprop.tex / hmvege_backprop_planted.tex (Hans Mathias Mamen Vege's notes
"Neural networks and Back Propagation").

The author's conventions (hmvege_backprop.spec.toml): one sample, z^l = W^l a^{l-1} + b^l, a^l = sigmoid(z^l) for
l = 1..L (L = 3), C = 1/2 ||a^L - y||^2, delta^l = dC/dz^l. The worked displays before the summary are checked
component-wise (delta^L a^{L-1} as the outer product), the summary as matrix algebra (column vectors, so a missing
transpose does not conform); softmax claims on a softmax output with the MSE or the cross-entropy as the section says.
Every derivative is a central difference. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_hmvege.py   (numpy only)
"""

import itertools

import numpy as np
from fdcheck import confirm, grad, jacobian, same

rng = np.random.default_rng(63)
sizes = [3, 4, 3, 2]
L = 3
W = {l: rng.normal(size=(sizes[l], sizes[l - 1])) for l in range(1, L + 1)}
b = {l: rng.normal(size=sizes[l]) for l in range(1, L + 1)}
x = rng.normal(size=3)
y = rng.uniform(size=2)
sig = lambda v: 0.5 * (1 + np.tanh(v / 2))  # noqa: E731
dsig = lambda v: sig(v) * (1 - sig(v))  # noqa: E731
col = lambda v: np.asarray(v).reshape(-1, 1)  # noqa: E731


def forward(Wd=W, bd=b, a0=x, out=sig):
    a, z = {0: a0}, {}
    for l in range(1, L + 1):
        z[l] = Wd[l] @ a[l - 1] + bd[l]
        a[l] = (out if l == L else sig)(z[l])
    return z, a


def cost(Wd=W, bd=b):
    return float(0.5 * np.sum((forward(Wd, bd)[1][L] - y) ** 2))


z, a = forward()
gW = {l: grad(lambda v, l=l: cost({**W, l: v}), W[l]) for l in W}
gb = {l: grad(lambda v, l=l: cost(bd={**b, l: v}), b[l]) for l in b}


def tail(l):
    """The cost as a function of z^l."""

    def f(v):
        h = sig(v)
        for m in range(l + 1, L + 1):
            h = sig(W[m] @ h + b[m])
        return float(0.5 * np.sum((h - y) ** 2))

    return f


delta = {l: grad(tail(l), z[l]) for l in W}
dL = (a[L] - y) * a[L] * (1 - a[L])
zs = np.linspace(-2.3, 2.1, 7)  # scalar points for the activation claims (none at 0)
# the softmax sections: one sample's logits s, a softmax output p, a one-hot t (cross-entropy) or a target y2 (MSE)
K = 3
s = rng.normal(size=K)
sm = lambda v: np.exp(v) / np.sum(np.exp(v))  # noqa: E731
p = sm(s)
t = np.eye(K)[2]
y2 = rng.uniform(size=K)
Jsm = jacobian(sm, s)  # [i, j] = d p_i / d s_j
ce = lambda v: float(-np.sum(t * np.log(v)))  # noqa: E731
mse = lambda v: float(0.5 * np.sum((v - y2) ** 2))  # noqa: E731
IJ = list(itertools.product(range(K), range(K)))
path = lambda c, j: grad(c, p)[j] * Jsm[j, j]  # noqa: E731  (the single path dC/da_j da_j/dz_j)
# the binary cross-entropy: two classes
p2, t2 = sm(s[:2]), np.eye(2)[1]  # y = t2[0] = 0: the sign slip of line 342 shows (with y = 1 its term vanishes)
# the two-layer illustration of eq:hidden-layer / eq:output-layer
V1, c1, V2, c2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(2, 4)), rng.normal(size=2)
a1_2 = sig(V1 @ x + c1)
e = np.exp(-zs)
checks = {
    "eq:hidden-layer": lambda: same(a[1], 1 / (1 + np.exp(-(W[1] @ x + b[1])))),
    "eq:output-layer": lambda: same(sm(V2 @ a1_2 + c2), np.exp(V2 @ a1_2 + c2) / np.sum(np.exp(V2 @ a1_2 + c2))),
    "eq:activation-input": lambda: all(same(z[l], W[l] @ a[l - 1] + b[l]) for l in W),
    "eq:forward-pass-single-layer": lambda: all(same(a[l], sig(W[l] @ a[l - 1] + b[l])) for l in W),
    "eq:final-layer-output": lambda: same(a[L], sig(W[L] @ a[L - 1] + b[L])),
    "eq:full-forward-pass": lambda: same(a[L], sig(W[3] @ sig(W[2] @ sig(W[1] @ x + b[1]) + b[2]) + b[3])),
    "eq:mse-cost": lambda: np.isclose(cost(), 0.5 * np.linalg.norm(a[L] - y) ** 2),
    "eq:cross-entropy": lambda: np.isclose(ce(p), -(s[2] - np.log(np.sum(np.exp(s))))),
    "line 118": lambda: np.isclose(float(-np.sum(t2 * np.log(p2))), -(t2[0] * np.log(p2[0]) + t2[1] * np.log(p2[1]))),
    "line 122": lambda: np.isclose(float(-np.sum(t2 * np.log(p2))), -t2[0] * np.log(p2[0]) - t2[1] * np.log(p2[1])),
    "line 126": lambda: np.isclose(float(-np.sum(t2 * np.log(p2))), -t2[0] * np.log(p2[0]) - (1 - t2[0]) * np.log(1 - p2[0])),
    "eq:sigmoidal-activation": lambda: same(sig(zs), 1 / (1 + np.exp(-zs))),
    "line 142": lambda: all(
        same(np.diag(jacobian(sig, zs)), v)
        for v in ((-e) * (-1 / (1 + e) ** 2), sig(zs) * ((1 - 1 + e) / (1 + e)), sig(zs) * (1 - 1 / (1 + e)), sig(zs) * (1 - sig(zs)))
    ),
    "eq:sigmoidal-activation-derivative": lambda: same(np.diag(jacobian(sig, zs)), sig(zs) * (1 - sig(zs))),
    "eq:softmax-activation": lambda: same(p, np.exp(s - s.max()) / np.sum(np.exp(s - s.max()))),
    "line 162": lambda: all(
        np.isclose(Jsm[i, j], v)
        for i, j in IJ
        for v in (
            -np.exp(s[j]) * np.exp(s[i]) / np.sum(np.exp(s)) ** 2
            if j != i
            else np.exp(s[j]) / np.sum(np.exp(s)) - np.exp(s[j]) * np.exp(s[i]) / np.sum(np.exp(s)) ** 2,
            -p[j] * p[i] if j != i else p[j] - p[j] * p[i],
            p[j] * ((j == i) - p[i]),
        )
    ),
    "eq:softmax-derivative": lambda: all(np.isclose(Jsm[i, j], p[j] * ((j == i) - p[i])) for i, j in IJ),
    "eq:act-tanh": lambda: same(np.tanh(zs), (np.exp(2 * zs) - 1) / (np.exp(2 * zs) + 1)),
    "eq:act-tanh-der": lambda: same(np.diag(jacobian(np.tanh, zs)), 1 - np.tanh(zs) ** 2),
    "eq:act-relu": lambda: same(np.maximum(zs, 0), np.where(zs >= 0, zs, 0)),
    "eq:act-relu-der": lambda: same(np.diag(jacobian(lambda v: np.maximum(v, 0), zs)), np.where(zs >= 0, 1, 0)),
    "eq:act-heaviside": lambda: same((np.sign(zs) + 1) / 2, np.where(zs >= 0, 1, 0)),
    "eq:act-heaviside-der": lambda: same(np.diag(jacobian(lambda v: (np.sign(v) + 1) / 2, zs)), 0 * zs),
    "eq:backprop-vector-matrix-general-component-wise": lambda: all(
        np.isclose(gW[L][j, k], (a[L] - y)[j] * dsig(z[L])[j] * a[L - 1][k]) for j in range(2) for k in range(3)
    ),
    "eq:output-activation-function-derivative": lambda: same(jacobian(sig, z[L]), np.diag(dsig(z[L]))),
    "line 319": lambda: same(grad(lambda v: float(0.5 * np.sum((v - y) ** 2)), a[L]), a[L] - y),
    "eq:mse-derivative": lambda: same(grad(lambda v: float(0.5 * np.sum((v - y) ** 2)), a[L]), a[L] - y),
    "line 331": lambda: same(grad(ce, p), -t / p),
    "eq:cross-entropy-derivative": lambda: same(grad(ce, p), -t / p),
    "line 342": lambda: all(
        np.isclose(grad(lambda v: float(-t2[0] * np.log(v[0]) - (1 - t2[0]) * np.log(1 - v[0])), p2)[0], v)
        for v in (
            -(t2[0] / p2[0] + (1 - t2[0]) / (1 - p2[0])),
            (1 - t2[0]) / (1 - p2[0]) - t2[0] / p2[0],
            (p2[0] - t2[0]) / (p2[0] * (1 - p2[0])),
        )
    ),
    "line 367": lambda: same(gW[L], np.outer((a[L] - y) * a[L] * (1 - a[L]), a[L - 1])),
    "line 372": lambda: same(gb[L], (a[L] - y) * a[L] * (1 - a[L]) * 1),
    "line 379": lambda: same(gW[L - 1], np.outer(((a[L] - y) * a[L] * (1 - a[L])) @ W[L] * dsig(z[L - 1]), a[L - 2])),
    "eq:delta-change": lambda: same(delta[L], (a[L] - y) * a[L] * (1 - a[L])),
    "line 390.1": lambda: same(gW[L], np.outer(delta[L], a[L - 1])),
    "line 391.2": lambda: same(gb[L], delta[L]),
    "line 395.1": lambda: same(gW[L - 1], np.outer(dL @ W[L] * dsig(z[L - 1]), a[L - 2])),
    "line 396.2": lambda: same(gb[L - 1], dL @ W[L] * dsig(z[L - 1])),
    "line 400": lambda: same(gW[L - 2], np.outer((dL @ W[L] * dsig(z[L - 1])) @ W[L - 1] * dsig(z[L - 2]), a[L - 3])),
    "line 405.1": lambda: same(delta[L - 1], delta[L] @ W[L] * dsig(z[L - 1])),
    "line 406.2": lambda: same(delta[L - 2], delta[L - 1] @ W[L - 1] * dsig(z[L - 2])),
    "line 410.1": lambda: same(gW[L - 1], np.outer(delta[L - 1], a[L - 2])),
    "line 411.2": lambda: same(gW[L - 2], np.outer(delta[L - 2], a[L - 3])),
    # the summary, as matrix algebra on column vectors
    "eq:delta-change-general": lambda: same(delta[L], (a[L] - y) * dsig(a[L])),
    "eq:weight-update-last": lambda: same(gW[L], col(delta[L]) @ col(a[L - 1]).T),
    "eq:bias-update-last": lambda: same(gW[L], delta[L]),
    "eq:delta-layer-update": lambda: all(same(col(delta[l - 1]), (W[l].T @ col(delta[l])) * col(dsig(z[l - 1]))) for l in range(2, L + 1)),
    "eq:weight-update": lambda: all(same(gW[l], col(delta[l]) @ col(a[l - 1])) for l in W),
    "eq:bias-update": lambda: all(same(gW[l], delta[l]) for l in W),
    # the softmax sections
    "line 443": lambda: all(np.isclose(path(mse, j), (p[j] - y2[j]) * p[j] * ((j == i) - p[i])) for i, j in IJ),
    "eq:mse-softmax-derivative": lambda: all(
        np.isclose(grad(lambda v: mse(sm(v)), s)[j], (p[j] - y2[j]) * p[j] * ((j == i) - p[i])) for i, j in IJ
    ),
    "line 454": lambda: all(np.isclose(path(ce, j), sum(-t[k] / p[k] * p[i] * ((i == k) - p[k]) for k in range(K))) for i, j in IJ),
    "line 458": lambda: all(
        np.isclose(grad(lambda v: ce(sm(v)), s)[i], v)
        for i in range(K)
        for v in (
            sum(-t[k] / p[k] * p[i] * ((i == k) - p[k]) for k in range(K)),
            -t[i] / p[i] * p[i] * (1 - p[i]) - sum(t[k] / p[k] * (-p[i] * p[k]) for k in range(K) if k != i),
            -t[i] + t[i] * p[i] - sum(t[k] * (-p[i]) for k in range(K) if k != i),
            -t[i] + np.sum(t) * p[i],
            p[i] - t[i],
        )
    ),
    "eq:cross-entropy-softmax-derivative": lambda: all(np.isclose(path(ce, j), p[i] - t[i]) for i, j in IJ),
}
planted = {
    "eq:hidden-layer": lambda: same(a[1], sig(W[1] @ x) + b[1]),
    "eq:forward-pass-single-layer": lambda: all(same(a[l], sig(W[l] @ a[l] + b[l])) for l in W),
    "eq:mse-cost": lambda: np.isclose(cost(), 0.5 * np.linalg.norm(a[L] + y) ** 2),
    "eq:sigmoidal-activation-derivative": lambda: same(np.diag(jacobian(sig, zs)), sig(zs) * (1 + sig(zs))),
    "eq:softmax-derivative": lambda: all(np.isclose(Jsm[i, j], p[j] * ((j == i) + p[i])) for i, j in IJ),
    "eq:act-tanh-der": lambda: same(np.diag(jacobian(np.tanh, zs)), 1 + np.tanh(zs) ** 2),
    "eq:act-relu-der": lambda: same(np.diag(jacobian(lambda v: np.maximum(v, 0), zs)), np.where(zs >= 0, zs, 0)),
    "eq:mse-derivative": lambda: same(grad(lambda v: float(0.5 * np.sum((v - y) ** 2)), a[L]), y - a[L]),
    "eq:cross-entropy-derivative": lambda: same(grad(ce, p), t / p),
    "eq:delta-change": lambda: same(delta[L], (a[L] - y) * (1 - a[L])),
    "line 395.1": lambda: same(gW[L - 1], np.outer(dL @ W[L] * dsig(z[L - 1]), a[L - 1])),
    "line 405.1": lambda: same(delta[L - 1], delta[L] @ W[L - 1] * dsig(z[L - 1])),
    "eq:weight-update-last": lambda: same(gW[L], col(delta[L]) @ col(a[L]).T),
    "eq:delta-layer-update": lambda: all(same(col(delta[l - 1]), (W[l] @ col(delta[l])) * col(dsig(z[l - 1]))) for l in range(2, L + 1)),
    "line 458": lambda: all(np.isclose(grad(lambda v: ce(sm(v)), s)[i], t[i] - p[i]) for i in range(K)),
}
confirm("hmvege_backprop.tex", "hmvege_backprop_planted.tex", checks, planted)
print("OK")
