"""Batch grading end to end: a folder of submissions in every accepted format, a rubric, the summary CSV, the reports,
Gradescope's and PrairieLearn's results (checked against the documented fields), a bad and a hostile submission.

The derivation is made once per module (``ctx``); the CLI runs share nothing with it, so the batch's verdicts are
compared with an independent single-answer ``verify_file`` of the same file (its own derivation).
"""

from __future__ import annotations

import csv
import json
import signal
import time

import pytest
from gradproof.derive.errors import UsageError
from gradproof.verify import batch
from gradproof.verify.batch import Submission, discover, grade_all, grade_submission
from gradproof.verify.cli import verify_file
from gradproof.verify.grading import context
from gradproof.verify.judge import ClaimResult
from gradproof.verify.platforms import (
    GRADESCOPE_KEYS,
    GRADESCOPE_TEST_KEYS,
    PRAIRIELEARN_KEYS,
    PRAIRIELEARN_TEST_KEYS,
    dumps,
    escape,
    printable,
)
from gradproof.verify.rubric import RubricError, grade, rubric_from_dict
from helpers_verify import ROOT

from gradproof.cli import main

SPEC = ROOT / "examples" / "reference_mlp.toml"
HOMEWORK = (ROOT / "examples" / "answers" / "homework.md").read_text(encoding="utf-8")
RUBRIC = """
output_format = "html"
[[questions]]
id = "Q1"
name = "Output error <b>"
points = 2
expects = ["delta3"]
[[questions]]
id = "Q2"
points = 4
expects = ["delta2", "delta1"]
carried_forward = 0.5
show_expected = false
visibility = "after_published"
[[questions]]
id = "Q3"
points = 3
expects = ["dW3", "dW1", "db2"]
"""
TOML_ANSWER = """
[spec]                                  # its own network: ignored for --spec
name = "other"
inputs = 2
[[spec.layers]]
units = 2
activation = "softmax"
[spec.loss]
name = "cross_entropy"
[spec.optimizer]
name = "sgd"
learning_rate = 0.1
[[claims]]
id = "3"
latex = '\\delta^{(3)} = \\hat{y} - y'
[[claims]]
id = "4"
latex = '\\delta^{(2)} = (W^{(3)})^T \\delta^{(3)} \\odot (1 - (h^{(2)})^2)'
"""


def _notebook(markdown: str) -> str:
    return json.dumps({"cells": [{"cell_type": "markdown", "source": markdown.splitlines(keepends=True)},
                                 {"cell_type": "code", "source": ["x = 1\n"], "outputs": []}], "nbformat": 4, "nbformat_minor": 5})


@pytest.fixture(scope="module")
def ctx(tmp_path_factory):
    path = tmp_path_factory.mktemp("rubric") / "rubric.toml"
    path.write_text(RUBRIC, encoding="utf-8")
    return context(str(SPEC), str(path))


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A course folder: one submission per accepted format, a subfolder, a malformed one and a hostile one."""
    base = tmp_path_factory.mktemp("course")
    subs = base / "submissions"
    subs.mkdir()
    (subs / "alice.md").write_text(HOMEWORK, encoding="utf-8")
    tex = "\\section{Q1}\n\\begin{equation} \\delta^{(3)} = \\hat{y} - y \\tag{Q1} \\end{equation}\n" \
          "\\begin{align}\n\\delta^{(2)} &= (W^{(3)})^T \\delta^{(3)} \\odot \\tanh^2(z^{(2)}) \\\\\n" \
          "\\delta^{(1)} &= (W^{(2)})^T \\delta^{(2)} \\odot \\operatorname{LReLU}'(z^{(1)})\n\\end{align}\n"
    (subs / "bob.tex").write_text(tex, encoding="utf-8")
    (subs / "carol.ipynb").write_text(_notebook(HOMEWORK), encoding="utf-8")
    (subs / "dan.toml").write_text(TOML_ANSWER, encoding="utf-8")
    (subs / "erin").mkdir()
    (subs / "erin" / "part1.md").write_text("$$ \\delta^{(3)} = \\hat{y} - y \\tag{1} $$\n", encoding="utf-8")
    (subs / "erin" / "part2.md").write_text("$$ \\frac{\\partial J}{\\partial b^{(2)}} = \\delta^{(2)} \\tag{1} $$\n", encoding="utf-8")
    (subs / "erin" / "notes.pdf.txt~").write_text("not an answer", encoding="utf-8")
    (subs / "frank.toml").write_text("claims = [\n", encoding="utf-8")  # malformed TOML
    hostile = "".join(f"$$ \\delta^{{(2)}} = {k} (W^{{(3)}})^T \\delta^{{(3)}} \\odot \\tanh^2(z^{{(2)}}) $$\n" for k in range(2, 1990))
    (subs / "gina.md").write_text(hostile, encoding="utf-8")  # hostile: 1988 distinct wrong equations, over the budget
    (subs / ".DS_Store").write_text("junk", encoding="utf-8")
    (subs / "readme.pdf.bak").write_text("junk", encoding="utf-8")
    (base / "rubric.toml").write_text(RUBRIC, encoding="utf-8")
    return base


def test_discover_every_format_and_subfolders(course):
    subs = discover([course / "submissions"])
    assert [s.name for s in subs] == ["alice.md", "bob.tex", "carol.ipynb", "dan.toml", "erin", "frank.toml", "gina.md"]
    assert [f.name for f in subs[4].files] == ["part1.md", "part2.md"]
    with pytest.raises(UsageError, match="no such file or folder"):
        discover([course / "missing"])


def test_batch_cli_summary_reports_and_bad_rows(course, capsys):
    out = course / "out"
    summary = out / "grades.csv"
    code = main(["verify", str(course / "submissions"), "--spec", str(SPEC), "--rubric", str(course / "rubric.toml"),
                 "--summary", str(summary), "--out", str(out / "reports"), "--jobs", "2", "--time-limit", "3"])
    cap = capsys.readouterr()
    assert code == 0, cap.err
    rows = list(csv.DictReader(summary.open(encoding="utf-8")))
    assert list(rows[0])[:6] == ["submission", "score", "max_score", "Q1", "Q2", "Q3"]
    by = {r["submission"]: r for r in rows}
    assert set(by) == {"alice.md", "bob.tex", "carol.ipynb", "dan.toml", "erin", "frank.toml", "gina.md"}
    assert {r["max_score"] for r in rows} == {"9"}  # the rubric's total, whatever each student wrote
    assert by["frank.toml"]["status"] == "error" and by["frank.toml"]["score"] == "0" and "not valid TOML" in by["frank.toml"]["reason"]
    assert by["gina.md"]["status"] == "timeout" and by["gina.md"]["score"] == "0"
    assert "its own spec is ignored" in by["dan.toml"]["reason"] and by["dan.toml"]["status"] == "graded"
    # alice (Markdown) and carol (the same answer in a notebook) grade alike; the expected values come from the rubric:
    # Q1 delta3 correct (2); Q2 delta2 has a wrong version (0) and delta1 is right (2 of 4); Q3 dW1 lacks a transpose (2 of 3)
    for name in ("alice.md", "carol.ipynb"):
        assert (by[name]["score"], by[name]["Q1"], by[name]["Q2"], by[name]["Q3"]) == ("6", "2", "2", "2")
    assert (by["bob.tex"]["Q1"], by["bob.tex"]["Q2"]) == ("2", "2")  # \tag{Q1}; tanh² for δ2 is wrong, δ1 right
    assert (by["erin"]["Q1"], by["erin"]["Q3"]) == ("2", "1")  # two files, one submission: δ3 and ∂J/∂b2
    reports = out / "reports"
    assert (reports / "alice.md.txt").read_text(encoding="utf-8").startswith("alice.md: 6 / 9")
    report = json.loads((reports / "frank.toml.json").read_text(encoding="utf-8"))
    assert report["status"] == "error" and report["score"] == 0
    assert "grading 7 submission(s)" in cap.err and "2 not graded" in cap.err


def test_batch_verdicts_match_single_answers(ctx, course):
    """The shared derivation changes nothing: each claim's verdict equals an independent ``verify`` of the file."""
    for name in ("alice.md", "bob.tex"):
        path = course / "submissions" / name
        alone, _, _ = verify_file(str(path), str(SPEC))
        shared = grade_submission(Submission(name, (path,), path), ctx)
        assert [(r.id, r.verdict) for r in shared.results] == [(r.id, r.verdict) for r in alone]


def test_usage_errors_exit_2(course, capsys):
    subs = str(course / "submissions")
    assert main(["verify", subs, "--rubric", str(course / "rubric.toml")]) == 2
    assert "add --spec SPEC" in capsys.readouterr().err
    bad = course / "bad_rubric.toml"
    bad.write_text('[[questions]]\nid = "Q1"\npoints = 2\nexpect = ["delta3"]\n', encoding="utf-8")
    assert main(["verify", subs, "--spec", str(SPEC), "--rubric", str(bad)]) == 2
    assert "unknown key 'expect'; did you mean 'expects'?" in capsys.readouterr().err
    bad.write_text('[[questions]]\nid = "Q1"\npoints = 2\nexpects = ["dW9"]\n', encoding="utf-8")
    assert main(["verify", subs, "--spec", str(SPEC), "--rubric", str(bad)]) == 2
    assert "expects 'dW9', but the network has layers 1 to 3" in capsys.readouterr().err
    assert main(["verify", str(course / "nowhere"), "--spec", str(SPEC), "--summary", str(course / "s.csv")]) == 2


@pytest.mark.parametrize(("table", "says"), [
    ({"questions": []}, "at least one [[questions]]"),
    ({"questions": [{"id": "Q1", "points": -1, "expects": ["x"]}]}, "positive number of points"),
    ({"questions": [{"id": "Q1", "points": float("nan"), "expects": ["x"]}]}, "positive number of points"),
    ({"questions": [{"id": "Q1", "points": 1, "expects": []}]}, "expects"),
    ({"questions": [{"id": "Q1", "points": 1, "expects": ["x"], "carried_forward": 2}]}, "from 0 to 1"),
    ({"questions": [{"id": "Q1", "points": 1, "expects": ["x"], "visibility": "hiden"}]}, "did you mean 'hidden'"),
    ({"questions": [{"id": "Q1", "points": 1, "expects": ["x"]}] * 2}, "duplicate id 'Q1'"),
    ({"output_format": "markdown", "questions": [{"id": "Q1", "points": 1, "expects": ["x"]}]}, "did you mean 'md'"),
])
def test_rubric_validation(table, says):
    with pytest.raises(RubricError, match=None) as err:
        rubric_from_dict(table, "r.toml")
    assert says in str(err.value) and str(err.value).startswith("r.toml: ")


def _r(cid, verdict, quantity=None):
    return ClaimResult(cid, "", verdict, "E", f"message {cid}", quantity=quantity)


def test_rubric_matching_and_credit():
    rubric = rubric_from_dict({"questions": [
        {"id": "Q1", "points": 3, "expects": ["Q1"]},  # a heading id covers Q1.1, Q1.2
        {"id": "Q2", "points": 2, "expects": ["delta2", "2.15"], "carried_forward": 0.5},
        {"id": "Q3", "points": 1, "expects": ["dW1"]},
        {"id": "Q4", "points": 4, "expects": ["db1"]},
    ]})
    results = [_r("Q1.1", "correct"), _r("Q1.2", "unchecked"), _r("line 4", "carried_forward", "delta2"),
               _r("2.15", "correct"), _r("a", "correct", "dW1"), _r("b", "incorrect", "dW1")]
    g = grade(rubric, results)
    assert [qg.score for qg in g.questions] == [3, 1.5, 0, 0]  # Q2: ½·1 + 1 of 2 items; Q3: a wrong version; Q4 missing
    assert [it.verdict for qg in g.questions for it in qg.items] == ["correct", "carried_forward", "correct", "incorrect", "missing"]
    assert g.max_score == 10 and g.score == 4.5
    assert grade(rubric, []).max_score == 10  # stable: from the rubric


def test_escaping_for_every_output_format():
    hostile = "<script>alert(1)</script>\x1b[31m*x*"
    assert "<script>" not in escape(hostile, "html") and "&lt;script&gt;" in escape(hostile, "html")
    assert "<script>" not in escape(hostile, "md") and "\\*x\\*" in escape(hostile, "md")
    assert "\x1b" not in escape(hostile, "text") and "\x1b" not in escape(hostile, "ansi")
    assert printable("a\x1b]0;title\x07b\nc") == "a\\x1b]0;title\\x07b\nc"


def test_strict_json_has_no_nan_or_infinity():
    text = dumps({"a": float("inf"), "b": [float("nan"), 1.0], "c": {"d": -float("inf")}})
    data = json.loads(text, parse_constant=lambda c: pytest.fail(f"non-standard JSON constant {c}"))
    assert data["a"] is None and data["b"] == [None, 1.0] and len(data["non_finite"]) == 3


def test_values_of_1e308_give_valid_json(tmp_path, capsys):
    src = (ROOT / "examples" / "answers" / "worked_example.toml").read_text(encoding="utf-8")
    spec = (ROOT / "examples" / "answers" / "worked_example.toml").parent
    text = src.replace('spec = "', f'spec = "{spec.as_posix()}/', 1)
    huge = text.replace("[values]", "[values]\n# overflowing weights", 1)
    import re

    huge = re.sub(r"(W1\s*=\s*\[\[)\s*[-0-9.e]+", r"\g<1>1e308", huge, count=1)
    assert huge != text
    path = tmp_path / "huge.toml"
    path.write_text(huge, encoding="utf-8")
    main(["verify", str(path), "--json"])
    out = capsys.readouterr().out
    json.loads(out, parse_constant=lambda c: pytest.fail(f"non-standard JSON constant {c} in --json"))
    results = tmp_path / "results.json"
    main(["verify", str(path), "--format", "gradescope", "--out", str(results)])
    json.loads(results.read_text(encoding="utf-8"), parse_constant=lambda c: pytest.fail(f"{c} in results.json"))


def _check_gradescope(data, max_score):
    assert set(data) <= set(GRADESCOPE_KEYS) and data["max_score"] == max_score
    for t in data["tests"]:
        assert set(t) <= set(GRADESCOPE_TEST_KEYS) and t["status"] in ("passed", "failed")
        assert t["visibility"] in ("visible", "hidden", "after_due_date", "after_published")
        assert t["output_format"] in ("text", "html", "simple_format", "md", "ansi")
        assert 0 <= t["score"] <= t["max_score"]
    assert data["score"] == pytest.approx(sum(t["score"] for t in data["tests"]))


def test_gradescope_results_with_a_rubric(course, tmp_path, capsys):
    hostile = tmp_path / "sub"
    hostile.mkdir()
    (hostile / "a.md").write_text("$$ \\delta^{(3)} = \\hat{y} - y \\tag{<script>alert(1)</script>} $$\n"
                                  "$$ \\delta^{(2)} = W^{(3)T} \\delta^{(3)} \\tag{Q2x} $$\n", encoding="utf-8")
    results = tmp_path / "results" / "results.json"
    code = main(["autograder", "gradescope", "--spec", str(SPEC), "--rubric", str(course / "rubric.toml"),
                 "--submission", str(hostile), "--results", str(results)])
    assert code == 0
    data = json.loads(results.read_text(encoding="utf-8"))
    _check_gradescope(data, 9.0)
    q1, q2, _ = data["tests"]
    assert q1["name"] == "Output error &lt;b&gt;" and q1["status"] == "passed" and q1["score"] == 2.0
    assert "<script>" not in json.dumps(data) and "&lt;script&gt;" in q1["output"]
    assert q2["visibility"] == "after_published" and "expected:" not in q2["output"]  # show_expected = false
    assert data["score"] == 2.0
    # a submission that cannot be read still gets its results.json: score 0, every question, the reason
    (hostile / "a.md").write_text("no mathematics here", encoding="utf-8")
    assert main(["autograder", "gradescope", "--spec", str(SPEC), "--rubric", str(course / "rubric.toml"),
                 "--submission", str(hostile), "--results", str(results)]) == 0
    data = json.loads(results.read_text(encoding="utf-8"))
    _check_gradescope(data, 9.0)
    assert data["score"] == 0 and "no equations found" in data["output"] and len(data["tests"]) == 3
    capsys.readouterr()


def test_gradescope_results_without_a_rubric_and_with_a_bad_file(tmp_path, capsys):
    results = tmp_path / "results.json"
    bad = tmp_path / "bad.toml"
    bad.write_text("spec = 3\n", encoding="utf-8")
    assert main(["verify", str(bad), "--format", "gradescope", "--out", str(results)]) == 2
    data = json.loads(results.read_text(encoding="utf-8"))
    assert data["score"] == 0 and "spec" in data["output"] and set(data) <= set(GRADESCOPE_KEYS)
    capsys.readouterr()


def test_prairielearn_results(course, tmp_path, capsys):
    results = tmp_path / "results.json"
    code = main(["autograder", "prairielearn", "--spec", str(SPEC), "--rubric", str(course / "rubric.toml"),
                 "--submission", str(course / "submissions" / "alice.md"), "--results", str(results)])
    assert code == 0
    data = json.loads(results.read_text(encoding="utf-8"))
    assert set(data) <= set(PRAIRIELEARN_KEYS) and data["gradable"] is True
    assert data["score"] == pytest.approx(6 / 9)
    for t in data["tests"]:
        assert set(t) <= set(PRAIRIELEARN_TEST_KEYS) and 0 <= t["points"] <= t["max_points"]
    assert main(["autograder", "prairielearn", "--spec", str(SPEC), "--rubric", str(course / "rubric.toml"),
                 "--submission", str(course / "submissions" / "frank.toml"), "--results", str(results)]) == 0
    data = json.loads(results.read_text(encoding="utf-8"))
    assert data["gradable"] is False and data["score"] == 0 and "not valid TOML" in data["message"]
    capsys.readouterr()


def _stubborn(sub, ctx):
    """A grader stuck where the alarm cannot reach it (the parent must kill the worker)."""
    if sub.name == "stuck":
        signal.signal(signal.SIGALRM, signal.SIG_IGN)
        time.sleep(60)
    return batch.Outcome(sub.name, "graded")


def test_a_stuck_worker_is_killed_and_replaced(ctx, monkeypatch, tmp_path):
    monkeypatch.setattr(batch, "grade_submission", _stubborn)  # inherited by the forked workers
    monkeypatch.setattr(batch, "GRACE_SECONDS", 0.5)
    subs = [Submission(n, (), tmp_path) for n in ("a", "stuck", "b", "c")]
    fast = batch.Context(ctx.network, ctx.derivation, ctx.rubric, budget=0.5)
    t0 = time.monotonic()
    outcomes = grade_all(subs, fast, jobs=2)
    assert time.monotonic() - t0 < 20
    assert [o.status for o in outcomes] == ["graded", "timeout", "graded", "graded"]
    assert "was stopped" in outcomes[1].reason


def test_reports_inside_the_submissions_folder_are_not_graded(tmp_path, capsys):
    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "a.md").write_text("$$ \\delta^{(3)} = \\hat{y} - y $$\n", encoding="utf-8")
    for _ in range(2):  # the second run finds subs/reports/ and must not grade it
        assert main(["verify", str(subs), "--spec", str(SPEC), "--out", str(subs / "reports"), "--summary",
                     str(tmp_path / "g.csv"), "--jobs", "1"]) == 0
    rows = list(csv.DictReader((tmp_path / "g.csv").open(encoding="utf-8")))
    assert [(r["submission"], r["score"], r["max_score"]) for r in rows] == [("a.md", "1", "1")]
    capsys.readouterr()
