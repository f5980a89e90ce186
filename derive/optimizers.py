"""The optimizer registry: each update rule is a list of SymPy assignments applied elementwise, in order.

Symbols: ``theta`` the parameter, ``g`` its gradient dJ/dtheta, ``t`` the step count (1 on the first
step), the hyper-parameters, and the state variables (all zero before the first step).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import sympy as sp

THETA = sp.Symbol("theta", real=True)
GRAD = sp.Symbol("g", real=True)
STEP = sp.Symbol("t", positive=True, integer=True)

#: spec key -> symbol; LaTeX names are in ``names.SYMBOL_LATEX``
HYPER = {
    "learning_rate": sp.Symbol("alpha_lr", positive=True),
    "momentum": sp.Symbol("mu", positive=True),
    "beta": sp.Symbol("beta", positive=True),
    "beta1": sp.Symbol("beta_1", positive=True),
    "beta2": sp.Symbol("beta_2", positive=True),
    "epsilon": sp.Symbol("epsilon", positive=True),
}
STATE = {name: sp.Symbol(name, real=True) for name in ("v", "S", "m", "G")}
TEMP = {name: sp.Symbol(name, real=True) for name in ("mhat", "vhat")}


@dataclass(frozen=True)
class Update:
    """``target <- expr``; ``kind`` is "state" (kept between steps), "temp" or "param" (theta)."""

    target: str
    expr: sp.Expr
    kind: str


@dataclass(frozen=True)
class OptimizerDef:
    name: str
    defaults: dict[str, float]  # hyper-parameters and their defaults
    options: dict[str, tuple[tuple[str, ...], str]]  # option -> (choices, default)
    build: Callable[[dict[str, str]], tuple[Update, ...]]
    description: str


def _sqrt_eps(x, options):
    """sqrt(x + eps) (epsilon inside the root) or sqrt(x) + eps (outside)."""
    eps = HYPER["epsilon"]
    return sp.sqrt(x + eps) if options["epsilon_placement"] == "inside" else sp.sqrt(x) + eps


def _sgd(options):
    return (Update("theta", THETA - HYPER["learning_rate"] * GRAD, "param"),)


def _momentum(options):
    v, mu, lr = STATE["v"], HYPER["momentum"], HYPER["learning_rate"]
    if options["variant"] == "classic":  # v <- mu v + g; theta <- theta - alpha v  (as PyTorch)
        return (Update("v", mu * v + GRAD, "state"), Update("theta", THETA - lr * v, "param"))
    if options["variant"] == "ema":  # v <- mu v + (1 - mu) g; theta <- theta - alpha v  (Ng's course)
        return (Update("v", mu * v + (1 - mu) * GRAD, "state"), Update("theta", THETA - lr * v, "param"))
    # "velocity": v <- mu v - alpha g; theta <- theta + v  (Sutskever et al.)
    return (Update("v", mu * v - lr * GRAD, "state"), Update("theta", THETA + v, "param"))


def _rmsprop(options):
    S, beta, lr = STATE["S"], HYPER["beta"], HYPER["learning_rate"]
    return (
        Update("S", beta * S + (1 - beta) * GRAD**2, "state"),
        Update("theta", THETA - lr * GRAD / _sqrt_eps(S, options), "param"),
    )


def _adam(options):
    m, v, b1, b2, lr = STATE["m"], STATE["v"], HYPER["beta1"], HYPER["beta2"], HYPER["learning_rate"]
    return (
        Update("m", b1 * m + (1 - b1) * GRAD, "state"),
        Update("v", b2 * v + (1 - b2) * GRAD**2, "state"),
        Update("mhat", m / (1 - b1**STEP), "temp"),
        Update("vhat", v / (1 - b2**STEP), "temp"),
        Update("theta", THETA - lr * TEMP["mhat"] / _sqrt_eps(TEMP["vhat"], options), "param"),
    )


def _adagrad(options):
    G, lr = STATE["G"], HYPER["learning_rate"]
    return (
        Update("G", G + GRAD**2, "state"),
        Update("theta", THETA - lr * GRAD / _sqrt_eps(G, options), "param"),
    )


_EPS = {"epsilon_placement": (("inside", "outside"), "outside")}
OPTIMIZERS: dict[str, OptimizerDef] = {
    e.name: e
    for e in [
        OptimizerDef("sgd", {"learning_rate": 0.01}, {}, _sgd, "theta <- theta - alpha g"),
        OptimizerDef(
            "momentum",
            {"learning_rate": 0.01, "momentum": 0.9},
            {"variant": (("classic", "ema", "velocity"), "classic")},
            _momentum,
            "heavy ball: v <- mu v + g, theta <- theta - alpha v",
        ),
        OptimizerDef(
            "rmsprop",
            {"learning_rate": 0.001, "beta": 0.9, "epsilon": 1e-6},
            {"epsilon_placement": (("inside", "outside"), "inside")},
            _rmsprop,
            "S <- beta S + (1 - beta) g^2, theta <- theta - alpha g / sqrt(S + eps)",
        ),
        OptimizerDef(
            "adam",
            {"learning_rate": 0.001, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8},
            _EPS,
            _adam,
            "bias-corrected moments, theta <- theta - alpha mhat / (sqrt(vhat) + eps)",
        ),
        OptimizerDef(
            "adagrad",
            {"learning_rate": 0.01, "epsilon": 1e-10},
            _EPS,
            _adagrad,
            "G <- G + g^2, theta <- theta - alpha g / (sqrt(G) + eps)",
        ),
    ]
}
ALIASES = {"gd": "sgd", "gradient_descent": "sgd", "rms_prop": "rmsprop", "heavy_ball": "momentum"}


def lookup(name: str) -> OptimizerDef | None:
    key = name.strip().lower()
    return OPTIMIZERS.get(ALIASES.get(key, key))
