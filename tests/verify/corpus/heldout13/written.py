"""Written numbers of heldout13's worked examples (numpy only; not an oracle -- tests/verify/test_corpus.py runs
``oracle_*.py``): the grader's rule of MANIFEST.toml's header, one unit of the last written digit or 0.2 %.

``written(value, text)``: the space-separated numbers of `text` (row-major) agree with `value`, each within one unit of
its last written digit (a truncated 0.0049 for 0.004957 is the same number to a TA; an integer within a half) or 0.2 % of
the value; the count must match. fdcheck's `printed` (heldout2) allows half a unit: a worked example that truncates
needs the one unit here.
"""

import numpy as np


def written(value, text):
    value, nums = np.ravel(np.asarray(value, float)), text.split()
    if value.size != len(nums):
        return False
    for v, s in zip(value, nums, strict=True):
        unit = 10.0 ** -len(s.split(".")[1]) if "." in s else 0.5  # an integer is read to the half
        if abs(v - float(s)) > max(unit, 0.002 * abs(v)) + 1e-12:
            return False
    return True
