"""Symbolic comparison where cheap: claims that are scalar identities in one layer's z are also proved with SymPy
(built from verify's own parse tree), and the message says so; everything else keeps its numeric verdict."""

from __future__ import annotations

import functools

import pytest
import sympy as sp
from gradproof.verify.judge import Claim, Judge
from gradproof.verify.parser import parse_expr
from gradproof.verify.symbolic import _Builder, prove_equal
from helpers_verify import derivation, small

PROVED = "proved equal symbolically"


@functools.lru_cache(maxsize=None)
def _judge(net: str) -> Judge:
    if net == "sig_row":
        return Judge(small("row", "tanh", "sigmoid", "squared_error"))
    return Judge(derivation(net))


IDENTITIES = [
    ("sig_row", r"\sigma'(z^{(2)}) = \sigma(z^{(2)})(1-\sigma(z^{(2)}))"),
    ("sig_row", r"\sigma'(z^{(2)}) = \hat y \odot (1 - \hat y)"),
    ("reference_mlp", r"\tanh'(z^{(2)}) = 1 - \tanh^2(z^{(2)})"),
    ("reference_mlp", r"\tanh'(z^{(2)}) = 1 - (h^{(2)})^2"),
    ("reference_mlp", r"h^{(2)} = \frac{e^{z^{(2)}} - e^{-z^{(2)}}}{e^{z^{(2)}} + e^{-z^{(2)}}}"),
    ("reference_mlp", r"\varphi^{(1)\prime}(z^{(1)}) = \begin{cases} 1 & z^{(1)} > 0 \\ \gamma & \text{otherwise} \end{cases}"),
    ("regression_swish", r"\operatorname{swish}'(z^{(1)}) = \sigma(z^{(1)}) + z^{(1)} \sigma(z^{(1)})(1-\sigma(z^{(1)}))"),
]


@pytest.mark.parametrize("net, latex", IDENTITIES)
def test_scalar_identities_are_proved_and_say_so(net, latex):
    r = _judge(net).check(Claim("t", latex))
    assert r.verdict == "correct" and PROVED in r.message, r.message


@pytest.mark.parametrize("net, latex", [
    ("reference_mlp", r"\delta^{(3)} = \hat{y} - y"),  # δ is not a function of one layer's z
    ("reference_mlp", r"\hat y = \operatorname{softmax}(z^{(3)})"),  # softmax couples the entries
    ("reference_mlp", r"z^{(2)} = W^{(2)} h^{(1)} + b^{(2)}"),
])
def test_other_claims_keep_the_numeric_message(net, latex):
    r = _judge(net).check(Claim("t", latex))
    assert r.verdict == "correct" and PROVED not in r.message


def test_wrong_identities_are_not_proved():
    j = _judge("reference_mlp")
    a, b = parse_expr(r"\tanh'(z^{(2)})", depth=3), parse_expr(r"\tanh^2(z^{(2)})", depth=3)
    assert not prove_equal(a, b, j.net, j.consts)
    assert j.check(Claim("t", r"\tanh'(z^{(2)}) = \tanh^2(z^{(2)})")).verdict == "incorrect"


def test_the_built_expression_is_the_activation_of_the_spec():
    """h^{(1)} of the reference network is its leaky ReLU with γ = 0.01, as SymPy's own Piecewise says."""
    j = _judge("reference_mlp")
    b = _Builder(j.net, 1, j.consts)
    z = b.z
    expected = sp.Piecewise((z, z > 0), (sp.Rational(1, 100) * z, True))
    built = b.build(parse_expr(r"h^{(1)}", depth=3))
    assert all(sp.nsimplify(built.subs(z, v) - expected.subs(z, v)) == 0 for v in (-3, -sp.Rational(1, 2), 2))


def test_large_trees_are_not_tried():
    j = _judge("reference_mlp")
    big = r" + ".join([r"\tanh(z^{(2)})"] * 40)
    a = parse_expr(big, depth=3)
    assert not prove_equal(a, a, j.net, j.consts)
