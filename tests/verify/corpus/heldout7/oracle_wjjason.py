"""Independent NumPy oracle for wjjason_math.md / wjjason_math_planted.md (wj-jason's "The Mathematics Behind Neural
Networks").

The author's conventions (wjjason_math.spec.toml): dense layer 0 (Y0 = W0 X0 + B0), activation layer 1 (Y1 = sigma(X1),
X1 = Y0), dense layer 2 (Y2 = W2 X2 + B2, X2 = Y1); C = (Y2 - Yhat)^2 with Yhat the target (n = 1). Section 5's generic
claims are checked for both dense layers (with that layer's dC/dY), section 6's for the activation layer. Every
derivative is a central difference of C. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_wjjason.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(65)
X0 = rng.normal(size=3)
W0, B0, W2, B2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(1, 4)), rng.normal(size=1)
Yhat = np.array([0.7])  # the target (the author's y^)
alpha = 0.1
col = lambda v: np.asarray(v).reshape(-1, 1)  # noqa: E731


def cost(W0=W0, B0=B0, W2=W2, B2=B2, X0=X0):
    return float(np.sum((W2 @ sigmoid(W0 @ X0 + B0) + B2 - Yhat) ** 2) / 1)


Y0 = W0 @ X0 + B0
X1 = Y0
Y1 = sigmoid(X1)
X2 = Y1
Y2 = W2 @ X2 + B2
dY2 = grad(lambda v: float(np.sum((v - Yhat) ** 2)), Y2)
dX2 = grad(lambda v: float(np.sum((W2 @ v + B2 - Yhat) ** 2)), X2)
dY1 = dX2
dX1 = grad(lambda v: float(np.sum((W2 @ sigmoid(v) + B2 - Yhat) ** 2)), X1)
dY0 = dX1
dX0 = grad(lambda v: cost(X0=v), X0)
gW0, gB0, gW2, gB2 = (grad(lambda v, k=k: cost(**{k: v}), p) for k, p in (("W0", W0), ("B0", B0), ("W2", W2), ("B2", B2)))
dense = [  # (W, X, Y, B, dC/dW, dC/dB, dC/dX, dC/dY) for layers 0 and 2
    (W0, X0, Y0, B0, gW0, gB0, dX0, dY0),
    (W2, X2, Y2, B2, gW2, gB2, dX2, dY2),
]
dsig = sigmoid(X1) * (1 - sigmoid(X1))
xs = np.linspace(-2.1, 1.7, 6)
g2 = 2 * (Y2 - Yhat)
unit = lambda r, c: 1e-6 * np.eye(4)[:, [r]] @ np.eye(3)[[c], :]  # noqa: E731
sgd = lambda p, g, s=-1: p + s * alpha * g  # noqa: E731
checks = {
    "line 20": lambda: same(Y0, X1),
    "line 63": lambda: all(
        np.isclose(Y[m], (W[m, 0] * X[0] + W[m, 1] * X[1] * W[m, 2] * X[2] + sum(W[m, k] * X[k] for k in range(3, len(X)))) + B[m])
        for W, X, Y, B, *_ in dense
        for m in range(len(Y))
    ),
    "line 65": lambda: all(same(Y, W @ X + B) for W, X, Y, B, *_ in dense),
    "line 67": lambda: all(same(col(Y), W @ col(X) + col(B)) and W.shape == (len(Y), len(X)) for W, X, Y, B, *_ in dense),
    "line 81": lambda: same(np.maximum(0, xs), xs * (xs > 0)),
    "line 82": lambda: same(sigmoid(xs), 1 / (1 + np.exp(-xs))),
    "line 93": lambda: np.isclose(cost(), np.sum((Yhat - Y2) ** 2) / len(Y2)),
    "line 113": lambda: all(same(gB, np.eye(len(B)) @ dY) for W, X, Y, B, gW, gB, dX, dY in dense),
    "line 117": lambda: (
        all(gW.shape == W.shape for W, X, Y, B, gW, *_ in dense)
        and all(np.isclose(gW0[r, c], (cost(W0=W0 + unit(r, c)) - cost(W0=W0 - unit(r, c))) / 2e-6) for r in range(4) for c in range(3))
    ),
    "line 128": lambda: all(np.isclose(gW[0, 0], np.eye(len(Y))[0] * X[0] @ dY) for W, X, Y, B, gW, gB, dX, dY in dense),
    "line 141": lambda: all(
        np.isclose(gW[m, n], dY[m] * X[n]) for W, X, Y, B, gW, gB, dX, dY in dense for m in range(W.shape[0]) for n in range(W.shape[1])
    ),
    "line 146": lambda: all(
        same(gW, np.array([[dY[m] * X[n] for n in range(len(X))] for m in range(len(Y))])) for W, X, Y, B, gW, gB, dX, dY in dense
    ),
    "line 156": lambda: all(same(gW, col(dY) @ col(X).T) for W, X, Y, B, gW, gB, dX, dY in dense),
    "line 163": lambda: all(gB.shape == B.shape for W, X, Y, B, gW, gB, *_ in dense),
    "line 174": lambda: all(np.isclose(gB[0], sum((m == 0) * dY[m] for m in range(len(Y)))) for W, X, Y, B, gW, gB, dX, dY in dense),
    "line 180": lambda: all(np.isclose(gB[0], dY[0]) for W, X, Y, B, gW, gB, dX, dY in dense),
    "line 183": lambda: all(same(gB, dY) for W, X, Y, B, gW, gB, dX, dY in dense),
    "line 188": lambda: all(same(gB, dY) for W, X, Y, B, gW, gB, dX, dY in dense),
    "line 198": lambda: all(same(gB, dY) for W, X, Y, B, gW, gB, dX, dY in dense),
    "line 207": lambda: all(dX.shape == X.shape for W, X, Y, B, gW, gB, dX, dY in dense),
    "line 217": lambda: all(
        np.isclose(dX[n], sum(W[m, n] * dY[m] for m in range(len(Y)))) for W, X, Y, B, gW, gB, dX, dY in dense for n in range(len(X))
    ),
    "line 224": lambda: all(
        np.isclose(dX[n], sum(dY[m] * W[m, n] for m in range(len(Y)))) for W, X, Y, B, gW, gB, dX, dY in dense for n in range(len(X))
    ),
    "line 229": lambda: all(
        same(gB, np.array([sum(dY[m] * W[m, n] for m in range(len(Y))) for n in range(len(X))])) for W, X, Y, B, gW, gB, dX, dY in dense
    ),
    "line 239": lambda: all(same(col(dX), W.T @ col(dY)) for W, X, Y, B, gW, gB, dX, dY in dense),
    "line 245.1": lambda: all(same(gW, col(dY) @ col(X).T) for W, X, Y, B, gW, gB, dX, dY in dense),
    "line 247.2": lambda: all(same(gB, dY) for W, X, Y, B, gW, gB, dX, dY in dense),
    "line 249.3": lambda: all(same(col(dX), W.T @ col(dY)) for W, X, Y, B, gW, gB, dX, dY in dense),
    "line 261": lambda: same(Y1, sigmoid(X1)),
    "line 266": lambda: all(np.isclose(dX1[n], dsig[n] * dY1[n]) for n in range(4)),
    "line 269": lambda: same(dX1, dY1 * dsig),
    "line 282": lambda: same(sgd(W2, gW2), W2 - alpha * grad(lambda v: cost(W2=v), W2)),
    "line 312.1": lambda: same(dY2, g2),
    "line 314.2": lambda: same(gW2, col(g2) @ col(X2).T),
    "line 316.3": lambda: same(gB2, g2),
    "line 318.4": lambda: same(col(dX2), W2.T @ col(g2)),
    "line 322": lambda: same(dX2, dY1),
    "line 326.1": lambda: same(col(dY1), W2.T @ col(g2)),
    "line 328.2": lambda: same(col(dX1), W2.T @ col(g2) * col(dsig)),
    "line 332": lambda: same(dX1, dY0),
    "line 336.1": lambda: same(col(dY0), W2.T @ col(g2) * col(dsig)),
    "line 338.2": lambda: same(gW0, (W2.T @ col(g2) * col(dsig)) @ col(X0).T),
    "line 340.3": lambda: same(col(gB0), W2.T @ col(g2) * col(dsig)),
    "line 350.1": lambda: same(sgd(W2, gW2), W2 - alpha * gW2),
    "line 352.2": lambda: same(sgd(W2, gW2), W2 - alpha * 2 * col(Y2 - Yhat) @ col(X2).T),
    "line 355.3": lambda: same(sgd(B2, gB2), B2 - alpha * gB2),
    "line 357.4": lambda: same(sgd(B2, gB2), W2 - alpha * 2 * (Y2 - Yhat)),
    "line 360.5": lambda: same(sgd(W0, gW0), W0 - alpha * gW0),
    "line 362.6": lambda: same(sgd(W0, gW0), W0 - alpha * (W2.T @ col(g2) * col(dsig)) @ col(X0).T),
    "line 365.7": lambda: same(sgd(B0, gB0), B0 - alpha * gB0),
    "line 367.8": lambda: same(col(sgd(B0, gB0)), col(B0) - alpha * (col(g2) * col(dsig)) @ col(X0).T),
}
planted = {
    "line 65": lambda: all(same(Y, X @ W + B) for W, X, Y, B, *_ in dense),
    "line 82": lambda: same(sigmoid(xs), 1 / (1 + np.exp(xs))),
    "line 141": lambda: all(
        np.isclose(gW[m, n], dY[n] * X[m]) for W, X, Y, B, gW, gB, dX, dY in dense for m in range(W.shape[0]) for n in range(W.shape[1])
    ),
    "line 156": lambda: all(same(gW, col(X).T @ col(dY)) for W, X, Y, B, gW, gB, dX, dY in dense),
    "line 180": lambda: all(np.isclose(gB[0], X[0] * dY[0]) for W, X, Y, B, gW, gB, dX, dY in dense),
    "line 224": lambda: all(
        np.isclose(dX[n], dY[0] * W[n, 0] + sum(dY[m] * W[m, n] for m in range(1, len(Y))))
        for W, X, Y, B, gW, gB, dX, dY in dense
        for n in range(len(X))
    ),
    "line 239": lambda: all(same(col(dX), W @ col(dY)) for W, X, Y, B, gW, gB, dX, dY in dense),
    "line 269": lambda: same(dX1, dY1 * sigmoid(X1)),
    "line 282": lambda: same(sgd(W2, gW2, +1), W2 - alpha * grad(lambda v: cost(W2=v), W2)),
    "line 314.2": lambda: same(gW2, col(g2) @ col(X1).T),
    "line 328.2": lambda: same(col(dX1), W2.T @ col(g2) * col(sigmoid(X2) * (1 - sigmoid(X2)))),
    "line 362.6": lambda: same(sgd(W0, gW0), W0 - alpha * (W2.T @ col(g2) * col(dsig)) @ col(X0)),
}
confirm("wjjason_math.md", "wjjason_math_planted.md", checks, planted)
print("OK")
