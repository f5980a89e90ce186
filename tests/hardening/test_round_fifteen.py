"""Hostile input, round fifteen (issue 12, sixteenth pass): what the fifteenth round added, attacked as an attacker
and as an unlucky user. benchmarks/probe_hostile.py ("r15:" probes) runs the classes through the real CLI with time
and memory measured (docs/RELIABILITY.md, "Round fifteen"). Found: NumPy's floating-point warnings leaked to stderr
from the library (``verify_file``, ``Judge``: heldout16's sreekanth_tiny, a reading scored with ``0 · log 0``) where the
CLI silenced them; the verdict is the judge's business (``unchecked``: the claim's value is not finite). Oracles: NumPy
by hand (which values are finite), counts."""

from __future__ import annotations

import dataclasses
import warnings

import numpy as np
from gradproof.verify.cli import verify_file
from test_round_ten import cpu

RELU_BCE = ('name = "s"\ninputs = 2\n[[layers]]\nunits = 3\nactivation = "relu"\n[[layers]]\nunits = 1\nactivation = '
            '"sigmoid"\n[loss]\nname = "binary_cross_entropy"\n[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')


def _answers(tmp_path, spec: str, claims: dict, extra: str = "") -> str:
    (tmp_path / "s.toml").write_text(spec)
    body = "".join(f"[[claims]]\nid = \"{k}\"\nlatex = '{v}'\n" for k, v in claims.items())
    (tmp_path / "a.toml").write_text(f'spec = "s.toml"\n{extra}{body}')
    return str(tmp_path / "a.toml")


# -- NumPy's RuntimeWarnings: never on stderr, whoever calls verify ------------------------------------------------------
#: (a term added to a right δ², that term's value by hand in NumPy at every point: the claim's value is finite iff it is)
ADDED = {
    "zerolog": (r"0 \cdot \log(0)", lambda: np.float64(0.0) * np.log(np.float64(0.0))),
    "self": (r"0 \cdot \log(z^{(1)}_1 - z^{(1)}_1)", lambda: np.float64(0.0) * np.log(np.float64(0.0))),
    "sqrt": (r"\sqrt{-1 - (\hat y)^2} \cdot 0", lambda: np.sqrt(np.float64(-1.0)) * 0.0),
    "huge": (r"e^{1000} - e^{1000}", lambda: np.exp(np.float64(1000.0)) - np.exp(np.float64(1000.0))),
    "fine": (r"0 \cdot \log(2)", lambda: np.float64(0.0) * np.log(np.float64(2.0))),
}


def test_a_non_finite_value_is_a_verdict_never_a_warning(tmp_path):
    """Claims whose own value is NaN at every point (0·log 0, √(−1)·0, e^1000 − e^1000) through the library's
    ``verify_file``: ``unchecked`` (not finite), the finite one ``correct``, and not one warning raised (before: 66
    ``RuntimeWarning: invalid value encountered in multiply/subtract`` printed; the CLI alone silenced them)."""
    path = _answers(tmp_path, RELU_BCE, {k: rf"\delta^{{(2)}} = \hat y - y + {t}" for k, (t, _) in ADDED.items()})
    with np.errstate(all="ignore"):
        finite = {k: bool(np.isfinite(f())) for k, (_, f) in ADDED.items()}  # the oracle
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        results, _, _ = verify_file(path)
    got = {r.id: r.verdict for r in results}
    assert got == {k: "correct" if finite[k] else "unchecked" for k in ADDED}
    assert [str(w.message) for w in caught] == []
    assert np.geterr()["invalid"] == "warn"  # (the caller's own NumPy settings are left as they were)


# -- {a \over b} as an argument: a script's, \sqrt's, \frac's ------------------------------------------------------------
TANH_ID = ('name = "s"\ninputs = 2\n[[layers]]\nunits = 3\nactivation = "tanh"\n[[layers]]\nunits = 2\nactivation = '
           '"identity"\n[loss]\nname = "squared_error"\n[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')
#: (the factor written before (ŷ − y) in δ² = factor (ŷ − y), its value by hand): δ² = ŷ − y under the identity output
#: and the squared error, so the claim holds iff the factor is 1
OVER = {
    "alone": (r"{2 \over 2}", 2 / 2),
    "wrong": (r"{2 \over 1}", 2 / 1),
    "frac1": (r"\frac{2 \over 2}{1}", (2 / 2) / 1),
    "frac2": (r"\frac{1}{1 \over 2}", 1 / (1 / 2)),
    "frac2ok": (r"\frac{1}{2 \over 2}", 1 / (2 / 2)),
    "sqrt": (r"\sqrt{4 \over 4}", (4 / 4) ** 0.5),
    "sqrtbad": (r"\sqrt{4 \over 1}", (4 / 1) ** 0.5),
    "nested": (r"{{2 \over 4} \over {1 \over 2}}", (2 / 4) / (1 / 2)),
    "exp": (r"e^{0 \over 1}", 2.718281828459045 ** (0 / 1)),
    "expbad": (r"e^{1 \over 1}", 2.718281828459045 ** (1 / 1)),
    "after": (r"\frac12{2 \over 1}", 0.5 * (2 / 1)),
}


def test_an_over_group_that_is_an_argument_stays_one(tmp_path):
    """``\\frac{2 \\over 2}{1}``, ``e^{0 \\over 1}``, ``\\frac{1}{1 \\over 2}``: a group holding ``\\over`` that is a
    command's or a script's argument keeps its braces around the fraction (before: ``\\frac\\frac{2}{2}{1}`` and
    ``e^\\frac{0}{1}``, "could not read the claim"); each verdict is the one the factor's value by hand gives."""
    (tmp_path / "s.toml").write_text(TANH_ID)
    for k, (t, value) in OVER.items():  # each alone: a wrong definition of δ² would make the later ones unread
        (tmp_path / "h.md").write_text(f"$$\\delta^{{(2)}} = {t} (\\hat y - y) \\tag{{{k}}}$$\n")
        results, _, _ = verify_file(str(tmp_path / "h.md"), str(tmp_path / "s.toml"))
        assert results[0].verdict == ("correct" if abs(value - 1) < 1e-12 else "incorrect"), (k, results[0].message)


# -- walkthrough: a later step's value, its gradients, its tolerance -----------------------------------------------------
ADAM = ('name = "w"\nconvention = "row"\ninputs = 1\n[[layers]]\nunits = 1\nactivation = "identity"\nbias = false\n'
        '[loss]\nname = "sum_squared_error"\n[optimizer]\nname = "adam"\nlearning_rate = 0.1\nbeta1 = 0.9\nbeta2 = 0.999\n'
        'epsilon = 1e-8\nepsilon_placement = "inside"\n')
W0, X1, Y1, X2, Y2, B1, B2, LR = 0.5, 1.0, 3.0, 2.0, 1.0, 0.9, 0.999, 0.1


def _adam_by_hand():
    """Two Adam steps on (w x − y)² by hand in NumPy (the gradient 2 (w x − y) x, checked by central differences)."""
    loss = lambda w, x, y: (w * x - y) ** 2  # noqa: E731
    grad = lambda w, x, y: 2 * (w * x - y) * x  # noqa: E731
    for w, x, y in ((W0, X1, Y1), (0.6, X2, Y2)):
        assert abs((loss(w + 1e-6, x, y) - loss(w - 1e-6, x, y)) / 2e-6 - grad(w, x, y)) < 1e-6
    g1 = grad(W0, X1, Y1)
    m1, v1 = (1 - B1) * g1, (1 - B2) * g1 ** 2
    w1 = W0 - LR * (m1 / (1 - B1)) / np.sqrt(v1 / (1 - B2) + 1e-8)
    g2 = grad(w1, X2, Y2)
    m2 = B1 * m1 + (1 - B1) * g2
    return {"g1": g1, "m1": m1, "v1": v1, "w1": w1, "g2": g2, "m2": m2, "mhat2": m2 / (1 - B1 ** 2)}


def _walk(tmp_path, claims: list[tuple[str, str]]) -> dict:
    (tmp_path / "s.toml").write_text(ADAM)
    body = "".join(f"[[claims]]\nid = \"{k}\"\nlatex = '''{t}'''\n" for k, t in claims)
    (tmp_path / "a.toml").write_text(f'spec = "s.toml"\nbatch = 1\n[values]\nx = [{X1}]\ny = [{Y1}]\nW1 = [[{W0}]]\n{body}')
    results, _, _ = verify_file(str(tmp_path / "a.toml"))
    return {r.id: r for r in results}


def _first_step(h) -> list[tuple[str, str]]:
    return [("g1", f"2 × ({W0} × {X1:g} - {Y1:g}) × {X1:g} = {h['g1']:g}"),
            ("m1", f"m = 0.9 × 0 + 0.1 × ({h['g1']:g}) = {h['m1']:.4g}"),
            ("v1", f"v = 0.999 × 0 + 0.001 × ({h['g1']:g})² = {h['v1']:.4g}"),
            ("w1", f"w = {W0} + {LR:g} × {-h['m1'] / (1 - B1):g} / {np.sqrt(h['v1'] / (1 - B2)):g} = {h['w1']:.4g}")]


def test_a_wrong_beta_is_not_a_rounded_right_one(tmp_path):
    """m̂ after step 2 written with β₁ = 0.8 in its bias correction, ``-0.37 / (1 - 0.8²)`` (−1.03; by hand −1.95): one
    unit in the last digit of 0.8 is 0.9, so "one unit carried" made it ``correct`` (main); half a unit, the rounding of
    the digits written, makes it ``incorrect``, and the right ``-0.37 / (1 - 0.9²) = -1.947`` stays ``correct``."""
    h = _adam_by_hand()
    wrong = -0.37 / (1 - 0.8 ** 2)
    assert f"{h['m2']:.4g}" == "-0.37" and abs(wrong - h["mhat2"]) > 0.4 * abs(h["mhat2"])
    got = _walk(tmp_path, _first_step(h) + [
        ("g2", f"2 × ({h['w1']:.4g} × {X2:g} - {Y2:g}) × {X2:g} = {h['g2']:.4g}"),
        ("m2", f"m = 0.9 × ({h['m1']:.4g}) + 0.1 × {h['g2']:.4g} = {h['m2']:.4g}"),
        ("right", f"m̂ = {h['m2']:.4g} / (1 - 0.9²) = {h['mhat2']:.4f}"),
        ("beta", f"m̂ = {h['m2']:.4g} / (1 - 0.8²)")])
    assert {k: got[k].verdict for k in ("m1", "v1", "w1", "m2", "right", "beta")} == {
        "m1": "correct", "v1": "correct", "w1": "correct", "m2": "correct", "right": "correct", "beta": "incorrect"}


def test_a_huge_written_gradient_decides_nothing(tmp_path):
    """Step 2's only written number a gradient of 2·10¹⁹ or 2·10¹⁶⁰ where the step's real gradient (0.8 by hand) is
    not written: m and v after step 2, right with 0.8, are ``unchecked`` (main: m ``incorrect`` — a change of 1 in the
    gradient vanished beside 10¹⁹, so m seemed not to use it; v ``correct`` against the overflowed inf)."""
    h = _adam_by_hand()
    v2 = B2 * h["v1"] + (1 - B2) * h["g2"] ** 2
    for zeros in (19, 160):
        huge = 2 * 10.0 ** zeros
        with np.errstate(over="ignore"):  # (Adam's v with it: inf at 10¹⁶⁰)
            assert np.isfinite(np.float64(huge) ** 2) == (zeros < 100)
        got = _walk(tmp_path, _first_step(h) + [
            ("g2", f"2 × 1{'0' * zeros} = 2{'0' * zeros}"),
            ("m2", f"m = 0.9 × ({h['m1']:.4g}) + 0.1 × {h['g2']:.4g} = {h['m2']:.4g}"),
            ("v2", f"v = 0.999 × {h['v1']:.4g} + 0.001 × ({h['g2']:.4g})² = {v2:.4g}")])
        assert (got["m2"].verdict, got["v2"].verdict) == ("unchecked", "unchecked"), (zeros, got["m2"].message,
                                                                                      got["v2"].message)


def test_a_later_step_tries_the_nearest_gradients_only(tmp_path, monkeypatch):
    """600 chains with no subject (candidate gradients) then 600 values of step 2: each value is tried with the 8
    gradients written nearest before it (main: with every one, 320 000 optimizer steps, 8.7 CPU s); the right m after
    step 2 whose gradient is among them stays ``correct``."""
    from gradproof.verify import walkthrough

    h = _adam_by_hand()
    runs = []
    real = walkthrough._Walk._run
    monkeypatch.setattr(walkthrough._Walk, "_run", lambda self, *a: runs.append(1) or real(self, *a))
    n = 600
    chains = [(f"c{k}", f"2 × {k + 1} = {2 * (k + 1)}") for k in range(n)]
    values = [(f"val{k}", f"m = 0.9 × ({h['m1']:.4g}) + 0.1 × {2 * (k % 50 + 1)} = {B1 * h['m1'] + 0.2 * (k % 50 + 1):.4g}")
              for k in range(n)]
    right = [("g2", f"2 × ({h['w1']:.4g} × {X2:g} - {Y2:g}) × {X2:g} = {h['g2']:.4g}"),
             ("m2", f"m = 0.9 × ({h['m1']:.4g}) + 0.1 × {h['g2']:.4g} = {h['m2']:.4g}")]
    t0 = cpu()
    got = _walk(tmp_path, _first_step(h) + chains + values + right)
    spent = cpu() - t0
    assert got["m2"].verdict == "correct"
    assert len(runs) <= (walkthrough.MAX_GRADIENTS + 2) * (n + 2)
    print(f"{len(runs)} optimizer steps, {spent:.1f} CPU s")


# -- rubric.grade: every item found through indexes, as the pairwise rule finds it --------------------------------------
def _naive_found(e: str, exact: bool, qid: str, results) -> list:
    """The claims an expected item names, by the rule written out (the rubric module's docstring): the id itself or it
    followed by "." or "#", or the quantity (dz_l read as delta_l); else a row with that id; else the claim whose id's
    Problem/Exercise/Task word read as Q is; else an unread claim under the question's own id."""
    def canon(name):
        return "delta" + name[2:] if name.startswith("dz") and name[2:].isdigit() else name

    def under(label, e):
        return label == e or label.startswith(e + ".") or label.startswith(e + "#")

    def alias(cid):
        for word in ("problem", "exercise", "task"):
            if cid.lower().startswith(word) and cid[len(word):len(word) + 1].isdigit():
                return "Q" + cid[len(word):]
        return None

    found = [r for r in results if (r.id == e if exact else under(r.id, e) or (
        r.quantity is not None and canon(r.quantity) == canon(e)))]
    found = found or [row for r in results for row in r.rows if row.id == e]
    found = found or [r for r in results if alias(r.id) is not None and (alias(r.id) == e if exact else under(alias(r.id), e))]
    if not found and not exact:
        found = [r for r in results if r.quantity is None and r.verdict == "unchecked" and under(r.id, qid)]
    return found


def test_a_rubric_finds_what_the_pairwise_rule_finds_in_linear_time():
    """Random answers (ids Q1, Q1.2, Problem1.2, 2.15#2, rows, quantities dz2/delta2) and random rubrics, exact or
    not: every item's claims are those the rule written out finds, in the answer's order; 2000 items over 2000 claims
    (main: 6.4 CPU s, a regular expression per pair) take a fraction of a second."""
    from gradproof.verify.judge import ClaimResult
    from gradproof.verify.rubric import grade, rubric_from_dict

    rng = np.random.default_rng(15)
    words = ["Q1", "Q12", "Q1.2", "Q1.2.3", "Q1#2", "Problem1", "Problem1.2", "problem12.1", "Task3", "Exercise1.1",
             "2.15", "2.15#2", "line 4", "line 4.1", "dz2", "delta2", "Q"]
    for trial in range(60):
        results = []
        for _ in range(int(rng.integers(1, 14))):
            r = ClaimResult(str(rng.choice(words)), "x = 1", str(rng.choice(["correct", "incorrect", "unchecked"])), "",
                            "m", quantity=None if rng.random() < 0.5 else str(rng.choice(["dz2", "delta2", "dW1"])))
            r.rows = [ClaimResult(str(rng.choice(words)) + f".{j + 1}", "", "correct", "", "") for j in
                      range(int(rng.integers(0, 3)))]
            results.append(r)
        qs = [{"id": str(qid), "points": 1, "expects": [str(rng.choice(words)) for _ in range(3)]}
              for qid in rng.choice(words, size=4, replace=False)]
        exact = trial % 3 == 0
        rub = rubric_from_dict({"questions": qs})
        rub = dataclasses.replace(rub, questions=tuple(dataclasses.replace(q, exact=exact) for q in rub.questions))
        got = grade(rub, results)
        for q, g in zip(rub.questions, got.questions, strict=True):
            for e, item in zip(q.expects, g.items, strict=True):
                want = _naive_found(e, exact, q.id, results)
                assert [id(r) for r in item.claims] == [id(r) for r in want], (trial, e, q.id)
    big = [ClaimResult(f"Problem{k}.1", "x = 1", "correct", "", "ok", quantity="dz2" if k % 7 else None) for k in range(2000)]
    rub = rubric_from_dict({"questions": [{"id": f"Q{k}", "points": 1, "expects": [f"Q{4 * k + j}.1" for j in range(4)]}
                                          for k in range(500)]})
    t0 = cpu()
    assert grade(rub, big).score == 500
    assert cpu() - t0 < 2.0
