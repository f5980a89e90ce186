"""Independent NumPy oracle for starbits_backprop.md (star-bits's blog notes: a 2-2-2 logistic network without
biases, Mazur's letters) and its planted copy: z1 = w1 x1 + w2 x2, z2 = w3 x1 + w4 x2, h = sigmoid(z), z3 = w5 h1 +
w6 h2, z4 = w7 h1 + w8 h2, o = sigmoid(z), E_total = E_o1 + E_o2 with E_ok = 1/2 (target_k - o_k)^2.

Every claim is checked at random weights, inputs and targets by central differences: dE_total/do1, do1/dz3,
dz3/dw5, dE_total/dw5, dE_ok/dh1 (h1 taken as free), dh1/dz1, dz1/dw1, dE_total/dw1; the sigmoid's identities at
random x; the updates as descent steps (the loss falls after a small step); a chain-rule statement as the product
of its numerical factors. A check holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_starbits.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad
from fdcheck import sigmoid as s

rng = np.random.default_rng(2808)
LR = 1e-3
d = lambda f, x: grad(lambda v: float(f(v[0])), np.array([x]))[0]
close = np.isclose


class Net:
    def __init__(self):
        self.w = dict(zip(range(1, 9), rng.normal(size=8), strict=True))
        self.x1, self.x2 = rng.normal(size=2)
        self.t1, self.t2 = rng.uniform(0.05, 0.95, size=2)
        self.z1, self.h1, self.z2, self.h2, self.z3, self.o1, self.z4, self.o2 = self.fwd(self.w)

    def fwd(self, w, h1=None):
        z1 = w[1] * self.x1 + w[2] * self.x2
        z2 = w[3] * self.x1 + w[4] * self.x2
        h1_ = s(z1) if h1 is None else h1
        h2 = s(z2)
        z3 = w[5] * h1_ + w[6] * h2
        z4 = w[7] * h1_ + w[8] * h2
        return z1, h1_, z2, h2, z3, s(z3), z4, s(z4)

    def E(self, w, h1=None, which=(1, 2)):
        f = self.fwd(w, h1)
        return sum(0.5 * (t - o) ** 2 for k, t, o in ((1, self.t1, f[5]), (2, self.t2, f[7])) if k in which)

    def dEdw(self, k):
        return d(lambda v: self.E({**self.w, k: v}), self.w[k])


nets = [Net() for _ in range(4)]
every = lambda check: lambda: all(bool(check(n)) for n in nets)
xs = rng.normal(size=5)
dsig = np.array([d(s, x) for x in xs])
dEdo1 = lambda n: d(lambda o: 0.5 * (n.t1 - o) ** 2 + 0.5 * (n.t2 - n.o2) ** 2, n.o1)
do1dz3 = lambda n: d(s, n.z3)
dz3dw5 = lambda n: d(lambda v: v * n.h1 + n.w[6] * n.h2, n.w[5])
dEdh1 = lambda n, which=(1, 2): d(lambda h: n.E(n.w, h1=h, which=which), n.h1)
dh1dz1 = lambda n: d(s, n.z1)
dz1dw1 = lambda n: d(lambda v: v * n.x1 + n.w[2] * n.x2, n.w[1])
falls = lambda n, k, sign=-1: n.E({**n.w, k: n.w[k] + sign * LR * n.dEdw(k)}) < n.E(n.w)
e = np.exp(xs)

checks = {
    "line 32": every(lambda n: close(n.dEdw(5), dEdo1(n) * do1dz3(n) * dz3dw5(n))),
    "line 38": every(lambda n: close(dEdo1(n), 2 * 0.5 * (n.t1 - n.o1) ** (2 - 1) * (-1) + 0)
                     and close(dEdo1(n), -(n.t1 - n.o1))),
    "line 44": lambda: np.allclose(dsig, s(xs) * (1 - s(xs))),
    "line 46": every(lambda n: close(do1dz3(n), n.o1 * (1 - n.o1))),
    "line 48": lambda: np.allclose(1 / (1 + np.exp(-xs)), e / (1 + e)),
    "line 50": lambda: all(np.allclose(dsig, v) for v in (
        (e * (1 + e) - e * e) / (1 + e) ** 2, e / (1 + e) ** 2, e / (1 + e) * (1 + e - e) / (1 + e),
        e / (1 + e) * (1 - e / (1 + e)), s(xs) * (1 - s(xs)))),
    "line 56": every(lambda n: close(dz3dw5(n), n.h1)),
    "line 60": every(lambda n: close(n.dEdw(5), -(n.t1 - n.o1) * n.o1 * (1 - n.o1) * n.h1)),
    "line 62": every(lambda n: falls(n, 5)),
    "line 70": every(lambda n: close(n.dEdw(1), dEdh1(n) * dh1dz1(n) * dz1dw1(n))),
    "line 81": every(lambda n: close(dEdh1(n, (1,)), -(n.t1 - n.o1) * n.o1 * (1 - n.o1) * n.w[5])),
    "line 83": every(lambda n: close(dEdh1(n, (2,)), -(n.t2 - n.o2) * n.o2 * (1 - n.o2) * n.w[7])),
    "line 89": every(lambda n: close(dh1dz1(n), n.h1 * (1 - n.h1))),
    "line 95": every(lambda n: close(dz1dw1(n), n.x1)),
    "line 99": every(lambda n: close(n.dEdw(1), (dEdh1(n, (1,)) + dEdh1(n, (2,))) * n.h1 * (1 - n.h1) * n.x1)),
    "line 101": every(lambda n: falls(n, 1)),
}
planted = {
    "line 38": every(lambda n: close(dEdo1(n), 2 * 0.5 * (n.t1 - n.o1) ** (2 - 1) * (-1) + 0)
                     and close(dEdo1(n), n.t1 - n.o1)),
    "line 46": every(lambda n: close(do1dz3(n), n.o1)),
    "line 83": every(lambda n: close(dEdh1(n, (2,)), -(n.t2 - n.o2) * n.o2 * (1 - n.o2) * n.w[6])),
    "line 99": every(lambda n: close(n.dEdw(1), (dEdh1(n, (1,)) + dEdh1(n, (2,))) * n.h1 * (1 - n.h1) * n.x2)),
}
confirm("starbits_backprop.md", "starbits_backprop_planted.md", checks, planted)
print("OK")
