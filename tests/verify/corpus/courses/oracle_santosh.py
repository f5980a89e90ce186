"""Independent check of the hand verdicts of santosh_readme.md and its planted copy (numpy only).

santoshnlp's notes: Mazur's 2-2-2 sigmoid network without biases, E1 = 1/2 (t1 - a_o1)^2, E2 likewise, ET = E1 + E2.
The notes' symbolic claims are identities of the network; here each is evaluated at random weights, inputs and
targets against the truth by central differences:
- right: da_o1/do1 = a_o1 (1 - a_o1), do1/dw5 = a_h1, dE1/da_h1 = (a_o1 - t1) a_o1 (1 - a_o1) w5,
  dE2/da_h1 = (a_o2 - t2) a_o2 (1 - a_o2) w7;
- the author's slips: dET/da_o1 = dE1/da_o1 + dE2/da_o2 (the second term is dE2/da_o2 = a_o2 - t2, not 0: as written
  it is not dET/da_o1), dET/dw1 = dE1/da_h1 · da_h1/dh1 · dh1/dw1 (E2's path through a_h1 left out);
- the planted lines: a_o1 (1 + a_o1), a_h2 for a_h1, w8 for w7.
Run: python oracle_santosh.py  -> prints OK
"""

import numpy as np

rng = np.random.default_rng(3)
sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731


def forward(w, i):
    h1, h2 = w[1] * i[0] + w[2] * i[1], w[3] * i[0] + w[4] * i[1]
    ah1, ah2 = sig(h1), sig(h2)
    o1, o2 = w[5] * ah1 + w[6] * ah2, w[7] * ah1 + w[8] * ah2
    return h1, h2, ah1, ah2, o1, o2, sig(o1), sig(o2)


def d(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


for _ in range(20):
    w = {k: rng.normal() for k in range(1, 9)}
    i, t = rng.normal(size=2), rng.uniform(0, 1, 2)
    h1, h2, ah1, ah2, o1, o2, ao1, ao2 = forward(w, i)
    # dE1/da_h1 and dE2/da_h1: a_h1 moved alone (o1 = w5 a_h1 + w6 a_h2, o2 = w7 a_h1 + w8 a_h2)
    dE1 = d(lambda a: 0.5 * (t[0] - sig(w[5] * a + w[6] * ah2)) ** 2, ah1)
    dE2 = d(lambda a: 0.5 * (t[1] - sig(w[7] * a + w[8] * ah2)) ** 2, ah1)
    assert abs(dE1 - (ao1 - t[0]) * ao1 * (1 - ao1) * w[5]) < 1e-8
    assert abs(dE2 - (ao2 - t[1]) * ao2 * (1 - ao2) * w[7]) < 1e-8
    assert abs(d(sig, o1) - ao1 * (1 - ao1)) < 1e-8 and abs(d(sig, o1) - ao1 * (1 + ao1)) > 1e-3
    assert abs(dE2 - (ao2 - t[1]) * ao2 * (1 - ao2) * w[8]) > 1e-8  # planted: w8 for w7
    assert abs(ah1 - ah2) > 1e-6  # planted: do1/dw5 = a_h2 (do1/dw5 is a_h1)
    # dET/da_o1 = a_o1 - t1, but dE1/da_o1 + dE2/da_o2 = (a_o1 - t1) + (a_o2 - t2)
    assert abs((ao1 - t[0]) - ((ao1 - t[0]) + (ao2 - t[1]))) > 1e-6
    # dET/dw1 by central differences against dE1/da_h1 · a_h1 (1 - a_h1) · i1 (E2's path left out)
    ET = lambda v: sum(0.5 * (t - np.array(forward({**w, 1: v}, i)[6:])) ** 2)  # noqa: E731
    g1 = d(ET, w[1])
    assert abs(g1 - (dE1 + dE2) * ah1 * (1 - ah1) * i[0]) < 1e-8
    assert abs(g1 - dE1 * ah1 * (1 - ah1) * i[0]) > 1e-8
print("OK")
