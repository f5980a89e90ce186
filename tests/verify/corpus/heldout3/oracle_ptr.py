"""Independent NumPy oracle for ptr_ecl_td1.md / ptr_ecl_td1_planted.md (a student's answer to the Centrale Lyon
MOD 4.6 TD 1, questions 2-9).

The TD's conventions (ptr_ecl_td1.spec.toml): one example as a column vector, Z^{(l)} = W^{(l)} A^{(l-1)} + B^{(l)},
A^{(l)} = sigma(Z^{(l)}) in both layers, C = 1/N_out sum_i (yhat_i - y_i)^2 (no 1/2). Every derivative is a central
difference of C; a derivative by a vector or matrix has its shape; "\\cdot" of two same-size vectors is elementwise,
of a vector and a matrix a matrix product (numpy raises on shapes that do not fit: incorrect). A sum whose body does
not depend on its index counts the body that many times. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_ptr.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid, two_layer

rng = np.random.default_rng(8)
N_IN, N_HID, N_OUT = 4, 3, 2
A0, Y = rng.normal(size=N_IN), np.eye(N_OUT)[0]
W1, B1, W2, B2 = two_layer(rng, N_IN, N_HID, N_OUT)
sig = sigmoid


def C(W1=W1, B1=B1, W2=W2, B2=B2, Z1=None, A1=None, Z2=None, A2=None):
    Z1 = W1 @ A0 + B1 if Z1 is None else Z1
    A1 = sig(Z1) if A1 is None else A1
    Z2 = W2 @ A1 + B2 if Z2 is None else Z2
    A2 = sig(Z2) if A2 is None else A2
    return float(np.sum((A2 - Y) ** 2) / N_OUT)


Z1 = W1 @ A0 + B1
A1 = sig(Z1)
Z2 = W2 @ A1 + B2
A2 = sig(Z2)
dA2, dZ2, dA1, dZ1 = (grad(lambda v, k=k: C(**{k: v}), base) for k, base in (("A2", A2), ("Z2", Z2), ("A1", A1), ("Z1", Z1)))
dW2, dB2, dW1, dB1 = (grad(lambda v, k=k: C(**{k: v}), base) for k, base in (("W2", W2), ("B2", B2), ("W1", W1), ("B1", B1)))
jac = jacobian
J_A2_Z2 = jac(sig, Z2)
diag = lambda M: same(M, np.diag(np.diag(M)))
# dZ2/dW2 as a tensor [i, a, b] = d Z2_i / d W2_ab, contracted with dC/dZ2 over i
dZ2_dW2 = np.array([grad(lambda v, i=i: float((v @ A1 + B2)[i]), W2) for i in range(N_OUT)])
dZ2_dA1 = jac(lambda v: W2 @ v + B2, A1)

checks = {
    "line 30": lambda: same(dA2, 2 / N_OUT * np.sum(A2 - Y)),  # a scalar: not the vector 2/N_out (A2 - Y)
    "line 42": lambda: diag(J_A2_Z2) and same(dZ2, dA2 * np.diag(J_A2_Z2)) and same(dZ2, dA2 @ J_A2_Z2),
    "line 45": lambda: same(A2, sig(Z2)),
    "line 48": lambda: diag(J_A2_Z2) and same(np.diag(J_A2_Z2), sig(Z2) * (1 - sig(Z2))),
    "line 54": lambda: same(dZ2, dA2 * A2 * (1 - A2)),
    "line 64": lambda: same(dW2, np.tensordot(dZ2, dZ2_dW2, axes=1)) and same(dW2, np.dot(dZ2, A1)),  # 2-vector . 3-vector
    "line 76": lambda: same(dB2, sum(dZ2 for _ in range(N_OUT))),
    "line 98": lambda: same(dZ1, dA1 * np.diag(jac(sig, Z1))) and same(dZ1, dA1 * A1 * (1 - A1)),
    "line 108": lambda: same(dW1, np.dot(dZ1, A0)),  # 3-vector . 4-vector
    "line 120": lambda: same(dB1, sum(dZ1 for _ in range(N_IN))),
}
# line 86 (dC/dA1 = dC/dZ2 . W2) is graded `unchecked`: right if dC/dZ2 is a Jacobian ROW (then dC/dZ2 W2 is the row
# dC/dA1), wrong for the column gradients the other answers use (W2^T dC/dZ2); the README does not say which.
assert same(dA1, dZ2 @ dZ2_dA1) and same(dA1, W2.T @ dZ2) and same(dA1, dZ2 @ W2)  # both readings give these numbers

planted = {
    "line 48": lambda: diag(J_A2_Z2) and same(np.diag(J_A2_Z2), sig(Z2)),
    "line 54": lambda: same(dZ2, dA2 * A2 * (A2 - 1)),
    "line 98": lambda: same(dZ1, dA1 * np.diag(jac(sig, Z1))) and same(dZ1, dA1 * A2 * (1 - A2)),
}
confirm("ptr_ecl_td1.md", "ptr_ecl_td1_planted.md", checks, planted)
print("OK")
