"""Independent NumPy oracle for zacbrannelly_backprop.md (Zac Brannelly's notes for a toy handwriting recogniser)
and its planted copy: one neuron z = sum_n w_n i_n + b, a = act(z) (act = sigmoid), L = (a - label)^2 (no 1/2);
the "2nd last layer" a_1 = act(z_1), z_1 = sum_n w1_n i_n + b1, feeding the output neuron z = w a_1 + ... + b
(one output neuron, as the notes' single path w -> a).

Every claim is checked at random weights, inputs and label by central differences of L: dL/da, dL/dz, dz/dw_i,
dL/dw_i for the output and the hidden neuron, dz/da_1, da/da_1, dL/da_1, dz/db, dL/db; the SGD steps as descent
steps (the loss falls after a small step). The chain notation `dL/da * da/dz = dL/dz` is checked as the product
of the two numerical derivatives. A check holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_zacbrannelly.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2805)
LR = 1e-3
d = lambda f, x: grad(lambda v: float(f(v[0])), np.array([x]))[0]           # d f / d x (scalar)


class Case:
    def __init__(self):
        self.i = rng.normal(size=3)                                          # inputs of the hidden neuron
        self.w1, self.b1 = rng.normal(size=3), rng.normal()                  # the 2nd last layer's neuron
        self.w, self.wo, self.b = rng.normal(), rng.normal(size=2), rng.normal()   # output: w a_1 + wo . others + b
        self.others = rng.normal(size=2)                                     # the output neuron's other inputs
        self.label = rng.uniform(0.1, 0.9)
        self.z1 = self.w1 @ self.i + self.b1
        self.a1 = sigmoid(self.z1)
        self.z = self.w * self.a1 + self.wo @ self.others + self.b
        self.a = sigmoid(self.z)

    def out(self, a1=None, w=None, b=None):
        a1 = self.a1 if a1 is None else a1
        w = self.w if w is None else w
        b = self.b if b is None else b
        return sigmoid(w * a1 + self.wo @ self.others + b)

    def L(self, a):
        return (a - self.label) ** 2


cases = [Case() for _ in range(4)]
every = lambda check: lambda: all(bool(check(c)) for c in cases)
dLda = lambda c: d(c.L, c.a)
dadz = lambda c: d(sigmoid, c.z)
dLdz = lambda c: d(lambda z: c.L(sigmoid(z)), c.z)
# output neuron: its inputs are (a_1, others); the notes' w_i / i_i: take the weight w on a_1 (input a_1)
dLdw_out = lambda c: d(lambda w: c.L(c.out(w=w)), c.w)
dzdw_out = lambda c: d(lambda w: w * c.a1 + c.wo @ c.others + c.b, c.w)
# hidden neuron (line 117): dL/dw1_k = dL/da_1 * da_1/dz_1 * dz_1/dw1_k
dLdw1 = lambda c: grad(lambda v: float(c.L(c.out(a1=sigmoid(v @ c.i + c.b1)))), c.w1)
dLda1 = lambda c: d(lambda a1: c.L(c.out(a1=a1)), c.a1)
dzda1 = lambda c: d(lambda a1: c.w * a1 + c.wo @ c.others + c.b, c.a1)
dada1 = lambda c: d(lambda a1: c.out(a1=a1), c.a1)
dLdb = lambda c: d(lambda b: c.L(c.out(b=b)), c.b)
dzdb = lambda c: d(lambda b: c.w * c.a1 + c.wo @ c.others + b, c.b)
dadb = lambda c: d(lambda b: c.out(b=b), c.b)
falls = lambda c, sign: (c.L(c.out(w=c.w + sign * LR * dLdw_out(c))) < c.L(c.a)
                         and c.L(c.out(b=c.b + sign * LR * dLdb(c))) < c.L(c.a))

checks = {
    "line 75": every(lambda c: np.isclose(dLda(c), 2 * (c.a - c.label))),
    "line 85": every(lambda c: np.isclose(dLda(c) * dadz(c), dLdz(c))),
    "line 89": every(lambda c: np.isclose(dzdw_out(c), c.a1)),                     # i_i: the weight's input
    "line 95": every(lambda c: np.isclose(dLdw_out(c), dLda(c) * dadz(c) * dzdw_out(c))
                     and np.isclose(dLdw_out(c), 2 * (c.a - c.label) * c.a * (1 - c.a) * c.a1)),
    "line 117": every(lambda c: same(dLdw1(c), dLda1(c) * d(sigmoid, c.z1) * c.i)),
    "line 127": every(lambda c: np.isclose(dzda1(c), c.w)),
    "line 133": every(lambda c: np.isclose(dzda1(c) * dadz(c), dada1(c))),
    "line 137": every(lambda c: np.isclose(dLda1(c), c.w * dadz(c) * dLda(c))),
    "line 185": every(lambda c: np.isclose(dzdb(c), 1)),
    "line 189": every(lambda c: np.isclose(dzdb(c) * dadz(c), dadb(c))),
    "line 193": every(lambda c: np.isclose(dadb(c), dLda(c) * dadz(c) * dzdb(c))),  # da/db written for dL/db
    "line 197": every(lambda c: np.isclose(dLdb(c), dLda(c) * dadz(c))),
    "line 211": every(lambda c: c.L(c.out(w=c.w - LR * dLdw_out(c))) < c.L(c.a)),
    "line 213": every(lambda c: c.L(c.out(b=c.b - LR * dLdb(c))) < c.L(c.a)),
}
planted = {
    "line 75": every(lambda c: np.isclose(dLda(c), c.a - c.label)),
    "line 89": every(lambda c: np.isclose(dzdw_out(c), c.w)),
    "line 137": every(lambda c: np.isclose(dLda1(c), c.w * dLda(c))),
    "line 213": every(lambda c: c.L(c.out(b=c.b + LR * dLdb(c))) < c.L(c.a)),
}
confirm("zacbrannelly_backprop.md", "zacbrannelly_backprop_planted.md", checks, planted)
print("OK")
