"""Independent NumPy oracle for fortileizhang_bn.md and its planted copy (a learner's Chinese notes on CS231n's batch
normalization: dgamma entry by entry, the mean node's backward pass, and dx derived with Kronecker deltas).

Random x (N x D), gamma, beta; x-hat = (x - mu)/sqrt(sigma^2 + eps) with the batch mean and biased variance, y = gamma
x-hat + beta; L a NONLINEAR loss of y (the note's claims hold for any L). Every partial the note writes is taken by
central differences: dL/dy, dL/dx, dL/dgamma, the tensors d x-hat_nd / d x_ij, d(x_nd - mu_d)/d x_ij, d sigma_d^2 /
d x_ij, d y_nd / d x_ij, d y_ij / d gamma_q (index order n, d, i, j); the Kronecker deltas are identity matrices, and
each row of each chain is evaluated as written (an index out of range does not hold). Lines 88-121 read x as x-hat;
lines 216-241 are about the column-mean node y = (1/N) sum_i x_i with its own loss. `.` with a (1 x D) row is NumPy's
broadcast product. Prints OK when every verdict of MANIFEST.toml holds. Run: python oracle_fortileizhang_bn.py
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(2102)
N, D, eps = 5, 3, 1e-5
x = rng.normal(size=(N, D)) * 2 + 1
gamma, beta = rng.normal(size=D), rng.normal(size=D)
c = rng.normal(size=(N, D))
h = 1e-6


def stats(xx):
    mu = xx.sum(axis=0) / N
    return mu, ((xx - mu) ** 2).sum(axis=0) / N


def xhat_of(xx):
    mu, var = stats(xx)
    return (xx - mu) / np.sqrt(var + eps)


def y_of(xx, g=gamma, b=beta):
    return g * xhat_of(xx) + b


def L(y):
    return float(np.sum(c * np.tanh(y)) + 0.1 * np.sum(y) ** 2)


def tensor(f, at):
    """[out..., in...] = d f(at)_out / d at_in by central differences."""
    out = np.asarray(f(at))
    t = np.zeros(out.shape + at.shape)
    for idx in np.ndindex(at.shape):
        e = np.zeros_like(at)
        e[idx] = h
        t[(Ellipsis, *idx)] = (np.asarray(f(at + e)) - np.asarray(f(at - e))) / (2 * h)
    return t


mu, var = stats(x)
s = var + eps
xc = x - mu
xh = xhat_of(x)
y = y_of(x)
dLdy = grad(L, y)
dLdx = grad(lambda v: L(y_of(v)), x)
dgamma = grad(lambda g: L(y_of(x, g=g)), gamma)
J = tensor(xhat_of, x)  # [n, d, i, j]
J_written = tensor(lambda v: (v - stats(v)[0]) / np.sqrt(stats(v)[1] + eps), x)
Dxc = tensor(lambda v: v - stats(v)[0], x)  # d(x_nd - mu_d)/dx_ij
Dxc_written = tensor(lambda v: v - v.sum(axis=0) / N, x)
Dx = tensor(lambda v: v, x)
Dsum = tensor(lambda v: v.sum(axis=0), x)  # [d, i, j]
Dvar = tensor(lambda v: stats(v)[1], x)  # [d, i, j]
Dvar_written = tensor(lambda v: ((v - stats(v)[0]) ** 2).sum(axis=0) / N, x)
Dsq = tensor(lambda v: (v - stats(v)[0]) ** 2, x)  # [n, d, i, j]
Dinvsqrt = tensor(lambda v: (stats(v)[1] + eps) ** -0.5, x)  # [d, i, j]
Dy = tensor(y_of, x)
Dyg = tensor(lambda g: y_of(x, g=g), gamma)  # [i, j, q]
Dyxh = tensor(lambda v: gamma * v + beta, xh)  # y as a function of x-hat
dy_dxh = np.array([[Dyxh[n, d, n, d] for d in range(D)] for n in range(N)])  # dy_nd / d xhat_nd
dn = np.eye(N)[:, None, :, None]  # delta_{n,i}
dd = np.eye(D)[None, :, None, :]  # delta_{d,j}
S = s[None, :, None, None]
XC = xc[:, :, None, None]  # x_nd - mu_d
XCi = xc.T[None, :, :, None]  # x_id - mu_d
G = gamma[None, :, None, None]
DY = dLdy[:, :, None, None]


def sum_nd(t):
    return t.sum(axis=(0, 1))


row2_288 = S**-0.5 * Dxc + XC * Dinvsqrt[None]
row3_288 = S**-0.5 * Dxc - 0.5 * S**-1.5 * XC * Dvar[None]
kron = dn * dd - dd / N
row2_331 = S**-0.5 * kron - 1 / N * S**-1.5 * XC * XCi * dd
T1 = sum_nd(G * DY * S**-0.5 * kron)
T2 = 1 / N * sum_nd(G * DY * S**-1.5 * XC * XCi * dd)
gj, sj = gamma[None, :], s[None, :]
row2_345 = np.array(
    [[sum(gamma[j] * dLdy[n, j] * s[j] ** -0.5 * ((n == i) - 1 / N) for n in range(N)) for j in range(D)] for i in range(N)]
)
row3_346 = gj * dLdy * sj**-0.5 - 1 / N * (gj * dLdy * sj**-0.5).sum(axis=0, keepdims=True)
row4_347 = gj * sj**-0.5 * (dLdy - dLdy.sum(axis=0, keepdims=True) / N)
row2_354 = (
    -1
    / N
    * np.array([[sum(gamma[j] * dLdy[n, j] * s[j] ** -1.5 * xc[n, j] * xc[i, j] for n in range(N)) for j in range(D)] for i in range(N)])
)
row3_355 = -1 / N * gj * sj**-1.5 * xc * (dLdy * xc).sum(axis=0, keepdims=True)
final = gamma / N * s**-0.5 * (N * dLdy - dLdy.sum(axis=0) - s**-1 * xc * (dLdy * xc).sum(axis=0))

# the mean node y = (1/N) sum_i x_i (lines 201-241), with its own nonlinear loss
cm = rng.normal(size=D)


def Lm(m):
    return float(np.sum(cm * np.sin(m)) + 0.5 * np.sum(m**2))


m = x.sum(axis=0) / N
dym = grad(Lm, m)
dxm = grad(lambda v: Lm(v.sum(axis=0) / N), x)
Dm = tensor(lambda v: v.sum(axis=0) / N, x)  # [k, i, j]


def links(*vals):
    return all(same(vals[0], v) for v in vals[1:])


checks = {
    "line 113": lambda: links(dgamma, np.einsum("ij,ijq->q", dLdy, Dyg)),
    "line 117": lambda: all(same(Dyg[:, q, q], xh[:, q]) for q in range(D)),
    "line 121": lambda: links(
        dgamma,
        [sum(dLdy[i, q] * Dyg[i, q, q] for i in range(N)) for q in range(D)],
        [sum(xh[i, q] * dLdy[i, q] for i in range(N)) for q in range(D)],
    ),
    "line 223": lambda: links(dxm[0, 0], np.sum(dym * Dm[:, 0, 0]), dym[0] * Dm[0, 0, 0], dym[0] / N),
    "line 228": lambda: links(dxm, 1 / N * np.tile(dym, (N, 1)), 1 / N * dym[None, :] * np.ones((N, D))),
    "line 234.2": lambda: same(dxm, 1 / N * dym[None, :] * np.ones((N, D))),
    "line 271": lambda: links(dLdx, sum_nd(DY * Dy), sum_nd(DY * G * J)),
    "line 272.2": lambda: same(dLdx, sum_nd(DY * dy_dxh[:, :, None, None] * J)),
    "line 282.5": lambda: same(dy_dxh, np.tile(gamma, (N, 1))),
    "line 288": lambda: links(J, J_written, row2_288, row3_288),
    "line 289.2": lambda: same(J, row2_288),
    "line 290.3": lambda: same(J, row3_288),
    "line 296": lambda: links(Dxc, Dxc_written, Dx - 1 / N * Dsum[None]),
    "line 297.2": lambda: same(Dxc, Dx - 1 / N * Dsum[None]),
    "line 302": lambda: same(Dxc, dn * dd - dd / N),
    "line 307": lambda: links(
        Dvar,
        Dvar_written,
        1 / N * Dsq.sum(axis=0),
        2 / N * (XC * Dxc).sum(axis=0),
        2 / N * (XC * kron).sum(axis=0),
        2 / N * (XC * dn * dd).sum(axis=0) - 2 / N**2 * (XC * dd).sum(axis=0),
    ),
    "line 308.2": lambda: same(Dvar, 1 / N * Dsq.sum(axis=0)),
    "line 309.3": lambda: same(Dvar, 2 / N * (XC * Dxc).sum(axis=0)),
    "line 310.4": lambda: same(Dvar, 2 / N * (XC * kron).sum(axis=0)),
    "line 311.5": lambda: same(Dvar, 2 / N * (XC * dn * dd).sum(axis=0) - 2 / N**2 * (XC * dd).sum(axis=0)),
    "line 316": lambda: same((XC * dn * dd).sum(axis=0), (XCi * dd)[0]),
    "line 320": lambda: same(xc.sum(axis=0), x.sum(axis=0) - N * mu),
    "line 325": lambda: same(Dvar, 2 / N * (XCi * dd)[0]),
    "line 330": lambda: links(J, S**-0.5 * Dxc - 0.5 * S**-1.5 * XC * Dvar[None], row2_331),
    "line 331.2": lambda: same(J, row2_331),
    "line 337": lambda: links(dLdx, sum_nd(DY * G * J), T1 - T2),
    "line 338.2": lambda: same(dLdx, T1 - T2),
    "line 344": lambda: links(T1, row2_345, row3_346, row4_347),
    "line 345.2": lambda: same(T1, row2_345),
    "line 346.3": lambda: same(T1, row3_346),
    "line 347.4": lambda: same(T1, row4_347),
    "line 353": lambda: links(-T2, row2_354, row3_355),
    "line 354.2": lambda: same(-T2, row2_354),
    "line 355.3": lambda: same(-T2, row3_355),
    "line 360": lambda: same(dLdx, final),
}
row3_288_p = S**-0.5 * Dxc + 0.5 * S**-1.5 * XC * Dvar[None]
row4_347_p = gj * sj**-0.5 * (dLdy + dLdy.sum(axis=0, keepdims=True) / N)
planted = {
    "line 117": lambda: all(same(Dyg[:, q, q], np.full(N, gamma[q])) for q in range(D)),
    "line 121": lambda: links(
        dgamma,
        [sum(dLdy[i, q] * Dyg[i, q, q] for i in range(N)) for q in range(D)],
        [sum(xh[i, q] * dLdy[q, i] for i in range(N)) for q in range(D)],
    ),
    "line 223": lambda: links(dxm[0, 0], np.sum(dym * Dm[:, 0, 0]), dym[0] * Dm[0, 0, 0], dym[0] * N),
    "line 288": lambda: links(J, J_written, row2_288, row3_288_p),
    "line 290.3": lambda: same(J, row3_288_p),
    "line 302": lambda: same(Dxc, dn * dd - dn / N),
    "line 325": lambda: same(Dvar, 1 / N * (XCi * dd)[0]),
    "line 344": lambda: links(T1, row2_345, row3_346, row4_347_p),
    "line 347.4": lambda: same(T1, row4_347_p),
    "line 360": lambda: same(dLdx, gamma / N * s**-0.5 * (N * dLdy - dLdy.sum(axis=0) - s**-0.5 * xc * (dLdy * xc).sum(axis=0))),
}
confirm("fortileizhang_bn.md", "fortileizhang_bn_planted.md", checks, planted)
print("OK")
