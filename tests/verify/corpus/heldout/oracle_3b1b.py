"""Independent NumPy oracle for 3b1b_chain.md / 3b1b_chain_planted.md and 3b1b_multi.toml / 3b1b_multi_planted.toml
(3Blue1Brown, "Backpropagation calculus").

The lesson's own cost, C_0 = sum_j (a_j^(L) - y_j)^2 with NO factor 1/2, for one training example (n = 1); sigmoid
neurons; indices from 0. Derivatives of C_0 (by weights, biases, activations, weighted inputs) come from central
finite differences; each claim is NumPy code of what it says. Chain: input a^(0), neurons a^(1..3), L = 3.
Multi: 2 inputs, 3 neurons in layer L-1, 2 in layer L (L = 2). Prints OK when every hand verdict holds.
Run: python oracle_3b1b.py   (numpy only)
"""
import numpy as np

rng = np.random.default_rng(3)
EPS = 1e-6
sig = lambda t: 1 / (1 + np.exp(-t))
dsig_fd = lambda t: (sig(t + EPS) - sig(t - EPS)) / (2 * EPS)


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


def fd(f, v):
    """gradient of the scalar f(v) by central differences (v: an array, perturbed in place)."""
    g = np.zeros_like(v)
    for idx in np.ndindex(v.shape):
        v[idx] += EPS; hi = f(); v[idx] -= 2 * EPS; lo = f(); v[idx] += EPS
        g[idx] = (hi - lo) / (2 * EPS)
    return g


def network(sizes):
    L = len(sizes) - 1
    w = {l: rng.uniform(-1, 1, (sizes[l], sizes[l - 1])) for l in range(1, L + 1)}
    b = {l: rng.uniform(-1, 1, sizes[l]) for l in range(1, L + 1)}
    x = rng.normal(size=sizes[0]); y = rng.uniform(0, 1, sizes[L])

    def run(a_prev_override=None):
        a, z = {0: x}, {}
        for l in range(1, L + 1):
            prev = a_prev_override if (a_prev_override is not None and l == L) else a[l - 1]
            z[l] = w[l] @ prev + b[l]; a[l] = sig(z[l])
        return a, z

    C0 = lambda: float(np.sum((run()[0][L] - y) ** 2))
    a, z = run()
    ap = a[L - 1].copy()
    grads = {"w": fd(C0, w[L]), "b": fd(C0, b[L]),
             "a_prev": fd(lambda: float(np.sum((run(ap)[0][L] - y) ** 2)), ap)}
    aL = a[L].copy()
    grads["a"] = fd(lambda: float(np.sum((aL - y) ** 2)), aL)
    return L, w, b, x, y, a, z, grads


def check(name, claims):
    """every original claim correct, every planted (P) variant incorrect (checked before the globals move on)"""
    for cid, pairs in claims.items():
        want = not cid.endswith("P")
        assert holds(pairs) == want, f"{name} claim {cid}: oracle says {'correct' if holds(pairs) else 'incorrect'}"


# --- the one-neuron-per-layer chain (3b1b_chain.md, tags) -----------------------------------------------------------
L, w, b, x, y, a, z, G = network([1, 1, 1, 1])
sp = dsig_fd(z[L])
chain = {
    "C0": [(lambda: (a[L] - y) ** 2, lambda: np.sum((a[L] - y) ** 2) * np.ones(1))],
    "zL": [(lambda: w[L] @ a[L - 1] + b[L], lambda: z[L])],
    "aL": [(lambda: sig(z[L]), lambda: a[L])],
    "chain": [(lambda: a[L - 1] * sp * G["a"], lambda: G["w"].ravel())],
    "dC0-da": [(lambda: 2 * (a[L] - y), lambda: G["a"])],
    "dC0-daP": [(lambda: a[L] - y, lambda: G["a"])],
    "da-dz": [(lambda: sig(z[L]) * (1 - sig(z[L])), lambda: sp)],
    "da-dzP": [(lambda: sig(z[L]), lambda: sp)],
    "dz-dw": [(lambda: a[L - 1], lambda: np.array([(w[L][0, 0] + EPS - (w[L][0, 0] - EPS)) * a[L - 1][0] / (2 * EPS)]))],
    "dC0-dw": [(lambda: a[L - 1] * sp * 2 * (a[L] - y), lambda: G["w"].ravel())],
    "dC0-dwP": [(lambda: a[L] * sp * 2 * (a[L] - y), lambda: G["w"].ravel())],
    "dC-dw": [(lambda: 1 / 1 * sum([G["w"].ravel()]), lambda: G["w"].ravel())],  # n = 1 example
    "dC0-db": [(lambda: 1 * sp * 2 * (a[L] - y), lambda: G["b"])],
    "dC0-dbP": [(lambda: 1 * sp * 2 * (y - a[L]), lambda: G["b"])],
    "dC0-daprev": [(lambda: w[L].ravel() * sp * 2 * (a[L] - y), lambda: G["a_prev"])],
    "dC0-daprevP": [(lambda: w[L].ravel() * dsig_fd(z[L - 1]) * 2 * (a[L] - y), lambda: G["a_prev"])],
}
check("chain", chain)

# --- several neurons per layer (3b1b_multi.toml) ----------------------------------------------------------------------
L, w, b, x, y, a, z, G = network([2, 3, 2])
nL, nP = 2, 3
spj = dsig_fd(z[L])
dz_dw = np.array([[fd(lambda j=j: float((w[L] @ a[L - 1] + b[L])[j]), w[L])[j, k] for k in range(nP)] for j in range(nL)])
wc = w[L].copy()
jac_z_aprev = np.array([[(wc @ (a[L - 1] + EPS * e))[j] - (wc @ (a[L - 1] - EPS * e))[j] for e in np.eye(nP)]
                        for j in range(nL)]) / (2 * EPS)
multi = {
    "C0": [(lambda: sum((a[L][j] - y[j]) ** 2 for j in range(nL)), lambda: np.sum((a[L] - y) ** 2))],
    "zj": [(lambda: comp(lambda j: w[L][j, 0] * a[L - 1][0] + w[L][j, 1] * a[L - 1][1] + w[L][j, 2] * a[L - 1][2] + b[L][j],
                         (nL,)), lambda: z[L])],
    "zjP": [(lambda: comp(lambda j: w[L][j, 0] * a[L - 1][0] + w[L][j, 1] * a[L - 1][1] + w[L][j, 2] * a[L - 1][2], (nL,)),
             lambda: z[L])],
    "aj": [(lambda: sig(z[L]), lambda: a[L])],
    "dC0-dwjk": [(lambda: comp(lambda j, k: dz_dw[j, k] * spj[j] * G["a"][j], (nL, nP)), lambda: G["w"])],
    "dz-dw": [(lambda: comp(lambda j, k: a[L - 1][k], (nL, nP)), lambda: dz_dw)],
    "dz-dwP": [(lambda: comp(lambda j, k: a[L][j], (nL, nP)), lambda: dz_dw)],
    "dC0-daj": [(lambda: 2 * (a[L] - y), lambda: G["a"])],
    "dC0-dwjk-explicit": [(lambda: comp(lambda j, k: a[L - 1][k] * spj[j] * 2 * (a[L][j] - y[j]), (nL, nP)), lambda: G["w"])],
    "dC0-dbj": [(lambda: spj * 2 * (a[L] - y), lambda: G["b"])],
    "dC0-dbjP": [(lambda: spj * 2 * (a[L] - y) * a[L], lambda: G["b"])],
    "dC0-dak": [(lambda: comp(lambda k: sum(jac_z_aprev[j, k] * spj[j] * G["a"][j] for j in range(nL)), (nP,)),
                 lambda: G["a_prev"])],
    "dz-da": [(lambda: comp(lambda j, k: w[L][j, k], (nL, nP)), lambda: jac_z_aprev)],
    "dz-daP": [(lambda: comp(lambda j, k: w[L][k, j], (nL, nP)), lambda: jac_z_aprev)],  # w_{kj}: k runs past 1
    "dC0-dak-explicit": [(lambda: comp(lambda k: sum(w[L][j, k] * spj[j] * 2 * (a[L][j] - y[j]) for j in range(nL)), (nP,)),
                          lambda: G["a_prev"])],
    "dC0-dak-explicitP": [(lambda: comp(lambda k: sum(w[L][j, k] * dsig_fd(z[L - 1][k]) * 2 * (a[L][j] - y[j])
                                                       for j in range(nL)), (nP,)), lambda: G["a_prev"])],
}
check("multi", multi)
print("OK")
