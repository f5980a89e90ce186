"""Every activation's derived phi' against central finite differences of its definition."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from gradproof.derive.activations import ACTIVATIONS
from gradproof.derive.derivation import layer_result
from gradproof.derive.numeric import elementwise
from gradproof.derive.spec import spec_from_dict
from gradproof.derive.symbols import H, Z

ELEMENTWISE = sorted(name for name, entry in ACTIVATIONS.items() if not entry.vector)
POINTS = np.array([-3.1, -1.7, -0.6, -0.11, 0.13, 0.52, 1.4, 2.8])


def _layer(activation):
    spec = {"name": "t", "inputs": 2, "layers": [{"units": 2, "activation": activation}, {"units": 1, "activation": "identity"}],
            "loss": {"name": "squared_error"}, "optimizer": {"name": "sgd"}}
    return spec_from_dict(spec).layers[0]


def _finite_difference(layer, x, eps=1e-6):
    phi = elementwise(layer.definition.subs(sp.Symbol("x", real=True), Z), [Z], layer.param_values)
    return (phi(x + eps) - phi(x - eps)) / (2 * eps)


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_derivative_matches_finite_differences(name):
    layer = _layer(name)
    r = layer_result(layer)
    derived = elementwise(r.dphi, [Z], layer.param_values)(POINTS)
    np.testing.assert_allclose(derived, _finite_difference(layer, POINTS), rtol=1e-6, atol=1e-7)


IN_H = [name for name in ELEMENTWISE if layer_result(_layer(name)).dphi_h is not None]


@pytest.mark.parametrize("name", IN_H)
def test_derivative_in_h_matches_finite_differences(name):
    layer = _layer(name)
    r = layer_result(layer)
    h = elementwise(r.phi, [Z], layer.param_values)(POINTS)
    derived = elementwise(r.dphi_h, [H], layer.param_values)(h)
    np.testing.assert_allclose(derived, _finite_difference(layer, POINTS), rtol=1e-6, atol=1e-7)
    assert r.identity_check.passed


@pytest.mark.parametrize(
    "name, in_h",
    [("tanh", True), ("sigmoid", True), ("softplus", True), ("elu", True),
     ("relu", False), ("leaky_relu", False), ("swish", False), ("gelu", False), ("identity", False)],
)
def test_which_derivatives_are_written_in_h(name, in_h):
    assert (layer_result(_layer(name)).dphi_h is not None) is in_h


def test_textbook_forms():
    # the forms a course writes, derived, not typed: tanh' = 1 - h^2, sigma' = h(1 - h)
    assert sp.expand(layer_result(_layer("tanh")).dphi_h - (1 - H**2)) == 0
    assert sp.expand(layer_result(_layer("sigmoid")).dphi_h - H * (1 - H)) == 0
    assert "cosh" not in str(layer_result(_layer("tanh")).dphi)


@pytest.mark.parametrize("formula", ["x*sigmoid(x)", "log(1 + exp(x))", "x^3/3 - x", "tanh(2*x)*x", "max(x, 0.2*x)", "sqrt(1 + x^2) - 1"])
def test_user_formula_derivative(formula):
    layer = _layer({"name": "mine", "formula": formula})
    r = layer_result(layer)
    derived = elementwise(r.dphi, [Z], {})(POINTS)
    np.testing.assert_allclose(derived, _finite_difference(layer, POINTS), rtol=1e-6, atol=1e-7)


def test_user_formula_with_a_parameter():
    layer = _layer({"name": "scaled", "formula": "tanh(k*x)", "k": 2.5})
    r = layer_result(layer)
    derived = elementwise(r.dphi, [Z], layer.param_values)(POINTS)
    np.testing.assert_allclose(derived, 2.5 * (1 - np.tanh(2.5 * POINTS) ** 2), rtol=1e-9)


def test_leaky_relu_gamma_from_the_spec():
    layer = _layer("leaky_relu")
    assert dict(layer.params) == {"gamma": 0.01}
    r = layer_result(layer)
    derived = elementwise(r.dphi, [Z], layer.param_values)(np.array([-2.0, 3.0]))
    np.testing.assert_allclose(derived, [0.01, 1.0])
