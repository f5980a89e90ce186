"""A Derivation in a notebook: ``_repr_latex_`` shows every layer's δ, ∂ℓ/∂W and ∂ℓ/∂b, and each row is true.

The oracle is the answer checker: each row is fed back as a claim and judged numerically against the Evaluator.
"""

from __future__ import annotations

import re

import pytest
from conftest import EXAMPLES, derivation_of
from gradproof.verify.judge import Claim, Judge


def _rows(body: str) -> list[str]:
    """Split an aligned body at its top-level row breaks (not those inside a cases environment)."""
    rows, depth, start = [], 0, 0
    for m in re.finditer(r"\\begin\{|\\end\{| \\\\ ", body):
        if m.group() == r"\begin{":
            depth += 1
        elif m.group() == r"\end{":
            depth -= 1
        elif depth == 0:
            rows.append(body[start:m.start()])
            start = m.end()
    rows.append(body[start:])
    joined = []  # a long row continues on lines that start with "&\quad +"
    for row in rows:
        if row.lstrip().startswith(r"&\quad") and joined:
            joined[-1] += " " + row.lstrip()[len(r"&\quad"):]
        else:
            joined.append(row)
    return joined


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_repr_latex_rows_are_true(path):
    d = derivation_of(str(path), check=False)
    tex = d._repr_latex_()
    assert tex.startswith("$\\begin{aligned}") and tex.endswith("\\end{aligned}$")
    rows = [r.replace("&=", "=").strip() for r in _rows(tex[len("$\\begin{aligned}"):-len("\\end{aligned}$")])]
    judge = Judge(d, batch=1)
    checked = set()
    for row in rows:
        lhs = row.split("=", 1)[0]
        if lhs.startswith(r"\phi"):
            continue  # the definition of φ' that the δ row above uses
        layer = int(re.search(r"\^\{\((\d+)\)\}", lhs).group(1))
        kind = "delta" if "delta" in lhs else ("db" if "b}" in lhs or "W}_0" in lhs else "dW")
        latex = row.replace(r"\partial \ell", r"\partial L")  # ℓ of one sample = the data term L at batch 1
        phi_rows = [r for r in rows if r.startswith(rf"\phi_{layer}'")]
        if kind == "delta" and phi_rows:  # substitute φ'_l(z) by its definition, as a reader would
            definition = phi_rows[0].split("=", 1)[1].strip()
            latex = latex.replace(rf"\phi_{layer}'\left(\mathbf{{z}}^{{({layer})}}\right)", rf"\left({definition}\right)")
        result = judge.check(Claim(f"{kind}{layer}", latex))
        assert result.verdict == "correct", (row, result.message)
        checked.add((kind, layer))
    depth = d.network.depth
    assert checked == {(k, l) for k in ("delta", "dW", "db") for l in range(1, depth + 1)}
