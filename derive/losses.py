"""The loss registry: the loss of one output component as a SymPy definition in yhat and y.

The sample loss is the sum over components and the data term of J is the mean over the batch:
L = (1/N) sum_n sum_s loss(yhat_s^(n), y_s^(n)). A loss that is a mean over the K outputs too (``mean_squared_error``,
PyTorch's ``MSELoss`` and Keras' ``mse``) has its 1/K put into the component when a spec names it (``for_outputs``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import sympy as sp

from .symbols import YHAT, Y


@dataclass(frozen=True)
class LossDef:
    name: str
    component: sp.Expr  # loss of one output component, in YHAT and Y
    latex: str  # the sample loss in LaTeX, with \hat{\mathbf{y}} and \mathbf{y}
    needs_probabilities: bool  # yhat must lie in (0, 1)
    classification: bool  # targets are classes (accuracy makes sense)
    description: str
    mean_over_outputs: bool = False  # the component carries 1/K, K the output units (``for_outputs``); latex has "K"


LOSSES: dict[str, LossDef] = {
    e.name: e
    for e in [
        LossDef(
            "cross_entropy",
            -Y * sp.log(YHAT),
            r"-\sum_{s} y_s \log \hat{y}_s",
            True,
            True,
            "categorical cross-entropy -sum_s y_s log yhat_s (targets one-hot or a distribution)",
        ),
        LossDef(
            "binary_cross_entropy",
            -(Y * sp.log(YHAT) + (1 - Y) * sp.log(1 - YHAT)),
            r"-\sum_{s} \bigl[ y_s \log \hat{y}_s + (1 - y_s) \log (1 - \hat{y}_s) \bigr]",
            True,
            True,
            "binary cross-entropy per output unit, targets in [0, 1]",
        ),
        LossDef(
            "squared_error",
            (YHAT - Y) ** 2 / 2,
            r"\tfrac{1}{2} \lVert \hat{\mathbf{y}} - \mathbf{y} \rVert^2",
            False,
            False,
            "half the squared error 1/2 ||yhat - y||^2",
        ),
        LossDef(
            "mean_squared_error",
            (YHAT - Y) ** 2,
            r"\tfrac{1}{K} \lVert \hat{\mathbf{y}} - \mathbf{y} \rVert^2",
            False,
            False,
            "the squared error averaged over the K outputs, (1/K) ||yhat - y||^2 (PyTorch's MSELoss, Keras' mse)",
            True,
        ),
        LossDef(
            "sum_squared_error",
            (YHAT - Y) ** 2,
            r"\lVert \hat{\mathbf{y}} - \mathbf{y} \rVert^2",
            False,
            False,
            "the squared error ||yhat - y||^2 summed over the outputs, without the 1/2",
        ),
    ]
}
ALIASES = {
    "ce": "cross_entropy",
    "categorical_cross_entropy": "cross_entropy",
    "crossentropy": "cross_entropy",
    "bce": "binary_cross_entropy",
    "mse": "mean_squared_error",
    "sse": "sum_squared_error",
    "half_squared_error": "squared_error",
}


def lookup(name: str) -> LossDef | None:
    key = name.strip().lower()
    return LOSSES.get(ALIASES.get(key, key))


def for_outputs(loss: LossDef, outputs: int) -> LossDef:
    """The loss of a network with ``outputs`` output units: a mean over the outputs gets its 1/K as a number."""
    if not loss.mean_over_outputs:
        return loss
    return replace(loss, component=loss.component / outputs,
                   latex=loss.latex.replace(r"\tfrac{1}{K}", rf"\tfrac{{1}}{{{outputs}}}"))
