"""A small dense network for heldout27's oracles (numpy only; not an oracle -- tests/verify/test_corpus.py runs
``oracle_*.py``): one example as a column, z^(l) = W^(l) a^(l-1) + b^(l) (W^(l) is n_l x n_(l-1)), a^(l) = f_l(z^(l)),
layers numbered 1..L, a^(0) the input. Every derivative is taken by central differences of the cost (fdcheck.grad):
dC/dW^(l), dC/db^(l), dC/dz^(l) (the layers above recomputed from a z^(l) taken as free), dC/da^(L)."""

import numpy as np
from fdcheck import grad, sigmoid

ACTS = {
    "sigmoid": (sigmoid, lambda z: sigmoid(z) * (1 - sigmoid(z))),
    "identity": (lambda z: z, lambda z: np.ones_like(z)),
}
LOSSES = {
    "half_sq": lambda a, y: 0.5 * np.sum((a - y) ** 2),
    "sq": lambda a, y: np.sum((a - y) ** 2),
    "bce": lambda a, y: -np.sum(y * np.log(a) + (1 - y) * np.log(1 - a)),
}


class Net:
    def __init__(self, rng, sizes, acts, loss, bias=True):
        self.L = len(sizes) - 1
        self.f = [None] + [ACTS[a][0] for a in acts]
        self.df = [None] + [ACTS[a][1] for a in acts]
        self.W = [None] + [rng.normal(size=(sizes[i + 1], sizes[i])) for i in range(self.L)]
        self.b = [None] + [rng.normal(size=sizes[i + 1]) if bias else np.zeros(sizes[i + 1]) for i in range(self.L)]
        self.x = rng.normal(size=sizes[0])
        self.y = rng.uniform(0.1, 0.9, size=sizes[-1])
        self.loss = LOSSES[loss]
        self.bias = bias
        self.z, self.a = self.forward(self.W, self.b)
        L = self.L
        self.C = self.cost(self.W, self.b)
        self.GW = [None] + [grad(lambda v, l=l: self.cost(self._with(self.W, l, v), self.b), self.W[l]) for l in range(1, L + 1)]
        self.Gb = [None] + [grad(lambda v, l=l: self.cost(self.W, self._with(self.b, l, v)), self.b[l]) for l in range(1, L + 1)]
        self.E = [None] + [grad(lambda v, l=l: self.loss(self.up_from(l, v), self.y), self.z[l]) for l in range(1, L + 1)]
        self.dCda = grad(lambda v: self.loss(v, self.y), self.a[L])

    @staticmethod
    def _with(seq, l, v):
        out = list(seq)
        out[l] = v
        return out

    def forward(self, W, b, x=None):
        a = [self.x if x is None else x]
        z = [None]
        for l in range(1, self.L + 1):
            z.append(W[l] @ a[-1] + b[l])
            a.append(self.f[l](z[-1]))
        return z, a

    def cost(self, W, b):
        return self.loss(self.forward(W, b)[1][-1], self.y)

    def up_from(self, l, zl):
        """a^(L) with z^(l) taken as free and the layers above recomputed."""
        a = self.f[l](zl)
        for k in range(l + 1, self.L + 1):
            a = self.f[k](self.W[k] @ a + self.b[k])
        return a

    def dz_dW(self, l, k):
        """d z^(k) / d W^(l) by central differences: array [i, p, q] = d z^(k)_i / d W^(l)_pq (k >= l)."""
        def zk(v):
            return self.forward(self._with(self.W, l, v), self.b)[0][k]
        return self._jac(zk, self.W[l])

    def da_dW(self, l, k):
        def ak(v):
            return self.forward(self._with(self.W, l, v), self.b)[1][k]
        return self._jac(ak, self.W[l])

    def dz_db(self, l, k):
        def zk(v):
            return self.forward(self.W, self._with(self.b, l, v))[0][k]
        return self._jac(zk, self.b[l])

    def dzz(self, k, l):
        """[i, j] = d z^(k)_i / d z^(l)_j (k > l), the layers between recomputed."""
        def zk(v):
            a = self.f[l](v)
            for m in range(l + 1, k + 1):
                zm = self.W[m] @ a + self.b[m]
                a = self.f[m](zm)
            return zm
        return self._jac(zk, self.z[l])

    @staticmethod
    def _jac(fun, at, eps=1e-6):
        at = np.asarray(at, float)
        out = None
        for idx in np.ndindex(at.shape):
            e = np.zeros_like(at)
            e[idx] = eps
            col = (fun(at + e) - fun(at - e)) / (2 * eps)
            if out is None:
                out = np.zeros(col.shape + at.shape)
            out[(...,) + idx] = col
        return out
