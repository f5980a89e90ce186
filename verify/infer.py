"""Notation inference: work out the answer's notation from its own forward definitions, as a careful TA does.

Courses disagree on what a letter means: ``a`` is the activation for Ng and Nielsen but the summed input for Bishop
and Goodfellow (whose activations are ``z`` and ``h``); UFLDL and Nielsen number the input as layer 1, and UFLDL's
``W^{(1)}`` leaves layer 1 where Ng's ``W^{[1]}`` enters it; Bishop names layers by index letter (``a_j``, ``δ_k``);
d2l writes ``z``, ``h``, ``o`` without a layer in a one-hidden-layer net.

The answer's definitions (``a_j = \\sum_i w_{ji} z_i``, ``z^{(2)} = W^{(1)} x + b^{(1)}``, ``o = W^{(2)} h``) are
claims about the forward pass whose meaning fixes these choices. With the default reading, when every definition
holds, nothing changes. Otherwise readings are tried, nearest first (one choice changed, then two, …); the reading
that makes the most definitions correct is adopted when the evidence is clear — every definition (at least two, or
one the default could not read), or at least two more than the default (an answer's own mistake in one definition
must not hide its notation) — and no other reading at the same distance does as well. Otherwise the default
stands. Declared ``[notation]`` keys and options are never changed. The work is bounded (``MAX_TRIALS`` claim checks).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from .normalize import normalize
from .parser import Notation

MAX_TRIALS = 240
#: letters whose meaning varies: the summed input z or the activation h
LETTERS = ("a", "z", "h", "A", "Z", "H")
#: a claim about the forward pass: a letter (with scripts) = an expression with no derivative in it
_DEFINITION = re.compile(r"^\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?([A-Za-z])\b")
_DERIVATIVE = re.compile(r"\\partial|\\nabla|\\delta|\\Delta|\bd[A-Za-z]\^|\bd[A-Za-z]_|\\frac\s*\{\s*d|'")


#: choices settled by the claims that use the symbol, not by definitions: (pattern, when)
_USES = {"L": re.compile(r"(?<![A-Za-z\\])L(?![A-Za-z])"), "delta": re.compile(r"\\delta|\\Delta"),
         "states": re.compile(r"(?<![A-Za-z\\])[sSvV]\s*(?:\^\s*\{[^{}]*\}\s*)?_")}


@dataclass(frozen=True)
class Reading:
    """One way of reading the answer's letters; ``changes`` says what differs from the default, for the report."""

    notation: Notation
    changes: tuple


def definitions(claims) -> list:
    """The claims that define a forward quantity: ``z^{(1)} = W^{(1)} x + b^{(1)}``, ``a_j = \\sum_i w_{ji} z_i``."""
    out = []
    for c in claims:
        text = normalize(c.latex.replace("$", " "))
        if "=" not in text or _DERIVATIVE.search(text):
            continue
        m = _DEFINITION.match(text.split("=")[0])
        if m and m.group(1) in LETTERS + ("o", "O", "x"):
            out.append(c)
    return out


def readings(base: Notation, claims, depth: int, net=None, batch: int = 1,
             declared_notation: Notation | None = None) -> tuple[list[list[Reading]], list]:
    """Candidate readings grouped by distance from the default (index 0 holds only the default), and the claims
    beyond the definitions that decide between them (those using L, δ or optimizer state letters)."""
    text = " ".join(c.latex for c in claims)
    own = declared_notation or base
    declared = {k for k, _ in own.bases} | {k for k, _ in own.fixed} | {k for k, _ in own.states}
    opts = dict(base.options)
    dims: list[list[tuple]] = []  # each dimension: alternatives (label, bases, fixed, options, states) to the default
    uses: set[str] = set()
    for letter in ("a", "z", "h"):
        if letter in declared or not re.search(rf"(?<![A-Za-z\\]){letter}(?![A-Za-z])", text, re.I):
            continue
        other = "z" if letter in ("a", "h") else "h"
        label = f"{letter} is the {'summed input z' if other == 'z' else 'activation h'}"
        dims.append([(label, ((letter, other), (letter.upper(), other)), (), (), ())])
    if "o" not in declared and re.search(r"(?<![A-Za-z\\])o(?![A-Za-z])", text):
        dims.append([("o is the output layer's summed input z", (), (("o", ("z", depth)),), (), ())])
    if "input_layer" not in opts:
        alts = [("the input is layer 1", (), (), (("input_layer", 1),), ())]
        if "weights_numbered_by" not in opts:
            alts.append(("the input is layer 1 and W^{(l)} leaves layer l", (), (),
                         (("input_layer", 1), ("weights_numbered_by", "source")), ()))
        dims.append(alts)
    if depth == 2 and "unit_letters" not in opts and re.search(r"_\{?\s*[ijk]", text):
        dims.append([("the index letter names the layer (i input, j hidden, k output)", (), (), (("unit_letters", True),), ())])
    if depth == 2 and "unindexed_layer" not in opts:
        dims.append([("z and h without a layer are the hidden layer's", (), (), (("unindexed_layer", 1),), ())])
    if net is not None and net.regularizer is not None and "L" not in opts and _USES["L"].search(text):
        dims.append([("L is the whole objective (data loss plus regularization)", (), (), (("L", "objective"),), ())])
        uses.add("L")
    if batch > 1 and "delta_scale" not in opts and _USES["delta"].search(text):
        dims.append([("δ of a batch includes the 1/N of the mean loss", (), (), (("delta_scale", "mean"),), ())])
        uses.add("delta")
    if net is not None and net.optimizer.name == "adam" and not declared & {"v", "s", "S"} and _USES["states"].search(text):
        dims.append([("v is Adam's first moment and s (S) its second (Ng)", (), (), (),
                      (("v", "m"), ("V", "m"), ("s", "v"), ("S", "v")))])
        uses.add("states")
    groups: list[list[Reading]] = [[Reading(base, ())]]
    for k in range(1, len(dims) + 1):
        group = []
        for combo in itertools.combinations(dims, k):
            for choice in itertools.product(*combo):
                bases = base.bases + tuple(b for c in choice for b in c[1])
                fixed = base.fixed + tuple(f for c in choice for f in c[2])
                options = base.options + tuple(o for c in choice for o in c[3])
                states = base.states + tuple(st for c in choice for st in c[4])
                group.append(Reading(replace(base, bases=bases, fixed=fixed, options=options, states=states),
                                     tuple(c[0] for c in choice)))
        groups.append(group)
    deciding = [c for c in claims if any(_USES[u].search(c.latex) for u in uses)]
    return groups, deciding


def infer(judge, claims) -> Reading | None:
    """The reading the answer's definitions call for, or None to keep the default (see the module docstring)."""
    base = judge.notation
    groups, deciding = readings(base, claims, judge.net.depth, judge.net, judge.batch, judge.declared)
    defs = definitions(claims)
    defs += [c for c in deciding if c not in defs]
    if not defs:
        return None
    trials = [0]

    def score(reading: Reading) -> tuple[int, int, int]:
        judge.notation = reading.notation
        good = bad = unread = 0
        for c in defs:
            trials[0] += 1
            verdicts = {judge._check_in(c, lay, remember=False).verdict for lay in judge.layouts}
            if "correct" in verdicts:
                good += 1
            elif "incorrect" in verdicts:
                bad += 1
            else:
                unread += 1
        return good, bad, unread

    try:
        default = score(Reading(base, ()))
        if default[0] == len(defs):
            return None
        best, best_good = None, default[0]
        for group in groups[1:]:
            if trials[0] + len(group) * len(defs) > MAX_TRIALS:
                break
            scored = [(score(r), r) for r in group]
            top = max((sc[0] for sc, _ in scored), default=0)
            winners = [r for sc, r in scored if sc[0] == top]
            if top > best_good:
                if len(winners) > 1:
                    return None  # two readings fit the definitions equally well: keep the default
                best, best_good = winners[0], top
            if best_good == len(defs):
                break
        # adopt only with clear evidence: every definition (at least two, or one the default could not read),
        # or at least two more definitions than the default reading (one of them may be the answer's mistake)
        if best is None:
            return None
        if best_good == len(defs) and (len(defs) >= 2 or default[2] == 1):
            return best
        return best if best_good >= default[0] + 2 else None
    finally:
        judge.notation = base


#: a symbol as a left-hand side: p, s, W_o, net_{h1}, \text{prod}
_SYMBOL = re.compile(r"\s*(\\?[A-Za-z]+(?:\s*[_^]\s*(?:\{[^{}]{0,40}\}|[A-Za-z0-9]))*)\s*$")


def own_symbols(claims, notation: Notation, depth: int) -> tuple[tuple, dict]:
    """Symbols the answer defines as expressions (``where $p = \\sigma'(z^{(1)})$``, ``s = \\lambda/2 (…)``): a left
    side the network does not know, by a right side that reads (the first definition; later ones are judged).
    Returns the macros for the parser and {claim id: symbol} of the defining claims."""
    from .parser import parse_expr
    from .tree import NeedsLayer, Unreadable

    found: dict[str, list] = {}
    for c in claims:
        text = c.latex.replace("$", " ")
        for rel in ("\\coloneqq", ":=", "\\equiv", "\\triangleq", "="):
            if rel in text:
                lhs, rhs = text.split(rel, 1)
                break
        else:
            continue
        m = _SYMBOL.fullmatch(lhs)
        if not m or "=" in rhs or len(rhs) > 800:
            continue
        key = re.sub(r"\s+", "", m.group(1))
        try:
            parse_expr(key, notation, depth)
            continue  # the network knows this symbol: a claim about it, not a definition
        except NeedsLayer:
            continue
        except Unreadable as exc:
            if "unknown symbol" not in str(exc):
                continue
        found.setdefault(key, []).append((c, rhs))
    macros, ids = [], {}
    for key, uses in found.items():
        c, rhs = uses[0]  # the first definition names the symbol; a later one is a claim about it
        try:
            parse_expr(rhs, notation, depth)
        except (Unreadable, RecursionError):
            continue
        macros.append((key, rhs.strip()))
        ids[c.id] = key
    return tuple(macros), ids
