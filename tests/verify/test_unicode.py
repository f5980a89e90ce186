"""Mathematics typed in Unicode (issue 10): students write δ, ŷ, −, ·, ⊙, ∘, ², ᵀ, ⊤, W₁, a⁽²⁾, zᵢ, ∂, ∇, Σ, √, ←, ≔, η,
σ, ′ instead of LaTeX. normalize.fold_unicode folds them to the LaTeX the parser reads, in linear time; the report keeps
the author's own text. Verdicts decided by hand: each planted claim is a mistake (σ for σ′, a missing transpose, the
wrong layer, a sign).
"""

from __future__ import annotations

import pytest
from gradproof.verify.cli import verify_file
from gradproof.verify.judge import Claim, Judge
from gradproof.verify.normalize import drop_remark, fold_unicode, normalize
from helpers_verify import small


@pytest.fixture(scope="module")
def judge():
    return Judge(small(hidden="sigmoid"))  # 3 inputs, 4 sigmoid hidden units, 2 sigmoid outputs, squared error


CLAIMS = [
    ("δ⁽²⁾ = (ŷ − y) ⊙ σ′(z⁽²⁾)", "correct"),
    ("δ⁽²⁾ = (ŷ − y) ⊙ ŷ ⊙ (1 − ŷ)", "correct"),
    ("δ⁽²⁾ = (ŷ − y) ⊙ σ(z⁽²⁾)", "incorrect"),
    ("δ⁽²⁾ = (y − ŷ) ⊙ σ′(z⁽²⁾)", "incorrect"),
    ("δ⁽¹⁾ = (W⁽²⁾)ᵀ δ⁽²⁾ ∘ h⁽¹⁾ ∘ (1 − h⁽¹⁾)", "correct"),
    ("δ⁽¹⁾ = W⁽²⁾ δ⁽²⁾ ∘ h⁽¹⁾ ∘ (1 − h⁽¹⁾)", "incorrect"),  # no transpose
    ("∂J/∂W⁽²⁾ = δ⁽²⁾ · h⁽¹⁾ᵀ", "correct"),
    ("∂J/∂W⁽²⁾ = δ⁽²⁾ (h⁽¹⁾)⊤", "correct"),
    ("∂J/∂W⁽²⁾ = δ⁽²⁾ h⁽¹⁾⊤", "correct"),
    ("∂J/∂W⁽²⁾ = δ⁽²⁾ · x ᵀ", "incorrect"),  # the input for the hidden layer's activations
    ("∇_{W⁽²⁾} J = δ⁽²⁾ h⁽¹⁾ᵀ", "correct"),
    ("∂J/∂b⁽¹⁾ = δ⁽¹⁾", "correct"),
    ("∂J/∂b⁽¹⁾ = δ⁽²⁾", "incorrect"),
    ("W₂ ← W₂ − η ∂J/∂W₂", "correct"),
    ("W₂ ≔ W₂ − η ∂J/∂W₂", "correct"),
    ("W₂ ← W₂ + η ∂J/∂W₂", "incorrect"),
    ("J = ½ Σᵢ (ŷᵢ − yᵢ)²", "correct"),
    ("J = ½ ‖ŷ − y‖²", "correct"),
    ("J = ‖ŷ − y‖²", "incorrect"),  # the ½
    ("ŷ = σ(z⁽²⁾)", "correct"),
    ("y\u0302 = σ(z⁽²⁾)", "correct"),  # a hat typed as a combining circumflex over y
    ("ŷ = σ(z⁽¹⁾)", "incorrect"),
    ("δ⁽²⁾\u200b = (ŷ − y) ⊙ σ′(z⁽²⁾)", "correct"),  # a zero-width space: invisible, no meaning
    ("z⁽¹⁾ = W⁽¹⁾x + b⁽¹⁾", "correct"),
    ("z⁽¹⁾ = W⁽¹⁾ᵀx + b⁽¹⁾", "incorrect"),
]


@pytest.mark.parametrize(("text", "want"), CLAIMS)
def test_unicode_claims(judge, text, want):
    result = judge.check(Claim("t", text))
    assert result.verdict == want, result.message
    assert result.latex == text  # reported in the author's own text


def test_a_mark_with_no_certain_reading_is_a_reason(judge):
    result = judge.check(Claim("t", "y\u0306 = σ(z⁽²⁾)"))  # a breve over y: no notation gradproof knows
    assert result.verdict == "unchecked" and "combining breve" in result.message
    result = judge.check(Claim("t", "ŷ = σ(z⁽²⁾) ☃"))
    assert result.verdict == "unchecked" and "snowman" in result.message


@pytest.mark.parametrize(("text", "latex"), [
    ("a⁽²⁾", "a^{(2)}"), ("W₁", "W_{1}"), ("zᵢ", "z_{i}"), ("Wᵀ", "W^{T}"), ("W⊤", "W^{T}"), ("x²", "x^{2}"),
    ("W⁻¹", "W^{-1}"), ("σ′", r" \sigma '"), ("a − b", "a - b"), ("a·b", r"a \cdot b"), ("ŷ", r"\hat{y}"),
    ("x\u0304", r"\bar{x}"), ("∂J", r" \partial J"), ("h⁽ˡ⁻¹⁾", "h^{(l-1)}"), ("ASCII stays", "ASCII stays"),
])
def test_fold(text, latex):
    assert fold_unicode(text) == latex


def test_a_megabyte_folds_in_one_pass():
    """Untrusted input: a 1 MB claim of Unicode mathematics (and runs of marks that could make a naive reader
    backtrack) folds with output linear in the input (benchmarks/bench_verify.py measures the time)."""
    piece = "δ⁽²⁾ = (ŷ − y) ⊙ σ′(z⁽²⁾) · Wᵀ ∂J/∂W₂ ← η y\u0302\u200b "
    big = piece * (1_000_000 // len(piece))
    out = fold_unicode(big)
    assert len(out) < 4 * len(big) and "δ" not in out
    assert len(normalize(big)) < 4 * len(big)
    unclosed = "x = 1 \\text{" + " " * 1_000_000  # a remark's \text{ never closed: one pass, not quadratic
    assert drop_remark(unclosed) == unclosed
    for hostile in ("⁽" * 1_000_000, "y" + "\u0302" * 1_000_000, "^ ⊤" * 300_000, "ᵀ⊤" * 500_000):
        assert len(fold_unicode(hostile)) <= 8 * len(hostile)


def test_a_document_typed_in_unicode(tmp_path):
    spec = tmp_path / "net.toml"
    spec.write_text('name = "small"\nconvention = "row"\ninputs = 3\n[[layers]]\nunits = 4\nactivation = "sigmoid"\n'
                    '[[layers]]\nunits = 2\nactivation = "sigmoid"\n[loss]\nname = "squared_error"\n'
                    '[optimizer]\nname = "sgd"\nlearning_rate = 0.5\n', encoding="utf-8")
    doc = tmp_path / "answer.md"
    doc.write_text("# Backprop\n\n$$ δ⁽²⁾ = (ŷ − y) ⊙ ŷ ⊙ (1 − ŷ) $$\n\n$$ δ⁽¹⁾ = (W⁽²⁾)ᵀ δ⁽²⁾ ⊙ σ′(z⁽¹⁾) $$\n\n"
                   "$$ ∂J/∂b⁽¹⁾ = δ⁽²⁾ $$\n\nThe update $W₂ ← W₂ − η ∂J/∂W₂$.\n", encoding="utf-8")
    results, _meta, _ = verify_file(str(doc), str(spec))
    assert [(r.verdict, r.latex) for r in results] == [
        ("correct", "δ⁽²⁾ = (ŷ − y) ⊙ ŷ ⊙ (1 − ŷ)"), ("correct", "δ⁽¹⁾ = (W⁽²⁾)ᵀ δ⁽²⁾ ⊙ σ′(z⁽¹⁾)"),
        ("incorrect", "∂J/∂b⁽¹⁾ = δ⁽²⁾"), ("correct", "W₂ ← W₂ − η ∂J/∂W₂")]
