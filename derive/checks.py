"""The instantiation check: brute-force SymPy differentiation of the fully expanded loss of a small instance.

For a window of layers, sizes are capped (at most ``CAP`` units, batch ``BATCH``), every weight and bias
is a SymPy symbol, the scalar objective J is built from the definitions alone (forward pass, loss,
regularizer), each partial derivative dJ/dtheta is taken by ``sympy.diff``, and the results are compared
at random points with the derived matrix formulas (``numeric.Evaluator``).

Deep networks are checked window by window: windows (l, l+1, L) cover every layer's gradient and every
consecutive pair of the recursion with the real loss; identical windows are checked once.
"""

from __future__ import annotations

import dataclasses
import time

import numpy as np
import sympy as sp

from . import limits, names
from .derivation import Check
from .errors import DerivationError
from .numeric import _MODULES, Evaluator
from .regularizers import LAMBDA, WEIGHT, N
from .symbols import YHAT, X, Y

CAP_INPUT, CAP_HIDDEN, CAP_OUTPUT = 3, 2, 3  # small enough for sympy.diff, big enough to mix indices
#: when a window takes longer than limits.INSTANTIATION_SECONDS (deep windows of heavy formulas such as mish:
#: 3-2-2-2-3 takes ~14 s), it is checked on this smaller instance instead (2-1-1-1-2 takes ~1.5 s)
FALLBACK_CAPS = (2, 1, 2)
BATCH = 2
POINTS = 2
TOLERANCE = 1e-8


def _select(condlist, choicelist, default=0):
    """np.select whose conditions may arrive as floats: SymPy turns Ge(Piecewise(...), ...) of stacked max/min
    formulas into a Piecewise of booleans, which lambdify prints as select(..., default=nan) -- a float array."""
    return np.select([np.asarray(c).astype(bool) for c in condlist], choicelist, default)


#: the brute-force loss's modules: numeric's, with the tolerant select
_BRUTE_MODULES = [{"select": _select}, *_MODULES]


def plan_windows(depth: int) -> list[tuple[int, ...]]:
    """Layer indices (from 1) of each window: the whole network when it is shallow."""
    if depth <= 4:
        return [tuple(range(1, depth + 1))]
    return [(l, l + 1, depth) for l in range(1, depth - 1)]


def _sub_derivation(d, window: tuple[int, ...], caps: tuple[int, int, int] | None = None):
    net = d.network
    cap_input, cap_hidden, cap_output = caps or (CAP_INPUT, CAP_HIDDEN, CAP_OUTPUT)
    sizes = [min(net.sizes[window[0] - 1], cap_input)]
    layers, results = [], []
    for pos, l in enumerate(window, start=1):
        layer = net.layers[l - 1]
        units = min(layer.units, cap_output if l == net.depth else cap_hidden)
        new = dataclasses.replace(layer, index=pos, units=units, n_in=sizes[-1])
        sizes.append(units)
        layers.append(new)
        results.append(dataclasses.replace(d.layers[l - 1], index=pos, layer=new))
    sub_net = dataclasses.replace(net, inputs=sizes[0], layers=tuple(layers))
    return dataclasses.replace(d, network=sub_net, layers=tuple(results), checks=())


def _signature(sub) -> tuple:
    net = sub.network
    return (net.convention, net.sizes, tuple((l.activation, l.definition, l.params) for l in net.layers))


def _targets(net, rng) -> np.ndarray:
    k = net.output.units
    if net.loss.name == "cross_entropy":
        return np.eye(k)[rng.integers(0, k, size=BATCH)]
    if net.loss.name == "binary_cross_entropy":
        return rng.uniform(0.05, 0.95, size=(BATCH, k))
    return rng.normal(size=(BATCH, k))


def brute_force_loss(net, X_val: np.ndarray, Y_val: np.ndarray):
    """J(theta) as one SymPy expression over symbols for every weight and bias; returns (J, {key: Matrix})."""
    params, h_rows = {}, [[sp.Float(v) for v in row] for row in X_val]
    for l, layer in enumerate(net.layers, start=1):
        shape = (layer.units, layer.n_in) if net.convention == "row" else (layer.n_in, layer.units)
        W = sp.Matrix(*shape, lambda i, j, l=l: sp.Symbol(f"W{l}_{i}_{j}", real=True))
        b = sp.Matrix(layer.units, 1, lambda i, j, l=l: sp.Symbol(f"b{l}_{i}", real=True))
        params[names.weight(l)], params[names.bias(l)] = W, b
        Wr = W if net.convention == "row" else W.T
        values = layer.param_values
        new_rows = []
        for h in h_rows:
            z = [sum(Wr[i, j] * h[j] for j in range(layer.n_in)) + b[i] for i in range(layer.units)]
            if layer.definition is None:
                e = [sp.exp(zi) for zi in z]
                s = sum(e)
                new_rows.append([ei / s for ei in e])
            else:
                phi = layer.definition.subs(values)
                new_rows.append([phi.subs(X, zi) for zi in z])
        h_rows = new_rows
    n = len(X_val)
    J = sum(net.loss.component.subs({YHAT: yh, Y: sp.Float(yv)})
            for row, yrow in zip(h_rows, Y_val, strict=True) for yh, yv in zip(row, yrow, strict=True)) / n
    if net.regularizer is not None:
        from .regularizers import penalty

        pen = penalty(net.regularizer, net.reg_scaling).subs({LAMBDA: sp.Float(net.reg_lambda), N: n})
        for key, M in params.items():
            if key.startswith("W") or net.penalize_bias:
                J += sum(pen.subs(WEIGHT, w) for w in M)
    return J, params


def check_window(sub, seed: int = 0) -> Check:
    net = sub.network
    t0 = time.perf_counter()
    rng = np.random.default_rng(seed)
    X_val = rng.normal(size=(BATCH, net.inputs))
    Y_val = _targets(net, rng)
    J, params = brute_force_loss(net, X_val, Y_val)
    keys = list(params)
    symbols = [s for k in keys for s in params[k]]
    grads = [sp.diff(J, s) for s in symbols]
    f = sp.lambdify(symbols, grads, modules=_BRUTE_MODULES, cse=True)
    ev = Evaluator(sub)
    worst = 0.0
    for _ in range(POINTS):
        values = {k: rng.uniform(-1, 1, size=params[k].shape) for k in keys}
        flat = [v for k in keys for v in values[k].ravel()]
        numeric_params = {k: (v[:, 0] if k.startswith("b") else v) for k, v in values.items()}
        try:
            brute = np.array(f(*flat), dtype=float)
            derived = ev.gradients(numeric_params, X_val, Y_val)
            mine = np.concatenate([derived[names.grad(k)].ravel() for k in keys])
        except (OverflowError, ZeroDivisionError):  # exact SymPy integers too big for a float, 1/0
            brute = mine = np.array([np.nan])
        if not (np.all(np.isfinite(brute)) and np.all(np.isfinite(mine))):
            raise DerivationError(
                f"{net.source}: the instantiation check cannot evaluate the gradients: they are not finite at random points "
                f"(weights in [-1, 1], inputs ~ N(0, 1)); an activation ({'; '.join(_formulas(net))}) overflows float64 or "
                "leaves its domain (log or sqrt of a negative number); use a formula that is finite for every real z")
        worst = max(worst, float(np.max(np.abs(brute - mine) / np.maximum(1.0, np.abs(brute)))))
    sizes = "-".join(map(str, net.sizes))
    detail = (f"sizes {sizes}, batch {BATCH}: {len(symbols)} partial derivatives of the expanded loss by sympy.diff "
              f"at {POINTS} random points, max relative error {worst:.1e} ({time.perf_counter() - t0:.2f} s)")
    return Check("instantiation", bool(worst < TOLERANCE), detail, worst)


def _formulas(net) -> list[str]:
    return [f"layer {l.index}: {l.formula or l.activation}" for l in net.layers if l.definition is not None] or ["softmax"]


def instantiation_checks(d) -> list[Check]:
    """One Check per window; a window whose small instance repeats an earlier one is checked once and refers to it."""
    done: dict[tuple, Check] = {}
    out = []
    for window in plan_windows(d.network.depth):
        sub = _sub_derivation(d, window)
        key = _signature(sub)
        if key not in done:
            label = "layers " + ", ".join(map(str, window))
            what = f"{d.network.source}: the instantiation check of {label} (brute-force sympy.diff of the expanded loss)"
            seconds = limits.INSTANTIATION_SECONDS
            try:
                with limits.time_limit(seconds, what), np.errstate(all="ignore"):  # overflow is reported as a DerivationError
                    c = check_window(sub)
            except limits.TimeLimitError:
                small = _sub_derivation(d, window, FALLBACK_CAPS)
                with limits.time_limit(seconds, f"{what}, even on the smaller instance {'-'.join(map(str, small.network.sizes))}",
                                       "use simpler activation formulas"), np.errstate(all="ignore"):
                    c = check_window(small)
                full = "-".join(map(str, sub.network.sizes))
                c = dataclasses.replace(c, detail=f"{c.detail}; the {full} instance took longer than {seconds:g} s, "
                                                  "so this smaller one was checked")
            done[key] = dataclasses.replace(c, detail=f"{label}: {c.detail}")
            out.append(done[key])
        else:  # the same small instance: its result covers this window too, and the proof says so
            first = done[key]
            label = "layers " + ", ".join(map(str, window))
            same = first.detail.split(":", 1)[0]
            out.append(dataclasses.replace(first, detail=f"{label}: the same small instance as {same} (identical activations, "
                                                         f"sizes and loss), checked once: max relative error {first.max_error:.1e}"))
    return out
