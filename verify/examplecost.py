"""A derivative on the answer's own per-example cost.

blackKeys17 defines one example's cost as ``C = Σ_i (y_i − a^L_i)²`` (twice the spec's ½‖ŷ − y‖²) and then writes
``∇_a C = 2(a^L − y)`` and ``δ^L = 2(a^L − y) ⊙ σ'(z^L)``: right on his cost, twice the spec's derivative. The
document-wide objective scale (``infer.objective_scale``) does not adopt his factor — his ``δ^L = ∇_a C ⊙ σ'(z^L)``,
right on both scales, is read with δ on the spec's scale and votes against it — so such a claim is judged on its own:
for one example (``Judge._holds_for_one_example``), a claim about a derivative of the objective that is exactly k × the
spec's, where k is the factor of the answer's own per-example cost definition, is correct on the answer's cost."""

from __future__ import annotations

import contextlib
from dataclasses import replace

import numpy as np

from .parser import parse_claim
from .shapes import ShapeMismatch, evaluate
from .tree import NeedsLayer, Node, Unreadable

_OBJECTIVE_DERIVATIVES = ("dyhat", "dh", "dz", "delta")
_SCALE_OPTIONS = ("loss_scale", "step_scale")  # infer.scale_options


@contextlib.contextmanager
def _spec_scale(one):
    """The one-example judge reading the objective on the spec's scale (it may have adopted the answer's)."""
    saved = one.notation
    one.notation = replace(saved, options=tuple(o for o in saved.options if o[0] not in _SCALE_OPTIONS))
    try:
        yield one
    finally:
        one.notation = saved


def cost_factor(one, claims, pattern) -> tuple[float, str] | None:
    """(k, claim id) if the answer's per-example cost definition (a claim ``pattern`` matches once normalised) equals
    k × the spec's objective for one example at every point of the one-example judge ``one``, k > 0 (1: Shreyansh's
    ``L = -\\sum_j y_j \\log p_j``, "the loss for one example", the spec's loss of one example)."""
    with _spec_scale(one):
        return _cost_factor(one, claims, pattern)


def _cost_factor(one, claims, pattern) -> tuple[float, str] | None:
    from .infer import _normal

    for c in claims:
        if not pattern.match(_normal(c.latex)):
            continue
        try:
            sides, rels = parse_claim(c.latex, one.notation, one.net.depth)
            if len(sides) != 2 or sides[0].op != "q" or rels != ["="]:
                continue
            ratios = []
            for env in one.envs:
                ctx = one.context(env)
                mine, spec = np.ravel(evaluate(sides[1], ctx)), np.ravel(evaluate(sides[0], ctx))
                if mine.size != 1 or spec.size != 1 or not float(spec[0]):
                    break
                ratios.append(float(mine[0]) / float(spec[0]))
        except (ShapeMismatch, Unreadable, NeedsLayer, ValueError, FloatingPointError):
            continue
        if len(ratios) == len(one.envs) and ratios and np.all(np.isfinite(ratios)):
            k = ratios[0]
            if k > 0 and all(abs(r - k) <= 1e-6 * k for r in ratios):
                return round(k, 9), c.id
    return None


def holds_scaled(one, latex: str, k: float) -> bool:
    """Whether a one-link claim about a derivative of the objective (∇_a C, δ^L, ∂C/∂z) is k × the spec's."""
    with _spec_scale(one):
        return _holds_scaled(one, latex, k)


def _holds_scaled(one, latex: str, k: float) -> bool:
    try:
        sides, rels = parse_claim(latex, one.notation, one.net.depth)
    except (Unreadable, NeedsLayer, ValueError):
        return False
    if len(sides) < 2 or set(rels) != {"="} or sides[0].op != "q" or sides[0].value[0] not in _OBJECTIVE_DERIVATIVES:
        return False  # (a chain: every side k × the derivative, Shreyansh's g_z = p ⊙ (−y/p + 1) = −y + p = p − y)
    return all(one._link(sides[0], Node("mul", (Node("num", (), (1.0 / k, None)), side)), []).verdict == "correct"
               for side in sides[1:])
