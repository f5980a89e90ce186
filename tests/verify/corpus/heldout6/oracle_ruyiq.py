"""Independent NumPy oracle for ruyiq_csc413_hw1.md / ruyiq_csc413_hw1_planted.md (a student's CSC413 hw1 answers,
question 2.2).

The assignment's network (ruyiq_csc413_hw1.spec.toml): x = (1, 3, 1), z = W1 x, h = ReLU(z), y = W2 h, no biases,
J = 1^T y (so y-bar = 1); v-bar = dJ/dv with v's shape. Every bar is a central difference of J; the student's printed
numbers are compared exactly (they are integers). Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_ruyiq.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

x = np.array([1.0, 3.0, 1.0])
W1 = np.array([[1.0, 2, 1], [-2, 1, 0], [1, -2, -1]])
W2 = np.array([[-2.0, 4, 1], [1, -2, -3], [-3, 4, 6]])
relu = lambda v: np.maximum(v, 0)  # noqa: E731
J = lambda W1=W1, W2=W2: float(np.sum(W2 @ relu(W1 @ x)))  # noqa: E731
z = W1 @ x
h = relu(z)
y = W2 @ h
ybar = grad(lambda v: float(np.sum(v)), y)
hbar = grad(lambda v: float(np.sum(W2 @ v)), h)
zbar = grad(lambda v: float(np.sum(W2 @ relu(v))), z)
W1bar, W2bar = grad(lambda v: J(W1=v), W1), grad(lambda v: J(W2=v), W2)
M = lambda rows: np.array(rows, float)  # noqa: E731
fro = lambda A: float(np.sum(A * A))  # noqa: E731
checks = {
    "line 76": lambda: same(z, W1 @ x) and same(W1 @ x, M([8, 1, -6])),
    "line 91": lambda: same(h, relu(M([8, 1, -6]))) and same(relu(M([8, 1, -6])), M([8, 1, 0])),
    "line 99": lambda: same(y, W2 @ h) and same(W2 @ M([8, 1, 0]), M([-12, 6, -20])),
    "line 113": lambda: same(ybar, M([1, 1, 1])),
    "line 118": lambda: (
        same(hbar, W2.T @ ybar) and same(M([[-2, 1, -3], [4, -2, 4], [1, -3, 6]]), W2.T) and same(W2.T @ M([1, 1, 1]), M([-4, 6, 4]))
    ),
    "line 120": lambda: (
        same(zbar, hbar * (z > 0)) and same((z > 0).astype(float), M([1, 1, 0])) and same(M([-4, 6, 4]) * M([1, 1, 0]), M([-4, 6, 0]))
    ),
    "line 122": lambda: same(W1bar, np.outer(zbar, x)) and same(np.outer(M([-4, 6, 0]), x), M([[-4, -12, -4], [6, 18, 6], [0, 0, 0]])),
    "line 127": lambda: same(W1bar, np.outer(zbar, x).T),
    "line 129": lambda: same(W2bar, np.outer(ybar, h)) and same(np.outer(M([1, 1, 1]), M([8, 1, 0])), M([[8, 1, 0]] * 3)),
    "line 137": lambda: same(W2bar, np.outer(ybar, h).T),
    "line 140": lambda: (
        all(
            np.isclose(fro(W1bar), v)
            for v in (np.trace(W1bar.T @ W1bar), np.trace(M([[52, 156, 52], [156, 468, 156], [52, 156, 52]])), 52 + 468 + 52, 572)
        )
        and same(W1bar.T @ W1bar, M([[52, 156, 52], [156, 468, 156], [52, 156, 52]]))
    ),
    "line 151": lambda: (
        all(
            np.isclose(fro(W2bar), v)
            for v in (np.trace(W2bar.T @ W2bar), np.trace(M([[192, 24, 0], [24, 3, 0], [0, 0, 0]])), 192 + 3 + 0, 195)
        )
        and same(W2bar.T @ W2bar, M([[192, 24, 0], [24, 3, 0], [0, 0, 0]]))
    ),
    "line 162": lambda: np.isclose(fro(W1bar), np.sum(x**2) * np.sum(zbar**2)),
    "line 172": lambda: all(
        np.isclose(fro(W2bar), v)
        for v in (
            np.trace(W2bar.T @ W2bar),
            np.trace(np.outer(ybar, h) @ np.outer(h, ybar)),
            (h @ h) * (ybar @ ybar),
            np.sum(h**2) * np.sum(ybar**2),
            np.sqrt(8**2 + 1**2 + 0**2) ** 2 * np.sqrt(1**2 + 1**2 + 1**3) ** 2,
            65 * np.sqrt(1**2 + 1**2 + 1**3) ** 2,
            195,
        )
    ),
}
planted = {
    "line 99": lambda: same(W2 @ M([8, 1, 0]), M([-12, 6, 20])),
    "line 118": lambda: same(hbar, W2 @ ybar),
    "line 120": lambda: same((z > 0).astype(float), M([1, 1, 1])),
    "line 122": lambda: same(np.outer(M([-4, 6, 0]), x), M([[-4, -12, -4], [6, 18, 0], [0, 0, 0]])),
    "line 129": lambda: same(W2bar, np.outer(h, ybar)),
    "line 151": lambda: np.isclose(fro(W2bar), 196),
    "line 172": lambda: same(np.outer(h, h) * (ybar @ ybar), fro(W2bar)),
}
confirm("ruyiq_csc413_hw1.md", "ruyiq_csc413_hw1_planted.md", checks, planted)
print("OK")
