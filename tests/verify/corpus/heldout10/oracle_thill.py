"""Independent NumPy oracle for thill_backprop.md / thill_backprop_planted.md (Markus Thill, "Yet another Neural
Networks Introduction: Feed Forward Networks and the Backpropagation Algorithm").

The post's network (thill_backprop.spec.toml): column vectors, a batch X (3 x N) stacked column-wise,
Z^{(l)} = W^{(l)} A^{(l-1)} + b^{(l)} 1^T, A^{(l)} = sigma(Z^{(l)}) in every layer, L_n = 1/2 ||y_n^* - yhat_n||^2,
J = 1/N sum_n L_n. Each claim's right-hand side is computed as written (otimes the Hadamard product) and compared with
central differences of L_n (single-example claims, every example) or of J (batch claims), generic-l claims for every
layer they apply to. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_thill.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(1779)
N, d = 4, (3, 4, 3, 2)
Lyr = 3
X = rng.normal(size=(d[0], N))
Ystar = rng.random(size=(d[3], N))
P = {f"W{l}": rng.normal(size=(d[l], d[l - 1])) for l in (1, 2, 3)} | {f"b{l}": rng.normal(size=(d[l], 1)) for l in (1, 2, 3)}
eta = 0.1
one = np.ones((N, 1))
dsig = lambda v: sigmoid(v) * (1 - sigmoid(v))  # noqa: E731


def forward(p=P, X=X, start=None, value=None):
    Z, A = {}, {0: X}
    for l in (1, 2, 3):
        Z[l] = value if start == l else p[f"W{l}"] @ A[l - 1] + p[f"b{l}"]
        A[l] = sigmoid(Z[l])
    return Z, A


def losses(p=P, X=X, Y=Ystar, start=None, value=None):
    """L_n of every example (a row of N numbers)."""
    A = forward(p, X, start, value)[1][Lyr]
    return 0.5 * np.sum((Y - A) ** 2, axis=0)


def cost(p=P, start=None, value=None):
    return float(losses(p, start=start, value=value).mean())


Z, A = forward()
W, b = {l: P[f"W{l}"] for l in (1, 2, 3)}, {l: P[f"b{l}"] for l in (1, 2, 3)}
gW = {l: grad(lambda v, l=l: cost({**P, f"W{l}": v}), W[l]) for l in (1, 2, 3)}
gb = {l: grad(lambda v, l=l: cost({**P, f"b{l}": v}), b[l]) for l in (1, 2, 3)}
# per-example quantities of example n (its own loss L_n): delta_n^{(l)} = dL_n/dz_n^{(l)}, dL_n/dW^{(l)}, dL_n/db^{(l)}
ex = [(X[:, [n]], Ystar[:, [n]]) for n in range(N)]


def loss_n(n, p=P, start=None, value=None):
    return float(losses(p, *ex[n], start=start, value=value)[0])


def zs(n):
    return forward(P, ex[n][0])


delta = {(n, l): grad(lambda v, n=n, l=l: loss_n(n, start=l, value=v), zs(n)[0][l]) for n in range(N) for l in (1, 2, 3)}
gWn = {(n, l): grad(lambda v, n=n, l=l: loss_n(n, {**P, f"W{l}": v}), W[l]) for n in range(N) for l in (1, 2, 3)}
gbn = {(n, l): grad(lambda v, n=n, l=l: loss_n(n, {**P, f"b{l}": v}), b[l]) for n in range(N) for l in (1, 2, 3)}
Delta = {l: np.hstack([delta[(n, l)] for n in range(N)]) for l in (1, 2, 3)}
every = [(n, l) for n in range(N) for l in (1, 2, 3)]
hidden = [(n, l) for n in range(N) for l in (1, 2)]  # layers with a layer l+1


def comp(fn, pairs=every, rows=lambda l: range(d[l]), cols=lambda l: range(d[l - 1])):
    return all(fn(n, l, i, j) for n, l in pairs for i in rows(l) for j in cols(l))


def dz_next(n, l, k, i, arg):
    """d z_k^{(l+1)} / d z_i^{(l)} of example n by central differences against w_{k,i} sigma'(arg)."""
    z = zs(n)[0][l]
    e = np.zeros_like(z)
    e[i] = 1e-6
    fd = ((W[l + 1] @ sigmoid(z + e))[k] - (W[l + 1] @ sigmoid(z - e))[k]) / 2e-6
    return np.isclose(fd[0], W[l + 1][k, i] * arg, rtol=1e-5, atol=1e-9)


def dz_dw(n, l, i, j):
    """d z_i^{(l)} / d w_{i,j}^{(l)} of example n by central differences."""
    e = np.zeros_like(W[l])
    e[i, j] = 1e-6
    return (((W[l] + e) @ ex_a(n, l - 1))[i, 0] - ((W[l] - e) @ ex_a(n, l - 1))[i, 0]) / 2e-6


def ex_z(n, l):
    return zs(n)[0][l]


def ex_a(n, l):
    return zs(n)[1][l]


def bce_delta_L(sign=1):
    """The remark: with a binary cross-entropy and sigmoid outputs, dL/dz^{(L)} = a^{(L)} - y^* (targets in [0, 1])."""
    bce = lambda v, t: float(-np.sum(t * np.log(sigmoid(v)) + (1 - t) * np.log(1 - sigmoid(v))))  # noqa: E731
    return all(same(grad(lambda v, n=n: bce(v, ex[n][1]), ex_z(n, Lyr)), sign * (ex_a(n, Lyr) - ex[n][1])) for n in range(N))


ones_sum = lambda M: M @ one  # noqa: E731
checks = {
    "line 197": lambda: same(losses(), 0.5 * np.linalg.norm(Ystar - A[Lyr], axis=0) ** 2),
    "line 202": lambda: all(same(ex_a(n, Lyr), A[Lyr][:, [n]]) for n in range(N)),
    "eq:mse": lambda: np.isclose(cost(), np.mean([0.5 * np.sum((Ystar[:, n] - A[Lyr][:, n]) ** 2) for n in range(N)])),
    "line 231": lambda: all(same(A[l], sigmoid(Z[l])) for l in (1, 2, 3)),
    "line 262": lambda: np.isclose(cost(), losses().sum() / N),
    "line 268": lambda: all(
        same(gW[l], sum(gWn[(n, l)] for n in range(N)) / N) and same(gb[l], sum(gbn[(n, l)] for n in range(N)) / N) for l in (1, 2, 3)
    ),
    "eq:partial1": lambda: comp(
        lambda n, l, i, j: np.isclose(gWn[(n, l)][i, j], delta[(n, l)][i, 0] * ex_a(n, l - 1)[j, 0], rtol=1e-5, atol=1e-9)
    ),
    "line 296": lambda: comp(
        lambda n, l, i, j: np.isclose(ex_z(n, l)[i, 0], W[l][i, :] @ ex_a(n, l - 1)[:, 0] + b[l][i, 0]), cols=lambda l: [0]
    ),
    "eq:partial2": lambda: comp(lambda n, l, i, j: np.isclose(dz_dw(n, l, i, j), ex_a(n, l - 1)[j, 0])),
    "line 325": lambda: np.isclose(((b[1] + 1e-6) - (b[1] - 1e-6))[0, 0] / 2e-6, 1.0),
    "eq:chainrule3": lambda: all(same(delta[(n, l)], W[l + 1].T @ delta[(n, l + 1)] * dsig(ex_z(n, l))) for n, l in hidden),
    "line 392": lambda: all(same(ex_z(n, l + 1), W[l + 1] @ sigmoid(ex_z(n, l)) + b[l + 1]) for n, l in hidden),
    "line 400": lambda: comp(
        lambda n, l, k, i: dz_next(n, l, k, i, dsig(ex_z(n, l)[i, 0])), hidden, rows=lambda l: range(d[l + 1]), cols=lambda l: range(d[l])
    ),
    "eq:backprop-recursion": lambda: all(
        np.isclose(
            delta[(n, l)][i, 0], dsig(ex_z(n, l)[i, 0]) * sum(W[l + 1][k, i] * delta[(n, l + 1)][k, 0] for k in range(d[l + 1])), rtol=1e-5
        )
        for n, l in hidden
        for i in range(d[l])
    ),
    "line 530": lambda: all(
        same(W[l + 1].T @ delta[(n, l + 1)], sum(W[l + 1][[k], :].T * delta[(n, l + 1)][k, 0] for k in range(d[l + 1]))) for n, l in hidden
    ),
    "line 538": lambda: all(
        np.isclose((W[l + 1].T @ delta[(n, l + 1)])[i, 0], sum(W[l + 1][k, i] * delta[(n, l + 1)][k, 0] for k in range(d[l + 1])))
        for n, l in hidden
        for i in range(d[l])
    ),
    "eq:chainrule8": lambda: all(same(delta[(n, l)], (W[l + 1].T @ delta[(n, l + 1)]) * dsig(ex_z(n, l))) for n, l in hidden),
    "eq:finalbackprop2": lambda: all(same(gWn[(n, l)], delta[(n, l)] @ ex_a(n, l - 1).T) for n, l in every),
    "line 657": lambda: all(
        np.isclose((delta[(n, l)] @ ex_a(n, l - 1).T)[i, j], delta[(n, l)][i, 0] * ex_a(n, l - 1)[j, 0])
        for n, l in every
        for i in range(d[l])
        for j in range(d[l - 1])
    ),
    "eq:finalbackprop2_b": lambda: all(same(gbn[(n, l)], delta[(n, l)]) for n, l in every),
    "eq:matrixBackprop": lambda: all(same(Delta[l], (W[l + 1].T @ Delta[l + 1]) * dsig(Z[l])) for l in (1, 2)),
    "eq:J_W_ell": lambda: all(same(gW[l], Delta[l] @ A[l - 1].T / N) for l in (1, 2, 3)),
    "eq:J_b_ell": lambda: all(same(gb[l], ones_sum(Delta[l]) / N) for l in (1, 2, 3)),
    "line 887": lambda: all(same(Delta[l] @ A[l - 1].T, sum(Delta[l][:, [n]] @ A[l - 1][:, [n]].T for n in range(N))) for l in (1, 2, 3)),
    "line 911": lambda: all(
        same(gW[l], Delta[l] @ A[l - 1].T / N) and same(gW[l], sum(delta[(n, l)] @ ex_a(n, l - 1).T for n in range(N)) / N)
        for l in (1, 2, 3)
    ),
    "line 942": lambda: all(same(ones_sum(Delta[l]), sum(delta[(n, l)] for n in range(N))) for l in (1, 2, 3)),
    "line 962": lambda: all(
        same(gb[l], ones_sum(Delta[l]) / N) and same(gb[l], sum(delta[(n, l)] for n in range(N)) / N) for l in (1, 2, 3)
    ),
    "eq:gd-update_1": lambda: all(same(W[l] - eta * gW[l], W[l] - eta * Delta[l] @ A[l - 1].T / N) for l in (1, 2, 3)),
    "eq:gd-update": lambda: all(same(b[l] - eta * gb[l], b[l] - eta * ones_sum(Delta[l]) / N) for l in (1, 2, 3)),
    "eq:gd-update-batch": lambda: all(
        same(W[l] - eta * gW[l], W[l] - eta / N * Delta[l] @ A[l - 1].T) and same(b[l] - eta * gb[l], b[l] - eta / N * ones_sum(Delta[l]))
        for l in (1, 2, 3)
    ),
    "line 1070": lambda: all(
        same(delta[(n, Lyr)], grad(lambda v, n=n: float(np.sum(0.5 * (ex[n][1] - sigmoid(v)) ** 2)), ex_z(n, Lyr))) for n in range(N)
    ),
    "line 1074": lambda: all(same(delta[(n, Lyr)], -(ex[n][1] - sigmoid(ex_z(n, Lyr))) * dsig(ex_z(n, Lyr))) for n in range(N)),
    "line 1076": lambda: all(same(delta[(n, Lyr)], (ex_a(n, Lyr) - ex[n][1]) * dsig(ex_z(n, Lyr))) for n in range(N)),
    "line 1094": lambda: bce_delta_L(),
    "line 1141": lambda: same(Delta[Lyr], (A[Lyr] - Ystar) * dsig(Z[Lyr])),
    "line 1223": lambda: all(same(Delta[l], (W[l + 1].T @ Delta[l + 1]) * dsig(Z[l])) for l in (1, 2)),
    "line 1254": lambda: all(same(gb[l], ones_sum(Delta[l]) / N) for l in (1, 2, 3)),
}
same_as = {
    "line 313": "eq:partial1",
    "eq:partial3": "eq:partial1",
    "line 573.1": "eq:partial1",
    "eq:finalbackprop": "eq:partial1",
    "line 332": "eq:finalbackprop2_b",
    "eq:partial3_b": "eq:finalbackprop2_b",
    "line 575.2": "eq:finalbackprop2_b",
    "eq:finalbackprop_b": "eq:finalbackprop2_b",
    "eq:chainrule4": "eq:backprop-recursion",
    "line 979": "line 262",
    "line 1238": "line 262",
    "line 1005.1": "eq:J_W_ell",
    "line 1008.2": "eq:J_b_ell",
    "eq:chainrule5": "line 1076",
    "line 1211": "line 1141",
    "line 1244": "eq:J_W_ell",
    "line 1270.1": "eq:gd-update_1",
    "line 1271.2": "eq:gd-update",
}
checks |= {cid: checks[ref] for cid, ref in same_as.items()}
# the delta^{(L)} chain from line 1068 is one claim (its rows joined by &= after \\[4pt]): every link must hold
rows_1068 = {k: checks.pop(k) for k in ("line 1070", "line 1074", "line 1076")}
checks["line 1069"] = lambda: all(holds_row() for holds_row in rows_1068.values())
checks["line 602"] = lambda: checks["eq:partial1"]() and checks["eq:finalbackprop2_b"]()
planted = {
    "line 197": lambda: same(losses(), 0.5 * np.linalg.norm(Ystar - A[Lyr], axis=0)),
    "eq:partial2": lambda: comp(lambda n, l, i, j: np.isclose(dz_dw(n, l, i, j), ex_a(n, l)[j, 0])),
    "line 325": lambda: np.allclose(np.ones_like(b[1]), b[1]),
    "line 400": lambda: comp(
        lambda n, l, k, i: dz_next(n, l, k, i, dsig(ex_z(n, l + 1)[k, 0])),
        hidden,
        rows=lambda l: range(d[l + 1]),
        cols=lambda l: range(d[l]),
    ),
    "eq:chainrule4": lambda: all(
        np.isclose(
            delta[(n, l)][i, 0],
            sigmoid(ex_z(n, l)[i, 0]) * sum(W[l + 1][k, i] * delta[(n, l + 1)][k, 0] for k in range(d[l + 1])),
            rtol=1e-5,
        )
        for n, l in hidden
        for i in range(d[l])
    ),
    "eq:chainrule8": lambda: all(same(delta[(n, l)], (W[l + 1] @ delta[(n, l + 1)]) * dsig(ex_z(n, l))) for n, l in hidden),
    "eq:finalbackprop2": lambda: all(same(gWn[(n, l)], ex_a(n, l - 1) @ delta[(n, l)].T) for n, l in every),
    "eq:J_W_ell": lambda: all(same(gW[l], Delta[l] @ A[l - 1].T) for l in (1, 2, 3)),
    "line 962": lambda: all(same(gb[l], sum(ex_a(n, l) for n in range(N)) / N) for l in (1, 2, 3)),
    "eq:gd-update": lambda: all(same(b[l] - eta * gb[l], b[l] + eta * ones_sum(Delta[l]) / N) for l in (1, 2, 3)),
    "line 1069": lambda: rows_1068["line 1070"]() and rows_1068["line 1076"]() and all(  # link 4: the sign dropped
        same(delta[(n, Lyr)], (ex[n][1] - sigmoid(ex_z(n, Lyr))) * dsig(ex_z(n, Lyr))) for n in range(N)
    ),
    "line 1094": lambda: bce_delta_L(sign=-1),
    "line 1223": lambda: all(same(Delta[l], (W[l + 1].T @ Delta[l + 1]) * dsig(Z[l + 1])) for l in (1, 2)),
    "line 1254": lambda: all(same(gb[l], Delta[l].T @ one / N) for l in (1, 2, 3)),
}
confirm("thill_backprop.md", "thill_backprop_planted.md", checks, planted)
print("OK")
