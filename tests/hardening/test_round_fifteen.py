"""Hostile input, round fifteen (issue 12, sixteenth pass): what the fifteenth round added, attacked as an attacker
and as an unlucky user. benchmarks/probe_hostile.py ("r15:" probes) runs the classes through the real CLI with time
and memory measured (docs/RELIABILITY.md, "Round fifteen"). Found: NumPy's floating-point warnings leaked to stderr
from the library (``verify_file``, ``Judge``: heldout16's sreekanth_tiny, a reading scored with ``0 · log 0``) where the
CLI silenced them; the verdict is the judge's business (``unchecked``: the claim's value is not finite). Oracles: NumPy
by hand (which values are finite), counts."""

from __future__ import annotations

import warnings

import numpy as np
from gradproof.verify.cli import verify_file

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
