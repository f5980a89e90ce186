"""The seventeenth round, verify17b: W's stated shape in letters the answer states elsewhere as sizes (Doraemonzzz's
xopes notes: ``\\mathbf x\\in \\mathbb R^d, \\mathbf W\\in \\mathbb R^{v\\times d}, \\mathbf b \\in \\mathbb R^v``). The
input's size names the inputs, the target's (and in a one-layer network the bias's) the outputs, so ``v × d`` is
n_out × n_in and settles how the answer's W lies. Each expected verdict is NumPy's: central differences of the
softmax cross-entropy of z = W x + b by W (W stored n_out × n_in), compared with the claimed matrix in the stated
layout — never verify's own output."""

from __future__ import annotations

import numpy as np
import pytest
from test_fifteenth_round_coordinator import by_id

N_IN, N_OUT = 4, 3

SPEC = f"""name = "one"
convention = "row"
inputs = {N_IN}

[[layers]]
units = {N_OUT}
activation = "softmax"

[loss]
name = "cross_entropy"

[optimizer]
name = "sgd"
learning_rate = 0.1
"""

#: ∂L/∂W as the three claims write it (x a column of N_IN, ŷ and y columns of N_OUT)
CLAIMS = ("$$\\frac{\\partial L}{\\partial W} = x (\\hat y - y)^\\top$$",
          "$$\\frac{\\partial L}{\\partial W} = x \\hat y^\\top - x y^\\top$$",
          "$$\\frac{\\partial L}{\\partial W} = (\\hat y - y) x^\\top$$")
WRITTEN = (lambda x, p, y: np.outer(x, p - y), lambda x, p, y: np.outer(x, p) - np.outer(x, y),
           lambda x, p, y: np.outer(p - y, x))


def _oracle(transposed: bool) -> list[str]:
    """Each claim's verdict with the answer's W n_in × n_out (``transposed``) or n_out × n_in: the claimed matrix
    against the gradient by central differences, laid out as the answer's W."""
    rng = np.random.default_rng(17)
    x, W, b = rng.normal(size=N_IN), rng.normal(size=(N_OUT, N_IN)), rng.normal(size=N_OUT)
    y = np.eye(N_OUT)[1]

    def loss(M):
        z = M @ x + b
        return float(np.log(np.exp(z).sum()) - z @ y)

    fd = np.zeros_like(W)
    for idx in np.ndindex(W.shape):
        e = np.zeros_like(W)
        e[idx] = 1e-6
        fd[idx] = (loss(W + e) - loss(W - e)) / 2e-6
    p = np.exp(W @ x + b) / np.exp(W @ x + b).sum()
    truth = fd.T if transposed else fd
    return ["correct" if f(x, p, y).shape == truth.shape and np.allclose(f(x, p, y), truth, atol=1e-6)
            else "incorrect" for f in WRITTEN]


def verify(tmp_path, head: str):
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(SPEC)
    (tmp_path / "answer.md").write_text(head + "\n\n" + "\n\n".join(CLAIMS) + "\n")  # the claims: lines 3, 5, 7
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    got = by_id(results)
    return [got[f"line {n}"].verdict for n in (3, 5, 7)], got


@pytest.mark.parametrize("dims, transposed", [("v\\times d", False), ("d\\times v", True)])
def test_the_stated_shape_in_size_letters_settles_w(tmp_path, dims, transposed):
    """v × d with x ∈ ℝ^d and y, b ∈ ℝ^v is n_out × n_in (the spec's row W); d × v its transpose: every claim gets the
    oracle's verdict in that layout (without the statement the two layouts split the claims, 2 to 1: unchecked)."""
    head = (f"For $\\mathbf x\\in \\mathbb R^d, \\mathbf W\\in \\mathbb R^{{{dims}}}, \\mathbf b \\in \\mathbb R^v$ and "
            "one-hot $\\mathbf y\\in \\mathbb R^v$.")
    verdicts, _ = verify(tmp_path, head)
    assert verdicts == _oracle(transposed)
    assert _oracle(False) != _oracle(True)


@pytest.mark.parametrize("head", [
    "$\\mathbf x\\in \\mathbb R^d$, one-hot $\\mathbf y\\in \\mathbb R^v$.",  # no shape of W stated
    # d stated as both sizes: it names neither, and the shape of W settles nothing
    "For $\\mathbf x\\in \\mathbb R^d, \\mathbf W\\in \\mathbb R^{d\\times d}, \\mathbf y \\in \\mathbb R^d$.",
])
def test_no_size_letters_no_vote(tmp_path, head):
    """Without a statement of W's shape in letters that name sizes, the claims split the layouts: unchecked, with the
    [notation] line that settles it."""
    verdicts, got = verify(tmp_path, head)
    assert verdicts == ["unchecked"] * 3
    assert "say so in [notation]" in got["line 3"].message


def _oracle_bar_z(sign: int) -> str:
    """Whether ∂L/∂z = sign·(ŷ − y) for the softmax cross-entropy of one example: central differences in NumPy."""
    rng = np.random.default_rng(5)
    z, y = rng.normal(size=N_OUT), np.eye(N_OUT)[2]

    def loss(v):
        return float(np.log(np.exp(v).sum()) - v @ y)

    fd = np.array([(loss(z + e) - loss(z - e)) / 2e-6 for e in np.eye(N_OUT) * 1e-6])
    p = np.exp(z) / np.exp(z).sum()
    return "correct" if np.allclose(sign * (p - y), fd, atol=1e-6) else "incorrect"


def test_a_barred_target_defined_by_an_expression_is_the_answers_own(tmp_path):
    """xopes's smoothed target ``\\bar y = (1-\\lambda) y + \\lambda/v \\mathbf 1``: a barred letter the answer defines by
    an expression with no derivative, where the letter is the target (which has no error signal), is its own quantity:
    unchecked with that reason (it was "the derivative with respect to y"). Grosse's error signal of z, defined the
    same way, is still ∂L/∂z and judged (the planted sign caught), each verdict the oracle's."""
    head = ("$$\\mathbf {\\bar y} = (1-\\lambda) \\mathbf y+\\lambda /v  \\mathbf 1$$\n\n"  # line 1
            "$$\\mathbf 1^\\top \\mathbf {\\bar y} = 1$$")  # line 3
    (tmp_path / "spec.toml").write_text(SPEC)
    (tmp_path / "answer.md").write_text(head + "\n\n$$\\bar z = \\hat y - y$$\n\n$$\\bar z = y - \\hat y$$\n")
    from gradproof.verify.cli import verify_file

    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    got = by_id(results)
    for line in ("line 1", "line 3"):
        assert got[line].verdict == "unchecked" and "own quantity" in got[line].message
    assert got["line 5"].verdict == _oracle_bar_z(1) == "correct"
    assert got["line 7"].verdict == _oracle_bar_z(-1) == "incorrect"
