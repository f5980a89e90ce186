"""Independent NumPy oracle for nielsen_bp.toml / nielsen_bp_planted.toml (Nielsen ch. 2, nielsen.spec.toml).

Nielsen's numbering: layer 1 is the input, L = 4 the output; w^l is n_l x n_{l-1}; C = 1/2 ||y - a^L||^2 for one
example (n = m = 1). Every claim is evaluated for every layer its generic l can stand for, against central finite
differences of the cost; a claim whose shapes do not fit counts as incorrect. Prints OK when every hand verdict holds.
Run: python oracle_nielsen.py   (numpy only)
"""
import numpy as np

rng = np.random.default_rng(0)
n = {1: 3, 2: 5, 3: 4, 4: 2}
L = 4
ETA = 3.0
w = {l: rng.uniform(-1, 1, (n[l], n[l - 1])) for l in range(2, L + 1)}
b = {l: rng.uniform(-1, 1, n[l]) for l in range(2, L + 1)}
x = rng.normal(size=n[1])
y = rng.uniform(0, 1, n[L])
sig = lambda t: 1 / (1 + np.exp(-t))
dsig = lambda t: sig(t) * (1 - sig(t))
EPS = 1e-6


def forward(w, b, start=None):
    """a, z of every layer; start = (l0, z_l0) restarts the pass from a given weighted input."""
    a, z = {1: x}, {}
    for l in range(2, L + 1):
        z[l] = w[l] @ a[l - 1] + b[l]
        if start and start[0] == l:
            z[l] = start[1]
        a[l] = sig(z[l])
    return a, z


def cost(a):
    return 0.5 * np.sum((y - a[L]) ** 2)


A, Z = forward(w, b)
C = cost(A)


def d_z(l):  # dC/dz^l by central differences
    g = np.zeros(n[l])
    for j in range(n[l]):
        e = np.zeros(n[l]); e[j] = EPS
        g[j] = (cost(forward(w, b, (l, Z[l] + e))[0]) - cost(forward(w, b, (l, Z[l] - e))[0])) / (2 * EPS)
    return g


def d_param(p, l):  # dC/dw^l or dC/db^l
    P = {"w": w, "b": b}[p]
    g = np.zeros_like(P[l])
    for idx in np.ndindex(P[l].shape):
        hi = {k: v.copy() for k, v in P.items()}; lo = {k: v.copy() for k, v in P.items()}
        hi[l][idx] += EPS; lo[l][idx] -= EPS
        args_hi = (hi, b) if p == "w" else (w, hi)
        args_lo = (lo, b) if p == "w" else (w, lo)
        g[idx] = (cost(forward(*args_hi)[0]) - cost(forward(*args_lo)[0])) / (2 * EPS)
    return g


def jac_z(l):  # dz^{l+1}_k / dz^l_j
    J = np.zeros((n[l + 1], n[l]))
    for j in range(n[l]):
        e = np.zeros(n[l]); e[j] = EPS
        J[:, j] = (forward(w, b, (l, Z[l] + e))[1][l + 1] - forward(w, b, (l, Z[l] - e))[1][l + 1]) / (2 * EPS)
    return J


delta = {l: d_z(l) for l in range(2, L + 1)}
dw = {l: d_param("w", l) for l in range(2, L + 1)}
db = {l: d_param("b", l) for l in range(2, L + 1)}
dCda = A[L] - y  # checked below against finite differences of C in a^L
fd_da = np.array([(0.5 * np.sum((y - (A[L] + e)) ** 2) - 0.5 * np.sum((y - (A[L] - e)) ** 2)) / (2 * EPS)
                  for e in np.eye(n[L]) * EPS])
assert np.allclose(fd_da, dCda, atol=1e-7)
S = lambda l: np.diag(dsig(Z[l]))  # Sigma'(z^l)
HIDDEN = range(2, L)  # the l of BP2: 2 .. L-1
ALL = range(2, L + 1)


def same(p, q):
    p, q = np.asarray(p, float), np.asarray(q, float)
    return p.shape == q.shape and np.allclose(p, q, rtol=1e-5, atol=1e-7)


def holds(pairs):
    """True when every (claimed, true) pair agrees; a shape error makes the claim false."""
    try:
        return all(same(c(), t()) for c, t in pairs)
    except (ValueError, IndexError):
        return False


def comp(f, shape):  # build an array from a component formula f(*index)
    out = np.zeros(shape)
    for idx in np.ndindex(*shape):
        out[idx] = f(*idx)
    return out


def chain(*fs):  # product of matrices written left to right
    out = fs[0]
    for f in fs[1:]:
        out = out @ f
    return out


claims = {
    # id: (correct?, pairs of (claimed value, true value) over every layer the claim covers)
    "23": [(lambda l=l: comp(lambda j: sig(sum(w[l][j, k] * A[l - 1][k] for k in range(n[l - 1])) + b[l][j]), (n[l],)),
            lambda l=l: A[l]) for l in ALL],
    "23P": [(lambda l=l: comp(lambda j: sig(sum(w[l][k, j] * A[l - 1][k] for k in range(n[l - 1])) + b[l][j]), (n[l],)),
             lambda l=l: A[l]) for l in ALL],
    "25": [(lambda l=l: sig(w[l] @ A[l - 1] + b[l]), lambda l=l: A[l]) for l in ALL],
    "25P": [(lambda l=l: sig(w[l].T @ A[l - 1] + b[l]), lambda l=l: A[l]) for l in ALL],
    "warmup-z": [(lambda l=l: w[l] @ A[l - 1] + b[l], lambda l=l: Z[l]) for l in ALL],
    "warmup-zP": [(lambda l=l: w[l] @ A[l] + b[l], lambda l=l: Z[l]) for l in ALL],
    "warmup-a": [(lambda l=l: sig(Z[l]), lambda l=l: A[l]) for l in ALL],
    "warmup-zj": [(lambda l=l: comp(lambda j: sum(w[l][j, k] * A[l - 1][k] for k in range(n[l - 1])) + b[l][j], (n[l],)),
                   lambda l=l: Z[l]) for l in ALL],
    "warmup-zjP": [(lambda l=l: comp(lambda j: sum(w[l][j, k] * A[l - 1][k] for k in range(n[l - 1])), (n[l],)),
                    lambda l=l: Z[l]) for l in ALL],
    "26": [(lambda: 1 / (2 * 1) * np.sum((y - A[L]) ** 2), lambda: C)],
    "26P": [(lambda: 1 / 1 * np.sum((y - A[L]) ** 2), lambda: C)],
    "27": [(lambda: 0.5 * np.linalg.norm(y - A[L]) ** 2, lambda: C), (lambda: 0.5 * np.sum((y - A[L]) ** 2), lambda: C)],
    "27P": [(lambda: 0.5 * np.linalg.norm(y - A[L]) ** 2, lambda: C), (lambda: 0.5 * np.sum(y - A[L]), lambda: C)],
    "29": [(lambda l=l: delta[l], lambda l=l: delta[l]) for l in ALL],  # the definition used for delta above
    "BP1": [(lambda: fd_da * dsig(Z[L]), lambda: delta[L])],
    "BP1P": [(lambda: fd_da * sig(Z[L]), lambda: delta[L])],
    "BP1a": [(lambda: fd_da * dsig(Z[L]), lambda: delta[L])],
    "BP1aP": [(lambda: fd_da * dsig(Z[L - 1]), lambda: delta[L])],
    "quadratic-grad": [(lambda: A[L] - y, lambda: fd_da)],
    "quadratic-gradP": [(lambda: y - A[L], lambda: fd_da)],
    "30": [(lambda: (A[L] - y) * dsig(Z[L]), lambda: delta[L])],
    "30P": [(lambda: A[L] - y, lambda: delta[L])],
    "BP2": [(lambda l=l: (w[l + 1].T @ delta[l + 1]) * dsig(Z[l]), lambda l=l: delta[l]) for l in HIDDEN],
    "BP2P": [(lambda l=l: (w[l + 1] @ delta[l + 1]) * dsig(Z[l]), lambda l=l: delta[l]) for l in HIDDEN],
    "BP3": [(lambda l=l: delta[l], lambda l=l: db[l]) for l in ALL],
    "BP3P": [(lambda l=l: delta[l + 1], lambda l=l: db[l]) for l in HIDDEN],
    "31": [(lambda l=l: delta[l], lambda l=l: db[l]) for l in ALL],
    "BP4": [(lambda l=l: comp(lambda j, k: A[l - 1][k] * delta[l][j], (n[l], n[l - 1])), lambda l=l: dw[l]) for l in ALL],
    "BP4P": [(lambda l=l: comp(lambda j, k: A[l][k] * delta[l][j], (n[l], n[l - 1])), lambda l=l: dw[l]) for l in ALL],
    "32": [(lambda l=l: np.outer(delta[l], A[l - 1]), lambda l=l: dw[l]) for l in ALL],  # a_in delta_out, weight by weight
    "33": [(lambda: S(L) @ fd_da, lambda: delta[L])],
    "33P": [(lambda: fd_da.reshape(-1, 1) @ S(L), lambda: delta[L].reshape(-1, 1))],
    "34": [(lambda l=l: S(l) @ w[l + 1].T @ delta[l + 1], lambda l=l: delta[l]) for l in HIDDEN],
    "34P": [(lambda l=l: S(l + 1) @ w[l + 1].T @ delta[l + 1], lambda l=l: delta[l]) for l in HIDDEN],
    "35": [(lambda l=l: chain(*[m for k in range(l, L) for m in (S(k), w[k + 1].T)], S(L), fd_da), lambda l=l: delta[l])
           for l in HIDDEN],
    "37": [(lambda: comp(lambda j: sum(fd_da[k] * (dsig(Z[L][j]) if k == j else 0) for k in range(n[L])), (n[L],)),
            lambda: delta[L])],
    "38": [(lambda: fd_da * dsig(Z[L]), lambda: delta[L])],
    "38P": [(lambda: fd_da / dsig(Z[L]), lambda: delta[L])],
    "40-42": [(lambda l=l: jac_z(l).T @ delta[l + 1], lambda l=l: delta[l]) for l in HIDDEN],
    "40-42P": [(lambda l=l: np.linalg.pinv(jac_z(l)) @ delta[l + 1], lambda l=l: delta[l]) for l in HIDDEN],
    "43": [(lambda l=l: comp(lambda k: sum(w[l + 1][k, j] * sig(Z[l][j]) for j in range(n[l])) + b[l + 1][k], (n[l + 1],)),
            lambda l=l: Z[l + 1]) for l in HIDDEN],
    "43P": [(lambda l=l: comp(lambda k: sum(w[l + 1][j, k] * sig(Z[l][j]) for j in range(n[l])) + b[l + 1][k], (n[l + 1],)),
             lambda l=l: Z[l + 1]) for l in HIDDEN],
    "44": [(lambda l=l: comp(lambda k, j: w[l + 1][k, j] * dsig(Z[l][j]), (n[l + 1], n[l])), lambda l=l: jac_z(l))
           for l in HIDDEN],
    "44P": [(lambda l=l: comp(lambda k, j: w[l + 1][k, j] * dsig(Z[l + 1][k]), (n[l + 1], n[l])), lambda l=l: jac_z(l))
            for l in HIDDEN],
    "45": [(lambda l=l: comp(lambda j: sum(w[l + 1][k, j] * delta[l + 1][k] for k in range(n[l + 1])) * dsig(Z[l][j]),
                             (n[l],)), lambda l=l: delta[l]) for l in HIDDEN],
    "45P": [(lambda l=l: comp(lambda j: sum(w[l + 1][j, k] * delta[l + 1][k] for k in range(n[l + 1])) * dsig(Z[l][j]),
                              (n[l],)), lambda l=l: delta[l]) for l in HIDDEN],
    "sgd-w": [(lambda l=l: w[l] - ETA / 1 * np.outer(delta[l], A[l - 1]), lambda l=l: w[l] - ETA * dw[l]) for l in ALL],
    "sgd-wP": [(lambda l=l: w[l] + ETA / 1 * np.outer(delta[l], A[l - 1]), lambda l=l: w[l] - ETA * dw[l]) for l in ALL],
    "sgd-b": [(lambda l=l: b[l] - ETA / 1 * delta[l], lambda l=l: b[l] - ETA * db[l]) for l in ALL],
}
# the hand verdicts of MANIFEST.toml: every original claim correct, every planted (P) variant incorrect
for cid, pairs in claims.items():
    want = not cid.endswith("P")
    assert holds(pairs) == want, f"claim {cid}: oracle says {'correct' if holds(pairs) else 'incorrect'}"
print("OK")
