"""The terminal report of ``gradproof derive --no-pdf`` and a notebook's LaTeX summary."""

from __future__ import annotations

import re

import sympy as sp
from gradproof.derive import names
from gradproof.derive.optimizers import GRAD, HYPER, STATE, TEMP, THETA
from gradproof.derive.regularizers import LAMBDA, WEIGHT
from gradproof.derive.symbols import QUANTITY_LETTERS, YHAT, H, Parameter, Y, Z
from sympy.printing.precedence import PRECEDENCE, precedence
from sympy.printing.str import StrPrinter

from .latex import latex

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_TEXT_NAMES = {
    "alpha_lr": "α",
    "beta": "β",
    "beta_1": "β1",
    "beta_2": "β2",
    "epsilon": "ε",
    "mu": "μ",
    "gamma": "γ",
    "alpha": "α",
    "lambda": "λ",
    "yhat": "ŷ",
    "mhat": "m̂",
    "vhat": "v̂",
    "rho": "ρ",
    "lambda_wd": "λ_wd",
    "Delta": "Δθ",
    "vmax": "v_max",
}


#: what the report's own quantities print as (z1, h1, ŷ, J, δ, the functions σ, φ …): an activation's parameter never
#: does. Not the Greek constants (the optimizer's α, β, ε, μ, the penalty's λ): an activation's β (mish, swish), α
#: (ELU), γ (leaky ReLU) print as the letters they are, in their layer's line and formula
_SHOWN = frozenset(QUANTITY_LETTERS | {"ŷ", "m̂", "v̂", "J", "L", "N", "t", "g", "θ", "δ", "φ", "σ", "ℓ", "R"})
_NUMBERED = re.compile(r"[^\W\d]+\d+")  # z1, h2, W1, dW2, δ1 (a name with its layer)


def param_text(name: str) -> str:
    """An activation parameter's name in the terminal: its Greek letter (beta -> β), or ⟨name⟩ where that would read
    as one of the report's quantities (a parameter y beside the target y, h1 beside layer 1's h1, yhat beside ŷ)."""
    shown = _TEXT_NAMES.get(name, name)
    return f"⟨{name}⟩" if shown in _SHOWN or name in _SHOWN or _NUMBERED.fullmatch(shown) else shown


def text(expr: sp.Expr, rename: dict | None = None) -> str:
    """A compact one-line text form: x**2 -> x², sqrt -> √, symbols renamed (z -> z2)."""
    rename = {**{s: sp.Symbol(param_text(s.name) if isinstance(s, Parameter) else _TEXT_NAMES[s.name])
                 for s in expr.free_symbols if isinstance(s, Parameter) or s.name in _TEXT_NAMES}, **(rename or {})}
    # a display name keeps its symbol's assumptions: tanh(tanh(…(z2))) of a symbol not known to be real asks SymPy for
    # real and imaginary parts at every level when rebuilt, exponential in the depth (39 nested tanh: minutes)
    rename = {k: sp.Symbol(v.name, **k.assumptions0) if type(v) is sp.Symbol and v.is_real is None else v for k, v in rename.items()}
    expr = expr.xreplace(rename)
    if isinstance(expr, sp.Piecewise):
        return (
            "{ "
            + "; ".join(
                f"{text(e)} if {cond}" if cond is not sp.true else f"{text(e)} otherwise" for e, cond in ((e, c) for e, c in expr.args)
            )
            + " }"
        )
    s = _TextPrinter().doprint(expr)
    for a, b in (("**2", "²"), ("**3", "³"), ("**", "^"), ("sqrt", "√"), ("*", "·")):
        s = s.replace(a, b)
    return s


_CONSTANTS = {"α", "β", "β1", "β2", "ε", "μ", "γ", "λ", "ρ", "λ_wd", "N"}


def _factor_rank(f) -> int:
    """Textbook order of factors: numbers, constants (α, β, λ, …), scalar sums of them ((1 - β)), the rest."""
    if f.is_number:  # 2, √2, π
        return 0
    names = {s.name for s in f.free_symbols}
    if names and names <= _CONSTANTS:
        return 1 if f.is_Symbol or f.is_Pow else 2
    return 3


class _TextPrinter(StrPrinter):
    """sstr as a textbook writes it: positive terms first (ŷ - y), the gradient's term last (β·S + (1 - β)·g²),
    constants first in products (α·g, not g·α), one quotient bar (α·g/√(S + ε))."""

    def _print_Add(self, expr, order=None):
        def key(t):  # the parameter first in its own update (θ + α·Δθ)
            return (not (t.is_Symbol and t.name in ("θ", "theta")), t.could_extract_minus_sign(),
                    any(s.name == "g" for s in t.free_symbols), not t.is_Number)

        terms = sorted(expr.as_ordered_terms(), key=key)
        out = self._print(terms[0])
        for t in terms[1:]:
            out += (
                f" - {self.parenthesize(-t, precedence(expr))}"
                if t.could_extract_minus_sign()
                else f" + {self.parenthesize(t, precedence(expr))}"
            )
        return out

    def _print_Mul(self, expr):
        if expr.could_extract_minus_sign():
            return "-" + self.parenthesize(-expr, PRECEDENCE["Mul"], strict=True)
        num, den = expr.as_numer_denom()
        if den == 1:
            return self._product(num)
        simple = den.is_Symbol or den.is_Number or den.is_Pow or isinstance(den, sp.Function)
        bottom = self._print(den) if simple else f"({self._print(den)})"
        return f"{self._product(num)}/{bottom}"

    def _print_Pow(self, expr, rational=False):
        if expr.exp.is_negative and expr.exp.is_Number:
            return self._print_Mul(expr)  # 1/(1 + |z|)**2, not (1 + |z|)**(-2)
        if expr.exp == sp.S.Half and (expr.base.is_Symbol or expr.base.is_Number or expr.base is sp.pi):
            return f"√{self._print(expr.base)}"
        return super()._print_Pow(expr, rational)

    def _print_Abs(self, expr):
        return f"|{self._print(expr.args[0])}|"

    def _print_sigmoid(self, expr):
        return f"σ({self._print(expr.args[0])})"

    def _print_Max(self, expr):
        return f"max({', '.join(self._print(a) for a in expr.args)})"

    def _print_Min(self, expr):
        return f"min({', '.join(self._print(a) for a in expr.args)})"

    def _print_Pi(self, expr):
        return "π"

    def _product(self, e) -> str:
        if not e.is_Mul:
            return self.parenthesize(e, PRECEDENCE["Mul"])
        return "*".join(self.parenthesize(f, PRECEDENCE["Mul"]) for f in sorted(e.args, key=_factor_rank))


def _layer_names(l: int) -> dict:
    return {Z: sp.Symbol(f"z{l}"), H: sp.Symbol(f"h{l}")}


def _conventions(net) -> str:
    if net.convention == "row":
        conv = "row convention: z = W h + b (W is n_out × n_in)"
    else:
        conv = "column convention: z = Wᵀ h + W₀ (W is n_in × n_out)"
    reg = "no regularizer"
    if net.regularizer is not None:
        scale = "λ/N" if net.reg_scaling == "batch" else "λ"
        norm = "½‖W‖²_F" if net.regularizer.name == "l2" else "‖W‖₁"
        reg = f"{net.regularizer.name.upper()}: R = {scale} Σ_l {norm}, λ = {net.reg_lambda:g}" + (
            ", biases too" if net.penalize_bias else ", biases not penalised"
        )
    return f"{conv}; J = (1/N) Σ_n ℓ(ŷ⁽ⁿ⁾, y⁽ⁿ⁾) + R; {reg}"


def _mark(passed: bool) -> str:
    return "✓" if passed else "✗"


def terminal_report(d) -> str:
    """Every derived result and every check, as plain text (UTF-8)."""
    if d.program is not None:  # layer kinds: the batch program (layer_proof.py)
        from .layer_proof import layer_report

        return layer_report(d)
    net, L = d.network, d.network.depth
    sizes = "-".join(map(str, net.sizes))
    lines = [
        f"{net.name}: {sizes}, {', '.join(l.activation for l in net.layers)}; loss {net.loss.name}; optimizer {net.optimizer.name}",
        "  " + _conventions(net),
        "",
        "Activation derivatives (sympy.diff of the definition)",
    ]
    for r in d.layers:
        layer = r.layer
        params = ", ".join(f"{param_text(k) if layer.formula else _TEXT_NAMES.get(k, k)} = {v:g}" for k, v in layer.params)
        head = (
            f"  layer {r.index} {layer.activation}" + (f" ({params})" if params else "") + (f" = {layer.formula}" if layer.formula else "")
        )
        if r.phi is None:
            lines.append(f"{head}: softmax, handled with the loss in δ{to_sup(L)}")
            continue
        form = text(r.dphi_h, _layer_names(r.index)) if r.dphi_h is not None else text(r.dphi, _layer_names(r.index))
        note = f"   [in h; {_mark(r.identity_check.passed)} identity at sample points]" if r.identity_check else ""
        lines.append(f"{head}: φ'(z{r.index}) = {form}{note}")
    out = d.output
    lines += ["", f"Output error δ{to_sup(L)} = ∂ℓ/∂z{to_sup(L)} ({net.output.activation} + {net.loss.name})"]
    rename = {YHAT: sp.Symbol("ŷ"), Y: sp.Symbol("y"), Z: sp.Symbol(f"z{L}")}
    if out.delta is not None:
        lines.append(f"  δ{to_sup(L)} = {text(out.delta, rename)}" + ("   (elementwise)" if not out.collapsed else ""))
    else:
        lines.append(
            f"  δ{to_sup(L)} = ŷ ⊙ (g − ⟨g, ŷ⟩),  g = ∂ℓ/∂ŷ = {text(out.dloss, rename)}   (softmax Jacobian product, not collapsed)"
        )
    for hyp in out.hypotheses:
        lines.append(f"  hypothesis: {hyp}")
    if out.index is not None:
        lines.append(f"  {_mark(out.index.agrees)} derived in index form for generic K ({out.index.seconds:.2f} s)")
    tr = "ᵀ" if net.convention == "row" else ""
    lines += [
        "",
        "Hidden layers: δ⁽ˡ⁾ = "
        + ("(W⁽ˡ⁺¹⁾)ᵀ δ⁽ˡ⁺¹⁾" if tr else "W⁽ˡ⁺¹⁾ δ⁽ˡ⁺¹⁾")
        + " ⊙ φ'(z⁽ˡ⁾)"
        + f"   [{_mark(d.recursion.agrees)} index form, generic sizes]",
    ]
    for r in reversed(d.layers[:-1]):
        l = r.index
        dphi = text(r.dphi_h, _layer_names(l)) if r.dphi_h is not None else text(r.dphi, _layer_names(l))
        wt = f"(W{l + 1})ᵀ δ{l + 1}" if tr else f"W{l + 1} δ{l + 1}"
        lines.append(f"  δ{l} = {wt} ⊙ [{dphi}]")
    lines += ["", "Gradients for a batch of N samples (rows of X)"]
    reg = ""
    if d.reg_grad is not None:
        reg_text = text(d.reg_grad.subs(WEIGHT, sp.Symbol("W")), {LAMBDA: sp.Symbol("λ")})
        reg = f" + {reg_text}" if net.regularizer.name == "l2" else f" + {reg_text}"
    for l in range(L, 0, -1):
        prev = "x" if l == 1 else f"h{l - 1}"
        outer = f"δ{l}⁽ⁿ⁾ ({prev}⁽ⁿ⁾)ᵀ" if net.convention == "row" else f"{prev}⁽ⁿ⁾ (δ{l}⁽ⁿ⁾)ᵀ"
        bname = "b" if net.convention == "row" else "W₀"
        lines.append(f"  ∂J/∂W{l} = (1/N) Σ_n {outer}{reg.replace('W', f'W{l}')}")
        breg = reg.replace("W", f"{bname}{l}") if net.penalize_bias else ""
        lines.append(f"  ∂J/∂{bname}{l} = (1/N) Σ_n δ{l}⁽ⁿ⁾{breg}")
    lines += [
        "",
        f"Updates ({net.optimizer.name}; "
        + ", ".join(f"{_TEXT_NAMES.get(k, k) if k != 'learning_rate' else 'α'} = {v:g}" for k, v in net.hyper)
        + "".join(f", {k} {v}" for k, v in net.options)
        + "), for every θ in W1, b1, …; g = ∂J/∂θ",
    ]
    rename = {THETA: sp.Symbol("θ"), GRAD: sp.Symbol("g"), HYPER["learning_rate"]: sp.Symbol("α")}
    for u in d.updates:
        target = "θ" if u.kind == "param" else text(STATE.get(u.target, TEMP.get(u.target)))
        lines.append(f"  {target} ← {text(u.expr, rename)}")
    lines += ["", "Checks"]
    for name, r in (("hidden recursion", d.recursion), ("weight gradient", d.weight_grad), ("bias gradient", d.bias_grad)):
        lines.append(f"  {_mark(r.agrees)} symbolic: {name} in index form (Indexed/Sum/KroneckerDelta) equals the matrix form")
    for r in d.layers:
        if r.identity_check:
            c = r.identity_check
            lines.append(f"  {_mark(c.passed)} identity: layer {r.index} φ' in h, max error {c.max_error:.1e}")
    for c in d.checks:
        lines.append(f"  {_mark(c.passed)} instantiation: {c.detail}")
    verdict = "all checks passed" if d.all_passed else "SOME CHECKS FAILED"
    if not d.checks:  # derive(check=False), `derive --no-check`: say so rather than "checked"
        verdict = "symbolic checks only; instantiation check skipped (--no-check)" if d.all_passed else verdict
        lines += ["", f"{verdict}; derived in {d.seconds:.2f} s"]
    else:
        lines += ["", f"{verdict}; derived and checked in {d.seconds:.2f} s"]
    return "\n".join(lines) + "\n"


def to_sup(n: int) -> str:
    return "⁽" + str(n).translate(_SUPERSCRIPT) + "⁾"


def latex_summary(d) -> str:
    """Every layer's results (delta, dl/dW, dl/db; one sample) as one LaTeX ``aligned`` block, for ``_repr_latex_``.

    The rows are those of the proof steps ``delta-<l>``, ``dW-<l>``, ``db-<l>``, so notebook and PDF agree.
    """
    keys = [f"{kind}-{l}" for l in range(d.network.depth, 0, -1) for kind in ("delta", "dW", "db")]
    from .steps import build_steps

    by_key = {s.key: s for s in build_steps(d)}
    rows = [row for k in keys if k in by_key for row in by_key[k].latex]
    if not rows:  # a Derivation built without steps
        rows = [
            names.tex_vec("delta", d.network.depth)
            + " &= "
            + latex(d.output.delta, {YHAT: r"\hat{\mathbf{y}}", Y: r"\mathbf{y}"}, vector=True)
        ]
    return "$\\begin{aligned}" + r" \\ ".join(rows) + "\\end{aligned}$"
