"""The LaTeX printer: small tables of (expression, expected text)."""

from __future__ import annotations

import pytest
import sympy as sp
from gradproof.derive.symbols import YHAT, H, Y, Z
from gradproof.proof.latex import escape, latex, number

HV = {H: r"\mathbf{h}^{(2)}"}
YV = {YHAT: r"\hat{\mathbf{y}}", Y: r"\mathbf{y}"}
g, S, beta = sp.symbols("g S beta")
v, mu, eps, G = sp.symbols("v mu epsilon G")
ZV = {Z: r"\mathbf{z}"}

VECTOR_TABLE = [
    (1 - H**2, HV, r"1 - \mathbf{h}^{(2)} \odot \mathbf{h}^{(2)}"),
    (H * (1 - H), HV, r"\mathbf{h}^{(2)} \odot \left(1 - \mathbf{h}^{(2)}\right)"),
    (YHAT - Y, YV, r"\hat{\mathbf{y}} - \mathbf{y}"),
    (
        (1 - YHAT**2) * (YHAT - Y),
        YV,
        r"\left(1 - \hat{\mathbf{y}} \odot \hat{\mathbf{y}}\right) \odot \left(\hat{\mathbf{y}} - \mathbf{y}\right)",
    ),
    (
        sp.Piecewise((1, Z > 0), (sp.Symbol("gamma"), True)),
        {Z: r"\mathbf{z}^{(1)}"},
        r"\begin{cases} 1 & \mathbf{z}^{(1)} > 0 \\ \gamma & \text{otherwise} \end{cases}",
    ),
    (beta * S + (1 - beta) * g**2, {S: "S", g: "g"}, r"\beta S + \left(1 - \beta\right) g \odot g"),
    # binary cross-entropy dl/dyhat as SymPy returns it, printed in textbook form
    (
        (Y - YHAT) / (YHAT**2 - YHAT),
        YV,
        r"\frac{\hat{\mathbf{y}} - \mathbf{y}}{\hat{\mathbf{y}} \odot \left(1 - \hat{\mathbf{y}}\right)}",
    ),
    (Z / (Z - 1), ZV, r"\frac{\mathbf{z}}{\mathbf{z} - 1}"),  # no sum above to take the sign: unchanged
    (sp.erf(Z) + 1, ZV, r"1 + \operatorname{erf}{\left(\mathbf{z} \right)}"),  # numbers first
    (1 / (sp.Abs(Z) + 1) ** 2, ZV, r"\frac{1}{\left(1 + \left|{\mathbf{z}}\right|\right)^{2}}"),
    (sp.exp(Z) - 1, ZV, r"e^{\mathbf{z}} - 1"),
    (sp.sqrt(S) + eps, {S: "S"}, r"\sqrt{S} + \epsilon"),  # vector terms before scalars
    (S + eps, {S: "S"}, r"S + \epsilon"),
    # GELU: the half in front, 1/sqrt(2) under the bar, the exponent's half as a slash
    (
        Z / 2 * (1 + sp.erf(Z / sp.sqrt(2))),
        ZV,
        r"\frac{1}{2} \mathbf{z} \odot \left(1 + \operatorname{erf}{\left(\frac{\mathbf{z}}{\sqrt{2}} \right)}\right)",
    ),
    (
        sp.sqrt(2) * Z * sp.exp(-(Z**2) / 2) / (2 * sp.sqrt(sp.pi)),
        ZV,
        r"\frac{\mathbf{z} \odot e^{-\mathbf{z} \odot \mathbf{z} / 2}}{\sqrt{2 \pi}}",
    ),
    (Z / 2, ZV, r"\frac{\mathbf{z}}{2}"),  # one factor: stays a fraction
]

SCALAR_TABLE = [
    (Z / 2 * (1 + sp.erf(Z / sp.sqrt(2))), r"\frac{1}{2} z \left(1 + \operatorname{erf}{\left(\frac{z}{\sqrt{2}} \right)}\right)"),
    (sp.erf(Z / sp.sqrt(2)) / 2, r"\frac{1}{2} \operatorname{erf}{\left(\frac{z}{\sqrt{2}} \right)}"),
    (sp.sqrt(2) * Z, r"\sqrt{2} z"),
    (sp.sqrt(2) * Z / 3, r"\frac{\sqrt{2} z}{3}"),  # not 1/sqrt(k): unchanged
    (sp.Symbol("lambda") * sp.Symbol("w") ** 2 / (2 * sp.Symbol("N")), r"\frac{\lambda w^{2}}{2 N}"),
]


@pytest.mark.parametrize("expr, expected", SCALAR_TABLE)
def test_scalar_printing(expr, expected):
    assert latex(expr, {Z: "z"}) == expected


def test_split_terms_balances_lines_and_leaves_no_lone_term():
    from gradproof.proof.latex import split_terms, width

    gelu = sp.diff(Z / 2 * (1 + sp.erf(Z / sp.sqrt(2))), Z)
    assert split_terms(gelu, 64, names={Z: r"\mathbf{z}^{(1)}"}, vector=True) == [
        latex(gelu, {Z: r"\mathbf{z}^{(1)}"}, vector=True)
    ]  # fits on one line once printed in textbook form
    a, b, c, e = sp.symbols("a b c e")
    long = sum(sp.Symbol(f"x{k}") * a * b * c * e for k in range(8)) + 1
    lines = split_terms(long, 40)
    widths = [width(x) for x in lines]
    assert len(lines) == 2 and max(widths) <= 40 and min(widths) > max(widths) // 2
    assert lines[1].startswith("+ ")

# an update starts with its own state (``lead``): mu v + (1 - mu) g, not (1 - mu) g + mu v
UPDATE_TABLE = [
    (mu * v + (1 - mu) * g, v, r"\mu v + \left(1 - \mu\right) g"),
    (mu * v + g, v, r"\mu v + g"),
    (G + g**2, G, r"G + g \odot g"),
    (beta * S + (1 - beta) * g**2, S, r"\beta S + \left(1 - \beta\right) g \odot g"),
]


@pytest.mark.parametrize("expr, names, expected", VECTOR_TABLE)
def test_vector_printing(expr, names, expected):
    assert latex(expr, names, vector=True) == expected


@pytest.mark.parametrize("expr, own, expected", UPDATE_TABLE)
def test_update_order(expr, own, expected):
    names = {v: "v", g: "g", S: "S", G: "G"}
    assert latex(expr, names, vector=True, lead={own}) == expected


@pytest.mark.parametrize("value, expected", [(0.001, "0.001"), (0.9, "0.9"), (1e-6, "10^{-6}"), (2e-7, r"2 \cdot 10^{-7}")])
def test_numbers(value, expected):
    assert number(value) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("50% & #1", r"50\% \& \#1"),
        (r"\input{/etc/passwd}", r"\textbackslash{}input\{/etc/passwd\}"),
        ("a_b ~ ^ $", r"a\_b \textasciitilde{} \textasciicircum{} \$"),
    ],
)
def test_escape(text, expected):
    assert escape(text) == expected


# -- the terminal report's text printer: textbook order, computed from the registries' own updates --------------
def _update_text(name: str, **options) -> list[str]:
    from gradproof.derive.optimizers import GRAD, HYPER, OPTIMIZERS, THETA
    from gradproof.proof.report import text

    opt = OPTIMIZERS[name]
    opts = {k: default for k, (_, default) in opt.options.items()} | options
    rename = {THETA: sp.Symbol("θ"), GRAD: sp.Symbol("g"), HYPER["learning_rate"]: sp.Symbol("α")}
    return [text(u.expr, rename) for u in opt.build(opts)]


@pytest.mark.parametrize(
    "name, options, expected",
    [
        ("rmsprop", {}, ["β·S + (1 - β)·g²", "θ - α·g/√(S + ε)"]),
        ("momentum", {"variant": "ema"}, ["μ·v + (1 - μ)·g", "θ - α·v"]),
        ("momentum", {"variant": "classic"}, ["μ·v + g", "θ - α·v"]),
        ("adam", {}, ["β1·m + (1 - β1)·g", "β2·v + (1 - β2)·g²", "m/(1 - β1^t)", "v/(1 - β2^t)", "θ - α·m̂/(√v̂ + ε)"]),
        ("adagrad", {}, ["G + g²", "θ - α·g/(√G + ε)"]),
    ],
)
def test_report_prints_updates_in_textbook_order(name, options, expected):
    assert _update_text(name, **options) == expected


@pytest.mark.parametrize(
    "expr, expected",
    [
        (1 / (1 + sp.Abs(sp.Symbol("z", real=True))) ** 2, "1/(1 + |z|)²"),
        (sp.sqrt(2) * sp.Symbol("z") / 2, "√2·z/2"),
        (sp.Symbol("lambda") * sp.Symbol("W") / sp.Symbol("N"), "λ·W/N"),
    ],
)
def test_report_text_forms(expr, expected):
    from gradproof.proof.report import text

    assert text(expr) == expected


def test_decimals_stay_decimals_and_root_of_two_over_pi_stays_whole():
    """A spec's 0.044715 prints as written (not 8943/200000); sqrt(2/pi) is one root; 1/2 and 1/sqrt(2 pi) are kept."""
    import sympy as sp
    from gradproof.derive.formula import parse_formula
    from gradproof.derive.symbols import X as x

    phi = parse_formula("0.5*x*(1 + tanh(sqrt(2/pi)*(x + 0.044715*x^3)))", "test")
    assert sp.Rational(8943, 200000) in phi.atoms(sp.Rational)  # the reader keeps the decimal exact
    tex = latex(phi)
    assert "0.044715 x^{3}" in tex and r"\sqrt{2/\pi}" in tex and "200000" not in tex
    assert latex(sp.Rational(1, 100)) == "0.01" and latex(sp.Rational(-3, 20) * x) == "- 0.15 x"
    assert latex(sp.Rational(1, 2) * x).startswith(r"\frac")  # small denominators stay fractions
    assert r"\sqrt{2 \pi}" in latex(sp.exp(-(x**2) / 2) / sp.sqrt(2 * sp.pi))
