"""The proof document: the Derivation's steps assembled by a Jinja2 template (.tex), compiled with latexmk (.pdf)."""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from . import equations
from . import names as nm
from .errors import DerivationError
from .latex import display_name, escape, latex, number, width
from .outputs import write_atomic
from .symbols import H, Z

LATEX_TIMEOUT = 120  # seconds for one LaTeX run (latexmk runs pdflatex 2-3 times)
TEX_PACKAGES = "texlive-latex-base texlive-latex-recommended texlive-latex-extra texlive-pictures latexmk"
LONG_CELL = 30  # visible characters of a formula that still fits a table cell
TABLE_WIDTH = 50  # visible characters of the activation table's three formula columns together


class ProofError(DerivationError):
    """LaTeX failed on the proof; the message holds the first LaTeX error and the log's path."""


@dataclass(frozen=True)
class ProofResult:
    tex: Path
    pdf: Path | None
    messages: list[str] = field(default_factory=list)


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


@dataclass(frozen=True)
class ActivationRow:
    layer: str
    name: str
    phi: str
    dphi: str
    dphi_h: str
    check: str


@dataclass(frozen=True)
class CheckRow:
    where: str
    method: str
    mark: str
    error: str
    detail: str


@dataclass(frozen=True)
class Document:
    title: str
    name: str
    source: str
    summary: str
    conventions: tuple[str, ...]
    columns: tuple[Column, ...]
    figure_scale: str  # "" or a \resizebox width
    figure_font: str  # font of the labels
    sections: dict
    activations: tuple[ActivationRow, ...]
    long_derivatives: tuple[str, ...]
    hyper: tuple[tuple[str, str, str], ...]
    checks: tuple[CheckRow, ...]
    verdict: str
    seconds: str


# -- the Jinja2 environment (built once) ----------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("gradproof.derive", "templates"),
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
    mark = r"\checkmark" if c.passed else r"$\times$ \textbf{FAILED}"
    err = f", max error ${number(float(f'{c.max_error:.1e}'))}$" if c.max_error is not None and c.method == "identity" else ""
    return rf"{mark}~\emph{{{c.method}}}: {_detail(c.detail, numbers)}{err}"


def _conventions(d) -> tuple[str, ...]:
    net, L = d.network, d.network.depth
    if net.convention == "row":
        conv = (
            r"Row convention: $\mathbf{z}^{(l)} = \mathbf{W}^{(l)} \mathbf{h}^{(l-1)} + \mathbf{b}^{(l)}$, so "
            r"$\mathbf{W}^{(l)}$ is $n_l \times n_{l-1}$; a batch has samples as rows, "
            r"$\mathbf{Z}^{(l)} = \mathbf{H}^{(l-1)} {\mathbf{W}^{(l)}}^{\top} + \mathbf{1}_N {\mathbf{b}^{(l)}}^{\top}$."
        )
    else:
        conv = (
            r"Column convention: $\mathbf{z}^{(l)} = {\mathbf{W}^{(l)}}^{\top} \mathbf{h}^{(l-1)} + \mathbf{W}_0^{(l)}$, so "
            r"$\mathbf{W}^{(l)}$ is $n_{l-1} \times n_l$; a batch has samples as rows, "
            r"$\mathbf{Z}^{(l)} = \mathbf{H}^{(l-1)} \mathbf{W}^{(l)} + \mathbf{1}_N {\mathbf{W}_0^{(l)}}^{\top}$."
        )
    out = [
        conv,
        rf"Vectors are bold columns; $\mathbf{{h}}^{{(0)}} = \mathbf{{x}}$ and $\mathbf{{h}}^{{({L})}} = \hat{{\mathbf{{y}}}}$; "
        r"$\odot$ is the elementwise product, and functions, powers and quotients of vectors act elementwise.",
        r"Loss scaling: the data term is the mean over the $N$ samples of a batch, $L = \frac{1}{N}\sum_n \ell_n$.",
    ]
    if net.regularizer is None:
        out.append(r"No regularizer: $R = 0$.")
    else:
        from .regularizers import WEIGHT

        factor, _ = d.reg_penalty.as_independent(WEIGHT, as_Add=False)
        scale = rf"${latex(factor)}$ " + ("(divided by the batch size $N$)" if net.reg_scaling == "batch" else "(not divided by $N$)")
        out.append(
            rf"Regularizer: {net.regularizer.name.upper()} with $\lambda = {number(net.reg_lambda)}$, scaled by {scale}; "
            + ("biases are penalised too." if net.penalize_bias else "biases are not penalised.")
        )
    for hyp in d.output.hypotheses:
        what, _, detail = hyp.partition(":")
        out.append(
            rf"Hypothesis: {escape(what)}, $\sum_s y_s = 1$; it is used for the output error \eqref{{eq:delta-{L}}}."
            if "sum to 1" in detail
            else f"Hypothesis: {escape(hyp)}."
        )
    opts = dict(net.options)
    if "epsilon_placement" in opts:
        where = "inside" if opts["epsilon_placement"] == "inside" else "outside"
        root = _epsilon_root(d)
        out.append(
            rf"Optimizer {display_name(net.optimizer.name)}: $\epsilon$ is added {where} the square root"
            + (rf", the step divides by ${root}$" if root else "")
            + "; every state starts at 0."
        )
    elif "variant" in opts:
        out.append(rf"Optimizer {display_name(net.optimizer.name)} ({escape(opts['variant'])} form); every state starts at 0.")
    else:
        out.append(rf"Optimizer {display_name(net.optimizer.name)}.")
    return tuple(out)


def _epsilon_root(d) -> str:
    """The denominator of the parameter update that holds epsilon (``\\sqrt{S + \\epsilon}``), printed, or ""."""
    import sympy as sp

    from .optimizers import HYPER, STATE, TEMP

    names = {s: nm.SYMBOL_LATEX.get(s.name, s.name) for s in (*STATE.values(), *TEMP.values())}
    eps = HYPER.get("epsilon")
    for u in d.updates:
        if u.kind == "param" and eps is not None:
            for p in sorted(u.expr.atoms(sp.Pow), key=sp.default_sort_key):
                if p.exp.is_negative and eps in p.free_symbols:
                    return latex(p.base ** (-p.exp), names, vector=True)
    return ""


def _figure(net) -> tuple[tuple[Column, ...], str, str]:
    """Columns of circles, one per layer (at most 5 drawn), with sizes and activations.

    The labels sit just above and below each column's own drawn units, so a small layer has no gap above
    its size and activation. A deep net gets narrower columns and short labels at a readable size; only a
    net too deep even for that is scaled to the line width. Returns (columns, scale width or "", label font).
    """
    cols, dx, gap, pad = [], 2.3, 0.75, 0.35
    compact = len(net.sizes) * dx > 15.5
    if compact:
        dx = max(1.15, 15.5 / len(net.sizes))
    for l, n in enumerate(net.sizes):
        shown = min(n, 5)
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
        cols.append(
            Column(f"{l * dx:.2f}", ys, head, foot, n > shown, f"{top + pad:.3f}", f"{low - pad:.3f}", f"{-top - 0.45:.3f}")
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
        cells = []
        for c in (0, 1):
            tex = formulas[(l, c)]
            if (l, c) in below:
                long_rows.append(rf"\phi_{{{l}}}{chr(39) if c else ''}(z) &= {tex}")
                cells.append(r"see below")
            else:
                cells.append(rf"$\displaystyle {tex}$")
        check = (
            r"\checkmark\ identity"
            if r.identity_check is not None and r.identity_check.passed
            else (r"$\times$" if r.identity_check is not None else "--")
        )
        rows.append(ActivationRow(str(l), name, cells[0], cells[1], rf"$\displaystyle {in_h[l]}$" if l in in_h else "--", check))
    return tuple(rows), tuple(long_rows)


def _hyper(net) -> tuple[tuple[str, str, str], ...]:
    from .optimizers import HYPER

    meaning = {
        "learning_rate": "learning rate",
        "beta": "decay of the squared-gradient average",
        "beta1": "decay of the first moment",
        "beta2": "decay of the second moment",
        "epsilon": "keeps the denominator away from 0",
        "momentum": "momentum",
    }
    out = []
    for key, value in net.hyper:
        sym = r"\alpha" if key == "learning_rate" else latex(HYPER[key])
        out.append((f"${sym}$", f"${number(value)}$", meaning.get(key, escape(key))))
    return tuple(out)


def _merge(a: StepView, b: StepView) -> StepView:
    checks = a.checks + tuple(c for c in b.checks if c not in a.checks)
    return StepView(a.title, a.intro, a.rows + b.rows, f"{a.why}; {b.why}", checks)


def _view(s, numbers: dict) -> StepView:
    """A step as the template shows it: a display with the equation number on ``tag_row``, or a table."""
    checks = tuple(_check_text(c, numbers) for c in s.checks)
    title, intro, why = (prose(x, numbers) for x in (s.title, s.intro, s.justification))
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


def _check_table(rows: list[tuple]) -> list[CheckRow]:
    """One row per check run: the equations checked by one method, (10)--(18) instantiation, as one row.

    ``rows`` holds (equation number or None, its label, step title, method, mark, max error or None) in
    document order. Rows of the same method (and verdict) join a run when their equations follow on from it,
    even when a check of another method (an identity check on (13)) sits between them, or when several
    instantiation windows cover the same equations; a run shows the largest error of its checks. The table
    keeps the order in which the runs start.
    """
    runs: list[dict] = []
    for n, label, title, method, mark, err in rows:
        key = (method, mark)
        if n is not None:
            run = next((r for r in runs if r["key"] == key and r["n"] is not None and r["n"] <= n <= r["n"] + 1), None)
            if run is None:  # a second window over equations this run already holds
                run = next((r for r in runs if r["key"] == key and r["n"] is not None and r["start"] <= n <= r["n"]), None)
            if run is not None:
                run["errs"].append(err)
                if n > run["n"]:
                    run.update(n=n, label=label)
                continue
        else:
            run = next((r for r in runs if r["key"] == key and r["n"] is None and r["title"] == title), None)
            if run is not None:
                run["errs"].append(err)
                continue
        runs.append(dict(first=label, start=n, n=n, label=label, title=title, key=key, errs=[err]))
    out = []
    for r in runs:
        if r["n"] is None:
            where = r["title"]
        elif r["first"] == r["label"]:
            where = rf"\eqref{{{r['label']}}}"
        else:
            where = rf"\eqref{{{r['first']}}}--\eqref{{{r['label']}}}"
        method, mark = r["key"]
        errs = [e for e in r["errs"] if e is not None]
        err = f"${number(float(f'{max(errs):.1e}'))}$" if errs else "--"
        out.append(CheckRow(where, method, mark, err, ""))
    return out


def build_document(d) -> Document:
    net = d.network
    numbers = equations.numbers(net)
    sections: dict[str, list[StepView]] = {}
    check_rows = []
    last_layer = None
    for s in d.steps:
        n = numbers.get(s.key)
        view = _view(s, numbers)
        group = sections.setdefault(s.section, [])
        if s.section in ("layers", "total") and group and s.layer is not None and last_layer == (s.section, s.layer):
            group[-1] = _merge(group[-1], view)  # one display per layer: delta, dJ/dW, dJ/db
        else:
            group.append(view)
        last_layer = (s.section, s.layer)
        for c in s.checks:
            label = equations.tex_label(s.key) if n is not None else None
            check_rows.append((n, label, prose(s.title, numbers), c.method, r"\checkmark" if c.passed else r"$\times$", c.max_error))
    checks = _check_table(check_rows)
    for k, c in enumerate(d.checks, start=1):
        err = "--" if c.max_error is None else f"${number(float(f'{c.max_error:.1e}'))}$"
        where = "instantiation window" + (f" {k}" if len(d.checks) > 1 else "")
        checks.append(CheckRow(where, c.method, r"\checkmark" if c.passed else r"$\times$", err, _detail(c.detail, numbers)))
    cols, scale, font = _figure(net)
    acts, long_rows = _activation_rows(d)
    sizes = "--".join(map(str, net.sizes))
    summary = (
        rf"A network with {net.depth} dense layers of sizes {sizes} "
        rf"({', '.join(display_name(layer.activation) for layer in net.layers)}), trained with the "
        rf"{display_name(net.loss.name)} loss and {display_name(net.optimizer.name)}."
    )
    return Document(
        title=escape(net.title),
        name=escape(net.name),
        source=escape(Path(net.source).name) if net.source != "<spec>" else "an inline spec",
        summary=summary,
        conventions=_conventions(d),
        columns=cols,
        figure_scale=scale,
        figure_font=font,
        sections={k: tuple(v) for k, v in sections.items()},
        activations=acts,
        long_derivatives=long_rows,
        hyper=_hyper(net),
        checks=tuple(checks),
        verdict="All checks passed." if d.all_passed else r"\textbf{Some checks FAILED.}",
        seconds=f"{d.seconds:.1f}",
    )


def render_proof(d) -> str:
    """The proof of ``d`` as LaTeX source (a complete document)."""
    if d.program is not None:  # layer kinds: the batch program's proof (layer_proof.py)
        from .layer_proof import render_layer_proof

        return render_layer_proof(d)
    doc = build_document(d)
    sections = {k: doc.sections.get(k, ()) for k in ("network", "objective", "loss", "layers", "total", "training")}
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


def write_proof(d, out_dir: Path, pdf: bool = True) -> ProofResult:
    """Write ``out_dir/<name>.tex`` and (with ``pdf`` and a TeX engine) ``out_dir/<name>.pdf``.

    Build files go to ``out_dir/.<name>.build/``; outputs are replaced atomically, so a failed run leaves
    the previous PDF intact.

    Raises:
        ProofError: LaTeX failed (the message names the first LaTeX error and the log) or timed out.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    name = d.network.name
    tex, target = out_dir / f"{name}.tex", out_dir / f"{name}.pdf"
    source = render_proof(d)
    if not pdf or tex_engine() is None:
        write_atomic(tex, source)
        messages = [f"wrote {tex}"]
        if pdf:
            messages.append(
                "no TeX engine found (pdflatex/latexmk), so no PDF was made; install TeX Live, e.g. on Debian/Ubuntu "
                f"'apt-get install {TEX_PACKAGES}', then run 'latexmk -pdf {tex.name}' in {out_dir} or this command again"
            )
        return ProofResult(tex, None, messages)
    # compile a copy in the build folder; the outputs are replaced only once LaTeX has succeeded, so a failed
    # run leaves the previous .tex and .pdf as they were (and a matching pair)
    build = out_dir / f".{name}.build"
    build.mkdir(exist_ok=True)
    staged = write_atomic(build / f"{name}.tex", source)
    built = _compile(staged.resolve(), build.resolve())
    write_atomic(tex, source)
    write_atomic(target, built.read_bytes())
    return ProofResult(tex, target, [f"wrote {tex}", f"wrote {target}"])


__all__ = ["ProofError", "ProofResult", "build_document", "render_proof", "write_proof"]
