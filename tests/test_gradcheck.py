"""Generated gradients against three oracles: brute-force SymPy differentiation, central differences, PyTorch autograd."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given

sys.path.insert(0, str(Path(__file__).resolve().parent / "codegen"))

from conftest import EXAMPLES, central_differences, derivation_of  # noqa: E402
from gradproof.codegen.loader import build  # noqa: E402
from gradproof.derive.derivation import derive  # noqa: E402
from gradproof.derive.spec import spec_from_dict  # noqa: E402
from networks import data_for, random_params, spec_tables, torch_gradients  # noqa: E402

IDS = [p.stem for p in EXAMPLES]


def assert_close(mine: dict, truth: dict, rtol: float, atol: float, what: str):
    assert mine.keys() == truth.keys()
    for key in mine:
        np.testing.assert_allclose(mine[key], truth[key], rtol=rtol, atol=atol, err_msg=f"{what}: d J / d {key}")


@pytest.mark.parametrize("spec", EXAMPLES, ids=IDS)
def test_examples_against_finite_differences_and_torch(spec, tmp_path):
    d = derivation_of(str(spec), False)
    mod = build(d, tmp_path)
    params = random_params(mod, 1)
    X, Y = data_for(d.network, 5, seed=2)
    grads = mod.gradients(params, X, Y)
    assert_close(grads, central_differences(lambda p: mod.loss(p, X, Y), params), 1e-5, 1e-7, "central differences")
    pytest.importorskip("torch")
    truth, J = torch_gradients(d.network, params, X, Y)
    assert mod.loss(params, X, Y) == pytest.approx(J, rel=1e-12, abs=1e-12)
    assert_close(grads, truth, 1e-9, 1e-11, "PyTorch autograd")


@pytest.mark.parametrize("spec", EXAMPLES, ids=IDS)
def test_examples_against_brute_force_symengine(spec, tmp_path):
    """Capped sizes (3-2-...-3, batch 2): dJ/dtheta by symengine.diff of the fully expanded loss, against the module."""
    from gradproof.derive.brute import gradient_function
    from gradproof.derive.checks import _sub_derivation, plan_windows

    d = derivation_of(str(spec), False)
    sub = _sub_derivation(d, plan_windows(d.network.depth)[0])
    mod = build(sub, tmp_path)
    X, Y = data_for(sub.network, 2, seed=3)
    f, symbols, _ = gradient_function(sub.network, X, Y)
    params = random_params(mod, 4)
    values = np.concatenate([np.asarray(params[k]).reshape(shape).ravel() for k, (shape, _) in symbols.items()])
    brute = f(values[None, :])[0]
    grads = mod.gradients(params, X, Y)
    mine = np.concatenate([np.asarray(grads[k]).reshape(shape).ravel() for k, (shape, _) in symbols.items()])
    np.testing.assert_allclose(mine, brute, rtol=1e-9, atol=1e-12)


@given(spec_tables())
def test_random_networks_against_finite_differences_and_torch(table):
    import tempfile

    d = derive(spec_from_dict(table), check=False)
    with tempfile.TemporaryDirectory() as tmp:
        mod = build(d, Path(tmp))
    params = random_params(mod, 5)
    X, Y = data_for(d.network, 4, seed=6)
    grads = mod.gradients(params, X, Y)
    assert_close(grads, central_differences(lambda p: mod.loss(p, X, Y), params), 1e-4, 1e-6, f"central differences, {table}")
    pytest.importorskip("torch")
    truth, J = torch_gradients(d.network, params, X, Y)
    assert mod.loss(params, X, Y) == pytest.approx(J, rel=1e-10, abs=1e-12)
    assert_close(grads, truth, 1e-8, 1e-10, f"PyTorch autograd, {table}")


@pytest.mark.parametrize("spec", EXAMPLES, ids=IDS)
def test_gradients_and_three_optimizer_steps_equal_torch(spec, tmp_path):
    """Every example: three steps of gradients + the module's own optimizer equal PyTorch -- autograd gradients of the
    torch twin at every step, the update by torch.optim where it implements the rule exactly (else by the rule's
    textbook formula, tests/codegen/test_optimizers.py) -- to 1e-7."""
    torch = pytest.importorskip("torch")
    from layer_twin import torch_key
    from test_optimizers import STATES, TORCH, hand_reference

    d = derivation_of(str(spec), False)
    net = d.network
    mod = build(d, tmp_path)
    X, Y = data_for(net, 6, seed=7)
    params = random_params(mod, 8)
    ours, state = {k: v.copy() for k, v in params.items()}, None
    name, options = net.optimizer.name, dict(net.options)
    key = torch_key(name, options)
    theirs = {k: torch.tensor(v.copy(), dtype=torch.float64, requires_grad=True) for k, v in params.items()}
    opt = TORCH[key](torch, list(theirs.values()), net.hyper_dict) if key in TORCH else None
    by_hand = hand_reference(name, options, net.hyper_dict)
    hand_state = {k: {s: np.zeros_like(v) for s in STATES} for k, v in params.items()}
    for t in range(1, 4):
        grads = mod.gradients(ours, X, Y)
        truth, _ = torch_gradients(net, {k: v.detach().numpy() for k, v in theirs.items()}, X, Y)
        assert_close(grads, truth, 1e-7, 1e-9, f"step {t}: PyTorch autograd")
        state = state or mod.init_state(ours)
        mod.step(ours, grads, state)
        with torch.no_grad():
            for k, theta in theirs.items():
                if opt is None:
                    theta.copy_(torch.from_numpy(by_hand(theta.numpy().copy(), truth[k], hand_state[k], t)))
                else:
                    theta.grad = torch.from_numpy(truth[k].copy())
        if opt is not None:
            opt.step()
    for k in ours:
        np.testing.assert_allclose(ours[k], theirs[k].detach().numpy(), rtol=1e-7, atol=1e-9, err_msg=f"{spec.stem}: {k} ({key})")


@pytest.mark.parametrize("written, name", [("mse", "mean_squared_error"), ("mean_squared_error", "mean_squared_error"),
                                           ("sse", "sum_squared_error"), ("squared_error", "squared_error")])
@pytest.mark.parametrize("outputs", [1, 3])
def test_squared_error_losses_are_what_their_names_say(written, name, outputs, tmp_path):
    # "mse" is PyTorch's MSELoss and Keras' mse (a mean over the outputs too, no ½), "sse" the plain sum: each was
    # silently ½‖ŷ − y‖² before; the reference is torch's own mse_loss, not gradproof's formula
    table = {"name": "losses", "inputs": 3, "layers": [{"units": 4, "activation": "tanh"},
                                                        {"units": outputs, "activation": "identity"}],
             "loss": {"name": written}, "optimizer": {"name": "sgd", "learning_rate": 0.1}}
    d = derive(spec_from_dict(table), check=True)
    assert d.network.loss.name == name
    mod = build(d, tmp_path)
    params = random_params(mod, 7)
    X, Y = data_for(d.network, 5, seed=8)
    pytest.importorskip("torch")
    import torch

    P = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
    out = torch.tanh(torch.tensor(X) @ P["W1"].T + P["b1"]) @ P["W2"].T + P["b2"]
    target = torch.tensor(Y)
    mse = torch.nn.functional.mse_loss
    J = {"mean_squared_error": mse(out, target), "sum_squared_error": mse(out, target, reduction="sum") / 5,
         "squared_error": mse(out, target, reduction="sum") / 10}[name]
    J.backward()
    assert mod.loss(params, X, Y) == pytest.approx(float(J.detach()), rel=1e-12)
    assert_close(mod.gradients(params, X, Y), {k: v.grad.numpy() for k, v in P.items()}, 1e-9, 1e-12, name)
