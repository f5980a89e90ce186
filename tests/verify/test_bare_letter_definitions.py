"""d2l.ai §5.3 (Dive into Deep Learning, "Forward Propagation, Backward Propagation, and Computational Graphs"): no
bias, z = W^{(1)} x, h = φ(z), o = W^{(2)} h written without layers on z, h, o, J = L + s with s = λ/2 (‖W1‖² + ‖W2‖²)
per example. Its two forward definitions fix how W lies (n_out × n_in, the transpose of the column spec), so a planted
missing transpose is a slip judged `incorrect`, not a reason to leave every claim with W unchecked (it was: the
definition `o = W^{(2)} h` was no vote because its bare h did not read). The verdicts are decided by hand and the
formulas confirmed here by central differences of the objective in NumPy (not by verify)."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import central_differences
from gradproof.verify.cli import verify_file

SPEC = """name = "d2l_backprop"
convention = "column"
inputs = 3
[[layers]]
units = 4
activation = "tanh"
bias = false
[[layers]]
units = 2
activation = "identity"
bias = false
[loss]
name = "squared_error"
[regularization]
name = "l2"
lambda = 0.1
scaling = "none"
[optimizer]
name = "sgd"
learning_rate = 0.1
"""

#: d2l's equations, verbatim (d2l-ai/d2l-en chapter_multilayer-perceptrons/backprop.md), one per display
FORWARD = [r"\mathbf{z}= \mathbf{W}^{(1)} \mathbf{x}", r"\mathbf{h}= \phi (\mathbf{z}).",
           r"\mathbf{o}= \mathbf{W}^{(2)} \mathbf{h}.",
           r"s = \frac{\lambda}{2} \left(\|\mathbf{W}^{(1)}\|_F^2 + \|\mathbf{W}^{(2)}\|_F^2\right),"]
#: the regularizer's gradients, two equations joined by "and" in one display (each judged: s is the answer's R)
DS = (r"\frac{\partial s}{\partial \mathbf{W}^{(1)}} = \lambda \mathbf{W}^{(1)}" "\n" r"\text{ and }" "\n"
      r"\frac{\partial s}{\partial \mathbf{W}^{(2)}} = \lambda \mathbf{W}^{(2)}")
DW2 = r"\frac{\partial J}{\partial \mathbf{W}^{(2)}} = \frac{\partial J}{\partial \mathbf{o}} \mathbf{h}^\top + \lambda \mathbf{W}^{(2)}"
DH = r"\frac{\partial J}{\partial \mathbf{h}} = {\mathbf{W}^{(2)}}^\top \frac{\partial J}{\partial \mathbf{o}}."
DZ = r"\frac{\partial J}{\partial \mathbf{z}} = \frac{\partial J}{\partial \mathbf{h}} \odot \phi'\left(\mathbf{z}\right)."
DW1 = r"\frac{\partial J}{\partial \mathbf{W}^{(1)}} = \frac{\partial J}{\partial \mathbf{z}} \mathbf{x}^\top + \lambda \mathbf{W}^{(1)}."
PLANTED = {DS: DS.replace(r"= \lambda \mathbf{W}^{(1)}", r"= 2 \lambda \mathbf{W}^{(1)}"),  # the ½ of s forgotten
           DW2: DW2.replace(r" + \lambda \mathbf{W}^{(2)}", ""),  # the regularizer's gradient dropped
           DH: DH.replace(r"{\mathbf{W}^{(2)}}^\top", r"\mathbf{W}^{(2)}"),  # the transpose dropped
           DW1: DW1.replace(r"\lambda \mathbf{W}^{(1)}", r"\frac{\lambda}{2} \mathbf{W}^{(1)}")}  # λ/2 for λ


def _document(claims):
    return "".join(f"$${c}$$\n\n" for c in claims)


def _verdicts(tmp_path, claims):
    (tmp_path / "spec.toml").write_text(SPEC)
    (tmp_path / "answer.md").write_text(_document(claims))
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    by_line, line = {r.id: r.verdict for r in results}, 1
    out = []
    for c in claims:  # each display starts on its own line, after a blank one
        out.append(by_line[f"line {line}"])
        line += c.count("\n") + 2
    return out


def test_the_formulas_are_the_gradient_by_central_differences():
    rng = np.random.default_rng(0)
    W1, W2, x, y, lam = rng.normal(size=(4, 3)), rng.normal(size=(2, 4)), rng.normal(size=3), rng.normal(size=2), 0.1

    def J(p):
        o = p["W2"] @ np.tanh(p["W1"] @ x)
        return 0.5 * np.sum((o - y) ** 2) + lam / 2 * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))

    fd = central_differences(J, {"W1": W1.copy(), "W2": W2.copy()})
    z = W1 @ x
    h = np.tanh(z)
    dJ_do = W2 @ h - y
    dz = (W2.T @ dJ_do) * (1 - h**2)
    assert np.allclose(np.outer(dJ_do, h) + lam * W2, fd["W2"], atol=1e-7)
    assert np.allclose(np.outer(dz, x) + lam * W1, fd["W1"], atol=1e-7)
    assert not np.allclose(np.outer(dz, x) + lam / 2 * W1, fd["W1"], atol=1e-4)


def test_d2l_as_written_is_read_in_its_own_orientation(tmp_path):
    assert _verdicts(tmp_path, [*FORWARD, DS, DW2, DH, DZ, DW1]) == ["correct"] * 9


@pytest.mark.parametrize("wrong", list(PLANTED), ids=["two_lambda", "no_regularizer", "no_transpose", "half_lambda"])
def test_one_planted_mistake_is_incorrect_and_the_rest_stay_judged(tmp_path, wrong):
    claims = [*FORWARD, *(PLANTED[c] if c == wrong else c for c in (DS, DW2, DH, DZ, DW1))]
    got = _verdicts(tmp_path, claims)
    want = ["correct"] * 9
    want[4 + (DS, DW2, DH, DZ, DW1).index(wrong)] = "incorrect"
    assert got == want
