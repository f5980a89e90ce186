"""Independent NumPy oracle for Matheus Maia's README (mathemaia_mlp_readme.md) and its planted copy.

The author's layout (NeuralNetwork.py at the same commit): a batch of N = 5 samples as ROWS, z^(l) = a^(l-1)
theta^(l)T + b^(l) with theta^(l) of shape (n_l, n_(l-1)); here 3 inputs, 4 leaky-ReLU units (slope 0.01), 2 sigmoid
outputs, J the SUM over the rows of the binary cross-entropy. delta^(l) = dJ/dz^(l) (N x n_l) and the gradients by
central differences; each display is checked for every layer it names, as written (a product of non-conforming shapes
does not hold). A check holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_mathemaia.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2426)
N, sizes = 5, [3, 4, 2]
theta = {l: rng.normal(size=(sizes[l], sizes[l - 1])) for l in (1, 2)}
bias = {l: rng.normal(size=(1, sizes[l])) for l in (1, 2)}
X = rng.normal(size=(N, 3))
Y = rng.integers(0, 2, size=(N, 2)).astype(float)


def lrelu(v):
    return np.where(v > 0, v, 0.01 * v)


def lrelu_p(v):
    return np.where(v > 0, 1.0, 0.01)


def forward(th=theta, at=None, z_at=None):
    a, z = {0: X}, {}
    for l in (1, 2):
        z[l] = a[l - 1] @ th[l].T + bias[l] if at != l else z_at
        a[l] = sigmoid(z[l]) if l == 2 else lrelu(z[l])
    return z, a


def J(**kw):
    p = forward(**kw)[1][2]
    return float(-np.sum(Y * np.log(p) + (1 - Y) * np.log(1 - p)))


z, a = forward()
assert np.abs(z[1]).min() > 1e-3  # no kink of the leaky ReLU at the point
delta = {l: grad(lambda v, l=l: J(at=l, z_at=v), z[l]) for l in (1, 2)}
gth = {l: grad(lambda v, l=l: J(th={**theta, l: v}), theta[l]) for l in (1, 2)}
dJ_da = -(Y / a[2]) + (1 - Y) / (1 - a[2])  # dJ/da^(L), the loss's derivative (also by differences below)
assert same(dJ_da, grad(lambda p: float(-np.sum(Y * np.log(p) + (1 - Y) * np.log(1 - p))), a[2]))
da_dz = a[2] * (1 - a[2])


def conform(f):
    try:
        return f()
    except ValueError:  # a product of non-conforming shapes: the display does not hold
        return False


checks = {
    "line 6": lambda: same(delta[1], (delta[2] @ theta[2]) * lrelu_p(z[1])),
    "line 10": lambda: all(conform(lambda l=l: same(gth[l], delta[l].T @ a[l - 1])) for l in (1, 2)),
    "line 14": lambda: same(delta[2], dJ_da * da_dz),
}
planted = {
    "line 6": lambda: same(delta[1], (delta[2] @ theta[2]) * a[1]),
    "line 10": lambda: all(conform(lambda l=l: same(gth[l], delta[l].T @ a[l])) for l in (1, 2)),
    "line 14": lambda: same(delta[2], delta[2] * da_dz),
}
confirm("mathemaia_mlp_readme.md", "mathemaia_mlp_readme_planted.md", checks, planted)
print("OK")
