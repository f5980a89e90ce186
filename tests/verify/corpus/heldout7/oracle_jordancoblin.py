"""Independent NumPy oracle for jordancoblin_mnist.md / jordancoblin_mnist_planted.md (Jordan Coblin's
"Backpropagation by Hand").

The author's conventions (jordancoblin_mnist.spec.toml): one sample x, z1 = W1 x + b1, h = sigma(z1), z2 = W2 h + b2,
y^ = softmax(z2), L = -sum_k y_k log y^_k with a one-hot y; W_{j,i} from unit i to unit j. Every derivative is a
central difference of L; component claims are checked for every index value (j, i, k; the appendix's displays for
their own case j = k or j != k). Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_jordancoblin.py   (numpy only)
"""

import itertools

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(62)
nx, nh, K = 3, 4, 3
x = rng.normal(size=nx)
W1, b1, W2, b2 = rng.normal(size=(nh, nx)), rng.normal(size=nh), rng.normal(size=(K, nh)), rng.normal(size=K)
y = np.eye(K)[1]
alpha = 0.1


def softmax(v):
    e = np.exp(v - v.max())
    return e / e.sum()


def loss(W1=W1, b1=b1, W2=W2, b2=b2):
    return float(-np.sum(y * np.log(softmax(W2 @ sigmoid(W1 @ x + b1) + b2))))


z1 = W1 @ x + b1
h = sigmoid(z1)
z2 = W2 @ h + b2
yh = softmax(z2)
ce = lambda v: float(-np.sum(y * np.log(v)))  # noqa: E731  (L as a function of y^)
gW1, gb1, gW2, gb2 = (grad(lambda v, k=k: loss(**{k: v}), p) for k, p in (("W1", W1), ("b1", b1), ("W2", W2), ("b2", b2)))
dL_dyh = grad(ce, yh)
dL_dz2 = grad(lambda v: ce(softmax(v)), z2)
dL_dh = grad(lambda v: ce(softmax(W2 @ v + b2)), h)
J_sm = jacobian(softmax, z2)  # [k, j] = d y^_k / d z_j
J_sig = jacobian(sigmoid, z1)
dz2_dW2 = lambda j, i, k: grad(lambda v: (v @ h + b2)[k], W2)[j, i]  # noqa: E731  d z_k / d W_{j,i}
JK = list(itertools.product(range(K), range(K)))
JI2 = list(itertools.product(range(K), range(nh)))
JI1 = list(itertools.product(range(nh), range(nx)))
back = (yh - y) @ W2  # sum_k (y^_k - y_k) W_{k,j}
e, S = np.exp(z2), np.sum(np.exp(z2))
unit = lambda r, c: 1e-6 * (np.arange(nh)[:, None] == r) * (np.arange(nx)[None, :] == c)  # noqa: E731
sgd = lambda p, g, s=-1: p + s * alpha * g  # noqa: E731


def dsoft(k, j):
    return yh[k] * (1 - yh[k]) if j == k else -yh[j] * yh[k]


checks = {
    "line 93": lambda: same(h, sigmoid(W1 @ x + b1)),
    "line 101": lambda: same(yh, np.exp(z2) / np.sum(np.exp(z2))),
    "line 105": lambda: same(yh, softmax(W2 @ h + b2)),
    "eq:loss": lambda: np.isclose(loss(), -np.sum(y * np.log(yh))),
    "line 171": lambda: all(same(sgd(p, g), p - alpha * g) for p, g in ((W1, gW1), (b1, gb1), (W2, gW2), (b2, gb2))),
    "line 177.1": lambda: same(sgd(W1, gW1), W1 - alpha * grad(lambda v: loss(W1=v), W1)),
    "line 178.2": lambda: same(sgd(b1, gb1), b1 - alpha * grad(lambda v: loss(b1=v), b1)),
    "line 179.3": lambda: same(sgd(W2, gW2), W2 - alpha * grad(lambda v: loss(W2=v), W2)),
    "line 180.4": lambda: same(sgd(b2, gb2), b2 - alpha * grad(lambda v: loss(b2=v), b2)),
    "eq:jacobian": lambda: (
        gW1.shape == W1.shape and all(np.isclose(gW1[r, c], (loss(W1=W1 + unit(r, c)) - loss(W1=W1 - unit(r, c))) / 2e-6) for r, c in JI1)
    ),
    "line 213.1": lambda: same(z1, W1 @ x + b1),
    "line 214.2": lambda: same(h, sigmoid(z1)),
    "line 215.3": lambda: same(z2, W2 @ h + b2),
    "line 216.4": lambda: same(yh, softmax(z2)),
    "line 239": lambda: all(np.isclose(gW2[j, i], dL_dz2[j] * dz2_dW2(j, i, j)) for j, i in JI2),
    "line 259": lambda: all(np.isclose(dL_dz2[j], sum(dL_dyh[k] * J_sm[k, j] for k in range(K))) for j in range(K)),
    "eq:dldz2_expanded": lambda: all(
        np.isclose(dL_dz2[j], dL_dyh[k] * J_sm[k, k] + sum(dL_dyh[q] * J_sm[q, j] for q in range(K) if q != j)) for j, k in JK
    ),
    "eq:dldw2_expanded": lambda: all(
        np.isclose(
            gW2[j, i],
            dL_dyh[k] * J_sm[k, k] * dz2_dW2(j, i, k) + sum(dL_dyh[q] * J_sm[q, j] * dz2_dW2(j, i, j) for q in range(K) if q != j),
        )
        for (j, i), k in itertools.product(JI2, range(K))
    ),
    "line 297": lambda: same(dL_dyh, -y / yh),
    "line 307": lambda: all(np.isclose(J_sm[k, j], dsoft(k, j)) for j, k in JK),
    "line 319": lambda: all(np.isclose(dz2_dW2(j, i, j), h[i]) for j, i in JI2),
    "eq:dl_dz2_final": lambda: (
        all(
            np.isclose(
                dL_dz2[j], (-y[j] / yh[j]) * yh[j] * (1 - yh[j]) + sum((-y[k] / yh[k]) * (-yh[j] * yh[k]) for k in range(K) if k != j)
            )
            for j in range(K)
        )
        and same(dL_dz2, yh - y)
    ),
    "line 355": lambda: all(np.isclose(gb2[j], dL_dz2[j] * grad(lambda v: (W2 @ h + v)[j], b2)[j]) for j in range(K)),
    "line 363": lambda: all(np.isclose(grad(lambda v: (W2 @ h + v)[j], b2)[j], 1) for j in range(K)),
    "line 372": lambda: same(gb2, yh - y),
    "line 395": lambda: all(np.isclose(gW1[j, i], dL_dh[j] * J_sig[j, j] * grad(lambda v: (v @ x + b1)[j], W1)[j, i]) for j, i in JI1),
    "line 406": lambda: all(
        np.isclose(dL_dh[j], sum(dL_dz2[k] * jacobian(lambda v: W2 @ v + b2, h)[k, j] for k in range(K))) for j in range(nh)
    ),
    "line 409": lambda: all(np.isclose(z2[k], sum(W2[k, j] * h[j] for j in range(nh)) + b2[k]) for k in range(K)),
    "line 412": lambda: same(jacobian(lambda v: W2 @ v + b2, h), W2),
    "line 419": lambda: same(dL_dh, np.array([sum((yh[k] - y[k]) * W2[k, j] for k in range(K)) for j in range(nh)])),
    "line 427": lambda: same(np.diag(J_sig), sigmoid(z1) * (1 - sigmoid(z1))) and same(np.diag(J_sig), h * (1 - h)),
    "line 436": lambda: all(np.isclose(grad(lambda v: (v @ x + b1)[j], W1)[j, i], x[i]) for j, i in JI1),
    "line 448": lambda: same(gW1, np.array([[back[j] * h[j] * (1 - h[j]) * x[i] for i in range(nx)] for j in range(nh)])),
    "line 456": lambda: same(gb1, back * h * (1 - h)),
    "line 466.1": lambda: same(gW1, np.array([[back[j] * h[j] * (1 - h[j]) * x[i] for i in range(nx)] for j in range(nh)])),
    "line 467.2": lambda: same(gb1, back * h * (1 - h)),
    "line 468.3": lambda: same(gW2, np.array([[(yh[j] - y[j]) * h[i] for i in range(nh)] for j in range(K)])),
    "line 469.4": lambda: same(gb2, yh - y),
    # the vectorized summary, read with rows (the only reading in which (y^ - y) W^{[2]} conforms)
    "line 477.1": lambda: same(gW1, x[:, None] @ (((yh - y)[None, :] @ W2) * h * (1 - h))),
    "line 478.2": lambda: same(gb1, ((yh - y)[None, :] @ W2 * h * (1 - h)).ravel()),
    "line 479.3": lambda: same(gW2, h[:, None] @ (yh - y)[None, :]),
    "line 480.4": lambda: same(gb2, yh - y),
    "line 687": lambda: all(np.isclose(J_sm[k, j], grad(lambda v: np.exp(v[k]) / np.sum(np.exp(v)), z2)[j]) for j, k in JK),
    "line 693": lambda: all(np.isclose(J_sm[k, j], (S * e[k] * (j == k) - e[k] * e[j]) / S**2) for j, k in JK),
    "line 699": lambda: all(np.isclose(grad(lambda v: np.exp(v[k]), z2)[j], e[k] if j == k else 0) for j, k in JK),
    "line 709": lambda: all(np.isclose(grad(lambda v: np.sum(np.exp(v)), z2)[j], e[j]) for j in range(K)),
    "line 719": lambda: all(np.isclose(J_sm[k, k], (S * e[k] - e[k] * e[k]) / S**2) for k in range(K)),  # the case j = k
    "line 726": lambda: all(np.isclose(J_sm[k, k], yh[k] * (1 - yh[k])) for k in range(K)),
    "line 730#2": lambda: all(np.isclose(grad(lambda v: np.exp(v[k]), z2)[j], 0) for j, k in JK if j != k),
    "line 733": lambda: all(np.isclose(J_sm[k, j], -e[k] * e[j] / S**2) for j, k in JK if j != k),
    "line 740": lambda: all(np.isclose(J_sm[k, j], -yh[j] * yh[k]) for j, k in JK if j != k),
    "line 748": lambda: all(np.isclose(J_sm[k, j], dsoft(k, j)) for j, k in JK),
}
planted = {
    "line 93": lambda: same(h, sigmoid(W1 @ x) + b1),
    "line 179.3": lambda: same(sgd(W2, gW2, +1), W2 - alpha * grad(lambda v: loss(W2=v), W2)),
    "line 214.2": lambda: same(h, sigmoid(z2)),
    "line 297": lambda: same(dL_dyh, y / yh),
    "line 307": lambda: all(np.isclose(J_sm[k, j], yh[k] * (1 - yh[k]) if j == k else yh[j] * yh[k]) for j, k in JK),
    "line 319": lambda: all(np.isclose(dz2_dW2(j, i, j), h[j]) for j, i in JI2),
    "eq:dl_dz2_final": lambda: same(dL_dz2, y - yh),
    "line 419": lambda: same(dL_dh, np.array([sum((yh[k] - y[k]) * W2[j, k] for k in range(K)) for j in range(nh)])),
    "line 427": lambda: same(np.diag(J_sig), h * (1 + h)),
    "line 436": lambda: all(np.isclose(grad(lambda v: (v @ x + b1)[j], W1)[j, i], x[j]) for j, i in JI1),
    "line 468.3": lambda: same(gW2, np.array([[(yh[j] - y[j]) * h[j] for i in range(nh)] for j in range(K)])),
    "line 480.4": lambda: same(gb2, y - yh),
    "line 699": lambda: all(np.isclose(grad(lambda v: np.exp(v[k]), z2)[j], 1 if j == k else 0) for j, k in JK),
}
confirm("jordancoblin_mnist.md", "jordancoblin_mnist_planted.md", checks, planted)
print("OK")
