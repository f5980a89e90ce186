"""Generated optimizer steps against independent references: torch.optim where it matches, else the formulas by hand."""

from __future__ import annotations

import numpy as np
import pytest
from gradproof.codegen.loader import build
from gradproof.derive.derivation import derive
from gradproof.derive.optimizers import OPTIMIZERS
from gradproof.derive.spec import spec_from_dict
from layer_twin import TORCH, torch_key

BASE = {"name": "opt_net", "inputs": 3, "layers": [{"units": 4, "activation": "tanh"}, {"units": 2, "activation": "identity"}],
        "loss": {"name": "squared_error"}}


def hand_reference(name: str, options: dict, hyper: dict):
    """An optimizer written from its textbook formulas (not from the derivation): returns step(theta, g, state, t)."""
    lr = hyper["learning_rate"]
    eps = hyper.get("epsilon")
    inside = options.get("epsilon_placement") == "inside"

    def root(x):
        return np.sqrt(x + eps) if inside else np.sqrt(x) + eps

    def step(theta, g, s, t):
        if name == "sgd":
            return theta - lr * g
        if name == "momentum":
            mu, variant = hyper["momentum"], options["variant"]
            if variant == "classic":
                s["v"] = mu * s["v"] + g
                return theta - lr * s["v"]
            if variant == "ema":
                s["v"] = mu * s["v"] + (1 - mu) * g
                return theta - lr * s["v"]
            s["v"] = mu * s["v"] - lr * g
            return theta + s["v"]
        if name == "rmsprop":
            s["S"] = hyper["beta"] * s["S"] + (1 - hyper["beta"]) * g * g
            return theta - lr * g / root(s["S"])
        if name == "adam":
            b1, b2 = hyper["beta1"], hyper["beta2"]
            s["m"] = b1 * s["m"] + (1 - b1) * g
            s["v"] = b2 * s["v"] + (1 - b2) * g * g
            return theta - lr * (s["m"] / (1 - b1**t)) / root(s["v"] / (1 - b2**t))
        if name == "adagrad":
            s["G"] = s["G"] + g * g
            return theta - lr * g / root(s["G"])
        if name == "nesterov":  # Sutskever et al.'s look-ahead, rewritten at theta (PyTorch; Bengio et al. 2013 for Keras's)
            mu = hyper["momentum"]
            if options["variant"] == "classic":
                s["v"] = mu * s["v"] + g
                return theta - lr * (g + mu * s["v"])
            s["v"] = mu * s["v"] - lr * g
            return theta + mu * s["v"] - lr * g
        if name == "adamw":  # Loshchilov & Hutter, algorithm 2: the decay on theta, not on g
            b1, b2 = hyper["beta1"], hyper["beta2"]
            decayed = theta * (1 - lr * hyper["weight_decay"])
            s["m"] = b1 * s["m"] + (1 - b1) * g
            s["v"] = b2 * s["v"] + (1 - b2) * g * g
            return decayed - lr * (s["m"] / (1 - b1**t)) / root(s["v"] / (1 - b2**t))
        if name == "adamax":  # Kingma & Ba, algorithm 2, with PyTorch's epsilon beside |g| or Keras's beside u
            b1, b2 = hyper["beta1"], hyper["beta2"]
            s["m"] = b1 * s["m"] + (1 - b1) * g
            s["u"] = np.maximum(b2 * s["u"], np.abs(g) + eps if inside else np.abs(g))
            return theta - lr / (1 - b1**t) * s["m"] / (s["u"] if inside else s["u"] + eps)
        if name == "amsgrad":  # Reddi et al. 2018, algorithm 2 at a constant rate; PyTorch's and Keras's bias corrections
            b1, b2 = hyper["beta1"], hyper["beta2"]
            s["m"] = b1 * s["m"] + (1 - b1) * g
            s["v"] = b2 * s["v"] + (1 - b2) * g * g
            s["vmax"] = np.maximum(s["vmax"], s["v"])
            if options["variant"] == "uncorrected":
                return theta - lr * s["m"] / root(s["vmax"])
            return theta - lr * (s["m"] / (1 - b1**t)) / root(s["vmax"] / (1 - b2**t))
        if name == "adadelta":  # Zeiler 2012, algorithm 1, with a learning rate (PyTorch)
            rho = hyper["rho"]
            s["S"] = rho * s["S"] + (1 - rho) * g * g
            change = -np.sqrt(s["D"] + eps) / np.sqrt(s["S"] + eps) * g
            s["D"] = rho * s["D"] + (1 - rho) * change * change
            return theta + lr * change
        raise AssertionError(name)

    return step


CASES = [("sgd", {}), ("momentum", {"variant": "classic"}), ("momentum", {"variant": "ema"}), ("momentum", {"variant": "velocity"}),
         ("rmsprop", {"epsilon_placement": "inside"}), ("rmsprop", {"epsilon_placement": "outside"}),
         ("adam", {"epsilon_placement": "outside"}), ("adam", {"epsilon_placement": "inside"}),
         ("adagrad", {"epsilon_placement": "outside"}), ("adagrad", {"epsilon_placement": "inside"}),
         ("nesterov", {"variant": "classic"}), ("nesterov", {"variant": "velocity"}),
         ("adamw", {"epsilon_placement": "outside"}), ("adamw", {"epsilon_placement": "inside"}),
         ("adamax", {"epsilon_placement": "inside"}),
         ("adamax", {"epsilon_placement": "outside"}), ("adadelta", {}),
         ("amsgrad", {"epsilon_placement": "outside", "variant": "corrected"}),
         ("amsgrad", {"epsilon_placement": "inside", "variant": "corrected"}),
         ("amsgrad", {"epsilon_placement": "outside", "variant": "uncorrected"})]
#: every state an optimizer of the registry keeps, zero before the first step
STATES = ("v", "S", "m", "G", "u", "D", "vmax")


def _module(name, options, tmp_path):
    table = {**BASE, "optimizer": {"name": name, **options}}
    if "epsilon" in OPTIMIZERS[name].defaults:
        table["optimizer"]["epsilon"] = 1e-3  # large enough that inside/outside differ visibly
    d = derive(spec_from_dict(table), check=False)
    return build(d, tmp_path), d.network


def _run(mod, steps=4, seed=0):
    rng = np.random.default_rng(seed)
    params = mod.init_params(seed)
    state = mod.init_state(params)
    grads_seen = []
    for _ in range(steps):
        g = {k: rng.normal(size=v.shape) for k, v in params.items()}
        grads_seen.append({k: v.copy() for k, v in g.items()})
        mod.step(params, g, state)
    return params, grads_seen


def _assert_textbook(mod, net, name, options, params, grads_seen):
    """params (after _run) are what the textbook formulas give from init_params(0) and the same gradients."""
    ref = hand_reference(name, dict(net.options), net.hyper_dict)
    theta = mod.init_params(0)
    state = {k: {s: np.zeros_like(v) for s in STATES} for k, v in theta.items()}
    for t, g in enumerate(grads_seen, start=1):
        theta = {k: ref(theta[k], g[k], state[k], t) for k in theta}
    for k in params:
        np.testing.assert_allclose(params[k], theta[k], rtol=1e-12, atol=1e-14, err_msg=f"{name} {options}: {k}")


@pytest.mark.parametrize("name,options", CASES, ids=[f"{n}-{'-'.join(o.values()) or 'plain'}" for n, o in CASES])
def test_step_matches_hand_written_formulas(name, options, tmp_path):
    mod, net = _module(name, options, tmp_path)
    params, grads_seen = _run(mod)
    _assert_textbook(mod, net, name, options, params, grads_seen)




@pytest.mark.parametrize("key", sorted(TORCH), ids=["-".join(k).strip("-") for k in sorted(TORCH)])
def test_step_matches_torch_optim(key, tmp_path):
    torch = pytest.importorskip("torch")
    name, variant = key
    options = {"sgd": {}, "adadelta": {}, "momentum": {"variant": variant}, "nesterov": {"variant": variant},
               "amsgrad": dict(zip(("variant", "epsilon_placement"), variant.split("-"), strict=False))}.get(
        name, {"epsilon_placement": variant})
    assert torch_key(name, options) == key
    mod, net = _module(name, options, tmp_path)
    params, grads_seen = _run(mod)
    tparams = {k: torch.tensor(v, dtype=torch.float64, requires_grad=True) for k, v in mod.init_params(0).items()}
    opt = TORCH[key](torch, list(tparams.values()), net.hyper_dict)
    for g in grads_seen:
        for k, p in tparams.items():
            p.grad = torch.tensor(g[k], dtype=torch.float64)
        opt.step()
    for k in params:
        np.testing.assert_allclose(params[k], tparams[k].detach().numpy(), rtol=1e-10, atol=1e-13, err_msg=f"{key}: {k}")


def test_train_history_and_learning(tmp_path):
    """train returns one loss (and accuracy) per epoch, is reproducible, and lowers the loss."""
    from conftest import ROOT, derivation_of

    d = derivation_of(str(ROOT / "examples" / "reference_mlp.toml"), False)
    mod = build(d, tmp_path)
    rng = np.random.default_rng(0)
    X = rng.normal(size=(120, 4))
    labels = (X[:, 0] + X[:, 1] > 0).astype(int) + (X[:, 2] > 1)
    Y = np.eye(3)[labels]
    seen = []
    runs = []
    for _ in range(2):
        params = mod.init_params(0)
        runs.append(mod.train(params, X, Y, epochs=6, batch_size=16, learning_rate=0.01, callback=lambda e, p, h: seen.append(e)))
    assert runs[0] == runs[1]
    assert len(runs[0]["loss"]) == len(runs[0]["accuracy"]) == 6
    assert seen == list(range(6)) * 2
    assert runs[0]["loss"][-1] < runs[0]["loss"][0]
    assert all(0.0 <= a <= 1.0 for a in runs[0]["accuracy"])


WARM = [("rmsprop", {"epsilon_placement": "inside"}), ("adam", {"epsilon_placement": "outside"}), ("sgd", {})]


@pytest.mark.parametrize("name,options", WARM, ids=[n for n, _ in WARM])
def test_gradients_bring_the_steps_scratch(name, options, tmp_path):
    """Up to BLOCKED_ABOVE entries, with a regularizer: the Gradients of gradients() carries a scratch of its own, where
    _backward computes the regularizer's terms (each at its weight's place) and which step() then uses as its T1.
    The pooled path and a plain dict through ``out=`` (the workspace's buffers, the state's T1) give the same gradients
    and parameters to the bit, step() leaves the gradients as they were, and the parameters are the textbook
    formulas' from those gradients."""
    from gradproof.codegen.render import BLOCKED_ABOVE

    table = {**BASE, "inputs": 30, "layers": [{"units": 20, "activation": "tanh"}, {"units": 3, "activation": "softmax"}],
             "loss": {"name": "cross_entropy"}, "regularization": {"name": "l2", "lambda": 0.1},
             "optimizer": {"name": name, **options}}
    d = derive(spec_from_dict(table), check=False)
    mod = build(d, tmp_path)
    assert mod._OFFSETS[-1] <= BLOCKED_ABOVE and [name for name, _ in mod._REG_PLACES] == ["R1", "R2"]
    rng = np.random.default_rng(3)
    X, Y = rng.normal(size=(7, 30)), np.eye(3)[rng.integers(0, 3, 7)]
    pooled, plain = mod.init_params(0), mod.init_params(0)
    s_pooled, s_plain = mod.init_state(pooled), mod.init_state(plain)
    seen = []
    for _ in range(3):
        grads = mod.gradients(pooled, X, Y)
        assert grads.scratch is not None and not np.shares_memory(grads.scratch, grads.flat)
        for reg_name, index in mod._REG_PLACES:  # the regularizer's term λ·W/N, at W's place in the scratch
            assert np.shares_memory(grads.reg[reg_name], grads.scratch_views[index])
            np.testing.assert_allclose(grads.reg[reg_name], 0.1 / 7 * pooled[mod.PARAM_KEYS[index]], rtol=1e-15)
        out = mod.gradients(plain, X, Y, out={k: np.empty_like(v) for k, v in plain.items()})
        assert all(np.array_equal(grads[k], out[k]) for k in grads)
        seen.append({k: v.copy() for k, v in grads.items()})
        mod.step(pooled, grads, s_pooled)
        mod.step(plain, out, s_plain)
        assert all(np.array_equal(grads[k], seen[-1][k]) for k in grads)
        assert all(np.array_equal(pooled[k], plain[k]) for k in pooled)
        del grads
    _assert_textbook(mod, d.network, name, options, pooled, seen)


# more entries than BLOCKED_ABOVE (8100·130 + 130 + 130·2 + 2 = 1 053 392): step() runs block by block
BIG = {**BASE, "inputs": 8100, "layers": [{"units": 130, "activation": "tanh"}, {"units": 2, "activation": "identity"}]}


@pytest.mark.parametrize("name,options", CASES, ids=[f"{n}-{'-'.join(o.values()) or 'plain'}" for n, o in CASES])
def test_blocked_step_is_the_same_step(name, options, tmp_path):
    """Parameters with more entries than BLOCKED_ABOVE: step() runs the update block by block of OPTIMIZER_BLOCK entries
    (W1's rows in runs, b1 with the last run, W2 and b2 together) and gives exactly the one-block update and the
    textbook formulas."""
    from gradproof.codegen.render import BLOCKED_ABOVE, OPTIMIZER_BLOCK

    table = {**BIG, "optimizer": {"name": name, **options}}
    if "epsilon" in OPTIMIZERS[name].defaults:
        table["optimizer"]["epsilon"] = 1e-3
    d = derive(spec_from_dict(table), check=False)
    mod = build(d, tmp_path)
    total = mod._OFFSETS[-1]
    assert total > BLOCKED_ABOVE and len(mod._BLOCKS) > 1
    for size in (OPTIMIZER_BLOCK, 7, 261, 10**9):
        blocks = mod._blocks(size)
        assert [b[0] for b in blocks] == [0] + [b[1] for b in blocks[:-1]] and blocks[-1][1] == total  # a partition
        per_key = {}
        for start, stop, pieces in blocks:
            assert stop - start <= max(size, BIG["inputs"])  # at most size, or one row of W1
            covered = sum(np.ones(mod.PARAM_SHAPES[key])[rows].size for key, _, rows, *_ in pieces)
            assert covered == stop - start
            for key, index, rows, begin, end, shape in pieces:  # where the part lies in the block, and its shape
                assert mod.PARAM_KEYS[index] == key and np.ones(mod.PARAM_SHAPES[key])[rows].shape == shape
                part = np.arange(mod._OFFSETS[-1])[mod._OFFSETS[index]:mod._OFFSETS[index + 1]].reshape(mod.PARAM_SHAPES[key])[rows]
                assert np.array_equal(part.ravel(), np.arange(start + begin, start + end))
                per_key.setdefault(key, []).append(rows)
        for key, shape in mod.PARAM_SHAPES.items():  # every row of every parameter exactly once, in order
            marks = np.zeros(shape[0], dtype=int)
            for rows in per_key[key]:
                marks[rows] += 1
            assert (marks == 1).all(), (size, key)
    runs = {}
    for size in (OPTIMIZER_BLOCK, 7, 10**9):
        mod._BLOCKS = mod._blocks(size)
        runs[size] = _run(mod)
    for size in (OPTIMIZER_BLOCK, 7):
        for key in runs[size][0]:
            assert np.array_equal(runs[size][0][key], runs[10**9][0][key]), (size, key)
    _assert_textbook(mod, d.network, name, options, *runs[OPTIMIZER_BLOCK])
    single = {}  # float32 takes blocks of as many bytes (twice the entries, _BLOCKS_4): the same numbers as one block
    for size in (2 * OPTIMIZER_BLOCK, 7, 10**9, 0):
        mod._BLOCKS_4 = mod._blocks(size) if size else ()  # no blocks: float32 parameters would not move
        params32 = mod.init_params(0, np.float32)
        state = mod.init_state(params32)
        for k in range(3):
            mod.step(params32, {key: np.full(v.shape, 0.1 * (k + 1), np.float32) + v for key, v in params32.items()}, state)
        single[size] = params32
    for size in (2 * OPTIMIZER_BLOCK, 7):
        assert all(np.array_equal(single[size][key], single[10**9][key]) for key in single[10**9])
    assert all(np.array_equal(single[0][key], mod.init_params(0, np.float32)[key]) for key in single[0])  # it reads _BLOCKS_4
    assert not all(np.array_equal(single[10**9][key], single[0][key]) for key in single[0])
