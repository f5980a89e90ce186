"""Independent check of the hand verdicts in the Andrew Ng files (numpy only):
ng_week3_vectorized(_planted).toml, ng_week3_single(_planted).toml, ng_week4(_planted).toml.

Ng's conventions are checked against finite differences of the cost J = (1/m) sum_i L(a^{(i)}, y^{(i)}):
samples are columns, dZ^{[l]} stacks the per-example derivatives dL/dz^{[l](i)} (= m dJ/dZ^{[l]}, no 1/m),
dW^{[l]} = (1/m) dZ^{[l]} A^{[l-1]T} = dJ/dW^{[l]}. Each claim is written below as numpy code of what it says; a
claim is correct when it equals the truth (same shape, same values), incorrect otherwise (a shape that does not
multiply counts as incorrect).  Run: python oracle_ng.py  -> prints OK
"""

import numpy as np

rng = np.random.default_rng(0)
sig = lambda z: 1 / (1 + np.exp(-z))
failures = []


def same(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    return a.shape == b.shape and np.allclose(a, b, rtol=1e-6, atol=1e-7)  # finite differences: ~1e-9


def claim(where, expr, truth, verdict):
    try:
        value = expr()
    except ValueError:  # matmul shape mismatch
        value = None
    ok = (value is not None and same(value, truth)) == (verdict == "correct")
    if not ok:
        failures.append(f"{where}: expected {verdict}")


def fd(f, P, e=1e-6):
    G = np.zeros_like(P)
    for idx in np.ndindex(P.shape):
        P[idx] += e; a = f(); P[idx] -= 2 * e; b = f(); P[idx] += e
        G[idx] = (a - b) / (2 * e)
    return G


# ---------------------------------------------------------------- week 3: 2 -> 4 tanh -> 1 sigmoid, m = 5 columns
m = 5
X = rng.normal(size=(2, m)); Y = rng.integers(0, 2, size=(1, m)).astype(float)
W1 = rng.uniform(-1, 1, (4, 2)); b1 = rng.uniform(-1, 1, (4, 1)); W2 = rng.uniform(-1, 1, (1, 4)); b2 = rng.uniform(-1, 1, (1, 1))


def cost():
    A2 = sig(W2 @ np.tanh(W1 @ X + b1) + b2)
    return float(-np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)))


Z1 = W1 @ X + b1; A1 = np.tanh(Z1); Z2 = W2 @ A1 + b2; A2 = sig(Z2)
gW1, gb1, gW2, gb2 = (fd(cost, P) for P in (W1, b1, W2, b2))
# the per-example derivative dL/dZ2 (Ng's dZ2) = m * dJ/dZ2; dJ/dZ1 likewise
Z2v = Z2.copy()
def cost_z2():
    A = sig(Z2v); return float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))
dZ2_true = m * fd(cost_z2, Z2v)
dZ1_true = (W2.T @ dZ2_true) * (1 - A1 ** 2)
g1p = 1 - np.tanh(Z1) ** 2
dW2 = (1 / m) * dZ2_true @ A1.T

F = "ng_week3_vectorized.toml"
claim(F + " fwd.3", lambda: W2 @ A1 + b2, Z2, "correct")
claim(F + " bp.1", lambda: A2 - Y, dZ2_true, "correct")
claim(F + " bp.2", lambda: (1 / m) * dZ2_true @ A1.T, gW2, "correct")
claim(F + " bp.3", lambda: (1 / m) * np.sum(dZ2_true, axis=1, keepdims=True), gb2, "correct")
claim(F + " bp.4", lambda: (W2.T @ dZ2_true) * g1p, dZ1_true, "correct")
claim(F + " bp.5", lambda: (1 / m) * dZ1_true @ X.T, gW1, "correct")
claim(F + " bp.6", lambda: (1 / m) * np.sum(dZ1_true, axis=1, keepdims=True), gb1, "correct")
claim(F + " tip", lambda: 1 - np.power(A1, 2), g1p, "correct")
claim(F + " sol.dW2", lambda: (1 / m) * np.dot(dZ2_true, A1.T), gW2, "correct")
claim(F + " sol.dZ1", lambda: np.dot(W2.T, dZ2_true) * (1 - np.power(A1, 2)), dZ1_true, "correct")
claim(F + " update.W1", lambda: W1 - 1.2 * gW1, W1 - 1.2 * gW1, "correct")
# (6) sums i = 0..m: m + 1 terms for m examples (a^{[2](0)} does not exist with Ng's 1-based examples); whichever
# example the extra term is read as, the value is not the cost
for extra in range(m):
    terms = [Y[0, i] * np.log(A2[0, i]) + (1 - Y[0, i]) * np.log(1 - A2[0, i]) for i in range(m)]
    claim(F + f" 6 (sum from i = 0, extra term = example {extra})", lambda: -(1 / m) * (sum(terms) + terms[extra]), cost(), "incorrect")

P = "ng_week3_vectorized_planted.toml"
claim(P + " fwd.3 (W2^T)", lambda: W2.T @ A1 + b2, Z2, "incorrect")
claim(P + " bp.1 (Y - A)", lambda: Y - A2, dZ2_true, "incorrect")
claim(P + " bp.2 (A1 dZ2^T)", lambda: (1 / m) * A1 @ dZ2_true.T, gW2, "incorrect")
claim(P + " bp.3 (axis=0)", lambda: (1 / m) * np.sum(dZ2_true, axis=0, keepdims=True), gb2, "incorrect")
claim(P + " bp.4 (g for g')", lambda: (W2.T @ dZ2_true) * np.tanh(Z1), dZ1_true, "incorrect")
claim(P + " bp.5 (no 1/m)", lambda: dZ1_true @ X.T, gW1, "incorrect")
claim(P + " tip (A1^2)", lambda: np.power(A1, 2), g1p, "incorrect")
claim(P + " update.W1 (+)", lambda: W1 + 1.2 * gW1, W1 - 1.2 * gW1, "incorrect")

# ---------------------------------------------------------------- week 3, one example (m = 1)
x = X[:, :1]; y = Y[:, :1]
z1 = W1 @ x + b1; a1 = np.tanh(z1); z2 = W2 @ a1 + b2; a2 = sig(z2)
def loss1():
    a = sig(W2 @ np.tanh(W1 @ x + b1) + b2); return float(-(y * np.log(a) + (1 - y) * np.log(1 - a)).sum())
hW1, hb1, hW2, hb2 = (fd(loss1, Pm) for Pm in (W1, b1, W2, b2))
a2v = a2.copy()
def loss_a2():
    return float(-(y * np.log(a2v) + (1 - y) * np.log(1 - a2v)).sum())
da2 = fd(loss_a2, a2v)
dz2 = da2 * a2 * (1 - a2)
dz1 = (W2.T @ dz2) * (1 - a1 ** 2)
S = "ng_week3_single.toml"
claim(S + " 2", lambda: np.tanh(z1), a1, "correct")
claim(S + " intuition.da2", lambda: -y / a2 + (1 - y) / (1 - a2), da2, "correct")
claim(S + " intuition.dz2", lambda: da2 * (a2 * (1 - a2)), dz2, "correct")
claim(S + " summary.1", lambda: a2 - y, dz2, "correct")
claim(S + " summary.2", lambda: dz2 @ a1.T, hW2, "correct")
claim(S + " summary.3", lambda: dz2, hb2, "correct")
claim(S + " summary.4", lambda: (W2.T @ dz2) * (1 - np.tanh(z1) ** 2), dz1, "correct")
claim(S + " summary.5", lambda: dz1 @ x.T, hW1, "correct")
claim(S + " summary.6", lambda: dz1, hb1, "correct")
claim(S + " tip", lambda: 1 - a1 ** 2, 1 - np.tanh(z1) ** 2, "correct")
claim(S + " w4.da1", lambda: W2.T @ dz2, W2.T @ dz2, "correct")
SP = "ng_week3_single_planted.toml"
claim(SP + " 2 (sigma)", lambda: sig(z1), a1, "incorrect")
claim(SP + " intuition.da2 (sign)", lambda: -y / a2 - (1 - y) / (1 - a2), da2, "incorrect")
claim(SP + " summary.2 (a1 dz2^T)", lambda: a1 @ dz2.T, hW2, "incorrect")
claim(SP + " summary.4 (W2 dz2)", lambda: (W2 @ dz2) * (1 - np.tanh(z1) ** 2), dz1, "incorrect")
claim(SP + " summary.5 (a1^T)", lambda: dz1 @ a1.T, hW1, "incorrect")
claim(SP + " tip (a(1-a))", lambda: a1 * (1 - a1), 1 - np.tanh(z1) ** 2, "incorrect")

# ---------------------------------------------------------------- week 4: 4 -> 5 relu -> 3 relu -> 1 sigmoid, m = 6
m = 6; dims = [4, 5, 3, 1]
X = rng.normal(size=(4, m)); Y = rng.integers(0, 2, size=(1, m)).astype(float)
W = {l: rng.uniform(-1, 1, (dims[l], dims[l - 1])) for l in (1, 2, 3)}
b = {l: rng.uniform(-1, 1, (dims[l], 1)) for l in (1, 2, 3)}
g = {1: lambda z: np.maximum(0, z), 2: lambda z: np.maximum(0, z), 3: sig}
gp = {1: lambda z: (z > 0).astype(float), 2: lambda z: (z > 0).astype(float), 3: lambda z: sig(z) * (1 - sig(z))}


def forward():
    A = {0: X}; Z = {}
    for l in (1, 2, 3):
        Z[l] = W[l] @ A[l - 1] + b[l]; A[l] = g[l](Z[l])
    return Z, A


def cost4():
    A3 = forward()[1][3]; return float(-np.mean(Y * np.log(A3) + (1 - Y) * np.log(1 - A3)))


Z, A = forward()
gW = {l: fd(cost4, W[l]) for l in (1, 2, 3)}; gb = {l: fd(cost4, b[l]) for l in (1, 2, 3)}
dAL_true = -(Y / A[3]) + (1 - Y) / (1 - A[3])          # per-example dL/dA^{[3]} (Ng's dAL)
dZ = {3: dAL_true * gp[3](Z[3])}; dA = {3: dAL_true}
for l in (3, 2, 1):
    dA[l - 1] = W[l].T @ dZ[l]
    if l > 1:
        dZ[l - 1] = dA[l - 1] * gp[l - 1](Z[l - 1])
F4 = "ng_week4.toml"
claim(F4 + " 7", lambda: -(1 / m) * np.sum(Y * np.log(A[3]) + (1 - Y) * np.log(1 - A[3])), cost4(), "correct")
claim(F4 + " dAL", lambda: -(np.divide(Y, A[3]) - np.divide(1 - Y, 1 - A[3])), dAL_true, "correct")
for l in (1, 2, 3):
    claim(F4 + f" 4 (l={l})", lambda: W[l] @ A[l - 1] + b[l], Z[l], "correct")
    claim(F4 + f" 8 (l={l})", lambda: (1 / m) * dZ[l] @ A[l - 1].T, gW[l], "correct")
    claim(F4 + f" 9 (l={l})", lambda: (1 / m) * sum(dZ[l][:, [i]] for i in range(m)), gb[l], "correct")
    claim(F4 + f" 10 (l={l})", lambda: W[l].T @ dZ[l], dA[l - 1], "correct")
    claim(F4 + f" 11 (l={l})", lambda: dA[l] * gp[l](Z[l]), dZ[l], "correct")
    claim(F4 + f"P 8 A^[l] (l={l})", lambda: (1 / m) * dZ[l] @ A[l].T, gW[l], "incorrect")
    claim(F4 + f"P 11 g for g' (l={l})", lambda: dA[l] * g[l](Z[l]), dZ[l], "incorrect")
    claim(F4 + f"P 16 no alpha (l={l})", lambda: W[l] - gW[l], W[l] - 0.0075 * gW[l], "incorrect")
for l in (2, 3):
    claim(F4 + f"P 10 W^[l-1] (l={l})", lambda: W[l - 1].T @ dZ[l], dA[l - 1], "incorrect")
claim(F4 + " l3.dZ", lambda: A[3] - Y, dZ[3], "correct")
claim(F4 + " l3.dW", lambda: (1 / m) * dZ[3] @ A[2].T, gW[3], "correct")
claim(F4 + " l3.dA", lambda: W[3].T @ dZ[3], dA[2], "correct")
claim(F4 + " l2.dZ", lambda: dA[2] * gp[2](Z[2]), dZ[2], "correct")
claim(F4 + " l1.db", lambda: (1 / m) * sum(dZ[1][:, [i]] for i in range(m)), gb[1], "correct")
claim(F4 + " l1.dW", lambda: (1 / m) * dZ[1] @ A[0].T, gW[1], "correct")
P4 = "ng_week4_planted.toml"
claim(P4 + " table.2 (A^[2])", lambda: W[2] @ A[2] + b[2], Z[2], "incorrect")
claim(P4 + " dAL (+)", lambda: -(np.divide(Y, A[3]) + np.divide(1 - Y, 1 - A[3])), dAL_true, "incorrect")
claim(P4 + " l3.dW (no 1/m)", lambda: dZ[3] @ A[2].T, gW[3], "incorrect")
claim(P4 + " l3.dA (W3)", lambda: W[3] @ dZ[3], dA[2], "incorrect")
claim(P4 + " l2.dZ (A2)", lambda: dA[2] * A[2], dZ[2], "incorrect")

if failures:
    print("FAIL"); print("\n".join(failures)); raise SystemExit(1)
print("OK")
