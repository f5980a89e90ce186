"""Ids of the sixteenth round's coordinator (issue 10, heldout16's first measurement: 44 ids not found, each a display
verify did not see or numbered against the documented rule): MathJax 2's own markup
``<script type="math/tex; mode=display">`` (kramdown and Jekyll posts), kramdown's ``$$…$$`` inside a line of prose
(inline math: its spans are ``line N``, ``line N#2``), and MathJax's ``\\displaylines{…}`` whose rows (broken by
``\\\\[5mm]``) are ``line N.k``, N the row's own line, a ``\\text{and}`` row counted among the rows but no claim."""

from __future__ import annotations

from test_fifteenth_round_coordinator import HEADER, by_id, verify

# HEADER (lines 1-6, the 6th blank) defines the batch and the objective; the network is 3-4(relu)-3(softmax), samples as rows.
GOOD_Z = "Z^{(1)} = X W^{(1)\\top} + b^{(1)}"
GOOD_A = "A^{(1)} = \\max(0, Z^{(1)})"
BAD_A = "A^{(1)} = \\sigma(Z^{(1)})"  # (planted: σ for the network's ReLU)


def test_a_mathjax_script_display_is_a_display(tmp_path):
    """A Jekyll post's ``<script type="math/tex; mode=display">`` … ``</script>``: a display, its claim named by the
    line its text starts on; the planted one judged incorrect, the right one correct."""
    body = HEADER + (f"<script type=\"math/tex; mode=display\">\n{GOOD_Z}\n</script>\n\n"
                     f"<script type=\"math/tex; mode=display\">\n{BAD_A}\n</script>\n")
    got = by_id(verify(tmp_path, body))
    assert got["line 8"].verdict == "correct"
    assert got["line 12"].verdict == "incorrect"


def test_a_mathjax_script_without_display_mode_is_inline(tmp_path):
    """``<script type="math/tex">`` is MathJax 2's inline math: a relation in it is the line's claim."""
    body = HEADER + f"The layer is <script type=\"math/tex\">{BAD_A}</script> here.\n"
    got = by_id(verify(tmp_path, body))
    assert got["line 7"].verdict == "incorrect"


def test_kramdown_display_dollars_inside_a_sentence_are_inline(tmp_path):
    """kramdown renders ``$$…$$`` inside a line of prose as inline math: the spans without a relation are no claims,
    so the line's one relation is ``line N`` (not ``line N#3``); a ``$$`` display on its own lines stays a display."""
    body = HEADER + (f"Write $$m$$ for the batch and $$i$$ for a row; then $${BAD_A}$$.\n\n$$\n{GOOD_Z}\n$$\n")
    got = by_id(verify(tmp_path, body))
    assert got["line 7"].verdict == "incorrect"
    assert "line 7#2" not in got
    assert got["line 10"].verdict == "correct"


def test_displaylines_rows_are_numbered_by_their_own_lines(tmp_path):
    """``$$ \\displaylines{ a \\\\[5mm] b } $$``: the frame is layout only; row 1 starts on the line after the frame's
    opener, row 2 on its own line after ``\\\\[5mm]``; a ``\\text{and}`` row keeps its number but is no claim."""
    body = HEADER + (f"$$\n\\displaylines{{\n{GOOD_Z}\n\\\\[5mm]\n{BAD_A}\n\\\\[5mm]}}\n$$\n\n"  # lines 7-13
                     f"$$\n\\displaylines{{{GOOD_Z}\n\\\\[3mm]\n\\text{{and}}\n\\\\[3mm]\n{GOOD_A}\n}}\n$$\n")  # 15-22
    got = by_id(verify(tmp_path, body))
    assert got["line 9.1"].verdict == "correct" and got["line 11.2"].verdict == "incorrect"
    assert got["line 16.1"].verdict == "correct" and got["line 20.3"].verdict == "correct"
    assert "line 18.2" not in got
