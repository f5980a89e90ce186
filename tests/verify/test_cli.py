"""``gradproof verify`` end to end: exit codes 0/1/2, --json, --format gradescope, documents."""

from __future__ import annotations

import json

import pytest
from helpers_verify import ROOT

from gradproof.cli import main

ANSWERS = ROOT / "examples" / "answers"
SPEC = ROOT / "examples" / "reference_mlp.toml"


def run(capsys, *argv):
    code = main(["verify", *map(str, argv)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_worked_example_exits_1_with_one_mistake_and_one_carried_value(capsys):
    code, out, _ = run(capsys, ANSWERS / "worked_example.toml")
    assert code == 1
    assert "✗ 3.2" in out and "↻ 3.3" in out and "1 incorrect, 1 carried_forward" in out


def test_json_report(capsys):
    code, out, _ = run(capsys, ANSWERS / "worked_example.toml", "--json")
    data = json.loads(out)
    assert code == 1
    verdicts = {c["id"]: c["verdict"] for c in data["claims"]}
    assert verdicts["3.2"] == "incorrect" and verdicts["3.3"] == "carried_forward" and verdicts["1.1"] == "correct"
    for c in data["claims"]:
        assert {"id", "verdict", "expected", "message", "tolerance", "diagnosis", "counterexample"} <= set(c)
    wrong = next(c for c in data["claims"] if c["id"] == "3.2")
    assert wrong["diagnosis_key"] == "sigmoid_for_derivative" and wrong["counterexample"]["entry"]


def test_all_correct_exits_0(tmp_path, capsys):
    p = tmp_path / "ok.toml"
    (tmp_path / SPEC.name).write_text(SPEC.read_text(encoding="utf-8"), encoding="utf-8")  # a spec path stays near its file
    p.write_text(f'spec = "{SPEC.name}"\n[[claims]]\nid = "a"\nlatex = \'\\delta^{{(3)}} = \\hat y - y\'\n'
                 "[[claims]]\nid = \"b\"\nlatex = '\\sum_k x'\n", encoding="utf-8")
    code, out, _ = run(capsys, p, "--format", "json")
    assert code == 0  # an unchecked claim does not fail the run
    assert [c["verdict"] for c in json.loads(out)["claims"]] == ["correct", "unchecked"]


def test_bad_input_exits_2_without_traceback(tmp_path, capsys):
    p = tmp_path / "bad.toml"
    p.write_text("spec = 3\n[[claims]]\nlatex = 'x'\n", encoding="utf-8")
    code, out, err = run(capsys, p)
    assert code == 2 and "Traceback" not in err
    assert err.startswith("gradproof verify: error: ") and "spec: expected a path to a spec file or a [spec] table" in err
    code, _, err = run(capsys, tmp_path / "missing.toml")
    assert code == 2 and "no such answers file" in err


def test_gradescope_results(tmp_path, capsys):
    out_file = tmp_path / "results.json"
    code, out, _ = run(capsys, ANSWERS / "homework.toml", "--format", "gradescope", "--out", out_file)
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert code == 1 and "wrote" in out
    assert len(data["tests"]) == 11 and data["max_score"] == 11.0
    assert {t["status"] for t in data["tests"]} == {"passed", "failed"}
    assert data["score"] == sum(t["score"] for t in data["tests"])


def test_document_needs_a_spec(capsys):
    code, _, err = run(capsys, ANSWERS / "homework.md")
    assert code == 2 and "add --spec SPEC" in err


def test_document_is_checked(capsys):
    code, out, _ = run(capsys, ANSWERS / "homework.md", "--spec", SPEC)
    assert code == 1
    assert "0 unchecked" in out and "φ' of tanh is 1 − tanh², not tanh²" in out
    assert "for every j = 1…8" in out  # the component form δ_j = (Σ_k W_kj δ_k)(1 − h_j²) is checked for every j


def test_notation_file(tmp_path, capsys):
    notation = tmp_path / "n.toml"
    notation.write_text('[notation]\n"o" = "yhat"\n', encoding="utf-8")
    doc = tmp_path / "hw.md"
    doc.write_text("$$\\delta^{(3)} = o - y$$\n", encoding="utf-8")
    code, out, _ = run(capsys, doc, "--spec", SPEC, "--notation", notation, "--json")
    assert code == 0 and json.loads(out)["claims"][0]["verdict"] == "correct"


@pytest.mark.parametrize("name", ["homework.toml", "worked_example.toml"])
def test_examples_have_deliberate_mistakes_only(capsys, name):
    code, out, _ = run(capsys, ANSWERS / name, "--json")
    data = json.loads(out)
    assert code == 1 and not any(c["verdict"] == "unchecked" for c in data["claims"])


def test_optimizer_steps_example(capsys):
    code, out, _ = run(capsys, ANSWERS / "optimizer_steps.toml", "--json")
    data = json.loads(out)
    assert code == 1
    keys = {c["id"]: (c["verdict"], c["diagnosis_key"]) for c in data["claims"]}
    assert keys == {"1": ("correct", None), "2": ("correct", None), "3": ("incorrect", "optimizer_beta_for_one_minus_beta"),
                    "4": ("correct", None), "5": ("correct", None), "6": ("incorrect", "epsilon_placement"),
                    "7": ("incorrect", "missing_bias_correction")}
    assert all(c["expected"] for c in data["claims"]), "every optimizer quantity has a printed expected formula"
