"""build_steps(derivation) -> the ordered proof steps, each with its LaTeX, justification, checks and claims.

Every formula is printed from the Derivation's SymPy objects (or from SymPy expressions derived here from
definitions, such as the softmax Jacobian); nothing derived is typed. The numbered steps are exactly the
equations of ``equations.labels`` in that order (a step is numbered when its key is one of the labels).
"""

from __future__ import annotations

import dataclasses

import sympy as sp
from gradproof.derive import indexform
from gradproof.derive import names as nm
from gradproof.derive.derivation import Check
from gradproof.derive.errors import DerivationError
from gradproof.derive.optimizers import GRAD, HYPER, STATE, TEMP, THETA
from gradproof.derive.regularizers import WEIGHT, N
from gradproof.derive.symbols import YHAT, H, Y, Z

from . import equations
from .latex import display_name, latex, number, split_terms


@dataclasses.dataclass(frozen=True)
class Step:
    """One proof step: display LaTeX lines, the justification, and how it was checked."""

    key: str  # stable label, e.g. "delta-2" (the proof uses eq:delta-2)
    title: str
    latex: tuple[str, ...]
    justification: str
    checks: tuple[Check, ...] = ()
    layer: int | None = None
    #: (quantity name of DESIGN.md, plain LaTeX equation for one sample), e.g. ("delta2", r"\delta^{(2)} = ...")
    claims: tuple[tuple[str, str], ...] = ()
    section: str = ""  # network | objective | loss | layers | total | training
    intro: str = ""  # LaTeX prose before the display
    tag_row: int = -1  # the row of ``latex`` that carries the equation number, when ``key`` is numbered
    audit: bool = False  # a per-layer, one-sample step: shown only in the full audit (appendix, ``--detail full``)


#: the justification of the softmax Jacobian, the first row of the output step (the layer-kind proof shows that row apart)
JACOBIAN_WHY = (
    r"the quotient rule on $\hat{y}_i = e^{z_i} / \sum_k e^{z_k}$ gives $\hat{y}_i - \hat{y}_i^2$ for $i = j$ and "
    r"$-\hat{y}_i \hat{y}_j$ for $i \ne j$ ($[i = j]$ is 1 when $i = j$, else 0; as a matrix the Jacobian is symmetric); "
)


LONG = 64  # LaTeX characters of one display line before a formula is broken or named


# -- names of one layer's quantities --------------------------------------------------------------------
def _h(l: int, L: int, bold: bool = True) -> str:
    if l == 0:
        return r"\mathbf{x}" if bold else "x"
    if l == L:
        return r"\hat{\mathbf{y}}" if bold else r"\hat{y}"
    return nm.tex_vec("h", l) if bold else f"h{nm.sup(l)}"


def _vec(letter: str, l, bold: bool = True) -> str:
    if bold:
        return nm.tex_vec(letter, l)
    return (r"\delta" if letter == "delta" else letter) + nm.sup(l)


def _phi(l) -> str:
    """φ of layer ``l`` in LaTeX: ``\\phi_3``, and ``\\phi_{12}`` once the number has two digits (``\\phi_12`` would print
    φ₁2)."""
    return rf"\phi_{l}" if len(str(l)) == 1 else rf"\phi_{{{l}}}"


def _W(l, conv: str, bold: bool = True) -> str:
    return nm.tex_weight(l) if bold else f"W{nm.sup(l)}"


def _b(l, conv: str, bold: bool = True) -> str:
    if bold:
        return nm.tex_bias(l, conv)
    return f"W_0{nm.sup(l)}" if conv == "column" else f"b{nm.sup(l)}"


def _b_entry(l, conv: str, idx: str) -> str:
    """One bias entry: b^{(l)}_p (row) or W^{(l)}_{0,p} (column)."""
    return f"W{nm.sup(l)}_{{0,{idx}}}" if conv == "column" else f"b{nm.sup(l)}_{idx}"


def _T(tex: str) -> str:
    return nm.tex_transpose(tex)


def _names(l: int, L: int, bold: bool = True) -> dict:
    """Symbol -> LaTeX for layer l's elementwise formulas (h of the output layer is y-hat)."""
    return {Z: _vec("z", l, bold), H: _h(l, L, bold), YHAT: _h(L, L, bold), Y: r"\mathbf{y}" if bold else "y"}


def _batch_names(l: int, L: int) -> dict:
    return {
        Z: rf"\mathbf{{Z}}{nm.sup(l)}",
        H: r"\hat{\mathbf{Y}}" if l == L else rf"\mathbf{{H}}{nm.sup(l)}",
        YHAT: r"\hat{\mathbf{Y}}",
        Y: r"\mathbf{Y}",
    }


def vec_tex(expr: sp.Expr, names: dict, **kw) -> str:
    return latex(expr, names, vector=True, **kw)


def _operand(expr: sp.Expr, tex: str) -> str:
    """``tex`` as an operand of \\odot: parenthesised when it is a sum, a negative term or a product of its own."""
    bare = isinstance(expr, (sp.Symbol, sp.Number, sp.Piecewise, sp.Function)) and not expr.could_extract_minus_sign()
    if not bare and isinstance(expr, sp.Pow) and expr.exp.is_negative:
        bare = True  # printed as one fraction
    if not bare and isinstance(expr, sp.Mul) and tex.startswith(r"\frac"):
        bare = True  # a product with a denominator is printed as one fraction
    return tex if bare else rf"\left({tex}\right)"


def _sym_check(ok: bool, detail: str) -> Check:
    return Check("symbolic", bool(ok), detail)


def _index_check(r: indexform.IndexResult, what: str) -> Check:
    return _sym_check(r.agrees, "for generic sizes (entry by entry in index notation, equal to the matrix form)")


# -- the builder ---------------------------------------------------------------------------------------
class _Builder:
    def __init__(self, d):
        self.d = d
        self.net = d.network
        self.L = d.network.depth
        self.conv = d.network.convention
        self.row = self.conv == "row"
        self.steps: list[Step] = []

    def add(self, key, section, title, rows, why, checks=(), layer=None, claims=(), intro="", tag_row=-1, audit=False):
        self.steps.append(Step(key, title, tuple(rows), why, tuple(checks), layer, tuple(claims), section, intro, tag_row, audit))

    def windows_of(self, l: int | None = None) -> tuple[Check, ...]:
        """Instantiation checks whose window covers layer l (all of them when l is None)."""
        out = []
        for c in self.d.checks:
            if l is None or l in c.window:
                out.append(c)
        return tuple(out)

    # 1. the network -------------------------------------------------------------------------------
    def network(self):
        L, conv = self.L, self.conv
        wh = rf"{_W('l', conv)} {_vec('h', 'l-1')}" if self.row else rf"{_T(_W('l', conv))} {_vec('h', 'l-1')}"
        self.add(
            "forward-z",
            "network",
            "Pre-activation",
            [rf"{_vec('z', 'l')} &= {wh} + {_b('l', conv)}"],
            "definition of a dense layer (" + ("row" if self.row else "column") + " convention)",
            intro=rf"For $l = 1, \dots, {L}$, with $\mathbf{{h}}^{{(0)}} = \mathbf{{x}}$ and "
            rf"$\mathbf{{h}}^{{({L})}} = \hat{{\mathbf{{y}}}}$:",
            claims=[
                (
                    f"z{l}",
                    rf"{_vec('z', l, False)} = "
                    + (rf"{_W(l, conv, False)} {_h(l - 1, L, False)}" if self.row else rf"{_T(_W(l, conv, False))} {_h(l - 1, L, False)}")
                    + f" + {_b(l, conv, False)}",
                )
                for l in range(1, L + 1)
            ],
        )
        self.add(
            "forward-h",
            "network",
            "Activation",
            [rf"{_vec('h', 'l')} &= \phi_l\left({_vec('z', 'l')}\right)"],
            "definition; $\\phi_l$ acts elementwise except softmax",
        )
        rows = []
        for r in self.d.layers:
            lhs = _h(r.index, L)
            if r.phi is None:
                i, k = indexform.i, indexform.k
                soft = sp.exp(indexform.zb[i]) / sp.Sum(sp.exp(indexform.zb[k]), (k, 0, indexform.K - 1))
                body = latex(soft, {indexform.zb.label: _vec("z", r.index, False)}, short_sums=True)
                rows.append(rf"\hat{{y}}_i &= {body}")
            else:
                params = ", ".join(f"{latex(sym)} = {number(v)}" for sym, v in sorted(r.param_values.items(), key=lambda kv: str(kv[0])))
                rows.append(rf"{lhs} &= {vec_tex(r.phi, _names(r.index, L))}" + (rf", \qquad {params}" if params else ""))
        self.add(
            "layers",
            "network",
            "The layers of this network",
            rows,
            r"each layer applies the activation chosen for it in the spec to its pre-activation $\mathbf{z}^{(l)}$",
        )

    # 2. the objective ------------------------------------------------------------------------------
    def objective(self):
        net, L, K = self.net, self.L, self.net.output.units
        comp = net.loss.component
        neg = comp.could_extract_minus_sign()
        body = -comp if neg else comp
        sub = "ns" if K > 1 else "n"  # one output: no sum over components
        inner = latex(body, {YHAT: rf"\hat{{y}}_{{{sub}}}", Y: f"y_{{{sub}}}"})
        sums = r"\frac{1}{N} \sum_{n=1}^{N}" + (rf" \sum_{{s=1}}^{{{K}}}" if K > 1 else "")
        loss_rhs = ("-" if neg else "") + sums + (rf" \left[{inner}\right]" if isinstance(body, sp.Add) else f" {inner}")
        self.add(
            "loss",
            "objective",
            "Data term",
            [rf"L &= \frac{{1}}{{N}} \sum_{{n=1}}^{{N}} \ell_n = {loss_rhs}"],
            f"{net.loss.name.replace('_', ' ')}, averaged over the $N$ samples of a batch",
            tag_row=0,
            intro=r"The loss of sample $n$ is $\ell_n = \ell(\hat{\mathbf{y}}_n, \mathbf{y}_n)$"
            + (f", summed over the ${K}$ output components:" if K > 1 else " (one output):"),
        )
        reg_rhs = "0"
        if self.d.reg_penalty is not None:
            scale, rest = self.d.reg_penalty.as_independent(WEIGHT, as_Add=False)
            w = latex(rest, {WEIGHT: r"W^{(l)}_{ij}"})
            reg_rhs = rf"{latex(scale)} \sum_{{l=1}}^{{{L}}} \sum_{{i,j}} {w}"
            if net.penalize_bias:
                reg_rhs += rf" + {latex(scale)} \sum_{{l=1}}^{{{L}}} \sum_{{i}} {latex(rest, {WEIGHT: _b_entry('l', self.conv, 'i')})}"
            self.add(
                "regularizer",
                "objective",
                "Regularizer",
                [rf"R &= {reg_rhs}"],
                f"{net.regularizer.name.upper()} penalty, "
                + ("scaled by $1/N$" if net.reg_scaling == "batch" else "not scaled by $1/N$")
                + ("; biases penalised too" if net.penalize_bias else "; biases not penalised"),
            )
        rows = ["J &= L + R" if self.d.reg_penalty is not None else "J &= L"]
        self.add("objective", "objective", "Objective", rows, "definition", tag_row=0)

    # 3. gradient of the loss -------------------------------------------------------------------------
    def loss_gradient(self):
        conv = self.conv
        self.add(
            "delta-def",
            "loss",
            "Error of a layer",
            [rf"{_vec('delta', 'l')} &= \frac{{\partial \ell}}{{\partial {_vec('z', 'l')}}}"],
            "definition",
            intro=r"As $J = (1/N) \sum_n \ell_n + R$, $\partial J / \partial \theta = "
            r"(1/N) \sum_n \partial \ell_n / \partial \theta + \partial R / \partial \theta$: we "
            r"derive $\partial \ell / \partial \theta$ for one sample (dropping $n$) and add $R$'s at the end. "
            r"The error of layer $l$ is",
        )
        self.output_layer()
        rec = self.d.recursion
        fn = {"phi": r"\phi_l"}
        ib = {indexform.Wb.label: "W^{(l+1)}", indexform.db.label: r"\delta^{(l+1)}", indexform.zb.label: "z^{(l)}"}
        z_next = (
            r"z^{(l+1)}_i = \sum_k W^{(l+1)}_{ik} \phi_l(z^{(l)}_k) + b^{(l+1)}_i"
            if self.row
            else r"z^{(l+1)}_i = \sum_k W^{(l+1)}_{ki} \phi_l(z^{(l)}_k) + W^{(l+1)}_{0,i}"
        )
        wt = _T(_W("l+1", conv)) if self.row else _W("l+1", conv)
        self.add(
            "recursion",
            "loss",
            "Hidden layers: the recursion",
            [
                rf"\delta^{{(l)}}_j &= \sum_i \delta^{{(l+1)}}_i \frac{{\partial z^{{(l+1)}}_i}}{{\partial z^{{(l)}}_j}} "
                rf"= {latex(rec.derived, ib, functions=fn, short_sums=True)}",
                rf"{_vec('delta', 'l')} &= \left({wt} {_vec('delta', 'l+1')}\right) \odot \phi_l'\left({_vec('z', 'l')}\right)",
            ],
            "chain rule through $" + z_next + "$; the sum over $i$ is a matrix--vector product",
            [_index_check(rec, "the recursion")],
        )
        wg, bg = self.d.weight_grad, self.d.bias_grad
        ib = {indexform.Wb.label: "W^{(l)}", indexform.db.label: r"\delta^{(l)}", indexform.hb.label: "h^{(l-1)}"}
        outer = rf"{_vec('delta', 'l')} {_T(_vec('h', 'l-1'))}" if self.row else rf"{_vec('h', 'l-1')} {_T(_vec('delta', 'l'))}"
        self.add(
            "weight-grad",
            "loss",
            "Weight gradient",
            [
                rf"\frac{{\partial \ell}}{{\partial W^{{(l)}}_{{pq}}}} &= \sum_i \delta^{{(l)}}_i "
                rf"\frac{{\partial z^{{(l)}}_i}}{{\partial W^{{(l)}}_{{pq}}}} "
                rf"= {latex(wg.derived, ib)}, \qquad \frac{{\partial \ell}}{{\partial {_W('l', conv)}}} = {outer}",
            ],
            "chain rule; $z^{(l)}_i$ depends on $W^{(l)}_{pq}$ only for " + ("$i = p$" if self.row else "$i = q$"),
            [_index_check(wg, "the weight gradient")],
        )
        bname = _b("l", conv)
        self.add(
            "bias-grad",
            "loss",
            "Bias gradient",
            [
                rf"\frac{{\partial \ell}}{{\partial {_b_entry('l', conv, 'p')}}} &= \sum_i \delta^{{(l)}}_i "
                rf"\frac{{\partial z^{{(l)}}_i}}{{\partial {_b_entry('l', conv, 'p')}}} = {latex(bg.derived, ib)}, \qquad "
                rf"\frac{{\partial \ell}}{{\partial {bname}}} = {_vec('delta', 'l')}",
            ],
            "chain rule; $\\partial z_i / \\partial " + _b_entry("l", conv, "p") + "$ is 1 for $i = p$ and 0 otherwise",
            [_index_check(bg, "the bias gradient")],
        )
        self.per_layer()

    def loss_derivative(self):
        """dl/dyhat_s of one sample: the loss written out, its derivative as differentiation gives it, then tidied."""
        net, L, out = self.net, self.L, self.d.output
        K = net.output.units
        comp = net.loss.component
        one = {YHAT: r"\hat{y}_s", Y: "y_s"} if K > 1 else {YHAT: r"\hat{y}", Y: "y"}
        neg = comp.could_extract_minus_sign()
        body = latex(-comp if neg else comp, one)
        summed = (rf"\sum_{{s=1}}^{{{K}}} " if K > 1 else "") + (
            rf"\left[{body}\right]" if isinstance(-comp if neg else comp, sp.Add) else body
        )
        raw = sp.diff(comp, YHAT)
        rows = [rf"\ell = {'-' if neg else ''}{summed}, \qquad \frac{{\partial \ell}}{{\partial {one[YHAT]}}} &= {latex(raw, one)}"]
        # the vector printer's textbook form of a quotient ((yhat - y)/(yhat (1 - yhat))), on scalars
        tidy = latex(out.dloss, one, vector=True).replace(r" \odot ", " ")
        tidied = tidy.replace(" ", "") != latex(raw, one).replace(" ", "")
        if tidied:
            rows.append(rf"&= {tidy}")
        why = (
            ("only the term $s$ of the sum depends on $\\hat{y}_s$" if K > 1 else "the loss of one output")
            + "; differentiate it"
            + ("; then one fraction" if tidied else "")
        )
        self.add(
            "dloss",
            "loss",
            "Derivative of the loss",
            rows,
            why,
            (),
            layer=L,
            intro=rf"For one sample, with $\hat{{y}}_s$ the output components ($s = 1, \dots, {K}$):" if K > 1 else "For one sample:",
        )

    def output_layer(self):
        d, L, out = self.d, self.L, self.d.output
        last = d.layers[-1]
        self.loss_derivative()
        g_vec = vec_tex(out.dloss, _names(L, L))
        if last.layer.vector:
            self.softmax_steps()
            return
        dphi = last.dphi_h.subs(H, YHAT) if last.dphi_h is not None else last.dphi
        names = _names(L, L)
        product = sp.Mul(out.dloss, dphi, evaluate=False)
        same = sp.simplify(out.dloss * dphi - out.delta) == 0
        dphi_tex = vec_tex(dphi, names)
        rows = [
            rf"{_vec('delta', L)} &= \frac{{\partial \ell}}{{\partial \hat{{\mathbf{{y}}}}}} \odot {_phi(L)}'\left({_vec('z', L)}\right)",
        ]
        if dphi != 1:  # an identity output has phi' = 1: the product is the loss gradient itself
            rows.append(
                rf"&= {_operand(out.dloss, g_vec)} \odot {_operand(dphi, dphi_tex)}"
                if len(g_vec) + len(dphi_tex) < 2 * LONG
                else rf"&= {vec_tex(product, names)}"
            )
        rows.append(rf"&= {vec_tex(out.delta, names)}")
        why = (
            "chain rule; the output activation acts elementwise, so its Jacobian is diagonal and "
            rf"$\partial \ell / \partial z^{{({L})}}_s = (\partial \ell / \partial \hat{{y}}_s)\, {_phi(L)}'(z^{{({L})}}_s)$"
        )
        if dphi == 1:
            why += rf"; ${_phi(L)}' = 1$ for the identity output"
        elif out.collapsed:
            why += r"; the factors cancel to $\hat{\mathbf{y}} - \mathbf{y}$"
        elif last.dphi_h is not None:
            why += r"; nothing cancels: the error keeps the factor $\phi'$"
        self.add(
            "output",
            "loss",
            f"Output layer: {self.net.output.activation} with {self.net.loss.name.replace('_', ' ')}",
            rows,
            why,
            [_sym_check(same, "that the product and the stated form are equal (their difference simplifies to 0)")],
            layer=L,
            intro=r"The loss depends on $\mathbf{z}^{(" + str(L) + r")}$ only through $\hat{\mathbf{y}}$:",
            tag_row=-1,
        )

    def softmax_steps(self):
        L, out = self.L, self.d.output
        i, j, k, K = indexform.i, indexform.j, indexform.k, indexform.K
        zb, yhb, yb = indexform.zb, indexform.yhb, indexform.yb
        S = sp.Sum(sp.exp(zb[k]), (k, 0, K - 1))
        jac = indexform.drop_guards(sp.diff(sp.exp(zb[i]) / S, zb[j]).doit())
        s = sp.Symbol("S", positive=True)
        jac = jac.subs(S, s).replace(
            lambda e: isinstance(e, sp.exp) and isinstance(e.args[0], sp.Indexed), lambda e: yhb[e.args[0].indices[0]] * s
        )
        jac = sp.factor_terms(sp.expand(jac))
        claimed_jac = yhb[i] * (sp.KroneckerDelta(i, j) - yhb[j])
        ok = sp.expand(jac - claimed_jac) == 0
        ib = {yhb.label: r"\hat{y}", yb.label: "y", zb.label: f"z^{{({L})}}"}
        # the Jacobian is the first part of the output step: the error is the Jacobian applied to dl/dyhat
        jac_rows = [
            rf"\frac{{\partial \hat{{y}}_i}}{{\partial z^{{({L})}}_j}} &= {latex(yhb[i], ib)} "
            rf"\left({latex(claimed_jac / yhb[i], ib)}\right), \qquad "
            rf"\frac{{\partial \hat{{\mathbf{{y}}}}}}{{\partial \mathbf{{z}}^{{({L})}}}} = "
            r"\operatorname{diag}(\hat{\mathbf{y}}) - \hat{\mathbf{y}} \hat{\mathbf{y}}^{\top}",
        ]
        jac_why = JACOBIAN_WHY
        jac_check = _sym_check(ok, "by differentiating the definition in index notation and rewriting it with $\\hat{y}$")
        g = out.dloss
        g_i = g.subs({YHAT: yhb[i], Y: yb[i]})
        g_j = g.subs({YHAT: yhb[j], Y: yb[j]})
        dl_i, dl_j = (rf"\frac{{\partial \ell}}{{\partial \hat{{y}}_{x}}}" for x in "ij")
        jac_tex = rf"{latex(yhb[i], ib)} \left({latex(claimed_jac / yhb[i], ib)}\right)"
        summand = sp.simplify(g_i * yhb[i])
        bracket = latex(g_j - _pull_sums(sp.Sum(summand, (i, 0, K - 1)), i), ib, short_sums=True)
        rows = [
            *jac_rows,
            rf"\delta^{{({L})}}_j &= \sum_i {dl_i} \frac{{\partial \hat{{y}}_i}}{{\partial z^{{({L})}}_j}} "
            rf"= \sum_i {dl_i} \, {jac_tex}",
            rf"&= {latex(yhb[j], ib)} \left({dl_j} - \sum_i {dl_i} \, {latex(yhb[i], ib)}\right)",
            rf"&= {latex(yhb[j], ib)} \left({bracket}\right)",
        ]
        checks = [jac_check] + ([_index_check(out.index, "the output error")] if out.index is not None else [])
        expanded = _pull_sums(sp.expand(yhb[j] * g_j) - sp.expand(yhb[j] * sp.Sum(summand, (i, 0, K - 1))), i)
        if out.collapsed:
            rows.append(rf"&= {latex(expanded, ib, short_sums=True)}")
            one_hot = sp.expand(expanded.subs(sp.Sum(yb[i], (i, 0, K - 1)), 1))
            rows.append(rf"&= {latex(one_hot, ib)}")
            why = jac_why + (
                r"then the chain rule over all $\hat{y}_i$ (softmax couples the outputs) and the one-hot hypothesis "
                r"$\sum_i y_i = 1$ (" + out.hypotheses[0].split(":")[0] + ")"
            )
            checks.append(
                _sym_check(sp.expand(one_hot - (yhb[j] - yb[j])) == 0, "that with $\\sum_i y_i = 1$ the sum is $\\hat{y}_j - y_j$")
            )
        else:
            why = jac_why + (
                r"then the chain rule over all $\hat{y}_i$ (softmax couples the outputs); with this loss "
                r"$\sum_i y_i = 1$ does not cancel the sum, so the error keeps the Jacobian product "
                r"$\boldsymbol{\delta} = (\operatorname{diag}(\hat{\mathbf{y}}) - \hat{\mathbf{y}}\hat{\mathbf{y}}^{\top})"
                r"\, \partial \ell / \partial \hat{\mathbf{y}}$"
            )
        self.add(
            "output",
            "loss",
            f"Output layer: softmax with {self.net.loss.name.replace('_', ' ')}",
            rows,
            why,
            checks,
            layer=L,
            intro=r"Every $\hat{y}_i$ depends on every $z_j$: first the softmax Jacobian, then the chain rule summed over $i$ "
            r"(with $\partial \ell / \partial \hat{y}_i$ from above):",
            tag_row=-1,
        )

    def _delta_rhs(self, l: int, bold: bool = True) -> tuple[str, list[str]]:
        """The right-hand side of delta^(l) for this network and the 'where' rows of a long derivative."""
        d, L, conv = self.d, self.L, self.conv
        names = _names(l, L, bold)
        if l == L:
            out = d.output
            if out.delta is not None:
                return vec_tex(out.delta, names), []
            g = vec_tex(out.dloss, names)
            yh = names[YHAT]
            return rf"{yh} \odot \left({g}\right) - \left({_T(yh)} \left({g}\right)\right) {yh}", []
        r = d.layers[l - 1]
        nxt = _T(_W(l + 1, conv, bold)) if self.row else _W(l + 1, conv, bold)
        back = rf"\left({nxt} {_vec('delta', l + 1, bold)}\right)"
        dphi = vec_tex(r.dphi_h, names) if r.dphi_h is not None else vec_tex(r.dphi, names)
        if len(dphi) > LONG:
            # phi' on a row of its own, in the form the justification names (in h where there is one)
            zname = _vec("z", l, bold)
            form, fnames = (r.dphi_h, {H: names[H]}) if r.dphi_h is not None else (r.dphi, {Z: zname})
            lines = split_terms(form, LONG, names=fnames, vector=True)
            where = [rf"{_phi(l)}'\left({zname}\right) &= {lines[0]}"] + [rf"&\quad {x}" for x in lines[1:]]
            return rf"{back} \odot {_phi(l)}'\left({zname}\right)", where
        return rf"{back} \odot {_operand(r.dphi_h if r.dphi_h is not None else r.dphi, dphi)}", []

    def _reg_term(self, l: int, which: str, bold: bool, batch_one: bool = False) -> str:
        """'+ dR/dW' as LaTeX (empty without a regularizer or for an unpenalised bias)."""
        if self.d.reg_grad is None or (which == "b" and not self.net.penalize_bias):
            return ""
        sym = _W(l, self.conv, bold) if which == "W" else _b(l, self.conv, bold)
        g = self.d.reg_grad.subs(N, 1) if batch_one else self.d.reg_grad
        return " + " + latex(g, {WEIGHT: sym}, vector=True)

    def per_layer(self):
        L, conv = self.L, self.conv
        for l in range(L, 0, -1):
            inst = self.windows_of(l)
            r = self.d.layers[l - 1]
            rhs, where = self._delta_rhs(l)
            plain, _ = self._delta_rhs(l, bold=False)
            if where:
                z_l = _vec("z", l, False)
                plain = plain.replace(rf"{_phi(l)}'\left({z_l}\right)", rf"\left({latex(r.dphi, {Z: z_l}, vector=True)}\right)")
            checks = list(inst)
            if l < L and r.identity_check is not None:
                checks.insert(0, r.identity_check)
            why = (
                "the output error (eq:output)"
                if l == L
                else f"recursion (eq:recursion) with ${_phi(l)}'$ of {display_name(r.layer.activation)}"
                + (" written in the layer output $\\mathbf{h}$" if r.dphi_h is not None else "")
            )
            self.add(
                f"delta-{l}",
                "layers",
                f"Layer {l}: error, weights and biases",
                [rf"{_vec('delta', l)} &= {rhs}", *where],
                why,
                checks,
                layer=l,
                claims=[(f"delta{l}", rf"{_vec('delta', l, False)} = {plain}")],
                audit=True,
            )
            h_prev, h_prev_p = _h(l - 1, L), _h(l - 1, L, False)
            outer = rf"{_vec('delta', l)} {_T(h_prev)}" if self.row else rf"{h_prev} {_T(_vec('delta', l))}"
            outer_p = rf"{_vec('delta', l, False)} {_T(h_prev_p)}" if self.row else rf"{h_prev_p} {_T(_vec('delta', l, False))}"
            self.add(
                f"dW-{l}",
                "layers",
                f"Weights of layer {l}",
                [rf"\frac{{\partial \ell}}{{\partial {_W(l, conv)}}} &= {outer}"],
                "weight gradient (eq:weight-grad)",
                inst,
                layer=l,
                audit=True,
                claims=[
                    (f"dW{l}", rf"\frac{{\partial J}}{{\partial {_W(l, conv, False)}}} = {outer_p}{self._reg_term(l, 'W', False, True)}")
                ],
            )
            self.add(
                f"db-{l}",
                "layers",
                f"Biases of layer {l}",
                [rf"\frac{{\partial \ell}}{{\partial {_b(l, conv)}}} &= {_vec('delta', l)}"],
                "bias gradient (eq:bias-grad)",
                inst,
                layer=l,
                audit=True,
                claims=[
                    (
                        f"db{l}",
                        rf"\frac{{\partial J}}{{\partial {_b(l, conv, False)}}} = "
                        rf"{_vec('delta', l, False)}{self._reg_term(l, 'b', False, True)}",
                    )
                ],
            )

    # 5. regularizer and the total gradient -------------------------------------------------------------
    def totals(self):
        d, L, conv, net = self.d, self.L, self.conv, self.net  # noqa: F841
        if d.reg_grad is not None:
            scale, rest = d.reg_penalty.as_independent(WEIGHT, as_Add=False)
            rows = [
                rf"\frac{{\partial}}{{\partial w}} \left({latex(d.reg_penalty)}\right) &= {latex(d.reg_grad)}, \qquad "
                rf"\frac{{\partial R}}{{\partial {_W('l', conv)}}} = {latex(d.reg_grad, {WEIGHT: _W('l', conv)}, vector=True)}",
            ]
            if net.penalize_bias:
                rows.append(
                    rf"\frac{{\partial R}}{{\partial {_b('l', conv)}}} &= {latex(d.reg_grad, {WEIGHT: _b('l', conv)}, vector=True)}"
                )
            self.add(
                "reg-grad",
                "total",
                "Gradient of the regularizer",
                rows,
                "the penalty of one weight $w$ differentiated, entry by entry"
                + ("" if net.penalize_bias else "; biases are not penalised: $\\partial R / \\partial " + _b("l", conv) + " = \\mathbf{0}$")
                + (
                    r"; $|w|$ has a kink at 0, where $\operatorname{sign}(0) = 0$ is used (a subgradient)"
                    if net.regularizer.name == "l1"
                    else ""
                ),
                self.windows_of(),
                tag_row=0,
            )
        for l in range(L, 0, -1):
            inst = self.windows_of(l)
            bn = _batch_names(l, L)
            if l == L:
                out = d.output
                if out.delta is not None:
                    rhs = vec_tex(out.delta, bn)
                else:
                    G = vec_tex(out.dloss, bn)
                    rhs = (
                        rf"\hat{{\mathbf{{Y}}}} \odot \left({G}\right) - \left(\left(\hat{{\mathbf{{Y}}}} \odot \left({G}\right)\right) "
                        rf"\mathbf{{1}}_{{{net.output.units}}} "
                        rf"\mathbf{{1}}_{{{net.output.units}}}^{{\top}}\right) \odot \hat{{\mathbf{{Y}}}}"
                    )
            else:
                r = d.layers[l - 1]
                nxt = _W(l + 1, conv) if self.row else _T(_W(l + 1, conv))
                back = rf"\left(\boldsymbol{{\Delta}}{nm.sup(l + 1)} {nxt}\right)"
                dphi = vec_tex(r.dphi_h, bn) if r.dphi_h is not None else vec_tex(r.dphi, bn)
                if len(dphi) > LONG:
                    rhs = rf"{back} \odot {_phi(l)}'\left({bn[Z]}\right)"
                else:
                    rhs = rf"{back} \odot {_operand(r.dphi_h if r.dphi_h is not None else r.dphi, dphi)}"
            self.add(
                f"total-delta-{l}",
                "total",
                f"Layer {l}, all samples",
                [rf"\boldsymbol{{\Delta}}{nm.sup(l)} &= {rhs}"],
                (
                    f"eq:output for every sample: row $n$ is $(\\boldsymbol{{\\delta}}^{{({l})}}_n)^{{\\top}}$"
                    if l == L
                    else f"eq:recursion for every sample, with ${_phi(l)}'$ of {display_name(d.layers[l - 1].layer.activation)}: "
                    f"row $n$ is $(\\boldsymbol{{\\delta}}^{{({l})}}_n)^{{\\top}}$"
                ),
                inst,
                layer=l,
            )
            hp = r"\mathbf{X}" if l == 1 else rf"\mathbf{{H}}{nm.sup(l - 1)}"
            D = rf"\boldsymbol{{\Delta}}{nm.sup(l)}"
            prod = rf"{_T(D)} {hp}" if self.row else rf"{_T(hp)} {D}"
            self.add(
                f"total-dW-{l}",
                "total",
                f"Weights of layer {l}, all samples",
                [rf"\frac{{\partial J}}{{\partial {_W(l, conv)}}} &= \frac{{1}}{{N}} {prod}{self._reg_term(l, 'W', True)}"],
                "the average $(1/N) \\sum_n$ of eq:weight-grad over the samples, as one matrix product"
                + (", plus the regularizer eq:reg-grad" if d.reg_grad is not None else ""),
                inst,
                layer=l,
            )
            self.add(
                f"total-db-{l}",
                "total",
                f"Biases of layer {l}, all samples",
                [rf"\frac{{\partial J}}{{\partial {_b(l, conv)}}} &= \frac{{1}}{{N}} {_T(D)} \mathbf{{1}}_N{self._reg_term(l, 'b', True)}"],
                "the average of eq:bias-grad over the samples; "
                f"$\\boldsymbol{{\\Delta}}^{{({l})\\top}} \\mathbf{{1}}_N$ adds up the rows of $\\boldsymbol{{\\Delta}}^{{({l})}}$"
                + (", plus the regularizer" if self._reg_term(l, "b", True) else ""),
                inst,
                layer=l,
            )

    # 6. training equations -------------------------------------------------------------------------------
    def training(self):
        d = self.d
        names = {
            THETA: r"\theta",
            GRAD: "g",
            **{s: nm.SYMBOL_LATEX.get(s.name, s.name) for s in (*STATE.values(), *TEMP.values())},
            **{s: latex(s) for s in HYPER.values()},
        }
        names[HYPER["learning_rate"]] = r"\alpha"
        vec = {THETA, GRAD, *STATE.values(), *TEMP.values()}
        for u in d.updates:
            own = THETA if u.kind == "param" else STATE.get(u.target, TEMP.get(u.target))
            target = names[own]
            p = _Partial(names, vec, lead={own})
            why = {
                "param": "the parameter update (definition of the optimizer)",
                "state": "definition: a state kept between steps, $" + target + "_0 = 0$",
                "temp": "definition: bias correction, $t$ counts steps from 1",
            }[u.kind]
            self.add(
                f"update-{u.target}",
                "training",
                f"Update of ${target}$",
                [rf"{target} &\leftarrow {p.doprint(u.expr)}"],
                why,
            )
        # every parameter: one table row each (parameter, size, gradient) instead of the updates written out
        # again with subscripted states; the updates above hold for each row with its own state
        rows, sizes = [], self.net.sizes
        for l in range(1, self.L + 1):
            shape = rf"{sizes[l]} \times {sizes[l - 1]}" if self.row else rf"{sizes[l - 1]} \times {sizes[l]}"
            for P, size, key in ((_W(l, self.conv), shape, f"total-dW-{l}"), (_b(l, self.conv), str(sizes[l]), f"total-db-{l}")):
                rows.append(rf"{P} & {size} & \partial J / \partial {P} & \eqref{{{equations.tex_label(key)}}}")
        kept = [f"${names[STATE[u.target]]}$" for u in d.updates if u.kind == "state"]
        first, last = d.updates[0].target, d.updates[-1].target
        runs = f"eq:update-{first}" + (f"–eq:update-{last}" if first != last else "")
        state = (
            (f" keeps its own state {kept[0]}" if len(kept) == 1 else f" keeps its own states {_and(kept)}")
            + r" (the shape of $\theta$, starting at 0) and"
            if kept
            else ""
        )
        shared = r"; the step counter $t$ is shared" if any(u.kind == "temp" for u in d.updates) else ""
        self.add(
            "updates-all",
            "training",
            "Every parameter",
            rows,
            "the total gradient equations give each parameter's $g$",
            intro=rf"Each parameter $\theta$ in the table{state} is updated by {runs} with $g = \partial J / \partial \theta${shared}:",
            audit=True,
        )


def _and(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _pull_sums(expr: sp.Expr, index) -> sp.Expr:
    """Move factors that do not depend on the summation index out of every Sum: sum_i -y_i -> -sum_i y_i."""

    def pull(e):
        const, rest = e.function.as_independent(index, as_Add=False)
        return const * sp.Sum(rest, *e.limits)

    return expr.replace(lambda e: isinstance(e, sp.Sum), pull)


class _Partial:
    def __init__(self, names, vec, lead=()):
        self.names, self.vec, self.lead = names, vec, lead

    def doprint(self, expr):
        from .latex import GradproofLatexPrinter

        p = GradproofLatexPrinter(self.names, vector=True, lead=self.lead)
        p.vector_symbols = set(self.vec) & set(self.names)
        return p.doprint(expr)


def build_steps(d) -> list[Step]:
    """The ordered proof steps of ``d``; the numbered ones are exactly ``equations.labels(d.network)``.

    Raises:
        DerivationError: the steps do not match the equation table (a bug, never user input).
    """
    b = _Builder(d)
    b.network()
    b.objective()
    b.loss_gradient()
    b.totals()
    b.training()
    table = equations.numbers(d.network)  # once: per step it made 500 layers quadratic (4.5 s)
    numbered = [s.key for s in b.steps if s.key in table]
    if numbered != equations.labels(d.network):
        raise DerivationError(f"proof steps {numbered} do not match the equation table {equations.labels(d.network)}")
    return b.steps


__all__ = ["build_steps", "dataclasses"]
