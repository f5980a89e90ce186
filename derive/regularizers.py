"""The regularizer registry: the penalty of one weight as a SymPy definition; its gradient is derived."""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

WEIGHT = sp.Symbol("w", real=True)
LAMBDA = sp.Symbol("lambda", nonnegative=True)
N = sp.Symbol("N", positive=True, integer=True)


@dataclass(frozen=True)
class RegularizerDef:
    name: str
    penalty: sp.Expr  # penalty of one weight w, before the lambda scaling
    latex_norm: str  # the norm of one matrix, with {W} to fill in
    description: str


REGULARIZERS: dict[str, RegularizerDef] = {
    e.name: e
    for e in [
        RegularizerDef("l2", WEIGHT**2 / 2, r"\tfrac{1}{2}\lVert {W} \rVert_F^2", "weight decay: lambda/(2N) sum ||W||_F^2"),
        RegularizerDef("l1", sp.Abs(WEIGHT), r"\lVert {W} \rVert_1", "lasso: lambda/N sum ||W||_1"),
    ]
}
#: how lambda is scaled: by the batch size N (the textbook default) or not at all
SCALINGS = {"batch": LAMBDA / N, "none": LAMBDA}


def penalty(reg: RegularizerDef, scaling: str) -> sp.Expr:
    """The scaled penalty of one weight, e.g. lambda/N * w**2/2."""
    return SCALINGS[scaling] * reg.penalty


def lookup(name: str) -> RegularizerDef | None:
    key = name.strip().lower()
    return REGULARIZERS.get({"weight_decay": "l2", "ridge": "l2", "lasso": "l1"}.get(key, key))
