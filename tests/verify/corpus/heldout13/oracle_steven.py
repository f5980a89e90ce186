"""Independent NumPy oracle for steven_backprop.tex / steven_backprop_planted.tex (Steven Van Vaerenbergh's derivation
after UFLDL: W^(l)_ij from unit j of layer l to unit i of layer l+1, weight decay).

The network (steven_backprop.spec.toml): a^(1) = x (3), z^(2) = W^(1) a^(1) + b^(1), a^(2) = f(z^(2)) (4),
z^(3) = W^(2) a^(2) + b^(2), a^(3) = f(z^(3)) = h (2), f the sigmoid; J(W,b;x,y) = 1/2 ||h - y||^2, the overall
J(W,b) = 1/m sum_k J(W,b;x^(k),y^(k)) + lambda/2 sum W^2 over m = 3 examples. Every derivative is a central
difference. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_steven.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(1305)
W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(2, 4)), rng.normal(size=2)
X, Y = rng.normal(size=(3, 3)), rng.uniform(0.1, 0.9, size=(3, 2))
lam, alpha, m = 0.01, 0.1, 3
fp = lambda z: sigmoid(z) * (1 - sigmoid(z))  # noqa: E731
x, y = X[0], Y[0]


def fwd(w1, v1, w2, v2, xx):
    z2 = w1 @ xx + v1
    a2 = sigmoid(z2)
    z3 = w2 @ a2 + v2
    return z2, a2, z3, sigmoid(z3)


def J1(w1, v1, w2, v2, xx, yy):
    return float(0.5 * np.sum((fwd(w1, v1, w2, v2, xx)[3] - yy) ** 2))


def Jall(w1, v1, w2, v2):
    return sum(J1(w1, v1, w2, v2, X[k], Y[k]) for k in range(m)) / m + lam / 2 * (np.sum(w1**2) + np.sum(w2**2))


z2, a2, z3, a3 = fwd(W1, b1, W2, b2, x)
dJ_dW1 = grad(lambda w: J1(w, b1, W2, b2, x, y), W1)
dJ_db1 = grad(lambda v: J1(W1, v, W2, b2, x, y), b1)
d2 = grad(lambda z: float(0.5 * np.sum((sigmoid(W2 @ sigmoid(z) + b2) - y) ** 2)), z2)  # delta^(2)
d3 = grad(lambda z: float(0.5 * np.sum((sigmoid(z) - y) ** 2)), z3)  # delta^(3)
dJ_da2 = grad(lambda a: float(0.5 * np.sum((sigmoid(W2 @ a + b2) - y) ** 2)), a2)
dJ_da3 = grad(lambda a: float(0.5 * np.sum((a - y) ** 2)), a3)
dz_dW = np.array([[grad(lambda w, i=i: float((w @ x + b1)[i]), W1)[i, j] for j in range(3)] for i in range(4)])  # dz_i/dW_ij
dzj_dWij = np.array([[grad(lambda w, j=j: float((w @ x + b1)[j]), W1)[i, j] for j in range(3)] for i in range(3)])  # dz_j/dW_ij
dz_db = np.array([grad(lambda v, i=i: float((W1 @ x + v)[i]), b1)[i] for i in range(4)])
dall_W1 = grad(lambda w: Jall(w, b1, W2, b2), W1)
dall_b1 = grad(lambda v: Jall(W1, v, W2, b2), b1)
per_W1 = [grad(lambda w, k=k: J1(w, b1, W2, b2, X[k], Y[k]), W1) for k in range(m)]
per_b1 = [grad(lambda v, k=k: J1(W1, v, W2, b2, X[k], Y[k]), b1) for k in range(m)]

checks = {
    "eq:weightedsum": lambda: same(z2, [sum(W1[i, j] * x[j] for j in range(3)) + b1[i] for i in range(4)]),
    "line 159.1": lambda: same(z3, W2 @ a2 + b2),
    "line 160.2": lambda: same(a2, sigmoid(z2)) and same(a3, sigmoid(z3)),
    "line 164": lambda: same(fwd(W1, b1, W2, b2, x)[3], sigmoid(z3)),
    "line 183.1": lambda: Jall(W1 - alpha * dall_W1, b1, W2, b2) < Jall(W1, b1, W2, b2),
    "line 184.2": lambda: Jall(W1, b1 - alpha * dall_b1, W2, b2) < Jall(W1, b1, W2, b2),
    "line 190.1": lambda: same(dall_W1, sum(per_W1) / m + lam * W1),
    "eq:chainw": lambda: same(dJ_dW1, np.array([[d2[i] * dz_dW[i, j] for j in range(3)] for i in range(4)])),
    "eq:chainb": lambda: same(dJ_db1, d2) and same(dz_db, np.ones(4)),
    "line 203": lambda: same(dz_db, np.ones(4)),
    "line 205": lambda: same(dz_dW[:3, :3], np.array([[x[i] for j in range(3)] for i in range(3)])),  # THE AUTHOR'S SLIP: a_i for a_j
    "eq:deltachain": lambda: same(d2, dJ_da2 * fp(z2)) and same(d3, dJ_da3 * fp(z3)),
    "line 229": lambda: same(dJ_da3, a3 - y),
    "line 233": lambda: same(dJ_da2, [sum(d3[j] * W2[j, i] for j in range(2)) for i in range(4)]),
}
planted = {
    "line 183.1": lambda: Jall(W1 + alpha * dall_W1, b1, W2, b2) < Jall(W1, b1, W2, b2),
    "line 190.1": lambda: same(dall_W1, sum(per_W1) + lam * W1),
    "eq:chainw": lambda: same(dJ_dW1[:3, :3], [[d2[j] * dzj_dWij[i, j] for j in range(3)] for i in range(3)]),
    "eq:deltachain": lambda: same(d2, dJ_da2 * fp(W2 @ a2 + b2)),
    "line 229": lambda: same(dJ_da3, y - a3),
    "line 233": lambda: same(dJ_da2[:2], [sum(d3[j] * W2[i, j] for j in range(2)) for i in range(2)]),
}
confirm("steven_backprop.tex", "steven_backprop_planted.tex", checks, planted)
print("OK")
