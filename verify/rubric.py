"""Rubrics (TOML, DESIGN.md): questions with points, the claims each expects, credit for errors carried forward.

```toml
output_format = "text"            # optional: Gradescope's output_format for the per-question output
[[questions]]
id = "Q1"
name = "Output error"             # optional: the test's name on the platforms (default: the id)
points = 2
expects = ["delta3", "dW3"]       # quantities, claim ids or \\tag labels (a heading id Q2 covers Q2.1, Q2.2, …)
carried_forward = 0.5             # share of an item's points for an error carried forward (default 1)
show_expected = false             # whether students see the expected expression (default true)
visibility = "visible"            # Gradescope: visible | hidden | after_due_date | after_published
```

Grading (``grade``) splits a question's points equally between its expected items. An item is the claims that
match it (by id or label, by the heading the id stands under, or by the quantity a claim is about); its verdict is
the worst of its checked claims (a student cannot hedge with two versions), ``unchecked`` when none could be read
(also when nothing names the item but a claim under the question's heading could not be read: a TA reads it),
``missing`` when none matches. ``max_score`` is the rubric's total, whatever the student wrote.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from gradproof.derive.errors import UsageError, did_you_mean
from gradproof.derive.spec import no_file, parse_toml_file

from .document import question_alias
from .judge import ClaimResult

TOP_KEYS = ("questions", "title", "output_format", "visibility")
QUESTION_KEYS = ("id", "name", "points", "expects", "carried_forward", "show_expected", "visibility")
VISIBILITY = ("visible", "hidden", "after_due_date", "after_published")  # Gradescope's test visibility values
OUTPUT_FORMATS = ("text", "html", "simple_format", "md", "ansi")  # Gradescope's output_format values
MAX_QUESTIONS = 500
#: expected items (quantities, claim ids, tags) in all the questions: an answer holds at most 2000 claims
MAX_EXPECTS = 2000
#: credit of an item by verdict (carried_forward: the question's share)
CREDIT = {"correct": 1.0, "incorrect": 0.0, "unchecked": 0.0, "missing": 0.0}
_ORDER = ("incorrect", "carried_forward", "correct")  # worst first


class RubricError(UsageError):
    """The rubric file is missing or malformed (a usage error: exit 2 before any submission is graded)."""


@dataclass(frozen=True)
class Question:
    id: str
    points: float
    expects: tuple[str, ...]
    name: str = ""
    carried_forward: float = 1.0
    show_expected: bool = True
    visibility: str = "visible"
    exact: bool = False  # match claim ids exactly (one question per claim, no heading prefixes)

    @property
    def title(self) -> str:
        return self.name or self.id


@dataclass(frozen=True)
class Rubric:
    questions: tuple[Question, ...]
    source: str = ""
    title: str = ""
    output_format: str = "text"
    visibility: str = "visible"

    @property
    def max_score(self) -> float:
        return sum(q.points for q in self.questions)


@dataclass
class Item:
    """One expected claim or quantity of a question and what the submission made of it."""

    expects: str
    verdict: str  # correct | carried_forward | incorrect | unchecked | missing
    claims: list[ClaimResult] = field(default_factory=list)


@dataclass
class QuestionGrade:
    question: Question
    score: float
    items: list[Item]

    @property
    def passed(self) -> bool:
        return self.score >= self.question.points - 1e-9


@dataclass
class Grade:
    """A submission's score under a rubric: ``score`` of ``max_score`` and one QuestionGrade per question."""

    score: float
    max_score: float
    questions: list[QuestionGrade]


def load_rubric(path: str | Path) -> Rubric:
    """Read and validate a rubric file.

    Raises:
        RubricError: the file is missing or a key is malformed; the message names the file, question, key and fix.
    """
    path = Path(path)
    if path.is_dir():
        tomls = sorted(f.name for f in path.glob("*.toml"))[:3]
        hint = f" (it holds {', '.join(tomls)})" if tomls else ""
        raise RubricError(f"--rubric {path}: this is a folder, not a rubric file; give the rubric's TOML file, "
                          f"e.g. --rubric {path / (tomls[0] if tomls else 'rubric.toml')}{hint}")
    if not path.is_file():
        raise RubricError(f"--rubric {no_file(path, 'rubric file')}")
    return rubric_from_dict(parse_toml_file(path, "rubric", RubricError), str(path))


def rubric_from_dict(data: dict, source: str = "rubric") -> Rubric:
    def fail(where: str, what: str) -> RubricError:
        return RubricError(f"{source}: {where}: {what}")

    for k in data:
        if k not in TOP_KEYS:
            raise fail(k, f"unknown key{did_you_mean(k, TOP_KEYS)}; a rubric has {', '.join(TOP_KEYS)}")
    fmt = data.get("output_format", "text")
    if fmt not in OUTPUT_FORMATS:
        hint = "; did you mean 'md'?" if str(fmt).lower() in ("markdown", "mdown") else did_you_mean(str(fmt), OUTPUT_FORMATS)
        raise fail("output_format", f"{fmt!r} is not one of {', '.join(OUTPUT_FORMATS)} (Gradescope's names){hint}")
    default_vis = _visibility(data.get("visibility", "visible"), "visibility", fail)
    raw = data.get("questions")
    if not isinstance(raw, list) or not raw:
        raise fail("questions", "expected at least one [[questions]] table with id, points and expects, e.g.\n"
                                "[[questions]]\nid = \"Q1\"\npoints = 2\nexpects = [\"delta3\"]")
    if len(raw) > MAX_QUESTIONS:
        raise fail("questions", f"{len(raw)} questions; the limit is {MAX_QUESTIONS}")
    out, seen, expected = [], set(), 0
    for i, q in enumerate(raw, start=1):
        where = f"questions[{i}]"
        if not isinstance(q, dict):
            raise fail(where, "expected a table with id, points and expects")
        for k in q:
            if k not in QUESTION_KEYS:
                raise fail(where, f"unknown key '{k}'{did_you_mean(k, QUESTION_KEYS)}; a question has {', '.join(QUESTION_KEYS)}")
        qid = q.get("id")
        if not isinstance(qid, (str, int)) or isinstance(qid, bool) or not str(qid).strip() or len(str(qid)) > 40:
            raise fail(f"{where}.id", "missing or not a short label such as \"Q1\"")
        qid = str(qid)
        if qid in seen:
            raise fail(f"{where}.id", f"duplicate id '{qid}'; every question needs its own id")
        seen.add(qid)
        where = f"question {qid}"
        points = q.get("points")
        if isinstance(points, bool) or not isinstance(points, (int, float)) or not math.isfinite(points) or not 0 < points <= 1e6:
            raise fail(f"{where}: points", f"{points!r}; expected a positive number of points, e.g. points = 2")
        expects = q.get("expects")
        if isinstance(expects, str):
            expects = [expects]
        if not isinstance(expects, list) or not expects or not all(isinstance(e, str) and e.strip() for e in expects):
            raise fail(f"{where}: expects",
                       "expected a list of quantities, claim ids or \\tag labels, e.g. expects = [\"delta3\", \"dW3\"]")
        expected += len(expects)
        if expected > MAX_EXPECTS:
            raise fail(f"{where}: expects", f"more than {MAX_EXPECTS} expected items in all the questions (an answer holds "
                                            "at most 2000 claims); list what each question grades")
        cf = q.get("carried_forward", 1.0)
        if isinstance(cf, bool) or not isinstance(cf, (int, float)) or not 0 <= cf <= 1:
            raise fail(f"{where}: carried_forward", f"{cf!r}; expected the share of the points from 0 to 1, e.g. 0.5")
        show = q.get("show_expected", True)
        if not isinstance(show, bool):
            raise fail(f"{where}: show_expected", f"{show!r}; expected true or false")
        name = q.get("name", "")
        if not isinstance(name, str) or len(name) > 200:
            raise fail(f"{where}: name", "expected a short text")
        vis = _visibility(q.get("visibility", default_vis), f"{where}: visibility", fail)
        out.append(Question(qid, float(points), tuple(e.strip() for e in expects), name, float(cf), show, vis))
    title = data.get("title", "")
    return Rubric(tuple(out), source, title if isinstance(title, str) else "", fmt, default_vis)


def _visibility(value, where, fail) -> str:
    if value not in VISIBILITY:
        raise fail(where, f"{value!r} is not one of {', '.join(VISIBILITY)}{did_you_mean(str(value), VISIBILITY)}")
    return value


def check_against(rubric: Rubric, depth: int, quantity_names) -> None:
    """Refuse an expected quantity the network cannot have (``dW9`` in a 3-layer net), before grading anything.

    ``quantity_names`` tells a quantity name from a claim id (``verify.answers.valid_quantity``).

    Raises:
        RubricError: names the question, the entry and the layers the network has.
    """
    for q in rubric.questions:
        for e in q.expects:
            m = re.fullmatch(r"(?<![A-Za-z_])[A-Za-z_]+?(\d+)(?:_next)?", e)
            if m and quantity_names(e) and not 1 <= int(m.group(1)) <= depth:
                raise RubricError(f"{rubric.source}: question {q.id}: expects '{e}', but the network has layers 1 to {depth}")


def same_quantity(network=None):
    """The name under which a rubric compares quantities: a claim about ∂J/∂z⁽ˡ⁾ on the objective's scale (``dz2``, a
    CS231n ``dL/ds``) answers a question on the layer's error ``delta2``; the data term's gradient (``dWL2``, written
    ∂L/∂W when L is the loss) answers ``dW2`` when the spec's regularizer adds nothing to it (none, λ = 0, or a bias
    it does not penalise). Without a network only the first holds."""
    unregularized = network is not None and (network.regularizer is None or network.reg_lambda == 0)
    biases_free = network is not None and (unregularized or not network.penalize_bias)

    def canonical(name: str) -> str:
        m = re.fullmatch(r"(dz|dWL|dbL)(\d+)", name)
        if m is None:
            return name
        kind, layer = m.groups()
        if kind == "dz" or (kind == "dWL" and unregularized) or (kind == "dbL" and biases_free):
            return {"dz": "delta", "dWL": "dW", "dbL": "db"}[kind] + layer
        return name

    return canonical


def matches(expect: str, result: ClaimResult, canonical=None) -> bool:
    """Whether a claim answers an expected entry: its id or label (``Q2`` covers the heading's ``Q2.1``, ``Q2.2``;
    ``2.15`` also a repeated ``2.15#2``) or the quantity it is about (compared by ``canonical``: same_quantity)."""
    cid, canonical = result.id, canonical or same_quantity()
    return (cid == expect or cid.startswith(expect + ".") or cid.startswith(expect + "#")
            or (result.quantity is not None and canonical(result.quantity) == canonical(expect)))


class _Labels:
    """Claims (or rows) found by a label as ``matches`` finds them — the label itself, or it followed by ``.`` or ``#``
    (``Q2`` covers ``Q2.1``, ``2.15#2``) — through the labels sorted once: a label's claims are those from its place in
    the order on while they start with it (issue 12, round fifteen: a rubric of 2000 items over 2000 claims compared
    every pair, 4 million matches with a regular expression each, 6.4 CPU s per submission)."""

    def __init__(self, labelled: list[tuple[str, int]]):
        self.pairs = sorted(labelled)  # (label, position in the answer)
        self.labels = [label for label, _ in self.pairs]
        self.exact: dict[str, list[int]] = {}
        for label, k in labelled:
            self.exact.setdefault(label, []).append(k)

    def under(self, e: str) -> list[int]:
        """The positions whose label is e or starts with e + "." or e + "#", in the answer's order."""
        found, k = [], bisect.bisect_left(self.labels, e)
        while k < len(self.labels) and self.labels[k].startswith(e):
            label = self.labels[k]
            if len(label) == len(e) or label[len(e)] in ".#":
                found.append(self.pairs[k][1])
            k += 1
        return sorted(found)


def grade(rubric: Rubric, results: list[ClaimResult], network=None) -> Grade:
    """Score ``results`` under ``rubric`` (see the module docstring); ``network`` decides which quantities are the
    same (same_quantity). Each claim's id, alias and quantity is indexed once (``_Labels``): the found claims are those
    ``matches`` accepts, in the answer's order."""
    canonical = functools.lru_cache(maxsize=None)(same_quantity(network))
    ids = _Labels([(r.id, k) for k, r in enumerate(results)])
    aliases = _Labels([(a, k) for k, r in enumerate(results) if (a := question_alias(r.id)) is not None])
    rows: dict[str, list] = {}
    for r in results:
        for row in r.rows:
            rows.setdefault(row.id, []).append(row)
    quantities: dict[str, list[int]] = {}
    for k, r in enumerate(results):
        if r.quantity is not None:
            quantities.setdefault(canonical(r.quantity), []).append(k)

    def matching(e: str) -> list[int]:  # (matches(e, r) for every r, by the indexes)
        return sorted(set(ids.under(e)) | set(quantities.get(canonical(e), ())))

    questions = []
    for q in rubric.questions:
        items = []
        for e in q.expects:
            found = [results[k] for k in (ids.exact.get(e, []) if q.exact else matching(e))]
            if not found:  # a row of a chain, named as a step (line 119.2: chainrows.py)
                found = list(rows.get(e, ()))
            if not found:  # Q1.3 for the claim Problem1.3 under "## Problem 1" (document.question_alias)
                found = [results[k] for k in (aliases.exact.get(e, []) if q.exact else aliases.under(e))]
            if not found and not q.exact:  # what the question's own heading holds but could not be read (Q2.1 with
                found = [results[k] for k in matching(q.id) if results[k].quantity is None  # H^2 undecided) is for a
                         and results[k].verdict == "unchecked"]  # TA to read, not an answer the student left out
            checked = [r.verdict for r in found if r.verdict != "unchecked"]
            verdict = (min(checked, key=_ORDER.index) if checked else "unchecked") if found else "missing"
            items.append(Item(e, verdict, found))
        credit = sum(q.carried_forward if it.verdict == "carried_forward" else CREDIT[it.verdict] for it in items)
        questions.append(QuestionGrade(q, round(q.points * credit / len(items), 6), items))
    return Grade(round(sum(g.score for g in questions), 6), rubric.max_score, questions)


def per_claim(results: list[ClaimResult]) -> Rubric:
    """Without a rubric: one question of one point per claim (``max_score`` then depends on what was written)."""
    return Rubric(tuple(Question(r.id, 1.0, (r.id,), f"claim {r.id}", exact=True) for r in results), "one point per claim")
