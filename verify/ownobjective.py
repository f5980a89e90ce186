r"""An answer that defines its objective wrongly and derives from its own definition: a consequent error.

cjhjhj's CS231n notes define the "softmax loss" as ``L = \sum_{k = 1}^3 L_k = \sum_{k = 1}^3 o_{out_k}`` (judged
incorrect: a sum of probabilities is 1) and go on, ``\frac{\partial L}{\partial o_{out_1}} = \frac{\partial}{\partial
o_{out_1}} (o_{out_1} + o_{out_2} + o_{out_3}) = 1``: wrong for the spec's loss, right for his own. A TA grades that
line as an error carried forward; gradproof does not evaluate an objective the answer invents, so it cannot tell the
consequent error from a new one, and calls neither wrong: once the answer's first definition of its objective (``L =
…``, ``E = …``, no derivative in it) is judged ``incorrect`` — no definition of it judged ``correct`` before — a later
claim judged ``incorrect`` that writes that objective's letter (not another definition of it, judged on its own) is
``unchecked``, naming the definition, unless every
side of it is a product of partial derivatives (``\frac{\partial L}{\partial w} = \frac{\partial L}{\partial o}
\frac{\partial o}{\partial w}``): the chain rule holds or fails whatever the objective is, so such a claim keeps its
verdict. Only a definition in the network's output (a side reads as an expression of ŷ or of the last layer's z, h:
not nafiz's L = N + 1, a layer count) that does not write the target at all (no y, t, Y once the prediction's hats
are removed): a loss compares the prediction with the target, so such a definition is another function, the answer's own,
not a slip in writing the spec's loss — a planted slip in a cost that compares ŷ with y (Nielsen's C = ½‖y − a^L‖²
with a wrong factor) stays a slip, and what follows is judged against the spec. (A wrong definition after a correct
one is another objective: ``Judge._own_objective``.)

String scans only: the balanced-brace scan of each claim is linear in its length.
"""

from __future__ import annotations

import re

from .lossname import DEFINES_OBJECTIVE

#: the objective's letter at the start of a definition
_LETTER = re.compile(r"\s*(\\mathcal\s*\{\s*[LJ]\s*\}|[LJCE]|\\ell)")
#: what may stand between the partial derivatives of a chain: products, spaces, sizing
_BETWEEN = re.compile(r"(?:\\cdot|\\times|\\ast|\\left|\\right|\\,|\\;|\\!|\\quad|[\s*+()])*")
#: a matrix written out: its entries are judged as sides of their own
_MATRIX = re.compile(r"\\begin\s*\{\s*([bp]?matrix)\s*\}")
#: the target written in a definition (y, t, Y, \mathbf{y}, y_k, y^{(i)}) once the prediction's hats are removed
_TARGET = re.compile(r"(?<![A-Za-z\\])[ytY](?![A-Za-z])")
_HATTED = re.compile(r"\\(?:hat|widehat|tilde)\s*(?:\{\s*(?:\\mathbf\s*\{\s*)?[A-Za-z]\s*\}*|[A-Za-z])|"
                     r"(?<![A-Za-z\\])[yY]\s*_\s*\{\s*\\?(?:text\s*\{\s*)?pred\s*\}*")
NOTE = ("not judged: the answer defines its objective itself ({}, judged incorrect), and this line may be right for "
        "that objective — an error carried forward, which gradproof cannot evaluate (against the spec's loss: {})")


def _group_end(text: str, start: int) -> int | None:
    """The index after the brace group opening at ``start`` (text[start] == '{'), or None when unbalanced."""
    depth = 0
    for k in range(start, len(text)):
        if text[k] == "{":
            depth += 1
        elif text[k] == "}":
            depth -= 1
            if depth == 0:
                return k + 1
    return None


def _partials_only(side: str) -> bool:
    """Whether ``side`` is made of partial derivatives ``\\frac{\\partial a}{\\partial b}`` (numerators not empty) and
    nothing else: their products and sums (in brackets or not), element-wise products (``\\ast``), matrices whose entries
    are such (no matrix inside a matrix)."""
    k, found = 0, False
    while True:
        k = _BETWEEN.match(side, k).end()
        if k >= len(side):
            return found
        opened = _MATRIX.match(side, k)
        if opened is not None:  # a matrix of partial derivatives (every entry one)
            close = side.find(f"\\end{{{opened.group(1)}}}", opened.end())
            if close < 0 or "\\begin" in side[opened.end():close]:
                return False
            entries = re.split(r"&|\\\\", side[opened.end():close])
            if not all(_partials_only(e) for e in entries):
                return False
            k, found = close + len(f"\\end{{{opened.group(1)}}}"), True
            continue
        if not side.startswith("\\frac", k):
            return False
        top = side.find("{", k)
        top_end = _group_end(side, top) if top >= 0 and not side[k + 5:top].strip() else None
        if top_end is None or top_end >= len(side) or side[top_end] != "{":
            return False
        bottom_end = _group_end(side, top_end)
        numerator = side[top + 1:top_end - 1].strip()
        if bottom_end is None or not numerator.startswith("\\partial") or not numerator[len("\\partial"):].strip():
            return False
        if not side[top_end + 1:bottom_end - 1].strip().startswith("\\partial"):
            return False
        k, found = bottom_end, True


def _top_level_sides(text: str) -> list[str]:
    """The claim's sides split at '=' outside every brace group."""
    sides, depth, last = [], 0, 0
    for k, ch in enumerate(text):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == "=" and depth == 0:
            sides.append(text[last:k])
            last = k + 1
    return sides + [text[last:]]


def chain_identity(text: str) -> bool:
    """Whether every side of the claim is made of partial derivatives only (``_partials_only``)."""
    return all(_partials_only(s) for s in _top_level_sides(text))


def _of_the_output(judge, latex: str) -> bool:
    """Whether a side of the definition (after its objective's letter) reads as an expression of the network's output
    (ŷ, or the last layer's z or h): an objective, not another letter's value (nafiz's L = N + 1, the layer count)."""
    from .judge import _top_sides
    from .parser import parse_expr

    depth = judge.net.depth
    for side in _top_sides(latex)[1:]:
        try:
            node = parse_expr(side, judge.notation, depth)
        except Exception:  # noqa: BLE001 -- any side that does not read is no evidence either way
            continue
        if any(n.op == "q" and (n.value[0] == "yhat" or n.value[0] in ("z", "h") and n.value[1] == depth)
               for n in node.walk()):
            return True
    return False


def unjudge_consequent(judge, claims, results) -> None:
    """Claims after the answer's first, wrong definition of its objective that may follow from it: ``unchecked``."""
    since = letter = None
    for c, r in zip(claims, results, strict=True):
        defines = DEFINES_OBJECTIVE.match(c.latex) and "\\partial" not in c.latex and "\\nabla" not in c.latex
        if since is None:
            if defines and r.verdict in ("correct", "carried_forward"):
                return  # the spec's objective defined: what follows is judged against it
            if (defines and r.verdict == "incorrect" and not _TARGET.search(_HATTED.sub(" ", c.latex))
                    and _of_the_output(judge, c.latex)):
                written = _LETTER.match(c.latex).group(1)
                since, letter = c.id, re.compile(("(?<![A-Za-z\\\\])" if written[0] != "\\" else "") + re.escape(written)
                                                 + "(?![A-Za-z])")
            continue
        if defines or r.verdict != "incorrect" or not letter.search(c.latex) or chain_identity(c.latex):
            continue
        _unchecked(r, NOTE.format(since, r.message))


#: a letter of the network declared in a space of generic sizes: W \in \mathbb{R}^{n\times m}, x\in \mathbb{R}^m,
#: z^T \in \mathbb{R}^n (single lowercase letters for the sizes: a rule stated for any sizes, not the network's D_x, n_h)
_GENERIC_SPACE = re.compile(r"(?<![A-Za-z\\])([WwxzhaXZHA])\s*(?:\^\s*(?:\{\s*T\s*\}|T)\s*)?\\in\s*\\mathbb\s*\{?\s*R\s*\}?\s*"
                            r"\^\s*(?:\{\s*[a-z]\s*(?:\\times\s*[a-z]\s*)?\}|[a-z])(?![A-Za-z_])")
GENERIC_NOTE = ("not judged: this section states a rule for any {letter} of any size ({cid}: {letter} ∈ ℝ^…), not for the "
                "network's; against the network's {letter}: {msg}")


def unjudge_generic_sections(claims, results) -> None:
    """eric-Rstats's matrix-calculus notes: a section that declares its letters in spaces of generic sizes (``z = Wx,
    z ∈ ℝ^n, W ∈ ℝ^{n×m}``, then ``\\frac{\\partial z}{\\partial x} = W^T`` for his z_i = Σ_k x_k w_{ki}) states rules
    for any W, x, z, not facts about the network's: a claim of that section judged ``incorrect`` that writes such a
    letter is ``unchecked`` (never the other way: a claim judged correct keeps its verdict). Sections from the
    document's headings (``claims.sections``); string scans of bounded length only."""
    sections = getattr(claims, "sections", None) or {}
    generic: dict = {}  # section -> {letter: the declaring claim's id}
    for c in list(claims)[:2000]:
        for m in _GENERIC_SPACE.finditer(c.latex[:4000]):
            generic.setdefault(sections.get(c.id, 0), {}).setdefault(m.group(1).lower(), c.id)
    if not generic:
        return
    for c, r in zip(claims, results, strict=True):
        letters = generic.get(sections.get(c.id, 0))
        if not letters:
            continue
        for target in [r, *r.rows]:
            if target.verdict != "incorrect":
                continue
            used = next((x for x in letters if re.search(rf"(?<![A-Za-z\\]){x}(?![A-Za-z])", c.latex[:4000], re.I)), None)
            if used is None:
                continue
            _unchecked(target, GENERIC_NOTE.format(letter=used, cid=letters[used], msg=target.message))


def _unchecked(r, message: str) -> None:
    """A verdict taken back: ``unchecked`` with ``message``, nothing of the verdict's kept."""
    r.unjudge()
    r.message = message
