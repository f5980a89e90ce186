"""The answer's own orientation of W: the spec's, or its transpose (a careful TA reads the author's W).

A spec fixes how W lies (``convention = "row"``: z = W h + b, W is n_out × n_in; ``"column"``: z = Wᵀ h + W₀, W is
n_in × n_out). An answer may write the other one consistently — CS231n's ``H = \\max(0, X W_1 + b_1)``, ``dW_2 = H^T dS``
under a row spec, or ``z = W x + b`` under a column one — and is then right in its own notation. Its W, ∂J/∂W, the
step and the optimizer states are then read as the spec's transposed (``Truth.transposed``), its entries w_{jk} in its
own convention, and the ``expected:`` hint is printed in it. Read per answer, like the sample layout:

1. **Its forward definitions** (before its own letters are bound, since binding reads them, and before the layer
   numbering is inferred): how each multiplies a weight matrix — ``W x``, ``x W^T`` (W is n_out × n_in) or ``W^T x``,
   ``x W`` (n_in × n_out), whatever the layers and the sample layout (d2l's ``o = W^{(2)} h`` with no layer on h) — is a
   vote. Two or more, all for the transpose,
   settle it for the whole answer (``decide``); as many or more for the spec's W keep it (the others are slips).
2. **Failing those, its claims with W** (after the notation is read): a claim right with one orientation only (wrong
   or with shapes that do not fit with the other) is a vote; a claim about one entry (w_{jk}) is none. As many votes
   or more for the spec's W, or one alone for the transpose: the spec's, as before (the others are slips). Every vote
   for the transpose and three at least: the whole answer is read so. Two, and none for the spec's W: those claims are
   ``unchecked`` (right if that is the answer's W, a slip repeated if not). More for the transpose than for the
   spec's W: every claim whose verdict depends on it is ``unchecked`` with the counts. In both cases a claim about one
   entry (``∂E/∂W_{12}``) whose verdict depends on it is ``unchecked`` too: which entry it names is the answer's W's.
   Each unchecked message gives the ``[notation]`` line that settles it (``convention = "column"`` or ``"row"``: the
   answer's own).

A declared ``[notation] convention`` is never changed (``[values]`` are then read in it: answers.py). Networks with
layer kinds are read in the spec's orientation. The work is bounded: at most ``MAX_CLAIMS`` claims, each read in both
orientations and the layouts the answer may use, within the caller's time limit (judge.check_all); most answers stop
after the spec's orientation and the claims wrong in it (no claim right with the transpose alone).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .parser import ROLE_PAIRS, parse_claim
from .tree import NeedsLayer, Unreadable

#: claims read for the vote of step 2 (each read 2 × layouts times)
MAX_CLAIMS = 200
#: a side or claim that names a weight matrix (W, w, Θ, θ; U, V as CS224n's may be bound later and are not looked for)
#: (a letter of the forward pass may follow a matrix with no space: Wx, Vx, Wh — Shewchuk's h = s(Vx); a lowercase wx
#: is a scalar weight's product, as in y = wx + b, and says nothing of how a matrix lies)
_BEFORE_OPERAND = r"(?:(?![A-Za-z])|(?=[xhazXHAZ](?![A-Za-z])))"


def _weight_pattern(own: tuple = ()) -> re.Pattern:
    """A weight matrix's letter (W, Θ, θ, and the answer's own letters for one, Shewchuk's V), or a scalar w."""
    letters = "|".join(("W", "\\\\Theta", "\\\\theta", *own))
    return re.compile(r"(?<![A-Za-z\\])d?(?:(?:" + letters + ")" + _BEFORE_OPERAND + r"|w(?![A-Za-z]))")


_WEIGHT = _weight_pattern()
#: one entry of a weight matrix (w^l_{jk}, W_{ij}, w_{j,k}): its row and column are the answer's matrix's, whichever
#: way W lies, so such a claim says nothing of the orientation (Nielsen's w_{jk} from k to j is his convention)
_ENTRY = re.compile(r"(?<![A-Za-z\\])[Ww]\s*(?:\^\s*(?:\{[^{}]{0,20}\}|\w)\s*)?_\s*\{\s*[a-z0-9]\s*,?\s*[a-z0-9]\s*\}")
#: a weight matrix named by the two layers it joins (W_{ih}, W_{ho}: parser option role_pairs), not one entry
_ROLE_PAIR = re.compile(r"(?<![A-Za-z\\])([Ww]\s*\}?\s*)_\s*\{\s*(?:" + "|".join(ROLE_PAIRS) + r")\s*\}")


def _entry(judge, latex: str) -> bool:
    """Whether the claim writes one entry of a weight matrix (``_ENTRY``); W_{ih} is the matrix where the answer names
    its weights by the layers they join."""
    if dict(judge.notation.options).get("role_pairs"):
        latex = _ROLE_PAIR.sub(lambda m: m.group(1), latex)
    return _ENTRY.search(latex) is not None


#: a definition's sign other than =
_DEFINES = re.compile(r"\\(?:equiv|coloneqq|triangleq|doteq)(?![A-Za-z])|:=")
#: a derivative anywhere: not a forward definition
_DERIVATIVE = re.compile(r"\\partial|\\nabla|\\delta|\\Delta|\\frac\s*\{\s*d|(?<![A-Za-z\\])d[A-Za-z]")
SPEC, TRANSPOSED = False, True
#: claims right with the spec's transpose alone (and none with the spec's W alone) that settle it (step 2)
MIN_CLAIMS = 3
#: what a weight matrix multiplies in a forward definition
FORWARD_KINDS = ("x", "h", "z", "yhat")


def other(convention: str) -> str:
    return {"row": "column", "column": "row"}[convention]


def shape_of_w(convention: str) -> str:
    return "n_out × n_in" if convention == "row" else "n_in × n_out"


def _weight_nodes(node) -> bool:
    from .truth import weight_kind

    return any(n.op == "q" and weight_kind(n.value[0]) for n in node.walk())


def _written(node, convention: str):
    """The convention each product of a weight matrix with another operand in ``node`` is written in: ``W x``, ``x W^T``
    (W is n_out × n_in: "row") or ``W^T x``, ``x W`` (n_in × n_out: "column"), whatever the layer numbering or the
    sample layout (a row times W cannot be W x: the inner sizes would be n_in and 1)."""
    from .truth import weight_kind

    def weight(n):  # (Wb: Ng's Θ, the bias as column 0 — CS229's θ^T x with x_0 = 1)
        if n.op == "q" and (weight_kind(n.value[0]) or n.value[0] == "Wb"):
            return False
        if n.op == "T" and n.args and n.args[0].op == "q" and (weight_kind(n.args[0].value[0]) or n.args[0].value[0] == "Wb"):
            return True
        return None

    def forward(n) -> bool:  # an operand of the forward pass: the input, a layer's summed input or activation
        return any(m.op == "q" and m.value[0] in FORWARD_KINDS for m in n.walk())

    for n in node.walk():
        if n.op != "mul" or len(n.args) != 2:
            continue
        left, right = (weight(a) for a in n.args)
        if (left is None) == (right is None) or not forward(n.args[0 if left is None else 1]):
            continue  # two weights (W^T W), none, or W times a scalar or a derivative
        yield "row" if (left is False or right is True) else "column"


def _parsed(side: str, judge):
    """One side as a parse tree; a generic layer (W^{(l)} a^{(l-1)}) read at the first layer that reads (how W is
    multiplied does not depend on which)."""
    env, notation = None, judge.notation
    for _ in range(4):
        try:
            sides, _rels = parse_claim(side, notation, judge.net.depth, env)
            return sides[0] if len(sides) == 1 else None
        except NeedsLayer as need:
            env = {**(env or {}), need.var: 1}
        except Unreadable:
            if "unindexed_layer" in dict(notation.options):
                return None
            # d2l's o = W^{(2)} h: a letter without a layer is read at layer 1 (how W is multiplied, not the layer)
            notation = replace(notation, options=notation.options + (("unindexed_layer", 1),))
    return None


#: the output defined (normalised): \\haty = \\sigma(U h + c), \\hat{\\mathbf{y}} = …
_OUTPUT_DEFINED = re.compile(r"\s*(?:\\haty|\\hat\s*\{\s*(?:\\mathbf\s*\{\s*)?y\s*\}?\s*\})\s*=")


def _weight_letters(judge) -> re.Pattern:
    """_WEIGHT, or with the single letters the answer's notation binds to a weight matrix (Shewchuk's V: h = s(Vx))."""
    own = sorted({k for k, v in judge.notation.fixed if isinstance(v, tuple) and v[:1] == ("W",) and len(k) == 1
                  and k.isalpha()} - {"W", "w"})
    return _weight_pattern(tuple(own)) if own else _WEIGHT


#: a side that applies θ as a function (Abu-Mostafa et al.'s x^{(l)} = θ(s^{(l)}), normalised)
_THETA_APPLIED = re.compile(r"\s*+\\theta\s*+(?:\\left\s*+)?\(")


def definition_votes(judge, claims) -> dict:
    """Step 1: {orientation: votes} from how the answer's forward definitions multiply a weight matrix (every row of a
    block of them: ``H = \\max(0, X W_1 + b_1), \\qquad S = H W_2 + b_2``), one vote per definition."""
    from .infer import _normal, definitions
    from .judge import _top_sides, _with_rows

    votes = {SPEC: 0, TRANSPOSED: 0}
    weight = _weight_letters(judge)
    # the first MAX_CLAIMS definitions, wherever they are (1900 claims before a forward definition must not hide it);
    # each row is normalised once (cached), only the definitions' weight sides are parsed below
    rows = [replace(c, latex=_DEFINES.sub("=", _normal(c.latex))) for c in _with_rows(claims)]
    forward = definitions(rows)[:MAX_CLAIMS]  # (Nielsen's z^l \\equiv w^l a^{l-1} + b^l defines z as = does)
    forward += [c for c in rows if _OUTPUT_DEFINED.match(c.latex)][:MAX_CLAIMS]  # (ŷ = σ(W h + b) alike)
    for c in forward:
        text = c.latex
        if "=" not in text or _DERIVATIVE.search(text) or not weight.search(text):
            continue
        found = set()
        for side in _top_sides(text)[1:]:
            if not weight.search(side) or _THETA_APPLIED.match(side):
                continue  # (LFD's x^{(l)} = θ(s^{(l)}): θ the activation function, no weight times s)
            node = _parsed(side, judge)
            if node is not None:
                found |= set(_written(node, judge.net.convention))
        if len(found) == 1:
            votes[found.pop() != judge.net.convention] += 1
    return votes


#: a weight matrix's stated shape: W^{[l]} \in \mathbb{R}^{n^{[l]} \times n^{[l-1]}}, W_1 \in \mathbb{R}^{4 \times 3}
_SHAPE = re.compile(r"(?P<lhs>(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*W\s*\}|(?<![A-Za-z\\])W)(?:\s*[_^]\s*(?:\{[^{}]{0,16}\}|[A-Za-z0-9]))"
                    r"{0,2})\s*\\in\s*(?:\\mathbb\s*(?:\{\s*)?R(?:\s*\})?|\\R(?![A-Za-z])|ℝ)\s*\^\s*\{(?P<dims>(?:[^{}]|\{[^{}]{0,20}\}){1,80})\}")
#: one size by what it counts: a layer's (n^{[l-1]}, d_\ell, n_1, n^{(2)}), Ng's n_x, n_h, n_y, or d_{in}, d_{out}
_SIZE = re.compile(r"^(?:\\[A-Za-z]+|[A-Za-z])\s*[_^]\s*(?P<i>\\ell|[A-Za-z]+|\d+)\s*(?:(?P<sign>[+-])\s*(?P<off>\d))?$")
_RANKS = {"in": ("io", 0), "input": ("io", 0), "out": ("io", 1), "output": ("io", 1), "x": ("ng", 0), "h": ("ng", 1),
          "y": ("ng", 2)}


def _size_rank(dim: str):
    """(family, rank) of one stated size, comparable within a family; None when it names no layer."""
    text = re.sub(r"\\(?:text|mathrm|rm|operatorname|mathit)\s*", "", dim.strip())
    text = re.sub(r"[{}()\[\]\s]", "", text)
    if text.isdigit():
        return ("num", int(text))
    m = _SIZE.match(text)
    if m is None:
        return None
    i, off = m.group("i"), int(m.group("off") or 0) * (-1 if m.group("sign") == "-" else 1)
    if i.isdigit():
        return ("layer", int(i) + off)
    if i in ("l", "L", "k", "\\ell"):
        return ("generic", off)
    return _RANKS.get(i) if not off else None


#: a vector's stated size by one bare letter: \mathbf x \in \mathbb R^d, y \in \mathbb{R}^{v} (xopes's notes: the letters
#: d and v then count the inputs and the classes, and W \in \mathbb R^{v \times d} says how W lies)
_VECTOR_SIZE = re.compile(r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*(?P<v>[xybz])\s*\}|(?<![A-Za-z\\])(?P<w>[xybz]))\s*\\in\s*"
                          r"(?:\\mathbb\s*(?:\{\s*)?R(?:\s*\})?|\\R(?![A-Za-z])|ℝ)\s*\^\s*(?:\{\s*(?P<n>[A-Za-z])\s*\}|(?P<m>[A-Za-z]))"
                          r"(?![A-Za-z{_^]|\s*\\times)")


def stated_shapes(text: str) -> tuple:
    """The statements of W's shape anywhere in a document's text, inline math and prose's ``$…$`` included (``$W^{(l)}
    \\in \\mathbb{R}^{n_l \\times n_{l-1}}$`` states no equation, so it is no claim), and of a vector's size by a bare
    letter (``\\mathbf x \\in \\mathbb R^d``, which names the letters of W's shape): for ``shape_votes``."""
    text = text[:2_000_000]
    return (tuple(m.group(0) for m in _SHAPE.finditer(text))[:MAX_CLAIMS]
            + tuple(m.group(0) for m in _VECTOR_SIZE.finditer(text))[:MAX_CLAIMS])


def _size_letters(texts, sizes) -> dict:
    """{letter: size} from the answer's statements of a vector's size by one bare letter: the input x's counts the
    inputs; the target y's counts the outputs, and so does the bias b's or the summed input z's in a network of one
    layer (in a deeper one they name no layer). A letter stated with two different sizes names none."""
    found: dict = {}
    for text in texts:
        for m in _VECTOR_SIZE.finditer(text[:2000]):
            vec, letter = m.group("v") or m.group("w"), m.group("n") or m.group("m")
            if vec == "x":
                size = sizes[0]
            elif vec == "y" or len(sizes) == 2:
                size = sizes[-1]
            else:
                continue
            found.setdefault(letter, set()).add(size)
    return {k: v.pop() for k, v in found.items() if len(v) == 1}


def shape_votes(judge, claims) -> dict:
    """{orientation: votes} from the answer's stated shapes of W (``W^{[l]} \\in \\mathbb{R}^{n^{[l]} \\times n^{[l-1]}}``:
    n_out × n_in; ``W_1 \\in \\mathbb{R}^{3 \\times 4}`` with 3 inputs and 4 hidden units: n_in × n_out): two votes each,
    so one statement alone settles it (it says which way W lies); sizes that name no layer, a square W, a statement
    that does not read: none."""
    votes = {SPEC: 0, TRANSPOSED: 0}
    sizes = judge.net.sizes
    texts = getattr(judge, "stated_shapes", None)  # a document's, read from its whole text (stated_shapes)
    texts = texts if texts is not None else [c.latex for c in claims[:MAX_CLAIMS]]
    letters = _size_letters(texts, sizes)
    for text in texts:
        for m in _SHAPE.finditer(text[:2000]):
            dims = re.split(r"\\times|×", m.group("dims"))
            node = _parsed(m.group("lhs"), judge)
            if len(dims) != 2 or node is None or node.op != "q" or node.value[0] != "W":
                continue
            named = [letters.get(d.strip(" {}")) for d in dims]  # W ∈ ℝ^{v × d} beside x ∈ ℝ^d, y ∈ ℝ^v
            a, b = (("num", n) for n in named) if None not in named else (_size_rank(d) for d in dims)
            if a is None or b is None or a[0] != b[0] or a[1] == b[1]:
                continue
            if a[0] == "num":
                k = node.value[1]
                if not isinstance(k, int) or not 1 <= k < len(sizes) or sizes[k] == sizes[k - 1]:
                    continue
                if (a[1], b[1]) not in ((sizes[k], sizes[k - 1]), (sizes[k - 1], sizes[k])):
                    continue
                stated = "row" if (a[1], b[1]) == (sizes[k], sizes[k - 1]) else "column"
            else:
                stated = "row" if a[1] > b[1] else "column"  # n_out × n_in: the row convention
            votes[stated != judge.net.convention] += 2
    return votes


def decide(judge, claims) -> None:
    """Step 1 before the answer's letters are bound: unanimous forward definitions and stated shapes of W fix the
    orientation."""
    if judge.net.has_kinds or "convention" in dict(judge.declared.options):
        return
    votes = definition_votes(judge, claims)
    shapes = shape_votes(judge, claims)
    for side, n in shapes.items():
        votes[side] += n
    # (one alone may be a slip: then the claims decide, step 2 — except where every layer has one unit, logistic
    # regression's z = w^T x + b: a weight vector lies as its author writes it, a row or a column, no slip)
    need = 1 if all(layer.units == 1 for layer in judge.net.layers) else 2
    if votes[TRANSPOSED] >= need and not votes[SPEC]:
        judge._orient(TRANSPOSED)
        judge._oriented = TRANSPOSED
        source = "its stated shape of W" if shapes[TRANSPOSED] else "its own forward definitions"
        judge.inferred += (f"W is written {shape_of_w(judge.convention)} ({judge.convention} convention: {source}), the "
                           "spec's transpose",)
    # as many written as the spec lays W out: the others are slips in the spec's orientation, as before
    t, s = votes[TRANSPOSED], votes[SPEC]
    judge.orientation_settled = t >= need and not s or s >= max(t, 1)


def _verdicts(judge, claim, transposed: bool) -> set:
    """``claim``'s verdicts with W so oriented, in each layout the answer may use ("shape": its shapes do not fit)."""
    from .judge import _shape_failed

    judge._orient(transposed)
    out = set()
    for lay in judge.layouts:
        judge._use(lay)
        judge.verdicts_only, judge._remembering = True, False  # (a vote keeps none of the answer's values)
        try:
            r = judge._check_one(claim)
            out.add("shape" if _shape_failed(r) else r.verdict)
        except Exception:  # noqa: BLE001 -- a claim that trips in one reading is no evidence
            out.add("unchecked")
        finally:
            judge.verdicts_only = False
    return out


def _entry_claims(judge, claims, steps: dict) -> dict:
    """The claims about one entry of W (``∂E/∂W_{12}``), read in both orientations: claim id -> {orientation: its
    verdicts}. They cast no vote, but when the vote leaves the orientation open their verdict may depend on it."""
    saved, read = judge.truth.transposed, {}
    try:
        for c in [c for c in claims if _WEIGHT.search(c.latex) and _entry(judge, c.latex)][:MAX_CLAIMS]:
            judge._checking = c
            for o in (SPEC, TRANSPOSED):
                read.setdefault(c.id, {})[o] = judge._in_step(c, steps, lambda claim, o=o: _verdicts(judge, claim, o))
    finally:
        judge._orient(saved)
    return read


def claim_by_claim(judge, claims, steps: dict) -> None:
    """Step 2 (when the forward definitions did not settle it): the orientation, or an unchecked message, of the
    claims whose verdict depends on it (``judge.orientations``, by claim id; see the module docstring). Nothing is
    recorded where no claim is right with the spec's transpose alone."""
    if judge.net.has_kinds or "convention" in dict(judge.declared.options) or judge.orientation_settled:
        return
    saved = judge.truth.transposed
    read: dict = {}  # claim id -> {orientation: its verdicts}
    try:
        weighted = [c for c in claims if _WEIGHT.search(c.latex) and not _entry(judge, c.latex)][:MAX_CLAIMS]

        def read_in(c, o) -> None:
            judge._checking = c
            read.setdefault(c.id, {})[o] = judge._in_step(c, steps, lambda claim: _verdicts(judge, claim, o))

        for c in weighted:  # as the spec lays W out first: most claims are right so, and most answers stop here
            read_in(c, SPEC)
        for c in [c for c in weighted if "correct" not in read[c.id][SPEC]]:
            read_in(c, TRANSPOSED)
        if not any("correct" in v.get(TRANSPOSED, ()) for v in read.values()):
            return
        for c in [c for c in weighted if TRANSPOSED not in read[c.id]]:
            read_in(c, TRANSPOSED)
    finally:
        judge._orient(saved)
    own = {k: (next((o for o in (SPEC, TRANSPOSED) if "correct" in v[o] and "correct" not in v[not o]), None), v)
           for k, v in read.items()}
    total = {SPEC: 0, TRANSPOSED: 0}
    for vote, _ in own.values():
        if vote is not None:
            total[vote] += 1
    if not total[TRANSPOSED]:
        return  # as before: the spec's orientation
    spec_conv, their = judge.net.convention, other(judge.net.convention)
    line = f'say so in [notation]: convention = "{their}" (W is {shape_of_w(their)}), or "{spec_conv}" ({shape_of_w(spec_conv)})'
    t, s = total[TRANSPOSED], total[SPEC]
    if s >= t or t == 1:
        return  # the spec's orientation, as before: the claims right only with the transpose are slips (one alone too)
    if not s and t >= MIN_CLAIMS:  # every claim that shows it shows the transpose, and enough of them
        judge._orient(TRANSPOSED)
        judge._oriented = TRANSPOSED
        judge.inferred += (f"W is written {shape_of_w(their)} ({their} convention: {t} of its claims hold only so), the "
                           "spec's transpose",)
        return
    for k, verdicts in _entry_claims(judge, claims, steps).items():  # w_{12}: its row and column are the answer's W's
        if verdicts[SPEC] != verdicts[TRANSPOSED]:
            judge.orientations[k] = (f"a claim about one entry of W: which entry it names depends on how the answer "
                                     f"writes W, and its claims hold with W written as {shape_of_w(their)} ({t})"
                                     + (f" and as {shape_of_w(spec_conv)} ({s})" if s else "") + f"; {line}")
    for k, (vote, verdicts) in own.items():
        depends = vote is not None or verdicts[SPEC] != verdicts[TRANSPOSED]
        if not s and vote is TRANSPOSED:  # two claims: the answer's W, or a slip repeated?
            judge.orientations[k] = (f"it holds only with W written {shape_of_w(their)} (the {their} convention, the "
                                     f"spec's transpose), and one other claim only in the answer shows how it writes W; "
                                     f"if that is the answer's W, {line}")
        elif s and depends:
            judge.orientations[k] = (f"the answer's claims hold with W written both as {shape_of_w(spec_conv)} ({s}) and "
                                     f"as {shape_of_w(their)} ({t}), and this claim's verdict depends on which; {line}")
