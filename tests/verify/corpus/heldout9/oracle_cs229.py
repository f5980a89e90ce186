"""Independent NumPy oracle for cs229_backprop.tex / cs229_backprop_planted.tex (Stanford CS229, "Additional Notes on
Backpropagation").

The notes' recipe on the network of their own example code (cs229_backprop.spec.toml): x in R^2, z1 = W1 x + b1,
a1 = sigma(z1), z2 = W2 a1 + b2, yhat = a2 = sigma(z2), L = -[y log yhat + (1 - y) log(1 - yhat)] of one example.
Each claim's right-hand side is computed as written and compared with central differences of that L (generic-l claims
for every layer they apply to). Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_cs229.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(229)
x, y = rng.normal(size=(2, 1)), 1.0
P = {"W1": rng.normal(size=(2, 2)), "b1": rng.normal(size=(2, 1)), "W2": rng.normal(size=(1, 2)), "b2": rng.normal(size=(1, 1))}


def forward(p):
    z1 = p["W1"] @ x + p["b1"]
    a1 = sigmoid(z1)
    z2 = p["W2"] @ a1 + p["b2"]
    return z1, a1, z2, sigmoid(z2)


def loss(p=P, yhat=None):
    yh = forward(p)[3] if yhat is None else yhat
    return float(-(y * np.log(yh) + (1 - y) * np.log(1 - yh)).sum())


def swap(key):
    return lambda v: loss({**P, key: v})


z1, a1, z2, a2 = forward(P)
W, b, z, a = {1: P["W1"], 2: P["W2"]}, {1: P["b1"], 2: P["b2"]}, {1: z1, 2: z2}, {0: x, 1: a1, 2: a2}
gW = {l: grad(swap(f"W{l}"), P[f"W{l}"]) for l in (1, 2)}
gb = {l: grad(swap(f"b{l}"), P[f"b{l}"]) for l in (1, 2)}
# delta^{[l]} = nabla_{z^{[l]}} L by central differences: z2 directly, z1 through the rest of the network
delta = {2: grad(lambda v: loss(yhat=sigmoid(v)), z2), 1: grad(lambda v: loss(yhat=sigmoid(P["W2"] @ sigmoid(v) + P["b2"])), z1)}
dyhat = grad(lambda v: loss(yhat=v), a2)
dsig = lambda v: sigmoid(v) * (1 - sigmoid(v))  # noqa: E731
sig_fd = lambda v: (sigmoid(v + 1e-6) - sigmoid(v - 1e-6)) / 2e-6  # noqa: E731
zs = rng.normal(size=(3, 1))


def bce(yh, t):
    """The loss of the notes' backprop.py for the label t (0 or 1): -log yhat if t = 1, -log(1 - yhat) if t = 0."""
    return float(-np.log(yh if t == 1 else 1 - yh).sum())


checks = {
    "1": lambda: all(same(z[l], W[l] @ a[l - 1] + b[l]) for l in (1, 2)),
    "2": lambda: same(a[1], sigmoid(z[1])) and same(a[2], sigmoid(z[2])),
    "3": lambda: np.isclose(loss(), loss(yhat=a2)),
    "5": lambda: all(np.isclose(bce(a2, t), float(-(t * np.log(a2) + (1 - t) * np.log(1 - a2)).sum())) for t in (0.0, 1.0)),
    "9": lambda: same(delta[2], grad(lambda v: loss(yhat=sigmoid(v)), z2)),
    "10": lambda: same(delta[2], dyhat * dsig(z2)),
    "11": lambda: same(delta[1], (W[2].T @ delta[2]) * dsig(z[1])),
    "12": lambda: all(same(gW[l], delta[l] @ a[l - 1].T) for l in (1, 2)),
    "13": lambda: all(same(gb[l], delta[l]) for l in (1, 2)),
    "14": lambda: same(sig_fd(zs), sigmoid(zs) * (1 - sigmoid(zs))),
}
planted = {
    "1": lambda: all(same(z[l], W[l] @ a[l] + b[l]) for l in (1, 2)),
    "5": lambda: all(np.isclose(bce(a2, t), float(-(t * np.log(a2) + (1 - t) * np.log(a2)).sum())) for t in (0.0, 1.0)),
    "10": lambda: same(delta[2], dyhat * sigmoid(z2)),
    "11": lambda: same(delta[1], (W[2] @ delta[2]) * dsig(z[1])),
    "12": lambda: all(same(gW[l], delta[l] @ a[l].T) for l in (1, 2)),
    "14": lambda: same(sig_fd(zs), sigmoid(zs) * (1 + sigmoid(zs))),
}
confirm("cs229_backprop.tex", "cs229_backprop_planted.tex", checks, planted)
print("OK")
