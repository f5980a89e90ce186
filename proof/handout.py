"""The handout's own parts, as LaTeX strings for the template: dimension table, conventions, summary box (BP1-BP4),
pseudo-code, worked example, the table of checks, references.

Everything here is printed from the Derivation (and the equation table); nothing is measured into the text, so two
runs of one spec give the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy as sp
from gradproof.derive import names as nm
from gradproof.derive.derivation import IDENTITY_TOLERANCE
from gradproof.derive.regularizers import WEIGHT
from gradproof.derive.symbols import Z

from . import equations
from .example import FD_TOLERANCE, Example
from .latex import display_name, escape, latex, number


# -- small helpers ---------------------------------------------------------------------------------------
def ref(label: str) -> str:
    return rf"\eqref{{{equations.tex_label(label)}}}"


def eq_ranges(labels: list[str], numbers: dict) -> str:
    """\\eqref ranges of the given labels: (1)--(3), (7)."""
    nums = sorted(numbers[x] for x in labels if x in numbers)
    by_num = {numbers[x]: x for x in labels if x in numbers}
    out, k = [], 0
    while k < len(nums):
        j = k
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        a, b = by_num[nums[k]], by_num[nums[j]]
        out.append(ref(a) if a == b else f"{ref(a)}--{ref(b)}")
        k = j + 1
    return ", ".join(out)


def _shape(net, l: int) -> str:
    s = net.sizes
    return rf"{s[l]} \times {s[l - 1]}" if net.convention == "row" else rf"{s[l - 1]} \times {s[l]}"


def _bias(net, l) -> str:
    return nm.tex_bias(l, net.convention)


# -- dimension table -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DimRow:
    layer: str
    activation: str
    units: str
    weight: str
    bias: str


def dimension_rows(d) -> tuple[DimRow, ...]:
    net = d.network
    rows = [DimRow("0", "input", str(net.inputs), "--", "--")]
    for l, layer in enumerate(net.layers, start=1):
        rows.append(DimRow(str(l), display_name(layer.activation), str(layer.units), rf"${_shape(net, l)}$", str(layer.units)))
    return tuple(rows)


# -- conventions ---------------------------------------------------------------------------------------
def _kinks(d, layers=None) -> list[str]:
    """Layers whose phi has a kink at 0: the value the formulas use there (a subgradient), from the derived phi'.

    ``layers`` (default ``d.layers``) are LayerResults whose ``index`` names them (a layer-kind proof passes one per
    activation, its index the paths of the layers using it)."""
    out = []
    for r in d.layers if layers is None else layers:
        if r.dphi is None or not r.dphi.has(sp.Piecewise, sp.Abs, sp.sign, sp.Heaviside):
            continue
        f = sp.lambdify(Z, r.dphi.subs(r.param_values), "math")
        try:
            left, right, at = f(-1e-12), f(1e-12), f(0.0)
        except (ValueError, ZeroDivisionError, OverflowError):
            continue
        if abs(left - right) > 1e-9:
            lo, hi = sorted((left, right))
            name = display_name(r.layer.activation)
            if isinstance(r.index, int):
                who, phi = rf"$\phi_{{{r.index}}}$ ({name})", rf"\phi_{{{r.index}}}'(0)"
            else:  # a layer-kind proof: the activation, and the layers that use it
                who, phi = f"{name} (layer{'s' if ',' in r.index else ''} {r.index})", r"\phi'(0)"
            out.append(
                rf"{who} has a kink at $z = 0$ (one-sided derivatives "
                rf"${number(round(lo, 6))}$ and ${number(round(hi, 6))}$); the formulas and the generated code use "
                rf"${phi} = {number(round(at, 6))}$, a subgradient."
            )
    return out


def conventions(d, epsilon_root: str) -> tuple[str, ...]:
    net, L = d.network, d.network.depth
    row = net.convention == "row"
    out = [
        (
            r"Layers $l = 1, \dots, "
            + str(L)
            + r"$ with $n_l$ units; $\mathbf{h}^{(0)} = \mathbf{x}$, $\mathbf{h}^{("
            + str(L)
            + r")} = \hat{\mathbf{y}}$ (the prediction), $\mathbf{y}$ the target. Vectors are bold columns; $i, j, k, s$ index "
            r"components, $n = 1, \dots, N$ the samples of a batch (dropped for one sample)."
        ),
        (
            (
                r"Row convention: $\mathbf{z}^{(l)} = \mathbf{W}^{(l)} \mathbf{h}^{(l-1)} + \mathbf{b}^{(l)}$, $\mathbf{W}^{(l)}$ is "
                r"$n_l \times n_{l-1}$."
            )
            if row
            else (
                r"Column convention: $\mathbf{z}^{(l)} = {\mathbf{W}^{(l)}}^{\top} \mathbf{h}^{(l-1)} + \mathbf{W}_0^{(l)}$, "
                r"$\mathbf{W}^{(l)}$ is $n_{l-1} \times n_l$."
            )
        ),
        (
            r"One sample's $\mathbf{z}^{(l)}, \mathbf{h}^{(l)}, \boldsymbol{\delta}^{(l)} \in \mathbb{R}^{n_l}$; a batch stacks "
            r"its $N$ samples as rows: inputs $\mathbf{X}$ ($N \times n_0$), targets $\mathbf{Y}$ and predictions "
            rf"$\hat{{\mathbf{{Y}}}}$ ($N \times n_{{{L}}}$), $\mathbf{{Z}}^{{(l)}}, \mathbf{{H}}^{{(l)}}, "
            r"\boldsymbol{\Delta}^{(l)}$ ($N \times n_l$); $\mathbf{1}_N$ is a column of ones."
        ),
        (
            r"$\partial J / \partial \mathbf{W}^{(l)}$ has the shape of $\mathbf{W}^{(l)}$ (entry $pq$ is "
            r"$\partial J / \partial W^{(l)}_{pq}$), likewise for biases; $\odot$ is the elementwise product; functions, "
            r"powers and quotients of vectors act elementwise."
        ),
    ]
    if net.regularizer is None:
        out.append(r"The objective is the mean loss over the $N$ samples of a batch; there is no regularizer.")
    else:
        factor, _ = d.reg_penalty.as_independent(WEIGHT, as_Add=False)
        text = (
            rf"Regularizer: {escape(net.regularizer.name.upper())} with $\lambda = {number(net.reg_lambda)}$ and factor ${latex(factor)}$"
            + ("; biases are penalised too" if net.penalize_bias else "; biases are not penalised")
        )
        if net.reg_scaling == "batch":
            text += (
                r", divided by $N$ like the data term: $J$ is the batch's cost per sample, so the decay per step does "
                r"not depend on the batch size."
            )
        else:
            text += r". The penalty is not divided by $N$: it weighs the same whatever the batch size."
        out.append(text)
        if net.regularizer.name == "l1":
            out.append(r"$|w|$ has no derivative at $w = 0$; the formulas use $\operatorname{sign}(0) = 0$, a subgradient.")
    out += _kinks(d)
    for hyp in d.output.hypotheses:
        if "sum to 1" in hyp:
            out.append(rf"Hypothesis: the targets are one-hot (or probabilities), $\sum_s y_s = 1$; it is used in {ref('output')}.")
        else:
            out.append(f"Hypothesis: {escape(hyp)}.")
    opts = dict(net.options)
    if net.optimizer.name == "adamax":  # no square root: the constant sits beside |g| in the max, or beside u
        out.append(rf"Optimizer {display_name(net.optimizer.name)}: $\epsilon$ is added "
                   + (r"to $|g|$ inside the maximum (as PyTorch)." if opts.get("epsilon_placement") == "inside"
                      else r"to $u$ in the step (as Keras)."))
    elif "epsilon_placement" in opts:
        where = "inside" if opts["epsilon_placement"] == "inside" else "outside"
        out.append(
            rf"Optimizer {display_name(net.optimizer.name)}: $\epsilon$ is added {where} the square root"
            + (rf", the step divides by ${epsilon_root}$" if epsilon_root else "")
            + "."
        )
    if "variant" in opts:  # (momentum's, Nesterov's, AMSGrad's)
        out.append(rf"Optimizer {display_name(net.optimizer.name)} ({escape(opts['variant'])} form)"
                   + _VARIANT_NOTES.get((net.optimizer.name, opts["variant"]), "."))
    return tuple(out)


# -- summary box and pseudo-code -------------------------------------------------------------------------
def summary_box(d, output_batch: str) -> tuple[tuple[str, str, str], ...]:
    """BP1-BP4 in batch form for a generic layer l: (name, LaTeX, where it is derived)."""
    net = d.network
    row, L = net.convention == "row", net.depth
    W_next = r"\mathbf{W}^{(l+1)}" if row else r"{\mathbf{W}^{(l+1)}}^{\top}"
    prod = r"{\boldsymbol{\Delta}^{(l)}}^{\top} \mathbf{H}^{(l-1)}" if row else r"{\mathbf{H}^{(l-1)}}^{\top} \boldsymbol{\Delta}^{(l)}"
    reg_w = r" + \frac{\partial R}{\partial \mathbf{W}^{(l)}}" if d.reg_grad is not None else ""
    reg_b = r" + \frac{\partial R}{\partial " + _bias(net, "l") + "}" if d.reg_grad is not None and net.penalize_bias else ""
    return (
        ("BP1", rf"\boldsymbol{{\Delta}}^{{({L})}} = {output_batch}", ref("output")),
        (
            "BP2",
            rf"\boldsymbol{{\Delta}}^{{(l)}} = \left(\boldsymbol{{\Delta}}^{{(l+1)}} {W_next}\right) "
            rf"\odot \phi_l'\left(\mathbf{{Z}}^{{(l)}}\right),"
            rf"\quad l = {L - 1}, \dots, 1"
            if L > 1
            else r"\text{(no hidden layer)}",
            ref("recursion"),
        ),
        ("BP3", rf"\frac{{\partial J}}{{\partial \mathbf{{W}}^{{(l)}}}} = \frac{{1}}{{N}} {prod}{reg_w}", ref("weight-grad")),
        (
            "BP4",
            rf"\frac{{\partial J}}{{\partial {_bias(net, 'l')}}} = "
            rf"\frac{{1}}{{N}} {{\boldsymbol{{\Delta}}^{{(l)}}}}^{{\top}} \mathbf{{1}}_N{reg_b}",
            ref("bias-grad"),
        ),
    )


def algorithm(d) -> tuple[str, ...]:
    """Pseudo-code of one training step, each line citing its equations; ``\\quad`` indents."""
    net, L = d.network, d.network.depth
    upd = [u.target for u in d.updates]
    first, last = upd[0], upd[-1]
    updates = ref(f"update-{first}") + ("" if first == last else f"--{ref(f'update-{last}')}")
    grads = [f"total-{k}-{l}" for l in range(L, 0, -1) for k in ("delta", "dW", "db")]
    t = r"$t \leftarrow t + 1$; " if any(u.kind == "temp" for u in d.updates) else ""
    return (
        rf"$\mathbf{{H}}^{{(0)}} \leftarrow \mathbf{{X}}$; \textbf{{for}} $l = 1, \dots, {L}$: "
        rf"$\mathbf{{Z}}^{{(l)}}$, $\mathbf{{H}}^{{(l)}}$ by "
        rf"{ref('forward-z')}, {ref('forward-h')}, one row per sample",
        rf"$\boldsymbol{{\Delta}}^{{({L})}}$ by BP1; \textbf{{for}} $l = {L}, \dots, 1$: $\partial J / \partial \mathbf{{W}}^{{(l)}}$, "
        rf"$\partial J / \partial {_bias(net, 'l')}$ by BP3, BP4, then (if $l > 1$) $\boldsymbol{{\Delta}}^{{(l-1)}}$ by BP2 "
        rf"(this network: {eq_ranges(grads, equations.numbers(net))})",
        rf"\textbf{{for}} every parameter $\theta$ with $g = \partial J / \partial \theta$: {t}update by {updates}",
    )


# -- worked example --------------------------------------------------------------------------------------
def fmt(v: float, places: int = 4) -> str:
    v = float(v)
    if abs(v) < 1e-12:  # rounding noise of a sum that is 0 by hand (0.28 + 0.12 - 0.4)
        return "0"
    if abs(v) < 5e-5:
        return number(float(f"{v:.2e}"))
    text = f"{v:.{places}f}"
    return "0" if float(text) == 0 else text


def vec(a, places: int = 4) -> str:
    """A column vector written as a transposed row, (a, b, c)^T."""
    a = np.asarray(a).ravel()
    if len(a) == 1:
        return fmt(a[0], places)
    return r"\left(" + r",\ ".join(fmt(v, places) for v in a) + r"\right)^{\top}"


def mat(a, places: int = 4) -> str:
    a = np.atleast_2d(a)
    return r"\begin{pmatrix}" + r" \\ ".join(" & ".join(fmt(v, places) for v in row) for row in a) + r"\end{pmatrix}"


def row(a, places: int = 4) -> str:
    """A vector as a row of numbers, (a, b, c) (the table's header carries the transpose)."""
    return r"$\left(" + r",\ ".join(fmt(v, places) for v in np.asarray(a).ravel()) + r"\right)$"


@dataclass(frozen=True)
class ExampleView:
    sizes: str
    given: str  # x and y, inline
    forward: tuple[tuple[str, ...], ...]  # per layer: l, W, b, z, h
    backward: tuple[tuple[str, ...], ...]  # per layer (output first): l, delta, dJ/dW, dJ/db
    loss: str
    agreement: str
    bias: str  # the bias of layer l as LaTeX (b^(l) or W_0^(l))


def example_view(d, ex: Example | None) -> ExampleView | None:
    if ex is None:
        return None
    given = rf"$\mathbf{{x}} = {vec(ex.x, 1)}$, $\mathbf{{y}} = {vec(ex.y, 1)}$"
    forward = tuple((str(lay.index), f"${mat(lay.W, 1)}$", row(lay.b, 1), row(lay.z), row(lay.h)) for lay in ex.layers)
    backward = tuple((str(lay.index), row(lay.delta), f"${mat(lay.dW)}$", row(lay.db)) for lay in reversed(ex.layers))
    loss = rf"$L = {fmt(ex.data_loss)}$" + (rf", $J = L + R = {fmt(ex.objective)}$" if d.reg_penalty is not None else "")
    agreement = (
        rf"Every gradient entry agrees with a central finite difference of $J$ (step $10^{{-6}}$) within "
        rf"${number(FD_TOLERANCE)}$ (relative)."
        if ex.agrees
        else r"\textbf{These gradients do not agree with central finite differences of $J$} (the point may lie on a kink)."
    )
    bias = nm.tex_bias("l", d.network.convention)
    return ExampleView("--".join(map(str, ex.sizes)), given, forward, backward, loss, agreement, bias)


# -- checks ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CheckRow:
    where: str
    what: str
    how: str


def windows(d) -> list[tuple[str, str]]:
    """(layers, sizes) of each instantiation window, in order (``Check.window``, ``Check.sizes``); a repeated window has the
    sizes of the one it repeats."""
    sizes = {c.window: c.sizes for c in d.checks if c.window and c.sizes}
    return [(", ".join(map(str, c.window)), "-".join(map(str, c.sizes or sizes.get(c.same_as, ()))) or "?")
            for c in d.checks if c.window]


def instantiation_text(d) -> str:
    wins = windows(d)
    failed = any(not c.passed for c in d.checks)
    head = r"\textbf{FAILED:} " if failed else ""
    if not wins:
        return "not run (derived with checks off)"
    first = next(c for c in d.checks if c.window)
    how = (rf"(batch {first.batch}), differentiated by brute force (\texttt{{{first.engine}}}), equal to these formulas at "
           rf"{first.points} random points (relative tolerance ${number(first.tolerance)}$)")
    if len(wins) == 1 and first.window == tuple(range(1, d.network.depth + 1)):
        return head + rf"instantiated end to end: the whole objective of a {wins[0][1]} instance written out {how}"
    sizes = sorted({s for _, s in wins})
    return (
        head + rf"instantiated in {len(wins)} windows of layers $(l, l+1, L)$, each at sizes {', '.join(sizes)} {how}; "
        r"the whole network was not expanded at once"
    )


def check_rows(d, numbers: dict, has_example: bool, steps) -> tuple[CheckRow, ...]:
    net = d.network
    labels = list(numbers)
    defs = [x for x in ("forward-z", "forward-h", "loss", "regularizer", "objective", "delta-def") if x in numbers]
    rows = [CheckRow(eq_ranges(defs, numbers), "forward pass, loss, objective, $\\boldsymbol{\\delta}$", "definitions: nothing to check")]
    out_checks = [c for s in steps if s.key == "output" for c in s.checks]
    out_how = (
        "proved symbolically for a generic number of outputs (index notation)"
        if net.output.vector
        else "the product and its simplified form proved equal symbolically"
    )
    rows.append(CheckRow(ref("output"), "output error", ("" if all(c.passed for c in out_checks) else r"\textbf{FAILED:} ") + out_how))
    rows.append(
        CheckRow(
            eq_ranges(["recursion", "weight-grad", "bias-grad"], numbers),
            "recursion and gradients",
            "proved symbolically for generic sizes (index notation), compared with the matrix form",
        )
    )
    ident = [r for r in d.layers if r.identity_check is not None]
    if ident:
        ok = all(r.identity_check.passed for r in ident)
        n = ident[0].identity_check.points
        rows.append(
            CheckRow(
                r"Table~\ref{tab:activations}" if net.depth <= 12 else r"\S3",  # a deep net's table is no float
                r"$\phi'$ written in $h$",
                ("" if ok else r"\textbf{FAILED:} ") + rf"agrees numerically with $\phi'(z)$ at {n or 'several'} "
                rf"points on both sides of 0 (tolerance ${number(IDENTITY_TOLERANCE)}$)",
            )
        )
    batch = [x for x in labels if x.startswith("total-") or x == "reg-grad"]
    rows.append(CheckRow(eq_ranges(batch, numbers), "this network, all samples", instantiation_text(d)))
    ups = [x for x in labels if x.startswith("update-")]
    rows.append(
        CheckRow(
            eq_ranges(ups, numbers),
            f"{display_name(net.optimizer.name)} updates",
            "definitions of the optimizer: not checked (the generated code uses them as written)",
        )
    )
    if has_example:
        rows.append(CheckRow(r"\S\ref{sec:example}", "worked example", rf"central finite differences, tolerance ${number(FD_TOLERANCE)}$"))
    return tuple(rows)


REFERENCES = (
    r"M.~Nielsen, \emph{Neural Networks and Deep Learning}, 2015, ch.~2.",
    r"I.~Goodfellow, Y.~Bengio, A.~Courville, \emph{Deep Learning}, MIT Press, 2016, \S6.5.",
    r"C.~M.~Bishop, \emph{Pattern Recognition and Machine Learning}, Springer, 2006, \S5.3.",
    r"D.~E.~Rumelhart, G.~E.~Hinton, R.~J.~Williams, ``Learning representations by back-propagating errors'', \emph{Nature} 323, 1986.",
)
#: what a variant's name alone does not say
_VARIANT_NOTES = {
    ("amsgrad", "corrected"): r": both moments bias-corrected, the maximum $v^{\max}$ divided by $1 - \beta_2^t$ (as PyTorch's "
                              r"and Keras's \texttt{amsgrad=True}).",
    ("amsgrad", "uncorrected"): r": $m$ and $v^{\max}$ as they are, without bias correction (Reddi et al.'s algorithm 2 at "
                                r"a constant rate).",
}
OPTIMIZER_REFERENCES = {
    "sgd": r"H.~Robbins, S.~Monro, ``A stochastic approximation method'', \emph{Ann.\ Math.\ Statist.} 22, 1951.",
    "momentum": r"B.~T.~Polyak, ``Some methods of speeding up the convergence of iteration methods'', "
    r"\emph{USSR Comput.\ Math.\ Math.\ Phys.} 4, 1964.",
    "rmsprop": r"T.~Tieleman, G.~Hinton, Lecture 6.5 -- RMSprop, \emph{COURSERA: Neural Networks for Machine Learning}, 2012.",
    "adam": r"D.~P.~Kingma, J.~Ba, ``Adam: a method for stochastic optimization'', ICLR 2015.",
    "adagrad": r"J.~Duchi, E.~Hazan, Y.~Singer, ``Adaptive subgradient methods for online learning and stochastic optimization'', "
    r"\emph{JMLR} 12, 2011.",
    "nesterov": r"I.~Sutskever, J.~Martens, G.~Dahl, G.~Hinton, ``On the importance of initialization and momentum in deep "
    r"learning'', ICML 2013.",
    "adamw": r"I.~Loshchilov, F.~Hutter, ``Decoupled weight decay regularization'', ICLR 2019.",
    "adamax": r"D.~P.~Kingma, J.~Ba, ``Adam: a method for stochastic optimization'', ICLR 2015, section 7.1.",
    "amsgrad": r"S.~J.~Reddi, S.~Kale, S.~Kumar, ``On the convergence of Adam and beyond'', ICLR 2018.",
    "adadelta": r"M.~D.~Zeiler, ``ADADELTA: an adaptive learning rate method'', arXiv:1212.5701, 2012.",
}


#: the papers of the layer kinds (a network with layer kinds cites those it uses)
KIND_REFERENCES = {
    "batchnorm": r"S.~Ioffe, C.~Szegedy, ``Batch normalization: accelerating deep network training by reducing internal "
    r"covariate shift'', ICML 2015.",
    "layernorm": r"J.~L.~Ba, J.~R.~Kiros, G.~E.~Hinton, ``Layer normalization'', arXiv:1607.06450, 2016.",
    "dropout": r"N.~Srivastava, G.~Hinton, A.~Krizhevsky, I.~Sutskever, R.~Salakhutdinov, ``Dropout: a simple way to "
    r"prevent neural networks from overfitting'', \emph{JMLR} 15, 2014.",
    "residual": r"K.~He, X.~Zhang, S.~Ren, J.~Sun, ``Deep residual learning for image recognition'', CVPR 2016.",
}


def references(d) -> tuple[str, ...]:
    extra = OPTIMIZER_REFERENCES.get(d.network.optimizer.name)
    kinds = {layer.kind for layer in d.network.all_layers}
    return REFERENCES + tuple(ref for kind, ref in KIND_REFERENCES.items() if kind in kinds) + ((extra,) if extra else ())


__all__ = [
    "CheckRow",
    "DimRow",
    "ExampleView",
    "algorithm",
    "check_rows",
    "conventions",
    "dimension_rows",
    "eq_ranges",
    "example_view",
    "references",
    "summary_box",
]
