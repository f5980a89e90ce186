"""An author's own letter for a layered quantity, bound by its definitions (issue 10, seventh round).

ozyurtf writes ``s_1 = W_1 . a_0 + b_1``, ``s_2 = W_2 . a_1 + b_2`` and then ``a_l = g_l(s_l)``, ``∂a_1/∂s_1``,
``δ_1 = ∂C/∂ỹ ∂ỹ/∂s_2``: s is his letter for the summed input z. A letter the parser does not know, defined with a
layer number as its subscript or superscript, is evaluated at the judge's points; when its definitions equal one
quantity of the network (z or h) at the layer the script names — at every point, in a layout the answer may use —
and no more than half of them fail (a slip in one, judged as such, as in a planted s_2 = W_2 a_1 + b_1), the letter is
that quantity's letter for every layer (s_l, s_i, s_2), as the parser's ``a`` is h's. A letter whose definitions match
two quantities, or mostly none, binds nothing: its claims keep their "unknown symbol" message with the ``[notation]``
line that would resolve them.
"""

from __future__ import annotations

import re

import numpy as np

#: a layered letter's definition: s_1 = W_1 a_0 + b_1, s^{(2)} = …, s^{[2]} = … (its first side; a chain may go on)
_LAYERED_DEF = re.compile(r"\s*([A-Za-z])\s*(?:_\s*\{?\s*(\d)\s*\}?|\^\s*\{?\s*[(\[]\s*(\d)\s*[)\]]\s*\}?"
                          r"|\^\s*\{?\s*(\d)\s*\}?(?=\s*=))\s*=")
#: the quantities a letter can be bound to, by its definition: the summed input and the activation
_LAYERED_BASES = ("z", "h")
#: at most this many definitions are evaluated (each is a parse and one evaluation per point and layout)
MAX_DEFINITIONS = 24


def layered_letters(judge, claims) -> tuple[tuple, tuple]:
    """(bases, changes): (letter, base) for each unknown letter whose definitions all equal that base at their layer,
    and what was read, for the report."""
    from .infer import _normal, _sides, _unknown

    found: dict[str, list] = {}
    for c in claims:
        text = _normal(c.latex)
        m = _LAYERED_DEF.match(text)
        if m is None or len(text) > 800:
            continue
        letter, layer = m.group(1), int(m.group(2) or m.group(3) or m.group(4))
        if not 1 <= layer <= judge.net.depth or letter in found and len(found[letter]) >= MAX_DEFINITIONS:
            continue
        if (letter not in found and not _unknown(f"{letter}_{{{layer}}}", judge.notation, judge.net.depth)
                and not _target_letter(judge, letter)):
            continue
        parts = _sides(text[m.end():])
        if parts:
            found.setdefault(letter, []).append((layer, parts[0]))
    bases, changes = [], []
    for letter, defs in found.items():
        matched = [_matching_base(judge, layer, rhs) for layer, rhs in defs]
        kinds = set(matched) - {None}
        if len(kinds) == 1 and 2 * matched.count(None) <= len(matched):
            base = kinds.pop()  # (a definition that does not match, no more than half, is the answer's slip: judged)
            bases.append((letter, base))
            shown = ", ".join(f"{letter}_{layer}" for layer, _ in defs)
            changes.append(f"{letter} is the answer's letter for {'the summed input z' if base == 'z' else 'the activation h'}"
                           f" of every layer (read from its definitions {shown})")
    return tuple(bases), tuple(changes)


def _target_letter(judge, letter: str) -> bool:
    """Whether ``letter`` names the target (Y, y): a target has no layers, so the letter written with a layer's number
    and defined (ThirstyScholar's Y^1 = X W^1 + b^1, H^1 = f(Y^1)) is the author's own letter for a layered quantity."""
    from .parser import BASES

    return {**BASES, **dict(judge.notation.bases)}.get(letter) == "y"


def _matching_base(judge, layer: int, rhs: str) -> str | None:
    """The base (z or h) whose layer-``layer`` value ``rhs`` equals at every point in some layout, else None."""
    from .parser import parse_expr
    from .shapes import ShapeMismatch, evaluate
    from .tree import NeedsLayer, Unreadable

    try:
        node = parse_expr(rhs, judge.notation, judge.net.depth)
    except (Unreadable, NeedsLayer, RecursionError):
        return None
    hits = set()
    saved = judge.truth.samples
    try:
        for lay in judge.layouts:
            judge._use(lay)
            try:
                values = [evaluate(node, judge.context(env)) for env in judge.envs]
            except (ShapeMismatch, Unreadable, ValueError, FloatingPointError, IndexError):
                continue
            for base in _LAYERED_BASES:
                if all((base, layer) in env and np.shape(env[(base, layer)]) == np.shape(v)
                       and np.allclose(env[(base, layer)], v, rtol=1e-6, atol=1e-9)
                       for env, v in zip(judge.envs, values, strict=True)):
                    hits.add(base)
    finally:
        judge._use(saved)
    return hits.pop() if len(hits) == 1 else None
