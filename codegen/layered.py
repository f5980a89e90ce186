"""The pieces of the module of a network with layer kinds: the batch program's source plus the helpers it calls.

``layered_code(d)`` prints the activations (and their derived derivatives), the output error, the initial values and
the regularizer's gradient into a ``render.ModuleCode``; the forward and backward passes are
``derive.program.program_source`` -- the very text the evaluator runs in the checks. Everything else (checks, public
API, the fused optimizer, training, saving) comes from ``render.shared_fields`` and the one template,
``templates/module.py.j2``, exactly as for a dense stack.
"""

from __future__ import annotations

import sympy as sp
from gradproof.derive.program import equation_numbers, program_source
from gradproof.derive.regularizers import LAMBDA, WEIGHT, N
from gradproof.derive.symbols import YHAT, H, Y, Z

from .render import Helper, ModuleCode, ParamCode, Statement, _code, _math, _piecewise_constant, describe, shared_fields


def _init(p) -> tuple[str, str]:
    shape = "(" + ", ".join(map(str, p.shape)) + ("," if len(p.shape) == 1 else "") + ")"
    if p.init == "zeros":
        return f"np.zeros({shape}, dtype=dtype)", "zeros"
    if p.init == "ones":
        return f"np.ones({shape}, dtype=dtype)", "ones"
    n_in, n_out = p.fan
    fan = f"2 / {n_in}" if p.init == "he" else f"2 / ({n_in} + {n_out})"
    return f"(rng.standard_normal({shape}) * np.sqrt({fan})).astype(dtype)", "He" if p.init == "he" else "Glorot"


def _activation_helpers(d) -> tuple[Helper, ...]:
    results = {r.layer.name: r for r in d.layers}
    out = []
    for act in d.program.activations:
        r = results[act.layer.name]
        values = r.param_values
        where = f"layer {act.layer.name} ({act.layer.activation})"
        out.append(Helper(f"_phi_{act.name}", "Z", _code(r.phi, {Z: "Z"}, values, where), f"{act.layer.activation}(z)"))
        if r.dphi_h is not None:
            code, doc = _code(r.dphi_h, {H: "H"}, values, where), f"phi'(z) = {_math(r.dphi_h, {H: 'h'}, values)}"
        else:
            code, doc = _code(r.dphi, {Z: "Z"}, values, where), f"phi'(z) = {_math(r.dphi, {Z: 'z'}, values)}"
        out.append(Helper(f"_dphi_{act.name}", "Z, H", code, doc, _step_body(r.dphi, values, where)))
    return tuple(out)


def _step_body(dphi, values: dict, where: str) -> tuple[str, ...]:
    """The ReLU family's φ' (1 where a condition on z holds, a constant c elsewhere) in Z's dtype without a float64
    round trip: the condition's mask as Z's dtype, raised to c by np.maximum when 0 < c <= 1 (no masked call: those
    cost ~10 ns an element), else c everywhere and 1 copied where it holds."""
    piece = _piecewise_constant(dphi, values)
    if piece is None:
        return ()
    otherwise, c = piece
    holds = _code(sp.Not(otherwise), {Z: "Z"}, values, where)
    if c == 0:
        return (f"return ({holds}).astype(Z.dtype)",)
    if 0 < c <= 1:
        return (f"dphi = ({holds}).astype(Z.dtype)", f"np.maximum(dphi, {c!r}, out=dphi)", "return dphi")
    return (f"dphi = np.full_like(Z, {c!r})", f"np.copyto(dphi, 1.0, where={holds})", "return dphi")


def _output_error(d) -> tuple[Statement, ...]:
    out, last = d.output, d.layers[-1]
    io = {YHAT: "Y_hat", Y: "Y", Z: "Z"}
    if out.delta is not None:
        text = _math(out.delta, {YHAT: "ŷ", Y: "y", Z: "z"}, last.param_values)
        return (Statement(f"delta = {text}", (f"return {_code(out.delta, io, last.param_values, 'the output error')}",)),)
    g = _code(out.dloss, io, where="the loss derivative")
    return (Statement(f"G = dl/dyhat = {_math(out.dloss, {YHAT: 'ŷ'})}", (f"G = {g}",)),
            Statement("delta = yhat * (G - <G, yhat>) (the softmax Jacobian product)",
                      ("return Y_hat * (G - np.sum(G * Y_hat, axis=1, keepdims=True))",)))


def _reg_grad(d, penalised: tuple[str, ...]) -> tuple[Statement, ...]:
    """``grads[key] += (λ/n)·w`` for every penalised key, after the program's data-term gradients."""
    if d.reg_grad is None or not penalised:
        return ()
    coeff, rest = d.reg_grad.as_independent(WEIGHT, as_Add=False)
    scalar = _code(coeff, {LAMBDA: "REG_LAMBDA", N: "n"}, where="the regularizer gradient")
    term = _code(rest, {WEIGHT: "params[key]"}, where="the regularizer gradient")
    return (Statement(f"+ dR/dw = {_math(d.reg_grad)} for {', '.join(penalised)} (not gamma, beta)",
                      ("for key in PENALISED:", f"    grads[key] += ({scalar}) * {term}")),)


def layered_code(d, spec_path: str, out_dir: str = "generated") -> ModuleCode:
    """Every printed piece of the module of ``d`` (a derivation with a batch program)."""
    net, program = d.network, d.program
    params, init_lines = [], []
    for p in program.params:
        init, how = _init(p)
        params.append(ParamCode(p.key, tuple(p.shape), init, f"{p.kind}, {how}"))
        init_lines.append(f'params["{p.key}"] = {init}  # {p.kind}, {how}')
    penalised = program.penalised_keys
    activations = _activation_helpers(d)
    output_error = _output_error(d)
    source = program_source(program)
    printed = [source, *(h.code for h in activations), *(line for s in output_error for line in s.code)]
    kinds = "Layers: " + ", ".join(f"{layer.kind}" + (" (no bias)" if layer.kind == "dense" and not layer.bias else "")
                                   + (f" + {layer.activation}" if layer.activation != "identity" else "")
                                   for layer in net.layers)
    description = describe(net, kinds)
    if net.has_kinds:
        description = (*description[:2],
                       "Training mode (loss, gradients, train) uses batch statistics and dropout masks; inference",
                       "(forward(..., train=False), predict) the running statistics and no dropout. gamma, beta are never "
                       "penalised.", *description[2:])
    return ModuleCode(
        **shared_fields(d, equation_numbers(program), spec_path, out_dir, description, params, penalised, program.logits,
                        program.output, printed),
        depth=net.depth,
        layers=(),
        backward_reads=(),
        output_delta=(),
        program=source,
        activations=activations,
        output_error=output_error,
        init_lines=tuple(init_lines),
        running=tuple((k, w, repr(v)) for k, w, v in program.running),
        dropout=tuple((m.key, m.p) for m in program.masks),
        reg_grad=_reg_grad(d, penalised),
    )


__all__ = ["layered_code"]
