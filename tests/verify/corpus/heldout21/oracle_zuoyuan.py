"""Independent NumPy oracle for zuoyuan_dropout.md and its planted copy (a Chinese course note on the gradient
through inverted dropout: y_i = m_i x_i / (1 - p), m_i ~ Bernoulli(1 - p), p the drop probability).

Generic claims: random x, a 0/1 mask with kept and dropped units, p = 0.3, and a NONLINEAR loss L(y) (the note's
claims hold for any L); dL/dx, dL/dy and dy_i/dx_i by central differences, each claim evaluated as written. The
differentials (dL = sum ... dx_i) are checked as directional derivatives along a random direction dx (or dy). The
worked example (p = 0.5, x = [2, 4, 6, 8], m = [1, 0, 1, 0], dL/dy = [0.1, 0.2, 0.3, 0.4]) uses the linear L with
that gradient; every link of each chain is computed. Expectations over the mask are exact sums over m in {0, 1}
(E[m] = 1 - p), with dL/dy_i held fixed as the note states. Test mode (lines 650, 685): y = x.
Prints OK when every verdict of MANIFEST.toml holds. Run: python oracle_zuoyuan.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(2101)
n, p = 5, 0.3
x = rng.normal(size=n)
m = np.array([1.0, 0.0, 1.0, 1.0, 0.0])
c = rng.normal(size=n)


def L(y):
    return float(np.sum(c * np.tanh(y)) + 0.5 * np.sum(y) ** 2)


def fwd(xx, mm=m, pp=p):
    return mm * xx / (1 - pp)


y = fwd(x)
dLdx = grad(lambda v: L(fwd(v)), x)
dLdy = grad(L, y)
dydx = np.array([grad(lambda t, i=i: float(fwd(np.where(np.arange(n) == i, t[0], x))[i]), np.array([x[i]]))[0] for i in range(n)])
dx = rng.normal(size=n)
h = 1e-6
dy_dir = (fwd(x + h * dx) - fwd(x - h * dx)) / (2 * h)  # dy along dx
dL_dir = (L(fwd(x + h * dx)) - L(fwd(x - h * dx))) / (2 * h)  # dL along dx
dyv = rng.normal(size=n)
dL_dir_y = (L(y + h * dyv) - L(y - h * dyv)) / (2 * h)  # dL along dy
kept, dropped = m == 1, m == 0


def written_dydx(mm, pp):
    """d/dx_i (m_i x_i / (1 - p)) by central differences of the written expression."""
    return np.array([(mm[i] * (x[i] + h) / (1 - pp) - mm[i] * (x[i] - h) / (1 - pp)) / (2 * h) for i in range(n)])


def expect(f, pp=p):
    """E over m_i ~ Bernoulli(1 - pp) of f(m_i), exactly."""
    return pp * f(0.0) + (1 - pp) * f(1.0)


# the worked example
pe = 0.5
xe, me, ge = np.array([2.0, 4, 6, 8]), np.array([1.0, 0, 1, 0]), np.array([0.1, 0.2, 0.3, 0.4])
ye = fwd(xe, me, pe)
dLdx_e = grad(lambda v: float(ge @ fwd(v, me, pe)), xe)


def links(*vals):
    return all(same(vals[0], v) for v in vals[1:])


def chain_vec(scale):
    return same(dLdx, dLdy * scale)


def test_mode():
    """y = x at test time: dL/dx by central differences of L(x) equals dL/dy at y = x."""
    return same(grad(L, x), grad(L, x.copy()))


rhs88 = dLdy * m / (1 - p)
checks = {
    "line 52": lambda: same(dLdx, dLdy * dydx),
    "line 72": lambda: same(dydx, written_dydx(m, p)),
    "line 78": lambda: same(dydx, m / (1 - p)),
    "line 88": lambda: same(dLdx, rhs88),
    "line 96": lambda: same(dLdx[kept], dLdy[kept] * 1 / (1 - p)),
    "line 102": lambda: links(dLdx[dropped], dLdy[dropped] * 0, 0 * dLdy[dropped]),
    "line 114": lambda: chain_vec(m / (1 - p)),
    "line 124": lambda: same(dLdx, np.array([dLdy[k] * m[k] / (1 - p) for k in range(n)])),
    "line 153": lambda: same(dL_dir_y, np.sum(dLdy * dyv)),
    "line 159": lambda: links(dy_dir, dydx * dx, m / (1 - p) * dx),
    "line 165": lambda: same(dL_dir, np.sum(dLdy * m / (1 - p) * dx)),
    "line 171": lambda: same(dL_dir, np.sum(dLdx * dx)),
    "line 177": lambda: same(dLdx, rhs88),
    "line 198": lambda: links(fwd(x, m, 0.5), m * x / 0.5, 2 * m * x),
    "line 204": lambda: links(ye[0], 2 * 1 * 2, 4),
    "line 208": lambda: links(ye[1], 2 * 0 * 4, 0),
    "line 212": lambda: links(ye[2], 2 * 1 * 6, 12),
    "line 216": lambda: links(ye[3], 2 * 0 * 8, 0),
    "line 220": lambda: same(ye, [4, 0, 12, 0]),
    "line 238": lambda: same(dLdx, rhs88),
    "line 244": lambda: links(dLdx_e[0], 0.1 * 1 / 0.5, 0.1 * 2, 0.2),
    "line 248": lambda: links(dLdx_e[1], 0.2 * 0 / 0.5, 0.2 * 0, 0),
    "line 252": lambda: links(dLdx_e[2], 0.3 * 1 / 0.5, 0.3 * 2, 0.6),
    "line 256": lambda: links(dLdx_e[3], 0.4 * 0 / 0.5, 0.4 * 0, 0),
    "line 260": lambda: same(dLdx_e, [0.2, 0, 0.6, 0]),
    "line 594": lambda: links(expect(lambda mm: mm * x), expect(lambda mm: mm) * x, (1 - p) * x),
    "line 610": lambda: links(expect(lambda mm: fwd(x, mm)), expect(lambda mm: mm) * x / (1 - p), (1 - p) * x / (1 - p), x),
    "line 626": lambda: same(dydx, m / (1 - p)),
    "line 632": lambda: links(expect(lambda mm: dLdy * mm / (1 - p)), dLdy * expect(lambda mm: mm) / (1 - p), dLdy),
    "line 650": test_mode,
    "line 673": lambda: same(dLdx, rhs88),
    "line 685": test_mode,
}
planted = {
    "line 78": lambda: same(dydx, m / p),
    "line 96": lambda: same(dLdx[kept], dLdy[kept] * (1 - p)),
    "line 114": lambda: chain_vec(m),
    "line 159": lambda: links(dy_dir, dydx * dx, m / p * dx),
    "line 212": lambda: links(ye[2], 1 * 6, 6),
    "line 252": lambda: links(dLdx_e[2], 0.3 * 1 / 0.5, 0.3 * 0.5, 0.15),
    "line 260": lambda: same(dLdx_e, [0.2, 0.4, 0.6, 0]),
    "line 610": lambda: links(expect(lambda mm: fwd(x, mm)), expect(lambda mm: mm) * x / (1 - p), p * x / (1 - p), x),
}
confirm("zuoyuan_dropout.md", "zuoyuan_dropout_planted.md", checks, planted)
print("OK")
