"""The NumPy printer: small tables of (expression, expected text), and its stable forms at extreme inputs."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from gradproof.codegen.printer import stable_rewrite, to_code
from gradproof.derive.symbols import YHAT, H, Y, Z, sigmoid

G = sp.Symbol("gamma", positive=True)
A = sp.Symbol("alpha", positive=True)
VALUES = {G: 0.01, A: 1.5}

TABLE = [
    (sp.Piecewise((Z, Z > 0), (0, True)), "np.maximum(z, 0)"),
    (sp.Piecewise((Z, Z > 0), (G * Z, True)), "np.maximum(z, 0.01 * z)"),
    (sp.Piecewise((1, Z > 0), (G, True)), "np.where(z > 0, 1.0, 0.01)"),
    (sp.Piecewise((Z, Z > 0), (A * (sp.exp(Z) - 1), True)), "np.where(z > 0, z, 1.5 * np.expm1(z))"),
    (sp.tanh(Z), "np.tanh(z)"),
    (1 - H**2, "1 - h**2"),
    (H * (1 - H), "h * (1 - h)"),
    (sigmoid(Z), "_sigmoid(z)"),
    (sp.log(1 + sp.exp(Z)), "_softplus(z)"),
    (sp.log(sigmoid(Z)), "-_softplus(-z)"),
    (sp.log(1 - sigmoid(Z)), "-_softplus(z)"),
    (YHAT - Y, "yhat - y"),
    ((1 - YHAT**2) * (YHAT - Y), "(1 - yhat**2) * (yhat - y)"),
    ((sp.Abs(Z) + 1) ** -2, "1 / (np.abs(z) + 1)**2"),
    (sp.sqrt(2) * Z / 2, "0.7071067811865476 * z"),
    (sp.erf(Z), "_erf(z)"),
    (sp.sqrt(Z + 1), "np.sqrt(z + 1)"),
]


@pytest.mark.parametrize("expr,expected", TABLE, ids=[str(e) for e, _ in TABLE])
def test_printed_text(expr, expected):
    assert to_code(expr, values=VALUES) == expected


@pytest.mark.parametrize("expr", [e for e, _ in TABLE])
def test_never_the_sympy_defaults(expr):
    text = to_code(expr, values=VALUES)
    for bad in ("numpy.", "select(", "functools", "reduce(", ".dot(", "**(-"):
        assert bad not in text


def _evaluate(text: str, z):
    """Run printed code with the generated module's helpers (our own printed text, never user input)."""
    from conftest import ROOT, derivation_of
    from gradproof.codegen.loader import build

    mod = build(derivation_of(str(ROOT / "examples" / "mish_binary.toml"), False), _evaluate.tmp)
    namespace = {"np": np, "_sigmoid": mod._sigmoid, "_softplus": mod._softplus, "z": z}
    return eval(compile(text, "<printed>", "eval"), namespace)  # noqa: S307 -- text printed by our printer from a table


@pytest.mark.parametrize("expr", [sp.log(1 + sp.exp(Z)), sp.log(1 + sp.exp(-Z)), sp.log(sigmoid(Z)), sp.log(1 - sigmoid(Z)),
                                  sigmoid(Z), Z * sigmoid(Z), (Z * (1 - sigmoid(Z)) + 1) * sigmoid(Z)], ids=str)
def test_stable_at_extremes(expr, tmp_path):
    """x = +-800 and +-1000 overflow exp; every printed form stays finite and matches the exact value."""
    _evaluate.tmp = tmp_path
    z = np.array([-1000.0, -800.0, -30.0, -1.0, 0.0, 1.0, 30.0, 800.0, 1000.0])
    with np.errstate(over="raise", invalid="raise"):
        got = _evaluate(to_code(expr), z)
    exact = np.array([float(sp.N(expr.rewrite(sp.exp).subs(Z, sp.Rational(v)) if not expr.has(sigmoid) else
                                 expr.replace(sigmoid, lambda u: 1 / (1 + sp.exp(-u))).subs(Z, sp.Rational(v)), 1000)) for v in z])
    np.testing.assert_allclose(got, exact, rtol=1e-12, atol=1e-300)


def test_stable_rewrite_only_touches_unstable_logs():
    assert stable_rewrite(sp.log(Z**2 + 1)) == sp.log(Z**2 + 1)
