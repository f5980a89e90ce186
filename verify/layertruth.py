"""Verify's truth for networks with layer kinds (batch norm, layer norm, dropout, residual blocks): the batch program.

``LayeredTruth`` is ``truth.Truth`` for a derivation with a batch program: every quantity comes from
``ProgramEvaluator.trace`` -- the assignments the proof shows and the generated module runs, executed one at a time,
so that an answer's own earlier value (its x̂, its μ_B) replaces the program's array and everything after it is
recomputed from it (an error carried forward), and a Jacobian by central differences perturbs any forward array.

Quantities of the top-level layer l, keyed as answers files name them (``xhat2``, ``dgamma2``):

- every layer: ``z{l}`` (its output before the activation: a dense layer's Z, batch norm's y = γ x̂ + β, a residual
  block's skip + body), ``h{l}`` (its output), ``dz{l}`` = ∂J/∂z of the mean J, ``dh{l}`` = ∂J/∂h, and both per-sample
  scalings ``delta{l}`` = N dz, ``dhs{l}`` = N dh (as for dense networks);
- dense: ``W``, ``b``, ``dW``, ``db`` (with the regularizer's term; ``dWL``/``dWR`` apart);
- batch / layer norm: ``gamma``, ``beta``, ``dgamma``, ``dbeta``, ``xhat``, ``mu``, ``var`` (batch statistics, biased
  variance), and Ioffe & Szegedy's partial derivatives ``dxhat`` = ∂J/∂x̂, ``dvar`` = ∂J/∂σ², ``dmu`` = ∂J/∂μ;
- dropout: ``mask`` (1 keeps a unit; an input: from [values] or drawn with the random point);
- residual: ``F`` (the body's output), ``P`` and ``dP`` (the projection when the width changes).

The layers of a residual block's body are not quantities of their own (their arrays run, they are not named).
"""

from __future__ import annotations

import re

import numpy as np
from gradproof.derive.errors import AnswerError
from gradproof.derive.numeric import ProgramEvaluator, elementwise
from gradproof.derive.symbols import YHAT, Y

from .truth import BIAS_KINDS, SAMPLES_DEFAULT, VECTOR_KINDS, Truth, check_memory, split_key, state_kind

#: per-sample arrays of a batch (a row per sample, as z and h): laid out like VECTOR_KINDS
SAMPLE_KINDS = ("xhat", "dxhat", "mask", "F")
#: per-feature vectors (one entry per unit, like a bias)
FEATURE_KINDS = ("gamma", "beta", "dgamma", "dbeta")
#: statistics: per feature in batch norm, per sample in layer norm
STAT_KINDS = ("mu", "var", "dmu", "dvar")
LAYER_KINDS = SAMPLE_KINDS + FEATURE_KINDS + STAT_KINDS + ("P", "dP")
_TOP = re.compile(r"([A-Za-z]+?)(\d+)$")


def top_layers(net):
    """The top-level layers (a residual block's body is part of its block)."""
    return list(net.layers)


class LayeredTruth(Truth):
    """The quantities of a network with layer kinds for a batch, from its batch program (see the module docstring).

    The optimizer (``step``, ``state_names``, ``later_state``) and the random targets are ``truth.Truth``'s; the
    quantities, the random parameters and masks, and their layout are the program's."""

    def __init__(self, derivation, batch: int = 1):  # noqa: D107 -- Truth's own __init__ would build a dense evaluator

        self.d = derivation
        self.net = net = derivation.network
        self.program = derivation.program
        kinds = {layer.kind for layer in _all_layers(net.layers)}
        if "batchnorm" in kinds and batch < 2:
            raise AnswerError(f"{net.source}: the network has batch norm, whose statistics are over a batch: give the "
                              "answers file a batch of 2 or more samples (batch = 4, or [values] x with several rows)")
        self.ev = ProgramEvaluator(derivation)
        self.batch = batch
        self.row = net.convention == "row"
        self.samples = SAMPLES_DEFAULT[batch == 1]
        self.dloss = elementwise(derivation.output.dloss, [YHAT, Y])
        self._steps: dict = {}
        self.reg = None
        self.params = {p.key: p for p in self.program.params}
        self.masks = {m.key: m for m in self.program.masks}
        self.layers = {layer.index: layer for layer in top_layers(net)}
        self.arrays = _layer_arrays(self.program, net)  # l -> {"z": "Z2", "h": "H2", "dz": "D2", "dh": "dH_H2", ...}
        self.stat_role = {}  # mu/var of layer l: "feature" (batch norm) or "sample" (layer norm)
        for l, layer in self.layers.items():
            if layer.kind in ("batchnorm", "layernorm"):
                self.stat_role[l] = "feature" if layer.kind == "batchnorm" else "sample"

    def trained(self, params: dict) -> dict:
        return {k: v for k, v in params.items() if k in self.params}

    # -- inputs --------------------------------------------------------------------------------------
    def random_point(self, rng: np.random.Generator):
        """Random parameters (γ near 1), a random batch, a random target and a random dropout mask per layer (kept
        with the parameters: ``mask3``)."""
        check_memory(tuple(self.net.sizes), self.batch)
        params = {}
        for k, spec in self.params.items():
            params[k] = rng.uniform(0.5, 1.5, size=spec.shape) if spec.init == "ones" else rng.uniform(-1, 1, size=spec.shape)
        for k, m in self.masks.items():
            params[k] = (rng.random((self.batch, m.width)) >= m.p).astype(float)
        X = rng.normal(size=(self.batch, self.net.inputs))
        return params, X, self.random_targets(rng, self.net.output.units)

    # -- the pipeline --------------------------------------------------------------------------------
    def compute(self, params: dict, X, Y, over: dict | None = None, variant=None, state: dict | None = None,
                optimizer_variant=None) -> dict[str, np.ndarray]:
        """Every quantity (keys as in answers files, samples as rows); ``over`` fixes some of them (the answer's own
        values), ``state`` is the optimizer state before the step. ``variant`` (an activation's mistaken derivative,
        a dense network's catalogue) does not apply here: the program's own derivatives are used."""
        over = over or {}
        n = len(X)
        params = {k: np.asarray(over.get(k, v), dtype=float) for k, v in params.items()}
        masks = {k: params[k] for k in self.masks}
        X, Y = np.asarray(over.get("x", X), dtype=float), np.asarray(over.get("y", Y), dtype=float)
        arr = self._program_over(over, n)
        t = self.ev.trace({k: v for k, v in params.items() if k in self.params}, X, Y, masks, arr)
        L = self.net.depth
        out: dict[str, np.ndarray] = {"x": X, "y": Y, **params}
        for l, names_ in self.arrays.items():
            for kind in ("z", "h", "xhat", "mu", "var", "mask", "dz", "dh", "dgamma", "dbeta", "dW", "db", "dP"):
                if kind in names_ and names_[kind] in t:
                    out[f"{kind}{l}"] = t[names_[kind]]
            if self.layers[l].kind == "residual":
                out[f"F{l}"] = t[names_["body"]]
        yhat = out["yhat"] = out[f"h{L}"]
        out["dyhat"] = out[f"dh{L}"] = over.get("dyhat", self.dloss(yhat, Y) / n)
        for l in self.arrays:
            if self.layers[l].kind in ("batchnorm", "layernorm"):
                self._normalisation_partials(out, l, t)
        out["lossc"] = self.ev.loss_component(yhat, Y)
        out["lossn"] = out["lossc"].sum(axis=1, keepdims=True)
        out["lossL"] = float(out["lossc"].sum() / n)
        trained = self.trained(params)
        out["lossR"] = self.ev.regularization(trained, n)
        out["loss"] = out["lossL"] + out["lossR"]
        grads = {}
        for k in trained:
            data = t[f"d{k}"]
            reg = np.zeros_like(data)
            if self.ev.reg_grad is not None and k in self.ev.penalised:
                reg = self.ev.reg_grad(trained[k], np.full_like(trained[k], n))
            m = _TOP.fullmatch(k)
            if m and m.group(1) in ("W", "b"):
                out[f"d{m.group(1)}L{m.group(2)}"], out[f"d{m.group(1)}R{m.group(2)}"] = data, reg
            grads[f"d{k}"] = over.get(f"d{k}", data + reg)
            if m:
                out[f"d{k}"] = grads[f"d{k}"]
        new = self.optimizer_step(out, trained, grads, state, over, optimizer_variant)
        out["loss_next"] = self.ev.loss(new, X, Y, masks=masks)
        for l in self.arrays:
            if f"dz{l}" in out:
                out[f"delta{l}"] = out[f"dz{l}"] * n
            if f"dh{l}" in out:
                out[f"dhs{l}"] = out[f"dh{l}"] * n
        out["dyhats"] = out["dyhat"] * n
        return {k: v for k, v in out.items() if "_" not in k or k.endswith(("_next", "_prev")) or re.fullmatch(r"[A-Za-z]+_[Wb]\d+", k)}

    def _program_over(self, over: dict, n: int) -> dict:
        """The answer's values (quantity keys) as the program's arrays (X, Z2, Xhat2, D3, dH_H2 …)."""
        arr = {}
        if "x" in over:
            arr["X"] = over["x"]
        if "y" in over:
            arr["Y"] = over["y"]
        for l, names_ in self.arrays.items():
            for kind in ("z", "h", "xhat", "mu", "var", "mask"):
                if f"{kind}{l}" in over and kind in names_:
                    arr[names_[kind]] = over[f"{kind}{l}"]
            if l == self.net.depth and "yhat" in over:
                arr[names_["h"]] = over["yhat"]
            for kind, scale in (("dz", 1), ("delta", n), ("dh", 1), ("dhs", n)):
                target = names_.get("dz" if kind in ("dz", "delta") else "dh")
                if f"{kind}{l}" in over and target is not None:
                    arr[target] = np.asarray(over[f"{kind}{l}"], dtype=float) / scale
        return arr

    def _normalisation_partials(self, out: dict, l: int, t: dict) -> None:
        """Ioffe & Szegedy's ∂ℓ/∂x̂ = ∂ℓ/∂y γ, ∂ℓ/∂σ² = Σ ∂ℓ/∂x̂ (x − μ) (−½)(σ² + ε)^(−3/2), ∂ℓ/∂μ = Σ ∂ℓ/∂x̂ (−1/√(σ² + ε))
        + ∂ℓ/∂σ² Σ −2(x − μ)/m (sums over the batch for batch norm, over the features for layer norm): the partial
        derivatives of the computation graph μ → σ² → x̂ → y, from the program's arrays."""
        layer, names_ = self.layers[l], self.arrays[l]
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

    # -- course layout -------------------------------------------------------------------------------
    def role(self, kind: str, layer: int | None) -> str:
        """How a quantity is laid out: "sample" (a row per sample), "feature" (a vector per unit), "other"."""
        base = kind.rstrip("LR") if kind in ("dWL", "dWR", "dbL", "dbR") else kind
        if kind in STAT_KINDS:
            return "sample" if self.stat_role.get(layer) == "sample" else "feature"
        if base in VECTOR_KINDS or base in SAMPLE_KINDS:
            return "sample"
        if base in BIAS_KINDS or base in FEATURE_KINDS or base in ("gamma_next", "beta_next"):
            return "feature"
        return "other"

    def to_course(self, values: dict) -> dict:
        env = {}
        for k, v in values.items():
            kind, layer = split_key(k)
            if kind is None:
                continue
            env[(kind, layer)] = self.course(kind, layer, np.asarray(v, dtype=float))
        return env

    def course(self, kind: str, layer, v: np.ndarray) -> np.ndarray:
        role = self.role(state_kind(kind)[1] if state_kind(kind) else kind, layer)
        if v.ndim == 0 or role == "other":
            return v
        if role == "sample":
            return v.T if self.samples == "columns" else v
        return v.reshape(-1, 1) if self.samples == "columns" else v.reshape(1, -1)

    def course_value(self, kind: str, v: np.ndarray) -> np.ndarray:
        return self.course(kind, None, v)

    def from_course(self, kind: str, v: np.ndarray, shape=None) -> np.ndarray:
        v = np.asarray(v, dtype=float)
        role = self.role(kind, None)
        if kind in STAT_KINDS and set(self.stat_role.values()) == {"sample"}:
            role = "sample"
        if role == "feature":
            return v.reshape(-1)
        if role == "sample" and self.batch == 1:
            return v.reshape(1, -1)
        if role == "sample" and self.samples == "columns":
            return v.T
        return v


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
    arrays = _layer_arrays(program, net)[l]
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


def _all_layers(layers):
    for layer in layers:
        yield layer
        yield from _all_layers(layer.body)


def _layer_arrays(program, net) -> dict[int, dict[str, str]]:
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


__all__ = ["LAYER_KINDS", "LayeredTruth", "expected_tex", "quantity_tex"]
