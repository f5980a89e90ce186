"""The NumPy module of a network with layer kinds: the batch program's source plus the helpers it calls.

``layered_code(d)`` prints the activations (and their derived derivatives), the output error, the loss, the
regularizer and the optimizer into small frozen dataclasses of strings; the forward and backward passes are
``derive.program.program_source`` -- the very text the evaluator runs in the checks. ``render_layered(d, spec)``
fills ``templates/layered_module.py.j2``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp
from gradproof.derive.optimizers import GRAD, HYPER, STATE, STEP, TEMP, THETA
from gradproof.derive.program import equation_numbers, program_source
from gradproof.derive.regularizers import LAMBDA, WEIGHT, N
from gradproof.derive.symbols import YHAT, H, Y, Z

from .printer import helpers_used
from .render import Constant, Statement, _code, _eq, _hyper_names, _loss_lines, _math, module_constants

TEMPLATE = "layered_module.py.j2"


@dataclass(frozen=True)
class Helper:
    """A one-line elementwise helper: ``def name(args): return code``, with its formula as the docstring."""

    name: str
    args: str
    code: str
    doc: str


@dataclass(frozen=True)
class Param:
    key: str
    shape: str
    init: str
    comment: str


@dataclass(frozen=True)
class LayeredCode:
    name: str
    title: str
    spec_path: str
    command: str
    description: tuple[str, ...]
    constants: tuple[Constant, ...]
    helpers: tuple[str, ...]
    imports: tuple[str, ...]
    inputs: int
    outputs: int
    sizes: tuple[int, ...]
    params: tuple[Param, ...]
    penalised: tuple[str, ...]
    running: tuple[tuple[str, int, str], ...]  # key, width, initial value
    dropout: tuple[tuple[str, float], ...]  # mask key, drop probability
    activations: tuple[Helper, ...]
    output_error: tuple[Statement, ...]
    program: str
    logits: str
    loss: tuple[Statement, ...]
    regularizer: tuple[str, str, str]  # (scalar, term in w, formula) or empty
    reg_grad: tuple[str, str, str]
    classification: bool
    softmax: bool
    hyper: tuple[tuple[str, str], ...]
    states: tuple[str, ...]
    uses_t: bool
    updates: tuple[Statement, ...]


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
        out.append(Helper(f"_dphi_{act.name}", "Z, H", code, doc))
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


def _reg(d, expr) -> tuple[str, str, str]:
    if expr is None:
        return ("", "", "")
    coeff, rest = expr.as_independent(WEIGHT, as_Add=False)
    scalar = _code(coeff, {LAMBDA: "REG_LAMBDA", N: "n"}, where="the regularizer")
    return (scalar, _code(rest, {WEIGHT: "w"}, where="the regularizer"), _math(expr))



def _in_place(target: str, expr: sp.Expr, var: sp.Symbol, names_: dict, where: str) -> tuple[str, ...]:
    """``target <- expr`` as in-place NumPy statements: ``t *= c; t += rest`` when expr = c*t + rest."""
    expanded = sp.expand(expr)
    c = expanded.coeff(var)
    rest = sp.simplify(expanded - c * var)
    if var in c.free_symbols or var in rest.free_symbols:
        return (f"{target}[...] = {_code(expr, names_, where=where)}",)
    lines = []
    c = sp.factor(c)
    if c == 0:
        return (f"{target}[...] = {_code(expr, names_, where=where)}",)
    if c != 1:
        lines.append(f"{target} *= {_code(c, names_, where=where)}")
    if rest != 0:
        if rest.as_coeff_Mul()[0] < 0:
            lines.append(f"{target} -= {_code(-rest, names_, where=where)}")
        else:
            lines.append(f"{target} += {_code(rest, names_, where=where)}")
    return tuple(lines)


def _updates(d, nums: dict) -> tuple[Statement, ...]:
    """The optimizer's formulas per parameter (``theta``, its states), as the layered template applies them key by key."""
    net = d.network
    code_names = {THETA: "theta", GRAD: "g", STEP: "t", **_hyper_names(net), **{s: s.name for s in (*STATE.values(), *TEMP.values())}}
    math_names = {THETA: "θ", GRAD: "g", HYPER["learning_rate"]: "α"}
    out = []
    for u in d.updates:
        where = f"the {net.optimizer.name} update of {u.target}"
        target = _math(STATE.get(u.target, TEMP.get(u.target, sp.Symbol("θ"))))
        formula = f"{target} <- {_math(u.expr, math_names)}{_eq(nums, f'update-{u.target}')}"
        if u.kind == "temp":
            out.append(Statement(formula, (f"{u.target} = {_code(u.expr, code_names, where=where)}",)))
        else:
            var = THETA if u.kind == "param" else STATE[u.target]
            out.append(Statement(formula, _in_place(u.target if u.kind == "state" else "theta", u.expr, var, code_names, where)))
    return tuple(out)


def layered_code(d, spec_path: str, out_dir: str = "generated") -> LayeredCode:
    """Every printed piece of the module of ``d`` (a derivation with a batch program)."""
    net, program = d.network, d.program
    hyper = net.hyper_dict
    constants = module_constants(net)
    params = []
    for p in program.params:
        init, how = _init(p)
        params.append(Param(p.key, repr(tuple(p.shape)), init, f"{p.kind}, {how}"))
    penalised = tuple(p.key for p in program.params if p.penalised or (net.penalize_bias and p.key.startswith("b")))
    activations = _activation_helpers(d)
    output_error = _output_error(d)
    # the dense module's loss lines return the data term; here it is kept as ``data`` and the regularizer added
    loss = tuple(Statement(s.comment, tuple(re.sub(r"^return ", "data = ", line.replace(f'cache["Z{net.depth}"]',
                                                                                      f'cache["{program.logits}"]')
                                                   .replace(f"Z{net.depth}", program.logits)) for line in s.code))
                 for s in _loss_lines(d, {}))
    updates = _updates(d, equation_numbers(program))
    source = program_source(program)
    text = "\n".join([source, *(h.code for h in activations), *(line for s in (*output_error, *loss, *updates) for line in s.code)])
    helpers = tuple(helpers_used(text))
    kinds = ", ".join(f"{layer.kind}" + (f" + {layer.activation}" if layer.activation != "identity" else "") for layer in net.layers)
    reg_text = "no regularizer" if net.regularizer is None else (
        f"{net.regularizer.name} on the dense weights{' and biases' if net.penalize_bias else ''} only, not gamma, beta "
        f"(lambda = {net.reg_lambda:g}, {'lambda/N' if net.reg_scaling == 'batch' else 'no 1/N'} scaling)")
    description = (
        f"Layers: {kinds}; {net.convention} convention: "
        + ("Z = H W^T + b, W is n_out x n_in." if net.convention == "row" else "Z = H W + W0, W is n_in x n_out (W0 is b)."),
        "Samples are rows of X and Y. Training mode (loss, gradients, train) uses batch statistics and dropout masks;",
        "inference (forward(..., train=False), predict) uses the running statistics and no dropout.",
        f"Loss {net.loss.name}, mean over the N samples; {reg_text}.",
        f"Optimizer {net.optimizer.name}.",
    )
    return LayeredCode(
        name=net.name, title=net.title, spec_path=spec_path, command=f"gradproof codegen {spec_path} --out {out_dir}",
        description=description, constants=tuple(constants), helpers=helpers,
        imports=("math",) if "_erf" in helpers else (), inputs=net.inputs, outputs=net.output.units, sizes=net.sizes, params=tuple(params),
        penalised=penalised, running=tuple((k, w, repr(v)) for k, w, v in program.running),
        dropout=tuple((m.key, m.p) for m in program.masks), activations=activations, output_error=output_error,
        program=source, logits=program.logits, loss=loss, regularizer=_reg(d, d.reg_penalty), reg_grad=_reg(d, d.reg_grad),
        classification=net.loss.classification, softmax=net.output.vector, hyper=tuple((key, key.upper()) for key in hyper),
        states=tuple(u.target for u in d.updates if u.kind == "state"),
        uses_t=any(STEP in u.expr.free_symbols for u in d.updates), updates=updates,
    )


__all__ = ["LayeredCode", "TEMPLATE", "layered_code"]


def render_layered(d, spec_label: str, out_label: str = "generated") -> tuple[str, str]:
    """(template name, source) of the module of ``d``; ``render.render_module`` parses it and reports errors."""
    from .render import environment

    return TEMPLATE, environment().get_template(TEMPLATE).render(m=layered_code(d, spec_label, out_label))
