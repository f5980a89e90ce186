"""Adding a layer kind touches its registry entry, its emitter and its names (docs/ARCHITECTURE.md "Adding a layer
kind"): a throwaway ``scale`` kind (y = a * x, a learned per feature) registered here in those three places only is
derived, checked by the brute force from its forward definition, proved (the LaTeX document) and printed as a module
whose gradients are the program's. A wrong backward line of it fails the check."""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pytest
from gradproof.derive import checks, layers, names, program
from gradproof.derive.derivation import derive
from gradproof.derive.numeric import ProgramEvaluator
from gradproof.derive.spec import spec_from_dict


def _scale_forward(layer, rows: list, ctx) -> list:
    a = ctx.vector(layer, "a", layer.units)
    return [[a[j] * x for j, x in enumerate(row)] for row in rows]


def _scale_emitter(self, layer, h_in: str, width: int, last: bool):
    name = layer.name
    a, z = f"a{name}", f"Z{name}"
    self.params.append(program.ParamSpec(a, (width,), "ones", (width, width), False, "scale"))
    self.fwd(z, f"{h_in} * {a}", ("N", width), "scale", f"z{name} = a{name} * h",
             f"{program._t(z)} = {program._dot(program._t(a), program._t(h_in))}")
    h, act_back = self.activation(layer, z, width)

    def emit(dh):
        d = act_back(dh)
        self.bwd(f"d{a}", f"np.sum({d} * {h_in}, axis=0)", (width,), "scale-da", f"dJ/da{name} = sum over samples of d h",
                 f"{program._t('d' + a)} = \\sum_n {program._t(d)} \\odot {program._t(h_in)}")
        if h_in == "X":
            return None
        self.bwd(f"dH_{h_in}", f"{d} * {a}", ("N", width), "scale-dh", f"dJ/dh = a{name} * d",
                 f"{program._t('dH_' + h_in)} = {program._dot(program._t(a), program._t(d))}")
        return f"dH_{h_in}"

    return h, width, emit


@pytest.fixture()
def scale_kind(monkeypatch):
    # 1. the registry entry with its forward definition
    monkeypatch.setitem(layers.KINDS, "scale", layers.LayerKind("scale", "y = a * x, a learned per feature", params=("a",),
                                                                same_width=True, forward=_scale_forward))
    # 2. its emitter
    monkeypatch.setattr(program._Builder, "scale", _scale_emitter, raising=False)
    # 3. the LaTeX of its letter
    monkeypatch.setitem(names.ARRAY_LATEX, "a", r"\mathbf{a}")
    monkeypatch.setattr(names, "_ARRAY", re.compile(names._ARRAY.pattern.replace("[XYZHMPWbDG]", "[XYZHMPWbDGa]")))
    return spec_from_dict({"name": "scalenet", "inputs": 3, "layers": [
        {"units": 4, "activation": "tanh"}, {"kind": "scale", "activation": "sigmoid"}, {"units": 3, "activation": "softmax"}],
        "loss": {"name": "cross_entropy"}, "optimizer": {"name": "sgd"}}, "scalenet.toml")


def test_a_kind_in_three_places_is_derived_checked_proved_and_printed(scale_kind):
    from gradproof.codegen.render import render_module
    from gradproof.proof.document import render_proof

    d = derive(scale_kind)
    assert d.all_passed and d.checks[-1].what == "batch program" and d.checks[-1].passed
    assert "a2" in d.program.param_keys
    tex = render_proof(d)
    assert "scale" in tex and r"\mathbf{a}" in tex
    source = render_module(d, "scalenet.toml")
    namespace: dict = {"__name__": "scalenet"}
    exec(compile(source, "scalenet.py", "exec"), namespace)  # noqa: S102 -- the module printed just above
    rng = np.random.default_rng(0)
    params = {k: v + rng.normal(size=v.shape) * 0.3 for k, v in namespace["init_params"]().items()}
    X, Y = rng.normal(size=(5, 3)), np.eye(3)[[0, 1, 2, 1, 0]]
    mine, theirs = namespace["gradients"](params, X, Y), ProgramEvaluator(d).gradients(params, X, Y)
    for k in params:
        np.testing.assert_allclose(mine[k], theirs[names.grad(k)], rtol=1e-12, atol=1e-14)


def test_a_wrong_backward_line_of_the_new_kind_fails_the_check(scale_kind):
    d = derive(scale_kind, check=False)
    sub = checks._layered_sub(d, (1, 2, 3))
    i = next(i for i, a in enumerate(sub.program.backward) if a.equation == "scale-da")
    wrong = dataclasses.replace(sub.program.backward[i], code=sub.program.backward[i].code + " * 1.01")
    bad = dataclasses.replace(sub, program=dataclasses.replace(
        sub.program, backward=(*sub.program.backward[:i], wrong, *sub.program.backward[i + 1:])))
    assert checks.check_layered(sub, (1, 2, 3)).passed
    c = checks.check_layered(bad, (1, 2, 3))
    assert not c.passed and c.max_error > 1e-3
