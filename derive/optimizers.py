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
    "rho": sp.Symbol("rho", positive=True),
    "weight_decay": sp.Symbol("lambda_wd", positive=True),
}
#: kept between steps: momentum's velocity v, RMSprop's (and Adadelta's) mean square S, Adam's moments m and v, AdaGrad's
#: sum G, AdaMax's infinity norm u, Adadelta's mean square of the steps D, AMSGrad's running maximum vmax of v
STATE = {name: sp.Symbol(name, real=True) for name in ("v", "S", "m", "G", "u", "D", "vmax")}
#: computed within a step: Adam's bias-corrected moments, Adadelta's step Delta
TEMP = {name: sp.Symbol(name, real=True) for name in ("mhat", "vhat", "Delta")}
STATE_NAMES = (*STATE, *TEMP)
#: the states and temporaries as one regex alternative: a quantity key is "<name>_<W|b><layer>" (S_W2, mhat_b1)
STATE_PATTERN = "|".join(STATE_NAMES)


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


def _nesterov(options):
    v, mu, lr = STATE["v"], HYPER["momentum"], HYPER["learning_rate"]
    if options["variant"] == "classic":  # v <- mu v + g; theta <- theta - alpha (g + mu v)  (as PyTorch, nesterov=True)
        return (Update("v", mu * v + GRAD, "state"), Update("theta", THETA - lr * (GRAD + mu * v), "param"))
    # "velocity": v <- mu v - alpha g; theta <- theta + mu v - alpha g  (Bengio et al. 2013, as Keras)
    return (Update("v", mu * v - lr * GRAD, "state"), Update("theta", THETA + mu * v - lr * GRAD, "param"))


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


def _amsgrad(options):
    """Reddi, Kale & Kumar's AMSGrad: Adam whose second moment never decreases, vmax <- max(vmax, v). "corrected" (PyTorch's
    Adam(amsgrad=True), Keras's amsgrad=True): Adam's step with vhat = vmax / (1 - beta2^t); "uncorrected" (the paper's
    algorithm 2 at a constant rate, Ruder's overview): theta <- theta - alpha m / (sqrt(vmax) + eps)."""
    first, second, mhat, vhat, step = _adam(options)
    vmax = STATE["vmax"]
    moments = (first, second, Update("vmax", sp.Max(vmax, STATE["v"]), "state"))
    if options["variant"] == "uncorrected":
        return (*moments, Update("theta", THETA - HYPER["learning_rate"] * STATE["m"] / _sqrt_eps(vmax, options), "param"))
    return (*moments, mhat, Update("vhat", vhat.expr.subs(STATE["v"], vmax), "temp"), step)


def _adamw(options):
    """Adam with decoupled weight decay (Loshchilov & Hutter): theta <- theta - alpha (mhat / (sqrt(vhat) + eps) + lambda theta)."""
    *moments, step = _adam(options)
    wd, lr = HYPER["weight_decay"], HYPER["learning_rate"]
    return (*moments, Update("theta", step.expr - lr * wd * THETA, "param"))


def _adamax(options):
    """Kingma & Ba's AdaMax (section 7.1) with a small constant: Adam's first moment and its correction, and u <-
    max(beta2 u, |g| + eps), theta <- theta - alpha mhat / u inside the max as PyTorch; or outside as Keras, u <-
    max(beta2 u, |g|), theta <- theta - alpha mhat / (u + eps)."""
    first, _, mhat, _, _ = _adam(options)
    u, b2, lr, eps = STATE["u"], HYPER["beta2"], HYPER["learning_rate"], HYPER["epsilon"]
    inside = options["epsilon_placement"] == "inside"
    return (
        first,
        Update("u", sp.Max(b2 * u, sp.Abs(GRAD) + eps) if inside else sp.Max(b2 * u, sp.Abs(GRAD)), "state"),
        mhat,
        Update("theta", THETA - lr * TEMP["mhat"] / (u if inside else u + eps), "param"),
    )


def _adadelta(options):
    """Zeiler's Adadelta (algorithm 1) with PyTorch's learning rate (1 by default): the step Delta = -RMS[Delta]/RMS[g] g,
    its size from the mean square of the past steps."""
    S, D, delta, rho, eps = STATE["S"], STATE["D"], TEMP["Delta"], HYPER["rho"], HYPER["epsilon"]
    return (
        Update("S", rho * S + (1 - rho) * GRAD**2, "state"),
        Update("Delta", -sp.sqrt(D + eps) / sp.sqrt(S + eps) * GRAD, "temp"),
        Update("D", rho * D + (1 - rho) * delta**2, "state"),
        Update("theta", THETA + HYPER["learning_rate"] * delta, "param"),
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
        OptimizerDef(
            "nesterov",
            {"learning_rate": 0.01, "momentum": 0.9},
            {"variant": (("classic", "velocity"), "classic")},
            _nesterov,
            "Nesterov momentum: v <- mu v + g, theta <- theta - alpha (g + mu v)",
        ),
        OptimizerDef(
            "adamw",
            {"learning_rate": 0.001, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8, "weight_decay": 0.01},
            _EPS,
            _adamw,
            "Adam with decoupled weight decay, theta <- theta - alpha (mhat / (sqrt(vhat) + eps) + lambda theta)",
        ),
        OptimizerDef(
            "amsgrad",
            {"learning_rate": 0.001, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8},
            {**_EPS, "variant": (("corrected", "uncorrected"), "corrected")},
            _amsgrad,
            "Adam with vmax <- max(vmax, v): theta <- theta - alpha mhat / (sqrt(vmax / (1 - beta2^t)) + eps)",
        ),
        OptimizerDef(
            "adamax",
            {"learning_rate": 0.002, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8},
            {"epsilon_placement": (("inside", "outside"), "inside")},
            _adamax,
            "u <- max(beta2 u, |g| + eps), theta <- theta - alpha mhat / u",
        ),
        OptimizerDef(
            "adadelta",
            {"learning_rate": 1.0, "rho": 0.9, "epsilon": 1e-6},
            {},
            _adadelta,
            "S <- rho S + (1 - rho) g^2, Delta <- -sqrt(D + eps) / sqrt(S + eps) g, D <- rho D + (1 - rho) Delta^2, "
            "theta <- theta + alpha Delta",
        ),
    ]
}
ALIASES = {"gd": "sgd", "gradient_descent": "sgd", "rms_prop": "rmsprop", "heavy_ball": "momentum", "nag": "nesterov",
           "nesterov_momentum": "nesterov", "adam_w": "adamw", "ada_max": "adamax", "ada_delta": "adadelta",
           "ams_grad": "amsgrad"}


def lookup(name: str) -> OptimizerDef | None:
    key = name.strip().lower()
    return OPTIMIZERS.get(ALIASES.get(key, key))
