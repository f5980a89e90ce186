"""Shared helpers of the heldout4 and heldout5 oracles (numpy only; heldout5/fdcheck.py is a link to this file): the
heldout3 helpers (central differences, comparisons, the verdict loop), with the verdicts read from the MANIFEST.toml
of the folder the oracle runs from (the one holding the link).

Not an oracle itself (tests/verify/test_corpus.py runs ``oracle_*.py``); each oracle imports it from this folder.
``confirm`` reads the expected verdicts of a faithful file and of its planted copy from MANIFEST.toml and requires,
for every graded claim id, a check (NumPy code of what the claim says, compared with central finite differences of
the author's own objective) that holds exactly when the grader's verdict is correct (or carried forward).
"""

import functools
import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("heldout3_fdcheck", Path(__file__).parent.parent / "heldout3" / "fdcheck.py")
_base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_base)
EPS, grad, same, holds, sigmoid, jacobian, GOOD = _base.EPS, _base.grad, _base.same, _base.holds, _base.sigmoid, _base.jacobian, _base.GOOD
MANIFEST = Path(__file__).parent / "MANIFEST.toml"
expected = functools.partial(_base.expected, manifest=MANIFEST)
confirm = functools.partial(_base.confirm, manifest=MANIFEST)
