"""Batch grading: many submissions against one network, one derivation, spread over the cores.

A path is a submission file or a folder of submissions; in a folder each answers file (``.md``, ``.tex``,
``.ipynb``, ``.toml``, …) is one submission and each subfolder is one submission (all its answers files together).
The network is derived once in the parent; worker processes are forked from it (``fork`` start method), so every
submission reuses the same ``Derivation`` and compiled evaluator. Each submission has its own budget: a soft one
inside the worker (``limits.run_budget``: --time-limit seconds of wall-clock time, ``cpu_seconds`` of CPU time and
``memory_bytes`` of data per worker, which turn into that submission's "timeout" or "refused" row) and a hard one in
the parent, which kills and replaces a worker that does not answer (a C-level loop the alarm cannot interrupt). A bad
submission gets its row with score 0 and the reason; the batch goes on. The whole run has a wall-clock budget too
(``Context.deadline``, from --total-time): past it no submission is started, those being graded are stopped, and every
one not graded is a ``skipped`` outcome (no score), so what was graded is complete and the rest is named.
"""

from __future__ import annotations

import dataclasses
import math
import multiprocessing as mp
import os
import signal
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path

from gradproof.derive import limits
from gradproof.derive.errors import AnswerError, GradproofError, UsageError
from gradproof.derive.spec import no_file

from .answers import answers_from_dict, read_toml
from .document import DOCUMENT_SUFFIXES, DocumentClaims, load_document, no_equations
from .judge import ClaimResult, Judge
from .ownvalues import document_setup
from .parser import Notation
from .rubric import Grade, Rubric, grade, per_claim

ANSWER_SUFFIXES = tuple(s for s in DOCUMENT_SUFFIXES if s != ".pdf") + (".toml",)  # (a .pdf is not graded in batch)
MAX_SUBMISSIONS = 100_000
MAX_FILES = 50  # answers files in one submission folder
#: seconds one submission may take (soft: inside the worker); the parent kills a worker GRACE seconds later
BUDGET_SECONDS = 60.0
GRACE_SECONDS = 5.0
#: wall-clock seconds of a whole grading run from the process's start (--total-time): a single run's less the time a
#: loaded machine takes to stop the workers and write the summary of a large class (1500 rows: up to 4 s at load 7), so
#: a batch or an autograder run ends within 30 s like any other; a class that needs longer says so with --total-time
TOTAL_SECONDS = 24.0
#: how long after the run's deadline the parent waits for a worker to stop its submission itself before killing it
STOP_SECONDS = 0.5
#: the least data memory a submission gets however many workers share the machine (the examples need under 100 MB)
MIN_BYTES = 256 * 2**20


@dataclass(frozen=True)
class Submission:
    name: str  # as shown in the summary: the file or folder name (with its parent when names repeat)
    files: tuple[Path, ...]
    path: Path


@dataclass
class Outcome:
    """What grading one submission gave: its claims' results and grade, or the reason it could not be graded."""

    name: str
    status: str  # graded | error | timeout (its time budget) | refused (its memory budget) | crashed (its worker died)
    #              | skipped (not graded: the whole run's --total-time ran out first; no score)
    reason: str = ""
    results: list[ClaimResult] = field(default_factory=list)
    grade: Grade | None = None
    rubric: Rubric | None = None  # the per-claim rubric when no rubric was given
    notices: list[str] = field(default_factory=list)
    seconds: float = 0.0
    meta: dict = field(default_factory=dict)

    @property
    def score(self) -> float:
        return self.grade.score if self.grade is not None else 0.0


def _hidden(p: Path) -> bool:
    return p.name.startswith((".", "__MACOSX"))


def display(text):
    """``text`` as it can be printed and written as UTF-8: a file name that is not UTF-8 (Python keeps its bytes as
    surrogate escapes) shows U+FFFD where the bytes were; other values are returned as they are."""
    if not isinstance(text, str):
        return text
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")


def inside(path: Path, root: Path) -> bool:
    """True when ``path`` (symbolic links followed) stays inside ``root``: a link in a submission must not make another
    student's files, the autograder's solution or any file of the machine part of it."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a loop of links
        return False


def left_out(path: Path, root: Path) -> str | None:
    """Why ``path`` in a graded folder ``root`` is no answers file although it is named like one or is a symbolic link
    (a TA is told, by name: ``discover``'s notices), or None when it is one (or is neither). The link's target is never
    named (it may be another student's file or one of the machine's)."""
    if path.is_symlink() and not inside(path, root):
        try:
            path.resolve(strict=True)
        except (OSError, RuntimeError):  # a loop, or a link to nothing
            return "left out: a symbolic link that leads nowhere (a loop of links, or a missing target)"
        return "left out: a symbolic link leading out of the graded folder"
    if path.suffix.lower() in ANSWER_SUFFIXES and not path.is_file() and not path.is_dir():
        return ("left out: a symbolic link that leads nowhere (a loop of links, or a missing target)" if path.is_symlink()
                else "left out: named like an answers file but not a regular file (a FIFO, a socket or a device)")
    return None


def answer_files(folder: Path, notices: list | None = None) -> tuple[Path, ...]:
    """The answers files in ``folder`` and its subfolders (not hidden ones), sorted; links leading out are left out
    (each such file named like an answers file is added to ``notices``, when given, with the reason)."""
    found = []
    for f in folder.rglob("*"):
        rel = f.relative_to(folder)
        if any(part.startswith((".", "__MACOSX")) for part in rel.parts) or f.suffix.lower() not in ANSWER_SUFFIXES:
            continue
        if inside(f, folder) and f.is_file():
            found.append(f)
        elif notices is not None and (why := left_out(f, folder)) is not None:
            notices.append(f"{display(folder.name)}/{display(str(rel))}: {why}")
        if len(found) > MAX_FILES:
            break
    kept = [f for f in found if not _export_of_a_notebook(f)]
    if notices is not None:
        notices.extend(f"{display(folder.name)}/{display(str(f.relative_to(folder)))}: {EXPORT_LEFT_OUT}"
                       for f in found if f not in kept)
    return tuple(sorted(kept))


#: why a page beside its notebook is not graded
EXPORT_LEFT_OUT = "left out: the HTML export of the notebook beside it (same name, .ipynb), which is graded"


def _export_of_a_notebook(f: Path) -> bool:
    """Whether ``f`` is a page exported from the notebook beside it (``hw.html`` next to ``hw.ipynb``: a course that asks
    for both would otherwise have every claim graded twice)."""
    return f.suffix.lower() in (".html", ".htm") and any(
        f.with_suffix(suffix).is_file() for suffix in (".ipynb", ".IPYNB", ".Ipynb"))


def discover(paths, notices: list | None = None) -> list[Submission]:
    """The submissions under ``paths`` (files or folders), in a stable order. ``notices`` (when given) receives a line
    for each entry left out that looks like a submission (``left_out``: a link out of the folder or in a loop, a FIFO
    named like an answers file), naming it.

    Raises:
        UsageError: a path does not exist, or there is nothing to grade.
    """
    subs: list[Submission] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise UsageError(no_file(p, "file or folder"))
        if p.is_file():
            subs.append(Submission(display(p.name), (p,), p))
            continue
        for child in sorted(p.iterdir()):
            if _hidden(child):
                continue
            why = left_out(child, p)
            if why is not None or not inside(child, p):  # a link out of the folder (to .., /, another course) is no submission
                if why is not None and notices is not None and len(notices) < MAX_SUBMISSIONS:
                    notices.append(f"{display(child.name)}: {why}")
                continue
            if child.is_dir():
                subs.append(Submission(display(child.name), answer_files(child, notices), child))
            elif child.suffix.lower() in ANSWER_SUFFIXES and child.is_file():
                if _export_of_a_notebook(child):
                    if notices is not None and len(notices) < MAX_SUBMISSIONS:
                        notices.append(f"{display(child.name)}: {EXPORT_LEFT_OUT}")
                    continue
                subs.append(Submission(display(child.name), (child,), child))
            if len(subs) > MAX_SUBMISSIONS:
                raise UsageError(f"{display(str(p))}: more than {MAX_SUBMISSIONS} submissions; grade the folders one by one")
    if not subs:
        raise UsageError(f"no submissions found in {', '.join(map(str, paths))} (files ending in {', '.join(ANSWER_SUFFIXES)}, "
                         "or one subfolder per submission)")
    counts: dict[str, int] = {}
    for s in subs:
        counts[s.name] = counts.get(s.name, 0) + 1
    return [Submission(f"{s.path.parent.name}/{s.name}", s.files, s.path) if counts[s.name] > 1 else s for s in subs]


@dataclass(frozen=True)
class Context:
    """What every submission is graded against: built once in the parent, inherited by the forked workers."""

    network: object
    derivation: object
    rubric: Rubric | None
    budget: float = BUDGET_SECONDS
    memory: int | None = limits.RUN_BYTES  # data bytes per submission (per worker: ``memory_bytes(jobs)``)
    deadline: float = math.inf  # ``time.monotonic()`` when the whole run's --total-time runs out
    total: float = math.inf  # that --total-time, for the messages


def skipped(sub: Submission, ctx: Context) -> Outcome:
    """The outcome of a submission the run had no time left for (not the submission's fault: no score)."""
    return Outcome(sub.name, "skipped", f"{sub.name}: not graded: the whole run's time budget ({ctx.total:g} s, "
                                        "--total-time) ran out first; raise --total-time to grade it")


def load_submission(sub: Submission, network) -> tuple[list, int, dict | None, Notation, list[str]]:
    """Claims, batch, values, notation and notices of a submission; its own spec is ignored for ``network``.

    Raises:
        AnswerError: nothing to grade, or a file is malformed (the message names the file).
    """
    if not sub.files:
        raise AnswerError(f"{sub.name}: no answers file (.md, .tex, .rst, .ipynb or .toml) in the folder")
    if len(sub.files) > MAX_FILES:
        raise AnswerError(f"{sub.name}: more than {MAX_FILES} answers files in one submission")
    claims, batch, values, notation, notices = [], 1, None, Notation(), []
    own = False  # an answers file chose the batch
    one_example = False  # a document's prose says its batch is one example
    scopes: dict[int, str] = {}  # claim position -> the layers its sentence restricts it to (layerscope.py)
    depths: set = set()  # the letters the documents' prose names the number of layers by (document.depth_letter)
    for f in sub.files:
        if f.suffix.lower() == ".toml":
            data = read_toml(f)
            if "claims" not in data and len(sub.files) > 1:  # a spec or notes beside the answers
                notices.append(f"{f.name}: not an answers file (no [[claims]]); skipped")
                continue
            answers = answers_from_dict(data, str(f), f.parent, network)
            if answers.values is not None and values is not None:
                raise AnswerError(f"{f}: a second worked example ([values]) in one submission; keep one answers file with [values]")
            if answers.values is not None or len(sub.files) == 1:
                batch, values, notation = answers.batch, answers.values, answers.notation
                own = True
            claims += answers.claims
            notices += answers.notices
        elif f.suffix.lower() in ANSWER_SUFFIXES:
            found = load_document(f)
            one_example = one_example or found.one_example
            depths |= {found.depth_letter} - {None}
            notices += [n for n in found.notices if n not in notices]  # (\dpdv read as \pdv)
            scopes.update({len(claims) + i: found.scopes[c.id] for i, c in enumerate(found) if c.id in found.scopes})
            claims += found
        else:
            raise AnswerError(f"{f}: not an answers file; submit .md, .tex, .rst, .ipynb or .toml")
    if not claims:
        raise AnswerError(no_equations(sub.name, sub.files))
    if not own:  # documents: as verify of one document chooses
        batch, values, notation = document_setup(claims, network, notation, one_example)
    seen: dict[str, int] = {}
    unique = []
    for c in claims:  # two files of one submission may both number their equations from 1
        seen[c.id] = seen.get(c.id, 0) + 1
        unique.append(c if seen[c.id] == 1 else type(c)(f"{c.id}#{seen[c.id]}", c.latex, c.quantity, c.where))
    unique = DocumentClaims(unique, one_example, {unique[i].id: scope for i, scope in scopes.items()},
                            depths.pop() if len(depths) == 1 else None)
    return unique, batch, values, notation, notices


def cpu_seconds(budget: float) -> float:
    """CPU seconds one submission may use: a single ``verify`` run's (``limits.RUN_SECONDS``), or a third of a
    --time-limit raised above the default (a course whose answers are known to be long)."""
    return max(limits.RUN_SECONDS, budget / 3)


def memory_bytes(jobs: int) -> int:
    """Data memory one submission may use: a single run's (``limits.RUN_BYTES``), but never more than its worker's
    share of the memory available now, so that ``jobs`` hostile submissions at once cannot exhaust the machine."""
    return max(MIN_BYTES, min(limits.RUN_BYTES, int(0.8 * limits.available_memory() / max(jobs, 1))))


def grade_submission(sub: Submission, ctx: Context) -> Outcome:
    """Grade one submission within its own budget (``limits.run_budget``: ``ctx.budget`` seconds of wall-clock time,
    ``cpu_seconds(ctx.budget)`` of CPU time, ``ctx.memory`` bytes of data); never raises for a bad submission."""
    t0 = time.perf_counter()
    out = Outcome(sub.name, "graded")
    left = ctx.deadline - time.monotonic()
    if left <= 0:
        return skipped(sub, ctx)
    try:
        with limits.run_budget(sub.name, cpu_seconds(ctx.budget), ctx.memory, wall=min(ctx.budget, left), wall_min_cpu=0.0,
                               hint="it was skipped; grade it by hand or raise --time-limit",
                               memory_hint="it was skipped; grade it by hand", kind="a submission"):
            claims, batch, values, notation, out.notices = load_submission(sub, ctx.network)
            judge = Judge(ctx.derivation, batch=batch, values=values, notation=notation)
            out.results = judge.check_all(claims)
            out.meta = {"batch": batch, "mode": "numeric" if values is not None else "symbolic",
                        "notation": list(judge.inferred)}
    except limits.TimeLimitError as exc:
        out.status, out.reason, out.results = "timeout", str(exc), []
        if left < ctx.budget and time.monotonic() >= ctx.deadline - 0.5:  # the run's time ran out, not the submission's
            out = skipped(sub, ctx)
    except limits.ResourceLimitError as exc:
        out.status, out.reason, out.results = "refused", str(exc), []
    except GradproofError as exc:
        out.status, out.reason = "error", str(exc)
    except RecursionError:
        out.status, out.reason = "error", f"{sub.name}: the input is nested too deeply to read"
    except MemoryError:
        out.status, out.reason = "error", f"{sub.name}: the input needs too much memory to read"
    except Exception as exc:  # noqa: BLE001 -- one odd submission must not stop a course's batch
        out.status, out.reason = "error", f"{sub.name}: internal error {type(exc).__name__}: {exc} (please report it)"
    out.reason, out.notices = display(out.reason), [display(n) for n in out.notices]  # paths that are not UTF-8
    out.results = [dataclasses.replace(r, id=display(r.id), message=display(r.message)) for r in out.results]
    if out.status == "graded":
        out.rubric = ctx.rubric or per_claim(out.results)
        out.grade = grade(out.rubric, out.results, ctx.network)
    out.seconds = time.perf_counter() - t0
    return out


_CTX: Context | None = None  # set in the parent before forking; the workers inherit it
#: how often an idle worker checks that its parent is still there (a killed parent's workers then exit)
ORPHAN_POLL_SECONDS = 1.0


def _worker(conn, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle (it stops the workers)
    while True:
        try:
            # a parent killed outright (SIGKILL, an autograder's timeout) sends no EOF: every worker holds copies of the
            # pipes forked before it, so the orphans would wait for each other forever; they look for the parent instead
            while not conn.poll(ORPHAN_POLL_SECONDS):
                if os.getppid() != parent:
                    return
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, sub = task
        outcome = grade_submission(sub, _CTX)
        try:
            conn.send((index, outcome))
        except (TypeError, ValueError, AttributeError) as exc:  # an unpicklable detail: send the verdicts' gist
            conn.send((index, Outcome(sub.name, "error", f"{sub.name}: the report could not be passed back ({exc})")))
        except OSError:  # the parent is gone
            return


@dataclass
class _Slot:
    proc: object
    conn: object
    task: tuple | None = None
    deadline: float = 0.0


def grade_all(subs: list[Submission], ctx: Context, jobs: int | None = None, on_done=None) -> list[Outcome]:
    """Grade ``subs`` with ``jobs`` forked workers (default: the usable cores); ``on_done(outcome)`` after each.

    Returns the outcomes in the order of ``subs``.
    """
    global _CTX
    jobs = max(1, min(jobs or _cores(), len(subs)))
    ctx = dataclasses.replace(ctx, memory=min(ctx.memory, memory_bytes(jobs))) if ctx.memory is not None else ctx
    outcomes: list[Outcome | None] = [None] * len(subs)

    def done(index: int, outcome: Outcome) -> None:
        outcomes[index] = outcome
        if on_done is not None:
            on_done(outcome)

    if jobs == 1 or "fork" not in mp.get_all_start_methods():
        for i, s in enumerate(subs):  # in this process: the soft budget still holds (and the run's deadline)
            done(i, grade_submission(s, ctx))
        return outcomes
    _CTX = ctx
    fork = mp.get_context("fork")
    sys.stdout.flush()
    sys.stderr.flush()

    def spawn() -> _Slot:
        parent, child = fork.Pipe()
        proc = fork.Process(target=_worker, args=(child, os.getpid()), daemon=True)
        proc.start()
        child.close()
        return _Slot(proc, parent)

    pending = deque(enumerate(subs))
    slots = [spawn() for _ in range(jobs)]

    def assign(slot: _Slot) -> None:
        if pending:
            slot.task = pending.popleft()
            slot.deadline = time.monotonic() + ctx.budget + GRACE_SECONDS
            slot.conn.send(slot.task)
        else:
            slot.task = None

    def replace(k: int, why: str, status: str) -> None:
        slot = slots[k]
        index, sub = slot.task
        slot.proc.kill()
        slot.proc.join()
        slot.conn.close()
        done(index, Outcome(sub.name, status, f"{sub.name}: {why}"))
        slots[k] = spawn()
        assign(slots[k])

    def stop(k: int) -> None:  # the run's deadline has passed: its submission is skipped, the worker not replaced
        slot = slots[k]
        slot.proc.kill()
        slot.proc.join()
        done(slot.task[0], skipped(slot.task[1], ctx))
        slot.task = None

    try:
        for slot in slots:
            assign(slot)
        while any(s.task is not None for s in slots):
            if time.monotonic() > ctx.deadline:  # the whole run's time is up: nothing new starts
                while pending:
                    index, sub = pending.popleft()
                    done(index, skipped(sub, ctx))
                for slot in slots:  # the submissions being graded stop themselves at the deadline, or are stopped
                    slot.deadline = min(slot.deadline, ctx.deadline + STOP_SECONDS)
            busy = [s for s in slots if s.task is not None]
            timeout = max(0.0, min([s.deadline for s in busy] + [ctx.deadline + 0.01]) - time.monotonic())
            ready = wait([s.conn for s in busy], timeout=timeout)
            for k, slot in enumerate(slots):
                if slot.task is None:
                    continue
                if slot.conn in ready:
                    try:
                        index, outcome = slot.conn.recv()
                    except (EOFError, OSError):
                        code = slot.proc.exitcode
                        replace(k, f"the grader stopped on this submission (exit code {code}); grade it by hand", "crashed")
                        continue
                    done(index, outcome)
                    assign(slot)
                elif time.monotonic() > slot.deadline and time.monotonic() > ctx.deadline:
                    stop(k)
                elif time.monotonic() > slot.deadline:
                    replace(k, f"grading took longer than {ctx.budget + GRACE_SECONDS:g} s and was stopped; grade it by hand "
                               "or raise --time-limit", "timeout")
    finally:
        for slot in slots:
            try:
                slot.conn.send(None)
            except OSError:
                pass
        for slot in slots:
            slot.proc.join(timeout=1)
            if slot.proc.is_alive():
                slot.proc.kill()
                slot.proc.join()
        _CTX = None
    return outcomes


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class Progress:
    """A progress bar on stderr when it is a terminal (``\\r``-redrawn); silent otherwise (logs stay clean)."""

    def __init__(self, total: int, stream=None, width: int = 30):
        self.total, self.done, self.failed, self.width = total, 0, 0, width
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.t0 = time.monotonic()

    def update(self, outcome: Outcome) -> None:
        self.done += 1
        self.failed += outcome.status != "graded"
        if self.tty:
            filled = self.width * self.done // max(self.total, 1)
            bar = "#" * filled + "." * (self.width - filled)
            failed = f", {self.failed} not graded" if self.failed else ""
            self.stream.write(f"\r[{bar}] {self.done}/{self.total} submissions{failed}, {time.monotonic() - self.t0:.0f} s")
            self.stream.flush()

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()
