"""Readings of the sixteenth round, verify16b (issue 10): an instructor's plain-text worked solutions (heldout16's
luis_* answers TOMLs).

- arithmetic on rounded numbers matches within how far their rounding carries or 0.2 % (a grader's), not 1 %: two
  operands swapped (0.3 × a₂ + 0.5 × a₁ for 0.3 × a₁ + 0.5 × a₂) move a sum by well under 1 % (a false accept);
- a chain with a side that does not read is never ``correct``: the side left out may hold a slip of its own;
- an answer typed in plain text throughout reads as plain text: Markdown's bold ``**6.5**``, a closing ✓, a list
  item's ``- ``, one step a line restating the subject (``h = …`` / ``h ≈ …``), NumPy's lists, ``w_new``;
- a question that numbers its data points (ŷ₁, ŷ₂, ŷ₃ of a one-unit output) is about points [values] does not hold:
  its numeric claims are unchecked (datapoints.py).

Every expected verdict comes from NumPy: the forward pass and the derivatives typed here, never from verify's output.
"""

from __future__ import annotations

import numpy as np
from helpers_verify import spec_text

SPEC = spec_text("small121", 1, (2, "sigmoid"), (1, "sigmoid"))
X, W1, B1, W2, B2, Y = 0.7, np.array([0.2, 0.9]), np.array([0.1, -0.3]), np.array([0.3, 0.5]), 0.2, 1.0
VALUES = f"""spec = "spec.toml"
batch = 1

[values]
x = [{X}]
y = [{Y}]
W1 = [[{W1[0]}], [{W1[1]}]]
b1 = [{B1[0]}, {B1[1]}]
W2 = [[{W2[0]}, {W2[1]}]]
b2 = [{B2}]
"""


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def verify(tmp_path, claims: list[tuple[str, str]], head: str = VALUES, spec: str = SPEC):
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(spec)
    body = head + "".join(f"\n[[claims]]\nid = \"{cid}\"\nlatex = '''\n{text}'''\n" for cid, text in claims)
    (tmp_path / "answer.toml").write_text(body)
    results, _meta, _ = verify_file(str(tmp_path / "answer.toml"))
    return {r.id: r for r in results}


def _forward():
    a1 = sigmoid(W1 * X + B1)
    return a1, float(W2 @ a1 + B2)


# -- arithmetic on rounded numbers: 0.2 %, not 1 % ---------------------------------------------------------------------

def test_swapped_operands_are_a_slip_not_rounding(tmp_path):
    a1, z2 = _forward()
    a = np.round(a1, 4)
    right = W2[0] * a[0] + W2[1] * a[1] + B2
    swapped = W2[0] * a[1] + W2[1] * a[0] + B2
    assert 0.002 < abs(swapped - z2) / z2 < 0.01  # the class: under the old 1 % floor, over a grader's 0.2 %
    assert abs(right - z2) < 1e-4
    got = verify(tmp_path, [
        ("right", f"z^{{(2)}} = W^{{(2)}} h^{{(1)}} + b^{{(2)}} = {W2[0]} \\times {a[0]} + {W2[1]} \\times {a[1]} + {B2} "
                  f"= {right:.4f}"),
        ("swapped", f"z^{{(2)}} = W^{{(2)}} h^{{(1)}} + b^{{(2)}} = {W2[0]} \\times {a[1]} + {W2[1]} \\times {a[0]} + {B2} "
                    f"= {swapped:.4f}"),
    ])
    assert got["right"].verdict == "correct", got["right"].message
    assert got["swapped"].verdict == "incorrect", got["swapped"].message
    assert "transpose" not in got["swapped"].message  # no catalogue guess matched at the old tolerance


# -- a side that does not read -----------------------------------------------------------------------------------------

def test_a_side_left_unread_never_makes_a_chain_correct(tmp_path):
    _, z2 = _forward()
    got = verify(tmp_path, [("gap", f"z^{{(2)}} = W^{{(2)}} h^{{(1)}} + b^{{(2)}} = \\Xi\\{{0.3\\}} = {z2:.4f}")])
    assert got["gap"].verdict == "unchecked", got["gap"].message
    assert "could not be read" in got["gap"].message and "slip of its own" in got["gap"].message


# -- plain text ----------------------------------------------------------------------------------------------------------

def test_plain_text_solution(tmp_path):
    a1, z2 = _forward()
    yhat = sigmoid(z2)
    a = np.round(a1, 4)
    z2w = W2 @ a + B2
    got = verify(tmp_path, [
        ("z1", f"z₁ = W₁x + b₁\n   = [{W1[0] * X + B1[0]:.4f}, {W1[1] * X + B1[1]:.4f}]"),
        ("a1", f"a₁ = σ(z₁) = **[{a[0]}, {a[1]}]**"),
        ("z2", f"z₂ = W₂a₁ + b₂\n   = [{W2[0]}×{a[0]} + {W2[1]}×{a[1]}] + [{B2}]\n   = **[{z2w:.4f}]**"),
        ("y1", f"ŷ = σ({z2w:.4f})\nŷ = 1/(1 + e^(-{z2w:.4f}))\nŷ ≈ **{yhat:.4f}** ✓"),
        ("dL", f"- ∂L/∂ŷ = ŷ - y = {yhat:.4f} - {Y} = {yhat - Y:.4f}"),
    ])
    for cid in ("z1", "a1", "z2", "y1", "dL"):
        assert got[cid].verdict == "correct", (cid, got[cid].message)


def test_bold_is_not_a_power():
    from gradproof.verify.normalize import drop_bullet, drop_label, normalize, restated_subjects

    assert normalize("ŷ ≈ **0.8176**") == normalize("ŷ ≈ 0.8176")
    assert normalize("a1**2 + (x)**3") == "a1^2 + (x)^3"  # Python's power stays a power
    assert normalize("x = 0.8176 - 1 = -0.1824 ✓") == "x = 0.8176 - 1 = -0.1824"
    assert drop_bullet("- ∂L/∂y = 2") == "∂L/∂y = 2" and drop_bullet("- 3 = -3") == "- 3 = -3"
    assert restated_subjects("h = 1/(1 + e^(-2))\nh ≈ 0.8808") == "h = 1/(1 + e^(-2))\n≈ 0.8808"
    assert restated_subjects("h = 1\ng = 2") == "h = 1\ng = 2"  # another subject: two claims' text, unchanged
    assert drop_label("Verification: 0.6285 + 0.2312 + 0.1403 = 1.0000") == "0.6285 + 0.2312 + 0.1403 = 1.0000"
    assert drop_label("New prediction: ŷ = 1.8(3) + 2.1") == "New prediction: ŷ = 1.8(3) + 2.1"  # letters: kept


# -- data points [values] does not hold ----------------------------------------------------------------------------------

def test_numbered_data_points_are_not_judged(tmp_path):
    spec = spec_text("line", 1, (1, "identity"), loss="sum_squared_error")
    head = 'spec = "spec.toml"\nbatch = 1\n\n[values]\nx = [3.0]\ny = [7.0]\nW1 = [[1.5]]\nb1 = [2.0]\n'
    w, b, pts = 1.5, 2.0, [(1.0, 3.0), (2.0, 5.0)]
    yh = [w * x + b for x, _ in pts]
    dw = [-2 * x * (y - w * x - b) for x, y in pts]
    got = verify(tmp_path, [
        ("q.p1.yhat", f"ŷ₁ = 1.5(1) + 2 = {yh[0]:g}"),
        ("q.p2.yhat", f"ŷ₂ = 1.5(2) + 2 = {yh[1]:g}"),
        ("q.p1.dw", f"∂L₁/∂w = -2(1)(3 - {yh[0]:g}) = {dw[0]:g}"),
        ("r.dw", f"∂L/∂w = -2(3)(7 - 1.5(3) - 2) = {-2 * 3 * (7 - w * 3 - b):g}"),  # [values]' own point: judged
    ], head=head, spec=spec)
    for cid in ("q.p1.yhat", "q.p1.dw"):
        assert got[cid].verdict == "unchecked", (cid, got[cid].message)
        assert "data points" in got[cid].message
    assert got["r.dw"].verdict == "correct", got["r.dw"].message


def test_unicode_activation_identity(tmp_path):
    """σ'(z) = σ(z)(1 - σ(z)) typed in Unicode is the identity \\sigma'(z) = …, checked for each layer's summed input
    (central differences of the sigmoid here as the oracle); with σ'(z) = σ(z)² it is wrong."""
    z, eps = np.linspace(-3, 3, 7), 1e-6
    slope = (sigmoid(z + eps) - sigmoid(z - eps)) / (2 * eps)
    assert np.allclose(slope, sigmoid(z) * (1 - sigmoid(z)), atol=1e-8)
    assert not np.allclose(slope, sigmoid(z) ** 2, atol=1e-3)
    got = verify(tmp_path, [("right", "σ'(z) = σ(z)(1 - σ(z))"), ("wrong", "σ'(z) = σ(z)σ(z)")],
                 head='spec = "spec.toml"\n')
    assert got["right"].verdict == "correct", got["right"].message
    assert got["wrong"].verdict == "incorrect", got["wrong"].message
