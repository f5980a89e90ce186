"""Independent NumPy oracle for clark_cs224n.toml / clark_cs224n_planted.toml (Clark, Computing Neural Network
Gradients, CS224n).

The notes' conventions: z = W x + b_1, h = ReLU(z), theta = U h + b_2, yhat = softmax(theta), J = -sum_i y_i log yhat_i;
delta_1 = dJ/dtheta and delta_2 = dJ/dz are Jacobians (1 x n rows), dJ/dx is a row, a parameter's gradient has the
parameter's shape. Derivatives by central finite differences; vectors are kept as explicit column (n x 1) or row
(1 x n) matrices so that a missing or spurious transpose shows. A claim whose shapes do not fit counts as incorrect.
Prints OK when every hand verdict holds.
Run: python oracle_clark.py   (numpy only)
"""

import numpy as np
from fdcheck import EPS, confirm, grad, same

rng = np.random.default_rng(224)
W, b1, U, b2 = rng.normal(size=(5, 4)), rng.normal(size=(5, 1)), rng.normal(size=(3, 5)), rng.normal(size=(3, 1))
x = rng.normal(size=(4, 1))
y = np.eye(3)[:, [1]]
relu = lambda v: np.maximum(v, 0)
softmax = lambda v: np.exp(v - v.max()) / np.exp(v - v.max()).sum()


def J(W=W, b1=b1, U=U, b2=b2, x=x, z=None, h=None, theta=None):
    z = W @ x + b1 if z is None else z
    h = relu(z) if h is None else h
    theta = U @ h + b2 if theta is None else theta
    return float(-(y * np.log(softmax(theta))).sum())


def jacobian(fun, base):
    """d fun / d base for column vectors: (len(fun) x len(base))."""
    cols = []
    for q in np.eye(base.size):
        e = q.reshape(base.shape) * EPS
        cols.append(((fun(base + e) - fun(base - e)) / (2 * EPS)).ravel())
    return np.array(cols).T


z = W @ x + b1
while np.any(np.abs(z) < 1e-3):  # keep away from ReLU's kink for the finite differences
    b1 = b1 + 0.01
    z = W @ x + b1
h = relu(z)
theta = U @ h + b2
yhat = softmax(theta)
dtheta_row = grad(lambda v: J(theta=v), theta).T  # delta_1: 1 x 3
dz_row = grad(lambda v: J(z=v), z).T  # delta_2: 1 x 5
dh_row = grad(lambda v: J(h=v), h).T
dU, db2 = grad(lambda v: J(U=v), U), grad(lambda v: J(b2=v), b2)
dW, db1 = grad(lambda v: J(W=v), W), grad(lambda v: J(b1=v), b1)
dx_row = grad(lambda v: J(x=v), x).T  # dJ/dx as the notes' Jacobian (row)
d1, d2 = (yhat - y).T, ((yhat - y).T @ U) * (z > 0).T.astype(float)
relu_prime = (z > 0).astype(float)


claims = {
    "fwd-z": lambda: same(z, W @ x + b1),
    "fwd-h": lambda: same(h, relu(z)),
    "fwd-theta": lambda: same(theta, U @ h + b2),
    "fwd-yhat": lambda: same(yhat, softmax(theta)),
    "ce": lambda: np.isclose(J(), -sum(y[i, 0] * np.log(yhat[i, 0]) for i in range(3))),
    "id4-elementwise": lambda: same(jacobian(relu, z), np.diag(relu_prime.ravel())),
    "id4-elementwiseP": lambda: same(jacobian(relu, z), np.diag(relu(z).ravel())),
    "id7-softmax-ce": lambda: same(grad(lambda v: J(theta=v), theta), yhat - y),
    "delta1": lambda: same(dtheta_row, (yhat - y).T),
    "delta1P": lambda: same(dtheta_row, (y - yhat).T),
    "delta2": lambda: (
        same(dz_row, dtheta_row @ jacobian(lambda v: U @ v + b2, h) @ jacobian(relu, z))
        and same(dz_row, (d1 @ U) * relu_prime.T)
        and same(dz_row, (d1 @ U) * np.sign(h).T)
    ),
    "delta2P": lambda: same(dz_row, d1 @ U),
    "dJ-dU": lambda: same(dU, d1.T @ h.T),
    "dJ-dUP": lambda: same(dU, d1 @ h.T),
    "dJ-db2": lambda: same(db2, d1.T),
    "dJ-dW": lambda: same(dW, d2.T @ x.T),
    "dJ-db1": lambda: same(db1, d2.T),
    "dJ-db1P": lambda: same(db1, d1.T),
    "dJ-dx": lambda: same(dx_row, d2 @ W) and same(dx_row, dz_row @ jacobian(lambda v: W @ v + b1, x)),
    "dJ-dxP": lambda: same(dx_row, d2 @ W.T),
}
assert same(dh_row, d1 @ U)  # the planted delta2 is dJ/dh
confirm(claims)
print("OK")
