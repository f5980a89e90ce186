"""Independent NumPy oracle for Joseph Kim's MLP background note (josephtkim_mlp_readme.md) and its planted copy.

The note's network: z^[l] = W^[l] a^[l-1] + b^[l], a^[l] = sigma(z^[l]) (sigmoid units, 3-4-2 here, one sample a
column), a loss of a^[L] (the squared error here; the graded formulas hold for any loss of the output). delta^[l] =
dL/dz^[l], grad_{a^[L]} L and the parameter gradients by central differences. An update rule is a descent step exactly
when a small step along it lowers the loss at a random point (and follows the gradient: W - eta dL/dW).
Run: python oracle_josephtkim.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2306)
W = {1: rng.normal(size=(4, 3)), 2: rng.normal(size=(2, 4))}
b = {1: rng.normal(size=4), 2: rng.normal(size=2)}
x, y = rng.normal(size=3), rng.uniform(size=2)


def fwd(WW=W, bb=b, start=None, z_start=None):
    a, z = {0: x}, {}
    for l in (1, 2):
        z[l] = z_start if start == l else WW[l] @ a[l - 1] + bb[l]
        a[l] = sigmoid(z[l])
    return z, a


def loss_a(aL):
    return 0.5 * float(np.sum((y - aL) ** 2))


def loss(WW=W, bb=b, start=None, z_start=None):
    return loss_a(fwd(WW, bb, start, z_start)[1][2])


z, a = fwd()
delta = {l: grad(lambda v, l=l: loss(start=l, z_start=v), z[l]) for l in (1, 2)}
grad_a = grad(loss_a, a[2])
dW = {l: grad(lambda v, l=l: loss(WW={**W, l: v}), W[l]) for l in (1, 2)}
db = {l: grad(lambda v, l=l: loss(bb={**b, l: v}), b[l]) for l in (1, 2)}
eta = 1e-3


def sp(v):
    return sigmoid(v) * (1 - sigmoid(v))


def descends(step_W=None, step_b=None):
    """The rule's step (every layer) lowers the loss and is the gradient step W - eta dL/dW."""
    for l in (1, 2):
        if step_W is not None:
            new = step_W(l)
            if not (loss(WW={**W, l: new}) < loss() and same(new, W[l] - eta * dW[l])):
                return False
        if step_b is not None:
            new = step_b(l)
            if not (loss(bb={**b, l: new}) < loss() and same(new, b[l] - eta * db[l])):
                return False
    return True


checks = {
    "line 56": lambda: same(delta[2], grad_a * sp(z[2])),
    "line 60": lambda: same(delta[1], (W[2].T @ delta[2]) * sp(z[1])),
    "line 65": lambda: descends(step_W=lambda l: W[l] - eta * dW[l], step_b=lambda l: b[l] - eta * db[l]),
    "line 65.1": lambda: descends(step_W=lambda l: W[l] - eta * dW[l]),
    "line 66.2": lambda: descends(step_b=lambda l: b[l] - eta * db[l]),
}
planted = {
    "line 56": lambda: same(delta[2], grad_a * sigmoid(z[2])),
    "line 60": lambda: same(delta[1], (W[2] @ delta[2]) * sp(z[1])),
    "line 65": lambda: descends(step_W=lambda l: W[l] + eta * dW[l], step_b=lambda l: b[l] - eta * db[l]),
    "line 65.1": lambda: descends(step_W=lambda l: W[l] + eta * dW[l]),
}
confirm("josephtkim_mlp_readme.md", "josephtkim_mlp_readme_planted.md", checks, planted)
print("OK")
