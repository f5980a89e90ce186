"""Independent NumPy oracle for ruiz_backprop.md / ruiz_backprop_planted.md (JoseFRuiz's Spanish notes and worked
example).

The example network (ruiz_backprop.spec.toml): z^1 = W^1 x + b^1, a^1 = ReLU(z^1), z^2 = W^2 a^1 + b^2,
a^2 = sigmoid(z^2), L = 1/2 (a^2 - y)^2, x = (1, 2), y = 1 and the document's weights. The general claims (single
neuron, the delta rule) are checked on a sigmoid neuron and on the same network with random weights, by central
differences; the worked numbers with written.py's rule (one unit of the last written digit, or 0.2 %).
Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_ruiz.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid
from written import written

rng = np.random.default_rng(1303)
relu, drelu, dsig = (lambda z: np.maximum(z, 0)), (lambda z: (z > 0) * 1.0), (lambda z: sigmoid(z) * (1 - sigmoid(z)))

# the single neuron of sections 2-5: z = w x + b, a = sigma(z), L = 1/2 (a - y)^2
xs, ys, w, b = 0.7, 0.2, rng.normal(), rng.normal()
L1 = lambda w_, b_: 0.5 * (sigmoid(w_ * xs + b_) - ys) ** 2  # noqa: E731
z0 = w * xs + b
a0 = sigmoid(z0)
dLw = grad(lambda v: L1(float(v), b), np.array(w))
dLb = grad(lambda v: L1(w, float(v)), np.array(b))
dLa = grad(lambda v: 0.5 * (float(v) - ys) ** 2, np.array(a0))
dza = grad(lambda v: float(sigmoid(v)), np.array(z0))
dzw = grad(lambda v: float(v) * xs + b, np.array(w))
dzb = grad(lambda v: w * xs + float(v), np.array(b))
eta = 0.1
down_w, up_w = L1(w - eta * dLw, b) < L1(w, b), L1(w + eta * dLw, b) < L1(w, b)


def net(W1, b1, W2, b2, x, y):
    z1 = W1 @ x + b1
    a1 = relu(z1)
    z2 = W2 @ a1 + b2
    a2 = sigmoid(z2)
    return z1, a1, z2, a2, float(0.5 * np.sum((a2 - y) ** 2))


# the example's numbers
x, y = np.array([1.0, 2.0]), np.array([1.0])
W1, b1 = np.array([[0.1, 0.3], [-0.2, 0.4], [0.5, -0.6]]), np.array([0.1, 0.0, -0.1])
W2, b2 = np.array([[0.2, -0.1, 0.3]]), np.array([0.05])
z1, a1, z2, a2, _ = net(W1, b1, W2, b2, x, y)
Lz2 = lambda v: float(0.5 * np.sum((sigmoid(v) - y) ** 2))  # noqa: E731
d2 = grad(Lz2, z2)
dW2 = grad(lambda M: net(W1, b1, M, b2, x, y)[4], W2)
db2 = grad(lambda v: net(W1, b1, W2, v, x, y)[4], b2)
# delta^1 at a point where no unit of z^1 sits at the ReLU's kink
d1 = grad(lambda v: float(0.5 * np.sum((sigmoid(W2 @ relu(v) + b2) - y) ** 2)), z1)
dW1 = grad(lambda M: net(M, b1, W2, b2, x, y)[4], W1)
db1 = grad(lambda v: net(W1, v, W2, b2, x, y)[4], b1)
# the delta rule with random weights too
R = [rng.normal(size=s) for s in ((3, 2), (3,), (1, 3), (1,))]
rz1, ra1, rz2, ra2, _ = net(*R, x, y)
rd2 = grad(lambda v: float(0.5 * np.sum((sigmoid(v) - y) ** 2)), rz2)
rd1 = grad(lambda v: float(0.5 * np.sum((sigmoid(R[2] @ relu(v) + R[3]) - y) ** 2)), rz1)

checks = {
    "line 44": lambda: down_w,
    "line 47": lambda: L1(w, b - eta * dLb) < L1(w, b),
    "line 60": lambda: same(dLw, dLa * dza * dzw),
    "line 64": lambda: same(dLb, dLa * dza * dzb),
    "line 68": lambda: same(dzw, xs),
    "line 69": lambda: same(dzb, 1.0),
    "line 70": lambda: same(dza, dsig(z0)),
    "line 71#2": lambda: same(dLa, a0 - ys),
    "line 80": lambda: same(dLw, (a0 - ys) * dsig(z0) * xs),
    "line 83": lambda: same(dLb, (a0 - ys) * dsig(z0)),
    "line 94": lambda: same(rd1, (R[2].T @ rd2) * drelu(rz1)),
    "line 141": lambda: same(dsig(z0), sigmoid(z0) * (1 - sigmoid(z0))),
    "line 170": lambda: same(a1, relu(z1)),
    "line 178": lambda: same(a2, sigmoid(z2)),
    "line 186": lambda: same(d2, (a2 - y) * dsig(z2)) and same(rd2, (ra2 - y) * dsig(rz2)),
    "line 189": lambda: same(dsig(z2), a2 * (1 - a2)),
    "line 194": lambda: same(dW2, np.outer(d2, a1)),
    "line 198": lambda: same(db2, d2),
    "line 204": lambda: same(d1, (W2.T @ d2) * drelu(z1)) and same(rd1, (R[2].T @ rd2) * drelu(rz1)),
    "line 212": lambda: same(dW1, np.outer(d1, x)),
    "line 216": lambda: same(db1, d1),
    "line 260": lambda: same(z1, W1 @ x + b1),
    "line 276": lambda: same(z1 - b1, [0.1 * 1 + 0.3 * 2, -0.2 * 1 + 0.4 * 2, 0.5 * 1 + (-0.6) * 2]),
    "line 288": lambda: same(z1, [0.1 + 0.6 + 0.1, -0.2 + 0.8 + 0.0, 0.5 - 1.2 - 0.1]),
    "line 296": lambda: written(z1, "0.8 0.6 -0.8"),
    "line 302": lambda: written(a1, "0.8 0.6 0.0"),
    "line 310": lambda: same(z2, W2 @ a1 + 0.05),
    "line 315": lambda: written([0.2 * 0.8, -0.1 * 0.6, 0.3 * 0.0, z2[0]], "0.16 -0.06 0 0.15"),
    "line 319": lambda: written(a2, "0.5374") and same(a2[0], 1 / (1 + np.exp(-0.15))),
    "line 329": lambda: same(d2, (a2 - y) * dsig(z2)),
    "line 335": lambda: written(a2 - y, "-0.4626"),
    "line 341": lambda: written([dsig(z2[0]), 1 - a2[0]], "0.2486 0.4626"),
    "line 347": lambda: written(d2, "-0.1150"),
    "line 353": lambda: written(dW2, "-0.092 -0.069 0.0"),
    "line 357": lambda: written(db2, "-0.1150"),
    "line 365": lambda: same(d1, (W2.T @ d2) * drelu(z1)),
    "line 371": lambda: written(W2.T, "0.2 -0.1 0.3"),
    "line 375": lambda: written(W2.T @ d2, "-0.023 0.0115 -0.0345"),
    "line 381": lambda: written(drelu(z1), "1 1 0"),
    "line 385": lambda: written(d1, "-0.023 0.0115 0.0"),
    "line 391": lambda: same(dW1, np.outer(d1, x)) and written(d1, "-0.023 0.0115 0.0"),
    "line 401": lambda: written(dW1, "-0.023 -0.046 0.0115 0.023 0 0"),
    "line 409": lambda: written(db1, "-0.023 0.0115 0.0"),
    "line 419": lambda: written(dW2, "-0.092 -0.069 0"),
    "line 423": lambda: written(db2, "-0.1150"),
    "line 429": lambda: written(dW1, "-0.023 -0.046 0.0115 0.023 0 0"),
    "line 437": lambda: written(db1, "-0.023 0.0115 0"),
}
planted = {
    "line 44": lambda: up_w,
    "line 80": lambda: same(dLw, (a0 - ys) * dsig(z0)),
    "line 94": lambda: same(rd1, (R[2] @ rd2) * drelu(rz1)),
    "line 194": lambda: same(dW2, np.outer(d2, a2)),
    "line 315": lambda: written(z2, "0.27"),
    "line 347": lambda: written(d2, "0.1150"),
    "line 401": lambda: written(dW1, "-0.046 -0.023 0.0115 0.023 0 0"),
}
confirm("ruiz_backprop.md", "ruiz_backprop_planted.md", checks, planted)
print("OK")
