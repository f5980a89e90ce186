"""Independent NumPy oracle for kaixih_layernorm.md / kaixih_layernorm_planted.md (Kaixi Hou's layer-norm README, the
math in image URLs).

N = 3 rows of D = 4 features, layer norm per row with eps, y = gamma x-hat + beta, then L = 1/2 ||y V - T||^2 (any
scalar loss would do). The README's partials of the composition L(y(i, sigma^2, mu)) are central differences with the
other two arguments held fixed; dx, dgamma, dbeta are central differences of L itself. Prints OK when every verdict of
MANIFEST.toml holds. Run: python oracle_kaixih.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(1604)
N, D, eps = 3, 4, 1e-5
X, g, b = rng.normal(size=(N, D)), rng.normal(size=D), rng.normal(size=D)
V, T = rng.normal(size=(D, 2)), rng.normal(size=(N, 2))
mu = X.mean(axis=1, keepdims=True)
var = ((X - mu) ** 2).mean(axis=1, keepdims=True)
xh = (X - mu) / np.sqrt(var + eps)
loss_y = lambda Y: 0.5 * float(((Y @ V - T) ** 2).sum())  # noqa: E731
dy = grad(loss_y, g * xh + b)


def L(X_=X, g_=g, b_=b):
    m = X_.mean(axis=1, keepdims=True)
    v = ((X_ - m) ** 2).mean(axis=1, keepdims=True)
    return loss_y(g_ * (X_ - m) / np.sqrt(v + eps) + b_)


dx, dg, db = grad(L, X), grad(lambda v: L(g_=v), g), grad(lambda v: L(b_=v), b)
# the composition y(i, s2, mu) of one row r: partials with the other arguments fixed
r = 1
comp = lambda i, s2, m: loss_y(np.vstack([g * (i - m) / np.sqrt(s2 + eps) + b if k == r else g * xh[k] + b for k in range(N)]))  # noqa: E731
x_r, m_r, v_r = X[r], float(mu[r, 0]), float(var[r, 0])
dL_di = grad(lambda i: comp(i, v_r, m_r), x_r)
dL_ds2 = float(grad(lambda s: comp(x_r, float(s[0]), m_r), np.array([v_r]))[0])
s2_of = lambda x, m: float(((x - m) ** 2).mean())  # noqa: E731
dL_dmu = float(grad(lambda m: comp(x_r, s2_of(x_r, float(m[0])), float(m[0])), np.array([m_r]))[0])
ds2_dx = grad(lambda x: s2_of(x, m_r), x_r)
dmu_dx = grad(lambda x: float(x.mean()), x_r)
sd = np.sqrt(v_r + eps)

checks = {
    "line 38": lambda: same(dg, (dy * xh).sum(axis=0)),
    "line 40": lambda: same(db, dy.sum(axis=0)),
    "line 44": lambda: same(dx[r], dL_di * 1 + dL_ds2 * ds2_dx + dL_dmu * dmu_dx),
    "line 48": lambda: same(dL_di, dy[r] * g / sd),
    "line 50": lambda: same(grad(lambda x: float(x[0]), x_r), np.eye(D)[0]),
    "line 54": lambda: same(dL_ds2, float((dy[r] * g * (x_r - m_r) * (-0.5) * (v_r + eps) ** -1.5).sum())),
    "line 56": lambda: same(ds2_dx, 2 / D * (x_r - m_r)),
    "line 60": lambda: same(dL_dmu, float((dy[r] * g * (-1 / sd)).sum()) + float((dL_ds2 * (1 / D) * (-2) * (x_r - m_r)).sum())),
    "line 62": lambda: same(dmu_dx, np.full(D, 1 / D)),
}
planted = {
    "line 48": lambda: same(dL_di, dy[r] * g * sd),
    "line 54": lambda: same(dL_ds2, float((dy[r] * g * (x_r - m_r) * (-0.5) * (v_r + eps) ** -0.5).sum())),
    "line 56": lambda: same(ds2_dx, 1 / D * (x_r - m_r)),
    "line 62": lambda: same(dmu_dx, np.ones(D)),
}
confirm("kaixih_layernorm.md", "kaixih_layernorm_planted.md", checks, planted)
print("OK")
