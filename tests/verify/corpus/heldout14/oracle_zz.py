"""Independent NumPy oracle for zz_backprop.md / zz_backprop_planted.md (zz0808's Chinese notes on Ng's courses).

Logistic regression on two inputs, the two-layer sigmoid network for one example and for a batch of m examples as
columns (J = 1/m sum of the binary cross-entropies; Ng's dZ, dW, db letters: dZ the one-example derivative, the 1/m
written in dW, db), and the Machine-Learning course's Theta with a bias column. Every claim by central differences of
the loss it names. Prints OK when every verdict of MANIFEST.toml holds. Run: python oracle_zz.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(1409)
dsig = lambda z: sigmoid(z) * (1 - sigmoid(z))  # noqa: E731
bce = lambda a, y: float(-(y * np.log(a) + (1 - y) * np.log(1 - a)).sum())  # noqa: E731

# ---- logistic regression: a = s(w1 x1 + w2 x2 + b) ---------------------------------------------------------------
w, b, x, y = rng.normal(size=2), 0.3, rng.normal(size=2), 1.0
z = w @ x + b
a = sigmoid(z)
Lw = lambda w_, b_: bce(sigmoid(w_ @ x + b_), y)  # noqa: E731
da = float(grad(lambda v: bce(v, y), np.array(a)))
dz = float(grad(lambda v: bce(sigmoid(v), y), np.array(z)))
dw, db = grad(lambda v: Lw(v, b), w), float(grad(lambda v: Lw(w, float(v)), np.array(b)))

# ---- the two-layer network, one example (column vectors) ------------------------------------------------------------
W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(1, 4)), rng.normal(size=1)
xv, yv = rng.normal(size=3), np.array([0.0])
z1 = W1 @ xv + b1
a1 = sigmoid(z1)
z2 = W2 @ a1 + b2
a2 = sigmoid(z2)
L1 = lambda V1, c1, V2, c2: bce(sigmoid(V2 @ sigmoid(V1 @ xv + c1) + c2), yv)  # noqa: E731
da2 = grad(lambda v: bce(v, yv), a2)
dz2 = grad(lambda v: bce(sigmoid(v), yv), z2)
dz1 = grad(lambda v: bce(sigmoid(W2 @ sigmoid(v) + b2), yv), z1)
dW2, db2 = grad(lambda v: L1(W1, b1, v, b2), W2), grad(lambda v: L1(W1, b1, W2, v), b2)
dW1, db1 = grad(lambda v: L1(v, b1, W2, b2), W1), grad(lambda v: L1(W1, v, W2, b2), b1)

# ---- the batch: m examples as columns, J = 1/m sum L ------------------------------------------------------------------
m = 5
X, Y = rng.normal(size=(3, m)), rng.integers(0, 2, size=(1, m)).astype(float)
Z1 = W1 @ X + b1[:, None]
A1 = sigmoid(Z1)
Z2 = W2 @ A1 + b2[:, None]
A2 = sigmoid(Z2)
J = lambda V1, c1, V2, c2: bce(sigmoid(V2 @ sigmoid(V1 @ X + c1[:, None]) + c2[:, None]), Y) / m  # noqa: E731
dZ2 = m * grad(lambda v: bce(sigmoid(v), Y) / m, Z2)  # Ng's dZ: the one-example derivative per column
dZ1 = m * grad(lambda v: bce(sigmoid(W2 @ sigmoid(v) + b2[:, None]), Y) / m, Z1)
gW2, gb2 = grad(lambda v: J(W1, b1, v, b2), W2), grad(lambda v: J(W1, b1, W2, v), b2)
gW1, gb1 = grad(lambda v: J(v, b1, W2, b2), W1), grad(lambda v: J(W1, v, W2, b2), b1)

# ---- Ng's Machine Learning course: Theta with the bias column (a_0 = 1) -----------------------------------------------
T1, T2 = np.c_[b1, W1], np.c_[b2, W2]  # Theta^(1) (4 x 4), Theta^(2) (1 x 5)
d3 = a2 - yv  # delta^(3) of the output layer
d2 = (T2.T @ d3)[1:] * dsig(z1)  # the bias entry dropped

checks = {
    "line 22": lambda: same(d3, dz2) and same(d3, a2 - yv),
    "line 22#2": lambda: same(dz1, (T2.T @ dz2)[1:] * dsig(z1)),
    "line 28.1": lambda: same(da, (1 - y) / (1 - a) - y / a),
    "line 28.2": lambda: same(dz, da * dsig(z)) and same(dz, a - y),
    "line 28.3": lambda: same(dw[0], dz * x[0]) and same(dw[0], x[0] * (a - y)),
    "line 28.4": lambda: same(dw[1], dz * x[1]) and same(dw[1], x[1] * (a - y)),
    "line 28.5": lambda: same(db, a - y),
    "line 32.1": lambda: same(da2, (1 - yv) / (1 - a2) - yv / a2),
    "line 32.2": lambda: same(dz2, da2 * dsig(z2)) and same(dz2, a2 - yv),
    "line 32.3": lambda: same(dW2, np.outer(dz2, a1)),
    "line 32.4": lambda: same(db2, dz2),
    "line 32.5": lambda: same(dz1, (W2 @ dz2) * dsig(z1)),  # W2 (1 x 4) times dz2 (1): the shapes do not fit
    "line 32.6": lambda: same(dW1, np.outer(dz1, xv)),
    "line 32.7": lambda: same(db1, dz1),
    "line 34.1": lambda: same(dZ2, A2 - Y),
    "line 34.2": lambda: same(gW2, 1 / m * dZ2 @ A1.T),
    "line 34.3": lambda: same(gb2, 1 / m * np.sum(dZ2, axis=1, keepdims=True).ravel()),
    "line 34.4": lambda: same(dZ1, W2.T @ dZ2 * dsig(Z1)),
    "line 34.5": lambda: same(gW1, 1 / m * dZ1 @ X.T),
    "line 34.6": lambda: same(gb1, 1 / m * np.sum(dZ1, axis=1, keepdims=True).ravel()),
    "line 39": lambda: same(dz2, a2 - yv),
    # the notes' accumulation with the next layer's accumulator Delta^(2) (zero: nothing updates it) is not the gradient
    "line 41": lambda: same(np.c_[db1, dW1], np.zeros_like(T1)),
}
planted = {
    "line 28.2": lambda: same(dz, y - a),
    "line 28.3": lambda: same(dw[0], x[1] * (a - y)),
    "line 32.3": lambda: same(dW2, dz2.reshape(1, 1) @ a1.reshape(4, 1)),
    "line 34.2": lambda: same(gW2, dZ2 @ A1.T),
    "line 34.3": lambda: same(gb2, 1 / m * np.sum(dZ2, axis=0, keepdims=True).ravel()),
    "line 34.4": lambda: same(dZ1, W2.T @ dZ2 * dsig(Z2)),
    "line 39": lambda: same(dz2, yv - a2),
}
assert same(np.c_[db1, dW1], np.outer(d2, np.r_[1, xv]))  # the right accumulation: delta^(2) (a^(1))^T, a^(1) = [1, x]
confirm("zz_backprop.md", "zz_backprop_planted.md", checks, planted)
print("OK")
