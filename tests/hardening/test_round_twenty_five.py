"""Hostile input, round twenty-five (issue 12): the full probe run on the merged main, the probes "r25:" against the
twenty-fourth round's readers (benchmarks/probe_hostile.py), the reading of a long answer's notation. docs/RELIABILITY.md
"Round twenty-five". Bounds are on CPU time (``time.process_time``); expected verdicts come from oracles written here
(Python's exact integers and fractions, NumPy central differences), never from gradproof."""

from __future__ import annotations

import contextlib
import io
import json
import random
import re
import time
from fractions import Fraction

import numpy as np
import pytest

#: benchmarks/probe_hostile.py's S2: 2 inputs, 3 tanh units, 2 identity outputs, squared error
S2 = ('name = "probe"\ninputs = 2\n[[layers]]\nunits = 3\nactivation = "tanh"\n[[layers]]\nunits = 2\n'
      'activation = "identity"\n[loss]\nname = "squared_error"\n[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')
D2 = "$$\\delta^{(2)} = \\hat y - y \\tag{d2}$$\n\n"


def _verify(tmp_path, text: str, spec: str = S2):
    """``gradproof verify h.md --spec s.toml --json`` in this process: (exit code, {claim id: (verdict, message)})."""
    from gradproof.cli import main

    (tmp_path / "s.toml").write_text(spec, encoding="utf-8")
    (tmp_path / "h.md").write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["verify", str(tmp_path / "h.md"), "--spec", str(tmp_path / "s.toml"), "--json"])
    assert "Traceback" not in err.getvalue() and "internal error" not in err.getvalue(), err.getvalue()
    if code not in (0, 1):
        return code, {}
    data = json.loads(out.getvalue())
    return code, {c["id"]: (c["verdict"], c["message"]) for c in data["claims"]}


# -- arithmetic of written numbers beyond float64 -------------------------------------------------------------------------
def test_exact_arithmetic_that_float64_rounds_away_is_no_slip(tmp_path):
    """A claim whose letters do not read (Fausett's Z₁(in) = …) but whose numbers are worked exactly right with numbers
    float64 cannot hold — a difference of 300-digit or 21-digit integers, a 16-digit integer past 2^53 — was judged an
    arithmetic slip ("the numbers on the left give 0, the claim writes 3"): float64 rounds the 1 away. Python's exact
    integers say each link holds; a real slip beside them stays incorrect."""
    big = 10 ** 299
    cases = {  # id: (left side, right side as written, exact value of the left side)
        "a1": (f"({big + 1} - {big}) \\cdot 3", "3", (big + 1 - big) * 3),
        "a2": ("(100000000000000000001 - 100000000000000000000) \\cdot 3", "3",
               (100000000000000000001 - 100000000000000000000) * 3),
        "a3": ("9007199254740993 - 9007199254740992", "1", 9007199254740993 - 9007199254740992),
        "a4": ("(100000000000000000001 - 100000000000000000000) \\cdot 3", "5",
               (100000000000000000001 - 100000000000000000000) * 3),
        "slip": ("0.5 \\cdot 2 + 1.5", "3", Fraction(1, 2) * 2 + Fraction(3, 2)),
        "right": ("0.5 \\cdot 2 + 1.5", "2.5", Fraction(1, 2) * 2 + Fraction(3, 2)),
    }
    text = D2 + "".join(f"$$Z_1(in) = {a} = {b} \\tag{{{k}}}$$\n\n" for k, (a, b, _) in cases.items())
    _, got = _verify(tmp_path, text)
    for k, (_, b, exact) in cases.items():
        right = Fraction(b) == exact
        if right:
            assert got[k][0] != "incorrect", (k, got[k])  # (the base tree: a1, a2, a3 incorrect)
        elif k == "slip":
            assert got[k][0] == "incorrect", (k, got[k])  # (ordinary numbers: the slip is still found)
        else:
            assert got[k][0] in ("incorrect", "unchecked"), (k, got[k])  # (a4: float64 cannot tell 3 from 5 here)


# -- linear scans ----------------------------------------------------------------------------------------------------------
def test_a_formula_end_is_found_in_linear_time():
    """tokenreader.clean dropped a formula's closing punctuation with ``[\\s.,;]+$``, tried at each position of a run
    of dots and spaces: quadratic (16 000 characters of " ." before a letter: 0.9 CPU s; a claim of 200 000: minutes,
    inside the modules' reader of every document). Now a scan from the end: the same text as the regular expression
    (on random strings of those characters and letters) in linear time."""
    from gradproof.verify.tokenreader import without_end_punctuation

    old = re.compile(r"[\s.,;]+$")
    rng = random.Random(25)
    for _ in range(20000):
        s = "".join(rng.choice(" .,;\n\tx\u2003a") for _ in range(rng.randrange(0, 12)))
        assert without_end_punctuation(s) == old.sub("", s), repr(s)
    for n in (100_000, 400_000):
        text = " ." * n + "x" + " ;" * 10
        c0 = time.process_time()
        assert without_end_punctuation(text) == " ." * n + "x"
        assert time.process_time() - c0 < 0.5


# -- TeX comments ----------------------------------------------------------------------------------------------------------
def _tex_comment_start(line: str) -> int:
    """Where TeX's comment starts in ``line`` (-1: none), read as TeX reads: a backslash takes the next character as a
    control symbol (``\\%`` a percent sign, ``\\\\`` a row break), a % otherwise starts the comment."""
    i = 0
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        if line[i] == "%":
            return i
        i += 1
    return -1


def test_a_comment_after_a_row_break_is_a_comment():
    """``a = b \\\\% note``: a row break, then a comment — document._without_comments took the % for an escaped one
    (one backslash before it) and kept the note as the next row. Now an odd run of backslashes escapes it, as TeX reads
    (on random lines of backslashes, percent signs and letters), in linear time."""
    from gradproof.verify.document import _without_comments

    rng = random.Random(2525)
    for _ in range(20000):
        line = "".join(rng.choice("\\%ab ") for _ in range(rng.randrange(1, 14)))
        at = _tex_comment_start(line)
        want = line[:at] if at >= 0 else line
        assert _without_comments(line, whole_lines=True) == want, repr(line)
    line = "x = 1 " + "\\\\%\\%" * 100_000
    c0 = time.process_time()
    assert _without_comments(line, whole_lines=True) == "x = 1 \\\\"
    line = "x = 1 " + "\\%" * 300_000
    assert _without_comments(line, whole_lines=True) == line
    assert time.process_time() - c0 < 1.0


# -- a time limit at the end of a long C call that failed -----------------------------------------------------------------
def test_a_limit_that_expires_in_a_long_c_call_ending_in_an_error_leaves_the_error_to_its_block():
    """A block's limit that expired during a long C call which then raised (a MemoryError from 4 M index tuples, here a
    TypeError at the end of functools.reduce) was raised at the first bytecode after it — the entry of the block's own
    context manager's ``__exit__``, before the block sees the exception: the _Expired escaped every block (a
    traceback, exit 1, no JSON) and left the timer armed. Now the alarm waits for the block to unwind (the timer
    repeats): the block ends with the C call's own error, caught where it is expected, three times in a row."""
    import functools
    import itertools
    import operator

    import sympy  # noqa: F401 -- (as in a run: the limit clears SymPy's caches)
    from gradproof.derive import limits

    n = 30_000_000
    c0 = time.process_time()
    functools.reduce(operator.add, itertools.repeat(1, n))
    if time.process_time() - c0 < 0.3:
        n *= 4  # (a fast machine: a longer C call, well past the 0.1 s limit)
    for _ in range(3):
        with limits.time_limit(30, "outer", cpu=True):
            with pytest.raises((limits.TimeLimitError, TypeError)):
                with limits.time_limit(0.1, "inner", cpu=True):
                    functools.reduce(operator.add, itertools.chain(itertools.repeat(1, n), [None]))
        assert limits._unwinding[0] is None


# -- index modules: free indices counted before their values are made -------------------------------------------------
UVA_SPEC = ('name = "uva_modules"\nconvention = "row"\ninputs = 4\n\n[[layers]]\nunits = 5\nactivation = "elu"\n\n'
            '[[layers]]\nunits = 3\nactivation = "softmax"\n\n[loss]\nname = "cross_entropy"\n\n[optimizer]\n'
            'name = "sgd"\nlearning_rate = 0.1\n')


def test_a_claim_of_22_free_indices_is_refused_before_its_values_are_made(tmp_path):
    """``∂Y_{sn}/∂W_{ij} δ_{sa} δ_{sb} … = X_{sj} δ_{ni} δ_{sa} …`` (22 free indices, each with s's 2 values) made all
    2^22 index tuples before counting them: 1.6 GB, a MemoryError and (with the limit above) a traceback. Now it is
    unchecked at once, and the module's other claims keep their verdicts: ∂L/∂X = (∂L/∂Y) W, whose truth NumPy's central
    differences of L = Σ G ⊙ (X Wᵀ + b) decide here."""
    rng = np.random.default_rng(5)
    X, W, b, G = rng.normal(size=(2, 4)), rng.normal(size=(3, 4)), rng.normal(size=3), rng.normal(size=(2, 3))
    loss = lambda x: float(np.sum(G * (x @ W.T + b)))  # noqa: E731
    h = 1e-6
    dX = np.array([[(loss(X + h * e) - loss(X - h * e)) / (2 * h) for e in row] for row in np.eye(8).reshape(2, 4, 2, 4)])
    assert np.allclose(dX, G @ W, atol=1e-6) and not np.allclose(dX, G @ W[:, ::-1], atol=1e-6)
    letters = "abcdefghklmopqrtuvwxyz"
    ds = "".join(f"\\delta_{{s{c}}}" for c in letters)
    text = ("For the linear module $\\mathbf{Y} = \\mathbf{X}\\mathbf{W}^T + \\mathbf{B}$, whose rows of $\\mathbf{B}$ "
            "are $\\mathbf{b}$,\n"
            "\\[ \\frac{\\partial Y_{sn}}{\\partial W_{ij}} = X_{sj}\\delta_{ni} \\tag{a} \\]\n"
            f"\\[ \\frac{{\\partial Y_{{sn}}}}{{\\partial W_{{ij}}}} {ds} = X_{{sj}}\\delta_{{ni}} {ds} \\tag{{wide}} \\]\n"
            "\\[ \\frac{\\partial L}{\\partial \\mathbf{X}} = \\frac{\\partial L}{\\partial \\mathbf{Y}} \\mathbf{W} \\tag{dX} \\]\n")
    (tmp_path / "s.toml").write_text(UVA_SPEC, encoding="utf-8")
    (tmp_path / "h.tex").write_text(text, encoding="utf-8")
    from gradproof.cli import main

    out, err = io.StringIO(), io.StringIO()
    c0 = time.process_time()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["verify", str(tmp_path / "h.tex"), "--spec", str(tmp_path / "s.toml"), "--json"])
    assert "Traceback" not in err.getvalue() and code in (0, 1), err.getvalue()[-2000:]
    assert time.process_time() - c0 < 15
    got = {c["id"]: c["verdict"] for c in json.loads(out.getvalue())["claims"]}
    assert got["wide"] == "unchecked" and got["dX"] == "correct", got



def test_module_claims_the_soft_deadline_left_unread_say_so(tmp_path, monkeypatch):
    """The modules' reader stopped at the run's soft deadline (or never started past it) and left its claims with the
    network's reading's "could not read …", as if that were all (r25's 5000-digit probe on a busy machine: every UvA
    claim so, no word of the time). Now each claim it did not reach that takes a derivative by a module's quantity says
    the run's time ran out before it was read as a module. The deadline is simulated for the modules' reader alone."""
    from gradproof.derive import limits
    from gradproof.verify.judge import Judge

    real, late = limits.overdue, [False]
    monkeypatch.setattr(limits, "overdue", lambda: late[0] or real())
    original = Judge._modules_on_a_batch

    def at_the_deadline(self, *args):
        late[0] = True
        try:
            return original(self, *args)
        finally:
            late[0] = False

    monkeypatch.setattr(Judge, "_modules_on_a_batch", at_the_deadline)
    text = ("For the linear module $\\mathbf{Y} = \\mathbf{X}\\mathbf{W}^T + \\mathbf{B}$, whose rows of $\\mathbf{B}$ "
            "are $\\mathbf{b}$,\n"
            "\\[ \\frac{\\partial Y_{sn}}{\\partial W_{ij}} = X_{sj}\\delta_{ni} \\tag{a} \\]\n"
            "\\[ \\frac{\\partial Y_{sn}}{\\partial X_{ij}} = \\delta_{si} W_{nj} \\tag{c} \\]\n"
            "\\[ \\frac{\\partial L}{\\partial \\mathbf{X}} = \\frac{\\partial L}{\\partial \\mathbf{Y}} \\mathbf{W} \\tag{dX} \\]\n")
    (tmp_path / "s.toml").write_text(UVA_SPEC, encoding="utf-8")
    (tmp_path / "h.tex").write_text(text, encoding="utf-8")
    from gradproof.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["verify", str(tmp_path / "h.tex"), "--spec", str(tmp_path / "s.toml"), "--json"])
    assert code in (0, 1), err.getvalue()
    got = {c["id"]: c for c in json.loads(out.getvalue())["claims"]}
    for cid in ("a", "c", "dX"):
        assert got[cid]["verdict"] == "unchecked" and "the run's time ran out" in got[cid]["message"], got[cid]


if __name__ == "__main__":
    pytest.main([__file__, "-q"])
