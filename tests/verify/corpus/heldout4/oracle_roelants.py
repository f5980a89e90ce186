"""Independent NumPy oracle for roelants_part04.ipynb / roelants_part04_planted.ipynb (Peter Roelants, "How to
implement a neural network (4/5)", the notebook's Markdown cells).

The author's conventions (roelants_part04.spec.toml): X is N x 2 with one sample per row, H = sigma(X W_h + b_h),
Z_o = H W_o + b_o, Y = softmax(Z_o) by rows, xi = -sum_i sum_c t_ic log y_ic SUMMED over the samples. Every
derivative is a central difference of xi; claims about one sample i or one unit j are checked for every i and j;
a claim whose shapes do not fit counts as incorrect. Momentum: M(i+1) = lambda M(i) - mu dxi/dtheta, checked over two
iterations against the heavy-ball recurrence with the gradients from central differences.
Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_roelants.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(4)
N, NI, NH, NO, MU, LAM = 5, 2, 3, 2, 0.02, 0.9
X = rng.normal(size=(N, NI))
T = np.eye(NO)[rng.integers(0, NO, N)]
Wh, bh, Wo, bo = rng.normal(size=(NI, NH)), rng.normal(size=(1, NH)), rng.normal(size=(NH, NO)), rng.normal(size=(1, NO))


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def xi(Wh=Wh, bh=bh, Wo=Wo, bo=bo, Zh=None, Zo=None):
    Zh = X @ Wh + bh if Zh is None else Zh
    H = sigmoid(Zh)
    Zo = H @ Wo + bo if Zo is None else Zo
    return float(-np.sum(T * np.log(softmax(Zo))))


Zh = X @ Wh + bh
H = sigmoid(Zh)
Zo = H @ Wo + bo
Y = softmax(Zo)
d_o, d_h = grad(lambda v: xi(Zo=v), Zo), grad(lambda v: xi(Zh=v), Zh)
gWh, gbh, gWo, gbo = (grad(lambda v, k=k: xi(**{k: v}), base) for k, base in (("Wh", Wh), ("bh", bh), ("Wo", Wo), ("bo", bo)))


def momentum_ok(sign):
    """Two iterations of M(i+1) = lambda M(i) + sign mu g, theta(i+1) = theta(i) + M(i+1) from M(0) = 0, for W_o:
    right when it is the heavy-ball descent theta(2) = theta(1) - mu g(1) + lambda (theta(1) - theta(0))."""
    th0, M = Wo.copy(), np.zeros_like(Wo)
    g0 = grad(lambda v: xi(Wo=v), th0)
    M = LAM * M + sign * MU * g0
    th1 = th0 + M
    g1 = grad(lambda v: xi(Wo=v), th1)
    th2 = th1 + LAM * M + sign * MU * g1
    return same(th1, th0 - MU * g0) and same(th2, th1 - MU * g1 + LAM * (th1 - th0))


def theta_ok():
    th0, M1 = Wo.copy(), -MU * gWo
    return same(th0 + M1, Wo - MU * gWo) and xi(Wo=th0 + M1) < xi()


row_sum = lambda A: sum(A[i] for i in range(N))  # noqa: E731

checks = {
    "line 70": lambda: same(H, sigmoid(X @ Wh + bh)) and same(H, 1 / (1 + np.exp(-(X @ Wh + bh)))),
    "line 104": lambda: (
        same(Y, softmax(H @ Wo + bo))
        and same(Y, np.exp(Zo) / sum(np.exp(Zo[:, [d]]) for d in range(NO)))
        and same(Y, np.exp(H @ Wo + bo) / sum(np.exp(H @ Wo[:, [d]] + bo[0, d]) for d in range(NO)))
    ),
    "line 132": lambda: same(d_o, Y - T),
    "line 135": lambda: same(Zo, H @ Wo + bo),
    # d xi / d w_oj (the j-th row of W_o) for every hidden j: sum_i h_ij (y_i - t_i) = sum_i h_ij delta_oi
    "line 143": lambda: all(
        same(gWo[j], sum(H[i, j] * (Y[i] - T[i]) for i in range(N))) and same(gWo[j], sum(H[i, j] * d_o[i] for i in range(N)))
        for j in range(NH)
    ),
    "line 153": lambda: same(gWo, H.T @ (Y - T)) and same(gWo, H.T @ d_o),
    "line 159": lambda: gWo.shape == Wo.shape == (3, 2),  # J_{W_o}: entry (i, j) is d xi / d w_oij
    "line 174": lambda: same(gbo[0], row_sum(Y - T)) and same(gbo[0], row_sum(d_o)),
    "line 183": lambda: gbo.shape == (1, 2),
    "line 203": lambda: same(Zh, X @ Wh + bh),
    # delta_hij for every sample i and hidden unit j
    "line 208": lambda: all(
        np.isclose(d_h[i, j], H[i, j] * (1 - H[i, j]) * sum(Wo[j, k] * (Y[i, k] - T[i, k]) for k in range(NO)))
        and np.isclose(d_h[i, j], H[i, j] * (1 - H[i, j]) * (d_o[i] @ Wo[j].T))
        for i in range(N)
        for j in range(NH)
    ),
    "line 218": lambda: same(d_h, H * (1 - H) * (d_o @ Wo.T)),
    "line 230": lambda: all(same(gWh[j], sum(X[i, j] * d_h[i] for i in range(N))) for j in range(NI)),
    "line 238": lambda: same(gWh, X.T @ d_h),
    "line 243": lambda: gWh.shape == Wh.shape == (2, 3),
    "line 256": lambda: same(gbh[0], sum(d_h[j] for j in range(N))),  # j runs over the N samples: rows of delta_h
    "line 264": lambda: gbh.shape == (1, 3),
    "line 293.1": lambda: momentum_ok(-1),
    "line 294.2": lambda: theta_ok(),
}
planted = {
    "line 70": lambda: same(H, 1 / (1 + np.exp(X @ Wh + bh))),
    "line 132": lambda: same(d_o, T - Y),
    "line 153": lambda: same(gWo, d_o.T @ H),
    "line 174": lambda: same(gbo[0], row_sum(Y - T)) and same(gbo[0], row_sum(d_o) / N),
    "line 208": lambda: all(
        np.isclose(d_h[i, j], H[i, j] * (1 - H[i, j]) * sum(Wo[k, j] * (Y[i, k] - T[i, k]) for k in range(NO)))
        for i in range(N)
        for j in range(NH)
    ),
    "line 218": lambda: same(d_h, H * (1 - H) * (d_o @ Wo)),
    "line 238": lambda: same(gWh, X.T @ d_o),
    "line 293.1": lambda: momentum_ok(+1),
}
confirm("roelants_part04.ipynb", "roelants_part04_planted.ipynb", checks, planted)
print("OK")
