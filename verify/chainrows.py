"""A chain's rows as steps a grader names: ``a &= b \\\\ &= c \\\\ &= d`` over rows is one claim (its links judged in
turn, ``Judge._check_one``), and each row is also a step with its own id and verdict, as a TA marks "which step is
wrong" (heldout11's rubrics: ``line 118.1``, ``line 119.2``, the documented ``line N.k`` for the k-th row).

A row states that the chain's subject (its first side) equals what the row writes: row k of ``a = b \\\\ = c \\\\ = d``
is the claim ``a = c``, judged like any claim (so a wrong row followed by a row that is right again: the wrong one
``incorrect``, the next ``correct`` — max-amb's ω^{[l-1]} slip, then "back to ω^{[l]}"). The first row is the
chain's first link. Each row is judged in the chain's own context (its id: its orientation, scope, random points),
keeps none of the answer's stated values, and is ``unchecked`` when the run's time is up.

A claim after a chain in the same display is numbered among the display's claims (``line 354.2``, the contract of the
older corpora) and also by its row (``line 354.4``): the second id is an alias, a one-row entry of ``rows``.

``document.extract`` records the rows (``Claim.rows``: each row's id and how many sides it adds); ``judge_rows`` fills
``ClaimResult.rows`` (each a ClaimResult under the row's id); ``settle`` keeps them in step with the passes that
change a chain's verdict after it is judged. ``verify_corpus`` and ``rubric.grade`` find a row by its id when no
claim has it. The chain's own id and verdict are unchanged.
"""

from __future__ import annotations

import re
from dataclasses import replace

from gradproof.derive import limits

from .judge import _NOTATION_UNREAD, TIME_RAN_OUT, Claim, ClaimResult, _top_rows, _top_sides
from .surface import split_statements

#: a claim numbered by its line alone (``line 27``, not ``line 27.2``, a tag or a question's ``Q2.1``)
_LINE_ID = re.compile(r"line \d+")


def judge_rows(judge, claim: Claim, result: ClaimResult, run) -> ClaimResult:
    """``result`` (the chain's verdict) with ``rows`` filled in: each row of ``claim.rows`` judged by ``run`` (the
    judge's bounded check) as the claim "subject = the row's sides"."""
    if not claim.rows:
        return result
    if len(claim.rows) == 1:  # one row: the claim's id by its row's own number (line 354.4 beside line 354.2)
        result.rows = [_alias(result, claim.rows[0][0])]
        return result
    sides = _top_sides(claim.latex)
    counts = [n for _, n in claim.rows]
    if len(sides) != sum(counts) or min(counts) < 1:
        result.rows = [_unjudged(rid, "", "the chain's rows could not be told apart (its sides do not split at the "
                                          "rows' = signs); the chain is judged as a whole", claim)
                       for rid, _ in claim.rows]
        return result
    texts, ids, at = [], [], 0
    for k, (rid, n) in enumerate(claim.rows):
        if k > 0 or n > 1:  # (a first row holding the subject alone, a \\ &= b, is no step)
            texts.append(" = ".join(s.strip() for s in sides[at:at + n]) if k == 0
                         else sides[0].strip() + " = " + " = ".join(s.strip() for s in sides[at:at + n]))
            ids.append(rid)
        at += n
    if result.verdict == "correct" and len(result.links) == len(sides) - 1 and all(v == "correct" for v in result.links):
        # every link holds: each row equals the subject (transitively); no row needs judging again
        result.rows = [ClaimResult(rid, text, "correct", result.expected, "the chain's links up to this row hold",
                                   quantity=result.quantity) for rid, text in zip(ids, texts, strict=True)]
        return result
    if claim.id in judge.defining:  # a chain opened by a definition: the chain as a whole
        result.rows = [ClaimResult(rid, text, "correct", "", result.message, quantity=result.quantity)
                       if result.verdict == "correct" else
                       _unjudged(rid, text, f"not judged row by row (the chain starts with a definition): {result.message}",
                                 claim)
                       for rid, text in zip(ids, texts, strict=True)]
        return result
    rows = []
    saved = judge._judging_rows
    judge._judging_rows = True
    try:
        for rid, text in zip(ids, texts, strict=True):
            if limits.overdue():
                rows.append(_unjudged(rid, text, f"not judged: {TIME_RAN_OUT} before this row", claim))
                continue
            r = run(replace(claim, latex=text, rows=()))  # (under the chain's id: its context and random points)
            r.id, r.latex, r.rows = rid, text, []
            rows.append(r)
    finally:
        judge._judging_rows = saved
    if result.verdict == "unchecked" and _NOTATION_UNREAD.search(result.message):
        for r in rows:  # a side of the chain did not read for its letters: the rows that read may read them wrongly
            if r.verdict in ("incorrect", "carried_forward"):  # too (Judge._check_one's guard on a chain's sides)
                _unjudge(r, f"not judged: {r.message}; but a side of its chain did not read ({result.message}), so "
                            "its letters may be read wrongly")
    result.rows = rows
    return result


def settle(claims: list[Claim], results: list[ClaimResult], judged: dict) -> None:
    """After the passes that revise verdicts (Judge.check_all): a chain whose verdict changed since it was judged
    (``judged``: id -> verdict then) was found unsafe to judge as read; its rows' verdicts go with it (unchecked). A
    chain not judged (the run's time ran out) has its rows unchecked with its reason."""
    for c, r in zip(claims, results, strict=True):
        if c.rows and not r.rows:
            r.rows = ([_alias(r, c.rows[0][0])] if len(c.rows) == 1 else
                      [_unjudged(rid, "", r.message, c) for rid, _ in c.rows])
        elif len(r.rows) == 1 and r.rows[0].latex == r.latex:
            r.rows = [_alias(r, r.rows[0].id)]  # (an alias follows the claim's final verdict)
        elif r.rows and r.id in judged and judged[r.id] != r.verdict:
            for row in r.rows:
                if row.verdict != "unchecked":
                    _unjudge(row, f"not judged: the chain it belongs to was revised ({r.message})")


def side_by_side(claims: list[Claim], results: list[ClaimResult], row_lines: dict | None = None) -> None:
    """Equations written side by side in one display (``z_1 = W_1 x, \\quad a_1 = ReLU(z_1)``, ``… \\text{and} …``) are
    one claim ``line N`` whose equations are each judged (``Judge._check_rows``); a grader names them ``line N.1``,
    ``line N.2``, the documented ``line N.k`` for the k-th claim of a display with several. Each becomes a row under
    that id with its own equation's verdict (the claim's ``links``), once every pass has settled the claim's verdict; a
    claim no longer correct or incorrect (revised, or never judged) gives its rows its own verdict and reason. An
    equation that starts on a later line of the display is named by its own line (``line 505.2`` after ``line 503.1``:
    ``row_lines``, claim id -> each equation's line, from document.extract). Each row shows its equation as the answer
    wrote it (``r.latex``, restored after the readings that rewrite a claim: funcdef's ``a(x)`` read as ``g(x)``), split
    as the claim read when the text as written splits otherwise. A claim of several statements (``A \\implies B,
    \\quad C``) has no such rows: its links are its statements (Judge._check_one splits at the implication first), not
    the equations a split at ``\\quad`` lists — zipped with those, a row holding a wrong B was "correct" and the right
    C beside it "incorrect"."""
    for c, r in zip(claims, results, strict=True):
        if r.rows or not _LINE_ID.fullmatch(r.id) or len(split_statements(c.latex)) > 1:
            continue
        pieces = _top_rows(r.latex)
        if len(pieces) != len(r.links) and r.latex != c.latex:
            pieces = _top_rows(c.latex)
        if len(pieces) < 2 or len(r.links) != len(pieces):
            continue
        n, judged = len(pieces), r.verdict in ("correct", "incorrect", "carried_forward")
        lines = (row_lines or {}).get(r.id)
        names = [f"line {ln}.{k + 1}" for k, ln in enumerate(lines)] if lines and len(lines) == n else \
            [f"{r.id}.{k + 1}" for k in range(n)]
        worst = next((k for k, v in enumerate(r.links) if v == r.verdict), None) if judged else None
        r.rows = []
        for k, piece in enumerate(pieces):
            verdict = r.links[k] if judged else r.verdict
            if k == worst or not judged:
                message = r.message if verdict != "correct" else f"holds (equation {k + 1} of {n})"
            else:
                message = {"correct": f"holds (equation {k + 1} of {n})",
                           "unchecked": f"equation {k + 1} of {n} was not judged"}.get(
                    verdict, f"{verdict.replace('_', ' ')} (equation {k + 1} of {n}; the claim's message names equation "
                    f"{worst + 1})")
            row = ClaimResult(names[k], piece.strip(), verdict, r.expected if k == worst else "", message,
                              quantity=r.quantity)
            if k == worst:
                row.counterexample, row.diagnosis, row.diagnosis_key = r.counterexample, r.diagnosis, r.diagnosis_key
            r.rows.append(row)


def find_row(results: list[ClaimResult], cid: str) -> ClaimResult | None:
    """The row of a chain with id ``cid`` (``line 119.2``), when no claim has that id."""
    for r in results:
        for row in r.rows:
            if row.id == cid:
                return row
    return None


def _alias(result: ClaimResult, rid: str) -> ClaimResult:
    return replace(result, id=rid, rows=[], notes=list(result.notes), links=list(result.links))


def _unjudge(row: ClaimResult, why: str) -> None:
    row.unjudge(why)


def _unjudged(rid: str, text: str, why: str, claim: Claim) -> ClaimResult:
    return ClaimResult(rid, text or claim.latex, "unchecked", "", why, quantity=claim.quantity)
