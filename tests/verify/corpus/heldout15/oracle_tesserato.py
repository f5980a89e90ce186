"""Independent NumPy oracle for Carlos Tarjano's dissertation drafts (tesserato_example.md, tesserato_backprop.md and
their planted copies).

The 2-3-2 network of example.md by components (h_j = g(i_1 w_1j + i_2 w_2j), o_k = f(sum_j h_j u_jk), no biases,
E = 1/2 sum_k (o_k - t_k)^2; g = tanh, f = sigmoid) and the hidden-target objective E* = 1/2 sum_j (h_j - t*_j)^2; the
one-layer derivation of backpropagation.md on a 3-4-2 net in row vectors (q = sum_y epsilon(o_y, t_y), epsilon =
1/2 (o - t)^2). Every graded chain's final form against central differences (each chain's links are also checked where
they are numbers). Prints OK when every verdict of MANIFEST.toml holds. Run: python oracle_tesserato.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(1505)
f, g = sigmoid, np.tanh
fp = lambda a: sigmoid(a) * (1 - sigmoid(a))  # noqa: E731
gp = lambda z: 1 - np.tanh(z) ** 2  # noqa: E731

# ---- example.md: i (2), w (2 x 3), u (3 x 2) -------------------------------------------------------------------------
i, w, u, t, ts = rng.normal(size=2), rng.normal(size=(2, 3)), rng.normal(size=(3, 2)), rng.uniform(size=2), rng.uniform(size=3)
h = g(i @ w)
a = h @ u  # the outputs' net inputs
o = f(a)
E = lambda w_, u_: 0.5 * float(((f(g(i @ w_) @ u_) - t) ** 2).sum())  # noqa: E731
Es = lambda w_: 0.5 * float(((g(i @ w_) - ts) ** 2).sum())  # noqa: E731
dEdu, dEdw, dEsdw = grad(lambda v: E(w, v), u), grad(lambda v: E(v, u), w), grad(Es, w)
z1 = i[0] * w[0, 0] + i[1] * w[1, 0]  # h_1's net input
dEdu11 = h[0] * (o[0] - t[0]) * fp(a[0])
dEdw11 = (o[0] - t[0]) * fp(a[0]) * u[0, 0] * i[0] * gp(z1) + (o[1] - t[1]) * fp(a[1]) * u[0, 1] * i[0] * gp(z1)
# the middle rows of the first chain: 1/2 d/du11 of the first square only, then (f - t1)(f'(a1) h1 - 0)
row3 = 0.5 * grad(lambda v: float((f(h @ np.c_[[v[0], u[1, 0], u[2, 0]]])[0] - t[0]) ** 2), np.array([u[0, 0]]))[0]
ex = {
    "line 32": lambda: same(dEdu[0, 0], dEdu11) and same(row3, dEdu11) and same((o[0] - t[0]) * (fp(a[0]) * h[0] - 0), dEdu11),
    "line 78": lambda: same(dEdw[0, 0], dEdw11),
    "line 166.1": lambda: same(dEdu[0, 0], dEdu11),
    "line 170.2": lambda: same(dEdw[0, 0], dEdw11),
    "line 198": lambda: same(dEsdw[0, 0], i[0] * (h[0] - ts[0]) * gp(z1)),
}
ex_planted = {
    "line 32": lambda: same(dEdu[0, 0], h[1] * (o[0] - t[0]) * fp(a[0])),
    "line 166.1": lambda: same(dEdu[0, 0], h[0] * (o[0] - t[0]) * a[0]),
    "line 198": lambda: same(dEsdw[0, 0], i[0] * (h[0] - ts[0]) * gp(i[0] * w[0, 0] + i[1] * w[0, 1])),
}
confirm("tesserato_example.md", "tesserato_example_planted.md", ex, ex_planted)

# ---- backpropagation.md: p (1 x 3) -> Z = p U -> I = g(Z) (1 x 4) -> A = I W -> O = f(A) (1 x 2) -----------------------
p, U, W, tt = rng.normal(size=3), rng.normal(size=(3, 4)), rng.normal(size=(4, 2)), rng.uniform(size=2)
Z = p @ U
I = g(Z)
A = I @ W
O = f(A)
q = lambda U_, W_: 0.5 * float(((f(g(p @ U_) @ W_) - tt) ** 2).sum())  # noqa: E731  q = sum_y epsilon(o_y, t_y)
dqdW, dqdU = grad(lambda v: q(U, v), W), grad(lambda v: q(v, W), U)
eps_p = O - tt  # epsilon'(o_y, t_y)
alpha = 0.1
bp = {
    "line 37": lambda: same(dqdW, np.array([[eps_p[y] * fp(A[y]) * I[x] for y in range(2)] for x in range(4)])),
    "line 47": lambda: same(-alpha * dqdW, -alpha * np.outer(I, eps_p * fp(A))),
    "line 75": lambda: same(dqdU, np.array([[sum(eps_p[y] * fp(A[y]) * W[x, y] for y in range(2)) * gp(Z[x]) * p[r] for x in range(4)]
                                          for r in range(3)])),
    "line 105.1": lambda: same(O, f(I @ W)),
}
bp_planted = {
    "line 37": lambda: same(dqdW[:2, :2], np.array([[eps_p[y] * fp(A[y]) * I[y] for y in range(2)] for x in range(2)])),
    "line 75": lambda: same(dqdU[:3, :3], np.array([[sum(eps_p[y] * fp(A[y]) * W[x, y] for y in range(2)) * gp(Z[r]) * p[x]
                                                   for x in range(3)] for r in range(3)])),
}
confirm("tesserato_backprop.md", "tesserato_backprop_planted.md", bp, bp_planted)
print("OK")
