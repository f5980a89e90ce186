"""The grading commands: ``verify PATH… --spec --rubric --summary --out`` (a batch) and one submission for an
autograder platform (``--format gradescope|prairielearn``, ``gradproof autograder …``).

Usage errors (a missing spec or rubric, an --out that is a file) stop before anything is graded (exit 2); once the
batch runs, a bad submission is a row with score 0 and its reason, and the command exits 0 — or 2 when the whole run's
wall-clock budget (--total-time, default ``TOTAL_SECONDS`` from the process's start) ran out first: what was graded is
written complete, the rest are ``skipped`` rows without a score, and the message says how long the class would need.
"""

from __future__ import annotations

import csv
import io
import math
import re
import sys
import time
from pathlib import Path

from gradproof.derive import limits
from gradproof.derive.derivation import derive
from gradproof.derive.errors import GradproofError, SpecError, UsageError
from gradproof.derive.outputs import write_atomic
from gradproof.derive.spec import load_spec, one_line

from . import platforms, report
from .answers import valid_quantity
from .batch import (
    BUDGET_SECONDS,
    TOTAL_SECONDS,
    Context,
    Outcome,
    Progress,
    Submission,
    answer_files,
    discover,
    display,
    grade_all,
    grade_submission,
)
from .cli import write_json
from .rubric import Rubric, check_against, grade, load_rubric, per_claim

PLATFORMS = ("gradescope", "prairielearn")


def context(spec: str | None, rubric_path: str | None, budget: float = BUDGET_SECONDS, deadline: tuple | None = None,
            stop_at_deadline: bool = False) -> Context:
    """The network (derived once, without the instantiation check: verify's truth is the evaluator) and the rubric.
    ``deadline``: ``(started, total)`` from ``deadline_of``, the whole run's wall-clock budget (default: none).
    ``stop_at_deadline``: the derivation stops at that deadline whatever CPU it has had (one submission for a platform:
    past it nothing would be graded, and the run still has to write its results and exit within 30 s); otherwise it
    goes on to the run's own wall-clock bound, which waits for real work (``limits.RUN_WALL_MIN_CPU``).

    Raises:
        UsageError: no --spec, or the spec or rubric is malformed.
    """
    if not spec:
        raise UsageError("grading needs the network every submission is graded against: add --spec SPEC "
                         "(a submission's own spec is ignored)")
    if not budget > 0 or not math.isfinite(budget):
        raise UsageError(f"--time-limit {budget}: give a positive number of seconds per submission")
    started, total = deadline or (None, math.inf)
    early = stop_at_deadline and started is not None and total < limits.RUN_WALL_SECONDS
    with limits.run_budget(f"--spec {spec}", started=started,  # the network is derived once, within one run's budget
                           wall=total if early else None, soft_wall=total if early else None):
        try:
            net = load_spec(spec)
        except SpecError as exc:
            raise UsageError(f"--spec: {exc}") from None
        rubric = load_rubric(rubric_path) if rubric_path else None
        if rubric is not None:
            check_against(rubric, net.depth, valid_quantity)
        derivation = derive(net, check=False)
    return Context(net, derivation, rubric, budget, deadline=(started or 0.0) + total, total=total)


def deadline_of(args) -> tuple[float, float]:
    """``(started, total)``: when the process started (``args.started``, set by gradproof/cli.py; else now) and
    --total-time (default ``TOTAL_SECONDS``; ``inf`` for no limit).

    Raises:
        UsageError: --total-time is not a positive number.
    """
    total = getattr(args, "total_time", None)
    total = TOTAL_SECONDS if total is None else total
    if not total > 0:  # also nan
        raise UsageError(f"--total-time {total}: give a positive number of seconds for the whole run (inf: no limit)")
    return getattr(args, "started", None) or time.monotonic(), total


def budget_of(args) -> float:
    """--time-limit as given (0, a negative number or nan is refused by ``context``), else ``BUDGET_SECONDS``."""
    value = getattr(args, "time_limit", None)
    return BUDGET_SECONDS if value is None else value


def _safe_name(name: str) -> str:
    """A file name for a submission's report: letters, digits, ``.-_`` (``alice/hw.md`` → ``alice_hw.md``)."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._")[:120] or "submission"


def _cell(value) -> str:
    """A CSV cell that a spreadsheet will not run: text starting with = + - @ (or a tab) gets a leading quote."""
    text = platforms.printable(str(value)).replace("\n", " ")
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def summary_csv(outcomes: list[Outcome], rubric: Rubric | None) -> str:
    """One row per submission: submission, score, max_score, one column per rubric question, status, reason."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    questions = [q.id for q in rubric.questions] if rubric else []
    w.writerow(["submission", "score", "max_score", *map(_cell, questions), "status", "reason"])
    for o in outcomes:
        max_score = rubric.max_score if rubric else (o.grade.max_score if o.grade else 0)
        per_q = {qg.question.id: qg.score for qg in o.grade.questions} if o.grade and rubric else {}
        reason = o.reason or "; ".join(o.notices)
        if o.status == "skipped":  # not graded for want of time, not for what it holds: no score at all
            w.writerow([_cell(o.name), "", f"{max_score:g}", *("" for _ in questions), o.status, _cell(reason)])
            continue
        w.writerow([_cell(o.name), f"{o.score:g}", f"{max_score:g}", *(f"{per_q.get(q, 0):g}" for q in questions),
                    o.status, _cell(reason)])
    return buf.getvalue()


def write_reports(out: Path, outcome: Outcome, rubric: Rubric | None) -> None:
    """``out/<name>.txt`` (the TA's report: scores per question, every claim) and ``out/<name>.json`` (all data)."""
    used = outcome.rubric or rubric or per_claim([])
    stem = _safe_name(outcome.name)
    write_atomic(out / f"{stem}.txt", report.grade_text(outcome, used))
    data = {"submission": outcome.name, "status": outcome.status, "reason": outcome.reason,
            "score": outcome.score, "max_score": used.max_score, "notices": outcome.notices, **outcome.meta,
            "seconds": round(outcome.seconds, 3), "summary": report.counts(outcome.results),
            "questions": [{"id": qg.question.id, "score": qg.score, "max_score": qg.question.points,
                           "items": [{"expects": it.expects, "verdict": it.verdict, "claims": [r.id for r in it.claims]}
                                     for it in qg.items]} for qg in (outcome.grade.questions if outcome.grade else [])],
            "claims": [r.to_dict() for r in outcome.results]}
    write_atomic(out / f"{stem}.json", platforms.dumps(data, indent=2))


def _out_dir(value: str | None) -> Path | None:
    if value is None:
        return None
    out = Path(value)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out}: this is a file; in batch mode --out is the folder for one report per submission")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"--out {out}: cannot make the folder: {exc.strerror}") from None
    return out


def run_batch(args) -> int:
    """``gradproof verify PATH… --spec SPEC [--rubric R] [--summary CSV] [--out DIR]``; exit 0 once graded."""
    if getattr(args, "format", None) in PLATFORMS or getattr(args, "json", False):
        raise UsageError("batch mode writes a --summary CSV and one report per submission under --out; --json and "
                         "--format apply to one answer (or use 'gradproof autograder' for a platform)")
    if "-" in args.answers:
        raise UsageError("'-' (standard input) is one answer; it cannot be part of a batch")
    jobs = getattr(args, "jobs", None)
    if jobs is not None and jobs < 1:
        raise UsageError(f"--jobs {jobs}: give a positive number of worker processes (or leave it out for the usable cores)")
    notices: list[str] = []  # entries that look like submissions but are left out (batch.left_out), each named
    subs = discover(args.answers, notices)  # first: a folder given by mistake says so before anything is derived
    ctx = context(args.spec, getattr(args, "rubric", None), budget_of(args), deadline_of(args))
    out = _out_dir(getattr(args, "out", None))
    if out is not None:  # reports written inside the submissions folder are not a submission on the next run
        subs = [s for s in subs if s.path.resolve() != out.resolve()] or subs
    summary = Path(args.summary) if getattr(args, "summary", None) else None
    if summary is not None and summary.is_dir():
        raise UsageError(f"--summary {summary}: this is a folder; give a file such as {summary / 'grades.csv'}")
    ignored = "; each submission's own spec is ignored" if any(f.suffix == ".toml" for s in subs for f in s.files) else ""
    print(f"gradproof verify: grading {len(subs)} submission(s) against {ctx.network.name}{ignored}", file=sys.stderr)
    for n in notices:  # (no row: the exit code is the others')
        print(one_line(f"gradproof verify: note: {platforms.printable(n)}"), file=sys.stderr)
    t0 = time.perf_counter()
    progress = Progress(len(subs))

    def on_done(outcome: Outcome) -> None:
        progress.update(outcome)
        if out is not None and outcome.status != "skipped":
            write_reports(out, outcome, ctx.rubric)

    outcomes = grade_all(subs, ctx, jobs, on_done)
    progress.finish()
    width = max(len(one_line(platforms.printable(o.name))) for o in outcomes)
    for o in outcomes:
        max_score = ctx.rubric.max_score if ctx.rubric else (o.grade.max_score if o.grade else 0)
        score = "-" if o.status == "skipped" else f"{o.score:g}"
        line = f"{one_line(platforms.printable(o.name)):<{width}}  {score} / {max_score:g}  {o.status}"
        if o.status != "graded":
            line += f": {platforms.printable(o.reason)}"
        elif o.notices:
            line += f" ({platforms.printable('; '.join(o.notices))})"
        print(one_line(line))  # one row per submission: a name holding a newline cannot forge the next row
    if summary is not None:
        try:
            summary.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(summary, summary_csv(outcomes, ctx.rubric))
        except OSError as exc:
            raise UsageError(f"--summary {summary}: cannot write the summary: {exc.strerror}") from None
    left = [o for o in outcomes if o.status == "skipped"]
    failed = [o for o in outcomes if o.status not in ("graded", "skipped")]
    if ctx.rubric is not None:
        for q in ctx.rubric.questions:
            for e in q.expects:
                if not any(it.verdict != "missing" for o in outcomes if o.grade for qg in o.grade.questions
                           if qg.question.id == q.id for it in qg.items if it.expects == e):
                    print(f"gradproof verify: note: question {q.id} expects '{e}', which no submission answers; check "
                          "the rubric's ids", file=sys.stderr)
    wrote = ", ".join(str(p) for p in (summary, out) if p is not None)
    print(f"gradproof verify: graded {len(outcomes) - len(failed) - len(left)} of {len(outcomes)} submission(s) in "
          f"{time.perf_counter() - t0:.1f} s" + (f"; {len(failed)} not graded (score 0, reason in the summary)" if failed else "")
          + (f"; wrote {wrote}" if wrote else ""), file=sys.stderr)
    if left:
        raise UsageError(_stopped_message(outcomes, len(left), ctx, time.perf_counter() - t0))
    return 0


def _stopped_message(outcomes: list[Outcome], left: int, ctx: Context, seconds: float) -> str:
    """Why a batch stopped before its end, and the --total-time that would grade the whole class at this pace."""
    worked = len(outcomes) - left
    need = seconds / max(worked, 1) * len(outcomes) * 1.5 + 10
    return (f"stopped after {ctx.total:g} s, the time budget of the whole run (--total-time): {left} of {len(outcomes)} "
            f"submission(s) were not graded (status 'skipped', no score, no report); the other {worked} rows and their "
            f"reports are complete; to grade the whole class give --total-time {math.ceil(need / 10) * 10:g} (from the "
            "pace so far)")


def submission_of(path: Path, notices: list | None = None) -> Submission:
    """One submission: a file, or a folder (Gradescope's /autograder/submission) with every answers file in it; links
    leading out of the folder are left out, each named in ``notices`` (when given: batch.left_out)."""
    if path.is_file():
        return Submission(display(path.name), (path,), path)
    return Submission(display(path.name), answer_files(path, notices), path)


def platform_results(platform: str, rubric: Rubric | None, outcome: Outcome | None, error: str | None = None) -> dict:
    """The platform's results for a graded ``outcome`` or for an ``error`` (score 0, the reason shown)."""
    graded = outcome is not None and outcome.status == "graded"
    used = rubric or (outcome.rubric if graded else None) or per_claim([])
    reason = error or (outcome.reason if outcome is not None and not graded else None)
    summary = ""
    if graded:
        summary = report.summary_line(outcome.results) + "".join(f"\nnote: {n}" for n in outcome.notices)
    if platform == "gradescope":
        return platforms.gradescope(used, outcome.grade if graded else None, summary, error=reason,
                                    seconds=outcome.seconds if outcome is not None else None)
    return platforms.prairielearn(used, outcome.grade if graded else None, summary, error=reason)


def grade_for_platform(platform: str, submission: str | Path, spec: str | None, rubric_path: str | None, results: Path,
                       budget: float = BUDGET_SECONDS, bad_exit: int = 2, flag: str = "--results",
                       deadline: tuple | None = None) -> int:
    """Grade one submission and always write the platform's results file (score 0 and the reason when the submission
    or the autograder's own configuration is bad). Returns 0 when graded, ``bad_exit`` when the submission could not
    be read (the autograder passes 0: a bad submission is a result, not a broken autograder)."""
    rubric = None
    try:
        if rubric_path:
            rubric = load_rubric(rubric_path)
        if deadline is not None and time.monotonic() >= sum(deadline):  # (the imports alone took the whole run's time)
            raise limits.TimeLimitError("the whole run's time ran out before the spec was derived")
        ctx = context(spec, rubric_path, budget, deadline, stop_at_deadline=True)
    except limits.TimeLimitError as exc:
        if deadline is None or time.monotonic() < sum(deadline) - 0.5:
            write_json(results, platform_results(platform, rubric, None, f"the autograder is misconfigured: {exc}"), flag)
            raise
        # a machine too loaded to derive the spec within the whole run's time (or to import the program: nothing is
        # derived then): the submission is not graded (as one the deadline reaches first), the results still written
        reason = (f"{Path(submission).name}: not graded: the whole run's time budget ({deadline[1]:g} s, --total-time) "
                  "ran out before the spec was derived (a loaded machine); grade it again or raise --total-time")
        write_json(results, platform_results(platform, rubric, Outcome(Path(submission).name, "skipped", reason)), flag)
        print(f"gradproof: {platform}: {platforms.printable(reason)}; wrote {results} with score 0", file=sys.stderr)
        return bad_exit
    except GradproofError as exc:
        write_json(results, platform_results(platform, rubric, None, f"the autograder is misconfigured: {exc}"), flag)
        raise
    path = Path(submission)
    if not path.exists():
        outcome = Outcome(path.name, "error", f"{path}: no submission found (expected the student's files here)")
    else:
        notices: list[str] = []
        outcome = grade_submission(submission_of(path, notices), ctx)
        outcome.notices[:0] = notices  # (the student is told which files were not read)
        if outcome.status != "graded" and notices:
            outcome.reason = f"{outcome.reason} ({'; '.join(notices)})"
    write_json(results, platform_results(platform, ctx.rubric, outcome), flag)
    if outcome.status != "graded":
        print(f"gradproof: {platform}: {platforms.printable(outcome.reason)}; wrote {results} with score 0", file=sys.stderr)
        return bad_exit
    print(f"wrote {results}: {outcome.score:g} / {(ctx.rubric or outcome.rubric).max_score:g}")
    return 0


def run_platform(args, platform: str) -> int:
    """``verify ANSWER --format gradescope|prairielearn [--out results.json]``: one answer's platform results, always
    written. With --rubric or a folder, graded like a batch submission (needs --spec); else one point per claim,
    against --spec or the answers file's own spec, exiting as ``verify`` does (1 on a wrong claim)."""
    results = Path(getattr(args, "out", None) or "results.json")
    path = args.answers[0]
    if getattr(args, "rubric", None) or (path != "-" and Path(path).is_dir()):
        return grade_for_platform(platform, path, args.spec, args.rubric, results, budget_of(args), flag="--out",
                                  deadline=deadline_of(args))
    from .cli import exit_code, verify_file

    try:
        found, meta, seconds = verify_file(path, args.spec, getattr(args, "notation", None))
    except GradproofError as exc:
        write_json(results, platform_results(platform, None, None, str(exc)), "--out")
        raise
    used = per_claim(found)
    outcome = Outcome(meta["answers"], "graded", results=found, grade=grade(used, found), rubric=used,
                      notices=meta.get("notices", []), seconds=seconds, meta=meta)
    write_json(results, platform_results(platform, None, outcome), "--out")
    print(f"wrote {results}: {report.summary_line(found, seconds)}")
    return exit_code(found, meta["answers"])
