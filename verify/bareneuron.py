r"""Letters without a layer that the answer's own definition gives to another layer (issue 10, thirteenth round).

JoseFRuiz's Spanish notes open with one neuron, ``z = w x + b``, ``a = \sigma(z)``, ``L = L(a, y)``, then
``\frac{\partial L}{\partial b} = (a - y) \cdot \sigma'(z)``, before a network whose hidden layer is ReLU and whose one
output is logistic. In a one-hidden-layer network the judge reads z, a, h written without a layer as the hidden layer's
(``infer.readings``' ``unindexed_layer``, chosen when more claims hold so); the answer's own ``a = \sigma(z)`` then
says otherwise: σ is the activation of another layer (the output's), so the bare letters are a single neuron's, or
that layer's, not certainly the hidden layer's. Judged as the hidden layer's, the neuron's correct formulas are false
rejects (``(a - y)`` with a of three units and y of one).

The rule: when the bare reading was inferred (not declared), and a definition of a bare activation letter by a named
function of a bare z (``a = \sigma(z)``, ``h = \tanh(z)``, ``a = \operatorname{ReLU}(z)``) names the activation of
another layer and not the bare letters' layer, every claim judged ``incorrect`` that writes a bare z, a or h becomes
``unchecked`` with that definition and the ``[notation]`` line that would settle it. When that other layer is the
output layer — the one neuron a loss ``L(a, y)`` is on — such a claim (``incorrect`` or ``unchecked``) that writes no
bare x or w (the neuron's own input and weights, which at the output layer are no x) is judged again with the bare
letters as the output layer's, and takes that verdict if it holds there (Ruiz's ``∂L/∂a = a - y``, ``∂z/∂b = 1``).
Claims that hold as the hidden layer's keep their verdict; an answer whose bare definition names the hidden layer's own
function, or that declares ``unindexed_layer``, is judged as before.
"""

from __future__ import annotations

import re

#: a bare activation letter defined by a named function of a bare z: a = \sigma(z), h = \tanh(z), a = \ReLU (z)
_DEFINITION = re.compile(r"^\s*([ah])\s*=\s*\\(sigma|tanh|ReLU|relu)\s*\(\s*z\s*\)\s*[.,;]?\s*$")
#: an output defined as the softmax of a bare z, written out or named: ``p_j = \frac{e^{z_j}}{\sum_k e^{z_k}}``,
#: ``\hat y_i = \frac{\exp(z_i)}{\sum_j \exp(z_j)}``, ``p = \softmax(z)`` (snowch's edge detector: the output's)
_SOFTMAX_DEFINITION = re.compile(
    r"^\s*(?:\\hat\s*\{?\s*)?[A-Za-z]\s*\}?\s*(?:_\s*\{?\s*[a-z]\s*\}?)?\s*=\s*"
    r"(?:\\frac\s*\{\s*(?:e\s*\^\s*\{\s*z\s*_\s*\{?\s*([a-z])\s*\}?\s*\}|\\exp\s*\(\s*z\s*_\s*\{?\s*([a-z])\s*\}?\s*\))\s*\}"
    r"\s*\{\s*\\sum\s*_\s*(?:\{[^{}]{0,12}\}|[a-z])\s*(?:\^\s*(?:\{[^{}]{0,8}\}|\w)\s*)?"
    r"(?:e\s*\^\s*\{\s*z\s*_\s*\{?\s*[a-z]\s*\}?\s*\}|\\exp\s*\(\s*z\s*_\s*\{?\s*[a-z]\s*\}?\s*\))\s*\}"
    r"|\\softmax\s*\(\s*z\s*\))\s*[.,;]?\s*$")
#: the objective defined as the square of a bare activation against the target: L = (a - y)^2, C = \frac{1}{2}(y - a)^2
_LOSS_OF_BARE = re.compile(r"^\s*(?:[LJEC]|\\mathcal\s*\{?\s*[LJ]\s*\}?)\s*(?:\([^()=]{0,20}\))?\s*=\s*"
                           r"(?:\\frac\s*\{\s*1\s*\}\s*\{\s*2\s*\}\s*)?(?:\\left\s*)?\(\s*(?:[ah]\s*-\s*y|y\s*-\s*[ah])\s*"
                           r"(?:\\right\s*)?\)\s*\^\s*\{?\s*2\s*\}?\s*[.,;]?\s*$")
#: the activation each function names
_FUNCTIONS = {"sigma": "sigmoid", "tanh": "tanh", "ReLU": "relu", "relu": "relu"}
#: a letter z, a or h written without a layer (no superscript after it)
_BARE = re.compile(r"(?<![A-Za-z\\])[zahZAH](?![A-Za-z])(?!\s*\^)")
#: at most this many claims are scanned for the definition (each a bounded regular-expression match)
MAX_SCANNED = 2000
#: claims judged again with the bare letters as another layer's, per pass (unjudge_bare, judge_by_size): each is a
#: whole judgement (~30 ms; 1990 distinct claims were ~60 CPU s more where no soft deadline applies). Past it a claim
#: is not read again and keeps the conservative verdict (``unchecked``); the corpus's answers hold at most 56 claims
#: that could be read again (issue 12, fifteenth round)
MAX_CHECKS = 100
_PAST = (f" (not read again as the output layer's: more than {MAX_CHECKS} claims of the answer were; split the answer "
         "or declare [notation] unindexed_layer)")


def other_layers_definition(judge, claims) -> tuple[str, int, str] | None:
    """The answer's definition of a bare activation by another layer's function (``a = \\sigma(z) (line 27)``, with
    what it names), that layer and its function, or None when the bare letters' reading is declared, not the hidden layer's, or not
    contradicted."""
    from .infer import _normal

    layer = dict(judge.notation.options).get("unindexed_layer")
    if layer is None or "unindexed_layer" in dict(judge.declared.options):
        return None
    acts = [ly.activation for ly in judge.net.layers]
    if not 1 <= layer <= len(acts):
        return None
    for c in claims[:MAX_SCANNED]:
        if len(c.latex) > 200:
            continue
        text = _normal(c.latex)
        if layer != len(acts) and _LOSS_OF_BARE.match(text):
            # zacbrannelly's L = (a - label)^2: the loss compares the bare a with the target, so a is the output's
            return (f"{' '.join(c.latex.split())} ({c.id}) compares the bare activation with the target: it is the "
                    f"output layer's (layer {len(acts)})"), len(acts), acts[-1]
        m = _DEFINITION.match(text)
        if m is None and not _SOFTMAX_DEFINITION.match(text):
            continue
        named = _FUNCTIONS[m.group(2)] if m is not None else "softmax"
        others = [k + 1 for k, a in enumerate(acts) if a == named and k + 1 != layer]
        if m is None and others and dict(dict(judge.notation.options).get("bare_letters", ())).get("z") == others[0]:
            continue  # (Malik's z = h W_2 + b_2 already makes his bare z the output's: p = softmax(z) agrees)
        if named != acts[layer - 1] and others:
            return (f"{' '.join(c.latex.split())} ({c.id}) is layer {others[0]}'s activation ({named}), not layer "
                    f"{layer}'s ({acts[layer - 1]})"), others[0], named
    return None


def unjudge_bare(judge, claims, results) -> None:
    """Every ``incorrect`` claim writing a bare z, a or h becomes ``unchecked`` when the answer's own definition gives
    the bare letters another layer's activation (``other_layers_definition``)."""
    from .infer import _normal

    found = other_layers_definition(judge, claims)
    if found is None:
        return
    found, named, function = found
    layer = dict(judge.notation.options)["unindexed_layer"]
    checks = 0
    through = _bare_symbols(judge)
    for k, (c, r) in enumerate(zip(claims, results, strict=True)):
        if r.verdict not in ("incorrect", "unchecked") or len(c.latex) > 4000:
            continue
        if not _BARE.search(_normal(c.latex)):
            if r.verdict == "incorrect" and through and through.search(_normal(c.latex)):
                r.unjudge()
                r.links = []
                r.message = (f"not judged: it uses the answer's own symbol defined with z, a or h without a layer, read "
                             f"as layer {layer}'s (the hidden layer's), but the answer's own definition {found} "
                             f"({r.message}); declare [notation] unindexed_layer to judge it")
            continue
        # (judged again as the output's only for one neuron's a = σ(z): a softmax of bare z names the output layer,
        # but the answer's own symbols defined with it (p_j = z_j / Σ z_k, then p_j = e^{z_j} / Σ e^{z_k}) would be
        # judged against themselves — those claims stay unchecked)
        again = named == judge.net.depth and function != "softmax" and not _INPUT_OR_WEIGHT.search(_normal(c.latex))
        checks += again
        output = _as_output(judge, c, named) if again and checks <= MAX_CHECKS else None
        if output is not None:  # (Ruiz's ∂L/∂a = a − y, ∂z/∂b = 1: the neuron whose loss is L(a, y))
            results[k] = output
            continue
        past = _PAST if again and checks > MAX_CHECKS else ""
        if r.verdict != "incorrect":
            r.message += past
            continue
        r.unjudge()
        r.links = []
        r.message = (f"not judged: z, a and h without a layer were read as layer {layer}'s (the hidden layer's), but the "
                     f"answer's own definition {found}, so its letters without a layer may be one neuron's or another "
                     f"layer's ({r.message}); declare [notation] unindexed_layer = {layer} to judge them as layer "
                     f"{layer}'s{past}")


def _bare_symbols(judge):
    """A pattern of the answer's own symbols whose definition writes a bare z, a or h (snowch's p_j = e^{z_j} / Σ_k
    e^{z_k}: L = -Σ_j y_j log p_j uses the bare z through p), None when there are none."""
    from .infer import _normal

    keys = [m.group(0) for k, v in judge.notation.macros if isinstance(k, str) and isinstance(v, str) and len(v) <= 400
            and (m := re.match(r"[A-Za-z]{1,12}(?![A-Za-z])", k)) and _BARE.search(_normal(v))]  # (p_j: the letter p)
    if not keys:
        return None
    return re.compile(r"(?<![A-Za-z\\])(?:" + "|".join(map(re.escape, sorted(set(keys), key=len, reverse=True)))
                      + r")(?![A-Za-z])")


#: the neuron's own input or weight written bare (x, w, W without a layer): at the output layer its input is no x
_INPUT_OR_WEIGHT = re.compile(r"(?<![A-Za-z\\])[xwW](?![A-Za-z])(?!\s*\^)")


#: the reason a claim's one number cannot be the bare letters' layer's vector (the parser's message)
_ONE_NUMBER = "but the claim gives one number"


def judge_by_size(judge, claims, results) -> None:
    r"""A worked example's claim in bare letters that gives one number where the inferred layer's quantity is a vector
    (smaxx73's ``\sigma'(z) = \sigma(z)(1 - \sigma(z)) = 0.6028 \times 0.3972 = 0.2395`` right after the output's
    ŷ = 0.6028, in a network whose bare z was read as the hidden layer's two units): judged again with the bare letters
    as the one layer of a single unit (the output), and takes that verdict if it holds there; otherwise it stays
    unchecked. Numeric mode only, the bare reading inferred (not declared), no bare x or w in the claim."""
    from .infer import _normal

    layer = dict(judge.notation.options).get("unindexed_layer")
    if not judge.numeric or layer is None or "unindexed_layer" in dict(judge.declared.options):
        return
    single = [k for k in range(1, len(judge.net.sizes)) if judge.net.sizes[k] == 1 and k != layer]
    if len(single) != 1:
        return
    checks = 0
    for k, (c, r) in enumerate(zip(claims, results, strict=True)):
        if (r.verdict != "unchecked" or _ONE_NUMBER not in r.message or len(c.latex) > 4000
                or not _BARE.search(_normal(c.latex)) or _INPUT_OR_WEIGHT.search(_normal(c.latex))):
            continue
        checks += 1
        if checks > MAX_CHECKS:
            r.message += _PAST
            continue
        again = _as_output(judge, c, single[0], note=(
            f"z, a and h without a layer read as layer {single[0]}'s, the one layer of a single unit: the claim gives "
            f"one number, and layer {layer}'s are vectors"))
        if again is not None:
            results[k] = again


def _as_output(judge, claim, layer: int, note: str | None = None):
    """The claim judged with its bare letters as the output layer's, the layer the answer's own ``a = \\sigma(z)``
    names (the neuron whose loss is L(a, y)): its result if it holds so, else None. A claim with the neuron's input or
    weight is not re-read (the output layer's input is the hidden layer's h, not x)."""
    from dataclasses import replace

    from gradproof.derive import limits

    if limits.overdue():  # (past the run's soft deadline no claim is judged again)
        return None
    saved = judge.notation
    judge.notation = replace(saved, options=tuple(o for o in saved.options if o[0] != "unindexed_layer")
                             + (("unindexed_layer", layer),))
    try:
        with limits.time_limit(limits.CLAIM_SECONDS, f"reading claim {claim.id} as the output layer's", cpu=True):
            result = judge.check(claim)
    except Exception:  # noqa: BLE001 -- a reading that trips a bug or the claim's time limit leaves the claim unchecked
        return None
    finally:
        judge.notation = saved
    if result.verdict != "correct":
        return None
    result.notes.append(note or f"z, a and h without a layer read as the output layer's (layer {layer}): the answer's "
                        "own a = \\sigma(z) is its activation, the one neuron its loss L(a, y) is on")
    return result
