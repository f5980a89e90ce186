"""Independent NumPy oracle for dassein_matrix_backprop.md (a student's matrix-calculus notes: the samples as rows,
A^(k) = [ones, a^(k)] carrying the bias, Z^(k) = A^(k-1) W^(k), sigmoid hidden layer, softmax over each row,
J = -tr(Y log a^(K)) with Y one-hot classes x N) and its planted copy.

Random X, W^(1), W^(2), Y; every gradient by central differences of J (as a function of W^(k), of Z^(k) or A^(k) or
a^(k) taken as free, the layers above recomputed from it) and compared with the line's right-hand side; lines
103-119 for one sample (Z a column, Y a one-hot row). A check holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_dassein.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2603)
N, F, H, C = 4, 2, 3, 3
X = np.vstack([np.ones(N), rng.normal(size=(F, N))])     # l x N, its first row the ones (the author's X)
A0 = X.T
W1, W2 = rng.normal(size=(F + 1, H)), rng.normal(size=(H + 1, C))
Y = np.eye(C)[:, rng.integers(0, C, size=N)]               # classes x N, one-hot columns
M1 = np.hstack([np.zeros((H, 1)), np.eye(H)])             # [zeros(N_1 - 1, 1), I]
ONES = np.ones((N, 1))


def softmax_rows(Z):
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def J_from_Z2(Z2):
    return -np.trace(Y @ np.log(softmax_rows(Z2)))


def J_from_A1(A1):
    return J_from_Z2(A1 @ W2)


def J_from_a1(a1):
    return J_from_A1(np.hstack([ONES, a1]))


def J_from_Z1(Z1):
    return J_from_a1(sigmoid(Z1))


def J_from_W1(W):
    return J_from_Z1(A0 @ W)


Z1 = A0 @ W1
a1 = sigmoid(Z1)
A1 = np.hstack([ONES, a1])
Z2 = A1 @ W2
a2 = softmax_rows(Z2)
dW1, dW2 = grad(J_from_W1, W1), grad(lambda W: J_from_Z2(A1 @ W), W2)
dZ1, dZ2 = grad(J_from_Z1, Z1), grad(J_from_Z2, Z2)
dA1, da1 = grad(J_from_A1, A1), grad(J_from_a1, a1)
dsig = grad(lambda z: float(np.sum(sigmoid(z))), Z1)       # the sigmoid's slope, elementwise

# one sample: Z a column of C scores, Y a one-hot row
z = rng.normal(size=C)
y = np.eye(C)[rng.integers(0, C)]
sm = np.exp(z) / np.exp(z).sum()
d_yz = grad(lambda v: float(-y @ v), z)
d_lse = grad(lambda v: float(np.log(np.ones(C) @ np.exp(v))), z)
d_J1 = grad(lambda v: float(-y @ np.log(np.exp(v) / np.exp(v).sum())), z)

checks = {
    "line 31.3": lambda: same(dW2, A1.T @ dZ2) and same(dW1, A0.T @ dZ1),
    "line 32.4": lambda: same(dA1, dZ2 @ W2.T),
    "line 37": lambda: same(dsig, sigmoid(Z1) * (1.0 - sigmoid(Z1))),
    "line 45.2": lambda: same(dZ1, da1 * (a1 * (1.0 - a1))),
    "line 53.2": lambda: same(da1, dA1 @ M1.T) and same(A1, a1 @ M1 + ONES @ np.eye(H + 1)[:1]),
    "line 85": lambda: same(dZ2, a2 - Y.T),
    "line 103": lambda: (same(-y @ np.log(sm), -y @ np.log(np.exp(z)) + (y @ np.ones(C)) * np.log(np.ones(C) @ np.exp(z)))
                         and same(-y @ np.log(sm), -y @ z + np.log(np.ones(C) @ np.exp(z)))),
    "line 111": lambda: same(d_yz, -y),
    # d log(1^T exp Z)/dZ = 1/(1^T exp Z) (.) exp(a^(K)) = exp(Z)/(1^T exp Z): the first link has a for Z
    "line 115": lambda: same(d_lse, np.exp(sm) / (np.ones(C) @ np.exp(z))) and same(d_lse, np.exp(z) / (np.ones(C) @ np.exp(z))),
    "line 119": lambda: same(d_J1, np.exp(z) / (np.ones(C) @ np.exp(z)) - y) and same(d_J1, sm - y),
    "line 124": lambda: same(dZ2, a2 - Y.T),
    "line 129.1": lambda: same(dA1, dZ2 @ W2.T),
    "line 130.2": lambda: same(da1, dA1 @ M1.T),
    "line 131.3": lambda: same(dZ1, da1 * a1 * (1.0 - a1)),
    "line 132.4": lambda: same(dZ1, (dZ2 @ W2.T @ M1.T) * (a1 * (1.0 - a1))),
    "line 144": lambda: same(dW2, A1.T @ dZ2) and same(dW1, A0.T @ dZ1),
}
planted = {
    "line 31.3": lambda: same(dW2, A1 @ dZ2) and same(dW1, A0 @ dZ1),
    "line 45.2": lambda: same(dZ1, da1 * a1),
    "line 111": lambda: same(d_yz, y),
    "line 130.2": lambda: same(da1, dA1 @ M1),
    "line 144": lambda: same(dW2, dZ2 @ A1.T) and same(dW1, dZ1 @ A0.T),
}
confirm("dassein_matrix_backprop.md", "dassein_matrix_backprop_planted.md", checks, planted)
print("OK")
