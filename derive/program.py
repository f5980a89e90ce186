"""The batch program of a network with layer kinds: ordered forward and backward assignments over named arrays.

``build_program(net)`` walks the layer graph (``Network.layers``, a residual block's ``body``) and emits, per layer
kind, the assignments of the forward pass (training and inference variants where they differ) and, in reverse
order, of the backward pass. Each assignment carries its NumPy right-hand side, its shape and the label of the proof
equation it implements. Batch and layer norm's backward lines are printed from ``normalization.py``'s derived
index expressions (``index_code``), never typed.

``program_source(program)`` prints the whole program as two Python functions, ``_forward`` and ``_backward``; the
evaluator (``numeric.ProgramEvaluator``) runs exactly that text and the generated module contains exactly that text,
so the brute-force check (``checks.program_checks``) covers what the module computes.

Samples are rows. Row convention: Z = H W^T + b (W is n_out x n_in); column convention: Z = H W + W_0. The data
term J = (1/N) sum_n loss(yhat_n, y_n); the 1/N enters the backward pass once, at the output error D_L.
"""

from __future__ import annotations

import ast
import functools
import re
from dataclasses import dataclass

import sympy as sp

from . import names
from . import normalization as nz
from .spec import Layer, Network


@dataclass(frozen=True)
class Assign:
    """``target = code``; ``mode`` "train"/"eval" marks forward lines that differ between the modes."""

    target: str
    code: str
    shape: tuple[str | int, ...]
    equation: str  # proof label
    comment: str  # the formula in words/plain maths, for the generated code
    tex: str  # the assignment as the proof writes it (batch matrices, samples as rows)
    mode: str = "both"  # "both" | "train" | "eval" | "running" (a running-statistics update, training only)


@dataclass(frozen=True)
class ParamSpec:
    key: str  # W1, b1, gamma2, beta2, P4, W4_1
    shape: tuple[int, ...]
    init: str  # "he" | "glorot" | "zeros" | "ones"
    fan: tuple[int, int]  # (n_in, n_out) of the weight, for its initialisation
    penalised: bool  # a dense weight (or a projection): the regularizer's term applies
    kind: str  # the layer kind
    bias: bool = False  # a dense bias: penalised only with the spec's penalize_bias (gamma, beta never)


@dataclass(frozen=True)
class MaskSpec:
    key: str  # mask3
    p: float
    width: int


@dataclass(frozen=True)
class Activation:
    """An elementwise activation used by some layer: ``name`` is the helper's suffix (_phi_<name>, _dphi_<name>)."""

    name: str
    layer: Layer


@dataclass(frozen=True)
class BatchProgram:
    network: Network
    params: tuple[ParamSpec, ...]
    running: tuple[tuple[str, int, float], ...]  # running_mean2 / running_var2: width, initial value
    masks: tuple[MaskSpec, ...]
    activations: tuple[Activation, ...]
    forward: tuple[Assign, ...]
    backward: tuple[Assign, ...]
    output: str  # the array holding yhat
    logits: str  # the output layer's Z

    @property
    def param_keys(self) -> tuple[str, ...]:
        return tuple(p.key for p in self.params)

    @property
    def penalised_keys(self) -> tuple[str, ...]:
        """The parameters the regularizer applies to: dense weights and projections, dense biases with the spec's
        ``penalize_bias`` -- never batch or layer norm's gamma and beta."""
        bias = self.network.penalize_bias
        return tuple(p.key for p in self.params if p.penalised or (bias and p.bias))


# -- printing index expressions of normalization.py as NumPy -------------------------------------------


def index_code(expr: sp.Expr, arrays: dict, scalars: dict, axis: int, known: dict | None = None) -> str:
    """NumPy source of an index expression: ``arrays`` maps IndexedBase -> array name, ``scalars`` Symbol -> code;
    a sum over the normalised index is ``np.sum(..., axis=axis, keepdims=True)``, or the name ``known`` gives it when
    it is computed already (batch norm's sums are dbeta and dgamma)."""
    return _printed(expr, arrays, scalars, known or {}, axis, False, True)


def index_latex(expr: sp.Expr, arrays: dict, scalars: dict, index: str, odot: bool = True) -> str:
    r"""The same expression in LaTeX, \sum_{index} for the sums: for a whole batch (``odot``: \odot between arrays) or
    for one entry (``arrays`` values are then functions of the index, e.g. lambda k: f"x_{{{k}}}")."""
    return _printed(expr, arrays, scalars, {}, index, True, odot)


@functools.cache
def _sums(v) -> tuple:
    """Σ_n v_n and Σ_n v_n x̂_n, the two sums of a normalisation's backward line (batch norm's dbeta and dgamma): the
    same SymPy objects for every layer (building them for each of 498 layers was a tenth of deriving the program)."""
    return sp.Sum(v[nz.n], (nz.n, 1, nz.N)), sp.Sum(v[nz.n] * nz.xhat[nz.n], (nz.n, 1, nz.N))


#: (expression, the symbols named, axis, latex, odot) -> the text printed with a placeholder for each name
_TEMPLATES: dict = {}


def _printed(expr, arrays: dict, scalars: dict, known: dict, axis, latex: bool, odot: bool) -> str:
    """``_IndexPrinter``'s text of ``expr``: printed once per expression and layout with placeholders for the names (the
    printer never looks inside a name), then filled in -- a deep network prints the same normalisation for each of its
    layers with other names (498 batch-norm layers: 3000 printings, a fifth of deriving and printing the program)."""
    names = [*arrays.values(), *scalars.values(), *known.values()]
    if any(callable(n) or not isinstance(n, str) or " " in n and not latex for n in names):  # (code: "(a b)" is parenthesised)
        printer = _IndexPrinter(arrays, scalars, axis, latex)
        printer.known, printer.odot = known, odot
        return printer.product(expr)
    key = (expr, tuple(arrays), tuple(scalars), tuple(known), axis, latex, odot)
    slots = [f"\x00{k}\x00" for k in range(len(names))]
    if key not in _TEMPLATES:
        it = iter(slots)
        printer = _IndexPrinter({k: next(it) for k in arrays}, {k: next(it) for k in scalars}, axis, latex)
        printer.known, printer.odot = {k: next(it) for k in known}, odot
        _TEMPLATES[key] = printer.product(expr)
    return re.sub("\x00(\\d+)\x00", lambda m: names[int(m.group(1))], _TEMPLATES[key])


class _IndexPrinter:
    """Prints normalization.py's index expressions (Add, Mul, Pow, Sum, Indexed, Symbol, Integer) as NumPy or LaTeX.
    Numbers and scalars come first in a product, sums last; terms without a sum come first in a sum."""

    odot = True
    known: dict = {}

    def __init__(self, arrays: dict, scalars: dict, axis, latex: bool):
        self.arrays, self.scalars, self.axis, self.latex = arrays, scalars, axis, latex

    @staticmethod
    def order(f) -> int:
        return 0 if f.is_Number or f == nz.N else 1 if isinstance(f, sp.Symbol) else 3 if isinstance(f, sp.Sum) else 2

    def atom(self, e) -> str:
        if isinstance(e, sp.Indexed):
            name = self.arrays[e.base]
            return name(e.indices[0]) if callable(name) else name
        if isinstance(e, sp.Symbol):
            return self.scalars[e]
        if isinstance(e, sp.Sum) and e in self.known:
            return self.known[e]
        if isinstance(e, sp.Sum):
            if self.latex:
                inner = self.product(e.function)
                return rf"\sum_{{{self.axis}}} " + (inner if isinstance(e.function, sp.Indexed) else rf"\left({inner}\right)")
            return f"np.sum({self.product(e.function)}, axis={self.axis}, keepdims=True)"
        if isinstance(e, sp.Integer):
            return str(int(e))
        if isinstance(e, sp.Add):
            return rf"\left({self.total(e)}\right)" if self.latex else f"({self.total(e)})"
        raise TypeError(f"cannot print {e!r}")

    def factors(self, e) -> str:
        parts = sorted(sp.Mul.make_args(e), key=self.order)
        if not self.latex:
            return " * ".join(self.atom(f) for f in parts)
        out = ""
        for prev, f in zip([None, *parts], parts, strict=False):
            joint = "" if prev is None else r" \odot " if self.odot and self.order(prev) >= 2 and self.order(f) >= 2 else " "
            out += joint + self.atom(f)
        return out

    def product(self, e) -> str:
        if isinstance(e, sp.Mul) and any(isinstance(f, sp.Add) for f in e.args):  # scale * (sum of terms)
            return (" " if self.latex else " * ").join(
                self.atom(f) if isinstance(f, sp.Add) else (self.product(f) if self.latex else f"({self.product(f)})")
                for f in e.args)
        num, den = sp.fraction(e)
        if den == 1:
            return self.factors(num)
        if self.latex:
            return rf"\frac{{{self.factors(num)}}}{{{self.factors(den)}}}"
        bottom = self.factors(den)
        return f"{self.factors(num)} / " + (f"({bottom})" if " " in bottom else bottom)

    def total(self, e) -> str:
        out = ""
        for t in sorted(sp.Add.make_args(e), key=lambda t: len(t.atoms(sp.Sum))):
            coeff, rest = t.as_coeff_Mul()
            sign = "-" if coeff < 0 else "+"
            times = " " if self.latex else " * "
            body = self.product(rest) if abs(coeff) == 1 else f"{self.atom(sp.Integer(abs(coeff)))}{times}{self.product(rest)}"
            out += (f" {sign} " if out else ("-" if sign == "-" else "")) + body
        return out


# -- building the program ----------------------------------------------------------------------------


OUTPUT_ERROR_TEX = r"\tfrac{1}{N} \boldsymbol{\delta}(\hat{\mathbf{Y}}, \mathbf{Y})"


def _t(name: str) -> str:
    return names.tex_array(name)


def _tex_number(v: float) -> str:
    mantissa, _, exponent = f"{v:g}".partition("e")
    return f"{mantissa} \\cdot 10^{{{int(exponent)}}}" if exponent else mantissa


def _dot(a: str, b: str) -> str:
    return f"{a} \\odot {b}"


class _Builder:
    def __init__(self, net: Network):
        self.net = net
        self.row = net.convention == "row"
        self.params: list[ParamSpec] = []
        self.running: list[tuple[str, int, float]] = []
        self.masks: list[MaskSpec] = []
        self.activations: dict[str, Activation] = {}
        self.forward: list[Assign] = []
        self.backward: list[Assign] = []

    def fwd(self, target, code, shape, eq, comment, tex, mode="both"):
        self.forward.append(Assign(target, code, shape, eq, comment, tex, mode))

    def bwd(self, target, code, shape, eq, comment, tex):
        self.backward.append(Assign(target, code, shape, eq, comment, tex))

    def matmul_tex(self, h: str, w: str) -> str:
        """H W^T (row) or H W (column), in LaTeX."""
        return f"{_t(h)} " + (names.tex_transpose(_t(w)) if self.row else _t(w))

    def layers(self, layers, h_in: str, width: int, last_index: int | None) -> tuple[str, int, list]:
        """Forward of a sequence; returns (output array, width, backward emitters in forward order)."""
        emitters = []
        for layer in layers:
            last = last_index is not None and layer.index == last_index and layer.path in ("", str(layer.index))
            h_in, width, emit = getattr(self, layer.kind)(layer, h_in, width, last)
            emitters.append(emit)
        return h_in, width, emitters

    def activation(self, layer: Layer, z: str, width: int):
        """H = phi(Z) after a layer; returns (H name, backward emitter of dJ/dZ from dJ/dH)."""
        name = layer.name
        if layer.activation == "identity" and layer.formula is None:
            return z, lambda dh: dh
        h = f"H{name}"
        if layer.vector:
            self.fwd(h, f"_softmax({z})", ("N", width), "softmax", f"h{name} = softmax(z{name}), row-wise",
                     f"{_t(h)} = \\operatorname{{softmax}}({_t(z)})")
            return h, None
        key = layer.activation if layer.formula is None else f"{layer.activation}_{name}"
        if key in self.activations and self.activations[key].layer.param_values != layer.param_values:
            key = f"{layer.activation}_{name}"  # the same activation with other parameter values (leaky_relu's gamma)
        act = self.activations.setdefault(key, Activation(key, layer))
        self.fwd(h, f"_phi_{act.name}({z})", ("N", width), "activation", f"h{name} = {layer.activation}(z{name})",
                 f"{_t(h)} = {layer.latex}({_t(z)})")

        def back(dh):
            d = f"D{name}"
            self.bwd(d, f"{dh} * _dphi_{act.name}({z}, {h})", ("N", width), "activation-backward",
                     f"dJ/dz{name} = dJ/dh{name} * {layer.activation}'(z{name})",
                     f"{_t(d)} = {_dot(_t(dh), layer.latex + chr(39) + '(' + _t(z) + ')')}")
            return d

        return h, back

    def dense(self, layer: Layer, h_in: str, width: int, last: bool):
        name = layer.name
        W, b, z = f"W{name}", f"b{name}", f"Z{name}"
        shape = (layer.units, layer.n_in) if self.row else (layer.n_in, layer.units)
        init = "he" if layer.activation in ("relu", "leaky_relu", "elu", "swish", "gelu") else "glorot"
        self.params.append(ParamSpec(W, shape, init, (layer.n_in, layer.units), True, "dense"))
        bias_tex = names.tex_bias(name.replace("_", "."), self.net.convention)
        product = f"{h_in} @ {W}.T" if self.row else f"{h_in} @ {W}"
        comment = f"z{name} = W{name} h" if self.row else f"z{name} = W{name}^T h"
        if layer.bias:
            self.params.append(ParamSpec(b, (layer.units,), "zeros", (layer.n_in, layer.units), False, "dense", bias=True))
            self.fwd(z, f"{product} + {b}", ("N", layer.units), "dense", comment + (f" + b{name}" if self.row else f" + W0{name}"),
                     f"{_t(z)} = {self.matmul_tex(h_in, W)} + {bias_tex}")
        else:  # bias = false: z = W h, no b and no dJ/db
            self.fwd(z, product, ("N", layer.units), "dense", comment + " (no bias)", f"{_t(z)} = {self.matmul_tex(h_in, W)}")
        h, act_back = self.activation(layer, z, layer.units)

        def emit(dh):
            if last:
                d = f"D{name}"  # the output error, from the loss and the output activation, with the mean's 1/N
                self.bwd(d, f"_output_error({h}, Y, {z}) / n", ("N", layer.units), "output-error",
                         f"dJ/dz{name} = delta(yhat, y) / N", f"{_t(d)} = {OUTPUT_ERROR_TEX}")
            else:
                d = act_back(dh)
            grad_tex = (f"{names.tex_transpose(_t(d))} {_t(h_in)}" if self.row else f"{names.tex_transpose(_t(h_in))} {_t(d)}")
            self.bwd(f"d{W}", f"{d}.T @ {h_in}" if self.row else f"{h_in}.T @ {d}", shape, "dense-dW",
                     f"dJ/dW{name} = sum over samples of d{name} h^T" if self.row else f"dJ/dW{name} = sum over samples of h d{name}^T",
                     f"{_t('d' + W)} = {grad_tex}")
            if layer.bias:
                self.bwd(f"d{b}", f"np.sum({d}, axis=0)", (layer.units,), "dense-db", f"dJ/db{name} = sum over samples of d{name}",
                         f"{names.tex_partial('J', bias_tex)} = \\sum_n {_t(d)}_{{n}}")
            if h_in == "X":
                return None
            self.bwd(f"dH_{h_in}", f"{d} @ {W}" if self.row else f"{d} @ {W}.T", ("N", layer.n_in), "dense-dh",
                     f"dJ/dh = W{name}^T d{name}" if self.row else f"dJ/dh = W{name} d{name}",
                     f"{_t('dH_' + h_in)} = {_t(d)} " + (_t(W) if self.row else names.tex_transpose(_t(W))))
            return f"dH_{h_in}"

        return h, layer.units, emit

    def _norm(self, layer: Layer, h_in: str, width: int, batch: bool):
        name = layer.name
        eps = repr(layer.settings_dict["eps"])
        mu, var, sig, xh, z = f"mu{name}", f"var{name}", f"sigma{name}", f"Xhat{name}", f"Z{name}"
        gamma, beta = f"gamma{name}", f"beta{name}"
        for key, init in ((gamma, "ones"), (beta, "zeros")):
            self.params.append(ParamSpec(key, (width,), init, (width, width), False, layer.kind))
        label = "bn" if batch else "ln"
        stat_shape = (width,) if batch else ("N", 1)
        over = "n" if batch else "j"  # the summed index: samples (batch norm) or features (layer norm)
        count = "N" if batch else "D"
        x_n = f"{_t(h_in)}_{{{over}}}"
        if batch:
            m = repr(layer.settings_dict["momentum"])
            rm, rv = f"running_mean{name}", f"running_var{name}"
            self.running += [(rm, width, 0.0), (rv, width, 1.0)]
            self.fwd(mu, f"np.mean({h_in}, axis=0)", stat_shape, "bn-mean", f"mu{name} = mean of {h_in} over the batch",
                     f"{_t(mu)} = \\tfrac{{1}}{{N}} \\sum_n {x_n}", "train")
            self.fwd(var, f"np.var({h_in}, axis=0)", stat_shape, "bn-var", f"var{name} = biased variance over the batch",
                     f"{_t(var)} = \\tfrac{{1}}{{N}} \\sum_n ({x_n} - {_t(mu)})^{{2}}", "train")
            self.fwd(f'running["{rm}"]', f'(1 - {m}) * running["{rm}"] + {m} * {mu}', stat_shape, "bn-running",
                     f"running mean <- (1 - momentum) running mean + momentum mu{name}",
                     f"{_t(rm)} \\leftarrow (1 - m) {_t(rm)} + m {_t(mu)}", "running")
            self.fwd(f'running["{rv}"]', f'(1 - {m}) * running["{rv}"] + {m} * {var} * n / max(n - 1, 1)', stat_shape,
                     "bn-running", f"running var <- (1 - momentum) running var + momentum var{name} N/(N - 1) (unbiased)",
                     f"{_t(rv)} \\leftarrow (1 - m) {_t(rv)} + m \\tfrac{{N}}{{N - 1}} {_t(var)}", "running")
            self.fwd(mu, f'running["{rm}"]', stat_shape, "bn-running", "inference: the running mean", f"{_t(mu)} = {_t(rm)}", "eval")
            self.fwd(var, f'running["{rv}"]', stat_shape, "bn-running", "inference: the running variance",
                     f"{_t(var)} = {_t(rv)}", "eval")
        else:
            self.fwd(mu, f"np.mean({h_in}, axis=1, keepdims=True)", stat_shape, "ln-mean", f"mu{name} = mean over the features",
                     f"{_t(mu)} = \\tfrac{{1}}{{D}} \\sum_j {x_n}")
            self.fwd(var, f"np.var({h_in}, axis=1, keepdims=True)", stat_shape, "ln-var",
                     f"var{name} = biased variance over the features", f"{_t(var)} = \\tfrac{{1}}{{D}} \\sum_j ({x_n} - {_t(mu)})^{{2}}")
        self.fwd(sig, f"np.sqrt({var} + {eps})", stat_shape, f"{label}-sigma", f"sigma{name} = sqrt(var{name} + eps)",
                 f"{_t(sig)} = \\sqrt{{{_t(var)} + \\epsilon}}, \\quad \\epsilon = {_tex_number(layer.settings_dict['eps'])}")
        self.fwd(xh, f"({h_in} - {mu}) / {sig}", ("N", width), f"{label}-xhat", f"xhat{name} = (h - mu{name}) / sigma{name}",
                 f"{_t(xh)} = ({_t(h_in)} - {_t(mu)}) \\oslash {_t(sig)}")
        self.fwd(z, f"{gamma} * {xh} + {beta}", ("N", width), f"{label}-affine", f"y{name} = gamma{name} * xhat{name} + beta{name}",
                 f"{_t(z)} = {_dot(_t(gamma), _t(xh))} + {_t(beta)}")
        h, act_back = self.activation(layer, z, width)
        result = nz.derive_normalization("batch" if batch else "features")

        def emit(dh):
            d = act_back(dh)
            self.bwd(f"d{gamma}", f"np.sum({d} * {xh}, axis=0)", (width,), f"{label}-dgamma",
                     f"dJ/dgamma{name} = sum over samples of dJ/dy * xhat", f"{_t('d' + gamma)} = \\sum_n ({_dot(_t(d), _t(xh))})_{{n}}")
            self.bwd(f"d{beta}", f"np.sum({d}, axis=0)", (width,), f"{label}-dbeta", f"dJ/dbeta{name} = sum over samples of dJ/dy",
                     f"{_t('d' + beta)} = \\sum_n {_t(d)}_{{n}}")
            if h_in == "X":
                return None
            target = f"dH_{h_in}"
            if batch:
                arrays, scalars = {nz.dy: d, nz.xhat: xh}, {nz.GAMMA: gamma, nz.SIGMA: sig, nz.N: "n"}
                tex_arrays = {nz.dy: _t(d), nz.xhat: _t(xh)}
                tex_scalars = {nz.GAMMA: _t(gamma), nz.SIGMA: _t(sig), nz.N: "N"}
                # its two sums are dbeta and dgamma, computed just above
                known = dict(zip(_sums(nz.dy), (f"d{beta}", f"d{gamma}"), strict=True))
                code = index_code(result.dx_dy, arrays, scalars, 0, known)
                tex = index_latex(result.dx_dy, tex_arrays, tex_scalars, "n")
                comment = "dJ/dx = gamma/(N sigma) (N dy - sum_n dy - xhat sum_n dy xhat), per feature"
            else:
                g = f"G{name}"
                self.bwd(g, f"{d} * {gamma}", ("N", width), "ln-dxhat", f"dJ/dxhat{name} = dJ/dy * gamma{name}",
                         f"{_t(g)} = {_dot(_t(d), _t(gamma))}")
                # the two sums over the features, once each (so that the line stays readable)
                sg, sgx = f"sum_g{name}", f"sum_gx{name}"
                self.bwd(sg, f"np.sum({g}, axis=1, keepdims=True)", ("N", 1), "ln-sums", f"sum over the features of G{name}",
                         f"\\mathbf{{s}}_{{g}}{names.layer_sup(name)} = \\sum_j {_t(g)}_{{j}}")
                self.bwd(sgx, f"np.sum({g} * {xh}, axis=1, keepdims=True)", ("N", 1), "ln-sums",
                         f"sum over the features of G{name} * xhat{name}",
                         f"\\mathbf{{s}}_{{g\\hat{{x}}}}{names.layer_sup(name)} = \\sum_j ({_dot(_t(g), _t(xh))})_{{j}}")
                known = dict(zip(_sums(nz.g), (sg, sgx), strict=True))
                code = index_code(result.dx, {nz.g: g, nz.xhat: xh}, {nz.SIGMA: sig, nz.N: str(width)}, 1, known)
                tex = index_latex(result.dx, {nz.g: _t(g), nz.xhat: _t(xh)}, {nz.SIGMA: _t(sig), nz.N: count}, "j")
                comment = "dJ/dx = 1/(D sigma) (D g - sum_j g - xhat sum_j g xhat), g = dJ/dxhat, per sample"
            self.bwd(target, code, ("N", width), f"{label}-dx", comment, f"{_t(target)} = {tex}")
            return target

        return h, width, emit

    def batchnorm(self, layer, h_in, width, last):
        return self._norm(layer, h_in, width, batch=True)

    def layernorm(self, layer, h_in, width, last):
        return self._norm(layer, h_in, width, batch=False)

    def dropout(self, layer: Layer, h_in: str, width: int, last: bool):
        name = layer.name
        p = layer.settings_dict["p"]
        key, mask, h = f"mask{name}", f"M{name}", f"H{name}"
        self.masks.append(MaskSpec(key, p, width))
        keep = repr(1 - p)
        self.fwd(mask, f'_mask(masks, "{key}", rng, {h_in}, {p!r})', ("N", width), "dropout-mask",
                 f"m{name}: 1 keeps a unit (probability 1 - p), 0 drops it",
                 f"{_t(mask)}_{{nj}} \\sim \\operatorname{{Bernoulli}}(1 - p), \\quad p = {p:g}", "train")
        self.fwd(h, f"{h_in} * {mask} / {keep}", ("N", width), "dropout", f"h{name} = m{name} * h / (1 - p)",
                 f"{_t(h)} = \\tfrac{{1}}{{1 - p}} {_dot(_t(mask), _t(h_in))}", "train")
        self.fwd(h, h_in, ("N", width), "dropout", "inference: no dropout", f"{_t(h)} = {_t(h_in)}", "eval")

        def emit(dh):
            if h_in == "X":
                return None
            self.bwd(f"dH_{h_in}", f"{dh} * {mask} / {keep}", ("N", width), "dropout-backward",
                     f"dJ/dh = m{name} * dJ/dh{name} / (1 - p)",
                     f"{_t('dH_' + h_in)} = \\tfrac{{1}}{{1 - p}} {_dot(_t(mask), _t(dh))}")
            return f"dH_{h_in}"

        return h, width, emit

    def residual(self, layer: Layer, h_in: str, width: int, last: bool):
        name = layer.name
        out, out_width, body_emitters = self.layers(layer.body, h_in, width, None)
        z = f"Z{name}"
        project = out_width != width
        P = f"P{name}"
        shape = (out_width, width) if self.row else (width, out_width)
        if project:
            self.params.append(ParamSpec(P, shape, "glorot", (width, out_width), True, "residual"))
            skip = f"{h_in} @ {P}.T" if self.row else f"{h_in} @ {P}"
            self.fwd(z, f"{skip} + {out}", ("N", out_width), "residual-projection", f"z{name} = P{name} h + F(h)",
                     f"{_t(z)} = {self.matmul_tex(h_in, P)} + {_t(out)}")
        else:
            self.fwd(z, f"{h_in} + {out}", ("N", out_width), "residual", f"z{name} = h + F(h)", f"{_t(z)} = {_t(h_in)} + {_t(out)}")
        h, act_back = self.activation(layer, z, out_width)

        def emit(dh):
            d = act_back(dh)
            # the body's gradient, then the skip path's: dJ/dh adds over both paths
            body_grad = d
            for e in reversed(body_emitters):
                body_grad = e(body_grad)
            if project:
                grad_tex = (f"{names.tex_transpose(_t(d))} {_t(h_in)}" if self.row else f"{names.tex_transpose(_t(h_in))} {_t(d)}")
                self.bwd(f"dP{name}", f"{d}.T @ {h_in}" if self.row else f"{h_in}.T @ {d}", shape, "residual-dP",
                         f"dJ/dP{name} = sum over samples of dz h^T", f"{_t('dP' + name)} = {grad_tex}")
            if h_in == "X":
                return None
            skip_grad = (f"{d} @ {P}" if self.row else f"{d} @ {P}.T") if project else d
            skip_tex = (f"{_t(d)} " + (_t(P) if self.row else names.tex_transpose(_t(P)))) if project else _t(d)
            self.bwd(f"dH_{h_in}", f"{skip_grad} + {body_grad}", ("N", width), "residual-backward",
                     "dJ/dh = skip path + body path (the body's, just above)",
                     f"{_t('dH_' + h_in)} = {skip_tex} + \\left.{_t(body_grad)}\\right|_{{\\text{{body}}}}")
            return f"dH_{h_in}"

        return h, out_width, emit

    def build(self) -> BatchProgram:
        net = self.net
        out, _, emitters = self.layers(net.layers, "X", net.inputs, net.layers[-1].index)
        dh = None
        for e in reversed(emitters):
            dh = e(dh)
        last = net.layers[-1]
        return BatchProgram(net, tuple(self.params), tuple(self.running), tuple(self.masks), tuple(self.activations.values()),
                            tuple(self.forward), tuple(self.backward), out, f"Z{last.name}")


def build_program(net: Network) -> BatchProgram:
    """The batch program of ``net`` (any layer kinds; the last layer is dense)."""
    if net.layers[-1].kind != "dense":
        raise ValueError("the last layer must be dense")  # spec.py refuses such specs with a clear message
    return _Builder(net).build()


# -- the program as Python source ------------------------------------------------------------------


def equation_numbers(program: BatchProgram) -> dict[str, int]:
    """The proof's equation numbers, in its order: the forward assignments of training mode, then those of inference and
    the running statistics, then every backward one, then each optimizer assignment; keys "forward-<i>",
    "backward-<i>" (positions in the program, from 0) and "update-<target>"."""
    order = [i for i, a in enumerate(program.forward) if a.mode in ("both", "train")]
    order += [i for i, a in enumerate(program.forward) if a.mode not in ("both", "train")]
    out = {f"forward-{i}": n for n, i in enumerate(order, start=1)}
    out.update({f"backward-{i}": len(program.forward) + i + 1 for i in range(len(program.backward))})
    net = program.network
    start = len(program.forward) + len(program.backward) + 1
    out.update({f"update-{u.target}": start + i for i, u in enumerate(net.optimizer.build(net.options_dict))})
    return out


def program_source(program: BatchProgram) -> str:
    """``_forward(params, X, train, rng, masks, running)`` and ``_backward(params, cache, Y)`` as Python source, each
    line under a comment with its formula and its equation number in the proof (``equation_numbers``).

    The helpers it calls (``_phi_<name>``, ``_dphi_<name>``, ``_softmax``, ``_output_error``, ``_mask``) are
    provided by the caller: the evaluator compiles them from the derivation, the generated module prints them.
    """
    nums = equation_numbers(program)

    def comment(a: Assign, label: str) -> str:
        return f"# {a.comment}  (eq. {nums[label]})"

    keys = program.param_keys
    shapes = _shapes(program)
    lines = ["def _forward(params, X, train, rng, masks, running):",
             '    """(Y_hat, cache): the forward pass; training mode uses batch statistics and dropout masks."""']
    forward_names, backward_names = _names(program.forward), _names(program.backward)  # once: 500 layers, 6000 lines
    if "n" in forward_names:
        lines.append("    n = X.shape[0]")
    lines += [f'    {k} = params["{k}"]' for k in keys if k in forward_names]
    mode = "both"
    means: dict[tuple[str, str], str] = {}  # (array, reduction arguments) -> the name of its mean (see _reductions)
    for i, a in enumerate(program.forward):
        if a.mode != mode:
            if a.mode == "train":
                lines.append("    if train:")
            elif a.mode == "running":
                lines.append("    if train and running is not None:")
            elif a.mode == "eval":
                lines.append("    if not train:")
            mode = a.mode
        indent = "    " if a.mode == "both" else "        "
        lines.append(f"{indent}{comment(a, f'forward-{i}')}")
        lines += [indent + line for line in _into_target(a, shapes, _reductions(a, means))]
    always = {a.target for a in program.forward if a.mode == "both"} | {"X"}
    cached = sorted(always | {a.target for a in program.forward if a.mode in ("train", "eval")}, key=_natural)
    both = _defined_in_both(program)
    lines += ["    cache = {", *_entries([c for c in cached if c in always or c in both], "        "), "    }"]
    train_only = [c for c in cached if c not in always and c not in both]
    if train_only:
        lines.append("    if train:")
        lines += ["        cache.update({", *_entries(train_only, "            "), "        })"]
    lines.append(f"    return {program.output}, cache")
    lines += ["", "", "def _backward(params, cache, Y):",
              '    """dJ/dtheta of the data term for every parameter (keyed like params, in the order of PARAM_KEYS)."""',
              '    n = cache["X"].shape[0]']
    lines += [f'    {k} = params["{k}"]' for k in keys if k in backward_names]
    used = [c for c in cached if c in backward_names]
    lines += [f'    {c} = cache["{c}"]' for c in used]
    for i, a in enumerate(program.backward):
        lines.append(f"    {comment(a, f'backward-{i}')}")
        lines += ["    " + line for line in _into_target(a, shapes, _reductions(a, means))]
    lines += ["    return {", *_entries(keys, "        ", "d"), "    }"]
    return "\n".join(lines) + "\n"


# -- computing an assignment into its target ---------------------------------------------------------------

_IN_PLACE = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}


def _shapes(program: BatchProgram) -> dict:
    """The shape of every array the program names ("N" for the batch), scalars as ()."""
    shapes = {"X": ("N", program.network.inputs), "n": ()}
    shapes.update({p.key: tuple(p.shape) for p in program.params})
    shapes.update({a.target: tuple(a.shape) for a in (*program.forward, *program.backward)})
    return shapes


def _shape(node: ast.expr, code: str, shapes: dict):
    """The shape of an expression of the program (NumPy broadcasting; ``@`` of two matrices), None when unknown."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return ()
    if isinstance(node, (ast.Name, ast.Subscript)):
        return shapes.get(_segment(code, node))
    if isinstance(node, ast.Attribute) and node.attr == "T":
        inner = _shape(node.value, code, shapes)
        return None if inner is None else tuple(reversed(inner))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return _shape(node.operand, code, shapes)
    if not isinstance(node, ast.BinOp):
        return None
    a, b = _shape(node.left, code, shapes), _shape(node.right, code, shapes)
    if a is None or b is None:
        return None
    if isinstance(node.op, ast.MatMult):
        return (a[0], b[1]) if len(a) == len(b) == 2 and a[1] == b[0] else None
    if type(node.op) not in _IN_PLACE:
        return None
    out = []
    for x, y in zip(reversed((1,) * (len(b) - len(a)) + a), reversed((1,) * (len(a) - len(b)) + b), strict=True):
        if x != y and 1 not in (x, y):
            return None
        out.append(y if x == 1 else x)
    return tuple(reversed(out))


def _reductions(a: Assign, means: dict) -> str:
    """``a.code`` with its NumPy reductions over an explicit axis called as the ufunc reductions they are, without
    the Python wrappers of np.sum/np.mean/np.var (1-4 µs a call, a tenth of a step at small sizes); the same numbers:

    - ``np.sum(x, axis=k)`` -> ``np.add.reduce(x, axis=k)``;
    - ``np.mean(h, axis=k)`` -> ``np.add.reduce(h, axis=k) / h.shape[k]`` (NumPy's mean is that sum over the count);
    - ``np.var(h, axis=k)`` after ``mu = np.mean(h, axis=k)`` -> ``np.add.reduce(np.square(h - mu), axis=k) /
      h.shape[k]`` (NumPy's var: the squared deviations from that same mean, summed, over the count).

    ``means`` collects the means assigned so far (in order, per mode), so that a variance can use its mean; an
    assignment to the array or to its mean forgets the pair."""
    code = a.code
    for key, mean in list(means.items()):
        if a.target in (key[0], mean):
            del means[key]
    try:
        tree = ast.parse(code, mode="eval")
    except SyntaxError:
        return code
    edits = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "np" and node.func.attr in ("sum", "mean", "var") and len(node.args) == 1
                and node.keywords and all(k.arg in ("axis", "keepdims") for k in node.keywords)
                and any(k.arg == "axis" and isinstance(k.value, ast.Constant) for k in node.keywords)):
            continue
        x = _segment(code, node.args[0])
        kwargs = ", ".join(f"{k.arg}={_segment(code, k.value)}" for k in node.keywords)
        axis = next(_segment(code, k.value) for k in node.keywords if k.arg == "axis")
        if node.func.attr == "sum":
            text = f"np.add.reduce({x}, {kwargs})"
        elif not isinstance(node.args[0], ast.Name):
            continue
        elif node.func.attr == "mean":
            text = f"np.add.reduce({x}, {kwargs}) / {x}.shape[{axis}]"
            if node is tree.body and a.target.isidentifier() and a.target != x:
                means[(x, kwargs, a.mode)] = a.target
        elif (x, kwargs, a.mode) in means:
            text = f"np.add.reduce(np.square({x} - {means[(x, kwargs, a.mode)]}), {kwargs}) / {x}.shape[{axis}]"
        else:
            continue
        edits.append((node.col_offset, node.end_col_offset, text))
    if "\n" in code or not edits:
        return code
    for start, end, text in sorted(edits, reverse=True):
        if not any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in edits):  # outermost edits only
            code = code[:start] + text + code[end:]
    return code


def _segment(code: str, node: ast.AST) -> str | None:
    """``ast.get_source_segment`` of a one-line ASCII ``code`` by slicing (it splits the whole text into lines at each
    call: 6000 program lines, 18000 calls)."""
    if "\n" in code or not code.isascii():
        return ast.get_source_segment(code, node)
    return code[node.col_offset : node.end_col_offset]


def _into_target(a: Assign, shapes: dict, code: str | None = None) -> list[str]:
    """The lines of ``a``: ``target = code``, or the same value computed into one array -- its first operation that
    makes an array of the target's shape, then ``target op= operand`` for each operation around it (``*`` and ``+`` of
    a smaller left operand last). Every operation and its operands are those of ``code`` (a ⊙ b = b ⊙ a exactly), so
    the numbers are the same; the intermediate arrays are not allocated.

    ``Z1 = X @ W1.T + b1`` becomes ``Z1 = X @ W1.T`` and ``Z1 += b1``."""
    target, code = a.target, a.code if code is None else code
    want = shapes.get(target)
    if not target.isidentifier() or _uses(code, target) or not want:
        return [f"{target} = {code}"]
    node, steps = ast.parse(code, mode="eval").body, []
    while isinstance(node, ast.BinOp) and type(node.op) in _IN_PLACE:
        op = _IN_PLACE[type(node.op)]
        if isinstance(node.left, ast.BinOp) and _shape(node.left, code, shapes) == want:
            steps.append(f"{target} {op}= {_segment(code, node.right)}")
            node = node.left
        elif op in "+*" and isinstance(node.right, ast.BinOp) and _shape(node.right, code, shapes) == want:
            steps.append(f"{target} {op}= {_segment(code, node.left)}")
            node = node.right
        else:
            break
    if not steps:
        return [f"{target} = {code}"]
    return [f"{target} = {_segment(code, node)}", *reversed(steps)]


def _entries(names_: list[str], indent: str, prefix: str = "") -> list[str]:
    """'"X": X,' dict entries, several to a line (at most 110 characters)."""
    lines, line = [], ""
    for n in names_:
        item = f'"{n}": {prefix}{n},'
        if line and len(indent) + len(line) + 1 + len(item) > 110:
            lines.append(indent + line)
            line = item
        else:
            line = f"{line} {item}" if line else item
    return [*lines, indent + line] if line else lines


def _defined_in_both(program: BatchProgram) -> set[str]:
    """The forward targets computed in training and in inference alike (mode "both", or "train" and "eval")."""
    modes: dict[str, set] = {}
    for a in program.forward:
        modes.setdefault(a.target, set()).add(a.mode)
    return {name for name, m in modes.items() if "both" in m or {"train", "eval"} <= m}


#: a name in a line of the program (not part of a longer name, not a dict key "W1")
_NAME = re.compile(r"(?<![\w\"])[A-Za-z_]\w*(?![\w\"])")


def _uses(code: str, name: str) -> bool:
    return name in _tokens(code)


@functools.lru_cache(maxsize=1 << 14)
def _tokens(code: str) -> frozenset[str]:
    """The names ``code`` uses (``_NAME``): one scan, where a pattern per name asked missed re's cache of 512 compiled
    patterns on a deep network (498 batch-norm layers: 5000 compilations, a third of printing the program)."""
    return frozenset(m.group() for m in _NAME.finditer(code))


def _names(assigns) -> set[str]:
    """Every name the lines ``assigns`` use (``_uses`` of each name, in one pass over the code: asking each name of each
    line was quadratic in the depth -- 498 batch-norm layers took 120 CPU s to print)."""
    return {m.group() for a in assigns for m in _NAME.finditer(a.code)}


def _natural(name: str):
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name)]


__all__ = ["Assign", "BatchProgram", "MaskSpec", "ParamSpec", "build_program", "index_code", "program_source"]
