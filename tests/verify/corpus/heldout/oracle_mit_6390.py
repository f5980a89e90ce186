"""Independent NumPy oracle for mit_6390.toml / mit_6390_planted.toml (MIT 6.036/6.390 notes, "Neural Networks").

The notes' column convention: W^l is m^l x n^l, Z^l = W^{lT} A^{l-1} + W_0^l, A^l = f^l(Z^l), ReLU then softmax, loss
= NLLM = -sum_j y_j log A^L_j for one example; Jacobians in the notes' layout (entry (i, j) of dZ/dA is dZ_j/dA_i).
Gradients and Jacobians come from central finite differences; each claim is NumPy code of what it says, for every
layer its l stands for. A claim whose shapes do not fit counts as incorrect. Prints OK when every hand verdict holds.
Run: python oracle_mit_6390.py   (numpy only)
"""
import numpy as np

rng = np.random.default_rng(5)
m = {1: 3, 2: 4}
n = {1: 4, 2: 2}
L, ETA, EPS = 2, 0.1, 1e-6
W = {l: rng.uniform(-1, 1, (m[l], n[l])) for l in (1, 2)}
W0 = {l: rng.uniform(-1, 1, (n[l], 1)) for l in (1, 2)}
x = rng.normal(size=(3, 1))
y = np.array([[1.0], [0.0]])
relu = lambda z: np.maximum(0, z)
softmax = lambda z: np.exp(z - z.max()) / np.exp(z - z.max()).sum()
f = {1: relu, 2: softmax}


def forward(start=None):
    """A, Z; start = (l, value, 'Z' or 'A') restarts the pass from a given Z^l or A^l."""
    A, Z = {0: x}, {}
    if start and start[0] == 0 and start[2] == "A":
        A[0] = start[1]
    for l in (1, 2):
        Z[l] = W[l].T @ A[l - 1] + W0[l]
        if start and start[0] == l and start[2] == "Z":
            Z[l] = start[1]
        A[l] = f[l](Z[l])
        if start and start[0] == l and start[2] == "A":
            A[l] = start[1]
    return A, Z


loss_of = lambda A: float(-np.sum(y * np.log(A[L])))
A, Z = forward()


def grad_of(l, kind):
    base = (Z if kind == "Z" else A)[l]
    g = np.zeros_like(base)
    for idx in np.ndindex(base.shape):
        e = np.zeros_like(base); e[idx] = EPS
        g[idx] = (loss_of(forward((l, base + e, kind))[0]) - loss_of(forward((l, base - e, kind))[0])) / (2 * EPS)
    return g


def grad_param(P, l):
    g = np.zeros_like(P[l])
    for idx in np.ndindex(P[l].shape):
        P[l][idx] += EPS; hi = loss_of(forward()[0]); P[l][idx] -= 2 * EPS; lo = loss_of(forward()[0]); P[l][idx] += EPS
        g[idx] = (hi - lo) / (2 * EPS)
    return g


def jac(fun, v):
    """the notes' layout: entry (i, j) = d fun_j / d v_i."""
    out = np.zeros((v.size, fun(v).size))
    for i in range(v.size):
        e = np.zeros_like(v); e.flat[i] = EPS
        out[i] = ((fun(v + e) - fun(v - e)) / (2 * EPS)).ravel()
    return out


dZ = {l: grad_of(l, "Z") for l in (1, 2)}
dA = {l: grad_of(l, "A") for l in (0, 1, 2)}
dW = {l: grad_param(W, l) for l in (1, 2)}
dW0 = {l: grad_param(W0, l) for l in (1, 2)}
dA_dZ = {l: jac(f[l], Z[l]) for l in (1, 2)}
dZ_dA = {l: jac(lambda a, l=l: W[l].T @ a + W0[l], A[l - 1]) for l in (1, 2)}
zs = np.array([-2.0, -0.5, 0.3, 1.7])
drelu = (relu(zs + EPS) - relu(zs - EPS)) / (2 * EPS)
LAYERS = (1, 2)


def same(p, q):
    p, q = np.asarray(p, float), np.asarray(q, float)
    return p.shape == q.shape and np.allclose(p, q, rtol=1e-5, atol=1e-7)


def holds(pairs):
    try:
        return all(same(c(), t()) for c, t in pairs)
    except (ValueError, IndexError):
        return False


claims = {
    "A0": [(lambda: A[0], lambda: x)],
    "Zl": [(lambda l=l: W[l].T @ A[l - 1] + W0[l], lambda l=l: Z[l]) for l in LAYERS],
    "ZlP": [(lambda l=l: W[l] @ A[l - 1] + W0[l], lambda l=l: Z[l]) for l in LAYERS],
    "Al": [(lambda l=l: f[l](Z[l]), lambda l=l: A[l]) for l in LAYERS],
    "relu": [(lambda: np.maximum(0, zs), lambda: relu(zs))],
    "relu-derivative": [(lambda: np.where(zs < 0, 0.0, 1.0), lambda: drelu)],
    "relu-derivativeP": [(lambda: np.where(zs < 0, 1.0, 0.0), lambda: drelu)],
    "nllm": [(lambda: -sum(y[j, 0] * np.log(A[L][j, 0]) for j in range(n[L])), lambda: loss_of(A))],
    "dloss-dW": [(lambda l=l: A[l - 1] @ dZ[l].T, lambda l=l: dW[l]) for l in LAYERS],
    "dloss-dWP": [(lambda l=l: dZ[l] @ A[l - 1].T, lambda l=l: dW[l]) for l in LAYERS],
    "dloss-dW0": [(lambda l=l: dZ[l], lambda l=l: dW0[l]) for l in LAYERS],
    "dloss-dW0P": [(lambda l=l: dA[l], lambda l=l: dW0[l]) for l in LAYERS],
    "dloss-dZ": [(lambda l=l: dA_dZ[l] @ dA[l], lambda l=l: dZ[l]) for l in LAYERS],
    "dZ-dA": [(lambda l=l: W[l], lambda l=l: dZ_dA[l]) for l in LAYERS],
    "dloss-dA": [(lambda l=l: dZ_dA[l] @ dZ[l], lambda l=l: dA[l - 1]) for l in LAYERS]
    + [(lambda l=l: W[l] @ dZ[l], lambda l=l: dA[l - 1]) for l in LAYERS],
    "dloss-dAP": [(lambda l=l: W[l].T @ dZ[l], lambda l=l: dA[l - 1]) for l in LAYERS],
    "dloss-dZL": [(lambda: A[L] - y, lambda: dZ[L])],
    "dloss-dZLP": [(lambda: y - A[L], lambda: dZ[L])],
    "dloss-dZ1": [(lambda: dA_dZ[1] @ W[2] @ dZ[2], lambda: dZ[1])],
    "sgd-W": [(lambda l=l: W[l] - ETA * dW[l], lambda l=l: W[l] - ETA * dW[l]) for l in LAYERS],
    "sgd-W0": [(lambda l=l: W0[l] - ETA * dW0[l], lambda l=l: W0[l] - ETA * dW0[l]) for l in LAYERS],
    "sgd-W0P": [(lambda l=l: W0[l] + ETA * dW0[l], lambda l=l: W0[l] - ETA * dW0[l]) for l in LAYERS],
}
for cid, pairs in claims.items():
    want = not cid.endswith("P")
    assert holds(pairs) == want, f"claim {cid}: oracle says {'correct' if holds(pairs) else 'incorrect'}"
print("OK")
