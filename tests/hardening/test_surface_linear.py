"""The LaTeX surface's rewriting is linear in the text (issue 12: no backtracking regexes on untrusted text): a
dimension after ``\\kern`` read with possessive quantifiers — the old ``\\d+\\.?\\d*`` took quadratic time in a run of
digits with no unit (``benchmarks/regex_pump.py verify`` found it: 99 s at 2400 digits when searched)."""

from __future__ import annotations

import time

from gradproof.verify.surface import rewrite


def test_a_kern_before_a_long_run_of_digits_is_rewritten_in_linear_time():
    text = ("x \\kern" + "1" * 20000 + " + y ") * 20
    start = time.process_time()
    rewrite(text)
    assert time.process_time() - start < 2.0  # CPU bound, far above the linear cost (~0.01 s), far below quadratic


def test_dimensions_are_still_dropped():
    for dim in ("1.5em", "-0.3ex", ".5mu", "12 pt"):
        out = rewrite(f"a \\kern{dim} b")
        assert "a" in out and "b" in out and "em" not in out and "pt" not in out and "mu" not in out
