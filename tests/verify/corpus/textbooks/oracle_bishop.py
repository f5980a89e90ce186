"""Independent NumPy oracle for bishop_prml.toml / bishop_prml_planted.toml (Bishop PRML 5.3, bishop.spec.toml).

Bishop's network of 5.3.2: D = 3 inputs, M = 4 tanh hidden units, K = 2 linear outputs, E_n = 1/2 sum_k (y_k - t_k)^2.
Biases are w_{j0}, w_{k0} with x_0 = z_0 = 1, so w^(1) is M x (D+1) and w^(2) is K x (M+1), column 0 the bias.
The general equations of 5.3.1 are checked for both layers of links (i -> j: inputs -> hidden, j -> k: hidden -> output).
Derivatives are central finite differences; a claim whose indices run out of range counts as incorrect. Prints OK.
Run: python oracle_bishop.py   (numpy only)
"""
import numpy as np

rng = np.random.default_rng(1)
D, M, K = 3, 4, 2
W1 = rng.uniform(-1, 1, (M, D + 1))
W2 = rng.uniform(-1, 1, (K, M + 1))
xin = rng.normal(size=D)
t = rng.normal(size=K)
EPS = 1e-6
X = np.concatenate([[1.0], xin])  # x_0 = 1


def forward(W1, W2, a_hidden=None, a_out=None):
    a1 = W1 @ X if a_hidden is None else a_hidden           # a_j, j = 1..M
    z = np.concatenate([[1.0], np.tanh(a1)])                 # z_0 = 1, z_j = h(a_j)
    a2 = W2 @ z if a_out is None else a_out                  # a_k
    return a1, z, a2, a2                                     # linear outputs: y_k = a_k


def En(W1=W1, W2=W2, **kw):
    *_, yk = forward(W1, W2, **kw)
    return 0.5 * np.sum((yk - t) ** 2)


a1, z, a2, y = forward(W1, W2)


def fd(f, v):
    g = np.zeros_like(v)
    for idx in np.ndindex(v.shape):
        e = np.zeros_like(v); e[idx] = EPS
        g[idx] = (f(v + e) - f(v - e)) / (2 * EPS)
    return g


dW1 = fd(lambda V: En(W1=V), W1)
dW2 = fd(lambda V: En(W2=V), W2)
delta_j = fd(lambda v: En(a_hidden=v), a1)   # dE_n/da_j, hidden units
delta_k = fd(lambda v: En(a_out=v), a2)      # dE_n/da_k, output units
# da_k/da_j (K x M) and da_j/dw_ji, by finite differences
dak_daj = np.array([(forward(W1, W2, a_hidden=a1 + e)[2] - forward(W1, W2, a_hidden=a1 - e)[2]) / (2 * EPS)
                    for e in np.eye(M) * EPS]).T
da_dW1 = {(j, i): fd(lambda V: (V @ X)[j], W1)[j, i] for j in range(M) for i in range(D + 1)}
h, hp = np.tanh, lambda s: 1 - np.tanh(s) ** 2
A = rng.normal(size=5)  # points for the scalar identities of h


def same(p, q):
    p, q = np.asarray(p, float), np.asarray(q, float)
    return p.shape == q.shape and np.allclose(p, q, rtol=1e-5, atol=1e-7)


def holds(pairs):
    try:
        return all(same(c(), w()) for c, w in pairs)
    except (ValueError, IndexError):
        return False


def comp(f, shape):
    out = np.zeros(shape)
    for idx in np.ndindex(*shape):
        out[idx] = f(*idx)
    return out


Zin = {1: X, 2: z}          # the z_i feeding each layer of links (inputs, then hidden activations)
W = {1: W1, 2: W2}
Aout = {1: a1, 2: a2}
dW = {1: dW1, 2: dW2}
dl = {1: delta_j, 2: delta_k}
claims = {
    "5.48": [(lambda s=s: comp(lambda j: sum(W[s][j, i] * Zin[s][i] for i in range(len(Zin[s]))), Aout[s].shape),
              lambda s=s: Aout[s]) for s in (1, 2)],
    "5.48P": [(lambda s=s: comp(lambda j: sum(W[s][i, j] * Zin[s][i] for i in range(len(Zin[s]))), Aout[s].shape),
               lambda s=s: Aout[s]) for s in (1, 2)],
    "5.49": [(lambda: h(a1), lambda: z[1:])],
    "5.50": [(lambda s=s: comp(lambda j, i: dl[s][j] * Zin[s][i], W[s].shape), lambda s=s: dW[s]) for s in (1, 2)],
    "5.51": [(lambda: delta_j, lambda: delta_j)],
    "5.52": [(lambda: comp(lambda j, i: X[i], W1.shape), lambda: comp(lambda j, i: da_dW1[(j, i)], W1.shape))],
    "5.52P": [(lambda: comp(lambda j, i: z[j], W1.shape), lambda: comp(lambda j, i: da_dW1[(j, i)], W1.shape))],
    "5.53": [(lambda s=s: comp(lambda j, i: dl[s][j] * Zin[s][i], W[s].shape), lambda s=s: dW[s]) for s in (1, 2)],
    "5.53P": [(lambda s=s: comp(lambda j, i: dl[s][i] * Zin[s][j], W[s].shape), lambda s=s: dW[s]) for s in (1, 2)],
    "5.54": [(lambda: y - t, lambda: delta_k)],
    "5.54P": [(lambda: t - y, lambda: delta_k)],
    "5.55": [(lambda: dak_daj.T @ delta_k, lambda: delta_j)],
    "5.55P": [(lambda: np.linalg.pinv(dak_daj) @ delta_k, lambda: delta_j)],
    "5.56": [(lambda: hp(a1) * (W2[:, 1:].T @ delta_k), lambda: delta_j)],
    "5.56P": [(lambda: h(a1) * (W2[:, 1:].T @ delta_k), lambda: delta_j)],
    "5.57": [(lambda: dW1, lambda: dW1 / 1)],  # one pattern (N = 1): the sum over n has one term
    "5.58": [(lambda: h(A), lambda: np.tanh(A))],
    "5.59": [(lambda: np.tanh(A), lambda: (np.exp(A) - np.exp(-A)) / (np.exp(A) + np.exp(-A)))],
    "5.59P": [(lambda: np.tanh(A), lambda: (np.exp(A) + np.exp(-A)) / (np.exp(A) - np.exp(-A)))],
    "5.60": [(lambda: 1 - h(A) ** 2, lambda: fd(lambda v: np.sum(h(v)), A))],
    "5.60P": [(lambda: h(A) * (1 - h(A)), lambda: fd(lambda v: np.sum(h(v)), A))],
    "5.61": [(lambda: 0.5 * sum((y[k] - t[k]) ** 2 for k in range(K)), lambda: En())],
    "5.61P": [(lambda: sum((y[k] - t[k]) ** 2 for k in range(K)), lambda: En())],
    "5.62": [(lambda: comp(lambda j: sum(W1[j, i] * X[i] for i in range(D + 1)), (M,)), lambda: a1)],
    "5.62P": [(lambda: comp(lambda j: sum(W1[j, i] * X[i] for i in range(1, D + 1)), (M,)), lambda: a1)],
    "5.63": [(lambda: np.tanh(a1), lambda: z[1:])],
    "5.64": [(lambda: comp(lambda k: sum(W2[k, j] * z[j] for j in range(M + 1)), (K,)), lambda: y)],
    "5.64P": [(lambda: comp(lambda k: np.tanh(sum(W2[k, j] * z[j] for j in range(M + 1))), (K,)), lambda: y)],
    "5.65": [(lambda: y - t, lambda: delta_k)],
    "5.65P": [(lambda: (y - t) * (1 - y ** 2), lambda: delta_k)],
    "5.66": [(lambda: comp(lambda j: (1 - z[j + 1] ** 2) * sum(W2[k, j + 1] * delta_k[k] for k in range(K)), (M,)),
              lambda: delta_j)],
    "5.66P": [(lambda: comp(lambda j: (1 - z[j + 1]) ** 2 * sum(W2[k, j + 1] * delta_k[k] for k in range(K)), (M,)),
               lambda: delta_j)],
    "5.67a": [(lambda: comp(lambda j, i: delta_j[j] * X[i], W1.shape), lambda: dW1)],
    "5.67aP": [(lambda: comp(lambda j, i: delta_j[i] * X[j], W1.shape), lambda: dW1)],
    "5.67b": [(lambda: comp(lambda k, j: delta_k[k] * z[j], W2.shape), lambda: dW2)],
    "5.67bP": [(lambda: comp(lambda k, j: delta_k[k] * X[j], W2.shape), lambda: dW2)],
}
for cid, pairs in claims.items():
    want = not cid.endswith("P")
    assert holds(pairs) == want, f"claim {cid}: oracle says {'correct' if holds(pairs) else 'incorrect'}"
print("OK")
