"""Independent NumPy oracle for grosse_univariate(.md, _planted.md) and grosse_mlp(.md, _planted.md) (Grosse, CSC321
Winter 2018, lecture 6 "Backpropagation").

The lecture's conventions: y is the prediction and t the target; \\bar{v} is the derivative of the section's
objective by v (L, or L_reg = L + lambda R with R = 1/2 w^2 in the regularized part). Every derivative comes from
central finite differences of the objective; each claim is NumPy code of what it says (for every unit index), at
random parameters. A claim whose shapes do not fit counts as incorrect. Prints OK when every hand verdict holds.
Run: python oracle_grosse.py   (numpy only)
"""

import numpy as np
from fdcheck import EPS, confirm, grad, same

rng = np.random.default_rng(5)
LAM = 0.1
sig = lambda z: 1 / (1 + np.exp(-z))
dsig = lambda z: (sig(z + EPS) - sig(z - EPS)) / (2 * EPS)
d = lambda fun, v: (fun(v + EPS) - fun(v - EPS)) / (2 * EPS)


# --- univariate logistic least squares: z = w x + b, y = sigma(z), L = 1/2 (y - t)^2; R = 1/2 w^2, L_reg = L + lam R
w, b, x, t = rng.normal(size=4)
loss = lambda w, b: 0.5 * (sig(w * x + b) - t) ** 2
loss_reg = lambda w, b: loss(w, b) + LAM * 0.5 * w**2
z = w * x + b
y = sig(z)
dL_dw, dL_db = d(lambda v: loss(v, b), w), d(lambda v: loss(w, v), b)
dLr_dw, dLr_db = d(lambda v: loss_reg(v, b), w), d(lambda v: loss_reg(w, v), b)
dL_dy = d(lambda v: 0.5 * (v - t) ** 2, y)
dL_dz = d(lambda v: 0.5 * (sig(v) - t) ** 2, z)
close = np.isclose
confirm(
    {
        "univariate fwd-z, fwd-y, fwd-L": lambda: close(z, w * x + b) and close(y, sig(z)) and close(loss(w, b), 0.5 * (y - t) ** 2),
        "reg-R": lambda: close(loss_reg(w, b) - loss(w, b), LAM * 0.5 * w**2),  # R = 1/2 w^2 enters as lambda R
        "reg-bar-Lreg": lambda: close(d(lambda l: l, loss_reg(w, b)), 1.0),
        "naive-w": lambda: close(dL_dw, (sig(w * x + b) - t) * dsig(w * x + b) * x),
        "naive-b": lambda: close(dL_db, (sig(w * x + b) - t) * dsig(w * x + b)),
        "naive-bP": lambda: close(dL_db, (sig(w * x + b) - t) * dsig(w * x + b) * x),
        "chain-y": lambda: close(dL_dy, y - t),
        "chain-z": lambda: close(dL_dz, dL_dy * dsig(z)),
        "chain-zP": lambda: close(dL_dz, dL_dy * sig(z)),
        "chain-w": lambda: close(dL_dw, dL_dz * x),
        "chain-b": lambda: close(dL_db, dL_dz),
        "bar-y": lambda: close(dL_dy, y - t),
        "bar-yP": lambda: close(dL_dy, t - y),
        "bar-z": lambda: close(dL_dz, dL_dy * dsig(z)),
        "bar-w": lambda: close(dL_dw, dL_dz * x),
        "bar-wP": lambda: close(dL_dw, dL_dy * x),
        "bar-b": lambda: close(dL_db, dL_dz),
        "reg-Lreg": lambda: close(loss_reg(w, b), loss(w, b) + LAM * (0.5 * w**2)),
        # regularized section: bars are derivatives of L_reg
        "reg-bar-R": lambda: close(d(lambda r: loss(w, b) + LAM * r, 0.5 * w**2), LAM),
        "reg-bar-L": lambda: close(d(lambda l: l + LAM * 0.5 * w**2, loss(w, b)), 1.0),
        "reg-bar-y": lambda: close(d(lambda v: 0.5 * (v - t) ** 2 + LAM * 0.5 * w**2, y), 1.0 * (y - t)),
        "reg-bar-z": lambda: close(d(lambda v: 0.5 * (sig(v) - t) ** 2, z), (y - t) * dsig(z)),
        "reg-bar-w": lambda: close(dLr_dw, (y - t) * dsig(z) * x + LAM * w),
        "reg-bar-wP": lambda: close(dLr_dw, (y - t) * dsig(z) * x + 2 * LAM * w),
        "reg-bar-b": lambda: close(dLr_db, (y - t) * dsig(z)),
    }
)

# --- MLP: z = W1 x + b1, h = sigma(z), y = W2 h + b2, L = 1/2 ||t - y||^2; 3 inputs, 4 hidden, 2 outputs
W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(2, 4)), rng.normal(size=2)
xv, tv = rng.normal(size=3), rng.normal(size=2)


def mlp(W1=W1, b1=b1, W2=W2, b2=b2, z=None, h=None, y=None):
    z = W1 @ xv + b1 if z is None else z
    h = sig(z) if h is None else h
    y = W2 @ h + b2 if y is None else y
    return 0.5 * np.sum((tv - y) ** 2)


Z = W1 @ xv + b1
H = sig(Z)
Y = W2 @ H + b2
gy, gh, gz = grad(lambda v: mlp(y=v), Y), grad(lambda v: mlp(h=v), H), grad(lambda v: mlp(z=v), Z)
gW1, gb1 = grad(lambda v: mlp(W1=v), W1), grad(lambda v: mlp(b1=v), b1)
gW2, gb2 = grad(lambda v: mlp(W2=v), W2), grad(lambda v: mlp(b2=v), b2)
comp = lambda f, shape: np.array([[f(i, j) for j in range(shape[1])] for i in range(shape[0])])
confirm(
    {
        "fwd-z": lambda: same(Z, [sum(W1[i, j] * xv[j] for j in range(3)) + b1[i] for i in range(4)]),
        "fwd-h": lambda: same(H, sig(Z)),
        "fwd-y": lambda: same(Y, [sum(W2[k, i] * H[i] for i in range(4)) + b2[k] for k in range(2)]),
        "fwd-L": lambda: np.isclose(mlp(), 0.5 * sum((Y[k] - tv[k]) ** 2 for k in range(2))),
        "bwd-y": lambda: same(gy, 1.0 * (Y - tv)),
        "bwd-w2": lambda: same(gW2, comp(lambda k, i: gy[k] * H[i], (2, 4))),
        "bwd-w2P": lambda: same(gW2, comp(lambda k, i: gy[k] * xv[i], (2, 4))),  # x_3 does not exist: IndexError
        "bwd-b2": lambda: same(gb2, gy),
        "bwd-h": lambda: same(gh, [sum(gy[k] * W2[k, i] for k in range(2)) for i in range(4)]),
        "bwd-hP": lambda: same(gh, [sum(gy[k] * W2[i, k] for k in range(2)) for i in range(4)]),
        "bwd-z": lambda: same(gz, gh * dsig(Z)),
        "bwd-zP": lambda: same(gz, gh),
        "bwd-w1": lambda: same(gW1, comp(lambda i, j: gz[i] * xv[j], (4, 3))),
        "bwd-b1": lambda: same(gb1, gz),
        "mv-chain": lambda: same(gh, [sum(gy[k] * grad(lambda v: (W2 @ v + b2)[k], H)[i] for k in range(2)) for i in range(4)]),
        "vec-z": lambda: same(Z, W1 @ xv + b1),
        "vec-h": lambda: same(H, sig(Z)),
        "vec-y": lambda: same(Y, W2 @ H + b2),
        "vec-L": lambda: np.isclose(mlp(), 0.5 * np.linalg.norm(tv - Y) ** 2),
        "vec-bar-L": lambda: np.isclose(d(lambda l: l, mlp()), 1.0),
        "vec-bar-y": lambda: same(gy, Y - tv),
        "vec-bar-yP": lambda: same(gy, tv - Y),
        "vec-bar-W2": lambda: same(gW2, np.outer(gy, H)),
        "vec-bar-b2": lambda: same(gb2, gy),
        "vec-bar-h": lambda: same(gh, W2.T @ gy),
        "vec-bar-hP": lambda: same(gh, W2 @ gy),
        "vec-bar-z": lambda: same(gz, gh * dsig(Z)),
        "vec-bar-zP": lambda: same(gz, gh @ dsig(Z)),
        "vec-bar-W1": lambda: same(gW1, np.outer(gz, xv)),
        "vec-bar-W1P": lambda: same(gW1, np.outer(xv, gz)),
        "vec-bar-b1": lambda: same(gb1, gz),
    }
)
print("OK")
