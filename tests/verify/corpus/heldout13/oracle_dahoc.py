"""Independent NumPy oracle for dahoc_backprop.tex / dahoc_backprop_planted.tex (Jan Hendriks's German notes: the
teacher y-hat, delta = -dE/dnet, w_hm from h to m, a bias unit o~_0 = 1).

The network (dahoc_backprop.spec.toml): o~ = (1, x) (3 inputs), net_h = sum_{i=0} w_ih o~_i, o_h = f(net_h) (4 hidden),
net_m = sum_{i=0} w_im o~_i over (1, o_h), y_m = f(net_m) (2 outputs), f the sigmoid, E = 1/2 sum (y-hat_m - y_m)^2
with y-hat the teacher. Every derivative is a central difference of E. Prints OK when every verdict of MANIFEST.toml
holds.
Run: python oracle_dahoc.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(1306)
Wh, Wm = rng.normal(size=(4, 4)), rng.normal(size=(5, 2))  # [from i = 0..N, to h], [from h = 0..H, to m]; row 0 the bias
x, teacher = rng.normal(size=3), rng.uniform(0.1, 0.9, size=2)
fp = lambda z: sigmoid(z) * (1 - sigmoid(z))  # noqa: E731
eta = 0.1


def forward(wh, wm):
    oi = np.concatenate(([1.0], x))
    net_h = oi @ wh
    oh = np.concatenate(([1.0], sigmoid(net_h)))
    net_m = oh @ wm
    return oi, net_h, oh, net_m, sigmoid(net_m)


def E(wh, wm):
    return float(0.5 * np.sum((teacher - forward(wh, wm)[4]) ** 2))


oi, net_h, oh, net_m, y = forward(Wh, Wm)
dE_dWm, dE_dWh = grad(lambda w: E(Wh, w), Wm), grad(lambda w: E(w, Wm), Wh)
dE_dnetm = grad(lambda n: float(0.5 * np.sum((teacher - sigmoid(n)) ** 2)), net_m)
dE_dy = grad(lambda v: float(0.5 * np.sum((teacher - v) ** 2)), y)
dE_dnetw = grad(lambda n: float(0.5 * np.sum((teacher - sigmoid(np.concatenate(([1.0], sigmoid(n))) @ Wm)) ** 2)), net_h)
dE_doh = grad(lambda o: float(0.5 * np.sum((teacher - sigmoid(np.concatenate(([1.0], o)) @ Wm)) ** 2)), oh[1:])
dnet_dw = np.array([[grad(lambda w, m=m: float((oh @ w)[m]), Wm)[h, m] for m in range(2)] for h in range(5)])  # dnet_m/dw_hm
delta_m, delta_h = -dE_dnetm, -dE_dnetw
H, M = range(5), range(2)
descent = E(Wh, Wm - eta * dE_dWm) < E(Wh, Wm)

checks = {
    "line 119.1": lambda: descent,  # the change is proportional to -grad E
    "line 120.2": lambda: descent,
    "line 126": lambda: same(net_m, [sum(Wm[i, m] * oh[i] for i in H) for m in M]),
    "line 128": lambda: same(y, sigmoid(net_m)),
    "line 130": lambda: same(dE_dWm, [[dE_dnetm[m] * dnet_dw[h, m] for m in M] for h in H]),
    "line 133.1": lambda: same(dnet_dw, [[oh[h] for m in M] for h in H]),
    "line 139.2": lambda: same(dE_dnetm, dE_dy * fp(net_m)) and same(-delta_m, dE_dnetm),
    "line 143.3": lambda: same(dE_dy, -(teacher - y)),
    "line 148": lambda: same(-eta * dE_dWm, [[eta * (teacher[m] - y[m]) * fp(net_m[m]) * oh[h] for m in M] for h in H]),
    "line 153": lambda: same(-eta * dE_dWm, [[eta * delta_m[m] * oh[h] for m in M] for h in H]),
    "line 162": lambda: same(dE_dWh, [[dE_dnetw[h] * oi[k] for h in range(4)] for k in range(4)]),
    "line 165.1": lambda: same(delta_h, -dE_doh * fp(net_h)),
    "line 168.2": lambda: same(-dE_doh, [sum(delta_m[l] * Wm[h + 1, l] for l in M) for h in range(4)]),
    "line 174": lambda: same(delta_h, [sum(delta_m[l] * Wm[h + 1, l] for l in M) * fp(net_h[h]) for h in range(4)]),
    "line 176": lambda: same(-eta * dE_dWh, [[eta * delta_h[h] * oi[k] for h in range(4)] for k in range(4)]),
}
planted = {
    "line 133.1": lambda: same(dnet_dw[:2], [[y[m] for m in M] for h in range(2)]),
    "line 143.3": lambda: same(dE_dy, teacher - y),
    "line 148": lambda: same(-eta * dE_dWm, [[eta * (y[m] - teacher[m]) * fp(net_m[m]) * oh[h] for m in M] for h in H]),
    "line 168.2": lambda: same(-dE_doh[:2], [sum(delta_m[l] * Wm[l + 1, h] for l in M) for h in range(2)]),
    "line 174": lambda: same(delta_h[:2], [sum(delta_m[l] * Wm[h + 1, l] for l in M) * fp(net_m[h]) for h in range(2)]),
    "line 176": lambda: same(-eta * dE_dWh, [[eta * delta_h[h] * sigmoid(net_h[h]) for h in range(4)] for k in range(4)]),
}
confirm("dahoc_backprop.tex", "dahoc_backprop_planted.tex", checks, planted)
print("OK")
