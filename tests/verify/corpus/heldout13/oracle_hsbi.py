"""Independent NumPy oracle for hsbi_backprop.md / hsbi_backprop_planted.md (the HSBI/TDU German lecture notes in Ng's
notation, dX := dJ/dX of the mean cost).

The network (hsbi_backprop.spec.toml): the m = 4 examples as COLUMNS, Z1 = W1 A0 + b1, A1 = ReLU(Z1), Z2 = W2 A1 + b2,
A2 = sigmoid(Z2), J = 1/m sum_i L(a^(i), y^(i)) with L the binary cross-entropy; dZ^[l] := dJ/dZ^[l] etc. as the notes
define them. Every derivative is a central difference of J. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_hsbi.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(1309)
m, alpha = 4, 0.1
A0, Y = rng.normal(size=(3, m)), rng.integers(0, 2, size=(1, m)).astype(float)
W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=(4, 1)), rng.normal(size=(1, 4)), rng.normal(size=(1, 1))
relu, drelu = (lambda z: np.maximum(z, 0)), (lambda z: (z > 0) * 1.0)
dsig = lambda z: sigmoid(z) * (1 - sigmoid(z))  # noqa: E731


def Jof(A2):
    return float(np.mean(-Y * np.log(A2) - (1 - Y) * np.log(1 - A2)))


def J(w1, v1, w2, v2):
    return Jof(sigmoid(w2 @ relu(w1 @ A0 + v1) + v2))


Z1 = W1 @ A0 + b1
A1 = relu(Z1)
Z2 = W2 @ A1 + b2
A2 = sigmoid(Z2)
dA2 = grad(Jof, A2)
dZ2 = grad(lambda z: Jof(sigmoid(z)), Z2)
dA1 = grad(lambda a: Jof(sigmoid(W2 @ a + b2)), A1)
dZ1 = grad(lambda z: Jof(sigmoid(W2 @ relu(z) + b2)), Z1)
dW2, db2 = grad(lambda w: J(W1, b1, w, b2), W2), grad(lambda v: J(W1, b1, W2, v), b2)
dW1, db1 = grad(lambda w: J(w, b1, W2, b2), W1), grad(lambda v: J(W1, v, W2, b2), b1)
down = J(W1 - alpha * dW1, b1, W2, b2) < J(W1, b1, W2, b2)

checks = {
    "1": lambda: same(Z1, W1 @ A0 + b1) and same(Z2, W2 @ A1 + b2),
    "2": lambda: same(A1, relu(Z1)) and same(A2, sigmoid(Z2)),
    "3": lambda: same(dZ2, dA2 * dsig(Z2)) and same(dZ1, dA1 * drelu(Z1)),
    "4": lambda: same(dW2, 1 / m * dZ2 @ A1.T) and same(dW1, 1 / m * dZ1 @ A0.T),  # the 1/m twice: dZ := dJ/dZ has it
    "5": lambda: same(db2, 1 / m * dZ2.sum(axis=1, keepdims=True)),  # likewise
    "6": lambda: same(dA1, W2.T @ dZ2),
    "7": lambda: down,
    "8": lambda: J(W1, b1 - alpha * db1, W2, b2) < J(W1, b1, W2, b2),
}
planted = {
    "1": lambda: same(Z1, W1.T @ A0 + b1),
    "3": lambda: same(dZ2, dA2 * dsig(Z1)),
    "6": lambda: same(dA1, W2 @ dZ2),
    "7": lambda: J(W1 + alpha * dW1, b1, W2, b2) < J(W1, b1, W2, b2),
}
assert same(dW2, dZ2 @ A1.T) and same(db2, dZ2.sum(axis=1, keepdims=True))  # without the second 1/m they hold
confirm("hsbi_backprop.md", "hsbi_backprop_planted.md", checks, planted)
print("OK")
