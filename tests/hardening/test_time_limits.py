"""derive.limits.time_limit: a clear error on time-out, SymPy's except-Exception blocks cannot swallow it, nesting."""

from __future__ import annotations

import threading
import time

import pytest
import sympy as sp
from gradproof.derive import limits
from gradproof.derive.derivation import derive
from gradproof.derive.errors import DerivationError
from gradproof.derive.spec import spec_from_dict


def _spin(seconds: float) -> None:
    """``seconds`` of CPU work (not wall time: on a loaded machine the work, not the clock, is what a limit must cut)."""
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_a_slow_block_raises_a_clear_error():
    t0 = time.process_time()
    with pytest.raises(limits.TimeLimitError, match=r"spinning took longer than 0.2 s; do less"):
        with limits.time_limit(0.2, "spinning", "do less"):
            _spin(5)
    assert time.process_time() - t0 < 1.0  # interrupted after at most 0.2 s of work (plus signal latency), not 5 s


def test_except_exception_inside_the_block_cannot_swallow_the_time_out():
    with pytest.raises(limits.TimeLimitError):
        with limits.time_limit(0.2, "stubborn"):
            for _ in range(50):
                try:
                    _spin(0.1)
                except Exception:  # noqa: BLE001 -- what SymPy's simplifiers do
                    pass


def test_a_fast_block_is_untouched_and_the_timer_is_disarmed():
    import signal

    with limits.time_limit(5, "quick"):
        x = sum(range(1000))
    assert x == 499500
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_an_inner_limit_never_extends_the_outer_one():
    with pytest.raises(limits.TimeLimitError, match="outer"):
        with limits.time_limit(0.3, "outer"):
            with limits.time_limit(10, "inner"):
                _spin(3)


def test_the_outer_limit_is_re_armed_after_an_inner_block():
    with pytest.raises(limits.TimeLimitError, match="outer"):
        with limits.time_limit(0.5, "outer"):
            with limits.time_limit(0.2, "inner"):
                pass
            _spin(3)


def test_an_inner_time_out_can_be_caught_and_the_outer_limit_still_holds():
    with pytest.raises(limits.TimeLimitError, match="outer"):
        with limits.time_limit(0.8, "outer"):
            with pytest.raises(limits.TimeLimitError, match="inner"):
                with limits.time_limit(0.1, "inner"):
                    _spin(3)
            _spin(3)


def test_outside_the_main_thread_it_is_a_documented_no_op():
    seen = []

    def work():
        with limits.time_limit(0.05, "thread"):
            _spin(0.2)
        seen.append(limits.available())

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert seen == [False]


def _net(formula: str) -> dict:
    return {"name": "m", "inputs": 3, "layers": [{"units": 3, "activation": {"name": "m", "formula": formula}},
                                                   {"units": 2, "activation": "sigmoid"}],
            "loss": {"name": "binary_cross_entropy"}, "optimizer": {"name": "sgd"}}


def test_activation_time_out_names_file_layer_and_formula(monkeypatch):
    monkeypatch.setattr(limits, "ACTIVATION_SECONDS", 0.01)
    formula = "x*sigmoid(x)*tanh(x)"
    with pytest.raises(DerivationError) as err:
        derive(spec_from_dict(_net(formula), "nets/m.toml"))
    msg = str(err.value)
    assert msg.startswith("nets/m.toml: layer 1: deriving activation 'm'") and repr(formula) in msg
    assert "took longer than 0.01 s" in msg and "simpler formula" in msg


def test_instantiation_time_out_is_a_clear_error(monkeypatch):
    from gradproof.derive import checks

    real = checks.check_window

    def slow(sub, seed=0, window=()):
        _spin(3)
        return real(sub, seed, window)

    monkeypatch.setattr(checks, "check_window", slow)
    monkeypatch.setattr(limits, "INSTANTIATION_SECONDS", 0.2)
    with pytest.raises(DerivationError, match=r"m.toml: the instantiation check of layers 1, 2 \(symengine.diff of the expanded "
                                              r"loss\) took longer than 0.2 s; use simpler activation formulas"):
        derive(spec_from_dict(_net("tanh(tanh(x))*x"), "m.toml"))


def test_the_instance_is_decided_by_the_network_not_by_the_clock(monkeypatch):
    """No fallback to a smaller instance under load: a slow check is slow, never smaller (the proof text stays the same)."""
    from gradproof.derive import checks

    spec = spec_from_dict(_net("x*tanh(x)"), "m.toml")
    fast = derive(spec).checks
    real = checks.check_window

    def slow(sub, seed=0, window=()):
        _spin(0.3)
        return real(sub, seed, window)

    monkeypatch.setattr(checks, "check_window", slow)
    assert derive(spec).checks == fast
    assert fast[0].sizes == (3, 2, 2) and fast[0].window == (1, 2)


def test_sympy_still_works_after_an_interrupted_computation(monkeypatch):
    """An interrupted SymPy call leaves half-built cache entries; time_limit clears the caches."""
    monkeypatch.setattr(limits, "ACTIVATION_SECONDS", 0.02)
    with pytest.raises(DerivationError):
        derive(spec_from_dict(_net("sqrt(sqrt(1 + x^2))*atan(x)^3*exp(-x^2)"), "m.toml"))
    monkeypatch.setattr(limits, "ACTIVATION_SECONDS", 20)
    d = derive(spec_from_dict(_net("abs(x)^3"), "m.toml"))
    assert d.all_passed
    x = sp.Symbol("x", real=True)
    assert sp.simplify(sp.diff(sp.Abs(x) ** 3, x) - 3 * x * sp.Abs(x)).subs(x, 2) == 0


@pytest.mark.parametrize("name, in_h", [("tanh", "1 - h**2"), ("sigmoid", "h*(1 - h)"), ("softplus", "1 - exp(-h)")])
def test_the_guards_keep_the_textbook_forms(name, in_h):
    data = _net("x")
    data["layers"][0]["activation"] = name
    d = derive(spec_from_dict(data, "m.toml"), check=False)
    assert str(d.layers[0].dphi_h) == in_h


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_an_alarm_swallowed_by_python_is_raised_again():
    """Exceptions in gc callbacks and __del__ are discarded by Python; the repeating timer raises again."""
    import gc

    swallowed = []

    def callback(phase, info):
        if phase == "start":
            swallowed.append(True)
            t = time.monotonic() + 0.5
            while time.monotonic() < t:  # the first alarm lands here and is discarded ("unraisable")
                pass

    import sys

    discarded = []
    hook, sys.unraisablehook = sys.unraisablehook, discarded.append  # not pytest's hook: formatting the discarded
    gc.callbacks.append(callback)                                    # alarm is slow on a loaded machine, and the
    try:                                                             # repeated alarm would land inside it
        with pytest.raises(limits.TimeLimitError):
            with limits.time_limit(0.1, "collecting"):
                gc.collect()
                gc.callbacks.remove(callback)
                _spin(3)
    finally:
        sys.unraisablehook = hook
        if callback in gc.callbacks:
            gc.callbacks.remove(callback)
    assert swallowed and discarded  # the first alarm was discarded by Python, and the repeated one still got through


def test_a_cpu_time_limit_waits_for_work_not_for_the_clock():
    """Verify's per-claim limits count the process's CPU time (a verdict must not depend on the machine's load): a
    block that waits (as a starved process does) is not stopped at the bound, one that works is; a block that only
    waits is stopped at CPU_WAIT times the bound."""
    with limits.time_limit(0.2, "waiting", cpu=True):
        time.sleep(0.5)  # 0.5 s of wall clock, no CPU: within the bound
    with pytest.raises(limits.TimeLimitError, match="working took longer than 0.2 s"):
        with limits.time_limit(0.2, "working", cpu=True):
            end = time.process_time() + 3
            while time.process_time() < end:
                pass
    start = time.monotonic()
    with pytest.raises(limits.TimeLimitError):
        with limits.time_limit(0.2, "starved", cpu=True):
            time.sleep(5)
    assert time.monotonic() - start < 0.2 * limits.CPU_WAIT + 1
