"""Hostile input, round sixteen (issue 12, seventeenth pass): what the sixteenth round added (answers TOML read as
plain text, optimizer walk-throughs, MathJax 2 script blocks, ``\\displaylines``, kramdown ``$$`` spans, code-span
givens, normalize's new patterns), attacked as an attacker and as an unlucky user. benchmarks/probe_hostile.py
("r16:" probes) runs them through the real CLI with time and memory measured (docs/RELIABILITY.md, "Round sixteen").
Found: a hyper-parameter's last digits were lost when the optimizer's update was compiled (lambdify prints a Float
with 15 significant digits), so β₂ = 1 − 2⁻⁵³ became 1.0 and the spec was refused with a message blaming [values].
Oracles: Adam's step by hand in NumPy (float64), counts and CPU bounds."""

from __future__ import annotations

import numpy as np
from gradproof.derive import names
from gradproof.derive.derivation import derive
from gradproof.derive.numeric import compile_updates, run_updates
from gradproof.derive.spec import load_spec
from gradproof.verify.cli import verify_file

#: the float just below 1 (1 − 2⁻⁵³): 1 − β is 1.1e-16, exactly representable; at 15 digits it prints as 1.0
BETA2 = 0.9999999999999999


def _spec(beta2: float, lr: float = 0.1) -> str:
    return ('name = "w"\nconvention = "row"\ninputs = 1\n[[layers]]\nunits = 1\nactivation = "identity"\nbias = false\n'
            f'[loss]\nname = "sum_squared_error"\n[optimizer]\nname = "adam"\nlearning_rate = {lr!r}\nbeta1 = 0.9\n'
            f'beta2 = {beta2!r}\nepsilon = 1e-8\nepsilon_placement = "inside"\n')


def _adam_by_hand(w, g, beta1, beta2, lr, eps, t=1):
    """One Adam step from zero state, written out in NumPy float64 (epsilon inside the root)."""
    m = (1 - beta1) * g
    v = (1 - beta2) * g * g
    mhat, vhat = m / (1 - beta1 ** t), v / (1 - beta2 ** t)
    return w - lr * mhat / np.sqrt(vhat + eps), vhat


def test_hyper_parameters_keep_every_digit_when_compiled(tmp_path):
    """The compiled Adam update with β₂ = 1 − 2⁻⁵³ and a learning rate of 17 significant digits equals the step by hand
    in float64 (before: β₂ printed as 1.00000000000000, 1 − β₂ᵗ = 0, v̂ = inf, w = nan)."""
    for beta2, lr in ((BETA2, 0.1), (0.999, 0.12345678901234568), (1 - 2.0 ** -40, 1e-3)):
        (tmp_path / "s.toml").write_text(_spec(beta2, lr))
        spec = load_spec(tmp_path / "s.toml")
        d = derive(spec)
        compiled = compile_updates(d.updates, spec.hyper_dict)
        w, g = np.array([[3.0]]), np.array([[-16.0]])
        new, after = run_updates(compiled, {"W1": w}, {names.grad("W1"): g}, None, 1)
        want_w, want_vhat = _adam_by_hand(w, g, 0.9, beta2, lr, 1e-8)
        assert np.isfinite(new["W1"]).all()
        np.testing.assert_allclose(after["vhat_W1"], want_vhat, rtol=1e-12)
        np.testing.assert_allclose(new["W1"], want_w, rtol=1e-14)


def test_a_beta_one_ulp_below_one_is_read_not_blamed_on_values(tmp_path):
    """verify with β₂ = 1 − 2⁻⁵³: the worked example is read and Adam's first step judged against the step by hand
    (w = 3 − 0.1·m̂/√(v̂ + ε), written as a walk-through's step); before: exit 2,
    "[values]: values overflow float64 … vhat_W1 is not finite"."""
    (tmp_path / "s.toml").write_text(_spec(BETA2))
    w_new, _ = _adam_by_hand(3.0, 2 * (3 * 2 - 10) * 2, 0.9, BETA2, 0.1, 1e-8)  # g = 2(wx − y)x by hand
    claims = {"g1": "2 × (-4) × 2 = -16", "m1": "m = 0.9 × 0 + 0.1 × (-16) = -1.6", "w1": f"w = 3 + 1.6 / 16 = {w_new:.4f}",
              "wrong": "w = 3 + 1.6 / 8 = 3.2"}  # (√v̂ taken as 8: 3.2 is not the step by hand)
    assert abs(3.2 - w_new) > 0.05
    body = "".join(f"[[claims]]\nid = \"{k}\"\nlatex = '''{v}'''\n" for k, v in claims.items())
    (tmp_path / "a.toml").write_text(f'spec = "s.toml"\nbatch = 1\n[values]\nx = [2]\ny = [10]\nW1 = [[3]]\n{body}')
    results, _, _ = verify_file(str(tmp_path / "a.toml"))
    got = {r.id: r.verdict for r in results}
    assert got["w1"] == "correct" and got["wrong"] == "incorrect", got


def test_a_beta_that_rounds_to_one_names_its_key_and_the_rounding(tmp_path):
    """β₂ = 0.99999999999999999 (1 − 10⁻¹⁷: float64 reads 1.0, as Python's float() does) is refused at
    optimizer.beta2 with the rounding named, not later as a [values] overflow."""
    from gradproof.derive.errors import GradproofError
    assert float("0.99999999999999999") == 1.0  # the oracle: the decimal is 1.0 in float64
    (tmp_path / "s.toml").write_text(_spec(BETA2).replace(f"beta2 = {BETA2!r}", "beta2 = 0.99999999999999999"))
    try:
        load_spec(tmp_path / "s.toml")
    except GradproofError as e:
        message = str(e)
    else:
        raise AssertionError("accepted")
    assert "optimizer.beta2" in message and "float64" in message and "[values]" not in message
