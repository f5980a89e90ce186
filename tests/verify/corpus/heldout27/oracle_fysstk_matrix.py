"""Independent NumPy oracle for two UiO FYS-STK project reports in matrix notation -- ejhusom_fysstk_methods.tex (the
observations as ROWS: a_l = sigma(a_{l-1} W_l + b_l), the binary cross-entropy summed over the minibatch) and
schrader_softmax_regression.tex (softmax regression: z = W x + b, a = softmax(z), C^(l) = -sum_j y_j log a_j for one
data point) -- and their planted copies.

ejhusom: a 3-4-1 sigmoid network on a batch of 5 rows; delta_l = dC/dZ_l (a row per observation) by central
differences of the summed cost with Z_l taken as free, dC/dW_l, dC/db_l likewise; an update rule is checked against
W - eta dC/dW (a bias step with a row per observation is not the bias's shape). schrader: the softmax layer at random
W, b, x and a one-hot y: dC/da, the Jacobian da/dz ([j, i] = da_j/dz_i), dz/dW, dz/db and the gradients by central
differences; the update as a descent step. A check holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_fysstk_matrix.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid
from mlp import Net

rng = np.random.default_rng(2705)
ETA = 0.05
ds = lambda z: sigmoid(z) * (1 - sigmoid(z))

# ---------------------------------------------------------------- ejhusom
X = rng.normal(size=(5, 3))
Y = rng.integers(0, 2, size=(5, 1)).astype(float)
W = [None, rng.normal(size=(3, 4)), rng.normal(size=(4, 1))]
b = [None, rng.normal(size=4), rng.normal(size=1)]
bce = lambda A: float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)))


def fwd(W, b):
    A, Z = [X], [None]
    for l in (1, 2):
        Z.append(A[-1] @ W[l] + b[l])
        A.append(sigmoid(Z[-1]))
    return Z, A


Z, A = fwd(W, b)
up = {1: lambda v: bce(sigmoid(sigmoid(v) @ W[2] + b[2])), 2: lambda v: bce(sigmoid(v))}
D = [None] + [grad(up[l], Z[l]) for l in (1, 2)]
GW = [None] + [grad(lambda v, l=l: bce(fwd(Net._with(W, l, v), b)[1][-1]), W[l]) for l in (1, 2)]
Gb = [None] + [grad(lambda v, l=l: bce(fwd(W, Net._with(b, l, v))[1][-1]), b[l]) for l in (1, 2)]
dCdA = grad(bce, A[2])
ej = {
    "eq:outputerror_general": lambda: same(D[2], dCdA * ds(Z[2])),
    "line 33": lambda: same(D[1], (D[2] @ W[2].T) * ds(Z[1])),
    "line 41.1": lambda: all(same(W[l] - ETA * A[l - 1].T @ D[l], W[l] - ETA * GW[l]) for l in (1, 2)),
    "line 42.2": lambda: all(same(b[l] - ETA * D[l], b[l] - ETA * Gb[l]) for l in (1, 2)),
    "eq:outputerror": lambda: same(D[2], A[2] - Y),
}
ej_planted = {
    "line 33": lambda: same(D[1], (D[2] @ W[2]) * ds(Z[1])),
    "line 41.1": lambda: all(same(W[l] - ETA * D[l] @ A[l - 1].T, W[l] - ETA * GW[l]) for l in (1, 2)),
    "eq:outputerror": lambda: same(D[2], Y - A[2]),
}
confirm("ejhusom_fysstk_methods.tex", "ejhusom_fysstk_methods_planted.tex", ej, ej_planted)

# ---------------------------------------------------------------- schrader (softmax regression)
soft = lambda z: np.exp(z - z.max()) / np.exp(z - z.max()).sum()
Ws, bs, x = rng.normal(size=(3, 4)), rng.normal(size=3), rng.normal(size=4)
y = np.eye(3)[1]
C = lambda W, b: float(-np.sum(y * np.log(soft(W @ x + b))))
z = Ws @ x + bs
a = soft(z)
GWs, Gbs = grad(lambda v: C(v, bs), Ws), grad(lambda v: C(Ws, v), bs)
dCda = grad(lambda v: float(-np.sum(y * np.log(v))), a)
Jaz = Net._jac(soft, z)                                   # [j, i] = da_j / dz_i
Dzw = Net._jac(lambda v: v @ x + bs, Ws)                  # [i, p, q] = dz_i / dW_pq
Dzw_own = np.array([Dzw[i, i, :] for i in range(3)])      # [i, n] = dz_i / dw_{i,n}
Dzb = np.diag(Net._jac(lambda v: Ws @ x + v, bs))         # dz_i / db_i
M = np.outer(a, np.ones(3)) * (np.eye(3) - np.outer(np.ones(3), a))
ss = {
    "line 9": lambda: C(Ws - 1e-3 * GWs, bs) < C(Ws, bs) and same(GWs, GWs),
    "line 9#2": lambda: C(Ws, bs - 1e-3 * Gbs) < C(Ws, bs) and same(Gbs, Gbs),
    "backprop1": lambda: same(GWs, np.einsum("j,ji,in->in", dCda, Jaz, Dzw_own)),
    "backprop2": lambda: same(Gbs, np.einsum("j,ji,i->i", dCda, Jaz, Dzb)),
    "line 19": lambda: same(dCda, -y / a) and same(Dzw_own, np.tile(x, (3, 1))) and same(Dzb, np.ones(3)),
    "line 23": lambda: same(Jaz, M),
    "gradientb": lambda: same(Gbs, M @ (-y / a)),
}
ss_planted = {
    "backprop1": lambda: all(same(GWs, dCda[j] * Jaz[j, :, None] * Dzw_own) for j in range(3)),
    "line 19": lambda: same(dCda, y / a) and same(Dzw_own, np.tile(x, (3, 1))) and same(Dzb, np.ones(3)),
    "gradientb": lambda: same(Gbs, -y / a),
}
confirm("schrader_softmax_regression.tex", "schrader_softmax_regression_planted.tex", ss, ss_planted)
print("OK")
