"""Independent check of the hand verdicts of the layers group (batch norm, dropout, residual blocks).

Each network is written here from its definitions in PyTorch (float64) and differentiated by autograd, with every
intermediate tensor kept (x, mu, var, xhat, y, h …); each claim of the answers files is written as the NumPy/PyTorch
expression its formula states. A claim is "correct" when its value equals the autograd truth at several random points
(and random dropout masks), "incorrect" when it differs by more than 1e-6 (relative) somewhere. The verdicts must
equal MANIFEST.toml's. Nothing of gradproof is imported.

Run: python oracle_layers.py  -> prints OK
"""

import tomllib
from pathlib import Path

import torch

torch.set_default_dtype(torch.float64)
HERE = Path(__file__).resolve().parent
EPS = 1e-5


def close(a, b) -> bool:
    a, b = torch.as_tensor(a), torch.as_tensor(b)
    return a.shape == b.shape and bool(torch.allclose(a, b, rtol=1e-6, atol=1e-10))


def verdicts(points, claims) -> dict:
    """claim id -> "correct" when it holds at every point, else "incorrect"."""
    out = {}
    for cid, claim in claims.items():
        ok = all(close(*claim(p)) for p in points)
        out[cid] = "correct" if ok else "incorrect"
    return out


# -- batch norm: bn_local (3 inputs -> dense 5 -> batch norm -> dense 3 + softmax), a batch of 4 ----------------------


def bn_point(seed: int) -> dict:
    g = torch.Generator().manual_seed(seed)
    r = lambda *s: torch.rand(*s, generator=g) * 2 - 1  # noqa: E731
    W1, b1, W3, b3 = r(5, 3), r(5), r(3, 5), r(3)
    gamma = (torch.rand(5, generator=g) + 0.5).requires_grad_()
    beta = r(5).requires_grad_()
    X = torch.randn(4, 3, generator=g)
    labels = torch.randint(0, 3, (4,), generator=g)
    x = (X @ W1.T + b1).detach().requires_grad_()  # the batch-norm layer's input
    mu = x.mean(0)
    mu.retain_grad()
    var = ((x - mu) ** 2).mean(0)  # biased, from its definition
    var.retain_grad()
    xhat = (x - mu) / torch.sqrt(var + EPS)
    xhat.retain_grad()
    y = gamma * xhat + beta
    y.retain_grad()
    loss = torch.nn.functional.cross_entropy(y @ W3.T + b3, labels)  # the mean over the batch
    loss.backward()
    return {"x": x.detach(), "mu": mu.detach(), "var": var.detach(), "xhat": xhat.detach(), "y": y.detach(),
            "gamma": gamma.detach(), "beta": beta.detach(), "dx": x.grad, "dmu": mu.grad, "dvar": var.grad,
            "dxhat": xhat.grad, "dy": y.grad, "dgamma": gamma.grad, "dbeta": beta.grad, "m": 4}


def ioffe_claims(planted: bool) -> dict:
    s = lambda p: torch.sqrt(p["var"] + EPS)  # noqa: E731
    m = 4
    return {
        "alg1.mean": lambda p: (p["mu"], p["x"].sum(0) / m),
        "alg1.var": lambda p: (p["var"], ((p["x"] - p["mu"]) ** 2).sum(0) / (m - 1 if planted else m)),
        "alg1.normalize": lambda p: (p["xhat"], (p["x"] - p["mu"]) / s(p)),
        "alg1.scale_shift": lambda p: (p["y"], p["gamma"] * p["xhat"] + p["beta"]),
        "bp.dxhat": lambda p: (p["dxhat"], p["dy"] * p["gamma"]),
        "bp.dvar": lambda p: (p["dvar"], (p["dxhat"] * (p["x"] - p["mu"]) * (1 if planted else -0.5)
                                          * (p["var"] + EPS) ** -1.5).sum(0)),
        "bp.dmu": lambda p: (p["dmu"], (p["dxhat"] * -1 / s(p)).sum(0) + p["dvar"] * (-2 * (p["x"] - p["mu"])).sum(0) / m),
        "bp.dx": lambda p: (p["dx"], p["dy"] * p["gamma"] / s(p) if planted else
                            p["dxhat"] / s(p) + p["dvar"] * 2 * (p["x"] - p["mu"]) / m + p["dmu"] / m),
        "bp.dgamma": lambda p: (p["dgamma"], p["dy"].sum(0) if planted else (p["dy"] * p["xhat"]).sum(0)),
        "bp.dbeta": lambda p: (p["dbeta"], p["dy"].sum(0)),
    }


def cs231n_claims(planted: bool) -> dict:
    n = 4
    r = lambda p: (p["var"] + EPS) ** -0.5  # noqa: E731
    long = lambda p: (1 / n) * p["gamma"] * r(p) * (  # noqa: E731
        n * p["dy"] - (0 if planted else p["dy"].sum(0))
        - (p["x"] - p["mu"]) * (p["var"] + EPS) ** -1 * (p["dy"] * (p["x"] - p["mu"])).sum(0))
    alt = lambda p: (p["gamma"] * p["dy"] * r(p) if planted else  # noqa: E731
                     p["gamma"] * r(p) / n * (n * p["dy"] - p["dbeta"] - p["xhat"] * p["dgamma"]))
    return {
        "fwd.sample_mean": lambda p: (p["mu"], p["x"].sum(0) / n),
        "fwd.sample_var": lambda p: (p["var"], ((p["x"] - p["mu"]) ** 2).sum(0) / (n - 1 if planted else n)),
        "fwd.x_hat": lambda p: (p["xhat"], (p["x"] - p["mu"]) * r(p)),
        "fwd.out": lambda p: (p["y"], p["gamma"] * p["xhat"] + p["beta"]),
        "bwd.dbeta": lambda p: (p["dbeta"], p["dy"].sum(0) / (n if planted else 1)),
        "bwd.dgamma": lambda p: (p["dgamma"], (p["dy"] * p["xhat"]).sum(0)),
        "bwd.dx_hat": lambda p: (p["dxhat"], p["dy"] * p["gamma"]),
        "bwd.dx_long": lambda p: (p["dx"], long(p)),
        "bwd.dx_alt": lambda p: (p["dx"], alt(p)),
    }


# -- dropout: dropout_mlp (3 -> dense 4 + ReLU -> dropout p = 0.5 -> dense 2 + softmax), one sample ------------------

P_DROP = 0.5


def dropout_point(seed: int) -> dict:
    g = torch.Generator().manual_seed(seed)
    r = lambda *s: torch.rand(*s, generator=g) * 2 - 1  # noqa: E731
    W1, b1, W3, b3 = r(4, 3), r(4), r(2, 4), r(2)
    x = torch.randn(3, generator=g)
    label = torch.randint(0, 2, (1,), generator=g)
    mask = torch.tensor([1.0, 0.0, 1.0, 1.0]) if seed % 2 else torch.tensor([0.0, 1.0, 1.0, 0.0])
    W3 = W3.requires_grad_()
    z1 = (W1 @ x + b1).requires_grad_()
    h1 = torch.relu(z1)
    h1.retain_grad()
    h2 = mask * h1 / (1 - P_DROP)  # inverted dropout, from its definition
    h2.retain_grad()
    z3 = W3 @ h2 + b3
    z3.retain_grad()
    loss = torch.nn.functional.cross_entropy(z3[None], label)
    loss.backward()
    y = torch.nn.functional.one_hot(label[0], 2).to(torch.float64)
    return {"z1": z1.detach(), "h1": h1.detach(), "h2": h2.detach(), "z3": z3.detach(), "W3": W3.detach(), "b3": b3,
            "yhat": torch.softmax(z3.detach(), 0), "y": y, "mask": mask, "dz3": z3.grad, "dW3": W3.grad,
            "dh2": h2.grad, "dh1": h1.grad, "dz1": z1.grad}


def dropout_claims(planted: bool) -> dict:
    k = 1 if planted else 1 / (1 - P_DROP)
    return {
        "fwd.dropout": lambda p: (p["h2"], k * p["mask"] * p["h1"]),
        "fwd.out": lambda p: (p["z3"], p["W3"] @ p["h2"] + p["b3"]),
        "bwd.out": lambda p: (p["dz3"], p["yhat"] - p["y"]),
        "bwd.dW3": lambda p: (p["dW3"], torch.outer(p["dz3"], p["h1"] if planted else p["h2"])),
        "bwd.dh2": lambda p: (p["dh2"], p["W3"].T @ p["dz3"]),
        "bwd.dropout": lambda p: (p["dh1"], k * p["mask"] * p["dh2"]),
        "bwd.relu": lambda p: (p["dz1"], p["dh1"] * (p["z1"] > 0)),
    }


# -- a residual block: residual_he (3 -> dense 4 + tanh -> h + F(h), F = dense 4 + tanh, dense 4 -> dense 2) --------


def residual_point(seed: int) -> dict:
    g = torch.Generator().manual_seed(seed)
    r = lambda *s: torch.rand(*s, generator=g) * 2 - 1  # noqa: E731
    W1, b1, Wa, ba, Wb, bb, W3, b3 = r(4, 3), r(4), r(4, 4), r(4), r(4, 4), r(4), r(2, 4), r(2)
    x = torch.randn(3, generator=g)
    label = torch.randint(0, 2, (1,), generator=g)
    F = lambda h: Wb @ torch.tanh(Wa @ h + ba) + bb  # noqa: E731
    h1 = torch.tanh(W1 @ x + b1).detach().requires_grad_()
    f = F(h1)
    h2 = h1 + f
    h2.retain_grad()
    loss = torch.nn.functional.cross_entropy((W3 @ h2 + b3)[None], label)
    loss.backward()
    jac = torch.autograd.functional.jacobian(F, h1.detach())  # dF_i / dh1_j
    return {"h1": h1.detach(), "F": f.detach(), "h2": h2.detach(), "dh2": h2.grad, "dh1": h1.grad, "jac": jac}


def residual_claims(planted: bool) -> dict:
    return {
        "eq3": lambda p: (p["h2"], p["F"] if planted else p["h1"] + p["F"]),
        "eq5": lambda p: (p["dh1"], p["dh2"] @ p["jac"] if planted else p["dh2"] + p["dh2"] @ p["jac"]),
    }


GROUPS = {
    "ioffe_bn": (bn_point, ioffe_claims),
    "cs231n_bn": (bn_point, cs231n_claims),
    "dropout_d2l": (dropout_point, dropout_claims),
    "residual_he": (residual_point, residual_claims),
}


def main() -> None:
    manifest = tomllib.loads((HERE / "MANIFEST.toml").read_text())
    expect = {e["file"]: e["expect"] for e in manifest["answers"]}
    failures = []
    for stem, (point, claims) in GROUPS.items():
        points = [point(seed) for seed in range(4)]
        for planted in (False, True):
            file = f"{stem}_planted.toml" if planted else f"{stem}.toml"
            got = verdicts(points, claims(planted))
            for cid, want in expect[file].items():
                if got.get(cid) != want:
                    failures.append(f"{file} [{cid}]: oracle says {got.get(cid)}, MANIFEST says {want}")
            missing = set(got) - set(expect[file])
            if missing:
                failures.append(f"{file}: the oracle checks {sorted(missing)}, which MANIFEST.toml does not list")
    if failures:
        raise SystemExit("\n".join(failures))
    print("OK")


if __name__ == "__main__":
    main()
