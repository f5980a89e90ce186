"""Independent NumPy oracle for quargam_hw1.md / quargam_hw1_planted.md (Kapylov Maksim's homework 1: one sigmoid
neuron).

The student's model (quargam_hw1.spec.toml): z^{(i)} = w x^{(i)} + b with x^{(i)} in R^2, yhat^{(i)} = sigmoid(z^{(i)}),
J = 1/n sum_i (y^{(i)} - yhat^{(i)})^2 over n = 6 examples (no 1/2). Derivatives are central differences of that J
(or of the intermediate the claim differentiates); an update holds when a small step of it lowers J (descent).
Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_quargam.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(1)
n = 6
X, y = rng.normal(size=(n, 2)), rng.integers(0, 2, size=n).astype(float)
w, b = rng.normal(size=2), rng.normal()


def J(w=w, b=b, yhat=None):
    yh = sigmoid(X @ w + b) if yhat is None else yhat
    return float(np.mean((y - yh) ** 2))


z = X @ w + b
yhat = sigmoid(z)
dJ_dyhat = grad(lambda v: J(yhat=v), yhat)
dsig_fd = (sigmoid(z + 1e-6) - sigmoid(z - 1e-6)) / 2e-6
dz_dw = [grad(lambda v, i=i: float(X[i] @ v + b), w) for i in range(n)]
gw = grad(lambda v: J(w=v), w)
gb = grad(lambda v: J(b=float(v[0])), np.array([b]))[0]
alpha = 1e-3

checks = {
    "line 14": lambda: same(z, np.array([w @ X[i] + b for i in range(n)])),
    "line 16": lambda: same(yhat, sigmoid(z)),
    "line 18": lambda: np.isclose(J(), np.mean([(y[i] - yhat[i]) ** 2 for i in range(n)])),
    "line 22": lambda: np.isclose(J(), sum((y - yhat) ** 2) / n),
    "line 26": lambda: same(dJ_dyhat, -2 * (y - yhat)),
    "line 28": lambda: same(dsig_fd, sigmoid(z) * (1 - sigmoid(z))),
    "line 30": lambda: all(same(dz_dw[i], X[i]) for i in range(n)),
    "line 36": lambda: J(w=w - alpha * gw) < J(),
    "line 38": lambda: J(b=b - alpha * gb) < J(),
}
planted = {
    "line 16": lambda: same(yhat, sigmoid(X)),
    "line 28": lambda: same(dsig_fd, sigmoid(z) * (1 + sigmoid(z))),
    "line 30": lambda: all(same(dz_dw[i], w) for i in range(n)),
    "line 38": lambda: J(b=b + alpha * gb) < J(),
}
confirm("quargam_hw1.md", "quargam_hw1_planted.md", checks, planted)
print("OK")
