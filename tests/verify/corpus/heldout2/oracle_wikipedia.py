"""Independent NumPy oracle for wikipedia.toml / wikipedia_planted.toml (Wikipedia, "Backpropagation").

The article's conventions (wikipedia.spec.toml): matrix section z^l = W^l a^{l-1} (+ the bias, a weight of a constant
input), a^l = f^l(z^l), delta^l = dC/dz^l; derivation section w_ij from neuron i to neuron j (w_ij = W[j, i]),
net_j = sum_k w_kj o_k, E = 1/2 (t - y)^2, delta_j = dE/dnet_j. Derivatives by central finite differences; each
claim is NumPy code of what it says, for every layer / neuron its letters stand for, at random weights. A claim whose
shapes do not fit counts as incorrect. Prints OK when every hand verdict holds.
Run: python oracle_wikipedia.py   (numpy only)
"""

import numpy as np
from fdcheck import EPS, confirm, grad, same

rng = np.random.default_rng(23)
ETA, L = 0.1, 2
size = {0: 3, 1: 4, 2: 1}
W = {l: rng.normal(size=(size[l], size[l - 1])) for l in (1, 2)}
b = {l: rng.normal(size=size[l]) for l in (1, 2)}
x, t = rng.normal(size=3), rng.uniform(0, 1, 1)
phi = lambda z: 1 / (1 + np.exp(-z))
dphi = lambda z: (phi(z + EPS) - phi(z - EPS)) / (2 * EPS)


def forward(W, b, x, at=None):
    a, z = {0: x}, {}
    for l in (1, 2):
        z[l] = W[l] @ a[l - 1] + b[l]
        if at and at[0] == l and at[1] == "z":
            z[l] = at[2]
        a[l] = phi(z[l])
        if at and at[0] == l and at[1] == "a":
            a[l] = at[2]
    return a, z


C = lambda a: 0.5 * float(np.sum((t - a[L]) ** 2))
A, Z = forward(W, b, x)


delta = {l: grad(lambda v, l=l: C(forward(W, b, x, (l, "z", v))[0]), Z[l]) for l in (1, 2)}
dC_da = {l: grad(lambda v, l=l: C(forward(W, b, x, (l, "a", v))[0]), A[l]) for l in (1, 2)}
dC_dW = {l: grad(lambda v, l=l: C(forward({**W, l: v}, b, x)[0]), W[l]) for l in (1, 2)}
dC_dx = grad(lambda v: C(forward(W, b, v)[0]), x)
fp = {l: dphi(Z[l]) for l in (1, 2)}  # (f^l)'


# derivation section: w_ij = W[j, i]; neuron j of layer l (o_j = A[l][j]); "L" = the neurons of layer l+1
dE_dw = {l: dC_dW[l].T for l in (1, 2)}  # [i, j]
w_ij = {l: W[l].T for l in (1, 2)}
claims = {
    "mat-total-derivative": [(lambda: ((dC_da[2] * fp[2]) @ W[2] * fp[1]) @ W[1], lambda: dC_dx)],
    "mat-grad-x": [(lambda: W[1].T @ (fp[1] * (W[2].T @ (fp[2] * dC_da[2]))), lambda: dC_dx)],
    "mat-delta": [(lambda: fp[1] * (W[2].T @ (fp[2] * dC_da[2])), lambda: delta[1]), (lambda: fp[2] * dC_da[2], lambda: delta[2])],
    "mat-grad-W": [(lambda l=l: np.outer(delta[l], A[l - 1]), lambda l=l: dC_dW[l]) for l in (1, 2)],
    "mat-grad-WP": [(lambda l=l: delta[l] @ A[l - 1], lambda l=l: dC_dW[l]) for l in (1, 2)],
    "mat-recursion": [(lambda: fp[1] * (W[2].T @ delta[2]), lambda: delta[1])],
    "mat-recursionP": [(lambda: fp[2] * (W[2].T @ delta[2]), lambda: delta[1])],
    # net_j = sum_k w_kj o_k (+ bias input), o_j = phi(net_j), for the neurons j of both layers
    "der-net": [
        (
            lambda l=l: np.array([sum(w_ij[l][k, j] * A[l - 1][k] for k in range(size[l - 1])) + b[l][j] for j in range(size[l])]),
            lambda l=l: Z[l],
        )
        for l in (1, 2)
    ],
    "der-output": [(lambda l=l: phi(W[l] @ A[l - 1] + b[l]), lambda l=l: A[l]) for l in (1, 2)],
    "der-error": [(lambda: 0.5 * float((t - A[L]) @ (t - A[L])), lambda: C(A))],
    # chain: dE/dw_ij = dE/do_j do_j/dnet_j dnet_j/dw_ij, with dnet_j/dw_ij = o_i
    "der-chain": [(lambda l=l: np.outer(A[l - 1], dC_da[l] * fp[l]), lambda l=l: dE_dw[l]) for l in (1, 2)],
    "der-dnet-dw": [
        (
            lambda l=l: np.array(
                [[grad(lambda v: (v @ A[l - 1] + b[l])[j], W[l])[j, i] for j in range(size[l])] for i in range(size[l - 1])]
            ),
            lambda l=l: np.repeat(A[l - 1][:, None], size[l], axis=1),
        )
        for l in (1, 2)
    ],
    "der-dnet-dwP": [
        (
            lambda l=l: np.array(
                [[grad(lambda v: (v @ A[l - 1] + b[l])[j], W[l])[j, i] for j in range(size[l])] for i in range(size[l - 1])]
            ),
            lambda l=l: np.repeat(A[l][None, :], size[l - 1], axis=0),
        )
        for l in (1, 2)
    ],
    "der-do-dnet": [(lambda l=l: fp[l], lambda l=l: phi(Z[l]) * (1 - phi(Z[l]))) for l in (1, 2)],
    "der-logistic": [(lambda: dphi(np.linspace(-4, 4, 9)), lambda: phi(np.linspace(-4, 4, 9)) * (1 - phi(np.linspace(-4, 4, 9))))],
    "der-logisticP": [(lambda: dphi(np.linspace(-4, 4, 9)), lambda: 1 - phi(np.linspace(-4, 4, 9)) ** 2)],
    "der-dE-do-output": [(lambda: dC_da[2], lambda: A[2] - t)],
    "der-dE-do-outputP": [(lambda: dC_da[2], lambda: t - A[2])],
    "der-dE-do-inner": [
        (lambda: dC_da[1], lambda: np.array([sum(dC_da[2][m] * fp[2][m] * w_ij[2][j, m] for m in range(size[2])) for j in range(size[1])]))
    ],
    "der-grad": [(lambda l=l: dE_dw[l], lambda l=l: np.outer(A[l - 1], delta[l])) for l in (1, 2)],
    "der-delta": [
        (lambda: delta[2], lambda: (A[2] - t) * A[2] * (1 - A[2])),
        (lambda: delta[1], lambda: (w_ij[2] @ delta[2]) * A[1] * (1 - A[1])),
    ],
    "der-deltaP": [(lambda: delta[2], lambda: (A[2] - t) * A[2] * (1 - A[2])), (lambda: delta[1], lambda: w_ij[2] @ delta[2])],
    "der-delta-general": [(lambda: delta[2], lambda: (A[2] - t) * fp[2]), (lambda: delta[1], lambda: (w_ij[2] @ delta[2]) * fp[1])],
    "der-update": [(lambda l=l: -ETA * dE_dw[l], lambda l=l: -ETA * np.outer(A[l - 1], delta[l])) for l in (1, 2)],
    "der-updateP": [(lambda l=l: -ETA * dE_dw[l], lambda l=l: ETA * np.outer(A[l - 1], delta[l])) for l in (1, 2)],
}
confirm({cid: (lambda pairs=pairs: all(same(c(), r()) for c, r in pairs)) for cid, pairs in claims.items()})
print("OK")
