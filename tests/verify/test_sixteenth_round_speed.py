"""Verify's cost on long documents (issue 10's speed item, issue 12's budgets; sixteenth round, speed15): a claim's text
is normalised once however many readings, layouts and checks read it, and a run whose deadline left claims unchecked
is never a pass (exit 1, its summary and stderr say so). Oracles: the right and wrong claims' verdicts by hand
(δ⁽³⁾ = ŷ − y for a softmax output with the cross-entropy; y − ŷ its negative), counts of work done."""

from __future__ import annotations

import json

from conftest import ROOT
from gradproof.derive import limits
from gradproof.verify import normalize as normalize_mod
from gradproof.verify.judge import Judge

SPEC = str(ROOT / "examples" / "reference_mlp.toml")
RIGHT = "$$\\delta^{(3)} = \\hat y - y \\tag{right}$$\n\n"  # (reference_mlp: softmax with the cross-entropy: by hand)
SIGN = "$$\\delta^{(3)} = y - \\hat y \\tag{sign}$$\n\n"  # (its negative: wrong)


def _deadline_after(monkeypatch, n: int) -> None:
    """The run's soft deadline passes once ``n`` claims have been judged (a busy machine, made repeatable)."""
    real, judged = Judge._bounded_check, []

    def counted(self, claim, *a, **k):
        result = real(self, claim, *a, **k)
        judged.append(claim.id)  # (once judged: a claim in progress at the deadline is cut there since round 24)
        return result

    monkeypatch.setattr(Judge, "_bounded_check", counted)
    monkeypatch.setattr(limits, "overdue", lambda: len(judged) >= n)


def test_a_run_whose_deadline_left_a_wrong_claim_unchecked_is_no_pass(tmp_path, monkeypatch, capsys):
    """Thill's planted copy once exited 0 at load ~9.5: six right forward lines judged, the five slips unchecked by the
    deadline. A claim the deadline left unchecked may be wrong: exit 1, and the report says it is not a pass."""
    from gradproof.cli import main

    (tmp_path / "h.md").write_text(RIGHT + SIGN, encoding="utf-8")
    _deadline_after(monkeypatch, 1)
    code = main(["verify", str(tmp_path / "h.md"), "--spec", SPEC])
    out, err = capsys.readouterr()
    assert code == 1
    assert "NOT A PASS: 1 of the unchecked claims were not judged because the run's time ran out" in out
    assert "1 of the 2 claims" in err and "this is not a pass" in err
    _deadline_after(monkeypatch, 1)
    code = main(["verify", str(tmp_path / "h.md"), "--spec", SPEC, "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1 and data["time_ran_out"] == 1
    assert [c["verdict"] for c in data["claims"]] == ["correct", "unchecked"]


def test_a_run_the_deadline_did_not_touch_keeps_its_exit_code(tmp_path, monkeypatch, capsys):
    """Unchecked claims for any other reason do not fail a run (the documented contract), nor does a late deadline."""
    from gradproof.cli import main

    (tmp_path / "h.md").write_text(RIGHT + "$$ q = \\frac{1}{2} \\tag{free}$$\n\n", encoding="utf-8")
    _deadline_after(monkeypatch, 99)
    code = main(["verify", str(tmp_path / "h.md"), "--spec", SPEC, "--json"])
    data = json.loads(capsys.readouterr().out)
    assert [c["verdict"] for c in data["claims"]] == ["correct", "unchecked"]
    assert code == 0 and "time_ran_out" not in data


def test_a_claims_text_is_normalised_once(tmp_path, monkeypatch):
    """Thill's 162 claims were normalised ~7000 times (each reading scored, each layout, each check re-reads the
    text): 4.9 → 2.7 CPU s. Thirty copies of two claims, read in several notations: each text once."""
    from gradproof.verify.cli import verify_file

    normalize_mod._normal_form.cache_clear()
    normalize_mod._long_normal_form.cache_clear()
    seen: list[str] = []
    real = normalize_mod._normalize_new
    monkeypatch.setattr(normalize_mod, "_normalize_new", lambda text: seen.append(text) or real(text))
    body = "".join(f"## Question {k}\n\n$$\\delta^{{(3)}} = \\hat y - y$$\n\n$$\\delta^{{(3)}} = y - \\hat y$$\n\n" for k in range(30))
    (tmp_path / "long.md").write_text(body, encoding="utf-8")
    results, _, _ = verify_file(str(tmp_path / "long.md"), SPEC)
    assert [r.verdict for r in results] == ["correct", "incorrect"] * 30
    assert len(seen) == len(set(seen))  # every text normalised once
    long = "x = " + " + ".join(["a"] * 2100)  # (past MAX_REMEMBERED, within MAX_LONG_REMEMBERED: kept among few)
    normalize_mod.normalize(long), normalize_mod.normalize(long)
    assert seen.count(long) == 1
    longer = "x = " + " + ".join(["a"] * (normalize_mod.MAX_LONG_REMEMBERED // 4 + 10))  # (past both: every time)
    normalize_mod.normalize(longer), normalize_mod.normalize(longer)
    assert seen.count(longer) == 2


def test_a_reading_that_cannot_be_chosen_is_not_scored_to_the_end(monkeypatch):
    """Inference scores every reading nearest first and adopts the first best: a reading whose claims left, all read
    right, could not beat the best so far is cut (its claims still count against MAX_TRIALS). Bishop PRML §5.3.2 (a
    the summed input, z the activation, j hidden and k output units; tanh, linear, SSE): the same reading and verdicts
    as decided by hand, with the readings that number the input layer 1 cut after their first claim."""
    from gradproof.derive.derivation import derive
    from gradproof.derive.spec import spec_from_dict
    from gradproof.verify import infer
    from gradproof.verify.judge import Claim

    spec = {"name": "t", "inputs": 3, "convention": "row", "layers": [{"units": 4, "activation": "tanh"},
            {"units": 2, "activation": "identity"}], "loss": {"name": "squared_error"},
            "optimizer": {"name": "sgd", "learning_rate": 0.1}}
    claims = [("5.63", r"z_j = \tanh(a_j)"), ("5.64b", r"y_k = \sum_{j} w_{kj} z_j + b_k"),
              ("5.65", r"\delta_k = y_k - t_k"), ("5.66", r"\delta_j = (1 - z_j^2) \sum_{k} w_{kj} \delta_k"),
              ("5.67", r"\frac{\partial E_n}{\partial w_{kj}} = \delta_k z_j"),
              ("bad", r"\delta_j = z_j^2 \sum_{k} w_{kj} \delta_k")]  # (z_j^2 for 1 - z_j^2: wrong)
    trace: list = []
    monkeypatch.setattr(infer, "TRACE", trace)
    j = Judge(derive(spec_from_dict(spec), check=False))
    results = j.check_all([Claim(cid, latex) for cid, latex in claims])
    assert any("a is the summed input z and z the activation h" in c for c in j.inferred)
    assert {r.id: r.verdict for r in results} == {c: "correct" for c, _ in claims[:5]} | {"bad": "incorrect"}
    cut = {key: n for key, sc, n in trace if sc is None}
    # (Bishop's reading, scored before it, reads 5 right and 1 wrong: net 4; its first claim not read right, the 5
    # left cannot reach 5)
    assert cut[("the input is layer 1",)] == 1 and len(cut) >= 4
