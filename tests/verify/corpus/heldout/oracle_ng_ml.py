"""Independent NumPy oracle for ng_ml.toml / ng_ml_planted.toml (Ng, Machine Learning 2011, week 5 and ex4).

Ng's own convention, computed as he writes it: layer 1 is the input, Theta^(l) is s_{l+1} x (s_l + 1) with the bias in
column 0, every a^(l) gets the bias unit a_0 = 1 before it is multiplied, g is the sigmoid, the cost of one example
(m = 1) is the logistic cost summed over the K outputs plus lambda/(2m) times the squared weights outside column 0.
Every claim is NumPy code of what it says, compared with central finite differences of J(Theta); the delta of a
hidden layer drops its entry 0 (the bias unit), as ex4 says. A claim whose shapes do not fit counts as incorrect.
Prints OK when every hand verdict of MANIFEST.toml holds.   Run: python oracle_ng_ml.py   (numpy only)
"""
import numpy as np

rng = np.random.default_rng(11)
s = {1: 3, 2: 5, 3: 4, 4: 2}
L, LAM, ALPHA, m, EPS = 4, 1.0, 0.1, 1, 1e-6
Theta = {l: rng.uniform(-1, 1, (s[l + 1], s[l] + 1)) for l in range(1, L)}
x = rng.normal(size=s[1])
y = np.array([0.0, 1.0])
g = lambda t: 1 / (1 + np.exp(-t))
one = lambda v: np.concatenate([[1.0], v])  # add the bias unit a_0 = 1


def forward(Th, start=None):
    """a (with the bias unit, except the output) and z of every layer; start = (l, z) restarts from a given z^(l)."""
    a, z = {1: one(x)}, {}
    for l in range(2, L + 1):
        z[l] = Th[l - 1] @ a[l - 1]
        if start and start[0] == l:
            z[l] = start[1]
        a[l] = g(z[l]) if l == L else one(g(z[l]))
    return a, z


def data_cost(a):
    h = a[L]
    return float(-np.sum(y * np.log(h) + (1 - y) * np.log(1 - h)))


def J(Th):
    return data_cost(forward(Th)[0]) / m + LAM / (2 * m) * sum(np.sum(T[:, 1:] ** 2) for T in Th.values())


A, Z = forward(Theta)


def d_z(l):  # d cost / d z^(l), finite differences
    out = np.zeros(s[l])
    for j in range(s[l]):
        e = np.zeros(s[l]); e[j] = EPS
        out[j] = (data_cost(forward(Theta, (l, Z[l] + e))[0]) - data_cost(forward(Theta, (l, Z[l] - e))[0])) / (2 * EPS)
    return out


def d_theta(l, f=J):
    G = np.zeros_like(Theta[l])
    for idx in np.ndindex(G.shape):
        hi = {k: v.copy() for k, v in Theta.items()}; lo = {k: v.copy() for k, v in Theta.items()}
        hi[l][idx] += EPS; lo[l][idx] -= EPS
        G[idx] = (f(hi) - f(lo)) / (2 * EPS)
    return G


delta = {l: d_z(l) for l in range(2, L + 1)}
grad = {l: d_theta(l) for l in range(1, L)}                                    # dJ/dTheta, regularised
grad_data = {l: d_theta(l, lambda Th: data_cost(forward(Th)[0])) for l in range(1, L)}
gp = lambda t: (g(t + EPS) - g(t - EPS)) / (2 * EPS)                           # g' by finite differences
LAYERS = range(1, L)  # the l of Delta^(l), D^(l), Theta^(l)


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


zs = np.linspace(-3, 3, 13)
Delta = {l: np.outer(delta[l + 1], A[l]) for l in LAYERS}          # after one example, from Delta = 0
mask = {l: np.concatenate([[0.0], np.ones(s[l])]) for l in LAYERS}  # 0 on the bias column j = 0
claims = {
    "fp-a1": [(lambda: A[1][1:], lambda: x)],
    "fp-z2": [(lambda: Theta[1] @ A[1], lambda: Z[2])],
    "fp-a2": [(lambda: g(Z[2]), lambda: A[2][1:])],
    "fp-z3": [(lambda: Theta[2] @ A[2], lambda: Z[3])],
    "fp-z3P": [(lambda: Theta[2] @ one(Z[2]), lambda: Z[3])],
    "fp-a3": [(lambda: g(Z[3]), lambda: A[3][1:])],
    "fp-z4": [(lambda: Theta[3] @ A[3], lambda: Z[4])],
    "fp-a4": [(lambda: g(Z[4]), lambda: A[4])],
    "fp-a4P": [(lambda: g(Z[3]), lambda: A[4])],
    "sigmoid": [(lambda: 1 / (1 + np.exp(-zs)), lambda: g(zs))],
    "cost": [(lambda: -1 / m * np.sum(y * np.log(A[L]) + (1 - y) * np.log(1 - A[L]))
              + LAM / (2 * m) * sum(Theta[l][j, i] ** 2 for l in range(1, L) for i in range(1, s[l] + 1)
                                    for j in range(s[l + 1])), lambda: J(Theta))],
    "costP": [(lambda: -1 / m * np.sum(y * np.log(A[L]) + (1 - y) * np.log(1 - A[L]))
               + LAM / m * sum(np.sum(Theta[l][:, 1:] ** 2) for l in range(1, L)), lambda: J(Theta))],
    "bp-delta4": [(lambda: A[4] - y, lambda: delta[4])],
    "bp-delta4P": [(lambda: y - A[4], lambda: delta[4])],
    "bp-delta4-j": [(lambda: comp(lambda j: A[4][j] - y[j], (s[4],)), lambda: delta[4])],
    "bp-delta3": [(lambda: (Theta[3].T @ delta[4])[1:] * gp(Z[3]), lambda: delta[3])],
    "bp-delta3P": [(lambda: (Theta[3] @ delta[4])[1:] * gp(Z[3]), lambda: delta[3])],
    "bp-delta2": [(lambda: (Theta[2].T @ delta[3])[1:] * gp(Z[2]), lambda: delta[2])],
    "bp-gprime3": [(lambda: A[3][1:] * (1 - A[3][1:]), lambda: gp(Z[3]))],
    "bp-gprime3P": [(lambda: A[3][1:] * A[3][1:], lambda: gp(Z[3]))],
    "ex4-sigmoid-gradient": [(lambda: g(zs) * (1 - g(zs)), lambda: gp(zs))],
    "ex4-sigmoid-gradientP": [(lambda: g(zs), lambda: gp(zs))],
    "bp-accumulate": [(lambda l=l: comp(lambda i, j: 0 + A[l][j] * delta[l + 1][i], Theta[l].shape),
                       lambda l=l: grad_data[l]) for l in LAYERS],
    "bp-accumulate-vec": [(lambda l=l: 0 + np.outer(delta[l + 1], A[l]), lambda l=l: grad_data[l]) for l in LAYERS],
    "bp-accumulate-vecP": [(lambda l=l: 0 + np.outer(delta[l], A[l]), lambda l=l: grad_data[l]) for l in LAYERS[1:]],
    "bp-D-reg": [(lambda l=l: (Delta[l] / m + LAM * Theta[l])[:, 1:], lambda l=l: grad[l][:, 1:]) for l in LAYERS],
    "bp-D-regP": [(lambda l=l: (Delta[l] / m - LAM * Theta[l])[:, 1:], lambda l=l: grad[l][:, 1:]) for l in LAYERS],
    "bp-D-bias": [(lambda l=l: (Delta[l] / m)[:, 0], lambda l=l: grad[l][:, 0]) for l in LAYERS],
    "bp-grad": [(lambda l=l: Delta[l] / m + LAM * Theta[l] * mask[l], lambda l=l: grad[l]) for l in LAYERS],
    "ex4-grad-reg": [(lambda l=l: (Delta[l] / m + LAM / m * Theta[l])[:, 1:], lambda l=l: grad[l][:, 1:]) for l in LAYERS],
    "gd": [(lambda l=l: Theta[l] - ALPHA * grad[l], lambda l=l: Theta[l] - ALPHA * grad[l]) for l in LAYERS],
    "gdP": [(lambda l=l: Theta[l] + ALPHA * grad[l], lambda l=l: Theta[l] - ALPHA * grad[l]) for l in LAYERS],
}
# the hand verdicts: every original claim correct, every planted (P) variant incorrect
for cid, pairs in claims.items():
    want = not cid.endswith("P")
    assert holds(pairs) == want, f"claim {cid}: oracle says {'correct' if holds(pairs) else 'incorrect'}"
print("OK")
