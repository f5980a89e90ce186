"""Independent NumPy oracle for the three MDPII documents (Roberto Paredes's Spanish course notes, Tema 3):
mdpii_backprop.md (general layers, no biases, 1/2 squared error), mdpii_softmax.md (ReLU, softmax, cross-entropy, no
biases) and mdpii_ejercicio.md (a 3-2-1 ReLU/linear network by hand), with their planted copies.

Formulas by central differences of each document's own cost at a random point (no ReLU kink there); the exercise's
numbers exactly (integers), with ReLU'(0) = 0 as the exercise assumes. Prints OK when every verdict of MANIFEST.toml
holds. Run: python oracle_mdpii.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(1405)
dsig = lambda z: sigmoid(z) * (1 - sigmoid(z))  # noqa: E731
relu = lambda v: np.maximum(v, 0)  # noqa: E731
step = lambda v: (v > 0) * 1.0  # noqa: E731

# ---- backprop_mlp.md: 3-4-2 sigmoid, no biases, J = 1/2 ||y-hat - y||^2 -------------------------------------------
W1, W2, x, y = rng.normal(size=(4, 3)), rng.normal(size=(2, 4)), rng.normal(size=3), rng.uniform(size=2)
z1 = W1 @ x
a1 = sigmoid(z1)
z2 = W2 @ a1
a2 = sigmoid(z2)
Jb = lambda V1, V2: float(0.5 * ((sigmoid(V2 @ sigmoid(V1 @ x)) - y) ** 2).sum())  # noqa: E731
gW1, gW2 = grad(lambda v: Jb(v, W2), W1), grad(lambda v: Jb(W1, v), W2)
d2 = grad(lambda z: float(0.5 * ((sigmoid(z) - y) ** 2).sum()), z2)
d1 = grad(lambda z: float(0.5 * ((sigmoid(W2 @ sigmoid(z)) - y) ** 2).sum()), z1)
t = rng.normal(size=6)
backprop = {
    "line 25": lambda: same(z1, W1 @ x) and same(z2, W2 @ a1),
    "line 28": lambda: same(a1, sigmoid(z1)) and same(a2, sigmoid(z2)),
    "line 39": lambda: same(a2, sigmoid(W2 @ sigmoid(W1 @ x))),
    "line 65": lambda: same(d2, (a2 - y) * dsig(z2)),
    "line 75": lambda: same(gW2, np.outer(d2, a1)),
    "line 83": lambda: same(d1, (W2.T @ d2) * dsig(z1)),
    "line 89": lambda: same(gW1, np.outer(d1, x)) and same(gW2, np.outer(d2, a1)),
    "line 97": lambda: Jb(W1 - 1e-3 * gW1, W2 - 1e-3 * gW2) < Jb(W1, W2),
    "line 122.2": lambda: same(grad(lambda v: float(sigmoid(v).sum()), t), sigmoid(t) * (1 - sigmoid(t))),
}
backprop_planted = {
    "line 65": lambda: same(d2, (y - a2) * dsig(z2)),
    "line 83": lambda: same(d1, (W2 @ d2) * dsig(z1)),
    "line 89": lambda: same(gW1, np.outer(d1, a1)),
    "line 97": lambda: Jb(W1 + 1e-3 * gW1, W2 + 1e-3 * gW2) < Jb(W1, W2),
    "line 122.2": lambda: same(grad(lambda v: float(sigmoid(v).sum()), t), sigmoid(t) * (1 + sigmoid(t))),
}

# ---- softmax_crossent.md: 4-5-3, ReLU, softmax, cross-entropy, no biases ---------------------------------------------
def softmax(v):
    e = np.exp(v - v.max())
    return e / e.sum()


U1, U2, xs = rng.normal(size=(5, 4)), rng.normal(size=(3, 5)), rng.normal(size=4)
ys = np.eye(3)[1]
u1 = U1 @ xs
h1 = relu(u1)
u2 = U2 @ h1
p = softmax(u2)
assert np.min(np.abs(u1)) > 1e-3 and (u1 < 0).any() and (u1 > 0).any()  # no kink, both ReLU branches
Ls = lambda V1, V2: float(-(ys * np.log(softmax(V2 @ relu(V1 @ xs)))).sum())  # noqa: E731
gU1, gU2 = grad(lambda v: Ls(v, U2), U1), grad(lambda v: Ls(U1, v), U2)
e2 = grad(lambda z: float(-(ys * np.log(softmax(z))).sum()), u2)
da1 = grad(lambda a: float(-(ys * np.log(softmax(U2 @ a))).sum()), h1)
e1 = grad(lambda z: float(-(ys * np.log(softmax(U2 @ relu(z)))).sum()), u1)
softmax_checks = {
    "line 27.1": lambda: same(u1, U1 @ xs),
    "line 27.2": lambda: same(h1, relu(u1)),
    "line 33.1": lambda: same(u2, U2 @ h1),
    "line 33.2": lambda: same(p, np.exp(u2) / np.exp(u2).sum()),
    "line 39": lambda: same(Ls(U1, U2), -(ys * np.log(p)).sum()),
    "line 58": lambda: same(e2, p - ys),
    "line 67": lambda: same(gU2, np.outer(e2, h1)),
    "line 77": lambda: same(da1, U2.T @ e2),
    "line 83": lambda: same(jacobian(relu, u1), np.diag(step(u1))),
    "line 90": lambda: same(e1, da1 * np.diag(step(u1))),  # a vector odot a matrix: the notes' slip
    "line 98": lambda: same(gU1, np.outer(e1, xs)),
    "line 107.1": lambda: same(e2, p - ys),
    "line 107.2": lambda: same(gU2, np.outer(e2, h1)),
    "line 113.1": lambda: same(e1, (U2.T @ e2) * step(u1)),
    "line 113.2": lambda: same(gU1, np.outer(e1, xs)),
}
softmax_planted = {
    "line 58": lambda: same(e2, ys - p),
    "line 67": lambda: same(gU2, e2.reshape(3, 1) @ h1.reshape(5, 1)),
    "line 77": lambda: same(da1, U2 @ e2),
    "line 98": lambda: same(gU1, np.outer(e1, h1)),
    "line 113.1": lambda: same(e1, (U2.T @ e2) * step(u2)),
}

# ---- ejercicio_backprop.md: x = [-1, 0, 2], W~(1) (2 x 3), W~(2) the column (-1, 1), ReLU, linear, 1/2 (y-hat - y)^2
xe, ye = np.array([-1.0, 0, 2]), np.array([3.0])
V1, V2c = np.array([[2.0, 0, 1], [0, -1, 1]]), np.array([-1.0, 1])  # V2c: the column W~(2)
Je = lambda V1_, V2c_: float(0.5 * ((V2c_ @ relu(V1_ @ xe) - ye) ** 2).sum())  # noqa: E731
q1 = V1 @ xe
r1 = relu(q1)
q2 = np.array([V2c @ r1])
f2 = q2 - ye  # delta^(2)
g_a1 = grad(lambda a: float(0.5 * ((V2c @ a - ye) ** 2).sum()), r1)
g_V2c = grad(lambda v: Je(V1, v), V2c)  # smooth in W~(2)
f1 = (f2 * V2c) * step(q1)  # ReLU'(0) = 0
# the exercise's formulas at a random point of the same network (both ReLU branches, no kink)
R1, R2c, xr, yr = rng.normal(size=(2, 3)), rng.normal(size=2), rng.normal(size=3), rng.normal(size=1)
while not ((R1 @ xr < -1e-3).any() and (R1 @ xr > 1e-3).any()):
    R1 = rng.normal(size=(2, 3))
Jr = lambda V1_: float(0.5 * ((R2c @ relu(V1_ @ xr) - yr) ** 2).sum())  # noqa: E731
s1 = R1 @ xr
s2 = np.array([R2c @ relu(s1)])
g_s1 = grad(lambda z: float(0.5 * ((R2c @ relu(z) - yr) ** 2).sum()), s1)
g_r1 = grad(lambda a: float(0.5 * ((R2c @ a - yr) ** 2).sum()), relu(s1))
g_s2 = grad(lambda z: float(0.5 * ((z - yr) ** 2).sum()), s2)
g_R1 = grad(Jr, R1)
ejercicio = {
    "line 48": lambda: same(q1, [0, 2]),
    "line 53": lambda: same(r1, [0, 2]),
    "line 65": lambda: same(q2, [2]),
    "line 71": lambda: same(Je(V1, V2c), 0.5) and 0.5 * (2 - 3) ** 2 == 0.5,
    "line 87": lambda: same(g_s2, (s2 - yr) * 1.0),  # dJ/da2 da2/dz2 with the identity output
    "line 92": lambda: same(grad(lambda z: float(z.sum()), s2), [1.0]),
    "line 98": lambda: same(g_s2, s2 - yr),
    "line 104": lambda: same(f2, [-1]),
    "line 110": lambda: same(g_V2c, f2 * r1),
    "line 115": lambda: same(g_V2c, [0, -2]),
    "line 122": lambda: same(g_s1, g_r1 * step(s1)),
    "line 128": lambda: same(g_r1, g_s2 * R2c) and same(g_a1, [1, -1]),
    "line 133": lambda: same(jacobian(relu, s1), np.diag(step(s1))),
    "line 139": lambda: same(g_s1, (g_s2 * R2c) * step(s1)),
    "line 145": lambda: same(f2 * V2c, [1, -1]),
    "line 151": lambda: same(step(q1), [0, 1]),
    "line 155": lambda: same(f1, [0, -1]),
    "line 165": lambda: same(g_R1, np.outer(g_s1, xr)) and same(np.outer(f1, xe), [[0, 0, 0], [1, 0, -2]]),
}
ejercicio_planted = {
    "line 48": lambda: same(q1, [4, 2]),
    "line 71": lambda: same(Je(V1, V2c), 1),
    "line 98": lambda: same(g_s2, yr - s2),
    "line 115": lambda: same(g_V2c, [0, 2]),
    "line 139": lambda: same(g_s1, (g_s2 * R2c) * step(s2)),  # ReLU' of the output's z^(2): one number
    "line 155": lambda: same(f1, [0, 1]),
    "line 165": lambda: same(np.outer(f1, xe), [[0, 0, 0], [1, 0, 2]]),
}
confirm("mdpii_backprop.md", "mdpii_backprop_planted.md", backprop, backprop_planted)
confirm("mdpii_softmax.md", "mdpii_softmax_planted.md", softmax_checks, softmax_planted)
confirm("mdpii_ejercicio.md", "mdpii_ejercicio_planted.md", ejercicio, ejercicio_planted)
print("OK")
