"""Independent NumPy oracle for timattt_mlp.md / timattt_mlp_planted.md (Tim Trofimenko's Russian notes on a
one-hidden-layer perceptron).

n = 3 inputs, 3 sigmoid hidden units, 3 sigmoid outputs on random numbers; z_2 = W_1 A_1 + b_1, z_3 = W_2 A_2 + b_2,
I = -sum_i [y_i ln A_3^i + (1 - y_i) ln(1 - A_3^i)]. Every gradient is a central difference of I; the notes' one-layer
relations (Q = W P + b, R = sigma(Q)) are checked on the output layer. Prints OK when every verdict of MANIFEST.toml
holds. Run: python oracle_timattt.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(1601)
n = 3
W1, b1, W2, b2 = rng.normal(size=(n, n)), rng.normal(size=n), rng.normal(size=(n, n)), rng.normal(size=n)
A1, y = rng.normal(size=n), rng.uniform(0.1, 0.9, size=n)
sp = lambda v: sigmoid(v) * (1 - sigmoid(v))  # noqa: E731
bce = lambda a: -float((y * np.log(a) + (1 - y) * np.log(1 - a)).sum())  # noqa: E731
z2 = W1 @ A1 + b1
A2 = sigmoid(z2)
z3 = W2 @ A2 + b2
A3 = sigmoid(z3)


def I_of(V1=W1, c1=b1, V2=W2, c2=b2, a1=A1):
    return bce(sigmoid(V2 @ sigmoid(V1 @ a1 + c1) + c2))


# the generic layer = the output layer: P = A_2, W = W_2, Q = z_3, R = A_3
dR = grad(bce, A3)
dQ = grad(lambda q: bce(sigmoid(q)), z3)
dP = grad(lambda p: bce(sigmoid(W2 @ p + b2)), A2)
dW = grad(lambda v: I_of(V2=v), W2)
db = grad(lambda v: I_of(c2=v), b2)
dz2 = grad(lambda v: bce(sigmoid(W2 @ sigmoid(v) + b2)), z2)
dW1, db1 = grad(lambda v: I_of(V1=v), W1), grad(lambda v: I_of(c1=v), b1)
dQ_dP = jacobian(lambda p: W2 @ p + b2, A2)                                   # [k, i] = dQ_k / dP_i
dQ_dW = np.array([grad(lambda v, k=k: float((v @ A2 + b2)[k]), W2) for k in range(n)])  # [k, i, j]
kron = np.eye(n)
delta = A3 - y                      # the notes' delta, read as dI/dz_3 (spec header)
his_dA2 = delta @ W2.T              # the notes' own (wrong) dI/dA_2 = delta * W_2^T
xs = rng.normal()

checks = {
    "line 52": lambda: same(dR, (A3 - y) / (A3 * (1 - A3))),
    "line 79": lambda: same(dQ, dR * sp(z3)),
    "line 85": lambda: same(dP, np.array([sum(dQ[k] * dQ_dP[k, i] for k in range(n)) for i in range(n)])),
    "line 91": lambda: same(dW, np.einsum("k,kij->ij", dQ, dQ_dW)) and same(dW, np.outer(dQ, A2)),
    "line 98": lambda: same(dQ_dW, np.einsum("j,ik->kij", A2, kron)),
    "line 106": lambda: same(db, np.array([sum(dQ[k] * kron[i, k] for k in range(n)) for i in range(n)]))
    and same(db, np.array([sum(dQ[i] for _k in range(n)) for i in range(n)])),
    "line 113": lambda: same(dQ, dR * sp(z3)),
    "line 117": lambda: same(dP, dQ @ W2.T),
    "line 121": lambda: same(dW, np.outer(A2, dQ)),
    "line 125": lambda: same(db, dQ),
    "line 137": lambda: same(dR, delta),
    "line 143": lambda: same(dQ, dR * sp(z3)) and same(dQ, (A3 - y) / (A3 * (1 - A3)) * sigmoid(z3) * (1 - sigmoid(z3)))
    and same(dQ, delta),
    "line 148": lambda: same(grad(lambda v: float(sigmoid(v[0])), np.array([xs])), np.array([sp(xs)])),
    "line 148#2": lambda: same(sigmoid(z3), A3),
    "line 153": lambda: same(dW, np.outer(A2, delta)),
    "line 157": lambda: same(db, delta),
    "line 161": lambda: same(grad(lambda a: bce(sigmoid(W2 @ a + b2)), A2), delta @ W2.T),
    # carried forward: the first link holds, the second is the first on the notes' own dI/dA_2
    "line 167": lambda: same(dz2, grad(lambda a: bce(sigmoid(W2 @ a + b2)), A2) * sp(z2))
    and same(his_dA2 * sp(z2), (delta @ W2.T) * sp(z2)),
    "line 172": lambda: same(dW1, np.outer(A1, dz2)),
    "line 176": lambda: same(db1, dz2) and same(his_dA2 * sp(z2), (delta @ W2.T) * sp(z2)),
}
planted = {
    "line 52": lambda: same(dR, (y - A3) / (A3 * (1 - A3))),
    "line 98": lambda: same(dQ_dW, np.einsum("i,jk->kij", A2, kron)),
    "line 113": lambda: same(dQ, dR * sigmoid(z3)),
    "line 125": lambda: same(db, dR),
    "line 143": lambda: same(dQ, y - A3),
    "line 157": lambda: same(db, np.outer(A2, delta)),
}
confirm("timattt_mlp.md", "timattt_mlp_planted.md", checks, planted)
print("OK")
