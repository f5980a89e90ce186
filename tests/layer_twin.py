"""Shared test support for layer kinds: spec tables with every kind and a PyTorch twin of such a network.

The twin uses torch's own functions (``F.batch_norm`` with running statistics, ``F.layer_norm``, dropout as
mask / (1 - p) with a given mask, residual sums) and autograd: an oracle independent of gradproof's batch program.
"""

from __future__ import annotations

#: spec tables exercising every kind: batch norm (row), a residual block with layer norm and dropout, a projecting
#: residual block (column convention), l2 on the dense weights
BN_MLP = {
    "name": "bn_net", "convention": "row", "inputs": 4,
    "layers": [
        {"units": 6, "activation": "identity"},
        {"kind": "batchnorm", "activation": "relu", "momentum": 0.2},
        {"units": 5, "activation": "tanh"},
        {"kind": "batchnorm"},
        {"units": 3, "activation": "softmax"},
    ],
    "loss": {"name": "cross_entropy"},
    "regularization": {"name": "l2", "lambda": 0.01},
    "optimizer": {"name": "sgd", "learning_rate": 0.1},
}
RESIDUAL_MLP = {
    "name": "res_net", "convention": "column", "inputs": 3,
    "layers": [
        {"units": 4, "activation": "tanh"},
        {"kind": "residual", "body": [
            {"kind": "layernorm"},
            {"units": 4, "activation": "relu"},
            {"kind": "dropout", "p": 0.25},
            {"units": 4, "activation": "identity"},
        ]},
        {"kind": "layernorm", "activation": "sigmoid"},
        {"kind": "residual", "activation": "tanh", "body": [{"units": 2, "activation": "softplus"}]},
        {"kind": "dropout", "p": 0.5},
        {"units": 2, "activation": "sigmoid"},
    ],
    "loss": {"name": "binary_cross_entropy"},
    "regularization": {"name": "l1", "lambda": 0.01, "penalize_bias": True},
    "optimizer": {"name": "sgd", "learning_rate": 0.1},
}
#: dense layers without a bias (``bias = false``; PyTorch's nn.Linear(..., bias=False)): a plain stack with Adam and the
#: bias penalty switched on (nothing to penalise in the bias-free layers), and a bias-free layer before batch norm
#: (column convention) with classic momentum
NO_BIAS_MLP = {
    "name": "no_bias_net", "convention": "row", "inputs": 3,
    "layers": [
        {"units": 4, "activation": "tanh", "bias": False},
        {"units": 4, "activation": "gelu"},
        {"units": 3, "activation": "softmax", "bias": False},
    ],
    "loss": {"name": "cross_entropy"},
    "regularization": {"name": "l2", "lambda": 0.01, "penalize_bias": True},
    "optimizer": {"name": "adam", "learning_rate": 0.01},
}
BN_NO_BIAS = {
    "name": "bn_no_bias_net", "convention": "column", "inputs": 4,
    "layers": [
        {"units": 5, "activation": "identity", "bias": False},
        {"kind": "batchnorm", "activation": "relu"},
        {"units": 2, "activation": "sigmoid"},
    ],
    "loss": {"name": "binary_cross_entropy"},
    "optimizer": {"name": "momentum", "learning_rate": 0.1, "momentum": 0.9},
}
TABLES = {"bn_mlp": BN_MLP, "residual_mlp": RESIDUAL_MLP, "no_bias_mlp": NO_BIAS_MLP, "bn_no_bias": BN_NO_BIAS}


#: optimizer variants that torch.optim implements exactly: (name, variant or epsilon placement) -> optimizer
TORCH = {
    ("sgd", ""): lambda torch, p, h: torch.optim.SGD(p, lr=h["learning_rate"]),
    ("momentum", "classic"): lambda torch, p, h: torch.optim.SGD(p, lr=h["learning_rate"], momentum=h["momentum"]),
    ("rmsprop", "outside"): lambda torch, p, h: torch.optim.RMSprop(p, lr=h["learning_rate"], alpha=h["beta"], eps=h["epsilon"]),
    ("adam", "outside"): lambda torch, p, h: torch.optim.Adam(p, lr=h["learning_rate"], betas=(h["beta1"], h["beta2"]), eps=h["epsilon"]),
    ("adagrad", "outside"): lambda torch, p, h: torch.optim.Adagrad(p, lr=h["learning_rate"], eps=h["epsilon"]),
    ("nesterov", "classic"): lambda torch, p, h: torch.optim.SGD(p, lr=h["learning_rate"], momentum=h["momentum"], nesterov=True),
    ("adamw", "outside"): lambda torch, p, h: torch.optim.AdamW(p, lr=h["learning_rate"], betas=(h["beta1"], h["beta2"]),
                                                               eps=h["epsilon"], weight_decay=h["weight_decay"]),
    ("adamax", "inside"): lambda torch, p, h: torch.optim.Adamax(p, lr=h["learning_rate"], betas=(h["beta1"], h["beta2"]),
                                                                 eps=h["epsilon"]),
    ("adadelta", ""): lambda torch, p, h: torch.optim.Adadelta(p, lr=h["learning_rate"], rho=h["rho"], eps=h["epsilon"]),
    ("amsgrad", "corrected-outside"): lambda torch, p, h: torch.optim.Adam(p, lr=h["learning_rate"], betas=(h["beta1"], h["beta2"]),
                                                                          eps=h["epsilon"], amsgrad=True),
}


def torch_key(name: str, options: dict) -> tuple[str, str]:
    """The TORCH key of an optimizer and its options: its variant, its epsilon placement, or both (AMSGrad's)."""
    return name, "-".join(options[k] for k in ("variant", "epsilon_placement") if k in options)


def torch_optimizer(torch, net, params: list):
    """The spec's optimizer as torch.optim implements it, or None (a variant torch does not have)."""
    key = torch_key(net.optimizer.name, dict(net.options))
    return TORCH[key](torch, params, net.hyper_dict) if key in TORCH else None


def torch_forward(net, P: dict, X, masks: dict, train: bool = True, running: dict | None = None):
    """(yhat, logits) of ``net`` in torch; ``P`` maps parameter keys to tensors, ``running`` to running statistics."""
    import torch

    F = torch.nn.functional
    acts = {"identity": lambda z: z, "relu": torch.relu, "tanh": torch.tanh, "sigmoid": torch.sigmoid,
            "softplus": lambda z: F.softplus(z, threshold=1000), "gelu": F.gelu, "softmax": lambda z: torch.softmax(z, dim=1)}
    row = net.convention == "row"

    def run(layers, h):
        z = None
        for layer in layers:
            name = layer.name
            if layer.kind == "dense":  # nn.Linear's own function; no bias without b (bias = false)
                W = P[f"W{name}"]
                z = F.linear(h, W if row else W.T, P.get(f"b{name}"))
            elif layer.kind == "batchnorm":
                s = layer.settings_dict
                z = F.batch_norm(h, running.get(f"running_mean{name}"), running.get(f"running_var{name}"), P[f"gamma{name}"],
                                 P[f"beta{name}"], training=train, momentum=s["momentum"], eps=s["eps"])
            elif layer.kind == "layernorm":
                z = F.layer_norm(h, (layer.units,), P[f"gamma{name}"], P[f"beta{name}"], eps=layer.settings_dict["eps"])
            elif layer.kind == "dropout":
                p = layer.settings_dict["p"]
                h = h * torch.tensor(masks[f"mask{name}"]) / (1 - p) if train else h
                continue
            else:  # residual
                body, _ = run(layer.body, h)
                skip = h if layer.units == layer.n_in else h @ (P[f"P{name}"].T if row else P[f"P{name}"])
                z = skip + body
            h = acts[layer.activation](z)
        return h, z

    return run(net.layers, X)


def torch_objective(net, params: dict, X, Y, masks: dict, running: dict | None = None):
    """(J, P, running tensors): J in torch, for autograd; ``running`` numpy arrays are copied into tensors."""
    import torch

    P = {k: torch.tensor(v, dtype=torch.float64, requires_grad=True) for k, v in params.items()}
    run = {k: torch.tensor(v, dtype=torch.float64) for k, v in (running or {}).items()}
    Xt, Yt = torch.tensor(X, dtype=torch.float64), torch.tensor(Y, dtype=torch.float64)
    yhat, z = torch_forward(net, P, Xt, masks, True, run)
    n = X.shape[0]
    if net.loss.name == "cross_entropy":
        data = -(Yt * torch.log_softmax(z, dim=1)).sum() / n
    elif net.loss.name == "binary_cross_entropy":
        data = torch.nn.functional.binary_cross_entropy(yhat, Yt, reduction="sum") / n
    elif net.loss.name == "mean_squared_error":
        data = torch.nn.functional.mse_loss(yhat, Yt)  # PyTorch's MSELoss: the mean over the samples and outputs
    elif net.loss.name == "sum_squared_error":
        data = torch.nn.functional.mse_loss(yhat, Yt, reduction="sum") / n
    else:
        data = ((yhat - Yt) ** 2 / 2).sum() / n
    J = data
    if net.regularizer is not None:
        scale = net.reg_lambda / (n if net.reg_scaling == "batch" else 1)
        keys = [k for k in P if k.startswith(("W", "P")) or (net.penalize_bias and k.startswith("b") and not k.startswith("beta"))]
        norm = (lambda w: (w**2).sum() / 2) if net.regularizer.name == "l2" else (lambda w: w.abs().sum())
        J = J + scale * sum(norm(P[k]) for k in keys)
    return J, P, run


def random_masks(program, n: int, rng) -> dict:
    return {m.key: (rng.random((n, m.width)) >= m.p).astype(float) for m in program.masks}


def random_layer_params(program, rng) -> dict:
    """Random parameters for every key of the program (gamma away from 0, biases nonzero)."""
    out = {}
    for p in program.params:
        low, high = (0.5, 1.5) if p.key.startswith("gamma") else (-1, 1)
        out[p.key] = rng.uniform(low, high, size=p.shape)
    return out
