"""Independent NumPy oracle for student_rowbatch.md / student_rowbatch_planted.md (student-style homework, row-major
batch).

The answer's conventions (student_rowbatch.spec.toml): X is m x 3 with one example per row, Z_1 = X W_1 + b_1,
A_1 = tanh(Z_1), Z_2 = A_1 W_2 + b_2, Yhat = sigma(Z_2); J = mean binary cross-entropy + lambda/(2m)(||W_1||^2 +
||W_2||^2); dZ_2, dA_1, dZ_1 are per-example derivatives stacked by rows (= m dJ_data/dZ), dW_1, db_1, db_2 and
dJ/dW_2 gradients of J; alpha = 0.5. Checked at a batch of m = 5 (a formula must hold for every m) by central finite
differences; Q3 per example with x a 1 x 3 row and the loss without the penalty. A claim whose shapes do not fit
counts as incorrect. Prints OK when every hand verdict holds.
Run: python oracle_student.py   (numpy only)
"""

import numpy as np
from fdcheck import EPS, confirm, grad, same

rng = np.random.default_rng(42)
LAM, ALPHA, m = 0.1, 0.5, 5
X, Y = rng.normal(size=(m, 3)), rng.integers(0, 2, (m, 1)).astype(float)
W1, b1, W2, b2 = rng.normal(size=(3, 4)), rng.normal(size=(1, 4)), rng.normal(size=(4, 1)), rng.normal(size=(1, 1))
sig = lambda z: 1 / (1 + np.exp(-z))


def data(Yhat, Y=Y):
    return float(-np.mean(Y * np.log(Yhat) + (1 - Y) * np.log(1 - Yhat)))


def J(W1=W1, b1=b1, W2=W2, b2=b2, Z1=None, A1=None, Z2=None, X=X, Y=Y, lam=LAM):
    Z1 = X @ W1 + b1 if Z1 is None else Z1
    A1 = np.tanh(Z1) if A1 is None else A1
    Z2 = A1 @ W2 + b2 if Z2 is None else Z2
    n = X.shape[0]
    return data(sig(Z2), Y) + lam / (2 * n) * (np.sum(W1**2) + np.sum(W2**2))


Z1 = X @ W1 + b1
A1 = np.tanh(Z1)
Z2 = A1 @ W2 + b2
Yhat = sig(Z2)
dZ2 = m * grad(lambda v: J(Z2=v), Z2)  # per-example derivatives, stacked
dA1 = m * grad(lambda v: J(A1=v), A1)
dZ1 = m * grad(lambda v: J(Z1=v), Z1)
gW1, gb1 = grad(lambda v: J(W1=v), W1), grad(lambda v: J(b1=v), b1)
gW2, gb2 = grad(lambda v: J(W2=v), W2), grad(lambda v: J(b2=v), b2)
zs = np.linspace(-4, 4, 9)
# one example as a 1 x 3 row, loss without the penalty
x, yv = X[:1], Y[:1]
a1 = np.tanh(x @ W1 + b1)
yh = sig(a1 @ W2 + b2)
d2 = grad(lambda v: J(Z2=v, X=x, Y=yv, lam=0), a1 @ W2 + b2)
d1 = grad(lambda v: J(Z1=v, X=x, Y=yv, lam=0), x @ W1 + b1)
gW1_one = grad(lambda v: J(W1=v, X=x, Y=yv, lam=0), W1)
z2 = float((a1 @ W2 + b2)[0, 0])
lsample = lambda yhat: -(yv[0, 0] * np.log(yhat) + (1 - yv[0, 0]) * np.log(1 - yhat))


dsig = (sig(zs + EPS) - sig(zs - EPS)) / (2 * EPS)
yhs = float(yh[0, 0])
y0 = float(yv[0, 0])
claims = {
    "2a": lambda: same(Z1, X @ W1 + np.repeat(b1, m, axis=0)),  # b_1 broadcast over the rows
    "2b": lambda: same(A1, np.tanh(Z1)),
    "2c": lambda: same(Z2, A1 @ W2 + np.repeat(b2, m, axis=0)),
    "2d": lambda: same(Yhat, sig(Z2)),
    "2e": lambda: np.isclose(
        J(),
        -np.mean([Y[i, 0] * np.log(Yhat[i, 0]) + (1 - Y[i, 0]) * np.log(1 - Yhat[i, 0]) for i in range(m)])
        + LAM / (2 * m) * (np.linalg.norm(W1) ** 2 + np.linalg.norm(W2) ** 2),
    ),
    "2f": lambda: (
        np.isclose(grad(lambda v: float(lsample(sig(v))), np.array(z2)), yhs - y0)
        and np.isclose((-y0 / yhs + (1 - y0) / (1 - yhs)) * yhs * (1 - yhs), yhs - y0)
    ),
    "2g": lambda: same(dsig, sig(zs) * (1 - sig(zs))),
    "2h": lambda: same(dZ2, Yhat - Y),
    "2i": lambda: same(gW2, A1.T @ dZ2 / m + LAM / m * W2),
    "2iP": lambda: same(gW2, A1.T @ dZ2 + LAM / m * W2),
    "2j": lambda: same(gb2, sum(dZ2[i] for i in range(m)).reshape(1, 1) / m),
    "2k": lambda: same(dA1, dZ2 @ W2.T),
    "2kP": lambda: same(dA1, W2 @ dZ2),
    "2l": lambda: same(dZ1, dA1 * (1 - A1**2)),
    "2lP": lambda: same(dZ1, dA1 * (1 - A1) ** 2),
    "2m": lambda: same(gW1, X.T @ dZ1 / m + LAM / m * W1),
    "2mP": lambda: same(gW1, X.T @ dZ1 / m + 2 * LAM / m * W1),
    "2n": lambda: same(gb1, np.sum(dZ1, axis=0, keepdims=True) / m),
    "2nP": lambda: same(gb1, np.sum(dZ1, axis=1, keepdims=True) / m),
    "2o": lambda: same(W1 - ALPHA * gW1, W1 - ALPHA * (X.T @ dZ1 / m + LAM / m * W1)),
    "2oP": lambda: same(W1 - ALPHA * gW1, W1 + ALPHA * gW1),
    "2p": lambda: same(b2 - ALPHA * gb2, b2 - ALPHA * dZ2.sum(axis=0, keepdims=True) / m),
    "3a": lambda: same(d2, yh - yv),
    "3b": lambda: same(d1, (d2 @ W2.T) * (1 - a1**2)),
    "3c": lambda: same(gW1_one, x.T @ d1),
    "3cP": lambda: same(gW1_one, d1 @ x.T),
}
confirm(claims)
print("OK")
