"""Independent NumPy oracle for zaidanmir_mnist_backprop.md (zaidanmir's derivation notes for a 784-h-10 MLP, here
5-4-3) and its planted copy: one example x (a column), z_1 = W_1 x + b_1, a_1 = ReLU(z_1), z_2 = W_2 a_1 + b_2,
p = softmax(z_2), L = -log p_y; a batch of B examples as ROWS (X, A_1, Delta_2 with one example per row) and
L_batch = (1/B) sum_i L^(i).

Every claim is checked at random weights, inputs and labels by central differences of L (or L_batch): the softmax's
Jacobian row y, dL/dz_2, dL/dW_2, dL/db_2, dL/da_1 (a_1 taken as free), dL/dz_1, dL/dW_1, dL/db_1, the batch
gradient of W_2 with its shape, the SGD step as a descent step on L_batch. A check holds exactly when MANIFEST.toml's
verdict is correct.
Run: python oracle_zaidanmir.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same

rng = np.random.default_rng(2803)
D, H, K, B, ETA = 5, 4, 3, 6, 1e-3
relu = lambda v: np.maximum(0, v)


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


class Example:
    def __init__(self, W1, b1, W2, b2, x, y):
        self.W1, self.b1, self.W2, self.b2, self.x, self.y = W1, b1, W2, b2, x, y
        self.z1 = W1 @ x + b1
        self.a1 = relu(self.z1)
        self.z2 = W2 @ self.a1 + b2
        self.p = softmax(self.z2)
        self.one = np.eye(K)[y]
        self.d2 = self.p - self.one                                          # the notes' delta_2
        self.d1 = (W2.T @ self.d2) * (self.z1 > 0)                           # the notes' delta_1
        L = lambda z2: float(-np.log(softmax(z2)[y]))
        self.Gz2 = grad(L, self.z2)
        self.Jy = jacobian(softmax, self.z2)[y]                              # [k] = d p_y / d z_{2,k}
        self.Ga1 = grad(lambda a: L(W2 @ a + b2), self.a1)
        self.Gz1 = grad(lambda z: L(W2 @ relu(z) + b2), self.z1)
        P = [W1, b1, W2, b2]
        self.G = [grad(lambda v, k=k: L(self.fwd(*[v if i == k else q for i, q in enumerate(P)])), P[k]) for k in range(4)]

    def fwd(self, W1, b1, W2, b2):
        return W2 @ relu(W1 @ self.x + b1) + b2


def params():
    return rng.normal(size=(H, D)), rng.normal(size=H), rng.normal(size=(K, H)), rng.normal(size=K)


exs = [Example(*params(), rng.normal(size=D), int(rng.integers(K))) for _ in range(3)]
every = lambda check: lambda: all(bool(check(e)) for e in exs)
delta = lambda e: np.eye(K)[e.y]                                              # delta_yk over k

# a batch: the rows of X are examples, one set of weights
W1, b1, W2, b2 = params()
batch = [Example(W1, b1, W2, b2, rng.normal(size=D), int(rng.integers(K))) for _ in range(B)]
A1, Delta2 = np.array([e.a1 for e in batch]), np.array([e.d2 for e in batch])
Lb = lambda P: float(np.mean([-np.log(softmax(e.fwd(*P))[e.y]) for e in batch]))
P0 = [W1, b1, W2, b2]
Gb = [grad(lambda v, k=k: Lb([v if i == k else q for i, q in enumerate(P0)]), P0[k]) for k in range(4)]


def descends(sign=-1):
    return all(Lb([q + sign * ETA * Gb[k] if i == k else q for i, q in enumerate(P0)]) < Lb(P0) for k in range(4))


r69 = every(lambda e: same(-1 / e.p[e.y] * e.p[e.y] * (delta(e) - e.p), e.Gz2)
            and same(e.p - delta(e), e.Gz2) and same(e.p - e.one, e.Gz2))
checks = {
    "line 50": every(lambda e: same(e.p - e.one, e.Gz2)),
    "line 56": every(lambda e: same(-1 / e.p[e.y] * e.Jy, e.Gz2)),
    "line 63": every(lambda e: same(e.p[e.y] * (delta(e) - e.p), e.Jy)),
    "line 69": r69,
    "line 78": every(lambda e: same(e.d2, e.Gz2)),
    "line 88": every(lambda e: same(np.outer(e.d2, e.a1), e.G[2]) and same(e.d2, e.G[3])),
    "line 98": every(lambda e: same(e.W2.T @ e.d2, e.Ga1)),
    "line 114": every(lambda e: same(e.d1, e.Gz1)),
    "line 121": every(lambda e: same(np.outer(e.d1, e.x), e.G[0]) and same(e.d1, e.G[1])),
    "line 136": lambda: same(Delta2.T @ A1 / B, Gb[2]),
    "line 148": lambda: descends(),
}
planted = {
    "line 63": every(lambda e: same(e.p[e.y] * (e.p - delta(e)), e.Jy)),
    "line 88": every(lambda e: same(np.outer(e.a1, e.d2), e.G[2]) and same(e.d2, e.G[3])),
    "line 114": every(lambda e: same((e.W2 @ e.d2) * (e.z1 > 0), e.Gz1)),
    "line 136": lambda: same(Delta2.T @ A1, Gb[2]),
}
confirm("zaidanmir_mnist_backprop.md", "zaidanmir_mnist_backprop_planted.md", checks, planted)
print("OK")
