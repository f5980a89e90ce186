"""The instantiation check: the fully expanded loss of a small instance differentiated by brute force (SymEngine).

Every width is capped (at most ``CAP_INPUT`` inputs, ``CAP_HIDDEN`` hidden and ``CAP_OUTPUT`` output units, batch
``BATCH``), every weight and bias is a symbol, the scalar objective J is written out from the definitions alone (forward
pass, loss, regularizer: ``brute.objective``), each partial derivative dJ/dtheta is taken by ``symengine.diff``, and the
results are compared at ``POINTS`` random points with the batch program (``numeric.ProgramEvaluator``: the text the
generated module contains, the one evaluator of proof and verify too).

Which instance is checked depends on the network alone (never on a clock, so two runs give the same proof): a network
of at most ``WHOLE_DEPTH`` layers is expanded end to end, in one window -- every hidden layer ``CAP_HIDDEN`` wide up to
``WIDE_DEPTH`` layers; deeper, the first and last ``WIDE_ENDS`` hidden layers ``CAP_HIDDEN`` wide (indices mix there)
and one unit in between (every layer's activation and the whole chain to the loss, at a cost that grows with depth
instead of depth x width^2 per parameter). A deeper network is checked window by window -- windows (l, l+1, L) cover
every layer's gradient and every consecutive pair of the recursion with the real loss; identical windows are checked
once. Networks with layer kinds: ``program_checks``. A window that takes longer than ``limits.INSTANTIATION_SECONDS``
is an error (exit 2).
"""

from __future__ import annotations

import dataclasses

import numpy as np

from . import limits, names
from .derivation import Check
from .errors import DerivationError
from .numeric import ProgramEvaluator

CAP_INPUT, CAP_HIDDEN, CAP_OUTPUT = 3, 2, 3  # small enough to expand, big enough to mix indices
#: networks of at most this many layers are expanded whole (one window); the cost grows as depth x parameters
#: (``symengine.diff`` of J by each parameter): 50 layers on the thin instance below take ~1.2 s of CPU, on the wide one
#: ~7 s (benchmarks/bench_derive.py)
WHOLE_DEPTH = 50
#: up to this depth every hidden layer of the whole instance is ``CAP_HIDDEN`` wide (12 layers: ~0.9 s of CPU); a deeper
#: whole instance keeps ``CAP_HIDDEN`` for its first and last ``WIDE_ENDS`` hidden layers and 1 unit in between.
#: Networks with layer kinds are expanded whole up to ``WIDE_DEPTH`` layers in all (bodies included), else windowed.
WIDE_DEPTH = 12
WIDE_ENDS = 2
BATCH = 2
POINTS = 2
TOLERANCE = 1e-8
ENGINE = "symengine.diff"
ENGINE_FULL = f"{ENGINE} of the expanded loss"


#: a partial derivative smaller than this fraction of the largest one (at the same point) is compared absolutely, at that
#: scale: deep instances have tiny gradients in their lower layers (products of many derivatives), which a floor of 1
#: would let any error pass; a gradient that is exactly 0 (a bias before batch norm) is computed as rounding noise
FLOOR = 1e-4


def relative_error(brute: np.ndarray, derived: np.ndarray) -> float:
    """max |brute - derived| / max(|brute|, FLOOR max|brute|) over the partial derivatives at one point."""
    floor = max(FLOOR * float(np.max(np.abs(brute))), np.finfo(float).tiny)
    return float(np.max(np.abs(brute - derived) / np.maximum(floor, np.abs(brute))))


def plan_windows(depth: int) -> list[tuple[int, ...]]:
    """Layer indices (from 1) of each window: the whole network up to ``WHOLE_DEPTH`` layers."""
    if depth <= WHOLE_DEPTH:
        return [tuple(range(1, depth + 1))]
    return [(l, l + 1, depth) for l in range(1, depth - 1)]


def _sub_derivation(d, window: tuple[int, ...], caps: tuple[int, int, int] | None = None, thin: bool = False):
    """The small instance of ``window`` (layer indices, from 1), re-indexed from 1; ``thin``: the hidden layers between
    the first and last ``WIDE_ENDS`` ones are 1 unit wide."""
    net = d.network
    cap_input, cap_hidden, cap_output = caps or (CAP_INPUT, CAP_HIDDEN, CAP_OUTPUT)
    sizes = [min(net.sizes[window[0] - 1], cap_input)]
    layers, results = [], []
    for pos, l in enumerate(window, start=1):
        layer = net.layers[l - 1]
        narrow = thin and WIDE_ENDS < l < net.depth - WIDE_ENDS
        units = min(layer.units, cap_output if l == net.depth else 1 if narrow else cap_hidden)
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
    """dJ/dtheta of the small instance ``sub`` by ``symengine.diff`` of its expanded loss against its batch program
    (``sub.program``, or for a dense stack the one ``build_program`` makes of it), run by ``ProgramEvaluator``."""
    from .brute import gradient_function

    net = sub.network
    rng = np.random.default_rng(seed)
    X_val = rng.normal(size=(BATCH, net.inputs))
    Y_val = _targets(net, rng)
    f, params, count = gradient_function(net, X_val, Y_val)
    keys = list(params)
    points = [{k: rng.uniform(-1, 1, size=params[k][0]) for k in keys} for _ in range(POINTS)]
    ev = ProgramEvaluator(sub)
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
        worst = max(worst, relative_error(row, mine))
    sizes = tuple(net.sizes)
    window = window or tuple(range(1, net.depth + 1))
    detail = (f"{_label(window)}: sizes {_sizes(sizes)}, batch {BATCH}: {count} partial derivatives of the expanded "
              f"loss by {ENGINE} at {POINTS} random points, max relative error {worst:.1e}")
    return Check("instantiation", bool(worst < TOLERANCE), detail, worst, what="network", window=window, sizes=sizes,
                 batch=BATCH, points=POINTS, tolerance=TOLERANCE, count=count, engine=ENGINE)


def _label(window: tuple[int, ...]) -> str:
    if len(window) > WIDE_DEPTH and window == tuple(range(window[0], window[-1] + 1)):
        return f"layers {window[0]} to {window[-1]}"
    return "layers " + ", ".join(map(str, window))


def _sizes(sizes: tuple[int, ...]) -> str:
    """3-2-2-1-1-1-1-2-2-3 as 3-2-2-1×4-2-2-3 (runs longer than 3)."""
    out, k = [], 0
    while k < len(sizes):
        run = next((j for j in range(k, len(sizes)) if sizes[j] != sizes[k]), len(sizes)) - k
        out += [f"{sizes[k]}×{run}"] if run > 3 else [str(sizes[k])] * run
        k += run
    return "-".join(out)


def _formulas(net) -> list[str]:
    return [f"layer {l.index}: {l.formula or l.activation}" for l in net.layers if l.definition is not None] or ["softmax"]


def instantiation_checks(d) -> list[Check]:
    """One Check per window; a window whose small instance repeats an earlier one is checked once and refers to it."""
    depth = d.network.depth

    def instance(window):
        sub = _sub_derivation(d, window, thin=len(window) == depth > WIDE_DEPTH)
        return sub, _signature(sub)

    return _windowed(d.network.source, plan_windows(depth), instance, check_window, "", "use simpler activation formulas",
                     "identical activations, sizes and loss")


def _windowed(source: str, windows, instance, check, subject: str, hint: str, alike: str) -> list[Check]:
    """One Check per window: ``instance(window)`` gives its small instance (or a function making it, called only for a
    window that is checked) and that instance's signature; an instance equal to an earlier one is checked once and the
    later window's Check says ``same_as`` (the proof names both)."""
    done: dict[tuple, Check] = {}
    out = []
    for window in windows:
        sub, key = instance(window)
        if key in done:  # the same small instance: its result covers this window too, and the proof says so
            first = done[key]
            out.append(dataclasses.replace(
                first, window=window, same_as=first.window,
                detail=f"{_label(window)}: the same small instance as {_label(first.window)} ({alike}), checked once: max "
                       f"relative error {first.max_error:.1e}"))
            continue
        sub = sub() if callable(sub) else sub
        what = f"{source}: the instantiation check of {subject}{_label(window)} ({ENGINE_FULL})"
        with limits.time_limit(limits.INSTANTIATION_SECONDS, what, hint), \
                np.errstate(all="ignore"):  # overflow is reported as a DerivationError
            done[key] = check(sub, window=window)
        out.append(done[key])
    return out


# -- networks with layer kinds: the batch program against the same brute force ------------------------------------

PROGRAM_BATCH = 3  # batch norm couples the samples: at least 3 so that the coupling shows


def plan_layer_windows(net) -> list[tuple[int, ...]]:
    """Top-level layer indices of each window of a network with layer kinds: the whole network when it has at most
    ``WIDE_DEPTH`` layers in all (bodies included) or at most 3 top-level layers, else (l, l+1, L) for every l."""
    depth = net.depth
    if len(net.all_layers) <= WIDE_DEPTH or depth <= 3:
        return [tuple(range(1, depth + 1))]
    return [(l, l + 1, depth) for l in range(1, depth - 1)]


def _shrink(layers, n_in: int, cap: int, last_cap: int, top: bool = True) -> tuple:
    """The layers with every dense width capped (the output at ``last_cap``), widths of the kinds recomputed; a residual
    block keeps its structure: one that projects keeps projecting (its body's last dense layer is widened by one if the
    caps made the widths equal), one that adds h itself keeps doing so (its body's last dense layer gets the input's
    width)."""
    out, width = [], n_in
    for pos, layer in enumerate(layers):
        last = top and pos == len(layers) - 1
        if layer.kind == "dense":
            new = dataclasses.replace(layer, units=min(layer.units, last_cap if last else cap), n_in=width)
        elif layer.kind == "residual":
            body = _shrink(layer.body, width, cap, cap, top=False)
            projects = layer.units != layer.n_in
            if projects and body[-1].units == width:
                body = _with_last_dense(body, width, width + 1)
            elif not projects and body[-1].units != width:
                body = _with_last_dense(body, width, width)
            new = dataclasses.replace(layer, body=body, units=body[-1].units, n_in=width)
        else:
            new = dataclasses.replace(layer, units=width, n_in=width)
        out.append(new)
        width = new.units
    return tuple(out)


def _with_last_dense(body, n_in: int, units: int) -> tuple:
    """``body`` (already shrunk) with its last dense layer ``units`` wide, the widths after it recomputed."""
    last = max(i for i, layer in enumerate(body) if layer.kind == "dense")
    out, width = [], n_in
    for i, layer in enumerate(body):
        if i == last:
            layer = dataclasses.replace(layer, units=units, n_in=width)
        elif layer.kind == "residual":
            layer = dataclasses.replace(layer, n_in=width)  # pragma: no cover -- shrunk bodies keep their widths
        elif i > last and layer.kind != "dense":
            layer = dataclasses.replace(layer, units=width, n_in=width)
        out.append(layer)
        width = layer.units
    return tuple(out)


def _layered_sub(d, window: tuple[int, ...], program: bool = True):
    """The small instance of ``window`` (top-level layer indices) of a network with layer kinds: the window's layers,
    widths capped (``_shrink``), names kept (W7, gamma8 …), with its own batch program (``program=False``: None, for
    the signature alone — building it is most of a window's cost, and 498 windows of a deep network repeat 3)."""
    from .program import build_program
    from .spec import flat_layers

    net = d.network
    chosen = tuple(net.layers[l - 1] for l in window)
    inputs = min(chosen[0].n_in, CAP_INPUT)
    small = _shrink(chosen, inputs, CAP_HIDDEN, CAP_OUTPUT)
    small_net = dataclasses.replace(net, inputs=inputs, layers=small)
    by_name = {r.layer.name: r for r in d.layers}
    results = tuple(dataclasses.replace(by_name[o.name], layer=s)
                    for o, s in zip(flat_layers(chosen), flat_layers(small), strict=True))
    return dataclasses.replace(d, network=small_net, layers=results, program=build_program(small_net) if program else None,
                               checks=())


def _layer_signature(layer) -> tuple:
    return (layer.kind, layer.units, layer.n_in, layer.activation, layer.definition, layer.params, layer.settings,
            tuple(_layer_signature(b) for b in layer.body))


def check_layered(sub, window: tuple[int, ...] = (), seed: int = 0) -> Check:
    """The batch program's gradients on ``sub`` (a small instance with its program) against ``symengine.diff`` of the
    loss expanded from the kinds' forward definitions (``brute.objective``), fixed dropout masks, at random points."""
    from .brute import gradient_function

    net, program = sub.network, sub.program
    rng = np.random.default_rng(seed)
    X_val = rng.normal(size=(PROGRAM_BATCH, net.inputs))
    Y_val = _targets(net, rng, PROGRAM_BATCH)
    masks = {m.key: (rng.random((PROGRAM_BATCH, m.width)) >= 0.5).astype(float) for m in program.masks}
    f, params, count = gradient_function(net, X_val, Y_val, masks)
    keys = list(params)
    if set(keys) != set(program.param_keys):
        raise DerivationError(f"{net.source}: the batch program's parameters ({', '.join(program.param_keys)}) are not those "
                              f"of the layers' definitions ({', '.join(keys)})")
    points = [{k: rng.uniform(0.5, 1.5, size=params[k][0]) if k.startswith("gamma") else rng.uniform(-1, 1, size=params[k][0])
               for k in keys} for _ in range(POINTS)]
    brute = f(np.array([np.concatenate([p[k].ravel() for k in keys]) for p in points]))
    ev = ProgramEvaluator(sub)
    worst = 0.0
    for values, row in zip(points, brute, strict=True):
        derived = ev.gradients(values, X_val, Y_val, masks=masks)
        mine = np.concatenate([derived[names.grad(k)].ravel() for k in keys])
        if not (np.all(np.isfinite(row)) and np.all(np.isfinite(mine))):
            raise DerivationError(f"{net.source}: the instantiation check cannot evaluate the gradients: they are not finite at "
                                  f"random points; {_why_not_finite(net)}")
        worst = max(worst, relative_error(row, mine))
    window = window or tuple(range(1, net.depth + 1))
    sizes = (net.inputs, *(layer.units for layer in net.layers))
    widths = "-".join(str(layer.units) for layer in net.all_layers)
    detail = (f"{_label(window)}: the batch program on a small instance (inputs {net.inputs}, layer widths {widths} bodies "
              f"included, batch {PROGRAM_BATCH}{', fixed dropout masks' if masks else ''}): {count} partial derivatives of the "
              f"loss expanded from the layers' definitions by {ENGINE} at {POINTS} random points, max relative error {worst:.1e}")
    return Check("instantiation", bool(worst < TOLERANCE), detail, worst, what="batch program", window=window, sizes=sizes,
                 batch=PROGRAM_BATCH, points=POINTS, tolerance=TOLERANCE, count=count, engine=ENGINE)


#: dropout's 1/(1 − p) from which a check's expanded loss may overflow float64 (a softmax of logits ~1000: exp overflows)
DROPOUT_SCALE = 100.0


def _why_not_finite(net) -> str:
    """What to do when the layered check's values are not finite: a dropout layer that scales the units it keeps by
    1/(1 − p) of hundreds or more makes the expanded loss overflow (the program itself is stable), else an activation."""
    steep = [(layer.name, layer.settings_dict["p"]) for layer in net.all_layers
             if layer.kind == "dropout" and 1.0 / max(1.0 - layer.settings_dict["p"], 1e-300) >= DROPOUT_SCALE]
    if steep:
        name, p = steep[0]
        return (f"dropout p = {p:g} (layer {name}) scales the units it keeps by 1/(1 - p) = {1 / max(1 - p, 1e-300):.3g}, and the "
                "loss expanded for the check overflows float64 there (the derivation itself is exact); use p <= 0.99, or "
                "derive with --no-check (the results are then not checked by brute force)")
    return "use activations that are finite for every real z"


def program_checks(d) -> list[Check]:
    """The normalisations' compact forms (N = 3), then the batch program by brute force: the whole network, or windows
    (``plan_layer_windows``), a window whose small instance repeats an earlier one checked once (``same_as``)."""
    from .normalization import check as check_normalization
    from .normalization import derive_normalization

    net = d.network
    out = []
    kinds = {layer.kind for layer in net.all_layers}
    for kind, axis in (("batchnorm", "batch"), ("layernorm", "features")):
        if kind in kinds:
            err, detail = check_normalization(derive_normalization(axis))
            out.append(Check("instantiation", err < TOLERANCE, f"{kind}: {detail}", err, what=kind, tolerance=TOLERANCE))

    def instance(window):
        sub = _layered_sub(d, window, program=False)
        key = (net.convention, sub.network.inputs, tuple(_layer_signature(layer) for layer in sub.network.layers))
        return (lambda: _layered_sub(d, window)), key

    return out + _windowed(net.source, plan_layer_windows(net), instance, check_layered, "the batch program, ",
                           "use fewer layers or simpler activations", "identical kinds, activations, settings and sizes")
