"""Independent NumPy oracle for vetea_backprop.md and vetea_momentum.md (and their planted copies): a Spanish
curriculum's one-neuron worked example (sigmoid, L = 1/2 (y - a)^2) and its momentum step (v_t = beta v_{t-1} + (1 -
beta) grad L, w <- w - eta v_t).

The true values are the forward pass and central differences of L(w_1) at the page's numbers; written numbers by
written.py's rule; the momentum recurrence is run on the true gradient and on the page's written one. Prints OK when
every verdict of MANIFEST.toml holds. Run: python oracle_vetea.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid
from written import written as W

x1, x2, w1, w2, b, y, eta, beta = 0.5, 1.0, 0.3, 0.7, 0.1, 0.8, 0.1, 0.9
L = lambda w: float(0.5 * (y - sigmoid(w[0] * x1 + w[1] * x2 + b)) ** 2)  # noqa: E731
z = w1 * x1 + w2 * x2 + b
a = sigmoid(z)
g = grad(L, np.array([w1, w2]))
dL_da = float(grad(lambda v: float(0.5 * (y - v[0]) ** 2), np.array([a]))[0])
da_dz = float(grad(lambda v: float(sigmoid(v[0])), np.array([z]))[0])
dz_dw1 = float(grad(lambda v: float(v[0] * x1 + w2 * x2 + b), np.array([w1]))[0])
chain = dL_da * da_dz * dz_dw1
v1 = beta * 0.0 + (1 - beta) * g[0]  # the exponential average from v_0 = 0
at = 0.43  # a second point for the generic formulas
slope = float(grad(lambda v: float(sigmoid(v[0])), np.array([at]))[0])
dLa = float(grad(lambda v: float(0.5 * (y - v[0]) ** 2), np.array([at]))[0])

backprop = {
    "line 24": lambda: same(z, 0.3 * 0.5 + 0.7 * 1.0 + 0.1),
    "line 25": lambda: same(0.3 * 0.5, 0.15) and W(z, "0.95"),
    "line 29": lambda: W(a, "0.721"),
    "line 33": lambda: W(a, "0.721") and same(L([w1, w2]), 0.5 * (y - a) ** 2),
    "line 34": lambda: W(y - a, "0.079") and W(L([w1, w2]), "0.00312"),
    "line 40": lambda: same(g[0], chain),
    "line 44": lambda: same(dLa, -(y - at)),
    "line 45": lambda: W(dL_da, "-0.079"),
    "line 48": lambda: same(slope, sigmoid(at) * (1 - sigmoid(at))),
    "line 49": lambda: W(da_dz, "0.201") and W(0.721 * 0.279, "0.201"),
    "line 53": lambda: same(dz_dw1, x1) and not same(dz_dw1, w1),
    "line 54": lambda: W(dz_dw1, "0.5"),
    "line 60": lambda: W(dL_da, "-0.079") and W(da_dz, "0.201") and W(dz_dw1, "0.5"),
    "line 61": lambda: W(g[0], "-0.00793"),
    "line 68": lambda: W(w1 - eta * g[0], "0.300793"),
    "line 69": lambda: W(-eta * g[0], "0.000793"),
    "line 70": lambda: W(-eta * g[0], "0.000793") and W(w1 - eta * g[0], "0.300793") and W(0.3 + 0.000793, "0.300793"),
}
backprop_planted = {
    "line 44": lambda: same(dLa, y - at),
    "line 49": lambda: W(da_dz, "1.241"),
    "line 53": lambda: same(dz_dw1, w1),
    "line 61": lambda: W(g[0], "-0.0159"),
    "line 70": lambda: W(-eta * g[0], "-0.000793"),
}
momentum = {
    # the recurrence: one step from v_0 = 0 equals (1 - beta) g, and a second step 0.9 v_1 + 0.1 g_2
    "line 20": lambda: same(v1, (1 - beta) * g[0]),
    # steps compared as increments: a step of 1e-4 is inside 0.2 % of the weight itself
    "line 32": lambda: same((w1 - eta * v1) - w1, -eta * v1) and W(-eta * v1, "0.0000793"),
    "line 57": lambda: same(v1, beta * 0 + (1 - beta) * g[0]),
    "line 58": lambda: W(g[0], "-0.00793") and same(1 - beta, 0.1),
    "line 59": lambda: W(v1, "-0.000793") and W(0.1 * -0.00793, "-0.000793"),
    "line 60": lambda: W(v1, "-0.000793"),
    "line 64": lambda: W(w1 - eta * v1, "0.3000793"),
    "line 65": lambda: W(-eta * v1, "0.0000793"),
    "line 66": lambda: W(-eta * v1, "0.0000793") and W(w1 - eta * v1, "0.3000793"),
    "line 70": lambda: same(beta, 0.9) and same(1 - beta, 0.1),
}
momentum_planted = {
    "line 32": lambda: same((w1 - eta * v1) - w1, eta * v1),
    "line 59": lambda: W(v1, "-0.0071"),
    "line 66": lambda: W(-eta * v1, "0.000793"),
    "line 70": lambda: same(beta, 0.1),
}
confirm("vetea_backprop.md", "vetea_backprop_planted.md", backprop, backprop_planted)
confirm("vetea_momentum.md", "vetea_momentum_planted.md", momentum, momentum_planted)
print("OK")
