"""The proof of a network with layer kinds as a handout: its parts, the derivation of each kind with its Why, the
worked example, and check labels written from Check's structured fields (so they stay true when the check changes)."""

from __future__ import annotations

import re

import numpy as np
import pytest
from conftest import ROOT, derivation_of
from gradproof.derive.derivation import Check
from gradproof.proof.document import render_proof
from gradproof.proof.example import FD_TOLERANCE, program_example, small_program, worked_example
from gradproof.proof.layer_proof import _how, build_layer_document, slashed


@pytest.fixture(scope="module")
def bn():
    return derivation_of(str(ROOT / "examples" / "bn_mlp.toml"))


@pytest.fixture(scope="module")
def residual():
    return derivation_of(str(ROOT / "examples" / "residual_mlp.toml"))


def test_batch_norm_handout_has_every_part(bn):
    src = render_proof(bn)
    for part in (r"\section{The network and its notation}", "other arrays", r"\section{The forward pass and the objective}",
                 r"\subsection{Batch normalisation}", r"\label{tab:summary}", r"\label{tab:activations}",
                 r"\section{This network, all samples}", "One training step (pseudo-code)", r"\section{A worked example}",
                 r"\section{What was checked, and how}", "References"):
        assert part in src, part
    # conventions stated once: a batch-level derivation (batch norm couples the samples), the regulariser on dense weights
    flat = re.sub(r"\s+", " ", src)
    assert "not per-sample errors averaged afterwards" in flat
    assert r"on the dense weights only, not on $\boldsymbol{\gamma}, \boldsymbol{\beta}$" in flat
    assert "subgradient" in flat and "ReLU (layers 2, 4)" in flat
    # batch norm's derivation: the three paths, each step with its Why, the compact result in dy, dgamma, dbeta
    bn_part = src[src.index(r"\subsection{Batch normalisation}"):src.index(r"\section{This network, all samples}")]
    assert bn_part.count(r"\why{") >= 3 and "three paths" in bn_part
    assert r"\frac{\gamma}{N \sigma} \left(N \bar{y}_{i}" in bn_part
    assert r"\frac{\partial J}{\partial \gamma} &= \sum_{n} \left(\bar{y}_{n} \hat{x}_{n}\right)" in bn_part
    # running statistics in the pseudo-code, the inference lines, the papers of the kinds used (and only those)
    assert "Running statistics" in src and "Inference" in src
    assert "Ioffe" in src and "Layer normalization" not in src and "Robbins" in src
    # a bias just before batch norm gets a zero gradient: the worked example says why
    assert "absorbs a bias" in flat


def test_residual_handout_derives_every_kind(residual):
    src = render_proof(residual)
    for title in ("The output layer", "Dense layers and activations", "Layer normalisation", "Dropout", "Residual blocks"):
        assert rf"\subsection{{{title}}}" in src, title
    assert r"\subsection{Batch normalisation}" not in src and "momentum $m$" not in src  # only the kinds present
    assert "adds both" in src and r"\Big|_{\text{body}}" in src  # the sum over both paths
    # the body's path of a residual block's input gradient is labelled as such where it is assigned first
    assert len(re.findall(r"\\right\|_\{\\text\{body\}\} &?= ", src)) == 2
    for paper in ("Ba, J.~R.~Kiros", "Srivastava", "He, X.~Zhang", "Kingma"):
        assert paper in src, paper


def test_check_labels_come_from_the_fields():
    """The text is built from method, engine, sizes, batch, points, tolerance, count -- never parsed from the prose."""
    brute = Check("instantiation", True, "prose nobody reads", 1e-12, what="batch program", window=(1, 2, 3),
                  sizes=(3, 2, 2, 3), batch=3, points=2, tolerance=1e-8, count=31, engine="symengine.diff")
    text = _how(brute, dropout=True)
    assert text.startswith("a 3-2-2-3 instance (batch 3, dropout masks held fixed)")
    assert r"31 partial derivatives against brute-force differentiation (\texttt{symengine.diff})" in text
    assert "2 random points" in text and "10^{-8}" in text and "prose" not in text
    fd = Check("finite-differences", True, "", None, sizes=(3, 2, 3), batch=3, points=2, tolerance=1e-9, count=12,
               engine="central differences, 40 digits")
    assert "12 partial derivatives against central differences (40 digits) of $J$" in _how(fd, dropout=False)
    failed = Check("instantiation", False, "", None, tolerance=1e-8)
    assert _how(failed, dropout=False).startswith(r"\textbf{FAILED:} a small instance")


def test_check_table_names_each_kind_of_check(bn):
    doc = build_layer_document(bn)
    rows = {c.what: c.how for c in doc.checks}
    program = next(c for c in bn.checks if c.what == "batch program")
    assert "-".join(map(str, program.sizes)) in rows["this network, all samples"]
    assert rows["forward pass, objective"].startswith("definitions")
    assert any(k.startswith("batch norm") for k in rows)
    assert not any("checkmark" in c.how for c in doc.checks)


def test_without_checks_the_table_says_so(tmp_path):
    d = derivation_of(str(ROOT / "examples" / "bn_mlp.toml"), check=False)
    assert "not run (derived with checks off)" in render_proof(d)


@pytest.mark.parametrize("name", ["bn_mlp", "residual_mlp"])
def test_worked_example_agrees_with_finite_differences(name):
    d = derivation_of(str(ROOT / "examples" / f"{name}.toml"), check=False)
    ex = program_example(d)
    assert ex.agrees and FD_TOLERANCE == 1e-6
    given = dict(ex.given)
    assert given["X"].shape[0] == 3 and np.allclose(given["X"], np.round(given["X"], 1))
    sub = small_program(d)
    # every training-mode assignment has its value; every activation layer is partly active
    for a in sub.program.forward:
        if a.mode in ("both", "train"):
            assert a.target in ex.arrays
        if a.equation == "activation" and a.mode in ("both", "train"):
            assert np.any(ex.arrays[a.target] != 0), a.target


def test_dense_worked_example_has_no_dead_layer():
    """softmax_squared_error's ReLU layer was entirely off (h = 0) at the first seed: another seed is taken."""
    d = derivation_of(str(ROOT / "examples" / "softmax_squared_error.toml"), check=False)
    ex = worked_example(d)
    assert ex.agrees and all(np.any(layer.h != 0) for layer in ex.layers[:-1])


@pytest.mark.parametrize(
    "tex, expected",
    [
        (r"\frac{\partial J}{\partial \mathbf{W}^{(5)}} = A", r"\partial J / \partial \mathbf{W}^{(5)} = A"),
        (r"{\frac{\partial J}{\partial \mathbf{Z}}}^{\top} \mathbf{H}", r"(\partial J / \partial \mathbf{Z})^{\top} \mathbf{H}"),
        (r"\sum_n \frac{\partial J}{\partial \mathbf{Z}^{(1)}}_{n}", r"\sum_n (\partial J / \partial \mathbf{Z}^{(1)})_{n}"),
        (r"\mathbf{Z} = \mathbf{H}", r"\mathbf{Z} = \mathbf{H}"),
    ],
)
def test_gradient_names_are_slashed(tex, expected):
    assert slashed(tex) == expected
