r"""Round twenty-nine (issue 12): the twenty-eighth round's readers attacked (``benchmarks/probe_hostile.py "r29:"``).

Two classes, found by probes that put a hostile section after (or before) an answer of that round:

- **Quadratic scans of the raw text.** The claims are squeezed (every run of white space one character) before any
  reader sees them, but a few patterns read the document's whole text as it is: the batch stated as rows
  (``document._BATCH_ROWS_STATED``, ``X \in \mathbb{R}^{B \times 784}``), W's stated shape and a vector's size by a
  letter (``orientation._SHAPE``, ``_VECTOR_SIZE``) and an example's input declared a vector
  (``ownforward._EXAMPLE_VECTOR``). Each had ``\s*\{?\s*`` — two ``\s*`` side by side around an optional brace —
  which backtracks over every split of a run of spaces: ``\in\mathbb`` and 2 × 10^5 spaces before zaidanmir's answer
  took the run's whole CPU budget (exit 2 after 20 s, no verdict). Now ``\s*(?:\{\s*)?``: the same language, linear.
- **A one-example claim rejected by a batch section's layout.** zaidanmir's notes write one example as a column
  (``∂L/∂W_2 = δ_2 a_1^T``) and then a mini-batch stacked as rows. Round 28 leaves the rows claim unjudged when the
  columns carry the vote; with a batch section of 100 such claims the vote turns to rows, and the one-example claim —
  right, as its sentence says — was judged in rows with the batch and **rejected** by its shapes. Now, where the text
  states the batch as rows, a claim whose shapes fit only the other layout and that holds there (for one example, when
  its letters are one sample's) is not judged either way round.

Every expected verdict is decided here by NumPy central differences, never by gradproof.
"""

from __future__ import annotations

import time

import numpy as np
import pytest
from conftest import central_differences
from gradproof.verify.cli import verify_file

#: zaidanmir's network: 5 inputs, a ReLU layer of 4, a softmax of 3, cross-entropy (the mean over a batch)
SPEC = """name = "softmax_regression"
convention = "row"
inputs = 5

[[layers]]
units = 4
activation = "relu"

[[layers]]
units = 3
activation = "softmax"

[loss]
name = "cross_entropy"
"""

ANSWER = ("For one example $x$ (a column): $z_1 = W_1 x + b_1$, $a_1 = \\mathrm{ReLU}(z_1)$, $z_2 = W_2 a_1 + b_2$.\n\n"
          "$$\\frac{\\partial L}{\\partial W_2} = \\delta_2 \\, a_1^\\top \\tag{one}$$\n\n"
          "For a mini-batch of $B$ examples stacked as rows, $\\Delta_2 \\in \\mathbb{R}^{B \\times 3}$:\n\n"
          "$$\\frac{\\partial L}{\\partial W_2} = \\frac{1}{B} \\, \\Delta_2^\\top A_1 \\tag{batch}$$\n")


def _verify(tmp_path, spec: str, body: str, name: str = "answer.md") -> dict:
    (tmp_path / "spec.toml").write_text(spec)
    (tmp_path / name).write_text(body)
    results, _meta, _ = verify_file(str(tmp_path / name), str(tmp_path / "spec.toml"))
    return {r.id: r for r in results}


def _softmax_rows(Z):
    P = np.exp(Z - Z.max(axis=1, keepdims=True))
    return P / P.sum(axis=1, keepdims=True)


def _oracle():
    """One example as a column: ∂L/∂W_2 = δ_2 a_1^T (δ_2 = p − onehot); a batch of B as rows: ∂L/∂W_2 of the mean
    cross-entropy = (1/B) Δ_2^T A_1 — both by central differences."""
    rng = np.random.default_rng(2900)
    W1, b1, W2, b2 = rng.normal(size=(4, 5)), rng.normal(size=4), rng.normal(size=(3, 4)), rng.normal(size=3)
    x, label = rng.normal(size=5), 2
    a1 = np.maximum(W1 @ x + b1, 0)

    def one(W):
        z = W @ a1 + b2
        return -float(z[label] - np.log(np.sum(np.exp(z))))

    dW_one = central_differences(lambda p: one(p["W"]), {"W": W2.copy()})["W"]
    p = np.exp(W2 @ a1 + b2) / np.sum(np.exp(W2 @ a1 + b2))
    one_holds = bool(np.allclose(np.outer(p - np.eye(3)[label], a1), dW_one, rtol=1e-5, atol=1e-7))
    B = 6
    X, labels = rng.normal(size=(B, 5)), rng.integers(0, 3, size=B)
    A1 = np.maximum(X @ W1.T + b1, 0)

    def mean(W):
        Z = A1 @ W.T + b2
        return -float(np.mean(np.log(_softmax_rows(Z)[np.arange(B), labels])))

    dW_batch = central_differences(lambda p: mean(p["W"]), {"W": W2.copy()})["W"]
    Delta = _softmax_rows(A1 @ W2.T + b2) - np.eye(3)[labels]
    batch_holds = bool(np.allclose(Delta.T @ A1 / B, dW_batch, rtol=1e-5, atol=1e-7))
    return one_holds, batch_holds


@pytest.mark.parametrize("scanner", ["rows", "shape", "vector", "example"])
def test_the_raw_text_scanners_are_linear_in_a_run_of_spaces(scanner):
    """Each scanner of the raw document text on its own prefix and 50 000 spaces: bounded (measured ~2 ms each; the
    quadratic patterns took 3–15 s here, 2 × 10^5 spaces ~20× that)."""
    from gradproof.verify.document import _BATCH_ROWS_STATED
    from gradproof.verify.orientation import stated_shapes
    from gradproof.verify.ownforward import example_vector

    spaces = " " * 50_000
    run = {"rows": lambda: _BATCH_ROWS_STATED.search("X \\in\\mathbb" + spaces),
           "shape": lambda: stated_shapes("W \\in \\mathbb" + spaces),
           "vector": lambda: stated_shapes("x \\in \\mathbb{R" + spaces),
           "example": lambda: example_vector("x_i \\in \\mathbb{R}^" + spaces)}[scanner]
    t0 = time.process_time()
    run()
    assert time.process_time() - t0 < 0.5
    # (the linear forms read what the old ones did)
    assert _BATCH_ROWS_STATED.search("X \\in \\mathbb{ R }^{B \\times 784}")
    assert stated_shapes("W_1 \\in \\mathbb {R} ^{4 \\times 3}, \\mathbf x \\in \\mathbb R^d") == (
        "W_1 \\in \\mathbb {R} ^{4 \\times 3}", "x \\in \\mathbb R^d")
    assert example_vector("for inputs x_{i} \\in \\mathbb {R}^{d}") == "i"


def test_a_run_of_spaces_in_the_prose_leaves_the_answer_judged(tmp_path):
    """``\\in\\mathbb`` and 2 × 10^5 spaces before zaidanmir's answer: the run ends within a few seconds (it had stopped
    at the 20 s CPU budget, exit 2, no verdict) and the claims keep their verdicts — the one example's right (the
    oracle), the batch's not rejected."""
    one_holds, batch_holds = _oracle()
    assert one_holds and batch_holds
    hostile = "Shapes: $X \\in\\mathbb" + " " * 200_000 + "R$ and $x_i \\in \\mathbb{R}^" + " " * 100_000 + "d$.\n\n"
    t0 = time.monotonic()
    got = _verify(tmp_path, SPEC, hostile + ANSWER)
    assert time.monotonic() - t0 < 15  # (measured ~1 s alone)
    assert got["one"].verdict == "correct", got["one"].message
    assert got["batch"].verdict in ("correct", "unchecked"), got["batch"].message


def test_a_one_example_claim_is_not_rejected_where_a_batch_section_in_rows_outnumbers_it(tmp_path):
    """zaidanmir's answer, then a batch section of 100 claims in rows (each the batch's gradient plus k − k: right in
    rows, the oracle): the vote turns to rows, and the one example as a column, δ_2 a_1^T — right for one example —
    had been rejected by the rows' shapes. It is not judged now (it holds for one example in the other layout); the
    batch's claims, right in rows, are not called wrong."""
    one_holds, batch_holds = _oracle()
    assert one_holds and batch_holds
    section = "".join(f"$$\\frac{{\\partial L}}{{\\partial W_2}} = \\frac{{1}}{{B}} \\, \\Delta_2^\\top A_1 + {k} - {k} "
                      f"\\tag{{b{k}}}$$\n\n" for k in range(100))
    got = _verify(tmp_path, SPEC, ANSWER + "\n\n## The batch\n\n" + section)
    assert got["one"].verdict in ("correct", "unchecked"), got["one"].message
    assert got["batch"].verdict in ("correct", "unchecked"), got["batch"].message
    assert all(got[f"b{k}"].verdict in ("correct", "unchecked") for k in range(100))


#: liseanh's sigmoid f (the hidden layer's activation) and its slope written as a fraction
FUNCTION_SPEC = SPEC.replace('"relu"', '"sigmoid"').replace("units = 3\nactivation = \"softmax\"",
                                                             "units = 2\nactivation = \"identity\"").replace(
    "cross_entropy", "squared_error")
FUNCTION = r"""
The activation is
\begin{equation}
	f(z) = \frac{1}{1+e^{-z}}\ .
\end{equation}
\begin{equation}
	\frac{\partial f}{\partial z} = \frac{e^{-z}}{(1+e^{-z})^2}\ . \label{slope}
\end{equation}
\begin{equation}
	\frac{\partial f}{\partial z} = \frac{e^{-z}}{1+e^{-z}}\ . \label{slip}
\end{equation}
"""


@pytest.mark.parametrize("spare", [True, False])
def test_the_symbolic_proof_of_a_right_claim_is_optional_work_of_the_run(tmp_path, monkeypatch, spare):
    """``symbolic.prove_equal`` only adds "proved equal symbolically" to a right claim's message (~80 ms of SymPy a
    claim): once the run's optional SymPy work is spent (``limits.spare()`` false) it is not tried, and the verdicts
    stay those of the numbers — 1900 right identities ∂f/∂z = e^{-z}/(1 + e^{-z})² + k − k after liseanh's answer had
    left 1902 of its 1904 claims "the run's time ran out" (17.6 s); now all 1904 are judged (14.9 s,
    ``probe_hostile.py "function fraction: 1900"``). The oracle: central differences of the sigmoid."""
    from gradproof.derive import limits

    z = np.linspace(-3, 3, 13)
    slope = central_differences(lambda p: float(np.sum(1 / (1 + np.exp(-p["z"])))), {"z": z.copy()})["z"]
    assert np.allclose(np.exp(-z) / (1 + np.exp(-z)) ** 2, slope, rtol=1e-5)
    assert not np.allclose(np.exp(-z) / (1 + np.exp(-z)), slope, rtol=1e-5)
    monkeypatch.setattr(limits, "spare", lambda: spare)
    got = _verify(tmp_path, FUNCTION_SPEC, FUNCTION, "answer.tex")
    assert got["slope"].verdict == "correct", got["slope"].message
    assert got["slip"].verdict == "incorrect", got["slip"].message
    assert ("proved equal symbolically" in got["slope"].message) == spare, got["slope"].message
