"""The layer-kind registry: one entry per kind (its spec keys, learned parameters, running state, shapes).

A spec's ``[[layers]]`` table names its kind with ``kind = "dense" | "batchnorm" | "layernorm" | "dropout" |
"residual"`` (default ``"dense"``). Each entry holds the kind's *forward definition* (``forward``: the layer written
out one scalar at a time, before its activation), its spec keys, learned parameters and running state. The
brute-force check (``brute.py``) expands a network's loss from these definitions alone -- never from the batch
program -- so the program's backward lines (``program.py``'s emitters) are checked against them.

Adding a kind: an entry here (with its forward definition), its emitter in ``program.py`` (forward and backward
assignments, derived in ``normalization.py`` where they need calculus) and its tests (docs/ARCHITECTURE.md, "Adding
a layer kind").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# -- forward definitions, one scalar at a time --------------------------------------------------------------------
# ``rows`` is the batch: one list of scalars per sample (SymEngine expressions in the brute force). ``ctx`` gives the
# layer's parameters and what is not arithmetic: ctx.matrix(layer, "W", n_out, n_in) -> M with M(i, j) the entry from
# input j to output i (stored as the convention says), ctx.vector(layer, "gamma", width), ctx.number(float) (a
# constant), ctx.sqrt(u), ctx.mask(layer) (dropout's 0/1 mask, one row per sample), ctx.layers(body, rows) (a
# sequence of layers, each followed by its activation).


def _affine(W, rows: list, n_out: int, n_in: int, b=None) -> list:
    """z_i = sum_j W(i, j) h_j (+ b_i) for each sample h."""
    return [[sum(W(i, j) * h[j] for j in range(n_in)) + (b[i] if b is not None else 0) for i in range(n_out)] for h in rows]


def dense_forward(layer, rows: list, ctx) -> list:
    """z = W h + b (row convention; the column convention stores W transposed: z = W^T h + W_0); z = W h for a
    layer whose spec says ``bias = false``."""
    return _affine(ctx.matrix(layer, "W", layer.units, layer.n_in), rows, layer.units, layer.n_in,
                   ctx.vector(layer, "b", layer.units) if layer.bias else None)


def _normalise(layer, rows: list, ctx, over_batch: bool) -> list:
    """y = gamma (x - mu) / sqrt(var + eps) + beta, mu and the biased variance var over one feature of the batch
    (batch norm) or over the features of one sample (layer norm)."""
    gamma, beta = ctx.vector(layer, "gamma", layer.units), ctx.vector(layer, "beta", layer.units)
    eps = ctx.number(layer.settings_dict["eps"])
    n, width = len(rows), layer.units
    groups = ([[(k, j) for k in range(n)] for j in range(width)] if over_batch
              else [[(k, j) for j in range(width)] for k in range(n)])
    out = [list(row) for row in rows]
    for group in groups:
        values = [rows[k][j] for k, j in group]
        mu = sum(values) / len(values)
        var = sum((v - mu) ** 2 for v in values) / len(values)
        sigma = ctx.sqrt(var + eps)
        for (k, j), v in zip(group, values, strict=True):
            out[k][j] = gamma[j] * (v - mu) / sigma + beta[j]
    return out


def batchnorm_forward(layer, rows: list, ctx) -> list:
    return _normalise(layer, rows, ctx, over_batch=True)


def layernorm_forward(layer, rows: list, ctx) -> list:
    return _normalise(layer, rows, ctx, over_batch=False)


def dropout_forward(layer, rows: list, ctx) -> list:
    """h_j = m_j x_j / (1 - p) (inverted dropout, training mode; the mask is data)."""
    keep, mask = ctx.number(1 - layer.settings_dict["p"]), ctx.mask(layer)
    return [[x * m / keep for x, m in zip(row, mrow, strict=True)] for row, mrow in zip(rows, mask, strict=True)]


def residual_forward(layer, rows: list, ctx) -> list:
    """z = h + F(h), or P h + F(h) when the body F changes the width."""
    body = ctx.layers(layer.body, rows)
    skip = rows if layer.units == layer.n_in else _affine(ctx.matrix(layer, "P", layer.units, layer.n_in), rows,
                                                          layer.units, layer.n_in)
    return [[s + f for s, f in zip(srow, frow, strict=True)] for srow, frow in zip(skip, body, strict=True)]


@dataclass(frozen=True)
class LayerKind:
    """One kind of layer.

    ``settings`` are the numeric keys of the spec with their defaults and ranges (``(default, low, high,
    low_excluded)``; the high bound is always excluded); ``params`` the learned parameters in forward order (keys ``<param><layer>``);
    ``running`` the statistics kept for inference (not parameters); ``same_width``: the layer keeps its input's
    width, so it takes no ``units``; ``activation``: an optional activation follows the layer.
    """

    name: str
    description: str
    settings: dict[str, tuple[float, float, float, bool]] = field(default_factory=dict)
    params: tuple[str, ...] = ()
    running: tuple[str, ...] = ()
    same_width: bool = False
    activation: bool = True
    body: bool = False  # residual: h + body(h)
    mask: bool = False  # dropout: a random mask per training step
    #: the forward definition (see above): (layer, rows, ctx) -> rows, before the activation
    forward: Callable[[Any, list, Any], list] | None = None
    #: parameters the regularizer penalises (weights); ``bias``: penalised only with ``penalize_bias``
    weights: tuple[str, ...] = ()
    bias: tuple[str, ...] = ()


KINDS: dict[str, LayerKind] = {
    k.name: k
    for k in [
        LayerKind("dense", "z = W h + b, then the activation", params=("W", "b"), forward=dense_forward, weights=("W",),
                  bias=("b",)),
        LayerKind(
            "batchnorm",
            "batch statistics per feature in training (biased variance, eps inside the root), running statistics "
            "for inference; y = gamma * xhat + beta, then an optional activation",
            settings={"eps": (1e-5, 0.0, 1.0, True), "momentum": (0.1, 0.0, 1.0, False)},
            params=("gamma", "beta"),
            running=("running_mean", "running_var"),
            same_width=True,
            forward=batchnorm_forward,
        ),
        LayerKind(
            "layernorm",
            "statistics over the features of each sample; y = gamma * xhat + beta, then an optional activation",
            settings={"eps": (1e-5, 0.0, 1.0, True)},
            params=("gamma", "beta"),
            same_width=True,
            forward=layernorm_forward,
        ),
        LayerKind(
            "dropout",
            "inverted dropout: a 0/1 mask per training step, kept units scaled by 1/(1 - p); off at inference",
            settings={"p": (0.5, 0.0, 1.0, False)},
            same_width=True,
            activation=False,
            mask=True,
            forward=dropout_forward,
        ),
        LayerKind(
            "residual",
            "h + body(h) (a projection P h when the body changes the width), then an optional activation",
            params=("P",),
            body=True,
            forward=residual_forward,
            weights=("P",),
        ),
    ]
}

#: spec keys every kind understands
COMMON_KEYS = ("kind",)


def keys_of(kind: LayerKind) -> tuple[str, ...]:
    """The spec keys a layer of ``kind`` accepts (besides an activation's own parameters)."""
    keys = [*COMMON_KEYS, *kind.settings]
    if not kind.same_width and not kind.body:
        keys.append("units")
    if kind.activation:
        keys.append("activation")
    if kind.bias:
        keys.append("bias")  # bias = false: a layer without its bias
    if kind.body:
        keys.append("body")
    return tuple(keys)


def params_of(layer) -> tuple[str, ...]:
    """The learned parameters of ``layer`` in forward order: its kind's, without the bias when the spec says
    ``bias = false``."""
    kind = KINDS[layer.kind]
    return tuple(p for p in kind.params if layer.bias or p not in kind.bias)


def owner_of(key: str) -> list[str]:
    """The kinds whose spec accepts ``key`` (for "'p' belongs to dropout" messages)."""
    return [name for name, kind in KINDS.items() if key in keys_of(kind)]


def key(param: str, path: str) -> str:
    """The code key of a parameter or array of the layer at ``path``: ('gamma', '2') -> 'gamma2'."""
    return f"{param}{path}"


__all__ = ["COMMON_KEYS", "KINDS", "LayerKind", "key", "keys_of", "owner_of", "params_of"]
