"""The generated module's training API end to end: labels, predict, validation, early stop, verbose, save/load,
parameter checks, the stop on non-finite values, thread safety, the vectorised erf, and the same training as PyTorch."""

from __future__ import annotations

import ast
import copy
import io
import math
import pickle
import re
import sys
import threading
import warnings
import zipfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import ROOT, derivation_of  # noqa: E402
from gradproof.codegen.loader import build, import_path  # noqa: E402
from gradproof.codegen.render import render_module  # noqa: E402
from gradproof.derive.derivation import derive  # noqa: E402
from gradproof.derive.errors import SpecError  # noqa: E402
from gradproof.derive.spec import spec_from_dict  # noqa: E402

from gradproof.cli import main  # noqa: E402

REFERENCE = ROOT / "examples" / "reference_mlp.toml"


@pytest.fixture(scope="module")
def ref(tmp_path_factory):
    """The reference network's module (4-16-8-3, softmax + cross-entropy, RMSprop)."""
    return build(derivation_of(str(REFERENCE), False), tmp_path_factory.mktemp("ref"))


def blobs(n, seed=0, classes=3, features=4):
    """Iris-like data: three well-separated Gaussian clusters in four features, integer labels."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, classes, n)
    centres = np.array([[0, 0, 2, 2], [2, 2, 0, 0], [-2, 2, -2, 0]])[:classes, :features]
    return centres[labels] + 0.5 * rng.standard_normal((n, features)), labels


def test_integer_labels_validation_verbose_predict(ref, capsys):
    X, y = blobs(150)
    Xv, yv = blobs(60, seed=1)
    params = ref.init_params(0)
    history = ref.train(params, X, y, epochs=30, batch_size=16, learning_rate=0.01, validation_data=(Xv, yv), verbose=1)
    assert list(history) == ["loss", "accuracy", "val_loss", "val_accuracy"]
    assert all(len(v) == 30 for v in history.values())
    assert history["loss"][-1] < history["loss"][0] and history["val_loss"][-1] < history["val_loss"][0]
    # the validation entries are the module's own loss and accuracy of the validation set after the epoch
    assert history["val_loss"][-1] == pytest.approx(ref.loss(params, Xv, yv), rel=1e-12)
    assert history["val_accuracy"][-1] == ref.accuracy(params, Xv, np.eye(3)[yv])
    assert history["val_accuracy"][-1] > 0.9
    labels = ref.predict(params, Xv)
    assert labels.shape == (60,) and labels.dtype.kind == "i"
    np.testing.assert_array_equal(labels, ref.predict_proba(params, Xv).argmax(axis=1))
    assert np.mean(labels == yv) == history["val_accuracy"][-1]
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 30 and out[0].startswith("epoch 1/30: loss ") and "val_accuracy" in out[-1]
    # integer labels and one-hot rows are the same targets
    g_int, g_hot = ref.gradients(params, X, y), ref.gradients(params, X, np.eye(3)[y])
    assert all(np.array_equal(g_int[k], g_hot[k]) for k in g_int)
    assert ref.loss(params, X, list(y)) == ref.loss(params, X, np.eye(3)[y])


@pytest.mark.parametrize("targets", ["labels", "soft rows"])
@pytest.mark.parametrize("scale", [1.0, 400.0], ids=["plain", "outputs that underflow"])
def test_history_loss_is_the_epochs_batch_losses(ref, targets, scale):
    """The reported loss is the mean of the losses of the epoch's batches before their steps (Keras' convention), the
    accuracy over the same outputs -- with one-hot targets (gathered -log yhat), soft targets (the full cross-entropy)
    and outputs that underflow (log-sum-exp for those batches)."""
    X, y = blobs(40)
    Y = np.eye(3)[y] if targets == "labels" else np.full((40, 3), 0.1) + 0.7 * np.eye(3)[y]
    params = ref.init_params(3)
    params["W3"] *= scale
    start = copy.deepcopy(params)
    expected, hits = [], 0
    state = ref.init_state(start)
    order = np.random.default_rng(ref.SEED).permutation(40)
    for rows in (order[:20], order[20:]):
        expected.append(ref.loss(start, X[rows], Y[rows]) - ref._penalty(start, 20))
        hits += int(np.sum(ref.predict(start, X[rows]) == y[rows]))
        ref.step(start, ref.gradients(start, X[rows], Y[rows]), state)
    assert min(ref.predict_proba(params, X).min(axis=1)) < (1e-30 if scale > 1 else 1)
    history = ref.train(params, X, y if targets == "labels" else Y, epochs=1, batch_size=20)
    assert history["loss"][0] == pytest.approx(np.mean(expected) + ref._penalty(params, 40), rel=1e-12)
    assert history["accuracy"][0] == hits / 40
    assert all(np.array_equal(params[k], start[k]) for k in params)


def test_train_gathers_the_same_batches_from_any_layout(ref):
    """train gathers each batch's rows into reused buffers: a Fortran-ordered or strided X, and a last batch shorter
    than the others, train exactly as the steps on X[order] slices do."""
    X, y = blobs(45)
    Y = np.eye(3)[y]
    start = ref.init_params(5)
    expected, state = copy.deepcopy(start), ref.init_state(start)
    rng = np.random.default_rng(7)
    for _ in range(2):
        order = rng.permutation(45)
        for begin in range(0, 45, 16):
            rows = order[begin:begin + 16]
            ref.step(expected, ref.gradients(expected, X[rows], Y[rows]), state)
    wide = np.zeros((45, 8))
    wide[:, ::2] = X
    for layout in (np.asfortranarray(X), wide[:, ::2]):
        params = copy.deepcopy(start)
        ref.train(params, layout, y, epochs=2, batch_size=16, seed=7)
        assert all(np.array_equal(params[k], expected[k]) for k in params)


def test_callback_true_stops_early_and_seed_reproduces(ref):
    X, y = blobs(90)
    seen = []

    def stop_at_third(epoch, params, history):
        seen.append(epoch)
        return epoch == 2

    runs = []
    for _ in range(2):
        params = ref.init_params(0)
        runs.append((ref.train(params, X, y, epochs=10, batch_size=8, callback=stop_at_third), params))
    assert seen == [0, 1, 2, 0, 1, 2]
    assert len(runs[0][0]["loss"]) == 3 and runs[0][0] == runs[1][0]
    assert all(np.array_equal(runs[0][1][k], runs[1][1][k]) for k in runs[0][1])


def test_save_and_load_round_trip(ref, tmp_path):
    params = ref.init_params(7, np.float32)
    path = tmp_path / "weights.npz"
    ref.save_params(path, params, running=ref.init_running(params))
    loaded = ref.load_params(path)
    assert list(loaded) == list(ref.PARAM_KEYS)
    assert all(loaded[k].dtype == np.float32 and np.array_equal(loaded[k], params[k]) for k in params)
    assert ref.load_running(path) == {}
    X, _ = blobs(5)
    np.testing.assert_array_equal(ref.predict(loaded, X), ref.predict(params, X))
    other = tmp_path / "other.npz"
    np.savez(other, W1=np.zeros((16, 4)))
    with pytest.raises(ValueError, match=r"other\.npz: not parameters of this network \(params has no b1"):
        ref.load_params(other)
    np.savez(other, **{**params, "W1": np.zeros((3, 3))})  # refused from its header, before it is read
    with pytest.raises(ValueError, match=r"other\.npz: not parameters of this network \(.*W1.*\(16, 4\)"):
        ref.load_params(other)


def test_design_signatures_for_every_module(ref):
    """The signatures every module shares (DESIGN.md), accepted by a dense network that has no use for some."""
    X, y = blobs(6)
    params = ref.init_params(0)
    running = ref.init_running(params)
    assert running == {}
    Y_hat, cache = ref.forward(params, X, train=False, running=running)
    np.testing.assert_array_equal(Y_hat, ref.forward(params, X)[0])
    grads = ref.gradients(params, X, y, rng=np.random.default_rng(0), masks=None, running=running)
    assert {k: v.shape for k, v in grads.items()} == ref.PARAM_SHAPES
    assert ref.predict(params, X, running=running).shape == (6,)
    assert ref.loss(params, X, y, rng=None, masks=None) > 0


@pytest.mark.parametrize("key,value,error,message", [
    ("b1", np.zeros(1), ValueError, r"params\['b1'\] must have shape \(16,\), got shape \(1,\)"),
    ("W2", np.zeros((16, 8)), ValueError, r"params\['W2'\] must have shape \(8, 16\), got shape \(16, 8\)"),
    ("b3", np.zeros(3, dtype=np.float32), TypeError, r"params\['b3'\] has dtype float32 but params\['W1'\] has float64"),
    ("W3", [[0.0] * 8] * 3, TypeError, r"params\['W3'\] must be a NumPy array, got list"),
])
def test_parameter_shapes_and_dtypes_are_checked(ref, key, value, error, message):
    X, y = blobs(4)
    params = ref.init_params(0)
    params[key] = value
    for call in (lambda: ref.gradients(params, X, y), lambda: ref.train(params, X, y, epochs=1), lambda: ref.predict(params, X),
                 lambda: ref.init_state(params)):
        with pytest.raises(error, match=message):
            call()


@pytest.mark.parametrize("dtype", [np.float16, np.longdouble, np.complex128])
def test_parameters_of_a_dtype_the_module_does_not_compute_in_are_refused(ref, dtype):
    """float16 and long double trained and predicted silently while the module's own message said float32 or float64
    (hardening22's note): now refused by every entry point, and by init_params."""
    X, y = blobs(4)
    params = {k: v.astype(dtype) for k, v in ref.init_params(0).items()}
    for call in (lambda: ref.gradients(params, X, y), lambda: ref.train(params, X, y, epochs=1), lambda: ref.predict(params, X),
                 lambda: ref.init_state(params)):
        with pytest.raises(TypeError, match=r"params must hold float32 or float64 arrays"):
            call()
    with pytest.raises(TypeError, match=r"dtype must be np.float32 or np.float64"):
        ref.init_params(0, dtype=dtype)
    assert ref.init_params(0, dtype=np.float32)["W1"].dtype == np.float32


def test_step_rejects_gradients_of_the_wrong_shape(ref):
    params = ref.init_params(0)
    state = ref.init_state(params)
    grads = {k: np.zeros_like(v) for k, v in params.items()}
    grads["b2"] = np.zeros(1)
    with pytest.raises(ValueError, match=r"grads\['b2'\] must have shape \(8,\), got shape \(1,\)"):
        ref.step(params, grads, state)


def test_a_copied_state_steps_like_the_original(ref):
    X, y = blobs(16)
    p1, p2 = ref.init_params(0), ref.init_params(0)
    s1 = ref.init_state(p1)
    ref.step(p1, ref.gradients(p1, X, y), s1)
    s2 = copy.deepcopy(s1)
    p2 = copy.deepcopy(p1)
    for params, state in ((p1, s1), (p2, s2)):
        ref.step(params, ref.gradients(params, X, y), state)
        assert state["S"]["W1"].base is state["flat"]["S"]
    assert all(np.array_equal(p1[k], p2[k]) for k in p1)


def test_training_stops_on_non_finite_gradients(tmp_path):
    """abs(x)^0.5 has no derivative at 0: a zero input row gives NaN gradients; train stops before they are used."""
    table = {"name": "sqrt_abs", "inputs": 2,
             "layers": [{"units": 3, "activation": {"name": "root", "formula": "abs(x)^0.5"}}, {"units": 2, "activation": "softmax"}],
             "loss": {"name": "cross_entropy"}, "optimizer": {"name": "sgd", "learning_rate": 0.1}}
    mod = build(derive(spec_from_dict(table), check=False), tmp_path)
    params = mod.init_params(0)
    X = np.array([[1.0, 2.0], [0.5, -1.0], [0.0, 0.0], [1.0, 1.0]])
    y = np.array([0, 1, 0, 1])
    before = copy.deepcopy(params)
    with np.errstate(all="ignore"), pytest.raises(FloatingPointError, match=r"epoch 1, batch 1: a gradient is NaN or infinite"):
        mod.train(params, X, y, epochs=3, batch_size=4)
    assert all(np.array_equal(params[k], before[k]) for k in params), "the parameters must be those before the bad step"


def test_training_stops_on_a_non_finite_loss(ref):
    X, y = blobs(8)
    params = ref.init_params(0)
    params["W1"][...] = 1e308  # finite weights whose first layer overflows: inf - inf = NaN downstream
    with np.errstate(all="ignore"), pytest.raises(FloatingPointError, match=r"epoch 1, batch 1: (the loss is|a gradient)"):
        ref.train(params, X, y, epochs=1, batch_size=8)


def test_two_threads_train_like_one(ref):
    """No module-level state: two parameter sets trained in two threads at once end as when trained one after the other."""
    data = [blobs(200, seed=s) for s in (0, 1)]
    sequential = [ref.init_params(s) for s in (0, 1)]
    for params, (X, y) in zip(sequential, data, strict=True):
        ref.train(params, X, y, epochs=20, batch_size=7, seed=3)
    concurrent = [ref.init_params(s) for s in (0, 1)]
    threads = [threading.Thread(target=ref.train, args=(p, X, y), kwargs={"epochs": 20, "batch_size": 7, "seed": 3})
               for p, (X, y) in zip(concurrent, data, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for a, b in zip(sequential, concurrent, strict=True):
        assert all(np.array_equal(a[k], b[k]) for k in a)


def test_erf_matches_math_erf_everywhere():
    mod = import_path(ROOT / "generated" / "gelu_softsign_classifier.py")
    x = np.concatenate([np.linspace(-30, 30, 1_000_001), np.geomspace(1e-300, 1e-5, 2000), -np.geomspace(1e-300, 30, 2000),
                        [0.0, -0.0, 0.46875, 0.46875 + 1e-16, 4.0, 4.0 + 1e-15, 26.543, 5.9, np.inf, -np.inf]])
    mine = mod._erf(x)
    truth = np.array([math.erf(v) for v in x])
    rel = np.abs(mine - truth) / np.maximum(np.abs(truth), 1e-300)
    assert rel.max() < 1e-15, (x[rel.argmax()], rel.max())
    assert mod._erf(x.astype(np.float32)).dtype == np.float32
    wide = mod._erf(x[::997].astype(np.longdouble))  # longdouble: float64's accuracy, its own dtype
    assert wide.dtype == np.longdouble and np.array_equal(wide.astype(np.float64), mine[::997])
    half = x[::997].astype(np.float16)  # float16: computed in float32, to float16's precision
    exact = np.array([math.erf(v) for v in half.astype(np.float64)])
    assert mod._erf(half).dtype == np.float16 and np.abs(mod._erf(half) - exact).max() < 1e-3
    assert np.isnan(mod._erf(np.array([np.nan])))[0]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60))
def test_any_title_makes_a_valid_module(title):
    d = _reference_derivation()
    d = type(d)(**{**d.__dict__, "network": type(d.network)(**{**d.network.__dict__, "title": title})})
    text = render_module(d, "examples/reference_mlp.toml")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        tree = ast.parse(text)
        compile(tree, "module.py", "exec")
    assert ast.get_docstring(tree, clean=False).startswith(f"{title}: a NumPy training module")


def _reference_derivation(cache={}):  # noqa: B006 -- one derivation for every hypothesis example
    if "d" not in cache:
        cache["d"] = derivation_of(str(REFERENCE), False)
    return cache["d"]


def test_header_names_the_out_folder_used(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["codegen", str(REFERENCE), "--out", "gen"]) == 0
    head = (tmp_path / "gen" / "reference_mlp.py").read_text(encoding="utf-8")[:600]
    assert "    gradproof codegen examples/reference_mlp.toml --out gen\n" in head
    assert "--out generated" not in head
    with_space = tmp_path / "my models"
    assert main(["codegen", str(REFERENCE), "--out", "my models"]) == 0
    assert "--out 'my models'\n" in (with_space / "reference_mlp.py").read_text(encoding="utf-8")[:600]


@pytest.mark.parametrize("name", ["numpy", "math", "sys", "json", "gradproof"])
def test_a_module_name_that_shadows_a_module_is_refused(name, tmp_path, capsys):
    table = {"name": name, "inputs": 2, "layers": [{"units": 2, "activation": "softmax"}], "loss": {"name": "cross_entropy"},
             "optimizer": {"name": "sgd", "learning_rate": 0.1}}
    with pytest.raises(SpecError, match=rf"'{name}' is the name of a module .* e\.g\. \"{name}_net\""):
        spec_from_dict(table)
    spec = tmp_path / "s.toml"
    spec.write_text(f'name = "{name}"\ninputs = 2\n[[layers]]\nunits = 2\nactivation = "softmax"\n[loss]\nname = "cross_entropy"\n'
                    '[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')
    assert main(["codegen", str(spec), "--out", str(tmp_path)]) == 2
    assert "choose another" in capsys.readouterr().err and not (tmp_path / f"{name}.py").exists()


def test_training_equals_pytorch_with_the_same_weights_and_batches(ref):
    """The same initial weights, batch order and RMSprop (ε inside the root) in PyTorch give the same weights and loss."""
    torch = pytest.importorskip("torch")
    from networks import torch_loss

    net = derivation_of(str(REFERENCE), False).network
    X, y = blobs(100)
    Y = np.eye(3)[y]
    params = ref.init_params(5)
    P = {k: torch.tensor(v.copy(), requires_grad=True) for k, v in params.items()}
    history = ref.train(params, X, y, epochs=4, batch_size=32, seed=9, learning_rate=0.01)
    S = {k: torch.zeros_like(v) for k, v in P.items()}
    rng = np.random.default_rng(9)
    for _ in range(4):
        order = rng.permutation(len(X))
        for start in range(0, len(X), 32):
            rows = order[start:start + 32]
            for v in P.values():
                v.grad = None
            torch_loss(net, P, torch.tensor(X[rows]), torch.tensor(Y[rows])).backward()
            with torch.no_grad():
                for k, theta in P.items():
                    S[k].mul_(0.9).add_(0.1 * theta.grad**2)
                    theta.sub_(0.01 * theta.grad / torch.sqrt(S[k] + 1e-6))
    for k in params:
        np.testing.assert_allclose(params[k], P[k].detach().numpy(), rtol=1e-9, atol=1e-12, err_msg=k)
    final = float(torch_loss(net, P, torch.tensor(X), torch.tensor(Y)).detach())
    assert abs(ref.loss(params, X, y) - final) < 1e-6
    assert len(history["loss"]) == 4


def test_codegen_derives_and_checks_once(tmp_path, monkeypatch):
    """`gradproof codegen` derives the network once and checks it once (no second derivation for the module)."""
    import gradproof.derive.checks as checks
    import gradproof.derive.derivation as derivation

    calls = {"derive": 0, "checks": 0}
    real_derive, real_checks = derivation.derive, checks.instantiation_checks

    def counting_derive(*args, **kwargs):
        calls["derive"] += 1
        return real_derive(*args, **kwargs)

    def counting_checks(*args, **kwargs):
        calls["checks"] += 1
        return real_checks(*args, **kwargs)

    monkeypatch.setattr(derivation, "derive", counting_derive)
    monkeypatch.setattr(checks, "instantiation_checks", counting_checks)
    assert main(["codegen", str(REFERENCE), "--out", str(tmp_path)]) == 0
    assert calls == {"derive": 1, "checks": 1}


def test_a_params_buffers_never_alias_what_calls_return(ref, tmp_path):
    """init_params' Params keeps per-thread buffers between calls; nothing a call returns lives in them."""
    X, y = blobs(12)
    X2, y2 = blobs(12, seed=5)
    params = ref.init_params(0)
    g1 = ref.gradients(params, X, y)
    kept = {k: v.copy() for k, v in g1.items()}
    g2 = ref.gradients(params, X2, y2)
    assert all(np.array_equal(g1[k], kept[k]) for k in kept) and not np.array_equal(g1["W1"], g2["W1"])
    plain = {k: v.copy() for k, v in params.items()}  # a plain dict: fresh buffers, the same numbers
    assert all(np.array_equal(g2[k], ref.gradients(plain, X2, y2)[k]) for k in g2)
    p1 = ref.predict_proba(params, X)
    p1_copy = p1.copy()
    ref.predict_proba(params, X2)
    np.testing.assert_array_equal(p1, p1_copy)
    clone = copy.deepcopy(params)
    assert type(clone) is type(params) and all(np.array_equal(clone[k], params[k]) for k in params)
    ref.save_params(tmp_path / "p.npz", params)
    assert type(ref.load_params(tmp_path / "p.npz")) is type(params)


def test_gradients_reuses_only_what_no_caller_holds(ref):
    """gradients() hands a Params' caller back one of its last two Gradients only when nothing else holds it: the plain
    loop ``step(p, gradients(p, X, Y), s)`` (and ``grads = gradients(...)``) allocates no new one after two calls, and
    every way of keeping the result -- the dict, one of its arrays, a view of one, its flat array, a weak reference, a
    copy of the dict -- keeps its numbers."""
    X, y = blobs(16)
    params, state = ref.init_params(0), None
    seen = set()
    for _ in range(6):
        grads = ref.gradients(params, X, y)
        seen.add(id(grads))
        state = state or ref.init_state(params)
        ref.step(params, grads, state)
    assert len(seen) <= 2
    del grads
    first = id(ref.gradients(params, X, y))
    assert id(ref.gradients(params, X, y)) == first  # a result no one keeps is reused (the pool still holds it)

    def kept_after_more_calls(keep):
        result = ref.gradients(params, X, y)
        held, numbers = keep(result), {k: v.copy() for k, v in result.items()}
        del result
        for seed in (1, 2, 3):
            ref.gradients(params, *blobs(16, seed=seed))
        return held, numbers

    import weakref

    for keep in (lambda g: g, lambda g: g["W2"], lambda g: g["W1"].T, lambda g: g["b1"][1:], lambda g: g.flat,
                 lambda g: weakref.ref(g), lambda g: copy.copy(g), lambda g: memoryview(g["W3"])):
        held, numbers = kept_after_more_calls(keep)
        if isinstance(held, weakref.ref):
            assert held() is None or all(np.array_equal(held()[k], numbers[k]) for k in numbers)
        elif isinstance(held, dict):
            assert all(np.array_equal(held[k], numbers[k]) for k in numbers)
        elif isinstance(held, memoryview):
            np.testing.assert_array_equal(np.asarray(held), numbers["W3"])
        elif held.shape == numbers["W1"].T.shape and held.base is not None and held.size == numbers["W1"].size:
            np.testing.assert_array_equal(held, numbers["W1"].T)
        elif held.ndim == 1 and held.size == ref._OFFSETS[-1]:
            np.testing.assert_array_equal(held, np.concatenate([numbers[k].ravel() for k in ref.PARAM_KEYS]))
        elif held.shape == numbers["W2"].shape:
            np.testing.assert_array_equal(held, numbers["W2"])
        else:
            np.testing.assert_array_equal(held, numbers["b1"][1:])


def test_two_threads_computing_gradients_of_one_params_do_not_interfere(ref):
    params = ref.init_params(0)
    data = [blobs(64, seed=s) for s in (0, 1)]
    expected = [ref.gradients(dict(params), X, y) for X, y in data]
    results = [[], []]

    def work(i):
        for _ in range(200):
            results[i].append(ref.gradients(params, *data[i]))

    threads = [threading.Thread(target=work, args=(i,)) for i in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i in (0, 1):
        assert all(np.array_equal(g[k], expected[i][k]) for g in results[i] for k in g)


def test_threads_may_share_one_workspace_dict(ref):
    """``workspace=`` a dict shared by threads: each thread keeps its own buffers in it (keyed by thread too)."""
    params = ref.init_params(0)
    data = [blobs(64, seed=s) for s in (0, 1)]
    expected = [ref.gradients(dict(params), X, y) for X, y in data]
    shared, wrong = {}, []

    def work(i):
        for _ in range(200):
            g = ref.gradients(params, *data[i], workspace=shared)
            if not all(np.array_equal(g[k], expected[i][k]) for k in g):
                wrong.append(i)

    threads = [threading.Thread(target=work, args=(i,)) for i in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not wrong and len(shared) == 2


def _forged_npz(path, key, shape, payload=b"\0" * 64):
    """An .npz whose member ``key`` has a .npy header declaring ``shape`` (float64) but carries only ``payload``."""
    import zipfile

    header = np.lib.format.header_data_from_array_1_0(np.zeros(1))
    header["shape"] = shape
    member = io.BytesIO()
    np.lib.format.write_array_header_1_0(member, header)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(key + ".npy", member.getvalue() + payload)


def test_load_params_refuses_hostile_files_naming_them(ref, tmp_path):
    params = ref.init_params(0)
    good = tmp_path / "good.npz"
    ref.save_params(good, params)
    cases = {"object.npz": lambda p: np.savez(p, **{**params, "W1": np.array([object()] * 64, dtype=object).reshape(16, 4)}),
             "text.npz": lambda p: p.write_bytes(b"not an archive at all"),
             "pickle.npz": lambda p: p.write_bytes(pickle.dumps(dict(params))),
             "single.npy": lambda p: np.save(p, params["W1"]),
             "ints.npz": lambda p: np.savez(p, **{**params, "W1": np.zeros((16, 4), dtype=np.int64)}),
             "forged.npz": lambda p: _forged_npz(p, "W1", (10**12,)),  # NumPy would allocate 8 TB for it
             "truncated.npz": lambda p: p.write_bytes(good.read_bytes()[:300])}
    for name, make in cases.items():
        path = tmp_path / name
        make(path)
        with pytest.raises(ValueError, match=rf"{name}: not (parameters of this network \(|a \.npz file written by)"):
            ref.load_params(path)
    with pytest.raises(FileNotFoundError):
        ref.load_params(tmp_path / "missing.npz")
    extra = tmp_path / "extra.npz"  # an array no parameter has is never read, whatever its header claims
    np.savez(extra, **params)
    with zipfile.ZipFile(extra, "a") as z:
        buffer = io.BytesIO()
        _forged_npz(buffer, "huge", (10**12,))
        z.writestr("huge.npy", zipfile.ZipFile(buffer).read("huge.npy"))
    loaded = ref.load_params(extra)
    assert all(np.array_equal(loaded[k], params[k]) for k in params)


def test_finiteness_checks_find_nan_and_inf_and_pass_huge_finite_values(ref):
    """X's check and train's gradient check square and sum (one BLAS dot): a NaN or inf anywhere is found, and finite
    values whose squares overflow fall back to the exact check (accepted)."""
    X, y = blobs(40)
    params = ref.init_params(0)
    for dtype in (np.float32, np.float64):
        for bad in (np.nan, np.inf, -np.inf):
            Xb = X.astype(dtype)
            Xb[17, 2] = bad
            with pytest.raises(ValueError, match="X contains NaN or infinite values"):
                ref.predict(ref.init_params(0, dtype), Xb)
            with pytest.raises(ValueError, match="X contains NaN or infinite values"):
                ref.predict(ref.init_params(0, dtype), np.asfortranarray(Xb))  # another memory order
        huge = X.astype(dtype)
        huge[3, 1] = np.finfo(dtype).max / 2  # its square overflows
        with np.errstate(all="ignore"):
            assert ref.predict(ref.init_params(0, dtype), huge).shape == (40,)
    with np.errstate(all="ignore"):
        history = ref.train(params, X * 1e3, y, epochs=1, batch_size=8)  # large gradients: finite, trained
    assert len(history["loss"]) == 1


@pytest.mark.parametrize("dot_max", [0, None])
def test_gradients_finds_nan_and_inf_anywhere_in_x_through_the_first_product(ref, tmp_path, monkeypatch, dot_max):
    """gradients() reads a large X's finiteness from the first layer's product (one column of Z1, not all of X; with
    _X_DOT_MAX = 0 every X is large, else this small X takes the dot over X): a NaN, +inf or -inf at every place of X,
    in both conventions and dtypes, still gives X's message -- also with zero weights (the fallback to X itself), with
    ``out`` left untouched and before a bad Y is looked at; finite X whose product overflows is accepted, as before.
    The oracle: where the test put the bad value."""
    column = build(derivation_of(str(ROOT / "examples" / "multilabel_column.toml"), False), tmp_path)
    for mod, Y in ((ref, np.eye(3)[np.arange(6) % 3]), (column, (np.arange(12).reshape(6, 2) % 3 == 0).astype(float))):
        if dot_max is not None:
            monkeypatch.setattr(mod, "_X_DOT_MAX", dot_max)
        X = np.random.default_rng(0).normal(size=(6, mod.SIZES[0]))
        for dtype in (np.float32, np.float64):
            params = mod.init_params(1, dtype)
            zero_row = mod.init_params(1, dtype)
            first = zero_row["W1"][0] if mod is ref else zero_row["W1"][:, 0]
            first[1] = 0.0  # a BLAS may skip this weight's products
            all_zero = mod.init_params(1, dtype)
            all_zero["W1"][...] = 0.0
            for p in (params, zero_row, all_zero):
                for bad in (np.nan, np.inf, -np.inf):
                    for i, j in np.ndindex(X.shape):
                        Xb = X.astype(dtype)
                        Xb[i, j] = bad
                        out = {key: np.full_like(value, 7.0) for key, value in p.items()}
                        with np.errstate(all="ignore"), pytest.raises(ValueError, match="X contains NaN or infinite values"):
                            mod.gradients(p, Xb, Y, out=out)
                        assert all((value == 7.0).all() for value in out.values())
                    with np.errstate(all="ignore"), pytest.raises(ValueError, match="X contains NaN or infinite values"):
                        mod.gradients(p, Xb, Y[:, :1] * np.nan)  # X's message first, as before
            assert all(np.isfinite(g).all() for g in mod.gradients(params, X.astype(dtype), Y).values())
            huge = X.astype(dtype)
            huge[2] = np.finfo(dtype).max / 4  # finite, but the first layer's product overflows
            with np.errstate(all="ignore"):
                assert set(mod.gradients(params, huge, Y)) == set(mod.PARAM_KEYS)
    rows = ref._X_DOT_MAX // 4 + 1  # the default threshold: a large X through the product
    X, Y = np.random.default_rng(1).normal(size=(rows, 4)), np.eye(3)[np.arange(rows) % 3]
    for i, j in ((0, 0), (rows // 2, 3), (rows - 1, 1)):
        Xb = X.copy()
        Xb[i, j] = np.nan
        with np.errstate(all="ignore"), pytest.raises(ValueError, match="X contains NaN or infinite values"):
            ref.gradients(ref.init_params(0), Xb, Y)


def test_save_params_writes_exactly_the_path_given(ref, tmp_path):
    """A name without .npz round-trips too (np.savez alone would write weights.npz and load_params('weights') fail)."""
    params = ref.init_params(2)
    ref.save_params(tmp_path / "weights", params)
    assert [p.name for p in tmp_path.iterdir()] == ["weights"]
    loaded = ref.load_params(tmp_path / "weights")
    assert all(np.array_equal(loaded[k], params[k]) for k in params)
    buffer = io.BytesIO()
    ref.save_params(buffer, params)
    buffer.seek(0)
    from_buffer = ref.load_params(buffer)
    assert all(np.array_equal(from_buffer[k], params[k]) for k in params)


def test_cross_entropy_targets_outside_0_1_are_refused(ref, tmp_path):
    """A binary classifier given class labels 0..9 (or 0/2) would train on a meaningless loss: refused, as PyTorch's
    BCELoss refuses them; soft labels in [0, 1] stay accepted, and so do one-hot or probability rows for softmax."""
    table = {"name": "binary", "inputs": 3, "layers": [{"units": 4, "activation": "tanh"}, {"units": 1, "activation": "sigmoid"}],
             "loss": {"name": "binary_cross_entropy"}, "optimizer": {"name": "sgd", "learning_rate": 0.5}}
    mod = build(derive(spec_from_dict(table), check=False), tmp_path)
    params = mod.init_params(0)
    X = np.random.default_rng(0).normal(size=(10, 3))
    for bad, shown in ((np.arange(10), "from 0 to 9"), (2.0 * (np.arange(10) % 2), "from 0 to 2"), (-np.ones(10), "from -1 to -1")):
        for call in (lambda Y: mod.train(params, X, Y, epochs=1), lambda Y: mod.gradients(params, X, Y), lambda Y: mod.loss(params, X, Y)):
            with pytest.raises(ValueError, match=rf"Y must hold targets in \[0, 1\] for the binary cross entropy loss .*{shown}"):
                call(bad)
    assert np.isfinite(mod.loss(params, X, np.linspace(0, 1, 10)))  # probabilities as targets
    Xr = np.random.default_rng(1).normal(size=(6, 4))
    soft = np.full((6, 3), 1 / 3)
    assert np.isfinite(ref.loss(ref.init_params(0), Xr, soft))
    with pytest.raises(ValueError, match=r"Y must hold targets in \[0, 1\] for the cross entropy loss \(one-hot or probability rows"):
        ref.gradients(ref.init_params(0), Xr, soft * 2 - 1)

    for bad in (np.nan, np.inf, -np.inf):  # the range check stands in for the finiteness check: NaN and inf still say so
        Yb = np.eye(3)[np.arange(6) % 3]
        Yb[4, 1] = bad
        with pytest.raises(ValueError, match="Y contains NaN or infinite values"):
            ref.gradients(ref.init_params(0), Xr, Yb)
        with pytest.raises(ValueError, match="Y contains NaN or infinite values"):
            mod.loss(params, X, np.where(np.arange(10) == 7, bad, 0.5))


def test_save_params_with_its_arguments_swapped_says_so(ref, tmp_path):
    with pytest.raises(TypeError, match=r"save_params\(path, params\): the path comes first"):
        ref.save_params(ref.init_params(0), tmp_path / "p.npz")
    assert not (tmp_path / "p.npz").exists()


def test_a_parameter_changed_after_a_successful_call_is_still_refused(ref):
    """_check_params remembers the arrays a Params' thread accepted last (identity), so the next call compares only
    what an array can change in place: a shape or dtype set in place, an array replaced (same shape, other dtype; a
    list), a key deleted -- each after a successful call -- gives the message a first call gives; undone, accepted
    again. The oracle: the message of a fresh Params with the same bad entry (no remembered arrays)."""
    X, y = blobs(8)

    def message(params):
        with pytest.raises((TypeError, ValueError)) as info:
            ref.gradients(params, X, y)
        return str(info.value)

    changes = [
        ("W2", lambda p: setattr(p["W2"], "shape", (16, 8)), lambda p: setattr(p["W2"], "shape", (8, 16))),
        ("b1", lambda p: setattr(p["b1"], "shape", (2, 8)), lambda p: setattr(p["b1"], "shape", (16,))),
        ("W1", lambda p: setattr(p["W1"], "dtype", np.int64), lambda p: setattr(p["W1"], "dtype", np.float64)),
        ("b3", lambda p: setattr(p["b3"], "dtype", np.uint64), lambda p: setattr(p["b3"], "dtype", np.float64)),
        ("W3", lambda p: p.__setitem__("W3", p["W3"].astype(np.float32)), None),
        ("W3", lambda p: p.__setitem__("W3", p["W3"].tolist()), None),
        ("b2", lambda p: p.pop("b2"), None),
    ]
    for key, change, undo in changes:
        params = ref.init_params(3)
        state = ref.init_state(params)
        for _ in range(2):  # the second call finds the remembered arrays
            ref.step(params, ref.gradients(params, X, y), state)
        kept = params.get(key)
        change(params)
        fresh = ref.Params(params)  # the same entries, nothing remembered: the oracle's message
        assert message(params) == message(fresh), key
        for call in (lambda p=params: ref.predict(p, X), lambda p=params: ref.train(p, X, y, epochs=1)):
            with pytest.raises((TypeError, ValueError), match=re.escape(message(fresh))):
                call()
        if undo is not None:
            undo(params)
            assert params[key] is kept
            grads = ref.gradients(params, X, y)
            expected = ref.gradients(ref.Params({k: v.copy() for k, v in params.items()}), X, y)
            assert all(np.array_equal(grads[k], expected[k]) for k in ref.PARAM_KEYS)


def test_the_common_case_checks_give_the_messages_and_results_of_the_general_ones(ref):
    """gradients() takes a plain array X and Y in the parameters' dtype and shape by a few comparisons and Y's range by
    two reductions; anything else goes through _inputs/_targets as before. Every bad value at every place of a plain X
    (NaN, inf) and Y (NaN, inf, -inf, out of [0, 1]) gives the message the general path gives (the oracle: the same
    array as an ndarray subclass, which never takes the common path); good data gives the same gradients either way."""

    class Other(np.ndarray):
        pass

    def general(A):
        return np.asarray(A).view(Other)

    rng = np.random.default_rng(4)
    for dtype in (np.float32, np.float64):
        params = ref.init_params(1, dtype)
        X = rng.normal(size=(6, 4)).astype(dtype)
        Y = np.eye(3, dtype=dtype)[np.arange(6) % 3]
        ref.gradients(params, X, Y)

        def outcome(Xa, Ya, p=params):
            try:
                with np.errstate(all="ignore"):
                    return {k: v.copy() for k, v in ref.gradients(p, Xa, Ya).items()}
            except (TypeError, ValueError) as exc:
                return f"{type(exc).__name__}: {exc}"

        for bad in (np.nan, np.inf, -np.inf):
            for i, j in np.ndindex(X.shape):
                Xb = X.copy()
                Xb[i, j] = bad
                message = "ValueError: X contains NaN or infinite values; clean or impute the data first"
                assert outcome(Xb, Y) == outcome(general(Xb), general(Y)) == message
        one, tiny = dtype(1), np.finfo(dtype).smallest_subnormal
        # Y's range: the values next to its ends, -0.0 and the smallest subnormals on either side of 0
        for value in (np.nan, np.inf, -np.inf, 1.5, -0.25, np.nextafter(one, dtype(2)), -tiny, -0.0, tiny, np.nextafter(one, dtype(0))):
            for i, j in np.ndindex(Y.shape):
                Yb = Y.copy()
                Yb[i, j] = value
                got, other = outcome(X, Yb), outcome(general(X), general(Yb))
                if 0 <= value <= 1:
                    assert not isinstance(got, str) and all(np.array_equal(got[k], other[k]) for k in ref.PARAM_KEYS)
                    continue
                assert got == other and got.startswith("ValueError: Y "), (value, got)
                assert ("NaN or infinite" in got) == (not np.isfinite(value))
        big_endian = ref.init_params(1, np.dtype(dtype).newbyteorder(">"))  # not the native dtype: the general path
        swapped = ref.gradients(big_endian, X.astype(big_endian["W1"].dtype), Y.astype(big_endian["W1"].dtype))
        native = ref.gradients(ref.init_params(1, dtype), X, Y)
        assert all(np.allclose(swapped[k], native[k], rtol=1e-5, atol=1e-6) for k in ref.PARAM_KEYS)
        with pytest.raises(ValueError, match=r"Y must hold targets in \[0, 1\]"):
            ref.gradients(big_endian, X.astype(big_endian["W1"].dtype), (Y * 2).astype(big_endian["W1"].dtype))
        for Xa, Ya in ((X, Y), (X[:, :3], Y), (X[:0], Y[:0]), (X, Y[:, :2]), (X[None], Y), (X, Y[:, 0].astype(np.int64)),
                       (np.asfortranarray(X), np.asfortranarray(Y)), (X.astype(np.float16), Y), (X.tolist(), Y.tolist())):
            got, other = outcome(Xa, Ya), outcome(general(Xa), general(Ya))
            if isinstance(got, str) or isinstance(other, str):
                assert got == other
            else:
                assert all(np.array_equal(got[k], other[k]) for k in ref.PARAM_KEYS)


class _SkippingNumPy:
    """numpy, except that a matrix product skips every product with a zero factor (as reference BLAS did before LAPACK
    3.5): a NaN or inf met by a zero weight does not reach the result. The module under test sees this as ``np``."""

    def __getattr__(self, name):
        return getattr(np, name)

    @staticmethod
    def matmul(A, B, out=None):
        A, B = np.asarray(A), np.asarray(B)
        if A.ndim != 2 or B.ndim != 2:
            return np.matmul(A, B, out=out)
        with np.errstate(all="ignore"):
            terms = A[:, :, None] * B[None, :, :]
        terms[(A[:, :, None] == 0) | (B[None, :, :] == 0)] = 0
        result = terms.sum(axis=1)
        if out is None:
            return result
        out[...] = result
        return out


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_x_read_from_the_product_is_certain_under_a_blas_that_skips_zero_factors(ref, tmp_path, monkeypatch, dtype):
    """gradients() reads a large X's finiteness from column 0 of its product with W1, in _forward's frame (sixteenth
    round: no _finite_through call unless that reading fails). Under a BLAS that skips zero factors a NaN or inf of X
    met only by a zero weight of the first unit leaves that column finite: the zero count must send the check to X itself.
    The oracle: a product written here that skips every zero factor, and where the test put the bad value; with every
    weight of unit 0 nonzero the same X is refused by the column alone (the dot over X is never needed)."""
    column = build(derivation_of(str(ROOT / "examples" / "multilabel_column.toml"), False), tmp_path)
    for mod, Y in ((ref, np.eye(3)[np.arange(6) % 3]), (column, (np.arange(12).reshape(6, 2) % 3 == 0).astype(float))):
        monkeypatch.setattr(mod, "_X_DOT_MAX", 0)  # every X is large: read through the product
        monkeypatch.setattr(mod, "np", _SkippingNumPy())
        params = mod.init_params(3, dtype)
        first = params["W1"][0] if mod is ref else params["W1"][:, 0]
        first[2] = 0.0
        X = np.random.default_rng(2).normal(size=(6, mod.SIZES[0])).astype(dtype)
        for bad in (np.nan, np.inf, -np.inf):
            for i in range(6):
                Xb = X.copy()
                Xb[i, 2] = bad  # met only by the zero weight in unit 0's column
                with np.errstate(all="ignore"):
                    Z = mod.np.matmul(Xb, params["W1"].T if mod is ref else params["W1"])
                assert np.isfinite(Z[:, 0]).all()  # the skipping product hides it from column 0
                with np.errstate(all="ignore"), pytest.raises(ValueError, match="X contains NaN or infinite values"):
                    mod.gradients(params, Xb, Y.astype(dtype))
        calls, original = [], mod._finite
        monkeypatch.setattr(mod, "_finite", lambda name, A, calls=calls, original=original: calls.append(name) or original(name, A))
        first[2] = 0.5  # no zero weight: the column alone finds it, X itself is not read
        Xb = X.copy()
        Xb[4, 2] = np.inf
        with np.errstate(all="ignore"), pytest.raises(ValueError, match="X contains NaN or infinite values"):
            mod.gradients(params, Xb, Y.astype(dtype))
        assert calls == ["X"]  # from _finite_through's fallback, after the column was found non-finite
        calls.clear()
        assert set(mod.gradients(params, X, Y.astype(dtype))) == set(mod.PARAM_KEYS)
        assert calls == []  # finite X, no zero weight: one dot of the column, no pass over X

