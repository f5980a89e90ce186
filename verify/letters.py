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
_LAYERED_DEF = re.compile(r"\s*([A-Za-z])\s*(?:_\s*\{?\s*(\d)\s*\}?|\^\s*\{?\s*[(\[]\s*(\d)\s*[)\]]\s*\}?)\s*=")
#: the target's letter with a bare layer number as its superscript: ThirstyScholar's Y^1 = X W^1 + b^1
_BARE_LAYER_DEF = re.compile(r"\s*([A-Za-z])\s*\^\s*\{?\s*(\d)\s*\}?\s*=")
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
        bare = _BARE_LAYER_DEF.match(text) if m is None else None
        if bare is not None and _target_letter(judge, bare.group(1)):
            m = bare  # (a bare superscript read as a layer: only on the target's letter, and only if the definition holds)
        elif m is None or len(text) > 800:
            continue
        if len(text) > 800:
            continue
        letter, layer = m.group(1), int(m.group(2) or (m.group(3) if m.re is _LAYERED_DEF else None))
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


#: the letter an unread claim names (parser's message): ``unknown symbol 'omega'``
_UNKNOWN = re.compile(r"unknown symbol '([A-Za-z]{1,12})'")


def weight_letters(judge, claims) -> tuple[tuple, tuple]:
    """(bases, changes): a letter the answer's forward definitions put in the weights' place (max-amb's
    ``z^{[l]} = \\omega^{[l]} a^{[l-1]} + b^{[l]}``, ``z_j^{[l]} = (\\sum_i a_i^{[l-1]} \\omega_{ji}^{[l]}) + b_j^{[l]}``):
    an unknown letter (Latin or Greek) that makes a definition of z hold, at every layer it names and every point,
    when read as W — in at least one definition and in more than half of those that read — is the answer's letter for
    the weights of every layer. One unknown letter per definition; at most ``MAX_DEFINITIONS`` are evaluated."""
    from .infer import _normal, _sides
    from .parser import parse_claim
    from .tree import NeedsLayer, Unreadable

    votes: dict[str, list[bool]] = {}
    tried = 0
    for c in claims:
        text = _normal(c.latex)
        if len(text) > 800 or "\\partial" in text or "\\nabla" in text or tried >= MAX_DEFINITIONS:
            continue
        sides = _sides(text)
        for side in sides[1:]:
            pair = f"{sides[0]} = {side}"
            try:
                parse_claim(pair, judge.notation, judge.net.depth, {v: 1 for v in "lkL"})
                continue
            except (NeedsLayer, RecursionError):
                continue
            except Unreadable as exc:
                m = _UNKNOWN.search(str(exc))
            if m is None or m.group(1) in ("sum", "prod"):
                continue
            tried += 1
            letter = m.group(1)
            held = _holds_as(judge, pair, letter)
            if held is not None:
                votes.setdefault(letter, []).append(held)
    bases, changes = [], []
    for letter, held in votes.items():
        if any(held) and 2 * held.count(False) < len(held):
            bases.append((letter, "W"))
            changes.append(f"{letter} is the answer's letter for the weights W of every layer (read from its forward "
                           f"definitions of z: {held.count(True)} of {len(held)} hold so)")
    return tuple(bases), tuple(changes)


def _holds_as(judge, pair: str, letter: str) -> bool | None:
    """Whether ``pair`` (a definition of z) holds with ``letter`` read as W, at every layer its generic letter can
    name and every point, in one of the judge's layouts; None when it does not read as a definition of z."""
    from dataclasses import replace as _replace

    from .paramletters import _values
    from .parser import parse_claim
    from .shapes import ShapeMismatch, free_indices
    from .tree import NeedsLayer, NoSuchLayer, Unreadable

    notation = _replace(judge.notation, bases=judge.notation.bases + ((letter, "W"),))
    depth = judge.net.depth
    envs = [None]
    try:
        parse_claim(pair, notation, depth)
    except NeedsLayer as need:
        envs = [{need.var: k} for k in range(1, depth + 1)]
    except (Unreadable, RecursionError):
        return None
    read, saved = 0, judge.truth.samples
    try:
        for env in envs:
            try:
                sides, rels = parse_claim(pair, notation, depth, env)
            except (NoSuchLayer, NeedsLayer, Unreadable, RecursionError):
                continue
            left = sides[0].args[0] if sides[0].op in ("comp", "entry") else sides[0]
            if rels != ["="] or left.op != "q" or left.value[0] != "z":
                return None
            read += 1
            free = free_indices(sides[0])
            if sorted(free) != sorted(free_indices(sides[1])):
                return False
            ok = False
            for lay in judge.layouts:
                judge._use(lay)
                try:
                    a, b = _values(judge, sides[0], free), _values(judge, sides[1], free)
                except (ShapeMismatch, Unreadable, NeedsLayer, ValueError, FloatingPointError, IndexError, KeyError,
                        TypeError):
                    continue
                if all(x.shape == y.shape and np.all(np.isfinite(x)) and np.allclose(x, y, rtol=1e-6, atol=1e-9)
                       for x, y in zip(a, b, strict=True)):
                    ok = True
                    break
            if not ok:
                return False
    finally:
        judge._use(saved)
    return True if read else None


#: a squared difference of a letter and its hatted form, in an objective's definition (after normalize: \hata):
#: C = \sum_i (a_i - \hat{a_i})^2, (\hat{a} - a)^2
_HATTED_PAIR = re.compile(r"\(\s*([A-Za-z])(?![A-Za-z])[^()]{0,60}?-\s*\\hat\1(?![A-Za-z])[^()]{0,60}\)\s*\^\s*\{?\s*2"
                          r"|\(\s*\\hat([A-Za-z])(?![A-Za-z])[^()]{0,60}?-\s*\2(?![A-Za-z])[^()]{0,60}\)\s*\^\s*\{?\s*2")


def hatted_target(judge, claims) -> tuple[tuple, tuple, dict]:
    """(bases, changes, rewritten): the answer's objective defined as the squared difference of the output's letter and
    that letter hatted (max-amb's ``C = \\sum_i (a_i - \\hat{a_i})^2``, a the activations): the hatted letter is the
    target (``\\hat{a_j^{[L]}}`` the output layer's target), as the definition's own pairing shows — a hat that is not
    ŷ's; and in that definition the letter without a layer is the output (``rewritten``: claim id -> its text with
    the bare letter written ŷ, read so; the report shows the text as written)."""
    from .infer import _normal
    from .lossname import DEFINES_OBJECTIVE
    from .parser import BASES

    bases = {**BASES, **dict(judge.notation.bases)}
    y_output = None  # (_y_is_the_output of the whole answer: asked once, not at each of 2000 definitions)
    for c in claims:
        if len(c.latex) > 800 or not DEFINES_OBJECTIVE.match(c.latex) or "\\partial" in c.latex:
            continue
        m = _HATTED_PAIR.search(_normal(c.latex))
        letter = m and (m.group(1) or m.group(2))
        if letter == "y" and "haty" not in bases and y_output is None:
            y_output = _y_is_the_output(claims)
        if letter == "y" and "haty" not in bases and y_output:
            # Hoa Dinh's handout: y = wx + b, then L = ½(y − \hat{y})²: the answer's y is its prediction, ŷ the target
            return (("y", "yhat"), ("haty", "y")), ("y is the output and \\hat{y} the target (the answer's own forward "
                                                    f"definition y = … of the input, and its objective {c.id})",), {}
        if letter and letter not in "yY" and bases.get(letter) in ("h", "yhat") and f"hat{letter}" not in bases:
            bare = re.compile(rf"(?<![A-Za-z\\]){letter}(?![A-Za-z])(?!\s*(?:_\s*(?:\{{[^{{}}]*\}}|\w)\s*)?\^)")
            own = bare.sub(r"\\hat{y}", _normal(c.latex))
            return ((f"hat{letter}", "y"),), (f"\\hat{{{letter}}} is the target and {letter} without a layer the output "
                                              f"(the answer's objective {c.id} is the squared difference of {letter} and "
                                              f"\\hat{{{letter}}})",), {c.id: own}
    return (), (), {}


#: y defined by a forward map of the input (y = wx + b, y = W^T x + b, y = \sigma(w^T x + b)); ŷ defined by anything
_Y_OF_INPUT = re.compile(r"^\s*y\s*=\s*[^=]{0,120}?(?<![A-Za-vyz\\])[xX](?![A-Za-z])[^=]{0,120}$")
_HAT_Y_DEFINED = re.compile(r"^\s*\\haty\s*(?:[_^]\s*(?:\{[^{}=]{0,16}\}|\w)\s*){0,3}:?=")


def _y_is_the_output(claims) -> bool:
    """Whether the answer defines y as its network's output, a map of the input with its parameters (``y = wx + b``),
    and never defines ŷ: then ŷ, in its objective beside y, is the target (the reverse of the usual hats)."""
    from .infer import _normal, definitions

    texts = [_normal(c.latex) for c in definitions(claims) if len(c.latex) <= 400]
    if not any(_Y_OF_INPUT.match(t) and re.search(r"(?<![A-Za-z\\])(?:[wW]|\\theta)", t) for t in texts):
        return False
    return not any(_HAT_Y_DEFINED.match(_normal(c.latex[:400])) for c in claims[:2000] if "hat" in c.latex)
