"""A hand-written CS231n-style NumPy batch-norm network, the yardstick of bench_layers.py.

Architecture (examples/bn_mlp.toml): affine -> batchnorm -> relu -> affine -> batchnorm -> relu -> affine ->
softmax, cross-entropy, L2 lambda/(2N) sum ||W||_F^2 on the affine weights, SGD; row convention (W is n_out x n_in),
samples are rows. Written as CS231n's assignment 2 layers are: ``*_forward`` returns (out, cache), ``*_backward``
takes (dout, cache); batch norm uses the simplified backward (``batchnorm_backward_alt``) and the running statistics
with PyTorch's unbiased running variance, so its numbers match the generated module's.
"""

from __future__ import annotations

import numpy as np


def affine_forward(x, w, b):
    return x @ w.T + b, (x, w)


def affine_backward(dout, cache):
    x, w = cache
    return dout @ w, dout.T @ x, dout.sum(axis=0)


def relu_forward(x):
    return np.maximum(x, 0), x


def relu_backward(dout, x):
    return dout * (x > 0)


def batchnorm_forward(x, gamma, beta, bn_param):
    """Training mode: batch statistics, biased variance, running statistics updated (unbiased variance, as PyTorch)."""
    eps, momentum = bn_param.get("eps", 1e-5), bn_param.get("momentum", 0.1)
    n = x.shape[0]
    mu = x.mean(axis=0)
    var = x.var(axis=0)
    bn_param["running_mean"] = (1 - momentum) * bn_param["running_mean"] + momentum * mu
    bn_param["running_var"] = (1 - momentum) * bn_param["running_var"] + momentum * var * n / (n - 1)
    std = np.sqrt(var + eps)
    xhat = (x - mu) / std
    return gamma * xhat + beta, (xhat, gamma, std)


def batchnorm_backward_alt(dout, cache):
    xhat, gamma, std = cache
    n = dout.shape[0]
    dbeta = dout.sum(axis=0)
    dgamma = (dout * xhat).sum(axis=0)
    dx = (gamma / (n * std)) * (n * dout - dbeta - xhat * dgamma)
    return dx, dgamma, dbeta


def softmax_loss(scores, y):
    shifted = scores - scores.max(axis=1, keepdims=True)
    logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    n = scores.shape[0]
    loss = -(logp * y).sum() / n
    return loss, (np.exp(logp) - y) / n


class HandBatchNormNet:
    """One SGD step of the batch-norm MLP on ``params`` (updated in place), CS231n style."""

    def __init__(self, params: dict, lam=1e-3, learning_rate=0.05, eps=1e-5, momentum=0.1):
        self.p, self.lam, self.lr = params, lam, learning_rate
        self.bn = [{"eps": eps, "momentum": momentum, "running_mean": np.zeros_like(params[f"gamma{l}"]),
                    "running_var": np.ones_like(params[f"gamma{l}"])} for l in (2, 4)]

    def loss_and_grads(self, X, Y):
        p, n = self.p, X.shape[0]
        a1, c1 = affine_forward(X, p["W1"], p["b1"])
        b2, c2 = batchnorm_forward(a1, p["gamma2"], p["beta2"], self.bn[0])
        r2, c2r = relu_forward(b2)
        a4, c4 = affine_forward(r2, p["W3"], p["b3"])
        b5, c5 = batchnorm_forward(a4, p["gamma4"], p["beta4"], self.bn[1])
        r5, c5r = relu_forward(b5)
        scores, c7 = affine_forward(r5, p["W5"], p["b5"])
        loss, dscores = softmax_loss(scores, Y)
        loss += self.lam / (2 * n) * sum(float((p[k] ** 2).sum()) for k in ("W1", "W3", "W5"))
        g = {}
        dr5, g["W5"], g["b5"] = affine_backward(dscores, c7)
        db5 = relu_backward(dr5, c5r)
        da4, g["gamma4"], g["beta4"] = batchnorm_backward_alt(db5, c5)
        dr2, g["W3"], g["b3"] = affine_backward(da4, c4)
        db2 = relu_backward(dr2, c2r)
        da1, g["gamma2"], g["beta2"] = batchnorm_backward_alt(db2, c2)
        _, g["W1"], g["b1"] = affine_backward(da1, c1)
        for k in ("W1", "W3", "W5"):
            g[k] += self.lam / n * p[k]
        return loss, g

    def step(self, X, Y):
        _, g = self.loss_and_grads(X, Y)
        for k, v in self.p.items():
            v -= self.lr * g[k]
