"""Shared test support: random spec tables (hypothesis), data for a network, and a PyTorch twin of a spec."""

from __future__ import annotations

import numpy as np
from conftest import random_data
from gradproof.derive.activations import ACTIVATIONS
from gradproof.derive.optimizers import OPTIMIZERS
from hypothesis import strategies as st

HIDDEN = sorted(name for name, a in ACTIVATIONS.items() if not a.vector)


@st.composite
def spec_tables(draw, max_units: int = 3, max_depth: int = 3):
    """A random valid spec table: both conventions, every activation, loss, regularizer and optimizer variant."""
    depth = draw(st.integers(1, max_depth))
    loss = draw(st.sampled_from(["cross_entropy", "binary_cross_entropy", "squared_error", "mean_squared_error",
                                 "sum_squared_error"]))
    layers = []
    for _ in range(depth - 1):
        act = draw(st.sampled_from(HIDDEN))
        layer = {"units": draw(st.integers(1, max_units)), "activation": act}
        if act == "leaky_relu":
            layer["gamma"] = draw(st.sampled_from([0.01, 0.2]))
        if act == "elu":
            layer["alpha"] = draw(st.sampled_from([1.0, 0.5]))
        layers.append(layer)
    if loss == "cross_entropy":
        out = draw(st.sampled_from(["softmax", "softmax", "sigmoid"]))
    elif loss == "binary_cross_entropy":
        out = "sigmoid"
    else:
        out = draw(st.sampled_from(["softmax", "identity", "tanh", "sigmoid", "softplus"]))
    units = draw(st.integers(2 if out == "softmax" else 1, max_units))
    layers.append({"units": units, "activation": out})
    table = {"name": "random_net", "convention": draw(st.sampled_from(["row", "column"])),
             "inputs": draw(st.integers(1, max_units)), "layers": layers, "loss": {"name": loss}}
    reg = draw(st.sampled_from([None, "l1", "l2"]))
    if reg:
        table["regularization"] = {"name": reg, "lambda": draw(st.sampled_from([0.1, 0.01])),
                                   "scaling": draw(st.sampled_from(["batch", "none"])), "penalize_bias": draw(st.booleans())}
    opt = OPTIMIZERS[draw(st.sampled_from(sorted(OPTIMIZERS)))]
    table["optimizer"] = {"name": opt.name, **{k: draw(st.sampled_from(c)) for k, (c, _) in opt.options.items()}}
    return table


def data_for(net, n: int, seed: int = 0, dtype=np.float64):
    X, Y = random_data(net, n, np.random.default_rng(seed))
    return X.astype(dtype), Y.astype(dtype)


def random_params(mod, seed: int):
    """Parameters with nonzero biases (init_params zeros them), so bias gradients are exercised fully."""
    rng = np.random.default_rng(seed)
    return {k: rng.uniform(-1, 1, size=v.shape) for k, v in mod.init_params(seed).items()}


# -- a PyTorch twin: the same network written with torch's own functions -------------------------------

def torch_loss(net, params: dict, X, Y):
    """J(params) built in PyTorch from the spec alone (activations from torch, custom formulas from their definition)."""
    import sympy as sp
    import torch
    from gradproof.derive.symbols import X as XSYM

    F = torch.nn.functional
    builtin = {
        "identity": lambda z, p: z,
        "sigmoid": lambda z, p: torch.sigmoid(z),
        "tanh": lambda z, p: torch.tanh(z),
        "relu": lambda z, p: torch.relu(z),
        "leaky_relu": lambda z, p: F.leaky_relu(z, p["gamma"]),
        "elu": lambda z, p: F.elu(z, p["alpha"]),
        "softplus": lambda z, p: F.softplus(z, threshold=1000),
        "swish": lambda z, p: F.silu(z),
        "gelu": lambda z, p: F.gelu(z),
        "softsign": lambda z, p: F.softsign(z),
        "softmax": lambda z, p: torch.softmax(z, dim=1),
    }
    torch_fns = {"sigmoid": torch.sigmoid, "exp": torch.exp, "log": torch.log, "tanh": torch.tanh, "erf": torch.erf,
                 "Abs": torch.abs, "sqrt": torch.sqrt, "sin": torch.sin, "cos": torch.cos}
    h = X
    for l, layer in enumerate(net.layers, start=1):
        W, b = params[f"W{l}"], params[f"b{l}"]
        z = h @ (W.T if net.convention == "row" else W) + b
        if layer.formula is None:
            h = builtin[layer.activation](z, dict(layer.params))
        else:
            f = sp.lambdify(XSYM, layer.definition.subs(layer.param_values), modules=[torch_fns])
            h = f(z)
    n = X.shape[0]
    name = net.loss.name
    if name == "cross_entropy":
        logp = torch.log_softmax(z, dim=1) if net.output.vector else torch.log(h)
        data = -(Y * logp).sum() / n
    elif name == "binary_cross_entropy":
        data = F.binary_cross_entropy(h, Y, reduction="sum") / n
    elif name == "mean_squared_error":
        data = F.mse_loss(h, Y, reduction="mean")  # PyTorch's own MSELoss: the mean over the N samples and K outputs
    elif name == "sum_squared_error":
        data = F.mse_loss(h, Y, reduction="sum") / n
    else:
        data = ((h - Y) ** 2 / 2).sum() / n
    if net.regularizer is None:
        return data
    scale = net.reg_lambda / (n if net.reg_scaling == "batch" else 1)
    keys = [k for k in params if k.startswith("W") or net.penalize_bias]
    norm = (lambda w: (w**2).sum() / 2) if net.regularizer.name == "l2" else (lambda w: w.abs().sum())
    return data + scale * sum(norm(params[k]) for k in keys)


def torch_gradients(net, params: dict, X, Y) -> dict:
    import torch

    P = {k: torch.tensor(v, dtype=torch.float64, requires_grad=True) for k, v in params.items()}
    J = torch_loss(net, P, torch.tensor(X, dtype=torch.float64), torch.tensor(Y, dtype=torch.float64))
    J.backward()
    return {k: v.grad.numpy() for k, v in P.items()}, float(J.detach())
