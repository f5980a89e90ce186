"""Independent NumPy oracle for collas_backprop.tex / collas_backprop_planted.tex (Collas & Khalis, UTC 2018).

The students' network (collas_backprop.spec.toml): x2 = relu(x1 W1 + b1) per example (w_ij from neuron i of a layer to
neuron j of the next), x3 = x2 W2 + b2, hat p = softmax(x3), E = -1/m sum_p sum_k y_k ln hat p_k. Every derivative is a
central difference (of E, of E^p, of ln hat p_k of one example, or of the forward map); each labelled equation is NumPy
code of what it writes, looped over its free indices. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_collas.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(2018)
m, n_in, n_h, K = 4, 3, 4, 3
X = rng.normal(size=(m, n_in))
Y = np.eye(K)[rng.integers(0, K, size=m)]
W1, b1, W2, b2 = rng.normal(size=(n_in, n_h)), rng.normal(size=n_h), rng.normal(size=(n_h, K)), rng.normal(size=K)
relu = lambda v: np.maximum(v, 0)  # noqa: E731
H = lambda v: (np.asarray(v) > 0).astype(float)  # noqa: E731


def softmax(v):
    e = np.exp(v - np.max(v))
    return e / e.sum()


def fwd(x, W1=W1, b1=b1, W2=W2, b2=b2):
    pre = x @ W1 + b1
    x2 = relu(pre)
    x3 = x2 @ W2 + b2
    return pre, x2, x3, softmax(x3)


def E(W1=W1, W2=W2):
    return float(-np.mean([np.sum(Y[p] * np.log(fwd(X[p], W1=W1, W2=W2)[3])) for p in range(m)]))


def Ep(p, W1=W1):
    return float(-np.sum(Y[p] * np.log(fwd(X[p], W1=W1)[3])))


dE_dW1 = grad(lambda w: E(W1=w), W1)
pre, x2, x3, phat = zip(*(fwd(X[p]) for p in range(m)), strict=True)
dlnp_dx3 = [np.array([grad(lambda v, k=k: float(np.log(softmax(v)[k])), x3[p]) for k in range(K)]) for p in range(m)]  # [p][k, j]
dlnp_dx2 = [np.array([grad(lambda v, k=k: float(np.log(softmax(v @ W2 + b2)[k])), x2[p]) for k in range(K)]) for p in range(m)]
dlnp_dW1 = [[grad(lambda w, p=p, k=k: float(np.log(fwd(X[p], W1=w)[3][k])), W1) for k in range(K)] for p in range(m)]
dx3_dx2 = np.array([grad(lambda v, k=k: float((v @ W2 + b2)[k]), x2[0]) for k in range(K)])  # [k, j]
dx2_dW1 = [
    np.array([grad(lambda w, p=p, j=j: float(relu(X[p] @ w + b1)[j]), W1) for j in range(n_h)]) for p in range(m)
]  # [p][j] (n_in, n_h)
dEp_dx3 = [grad(lambda v, p=p: float(-np.sum(Y[p] * np.log(softmax(v)))), x3[p]) for p in range(m)]
kd = np.eye(K)
# the chain rule the report states: y = f(u), u = g(x) = (g_1(x), ..., g_m(x))
f_chain = lambda u: float(np.sum(np.sin(u) * u))  # noqa: E731
g_chain = lambda v: np.array([v[0] * v[1], np.exp(v[2]), v[0] + v[2] ** 2])  # noqa: E731
x_chain = np.array([0.3, -1.1, 0.6])
jac_g = np.array([grad(lambda v, l=l: float(g_chain(v)[l]), x_chain) for l in range(3)])


def every(fun):
    return all(fun(p, k) for p in range(m) for k in range(K))


def dlnp_dW1_via(p, k, factor):
    """The matrix [i, j] of d ln hat p_k / d w1_ij as a formula factor(p, k, i, j)."""
    return np.array([[factor(p, k, i, j) for j in range(n_h)] for i in range(n_in)])


checks = {
    "line 215#3": lambda: same(
        grad(lambda v: f_chain(g_chain(v)), x_chain),
        np.array([sum(grad(f_chain, g_chain(x_chain))[l] * jac_g[l, i] for l in range(3)) for i in range(3)]),
    ),
    "line 184": lambda: all(
        same(np.array([relu(sum(W1[k, i] * X[p][k] for k in range(n_in)) + b1[i]) for i in range(n_h)]), x2[p]) for p in range(m)
    ),
    "line 186": lambda: same(relu(np.linspace(-2, 2, 9)), np.maximum(0, np.linspace(-2, 2, 9))),
    "line 188": lambda: same(np.array([np.exp(x3[0][j]) / sum(np.exp(x3[0][k]) for k in range(K)) for j in range(K)]), softmax(x3[0])),
    "log_x3": lambda: every(lambda p, k: same(dlnp_dx3[p][k], kd[k] - phat[p])),
    "E_wij1": lambda: same(-1 / m * sum(Y[p][k] * dlnp_dW1[p][k] for p in range(m) for k in range(K)), dE_dW1),
    "log_wij": lambda: every(
        lambda p, k: same(dlnp_dW1_via(p, k, lambda p, k, i, j: dlnp_dx2[p][k, j] * dx2_dW1[p][j][i, j]), dlnp_dW1[p][k])
    ),
    "log_x2": lambda: every(
        lambda p, k: same(np.array([sum(dlnp_dx3[p][k, q] * dx3_dx2[q, j] for q in range(K)) for j in range(n_h)]), dlnp_dx2[p][k])
    ),
    "x3_x2": lambda: all(np.isclose(dx3_dx2[k, j], W2[j, k]) for k in range(K) for j in range(n_h)),
    "log_x2_final": lambda: every(
        lambda p, k: same(np.array([sum((kd[k, q] - phat[p][q]) * W2[j, k] for q in range(K)) for j in range(n_h)]), dlnp_dx2[p][k])
    ),
    "x2_wij": lambda: all(
        np.isclose(dx2_dW1[p][j][i, j], H(pre[p][j]) * X[p][i]) for p in range(m) for i in range(n_in) for j in range(n_h)
    ),
    "log_wij_final": lambda: every(
        lambda p, k: same(
            dlnp_dW1_via(p, k, lambda p, k, i, j: H(pre[p][j]) * X[p][i] * sum((kd[k, q] - phat[p][q]) * W2[j, q] for q in range(K))),
            dlnp_dW1[p][k],
        )
    ),
    "backprop": lambda: same(
        np.array(
            [
                [
                    1 / m * sum(sum(dEp_dx3[p][k] * W2[j, k] for k in range(K)) * H(pre[p][j]) * X[p][i] for p in range(m))
                    for j in range(n_h)
                ]
                for i in range(n_in)
            ]
        ),
        dE_dW1,
    ),
}
planted = {
    "log_x3": lambda: every(lambda p, k: same(dlnp_dx3[p][k], kd[k] - phat[p][k])),
    "E_wij1": lambda: same(1 / m * sum(Y[p][k] * dlnp_dW1[p][k] for p in range(m) for k in range(K)), dE_dW1),
    "x3_x2": lambda: all(np.isclose(dx3_dx2[k, j], W2[k, j]) for k in range(K) for j in range(n_h)),
    "x2_wij": lambda: all(
        np.isclose(dx2_dW1[p][j][i, j], H(pre[p][j]) * X[p][j]) for p in range(m) for i in range(n_in) for j in range(n_h)
    ),
    "backprop": lambda: same(
        np.array(
            [
                [sum(sum(dEp_dx3[p][k] * W2[j, k] for k in range(K)) * H(pre[p][j]) * X[p][i] for p in range(m)) for j in range(n_h)]
                for i in range(n_in)
            ]
        ),
        dE_dW1,
    ),
}
confirm("collas_backprop.tex", "collas_backprop_planted.tex", checks, planted)
print("OK")
