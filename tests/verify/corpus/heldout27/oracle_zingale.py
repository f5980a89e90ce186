"""Independent NumPy oracle for zingale_single_layer.md and zingale_hidden_layer.md (Michael Zingale's lecture notes:
no biases, the logistic g in every layer, a squared error without 1/2 for one training pair) and their planted copies.

One layer: b = A x (the summed input), z = g(b), f(A) = sum_i (z_i - y_i)^2. Hidden layer: beta = B x, ztilde =
g(beta), alpha = A ztilde, z = g(alpha), L(A, B) = sum_l (z_l - y_l)^2, e = z - y. Every claim is checked at random
A, B, x, y by central differences of f or L and of the forward pass (Jacobians [i, p, q] = d(.)_i / dA_pq); the
update rule as a descent step A - eta df/dA. A check holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_zingale.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same
from fdcheck import sigmoid as g
from mlp import Net

rng = np.random.default_rng(2702)
ETA = 0.3
dg = lambda v: g(v) * (1 - g(v))


def every(pts, check):
    return lambda: all(bool(check(p)) for p in pts)


# ---- one layer: mlp.Net with a single sigmoid layer, no bias, cost sum (z - y)^2
ones = [Net(rng, [3, 2], ["sigmoid"], "sq", bias=False) for _ in range(2)]
for n in ones:
    n.bvec = n.z[1]                               # the notes' b: the summed input A x
    n.dzdA = n.da_dW(1, 1)                        # [i, p, q] = dz_i/dA_pq
    n.dbdA = n.dz_dW(1, 1)                        # [i, p, q] = db_i/dA_pq
    n.kron = np.einsum("ip,q->ipq", np.eye(2), n.x)    # delta_ip x_q
    n.G = n.GW[1]
xi = rng.normal(size=5)
slope = np.array([grad(lambda v: float(g(v[0])), np.array([s]))[0] for s in xi])
rows40 = lambda n: same(n.G, 2 * np.einsum("i,i,ipq->pq", n.a[1] - n.y, n.a[1] * (1 - n.a[1]), n.kron))
final40 = lambda n: same(n.G, 2 * np.outer((n.a[1] - n.y) * n.a[1] * (1 - n.a[1]), n.x))
one = {
    "line 13": every(ones, lambda n: same(n.G, 2 * np.einsum("i,ipq->pq", n.a[1] - n.y, n.dzdA))),
    "line 18": every(ones, lambda n: same(n.dzdA, dg(n.bvec)[:, None, None] * n.dbdA)),
    "line 22": every(ones, lambda n: same(n.dbdA, n.kron)),
    "line 30": lambda: same(slope, -(1 + np.exp(-xi)) ** 2 * (-np.exp(-xi)))
    and same(slope, g(xi) * np.exp(-xi) / (1 + np.exp(-xi))) and same(slope, g(xi) * (1 - g(xi))),
    "line 35": every(ones, lambda n: same(n.dzdA, (g(n.bvec) * (1 - g(n.bvec)))[:, None, None] * n.kron)
                     and same(n.dzdA, (n.a[1] * (1 - n.a[1]))[:, None, None] * n.kron)),
    "line 40": every(ones, lambda n: rows40(n) and final40(n)),
    "line 58": every(ones, lambda n: same(n.G, 2 * np.outer((n.a[1] - n.y) * n.a[1] * (1 - n.a[1]), n.x))),
    "line 90": every(ones, lambda n: same(n.W[1] - ETA * n.G,
                                          n.W[1] - 2 * ETA * np.outer((n.a[1] - n.y) * n.a[1] * (1 - n.a[1]), n.x))),
}
one["line 40.1"] = every(ones, rows40)
one["line 42.2"] = every(ones, final40)
one_planted = {
    "line 22": every(ones, lambda n: same(n.dbdA, np.einsum("iq,p->ipq", np.eye(2, 3), n.x[:2]))),
    "line 35": every(ones, lambda n: same(n.dzdA, n.a[1][:, None, None] * n.kron)),
    "line 58": every(ones, lambda n: same(n.G, np.outer((n.a[1] - n.y) * n.a[1] * (1 - n.a[1]), n.x))),
    "line 90": every(ones, lambda n: same(n.W[1] - ETA * n.G,
                                          n.W[1] + 2 * ETA * np.outer((n.a[1] - n.y) * n.a[1] * (1 - n.a[1]), n.x))),
}
confirm("zingale_single_layer.md", "zingale_single_layer_planted.md", one, one_planted)

# ---- hidden layer: B = W^(1) (4 x 3), A = W^(2) (2 x 4)
hids = [Net(rng, [3, 4, 2], ["sigmoid", "sigmoid"], "sq", bias=False) for _ in range(2)]
for n in hids:
    n.A, n.B, n.zt, n.zz = n.W[2], n.W[1], n.a[1], n.a[2]
    n.alpha, n.beta, n.e = n.z[2], n.z[1], n.a[2] - n.y
    n.GA, n.GB = n.GW[2], n.GW[1]
    n.et = n.A.T @ (n.e * n.zz * (1 - n.zz))
    n.dBdB = n._jac(lambda v: v, n.B)              # [m, j, p, q] = dB_mj/dB_pq
hid = {
    "line 49": every(hids, lambda n: same(n.GA, 2 * np.outer(n.e * n.zz * (1 - n.zz), n.zt))),
    "line 70": every(hids, lambda n: same(n.GB, 2 * np.einsum("l,l,lm,m,mjpq,j->pq", n.e, dg(n.alpha), n.A, dg(n.beta),
                                                                n.dBdB, n.x))),
    "line 78": every(hids, lambda n: same(grad(lambda v: float(np.sum(g(v))), n.alpha), g(n.alpha) * (1 - g(n.alpha)))
                     and same(g(n.alpha) * (1 - g(n.alpha)), n.zz * (1 - n.zz))),
    "line 81": every(hids, lambda n: same(grad(lambda v: float(np.sum(g(v))), n.beta), g(n.beta) * (1 - g(n.beta)))
                     and same(g(n.beta) * (1 - g(n.beta)), n.zt * (1 - n.zt))),
    "line 84": every(hids, lambda n: same(n.dBdB, np.einsum("mp,jq->mjpq", np.eye(4), np.eye(3)))),
    "line 88": every(hids, lambda n: same(n.GB, 2 * np.einsum("l,l,lp,p,q->pq", n.e, n.zz * (1 - n.zz), n.A,
                                                                n.zt * (1 - n.zt), n.x))),
    "line 95": every(hids, lambda n: same(np.einsum("l,l,lp->p", n.e, n.zz * (1 - n.zz), n.A), n.et)),
    "line 100": every(hids, lambda n: same(n.GB, 2 * np.outer(n.et * n.zt * (1 - n.zt), n.x))),
}
hid["line 106.1"] = hid["line 49"]
hid["line 107.2"] = hid["line 100"]
hid_planted = {
    "line 49": every(hids, lambda n: same(n.GA, 2 * np.outer(n.e * n.zz * (1 - n.zz), n.x))),
    "line 81": every(hids, lambda n: same(grad(lambda v: float(np.sum(g(v))), n.beta), n.zt)),
    "line 100": every(hids, lambda n: same(n.GB, np.outer(n.et * n.zt * (1 - n.zt), n.x))),
}
confirm("zingale_hidden_layer.md", "zingale_hidden_layer_planted.md", hid, hid_planted)
print("OK")
