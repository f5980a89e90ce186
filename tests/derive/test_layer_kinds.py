"""Layer kinds: spec refusals, the derived normalisation backward passes, the batch program against PyTorch."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import sympy as sp
from conftest import random_data
from gradproof.derive import normalization as nz
from gradproof.derive.derivation import derive
from gradproof.derive.errors import SpecError
from gradproof.derive.layers import KINDS
from gradproof.derive.numeric import ProgramEvaluator
from gradproof.derive.spec import spec_from_dict
from layer_twin import TABLES, random_layer_params, random_masks, torch_forward, torch_objective, torch_optimizer

DENSE_OUT = {"units": 3, "activation": "softmax"}


def _table(*layers):
    return {"name": "t", "inputs": 4, "layers": [*layers, DENSE_OUT], "loss": {"name": "cross_entropy"},
            "optimizer": {"name": "sgd"}}


@pytest.mark.parametrize(("layer", "message"), [
    ({"kind": "batchnrm"}, "layer 1: kind: unknown layer kind 'batchnrm'; did you mean 'batchnorm'?; choose one of dense, "
                           "batchnorm, layernorm, dropout, residual"),
    ({"kind": "batchnorm", "p": 0.1}, "layer 1: key 'p' belongs to kind dropout, not batchnorm; batchnorm takes eps, momentum, "
                                      "activation"),
    ({"units": 3, "activation": "batchnorm"}, "layer 1: 'batchnorm' is a layer kind, not an activation: write kind = "
                                              "\"batchnorm\" in its own [[layers]] table"),
    ({"units": 3, "activation": "relu", "eps": 1e-3}, "layer 1: key 'eps' belongs to kind batchnorm or layernorm; add kind = "
                                                      "\"batchnorm\""),
    ({"kind": "layernorm", "units": 4}, "layer 1: a layernorm layer keeps the width of its input (4); remove 'units'"),
    ({"kind": "dropout", "p": 1.0}, "layer 1: p: 1.0 must be below 1"),
    ({"kind": "residual"}, "layer 1: a residual layer needs its body: add [[layers.body]] tables"),
    ({"kind": "residual", "body": [{"units": 2, "activation": "softmax"}]}, "layer 1.1: softmax is supported only as the "
                                                                            "output layer's activation"),
])
def test_refusals_name_the_layer_and_the_fix(layer, message):
    with pytest.raises(SpecError) as err:
        spec_from_dict(_table(layer))
    assert message in str(err.value)


def test_kind_dense_is_the_default_and_the_last_layer_must_be_dense():
    plain = spec_from_dict(_table({"units": 5, "activation": "tanh"}))
    explicit = spec_from_dict(_table({"kind": "dense", "units": 5, "activation": "tanh"}))
    assert plain == explicit and not plain.has_kinds
    table = _table()
    table["layers"] = [{"units": 3, "activation": "tanh"}, {"kind": "layernorm"}]
    with pytest.raises(SpecError, match="layer 2: the last layer gives the outputs and the loss, so it must be dense"):
        spec_from_dict(table)


def test_batch_norm_backward_is_the_compact_form():
    r = nz.derive_normalization("batch")
    N, s, g = nz.N, nz.SIGMA, nz.GAMMA
    dy, xh, n, i = nz.dy, nz.xhat, nz.n, nz.i
    expected = g / (N * s) * (N * dy[i] - sp.Sum(dy[n], (n, 1, N)) - xh[i] * sp.Sum(dy[n] * xh[n], (n, 1, N)))
    assert sp.expand(r.dx_dy - expected) == 0
    assert r.dx_dy.args[0] == g / (N * s)  # shown factored, as a lecturer writes it
    assert r.dgamma == sp.Sum(dy[n] * xh[n], (n, 1, N)) and r.dbeta == sp.Sum(dy[n], (n, 1, N))
    assert dict(r.locals)["dv/dmu"] == 0


@pytest.mark.parametrize("axis", ["batch", "features"])
def test_normalisation_compact_form_against_brute_force(axis):
    err, detail = nz.check(nz.derive_normalization(axis), size=4, points=3, seed=7)
    assert err < 1e-12, detail


def test_the_classic_wrong_batch_norm_backward_fails_the_check():
    r = nz.derive_normalization("batch")
    wrong = dataclasses.replace(r, dx_dy=nz.GAMMA * nz.dy[nz.i] / nz.SIGMA)  # the mean and variance paths dropped
    err, _ = nz.check(wrong)
    assert err > 1e-3


@pytest.fixture(scope="module", params=sorted(TABLES))
def derived(request):
    return derive(spec_from_dict(TABLES[request.param], f"<{request.param}>"))


def test_checks_pass_and_say_how(derived):
    assert derived.all_passed
    methods = {c.method for c in derived.checks}
    assert methods == {"instantiation"} and any(c.what == "batch program" and c.engine == "symengine.diff" for c in derived.checks)


def test_loss_and_every_gradient_match_torch_in_training_mode(derived):
    torch = pytest.importorskip("torch")
    net, program = derived.network, derived.program
    rng = np.random.default_rng(3)
    X, Y = random_data(net, 5, rng)
    params, masks = random_layer_params(program, rng), random_masks(program, 5, rng)
    ev = ProgramEvaluator(derived)
    running = ev.init_running()
    J, P, run = torch_objective(net, params, X, Y, masks, running)
    J.backward()
    assert ev.loss(params, X, Y, masks=masks) == pytest.approx(float(J.detach()), rel=1e-10, abs=1e-12)
    grads = ev.gradients(params, X, Y, masks=masks, running=running)
    assert list(grads) == [f"d{k}" for k in program.param_keys]
    for key, tensor in P.items():
        np.testing.assert_allclose(grads[f"d{key}"], tensor.grad.numpy(), rtol=1e-7, atol=1e-9, err_msg=key)
    # running statistics updated as torch's batch_norm does (momentum, unbiased variance)
    assert set(running) == set(run)
    for key, value in run.items():
        np.testing.assert_allclose(running[key], value.numpy(), rtol=1e-12, err_msg=key)
    del torch


def test_inference_uses_running_statistics_and_no_dropout(derived):
    torch = pytest.importorskip("torch")
    net, program = derived.network, derived.program
    rng = np.random.default_rng(4)
    X, _ = random_data(net, 4, rng)
    params = random_layer_params(program, rng)
    ev = ProgramEvaluator(derived)
    running = {k: rng.uniform(0.5, 1.5, size=v.shape) for k, v in ev.init_running().items()}
    yhat, _ = ev.forward(params, X, train=False, running=running)
    P = {k: torch.tensor(v) for k, v in params.items()}
    expected, _ = torch_forward(net, P, torch.tensor(X), {}, train=False, running={k: torch.tensor(v) for k, v in running.items()})
    np.testing.assert_allclose(yhat, expected.numpy(), rtol=1e-10)


def test_three_optimizer_steps_match_torch(derived):
    torch = pytest.importorskip("torch")
    net, program = derived.network, derived.program
    rng = np.random.default_rng(5)
    X, Y = random_data(net, 6, rng)
    params, masks = random_layer_params(program, rng), random_masks(program, 6, rng)
    ev = ProgramEvaluator(derived)
    state = ev.init_state(params)
    ours = dict(params)
    P = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
    opt = torch_optimizer(torch, net, list(P.values()))
    for _ in range(3):
        ours = ev.step(ours, ev.gradients(ours, X, Y, masks=masks), state)
        opt.zero_grad()
        J, P2, _ = torch_objective(net, {k: v.detach().numpy() for k, v in P.items()}, X, Y, masks, ev.init_running())
        J.backward()
        for k in P:
            P[k].grad = P2[k].grad
        opt.step()
    for key, tensor in P.items():
        np.testing.assert_allclose(ours[key], tensor.detach().numpy(), rtol=1e-7, atol=1e-10, err_msg=key)


def test_a_projecting_residual_block_has_a_projection_and_the_regularizer_skips_gamma_beta(derived):
    program = derived.program
    penalised = {p.key for p in program.params if p.penalised}
    assert not any(k.startswith(("gamma", "beta")) for k in penalised)
    if derived.network.name == "res_net":
        assert "P4" in program.param_keys and "P2" not in program.param_keys


# -- the proof -------------------------------------------------------------------------------------------------


def test_the_proof_shows_each_kinds_derivation_and_numbers_what_the_module_cites(derived, tmp_path):
    import re
    import shutil

    from conftest import ROOT
    from gradproof.codegen.render import render_module
    from gradproof.derive.program import equation_numbers
    from gradproof.proof.document import render_proof, write_proof

    tex = render_proof(derived)
    program = derived.program
    nums = equation_numbers(program)
    tags = [int(t) for t in re.findall(r"\\(?:tag|eqnum)\{(\d+)\}", tex)]  # displays, and rows two to a line
    assert sorted(tags) == list(range(1, len(nums) + 1)) == sorted(nums.values())  # each number once
    assert tags == sorted(tags)  # in document order
    module = render_module(derived, str(ROOT / "examples" / "x.toml"))
    cited = {int(n) for n in re.findall(r"\(eq\. (\d+)\)", module)}
    assert cited <= set(nums.values()) and len(cited) > len(program.backward)
    if any(layer.kind == "batchnorm" for layer in derived.network.layers):
        # the compact result, derived: gamma/(N sigma) (N dy_i - sum dy - xhat_i sum dy xhat)
        assert (r"\frac{\gamma}{N \sigma} \left(N \bar{y}_{i} - \sum_{n} \bar{y}_{n} - \hat{x}_{i} \sum_{n} "
                r"\left(\bar{y}_{n} \hat{x}_{n}\right)\right)") in tex
        assert r"\frac{\partial \sigma^2}{\partial \mu} = -\frac{2}{N}\sum_k (x_k - \mu) = 0" in tex
    if derived.network.regularizer is not None and derived.network.has_kinds:
        assert r"only, not on $\boldsymbol{\gamma}, \boldsymbol{\beta}$" in tex
    free = [layer for layer in derived.network.all_layers if layer.kind == "dense" and not layer.bias]
    if free:  # bias = false: the layer has no bias parameter, no bias gradient, and the proof says so
        keys = {p.key for p in program.params}
        assert not {f"b{layer.name}" for layer in free} & keys and all(f"W{layer.name}" in keys for layer in free)
        assert not any(a.target in {f"db{layer.name}" for layer in free} for a in program.backward)
        assert r"\texttt{bias = false}" in tex and "no bias" in tex.replace("No layer has a bias", "no bias")
    if shutil.which("pdflatex"):
        assert write_proof(derived, tmp_path).pdf.stat().st_size > 10_000


def test_the_cli_end_to_end_and_verify_judges_with_the_programs_truth(tmp_path, capsys):
    from conftest import ROOT

    from gradproof.cli import main

    spec = ROOT / "examples" / "bn_mlp.toml"
    assert main(["derive", str(spec), "--no-pdf"]) == 0
    out = capsys.readouterr().out
    assert "gamma/(N sigma) (N dy - sum_n dy - xhat sum_n dy xhat)" in out and "all checks passed" in out
    assert main(["codegen", str(spec), "--out", str(tmp_path)]) == 0
    answers = tmp_path / "a.toml"
    (tmp_path / "bn_mlp.toml").write_text(spec.read_text(encoding="utf-8"), encoding="utf-8")  # specs resolve beside it
    claims = "[[claims]]\nid = \"1\"\nlatex = '\\delta^{(5)} = \\hat{y} - y'\n[[claims]]\nid = \"2\"\nlatex = '\\delta^{(5)} = \\hat{y}'\n"
    answers.write_text('spec = "bn_mlp.toml"\n' + claims)
    assert main(["verify", str(answers)]) == 2  # batch norm needs a batch: refused with the fix
    assert "give the answers file a batch of 2 or more samples" in capsys.readouterr().err
    answers.write_text('batch = 4\nspec = "bn_mlp.toml"\n' + claims)
    assert main(["verify", str(answers)]) == 1  # judged against the batch program's truth (tests/verify/test_layers.py)
    out = capsys.readouterr().out
    assert "✓ 1" in out and "✗ 2" in out


@pytest.mark.parametrize("convention", ["row", "column"])
@pytest.mark.parametrize("kind", sorted(set(KINDS) - {"dense"}))  # dense stacks: tests/test_gradcheck.py
def test_every_kind_in_both_conventions_against_torch(kind, convention):
    """One layer of each registered kind between dense layers: derived, checked, and equal to PyTorch's gradients."""
    pytest.importorskip("torch")
    layer = {"kind": kind}
    if kind == "residual":
        layer["body"] = [{"units": 2, "activation": "tanh"}]  # 3 -> 2: with a projection
    table = {"name": f"one_{kind}", "convention": convention, "inputs": 3,
             "layers": [{"units": 3, "activation": "sigmoid"}, layer, {"units": 2, "activation": "softmax"}],
             "loss": {"name": "cross_entropy"}, "regularization": {"name": "l2", "lambda": 0.1}, "optimizer": {"name": "sgd"}}
    d = derive(spec_from_dict(table))
    assert d.all_passed
    rng = np.random.default_rng(8)
    X, Y = random_data(d.network, 4, rng)
    params, masks = random_layer_params(d.program, rng), random_masks(d.program, 4, rng)
    J, P, _ = torch_objective(d.network, params, X, Y, masks, ProgramEvaluator(d).init_running())
    J.backward()
    grads = ProgramEvaluator(d).gradients(params, X, Y, masks=masks)
    for key, tensor in P.items():
        np.testing.assert_allclose(grads[f"d{key}"], tensor.grad.numpy(), rtol=1e-7, atol=1e-10, err_msg=key)


def test_hostile_kind_values_and_nested_bodies_are_refused():
    table = _table({"kind": ["batchnorm"]})
    expected = r"layer 1: kind: expected a name in quotes, one of dense, batchnorm, layernorm, dropout, residual; got \['batchnorm'\]"
    with pytest.raises(SpecError, match=expected):
        spec_from_dict(table)
    deep = {"kind": "residual", "body": [{"units": 2, "activation": "tanh"}] * 600}
    with pytest.raises(SpecError, match="more than 500 layers in all"):
        spec_from_dict(_table(deep))
