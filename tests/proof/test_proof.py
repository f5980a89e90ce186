"""Proof documents: every example compiles, its text holds the derived formulas and the equation numbers."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, derivation_of
from gradproof.derive.derivation import derive
from gradproof.derive.spec import load_spec
from gradproof.proof import equations
from gradproof.proof.document import ProofError, render_proof, write_proof
from gradproof.proof.steps import build_steps

from gradproof.cli import main

HAVE_TEX = shutil.which("pdflatex") is not None and shutil.which("pdftotext") is not None
tex = pytest.mark.tex
needs_tex = pytest.mark.skipif(not HAVE_TEX, reason="pdflatex/pdftotext not installed (CI installs TeX Live)")


def _pdf_text(pdf: Path) -> str:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return unicodedata.normalize("NFC", text)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Each example derived once and compiled once: name -> (derivation, pdf, text, log)."""
    if not HAVE_TEX:
        pytest.skip("pdflatex/pdftotext not installed")
    out = tmp_path_factory.mktemp("proofs")
    result = {}
    for spec in EXAMPLES:
        d = derivation_of(str(spec))
        r = write_proof(d, out)
        log = out / f".{d.network.name}.build" / f"{d.network.name}.log"
        result[spec.stem] = (d, r.pdf, _pdf_text(r.pdf), log.read_text(encoding="latin-1"))
    return result


@tex
@needs_tex
@pytest.mark.parametrize("spec", [p.stem for p in EXAMPLES])
def test_every_example_compiles_with_its_numbers(built, spec):
    d, pdf, text, log = built[spec]
    assert pdf.is_file() and pdf.stat().st_size > 10_000
    numbers = equations.numbers(d.network)
    # every numbered equation appears as "(n)" in the text, and nothing is numbered beyond the table
    tags = {int(m) for m in re.findall(r"\((\d+)\)\s*$", text, flags=re.M)}
    assert tags == set(numbers.values())
    assert "There were undefined references" not in log and "Reference `" not in log
    assert "Overfull \\hbox" not in log
    for s in build_steps(d):
        for c in s.checks:
            assert c.passed


@tex
@needs_tex
def test_reference_text_holds_the_key_results(built):
    d, _, text, _ = built["reference_mlp"]
    flat = re.sub(r"\s+", " ", text)
    n = equations.numbers(d.network)
    L = d.network.depth
    lines = {k: next(x for x in text.splitlines() if x.rstrip().endswith(f"({k})")) for k in n.values()}
    # the one-hot hypothesis and the collapsed error, on the line numbered delta-L
    assert d.output.collapsed and "one-hot" in flat
    assert unicodedata.normalize("NFC", "ŷ − y") in lines[n[f"delta-{L}"]]
    # tanh' written in h: the line numbered delta-2 carries the derived factor 1 - h(2) ⊙ h(2)
    from gradproof.derive.symbols import H

    assert d.layers[1].dphi_h == 1 - H**2
    assert "1 − h(2) ⊙ h(2)" in lines[n["delta-2"]] and "W(3)" in lines[n["delta-2"]]
    # the instantiation checks are reported with their sizes and errors
    for c in d.checks:
        sizes = re.search(r"sizes ([\d-]+)", c.detail).group(1)
        assert sizes in flat
    # tanh' in h (1 - h^2) is in the activation table, derived
    assert d.layers[1].dphi_h is not None and "1 − h2" in flat


@tex
@needs_tex
def test_softmax_squared_error_keeps_the_jacobian(built):
    d, _, text, _ = built["softmax_squared_error"]
    assert d.output.delta is None
    assert "diag" in text and "does not cancel" in re.sub(r"\s+", " ", text)


def test_steps_number_exactly_the_equation_table(reference):
    labels = equations.labels(reference.network)
    numbered = [s.key for s in build_steps(reference) if s.key in labels]
    assert numbered == labels
    source = render_proof(reference)
    for label, k in equations.numbers(reference.network).items():
        assert source.count(rf"\tag{{{k}}}\label{{{equations.tex_label(label)}}}") == 1
    assert source.count(r"\tag{") == len(labels)
    assert r"\begin{equation}" not in source and r"\begin{align}" not in source  # unnumbered elsewhere


def test_claims_name_quantities_of_every_layer(reference):
    claims = dict(c for s in build_steps(reference) for c in s.claims)
    for l in range(1, reference.network.depth + 1):
        for q in (f"delta{l}", f"dW{l}", f"db{l}"):
            assert q in claims and "=" in claims[q]
    assert claims["delta2"].startswith(r"\delta^{(2)} =") and r"\odot" in claims["delta2"]


@tex
@needs_tex
def test_cli_out_end_to_end(tmp_path):
    spec = ROOT / "examples" / "tanh_output_adagrad.toml"
    assert main(["derive", str(spec), "--out", str(tmp_path)]) == 0
    assert (tmp_path / "tanh_output_adagrad.tex").is_file() and (tmp_path / "tanh_output_adagrad.pdf").is_file()


def test_without_tex_writes_the_tex_and_says_how(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    spec = ROOT / "examples" / "tanh_output_adagrad.toml"
    assert main(["derive", str(spec), "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert (tmp_path / "tanh_output_adagrad.tex").is_file() and not (tmp_path / "tanh_output_adagrad.pdf").exists()
    assert "apt-get install" in out and "texlive-latex-base" in out


@tex
@needs_tex
def test_latex_failure_keeps_the_previous_pdf(tmp_path, monkeypatch):
    d = derivation_of(str(ROOT / "examples" / "tanh_output_adagrad.toml"))
    first = write_proof(d, tmp_path).pdf
    before = first.read_bytes()
    import gradproof.proof.document as proof

    monkeypatch.setattr(proof, "render_proof", lambda _d: "\\documentclass{article}\\begin{document}\\undefinedmacro\\end{document}\n")
    with pytest.raises(ProofError, match=r"Undefined control sequence.*log: "):
        write_proof(d, tmp_path)
    assert first.read_bytes() == before
    assert main(["derive", str(ROOT / "examples" / "tanh_output_adagrad.toml"), "--out", str(tmp_path)]) == 2


@tex
@needs_tex
def test_user_text_is_escaped(tmp_path):
    spec = tmp_path / "evil.toml"
    src = (ROOT / "examples" / "tanh_output_adagrad.toml").read_text()
    src = re.sub(r"^title = .*$", r'title = "50% & #1 \\\\input{/etc/passwd} $x$ ~^_"', src, flags=re.M)
    spec.write_text(src)
    d = derive(load_spec(spec), check=False)
    d = dataclasses.replace(d, network=d.network)
    source = render_proof(d)
    assert r"\input{/etc/passwd}" not in source and r"50\% \& \#1 \textbackslash{}input\{/etc/passwd\}" in source
    r = write_proof(d, tmp_path / "out")
    assert "50% & #1 \\input{/etc/passwd}" in _pdf_text(r.pdf)


@tex
@needs_tex
@pytest.mark.parametrize("depth", [6, 12])
def test_deep_networks_compile_without_overfull_displays(tmp_path, depth):
    from gradproof.derive.spec import spec_from_dict

    acts = ["tanh", "leaky_relu", "gelu", "softsign", "elu", "sigmoid"]
    layers = [{"units": 5, "activation": acts[k % len(acts)]} for k in range(depth - 1)] + [{"units": 3, "activation": "softmax"}]
    net = spec_from_dict(
        {
            "name": f"deep{depth}",
            "inputs": 4,
            "layers": layers,
            "loss": {"name": "cross_entropy"},
            "regularization": {"name": "l2", "lambda": 0.01},
            "optimizer": {"name": "adam"},
        }
    )
    d = derive(net, check=False)
    r = write_proof(d, tmp_path)
    log = (tmp_path / f".deep{depth}.build" / f"deep{depth}.log").read_text(encoding="latin-1")
    assert "Overfull \\hbox" not in log and "There were undefined references" not in log
    text = _pdf_text(r.pdf)
    assert f"({equations.numbers(net)['delta-1']})" in text


def test_checks_table_has_one_row_per_method_run(reference):
    """An identity check on delta-2 does not cut the instantiation run in two: (10)--(28) is one row."""
    src = render_proof(reference)
    table = src[src.index(r"\section{How each step was checked}") :]
    inst = re.findall(r"^(\S+) & instantiation &", table, flags=re.M)
    n = equations.labels(reference.network)
    assert inst == [rf"\eqref{{eq:{n[n.index('delta-3')]}}}--\eqref{{eq:{n[-len(reference.updates) - 1]}}}"]
    assert re.search(r"^\\eqref\{eq:delta-2\} & identity &", table, flags=re.M)


def test_every_parameter_is_one_row_of_the_training_table(reference):
    src = render_proof(reference)
    body = src[src.index(r"\paragraph{Every parameter.}") :]
    for l in range(1, reference.network.depth + 1):
        for which in ("W", "b"):
            assert rf"\eqref{{eq:total-d{which}-{l}}}" in body
    assert r"\hat{m}_{" not in src and "S_{" not in body  # states are named once, not subscripted per parameter


def test_figure_labels_sit_at_each_columns_units():
    from gradproof.proof.document import _figure

    net = load_spec(ROOT / "examples" / "multilabel_column.toml")  # 3-5-2
    cols, _, _ = _figure(net)
    for c in cols:
        ys = [float(y) for y in c.ys]
        assert 0 < float(c.top_y) - max(ys) < 0.5
        assert 0 < min(ys) - float(c.bottom_y) < (1.1 if c.more else 0.5)
