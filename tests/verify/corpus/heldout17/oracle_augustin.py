"""Independent NumPy oracle for augustin_tipe.md / augustin_tipe_planted.md (a French TIPE student's notes on the
backward pass of a softmax layer with the squared error, a dense layer, 2x2 average pooling and a convolution).

Each section's setup at random values; every derivative by central differences of the section's own E. Prints OK when
every verdict of MANIFEST.toml holds. Run: python oracle_augustin.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same

rng = np.random.default_rng(64)
softmax = lambda t: np.exp(t - t.max()) / np.sum(np.exp(t - t.max()))  # noqa: E731
# 1. softmax and E = 1/2 sum (l - o)^2, a = z + b
zpre, bias, o = rng.normal(size=3), rng.normal(size=3), rng.uniform(size=3)
a = zpre + bias
l = softmax(a)
E1 = lambda t: float(0.5 * np.sum((softmax(t) - o) ** 2))  # noqa: E731
dE_da = grad(E1, a)
dE_dl = grad(lambda t: float(0.5 * np.sum((t - o) ** 2)), l)
J = jacobian(softmax, a)  # [i, j] = dl_i / da_j
dE_db = grad(lambda t: E1(zpre + t), bias)
# 2. a dense layer: l = f(a), c_j = sum_i w_ij l_i + b'_j, d = g(c), E = 1/2 ||d - t||^2
f, fp = np.tanh, lambda t: 1 - np.tanh(t) ** 2  # noqa: E731
g = lambda t: 1 / (1 + np.exp(-t))  # noqa: E731
a2, w, bp, tgt = rng.normal(size=3), rng.normal(size=(3, 2)), rng.normal(size=2), rng.uniform(size=2)
E2 = lambda a_, w_=w, b_=bp: float(0.5 * np.sum((g(f(a_) @ w_ + b_) - tgt) ** 2))  # noqa: E731
l2 = f(a2)
c2 = l2 @ w + bp
dE_dc = grad(lambda t: float(0.5 * np.sum((g(t) - tgt) ** 2)), c2)
dE_da2 = grad(E2, a2)
dE_dw = grad(lambda t: E2(a2, t.reshape(3, 2)), w.ravel()).reshape(3, 2)
dE_dbp = grad(lambda t: E2(a2, w, t), bp)
dE_dl2 = grad(lambda t: float(0.5 * np.sum((g(t @ w + bp) - tgt) ** 2)), l2)
dc2_dl1 = grad(lambda t: float((t @ w + bp)[1]), l2)[0]
dl1_da1 = grad(lambda t: float(f(t[0])), a2[:1])[0]
# 3. 2x2 average pooling of a 4x4 map, E a smooth function of b
A4, cb = rng.normal(size=(4, 4)), rng.normal(size=(2, 2))
pool = lambda t: t.reshape(2, 2, 2, 2).mean(axis=(1, 3))  # noqa: E731
E3 = lambda t: float(np.sum(cb * np.tanh(pool(t.reshape(4, 4)))))  # noqa: E731
dE_dA = grad(E3, A4.ravel()).reshape(4, 4)
dE_dB = grad(lambda t: float(np.sum(cb * np.tanh(t.reshape(2, 2)))), pool(A4).ravel()).reshape(2, 2)
# 4. a convolution: c_ij = b_ij + sum_{k,l<=1} K_kl a_{i+k, j+l}, a 4x4, c 3x3
Ain, K, Bc, cc = rng.normal(size=(4, 4)), rng.normal(size=(2, 2)), rng.normal(size=(3, 3)), rng.normal(size=(3, 3))
conv = lambda a_, k_, b_: np.array([[b_[i, j] + np.sum(k_ * a_[i:i + 2, j:j + 2]) for j in range(3)] for i in range(3)])  # noqa: E731
E4 = lambda c: float(np.sum(cc * np.sin(c)))  # noqa: E731
C = conv(Ain, K, Bc)
D = grad(lambda t: E4(t.reshape(3, 3)), C.ravel()).reshape(3, 3)
GB = grad(lambda t: E4(conv(Ain, K, t.reshape(3, 3))), Bc.ravel()).reshape(3, 3)
GK = grad(lambda t: E4(conv(Ain, t.reshape(2, 2), Bc)), K.ravel()).reshape(2, 2)
GA = grad(lambda t: E4(conv(t.reshape(4, 4), K, Bc)), Ain.ravel()).reshape(4, 4)
Cpad = np.pad(C, ((0, 1), (0, 1)))  # c_{i+k, j+l} as written, read past the edge as 0
written_c = np.array([[Bc[i, j] + np.sum(K * Cpad[i:i + 2, j:j + 2]) for j in range(3)] for i in range(3)])
i0, j0 = 1, 0  # an entry of dE/dk

checks = {
    "line 15": lambda: same(dE_dl, o - l),
    "line 16": lambda: same(np.diag(J), l * (1 - l)),
    "line 17": lambda: same(dE_da, dE_dl * np.diag(J)),
    "line 20": lambda: same(dE_da, dE_dl * np.diag(J)) and same(dE_da, (o - l) * l[0] * (1 - l)),
    "line 21": lambda: same(dE_db, dE_da),
    "line 38": lambda: same(dE_da2[0], dE_dc[0] * w[0, 0] * fp(a2[0]) + dE_dc[1] * w[0, 1] * fp(a2[0])),
    "line 39": lambda: same(dc2_dl1, w[0, 1]),
    "line 40": lambda: same(dl1_da1, fp(a2[0])),
    "line 43": lambda: same(dE_dbp, dE_dl2[:2]),
    "line 44": lambda: same(dE_dw, np.outer(l2, dE_dc)),
    "line 45": lambda: same(dE_da2, (dE_dc[0] * w[:, 0] + dE_dc[1] * w[:, 1]) * fp(a2)),
    "line 58": lambda: all(same(dE_dA[i, j], dE_dB[i // 2, j // 2] / 4) for i in range(4) for j in range(4)),
    "line 71": lambda: same(C, written_c),
    "line 75": lambda: same(GB, D),
    # the written sum: the summed p does not reach dE/dc_{k l}; no fixed k makes it dE/dk_ij
    "line 76": lambda: any(same(GK[i0, j0], sum(D[kk, q] * Ain[i0 + p, j0 + q] for p in range(3) for q in range(3)))
                           for kk in range(3)),
    "line 77": lambda: same(GA, np.zeros((4, 4))),  # an empty sum
}
planted = {
    "line 16": lambda: same(np.diag(J), l * (1 + l)),
    "line 39": lambda: same(dc2_dl1, w[1, 0]),
    "line 44": lambda: same(dE_dw, np.tile(dE_dc * l2[:2], (3, 1))),  # dE/dw_ij = dE/dc_j l_j for every i
    "line 58": lambda: all(same(dE_dA[i, j], dE_dB[i // 2, j // 2] / 2) for i in range(4) for j in range(4)),
    "line 75": lambda: same(GB, D / 4),
}
assert same(GK[i0, j0], sum(D[p, q] * Ain[i0 + p, j0 + q] for p in range(3) for q in range(3)))  # with c_{p l} it holds
confirm("augustin_tipe.md", "augustin_tipe_planted.md", checks, planted)
print("OK")
