"""Independent NumPy oracle for kyleclo_nn.md / kyleclo_nn_planted.md (Kyle Lo, "Deriving the backpropagation
algorithm": the neural network section, activations, faster delta terms, quadratic loss, regularization).

The author's conventions (kyleclo_nn.spec.toml): z^(l) = w_l^T h^(l-1) (w_l is m_{l-1} x m_l, no bias), h^(1) =
tanh(z^(1)), h^(2) = softmax(z^(2)), L = -sum_i y_i^T log h_i^(2) summed over the observations; delta^(l) = dL/dz^(l)
a row; Jacobians with the outputs as rows; dz/dw the tensor of slices laid out like w. Every derivative is a central
difference; Jacobians of the layers are central differences too; a generic claim in l is checked for every layer it
applies to; a chain is right when every link equals the first. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_kyleclo_nn.py   (numpy only)
"""

import numpy as np
from fdcheck import EPS, confirm, grad, jacobian, same

rng = np.random.default_rng(43)
n, M, LAM = 5, (3, 4, 3), 0.05
X = rng.normal(size=(n, M[0]))
labels = rng.integers(0, M[2], n)
Y = np.eye(M[2])[labels]
W = [None, rng.normal(size=(M[0], M[1])), rng.normal(size=(M[1], M[2]))]  # W[l] = w_l
zs = np.linspace(-3, 3, 8) + 0.05  # away from ReLU's kink


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


ACT = [None, np.tanh, softmax]


def forward(x, W=W, z1=None, z2=None):
    z1 = W[1].T @ x if z1 is None else z1
    h1 = np.tanh(z1)
    z2 = W[2].T @ h1 if z2 is None else z2
    return z1, h1, z2, softmax(z2)


def Li(i, **kw):
    return float(-Y[i] @ np.log(forward(X[i], **kw)[3]))


def L(Wl=None, l=None):
    Ws = list(W)
    if l is not None:
        Ws[l] = Wl
    return sum(Li(i, W=Ws) for i in range(n))


F = [forward(X[i]) for i in range(n)]  # (z1, h1, z2, h2) per observation
H = [[X[i], F[i][1], F[i][3]] for i in range(n)]  # H[i][l] = h_i^(l)
Z = [[None, F[i][0], F[i][2]] for i in range(n)]
D = [[None, grad(lambda v, i=i: Li(i, z1=v), Z[i][1]), grad(lambda v, i=i: Li(i, z2=v), Z[i][2])] for i in range(n)]  # delta_i^(l)
gW = [None] + [grad(lambda v, l=l: L(v, l), W[l]) for l in (1, 2)]
# the single observation of the derivation: i = 0
x, y, (z1, h1, z2, h2) = X[0], Y[0], F[0]
dL_dh2 = grad(lambda v: float(-y @ np.log(v)), h2)
J_h2_z2, J_h1_z1 = jacobian(softmax, z2), jacobian(np.tanh, z1)
J_z = [None, jacobian(lambda v: W[1].T @ v, x), jacobian(lambda v: W[2].T @ v, h1)]  # dz^(l)/dh^(l-1)
Tw = [None] + [np.array([grad(lambda v, k=k, l=l: float((v.T @ H[0][l - 1])[k]), W[l]) for k in range(M[l])]) for l in (1, 2)]
g1W = [None] + [grad(lambda v, l=l: Li(0, W=[None, v, W[2]] if l == 1 else [None, W[1], v]), W[l]) for l in (1, 2)]
d1, d2 = D[0][1], D[0][2]
sq = lambda Ws: sum(float(np.sum(w * w)) for w in Ws[1:])  # noqa: E731  ||w||_2^2 over all the weights


def chain(*links):
    return all(same(links[0], link) for link in links[1:])


def L188(Wl=None, l=None):  # the regularized objective exactly as written (no minus sign)
    Ws = list(W)
    if l is not None:
        Ws[l] = Wl
    return -L(Wl, l) + LAM / 2 * sq(Ws)


def dtanh(v):
    return (np.tanh(v + EPS) - np.tanh(v - EPS)) / (2 * EPS)


relu = lambda v: np.maximum(0, v)  # noqa: E731
checks = {
    "line 22.1": lambda: all(same(H[i][2], np.exp(Z[i][2]) / np.sum(np.exp(Z[i][2]))) for i in range(n)),
    "line 23.2": lambda: all(same(H[i][1], np.tanh(Z[i][1])) for i in range(n)),
    "line 25.4": lambda: all(same(H[i][1], np.tanh(Z[i][1])) for i in range(n)),
    "line 26.5": lambda: all(same(H[i][0], X[i]) for i in range(n)),
    "line 29": lambda: all(same(Z[i][l], W[l].T @ H[i][l - 1]) for i in range(n) for l in (1, 2)),
    "line 48": lambda: np.isclose(L(), -sum(Y[i] @ np.log(H[i][2]) for i in range(n))),
    "line 58": lambda: np.isclose(Li(0), -y @ np.log(h2)),
    "line 62.1": lambda: same(d2, dL_dh2 @ J_h2_z2) and same(g1W[2], np.tensordot(dL_dh2 @ J_h2_z2, Tw[2], axes=1)),
    "line 63.2": lambda: (
        same(d1, dL_dh2 @ J_h2_z2 @ J_z[2] @ J_h1_z1) and same(g1W[1], np.tensordot(dL_dh2 @ J_h2_z2 @ J_z[2] @ J_h1_z1, Tw[1], axes=1))
    ),
    "line 65.4": lambda: same(d1, dL_dh2 @ J_h2_z2 @ (J_z[2] @ J_h1_z1)) and same(g1W[1], np.tensordot(d1, Tw[1], axes=1)),
    "line 72": lambda: same(dL_dh2, -y * (1 / h2)) and same(dL_dh2, [-y[k] / h2[k] for k in range(M[2])]),
    "line 76": lambda: all(same(J_z[l], W[l].T) for l in (1, 2)),
    "line 84": lambda: same(d2, dL_dh2 @ J_h2_z2) and same(d1, dL_dh2 @ J_h2_z2 @ J_z[2] @ J_h1_z1),
    "line 86": lambda: all(same(np.tensordot(D[0][l], Tw[l], axes=1), np.outer(H[0][l - 1], D[0][l])) for l in (1, 2)),
    "line 92": lambda: all(same(gW[l], sum(np.outer(H[i][l - 1], D[i][l]) for i in range(n))) for l in (1, 2)),
    "line 104": lambda: all(
        same(D[i][2], grad(lambda v, i=i: float(-Y[i] @ np.log(v)), H[i][2]) @ jacobian(softmax, Z[i][2])) for i in range(n)
    ),
    "line 108": lambda: all(same(gW[l], sum(np.outer(H[i][l - 1], D[i][l]) for i in range(n))) for l in (1, 2)),
    "line 110": lambda: all(same(D[i][1], D[i][2] @ W[2].T @ jacobian(np.tanh, Z[i][1])) for i in range(n)),
    "line 114": lambda: same(J_h1_z1, np.diag(1 - np.tanh(z1) ** 2)) and same(J_h2_z2, np.diag(h2) - np.outer(h2, h2)),
    "line 114#2": lambda: all(same(J_z[l], W[l].T) for l in (1, 2)),
    "line 124": lambda: same(np.tanh(zs), (1 - np.exp(-2 * zs)) / (1 + np.exp(-2 * zs))),
    "line 124#2": lambda: same(dtanh(zs), 1 - np.tanh(zs) ** 2),
    "line 126": lambda: same(relu(zs), (zs + np.abs(zs)) / 2),
    "line 126#2": lambda: same((relu(zs + EPS) - relu(zs - EPS)) / (2 * EPS), (zs > 0).astype(float)),
    "line 130": lambda: same(J_h1_z1, np.diag(dtanh(z1))),
    "line 140": lambda: same(d2, h2 - y),
    "line 148": lambda: same(jacobian(np.tanh, zs), np.diag(dtanh(zs))),
    "line 152": lambda: chain(
        d1,
        d2 @ J_z[2] @ J_h1_z1,
        d2 @ W[2].T @ J_h1_z1,
        np.array([dtanh(z1[a]) * sum(d2[j] * W[2][a, j] for j in range(M[2])) for a in range(M[1])]),
        (d2 @ W[2].T) * dtanh(z1),
    ),
    "line 180": lambda: same(grad(lambda v: float(0.5 * (y - v) @ (y - v)), h2), h2 - y),
    "line 188": lambda: np.isclose(L188(), L() + LAM / 2 * sq(W)),  # as written vs the penalised negative log-likelihood
    # carried forward: the derivative of the objective the answer wrote (its own line 188), term by term
    "line 194": lambda: all(
        same(
            grad(lambda v, l=l: L188(v, l), W[l]),
            grad(lambda v, l=l: -L(v, l), W[l]) + LAM / 2 * grad(lambda v, l=l: sq([None, *(v if k == l else W[k] for k in (1, 2))]), W[l]),
        )
        for l in (1, 2)
    ),
    "line 198": lambda: all(
        same(grad(lambda v, l=l: sq([None, *(v if k == l else W[k] for k in (1, 2))]), W[l]), 2 * W[l]) for l in (1, 2)
    ),
}
planted = {
    "line 29": lambda: all(same(Z[i][l], W[l] @ H[i][l - 1]) for i in range(n) for l in (1, 2)),
    "line 76": lambda: all(same(J_z[l], W[l]) for l in (1, 2)),
    "line 92": lambda: all(same(gW[l], sum(np.outer(D[i][l], H[i][l - 1]) for i in range(n))) for l in (1, 2)),
    "line 124#2": lambda: same(dtanh(zs), 1 + np.tanh(zs) ** 2),
    "line 126#2": lambda: same((relu(zs + EPS) - relu(zs - EPS)) / (2 * EPS), (zs < 0).astype(float)),
    "line 140": lambda: same(d2, y - h2),
    "line 152": lambda: chain(d1, d2 @ J_z[2] @ J_h1_z1, (d2 @ W[2]) * dtanh(z1)),
    "line 180": lambda: same(grad(lambda v: float(0.5 * (y - v) @ (y - v)), h2), y - h2),
    "line 198": lambda: all(same(grad(lambda v, l=l: sq([None, *(v if k == l else W[k] for k in (1, 2))]), W[l]), W[l]) for l in (1, 2)),
}
confirm("kyleclo_nn.md", "kyleclo_nn_planted.md", checks, planted)
print("OK")
