"""Hostile input, round ten (issue 12, eleventh pass): what the tenth round added to verify's reading, attacked —
macros with arguments in thousands of rows (one expansion budget per document), brace and parenthesis groups searched
from every opener (paired once instead), a display's rows counted line by line (quadratic), a worked example's listed
values (a bounded number of rows parsed), a claim verify rewrote itself taken as evidence of the answer's layer
numbering (a wrong verdict), and a platform run whose spec is derived past the whole run's deadline.
benchmarks/probe_hostile.py ("r10:" probes) runs the same classes through the real CLI with time and memory measured
(docs/RELIABILITY.md, "Round ten"). Bounds are on CPU time, so a loaded machine does not fail them."""

from __future__ import annotations

import json
import os
import random
import time

from gradproof.derive.spec import spec_from_dict
from gradproof.verify import grading, lossfunction, texmacros
from gradproof.verify.document import extract
from gradproof.verify.judge import Judge
from gradproof.verify.ownvalues import document_values

NET = {"name": "r10", "inputs": 2, "layers": [{"units": 3, "activation": "tanh"}, {"units": 2, "activation": "identity"}],
       "loss": {"name": "squared_error"}, "optimizer": {"name": "sgd", "learning_rate": 0.1}}
RIGHT = "$$\\delta^{(2)} = \\hat y - y \\tag{d2}$$\n\n"  # (identity output, squared error: ŷ − y by hand)


def cpu() -> float:
    t = os.times()
    return t.user + t.system


def _judge() -> Judge:
    from gradproof.derive.derivation import derive

    return Judge(derive(spec_from_dict(NET), check=False))


def _closing(text: str, at: int) -> int | None:
    """The oracle: TeX's reading of the group opening at ``at``, one character at a time (a brace after a backslash
    is a character, not a group), within texmacros.MAX_BODY characters."""
    depth, k = 0, at
    while k < len(text) and k < at + texmacros.MAX_BODY + 2:
        if text[k] in "{}" and (k == 0 or text[k - 1] != "\\"):
            depth += 1 if text[k] == "{" else -1
            if depth == 0:
                return k + 1
        k += 1
    return None


# -- groups searched from every opener ----------------------------------------------------------------------------------
def test_braces_pair_as_tex_reads_them():
    rnd = random.Random(10)
    for _ in range(3000):
        text = "".join(rnd.choice(["{", "}", "\\{", "\\}", "\\\\", "x", " ", "\\pdv"]) for _ in range(rnd.randint(1, 40)))
        braces = texmacros.Braces(text)
        for at in (k for k, ch in enumerate(text) if ch == "{" and text[k - 1:k] != "\\"):  # (the openers callers give)
            assert braces.group(at) == _closing(text, at) == texmacros._group(text, at), (text, at)


def test_unclosed_derivative_groups_are_read_once():
    """``\\pdv{`` 100 000 times (and ``\\dpdv{a}{`` 90 000 times): each opener searched MAX_BODY characters ahead was
    19 CPU s; paired once it is a linear scan, and the text stays as written (no group closes)."""
    for text in ("$$J = " + "\\pdv{" * 100000 + "$$\n\n" + RIGHT, "$$J = " + "\\dpdv{a}{" * 90000 + "$$\n\n" + RIGHT):
        t0 = cpu()
        claims = extract(text)
        assert cpu() - t0 < 4
        assert claims[-1].id == "d2" and claims[-1].latex == "\\delta^{(2)} = \\hat y - y"


# -- one expansion budget per document --------------------------------------------------------------------------------------
def test_a_looping_macro_in_ten_thousand_rows_is_bounded_by_the_document():
    """``\\def\\a{\\a}`` in each of 10 000 aligned rows: MAX_STEPS per row, 10 000 times, was 59 CPU s."""
    t0 = cpu()
    try:
        extract("$$\\def\\a{\\a}$$\n$$\\begin{aligned}" + "x &= \\a \\\\\n" * 10000 + "\\end{aligned}$$\n")
    except Exception as exc:  # noqa: BLE001 -- more than MAX_EQUATIONS rows: refused, which is fine here
        assert "more than 2000 equations" in str(exc)
    assert cpu() - t0 < 5


def test_exponential_macros_in_every_equation_spend_the_document_budget_then_stay_as_written():
    doc = ("$$\\newcommand{\\a}[1]{#1#1}\\newcommand{\\b}[1]{\\a{\\a{\\a{#1}}}}\\newcommand{\\c}[1]{\\b{\\b{\\b{#1}}}}$$\n\n"
           + "$$x = \\c{\\c{\\c{y}}}$$\n\n" * 1900 + RIGHT)
    t0 = cpu()
    claims = extract(doc)
    assert cpu() - t0 < 5  # (27 CPU s before)
    assert texmacros.SPENT in claims.notices
    assert claims[-2].latex == "x = \\c{\\c{\\c{y}}}"  # past the budget: as written
    assert claims[-1].latex == "\\delta^{(2)} = \\hat y - y"


def test_an_ordinary_document_keeps_its_expansion_and_no_notice():
    claims = extract("$$\\gdef\\pd#1#2{\\frac{\\partial #1}{\\partial #2}}$$\n\n$$\\pd{J}{z} = \\hat y - y$$\n\n" * 300)
    assert all(c.latex == "\\frac{\\partial J}{\\partial z} = \\hat y - y" for c in claims)
    assert texmacros.SPENT not in claims.notices


def test_an_expansion_is_refused_at_its_length_before_it_is_built():
    """A body of 999 #1 on an argument of 1900 characters is 1.9 MB; its length is known from the body and the
    arguments, so it is refused unbuilt. The bound itself is unchanged: an expansion of exactly the limit is made."""
    long = "\\g{" + "y" * 1900 + "}"
    assert texmacros.expand(long, {"g": (1, "#1" * 999)}) == long
    text = "\\e{ab}"  # 6 characters: the limit is max(6 × MAX_GROWTH, 2000) = 2000
    limit = max(len(text) * texmacros.MAX_GROWTH, 2000)
    exact = texmacros.expand(text, {"e": (1, "#1" * (limit // 2))})
    assert exact == "ab" * (limit // 2) and len(exact) == limit
    assert texmacros.expand(text, {"e": (1, "#1" * (limit // 2) + "z")}) == text  # one character more: as written


def test_a_fraction_given_another_meaning_is_read_as_it_renders():
    """``\\renewcommand{\\frac}[2]{#2/#1}``: ∂J/∂W⁽²⁾ renders as ∂W⁽²⁾/∂J; it was judged as written (correct)."""
    doc = ("$$\\renewcommand{\\frac}[2]{#2/#1}$$\n\n$$\\frac{\\partial J}{\\partial W^{(2)}} = \\delta^{(2)} {h^{(1)}}^\\top "
           "\\tag{w2}$$\n\n" + RIGHT)
    got = {r.id: r for r in _judge().check_all(extract(doc))}
    assert got["w2"].verdict in ("incorrect", "unchecked") and got["d2"].verdict == "correct"
    style = extract("$$\\renewcommand{\\frac}{\\displaystyle\\frac}$$\n\n$$\\frac{a}{b} = 1$$\n\n")
    assert style[-1].latex == "\\frac{a}{b} = 1"  # (a body that uses the command itself is style: kept)


# -- parentheses searched from every L( ------------------------------------------------------------------------------------
def test_nested_loss_calls_are_paired_once():
    t0 = cpu()
    assert lossfunction.applied_to_examples(["\\sum " + "L(" * 300000]) == frozenset()
    assert cpu() - t0 < 2  # (13.6 CPU s before)
    assert lossfunction._calls("L(L(a), b) + L (c)", "L") == ["L(a), b", "a", "c"]
    assert lossfunction._calls("\\Lambda(x) + LL(y)", "L") == []
    assert lossfunction.applied_to_examples(["J = \\frac{1}{m} \\sum_{i} L(\\hat y^{(i)}, y^{(i)})"]) == frozenset({"L"})


# -- a display's rows ------------------------------------------------------------------------------------------------------
def test_rows_are_numbered_by_their_lines_in_one_pass():
    t0 = cpu()
    try:
        extract("$$\\begin{aligned}" + "a=1\\\\" * 160000 + "\\end{aligned}$$\n")
    except Exception as exc:  # noqa: BLE001
        assert "more than 2000 equations" in str(exc)
    assert cpu() - t0 < 6  # (35 CPU s before: the body's newlines counted again for every row)
    claims = extract("text\n\n$$\\begin{aligned}\na &= 1 \\\\\nb &= 2 \\\\\n\n c &= 3\n\\end{aligned}$$\n")
    assert [(c.id, c.where) for c in claims] == [("line 4.1", "line 4"), ("line 5.2", "line 5"), ("line 7.3", "line 7")]


# -- a worked example's listed values ------------------------------------------------------------------------------------------
def test_ten_thousand_listed_values_are_not_all_parsed():
    net = spec_from_dict(NET)
    claims = extract("$$" + ", ".join(f"w_{{{k}}} = {k}.5" for k in range(10000)) + "$$\n\n")
    t0 = cpu()
    assert document_values(claims, net) is None  # (no input or target among them)
    assert cpu() - t0 < 3  # (~5 CPU s before: every one parsed)


# -- a claim verify rewrote is no evidence of the answer's numbering -------------------------------------------------------------
def test_a_module_rewritten_claim_does_not_renumber_the_answers_layers():
    """Probe r8's modules: ``Y^{(0)} = X^{(0)}`` (module 0 is layer 1's affine map: z⁽¹⁾ = x, a 3-vector against a
    2-vector) was read as "the input is layer 1", which made a right δ⁽²⁾ = ŷ − y incorrect."""
    got = {r.id: r for r in _judge().check_all(extract("$$Y^{(0)} = X^{(0)}$$\n\n$$Y = W X + B$$\n\n" + RIGHT))}
    assert got["d2"].verdict == "correct"
    assert got["line 1"].verdict == "incorrect" and "3×1" in got["line 1"].message
    assert not any("the input is layer 1" in n for n in got["d2"].notes)


# -- a platform run past its whole run's deadline --------------------------------------------------------------------------------
def test_a_platform_run_stops_deriving_at_the_deadline_and_writes_its_results(tmp_path, monkeypatch):
    from conftest import ROOT

    def slow(*args, **kwargs):
        time.sleep(30)  # (a starved derivation; the run's alarm interrupts the sleep)

    monkeypatch.setattr(grading, "derive", slow)
    sub = tmp_path / "a.md"
    sub.write_text(RIGHT)
    out = tmp_path / "results.json"
    t0 = time.monotonic()
    code = grading.grade_for_platform("gradescope", sub, str(ROOT / "examples" / "reference_mlp.toml"), None, out,
                                      deadline=(time.monotonic(), 0.3))
    assert code == 2
    assert time.monotonic() - t0 < 20  # (an alarm after ~1 s; not the 30 s sleep)
    data = json.loads(out.read_text(), parse_constant=lambda c: 1 / 0)
    assert data["score"] == 0 and "before the spec was derived" in data["output"]
    assert "misconfigured" not in data["output"]


def test_a_platform_run_whose_imports_took_the_whole_run_derives_nothing(tmp_path, monkeypatch):
    from conftest import ROOT

    monkeypatch.setattr(grading, "derive", lambda *a, **k: 1 / 0)  # (must not be reached)
    sub = tmp_path / "a.md"
    sub.write_text(RIGHT)
    out = tmp_path / "results.json"
    code = grading.grade_for_platform("gradescope", sub, str(ROOT / "examples" / "reference_mlp.toml"), None, out,
                                      bad_exit=0, deadline=(time.monotonic() - 30, 24.0))
    assert code == 0  # (the autograder's exit: a result, not a broken autograder)
    data = json.loads(out.read_text(), parse_constant=lambda c: 1 / 0)
    assert data["score"] == 0 and "before the spec was derived" in data["output"]


# -- a notation of a thousand macros -------------------------------------------------------------------------------------------
def test_component_letters_of_every_two_digit_symbol_are_read_in_linear_time():
    """Every two-digit symbol (w_{jk}', w_{jk}^2, O_{jk}, b_{jk}: ~300) and 27 written sums: each of the 8 readings
    binds them all as macros, and every tokenize recomputed the notation's words over all of them (5.2 CPU s)."""
    sym = " + ".join(f"w_{{{a}{b}}}' + w_{{{a}{b}}}^2 + O_{{{a}{b}}} + b_{{{a}{b}}}" for a in range(1, 10) for b in range(1, 10))
    sums = "".join(f"$$\\frac{{\\partial \\hat Y}}{{\\partial w_{{{k}1}}^2}} = \\frac{{\\partial}}{{\\partial w_{{{k}1}}^2}}"
                   f"(O_{{1{k}}} w_{{{k}1}}^2 + O_{{12}} w_{{21}}^2 + b_{{21}})$$\n\n" for k in range(1, 10)) * 3
    t0 = cpu()
    got = {r.id: r for r in _judge().check_all(extract(f"$$J = {sym}$$\n\n" * 20 + sums + RIGHT))}
    assert cpu() - t0 < 4
    assert got["d2"].verdict == "correct"
