"""An objective the answer defines in a way that does not read: its scale is the answer's own and not known.

ThirstyScholar defines ``L = \\frac{1}{N}\\sum_{i, j} (\\hat y_{ij} - y_{ij})^2`` (no ½, where the spec's squared error
has one) and then writes ``\\frac{\\partial L}{\\partial \\hat y} = \\frac{2}{N} (\\hat y - y)``: right on his scale. A
definition that reads sets the scale (``infer.objective_scale``); one that does not leaves the spec's, on which such
a derivative is a factor 2 off. So when the answer defines its objective (``J = …``, ``L = …``, ``E = …``, ``C = …``)
and no such definition reads, a derivative judged ``incorrect`` that holds on the scale of the common conventions
(without the ½, or with a ½ the spec does not have) is ``unchecked``, saying why — a chain's rows too (chainrows.py).
"""

from __future__ import annotations

from dataclasses import replace

from gradproof.derive import limits

from .judge import Claim, ClaimResult
from .lossname import DEFINES_OBJECTIVE

#: the scales of the usual conventions against the spec's: without the ½ (2 ×), with one more ½ (0.5 ×)
SCALES = (2.0, 0.5)
#: at most this many claims and rows are judged again (each twice at most); past it, or past the run's time, the
#: verdicts stay as judged
MAX_AGAIN = 24


def unjudge_off_scale(judge, claims, results) -> None:
    """The post-pass of Judge.check_all (see the module docstring); it changes only ``incorrect`` verdicts."""
    from .infer import scale_options

    if judge.net.regularizer is not None or "loss_scale" in dict(judge.notation.options):
        return
    defining = [r for c, r in zip(claims, results, strict=True) if DEFINES_OBJECTIVE.match(c.latex)
                and "\\partial" not in c.latex and "\\nabla" not in c.latex]
    if not defining or any(r.verdict != "unchecked" or "could not read" not in r.message for r in defining):
        return  # (no definition, or one that reads: its scale is read, infer.objective_scale)
    saved, again = judge.notation, 0
    try:
        for c, r in zip(claims, results, strict=True):
            for target in [r, *r.rows]:
                if target.verdict != "incorrect" or ("\\partial" not in target.latex and "\\nabla" not in target.latex):
                    continue
                again += 1
                if again > MAX_AGAIN or limits.overdue():
                    return
                for scale in SCALES:
                    judge.notation = replace(saved, options=saved.options + scale_options(judge.net, scale))
                    if _holds(judge, Claim(c.id, target.latex, c.quantity, c.where)):
                        _unjudge(target, scale, defining[0])
                        break
                    judge.notation = saved
    finally:
        judge.notation = saved


def _holds(judge, claim: Claim) -> bool:
    try:
        with limits.time_limit(limits.CLAIM_SECONDS, f"checking claim {claim.id}", cpu=True):
            return judge._check_in(claim, judge._shown(claim) or judge.layouts[0], remember=False).verdict == "correct"
    except Exception:  # noqa: BLE001 -- a reading that trips leaves the verdict as it was judged
        return False


def _unjudge(r: ClaimResult, scale: float, definition: ClaimResult) -> None:
    r.verdict, r.expected, r.counterexample, r.diagnosis, r.diagnosis_key = "unchecked", "", None, None, None
    r.message = (f"not judged: it holds if the answer's objective is {scale:g} × the spec's, and the answer defines its "
                 f"objective itself ({definition.id}) in a way that was not read, so its scale is not known; give the "
                 "objective in [notation] or write its definition so it reads")
