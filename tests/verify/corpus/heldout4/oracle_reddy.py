"""Independent NumPy oracle for reddy_mlp.md / reddy_mlp_planted.md (Gaurav Reddy's backpropagation notes).

The author's conventions (reddy_mlp.spec.toml): z^l = W^l a^{l-1} + b^l, ReLU hidden layer, one sigmoid output,
binary cross-entropy, one sample. Every derivative is a central difference of L; the symbolic chain rules are
checked as products of central-difference Jacobians (dz/dW as the out x out x in tensor); dL/da^{L-1} may be a row
or a column (the notes' own layouts); every other claim must have the shape of what it names. Prints OK when every
verdict of MANIFEST.toml holds.
Run: python oracle_reddy.py   (numpy only)
"""

import numpy as np
from fdcheck import EPS, confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(47)
x, y = rng.normal(size=(3, 1)), 1.0
W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=(4, 1)), rng.normal(size=(1, 4)), rng.normal(size=(1, 1))
relu = lambda v: np.maximum(0, v)
zs = np.linspace(-2, 2, 8) + 0.05


def L(W1=W1, b1=b1, W2=W2, b2=b2, a1=None, z1=None, z2=None, a2=None):
    z1 = W1 @ x + b1 if z1 is None else z1
    a1 = relu(z1) if a1 is None else a1
    z2 = W2 @ a1 + b2 if z2 is None else z2
    a2 = sigmoid(z2) if a2 is None else a2
    return float(-(y * np.log(a2) + (1 - y) * np.log(1 - a2)).sum())


z1 = W1 @ x + b1
a1 = relu(z1)
z2 = W2 @ a1 + b2
yhat = sigmoid(z2)
dW2, dW1 = grad(lambda v: L(W2=v), W2), grad(lambda v: L(W1=v), W1)
dz2, da1 = grad(lambda v: L(z2=v), z2), grad(lambda v: L(a1=v), a1)
dL_da2 = grad(lambda v: L(a2=v), yhat).ravel()
J_a2_z2 = jacobian(lambda v: sigmoid(v), z2.ravel())
J_a1_z1 = jacobian(lambda v: relu(v), z1.ravel())
T2 = np.array([grad(lambda v, k=k: float((v @ a1 + b2)[k, 0]), W2) for k in range(1)])  # dz^L_k / dW^L
T1 = np.array([grad(lambda v, k=k: float((v @ x + b1)[k, 0]), W1) for k in range(4)])  # dz^{L-1}_k / dW^{L-1}
J_z2_a1 = jacobian(lambda v: (W2 @ v.reshape(4, 1) + b2).ravel(), a1.ravel())
step = lambda v: (relu(v + EPS) - relu(v - EPS)) / (2 * EPS)


def either_layout(claim, truth):
    return same(claim, truth) or same(claim, truth.T)


checks = {
    "Part1.2": lambda: same(dW2, np.tensordot(dL_da2 @ J_a2_z2, T2, axes=1)),
    "Part1.3": lambda: same(dz2, yhat - y) and same((dL_da2 @ J_a2_z2).reshape(1, 1), yhat - y),
    "Part1.4": lambda: same(z2, W2 @ a1 + b2),
    "Part1.6": lambda: same(dW2, (yhat - y) @ a1.T),
    "Part2.1": lambda: same(dW1, np.tensordot((dz2.ravel() @ J_z2_a1) @ J_a1_z1, T1, axes=1)),
    "Part2.2": lambda: either_layout((yhat - y) @ W2, da1) and same(dz2.ravel() @ J_z2_a1, ((yhat - y) @ W2).ravel()),
    "Part2.3": lambda: same(J_a1_z1, np.diag(step(z1).ravel())),
    "Part2.4": lambda: same(step(zs), np.where(zs > 0, 1.0, 0.0)),
    "Part2.6": lambda: same(dW1, (W2.T @ (yhat - y) * step(z1)) @ x.T),
}
planted = {
    "Part1.3": lambda: same(dz2, y - yhat),
    "Part1.6": lambda: same(dW2, (yhat - y) * a1),
    "Part2.2": lambda: either_layout((yhat - y) * W1, da1),
    "Part2.4": lambda: same(step(zs), np.where(zs < 0, 1.0, 0.0)),
    "Part2.6": lambda: same(dW1, ((W2 @ (yhat - y)) * step(z1).T) @ x.T),
}
confirm("reddy_mlp.md", "reddy_mlp_planted.md", checks, planted)
print("OK")
