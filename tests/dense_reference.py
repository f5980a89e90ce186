"""An independent oracle for dense stacks: the matrix formulas of backpropagation typed by hand in NumPy.

The library computes with one evaluator, ``derive.numeric.ProgramEvaluator`` (the batch program, the text the generated
module contains). This reference is written apart from the program -- per-sample deltas, the convention's matrix products
spelled out -- so tests can compare the program with it: forward arrays, deltas, gradients (with the regularizer) and
the loss. It uses the derivation's elementwise results (phi, phi', the output error) compiled by
``numeric.elementwise``; the matrix structure is its own. The optimizer step is the library's (``compile_updates`` of
the derivation's update rules), for tests that compare a step taken from its gradients.

Samples are rows of X and Y. Row convention: Z = H W^T + b; column convention: Z = H W + W_0.
"""

from __future__ import annotations

import numpy as np
from gradproof.derive import names
from gradproof.derive.numeric import ProgramEvaluator, compile_updates, elementwise
from gradproof.derive.regularizers import LAMBDA, WEIGHT, N
from gradproof.derive.symbols import YHAT, H, Y, Z


def softmax(Z):
    """Row-wise softmax, typed here (not the library's)."""
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class DenseReference:
    """Forward, loss, gradients and one optimizer step of a dense stack's Derivation, in plain NumPy (float64)."""

    def __init__(self, derivation):
        self.d = derivation
        net = derivation.network
        self.row = net.convention == "row"
        self.phi, self.dphi = [], []
        for layer in derivation.layers:
            values = layer.param_values
            self.phi.append(None if layer.phi is None else elementwise(layer.phi, [Z], values))
            if layer.dphi_h is not None:
                self.dphi.append(("h", elementwise(layer.dphi_h, [H], values)))
            elif layer.dphi is not None:
                self.dphi.append(("z", elementwise(layer.dphi, [Z], values)))
            else:
                self.dphi.append(None)
        out = derivation.output
        last = derivation.layers[-1].param_values
        self.loss_component = elementwise(net.loss.component, [YHAT, Y])
        self.dloss = elementwise(out.dloss, [YHAT, Y])
        self.delta_out = None if out.delta is None else elementwise(out.delta, [YHAT, Y, Z], last)
        lam = {LAMBDA: net.reg_lambda}
        # the regularizer of one weight and its derivative, compiled once: (w, N) -> value
        self.penalty = self.reg_grad = None
        if derivation.reg_penalty is not None:
            self.penalty = elementwise(derivation.reg_penalty.subs(lam), [WEIGHT, N])
            self.reg_grad = elementwise(derivation.reg_grad.subs(lam), [WEIGHT, N])
        self.updates = compile_updates(derivation.updates, net.hyper_dict)

    # -- forward -------------------------------------------------------------------------------------
    def forward(self, params: dict, X: np.ndarray):
        Hs, Zs = [np.asarray(X, dtype=float)], []
        for l, layer in enumerate(self.d.layers, start=1):
            W, b = params[names.weight(l)], params[names.bias(l)]
            z = Hs[-1] @ (W.T if self.row else W) + b
            Zs.append(z)
            if layer.phi is None:
                Hs.append(softmax(z))
            else:
                Hs.append(self.phi[l - 1](z))
        return Hs, Zs

    def loss(self, params: dict, X, Y) -> float:
        Hs, _ = self.forward(params, X)
        n = len(X)
        data = float(self.loss_component(Hs[-1], np.asarray(Y, dtype=float)).sum() / n)
        return data + self.regularization(params, n)

    def regularization(self, params: dict, n: int) -> float:
        if self.penalty is None:
            return 0.0
        return float(sum(self.penalty(params[k], np.full_like(params[k], n)).sum() for k in self._penalised()))

    def _penalised(self) -> list[str]:
        net = self.d.network
        return [k for k in names.param_keys(net.depth) if k.startswith("W") or net.penalize_bias]

    # -- backward ------------------------------------------------------------------------------------
    def backward(self, params: dict, X, Y) -> dict:
        """All per-sample deltas (rows), dh, and the batch gradients dW, db (with the regularizer's term)."""
        Hs, Zs = self.forward(params, X)
        Y = np.asarray(Y, dtype=float)
        n, L = len(X), self.d.network.depth
        yhat = Hs[-1]
        out: dict[str, np.ndarray] = {"yhat": yhat, "dyhat": self.dloss(yhat, Y) / n}
        if self.delta_out is not None:
            delta = self.delta_out(yhat, Y, Zs[-1])
        else:  # softmax with a general loss: delta_j = yhat_j (g_j - sum_i g_i yhat_i)
            g = self.dloss(yhat, Y)
            delta = yhat * (g - (g * yhat).sum(axis=1, keepdims=True))
        reg = self.reg_grad
        penalised = set(self._penalised())
        for l in range(L, 0, -1):
            out[f"z{l}"], out[f"h{l}"], out[f"delta{l}"] = Zs[l - 1], Hs[l], delta
            W = params[names.weight(l)]
            h_prev = Hs[l - 1]
            dW = (delta.T @ h_prev if self.row else h_prev.T @ delta) / n
            db = delta.sum(axis=0) / n
            for key, g in ((names.weight(l), dW), (names.bias(l), db)):
                if reg is not None and key in penalised:
                    g = g + reg(params[key], np.full_like(params[key], n))
                out[names.grad(key)] = g
            dh_prev = delta @ W if self.row else delta @ W.T  # dl/dh^{(l-1)} per sample
            if l > 1:
                out[f"dh{l - 1}"] = dh_prev / n
                kind, f = self.dphi[l - 2]
                delta = dh_prev * f(Hs[l - 1] if kind == "h" else Zs[l - 2])
        out[f"dh{L}"] = out["dyhat"]
        return out

    def gradients(self, params: dict, X, Y) -> dict:
        g = self.backward(params, X, Y)
        return {names.grad(k): g[names.grad(k)] for k in names.param_keys(self.d.network.depth)}

    # -- optimizer: the library's stepper (compile_updates/run_updates of the derivation's update rules) ------------
    init_state = ProgramEvaluator.init_state
    step = ProgramEvaluator.step
