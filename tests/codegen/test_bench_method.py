"""benchmarks/bench_step.py's method: paired rounds in alternating order, warm-up discarded, and a bootstrap interval
whose verdict follows the data (synthetic times, so no timing is asserted)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from unittest import mock

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bench():
    with mock.patch.dict(os.environ), mock.patch.object(sys, "path", [str(ROOT / "benchmarks"), *sys.path]):
        import bench_step  # sets the BLAS thread variables: only inside this patched environment

        return bench_step


def test_rounds_alternate_their_order_and_discard_the_warm_up(bench, monkeypatch):
    calls = []
    impls = {name: (lambda X, Y, name=name: calls.append(name), None, None) for name in "abc"}
    monkeypatch.setattr(bench, "BLOCK", 0.0)  # one call per block
    times = bench.sample(impls, chain=["c", "x", "a", "b"], min_rounds=4, max_rounds=4)
    assert sorted(times) == ["a", "b", "c"] and all(len(t) == 4 for t in times.values())
    calibration, rounds = calls[:6], calls[6:]  # each implementation called twice to calibrate its block
    assert calibration == ["c", "c", "a", "a", "b", "b"]
    warm_up, kept = rounds[:6], rounds[6:]
    assert warm_up == ["c", "a", "b", "b", "a", "c"]  # round -2 in chain order, round -1 reversed
    assert kept == ["c", "a", "b", "b", "a", "c"] * 2  # rounds 0..3: the order flips every round


def test_sessions_build_fresh_implementations_and_share_the_rounds(bench, monkeypatch):
    built = []

    def build():
        built.append(object())
        return {"a": (lambda X, Y: None, None, None)}

    monkeypatch.setattr(bench, "BLOCK", 0.0)
    out = bench.sessions(build, sessions=3, min_rounds=7, max_rounds=7)
    assert len(built) == 3 and len(out) == 3 and [len(s["a"]) for s in out] == [3, 3, 3]


@pytest.mark.parametrize(("true_ratio", "verdict"), [(0.9, "meets"), (1.1, "misses"), (1.0, "undecided")])
def test_the_verdict_follows_the_paired_ratio(bench, true_ratio, verdict):
    rng = np.random.default_rng(1)
    den = 1e-3 * (1 + rng.random(200))  # the machine's speed drifts by 2x between rounds: pairing cancels it
    num = den * true_ratio * np.exp(rng.normal(0, 0.03, 200))
    stats = bench.ratio(num, den, 1.0)
    assert stats["verdict"].startswith(verdict)
    assert stats["lo"] <= stats["median"] <= stats["hi"] and stats["rounds"] == 200
    assert abs(stats["median"] - true_ratio) < 0.02


def test_the_interval_holds_the_spread_between_sessions(bench):
    rng = np.random.default_rng(2)
    den = [np.full(60, 1e-3) for _ in range(3)]
    # three sessions whose ratios sit 4 % apart (another memory layout each), each very tight within itself
    num = [d * (0.96 + 0.04 * k) * np.exp(rng.normal(0, 0.002, 60)) for k, d in enumerate(den)]
    pooled = bench.ratio(num, den, 1.0)
    one_level = bench.ratio(np.concatenate(num), np.concatenate(den), 1.0)
    assert one_level["hi"] - one_level["lo"] < 0.03 < pooled["hi"] - pooled["lo"]
    assert pooled["lo"] < 1.0 < pooled["hi"] and pooled["verdict"].startswith("undecided")


def test_a_row_can_discard_fewer_warm_up_rounds(bench, monkeypatch):
    calls = []
    monkeypatch.setattr(bench, "BLOCK", 0.0)
    times = bench.sample({"a": (lambda X, Y: calls.append(1), None, None)}, min_rounds=3, max_rounds=3, warmup=1)
    assert len(times["a"]) == 3 and len(calls) == 2 + 1 + 3  # calibration, one warm-up round, three kept
    assert set(bench.TRAIN_RUN) == set(bench.SIZES)  # every size has its timed train call


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_the_jax_column_times_the_same_step(bench, tmp_path, dtype):
    """The JAX step (jax.grad of its own objective, where JAX is installed) and the generated module's step give the
    same parameters after three steps: the column times the same computation."""
    pytest.importorskip("jax")
    sizes, batch = bench.SIZES["tiny"]
    mod, _ = bench.generated_module(bench.reference_table(sizes), tmp_path)
    rng = np.random.default_rng(3)
    X = rng.standard_normal((batch, sizes[0])).astype(dtype)
    Y = np.eye(sizes[-1], dtype=dtype)[rng.integers(0, sizes[-1], batch)]
    step, to_jax = bench.jax_step_factory(mod.init_params(0, dtype), dtype)
    params = mod.init_params(0, dtype)
    state = mod.init_state(params)
    for _ in range(3):
        step(to_jax(X), to_jax(Y))
        mod.step(params, mod.gradients(params, X, Y), state)
    tol = 1e-5 if dtype == np.float32 else 1e-12
    for key, value in step.params().items():
        assert value.dtype == dtype
        np.testing.assert_allclose(value, params[key], rtol=tol, atol=tol)


def test_time_boxes_per_size(bench):
    """--seconds: one number for every size, or size=S pairs (the sizes not named keep SECONDS); an unknown size is an
    error."""
    assert bench.time_boxes(None) == bench.SECONDS
    assert bench.time_boxes(None, quick=True) == {k: v / 4 for k, v in bench.SECONDS.items()}
    assert bench.time_boxes("7") == dict.fromkeys(bench.SECONDS, 7.0)
    boxes = bench.time_boxes("tiny=10, large=60")
    assert boxes["tiny"] == 10.0 and boxes["large"] == 60.0 and boxes["mnist"] == bench.SECONDS["mnist"]
    with pytest.raises(ValueError, match="unknown size 'huge'"):
        bench.time_boxes("huge=3")


def test_split_rounds_time_each_half_of_a_step_in_alternating_order():
    """ab_step --split: each call's first half hands its value to the second (gradients to step); rounds alternate
    their order and the two warm-up rounds are discarded; a round keeps one (first, second) pair per implementation."""
    with mock.patch.dict(os.environ), mock.patch.object(sys, "path", [str(ROOT / "benchmarks"), *sys.path]):
        import ab_step

    calls = []

    def parts(name):
        return (lambda: calls.append(name) or name, lambda value: calls.append(value + "'"))

    times = ab_step.split_rounds({"a": parts("a"), "b": parts("b")}, rounds=3, calls=2, order=["b", "a"])
    assert sorted(times) == ["a", "b"] and all(len(t) == 3 and all(len(pair) == 2 for pair in t) for t in times.values())
    # every round: each implementation's 2 calls, each gradients then its step; round -2 in order, then reversed, ...
    one = {name: [name, name + "'"] * 2 for name in "ab"}
    assert calls == (one["b"] + one["a"] + one["a"] + one["b"]) * 2 + one["b"] + one["a"]
    assert all(t >= 0 for pairs in times.values() for pair in pairs for t in pair)
