"""The expected expression of each quantity in course LaTeX, built from the Derivation and derive.names.

These strings are what a wrong claim is shown next to; a test feeds every one of them back through verify
and expects ``correct`` (a round trip of the rendering).
"""

from __future__ import annotations

import sympy as sp
from gradproof.derive import names
from gradproof.derive.optimizers import GRAD, HYPER, STATE, STEP, TEMP, THETA
from gradproof.derive.regularizers import LAMBDA, WEIGHT, N
from gradproof.derive.symbols import YHAT, H, Y, Z
from gradproof.proof.latex import latex

from .tree import is_bias, quantity_tex
from .truth import state_kind


def _v(kind: str, l=None) -> str:
    return names.tex_vec(kind, l)


def _t(tex: str) -> str:
    return names.tex_transpose(tex)


def activation_tex(layer, arg: str, derivative: bool = False) -> str:
    head = layer.latex if layer.formula is None else rf"\operatorname{{{layer.activation}}}"
    return f"{head}{chr(39) if derivative else ''}\\left({arg}\\right)"


def dphi_tex(d, l: int) -> str:
    r = d.layers[l - 1]
    if r.dphi_h is not None:
        return latex(r.dphi_h, {H: _v("h", l)}, vector=True)
    return latex(r.dphi, {Z: _v("z", l)}, vector=True)


def _plus_bias(net, l: int) -> str:
    """`` + b^{(l)}`` (or `` + W_0^{(l)}``), or nothing for a layer whose spec says ``bias = false``."""
    return f" + {names.tex_bias(l, net.convention)}" if net.layers[l - 1].bias else ""


def expected(d, kind: str, l: int | None, batch: int = 1, samples: str = "columns", convention: str | None = None,
             delta_mean: bool = False) -> str | None:
    """LaTeX of ``kind`` (layer ``l``) for one sample, written as a column (``W x + b``) or, with ``samples="rows"``,
    as a row (``x W^T + b``); ``None`` when there is no closed form to show. ``convention``: how the answer's W lies
    (the spec's unless its W is the spec's transpose: Judge.convention); the bias keeps the spec's name. In a batch
    (``batch`` > 1) a parameter's gradient averages over the examples: ``\\frac{1}{N}`` before δ's product and δ
    summed over the examples for the bias (``\\frac{1}{N} \\sum_n \\boldsymbol{\\delta}^{(l)(n)}``), unless the answer's
    δ is already the mean loss's (``delta_mean``, the notation's ``delta_scale = "mean"``)."""
    net, L = d.network, d.network.depth
    convention = convention or net.convention
    if l is not None and not isinstance(l, int):
        return None  # a layer still open (a generic index): no closed form to show
    if l is not None and is_bias(kind) and 1 <= l <= L and not net.layers[l - 1].bias:
        return None  # the spec's layer has no bias (bias = false)
    if net.has_kinds:  # a network with layer kinds: the proof's own line of the batch program
        from .layertruth import expected_tex

        return expected_tex(d, kind, l)
    row = convention == "row"
    if samples == "rows" and kind in ("z", "dh", "dWL") and l is not None:
        prev = r"\mathbf{x}" if l == 1 else _v("h", l - 1)
        W = names.tex_weight(l + 1 if kind == "dh" else l)
        if kind == "z":
            return f"{prev} {_t(W) if row else W}{_plus_bias(net, l)}"
        if kind == "dh":
            return f"{_v('delta', l + 1)} {W if row else _t(W)}" if l < L else expected(d, "dyhat", None)
        mean = "" if batch == 1 or delta_mean else r"\frac{1}{N} "
        return mean + (f"{_t(_v('delta', l))} {prev}" if row else f"{_t(prev)} {_v('delta', l)}")
    prev = r"\mathbf{x}" if l == 1 else _v("h", (l or 1) - 1)
    scale = "" if batch == 1 else r"\frac{1}{N} "
    if kind == "z":
        W = names.tex_weight(l)
        return f"{W if row else _t(W)} {prev}{_plus_bias(net, l)}"
    if kind in ("h", "yhat"):
        l = L if kind == "yhat" else l
        return activation_tex(net.layers[l - 1], _v("z", l))
    if kind == "delta":
        if l == L:
            out = d.output
            subs = {YHAT: r"\hat{\mathbf{y}}", Y: r"\mathbf{y}", Z: _v("z", L)}
            if out.delta is not None:
                return latex(out.delta, subs, vector=True)
            g = latex(out.dloss, subs, vector=True)
            yhat = r"\hat{\mathbf{y}}"
            return rf"{yhat} \odot \left(\left({g}\right) - {_t(yhat)} \left({g}\right)\right)"
        return rf"\left({expected(d, 'dh', l, batch, samples, convention)}\right) \odot \left({dphi_tex(d, l)}\right)"
    if kind == "dh":
        if l == L:
            return expected(d, "dyhat", None)
        W = names.tex_weight(l + 1)
        return f"{_t(W) if row else W} {_v('delta', l + 1)}"
    if kind == "dyhat":
        return scale + latex(d.output.dloss, {YHAT: r"\hat{\mathbf{y}}", Y: r"\mathbf{y}"}, vector=True)
    if kind in ("dWL", "dbL"):
        mean = "" if batch == 1 or delta_mean else r"\frac{1}{N} "
        if kind == "dbL":  # (a batch's δ holds every example: the bias's gradient sums them)
            return _v("delta", l) if batch == 1 else rf"{mean}\sum_n {_v('delta', l)[:-1]}(n)}}"  # δ^{(l)(n)}
        return mean + (f"{_v('delta', l)} {_t(prev)}" if row else f"{prev} {_t(_v('delta', l))}")
    if kind in ("dWR", "dbR"):
        target = names.tex_weight(l) if kind == "dWR" else names.tex_bias(l, net.convention)
        if d.reg_grad is None or (kind == "dbR" and not net.penalize_bias):
            return "0"
        return _reg_tex(d, target, batch)
    if kind in ("dW", "db"):
        data = expected(d, kind + "L", l, batch, samples, convention, delta_mean)
        reg = expected(d, kind + "R", l, batch)
        return data if reg == "0" else f"{data} + {reg}"
    if kind in ("W_next", "b_next"):
        return update_tex(d, "theta", kind[0], l)
    if state_kind(kind) and not state_kind(kind)[2]:
        state, param, _ = state_kind(kind)
        return update_tex(d, state, param, l)
    return None


def update_tex(d, target: str, param: str, l: int) -> str | None:
    """The right side of the optimizer's assignment to ``target`` (theta, S, m, mhat, …) for the parameter
    ``param`` (W or b) of layer ``l``, printed from ``d.updates``: its state symbols become S_{W^{(l)}}, …,
    the gradient ∂J/∂W^{(l)}, the learning rate η (α may be a layer's parameter, as ELU's)."""
    convention = d.network.convention
    param_tex = names.tex_weight(l) if param == "W" else names.tex_bias(l, convention)
    update = next((u for u in d.updates if u.target == target), None)
    if update is None:
        return None
    symbols = {THETA: param_tex, GRAD: quantity_tex("d" + param, l, convention)}
    symbols.update({sym: names.tex_state(name, param_tex) for name, sym in {**STATE, **TEMP}.items()})
    expr = sp.sympify(update.expr).subs(HYPER["learning_rate"], sp.Symbol("eta", positive=True))
    if d.network.regularizer is None:  # AdamW's decay as Loshchilov & Hutter write it, λ (verify reads it so)
        expr = expr.subs(HYPER["weight_decay"], sp.Symbol("lambda", positive=True))
    out = latex(expr, symbols, vector=True)
    return out.replace(latex(STEP), "t") if STEP in expr.free_symbols else out


def _reg_tex(d, target: str, batch: int) -> str:
    expr = d.reg_grad.subs(N, batch)
    return latex(expr, {WEIGHT: target, LAMBDA: r"\lambda"}).replace(r"\operatorname{sign}", r"\operatorname{sign}")


__all__ = ["expected", "sp"]
