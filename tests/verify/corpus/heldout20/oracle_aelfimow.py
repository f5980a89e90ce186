"""Independent NumPy oracle for aelfimow_tag009.md, aelfimow_tag011.md, aelfimow_tag042.md and their planted copies
(a learner's German day-by-day notes on a machine-learning book: linear regression with the mean squared error,
logistic regression with the mean log loss; scalar x_i, w, b over m examples).

Random data; L(w, b) = (1/m) sum ((w x_i + b) - y_i)^2 (Tag 9, 11) and L(w, b) = -(1/m) sum [y_i log y_hat_i + (1 -
y_i) log(1 - y_hat_i)], y_hat_i = sigmoid(w x_i + b) (Tag 42); dL/dw and dL/db by central differences, compared with
each claim's sum evaluated as written. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_aelfimow.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2009)
m = 7
x, w, b = rng.normal(size=m), float(rng.normal()), float(rng.normal())
y = rng.normal(size=m)
t = rng.integers(0, 2, size=m).astype(float)  # Tag 42's labels


def mse(p):
    return float(np.mean(((p[0] * x + p[1]) - y) ** 2))


def logloss(p):
    yh = sigmoid(p[0] * x + p[1])
    return float(-np.mean(t * np.log(yh) + (1 - t) * np.log(1 - yh)))


g_mse = grad(mse, np.array([w, b]))
g_log = grad(logloss, np.array([w, b]))
r = (w * x + b) - y
yh = sigmoid(w * x + b)

confirm(
    "aelfimow_tag009.md",
    "aelfimow_tag009_planted.md",
    {"line 24": lambda: same(g_mse[0], 2 / m * np.sum(x * r))},
    {"line 24": lambda: same(g_mse[0], 1 / m * np.sum(x * r))},
)
confirm(
    "aelfimow_tag011.md",
    "aelfimow_tag011_planted.md",
    {"line 11": lambda: same(g_mse[0], 2 / m * np.sum(x * r)), "line 14": lambda: same(g_mse[1], 2 / m * np.sum(r))},
    {"line 14": lambda: same(g_mse[1], 2 / m * np.sum(x * r))},
)
confirm(
    "aelfimow_tag042.md",
    "aelfimow_tag042_planted.md",
    {"line 16": lambda: same(g_log[0], 1 / m * np.sum(x * (yh - t)))},
    {"line 16": lambda: same(g_log[0], 1 / m * np.sum(x * (t - yh)))},
)
print("OK")
