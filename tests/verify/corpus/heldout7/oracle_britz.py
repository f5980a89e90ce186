"""Independent NumPy oracle for britz_nn.ipynb / britz_nn_planted.ipynb (Denny Britz's "Implementing a Neural Network
from Scratch" notebook).

The author's conventions (britz_nn.spec.toml): one input row x (1 x 2), z_1 = x W_1 + b_1, a_1 = tanh(z_1),
z_2 = a_1 W_2 + b_2, y^ = softmax(z_2), L = -sum_i y_i log y^_i (N = 1); delta_3 = dL/dz_2, delta_2 = dL/dz_1, rows.
Every derivative is a central difference of L; rows are 1 x n arrays so that each transpose is checked. Prints OK
when every verdict of MANIFEST.toml holds.
Run: python oracle_britz.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(71)
H = 4
x = rng.normal(size=(1, 2))
W1, b1, W2, b2 = rng.normal(size=(2, H)), rng.normal(size=(1, H)), rng.normal(size=(H, 2)), rng.normal(size=(1, 2))
y = np.array([[0.0, 1.0]])
softmax = lambda v: np.exp(v) / np.sum(np.exp(v), axis=1, keepdims=True)  # noqa: E731


def L(W1=W1, b1=b1, W2=W2, b2=b2):
    return float(-np.sum(y * np.log(softmax(np.tanh(x @ W1 + b1) @ W2 + b2))))


z1 = x @ W1 + b1
a1 = np.tanh(z1)
z2 = a1 @ W2 + b2
yhat = softmax(z2)
delta3 = grad(lambda v: float(-np.sum(y * np.log(softmax(v)))), z2)
delta2 = grad(lambda v: float(-np.sum(y * np.log(softmax(np.tanh(v) @ W2 + b2)))), z1)
gW1, gb1, gW2, gb2 = (grad(lambda v, k=k: L(**{k: v}), p) for k, p in (("W1", W1), ("b1", b1), ("W2", W2), ("b2", b2)))
checks = {
    "line 47.1": lambda: same(z1, x @ W1 + b1),
    "line 48.2": lambda: same(a1, (np.exp(z1) - np.exp(-z1)) / (np.exp(z1) + np.exp(-z1))),
    "line 49.3": lambda: same(z2, a1 @ W2 + b2),
    "line 50.4": lambda: same(yhat, np.exp(z2 - z2.max()) / np.exp(z2 - z2.max()).sum()),
    "line 62": lambda: np.isclose(L(), -1 / 1 * sum(y[0, i] * np.log(yhat[0, i]) for i in range(2))),
    "line 78.1": lambda: same(delta3, yhat - y),
    "line 79.2": lambda: same(delta2, (1 - np.tanh(z1) ** 2) * (delta3 @ W2.T)),
    "line 80.3": lambda: same(gW2, a1.T @ delta3),
    "line 81.4": lambda: same(gb2, delta3),
    "line 82.5": lambda: same(gW1, x.T @ delta2),
    "line 83.6": lambda: same(gb1, delta2),
}
planted = {
    "line 49.3": lambda: same(z2, W2 @ a1 + b2),
    "line 78.1": lambda: same(delta3, y - yhat),
    "line 79.2": lambda: same(delta2, (1 - np.tanh(z1)) * (delta3 @ W2.T)),
    "line 80.3": lambda: same(gW2, delta3 @ a1.T),
    "line 82.5": lambda: same(gW1, x.T @ delta3),
}
confirm("britz_nn.ipynb", "britz_nn_planted.ipynb", checks, planted)
print("OK")
