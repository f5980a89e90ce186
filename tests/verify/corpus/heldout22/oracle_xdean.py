"""Independent NumPy oracle for XDean's Chinese backprop note (xdean_ann_bp.md) and its planted copy.

The note's network: sigmoid layers net_{l,j} = sum_i omega_{l,i,j} a_{l-1,i} + b_{l,j} (Omega_l[j, i] = omega_{l,i,j}),
E = sum_k (a_{L,k} - t_k)^2 / 2, here 3-4-2 (L = 2). Each claim is evaluated as written for BOTH layers (l = 1, 2)
and every i, j, and compared with central differences of E. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_xdean.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2201)
sizes = [3, 4, 2]
Om = {1: rng.normal(size=(4, 3)), 2: rng.normal(size=(2, 4))}
B = {1: rng.normal(size=4), 2: rng.normal(size=2)}
a0, t = rng.normal(size=3), rng.uniform(size=2)


def forward(Om=Om, B=B, start=0, a_start=None):
    a = {0: a0}
    if a_start is not None:
        a[start] = a_start
    net = {}
    for l in range(start + 1, 3):
        net[l] = Om[l] @ a[l - 1] + B[l]
        a[l] = sigmoid(net[l])
    return net, a


def E_of(Om_l=None, l=None, a_l=None, la=None, net_l=None, ln=None):
    O = dict(Om)
    if Om_l is not None:
        O[l] = Om_l
    if a_l is not None:
        _, a = forward(O, B, la, a_l)
        return 0.5 * float(np.sum((a[2] - t) ** 2))
    if net_l is not None:  # start from a layer's net input
        a_l2 = sigmoid(net_l)
        return E_of(a_l=a_l2, la=ln)
    _, a = forward(O, B)
    return 0.5 * float(np.sum((a[2] - t) ** 2))


net, a = forward()
dE_dOm = {l: grad(lambda v, l=l: E_of(Om_l=v, l=l), Om[l]) for l in (1, 2)}   # [j, i] = dE/d omega_{l,i,j}
dE_da = {l: grad(lambda v, l=l: E_of(a_l=v, la=l), a[l]) for l in (1, 2)}
dE_dnet = {l: grad(lambda v, l=l: E_of(net_l=v, ln=l), net[l]) for l in (1, 2)}
dnet2_da1 = np.array([grad(lambda v, k=k: float((Om[2] @ v + B[2])[k]), a[1]) for k in range(2)])  # [k, j]


def sig_slope(v):
    return sigmoid(v) * (1 - sigmoid(v))


def row1(l):  # dE/da dA/dnet dnet/domega
    return np.outer(dE_da[l] * sig_slope(net[l]), a[l - 1])


def row2(l):  # dE/da dSigmoid(a)/da a_{l-1,i}
    return np.outer(dE_da[l] * sig_slope(a[l]), a[l - 1])


def row3(l, drop_input=False):
    r = dE_da[l] * a[l] * (1 - a[l])
    return r[:, None] * np.ones((1, len(a[l - 1]))) if drop_input else np.outer(r, a[l - 1])


def every_l(f):
    return all(f(l) for l in (1, 2))


def delta_cases(with_slope=True):
    dL = (a[2] - t) * a[2] * (1 - a[2]) if with_slope else (a[2] - t)
    d1 = np.array([sum(dL[k] * Om[2][k, j] * a[1][j] * (1 - a[1][j]) for k in range(2)) for j in range(4)])
    return same(dE_dnet[2], dL) and same(dE_dnet[1], d1)


def swapped():
    return np.array([sum(dE_dnet[2][k] * Om[2][j, k] for k in range(2)) for j in range(4)])


eta = 0.1
step = {l: Om[l] - eta * dE_dOm[l] for l in (1, 2)}
confirm(
    "xdean_ann_bp.md",
    "xdean_ann_bp_planted.md",
    {
        "line 181": lambda: every_l(lambda l: same(dE_dOm[l], row1(l)) and same(dE_dOm[l], row2(l)) and same(dE_dOm[l], row3(l))),
        "line 181.1": lambda: every_l(lambda l: same(dE_dOm[l], row1(l))),
        "line 182.2": lambda: every_l(lambda l: same(dE_dOm[l], row2(l))),
        "line 183.3": lambda: every_l(lambda l: same(dE_dOm[l], row3(l))),
        "line 185.5": lambda: same(dE_da[2], a[2] - t),
        "line 187.7": lambda: same(dE_da[1], dnet2_da1.T @ dE_dnet[2]) and same(dE_da[1], Om[2].T @ dE_dnet[2]),
        "line 188.8": lambda: same(dE_da[1], dnet2_da1.T @ dE_dnet[2]),
        "line 189.9": lambda: same(dE_da[1], np.array([sum(dE_dnet[2][k] * Om[2][k, j] for k in range(2)) for j in range(4)])),
        "line 198.2": lambda: delta_cases(),
        "line 202.3": lambda: every_l(lambda l: same(step[l], Om[l] - eta * dE_dOm[l])),
    },
    {
        "line 181": lambda: every_l(lambda l: same(dE_dOm[l], row1(l)) and same(dE_dOm[l], row2(l)) and same(dE_dOm[l], row3(l, True))),
        "line 183.3": lambda: every_l(lambda l: same(dE_dOm[l], row3(l, True))),
        "line 185.5": lambda: same(dE_da[2], t - a[2]),
        # omega_{l+1,k,j} as written: the weight from a_{l,k} to a_{l+1,j}, Omega_{l+1}[j, k] -- j runs over the 4
        # hidden units but layer l + 1 has 2: no such entry (an IndexError: the check does not hold)
        "line 187.7": lambda: same(dE_da[1], dnet2_da1.T @ dE_dnet[2]) and same(dE_da[1], swapped()),
        "line 189.9": lambda: same(dE_da[1], swapped()),
        "line 198.2": lambda: delta_cases(with_slope=False),
        "line 202.3": lambda: every_l(lambda l: same(step[l], Om[l] + eta * dE_dOm[l])),
    },
)
print("OK")
