"""Writing a grader reads loosely and verify reads to the letter: a claim judged ``incorrect`` only on the letter's
reading is ``unchecked``, saying why (max-amb's post, heldout11). Two classes:

- **a derivative's reach**: ``\\frac{\\partial}{\\partial a_j} (\\sum_k a_k \\omega_{ik}) + b_i`` — the operator reads
  as applying to the parenthesised group only (then ``+ b_i`` is added to the derivative), while the author means
  the derivative of the whole expression (``z_i``); which one is not certain.
- **an index both summed and free**: ``(\\sum_i \\delta_i \\omega_{ij}) f'(z_j) a_i`` — the ``i`` inside the sum is
  bound and the ``a_i`` after it carries the left side's ``i``; read as one index it "counts both 3 entries and 4".

Only ``incorrect`` verdicts change (a claim and a chain's rows, chainrows.py). Linear scans: one bounded pattern and
a parenthesis count per derivative.
"""

from __future__ import annotations

import re

#: ∂/∂q followed by an opening parenthesis: \frac{\partial}{\partial a_j^{[l-1]}} (
_OPERATOR = re.compile(r"\\frac\s*\{\s*\\partial\s*\}\s*\{\s*\\partial[^{}]{0,80}(?:\{[^{}]{0,40}\}[^{}]{0,40}){0,3}\}\s*(?:\\left\s*)?\(")
#: the parser's message for one index letter used with two sizes
_TWO_SIZES = re.compile(r"the index ([A-Za-z]) counts both")


def unjudge_loose(results) -> None:
    """The post-pass of Judge.check_all (see the module docstring)."""
    for r in results:
        for target in [r, *r.rows]:
            if target.verdict != "incorrect":
                continue
            why = _why(target.latex, target.message)
            if why:
                target.verdict, target.expected, target.counterexample = "unchecked", "", None
                target.diagnosis = target.diagnosis_key = None
                target.message = f"not judged: {why} (as read to the letter: {target.message})"


def _why(latex: str, message: str) -> str | None:
    m = _TWO_SIZES.search(message)
    if m and _summed_and_free(latex, m.group(1)):
        return (f"the index {m.group(1)} is summed over in one factor (\\sum_{m.group(1)}) and free in another, so which "
                f"{m.group(1)} is which is not certain; name the summed index with another letter")
    if _reach_open(latex):
        return ("a derivative operator written before a parenthesised group with more terms after it (∂/∂q (…) + …) "
                "reads as the derivative of the group alone, but may mean the derivative of the whole expression; "
                "put the whole expression in the parentheses")
    return None


def _reach_open(latex: str) -> bool:
    """Whether a ∂/∂q ( … ) closes before a + or − at the same level (the operator's reach is not certain)."""
    for m in _OPERATOR.finditer(latex):
        depth, i = 1, m.end()
        while i < len(latex) and depth:
            depth += {"(": 1, ")": -1}.get(latex[i], 0)
            i += 1
        rest = latex[i:].lstrip()
        if depth == 0 and rest[:1] in ("+", "-"):
            return True
    return False


def _summed_and_free(latex: str, letter: str) -> bool:
    """Whether a ``\\sum_{letter}`` sits inside parentheses that close before the letter is used again as a subscript:
    ``(\\sum_i δ_i w_{ij}) f'(z_j) a_i`` (the sum's i bound inside, a free i after); one scan per sum."""
    for m in re.finditer(r"\\sum\s*_\s*\{?\s*" + letter + r"(?![A-Za-z])", latex):
        depth, i = 0, m.start() - 1
        while i >= 0 and depth >= 0:  # the parenthesis that opens the group the sum is in
            depth += {")": 1, "(": -1}.get(latex[i], 0)
            i -= 1
        if depth >= 0:
            continue  # (not inside parentheses: the sum runs to the end of its term)
        depth, j = 1, m.end()
        while j < len(latex) and depth:
            depth += {"(": 1, ")": -1}.get(latex[j], 0)
            j += 1
        if depth == 0 and re.search(r"_\s*(?:\{[^{}]*(?<![A-Za-z])" + letter + r"(?![A-Za-z])[^{}]*\}|" + letter
                                    + r"(?![A-Za-z]))", latex[j:]):
            return True
    return False
