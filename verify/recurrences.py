"""Optimizer recurrences as Ruder's overview ("An overview of gradient descent optimization algorithms", 2016) and the
students' notes built on it write them, read against the spec's one optimizer.

Ruder's notation: θ all the parameters, g_t = ∇_θ J(θ_t) the gradient at step t (g_{t,i} its entry i), γ the decay of
a running average or the momentum constant, v_t a velocity (momentum, Nesterov) or Adam's second moment, G_t Adagrad's
diagonal matrix of the sums of the squared past gradients (G_{t,ii} its entry), E[g^2]_t the running average of the
squared gradients (RMSprop, Adadelta), E[Δθ^2]_t and RMS[·]_t Adadelta's, Δθ_t the step itself (not a layer's Δ),
u_t AdaMax's infinity-norm moment, ∇_θ J(θ − γ v_{t−1}) Nesterov's gradient at the look-ahead point (under a Nesterov
spec the spec's own g: its parameter, PyTorch's, is that point — the forty-second round reads AdaMax's, Adadelta's and
this velocity line as the spec's own letters, or as their algorithm's own under another spec).

A TA reads each recurrence as the algorithm it belongs to. The spec holds one optimizer (derive/optimizers.py: sgd,
momentum, rmsprop, adam, adagrad): a recurrence of that optimizer is read in the spec's letters (RMSprop's E[g^2]_t is
its S_t, Adagrad's G_{t,ii} its G_t, γ multiplying the previous state the spec's decay β or momentum μ); a recurrence of
an algorithm the spec's optimizer does not define (Adadelta, AdaMax, Nesterov, or Adagrad under an Adam spec) is
`unchecked` with the algorithm named — never judged against another algorithm. Every scan is one linear regular
expression (possessive quantifiers) over one claim's normalised text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .foreign import velocity

_T = r"(?:t(?![A-Za-z0-9])|\{\s*+t\s*+(?:[-+]\s*+1\s*+)?(?:,\s*+[a-z]{1,2}\s*+)?\})"  # t, {t}, {t-1}, {t,ii}
#: Adagrad's G_t, G_{t-1}, G_{t,ii}
_ADAGRAD = re.compile(r"(?<![A-Za-z\\])G\s*+_\s*+" + _T)
#: G_{t,ii} and g_{t,i}: one diagonal entry / one entry of the gradient (Adagrad's per-parameter form)
_ENTRY = re.compile(r"(?<![A-Za-z\\])([Gg])\s*+_\s*+\{\s*+t\s*+,\s*+[a-z]{1,2}\s*+\}")
#: a running average E[g^2]_t, E(g^2)_t of the squared gradients (not \mathbb{E}[…], an expectation)
_AVERAGE = re.compile(r"(?<![A-Za-z\\])(?<!\\mathbb\{)(?<!\\mathrm\{)E\s*+[\[(]\s*+g\s*+\^\s*+(?:2|\{\s*+2\s*+\})\s*+[\])]\s*+_\s*+")
#: an exercise sheet's E_t for RMSprop's running average (Eₜ = β·Eₜ₋₁ + (1-β)·(∇f)²): E with the step index t, in a
#: claim that squares the step's gradient or takes the root of it (the objective E never carries t here)
_SHEET_AVERAGE = re.compile(r"(?<![A-Za-z\\])E\s*+_\s*+\{\s*+t\s*+(?:-\s*+1\s*+)?\}")
_SQUARED_OR_ROOT = re.compile(r"g_\{t\}\s*+\)?\s*+\^\s*+\{?\s*+2|\\sqrt\s*+\(?\s*+\{?\s*+E\s*+_")
#: Adadelta's RMS[·]_t and E[Δθ^2]_t (its step Δθ_t alone is any optimizer's step: Halevy's Δw_t of Adam, momentum)
_ADADELTA = re.compile(r"(?<![A-Za-z\\])(?:\\(?:text|mathrm|operatorname)\s*+\{\s*+|\\)?RMS(?![A-Za-z])"
                       r"|(?<![A-Za-z\\])(?<!\\mathbb\{)E\s*+[\[(]\s*+\\Delta")
#: AdaMax's u_t, u_{t-1}, β_2^∞
_ADAMAX = re.compile(r"(?<![A-Za-z\\])u\s*+_\s*+" + _T + r"|\\beta\s*+_\s*+\{?\s*+2\s*+\}?\s*+\^\s*+\{?\s*+\\infty")
#: AMSGrad's running maximum in Reddi, Kale & Kumar's letters (Ruder's overview): \hat v_t = \max(\hat v_{t-1}, v_t) — its
#: \hat v is the maximum of the second moments, not Adam's bias-corrected v
RUNNING_MAX = re.compile(r"\\max\s*+(?:\\left\s*+)?[(\[]\s*+" + r"\\(?:hat|widehat)\s*+\{?\s*+v\s*+\}?\s*+_\s*+\{\s*+t\s*+-\s*+1\s*+\}")
#: the hatted v of Reddi's letters (normalised: \hat{v}, \hatv, \widehat{v})
_HAT_V = re.compile(r"\\(?:hat|widehat)\s*+(?:\{\s*+v\s*+\}|v(?![A-Za-z]))")
#: Adam's bias-corrected first moment \hat m (a step written with it is the corrected form)
_HAT_M = re.compile(r"\\(?:hat|widehat)\s*+\{?\s*+m(?![A-Za-z])")
#: the step of θ (θ_{t+1} = …)
_THETA_NEXT = re.compile(r"^\s*+\\theta\s*+_\s*+\{\s*+t\s*+\+\s*+1\s*+\}\s*+=")
#: the reason a step in Reddi's uncorrected form is not judged over the bias-corrected AMSGrad (how it begins)
OTHER_FORM = ("not judged: a step with m_t and the running maximum v̂_t as they are is Reddi et al.'s AMSGrad without "
              "bias correction")
#: the state letter AMSGrad's running maximum is read as (judge._state_letters)
MAX_LETTER = "vmax"
#: Nesterov's gradient at the look-ahead point: J(θ − γ v_{t−1}), f(w_t + μ v_t)
_LOOKAHEAD = re.compile(r"(?<![A-Za-z\\])(?:J|L|f|\\mathcal\s*+\{\s*+[JL]\s*+\})\s*+\(\s*+(?:\\theta|w|W)\s*+"
                        r"(?:_\s*+" + _T + r"\s*+)?[-+]"
                        # or the derivative by w evaluated there: Helwich's \frac{\partial E}{\partial w}(w(t)+\alpha\Delta w(t-1))
                        r"|\\frac\s*+\{\s*+\\partial\s*+[A-Za-z]\s*+\}\s*+\{\s*+\\partial\s*+([wW]|\\theta)\s*+\}\s*+"
                        r"\(\s*+\1\s*+(?:\(\s*+t\s*+\)\s*+|_\s*+" + _T + r"\s*+)?[-+]")
#: γ multiplying a state's previous value (γ v_{t−1}, γ E[g^2]_{t−1}, γ S_{t-1}): the decay or momentum constant
_GAMMA_DECAY = re.compile(r"\\gamma\s*+(?:\\cdot\s*+)?(?:[vVSs]|E\s*+[\[(][^\])=]{0,40}[\])])\s*+_\s*+\{\s*+t\s*+-\s*+1\s*+\}")
#: g^2_t: the square written before the step's index (Ruder's RMSprop and Adadelta), as g_t^2
_SQUARE_FIRST = re.compile(r"(?<![A-Za-z\\])g\s*+\^\s*+(?:2|\{\s*+2\s*+\})\s*+_\s*+(?:t(?![A-Za-z0-9])|\{\s*+t\s*+\})")
_GAMMA = re.compile(r"\\gamma(?![A-Za-z])")
#: Adam's bias-corrected moments \hat m_t, \hat v_t (normalised: \hatm, \hat{m}), and its moments' decays β_1, β_2
#: on the previous moment (β_1 m_{t-1}, β_2 v_{t-1}): Kingma & Ba's letters
_ADAM = re.compile(r"\\(?:hat|widehat)\s*+\{?\s*+[mv](?![A-Za-z])"
                   r"|\\beta\s*+_\s*+\{?\s*+[12]\s*+\}?\s*+(?:\\cdot\s*+)?[mv]\s*+_\s*+\{\s*+t\s*+-\s*+1\s*+\}")

#: what each algorithm's notation is, for the message
_WHAT = {
    "Adadelta": "RMS[·]_t and E[Δθ^2]_t are Adadelta's (Zeiler)",
    "AdaMax": "u_t is AdaMax's infinity-norm moment (Kingma & Ba, section 7.1)",
    "AMSGrad": "v̂_t = max(v̂_{t−1}, v_t) is AMSGrad's running maximum of the second moments (Reddi et al.)",
    "Nesterov": "the gradient taken at the look-ahead point (θ − γ v_{t−1}) is Nesterov's accelerated momentum",
    "Adagrad": "G_t is Adagrad's sum of the squared past gradients (G_{t,ii} its diagonal entry)",
    "momentum": "v_t, defined from v_{t-1} with the learning rate inside, is a momentum velocity",
    "RMSprop": "E[g^2]_t is a running average of the squared gradients (RMSprop's, Adadelta's)",
    "Adam": "m̂_t, v̂_t (β_1 m_{t−1}, β_2 v_{t−1}) are Adam's bias-corrected moments and their decays (Kingma & Ba)",
}
#: the families each spec optimizer reads in its own letters (AdaMax's first moment and its correction are Adam's;
#: Adadelta's running average of the squared gradients is RMSprop's)
_OWN = {"adagrad": ("Adagrad",), "rmsprop": ("RMSprop",), "adam": ("Adam",), "adamw": ("Adam",), "adamax": ("AdaMax", "Adam"),
        "adadelta": ("Adadelta", "RMSprop"), "nesterov": ("Nesterov",), "amsgrad": ("AMSGrad", "Adam")}
#: the gradient at the look-ahead point with the rate in front, in Ruder's signs (+ η ∇_θ J(θ − γ v_{t−1})) or Sutskever's
#: (− α ∇f(w_{t−1} + β v_{t−1})): under a Nesterov spec the gradient at the spec's own parameter (PyTorch's and Keras's
#: is the look-ahead point), the step's g_t; the rate's sign and the look-ahead's must be opposite (a line mixing the two
#: conventions is not read)
_RATE_LETTER = r"(\\(?:eta|alpha|epsilon|varepsilon))\s*+(?:\\cdot\s*+)?"
_AT = (r"(?:\\nabla|\\bigtriangledown)\s*+(?:_\s*+\{?\s*+\\theta\s*+\}?\s*+)?(?:J|L|f)\s*+\(\s*+(?:\\theta|w|W)\s*+"
       r"(?:_\s*+\{?\s*+t\s*+(?:-\s*+1\s*+)?\}?\s*+)?")
_DECAY_V = r"\s*+\\(?:gamma|beta|mu)\s*+(?:\\cdot\s*+)?v\s*+_\s*+\{\s*+t\s*+-\s*+1\s*+\}\s*+(?:;[^()]{0,60})?\)"
_LOOKAHEAD_GRADIENT = re.compile(r"(\+)\s*+" + _RATE_LETTER + _AT + "-" + _DECAY_V
                                 + r"|(-)\s*+" + _RATE_LETTER + _AT + r"\+" + _DECAY_V)


def _at_parameter(m) -> str:
    sign, rate = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return f"{sign} {rate} g_t"


#: the objective's gradient written out (∇_θ J(θ), ∂J/∂θ), not the step's letter g_t
_GRADIENT_WRITTEN = re.compile(r"\\nabla|\\partial")
#: a line that defines the running average of the squared gradients (E[g^2]_t = …): RMSprop's and Adadelta's alike
_AVERAGE_FIRST = re.compile(r"\s*+E\s*+[\[(]\s*+g\s*+\^\s*+(?:2|\{\s*+2\s*+\})\s*+[\])]\s*+_\s*+(?:t|\{\s*+t\s*+\})\s*+=")
#: Adam's second moment (v_t, \hat v_t, β_2 v): a line of Adam's own, not AdaMax's (which has u instead)
_SECOND_MOMENT = re.compile(r"(?<![A-Za-z\\])v\s*+_|\\(?:hat|widehat)\s*+\{?\s*+v(?![A-Za-z])")

# -- Adadelta's letters (Zeiler, "ADADELTA: an adaptive learning rate method", 2012; Ruder's overview): Δθ_t, Δx_t, Δw_t
# the step itself, E[Δθ^2]_t the running average of its square, RMS[y]_t = √(E[y^2]_t + ε)
_PARAM = r"(?:\\theta|\\Theta|[wWx](?![A-Za-z]))"
_INDEX = r"_\s*+(t(?![A-Za-z0-9])|\{\s*+t\s*+(?:-\s*+1\s*+)?\})"
_SQUARE = r"\^\s*+(?:2|\{\s*+2\s*+\})"
_RMS = re.compile(r"(?:\\(?:text|mathrm|operatorname)\s*+\{\s*+|\\)?RMS\s*+\}?\s*+\[\s*+(g|\\Delta\s*+" + _PARAM
                  + r")\s*+(?:_\s*+(?:t|\{\s*+t\s*+\}))?\s*+\]\s*+" + _INDEX)  # (RMS[g_t]_t: pseudocode.py's time index inside)
_STEP_AVERAGE = re.compile(r"(?<![A-Za-z\\])E\s*+[\[(]\s*+(?:\\Delta\s*+" + _PARAM + r"|\(\s*+\\Delta\s*+" + _PARAM
                           + r"\s*+\))\s*+" + _SQUARE + r"\s*+[\])]\s*+" + _INDEX)
_STEP = re.compile(r"\\Delta\s*+" + _PARAM + r"\s*+(" + _SQUARE + r")?\s*+" + _INDEX + r"(\s*+" + _SQUARE + ")?")
#: the letter the spec's Adadelta step Δθ is read under (judge._state_letters); it cannot be written in an answer
STEP_LETTER = "Deltatheta"
#: Zeiler's own letters: x the parameter, Δx_t its step (x_{t+1} = x_t + Δx_t); x is an input everywhere else
_ZEILER_STEP = re.compile(r"\\Delta\s*+x\s*+" + _INDEX)
_ZEILER_PARAM = re.compile(r"(?<![A-Za-z\\])x(?=\s*+_\s*+(?:t(?![A-Za-z0-9])|\{\s*+t\s*+(?:[-+]\s*+1\s*+)?\}))")
#: ρ multiplying a state's previous value (Zeiler's ρ E[g^2]_{t−1}, Goodfellow's ρ r): a decay, the spec's β
_RHO_DECAY = re.compile(r"\\rho\s*+(?:\\cdot\s*+)?(?:[vVSsDr]|E\s*+[\[(][^\])=]{0,40}[\])])\s*+_\s*+\{\s*+t\s*+-\s*+1\s*+\}")
_RHO = re.compile(r"\\rho(?![A-Za-z])")


def _index(text: str) -> str:
    """t, {t}, {t - 1} -> {t} or {t-1}"""
    return "{t-1}" if "-" in text else "{t}"


def _adadelta_letters(text: str) -> str:
    """Adadelta's RMS[g]_t, RMS[Δθ]_{t-1}, E[Δθ^2]_t and Δθ_t in the spec's letters: √(S_t + ε), √(D_{t-1} + ε), D_t, and
    the step's own Δθ (STEP_LETTER); E[g^2]_t is RMSprop's S_t (read)."""
    def rms(m):
        state = "S" if m.group(1) == "g" else "D"
        return rf"\sqrt{{{state}_{_index(m.group(2))} + \epsilon}}"

    out = _RMS.sub(rms, text)
    out = _STEP_AVERAGE.sub(lambda m: f"D_{_index(m.group(1))}", out)
    def step(m):
        letter = rf"\{STEP_LETTER}_{_index(m.group(2))}"
        return f"({letter})^{{2}}" if m.group(1) or m.group(3) else letter  # (a bare ^{2} would read as layer 2)

    return _STEP.sub(step, out)


@dataclass(frozen=True)
class Reading:
    """A claim's optimizer notation: ``family`` (the algorithm its notation names, or None), ``reason`` (why it is not
    judged: another algorithm than the spec's), ``latex`` (the claim in the spec's letters, when rewritten)."""

    family: str | None = None
    reason: str | None = None
    latex: str | None = None


def family(text: str) -> str | None:
    """The algorithm whose own notation the normalised claim ``text`` writes, or None."""
    if _ADADELTA.search(text):
        return "Adadelta"
    if _ADAMAX.search(text):
        return "AdaMax"
    if RUNNING_MAX.search(text):
        return "AMSGrad"
    if _LOOKAHEAD.search(text):
        return "Nesterov"
    if _ADAGRAD.search(text):
        return "Adagrad"
    if _AVERAGE.search(text) or _SHEET_AVERAGE.search(text) and _SQUARED_OR_ROOT.search(text):
        return "RMSprop"
    if _ADAM.search(text):
        return "Adam"
    return None


def read(text: str, optimizer: str, own_gamma: bool = False, scaled_velocity: bool = False, max_hat: str | None = None
         ) -> Reading:
    """The claim ``text`` (normalised) against the spec's ``optimizer``; ``own_gamma``: the network has a γ of its own
    (batch norm's scale, a leaky ReLU's slope), so γ is never read as the optimizer's constant; ``scaled_velocity``:
    the answer's velocity is read as a multiple of the spec's (notation option velocity_rate: one sign throughout);
    ``max_hat``: the answer writes AMSGrad's running maximum as v̂ (notation option max_hat, the spec's AMSGrad
    variant: ``max_hat_option``)."""
    original = text
    if _ZEILER_STEP.search(text):
        text = _ZEILER_PARAM.sub(r"\\theta", text.replace(r"\Delta x", r"\Delta \theta"))  # Zeiler's x: the parameter
    found = family(text)
    if found in (None, "Adam") and optimizer not in ("momentum", "nesterov") and velocity(text):  # (before Adam's letters)
        found = "momentum"
    if found is None and optimizer == "nesterov" and scaled_velocity and velocity(text) and _GRADIENT_WRITTEN.search(text):
        found = "momentum"  # Ruder's v_t = γ v_{t−1} + η ∇J(θ): the gradient at θ, not at the look-ahead point — momentum's
    own = _OWN.get(optimizer, ())
    if found == "Adam" and optimizer == "adamax" and _SECOND_MOMENT.search(text):
        own = ()  # Adam's second moment: a line of Adam's own, not AdaMax's
    if found == "RMSprop" and optimizer == "adadelta" and not _AVERAGE_FIRST.match(text):
        own = ()  # RMSprop's step (θ − η g/√(E[g^2] + ε)): only its running average is Adadelta's too
    if found == "Nesterov" and optimizer == "nesterov" and scaled_velocity and _LOOKAHEAD_GRADIENT.search(text):
        text = _LOOKAHEAD_GRADIENT.sub(_at_parameter, text)  # (v is then read as α × the spec's v: foreign.velocity_options)
    elif found == "Nesterov" and optimizer == "nesterov":
        return Reading(found, "not judged: the gradient is taken at a look-ahead point (Sutskever's form of Nesterov's "
                              "momentum), but not as Ruder writes it (+ η ∇J(θ − γ v_{t−1})) nor as Sutskever does (− ε ∇f(θ + μ "
                              "v)) with one velocity throughout the answer, the forms read over the spec's (PyTorch's and Keras's "
                              "v ← μ v + g, θ ← θ − α (g + μ v)); a look-ahead's sign the same as the rate's is no such form")
    if (optimizer != "amsgrad" and max_hat and found == "Adam" and _THETA_NEXT.match(text) and _HAT_V.search(text)
            and not _HAT_M.search(text)):
        found = "AMSGrad"  # θ_{t+1} = θ_t − η m_t / (√v̂_t + ε) beside Reddi's running maximum: AMSGrad's step, not Adam's
    if found is not None and found not in own:
        return Reading(found, f"not judged: {_WHAT[found]}, an algorithm the spec's optimizer ({optimizer}) does not "
                              "define; another optimizer's recurrence is not judged against the spec's")
    if optimizer == "amsgrad" and max_hat and _HAT_V.search(text):
        if max_hat == "corrected" and _THETA_NEXT.match(text) and not _HAT_M.search(text):
            return Reading("AMSGrad", OTHER_FORM + "; the spec's AMSGrad corrects both moments "
                                      "(variant \"corrected\", PyTorch's and Keras's amsgrad=True), and which of the two "
                                      "the course means the name does not say: set variant = \"uncorrected\" in the spec's "
                                      "[optimizer] to judge this form")
        text = _HAT_V.sub(rf"\\{MAX_LETTER} ", text)  # Reddi's \hat v_t: the spec's running maximum vmax_t
    out = _SQUARE_FIRST.sub("g_t^2", text)
    if optimizer == "adadelta" and (found in own or found is None and _STEP.search(out)):
        out = _adadelta_letters(out)
        if not own_gamma and _GAMMA.search(out):
            out = _GAMMA.sub(r"\\rho", out)  # Ruder's γ: Adadelta's decay ρ
    if found == "RMSprop" or optimizer == "adadelta" and found in own:
        out = _SHEET_AVERAGE.sub(lambda m: "S_" + m.group(0).split("_", 1)[1], _AVERAGE.sub("S_", out))  # E[g^2]_t, E_t -> S_t
    if found == "Adagrad":
        out = _ENTRY.sub(lambda m: m.group(1) + "_t", out)  # G_{t,ii} -> G_t, g_{t,i} -> g_t
    if optimizer in ("momentum", "rmsprop", "nesterov") and not own_gamma and _GAMMA_DECAY.search(out):
        out = _GAMMA.sub(r"\\beta", out)  # Ruder's γ: the spec's decay (β; momentum's μ is read as β too)
    if optimizer == "rmsprop" and _RHO_DECAY.search(out):
        out = _RHO.sub(r"\\beta", out)  # Zeiler's ρ: RMSprop's decay β
    return Reading(found, None, out if out != original else None)


def max_hat_option(net, texts) -> tuple:
    """The [notation] option ``max_hat`` when the answer writes AMSGrad's running maximum in Reddi et al.'s letters
    (\\hat v_t = \\max(\\hat v_{t-1}, v_t)): the spec's AMSGrad variant, or "foreign" under another optimizer (a step
    with m_t and that \\hat v is then AMSGrad's, not Adam's); else ()."""
    if not any(RUNNING_MAX.search(t) for t in texts):
        return ()
    if net.optimizer.name != "amsgrad":
        return (("max_hat", "foreign"),)
    return (("max_hat", dict(net.options).get("variant", "corrected")),)


def survey_families(texts, optimizer: str | None = None) -> set[str]:
    """The algorithms whose own notation the claims write (an answer setting out several optimizers in turn); Adam's
    letters in an answer graded on Adam are the spec's own (not one more algorithm)."""
    return {f for f in map(family, texts) if f is not None and not (f == "Adam" and optimizer in ("adam", "adamw"))}
