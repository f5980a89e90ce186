"""Untrusted claims: any text gives a verdict (never an exception), within bounded time."""

from __future__ import annotations

import time

from gradproof.verify.judge import VERDICTS, Claim, Judge
from helpers_verify import derivation
from hypothesis import given, settings
from hypothesis import strategies as st

PIECES = [r"\delta^{(2)}", r"W^{(3)}", "^T", r"\odot", r"\frac{", "}{", "}", "{", "(", ")", "[", "]", "=", "-", "+", r"\hat{y}", "y",
          r"\tanh", r"\sigma'", "^2", "_1", r"\begin{bmatrix}", r"\end{bmatrix}", r"\begin{cases}", r"\end{cases}", "&", r"\\",
          "0.5", ".627", r"\partial", r"\nabla", "h", "z", "x", "b", "|", "'", r"\lambda", r"\left(", r"\right)", r"\sum", "\\", "$"]
JUDGE = None


def judge():
    global JUDGE
    if JUDGE is None:
        JUDGE = Judge(derivation("reference_mlp"))
    return JUDGE


@settings(max_examples=150)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_any_token_soup_gets_a_verdict(pieces):
    r = judge().check(Claim("f", " ".join(pieces)))
    assert r.verdict in VERDICTS


@settings(max_examples=50)
@given(st.text(max_size=200))
def test_any_text_gets_a_verdict(text):
    assert judge().check(Claim("f", text)).verdict in VERDICTS


def test_pathological_inputs_are_fast():
    for text in ["{" * 3000 + "}" * 3000, "e^{" * 500 + "x" + "}" * 500, r"\delta^{(2)} = " + " + ".join([r"W^{(3)T}\delta^{(3)}"] * 150),
                 "x" * 4001, r"\begin{bmatrix}" + " & ".join(["1"] * 1500) + r"\end{bmatrix}"]:
        t0 = time.process_time()  # CPU time: a loaded machine stretches wall time, not the work a claim costs
        r = judge().check(Claim("p", text))
        assert r.verdict in VERDICTS and time.process_time() - t0 < 3
