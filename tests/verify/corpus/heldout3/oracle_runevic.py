"""Independent NumPy oracle for runevic_softmax.md / runevic_softmax_planted.md (Joel Runevic's MLcpp notes).

The author's conventions (runevic_softmax.spec.toml): one example, z^{(2)} = W^{(2)} a^{(1)} + b^{(2)} with W^{(2)} out
x in, p = softmax(z^{(2)}), L(p, y) = -sum_i y_i log p_i with a one-hot y; \\delta_{i,k} is the Kronecker delta. Every
derivative is a central difference (of L, of log p_i, of the normaliser, of z); each claim is checked for every index
value (i, j, k). Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_runevic.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(11)
O, D = 3, 5
a1, W, b = rng.normal(size=D), rng.normal(size=(O, D)), rng.normal(size=O)
y = np.eye(O)[1]
kron = np.eye(O)


def zfun(W=W, b=b):
    return W @ a1 + b


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def L(z):
    return float(-np.sum(y * np.log(softmax(z))))


z = zfun()
p = softmax(z)
S = np.sum(np.exp(z))
dL_dz = grad(L, z)
dlogp = np.array([grad(lambda v, i=i: float(np.log(softmax(v)[i])), z) for i in range(O)])  # [i, k]
dS = grad(lambda v: float(np.sum(np.exp(v))), z)
dL_dW = grad(lambda v: L(zfun(W=v)), W)
dL_db = grad(lambda v: L(zfun(b=v)), b)
dz_dW = np.array([grad(lambda v, i=i: float(zfun(W=v)[i]), W) for i in range(O)])  # [i', i, j] = dz_i'/dW_ij
dz_db = np.array([grad(lambda v, i=i: float(zfun(b=v)[i]), b) for i in range(O)])  # [i, j]
I, K, J = range(O), range(O), range(D)

checks = {
    "line 15": lambda: np.isclose(L(z), -sum(y[i] * np.log(p[i]) for i in I)),
    "line 17": lambda: same(p, [np.exp(z[i]) / sum(np.exp(z[j]) for j in I) for i in I]),
    "line 21": lambda: same(np.log(p), [z[i] - np.log(sum(np.exp(z[j]) for j in I)) for i in I]),
    "line 25": lambda: same(dL_dz, [-sum(y[i] * dlogp[i, k] for i in I) for k in K]),
    "line 29": lambda: same(dlogp, [[kron[i, k] - dS[k] / S for k in K] for i in I]),
    "line 33": lambda: same(dS, [np.exp(z[k]) for k in K]),
    "line 37": lambda: (
        same(dlogp, [[kron[i, k] - np.exp(z[k]) / S for k in K] for i in I]) and same(dlogp, [[kron[i, k] - p[k] for k in K] for i in I])
    ),
    "line 41": lambda: (
        same(dL_dz, [-sum(y[i] * (kron[i, k] - p[k]) for i in I) for k in K]) and same(dL_dz, -(y - p)) and same(dL_dz, p - y)
    ),
    "line 51": lambda: same(z, [sum(W[i, j] * a1[j] for j in J) + b[i] for i in I]),
    "line 55": lambda: (
        same(dL_dW, [[sum(dL_dz[k] * dz_dW[k, i, j] for k in K) for j in J] for i in I])
        and same(dL_dW, [[dL_dz[i] * dz_dW[i, i, j] for j in J] for i in I])
    ),
    "line 59": lambda: (
        same(dL_db, [sum(dL_dz[k] * dz_db[k, j] for k in K) for j in I]) and same(dL_db, [dL_dz[j] * dz_db[j, j] for j in I])
    ),
    "line 63": lambda: same([[dz_dW[i, i, j] for j in J] for i in I], [[a1[j] for j in J] for i in I]),
    "line 67": lambda: same(dz_db, kron),
    "line 71": lambda: same(dL_db, dL_dz),
}
planted = {
    "line 17": lambda: same(p, [np.exp(z[i]) / sum(z[j] for j in I) for i in I]),
    "line 33": lambda: same(dS, [sum(np.exp(z[j]) for j in I) for k in K]),
    "line 37": lambda: (
        same(dlogp, [[kron[i, k] - np.exp(z[k]) / S for k in K] for i in I]) and same(dlogp, [[kron[i, k] - p[i] for k in K] for i in I])
    ),
    "line 41": lambda: same(dL_dz, -(y - p)) and same(dL_dz, y - p),
    "line 55": lambda: same(dL_dW, [[dL_dz[j] * dz_dW[j, i, j] for j in J] for i in I]),  # z_j for j = 4 > 3 outputs
    "line 63": lambda: same([[dz_dW[i, i, j] for j in J] for i in I], [[a1[i] for j in J] for i in I]),
}
confirm("runevic_softmax.md", "runevic_softmax_planted.md", checks, planted)
print("OK")
