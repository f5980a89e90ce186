"""Independent NumPy oracle for udl_toy.ipynb / udl_toy_planted.ipynb (Prince, Understanding Deep Learning, notebook
7.1: backpropagation in the toy model).

The book's conventions (udl_toy.spec.toml): f_0 = beta_0 + omega_0 x, h_1 = sin f_0, f_1 = beta_1 + omega_1 h_1,
h_2 = exp f_1, f_2 = beta_2 + omega_2 h_2, h_3 = cos f_2, f_3 = beta_3 + omega_3 h_3, l_i = (f_3 - y_i)^2 (no 1/2). Every
derivative is a central difference of l_i (by a parameter, or by an intermediate quantity with the rest of the forward
pass after it). Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_udl_toy.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad

beta = np.array([0.3, -0.2, 0.15, 0.4])
omega = np.array([1.1, -0.7, 0.5, 1.3])
x, y = 0.8, 0.25
zs = np.linspace(-1.9, 2.2, 6)
d = lambda f, v: float((f(v + 1e-6) - f(v - 1e-6)) / 2e-6)  # noqa: E731  (a scalar central difference)


def model(b=beta, w=omega, xi=x):
    return b[3] + w[3] * np.cos(b[2] + w[2] * np.exp(b[1] + w[1] * np.sin(b[0] + w[0] * xi)))


def loss(b=beta, w=omega):
    return float((model(b, w) - y) ** 2)


f0 = beta[0] + omega[0] * x
h1 = np.sin(f0)
f1 = beta[1] + omega[1] * h1
h2 = np.exp(f1)
f2 = beta[2] + omega[2] * h2
h3 = np.cos(f2)
f3 = beta[3] + omega[3] * h3
# the loss from each intermediate quantity on
from_f3 = lambda v: (v - y) ** 2  # noqa: E731
from_h3 = lambda v: from_f3(beta[3] + omega[3] * v)  # noqa: E731
from_f2 = lambda v: from_h3(np.cos(v))  # noqa: E731
from_h2 = lambda v: from_f2(beta[2] + omega[2] * v)  # noqa: E731
from_f1 = lambda v: from_h2(np.exp(v))  # noqa: E731
from_h1 = lambda v: from_f1(beta[1] + omega[1] * v)  # noqa: E731
from_f0 = lambda v: from_h1(np.sin(v))  # noqa: E731
dl = {
    "f3": d(from_f3, f3),
    "h3": d(from_h3, h3),
    "f2": d(from_f2, f2),
    "h2": d(from_h2, h2),
    "f1": d(from_f1, f1),
    "h1": d(from_h1, h1),
    "f0": d(from_f0, f0),
}
# local derivatives, each by its own central difference
df3_dh3 = d(lambda v: beta[3] + omega[3] * v, h3)
dh3_df2 = d(np.cos, f2)
df2_dh2 = d(lambda v: beta[2] + omega[2] * v, h2)
dh2_df1 = d(np.exp, f1)
df1_dh1 = d(lambda v: beta[1] + omega[1] * v, h1)
dh1_df0 = d(np.sin, f0)
g_omega0 = grad(lambda w: loss(w=w), omega)[0]
big = (
    -2
    * (beta[3] + omega[3] * np.cos(beta[2] + omega[2] * np.exp(beta[1] + omega[1] * np.sin(beta[0] + omega[0] * x))) - y)
    * omega[1]
    * omega[2]
    * omega[3]
    * x
    * np.cos(beta[0] + omega[0] * x)
    * np.exp(beta[1] + omega[1] * np.sin(beta[0] + omega[0] * x))
    * np.sin(beta[2] + omega[2] * np.exp(beta[1] + omega[1] * np.sin(beta[0] + omega[0] * x)))
)
checks = {
    "line 14": lambda: np.isclose(model(), f3),
    "line 22": lambda: all(
        np.isclose(d(np.cos, v), -np.sin(v)) and np.isclose(d(np.exp, v), np.exp(v)) and np.isclose(d(np.sin, v), np.cos(v)) for v in zs
    ),
    "line 28": lambda: np.isclose(loss(), (model() - y) ** 2),
    "line 46.1": lambda: np.isclose(g_omega0, big),
    "line 58.1": lambda: np.isclose(f0, beta[0] + omega[0] * x),
    "line 59.2": lambda: np.isclose(h1, np.sin(f0)),
    "line 60.3": lambda: np.isclose(f1, beta[1] + omega[1] * h1),
    "line 61.4": lambda: np.isclose(h2, np.exp(f1)),
    "line 62.5": lambda: np.isclose(f2, beta[2] + omega[2] * h2),
    "line 63.6": lambda: np.isclose(h3, np.cos(f2)),
    "line 64.7": lambda: np.isclose(f3, beta[3] + omega[3] * h3) and np.isclose(f3, model()),
    "line 65.8": lambda: np.isclose(loss(), (f3 - y) ** 2),
    "line 80": lambda: np.isclose(dl["f3"], 2 * (f3 - y)),
    "line 86": lambda: np.isclose(dl["h3"], df3_dh3 * dl["f3"]),
    "line 94.1": lambda: np.isclose(dl["f2"], dh3_df2 * (df3_dh3 * dl["f3"])),
    "line 97.2": lambda: np.isclose(dl["h2"], df2_dh2 * (dh3_df2 * df3_dh3 * dl["f3"])),
    "line 98.3": lambda: np.isclose(dl["f1"], dh2_df1 * (df2_dh2 * dh3_df2 * df3_dh3 * dl["f3"])),
    "line 99.4": lambda: np.isclose(dl["h1"], df1_dh1 * (dh2_df1 * df2_dh2 * dh3_df2 * df3_dh3 * dl["f3"])),
    "line 100.5": lambda: np.isclose(dl["f0"], dh1_df0 * (df1_dh1 * dh2_df1 * df2_dh2 * dh3_df2 * df3_dh3 * dl["f3"])),
}
dh3_df3 = 0.0  # h_3 = cos f_2 does not depend on f_3
dh1_df1 = 0.0  # h_1 = sin f_0 does not depend on f_1
planted = {
    "line 22": lambda: all(np.isclose(d(np.cos, v), np.sin(v)) for v in zs),
    "line 46.1": lambda: np.isclose(g_omega0, -big),
    "line 59.2": lambda: np.isclose(h1, np.cos(f0)),
    "line 65.8": lambda: np.isclose(loss(), (f3 + y) ** 2),
    "line 80": lambda: np.isclose(dl["f3"], f3 - y),
    "line 86": lambda: np.isclose(dl["h3"], dh3_df3 * dl["f3"]),
    "line 98.3": lambda: np.isclose(dl["f1"], dh1_df1 * (df2_dh2 * dh3_df2 * df3_dh3 * dl["f3"])),
}
confirm("udl_toy.ipynb", "udl_toy_planted.ipynb", checks, planted)
print("OK")
