"""Independent NumPy oracle for five UiO FYS-STK4155 project reports and notes written in index or vector notation with
the weight w_ij from node j to node i (z^l = W^l a^{l-1} + b^l) -- hkve_fysstk_backprop.tex, joaogci_back_prop.tex,
alpsjur_fysstk_theory.tex, nicholaskarlsen_nn_indices.tex, liseanh_report2_backprop.tex -- and their planted copies.

Every claim is checked at random weights, biases, inputs and targets of a small network (mlp.Net: sigmoid layers; an
identity output and 1/2 sum (a - y)^2 for hkve, sigmoid outputs and 1/2 sum (a - y)^2 for joaogci, a sigmoid output
and the binary cross-entropy for alpsjur, an identity output and 1/2 sum (a - y)^2 for nicholaskarlsen and
liseanh) by central differences: dC/dW, dC/db, delta^l = dC/dz^l and the Jacobians dz^{l+1}/dz^l, dz/dW, dz/db the
chains write; joaogci's batch formulas on a batch of columns with the cost summed over
the points. A literal reading throughout: a sum over j of a summand in i is the summand times the number of terms,
for each i. A check holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_fysstk_index.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same
from mlp import Net

rng = np.random.default_rng(2704)


def every(nets, check):
    return lambda: all(bool(check(n)) for n in nets)


ds = lambda n, l: n.df[l](n.z[l])

# ---------------------------------------------------------------- hkve (L = 3: sigmoid, sigmoid, identity)
H = [Net(rng, [3, 4, 3, 2], ["sigmoid", "sigmoid", "identity"], "half_sq") for _ in range(2)]
L = 3
hk = {
    "line 34": every(H, lambda n: all(same(n.z[l], n.W[l].T @ n.a[l - 1] + n.b[l]) for l in (1, 2, 3))),
    "line 48": every(H, lambda n: same(n.Gb[L], n.E[L]) and same(np.diag(n.dz_db(L, L)), np.ones(2))),
    "line 52": every(H, lambda n: same(n.GW[L], np.outer(n.E[L], n.a[L - 1]))),
    "line 56": every(H, lambda n: same(n.E[L], n.dCda * ds(n, L))),
    "line 63": every(H, lambda n: all(same(n.E[l], n.dzz(l + 1, l).T @ n.E[l + 1]) for l in (1, 2))),
    "line 67": every(H, lambda n: all(all(same(n.z[l + 1], len(n.a[l]) * n.W[l + 1][:, i] * n.a[l][i] + n.b[l + 1])
                                          for i in range(len(n.a[l]))) for l in (1, 2))),
    "line 70": every(H, lambda n: all(same(n.E[l], (n.W[l + 1].T @ n.E[l + 1]) * ds(n, l)) for l in (1, 2))),
    "line 73": every(H, lambda n: all(same(n.Gb[L], n.E[l]) and same(n.GW[L], np.outer(n.E[l], n.a[l - 1])) for l in (1, 2))),
}
hk_planted = {
    "line 52": every(H, lambda n: same(n.GW[L], np.outer(n.a[L - 1], n.E[L]))),
    "line 56": every(H, lambda n: same(n.E[L], n.dCda * n.f[L](n.z[L]))),
    "line 70": every(H, lambda n: all(same(n.E[l], (n.W[l + 1] @ n.E[l + 1]) * ds(n, l)) for l in (1, 2))),
}
confirm("hkve_fysstk_backprop.tex", "hkve_fysstk_backprop_planted.tex", hk, hk_planted)

# ---------------------------------------------------------------- joaogci (L = 3, sigmoid everywhere)
J = [Net(rng, [3, 4, 3, 2], ["sigmoid"] * 3, "half_sq") for _ in range(2)]
NPTS = 4
for n in J:
    n.X = rng.normal(size=(3, NPTS))                                  # the data points as columns
    n.Y = rng.uniform(0.1, 0.9, size=(2, NPTS))

    def batch_cost(W, b, n=n):
        return sum(n.loss(n.forward(W, b, n.X[:, i])[1][-1], n.Y[:, i]) for i in range(NPTS))

    n.GWb = [None] + [grad(lambda v, l=l, n=n: batch_cost(n._with(n.W, l, v), n.b), n.W[l]) for l in (1, 2, 3)]
    n.Gbb = [None] + [grad(lambda v, l=l, n=n: batch_cost(n.W, n._with(n.b, l, v)), n.b[l]) for l in (1, 2, 3)]
    cols = []
    for i in range(NPTS):                                             # each point's delta^l and a^(l-1) as columns
        p = Net.__new__(Net)
        p.__dict__.update(n.__dict__)
        p.x, p.y = n.X[:, i], n.Y[:, i]
        p.z, p.a = p.forward(p.W, p.b)
        p.E = [None] + [grad(lambda v, l=l, p=p: p.loss(p.up_from(l, v), p.y), p.z[l]) for l in (1, 2, 3)]
        cols.append(p)
    n.Eb = [None] + [np.stack([p.E[l] for p in cols], axis=1) for l in (1, 2, 3)]
    n.Ab = [np.stack([p.a[l] for p in cols], axis=1) for l in (0, 1, 2, 3)]
    n.Ck = np.diag(n.a[L] - n.y)                                      # [k, i] = dC_k/da_i for C_k = 1/2 (a_k - y_k)^2
jo = {
    "eq:backprop1": every(J, lambda n: all(same(n.E[L][j], n.dCda[j] * ds(n, L)[i]) for j in range(2) for i in range(2))),
    "eq:backprop3": every(J, lambda n: all(same(n.Gb[l], n.E[l]) for l in (1, 2, 3))),
    "eq:backprop4": every(J, lambda n: all(same(n.GW[l], np.outer(n.E[l], n.a[l - 1])) for l in (1, 2, 3))),
    "line 20": every(J, lambda n: same(n.E[L], np.diag(n.Ck) @ np.diag(ds(n, L)))
                     and same(n.E[L], np.diag(n.Ck) * ds(n, L)) and same(n.E[L], ds(n, L) * n.Ck.sum(0))
                     and same(n.E[L], n.dCda * ds(n, L))),
    "line 26": every(J, lambda n: all(same(n.dzz(l, l - 1), n.W[l] * ds(n, l - 1)[None, :]) for l in (2, 3))),
    "line 32": every(J, lambda n: same(n.E[L - 1], n.dzz(L, L - 1).T @ n.E[L])
                     and same(n.E[L - 1], (n.W[L].T @ n.E[L]) * ds(n, L - 1))),
    "line 37.2": every(J, lambda n: same(n.E[L - 1], n.E[L] @ (n.W[L] * ds(n, L - 1)[None, :]))),
    "line 39.3": every(J, lambda n: same(n.E[L - 1], (n.W[L].T @ n.E[L]) * ds(n, L - 1))),
    "line 71": every(J, lambda n: all(same(n.Gb[l], n.dz_db(l, l).T @ n.E[l]) and same(n.Gb[l], n.E[l]) for l in (1, 2, 3))),
    "line 79": every(J, lambda n: all(same(n.GW[l], np.einsum("k,kij->ij", n.E[l], n.dz_dW(l, l)))
                                      and same(n.GW[l], np.outer(n.E[l], n.a[l - 1])) for l in (1, 2, 3))),
    "line 83.1": every(J, lambda n: same(n.E[L], n.dCda * ds(n, L))),
    "line 85.2": every(J, lambda n: all(same(n.E[l], ds(n, l) * (n.W[l + 1].T @ n.E[l + 1])) for l in (1, 2))),
    "line 87.3": every(J, lambda n: all(same(n.Gb[l], n.E[l]) for l in (1, 2, 3))),
    "line 89.4": every(J, lambda n: all(same(n.GW[l], np.outer(n.E[l], n.a[l - 1])) for l in (1, 2, 3))),
    "line 101": every(J, lambda n: all(same(n.Gbb[l], n.Eb[l].sum(1)) and same(n.GWb[l], n.Eb[l] @ n.Ab[l - 1].T)
                                       for l in (1, 2, 3))),
}
jo_planted = {
    "eq:backprop4": every(J, lambda n: all(same(n.GW[l], np.outer(n.a[l - 1], n.E[l])) for l in (1, 2, 3))),
    "line 85.2": every(J, lambda n: all(same(n.E[l], n.f[l](n.z[l]) * (n.W[l + 1].T @ n.E[l + 1])) for l in (1, 2))),
    "line 89.4": every(J, lambda n: all(same(n.GW[l], n.a[l - 1] @ n.E[l]) for l in (1, 2, 3))),
    "line 101": every(J, lambda n: all(same(n.Gbb[l], n.Eb[l][:, i]) for l in (1, 2, 3) for i in range(NPTS))),
}
jo["line 20.1"] = jo["line 22.2"] = jo["line 20"]
jo["line 32.1"] = every(J, lambda n: same(n.E[L - 1], n.dzz(L, L - 1).T @ n.E[L]))
confirm("joaogci_back_prop.tex", "joaogci_back_prop_planted.tex", jo, jo_planted)

# ---------------------------------------------------------------- alpsjur (sigmoid everywhere, binary cross-entropy)
A = [Net(rng, [3, 4, 3, 1], ["sigmoid"] * 3, "bce") for _ in range(2)]
al = {
    "eq:backprop": every(A, lambda n: same(n.E[L], n.dCda * ds(n, L))),
    "eq:backprop.2": every(A, lambda n: all(same(n.E[l], (n.W[l + 1].T @ n.E[l + 1]) * ds(n, l)) for l in (1, 2))),
    "eq:backprop.3": every(A, lambda n: all(same(n.Gb[l], n.E[l]) for l in (1, 2, 3))),
    "eq:backprop.4": every(A, lambda n: all(same(n.GW[l], np.outer(n.E[l], n.a[l - 1])) for l in (1, 2, 3))),
    "line 24": every(A, lambda n: same(n.E[L], n.a[L] - n.y)),
    "line 33": every(A, lambda n: same(n.Gb[L], n.E[L])),
    "line 34": every(A, lambda n: same(n.GW[L], np.outer(n.E[L], n.a[L - 1]))),
    "line 37": every(A, lambda n: all(same(n.Gb[l], n.E[l]) for l in (1, 2))),
    "line 38": every(A, lambda n: all(same(n.GW[l], np.outer(n.E[l], n.a[l - 1])) for l in (1, 2))),
}
al_planted = {
    "eq:backprop.2": every(A, lambda n: all(same(n.E[l], (n.W[l + 1] @ n.E[l + 1]) * ds(n, l)) for l in (1, 2))),
    "line 24": every(A, lambda n: same(n.E[L], n.y - n.a[L])),
    "line 38": every(A, lambda n: all(same(n.GW[l], np.outer(n.E[l], n.a[l])) for l in (1, 2))),
}
confirm("alpsjur_fysstk_theory.tex", "alpsjur_fysstk_theory_planted.tex", al, al_planted)

# ---------------------------------------------------------------- nicholaskarlsen (sigmoid, sigmoid, identity output)
K = [Net(rng, [3, 4, 3, 2], ["sigmoid", "sigmoid", "identity"], "half_sq") for _ in range(2)]
nk = {
    "line 38": every(K, lambda n: same(n.E[L], n.dCda * ds(n, L))),
    "line 42": every(K, lambda n: all(same(n.E[l], (n.W[l + 1].T @ n.E[l + 1]) * ds(n, l)) for l in (1, 2))),
    "line 50.1": every(K, lambda n: all(same(n.GW[l], np.outer(n.E[l], n.a[l - 1])) for l in (1, 2, 3))),
    "line 51.2": every(K, lambda n: all(same(n.Gb[l], n.E[l]) for l in (1, 2, 3))),
    # one row m of the batch is one example; layers l = 2, ..., L
    "line 89.1": every(K, lambda n: all(same(n.z[l], n.W[l] @ n.a[l - 1] + n.b[L]) for l in (2, 3))),
    "line 90.2": every(K, lambda n: all(same(n.a[l], n.f[l](n.z[L])) for l in (2, 3))),
    "line 102": every(K, lambda n: all(same(n.E[l], n.W[l + 1].T @ n.E[l + 1]) for l in (1, 2))),
    "line 105": every(K, lambda n: all(same(n.E[l], n.E[l + 1] @ n.W[l + 1]) for l in (1, 2))),
}
nk_planted = {
    "line 38": every(K, lambda n: same(n.E[L], n.dCda * n.f[L](n.z[L]))),
    "line 42": every(K, lambda n: all(same(n.E[l], (n.W[l + 1] @ n.E[l + 1]) * ds(n, l)) for l in (1, 2))),
    "line 50.1": every(K, lambda n: all(same(n.GW[l], np.outer(n.a[l - 1], n.E[l])) for l in (1, 2, 3))),
}
confirm("nicholaskarlsen_nn_indices.tex", "nicholaskarlsen_nn_indices_planted.tex", nk, nk_planted)

# ---------------------------------------------------------------- liseanh (sigmoid hidden layer, identity output)
S = [Net(rng, [3, 4, 2], ["sigmoid", "identity"], "half_sq") for _ in range(2)]
zs = rng.normal(size=5) * 2
slope = np.array([grad(lambda v: float(1 / (1 + np.exp(-v[0]))), np.array([s]))[0] for s in zs])
ls = {
    "eq:delta_j^L": every(S, lambda n: same(n.E[2], ds(n, 2) * n.dCda)),
    "line 17.2": every(S, lambda n: same(n.Gb[2], n.E[2])),
    "line 25.2": every(S, lambda n: same(n.Gb[1], n.E[1])),
    "eq:df/dz": lambda: same(slope, np.exp(-zs) / (1 + np.exp(-zs)) ** 2),
    "eq:dC/da_NN^R": every(S, lambda n: same(n.dCda, n.y - n.a[2])),
}
ls_planted = {
    "eq:delta_j^L": every(S, lambda n: same(n.E[2], n.f[2](n.z[2]) * n.dCda)),
    "line 25.2": every(S, lambda n: same(n.Gb[1], n.E[2])),
    "eq:df/dz": lambda: same(slope, np.exp(-zs) / (1 + np.exp(-zs))),
}
confirm("liseanh_report2_backprop.tex", "liseanh_report2_backprop_planted.tex", ls, ls_planted)
print("OK")
