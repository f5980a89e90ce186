"""The committed generated modules (generated/*.py) against extreme values and wrong arrays (cases_hardening.ARRAY_CASES).

Decided and documented in docs/RELIABILITY.md and docs/CODEGEN.md's contract: bool/int/float arrays and nested lists
are converted to the parameters' dtype; complex, object and text arrays are a TypeError; NaN/inf, wrong shapes and
empty batches are a ValueError; every public entry point (forward, loss, gradients, train) checks its arguments.
"""

from __future__ import annotations

import functools

import numpy as np
import pytest
from cases_hardening import ARRAY_CASES
from conftest import ROOT
from gradproof.codegen.loader import import_path

MODULES = sorted((ROOT / "generated").glob("*.py"))


@functools.lru_cache(maxsize=None)
def module(path):
    return import_path(path)


def data(mod, n=5, dtype=np.float64, seed=0):
    rng = np.random.default_rng(seed)
    k = mod.SIZES[-1]
    X = rng.normal(size=(n, mod.SIZES[0])).astype(dtype)
    Y = np.eye(k, dtype=dtype)[rng.integers(0, k, n)] if k > 1 else rng.integers(0, 2, (n, 1)).astype(dtype)
    return X, Y


def _set_bias(params, l, values):
    W, b = params[f"W{l}"], params[f"b{l}"]
    W[...] = 0
    b[...] = np.resize(np.asarray(values, dtype=b.dtype), b.shape)


def _finite(mod, params, X, Y):
    with np.errstate(all="ignore"):  # an unselected np.where branch may overflow; the result must not
        J = mod.loss(params, X, Y)
        grads = mod.gradients(params, X, Y)
        state = mod.init_state(params)
        mod.step(params, grads, state)
    assert np.isfinite(J)
    for key, g in grads.items():
        assert np.isfinite(g).all(), key
        assert g.dtype == params[key].dtype
    assert all(np.isfinite(v).all() for v in params.values())


def run_case(mod, case_id):
    L = len(mod.SIZES) - 1
    X, Y = data(mod)
    p = mod.init_params(0)
    if case_id == "output logits +1000":
        _set_bias(p, L, [1000.0])
    elif case_id == "output logits -1000":
        _set_bias(p, L, [-1000.0])
    elif case_id == "output logits +-1000 mixed":
        _set_bias(p, L, [1000.0, -1000.0, 0.0])
    elif case_id == "hidden layers saturated (+-1000)":
        for l in range(1, L):
            if f"W{l}" in p:  # dense layers (a module with layer kinds has others)
                _set_bias(p, l, [1000.0, -1000.0])
    elif case_id == "inputs x 1e6":
        X = X * 1e6
    elif case_id.startswith("float32"):
        p = mod.init_params(0, np.float32)
        X, Y = data(mod, dtype=np.float32)
        if "logits" in case_id:
            _set_bias(p, L, [1000.0, -1000.0, 0.0])
        if "training" in case_id:
            with np.errstate(all="ignore"):
                history = mod.train(p, X, Y, epochs=3, batch_size=2)
            assert all(np.isfinite(history["loss"])) and all(v.dtype == np.float32 for v in p.values())
            return
        Y_hat, _ = mod.forward(p, X)
        assert Y_hat.dtype == np.float32
    elif case_id == "int X (converted)":
        X = np.round(X * 3).astype(int)
    elif case_id == "bool X (converted)":
        X = X > 0
    elif case_id == "nested lists (converted)":
        X, Y = X.tolist(), Y.tolist()
    elif case_id == "object X":
        X = np.array([[None] * X.shape[1]] * len(X))
    elif case_id == "string X":
        X = X.astype(str)
    elif case_id == "complex X":
        X = X + 1j
    elif case_id == "NaN in X":
        X[0, 0] = np.nan
    elif case_id == "inf in Y":
        Y[0, 0] = np.inf
    elif case_id == "1-D X":
        X = X[0]
    elif case_id == "3-D X":
        X = X[None]
    elif case_id == "X one column short":
        X = X[:, :-1]
    elif case_id == "X with no rows":
        X, Y = X[:0], Y[:0]
    elif case_id == "Y with a wrong number of rows":
        Y = Y[:-1]
    elif case_id == "Y transposed":
        Y = Y.T
    elif case_id == "params missing a key":
        p.pop(f"b{L}")
    elif case_id == "integer params":
        p = {k: v.astype(int) for k, v in p.items()}
    elif case_id == "train with batch_size 0":
        mod.train(p, X, Y, epochs=1, batch_size=0)
    else:
        raise AssertionError(f"no code for case {case_id!r}")
    _finite(mod, p, X, Y)


@pytest.mark.parametrize("path", MODULES, ids=[p.stem for p in MODULES])
@pytest.mark.parametrize("case", ARRAY_CASES, ids=[c.id for c in ARRAY_CASES])
def test_generated_module_case(path, case):
    mod = module(path)
    if case.error is None:
        run_case(mod, case.id)
        return
    with pytest.raises({"TypeError": TypeError, "ValueError": ValueError}[case.error]) as err:
        run_case(mod, case.id)
    msg = str(err.value)
    assert any(word in msg for word in ("X", "Y", "params", "batch_size")), msg


@pytest.mark.parametrize("path", MODULES, ids=[p.stem for p in MODULES])
@pytest.mark.parametrize("entry", ["forward", "loss", "gradients", "train"])
def test_every_entry_point_checks_its_arrays(path, entry):
    mod = module(path)
    p = mod.init_params(0)
    X, Y = data(mod)
    X[1, 0] = np.nan
    args = (p, X) if entry == "forward" else (p, X, Y)
    with pytest.raises(ValueError, match="NaN"):
        getattr(mod, entry)(*args)
    with pytest.raises(TypeError, match="numeric"):
        getattr(mod, entry)(p, X.astype(object), *args[2:])
