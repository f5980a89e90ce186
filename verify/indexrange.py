r"""A unit's definition written once for an index and its range (issue 10, forty-eighth round).

A first homework names the hidden units by an index and says which values it takes: ``h_j = \sigma(z_j)`` with
``z_j = w_{1j} x_1 + w_{2j} x_2 + b_j`` for ``j = 1, 2`` — the same definitions a worked example writes out unit by
unit (``z_1 = w_{11} x_1 + w_{21} x_2 + b_1``, ``z_2 = …``). The notation a reader infers from such written-out
definitions (which digit of ``w_{12}`` is the input's, that ``z_1`` is a hidden unit's sum) is inferred from these as
well: ``written_out`` gives each definition whose left side carries an index with a stated range once per value.
The range is the one the answer states after a definition (``, \quad j = 1, 2``; document.py appends a range stated in
the sentence's prose, "… for $j = 1, 2$"), counting up from 1 to at most 9; a letter given two ranges is not expanded.
Linear in the claims' length; at most ``MAX_ROWS`` rows are written out.
"""

from __future__ import annotations

import re

#: at most this many written-out rows in all
MAX_ROWS = 400
#: an index's range at the end of a definition: , \quad j = 1, 2; j = 1, 2, 3; j = 1, \ldots, 4 — the index letter (not
#: l, a layer's) and its last value
_RANGE = re.compile(r"(?:^|,|\\q?quad(?![A-Za-z])|\\text\s*\{\s*for\s*\})\s*(?<![A-Za-z\\])([a-km-z])\s*=\s*1\s*"
                    r"((?:,\s*\d\s*)*)(?:,\s*(?:\\[lc]?dots|\\ldots|\.\.\.|…)\s*,\s*(\d))?\s*[.,;]?\s*$")
#: a definition's left side named by a letter and an index letter: z_j =, h_{j} =, a_k =
_INDEXED_LHS = re.compile(r"\s*([A-Za-z])\s*_\s*(?:\{\s*([a-z])\s*\}|([a-z]))\s*=")
#: a subscript, braced or one character
_SUBSCRIPT = re.compile(r"([A-Za-z])\s*_\s*(\{[^{}]{1,12}\}|[A-Za-z0-9])")


def _range(text: str) -> tuple[str, int] | None:
    """(index letter, last value) of the range ``text`` states at its end, or None."""
    m = _RANGE.search(text[-80:])
    if m is None:
        return None
    listed = [int(v) for v in re.findall(r"\d", m.group(2))]
    if listed != list(range(2, len(listed) + 2)):
        return None  # (1, 2, 3 counts up; a one-hot y = 1, 0, 0 is no range)
    last = int(m.group(3)) if m.group(3) else listed[-1] if listed else None
    if last is None or last < 2 or (m.group(3) and listed and last <= listed[-1]):
        return None
    return m.group(1), last


def ranges(texts) -> dict:
    """{index letter: its last value} of the ranges the texts state (a letter given two ranges: neither)."""
    found: dict = {}
    for t in texts:
        r = _range(t)
        if r is not None:
            found.setdefault(r[0], set()).add(r[1])
    return {k: v.pop() for k, v in found.items() if len(v) == 1}


def written_out(texts) -> list[str]:
    """Each definition of ``texts`` indexed by a letter with a stated range (in any of them), once per value of the
    index: ``z_j = w_{1j} x_1 + b_j, \\quad j = 1, 2`` → ``z_1 = w_{11} x_1 + b_1``, ``z_2 = w_{12} x_1 + b_2``."""
    texts = list(texts)
    known = ranges(texts)
    out: list[str] = []
    for t in texts:
        m = _INDEXED_LHS.match(t)
        index = m and (m.group(2) or m.group(3))
        if index not in known:
            continue
        body = t[:len(t) - len(t[-80:])] + _RANGE.sub("", t[-80:])
        letter = re.compile(r"(?<![A-Za-z\\])" + index + r"(?![A-Za-z])")
        for v in range(1, known[index] + 1):
            if len(out) >= MAX_ROWS:
                return out
            out.append(_SUBSCRIPT.sub(lambda s, v=v, letter=letter: f"{s.group(1)}_{letter.sub(str(v), s.group(2))}",
                                      body).rstrip(" ,;."))
    return out
