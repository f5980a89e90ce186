"""Independent NumPy oracle for porr_backprop_notes.tex (Bernd Porr's lecture notes "deep learning analytics", the
sections from the linear neuron to the non-linear network) and its planted copy.

The notes' network: y_i = sum_j y_j w_ji (omega_ji and w_ji are one weight), the error e_i = y_i - d_i (the notes'
eq. output_error), E = 1/2 e^2 per output (summed over the outputs i for the multi-layer part); a hidden layer
y_j = sum_k y_k w_kj; in the last section y_i = Theta(v_i), v_i = sum_j y_j w_ji (Theta = tanh here; the notes keep
it free). Every gradient is taken by central differences of E; an update Delta omega is checked against
-mu dE/domega. A CARRIED_FORWARD claim is checked to agree with the notes' own earlier (wrong) gradintback, AND not
to agree with the truth. A check holds exactly when MANIFEST.toml's verdict is correct (or carried forward).
Run: python oracle_porr.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(2811)
MU = 0.1
th, dth = np.tanh, lambda v: 1 - np.tanh(v) ** 2


class Net:
    """Inputs y_k (3), hidden y_j (4), outputs y_i (2); W1[k, j] = w_kj, W2[j, i] = w_ji."""

    def __init__(self):
        self.yk = rng.normal(size=3)
        self.W1, self.W2 = rng.normal(size=(3, 4)), rng.normal(size=(4, 2))
        self.d = rng.normal(size=2)
        self.yj = self.yk @ self.W1
        self.yi = self.yj @ self.W2
        self.e = self.yi - self.d
        self.E = lambda W1, W2: float(0.5 * np.sum((self.yk @ W1 @ W2 - self.d) ** 2))
        self.g1 = grad(lambda v: self.E(v, self.W2), self.W1)          # dE/domega_kj
        self.g2 = grad(lambda v: self.E(self.W1, v), self.W2)          # dE/domega_ji
        self.dEdyj = grad(lambda v: float(0.5 * np.sum((v @ self.W2 - self.d) ** 2)), self.yj)
        # dy_j/domega_kj = y_k (a k x j array); dy_i/domega_kj = y_k w_ji (it does not vanish)
        self.dyj = np.outer(self.yk, np.ones(4))
        # the non-linear output layer
        self.vi = self.yj @ self.W2
        self.zi = th(self.vi)
        self.en = self.zi - self.d
        self.En = lambda W1, W2: float(0.5 * np.sum((th(th(self.yk @ W1) @ W2) - self.d) ** 2))
        self.hj = th(self.yk @ self.W1)                                  # non-linear hidden y_j
        self.vi2 = self.hj @ self.W2                                     # v_i
        self.zi2 = th(self.vi2)                                          # non-linear output y_i


nets = [Net() for _ in range(4)]
every = lambda check: lambda: all(bool(check(n)) for n in nets)
back = lambda n: n.W2 @ n.e                                              # sum_i e_i omega_ji (one entry per j)
theirs = lambda n: -np.outer(n.yk, back(n))                              # the notes' gradintback: -(sum e w) y_k
truth1 = lambda n: n.g1                                                  # = +(sum e w) y_k
carried = lambda value: every(lambda n: same(value(n), theirs(n)) and not same(value(n), truth1(n)))
r54 = every(lambda n: same(-MU * grad(lambda v: float(0.5 * np.sum((n.d - n.yj @ v) ** 2)), n.W2), -MU * n.g2))
r56 = r54                                                                 # the same derivative, y_i written out
r57 = every(lambda n: same(MU * np.outer(n.yj, n.d - n.yi), -MU * n.g2))
r59 = every(lambda n: same(MU * np.outer(n.yj, n.e), -MU * n.g2))        # mu e_i y_j: the sign
nonlin_g2 = lambda n: grad(lambda v: n.En(n.W1, v), n.W2)

checks = {
    "graddes": every(lambda n: n.E(n.W1, n.W2 - MU * 1e-3 * n.g2) < n.E(n.W1, n.W2)),
    "chainrule": lambda: r54() and r56() and r57() and r59(),
    "line 54.1": r54, "line 56.2": r56, "line 57.3": r57, "line 59.5": r59,
    "gradint": every(lambda n: same(n.dEdyj[None, :] * n.dyj, n.g1)),
    "gradintback": every(lambda n: same(-back(n)[None, :] * n.dyj, n.g1)),
    "line 106": carried(lambda n: -back(n)[None, :] * n.dyj),
    "line 106.1": carried(lambda n: -back(n)[None, :] * n.dyj),
    "line 107.2": carried(lambda n: -np.outer(n.yk, back(n))),
    "line 111": every(lambda n: same(MU * np.outer(n.yk, back(n)), -MU * theirs(n))
                      and not same(MU * np.outer(n.yk, back(n)), -MU * truth1(n))),
    "line 143": every(lambda n: same(np.outer(n.hj, (n.zi2 - n.d) * dth(n.vi2)), nonlin_g2(n))),
    "line 148": every(lambda n: same(MU * np.outer(n.hj, dth(n.zi2) * (n.zi2 - n.d)), -MU * nonlin_g2(n))),
    "line 152": every(lambda n: same(MU * np.outer(n.yk, dth(n.hj) * (n.W2 @ (n.zi2 - n.d))),
                                     -MU * grad(lambda v: n.En(v, n.W2), n.W1))),
}
p56 = every(lambda n: same(-MU * grad(lambda v: float(0.5 * np.sum((n.d - n.yi * v.sum(axis=0)) ** 2)), n.W2),
                         -MU * n.g2))                                    # y_i(n) inside the sum, held at its value
planted = {
    "graddes": every(lambda n: n.E(n.W1, n.W2 + MU * 1e-3 * n.g2) < n.E(n.W1, n.W2)),
    "chainrule": lambda: r54() and p56() and r57() and r59(),
    "line 56.2": p56,
    "gradint": every(lambda n: same(n.dEdyj[None, :] * (n.yk[:, None] * n.W2[:, 0][None, :]), n.g1)),  # dy_i/domega_kj, i = 1
    "line 143": every(lambda n: same(np.outer(n.hj, n.zi2 - n.d), nonlin_g2(n))),
}
confirm("porr_backprop_notes.tex", "porr_backprop_notes_planted.tex", checks, planted)
print("OK")
