"""The answer's own letters for the network's weights and biases, read from its forward definitions.

``h = \\tanh(V x + b)``, ``\\hat y = \\sigma(w^T h + c)``, ``o = \\sum_j v_j h_j + c``: letters that name parameters
(V, c, v unknown to the parser; b, w read by convention as "any layer's") are bound by matching each definition
against the network's forward pass at the judge's random points. For the letters of one definition every assignment
of distinct parameters (W⁽ˡ⁾, W⁽ˡ⁾ᵀ, b⁽ˡ⁾) is tried — a bounded enumeration — and a letter is bound only when one
assignment fits (or all fitting ones agree on it). A letter two definitions bind differently, or one definition
leaves open, stays unread: its claims are ``unchecked`` with the candidates and the ``[notation]`` line.

A weight the answer uses transposed from the spec's orientation (``w^T h`` under a row-convention spec, where W⁽²⁾
is 1 × n: the answer's w is W⁽²⁾ᵀ) is bound as that transpose (a macro), and ∂ℓ/∂w is then (∂ℓ/∂W⁽²⁾)ᵀ
(parser.gradient). Only definitions with at least one letter the parser does not know are tried, so an answer the
conventions already read is untouched.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

import numpy as np

from .infer import _normal, _sides
from .parser import Notation, parse_expr
from .tree import NeedsLayer, Unreadable

#: a single letter standing alone (not in a command, not a subscript or superscript): V, c, v in v_j, w in w^T
_LETTER = re.compile(r"(?<![A-Za-z\\_^{])([A-Za-z])(?![A-Za-z])")
#: a letter inside braces after a script mark is a script too: the start of the script group (x^{T}, b_{j})
_SCRIPT_OPEN = re.compile(r"[_^]\s*\{")
#: at most this many letters per definition, definitions tried, and assignments per definition (issue 12: bounded)
MAX_LETTERS = 3
MAX_DEFINITIONS = 12
MAX_ASSIGNMENTS = 400
#: an own letter's sum (s = w^T a + b) is tried as the summed input of each layer only in a network of at most this many
MAX_OWN_SUM_LAYERS = 4


def _letters(rhs: str) -> list[str]:
    """The letters of a right side outside scripts and commands, in order of first use."""
    out: list[str] = []
    # mark the characters inside script groups (^{…}, _{…}): their letters are indices or transposes
    inside = [False] * len(rhs)
    for m in _SCRIPT_OPEN.finditer(rhs):
        level, j = 0, m.end() - 1
        while j < len(rhs):
            level += {"{": 1, "}": -1}.get(rhs[j], 0)
            inside[j] = True
            if level == 0:
                break
            j += 1
    for m in _LETTER.finditer(rhs):
        if not inside[m.start()] and m.group(1) not in out:
            out.append(m.group(1))
    return out


def _kind(letter: str, notation: Notation, depth: int) -> str | None:
    """``unknown`` (the parser does not know the letter), ``generic`` (a parameter letter read for any layer: w, W, b)
    or None (it reads as something: x, y, h, e)."""
    try:
        parse_expr(letter, notation, depth)
    except NeedsLayer as exc:
        return "generic" if "parameter without a layer" in str(exc) else None
    except Unreadable as exc:
        return "unknown" if "unknown symbol" in str(exc) else None
    except Exception:  # noqa: BLE001 -- anything else: it means something
        return None
    return None


def _layered_elsewhere(letter: str, text: str) -> bool:
    """Whether the answer writes ``letter`` with a layer or a name script somewhere (W_1, b^{(2)}, w_o): then the
    convention's reading of it stays (binding it to one parameter would misread those)."""
    pat = re.compile(rf"(?<![A-Za-z\\]){letter}\s*(?:\^\s*\{{?\s*[(\[]?\s*[0-9lLkK]|_\s*\{{?\s*(?:[0-9]|[a-zA-Z]{{2}}|[ohOHL]\b))")
    return bool(pat.search(text))


def _candidates(net) -> list[tuple]:
    """(kind, layer, transposed) of every dense parameter: W⁽ˡ⁾, W⁽ˡ⁾ᵀ, b⁽ˡ⁾."""
    out = []
    for layer in net.layers:
        out += [("W", layer.index, False), ("W", layer.index, True)]
        if layer.bias:
            out.append(("b", layer.index, False))
    return out


def _tex(cand: tuple) -> str:
    kind, layer, transposed = cand
    base = f"{kind}^{{({layer})}}"
    return f"{{{base}}}^{{\\top}}" if transposed else base


def _name(cand: tuple) -> str:
    kind, layer, transposed = cand
    return f"{kind}{layer}" + ("ᵀ" if transposed else "")


def _with(notation: Notation, binding: dict) -> Notation:
    """``notation`` with the letters of ``binding`` read as their parameters (a transposed weight as a macro)."""
    fixed = tuple((k, (c[0], c[1])) for k, c in binding.items() if not c[2])
    macros = tuple((k, _tex(c)) for k, c in binding.items() if c[2])
    keys = set(binding)
    return replace(notation, fixed=tuple(f for f in notation.fixed if f[0] not in keys) + fixed,
                   macros=tuple(m for m in notation.macros if m[0] not in keys) + macros)


def _values(judge, node, free: list) -> list:
    from .shapes import evaluate, evaluate_over, index_sizes

    out = []
    for env in judge.envs:
        ctx = judge.context(env)
        out.append(np.asarray(evaluate_over(node, ctx, free, index_sizes((node,), free, ctx)) if free
                              else evaluate(node, ctx), dtype=float))
    return out


def _fits(judge, lhs: str, rhs: str, notation: Notation) -> bool:
    """Whether ``lhs = rhs`` holds at every point of the judge in one of its layouts, read with ``notation``."""
    from .shapes import ShapeMismatch, free_indices

    depth = judge.net.depth
    try:
        left, right = parse_expr(lhs, notation, depth), parse_expr(rhs, notation, depth)
    except (Unreadable, NeedsLayer, RecursionError, ValueError):
        return False
    free = free_indices(left)
    if sorted(free) != sorted(free_indices(right)):
        return False
    for lay in judge.layouts:
        judge._use(lay)
        try:
            a, b = _values(judge, left, free), _values(judge, right, free)
        except (ShapeMismatch, Unreadable, NeedsLayer, ValueError, FloatingPointError, IndexError, KeyError, TypeError):
            continue
        if all(x.shape == y.shape and np.all(np.isfinite(x)) and np.allclose(x, y, rtol=1e-6, atol=1e-9)
               for x, y in zip(a, b, strict=True)):
            return True
    return False


def _same_vector(a: tuple, b: tuple, net) -> bool:
    """W⁽ˡ⁾ and W⁽ˡ⁾ᵀ of a layer with one unit (or one input): the same vector, entry by entry (v_j)."""
    if a[:2] != b[:2] or a[0] != "W":
        return False
    layer = next(lay for lay in net.layers if lay.index == a[1])
    return layer.units == 1 or net.layers.index(layer) == 0 and net.inputs == 1


#: an affine right side: a sum (s = w^T a + b), no function applied to the whole of it
_AFFINE_SUM = re.compile(r"^[^(){}]*?[A-Za-z][^()]*\+")


def _forward_definitions(claims, notation: Notation, depth: int):
    """(claim, left sides, right) of the claims ``q = …`` whose left side reads as a forward quantity (z, h, ŷ or an
    entry of one) and whose right side is not a derivative: the answer's forward equations. A letter of the answer's
    own defined as a sum (the logit ``s = \\mathbf{w}^\\top \\mathbf{a} + b``, a symbol of its own: infer.bind_symbols) is
    a summed input of some layer: its left sides are every layer's z."""
    own = {k for k, _ in notation.macros if re.fullmatch(r"[A-Za-z]", k)}
    for c in claims:
        text = _normal(c.latex)
        if "\\partial" in text or "\\nabla" in text:
            continue
        sides = _sides(text)
        if len(sides) != 2 or len(sides[1]) > 400 or len(sides[0]) > 40:
            continue
        if sides[0].strip() in own and _AFFINE_SUM.match(sides[1]):
            if depth <= MAX_OWN_SUM_LAYERS:  # (each assignment is tried at every layer: bounded, issue 12)
                yield c, [f"z^{{({n})}}" for n in range(1, depth + 1)], sides[1]
            continue
        try:
            node = parse_expr(sides[0], notation, depth)
        except (Unreadable, NeedsLayer, RecursionError):
            continue
        if node.op in ("comp", "entry"):
            node = node.args[0]
        if node.op == "q" and node.value[0] in ("z", "h", "yhat"):
            yield c, [sides[0]], sides[1]


def parameter_letters(judge, claims) -> tuple[dict, dict, list]:
    """Bind the answer's letters for parameters from its forward definitions.

    Returns (bound: {letter: (kind, layer, transposed)}, open: {letter: (candidate names, the defining claim id)},
    notes for the report header)."""
    notation, depth, net = judge.notation, judge.net.depth, judge.net
    if getattr(net, "has_kinds", False):
        return {}, {}, []
    known = {k for k, _ in notation.fixed} | {k for k, _ in notation.macros} | {k for k, _ in notation.bases}
    text = " ".join(_normal(c.latex) for c in claims)
    cands = _candidates(net)
    per_letter: dict[str, list] = {}  # letter -> [(the set of its fitting candidates, claim id)]
    saved = judge.truth.samples
    tried = 0
    try:
        for c, lefts, rhs in _forward_definitions(claims, notation, depth):
            if tried >= MAX_DEFINITIONS:
                break
            kinds = {x: _kind(x, notation, depth) for x in _letters(rhs) if x not in known}
            unknown = [x for x, k in kinds.items() if k == "unknown"]
            generic = [x for x, k in kinds.items() if k == "generic" and not _layered_elsewhere(x, text)]
            if not unknown and not (len(lefts) > 1 and generic):
                continue  # (an own letter's sum: its w and b are tried though the parser reads them for any layer)
            letters = unknown + generic
            if len(letters) > MAX_LETTERS:
                continue
            tried += 1
            fits = []
            for n, combo in enumerate(itertools.permutations(cands, len(letters))):
                if n >= MAX_ASSIGNMENTS:
                    break
                if len({cand[:2] for cand in combo}) < len(combo):
                    continue  # two letters, one parameter (W and Wᵀ): not two names of one thing
                binding = dict(zip(letters, combo, strict=True))
                read = _with(notation, binding)
                if any(_fits(judge, lhs, rhs, read) for lhs in lefts):
                    fits.append(binding)
            if not fits:
                continue
            for x in letters:
                options = {f[x] for f in fits}
                if len(options) == 2 and _same_vector(*sorted(options), net):
                    options = {min(options, key=lambda o: o[2])}  # v_j of a vector: W⁽ˡ⁾ read untransposed
                per_letter.setdefault(x, []).append((options, c.id))
    finally:
        judge._use(saved)
    bound, open_ = {}, {}
    for x, found in per_letter.items():
        common = set.intersection(*(o for o, _ in found))
        if len(common) == 1:
            bound[x] = next(iter(common))
        elif kinds_unknown(x, notation, depth):
            union = set.union(*(o for o, _ in found))
            open_[x] = (sorted(_name(o) for o in (common or union)), found[0][1])
    notes = []
    if bound:
        notes.append("the answer's own parameter letters, from its forward definitions: "
                     + ", ".join(f"{x} is {_name(c)}" for x, c in bound.items()))
    return bound, open_, notes


def kinds_unknown(letter: str, notation: Notation, depth: int) -> bool:
    return _kind(letter, notation, depth) == "unknown"


def open_message(letter: str, names: list, claim_id: str) -> str:
    """Why a claim using an unbound parameter letter is not judged, with the [notation] line that settles it."""
    plain = names[0].replace("ᵀ", "")
    return (f"{letter} names one of {', '.join(names)} by the answer's definition ({claim_id}), and nothing decides "
            f"which: not judged on a guess; say it in [notation], e.g. \"{letter}\" = \"{plain}\"")


def apply(judge, claims) -> None:
    """Bind the letters (``parameter_letters``) into the judge's notation and remember the open ones for the
    results (``unjudge_open``)."""
    bound, open_, notes = parameter_letters(judge, claims)
    judge.param_open = {**getattr(judge, "param_open", {}), **open_}
    if bound:
        judge.notation = _with(judge.notation, bound)
        judge.inferred += tuple(n for n in notes if n not in judge.inferred)


#: how an unread letter shows in an unchecked result's message
def _mentions(message: str, letter: str) -> bool:
    return f"unknown symbol '{letter}'" in message or f"with respect to '{letter}'" in message


def unjudge_open(judge, results) -> None:
    """Claims left unread by a parameter letter the definitions do not settle: the reason and the [notation] line."""
    open_ = getattr(judge, "param_open", {})
    for r in results:
        if r.verdict != "unchecked":
            continue
        for letter, (names, cid) in open_.items():
            if _mentions(r.message, letter):
                r.message = "could not read the claim: " + open_message(letter, names, cid)
                break
