"""Ids of the fifteenth round's coordinator (issue 10, heldout15's first measurement: 14 ids not found, each a reading
of the documented rule verify did not follow): an ``equation`` whose body has rows split by ``\\\\`` (MathJax breaks the
line), two equations side by side over two lines (``\\qquad \\quad`` at a line's end: the second named by its own
line), a ``+&`` row that only continues the sum of the row before (the same link, not a claim of its own), and a
``## Problem 1`` heading whose claims a grader calls Q1.k."""

from __future__ import annotations

import numpy as np
from conftest import central_differences
from helpers_verify import spec_text
from test_fourteenth_round_coordinator import LAMBDA, M, objective  # (𝓛 with its L2 penalty, samples as rows)

RNG = np.random.default_rng(15)


def spec() -> str:
    return (spec_text("coord15", 3, (4, "relu"), (3, "softmax"), loss="cross_entropy")
            + f"\n[regularization]\nname = \"l2\"\nlambda = {LAMBDA}\n")


def verify(tmp_path, body: str, name: str = "answer.md"):
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(spec())
    (tmp_path / name).write_text(body)
    results, _meta, _ = verify_file(str(tmp_path / name), str(tmp_path / "spec.toml"))
    return results


def by_id(results) -> dict:
    got = {r.id: r for r in results}
    for r in results:
        for row in r.rows:
            got.setdefault(row.id, row)
    return got


HEADER = ("- $X \\in \\mathbb{R}^{m \\times 3}$ : a mini-batch, $m$ its size\n\n"
          "$$\n\\mathcal{L} = -\\frac{1}{m} \\sum_{i=1}^m \\sum_{c=1}^{3} y_{i,c} \\log(\\hat{y}_{i,c}) + "
          "\\frac{\\lambda}{2m} \\sum_{l=1}^2 \\|W^{(l)}\\|_F^2\n$$\n\n")  # (lines 1-5)


def test_an_equation_split_by_row_breaks_is_two_claims(tmp_path):
    """``\\begin{equation} Z = … \\\\ A = … \\end{equation}`` in Markdown: ``line 8.1`` and ``line 9.2``, each with its
    own verdict (the second planted: σ for the network's ReLU)."""
    body = HEADER + ("\\begin{equation}\n  Z^{(1)} = X W^{(1)\\top} + b^{(1)} \\\\\n"
                     "  A^{(1)} = \\sigma(Z^{(1)})\n\\end{equation}\n")
    got = by_id(verify(tmp_path, body))
    assert got["line 8.1"].verdict == "correct" and got["line 9.2"].verdict == "incorrect"


def test_two_equations_side_by_side_over_two_lines_are_named_by_their_own_lines(tmp_path):
    """``Z = X Wᵀ + b \\qquad \\quad`` ending line 8, ``A = σ(Z)`` on line 9 (planted: σ for the network's ReLU): the
    rows are ``line 8.1`` and ``line 9.2`` (the documented ``line N.k``, N the equation's own line)."""
    body = HEADER + ("$$\nZ^{(1)} = X W^{(1)\\top} + b^{(1)} \\qquad \\quad\nA^{(1)} = \\sigma(Z^{(1)})\n$$\n")
    got = by_id(verify(tmp_path, body))
    assert got["line 8"].verdict == "incorrect"
    assert got["line 8.1"].verdict == "correct" and got["line 9.2"].verdict == "incorrect"
    assert "line 8.2" not in got
    same_line = by_id(verify(tmp_path, body.replace("\\quad\nA", "\\quad A")))  # on one line: line 8.1, line 8.2
    assert same_line["line 8.1"].verdict == "correct" and same_line["line 8.2"].verdict == "incorrect"


def test_a_plus_row_continues_the_sum_of_the_row_before(tmp_path):
    """``∂𝓛/∂W^{(2)} &= 1/m (A^{(2)} − Y)ᵀ A^{(1)} \\\\ &+ λ/m W^{(2)}``: one claim whose right side is the
    whole sum (the claim ``line 9``) — correct by the central differences of the NumPy objective, where the first row alone is not."""
    X, Y = RNG.normal(size=(M, 3)), np.eye(3)[RNG.integers(0, 3, M)]
    p = {"W1": RNG.normal(size=(4, 3)), "b1": RNG.normal(size=4), "W2": RNG.normal(size=(3, 4)), "b2": RNG.normal(size=3)}
    _, A1, P = objective(p, X, Y)
    grad = central_differences(lambda q: objective(q, X, Y)[0], p)["W2"]
    first_row = (P - Y).T @ A1 / M
    assert np.allclose(first_row + LAMBDA / M * p["W2"], grad, atol=1e-6) and not np.allclose(first_row, grad, atol=1e-6)
    rows = ("$$\n\\begin{aligned}\n\\frac{\\partial \\mathcal{L}}{\\partial W^{(2)}} &= \\frac{1}{m} (A^{(2)} - Y)^\\top "
            "A^{(1)} \\\\\n&{SIGN} \\frac{\\lambda}{m} W^{(2)}\n\\end{aligned}\n$$\n")
    right = by_id(verify(tmp_path, HEADER + rows.replace("{SIGN}", "+")))
    assert right["line 9"].verdict == "correct", right["line 9"].message
    assert not any(cid.startswith(("line 9.", "line 10")) for cid in right)  # one claim, no row of its own
    wrong = by_id(verify(tmp_path, HEADER + rows.replace("{SIGN}", "-")))
    assert wrong["line 9"].verdict == "incorrect", wrong["line 9"].message


def test_a_problem_headings_claims_answer_a_rubrics_q_ids(tmp_path):
    """Under ``## Problem 1:`` the claims are ``Problem1.k`` and a rubric (or the corpus) naming them ``Q1.k`` finds
    them; an id that names no claim is still missing."""
    from gradproof.verify.rubric import Question, Rubric, grade

    body = "## Problem 1: the forward pass\n\n" + HEADER.replace("$$\n\\mathcal", "$$\n\\mathcal", 1) + (
        "$$\nA^{(1)} = \\sigma(Z^{(1)})\n$$\n")
    results = verify(tmp_path, body)
    ids = [r.id for r in results]
    assert ids[-1].startswith("Problem1.") and ids[-1][len("Problem1."):].isdigit()
    k = ids[-1][len("Problem1."):]
    rubric = Rubric((Question("a", 1.0, (f"Q1.{k}",)), Question("b", 1.0, ("Q1.9",)), Question("c", 1.0, (f"Q1.{k}",),
                                                                                            exact=True)))
    g = grade(rubric, results)
    assert [it.verdict for q in g.questions for it in q.items] == ["incorrect", "missing", "incorrect"]


#: a dense -> inverted dropout -> dense network, examples as columns (Bangguo Wang's, one dropout layer fewer)
DROPOUT_SPEC = spec_text("drop15", 3, (4, "relu"), ("dropout", 0.25), (2, "softmax"), loss="cross_entropy")


def test_an_answer_that_masks_its_own_layers_numbers_them_without_the_dropout(tmp_path):
    """Bangguo Wang's ``Z_{l+1} = W_{l+1}(A_l * D_l)/keep\\_prob + B_{l+1}``: his l counts the layers with weights and
    his A_l is the activation before the mask, so ``dW_l = dZ_l A_{l-1}^T`` is wrong in his numbering (NumPy: the layer's
    input is A_{l-1} * D_{l-1} / keep_prob) and right in gradproof's (A of the dropout layer): a guess either way, so
    `unchecked`, saying why. Without the masked formula the claim is judged."""
    from gradproof.verify.cli import verify_file

    rng = np.random.default_rng(151)
    A1 = rng.normal(size=(4, 1))
    D1, dZ2 = (rng.random((4, 1)) < 0.75).astype(float), rng.normal(size=(2, 1))
    assert not np.allclose(dZ2 @ (A1 * D1 / 0.75).T, dZ2 @ A1.T)  # his dW_2 is not dZ_2 A_1^T
    (tmp_path / "spec.toml").write_text(DROPOUT_SPEC)
    claim = "$$dW_{l}=dZ_{l}A^{T}_{l-1}$$\n"
    forward = "$$Z_{l+1}=\\frac{W_{l+1}(A_{l}*D_{l})}{keep\\_prob}+B_{l+1}$$\n\n"
    for name, body in (("masked.md", forward + claim), ("plain.md", claim)):
        (tmp_path / name).write_text(body)
    masked, _m, _ = verify_file(str(tmp_path / "masked.md"), str(tmp_path / "spec.toml"))
    plain, _m, _ = verify_file(str(tmp_path / "plain.md"), str(tmp_path / "spec.toml"))
    assert masked[-1].verdict == "unchecked" and "counts the layers with weights only" in masked[-1].message
    assert "counts the layers with weights only" not in plain[-1].message


def test_a_chain_rule_interlude_in_letters_of_its_own_is_not_judged(tmp_path):
    """Thill's "Interlude: the chain rule" (x = e^t, y = t², z = sin(x² + y²)) under its own heading: x, y, z are not the
    network's input, target and summed input, so its claims are `unchecked` saying so (reading them with the network's
    letters judged a right chain rule incorrect); the derivation under the next heading is judged as before (the same
    ∂𝓛/∂W^{(2)} the central differences confirm in test_a_plus_row_continues_the_sum_of_the_row_before)."""
    t = 0.3
    x, y = np.exp(t), t ** 2
    dz_dt = 2 * x * np.cos(x ** 2 + y ** 2) * np.exp(t) + 2 * y * np.cos(x ** 2 + y ** 2) * 2 * t
    h = 1e-6
    assert abs(dz_dt - (np.sin(np.exp(2 * (t + h)) + (t + h) ** 4) - np.sin(np.exp(2 * (t - h)) + (t - h) ** 4)) / (2 * h)) < 1e-6
    body = ("# Notes\n\n## Interlude: the chain rule\n\n$$\nz = \\sin(x^2 + y^2), \\qquad x = e^t, \\qquad y = t^2.\n$$\n\n"
            "$$\n\\frac{\\partial z}{\\partial x} = 2x \\cos(x^2 + y^2)\n$$\n\n## The gradient\n\n" + HEADER +
            "$$\n\\frac{\\partial \\mathcal{L}}{\\partial W^{(2)}} = \\frac{1}{m} (A^{(2)} - Y)^\\top A^{(1)} + "
            "\\frac{\\lambda}{m} W^{(2)}\n$$\n")
    got = by_id(verify(tmp_path, body))
    interlude = [got["line 6"], got["line 10"]]
    assert all(r.verdict == "unchecked" and "calculus example in letters of its own (x = e^t" in r.message for r in interlude)
    last = max((r for r in got.values() if r.id.startswith("line ") and "." not in r.id), key=lambda r: int(r.id[5:]))
    assert last.verdict == "correct", last.message
