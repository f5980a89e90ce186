"""The SymEngine brute force (derive/brute.py) and the instantiation rule of derive/checks.py."""

from __future__ import annotations

import math

import numpy as np
import pytest
import symengine as se
import sympy as sp
from gradproof.derive import brute, checks
from gradproof.derive.activations import ACTIVATIONS
from gradproof.derive.derivation import derive
from gradproof.derive.formula import FUNCTIONS, parse_formula
from gradproof.derive.spec import spec_from_dict
from gradproof.derive.symbols import X


def _value(expr_se, x: float) -> float:
    s = se.Symbol("x")
    return float(expr_se.xreplace({s: se.Rational(*float(x).as_integer_ratio())}))


def _derivative(expr_se, x: float) -> float:
    s = se.Symbol("x")
    d = expr_se.diff(s)
    assert "Derivative" not in str(d), f"SymEngine could not differentiate {expr_se}"
    return float(d.xreplace({s: se.Rational(*float(x).as_integer_ratio())}))


POINTS = (-1.7, -0.3, 0.4, 2.1)


@pytest.mark.parametrize("name", [n for n, a in ACTIVATIONS.items() if a.definition is not None])
def test_every_activation_translates_and_symengine_differentiates_it(name):
    """Values equal SymPy's definition; SymEngine's derivative equals a central difference of the definition."""
    a = ACTIVATIONS[name]
    definition = a.definition.subs({a.symbols[k]: v for k, v in a.params.items()})
    e = brute.to_symengine(definition, {X: se.Symbol("x")})
    f = sp.lambdify(X, definition.rewrite(sp.exp) if name in ("sigmoid", "swish") else definition, "mpmath")
    for x in POINTS:
        assert _value(e, x) == pytest.approx(float(f(x)), rel=1e-12, abs=1e-14)
        h = 1e-6
        fd = (float(f(x + h)) - float(f(x - h))) / (2 * h)
        assert _derivative(e, x) == pytest.approx(fd, rel=1e-6, abs=1e-8)


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_every_formula_function_translates(name):
    arity = FUNCTIONS[name][0]
    text = f"{name}(x)" if arity == 1 else f"{name}(x, 0.5*x + 0.2)"
    if name in ("log", "ln", "sqrt"):
        text = f"{name}(1 + x^2)"
    if name == "log1p":
        text = "log1p(x^2)"
    e = brute.to_symengine(parse_formula(text, "t.toml"), {X: se.Symbol("x")})
    for x in POINTS:
        _derivative(e, x)


def test_kinks_are_piecewise_with_sign_0_equal_0():
    """|u| and sign(u) are Piecewise with derivative 0 at 0 (the subgradient the derivation uses for L1)."""
    s = se.Symbol("x")
    e = brute.to_symengine(sp.Abs(X), {X: s})
    assert isinstance(e, se.Piecewise)
    assert float(e.diff(s).xreplace({s: se.Integer(0)})) == 0.0
    assert float(e.diff(s).xreplace({s: se.Integer(-2)})) == -1.0


def test_a_function_without_a_symengine_form_is_an_error_not_a_fallback():
    with pytest.raises(brute.Untranslatable, match="no SymEngine form for"):
        brute.to_symengine(sp.gamma(X), {X: se.Symbol("x")})


def test_program_evaluates_a_deep_shared_expression_once_per_node():
    """A chain whose tree has 2^40 leaves but 80 distinct nodes: evaluated in linear time."""
    x = se.Symbol("x")
    e = x
    for _ in range(40):
        e = se.tanh(e) + se.tanh(e) * x  # the same node twice per level
    program = brute.Program([x], [e])
    assert len(program.ops) < 200
    value = 0.3
    for _ in range(40):
        value = math.tanh(value) + math.tanh(value) * 0.3
    assert program(np.array([[0.3]]))[0, 0] == pytest.approx(value, rel=1e-12)


def _deep(depth: int) -> dict:
    acts = ["tanh", "leaky_relu", "sigmoid", "elu"]
    layers = [{"units": 4, "activation": acts[i % 4]} for i in range(depth - 1)] + [{"units": 3, "activation": "softmax"}]
    return {"name": "deep", "inputs": 3, "layers": layers, "loss": {"name": "cross_entropy"},
            "regularization": {"name": "l1", "lambda": 0.1}, "optimizer": {"name": "sgd"}}


def test_networks_up_to_wide_depth_are_expanded_end_to_end_at_full_width():
    d = derive(spec_from_dict(_deep(checks.WIDE_DEPTH)))
    (c,) = d.checks
    assert c.passed and c.window == tuple(range(1, checks.WIDE_DEPTH + 1)) and c.engine == "symengine.diff"
    assert c.sizes == (3, *([2] * (checks.WIDE_DEPTH - 1)), 3) and c.count == 3 * 2 + 2 + (checks.WIDE_DEPTH - 2) * 6 + 2 * 3 + 3


def test_networks_up_to_whole_depth_are_expanded_end_to_end_on_a_thin_instance():
    """50 layers: one window, the whole network; 2 units in the first and last two hidden layers, 1 in between."""
    depth = checks.WHOLE_DEPTH
    d = derive(spec_from_dict(_deep(depth)))
    (c,) = d.checks
    assert c.passed and c.window == tuple(range(1, depth + 1)) and not c.same_as
    ends = checks.WIDE_ENDS
    assert c.sizes == (3, *([2] * ends), *([1] * (depth - 1 - 2 * ends)), *([2] * ends), 3)
    assert f"layers 1 to {depth}: sizes 3-2-2-1×{depth - 1 - 2 * ends}-2-2-3" in c.detail


def test_a_wrong_derivative_in_a_thin_middle_layer_fails_the_whole_check():
    import dataclasses

    depth = checks.WIDE_DEPTH + 8
    middle = depth // 2
    spec = _deep(depth)  # the middle layer's activation its own (a formula): the program gives it its own helper
    spec["layers"][middle - 1]["activation"] = {"name": "t", "formula": "tanh(x)"}
    d = derive(spec_from_dict(spec), check=False)
    bad = dataclasses.replace(d.layers[middle - 1], dphi_h=None, dphi=d.layers[middle - 1].dphi * 1.01)
    d = dataclasses.replace(d, layers=(*d.layers[: middle - 1], bad, *d.layers[middle:]))
    (c,) = checks.instantiation_checks(d)
    assert c.window == tuple(range(1, depth + 1)) and c.sizes[middle] == 1
    assert not c.passed and c.max_error > 1e-6


def test_deeper_networks_are_checked_in_named_windows():
    depth = checks.WHOLE_DEPTH + 1
    d = derive(spec_from_dict(_deep(depth)))
    assert [c.window for c in d.checks] == [(l, l + 1, depth) for l in range(1, depth - 1)]
    assert all(c.passed for c in d.checks)
    repeated = [c for c in d.checks if c.same_as]
    assert repeated and all(r.sizes == next(c for c in d.checks if c.window == r.same_as).sizes for r in repeated)


def test_two_runs_give_the_same_checks():
    spec = spec_from_dict(_deep(4))
    assert derive(spec).checks == derive(spec).checks


def test_a_wrong_derivative_fails_the_check():
    """The brute force is independent of the derivation: a tampered phi' is caught."""
    import dataclasses

    d = derive(spec_from_dict(_deep(3)), check=False)
    bad = dataclasses.replace(d.layers[0], dphi_h=None, dphi=d.layers[0].dphi * 1.001)
    d = dataclasses.replace(d, layers=(bad, *d.layers[1:]))
    c = checks.check_window(checks._sub_derivation(d, (1, 2, 3)))
    assert not c.passed and c.max_error > 1e-6


def test_a_difference_and_its_negation_are_told_apart():
    """SymEngine hashes a - b like b - a; Program must not evaluate one for the other (a random network hit it:
    softsign, softplus, softmax with binary cross-entropy)."""
    a, b = se.Symbol("a"), se.Symbol("b")
    u, v = se.exp(a) - se.exp(b), se.exp(b) - se.exp(a)
    program = brute.Program([a, b], [u, v, u * v])
    out = program(np.array([[0.3, -0.4]]))[0]
    assert out[0] == pytest.approx(math.exp(0.3) - math.exp(-0.4)) and out[1] == pytest.approx(-out[0])


def test_the_network_that_exposed_the_hash_collision_passes():
    data = {"name": "rand", "convention": "column", "inputs": 3,
            "layers": [{"units": 1, "activation": "softsign"}, {"units": 1, "activation": "softplus"},
                       {"units": 2, "activation": "softmax"}],
            "loss": {"name": "binary_cross_entropy"}, "optimizer": {"name": "sgd"}}
    assert derive(spec_from_dict(data)).all_passed


def test_subexpressions_whose_hashes_collide_keep_their_own_slots():
    """exp(u) and exp(2u) hash alike in SymEngine (a one-layer column-convention softmax network has both in its
    gradients): the program must still evaluate each, matching direct substitution."""
    import numpy as np
    import symengine as se
    from gradproof.derive import brute

    u = se.Symbol("u")
    exprs = [se.exp(u), se.exp(2 * u), se.exp(u) + se.exp(2 * u)]
    program = brute.Program([u], exprs)
    values = program(np.array([[0.3], [-1.2]]))
    expected = np.array([[np.exp(0.3), np.exp(0.6), np.exp(0.3) + np.exp(0.6)],
                         [np.exp(-1.2), np.exp(-2.4), np.exp(-1.2) + np.exp(-2.4)]])
    assert np.allclose(values, expected, rtol=1e-12)
