"""y* as the target (Thill's y^*, y_i^* beside \\hat y; Aflak's y^* beside y, his prediction): a claim that writes y* and
a y without a star does not say which quantity that y is, so it is `unchecked` — before, both read as the target and
Aflak's E = (y^* - y)^2 was "expected 1.483, the claim gives 0", a false reject. y* beside ŷ is read as before."""

from __future__ import annotations

from gradproof.verify.cli import verify_file

SPEC = """name = "xor_net"
convention = "row"
inputs = 2

[[layers]]
units = 3
activation = "tanh"

[[layers]]
units = 1
activation = "tanh"

[loss]
name = "squared_error"

[optimizer]
name = "sgd"
learning_rate = 0.1
"""

DOC = r"""# Errors

$$E = (y^* - y)^2$$

$$E = \frac{1}{n}\sum_{i=1}^{n} (y_i^* - y_i)^2$$

$$\frac{\partial E}{\partial \hat y} = \hat y - y^*$$
"""


def test_a_starred_target_beside_a_bare_y(tmp_path):
    (tmp_path / "net.toml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "doc.md").write_text(DOC, encoding="utf-8")
    results, _, _ = verify_file(str(tmp_path / "doc.md"), str(tmp_path / "net.toml"))
    got = [(r.verdict, r.message) for r in results]
    assert [v for v, _ in got[:2]] == ["unchecked", "unchecked"] and all("y*" in m for _, m in got[:2])
    # ∂E/∂ŷ = ŷ − y* after E = (y* − y)², which does not read: right on the spec's ½(ŷ − y*)², not on (ŷ − y*)², so
    # the scale of E decides it (verify/unreadcost.py, eleventh round)
    assert got[2][0] == "unchecked" and "objective's scale" in got[2][1], got[2]
    (tmp_path / "alone.md").write_text("$$\\frac{\\partial E}{\\partial \\hat y} = \\hat y - y^*$$\n", encoding="utf-8")
    alone, _, _ = verify_file(str(tmp_path / "alone.md"), str(tmp_path / "net.toml"))
    assert alone[0].verdict == "correct", alone[0].message  # y* beside ŷ: the target, ∂(½(ŷ − y*)²)/∂ŷ = ŷ − y*
