"""Independent NumPy oracle for mattpetersen_softmax.md / mattpetersen_softmax_planted.md (Matt Petersen's post on
softmax with cross-entropy, row vectors).

n = 4 classes; one example x (a row) with a one-hot y, then a batch X of m = 3 rows with one-hot rows Y and the mean
cross-entropy. Jacobians and gradients by central differences of softmax and of H. Prints OK when every verdict of
MANIFEST.toml holds. Run: python oracle_mattpetersen.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same

rng = np.random.default_rng(1603)
n, m = 4, 3
sm = lambda v: np.exp(v - v.max()) / np.exp(v - v.max()).sum()  # noqa: E731
x, c = rng.normal(size=n), rng.normal()
y = np.eye(n)[1]
s = sm(x)
J = jacobian(sm, x)                                     # [i, j] = ds_i/dx_j: a row per output
H = lambda v: -float(y @ np.log(sm(v)))  # noqa: E731
Hs = lambda q: -float(y @ np.log(q))  # noqa: E731
g_s, g_x = grad(Hs, s), grad(H, x)
X = rng.normal(size=(m, n))
Y = np.eye(n)[rng.integers(0, n, size=m)]
S = np.array([sm(r) for r in X])
HB = lambda Z: -float(np.mean([Y[i] @ np.log(sm(Z[i])) for i in range(m)]))  # noqa: E731
HS = lambda Q: -float(np.mean([Y[i] @ np.log(Q[i]) for i in range(m)]))  # noqa: E731
JS_H, JX_H = grad(HS, S), grad(HB, X)
# the batch softmax Jacobian: block (i, j) = d s_i / d x_j
flat = lambda v: np.concatenate([sm(r) for r in v.reshape(m, n)])  # noqa: E731
JB = jacobian(flat, X.ravel())
block = lambda i, j: JB[i * n:(i + 1) * n, j * n:(j + 1) * n]  # noqa: E731
sf, yf = S.ravel(), Y.ravel()
e = np.exp

checks = {
    "line 57": lambda: same(sm(x + c), e(x + c) / e(x + c).sum()) and same(sm(x + c), e(x) * e(c) / (e(x) * e(c)).sum())
    and same(sm(x + c), s),
    "line 62#4": lambda: same(e(x.max() - x.max()), 1.0),
    "line 102": lambda: all(same(J[i, i], (e(x).sum() * e(x[i]) - e(x[i]) ** 2) / e(x).sum() ** 2) and same(J[i, i], s[i] - s[i] ** 2)
                            for i in range(n)),
    "line 115": lambda: all(same(J[i, j], -s[i] * s[j]) for i in range(n) for j in range(n) if i != j),
    "line 131": lambda: same(J, np.array([[s[i] - s[i] ** 2 if i == j else -s[i] * s[j] for j in range(n)] for i in range(n)])),
    "line 141": lambda: same(J, np.diag(s) - np.outer(s, s)),
    "line 193": lambda: same(-float((y * np.log(s)).sum()), -float(y @ np.log(s).T)),
    "line 235": lambda: same(g_s, -y @ np.diag(1 / s)) and same(g_s, -y / s),
    "line 271": lambda: same(g_x, g_s @ J),
    "line 277": lambda: same(g_x, -(y / s) @ (np.diag(s) - np.outer(s, s))) and same(g_x, (y / s) @ np.outer(s, s) - (y / s) @ np.diag(s))
    and same(g_x, y @ np.tile(s, (n, 1)) - y) and same(g_x, s - y),
    "line 376": lambda: all(same(block(i, j), np.zeros((n, n))) for i in range(m) for j in range(m) if i != j),
    "line 382": lambda: all(same(block(i, i), np.diag(S[i]) - np.outer(S[i], S[i])) for i in range(m)),
    "line 388": lambda: same(JB, np.block([[block(i, i) if i == j else np.zeros((n, n)) for j in range(m)] for i in range(m)])),
    "line 433": lambda: same(HS(S), -sum(Y[i] @ np.log(S[i]) for i in range(m)) / m) and same(HS(S), -np.trace(Y @ np.log(S).T) / m),
    "line 470": lambda: same(JS_H, -grad(lambda Q: float(np.trace(Y @ np.log(Q).T)), S) / m) and same(JS_H, -(Y * (1 / S)) / m),
    "line 499": lambda: same(jacobian(np.log, sf), np.diag(1 / sf)),
    "line 516": lambda: same(HS(S), -float(yf @ np.log(sf)) / m),
    "line 522": lambda: same(JS_H.ravel(), -(yf @ np.diag(1 / sf)) / m) and same(JS_H.ravel(), -(yf / sf) / m),
    "line 533": lambda: same(JS_H, -(Y / S) / m),
    "line 571": lambda: same(JX_H, np.array([JS_H[i] @ block(i, i) for i in range(m)]))
    and same(JX_H, np.array([(-(Y[i] / S[i])) @ block(i, i) for i in range(m)]) / m) and same(JX_H, (S - Y) / m),
}
planted = {
    "line 57": lambda: same(sm(x + c), e(x) * e(c) / e(x).sum()),
    "line 102": lambda: same(J[0, 0], s[0] ** 2 - s[0]),
    "line 141": lambda: same(J, np.diag(s) - float(s @ s)),
    "line 235": lambda: same(g_s, y / s),
    "line 277": lambda: same(g_x, y - s),
    "line 533": lambda: same(JS_H, -(Y / S)),
    "line 571": lambda: same(JX_H, S - Y),
}
confirm("mattpetersen_softmax.md", "mattpetersen_softmax_planted.md", checks, planted)
print("OK")
