"""Independent NumPy oracle for physics_cs224d.md / physics_cs224d_planted.md (a student's CS224d PS1 Q2 answers).

The problem set's network (physics_cs224d.spec.toml): one example as a row vector x, t = x W^{(1)} + b^{(1)},
h = sigma(t), v = h W^{(2)} + b^{(2)}, yhat = softmax(v), J = -sum_i y_i log yhat_i with a one-hot y. The student's
Einstein sums are written out as explicit sums; delta_{ik} is the Kronecker delta; every derivative and Jacobian
(d yhat_a / d v_b, d v_b / d h_c, ...) is a central difference. Each claim is checked for every index; a chain is right
when each link equals the first. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_physics.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid, two_layer

rng = np.random.default_rng(224)
D, H, C = 4, 5, 3
x, y = rng.normal(size=D), np.eye(C)[2]
W1, b1, W2, b2 = two_layer(rng, D, H, C, out_by_in=False)
sig = sigmoid
kron = lambda n: np.eye(n)


def softmax(v):
    e = np.exp(v - v.max())
    return e / e.sum()


jac = jacobian


def J(x=x, W1=W1, b1=b1, W2=W2, b2=b2, v=None):
    v = sig(x @ W1 + b1) @ W2 + b2 if v is None else v
    return float(-np.sum(y * np.log(softmax(v))))


t = x @ W1 + b1
h = sig(t)
v = h @ W2 + b2
yh = softmax(v)
S = np.sum(np.exp(v))
sp = sig(t) * (1 - sig(t))
gv, gx = grad(lambda u: J(v=u), v), grad(lambda u: J(x=u), x)
gW1, gb1, gW2, gb2 = (grad(lambda u, k=k: J(**{k: u}), base) for k, base in (("W1", W1), ("b1", b1), ("W2", W2), ("b2", b2)))
g_yh = grad(lambda u: float(-np.sum(y * np.log(u))), yh)  # J as a function of yhat
J_yv, J_vh, J_ht, J_tx = jac(softmax, v), jac(lambda u: u @ W2 + b2, h), jac(sig, t), jac(lambda u: u @ W1 + b1, x)
dlogp = np.array([grad(lambda u, i=i: float(np.log(softmax(u)[i])), v) for i in range(C)])  # [i, k]
dv_dW2 = np.array([grad(lambda u, b=b: float((h @ u + b2)[b]), W2) for b in range(C)])  # [b, c, d]
dv_db2 = np.array([grad(lambda u, b=b: float((h @ W2 + u)[b]), b2) for b in range(C)])  # [b, c]
dt_dW1 = np.array([grad(lambda u, d=d: float((x @ u + b1)[d]), W1) for d in range(H)])  # [d, f, g]
I, K = range(C), range(C)
e = np.exp(v)


def chain(*links):
    return all(same(links[0], link) for link in links[1:])


err = yh - y
checks = {
    "2b-ce": lambda: np.isclose(J(), -sum(y[i] * np.log(yh[i]) for i in I)),
    "2b-chain": lambda: chain(
        gv,
        [-sum(y[i] * dlogp[i, k] for i in I) for k in K],
        [-sum(y[i] / yh[i] * J_yv[i, k] for i in I) for k in K],
        [-sum(y[i] / yh[i] * (e[i] * kron(C)[i, k] / S - e[i] / S**2 * e[k]) for i in I) for k in K],
        [-sum(y[i] / yh[i] * (yh[i] * kron(C)[i, k] - yh[i] * yh[k]) for i in I) for k in K],
        [-sum(y[i] * (kron(C)[i, k] - yh[k]) for i in I) for k in K],
    ),
    "2b-pop": lambda: chain(
        gv,
        [-sum(y[i] * (kron(C)[i, k] - yh[k]) for i in I) for k in K],
        [sum(-y[i] * kron(C)[i, k] + y[i] * yh[k] for i in I) for k in K],
        [-y[k] + sum(y[i] * yh[k] for i in I) for k in K],
    ),
    "2b-explicit": lambda: chain(gv, [-y[k] + sum(y[i] * yh[k] for i in I) for k in K], -y + yh * y.sum(), -y + yh),
    "2b-vector": lambda: same(gv, yh - y),
    "2c-t": lambda: same(t, x @ W1 + b1),
    "2c-h": lambda: same(h, sig(t)),
    "2c-v": lambda: same(v, h @ W2 + b2),
    "2c-yhat": lambda: same(yh, softmax(v)),
    "2c-J": lambda: np.isclose(J(), -sum(y[i] * np.log(yh[i]) for i in I)),
    "2c-chain": lambda: same(gx, g_yh @ J_yv @ J_vh @ J_ht @ J_tx),
    "2c-chain-idx": lambda: same(gx, np.einsum("a,ab,bc,cd,dk->k", g_yh, J_yv, J_vh, J_ht, J_tx)),
    "2c-dJ-dyhat": lambda: chain(g_yh, [-sum(y[i] / yh[i] * kron(C)[i, a] for i in I) for a in I], -y / yh),
    "2c-dyhat-dv": lambda: same(J_yv, [[yh[a] * kron(C)[a, b] - yh[a] * yh[b] for b in I] for a in I]),
    "2c-dv-dh": lambda: chain(J_vh, [[sum(W2[i, b] * kron(H)[i, c] for i in range(H)) for c in range(H)] for b in I], W2.T),
    "2c-dh-dt": lambda: chain(J_ht, np.diag(sig(t) * (1 - sig(t))), np.diag(sp)),
    "2c-dt-dx": lambda: same(J_tx, W1.T),  # [d, k] = W_kd
    "2c-assemble": lambda: chain(
        gx,
        np.einsum("a,ab,bc,cd,dk->k", g_yh, J_yv, J_vh, J_ht, J_tx),
        np.einsum("a,ab,cb,c,cd,kd->k", -y / yh, yh[:, None] * kron(C) - np.outer(yh, yh), W2, sp, kron(H), W1),
        np.einsum("a,ab,cb,c,cd,kd->k", -y, kron(C) - yh[None, :], W2, sp, kron(H), W1),
        np.einsum("a,ab,cb,c,cd,kd->k", -y, kron(C), W2, sp, kron(H), W1) + np.einsum("a,b,cb,c,cd,kd->k", y, yh, W2, sp, kron(H), W1),
    ),
    "2c-simplify": lambda: chain(
        gx,
        np.einsum("b,cb,c,cd,kd->k", -y, W2, sp, kron(H), W1) + np.einsum("b,cb,c,cd,kd->k", yh, W2, sp, kron(H), W1),
        np.einsum("b,cb,c,cd,kd->k", err, W2, sp, kron(H), W1),
        np.einsum("b,cb,c,kc->k", err, W2, sp, W1),
    ),
    "2c-transposed": lambda: same(gx, np.einsum("b,bc,c,ck->k", err, W2.T, sp, W1.T)),
    "2g-W2-chain": lambda: same(gW2, np.einsum("a,ab,bcd->cd", g_yh, J_yv, dv_dW2)),
    "2g-dv-dW": lambda: same(dv_dW2, np.einsum("c,bd->bcd", h, kron(C))),
    "2g-dJ-dW2": lambda: chain(gW2, np.einsum("b,c,bd->cd", err, h, kron(C)), np.outer(h, err)),
    "2g-W2-matrix": lambda: chain(gW2, np.outer(h, err), h[:, None] @ err[None, :]),
    "2g-dv-db": lambda: same(dv_db2, kron(C)),
    "2g-dJ-db": lambda: chain(gb2, np.einsum("a,ab,bc->c", g_yh, J_yv, dv_db2), err @ kron(C), err),
    "2g-b2": lambda: same(gb2, err),
    "2g-W1-chain": lambda: same(gW1, np.einsum("a,ab,bc,cd,dfg->fg", g_yh, J_yv, J_vh, J_ht, dt_dW1)),
    "2g-dt-dW": lambda: same(dt_dW1, np.einsum("f,dg->dfg", x, kron(H))),
    "2g-dJ-dW1": lambda: chain(
        gW1,
        np.einsum("b,cb,c,cd,f,dg->fg", err, W2, sp, kron(H), x, kron(H)),
        np.outer(x, (err @ W2.T) * sp),
    ),
    "2g-W1-matrix": lambda: same(gW1, np.outer(x, (err @ W2.T) * sp)),
    "2g-b1": lambda: same(gb1, (err @ W2.T) * sp),
}
# 2c-final (dJ/dx_k = (yhat - y) W^(2)T o sigma'(t) W^(1)T) is graded `unchecked`: the left side is one entry x_k, the
# right side the whole row vector dJ/dx, which it equals:
assert same(gx, ((err @ W2.T) * sp) @ W1.T)
planted = {
    "2b-vector": lambda: same(gv, y - yh),
    "2c-dyhat-dv": lambda: same(J_yv, [[yh[a] * kron(C)[a, b] - yh[b] for b in I] for a in I]),
    "2c-dh-dt": lambda: chain(J_ht, np.diag(sig(t) * (1 - sig(t))), np.diag(sig(t))),
    "2c-dt-dx": lambda: same(J_tx, [[W1[d, k] for k in range(D)] for d in range(H)]),  # W1 is D x H: d = 4 is out of range
    "2g-W2-matrix": lambda: chain(gW2, np.outer(h, err), err[:, None] @ h[None, :]),
    "2g-dt-dW": lambda: same(dt_dW1, [[[x[g] * kron(H)[d, f] for g in range(H)] for f in range(D)] for d in range(H)]),
    "2g-b1": lambda: same(gb1, err @ W2.T),
}
confirm("physics_cs224d.md", "physics_cs224d_planted.md", checks, planted)
print("OK")
