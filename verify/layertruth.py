"""The layer kinds' quantities in verify (batch norm, layer norm, dropout, residual blocks): where each lives in the
batch program, how it is laid out, and its LaTeX. ``truth.Truth`` computes every quantity from the program.

Quantities of the top-level layer l, keyed as answers files name them (``xhat2``, ``dgamma2``), beside every layer's
``z h dz dh delta dhs`` (``truth.py``):

- dense: ``W``, ``b``, ``dW``, ``db`` (with the regularizer's term; ``dWL``/``dWR`` apart);
- batch / layer norm: ``gamma``, ``beta``, ``dgamma``, ``dbeta``, ``xhat``, ``mu``, ``var`` (batch statistics, biased
  variance), and Ioffe & Szegedy's partial derivatives ``dxhat`` = ∂J/∂x̂, ``dvar`` = ∂J/∂σ², ``dmu`` = ∂J/∂μ;
- dropout: ``mask`` (1 keeps a unit; an input: from [values] or drawn with the random point);
- residual: ``F`` (the body's output), ``P`` and ``dP`` (the projection when the width changes). For every layer,
  ``z`` is its output before the activation (batch norm's y = γ x̂ + β, a residual block's skip + body).

The layers of a residual block's body are not quantities of their own (their arrays run, they are not named).
"""

from __future__ import annotations

import numpy as np

#: per-sample arrays of a batch (a row per sample, as z and h): laid out like truth.VECTOR_KINDS
SAMPLE_KINDS = ("xhat", "dxhat", "mask", "F")
#: per-feature vectors (one entry per unit, like a bias)
FEATURE_KINDS = ("gamma", "beta", "dgamma", "dbeta")
#: statistics: per feature in batch norm, per sample in layer norm
STAT_KINDS = ("mu", "var", "dmu", "dvar")
LAYER_KINDS = SAMPLE_KINDS + FEATURE_KINDS + STAT_KINDS + ("P", "dP")


def normalisation_partials(out: dict, l: int, layer, names_: dict, t: dict) -> None:
    """Ioffe & Szegedy's ∂ℓ/∂x̂ = ∂ℓ/∂y γ, ∂ℓ/∂σ² = Σ ∂ℓ/∂x̂ (x − μ) (−½)(σ² + ε)^(−3/2), ∂ℓ/∂μ = Σ ∂ℓ/∂x̂ (−1/√(σ² + ε))
    + ∂ℓ/∂σ² Σ −2(x − μ)/m (sums over the batch for batch norm, over the features for layer norm) of the norm layer
    ``layer`` (top-level index ``l``, its arrays ``names_``) into ``out``: the partial derivatives of the computation
    graph μ → σ² → x̂ → y, from the program's arrays ``t`` and the quantities in ``out`` (mu, var, gamma, dz)."""
    axis = 0 if layer.kind == "batchnorm" else 1
    keep = axis == 1
    eps = layer.settings_dict["eps"]
    x = t[names_["input"]] if names_["input"] != "X" else out["x"]
    mu, var, gamma = out[f"mu{l}"], out[f"var{l}"], out[f"gamma{l}"]
    dxhat = out[f"dxhat{l}"] = out[f"dz{l}"] * gamma
    m = x.shape[axis]
    dvar = out[f"dvar{l}"] = np.sum(dxhat * (x - mu) * -0.5 * (var + eps) ** -1.5, axis=axis, keepdims=keep)
    out[f"dmu{l}"] = (np.sum(-dxhat / np.sqrt(var + eps), axis=axis, keepdims=keep)
                      + dvar * np.sum(-2 * (x - mu), axis=axis, keepdims=keep) / m)


#: Ioffe & Szegedy's partial derivatives, which the program does not name (it prints the compact dx)
_PARTIALS_TEX = {
    "dxhat": r"\frac{{\partial J}}{{\partial {z}}} \odot {gamma}",
    "dvar": r"\sum_n \frac{{\partial J}}{{\partial {xhat}}} \odot ({x} - {mu}) \odot \left(-\tfrac{{1}}{{2}}\right) "
            r"({var} + \epsilon)^{{-3/2}}",
    "dmu": r"\sum_n \frac{{\partial J}}{{\partial {xhat}}} \odot \frac{{-1}}{{\sqrt{{{var} + \epsilon}}}}",
}


def expected_tex(derivation, kind: str, l: int | None) -> str | None:
    """The right side of the proof's assignment of ``kind`` in layer ``l`` (batch matrices, samples as rows), as the
    program prints it (the compact batch-norm dx, dγ = Σ dy ⊙ x̂ …); None when the program has no such line."""
    program, net = derivation.program, derivation.network
    if l is None or not isinstance(l, int) or l not in {layer.index for layer in net.layers}:
        return None
    arrays = layer_arrays(program, net)[l]
    if kind in _PARTIALS_TEX and "xhat" in arrays:
        from gradproof.derive import names

        t = {k: names.tex_array(arrays[k]) for k in ("z", "xhat", "mu", "var", "input") if k in arrays}
        name = str(l)
        return _PARTIALS_TEX[kind].format(z=t["z"], xhat=t["xhat"], x=t["input"], mu=t["mu"], var=t["var"],
                                          gamma=names.tex_array(f"gamma{name}"))
    target = arrays.get(kind, f"{kind}{l}" if kind in ("dW", "db", "dgamma", "dbeta", "dP") else None)
    if kind in ("dW", "db", "dgamma", "dbeta", "dP"):
        target = f"{kind}{l}"
    lines = [a for a in program.backward if a.target == target] or [
        a for a in program.forward if a.target == target and a.mode in ("both", "train")]
    if not lines:
        return None
    return lines[-1].tex.split(" = ", 1)[1] if " = " in lines[-1].tex else None


def quantity_tex(kind: str, layer: int | None) -> str:
    """LaTeX of a layer-kind quantity: ('gamma', 2) -> \\boldsymbol{\\gamma}^{(2)}, ('dvar', 2) -> ∂J/∂(σ^{(2)})²."""
    from gradproof.derive import names

    array = {"xhat": "Xhat", "mask": "M", "F": "F", "dxhat": "dXhat"}.get(kind, kind)
    if kind == "F":
        return rf"\mathbf{{F}}{names.sup(layer)}" if layer is not None else r"\mathbf{F}"
    if kind in ("dxhat", "dmu", "dvar"):
        return names.tex_partial("J", names.tex_array(f"{kind[1:].replace('xhat', 'Xhat')}{layer}"))
    return names.tex_array(f"{array}{layer if layer is not None else ''}")


def layer_arrays(program, net) -> dict[int, dict[str, str]]:
    """For each top-level layer: the program's array names of its quantities ({"z": "Z2", "h": "H2", "dz": "D2",
    "dh": "dH_H2", "input": "Z1", "xhat": "Xhat2", ...}), read from the program's assignments."""
    targets = {a.target for a in program.forward} | {a.target for a in program.backward}
    out: dict[int, dict[str, str]] = {}
    prev = "X"
    for layer in net.layers:
        l, name = layer.index, layer.name
        a = {"input": prev}
        h = f"H{name}" if f"H{name}" in targets else f"Z{name}"
        a["h"] = h
        a["z"] = f"Z{name}" if f"Z{name}" in targets else h
        if f"D{name}" in targets:
            a["dz"] = f"D{name}"
        elif f"dH_{a['z']}" in targets:
            a["dz"] = f"dH_{a['z']}"
        if f"dH_{h}" in targets:
            a["dh"] = f"dH_{h}"
        elif a["z"] == h and "dz" in a:
            a["dh"] = a["dz"]
        for kind, arr in (("xhat", f"Xhat{name}"), ("mu", f"mu{name}"), ("var", f"var{name}"), ("mask", f"M{name}")):
            if arr in targets:
                a[kind] = arr
        for p in ("gamma", "beta", "W", "b", "P"):
            if f"d{p}{name}" in targets:
                a[f"d{p}"] = f"d{p}{name}"
        if layer.kind == "residual":
            a["body"] = _body_output(layer)
        out[l] = a
        prev = h
    return out


def _body_output(block) -> str:
    """The array a residual block's body ends in (its last layer's output)."""
    last = block.body[-1]
    if last.kind == "residual" or last.kind == "dropout" or (last.activation != "identity" or last.formula is not None):
        return f"H{last.name}" if last.kind != "residual" or last.activation != "identity" else f"Z{last.name}"
    return f"Z{last.name}"


__all__ = ["LAYER_KINDS", "expected_tex", "layer_arrays", "normalisation_partials", "quantity_tex"]
