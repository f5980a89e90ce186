"""Independent NumPy oracle for draco_reglinear.md, draco_reglogistic.md and draco_logistic.md (and their planted
copies): a learner's notes on Ng's regularized linear and logistic regression (weight decay on w, not on b).

A random batch of m = 6 examples with n = 3 features, random w, b, lambda, alpha; J as the notes define it (the mean
half squared error or the mean binary cross-entropy, plus lambda/(2m) sum_j w_j^2 where regularized); every derivative
by central differences, every update compared with one gradient-descent step on it. Prints OK when every verdict of
MANIFEST.toml holds. Run: python oracle_draco.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2017)
m, n = 6, 3
X, w, b = rng.normal(size=(m, n)), rng.normal(size=n), 0.3
y_lin, y_log = rng.normal(size=m), rng.integers(0, 2, size=m).astype(float)
lam, alpha = 0.7, 0.05
lin = lambda w_, b_: X @ w_ + b_  # noqa: E731
sig = lambda w_, b_: sigmoid(X @ w_ + b_)  # noqa: E731


def J_lin(p, reg=True):
    w_, b_ = p[:n], p[n]
    return float(np.sum((lin(w_, b_) - y_lin) ** 2) / (2 * m) + (lam / (2 * m) * np.sum(w_**2) if reg else 0.0))


def J_log(p, reg=True):
    w_, b_ = p[:n], p[n]
    f = sig(w_, b_)
    ce = -np.mean(y_log * np.log(f) + (1 - y_log) * np.log(1 - f))
    return float(ce + (lam / (2 * m) * np.sum(w_**2) if reg else 0.0))


P0 = np.r_[w, b]
g_lin, g_reg, g_log = grad(J_lin, P0), grad(J_log, P0), grad(lambda p: J_log(p, reg=False), P0)
e_lin, e_log = lin(w, b) - y_lin, sig(w, b) - y_log
f = sig(w, b)
data_lin = X.T @ e_lin / m  # (1/m) sum (f - y) x_j, for every j
data_log = X.T @ e_log / m
step = lambda p, g: p - alpha * g  # noqa: E731  the gradient-descent step the notes write with :=

reglinear = {
    "line 22": lambda: same(g_lin[:n], data_lin + lam / m * w),
    "line 26": lambda: same(g_lin[n], np.mean(e_lin)),
    "line 35": lambda: same(step(P0, g_lin)[:n], w - alpha * (data_lin + lam / m * w)),
    "line 38": lambda: same(step(P0, g_lin)[n], b - alpha * np.mean(e_lin)),
    "line 46": lambda: same(step(P0, g_lin)[:n], w * (1 - alpha * lam / m) - alpha * data_lin),
}
reglinear_planted = {
    "line 22": lambda: same(g_lin[:n], data_lin + lam / (2 * m) * w),
    "line 26": lambda: same(g_lin[n], np.mean(e_lin) + lam / m * b),
    "line 46": lambda: same(step(P0, g_lin)[:n], w * (1 + alpha * lam / m) - alpha * data_lin),
}
reglogistic = {
    "line 31": lambda: same(g_reg[:n], data_log + lam / m * w),
    "line 37": lambda: same(step(P0, g_reg)[:n], w - alpha * (data_log + lam / m * w)),
    "line 39": lambda: same(step(P0, g_reg)[n], b - alpha * np.mean(e_log)),
}
reglogistic_planted = {
    "line 31": lambda: same(g_reg[:n], np.full(n, np.mean(e_log)) + lam / m * w),
    "line 39": lambda: same(step(P0, g_reg)[n], b + alpha * np.mean(e_log)),
}
logistic = {
    "line 13": lambda: same(step(P0, g_log)[:n], w - alpha * g_log[:n]) and J_log(step(P0, g_log), False) < J_log(P0, False),
    "line 14": lambda: same(step(P0, g_log)[n], b - alpha * g_log[n]),
    "line 19": lambda: same(g_log[:n], data_log),
    "line 21": lambda: same(g_log[n], np.mean(e_log)),
}
logistic_planted = {
    "line 19": lambda: same(g_log[:n], X.T @ (e_log * f * (1 - f)) / m),
    "line 21": lambda: same(g_log[n], np.sum(e_log)),
}
confirm("draco_reglinear.md", "draco_reglinear_planted.md", reglinear, reglinear_planted)
confirm("draco_reglogistic.md", "draco_reglogistic_planted.md", reglogistic, reglogistic_planted)
confirm("draco_logistic.md", "draco_logistic_planted.md", logistic, logistic_planted)
print("OK")
