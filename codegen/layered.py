"""The pieces of the module of a network with layer kinds: the batch program's source plus the helpers it calls.

``layered_code(d)`` prints the activations (and their derived derivatives), the output error, the initial values and
the regularizer's gradient into a ``render.ModuleCode``; the forward and backward passes are
``derive.program.program_source`` -- the very text the evaluator runs in the checks. Everything else (checks, public
API, the fused optimizer, training, saving) comes from ``render.shared_fields`` and the one template,
``templates/module.py.j2``, exactly as for a dense stack.
"""

from __future__ import annotations

from gradproof.derive.program import equation_numbers, program_source
from gradproof.derive.regularizers import LAMBDA, WEIGHT, N
from gradproof.derive.symbols import YHAT, H, Y, Z

from .render import Helper, ModuleCode, ParamCode, Statement, _code, _math, activation_code, describe, shared_fields


def _init(p) -> tuple[str, str]:
    shape = "(" + ", ".join(map(str, p.shape)) + ("," if len(p.shape) == 1 else "") + ")"
    if p.init == "zeros":
        return f"np.zeros({shape}, dtype=dtype)", "zeros"
    if p.init == "ones":
        return f"np.ones({shape}, dtype=dtype)", "ones"
    n_in, n_out = p.fan
    fan = f"2 / {n_in}" if p.init == "he" else f"2 / ({n_in} + {n_out})"
    return f"(rng.standard_normal({shape}) * np.sqrt({fan})).astype(dtype)", "He" if p.init == "he" else "Glorot"


def _fresh(names_: list[str]) -> tuple[str, ...]:
    """``H, T1 = np.empty_like(Z), np.empty_like(Z)``: a helper's own buffers (its result is a fresh array)."""
    return (f"{', '.join(names_)} = {', '.join('np.empty_like(Z)' for _ in names_)}",) if names_ else ()


def _activation_helpers(d) -> tuple[Helper, ...]:
    """``_phi_<name>(Z)`` and ``_dphi_<name>(Z, H)`` of every activation the program calls: the dense stack's fused,
    mask-free lines (``render.activation_code``) into buffers of their own, each returning a fresh array in Z's dtype
    (the values φ and φ' share are computed by each: the program passes only Z and H)."""
    results = {r.layer.name: r for r in d.layers}
    out = []
    for act in d.program.activations:
        r = results[act.layer.name]
        values = r.param_values
        code = activation_code(r, ("Z", "H", None, "C", "T"), _fresh, share=False)
        forward = code.forward
        if not forward[-1].startswith("H = "):  # h computed into its buffer
            forward = (*forward, "return H")
        else:  # an operand or a printed expression: as before, in Z's dtype
            forward = (*forward[:-1], f"return np.asarray({forward[-1][len('H = '):]}, dtype=Z.dtype)")
        out.append(Helper(f"_phi_{act.name}", "Z", "", f"{act.layer.activation}(z)", forward))
        if r.dphi_h is not None:
            doc = f"phi'(z) = {_math(r.dphi_h, {H: 'h'}, values)}"
        else:
            doc = f"phi'(z) = {_math(r.dphi, {Z: 'z'}, values)}"
        out.append(Helper(f"_dphi_{act.name}", "Z, H", "", doc, code.backward))
    return tuple(out)


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
    printed = [source, *(line for h in activations for line in h.body), *(line for s in output_error for line in s.code)]
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
