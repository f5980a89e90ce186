"""``gradproof`` subcommands. Only this module prints and exits; library code raises GradproofError."""

from __future__ import annotations

import _thread
import argparse
import os
import signal
import sys
import threading
import time
from pathlib import Path

from gradproof import __version__
from gradproof.derive.errors import GradproofError, UsageError

EXAMPLES = {
    "derive": "example:\n  gradproof derive examples/reference_mlp.toml --no-pdf\n"
              "  gradproof derive examples/reference_mlp.toml --out out/",
    "codegen": "example:\n  gradproof codegen examples/reference_mlp.toml --out generated/\n  gradproof codegen --check",
    "verify": "example:\n  gradproof verify examples/answers/worked_example.toml\n"
              "  gradproof verify homework.md --spec examples/reference_mlp.toml --json\n"
              "  cat homework.md | gradproof verify - --spec examples/reference_mlp.toml\n"
              "  gradproof verify submissions/ --spec examples/reference_mlp.toml --rubric rubric.toml "
              "--summary grades.csv --out reports/",
    "autograder": "example:\n  gradproof autograder gradescope --spec examples/reference_mlp.toml --rubric rubric.toml "
                  "--out autograder.zip\n"
                  "  gradproof autograder prairielearn --spec spec.toml --rubric rubric.toml --submission /grade/student "
                  "--results /grade/results/results.json",
    "demo": "example:\n  gradproof demo --out out/demo",
}
EXIT_CODES = "exit codes: 0 success, 1 a check failed (wrong claim, stale generated files), 2 bad input or usage"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="gradproof",
        description="Derive, prove, generate and check backpropagation for neural networks.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"gradproof {__version__}")
    sub = p.add_subparsers(dest="command", metavar="{derive,codegen,verify,autograder,demo}")
    sub.required = True

    def add(name, help_text):
        return sub.add_parser(name, help=help_text, description=help_text, epilog=EXAMPLES[name] + "\n\n" + EXIT_CODES,
                              formatter_class=argparse.RawDescriptionHelpFormatter)

    d = add("derive", "derive every gradient of a network spec, check it, and write the proof (.tex and .pdf)")
    d.add_argument("spec", help="network spec (TOML)")
    d.add_argument("--out", default=".", help="directory for <name>.tex and <name>.pdf (default: .)")
    d.add_argument("--no-pdf", action="store_true", help="print the derived results in the terminal instead of writing the proof")
    d.add_argument("--tex-only", action="store_true", help="write the .tex but do not run LaTeX")
    d.add_argument("--detail", choices=("handout", "full"), default="handout",
                   help="handout (default) or full: adds an appendix with every per-layer step and check")
    d.add_argument("--no-check", action="store_true",
                   help="skip the instantiation check (brute-force differentiation of a small instance); faster for deep nets")

    c = add("codegen", "print a standalone NumPy training module from the derivation")
    c.add_argument("spec", nargs="?", help="network spec (TOML)")
    c.add_argument("--out", default="generated", help="directory for <name>.py (default: generated)")
    c.add_argument("--check", action="store_true", help="exit 1 with a diff when generated/ is stale for the specs in examples/")
    c.add_argument("--root", default=".", help="project root holding examples/ and generated/ (for --check)")

    v = add("verify", "check a hand-written answer (formulas or a numeric worked example), or grade many submissions")
    v.add_argument("answers", nargs="+", metavar="PATH",
                   help="answers file (TOML), a Markdown/LaTeX/notebook document with --spec, '-' for standard input; "
                        "several paths or a folder grade a batch (a subfolder is one submission)")
    v.add_argument("--json", action="store_true", help="print a JSON object with a claims list")
    v.add_argument("--format", choices=["text", "json", "gradescope", "prairielearn"], default=None, help="report format")
    v.add_argument("--spec", help="network spec: for a document, and for a batch (each submission's own spec is ignored)")
    v.add_argument("--notation", help="TOML file mapping the answer's symbols to gradproof quantities")
    v.add_argument("--rubric", help="rubric (TOML): questions with points and the claims or quantities they expect")
    v.add_argument("--summary", help="batch: write one CSV row per submission (submission, score, max_score, questions…)")
    v.add_argument("--out", help="batch: folder for one report per submission; --format gradescope|prairielearn: the "
                                 "results file (default: results.json)")
    v.add_argument("--jobs", type=int, default=None, help="batch: worker processes (default: the usable cores)")
    v.add_argument("--time-limit", type=float, default=None, dest="time_limit",
                   help="batch: seconds per submission before it is stopped and marked timeout (default: 60)")
    v.add_argument("--total-time", type=float, default=None, dest="total_time",
                   help="batch: seconds for the whole run, from its start (default: 24); past it the rest are skipped, exit 2")

    a = add("autograder", "build a Gradescope autograder zip, or grade one submission for Gradescope or PrairieLearn")
    a.add_argument("platform", choices=["gradescope", "prairielearn"], help="the autograder platform")
    a.add_argument("--spec", required=True, help="network spec every submission is graded against")
    a.add_argument("--rubric", required=True, help="rubric (TOML)")
    a.add_argument("--out", help="gradescope: the autograder zip to write (e.g. autograder.zip)")
    a.add_argument("--submission", help="grade this submission (a folder or file) and write --results")
    a.add_argument("--results", help="the platform's results.json to write (with --submission)")
    a.add_argument("--time-limit", type=float, default=None, dest="time_limit", help="seconds for the submission (default: 60)")
    a.add_argument("--total-time", type=float, default=None, dest="total_time",
                   help="seconds for the whole run, from its start (default: 24)")

    m = add("demo", "run the whole pipeline on the bundled reference network")
    m.add_argument("--out", default="out/demo", help="output directory (default: out/demo)")
    return p


def one_line(message: str) -> str:
    """One line on stderr, whatever user text the message quotes (newlines and other control characters escaped)."""
    return "".join(ch if ch.isprintable() or ch == " " else ascii(ch)[1:-1] for ch in message)


def _out_dir(value: str) -> Path:
    """``--out`` must be a directory (made when missing); outputs are written only under it."""
    from gradproof.derive.outputs import out_folder

    return out_folder(value, "--out", make=False)  # made by the writer, once there is something to write


def cmd_derive(args) -> int:
    from gradproof.derive.derivation import derive
    from gradproof.derive.spec import load_spec
    from gradproof.proof.report import terminal_report

    out = None if args.no_pdf else _out_dir(args.out)
    with _budget(args.spec):  # the LaTeX run below has its own timeout
        d = derive(load_spec(args.spec), check=not args.no_check, progress=_stage_printer())
        report = terminal_report(d) if args.no_pdf else ""  # printing SymPy expressions is work on untrusted input too
    if args.no_check:
        print("instantiation check skipped (--no-check): the results are derived but not checked by brute force", file=sys.stderr)
    if args.no_pdf:
        sys.stdout.write(report)
        return 0 if d.all_passed else 1
    from gradproof.proof.document import write_proof

    result = write_proof(d, out, pdf=not args.tex_only, detail=args.detail)
    for line in result.messages:
        print(line)
    return 0 if d.all_passed else 1


def cmd_codegen(args) -> int:
    if args.check:
        from gradproof.codegen.fresh import stale_modules

        root = Path(args.root)
        if not (root / "examples").is_dir():
            raise UsageError(f"--root {root}: no examples/ folder here; give the project root that holds examples/ and generated/")
        stale = stale_modules(root)
        for _path, diff in stale:
            sys.stdout.write(diff)
        if stale:
            print(f"{len(stale)} generated module(s) stale: run 'make regen' (gradproof codegen SPEC --out generated)", file=sys.stderr)
            return 1
        print("generated/ is up to date")
        return 0
    if not args.spec:
        raise UsageError("codegen needs a SPEC (or --check); e.g. gradproof codegen examples/reference_mlp.toml")
    from gradproof.codegen.render import write_module
    from gradproof.derive.derivation import derive
    from gradproof.derive.spec import load_spec

    out = _out_dir(args.out)
    with _budget(args.spec):
        d = derive(load_spec(args.spec))
    path = write_module(d, out, args.spec)
    _committed()
    print(f"wrote {path}")
    return 0


def cmd_verify(args) -> int:
    import numpy as np

    from gradproof.derive import limits
    from gradproof.verify.cli import is_batch, run

    if isinstance(args.answers, str):
        args.answers = [args.answers]
    # a claim's value may overflow (its verdict says so): NumPy's RuntimeWarnings would only add noise on stderr
    with np.errstate(all="ignore"):
        graded = getattr(args, "format", None) in ("gradescope", "prairielearn") and (
            getattr(args, "rubric", None) or (args.answers[0] != "-" and Path(args.answers[0]).is_dir()))
        if is_batch(args) or graded:
            return run(args)  # grading: a budget for the spec's derivation, then one per submission (verify.batch)
        with _budget(str(args.answers[0]), limits.VERIFY_WALL_MIN_CPU, limits.VERIFY_CLAIMS_WALL, limits.VERIFY_HINT):
            return run(args)


def cmd_autograder(args) -> int:
    if args.submission is not None:
        from gradproof.verify.grading import budget_of, deadline_of, grade_for_platform

        results = Path(args.results or ("results/results.json" if args.platform == "gradescope" else "results.json"))
        return grade_for_platform(args.platform, args.submission, args.spec, args.rubric, results,
                                  budget_of(args), bad_exit=0, deadline=deadline_of(args))
    if args.platform != "gradescope":
        raise UsageError("prairielearn has no zip to build: its external grader runs 'gradproof autograder prairielearn "
                         "--submission /grade/student --results /grade/results/results.json' (see docs/VERIFY.md)")
    if not args.out:
        raise UsageError("give --out autograder.zip (the zip to build) or --submission DIR --results FILE (to grade one)")
    from gradproof.verify.autograder import build_gradescope

    path = build_gradescope(args.spec, args.rubric, args.out)
    print(f"wrote {path}: upload it as the assignment's autograder (setup.sh and run_autograder at its root)")
    return 0


def _stage_printer():
    """Progress of a long derivation on stderr, one line per stage as it finishes (only when stderr is a terminal)."""
    if not sys.stderr.isatty():
        return None

    def stage(name: str, seconds: float) -> None:
        print(f"  {name} done ({seconds:.1f} s)", file=sys.stderr, flush=True)

    return stage


def cmd_demo(args) -> int:
    from gradproof.demo import run

    return run(_out_dir(args.out))


def _budget(what: str, wall_min_cpu: float | None = None, soft_wall: float | None = None, hint: str | None = None):
    """One time and memory budget for the work on untrusted input (derive.limits.run_budget), from the process's start.
    ``wall_min_cpu``: the work after which the wall clock may stop the run (default ``limits.RUN_WALL_MIN_CPU``);
    ``soft_wall``: the seconds after which work that can end with a partial result ends (``limits.overdue``);
    ``hint``: what the user can do when the budget stops the run (default ``limits.RUN_HINT``)."""
    from gradproof.derive import limits

    return limits.run_budget(what, started=_STARTED[0], wall_min_cpu=wall_min_cpu, soft_wall=soft_wall,
                             hint=hint or limits.RUN_HINT)


def _process_start() -> float:
    """``time.monotonic()`` when this process started (Linux: /proc; else now): the interpreter's start-up and the
    imports count towards a run's wall-clock budget, as they count towards the user's wait."""
    now = time.monotonic()
    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as f:
            uptime = float(f.read().split()[0])
        age = uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return now
    return now - age if 0 <= age < 60 else now


COMMANDS = {"derive": cmd_derive, "codegen": cmd_codegen, "verify": cmd_verify, "autograder": cmd_autograder, "demo": cmd_demo}


_STARTED = [None]  # time.monotonic() when the process started: the run's wall-clock budget counts the imports


def _interrupt_outside_finalizers(signum, frame) -> None:
    """SIGINT as Python's own handler takes it (KeyboardInterrupt) — except inside a finalizer (a weakref.finalize, a
    ``__del__``: a temporary directory's cleanup, a garbage-collected object), where Python would print "Exception
    ignored in …" with a traceback and carry on: there the interrupt is delivered again a moment later, outside it."""
    f, depth = frame, 0
    while f is not None and depth < 40:
        code = f.f_code
        if code.co_name == "__del__" or code.co_filename.endswith("weakref.py"):
            later = threading.Timer(0.02, _thread.interrupt_main)
            later.daemon = True  # (never holds the interpreter's exit)
            later.start()
            return
        f, depth = f.f_back, depth + 1
    raise KeyboardInterrupt


def _committed() -> None:
    """The run's outputs are in place: an interrupt from here on would only turn a finished run into a reported
    interruption (exit 130 with the new module written), so as a command it is ignored until the process exits."""
    if signal.getsignal(signal.SIGINT) is _interrupt_outside_finalizers:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def main(argv: list[str] | None = None) -> int:
    # run as the command (argv from sys.argv): the wall clock counts from the process's start; called as a library
    # function (tests, a notebook) from the call
    if argv is None and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, _interrupt_outside_finalizers)  # (as a command only: a library call keeps its own)
    try:
        return _main(argv)
    finally:
        # the exit code is decided: as a command, SIGINT is ignored until the process exits. The interpreter's shutdown
        # puts SIG_DFL back for a handler written in Python (not for SIG_IGN), so a Ctrl-C in its last milliseconds
        # killed a finished run by the signal (exit -2, no message; round twenty-four's full probe run, derive with the PDF)
        _committed()


def _main(argv: list[str] | None) -> int:
    _STARTED[0] = _process_start() if argv is None else time.monotonic()
    for stream in (sys.stdout, sys.stderr):  # a file name that is not UTF-8 is printed with escapes, not an encoding error
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError):  # not a TextIOWrapper (a test's StringIO)
            pass
    args = _parser().parse_args(argv)
    args.started = _STARTED[0]  # grading's whole-run budget (--total-time) counts from here too
    try:
        code = COMMANDS[args.command](args)
        sys.stdout.flush()  # inside the try: a reader that left (| head) is a BrokenPipeError here, not at exit
        return code
    except GradproofError as exc:
        print(f"gradproof {args.command}: error: {one_line(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # `gradproof demo | head -3`: the reader left; stop quietly, as Unix tools do
        _silence_stdout()
        return 141  # 128 + SIGPIPE
    except KeyboardInterrupt:
        print("gradproof: interrupted; outputs already written are intact", file=sys.stderr)
        return 130
    except OSError as exc:  # a disk full, a permission denied, an --out that vanished: not a bug, a place
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"gradproof {args.command}: error: {where}{exc.strerror or exc}; check the path and its permissions", file=sys.stderr)
        return 2
    except RecursionError:
        print(f"gradproof {args.command}: error: the input is nested too deeply to process", file=sys.stderr)
        return 2
    except MemoryError:  # outside the run budget's own report (a library call, demo)
        print(f"gradproof {args.command}: error: out of memory; use a smaller network or smaller [values]", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 -- a bug must still not show users a traceback
        print(f"gradproof {args.command}: internal error: {type(exc).__name__}: {exc} (please report this with the input file)",
              file=sys.stderr)
        return 2


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush does not fail on the closed pipe again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
