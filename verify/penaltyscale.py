"""The penalty's scale as the answer writes it: an L2 penalty λ/2 Σ W² beside a data term averaged over the m examples
(UFLDL's ``J(W,b) = [\\frac{1}{m} \\sum_k J(W,b; x^{(k)}, y^{(k)})] + \\frac{\\lambda}{2} \\sum_l \\sum_i \\sum_j
(W^{(l)}_{ji})^2``, whose gradient carries ``+ \\lambda W_{ij}``) where the spec divides λ by the batch (``reg_scaling =
"batch"``: λ/(2N) Σ W²), or the other way round. Which of the two a course means is its convention, not a mistake: a
claim wrong under the spec's scale and right under the other is ``unchecked`` with both named, never ``incorrect``."""

from __future__ import annotations

import re
from dataclasses import replace

#: a claim that writes the penalty's constant
_LAMBDA = re.compile(r"\\lambda(?![A-Za-z])")


def applies(judge, latex: str) -> bool:
    """Whether the claim may carry the penalty on the other scale: a regularised spec judged with a batch, and λ written."""
    return (judge.net.regularizer is not None and judge.batch > 1 and not judge.numeric
            and bool(_LAMBDA.search(latex)))


def other_judge(judge):
    """A judge of the same network, batch, notation and points with the penalty on the other scale (λ/N ↔ λ); None when
    it cannot be made."""
    from gradproof.derive.derivation import derive

    from .judge import Judge

    net = judge.net
    other = replace(net, reg_scaling="none" if net.reg_scaling == "batch" else "batch")
    try:
        made = Judge(derive(other, check=False), batch=judge.batch, notation=judge.notation, seed=judge._seed)
    except (ValueError, ArithmeticError):
        return None
    made._claims, made.defining = judge._claims, judge.defining
    return made


def own_scale(judge) -> str | None:
    """The id of the answer's own definition of its objective (with λ) that holds with the penalty on the other scale
    and not on the spec's, or None. Read once, over the first claims that define the objective."""
    from .lossname import DEFINES_OBJECTIVE

    seen = 0
    for claim in judge._claims:
        if seen >= 4 or not DEFINES_OBJECTIVE.match(claim.latex) or not applies(judge, claim.latex):
            continue
        if not judge._defines_objective(claim):
            continue
        seen += 1
        other = judge.penalty_judge()
        if other is None:
            return None
        if judge.check(claim).verdict == "incorrect" and other.check(claim).verdict == "correct":
            return None if _contradicted(judge, other, claim) else claim.id
    return None


def _contradicted(judge, other, defining) -> bool:
    """Whether another claim of the answer that writes λ holds with the spec's scale only (Ng's λ/m W beside a cost
    whose 1/m was dropped): the answer is not consistent with its definition, so the definition settles nothing. At
    most ``MAX_WITNESSES`` claims are judged."""
    seen = 0
    for claim in judge._claims:
        if claim.id == defining.id or not applies(judge, claim.latex):
            continue
        seen += 1
        if seen > MAX_WITNESSES:
            break
        if judge.check(claim).verdict == "correct" and other.check(claim).verdict == "incorrect":
            return True
    return False


#: the claims writing λ judged with both scales when a definition would settle it
MAX_WITNESSES = 12


def on_own_scale(judge, claim, result, defined: str):
    """The claim judged on the scale the answer's own definition ``defined`` writes (a note says so)."""
    from dataclasses import replace as _replace

    if claim.id == defined:
        return _replace(result, verdict="unchecked", expected="", counterexample=None,
                        message="defines the objective with the penalty λ/2 Σ W², λ not divided by the batch (a "
                                "convention, not checked); its claims that write λ are read on that scale"
                        if judge.net.reg_scaling == "batch" else
                        "defines the objective with the penalty λ/(2N) Σ W² (a convention, not checked); its claims "
                        "that write λ are read on that scale")
    other = judge.penalty_judge().check(claim)
    if other.verdict not in ("correct", "incorrect"):
        return result
    spec = "λ/N" if judge.net.reg_scaling == "batch" else "λ"
    own = "λ" if judge.net.reg_scaling == "batch" else "λ/N"
    note = (f"judged with the penalty's constant {own} as the answer's own objective ({defined}) writes it; the spec's is "
            f"{spec}")
    return _replace(other, id=claim.id, latex=claim.latex, notes=[*other.notes, note])


#: the L2 penalty with its ½: \frac{\lambda}{2}, \frac{1}{2}\lambda, \lambda/2, 0.5\lambda (normalised text)
_HALF = re.compile(r"\\frac\s*\{\s*\\lambda\s*\}\s*\{\s*2|\\frac\s*\{\s*1\s*\}\s*\{\s*2\s*\}\s*\\lambda|\\lambda\s*/\s*2"
                   r"|0?\.5\s*\\lambda")
#: λ written right before a squared norm or a sum of squares, with no ½: \lambda \|W\|_2^2, \lambda \sum_i W_i^2
_SQUARES = (r"(?:\\\|[^=|]{1,60}?\\\|\s*(?:_\s*\{?\s*[2F]\s*\}?\s*)?\^\s*\{?\s*2"
            r"|\\sum[^=]{0,80}?\^\s*\{?\s*2(?![0-9]))")
_NO_HALF = re.compile(r"\\lambda\s*(?:\\cdot\s*|\\,\s*)?" + _SQUARES)


#: λ times Ω or its gradient: \lambda \Omega(\theta), \lambda \nabla_{\theta} \Omega(\theta)
_LAMBDA_OMEGA = re.compile(r"\\lambda\s*(?:\\cdot\s*|\\,\s*)?"
                           r"(?:\\nabla\s*(?:_\s*(?:\{[^{}]{0,40}\}|\\?[A-Za-z]+)\s*)?)?\\Omega(?![A-Za-z])")
#: Ω defined as a sum of squares or a squared norm (its own definition, no ½ before it)
_OMEGA_SQUARES = re.compile(r"\s*\\Omega\s*(?:\([^()=]{0,40}\)\s*)?=\s*" + _SQUARES)
#: Ω defined with a ½: \Omega(\theta) = \frac{1}{2} …
_OMEGA_HALF = re.compile(r"\s*\\Omega\s*(?:\([^()=]{0,40}\)\s*)?=\s*(?:\\frac\s*\{\s*1\s*\}\s*\{\s*2\s*\}|0?\.5|1\s*/\s*2)")


def without_half(judge, claims) -> bool:
    """Whether the answer writes its L2 penalty as λ‖W‖² (Hoa Dinh's lab handout: ``\\lambda \\lVert \\mathbf{W}
    \\rVert_2^2 = \\lambda \\sum_i W_i^2``, then ``+ 2\\lambda W_i``), not the spec's λ/2 ‖W‖²: its λ is then half the
    spec's, as the constant of its own penalty. Read from the answer's definitions only (no derivative in them: a
    gradient's ``2\\lambda W`` is a claim to judge, not evidence), never where a ½ is written anywhere beside λ, and not
    for a worked example (its λ is a number it states)."""
    from .infer import _normal

    reg = judge.net.regularizer
    if reg is None or reg.name != "l2" or judge.numeric:
        return False
    texts = [_normal(c.latex[:2000]) for c in claims if "\\lambda" in c.latex]
    if any(_HALF.search(t) for t in texts):
        return False
    if any(_NO_HALF.search(t) and "\\partial" not in t and "\\nabla" not in t for t in texts):
        return True
    # Larochelle's Ω(θ) = Σ_k Σ_i Σ_j (W^{(k)}_{i,j})² beside Δ = −∇l − λ∇Ω(θ): the penalty λΩ with Ω a plain sum of squares
    omegas = [_normal(c.latex[:2000]) for c in claims if "\\Omega" in c.latex]
    return (any(_LAMBDA_OMEGA.search(t) for t in texts) and any(_OMEGA_SQUARES.match(t) for t in omegas)
            and not any(_OMEGA_HALF.match(t) for t in omegas))
