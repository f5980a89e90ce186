"""Independent NumPy oracle for kyleclo_logistic.md / kyleclo_logistic_planted.md (Kyle Lo, "Deriving the
backpropagation algorithm": logistic regression and training).

The author's conventions (kyleclo_logistic.spec.toml): p(x) = phi(w^T x) without bias, L(w) the negative
log-likelihood SUMMED over the n observations. Every derivative is a central difference of L (the Hessian a central
difference of that gradient); a chain is right when every link equals the first. Prints OK when every verdict of
MANIFEST.toml holds.
Run: python oracle_kyleclo_logistic.py   (numpy only)
"""

import numpy as np
from fdcheck import EPS, confirm, grad, same

rng = np.random.default_rng(41)
n, m, ETA = 6, 4, 0.1
X, y, w = rng.normal(size=(n, m)), rng.integers(0, 2, n).astype(float), rng.normal(size=m)
phi = lambda z: (1 + np.tanh(z / 2)) / 2  # noqa: E731  the expit, written through tanh (independent of 1/(1+e^-z))
zs = np.linspace(-4, 4, 9)


def L(w=w):
    p = phi(X @ w)
    return float(-np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)))


p = phi(X @ w)
g = grad(L, w)
Hs = np.array([(grad(L, w + e) - grad(L, w - e)) / 2e-4 for e in np.eye(m) * 1e-4])  # Hessian of L (outer step 1e-4)
dphi = (phi(zs + EPS) - phi(zs - EPS)) / (2 * EPS)


def chain(*links):
    return all(same(links[0], link) for link in links[1:])


def descends(new):
    """new(w, g) is a step of gradient descent: for a small step it lowers L by eta |g|^2 to first order."""
    h = 1e-4
    return np.isclose(L(new(w, g, h)) - L(), -h * g @ g, rtol=1e-2)


def newton_ok(new):
    """new = w - H^{-1} g solves the quadratic model's stationarity g + H (new - w) = 0."""
    return same(g + Hs @ (new - w), np.zeros(m), atol=1e-5)


checks = {
    "line 21": lambda: same(p, 1 / (1 + np.exp(-(X @ w)))),
    "line 23": lambda: same(phi(zs), 1 / (1 + np.exp(-zs))),
    "line 32": lambda: chain(
        np.array(L()),
        np.array(-np.log(np.prod(p**y * (1 - p) ** (1 - y)))),
        np.array(-np.sum(y * np.log(p) + (1 - y) * np.log(1 - p))),
    ),
    "line 41": lambda: same(dphi, phi(zs) * (1 - phi(zs))),
    "line 46": lambda: chain(
        g,
        -sum((y[i] / p[i] + (1 - y[i]) / (1 - p[i])) * p[i] * (1 - p[i]) * X[i] for i in range(n)),  # the author's link 2
        -sum((y[i] * (1 - p[i]) - (1 - y[i]) * p[i]) * X[i] for i in range(n)),
        -sum((y[i] - p[i]) * X[i] for i in range(n)),
    ),
    "line 66": lambda: descends(lambda w, g, h: w - h * g),
    "line 74": lambda: newton_ok(w - np.linalg.inv(Hs) @ g),
    "line 78": lambda: same(np.linalg.inv(Hs), sum(p[i] * (1 - p[i]) * np.outer(X[i], X[i]) for i in range(n)), rtol=1e-4),
}
planted = {
    "line 23": lambda: same(phi(zs), 1 / (1 + np.exp(zs))),
    "line 41": lambda: same(dphi, phi(zs) * (1 + phi(zs))),
    "line 46": lambda: chain(
        g,
        -sum((y[i] / p[i] + (1 - y[i]) / (1 - p[i])) * p[i] * (1 - p[i]) * X[i] for i in range(n)),
        -sum((y[i] * (1 - p[i]) - (1 - y[i]) * p[i]) * X[i] for i in range(n)),
        -sum((p[i] - y[i]) * X[i] for i in range(n)),
    ),
    "line 66": lambda: descends(lambda w, g, h: w + h * g),
    "line 74": lambda: newton_ok(w - Hs @ g),
}
confirm("kyleclo_logistic.md", "kyleclo_logistic_planted.md", checks, planted)
# the Hessian itself is what line 78 computes (so its verdict is about the inverse, not a slip of the oracle)
assert same(Hs, sum(p[i] * (1 - p[i]) * np.outer(X[i], X[i]) for i in range(n)), rtol=1e-4)
print("OK")
