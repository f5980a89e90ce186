"""Independent NumPy oracle for zakka_batchnorm.md / zakka_batchnorm_planted.md (Kevin Zakka's batch-norm backward
derivation after the CS231n assignment).

One feature of a batch of m inputs x_i: mu the batch mean, sigma^2 the biased batch variance, x-hat_i = (x_i - mu) /
sqrt(sigma^2 + eps), y_i = gamma x-hat_i + beta, and f a random smooth function of the y_i (the layers above). The
post's partials are the computation graph's: a node's partial holds the other inputs of its cell fixed (dx-hat_i/dmu
at fixed sigma^2, dsigma^2/dx_i at fixed mu), df/dmu adds the path through sigma^2, df/dx_i is the total derivative.
Each is compared with central differences of the matching function. Prints OK when every verdict of MANIFEST.toml
holds. Run: python oracle_zakka.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(1408)
m, eps = 6, 1e-5
x = rng.normal(size=m) * 1.7 + 0.4
gam, bet = 1.3, -0.2
c = rng.normal(size=m)
f_of_y = lambda y: float((c * np.tanh(y)).sum() + 0.3 * (y**2).sum())  # noqa: E731
mu = x.mean()
var = ((x - mu) ** 2).mean()
sq = np.sqrt(var + eps)
xh = (x - mu) / sq
y = gam * xh + bet
dfdy = grad(f_of_y, y)
dfdxh = grad(lambda v: f_of_y(gam * v + bet), xh)
dfdgam = float(grad(lambda g: f_of_y(g * xh + bet), np.array(gam)))
dfdbet = float(grad(lambda b: f_of_y(gam * xh + b), np.array(bet)))
xh_of = lambda mu_, var_: (x - mu_) / np.sqrt(var_ + eps)  # noqa: E731  (the cell of x-hat: inputs mu, sigma^2)
dxh_dmu = grad(lambda v: float(xh_of(v, var)[2]), np.array(mu))  # one i (i = 2): the partial at fixed sigma^2
var_of = lambda mu_: ((x - mu_) ** 2).mean()  # noqa: E731
mu_off = mu + 0.37  # a mu away from the mean, where dsigma^2/dmu is not 0
dvar_dmu = float(grad(lambda v: var_of(float(v)), np.array(mu_off)))
dfdvar = float(grad(lambda s: f_of_y(gam * xh_of(mu, float(s)) + bet), np.array(var)))
dfdmu = float(grad(lambda v: f_of_y(gam * xh_of(float(v), var_of(float(v))) + bet), np.array(mu)))
total = lambda xx: f_of_y(gam * (xx - xx.mean()) / np.sqrt(((xx - xx.mean()) ** 2).mean() + eps) + bet)  # noqa: E731
dfdx = grad(total, x)
dxh_dvar = np.array([float(grad(lambda s, k=k: float(xh_of(mu, float(s))[k]), np.array(var))) for k in range(m)])
dxh_dvar_sum_off = sum(float(grad(lambda s, k=k: float(xh_of(mu_off, float(s))[k]), np.array(var))) for k in range(m))
assert same(dxh_dvar_sum_off, (-0.5 * (x - mu_off) * (var + eps) ** -1.5).sum())  # the right exponent holds there
dvar_dmu_at_mean = float(grad(lambda v: var_of(float(v)), np.array(mu)))  # 0: mu is the batch mean
i = 2

# the chain rule primer on random functions: u(x(r,t), y(r,t))
U = lambda a, b: np.sin(a) * b + a * b**2  # noqa: E731
Xr, Yr = (lambda r, t: r * t + np.cos(r)), (lambda r, t: r**2 - t)
r0, t0 = 0.7, -0.4
du_dr = float(grad(lambda r: U(Xr(float(r), t0), Yr(float(r), t0)), np.array(r0)))
ux = float(grad(lambda a: U(float(a), Yr(r0, t0)), np.array(Xr(r0, t0))))
uy = float(grad(lambda b: U(Xr(r0, t0), float(b)), np.array(Yr(r0, t0))))
xr_ = float(grad(lambda r: Xr(float(r), t0), np.array(r0)))
yr_ = float(grad(lambda r: Yr(float(r), t0), np.array(r0)))

# the rows of the two long chains, as written
A = (dfdxh * -1 / sq).sum()
mu_rows = [
    A + dfdvar * (1 / m) * (-2 * (x - mu)).sum(),
    A + (dfdvar * (-2) * (1 / m) * x.sum() - (1 / m) * (m * mu)),  # the brackets as written
    A + (dfdvar * (-2) * mu - m * mu / m),
    A,
]
j = slice(None)
x_rows = [
    dfdxh[i] / sq + dfdmu / m + dfdvar * 2 * (x[i] - mu) / m,
    dfdxh[i] / sq + (1 / m) * (dfdxh[j] * -1 / sq).sum() - 0.5 * (dfdxh * (x - mu)).sum() * sq**-1.5 * 2 * (x[i] - mu) / m,
    dfdxh[i] * (var + eps) ** -0.5
    - (var + eps) ** -0.5 / m * dfdxh.sum()
    + (var + eps) ** -0.5 / m * (x[i] - mu) / sq * (dfdxh * (x - mu) / sq).sum(),
    dfdxh[i] * (var + eps) ** -0.5 - (var + eps) ** -0.5 / m * dfdxh.sum() + (var + eps) ** -0.5 / m * xh[i] * (dfdxh * xh).sum(),
]
final = (var + eps) ** -0.5 / m * (m * dfdxh - dfdxh.sum() - xh * (dfdxh * xh).sum())

checks = {
    "line 49": lambda: same(du_dr, ux * xr_ + uy * yr_),
    "line 85": lambda: all(same(dfdgam, dfdy[k] * xh[k]) for k in range(m)) and same(dfdgam, (dfdy * xh).sum()),
    "line 98": lambda: all(same(dfdbet, dfdy[k]) for k in range(m)) and same(dfdbet, dfdy.sum()),
    "line 108": lambda: same(dfdxh, dfdy * gam),
    "line 128": lambda: same(dfdmu, dfdxh[i] * float(dxh_dmu) + dfdvar * dvar_dmu_at_mean),  # one i, no sum
    "line 139": lambda: same(float(dxh_dmu), 1 / sq * (-1)),
    "line 147": lambda: same(dvar_dmu, (1 / m) * (2 * (x - mu_off) * -1).sum()),
    "line 157": lambda: same(dfdvar, (dfdxh * dxh_dvar).sum()),  # x-hat the batch vector, . its contraction
    "line 163": lambda: same(xh, (x - mu) * np.sqrt(var + eps) ** -0.5),
    # at mu away from the batch mean (the graph's mu is an input of the cell): at the mean both sides are 0
    "line 169": lambda: same(dxh_dvar_sum_off, (-0.5 * (x - mu_off) * np.sqrt(var + eps) ** -1.5).sum()),
    "line 180": lambda: all(same(row, dfdmu) for row in mu_rows),
    "line 86.2": lambda: same(dfdgam, (dfdy * xh).sum()),
    "line 99.2": lambda: same(dfdbet, dfdy.sum()),
    "line 109.2": lambda: same(dfdxh, dfdy * gam),
    "line 170.2": lambda: same(dxh_dvar_sum_off, -0.5 * ((x - mu_off) * np.sqrt(var + eps) ** -1.5).sum()),
    "line 181.2": lambda: same(mu_rows[1], dfdmu),
    "line 182.3": lambda: same(mu_rows[2], dfdmu),
    "line 183.4": lambda: same(mu_rows[3], dfdmu),
    "line 220.2": lambda: same(x_rows[1], dfdx[i]),
    "line 221.3": lambda: same(x_rows[2], dfdx[i]),
    "line 222.4": lambda: same(x_rows[3], dfdx[i]),
    "line 189": lambda: same(dfdmu, (dfdxh * -1 / sq).sum()),
    "line 198": lambda: same(dfdx[i], x_rows[0]),
    "line 203": lambda: same(float(grad(lambda v: float(((v - mu) / sq)), np.array(x[i]))), 1 / sq),
    "line 205": lambda: same(grad(lambda xx: xx.mean(), x)[i], 1 / m),
    "line 207": lambda: same(grad(lambda xx: ((xx - mu) ** 2).mean(), x)[i], 2 * (x[i] - mu) / m),
    "line 212": lambda: same(dfdx[i], x_rows[0]),
    "line 219": lambda: all(same(row, dfdx[i]) for row in x_rows),
    "line 229": lambda: same(dfdx, final),
    "line 234": lambda: same(dfdxh, dfdy * gam),
    "line 237": lambda: same(dfdbet, dfdy.sum()),
    "line 241": lambda: same(dfdgam, (dfdy * xh).sum()),
    "line 245": lambda: same(dfdx, (m * dfdxh - dfdxh.sum() - xh * (dfdxh * xh).sum()) / (m * sq)),
}
planted = {
    "line 108": lambda: same(dfdxh, dfdy * bet),
    "line 109.2": lambda: same(dfdxh, dfdy * bet),
    "line 139": lambda: same(float(dxh_dmu), 1 / (var + eps) * (-1)),
    "line 189": lambda: same(dfdmu, (dfdxh * 1 / sq).sum()),
    "line 205": lambda: same(grad(lambda xx: xx.mean(), x)[i], 1),
    "line 207": lambda: same(grad(lambda xx: ((xx - mu) ** 2).mean(), x)[i], (x[i] - mu) / m),
    "line 241": lambda: same(dfdgam, (dfdy * x).sum()),
    "line 245": lambda: same(dfdx, (m * dfdxh - dfdxh.sum() + xh * (dfdxh * xh).sum()) / (m * sq)),
}
assert same(dfdmu, A) and not same(mu_rows[1], A)  # the brackets of rows 2 and 3 change the value
confirm("zakka_batchnorm.md", "zakka_batchnorm_planted.md", checks, planted)
print("OK")
