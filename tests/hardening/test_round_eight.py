"""Hostile input, round eight (issue 12, ninth pass): the patterns ``benchmarks/regex_pump.py verify`` listed as
superlinear (each now linear by itself, pumped here both as it is called and by an unanchored search), quantity names
and rubric entries with layer numbers of thousands of digits, and the eighth round's new readings under hostile input.
benchmarks/probe_hostile.py ("r8:" probes) runs the same classes through the real CLI with time and memory measured
(docs/RELIABILITY.md, "Round eight"). Bounds are on CPU time, so a loaded machine does not fail them."""

from __future__ import annotations

import os
import re

import pytest
from gradproof.derive.errors import AnswerError
from gradproof.derive.spec import spec_from_dict
from gradproof.verify import answers, infer, rubric, truth
from hypothesis import given
from hypothesis import strategies as st


def cpu() -> float:
    t = os.times()
    return t.user + t.system


# -- the patterns regex_pump listed ------------------------------------------------------------------------------------------
#: (pattern, how verify calls it, the string regex_pump found worst: prefix + snippet × n + "!"); n = 20 000 here, 33 × the
#: pump's 600, so a quadratic pattern would take about 1000 × the pump's time at n (seconds), a linear one milliseconds
PUMPED = [
    (infer._SYMBOL, "fullmatch", "\n", "Za"),
    (infer._SYMBOL, "fullmatch", "a", "_b"),
    (infer._SYMBOL, "fullmatch", "a", "_{b}"),
    (truth._TOP, "fullmatch", "_", "Za"),
    (truth._TOP, "fullmatch", "a", "a1"),
    (re.compile(r"(?<![A-Za-z_])[A-Za-z_]+?(\d+)(?:_next)?"), "fullmatch", "", "next"),  # rubric.check_against
    (re.compile(r"(?<!\d)(\d+)(_next)?$"), "search", "$$", "1"),  # answers._layer_of
]


@pytest.mark.parametrize("pattern, use, prefix, snippet", PUMPED)
def test_the_listed_patterns_are_linear_when_pumped(pattern, use, prefix, snippet):
    """Each pattern regex_pump listed, on 20 000 repeats of its worst snippet: as verify calls it and by an unanchored
    search (the pump's own test). Before: ×14–16 per 4× the input (quadratic), 0.2–1.7 s at 2400 repeats."""
    text = prefix + snippet * 20_000 + "!"
    t0 = cpu()
    getattr(pattern, use)(text)
    pattern.search(text)
    assert cpu() - t0 < 0.5


def test_the_patterns_in_the_source_are_the_ones_pumped():
    """The rubric's and the answers file's patterns are literals in their functions: the test pumps the same text."""
    import inspect

    assert r'r"(?<![A-Za-z_])[A-Za-z_]+?(\d+)(?:_next)?"' in inspect.getsource(rubric.check_against)
    assert r'r"(?<!\d)(\d+)(_next)?$"' in inspect.getsource(answers._layer_of)


@given(st.text(alphabet="ab_^{}1 \\", max_size=30))
def test_the_look_behinds_do_not_change_what_fullmatch_reads(s):
    """A look-behind at a string's start always holds: the patterns read every name as before."""
    old_symbol = re.compile(r"\s*(\\?[A-Za-z]+(?:\s*[_^]\s*(?:\{[^{}]{0,40}\}|[A-Za-z0-9]))*)\s*$")
    for old, new in ((old_symbol, infer._SYMBOL), (re.compile(r"([A-Za-z]+?)(\d+)$"), truth._TOP)):
        a, b = old.fullmatch(s), new.fullmatch(s)
        assert (a and a.groups()) == (b and b.groups())


# -- quantity names and rubric entries with huge layer numbers ------------------------------------------------------------
NET = {"name": "r8", "inputs": 2, "layers": [{"units": 3, "activation": "tanh"}, {"units": 2, "activation": "identity"}],
       "loss": {"name": "squared_error"}, "optimizer": {"name": "sgd", "learning_rate": 0.1}}


@pytest.mark.parametrize("quantity", ["z" + "1" * 5000, "S_W" + "1" * 200_000, "W" + "9" * 4400 + "_next", "dWL" + "1" * 5000])
def test_a_quantity_with_thousands_of_digits_is_refused_by_name(quantity):
    """Before: "internal error: ValueError: Exceeds the limit (4300 digits) for integer string conversion" (the layer
    number went to int()). Now refused like any other unknown quantity, the value shortened in the message."""
    data = {"claims": [{"id": "a", "latex": "z = 1", "quantity": quantity}]}
    with pytest.raises(AnswerError, match="is not a quantity name") as e:
        answers.answers_from_dict(data, "a.toml", spec_override=spec_from_dict(NET))
    assert len(str(e.value)) < 400


def test_a_rubric_entry_with_thousands_of_digits_is_an_id_not_a_layer():
    r = rubric.rubric_from_dict({"questions": [{"id": "Q1", "points": 1, "expects": ["dW" + "1" * 5000]}]}, "r.toml")
    rubric.check_against(r, 2, answers.valid_quantity)  # a claim id that no claim has: no error, no int() of it
