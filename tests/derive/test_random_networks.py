"""Hypothesis-random small networks: derived gradients against brute-force SymPy, finite differences, PyTorch."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import central_differences, random_data
from gradproof.derive.activations import ACTIVATIONS
from gradproof.derive.derivation import derive
from gradproof.derive.numeric import ProgramEvaluator
from gradproof.derive.spec import spec_from_dict
from hypothesis import given
from hypothesis import strategies as st

HIDDEN = sorted(n for n, e in ACTIVATIONS.items() if not e.vector)
OUTPUTS = {"cross_entropy": ["softmax", "sigmoid"], "binary_cross_entropy": ["sigmoid", "softmax"],
           "squared_error": ["identity", "tanh", "softmax", "sigmoid"]}


@st.composite
def specs(draw, max_depth=3):
    loss = draw(st.sampled_from(sorted(OUTPUTS)))
    depth = draw(st.integers(1, max_depth))
    hidden = [{"units": draw(st.integers(1, 4)), "activation": draw(st.sampled_from(HIDDEN))} for _ in range(depth - 1)]
    out = {"units": draw(st.integers(2, 3)), "activation": draw(st.sampled_from(OUTPUTS[loss]))}
    data = {"name": "rand", "convention": draw(st.sampled_from(["row", "column"])), "inputs": draw(st.integers(1, 4)),
            "layers": [*hidden, out], "loss": {"name": loss}, "optimizer": {"name": "sgd"}}
    reg = draw(st.sampled_from([None, "l1", "l2"]))
    if reg:
        data["regularization"] = {"name": reg, "lambda": 0.1, "penalize_bias": draw(st.booleans()),
                                  "scaling": draw(st.sampled_from(["batch", "none"]))}
    return spec_from_dict(data)


def _data(net, rng, n=3):
    X, Y = random_data(net, n, rng)
    params = {}
    for l, layer in enumerate(net.layers, start=1):
        shape = (layer.units, layer.n_in) if net.convention == "row" else (layer.n_in, layer.units)
        params[f"W{l}"] = rng.normal(size=shape) * 0.8
        params[f"b{l}"] = rng.normal(size=layer.units) * 0.3
    return X, Y, params


@given(specs())
def test_instantiation_check_passes_on_random_networks(net):
    # derive() runs the brute-force SymPy check of the expanded loss and raises if it disagrees
    d = derive(net)
    assert d.checks and all(c.passed for c in d.checks)


@given(specs(max_depth=4), st.integers(0, 2**16))
def test_gradients_match_central_differences(net, seed):
    d = derive(net, check=False)
    ev = ProgramEvaluator(d)
    X, Y, params = _data(net, np.random.default_rng(seed))
    grads = ev.gradients(params, X, Y)
    differences = central_differences(lambda p: ev.loss(p, X, Y), params)
    for key, fd in differences.items():
        if any(l.activation in ("relu", "leaky_relu", "elu") for l in net.layers) or (net.regularizer and net.regularizer.name == "l1"):
            tol = 1e-4  # kinks: a difference quotient can straddle one
            close = np.isclose(grads["d" + key], fd, rtol=tol, atol=tol)
            assert close.mean() > 0.9, (key, grads["d" + key], fd)
        else:
            np.testing.assert_allclose(grads["d" + key], fd, rtol=1e-5, atol=1e-6)


torch = pytest.importorskip("torch")

TORCH_ACT = {
    "identity": lambda z, p: z,
    "sigmoid": lambda z, p: torch.sigmoid(z),
    "tanh": lambda z, p: torch.tanh(z),
    "relu": lambda z, p: torch.relu(z),
    "leaky_relu": lambda z, p: torch.nn.functional.leaky_relu(z, p["gamma"]),
    "elu": lambda z, p: torch.nn.functional.elu(z, p["alpha"]),
    "softplus": lambda z, p: torch.nn.functional.softplus(z),
    "swish": lambda z, p: torch.nn.functional.silu(z),
    "gelu": lambda z, p: torch.nn.functional.gelu(z),
    "softsign": lambda z, p: torch.nn.functional.softsign(z),
    "softmax": lambda z, p: torch.softmax(z, dim=1),
}
TORCH_LOSS = {
    "cross_entropy": lambda yh, y: -(y * torch.log(yh)).sum(),
    "binary_cross_entropy": lambda yh, y: -(y * torch.log(yh) + (1 - y) * torch.log(1 - yh)).sum(),
    "squared_error": lambda yh, y: 0.5 * ((yh - y) ** 2).sum(),
}


def torch_gradients(net, X, Y, params):
    tp = {k: torch.tensor(v, dtype=torch.float64, requires_grad=True) for k, v in params.items()}
    h = torch.tensor(X)
    for l, layer in enumerate(net.layers, start=1):
        W, b = tp[f"W{l}"], tp[f"b{l}"]
        z = h @ (W.T if net.convention == "row" else W) + b
        h = TORCH_ACT[layer.activation](z, dict(layer.params))
    J = TORCH_LOSS[net.loss.name](h, torch.tensor(Y)) / len(X)
    if net.regularizer is not None:
        scale = net.reg_lambda / (len(X) if net.reg_scaling == "batch" else 1)
        for k, v in tp.items():
            if k.startswith("W") or net.penalize_bias:
                J = J + scale * ((v**2).sum() / 2 if net.regularizer.name == "l2" else v.abs().sum())
    J.backward()
    return {"d" + k: v.grad.numpy() for k, v in tp.items()}


@given(specs(max_depth=4), st.integers(0, 2**16))
def test_gradients_match_pytorch_autograd(net, seed):
    d = derive(net, check=False)
    X, Y, params = _data(net, np.random.default_rng(seed))
    mine = ProgramEvaluator(d).gradients(params, X, Y)
    theirs = torch_gradients(net, X, Y, params)
    for key in mine:
        np.testing.assert_allclose(mine[key], theirs[key], rtol=1e-7, atol=1e-9)
