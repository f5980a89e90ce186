"""Independent NumPy oracle for fortileizhang_note3.md and its planted copy (a learner's Chinese notes on CS231n
assignment 1: the multiclass SVM and softmax gradients, CS231n's layout: X (N x D) rows x_i, W (D x C) columns w_j, the
scores s = x_i W (the author writes w_j x_i for the scalar), Score = X.dot(W)).

Random data, Delta = 1; L_i = sum_{j != y_i} max(0, s_j - s_{y_i} + Delta) (SVM) or L_i = -log(e^{s_{y_i}} / sum_j
e^{s_j}) (softmax), L = sum_i L_i (the notes' dW = X.T.dot(dScore) sums over the samples); every derivative by central
differences (with respect to the column w_j, the scores, or W), compared with each claim evaluated as written (a
product whose shapes do not conform does not hold; a chain holds when every row does). The margins are kept away from
the hinge's kink. Prints OK when every verdict of MANIFEST.toml holds. Run: python oracle_fortileizhang.py (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(2003)
N, D, C, Delta = 5, 4, 3, 1.0
X, W = rng.normal(size=(N, D)), rng.normal(size=(D, C))
y = rng.integers(0, C, size=N)
S = X @ W
margin = S - S[np.arange(N), y][:, None] + Delta
assert np.min(np.abs(margin)) > 1e-3


def svm_i(s, i):
    m = np.maximum(0, s - s[y[i]] + Delta)
    m[y[i]] = 0
    return float(m.sum())


def soft_i(s, i):
    return float(-np.log(np.exp(s[y[i]]) / np.exp(s).sum()))


def total(loss_i):
    return lambda w: sum(loss_i((X @ w)[i], i) for i in range(N))


ind = (margin > 0).astype(float)  # 1(s_j - s_{y_i} + Delta > 0)
dS_svm = np.array([grad(lambda s, i=i: svm_i(s, i), S[i]) for i in range(N)])
dS_soft = np.array([grad(lambda s, i=i: soft_i(s, i), S[i]) for i in range(N)])
dW_svm, dW_soft = grad(total(svm_i), W), grad(total(soft_i), W)
# dL_i / dw_j (the column j of W) for each sample i
dw_svm = np.array([grad(lambda w, i=i: svm_i(X[i] @ w, i), W) for i in range(N)])  # [i, :, j]
others = [[j for j in range(C) if j != y[i]] for i in range(N)]
E = np.exp(S)
Sig = E.sum(axis=1)


def rows_softmax(i, k, sign=-1.0):
    """The rows of the chain of lines 100-103 for sample i and score k (sign: the one between the two quotients)."""
    yi = y[i]
    d_ey = E[i, yi] * (k == yi)  # d e^{s_{y_i}} / d s_k
    d_sum = E[i, k]  # d sum_j e^{s_j} / d s_k
    first = -grad(lambda s: float(np.log(np.exp(s[yi]) / np.exp(s).sum())), S[i])[k]
    second = -(Sig[i] / E[i, yi]) * (d_ey * Sig[i] - E[i, yi] * d_sum) / Sig[i] ** 2
    third = d_sum / Sig[i] + sign * d_ey / E[i, yi]
    return first, second, third, third  # row 4 expands the sum of row 3


def chain(sign=-1.0, rows=(0, 1, 2, 3)):
    return all(same(dS_soft[i, k], rows_softmax(i, k, sign)[r]) for i in range(N) for k in range(C) for r in rows)


checks = {
    "line 23": lambda: all(same(dw_svm[i][:, j], ind[i, j] * X[i]) for i in range(N) for j in others[i]),
    "line 31": lambda: all(
        same(dw_svm[i][:, y[i]], sum(ind[i, j] * (-X[i]) for j in others[i]))
        and same(dw_svm[i][:, y[i]], -sum(ind[i, j] for j in others[i]) * X[i])
        for i in range(N)
    ),
    "line 34.2": lambda: all(same(dw_svm[i][:, y[i]], -sum(ind[i, j] for j in others[i]) * X[i]) for i in range(N)),
    "line 51": lambda: same(dW_svm, X.T.dot(dS_svm)),
    "line 55": lambda: all(same(dS_svm[i, j], ind[i, j]) for i in range(N) for j in others[i]),
    "line 58": lambda: all(same(dS_svm[i, y[i]], -sum(ind[i, j] for j in others[i])) for i in range(N)),
    "line 92": lambda: same(dW_soft, X.T.dot(dS_soft)),
    "line 100": lambda: chain(),
    "line 101.2": lambda: chain(rows=(1,)),
    "line 102.3": lambda: chain(rows=(2,)),
    "line 103.4": lambda: chain(rows=(3,)),
    "line 108": lambda: all(same(dS_soft[i, y[i]], E[i, y[i]] / Sig[i] - 1) for i in range(N)),
    "line 112": lambda: all(same(dS_soft[i, k], E[i, k] / Sig[i]) for i in range(N) for k in range(C) if k != y[i]),
    "line 116": lambda: all(same(dS_soft[i, k], E[i, k] / Sig[i] - (y[i] == k)) for i in range(N) for k in range(C)),
    "line 123": lambda: same(dW_soft, X.T.dot(dS_soft)),
}
planted = {
    "line 23": lambda: all(same(dw_svm[i][:, j], ind[i, j] * (-X[i])) for i in range(N) for j in others[i]),
    "line 51": lambda: same(dW_svm, X.dot(dS_svm)),
    "line 58": lambda: all(same(dS_svm[i, y[i]], sum(ind[i, j] for j in others[i])) for i in range(N)),
    "line 100": lambda: all(
        same(dS_soft[i, k], r)
        for i in range(N)
        for k in range(C)
        for r in (rows_softmax(i, k)[0], rows_softmax(i, k)[1], rows_softmax(i, k, +1.0)[2], rows_softmax(i, k)[3])
    ),
    "line 102.3": lambda: chain(sign=+1.0, rows=(2,)),
    "line 108": lambda: all(same(dS_soft[i, y[i]], E[i, y[i]] / Sig[i] + 1) for i in range(N)),
    "line 116": lambda: all(same(dS_soft[i, k], E[i, k] / Sig[i] + (y[i] == k)) for i in range(N) for k in range(C)),
}
confirm("fortileizhang_note3.md", "fortileizhang_note3_planted.md", checks, planted)
print("OK")
