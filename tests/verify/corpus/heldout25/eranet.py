"""The School of AI's ERA "Excel sheet" network (numpy only; not an oracle -- tests/verify/test_corpus.py runs
``oracle_*.py``): h1 = w1 i1 + w2 i2, h2 = w3 i1 + w4 i2, ah = sigma(h); o1 = w5 ah1 + w6 ah2, o2 = w7 ah1 + w8 ah2,
ao = sigma(o); no biases; E_total = 1/2 (t1 - ao1)^2 + 1/2 (t2 - ao2)^2. ``sheet(rng)`` draws a random point and returns
the forward values with every derivative the write-ups name, each by central differences of E_total itself."""

import numpy as np
from fdcheck import grad, sigmoid


def forward(w, i1, i2):
    w1, w2, w3, w4, w5, w6, w7, w8 = w
    h1, h2 = w1 * i1 + w2 * i2, w3 * i1 + w4 * i2
    ah1, ah2 = sigmoid(h1), sigmoid(h2)
    o1, o2 = w5 * ah1 + w6 * ah2, w7 * ah1 + w8 * ah2
    return h1, h2, ah1, ah2, o1, o2, sigmoid(o1), sigmoid(o2)


def sheet(rng):
    w = rng.normal(size=8)
    i1, i2 = rng.normal(size=2)
    t1, t2 = rng.uniform(size=2)

    def E(ao1, ao2):
        return 0.5 * (t1 - ao1) ** 2 + 0.5 * (t2 - ao2) ** 2

    def E_w(v):
        return float(E(*forward(v, i1, i2)[6:]))

    h1, h2, ah1, ah2, o1, o2, ao1, ao2 = forward(w, i1, i2)
    w5, w6, w7, w8 = w[4:]

    def E_ah(v):                                   # E_total as a function of (ah1, ah2)
        return float(E(sigmoid(w5 * v[0] + w6 * v[1]), sigmoid(w7 * v[0] + w8 * v[1])))

    def E_o(v):                                    # E_total as a function of (o1, o2)
        return float(E(sigmoid(v[0]), sigmoid(v[1])))

    def E_ao(v):
        return float(E(v[0], v[1]))

    return dict(
        w=w, i1=i1, i2=i2, t1=t1, t2=t2, h1=h1, h2=h2, ah1=ah1, ah2=ah2, o1=o1, o2=o2, ao1=ao1, ao2=ao2,
        w1=w[0], w2=w[1], w3=w[2], w4=w[3], w5=w5, w6=w6, w7=w7, w8=w8,
        dw=grad(E_w, w),                           # dE_total/dw1 ... dw8
        dah=grad(E_ah, np.array([ah1, ah2])),      # dE_total/dah1, dah2
        do=grad(E_o, np.array([o1, o2])),          # dE_total/do1, do2
        dao=grad(E_ao, np.array([ao1, ao2])),      # dE_total/dao1, dao2
        E=E_w(w),
    )
