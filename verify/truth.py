"""Verify's truth: every quantity of the network, from its batch program, with a student's values substituted.

The one numeric semantics is the batch program (``derive.program.build_program``; a dense stack's is built here,
derive keeps none for it): ``ProgramEvaluator.trace`` runs its training-mode assignments -- the lines the proof
shows and the generated module runs -- one at a time, samples as rows. Any array may be *overridden*: given an
answer's own earlier values (its z, δ, W, x̂ …) everything after them is recomputed from them; that is how an error
carried forward is recognised, and how a Jacobian by central differences perturbs any forward array. A catalogued
mistake recomputes a quantity with a wrong φ' of a layer (``variant``) or an edited update rule (``optimizer_variant``).
Random points use a copy of the network at capped widths (CAP_UNITS), as hostile specs may ask for 10⁵ units.

Quantities of top-level layer l, keyed as answers files name them (``z2``, ``dW1``, ``xhat2``; ``layertruth.py``
names the layer kinds' own): ``z`` (before the activation), ``h``, ``dz`` = ∂J/∂z of the mean J and ``dh`` = ∂J/∂h,
``delta`` = N dz and ``dhs`` = N dh (each sample's), ``W b dW db`` with the regularizer's term (``dWL``/``dWR`` apart),
``yhat dyhat dyhats``, the input's gradient ``dx`` = ∂J/∂X (``dxs`` = N dx, each sample's), the losses (``lossc`` per
output, ``lossn`` per sample, ``lossL lossR loss loss_next``), the optimizer's states before (``S_W1_prev``) and after
the step (``S_W1``, Adam's ``mhat_W1``) and ``W1_next``.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Mapping

import numpy as np
import sympy as sp
from gradproof.derive.errors import AnswerError
from gradproof.derive.numeric import ProgramEvaluator, compile_updates, run_updates
from gradproof.derive.optimizers import GRAD, STATE, STATE_PATTERN, TEMP, THETA
from gradproof.derive.program import build_program

from .layertruth import FEATURE_KINDS, SAMPLE_KINDS, STAT_KINDS, layer_arrays, normalisation_partials

SAMPLES_DEFAULT = {True: "columns", False: "rows"}  # batch == 1 -> one sample is a column; a batch holds rows
VECTOR_KINDS = ("x", "y", "yhat", "z", "h", "delta", "dh", "dyhat", "dz", "dhs", "dyhats", "lossc", "lossn", "dx", "dxs")
BIAS_KINDS = ("b", "db", "dbL", "dbR", "b_next")
#: optimizer state kept between steps (S, v, m, G) and Adam's bias-corrected temporaries; a quantity kind is
#: "<state>_<W|b>" (key "S_W2", as ProgramEvaluator.init_state names it), "<state>_<W|b>_prev" is the value before the step
STATES = tuple(STATE)
TEMPS = tuple(TEMP)
#: a previous state that is not zero (the recurrence S <- beta S + ... is checked at a later step): its step count
LATER_STEP = 2


#: random points use layers of at most this many units (claims without [values] hold for any sizes)
CAP_UNITS = 32
#: the arrays of one evaluation may take at most this many bytes; beyond it verify refuses before allocating
MAX_EVAL_BYTES = 1 << 30
#: arrays one evaluation keeps per parameter entry or activation entry (z, h, delta, dW, states, the step …)
COPIES = 24


def check_memory(sizes, batch: int) -> None:
    """Refuse before allocating when one evaluation at these layer sizes and batch would exceed MAX_EVAL_BYTES."""
    entries = sum(a * b + b for a, b in zip(sizes, sizes[1:], strict=False)) + batch * sum(sizes)
    need = 8 * COPIES * entries
    if need > MAX_EVAL_BYTES:
        raise AnswerError(f"evaluating this network takes about {need / 2**30:.1f} GiB of arrays; the limit is "
                          f"{MAX_EVAL_BYTES / 2**30:.0f} GiB: give smaller [values] or a smaller network")


def check_finite(values: dict[str, np.ndarray], source: str = "answers file") -> None:
    """Refuse a worked example whose [values] overflow float64 somewhere (``x = [1e308, 1e308]`` makes z = inf - inf):
    every claim about such a quantity would be compared with inf or nan, so none of them can be judged."""
    k = not_finite(values)
    if k is not None:
        raise AnswerError(f"{source}: [values]: values overflow float64: with these values {k} is not finite (beyond about "
                          "1.8e308), so no claim can be checked; use smaller values")


def not_finite(values: dict) -> str | None:
    """The first quantity of ``values`` with an entry that is nan or ±inf; None when every numeric one is finite."""
    for k, v in values.items():
        try:
            a = np.asarray(v, dtype=float)
        except (TypeError, ValueError):  # not an array of numbers (nothing to overflow)
            continue
        if not np.all(np.isfinite(a)):
            return k
    return None


@functools.lru_cache(maxsize=4096)  # pure, and called for every value of every layout switch (batch grading)
def state_kind(kind: str) -> tuple[str, str, bool] | None:
    """'S_W' -> ('S', 'W', False); 'mhat_b' -> ('mhat', 'b', False); 'S_W_prev' -> ('S', 'W', True); else None."""
    m = re.fullmatch(rf"({STATE_PATTERN})_(W|b)(_prev)?", kind)
    return (m.group(1), m.group(2), bool(m.group(3))) if m else None


def key(kind: str, layer: int | None) -> str:
    """('dW', 2) -> 'dW2'; ('W_next', 1) -> 'W1_next'; ('yhat', None) -> 'yhat'."""
    if kind.endswith("_next"):
        return f"{kind[:-5]}{layer if layer is not None else ''}_next"
    if kind.endswith("_prev"):
        return f"{kind[:-5]}{layer if layer is not None else ''}_prev"
    return f"{kind}{layer if layer is not None else ''}"


class Truth:
    """Every quantity of one network for a batch (``batch == 1``: one sample, a column vector in course notation), from
    its batch program run by ``ProgramEvaluator.trace`` (see the module docstring)."""

    def __init__(self, derivation, batch: int = 1):
        self.d = derivation
        self.net = net = derivation.network
        if net.mixes_samples and batch < 2:
            raise AnswerError(f"{net.source}: the network has batch norm, whose statistics are over a batch: give the "
                              "answers file a batch of 2 or more samples (batch = 4, or [values] x with several rows)")
        self.ev = ProgramEvaluator(derivation)  # the spec's widths: [values] and everything at the sizes given
        self.program = self.ev.program  # a dense stack's is built here (derive keeps none for it)
        self._capped: ProgramEvaluator | None = None  # the program at capped widths, for random points (_random_evaluator)
        self.batch = batch
        self._steps: dict = {}
        self.params = {p.key: p for p in self.program.params}
        self.masks = {m.key: m for m in self.program.masks}
        self.layers = {layer.index: layer for layer in net.layers}  # top level (a residual block's body is its block's)
        self.arrays = layer_arrays(self.program, net)  # l -> {"z": "Z2", "h": "H2", "dz": "D2", "dh": "dH_H2", ...}
        self._arrays_of = self._answer_arrays()
        self.stat_role = {}  # mu/var of layer l: "feature" (batch norm) or "sample" (layer norm)
        for l, layer in self.layers.items():
            if layer.kind in ("batchnorm", "layernorm"):
                self.stat_role[l] = "feature" if layer.kind == "batchnorm" else "sample"
        #: how the answer lays out a sample: "columns" (z = W x + b; Ng's X is n × m) or "rows" (z = x W + b; a batch
        #: X is N × n, as in the program); the default follows DESIGN.md (one sample a column, a batch in rows)
        self.samples = SAMPLES_DEFAULT[batch == 1]
        #: the answer writes every weight matrix as the spec's transpose (its own convention is the other one: CS231n's
        #: x W + b under a row-convention spec); W, its gradient, step and optimizer states are then shown transposed
        self.transposed = False
        #: the answer keeps its biases as columns beside samples written as rows (biascolumn.py: x W + b^T)
        self.bias_column = False

    # -- the optimizer -------------------------------------------------------------------------------
    def state_names(self) -> list[str]:
        return [u.target for u in self.d.updates if u.kind == "state"]

    @functools.cached_property
    def recurrent_states(self) -> tuple[str, ...]:
        """The states that follow a recurrence of their own (their update reads their value before the step: momentum's
        v, Adam's m and v, RMSprop's S, AdaGrad's G, AdaMax's u, Adadelta's S and D), in update order."""
        return tuple(u.target for u in self.d.updates if u.kind == "state" and STATE[u.target] in u.expr.free_symbols)

    @functools.cached_property
    def corrections(self) -> dict[str, str]:
        """{temporary: state} for a temporary that is one state scaled by a factor of the step and the constants alone
        (Adam's m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ)): a bias correction."""
        states = {STATE[u.target] for u in self.d.updates if u.kind == "state"}
        out = {}
        for u in self.d.updates:
            if u.kind != "temp":
                continue
            inside = u.expr.free_symbols & (states | set(TEMP.values()) | {THETA, GRAD})
            if len(inside) == 1 and (only := next(iter(inside))) in states and only not in sp.diff(u.expr, only).free_symbols and (
                    u.expr.subs(only, 0) == 0):
                out[u.target] = str(only)
        return out

    @functools.cached_property
    def nonnegative_states(self) -> frozenset:
        """The states whose update has a square or an absolute value in it (S, G, Adam's v, AdaMax's u, Adadelta's D),
        and those that are the maximum of one of them and themselves (AMSGrad's vmax = max(vmax, v))."""
        states = [u for u in self.d.updates if u.kind == "state"]
        out = {u.target for u in states if any(isinstance(a, sp.Abs) or isinstance(a, sp.Pow) and a.exp == 2
                                               for a in sp.preorder_traversal(u.expr))}
        out |= {u.target for u in states if isinstance(u.expr, sp.Max) and any(STATE[s] in u.expr.args for s in out)}
        return frozenset(out)

    def later_state(self, params: dict, rng: np.random.Generator) -> dict:
        """A random state before step LATER_STEP + 1: a state its update keeps non-negative (a sum or average of
        squares, AdaMax's max of |g|: its formula has a square or an absolute value) is drawn from [0, 1], a moment or a
        velocity from [-1, 1]."""
        state = {"t": LATER_STEP}
        second = self.nonnegative_states
        for s in self.state_names():
            for k, v in self.trained(params).items():
                state[f"{s}_{k}"] = rng.uniform(0, 1, size=np.shape(v)) if s in second else rng.uniform(-1, 1, size=np.shape(v))
        return state

    def trained(self, params: dict) -> dict:
        """The parameters the optimizer updates (a random point keeps the dropout masks beside them)."""
        return {k: v for k, v in params.items() if k in self.params}

    def _compiled(self, variant):
        """The update assignments with the spec's hyper-parameters, compiled; ``variant`` edits them (a mistake)."""
        if variant not in self._steps:
            updates = self.d.updates if variant is None else variant(self.d.updates)
            self._steps[variant] = compile_updates(updates, self.net.hyper_dict)
        return self._steps[variant]

    def step(self, params: dict, grads: dict, state: dict | None = None, variant=None) -> tuple[dict, dict]:
        """One optimizer step (the evaluator's own ``run_updates``), also keeping Adam's temporaries:
        (new params, {"S_W1": ..., "mhat_W1": ...}). ``state`` None: every state zero, t = 0."""
        return run_updates(self._compiled(variant), self.trained(params), grads, state, (state or {}).get("t", 0) + 1)

    # -- inputs --------------------------------------------------------------------------------------
    def _cap(self, n: int) -> int:
        """A width at a random point: up to CAP_UNITS kept, larger ones CAP_UNITS + 1 … CAP_UNITS + 16 by rank."""
        if n <= CAP_UNITS:
            return n
        big = sorted({w for w in (self.net.inputs, *(layer.units for layer in self.net.all_layers)) if w > CAP_UNITS})
        return CAP_UNITS + 1 + big.index(n) % 16

    def sizes(self) -> tuple[int, ...]:
        """The layer sizes of the random points: the spec's, each capped at CAP_UNITS. A claim without [values] is a
        formula about any sizes (W^T delta, delta h^T), so a 100000-unit layer is checked on 32 units; every
        quantity keeps its role and shape pattern: sizes up to CAP_UNITS are kept, larger ones become CAP_UNITS + 1 …
        CAP_UNITS + 16 by rank, so equal sizes stay equal and different ones (almost always) different: a square W
        stays square and a wrong transpose still has the wrong shape."""
        return tuple(self._cap(n) for n in self.net.sizes)

    def _random_evaluator(self) -> ProgramEvaluator:
        """The program of a copy of the network with every width capped (``_cap``): the same assignments at smaller
        sizes (a layer norm's backward line names its width, so the copy has its own program). The spec's own when
        nothing is capped, or when capping would change the program's structure (a residual block's projection)."""
        if self._capped is None:
            widths = (self.net.inputs, *(layer.units for layer in self.net.all_layers))
            self._capped = self.ev
            if max(widths) > CAP_UNITS:
                program = build_program(_resized(self.net, self._cap))
                if program.param_keys == self.program.param_keys:
                    self._capped = ProgramEvaluator(self.d, program)
        return self._capped

    def random_point(self, rng: np.random.Generator):
        """Random parameters (γ near 1), a random batch and target, and a random dropout mask per layer (kept with the
        parameters: ``mask3``), at the capped sizes."""
        sizes = self.sizes()
        check_memory(sizes, self.batch)
        program = self._random_evaluator().program
        params = {}
        for p in program.params:
            params[p.key] = rng.uniform(0.5, 1.5, size=p.shape) if p.init == "ones" else rng.uniform(-1, 1, size=p.shape)
        for m in program.masks:
            params[m.key] = (rng.random((self.batch, m.width)) >= m.p).astype(float)
        X = rng.normal(size=(self.batch, sizes[0]))
        return params, X, self.random_targets(rng, sizes[-1])

    def random_targets(self, rng: np.random.Generator, k: int) -> np.ndarray:
        """Targets for a random batch: one-hot (cross-entropy), 0/1 (binary cross-entropy), else normal."""
        if self.net.loss.name == "cross_entropy":
            return np.eye(k)[rng.integers(0, k, size=self.batch)]
        if self.net.loss.name == "binary_cross_entropy":
            return rng.integers(0, 2, size=(self.batch, k)).astype(float)
        return rng.normal(size=(self.batch, k))

    def _evaluator(self, params: dict) -> ProgramEvaluator:
        """The program for these parameters' shapes: the capped copy's for a random point, else the spec's."""
        small = self._capped
        if small is not None and small is not self.ev and all(np.shape(params.get(p.key)) == p.shape for p in small.program.params):
            return small
        return self.ev

    # -- the pipeline --------------------------------------------------------------------------------
    def compute(self, params: dict, X, Y, over: dict | None = None, variant=None, state: dict | None = None,
                optimizer_variant=None, forward_only: bool = False) -> dict[str, np.ndarray]:
        """Every quantity (keys as in answers files, samples as rows); ``over`` fixes some of them (the answer's own
        values: what follows is recomputed from them), ``state`` is the optimizer state before the step (None: the
        first step, every state zero). Catalogued mistakes: ``variant(l, h, z)`` gives a wrong φ' of top-level layer l
        (or None: its derived one), ``optimizer_variant`` edits the update rule. ``forward_only``: the forward
        quantities alone (x, y, the parameters, z, h, ŷ and the layer kinds' forward arrays), the same numbers."""
        over = over or {}
        params = {k: np.asarray(over.get(k, v), dtype=float) for k, v in params.items()}
        masks = {k: params[k] for k in self.masks}
        X, Y = np.asarray(over.get("x", X), dtype=float), np.asarray(over.get("y", Y), dtype=float)
        n = len(X)
        trained = self.trained(params)
        ev = self._evaluator(trained)
        dphi = None if variant is None else (lambda name, z, h: variant(int(name), h, z) if name.isdigit() else None)
        t = ev.trace(trained, X, Y, masks, self._program_over(over, n), dphi, forward_only)
        L = self.net.depth
        out: dict[str, np.ndarray] = {"x": X, "y": Y, **params}
        for l, names_ in self.arrays.items():
            for kind in ("z", "h", "xhat", "mu", "var", "mask", "dz", "dh", "dgamma", "dbeta", "dW", "db", "dP"):
                if kind in names_ and names_[kind] in t:
                    out[f"{kind}{l}"] = t[names_[kind]]
            if self.layers[l].kind == "residual":
                out[f"F{l}"] = t[names_["body"]]
            if self.layers[l].kind in ("batchnorm", "layernorm") and not forward_only:
                normalisation_partials(out, l, self.layers[l], names_, t)
        yhat = out["yhat"] = out[f"h{L}"]
        if forward_only:
            return _kept(out)
        out["dyhat"] = out[f"dh{L}"] = over.get("dyhat", ev.dloss(yhat, Y) / n)
        out["lossc"] = over.get("lossc", ev.loss_component(yhat, Y))  # each output's term of ℓ (Mazur's E_{o1})
        out["lossn"] = out["lossc"].sum(axis=1, keepdims=True)  # each example's data loss ℓ⁽ⁿ⁾ (Nielsen's C_x, L_i)
        out["lossL"] = float(out["lossc"].sum() / n)
        out["lossR"] = ev.regularization(trained, n)
        out["loss"] = out["lossL"] + out["lossR"]
        grads = {}
        for k in trained:  # the data term's gradient (the program's), the regularizer's term apart
            data = t[f"d{k}"]
            reg = np.zeros_like(data)
            if ev.reg_grad is not None and k in ev.penalised:
                reg = ev.reg_grad(trained[k], np.full_like(trained[k], n))
            m = _TOP.fullmatch(k)
            if m and m.group(1) in ("W", "b"):
                # (the answer's own gradient of the data term, ∂L/∂W stated, is what its step goes on with)
                data = np.asarray(over.get(f"d{m.group(1)}L{m.group(2)}", data), dtype=float)
                out[f"d{m.group(1)}L{m.group(2)}"], out[f"d{m.group(1)}R{m.group(2)}"] = data, reg
            grads[f"d{k}"] = over.get(f"d{k}", data + reg)
            if m:
                out[f"d{k}"] = grads[f"d{k}"]
        new = self.optimizer_step(out, trained, grads, state, over, optimizer_variant)
        out["loss_next"] = ev.loss(new, X, Y, masks=masks)
        # both scalings of the backward quantities: ∂J/∂Z of the mean J (dz, dh) and each sample's (delta, dhs)
        for l in self.arrays:
            if f"dz{l}" in out:
                out[f"delta{l}"] = out[f"dz{l}"] * n
            if f"dh{l}" in out:
                out[f"dhs{l}"] = out[f"dh{l}"] * n
        out["dyhats"] = out["dyhat"] * n
        dx = self._input_gradient(out, trained)
        if dx is not None:
            out["dx"], out["dxs"] = dx, dx * n
        return _kept(out)

    def _input_gradient(self, out: dict, params: dict) -> np.ndarray | None:
        """∂J/∂X of the mean J (a row per sample): the program stops at the first layer's parameters, so the input's
        gradient is that layer's own backward line applied once more, Δ¹ W¹ (the dense layer's dH = Δ W of the row
        convention, Δ Wᵀ of the column one). None when the first layer is not dense (its dx is not derived)."""
        first = min(self.layers)
        layer = self.layers[first]
        if layer.kind == "dropout" and f"dh{first}" in out and f"mask{first}" in out:
            # inverted dropout on the input: ∂J/∂X = mask ⊙ ∂J/∂H¹ / (1 − p), the dropout's own backward line
            return np.asarray(out[f"mask{first}"]) * np.asarray(out[f"dh{first}"]) / (1 - layer.settings_dict["p"])
        if layer.kind != "dense" or f"dz{first}" not in out or f"W{first}" not in params:
            return None
        d, w = out[f"dz{first}"], params[f"W{first}"]
        return d @ w if self.net.convention == "row" else d @ w.T

    def _answer_arrays(self) -> dict[str, tuple[str, bool]]:
        """Quantity key -> (the program array it names, whether it is N times the array: a per-sample δ, not ∂J/∂Z of
        the mean J). In precedence order: a later key naming the same array wins (δ over dz, yhat over h)."""
        keys: dict[str, tuple[str, bool]] = {}
        for l, names_ in self.arrays.items():
            for kind in ("z", "h", "xhat", "mu", "var", "mask"):
                if kind in names_:
                    keys[f"{kind}{l}"] = (names_[kind], False)
            if l == self.net.depth:
                keys["yhat"] = (names_["h"], False)
            for kind, per_sample in (("dz", False), ("delta", True), ("dh", False), ("dhs", True)):
                target = names_.get("dz" if kind in ("dz", "delta") else "dh")
                if target is not None:
                    keys[f"{kind}{l}"] = (target, per_sample)
        return keys

    def _program_over(self, over: dict, n: int) -> dict:
        """The answer's values (quantity keys) as the program's arrays (Z2, Xhat2, D3, dH_H2 …)."""
        arr = {}
        for k, (target, per_sample) in self._arrays_of.items():
            if k in over:
                arr[target] = np.asarray(over[k], dtype=float) / n if per_sample else over[k]
        return arr

    def aliases(self, k: str) -> set[str]:
        """The quantity keys naming the same program array as ``k`` (``delta2`` and ``dz2``; ``z1`` and ``h1`` of an
        identity layer), ``k`` included: a recomputation of ``k`` from everything else must override none of them."""
        if k not in self._arrays_of:
            return {k}
        return {kk for kk, (target, _) in self._arrays_of.items() if target == self._arrays_of[k][0]} | {k}

    def optimizer_step(self, out: dict, params: dict, grads: dict, state, over: dict, optimizer_variant) -> dict:
        """One step from ``params``: the states before it (``S_W1_prev``), after it and the new parameters (``W1_next``)
        into ``out``; returns the new parameters."""
        for s in self.state_names():
            for k, v in params.items():
                prev = None if state is None else state.get(f"{s}_{k}")
                out[f"{s}_{k}_prev"] = np.zeros_like(v) if prev is None else np.asarray(prev, dtype=float)
        if self.net.optimizer.name == "adam":  # Ruder's \hat m_{t-1}: the corrected moments of the step before
            t, hyper = (state or {}).get("t", 0) + 1, self.net.hyper_dict
            for s, beta in (("m", hyper["beta1"]), ("v", hyper["beta2"])):
                for k in self.trained(params):
                    prev = out[f"{s}_{k}_prev"]
                    out[f"{s}hat_{k}_prev"] = prev / (1 - beta ** (t - 1)) if t > 1 else np.zeros_like(prev)
        new, after = self.step(params, grads, state, optimizer_variant)
        for k, v in new.items():
            out[f"{k}_next"] = v
        for k, v in after.items():
            out[k] = np.asarray(over.get(k, v), dtype=float)
        return new

    # -- course layout -------------------------------------------------------------------------------
    def role(self, kind: str, layer: int | None) -> str:
        """How a quantity is laid out: "sample" (a row per sample), "feature" (a vector per unit, as a bias), "other"."""
        base = kind.rstrip("LR") if kind in ("dWL", "dWR", "dbL", "dbR") else kind
        if state_kind(kind):
            base = state_kind(kind)[1]
        if kind in STAT_KINDS:
            return "sample" if self.stat_role.get(layer) == "sample" else "feature"
        if base in VECTOR_KINDS or base in SAMPLE_KINDS:
            return "sample"
        if base in BIAS_KINDS or base in FEATURE_KINDS or base in ("gamma_next", "beta_next"):
            return "feature"
        return "other"

    def to_course(self, values: dict[str, np.ndarray]) -> dict[tuple, np.ndarray]:
        """Row-layout values -> {(kind, layer): array} as a course writes them (column vectors for one sample)."""
        return {q: self.course(*q, np.asarray(values[k], dtype=float)) for q, k in course_keys(values).items()}

    def course_view(self, values: dict[str, np.ndarray]) -> CourseValues:
        """``to_course(values)`` converted one quantity at a time, on first use."""
        return CourseValues(self, values)

    def course(self, kind: str, layer: int | None, v: np.ndarray) -> np.ndarray:
        role = self.role(kind, layer)
        if v.ndim == 0 or role == "other":
            return v.T if self.transposed and v.ndim == 2 and weight_kind(kind) else v
        if role == "sample":
            return v.T if self.samples == "columns" else v
        column = self.samples == "columns" or self.bias_column and (
            kind in BIAS_KINDS or (state_kind(kind) or ("", ""))[1] == "b")  # (b's optimizer states as b)
        return v.reshape(-1, 1) if column else v.reshape(1, -1)

    def course_value(self, kind: str, v: np.ndarray) -> np.ndarray:
        return self.course(kind, None, v)

    def from_course(self, kind: str, v: np.ndarray, shape=None) -> np.ndarray:
        """Inverse of ``course_value`` (a student's value -> the row layout); raises ValueError on a bad shape."""
        v = np.asarray(v, dtype=float)
        role = self.role(kind, None)
        if kind in STAT_KINDS and set(self.stat_role.values()) == {"sample"}:
            role = "sample"
        if role == "feature":
            return v.reshape(-1)
        if role == "sample" and self.batch == 1:
            return v.reshape(1, -1)
        if role == "sample" and self.samples == "columns":
            return v.T
        return v.T if self.transposed and v.ndim == 2 and weight_kind(kind) else v


@functools.lru_cache(maxsize=256)
def weight_kind(kind: str) -> bool:
    """Whether ``kind`` is laid out as a weight matrix: W, its gradients (with the data and regularizer terms apart),
    its value after the step, and its optimizer states ('S_W', 'mhat_W', 'v_W_prev')."""
    if kind in ("W", "dW", "dWL", "dWR", "W_next"):
        return True
    state = state_kind(kind)
    return state is not None and state[1] == "W"


def _resized(net, width):
    """A copy of ``net`` with every width ``n`` replaced by ``width(n)`` (a residual block's body too)."""

    def layers(ls):
        return tuple(dataclasses.replace(layer, units=width(layer.units), n_in=width(layer.n_in), body=layers(layer.body))
                     for layer in ls)

    return dataclasses.replace(net, inputs=width(net.inputs), layers=layers(net.layers))


#: a top-level parameter key (W2, gamma3), and an optimizer state of a dense parameter (S_W2, mhat_b1)
_TOP = re.compile(r"(?<![A-Za-z])([A-Za-z]+?)(\d+)$")  # (fullmatch; no start inside a name)
_STATE_KEY = re.compile(r"[A-Za-z]+_[Wb]\d+")

_KEY = re.compile(r"(x|y|yhat|dyhat|lossn|loss|lossL|lossR|loss_next|z|h|W|b|delta|dW|db|dh|dWL|dWR|dbL|dbR|dz|dhs|dyhats|lossc|dx|dxs"
                  r"|gamma|beta|dgamma|dbeta|xhat|dxhat|mu|dmu|var|dvar|mask|F|P|dP)"  # layer kinds: verify/layertruth.py
                  r"(\d*)(_next)?")


def _kept(out: dict) -> dict:
    """A computation's quantities without the program's temporaries (names with "_" but the steps' and states')."""
    return {k: v for k, v in out.items() if "_" not in k or k.endswith(("_next", "_prev")) or _STATE_KEY.fullmatch(k)}


def course_keys(values) -> dict[tuple, str]:
    """(kind, layer) -> the key of ``values`` it is read from (as ``Truth.to_course``: a later key wins)."""
    keys = {}
    for k in values:
        kind, layer = split_key(k)
        if kind is not None:
            keys[(kind, layer)] = k
    return keys


class CourseValues(Mapping):
    """``Truth.to_course`` of row-layout ``values`` as a mapping that converts a quantity when it is first read: a
    deep network has thousands of quantities, and a varied forward pass is read for the few an expression names."""

    def __init__(self, truth: Truth, values: dict) -> None:
        self._truth, self._values, self._keys, self._memo = truth, values, course_keys(values), {}

    def __getitem__(self, q: tuple) -> np.ndarray:
        if q not in self._memo:
            self._memo[q] = self._truth.course(*q, np.asarray(self._values[self._keys[q]], dtype=float))
        return self._memo[q]

    def __contains__(self, q) -> bool:
        return q in self._keys

    def __iter__(self):
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def nbytes(self) -> int:
        """What ``to_course`` of every quantity would take (float64), without converting any."""
        return sum(8 * int(np.size(self._values[k])) for k in self._keys.values())


#: pure, and called for every value of every layout switch (batch grading); large enough for the ~8000 keys of a
#: network of 500 layers (4096 made each to_course of one miss every key)
@functools.lru_cache(maxsize=1 << 15)
def split_key(k: str) -> tuple[str | None, int | None]:
    """'dW2' -> ('dW', 2); 'W1_next' -> ('W_next', 1); 'dWL2' -> ('dWL', 2); 'lossL' -> ('lossL', None);
    'S_W2' -> ('S_W', 2); 'mhat_b1' -> ('mhat_b', 1); 'S_W2_prev' -> ('S_W_prev', 2)."""
    s = re.fullmatch(rf"({STATE_PATTERN})_(W|b)(\d+)(_prev)?", k)
    if s:
        return f"{s.group(1)}_{s.group(2)}{s.group(4) or ''}", int(s.group(3))
    m = _KEY.fullmatch(k)
    if not m:
        return None, None
    kind, layer = m.group(1), int(m.group(2)) if m.group(2) else None
    return (kind + "_next" if m.group(3) else kind), layer
