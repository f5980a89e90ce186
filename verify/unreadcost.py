"""An answer whose own definition of its objective does not read: its scale is the answer's own and not known.

One concern, two passes over the judged claims (Judge.check_all), which only turn verdicts into ``unchecked``:

- ``doubt_scaled`` (XanNotZan): the notes define ``C = \\frac{1}{n_L} \\sum_j \\frac{1}{2}(a_j^L - y_j)^2`` (half the
  squared error *averaged* over the outputs) and write ``\\frac{dC}{da_j^L} = \\frac{1}{n_L}(a_j^L - y_j)``. When that
  definition does not read, every derivative of C is judged on the spec's objective — and a copy that drops the 1/n_L
  (a planted mistake) matches the spec's ½‖ŷ − y‖² exactly: a false accept. So a claim after that definition whose
  verdict depends on the objective's scale (``correct`` on the spec's scale, not on another; ``incorrect`` but right
  on a common other factor) is ``unchecked``, naming the definition. Claims the scale does not decide (δ^l =
  (W^{l+1})^T δ^{l+1} ⊙ σ'(z^l), ∂a/∂z) keep their verdicts.
- ``unjudge_off_scale`` (ThirstyScholar): ``L = \\frac{1}{N}\\sum_{i, j} (\\hat y_{ij} - y_{ij})^2`` (no ½, where the
  spec's squared error has one) and ``\\frac{\\partial L}{\\partial \\hat y} = \\frac{2}{N} (\\hat y - y)``: right on his
  scale. When the answer defines its objective and no such definition reads, a derivative judged ``incorrect``
  anywhere in the answer (a chain's rows too, chainrows.py) that holds on the scale of the common conventions
  (without the ½, or with a ½ the spec does not have) is ``unchecked``, saying why.

(A definition that reads is settled by ``infer.objective_scale``: adopted, or left open with its reason.) Both passes
judge a claim again on another scale with ``_verdict_on`` (scale_options; δ scaled with the objective for the first).
"""


from __future__ import annotations

import re
from dataclasses import replace

from gradproof.derive import limits

from .judge import TIME_RAN_OUT, Claim, ClaimResult
from .lossname import DEFINES_OBJECTIVE

_UNREAD = ("could not read", "could not evaluate")
_PROBE = 2.0  # another scale of the objective: a verdict that holds on both does not depend on it
#: claims judged again on another scale, in all (a correct claim once, an incorrect one once per factor): past it, and
#: past the run's soft deadline, a claim whose verdict the scale may decide is ``unchecked`` (1990 derivatives after an
#: unread definition were each judged again up to six times: 10 CPU s, after the soft deadline too)
MAX_CHECKS = 600


def unread_definition(claims, results) -> int | None:
    """The position of the answer's first definition of its objective (``C = …``, ``L(w) = …``) that did not read,
    when no definition of it was judged (one that was settles the scale), else None."""
    unread = None
    for k, (c, r) in enumerate(zip(claims, results, strict=True)):
        if not DEFINES_OBJECTIVE.match(c.latex) or "\\partial" in c.latex or "\\nabla" in c.latex:
            continue
        if r.verdict in ("correct", "incorrect", "carried_forward") or "the sides read hold" in r.message:
            return None  # (a chain whose side that did not read is left unjudged: the sides read settle the scale)
        if r.verdict == "unchecked" and any(word in r.message for word in _UNREAD) and unread is None:
            unread = k
    return unread


def doubt_scaled(judge, claims, results, derivative) -> None:
    """Claims after the answer's own definition of its objective, where that did not read, whose verdict the
    objective's scale decides: ``unchecked``. A claim judged ``correct`` that is not on another scale; a claim judged
    ``incorrect`` that is right on one of the factors an answer's objective commonly differs by (½ or 2, the mean or
    the sum over the outputs or the examples: 1/n, n). ``derivative(latex)``: whether a claim states a derivative."""
    if judge.net.regularizer is not None or "loss_scale" in dict(judge.notation.options):
        return
    first = unread_definition(claims, results)
    if first is None:
        return
    cid = claims[first].id
    of = _derivative_of(DEFINES_OBJECTIVE.match(claims[first].latex).group(0),
                        bool(dict(judge.notation.options).get("delta_own")))
    n_out, batch = int(judge.net.sizes[-1]), int(judge.batch)
    factors = sorted({f for f in (0.5, 2.0, 1 / n_out, float(n_out), 1 / batch, float(batch)) if abs(f - 1) > 1e-9})
    checks = 0
    for k, (c, r) in enumerate(zip(claims, results, strict=True)):
        if k <= first or r.verdict not in ("correct", "incorrect") or not derivative(c.latex) or not of.search(c.latex):
            # (what follows the definition, about that objective: J = 1/m Σ ℓ^{(i)} leaves ∂ℓ/∂b as it is)
            continue
        probes = (_PROBE,) if r.verdict == "correct" else factors
        if checks + len(probes) > MAX_CHECKS or limits.overdue():  # (bounded work: not known either way, so not judged)
            why = (f"{TIME_RAN_OUT} ({limits.soft_deadline()})" if limits.overdue()
                   else f"more than {MAX_CHECKS} such checks in one answer")
            results[k] = _unscaled(r, cid, f"whether it depends on the objective's scale was not checked ({why}), and "
                                            f"the answer's own definition of its objective ({cid}) did not read")
            continue
        checks += len(probes)
        others = (_verdict_on(judge, c, f) for f in probes)
        if any(v is not None and (v == "correct") != (r.verdict == "correct") for v in others):
            results[k] = _unscaled(r, cid, f"it depends on the objective's scale, and the answer's own definition of its "
                                            f"objective ({cid}) did not read, so that scale is not known (it may be a "
                                            "multiple of the spec's)")


def _unscaled(r, cid: str, why: str):
    """``r`` made ``unchecked``: its verdict may rest on a scale of the objective the answer's definition ``cid`` hides."""
    return replace(r, verdict="unchecked", expected="", diagnosis=None, diagnosis_key=None, counterexample=None,
                   message=f"not judged: {why}; write that definition so it reads, or give the spec the answer's objective")


def _derivative_of(defined: str, delta: bool) -> re.Pattern:
    """A claim about a derivative of the objective a definition's left side (``C =``, ``L(w) =``) names — ∂C, dC,
    ∇… C — or, when the answer defines δ as that objective's derivative (``delta``), about δ."""
    letter = re.escape(defined.split("(")[0].split("=")[0].strip())
    alternatives = [rf"\\partial\s*+{letter}(?![A-Za-z])", rf"\\frac\s*+\{{\s*+d\s*+{letter}(?![A-Za-z])",
                    rf"\\nabla[^=]{{0,60}}?{letter}(?![A-Za-z])"] + ([r"\\delta(?![A-Za-z])"] if delta else [])
    return re.compile("|".join(alternatives))


def _verdict_on(judge, claim, factor: float, delta_own: bool = True) -> str | None:
    """The claim's verdict on ``factor`` × the spec's objective (with ``delta_own``, δ scaled with it: an answer's δ is
    its own objective's derivative, so ∂C/∂b = δ holds on every scale); None when it does not read there."""
    from .infer import scale_options

    saved = judge.notation
    own = (("delta_own", True),) if delta_own else ()
    try:
        with limits.time_limit(limits.CLAIM_SECONDS, f"checking claim {claim.id}", cpu=True):
            judge.notation = replace(saved, options=saved.options + scale_options(judge.net, factor) + own)
            return judge._check_in(claim, judge._shown(claim) or judge.layouts[0], remember=False).verdict
    except Exception:  # noqa: BLE001 -- a reading that trips on the other scale shows nothing
        return None
    finally:
        judge.notation = saved


#: the scales of the usual conventions against the spec's: without the ½ (2 ×), with one more ½ (0.5 ×)
SCALES = (2.0, 0.5)
#: at most this many claims and rows are judged again (each twice at most); past it, or past the run's time, the
#: verdicts stay as judged
MAX_AGAIN = 24


def unjudge_off_scale(judge, claims, results) -> None:
    """ThirstyScholar's pass (see the module docstring); it changes only ``incorrect`` verdicts."""
    if judge.net.regularizer is not None or "loss_scale" in dict(judge.notation.options):
        return
    defining = [r for c, r in zip(claims, results, strict=True) if DEFINES_OBJECTIVE.match(c.latex)
                and "\\partial" not in c.latex and "\\nabla" not in c.latex]
    if not defining or any(r.verdict != "unchecked" or "could not read" not in r.message for r in defining):
        return  # (no definition, or one that reads: its scale is read, infer.objective_scale)
    again = 0
    for c, r in zip(claims, results, strict=True):
        for target in [r, *r.rows]:
            if target.verdict != "incorrect" or ("\\partial" not in target.latex and "\\nabla" not in target.latex):
                continue
            again += 1
            if again > MAX_AGAIN or limits.overdue():
                return
            for scale in SCALES:
                if _verdict_on(judge, Claim(c.id, target.latex, c.quantity, c.where), scale, delta_own=False) == "correct":
                    _unjudge(target, scale, defining[0])
                    break


def _unjudge(r: ClaimResult, scale: float, definition: ClaimResult) -> None:
    r.unjudge()
    r.message = (f"not judged: it holds if the answer's objective is {scale:g} × the spec's, and the answer defines its "
                 f"objective itself ({definition.id}) in a way that was not read, so its scale is not known; give the "
                 "objective in [notation] or write its definition so it reads")
