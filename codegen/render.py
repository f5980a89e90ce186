"""Assemble a standalone NumPy training module from a Derivation: print every expression, fill the template.

Pipeline: ``module_code`` prints each derived expression (``printer.to_code``) into small frozen dataclasses
of strings; ``render_module`` fills ``templates/module.py.j2`` with them and parses the result;
``write_module`` writes it atomically.
"""

from __future__ import annotations

import ast
import textwrap
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
import sympy as sp
from gradproof.derive import names
from gradproof.derive.errors import CodegenError
from gradproof.derive.optimizers import GRAD, HYPER, STATE, STEP, TEMP, THETA
from gradproof.derive.outputs import write_atomic
from gradproof.derive.regularizers import LAMBDA, WEIGHT, N
from gradproof.derive.symbols import YHAT, H, Y, Z, sigmoid
from gradproof.proof import equations

from .printer import helpers_used, stable_rewrite, to_code

TEMPLATE = "module.py.j2"
#: activations whose weights start with He initialisation (std sqrt(2/n_in)); every other uses Glorot
HE_INIT = frozenset({"relu", "leaky_relu", "elu", "swish", "gelu"})
LOGP = sp.Symbol("logp", real=True)  # log yhat, computed stably from the logits
LOG1MP = sp.Symbol("log1mp", real=True)  # log(1 - yhat)


COMMENT_WIDTH = 110


@dataclass(frozen=True)
class Statement:
    """Code lines preceded by a comment (the formula and, when it has one, the proof's equation number)."""

    comment: str
    code: tuple[str, ...]

    @property
    def comment_lines(self) -> tuple[str, ...]:
        return tuple(textwrap.wrap(self.comment, COMMENT_WIDTH, break_long_words=False, break_on_hyphens=False,
                                   subsequent_indent="    "))


@dataclass(frozen=True)
class LayerCode:
    index: int
    W: str
    b: str
    Z: str
    H: str
    prev: str  # X or H<l-1>
    units: int
    n_in: int
    w_shape: str
    init: str  # the init expression of W
    init_comment: str
    forward: tuple[Statement, ...]
    backward: tuple[Statement, ...]  # gradients of this layer, then delta of the layer below


@dataclass(frozen=True)
class Constant:
    name: str
    value: str
    comment: str


@dataclass(frozen=True)
class ModuleCode:
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
    depth: int
    layers: tuple[LayerCode, ...]
    buffers: tuple[tuple[str, int], ...]  # workspace buffer name -> columns
    output_delta: tuple[Statement, ...]
    loss: tuple[Statement, ...]
    regularizer: tuple[Statement, ...]
    classification: bool
    softmax: bool
    hyper: tuple[tuple[str, str], ...]  # argument name -> default constant
    states: tuple[str, ...]
    uses_t: bool
    updates: tuple[Statement, ...]


# -- printing ----------------------------------------------------------------------------------------


def _code(expr, names_=None, values=None, where: str = "") -> str:
    try:
        return to_code(expr, names_, values)
    except Exception as exc:  # noqa: BLE001 -- SymPy printers raise assorted errors; report where
        raise CodegenError(f"cannot print {where or 'an expression'} as NumPy code: {expr} ({exc})") from exc


def _math(expr, names_: dict | None = None, values: dict | None = None) -> str:
    """An expression as the comment above its code line shows it: the formula as written in math (β·S + (1 - β)·g²),
    by the terminal report's text printer; ``names_`` renames symbols; the layer parameters in ``values`` stay
    symbols and their values follow ("..., γ = 0.01")."""
    from gradproof.proof.report import text

    formula = text(expr, {sym: sp.Symbol(name) for sym, name in (names_ or {}).items()})
    used = sorted((sym, v) for sym, v in (values or {}).items() if expr.has(sym))
    return formula + "".join(f", {text(sym)} = {v:g}" for sym, v in used)


def _eq(numbers: dict[str, int], label: str) -> str:
    return f"  (eq. {numbers[label]})" if label in numbers else ""


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


def _hyper_names(net) -> dict:
    return {sym: key for key, sym in HYPER.items() if key in net.hyper_dict}


def _layer_code(d, l: int, nums: dict) -> LayerCode:
    net = d.network
    res = d.layers[l - 1]
    layer = res.layer
    row = net.convention == "row"
    W, b, Zn, Hn = names.weight(l), names.bias(l), f"Z{l}", f"H{l}"
    prev = "X" if l == 1 else f"H{l - 1}"
    values = layer.param_values
    where = f"layer {l} ({layer.activation})"
    forward = [
        Statement(
            f"z{l} = {W}{'' if row else '^T'} h{l - 1} + {b}, every sample (row) at once{_eq(nums, 'forward-z')}",
            (f"{Zn} = np.matmul({prev}, {W}{'.T' if row else ''}, out=ws[\"{Zn}\"])", f"{Zn} += {b}"),
        )
    ]
    if layer.vector:
        forward.append(Statement(f"h{l} = softmax(z{l}), shifted by the row maximum{_eq(nums, 'forward-h')}",
                                 (f"{Hn} = _softmax({Zn}, out=ws[\"{Hn}\"])",)))
    else:
        forward.append(Statement(f"h{l} = {layer.activation}(z{l}){_eq(nums, 'forward-h')}",
                                 (f"{Hn} = {_code(res.phi, {Z: Zn}, values, where)}",)))
    backward = []
    # gradients of this layer: D<l> holds delta<l> of every sample divided by N, so no 1/N below
    dW_formula = f"D{l}^T {prev}" if row else f"{prev}^T D{l}"
    backward.append(Statement(f"dJ/d{W} = {dW_formula} (D{l} = Delta{l} / N){_eq(nums, f'total-dW-{l}')}",
                              (f"np.matmul({'D' + str(l) + '.T, ' + prev if row else prev + '.T, D' + str(l)}, out=grads[\"{W}\"])",)))
    backward.extend(_reg_lines(d, W, nums))
    backward.append(Statement(f"dJ/d{b} = sum of the rows of D{l}{_eq(nums, f'total-db-{l}')}",
                              (f"np.sum(D{l}, axis=0, out=grads[\"{b}\"])",)))
    if net.penalize_bias:
        backward.extend(_reg_lines(d, b, nums))
    if l > 1:
        below = d.layers[l - 2]
        lv = below.layer.param_values
        if below.dphi_h is not None:
            dphi = _code(below.dphi_h, {H: f"H{l - 1}"}, lv, f"layer {l - 1} derivative")
            dphi_text = f"phi'(z{l - 1}) = {_math(below.dphi_h, {H: f'h{l - 1}'}, lv)}"
        else:
            dphi = _code(below.dphi, {Z: f"Z{l - 1}"}, lv, f"layer {l - 1} derivative")
            dphi_text = f"phi'(z{l - 1}) = {_math(below.dphi, {Z: f'z{l - 1}'}, lv)}"
        product = f"D{l} {W}" if row else f"D{l} {W}^T"
        backward.append(Statement(
            f"Delta{l - 1} = ({product}) * phi'(Z{l - 1}), {dphi_text}{_eq(nums, f'total-delta-{l - 1}')}",
            (f"D{l - 1} = np.matmul(D{l}, {W}{'' if row else '.T'}, out=ws[\"D{l - 1}\"])", f"D{l - 1} *= {dphi}"),
        ))
    he = layer.activation in HE_INIT
    fan = f"2 / {layer.n_in}" if he else f"2 / ({layer.n_in} + {layer.units})"
    shape = f"({layer.units}, {layer.n_in})" if row else f"({layer.n_in}, {layer.units})"
    return LayerCode(
        l, W, b, Zn, Hn, prev, layer.units, layer.n_in, shape,
        f"rng.standard_normal({shape}) * np.sqrt({fan})",
        f"layer {l}: {layer.activation}, {'He' if he else 'Glorot'} initialisation",
        tuple(forward), tuple(backward),
    )


def _reg_lines(d, key: str, nums: dict) -> list[Statement]:
    if d.reg_grad is None:
        return []
    coeff, rest = d.reg_grad.as_independent(WEIGHT, as_Add=False)
    scalar = _code(coeff, {LAMBDA: "REG_LAMBDA", N: "n"}, where="the regularizer gradient")
    term = _code(rest, {WEIGHT: key}, where="the regularizer gradient")
    formula = _math(d.reg_grad, {WEIGHT: key})
    return [Statement(f"+ dR/d{key} = {formula}{_eq(nums, 'reg-grad')}", (f"grads[\"{key}\"] += ({scalar}) * {term}",))]


def _output_delta(d, nums: dict) -> tuple[Statement, ...]:
    net, out = d.network, d.output
    L = net.depth
    last = d.layers[-1]
    io = {YHAT: "Y_hat", Y: "Y", Z: f"Z{L}"}
    label = _eq(nums, f"total-delta-{L}")
    if out.delta is not None:
        text = _math(out.delta, {YHAT: "ŷ", Y: "y", Z: f"z{L}"}, last.param_values)
        code = _code(out.delta, io, last.param_values, "the output error")
        first = f"D{L} = np.subtract(Y_hat, Y, out=ws[\"D{L}\"])" if code == "Y_hat - Y" else f"D{L} = {code}"
        lines = (first, f"D{L} /= n")
        return (Statement(f"Delta{L} = {text}, divided by N{label}", lines),)
    g = _code(out.dloss, io, where="the loss derivative")
    return (
        Statement(f"G = dl/dyhat = {_math(out.dloss, {YHAT: 'ŷ'})}", (f"G = {g}",)),
        Statement(f"Delta{L} = yhat * (G - <G, yhat>) (softmax Jacobian product), divided by N{label}",
                  (f"D{L} = Y_hat * (G - np.sum(G * Y_hat, axis=1, keepdims=True))", f"D{L} /= n")),
    )


def _log_output(d, complement: bool) -> str:
    """log(yhat) (or log(1 - yhat)) from the logits when a stable form exists, else from yhat."""
    L = d.network.depth
    last = d.layers[-1]
    if last.layer.vector:
        return f"_log_softmax(Z{L})" if not complement else "np.log1p(-Y_hat)"
    inner = (1 - last.phi) if complement else last.phi
    rewritten = stable_rewrite(sp.log(inner))
    if rewritten.has(sp.log):
        return "np.log1p(-Y_hat)" if complement else "np.log(Y_hat)"
    return _code(rewritten, {Z: f"Z{L}"}, last.layer.param_values, "the log of the output")


def _loss_lines(d, nums: dict) -> tuple[Statement, ...]:
    net = d.network
    comp = net.loss.component.xreplace({sp.log(YHAT): LOGP, sp.log(1 - YHAT): LOG1MP})
    lines = []
    L = net.depth
    if any(f"Z{L}" in text for text in (_log_output(d, False), _log_output(d, True))) and comp.has(LOGP, LOG1MP):
        lines.append(f"Z{L} = cache[\"Z{L}\"]")
    if comp.has(LOGP):
        lines.append(f"logp = {_log_output(d, False)}")
    if comp.has(LOG1MP):
        lines.append(f"log1mp = {_log_output(d, True)}")
    lines.append(f"data = float(np.sum({_code(comp, {YHAT: 'Y_hat', Y: 'Y'}, where='the loss')})) / n")
    component = _math(net.loss.component, {YHAT: "ŷ"})
    return (Statement(f"L = (1/N) sum over samples and outputs of {component}{_eq(nums, 'loss')}", tuple(lines)),)


def _regularizer_lines(d, nums: dict) -> tuple[Statement, ...]:
    if d.reg_penalty is None:
        return ()
    net = d.network
    coeff, rest = d.reg_penalty.as_independent(WEIGHT, as_Add=False)
    scalar = _code(coeff, {LAMBDA: "REG_LAMBDA", N: "n"}, where="the regularizer")
    term = _code(rest, {WEIGHT: "params[key]"}, where="the regularizer")
    keys = [k for k in names.param_keys(net.depth) if k.startswith("W") or net.penalize_bias]
    quoted = ", ".join(f'"{k}"' for k in keys)
    return (Statement(
        f"R = sum over {', '.join(keys)} of {_math(d.reg_penalty)}{_eq(nums, 'regularizer')}",
        (f"reg = ({scalar}) * sum(float(np.sum({term})) for key in ({quoted},))",),
    ),)


def _updates(d, nums: dict) -> tuple[Statement, ...]:
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


def module_code(d, spec_path: str) -> ModuleCode:
    """Every printed piece of the module of ``d``; ``spec_path`` is how the header names the spec."""
    net = d.network
    nums = equations.numbers(net)
    layers = tuple(_layer_code(d, l, nums) for l in range(1, net.depth + 1))
    hyper = net.hyper_dict
    constants = [Constant(key.upper(), repr(float(v)), f"optimizer {net.optimizer.name}") for key, v in hyper.items()]
    for key, choice in net.options:
        constants.append(Constant(key.upper(), f'"{choice}"', "optimizer option (fixed when the module was generated)"))
    if net.regularizer is not None:
        constants.append(Constant("REG_LAMBDA", repr(float(net.reg_lambda)), f"{net.regularizer.name} regularization strength"))
    for key, v in net.training:
        constants.append(Constant(key.upper(), repr(int(v)), "training default"))
    output_delta = _output_delta(d, nums)
    loss = _loss_lines(d, nums)
    reg = _regularizer_lines(d, nums)
    updates = _updates(d, nums)
    text = "\n".join(line for part in (*(s for lc in layers for s in (*lc.forward, *lc.backward)), *output_delta, *loss, *updates)
                     for line in part.code)
    helpers = tuple(helpers_used(text))
    states = tuple(u.target for u in d.updates if u.kind == "state")
    buffers = []
    for lc in layers:
        buffers += [(lc.Z, lc.units), (lc.H, lc.units)] if (lc.index == net.depth and net.output.vector) else [(lc.Z, lc.units)]
        buffers.append((f"D{lc.index}", lc.units))
    sizes = "-".join(map(str, net.sizes))
    acts = ", ".join(layer.activation for layer in net.layers)
    reg_text = "no regularizer" if net.regularizer is None else (
        f"{net.regularizer.name} (lambda = {net.reg_lambda:g}, {'lambda/N' if net.reg_scaling == 'batch' else 'no 1/N'} scaling"
        f"{', biases penalised' if net.penalize_bias else ', biases not penalised'})")
    opts = ", ".join(f"{k} = {v}" for k, v in net.options)
    description = (
        f"Network {sizes} ({acts}), {net.convention} convention: "
        + ("Z = H W^T + b, W is n_out x n_in." if net.convention == "row" else "Z = H W + W0, W is n_in x n_out (W0 is b)."),
        "Samples are rows of X and Y.",
        f"Loss {net.loss.name}, mean over the N samples; {reg_text}.",
        f"Optimizer {net.optimizer.name}{f' ({opts})' if opts else ''}.",
    )
    return ModuleCode(
        name=net.name,
        title=net.title,
        spec_path=spec_path,
        command=f"gradproof codegen {spec_path} --out generated",
        description=description,
        constants=tuple(constants),
        helpers=helpers,
        imports=("math",) if "_erf" in helpers else (),
        inputs=net.inputs,
        outputs=net.output.units,
        depth=net.depth,
        layers=layers,
        buffers=tuple(buffers),
        output_delta=output_delta,
        loss=loss,
        regularizer=reg,
        classification=net.loss.classification,
        softmax=net.output.vector,
        hyper=tuple((key, key.upper()) for key in hyper),
        states=states,
        uses_t=any(STEP in u.expr.free_symbols for u in d.updates),
        updates=updates,
    )


# -- assembly ----------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The one Jinja2 environment of codegen (templates next to this module)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).with_name("templates")),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters["rstrip"] = lambda text: str(text).rstrip()
    return env


def _spec_label(spec_path: str) -> str:
    """The spec path as the header shows it: relative to the project root (cwd-independent), POSIX slashes.

    The root is the nearest parent holding ``pyproject.toml``; a spec outside any project keeps the path as given.
    """
    p = Path(spec_path).resolve()
    for parent in p.parents:
        if (parent / "pyproject.toml").is_file():
            return p.relative_to(parent).as_posix()
    return Path(spec_path).as_posix()


def render_module(d, spec_path: str) -> str:
    """The source of the generated module for ``d`` (parsed before it is returned).

    Raises:
        CodegenError: an expression could not be printed, or the rendered module is not valid Python
            (the message names the template, the layer and the line).
    """
    template = TEMPLATE
    try:
        if d.program is not None:  # layer kinds: the batch program's module (codegen/layered.py)
            from .layered import render_layered

            template, text = render_layered(d, _spec_label(spec_path))
        else:
            text = environment().get_template(TEMPLATE).render(m=module_code(d, _spec_label(spec_path)))
    except jinja2.TemplateError as exc:
        raise CodegenError(f"template {template}: {exc}") from exc
    text = text.replace("\r\n", "\n").rstrip("\n") + "\n"
    name = d.network.name
    try:
        compile(ast.parse(text, filename=f"{name}.py"), f"{name}.py", "exec")
    except SyntaxError as exc:
        line = text.splitlines()[exc.lineno - 1] if exc.lineno and exc.lineno <= len(text.splitlines()) else ""
        layer = _layer_of_line(text, exc.lineno or 0)
        raise CodegenError(f"template {template}: the module rendered for {name} is not valid Python at line {exc.lineno}"
                           f"{f' ({layer})' if layer else ''}: {exc.msg}: {line.strip()!r}") from exc
    return text


def _layer_of_line(text: str, lineno: int) -> str:
    """The nearest 'layer l' comment at or above ``lineno``, to say where a rendering error is."""
    for line in reversed(text.splitlines()[:lineno]):
        s = line.strip()
        for token in ("# z", "# layer ", "# Delta", "# dJ/dW", "# dJ/db"):
            if s.startswith(token):
                digits = "".join(ch for ch in s[len(token):len(token) + 4] if ch.isdigit())
                if digits:
                    return f"layer {digits}"
    return ""


def write_module(d, out_dir: Path, spec_path: str) -> Path:
    """Render and write ``out_dir/<name>.py`` atomically (temporary file, then ``os.replace``); returns the path."""
    text = render_module(d, spec_path)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{d.network.name}.py"
    write_atomic(path, text)
    return path


__all__ = ["CodegenError", "ModuleCode", "module_code", "render_module", "sigmoid", "write_module"]
