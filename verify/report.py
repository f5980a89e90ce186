"""Reports of a verification: a terminal table (✓ ✗ ↻ ?) and a submission's graded report.

One word per verdict everywhere: the JSON words ``correct``, ``incorrect``, ``carried_forward``, ``unchecked``.
Student text (claim ids, messages) is printed through ``platforms.printable``: no terminal control sequences.
"""

from __future__ import annotations

from collections import Counter

from .judge import TIME_RAN_OUT, ClaimResult
from .platforms import printable

MARKS = {"correct": "✓", "incorrect": "✗", "carried_forward": "↻", "unchecked": "?"}


def counts(results: list[ClaimResult]) -> dict[str, int]:
    out = {k: 0 for k in MARKS}
    for r in results:
        out[r.verdict] += 1
    return out


def out_of_time(results: list[ClaimResult]) -> int:
    """How many claims are unchecked because the run's time ran out before they (or a reading that could take their
    verdict back) were judged: each may be wrong, so a run with one is no pass."""
    return sum(r.verdict == "unchecked" and TIME_RAN_OUT in r.message for r in results)


def summary_line(results: list[ClaimResult], seconds: float | None = None) -> str:
    c = counts(results)
    read = len(results) - c["unchecked"]
    text = (f"{len(results)} claims: {c['correct']} correct, {c['incorrect']} incorrect, {c['carried_forward']} carried_forward, "
            f"{c['unchecked']} unchecked ({read} read and checked, {c['unchecked']} skipped)")
    text += f" in {seconds:.2f} s" if seconds is not None else ""
    late = out_of_time(results)
    return text + (f"\nNOT A PASS: {late} of the unchecked claims were not judged because {TIME_RAN_OUT} (a long answer "
                   "or a busy machine); any of them may be wrong" if late else "")


def text_report(results: list[ClaimResult], header: str, seconds: float | None = None) -> str:
    """A readable table: one row per claim, then the expected expression and counterexample of wrong ones."""
    ids = [printable(r.id) for r in results]
    width = max([len(i) for i in ids] + [2])
    lines = [header, ""]
    for cid, r in zip(ids, results, strict=True):
        lines.append(f"{MARKS[r.verdict]} {cid:<{width}}  {r.verdict:<15}  {printable(r.message)}")
        pad = " " * (width + 21)
        if r.verdict == "incorrect":
            if r.expected:
                lines.append(f"{pad}expected: {printable(r.expected)}")
            if r.counterexample:
                ce = r.counterexample
                if "entry" in ce and not ce["entry"]:  # a scalar
                    lines.append(f"{pad}counterexample: at {ce['point']}, the claim is {ce['claimed']:.6g}, expected {ce['expected']:.6g}")
                elif "entry" in ce:
                    lines.append(f"{pad}counterexample: at {ce['point']}, entry {tuple(ce['entry'])} is {ce['claimed']:.6g}, "
                                 f"expected {ce['expected']:.6g}")
                elif "shape_error" in ce:
                    lines.append(f"{pad}counterexample: {printable(ce['shape_error'])}")
                elif "claimed_value" in ce:  # (one number for a 1×1 quantity)
                    lines.append(f"{pad}counterexample: at {ce['point']}, the claim is {ce['claimed_value']:.6g}, "
                                 f"expected {ce['expected_value']:.6g}")
                elif "expected_shape" in ce:
                    lines.append(f"{pad}counterexample: at {ce['point']}, shape {ce['claimed_shape']}, expected {ce['expected_shape']}")
        if r.tolerance and r.verdict in ("incorrect", "carried_forward"):
            lines.append(f"{pad}tolerance: {r.tolerance}")
        steps = [row for row in r.rows if row.id != r.id]  # a chain's rows, each a step (chainrows.py)
        side = steps and all(row.id.startswith(r.id + ".") for row in steps)  # (equations side by side: line N.k)
        if (len(steps) > 1 or steps and steps[0].latex != r.latex) and not (side and r.verdict == "correct"):
            lines += [f"{pad}{MARKS[row.verdict]} row {printable(row.id)}: {row.verdict}"
                      + (f" ({printable(row.message)})" if row.verdict != "correct" else "") for row in steps]
    counts = Counter(r.tolerance for r in results if r.tolerance)
    tolerances = sorted(counts, key=lambda t: (-counts[t], t))  # (the most claims' first)
    if tolerances:
        lines += ["", "numbers: " + tolerances[0] + (" (per claim in --json)" if len(tolerances) > 1 else "")]
    lines += ["", summary_line(results, seconds)]
    return "\n".join(lines) + "\n"


def grade_text(outcome, rubric) -> str:
    """A submission's report for the TA (``--out DIR/<name>.txt``): its score per question, then the claim table."""
    name = printable(outcome.name)
    if outcome.status != "graded":
        return f"{name}: {outcome.status}: score 0 / {rubric.max_score:g}\n{printable(outcome.reason)}\n"
    from .platforms import question_lines

    g = outcome.grade
    lines = [f"{name}: {g.score:g} / {g.max_score:g}"]
    lines += [f"  note: {printable(n)}" for n in outcome.notices]
    feedback = question_lines(g, everything=True)
    for qg in g.questions:
        lines.append(f"  {printable(qg.question.title)}: {qg.score:g} / {qg.question.points:g}")
        lines += [f"    {line}" for line in feedback[qg.question.id]]
    return "\n".join(lines) + "\n\n" + text_report(outcome.results, "claims:", outcome.seconds)
