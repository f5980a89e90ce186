"""Independent NumPy oracle for menetn_optimizers.toml / menetn_optimizers_planted.toml (menetn's ETH Deep Learning
summary sheet: gradient descent, Newton, minibatch and SVRG gradients, SignSGD, Nesterov, the heavy ball, AdaGrad,
Adam, AMSGrad, and the backpropagation chain).

Each recurrence is compared with the reference algorithm written out here from its paper (Nesterov's look-ahead form,
Polyak's heavy ball, Duchi et al.'s AdaGrad, Kingma & Ba's Adam -- compared at delta = 0 --, Reddi et al.'s AMSGrad,
Johnson & Zhang's SVRG) on a smooth random objective (logistic losses of random examples); the calculus claims by
central differences. Prints OK when every verdict of MANIFEST.toml holds. Run: python oracle_menetn.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(1407)
n, d = 6, 3
Xd, Yd = rng.normal(size=(n, d)), rng.integers(0, 2, size=n).astype(float)


def fi(th, i):  # one example's loss
    p = sigmoid(Xd[i] @ th)
    return float(-(Yd[i] * np.log(p) + (1 - Yd[i]) * np.log(1 - p)))


F = lambda th: float(np.mean([fi(th, i) for i in range(n)]))  # noqa: E731
gF = lambda th: grad(F, th)  # noqa: E731
gi = lambda th, i: grad(lambda v: fi(v, i), th)  # noqa: E731
th, eta, beta = rng.normal(size=d), 0.1, 0.8
g = gF(th)
H = np.array([grad(lambda v, j=j: float(gF(v)[j]), th) for j in range(d)])  # the Hessian by differences

# steepest descent direction: among unit directions, -g/|g| lowers F the most for small eta
dirs = rng.normal(size=(300, d))
dirs /= np.linalg.norm(dirs, axis=1, keepdims=True)
star = -g / np.linalg.norm(g)
steepest_ok = all(F(th + 1e-4 * star) <= F(th + 1e-4 * u) + 1e-12 for u in dirs)

# implicit step theta' = theta - eta grad F(theta') by fixed-point iteration
imp = th.copy()
for _ in range(200):
    imp = th - eta * gF(imp)

# Nesterov (look-ahead form) and the heavy ball, from x_{-1} = x_0
x_prev, x = th - 0.05, th.copy()
y = x + beta * (x - x_prev)
x_next = y - eta * gF(y)
y_next = x_next + beta * (x_next - x)
xs = [th.copy(), th.copy()]  # x_{-1}, x_0
for _ in range(5):
    xs.append(xs[-1] - eta * gF(xs[-1]) + beta * (xs[-1] - xs[-2]))
hb_ok = all(same(xs[t + 2] - xs[t + 1], -eta * sum(beta ** (t - k) * gF(xs[k + 1]) for k in range(t + 1))) for t in range(5))
gc = rng.normal(size=d)  # a constant gradient: the step tends to -eta/(1 - beta) g
stp = np.zeros(d)
for _ in range(400):
    stp = -eta * gc + beta * stp
hb_limit = same(stp, -eta / (1 - beta) * gc)

# AdaGrad / Adam / AMSGrad state at step t
a1, b2, dlt, t = 0.9, 0.999, 1e-8, 5
G = rng.uniform(0.1, 2, size=d)  # gamma_{t-1}^2: the accumulated squares
gt = gi(th, 2)
m, v = rng.normal(size=d), rng.uniform(0.1, 1, size=d)
m1, v1 = a1 * m + (1 - a1) * gt, b2 * v + (1 - b2) * gt**2
kingma = th - eta * (m1 / (1 - a1 ** (t + 1))) / np.sqrt(v1 / (1 - b2 ** (t + 1)))  # delta = 0
vt_prev = rng.uniform(0.1, 1, size=d)
# AdaGrad over three steps: Duchi et al. (the root of the sum of the squared gradients so far) against the sheet's
# rate eta / (gamma_{t,j} + delta) with gamma_{t,j}^2 = gamma_{t-1,j}^2 + g^2
hist, ada_duchi = [], th.copy()
for _ in range(3):
    hist.append(gF(ada_duchi))
    ada_duchi = ada_duchi - eta * hist[-1] / (np.sqrt(np.sum(np.square(hist), axis=0)) + dlt)
gam2, ada_sheet = np.zeros(d), th.copy()
for _ in range(3):
    gg = gF(ada_sheet)
    gam2 = gam2 + gg**2
    ada_sheet = ada_sheet - eta / (np.sqrt(gam2) + dlt) * gg

# backprop chain: z_{l+1} = W2 sigma(z_l) + b, L = ||tanh(W3 z_{l+1})||^2; theta = W1 in F_theta(h) = W1 h
W1, W2, W3, b = rng.normal(size=(3, 4)), rng.normal(size=(2, 3)), rng.normal(size=(2, 2)), rng.normal(size=2)
h0 = rng.normal(size=4)
Hmap = lambda u: np.tanh(u)  # noqa: E731
Gmap = lambda z: np.sin(W2 @ z)  # noqa: E731
zl = W1 @ Hmap(h0)
Lz1 = lambda z1: float((np.tanh(W3 @ z1) ** 2).sum())  # noqa: E731
Lzl = lambda z: Lz1(W2 @ sigmoid(z) + b)  # noqa: E731
zl1 = W2 @ sigmoid(zl) + b
row_l, row_l1 = grad(Lzl, zl), grad(Lz1, zl1)
Jl = jacobian(lambda z: W2 @ sigmoid(z) + b, zl)  # dz_{l+1}/dz_l, 2 x 3
dW = grad(lambda w: Lzl(w @ Hmap(h0)), W1)
JzW = np.array([grad(lambda w, k=k: float((w @ Hmap(h0))[k]), W1) for k in range(3)])  # dz_l/dW, 3 x 3 x 4
chain_lhs = jacobian(lambda w: Gmap(w.reshape(3, 4) @ Hmap(h0)), W1.ravel())
chain_rhs = jacobian(Gmap, W1 @ Hmap(h0)) @ jacobian(lambda w: w.reshape(3, 4) @ Hmap(h0), W1.ravel())

checks = {
    "steepest": lambda: steepest_ok,
    "gd": lambda: F(th - 1e-3 * g) < F(th) and same(th - eta * gF(th), th - eta * g),
    "newton": lambda: same(g + H @ (-np.linalg.solve(H, g)), np.zeros(d), atol=1e-5),
    "batch.unbiased": lambda: same(np.mean([gi(th, i) for i in range(n)], axis=0), g),
    "batch.gradient": lambda: same(np.mean([fi(th, i) for i in range(n)]), g),  # a number for a gradient
    "svrg": lambda: same(np.mean([gi(th, i) - gi(th + 0.3, i) + gF(th + 0.3) for i in range(n)], axis=0), g),
    "signsgd": lambda: same(th - eta * np.sign(gi(th, 1)), th - eta * gi(th, 1) / np.abs(gi(th, 1))),
    "nesterov.step": lambda: same(x_next, y - eta * gF(y_next)),
    "nesterov.lookahead": lambda: same(y, x + beta * (x - x_prev)),
    "heavyball": lambda: same(xs[3], xs[2] - eta * gF(xs[2]) + beta * (xs[2] - xs[1])),
    "heavyball.unrolled": lambda: hb_ok and hb_limit,
    "adagrad.rate": lambda: same(ada_sheet, ada_duchi),
    "adagrad.gamma": lambda: same(G + gt**2, G + grad(lambda v: fi(v, 2), th) ** 2),
    "adam.first": lambda: same(a1 * m + (1 - a1) * gt, m1),
    "adam.second": lambda: same(b2 * v + (1 - b2) * gt**2, v1),
    "adam.update": lambda: same(th + eta / (np.sqrt(v) / (1 - b2)) * m1 / (1 - a1), kingma),
    "amsgrad": lambda: same(np.maximum(np.sqrt(v1), np.sqrt(vt_prev)), np.sqrt(np.maximum(v1, vt_prev))),
    "bp.chainrule": lambda: same(chain_lhs, chain_rhs),
    "bp.xi": lambda: same(row_l, row_l1 @ Jl),
    "bp.weights": lambda: same(dW, np.einsum("k,kij->ij", row_l, JzW)),
}
planted = {
    "gd": lambda: same(imp, th - eta * g),
    "newton": lambda: same(g + H @ (-H @ g), np.zeros(d), atol=1e-5),
    "nesterov.lookahead": lambda: same(y, x - beta * (x - x_prev)),
    "heavyball": lambda: same(xs[3], xs[2] - eta * gF(xs[2]) + beta * (xs[1] - xs[2])),
    "adagrad.gamma": lambda: same(G + 2 * gt**2, G + grad(lambda v: fi(v, 2), th) ** 2),
    "adam.first": lambda: same(a1 * m + a1 * gt, m1),
    "bp.xi": lambda: same(row_l, row_l1 @ Jl.T),  # dz_l/dz_{l+1}: 3 x 2, the shapes do not fit
}
confirm("menetn_optimizers.toml", "menetn_optimizers_planted.toml", checks, planted)
print("OK")
