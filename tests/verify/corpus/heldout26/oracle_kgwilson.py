"""Independent NumPy oracle for kgwilson_autoencoder.md (a learner's plain-text notes on his NumPy autoencoder: a batch
as rows, z_i = x_{i-1} @ W_i + b_i, sigmoid activations, loss = 1/N sum (output - input)^2 with N = batch x outputs)
and its planted copy.

A random batch and weights; every derivative by central differences of the loss (as a function of W_i, b_i, of z_i
or x_{i-1} taken as free, the layers above recomputed) and compared with the line's right-hand side read as NumPy
(`*` elementwise, `@` a matrix product: a product whose shapes do not fit is false). A check holds exactly when
MANIFEST.toml's verdict is correct.
Run: python oracle_kgwilson.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2604)
B, n, h = 3, 4, 2
x0 = rng.uniform(0, 1, size=(B, n))                         # the input, also the target
W1, b1, W2, b2 = rng.normal(size=(n, h)), rng.normal(size=h), rng.normal(size=(h, n)), rng.normal(size=n)
N = B * n


def loss_out(out):
    return float(np.sum((out - x0) ** 2) / N)


def loss_z2(z2):
    return loss_out(sigmoid(z2))


def loss_x1(x1):
    return loss_z2(x1 @ W2 + b2)


def loss_z1(z1):
    return loss_x1(sigmoid(z1))


z1 = x0 @ W1 + b1
x1 = sigmoid(z1)
z2 = x1 @ W2 + b2
out = sigmoid(z2)
dout, dz2, dx1, dz1 = grad(loss_out, out), grad(loss_z2, z2), grad(loss_x1, x1), grad(loss_z1, z1)
dW2 = grad(lambda W: loss_z2(x1 @ W + b2), W2)
db2 = grad(lambda b: loss_z2(x1 @ W2 + b), b2)
dW1 = grad(lambda W: loss_z1(x0 @ W + b1), W1)
db1 = grad(lambda b: loss_z1(x0 @ W1 + b), b1)
slope2 = grad(lambda z: float(np.sum(sigmoid(z))), z2)      # dout/dz_i, elementwise
slope1 = grad(lambda z: float(np.sum(sigmoid(z))), z1)
dz_db = grad(lambda b: float(np.sum(x1 @ W2 + b)), b2) / B  # each z_i[r, j] moves one for one with b_i[j]

checks = {
    "line 19": lambda: same(dz2, dout * slope2),
    "line 20": lambda: same(dout, 2 * (out - x0) / N),
    "line 21": lambda: same(slope2, sigmoid(z2) * (1 - sigmoid(z2))),
    "line 22": lambda: same(dz2, 2 / N * (out - x0) * sigmoid(z2) * (1 - sigmoid(z2))),
    "line 26": lambda: same(dW2, x1.T @ dz2),
    "line 29": lambda: same(dz_db, np.ones(n)),
    "line 30": lambda: same(db2, np.mean(dz2, axis=0)),
    "line 36": lambda: same(dx1, dz2 @ W2.T),
    "line 45": lambda: same(dz1, dx1 * slope1),
    "line 46": lambda: same(dz1, dx1 * sigmoid(z1) * (1 - sigmoid(z1))),
    "line 58": lambda: same(dW1, dx1 * slope1 @ x0),
    "line 62": lambda: same(dW1, (dz2 @ W2.T) * slope1 @ x0),
    "line 74": lambda: same(db1, dx1 * slope1),
    "line 78": lambda: same(db1, (dz2 @ W2.T) * slope1),
}
planted = {
    "line 20": lambda: same(dout, 2 * (out - x0)),
    "line 26": lambda: same(dW2, dz2 @ x1.T),
    "line 36": lambda: same(dx1, dz2 @ W2),
    "line 46": lambda: same(dz1, dx1 * sigmoid(z1)),
}
confirm("kgwilson_autoencoder.md", "kgwilson_autoencoder_planted.md", checks, planted)
# the sums the author meant: the bias gradients and the first layer's weights
assert same(db2, dz2.sum(axis=0)) and same(db1, (dx1 * slope1).sum(axis=0)) and same(dW1, x0.T @ (dx1 * slope1))
print("OK")
