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
    for start, stop, period in folds(rows):
        assert stop - start >= (FOLD_REPEATS - 2) * period and (stop - start) % period == 0
        step = layer_numbers(rows[start])[0] - layer_numbers(rows[start - period])[0]
        assert step in (1, -1)
        for k in range(start, stop + period):  # the hidden rows and the last repeat, shown after them
            prev = rows[k - period]
            moved = re.sub(r"\{\((\d+)", lambda m, step=step: "{(" + str(int(m.group(1)) + step), prev)
            assert rows[k] == moved
