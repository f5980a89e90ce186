"""Independent NumPy oracle for vishal_batchnorm.md / vishal_batchnorm_planted.md (a CS231n student's batch-norm
backward pass).

One feature of a batch-norm layer over a mini-batch of m examples: mu = mean(x), var = mean((x - mu)^2) (biased),
xhat = (x - mu) / sqrt(var + eps), y = gamma xhat + beta, and a loss C(y) (here a smooth non-quadratic function of the
outputs). The graph's partial derivatives are central differences of G(x, mu, var) = C(gamma (x - mu)/sqrt(var + eps)
+ beta) with mu and var as separate arguments: dC/dvar at fixed x and mu, dC/dmu through both paths (var depends on
mu), dvar/dx_i at fixed mu; the totals dC/dx, dC/dgamma, dC/dbeta are central differences of C through the whole layer.
Each row is NumPy code of what it writes, for every example i. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_vishal.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(231)
m, eps = 6, 1e-5
x, gamma, beta = rng.normal(size=m) * 2 + 0.5, 1.7, -0.3
wc = rng.normal(size=m)


def C(y):
    return float(np.sum(wc * y) + 0.25 * np.sum(y**4))


def stats(x):
    mu = np.mean(x)
    return mu, np.mean((x - mu) ** 2)


def layer(x=x, gamma=gamma, beta=beta):
    mu, var = stats(x)
    xhat = (x - mu) / np.sqrt(var + eps)
    return mu, var, xhat, gamma * xhat + beta


mu, var, xhat, y = layer()
s = np.sqrt(var + eps)
dC_dy = grad(C, y)
dC_dx = grad(lambda v: C(layer(x=v)[3]), x)
dC_dgamma = float(grad(lambda g: C(layer(gamma=float(g))[3]), np.array(gamma)))
dC_dbeta = float(grad(lambda b: C(layer(beta=float(b))[3]), np.array(beta)))
dC_dxhat = grad(lambda v: C(gamma * v + beta), xhat)
dC_dgxhat = grad(lambda v: C(v + beta), gamma * xhat)  # by the product gamma hat x_i
G = lambda xx, mm, vv: C(gamma * (xx - mm) / np.sqrt(vv + eps) + beta)  # noqa: E731
dC_dvar = float(grad(lambda v: G(x, mu, float(v)), np.array(var)))
dC_dmu = float(grad(lambda mm: G(x, float(mm), float(np.mean((x - mm) ** 2))), np.array(mu)))
dxhat_dx = np.array([grad(lambda v, i=i: float((v[i] - mu) / s), x)[i] for i in range(m)])  # fixed mu, var
dmu_dx = grad(lambda v: float(np.mean(v)), x)
dvar_dx = grad(lambda v: float(np.mean((v - mu) ** 2)), x)  # fixed mu
dxhat_dmu = np.array([float(grad(lambda mm, i=i: float((x[i] - mm) / s), np.array(mu))) for i in range(m)])
dvar_dmu_at = lambda at: float(grad(lambda mm: float(np.mean((x - mm) ** 2)), np.array(at)))  # noqa: E731
dvar_dmu = dvar_dmu_at(mu)
mus = (mu, mu + 0.3, mu - 0.7)  # sigma_B^2 as a function of mu: its derivative vanishes at the batch mean only
dxhat_dvar = np.array([float(grad(lambda vv, i=i: float((x[i] - mu) / np.sqrt(vv + eps)), np.array(var))) for i in range(m)])
# the post's literal reading of d(gamma x_i + beta)/d(gamma hat x_i): x_i = (u / gamma) s + mu with u = gamma hat x_i
d_gx_dgxhat = np.array([float(grad(lambda u: float(gamma * (u / gamma * s + mu) + beta), np.array(gamma * xhat[i]))) for i in range(m)])

checks = {
    "line 22.1": lambda: np.isclose(mu, sum(x[i] for i in range(m)) / m),
    "line 23.2": lambda: np.isclose(var, sum((x[i] - mu) ** 2 for i in range(m)) / m),
    "line 24.3": lambda: same(xhat, (x - mu) / np.sqrt(var + eps)),
    "line 25.4": lambda: same(y, gamma * xhat + beta),
    "line 78.1": lambda: same(dC_dy * 1.0, dC_dgxhat),
    "line 79.2": lambda: same(dC_dy * d_gx_dgxhat, dC_dgxhat),
    "line 80.3": lambda: same(dC_dy, dC_dgxhat),
    "line 87.1": lambda: same(dC_dy * 1.0, np.full(m, dC_dbeta)),
    "line 88.2": lambda: same(dC_dy * 1.0, np.full(m, dC_dbeta)),
    "line 89.3": lambda: np.isclose(sum(dC_dy[i] for i in range(m)), dC_dbeta),
    "line 96.1": lambda: same(dC_dgxhat * xhat, np.full(m, dC_dgamma)),
    "line 97.2": lambda: np.isclose(sum(dC_dy[i] * xhat[i] for i in range(m)), dC_dgamma),
    "line 106.1": lambda: same(dC_dy * gamma, dC_dxhat),
    "line 107.2": lambda: same(dC_dy * gamma, dC_dxhat),
    "line 116": lambda: same(dC_dxhat * dxhat_dx + dC_dmu * dmu_dx + dC_dvar * dvar_dx, dC_dx),
    "line 124.1": lambda: same(dxhat_dx, np.full(m, 1 / np.sqrt(var + eps))),
    "line 125.2": lambda: same(dmu_dx, np.full(m, 1 / m)),
    "line 126.3": lambda: same(dvar_dx, 2 * (x - mu) / m),
    "line 134.1": lambda: same(dC_dxhat * dxhat_dmu + dC_dvar * dvar_dmu, np.full(m, dC_dmu)),
    "line 135.2": lambda: same(dxhat_dmu, np.full(m, -1 / np.sqrt(var + eps))),
    "line 136.3": lambda: all(np.isclose(dvar_dmu_at(mm), sum(-2 * (x[i] - mm) for i in range(m)) / m) for mm in mus),
    "line 137.4": lambda: same(dC_dxhat * dxhat_dvar, np.full(m, dC_dvar)),
    "line 144.1": lambda: same(xhat, (x - mu) / np.sqrt(var + eps)),
    "line 145.2": lambda: same(dxhat_dvar, -0.5 * (xhat - mu) * (var + eps) ** -1.5),
    "line 153": lambda: same((m * dC_dxhat - dC_dxhat.sum() - xhat * np.sum(dC_dxhat * xhat)) / (m * np.sqrt(var + eps)), dC_dx),
}
planted = {
    "line 23.2": lambda: np.isclose(var, sum((x[i] - mu) ** 2 for i in range(m)) / (m - 1)),
    "line 25.4": lambda: same(y, gamma * (xhat + beta)),
    "line 97.2": lambda: np.isclose(sum(dC_dy[i] * x[i] for i in range(m)), dC_dgamma),
    "line 107.2": lambda: same(dC_dy * xhat, dC_dxhat),
    "line 124.1": lambda: same(dxhat_dx, np.full(m, 1 / (var + eps))),
    "line 136.3": lambda: all(np.isclose(dvar_dmu_at(mm), sum(2 * (x[i] - mm) for i in range(m)) / m) for mm in mus),
    "line 153": lambda: same((dC_dxhat - dC_dxhat.sum() - xhat * np.sum(dC_dxhat * xhat)) / (m * np.sqrt(var + eps)), dC_dx),
}
confirm("vishal_batchnorm.md", "vishal_batchnorm_planted.md", checks, planted)
print("OK")
