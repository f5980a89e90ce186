"""Batch grading under hostile submissions (issue 12, round two): each submission has its own time and memory budget
(``limits.run_budget`` in ``batch.grade_submission``, also inside the forked workers), so one submission that would
run for minutes or allocate gigabytes gets its own ``timeout``/``refused`` row with the reason, the others are graded
exactly as without it, and the summary CSV and the per-submission JSON reports stay complete and valid.

The time bound is asserted on CPU time (``batch.cpu_seconds`` lowered for the test), not wall time: a shared machine
stretches wall time, while a submission's CPU work is what it controls.
"""

from __future__ import annotations

import csv
import json
import resource
import shutil
from pathlib import Path

import pytest
from gradproof.derive import limits
from gradproof.verify import batch
from gradproof.verify.batch import Context, Submission, grade_all
from gradproof.verify.grading import context

from gradproof.cli import main

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "examples" / "reference_mlp.toml"
GOOD = ROOT / "examples" / "grading" / "submissions"
RUBRIC = ROOT / "examples" / "grading" / "rubric.toml"
#: a claim that costs about half a CPU second to judge (a long product the mistake catalogue tries variants of)
SLOW_CLAIM = r"\delta^{(1)} = " + r"\tanh(\tanh(z^{(1)}))\odot " * 60 + r"(W^{(2)})^\top \delta^{(2)}"


def hostile(folder: Path) -> dict[str, str]:
    """The hostile submissions written into ``folder``: name -> the status each must get."""
    # ~20 CPU s when judged to the end (40 distinct claims: identical ones are judged once since round twelve)
    (folder / "mallory_slow.md").write_text("".join(f"$${SLOW_CLAIM} + {k} - {k}$$\n\n" for k in range(40)))
    (folder / "mallory_dollars.md").write_text("$$ x\n" * 198_000)  # unclosed display math, 990 kB
    (folder / "mallory_binary.md").write_bytes(b"\xff\xfe\x00garbage" * 1000)
    (folder / "mallory_overflow.md").write_text(r"$$\delta^{(3)} = (\hat{y}-y) + 0 \cdot 10^{10^{10}}$$" + "\n")
    return {"mallory_slow.md": "timeout", "mallory_dollars.md": "error", "mallory_binary.md": "error",
            "mallory_overflow.md": "graded"}


def rows(path: Path) -> dict[str, dict]:
    with path.open(newline="", encoding="utf-8") as f:
        return {r["submission"]: r for r in csv.DictReader(f)}


def test_hostile_submissions_get_their_own_rows_and_the_class_is_graded_as_without_them(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(batch, "cpu_seconds", lambda budget: 3.0)  # the slow one needs ~20 CPU s; the others < 1 s
    clean, mixed = tmp_path / "clean", tmp_path / "mixed"
    shutil.copytree(GOOD, clean)
    shutil.copytree(GOOD, mixed)
    expected = hostile(mixed)
    common = ["--spec", str(SPEC), "--rubric", str(RUBRIC), "--jobs", "2"]
    assert main(["verify", str(clean), *common, "--summary", str(tmp_path / "clean.csv")]) == 0
    assert main(["verify", str(mixed), *common, "--summary", str(tmp_path / "mixed.csv"), "--out", str(tmp_path / "rep")]) == 0
    capsys.readouterr()
    before, after = rows(tmp_path / "clean.csv"), rows(tmp_path / "mixed.csv")
    assert set(after) == set(before) | set(expected)  # one row per submission, none lost
    for name, row in before.items():  # the class is graded exactly as without the hostile submissions
        assert {k: after[name][k] for k in ("score", "max_score", "status")} == {k: row[k] for k in ("score", "max_score", "status")}
    for name, status in expected.items():
        assert after[name]["status"] == status, after[name]
        if status != "graded":
            assert after[name]["score"] == "0" and name in after[name]["reason"]
    assert "time budget of a submission" in after["mallory_slow.md"]["reason"]
    assert "--time-limit" in after["mallory_slow.md"]["reason"]
    reports = sorted((tmp_path / "rep").glob("*.json"))
    assert len(reports) == len(after)
    for path in reports:  # every report is complete, strict JSON (no NaN / Infinity)
        data = json.loads(path.read_text(encoding="utf-8"), parse_constant=lambda c, p=path: pytest.fail(f"{p}: {c}"))
        assert data["status"] == after[data["submission"]]["status"]
    overflow = json.loads((tmp_path / "rep" / "mallory_overflow.md.json").read_text(encoding="utf-8"))
    assert [c["verdict"] for c in overflow["claims"]] == ["unchecked"]


def _hog(original):
    def load(sub, network):
        if sub.name.startswith("hog"):
            bytearray(8 * 2**30)  # far past the cap: refused at once by RLIMIT_DATA, never really allocated
        return original(sub, network)

    return load


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_submission_past_its_memory_cap_is_refused_and_the_others_graded(tmp_path, monkeypatch, jobs):
    monkeypatch.setattr(batch, "load_submission", _hog(batch.load_submission))
    for name in ("alice.md", "hog.md", "bob.tex"):
        shutil.copy(GOOD / ("alice.md" if name == "hog.md" else name), tmp_path / name)
    ctx = context(str(SPEC), None)
    ctx = Context(ctx.network, ctx.derivation, ctx.rubric, memory=512 * 2**20)
    subs = [Submission(p.name, (p,), p) for p in sorted(tmp_path.iterdir())]
    limit = resource.getrlimit(resource.RLIMIT_DATA)
    outcomes = {o.name: o for o in grade_all(subs, ctx, jobs=jobs)}
    assert resource.getrlimit(resource.RLIMIT_DATA) == limit  # the parent's own limit is restored (jobs = 1)
    assert outcomes["hog.md"].status == "refused"
    assert "hog.md: needed more than 512 MiB of memory, the limit of a submission" in outcomes["hog.md"].reason
    assert outcomes["alice.md"].status == outcomes["bob.tex"].status == "graded"
    assert outcomes["alice.md"].grade.score == outcomes["alice.md"].grade.max_score > 0


def test_a_worker_gets_its_share_of_the_memory():
    assert batch.memory_bytes(1) <= limits.RUN_BYTES
    assert batch.memory_bytes(10**6) == batch.MIN_BYTES  # many workers: each keeps a floor that grades the examples
    assert batch.cpu_seconds(batch.BUDGET_SECONDS) == limits.RUN_SECONDS
    assert batch.cpu_seconds(600) == 200


@pytest.mark.parametrize("value", ["0", "-5", "nan", "inf"])
def test_a_time_limit_that_is_not_a_positive_number_is_refused(tmp_path, capsys, value):
    shutil.copy(GOOD / "alice.md", tmp_path / "alice.md")
    code = main(["verify", str(tmp_path), "--spec", str(SPEC), "--time-limit", value])
    err = capsys.readouterr().err
    assert code == 2 and "--time-limit" in err and "Traceback" not in err


# -- batch inputs: links, names, output paths ---------------------------------------------------------------------
def test_links_leading_out_of_the_submissions_are_not_followed(tmp_path, capsys):
    """A link to the parent folder would grade every other student's files as one submission; a link to the
    solution (Gradescope: /autograder/source) would grade the solution as the student's answer."""
    subs = tmp_path / "subs"
    subs.mkdir()
    shutil.copy(GOOD / "alice.md", subs / "alice.md")
    (subs / "up").symlink_to("..")  # a loop back to the folder above
    (subs / "root").symlink_to("/")
    mallory = subs / "mallory"
    mallory.mkdir()
    (tmp_path / "solution.md").write_text((GOOD / "alice.md").read_text(encoding="utf-8"), encoding="utf-8")
    (mallory / "answer.md").symlink_to(tmp_path / "solution.md")
    (mallory / "self").symlink_to(mallory)
    code = main(["verify", str(subs), "--spec", str(SPEC), "--rubric", str(RUBRIC), "--summary", str(tmp_path / "s.csv")])
    assert code == 0, capsys.readouterr().err
    graded = rows(tmp_path / "s.csv")
    assert set(graded) == {"alice.md", "mallory"}
    assert graded["mallory"]["status"] == "error" and graded["mallory"]["score"] == "0"
    results = tmp_path / "results.json"
    assert main(["autograder", "gradescope", "--spec", str(SPEC), "--rubric", str(RUBRIC), "--submission", str(mallory),
                 "--results", str(results)]) == 0
    assert json.loads(results.read_text(encoding="utf-8"))["score"] == 0


def test_a_file_name_that_is_not_utf8_is_graded_and_every_output_stays_valid(tmp_path, capsys):
    subs = tmp_path / "subs"
    subs.mkdir()
    raw = bytes(subs) + b"/bad\xff\xfename.md"
    with open(raw, "wb") as f:
        f.write((GOOD / "alice.md").read_bytes())
    shutil.copy(GOOD / "bob.tex", subs / "bob.tex")
    code = main(["verify", str(subs), "--spec", str(SPEC), "--rubric", str(RUBRIC), "--summary", str(tmp_path / "s.csv"),
                 "--out", str(tmp_path / "rep")])
    out, err = capsys.readouterr()
    assert code == 0 and "internal error" not in err, err
    graded = rows(tmp_path / "s.csv")
    assert graded["bad\ufffd\ufffdname.md"]["status"] == "graded" and graded["bad\ufffd\ufffdname.md"]["score"] == "9"
    for path in (tmp_path / "rep").glob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))
    results = tmp_path / "results.json"
    assert main(["autograder", "gradescope", "--spec", str(SPEC), "--rubric", str(RUBRIC), "--submission", str(subs),
                 "--results", str(results)]) == 0
    assert json.loads(results.read_text(encoding="utf-8"))["score"] > 0


@pytest.mark.parametrize("flag", ["--summary", "--out"])
def test_an_output_path_of_the_wrong_kind_is_refused_before_grading(tmp_path, capsys, flag):
    shutil.copy(GOOD / "alice.md", tmp_path / "alice.md")
    wrong = tmp_path / ("folder" if flag == "--summary" else "file.csv")
    wrong.mkdir() if flag == "--summary" else wrong.write_text("keep me\n", encoding="utf-8")
    code = main(["verify", str(tmp_path / "alice.md"), str(tmp_path / "alice.md"), "--spec", str(SPEC), flag, str(wrong)])
    err = capsys.readouterr().err
    assert code == 2 and flag in err and err.count("\n") == 1, err
    assert wrong.is_dir() or wrong.read_text(encoding="utf-8") == "keep me\n"  # nothing already written is lost
