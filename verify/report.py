"""Reports of a verification: a terminal table (✓ ✗ ↻ ?), a JSON object, Gradescope's results.json."""

from __future__ import annotations

import json

from .judge import ClaimResult

MARKS = {"correct": "✓", "incorrect": "✗", "carried_forward": "↻", "unchecked": "?"}
WORDS = {"correct": "correct", "incorrect": "wrong", "carried_forward": "carried", "unchecked": "unchecked"}


def counts(results: list[ClaimResult]) -> dict[str, int]:
    out = {k: 0 for k in MARKS}
    for r in results:
        out[r.verdict] += 1
    return out


def summary_line(results: list[ClaimResult], seconds: float | None = None) -> str:
    c = counts(results)
    read = len(results) - c["unchecked"]
    text = (f"{len(results)} claims: {c['correct']} correct, {c['incorrect']} wrong, {c['carried_forward']} carried forward, "
            f"{c['unchecked']} unchecked ({read} read and checked, {c['unchecked']} skipped)")
    return text + (f" in {seconds:.2f} s" if seconds is not None else "")


def text_report(results: list[ClaimResult], header: str, seconds: float | None = None) -> str:
    """A readable table: one row per claim, then the expected expression and counterexample of wrong ones."""
    width = max([len(r.id) for r in results] + [2])
    lines = [header, ""]
    for r in results:
        lines.append(f"{MARKS[r.verdict]} {r.id:<{width}}  {WORDS[r.verdict]:<9}  {r.message}")
        pad = " " * (width + 15)
        if r.verdict == "incorrect":
            if r.expected:
                lines.append(f"{pad}expected: {r.expected}")
            if r.counterexample:
                ce = r.counterexample
                if "entry" in ce and not ce["entry"]:  # a scalar
                    lines.append(f"{pad}counterexample: at {ce['point']}, the claim is {ce['claimed']:.6g}, expected {ce['expected']:.6g}")
                elif "entry" in ce:
                    lines.append(f"{pad}counterexample: at {ce['point']}, entry {tuple(ce['entry'])} is {ce['claimed']:.6g}, "
                                 f"expected {ce['expected']:.6g}")
                elif "shape_error" in ce:
                    lines.append(f"{pad}counterexample: {ce['shape_error']}")
                elif "expected_shape" in ce:
                    lines.append(f"{pad}counterexample: at {ce['point']}, shape {ce['claimed_shape']}, expected {ce['expected_shape']}")
        if r.tolerance and r.verdict in ("incorrect", "carried_forward"):
            lines.append(f"{pad}tolerance: {r.tolerance}")
    tolerances = sorted({r.tolerance for r in results if r.tolerance})
    if tolerances:
        lines += ["", "numbers: " + tolerances[0] + (" (per claim in --json)" if len(tolerances) > 1 else "")]
    lines += ["", summary_line(results, seconds)]
    return "\n".join(lines) + "\n"


def json_report(results: list[ClaimResult], meta: dict) -> str:
    return json.dumps({**meta, "summary": counts(results), "claims": [r.to_dict() for r in results]}, indent=2, ensure_ascii=False) + "\n"


def gradescope(results: list[ClaimResult], meta: dict) -> dict:
    """Gradescope's results.json: one test per claim; correct and carried-forward claims earn their point.

    An unchecked claim scores 0 and says it needs grading by hand.
    """
    tests = []
    for r in results:
        earned = 1.0 if r.verdict in ("correct", "carried_forward") else 0.0
        out = r.message
        if r.verdict == "incorrect" and r.expected:
            out += f"\nexpected: {r.expected}"
        if r.verdict == "unchecked":
            out += "\n(could not be checked automatically: grade by hand)"
        tests.append({"name": f"claim {r.id}", "score": earned, "max_score": 1.0,
                      "status": "passed" if earned else "failed", "output": out})
    return {"score": sum(t["score"] for t in tests), "max_score": float(len(tests)), "tests": tests,
            "output": summary_line(results) + f" ({meta.get('answers', '')})", "visibility": "visible"}
