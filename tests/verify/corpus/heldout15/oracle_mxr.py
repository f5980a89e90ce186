"""Independent NumPy oracle for mxr_backprop.tex / mxr_backprop_planted.tex (a student's Chinese slides on
backpropagation after Bishop).

The slides' worked example on random numbers: D = 3 inputs, M = 4 tanh units, K = 2 linear outputs, biases as weights of
a unit fixed at +1, E_n = 1/2 sum_k (y_k - t_k)^2; delta_j = dE_n/da_j, the weight gradients and the input Jacobian
J_ki = dy_k/dx_i by central differences; the output-unit cases (linear, logistic sigmoid, softmax) against the
Jacobians of those output functions. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_mxr.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(1508)
W1, W2 = rng.normal(size=(4, 4)), rng.normal(size=(2, 5))  # column 0 the bias unit's weights
x, t = rng.normal(size=3), rng.normal(size=2)
x0 = np.r_[1.0, x]
a1 = W1 @ x0
z = np.tanh(a1)
z0 = np.r_[1.0, z]
y = W2 @ z0
E_of = lambda V1, V2: 0.5 * float(((V2 @ np.r_[1.0, np.tanh(V1 @ x0)] - t) ** 2).sum())  # noqa: E731
g1, g2 = grad(lambda v: E_of(v, W2), W1), grad(lambda v: E_of(W1, v), W2)
d_out = grad(lambda a: 0.5 * float(((a - t) ** 2).sum()), y)  # delta_k = dE/da_k (a_k = y_k, linear)
d_hid = grad(lambda a: 0.5 * float(((W2 @ np.r_[1.0, np.tanh(a)] - t) ** 2).sum()), a1)  # delta_j
dE_da_out_of_hidden = jacobian(lambda a: W2 @ np.r_[1.0, np.tanh(a)], a1)  # da_k / da_j, [k, j]
J_in = jacobian(lambda v: W2 @ np.r_[1.0, np.tanh(W1 @ np.r_[1.0, v])], x)  # J_ki
dy_da_hid = jacobian(lambda a: W2 @ np.r_[1.0, np.tanh(a)], a1)  # dy_k / da_j
hp = 1 - z ** 2
kd = np.eye(2)  # Kronecker delta_kl
a_out = rng.normal(size=3)


def softmax(v):
    e = np.exp(v - v.max())
    return e / e.sum()


checks = {
    "line 139": lambda: same(g1, np.outer(d_hid, x0)),  # dE/dw_ji = dE/da_j da_j/dw_ji, da_j/dw_ji = z_i
    "line 157": lambda: same(g1, np.outer(d_hid, x0)) and same(g2, np.outer(d_out, z0)),
    "line 167": lambda: same(d_out, y - t),
    "line 176": lambda: same(d_hid, dE_da_out_of_hidden.T @ d_out),
    "line 185": lambda: same(d_hid, hp * (W2[:, 1:].T @ d_out)),
    "line 214": lambda: same(d_hid, hp * np.array([sum(W2[k, j + 1] * d_out[k] for k in range(2)) for j in range(4)])),
    "line 215": lambda: same(g2, np.outer(d_out, z0)),
    "line 235": lambda: same(d_out, y - t),
    "line 247": lambda: same(d_hid, (1 - z ** 2) * (W2[:, 1:].T @ d_out)),
    "line 252.1": lambda: same(g1, np.outer(d_hid, x0)),
    "line 253.2": lambda: same(g2, np.outer(d_out, z0)),
    "line 317": lambda: same(J_in, dy_da_hid @ W1[:, 1:]),
    "line 327": lambda: same(dy_da_hid, np.array([[hp[j] * sum(W2[l, j + 1] * kd[k, l] for l in range(2)) for j in range(4)]
                                                  for k in range(2)])),
    "line 334": lambda: same(jacobian(lambda v: v, a_out[:2]), kd),
    "line 335": lambda: same(jacobian(sigmoid, a_out), np.diag(sigmoid(a_out) * (1 - sigmoid(a_out)))),
    "line 336": lambda: same(jacobian(softmax, a_out), np.diag(softmax(a_out)) - np.outer(softmax(a_out), softmax(a_out))),
}
planted = {
    "line 185": lambda: same(d_hid[:2], hp[:2] * (W2[:, 1:3] @ d_out)),
    "line 247": lambda: same(d_hid, (1 - z) ** 2 * (W2[:, 1:].T @ d_out)),
    "line 253.2": lambda: same(g2[:, 1:3], np.outer(d_hid[:2], z[:2]).T),
    "line 317": lambda: same(J_in[:, :3], dy_da_hid[:, :3] @ W1[:3, 1:].T),
    "line 336": lambda: same(jacobian(softmax, a_out), np.diag(softmax(a_out)) + np.outer(softmax(a_out), softmax(a_out))),
    "line 215": lambda: same(g2[:, 1:3], np.outer(d_hid[:2], z[:2])),
}
confirm("mxr_backprop.tex", "mxr_backprop_planted.tex", checks, planted)
print("OK")
