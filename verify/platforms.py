"""Autograder platforms: Gradescope's and PrairieLearn's results.json, strict JSON, escaping of student text.

Fields are pinned from each platform's documentation (cited in docs/VERIFY.md):
- Gradescope, https://gradescope-autograders.readthedocs.io/en/latest/specs/ : top level ``score``, ``max_score``
  (optional), ``execution_time``, ``output``, ``output_format``, ``visibility``, ``stdout_visibility``, ``tests``; each
  test ``score``, ``max_score``, ``status`` (``passed``/``failed``), ``name``, ``output``, ``output_format``,
  ``visibility`` (``visible``, ``hidden``, ``after_due_date``, ``after_published``); ``output_format`` is one of
  ``text``, ``html``, ``simple_format``, ``md``, ``ansi``.
- PrairieLearn, https://prairielearn.readthedocs.io/en/latest/externalGrading/ : ``gradable``, ``score`` (0 to 1),
  ``message``, ``output``, ``tests``; each test ``name``, ``description``, ``points``, ``max_points``, ``message``,
  ``output``.

Everything a student wrote (claim ids, LaTeX, file names) is escaped for the output format it lands in: HTML
special characters for ``html``/``simple_format``/``md`` (Markdown passes raw HTML through), Markdown punctuation for
``md``, and terminal control sequences everywhere.
"""

from __future__ import annotations

import html
import json
import math
import re

import numpy as np

from .rubric import Grade, Rubric

GRADESCOPE_KEYS = ("score", "max_score", "execution_time", "output", "output_format", "visibility", "stdout_visibility",
                   "tests")
GRADESCOPE_TEST_KEYS = ("score", "max_score", "status", "name", "output", "output_format", "visibility")
PRAIRIELEARN_KEYS = ("gradable", "score", "message", "output", "tests")
PRAIRIELEARN_TEST_KEYS = ("name", "description", "points", "max_points", "message", "output")

_CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def printable(text: str) -> str:
    """``text`` without terminal control: escape sequences and control characters shown as ``\\x1b``, ``\\x07``
    (newlines and tabs kept), so a claim id cannot recolour, move the cursor or retitle the terminal."""
    return _CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), str(text))


def escape(text: str, fmt: str) -> str:
    """Student text made inert for a Gradescope ``output_format`` (``text``, ``ansi``, ``html``, ``simple_format``,
    ``md``)."""
    text = printable(text)
    if fmt in ("html", "simple_format"):
        return html.escape(text)
    if fmt == "md":
        return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    return text


def strict_json(obj, path: str = "", notes: list | None = None):
    """``obj`` with NumPy values made plain and every NaN/±inf replaced by ``None``; ``notes`` collects where.

    JSON has no NaN or Infinity (RFC 8259), and Python's ``json`` would write them; a ``[values]`` entry of 1e308
    overflows to inf in the evaluation, and the report must still be valid JSON.
    """
    if notes is None:
        notes = []
    if isinstance(obj, dict):
        return {str(k): strict_json(v, f"{path}.{k}" if path else str(k), notes) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [strict_json(v, f"{path}[{i}]", notes) for i, v in enumerate(obj)]
    if isinstance(obj, np.ndarray):
        return strict_json(obj.tolist(), path, notes)
    if isinstance(obj, np.generic):
        obj = obj.item()
    if isinstance(obj, float) and not math.isfinite(obj):
        notes.append(f"{path}: {obj!r} (not a finite number; written as null)")
        return None
    return obj


def dumps(obj, **kwargs) -> str:
    """Strict JSON text of ``obj``: non-finite numbers become null and are listed under ``non_finite``."""
    notes: list = []
    clean = strict_json(obj, notes=notes)
    if notes and isinstance(clean, dict):
        clean["non_finite"] = notes
    return json.dumps(clean, allow_nan=False, ensure_ascii=False, **kwargs) + "\n"


def question_lines(grade: Grade, fmt: str = "text", *, everything: bool = False) -> dict[str, list[str]]:
    """Per question id, the feedback lines: each expected item, its verdict, the claim's message, and the expected
    expression where the rubric shows it (``everything``: always, for the TA's own report)."""
    out = {}
    for qg in grade.questions:
        q = qg.question
        lines = []
        for it in qg.items:
            where = ", ".join(escape(r.id, fmt) for r in it.claims)
            head = f"{escape(it.expects, fmt)}{f' (claim {where})' if where else ''}: {it.verdict}"
            if it.verdict == "missing":
                lines.append(f"{head}: no claim answers it (by id, label or quantity)")
                continue
            for r in sorted(it.claims, key=lambda r: r.verdict != it.verdict):  # the claim that decided the verdict
                if r.message:
                    head += f" — {escape(r.message, fmt)}"
                    break
            lines.append(head)
            if q.show_expected or everything:
                for r in it.claims:
                    if r.verdict == "incorrect" and r.expected:
                        lines.append(f"    expected: {escape(r.expected, fmt)}")
        out[q.id] = lines
    return out


def _join(lines: list[str], fmt: str) -> str:
    if fmt == "md":
        return "  \n".join(lines)
    if fmt == "html":
        return "<br>\n".join(lines)
    return "\n".join(lines)


def gradescope(rubric: Rubric, grade: Grade | None, summary: str, *, error: str | None = None,
               seconds: float | None = None) -> dict:
    """Gradescope's results.json: one test per rubric question, names and visibility from the rubric.

    With ``error`` (the submission could not be read) every question scores 0 and the reason is the output, so the
    student sees why and ``max_score`` stays the rubric's.
    """
    fmt = rubric.output_format
    lines = question_lines(grade, fmt) if grade is not None else {}
    tests = []
    for k, q in enumerate(rubric.questions):
        score = grade.questions[k].score if grade is not None else 0.0
        out = _join(lines.get(q.id, ["not graded: the submission could not be read (see the overall output)"]), fmt)
        tests.append({"name": escape(q.title, fmt), "score": score, "max_score": q.points,
                      "status": "passed" if score >= q.points - 1e-9 else "failed", "output": out,
                      "output_format": fmt, "visibility": q.visibility})
    overall = escape(error, fmt) if error else escape(summary, fmt)
    results = {"score": grade.score if grade is not None else 0.0, "max_score": rubric.max_score, "output": overall,
               "output_format": fmt, "visibility": rubric.visibility, "stdout_visibility": "hidden", "tests": tests}
    if seconds is not None:
        results["execution_time"] = round(seconds, 3)
    return results


def prairielearn(rubric: Rubric, grade: Grade | None, summary: str, *, error: str | None = None) -> dict:
    """PrairieLearn's external-grader results: ``score`` is the fraction 0–1 of the rubric's points.

    A submission that cannot be read is ``gradable: false`` (PrairieLearn's "invalid", which does not use up an
    attempt) with score 0 and the reason as the message.
    """
    lines = question_lines(grade, "text") if grade is not None else {}
    tests = []
    for k, q in enumerate(rubric.questions):
        points = grade.questions[k].score if grade is not None else 0.0
        body = "\n".join(lines.get(q.id, ["not graded: the submission could not be read"]))
        tests.append({"name": printable(q.title), "description": "expects " + ", ".join(q.expects), "points": points,
                      "max_points": q.points, "message": body.split("\n", 1)[0] if grade is not None else "not graded",
                      "output": body})
    total = rubric.max_score
    score = (grade.score / total if grade is not None and total else 0.0)
    return {"gradable": error is None, "score": round(min(max(score, 0.0), 1.0), 6),
            "message": printable(error) if error else printable(summary), "output": printable(error or summary),
            "tests": tests}
