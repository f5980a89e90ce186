"""An objective labelled by its loss's name: Vege's ``\\mathcal{C}_\\mathrm{MSE}``, ``C_{\\text{MSE}}``, ``L_{CE}``
(issue 10, eighth round).

The label names which loss the objective letter stands for. When it names the spec's loss (MSE under a squared-error
spec), the claim is about the spec's objective: the label is dropped before reading (``\\mathcal{C}`` is read as every
objective letter is). When it names another loss (``\\mathcal{C}_\\mathrm{CE}`` under squared error), the label is
kept, and ``foreign.other_loss`` leaves the claim unchecked ("another loss than the spec's") — never judged against
the spec's loss. Results show the claim as written. Two linear regular expressions per claim.

σ labelled by the function it is (Vege's ``\\sigma_\\mathrm{sig}``, ``\\sigma'_{\\mathrm{sig}}``, ``\\sigma_\\mathrm{tanh}``,
``\\sigma_{relu}``, ``\\sigma_\\mathrm{sm}``) is that function, as the parser spells it (``\\mathrm{sigmoid}'``, ``\\tanh``,
``\\mathrm{ReLU}``, ``\\mathrm{softmax}``); a label naming no function the parser knows (Heaviside) is left as written
(unread). A claim read only through these rewrites and judged wrong by a product whose shapes fit in no reading is
``unchecked`` (``per_example``): such derivations write their products entry by entry."""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from .foreign import _LOSS_NAMES

_FONT = r"\\(?:mathrm|text|textrm|operatorname|mathit|textit)\s*"
#: an objective letter with its loss's name as the subscript: \mathcal{C}_\mathrm{MSE}, C_{\text{MSE}}, J_{MSE}
_LABELLED = re.compile(r"(\\mathcal\s*\{\s*[CLJE]\s*\}|(?<![A-Za-z\\])[CLJE])\s*_\s*"
                       rf"(?:\{{\s*{_FONT}\{{\s*([A-Z]{{2,4}})\s*\}}\s*\}}|{_FONT}\{{\s*([A-Z]{{2,4}})\s*\}}"
                       r"|\{\s*([A-Z]{2,4})\s*\})")


#: the objective defined as a mean over the examples: Quargam's J = \dfrac{1}{n} \sum{(y^{(i)} - \hat{y}^{(i)})^2}
MEAN_OBJECTIVE = re.compile(r"\\[dtc]?frac\s*\{\s*1\s*\}\s*\{\s*(?:[mnNMB]|N\s*K)\s*\}\s*\\sum")  # (B, NK: PyTorch write-ups)
#: the objective's own definition (Britz's L(y, ŷ) = −\frac{1}{N} Σ_n Σ_i y_{n,i} log ŷ_{n,i})
DEFINES_OBJECTIVE = re.compile(r"\s*(?:\\mathcal\s*\{\s*[LJ]\s*\}|[LJCE]|\\ell)\s*(?:\([^=()]{0,40}\)\s*)?=")
#: ... by the letter of one example's loss (\ell, \mathcal{L}), at the start of the claim
_DEFINES_ELL = re.compile(r"\s*(?:\\mathcal\s*\{\s*L\s*\}|\\ell)\s*(?:\([^=()]{0,40}\)\s*)?=\s*-?\s*")


def ell_is_the_mean(claims) -> bool:
    """Whether the answer defines ℓ (``\\ell``, ``\\mathcal{L}``) — one example's loss by default — as the mean over
    its batch (a PyTorch write-up's ``\\mathcal{L} = -\\frac{1}{N}\\sum_n …``) or as a sum over its examples (CS229's
    log-likelihood ``\\ell(\\theta) = \\sum_{i=1}^n y^{(i)} \\log h(x^{(i)}) + …``): then its derivatives are the batch
    objective's, as its definition (judged as the batch's, on its own scale) says."""
    for c in claims:
        m = _DEFINES_ELL.match(c.latex)
        if m and (MEAN_OBJECTIVE.match(c.latex, m.end()) or _SUM_OF_EXAMPLES.match(c.latex, m.end())
                  and _EXAMPLE_SCRIPT.search(c.latex, m.end(), m.end() + 400)):
            return True
    return False


def sums_over_examples(latex: str) -> bool:
    """Whether a definition of the objective sums its examples' terms (``\\sum_{i=1}^{m} … x^{(i)} …``, no 1/m): on the
    batch it is m × its value for one example."""
    m = _SUM_OF_EXAMPLES.search(latex[:2000])
    return m is not None and _EXAMPLE_SCRIPT.search(latex, m.end(), m.end() + 400) is not None and not (
        MEAN_OBJECTIVE.search(latex[:2000]))


#: a sum over the examples (CS229's log-likelihood ℓ(θ) = \sum_{i=1}^{n} y^{(i)} \log h(x^{(i)}) + …: the whole training
#: set's, no 1/N) — its summand names each example (_EXAMPLE_SCRIPT)
_SUM_OF_EXAMPLES = re.compile(r"\\sum\s*_\s*\{?\s*([inm])\s*(?:=\s*1\s*)?\}?\s*\^\s*\{?\s*[mnNM]\s*\}?")
_EXAMPLE_SCRIPT = re.compile(r"\^\s*\{?\s*\(\s*[inm]\s*\)")


def ell_is_the_objective(claims) -> bool:
    """Whether the answer defines ℓ (``\\ell``, ``\\mathcal{L}``) — one example's loss by default — as the whole
    objective, its data term plus a penalty (joyabrata-das's ``\\mathcal{L} = -\\frac{1}{m}\\sum … + \\frac{\\lambda}{2m}
    \\sum_l \\|W^{(l)}\\|_F^2``): then its derivatives are the objective's, penalty included, as J's are."""
    for c in claims:
        m = _DEFINES_ELL.match(c.latex)
        if m and _PENALTY.search(c.latex, m.end()) and "\\partial" not in c.latex[:m.end()]:
            return True
    return False


#: 𝓛 defined (at the start of a claim), and the letters the reading keeps apart from it
_DEFINES_CAL_L = re.compile(r"\s*+\\mathcal\s*+\{\s*+L\s*+\}\s*+(?:\([^=()]{0,40}\)\s*+)?=")
_CAL_L = re.compile(r"\\mathcal\s*+\{\s*+L\s*+\}")
_ELL = re.compile(r"\\ell(?![A-Za-z])")
_J = re.compile(r"(?<![A-Za-z\\])J(?![A-Za-z])")


def calligraphic_objective(claims) -> tuple[list, dict]:
    """(the claims with 𝓛 read as J, {claim id: the text as written}) when the answer defines 𝓛 as the whole
    objective through one example's loss ℓ, ``\\mathcal{L} = \\frac{1}{m} \\sum_i \\ell(\\hat y^{(i)}, y^{(i)}) +
    \\frac{\\lambda}{2} \\sum_l \\|W^{(l)}\\|_F^2``, and writes no J: the reader reads ℓ and 𝓛 as one letter (one
    example's loss, or with ``ell_is_the_objective`` both the whole objective), and here they are two — 𝓛 the objective
    (J, penalty included), ℓ the example's data loss. Read as one, the answer's right ``\\ell(\\hat y, y) = ½‖ŷ − y‖²``
    and ∂ℓ/∂W⁽²⁾ = δ⁽²⁾h⁽¹⁾ᵀ were judged against the objective with its penalty: "incorrect" (issue 12, fifteenth round).
    Call it only when the spec has a penalty. One linear scan of each claim."""
    defined = False
    for c in claims:
        m = _DEFINES_CAL_L.match(c.latex)
        if m and _PENALTY.search(c.latex, m.end()) and _ELL.search(c.latex, m.end()):
            defined = True
        if _J.search(c.latex):
            return list(claims), {}
    if not defined:
        return list(claims), {}
    out, originals = [], {}
    for c in claims:
        text = _CAL_L.sub("J", c.latex)
        if text != c.latex:
            originals[c.id] = c.latex
            c = replace(c, latex=text)
        out.append(c)
    return out, originals


#: J̃ (\tilde{J}, \widetilde{J}) with its arguments maybe, and its definition as a penalty plus J: Goodfellow et al.'s
#: \tilde{J}(w; X, y) = \frac{\alpha}{2} w^\top w + J(w; X, y) (§7.1.1)
_TILDE_J = re.compile(r"\\(?:wide)?tilde\s*\{\s*J\s*\}|\\tilde\s+J(?![A-Za-z])")
_DEFINES_TILDE_J = re.compile(r"\s*+(?:\\(?:wide)?tilde\s*\{\s*J\s*\}|\\tilde\s+J)\s*(?:\([^()=]{0,60}\))?\s*(?:=|:=|\\coloneqq)")


#: a weight vector times itself transposed, the L2 penalty α/2 wᵀw (any spelling of the transpose)
_TRANSPOSED_W = re.compile(r"(?<![A-Za-z\\])w\s*+\}?\s*+\^\s*+\{?\s*+(?:T|\\top|\\intercal)")


def tilde_objective(claims) -> tuple[list, dict]:
    """(the claims with J̃ read as J and J as the data term L, {claim id: the text as written}) when the answer defines
    J̃ as a penalty plus J (Goodfellow et al.'s regularized objective J̃ = α/2 wᵀw + J): its J is then the objective
    without the penalty, gradproof's L. Call it only when the spec has a penalty. One linear scan of each claim."""
    if not any((m := _DEFINES_TILDE_J.match(c.latex)) and _J.search(c.latex, m.end()) and (
            _PENALTY.search(c.latex, m.end()) or _TRANSPOSED_W.search(c.latex, m.end())) for c in claims if len(c.latex) <= 2000):
        return list(claims), {}
    out, originals = [], {}
    for c in claims:
        text = _TILDE_J.sub("\x00", c.latex)  # (J̃ held aside while J becomes L)
        text = _J.sub("L", text).replace("\x00", "J")
        if text != c.latex:
            originals[c.id] = c.latex
            c = replace(c, latex=text)
        out.append(c)
    return out, originals


#: a penalty term in an objective's definition: λ, a norm of the weights (‖W^{(l)}‖_F², \lVert \theta \rVert), Ω(θ),
#: R(W) — not any norm: one example's loss ½‖ŷ − y‖² is a norm of the residual, its data term alone (a reading of
#: every norm as a penalty made ``\mathcal{L} = \frac{1}{2}\|\hat y - y\|^2`` the whole objective: its derivatives
#: without λW were judged incorrect)
_PENALTY = re.compile(r"\\lambda(?![A-Za-z])|(?:\\[lr]?Vert|\\\||‖)\s*+(?:\\(?:mathbf|boldsymbol|bm)\s*+\{\s*+)?"
                      r"(?:[Ww]|\\theta|\\Theta)(?![A-Za-z])|\\Omega(?![A-Za-z])|(?<![A-Za-z\\])R\s*\(")


#: σ with a function's name as its subscript (and a prime before it): \sigma'_\mathrm{sig}, \sigma_{relu}
_SIGMA_NAMED = re.compile(r"\\sigma\s*(')?\s*_\s*(?:\{\s*" + _FONT + r"\{\s*([A-Za-z]{2,10})\s*\}\s*\}|" + _FONT
                          + r"\{\s*([A-Za-z]{2,10})\s*\}|\{\s*([A-Za-z]{2,10})\s*\})")
#: the functions a σ label names, as the parser spells them
_SIGMA_FUNCTIONS = {"sig": r"\mathrm{sigmoid}", "sigmoid": r"\mathrm{sigmoid}", "logistic": r"\mathrm{sigmoid}",
                    "relu": r"\mathrm{ReLU}", "tanh": r"\tanh", "sm": r"\mathrm{softmax}", "softmax": r"\mathrm{softmax}"}


def unlabel(claims, loss_name: str) -> tuple[list, dict]:
    """(claims with the spec's loss label dropped from their objective letters and σ's function labels read as the
    function, {claim id: the latex as written})."""
    out, originals = [], {}
    for c in claims:
        text = c.latex
        if "_" in text:
            text = _SIGMA_NAMED.sub(_function, _LABELLED.sub(lambda m: _dropped(m, loss_name), text))
        if text != c.latex:
            originals[c.id] = c.latex
            c = replace(c, latex=text)
        out.append(c)
    return out, originals


def _function(m: re.Match) -> str:
    name = _SIGMA_FUNCTIONS.get((m.group(2) or m.group(3) or m.group(4)).lower())
    return m.group(0) if name is None else name + (m.group(1) or "") + " "


def _dropped(m: re.Match, loss_name: str) -> str:
    name = m.group(2) or m.group(3) or m.group(4)
    return m.group(1) if loss_name in _LOSS_NAMES.get(name, ()) else m.group(0)


def restore(results, originals: dict) -> None:
    """Each result shows the claim as the answer wrote it."""
    for r in results:
        if r.id in originals:
            r.latex = originals[r.id]


#: a batch failure that may be the sample axis: the batch's 1/N, or a shape that differs from the truth's
_SAMPLE_KEYS = ("missing_1_over_N", "extra_1_over_N")
_GIVES = re.compile(r"expected \d+×\d+, the claim gives \d+×\d+")


def _product(message: str) -> bool:
    """Whether the verdict is a product whose factors' shapes do not fit (the judge's own message)."""
    return "shape mismatch: " in message and " times " in message


def per_example(judge, claims, results, originals: dict) -> None:
    """A labelled objective's claim judged incorrect in the document's batch by the batch itself (a missing 1/N, an
    array with a sample axis) when the answer also defines the objective for one example (Vege's
    ``\\mathcal{C}_\\mathrm{MSE} = \\frac{1}{2N} \\sum_i ‖a_i − y_i‖²`` and ``= \\frac{1}{2}‖a_i − y_i‖²``): read for one
    example, as the per-example judge reads the entry-by-entry claims (``Judge._for_one_example``). A product whose
    shapes do not fit in either reading is ``unchecked``: Vege writes ``δ^L a^{L−1}`` entry by entry before his
    "full expression", and whether such a product multiplies matrices or entries is not certain from the claim."""
    if not originals or judge._one_example is None:
        return
    for i, (c, r) in enumerate(zip(claims, results, strict=True)):
        if c.id not in originals or r.verdict != "incorrect":
            continue
        if r.diagnosis_key not in _SAMPLE_KEYS and not _GIVES.search(r.message) and not _product(r.message):
            continue
        one = judge._for_one_example(c, "its objective is defined per example too: read for one example")
        if one is not None and one.verdict == "correct":
            results[i] = one
        elif (_product(r.message) or r.diagnosis_key in _SAMPLE_KEYS) and (one is None or _product(one.message)):
            r.unjudge()
            r.links = []
            alone = "" if one is None or one.message == r.message else f"; for one example: {one.message}"
            r.message = (f"not judged: for the batch: {r.message}{alone}; whether the product is of matrices or of "
                         "their entries (as a derivation written entry by entry means it) is not certain")


#: the squared-error losses of a spec, and how many times ‖ŷ − y‖² (summed over the outputs) each one's per-example
#: loss is: ½‖·‖², ‖·‖², (1/K)‖·‖² (K: the outputs)
_SQUARED_SPECS = {"squared_error": lambda k: 0.5, "sum_squared_error": lambda k: 1.0, "mean_squared_error": lambda k: 1.0 / k}
#: a definition of a squared error by its acronym: MSE = …, \text{SSE}(\boldsymbol{w}) = …, RSS(w) = …
_DEFINES_NAMED = re.compile(rf"\s*(?:{_FONT}\{{\s*(MSE|SSE|RSS)\s*\}}|(MSE|SSE|RSS)(?![A-Za-z]))\s*(?:\\left\s*)?"
                            r"(?:\([^=()]{0,60}\)\s*(?:\\right\s*)?)?=(?!=)")


def named_scales(judge, claims) -> tuple:
    """The scale of each squared error an answer names by its acronym, against the spec's objective J (the mean over the
    batch of its per-example loss): (("MSE", (factor, per_batch)), ("SSE", …)) — per_batch: times the batch's N — or a
    reason the name is not read. MSE is the mean over the examples of the squared error (of one output; with several,
    a mean over the outputs too only where the spec's own loss is that mean), SSE and RSS its sum: so beside
    ½‖ŷ − y‖² MSE is 2 J and SSE 2N J. The answer's own definition of the name (``MSE = \\frac{1}{n}\\sum …``) decides
    instead, when its value is a constant times J at the judge's points. Only with a squared-error spec and no
    regularizer (then J is the squared error itself); another loss's spec leaves the names to foreign.other_loss."""
    net = judge.net
    per_example = _SQUARED_SPECS.get(net.loss.name)
    if per_example is None:
        return ()
    if net.regularizer is not None:
        reason = "with a regularizer the spec's objective is more than the squared error an acronym names: not read"
        return (("MSE", reason), ("SSE", reason))
    k = net.layers[-1].units
    unit = 1.0 / per_example(k)  # ‖ŷ − y‖² in units of the spec's per-example loss
    mse = (unit / k, False) if net.loss.name == "mean_squared_error" or k == 1 else (
        f"MSE of {k} outputs: a mean over the outputs too, or over the examples only — the answer does not define it")
    scales = {"MSE": mse, "SSE": (unit, True)}
    for name, factor in _defined_scales(judge, claims).items():
        scales[name] = factor
    return tuple(scales.items())


def _defined_scales(judge, claims) -> dict:
    """The answer's own definitions of MSE, SSE or RSS (the first of each): {name: (factor, False)} when the definition
    is a constant times J at every point, else {name: reason}."""
    from .judge import _top_sides
    from .parser import parse_claim
    from .shapes import ShapeMismatch, evaluate
    from .tree import Unreadable

    out: dict = {}
    for c in claims:
        m = _DEFINES_NAMED.match(c.latex[:400])
        if m is None:
            continue
        name = "MSE" if (m.group(1) or m.group(2)) == "MSE" else "SSE"
        if name in out:
            continue
        sides = _top_sides(c.latex)
        if len(sides) < 2:
            continue
        rhs = sides[1]
        reason = f"the answer's own definition of {name} (claim {c.id}) does not read as a constant times the objective"
        out[name] = reason
        try:
            sides, _ = parse_claim("J = " + rhs, judge.notation, judge.net.depth)
        except Exception:  # noqa: BLE001 -- a definition that does not read decides nothing but that
            continue
        for lay in judge.layouts:
            judge._use(lay)
            try:
                ratios = [float(np.ravel(evaluate(sides[1], judge.context(env)))[0]) / float(env[("loss", None)])
                          for env in judge.envs]
            except (ShapeMismatch, Unreadable, ValueError, TypeError, ZeroDivisionError, FloatingPointError, KeyError):
                continue
            if ratios and all(np.isfinite(ratios)) and max(ratios) - min(ratios) <= 1e-6 * max(1.0, abs(ratios[0])):
                out[name] = (ratios[0], False)
                break
    return out

