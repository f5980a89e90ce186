"""Independent NumPy oracle for eastsunrise_nn.md / eastsunrise_nn_planted.md (EastSunrise's wiki page on neural
networks, in Chinese).

The page's network (eastsunrise_nn.spec.toml): a^1 = x, z^l = W^l a^{l-1} + b^l (w^l_ji from i to j), a^l = f(z^l) with
f the sigmoid, layers 2 (hidden) and 3 = L (output), E = 1/2 sum_i (t_i - y_i)^2. Every derivative is a central
difference of E; each general-l claim is checked at every layer it applies to. Prints OK when every verdict of
MANIFEST.toml holds.
Run: python oracle_eastsunrise.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(117)
sizes = (3, 4, 2)
Ws = {2: rng.normal(size=(4, 3)), 3: rng.normal(size=(2, 4))}
bs = {2: rng.normal(size=4), 3: rng.normal(size=2)}
x, t = rng.normal(size=3), rng.uniform(0.1, 0.9, size=2)


def forward(Ws=Ws, bs=bs):
    a, z = {1: x}, {}
    for l in (2, 3):
        z[l] = Ws[l] @ a[l - 1] + bs[l]
        a[l] = sigmoid(z[l])
    return z, a


def E_of(a3):
    return float(0.5 * np.sum((t - a3) ** 2))


z, a = forward()
fp = {l: sigmoid(z[l]) * (1 - sigmoid(z[l])) for l in (2, 3)}
dW = {l: grad(lambda w, l=l: E_of(forward(Ws={**Ws, l: w})[1][3]), Ws[l]) for l in (2, 3)}
db = {l: grad(lambda v, l=l: E_of(forward(bs={**bs, l: v})[1][3]), bs[l]) for l in (2, 3)}
delta = {3: grad(lambda v: E_of(sigmoid(v)), z[3]), 2: grad(lambda v: E_of(sigmoid(Ws[3] @ sigmoid(v) + bs[3])), z[2])}
dE_da3 = grad(E_of, a[3])
zs = rng.normal(size=3)
n_out = 3  # the softmax aside: n units


def every_layer(fun):
    return all(fun(l) for l in (2, 3))


checks = {
    "line 16": lambda: every_layer(
        lambda l: same(z[l], [sum(Ws[l][j, i] * a[l - 1][i] for i in range(len(a[l - 1]))) + bs[l][j] for j in range(len(z[l]))])
    ),
    "line 24": lambda: same(z[3], Ws[3] @ a[2] + np.array([bs[3][k] for k in range(len(a[2]))])),  # THE AUTHOR'S SLIP: b_1 ... b_n
    "line 49": lambda: every_layer(lambda l: same(a[l], sigmoid(z[l]))),
    "line 59": lambda: same(sigmoid(zs), 1 / (1 + np.exp(-zs))),
    "line 80": lambda: same(
        np.exp(zs) / np.exp(zs).sum(), [np.exp(zs[j]) / sum(np.exp(zs[j]) for i in range(n_out)) for j in range(n_out)]
    ),
    "line 90": lambda: same(
        np.exp(zs) / np.exp(zs).sum(), [np.exp(zs[j] + 1) / sum(np.exp(zs[j] + 1) for i in range(n_out)) for j in range(n_out)]
    ),
    "line 168": lambda: every_layer(lambda l: same(dW[l], np.outer(delta[l], a[l - 1])) and same(db[l], delta[l])),
    "line 177": lambda: same(delta[3], dE_da3 * fp[3]),
    "line 185": lambda: same(delta[2], fp[2] * np.array([sum(delta[3][j] * Ws[3][j, i] for j in range(2)) for i in range(4)])),
    "line 193": lambda: same(delta[2], (Ws[3].T @ delta[3]) * fp[2]),
}
planted = {
    "line 16": lambda: same(z[3], [sum(Ws[3][i, j] * a[2][i] for i in range(4)) + bs[3][j] for j in range(2)]),  # w_ij: no such entries
    "line 49": lambda: same(a[3], sigmoid(z[2][:2])),  # z^{l-1}: another layer's width and values
    "line 168": lambda: same(dW[3], np.outer(delta[3], a[3])),
    "line 177": lambda: same(delta[3], dE_da3 * sigmoid(z[3])),
    "line 185": lambda: same(delta[2], fp[3][:1] * np.array([sum(delta[3][j] * Ws[3][j, i] for j in range(2)) for i in range(4)])),
    "line 193": lambda: same(delta[2], (Ws[3].T @ delta[3]) + fp[2]),
}
confirm("eastsunrise_nn.md", "eastsunrise_nn_planted.md", checks, planted)
print("OK")
