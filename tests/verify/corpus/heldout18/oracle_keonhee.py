"""Independent NumPy oracle for keonhee_propagation.md / keonhee_propagation_planted.md (a Korean learner's worked 2-2-1
example: z = X W_{1:2}, a = sigmoid(z), y-hat = w_5 a_1 + w_6 a_2, L = (y - y-hat)^2 without the 1/2, one SGD step
with eta = 0.1).

The exact values from the given numbers; every gradient by central differences of the author's L; each written number
judged by heldout13's rule (written.py: one unit of the last written digit or 0.2 %) or as the exact result of its
step on the author's earlier written numbers; each symbolic row of a chain evaluated as written and compared with the
differences. Prints OK when every verdict of MANIFEST.toml holds. Run: python oracle_keonhee.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid
from written import written

x = np.array([0.5, 0.3])
w0 = np.array([0.3, 0.2, 0.2, 0.3, 0.4, 0.5])                       # w_1 ... w_6
y, eta = 0.7, 0.1


def forward(w):
    z1, z2 = w[0] * x[0] + w[2] * x[1], w[1] * x[0] + w[3] * x[1]
    a1, a2 = float(sigmoid(z1)), float(sigmoid(z2))
    return z1, z2, a1, a2, w[4] * a1 + w[5] * a2


def loss(w):
    return (y - forward(w)[4]) ** 2


z1, z2, a1, a2, yh = forward(w0)
g = grad(loss, w0)                                                   # dL/dw_1 ... dL/dw_6
dL_dyh = float(grad(lambda v: (y - v[0]) ** 2, np.array([yh]))[0])
s1 = a1                                                              # sigmoid(z_1)
w_new = w0 - eta * g
yh_new = forward(w_new)[4]
assert not same(z1, z2)

checks = {
    "line 45": lambda: same(a1, 1 / (1 + np.exp(-z1))) and same(z1, 0.21) and written(a1, "0.552"),
    # the first link a_2 = Sigmoid(z_1) fails: sigmoid(z_1) is not a_2
    "line 49": lambda: same(a2, float(sigmoid(z1))) and written(a2, "0.547"),
    "line 59": lambda: written(yh, "0.4943") and same(0.552 * 0.4 + 0.547 * 0.5, 0.4943),
    "line 74": lambda: written(0.4943, "0.4943") and same((0.7 - 0.4943) ** 2, 0.2057**2)
                       and written(0.2057**2, "0.04231") and written(yh, "0.4943"),
    "line 99": lambda: same(g[4], dL_dyh * a1) and same(g[4], -2 * (y - yh) * a1) and written(g[4], "-0.227")
                       and written(-2 * (0.7 - 0.4943) * 0.552, "-0.227"),
    "line 115": lambda: same(g[5], dL_dyh * a2) and same(g[5], -2 * (y - yh) * a2) and written(g[5], "-0.225")
                        and written(-2 * (0.7 - 0.4943) * 0.547, "-0.225"),
    "line 131": lambda: same(g[0], dL_dyh * w0[4] * s1 * (1 - s1) * x[0])
                        and same(g[0], -2 * (y - yh) * w0[4] * s1 * (1 - s1) * x[0]) and written(g[0], "-0.0204"),
    "line 148.1": lambda: written(g[1], "-0.0255"),
    "line 149.2": lambda: written(g[2], "-0.0122"),
    "line 150.3": lambda: written(g[3], "-0.0153"),
    # w_1' = w_1 - eta dL/dw_1 = 0.3 - (-0.0204) ~ 0.302: every link must hold
    "line 168": lambda: same(0.3 - (-0.0204), 0.3 - eta * (-0.0204)) and written(w_new[0], "0.302"),
    "line 193": lambda: written(yh_new, "0.5199"),
}
planted = {
    "line 45": lambda: same(a1, 1 / (1 + np.exp(-z1))) and written(a1, "0.448"),
    "line 74": lambda: same((0.7 - 0.4943) ** 2, 0.2057**2) and written(0.2057**2, "0.4231"),
    "line 99": lambda: same(g[4], -2 * (y - yh) * a1) and written(g[4], "0.227"),
    "line 131": lambda: same(g[0], -2 * (y - yh) * s1 * (1 - s1) * x[0]) and written(g[0], "-0.0204"),
    "line 149.2": lambda: written(g[2], "-0.0203"),
}
assert written(w_new[1:], "0.203 0.201 0.302 0.423 0.523")           # the ungraded display of lines 174-180
confirm("keonhee_propagation.md", "keonhee_propagation_planted.md", checks, planted)
print("OK")
