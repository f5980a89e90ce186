"""Hostile input, round five (issue 12, sixth pass): the handout of deep layer-kind networks (the worked example's finite
differences along random directions above ``FD_ENTRIES``, runs of identical layers folded), the generated layered
module's running statistics and state, and the round's fresh probes (document macros, Unicode folding, notebooks,
grading, hostile .npz files). benchmarks/probe_hostile.py ("r5:" probes) runs the same classes through the real CLI with
time and memory measured (docs/RELIABILITY.md, "Round five"). Bounds are on CPU time, so a loaded machine does not fail
them."""

from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np
from gradproof.derive.derivation import derive
from gradproof.derive.spec import spec_from_dict
from gradproof.proof import example
from gradproof.proof.layer_proof import FOLD_REPEATS, folds, layer_numbers, render_layer_proof
from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]


def cpu() -> float:
    t = os.times()
    return t.user + t.system


def deep(kind: str, count: int) -> dict:
    layers = [{"units": 3, "activation": "tanh"}] + [{"kind": kind}] * count + [{"units": 2, "activation": "identity"}]
    return {"name": "deep", "inputs": 2, "layers": layers, "loss": {"name": "squared_error"},
            "optimizer": {"name": "sgd", "learning_rate": 0.1}}


# -- the handout of a deep network with layer kinds ----------------------------------------------------------------------
def test_a_deep_batch_norm_handout_is_short_and_fast():
    """120 batch-norm layers. Before: 40 layers took 9.5 CPU s and 198 kB of .tex (every parameter entry differenced
    through the whole program, for each of 20 seeds; every layer written); 498 layers were killed at 120 s."""
    d = derive(spec_from_dict(deep("batchnorm", 120)))
    t = cpu()
    tex = render_layer_proof(d)
    assert cpu() - t < 8
    assert len(tex) < 90_000
    assert re.search(r"the 5 rows above again, \d+ times, every layer number one higher each time", tex)
    assert "along 4 random directions" in tex and "do not agree" not in tex
    # every equation the generated module cites still has its label
    labels = set(re.findall(r"\\(?:label|eqnum|eqlabel)\{\d*\}?\{?(eq:[\w-]+)\}", tex))
    assert {f"eq:forward-{i}" for i in range(len(d.program.forward))} <= labels
    assert {f"eq:backward-{i}" for i in range(len(d.program.backward))} <= labels


def test_the_small_handouts_are_checked_entry_by_entry():
    d = derive(spec_from_dict(deep("layernorm", 2)))
    ex = example.program_example(d)
    assert ex.agrees and ex.directions == 0
    tex = render_layer_proof(d)
    assert "Every gradient entry agrees" in tex and "again," not in tex


def test_the_directional_check_finds_one_wrong_entry():
    """A random-sign direction moves every entry by a full step, so one wrong gradient entry shows in full."""
    rng = np.random.default_rng(1)
    A = rng.normal(size=(30, 30))
    params = {"W": rng.normal(size=(30, 30)), "b": rng.normal(size=30)}

    def objective(p):
        return float(np.sum(np.tanh(A @ p["W"]) ** 2) + np.sum(np.sin(p["b"])))

    u = np.tanh(A @ params["W"])
    grads = {"dW": A.T @ (2 * u * (1 - u**2)), "db": np.cos(params["b"])}
    assert example.fd_directions(params) == example.FD_DIRECTIONS  # 930 entries > FD_ENTRIES
    assert example._finite_differences_agree(objective, params, grads, example.FD_DIRECTIONS)
    for key, idx in (("dW", (3, 17)), ("db", (29,))):
        wrong = {k: v.copy() for k, v in grads.items()}
        wrong[key][idx] += 1e-3
        assert not example._finite_differences_agree(objective, params, wrong, example.FD_DIRECTIONS)


@st.composite
def layered_rows(draw):
    """Rows of a program: a prefix, a run of layers repeating a pattern (layer numbers counting up or down), a suffix."""
    pattern = draw(st.lists(st.sampled_from([r"\mathbf{Z}^{(#)} = \mathbf{H}^{(@)}", r"\mu^{(#)} = 1", r"x^{(#.2)} + 3",
                                             r"\epsilon = 10^{-5}", r"\sigma^{(#)} = \mathbf{Z}^{(@)}"]), min_size=1, max_size=4))
    times, start, step = draw(st.integers(1, 12)), draw(st.integers(2, 50)), draw(st.sampled_from([1, -1]))
    rows = [r"\mathbf{Z}^{(1)} = X"]
    for k in range(times):
        n = start + k * step
        rows += [p.replace("#", str(n)).replace("@", str(n - 1)) for p in pattern]
    if draw(st.booleans()) and times > 2:  # one row of a middle layer changed: that layer must stay visible
        k = draw(st.integers(1, len(rows) - 1))
        rows[k] += r" + 1"
    return rows + [r"J = \ell"]


@given(layered_rows())
def test_folds_hide_only_rows_that_their_note_describes(rows):
    """Every hidden row is the row ``period`` before it with every top-level layer number moved by the run's step, and
    the first and last repeat of a run stay visible."""
    for start, stop, period, step in folds(rows):
        assert stop - start >= (FOLD_REPEATS - 2) * period and (stop - start) % period == 0
        assert step in (1, -1) and any(layer_numbers(r) for r in rows[start:start + period])
        for k in range(start, stop + period):  # the hidden rows and the last repeat, shown after them
            prev = rows[k - period]
            moved = re.sub(r"\{\((\d+)", lambda m, step=step: "{(" + str(int(m.group(1)) + step), prev)
            assert rows[k] == moved


# -- the generated layered module: running statistics, state, saved files -------------------------------------------------
def _bn():
    from gradproof.codegen.loader import import_path

    return import_path(ROOT / "generated" / "bn_mlp.py")


BAD_RUNNING = {
    "shape (1,)": (lambda r: {k: np.ones(1) for k in r}, ValueError, r"running\['running_mean2'\] must have shape \(16,\)"),
    "NaN": (lambda r: {k: v * np.nan for k, v in r.items()}, ValueError, "must be finite"),
    "negative variance": (lambda r: {k: -v - 1 if "var" in k else v for k, v in r.items()}, ValueError, r"running_var2.*>= 0"),
    "missing key": (lambda r: {k: v for k, v in r.items() if k != "running_var4"}, ValueError, r"no 'running_var4' .*\(8,\)"),
    "a list": (lambda r: [1.0], TypeError, "must be a dict"),
    "int arrays": (lambda r: {k: np.ones(v.shape, int) for k, v in r.items()}, TypeError, "float NumPy array of shape"),
    "an extra key": (lambda r: {**r, "running_mean9": np.ones(2)}, ValueError, "running_mean9"),
}


def test_the_generated_module_refuses_bad_running_statistics():
    """Before: shape (1,) arrays broadcast and NaN or negative variances predicted silently; a missing key was a bare
    KeyError, a list a NumPy TypeError."""
    m = _bn()
    p = m.init_params(0)
    X, Y = np.ones((4, 4)), np.eye(3)[[0, 1, 2, 0]]
    for label, (make, error, message) in BAD_RUNNING.items():
        bad = make(m.init_running(p))
        for call in (lambda bad=bad: m.predict(p, X, running=bad), lambda bad=bad: m.forward(p, X, True, running=bad),
                     lambda bad=bad: m.gradients(p, X, Y, running=bad),
                     lambda bad=bad: m.train(p, X, Y, epochs=1, running=bad)):
            try:
                call()
            except error as exc:
                assert re.search(message, str(exc)), (label, exc)
            else:
                raise AssertionError(f"accepted running statistics with {label}")
    assert m.predict(p, X, running=m.init_running(p)).shape == (4,)


def test_the_generated_module_refuses_a_wrong_state():
    """Before: train(..., state={"x": 1}) was KeyError 'flat'."""
    m = _bn()
    p = m.init_params(0)
    X, Y = np.ones((4, 4)), np.eye(3)[[0, 1, 2, 0]]
    good = m.init_state(p)
    for state, error, message in (({"x": 1}, ValueError, "state has no 't'"), ([], TypeError, "must be the dict"),
                                  ({**good, "flat": {}}, ValueError, r"state\['flat'\]\['g'\]"),
                                  ({**good, "t": -1}, TypeError, "step count"),
                                  (m.init_state(m.init_params(0, np.float32)), ValueError, "float64 array")):
        try:
            m.train(p, X, Y, epochs=1, state=state)
        except error as exc:
            assert re.search(message, str(exc)), exc
        else:
            raise AssertionError(f"accepted the state {state!r:.60}")
    m.train(p, X, Y, epochs=1, state=good)


def _bomb(path, name: str, shape: tuple, arrays: dict) -> None:
    """``arrays`` saved at ``path`` plus a member ``name`` of zeros of ``shape`` (float64), streamed: a small file."""
    import io
    import zipfile

    np.savez(path, **arrays)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z, \
            z.open(name + ".npy", "w", force_zip64=True) as f:
        header = io.BytesIO()
        np.lib.format.write_array_header_1_0(header, {"descr": "<f8", "fortran_order": False, "shape": shape})
        f.write(header.getvalue())
        size, chunk = int(np.prod(shape)) * 8, bytes(1 << 22)
        for _ in range(size // len(chunk)):
            f.write(chunk)
        f.write(bytes(size % len(chunk)))


def test_hostile_npz_files_are_refused_without_reading_them(tmp_path):
    """A 3 MB .npz whose unused (or misshapen) array inflates to 3.2 GB was read whole (3.1 GB peak); object arrays, a
    single .npy, text and a truncated member were NumPy's messages (one advising allow_pickle)."""
    import resource

    m = _bn()
    p = m.init_params(0)
    running = m.init_running(p)
    _bomb(tmp_path / "bomb.npz", "zzz", (5000, 8000), p)  # 320 MB inflated, 1.4 MB on disk
    _bomb(tmp_path / "big W1.npz", "W1", (5000, 8000), {k: v for k, v in p.items() if k != "W1"})
    np.savez(tmp_path / "big running.npz", **p, **{f"running.{k}": np.zeros(10**6) for k in running})
    np.savez(tmp_path / "object.npz", **{k: np.array([None] * v.size, dtype=object) for k, v in p.items()})
    np.save(tmp_path / "one.npy", np.ones(3))
    (tmp_path / "text.npz").write_text("hello")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert len(m.load_params(tmp_path / "bomb.npz")) == len(p)  # the extra array is never read
    for name, message in (("big W1.npz", r"params\['W1'\] must have shape \(16, 4\), got shape \(5000, 8000\)"),
                          ("object.npz", "must have shape|float arrays"), ("one.npy", "not a .npz file written by save_params"),
                          ("text.npz", "not a .npz file written by save_params")):
        try:
            m.load_params(tmp_path / name)
        except ValueError as exc:
            assert re.search(message, str(exc)) and "allow_pickle" not in str(exc), exc
        else:
            raise AssertionError(f"loaded {name}")
    try:
        m.load_running(tmp_path / "big running.npz")
    except ValueError as exc:
        assert "running_mean2'] must have shape (16,), got shape (1000000,)" in str(exc)
    else:
        raise AssertionError("loaded running statistics of the wrong shape")
    assert (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024 < 150e6


# -- Unicode folding and the timers --------------------------------------------------------------------------------------
def test_combining_marks_fold_in_linear_time():
    """200 kB of combining marks in one claim: 107 s and an internal error before (NFD sorts a run of marks in
    quadratic time, inside one C call the timers cannot interrupt); each run is now cut to MAX_MARKS first."""
    from gradproof.verify import normalize

    t = cpu()
    out = normalize.normalize("J = y" + "\u0302\u0301\u0323" * 70_000)
    assert cpu() - t < 2 and len(out) < 200
    assert normalize.fold_unicode("\u0177 = y\u0302") == r"\hat{y} = \hat{y}"  # a hat still reads


@given(st.text(alphabet="ab\u0302\u0301\u0323\u05b0 ", max_size=120))
def test_cap_marks_keeps_text_without_long_runs(text):
    import unicodedata

    from gradproof.verify.normalize import MAX_MARKS, cap_marks

    capped = cap_marks(text)
    assert cap_marks(capped) == capped
    assert not re.search("[\u0302\u0301\u0323\u05b0]{%d}" % (MAX_MARKS + 1), capped)
    if not re.search("[\u0302\u0301\u0323\u05b0]{%d}" % (MAX_MARKS + 1), text):
        assert capped == text
    assert "".join(c for c in capped if not unicodedata.combining(c)) == "".join(c for c in text if not unicodedata.combining(c))


def test_two_budget_timers_expiring_in_one_c_call_give_one_clear_error():
    """Both of the run's timers (CPU and wall clock) expired during one long C call; the second alarm was raised while
    the first unwound, escaped every block ("internal error: _Expired: time limit") and left a timer armed."""
    import signal
    import time
    import unicodedata

    import pytest
    from gradproof.derive import limits

    with pytest.raises(limits.TimeLimitError, match="stopped after 0.3 s"):
        with limits.run_budget("x", seconds=0.3, memory=None, wall=0.3, wall_min_cpu=0):
            unicodedata.normalize("NFD", "y" + "\u0302\u0301\u0323" * 12_000)  # over 1 s in C: no signal is handled
            start = time.monotonic()
            while time.monotonic() - start < 2:
                pass
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0) and signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
    assert limits._unwinding[0] is None


# -- the grading CLI ----------------------------------------------------------------------------------------------------
def _processes_naming(text: str) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if text in (entry / "cmdline").read_bytes().decode(errors="replace"):
                    out.append(int(entry.name))
            except OSError:
                pass
    return out


def test_the_workers_of_a_killed_batch_exit(tmp_path):
    """An autograder's timeout kills the batch (SIGKILL): its workers, each holding copies of the others' pipes, waited
    for each other forever (found orphaned after 8 minutes); now they see the parent is gone and exit."""
    import signal
    import subprocess
    import sys
    import time

    alice = (ROOT / "examples" / "grading" / "submissions" / "alice.md").read_text()
    subs = tmp_path / "subs"
    subs.mkdir()
    for k in range(60):
        (subs / f"s{k}.md").write_text(alice)
    gradproof = str(Path(sys.executable).with_name("gradproof"))
    proc = subprocess.Popen([gradproof, "verify", str(subs), "--spec", str(ROOT / "examples" / "reference_mlp.toml"), "--jobs",
                             "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(_processes_naming(str(subs))) < 3 and time.monotonic() < deadline:  # the parent and its two workers
        time.sleep(0.2)
    time.sleep(1)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 30  # a worker finishes the submission it holds, then looks for its parent
    while _processes_naming(str(subs)) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = _processes_naming(str(subs))
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left


# -- notebooks ------------------------------------------------------------------------------------------------------------
def test_a_notebook_with_plots_is_read(tmp_path):
    """A student's notebook with a plot (a base64 image output, an attachment) passed 1 MB on disk: "the document is larger
    than 1000000 bytes". Its outputs are not read; a notebook may be 20 MB, its Markdown 1 MB."""
    import json

    from gradproof.derive.errors import AnswerError
    from gradproof.verify.document import MAX_NOTEBOOK_BYTES, load_document

    md = {"cell_type": "markdown", "metadata": {}, "source": ["$$\\delta^{(3)} = \\hat{y} - y$$\n"],
          "attachments": {"a.png": {"image/png": "iVBOR" * 300_000}}}
    code = {"cell_type": "code", "metadata": {}, "source": ["plt.plot(x)"], "execution_count": 1,
            "outputs": [{"output_type": "display_data", "data": {"image/png": "iVBOR" * 400_000}, "metadata": {}}]}
    nb = tmp_path / "h.ipynb"
    nb.write_text(json.dumps({"cells": [md, code] * 3, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    assert 10_000_000 < nb.stat().st_size < MAX_NOTEBOOK_BYTES
    t = cpu()
    claims = load_document(nb)
    assert len(claims) == 3 and cpu() - t < 3
    nb.write_text(json.dumps({"cells": [md, code] * 8}))
    try:
        load_document(nb)
    except AnswerError as exc:
        assert "clear its outputs" in str(exc)
    else:
        raise AssertionError("read a notebook over MAX_NOTEBOOK_BYTES")
