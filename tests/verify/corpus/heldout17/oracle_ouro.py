"""Independent NumPy oracle for ouro_batchnorm.md and ouro_twolayer.md (and their planted copies): a CS231n student's
Chinese notes on the batch-norm and affine backward passes.

Batch norm: a batch of m = 5 samples of one feature, y_i = gamma x-hat_i + beta, l a fixed smooth function of the y_i;
each graph partial is the central difference of its node's own formula with the other nodes held fixed, each total
derivative the central difference of l. Affine: out = x W + b (x a row of d = 4 inputs, W (4, 3)), L a fixed smooth
function of out, derivatives by central differences. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_ouro.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same

rng = np.random.default_rng(1717)
m, eps = 5, 1e-5
x, gamma, beta = rng.normal(size=m), 1.3, -0.4
c1, c2 = rng.normal(size=m), rng.normal(size=m)
ell = lambda yv: float(np.sum(c1 * yv + c2 * np.sin(yv)))  # noqa: E731


def bn(xv, g=gamma, b=beta):
    mu = np.mean(xv)
    var = np.mean((xv - mu) ** 2)
    return g * (xv - mu) / np.sqrt(var + eps) + b


mu, var = np.mean(x), np.var(x)
xhat = (x - mu) / np.sqrt(var + eps)
yv = bn(x)
dy = grad(ell, yv)  # dout
dxhat = dy * gamma
i = 2  # the sample the per-sample partials are taken at
d_beta = grad(lambda v: ell(bn(x, gamma, v[0])), np.array([beta]))[0]
d_gamma = grad(lambda v: ell(bn(x, v[0], beta)), np.array([gamma]))[0]
xhat_of = lambda xi, mu_, var_: (xi - mu_) / np.sqrt(var_ + eps)  # noqa: E731
p_y_xhat = grad(lambda v: float(gamma * v[0] + beta), np.array([xhat[i]]))[0]
p_xhat_x = grad(lambda v: float(xhat_of(v[0], mu, var)), np.array([x[i]]))[0]
p_xhat_mu = grad(lambda v: float(xhat_of(x[i], v[0], var)), np.array([mu]))[0]
p_xhat_var = grad(lambda v: float(xhat_of(x[i], mu, v[0])), np.array([var]))[0]
p_var_x = grad(lambda v: float(np.mean((np.r_[x[:i], v[0], x[i + 1:]] - mu) ** 2)), np.array([x[i]]))[0]
p_var_mu = grad(lambda v: float(np.mean((x - v[0]) ** 2)), np.array([mu]))[0]
p_mu_x = grad(lambda v: float(np.mean(np.r_[x[:i], v[0], x[i + 1:]])), np.array([x[i]]))[0]
# dl/dsigma^2 through every x-hat_j, the graph's node sigma^2 perturbed alone
d_var = grad(lambda v: ell(gamma * xhat_of(x, mu, v[0]) + beta), np.array([var]))[0]
# the first layer before batch norm: out = input W + b over a batch of 2 samples; l any function of out
inp, Wa, ba = rng.normal(size=(2, 3)), rng.normal(size=(3, 2)), rng.normal(size=2)
lo = lambda o: float(np.sum(np.cos(o) * [[1.0, 2.0], [-1.0, 0.5]]))  # noqa: E731
dout = grad(lambda v: lo(v.reshape(2, 2)), (inp @ Wa + ba).ravel()).reshape(2, 2)
db = grad(lambda v: lo(inp @ Wa + v), ba)

bn_checks = {
    "line 41": lambda: same(db[0], dout[0, 0] + dout[1, 0]) and same(db[1], dout[0, 1] + dout[1, 1]),
    "line 43": lambda: same(db, dout.sum(axis=0)),
    "line 47": lambda: same(yv, gamma * x + beta),
    "line 58": lambda: same(d_beta, np.sum(dy)),
    "line 60": lambda: same(d_gamma, np.sum(dy * xhat)),
    "line 66.1": lambda: same(p_y_xhat, gamma),
    "line 67.2": lambda: same(p_xhat_x, 1 / np.sqrt(var + eps)),
    "line 68.3": lambda: same(p_xhat_mu, -1 / np.sqrt(var + eps)),
    "line 69.4": lambda: same(p_xhat_var, (x[i] - mu) * -0.5 * (var + eps) ** -1.5),
    "line 70.5": lambda: same(p_var_x, 2 * (x[i] - mu) / m),
    "line 71.6": lambda: same(p_var_mu, -2 * np.sum(x - mu) / m),
    "line 72.7": lambda: same(p_mu_x, 1 / m),
    "line 76": lambda: same(d_var, np.sum(dxhat * (x - mu) * -0.5 * (var + eps) ** -1.5)),
}
bn_planted = {
    "line 41": lambda: same(db[0], dout[0, 0] + dout[0, 1]),
    "line 60": lambda: same(d_gamma, np.sum(dy * x)),
    "line 69.4": lambda: same(p_xhat_var, (x[i] - mu) * -0.5 * (var + eps) ** -0.5),
    "line 70.5": lambda: same(p_var_x, 2 * (x[i] - mu)),
    "line 76": lambda: same(d_var, dxhat[i] * (x[i] - mu) * -0.5 * (var + eps) ** -1.5),
}

# affine_backward for one sample: out = x W + b
xs, W, b = rng.normal(size=4), rng.normal(size=(4, 3)), rng.normal(size=3)
cL = rng.normal(size=3)
L = lambda o: float(np.sum(cL * np.tanh(o)))  # noqa: E731
out = xs @ W + b
do = grad(L, out)
dx = grad(lambda v: L(v @ W + b), xs)
dbias = grad(lambda v: L(xs @ W + v), b)
dW = grad(lambda v: L(xs @ v.reshape(4, 3) + b), W.ravel()).reshape(4, 3)
J_ox = jacobian(lambda v: v @ W + b, xs)  # [i, j] = d out_i / d x_j
J_oW = jacobian(lambda v: xs @ v.reshape(4, 3) + b, W.ravel())  # [i, (p, q)] = d out_i / d W_pq
dout0_dW = J_oW[0].reshape(4, 3)
X2, D2 = rng.normal(size=(2, 4)), rng.normal(size=(2, 3))  # a batch: dL/dW = X^T dout

two_checks = {
    "line 7": lambda: same(dbias[0], do[0]),
    "line 13": lambda: same(dx, do @ J_ox),
    "line 17#2": lambda: same(J_ox[0], W[:, 0]),
    "line 17#3": lambda: all(same(J_ox[k], W[:, k]) for k in range(3)),
    "line 17#4": lambda: same(dx, sum(do[k] * W[:, k] for k in range(3))) and same(dx, do @ W.T),
    "line 23": lambda: same(J_oW[0].reshape(4, 3)[0, 0], xs[0]) and same(J_oW[1].reshape(4, 3)[0, 1], xs[0])
    and same(J_oW[0].reshape(4, 3)[1, 0], xs[1]),
    "line 25": lambda: dout0_dW.shape == xs.shape and same(dout0_dW, xs),
    # the first statement: d out / d W = sum_i d out_i / d W = sum_i x (a 4x3 array of derivatives is no sum of x)
    "line 27": lambda: same(J_oW.sum(axis=0).reshape(4, 3), np.tile(xs[:, None], (1, 3)) * 3)
    and same(sum(np.outer(X2[k], D2[k]) for k in range(2)), X2.T @ D2),
}
two_planted = {
    "line 7": lambda: same(dbias[0], do[0] * xs[0]),
    "line 13": lambda: same(dx, do + J_ox.sum(axis=0)),
    "line 17#2": lambda: same(J_ox[0], W[:, 1]),
    "line 23": lambda: same(J_oW[1].reshape(4, 3)[0, 1], xs[1]),
}
confirm("ouro_batchnorm.md", "ouro_batchnorm_planted.md", bn_checks, bn_planted)
confirm("ouro_twolayer.md", "ouro_twolayer_planted.md", two_checks, two_planted)
print("OK")
