"""A hand-optimised NumPy training step for the reference network, the yardstick of bench_step.py.

Architecture (DESIGN.md): dense + leaky ReLU (gamma = 0.01) -> dense + tanh -> dense + softmax, cross-entropy,
L2 lambda/(2N) sum ||W||_F^2 (biases not penalised), RMSprop with epsilon inside the square root; row
convention (W is n_out x n_in), samples are rows. Written by hand: every buffer preallocated, every
operation in place with ``out=``, 1/N folded into the output error, no temporaries in the optimizer, and no masked
call: leaky ReLU's derivative is the mask z > 0 as 0/1 raised to gamma by np.maximum, then one multiplication
(``np.multiply(D1, gamma, out=D1, where=mask)`` takes ~10 ns an element, mispredicting every other sign; until the
fifth round of issue 13 this yardstick used it and was ~0.5 ms slower at the MNIST size). The bias gradients are one
BLAS gemv each, ``1^T D`` with a preallocated vector of ones (as Caffe's inner-product layer does): NumPy's
``D.sum(axis=0)`` adds row after row and is 2-5x slower (since the seventh round; the generated step does the same).
"""

from __future__ import annotations

import numpy as np


class HandStep:
    """One gradient + RMSprop step on ``params`` (updated in place) for batches of ``n`` rows."""

    def __init__(self, params: dict, n: int, gamma=0.01, lam=1e-3, learning_rate=1e-3, beta=0.9, epsilon=1e-6):
        self.p = params
        dtype = params["W1"].dtype
        self.gamma, self.lam, self.lr, self.beta, self.eps = gamma, lam, learning_rate, beta, epsilon
        n1, n2, n3 = params["W1"].shape[0], params["W2"].shape[0], params["W3"].shape[0]
        e = lambda *shape: np.empty(shape, dtype=dtype)  # noqa: E731
        self.Z1, self.H1, self.D1 = e(n, n1), e(n, n1), e(n, n1)
        self.Z2, self.H2, self.D2, self.T2 = e(n, n2), e(n, n2), e(n, n2), e(n, n2)
        self.Z3, self.P, self.D3 = e(n, n3), e(n, n3), e(n, n3)
        self.ones = np.ones(n, dtype=dtype)  # bias gradients as 1^T D: a BLAS gemv, 2-5x faster than D.sum(axis=0)
        self.slope = e(n, n1)  # leaky ReLU's derivative: 1 where z > 0, gamma elsewhere
        self.g = {k: np.empty_like(v) for k, v in params.items()}
        self.S = {k: np.zeros_like(v) for k, v in params.items()}
        self.tmp = {k: np.empty_like(v) for k, v in params.items()}
        self.items = [(params[k], self.g[k], self.S[k], self.tmp[k]) for k in params]

    def gradients(self, X, Y):
        p, g = self.p, self.g
        W1, b1, W2, b2, W3, b3 = p["W1"], p["b1"], p["W2"], p["b2"], p["W3"], p["b3"]
        Z1, H1, Z2, H2, Z3, P = self.Z1, self.H1, self.Z2, self.H2, self.Z3, self.P
        D1, D2, D3, T2 = self.D1, self.D2, self.D3, self.T2
        n = X.shape[0]
        c = self.lam / n
        np.matmul(X, W1.T, out=Z1)
        Z1 += b1
        np.multiply(Z1, self.gamma, out=H1)
        np.maximum(H1, Z1, out=H1)
        np.matmul(H1, W2.T, out=Z2)
        Z2 += b2
        np.tanh(Z2, out=H2)
        np.matmul(H2, W3.T, out=Z3)
        Z3 += b3
        np.subtract(Z3, Z3.max(axis=1, keepdims=True), out=P)
        np.exp(P, out=P)
        P /= P.sum(axis=1, keepdims=True)
        # backward, 1/N folded into D3
        np.subtract(P, Y, out=D3)
        D3 *= 1.0 / n
        np.matmul(D3.T, H2, out=g["W3"])
        np.multiply(W3, c, out=self.tmp["W3"])
        g["W3"] += self.tmp["W3"]
        np.matmul(self.ones, D3, out=g["b3"])
        np.matmul(D3, W3, out=D2)
        np.multiply(H2, H2, out=T2)
        np.subtract(1.0, T2, out=T2)
        D2 *= T2
        np.matmul(D2.T, H1, out=g["W2"])
        np.multiply(W2, c, out=self.tmp["W2"])
        g["W2"] += self.tmp["W2"]
        np.matmul(self.ones, D2, out=g["b2"])
        np.matmul(D2, W2, out=D1)
        np.greater(Z1, 0, out=self.slope)
        np.maximum(self.slope, self.gamma, out=self.slope)
        D1 *= self.slope
        np.matmul(D1.T, X, out=g["W1"])
        np.multiply(W1, c, out=self.tmp["W1"])
        g["W1"] += self.tmp["W1"]
        np.matmul(self.ones, D1, out=g["b1"])
        return g

    def step(self, X, Y):
        self.gradients(X, Y)
        self.update()

    def update(self):
        """The RMSprop update of every parameter from the gradients in ``self.g`` (the second half of ``step``)."""
        beta, one_minus, eps, lr = self.beta, 1.0 - self.beta, self.eps, self.lr
        for theta, g, S, tmp in self.items:
            S *= beta
            np.multiply(g, g, out=tmp)
            tmp *= one_minus
            S += tmp
            np.add(S, eps, out=tmp)
            np.sqrt(tmp, out=tmp)
            np.divide(g, tmp, out=tmp)
            tmp *= lr
            theta -= tmp

    def epoch(self, X, Y, batch_size: int, rng):
        """One training epoch as a hand-written loop does it: shuffle the rows, then one step per mini-batch."""
        order = rng.permutation(X.shape[0])
        X, Y = X[order], Y[order]
        for start in range(0, X.shape[0], batch_size):
            self.step(X[start:start + batch_size], Y[start:start + batch_size])
