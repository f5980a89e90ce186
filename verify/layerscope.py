"""The layers a generic claim is about, when the answer says so.

A claim with a generic layer index (``a^l = \\sigma(z^l)``) is checked for every layer it can apply to
(``Judge._check_every_layer``). Two things in the answer narrow that, as a TA reads them:

- its sentence: "``$a^l = \\sigma(z^l)$`` for the output layer", "in the last layer", "at the output", "for l = L",
  "for the hidden layer(s)" (``prose_scope``, read by document.py from the prose around the equation);
- another definition of the same quantity for one layer (``a^1 = \\tanh(z^1)`` beside ``a^l = \\sigma(z^l)``): the
  generic one is not judged for that layer (that layer's own definition is, on its own).

Untrusted input: the prose is a slice of at most 80 characters around the equation, read by two anchored regular
expressions without nested quantifiers.
"""

from __future__ import annotations

import re

from .infer import _normal, _sides

#: the sentence right after the equation: "for the output layer", "at the output", "in the last layer", "for l = L"
_AFTER = re.compile(r"\s*,?\s*(?:(?:for|at|in|on)\s+(?:the\s+)?(output|last|final|top|hidden)(?:\s+(?:layer|units?))?s?\b"
                    r"|for\s+\$?\s*l\s*=\s*L\b)", re.I)
#: the sentence right before it: "For the output layer, $…$", "At the output: $…$"
_BEFORE = re.compile(r"(?:for|at|in|on)\s+(?:the\s+)?(output|last|final|top|hidden)(?:\s+(?:layer|units?))?s?\s*[,:]?\s*$", re.I)


def prose_scope(before: str, after: str) -> str | None:
    """``"output"`` or ``"hidden"`` when the words around an equation restrict it to those layers, else None."""
    m = _AFTER.match(after) or _BEFORE.search(before[-60:])
    if m is None:
        return None
    word = (m.group(1) or "output").lower()
    return "hidden" if word == "hidden" else "output"


#: a layer index's range written after a claim: ``, \qquad \ell = 1, 2, \cdots, L-1`` (Pilex1's summary rows), with its
#: upper bound (L: every layer; L − 1: the hidden ones) — the range is dropped from the claim, the bound kept as its scope
LAYER_RANGE_AT_END = re.compile(r"(?:\s*,)?\s*(?:\\q?quad(?![A-Za-z])\s*)+(?:\\text\s*\{\s*for\s*\}\s*)?(?P<letter>\\ell|[a-z])\s*=\s*"
                                r"1\s*,\s*(?:2\s*,\s*)?(?:\\[lc]?dots|\\ldots|…)\s*,\s*(?P<last>[A-Za-z])\s*(?P<hidden>-\s*1)?\s*[.,]?\s*$")
#: a claim's range listed at its end, numbers only: , \quad k = 1, 2 (its layers, where k is the claim's layer letter)
_LISTED_RANGE = re.compile(r"(?:,|\\q?quad(?![A-Za-z]))\s*(?:\\text\s*\{\s*for\s*\}\s*)?(?P<letter>\\ell|[a-z])\s*=\s*"
                           r"(?P<list>\d{1,2}(?:\s*,\s*\d{1,2}){0,8})\s*[.,;]?\s*$")
#: the scope of a claim whose range stops before the last layer
HIDDEN_RANGE = "hidden range"


def range_scope(part: str) -> tuple[str, str | None] | None:
    """``part`` without its layer range at the end and the range's scope (None: every layer), or None when it has none:
    ``l = 1, …, L`` (or L − 1), or another letter the claim writes as its layer script up to a letter (CS229's
    ``\\quad k = 1, \\dots, r-1`` after ``a^{[k]} = \\mathrm{ReLU}(z^{[k]})``, r its number of layers)."""
    tail = part[-200:]
    m = LAYER_RANGE_AT_END.search(tail)
    if m is None:
        return None
    head = part[:len(part) - len(tail) + m.start()]
    letter = m.group("letter")
    if not (letter in ("l", "\\ell") and m.group("last") == "L" or re.search(
            r"\^\s*\{?\s*[\[(]?\s*" + re.escape(letter) + r"(?![A-Za-z])", head[-400:])):
        return None  # (a unit's range, j = 1, …, n: not a layer's)
    return head, HIDDEN_RANGE if m.group("hidden") else None


def scope_values(scope: str, first: int, depth: int) -> set:
    """The values of the generic index (in the answer's numbering, the input ``first``) that the scope names."""
    return {first + depth} if scope == "output" else set(range(first + 1, first + depth))


def _forward_left(judge, latex: str, env: dict | None = None):
    """The left side of a forward definition (``a^1 = \\tanh(z^1)``) as a node, or None."""
    from .parser import parse_claim
    from .tree import NeedsLayer, NoSuchLayer, Unreadable

    text = _normal(latex)
    if "\\partial" in text or "\\nabla" in text or not 2 <= len(_sides(text)) <= 3:
        return None
    try:
        sides, rels = parse_claim(latex, judge.notation, judge.net.depth, env)
    except (Unreadable, NeedsLayer, NoSuchLayer, RecursionError):
        return None
    left = sides[0]
    if len(sides) == 3 and sides[1] != left:  # (ŷ = a^{(3)} = sigmoid(z^{(3)}): both names of one quantity, defined)
        return None
    return left if set(rels) == {"="} and left.op == "q" and left.value[0] in ("z", "h", "yhat") else None


def _defined_elsewhere(judge, claim) -> dict:
    """{quantity node: claim id} of the answer's other forward definitions, each for one layer (read once)."""
    cache = judge.__dict__.setdefault("_layer_definitions", {})
    key = id(judge._claims)
    if key not in cache:
        found = {}
        for c in judge._claims[:300]:
            node = _forward_left(judge, c.latex)
            if node is not None:
                found.setdefault(node, c.id)
        cache.clear()
        cache[key] = found
    return {n: cid for n, cid in cache[key].items() if cid != claim.id}


def scope_layers(judge, claim, var: str, env: dict, done: list, first: int) -> tuple[list, list]:
    """``done`` ((value, result) per layer checked) narrowed to the layers the answer says the claim is about, and
    notes saying why the others are left out."""
    scope = getattr(judge, "scopes", {}).get(claim.id)
    if var == "every" or var == "unit" and scope not in ("output", "hidden") or len(done) < 2:
        return done, []
    if var == "unit":
        first = 0  # (a generic unit's value is the layer it is in: Wikipedia's "if j is an output neuron")
    notes = []
    listed = _LISTED_RANGE.search(claim.latex[-120:])
    if listed is not None and listed.group("letter").lstrip("\\") != var.lstrip("\\"):
        listed = None
    if listed is not None or scope is not None:
        # (Strang's v_k = ReLU(A_k v_{k-1} + b_k) "for $k = 1, 2$": the layers the claim's own range lists)
        wanted = ({int(v) for v in re.findall(r"\d+", listed.group("list"))} if listed is not None
                  else scope_values(scope, first, judge.net.depth))
        kept = [(v, r) for v, r in done if v in wanted]
        if kept and len(kept) < len(done):
            done = kept
            notes.append(f"only there: its range is {var} = {', '.join(str(v) for v, _ in kept)}" if listed is not None
                         else "only there: its range stops at L − 1, the hidden layers" if scope == HIDDEN_RANGE else
                         f"only there: its sentence says it is about the {scope} layer{'s' if len(kept) > 1 else ''}")
    others = _defined_elsewhere(judge, claim) if len(done) > 1 else {}
    if others:
        judge._history = True  # (the answer's other definitions, by id: an identical claim's result is its own)
    if others:
        left_out = []
        for v, _r in done:
            node = _forward_left(judge, claim.latex, {**env, var: v})
            if node is not None and node in others:
                left_out.append((v, others[node]))
        if left_out and len(left_out) < len(done):
            out = {v for v, _ in left_out}
            done = [(v, r) for v, r in done if v not in out]
            notes += [f"{var} = {v} left out: the answer defines that layer's by its own equation ({cid})"
                      for v, cid in left_out]
    return done, notes

