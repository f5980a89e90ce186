"""delta^(L) for every loss x output pair against brute-force sympy.diff with explicit symbols (K = 3)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from gradproof.derive.derivation import derive
from gradproof.derive.numeric import ProgramEvaluator
from gradproof.derive.spec import spec_from_dict

K = 3
PAIRS = [
    ("softmax", "cross_entropy", True),
    ("sigmoid", "binary_cross_entropy", True),
    ("identity", "squared_error", True),
    ("softmax", "squared_error", False),
    ("tanh", "squared_error", False),
    ("sigmoid", "squared_error", False),
    ("softmax", "binary_cross_entropy", False),
    ("sigmoid", "cross_entropy", False),
    ("relu", "squared_error", False),
    ({"name": "cube", "formula": "x + x^3/3"}, "squared_error", False),
]


def _spec(act, loss):
    return spec_from_dict({"name": "t", "inputs": K, "layers": [{"units": K, "activation": act}],
                           "loss": {"name": loss}, "optimizer": {"name": "sgd"}})


def _brute_force_delta(net, z_val, y_val):
    z = sp.symbols(f"z0:{K}", real=True)
    layer = net.layers[0]
    if layer.definition is None:
        e = [sp.exp(v) for v in z]
        yhat = [v / sum(e) for v in e]
    else:
        phi = layer.definition.subs(layer.param_values)
        yhat = [phi.subs(sp.Symbol("x", real=True), v) for v in z]
    yhat_sym, y_sym = sp.Symbol("yhat", real=True), sp.Symbol("y", real=True)
    ell = sum(net.loss.component.subs({yhat_sym: a, y_sym: float(b)}) for a, b in zip(yhat, y_val, strict=True))
    grads = [sp.diff(ell, v) for v in z]
    return np.array([float(g.subs(dict(zip(z, z_val, strict=True)))) for g in grads])


@pytest.mark.parametrize("act, loss, collapses", PAIRS, ids=lambda p: p if isinstance(p, str) else None)
def test_output_error_matches_brute_force(act, loss, collapses):
    net = _spec(act, loss)
    d = derive(net, check=False)
    assert d.output.collapsed is collapses
    rng = np.random.default_rng(1)
    ev = ProgramEvaluator(d)
    for _ in range(3):
        z_val = rng.normal(size=K)
        y_val = np.eye(K)[rng.integers(K)] if loss == "cross_entropy" else rng.uniform(0.1, 0.9, size=K)
        # the output layer is the only layer: X = z after W = I, b = 0
        params = {"W1": np.eye(K), "b1": np.zeros(K)}
        delta = ev.trace(params, z_val[None, :], y_val[None, :], {})["D1"][0]  # N = 1: dJ/dz is the sample's delta
        np.testing.assert_allclose(delta, _brute_force_delta(net, z_val, y_val), rtol=1e-9, atol=1e-12)


def test_softmax_cross_entropy_needs_the_one_hot_hypothesis():
    d = derive(_spec("softmax", "cross_entropy"), check=False)
    assert sp.expand(d.output.delta - (sp.Symbol("yhat", real=True) - sp.Symbol("y", real=True))) == 0
    assert any("sum to 1" in h for h in d.output.hypotheses)
    # without sum(y) = 1 the collapse fails: delta = yhat*sum(y) - y; check the evaluator is not fooled
    ev = ProgramEvaluator(d)
    y = np.array([[0.5, 0.5, 0.5]])  # sums to 1.5: outside the hypothesis
    z = np.array([[0.3, -0.2, 0.1]])
    brute = _brute_force_delta(d.network, z[0], y[0])
    got = ev.trace({"W1": np.eye(K), "b1": np.zeros(K)}, z, y, {})["D1"][0]  # N = 1: dJ/dz is the sample's delta
    assert not np.allclose(got, brute)


def test_tanh_squared_error_keeps_the_derivative_factor():
    d = derive(_spec("tanh", "squared_error"), check=False)
    yhat, y = sp.Symbol("yhat", real=True), sp.Symbol("y", real=True)
    assert sp.expand(d.output.delta - (yhat - y) * (1 - yhat**2)) == 0


def test_softmax_squared_error_is_not_collapsed():
    d = derive(_spec("softmax", "squared_error"), check=False)
    assert d.output.delta is None and not d.output.collapsed
