"""``gradproof verify``: one answer (a report) or many submissions (batch grading with a rubric).

Exit codes (DESIGN.md): one answer: 0 every checked claim is correct or carried forward, 1 a wrong claim or nothing
checked, 2 bad input. A batch: 0 once graded (bad submissions are rows of the summary), 2 on usage errors.
"""

from __future__ import annotations

import sys
import time
import tomllib
from pathlib import Path

from gradproof.derive import limits
from gradproof.derive.derivation import derive
from gradproof.derive.errors import AnswerError, SpecError, UsageError
from gradproof.derive.outputs import write_atomic
from gradproof.derive.spec import load_spec

from . import platforms, report
from .answers import MAX_BYTES, answers_from_dict, load_answers, notation_from_dict, read_toml
from .document import DOCUMENT_SUFFIXES, code_cell_claims, decode_text, extract, is_html, load_document, no_equations, notebook_text
from .htmltext import html_text
from .judge import TIME_RAN_OUT, Judge, quiet_numerics
from .ownvalues import document_setup
from .parser import Notation

STDIN = "-"


def _network(spec: str):
    try:
        return load_spec(spec)
    except SpecError as exc:
        raise AnswerError(f"--spec: {exc}") from None


def _read_stdin(spec: str | None):
    """Answers on standard input: an answers TOML (relative paths from the working directory), a notebook's JSON or
    a Markdown/LaTeX document, told apart by their content. Returns (network, claims, batch, values, notation, notices)."""
    buffer = getattr(sys.stdin, "buffer", None)  # (bytes, decoded as a file is: UTF-16 with its mark reads on stdin too)
    raw = buffer.read(MAX_BYTES + 1) if buffer is not None else sys.stdin.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise AnswerError(f"<stdin>: larger than {MAX_BYTES} bytes; split the answers")
    text = decode_text(raw, "<stdin>") if isinstance(raw, bytes) else raw
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        data = None
    if isinstance(data, dict) and "claims" in data:
        a = answers_from_dict(data, "<stdin>", Path.cwd(), spec)
        return a.network, a.claims, a.batch, a.values, a.notation, a.notices
    if spec is None:
        raise AnswerError("<stdin>: a document needs the network: add --spec SPEC, e.g. --spec examples/reference_mlp.toml")
    raw = text
    notebook = text.lstrip().startswith("{") and '"cells"' in text
    if notebook:
        text = notebook_text(raw, "<stdin>")
    elif is_html(text):
        text = html_text(text)
    claims = extract(text, "<stdin>")
    if notebook and not claims:  # its derivation in NumPy only (codecells.py)
        claims = code_cell_claims(raw, "<stdin>") or claims
    if not claims:
        raise AnswerError(no_equations("<stdin>"))
    net = _network(spec)
    batch, values, notation = document_setup(claims, net, Notation())
    return net, claims, batch, values, notation, ()


@quiet_numerics
def verify_file(path: str, spec: str | None = None, notation_path: str | None = None):
    """Judge every claim of an answers file or a document (``-``: standard input); returns (results, meta, seconds).

    Raises:
        AnswerError: the answers, document, spec or notation file is missing or malformed.
    """
    t0 = time.perf_counter()
    p = Path(path)
    notation = _notation(notation_path)
    notices: tuple = ()
    if path == STDIN:
        net, claims, batch, values, own, notices = _read_stdin(spec)
        notation = own if notation_path is None else notation
    elif p.suffix.lower() in DOCUMENT_SUFFIXES:
        if spec is None:
            raise AnswerError(f"{p}: a document needs the network: add --spec SPEC, e.g. --spec examples/reference_mlp.toml")
        net = _network(spec)
        claims = load_document(p)
        batch, values, notation = document_setup(claims, net, notation)
        if not claims:
            raise AnswerError(no_equations(str(p), (p,)))
    elif p.suffix and p.suffix.lower() != ".toml" and not p.is_dir():
        raise AnswerError(f"{p}: gradproof reads answers files (.toml) and documents ({', '.join(DOCUMENT_SUFFIXES)}); "
                          f"a {p.suffix} file is neither: save the answer in one of these formats")
    else:
        answers = load_answers(p, spec)
        net, claims, batch, values, notices = answers.network, answers.claims, answers.batch, answers.values, answers.notices
        if notation_path is None:
            notation = answers.notation
    judge = Judge(derive(net, check=False), batch=batch, values=values, notation=notation)
    results = judge.check_all(claims)
    meta = {"answers": "<stdin>" if path == STDIN else str(p), "spec": net.name, "convention": net.convention, "batch": batch,
            "mode": "numeric" if values is not None else "symbolic", "notation": list(judge.inferred)}
    if notices:
        meta["notices"] = list(notices)
    return results, meta, time.perf_counter() - t0


def _notation(path: str | None) -> Notation:
    if path is None:
        return Notation()
    data = read_toml(Path(path), "notation file")
    table = data.get("notation", data)
    return notation_from_dict(table, f"{path}: [notation]" if "notation" in data else str(path))


def is_batch(args) -> bool:
    """Batch mode (DESIGN.md): more than one path, a folder, ``--rubric`` or ``--summary`` — except one path with
    ``--format gradescope|prairielearn``, which is one submission for that platform."""
    paths = args.answers
    if len(paths) == 1 and getattr(args, "format", None) in ("gradescope", "prairielearn"):
        return False
    return (len(paths) > 1 or any(p != STDIN and Path(p).is_dir() for p in paths)
            or getattr(args, "rubric", None) is not None or getattr(args, "summary", None) is not None)


def run(args) -> int:
    if isinstance(args.answers, str):  # one path (the demo's call, the library's habit)
        args.answers = [args.answers]
    if is_batch(args):
        from .grading import run_batch

        return run_batch(args)
    fmt = args.format or ("json" if getattr(args, "json", False) else "text")
    if fmt in ("gradescope", "prairielearn"):
        from .grading import run_platform

        return run_platform(args, fmt)
    results, meta, seconds = verify_file(args.answers[0], getattr(args, "spec", None), getattr(args, "notation", None))
    for notice in meta.get("notices", ()):
        print(f"gradproof verify: note: {platforms.printable(notice)}", file=sys.stderr)
    if report.out_of_time(results):  # (claims the deadline left unchecked: exit_code fails the run)
        meta["time_ran_out"] = report.out_of_time(results)
    if fmt == "json":
        sys.stdout.write(platforms.dumps({**meta, "seconds": round(seconds, 3), "summary": report.counts(results),
                                          "claims": [r.to_dict() for r in results]}, indent=2))
    else:
        header = f"verify {meta['answers']} against {meta['spec']} ({meta['convention']} convention, batch {meta['batch']}, {meta['mode']})"
        if meta.get("notation"):
            header += "\nnotation read from the answer's definitions: " + "; ".join(meta["notation"])
        sys.stdout.write(report.text_report(results, platforms.printable(header), seconds))
    return exit_code(results, meta["answers"])


def exit_code(results, source: str) -> int:
    """0 when every claim checked is right, 1 when one is wrong, nothing could be checked, or the run's time ran out
    before some claims were judged (any of them may be wrong: a busy machine must not turn a wrong answer into a pass)."""
    if not any(r.verdict != "unchecked" for r in results):
        print(f"gradproof verify: nothing in {platforms.printable(source)} could be checked (every claim is unchecked; the "
              "reasons are above); this is not a pass", file=sys.stderr)
        return 1
    late = report.out_of_time(results)
    if late:
        print(f"gradproof verify: {late} of the {len(results)} claims in {platforms.printable(source)} were not judged "
              f"because {TIME_RAN_OUT} ({limits.soft_deadline()}); this is not a pass: run "
              "verify again on a less busy machine, or split the answer", file=sys.stderr)
        return 1
    return 1 if any(r.verdict == "incorrect" for r in results) else 0


def write_json(path: Path, data: dict, what: str = "--out") -> None:
    """Write strict JSON atomically; a path that cannot be written is a usage error naming it."""
    if path.is_dir():
        raise UsageError(f"{what} {path}: this is a folder; give the results file, e.g. {path / 'results.json'}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, platforms.dumps(data, indent=2))
    except OSError as exc:
        raise UsageError(f"{what} {path}: cannot write the results: {exc.strerror}") from None

