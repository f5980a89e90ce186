"""The brute force for layer kinds: the loss written out from the kinds' forward definitions (``layers.KINDS``),
differentiated by ``symengine.diff`` and compared with the batch program; its objective against PyTorch; planted wrong
backward lines fail; deep networks are checked in named windows."""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pytest
from conftest import random_data
from gradproof.derive import brute, checks
from gradproof.derive.derivation import derive
from gradproof.derive.errors import DerivationError
from gradproof.derive.numeric import ProgramEvaluator
from gradproof.derive.spec import spec_from_dict
from layer_twin import TABLES, random_layer_params, random_masks, torch_objective


@pytest.fixture(scope="module", params=sorted(TABLES))
def derived(request):
    return derive(spec_from_dict(TABLES[request.param], f"<{request.param}>"), check=False)


def test_the_expanded_objective_equals_torchs_loss(derived):
    """The brute force's forward pass (the registry's definitions, in SymEngine) computes PyTorch's loss: batch norm with
    batch statistics, layer norm, dropout with the given masks, residual sums, the regularizer on W and P only."""
    torch = pytest.importorskip("torch")
    net, program = derived.network, derived.program
    rng = np.random.default_rng(5)
    X, Y = random_data(net, 3, rng)
    params, masks = random_layer_params(program, rng), random_masks(program, 3, rng)
    J, symbols, numbers = brute.objective(net, X, Y, masks)
    assert set(symbols) == set(program.param_keys)
    assert all(symbols[k][0] == p.shape for k, p in zip(program.param_keys, program.params, strict=True))
    flat = [s for _, f in symbols.values() for s in f]
    value = brute.Program([*flat, *numbers.values], [J])(
        np.concatenate([*(params[k].ravel() for k in symbols), list(numbers.values.values())])[None, :])[0, 0]
    expected, _, _ = torch_objective(net, params, X, Y, masks, ProgramEvaluator(derived).init_running())
    assert value == pytest.approx(float(expected.detach()), rel=1e-12)
    del torch


def test_whole_networks_with_kinds_are_checked_by_symengine(derived):
    (*norms, whole) = checks.program_checks(derived)
    assert all(c.passed for c in (*norms, whole))
    assert {c.what for c in norms} <= {"batchnorm", "layernorm"} and all("symengine.diff" in c.detail for c in norms)
    depth = derived.network.depth
    assert whole.method == "instantiation" and whole.engine == "symengine.diff" and whole.what == "batch program"
    assert whole.window == tuple(range(1, depth + 1)) and whole.batch == checks.PROGRAM_BATCH and whole.points == checks.POINTS
    assert whole.count == sum(int(np.prod(p.shape)) for p in checks._layered_sub(derived, whole.window).program.params)
    assert whole.sizes[0] <= checks.CAP_INPUT and len(whole.sizes) == depth + 1 and whole.max_error < 1e-10


def _plant(sub, equation: str, wrong) -> object:
    """``sub`` with its program's first backward line of ``equation`` rewritten by ``wrong(code)``."""
    program = sub.program
    i = next(i for i, a in enumerate(program.backward) if a.equation == equation)
    a = program.backward[i]
    backward = (*program.backward[:i], dataclasses.replace(a, code=wrong(a.code)), *program.backward[i + 1:])
    return dataclasses.replace(sub, program=dataclasses.replace(program, backward=backward))


def _classic_bn(code: str) -> str:
    """dx = gamma dy / sigma: the mean and variance paths dropped (CS231n's classic mistake)."""
    gamma, sigma, dy = re.match(r"\((\w+) / \(n \* (\w+)\)\) \* \(n \* (\w+) - ", code).groups()
    return f"{gamma} * {dy} / {sigma}"


PLANTED = [
    ("bn_mlp", "bn-dx", _classic_bn),
    ("bn_mlp", "bn-dgamma", lambda code: code.replace(" * Xhat", " * 1.0 + 0 * Xhat")),  # dgamma = sum dy
    ("residual_mlp", "ln-dx", lambda code: re.sub(r" - Xhat\w+ \* sum_gx\w+", "", code)),  # the variance path dropped
    ("residual_mlp", "dropout-backward", lambda code: code.rsplit(" / ", 1)[0]),  # the 1/(1 - p) scaling forgotten
    ("residual_mlp", "residual-backward", lambda code: code.split(" + ")[-1]),  # the skip path dropped
    ("residual_mlp", "residual-dP", lambda code: f"{code} * 0.5"),
]


@pytest.mark.parametrize(("table", "equation", "wrong"), PLANTED, ids=[f"{t}-{e}" for t, e, _ in PLANTED])
def test_a_planted_wrong_backward_line_fails_the_check(table, equation, wrong):
    d = derive(spec_from_dict(TABLES[table], f"<{table}>"), check=False)
    window = tuple(range(1, d.network.depth + 1))
    sub = checks._layered_sub(d, window)
    assert checks.check_layered(sub, window).passed  # the program as derived passes
    bad = checks.check_layered(_plant(sub, equation, wrong), window)
    assert not bad.passed and bad.max_error > 1e-4, bad.detail


def test_penalize_bias_penalises_dense_biases_not_beta():
    """The regularizer applies to W, P and (with penalize_bias) the dense biases b, never to gamma or beta: the batch
    program once penalised beta too ("beta".startswith("b")), and the brute force caught it."""
    table = {"name": "t", "inputs": 3, "layers": [{"units": 3, "activation": "tanh"}, {"kind": "batchnorm"},
                                                  {"units": 2, "activation": "softmax"}],
             "loss": {"name": "cross_entropy"}, "regularization": {"name": "l2", "lambda": 0.5, "penalize_bias": True},
             "optimizer": {"name": "sgd"}}
    d = derive(spec_from_dict(table))
    assert d.all_passed and d.program.penalised_keys == ("W1", "b1", "W3", "b3")
    assert brute.penalised_keys(d.network, d.program.param_keys) == ["W1", "b1", "W3", "b3"]


def _residual_stack(blocks: int, norm: bool = True) -> dict:
    layers = [{"units": 5, "activation": "tanh"}]
    body = [{"kind": "layernorm"}] * norm + [{"units": 5, "activation": "relu"}]
    layers += [{"kind": "residual", "body": body}] * blocks
    return {"name": "deep_res", "inputs": 4, "layers": [*layers, {"units": 3, "activation": "softmax"}],
            "loss": {"name": "cross_entropy"}, "regularization": {"name": "l2", "lambda": 0.01}, "optimizer": {"name": "sgd"}}


def test_deep_networks_with_kinds_are_checked_in_named_windows():
    net = spec_from_dict(_residual_stack(6))  # 20 layers in all, bodies included
    assert len(net.all_layers) > checks.WIDE_DEPTH
    d = derive(net)
    windows = [c for c in d.checks if c.what == "batch program"]
    depth = net.depth
    assert [c.window for c in windows] == [(l, l + 1, depth) for l in range(1, depth - 1)]
    assert all(c.passed for c in windows) and all("layers " in c.detail for c in windows)
    repeated = [c for c in windows if c.same_as]
    assert repeated and all(r.same_as == (2, 3, depth) and r.sizes for r in repeated)


def test_the_largest_documented_residual_network_is_checked_not_refused():
    """249 residual blocks (500 layers in all, the documented maximum): windows, each distinct one checked once."""
    net = spec_from_dict(_residual_stack(249, norm=False))
    assert len(net.all_layers) == 500
    d = derive(net)
    windows = [c for c in d.checks if c.what == "batch program"]
    assert len(windows) == 249 and all(c.passed for c in windows)
    assert len({c.same_as or c.window for c in windows}) <= 4


def test_a_program_whose_parameters_differ_from_the_definitions_is_an_error():
    d = derive(spec_from_dict(TABLES["bn_mlp"], "<bn_mlp>"), check=False)
    window = tuple(range(1, d.network.depth + 1))
    sub = checks._layered_sub(d, window)
    program = dataclasses.replace(sub.program, params=sub.program.params[1:])
    with pytest.raises(DerivationError, match="are not those of the layers' definitions"):
        checks.check_layered(dataclasses.replace(sub, program=program), window)
