"""Independent NumPy oracle for lochane_readme.md and its planted copy (a French learner's plain-text notes: sigma' and
the gradient-descent step for one sigmoid neuron).

sigma' by central differences on a grid; the step w - lr dL/dw of the binary cross-entropy (the spec's loss) against
the step that lowers L to first order: it is w - lr dL/dw (the planted w + lr dL/dw raises L). Lines 53-54 are
unchecked (the notes do not state the loss), so they need no check. Prints OK when every verdict of MANIFEST.toml
holds. Run: python oracle_lochane.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2108)
zs = np.linspace(-3, 3, 13)
ds = np.array([grad(lambda v: float(sigmoid(v[0])), np.array([t]))[0] for t in zs])
s = sigmoid(zs)
x, w, b, y, lr = rng.normal(size=3), rng.normal(size=3), 0.2, 1.0, 1e-3


def L(ww):
    a = sigmoid(ww @ x + b)
    return float(-(y * np.log(a) + (1 - y) * np.log(1 - a)))


g = grad(L, w)


def descends(step):
    """the step lowers L, by the first-order change lr * |g|^2 (not a step up)."""
    return L(step) < L(w) - 0.5 * lr * (g @ g)


checks = {
    "line 58": lambda: same(ds, s * (1 - s)),
    "line 84": lambda: descends(w - lr * g),
}
planted = {
    "line 58": lambda: same(ds, s * (1 + s)),
    "line 84": lambda: descends(w + lr * g),
}
confirm("lochane_readme.md", "lochane_readme_planted.md", checks, planted)
print("OK")
