"""Independent NumPy oracle for kaifeng_regularization.md / kaifeng_regularization_planted.md (a learner's Chinese notes
on weight decay and inverted dropout).

Weight decay: l(w, b) a random smooth loss of a linear model, the penalty lambda/2 ||w||^2; the gradient by central
differences, the update as one gradient step on the penalised loss. Dropout: the expectation of x'_i over its two
outcomes (0 with probability p, x_i/(1 - p) otherwise), and a Monte Carlo check of the same mean. Prints OK when every
verdict of MANIFEST.toml holds. Run: python oracle_kaifeng_reg.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(28)
X, y = rng.normal(size=(5, 3)), rng.normal(size=5)
w, b, lam, eta, p = rng.normal(size=3), 0.2, 0.3, 0.05, 0.4
ell = lambda w_, b_=b: float(0.5 * np.sum((X @ w_ + b_ - y) ** 2))  # noqa: E731
pen = lambda w_: ell(w_) + lam / 2 * np.sum(w_**2)  # noqa: E731
g_pen, g_ell = grad(pen, w), grad(ell, w)
step = w - eta * g_pen
x = rng.normal(size=4)
expect = p * 0 + (1 - p) * (x / (1 - p))  # the two outcomes of each x'_i, weighted
masks = rng.random(size=(200000, 4)) >= p
mc = np.mean(masks * x / (1 - p), axis=0)

checks = {
    "line 28": lambda: same(g_pen, g_ell + lam * w),
    "line 32": lambda: same(step, (1 - eta * lam) * w - eta * g_ell),
    "line 50": lambda: same(expect, x) and np.allclose(mc, x, atol=0.02),
}
planted = {
    "line 28": lambda: same(g_pen, g_ell + 2 * lam * w),
    "line 32": lambda: same(step, (1 + eta * lam) * w - eta * g_ell),
    "line 50": lambda: same((1 - p) * x, x),
}
confirm("kaifeng_regularization.md", "kaifeng_regularization_planted.md", checks, planted)
print("OK")
