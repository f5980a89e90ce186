"""The answer's own LaTeX macros (\\newcommand, \\def, \\gdef, \\DeclareMathOperator) are expanded before reading."""

from __future__ import annotations

import time

from gradproof.verify import texmacros
from gradproof.verify.document import extract


def test_definitions_and_expansion_as_tex_reads_them():
    text = (r"\gdef\par#1#2{\frac{\partial #1}{\partial #2}} \newcommand{\vx}{\mathbf{x}} \newcommand\R{\mathbb{R}}"
            r" \DeclareMathOperator{\sm}{softmax} \renewcommand{\d}[1]{\delta^{(#1)}}")
    macros = texmacros.definitions(text)
    assert macros["par"] == (2, r"\frac{\partial #1}{\partial #2}") and macros["d"][0] == 1
    assert texmacros.expand(r"\par{J}{W^{(1)}} = \vx^T \d{2} + \sm(z)", macros) == (
        r"\frac{\partial J}{\partial W^{(1)}} = \mathbf{x}^T \delta^{(2)} + \operatorname{softmax}(z)")
    assert texmacros.expand(r"\par\ell z", macros) == r"\frac{\partial \ell}{\partial z}"  # arguments without braces


def test_a_document_with_its_own_macros_is_read_through_them():
    doc = ("Let $\\gdef\\pd#1#2{\\frac{\\partial #1}{\\partial #2}}$ be our shorthand.\n\n"
           "$$\\pd{J}{z^{(2)}} = \\hat{y} - y \\tag{a}$$\n")
    claims = extract(doc)
    assert [c.latex for c in claims if c.id == "a"] == [r"\frac{\partial J}{\partial z^{(2)}} = \hat{y} - y"]


def test_expansion_is_bounded():
    macros = texmacros.definitions(r"\def\loop{\loop\loop} \def\big{xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx}")
    assert texmacros.expand(r"\loop", macros) == r"\loop"  # never ends: left as written
    start = time.process_time()
    assert texmacros.expand("\\big " * 20000, macros) == "\\big " * 20000  # more uses than the bound: as written
    texmacros.definitions("\\newcommand{\\a}{" * 50000)
    texmacros.strip_definitions("\\def\\a{" * 50000)
    assert time.process_time() - start < 2
