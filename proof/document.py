"""The proof document: the Derivation's steps assembled by a Jinja2 template (.tex), compiled with latexmk (.pdf)."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

try:
    import fcntl
except ImportError:  # not POSIX: the pair is still replaced file by file, atomically
    fcntl = None
from gradproof.derive import names as nm
from gradproof.derive.errors import DerivationError
from gradproof.derive.outputs import out_folder, write_atomic
from gradproof.derive.symbols import H, Z

from . import equations, handout
from .latex import display_name, escape, latex, number, split_terms, text_notices, width
from .steps import build_steps

LATEX_TIMEOUT = 120  # seconds for one LaTeX run (latexmk runs pdflatex 2-3 times)
TEX_PACKAGES = "texlive-latex-base texlive-latex-recommended texlive-latex-extra texlive-pictures lmodern latexmk"
MAX_COLUMNS = 14  # layers drawn in the figure at most (with the input)
LONG_LINE = 70  # visible characters of one line of a display below a table
LONG_CELL = 30  # visible characters of a formula that still fits a table cell
TABLE_WIDTH = 50  # visible characters of the activation table's three formula columns together


class ProofError(DerivationError):
    """LaTeX failed on the proof; the message holds the first LaTeX error and the log's path."""


@dataclass(frozen=True)
class ProofResult:
    tex: Path
    pdf: Path | None
    messages: list[str] = field(default_factory=list)
    log: str = ""  # LaTeX's log of the run that made the PDF


# -- what the template receives: strings and small frozen dataclasses ---------------------------------
@dataclass(frozen=True)
class Row:
    tex: str
    tag: str  # "" or "\tag{n}\label{eq:...}"


@dataclass(frozen=True)
class StepView:
    title: str
    intro: str
    rows: tuple[Row, ...]
    why: str
    checks: tuple[str, ...]
    header: tuple[str, ...] = ()  # a step shown as a table: its column heads ...
    table: tuple[tuple[str, ...], ...] = ()  # ... and its rows of math cells (instead of ``rows``)


# steps shown as a table, not a display: their rows are math cells joined by " & "; key -> column heads
TABLES = {"updates-all": (r"parameter $\theta$", "size", r"gradient $g$", "equation")}


@dataclass(frozen=True)
class Column:
    x: str  # cm
    ys: tuple[str, ...]  # cm, one per drawn unit
    top: str  # label above
    bottom: str  # label below
    more: bool  # the layer has more units than drawn
    top_y: str  # cm: the top label's lower edge, just above the column's first unit
    bottom_y: str  # cm: the bottom label's upper edge, just below the last unit (or the dots)
    dots_y: str  # cm: where the dots of a layer with more units than drawn go
    cut_before: bool = False  # layers left out before this column (a deep net): no edges, a \cdots instead


@dataclass(frozen=True)
class ActivationRow:
    layer: str
    name: str
    phi: str
    dphi: str
    dphi_h: str
    check: str


@dataclass(frozen=True)
class AuditCheck:
    where: str
    method: str
    mark: str
    detail: str


@dataclass(frozen=True)
class Document:
    title: str
    name: str
    source: str
    summary: str
    conventions: tuple[str, ...]
    dims: tuple[handout.DimRow, ...]
    columns: tuple[Column, ...]
    figure_scale: str  # "" or a \resizebox width
    figure_font: str  # font of the labels
    sections: dict
    activations: tuple[ActivationRow, ...]
    long_derivatives: tuple[str, ...]
    box: tuple[tuple[str, str, str], ...]
    algorithm: tuple[str, ...]
    example: handout.ExampleView | None
    hyper: str
    checks: tuple[handout.CheckRow, ...]
    audit_checks: tuple[AuditCheck, ...]
    references: tuple[str, ...]
    verdict: str
    full: bool  # the full audit (every per-layer step and check) as an appendix
    side_by_side: bool  # the figure is narrow enough to sit beside the dimension table
    long_tables: bool  # a deep network: tables may run over pages


# -- the Jinja2 environment (built once) ----------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("gradproof.proof", "templates"),
        block_start_string=r"\BLOCK{",
        block_end_string="}",
        variable_start_string=r"\VAR{",
        variable_end_string="}",
        comment_start_string=r"\#{",
        comment_end_string="}",
        line_statement_prefix=None,
        line_comment_prefix=None,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )


# -- text helpers ----------------------------------------------------------------------------------------
_EQ = re.compile(r"\(?eq:([A-Za-z0-9-]+)\)?")


def prose(text: str, numbers: dict) -> str:
    """Text with inline math: escape what is outside $...$ and turn eq:<label> into \\eqref."""
    parts = text.split("$")
    out = []
    for k, part in enumerate(parts):
        if k % 2:
            out.append(f"${part}$")
        else:
            esc = escape(part)
            out.append(
                _EQ.sub(lambda m: rf"\eqref{{eq:{m.group(1)}}}" if m.group(1) in numbers else m.group(0), esc.replace(r"eq:", "eq:"))
            )
    return "".join(out)


_DETAIL = (  # plain-text tokens of check details, as they read in the document
    (re.compile(r"(?<![\w.])(\d(?:\.\d+)?)e([-+]?\d+)\b"), lambda m: f"${number(float(m.group(0)))}$"),
    (re.compile(r"\bsympy\.(diff|simplify)\b"), lambda m: rf"\texttt{{sympy.{m.group(1)}}}"),
    (re.compile(r"\bphi'\(z\)"), lambda m: r"$\phi'(z)$"),
    (re.compile(r"\bin h\b"), lambda m: r"in $h$"),
)


def _detail(text: str, numbers: dict) -> str:
    """A check's detail as LaTeX: prose, with 1.1e-16 as $1.1 \\cdot 10^{-16}$ and code names in typewriter."""
    out = prose(text, numbers)
    parts = out.split("$")
    for k in range(0, len(parts), 2):  # outside math only
        for pattern, repl in _DETAIL:
            parts[k] = pattern.sub(repl, parts[k])
    return "$".join(parts)


def _check_text(c, numbers) -> str:
    """How a step was checked, in words: proved, or agreed numerically within a tolerance (never a measured error)."""
    fail = "" if c.passed else r"\textbf{FAILED:} "
    if c.method == "symbolic":
        return rf"{fail}Proved symbolically {_detail(c.detail, numbers)}."
    if c.method == "identity":
        return (rf"{fail}Checked numerically: {_detail(c.detail, numbers)}, to within "
                rf"${number(handout.IDENTITY_TOLERANCE)}$.")
    return rf"{fail}Instantiated: {_detail(c.detail, numbers)}."


def _epsilon_root(d) -> str:
    """The denominator of the parameter update that holds epsilon (``\\sqrt{S + \\epsilon}``), printed, or ""."""
    import sympy as sp
    from gradproof.derive.optimizers import HYPER, STATE, TEMP

    names = {s: nm.SYMBOL_LATEX.get(s.name, s.name) for s in (*STATE.values(), *TEMP.values())}
    eps = HYPER.get("epsilon")
    for u in d.updates:
        if u.kind == "param" and eps is not None:
            for p in sorted(u.expr.atoms(sp.Pow), key=sp.default_sort_key):
                if p.exp.is_negative and eps in p.free_symbols:
                    return latex(p.base ** (-p.exp), names, vector=True)
    return ""


def _figure(net) -> tuple[tuple[Column, ...], str, str]:
    """Columns of circles, one per layer (at most 4 drawn), with sizes and activations.

    The labels sit just above and below each column's own drawn units, so a small layer has no gap above
    its size and activation. A deep net gets narrower columns and short labels at a readable size; only a
    net too deep even for that is scaled to the line width. Returns (columns, scale width or "", label font).
    """
    cols, dx, gap, pad = [], 2.0, 0.5, 0.3
    layers = list(range(len(net.sizes)))
    if len(layers) > MAX_COLUMNS:  # a very deep net: the first and last layers, the middle left out
        layers = layers[: MAX_COLUMNS // 2] + layers[-(MAX_COLUMNS // 2) :]
    compact = len(layers) * dx > 15.5
    if compact:
        dx = max(1.15, 15.5 / len(layers))
    for pos, l in enumerate(layers):
        n = net.sizes[l]
        shown = min(n, 4)
        top = (shown - 1) / 2 * gap
        ys = tuple(f"{top - k * gap:.3f}" for k in range(shown))
        low = -top - (0.6 if n > shown else 0.0)  # the dots take the place of one more unit
        if l == 0:
            head, foot = (r"$\mathbf{x}$" if compact else r"input $\mathbf{x}$"), f"$n_0 = {n}$"
        else:
            layer = net.layers[l - 1]
            name = r"$\hat{\mathbf{y}}$" if l == net.depth else rf"$\mathbf{{h}}^{{({l})}}$"
            head = name if compact else rf"layer {l} {name}"
            foot = rf"$n_{{{l}}} = {n}$\\ " + (f"${layer.latex}$" if layer.formula is None else escape(layer.activation))
        cut = pos > 0 and l != layers[pos - 1] + 1
        cols.append(
            Column(f"{pos * dx:.2f}", ys, head, foot, n > shown, f"{top + pad:.3f}", f"{low - pad:.3f}", f"{-top - 0.45:.3f}", cut)
        )
    width = len(cols) * dx
    return tuple(cols), (r"\linewidth" if width > 16 else ""), (r"\footnotesize" if compact else r"\small")


def _cell_width(tex: str) -> int:
    """The printed width of a formula in a table cell: a cases block is as wide as its widest row."""
    if r"\begin{cases}" in tex:
        head, _, rest = tex.partition(r"\begin{cases}")
        body, _, tail = rest.partition(r"\end{cases}")
        rows = [r.replace(r"\text{otherwise}", "otherwise").replace("&", " ") for r in body.split(r"\\")]
        return width(head) + max(width(r) for r in rows) + width(tail)
    return width(tex)


def _activation_rows(d) -> tuple[tuple[ActivationRow, ...], tuple[str, ...]]:
    """The activation table's rows, and the formulas too wide for it (shown below the table).

    A table is as wide as its widest cells together: while the widest phi, phi' and phi'-in-h cells add up to
    more than ``TABLE_WIDTH``, the widest phi or phi' cell moves below the table ("see below").
    """
    zn = {Z: "z"}
    formulas = {}  # (layer, column) -> tex, for the phi and phi' cells
    for r in d.layers:
        if r.phi is not None:
            formulas[(r.index, 0)] = latex(r.phi, zn)
            formulas[(r.index, 1)] = latex(r.dphi, zn)
    in_h = {r.index: latex(r.dphi_h, {H: "h"}) for r in d.layers if r.dphi_h is not None}
    below: set = {k for k, tex in formulas.items() if _cell_width(tex) > LONG_CELL}

    vector = any(r.phi is None for r in d.layers)  # the softmax row's text cells: about 14, 22 and 14 wide

    def table_width() -> int:
        cols = [[_cell_width(t) for k, t in formulas.items() if k[1] == c and k not in below] for c in (0, 1)]
        cols[0].append(14 if vector else 0)
        cols[1].append(22 if vector else 0)
        return sum(max(c) for c in cols) + max([_cell_width(t) for t in in_h.values()] + [14 if vector else 0])

    while table_width() > TABLE_WIDTH and len(below) < len(formulas):
        below.add(max((k for k in formulas if k not in below), key=lambda k: _cell_width(formulas[k])))
    rows, long_rows = [], []
    for r in d.layers:
        l = r.index
        name = display_name(r.layer.activation)
        params = ", ".join(f"{latex(sym)} = {number(v)}" for sym, v in sorted(r.param_values.items(), key=lambda kv: str(kv[0])))
        if params:  # the activation's constants, under its name
            name = rf"\begin{{tabular}}[c]{{@{{}}l@{{}}}}{name}\\ ${params}$\end{{tabular}}"
        if r.phi is None:
            rows.append(
                ActivationRow(
                    str(l),
                    name,
                    r"$\hat{y}_i = e^{z_i} / \sum_k e^{z_k}$",
                    r"Jacobian $\hat{y}_i([i=j] - \hat{y}_j)$",
                    "(with the loss)",
                    "symbolic",
                )
            )
            continue
        cells, mine = [], []
        for c in (0, 1):
            tex = formulas[(l, c)]
            if (l, c) in below:
                lines = split_terms(r.dphi if c else r.phi, LONG_LINE, names=zn)  # a long formula: balanced lines
                mine.append([rf"\phi_{{{l}}}{chr(39) if c else ''}(z) &= {lines[0]}", *(rf"&\quad {x}" for x in lines[1:])])
                cells.append(r"see below")
            else:
                cells.append(rf"$\displaystyle {tex}$")
        if len(mine) == 2 and len(mine[0]) == len(mine[1]) == 1 and width(mine[0][0] + mine[1][0]) <= LONG_LINE:
            mine = [[mine[0][0] + r", \qquad " + mine[1][0].replace("&=", "=")]]  # phi and phi' on one row
        long_rows += [row for rows_ in mine for row in rows_]
        check = (
            r"\checkmark\ identity"
            if r.identity_check is not None and r.identity_check.passed
            else (r"$\times$" if r.identity_check is not None else "--")
        )
        rows.append(ActivationRow(str(l), name, cells[0], cells[1], rf"$\displaystyle {in_h[l]}$" if l in in_h else "--", check))
    return tuple(rows), tuple(long_rows)


def _hyper(net) -> tuple[tuple[str, str, str], ...]:
    from gradproof.derive.optimizers import HYPER

    meaning = {
        "learning_rate": "learning rate",
        "beta": "decay of the squared-gradient average",
        "beta1": "first-moment decay",
        "beta2": "second-moment decay",
        "epsilon": "avoids dividing by 0",
        "momentum": "momentum",
        "rho": "decay of the squared averages",
        "weight_decay": "decoupled weight decay",
    }
    out = []
    for key, value in net.hyper:
        sym = r"\alpha" if key == "learning_rate" else latex(HYPER[key])
        out.append((f"${sym}$", f"${number(value)}$", meaning.get(key, escape(key))))
    return tuple(out)


def hyper_text(net) -> str:
    """The hyper-parameters in one sentence: "$\\alpha = 0.01$ (learning rate); ..."; Adam's two decays share a meaning."""
    items = _hyper(net)
    out, k = [], 0
    while k < len(items):
        sym, value, meaning = items[k]
        if meaning == "first-moment decay" and k + 1 < len(items) and items[k + 1][2] == "second-moment decay":
            out.append(f"{sym[:-1]} = {value[1:]}, {items[k + 1][0][:-1]} = {items[k + 1][1][1:]} (moment decays)")
            k += 2
            continue
        out.append(f"{sym[:-1]} = {value[1:]} ({meaning})")
        k += 1
    return "; ".join(out)


def _merge(a: StepView, b: StepView, title: str | None = None) -> StepView:
    checks = a.checks + tuple(c for c in b.checks if c not in a.checks)
    why = a.why if b.why in (a.why, "") else b.why if not a.why else f"{a.why}; {b.why}"
    return StepView(title or a.title, a.intro, a.rows + b.rows, why, checks)


BATCH_WHY = (r"row $n$ of $\boldsymbol{\Delta}^{(l)}$ is $(\boldsymbol{\delta}^{(l)}_n)^{\top}$ (BP1, BP2); BP3, BP4 average "
             r"\eqref{eq:weight-grad}, \eqref{eq:bias-grad} over the samples ($\mathbf{1}_N$ adds up rows)")

#: consecutive steps shown as one display (title of the display): short definitions read better together
MERGED = {"forward-z": "Forward pass", "forward-h": "Forward pass", "loss": "Objective", "regularizer": "Objective",
          "objective": "Objective", "weight-grad": "Weight and bias gradients", "bias-grad": "Weight and bias gradients"}

#: definitions: the handout shows them without a justification (the table of checks labels them as definitions)
DEFINITIONS = {"forward-z", "forward-h", "loss", "regularizer", "objective", "delta-def"}


def _merged_title(key: str, net) -> str | None:
    """The display a step joins in the handout, or None: the optimizer's updates are one display."""
    if key.startswith("update-"):
        return f"Update ({display_name(net.optimizer.name)})"
    return MERGED.get(key)


def _view(s, numbers: dict, full: bool = False) -> StepView:
    """A step as the template shows it: a display with the equation number on ``tag_row``, or a table.

    The handout names how each step was checked once, in the table of checks, and shows definitions without a
    justification; ``full`` (the audit) keeps every check and justification under its step.
    """
    checks = tuple(_check_text(c, numbers) for c in s.checks) if full else ()
    justification = "" if not full and (s.key in DEFINITIONS or s.key.startswith("update-")) else s.justification
    title, intro, why = (prose(x, numbers) for x in (s.title, s.intro, justification))
    if s.key in TABLES:
        table = tuple(tuple(f"${cell.strip()}$" for cell in tex.split(" & ")) for tex in s.latex)
        return StepView(title, intro, (), why, checks, TABLES[s.key], table)
    n = numbers.get(s.key)
    tag_at = s.tag_row % len(s.latex) if s.latex else -1
    rows = tuple(
        Row(tex, rf"\tag{{{n}}}\label{{{equations.tex_label(s.key)}}}" if n is not None and k == tag_at else "")
        for k, tex in enumerate(s.latex)
    )
    return StepView(title, intro, rows, why, checks)


def _output_batch(d) -> str:
    """Delta^(L) of this network in batch form (BP1)."""
    from .steps import _batch_names, vec_tex

    L, out = d.network.depth, d.output
    bn = _batch_names(L, L)
    if out.delta is not None:
        return vec_tex(out.delta, bn)
    G = vec_tex(out.dloss, bn)
    K = d.network.output.units
    return (rf"\hat{{\mathbf{{Y}}}} \odot \left({G}\right) - \left(\left(\hat{{\mathbf{{Y}}}} \odot \left({G}\right)\right) "
            rf"\mathbf{{1}}_{{{K}}} \mathbf{{1}}_{{{K}}}^{{\top}}\right) \odot \hat{{\mathbf{{Y}}}}")


def _runs(items: list[str]) -> list[str]:
    """Three or more repeats written once with a count: 3, 3, 3, 2 -> 3 ($\times 3$), 2 (a deep net's summary stays short)."""
    out: list[list] = []
    for item in items:
        if out and out[-1][0] == item:
            out[-1][1] += 1
        else:
            out.append([item, 1])
    return [x for item, k in out for x in ([item] * k if k < 3 else [rf"{item} ($\times {k}$)"])]


def build_document(d, detail: str = "handout") -> Document:
    """The document's parts. ``detail`` is "handout" (the default) or "full" (adds the per-layer audit appendix)."""
    from .example import worked_example

    net = d.network
    full = detail == "full"
    numbers = equations.numbers(net)
    steps = build_steps(d)
    sections: dict[str, list[StepView]] = {}
    last_layer = None
    audit_checks = []
    for s in steps:
        section = "audit" if s.audit else s.section
        if (s.audit or s.key == "layers") and not full:  # the activation table shows each layer's phi once
            continue
        view = _view(s, numbers, full=full or s.audit)
        group = sections.setdefault(section, [])
        if section == "total" and s.layer is not None and not full:
            if group and last_layer == (section, "layers"):  # the handout: every layer in one display, breakable between layers
                prev = group[-1]
                if s.key.startswith("total-delta-"):
                    last = prev.rows[-1]
                    prev = dataclasses.replace(prev, rows=(*prev.rows[:-1], Row(last.tex, (last.tag + r" \displaybreak[0]").strip())))
                group[-1] = _merge(prev, view, "Every layer")
            else:
                group.append(dataclasses.replace(view, title="Every layer"))
            group[-1] = dataclasses.replace(group[-1], why=BATCH_WHY)
            last_layer = (section, "layers")
            continue
        if section in ("audit", "total") and group and s.layer is not None and last_layer == (section, s.layer):
            group[-1] = _merge(group[-1], view)  # one display per layer: delta, dJ/dW, dJ/db
        elif (merged := _merged_title(s.key, net)) and group and last_layer == (section, merged):
            group[-1] = _merge(group[-1], view, merged)
        else:
            group.append(view)
        last_layer = (section, _merged_title(s.key, net) or s.layer)
        if full:
            for c in s.checks:
                where = rf"\eqref{{{equations.tex_label(s.key)}}}" if s.key in numbers else prose(s.title, numbers)
                audit_checks.append(AuditCheck(where, c.method, r"\checkmark" if c.passed else r"$\times$",
                                               _detail(c.detail, numbers)))
    if full:
        for k, c in enumerate(d.checks, start=1):
            where = "instantiation window" + (f" {k}" if len(d.checks) > 1 else "")
            audit_checks.append(AuditCheck(where, c.method, r"\checkmark" if c.passed else r"$\times$",
                                           _detail(c.detail, numbers)))
    cols, scale, font = _figure(net)
    acts, long_rows = _activation_rows(d)
    sizes = "--".join(_runs([str(n) for n in net.sizes]))
    summary = (
        rf"A network with {net.depth} dense layers of sizes {sizes} "
        rf"({', '.join(_runs([display_name(layer.activation) for layer in net.layers]))}), trained with the "
        rf"{display_name(net.loss.name)} loss and {display_name(net.optimizer.name)}."
    )
    example = handout.example_view(d, worked_example(d))
    return Document(
        title=escape(net.title),
        name=escape(net.name),
        source=escape(Path(net.source).name) if net.source != "<spec>" else "an inline spec",
        summary=summary,
        conventions=handout.conventions(d, _epsilon_root(d)),
        dims=handout.dimension_rows(d),
        columns=cols,
        figure_scale=scale,
        figure_font=font,
        sections={k: tuple(v) for k, v in sections.items()},
        activations=acts,
        long_derivatives=long_rows,
        box=handout.summary_box(d, _output_batch(d)),
        algorithm=handout.algorithm(d),
        example=example,
        hyper=hyper_text(net),
        checks=handout.check_rows(d, numbers, example is not None, steps),
        audit_checks=tuple(audit_checks),
        references=handout.references(d),
        verdict=("Every check that was run passed." if d.all_passed else r"\textbf{Some checks FAILED.}"),
        full=full,
        long_tables=net.depth > 12,
        side_by_side=len(net.sizes) * 2.0 <= 8.6,
    )


def render_proof(d, detail: str = "handout") -> str:
    """The proof of ``d`` as LaTeX source (a complete document); ``detail="full"`` adds the per-layer audit."""
    if d.program is not None:  # layer kinds: the batch program's proof (layer_proof.py)
        from .layer_proof import render_layer_proof

        return render_layer_proof(d)
    doc = build_document(d, detail)
    sections = {k: doc.sections.get(k, ()) for k in ("network", "objective", "loss", "audit", "total", "training")}
    return environment().get_template("proof.tex.j2").render(doc=doc, sec=sections, nm=nm)


# -- writing and compiling -----------------------------------------------------------------------------------
def _first_error(log: Path) -> str:
    try:
        lines = log.read_text(encoding="latin-1").splitlines()
    except OSError:
        return "LaTeX failed and wrote no log"
    for k, line in enumerate(lines):
        m = re.match(r"^.*?:\d+: (.*)$", line)
        if m and not line.startswith("!"):
            return m.group(1)
        if line.startswith("!"):
            context = next((x.strip() for x in lines[k + 1 : k + 4] if x.startswith("l.")), "")
            return line + (f" ({context})" if context else "")
    return "LaTeX failed (no error line in the log)"


def _compile(tex: Path, build: Path) -> Path:
    """Run latexmk (or pdflatex twice) on ``tex`` with build files in ``build``; return the built PDF."""
    env = {**os.environ, "TEXINPUTS": f"{tex.parent}{os.pathsep}", "max_print_line": "1000"}
    common = ["-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "-file-line-error"]
    if shutil.which("latexmk"):
        cmds = [["latexmk", "-pdf", *common, f"-outdir={build}", f"-auxdir={build}", str(tex)]]
    else:
        cmds = [["pdflatex", *common, f"-output-directory={build}", str(tex)]] * 2
    log = build / (tex.stem + ".log")
    for cmd in cmds:
        try:
            proc = subprocess.run(cmd, cwd=build, env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=LATEX_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise ProofError(f"{tex}: LaTeX did not finish in {LATEX_TIMEOUT} s; log: {log}") from None
        if proc.returncode != 0:
            raise ProofError(f"{tex}: LaTeX failed: {_first_error(log)}; log: {log}")
    pdf = build / (tex.stem + ".pdf")
    if not pdf.is_file():
        raise ProofError(f"{tex}: LaTeX produced no PDF; log: {log}")
    return pdf


def tex_engine() -> str | None:
    return shutil.which("latexmk") and shutil.which("pdflatex") or shutil.which("pdflatex")


@contextlib.contextmanager
def _pair_lock(out_dir: Path, name: str):
    """Hold an exclusive lock while the .tex/.pdf pair of ``name`` is replaced, so two runs cannot interleave."""
    lock = out_dir / f".{name}.lock"
    with open(lock, "a+b") as f:
        if fcntl is not None:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(f.fileno(), fcntl.LOCK_UN)


def write_proof(d, out_dir: Path, pdf: bool = True, detail: str = "handout") -> ProofResult:
    """Write ``out_dir/<name>.tex`` and (with ``pdf`` and a TeX engine) ``out_dir/<name>.pdf``.

    Each run compiles in its own temporary folder ``out_dir/.<name>.build.XXXX/`` (removed after success, kept with
    its log after a failure), so concurrent runs never share build files; the .tex/.pdf pair is replaced under a lock,
    each file atomically, so a failed run leaves the previous pair intact and the pair always matches.
    ``detail="full"`` adds the per-layer audit appendix.

    Raises:
        ProofError: LaTeX failed (the message names the first LaTeX error and the log) or timed out.
    """
    out_dir = out_folder(out_dir)
    name = d.network.name
    tex, target = out_dir / f"{name}.tex", out_dir / f"{name}.pdf"
    source = render_proof(d, detail)
    notices = [f"note: {n}" for n in text_notices(d)]
    if not pdf or tex_engine() is None:
        with _pair_lock(out_dir, name):
            write_atomic(tex, source)
        messages = [*notices, f"wrote {tex}"]
        if pdf:
            messages.append(
                "no TeX engine found (pdflatex/latexmk), so no PDF was made; install TeX Live, e.g. on Debian/Ubuntu "
                f"'apt-get install {TEX_PACKAGES}', then run 'latexmk -pdf {tex.name}' in {out_dir} or this command again"
            )
        return ProofResult(tex, None, messages)
    build = Path(tempfile.mkdtemp(prefix=f".{name}.build.", dir=out_dir))
    staged = write_atomic(build / f"{name}.tex", source)
    built = _compile(staged.resolve(), build.resolve())  # on failure the folder stays, with the log the message names
    log = (build / f"{name}.log").read_text(encoding="latin-1") if (build / f"{name}.log").is_file() else ""
    data = built.read_bytes()
    with _pair_lock(out_dir, name):
        write_atomic(tex, source)
        write_atomic(target, data)
    shutil.rmtree(build, ignore_errors=True)
    return ProofResult(tex, target, [*notices, f"wrote {tex}", f"wrote {target}"], log)


__all__ = ["ProofError", "ProofResult", "build_document", "render_proof", "write_proof"]
