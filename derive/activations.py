"""The activation registry: each entry is a SymPy *definition*; derivatives are derived, never typed here."""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from .symbols import X, sigmoid

GAMMA = sp.Symbol("gamma", positive=True)
ALPHA = sp.Symbol("alpha", positive=True)


@dataclass(frozen=True)
class ActivationDef:
    """One registry entry.

    ``definition`` is phi(x) in the symbol ``X`` and the parameter symbols of ``params``
    (``None`` for softmax, which is defined on the whole vector in ``derivation.py``).
    """

    name: str
    definition: sp.Expr | None
    latex: str
    params: dict[str, float] = field(default_factory=dict)
    symbols: dict[str, sp.Symbol] = field(default_factory=dict)
    probabilities: bool = False  # outputs lie in (0, 1): usable with the (binary) cross-entropy
    vector: bool = False  # defined on the whole vector (softmax), not elementwise
    description: str = ""


def _entry(name, definition, latex, description, params=None, **kw) -> ActivationDef:
    params = params or {}
    symbols = {p: {"gamma": GAMMA, "alpha": ALPHA}[p] for p in params}
    return ActivationDef(name, definition, latex, params, symbols, description=description, **kw)


ACTIVATIONS: dict[str, ActivationDef] = {
    e.name: e
    for e in [
        _entry("identity", X, r"\operatorname{id}", "phi(x) = x"),
        _entry("sigmoid", sigmoid(X), r"\sigma", "phi(x) = 1/(1 + e^-x)", probabilities=True),
        _entry("tanh", sp.tanh(X), r"\tanh", "phi(x) = tanh x"),
        _entry("relu", sp.Piecewise((X, X > 0), (0, True)), r"\operatorname{ReLU}", "phi(x) = max(0, x)"),
        _entry(
            "leaky_relu",
            sp.Piecewise((X, X > 0), (GAMMA * X, True)),
            r"\operatorname{LReLU}",
            "phi(x) = x for x > 0, gamma*x otherwise",
            params={"gamma": 0.01},
        ),
        _entry(
            "elu",
            sp.Piecewise((X, X > 0), (ALPHA * (sp.exp(X) - 1), True)),
            r"\operatorname{ELU}",
            "phi(x) = x for x > 0, alpha*(e^x - 1) otherwise",
            params={"alpha": 1.0},
        ),
        _entry("softplus", sp.log(1 + sp.exp(X)), r"\operatorname{softplus}", "phi(x) = log(1 + e^x)"),
        _entry("swish", X * sigmoid(X), r"\operatorname{swish}", "phi(x) = x*sigmoid(x), also called silu"),
        _entry(
            "gelu",
            X / 2 * (1 + sp.erf(X / sp.sqrt(2))),
            r"\operatorname{GELU}",
            "phi(x) = x*Phi(x) = x/2*(1 + erf(x/sqrt 2)), the exact form",
        ),
        _entry("softsign", X / (1 + sp.Abs(X)), r"\operatorname{softsign}", "phi(x) = x/(1 + |x|)"),
        _entry(
            "softmax",
            None,
            r"\operatorname{softmax}",
            "phi(z)_i = e^{z_i} / sum_k e^{z_k}, on the whole vector",
            probabilities=True,
            vector=True,
        ),
    ]
}
#: other names courses use for the same functions
ALIASES = {"silu": "swish", "linear": "identity", "logistic": "sigmoid", "lrelu": "leaky_relu", "none": "identity"}


def lookup(name: str) -> ActivationDef | None:
    """The registry entry for ``name`` or one of its aliases (case-insensitive), else ``None``."""
    key = name.strip().lower()
    return ACTIVATIONS.get(ALIASES.get(key, key))
