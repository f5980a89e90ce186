"""Independent NumPy oracle for soliday_backprop.tex (Stephen W. Soliday's LaTeX derivation of backpropagation in
index notation: z^(l)_k = b^(l)_k + sum_j W^(l)_{k,j} a^(l-1)_j, a = sigma(z) in every layer, C = 1/2 sum_m (a^(L)_m -
y_m)^2, the error signal E^(l)_k = dC/dz^(l)_k) and its planted copy.

Every claim is checked at random weights, biases, input and target of a 3-4-3-2 sigmoid network (L = 3) by central
differences (mlp.Net): dC/dW, dC/db, dC/dz per layer, and the partial derivatives the chain writes (da^(L)_m/dW_{m,k},
dz/dW, dz/db, da^(L-1)/dW^(L-1)) as Jacobians of the forward pass; the section-3 formulas for sigma and sigma' against
the logistic function and its central-difference slope. A check holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_soliday.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid
from mlp import Net

rng = np.random.default_rng(2701)
nets = [Net(rng, [3, 4, 3, 2], ["sigmoid"] * 3, "half_sq") for _ in range(2)]
ds = lambda n, l: n.df[l](n.z[l])  # sigma'(z^(l))
L = 3


def every(check):
    return lambda: all(bool(check(n)) for n in nets)


def diag_mk(T):
    """T[i, p, q] -> [m, k] = T[m, m, k] (d x_m / d W_{m,k})."""
    return np.array([[T[m, m, k] for k in range(T.shape[2])] for m in range(T.shape[0])])


def own_row(T, rowsel):
    """T[i, p, q] for the weight row p = rowsel(i): [i, q]."""
    return np.array([T[i, rowsel(i), :] for i in range(T.shape[0])])


def out_err(n):
    return (n.a[L] - n.y) * ds(n, L)


def hidden_err(n):
    return (n.W[L].T @ out_err(n)) * ds(n, L - 1)


checks = {
    "eq:dOut1": every(lambda n: same(n.GW[L], (n.a[L] - n.y)[:, None] * diag_mk(n.da_dW(L, L)))),
    "eq:dOut2": every(lambda n: same(diag_mk(n.da_dW(L, L)), ds(n, L)[:, None] * diag_mk(n.dz_dW(L, L)))),
    "eq:dOut3": every(lambda n: same(diag_mk(n.dz_dW(L, L)), np.tile(n.a[L - 1], (2, 1)))),
    "eq:dWL": every(lambda n: same(n.GW[L], np.outer(out_err(n), n.a[L - 1]))),
    "eq:dbpart": every(lambda n: same(n.Gb[L], n.dCda * ds(n, L) * np.diag(n.dz_db(L, L)))),
    "eq:dbone": every(lambda n: same(np.diag(n.dz_db(L, L)), np.ones(2))),
    "eq:dbL": every(lambda n: same(n.Gb[L], out_err(n))),
    "eq:dL": every(lambda n: same(n.GW[L], np.outer(out_err(n), n.a[L - 1])) and same(n.Gb[L], out_err(n))),
    # hidden layer L-1: d/dW^(L-1)_{k,j}; arrays [m, k, j] over the output m
    "eq:dCda": every(lambda n: same(n.GW[L - 1], np.einsum("m,mkj->kj", n.a[L] - n.y, n.da_dW(L - 1, L)))),
    "eq:dadz": every(lambda n: same(n.da_dW(L - 1, L), ds(n, L)[:, None, None] * n.dz_dW(L - 1, L))),
    "eq:dadW": every(lambda n: same(n.dz_dW(L - 1, L),
                                    n.W[L][:, :, None] * np.array([own_row(n.da_dW(L - 1, L - 1), lambda k: k)])[0][None, :, :])),
    "eq:dadz2": every(lambda n: same(own_row(n.da_dW(L - 1, L - 1), lambda k: k),
                                     ds(n, L - 1)[:, None] * own_row(n.dz_dW(L - 1, L - 1), lambda k: k))),
    "eq:dzdW2": every(lambda n: same(own_row(n.dz_dW(L - 1, L - 1), lambda k: k), np.tile(n.a[L - 2], (3, 1)))),
    "eq:hidden": every(lambda n: same(n.GW[L - 1], np.outer(hidden_err(n), n.a[L - 2])) and same(n.Gb[L - 1], hidden_err(n))),
    "eq:backward": every(lambda n: all(same(n.GW[l], np.outer(n.E[l], n.a[l - 1])) and same(n.Gb[l], n.E[l]) for l in (1, 2, 3))),
    "eq:errorlast": every(lambda n: same(n.E[L], out_err(n))),
    "eq:error": every(lambda n: all(same(n.E[l], (n.W[l + 1].T @ n.E[l + 1]) * ds(n, l)) for l in (1, 2))),
}
Z = rng.normal(size=5) * 2
slope = np.array([grad(lambda v: float(sigmoid(v[0])), np.array([z]))[0] for z in Z])
checks["line 495"] = lambda: same(sigmoid(Z), 1 / (1 - np.exp(-Z)))
checks["line 517"] = lambda: same(slope, -np.exp(-1) / (1 - np.exp(-Z)) ** 2)
checks["line 523"] = lambda: same(slope, sigmoid(Z) * (1 - sigmoid(Z)))

planted = {
    "eq:dOut3": every(lambda n: same(diag_mk(n.dz_dW(L, L)), np.tile(n.a[L - 1][:2], (3, 1)).T[:, :3])),
    "eq:dbL": every(lambda n: same(n.Gb[L], (n.a[L] - n.y) * sigmoid(n.z[L]))),
    "eq:errorlast": every(lambda n: same(n.E[L], (n.y - n.a[L]) * ds(n, L))),
    "eq:error": every(lambda n: all(same(n.E[l], (n.W[l + 1] @ n.E[l + 1]) * ds(n, l)) for l in (1, 2))),
}
confirm("soliday_backprop.tex", "soliday_backprop_planted.tex", checks, planted)
print("OK")
