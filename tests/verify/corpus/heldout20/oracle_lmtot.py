"""Independent NumPy oracle for lmtot_backprop_vi.md, lmtot_backprop_en.md and their planted copies (a learner's
notes, in Vietnamese and in English, on the backpropagation of a ReLU/softmax MLP, row vectors: z^l = a^{l-1} W^l +
b^l, W^l (n x m), batch size 1).

A random network 4 -> 5 (ReLU) -> 3 (softmax), one example with a one-hot target (class c); L = -sum_i y_i log a^L_i.
Every derivative is taken by central differences of L (or of the forward pass's own quantities) and compared with each
claim's NumPy expression evaluated as written (a product whose shapes do not conform does not hold); a chain holds
when every link does. An update rule W <- W - eta dL/dW holds when the step lowers L (gradient descent for a small
eta). Prints OK when every verdict of MANIFEST.toml holds. Run: python oracle_lmtot.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same

rng = np.random.default_rng(2020)
n, h, K, c = 4, 5, 3, 1
a0 = rng.normal(size=(1, n))
W = {1: rng.normal(size=(n, h)), 2: rng.normal(size=(h, K))}
b = {1: rng.normal(size=(1, h)), 2: rng.normal(size=(1, K))}
y = np.eye(K)[[c]]


def relu(v):
    return np.maximum(0, v)


def softmax(u):
    e = np.exp(u - u.max())
    return e / e.sum()


def forward(W1=W[1], b1=b[1], W2=W[2], b2=b[2]):
    z1 = a0 @ W1 + b1
    a1 = relu(z1)
    z2 = a1 @ W2 + b2
    return z1, a1, z2, softmax(z2)


def loss(a2):
    return float(-np.sum(y * np.log(a2)))


z1, a1, z2, a2 = forward()
assert np.min(np.abs(z1)) > 1e-3  # ReLU differentiable at every z1
L = loss(a2)
A = {0: a0, 1: a1, 2: a2}
Z = {1: z1, 2: z2}
D = {
    2: grad(lambda zz: loss(softmax(zz)), z2),  # delta^2 = dL/dz^2
    1: grad(lambda zz: loss(softmax(relu(zz) @ W[2] + b[2])), z1),
}  # delta^1 = dL/dz^1
dW = {1: grad(lambda v: loss(forward(W1=v)[3]), W[1]), 2: grad(lambda v: loss(forward(W2=v)[3]), W[2])}
db = {1: grad(lambda v: loss(forward(b1=v)[3]), b[1]), 2: grad(lambda v: loss(forward(b2=v)[3]), b[2])}
J = jacobian(lambda zz: softmax(zz), z2[0])  # J[i, j] = d a_i / d z_j
ez, S = np.exp(z2[0]), np.exp(z2[0]).sum()
ac = a2[0, c]
# dz^l_j / dW^l_ij, dz^l_j / db^l_j, dz^2_j / da^1_i, da^1_i / dz^1_i by central differences of the forward pass
dz_dW = {
    1: np.array([[grad(lambda v, i=i, j=j: float((a0 @ v + b[1])[0, j]), W[1])[i, j] for j in range(h)] for i in range(n)]),
    2: np.array([[grad(lambda v, i=i, j=j: float((a1 @ v + b[2])[0, j]), W[2])[i, j] for j in range(K)] for i in range(h)]),
}
dz_db = {
    1: np.array([grad(lambda v, j=j: float((a0 @ W[1] + v)[0, j]), b[1])[0, j] for j in range(h)]),
    2: np.array([grad(lambda v, j=j: float((a1 @ W[2] + v)[0, j]), b[2])[0, j] for j in range(K)]),
}
dz2_da1 = jacobian(lambda v: (v @ W[2] + b[2])[0], a1[0]).T  # [i, j] = d z^2_j / d a^1_i
da1_dz1 = np.diag(jacobian(lambda v: relu(v), z1[0]))


def descends(step, name):
    """The update of W^l (name "W") or b^l ("b") lowers L for a small learning rate, at both layers (gradient descent):
    step(p, eta, dp) -> the new p."""
    eta, p, dp = 1e-3, {"W": W, "b": b}[name], {"W": dW, "b": db}[name]
    return all(loss(forward(**{f"{name}{l}": step(p[l], eta, dp[l])})[3]) < L for l in (1, 2))


def relu_prime(v):
    return (v > 0).astype(float)


checks = {
    "line 51": lambda: abs(L - (-np.log(ac))) < 1e-12,
    "line 54": lambda: same(D[2], a2 - y),
    "line 65": lambda: same(
        J, np.array([[a2[0, i] * (1 - a2[0, i]) if i == j else -a2[0, i] * a2[0, j] for j in range(K)] for i in range(K)])
    ),
    "line 74": lambda: all(
        same(J[i, i], grad(lambda v, i=i: float(np.exp(v[i]) / np.exp(v).sum()), z2[0])[i])
        and same(J[i, i], (ez[i] * S - ez[i] * ez[i]) / S**2)
        and same(J[i, i], a2[0, i] * (1 - a2[0, i]))
        for i in range(K)
    ),
    "line 79": lambda: all(
        same(J[i, j], -ez[i] * ez[j] / S**2) and same(J[i, j], -a2[0, i] * a2[0, j]) for i in range(K) for j in range(K) if i != j
    ),
    "line 87": lambda: all(
        same(D[2][0, j], grad(lambda v: float(-np.log(softmax(v)[c])), z2[0])[j]) and same(D[2][0, j], -1 / ac * J[c, j]) for j in range(K)
    ),
    "line 92": lambda: same(D[2][0, c], -1 / ac * ac * (1 - ac)) and same(D[2][0, c], -(1 - ac)) and same(D[2][0, c], ac - 1),
    "line 97": lambda: all(same(D[2][0, j], -1 / ac * (-ac * a2[0, j])) and same(D[2][0, j], a2[0, j]) for j in range(K) if j != c),
    "line 105": lambda: all(same(D[2][0, j], a2[0, j] - y[0, j]) for j in range(K)),
    "line 111": lambda: same(D[2], a2 - y),
    "line 137": lambda: all(same(dW[l], D[l] * dz_dW[l]) for l in (1, 2)),
    "line 140": lambda: all(same(dz_dW[l], np.repeat(A[l - 1].T, dz_dW[l].shape[1], axis=1)) for l in (1, 2)),
    "line 143": lambda: all(same(dW[l], np.outer(A[l - 1], D[l])) for l in (1, 2)),
    "line 149": lambda: all(same(dW[l], A[l - 1].T @ D[l]) for l in (1, 2)),
    "line 161": lambda: all(same(db[l][0], D[l][0] * dz_db[l]) for l in (1, 2)),
    "line 164": lambda: all(same(dz_db[l], np.ones_like(dz_db[l])) for l in (1, 2)),
    "line 167": lambda: all(same(db[l], D[l]) for l in (1, 2)),
    "line 181": lambda: all(same(D[1][0, i], sum(D[2][0, j] * dz2_da1[i, j] * da1_dz1[i] for j in range(K))) for i in range(h)),
    "line 187": lambda: same(dz2_da1, W[2]),
    "line 193": lambda: same(da1_dz1, relu_prime(z1[0])),
    "line 203": lambda: all(same(D[1][0, i], sum(D[2][0, j] * W[2][i, j] for j in range(K)) * relu_prime(z1[0, i])) for i in range(h)),
    "line 209": lambda: same(D[1], (D[2] @ W[2].T) * relu_prime(z1)),
    "line 215": lambda: same(D[1], (D[2] @ W[2].T) * relu_prime(a1)),
    "line 230": lambda: same(D[2], a2 - y),
    "line 248": lambda: all(same(dW[l], A[l - 1].T @ D[l]) for l in (1, 2)),
    "line 249": lambda: all(same(db[l], D[l]) for l in (1, 2)),
    "line 257": lambda: all(same(dW[l], np.outer(A[l - 1], D[l])) for l in (1, 2)),
    "line 273": lambda: same(D[1], (D[2] @ W[2].T) * relu_prime(a1)),
    "line 300": lambda: descends(lambda w, eta, g: w - eta * g, "W"),
    "line 301": lambda: descends(lambda w, eta, g: w - eta * g, "b"),
    "line 346.1": lambda: descends(lambda w, eta, g: w - eta * g, "W"),
    "line 347.2": lambda: descends(lambda w, eta, g: w - eta * g, "b"),
}
planted = {
    "line 74": lambda: all(
        same(J[i, i], (ez[i] * S + ez[i] * ez[i]) / S**2) and same(J[i, i], a2[0, i] * (1 - a2[0, i])) for i in range(K)
    ),
    "line 92": lambda: same(D[2][0, c], -(1 - ac)) and same(D[2][0, c], 1 - ac),
    "line 105": lambda: all(same(D[2][0, j], y[0, j] - a2[0, j]) for j in range(K)),
    "line 143": lambda: all(same(dW[l], np.outer(A[l], D[l])) for l in (1, 2)),
    "line 149": lambda: all(same(dW[l], D[l] @ A[l - 1].T) for l in (1, 2)),
    "line 187": lambda: same(dz2_da1, W[2].T),
    "line 209": lambda: same(D[1], (D[2] @ W[2]) * relu_prime(z1)),
    "line 300": lambda: descends(lambda w, eta, g: w + eta * g, "W"),
}
planted_en = {
    "line 79": lambda: all(
        same(J[i, j], -ez[i] * ez[j] / S**2) and same(J[i, j], a2[0, i] * a2[0, j]) for i in range(K) for j in range(K) if i != j
    ),
    "line 97": lambda: all(same(D[2][0, j], -1 / ac * (-ac * a2[0, j])) and same(D[2][0, j], -a2[0, j]) for j in range(K) if j != c),
    "line 111": lambda: same(D[2], y - a2),
    "line 167": lambda: all(same(db[l], A[l - 1].T @ D[l]) for l in (1, 2)),
    "line 203": lambda: all(same(D[1][0, i], sum(D[2][0, j] * W[2][j, i] for j in range(K)) * relu_prime(z1[0, i])) for i in range(h)),
    "line 215": lambda: same(D[1], (D[2] @ W[2].T) * a1),
    "line 248": lambda: all(same(dW[l], A[l - 1] @ D[l].T) for l in (1, 2)),
    "line 347.2": lambda: descends(lambda w, eta, g: w + eta * g, "b"),
}
confirm("lmtot_backprop_vi.md", "lmtot_backprop_vi_planted.md", checks, planted)
confirm("lmtot_backprop_en.md", "lmtot_backprop_en_planted.md", checks, planted_en)
print("OK")
