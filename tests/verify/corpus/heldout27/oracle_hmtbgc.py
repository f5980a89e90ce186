"""Independent NumPy oracle for hmtbgc_fc_report.md (a student's lab report in Chinese: each module of a NumPy MLP read
on its own -- a fully connected layer y = X W + b with the samples as rows, a ReLU y = max(x, 0), the loss layer
L = -1/n sum_i y^(i)T log softmax(X_i) with X the logits, an SGD step) and its planted copy.

Each module's backward formula is checked at random inputs by central differences of a scalar L of its output (a
random smooth function of y standing for the layers above: L = sum c * tanh(y)); the loss layer's by central
differences of the mean cross-entropy itself; the step as a descent step on a random quadratic. A check holds
exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_hmtbgc.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(2703)
n, d, m = 5, 4, 3
X, W, b = rng.normal(size=(n, d)), rng.normal(size=(d, m)), rng.normal(size=m)
c = rng.normal(size=(n, m))
up = lambda y: float(np.sum(c * np.tanh(y)))                 # the layers above: any scalar of y
dLdy = grad(up, X @ W + b)
gW = grad(lambda v: up(X @ v + b), W)
gb = grad(lambda v: up(X @ W + v), b)
gX = grad(lambda v: up(v @ W + b), X)

x = rng.normal(size=(n, m))
x[np.abs(x) < 0.05] = 0.3                                     # keep away from the kink
relu_up = lambda v: up(np.maximum(v, 0))
gx_relu = grad(relu_up, x)
dLdy_relu = grad(up, np.maximum(x, 0))

Y = np.eye(m)[rng.integers(0, m, size=n)]
Z = rng.normal(size=(n, m))
soft = lambda v: np.exp(v - v.max(1, keepdims=True)) / np.exp(v - v.max(1, keepdims=True)).sum(1, keepdims=True)
ce = lambda v: float(-np.mean(np.sum(Y * np.log(soft(v)), axis=1)))
gZ = grad(ce, Z)

Q, q, lr = rng.normal(size=(3, 3)), rng.normal(size=3), 0.1
quad = lambda v: float(v @ (Q @ Q.T) @ v / 2 + q @ v)
theta = rng.normal(size=3)
step = theta - lr * grad(quad, theta)

checks = {
    "line 8": lambda: same(gW, X.T @ dLdy) and same(gb, np.ones(n) @ dLdy) and same(gX, dLdy @ W.T),
    "line 20": lambda: same(gx_relu, np.where(x < 0, 0.0, dLdy_relu)),
    "line 37": lambda: same(gZ, -(Y - soft(Z)) / n),
    "line 42": lambda: same(step, theta - lr * ((Q @ Q.T) @ theta + q)) and quad(step) < quad(theta),
}
planted = {
    "line 8": lambda: same(gW, X @ dLdy) and same(gb, np.ones(n) @ dLdy) and same(gX, dLdy @ W.T),
    "line 37": lambda: same(gZ, -(Y - soft(Z))),
    "line 42": lambda: same(step, theta + lr * ((Q @ Q.T) @ theta + q)),
}
confirm("hmtbgc_fc_report.md", "hmtbgc_fc_report_planted.md", checks, planted)
print("OK")
