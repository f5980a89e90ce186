"""Independent NumPy oracle for saikrishna_batchnorm.md / saikrishna_batchnorm_planted.md (Sai Krishna Ponnam's notes on
the batch-norm backward pass).

One feature of a batch of m inputs x_i: mu the batch mean, sigma^2 the biased variance, the notes' sigma =
sqrt(sigma^2 + eps), x-hat_j = (x_j - mu)/sigma, y_j = gamma x-hat_j + beta, L a random smooth function of the y_j,
delta_i = dL/dy_i. Every derivative is total (mu and sigma^2 move with each x_i) and compared with central
differences. Prints OK when every verdict of MANIFEST.toml holds. Run: python oracle_saikrishna.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same

rng = np.random.default_rng(1410)
m, eps = 5, 1e-5
x = rng.normal(size=m) * 1.4 - 0.3
gam, bet = 0.8, 0.25
c = rng.normal(size=m)
Lof = lambda y: float((c * np.sin(y)).sum() + 0.4 * (y**2).sum())  # noqa: E731


def xhat(xx):
    mu_ = xx.mean()
    return (xx - mu_) / np.sqrt(((xx - mu_) ** 2).mean() + eps)


mu, var = x.mean(), ((x - x.mean()) ** 2).mean()
sig = np.sqrt(var + eps)
xh = xhat(x)
y = gam * xh + bet
delta = grad(Lof, y)
dgam = float(grad(lambda g: Lof(g * xh + bet), np.array(gam)))
dbet = float(grad(lambda b: Lof(gam * xh + b), np.array(bet)))
dxh = grad(lambda v: Lof(gam * v + bet), xh)
dx = grad(lambda xx: Lof(gam * xhat(xx) + bet), x)
J = jacobian(xhat, x)  # J[j, i] = d x-hat_j / d x_i
dmu = np.full(m, 1 / m)  # d mu / d x_i
dvar = grad(lambda xx: ((xx - xx.mean()) ** 2).mean(), x)  # d sigma^2 / d x_i
dinvsig = grad(lambda xx: 1 / np.sqrt(((xx - xx.mean()) ** 2).mean() + eps), x)  # d (1/sigma) / d x_i
dev = np.eye(m) - dmu[None, :]  # d (x_j - mu) / d x_i
i = 1
offdiag = [j for j in range(m) if j != i]
naive_dvar = grad(lambda xx: float(((xx - xx.mean()) ** 2).sum()), x)  # sum_j d(x_j - mu)^2/dx_i, no 1/m

checks = {
    "line 32.1": lambda: same(dgam, (delta * xh).sum()),
    "line 33.2": lambda: same(dbet, delta.sum()),
    "line 35.1": lambda: same(dx, J.T @ dxh),
    "line 36.2": lambda: same(dxh, delta * gam),
    "line 37.3": lambda: same(J, dev / sig + np.outer(x - mu, dinvsig)),
    "line 38.4": lambda: same(J, dev / sig - np.outer((x - mu) / (2 * sig**3), dvar)),
    "line 39.5": lambda: same(dvar, naive_dvar) and same(dvar, 2 / m * (x - mu)),
    "line 40.6": lambda: same(J, dev / sig - np.outer(x - mu, x - mu) / (m * sig**3)),
    "line 45.1": lambda: same(J[i, i], (m - 1) / (m * sig) - (x[i] - mu) ** 2 / (m * sig**3)),
    "line 46.2": lambda: same(dxh[i] * J[i, i], delta[i] * gam * ((m - 1) / (m * sig) - (x[i] - mu) ** 2 / (m * sig**3))),
    "line 50.1": lambda: same(J[i, i], -1 / (m * sig) - (x[0] - mu) * (x[i] - mu) / (m * sig**3)),  # x-hat_i for x-hat_j
    "line 51.2": lambda: same(
        sum(dxh[j] * J[j, i] for j in offdiag),
        sum(delta[j] * gam * (-1 / (m * sig) - (x[j] - mu) * (x[i] - mu) / (m * sig**3)) for j in offdiag),
    ),
    "line 55": lambda: same(dx, gam / (m * sig) * (m * delta - delta.sum() - xh * (delta * xh).sum())),
}
planted = {
    "line 33.2": lambda: same(dbet, (delta * xh).sum()),
    "line 36.2": lambda: same(dxh, delta / gam),
    "line 38.4": lambda: same(J, dev / sig - np.outer((x - mu) / sig**3, dvar)),
    "line 45.1": lambda: same(J[i, i], (m + 1) / (m * sig) - (x[i] - mu) ** 2 / (m * sig**3)),
    "line 55": lambda: same(dx, gam / (m * sig) * (m * delta - delta.sum() + xh * (delta * xh).sum())),
}
assert same(J[0, i], -1 / (m * sig) - (x[0] - mu) * (x[i] - mu) / (m * sig**3))  # the right side is dx-hat_j/dx_i, j != i
confirm("saikrishna_batchnorm.md", "saikrishna_batchnorm_planted.md", checks, planted)
print("OK")
