"""Independent check of the hand verdicts in jmcheon_rowwise.toml, jmcheon_colwise.toml, jmcheon_rowwise_planted.toml.

The network of topologies/binary_softmax.json (30 -> 20 -> 10 -> 5 ReLU -> 2 softmax, cross-entropy averaged over
m = 8). Each general-layer formula of the notes is evaluated for every layer l and compared with finite differences
of the cost (dZ^{[l]} is the per-example derivative, dZ^{[L]} = A^{[L]} - y, the 1/m is in dW and db).
Run: python oracle_jmcheon.py  -> prints OK
"""

import numpy as np

rng = np.random.default_rng(3)
dims, m, L = [30, 20, 10, 5, 2], 8, 4
relu = lambda z: np.maximum(0, z)
failures = []


def softmax(z, axis):
    e = np.exp(z - z.max(axis, keepdims=True)); return e / e.sum(axis, keepdims=True)


def run(rowwise):
    """rowwise: samples are rows, W is n_in x n_out; else samples are columns, W is n_out x n_in."""
    if rowwise:
        X = rng.normal(size=(m, dims[0])); y = np.eye(2)[rng.integers(0, 2, m)]
        W = {l: rng.uniform(-0.5, 0.5, (dims[l - 1], dims[l])) for l in range(1, L + 1)}
        b = {l: rng.uniform(-0.5, 0.5, (1, dims[l])) for l in range(1, L + 1)}
        lin = lambda l, A: A @ W[l] + b[l]; ax = 1
    else:
        X = rng.normal(size=(dims[0], m)); y = np.eye(2)[rng.integers(0, 2, m)].T
        W = {l: rng.uniform(-0.5, 0.5, (dims[l], dims[l - 1])) for l in range(1, L + 1)}
        b = {l: rng.uniform(-0.5, 0.5, (dims[l], 1)) for l in range(1, L + 1)}
        lin = lambda l, A: W[l] @ A + b[l]; ax = 0

    def forward():
        A, Z = {0: X}, {}
        for l in range(1, L + 1):
            Z[l] = lin(l, A[l - 1]); A[l] = softmax(Z[l], ax) if l == L else relu(Z[l])
        return Z, A

    def cost():
        return -np.sum(y * np.log(forward()[1][L])) / m

    def fd(P, e=1e-6):
        G = np.zeros_like(P)
        for idx in np.ndindex(P.shape):
            P[idx] += e; a = cost(); P[idx] -= 2 * e; c = cost(); P[idx] += e
            G[idx] = (a - c) / (2 * e)
        return G

    Z, A = forward()
    gW = {l: fd(W[l]) for l in W}; gb = {l: fd(b[l]) for l in b}
    dZ = {L: A[L] - y}
    for l in range(L, 1, -1):
        dZ[l - 1] = (dZ[l] @ W[l].T if rowwise else W[l].T @ dZ[l]) * (Z[l - 1] > 0)
    return X, y, W, b, Z, A, gW, gb, dZ


def claim(where, f, truth, verdict):
    try:
        v = f()
    except ValueError:
        v = None
    same = v is not None and np.shape(v) == np.shape(truth) and np.allclose(v, truth, rtol=1e-5, atol=1e-7)
    if same != (verdict == "correct"):
        failures.append(f"{where}: expected {verdict}")


fp = lambda Z: (Z > 0).astype(float)
for rowwise, F in ((True, "jmcheon_rowwise.toml"), (False, "jmcheon_colwise.toml")):
    X, y, W, b, Z, A, gW, gb, dZ = run(rowwise)
    # the true dZ^{[L]} is m * dJ/dZ^{[L]}: check it against finite differences of the cost in Z^{[L]}
    ZL = Z[L].copy(); e = 1e-6; G = np.zeros_like(ZL)
    for idx in np.ndindex(ZL.shape):
        ZL[idx] += e; a = -np.sum(y * np.log(softmax(ZL, 1 if rowwise else 0))) / m
        ZL[idx] -= 2 * e; c = -np.sum(y * np.log(softmax(ZL, 1 if rowwise else 0))) / m; ZL[idx] += e
        G[idx] = (a - c) / (2 * e)
    claim(F + " gradient.L", lambda: A[L] - y, m * G, "correct")
    sum_axis = 0 if rowwise else 1
    for l in range(1, L + 1):
        if rowwise:
            claim(F + f" forward.Z l={l}", lambda: A[l - 1] @ W[l] + b[l], Z[l], "correct")
            claim(F + f" update.dW l={l}", lambda: (1 / m) * A[l - 1].T @ dZ[l], gW[l], "correct")
            claim(F + f" planted forward.Z l={l}", lambda: W[l] @ A[l - 1] + b[l], Z[l], "incorrect")
            claim(F + f" planted update.dW l={l}", lambda: A[l - 1].T @ dZ[l], gW[l], "incorrect")
            if l > 1:
                claim(F + f" gradient.l l={l}", lambda: (dZ[l] @ W[l].T) * fp(Z[l - 1]), dZ[l - 1], "correct")
                claim(F + f" planted gradient.l l={l}", lambda: (W[l].T @ dZ[l]) * fp(Z[l - 1]), dZ[l - 1], "incorrect")
        else:
            claim(F + f" forward.Z l={l}", lambda: W[l] @ A[l - 1] + b[l], Z[l], "correct")
            claim(F + f" update.dW l={l}", lambda: (1 / m) * dZ[l] @ A[l - 1].T, gW[l], "correct")
            if l > 1:
                claim(F + f" gradient.l l={l}", lambda: (W[l].T @ dZ[l]) * fp(Z[l - 1]), dZ[l - 1], "correct")
        claim(F + f" update.db l={l}", lambda: (1 / m) * np.sum(dZ[l], axis=sum_axis, keepdims=True), gb[l], "correct")
        claim(F + f" forward.A l={l}", lambda: softmax(Z[l], 1 if rowwise else 0) if l == L else relu(Z[l]), A[l], "correct")

if failures:
    print("FAIL"); print("\n".join(failures)); raise SystemExit(1)
print("OK")
