"""The worked numeric example of a proof: one sample (a network with layer kinds: a batch of three) through a small
instance of the network, by hand-checkable numbers.

The instance has the instantiation check's capped sizes (``derive.checks``: inputs <= 3, hidden <= 2, outputs <= 3), with weights,
input and target rounded to one decimal so a reader can redo the arithmetic. Every number comes from the batch program
of the instance (``derive.numeric.ProgramEvaluator``: the text the generated module contains, the one evaluator of the
checks and of verify); the gradients are compared here with central finite differences of J, and the document states
the tolerance, never a measured error (reproducible bytes).
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass

import numpy as np
from gradproof.derive import names
from gradproof.derive.checks import CAP_HIDDEN, CAP_INPUT, CAP_OUTPUT, _shrink, _sub_derivation
from gradproof.derive.numeric import ProgramEvaluator

MAX_DEPTH = 8  # deeper networks get no worked example (the table would outgrow a page)
SEED = 2024
SEEDS = 20  # seeds tried, in order, for a point off every kink with no layer entirely inactive
#: a network of more layers than this (bodies included) tries DEEP_SEEDS: its seeds rarely keep every layer active, and
#: each try is a pass through the whole program (498 batch-norm layers: 20 tries, none active, 0.9 CPU s)
DEEP_LAYERS, DEEP_SEEDS = 100, 5
PROGRAM_BATCH = 3  # a network with layer kinds: batch norm needs several samples (with 2, x-hat is +-1)
#: a network with layer kinds: every array is a matrix of N rows, so the instance is narrower than the dense one's
PROGRAM_CAPS = (2, 2, 2)  # inputs, hidden, outputs
FD_STEP = 1e-6
FD_TOLERANCE = 1e-6  # |derived - central difference| / max(1, |derived|), stated in the document
#: an example with more parameter entries than this is checked along FD_DIRECTIONS random directions (2 forward passes
#: each) instead of entry by entry (2 forward passes per entry: quadratic in the depth, minutes for 500 layers)
FD_ENTRIES = 400
FD_DIRECTIONS = 4
#: what a central difference of L can resolve (networks with layer kinds): the rounding of L's two values, taken as this
#: many units in the last place of |L|, over the step. Below it a gradient entry is compared to that resolution, not
#: to FD_TOLERANCE: 498 dropout layers scale L by 0.9^-498 (L ~ 1e44), so the difference of L's two values holds
#: nothing of a bias gradient ~1e22 (PyTorch agrees with the program to 1e-16: tests/hardening/test_round_nine.py).
#: For L of order 1 the term is ~1e-8, far below FD_TOLERANCE: the examples' choices are unchanged
FD_ULPS = 64


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
    # a rounded point may sit on a kink (z = 0), or a ReLU layer may be off for this sample (every h = 0, every
    # gradient below it 0: correct but uninstructive): then the next seed
    for seed in range(SEED, SEED + SEEDS):
        example = _example(sub, seed)
        if example.agrees and all(np.any(lay.h != 0) for lay in example.layers[:-1]):
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
    ev = ProgramEvaluator(sub)
    X, Y = x[None, :], y[None, :]
    with np.errstate(all="ignore"):
        arrays = ev.trace(params, X, Y, {})  # N = 1: D_l = dJ/dz_l is the sample's delta
        grads = ev.gradients(params, X, Y)  # with the regularizer's term
        J = ev.loss(params, X, Y)
        agrees = bool(_finite_differences_agree(lambda p: ev.loss(p, X, Y), params, grads))
    layers = []
    for l in range(1, snet.depth + 1):
        W, b = params[names.weight(l)], params[names.bias(l)]
        h = arrays.get(f"H{l}", arrays[f"Z{l}"])  # the program writes no line for an identity activation: h = z
        layers.append(
            ExampleLayer(l, W, b, arrays[f"Z{l}"][0], h[0], arrays[f"D{l}"][0],
                         grads[names.grad(names.weight(l))], grads[names.grad(names.bias(l))])
        )
    data = J - ev.regularization(params, 1)
    return Example(snet.sizes, x, y, tuple(layers), float(data), float(J), agrees)


def _finite_differences_agree(objective, params: dict, grads: dict, directions: int = 0, resolve: bool = False) -> int:
    """Every ``grads[d<key>]`` entry against a central difference of ``objective(params)``, within ``FD_TOLERANCE``;
    with ``directions`` > 0, the directional derivative sum(grad * v) along that many seeded random sign vectors v
    (every entry of every parameter moved by +-``FD_STEP`` at once) instead: 2 evaluations each, whatever the size.
    With ``resolve``, an entry off by less than the difference's own resolution (``FD_ULPS`` of the objective's values
    over the step) agrees too. Returns 0 (some entry disagrees), 1 (all agree), 2 (all agree, some only within that
    resolution)."""
    coarse = False

    def agree(a: float, b: float, jp: float, jm: float) -> bool:
        nonlocal coarse
        if not np.isfinite(a):
            return False
        if abs(a - b) <= FD_TOLERANCE * max(1.0, abs(b)):
            return True
        within = resolve and abs(a - b) <= FD_ULPS * np.finfo(float).eps * max(abs(jp), abs(jm)) / (2 * FD_STEP)
        coarse = coarse or within
        return within

    if directions:
        rng = np.random.default_rng(SEED)
        for _ in range(directions):
            v = {key: rng.choice((-1.0, 1.0), size=value.shape) for key, value in params.items()}
            plus = {key: value + FD_STEP * v[key] for key, value in params.items()}
            minus = {key: value - FD_STEP * v[key] for key, value in params.items()}
            jp, jm = objective(plus), objective(minus)
            slope = float(sum(np.sum(grads[names.grad(key)] * v[key]) for key in params))
            if not agree((jp - jm) / (2 * FD_STEP), slope, jp, jm):
                return 0
        return 2 if coarse else 1
    for key, value in params.items():
        grad = grads[names.grad(key)]
        for idx in np.ndindex(value.shape):
            plus, minus = dict(params), dict(params)
            plus[key], minus[key] = value.copy(), value.copy()
            plus[key][idx] += FD_STEP
            minus[key][idx] -= FD_STEP
            jp, jm = objective(plus), objective(minus)
            if not agree((jp - jm) / (2 * FD_STEP), grad[idx], jp, jm):
                return 0
    return 2 if coarse else 1


def fd_directions(params: dict) -> int:
    """0 (every entry is checked) for an example of at most ``FD_ENTRIES`` parameter entries, else ``FD_DIRECTIONS``."""
    return 0 if sum(np.size(v) for v in params.values()) <= FD_ENTRIES else FD_DIRECTIONS


# -- networks with layer kinds: the batch program on a small instance ---------------------------------------------
@dataclass(frozen=True)
class ProgramExample:
    """A batch through the small instance of a network with layer kinds: every array of the training-mode program."""

    sizes: tuple[int, ...]  # inputs, then each top-level layer's width
    given: tuple[tuple[str, np.ndarray], ...]  # X, Y, the dropout masks, the parameters (keys of the program)
    arrays: dict  # program target -> its (final) value, for every training-mode assignment
    data_loss: float
    agrees: bool  # every gradient of the data term agrees with central finite differences within FD_TOLERANCE
    directions: int = 0  # 0: checked entry by entry; else along this many random directions (``fd_directions``)
    coarse: bool = False  # some entries were below what the differences resolve (FD_ULPS) and compared to that


def small_program(d, caps: tuple[int, int, int] = PROGRAM_CAPS):
    """The derivation ``d`` (layer kinds) on a small instance: every dense width capped (``caps``: inputs, hidden, outputs),
    batch norm and layer norm at the width before them, a projecting residual block still projecting."""
    from gradproof.derive.program import build_program

    net = d.network
    cap_input, cap_hidden, cap_output = caps
    layers = _shrink(net.layers, min(net.inputs, cap_input), cap_hidden, cap_output)
    small = dataclasses.replace(net, inputs=min(net.inputs, cap_input), layers=layers)
    results = tuple(dataclasses.replace(r, layer=layer) for r, layer in zip(d.layers, small.all_layers, strict=True))
    return dataclasses.replace(d, network=small, layers=results, program=build_program(small), checks=())


def program_example(d) -> ProgramExample:
    """A batch of ``PROGRAM_BATCH`` samples through the small instance of ``d``, at a seeded point that agrees with
    finite differences, keeps every activation layer partly active and has the fewest nearly vanishing gradients."""
    # layer norm over 2 features gives x-hat = +-1 whatever the input: 3 hidden units then
    wide = any(layer.kind == "layernorm" for layer in d.network.all_layers)
    sub = small_program(d, (PROGRAM_CAPS[0], 3, PROGRAM_CAPS[2]) if wide else PROGRAM_CAPS)
    ev = ProgramEvaluator(sub)  # once: compiling the program of a deep network takes seconds
    best, tried = None, []
    seeds = SEEDS if len(sub.network.all_layers) <= DEEP_LAYERS else DEEP_SEEDS
    for seed in range(SEED, SEED + seeds):  # the first seed with the fewest tiny gradient entries (nearly vanishing)
        example, agrees = _program_example(sub, ev, seed)
        tried.append((example, agrees))
        if not _active(sub, example):
            continue
        score = _tiny(sub, example)
        # the finite differences (the costly part) only for a seed that would be chosen
        if (best is None or score < best[0]) and agrees():
            best = (score, dataclasses.replace(example, agrees=True, coarse=agrees() == 2))
            if score == 0:
                break
    if best is not None:
        return best[1]
    # no seed keeps every layer active (a deep ReLU stack): the first that agrees, else the last
    for example, agrees in tried:
        if agrees():
            return dataclasses.replace(example, agrees=True, coarse=agrees() == 2)
    return example


def _tiny(sub, ex: ProgramExample) -> int:
    """How many entries of the backward arrays are nonzero but below ``ACTIVE`` in size, plus how many entries of the
    weight gradients are 0 (units off for every sample): the fewer, the more there is to follow by hand."""
    values = np.concatenate([np.ravel(ex.arrays[a.target]) for a in sub.program.backward])
    weights = np.concatenate([np.ravel(ex.arrays[names.grad(p.key)]) for p in sub.program.params if p.key[0] in "WPg"])
    return int(np.sum((np.abs(values) > 1e-12) & (np.abs(values) < ACTIVE)) + np.sum(np.abs(weights) < 1e-12))


ACTIVE = 1e-3  # every weight gradient of the example has an entry at least this large


def _active(sub, ex: ProgramExample) -> bool:
    """No array after an activation is all 0 (a ReLU layer entirely off), and no weight gradient (W, P, gamma) is all
    but 0 (a layer whose gradient vanishes at this point: correct, but nothing to follow by hand)."""
    targets = [a.target for a in sub.program.forward if a.equation == "activation" and a.mode in ("both", "train")]
    weights = [names.grad(p.key) for p in sub.program.params if p.key[0] in "WPg"]
    return (all(np.any(ex.arrays[t] != 0) for t in targets)
            and all(np.max(np.abs(ex.arrays[w])) >= ACTIVE for w in weights))


def _program_example(sub, ev, seed: int):
    """The example at ``seed`` (its ``agrees`` not yet known) and a function that checks it against finite differences
    and returns the example with the result."""
    net, program = sub.network, sub.program
    rng = np.random.default_rng(seed)
    params = {}
    for p in program.params:
        if p.key.startswith("gamma"):
            params[p.key] = np.round(rng.uniform(0.5, 1.5, size=p.shape), 1)
        elif p.init in ("zeros", "ones"):
            params[p.key] = np.round(rng.uniform(-0.5, 0.5, size=p.shape), 1)
        else:
            params[p.key] = np.round(rng.uniform(-1, 1, size=p.shape), 1)
    X = np.round(rng.uniform(-1, 1, size=(PROGRAM_BATCH, net.inputs)), 1)
    Y = np.stack([_target(net, rng, net.output.units) for _ in range(PROGRAM_BATCH)])
    masks = {}
    for m in program.masks:  # drawn with the layer's p; every sample keeps a unit, and one unit is dropped
        mask = (rng.random((PROGRAM_BATCH, m.width)) >= m.p).astype(float)
        mask[:, 0], mask[0, -1] = 1.0, 0.0
        masks[m.key] = mask
    with np.errstate(all="ignore"):
        arrays = ev.trace(params, X, Y, masks)
        data = ev.loss(params, X, Y, masks=masks) - ev.regularization(params, PROGRAM_BATCH)
    directions = fd_directions(params)
    given = (("X", X), ("Y", Y), *sorted(masks.items()), *params.items())
    example = ProgramExample(net.sizes, given, arrays, float(data), False, directions)

    @functools.cache
    def agrees() -> int:  # (0, 1, 2: _finite_differences_agree)
        # the data term: the program's gradients (``trace``) leave the regularizer to the update
        with np.errstate(all="ignore"):
            return _finite_differences_agree(lambda p: ev.loss(p, X, Y, masks=masks) - ev.regularization(p, PROGRAM_BATCH),
                                             params, arrays, directions, resolve=True)

    return example, agrees


__all__ = ["Example", "ExampleLayer", "FD_TOLERANCE", "FD_ULPS", "ProgramExample", "program_example", "small_program", "worked_example"]
