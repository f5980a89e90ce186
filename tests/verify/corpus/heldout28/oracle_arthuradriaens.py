"""Independent NumPy oracle for arthuradriaens_gd_nl.tex (Arthur Adriaens's Dutch notes after Nielsen's chapter 1,
the section on gradient descent) and its planted copy: a small logistic network (3-4-2) with the quadratic cost
C = 1/(2n) sum_x ||y(x) - a(x)||^2 over n = 5 inputs; nu the vector of all weights and biases.

Each update rule is checked by what it does to C at random parameters: with a small eta the change of C must be the
first-order decrease of gradient descent, -eta ||dC/dtheta||^2 (central differences of C, relative error < 1e-3), and
the rule's new value must be theta - eta dC/dtheta (the bias rule that starts from a weight does not). A check holds
exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_arthuradriaens.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad
from fdcheck import sigmoid as s

rng = np.random.default_rng(2810)
SIZES, N, ETA = [3, 4, 2], 5, 1e-5
shapes = [(4, 3), (4,), (2, 4), (2,)]
sizes = [int(np.prod(sh)) for sh in shapes]


def unpack(nu):
    out, k = [], 0
    for sh, n in zip(shapes, sizes, strict=True):
        out.append(nu[k:k + n].reshape(sh))
        k += n
    return out


class Case:
    def __init__(self):
        self.X, self.Y = rng.normal(size=(N, 3)), rng.uniform(0.1, 0.9, size=(N, 2))
        self.nu = rng.normal(size=sum(sizes))
        self.g = grad(self.C, self.nu)

    def C(self, nu):
        W1, b1, W2, b2 = unpack(nu)
        A = s(s(self.X @ W1.T + b1) @ W2.T + b2)
        return float(np.sum((self.Y - A) ** 2) / (2 * N))

    def first_order(self, new):
        """C(new) - C(nu) against -eta ||grad||^2 restricted to the entries the rule moves."""
        moved = new != self.nu
        want = -ETA * float(np.sum(self.g[moved] ** 2))
        got = self.C(new) - self.C(self.nu)
        return want != 0 and abs(got - want) <= 1e-3 * abs(want)


cases = [Case() for _ in range(4)]
every = lambda check: lambda: all(bool(check(c)) for c in cases)
K = 0                      # a weight w_k: W1[0, 0]
L = sizes[0]               # a bias b_l: b1[0]


def rule(c, k, new_value):
    new = c.nu.copy()
    new[k] = new_value
    return new


checks = {
    "descent function": every(lambda c: c.first_order(c.nu - ETA * c.g)),
    "line 37": every(lambda c: c.first_order(rule(c, K, c.nu[K] - ETA * c.g[K]))),
    "line 40": every(lambda c: np.isclose(c.nu[K] - ETA * c.g[L], c.nu[L] - ETA * c.g[L])
                     and c.first_order(rule(c, L, c.nu[K] - ETA * c.g[L]))),
}
planted = {
    "descent function": every(lambda c: c.first_order(c.nu - ETA * c.C(c.nu))),
    "line 37": every(lambda c: c.first_order(rule(c, K, c.nu[K] + ETA * c.g[K]))),
}
confirm("arthuradriaens_gd_nl.tex", "arthuradriaens_gd_nl_planted.tex", checks, planted)
print("OK")
