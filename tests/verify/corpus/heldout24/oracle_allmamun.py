"""Independent NumPy oracle for the German notes (allmamun_backprop_de.md) and their planted copy.

The notes' network for one sample, column vectors: z1 = W1 x + b1 (W1 is 4 x 3), a1 = ReLU(z1), z2 = W2 a1 + b2
(W2 is 1 x 4), y_hat = sigmoid(z2), L = 1/2 (y - y_hat)^2; delta^(l) = dL/dz^(l). Every derivative by central
differences; each display is checked as written (the lost `\\,` read as a product; a product of non-conforming shapes
does not hold; an update must lower L for a small step). A check holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_allmamun.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2433)
W1, b1 = rng.normal(size=(4, 3)), rng.normal(size=4)
W2, b2 = rng.normal(size=(1, 4)), rng.normal(size=1)
x, y = rng.normal(size=3), np.array([0.3])


def forward(W1=W1, b1=b1, W2=W2, b2=b2, z1=None, z2=None, a1=None):
    z1 = W1 @ x + b1 if z1 is None else z1
    a1 = np.maximum(0, z1) if a1 is None else a1
    z2 = W2 @ a1 + b2 if z2 is None else z2
    return z1, a1, z2, sigmoid(z2)


def L(**kw):
    return 0.5 * float(np.sum((y - forward(**kw)[3]) ** 2))


z1, a1, z2, yh = forward()
assert np.abs(z1).min() > 1e-3  # no ReLU kink at the point
relu_p = (z1 > 0).astype(float)
d2 = grad(lambda v: L(z2=v), z2)
d1 = grad(lambda v: L(z1=v), z1)
dL_dyh = grad(lambda v: 0.5 * float(np.sum((y - v) ** 2)), yh)
dyh_dz2 = grad(lambda v: float(sigmoid(v)[0]), z2)
dL_da1 = grad(lambda v: L(a1=v), a1)
da1_dz1 = grad(lambda v: float(np.sum(np.maximum(0, v))), z1)  # diagonal: a1_j depends on z1_j only
gW1, gb1 = grad(lambda v: L(W1=v), W1), grad(lambda v: L(b1=v), b1)
gW2, gb2 = grad(lambda v: L(W2=v), W2), grad(lambda v: L(b2=v), b2)
eta = 1e-3


def conform(f):
    try:
        return f()
    except ValueError:  # a product of non-conforming shapes: the display does not hold
        return False


def lowers(name, sign):
    """The step name := name + sign eta dL/dname lowers L (a descent step)."""
    g = {"W1": gW1, "W2": gW2}[name] if name.startswith("W") else {"b1": gb1, "b2": gb2}[name]
    p = {"W1": W1, "W2": W2, "b1": b1, "b2": b2}[name]
    return L(**{name: p + sign * eta * g}) < L()


checks = {
    "line 45": lambda: same(dL_dyh, yh - y),
    "line 55": lambda: same(dyh_dz2, yh * (1 - yh)),
    "line 61": lambda: same(d2, dL_dyh * dyh_dz2) and same(d2, (yh - y) * yh * (1 - yh)),
    "line 86": lambda: conform(lambda: same(gW2, np.outer(d2, a1))),
    "line 91": lambda: same(gb2, d2),
    "line 102": lambda: conform(lambda: same(dL_da1, W2.T @ d2)),
    "line 109": lambda: same(da1_dz1, relu_p),
    "line 125": lambda: same(d1, (W2.T @ d2) * relu_p),
    "line 143": lambda: conform(lambda: same(gW1, np.outer(d1, x))),
    "line 148": lambda: same(gb1, d1),
    "line 159": lambda: lowers("W1", -1) and lowers("W2", -1),
    "line 163": lambda: lowers("b1", -1) and lowers("b2", -1),
}
planted = {
    "line 45": lambda: same(dL_dyh, y - yh),
    "line 55": lambda: same(dyh_dz2, yh),
    "line 102": lambda: conform(lambda: same(dL_da1, W2 @ d2)),
    "line 125": lambda: same(d1, (W2.T @ d2) * np.maximum(0, z1)),
    "line 143": lambda: conform(lambda: same(gW1, np.outer(x, d1))),
    "line 159": lambda: lowers("W1", 1) and lowers("W2", 1),
}
confirm("allmamun_backprop_de.md", "allmamun_backprop_de_planted.md", checks, planted)
print("OK")
