"""Independent NumPy oracle for shreyansh_softmax.md / shreyansh_softmax_planted.md (Shreyansh Singh's softmax and
cross-entropy backward pass).

The post's setting (shreyansh_softmax.spec.toml): logits Z (B x K, rows the batch), S = P = softmax(Z) row-wise, one-hot
targets Y; L the cross-entropy of one row, L_batch the mean over the rows; for the softmax backward pass an arbitrary
upstream loss (L = sum(G * S) + 1/2 sum(S^2), so G_S = dL/dS is a central difference). Every derivative is compared
with central differences; the rows of a chain are evaluated as written; the printed numbers to their last digit.
Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_shreyansh_softmax.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(706)
B, K, eta = 3, 4, 0.1
Z, G = rng.normal(size=(B, K)), rng.normal(size=(B, K))
Y = np.eye(K)[[2, 0, 3]]  # one-hot rows
t = 2  # the target class of row 0


def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def lse(z):
    return float(np.log(np.sum(np.exp(z))))


def upstream(S):
    return float(np.sum(G * S) + 0.5 * np.sum(S**2))


def xent_row(z, y):
    return float(-np.sum(y * np.log(softmax(z))))


S = softmax(Z)
D = np.exp(Z).sum(axis=1)
i = 0  # the post's row
z, y, s, p = Z[i], Y[i], S[i], S[i]
J = np.array([grad(lambda v, j=j: float(softmax(v)[j]), z) for j in range(K)])  # J[j, k] = dS_ij / dZ_ik
I = np.eye(K)
GS = grad(upstream, S)  # G_S
GZ = grad(lambda v: upstream(softmax(v)), Z)  # G_Z
gs, gz = GS[i], GZ[i]
dL_dz = grad(lambda v: xent_row(v, y), z)  # one row's cross-entropy
dLb_dZ = grad(lambda v: np.mean([xent_row(v[r], Y[r]) for r in range(B)]), Z)
dexp = np.array([grad(lambda v, j=j: float(np.exp(v[j])), z) for j in range(K)])  # d e^{z_j} / d z_k
dD = grad(lambda v: float(np.sum(np.exp(v))), z)
a = np.log(softmax(z))  # logsoftmax
Ja = np.array([grad(lambda v, j=j: float(np.log(softmax(v))[j]), z) for j in range(K)])  # [j, i] = d a_j / d z_i
GA = rng.normal(size=(B, K))  # an upstream gradient of a = logsoftmax(Z): l = sum(GA * A)
GZ_from_A = grad(lambda v: float(np.sum(GA * np.log(softmax(v)))), Z)
ga = GA[i]
gp = grad(lambda q: float(-np.sum(y * np.log(q))), p)  # dL/dp, p as an independent variable


def hessian(f, at, h=1e-4):
    n = len(at)
    H = np.zeros((n, n))
    for r in range(n):
        for c in range(n):
            er, ec = np.eye(n)[r] * h, np.eye(n)[c] * h
            H[r, c] = (f(at + er + ec) - f(at + er - ec) - f(at - er + ec) + f(at - er - ec)) / (4 * h * h)
    return H


def chain(truth, *rows):
    return all(same(r, truth) for r in rows)


# the rule g_x = J^T g_y for a map whose Jacobian is not symmetric: y = tanh(M x), M 3 x 4, l = sum(c * y)
M_any, c_any, x_any = rng.normal(size=(3, 4)), rng.normal(size=3), rng.normal(size=4)
J_any = np.array([grad(lambda v, r=r: float(np.tanh(M_any @ v)[r]), x_any) for r in range(3)])
gy_any = grad(lambda v: float(c_any @ v), np.tanh(M_any @ x_any))
gx_any = grad(lambda v: float(c_any @ np.tanh(M_any @ v)), x_any)
jk = lambda f: np.array([[f(j, k) for k in range(K)] for j in range(K)])  # noqa: E731
pn = np.array([0.659, 0.242, 0.099])
yn = np.array([1.0, 0.0, 0.0])

checks = {
    "line 24": lambda: same(dL_dz, p - y),
    "line 46": lambda: same(s, softmax(z)) and same(s, np.exp(z) / np.sum(np.exp(z))),
    "line 65": lambda: same(S, np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)),
    "line 75": lambda: same(D, np.array([sum(np.exp(Z[r, m]) for m in range(K)) for r in range(B)])),
    "line 81": lambda: same(S, np.exp(Z) / D[:, None]),
    "line 95": lambda: same(J, jk(lambda j, k: (D[i] * dexp[j, k] - np.exp(z[j]) * dD[k]) / D[i] ** 2)),
    "line 108": lambda: same(dexp, jk(lambda j, k: np.exp(z[j]) * I[j, k])),
    "line 125": lambda: chain(dD, np.array([grad(lambda v: float(np.sum(np.exp(v))), z)[k] for k in range(K)]), np.exp(z)),
    "line 137": lambda: chain(
        J,
        jk(lambda j, k: (D[i] * np.exp(z[j]) * I[j, k] - np.exp(z[j]) * np.exp(z[k])) / D[i] ** 2),
        jk(lambda j, k: np.exp(z[j]) / D[i] * I[j, k] - np.exp(z[j]) / D[i] * np.exp(z[k]) / D[i]),
    ),
    "line 150": lambda: same(np.exp(z) / D[i], s),
    "line 157": lambda: same(J, jk(lambda j, k: s[j] * (I[j, k] - s[k]))),
    "line 167": lambda: same(np.diag(J), s * (1 - s)),
    "line 175": lambda: all(np.isclose(J[j, k], -s[j] * s[k], atol=1e-9) for j in range(K) for k in range(K) if j != k),  # "for j != k"
    "line 195": lambda: same(J, np.diag(s) - np.outer(s, s)),
    "line 203": lambda: same(np.diag(s), jk(lambda j, k: s[j] * I[j, k])),
    "line 209": lambda: same(np.outer(s, s), jk(lambda j, k: s[j] * s[k])),
    "line 215": lambda: chain(
        np.diag(s) - np.outer(s, s), jk(lambda j, k: s[j] * I[j, k] - s[j] * s[k]), jk(lambda j, k: s[j] * (I[j, k] - s[k]))
    ),
    "line 233": lambda: same(grad(lse, z), softmax(z)),
    "line 239": lambda: np.allclose(J, hessian(lse, z), atol=1e-6),
    "line 255": lambda: same(gz, J.T @ gs) and same(gx_any, J_any.T @ gy_any),  # also for a non-symmetric Jacobian
    "line 261": lambda: chain(gz, J.T @ gs, J @ gs),
    "line 268": lambda: chain(gz, (np.diag(s) - np.outer(s, s)) @ gs, np.diag(s) @ gs - np.outer(s, s) @ gs),
    "line 281": lambda: same(np.diag(s) @ gs, s * gs),
    "line 289": lambda: same(np.outer(s, s) @ gs, s * (s @ gs)),
    "line 297": lambda: same(gz, s * gs - s * (s @ gs)),
    "line 307": lambda: same(gz, s * (gs - s @ gs)),
    "line 317": lambda: same(
        GZ, np.array([[S[r, j] * (GS[r, j] - sum(S[r, k] * GS[r, k] for k in range(K))) for j in range(K)] for r in range(B)])
    ),
    "line 352": lambda: np.isclose(xent_row(z, y), -sum(y[j] * np.log(p[j]) for j in range(K))),
    "line 358": lambda: same(p, softmax(z)),
    "line 364": lambda: chain(np.log(p), np.log(np.exp(z) / np.sum(np.exp(z))), z - np.log(np.sum(np.exp(z)))),
    "line 375": lambda: np.allclose([xent_row(z, y), -np.sum(y * (z - lse(z))), -np.sum(y * z) + np.sum(y) * lse(z)], xent_row(z, y)),
    "line 392": lambda: np.isclose(xent_row(z, y), -y @ z + lse(z)),
    "line 400": lambda: same(grad(lambda v: float(-y @ v), z), -y),
    "line 406": lambda: chain(grad(lse, z), np.exp(z) / np.sum(np.exp(z)), p),
    "line 416": lambda: same(dL_dz, p - y),
    "line 424": lambda: same(dL_dz, p - y),
    "line 432": lambda: np.isclose(dL_dz[t], p[t] - 1),
    "line 438": lambda: all(np.isclose(dL_dz[k], p[k]) for k in range(K) if k != t),  # "for a non-target class"
    "line 454": lambda: same(dLb_dZ, (S - Y) / B),
    "line 468": lambda: np.isclose(xent_row(z, y), -sum(y[k] * np.log(p[k]) for k in range(K))),
    "line 474": lambda: same(gp, -y / p),
    "line 484": lambda: same(dL_dz, p * (gp - p @ gp)),
    "line 490": lambda: np.allclose([p @ gp, sum(p[k] * (-y[k] / p[k]) for k in range(K)), -np.sum(y)], -1),
    "line 503": lambda: chain(dL_dz, p * (-y / p + 1), -y + p, p - y),
    "line 522": lambda: chain(a, np.log(p), z - lse(z)),
    "line 530": lambda: chain(Ja, jk(lambda j, k: I[j, k] - grad(lse, z)[k]), jk(lambda j, k: I[j, k] - p[k])),
    "line 549": lambda: chain(
        GZ_from_A[i], Ja.T @ ga, np.array([sum(ga[j] * (I[j, k] - p[k]) for j in range(K)) for k in range(K)]), ga - p * ga.sum()
    ),
    "line 563": lambda: same(GZ_from_A[i], ga - p * (np.ones(K) @ ga)),
    "line 571": lambda: same(GZ_from_A, GA - S * GA.sum(axis=1, keepdims=True)),
    "line 589": lambda: np.isclose(xent_row(z, y), -np.sum(y * a)),
    "line 595": lambda: same(grad(lambda v: float(-np.sum(y * v)), a), -y),
    "line 601": lambda: np.isclose(np.ones(K) @ -y, -1),
    "line 607": lambda: chain(dL_dz, -y - p * (-1), p - y),
    "line 613": lambda: chain(dL_dz, softmax(z) - y),
    "line 625": lambda: same(dLb_dZ, (S - Y) / B),
    "line 645": lambda: np.allclose(pn - yn, [-0.341, 0.242, 0.099], atol=5e-4),
    "line 655": lambda: xent_row(z - eta * dL_dz, y) < xent_row(z, y),  # a descent step: the loss falls
    "line 665": lambda: same(GZ, S * (GS - (S * GS).sum(axis=1, keepdims=True))),
}
planted = {
    "line 95": lambda: same(J, jk(lambda j, k: (D[i] * dexp[j, k] + np.exp(z[j]) * dD[k]) / D[i] ** 2)),
    "line 125": lambda: any(same(dD, np.full(K, np.exp(z[j]))) for j in range(K)),  # e^{Z_ij}: the same for every k
    "line 157": lambda: same(J, jk(lambda j, k: s[j] * (I[j, k] - s[j]))),
    "line 195": lambda: same(J, np.diag(s) - float(s @ s)),
    "line 307": lambda: same(gz, gs * (s - s @ gs)),
    "line 454": lambda: same(dLb_dZ, S - Y),
    "line 474": lambda: same(gp, -1 / p),
    "line 530": lambda: chain(Ja, jk(lambda j, k: I[j, k] - p[j])),
    "line 645": lambda: np.allclose(pn - yn, [-0.341, 0.758, 0.099], atol=5e-4),
    "line 655": lambda: xent_row(z + eta * dL_dz, y) < xent_row(z, y),
}
confirm("shreyansh_softmax.md", "shreyansh_softmax_planted.md", checks, planted)
print("OK")
