"""The worked numeric example of a proof: one sample through a small instance of the network, by hand-checkable numbers.

The instance has the instantiation check's capped sizes (``derive.checks``: inputs <= 3, hidden <= 2, outputs <= 3), with weights,
input and target rounded to one decimal so a reader can redo the arithmetic. Every number comes from the derived
formulas (``derive.numeric.Evaluator``, the same truth as the checks and verify); the gradients are compared here with
central finite differences of J, and the document states the tolerance, never a measured error (reproducible bytes).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from gradproof.derive import names
from gradproof.derive.checks import CAP_HIDDEN, CAP_INPUT, CAP_OUTPUT, _sub_derivation
from gradproof.derive.numeric import Evaluator

MAX_DEPTH = 8  # deeper networks get no worked example (the table would outgrow a page)
SEED = 2024
FD_STEP = 1e-6
FD_TOLERANCE = 1e-6  # |derived - central difference| / max(1, |derived|), stated in the document


@dataclass(frozen=True)
class ExampleLayer:
    index: int
    W: np.ndarray
    b: np.ndarray
    z: np.ndarray
    h: np.ndarray
    delta: np.ndarray
    dW: np.ndarray
    db: np.ndarray


@dataclass(frozen=True)
class Example:
    sizes: tuple[int, ...]
    x: np.ndarray
    y: np.ndarray
    layers: tuple[ExampleLayer, ...]
    data_loss: float
    objective: float
    agrees: bool  # every gradient agrees with central finite differences within FD_TOLERANCE


def _target(net, rng, k: int) -> np.ndarray:
    if net.loss.name == "cross_entropy":
        return np.eye(k)[rng.integers(0, k)]
    if net.loss.name == "binary_cross_entropy":
        return np.round(rng.uniform(0.1, 0.9, size=k), 1)
    return np.round(rng.uniform(-1, 1, size=k), 1)


def worked_example(d) -> Example | None:
    """One sample (N = 1) through the capped instance of ``d``; None for networks deeper than ``MAX_DEPTH``."""
    net = d.network
    if net.depth > MAX_DEPTH:
        return None
    sub = _sub_derivation(d, tuple(range(1, net.depth + 1)), (CAP_INPUT, CAP_HIDDEN, CAP_OUTPUT))
    for seed in range(SEED, SEED + 5):  # a rounded point may sit on a kink (z = 0): then the next one
        example = _example(sub, seed)
        if example.agrees:
            return example
    return example


def _example(sub, seed: int) -> Example:
    snet = sub.network
    rng = np.random.default_rng(seed)
    params = {}
    for l, layer in enumerate(snet.layers, start=1):
        shape = (layer.units, layer.n_in) if snet.convention == "row" else (layer.n_in, layer.units)
        params[names.weight(l)] = np.round(rng.uniform(-1, 1, size=shape), 1)
        params[names.bias(l)] = np.round(rng.uniform(-0.5, 0.5, size=layer.units), 1)
    x = np.round(rng.uniform(-1, 1, size=snet.inputs), 1)
    y = _target(snet, rng, snet.output.units)
    ev = Evaluator(sub)
    X, Y = x[None, :], y[None, :]
    with np.errstate(all="ignore"):
        out = ev.backward(params, X, Y)
        J = ev.loss(params, X, Y)
        agrees = _finite_differences_agree(ev, params, X, Y, out)
    layers = []
    for l in range(1, snet.depth + 1):
        W, b = params[names.weight(l)], params[names.bias(l)]
        layers.append(
            ExampleLayer(l, W, b, out[f"z{l}"][0], out[f"h{l}"][0], out[f"delta{l}"][0],
                         out[names.grad(names.weight(l))], out[names.grad(names.bias(l))])
        )
    data = J - ev.regularization(params, 1)
    return Example(snet.sizes, x, y, tuple(layers), float(data), float(J), agrees)


def _finite_differences_agree(ev, params, X, Y, out) -> bool:
    for key, value in params.items():
        grad = out[names.grad(key)]
        for idx in np.ndindex(value.shape):
            plus, minus = dict(params), dict(params)
            plus[key], minus[key] = value.copy(), value.copy()
            plus[key][idx] += FD_STEP
            minus[key][idx] -= FD_STEP
            fd = (ev.loss(plus, X, Y) - ev.loss(minus, X, Y)) / (2 * FD_STEP)
            if not np.isfinite(fd) or abs(fd - grad[idx]) / max(1.0, abs(grad[idx])) > FD_TOLERANCE:
                return False
    return True


__all__ = ["Example", "ExampleLayer", "FD_TOLERANCE", "worked_example"]
