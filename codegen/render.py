"""Assemble a standalone NumPy training module from a Derivation: print every expression, fill the template.

Pipeline: ``module_code`` prints each derived expression (``printer.to_code``) into small frozen dataclasses
of strings; ``render_module`` fills ``templates/module.py.j2`` with them and parses the result;
``write_module`` writes it atomically.
"""

from __future__ import annotations

import ast
import math
import re
import shlex
import textwrap
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
import sympy as sp
from gradproof.derive import names
from gradproof.derive.errors import CodegenError
from gradproof.derive.optimizers import GRAD, HYPER, STATE, STEP, TEMP, THETA
from gradproof.derive.outputs import out_folder, write_atomic
from gradproof.derive.regularizers import LAMBDA, WEIGHT, N
from gradproof.derive.symbols import YHAT, H, Y, Z, sigmoid
from gradproof.proof import equations

from .fused import Fused
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
class ParamCode:
    """One learned array of a layer: its key, shape, initial value (code) and the comment above it."""

    key: str
    shape: tuple[int, ...]
    init: str
    comment: str


@dataclass(frozen=True)
class LayerCode:
    """One layer's printed pieces; ``kind`` picks the template ``layer_<kind>.py.j2`` that assembles them."""

    kind: str
    index: int
    params: tuple[ParamCode, ...]
    cache: tuple[str, ...]  # the arrays this layer adds to the forward cache (Z<l>, H<l>), in order
    buffers: tuple[tuple[str, str], ...]  # workspace buffer name -> its shape as code ("(n, 16)": one row per sample)
    forward: tuple[Statement, ...]
    backward: tuple[Statement, ...]  # gradients of this layer, then delta of the layer below
    rows: tuple[tuple[str, int, float], ...] = ()  # workspace rows of one constant: name, length, value (read only)

    @property
    def unpack_params(self) -> str:
        """``W1, b1 = params["W1"], params["b1"]``"""
        return _unpack([p.key for p in self.params], "params")


def _unpack(names, source: str) -> str:
    """``a, b = source["a"], source["b"]`` (empty without names)."""
    if not names:
        return ""
    return f"{', '.join(names)} = {', '.join(f'{source}[{chr(34)}{name}{chr(34)}]' for name in names)}"


def _backward_reads(layers: tuple[LayerCode, ...], output_delta: tuple[Statement, ...]) -> tuple[str, ...]:
    """The first lines of _backward: the cache entries and parameters its statements use, then Y_hat."""
    code = "\n".join(line for st in (*output_delta, *(st for lc in layers for st in lc.backward)) for line in st.code)
    output = layers[-1].cache[-1]
    uses_output = re.search(r"\bY_hat\b", code) is not None
    if uses_output:
        code += f"\n{output}"
    sources = [("cache", ["X"])] + [("cache", list(lc.cache)) for lc in layers] + [("params", [p.key for p in lc.params]) for lc in layers]
    return _reads(code, sources) + ((f"Y_hat = {output}",) if uses_output else ())


def _reads(code: str, sources: list[tuple[str, list[str]]]) -> tuple[str, ...]:
    """The lines that read, from each (source, names), the names ``code`` uses (as names, not as quoted keys)."""
    used_names = set(re.findall(r'(?<![\w"])[A-Za-z_]\w*(?![\w"])', code))  # one pass: linear in the code
    lines = []
    for source, keys in sources:
        used = [k for k in keys if k in used_names]
        if used:
            lines.append(_unpack(used, source))
    return tuple(lines)


@dataclass(frozen=True)
class Constant:
    name: str
    value: str
    comment: str


@dataclass(frozen=True)
class Helper:
    """An elementwise helper: ``def name(args): return code`` (or the lines of ``body`` when given), with its formula as
    the docstring."""

    name: str
    args: str
    code: str
    doc: str
    body: tuple[str, ...] = ()


@dataclass(frozen=True)
class ModuleCode:
    """Every printed piece of a module. A dense stack fills ``layers`` (its passes are printed per layer into
    workspace buffers); a network with layer kinds fills ``program`` (the batch program's source) and the fields
    after it. Everything else -- checks, public API, optimizer, training, saving -- is the same template text."""

    name: str
    doc_title: str  # the spec's title, escaped for a docstring
    doc_spec: str  # the spec path, escaped for a docstring
    doc_command: str  # the command that regenerates the module, escaped for a docstring
    description: tuple[str, ...]
    constants: tuple[Constant, ...]
    helpers: tuple[str, ...]
    sizes: tuple[int, ...]
    offsets: tuple[int, ...]  # where each parameter starts in a flat buffer (PARAM_KEYS order), then the total
    inputs: int
    outputs: int
    depth: int
    layers: tuple[LayerCode, ...]
    output: str  # the cache key of the network's output (H<L>)
    backward_reads: tuple[str, ...]  # _backward's first lines: the cache entries and parameters it uses
    output_delta: tuple[Statement, ...]
    loss: tuple[Statement, ...]
    regularizer: tuple[Statement, ...]
    classification: bool
    softmax: bool  # one class per sample (labels are argmax); else thresholds at 0.5 when classifying
    probability_targets: bool  # the loss reads targets as probabilities (cross-entropy): Y must lie in [0, 1]
    loss_name: str
    hyper: tuple[tuple[str, str], ...]  # argument name -> default constant
    states: tuple[str, ...]
    uses_t: bool
    scratch: tuple[str, ...]  # flat scratch buffers of the optimizer step (T1, ...)
    updates: tuple[Statement, ...]
    theta_scale: str  # "" or the factor theta is multiplied by before the update
    theta_sign: str  # "-" or "+": theta <- theta (sign) theta_delta
    theta_delta: str  # the flat buffer added to or subtracted from the parameters
    params: tuple[ParamCode, ...]  # every learned array in PARAM_KEYS order
    penalised: tuple[str, ...]  # the regularizer's keys
    program: str = ""  # networks with layer kinds: _forward and _backward as derive.program prints them
    activations: tuple[Helper, ...] = ()  # the program's _phi_<name>, _dphi_<name>
    output_error: tuple[Statement, ...] = ()  # the program's _output_error
    init_lines: tuple[str, ...] = ()  # the lines of init_params
    running: tuple[tuple[str, int, str], ...] = ()  # running statistics: key, width, initial value
    dropout: tuple[tuple[str, float], ...] = ()  # dropout masks: key, drop probability
    reg_grad: tuple[Statement, ...] = ()  # the regularizer's gradient added to the program's
    target_loss: bool = False  # softmax + cross-entropy: with one-hot targets L is the mean of -log yhat at the target
    block: int = 0  # > 0: step() runs its update over blocks of this many entries of the flat buffers (the total is larger)
    warm: bool = False  # a Gradients of gradients() carries step()'s scratch T1, where _backward computes the regularizer's terms
    reg_places: tuple[tuple[str, int], ...] = ()  # with warm: each regularizer scratch (R1, ...) and its parameter's index
    first_weights: str = ""  # a dense stack: the weights (code in _forward) that make column 0 of Z1 from a row of X
    logits: str = ""  # a dense stack: the workspace key of the last layer's z (its outputs' key is ``output``)


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


def _hyper_names(net) -> dict:
    return {sym: key for key, sym in HYPER.items() if key in net.hyper_dict}


def _layer_code(d, l: int, nums: dict, warm: bool = False) -> LayerCode:
    """The printed pieces of layer ``l`` (its forward pass, and its gradients followed by the error of layer l - 1);
    ``warm``: the regularizer's terms go into ``R`` (_backward's: a Gradients' scratch, else the workspace)."""
    net = d.network
    total = param_total(net)
    res = d.layers[l - 1]
    layer = res.layer
    row = net.convention == "row"
    W, b, Zn, Hn = names.weight(l), names.bias(l), f"Z{l}", f"H{l}"
    prev = "X" if l == 1 else f"H{l - 1}"
    forward = [
        Statement(
            f"z{l} = {W}{'' if row else '^T'} h{l - 1} + {b}, every sample (row) at once{_eq(nums, 'forward-z')}",
            (f"{Zn} = np.matmul({prev}, {W}{'.T' if row else ''}, out=ws[\"{Zn}\"])", f"{Zn} += {b}"),
        )
    ]
    shared = _shared_values(d, l)
    if layer.vector:
        forward.append(Statement(f"h{l} = softmax(z{l}), shifted by the row maximum{_eq(nums, 'forward-h')}",
                                 (f"{Hn} = _softmax({Zn}, out=ws[\"{Hn}\"])",)))
    else:
        forward.append(Statement(f"h{l} = {layer.activation}(z{l}){_eq(nums, 'forward-h')}",
                                 shared.forward))
    backward = []
    # gradients of this layer: D<l> holds delta<l> of every sample divided by N, so no 1/N below
    dW_formula = f"D{l}^T {prev}" if row else f"{prev}^T D{l}"
    backward.append(Statement(f"dJ/d{W} = {dW_formula} (D{l} = Delta{l} / N){_eq(nums, f'total-dW-{l}')}",
                              (f"np.matmul({'D' + str(l) + '.T, ' + prev if row else prev + '.T, D' + str(l)}, out=grads[\"{W}\"])",)))
    shape = (layer.units, layer.n_in) if row else (layer.n_in, layer.units)
    backward.extend(_reg_lines(d, W, nums, f"R{l}", shape, total, warm))
    # the rows' sum as 1^T D by BLAS (gemv): NumPy's sum over axis 0 adds row after row, 2-5x slower
    backward.append(Statement(f"dJ/d{b} = sum of the rows of D{l}, as 1^T D{l}{_eq(nums, f'total-db-{l}')}",
                              (f"np.matmul(ws[\"ones\"], D{l}, out=grads[\"{b}\"])",)))
    if net.penalize_bias:
        backward.extend(_reg_lines(d, b, nums, f"Rb{l}", (), total, warm))
    if l > 1:
        below = d.layers[l - 2]
        lv = below.layer.param_values
        after = _shared_values(d, l - 1).backward
        if below.dphi_h is not None:
            dphi_text = f"phi'(z{l - 1}) = {_math(below.dphi_h, {H: f'h{l - 1}'}, lv)}"
        else:
            dphi_text = f"phi'(z{l - 1}) = {_math(below.dphi, {Z: f'z{l - 1}'}, lv)}"
        product = f"D{l} {W}" if row else f"D{l} {W}^T"
        backward.append(Statement(
            f"Delta{l - 1} = ({product}) * phi'(Z{l - 1}), {dphi_text}{_eq(nums, f'total-delta-{l - 1}')}",
            (f"D{l - 1} = np.matmul(D{l}, {W}{'' if row else '.T'}, out=ws[\"D{l - 1}\"])", *after),
        ))
    he = layer.activation in HE_INIT
    fan = f"2 / {layer.n_in}" if he else f"2 / ({layer.n_in} + {layer.units})"
    init = "He" if he else "Glorot"
    params = (
        ParamCode(W, shape, f"rng.standard_normal({shape}) * np.sqrt({fan})", f"layer {l}: {layer.activation}, {init} initialisation"),
        ParamCode(b, (layer.units,), "0.0", ""),
    )
    rows = f"(n, {layer.units})"
    buffers = [(Zn, rows)] + ([(Hn, rows)] if layer.vector else []) + [(name, rows) for name in shared.buffers]
    buffers.append((f"D{l}", rows))
    if d.reg_grad is not None:  # the regularizer's gradient is computed into these before it is added
        scratch = (reg_block_rows(shape, total), shape[1]) if reg_block_rows(shape, total) else shape
        buffers += [(f"R{l}", repr(scratch))] + ([(f"Rb{l}", repr((layer.units,)))] if net.penalize_bias else [])
    return LayerCode("dense", l, params, (Zn, Hn, *shared.cached), tuple(buffers), tuple(forward), tuple(backward),
                     tuple((name, layer.units, value) for name, value in shared.rows))


@dataclass(frozen=True)
class SharedValues:
    """φ and φ' of one layer printed together, as in-place NumPy calls into the layer's workspace buffers.

    The costly sub-expressions both use (an erf, a sigmoid) are computed once by the forward pass and kept in the
    cache for the backward pass (``sympy.cse``); each expression also loses its own repetitions.
    """

    forward: tuple[str, ...]  # lines of h = phi(z) (the shared values first)
    cached: tuple[str, ...]  # names of the shared values (cache keys)
    backward: tuple[str, ...]  # lines of D *= phi'(z), after D = D_next W
    buffers: tuple[str, ...]  # workspace buffers of the layer these lines write into (besides Z and D)
    rows: tuple[tuple[str, float], ...] = ()  # workspace rows of one constant (name, value), filled once, only read


def _costly(e: sp.Expr) -> bool:
    """Worth computing once: a function call (exp, erf, σ, …; not a Piecewise) or a non-integer power."""
    return any((isinstance(a, sp.Function) and not isinstance(a, sp.Piecewise))
               or (isinstance(a, sp.Pow) and not a.exp.is_Integer and not a.is_number) for a in sp.preorder_traversal(e))


def _bind(names_: list[str]) -> tuple[str, ...]:
    """``H1, T1_1 = ws["H1"], ws["T1_1"]``: the workspace buffers a statement writes into."""
    return (_unpack(names_, "ws"),) if names_ else ()


@lru_cache(maxsize=64)
def _common(phi: sp.Expr, dphi: sp.Expr | None) -> tuple[list, list]:
    """sympy.cse of φ and φ' (stable forms), keeping only the costly common values (cached: deep networks repeat
    the same activation)."""
    exprs = [stable_rewrite(phi)] + ([stable_rewrite(dphi)] if dphi is not None else [])
    reps, reduced = sp.cse(exprs, symbols=sp.numbered_symbols("_c"), optimizations=None)
    inline, kept = {}, []
    for sym, e in reps:
        e = e.xreplace(inline)
        if _costly(e):
            kept.append((sym, e))
        else:
            inline[sym] = e
    return kept, [r.xreplace(inline) for r in reduced]


def _shared_values(d, l: int) -> SharedValues:
    """Layer l's φ (into H<l>) and D<l> *= φ' of a dense stack, in its workspace buffers (the shared values cached)."""
    return activation_code(d.layers[l - 1], (f"Z{l}", f"H{l}", f"D{l}", f"C{l}", f"T{l}_"), _bind)


def activation_code(res, names_: tuple[str, str, str | None, str, str], bind, share: bool = True) -> SharedValues:
    """φ and φ' of the layer result ``res`` as fused, mask-free in-place NumPy calls -- the one printing of an
    activation, used by the dense stack's passes and by the helpers ``_phi_<name>``/``_dphi_<name>`` of a network with
    layer kinds. ``names_`` = (z, h, d, shared value, scratch prefix): φ is written into h; φ' multiplies d in place,
    or, when d is None, is left in a buffer that the last line returns. ``bind(names)`` gives the lines that provide
    the buffers a part writes into (the workspace's, or fresh ones). ``share``: the values φ and φ' share are computed
    by the forward lines and kept for the backward lines (the dense cache); else the backward lines compute them."""
    if res.layer.vector:
        return SharedValues((), (), (), ())
    values, where = res.layer.param_values, f"layer {res.layer.name} ({res.layer.activation})"
    Zn, Hn, Dn, Cn, Tn = names_
    slope = _slope(res, values) if share and Dn is not None else None
    if slope is not None:  # the ReLU family: the slope φ'(z) once in the forward pass, h = z·φ'(z), D *= φ'(z)
        holds, c = slope
        floor = f"G{Cn[1:]}" if c != 0 else None  # a row of c: np.maximum with a scalar has no SIMD loop (2-4x slower)
        forward = (*bind([Cn, Hn, *([floor] if floor else [])]),
                   f"# {Cn} = phi'({Zn}), kept for the backward pass; then {Hn} = {Zn}·{Cn}",
                   *_step_value(holds, c, {Z: Zn}, values, Cn, floor), f"np.multiply({Zn}, {Cn}, out={Hn})")
        return SharedValues(forward, (Cn,), (f"{Dn} *= {Cn}",), (Cn, Hn), ((floor, c),) if floor else ())
    kept, reduced = _common(res.phi, res.dphi if res.dphi_h is None else None)
    definitions = dict(kept)

    def needs(expr) -> set:
        out, todo = set(), [s for s in expr.free_symbols if s in definitions]
        while todo:
            s = todo.pop()
            if s not in out:
                out.add(s)
                todo.extend(t for t in definitions[s].free_symbols if t in definitions)
        return out

    shared = {sym: f"{Cn}_{i}" for i, (sym, _) in enumerate(kept, start=1)}
    if len(kept) == 1:
        shared = {kept[0][0]: Cn}
    try:
        # forward: the shared values, then h, each written into its own buffer where a NumPy call can write it
        fw = Fused({Z: Zn, **shared}, {}, Tn, values)
        in_phi = needs(reduced[0])
        written = [shared[sym] for sym, e in kept if sym in in_phi and fw.assign(shared[sym], e)]
        written += [Hn] if fw.assign(Hn, reduced[0]) else []
        fw_scratch = _used(fw.buffers, fw.lines)
        forward = (*bind(written + fw_scratch), *fw.take())
        # backward: D *= phi', phi' in h where the derivation has it, else in z with the shared values
        if res.dphi_h is not None:
            dphi, in_dphi = stable_rewrite(res.dphi_h), set()
        else:
            dphi, in_dphi = reduced[1], needs(reduced[1])
        bw = Fused({Z: Zn, H: Hn, **shared}, {}, Tn, values)
        computed = in_phi if share else set()
        own = [shared[sym] for sym, e in kept if sym in in_dphi - computed and bw.assign(shared[sym], e)]
        constant = _piecewise_constant(dphi, values)
        if constant is not None:
            otherwise, c = constant
            scratch = bw._new()
            if Dn is not None:
                bw.lines.extend(_step_factor(sp.Not(otherwise), c, {Z: Zn, H: Hn}, values, scratch, Dn))
            else:
                bw.lines.extend((*_step_value(sp.Not(otherwise), c, {Z: Zn, H: Hn}, values, scratch), f"return {scratch}"))
        else:
            name, owned = bw.value(dphi)
            if Dn is not None:
                bw.lines.append(f"{Dn} *= {name}")
            else:
                bw.lines.append(f"return {name}" if owned else f"return np.asarray({name}, dtype={Zn}.dtype)")
            bw._release(name, owned)
        bw_scratch = _used(bw.buffers, bw.lines)
        backward = (*bind(own + bw_scratch), *bw.take())
    except Exception as exc:  # noqa: BLE001 -- SymPy printers raise assorted errors; report where
        raise CodegenError(f"cannot print {where} as NumPy code: {res.phi} ({exc})") from exc
    buffers = tuple(dict.fromkeys([*written, *fw_scratch, *own, *bw_scratch]))
    cached = tuple(shared[sym] for sym, _ in kept if sym in in_phi & in_dphi) if share else ()
    return SharedValues(forward, cached, backward, buffers)


def _slope(res, values: dict):
    """(holds, c) when φ'(z) is 1 where ``holds`` (a comparison of z) else c with 0 < c <= 1 and φ(z) = z·φ'(z): leaky
    ReLU. Then the slope, computed once by the forward pass (two calls: the comparison, np.maximum with c) and kept,
    gives h = z·slope (one call instead of the two of max(z, c·z), bit-identical) and the backward pass's D *= slope
    (one call instead of three): four passes over the layer's array instead of five. Plain ReLU (c = 0) gains nothing
    and keeps max(z, 0)."""
    if res.dphi_h is not None:
        return None
    constant = _piecewise_constant(res.dphi, values)
    if constant is None:
        return None
    otherwise, c = constant
    holds = sp.Not(otherwise)
    if not (0 < c <= 1 and isinstance(holds, sp.Rel) and holds.rel_op in _UFUNC_OF and holds.free_symbols == {Z}):
        return None
    return (holds, c) if _is_z_times(res.phi, res.dphi, tuple(sorted(values.items(), key=str))) else None


@lru_cache(maxsize=64)
def _is_z_times(phi: sp.Expr, dphi: sp.Expr, values: tuple) -> bool:
    """Whether φ(z) = z·φ'(z) for a φ' that is constant on each side of a comparison (checked on both sides and at 0;
    cached: deep networks repeat the same activation)."""
    phi, product = phi.subs(dict(values)), (Z * dphi).subs(dict(values))
    points = (-3, -1, sp.Rational(-1, 7), 0, sp.Rational(1, 7), 1, 3)
    return all(sp.simplify(phi.subs(Z, x) - product.subs(Z, x)) == 0 for x in points)


def _used(names_: list[str], lines: list[str]) -> list[str]:
    """The names that the lines mention (a scratch buffer retargeted away is not allocated)."""
    mentioned = set(re.findall(r"\w+", "\n".join(lines)))
    return [n for n in names_ if n in mentioned]


def _piecewise_constant(e: sp.Expr, values: dict):
    """(where, c) when e is 1 if cond else c (the ReLU family's φ'): D *= c where cond fails, one masked call."""
    if not (isinstance(e, sp.Piecewise) and len(e.args) == 2 and e.args[1].cond == sp.true and e.args[0].expr == 1):
        return None
    c = e.args[1].expr.subs(values)
    if not c.is_number:
        return None
    return sp.Not(e.args[0].cond), float(c)


_UFUNC_OF = {">": "np.greater", ">=": "np.greater_equal", "<": "np.less", "<=": "np.less_equal"}


def _step_value(holds, c: float, names_: dict, values: dict, scratch: str, floor: str | None = None) -> tuple[str, ...]:
    """``scratch = 1 if holds else c`` (the ReLU family's φ') in the arrays' dtype without a masked call where it can
    (``where=`` and np.where take ~10 ns an element, mispredicting the sign of every other one; these arithmetic calls
    about 0.5 ns): the condition as 0/1, raised to c by np.maximum when 0 <= c <= 1 (with ``floor``, a row of c in the
    arrays' dtype, broadcast over the rows; the same values); else c copied and 1 where it holds."""
    if isinstance(holds, sp.Rel) and holds.rel_op in _UFUNC_OF and 0 <= c <= 1:
        lhs, rhs = to_code(holds.lhs, names_, values), to_code(holds.rhs, names_, values)
        lines = [f"{_UFUNC_OF[holds.rel_op]}({lhs}, {rhs}, out={scratch})"]
        return (*lines, f"np.maximum({scratch}, {floor or repr(c)}, out={scratch})") if c != 0 else tuple(lines)
    return (f"{scratch}.fill({c!r})", f"np.copyto({scratch}, 1.0, where={to_code(holds, names_, values)})")


def _step_factor(holds, c: float, names_: dict, values: dict, scratch: str, target: str) -> tuple[str, ...]:
    """``target *= (1 if holds else c)``: the mask-free factor of ``_step_value`` in ``scratch``, then one
    multiplication (bit-identical to the masked product); a single masked multiplication where there is none."""
    if isinstance(holds, sp.Rel) and holds.rel_op in _UFUNC_OF and 0 <= c <= 1:
        return (*_step_value(holds, c, names_, values, scratch), f"{target} *= {scratch}")
    return (f"np.multiply({target}, {c!r}, out={target}, where={to_code(sp.Not(holds), names_, values)})",)


def reg_block_rows(shape, total: int) -> int:
    """Rows of a weight of ``shape`` whose regularizer gradient is computed at a time (into a scratch of that many rows,
    which then stays in cache, instead of one of the weight's size), or 0: the weight fits in OPTIMIZER_BLOCK entries,
    or the parameters (``total`` entries) are updated whole (at most BLOCKED_ABOVE: the step's scratch takes the terms)."""
    if len(shape) != 2 or math.prod(shape) <= OPTIMIZER_BLOCK or total <= BLOCKED_ABOVE:
        return 0
    return max(1, OPTIMIZER_BLOCK // shape[1])


def _reg_lines(d, key: str, nums: dict, scratch: str, shape=(), total: int = 0, warm: bool = False) -> list[Statement]:
    """grads[key] += dR/dkey, the product computed into the workspace buffer ``scratch`` (no temporary array) -- with
    ``warm``, into ``R[scratch]`` (_backward's R: key's place in the scratch of a Gradients, else the workspace); for a
    weight of more than OPTIMIZER_BLOCK entries among more than BLOCKED_ABOVE a block of rows at a time
    (``reg_block_rows``: ``scratch`` has that many rows)."""
    if d.reg_grad is None:
        return []
    coeff, rest = d.reg_grad.as_independent(WEIGHT, as_Add=False)
    scalar = _code(coeff, {LAMBDA: "REG_LAMBDA", N: "n"}, where="the regularizer gradient")
    formula = _math(d.reg_grad, {WEIGHT: key})
    k = reg_block_rows(shape, total)
    if not k:
        term = _code(rest, {WEIGHT: key}, where="the regularizer gradient")
        where = "R" if warm else "ws"
        code = (f"np.multiply({term}, {scalar}, out={where}[\"{scratch}\"])", f"grads[\"{key}\"] += {where}[\"{scratch}\"]")
        return [Statement(f"+ dR/d{key} = {formula}{_eq(nums, 'reg-grad')}", code)]
    term = _code(rest, {WEIGHT: f"{key}[row:row + {k}]"}, where="the regularizer gradient")
    code = (f"for row in range(0, {shape[0]}, {k}):",
            f"    r = ws[\"{scratch}\"][:{shape[0]} - row]",
            f"    np.multiply({term}, {scalar}, out=r)",
            f"    rows = grads[\"{key}\"][row:row + {k}]",
            "    rows += r")
    return [Statement(f"+ dR/d{key} = {formula}{_eq(nums, 'reg-grad')}, {k} rows at a time (the scratch {scratch} stays in "
                      "cache)", code)]


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


def _log_output(d, complement: bool, logits: str) -> str:
    """log(yhat) (or log(1 - yhat)) from the logits when a stable form exists, else from yhat."""
    last = d.layers[-1]
    if last.layer.vector:
        return f"_log_softmax({logits}, Y_hat)" if not complement else "np.log1p(-Y_hat)"
    inner = (1 - last.phi) if complement else last.phi
    rewritten = stable_rewrite(sp.log(inner))
    if rewritten.has(sp.log):
        return "np.log1p(-Y_hat)" if complement else "np.log(Y_hat)"
    return _code(rewritten, {Z: logits}, last.layer.param_values, "the log of the output")


def _loss_lines(d, nums: dict, logits: str, output: str) -> tuple[Statement, ...]:
    """_data_loss's lines; ``logits`` and ``output`` are the cache keys of the last layer's z and yhat."""
    net = d.network
    comp = net.loss.component.xreplace({sp.log(YHAT): LOGP, sp.log(1 - YHAT): LOG1MP})
    lines = []
    if comp.has(LOGP):
        lines.append(f"logp = {_log_output(d, False, logits)}")
    if comp.has(LOG1MP):
        lines.append(f"log1mp = {_log_output(d, True, logits)}")
    lines.append(f"return float(({_code(comp, {YHAT: 'Y_hat', Y: 'Y'}, where='the loss')}).sum()) / Y.shape[0]")
    lines[:0] = _reads("\n".join(lines), [("cache", [logits])])
    if re.search(r"\bY_hat\b", "\n".join(lines)):
        lines.insert(0, f'Y_hat = cache["{output}"]')
    component = _math(net.loss.component, {YHAT: "ŷ"})
    return (Statement(f"L = (1/N) sum over samples and outputs of {component}{_eq(nums, 'loss')}", tuple(lines)),)


def _regularizer_lines(d, nums: dict, keys: tuple[str, ...]) -> tuple[Statement, ...]:
    """_penalty's lines: the regularizer summed over PENALISED (``keys``)."""
    if d.reg_penalty is None:
        return ()
    coeff, rest = d.reg_penalty.as_independent(WEIGHT, as_Add=False)
    scalar = _code(coeff, {LAMBDA: "REG_LAMBDA", N: "n"}, where="the regularizer")
    term = _code(rest, {WEIGHT: "params[key]"}, where="the regularizer")
    # Σw² as one BLAS dot product of the array with itself (no temporary of its size, ~5x faster than np.sum(w**2))
    total = "np.vdot(params[key], params[key])" if rest == WEIGHT**2 else f"np.sum({term})"
    return (Statement(
        f"R = sum over {', '.join(keys)} of {_math(d.reg_penalty)}{_eq(nums, 'regularizer')}",
        (f"return ({scalar}) * sum(float({total}) for key in PENALISED)",),
    ),)


def _updates(d, nums: dict) -> tuple[tuple[Statement, ...], tuple[str, ...], tuple[str, str, str]]:
    """The optimizer's formulas over flat arrays (every parameter at once) as in-place NumPy calls.

    Returns the statements, the scratch buffers they use and (scale, sign, delta): the parameters' own update
    ``theta *= scale; theta (sign)= delta``, applied per key by the template.
    """
    net = d.network
    states = {STATE[u.target]: u.target for u in d.updates if u.kind == "state"}
    fused = Fused({GRAD: "g", **states}, {STEP: "t", **_hyper_names(net)})
    math_names = {THETA: "θ", GRAD: "g", HYPER["learning_rate"]: "α"}
    out = []
    theta = ("", "-", "")
    for u in d.updates:
        target = _math(STATE.get(u.target, TEMP.get(u.target, sp.Symbol("θ"))))
        formula = f"{target} <- {_math(u.expr, math_names)}{_eq(nums, f'update-{u.target}')}"
        try:
            if u.kind == "temp":
                fused.assign_temp(TEMP[u.target], u.expr)
            elif u.kind == "state":
                fused.assign_linear(u.target, STATE[u.target], u.expr)
            else:
                delta = fused.assign_linear("theta", THETA, u.expr)
                scale = [line.split("*= ", 1)[1] for line in fused.lines if line.startswith("theta *= ")]
                fused.lines = [line for line in fused.lines if not line.startswith("theta *= ")]
                theta = (scale[0] if scale else "", delta[0], delta[1:])
        except Exception as exc:  # noqa: BLE001 -- SymPy raises assorted errors; report where
            raise CodegenError(f"cannot print the {net.optimizer.name} update of {u.target} as NumPy code: {u.expr} ({exc})") from exc
        out.append(Statement(formula, fused.take()))
    return tuple(out), tuple(fused.buffers), theta


def _docstring_text(text: str) -> str:
    """``text`` as it may stand inside a triple-quoted docstring: backslashes and quotes escaped, characters
    that are not printable (line breaks, controls, DEL, lone surrogates) written as escapes."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch.isprintable():
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    return "".join(out)


# step() makes all the passes of its update over one block of this many entries of the flat buffers before the next
# when the parameters have more than BLOCKED_ABOVE entries: g, the state and the scratch of a block (4-7 arrays of
# 128 KB in float32, 256 KB in float64) then stay in the core's L2 cache through the passes, where whole buffers
# (1-2 MB each at the MNIST size, 25-50 MB at the large size) would be read from L3 or memory again on every pass.
OPTIMIZER_BLOCK = 32768
# Up to this many entries (512 KB a flat buffer in float64; the small size of bench_step: 17 226) step() makes each
# pass over the whole flat buffers instead: 4-7 of them fit in a core's L2 (1-2 MB) together, and a pass is one NumPy
# call where blocks cost ~10 calls each (1-5 µs a call in the middle of a training step); its scratch T1 is then the
# one the Gradients brings (_backward computed the regularizer's terms there: still in cache). Measured with
# benchmarks/ab_step.py (issue 13, round 39): blocks at the small size 1.006-1.016x the whole buffers' step; at the
# MNIST size (235 146 entries) 0.93x in float64, 0.97x in float32 -- the threshold lies between.
BLOCKED_ABOVE = 1 << 16


def param_total(net) -> int:
    """How many entries the parameters of a dense stack have (weights and biases)."""
    return sum(layer.units * (layer.n_in + 1) for layer in net.layers)


def flat_offsets(shapes) -> tuple[int, ...]:
    """Where each array of ``shapes`` starts in one flat buffer holding them all in order, then the total size."""
    offsets = [0]
    for shape in shapes:
        offsets.append(offsets[-1] + math.prod(shape))
    return tuple(offsets)


def module_constants(net) -> list[Constant]:
    """The module's constants: the optimizer's hyper-parameters and options, λ, the training defaults."""
    constants = [Constant(key.upper(), repr(float(v)), f"optimizer {net.optimizer.name}") for key, v in net.hyper_dict.items()]
    for key, choice in net.options:
        constants.append(Constant(key.upper(), f'"{choice}"', "optimizer option (fixed when the module was generated)"))
    if net.regularizer is not None:
        constants.append(Constant("REG_LAMBDA", repr(float(net.reg_lambda)), f"{net.regularizer.name} regularization strength"))
    for key, v in net.training:
        constants.append(Constant(key.upper(), repr(int(v)), "training default"))
    return constants


def shared_fields(d, nums: dict, spec_path: str, out_dir: str, description, params, penalised, logits: str, output: str,
                  printed: list[str]) -> dict:
    """The ModuleCode fields every module has: header, constants, keys and shapes, objective, optimizer. ``printed``
    is the network's own code (its passes), scanned with the rest for the helpers the module must define."""
    net = d.network
    loss = _loss_lines(d, nums, logits, output)
    updates, scratch, (theta_scale, theta_sign, theta_delta) = _updates(d, nums)
    text = "\n".join([*printed, *(line for part in (*loss, *updates) for line in part.code)])
    command = shlex.join(["gradproof", "codegen", spec_path, "--out", out_dir])
    return dict(
        name=net.name,
        doc_title=_docstring_text(net.title),
        doc_spec=_docstring_text(spec_path),
        doc_command=_docstring_text(command),
        description=tuple(_docstring_text(line) for line in description),
        constants=tuple(module_constants(net)),
        helpers=tuple(helpers_used(text)),
        sizes=tuple(net.sizes),
        offsets=flat_offsets([p.shape for p in params]),
        block=OPTIMIZER_BLOCK if flat_offsets([p.shape for p in params])[-1] > BLOCKED_ABOVE else 0,
        inputs=net.inputs,
        outputs=net.output.units,
        output=output,
        loss=loss,
        regularizer=_regularizer_lines(d, nums, penalised),
        classification=net.loss.classification,
        softmax=net.output.vector,
        probability_targets=net.loss.needs_probabilities,
        loss_name=net.loss.name.replace("_", " "),
        target_loss=bool(net.output.vector and sp.expand(net.loss.component + Y * sp.log(YHAT)) == 0),
        hyper=tuple((key, key.upper()) for key in net.hyper_dict),
        states=tuple(u.target for u in d.updates if u.kind == "state"),
        uses_t=any(STEP in u.expr.free_symbols for u in d.updates),
        scratch=scratch,
        updates=updates,
        theta_scale=theta_scale,
        theta_sign=theta_sign,
        theta_delta=theta_delta,
        params=tuple(params),
        penalised=tuple(penalised),
    )


def describe(net, kinds: str) -> tuple[str, ...]:
    """The module docstring's description of ``net`` (``kinds``: its layers as the first line names them)."""
    reg_text = "no regularizer" if net.regularizer is None else (
        f"{net.regularizer.name} (lambda = {net.reg_lambda:g}, {'lambda/N' if net.reg_scaling == 'batch' else 'no 1/N'} scaling"
        f"{', biases penalised' if net.penalize_bias else ', biases not penalised'})")
    opts = ", ".join(f"{k} = {v}" for k, v in net.options)
    return (
        f"{kinds}, {net.convention} convention: "
        + ("Z = H W^T + b, W is n_out x n_in." if net.convention == "row" else "Z = H W + W0, W is n_in x n_out (W0 is b)."),
        "Samples are rows of X and Y.",
        f"Loss {net.loss.name}, mean over the N samples; {reg_text}.",
        f"Optimizer {net.optimizer.name}{f' ({opts})' if opts else ''}.",
    )


def module_code(d, spec_path: str, out_dir: str = "generated") -> ModuleCode:
    """Every printed piece of the module of ``d``; ``spec_path`` and ``out_dir`` are how the header names the spec
    and the output folder in the command that regenerates the module."""
    net = d.network
    nums = equations.numbers(net)
    # the regularizer's terms computed in the memory step() uses next as its scratch T1 (whole buffers only)
    warm = d.reg_grad is not None and param_total(net) <= BLOCKED_ABOVE and "T1" in _updates(d, nums)[1]
    layers = tuple(_layer_code(d, l, nums, warm) for l in range(1, net.depth + 1))
    output_delta = _output_delta(d, nums)
    keys = names.param_keys(net.depth)
    penalised = tuple(k for k in keys if k.startswith("W") or net.penalize_bias)
    printed = [line for part in (*(s for lc in layers for s in (*lc.forward, *lc.backward)), *output_delta) for line in part.code]
    kinds = f"Network {'-'.join(map(str, net.sizes))} ({', '.join(layer.activation for layer in net.layers)})"
    return ModuleCode(
        **shared_fields(d, nums, spec_path, out_dir, describe(net, kinds), [p for lc in layers for p in lc.params], penalised,
                        f"Z{net.depth}", layers[-1].cache[-1], printed),
        depth=net.depth,
        layers=layers,
        backward_reads=_backward_reads(layers, output_delta),
        output_delta=output_delta,
        first_weights=names.weight(1) + ("[0]" if net.convention == "row" else "[:, 0]"),
        logits=f"Z{net.depth}",
        warm=warm,
        reg_places=tuple((("R" if k.startswith("W") else "Rb") + k[1:], keys.index(k)) for k in penalised) if warm else (),
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


def _path_label(path: str | Path) -> str:
    """A path as the header's command shows it: a relative path as given (the command was typed there), an absolute
    one relative to its project root (the nearest parent holding ``pyproject.toml``) when it has one; POSIX slashes."""
    p = Path(path)
    if p.is_absolute():
        for parent in p.resolve().parents:
            if (parent / "pyproject.toml").is_file():
                return p.resolve().relative_to(parent).as_posix()
    return p.as_posix()


def render_module(d, spec_path: str, out_dir: str | Path = "generated") -> str:
    """The source of the generated module for ``d`` (parsed before it is returned); its header names the command
    that regenerates it, ``gradproof codegen SPEC --out OUT_DIR``.

    Raises:
        CodegenError: an expression could not be printed, or the rendered module is not valid Python
            (the message names the template, the layer and the line).
    """
    template = TEMPLATE
    try:
        if d.program is not None:  # layer kinds: the batch program's pieces (codegen/layered.py)
            from .layered import layered_code

            m = layered_code(d, _path_label(spec_path), _path_label(out_dir))
        else:
            m = module_code(d, _path_label(spec_path), _path_label(out_dir))
        text = environment().get_template(TEMPLATE).render(m=m)
    except jinja2.TemplateError as exc:
        raise CodegenError(f"template {template}: {exc}") from exc
    text = text.replace("\r\n", "\n").rstrip("\n") + "\n"
    name = d.network.name
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", SyntaxWarning)
            compile(ast.parse(text, filename=f"{name}.py"), f"{name}.py", "exec")
    except SyntaxError as exc:
        line = text.splitlines()[exc.lineno - 1] if exc.lineno and exc.lineno <= len(text.splitlines()) else ""
        layer = _layer_of_line(text, exc.lineno or 0)
        raise CodegenError(f"template {template}: the module rendered for {name} is not valid Python at line {exc.lineno}"
                           f"{f' ({layer})' if layer else ''}: {exc.msg}: {line.strip()!r}") from exc
    except SyntaxWarning as exc:
        raise CodegenError(f"template {template}: the module rendered for {name} warns when compiled: {exc}") from exc
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
    text = render_module(d, spec_path, out_dir)
    out_dir = out_folder(out_dir)
    path = out_dir / f"{d.network.name}.py"
    write_atomic(path, text)
    return path


__all__ = ["CodegenError", "ModuleCode", "module_code", "render_module", "sigmoid", "write_module"]
