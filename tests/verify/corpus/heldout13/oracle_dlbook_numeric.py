"""Independent NumPy oracle for dlbook_numeric.ipynb / dlbook_numeric_planted.ipynb (pythonandml's worked example:
row vectors, a 3-2-2 sigmoid network, one example, one update).

The notebook's network (dlbook_numeric.spec.toml): z_1 = a_0 W_1 + b_1^T, a_1 = sigmoid(z_1), z_2 = a_1 W_2 + b_2^T,
a_2 = sigmoid(z_2), J = 1/2 ||a_2 - y||^2, x = [1, 4, 5], y = [0.1, 0.05], eta = 0.01, m = 1. Every derivative is a
central difference of J; the written numbers follow written.py (one unit of the last digit, or 0.2 %).
Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_dlbook_numeric.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid
from written import written

x, y = np.array([1.0, 4.0, 5.0]), np.array([0.1, 0.05])
W1, b1 = np.array([[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]]), np.array([0.5, 0.5])
W2, b2 = np.array([[0.7, 0.8], [0.9, 0.1]]), np.array([0.5, 0.5])
eta, m = 0.01, 1
dsig = lambda z: sigmoid(z) * (1 - sigmoid(z))  # noqa: E731


def J(w1, v1, w2, v2):
    return float(0.5 * np.sum((sigmoid(sigmoid(x @ w1 + v1) @ w2 + v2) - y) ** 2))


z1 = x @ W1 + b1
a1 = sigmoid(z1)
z2 = a1 @ W2 + b2
a2 = sigmoid(z2)
dJ_da2 = grad(lambda a: float(0.5 * np.sum((a - y) ** 2)), a2)
d2 = grad(lambda z: float(0.5 * np.sum((sigmoid(z) - y) ** 2)), z2)
d1 = grad(lambda z: float(0.5 * np.sum((sigmoid(sigmoid(z) @ W2 + b2) - y) ** 2)), z1)
dW1, db1 = grad(lambda w: J(w, b1, W2, b2), W1), grad(lambda v: J(W1, v, W2, b2), b1)
dW2, db2 = grad(lambda w: J(W1, b1, w, b2), W2), grad(lambda v: J(W1, b1, W2, v), b2)
nW1, nW2, nb1, nb2 = W1 - eta / m * dW1, W2 - eta / m * dW2, b1 - eta / m * db1, b2 - eta / m * db2
# an update written from the rounded gradients: its arithmetic to 2e-6 (the rounding of eta times a 4-digit gradient)
close = lambda written_out, exact: same(written_out, exact, rtol=0, atol=2e-6)  # noqa: E731

checks = {
    "line 64": lambda: same(z1, x @ W1 + b1),
    "line 68": lambda: same(z1, np.array([1, 4, 5]) @ W1 + np.array([0.5, 0.5])),
    "line 80": lambda: written(x @ W1, "3.8 4.8"),
    "line 88": lambda: written(z1, "4.3 5.3"),
    "line 95": lambda: same(a1, sigmoid(np.array([4.3, 5.3]))),
    "line 99": lambda: written(a1, "0.9866 0.9950"),
    "line 110": lambda: same(z2, a1 @ W2 + b2),
    "line 114": lambda: written(a1, "0.9866 0.9950") and same(W2, [[0.7, 0.8], [0.9, 0.1]]) and same(b2, [0.5, 0.5]),
    "line 125": lambda: written(z2, "2.086 1.389"),
    "line 132": lambda: same(a2, sigmoid(z2)),
    "line 136": lambda: written(a2, "0.8896 0.8004"),
    "line 147": lambda: same(dJ_da2, a2 - y),
    "line 155": lambda: written(dJ_da2, "0.7896 0.7504"),
    "line 161": lambda: written(dsig(z2), "0.0983 0.1598"),
    "line 171": lambda: same(d2, dJ_da2 * dsig(z2)),
    "line 175": lambda: written(dJ_da2, "0.7896 0.7504") and written(dsig(z2), "0.0983 0.1598"),
    "line 183": lambda: written(d2, "0.0776 0.1199"),
    "line 193": lambda: same(d1, (d2 @ W2.T) * dsig(z1)),
    "line 197": lambda: written(dsig(z1), "0.0132 0.0049"),
    "line 207": lambda: same(W2.T, [[0.7, 0.9], [0.8, 0.1]]) and written(d2, "0.0776 0.1199") and written(dsig(z1), "0.0132 0.0049"),
    "line 218": lambda: written(d1, "0.002 0.0004"),
    "line 230": lambda: same(dW1, np.outer(x, d1)),
    "line 234": lambda: same(dW1, np.outer([1, 4, 5], d1)) and written(d1, "0.002 0.0004"),
    "line 244": lambda: written(dW1, "0.002 0.0004 0.0079 0.0016 0.0099 0.002"),
    "line 255": lambda: same(dW2, np.outer(a1, d2)),
    "line 259": lambda: written(dW2, "0.0765 0.1183 0.0772 0.1193"),
    "line 274": lambda: same(db1, d1) and written(db1, "0.002 0.0004"),
    "line 285": lambda: same(db2, d2) and written(db2, "0.0775 0.1199"),
    "line 301": lambda: J(nW1, b1, W2, b2) < J(W1, b1, W2, b2),
    "line 305": lambda: close(W1 - 0.01 * np.array([[0.002, 0.0004], [0.0079, 0.0016], [0.0099, 0.002]]), nW1),
    "line 317": lambda: written(nW1, "0.09998 0.1999 0.29992 0.39998 0.4999 0.59998"),
    "line 327": lambda: J(W1, b1, nW2, b2) < J(W1, b1, W2, b2),
    "line 331": lambda: close(W2 - 0.01 * np.array([[0.0765, 0.1183], [0.0772, 0.1193]]), nW2),
    "line 341": lambda: written(nW2, "0.6992 0.7988 0.89923 0.0988"),
    "line 350": lambda: J(W1, nb1, W2, b2) < J(W1, b1, W2, b2),
    "line 354": lambda: close(0.5 - 0.01 * np.array([0.002, 0.0004]), nb1),
    "line 364": lambda: written(nb1, "0.49998 0.499995"),
    "line 373": lambda: J(W1, b1, W2, nb2) < J(W1, b1, W2, b2),
    "line 377": lambda: close(0.5 - 0.01 * np.array([0.0775, 0.1199]), nb2),
    "line 387": lambda: written(nb2, "0.49922 0.49880"),
}
planted = {
    "line 110": lambda: same(z2, a1 @ W1 + b2),
    "line 183": lambda: written(d2, "0.0776 0.1299"),
    "line 193": lambda: same(d1, (d2 @ W2) * dsig(z1)),
    "line 230": lambda: same(dW1, np.outer(a1, d1)),
    "line 305": lambda: close(W1 + 0.01 * np.array([[0.002, 0.0004], [0.0079, 0.0016], [0.0099, 0.002]]), nW1),
    "line 341": lambda: written(nW2, "0.6992 0.8012 0.89923 0.0988"),
}
confirm("dlbook_numeric.ipynb", "dlbook_numeric_planted.ipynb", checks, planted)
print("OK")
