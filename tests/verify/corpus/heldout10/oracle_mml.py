"""Independent NumPy oracle for mml_backprop.tex / mml_backprop_planted.tex (Deisenroth, Faisal, Ong, Mathematics for
Machine Learning, section 5.6).

Section 5.6.1 on the network of mml_backprop.spec.toml: f_0 = x, f_i = sigmoid(A_{i-1} f_{i-1} + b_{i-1}), K = 3,
L(theta) = ||y - f_K||^2 without 1/2. A chain of Jacobians (numerator layout; theta_j flattened as (vec A_j, b_j)) is
the product of central-difference Jacobians, compared with central differences of L by theta_j. Example 5.14: every
derivative of the computation graph a = x^2, ..., f = d + e by central differences of the graph's own functions.
Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_mml.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, jacobian, same, sigmoid

rng = np.random.default_rng(5110)
K, n = 3, (3, 4, 3, 2)
x, y = rng.normal(size=n[0]), rng.random(size=n[K])
A = {j: rng.normal(size=(n[j + 1], n[j])) for j in range(K)}
b = {j: rng.normal(size=n[j + 1]) for j in range(K)}


def layer(i, f_prev, Aj=None, bj=None):
    """f_i = sigma(A_{i-1} f_{i-1} + b_{i-1})."""
    return sigmoid((A[i - 1] if Aj is None else Aj) @ f_prev + (b[i - 1] if bj is None else bj))


def forward(theta=None, j=None):
    """f_0 .. f_K; with theta, the parameters theta_j = (vec A_j, b_j) replaced."""
    f = {0: x}
    for i in range(1, K + 1):
        if j == i - 1:
            Aj, bj = theta[: A[j].size].reshape(A[j].shape), theta[A[j].size :]
            f[i] = layer(i, f[i - 1], Aj, bj)
        else:
            f[i] = layer(i, f[i - 1])
    return f


def loss(fK):
    return float(np.sum((y - fK) ** 2))


f = forward()
theta = {j: np.concatenate([A[j].ravel(), b[j]]) for j in range(K)}
dL_dtheta = {j: jacobian(lambda t, j=j: np.array([loss(forward(t, j)[K])]), theta[j])[0] for j in range(K)}
dL_dfK = jacobian(lambda v: np.array([loss(v)]), f[K])  # 1 x n_K
df_df = {i: jacobian(lambda v, i=i: layer(i, v), f[i - 1]) for i in range(2, K + 1)}  # df_i/df_{i-1}
df_dtheta = {
    i: jacobian(lambda t, i=i: layer(i, f[i - 1], t[: A[i - 1].size].reshape(A[i - 1].shape), t[A[i - 1].size :]), theta[i - 1])
    for i in range(1, K + 1)
}  # df_i / dtheta_{i-1}


def chain(j, skip=False):
    """dL/df_K df_K/df_{K-1} ... df_{j+2}/df_{j+1} df_{j+1}/dtheta_j (skip: without df_K/df_{K-1})."""
    out = dL_dfK
    for i in range(K, j + 1, -1):
        if skip and i == K:
            continue
        out = out @ df_df[i]
    return (out @ df_dtheta[j + 1])[0]


# Example 5.14: the computation graph of f(x) = sqrt(x^2 + exp(x^2)) + cos(x^2 + exp(x^2)) at a few points
def fx(v):
    return np.sqrt(v**2 + np.exp(v**2)) + np.cos(v**2 + np.exp(v**2))


h = 1e-6
d1 = lambda fn, v: (fn(v + h) - fn(v - h)) / (2 * h)  # noqa: E731
xs = np.array([-0.7, -0.2, 0.3, 0.9])
a = xs**2
bb = np.exp(a)
c = a + bb
# partials of the graph's outputs by its intermediate variables (reverse mode, by central differences)
df_dc = d1(lambda v: np.sqrt(v) + np.cos(v), c)  # f = sqrt(c) + cos(c)
df_db = d1(lambda v: np.sqrt(a + v) + np.cos(a + v), bb)  # c = a + b
df_da = d1(lambda v: np.sqrt(v + np.exp(v)) + np.cos(v + np.exp(v)), a)  # b = exp(a), c = a + b
df_dx = d1(fx, xs)
form1 = (2 * xs + 2 * xs * np.exp(xs**2)) / (2 * np.sqrt(xs**2 + np.exp(xs**2))) - np.sin(xs**2 + np.exp(xs**2)) * (
    2 * xs + 2 * xs * np.exp(xs**2)
)


def form2(k=1.0):
    return 2 * xs * (1 / (2 * np.sqrt(xs**2 + np.exp(xs**2))) - np.sin(xs**2 + np.exp(xs**2))) * (1 + k * np.exp(xs**2))


checks = {
    "5.110": lambda: same(df_dx, form1) and same(form1, form2()),
    "5.112": lambda: same(f[0], x),
    "5.113": lambda: all(same(f[i], sigmoid(A[i - 1] @ f[i - 1] + b[i - 1])) for i in range(1, K + 1)),
    "5.114": lambda: np.isclose(loss(f[K]), np.linalg.norm(y - f[K]) ** 2),
    "5.115": lambda: same(dL_dtheta[K - 1], chain(K - 1)),
    "5.116": lambda: same(dL_dtheta[K - 2], chain(K - 2)),
    "5.117": lambda: same(dL_dtheta[K - 3], chain(K - 3)),
    "5.118": lambda: all(same(dL_dtheta[i], chain(i)) for i in range(K)),
    "5.129": lambda: same(d1(lambda v: v**2, xs), 2 * xs),
    "5.130": lambda: same(d1(np.exp, a), np.exp(a)),
    "5.131": lambda: same(d1(lambda v: v + bb, a), np.ones_like(a)) and same(d1(lambda v: a + v, bb), np.ones_like(a)),
    "5.132": lambda: same(d1(np.sqrt, c), 1 / (2 * np.sqrt(c))),
    "5.133": lambda: same(d1(np.cos, c), -np.sin(c)),
    "5.134": lambda: (
        same(d1(lambda v: v + np.cos(c), np.sqrt(c)), np.ones_like(c)) and same(d1(lambda v: np.sqrt(c) + v, np.cos(c)), np.ones_like(c))
    ),
    "5.135": lambda: same(df_dc, 1 * d1(np.sqrt, c) + 1 * d1(np.cos, c)),
    "5.136": lambda: same(df_db, df_dc * 1),
    "5.137": lambda: same(df_da, df_db * np.exp(a) + df_dc * 1),
    "5.138": lambda: same(df_dx, df_da * 2 * xs),
    "5.139": lambda: same(df_dc, 1 * 1 / (2 * np.sqrt(c)) + 1 * (-np.sin(c))),
    "5.140": lambda: same(df_db, df_dc * 1),
    "5.141": lambda: same(df_da, df_db * np.exp(a) + df_dc * 1),
    "5.142": lambda: same(df_dx, df_da * 2 * xs),
}
planted = {
    "5.110": lambda: same(df_dx, form1) and same(form1, form2(k=2.0)),
    "5.113": lambda: all(same(f[i], sigmoid(A[i - 1] @ f[i - 1] + b[i])) for i in range(1, K)),  # b_K does not exist
    "5.114": lambda: np.isclose(loss(f[K]), np.linalg.norm(y - f[K])),
    "5.116": lambda: same(dL_dtheta[K - 2], chain(K - 2, skip=True)),
    "5.132": lambda: same(d1(np.sqrt, c), 1 / np.sqrt(c)),
    "5.137": lambda: same(df_da, df_db * np.exp(a) * df_dc * 1),
    "5.141": lambda: same(df_da, df_db * np.exp(bb) + df_dc * 1),
}
confirm("mml_backprop.tex", "mml_backprop_planted.tex", checks, planted)
print("OK")
