"""Independent NumPy oracle for canndy_layer.md / canndy_layer_planted.md (a learner's Chinese notes deriving the backward
pass of stacked dense layers, Y = X W + b with samples as rows).

A scalar chain of three linear maps; a batch of N = 4 rows through one dense layer (D = 3, C = 2) with a criterion L
summed over the batch; a three-layer network with sigmoid activations and a linear last layer. Every derivative by
central differences, compared with the notes' component sums, matrix products and Delta recursions (products read left
to right, (.) elementwise). Prints OK when every verdict of MANIFEST.toml holds. Run: python oracle_canndy.py
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(567)
# the scalar chain x2 = x1 w1 + b1, x3 = x2 w2 + b2, y = x3 w3 + b3 (n = 3, k = 1)
w1, w2, w3, b1, b2, b3, x1 = rng.normal(size=7)
y_of = lambda x, w_1=w1, b_1=b1: ((x * w_1 + b_1) * w2 + b2) * w3 + b3  # noqa: E731
dydx1 = grad(lambda v: y_of(v[0]), np.array([x1]))[0]
dydw1 = grad(lambda v: y_of(x1, v[0]), np.array([w1]))[0]
dydb1 = grad(lambda v: y_of(x1, w1, v[0]), np.array([b1]))[0]
x2 = x1 * w1 + b1
x3 = x2 * w2 + b2
chain19 = w3 * w2 * w1  # dy/dx3 . dx3/dx2 . dx2/dx1

# one dense layer on a batch: Y = X W + b, L = sum_ij c_ij tanh(y_ij) (a criterion summed over the rows)
N, D, C = 4, 3, 2
X, W, b, cc = rng.normal(size=(N, D)), rng.normal(size=(D, C)), rng.normal(size=C), rng.normal(size=(N, C))
Lf = lambda Y: float(np.sum(cc * np.tanh(Y)))  # noqa: E731
Y = X @ W + b
dLdY = grad(lambda t: Lf(t.reshape(N, C)), Y.ravel()).reshape(N, C)
dLdW = grad(lambda t: Lf(X @ t.reshape(D, C) + b), W.ravel()).reshape(D, C)
dLdX = grad(lambda t: Lf(t.reshape(N, D) @ W + b), X.ravel()).reshape(N, D)
X1 = np.hstack([X, np.ones((N, 1))])
Wb = np.vstack([W, b])
dLdWb = grad(lambda t: Lf(X1 @ t.reshape(D + 1, C)), Wb.ravel()).reshape(D + 1, C)
JYW = jacobian(lambda t: (X @ t.reshape(D, C) + b).ravel(), W.ravel()).reshape(N, C, D, C)  # dy_ij / dw_ab
JYX = jacobian(lambda t: (t.reshape(N, D) @ W + b).ravel(), X.ravel()).reshape(N, C, N, D)  # dy_ij / dx_ab
a_, b_ = 1, 0  # the entry (a, b) the component claims are checked at
sum_y = lambda t, i, j: float(np.sum(t[i, :] * W[:, j]))  # noqa: E731  sum_k x_ik w_kj

# three layers: X2' = X1 W1 + b1, X2 = s(X2'), X3' = X2 W2 + b2, X3 = s(X3'), Y = X3 W3 + b3 (n = 3, k = 1)
S = [rng.normal(size=(3, 4)), rng.normal(size=(4, 3)), rng.normal(size=(3, 2))]
B = [rng.normal(size=4), rng.normal(size=3), rng.normal(size=2)]
Xin = rng.normal(size=(N, 3))


def net(x, s0=S[0], act=True):
    f = sigmoid if act else (lambda t: t)
    h2 = f(x @ s0 + B[0])
    h3 = f(h2 @ S[1] + B[1])
    return h3 @ S[2] + B[2]


Lnet = lambda x, s0=S[0], act=True: Lf(net(x, s0, act))  # noqa: E731
X2p = Xin @ S[0] + B[0]
X2 = sigmoid(X2p)
X3p = X2 @ S[1] + B[1]
X3 = sigmoid(X3p)
gL = grad(lambda t: Lf(t.reshape(N, C)), (X3 @ S[2] + B[2]).ravel()).reshape(N, C)  # nabla L
A2, A3 = X2 * (1 - X2), X3 * (1 - X3)
dLdX1 = grad(lambda t: Lnet(t.reshape(N, 3)), Xin.ravel()).reshape(N, 3)
dLdW1 = grad(lambda t: Lnet(Xin, t.reshape(3, 4)), S[0].ravel()).reshape(3, 4)
Delta3 = gL @ S[2].T
Delta2 = (Delta3 * A3) @ S[1].T
Delta1 = (Delta2 * A2) @ S[0].T
# without activations
gL_lin = grad(lambda t: Lf(t.reshape(N, C)), net(Xin, act=False).ravel()).reshape(N, C)
dLdX1_lin = grad(lambda t: Lnet(t.reshape(N, 3), act=False), Xin.ravel()).reshape(N, 3)
dLdW1_lin = grad(lambda t: Lnet(Xin, t.reshape(3, 4), act=False), S[0].ravel()).reshape(3, 4)
X2_lin = Xin @ S[0] + B[0]
eta = 0.1
Lmean = lambda s0: Lnet(Xin, s0) / N  # noqa: E731
g_mean = grad(lambda t: Lmean(t.reshape(3, 4)), S[0].ravel()).reshape(3, 4)

checks = {
    "line 19": lambda: same(dydx1, chain19),
    "line 33.1": lambda: same(dydx1, w3 * w2 * w1),
    "line 34.2": lambda: same(dydw1, w3 * w2 * x1),
    "line 35.3": lambda: same(dydb1, w3 * w2 * 1),
    "line 41": lambda: same(Y, X1 @ Wb),
    "line 56": lambda: same(dLdW, np.einsum("ij,ijab->ab", dLdY, JYW)),
    "line 60": lambda: same(dLdW[a_, b_], np.sum(dLdY * JYW[:, :, a_, b_])),
    "line 64": lambda: same(dLdW[a_, b_], np.sum(dLdY[:, b_] * JYW[:, b_, a_, b_])),
    "line 66": lambda: same(Y[2, b_], X[2, a_] * W[a_, b_]),
    "line 66#2": lambda: same(JYW[:, b_, a_, b_], X[:, a_]),
    "line 68": lambda: same(dLdW[a_, b_], np.sum(dLdY[:, b_] * X[:, a_])),
    "line 83": lambda: same(dLdW, X.T @ dLdY),
    "line 113": lambda: same(dLdWb, X1.T @ dLdY),
    "line 117": lambda: same(dLdX, np.einsum("ij,ijab->ab", dLdY, JYX)),
    "line 121": lambda: all(same(JYX[i, 1, a_, b_], grad(lambda t, i=i: sum_y(t.reshape(N, D), i, 1), X.ravel())[a_ * D + b_])
                            for i in range(N)),
    "line 125": lambda: same(JYX[a_, :, a_, b_], W[b_, :]),
    "line 129": lambda: same(dLdX[a_, b_], np.sum(dLdY[a_, :] * W[b_, :])),
    "line 144": lambda: same(dLdX, dLdY @ W.T),
    "line 175.1": lambda: same(dLdW, X.T @ dLdY),
    "line 176.2": lambda: same(dLdX, dLdY @ W.T),
    "line 180": lambda: same(dLdWb, X1.T @ dLdY),
    "line 198.1": lambda: same(dLdX1_lin, gL_lin @ S[2].T @ S[1].T @ S[0].T),
    "line 199.2": lambda: same(dLdW1_lin, Xin.T @ (gL_lin @ S[2].T @ S[1].T)),
    "line 213.1": lambda: same(dLdX1, ((gL @ S[2].T * A3) @ S[1].T * A2) @ S[0].T),
    # the chain's last factors: (.) dX2/dX2' . dX2/dW1, with dX2/dW1 = X1^T(. (.) A2): sigma' twice
    "line 214.2": lambda: same(dLdW1, Xin.T @ ((gL @ S[2].T * A3) @ S[1].T * A2 * A2)),
    "line 222.1": lambda: same(dLdX1, ((gL @ S[2].T * A3) @ S[1].T * A2) @ S[0].T),
    # a chain holds when every link does: its middle link (sigma' twice) and its last row X_k^T(...)
    "line 226.2": lambda: same(dLdW1, Xin.T @ ((gL @ S[2].T * A3) @ S[1].T * A2 * A2))
    and same(dLdW1, Xin.T @ ((gL @ S[2].T * A3) @ S[1].T * A2)),
    "line 237.1": lambda: same(dLdX1, (Delta2 * A2) @ S[0].T),
    "line 238.2": lambda: same(dLdW1, Xin.T @ (Delta2 * A2)),
    "line 239.3": lambda: same(Delta1, (Delta2 * A2) @ S[0].T) and same(Delta1, dLdX1),
    "line 243": lambda: same(g_mean, dLdW1 / N) and same(g_mean, Xin.T @ (Delta2 * A2) / N),
    "line 247": lambda: same(S[0] - eta * g_mean, S[0] - eta / N * dLdW1),
}
planted = {
    "line 34.2": lambda: same(dydw1, w3 * w2 * w1),
    "line 68": lambda: same(dLdW[a_, 1], np.sum(dLdY[:, 1] * X[:, 1])) and same(dLdW[2, 0], np.sum(dLdY[:, 0] * X[:, 0])),
    "line 129": lambda: same(dLdX[0, 1], np.sum(dLdY[0, :] * W[np.arange(C), 1])),
    "line 176.2": lambda: W.T.shape[1] == dLdY.shape[0] and same(dLdX, W.T @ dLdY),
    "line 238.2": lambda: same(dLdW1, Xin.T @ Delta2),
    "line 247": lambda: same(S[0] - eta * g_mean, S[0] - eta * dLdW1),
}
confirm("canndy_layer.md", "canndy_layer_planted.md", checks, planted)
print("OK")
