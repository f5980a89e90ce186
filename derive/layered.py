"""derive() for a network with layer kinds: the dense results per layer, the batch program, and its checks.

The activations, the output error, the index-form recursion, the regularizer and the optimizer are derived as for a
dense stack (``derivation.py``); batch and layer norm's backward passes are derived in ``normalization.py``; the
batch program (``program.py``) assembles them; ``checks.program_checks`` checks the whole program by brute force.
"""

from __future__ import annotations

import dataclasses
import time

import sympy as sp

from . import indexform, limits
from .derivation import Derivation, layer_result, output_error
from .errors import DerivationError
from .normalization import derive_normalization
from .program import build_program
from .regularizers import WEIGHT, penalty
from .spec import Layer, Network


def flat_layers(layers) -> list[Layer]:
    """Every layer in forward order, a residual block's body before the block itself."""
    out = []
    for layer in layers:
        out.extend(flat_layers(layer.body))
        out.append(layer)
    return out


def derive_layered(net: Network, check: bool = True) -> Derivation:
    """Derive and (unless ``check`` is False) check a network with layer kinds.

    Raises:
        DerivationError: a derived result disagrees with its check, or SymPy could not finish.
    """
    t0 = time.perf_counter()
    timings = {}
    # 1. activations of every layer (the kinds' optional activations too)
    layers = tuple(layer_result(layer, net.source) for layer in flat_layers(net.layers))
    timings["activations"] = time.perf_counter() - t0
    # 2. output error from loss o output activation (the last layer is dense)
    last = net.layers[-1]
    with limits.time_limit(limits.ACTIVATION_SECONDS, f"{net.source}: layer {last.index}: deriving the output error of "
                           f"{net.loss.name} with '{last.activation}'", "use a simpler output activation"):
        out = output_error(net, layers[-1])
    rec, wg, bg = (f(net.convention) for f in (indexform.hidden_recursion, indexform.weight_gradient, indexform.bias_gradient))
    for name, r in (("hidden-layer recursion", rec), ("weight gradient", wg), ("bias gradient", bg)):
        if not r.agrees:
            raise DerivationError(f"{net.source}: the {name} in index form does not match its matrix form")
    # 3. the normalisations' backward passes, in index form
    kinds = {layer.kind for layer in flat_layers(net.layers)}
    for kind, axis in (("batchnorm", "batch"), ("layernorm", "features")):
        if kind in kinds:
            derive_normalization(axis)
    # 4. regularizer (dense weights only) and optimizer
    reg_pen = reg_grad = None
    if net.regularizer is not None:
        reg_pen = penalty(net.regularizer, net.reg_scaling)
        reg_grad = sp.diff(reg_pen, WEIGHT)
    updates = net.optimizer.build(net.options_dict)
    program = build_program(net)
    timings["symbolic"] = time.perf_counter() - t0 - timings["activations"]
    d = Derivation(net, layers, out, reg_pen, reg_grad, updates, rec, wg, bg, program=program)
    # 5. checks: the normalisations' compact forms, then the whole program against brute force
    checks = ()
    if check:
        from .checks import program_checks

        t1 = time.perf_counter()
        checks = tuple(program_checks(d))
        timings["instantiation"] = time.perf_counter() - t1
        failed = [c for c in checks if not c.passed]
        if failed:
            raise DerivationError(f"{net.source}: a derived gradient disagrees with brute-force differentiation: {failed[0].detail}")
    return dataclasses.replace(d, checks=checks, seconds=time.perf_counter() - t0, timings=timings)
