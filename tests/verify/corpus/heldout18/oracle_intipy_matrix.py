"""Independent NumPy oracle for intipy_matrix.md / intipy_matrix_planted.md (a Korean learner's 10-15-5 sigmoid net in
row-vector matrix form: A_1 = X W_1 + B_1, Z_1 = sigma(A_1), A_2 = Z_1 W_2 + B_2, Z_2 = sigma(A_2),
Error = 1/2 sum (Z_2 - T)^2).

Random X, W's, B's, T; the gradients by central differences of Error, compared with each claim's expression evaluated
as written (elementwise products of rows as the post means them; a product of non-conforming shapes fails). The
author's layout "dA_2/dW_2 = Z_1^T" is checked as the left factor that turns the backpropagated row into dError/dW_2.
Prints OK when every verdict of MANIFEST.toml holds. Run: python oracle_intipy_matrix.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(1017)
X, W1, B1 = rng.normal(size=(1, 10)), rng.normal(size=(10, 15)) * 0.5, rng.normal(size=(1, 15))
W2, B2, T = rng.normal(size=(15, 5)) * 0.5, rng.normal(size=(1, 5)), rng.uniform(size=(1, 5))
A1 = X @ W1 + B1
Z1 = sigmoid(A1)
A2 = Z1 @ W2 + B2
Z2 = sigmoid(A2)


def err(z1=Z1, w2=W2, b2=B2):
    return 0.5 * float(np.sum((sigmoid(z1 @ w2 + b2) - T) ** 2))


dE_dZ2 = grad(lambda z: 0.5 * float(np.sum((z - T) ** 2)), Z2)
dZ2_dA2 = grad(lambda a: float(np.sum(sigmoid(a))), A2)              # the elementwise slope (diagonal Jacobian)
dE_dW2 = grad(lambda w: err(w2=w), W2)
dE_dB2 = grad(lambda b: err(b2=b), B2)
dE_dZ1 = grad(lambda z: err(z1=z), Z1)
dA2_dB2 = grad(lambda b: float(np.sum(Z1 @ W2 + b)), B2)              # ones
delta = dE_dZ2 * dZ2_dA2


def mm(p, q):
    """The matrix product as written; None when the shapes do not conform (the claim cannot hold)."""
    return p @ q if p.shape[1] == q.shape[0] else None


def eq(p, q):
    return p is not None and q is not None and p.shape == q.shape and same(p, q)


# dA_2/dW_2 as the left factor: for any backpropagated row g, the gradient of sum(g * A_2) by W_2 is (factor) g
g_row = rng.normal(size=(1, 5))
left_factor = grad(lambda w: float(np.sum(g_row * (Z1 @ w + B2))), W2)
# the scalar example: a_2 = z_1 w_2 + b_2
z1s, w2s, b2s = (float(v) for v in rng.normal(size=3))
da2_dw2 = float(grad(lambda v: float(z1s * v[0] + b2s), np.array([w2s]))[0])

checks = {
    "line 93": lambda: eq(dE_dW2, mm(Z1.T, dE_dZ2 * dZ2_dA2)),
    "line 95": lambda: eq(dE_dB2, dE_dZ2 * dZ2_dA2 * dA2_dB2),
    "line 103": lambda: eq(dE_dZ2, Z2 - T),
    "line 109": lambda: eq(dZ2_dA2, sigmoid(A2) * (1 - sigmoid(A2))) and eq(dZ2_dA2, Z2 * (1 - Z2)),
    "line 115": lambda: eq(left_factor, mm(Z1.T, g_row)),
    "line 123": lambda: same(da2_dw2, z1s),
    "line 133": lambda: eq(dA2_dB2, np.ones_like(B2)),
    "line 141": lambda: eq(dE_dW2, mm(Z1.T, (Z2 - T) * Z2 * (1 - Z2))),
    "line 143": lambda: eq(dE_dB2, (Z2 - T) * Z2 * (1 - Z2)),
    "line 161": lambda: eq(dE_dZ1, mm((Z2 - T) * Z2 * (1 - Z2), W2.T)),
}
planted = {
    "line 103": lambda: eq(dE_dZ2, T - Z2),
    "line 141": lambda: eq(dE_dW2, mm(Z1, (Z2 - T) * Z2 * (1 - Z2))),
    "line 143": lambda: eq(dE_dB2, (Z2 - T) * (1 - Z2)),
    "line 161": lambda: eq(dE_dZ1, mm((Z2 - T) * Z2 * (1 - Z2), W2)),
}
assert same(delta, (Z2 - T) * Z2 * (1 - Z2))
confirm("intipy_matrix.md", "intipy_matrix_planted.md", checks, planted)
print("OK")
