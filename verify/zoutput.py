"""The summed-input letter z (Z) that an answer defines as a layer's output (issue 10, eighth round).

CMU 10-714's notes write ``Z_1 = ReLU(X W_1)``, ``Z_2 = Z_1 W_2`` (the logits) and, in the lecture part of the same
document, ``Z_1 = X``, ``Z_{i+1} = σ_i(Z_i W_i)``: Z is the author's letter for what a layer puts out (or takes in),
not gradproof's summed input z. Read as z, the author's own correct definitions are judged wrong (false rejects).

The rule, decided by evaluation, not by the letters' look: a letter z or Z that the judge reads as the summed input,
with a layer number, whose definitions in the answer (``Z_1 = …``) include one equal to that layer's activation h at
every point (in a layout the answer may use) and none equal to its summed input z, does not mean z in this answer.
Every claim that writes that letter is then ``unchecked`` with the reason — its judged verdict would be about another
quantity. An answer whose other definition of z^{(1)} is the summed input (a planted ``z = σ(Wx + b)`` beside the right
``z = Wx + b``) keeps the z reading, and the planted line stays wrong.
"""

from __future__ import annotations

import re

from .letters import _LAYERED_DEF, MAX_DEFINITIONS, _matching_base

#: the letters the parser reads as the summed input z
_Z_LETTERS = ("z", "Z")


def output_z_letters(judge, claims, every: bool = False) -> dict[str, str]:
    """{letter: "Z_1 = … (claim id)"} for each z letter the answer defines as a layer's activation, never as z (with
    ``every``: only the letters whose every definition is its layer's activation)."""
    from .infer import _normal, _sides
    from .parser import parse_expr
    from .tree import NeedsLayer, Unreadable

    defs: dict[str, list] = {}
    for c in claims:
        text = _normal(c.latex)
        if len(text) > 800:
            continue
        m = _LAYERED_DEF.match(text)
        if m is None or m.group(1) not in _Z_LETTERS:
            continue
        letter, layer = m.group(1), int(m.group(2) or m.group(3))
        if not 1 <= layer <= judge.net.depth or len(defs.get(letter, ())) >= MAX_DEFINITIONS:
            continue
        parts = _sides(text[m.end():])
        if parts:
            defs.setdefault(letter, []).append((layer, parts[0].strip(), c))
    found = {}
    for letter, items in defs.items():
        try:  # only while the judge reads the letter as the summed input (Bishop's z_j = h(a_j) is bound to h already)
            node = parse_expr(f"{letter}_{{{items[0][0]}}}", judge.notation, judge.net.depth)
        except (Unreadable, NeedsLayer, RecursionError):
            continue
        if node.op != "q" or node.value != ("z", items[0][0]):
            continue
        bases = [(_matching_base(judge, layer, rhs), c) for layer, rhs, c in items]
        if any(b == "z" for b, _ in bases) or every and any(b != "h" for b, _ in bases):
            continue
        shown = next((f"{_shown(c.latex)}, {c.id}" for b, c in bases if b == "h"), None)
        if shown is not None:
            found[letter] = shown
    return found


def activation_letters(judge, claims) -> tuple[str, ...]:
    """The z letters whose every definition in the answer is its layer's activation (MIT 6.S191's z_1 = g(w_1 x), then
    ŷ = g(w_2 z_1)): read as h — the answer's own definitions all say so, none says otherwise (CMU 10-714's Z_1 = X
    beside Z_1 = ReLU(X W_1) keeps its claims unchecked, ``output_z_letters``)."""
    return tuple(output_z_letters(judge, claims, every=True))


def _shown(latex: str) -> str:
    text = " ".join(latex.replace("$", " ").split())
    return text if len(text) <= 60 else text[:57] + "…"


def unjudge_output_z(claims, results, found: dict[str, str]) -> None:
    """Every judged claim that writes one of ``found``'s letters becomes ``unchecked``, with the definition that shows
    the letter is no summed input."""
    from .infer import _normal

    if not found:
        return
    patterns = {letter: re.compile(rf"(?<![A-Za-z\\]){letter}(?![A-Za-z])") for letter in found}
    for c, r in zip(claims, results, strict=True):
        if r.verdict not in ("correct", "incorrect", "carried_forward"):
            continue
        text = _normal(c.latex)
        used = next((letter for letter, p in patterns.items() if p.search(text)), None)
        if used is None:
            continue
        r.unjudge()
        r.links = []
        r.message = (f"not judged: the answer defines {used} as a layer's output ({found[used]}), not as the summed "
                     f"input z that {used} means by default, so which quantity each {used} names is not certain; say "
                     f"it in [notation] (e.g. \"{used}_1\" = \"h1\")")
