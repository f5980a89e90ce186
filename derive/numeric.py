"""The one numeric evaluator of a Derivation: its batch program run in NumPy (``ProgramEvaluator``), and the helpers
the program calls (elementwise functions compiled from the derivation, the one softmax, dropout masks, optimizer steps).

The derive checks, the proof's worked examples and verify's truth all run it, so each of them computes with the text the
generated module contains. Samples are rows of X and Y (``derive/program.py`` holds the row/column convention).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import sympy as sp

from . import names
from .optimizers import GRAD, HYPER, STEP, THETA
from .regularizers import LAMBDA, WEIGHT, N
from .symbols import YHAT, H, Y, Z


def np_sigmoid(u):
    u = np.asarray(u, dtype=float)
    e = np.exp(-np.abs(u))
    return np.where(u >= 0, 1 / (1 + e), e / (1 + e))


#: lambdify's namespace: our functions, then NumPy given as the module object -- given as the string "numpy", lambdify
#: runs ``from numpy import *``, which loads NumPy's lazily imported submodules (numpy.testing among them): ~0.1 s of every
#: run. The printer is the same NumPyPrinter either way (it writes ``numpy.tanh(x)``, hence the name ``numpy`` here).
_MODULES = [{"sigmoid": np_sigmoid, "erf": np.vectorize(__import__("math").erf, otypes=[float]), "numpy": np}, np]


def elementwise(expr: sp.Expr, args, values: dict | None = None):
    """Compile a scalar expression into a NumPy function of ``args`` (parameters substituted)."""
    expr = sp.sympify(expr).subs(values or {})
    f = sp.lambdify(list(args), expr, modules=_MODULES)

    def call(*arrays):
        with np.errstate(all="ignore"):  # np.where evaluates every piece: sqrt(x) where x < 0 is computed, then unused
            out = f(*arrays)
        return np.broadcast_to(np.asarray(out, dtype=float), np.broadcast(*arrays).shape).copy()

    return call


@dataclass(frozen=True)
class CompiledUpdate:
    """One optimizer assignment ``target <- expr`` with the hyper-parameters substituted, compiled once."""

    target: str
    kind: str  # "state" | "temp" | "param"
    symbols: tuple[sp.Symbol, ...]
    function: object


def compile_updates(updates, hyper: dict[str, float]) -> list[CompiledUpdate]:
    """Compile an optimizer's assignments (``Derivation.updates``, or a variant of them) with its hyper-parameters."""
    # The hyper-parameters are passed to the compiled function as float64 arguments, not substituted into the expression:
    # lambdify prints a Float with 15 significant digits, so a beta2 of 1 - 1e-16 (0.9999999999999999) became 1.0 in the
    # code and 1 - beta2^t divided by zero (issue 12, round sixteen).
    values = {sym: float(hyper[k]) for k, sym in HYPER.items() if k in hyper}
    out = []
    for u in updates:
        expr = sp.sympify(u.expr)
        constants = tuple(sorted((s for s in expr.free_symbols if s in values), key=str))
        symbols = tuple(sorted(expr.free_symbols - set(constants), key=str))
        f = sp.lambdify(symbols + constants, expr, modules=_MODULES)
        bound = tuple(values[s] for s in constants)
        out.append(CompiledUpdate(u.target, u.kind, symbols, lambda *args, f=f, bound=bound: f(*args, *bound)))
    return out


def run_updates(compiled: list[CompiledUpdate], params: dict, grads: dict, state: dict | None, t: int):
    """Apply the assignments in order to every parameter: (new params, {"S_W1": ..., "mhat_W1": ...}).

    ``state`` holds the states before the step as ``<state>_<key>`` (missing ones are zero); ``t`` is the step
    count of this step (1 on the first). The returned values include the temporaries (Adam's m̂, v̂).
    """
    states = [u.target for u in compiled if u.kind == "state"]
    new, after = {}, {}
    for key, value in params.items():
        env = {THETA: value, GRAD: grads[names.grad(key)], STEP: t}
        for s in states:
            prev = None if state is None else state.get(f"{s}_{key}")
            env[sp.Symbol(s, real=True)] = np.zeros_like(value, dtype=float) if prev is None else prev
        for u in compiled:
            val = np.broadcast_to(np.asarray(u.function(*[env[s] for s in u.symbols]), dtype=float), np.shape(value)).copy()
            if u.kind == "param":
                new[key] = val
            else:
                env[sp.Symbol(u.target, real=True)] = val
                after[f"{u.target}_{key}"] = val
    return new, after


def softmax(Z, axis: int = 1):
    """Softmax along ``axis`` (rows of a batch by default), shifted by the maximum."""
    e = np.exp(Z - Z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def draw_mask(masks, key: str, rng, like, p: float):
    """A dropout mask shaped ``like``: ``masks[key]`` when given (0/1 entries, 1 keeps a unit), else drawn from ``rng``."""
    shape = np.shape(like)
    if masks is not None and key in masks:
        mask = np.asarray(masks[key], dtype=float)
        if mask.shape != tuple(shape):
            raise ValueError(f"masks[{key!r}] has shape {mask.shape}, expected {tuple(shape)}")
        return mask
    rng = np.random.default_rng() if rng is None else rng
    return (rng.random(shape) >= p).astype(float)


class ProgramEvaluator:
    """Forward, loss, gradients and optimizer steps of a network: runs its batch program's source.

    The source is ``program.program_source`` -- the text the generated module contains; the helpers it calls are
    compiled here from the derivation (activations and their derived derivatives, the output error). ``program`` is
    the batch program to run: by default the derivation's, or for a dense stack (derive keeps none for it, its module
    is printed from the dense templates) the one ``build_program`` makes of it; verify passes the program of a copy
    of the network at capped widths (the helpers do not depend on the widths).
    """

    def __init__(self, derivation, program=None):
        from .program import build_program, program_source

        self.d = derivation
        net = derivation.network
        self.program = program = program or derivation.program or build_program(net)
        results = {r.layer.name: r for r in derivation.layers}
        namespace: dict = {"np": np, "_softmax": softmax, "_mask": draw_mask}
        for act in program.activations:
            r = results[act.layer.name]
            values = r.param_values
            namespace[f"_phi_{act.name}"] = elementwise(r.phi, [Z], values)
            if r.dphi_h is not None:
                f = elementwise(r.dphi_h, [H], values)
                namespace[f"_dphi_{act.name}"] = lambda z, h, f=f: f(h)
            else:
                f = elementwise(r.dphi, [Z], values)
                namespace[f"_dphi_{act.name}"] = lambda z, h, f=f: f(z)
        out = derivation.output
        self.dloss = dloss = elementwise(out.dloss, [YHAT, Y])
        if out.delta is not None:
            delta = elementwise(out.delta, [YHAT, Y, Z], derivation.layers[-1].param_values)
            namespace["_output_error"] = delta
        else:  # softmax with a general loss: delta_j = yhat_j (g_j - sum_i g_i yhat_i)

            def jacobian_product(yhat, Y_, Z_):
                gr = dloss(yhat, Y_)
                return yhat * (gr - (gr * yhat).sum(axis=1, keepdims=True))

            namespace["_output_error"] = jacobian_product
        exec(compile(program_source(program), f"<batch program of {net.name}>", "exec"), namespace)  # noqa: S102 -- our own printed program
        self._namespace = namespace
        self._lines: list | None = None  # trace(): each training-mode assignment compiled once
        self._n_forward = 0  # and how many of them are the forward pass's
        self._vector = {layer.name for layer in net.all_layers if layer.vector}  # softmax layers: no elementwise φ'
        self._forward, self._backward = namespace["_forward"], namespace["_backward"]
        self.loss_component = elementwise(net.loss.component, [YHAT, Y])
        lam = {LAMBDA: net.reg_lambda}
        self.penalty = self.reg_grad = None
        if derivation.reg_penalty is not None:
            self.penalty = elementwise(derivation.reg_penalty.subs(lam), [WEIGHT, N])
            self.reg_grad = elementwise(derivation.reg_grad.subs(lam), [WEIGHT, N])
        self.penalised = list(program.penalised_keys)
        self.updates = compile_updates(derivation.updates, net.hyper_dict)

    def init_running(self) -> dict:
        return {key: np.full(width, value) for key, width, value in self.program.running}

    def forward(self, params: dict, X, train: bool = True, rng=None, masks=None, running=None):
        """(yhat, cache) of the program; inference (``train=False``) needs ``running`` when there is batch norm."""
        if not train and running is None and self.program.running:
            running = self.init_running()
        return self._forward(params, np.asarray(X, dtype=float), train, rng, masks, running)

    def loss(self, params: dict, X, Y, rng=None, masks=None) -> float:
        yhat, _ = self.forward(params, X, True, rng, masks)
        n = len(X)
        data = float(self.loss_component(yhat, np.asarray(Y, dtype=float)).sum() / n)
        return data + self.regularization(params, n)

    def regularization(self, params: dict, n: int) -> float:
        if self.penalty is None:
            return 0.0
        return float(sum(self.penalty(params[k], np.full_like(params[k], n)).sum() for k in self.penalised))

    def gradients(self, params: dict, X, Y, rng=None, masks=None, running=None) -> dict:
        _, cache = self.forward(params, X, True, rng, masks, running)
        grads = {names.grad(k): g for k, g in self._backward(params, cache, np.asarray(Y, dtype=float)).items()}
        if self.reg_grad is not None:
            n = len(X)
            for k in self.penalised:
                grads[names.grad(k)] = grads[names.grad(k)] + self.reg_grad(params[k], np.full_like(params[k], n))
        return grads

    def backward(self, params: dict, X, Y, rng=None, masks=None) -> dict:
        """Every forward array of the cache and every gradient, by name (for verify and tests)."""
        if masks is None:  # one set of masks for the forward arrays and the gradients
            masks = {m.key: draw_mask(None, m.key, rng, np.empty((len(X), m.width)), m.p) for m in self.program.masks}
        yhat, cache = self.forward(params, X, True, rng, masks)
        return {**cache, "yhat": yhat, **self.gradients(params, X, Y, rng, masks)}

    def trace(self, params: dict, X, Y, masks: dict, over: dict | None = None, dphi=None, forward_only: bool = False) -> dict:
        """Every array of the training-mode program by its name in the program (the forward arrays, then the backward
        ones: ``D3``, ``dH_Z1``, ``dgamma2`` …, the data term's gradients without the regularizer), the assignments run
        one at a time in the program's order. ``over`` replaces an array as soon as it is assigned (or an input: a
        parameter, ``X``, ``Y``), and what follows is computed from it: verify's truth with a student's own values.
        ``masks`` gives every dropout mask (training mode draws none here).

        ``dphi(name, Z, H)`` -- a catalogued mistake, a wrong φ' -- may replace the derivative of layer ``name``'s
        elementwise activation where the backward pass uses it: in ``D = dH * φ'(Z)`` and, for the output layer, in
        the output error, which becomes ``dℓ/dŷ * φ'(Z) / N``; it returns None to keep the derived derivative.
        ``forward_only`` stops after the forward arrays (verify's derivative of an expression of forward quantities)."""
        if self._lines is None:
            self._lines = [self._traced(a) for a in self.program.forward if a.mode in ("both", "train")]
            self._n_forward = len(self._lines)
            self._lines += [self._traced(a) for a in self.program.backward]
        over = over or {}
        X = np.asarray(over.get("X", X), dtype=float)
        env = {**self._namespace, "rng": None, "masks": masks, "running": None, "train": True,
               **{k: np.asarray(over.get(k, v), dtype=float) for k, v in params.items()},
               "X": X, "Y": np.asarray(over.get("Y", Y), dtype=float), "n": X.shape[0]}
        out: dict = {}
        for target, code, layer, helper in self._lines[: self._n_forward] if forward_only else self._lines:
            wrong = None
            if target not in over and dphi is not None and layer is not None:
                wrong = dphi(layer, env[f"Z{layer}"], env.get(f"H{layer}", env[f"Z{layer}"]))
            if target in over:
                value = over[target]
            elif wrong is None:
                value = eval(code, env)  # noqa: S307 -- our own printed program
            else:  # the line with the helper that applies φ' replaced by one applying the wrong derivative
                value = eval(code, {**env, helper: self._applying(helper, wrong)})  # noqa: S307
            env[target] = out[target] = value
        return out

    def _applying(self, helper: str, dphi):
        """A stand-in for ``helper`` (``_dphi_<name>`` or ``_output_error``) that uses the values ``dphi`` as φ'."""
        if helper == "_output_error":
            return lambda yhat, Y_, Z_: self.dloss(yhat, Y_) * dphi
        return lambda Z_, H_: dphi

    def _traced(self, a) -> tuple:
        """(target, compiled code, the layer whose φ' the line uses or None, the helper that applies it) of a line."""
        code = compile(a.code, f"<{a.target} of {self.program.network.name}>", "eval")
        layer = a.target[1:] if a.equation in ("activation-backward", "output-error") else None
        if layer is None or layer in self._vector:
            return a.target, code, None, None
        helper = "_output_error" if a.equation == "output-error" else re.search(r"_dphi_\w+", a.code).group()
        return a.target, code, layer, helper

    def init_state(self, params: dict) -> dict:
        """The optimizer's states before the first step (every one 0) as ``<state>_<key>``, and the step count t = 0."""
        states = [u.target for u in self.updates if u.kind == "state"]
        return {"t": 0, **{f"{s}_{k}": np.zeros_like(v, dtype=float) for k, v in params.items() for s in states}}

    def step(self, params: dict, grads: dict, state: dict) -> dict:
        """One optimizer step; returns new params (inputs untouched) and updates ``state`` in place."""
        state["t"] += 1
        new, after = run_updates(self.updates, params, grads, state, state["t"])
        state.update({k: v for k, v in after.items() if k in state})  # the kept states, not the temporaries
        return new
