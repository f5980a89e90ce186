"""Independent NumPy oracle for malcu_softmax_backprop.md (a learner's blog draft: tanh hidden layer, softmax,
log-likelihood ascent, index notation with k') and its planted copy.

The author's network on a batch of N samples: z_m = tanh(sum_d W_dm X_d + b), a_k = sum_m V_mk z_m + c, y = softmax(a),
one-hot t, Ln = sum_n sum_k t_k ln y_k (maximised). Every derivative is taken by central differences of Ln itself (or
of y_k' as a function of a, of a_k as a function of V_mk); each line's right-hand side is evaluated AS WRITTEN with
its indices read literally: the free indices are the left side's (m, k), a sum runs over the index its sign names
(k' over the K classes, n over the samples), a factor whose index is not summed and not free (line 56's y_k') makes
the line fail for every choice of that index. A check holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_malcu.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same

rng = np.random.default_rng(2507)
N, D, M, K = 5, 3, 4, 3
X = rng.normal(size=(N, D))
W, b = rng.normal(size=(D, M)), rng.normal(size=M)
V, c = rng.normal(size=(M, K)), rng.normal(size=K)
T = np.eye(K)[rng.integers(0, K, size=N)]                    # one-hot targets


def softmax(a):
    e = np.exp(a - a.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def Ln(W=W, V=V):
    Z = np.tanh(X @ W + b)
    return float(np.sum(T * np.log(softmax(Z @ V + c))))


Z = np.tanh(X @ W + b)
A = Z @ V + c
Y = softmax(A)
dV = grad(lambda v: Ln(V=v), V)                              # [m, k]
dW = grad(lambda w: Ln(W=w), W)                              # [d, m]
# dy_{k'}/da_k per sample: J[n, k', k]
J = np.array([jacobian(lambda a: softmax(a), A[n]) for n in range(N)])
da_dV = np.array([[grad(lambda v, m=m, k=k: float(Z[0] @ v[:, k] + c[k]), V)[m, k] for k in range(K)] for m in range(M)])
term_dV = np.array([[[grad(lambda v, n=n, k=k: float(T[n, k] * np.log(softmax(Z[n] @ v + c)[k])), V)[m, k]
                      for k in range(K)] for m in range(M)] for n in range(N)])      # d/dV_mk (t_k ln y_k) per n
dLn_dy = T / Y                                               # dLn/dy_k^(n) (Ln as a function of y)
alpha = 1e-3


def table(f):
    """[m, k] of f(m, k)."""
    return np.array([[f(m, k) for k in range(K)] for m in range(M)])


checks = {
    "line 40": lambda: Ln(V=V + alpha * dV) > Ln(),                                  # an ascent step
    "line 42": lambda: Ln(W=W + alpha * dW) > Ln(),
    "line 44": lambda: same(dV, table(lambda m, k: sum(K * term_dV[n, m, k] for n in range(N)))),
    "line 46": lambda: same(dV, table(lambda m, k: sum(T[n, kp] * dLn_dy[n, k] * J[n, k, k] * Z[n, m]
                                                      for n in range(N) for kp in range(K)))),
    "line 48": lambda: same(dV, table(lambda m, k: sum(T[n, kp] / Y[n, kp] * J[n, k, k] * Z[n, m]
                                                      for n in range(N) for kp in range(K)))),
    "line 52": lambda: same(dV, table(lambda m, k: sum(T[n, kp] / Y[n, kp] * Y[n, kp] * ((k == kp) - Y[n, k]) * Z[n, m]
                                                      for n in range(N) for kp in range(K)))),
    "line 54": lambda: same(dV, table(lambda m, k: sum(T[n, kp] * (k == kp) * Z[n, m] - T[n, kp] * Y[n, kp] * Z[n, m]
                                                      for n in range(N) for kp in range(K)))),
    "line 56": lambda: any(same(dV, table(lambda m, k, kp=kp: sum(T[n, k] * Z[n, m] - Y[n, kp] * Z[n, m] for n in range(N))))
                           for kp in range(K)),
    "line 58": lambda: same(dV, table(lambda m, k: sum((T[n, kp] - Y[n, k]) * Z[n, m] for n in range(N) for kp in range(K)))),
    "line 60": lambda: same(dV, table(lambda m, k: sum((T[n, kp] - Y[n, k]) * Z[n, m] for n in range(N) for kp in range(K)))),
    "line 62": lambda: all(same(J[n], np.array([[Y[n, kp] * ((k == kp) - Y[n, k]) for k in range(K)] for kp in range(K)]))
                           for n in range(N)),
    "line 66": lambda: same(da_dV, np.repeat(Z[0][:, None], K, axis=1)),
    "line 68": lambda: same(dV, table(lambda m, k: sum((T[n, k] - Y[n, k]) * Z[n, m] for n in range(N)))),
    "line 70": lambda: same(dW, sum(grad(lambda w, n=n: float(np.sum(T[n] * np.log(softmax(np.tanh(X[n] @ w + b) @ V + c)))), W)
                                    for n in range(N))),
    # sum_n sum_k dLn/dy_k dy_k/da_k da_k/dz_m dz_m/dW_dm: a [d, m] table, named dLn/dV_mk (and not dLn/dW_dm either)
    "line 72": lambda: same(dV, np.array([[sum(dLn_dy[n, k] * J[n, k, k] * V[m, k] * (1 - Z[n, m] ** 2) * X[n, d]
                                              for n in range(N) for k in range(K)) for m in range(M)] for d in range(D)])),
}
planted = {
    "line 40": lambda: Ln(V=V - alpha * dV) > Ln(),
    "line 62": lambda: all(same(J[n], np.array([[Y[n, kp] * ((k == kp) - Y[n, kp]) for k in range(K)] for kp in range(K)]))
                           for n in range(N)),
    "line 66": lambda: same(da_dV, V),
    "line 68": lambda: same(dV, table(lambda m, k: sum((Y[n, k] - T[n, k]) * Z[n, m] for n in range(N)))),
}
confirm("malcu_softmax_backprop.md", "malcu_softmax_backprop_planted.md", checks, planted)
# line 72's chain is not dLn/dW_dm either (the softmax's cross terms are missing)
diag = np.array([[sum(dLn_dy[n, k] * J[n, k, k] * V[m, k] * (1 - Z[n, m] ** 2) * X[n, d]
                      for n in range(N) for k in range(K)) for m in range(M)] for d in range(D)])
assert not same(diag, dW)
print("OK")
