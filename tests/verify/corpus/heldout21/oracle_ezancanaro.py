"""Independent NumPy oracle for ezancanaro_art3.md and its planted copy (a learner's Portuguese article in plain text:
backpropagation for a sigmoid net with C = (a - y)^2 summed over the outputs, no 1/2, one example, z = w a + b).

A 4-3-2 sigmoid net with random weights; every partial the article writes is taken by central differences (dC/dw,
dC/db of the output layer, dC/da of the output and of the hidden layer, da/dz, dz/dw, the Jacobian dz_N/da_{N-1});
each chain-rule product is evaluated per entry (dC/dw_jk = dz_j/dw_jk . da_j/dz_j . dC/da_j), the sum over j where
the line writes it. The inverse derivative dz/da of the planted copy is 1/sigma'(z). Prints OK when every verdict of
MANIFEST.toml holds. Run: python oracle_ezancanaro.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2105)
x = rng.normal(size=4)
W1, b1, W2, b2 = rng.normal(size=(3, 4)), rng.normal(size=3), rng.normal(size=(2, 3)), rng.normal(size=2)
y = rng.uniform(size=2)
a1 = sigmoid(W1 @ x + b1)
z2 = W2 @ a1 + b2
a2 = sigmoid(z2)


def C_of_a(a):
    return float(np.sum((a - y) ** 2))


def C(W2_=W2, b2_=b2, a1_=a1):
    return C_of_a(sigmoid(W2_ @ a1_ + b2_))


dCdW2, dCdb2, dCda1 = grad(lambda v: C(W2_=v), W2), grad(lambda v: C(b2_=v), b2), grad(lambda v: C(a1_=v), a1)
dCda2 = grad(C_of_a, a2)
dadz = np.array([grad(lambda v, j=j: float(sigmoid(v[0])), np.array([z2[j]]))[0] for j in range(2)])  # sigma'(z_j)
dzdw = np.array([[grad(lambda v, j=j, k=k: float(v[j, k] * a1[k]), W2)[j, k] for k in range(3)] for j in range(2)])
dzdb = np.ones(2)
Jz = np.array([[grad(lambda v, j=j: float((W2 @ v + b2)[j]), a1)[k] for k in range(3)] for j in range(2)])  # dz_j/da1_k
f = a2 - y
dCdf = 2 * f
dfda = np.ones(2)


def chain_w(mid):
    return same(dCdW2, dzdw * (mid * dCda2)[:, None])


checks = {
    "line 31": lambda: chain_w(dadz),
    "line 32": lambda: same(dCdb2, dzdb * dadz * dCda2),
    "line 43": lambda: all(same(dCda2, v) for v in (dCdf * dfda, 2 * f * 1, 2 * (a2 - y))),
    "line 76": lambda: chain_w(dadz),
    "line 140": lambda: all(same(Jz, v) for v in (W2 * 1 * np.ones_like(Jz) + 0, W2)),
    "line 179": lambda: same(dCda1, sum(Jz[j] * dadz[j] * dCda2[j] for j in range(2))),
}
planted = {
    "line 31": lambda: chain_w(1 / dadz),
    "line 43": lambda: all(same(dCda2, v) for v in (dCdf * dfda, 2 * f * 1, 2 * (y - a2))),
    "line 140": lambda: all(same(Jz, v) for v in (W2 * 1 * np.ones_like(Jz) + 0, np.tile(a1, (2, 1)))),
}
confirm("ezancanaro_art3.md", "ezancanaro_art3_planted.md", checks, planted)
print("OK")
