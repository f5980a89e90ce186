"""Independent NumPy oracle for ufldl_backprop.toml / ufldl_backprop_planted.toml (UFLDL, ufldl.spec.toml).

UFLDL's numbering: layer 1 is the input (s_1 = 3), layer 2 hidden (s_2 = 4), layer n_l = 3 the output (s_3 = 2);
W^(l) (s_{l+1} x s_l) and b^(l) feed layer l+1. f is the sigmoid, J(W,b;x,y) = 1/2 ||h - y||^2,
J(W,b) = [1/m sum J(W,b;x^(i),y^(i))] + lambda/2 sum (W^(l)_ji)^2 with m = 1; one gradient-descent step with rate alpha
(Delta W^(l) = grad_W J(W,b;x,y) for the single example). Generic l is checked for every layer it can stand for.
Derivatives are central finite differences; a claim whose indices or shapes do not fit counts as incorrect. Prints OK.
Run: python oracle_ufldl.py   (numpy only)
"""
import numpy as np

rng = np.random.default_rng(4)
s = {1: 3, 2: 4, 3: 2}
nl = 3
LAM, ALPHA, m = 0.01, 0.1, 1
W = {l: rng.uniform(-1, 1, (s[l + 1], s[l])) for l in (1, 2)}
b = {l: rng.uniform(-1, 1, s[l + 1]) for l in (1, 2)}
x = rng.normal(size=s[1])
y = rng.uniform(0, 1, s[nl])
f = lambda t: 1 / (1 + np.exp(-t))
fp = lambda t: f(t) * (1 - f(t))
EPS = 1e-6


def forward(W, b, at=None):
    a, z = {1: x}, {}
    for l in (1, 2):
        z[l + 1] = W[l] @ a[l] + b[l]
        if at and at[0] == l + 1:
            z[l + 1] = at[1]
        a[l + 1] = f(z[l + 1])
    return a, z


def J_xy(W=W, b=b, at=None):
    return 0.5 * np.sum((forward(W, b, at)[0][nl] - y) ** 2)


def J_all(W=W, b=b):
    return J_xy(W, b) / m + LAM / 2 * sum(np.sum(W[l] ** 2) for l in (1, 2))


def fd(fun, v):
    g = np.zeros_like(v)
    for idx in np.ndindex(v.shape):
        e = np.zeros_like(v); e[idx] = EPS
        g[idx] = (fun(v + e) - fun(v - e)) / (2 * EPS)
    return g


a, z = forward(W, b)
delta = {l: fd(lambda v, l=l: J_xy(at=(l, v)), z[l]) for l in (2, 3)}
gW_xy = {l: fd(lambda v, l=l: J_xy(W={**W, l: v}), W[l]) for l in (1, 2)}
gb_xy = {l: fd(lambda v, l=l: J_xy(b={**b, l: v}), b[l]) for l in (1, 2)}
gW_all = {l: fd(lambda v, l=l: J_all(W={**W, l: v}), W[l]) for l in (1, 2)}
gb_all = {l: fd(lambda v, l=l: J_all(b={**b, l: v}), b[l]) for l in (1, 2)}
dW_acc, db_acc = gW_xy, gb_xy  # Delta W^(l), Delta b^(l) after the loop over the m = 1 example
W_next = {l: W[l] - ALPHA * gW_all[l] for l in (1, 2)}
b_next = {l: b[l] - ALPHA * gb_all[l] for l in (1, 2)}
Zs = rng.normal(size=5)


def same(p, q):
    p, q = np.asarray(p, float), np.asarray(q, float)
    return p.shape == q.shape and np.allclose(p, q, rtol=1e-5, atol=1e-7)


def holds(pairs):
    try:
        return all(same(c(), t()) for c, t in pairs)
    except (ValueError, IndexError, KeyError):  # a shape, an index or a layer that does not exist
        return False


def comp(fun, shape):
    out = np.zeros(shape)
    for idx in np.ndindex(*shape):
        out[idx] = fun(*idx)
    return out


def decay(scale):
    return J_xy() / m + scale * sum(W[l][j, i] ** 2 for l in (1, 2) for i in range(s[l]) for j in range(s[l + 1]))


claims = {
    "nn-z2": [(lambda: W[1] @ x + b[1], lambda: z[2])],
    "nn-z2P": [(lambda: W[1] @ x + b[2], lambda: z[2])],
    "nn-a2": [(lambda: f(z[2]), lambda: a[2])],
    "nn-z3": [(lambda: W[2] @ a[2] + b[2], lambda: z[3])],
    "nn-z3P": [(lambda: W[2] @ z[2] + b[2], lambda: z[3])],
    "nn-h": [(lambda: a[3], lambda: forward(W, b)[0][nl]), (lambda: f(z[3]), lambda: a[3])],
    "nn-z-general": [(lambda l=l: W[l] @ a[l] + b[l], lambda l=l: z[l + 1]) for l in (1, 2)],
    "nn-a-general": [(lambda l=l: f(z[l + 1]), lambda l=l: a[l + 1]) for l in (1, 2)],
    "nn-z2-component": [(lambda: comp(lambda i: sum(W[1][i, j] * x[j] for j in range(s[1])) + b[1][i], (s[2],)),
                         lambda: z[2])],
    "nn-z2-componentP": [(lambda: comp(lambda i: sum(W[1][j, i] * x[j] for j in range(s[1])) + b[1][i], (s[2],)),
                          lambda: z[2])],
    "nn-sigmoid-derivative": [(lambda: f(Zs) * (1 - f(Zs)), lambda: fd(lambda v: np.sum(f(v)), Zs))],
    "nn-sigmoid-derivativeP": [(lambda: 1 - f(Zs) ** 2, lambda: fd(lambda v: np.sum(f(v)), Zs))],
    "cost-one-example": [(lambda: 0.5 * np.linalg.norm(a[nl] - y) ** 2, lambda: J_xy())],
    "cost-overall": [(lambda: decay(LAM / 2), lambda: J_all())],
    "cost-overallP": [(lambda: decay(LAM), lambda: J_all())],
    "grad-W-overall": [(lambda l=l: gW_xy[l] / m + LAM * W[l], lambda l=l: gW_all[l]) for l in (1, 2)],
    "grad-W-overallP": [(lambda l=l: gW_xy[l] / m, lambda l=l: gW_all[l]) for l in (1, 2)],
    "grad-b-overall": [(lambda l=l: gb_xy[l] / m, lambda l=l: gb_all[l]) for l in (1, 2)],
    "grad-b-overallP": [(lambda l=l: gb_xy[l] / m + LAM * b[l], lambda l=l: gb_all[l]) for l in (1, 2)],
    "bp-step2": [(lambda: -(y - a[nl]) * fp(z[nl]), lambda: delta[nl])],
    "bp-step2P": [(lambda: (y - a[nl]) * fp(z[nl]), lambda: delta[nl])],
    "bp-step3": [(lambda l=l: comp(lambda i: sum(W[l][j, i] * delta[l + 1][j] for j in range(s[l + 1])) * fp(z[l][i]),
                                   (s[l],)), lambda l=l: delta[l]) for l in range(nl - 1, 1, -1)],
    "bp-step3P": [(lambda l=l: comp(lambda i: sum(W[l][i, j] * delta[l + 1][j] for j in range(s[l + 1])) * fp(z[l][i]),
                                    (s[l],)), lambda l=l: delta[l]) for l in range(nl - 1, 1, -1)],
    "bp-step4-W": [(lambda l=l: comp(lambda i, j: a[l][j] * delta[l + 1][i], W[l].shape), lambda l=l: gW_xy[l])
                   for l in (1, 2)],
    "bp-step4-WP": [(lambda l=l: comp(lambda i, j: a[l + 1][j] * delta[l + 1][i], W[l].shape), lambda l=l: gW_xy[l])
                    for l in (1, 2)],
    "bp-step4-b": [(lambda l=l: delta[l + 1], lambda l=l: gb_xy[l]) for l in (1, 2)],
    "vec-step2": [(lambda: -(y - a[nl]) * fp(z[nl]), lambda: delta[nl])],
    "vec-step2P": [(lambda: -(y - a[nl]), lambda: delta[nl])],
    "vec-step3": [(lambda l=l: (W[l].T @ delta[l + 1]) * fp(z[l]), lambda l=l: delta[l]) for l in range(nl - 1, 1, -1)],
    "vec-step3P": [(lambda l=l: (W[l].T @ delta[l + 1]) * fp(z[l + 1]), lambda l=l: delta[l])
                   for l in range(nl - 1, 1, -1)],
    "vec-step4-W": [(lambda l=l: np.outer(delta[l + 1], a[l]), lambda l=l: gW_xy[l]) for l in (1, 2)],
    "vec-step4-WP": [(lambda l=l: np.outer(a[l], delta[l + 1]), lambda l=l: gW_xy[l]) for l in (1, 2)],
    "vec-step4-b": [(lambda l=l: delta[l + 1], lambda l=l: gb_xy[l]) for l in (1, 2)],
    "vec-step4-bP": [(lambda l=l: delta[l], lambda l=l: gb_xy[l]) for l in (1, 2)],
    "implementation-noteP": [(lambda l=l: z[l] * (1 - z[l]), lambda l=l: fp(z[l])) for l in (2, 3)],
    "gd-update-WP": [(lambda l=l: W[l] - ALPHA * (dW_acc[l] / m - LAM * W[l]), lambda l=l: W_next[l]) for l in (1, 2)],
    "implementation-note": [(lambda l=l: a[l] * (1 - a[l]), lambda l=l: fp(z[l])) for l in (2, 3)],
    "gd-update-W": [(lambda l=l: W[l] - ALPHA * (dW_acc[l] / m + LAM * W[l]), lambda l=l: W_next[l]) for l in (1, 2)],
    "gd-update-b": [(lambda l=l: b[l] - ALPHA * (db_acc[l] / m), lambda l=l: b_next[l]) for l in (1, 2)],
    "gd-update-bP": [(lambda l=l: b[l] + ALPHA * (db_acc[l] / m), lambda l=l: b_next[l]) for l in (1, 2)],
}
for cid, pairs in claims.items():
    want = not cid.endswith("P")
    assert holds(pairs) == want, f"claim {cid}: oracle says {'correct' if holds(pairs) else 'incorrect'}"
print("OK")
