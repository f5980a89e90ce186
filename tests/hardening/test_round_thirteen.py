"""Hostile input, round thirteen (issue 12, fourteenth pass): what the thirteenth round and this round's first commits
added, attacked. benchmarks/probe_hostile.py ("r13:" probes) runs the classes through the real CLI with time and memory
measured (docs/RELIABILITY.md, "Round thirteen"). Found: the question heading of each equation was looked up by
listing every heading again (2·10⁵ headings beside 2000 equations: 4·10⁸ list entries); and inference judged identical
claims once per copy in each candidate reading (open item of round twelve). Bounds are on CPU time, so a loaded machine
does not fail them. Oracles: the heading each equation stands under, by hand; σ output with the cross-entropy: δ⁽²⁾ =
ŷ − y by hand."""

from __future__ import annotations

import gc

from gradproof.verify import infer as infer_module
from gradproof.verify.cli import verify_file
from gradproof.verify.document import extract
from gradproof.verify.judge import Judge
from test_round_ten import cpu


# -- question scopes: each equation's heading found by one binary search ---------------------------------------------------
def test_many_question_headings_beside_many_equations():
    """90 000 question headings (``# Q17``), an equation under every 46th: each claim's id names the heading it stands
    under (``Q{k}.1``, by hand), and finding it no longer lists every heading again per equation (was ~5 CPU s)."""
    parts, expected = [], []
    for k in range(90000):
        parts.append(f"# Q{k}\n")
        if k % 46 == 0:
            parts.append(f"$x_{{{k}}} = {k}$\n")
            expected.append(f"Q{k}.1")
    text = "".join(parts)
    gc.collect()  # (the suite's earlier objects: a full collection inside the timed call cost more than the call, 3.3 s)
    gc.disable()
    try:
        t0 = cpu()
        claims = extract(text)
        spent = cpu() - t0
    finally:
        gc.enable()
    assert spent < 3  # ~1.4 CPU s by one binary search per equation; the old listing of every heading took ~5
    assert [c.id for c in claims] == expected


def test_a_heading_ends_a_question_paragraph_at_any_count():
    """1000 question paragraphs, each followed by a heading that is no question: a paragraph's claim is ``Q{k}.1``,
    the claim after the heading ``line N`` (by hand: block k starts on line 6k − 5, its second claim four lines on)."""
    text = "".join(f"**Q{k}:** $a_{{{k}}} = 1$\n\n## Notes\n\n$b_{{{k}}} = 2$\n\n" for k in range(1, 1001))
    expected = [i for k in range(1, 1001) for i in (f"Q{k}.1", f"line {6 * k - 5 + 4}")]
    assert [c.id for c in extract(text)] == expected


# -- inference: identical claims judged once per candidate reading -----------------------------------------------------------
RUIZ = ('name = "ruiz"\ninputs = 2\n[[layers]]\nunits = 3\nactivation = "relu"\n[[layers]]\nunits = 1\nactivation = '
        '"sigmoid"\n[loss]\nname = "binary_cross_entropy"\n[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')
BARE = ("$$z = w x + b$$\n\n$$a = \\sigma(z)$$\n\n$$L = L(a, y)$$\n\n")
COPY = "$$\\frac{\\partial L}{\\partial b} = (a - y) \\cdot \\sigma'(z)$$\n\n"
D2 = "$$\\delta^{(2)} = \\hat y - y \\tag{d2}$$\n\n"  # (σ output, cross-entropy: ∂L/∂z⁽²⁾ = σ(z) − y = ŷ − y, by hand)


def _inferred(tmp_path, monkeypatch, copies: int):
    """The claims checked while the notation is inferred, and the results, for ``copies`` copies of one claim."""
    calls, inside = [0], [False]
    real_infer, real_check = infer_module.infer, Judge._check_one

    def infer(judge, claims):
        inside[0] = True
        try:
            return real_infer(judge, claims)
        finally:
            inside[0] = False

    def check_one(self, claim, *args, **kwargs):
        calls[0] += inside[0]
        return real_check(self, claim, *args, **kwargs)

    monkeypatch.setattr(infer_module, "infer", infer)
    monkeypatch.setattr(Judge, "_check_one", check_one)
    (tmp_path / "s.toml").write_text(RUIZ)
    (tmp_path / "h.md").write_text(BARE + COPY * copies + D2)
    results, _, _ = verify_file(str(tmp_path / "h.md"), str(tmp_path / "s.toml"))
    return calls[0], results


def test_inference_judges_identical_claims_once_per_reading(tmp_path, monkeypatch):
    """30 copies of one claim (a short answer: every claim is evidence) cost inference what one copy does, not 30 times
    as much; every copy keeps the single copy's verdict, and δ⁽²⁾ = ŷ − y is right (by hand)."""
    one, single = _inferred(tmp_path, monkeypatch, 1)
    many, results = _inferred(tmp_path, monkeypatch, 30)
    assert one > 0
    assert many <= 2 * one  # (before: about 30 × one)
    by_id = {r.id: r for r in results}
    assert by_id["d2"].verdict == "correct"
    copy_verdict = single[3].verdict
    assert [r.verdict for r in results[3:33]] == [copy_verdict] * 30
