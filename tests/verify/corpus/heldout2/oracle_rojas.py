"""Independent NumPy oracle for rojas.toml / rojas_planted.toml (Rojas, Neural Networks, ch. 7).

Rojas's conventions: row vectors of outputs, o^(1) = s(ô W̄_1), o^(2) = s(ô^(1) W̄_2), ô = (o, 1) with the constant 1
LAST, W̄ the (in + 1) x out matrix whose last row holds the biases, W_2 = W̄_2 without that row; delta = dE/dnet as
column vectors, e = (o^(2) - t)^T, D_i = diag(o^(i)(1 - o^(i))); E = 1/2 sum_j (o_j^(2) - t_j)^2; gamma the learning
constant. Derivatives by central finite differences; each claim is NumPy code of what it says (for every unit index).
A claim whose shapes do not fit counts as incorrect. Prints OK when every hand verdict holds.
Run: python oracle_rojas.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(1996)
GAMMA, n, k, m = 0.1, 3, 4, 2
Wb1, Wb2 = rng.normal(size=(n + 1, k)), rng.normal(size=(k + 1, m))  # W̄_1, W̄_2 (biases in the last row)
o = rng.normal(size=(1, n))
t = rng.uniform(0, 1, (1, m))
s = lambda v: 1 / (1 + np.exp(-v))
ext = lambda row: np.hstack([row, [[1.0]]])


def forward(Wb1=Wb1, Wb2=Wb2, net1=None, net2=None):
    net1 = ext(o) @ Wb1 if net1 is None else net1
    o1 = s(net1)
    net2 = ext(o1) @ Wb2 if net2 is None else net2
    return o1, s(net2), net1, net2


E = lambda o2: 0.5 * float(np.sum((o2 - t) ** 2))


o1, o2, net1, net2 = forward()
d1 = grad(lambda v: E(forward(net1=v)[1]), net1).T  # delta^(1): k x 1 column
d2 = grad(lambda v: E(forward(net2=v)[1]), net2).T  # delta^(2): m x 1 column
gW1 = grad(lambda v: E(forward(Wb1=v)[1]), Wb1)  # dE/dW̄_1, (n+1) x k
gW2 = grad(lambda v: E(forward(Wb2=v)[1]), Wb2)
oh, oh1 = ext(o), ext(o1)  # ô, ô^(1): rows
D1, D2 = np.diag((o1 * (1 - o1)).ravel()), np.diag((o2 * (1 - o2)).ravel())
e = (o2 - t).T
W2 = Wb2[:-1, :]  # without the bias row
step1, step2 = -GAMMA * gW1, -GAMMA * gW2  # the gradient-descent corrections
xs = np.linspace(-4, 4, 9)


comp = lambda f, shape: np.array([[f(i, j) for j in range(shape[1])] for i in range(shape[0])])
claims = {
    "sigmoid-derivative": lambda: (
        same(grad(lambda v: np.sum(s(v)), xs), np.exp(-xs) / (1 + np.exp(-xs)) ** 2)
        and same(grad(lambda v: np.sum(s(v)), xs), s(xs) * (1 - s(xs)))
    ),
    "net-hidden": lambda: same(net1.ravel(), [sum(Wb1[i, j] * oh[0, i] for i in range(n + 1)) for j in range(k)]),
    "out-hidden": lambda: same(o1.ravel(), [s(sum(Wb1[i, j] * oh[0, i] for i in range(n + 1))) for j in range(k)]),
    "out-hidden-vec": lambda: same(o1, s(oh @ Wb1)),
    "out-output-vec": lambda: same(o2, s(oh1 @ Wb2)),
    "error": lambda: np.isclose(E(o2), 0.5 * sum((o2[0, j] - t[0, j]) ** 2 for j in range(m))),
    "delta-output": lambda: same(d2.ravel(), [o2[0, j] * (1 - o2[0, j]) * (o2[0, j] - t[0, j]) for j in range(m)]),
    "dE-dw-output": lambda: same(gW2, comp(lambda i, j: d2[j, 0] * oh1[0, i], gW2.shape)),
    "dE-dw-outputP": lambda: same(gW2, comp(lambda i, j: d2[j, 0] * oh[0, i], gW2.shape)),  # ô has n + 1 = 4 < k + 1 entries
    "correction-output": lambda: same(step2, comp(lambda i, j: -GAMMA * oh1[0, i] * d2[j, 0], gW2.shape)),
    "delta-hidden": lambda: same(d1.ravel(), [o1[0, j] * (1 - o1[0, j]) * sum(Wb2[j, q] * d2[q, 0] for q in range(m)) for j in range(k)]),
    "delta-hiddenP": lambda: same(d1.ravel(), [o1[0, j] * (1 - o1[0, j]) * sum(Wb2[j, q] * d1[q, 0] for q in range(m)) for j in range(k)]),
    "correction-hidden": lambda: same(step1, comp(lambda i, j: -GAMMA * oh[0, i] * d1[j, 0], gW1.shape)),
    "correction-hiddenP": lambda: same(step1, comp(lambda i, j: GAMMA * oh[0, i] * d1[j, 0], gW1.shape)),
    "matrix-delta-output": lambda: same(d2, D2 @ e),
    "matrix-delta-outputP": lambda: same(d2, e),
    "matrix-delta-hidden": lambda: same(d1, D1 @ W2 @ d2),
    "matrix-delta-hiddenP": lambda: same(d1, D1 @ W2.T @ d2),
    "matrix-correction-output": lambda: same(step2.T, -GAMMA * d2 @ oh1),
    "matrix-correction-outputP": lambda: same(step2, -GAMMA * d2 @ oh1),
    "matrix-correction-hidden": lambda: same(step1.T, -GAMMA * d1 @ oh),
    "matrix-delta-general": lambda: same(d1, D1 @ W2 @ d2),  # i = 1, the only hidden layer
}
confirm(claims)
print("OK")
