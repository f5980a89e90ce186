"""Independent NumPy oracle for ng_logreg.ipynb / ng_logreg_planted.ipynb (deeplearning.ai, "Logistic Regression with
a Neural Network mindset").

The notebook's model (ng_logreg.spec.toml): w an n_x x 1 column, examples as the columns of X, A = sigmoid(w^T X + b),
L the cross-entropy of one example, J its mean over the m examples. Each claim is NumPy code of what it says, compared
with central differences of that J (or with the forward pass it restates). Prints OK when every verdict of
MANIFEST.toml holds.
Run: python oracle_ng_logreg.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(12288)
nx, m, alpha = 5, 6, 0.009  # alpha: the notebook's optimize() default
w, b = rng.normal(size=(nx, 1)), 0.2
X = rng.normal(size=(nx, m))  # the images as columns (n_x of the notebook's 12288 features)
Y = (rng.random(size=(1, m)) < 0.5).astype(float)  # cat / non-cat labels


def by_cases(a, y):
    """The cross-entropy of a 0/1 label, by cases: -log a for y = 1, -log(1 - a) for y = 0."""
    return np.where(y == 1, -np.log(a), -np.log(1 - a))


def cost(w=w, b=b):
    return float(by_cases(1 / (1 + np.exp(-(w.T @ X + b))), Y).mean())


A = sigmoid(w.T @ X + b)
dw, db = grad(lambda v: cost(w=v), w), grad(lambda v: cost(b=v), np.array(b))
zs = np.linspace(-3, 3, 7)
xs = [X[:, [i]] for i in range(m)]
checks = {
    "1": lambda: all(np.isclose((w.T @ xs[i]).item() + b, np.dot(w[:, 0], X[:, i]) + b) for i in range(m)),
    "2": lambda: all(np.isclose(A[0, i], 1 / (1 + np.exp(-((w.T @ xs[i]).item() + b)))) for i in range(m)),
    "3": lambda: same(by_cases(A, Y), -Y * np.log(A) - (1 - Y) * np.log(1 - A)),
    "6": lambda: np.isclose(cost(), np.sum(-Y * np.log(A) - (1 - Y) * np.log(1 - A)) / m),
    "Exercise3.1": lambda: same(1 / (1 + np.exp(-zs)), np.exp(zs) / (1 + np.exp(zs))),
    "Exercise3.2": lambda: np.isclose((w.T @ xs[0]).item() + b, sum(w[j, 0] * X[j, 0] for j in range(nx)) + b),
    "Exercise5.1": lambda: same(sigmoid(w.T @ X + b), np.array([[A[0, i] for i in range(m)]])),
    "Exercise5.2": lambda: np.isclose(cost(), -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m),
    "7": lambda: same(dw, X @ (A - Y).T / m),
    "8": lambda: np.isclose(float(db), np.sum(A - Y) / m),
    "Exercise6.1": lambda: same(w - alpha * dw, w - alpha * X @ (A - Y).T / m) and cost(w - 1e-3 * dw) < cost(),
    "Exercise7.1": lambda: same(A, 1 / (1 + np.exp(-(w.T @ X + b)))),
}
planted = {
    "3": lambda: same(by_cases(A, Y), -Y * np.log(A) + (1 - Y) * np.log(1 - A)),
    "6": lambda: np.isclose(cost(), np.sum(by_cases(A, Y)) / (2 * m)),
    "Exercise3.1": lambda: same(1 / (1 + np.exp(-zs)), 1 / (1 + np.exp(zs))),
    "Exercise5.1": lambda: same(sigmoid(w @ X + b), A),
    "7": lambda: same(dw, X.T @ (A - Y) / m),
    "8": lambda: np.isclose(float(db), np.sum(Y - A) / m),
    "Exercise6.1": lambda: cost(w + alpha * dw) < cost(),
}
confirm("ng_logreg.ipynb", "ng_logreg_planted.ipynb", checks, planted)
print("OK")
