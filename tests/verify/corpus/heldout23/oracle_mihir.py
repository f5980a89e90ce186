"""Independent NumPy oracle for MihirSaiDudekula's worked softmax-regression step (mihir_dlp2.md) and its planted copy.

The author's example: X = [[1.0, 2.0]], W 2 x 3 (in x out), logits = X W, softmax, Loss = -sum y_true log y_pred
(natural log), y_true = [0, 1, 0]; grad = dLoss/dlogits and "W update" = dLoss/dW by central differences, Delta W =
-0.1 W update the step. A written number is right when it agrees with the exact value within one unit of its last
written digit or 0.2 % (heldout13's rule, written.py); a number computed from the note's own rounded numbers (2 x 0.242
= 0.484 for the exact 2 x 0.24276) is right when those operands are themselves right by that rule -- the note carries
its rounding forward as a TA does. Each display is evaluated as written (every side of a chain), a check holding
exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_mihir.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same
from written import written

X = np.array([[1.0, 2.0]])
W = np.array([[0.2, -0.3, 0.5], [-0.5, 0.7, -0.2]])
y_true = np.array([[0.0, 1.0, 0.0]])


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def loss_z(z):
    return float(-np.sum(y_true * np.log(softmax(z))))


z = X @ W
y_pred = softmax(z)
g_z = grad(loss_z, z)  # dLoss/dlogits
g_W = grad(lambda v: loss_z(X @ v), W)  # dLoss/dW
g_written = np.array([[0.098, -0.341, 0.242]])  # the note's rounded grad (line 97), right by the rule
W_update_written = np.array([[0.098, -0.341, 0.242], [0.196, -0.682, 0.484]])


def n(*vals):
    return " ".join(str(v) for v in vals)


zr = z.ravel()
g_ok = written(g_z, n(*g_written.ravel()))  # the note's rounded grad is right by the rule
dW_text = n(-0.0098, 0.0341, -0.0242, -0.0196, 0.0682, -0.0484)
checks = {
    "line 30": lambda: same(z, [[1 * 0.2 + 2 * (-0.5), 1 * (-0.3) + 2 * 0.7, 1 * 0.5 + 2 * (-0.2)]]),
    "line 38": lambda: same(z, [[0.2 - 1.0, -0.3 + 1.4, 0.5 - 0.4]]) and same(z, [[-0.8, 1.1, 0.1]]),
    "line 50": lambda: same(zr - zr.max(), np.array([-0.8, 1.1, 0.1]) - 1.1) and written(zr - zr.max(), n(-1.9, 0, -1.0)),
    "line 56": lambda: same(np.exp(zr - zr.max()), np.exp([-1.9, 0.0, -1.0])) and written(np.exp(zr - zr.max()), n(0.149, 1.0, 0.368)),
    "line 62": lambda: written(np.exp(zr - zr.max()).sum(), "1.517") and written(0.149 + 1.0 + 0.368, "1.517"),
    "line 68": lambda: written(y_pred, n(0.098, 0.659, 0.242)) and written(np.array([0.149, 1.0, 0.368]) / 1.517, n(0.098, 0.659, 0.242)),
    "line 74": lambda: written(y_pred, n(0.098, 0.659, 0.242)),
    "line 86": lambda: written(loss_z(z), "0.417") and written(-np.log(0.659), "0.417"),
    "line 97": lambda: same(g_z, y_pred - y_true) and g_ok
    and written(np.array([0.098, 0.659, 0.242]) - np.array([0, 1, 0]), n(*g_written.ravel())),
    "line 107": lambda: same(g_W, X.T @ g_z),
    "line 117": lambda: written(g_W, n(*(X.T @ g_z).ravel())) and g_ok and written(X.T @ g_written, n(*W_update_written.ravel())),
    "line 136": lambda: g_ok and same(X.T @ g_written, W_update_written) and written(-0.1 * W_update_written, dW_text),
}
planted = {
    "line 38": lambda: same(z, [[0.2 - 1.0, -0.3 - 1.4, 0.5 - 0.4]]) and same(z, [[-0.8, 1.1, 0.1]]),
    "line 86": lambda: written(loss_z(z), "1.419") and written(-np.log(0.242), "1.419"),
    "line 97": lambda: same(g_z, y_true - y_pred) and g_ok,
    "line 107": lambda: same(g_W, g_z.T @ X),
    "line 136": lambda: g_ok and same(X.T @ g_written, W_update_written) and written(0.1 * W_update_written, dW_text),
}
# the rounding the note carries: 0.484 is 2 x 0.242, not within the rule of the exact 2 x 0.24276 (so line 117 and
# line 136 are right only as the note's own rounded numbers carried forward, see the docstring)
assert not written(g_W, n(*W_update_written.ravel()))
confirm("mihir_dlp2.md", "mihir_dlp2_planted.md", checks, planted)
print("OK")
