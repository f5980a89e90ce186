"""Independent NumPy oracle for twice22_softmax.md and twice22_backprop.md and their planted copies (a learner's
write-ups of CS231n assignment 1: the softmax classifier's gradient, the two-layer net affine-ReLU-affine-softmax).

CS231n's row layout (x_i a 1 x D row, W D x C, scores f = x W + b); the softmax loss -log p_{y_i}, averaged over the N
samples in the two-layer net. Every derivative the posts name is computed by central differences (Jacobians of the
affine and ReLU maps included) and compared with each claim's expression evaluated as written, index by index where
the post writes indices. Prints OK when every verdict of MANIFEST.toml holds. Run: python oracle_twice22.py (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same

rng = np.random.default_rng(2017)


def softmax_rows(s):
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def d1(f, at):
    return float(grad(lambda v: f(float(v[0])), np.array([at]))[0])


# == softmax post: f_j = w_j x_i, L_i = -log p_{y_i} ==================================================================
D, C = 4, 3
xi, W = rng.normal(size=D), rng.normal(size=(D, C))
yi = 1
Li_of_f = lambda f: float(-np.log(softmax_rows(f)[yi]))                       # noqa: E731
f = xi @ W
p = softmax_rows(f)
ind = np.eye(C)[yi]                                                            # 1(k = y_i) over k
dL_df = grad(Li_of_f, f)
dL_dW = grad(lambda w: Li_of_f(xi @ w), W)                                     # column k is dL_i/dw_k
df_dw = np.array([grad(lambda v, k=k: float(xi @ v), W[:, k]) for k in range(C)])   # row k: df_k/dw_k
S = float(np.sum(np.exp(f)))
e = np.exp(f)
# the chain of lines 44-49, for every k: the partials it keeps unevaluated by central differences
dpy_df = grad(lambda v: float(softmax_rows(v)[yi]), f)                          # d p_{y_i} / d f_k
dinvS_df = grad(lambda v: 1.0 / float(np.sum(np.exp(v))), f)                   # d (1/sum) / d f_k
deyi_df = grad(lambda v: float(np.exp(v[yi])), f)                              # d e^{f_{y_i}} / d f_k
dS_df = grad(lambda v: float(np.sum(np.exp(v))), f)                            # sum_j d e^{f_j} / d f_k
row = {
    1: dL_df,
    2: -(dpy_df / p[yi]),
    3: -((e[yi] * dinvS_df + deyi_df / S) / p[yi]),
    4: -((-e[yi] * dS_df / S**2 + ind * e[yi] / S) / p[yi]),
    5: (e[yi] * e / S - ind * e[yi]) / e[yi],
}
row5b = p - ind
# the general chain rule (line 26) and the derivative rules of line 91, at random points
t = float(rng.normal())
g_of_f = lambda v: np.sin(np.exp(v))                                           # noqa: E731  g(u) = sin u, u = f(x) = e^x
u_fn, v_fn = (lambda v: v**2 + 1.0), (lambda v: np.cos(v))                     # noqa: E731
soft = {
    "line 26.1": lambda: same(d1(g_of_f, t), d1(np.sin, float(np.exp(t))) * d1(np.exp, t)),
    "line 34.1": lambda: same(dL_dW.T, dL_df[:, None] * df_dw),
    "line 44": lambda: all(same(dL_df, row[r]) for r in row) and same(dL_df, row5b),
    "line 45.2": lambda: same(dL_df, row[2]),
    "line 46.3": lambda: same(dL_df, row[3]),
    "line 47.4": lambda: same(dL_df, row[4]),
    "line 48.5": lambda: same(dL_df, row[5]) and same(dL_df, row5b),
    "line 59": lambda: same(df_dw, np.tile(xi, (C, 1))),
    "line 65": lambda: same(dL_dW.T, (p - ind)[:, None] * xi[None, :]),
    "line 91": lambda: same(d1(lambda v: np.log(u_fn(v)), t), d1(u_fn, t) / u_fn(t)),
    "line 91#2": lambda: same(d1(lambda v: u_fn(v) * v_fn(v), t), d1(u_fn, t) * v_fn(t) + u_fn(t) * d1(v_fn, t)),
}
soft_planted = {
    "line 26.1": lambda: same(d1(g_of_f, t), d1(np.sin, float(np.exp(t))) / d1(np.exp, t)),
    "line 44": lambda: same(dL_df, row[1]) and same(dL_df, -row[2]) and all(same(dL_df, row[r]) for r in (3, 4, 5)),
    "line 45.2": lambda: same(dL_df, -row[2]),
    "line 59": lambda: same(df_dw, W.T),
    "line 65": lambda: same(dL_dW.T, (ind - p)[:, None] * xi[None, :]),
    "line 91#2": lambda: same(d1(lambda v: u_fn(v) * v_fn(v), t), d1(u_fn, t) * d1(v_fn, t)),
}
confirm("twice22_softmax.md", "twice22_softmax_planted.md", soft, soft_planted)

# == two-layer net: y1 = X W1 + b1, h1 = max(0, y1), y2 = h1 W2 + b2, L = mean_i -log p_{y_i} ======================
N, D, H, C = 5, 4, 6, 3
X = rng.normal(size=(N, D))
W1, b1, W2, b2 = rng.normal(size=(D, H)), rng.normal(size=H), rng.normal(size=(H, C)), rng.normal(size=C)
lab = rng.integers(0, C, size=N)


def loss_of_y2(y2):
    return float(np.mean(-np.log(softmax_rows(y2)[np.arange(len(y2)), lab[: len(y2)]])))


y1 = X @ W1 + b1
h1 = np.maximum(0, y1)
y2 = h1 @ W2 + b2
dLdy2 = grad(loss_of_y2, y2)                                                   # N x C, the 1/N in it
dLdW2 = grad(lambda w: loss_of_y2(h1 @ w + b2), W2)
dy_dw = np.array([jacobian(lambda v: (h1 @ v.reshape(H, C) + b2).ravel(), W2.ravel())]).reshape(N, C, H, C)  # [p,q,i,j]
ind_qj = np.einsum("qj,pi->pqij", np.eye(C), h1)                               # 1(q = j) h_pi
Lis = lambda y: -np.log(softmax_rows(y)[np.arange(N), lab])                    # noqa: E731  each L_i (the -log)
probs = softmax_rows(y2)
# one sample (the bias and ReLU sections): x a row, y2 = relu(x W1 + b1) W2 + b
x0 = X[0]
single = lambda bb, xx=x0: float(-np.log(softmax_rows(np.maximum(0, xx @ W1 + b1) @ W2 + bb)[lab[0]]))   # noqa: E731
y2_0 = np.maximum(0, x0 @ W1 + b1) @ W2 + b2
dL_dy2_0 = grad(lambda v: float(-np.log(softmax_rows(v)[lab[0]])), y2_0)
dy_db = jacobian(lambda bb: np.maximum(0, x0 @ W1 + b1) @ W2 + bb, b2)          # [i, j] = dy_i / db_j
dL_db_0 = grad(single, b2)
dL_db = grad(lambda bb: loss_of_y2(h1 @ W2 + bb), b2)
dyi_db = [jacobian(lambda bb, i=i: (h1 @ W2 + bb)[i], b2) for i in range(N)]
# ReLU: y = ReLU(x) for the first sample's pre-activation x = y1[0]
xr = y1[0]
relu_jac = jacobian(lambda v: np.maximum(0, v), xr)
diag_ind = np.diag((xr > 0).astype(float))
dL_dh = grad(lambda v: float(-np.log(softmax_rows(v @ W2 + b2)[lab[0]])), np.maximum(0, xr))
dL_dx = grad(lambda v: float(-np.log(softmax_rows(np.maximum(0, v) @ W2 + b2)[lab[0]])), xr)
k_score = rng.normal(size=C)
two = {
    "line 17.4": lambda: same(np.exp(y2[np.arange(N), lab]) / np.exp(y2).sum(axis=1), Lis(y2)),
    "line 51": lambda: same(grad(lambda v: float(-np.log(softmax_rows(v)[lab[0]])), k_score),
                            softmax_rows(k_score) - np.eye(C)[lab[0]]),
    "line 76": lambda: same(dLdW2, np.einsum("pq,pqij->ij", dLdy2, dy_dw)),
    "line 83": lambda: same(dy_dw, ind_qj),
    "line 92": lambda: same(dLdW2, np.einsum("pq,pqij->ij", dLdy2, ind_qj)) and same(dLdW2, np.einsum("pj,pi->ij", dLdy2, h1))
    and same(dLdW2, h1.T @ dLdy2),
    "line 101": lambda: same(dLdW2, np.einsum("ip,pj->ij", h1.T, dLdy2)),
    "line 106": lambda: same(dLdW2, h1.T @ dLdy2),
    "line 148": lambda: same(dL_db_0, dL_dy2_0 @ dy_db),
    "line 155.1": lambda: same(dy_db[~np.eye(C, dtype=bool)], np.zeros(C * C - C)),
    "line 156.2": lambda: same(np.diag(dy_db), np.ones(C)),
    "line 161": lambda: same(dL_db_0, dL_dy2_0 @ np.eye(C)) and same(dL_db_0, dL_dy2_0),
    "line 173": lambda: same(dL_db, sum(dLdy2[i] @ dyi_db[i] for i in range(N))) and same(dL_db, dLdy2.sum(axis=0)),
    "line 184": lambda: same(relu_jac, diag_ind),
    "line 191.2": lambda: same(relu_jac, diag_ind),
    "line 203": lambda: same(dL_dx, dL_dh @ relu_jac) and same(dL_dx, dL_dh @ diag_ind),
}
two_planted = {
    "line 51": lambda: same(grad(lambda v: float(-np.log(softmax_rows(v)[lab[0]])), k_score),
                            np.eye(C)[lab[0]] - softmax_rows(k_score)),
    "line 101": lambda: same(dLdW2, np.einsum("ip,pj->ij", h1, dLdy2)),
    "line 106": lambda: same(dLdW2, dLdy2 @ h1.T),
    "line 155.1": lambda: same(dy_db[~np.eye(C, dtype=bool)], np.ones(C * C - C)),
    "line 173": lambda: same(dL_db, sum(dLdy2[i] @ dyi_db[i] for i in range(N))) and same(dL_db, dLdy2.sum(axis=0) / N),
}
assert probs.shape == (N, C)
confirm("twice22_backprop.md", "twice22_backprop_planted.md", two, two_planted)
print("OK")
