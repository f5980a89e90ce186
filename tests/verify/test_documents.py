"""Whole documents as submitted (issue 10, item 7): inline equations, \\tag ids, question headings, aligned blocks,
chains continued over rows, notebooks, a PDF; and the scanner stays linear on hostile input (issue 12)."""

from __future__ import annotations

import json
import time

import pytest
from gradproof.derive.errors import AnswerError
from gradproof.verify.document import extract, load_document
from helpers_verify import ROOT

from gradproof.cli import main

SPEC = ROOT / "examples" / "reference_mlp.toml"


def ids(text):
    return [c.id for c in extract(text)]


def test_inline_equations_with_a_relation_are_claims():
    text = "Since $\\delta^{(3)} = \\hat y - y$ and $x$ is the input, costs $5.\n"
    claims = extract(text)
    assert [c.latex for c in claims] == ["\\delta^{(3)} = \\hat y - y"]
    assert extract("a \\( z^{(1)} = W^{(1)} x + b^{(1)} \\) b")[0].latex.startswith("z^{(1)}")


def test_an_equation_environment_on_its_own_line_is_named_by_the_line_where_its_text_starts():
    # the documented rule (docs/VERIFY.md, Ids): `$$ ⏎ \begin{equation} ⏎ z = …` is `line 3`, the line of z
    text = "Forward:\n$$\n\\begin{equation}\n    z^{(1)} = W^{(1)} x + b^{(1)}\n\\end{equation}\n$$\n"
    assert ids(text) == ["line 4"]
    same_line = "$$ \\begin{equation}\nz^{(1)} = W^{(1)} x + b^{(1)}\n\\end{equation} $$\n"
    assert ids(same_line) == ["line 2"]


def test_an_intertext_between_two_rows_opens_the_next_row_as_a_claim():
    # amsmath's \intertext{…} sets prose between two rows of an align: the row after it was read with the prose in
    # front ("unknown symbol intertext"), so its gradient was never judged
    text = ("\\begin{align*}\n\\delta^{(2)} &= \\hat y - y \\\\\n\\intertext{and therefore, by the chain rule,}\n"
            "\\frac{\\partial J}{\\partial W^{(2)}} &= \\delta^{(2)} h^{(1)T} \\notag\n\\end{align*}\n")
    claims = extract(text)
    assert [c.latex.split("=")[0].strip() for c in claims] == ["\\delta^{(2)}", "\\frac{\\partial J}{\\partial W^{(2)}}"]
    assert [c.id for c in claims] == ["line 2.1", "line 4.2"]


def test_tags_label_and_question_headings_name_the_claims():
    text = ("## Question 2\n$$ a = b $$\n$$ c = d \\tag{Q2b} $$\n**Problem 3a** text\n$$ e = f $$\n$$ g = h $$\n")
    assert ids(text) == ["Q2.1", "Q2b", "Problem3a.1", "Problem3a.2"]


def test_an_aligned_block_under_one_tag_is_one_claim_of_several_equations():
    text = "$$\\begin{aligned} z^{(1)} &= W^{(1)} x + b^{(1)} \\\\ h^{(1)} &= z^{(1)} \\end{aligned} \\tag{Q1} $$"
    claims = extract(text)
    assert [c.id for c in claims] == ["Q1"] and "\\\\" in claims[0].latex


def test_a_row_starting_with_its_relation_continues_the_chain():
    text = "\\begin{align} \\delta^{(3)} &= \\frac{\\partial J}{\\partial z^{(3)}} \\\\ &= \\hat y - y \\end{align}"
    claims = extract(text)
    assert len(claims) == 1 and claims[0].latex.count("=") == 2


def test_document_verdicts_end_to_end(tmp_path, capsys):
    doc = tmp_path / "hw.md"
    doc.write_text(
        "# Homework\n## Q1\nThe output error is $\\delta^{(3)} = \\hat y - y$.\n"
        "$$\\begin{aligned} \\delta^{(2)} &= (W^{(3)})^T \\delta^{(3)} \\odot (1 - h^{(2)} \\odot h^{(2)}) \\\\"
        " \\frac{\\partial J}{\\partial b^{(2)}} &= \\delta^{(2)} \\end{aligned} \\tag{Q1b}$$\n"
        "$$ \\frac{\\partial J}{\\partial b^{(3)}} = -\\delta^{(3)} \\tag{Q1c} $$\n", encoding="utf-8")
    code = main(["verify", str(doc), "--spec", str(SPEC), "--json"])
    verdicts = {c["id"]: c["verdict"] for c in json.loads(capsys.readouterr().out)["claims"]}
    assert verdicts == {"Q1.1": "correct", "Q1b": "correct", "Q1c": "incorrect"} and code == 1


def test_notebook_markdown_cells_only(tmp_path):
    nb = {"cells": [{"cell_type": "markdown", "source": ["$$\\delta^{(3)} = \\hat y - y$$\n"]},
                    {"cell_type": "code", "source": ["x = 1 # $a = b$\n"]}], "nbformat": 4}
    p = tmp_path / "hw.ipynb"
    p.write_text(json.dumps(nb), encoding="utf-8")
    assert [c.latex for c in load_document(p)] == ["\\delta^{(3)} = \\hat y - y"]
    p.write_text("{not json", encoding="utf-8")
    with pytest.raises(AnswerError, match="not a valid notebook"):
        load_document(p)


def test_a_pdf_gets_a_clear_message(tmp_path):
    p = tmp_path / "hw.pdf"
    p.write_bytes(b"%PDF-1.4\n%%EOF\n")
    with pytest.raises(AnswerError, match="submit the source"):
        load_document(p)


@pytest.mark.parametrize("text", ["$$ a = b " * 25000, "\\begin{equation} x " * 25000, "\\[ q " * 40000, "$ x " * 50000,
                                  "\\text{" + " " * 200000])
def test_the_scanner_is_linear_on_hostile_documents(text):
    t0 = time.perf_counter()
    try:
        extract(text)
    except AnswerError:
        pass
    assert time.perf_counter() - t0 < 5.0  # a bound, not a benchmark: quadratic scanning took minutes here
