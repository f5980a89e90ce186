"""Independent NumPy oracle for dlbook_batchnorm.ipynb / dlbook_batchnorm_planted.ipynb (pythonandml's batch-norm
section: rows, sum_c, sigma_inv).

The layer (dlbook_batchnorm.spec.toml): z_l = a_{l-1} W_l + b_l^T for a batch of m = 5 rows, mu and sigma^2 the batch
mean and (biased) variance per column, z-bar = z_l - mu, sigma_inv = 1/sqrt(sigma^2 + eps), z-hat = z-bar sigma_inv,
q_l = gamma z-hat + beta, a_l = sigmoid(q_l), z_{l+1} = a_l W_{l+1} + b_{l+1}^T, sigmoid outputs,
J = 1/2 sum (output - Y)^2. dJ/dmu and dJ/dsigma^2 are the graph's partials (J as a function of z, mu, sigma^2 with
z-bar = z - mu and z-hat = z-bar sigma_inv(sigma^2)); every derivative is a central difference.
Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_dlbook_batchnorm.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(1307)
m, eps = 5, 1e-5
A0, Y = rng.normal(size=(m, 3)), rng.uniform(0.1, 0.9, size=(m, 2))
Wl, bl, W2, b2 = rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=(4, 2)), rng.normal(size=2)
gamma, beta = rng.uniform(0.5, 2.0, size=4), rng.normal(size=4)
fp = lambda v: sigmoid(v) * (1 - sigmoid(v))  # noqa: E731


def after(q):  # J from the BN output q_l on
    return float(0.5 * np.sum((sigmoid(sigmoid(q) @ W2 + b2) - Y) ** 2))


def graph(z, mu, var, g=gamma, bt=beta):  # J with mu and sigma^2 as the graph's own nodes
    return after(g * ((z - mu) / np.sqrt(var + eps)) + bt)


def bn(z, g=gamma, bt=beta):
    mu, var = z.mean(axis=0), z.var(axis=0)
    return g * (z - mu) / np.sqrt(var + eps) + bt


z = A0 @ Wl + bl
mu, var = z.mean(axis=0), z.var(axis=0)
zbar, sinv = z - mu, 1 / np.sqrt(var + eps)
zhat = zbar * sinv
q = gamma * zhat + beta
a = sigmoid(q)
z2 = a @ W2 + b2
d2 = grad(lambda v: float(0.5 * np.sum((sigmoid(v) - Y) ** 2)), z2)  # delta_{l+1}
dq = grad(after, q)
dbeta, dgamma = grad(lambda v: after(gamma * zhat + v), beta), grad(lambda v: after(v * zhat + beta), gamma)
dzhat = grad(lambda v: after(gamma * v + beta), zhat)
dmu = grad(lambda v: graph(z, v, var), mu)
dvar = grad(lambda v: graph(z, mu, v), var)
dz = grad(lambda v: after(bn(v)), z)

checks = {
    "line 27": lambda: same(bn(z), gamma * (z - mu) / np.sqrt(var + eps) + beta),
    "line 45": lambda: same(z, A0 @ Wl + bl),
    "line 67": lambda: same(q, bn(z)),
    "line 87": lambda: same(dq, (d2 @ W2.T) * fp(z)),  # THE AUTHOR'S SLIP: f'_l(z_l) for f'_l(q_l)
    "line 95": lambda: same(dbeta, dq.sum(axis=0)),
    "line 101": lambda: same(dgamma, (dq * zhat).sum(axis=0)),
    "line 107": lambda: same(dzhat, dq * gamma),
    "line 113": lambda: same(dmu, -(dq * sinv).sum(axis=0)),  # THE AUTHOR'S SLIP: dJ/dq for dJ/dz-hat (gamma lost)
    "line 119": lambda: same(dvar, -0.5 * (dq * zbar * sinv**3).sum(axis=0)),  # THE AUTHOR'S SLIP: likewise
    "line 125": lambda: same(dz, dzhat * sinv + (2 / m) * dvar * zbar + (1 / m) * dmu),
}
planted = {
    "line 67": lambda: same(bn(z), gamma * zbar + beta),
    "line 101": lambda: same(dgamma, (dq * zbar).sum(axis=0)),
    "line 107": lambda: same(dzhat, dq * beta),
    "line 125": lambda: same(dz, dzhat * sinv + (1 / m) * dvar * zbar + (1 / m) * dmu),
}
# the slips are slips: with dJ/dz-hat and f'(q) they hold (so the oracle's graph partials are the right ones)
assert same(dq, (d2 @ W2.T) * fp(q)) and same(dmu, -(dzhat * sinv).sum(axis=0))
assert same(dvar, -0.5 * (dzhat * zbar * sinv**3).sum(axis=0))
confirm("dlbook_batchnorm.ipynb", "dlbook_batchnorm_planted.ipynb", checks, planted)
print("OK")
