"""The layer-kind registry: one entry per kind (its spec keys, learned parameters, running state, shapes).

A spec's ``[[layers]]`` table names its kind with ``kind = "dense" | "batchnorm" | "layernorm" | "dropout" |
"residual"`` (default ``"dense"``). Adding a kind is adding an entry here, its forward and backward rules in
``program.py`` (derived in ``normalization.py`` where they need calculus), and its tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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


KINDS: dict[str, LayerKind] = {
    k.name: k
    for k in [
        LayerKind("dense", "z = W h + b, then the activation", params=("W", "b")),
        LayerKind(
            "batchnorm",
            "batch statistics per feature in training (biased variance, eps inside the root), running statistics "
            "for inference; y = gamma * xhat + beta, then an optional activation",
            settings={"eps": (1e-5, 0.0, 1.0, True), "momentum": (0.1, 0.0, 1.0, False)},
            params=("gamma", "beta"),
            running=("running_mean", "running_var"),
            same_width=True,
        ),
        LayerKind(
            "layernorm",
            "statistics over the features of each sample; y = gamma * xhat + beta, then an optional activation",
            settings={"eps": (1e-5, 0.0, 1.0, True)},
            params=("gamma", "beta"),
            same_width=True,
        ),
        LayerKind(
            "dropout",
            "inverted dropout: a 0/1 mask per training step, kept units scaled by 1/(1 - p); off at inference",
            settings={"p": (0.5, 0.0, 1.0, False)},
            same_width=True,
            activation=False,
            mask=True,
        ),
        LayerKind(
            "residual",
            "h + body(h) (a projection P h when the body changes the width), then an optional activation",
            params=("P",),
            body=True,
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
    if kind.body:
        keys.append("body")
    return tuple(keys)


def owner_of(key: str) -> list[str]:
    """The kinds whose spec accepts ``key`` (for "'p' belongs to dropout" messages)."""
    return [name for name, kind in KINDS.items() if key in keys_of(kind)]


def key(param: str, path: str) -> str:
    """The code key of a parameter or array of the layer at ``path``: ('gamma', '2') -> 'gamma2'."""
    return f"{param}{path}"


__all__ = ["COMMON_KEYS", "KINDS", "LayerKind", "key", "keys_of", "owner_of"]
