"""Shared helpers of the heldout5 oracles (numpy only): the heldout3 helpers (central differences, comparisons) and
the verdict loop that ties each oracle to this folder's MANIFEST.toml.

Not an oracle itself (tests/verify/test_corpus.py runs ``oracle_*.py``); each oracle imports it from this folder.
``confirm`` reads the expected verdicts of a faithful file and of its planted copy from MANIFEST.toml and requires,
for every graded claim id, a check (NumPy code of what the claim says, compared with central finite differences of
the author's own objective) that holds exactly when the grader's verdict is correct (or carried forward).
"""

import importlib.util
import tomllib
from pathlib import Path

_spec = importlib.util.spec_from_file_location("heldout3_fdcheck", Path(__file__).parent.parent / "heldout3" / "fdcheck.py")
_base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_base)
EPS, grad, same, holds, sigmoid, jacobian = _base.EPS, _base.grad, _base.same, _base.holds, _base.sigmoid, _base.jacobian
GOOD = _base.GOOD


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
