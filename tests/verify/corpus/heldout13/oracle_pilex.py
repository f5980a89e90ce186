"""Independent NumPy oracle for pilex_nn.md / pilex_nn_planted.md (Pilex1's row-batch derivation, no biases).

The post's network (pilex_nn.spec.toml): X the m x 3 batch (examples as ROWS), Z1 = X W1, A1 = g(Z1), Z2 = A1 W2,
A2 = g(Z2) (g the sigmoid), f = 1/m ||A2 - Y||_F^2 (a mean, no 1/2). The matrix-calculus lemmas are checked for an
arbitrary smooth scalar F of G (a fixed random weighting of sin and squares). Every derivative is a central difference.
Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_pilex.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(1301)
m, n0, n1 = 5, 3, 4
X, Y = rng.normal(size=(m, n0)), rng.uniform(0.1, 0.9, size=(m, 1))
W1, W2 = rng.normal(size=(n0, n1)), rng.normal(size=(n1, 1))
g, dg = sigmoid, lambda z: sigmoid(z) * (1 - sigmoid(z))
Z1 = X @ W1
A1 = g(Z1)
Z2 = A1 @ W2
A2 = g(Z2)
f_of_A2 = lambda A: float(np.sum((A - Y) ** 2) / m)  # noqa: E731
f_W = lambda w1, w2: f_of_A2(g(g(X @ w1) @ w2))  # noqa: E731
dA2 = grad(f_of_A2, A2)
dZ2 = grad(lambda z: f_of_A2(g(z)), Z2)
dW2 = grad(lambda w: f_W(W1, w), W2)
dA1 = grad(lambda a: f_of_A2(g(a @ W2)), A1)
dZ1 = grad(lambda z: f_of_A2(g(g(z) @ W2)), Z1)
dW1 = grad(lambda w: f_W(w, W2), W1)
x, w = X[0], W1[:, 0]
# the lemmas: any scalar F of G
C0 = rng.normal(size=(4, 3))
F = lambda G: float(np.sum(np.sin(G) * C0) + 0.3 * np.sum(G**2 * C0))  # noqa: E731
Xl, Wr, Wl, Cc = rng.normal(size=(4, 2)), rng.normal(size=(2, 3)), rng.normal(size=(4, 5)), rng.normal(size=(4, 3))
Xs = rng.normal(size=(5, 3))
dF_right = grad(lambda M: F(M @ Wr), Xl)  # G = X W
dF_left = grad(lambda M: F(Wl @ M), Xs)  # G = W X (W 4 x 5, X 5 x 3)
Xe = rng.normal(size=(4, 3))
dF_elem = grad(lambda M: F(np.tanh(M)), Xe)  # G = g(X), g = tanh
dF_add = grad(lambda M: F(M + Cc), Xe)
dFG = lambda G: grad(F, G)  # noqa: E731
Gn = rng.normal(size=(3, 2))
GR = dFG(Xl @ Wr)  # df/dG at G = X W
dnorm = grad(lambda G: float(np.sum(G**2)), Gn)
lr = 0.1
step = W1 - lr * dW1
descent = f_W(step, W2) < f_W(W1, W2)

checks = {
    "line 16": lambda: same(g(x @ w), g(float(x @ w))),
    "line 26": lambda: same(A1[0, 0], g(x @ W1[:, 0])),
    "line 36": lambda: same(A1[0, 1], g(x @ W1[:, 1])),
    "line 46": lambda: all(same(A1[0, i], g(x @ W1[:, i])) for i in range(n1)),
    "line 61": lambda: all(same(A2[0, i], g(A1[0] @ W2[:, i])) for i in range(1)),
    "line 134": lambda: all(same(Z1[i], X[i] @ W1) for i in range(m)),
    "line 147": lambda: all(same(A1[i], g(X[i] @ W1)) for i in range(m)),
    "line 163.1": lambda: all(same(Z2[i], A1[i] @ W2) for i in range(m)),
    "line 168.2": lambda: all(same(A2[i], g(Z2[i])) for i in range(m)),
    "line 386": lambda: same(f_of_A2(A2), np.mean((A2[:, 0] - Y[:, 0]) ** 2)),
    "multivariable chain rule": lambda: same(dF_right, [[sum(GR[i, l] * Wr[j, l] for l in range(3)) for j in range(2)] for i in range(4)]),
    "line 263.2": lambda: same(dF_right, dFG(Xl @ Wr) @ Wr.T),
    "line 285": lambda: same(dF_left, Wl.T @ dFG(Wl @ Xs)),
    "multivariable chain rule#2": lambda: same(dF_elem, dFG(np.tanh(Xe)) * (1 - np.tanh(Xe) ** 2)),
    "line 313.2": lambda: same(dF_elem, dFG(np.tanh(Xe)) * (1 - np.tanh(Xe) ** 2)),
    "multivariate chain rule": lambda: same(dF_add, dFG(Xe + Cc)),
    "line 343.2": lambda: same(dF_add, dFG(Xe + Cc)),
    "line 370": lambda: same(dnorm, 2 * Gn),
    "line 373.2": lambda: same(dnorm, 2 * Gn),
    "line 400": lambda: same(dA2, 1 / m * 2 * (A2 - Y)),
    "line 421": lambda: same(dZ2, dA2 * dg(Z2)) and same(dZ2, 2 / m * (A2 - Y) * dg(Z2)),
    "line 440": lambda: same(dW2, A1.T @ dZ2) and same(dW2, 2 / m * A1.T @ ((A2 - Y) * dg(Z2))),
    "line 452": lambda: same(Z2, A1 @ W2),
    "line 458": lambda: same(dA1, dZ2 @ W2.T),
    "line 464.1": lambda: same(dZ1, dA1 * dg(Z1)),
    "line 465.2": lambda: same(dW1, X.T @ dZ1),
    "line 474.1": lambda: same(dA2, 1 / m * 2 * (A2 - Y)),
    "line 475.2": lambda: same(dA1, dZ2 @ W2.T),
    "line 476.3": lambda: same(dZ1, dA1 * dg(Z1)) and same(dZ2, dA2 * dg(Z2)),
    "line 477.4": lambda: same(dW1, X.T @ dZ1) and same(dW2, A1.T @ dZ2),
    "line 489": lambda: descent,
}
planted = {
    "line 263.2": lambda: dF_right.shape == (dFG(Xl @ Wr) @ Wr).shape and same(dF_right, dFG(Xl @ Wr) @ Wr),
    "line 285": lambda: same(dF_left, dFG(Wl @ Xs) @ Wl.T),
    "line 373.2": lambda: same(dnorm, Gn),
    "line 400": lambda: same(dA2, 1 / m * (A2 - Y)),
    "line 458": lambda: dZ1.shape == (dZ2 @ W1.T).shape and same(dA1, dZ2 @ W1.T),
    "line 476.3": lambda: same(dZ1, dA1 * dg(Z1 @ W2)) if (Z1 @ W2).shape == Z1.shape else False,
    "line 489": lambda: f_W(W1 + lr * dW1, W2) < f_W(W1, W2),
}
confirm("pilex_nn.md", "pilex_nn_planted.md", checks, planted)
print("OK")
