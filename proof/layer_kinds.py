"""The derivation of each kind of layer, for the proof of a network with layer kinds: steps with their *Why*, and the
summary box (the backward rule of every kind, batch form).

The output error is the dense handout's own derivation (``steps``); batch and layer normalisation are printed from
``derive.normalization`` (every local derivative by ``sympy.diff``, the three paths, the compact result); dropout's
derivative is ``sympy.diff`` of its definition. The batch forms of a dense layer (matrix products over the samples) and
the residual's sum over two paths are the chain rule written out.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import sympy as sp
from gradproof.derive import normalization as nz
from gradproof.derive.program import index_latex

from .document import Row, _output_batch, prose
from .latex import latex


@dataclass(frozen=True)
class Block:
    """A display: an optional run-in title and prose, aligned rows, and its justification (empty for a definition)."""

    title: str
    intro: str
    rows: tuple[Row, ...]
    why: str = ""
    #: the batch program's rows in runs: (two columns?, rows); narrow rows stand two to a line (a longtable, which may
    #: break across pages), a wide row is a display of its own
    segments: tuple[tuple[bool, tuple[Row, ...]], ...] = ()


@dataclass(frozen=True)
class KindSection:
    """The derivation for one kind of layer: a subsection of blocks."""

    title: str
    label: str  # \label{sec:<label>}, cited by the summary box
    blocks: tuple[Block, ...]


def _rows(*tex: str) -> tuple[Row, ...]:
    return tuple(Row(t, "") for t in tex)


# -- the output layer: the dense derivation's own steps -----------------------------------------------------
def output_section(d) -> KindSection:
    from .steps import JACOBIAN_WHY, _Builder

    b = _Builder(d)
    b.output_layer()
    blocks = []
    for s in b.steps:
        if s.justification.startswith(JACOBIAN_WHY):  # softmax: the Jacobian, then the chain rule -- two displays
            blocks.append(Block(prose(s.title, {}), prose(s.intro, {}), _rows(s.latex[0]), prose(JACOBIAN_WHY.rstrip("; "), {})))
            blocks.append(Block("", "", _rows(*s.latex[1:]), prose(s.justification[len(JACOBIAN_WHY):], {})))
        else:
            blocks.append(Block(prose(s.title, {}), prose(s.intro, {}), _rows(*s.latex), prose(s.justification, {})))
    L = d.network.depth
    blocks.append(Block("", r"A batch stacks the errors of its samples as rows; $J$ averages the $N$ losses, so",
                        _rows(rf"\boldsymbol{{\Delta}}^{{({L})}} = \frac{{\partial J}}{{\partial \mathbf{{Z}}^{{({L})}}}} "
                              rf"&= \tfrac{{1}}{{N}} \left({_output_batch(d)}\right)"),
                        r"sample $n$'s loss depends only on row $n$ of $\mathbf{Z}$, and $J = \frac{1}{N}\sum_n \ell_n$"))
    return KindSection("The output layer", "kind-output", tuple(blocks))


# -- dense layers and activations, batch form ----------------------------------------------------------------
def bias_free(net) -> tuple[list[str], bool]:
    """The dense layers whose spec says ``bias = false`` (their paths, "2" or "3.1") and whether any dense layer
    has a bias."""
    dense = [layer for layer in net.all_layers if layer.kind == "dense"]
    free = [(layer.path or str(layer.index)).replace("_", ".") for layer in dense if not layer.bias]
    return free, len(free) < len(dense)


def path_list(paths: list[str], dots: str = r"\dots") -> str:
    """``paths`` joined by commas, each run of ``PATH_RUN`` or more in which the top-level layer number goes up by one
    (the rest of the path alike) shortened to its first two, ``dots`` and its last: 249 residual blocks' ReLUs are
    "2.1, 3.1, \\dots, 250.1", not 249 names."""
    def step(a: str, b: str) -> bool:
        (ha, _, ta), (hb, _, tb) = a.partition("."), b.partition(".")
        return ha.isdigit() and hb.isdigit() and int(hb) == int(ha) + 1 and ta == tb

    out, i = [], 0
    while i < len(paths):
        j = i
        while j + 1 < len(paths) and step(paths[j], paths[j + 1]):
            j += 1
        out += [paths[i], paths[i + 1], dots, paths[j]] if j - i + 1 >= PATH_RUN else paths[i:j + 1]
        i = j + 1
    return ", ".join(out)


#: the shortest run of consecutive layers ``path_list`` shortens
PATH_RUN = 5


def layers_named(paths: list[str], dots: str = r"\dots") -> str:
    return ("layer " if len(paths) == 1 else "layers ") + path_list(paths, dots)


def dense_section(row: bool, free: tuple[str, ...] = (), biased: bool = True) -> KindSection:
    """A dense layer's batch gradients; ``free`` names the layers without a bias (``bias = false``), ``biased``
    says whether any dense layer has one (else the bias appears nowhere)."""
    D = r"\boldsymbol{\Delta}"
    if row:
        z, bias, b_p, b_vec = r"Z_{ni} = \sum_q H_{nq} W_{iq}", "b_i", "b_p", r"\mathbf{b}"
        dw = rf"\sum_n \Delta_{{np}} H_{{nq}}, \qquad \frac{{\partial J}}{{\partial \mathbf{{W}}}} = {D}^{{\top}} \mathbf{{H}}"
        dh, dh_mat, only = r"\sum_i \Delta_{ni} W_{iq}", rf"{D} \mathbf{{W}}", "$i = p$"
    else:
        z, bias, b_p, b_vec = r"Z_{ni} = \sum_q H_{nq} W_{qi}", "W_{0,i}", "W_{0,p}", r"\mathbf{W}_0"
        dw = rf"\sum_n H_{{np}} \Delta_{{nq}}, \qquad \frac{{\partial J}}{{\partial \mathbf{{W}}}} = \mathbf{{H}}^{{\top}} {D}"
        dh, dh_mat, only = r"\sum_i \Delta_{ni} W_{qi}", rf"{D} \mathbf{{W}}^{{\top}}", "$i = q$"
    dw = r"\frac{\partial J}{\partial W_{pq}} &= \sum_n \sum_i \Delta_{ni} \frac{\partial Z_{ni}}{\partial W_{pq}} = " + dw
    dh = rf"\frac{{\partial J}}{{\partial H_{{nq}}}} = {dh}, \qquad \frac{{\partial J}}{{\partial \mathbf{{H}}}} = {dh_mat}"
    if biased:
        z += f" + {bias}"
        db = (rf"\frac{{\partial J}}{{\partial {b_p}}} &= \sum_n \Delta_{{np}}, \qquad "
              + dh.replace(r", \qquad ", rf", \qquad \frac{{\partial J}}{{\partial {b_vec}}} = \sum_n {D}_n, \qquad ", 1))
    else:  # no layer has a bias: z = W h, no dJ/db
        db = dh.replace(" = ", " &= ", 1)
    note = ""
    if biased and free:
        note = (rf" ({layers_named(list(free))} {'has' if len(free) == 1 else 'have'} no bias, \texttt{{bias = false}}: "
                rf"the same without ${bias}$ and its gradient)")
    act = (r"\Delta_{ni} = \frac{\partial J}{\partial Z_{ni}} &= \frac{\partial J}{\partial H_{ni}} \phi'(Z_{ni}), \qquad "
           r"\boldsymbol{\Delta} = \frac{\partial J}{\partial \mathbf{H}} \odot \phi'(\mathbf{Z})")
    blocks = (
        Block("", rf"A dense layer{'' if biased else ' without a bias'}, ${z}$, with "
              rf"$\boldsymbol{{\Delta}} = \partial J / \partial \mathbf{{Z}}$ known{note}:",
              _rows(dw, db),
              rf"$Z_{{ni}}$ depends on $W_{{pq}}$ only for {only}, in every sample $n$, so the samples' contributions add "
              r"(per sample this is the dense network's $\boldsymbol{\delta}\mathbf{h}^{\top}$); $H_{nq}$ reaches every "
              r"$Z_{ni}$ of its own sample"),
        Block("", r"Its activation $\mathbf{H} = \phi(\mathbf{Z})$ (Table~\ref{tab:activations}):", _rows(act),
              r"$\phi$ acts elementwise, so $H_{ni}$ depends on $Z_{ni}$ alone (a diagonal Jacobian)"),
    )
    return KindSection("Dense layers and activations", "kind-dense", blocks)


# -- batch and layer normalisation ---------------------------------------------------------------------------
_NAMES = {nz.x.label: "x", nz.xhat.label: r"\hat{x}", nz.dy.label: r"\bar{y}", nz.g.label: "g", nz.MU: r"\mu",
          nz.VAR: r"\sigma^{2}", nz.SIGMA: r"\sigma", nz.EPS: r"\epsilon", nz.GAMMA: r"\gamma"}


def _sym(expr) -> str:
    return sp.latex(expr, symbol_names=_NAMES)


def _entries(index: str) -> dict:
    """LaTeX of one entry of each indexed quantity; the summed index n prints as ``index``."""

    def sub(k) -> str:
        return index if k == nz.n else str(k)

    return {nz.dy: lambda k: rf"\bar{{y}}_{{{sub(k)}}}", nz.xhat: lambda k: rf"\hat{{x}}_{{{sub(k)}}}",
            nz.g: lambda k: f"g_{{{sub(k)}}}", nz.gammas: lambda k: rf"\gamma_{{{sub(k)}}}"}


def batchnorm_section() -> KindSection:
    r = nz.derive_normalization("batch")
    loc = dict(r.locals)
    if sp.simplify(loc["dv/dx_i"] - 2 * (nz.x[nz.i] - nz.MU) / nz.N) != 0:  # printed in its textbook order below
        raise AssertionError(f"unexpected dv/dx_i: {loc['dv/dx_i']}")
    ent, scal = _entries("n"), {nz.GAMMA: r"\gamma", nz.SIGMA: r"\sigma", nz.N: "N"}
    blocks = (
        Block("", r"One feature (a column; its index dropped) over the $N$ samples $x_1, \dots, x_N$ of the batch:",
              _rows(r"\mu &= \frac{1}{N}\sum_{k} x_k, \quad \sigma^2 = \frac{1}{N}\sum_{k} (x_k - \mu)^2, \quad "
                    r"\sigma = \sqrt{\sigma^2 + \epsilon}, \quad \hat{x}_n = \frac{x_n - \mu}{\sigma}, \quad "
                    r"y_n = \gamma \hat{x}_n + \beta"), ""),
        Block("", r"The local derivatives ($\bar{y}_n = \partial J/\partial y_n$ arrives from above, "
                  r"$g_n = \partial J/\partial \hat{x}_n$):",
              _rows(r"\frac{\partial \mu}{\partial x_i} &= " + _sym(loc["dmu/dx_i"]) + r", \qquad "
                    r"\frac{\partial \sigma^2}{\partial x_i}\Big|_{\mu} = \frac{2}{N}(x_i - \mu), \qquad "
                    r"\frac{\partial \sigma^2}{\partial \mu} = -\frac{2}{N}\sum_k (x_k - \mu) = 0",
                    r"\frac{\partial \hat{x}_n}{\partial x_i}\Big|_{\mu, \sigma^2} &= " + _sym(loc["dxhat_n/dx_i"]) + r", \qquad "
                    r"\frac{\partial \hat{x}_n}{\partial \mu} = " + _sym(loc["dxhat_n/dmu"]) + r", \qquad "
                    r"\frac{\partial \hat{x}_n}{\partial \sigma^2} = " + _sym(loc["dxhat_n/dv"])),
              r"differentiate each definition ($\delta_{in}$ is 1 for $i = n$, else 0); $\sum_k x_k = N\mu$ makes "
              r"$\partial \sigma^2/\partial \mu$ vanish; $x_n - \mu = \sigma \hat{x}_n$ and $\sigma^2 + \epsilon$ is "
              r"written $\sigma^2$ in the last one"),
        Block("", "",
              _rows(r"\frac{\partial J}{\partial x_i} &= \sum_{n} g_n \Big(\frac{\partial \hat{x}_n}{\partial x_i}\Big|_{\mu,\sigma^2} + "
                    r"\frac{\partial \hat{x}_n}{\partial \mu}\frac{\partial \mu}{\partial x_i} + \frac{\partial \hat{x}_n}"
                    r"{\partial \sigma^2}\frac{\partial \sigma^2}{\partial x_i}\Big)",
                    r"&= " + index_latex(r.dx, ent, scal, "n", odot=False)),
              r"$x_i$ reaches every $\hat{x}_n$ along three paths -- directly, through $\mu$ and through $\sigma^2$ -- so the "
              r"multivariable chain rule adds them; insert the local derivatives, $\delta_{in}$ picks $n = i$, and "
              r"$x_i - \mu = \sigma \hat{x}_i$"),
        Block("", r"With $y_n = \gamma \hat{x}_n + \beta$, so $g_n = \gamma \bar{y}_n$:",
              _rows(r"\frac{\partial J}{\partial x_i} &= " + index_latex(r.dx_dy, ent, scal, "n", odot=False),
                    r"\frac{\partial J}{\partial \gamma} &= " + index_latex(r.dgamma, ent, scal, "n", odot=False)
                    + r", \qquad \frac{\partial J}{\partial \beta} = " + index_latex(r.dbeta, ent, scal, "n", odot=False)),
              r"$\gamma$ is one number per feature, so it leaves the sums; $\gamma$ and $\beta$ are shared by the $N$ "
              r"samples, so their gradients add over $n$. The statistics couple the samples: every $x_i$ moves every $y_n$, "
              r"so the result is not $\gamma \bar{y}_i / \sigma$, which a per-sample derivation would give"),
    )
    return KindSection("Batch normalisation", "kind-batchnorm", blocks)


def layernorm_section() -> KindSection:
    r = nz.derive_normalization("features")
    ent, scal = _entries("j"), {nz.SIGMA: r"\sigma", nz.N: "D"}
    rows = _rows(r"\frac{\partial J}{\partial x_i} &= " + index_latex(r.dx, ent, scal, "j", odot=False).replace("x_{i}", "x_i")
                 + r", \qquad g_j = \gamma_j \bar{y}_j",
                 r"\frac{\partial J}{\partial \gamma_j} &= \sum_{n} \bar{y}_{nj} \hat{x}_{nj}, \qquad "
                 r"\frac{\partial J}{\partial \beta_j} = \sum_{n} \bar{y}_{nj}")
    return KindSection("Layer normalisation", "kind-layernorm", (
        Block("", r"The same normalisation over the $D$ features $x_1, \dots, x_D$ of one sample "
                  r"($\mu, \sigma$ per sample, $\gamma_j, \beta_j$ per feature):", rows,
              r"the derivation above with $N$ replaced by $D$ and the sum over the features (each sample alone); "
              r"$\gamma_j$ differs between features, so $g_j = \gamma_j \bar{y}_j$ stays inside the sums; $\gamma_j$ and "
              r"$\beta_j$ are shared by the samples of the batch, so their gradients add over $n$"),))


# -- dropout and residual blocks -------------------------------------------------------------------------------
def dropout_section() -> KindSection:
    x, m, p = sp.symbols("x m p", real=True)
    h = m * x / (1 - p)
    return KindSection("Dropout", "kind-dropout", (Block(
        "", r"Inverted dropout with a mask $m \in \{0, 1\}$ per unit, sample and step ($P(m = 1) = 1 - p$):",
        _rows(rf"h &= {latex(h, {})}, \qquad \frac{{\partial h}}{{\partial x}} = {latex(sp.diff(h, x), {})}, \qquad "
              r"\frac{\partial J}{\partial \mathbf{X}} = \tfrac{1}{1 - p}\, \mathbf{M} \odot \frac{\partial J}{\partial \mathbf{H}}"),
        r"the mask is an input of the step, not a parameter: the gradient passes only through the kept units, scaled as "
        r"in the forward pass; at inference $h = x$, so the expected activation is the same in both modes"),))


def residual_section(projects: bool, row: bool) -> KindSection:
    P = r"\frac{\partial J}{\partial \mathbf{Z}} \mathbf{P}" if row else r"\frac{\partial J}{\partial \mathbf{Z}} \mathbf{P}^{\top}"
    dP = (r"\Big(\frac{\partial J}{\partial \mathbf{Z}}\Big)^{\top} \mathbf{H}" if row
          else r"\mathbf{H}^{\top} \frac{\partial J}{\partial \mathbf{Z}}")
    rows = [r"\mathbf{Z} &= \mathbf{H} + F(\mathbf{H}) \;\Rightarrow\; \frac{\partial J}{\partial \mathbf{H}} = "
            r"\frac{\partial J}{\partial \mathbf{Z}} + \frac{\partial J}{\partial \mathbf{H}}\Big|_{\text{body}}"]
    if projects:
        skip = r"\mathbf{H} \mathbf{P}^{\top}" if row else r"\mathbf{H} \mathbf{P}"
        rows.append(rf"\mathbf{{Z}} &= {skip} + F(\mathbf{{H}}) \;\Rightarrow\; \frac{{\partial J}}{{\partial \mathbf{{H}}}} = "
                    rf"{P} + \frac{{\partial J}}{{\partial \mathbf{{H}}}}\Big|_{{\text{{body}}}}, \qquad "
                    rf"\frac{{\partial J}}{{\partial \mathbf{{P}}}} = {dP}")
    return KindSection("Residual blocks", "kind-residual", (Block(
        "", r"A block adds its input to its body's output $F(\mathbf{H})$ (through a projection $\mathbf{P}$ when the "
            r"body changes the width):", _rows(*rows),
        r"the input reaches $\mathbf{Z}$ along two paths, the skip connection and the body, so the multivariable chain "
        r"rule adds both; the body's term is its own backward pass, layer by layer"
        + (r"; $\mathbf{P}$ is a dense weight without bias" if projects else "")),))


def sections(d) -> tuple[KindSection, ...]:
    """The derivation for every kind present, output layer first."""
    net = d.network
    kinds = {layer.kind for layer in net.all_layers}
    free, biased = bias_free(net)
    out = [output_section(d), dense_section(net.convention == "row", tuple(free), biased)]
    if "batchnorm" in kinds:
        out.append(batchnorm_section())
    if "layernorm" in kinds:
        out.append(layernorm_section())
    if "dropout" in kinds:
        out.append(dropout_section())
    if "residual" in kinds:
        out.append(residual_section(any(p.key.startswith("P") for p in d.program.params), net.convention == "row"))
    return tuple(out)


# -- the summary box ---------------------------------------------------------------------------------------
def summary_box(d) -> tuple[tuple[str, str, str], ...]:
    """The backward rule of every kind present, batch form: (kind, LaTeX, the subsection it is derived in)."""
    net = d.network
    row = net.convention == "row"
    kinds = {layer.kind for layer in net.all_layers}
    D, H, Z, X = r"\boldsymbol{\Delta}", r"\mathbf{H}", r"\mathbf{Z}", r"\mathbf{X}"
    L = net.depth
    dJ = lambda a: rf"\frac{{\partial J}}{{\partial {a}}}"  # noqa: E731 -- a one-line printer
    dW, db = dJ(r"\mathbf{W}"), dJ(r"\mathbf{b}" if row else r"\mathbf{W}_0")
    dgamma, dbeta = dJ(r"\boldsymbol{\gamma}"), dJ(r"\boldsymbol{\beta}")
    out = [("output", rf"{D}^{{({L})}} = \tfrac{{1}}{{N}} \left({_output_batch(d)}\right)", "kind-output"),
           ("dense", rf"{dW} = " + (rf"{D}^{{\top}} {H}" if row else rf"{H}^{{\top}} {D}")
            + (rf", \quad {db} = \sum_n {D}_n" if bias_free(net)[1] else "") + rf", \quad {dJ(H)} = "
            + (rf"{D} \mathbf{{W}}" if row else rf"{D} \mathbf{{W}}^{{\top}}"), "kind-dense"),
           ("activation", rf"{D} = {dJ(H)} \odot \phi'({Z})", "kind-dense")]
    if "batchnorm" in kinds:
        r = nz.derive_normalization("batch")
        tex = index_latex(r.dx_dy, {nz.dy: D, nz.xhat: r"\hat{\mathbf{X}}"},
                          {nz.GAMMA: r"\boldsymbol{\gamma}", nz.SIGMA: r"\boldsymbol{\sigma}", nz.N: "N"}, "n")
        out.append(("batch norm", rf"{dJ(X)} = {tex}", "kind-batchnorm"))
        out.append(("", rf"{dgamma} = \sum_n ({D} \odot \hat{{\mathbf{{X}}}})_n, \quad "
                        rf"{dbeta} = \sum_n {D}_n", "kind-batchnorm"))
    if "layernorm" in kinds:
        r = nz.derive_normalization("features")
        tex = index_latex(r.dx, {nz.g: r"\mathbf{G}", nz.xhat: r"\hat{\mathbf{X}}"}, {nz.SIGMA: r"\boldsymbol{\sigma}", nz.N: "D"}, "j")
        out.append(("layer norm", rf"{dJ(X)} = {tex}", "kind-layernorm"))
        out.append(("", rf"\mathbf{{G}} = {D} \odot \boldsymbol{{\gamma}}, \quad {dgamma} = \sum_n ({D} \odot "
                        rf"\hat{{\mathbf{{X}}}})_n, \quad {dbeta} = \sum_n {D}_n", "kind-layernorm"))
    if "dropout" in kinds:
        out.append(("dropout", rf"{dJ(X)} = \tfrac{{1}}{{1 - p}}\, \mathbf{{M}} \odot {dJ(H)}", "kind-dropout"))
    if "residual" in kinds:
        skip = (rf"{D} \mathbf{{P}}" if row else rf"{D} \mathbf{{P}}^{{\top}}")
        out.append(("residual", rf"{dJ(H)} = {D} \text{{ (or }} {skip}\text{{)}} + {dJ(H)}\Big|_{{\text{{body}}}}", "kind-residual"))
    return tuple(out)


def unique_activations(d):
    """One LayerResult per distinct activation (name and constants), its ``index`` the paths of the layers using it."""
    seen: dict = {}
    for r in d.layers:
        layer = r.layer
        if layer.kind == "dropout" or (layer.activation == "identity" and layer.formula is None):
            continue
        key = (layer.activation, layer.formula, layer.params)
        seen.setdefault(key, []).append(r)
    out = []
    for rs in seen.values():
        paths = path_list([(r.layer.path or str(r.layer.index)).replace("_", ".") for r in rs])
        out.append(dataclasses.replace(rs[0], index=paths))
    return tuple(out)


__all__ = ["Block", "KindSection", "sections", "summary_box", "unique_activations"]
