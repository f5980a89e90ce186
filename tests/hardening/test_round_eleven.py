"""Hostile input, round eleven (issue 12, twelfth pass): what the eleventh round added, attacked — a chain's links
judged one by one with no bound on how many (40 chains of 500 sides in a plain-text answer: 8.8 CPU s, 26 s wall at
load 5), the reading before the claims (notation, letters, the layout vote, a document's own worked example) running
past the run's soft deadline, and TOML files (spec, answers, rubric) saved in UTF-16 or Latin-1 by an unlucky user.
benchmarks/probe_hostile.py ("r11:" probes) runs the same classes through the real CLI with time and memory measured
(docs/RELIABILITY.md, "Round eleven"). Bounds are on CPU time, so a loaded machine does not fail them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from gradproof.derive import limits
from gradproof.derive.errors import SpecError
from gradproof.derive.spec import load_spec, spec_from_dict
from gradproof.verify import judge as judge_module
from gradproof.verify.answers import load_answers
from gradproof.verify.document import extract
from gradproof.verify.ownvalues import document_setup
from gradproof.verify.parser import Notation
from gradproof.verify.rubric import RubricError, load_rubric
from test_round_ten import NET, RIGHT, _judge, cpu  # (the same two-layer network, δ⁽²⁾ = ŷ − y by hand, CPU time)

ROOT = Path(__file__).resolve().parents[2]


def _chain(links: int, tag: str) -> str:
    """A display ``δ⁽²⁾ = ŷ − y = ŷ − y = …`` of ``links`` links (one fewer than its sides), right on every link."""
    return "$$\\delta^{(2)} = " + " = ".join(["\\hat y - y"] * links) + f" \\tag{{{tag}}}$$\n\n"


# -- a chain's links count as the claim's parts ----------------------------------------------------------------------------
def test_a_chain_of_more_links_than_max_parts_is_set_aside_the_others_judged():
    """Each link of a chain is judged as an equation (several times during inference): 40 chains of 500 sides took
    8.8 CPU s. Counted by hand: 201 links > MAX_PARTS (200); 3 links are judged (every one right)."""
    t0 = cpu()
    got = {r.id: r for r in _judge().check_all(extract(_chain(201, "long") + _chain(3, "short")))}
    assert cpu() - t0 < 8
    assert got["long"].verdict == "unchecked" and "a chain of 201 links" in got["long"].message
    assert got["short"].verdict == "correct"


def test_a_chains_links_count_towards_the_answers_total(monkeypatch):
    """With MAX_PARTS = 5 and MAX_TOTAL_PARTS = 8 (hand-counted: 6 links > 5; 3 + 3 = 6 ≤ 8, then 9 > 8)."""
    monkeypatch.setattr(judge_module, "MAX_PARTS", 5)
    monkeypatch.setattr(judge_module, "MAX_TOTAL_PARTS", 8)
    got = {r.id: r for r in _judge().check_all(extract(_chain(6, "six") + _chain(3, "a") + _chain(3, "b") + _chain(3, "c")))}
    assert got["six"].verdict == "unchecked" and "a chain of 6 links" in got["six"].message
    assert got["a"].verdict == got["b"].verdict == "correct"
    assert got["c"].verdict == "unchecked" and "a chain's links counted" in got["c"].message


def test_rows_and_statements_are_still_counted_as_before():
    """A display of 300 one-equation rows: 300 parts (its 300 links are the same equations), the message unchanged."""
    text = "$$" + " \\\\ ".join("z^{(2)} = W^{(2)} h^{(1)} + b^{(2)}" for _ in range(300)) + " \\tag{rows}$$\n\n"  # (one claim)
    (got,) = _judge().check_all(extract(text))
    assert got.verdict == "unchecked" and "300 statements or equations" in got.message


# -- the reading before the claims stops at the soft deadline ------------------------------------------------------------------
def test_until_overdue_bounds_only_inside_a_run_with_a_soft_deadline():
    with limits.until_overdue("outside a run"):
        pass
    with limits.run_budget("t", wall_min_cpu=1e6), limits.until_overdue("no soft deadline"):
        pass
    with limits.run_budget("t", wall_min_cpu=1e6, soft_wall=0.0):
        with pytest.raises(limits.TimeLimitError, match="soft deadline had passed"), limits.until_overdue("late"):
            pass
    t0 = cpu()
    with limits.run_budget("t", wall_min_cpu=1e6, soft_wall=0.3):
        with pytest.raises(limits.TimeLimitError, match="spinning"), limits.until_overdue("spinning"):
            while cpu() - t0 < 15:  # (would end only after 15 s of CPU)
                pass
    assert cpu() - t0 < 15


def test_the_reading_of_the_notation_stops_at_the_soft_deadline_every_claim_unchecked(monkeypatch):
    """Inference that would not end (15 CPU s) is cut at the soft deadline: every claim unchecked saying the run's time
    ran out (it used to run on until the run budget's hard stop: exit 2, no result)."""
    from gradproof.verify import infer

    def spin(*args, **kwargs):
        t0 = cpu()
        while cpu() - t0 < 15:
            pass

    j = _judge()
    monkeypatch.setattr(infer, "infer", spin)
    t0 = cpu()
    with limits.run_budget("t", wall_min_cpu=1e6, soft_wall=0.5):
        got = j.check_all(extract(RIGHT + RIGHT.replace("d2", "e2")))
    assert cpu() - t0 < 12
    assert [r.verdict for r in got] == ["unchecked", "unchecked"]
    assert all("the run's time ran out before this claim" in r.message for r in got)


def test_a_documents_own_example_is_not_read_past_the_soft_deadline():
    """Past the deadline the example is not read (symbolic setup); check_all then leaves every claim unchecked."""
    net = spec_from_dict(NET)
    example = ("$$x = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}, \\quad y = \\begin{bmatrix} 0.5 \\\\ 1 \\end{bmatrix}, \\quad "
               "W^{(1)} = \\begin{bmatrix} 1 & 0.5 \\\\ 0.5 & 1 \\\\ 1 & 1 \\end{bmatrix}, \\quad b^{(1)} = \\begin{bmatrix} 0 "
               "\\\\ 0 \\\\ 0 \\end{bmatrix}, \\quad W^{(2)} = \\begin{bmatrix} 1 & 1 & 1 \\\\ 0.5 & 0.5 & 0.5 \\end{bmatrix}, "
               "\\quad b^{(2)} = \\begin{bmatrix} 0 \\\\ 0 \\end{bmatrix}$$\n\n") + RIGHT
    claims = extract(example)
    assert document_setup(claims, net, Notation())[1] is not None  # (read outside a run: the example is complete)
    with limits.run_budget("t", wall_min_cpu=1e6, soft_wall=0.0):
        assert document_setup(claims, net, Notation())[1] is None


# -- TOML files in other encodings -------------------------------------------------------------------------------------------
SPEC = (ROOT / "examples" / "reference_mlp.toml").read_text(encoding="utf-8")
RUBRIC = (ROOT / "examples" / "grading" / "rubric.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-32", "utf-8-sig"])
def test_a_spec_and_a_rubric_saved_with_a_byte_order_mark_read_as_the_utf8_original(tmp_path, encoding):
    """Windows Notepad's "Unicode" is UTF-16 LE with a BOM: documents were read so, specs and rubrics refused."""
    def save(name: str, text: str) -> Path:
        bom = {"utf-16-le-bom": b"\xff\xfe", "utf-16-be-bom": b"\xfe\xff"}.get(encoding)
        raw = bom + text.encode(encoding[:9]) if bom else text.encode(encoding)
        (tmp_path / name).write_bytes(raw)
        return tmp_path / name

    (tmp_path / "u8").mkdir()  # (the UTF-8 originals under the same names: the files' paths are part of what is read)
    (tmp_path / "u8" / "s.toml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "u8" / "r.toml").write_text(RUBRIC, encoding="utf-8")
    spec, original = load_spec(save("s.toml", SPEC)), load_spec(tmp_path / "u8" / "s.toml")
    assert dataclasses.replace(spec, source=original.source) == original
    rubric, original_rubric = load_rubric(save("r.toml", RUBRIC)), load_rubric(tmp_path / "u8" / "r.toml")
    assert dataclasses.replace(rubric, source=original_rubric.source) == original_rubric
    answers = save("a.toml", 'spec = "s.toml"\n[[claims]]\nid = "d3"\nlatex = \'\\delta^{(3)} = \\hat y - y\'\n')
    assert load_answers(answers).network == spec  # (its spec reached through it, in the same encoding)


def test_a_latin1_rubric_and_spec_name_the_line_of_the_first_byte_that_is_not_utf8(tmp_path):
    lines = RUBRIC.splitlines(keepends=True)
    k = next(i for i, line in enumerate(lines) if "Output error" in line)  # (the line, counted from 1, is k + 1)
    (tmp_path / "r.toml").write_bytes("".join(lines).replace("Output error", "Erreur de sortie é").encode("latin-1", "replace"))
    with pytest.raises(RubricError, match=f"not a text file \\(expected UTF-8 TOML; line {k + 1} holds a byte that is not UTF-8"):
        load_rubric(tmp_path / "r.toml")
    (tmp_path / "s.toml").write_bytes(b'name = "r\xe9seau"\n' + SPEC.encode())
    with pytest.raises(SpecError, match="line 1 holds a byte"):
        load_spec(tmp_path / "s.toml")
    (tmp_path / "bad16.toml").write_bytes(b"\xff\xfe" + b"\x00\xd8")  # a lone surrogate after a UTF-16 mark
    with pytest.raises(SpecError, match="its byte-order mark says UTF-16"):
        load_spec(tmp_path / "bad16.toml")


# -- an unread objective's scale: bounded re-checks ----------------------------------------------------------------------------
UNREAD_J = "$$J = \\frac{1}{N} \\sum_{i,j} \\mathrm{weird}_{ij}(\\hat y - y)$$\n\n"  # (does not read: the sum's index i,j)


def test_claims_judged_again_on_another_scale_are_bounded(monkeypatch):
    """After an objective definition that does not read, each derivative was judged again on other scales (a correct
    one once, an incorrect one once per factor: 1990 of them 10 CPU s). With MAX_CHECKS = 1 (counted by hand): the
    right ∂J/∂ŷ = ŷ − y takes the one check (it is wrong on twice the scale: unchecked, depends on the scale), the
    next is not checked and is unchecked saying so; no further check is made."""
    from gradproof.verify import unreadcost

    calls = []
    real = unreadcost._verdict_on
    monkeypatch.setattr(unreadcost, "_verdict_on", lambda *a: calls.append(a[2]) or real(*a))
    monkeypatch.setattr(unreadcost, "MAX_CHECKS", 1)
    text = (UNREAD_J + "$$\\frac{\\partial J}{\\partial \\hat y} = \\hat y - y \\tag{a}$$\n\n"
            "$$\\frac{\\partial J}{\\partial \\hat y} = 2 (\\hat y - y) \\tag{b}$$\n\n")
    got = {r.id: r for r in _judge().check_all(extract(text))}
    assert calls == [unreadcost._PROBE]
    assert got["a"].verdict == "unchecked" and "it depends on the objective's scale" in got["a"].message
    assert got["b"].verdict == "unchecked" and "more than 1 such checks in one answer" in got["b"].message


# -- an unlucky user's paths ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["C:\\Users\\me\\hw3.md", "d:/course/hw3.md", "course\\hw3.md"])
def test_a_windows_path_that_names_nothing_says_so(tmp_path, path, capsys):
    from gradproof.cli import main

    (tmp_path / "s.toml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "h.md").write_text(RIGHT, encoding="utf-8")
    assert main(["verify", path, "--spec", str(tmp_path / "s.toml")]) == 2
    assert main(["verify", str(tmp_path / "h.md"), "--spec", path]) == 2
    err = capsys.readouterr().err
    assert err.count("a Windows path: here folders are separated by '/'") == 2 and "Traceback" not in err


def test_a_missing_posix_path_gets_no_windows_hint(tmp_path):
    from gradproof.derive.spec import no_file

    assert no_file(tmp_path / "hw3.md", "document") == f"{tmp_path / 'hw3.md'}: no such document"
