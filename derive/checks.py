"""The instantiation check: the fully expanded loss of a small instance differentiated by brute force (SymEngine).

Every width is capped (at most ``CAP_INPUT`` inputs, ``CAP_HIDDEN`` hidden and ``CAP_OUTPUT`` output units, batch
``BATCH``), every weight and bias is a symbol, the scalar objective J is written out from the definitions alone (forward
pass, loss, regularizer: ``brute.objective``), each partial derivative dJ/dtheta is taken by ``symengine.diff``, and the
results are compared at ``POINTS`` random points with the derived matrix formulas (``numeric.Evaluator``).

Which instance is checked depends on the network alone (never on a clock, so two runs give the same proof): a network
of at most ``WHOLE_DEPTH`` layers is expanded end to end, in one window; a deeper one window by window -- windows
(l, l+1, L) cover every layer's gradient and every consecutive pair of the recursion with the real loss; identical
windows are checked once. A window that takes longer than ``limits.INSTANTIATION_SECONDS`` is an error (exit 2).
"""

from __future__ import annotations

import dataclasses
import math

import mpmath
import numpy as np
import sympy as sp

from . import limits, names
from .derivation import Check
from .errors import DerivationError
from .numeric import Evaluator
from .regularizers import LAMBDA, WEIGHT, N
from .symbols import YHAT, X, Y

CAP_INPUT, CAP_HIDDEN, CAP_OUTPUT = 3, 2, 3  # small enough to expand, big enough to mix indices
#: networks of at most this many layers are expanded whole (one window); the cost grows as depth x parameters
#: (``symengine.diff`` of J by each of ~6 parameters a layer): 12 layers take ~0.5 s of CPU (benchmarks/bench_derive.py)
WHOLE_DEPTH = 12
BATCH = 2
POINTS = 2
TOLERANCE = 1e-8
ENGINE = "symengine.diff"


def plan_windows(depth: int) -> list[tuple[int, ...]]:
    """Layer indices (from 1) of each window: the whole network up to ``WHOLE_DEPTH`` layers."""
    if depth <= WHOLE_DEPTH:
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


def _targets(net, rng, n: int = BATCH) -> np.ndarray:
    k = net.output.units
    if net.loss.name == "cross_entropy":
        return np.eye(k)[rng.integers(0, k, size=n)]
    if net.loss.name == "binary_cross_entropy":
        return rng.uniform(0.05, 0.95, size=(n, k))
    return rng.normal(size=(n, k))


def check_window(sub, seed: int = 0, window: tuple[int, ...] = ()) -> Check:
    """dJ/dtheta of the small instance ``sub`` by ``symengine.diff`` of its expanded loss against the derived formulas."""
    from .brute import gradient_function

    net = sub.network
    rng = np.random.default_rng(seed)
    X_val = rng.normal(size=(BATCH, net.inputs))
    Y_val = _targets(net, rng)
    f, params, count = gradient_function(net, X_val, Y_val)
    keys = list(params)
    points = [{k: rng.uniform(-1, 1, size=params[k][0]) for k in keys} for _ in range(POINTS)]
    ev = Evaluator(sub)
    brute = f(np.array([np.concatenate([p[k].ravel() for k in keys]) for p in points]))
    worst = 0.0
    for values, row in zip(points, brute, strict=True):
        derived = ev.gradients(values, X_val, Y_val)
        mine = np.concatenate([derived[names.grad(k)].ravel() for k in keys])
        if not (np.all(np.isfinite(row)) and np.all(np.isfinite(mine))):
            raise DerivationError(
                f"{net.source}: the instantiation check cannot evaluate the gradients: they are not finite at random points "
                f"(weights in [-1, 1], inputs ~ N(0, 1)); an activation ({'; '.join(_formulas(net))}) overflows float64 or "
                "leaves its domain (log or sqrt of a negative number); use a formula that is finite for every real z")
        worst = max(worst, float(np.max(np.abs(row - mine) / np.maximum(1.0, np.abs(row)))))
    sizes = tuple(net.sizes)
    window = window or tuple(range(1, net.depth + 1))
    detail = (f"{_label(window)}: sizes {'-'.join(map(str, sizes))}, batch {BATCH}: {count} partial derivatives of the expanded "
              f"loss by {ENGINE} at {POINTS} random points, max relative error {worst:.1e}")
    return Check("instantiation", bool(worst < TOLERANCE), detail, worst, what="network", window=window, sizes=sizes,
                 batch=BATCH, points=POINTS, tolerance=TOLERANCE, count=count, engine=ENGINE)


def _label(window: tuple[int, ...]) -> str:
    return "layers " + ", ".join(map(str, window))


def _formulas(net) -> list[str]:
    return [f"layer {l.index}: {l.formula or l.activation}" for l in net.layers if l.definition is not None] or ["softmax"]


def instantiation_checks(d) -> list[Check]:
    """One Check per window; a window whose small instance repeats an earlier one is checked once and refers to it."""
    done: dict[tuple, Check] = {}
    out = []
    for window in plan_windows(d.network.depth):
        sub = _sub_derivation(d, window)
        key = _signature(sub)
        if key in done:  # the same small instance: its result covers this window too, and the proof says so
            first = done[key]
            out.append(dataclasses.replace(
                first, window=window, same_as=first.window,
                detail=f"{_label(window)}: the same small instance as {_label(first.window)} (identical activations, sizes "
                       f"and loss), checked once: max relative error {first.max_error:.1e}"))
            continue
        what = f"{d.network.source}: the instantiation check of {_label(window)} ({ENGINE} of the expanded loss)"
        with limits.time_limit(limits.INSTANTIATION_SECONDS, what, "use simpler activation formulas"), \
                np.errstate(all="ignore"):  # overflow is reported as a DerivationError
            done[key] = check_window(sub, window=window)
        out.append(done[key])
    return out


# -- networks with layer kinds: the batch program against brute force --------------------------------

PROGRAM_BATCH = 3  # batch norm couples the samples: at least 3 so that the coupling shows


def _shrink(layers, n_in: int, cap: int, last_cap: int, top: bool = True) -> tuple:
    """The layers with every dense width capped (the output at ``last_cap``), widths of the kinds recomputed; a residual
    block that projects keeps projecting (its body's last dense layer is widened by one if the caps made the widths equal)."""
    out, width = [], n_in
    for pos, layer in enumerate(layers):
        last = top and pos == len(layers) - 1
        if layer.kind == "dense":
            units = min(layer.units, last_cap if last else cap)
            new = dataclasses.replace(layer, units=units, n_in=width)
        elif layer.kind == "residual":
            body = _shrink(layer.body, width, cap, last_cap, top=False)
            if (layer.units != layer.n_in) and body[-1].units == width:
                body = _widen_last_dense(layer.body, width, cap)
            new = dataclasses.replace(layer, body=body, units=body[-1].units, n_in=width)
        else:
            new = dataclasses.replace(layer, units=width, n_in=width)
        out.append(new)
        width = new.units
    return tuple(out)


def _widen_last_dense(body, n_in: int, cap: int) -> tuple:
    dense = [i for i, layer in enumerate(body) if layer.kind == "dense"]
    fixed = list(_shrink(body, n_in, cap, cap, top=False))
    widths = {i: layer.units for i, layer in enumerate(fixed)}
    widths[dense[-1]] = n_in + 1
    out, width = [], n_in
    for i, layer in enumerate(body):
        units = widths[i] if layer.kind == "dense" else width
        out.append(dataclasses.replace(fixed[i], units=units, n_in=width))
        width = units
    return tuple(out)


#: central differences in 40-digit arithmetic (mpmath): truncation ~h^2 = 1e-20, rounding ~1e-40/h -- the
#: comparison is limited by the float64 gradients alone, even where batch norm's sigma is small
FD_DIGITS = 40
FD_STEP = mpmath.mpf(10) ** -10
FD_TOLERANCE = 1e-9


class _Scalar:
    """Scalar arithmetic of the independent forward pass: 40-digit mpmath numbers, each activation compiled from its
    definition."""

    sqrt, exp = staticmethod(mpmath.sqrt), staticmethod(mpmath.exp)

    def __init__(self):
        self._phi = {}

    def phi(self, layer):
        key = (layer.definition, layer.params)
        if key not in self._phi:
            self._phi[key] = sp.lambdify([X], layer.definition.subs(layer.param_values),
                                         modules=["mpmath", {"sigmoid": _sigmoid}])
        return self._phi[key]


def _sigmoid(u):
    return 1 / (1 + mpmath.exp(-u))


def _scalar_layers(net, layers, rows: list, params: dict, masks: dict, ops: _Scalar) -> list:
    """The forward pass of ``layers`` on the batch ``rows`` (lists of floats), written from the definitions one scalar at
    a time -- independent of the batch program's NumPy text."""
    row_conv = net.convention == "row"
    for layer in layers:
        name = layer.name
        if layer.kind == "dense":
            W, b = params[f"W{name}"], params[f"b{name}"]
            Wr = W if row_conv else W.T
            z = [[sum(Wr[i, j] * h[j] for j in range(layer.n_in)) + b[i] for i in range(layer.units)] for h in rows]
        elif layer.kind in ("batchnorm", "layernorm"):
            gamma, beta = params[f"gamma{name}"], params[f"beta{name}"]
            eps = layer.settings_dict["eps"]
            z = [[0.0] * layer.units for _ in rows]
            groups = ([[(n, j) for n in range(len(rows))] for j in range(layer.units)] if layer.kind == "batchnorm"
                      else [[(n, j) for j in range(layer.units)] for n in range(len(rows))])
            for group in groups:  # batch norm: one feature over the batch; layer norm: one sample over its features
                vals = [rows[n][j] for n, j in group]
                mu = sum(vals) / len(vals)
                sigma = ops.sqrt(sum((v - mu) ** 2 for v in vals) / len(vals) + eps)
                for (n, j), v in zip(group, vals, strict=True):
                    z[n][j] = gamma[j] * (v - mu) / sigma + beta[j]
        elif layer.kind == "dropout":
            m = masks[f"mask{name}"]
            keep = 1 - layer.settings_dict["p"]
            rows = [[h[j] * m[n, j] / keep for j in range(layer.units)] for n, h in enumerate(rows)]
            continue
        elif layer.kind == "residual":
            body = _scalar_layers(net, layer.body, rows, params, masks, ops)
            if layer.units != layer.n_in:
                P = params[f"P{name}"]
                Pr = P if row_conv else P.T
                skip = [[sum(Pr[i, j] * h[j] for j in range(layer.n_in)) for i in range(layer.units)] for h in rows]
            else:
                skip = rows
            z = [[a + c for a, c in zip(srow, frow, strict=True)] for srow, frow in zip(skip, body, strict=True)]
        else:  # pragma: no cover -- spec.py admits only registered kinds
            raise DerivationError(f"no forward definition for kind {layer.kind}")
        if layer.definition is None:  # softmax, shifted by the row maximum
            rows = []
            for zrow in z:
                top = max(zrow)
                e = [ops.exp(zi - top) for zi in zrow]
                rows.append([ei / sum(e) for ei in e])
        else:
            phi = ops.phi(layer)
            rows = [[phi(zi) for zi in zrow] for zrow in z]
    return rows


def check_program(sub, seed: int = 0) -> Check:
    """The batch program's gradients on ``sub`` (a small instance) against central differences of an independent scalar
    forward pass (the definitions, one number at a time), at random points."""
    from .numeric import ProgramEvaluator

    net = sub.network
    rng = np.random.default_rng(seed)
    X_val = rng.normal(size=(PROGRAM_BATCH, net.inputs))
    Y_val = _targets(net, rng, PROGRAM_BATCH)
    masks = {m.key: (rng.random((PROGRAM_BATCH, m.width)) >= 0.5).astype(float) for m in sub.program.masks}
    ops = _Scalar()
    loss = sp.lambdify([YHAT, Y], net.loss.component, modules=["mpmath"])
    pen = None
    if net.regularizer is not None:
        from .regularizers import penalty

        pen = sp.lambdify([WEIGHT], penalty(net.regularizer, net.reg_scaling).subs({LAMBDA: net.reg_lambda, N: PROGRAM_BATCH}),
                          modules=["mpmath"])
    penalised = [p.key for p in sub.program.params if p.penalised or (net.penalize_bias and p.key.startswith("b"))]

    def objective(params: dict):
        rows = _scalar_layers(net, net.layers, [[mpmath.mpf(v) for v in row] for row in X_val], params, masks, ops)
        J = sum(loss(yh, yv) for row, yrow in zip(rows, Y_val, strict=True) for yh, yv in zip(row, yrow, strict=True))
        J /= PROGRAM_BATCH
        if pen is not None:
            J += sum(pen(w) for key in penalised for w in params[key].ravel())
        return J

    def exact(value: np.ndarray) -> np.ndarray:
        return np.vectorize(mpmath.mpf, otypes=[object])(value)

    ev = ProgramEvaluator(sub)
    keys = sub.program.param_keys
    worst, count = 0.0, 0
    for _ in range(POINTS):
        params = {p.key: rng.uniform(-1, 1, size=p.shape) for p in sub.program.params}
        for p in sub.program.params:
            if p.key.startswith("gamma"):
                params[p.key] = rng.uniform(0.5, 1.5, size=p.shape)
        derived = ev.gradients(params, X_val, Y_val, masks=masks)
        with mpmath.workdps(FD_DIGITS):  # every step and sum at 40 digits
            point = {k: exact(v) for k, v in params.items()}
            fds = {}
            for key in keys:
                for idx in np.ndindex(params[key].shape):
                    plus, minus = ({**point, key: point[key].copy()} for _ in range(2))
                    plus[key][idx] += FD_STEP
                    minus[key][idx] -= FD_STEP
                    fds[key, idx] = float((objective(plus) - objective(minus)) / (2 * FD_STEP))
        for key in keys:
            for idx in np.ndindex(params[key].shape):
                fd, mine = fds[key, idx], float(derived[names.grad(key)][idx])
                if not (math.isfinite(fd) and math.isfinite(mine)):
                    raise DerivationError(f"{net.source}: the check of the batch program cannot evaluate the gradients: they "
                                          "are not finite at random points; use activations that are finite for every real z")
                worst = max(worst, abs(fd - mine) / max(1.0, abs(fd)))
                count += 1
    detail = (f"the batch program on a small instance (inputs {net.inputs}, widths {'-'.join(str(l.units) for l in net.layers)}, "
              f"batch {PROGRAM_BATCH}{', fixed dropout masks' if masks else ''}): {count // POINTS} partial derivatives against "
              f"central differences (h = 1e-10, {FD_DIGITS}-digit arithmetic) of the loss computed from the definitions one scalar "
              "at a time, at "
              f"{POINTS} random points, max relative error {worst:.1e}")
    return Check("finite-differences", bool(worst < FD_TOLERANCE), detail, float(worst), what="batch program",
                 window=tuple(range(1, len(net.layers) + 1)), sizes=(net.inputs, *(l.units for l in net.layers)),
                 batch=PROGRAM_BATCH, points=POINTS, tolerance=FD_TOLERANCE, count=count // POINTS,
                 engine=f"central differences, {FD_DIGITS} digits")


def program_checks(d) -> list[Check]:
    """The normalisations' compact forms (N = 3), then the whole batch program of a small instance by brute force."""
    from .normalization import check as check_normalization
    from .normalization import derive_normalization
    from .program import build_program

    net = d.network
    out = []
    kinds = {layer.kind for layer in net.all_layers}
    for kind, axis in (("batchnorm", "batch"), ("layernorm", "features")):
        if kind in kinds:
            err, detail = check_normalization(derive_normalization(axis))
            out.append(Check("instantiation", err < TOLERANCE, f"{kind}: {detail}", err, what=kind, tolerance=TOLERANCE))
    small_layers = _shrink(net.layers, min(net.inputs, CAP_INPUT), CAP_HIDDEN, CAP_OUTPUT)
    small_net = dataclasses.replace(net, inputs=min(net.inputs, CAP_INPUT), layers=small_layers)
    flat_small = small_net.all_layers
    results = tuple(dataclasses.replace(r, layer=layer) for r, layer in zip(d.layers, flat_small, strict=True))
    sub = dataclasses.replace(d, network=small_net, layers=results, program=build_program(small_net), checks=())
    what = f"{net.source}: the instantiation check of the batch program (brute-force sympy.diff of the expanded loss)"
    with limits.time_limit(limits.INSTANTIATION_SECONDS, what, "use fewer layers or simpler activations"), np.errstate(all="ignore"):
        out.append(check_program(sub))
    return out
