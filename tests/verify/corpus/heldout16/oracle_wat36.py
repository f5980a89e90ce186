"""Independent NumPy oracle for wat36_backprop.md / wat36_backprop_planted.md (WAT36's Japanese notes, after Ito's
textbook ch. 7).

Two inputs plus the dummy x_2 = 1, two sigmoid hidden units plus the dummy z_2 = 1, three softmax outputs; N = 3
examples with one-hot targets; E_n = -sum_k t_nk log y_nk and E = (1/N) sum_n E_n. Gradients by central differences;
the softmax Jacobian by central differences of the softmax. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_wat36.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(1602)
D, M, K, N = 2, 2, 3, 3
w, v = rng.normal(size=(M, D + 1)), rng.normal(size=(K, M + 1))
X = np.hstack([rng.normal(size=(N, D)), np.ones((N, 1))])
T = np.eye(K)[rng.integers(0, K, size=N)]
alpha = 0.1
softmax = lambda a: np.exp(a - a.max()) / np.exp(a - a.max()).sum()  # noqa: E731
hp = lambda b: sigmoid(b) * (1 - sigmoid(b))  # noqa: E731


def forward(w_, v_, x):
    b = w_ @ x
    z = np.append(sigmoid(b), 1.0)
    a = v_ @ z
    return b, z, a, softmax(a)


def E_n(w_, v_, n):
    return -float(T[n] @ np.log(forward(w_, v_, X[n])[3]))


E = lambda w_, v_: sum(E_n(w_, v_, n) for n in range(N)) / N  # noqa: E731
n0 = 0
x, t = X[n0], T[n0]
b, z, a, y = forward(w, v, x)
En_a = lambda a_: -float(t @ np.log(softmax(a_)))  # noqa: E731
dEa = grad(En_a, a)                                   # dE_n / da_k
J = jacobian(softmax, a)                              # [i, j] = dy_i / da_j
u = np.exp(a).sum()
gv = grad(lambda v_: E_n(w, v_, n0), v)
gw = grad(lambda w_: E_n(w_, v, n0), w)
gW_E = grad(lambda w_: E(w_, v), w)
dEn_dw = [grad(lambda w_, n=n: E_n(w_, v, n), w) for n in range(N)]
e = np.exp

checks = {
    "1": lambda: same(E_n(w, v, n0), -sum(float(T[m] @ np.log(forward(w, v, X[m])[3])) for m in range(N))),
    "2": lambda: same(E(w, v), -sum(K * E_n(w, v, m) for m in range(N)) / N),
    "3": lambda: same(gW_E, -sum(dEn_dw) / N) and same(gW_E, sum(dEn_dw) / N),
    "4": lambda: same(gv, np.outer(dEa, z)),
    "5": lambda: same(dEa[0], grad(lambda a_: float(-sum(t[k] * np.log(softmax(a_)[k]) for k in (0, 1, 2))), a)[0]),
    "6": lambda: same(dEa[0], sum(-t[i] / y[i] * J[i, 0] for i in range(K))),
    "7": lambda: same(J[0, 0], (e(a[0]) * u - e(a[0]) * e(a[0])) / u**2) and same(J[0, 0], e(a[0]) / u * ((u - e(a[0])) / u))
    and same(J[0, 0], e(a[0]) / u * (1 - e(a[0]) / u)) and same(J[0, 0], y[0] * (1 - y[0])),
    "8": lambda: all(same(J[i, 0], (0 * u - e(a[i]) * e(a[0])) / u**2) and same(J[i, 0], -e(a[i]) / u * e(a[0]) / u)
                     and same(J[i, 0], -y[i] * y[0]) for i in (1, 2)),
    "9": lambda: same(dEa[0], -t[0] * (1 - y[0]) + t[1] * y[0] + t[2] * y[0]) and same(dEa[0], t.sum() * y[0] - t[0])
    and same(dEa[0], y[0] - t[0]),
    "10": lambda: same(dEa[1], y[1] - t[1]),
    "11": lambda: same(dEa[2], y[2] - t[2]),
    "12": lambda: same(dEa, y - t),
    "14": lambda: same(grad(lambda v_: float((v_ @ z)[0]), v)[0], z),
    "15": lambda: same(np.array([grad(lambda v_, k=k: float((v_ @ z)[k]), v)[k] for k in range(K)]), np.tile(z, (K, 1))),
    "16": lambda: same(gv, np.outer(dEa, z)) and same(gv, np.outer(y - t, z)),
    "17": lambda: same(v - alpha * gv, v - alpha * np.outer(y - t, z)),
    "18": lambda: same(gw, np.outer((v[:, :M].T @ dEa) * hp(b), x)) and same(gw, np.outer((v[:, :M].T @ (y - t)) * hp(b), x)),
}
planted = {
    "7": lambda: same(J[0, 0], e(a[0]) / u * (1 - e(a[0]) / u)) and same(J[0, 0], 1 - y[0]),
    "8": lambda: same(J[1, 0], y[1] * y[0]),
    "12": lambda: same(dEa, t - y),
    "16": lambda: same(gv, np.array([[(y[k] - t[k]) * z[k]] * (M + 1) for k in range(K)])),  # z_k (K = M + 1 here)
    "17": lambda: same(v - alpha * gv, v + alpha * gv),
    "18": lambda: same(gw, np.outer((v[:, :M].T @ (y - t)) * sigmoid(b), x)),
}
confirm("wat36_backprop.md", "wat36_backprop_planted.md", checks, planted)
print("OK")
