"""derive(network) -> Derivation: every per-layer result derived by SymPy, then checked twice."""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass, field

import numpy as np
import sympy as sp

from . import calculus, indexform, limits, memo
from .errors import DerivationError
from .optimizers import Update
from .regularizers import WEIGHT, penalty
from .spec import Layer, Network
from .symbols import YHAT, H, X, Y, Z

#: phi'(z) and its form in h must agree this closely at every sample point
IDENTITY_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Check:
    """How one result was checked, as data; ``detail`` says the same in words, for output only (nothing parses it).

    ``method`` says how: "symbolic" (proved), "identity" (numeric agreement of two forms), "instantiation" (a small instance
    differentiated by brute force) or "finite-differences". The other fields say what and at which sizes; a field that
    does not apply keeps its default.
    """

    method: str
    passed: bool
    detail: str
    max_error: float | None = None
    #: what was checked, e.g. "recursion", "phi' in h", "network", "batchnorm"
    what: str = ""
    #: the layers (1-based, of the network) this check covers; () when it is not about layers
    window: tuple[int, ...] = ()
    #: the instance's sizes (inputs, then each layer's units)
    sizes: tuple[int, ...] = ()
    batch: int | None = None
    #: random points (instantiation, finite differences) or sample points (identity)
    points: int | None = None
    tolerance: float | None = None
    #: partial derivatives compared
    count: int | None = None
    #: what computed the reference, e.g. "symengine.diff"
    engine: str = ""
    #: the window whose identical small instance was checked instead (this check repeats that one's result)
    same_as: tuple[int, ...] = ()


@dataclass(frozen=True)
class LayerResult:
    """The derived elementwise rules of one layer; matrix structure follows the convention."""

    index: int
    layer: Layer
    phi: sp.Expr | None  # phi(z) in Z; None for softmax
    dphi: sp.Expr | None  # phi'(z) in Z, by sympy.diff
    dphi_h: sp.Expr | None  # phi' written in the layer output H, when possible
    identity_check: Check | None  # the rewrite in h checked numerically

    @property
    def param_values(self) -> dict:
        return self.layer.param_values


@dataclass(frozen=True)
class OutputError:
    """delta^(L) = dl/dz^(L) for one sample.

    ``delta`` is delta_i in YHAT, Y (and Z when phi' cannot be written in h); ``None`` means the
    softmax Jacobian product yhat * (g - <g, yhat>) with g = ``dloss``.
    """

    delta: sp.Expr | None
    dloss: sp.Expr  # dl/dyhat_i in YHAT, Y
    collapsed: bool  # delta = yhat - y
    hypotheses: tuple[str, ...]
    index: indexform.IndexResult | None


@dataclass(frozen=True)
class Derivation:
    network: Network
    layers: tuple[LayerResult, ...]
    output: OutputError
    reg_penalty: sp.Expr | None  # penalty of one weight, in WEIGHT, LAMBDA, N
    reg_grad: sp.Expr | None  # its derivative
    updates: tuple[Update, ...]
    recursion: indexform.IndexResult
    weight_grad: indexform.IndexResult
    bias_grad: indexform.IndexResult
    checks: tuple[Check, ...] = ()  # instantiation checks, one per window
    seconds: float = 0.0
    timings: dict = field(default_factory=dict)
    #: networks with layer kinds: the batch program (forward/backward assignments); None for dense stacks
    program: object = None

    @property
    def all_passed(self) -> bool:
        return all(c.passed for c in self.all_checks())

    def all_checks(self) -> list[Check]:
        """Every check run: the index-form derivations (symbolic), the forms of phi' in h (identity), the instantiation."""
        index = [("recursion", self.recursion), ("weight gradient", self.weight_grad), ("bias gradient", self.bias_grad)]
        if self.output.index is not None:
            index.append(("softmax output error", self.output.index))
        symbolic = [Check("symbolic", r.agrees, f"{what} in index form for generic sizes", what=what) for what, r in index]
        return [*symbolic, *(r.identity_check for r in self.layers if r.identity_check is not None), *self.checks]

    def _repr_latex_(self) -> str:
        from gradproof.proof.report import latex_summary  # the notebook hook: presentation loads only when shown

        return latex_summary(self)


def _params_key(layer: Layer) -> tuple:
    return tuple(sorted(layer.param_values.items(), key=lambda kv: str(kv[0])))


def layer_result(layer: Layer, source: str = "<spec>", seen: dict | None = None) -> LayerResult:
    """phi, phi' and phi' in h for one layer, within ``limits.ACTIVATION_SECONDS``. ``seen`` (one run's dictionary)
    gives a layer whose activation and parameter values an earlier layer had that layer's results: derived and checked
    once per run (a 50-layer net cycling 4 activations derives 4).

    Raises:
        TimeLimitError: SymPy took too long (the message names the file, the layer and the formula).
    """
    if layer.definition is None:
        return LayerResult(layer.index, layer, None, None, None, None)
    same = None if seen is None else seen.get((layer.definition, _params_key(layer)))
    if same is not None:
        return dataclasses.replace(same, index=layer.index, layer=layer)
    what = f"{source}: layer {layer.index}: deriving activation '{layer.activation}'"
    if layer.formula is not None:
        what += f" (formula {layer.formula!r})"
    hint = "use a simpler formula (fewer nested exp/log/powers), or a built-in activation"
    with limits.time_limit(limits.ACTIVATION_SECONDS, what, hint):
        result = _layer_result(layer)
    if seen is not None:
        seen[layer.definition, _params_key(layer)] = result
    return result


def _derivatives(definition: sp.Expr, params_key: tuple) -> tuple[sp.Expr, sp.Expr | None]:
    """phi'(x) by ``calculus.derivative`` and its form in h (or None)."""
    return calculus.derivative(definition), calculus.in_terms_of_output(definition, params_key)


def _pure(name: str, compute, *args):
    """``compute(*args)``: SymPy work whose result depends on its arguments alone, kept between runs (``memo``) when the
    run's budget allows the whole optimisation (``limits.spare()``; a result cut short is neither stored nor taken)."""
    return memo.persistent(name, compute, *args) if limits.spare() else compute(*args)


def _layer_result(layer: Layer) -> LayerResult:
    d, d_h = _pure("activation derivatives", _derivatives, layer.definition, _params_key(layer))
    check = None
    if d_h is not None:
        err = calculus.max_difference(d_h.subs(H, layer.definition), d, X, layer.param_values)
        n = len(calculus.SAMPLE_POINTS)
        check = Check("identity", err < IDENTITY_TOLERANCE, f"phi'(z) and its form in h agree at {n} points on both sides of 0",
                      err, what="phi' in h", points=n, tolerance=IDENTITY_TOLERANCE)
    return LayerResult(layer.index, layer, layer.definition.subs(X, Z), d.subs(X, Z), d_h, check)


def output_error(net: Network, last: LayerResult) -> OutputError:
    out = _pure("output error", _output_error, net.loss.name, net.loss.component, last.layer.vector, last.dphi, last.dphi_h)
    if out.index is not None and not out.index.agrees:
        raise DerivationError(f"{net.source}: the softmax output error did not match its closed form")
    return out


def _output_error(loss_name: str, component: sp.Expr, vector: bool, dphi: sp.Expr | None, dphi_h: sp.Expr | None) -> OutputError:
    g = calculus.tidy(sp.diff(component, YHAT))
    if vector:
        one_hot = loss_name == "cross_entropy"
        result, _ = indexform.softmax_output(component, YHAT, Y, one_hot)
        hyp = ("one-hot (or probability) targets: the components of y sum to 1",) if one_hot else ()
        return OutputError(YHAT - Y if one_hot else None, g, one_hot, hyp, result)
    dphi = dphi_h.subs(H, YHAT) if dphi_h is not None else dphi
    delta = calculus.tidy(g * dphi)
    return OutputError(delta, g, sp.expand(delta - (YHAT - Y)) == 0, (), None)


def _index_forms(convention: str) -> tuple[indexform.IndexResult, ...]:
    return tuple(f(convention) for f in (indexform.hidden_recursion, indexform.weight_gradient, indexform.bias_gradient))


def derive(net: Network, check: bool = True, progress=None) -> Derivation:
    """Derive every gradient of ``net`` and (unless ``check`` is False) check each by instantiation.

    ``progress(stage, seconds)``, when given, is called as each stage finishes (the CLI shows it on a terminal).

    Raises:
        DerivationError: a derived result disagrees with its check, or SymPy could not finish.
    """
    t0 = time.perf_counter()
    timings = {}
    # 1. activations: phi' by sympy.diff, rewritten in h where possible (the kinds' optional activations too)
    seen: dict = {}
    layers = tuple(layer_result(layer, net.source, seen) for layer in net.all_layers)
    timings["activations"] = time.perf_counter() - t0
    if progress is not None:
        progress("activations and their derivatives", timings["activations"])
    # 2. output error from loss o output activation
    last = net.layers[-1]
    with limits.time_limit(limits.ACTIVATION_SECONDS, f"{net.source}: layer {last.index}: deriving the output error of "
                           f"{net.loss.name} with '{last.activation}'", "use a simpler output activation"):
        out = output_error(net, layers[-1])
    # 3. generic recursion and parameter gradients, in index form
    rec, wg, bg = _pure("index forms", _index_forms, net.convention)
    for name, r in (("hidden-layer recursion", rec), ("weight gradient", wg), ("bias gradient", bg)):
        if not r.agrees:
            raise DerivationError(f"{net.source}: the {name} in index form does not match its matrix form")
    # 4. regularizer and optimizer
    reg_pen = reg_grad = None
    if net.regularizer is not None:
        reg_pen = penalty(net.regularizer, net.reg_scaling)
        reg_grad = sp.diff(reg_pen, WEIGHT)
    updates = net.optimizer.build(net.options_dict)
    # 5. layer kinds (or a dense layer without a bias): the batch program (batch and layer norm's backward passes
    #    derived in normalization.py)
    program = None
    if net.needs_program:
        from .program import build_program

        program = build_program(net)
    timings["symbolic"] = time.perf_counter() - t0 - timings["activations"]
    if progress is not None:
        progress("output error, index-form gradients, regularizer and optimizer", timings["symbolic"])
    d = Derivation(net, layers, out, reg_pen, reg_grad, updates, rec, wg, bg, program=program)
    # 6. instantiation: brute-force SymPy differentiation of small instances, window by window; for layer kinds the
    #    normalisations' compact forms and the whole batch program (checks.program_checks)
    checks: tuple[Check, ...] = ()
    if check:
        from .checks import instantiation_checks, program_checks

        t1 = time.perf_counter()
        checks = tuple(program_checks(d) if program is not None else instantiation_checks(d))
        timings["instantiation"] = time.perf_counter() - t1
        if progress is not None:
            progress("instantiation check (brute-force differentiation)", timings["instantiation"])
        failed = [c for c in checks if not c.passed]
        if failed:
            raise DerivationError(f"{net.source}: a derived gradient disagrees with brute-force differentiation: {failed[0].detail}")
    return dataclasses.replace(d, checks=checks, seconds=time.perf_counter() - t0, timings=timings)


__all__ = ["Check", "Derivation", "LayerResult", "OutputError", "derive", "np"]
