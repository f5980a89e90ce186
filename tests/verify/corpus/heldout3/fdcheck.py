"""Shared helpers of the heldout3 oracles (numpy only): central differences, comparisons, and the verdict loop that
ties each oracle to MANIFEST.toml.

Not an oracle itself (tests/verify/test_corpus.py runs ``oracle_*.py``); each oracle imports it from this folder.
``confirm`` reads the expected verdicts of a faithful file and of its planted copy from MANIFEST.toml and requires,
for every graded claim id, a check (NumPy code of what the claim says, compared with central finite differences of
the author's own objective) that holds exactly when the grader's verdict is correct (or carried forward).
"""

import importlib.util
import tomllib
from pathlib import Path

import numpy as np

# central differences and comparisons: the heldout2 helpers, one source of truth for both groups
_spec = importlib.util.spec_from_file_location("heldout2_fdcheck", Path(__file__).parent.parent / "heldout2" / "fdcheck.py")
_base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_base)
EPS, grad, same, holds = _base.EPS, _base.grad, _base.same, _base.holds
GOOD = {"correct", "carried_forward"}


def sigmoid(v):
    return 1 / (1 + np.exp(-v))


def jacobian(f, at, eps=EPS):
    """[i, j] = d f_i / d at_j by central differences (f maps a vector to a vector)."""
    at = np.asarray(at, float)
    return np.array([(f(at + e) - f(at - e)) / (2 * eps) for e in np.eye(len(at)) * eps]).T


def two_layer(rng, n_in, n_hid, n_out, out_by_in=True):
    """Random W1, b1, W2, b2 of a one-hidden-layer network: W out x in (column vectors) or in x out (row vectors)."""
    shape = (lambda i, o: (o, i)) if out_by_in else (lambda i, o: (i, o))
    return rng.normal(size=shape(n_in, n_hid)), rng.normal(size=n_hid), rng.normal(size=shape(n_hid, n_out)), rng.normal(size=n_out)


def expected(answer_file, manifest=Path(__file__).parent / "MANIFEST.toml"):
    """The grader's verdicts of one answer file, from MANIFEST.toml beside this script (or `manifest`)."""
    with Path(manifest).open("rb") as f:
        data = tomllib.load(f)
    for entry in data["answers"]:
        if entry["file"] == answer_file:
            return entry["expect"]
    raise AssertionError(f"{answer_file} is not in MANIFEST.toml")


def confirm(faithful, planted, checks, planted_checks, manifest=Path(__file__).parent / "MANIFEST.toml"):
    """Every graded claim of `faithful` judged by `checks`, of `planted` by `planted_checks` (falling back on `checks`
    for the claims the copy leaves as they were): a check holds exactly when MANIFEST's verdict is correct.
    `unchecked` claims (the grader could not decide either) need no check. `manifest`: another group's MANIFEST.toml
    (heldout4 and heldout5 use this loop)."""
    for file, table in ((faithful, checks), (planted, {**checks, **planted_checks})):
        want = expected(file, manifest)
        unknown = sorted(set(table) - set(want))
        assert not unknown, f"{file}: checks for claims MANIFEST does not grade: {unknown}"
        for cid, verdict in want.items():
            if verdict == "unchecked":
                continue
            assert cid in table, f"{file} [{cid}]: no check"
            ok = holds(table[cid])
            assert ok == (verdict in GOOD), f"{file} [{cid}]: MANIFEST says {verdict}, the oracle says {'correct' if ok else 'incorrect'}"
    for cid in planted_checks:
        assert expected(planted, manifest)[cid] not in GOOD, f"{planted} [{cid}]: a planted check for a claim graded correct"
