"""The proof of a network with layer kinds, as a handout: notation and dimension table, the batch program as numbered
equations (the numbers the generated module cites), each kind's derivation, a summary box, pseudo-code, a worked
example, how everything was checked, references.

``render_layer_proof(d)`` fills ``templates/layers.tex.j2``. The derivation is at the level of the batch: batch
normalisation couples the samples, so the gradients are those of J = (1/N) sum_n loss_n with respect to the batch
matrices, not per-sample errors averaged afterwards. Equation numbers are ``program.equation_numbers``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from gradproof.derive import names as nm
from gradproof.derive.optimizers import GRAD, STATE, TEMP, THETA
from gradproof.derive.program import equation_numbers
from gradproof.derive.regularizers import WEIGHT
from gradproof.derive.symbols import YHAT, Y

from . import handout, layer_kinds
from .document import ActivationRow, Row, _activation_rows, _runs, hyper_text
from .example import FD_TOLERANCE, FD_ULPS, ProgramExample, program_example
from .handout import eq_ranges, fmt
from .latex import display_name, escape, latex, number, width
from .layer_kinds import Block, KindSection


@dataclass(frozen=True)
class DimRow:
    layer: str
    kind: str
    activation: str
    width: str
    learned: str
    arrays: str


@dataclass(frozen=True)
class ExampleCell:
    number: str  # "(12)" or "" for a given array
    name: str
    value: str


@dataclass(frozen=True)
class LayerDocument:
    title: str
    source: str
    summary: str
    dims: tuple[DimRow, ...]
    conventions: tuple[str, ...]
    forward: tuple[Block, ...]
    objective: tuple[Block, ...]
    kinds: tuple[KindSection, ...]
    activations: tuple[ActivationRow, ...]
    long_derivatives: tuple[str, ...]
    box: tuple[tuple[str, str, str], ...]
    backward: Block
    hyper: str
    training: Block
    algorithm: tuple[str, ...]
    example: tuple[ExampleCell, ...]
    example_text: str
    checks: tuple[handout.CheckRow, ...]
    references: tuple[str, ...]
    verdict: str


# -- numbered rows of the batch program --------------------------------------------------------------------
def _align(tex: str) -> str:
    r"""Align at the first = (or \leftarrow, \sim) of an assignment."""
    for sep in (" = ", r" \leftarrow ", r" \sim "):
        if sep in tex:
            left, right = tex.split(sep, 1)
            return f"{left} &{sep.strip()} {right}"
    return tex


COLUMN_WIDTH = 30  # visible characters (``latex.width``) of a row that still fits half the line with its number


def _program(title: str, intro: str, rows: list[Row], why: str = "") -> Block:
    r"""A numbered part of the batch program: narrow rows two to a line (read left to right, then down), numbered
    ``\eqnum`` after each; a wide row across the page as a display numbered at the margin. A run of layers whose rows
    repeat (``folds``) shows its first and last layer's rows, with a line between that says which rows it leaves out."""
    shown: list[Row | None] = list(rows)
    notes = {}
    for start, stop, period, step in folds([r.tex for r in rows]):
        hidden = rows[start:stop]
        first, last = (re.match(r"\\tag\{(\d+)\}", r.tag).group(1) for r in (hidden[0], hidden[-1]))
        rule = "the row above" if period == 1 else f"the {period} rows above"
        labels = "".join(rf"\eqlabel{{{m[0]}}}{{{m[1]}}}" for r in hidden
                         for m in re.findall(r"\\tag\{(\d+)\}\\label\{(.*?)\}", r.tag))
        notes[start] = Row(rf"({first})--({last}): {rule} again, {len(hidden) // period} times, every layer number one "
                           f"{'higher' if step > 0 else 'lower'} each time", labels)
        shown[start:stop] = [None] * (stop - start)
    narrow = [r is not None and width(r.tex.replace("&", "")) <= COLUMN_WIDTH for r in shown]
    # a narrow row between wide ones (or alone) is shown as they are: a lone cell of a two-column table looks stray
    narrow = [n and ((k > 0 and narrow[k - 1]) or (k + 1 < len(rows) and narrow[k + 1])) for k, n in enumerate(narrow)]
    segments: list[tuple[bool | str, list[Row]]] = []
    for k, (r, two) in enumerate(zip(shown, narrow, strict=True)):
        if r is None:
            if k in notes:
                segments.append(("note", [notes[k]]))
            continue
        if two:  # a table cell: no alignment point, the number after it
            number, label = re.match(r"\\tag\{(\d+)\}\\label\{(.*)\}", r.tag).groups()
            r = Row(r.tex.replace("&", ""), rf"\eqnum{{{number}}}{{{label}}}")
        if segments and segments[-1][0] == two:
            segments[-1][1].append(r)
        else:
            segments.append((two, [r]))
    return Block(title, intro, tuple(rows), why, segments=tuple((two, tuple(rs)) for two, rs in segments))


FOLD_REPEATS = 6  # a run of at least this many layers with the same rows is folded: its first and last layer shown
FOLD_PERIOD = 40  # rows of one layer at most (a residual block's body included)
_LAYER_REF = re.compile(r"\{\((\d+)((?:\.\d+)*)\)\}")  # ^{(12)}, ^{(12.3)}: a top-level layer's number, then its body's


def layer_numbers(tex: str) -> list[int]:
    """The top-level layer numbers that ``tex`` names, in order (``^{(12.3)}``: 12)."""
    return [int(m.group(1)) for m in _LAYER_REF.finditer(tex)]


def folds(texts: list[str]) -> list[tuple[int, int, int, int]]:
    """(start, stop, period, step) of each run to leave out: ``texts`` repeats with a period of ``period`` rows at least
    ``FOLD_REPEATS`` times, each repeat the one before with every top-level layer number moved by ``step`` (1 or -1),
    and nothing else changed; the first and last repeat are kept, ``texts[start:stop]`` is the rest."""
    keys = [_LAYER_REF.sub(lambda m: "{(#" + m.group(2) + ")}", t) for t in texts]
    nums = [layer_numbers(t) for t in texts]
    n, out, i = len(texts), [], 0

    def shifted(a: int, b: int, period: int, times: int, step: int) -> bool:  # texts[b:b+period] is texts[a:…] moved
        return all(keys[a + t] == keys[b + t] and [x + times * step for x in nums[a + t]] == nums[b + t]
                   for t in range(period))

    while i < n:
        best = None
        for period in range(1, FOLD_PERIOD + 1):
            if i + FOLD_REPEATS * period > n:
                break
            first = next((t for t in range(period) if nums[i + t]), None)
            if first is None or keys[i + first] != keys[i + period + first]:
                continue
            step = nums[i + period + first][0] - nums[i + first][0]
            if step not in (1, -1):
                continue
            times = 1
            while i + (times + 1) * period <= n and shifted(i, i + times * period, period, times, step):
                times += 1
            if times >= FOLD_REPEATS and (best is None or times * period > best[0] * best[1]):
                best = (times, period, step)
        if best is None:
            i += 1
            continue
        times, period, step = best
        out.append((i + period, i + (times - 1) * period, period, step))
        i += times * period
    return out


def _numbered(label: str, tex: str, nums: dict) -> Row:
    return Row(_align(slashed(tex)), rf"\tag{{{nums[label]}}}\label{{eq:{label}}}")


_FRAC = r"\frac{\partial J}{\partial "


def slashed(tex: str) -> str:
    r"""``\frac{\partial J}{\partial A}`` written ``\partial J / \partial A`` (one line high, as handouts name gradients),
    in parentheses where a subscript or a transpose follows."""
    out, k = [], 0
    while (start := tex.find(_FRAC, k)) >= 0:
        depth, end = 1, start + len(_FRAC)
        while depth:
            depth += {"{": 1, "}": -1}.get(tex[end], 0)
            end += 1
        arg = tex[start + len(_FRAC):end - 1]
        out.append(tex[k:start])
        if out[-1].endswith("{") and tex.startswith("}^{\\top}", end):  # {\frac..}^{\top} -> (..)^{\top}
            out[-1] = out[-1][:-1]
            out.append(rf"(\partial J / \partial {arg})^{{\top}}")
            end += len("}^{\\top}")
        elif tex.startswith("_", end):
            out.append(rf"(\partial J / \partial {arg})")
        else:
            out.append(rf"\partial J / \partial {arg}")
        k = end
    return "".join(out) + tex[k:]


def _lhs(tex: str) -> str:
    """The array an assignment defines, as LaTeX (its left side; a mask without its entry indices)."""
    for sep in (" = ", r" \leftarrow ", r" \sim "):
        if sep in tex:
            return tex.split(sep, 1)[0].replace("_{nj}", "")
    return tex


# -- the network and its notation -----------------------------------------------------------------------------
_KIND_NAMES = {"dense": "dense", "batchnorm": "batch norm", "layernorm": "layer norm", "dropout": "dropout",
               "residual": "residual"}


def _kind_name(kind: str) -> str:
    """A kind's name in the proof's words; a kind added to the registry alone is named by its key."""
    return _KIND_NAMES.get(kind, kind)


def _path(layer) -> str:
    return (layer.path or str(layer.index)).replace("_", ".")


def _shape(shape) -> str:
    return r" \times ".join(str(s) for s in shape)


def _dims(d) -> tuple[DimRow, ...]:
    net, program = d.network, d.program
    shapes = {p.key: p.shape for p in program.params}
    row = [DimRow("0", "input", "", str(net.inputs), "", rf"$\mathbf{{X}}$: $N \times {net.inputs}$")]
    for layer in net.all_layers:
        name, s, n = layer.name, layer.settings_dict, layer.units
        kind = _kind_name(layer.kind)
        learned, arrays = [], []
        if layer.kind == "dense":
            learned = [rf"${nm.tex_weight(_path(layer))}$: ${_shape(shapes['W' + name])}$",
                       rf"${nm.tex_bias(_path(layer), net.convention)}$: ${n}$" if layer.bias else "no bias"]
        elif layer.kind in ("batchnorm", "layernorm"):
            kind += rf" ($\epsilon = {number(s['eps'])}$" + (rf", $m = {s['momentum']:g}$)" if "momentum" in s else ")")
            learned = [rf"$\boldsymbol{{\gamma}}, \boldsymbol{{\beta}}$: ${n}$"]
            if layer.kind == "batchnorm":
                arrays = [rf"$\boldsymbol{{\mu}}, \boldsymbol{{\sigma}}^2, \boldsymbol{{\sigma}}, \mathbf{{r}}_{{\mu}}, "
                          rf"\mathbf{{r}}_{{\sigma^2}}$: ${n}$"]
            else:
                arrays = [r"$\boldsymbol{\mu}, \boldsymbol{\sigma}^2, \boldsymbol{\sigma}$: $N \times 1$"]
        elif layer.kind == "dropout":
            kind += f" ($p = {s['p']:g}$)"
            arrays = [r"$\mathbf{M}$: 0/1"]
        elif layer.kind == "residual":
            first, last = _path(layer.body[0]), _path(layer.body[-1])
            kind += f", body {first}--{last}"
            if "P" + name in shapes:
                learned = [rf"$\mathbf{{P}}$: ${_shape(shapes['P' + name])}$"]
        act = "" if layer.kind == "dropout" or layer.activation == "identity" else display_name(layer.activation)
        row.append(DimRow(_path(layer), kind, act, f"{layer.n_in} $\\to$ {n}", ", ".join(learned), "; ".join(arrays)))
    # a deep network: a run of identical layers shows its first and last, the rest in one row
    texts = ["{(" + r.layer + ")}" + re.sub(r"body ([\d.]+)--([\d.]+)", r"body {(\1)}--{(\2)}", r.kind) + "|".join(
             (r.activation, r.width, r.learned, r.arrays)) for r in row]
    for start, stop, period, _ in reversed(folds(texts)):
        rule = "the row above" if period == 1 else f"the {period} rows above"
        row[start:stop] = [DimRow(r"$\vdots$", rf"{rule} again, {(stop - start) // period}$\times$: layers "
                                  f"{row[start].layer} to {row[stop - 1].layer}", "", "", "", "")]
    return tuple(row)


def _no_bias(net) -> str:
    """The sentence naming the dense layers without a bias (``bias = false``), or ""."""
    free, biased = layer_kinds.bias_free(net)
    if not free:
        return ""
    if not biased:
        return r" No layer has a bias (\texttt{bias = false})."
    product = r"\mathbf{H}\mathbf{W}^{\top}" if net.convention == "row" else r"\mathbf{H}\mathbf{W}"
    return (rf" {layer_kinds.layers_named(free).capitalize()} {'has' if len(free) == 1 else 'have'} no bias "
            rf"(\texttt{{bias = false}}): $\mathbf{{Z}} = {product}$, and no bias gradient.")


def _conventions(d, nums: dict) -> tuple[str, ...]:
    net = d.network
    present = {layer.kind for layer in net.all_layers}
    row = net.convention == "row"
    bias = (r" + \mathbf{b}" if row else r" + \mathbf{W}_0") if layer_kinds.bias_free(net)[1] else ""
    out = [
        (rf"Row convention: $\mathbf{{Z}} = \mathbf{{H}}\mathbf{{W}}^{{\top}}{bias}$, $\mathbf{{W}}$ is $n_{{\text{{out}}}} \times "
         r"n_{\text{in}}$." if row else rf"Column convention: $\mathbf{{Z}} = \mathbf{{H}}\mathbf{{W}}{bias}$, $\mathbf{{W}}$ "
         r"is $n_{\text{in}} \times n_{\text{out}}$.")
        + _no_bias(net)
        + r" A batch of $N$ samples is a matrix with one row per sample: $\mathbf{X}$, $\mathbf{Y}$, $\hat{\mathbf{Y}}$ and "
        r"each layer's $\mathbf{Z}^{(l)}, \mathbf{H}^{(l)}$; a vector ($\mathbf{b}, \boldsymbol{\gamma}, \boldsymbol{\mu}, "
        r"\dots$) added to, multiplying ($\odot$) or dividing ($\oslash$) a matrix acts on every row; functions act "
        r"elementwise." + (" Layer $l.k$ is the $k$-th layer of residual block $l$'s body." if "residual" in present else ""),
        r"The derivation is for the whole batch, $J = \frac{1}{N}\sum_n \ell_n$" + (" + R" if net.regularizer else "")
        + r": $\partial J / \partial \mathbf{A}$ is the matrix of the $\partial J / \partial A_{nj}$ (a parameter's gradient "
        r"has its shape, summed over the samples), $\boldsymbol{\Delta}^{(l)} = \partial J / \partial \mathbf{Z}^{(l)}$, and "
        r"the $\frac{1}{N}$ of the mean enters once, at the output."
        + (r" Batch norm couples the samples (a feature's $\mu$, $\sigma^2$ depend on every sample), so the gradients are "
           r"not per-sample errors averaged afterwards." if "batchnorm" in present else ""),
    ]
    kinds = []
    if present & {"batchnorm", "layernorm"}:
        kinds.append(r"Normalisation: biased variance, $\epsilon$ inside the root, $\boldsymbol{\gamma}, \boldsymbol{\beta}$ "
                     r"learned per feature" + (r"; batch norm's running statistics (momentum $m$, unbiased variance, as in "
                                               r"PyTorch) replace the batch statistics at inference" if "batchnorm" in present else "")
                     + ".")
    if "dropout" in present:
        kinds.append(r"Dropout's $p$ is the probability of dropping a unit (as in PyTorch); inverted dropout scales the kept "
                     r"units by $1/(1 - p)$ in training and is off at inference.")
    if kinds:
        out.append(" ".join(kinds))
    if net.regularizer is not None:
        factor, _ = d.reg_penalty.as_independent(WEIGHT, as_Add=False)
        out.append(rf"Regularizer: {escape(net.regularizer.name.upper())}, $\lambda = {number(net.reg_lambda)}$, factor "
                   rf"${latex(factor)}$, on the dense weights" + (" and projections" if "residual" in present else "")
                   + " only" + (r", not on $\boldsymbol{\gamma}, \boldsymbol{\beta}$" if net.has_kinds else "")
                   + ("" if net.penalize_bias or not layer_kinds.bias_free(net)[1] else
                      " nor the biases" if net.has_kinds else ", not on the biases")
                   + (r"; divided by $N$ like the data term, so the decay per step does not depend on the batch size"
                      if net.reg_scaling == "batch" else "") + ".")
        if net.regularizer.name == "l1":
            out.append(r"$|w|$ has no derivative at $w = 0$; the formulas use $\operatorname{sign}(0) = 0$, a subgradient.")
    kinks = handout._kinks(d, layer_kinds.unique_activations(d))
    if kinks:
        out.append(" ".join(kinks))
    for hyp in d.output.hypotheses:
        if "sum to 1" in hyp:
            out.append(r"Hypothesis: the targets are one-hot (or probabilities), $\sum_s y_s = 1$; the output error uses it.")
        else:
            out.append(f"Hypothesis: {escape(hyp)}.")
    return tuple(out)


def _summary(net) -> str:
    kinds = ", ".join(dict.fromkeys(_kind_name(layer.kind) for layer in net.all_layers if layer.kind != "dense"))
    bodies = f" ({len(net.all_layers)} with the residual blocks' bodies)" if len(net.all_layers) > len(net.layers) else ""
    free, _ = layer_kinds.bias_free(net)
    kinds = ", ".join(k for k in ("dense" + (" (without a bias)" if len(free) == len(net.all_layers) else ""), kinds) if k)
    return (f"A network of {len(net.layers)} layers{bodies} -- {kinds} -- with "
            f"{net.inputs} inputs and {net.output.units} outputs, trained with the {display_name(net.loss.name)} loss "
            f"and {display_name(net.optimizer.name)}.")


# -- the batch program: forward, objective, backward, training ---------------------------------------------------
def _forward(d, nums: dict) -> tuple[Block, ...]:
    program = d.program
    present = {layer.kind for layer in d.network.all_layers}
    train = [_numbered(f"forward-{i}", a.tex, nums) for i, a in enumerate(program.forward) if a.mode in ("both", "train")]
    other = [_numbered(f"forward-{i}", a.tex, nums) for i, a in enumerate(program.forward) if a.mode in ("eval", "running")]
    out = [_program("Training mode", r"Layer by layer, $\mathbf{X}$ first:", train)]
    if other:
        said = []
        if "batchnorm" in present:
            said.append("batch norm updates its running statistics after each training batch and uses them at inference")
        if "dropout" in present:
            said.append("dropout is off at inference")
        out.append(_program("Running statistics and inference", "; ".join(said).capitalize() + ":", other))
    return tuple(out)


def _objective(d) -> tuple[Block, ...]:
    net = d.network
    loss_tex = latex(net.loss.component, {YHAT: r"\hat{y}_{nk}", Y: "y_{nk}"})
    rows = [Row(r"J &= \frac{1}{N}\sum_{n}\sum_{k} " + f"\\left({loss_tex}\\right)" + (" + R" if net.regularizer else ""), "")]
    if net.regularizer is not None:
        pen = latex(d.reg_penalty, {WEIGHT: "w"})
        rows.append(Row(f"R &= \\sum_{{w}} {pen}, \\qquad \\frac{{\\partial R}}{{\\partial w}} = {latex(d.reg_grad, {WEIGHT: 'w'})}", ""))
    intro = (r"The mean loss over the batch" + (r", plus the regularizer over every penalised weight $w$" if net.regularizer else "")
             + ":")
    return (Block("Objective", intro, tuple(rows)),)


def _backward(d, nums: dict) -> Block:
    rows = []
    for i, a in enumerate(d.program.backward):
        tex = a.tex
        later = [b for b in d.program.backward[i + 1:] if b.target == a.target]
        if later and r"\right|_{\text{body}}" in later[0].tex:  # the body's path first, then skip + body
            left, right = tex.split(" = ", 1)
            tex = rf"\left.{left}\right|_{{\text{{body}}}} = {right}"
        rows.append(_numbered(f"backward-{i}", tex, nums))
    residual = any(layer.kind == "residual" for layer in d.network.layers)
    return _program("", r"From the output back to $\mathbf{X}$, each line the rule of its layer's kind (Table~\ref{tab:summary}), "
                    "two to a line where they fit:", rows,
                    r"the rules of Section~\ref{sec:kinds} for this network's layers, in reverse order"
                    + (r"; a residual block's input gradient adds the skip path's term to the body's, computed just before it"
                       if residual else ""))


def _training(d, nums: dict) -> Block:
    program = d.program
    names = {THETA: r"\theta", GRAD: "g", **{s: nm.STATE_LATEX.get(s.name, s.name) for s in (*STATE.values(), *TEMP.values())}}
    rows = []
    for u in d.updates:
        target = r"\theta" if u.kind == "param" else nm.STATE_LATEX.get(u.target, u.target)
        rows.append(_numbered(f"update-{u.target}", f"{target} \\leftarrow {latex(u.expr, names)}", nums))
    keys = ", ".join(dict.fromkeys(f"${_param_letter(p.key, d.network.convention)}$" for p in program.params))
    every = "of the layers that have them" if layer_kinds.bias_free(d.network)[0] else "of every layer"
    intro = (f"Every parameter $\\theta$ ({keys} {every}) is updated elementwise with its own optimizer states "
             r"(its shape, starting at 0) and $g = \partial J / \partial \theta$"
             + (r" (the program's gradient plus $\partial R / \partial w$ for the penalised weights)" if d.network.regularizer else "")
             + ":")
    return Block(f"Update ({display_name(d.network.optimizer.name)})", intro, tuple(rows))


def _few_ranges(labels: list[str], nums: dict) -> str:
    """``eq_ranges``, its middle left to a \\dots when there are many (a deep network's one pair of lines per layer)."""
    parts = eq_ranges(labels, nums).split(", ")
    return ", ".join(parts if len(parts) <= 2 * FOLD_REPEATS else [*parts[:2], r"\dots", parts[-1]])


def _param_letter(key: str, convention: str) -> str:
    letter = key.rstrip("0123456789_")
    if letter == "b":
        return nm.tex_bias("", convention).replace("^{()}", "")
    return nm.ARRAY_LATEX[letter]


def _algorithm(d, nums: dict) -> tuple[str, ...]:
    program = d.program
    fwd = [f"forward-{i}" for i, a in enumerate(program.forward) if a.mode in ("both", "train")]
    running = [f"forward-{i}" for i, a in enumerate(program.forward) if a.mode == "running"]
    infer = [f"forward-{i}" for i, a in enumerate(program.forward) if a.mode == "eval"]
    back = [f"backward-{i}" for i in range(len(program.backward))]
    upd = [f"update-{u.target}" for u in d.updates]
    masks = ", drawing fresh dropout masks" if program.masks else ""
    lines = [rf"\textbf{{Forward}} (training): $\mathbf{{X}}$ through every layer in order by {eq_ranges(fwd, nums)}, "
             rf"with the batch's own statistics{masks}; $J$ from $\hat{{\mathbf{{Y}}}}$ and $\mathbf{{Y}}$"]
    if running:
        lines.append(rf"\textbf{{Running statistics}}: update them by {_few_ranges(running, nums)}")
    lines.append(rf"\textbf{{Backward}}: $\boldsymbol{{\Delta}}^{{({d.network.depth})}}$, then every layer from the last "
                 rf"to the first by {eq_ranges(back, nums)}")
    t = r"$t \leftarrow t + 1$; " if any(u.kind == "temp" for u in d.updates) else ""
    reg = r" $+\, \partial R/\partial \theta$ for a penalised weight" if d.network.regularizer else ""
    lines.append(rf"\textbf{{Update}}: for every parameter $\theta$, $g = \partial J / \partial \theta${reg}; "
                 rf"{t}update by {eq_ranges(upd, nums)}")
    if infer:
        lines.append(rf"\textbf{{Inference}}: the forward pass with {_few_ranges(infer, nums)} in place of the training "
                     "lines they replace (no gradients, no updates)")
    return tuple(lines)


# -- the worked example ----------------------------------------------------------------------------------------
def _matrix(a, places: int = 4) -> str:
    a = np.atleast_2d(np.asarray(a, dtype=float))
    body = r" \\ ".join(" & ".join(fmt(v, places) for v in row) for row in a)
    return rf"\left(\begin{{smallmatrix}}{body}\end{{smallmatrix}}\right)"


def _given_name(key: str, convention: str) -> str:
    if re.fullmatch(r"b[\d_]+", key):  # a bias: b or W_0 by the convention
        return nm.tex_bias(key[1:].replace("_", "."), convention)
    return nm.tex_array(key)


def _hidden(parts: list[list]) -> tuple[set[str], set[int]]:
    """The labels of the rows that ``folds`` leaves out of each part (lists of (label, assignment)), and the top-level
    layer numbers that only those rows name."""
    labels, named, shown = set(), set(), set()
    for part in parts:
        out = set()
        for start, stop, _, _ in folds([a.tex for _, a in part]):
            out.update(range(start, stop))
        for k, (label, a) in enumerate(part):
            (named if k in out else shown).update(layer_numbers(a.tex))
            if k in out:
                labels.add(label)
    return labels, named - shown


def _example(d, ex: ProgramExample) -> tuple[tuple[ExampleCell, ...], str]:
    program, conv = d.program, d.network.convention
    nums = equation_numbers(program)
    forward = [(f"forward-{i}", a) for i, a in enumerate(program.forward) if a.mode in ("both", "train")]
    backward = [(f"backward-{i}", a) for i, a in enumerate(program.backward)]
    hidden, layers = _hidden([forward, backward])  # a deep network: the folded layers' arrays are left out too

    def folded(key: str) -> bool:
        number = re.match(r"\D*(\d+)", key)
        return number is not None and key not in ("X", "Y") and int(number.group(1)) in layers

    cells = [ExampleCell("", _given_name(k, conv), _matrix(v, 0 if k == "Y" or k.startswith("mask") else 1))
             for k, v in ex.given if not folded(k)]
    lines = forward + backward
    last = {a.target: label for label, a in lines}  # an array assigned twice shows its final value, once
    for label, a in lines:
        if last[a.target] != label or a.equation == "dropout-mask" or label in hidden:
            continue
        cells.append(ExampleCell(f"({nums[label]})", _lhs(slashed(a.tex)),
                                 _matrix(ex.arrays[a.target])))
    sizes = "--".join(_runs([str(n) for n in ex.sizes]) if len(ex.sizes) > FOLD_REPEATS * 2 else map(str, ex.sizes))
    text = (rf"A batch of $N = {len(ex.given[0][1])}$ samples through a small instance of this network (widths {sizes}); "
            r"inputs, targets and parameters rounded to one decimal" + (", dropout masks fixed" if program.masks else "")
            + r". Every other array follows from its equation (four decimals; vectors as rows; an array assigned twice shows "
            r"its final value); the gradients are those of the data term $L$"
            + (r" (the update adds $\partial R / \partial w$)" if d.network.regularizer else "")
            + rf", $L = {fmt(ex.data_loss)}$. " + _absorbed(d, ex)
            + (rf"The arrays of layers {min(layers)} to {max(layers)} are left out, as their equations are "
               f"({eq_ranges(sorted(hidden), nums)}). " if layers else "")
            + (_agreement(ex) if ex.agrees else
               r"\textbf{These gradients do not agree with central finite differences of $L$.}"))
    return tuple(cells), text


def _agreement(ex: ProgramExample) -> str:
    """What the finite differences of the example checked: every entry, or (a large example) random directions."""
    coarse = (rf" Some entries are below what the differences resolve beside $|L|$: they agree within that resolution "
              rf"(${FD_ULPS}$ units in the last place of $|L|$ over the step)." if ex.coarse else "")
    if not ex.directions:
        return (rf"Every gradient entry agrees with a central finite difference of $L$ (step $10^{{-6}}$) within "
                rf"${number(FD_TOLERANCE)}$ (relative).") + coarse
    return (rf"The gradients agree with central finite differences of $L$ along {ex.directions} random directions "
            r"(every parameter entry moved by $\pm 10^{-6}$ at once, signs drawn at random; compared with the sum of the "
            rf"gradient entries times those signs) within ${number(FD_TOLERANCE)}$ (relative); with this many entries "
            "they were not differenced one by one.") + coarse


def _absorbed(d, ex: ProgramExample) -> str:
    """A sentence on the bias gradients that are 0 because batch norm follows (its mean absorbs the bias), or ""."""
    layers = d.network.layers
    zero = [layers[k] for k in range(len(layers) - 1) if layers[k].kind == "dense" and layers[k + 1].kind == "batchnorm"
            and layers[k].bias and np.allclose(ex.arrays[f"db{layers[k].name}"], 0, atol=1e-12)]
    if not zero:
        return ""
    which = ", ".join(f"${nm.tex_bias(_path(layer), d.network.convention)}$" for layer in zero)
    return (rf"The gradient of {which} is 0: batch norm subtracts the batch mean, which absorbs a bias added just before "
            r"it (each column of its $\partial J / \partial \mathbf{X}$ sums to 0, as $\sum_n \hat{x}_n = 0$). ")


# -- what was checked ---------------------------------------------------------------------------------------------
def _how(c, dropout: bool) -> str:
    """How a check was made, in words, from its structured fields (never its measured error)."""
    fail = "" if c.passed else r"\textbf{FAILED:} "
    if c.method == "symbolic":
        return fail + "proved symbolically for generic sizes (index notation, one sample)"
    if c.method == "identity":
        return (fail + rf"agrees numerically with $\phi'(z)$ at {c.points or 'several'} points on both sides of 0 "
                rf"(tolerance ${number(c.tolerance)}$)")
    instance = f"a {'-'.join(map(str, c.sizes))} instance" if c.sizes else "a small instance"
    if c.batch:
        instance += f" (batch {c.batch}" + (", dropout masks held fixed" if dropout else "") + ")"
    code = c.engine and " " not in c.engine  # a function name (symengine.diff) in typewriter, words as words
    engine = (rf" (\texttt{{{escape(c.engine)}}})" if code else f" ({escape(c.engine)})") if c.engine else ""
    count = f"{c.count} partial derivatives" if c.count else "the partial derivatives"
    if c.method == "finite-differences":
        extra = c.engine.removeprefix("central differences").strip(", ")  # the engine names the method: its rest only
        how = (rf"{count} against central differences" + (f" ({escape(extra)})" if extra else "")
               + r" of $J$ written from the definitions")
    else:
        how = rf"{count} against brute-force differentiation{engine} of the expanded objective"
    points = f" at {c.points} random points" if c.points else ""
    tol = rf", relative tolerance ${number(c.tolerance)}$" if c.tolerance is not None else ""
    return f"{fail}{instance}: {how}{points}{tol}"


def _checks(d, nums: dict, example: bool, directions: int = 0) -> tuple[handout.CheckRow, ...]:
    program = d.program
    dropout = bool(program.masks)
    checks = d.all_checks()
    defs = [f"forward-{i}" for i in range(len(program.forward))]
    rows = [handout.CheckRow(eq_ranges(defs, nums), "forward pass, objective", "definitions: nothing to check")]
    by_what = {c.what: c for c in checks}
    out = by_what.get("softmax output error")
    rows.append(handout.CheckRow(r"\S\ref{sec:kind-output}", "output error",
                                 _how(out, dropout) if out is not None else "the product and its simplified form proved "
                                 "equal symbolically"))
    index = [by_what[w] for w in ("recursion", "weight gradient", "bias gradient") if w in by_what]
    if index:
        ok = all(c.passed for c in index)
        rows.append(handout.CheckRow(r"\S\ref{sec:kind-dense}", "dense layers",
                                     ("" if ok else r"\textbf{FAILED:} ")
                                     + ("recursion, weight and bias gradients" if layer_kinds.bias_free(d.network)[1]
                                        else "recursion and weight gradient") + " proved "
                                     "symbolically for generic sizes (index notation, one sample); the batch forms add the samples"))
    ident = [c for c in checks if c.method == "identity"]
    if ident:  # one row for every activation's phi' in h: the same check, one per activation
        worst = next((c for c in ident if not c.passed), ident[0])
        rows.append(handout.CheckRow(r"Table~\ref{tab:activations}", r"$\phi'$ written in $h$", _how(worst, dropout)))
    norms = [(kind, name) for kind, name in (("batchnorm", "batch norm"), ("layernorm", "layer norm")) if kind in by_what]
    if norms:  # the same check of each normalisation's compact form: one row, the first failure if any
        worst = next((by_what[k] for k, _ in norms if not by_what[k].passed), by_what[norms[0][0]])
        where = ", ".join(rf"\S\ref{{sec:kind-{k}}}" for k, _ in norms)
        rows.append(handout.CheckRow(where, " and ".join(n for _, n in norms) + r": $\partial J / \partial x_i$",
                                     "the compact form on " + _how(worst, dropout)))
    whole = [c for c in checks if c.method not in ("symbolic", "identity") and c.what not in ("batchnorm", "layernorm")]
    back = eq_ranges([f"backward-{i}" for i in range(len(program.backward))], nums)
    k = 0
    while k < len(whole):  # a deep network's windows: one row for a run of windows checked alike
        how, j = _how(whole[k], dropout), k + 1
        while j < len(whole) and _how(whole[j], dropout) == how:
            j += 1
        if j - k == 1:
            rows.append(handout.CheckRow(back, "this network, all samples", "the whole batch program on " + how))
        else:
            first, last = whole[k].window, whole[j - 1].window
            rows.append(handout.CheckRow(back, "this network, all samples", f"{j - k} windows of layers "
                                         f"({', '.join(map(str, first))}) to ({', '.join(map(str, last))}) of the batch "
                                         "program, each on " + how))
        k = j
    if not any(c.method not in ("symbolic", "identity") for c in checks):
        rows.append(handout.CheckRow("", "this network", "not run (derived with checks off)"))
    ups = [f"update-{u.target}" for u in d.updates]
    rows.append(handout.CheckRow(eq_ranges(ups, nums), f"{display_name(d.network.optimizer.name)} updates",
                                 "definitions of the optimizer: not checked (the generated code uses them as written)"))
    if example:
        rows.append(handout.CheckRow(r"\S\ref{sec:example}", "worked example",
                                     rf"central finite differences, tolerance ${number(FD_TOLERANCE)}$"
                                     + (f", along {directions} random directions" if directions else "")))
    return tuple(rows)


# -- the document --------------------------------------------------------------------------------------------------
def build_layer_document(d) -> LayerDocument:
    net = d.network
    nums = equation_numbers(d.program)
    view = layer_kinds.unique_activations(d)
    import dataclasses

    acts, long_rows = _activation_rows(dataclasses.replace(d, layers=view))
    ex = program_example(d)
    example, example_text = _example(d, ex)
    source = escape(Path(net.source).name) if net.source != "<spec>" else "an inline spec"
    return LayerDocument(
        title=escape(net.title), source=source, summary=_summary(net), dims=_dims(d), conventions=_conventions(d, nums),
        forward=_forward(d, nums), objective=_objective(d), kinds=layer_kinds.sections(d), activations=acts,
        long_derivatives=long_rows, box=layer_kinds.summary_box(d), backward=_backward(d, nums),
        hyper=hyper_text(net), training=_training(d, nums),
        algorithm=_algorithm(d, nums), example=example, example_text=example_text, checks=_checks(d, nums, True, ex.directions),
        references=handout.references(d),
        verdict="Every check that was run passed." if d.all_passed else r"\textbf{Some checks FAILED.}")


def layer_report(d) -> str:
    """The terminal report of ``d``: the layers, the batch program with its equation numbers, the checks."""
    net, program = d.network, d.program
    nums = equation_numbers(program)
    kinds = ", ".join(f"{layer.path.replace('_', '.') or layer.index} {layer.kind}"
                      + (f" ({layer.activation})" if layer.activation != "identity" else "") for layer in net.all_layers)
    free, _ = layer_kinds.bias_free(net)
    lines = [f"{net.name}: {net.inputs} inputs; {kinds}; loss {net.loss.name}; optimizer {net.optimizer.name}",
             f"  {net.convention} convention; samples are rows"
             + ("; batch norm: biased variance, eps inside the root; the regularizer penalises dense weights only "
                "(not gamma, beta)" if net.has_kinds else "")
             + (f"; no bias in {layer_kinds.layers_named(free, '...')} (bias = false)" if free else ""), ""]
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
