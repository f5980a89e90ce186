"""Independent NumPy oracle for zgwl_readme.md and its planted copy (a learner's plain-text summary of Ng's logistic
regression and one-hidden-layer formulas, Ng's column batch: X is n x m).

Random data; J = -(1/m) sum [Y log A + (1 - Y) log(1 - A)]; dZ is each example's loss derivative (m times dJ/dZ, by
central differences of J), dW and dB the central differences of J itself; each claim's NumPy expression is evaluated as
written (a product whose shapes do not conform, or a result of the wrong shape, does not hold). Prints OK when every
verdict of MANIFEST.toml holds. Run: python oracle_zgwl.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(1919)
n, m = 3, 5
X = rng.normal(size=(n, m))
Y = rng.integers(0, 2, size=(1, m)).astype(float)


def bce(A):
    return float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))


# -- logistic regression: Z = W^T X + b, A = sigmoid(Z) -------------------------------------------------------------
W, b = rng.normal(size=(n, 1)), float(rng.normal())
Z = W.T @ X + b
A = sigmoid(Z)
dZ = m * grad(lambda zz: bce(sigmoid(zz)), Z)                    # each example's dL/dZ
dW = grad(lambda ww: bce(sigmoid(ww.T @ X + b)), W)

# -- one hidden layer: Z1 = W1 X + B1, A1 = tanh(Z1), Z2 = W2 A1 + B2, A2 = sigmoid(Z2) -----------------------------
n1 = 4
W1, B1, W2, B2 = rng.normal(size=(n1, n)), rng.normal(size=(n1, 1)), rng.normal(size=(1, n1)), rng.normal(size=(1, 1))


def net(W1=W1, B1=B1, W2=W2, B2=B2):
    Z1 = W1 @ X + B1
    A1 = np.tanh(Z1)
    Z2 = W2 @ A1 + B2
    return Z1, A1, Z2, sigmoid(Z2)


Z1, A1, Z2, A2 = net()
A_ = {0: X, 1: A1, 2: A2}
dZ_ = {2: m * grad(lambda zz: bce(sigmoid(zz)), Z2),
       1: m * grad(lambda zz: bce(sigmoid(W2 @ np.tanh(zz) + B2)), Z1)}
dW_ = {1: grad(lambda v: bce(net(W1=v)[3]), W1), 2: grad(lambda v: bce(net(W2=v)[3]), W2)}
dB_ = {1: grad(lambda v: bce(net(B1=v)[3]), B1), 2: grad(lambda v: bce(net(B2=v)[3]), B2)}
g1prime = 1 - np.tanh(Z1) ** 2
assert same(g1prime, np.array([[grad(lambda v: float(np.tanh(v[0])), np.array([t]))[0] for t in row] for row in Z1]))

checks = {
    "line 15": lambda: same(dZ, A - Y),
    "line 17": lambda: same(dW, np.dot(X, dZ.T) / m),
    "line 35": lambda: same(dZ_[2], A2 - Y),
    "line 37": lambda: same(dZ_[1], np.dot(W2.T, dZ_[2]) * g1prime),
    "line 39": lambda: all(same(dW_[i], np.dot(dZ_[i], A_[i - 1].T) / m) for i in (1, 2)),
    "line 41": lambda: all(same(dB_[i], np.sum(dZ_[i], axis=1, keepdims=True) / m) for i in (1, 2)),
}
planted = {
    "line 17": lambda: same(dW, np.dot(dZ, X.T) / m),
    "line 37": lambda: same(dZ_[1], np.dot(W2, dZ_[2]) * g1prime),
    "line 39": lambda: all(same(dW_[i], np.dot(dZ_[i], A_[i].T) / m) for i in (1, 2)),
    "line 41": lambda: all(same(dB_[i], np.sum(dZ_[i], axis=1, keepdims=True)) for i in (1, 2)),
}
confirm("zgwl_readme.md", "zgwl_readme_planted.md", checks, planted)
print("OK")
