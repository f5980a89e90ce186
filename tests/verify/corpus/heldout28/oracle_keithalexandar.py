"""Independent NumPy oracle for keithalexandar_bp_zh.md (KeithAlexandar's Chinese notes on an MLP, in Raschka's
notation) and its planted copy: a batch as ROWS, Z^(h) = A^(in) W^(h) (W in x out), A^(h) = phi(Z^(h)), Z^(out) =
A^(h) W^(out), A^(out) = phi(Z^(out)), phi the logistic function; J(W) = -sum_i sum_j [y log a + (1 - y) log(1 - a)]
over the samples i and the t output units j.

Every claim is checked at random inputs, one-hot targets and weights by central differences of J: delta^(out) =
dJ/dZ^(out), delta^(h) = dJ/dZ^(h), the logistic's derivative; line 18 (log of the likelihood's product = the sum)
at random z and y in {0, 1}. A check holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_keithalexandar.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same
from fdcheck import sigmoid as phi

rng = np.random.default_rng(2807)
N, D, H, T = 5, 3, 4, 3


class Batch:
    def __init__(self):
        self.A = rng.normal(size=(N, D))
        self.Wh, self.Wo = rng.normal(size=(D, H)), rng.normal(size=(H, T))
        self.Y = np.eye(T)[rng.integers(T, size=N)]
        self.Zh = self.A @ self.Wh
        self.Ah = phi(self.Zh)
        self.Zo = self.Ah @ self.Wo
        self.Ao = phi(self.Zo)
        self.do = grad(lambda z: self.J(phi(z)), self.Zo)
        self.dh = grad(lambda z: self.J(phi(phi(z) @ self.Wo)), self.Zh)
        self.dphi = grad(lambda z: float(np.sum(phi(z))), self.Zh)            # the logistic's derivative, entry-wise

    def J(self, Ao):
        return float(-np.sum(self.Y * np.log(Ao) + (1 - self.Y) * np.log(1 - Ao)))


bs = [Batch() for _ in range(3)]
every = lambda check: lambda: all(bool(check(b)) for b in bs)
zs, ys = rng.normal(size=6), rng.integers(2, size=6)
lik = np.prod(phi(zs) ** ys * (1 - phi(zs)) ** (1 - ys))

checks = {
    "line 18": lambda: np.isclose(np.log(lik), np.sum(ys * np.log(phi(zs)) + (1 - ys) * np.log(1 - phi(zs)))),
    "line 42": every(lambda b: same(b.Ao - b.Y, b.do)),
    "line 43": every(lambda b: same((b.do @ b.Wo.T) * b.dphi, b.dh)),
    "line 45": every(lambda b: same(b.Ah * (1 - b.Ah), b.dphi)),
    "line 46": every(lambda b: same((b.do @ b.Wo.T) * (b.Ah * (1 - b.Ah)), b.dh)),
}
planted = {
    "line 42": every(lambda b: same(b.Y - b.Ao, b.do)),
    "line 43": every(lambda b: same((b.do @ b.Wo) * b.dphi, b.dh)),                 # (N x T)(H x T): does not fit
    "line 45": every(lambda b: same(b.Ah, b.dphi)),
}
confirm("keithalexandar_bp_zh.md", "keithalexandar_bp_zh_planted.md", checks, planted)
print("OK")
