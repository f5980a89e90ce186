"""Independent NumPy oracle for shreyansh_layernorm.md / shreyansh_layernorm_planted.md (Shreyansh Singh's layer-norm
backward pass).

The post's layer norm (shreyansh_layernorm.spec.toml): each row x of X (N features) gives mu, sigma^2 (biased),
rstd = 1/sqrt(sigma^2 + eps), x-hat = (x - mu) rstd, y = x-hat gamma + beta. The downstream loss is L = sum(G * y) +
1/2 sum(y^2) (any L works: dy = dL/dy is taken from central differences of L, as the post is "given" it). Every
derivative the post writes is compared with central differences; the rows of a chain are evaluated as written.
Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_shreyansh_layernorm.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(1206)
B, N, eps = 3, 4, 1e-5
X, G = rng.normal(size=(B, N)), rng.normal(size=(B, N))
gam, bet = rng.normal(size=N), rng.normal(size=N)


def stats(x):
    mu = x.mean(axis=-1, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=-1, keepdims=True)
    rstd = 1 / np.sqrt(var + eps)
    return mu, var, rstd, (x - mu) * rstd


def layer(x, gam=gam, bet=bet):
    return stats(x)[3] * gam + bet


def loss_of_y(y):
    return float(np.sum(G * y) + 0.5 * np.sum(y**2))


Y = layer(X)
dY = grad(loss_of_y, Y)  # dy_ij, the upstream gradient
dgam = grad(lambda g: loss_of_y(layer(X, gam=g)), gam)
dbet = grad(lambda b: loss_of_y(layer(X, bet=b)), bet)
dX = grad(lambda x: loss_of_y(layer(x)), X)
MU, VAR, RSTD, XH = stats(X)
dXH = grad(lambda xh: loss_of_y(xh * gam + bet), XH)  # dL/d x-hat
# one row (the post's x), its quantities and Jacobians [k, j] = d(.)_k / d x_j
r = 0
x, dy, mu, var, rstd, xh = X[r], dY[r], MU[r, 0], VAR[r, 0], RSTD[r, 0], XH[r]
y = Y[r]
dxh, dx = dXH[r], dX[r]
dgam1 = grad(lambda g: loss_of_y(np.vstack([layer(x, gam=g)[None], Y[1:]])), gam)  # the row's own gamma gradient
dbet1 = grad(lambda b: loss_of_y(np.vstack([layer(x, bet=b)[None], Y[1:]])), bet)


def jac(f, at):
    at = np.asarray(at, float)
    return np.array([grad(lambda v, k=k: float(np.ravel(f(v))[k]), at) for k in range(np.size(f(at)))])


J_xh = jac(lambda v: stats(v)[3], x)  # d x-hat_k / d x_j
J_y_gam = jac(lambda g: layer(x, gam=g), gam)  # d y_k / d gamma_j
J_y_bet = jac(lambda b: layer(x, bet=b), bet)
J_y_xh = jac(lambda v: v * gam + bet, xh)  # d y_k / d x-hat_j
d_mu = grad(lambda v: float(v.mean()), x)
d_var = grad(lambda v: float(stats(v)[1][0]), x)
d_rstd = grad(lambda v: float(stats(v)[2][0]), x)
J_xmu = jac(lambda v: v - v.mean(), x)  # d (x_k - mu) / d x_j
I, one = np.eye(N), np.ones(N)
kj = lambda f: np.array([[f(k, j) for j in range(N)] for k in range(N)])  # noqa: E731
dxp = dy * gam  # the post's d x-hat'_k
c2, c1 = dxp.sum() / N, (dxp * xh).sum() / N
dxpB = dY * gam
c2B, c1B = dxpB.sum(axis=1) / N, (dxpB * XH).sum(axis=1) / N


def chain(truth, *rows):
    return all(same(row, truth) for row in rows)


checks = {
    "line 26": lambda: same(y, (x - mu) / np.sqrt(var + eps) * gam + bet),
    "line 31": lambda: np.isclose(mu, x.sum() / N),
    "line 33": lambda: np.isclose(var, ((x - mu) ** 2).sum() / N),
    "line 35": lambda: np.isclose(rstd, 1 / np.sqrt(var + eps)),
    "eq:1": lambda: same(xh, (x - mu) * rstd),
    "eq:2": lambda: same(y, xh * gam + bet),
    "line 55": lambda: same(J_y_gam, kj(lambda k, j: xh[j] * I[k, j])),
    "line 57": lambda: same(J_y_bet, I),
    "line 61": lambda: chain(dgam1, J_y_gam.T @ dy, dy * np.diag(J_y_gam), dy * xh),
    "line 63": lambda: chain(dbet1, J_y_bet.T @ dy, dy * np.diag(J_y_bet), dy * 1),
    "line 67": lambda: same(dgam, (dY * XH).sum(axis=0)),
    "line 69": lambda: same(dbet, dY.sum(axis=0)),
    "line 75": lambda: same(J_y_xh, kj(lambda k, j: gam[j] * I[k, j])),
    "eq:3": lambda: chain(dxh, J_y_xh.T @ dy, dy * np.diag(J_y_xh), dy * gam),
    "line 87": lambda: same(dx, J_xh.T @ dxh),
    "line 89": lambda: same(dxh, dy * gam),
    "line 95": lambda: same(J_xh, kj(lambda k, j: J_xmu[k, j] * rstd + (x[k] - mu) * d_rstd[j])),
    "line 99": lambda: same(d_mu, one / N),
    "line 101": lambda: chain(J_xmu, kj(lambda k, j: I[k, j] - d_mu[j]), I - 1 / N),
    "line 105": lambda: np.isclose(rstd, (var + eps) ** -0.5),
    "line 107": lambda: same(d_rstd, -0.5 * (var + eps) ** -1.5 * d_var),
    "eq:4": lambda: same(d_rstd, -0.5 * rstd**3 * d_var),
    "line 115": lambda: np.isclose(var, ((x - mu) ** 2).sum() / N),
    "line 117": lambda: same(d_var, np.array([sum(2 * (x[p] - mu) * J_xmu[p, j] for p in range(N)) / N for j in range(N)])),
    "line 119": lambda: same(d_var, np.array([2 / N * sum((x[p] - mu) * (I[p, j] - 1 / N) for p in range(N)) for j in range(N)])),
    "line 121": lambda: same(
        d_var, np.array([2 / N * ((x[j] - mu) * (1 - 1 / N) + sum((x[p] - mu) * (-1 / N) for p in range(N) if p != j)) for j in range(N)])
    ),
    "line 123": lambda: same(
        d_var, np.array([2 / N * ((x[j] - mu) - (x[j] - mu) / N - sum(x[p] - mu for p in range(N) if p != j) / N) for j in range(N)])
    ),
    "line 125": lambda: same(d_var, np.array([2 / N * ((x[j] - mu) - sum(x[p] - mu for p in range(N)) / N) for j in range(N)])),
    "line 127": lambda: np.isclose(sum(x[p] - mu for p in range(N)), 0, atol=1e-12),
    "eq:5": lambda: same(d_var, 2 / N * (x - mu)),
    "line 135": lambda: same(d_rstd, (-0.5) * rstd**3 * (2 / N) * (x - mu)),
    "line 137": lambda: same(d_rstd, -1 / N * rstd**3 * (x - mu)),
    "line 139": lambda: same(d_rstd, -1 / N * rstd**2 * ((x - mu) * rstd)),
    "eq:6": lambda: same(d_rstd, -1 / N * rstd**2 * xh),
    "line 147": lambda: same(J_xh, kj(lambda k, j: (I[k, j] - 1 / N) * rstd + (x[k] - mu) * (-1 / N * rstd**2 * xh[j]))),
    "line 149": lambda: same(J_xh, kj(lambda k, j: (I[k, j] - 1 / N) * rstd - 1 / N * ((x[k] - mu) * rstd) * rstd * xh[j])),
    "line 151": lambda: same(J_xh, kj(lambda k, j: (I[k, j] - 1 / N) * rstd - 1 / N * xh[k] * rstd * xh[j])),
    "eq:7": lambda: same(J_xh, kj(lambda k, j: rstd / N * (N * I[k, j] - 1 - xh[k] * xh[j]))),
    "line 161": lambda: same(dx, np.array([sum(dxp[k] * J_xh[k, j] for k in range(N)) for j in range(N)])),
    "line 163": lambda: same(
        dx, np.array([sum(dxp[k] * rstd / N * (N * I[k, j] - 1 - xh[k] * xh[j]) for k in range(N)) for j in range(N)])
    ),
    "line 165": lambda: same(
        dx, np.array([rstd / N * sum(dxp[k] * (N * I[k, j] - 1 - xh[k] * xh[j]) for k in range(N)) for j in range(N)])
    ),
    "line 167": lambda: same(
        dx,
        np.array(
            [
                rstd / N * (dxp[j] * (N - 1 - xh[j] * xh[j]) + sum(dxp[k] * (-1 - xh[k] * xh[j]) for k in range(N) if k != j))
                for j in range(N)
            ]
        ),
    ),
    "line 169": lambda: same(
        dx,
        np.array(
            [
                rstd
                / N
                * (
                    N * dxp[j]
                    - dxp[j]
                    - dxp[j] * xh[j] ** 2
                    - sum(dxp[k] for k in range(N) if k != j)
                    - sum(dxp[k] * xh[k] * xh[j] for k in range(N) if k != j)
                )
                for j in range(N)
            ]
        ),
    ),
    "line 171": lambda: same(dx, rstd / N * (N * dxp - dxp.sum() - xh * (dxp * xh).sum())),
    "eq:8": lambda: same(dx, rstd * (dxp - dxp.sum() / N - xh / N * (dxp * xh).sum())),
    "line 182": lambda: same(dxh, dy * gam),
    "line 183": lambda: np.isclose(c2, (dy * gam).sum() / N),  # c_2 defined twice over, both ways
    "line 184": lambda: np.isclose(c1, ((dy * gam) * xh).sum() / N),
    "line 188": lambda: same(dx, rstd * ((dy * gam) - c2 - xh * c1)),
    "eq:9": lambda: same(dx, rstd * ((dy * gam) - (xh * c1 + c2))),
    "eq:10": lambda: same(dX, RSTD * ((dY * gam) - c2B[:, None] - XH * c1B[:, None])),
    "line 207.1": lambda: same(dgam, (dY * XH).sum(axis=0)),
    "line 208.2": lambda: same(dbet, dY.sum(axis=0)),
    "line 209.3": lambda: same(dX, RSTD * ((dY * gam) - c2B[:, None] - XH * c1B[:, None])),
    "line 219.1": lambda: np.isclose(c1, (dxp * xh).sum() / N) and np.isclose(c1, ((dy * gam) * xh).sum() / N),
    "line 220.2": lambda: np.isclose(c2, dxp.sum() / N) and np.isclose(c2, (dy * gam).sum() / N),
    "line 221.3": lambda: same(dxh, dy * gam),
}
planted = {
    "line 55": lambda: same(J_y_gam, kj(lambda k, j: gam[j] * I[k, j])),
    "line 67": lambda: same(dgam, dY.sum(axis=0)),
    "line 99": lambda: same(d_mu, one),
    "eq:5": lambda: same(d_var, 1 / N * (x - mu)),
    "line 137": lambda: same(d_rstd, -1 / N * rstd**2 * (x - mu)),
    "eq:7": lambda: same(J_xh, kj(lambda k, j: rstd / N * (N * I[k, j] - 1 + xh[k] * xh[j]))),
    "eq:8": lambda: same(dx, rstd * (dxp - dxp.sum() / N - xh * (dxp * xh).sum())),
    "line 182": lambda: same(dxh, dy * bet),
    "line 208.2": lambda: same(dbet, dY.sum(axis=1)),  # a sum over j: one number per row, not per feature
}
confirm("shreyansh_layernorm.md", "shreyansh_layernorm_planted.md", checks, planted)
print("OK")
