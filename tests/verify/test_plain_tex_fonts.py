"""Plain TeX's font switches inside a group (a Stack Exchange question's ``\\hat y = {\\rm softmax}(W^{(2)}h +
b^{(2)})``, ``{\\bf W}``, ``{\\cal L}``) read as the LaTeX commands ``\\mathrm{…}``, ``\\mathbf{…}``, ``\\mathcal{…}``:
the claim was unread ("unexpected '}'"). A planted wrong layer stays incorrect."""

from __future__ import annotations

import pytest
from gradproof.verify.cli import verify_file
from helpers_verify import spec_text

SPEC = spec_text("fonts", 4, (5, "sigmoid"), (3, "softmax"), loss="cross_entropy")
ANSWER = r"""\begin{align} h &= \sigma (W^{(1)} x+b^{(1)}) \\ \hat y &= {\rm softmax}({\bf W}^{(LAYER)}h + b^{(2)}) \end{align}

$$\frac{\partial {\cal L}}{\partial b^{(2)}} = \hat y - y$$
"""


@pytest.mark.parametrize(("layer", "verdict"), [("2", "correct"), ("1", "incorrect")])
def test_font_switches_in_a_group(tmp_path, layer, verdict):
    (tmp_path / "spec.toml").write_text(SPEC)
    (tmp_path / "answer.md").write_text(ANSWER.replace("LAYER", layer))
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    got = {r.id: r.verdict for r in results}
    assert got == {"line 1.1": "correct", "line 1.2": verdict, "line 3": "correct"}, [(r.id, r.message) for r in results]
