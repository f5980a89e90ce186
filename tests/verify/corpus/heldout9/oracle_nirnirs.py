"""Independent NumPy oracle for nirnirs_cs224n.toml / nirnirs_cs224n_planted.toml (nirnirs's CS224n assignment 1
written answers).

The network of question 2(c) (nirnirs_cs224n.spec.toml): a row x (3 inputs), z1 = x W1 + b1, h = sigma(z1),
z2 = h W2 + b2, yhat = softmax(z2), CE = -sum_i y_i log yhat_i with y one-hot (class k). Derivatives are central
differences of CE (or of the intermediate the claim differentiates), the student's chain in the denominator layout
([dz/dx]_{ij} = dz_j/dx_i). Every link of a chain is computed as written. Prints OK when every verdict of
MANIFEST.toml holds.
Run: python oracle_nirnirs.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(224)
x = rng.normal(size=(1, 3))
W1, b1, W2, b2 = rng.normal(size=(3, 5)), rng.normal(size=(1, 5)), rng.normal(size=(5, 4)), rng.normal(size=(1, 4))
k = 2
y = np.eye(4)[k][None, :]
c = 1.7
e = np.exp


def softmax(v):
    return e(v - v.max()) / e(v - v.max()).sum()


def CE_of(z2):
    return float(-(y * np.log(softmax(z2))).sum())


def net(x):
    z1 = x @ W1 + b1
    h = sigmoid(z1)
    z2 = h @ W2 + b2
    return z1, h, z2, softmax(z2)


z1, h, z2, yhat = net(x)
th = z2.ravel()  # 2(b)'s theta
n = th.size
dCE_dth = grad(lambda v: CE_of(v), th)
dCE_dx = grad(lambda v: CE_of(net(v)[2]), x)  # 1 x 3
# denominator-layout Jacobians: the transpose of the numerator-layout central-difference Jacobian
D = lambda f, at: jacobian(lambda v: f(v).ravel(), at.ravel()).T  # noqa: E731
D_z1_x = D(lambda v: v[None, :] @ W1 + b1, x)
D_h_z1 = D(sigmoid, z1)
D_z2_h = D(lambda v: v[None, :] @ W2 + b2, h)
dCE_dz2 = grad(lambda v: CE_of(v), z2)
sp = sigmoid(z1) * (1 - sigmoid(z1))
xs = rng.normal(size=4)
s_fd = (sigmoid(xs + 1e-6) - sigmoid(xs - 1e-6)) / 2e-6
i = 0  # an index i != k

checks = {
    "1a": lambda: (
        same(softmax(xs + c), e(xs + c) / e(xs + c).sum())
        and same(e(xs + c) / e(xs + c).sum(), e(xs) * e(c) / (e(c) * e(xs).sum()))
        and same(softmax(xs), e(xs) / e(xs).sum())
    ),
    "2a": lambda: all(
        same(s_fd, v)
        for v in (
            -1 / (1 + e(-xs)) ** 2 * -e(-xs),
            e(-xs) / (1 + e(-xs)) ** 2,
            e(-xs) / (1 + e(-xs)) * (1 - e(-xs) / (1 + e(-xs))),
            sigmoid(xs) * (1 - sigmoid(xs)),
        )
    ),
    "2b-dk": lambda: same(dCE_dth[k], e(th[k]) / e(th).sum() - 1) and same(dCE_dth[k], softmax(th)[k] - 1),
    "2b-di": lambda: same(dCE_dth[i], e(th[i]) / e(th).sum()) and same(dCE_dth[i], softmax(th)[i]),
    "2b-vec": lambda: same(dCE_dth, softmax(th) - y.ravel()),
    "2c-z1": lambda: same(z1, x @ W1 + b1),
    "2c-z2": lambda: same(z2, h @ W2 + b2),
    "2c-h": lambda: same(h, sigmoid(z1)),
    "2c-yhat": lambda: same(yhat, softmax(z2)),
    "2c-chain": lambda: same(dCE_dx.T, D_z1_x @ D_h_z1 @ D_z2_h @ dCE_dz2.T),
    "2c-dz1-dx": lambda: same(D_z1_x, W1),
    "2c-dh-dz1": lambda: same(D_h_z1, np.diag(sp.ravel())),
    "2c-dz2-dh": lambda: same(D_z2_h, W2),
    "2c-dCE-dz2": lambda: same(dCE_dz2, yhat - y),
    "2c-dCE-dx": lambda: same(dCE_dx.T, (W1 * sp) @ W2 @ (yhat - y).T),
}
planted = {
    "2a": lambda: same(s_fd, sigmoid(xs) * (1 + sigmoid(xs))),
    "2b-dk": lambda: same(dCE_dth[k], e(th[k]) / e(th).sum() - 1) and same(dCE_dth[k], softmax(th)[k]),
    "2b-vec": lambda: same(dCE_dth, y.ravel() - softmax(th)),
    "2c-h": lambda: same(h, sigmoid(z2)),
    "2c-dz2-dh": lambda: same(D_z2_h, b2),
    "2c-dCE-dx": lambda: same(dCE_dx.T, W1 @ W2 @ (yhat - y).T),
}
confirm("nirnirs_cs224n.toml", "nirnirs_cs224n_planted.toml", checks, planted)
print("OK")
