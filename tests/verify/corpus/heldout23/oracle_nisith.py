"""Independent NumPy oracle for Nisith Divantha's assignment README (nisith_readme.md) and its planted copy.

The student's network as their own code has it (Task_1.ipynb at the same commit): a batch of m = 5 samples as ROWS,
z_i = a_{i-1} W_i + b_i (W_i in x out), ReLU hidden layers (4-3-6-2 here), softmax output, the cross-entropy averaged
over the m samples. delta_i is the derivative of ONE sample's loss with respect to its z_i, row by row (m times the
derivative of the mean, by central differences); dL/dW_i, dL/db_i of the mean by central differences. Each display is
checked for every layer it names, as written: a product of non-conforming shapes does not hold (the sizes are chosen
so that delta_i a_{i-1}^T never conforms). A check holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_nisith.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(2340)
m, sizes = 5, [4, 3, 6, 2]
W = {i: rng.normal(size=(sizes[i - 1], sizes[i])) for i in (1, 2, 3)}
b = {i: rng.normal(size=(1, sizes[i])) for i in (1, 2, 3)}
X = rng.normal(size=(m, 4))
Y = np.eye(2)[rng.integers(0, 2, size=m)]


def softmax(v):
    e = np.exp(v - v.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def fwd(WW=W, bb=b, at=None, z_at=None):
    a, z = {0: X}, {}
    for i in (1, 2, 3):
        z[i] = z_at if at == i else a[i - 1] @ WW[i] + bb[i]
        a[i] = softmax(z[i]) if i == 3 else np.maximum(0, z[i])
    return z, a


def loss(**kw):
    return float(-np.sum(Y * np.log(fwd(**kw)[1][3])) / m)


z, a = fwd()
assert min(np.abs(z[1]).min(), np.abs(z[2]).min()) > 1e-3  # no ReLU kink at the point
delta = {i: m * grad(lambda v, i=i: loss(at=i, z_at=v), z[i]) for i in (1, 2, 3)}  # one sample's dL/dz_i, by rows
gW = {i: grad(lambda v, i=i: loss(WW={**W, i: v}), W[i]) for i in (1, 2, 3)}
gb = {i: grad(lambda v, i=i: loss(bb={**b, i: v}), b[i]) for i in (1, 2, 3)}


def relu_p(v):
    return (v > 0).astype(float)


checks = {
    "line 19": lambda: same(delta[3], a[3] - Y),
    "line 23": lambda: all(same(delta[i], (delta[i + 1] @ W[i + 1].T) * relu_p(z[i])) for i in (1, 2)),
    "line 27": lambda: all(same(gW[i], 1 / m * delta[i] @ a[i - 1].T) for i in (1, 2, 3)),
    "line 31": lambda: all(same(gb[i], 1 / m * delta[i].sum(axis=0, keepdims=True)) for i in (1, 2, 3)),
}
planted = {
    "line 19": lambda: same(delta[3], Y - a[3]),
    "line 23": lambda: all(same(delta[i], (delta[i + 1] @ W[i + 1]) * relu_p(z[i])) for i in (1, 2)),
    "line 31": lambda: all(same(gb[i], delta[i].sum(axis=0, keepdims=True)) for i in (1, 2, 3)),
}
confirm("nisith_readme.md", "nisith_readme_planted.md", checks, planted)
# what the student's own code computes (rows: a^T delta / m) does hold: the README's order is the slip
assert all(same(gW[i], a[i - 1].T @ delta[i] / m) for i in (1, 2, 3))
print("OK")
