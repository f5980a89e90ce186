"""A worked example on a data set of several points, in an answer whose [values] hold one (Luis de Cunto's "batch
gradient" challenge: points (1, 3), (2, 5), (3, 7), ŷ₁ = 1.5(1) + 2 = 3.5, ∂L₁/∂w = …, the average of the three).

The answer numbers its points with a subscript (ŷ₁, ŷ₂, ŷ₃, L₁, L₂): where such an index runs past the entries of the
quantity it is read on (ŷ₂ of a one-unit output), it cannot name an entry, so in that question the numeral subscripts
name data points, and the numbers of every claim there are about points [values] does not hold (ŷ₁ = 3.5 is point 1's
prediction, not entry 1 of the prediction at [values]' x = 3). Which point, and which average, a claim is about is not
known: each claim of that question that writes numbers is ``unchecked``, saying so; a claim without numbers (the
per-point rule ∂Lᵢ/∂w = -2xᵢ(yᵢ - wxᵢ - b)) keeps its verdict.

A question is the claims whose ids share their first part before a dot (an answers TOML's ``c2.p1.yhat``,
``c2.avg.w``); ids without a dot, and a document's ``line N`` ids, form no question here. Linear scans of each claim's
text and message.
"""

from __future__ import annotations

import re

#: the evaluator's message for a numeral index past a quantity's entries (shapes.py)
_PAST = re.compile(r"the index \d+ runs past the \d+ entries(?! of the derivative)")
#: a written number in a claim: a digit; a letter or a macro (\\alpha): a side in letters
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
#: the relations of a plain-text or LaTeX chain
_RELATION = re.compile(r"=|\\approx|≈")


def _question(claim_id: str) -> str | None:
    if claim_id.startswith("line ") or "." not in claim_id:
        return None
    return claim_id.split(".", 1)[0]


def _numbers_written(latex: str) -> bool:
    """Whether the claim works with numbers: a side after its first that is arithmetic on numbers alone (= 1.5(1) + 2,
    ≈ -0.667), not a formula in letters (the rule -2xᵢ(yᵢ - wxᵢ - b))."""
    sides = _RELATION.split(latex)[1:]
    return any(_DIGIT.search(side) and not _LETTER.search(side) for side in sides)


def unjudge_other_points(numeric: bool, claims, results) -> None:
    """The post-pass of Judge.check_all (see the module docstring)."""
    if not numeric:
        return
    points: dict[str, str] = {}
    for c, r in zip(claims, results, strict=True):
        q = _question(c.id)
        if q is not None and r.verdict == "unchecked" and _PAST.search(r.message):
            points.setdefault(q, c.id)
    if not points:
        return
    for c, r in zip(claims, results, strict=True):
        q = _question(c.id)
        if q not in points or r.verdict == "unchecked" or not _numbers_written(c.latex):
            continue
        r.unjudge()
        r.message = (f"not judged: this question numbers data points with subscripts ({points[q]}: an index past the "
                     "entries of the quantity it is on), so its numbers are about points [values] does not hold; "
                     f"which point or average this claim is about is not known (as read at [values]: {r.message})")


#: the parser's message for a digit read as a layer the network lacks (tree.NO_SUCH_LAYER): the letter it names
_OUTSIDE = re.compile(r"(?<![A-Za-z\\])([A-Za-z]) names layer \d+, but the network has layers")
#: a shape disagreement: one number where the quantity has several
_SHAPE = re.compile(r"expected \d+×\d+, the claim gives [-\d.]+")


def unjudge_entry_digits(claims, results) -> None:
    """Softmax's z₁, z₂, z₃ in a one-layer network: where a letter's digit names a layer the network does not have
    (z₂, z₃), the answer's digits on that letter number entries, so its z₁ is entry 1 too, not layer 1. A claim on
    that letter judged ``incorrect`` only because it gives one number where the layer has several is ``unchecked``,
    saying so (its subscript names an entry that the layer reading cannot express)."""
    letters = {m.group(1) for r in results if r.verdict == "unchecked" for m in _OUTSIDE.finditer(r.message)}
    if not letters:
        return
    for c, r in zip(claims, results, strict=True):
        if r.verdict != "incorrect" or not _SHAPE.search(r.message):
            continue
        used = next((x for x in sorted(letters) if re.search(rf"(?<![A-Za-z\\]){x}\s*(?:_\s*\{{?\s*)?[0-9₀-₉]", c.latex)),
                    None)
        if used is None:
            continue
        r.unjudge()
        r.message = (f"not judged: the answer's digits on {used} number entries (another claim's {used} names a layer "
                     f"the network does not have), so this claim's {used} is an entry, not a layer "
                     f"(as read for the layer: {r.message})")
