"""Independent NumPy oracle for ericrstats_cs224n_hw2.md (a student's Chinese CS224n notes: matrix calculus in
numerator layout, a ReLU/softmax layer's gradients) and its planted copy.

Numerator layout as the student states it: dJ/dz of a scalar by a column z is a ROW, a Jacobian [i, j] = dz_i/dx_j.
Generic layers: z = W x (x a column) and z = x W (x a row) with J a random smooth function of z (J = sum c_i tanh(z_i));
the network of section 1.4: z = W x + b_1, h = ReLU(z), theta = U h + b_2, yhat = softmax(theta), J = CE(y, yhat).
Every derivative by central differences; each line's right-hand side evaluated AS WRITTEN in that layout (the final
parameter gradients transposed to the parameter's shape, as the student says on line 107). A check holds exactly when
MANIFEST.toml's verdict is correct. Run: python oracle_ericrstats.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same

rng = np.random.default_rng(2509)
n, m = 4, 3
W = rng.normal(size=(n, m))
xc = rng.normal(size=m)                                    # a column x for z = W x
xr = rng.normal(size=n)                                    # a row x for z = x W2, W2 n x m
W2 = rng.normal(size=(n, m))
cw = rng.normal(size=n)
cr = rng.normal(size=m)


def J_col(z):
    return float(np.sum(cw * np.tanh(z)))


def J_row(z):
    return float(np.sum(cr * np.tanh(z)))


zc = W @ xc
delta_c = grad(J_col, zc)                                  # the row dJ/dz
dJ_dW = grad(lambda w: J_col(w @ xc), W)
zr = xr @ W2
delta_r = grad(J_row, zr)
dJ_dW2 = grad(lambda w: J_row(xr @ w), W2)
dz_dWij = {(i, j): jacobian(lambda w, i=i, j=j: (w.reshape(n, m) @ xc), W.ravel())[:, i * m + j]
           for i in range(n) for j in range(m)}
f = np.tanh
xs = rng.normal(size=m)

# section 1.4: one sample
Dx, Dh, Nc = 3, 4, 3
x = rng.normal(size=Dx)
Wn, b1 = rng.normal(size=(Dh, Dx)), rng.normal(size=Dh)
U, b2 = rng.normal(size=(Nc, Dh)), rng.normal(size=Nc)
y = np.eye(Nc)[1]


def softmax(t):
    e = np.exp(t - t.max())
    return e / e.sum()


def J(x=x, W=Wn, b1=b1, U=U, b2=b2):
    return float(-np.sum(y * np.log(softmax(U @ np.maximum(W @ x + b1, 0) + b2))))


z = Wn @ x + b1
while np.abs(z).min() < 0.2:                               # keep the ReLU units off the kink
    b1 = rng.normal(size=Dh)
    z = Wn @ x + b1
h = np.maximum(z, 0)
theta = U @ h + b2
yhat = softmax(theta)
d1 = grad(lambda t: float(-np.sum(y * np.log(softmax(t)))), theta)            # dJ/dtheta (a row)
d2 = grad(lambda v: float(-np.sum(y * np.log(softmax(U @ np.maximum(v, 0) + b2)))), z)
dU, db2 = grad(lambda u: J(U=u), U), grad(lambda v: J(b2=v), b2)
dWn, db1 = grad(lambda w: J(W=w), Wn), grad(lambda v: J(b1=v), b1)
dx = grad(lambda v: J(x=v), x)
dtheta_dh, dh_dz, dz_db1 = U, np.diag((z > 0).astype(float)), np.eye(Dh)
dz_dx = Wn

checks = {
    "line 40": lambda: same(jacobian(lambda v: W @ v, xc), W),
    "line 50": lambda: same(jacobian(lambda v: v @ W2, xr), W2.T),
    "line 53": lambda: same(jacobian(lambda v: v, xc), np.eye(m)),
    "line 56": lambda: same(jacobian(f, xs), np.diag(1 - np.tanh(xs) ** 2)),
    "line 66": lambda: all(np.isclose(grad(lambda w, k=k: float((w @ xc)[k]), W)[i, j],
                                      sum(xc[l] * float(k == i and l == j) for l in range(m)))
                           for i in range(n) for j in range(m) for k in range(n)),
    "line 67": lambda: all(same(dz_dWij[i, j], np.eye(n)[i] * xc[j]) for i in range(n) for j in range(m)),
    "line 69": lambda: same(dJ_dW, np.outer(delta_c, xc)),                 # delta^T x^T: n x m
    "line 74": lambda: same(dJ_dW2, np.outer(xr, delta_r)),                # x^T delta: n x m
    "line 80.3": lambda: same(d1, yhat - y),
    "line 100.1": lambda: same(dU, np.outer(d1, h)),                       # the chain dJ/dyhat dyhat/dtheta dtheta/dU
    "line 101.2": lambda: same(db2, d1),
    "line 104": lambda: same(d1, yhat - y),
    "line 105": lambda: same(d2, (d1 @ dtheta_dh) @ dh_dz) and same(d2, (d1 @ U) * np.sign(h)),
    "line 110.1": lambda: same(dU, np.outer(d1, h)),
    "line 111.2": lambda: same(db2, d1 @ np.eye(Nc)) and same(db2, d1),
    "line 112.3": lambda: same(dWn, np.outer(d2, x)),
    # dJ/dtheta dz/db_1: a row of N_c times an D_h x D_h identity does not fit (N_c = 3, D_h = 4)
    "line 113.4": lambda: same(db1, d1 @ dz_db1) and same(db1, d2),
    "line 114.5": lambda: same(dx, d1 @ dz_dx) and same(dx, Wn.T @ d2),
}
planted = {
    "line 74": lambda: same(dJ_dW2, xr * delta_r),
    "line 80.3": lambda: same(d1, y - yhat),
    "line 105": lambda: same(d2, (d1 @ U) * h),
    "line 110.1": lambda: same(dU, np.outer(d1, x)),
    "line 112.3": lambda: same(dWn, d2 @ x),
}
confirm("ericrstats_cs224n_hw2.md", "ericrstats_cs224n_hw2_planted.md", checks, planted)
assert same(db1, d2) and same(dx, Wn.T @ d2)               # the ends of the two slipped chains are right
print("OK")
