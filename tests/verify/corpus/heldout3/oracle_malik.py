"""Independent NumPy oracle for malik_mlp.md / malik_mlp_planted.md (Sahil Malik's 2-layer MLP summary).

The author's conventions (malik_mlp.spec.toml): X is N x d with one example per row, a_1 = X W_1 + b_1 the hidden
summed input, h = ReLU(a_1), z = h W_2 + b_2, p = P = softmax(z) by rows, L = -(1/N) sum_i sum_c Y_ic log P_ic;
\\delta v = dL/dv (with the 1/N). Every derivative is a central difference of L; the formulas do not depend on the
sizes, so they are checked at N = 5, d = 6, h = 4, C = 3 (the document's 784/128/10 would only be slower). A claim
whose shapes do not fit counts as incorrect. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_malik.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(3)
N, d, H, C, ETA = 5, 6, 4, 3, 0.1
X = rng.normal(size=(N, d))
Y = np.eye(C)[rng.integers(0, C, N)]
W1, b1, W2, b2 = rng.normal(size=(d, H)), rng.normal(size=H), rng.normal(size=(H, C)), rng.normal(size=C)


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def L(W1=W1, b1=b1, W2=W2, b2=b2, a1=None, h=None, z=None):
    a1 = X @ W1 + b1 if a1 is None else a1
    h = np.maximum(0, a1) if h is None else h
    z = h @ W2 + b2 if z is None else z
    return float(-np.sum(Y * np.log(softmax(z))) / N)


a1 = X @ W1 + b1
h = np.maximum(0, a1)
z = h @ W2 + b2
P = softmax(z)
dz, dh, da1 = grad(lambda v: L(z=v), z), grad(lambda v: L(h=v), h), grad(lambda v: L(a1=v), a1)
gW1, gb1, gW2, gb2 = (grad(lambda v, k=k: L(**{k: v}), base) for k, base in (("W1", W1), ("b1", b1), ("W2", W2), ("b2", b2)))
step = {"W1": (W1, gW1), "b1": (b1, gb1), "W2": (W2, gW2), "b2": (b2, gb2)}

checks = {
    "line 24": lambda: same(a1, X @ W1 + np.tile(b1, (N, 1))),
    "line 31": lambda: same(h, np.maximum(0, a1)) and same(h, np.where(a1 > 0, a1, 0)),
    "line 34": lambda: same(z, h @ W2 + np.tile(b2, (N, 1))),
    "line 37": lambda: same(P, softmax(z)),
    "line 38": lambda: same(P, np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)),
    "line 46": lambda: np.isclose(L(), -sum(Y[i, c] * np.log(P[i, c]) for i in range(N) for c in range(C)) / N),
    "line 53": lambda: same(dz, (P - Y) / N),
    "line 56": lambda: same(gW2, h.T @ dz),
    "line 57": lambda: same(gb2, sum(dz[i, :] for i in range(N))),
    "line 58": lambda: same(dh, dz @ W2.T),
    "line 61": lambda: same(da1, dh * (a1 > 0)),
    "line 64": lambda: same(gW1, X.T @ da1),
    "line 65": lambda: same(gb1, sum(da1[i, :] for i in range(N))),
    # theta <- theta - eta grad_theta, for each parameter: the step lowers L to first order by eta |grad|^2
    "line 72": lambda: all(np.isclose(L(**{k: t - 1e-4 * g}) - L(), -1e-4 * np.sum(g * g), rtol=1e-2) for k, (t, g) in step.items()),
}
planted = {
    "line 53": lambda: same(dz, P - Y),  # the 1/N of the mean lost
    "line 56": lambda: same(gW2, dz.T @ h),  # the transposed product: C x h, not h x C
    "line 58": lambda: same(dh, dz @ W2),  # missing transpose: N x C times h x C does not fit
    "line 61": lambda: same(da1, dh * np.maximum(0, a1)),  # ReLU itself used for its derivative
    "line 65": lambda: same(gb1, sum(dh[i, :] for i in range(N))),  # delta before the ReLU derivative (wrong quantity)
    "line 72": lambda: all(
        np.isclose(L(**{k: t + 1e-4 * g}) - L(), -1e-4 * np.sum(g * g), rtol=1e-2) for k, (t, g) in step.items()
    ),  # sign: gradient ascent
}
confirm("malik_mlp.md", "malik_mlp_planted.md", checks, planted)
print("OK")
