"""Hostile user text in the proof: every title and name yields its PDF (escaped, transliterated or '?', with a notice);
concurrent runs into one --out never mix their .tex/.pdf pair; the largest documented network yields a PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from gradproof.derive.derivation import derive
from gradproof.derive.spec import MAX_LAYERS, spec_from_dict
from gradproof.proof.document import render_proof, write_proof
from gradproof.proof.latex import escape, unsupported
from hypothesis import given, settings
from hypothesis import strategies as st

HAVE_TEX = shutil.which("pdflatex") is not None and shutil.which("pdftotext") is not None
needs_tex = pytest.mark.skipif(not HAVE_TEX, reason="pdflatex/pdftotext not installed (CI installs TeX Live)")

HOSTILE = {
    "emoji": "Net 🙂🚀",
    "cjk": "网络 ネットワーク",
    "rtl": "abc\u200fdef\u202eghi",
    "del": "a\x7fb\x00c",
    "dollar-xi": r"$\xi$ net",
    "backslash-N": r"\N and \u and \x",
    "greek": "σ-net Ω",
}


def _spec(title: str, activation: str = "tanh", formula: str | None = None, name: str = "hostile") -> dict:
    hidden = (
        {"units": 3, "activation": activation} if formula is None else {"units": 3, "activation": {"name": activation, "formula": formula}}
    )
    return {
        "name": name,
        "title": title,
        "inputs": 2,
        "layers": [hidden, {"units": 2, "activation": "softmax"}],
        "loss": {"name": "cross_entropy"},
        "optimizer": {"name": "sgd"},
    }


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_escape_leaves_only_what_pdflatex_typesets(case):
    out = escape(HOSTILE[case])
    # no control, format, private or astral character: printable ASCII, Latin-1/Latin Extended-A, typographic quotes
    assert all(0x20 <= ord(ch) < 0x7F or 0xA0 <= ord(ch) < 0x180 or ch in "‐‑‒–—―‘’‚“”„‰‱‹›" for ch in out), out
    assert "\\textbackslash{}" in escape("\\N") and escape("$") == "\\$"


def test_unsupported_characters_are_listed_once():
    assert unsupported("a🙂b🙂c\u200f") == ["🙂", "\u200f"]
    assert unsupported("Café σ") == []


@needs_tex
@pytest.mark.tex
def test_hostile_titles_and_a_greek_activation_name_yield_the_pdf(tmp_path):
    """All the hostile titles in one document, and a custom activation named σ: one compile, a PDF, a notice."""
    title = " | ".join(HOSTILE[k] for k in sorted(HOSTILE))
    net = spec_from_dict(_spec(title, activation="σ", formula="x/(1+abs(x))"))
    d = derive(net, check=False)
    r = write_proof(d, tmp_path)
    assert r.pdf is not None and r.pdf.is_file()
    text = _pdf_text(r.pdf)
    assert "$\\xi$ net" in text.replace("\n", " ") and "\\N and \\u and \\x" in text.replace("\n", " ")
    assert "σ" in text  # the Greek activation name is typeset as math
    notes = [m for m in r.messages if m.startswith("note:")]
    assert notes and "the title has characters pdflatex cannot typeset" in notes[0] and "U+7F51" in notes[0]


@needs_tex
@pytest.mark.tex
@settings(max_examples=3, deadline=None)  # pdflatex takes seconds: a few examples per run
@given(st.text(min_size=1, max_size=40))
def test_any_unicode_title_compiles(tmp_path_factory, title):
    d = derive(spec_from_dict(_spec(title)), check=False)
    out = tmp_path_factory.mktemp("uni")
    r = write_proof(d, out)
    assert r.pdf is not None and r.pdf.stat().st_size > 10_000


def test_two_renders_of_one_hostile_spec_are_identical():
    d = derive(spec_from_dict(_spec(HOSTILE["emoji"])), check=False)
    assert render_proof(d) == render_proof(d)


@needs_tex
@pytest.mark.tex
def test_concurrent_runs_into_one_out_keep_a_matching_pair(tmp_path):
    """Two derive runs of two specs with one name into one --out: separate build folders; the final .tex and .pdf
    belong to the same run (the PDF shows the title of the .tex), and no build folder is left."""
    specs = []
    for k, title in enumerate(("First run title", "Second run title")):
        src = (ROOT / "examples" / "tanh_output_adagrad.toml").read_text(encoding="utf-8")
        src = re.sub(r"^title = .*$", f'title = "{title}"', src, flags=re.M)
        p = tmp_path / f"spec{k}.toml"
        p.write_text(src, encoding="utf-8")
        specs.append(p)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "gradproof", "derive"]
    procs = [subprocess.Popen([*cmd, str(p), "--out", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE) for p in specs]
    results = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    tex = (out / "tanh_output_adagrad.tex").read_text(encoding="utf-8")
    shown = _pdf_text(out / "tanh_output_adagrad.pdf")
    which = "First run title" if "First run title" in tex else "Second run title"
    other = "Second run title" if which == "First run title" else "First run title"
    assert which in shown and other not in shown and other not in tex
    assert not list(out.glob(".tanh_output_adagrad.build*"))


@needs_tex
@pytest.mark.tex
@pytest.mark.slow
def test_the_largest_documented_network_yields_a_pdf(tmp_path):
    """MAX_LAYERS layers (derive/spec.py): the figure draws the first and last layers, tables run over pages."""
    layers = [{"units": 3, "activation": "tanh"} for _ in range(MAX_LAYERS - 1)] + [{"units": 2, "activation": "softmax"}]
    net = spec_from_dict({"name": "widest", "inputs": 2, "layers": layers, "loss": {"name": "cross_entropy"}, "optimizer": {"name": "sgd"}})
    d = derive(net, check=False)
    r = write_proof(d, tmp_path)
    assert r.pdf is not None and r.pdf.stat().st_size > 10_000
    assert "Dimension too large" not in r.log


def test_only_letters_latex_knows_become_math():
    assert escape("λΛσςΣΑ") == r"$\lambda$$\Lambda$$\sigma$$\varsigma$$\Sigma$A"
    assert escape("ϛ") == "?" and unsupported("ϛŦ") == ["ϛ", "Ŧ"]  # archaic Greek; T with stroke is not in T1
    assert escape("line\nbreak") == "line break"
