"""``gradproof verify``: load the answers (or a document), judge every claim, print the report.

Exit codes (DESIGN.md): 0 every checked claim is correct or carried forward, 1 a wrong claim, 2 bad input.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from gradproof.derive.derivation import derive
from gradproof.derive.errors import AnswerError, SpecError
from gradproof.derive.outputs import write_atomic
from gradproof.derive.spec import load_spec

from . import report
from .answers import load_answers, notation_from_dict, read_toml
from .document import load_document
from .judge import Judge
from .parser import Notation

DOCUMENT_SUFFIXES = (".md", ".markdown", ".tex", ".txt", ".latex", ".ipynb", ".pdf")


def verify_file(path: str, spec: str | None = None, notation_path: str | None = None):
    """Judge every claim of an answers file or a document; returns (results, meta, seconds).

    Raises:
        AnswerError: the answers, document, spec or notation file is missing or malformed.
    """
    t0 = time.perf_counter()
    p = Path(path)
    notation = _notation(notation_path)
    if p.suffix.lower() in DOCUMENT_SUFFIXES:
        if spec is None:
            raise AnswerError(f"{p}: a document needs the network: add --spec SPEC, e.g. --spec examples/reference_mlp.toml")
        try:
            net = load_spec(spec)
        except SpecError as exc:
            raise AnswerError(f"--spec: {exc}") from None
        claims, batch, values = load_document(p), 1, None
        if not claims:
            raise AnswerError(f"{p}: no equations found ($$…$$, \\[…\\], $…$ with =, equation or align environments)")
    else:
        answers = load_answers(p, spec)
        net, claims, batch, values = answers.network, answers.claims, answers.batch, answers.values
        if notation_path is None:
            notation = answers.notation
    judge = Judge(derive(net, check=False), batch=batch, values=values, notation=notation)
    results = judge.check_all(claims)
    meta = {"answers": str(p), "spec": net.name, "convention": net.convention, "batch": batch,
            "mode": "numeric" if values is not None else "symbolic", "notation": list(judge.inferred)}
    return results, meta, time.perf_counter() - t0


def _notation(path: str | None) -> Notation:
    if path is None:
        return Notation()
    data = read_toml(Path(path), "notation file")
    table = data.get("notation", data)
    return notation_from_dict(table, f"{path}: [notation]" if "notation" in data else str(path))


def run(args) -> int:
    results, meta, seconds = verify_file(args.answers, getattr(args, "spec", None), getattr(args, "notation", None))
    fmt = args.format or ("json" if getattr(args, "json", False) else "text")
    if fmt == "json":
        sys.stdout.write(report.json_report(results, {**meta, "seconds": round(seconds, 3)}))
    elif fmt == "gradescope":
        out = Path(getattr(args, "out", None) or "results.json")
        try:
            write_atomic(out, json.dumps(report.gradescope(results, meta), indent=2, ensure_ascii=False) + "\n")
        except OSError as exc:
            raise AnswerError(f"--out {out}: cannot write the results: {exc.strerror}") from None
        print(f"wrote {out}: {report.summary_line(results, seconds)}")
    else:
        header = f"verify {meta['answers']} against {meta['spec']} ({meta['convention']} convention, batch {meta['batch']}, {meta['mode']})"
        if meta.get("notation"):
            header += "\nnotation read from the answer's definitions: " + "; ".join(meta["notation"])
        sys.stdout.write(report.text_report(results, header, seconds))
    if not any(r.verdict != "unchecked" for r in results):
        print(f"gradproof verify: nothing in {meta['answers']} could be checked (every claim is unchecked; the reasons "
              "are above); this is not a pass", file=sys.stderr)
        return 1
    return 1 if any(r.verdict == "incorrect" for r in results) else 0
