"""Independent NumPy oracle for esl.tex / esl_planted.tex (Hastie, Tibshirani & Friedman, ESL 2nd ed., 11.3-11.4).

The book's conventions (esl.spec.toml): alpha (M x p) and beta (K x M) with rows alpha_m, beta_k, biases alpha_0m,
beta_0k; Z_m = sigma(alpha_0m + alpha_m^T X), T_k = beta_0k + beta_k^T Z, f_k = g_k(T) = T_k (regression);
R = sum_i R_i = sum_i sum_k (y_ik - f_k(x_i))^2 over N observations (no 1/2, no mean); g_k'(beta_k^T z_i) and
sigma'(alpha_m^T x_i) are the derivatives at the units' inputs (biases implicit); delta_ki = dR_i/dT_k and s_mi =
dR_i/d(alpha_0m + alpha_m^T x_i), which is what (esl-err-beta)/(esl-err-alpha) say. Every derivative is a central
difference of R or R_i; each claim is checked for every index (k, m, l, i). Prints OK when every verdict of
MANIFEST.toml holds.
Run: python oracle_esl.py   (numpy only)
"""

import numpy as np
from fdcheck import EPS, confirm, grad, same

rng = np.random.default_rng(114)
P, M, K, N, GAMMA = 3, 4, 2, 5, 0.1
X, Yt = rng.normal(size=(N, P)), rng.normal(size=(N, K))
al0, al, be0, be = rng.normal(size=M), rng.normal(size=(M, P)), rng.normal(size=K), rng.normal(size=(K, M))
sig = lambda v: 1 / (1 + np.exp(-v))
sigp = lambda v: (sig(v + EPS) - sig(v - EPS)) / (2 * EPS)
gp = lambda v: np.ones_like(v)  # g_k(T) = T_k


def fwd(i, al=al, be=be, al0=al0, be0=be0, u=None, T=None):
    u = al0 + al @ X[i] if u is None else u  # alpha_0m + alpha_m^T x_i
    z = sig(u)
    T = be0 + be @ z if T is None else T
    return u, z, T, T  # f_k = T_k


def R_i(i, **kw):
    return float(np.sum((Yt[i] - fwd(i, **kw)[3]) ** 2))


def R(**kw):
    return sum(R_i(i, **kw) for i in range(N))


U, Z, T, F = (np.array([fwd(i)[n] for i in range(N)]) for n in range(4))  # [i, .]
dbe = np.array([grad(lambda v, i=i: R_i(i, be=v), be) for i in range(N)])  # [i, k, m]
dal = np.array([grad(lambda v, i=i: R_i(i, al=v), al) for i in range(N)])  # [i, m, l]
delta = np.array([grad(lambda v, i=i: R_i(i, T=v), T[i]) for i in range(N)]).T  # [k, i]
s = np.array([grad(lambda v, i=i: R_i(i, u=v), U[i]) for i in range(N)]).T  # [m, i]
Ks, Ms, Ls, Is = range(K), range(M), range(P), range(N)


def per(f, *ranges):
    """f over the index grid (i first), as an array."""
    return np.array([[[f(i, a, b) for b in ranges[1]] for a in ranges[0]] for i in Is])


def chain(*links):
    return all(same(links[0], link) for link in links[1:])


checks = {
    "esl-Z": lambda: same(Z, sig(al0 + X @ al.T)),
    "esl-T": lambda: same(T, be0 + Z @ be.T),
    "esl-f": lambda: same(F, T),
    "esl-sigma": lambda: same(sig(np.linspace(-3, 3, 7)), 1 / (1 + np.exp(-np.linspace(-3, 3, 7)))),
    "line 26": lambda: same(F, T),
    "esl-R": lambda: np.isclose(R(), sum((Yt[i, k] - F[i, k]) ** 2 for k in Ks for i in Is)),
    "line 35": lambda: same(Z, [[sig(al0[m] + al[m] @ X[i]) for m in Ms] for i in Is]),
    "esl-Ri": lambda: np.isclose(R(), sum(R_i(i) for i in Is)) and np.isclose(R(), np.sum((Yt - F) ** 2)),
    "esl-dbeta": lambda: same(dbe, per(lambda i, k, m: -2 * (Yt[i, k] - F[i, k]) * gp(T[i, k]) * Z[i, m], Ks, Ms)),
    "esl-dalpha": lambda: same(
        dal,
        per(lambda i, m, l: -sum(2 * (Yt[i, k] - F[i, k]) * gp(T[i, k]) * be[k, m] * sigp(U[i, m]) * X[i, l] for k in Ks), Ms, Ls),
    ),
    # batch gradient descent: the step is gamma_r times the gradient of R = sum_i R_i
    "esl-upd-beta": lambda: same(be - GAMMA * dbe.sum(axis=0), be - GAMMA * grad(lambda v: R(be=v), be)),
    "esl-upd-alpha": lambda: same(al - GAMMA * dal.sum(axis=0), al - GAMMA * grad(lambda v: R(al=v), al)),
    "esl-err-beta": lambda: same(dbe, per(lambda i, k, m: delta[k, i] * Z[i, m], Ks, Ms)),
    "esl-err-alpha": lambda: same(dal, per(lambda i, m, l: s[m, i] * X[i, l], Ms, Ls)),
    "esl-bp": lambda: same(s, [[sigp(U[i, m]) * sum(be[k, m] * delta[k, i] for k in Ks) for i in Is] for m in Ms]),
}
planted = {
    "esl-Ri": lambda: np.isclose(R(), sum(R_i(i) for i in Is)) and np.isclose(R(), np.sum((Yt - F) ** 2) / N),
    "esl-dbeta": lambda: same(dbe, per(lambda i, k, m: -(Yt[i, k] - F[i, k]) * gp(T[i, k]) * Z[i, m], Ks, Ms)),
    "esl-dalpha": lambda: same(
        dal,
        per(lambda i, m, l: -sum(2 * (Yt[i, k] - F[i, k]) * gp(T[i, k]) * be[m, k] * sigp(U[i, m]) * X[i, l] for k in Ks), Ms, Ls),
    ),
    "esl-upd-beta": lambda: same(be + GAMMA * dbe.sum(axis=0), be - GAMMA * grad(lambda v: R(be=v), be)),
    "esl-bp": lambda: same(s, [[sig(U[i, m]) * sum(be[k, m] * delta[k, i] for k in Ks) for i in Is] for m in Ms]),
}
confirm("esl.tex", "esl_planted.tex", checks, planted)
print("OK")
