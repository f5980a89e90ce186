"""Independent NumPy oracle for jackdyre_brackets.md (a learner's notes in bracket-index notation: Z_i[r, 0] = B_i[r, 0]
+ sum_k W_i[r, k] A_{i-1}[k, 0], A_i = f(Z_i), C = sum_r (A_out[r, 0] - T[r, 0])^2) and its planted copy.

A random 2-3-2 network with f the sigmoid (the lines hold for any f); every derivative by central differences of C
(as a function of B_i, W_i, or of A_i taken as free with the layers above recomputed), each line's right-hand side
evaluated entry by entry with its own indices, for both layers i = 1, 2 where the line is about any i. A check holds
exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_jackdyre.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2605)
sizes = [2, 3, 2]
W = {1: rng.normal(size=(3, 2)), 2: rng.normal(size=(2, 3))}
B = {1: rng.normal(size=3), 2: rng.normal(size=2)}
A0, T = rng.normal(size=2), rng.uniform(0, 1, size=2)


def run(W, B, start=0, A_start=None):
    """the activations from layer `start` on (A_start given for it), the cost C."""
    A = {0: A0} if start == 0 else {start: A_start}
    Z = {}
    for i in range(start + 1, 3):
        Z[i] = B[i] + W[i] @ A[i - 1]
        A[i] = sigmoid(Z[i])
    return A, Z, float(np.sum((A[2] - T) ** 2))


A, Z, _ = run(W, B)
dC_dA = {i: grad(lambda a, i=i: run(W, B, i, a)[2], A[i]) for i in (1, 2)}
fprime = {i: sigmoid(Z[i]) * (1 - sigmoid(Z[i])) for i in (1, 2)}
dC_dB = {i: grad(lambda b, i=i: run(W, {**B, i: b})[2], B[i]) for i in (1, 2)}
dC_dW = {i: grad(lambda w, i=i: run({**W, i: w}, B)[2], W[i]) for i in (1, 2)}


def entries(f, shape):
    """an array of f(r, c) over `shape` (an index out of range is an error: the check fails)."""
    return np.array([[f(r, c) for c in range(shape[1])] for r in range(shape[0])])


def bias_line():
    return all(same(dC_dB[i], dC_dA[i] * fprime[i] * 1) for i in (1, 2))


checks = {
    "line 12": lambda: same(dC_dA[2], 2 * (A[2] - T)),
    "line 18": bias_line,
    "line 24": bias_line,
    "line 30": lambda: all(same(dC_dB[i], dC_dA[i] * fprime[i]) for i in (1, 2)),
    "line 38": lambda: all(same(dC_dW[i], entries(lambda r, c, i=i: dC_dA[i][r] * fprime[i][r] * A[i - 1][c], W[i].shape)) for i in (1, 2)),
    "line 44": lambda: all(same(dC_dW[i], entries(lambda r, c, i=i: dC_dA[i][r] * fprime[i][r] * A[i - 1][c], W[i].shape)) for i in (1, 2)),
    "line 54": lambda: same(dC_dA[1], np.array([sum(dC_dA[2][k] * fprime[2][k] * W[2][k, r] for k in range(2)) for r in range(3)])),
    "line 64": lambda: same(dC_dA[1], np.array([sum(dC_dA[2][k] * fprime[2][k] * W[2][k, r] for k in range(2)) for r in range(3)])),
}
planted = {
    "line 12": lambda: same(dC_dA[2], 2 * (T - A[2])),
    "line 44": lambda: all(same(dC_dW[i], entries(lambda r, c, i=i: dC_dA[i][r] * fprime[i][r] * A[i - 1][r], W[i].shape)) for i in (1, 2)),
    "line 64": lambda: same(dC_dA[1], np.array([sum(dC_dA[2][k] * fprime[2][k] * W[2][r, k] for k in range(2)) for r in range(3)])),
}
confirm("jackdyre_brackets.md", "jackdyre_brackets_planted.md", checks, planted)
print("OK")
