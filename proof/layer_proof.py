"""The proof of a network with layer kinds: the batch program as numbered equations, each kind's derivation.

``render_layer_proof(d)`` fills ``templates/layers.tex.j2``: the network table and conventions, the forward pass
(training mode, then what inference changes), the objective (the regularizer on dense weights only), one derivation
per kind present -- batch and layer normalisation from ``normalization.py`` (local derivatives by ``sympy.diff``, the
three paths, the compact result), dropout and residual blocks by ``sympy.diff`` of their definitions -- the backward
pass, the training equations and how everything was checked. Equation numbers are ``program.equation_numbers``, the
ones the generated module cites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import sympy as sp
from gradproof.derive import names as nm
from gradproof.derive import normalization as nz
from gradproof.derive.checks import FD_TOLERANCE, TOLERANCE
from gradproof.derive.optimizers import GRAD, STATE, TEMP, THETA
from gradproof.derive.program import _tex_number, equation_numbers, index_latex
from gradproof.derive.regularizers import WEIGHT
from gradproof.derive.symbols import YHAT, Y

from .document import _SECONDS, Row
from .latex import escape as _escape
from .latex import latex


@dataclass(frozen=True)
class Block:
    """A titled display: prose, aligned rows, and a justification."""

    title: str
    intro: str
    rows: tuple[Row, ...]
    why: str = ""


@dataclass(frozen=True)
class LayerDocument:
    title: str
    source: str
    name: str
    summary: str
    layers: tuple[tuple[str, str, str, str, str], ...]  # index, kind, width, parameters, activation
    conventions: tuple[str, ...]
    forward: tuple[Block, ...]
    objective: tuple[Block, ...]
    kinds: tuple[Block, ...]
    backward: tuple[Block, ...]
    training: tuple[Block, ...]
    checks: tuple[tuple[str, str], ...]  # method, detail (in words: no measured error, no timing)
    verdict: str


def _rows(assigns, offset_label: str, nums: dict, start: int = 0) -> tuple[Row, ...]:
    return tuple(Row(_align(a.tex), rf"\tag{{{nums[f'{offset_label}-{start + i}']}}}") for i, a in enumerate(assigns))


def _align(tex: str) -> str:
    r"""Align at the first = (or \leftarrow) of an assignment."""
    for sep in (" = ", r" \leftarrow "):
        if sep in tex:
            left, right = tex.split(sep, 1)
            return f"{left} &{sep.strip()} {right}" if sep == " = " else f"{left} &\\leftarrow {right}"
    return tex


def _kind_text(layer) -> tuple[str, str]:
    s = layer.settings_dict
    if layer.kind == "batchnorm":
        return r"$\boldsymbol{\gamma}, \boldsymbol{\beta}$", rf"$\epsilon = {_tex_number(s['eps'])}$, momentum ${s['momentum']:g}$"
    if layer.kind == "layernorm":
        return r"$\boldsymbol{\gamma}, \boldsymbol{\beta}$", rf"$\epsilon = {_tex_number(s['eps'])}$"
    if layer.kind == "dropout":
        return "---", rf"$p = {s['p']:g}$"
    if layer.kind == "residual":
        return (r"$\mathbf{P}$" if layer.units != layer.n_in else "---"), "body " + ", ".join(
            b.path.replace("_", ".") for b in layer.body)
    return r"$\mathbf{W}, \mathbf{b}$", ""


def _table(net) -> tuple:
    out = []
    for layer in net.all_layers:
        params, extra = _kind_text(layer)
        act = "" if layer.kind == "dropout" else f"${layer.latex}$"
        out.append((layer.path.replace("_", ".") or str(layer.index), layer.kind + (f" ({extra})" if extra else ""),
                    f"{layer.n_in} $\\to$ {layer.units}", params, act))
    return tuple(out)


_NAMES = {nz.x.label: "x", nz.xhat.label: r"\hat{x}", nz.dy.label: r"\bar{y}", nz.g.label: "g", nz.MU: r"\mu",
          nz.VAR: r"\sigma^{2}", nz.SIGMA: r"\sigma", nz.EPS: r"\epsilon", nz.GAMMA: r"\gamma"}


def _sym(expr) -> str:
    return sp.latex(expr, symbol_names=_NAMES)


def _normalisation(axis: str, checks) -> Block:
    r = nz.derive_normalization(axis)
    what = "batch" if axis == "batch" else "layer"
    over = ("the $N$ samples of the batch, for one feature (every feature alike)" if axis == "batch"
            else "the $N$ features of one sample ($N = D$, the width; every sample alike)")
    locals_ = dict(r.locals)
    entry = {nz.dy: lambda k: rf"\bar{{y}}_{{{k}}}", nz.xhat: lambda k: rf"\hat{{x}}_{{{k}}}", nz.g: lambda k: f"g_{{{k}}}",
             nz.gammas: lambda k: rf"\gamma_{{{k}}}"}
    scal = {nz.GAMMA: r"\gamma", nz.SIGMA: r"\sigma", nz.N: "N"}
    rows = [
        Row(r"\mu &= \frac{1}{N}\sum_{k} x_k, \qquad \sigma^2 = \frac{1}{N}\sum_{k} (x_k - \mu)^2, \qquad "
            r"\sigma = \sqrt{\sigma^2 + \epsilon}", ""),
        Row(r"\hat{x}_n &= \frac{x_n - \mu}{\sigma}, \qquad "
            + (r"y_n = \gamma \hat{x}_n + \beta" if axis == "batch" else r"y_n = \gamma_n \hat{x}_n + \beta_n"), ""),
        Row(r"\frac{\partial \mu}{\partial x_i} &= " + _sym(locals_["dmu/dx_i"]) + r", \qquad "
            r"\frac{\partial \sigma^2}{\partial x_i}\Big|_{\mu} = " + _sym(locals_["dv/dx_i"]) + r", \qquad "
            r"\frac{\partial \sigma^2}{\partial \mu} = -\frac{2}{N}\sum_k (x_k - \mu) = 0", ""),
        Row(r"\frac{\partial \hat{x}_n}{\partial x_i}\Big|_{\mu, \sigma^2} &= " + _sym(locals_["dxhat_n/dx_i"]) + r", \qquad "
            r"\frac{\partial \hat{x}_n}{\partial \mu} = " + _sym(locals_["dxhat_n/dmu"]) + r", \qquad "
            r"\frac{\partial \hat{x}_n}{\partial \sigma^2} = " + _sym(locals_["dxhat_n/dv"]), ""),
        Row(r"\frac{\partial J}{\partial x_i} &= \sum_{n} g_n \Big(\frac{\partial \hat{x}_n}{\partial x_i}\Big|_{\mu,\sigma^2} + "
            r"\frac{\partial \hat{x}_n}{\partial \mu}\frac{\partial \mu}{\partial x_i} + \frac{\partial \hat{x}_n}{\partial \sigma^2}"
            r"\frac{\partial \sigma^2}{\partial x_i}\Big)", ""),
        Row(r"&= " + index_latex(r.dx, entry, scal, "n", odot=False), ""),
    ]
    if axis == "batch":
        rows.append(Row(r"&= " + index_latex(r.dx_dy, entry, scal, "n", odot=False) + r" \qquad (g_n = \gamma \bar{y}_n)", ""))
        rows.append(Row(r"\frac{\partial J}{\partial \gamma} &= " + index_latex(r.dgamma, entry, scal, "n", odot=False)
                        + r", \qquad \frac{\partial J}{\partial \beta} = " + index_latex(r.dbeta, entry, scal, "n", odot=False), ""))
    else:
        rows.append(Row(r"g_n &= \gamma_n \bar{y}_n, \qquad \frac{\partial J}{\partial \gamma_j} = \sum_{\text{samples}} "
                        r"\bar{y}_j \hat{x}_j, \qquad \frac{\partial J}{\partial \beta_j} = \sum_{\text{samples}} \bar{y}_j", ""))
    check = next((c for c in checks if c.what == ("batchnorm" if axis == "batch" else "layernorm")), None)
    why = (f"Each local derivative is \\texttt{{sympy.diff}} of a definition; $x_i$ reaches $\\hat{{x}}_n$ directly and through "
           "$\\mu$ and $\\sigma^2$, so the total derivative adds the three paths; the Kronecker deltas are summed out, "
           "$\\sum_k (x_k - \\mu) = 0$ removes $\\partial\\sigma^2/\\partial\\mu$ and $x_n - \\mu = \\sigma \\hat{x}_n$. "
           f"The statistics couple the {'samples' if axis == 'batch' else 'features'}: every $x_i$ moves every $y_n$, "
           "which is why the result is not $\\gamma\\bar{y}_i/\\sigma$.")
    if check is not None:
        why += " Checked: " + _escape(_stated(check).split(": ", 1)[1]) + "."
    intro = rf"Normalisation over {over}; $\bar{{y}}_n = \partial J/\partial y_n$, $g_n = \partial J/\partial \hat{{x}}_n$."
    return Block(f"{what.capitalize()} normalisation", intro,
                 tuple(rows), why)


_MEASURED = re.compile(r"max relative error \S+")


def _stated(check) -> str:
    """A check's detail with its bound instead of the measured error and without the timing, so the text is reproducible.

    Check.detail is prose with the measured values in it; structured fields on Check would make this unnecessary.
    """
    bound = {"instantiation": TOLERANCE, "finite-differences": FD_TOLERANCE}.get(check.method)
    text = _SECONDS.sub("", check.detail)
    return _MEASURED.sub(f"relative error below {bound:.0e}".replace("e-0", "e-"), text) if bound is not None else text


def _dropout() -> Block:
    x, m, p = sp.symbols("x m p", real=True)
    h = m * x / (1 - p)
    return Block("Dropout", r"Inverted dropout with a mask $m \in \{0, 1\}$ per unit and step ($P(m = 1) = 1 - p$):",
                 (Row(f"h &= {latex(h, {})}, \\qquad \\frac{{\\partial h}}{{\\partial x}} = {latex(sp.diff(h, x), {})}", ""),),
                 "The mask is an input of the derivation, not a parameter: the gradient passes only through the kept "
                 "units, scaled as in the forward pass. At inference there is no dropout ($h = x$), so the expected "
                 "activation is the same in both modes.")


def _residual(projects: bool) -> Block:
    rows = [Row(r"\mathbf{z} &= \mathbf{h} + F(\mathbf{h}), \qquad \frac{\partial \mathbf{z}}{\partial \mathbf{h}} = "
                r"\mathbf{I} + \frac{\partial F}{\partial \mathbf{h}} \;\Rightarrow\; \frac{\partial J}{\partial \mathbf{h}} = "
                r"\frac{\partial J}{\partial \mathbf{z}} + \Big(\frac{\partial F}{\partial \mathbf{h}}\Big)^{\top}"
                r"\frac{\partial J}{\partial \mathbf{z}}", "")]
    if projects:
        rows.append(Row(r"\mathbf{z} &= \mathbf{P}\mathbf{h} + F(\mathbf{h}) \;\Rightarrow\; \frac{\partial J}{\partial \mathbf{h}}"
                        r" = \mathbf{P}^{\top}\frac{\partial J}{\partial \mathbf{z}} + \Big(\frac{\partial F}{\partial \mathbf{h}}"
                        r"\Big)^{\top}\frac{\partial J}{\partial \mathbf{z}}, \qquad \frac{\partial J}{\partial \mathbf{P}} = "
                        r"\frac{\partial J}{\partial \mathbf{z}}\, \mathbf{h}^{\top}", ""))
    return Block("Residual blocks", r"A block adds its input to its body's output (through a projection $\mathbf{P}$ when the "
                 "body changes the width):", tuple(rows),
                 "The input reaches the output along two paths, the skip connection and the body, so by the multivariable "
                 "chain rule the gradient is the sum of both; the body's own backward pass gives the second term.")


def _output(d) -> Block:
    out = d.output
    names = {YHAT: r"\hat{y}", Y: "y"}
    delta = latex(out.delta, names) if out.delta is not None else r"\hat{y} \odot (g - \langle g, \hat{y} \rangle)"
    return Block("Output error", "The output layer is dense; its error per sample comes from the loss and the output "
                 "activation as for a dense network:", (Row(r"\boldsymbol{\delta}(\hat{\mathbf{y}}, \mathbf{y}) &= " + delta, ""),),
                 "Derived from the loss composed with the output activation (the same derivation as a dense stack); the "
                 r"batch form divides by $N$ once, at the output: $\boldsymbol{\Delta}^{(L)} = \frac{1}{N}\boldsymbol{\delta}$.")


def build_layer_document(d) -> LayerDocument:
    net, program = d.network, d.program
    nums = equation_numbers(program)
    train = [(i, a) for i, a in enumerate(program.forward) if a.mode in ("both", "train")]
    other = [(i, a) for i, a in enumerate(program.forward) if a.mode in ("eval", "running")]
    forward = [Block("Training mode", "Samples are the rows of $\\mathbf{X}$; a vector added to or multiplying a matrix "
                     "acts on every row.", tuple(Row(_align(a.tex), rf"\tag{{{nums[f'forward-{i}']}}}") for i, a in train))]
    if other:
        forward.append(Block("Inference and running statistics", "Batch norm keeps running statistics, updated after each "
                             "training batch (as PyTorch: the variance is the unbiased one), and uses them at inference; "
                             "dropout is off at inference:",
                             tuple(Row(_align(a.tex), rf"\tag{{{nums[f'forward-{i}']}}}") for i, a in other)))
    penalised = [p.key for p in program.params if p.penalised or (net.penalize_bias and p.key.startswith("b"))]
    loss_tex = latex(net.loss.component, {YHAT: r"\hat{y}_{nk}", Y: "y_{nk}"})
    objective = [Block("Objective", "", (Row(r"J &= \frac{1}{N}\sum_{n}\sum_{k} " + f"\\left({loss_tex}\\right)" +
                                             (" + R" if net.regularizer else ""), ""),))]
    if net.regularizer is not None:
        pen = latex(d.reg_penalty, {WEIGHT: "w"})
        keys = ", ".join(f"${nm.tex_array(k)}$" for k in penalised)
        objective.append(Block("Regularizer", f"Applied to every entry $w$ of {keys} only:",
                               (Row(f"R &= \\sum_{{w}} {pen}, \\qquad \\frac{{\\partial R}}{{\\partial w}} = "
                                    f"{latex(d.reg_grad, {WEIGHT: 'w'})}", ""),),
                               "The regularizer penalises the dense weights (and projections) only: the normalisation "
                               "parameters $\\gamma, \\beta$ are not penalised" + ("" if net.penalize_bias else ", nor the biases")
                               + "; its gradient is added to those weights' gradients below."))
    kinds = [_output(d)]
    present = {layer.kind for layer in net.all_layers}
    if "batchnorm" in present:
        kinds.append(_normalisation("batch", d.checks))
    if "layernorm" in present:
        kinds.append(_normalisation("features", d.checks))
    if "dropout" in present:
        kinds.append(_dropout())
    if "residual" in present:
        kinds.append(_residual(any(p.key.startswith("P") for p in program.params)))
    backward = [Block("Backward pass", "From the output back to the input; $\\partial J/\\partial \\cdot$ of a matrix is the "
                      "matrix of partial derivatives, summed over the samples for a parameter:",
                      tuple(Row(_align(a.tex), rf"\tag{{{nums[f'backward-{i}']}}}") for i, a in enumerate(program.backward)))]
    names = {THETA: r"\theta", GRAD: "g", **{s: nm.STATE_LATEX.get(s.name, s.name) for s in (*STATE.values(), *TEMP.values())}}
    updates = []
    for u in d.updates:
        target = r"\theta" if u.kind == "param" else nm.STATE_LATEX.get(u.target, u.target)
        updates.append(Row(f"{target} &\\leftarrow {latex(u.expr, names)}", rf"\tag{{{nums[f'update-{u.target}']}}}"))
    keys = ", ".join(f"${nm.tex_array(k)}$" for k in program.param_keys)
    training = [Block(f"{net.optimizer.name} for every parameter",
                      f"For every parameter $\\theta$ among {keys}, elementwise, with $g = \\partial J / \\partial \\theta$"
                      + (" plus the regularizer's gradient for the penalised weights" if net.regularizer else "") + ":",
                      tuple(updates))]
    checks = tuple((c.method, _escape(_stated(c))) for c in d.all_checks())
    verdict = "Every check passed." if d.all_passed else "Some checks FAILED."
    summary = (f"The network has {len(net.all_layers)} layers of kinds {', '.join(sorted(present))}; its gradients "
               "are derived for a whole batch, because batch normalisation couples the samples.")
    source = _escape(Path(net.source).name) if net.source != "<spec>" else "an inline spec"
    return LayerDocument(_escape(net.title), source, _escape(net.name), summary, _table(net), _conventions(net),
                         tuple(forward), tuple(objective), tuple(kinds), tuple(backward), tuple(training), checks, verdict)


def _conventions(net) -> tuple[str, ...]:
    row = net.convention == "row"
    out = [(r"Row convention: $\mathbf{Z} = \mathbf{H}\mathbf{W}^{\top} + \mathbf{b}$, $\mathbf{W}$ is $n_{\text{out}} \times "
            r"n_{\text{in}}$.") if row else (r"Column convention: $\mathbf{Z} = \mathbf{H}\mathbf{W} + \mathbf{W}_0$, "
                                             r"$\mathbf{W}$ is $n_{\text{in}} \times n_{\text{out}}$."),
           "Samples are the rows of $\\mathbf{X}$; $N$ is the batch size; $J$ is the mean loss over the batch."]
    present = {layer.kind for layer in net.all_layers}
    if "residual" in present:
        out.append("Layer $l.k$ is the $k$-th layer of the body of residual block $l$.")
    if present & {"batchnorm", "layernorm"}:
        out.append(r"Normalisation uses the biased variance and $\epsilon$ inside the square root; $\boldsymbol{\gamma}$ and "
                   r"$\boldsymbol{\beta}$ are learned, one per feature.")
    if "dropout" in present:
        out.append(r"Dropout's $p$ is the drop probability (as in PyTorch); inverted dropout scales kept units by "
                   r"$1/(1 - p)$ in training and does nothing at inference.")
    return tuple(out)


def layer_report(d) -> str:
    """The terminal report of ``d``: the layers, the batch program with its equation numbers, the checks."""
    net, program = d.network, d.program
    nums = equation_numbers(program)
    kinds = ", ".join(f"{layer.path.replace('_', '.') or layer.index} {layer.kind}"
                      + (f" ({layer.activation})" if layer.activation != "identity" else "") for layer in net.all_layers)
    lines = [f"{net.name}: {net.inputs} inputs; {kinds}; loss {net.loss.name}; optimizer {net.optimizer.name}",
             f"  {net.convention} convention; samples are rows; batch norm: biased variance, eps inside the root; "
             "the regularizer penalises dense weights only (not gamma, beta)", ""]
    sections = (("Forward pass, training mode", [(f"forward-{i}", a) for i, a in enumerate(program.forward)
                                                  if a.mode in ("both", "train")]),
                ("Inference and running statistics", [(f"forward-{i}", a) for i, a in enumerate(program.forward)
                                                       if a.mode in ("eval", "running")]),
                ("Backward pass for a batch (1/N at the output error)", [(f"backward-{i}", a) for i, a in enumerate(program.backward)]))
    for title, items in sections:
        if items:
            lines.append(title)
            lines += [f"  ({nums[label]}) {a.comment}" for label, a in items]
            lines.append("")
    lines.append("Checks")
    lines += [f"  {'✓' if c.passed else '✗'} {c.method}: {c.detail}" for c in d.all_checks()]
    lines += ["", f"{'all checks passed' if d.all_passed else 'SOME CHECKS FAILED'}; derived and checked in {d.seconds:.2f} s"]
    return "\n".join(lines) + "\n"


def render_layer_proof(d) -> str:
    """The LaTeX source of the proof of ``d`` (a derivation with a batch program)."""
    from .document import environment

    return environment().get_template("layers.tex.j2").render(doc=build_layer_document(d))


__all__ = ["build_layer_document", "layer_report", "render_layer_proof"]
