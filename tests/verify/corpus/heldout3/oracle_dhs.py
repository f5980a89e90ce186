"""Independent NumPy oracle for dhs.md / dhs_planted.md (Duda, Hart & Stork, Pattern Classification, sec. 6.3).

The book's conventions (dhs.spec.toml): w_ji from input i to hidden j and w_kj from hidden j to output k (column 0 the
bias weight on x_0 = y_0 = 1), f(net) = 1.716 tanh(2/3 net) at every unit, J = 1/2 sum_k (t_k - z_k)^2 for a pattern
and J = sum_p J_p over a batch; sensitivities delta = -dJ/dnet; Delta w = -eta dJ/dw. Every derivative is a central
difference of J; claims are checked for every unit index; a chain is right when each link equals the first. Prints
OK when every verdict of MANIFEST.toml holds.
Run: python oracle_dhs.py   (numpy only)
"""

import numpy as np
from fdcheck import EPS, confirm, grad, same

rng = np.random.default_rng(61)
D, NH, C, ETA = 3, 4, 2, 0.1
x, t = rng.normal(size=D), rng.uniform(-1, 1, size=C)
W1, W2 = rng.normal(size=(NH, D + 1)), rng.normal(size=(C, NH + 1))  # [j, i], [k, j]; column 0: the bias weight
f = lambda v: 1.716 * np.tanh(2 * v / 3)
fp = lambda v: (f(v + EPS) - f(v - EPS)) / (2 * EPS)
ext = lambda v: np.concatenate([[1.0], v])


def forward(W1=W1, W2=W2, x=x, net_j=None, y=None, net_k=None, z=None):
    net_j = W1 @ ext(x) if net_j is None else net_j
    y = f(net_j) if y is None else y
    net_k = W2 @ ext(y) if net_k is None else net_k
    z = f(net_k) if z is None else z
    return net_j, y, net_k, z


def J(t=t, **kw):
    return float(0.5 * np.sum((t - forward(**kw)[3]) ** 2))


net_j, y, net_k, z = forward()
xe, ye = ext(x), ext(y)
dW1, dW2 = grad(lambda v: J(W1=v), W1), grad(lambda v: J(W2=v), W2)
dnet_k, dnet_j, dy, dz = (grad(lambda v, k=k: J(**{k: v}), b) for k, b in (("net_k", net_k), ("net_j", net_j), ("y", y), ("z", z)))
delta_k, delta_j = -dnet_k, -dnet_j
# d net_k / d w_kj, d z_k / d y_j, d net_k / d y_j as arrays [k, j] over the hidden units j = 1..NH
dnetk_dW2 = np.array([grad(lambda v, k=k: float((v @ ye)[k]), W2)[k] for k in range(C)])  # [k, j] incl. j = 0
dz_dy = np.array([grad(lambda v, k=k: float(f(W2 @ ext(v))[k]), y) for k in range(C)])
dnetk_dy = np.array([grad(lambda v, k=k: float((W2 @ ext(v))[k]), y) for k in range(C)])
dy_dnetj = np.array([grad(lambda v, j=j: float(f(v)[j]), net_j)[j] for j in range(NH)])
dnetj_dW1 = np.array([grad(lambda v, j=j: float((v @ xe)[j]), W1)[j] for j in range(NH)])  # [j, i]
H, K, I = range(NH), range(C), range(D + 1)
# a batch of n = 4 patterns for J = sum_p J_p
Xb, Tb = rng.normal(size=(4, D)), rng.uniform(-1, 1, size=(4, C))


def chain(*links):
    return all(same(links[0], link) for link in links[1:])


checks = {
    "dhs-net-j": lambda: chain(net_j, [sum(x[i - 1] * W1[j, i] for i in range(1, D + 1)) + W1[j, 0] for j in H], [W1[j] @ xe for j in H]),
    "dhs-y-j": lambda: same(y, f(net_j)),
    "dhs-net-k": lambda: chain(net_k, [sum(y[j - 1] * W2[k, j] for j in range(1, NH + 1)) + W2[k, 0] for k in K], [W2[k] @ ye for k in K]),
    "dhs-z-k": lambda: same(z, f(net_k)),
    "dhs-J": lambda: np.isclose(J(), 0.5 * np.linalg.norm(t - z) ** 2),
    "dhs-gd": lambda: J(W1=W1 - 1e-4 * dW1, W2=W2 - 1e-4 * dW2) < J(),  # -eta dJ/dw descends
    # w(m+1) = w(m) + Delta w(m) with Delta w = -eta dJ/dw: J falls by eta |dJ/dw|^2 to first order
    "dhs-iter": lambda: np.isclose(J(W1=W1 - 1e-4 * dW1, W2=W2 - 1e-4 * dW2) - J(), -1e-4 * (np.sum(dW1**2) + np.sum(dW2**2)), rtol=1e-2),
    "dhs-chain-kj": lambda: chain(dW2[:, 1:], dnet_k[:, None] * dnetk_dW2[:, 1:], -delta_k[:, None] * dnetk_dW2[:, 1:]),
    "dhs-delta-k-def": lambda: same(delta_k, -dnet_k),
    "dhs-delta-k": lambda: chain(delta_k, -dz * fp(net_k), (t - z) * fp(net_k)),
    "dhs-dnet-dw": lambda: same(dnetk_dW2[:, 1:], np.tile(y, (C, 1))),
    "dhs-dw-kj": lambda: chain(-ETA * dW2[:, 1:], ETA * np.outer(delta_k, y), ETA * np.outer((t - z) * fp(net_k), y)),
    "dhs-chain-ji": lambda: same(dW1, (dy * dy_dnetj)[:, None] * dnetj_dW1),
    "dhs-dJ-dy": lambda: chain(
        dy,
        [-sum((t[k] - z[k]) * dz_dy[k, j] for k in K) for j in H],
        [-sum((t[k] - z[k]) * fp(net_k[k]) * dnetk_dy[k, j] for k in K) for j in H],
        [-sum((t[k] - z[k]) * fp(net_k[k]) * W2[k, j + 1] for k in K) for j in H],
    ),
    "dhs-delta-j": lambda: same(delta_j, [fp(net_j[j]) * sum(W2[k, j + 1] * delta_k[k] for k in K) for j in H]),
    "dhs-dw-ji": lambda: chain(
        -ETA * dW1[:, 1:],
        [[ETA * x[i] * delta_j[j] for i in range(D)] for j in H],
        [[ETA * sum(W2[k, j + 1] * delta_k[k] for k in K) * fp(net_j[j]) * x[i] for i in range(D)] for j in H],
    ),
    "dhs-J-batch": lambda: same(
        grad(lambda v: sum(J(W1=v, x=Xb[p], t=Tb[p]) for p in range(4)), W1),
        sum(grad(lambda v, p=p: J(W1=v, x=Xb[p], t=Tb[p]), W1) for p in range(4)),
    ),
}
planted = {
    "dhs-delta-k": lambda: chain(delta_k, -dz * fp(net_k), (z - t) * fp(net_k)),
    "dhs-dnet-dw": lambda: same(dnetk_dW2[:, 1:], np.tile(x, (C, 1))),  # 3 inputs for 4 hidden weights
    "dhs-dw-kj": lambda: chain(-ETA * dW2[:, 1:], ETA * np.outer(delta_k, y), ETA * np.outer((t - z) * f(net_k), y)),
    "dhs-dJ-dy": lambda: chain(dy, [-sum((t[k] - z[k]) * W2[k, j + 1] for k in K) for j in H]),
    "dhs-delta-j": lambda: same(delta_j, [fp(net_j[j]) * sum(W2[j, k + 1] * delta_k[k] for k in K) for j in H]),
    "dhs-dw-ji": lambda: chain(-ETA * dW1[:, 1:], [[-ETA * x[i] * delta_j[j] for i in range(D)] for j in H]),
}
confirm("dhs.md", "dhs_planted.md", checks, planted)
print("OK")
