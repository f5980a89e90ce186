"""Independent NumPy oracle for the CS201 notes' worked example (gmyhf_xor_bp_manual.md) and its planted copy.

GeeksforGeeks's 2-2-1 network as the note states it: x = (0.35, 0.7), w_{1,1} = w_{2,1} = 0.2 (into h1),
w_{1,2} = w_{2,2} = 0.3 (into h2), w_{1,3} = 0.3, w_{2,3} = 0.9 (into O3), no biases, sigmoid units, target 0.5,
learning rate 1. The true values by NumPy; the error terms are the delta rule's, delta = -dE/da for
E = 1/2 (target - y_5)^2 by central differences; the update w(new) = w - eta dE/dw, dE/dw by central differences.
Each written number is compared by heldout13's rule (written.py: one unit of the last written digit or 0.2 %); a
carried-forward number is recomputed from the note's own numbers before it (and must NOT be the true value).
A formula is checked on the true network (each delta rule at the true values; Delta w_ij = eta delta_j O_j against
the true step of w_{2,3} and w_{1,1}). A check holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_gmyhf.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid
from written import written

x = np.array([0.35, 0.7])
W1 = np.array([[0.2, 0.3], [0.2, 0.3]])  # W1[i, j]: input i -> hidden j (w_{1,1}, w_{1,2} / w_{2,1}, w_{2,2})
W2 = np.array([0.3, 0.9])  # w_{1,3}, w_{2,3}
target, eta = 0.5, 1.0


def forward(W1=W1, W2=W2, a1=None, a3=None):
    a = x @ W1 if a1 is None else a1
    yh = sigmoid(a)
    a_out = float(yh @ W2) if a3 is None else a3
    return a, yh, a_out, sigmoid(a_out)


def E(**kw):
    return 0.5 * (target - forward(**kw)[3]) ** 2


a, yh, a3, y5 = forward()
y3, y4 = yh
d5 = -grad(lambda v: E(a3=float(v[0])), np.array([a3]))[0]  # delta_5 = -dE/da_3
d34 = -grad(lambda v: E(a1=v), a)  # delta_3, delta_4 = -dE/da_1, -dE/da_2
gW1 = grad(lambda v: E(W1=v), W1)
gW2 = grad(lambda v: E(W2=v), W2)
new_W1, new_W2 = W1 - eta * gW1, W2 - eta * gW2
# Delta w_ij = eta delta_j O_j (O_j the output of the node the weight leads INTO) against the true steps
step_oj = same(-eta * gW2[1], eta * d5 * y5) and same(-eta * gW1[0, 0], eta * d34[0] * y3)

checks = {
    "line 143": lambda: written(a[0], "0.21"),
    "line 152": lambda: written(y3, "0.56"),
    "line 159": lambda: written(a[1], "0.315"),
    "line 162": lambda: written(y4, "0.578"),
    "line 169": lambda: written(a3, "0.702") or written(0.3 * 0.56 + 0.9 * 0.58, "0.702"),
    "line 172": lambda: written(sigmoid(0.702), "0.67"),  # from the note's a_3 (carried forward)
    "line 209": lambda: step_oj,
    "line 220": lambda: same(d5, y5 * (1 - y5) * (target - y5)),
    "line 228": lambda: same(d34[0], y3 * (1 - y3) * (W2[0] * d5)),
    "line 236": lambda: same(d34[1], y4 * (1 - y4) * (W2[1] * d5)),
    "line 246": lambda: written(-eta * gW2[1], "-0.022184") or (written(0.59, "0.578") and written(-0.0376 * 0.59, "-0.022184")),
    "line 250": lambda: written(new_W2[1], "0.877816"),
    "line 254": lambda: written(-eta * gW1[0, 0], "0.000945") or written(1 * (-0.0027) * 0.35, "0.000945"),
    "line 258": lambda: written(0.000945 + 0.2, "0.200945"),  # from the note's Delta w_{1,1} (carried forward)
    "line 262": lambda: written(new_W1[0, 1], "0.273225"),
    "line 263": lambda: written(new_W2[0], "0.086615"),
    "line 264": lambda: written(new_W1[1, 0], "0.269445"),
    "line 265": lambda: written(new_W1[1, 1], "0.18534"),
}
planted = {
    "line 143": lambda: written(a[0], "0.28"),
    "line 162": lambda: written(y4, "0.422"),
    "line 220": lambda: same(d5, target - y5),
    "line 228": lambda: same(d34[0], y3 * (1 - y3) * (W2[1] * d5)),
    "line 250": lambda: written(new_W2[1], "0.922184"),
}
confirm("gmyhf_xor_bp_manual.md", "gmyhf_xor_bp_manual_planted.md", checks, planted)
# the carried-forward numbers are not the true values (they follow only from the note's own wrong numbers)
assert not written(y5, "0.702") and not written(a3, "0.702")
assert not written(new_W1[0, 0], "0.200945")
# line 172's 0.67 happens to round the true y_5 too; its link F(0.702) is the note's wrong a_3
assert not written(a3, "0.702")
print("OK")
