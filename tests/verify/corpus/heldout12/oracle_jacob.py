"""Independent NumPy oracle for jacob_watermelon.tex / jacob_watermelon_planted.tex (Jacob Xie's notes on the
watermelon book's standard BP algorithm).

The book's network (jacob_watermelon.spec.toml): alpha_h = sum_i v_ih x_i, b_h = f(alpha_h - gamma_h), beta_j =
sum_h w_hj b_h, y-hat_j = f(beta_j - theta_j), f the sigmoid, E_k = 1/2 sum_j (y-hat_j - y_j)^2. Every derivative is a
central difference of E_k (or of the forward pass); each row of a chain is evaluated as written and must equal the
left side. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_jacob.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(512)
d, q, l, eta = 3, 4, 2, 0.1
x, y = rng.normal(size=d), rng.uniform(0.1, 0.9, size=l)
V, gam, W, th = rng.normal(size=(d, q)), rng.normal(size=q), rng.normal(size=(q, l)), rng.normal(size=l)


def forward(V=V, gam=gam, W=W, th=th, x=x):
    alpha = x @ V
    b = sigmoid(alpha - gam)
    beta = b @ W
    return alpha, b, beta, sigmoid(beta - th)


def E(yh):
    return float(0.5 * np.sum((yh - y) ** 2))


alpha, b, beta, yh = forward()
dE_dW = grad(lambda w: E(forward(W=w)[3]), W)
dE_dV = grad(lambda v: E(forward(V=v)[3]), V)
dE_dth = grad(lambda t: E(forward(th=t)[3]), th)
dE_dgam = grad(lambda g: E(forward(gam=g)[3]), gam)
dE_dyh = grad(E, yh)
dE_dbeta = grad(lambda be: E(sigmoid(be - th)), beta)
dE_dalpha = grad(lambda a: E(sigmoid(sigmoid(a - gam) @ W - th)), alpha)
g = -dE_dbeta  # the book's g_j
e = -dE_dalpha  # the book's e_h
fy = yh * (1 - yh)  # f'(beta_j - theta_j)
fb = b * (1 - b)  # f'(alpha_h - gamma_h)
dyh_dth = np.array([grad(lambda t, j=j: float(forward(th=t)[3][j]), th)[j] for j in range(l)])  # d y-hat_j / d theta_j
dbeta_dW = np.array([[grad(lambda w, j=j: float((b @ w)[j]), W)[h, j] for j in range(l)] for h in range(q)])
db_dgam = np.array([grad(lambda gg, h=h: float(sigmoid(alpha - gg)[h]), gam)[h] for h in range(q)])
xs = np.linspace(-3, 3, 13)


def hj(fun):
    """A (q, l) array [h, j] of fun(h, j)."""
    return np.array([[fun(h, j) for j in range(l)] for h in range(q)])


def ih(fun):
    """A (d, q) array [i, h] of fun(i, h)."""
    return np.array([[fun(i, h) for h in range(q)] for i in range(d)])


def chain(truth, *rows):
    return all(same(r, truth) for r in rows)


# the rows of (5.12)'s derivation, as written (d E_k / d theta_j = ...)
theta_rows = [
    dE_dyh * dyh_dth,
    dE_dyh * dyh_dth,
    dE_dyh * fy * -1,
    dE_dyh * sigmoid(beta - th) * (1 - sigmoid(beta - th)) * -1,
    dE_dyh * yh * (1 - yh) * -1,
    grad(E, yh) * yh * (1 - yh) * -1,
    0.5 * 2 * (yh - y) * 1 * yh * (1 - yh) * -1,
    (yh - y) * yh * (1 - yh),
    g,
]
# the rows of (5.13)'s derivation (d E_k / d v_ih = ...), [i, h]
sum_g_w = W @ g  # sum_j g_j w_hj, by h
v_rows = [ih(lambda i, h: sum(dE_dyh[j] * fy[j] * W[h, j] * fb[h] * x[i] for j in range(l)))] * 4 + [
    ih(lambda i, h: sum(-g[j] * W[h, j] * fb[h] * x[i] for j in range(l))),
    ih(lambda i, h: -fb[h] * sum_g_w[h] * x[i]),
    ih(lambda i, h: -b[h] * (1 - b[h]) * sum_g_w[h] * x[i]),
    ih(lambda i, h: -e[h] * x[i]),
]
# the rows of (5.14)'s derivation (d E_k / d gamma_h = ...)
gamma_rows = [
    np.array([sum(dE_dyh[j] * fy[j] * W[h, j] * db_dgam[h] for j in range(l)) for h in range(q)]),
    -fb * (W @ (dE_dyh * fy)),
    -(W @ (dE_dyh * fy)) * fb,
    -(W @ (dE_dyh * fy)) * b * (1 - b),
    sum_g_w * fb,
    e,
]

checks = {
    "line 360": lambda: same(alpha, np.array([sum(V[i, h] * x[i] for i in range(d)) for h in range(q)])),
    "line 362": lambda: same(beta, np.array([sum(W[h, j] * b[h] for h in range(q)) for j in range(l)])),
    "line 368": lambda: same(yh, sigmoid(beta - th)),
    "line 377": lambda: np.isclose(E(yh), 0.5 * sum((yh[j] - y[j]) ** 2 for j in range(l))),
    "line 384": lambda: same(W + (-eta * dE_dW), W - eta * dE_dW),  # v <- v + Delta v, Delta v the step
    "line 390": lambda: same(-eta * dE_dW, -eta * dE_dW),
    "line 408": lambda: same(beta, b @ W),
    "line 411": lambda: same(hj(lambda h, j: dE_dyh[j] * fy[j] * b[h]), dE_dW),
    "line 420": lambda: chain(dbeta_dW, np.tile(b[:, None], (1, l))),
    "line 429": lambda: same(np.array([grad(lambda v: float(sigmoid(v)), np.array(t)) for t in xs]), sigmoid(xs) * (1 - sigmoid(xs))),
    "line 435": lambda: chain(-dE_dbeta, -dE_dyh * fy, -(yh - y) * fy, yh * (1 - yh) * (y - yh)),
    "line 444": lambda: chain(
        -eta * dE_dW,
        hj(lambda h, j: -eta * dE_dyh[j] * fy[j] * b[h]),
        hj(lambda h, j: eta * yh[j] * (1 - yh[j]) * (y[j] - yh[j]) * b[h]),
        hj(lambda h, j: eta * g[j] * b[h]),
    ),
    "line 455": lambda: same(-eta * g, -eta * dE_dth),
    "line 458": lambda: same(ih(lambda i, h: eta * e[h] * x[i]), -eta * dE_dV),
    "line 461": lambda: same(-eta * e, -eta * dE_dgam),
    "line 481": lambda: same(-eta * dE_dth, -eta * dE_dth),
    "line 488": lambda: chain(dE_dth, *theta_rows),  # THE AUTHOR'S SLIP: (y-hat - y) row
    "line 509": lambda: chain(-eta * dE_dth, -eta * g),
    "line 517": lambda: same(-eta * dE_dV, -eta * dE_dV),
    "line 524": lambda: chain(dE_dV, *v_rows),
    "line 545": lambda: chain(-eta * dE_dV, ih(lambda i, h: eta * e[h] * x[i])),
    "line 553": lambda: same(-eta * dE_dgam, -eta * dE_dgam),
    "line 560": lambda: chain(dE_dgam, *gamma_rows),
    "line 578": lambda: chain(-eta * dE_dgam, -eta * e),
    "line 601": lambda: same(yh, sigmoid(beta - th)),
    "line 604": lambda: same(yh * (1 - yh) * (y - yh), g),
    "line 607": lambda: same(b * (1 - b) * (W @ g), e),
    "line 628": lambda: np.isclose(
        np.mean([E(forward(x=xk)[3]) for xk in (x, 2 * x, -x)]), 1 / 3 * sum(E(forward(x=xk)[3]) for xk in (x, 2 * x, -x))
    ),
}
planted = {
    "line 390": lambda: same(eta * dE_dW, -eta * dE_dW),
    "line 444": lambda: chain(-eta * dE_dW, hj(lambda h, j: -eta * g[j] * b[h])),
    "line 458": lambda: same(ih(lambda i, h: eta * e[i] * x[h]), -eta * dE_dV),  # x_h, h up to q > d: no such entry
    "line 524": lambda: chain(dE_dV, *v_rows[:-1], ih(lambda i, h: -e[h] * b[h])),
    "line 560": lambda: chain(dE_dgam, *gamma_rows[:-1], -e),
    "line 604": lambda: same(yh * (1 - yh) * (yh - y), g),
    "line 607": lambda: all(same(yh[j] * (1 - yh[j]) * (W @ g), e) for j in range(l)),
}
confirm("jacob_watermelon.tex", "jacob_watermelon_planted.tex", checks, planted)
print("OK")
