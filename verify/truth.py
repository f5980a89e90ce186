"""The derived truth of every quantity, from ``derive.numeric.Evaluator``, with a student's values substituted.

``Truth.compute`` runs forward, loss, backward and one optimizer step in the Evaluator's row layout (samples
are rows), mirroring ``Evaluator.backward`` (a test checks they agree), but any quantity may be *overridden*:
given an answer's own earlier values (its z, δ, W …) everything downstream is recomputed from them. That is
how an error carried forward is recognised. A ``variant`` replaces φ' of some layers (a catalogued mistake).
"""

from __future__ import annotations

import functools
import re

import numpy as np
from gradproof.derive import names
from gradproof.derive.errors import AnswerError
from gradproof.derive.numeric import Evaluator, compile_updates, run_updates

SAMPLES_DEFAULT = {True: "columns", False: "rows"}  # batch == 1 -> one sample is a column; a batch holds rows
VECTOR_KINDS = ("x", "y", "yhat", "z", "h", "delta", "dh", "dyhat", "dz", "dhs", "dyhats", "lossc", "lossn")
BIAS_KINDS = ("b", "db", "dbL", "dbR", "b_next")
#: optimizer state kept between steps (S, v, m, G) and Adam's bias-corrected temporaries; a quantity kind is
#: "<state>_<W|b>" (key "S_W2", as Evaluator.init_state names it), "<state>_<W|b>_prev" is the value before the step
STATES = ("S", "v", "m", "G")
TEMPS = ("mhat", "vhat")
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
    for k, v in values.items():
        a = np.asarray(v, dtype=float)
        if not np.all(np.isfinite(a)):
            raise AnswerError(f"{source}: [values]: values overflow float64: with these values {k} is not finite (beyond about "
                              "1.8e308), so no claim can be checked; use smaller values")


@functools.lru_cache(maxsize=4096)  # pure, and called for every value of every layout switch (batch grading)
def state_kind(kind: str) -> tuple[str, str, bool] | None:
    """'S_W' -> ('S', 'W', False); 'mhat_b' -> ('mhat', 'b', False); 'S_W_prev' -> ('S', 'W', True); else None."""
    m = re.fullmatch(r"(S|v|m|G|mhat|vhat)_(W|b)(_prev)?", kind)
    return (m.group(1), m.group(2), bool(m.group(3))) if m else None


def key(kind: str, layer: int | None) -> str:
    """('dW', 2) -> 'dW2'; ('W_next', 1) -> 'W1_next'; ('yhat', None) -> 'yhat'."""
    if kind.endswith("_next"):
        return f"{kind[:-5]}{layer if layer is not None else ''}_next"
    if kind.endswith("_prev"):
        return f"{kind[:-5]}{layer if layer is not None else ''}_prev"
    return f"{kind}{layer if layer is not None else ''}"


def truth_for(derivation, batch: int = 1):
    """The truth of a derivation: ``Truth`` for a dense stack, ``layertruth.LayeredTruth`` (its batch program) for a
    network with layer kinds."""
    if derivation.program is not None:
        from .layertruth import LayeredTruth

        return LayeredTruth(derivation, batch)
    return Truth(derivation, batch)


class Truth:
    """Quantities of one network for a batch; ``batch == 1`` means column vectors in course notation."""

    def __init__(self, derivation, batch: int = 1):
        self.d = derivation
        self.net = derivation.network
        if derivation.program is not None:  # a network with layer kinds: its truth is the batch program's
            raise TypeError("Truth is for dense stacks; use truth_for(derivation), which gives LayeredTruth here")
        self.ev = Evaluator(derivation)
        self.batch = batch
        self.row = self.net.convention == "row"
        self.reg = self.ev.reg_grad
        self._steps: dict = {}
        #: how the answer lays out a sample: "columns" (z = W x + b; Ng's X is n × m) or "rows" (z = x W + b; a batch
        #: X is N × n, as in the Evaluator); the default follows DESIGN.md (one sample a column, a batch in rows)
        self.samples = SAMPLES_DEFAULT[batch == 1]

    # -- the optimizer -------------------------------------------------------------------------------
    def state_names(self) -> list[str]:
        return [u.target for u in self.d.updates if u.kind == "state"]

    def later_state(self, params: dict, rng: np.random.Generator) -> dict:
        """A random state before step LATER_STEP + 1: squared-gradient sums are non-negative, moments any sign."""
        state = {"t": LATER_STEP}
        second = {"S", "G"} | ({"v"} if self.net.optimizer.name == "adam" else set())
        for s in self.state_names():
            for k, v in self.trained(params).items():
                state[f"{s}_{k}"] = rng.uniform(0, 1, size=np.shape(v)) if s in second else rng.uniform(-1, 1, size=np.shape(v))
        return state

    def trained(self, params: dict) -> dict:
        """The parameters the optimizer updates (a network with layer kinds also keeps its dropout masks beside them)."""
        return params

    def _compiled(self, variant):
        """The update assignments with the spec's hyper-parameters, compiled; ``variant`` edits them (a mistake)."""
        if variant not in self._steps:
            updates = self.d.updates if variant is None else variant(self.d.updates)
            self._steps[variant] = compile_updates(updates, self.net.hyper_dict)
        return self._steps[variant]

    def step(self, params: dict, grads: dict, state: dict | None = None, variant=None) -> tuple[dict, dict]:
        """One optimizer step (Evaluator.step's own ``run_updates``), also keeping Adam's temporaries:
        (new params, {"S_W1": ..., "mhat_W1": ...}). ``state`` None: every state zero, t = 0."""
        return run_updates(self._compiled(variant), self.trained(params), grads, state, (state or {}).get("t", 0) + 1)

    # -- inputs --------------------------------------------------------------------------------------
    def sizes(self) -> tuple[int, ...]:
        """The layer sizes of the random points: the spec's, each capped at CAP_UNITS. A claim without [values] is a
        formula about any sizes (W^T delta, delta h^T), so a 100000-unit layer is checked on 32 units; every
        quantity keeps its role and shape pattern: sizes up to CAP_UNITS are kept, larger ones become CAP_UNITS + 1 …
        CAP_UNITS + 16 by rank, so equal sizes stay equal and different ones (almost always) different: a square W
        stays square and a wrong transpose still has the wrong shape."""
        big = sorted({n for n in self.net.sizes if n > CAP_UNITS})
        return tuple(n if n <= CAP_UNITS else CAP_UNITS + 1 + big.index(n) % 16 for n in self.net.sizes)

    def shapes(self) -> dict[str, tuple]:
        out, sizes = {}, self.sizes()
        for layer in self.net.layers:
            l = layer.index
            n_out, n_in = sizes[l], sizes[l - 1]
            out[names.weight(l)] = (n_out, n_in) if self.row else (n_in, n_out)
            out[names.bias(l)] = (n_out,)
        return out

    def random_point(self, rng: np.random.Generator):
        sizes = self.sizes()
        check_memory(sizes, self.batch)
        params = {k: rng.uniform(-1, 1, size=s) for k, s in self.shapes().items()}
        X = rng.normal(size=(self.batch, sizes[0]))
        return params, X, self.random_targets(rng, sizes[-1])

    def random_targets(self, rng: np.random.Generator, k: int) -> np.ndarray:
        """Targets for a random batch: one-hot (cross-entropy), 0/1 (binary cross-entropy), else normal."""
        if self.net.loss.name == "cross_entropy":
            return np.eye(k)[rng.integers(0, k, size=self.batch)]
        if self.net.loss.name == "binary_cross_entropy":
            return rng.integers(0, 2, size=(self.batch, k)).astype(float)
        return rng.normal(size=(self.batch, k))

    # -- the pipeline --------------------------------------------------------------------------------
    def compute(self, params: dict, X, Y, over: dict | None = None, variant=None, state: dict | None = None,
                optimizer_variant=None) -> dict[str, np.ndarray]:
        """Every quantity (keys as in answers files, row layout); ``over`` fixes some of them. ``state`` is the
        optimizer state before the step (None: the first step, every state zero); ``optimizer_variant`` edits
        the update rule (a catalogued mistake)."""
        over = over or {}
        ev, net, L = self.ev, self.net, self.net.depth
        params = {k: np.asarray(over.get(k, v), dtype=float) for k, v in params.items()}
        X, Y = np.asarray(over.get("x", X), dtype=float), np.asarray(over.get("y", Y), dtype=float)
        n = len(X)
        out: dict[str, np.ndarray] = {"x": X, "y": Y, **params}
        Hs, Zs = [X], []
        for layer in net.layers:
            l = layer.index
            W, b = params[names.weight(l)], params[names.bias(l)]
            z = over.get(f"z{l}", Hs[-1] @ (W.T if self.row else W) + b)
            if ev.phi[l - 1] is None:
                e = np.exp(z - z.max(axis=1, keepdims=True))
                h = e / e.sum(axis=1, keepdims=True)
            else:
                h = ev.phi[l - 1](z)
            h = over.get(f"h{l}", h)
            if l == L:
                h = over.get("yhat", h)
            Zs.append(z)
            Hs.append(h)
            out[f"z{l}"], out[f"h{l}"] = z, h
        yhat = out["yhat"] = Hs[-1]
        out["lossc"] = over.get("lossc", ev.loss_component(yhat, Y))  # each output's term of ℓ (Mazur's E_{o1})
        out["lossn"] = out["lossc"].sum(axis=1, keepdims=True)  # each example's data loss ℓ⁽ⁿ⁾ (Nielsen's C_x, L_i)
        out["lossL"] = float(out["lossc"].sum() / n)
        out["lossR"] = ev.regularization(params, n)
        out["loss"] = out["lossL"] + out["lossR"]
        g = ev.dloss(yhat, Y)
        out["dyhat"] = out[f"dh{L}"] = over.get("dyhat", g / n)
        if variant is not None and variant(L, yhat, Zs[-1]) is not None and ev.phi[L - 1] is not None:
            delta = g * variant(L, yhat, Zs[-1])
        elif ev.delta_out is not None:
            delta = ev.delta_out(yhat, Y, Zs[-1])
        else:  # softmax with a general loss: the Jacobian product yhat (g - <g, yhat>)
            delta = yhat * (g - (g * yhat).sum(axis=1, keepdims=True))
        penalised = set(ev._penalised())
        for l in range(L, 0, -1):
            delta = out[f"delta{l}"] = over.get(f"delta{l}", delta)
            W, h_prev = params[names.weight(l)], Hs[l - 1]
            grads = {"W": (delta.T @ h_prev if self.row else h_prev.T @ delta) / n, "b": delta.sum(axis=0) / n}
            for kind, data in grads.items():
                pkey = f"{kind}{l}"
                reg = np.zeros_like(data)
                if self.reg is not None and pkey in penalised:
                    reg = self.reg(params[pkey], np.full_like(params[pkey], n))
                out[f"d{kind}L{l}"], out[f"d{kind}R{l}"] = data, reg
                out[f"d{pkey}"] = over.get(f"d{pkey}", data + reg)
            if l > 1:
                dh = out[f"dh{l - 1}"] = over.get(f"dh{l - 1}", (delta @ W if self.row else delta @ W.T) / n)
                dphi = variant(l - 1, Hs[l - 1], Zs[l - 2]) if variant is not None else None
                if dphi is None:
                    kind, f = ev.dphi[l - 2]
                    dphi = f(Hs[l - 1] if kind == "h" else Zs[l - 2])
                delta = dh * n * dphi
        grads = {names.grad(k): out[names.grad(k)] for k in params}
        new = self.optimizer_step(out, params, grads, state, over, optimizer_variant)
        out["loss_next"] = ev.loss(new, X, Y)
        # both scalings of the batch's backward quantities: ∂J/∂Z of the mean J (dz) and each sample's ∂ℓ/∂h (dhs)
        for l in range(1, L + 1):
            out[f"dz{l}"] = out[f"delta{l}"] / n
            out[f"dhs{l}"] = out[f"dh{l}"] * n
        out["dyhats"] = out["dyhat"] * n
        return out

    def optimizer_step(self, out: dict, params: dict, grads: dict, state, over: dict, optimizer_variant) -> dict:
        """One step from ``params``: the states before it (``S_W1_prev``), after it and the new parameters (``W1_next``)
        into ``out``; returns the new parameters."""
        for s in self.state_names():
            for k, v in params.items():
                prev = None if state is None else state.get(f"{s}_{k}")
                out[f"{s}_{k}_prev"] = np.zeros_like(v) if prev is None else np.asarray(prev, dtype=float)
        new, after = self.step(params, grads, state, optimizer_variant)
        for k, v in new.items():
            out[f"{k}_next"] = v
        for k, v in after.items():
            out[k] = np.asarray(over.get(k, v), dtype=float)
        return new

    # -- course layout -------------------------------------------------------------------------------
    def to_course(self, values: dict[str, np.ndarray]) -> dict[tuple, np.ndarray]:
        """Row-layout values -> {(kind, layer): array} as a course writes them (column vectors for one sample)."""

        env = {}
        for k, v in values.items():
            kind, layer = split_key(k)
            if kind is None:
                continue
            env[(kind, layer)] = self.course_value(kind, np.asarray(v, dtype=float))
        return env

    def course_value(self, kind: str, v: np.ndarray) -> np.ndarray:
        base = kind.rstrip("LR") if kind in ("dWL", "dWR", "dbL", "dbR") else kind
        if state_kind(kind):
            base = state_kind(kind)[1]
        if v.ndim == 0:
            return v
        if base in VECTOR_KINDS:
            return v.T if self.samples == "columns" else v
        if base in BIAS_KINDS:
            return v.reshape(-1, 1) if self.samples == "columns" else v.reshape(1, -1)
        return v

    def from_course(self, kind: str, v: np.ndarray, shape=None) -> np.ndarray:
        """Inverse of ``course_value`` (a student's value -> the row layout); raises ValueError on a bad shape."""
        v = np.asarray(v, dtype=float)
        if kind in BIAS_KINDS or kind in ("db",) or (state_kind(kind) or "  ")[1] == "b":
            return v.reshape(-1)
        if kind in VECTOR_KINDS and self.batch == 1:
            return v.reshape(1, -1)
        if kind in VECTOR_KINDS and self.samples == "columns":
            return v.T
        return v


_KEY = re.compile(r"(x|y|yhat|dyhat|lossn|loss|lossL|lossR|loss_next|z|h|W|b|delta|dW|db|dh|dWL|dWR|dbL|dbR|dz|dhs|dyhats|lossc"
                  r"|gamma|beta|dgamma|dbeta|xhat|dxhat|mu|dmu|var|dvar|mask|F|P|dP)"  # layer kinds: verify/layertruth.py
                  r"(\d*)(_next)?")


@functools.lru_cache(maxsize=4096)  # pure, and called for every value of every layout switch (batch grading)
def split_key(k: str) -> tuple[str | None, int | None]:
    """'dW2' -> ('dW', 2); 'W1_next' -> ('W_next', 1); 'dWL2' -> ('dWL', 2); 'lossL' -> ('lossL', None);
    'S_W2' -> ('S_W', 2); 'mhat_b1' -> ('mhat_b', 1); 'S_W2_prev' -> ('S_W_prev', 2)."""
    s = re.fullmatch(r"(S|v|m|G|mhat|vhat)_(W|b)(\d+)(_prev)?", k)
    if s:
        return f"{s.group(1)}_{s.group(2)}{s.group(4) or ''}", int(s.group(3))
    m = _KEY.fullmatch(k)
    if not m:
        return None, None
    kind, layer = m.group(1), int(m.group(2)) if m.group(2) else None
    return (kind + "_next" if m.group(3) else kind), layer
