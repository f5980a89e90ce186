"""Independent NumPy oracle for haykin.toml / haykin_planted.toml (Haykin, NNLM 3rd ed., sec. 4.4-4.5).

Haykin's own convention: logistic neurons phi(v) = 1/(1 + exp(-a v)) with a = 1.5, the bias as w_j0 of y_0 = +1
(column 0 of w), e_j = d_j - y_j, E(n) = 1/2 sum_j e_j^2, local gradient delta_j = -dE/dv_j. dE/dv, dE/dy and dE/dw
come from central finite differences; each claim is NumPy code of what it says, for every neuron (and layer) its
letters stand for. A claim whose shapes do not fit counts as incorrect. Prints OK when every hand verdict holds.
Run: python oracle_haykin.py   (numpy only)
"""
import numpy as np

rng = np.random.default_rng(9)
A_SLOPE, ETA, EPS = 1.5, 0.1, 1e-6
size = {0: 3, 1: 4, 2: 2}
L = 2
w = {l: rng.uniform(-1, 1, (size[l], size[l - 1] + 1)) for l in (1, 2)}
x = rng.normal(size=3)
d = rng.uniform(0, 1, 2)
phi = lambda v: 1 / (1 + np.exp(-A_SLOPE * v))
dphi = lambda v: (phi(v + EPS) - phi(v - EPS)) / (2 * EPS)
one = lambda v: np.concatenate([[1.0], v])


def forward(w, at=None):
    """y (without the +1), v of every layer; at = (l, 'v' or 'y', value) replaces v^(l) or y^(l)."""
    y, v = {0: x}, {}
    for l in (1, 2):
        v[l] = w[l] @ one(y[l - 1])
        if at and at[0] == l and at[1] == "v":
            v[l] = at[2]
        y[l] = phi(v[l])
        if at and at[0] == l and at[1] == "y":
            y[l] = at[2]
    return y, v


energy = lambda y: 0.5 * np.sum((d - y[L]) ** 2)
Y, V = forward(w)


def grad_at(l, kind):
    base = (V if kind == "v" else Y)[l]
    g = np.zeros_like(base)
    for j in range(len(base)):
        e = np.zeros_like(base); e[j] = EPS
        g[j] = (energy(forward(w, (l, kind, base + e))[0]) - energy(forward(w, (l, kind, base - e))[0])) / (2 * EPS)
    return g


def grad_w(l):
    g = np.zeros_like(w[l])
    for idx in np.ndindex(g.shape):
        hi = {k: q.copy() for k, q in w.items()}; lo = {k: q.copy() for k, q in w.items()}
        hi[l][idx] += EPS; lo[l][idx] -= EPS
        g[idx] = (energy(forward(hi)[0]) - energy(forward(lo)[0])) / (2 * EPS)
    return g


dE_dv = {l: grad_at(l, "v") for l in (1, 2)}
dE_dy = {l: grad_at(l, "y") for l in (1, 2)}
dE_dw = {l: grad_w(l) for l in (1, 2)}
delta = {l: -dE_dv[l] for l in (1, 2)}          # Haykin's local gradient
e = d - Y[L]
yin = {l: one(Y[l - 1]) for l in (1, 2)}       # y_i, i = 0 .. m, with y_0 = +1
wk = w[2][:, 1:]                                # w_kj: hidden neuron j -> output neuron k
vs = np.linspace(-3, 3, 13)


def same(p, q):
    p, q = np.asarray(p, float), np.asarray(q, float)
    return p.shape == q.shape and np.allclose(p, q, rtol=1e-5, atol=1e-7)


def holds(pairs):
    try:
        return all(same(c(), t()) for c, t in pairs)
    except (ValueError, IndexError):
        return False


def comp(f, shape):
    out = np.zeros(shape)
    for idx in np.ndindex(*shape):
        out[idx] = f(*idx)
    return out


de_dy = np.array([((d - (Y[L] + q))[j] - (d - (Y[L] - q))[j]) / (2 * EPS) for j, q in enumerate(np.eye(2) * EPS)])
dE_de = np.array([(0.5 * np.sum((e + q) ** 2) - 0.5 * np.sum((e - q) ** 2)) / (2 * EPS) for q in np.eye(2) * EPS])
dv_dw = comp(lambda j, i: yin[L][i], w[L].shape)   # v_j = sum_i w_ji y_i is linear in w_ji
claims = {
    "error-signal": [(lambda: d - Y[L], lambda: e)],
    "error-energy": [(lambda: 0.5 * sum(e[j] ** 2 for j in range(2)), lambda: energy(Y))],
    "error-energyP": [(lambda: 0.5 * sum(e[j] for j in range(2)), lambda: energy(Y))],
    "induced-local-field": [(lambda l=l: w[l] @ yin[l], lambda l=l: V[l]) for l in (1, 2)],
    "function-signal": [(lambda l=l: phi(V[l]), lambda l=l: Y[l]) for l in (1, 2)],
    "chain-rule": [(lambda: comp(lambda j, i: dE_de[j] * de_dy[j] * dphi(V[L])[j] * dv_dw[j, i], w[L].shape), lambda: dE_dw[L])],
    "dE-de": [(lambda: e, lambda: dE_de)],
    "de-dy": [(lambda: -np.ones(2), lambda: de_dy)],
    "de-dyP": [(lambda: np.ones(2), lambda: de_dy)],
    "dy-dv": [(lambda: dphi(V[L]), lambda: (phi(V[L] + EPS) - phi(V[L] - EPS)) / (2 * EPS))],
    "dv-dw": [(lambda: comp(lambda j, i: yin[L][i], w[L].shape), lambda: dv_dw)],
    "dE-dw": [(lambda: np.outer(-e * dphi(V[L]), yin[L]), lambda: dE_dw[L])],
    "dE-dwP": [(lambda: np.outer(-e * phi(V[L]), yin[L]), lambda: dE_dw[L])],
    "delta-rule": [(lambda l=l: -ETA * dE_dw[l], lambda l=l: -ETA * dE_dw[l]) for l in (1, 2)],  # the rule, as the step
    "delta-rule-local": [(lambda l=l: ETA * np.outer(delta[l], yin[l]), lambda l=l: -ETA * dE_dw[l]) for l in (1, 2)],
    "delta-rule-localP": [(lambda: ETA * comp(lambda j, i: delta[L][j] * Y[L][j], w[L].shape), lambda: -ETA * dE_dw[L])],
    "local-gradient-output": [(lambda: -dE_dv[L], lambda: delta[L]), (lambda: e * dphi(V[L]), lambda: delta[L])],
    "local-gradient-hidden": [(lambda: -dE_dy[1] * dphi(V[1]), lambda: delta[1])],
    "dE-dy-hidden": [(lambda: -(wk.T @ delta[2]), lambda: dE_dy[1])],
    "back-propagation-formula": [(lambda: dphi(V[1]) * (wk.T @ delta[2]), lambda: delta[1])],
    "back-propagation-formulaP": [(lambda: dphi(V[1]) * comp(lambda j: sum(delta[2][k] * wk[j, k] for k in range(2)), (4,)),
                                   lambda: delta[1])],
    "logistic": [(lambda: 1 / (1 + np.exp(-A_SLOPE * vs)), lambda: phi(vs))],
    "logistic-derivative": [(lambda l=l: A_SLOPE * Y[l] * (1 - Y[l]), lambda l=l: dphi(V[l])) for l in (1, 2)],
    "logistic-derivativeP": [(lambda l=l: Y[l] * (1 - Y[l]), lambda l=l: dphi(V[l])) for l in (1, 2)],
    "logistic-output-delta": [(lambda: A_SLOPE * (d - Y[L]) * Y[L] * (1 - Y[L]), lambda: delta[L])],
    "logistic-output-deltaP": [(lambda: A_SLOPE * (Y[L] - d) * Y[L] * (1 - Y[L]), lambda: delta[L])],
    "logistic-hidden-delta": [(lambda: A_SLOPE * Y[1] * (1 - Y[1]) * (wk.T @ delta[2]), lambda: delta[1])],
    "summary-input": [(lambda: Y[0], lambda: x)],
    "summary-field": [(lambda l=l: w[l] @ yin[l], lambda l=l: V[l]) for l in (1, 2)],
    "summary-fieldP": [(lambda l=l: w[l] @ one(Y[l]), lambda l=l: V[l]) for l in (1, 2)],
    "summary-delta-output": [(lambda: e * dphi(V[L]), lambda: delta[L])],
    "summary-delta-hidden": [(lambda: dphi(V[1]) * (w[2][:, 1:].T @ delta[2]), lambda: delta[1])],
    "summary-delta-hiddenP": [(lambda: dphi(V[2]) * (w[2][:, 1:].T @ delta[2]), lambda: delta[1])],
    "summary-update": [(lambda l=l: w[l] + ETA * np.outer(delta[l], yin[l]), lambda l=l: w[l] - ETA * dE_dw[l]) for l in (1, 2)],
    "summary-updateP": [(lambda l=l: w[l] - ETA * np.outer(delta[l], yin[l]), lambda l=l: w[l] - ETA * dE_dw[l]) for l in (1, 2)],
}
for cid, pairs in claims.items():
    want = not cid.endswith("P")
    assert holds(pairs) == want, f"claim {cid}: oracle says {'correct' if holds(pairs) else 'incorrect'}"
print("OK")
