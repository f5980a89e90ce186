"""Independent NumPy oracle for fortileizhang_note4.md and its planted copy (a learner's Chinese notes on CS231n's
backpropagation note and the two-layer-net assignment: the gradients of Y = X.dot(W) + b, X (N x D), W (D x C),
b (1 x C), written out entry by entry; the sigmoid's derivative).

Random X, W, b; L(Y) the mean softmax cross-entropy of the scores Y (the assignment's loss); dY, dW, db, dX and
dScore by central differences of L, and each claim evaluated as written: entry sums over i and j, the matrix products
(a product whose shapes do not conform, or an index out of its range, does not hold); sigma' by central differences.
Prints OK when every verdict of MANIFEST.toml holds. Run: python oracle_fortileizhang4.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2004)
N, D, C = 5, 4, 3
X, W, b = rng.normal(size=(N, D)), rng.normal(size=(D, C)), rng.normal(size=(1, C))
lab = rng.integers(0, C, size=N)


def loss_of_y(Y):
    Z = Y - Y.max(axis=1, keepdims=True)
    return float(-np.mean(Z[np.arange(N), lab] - np.log(np.exp(Z).sum(axis=1))))


def loss(X=X, W=W, b=b):
    return loss_of_y(X @ W + b)


Y = X @ W + b
dY = grad(loss_of_y, Y)
dW, db, dX = grad(lambda v: loss(W=v), W), grad(lambda v: loss(b=v), b), grad(lambda v: loss(X=v), X)


def dy_d(param, at):
    """[i, j] = d y_ij / d param[at] by central differences of Y = X W + b."""

    def y_of(v):
        args = {"X": X, "W": W, "b": b}
        p = args[param].copy()
        p[at] = v
        args[param] = p
        return args["X"] @ args["W"] + args["b"]

    h, base = 1e-6, {"X": X, "W": W, "b": b}[param][at]
    return (y_of(base + h) - y_of(base - h)) / (2 * h)


def entries_hold(param, value, sums):
    """d param at every entry: the double sum over i, j of dL/dy_ij dy_ij/d param, and the claim's last sum."""
    shape = {"X": X, "W": W, "b": b}[param].shape
    return all(same(value[at], np.sum(dY * dy_d(param, at))) and same(value[at], sums(*at)) for at in np.ndindex(shape))


xs = np.linspace(-2, 2, 9)
checks = {
    "line 22": lambda: all(same(grad(lambda v: float(sigmoid(v[0])), np.array([t]))[0], (1 - sigmoid(t)) * sigmoid(t)) for t in xs),
    "line 29.1": lambda: same(dW, X.T.dot(dY)),
    "line 30.2": lambda: same(dX, dY.dot(W.T)),
    "line 138": lambda: same(db[0, 0], np.sum(dY * dy_d("b", (0, 0)))),
    "line 150": lambda: all(same(dy_d("b", (0, j))[:, j], np.ones(N)) for j in range(C)),
    "line 152": lambda: entries_hold("b", db, lambda _, j: sum(dY[i, j] for i in range(N))),
    "line 160": lambda: same(db[0, 0], sum(dY[i, 0] for i in range(N))),
    "line 165": lambda: same(dW[0, 0], np.sum(dY * dy_d("W", (0, 0)))),
    "line 167": lambda: same(dy_d("W", (0, 0))[:, 0], X[:, 0]),
    "line 169": lambda: same(dW[0, 0], np.sum(dY * dy_d("W", (0, 0)))) and same(dW[0, 0], sum(X[i, 0] * dY[i, 0] for i in range(N))),
    "line 173": lambda: entries_hold("W", dW, lambda p, q: sum(X[i, p] * dY[i, q] for i in range(N))),
    "line 177": lambda: same(dW, X.T @ dY),
    "line 194": lambda: same(dW, X.T.dot(dY)),
    "line 198": lambda: same(dW[0, 0], sum(X[i, 0] * dY[i, 0] for i in range(N))),
    "line 203": lambda: same(dX[0, 0], np.sum(dY * dy_d("X", (0, 0)))),
    "line 205": lambda: same(dy_d("X", (0, 0))[0, :], W[0, :]),
    "line 207": lambda: same(dX[0, 0], np.sum(dY * dy_d("X", (0, 0)))) and same(dX[0, 0], sum(W[0, j] * dY[0, j] for j in range(C))),
    "line 211": lambda: entries_hold("X", dX, lambda p, q: sum(dY[p, j] * W[q, j] for j in range(C))),
    "line 232": lambda: same(dX, dY.dot(W.T)),
}
planted = {
    "line 22": lambda: all(same(grad(lambda v: float(sigmoid(v[0])), np.array([t]))[0], (1 + sigmoid(t)) * sigmoid(t)) for t in xs),
    "line 30.2": lambda: same(dX, dY.dot(W)),
    "line 152": lambda: entries_hold("b", db, lambda _, j: sum(dY[j, i] for i in range(N))),
    "line 169": lambda: same(dW[0, 0], sum(W[0, 0] * dY[i, 0] for i in range(N))),
    "line 211": lambda: entries_hold("X", dX, lambda p, q: sum(dY[p, j] * W[j, q] for j in range(C))),
    "line 232": lambda: same(dX, dY.dot(W)),
}
confirm("fortileizhang_note4.md", "fortileizhang_note4_planted.md", checks, planted)
print("OK")
