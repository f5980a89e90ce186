"""Independent NumPy oracle for nealchan_fanxiang_zh.md (NealChanAI's Chinese notes after Hung-yi Lee's lecture)
and its planted copy: z_1 = w_1 x_1 + w_2 x_2 + b, a_1 = sigma(z_1) (logistic), a_1 feeding z_3 through w_3 and z_4
through w_4 (z_3 = w_3 a_1 + w_5 a_2 + b_3, z_4 = w_4 a_1 + w_6 a_2 + b_4, a_2 the other hidden unit), a cost C of
z_3 and z_4 (here 1/2 ||sigmoid(z) - y||^2 over the two outputs; the notes keep C free).

Every claim is checked at random weights and inputs by central differences of C: dC/dw_1, dC/dz_1, dC/dz_3,
dC/dz_4, dz_1/dw_1, and the chain's factors dz_3/dz_1, dz_3/da_1, da_1/dz_1. A check holds exactly when
MANIFEST.toml's verdict is correct.
Run: python oracle_nealchan.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad
from fdcheck import sigmoid as s

rng = np.random.default_rng(2809)
d = lambda f, x: grad(lambda v: float(f(v[0])), np.array([x]))[0]
close = np.isclose


class Net:
    def __init__(self):
        self.w = rng.normal(size=7)                                     # w[1..6]; w[0] unused
        self.b, self.b2, self.b3, self.b4 = rng.normal(size=4)
        self.x1, self.x2 = rng.normal(size=2)
        self.a2 = s(rng.normal())                                       # the other hidden unit's output
        self.y = rng.uniform(0.1, 0.9, size=2)
        self.z1 = self.w[1] * self.x1 + self.w[2] * self.x2 + self.b
        self.a1 = s(self.z1)
        self.z3, self.z4 = self.zs(self.a1)

    def zs(self, a1):
        return self.w[3] * a1 + self.w[5] * self.a2 + self.b3, self.w[4] * a1 + self.w[6] * self.a2 + self.b4

    def C(self, z3, z4):
        return float(0.5 * ((s(z3) - self.y[0]) ** 2 + (s(z4) - self.y[1]) ** 2))

    def Cz1(self, z1):
        return self.C(*self.zs(s(z1)))


nets = [Net() for _ in range(4)]
every = lambda check: lambda: all(bool(check(n)) for n in nets)
dCdw1 = lambda n: d(lambda w1: n.Cz1(w1 * n.x1 + n.w[2] * n.x2 + n.b), n.w[1])
dCdz1 = lambda n: d(n.Cz1, n.z1)
dz1dw1 = lambda n: d(lambda w1: w1 * n.x1 + n.w[2] * n.x2 + n.b, n.w[1])
dz1dx1 = lambda n: d(lambda x1: n.w[1] * x1 + n.w[2] * n.x2 + n.b, n.x1)
dCdz3 = lambda n: d(lambda z: n.C(z, n.z4), n.z3)
dCdz4 = lambda n: d(lambda z: n.C(n.z3, z), n.z4)
dz3dz1 = lambda n: d(lambda z1: n.zs(s(z1))[0], n.z1)
dz4dz1 = lambda n: d(lambda z1: n.zs(s(z1))[1], n.z1)
dz3da1 = lambda n: d(lambda a: n.zs(a)[0], n.a1)
dz4da1 = lambda n: d(lambda a: n.zs(a)[1], n.a1)
da1dz1 = lambda n: d(s, n.z1)
r27 = every(lambda n: close(dCdz1(n), dCdz3(n) * dz3da1(n) * da1dz1(n) + dCdz4(n) * dz4da1(n) * da1dz1(n)))
r28 = every(lambda n: close(dCdz1(n), s(n.z1) * (n.w[3] * dCdz3(n) + n.w[4] * dCdz4(n))))   # sigma for sigma'

checks = {
    "line 24.4": every(lambda n: close(dCdw1(n), dCdz1(n) * dz1dw1(n))),
    "line 25.5": every(lambda n: close(dz1dw1(n), n.x1)),
    "line 26.6": lambda: every(lambda n: close(dCdz1(n), dCdz3(n) * dz3dz1(n) + dCdz4(n) * dz4dz1(n)))() and r27() and r28(),
    "line 27.7": r27,
    "line 28.8": r28,
}
planted = {
    "line 24.4": every(lambda n: close(dCdw1(n), dCdz1(n) * dz1dx1(n))),
    "line 25.5": every(lambda n: close(dz1dw1(n), n.w[1])),
}
confirm("nealchan_fanxiang_zh.md", "nealchan_fanxiang_zh_planted.md", checks, planted)
print("OK")
