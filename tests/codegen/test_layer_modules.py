"""Generated modules with layer kinds against PyTorch autograd and the evaluator: training and inference modes."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from conftest import ROOT, random_data
from gradproof.codegen.loader import build
from gradproof.derive.derivation import derive
from gradproof.derive.numeric import ProgramEvaluator
from gradproof.derive.spec import load_spec, spec_from_dict
from layer_twin import TABLES, random_layer_params, random_masks, torch_forward, torch_key, torch_objective

SPECS = {**{name: ("table", table) for name, table in TABLES.items()},
         "bn_mlp.toml": ("file", ROOT / "examples" / "bn_mlp.toml"),
         "residual_mlp.toml": ("file", ROOT / "examples" / "residual_mlp.toml"),
         # "mse" is PyTorch's MSELoss (a mean over the outputs too): the twin uses torch's own mse_loss
         "residual_mse": ("table", {**TABLES["residual_mlp"], "name": "residual_mse", "loss": {"name": "mse"}})}


@pytest.fixture(scope="module", params=sorted(SPECS))
def case(request, tmp_path_factory):
    how, what = SPECS[request.param]
    net = spec_from_dict(what, f"<{request.param}>") if how == "table" else load_spec(what)
    d = derive(net, check=False)
    return d, build(d, tmp_path_factory.mktemp("layers"))


def test_gradients_loss_and_running_statistics_match_torch(case):
    pytest.importorskip("torch")
    d, mod = case
    rng = np.random.default_rng(11)
    X, Y = random_data(d.network, 7, rng)
    params, masks = random_layer_params(d.program, rng), random_masks(d.program, 7, rng)
    running = mod.init_running(params)
    J, P, run = torch_objective(d.network, params, X, Y, masks, mod.init_running(params))
    J.backward()
    assert mod.loss(params, X, Y, masks=masks) == pytest.approx(float(J.detach()), rel=1e-10)
    grads = mod.gradients(params, X, Y, masks=masks, running=running)
    assert tuple(grads) == mod.PARAM_KEYS == d.program.param_keys
    for key in mod.PARAM_KEYS:
        assert grads[key].shape == params[key].shape == mod.PARAM_SHAPES[key]
        np.testing.assert_allclose(grads[key], P[key].grad.numpy(), rtol=1e-7, atol=1e-10, err_msg=key)
    assert tuple(running) == mod.RUNNING_KEYS
    for key, value in run.items():
        np.testing.assert_allclose(running[key], value.numpy(), rtol=1e-12, err_msg=key)


def test_inference_matches_torch_eval_mode(case):
    torch = pytest.importorskip("torch")
    d, mod = case
    rng = np.random.default_rng(12)
    X, _ = random_data(d.network, 5, rng)
    params = random_layer_params(d.program, rng)
    running = {k: rng.uniform(0.5, 1.5, size=v.shape) for k, v in mod.init_running(params).items()}
    yhat, _ = mod.forward(params, X, running=running)
    expected, _ = torch_forward(d.network, {k: torch.tensor(v) for k, v in params.items()}, torch.tensor(X), {}, False,
                                {k: torch.tensor(v) for k, v in running.items()})
    np.testing.assert_allclose(yhat, expected.numpy(), rtol=1e-10)
    fresh, _ = mod.forward(params, X, running=mod.init_running(params))
    np.testing.assert_array_equal(mod.forward(params, X)[0], fresh)  # no running statistics: fresh ones
    assert mod.predict(params, X, running).shape[0] == 5


def test_the_module_agrees_with_the_evaluator_for_three_optimizer_steps(case):
    d, mod = case
    rng = np.random.default_rng(13)
    X, Y = random_data(d.network, 6, rng)
    params, masks = random_layer_params(d.program, rng), random_masks(d.program, 6, rng)
    ev = ProgramEvaluator(d)
    ours, theirs = {k: v.copy() for k, v in params.items()}, dict(params)
    state, ev_state = mod.init_state(ours), ev.init_state(theirs)
    for _ in range(3):
        mod.step(ours, mod.gradients(ours, X, Y, masks=masks), state)
        theirs = ev.step(theirs, ev.gradients(theirs, X, Y, masks=masks), ev_state)
    for key in mod.PARAM_KEYS:
        np.testing.assert_allclose(ours[key], theirs[key], rtol=1e-9, atol=1e-12, err_msg=key)


def test_three_optimizer_steps_match_torch(case):
    """Every network with layer kinds (the examples too): three steps of gradients (fixed dropout masks) + the module's
    own optimizer against PyTorch autograd and torch.optim where it implements the rule exactly, else the rule's
    textbook formula (test_optimizers.hand_reference) applied to torch's gradients."""
    torch = pytest.importorskip("torch")
    from test_optimizers import STATES, TORCH, hand_reference

    d, mod = case
    net = d.network
    rng = np.random.default_rng(14)
    X, Y = random_data(net, 8, rng)
    params, masks = random_layer_params(d.program, rng), random_masks(d.program, 8, rng)
    theirs = {k: v.copy() for k, v in params.items()}
    name, options = net.optimizer.name, dict(net.options)
    key = torch_key(name, options)
    P = {k: torch.tensor(v, requires_grad=True) for k, v in theirs.items()}
    opt = TORCH[key](torch, list(P.values()), net.hyper_dict) if key in TORCH else None
    by_hand = hand_reference(name, options, net.hyper_dict)
    hand_state = {k: {s: np.zeros_like(v) for s in STATES} for k, v in params.items()}
    state = mod.init_state(params)
    for t in range(1, 4):
        mod.step(params, mod.gradients(params, X, Y, masks=masks), state)
        J, P2, _ = torch_objective(net, {k: v.detach().numpy() for k, v in P.items()}, X, Y, masks)
        J.backward()
        with torch.no_grad():
            for k in P:
                if opt is None:
                    P[k].copy_(torch.from_numpy(by_hand(P[k].numpy().copy(), P2[k].grad.numpy(), hand_state[k], t)))
                else:
                    P[k].grad = P2[k].grad
        if opt is not None:
            opt.step()
    for k in mod.PARAM_KEYS:
        np.testing.assert_allclose(params[k], P[k].detach().numpy(), rtol=1e-7, atol=1e-10, err_msg=f"{key}: {k}")


def test_dropout_masks_come_from_a_seedable_generator_and_are_off_at_inference(case):
    d, mod = case
    if not mod.DROPOUT:
        pytest.skip("no dropout")
    rng = np.random.default_rng(15)
    X, Y = random_data(d.network, 6, rng)
    params = random_layer_params(d.program, rng)
    a = mod.gradients(params, X, Y, rng=np.random.default_rng(3))
    b = mod.gradients(params, X, Y, rng=np.random.default_rng(3))
    c = mod.gradients(params, X, Y, rng=np.random.default_rng(4))
    assert all(np.array_equal(a[k], b[k]) for k in a)
    assert any(not np.array_equal(a[k], c[k]) for k in a)
    y1, _ = mod.forward(params, X)
    y2, _ = mod.forward(params, X)
    np.testing.assert_array_equal(y1, y2)
    with pytest.raises(ValueError, match="must have shape"):
        mod.gradients(params, X, Y, masks={next(iter(mod.DROPOUT)): np.ones((2, 2))})


def test_float32_training_reduces_the_loss_and_params_round_trip(case, tmp_path):
    d, mod = case
    rng = np.random.default_rng(16)
    X, Y = random_data(d.network, 64, rng)
    params = mod.init_params(seed=1, dtype=np.float32)
    running = mod.init_running(params)
    before = mod.loss(params, X, Y, rng=np.random.default_rng(0))
    history = mod.train(params, X, Y, epochs=15, batch_size=16, running=running, validation_data=(X, Y))
    assert all(v.dtype == np.float32 for v in params.values())
    assert all(g.dtype == np.float32 for g in mod.gradients(params, X, Y, rng=np.random.default_rng(1)).values())
    assert history["loss"][-1] < before and len(history["val_loss"]) == 15
    mod.save_params(tmp_path / "p.npz", params, running)
    loaded, loaded_running = mod.load_params(tmp_path / "p.npz"), mod.load_running(tmp_path / "p.npz")
    assert all(np.array_equal(loaded[k], params[k]) for k in mod.PARAM_KEYS)
    assert all(np.array_equal(loaded_running[k], running[k]) for k in running)
    stop = mod.train(params, X, Y, epochs=5, running=running, callback=lambda epoch, p, h: epoch == 1)
    assert len(stop["loss"]) == 2


def test_integer_labels_are_accepted_where_one_hot_rows_are(case):
    d, mod = case
    if not d.network.output.vector:
        pytest.skip("not softmax")
    rng = np.random.default_rng(17)
    X, Y = random_data(d.network, 6, rng)
    params, masks = random_layer_params(d.program, rng), random_masks(d.program, 6, rng)
    assert mod.loss(params, X, np.argmax(Y, axis=1), masks=masks) == pytest.approx(mod.loss(params, X, Y, masks=masks))


def test_dense_specs_are_unchanged_by_the_kind_key():
    path = ROOT / "examples" / "reference_mlp.toml"
    import tomllib

    table = tomllib.loads(path.read_text())
    for layer in table["layers"]:
        layer["kind"] = "dense"
    assert spec_from_dict(table, str(path)) == dataclasses.replace(load_spec(path), source=str(path))


def test_a_layered_module_names_the_out_folder_it_was_generated_into():
    from conftest import ROOT
    from gradproof.codegen.render import render_module
    from gradproof.derive.derivation import derive
    from gradproof.derive.spec import load_spec

    d = derive(load_spec(ROOT / "examples" / "bn_mlp.toml"), check=False)
    assert "--out gen_x" in render_module(d, "examples/bn_mlp.toml", "gen_x")
    assert "--out generated" in render_module(d, "examples/bn_mlp.toml")


def test_the_training_api_is_the_dense_modules(case, capsys):
    """Layered modules share the dense modules' API text: shape checks, validation history, verbose, predict_proba,
    the stop on non-finite values, Gradients that step takes without copying."""
    d, mod = case
    rng = np.random.default_rng(18)
    X, Y = random_data(d.network, 24, rng)
    params = mod.init_params(seed=2)
    bad = dict(params, **{mod.PARAM_KEYS[0]: np.zeros(1)})
    for call in (lambda: mod.gradients(bad, X, Y), lambda: mod.predict(bad, X), lambda: mod.init_state(bad)):
        with pytest.raises(ValueError, match=rf"params\['{mod.PARAM_KEYS[0]}'\] must have shape"):
            call()
    running = mod.init_running(params)
    history = mod.train(params, X, Y, epochs=3, batch_size=8, running=running, validation_data=(X, Y), verbose=True)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and lines[0].startswith("epoch 1/3: loss ")
    keys = ["loss", "accuracy", "val_loss", "val_accuracy"] if d.network.loss.classification else ["loss", "val_loss"]
    assert list(history) == keys and all(len(v) == 3 for v in history.values())
    if d.network.loss.classification:
        assert history["val_accuracy"][-1] == mod.accuracy(params, X, Y, running)
        proba = mod.predict_proba(params, X, running)
        assert proba.shape == (24, d.network.output.units)
    # step from a Gradients (views of one flat array) equals step from a plain dict of the same arrays
    grads = mod.gradients(params, X, Y, masks=random_masks(d.program, 24, rng))
    assert type(grads).__name__ == "Gradients" and all(grads[k].base is grads.flat for k in mod.PARAM_KEYS)
    p1, p2 = {k: v.copy() for k, v in params.items()}, {k: v.copy() for k, v in params.items()}
    mod.step(p1, grads, mod.init_state(p1))
    mod.step(p2, {k: v.copy() for k, v in grads.items()}, mod.init_state(p2))
    assert all(np.array_equal(p1[k], p2[k]) for k in p1)
    for value in params.values():
        value[...] = 1e308  # finite parameters whose products overflow: inf - inf = NaN downstream
    with np.errstate(all="ignore"), pytest.raises(FloatingPointError, match=r"epoch 1, batch 1"):
        mod.train(params, X, Y, epochs=1, batch_size=8)


def test_a_parameter_reshaped_in_place_after_a_successful_call_is_refused(case):
    """The remembered parameter arrays of a layered module's gradients() (identity, per thread) do not hide a shape or
    dtype set in place after a successful call: the message is a fresh Params' (the oracle: nothing remembered)."""
    d, mod = case
    X, Y = random_data(d.network, 8, np.random.default_rng(3))
    for key in (mod.PARAM_KEYS[0], mod.PARAM_KEYS[-1]):
        for attribute, value in (("shape", (1, -1)), ("dtype", np.int64)):
            params = mod.init_params(seed=1)
            mod.gradients(params, X, Y)
            mod.gradients(params, X, Y)
            setattr(params[key], attribute, value)
            with pytest.raises((TypeError, ValueError)) as remembered:
                mod.gradients(params, X, Y)
            with pytest.raises((TypeError, ValueError)) as fresh:
                mod.gradients(mod.Params(params), X, Y)
            assert str(remembered.value) == str(fresh.value)
