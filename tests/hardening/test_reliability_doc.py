"""docs/RELIABILITY.md's table of what was tried is recounted from the hardening case tables."""

from __future__ import annotations

import ast
from collections import Counter

import cases_hardening as cases
import test_property_inputs
from conftest import ROOT

DOC = ROOT / "docs" / "RELIABILITY.md"
PROPERTY_ROW = "hypothesis property tests"


def counted() -> Counter:
    n = Counter()
    for c in cases.CASES:
        n[c.category] += 1
    for c in cases.CLAIM_CASES:
        n[c.category] += 1
    for c in cases.ARRAY_CASES:
        n[c.category] += 1
    for category, *_ in (*cases.OUTPUT_CASES, *cases.UNREADABLE_CASES):
        n[category] += 1
    n[PROPERTY_ROW] = len(test_property_inputs.PROPERTY_TESTS)
    return n


def doc_table(path=DOC) -> dict[str, tuple[int, str]]:
    """The rows of the first table under '## What was tried': category -> (cases, what happens)."""
    lines = path.read_text(encoding="utf-8").split("## What was tried", 1)[1].splitlines()
    rows, started = {}, False
    for line in lines:
        if line.startswith("|"):
            started = True
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if cells[0] in ("Category", "") or set(cells[0]) <= set("-: "):
                continue
            assert cells[0] not in rows, f"category {cells[0]!r} appears twice"
            rows[cells[0]] = (int(cells[1]), cells[-1])
        elif started:
            break
    return rows


def test_the_table_counts_the_case_tables():
    table = doc_table()
    expected = counted()
    assert {k: v[0] for k, v in table.items()} == dict(expected), "update docs/RELIABILITY.md's table"
    assert all(len(what) > 20 for _, what in table.values())


def test_every_property_test_is_listed():
    tree = ast.parse((ROOT / "tests" / "hardening" / "test_property_inputs.py").read_text(encoding="utf-8"))
    tests = [f.name for f in tree.body if isinstance(f, ast.FunctionDef) and f.name.startswith("test_")]
    assert len(tests) == len(test_property_inputs.PROPERTY_TESTS)


def test_the_table_parser_catches_a_stale_count(tmp_path):
    stale = tmp_path / "RELIABILITY.md"
    stale.write_text(DOC.read_text(encoding="utf-8").replace("| 23 |", "| 24 |", 1), encoding="utf-8")
    assert {k: v[0] for k, v in doc_table(stale).items()} != dict(counted())


def test_the_documented_bounds_are_the_code_s():
    from gradproof.derive import calculus, checks, limits

    text = DOC.read_text(encoding="utf-8")
    for name, value in [("ACTIVATION_SECONDS", limits.ACTIVATION_SECONDS), ("SIMPLIFY_SECONDS", calculus.SIMPLIFY_SECONDS),
                        ("INSTANTIATION_SECONDS", limits.INSTANTIATION_SECONDS), ("CLAIM_SECONDS", limits.CLAIM_SECONDS)]:
        assert f"{value:g} s (`{name}`)" in text, name
    assert f"above {calculus.SIMPLIFY_MAX_OPS} operations" in text and f"above {calculus.SOLVE_MAX_OPS} operations" in text
    assert f"integer powers above {calculus.MAX_POWER}" in text
    assert f"networks of at most {checks.WHOLE_DEPTH} layers" in text


def test_the_documented_run_budget_is_the_code_s():
    from gradproof.derive import limits
    from gradproof.verify import batch

    text = DOC.read_text(encoding="utf-8")
    assert f"{limits.RUN_SECONDS:g} s of CPU time (`RUN_SECONDS`)" in text
    assert f"{limits.RUN_WALL_SECONDS:g} s of wall-clock time from the process's start (`RUN_WALL_SECONDS`)" in text
    assert f"{limits.RUN_WALL_MIN_CPU:g} s of CPU are spent (`RUN_WALL_MIN_CPU`; `verify`: {limits.VERIFY_WALL_MIN_CPU:g} s" in text
    assert f"`max({limits.RUN_SECONDS:g}, time-limit / 3)` s of CPU time" in text
    assert batch.cpu_seconds(3 * 100) == 100 and batch.cpu_seconds(1) == limits.RUN_SECONDS
    assert f"at least {batch.MIN_BYTES // 2**20} MiB" in text and f"default {batch.BUDGET_SECONDS:g})" in text
