"""Independent NumPy oracle for lexai_nn_theory.ipynb and its planted copy (a learner's worked example of one backprop
step on a 2-1-1 sigmoid net with the binary cross-entropy, then the general one-hidden-layer formulas).

The worked example: x = [1, 0], y = 1, W_1 = [0.5, -0.5], b_1 = 0, W_2 = [1], b_2 = 0, eta = 0.1; the exact values
(forward pass, the loss, its gradients by central differences, the SGD step) against every written number by
heldout13's rule (written.py, a link: one unit of the last written digit or 0.2 %), and every link computed from the
author's own rounded operands (0.65, 0.622, -0.35, ...) against the number it writes. The general formulas on a net
with 3 hidden units (delta_2 = dL/dz_2, delta_1 = dL/dz_1 by central differences; a product of non-conforming shapes
does not hold). Prints OK when every verdict of MANIFEST.toml holds. Run: python oracle_lexai.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid
from written import written as w

# --- the worked example
x, y, eta = np.array([1.0, 0.0]), 1.0, 0.1
W1, b1, W2, b2 = np.array([[0.5, -0.5]]), np.array([0.0]), np.array([[1.0]]), np.array([0.0])


def forward(W1_=W1, b1_=b1, W2_=W2, b2_=b2):
    z1 = W1_ @ x + b1_
    a1 = sigmoid(z1)
    z2 = W2_ @ a1 + b2_
    return z1, a1, z2, sigmoid(z2)


def bce(yh):
    return float(-(y * np.log(yh) + (1 - y) * np.log(1 - yh)).sum())


z1, a1, z2, yh = forward()
loss = bce(yh)
dLdyh = grad(bce, yh)
dyhdz2 = grad(lambda v: float(sigmoid(v).sum()), z2)
dLdz2 = grad(lambda v: bce(sigmoid(v)), z2)
dLdW2 = grad(lambda v: bce(forward(W2_=v)[3]), W2)
dLdb2 = grad(lambda v: bce(forward(b2_=v)[3]), b2)
dLda1 = grad(lambda v: bce(sigmoid(W2 @ v + b2)), a1)
da1dz1 = grad(lambda v: float(sigmoid(v).sum()), z1)
dLdz1 = grad(lambda v: bce(sigmoid(W2 @ sigmoid(v) + b2)), z1)
dLdW1 = grad(lambda v: bce(forward(W1_=v)[3]), W1)
dLdb1 = grad(lambda v: bce(forward(b1_=v)[3]), b1)
W2n, b2n, W1n, b1n = W2 - eta * dLdW2, b2 - eta * dLdb2, W1 - eta * dLdW1, b1 - eta * dLdb1
checks = {
    "line 41": lambda: w(z1, "0.5") and w(0.5 * 1 + (-0.5) * 0 + 0, "0.5"),
    "line 47": lambda: w(a1, "0.622") and w(1 / (1 + np.exp(-0.5)), "0.622"),
    "line 53": lambda: w(z2, "0.622") and w(1 * 0.622 + 0, "0.622"),
    "line 59": lambda: w(yh, "0.650") and w(1 / (1 + np.exp(-0.622)), "0.650"),
    "line 68": lambda: same(loss, -(y * np.log(yh) + (1 - y) * np.log(1 - yh)).sum()) and w(yh, "0.65") and w(-np.log(0.65), "0.431"),
    "line 82": lambda: same(dLdyh, -y / yh + (1 - y) / (1 - yh)) and w(yh, "0.65") and w(-1 / 0.65, "-1.538") and w(dLdyh, "-1.538"),
    "line 86": lambda: (
        same(dyhdz2, yh * (1 - yh)) and w(yh, "0.65") and w(1 - yh, "0.35") and w(0.65 * 0.35, "0.2275") and w(dyhdz2, "0.2275")
    ),
    "line 90": lambda: same(dLdz2, dLdyh * dyhdz2) and w(-1.538 * 0.2275, "-0.35") and w(dLdz2, "-0.35"),
    "line 95": lambda: same(dLdW2, np.outer(dLdz2, a1)) and w(-0.35 * 0.622, "-0.218") and w(dLdW2, "-0.218"),
    "line 96": lambda: same(dLdb2, dLdz2) and w(dLdb2, "-0.35"),
    "line 103": lambda: same(dLda1, dLdz2 * W2[0]) and w(-0.35 * 1, "-0.35") and w(dLda1, "-0.35"),
    "line 107": lambda: (
        same(da1dz1, a1 * (1 - a1)) and w(a1, "0.622") and w(1 - a1, "0.378") and w(0.622 * 0.378, "0.235") and w(da1dz1, "0.235")
    ),
    "line 111": lambda: same(dLdz1, dLda1 * da1dz1) and w(-0.35 * 0.235, "-0.082") and w(dLdz1, "-0.082"),
    "line 116": lambda: same(dLdW1, np.outer(dLdz1, x)) and w(-0.082 * np.array([1, 0]), "-0.082 0") and w(dLdW1, "-0.082 0"),
    "line 117": lambda: w(dLdb1, "-0.082"),
    "line 124": lambda: w(1 - 0.1 * (-0.218), "1.022") and w(W2n, "1.022"),
    "line 125": lambda: w(0 - 0.1 * (-0.35), "0.035") and w(b2n, "0.035"),
    "line 126": lambda: w(np.array([0.5, -0.5]) - 0.1 * np.array([-0.082, 0]), "0.5082 -0.5") and w(W1n, "0.5082 -0.5"),
    "line 127": lambda: w(0 - 0.1 * (-0.082), "0.0082") and w(b1n, "0.0082"),
}
planted = {
    "line 47": lambda: w(a1, "0.378") and w(1 / (1 + np.exp(-0.5)), "0.378"),
    "line 82": lambda: same(dLdyh, -y / yh + (1 - y) / (1 - yh)) and w(1 / 0.65, "1.538") and w(dLdyh, "1.538"),
    "line 86": lambda: same(dyhdz2, yh * (1 + yh)) and w(0.65 * 1.65, "1.0725") and w(dyhdz2, "1.0725"),
    "line 107": lambda: same(da1dz1, a1 * (1 - a1)) and w(0.622 * 0.378, "0.0235") and w(da1dz1, "0.0235"),
    "line 116": lambda: same(dLdW1, np.outer(dLdz1, x)) and w(-0.082 * np.array([1, 0]), "0 -0.082") and w(dLdW1, "0 -0.082"),
    "line 124": lambda: w(1 + 0.1 * (-0.218), "0.978") and w(W2n, "0.978"),
}

# --- the general formulas: 3 hidden units
rng = np.random.default_rng(2107)
xg, yg = rng.normal(size=2), 0.0
G1, g1, G2, g2 = rng.normal(size=(3, 2)), rng.normal(size=3), rng.normal(size=(1, 3)), rng.normal(size=1)


def Lg(G1_=G1, g1_=g1, G2_=G2, g2_=g2):
    yy = sigmoid(G2_ @ sigmoid(G1_ @ xg + g1_) + g2_)
    return float(-(yg * np.log(yy) + (1 - yg) * np.log(1 - yy)).sum())


u1 = G1 @ xg + g1
h1 = sigmoid(u1)
u2 = G2 @ h1 + g2
yhg = sigmoid(u2)
d2 = grad(lambda v: Lg(g2_=v - G2 @ h1), u2)  # dL/dz_2 (z_2 = G2 h1 + g2)
d1 = grad(lambda v: float(-(yg * np.log(sigmoid(G2 @ sigmoid(v) + g2)) + (1 - yg) * np.log(1 - sigmoid(G2 @ sigmoid(v) + g2))).sum()), u1)
gG2, gg2, gG1, gg1 = (
    grad(lambda v: Lg(G2_=v), G2),
    grad(lambda v: Lg(g2_=v), g2),
    grad(lambda v: Lg(G1_=v), G1),
    grad(lambda v: Lg(g1_=v), g1),
)
s2 = grad(lambda v: float(sigmoid(v).sum()), u2)
s1 = grad(lambda v: float(sigmoid(v).sum()), u1)
checks.update(
    {
        "line 180": lambda: same(s2, yhg * (1 - yhg)),
        "line 185": lambda: same(d2, yhg - yg),
        "line 193": lambda: same(gG2, d2[:, None] @ h1[:, None].T),
        "line 197": lambda: same(gg2, d2),
        "line 202": lambda: same(d2, yhg - yg),
        "line 213": lambda: same(d1, (G2.T @ d2) * s1),
        "line 217": lambda: same(s1, h1 * (1 - h1)),
        "line 228": lambda: same(gG1, d1[:, None] @ xg[:, None].T),
        "line 232": lambda: same(gg1, d1),
    }
)
planted.update(
    {
        "line 193": lambda: same(gG2, d2 * h1[:, None]),
        "line 213": lambda: same(d1, (G2 @ d2) * s1),
    }
)
confirm("lexai_nn_theory.ipynb", "lexai_nn_theory_planted.ipynb", checks, planted)
print("OK")
