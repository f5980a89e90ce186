"""Independent NumPy oracle for chambrin_backprop.tex / chambrin_backprop_planted.tex (Vincent Chambrin's French
write-up of the backpropagation equations).

His one-hidden-layer classifier on random numbers (n = 3, H = 4 tanh units, K = 3 softmax outputs, column vectors,
z^(O) = W^(O) a^(H) + b^(O)), l the cross-entropy of one example with class number y: every partial derivative he
writes against central differences (the prime on a matrix a transpose), the general chapter's equations on a random
3-layer net with tanh hidden layers. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_chambrin.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same

rng = np.random.default_rng(1503)
n, H, K, y = 3, 4, 3, 1
WH, bH, WO, bO = rng.normal(size=(H, n)), rng.normal(size=H), rng.normal(size=(K, H)), rng.normal(size=K)
x = rng.normal(size=n)


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


zH = WH @ x + bH
aH = np.tanh(zH)
zO = WO @ aH + bO
aO = softmax(zO)
l_of_a = lambda a: float(-np.log(a[y]))  # noqa: E731
l_of_zO = lambda z: l_of_a(softmax(z))  # noqa: E731
l_of_aH = lambda a: l_of_zO(WO @ a + bO)  # noqa: E731
l_of_zH = lambda z: l_of_aH(np.tanh(z))  # noqa: E731
l_of = lambda WH_, bH_, WO_, bO_: l_of_a(softmax(WO_ @ np.tanh(WH_ @ x + bH_) + bO_))  # noqa: E731
J = jacobian(softmax, zO)  # J[i, j] = d a_i / d z_j
dl_da, dl_dzO, dl_daH, dl_dzH = grad(l_of_a, aO), grad(l_of_zO, zO), grad(l_of_aH, aH), grad(l_of_zH, zH)
gWO, gbO = grad(lambda v: l_of(WH, bH, v, bO), WO), grad(lambda v: l_of(WH, bH, WO, v), bO)
gWH, gbH = grad(lambda v: l_of(v, bH, WO, bO), WH), grad(lambda v: l_of(WH, v, WO, bO), bH)
dzO_dbO = jacobian(lambda v: WO @ aH + v, bO)
dzO_dWO = np.array([[grad(lambda v, k=k: float((v @ aH + bO)[k]), WO)] for k in range(K)])[:, 0]  # [k, i, j]
gp = 1 - aH ** 2  # g'(z^H) for tanh
ind = lambda i, j: float(i == j)  # noqa: E731
cases = lambda f: all(same(J[i, j], f(i, j)) for i in range(K) for j in range(K))  # noqa: E731

# the general chapter: a 3-4-4-3 net (tanh, tanh, softmax), delta^(l) = dl/dz^(l)
Ws = [rng.normal(size=(4, 3)), rng.normal(size=(4, 4)), rng.normal(size=(3, 4))]
bs = [rng.normal(size=4), rng.normal(size=4), rng.normal(size=3)]


def fwd(zs_from=None, level=0, z=None):
    a, zs, acts = x, [], [x]
    for i in range(3):
        zi = z if (zs_from and i == level) else Ws[i] @ a + bs[i]
        a = softmax(zi) if i == 2 else np.tanh(zi)
        zs.append(zi)
        acts.append(a)
    return zs, acts


zs, acts = fwd()
delta = [grad(lambda v, i=i: l_of_a(fwd(True, i, v)[1][-1]), zs[i]) for i in range(3)]
Jl = [np.diag(1 - acts[1] ** 2), np.diag(1 - acts[2] ** 2), jacobian(softmax, zs[2])]
gW2 = grad(lambda v: l_of_a(softmax(Ws[2] @ np.tanh(v @ np.tanh(Ws[0] @ x + bs[0]) + bs[1]) + bs[2])), Ws[1])
gb2 = grad(lambda v: l_of_a(softmax(Ws[2] @ np.tanh(Ws[1] @ np.tanh(Ws[0] @ x + bs[0]) + v) + bs[2])), bs[1])

checks = {
    "line 349": lambda: cases(lambda i, j: aO[i] * (1 - aO[i]) if i == j else -aO[i] * aO[j]),
    "line 358": lambda: same(dl_dzO, J.T @ dl_da),
    "line 367": lambda: same(dzO_dbO, np.eye(K)),
    "line 373": lambda: same(gbO, dl_dzO),
    "line 381": lambda: same(gWO, np.einsum("k,kij->ij", dl_dzO, dzO_dWO)),
    "line 389": lambda: all(same(dzO_dWO[k, i], np.zeros(H)) for k in range(K) for i in range(K) if i != k),
    "line 394": lambda: same(gWO, np.einsum("i,iij->ij", dl_dzO, dzO_dWO)) and same(gWO, np.outer(dl_dzO, aH)),
    "line 403": lambda: same(dl_daH, WO.T @ dl_dzO)
    and same(dl_daH, np.array([sum(dl_dzO[j] * WO[j, i] for j in range(K)) for i in range(H)])),
    "line 412": lambda: same(dl_daH, WO.T @ dl_dzO),
    "line 423": lambda: same(dl_dzH, jacobian(np.tanh, zH).T @ dl_daH),
    "line 432": lambda: same(dl_dzH, dl_daH * gp),
    "line 437": lambda: same(dl_dzH, dl_daH * gp),
    "line 441": lambda: same(dl_dzH, (WO.T @ dl_dzO) * gp),
    "line 447": lambda: same(gbH, dl_dzH),
    "line 452": lambda: same(gWH, np.outer(dl_dzH, x)),
    "line 467": lambda: same(dl_da, np.array([-ind(i, y) / aO[y] for i in range(K)])),
    "line 471": lambda: same(dl_dzO, J.T @ dl_da) and same(dl_dzO, -1 / aO[y] * J[y, :]),
    "line 478": lambda: same(dl_dzO, np.array([aO[y] - 1 if i == y else aO[i] for i in range(K)])),
    "line 495": lambda: same(delta[2], Jl[2].T @ grad(l_of_a, acts[3])),
    "line 499": lambda: same(delta[1], Jl[1].T @ Ws[2].T @ delta[2]) and same(delta[0], Jl[0].T @ Ws[1].T @ delta[1]),
    "line 503.1": lambda: same(gb2, delta[1]),
    "line 505.2": lambda: same(gW2, np.outer(delta[1], acts[1])),
}


def fits(f):
    """The claim computed as written; an expression whose shapes do not fit this network is not the gradient."""
    try:
        return f()
    except ValueError:
        return False


planted = {
    "line 349": lambda: cases(lambda i, j: aO[i] * (1 - aO[i]) if i == j else aO[i] * aO[j]),
    "line 373": lambda: same(gbO, dl_dzO * aH[:K]),
    "line 394": lambda: same(gWO, np.array([[dl_dzO[i] * aH[i]] * H for i in range(K)])),
    "line 403": lambda: same(dl_daH[:K], np.array([sum(dl_dzO[j] * WO[i, j] for j in range(K)) for i in range(K)])),
    "line 441": lambda: fits(lambda: same(dl_dzH, (WO @ dl_dzO) * gp)),
    "line 452": lambda: same(gWH[:n], np.array([[dl_dzH[i] * x[i]] * n for i in range(n)])),
    "line 478": lambda: same(dl_dzO, np.array([1 - aO[y] if i == y else aO[i] for i in range(K)])),
    "line 499": lambda: fits(lambda: same(delta[1], Jl[1].T @ Ws[1].T @ delta[2])),
}
confirm("chambrin_backprop.tex", "chambrin_backprop_planted.tex", checks, planted)
print("OK")
