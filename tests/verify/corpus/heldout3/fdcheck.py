"""Shared helpers of the heldout3 oracles (numpy only): central differences, comparisons, and the verdict loop that
ties each oracle to MANIFEST.toml.

Not an oracle itself (tests/verify/test_corpus.py runs ``oracle_*.py``); each oracle imports it from this folder.
``confirm`` reads the expected verdicts of a faithful file and of its planted copy from MANIFEST.toml and requires,
for every graded claim id, a check (NumPy code of what the claim says, compared with central finite differences of
the author's own objective) that holds exactly when the grader's verdict is correct (or carried forward).
"""

import tomllib
from pathlib import Path

import numpy as np

EPS = 1e-6
GOOD = {"correct", "carried_forward"}


def grad(fun, base, eps=EPS):
    """d fun / d base by central differences, with base's shape (fun returns a float)."""
    base = np.asarray(base, float)
    g = np.zeros_like(base)
    for idx in np.ndindex(base.shape):
        e = np.zeros_like(base)
        e[idx] = eps
        g[idx] = (fun(base + e) - fun(base - e)) / (2 * eps)
    return g


def same(p, q, rtol=1e-5, atol=1e-7):
    """Equal shapes and values (a claim whose shape differs is not the quantity)."""
    p, q = np.asarray(p, float), np.asarray(q, float)
    return p.shape == q.shape and np.allclose(p, q, rtol=rtol, atol=atol)


def holds(check):
    """A claim's check; one whose shapes or indices do not fit (numpy raises) does not hold."""
    try:
        return bool(check())
    except (ValueError, IndexError):
        return False


def expected(answer_file):
    """The grader's verdicts of one answer file, from MANIFEST.toml beside this script."""
    with (Path(__file__).parent / "MANIFEST.toml").open("rb") as f:
        data = tomllib.load(f)
    for entry in data["answers"]:
        if entry["file"] == answer_file:
            return entry["expect"]
    raise AssertionError(f"{answer_file} is not in MANIFEST.toml")


def confirm(faithful, planted, checks, planted_checks):
    """Every graded claim of `faithful` judged by `checks`, of `planted` by `planted_checks` (falling back on `checks`
    for the claims the copy leaves as they were): a check holds exactly when MANIFEST's verdict is correct.
    `unchecked` claims (the grader could not decide either) need no check."""
    for file, table in ((faithful, checks), (planted, {**checks, **planted_checks})):
        want = expected(file)
        unknown = sorted(set(table) - set(want))
        assert not unknown, f"{file}: checks for claims MANIFEST does not grade: {unknown}"
        for cid, verdict in want.items():
            if verdict == "unchecked":
                continue
            assert cid in table, f"{file} [{cid}]: no check"
            ok = holds(table[cid])
            assert ok == (verdict in GOOD), f"{file} [{cid}]: MANIFEST says {verdict}, the oracle says {'correct' if ok else 'incorrect'}"
    for cid in planted_checks:
        assert expected(planted)[cid] not in GOOD, f"{planted} [{cid}]: a planted check for a claim graded correct"
