"""Hostile input, round seventeen (issue 12, eighteenth pass): what the seventeenth round added (colours.py,
entryrows.py, ``\\bigodot`` and Chinese prose in proseoperators, chain nodes, own numbered deltas, barred targets,
givens stated in math, normalize's new patterns), attacked as an attacker and as an unlucky user.
benchmarks/probe_hostile.py ("r17:" probes) runs them through the real CLI with time and memory measured
(docs/RELIABILITY.md, "Round seventeen").

Found: two document-level readers run on the raw text (not on claims, whose white space is squeezed on reading) with
a pattern whose ``\\s*`` meets another quantifier that also takes spaces, so a run of spaces made them backtrack —
``document.stated_numbers``' givens in math (cubic: 2000 spans of 390 spaces took 165 CPU s; a 800 kB document was
stopped by the run's 20 s budget) and ``proseoperators.stated_products``' Chinese definitions (quadratic: one
"\\bigodot 是" before 10⁵ spaces took 90 s; the run was stopped). Both now squeeze white-space runs first
(``normalize.squeeze_space``, as every claim already is). Oracles: the numbers the test itself writes, Python's
``float``; CPU seconds (``time.process_time``), never wall time."""

from __future__ import annotations

import time

import numpy as np
from gradproof.verify.document import stated_numbers
from gradproof.verify.proseoperators import stated_products


def _cpu(f, *args):
    t0 = time.process_time()
    out = f(*args)
    return out, time.process_time() - t0


def test_givens_in_math_with_white_space_runs_are_linear():
    """2000 spans ``$x = 1<390 spaces>a$`` (no given: a letter follows): before, 0.47 CPU s each (165 s in all);
    now bounded and none read."""
    text = ("$x = 1" + " " * 390 + "a$\n") * 2000
    found, cpu = _cpu(stated_numbers, text)
    assert found == ()
    assert cpu < 2.0, cpu  # (measured 0.003 s after the fix)


def test_givens_in_math_are_read_through_runs_of_spaces_and_tabs():
    """A matrix given in math with runs of spaces and tabs between its entries gives the entries as written (the
    oracle: the random matrix the test writes, each entry printed with 4 decimals and read back by ``float``)."""
    rng = np.random.default_rng(17)
    w = np.round(rng.uniform(-1, 1, (3, 2)), 4)
    gaps = [" ", "   ", "\t ", " \t  "]  # (a run of white space reads as one space; a lone tab between entries does not)
    rows = " \\\\ ".join(f"{row[0]:.4f}{gaps[i % 4]}&{gaps[(i + 1) % 4]}{row[1]:.4f}" for i, row in enumerate(w))
    text = f"Let $W_1 =   \\begin{{bmatrix}}{rows}\\end{{bmatrix}}$ and $y  =\t0.5$ ;  $b = 2$."
    assert stated_numbers(text) == tuple(float(f"{v:.4f}") for v in w.ravel()) + (0.5, 2.0)


def test_a_chinese_definition_with_a_run_of_spaces_is_linear_and_read():
    """"$\\bigodot$ 是" and 10⁵ spaces before "矩阵逐元素相乘" (TeX's n-ary ⊙ defined as the elementwise product, with
    white space the pattern allows): before, 90 CPU s (quadratic); now read, and bounded; the same words without the
    product define nothing."""
    for n in (10_000, 100_000):
        found, cpu = _cpu(stated_products, "$\\bigodot$ 是" + " " * n + "矩阵逐元素相乘。")
        assert found == ("bigodot",)
        assert cpu < 1.0, (n, cpu)
    assert stated_products("$\\bigodot$ 是" + " " * 100_000 + "矩阵") == ()
