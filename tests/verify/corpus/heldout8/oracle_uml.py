"""Independent NumPy oracle for uml_backprop.tex / uml_backprop_planted.tex (Shalev-Shwartz & Ben-David, Understanding
Machine Learning, section 20.6: SGD and Backpropagation).

The book's network (uml_backprop.spec.toml): layers V_0, V_1, V_2 of 3, 4, 2 neurons (T = 2), a_{t} = W_{t-1} o_{t-1}
with W_{t,i,j} the weight from v_{t,j} to v_{t+1,i}, o_t = sigma(a_t) in every layer, no biases, and the loss
Delta(o_T, y) = 1/2 ||o_T - y||^2. ell_t is the loss of the subnetwork V_t..V_T as a function of o_t; delta_t = J_{o_t}
(ell_t) is its gradient (a row); J_{w_{t-1}}(g_t) is the gradient of the loss by w_{t-1}, the rows of W_{t-1}
concatenated. Every derivative is a central difference of the book's own loss. The SGD step is checked against the
gradient of the loss plus lambda/2 ||w||^2. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_uml.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(820)
k = (3, 4, 2)
T = 2
x, y = rng.normal(size=k[0]), rng.random(k[2])
W = {0: rng.normal(size=(k[1], k[0])), 1: rng.normal(size=(k[2], k[1]))}
ds = lambda v: sigmoid(v) * (1 - sigmoid(v))  # noqa: E731


def ell(t, u, W=W):
    """ell_t(u): the loss of the subnetwork V_t..V_T as a function of the outputs u of V_t."""
    for s in range(t, T):
        u = sigmoid(W[s] @ u)
    return 0.5 * float(np.sum((u - y) ** 2))


o, a = {0: x}, {}
for t in (1, 2):
    a[t] = W[t - 1] @ o[t - 1]
    o[t] = sigmoid(a[t])
delta = {t: grad(lambda u, t=t: ell(t, u), o[t]) for t in (0, 1, 2)}
Jw = {t: grad(lambda v, t=t: ell(0, x, W={**W, t - 1: v}), W[t - 1]).reshape(-1) for t in (1, 2)}  # rows concatenated
Ob = {t: np.kron(np.eye(k[t]), o[t - 1].reshape(1, -1)) for t in (1, 2)}  # (20.2)
wv = {t: W[t - 1].reshape(-1) for t in (1, 2)}
lam, eta = 0.1, 0.05
reg = lambda Wd: ell(0, x, W=Wd) + lam / 2 * sum(float(np.sum(m * m)) for m in Wd.values())  # noqa: E731
u0 = rng.normal(size=k[1])
uT = rng.random(k[2])
checks = {
    "line 20": lambda: all(
        same(
            W[s] - eta * (grad(lambda v, s=s: ell(0, x, W={**W, s: v}), W[s]) + lam * W[s]),
            W[s] - eta * grad(lambda v, s=s: reg({**W, s: v}), W[s]),
        )
        for s in W
    ),
    "line 32": lambda: same(o[0], x),
    "line 36": lambda: all(
        same(a[t], np.array([sum(W[t - 1][i, j] * o[t - 1][j] for j in range(k[t - 1])) for i in range(k[t])])) for t in (1, 2)
    ),
    "line 40": lambda: all(same(o[t], sigmoid(a[t])) for t in (1, 2)),
    "line 44": lambda: same(delta[2], o[2] - y),
    "line 48": lambda: same(delta[1], np.array([sum(W[1][j, i] * delta[2][j] * ds(a[2][j]) for j in range(k[2])) for i in range(k[1])])),
    "line 61": lambda: all(same(a[t], W[t - 1] @ o[t - 1]) for t in (1, 2)),
    "line 65": lambda: all(same(o[t], sigmoid(a[t])) for t in (1, 2)),
    "line 67": lambda: all(same(o[t], sigmoid(a[t])) for t in (1, 2)),
    "line 70": lambda: all(
        np.isclose(ell(0, x), v) for t in (1, 2) for v in (ell(t, o[t]), ell(t, sigmoid(a[t])), ell(t, sigmoid(W[t - 1] @ o[t - 1])))
    ),
    "line 86": lambda: all(same(W[t - 1] @ o[t - 1], Ob[t] @ wv[t]) for t in (1, 2)),
    "line 90": lambda: all(np.isclose(ell(0, x), ell(t, sigmoid(Ob[t] @ wv[t]))) for t in (1, 2)),
    "line 94": lambda: all(same(Jw[t], delta[t] @ np.diag(ds(Ob[t] @ wv[t])) @ Ob[t]) for t in (1, 2)),
    "line 96": lambda: all(same(o[t], sigmoid(Ob[t] @ wv[t])) for t in (1, 2)),
    "line 96#2": lambda: all(same(a[t], Ob[t] @ wv[t]) for t in (1, 2)),
    "line 99": lambda: all(same(Jw[t], delta[t] @ np.diag(ds(a[t])) @ Ob[t]) for t in (1, 2)),
    "20.3": lambda: all(same(Jw[t], np.concatenate([delta[t][i] * ds(a[t][i]) * o[t - 1] for i in range(k[t])])) for t in (1, 2)),
    "line 110": lambda: same(grad(lambda u: 0.5 * float(np.sum((u - y) ** 2)), uT), uT - y),
    "line 114": lambda: same(delta[2], grad(lambda u: ell(2, u), o[2])) and same(delta[2], o[2] - y),
    "line 118": lambda: all(np.isclose(ell(t, u), ell(t + 1, sigmoid(W[t] @ u))) for t, u in ((0, x), (1, u0))),
    "line 122": lambda: (
        same(grad(lambda u: ell(1, u), u0), grad(lambda v: ell(2, v), sigmoid(W[1] @ u0)) @ np.diag(ds(W[1] @ u0)) @ W[1])
        and same(jacobian(lambda u: sigmoid(W[1] @ u), u0), np.diag(ds(W[1] @ u0)) @ W[1])
    ),
    "line 126": lambda: all(
        same(delta[t], grad(lambda v, t=t: ell(t + 1, v), sigmoid(W[t] @ o[t])) @ np.diag(ds(W[t] @ o[t])) @ W[t])
        and same(delta[t], delta[t + 1] @ np.diag(ds(a[t + 1])) @ W[t])
        for t in (1,)
    ),
}
planted = {
    "line 20": lambda: all(
        same(
            W[s] - eta * (grad(lambda v, s=s: ell(0, x, W={**W, s: v}), W[s]) - lam * W[s]),
            W[s] - eta * grad(lambda v, s=s: reg({**W, s: v}), W[s]),
        )
        for s in W
    ),
    "line 36": lambda: all(
        same(a[t], np.array([sum(W[t - 1][j, i] * o[t - 1][j] for j in range(k[t - 1])) for i in range(k[t])])) for t in (1, 2)
    ),
    "line 44": lambda: same(delta[2], y - o[2]),
    "line 48": lambda: same(delta[1], np.array([sum(W[1][i, j] * delta[2][j] * ds(a[2][j]) for j in range(k[2])) for i in range(k[1])])),
    "line 99": lambda: same(Jw[2], delta[2] @ np.diag(ds(a[1])) @ Ob[2]),
    "20.3": lambda: all(same(Jw[t], np.concatenate([delta[t][i] * sigmoid(a[t][i]) * o[t - 1] for i in range(k[t])])) for t in (1, 2)),
    "line 110": lambda: same(grad(lambda u: 0.5 * float(np.sum((u - y) ** 2)), uT), 0.5 * (uT - y)),
    "line 126": lambda: same(delta[1], delta[2] @ np.diag(ds(a[2])) @ W[1].T),
}
confirm("uml_backprop.tex", "uml_backprop_planted.tex", checks, planted)
print("OK")
