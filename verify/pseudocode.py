r"""Optimizer algorithms written as pseudo-code, and Goodfellow et al.'s letters for them (issue 10, forty-first round).

Textbooks and slides state an optimizer as the lines of an algorithm, each an assignment run in order, with no time
index: Goodfellow, Bengio and Courville's *Deep Learning* (algorithms 8.1-8.7) writes Adam as

    s \leftarrow \rho_1 s + (1-\rho_1) g,   r \leftarrow \rho_2 r + (1-\rho_2) g \odot g,
    \hat{s} \leftarrow \frac{s}{1-\rho_1^t},   \hat{r} \leftarrow \frac{r}{1-\rho_2^t},
    \Delta\theta = -\epsilon \frac{\hat{s}}{\sqrt{\hat{r}} + \delta},   \theta \leftarrow \theta + \Delta\theta

— ε the learning rate, δ the small constant, ρ (ρ_1, ρ_2) the decay rates, s and r the first and second moments, α the
momentum parameter (v ← α v − ε g). r is AdaGrad's sum of squared gradients (r ← r + g ⊙ g), RMSProp's running average
(r ← ρ r + (1 − ρ) g ⊙ g) or Adam's second moment (ρ_2), as its own line says; a line that only uses r (the step) belongs
to the algorithm of the r line above it, as a reader takes it.

A TA reads each line at step t: a state on both sides of its own line is its value before (on the right) and after (on
the left) the step; every other state is its current value; θ on the left is the parameter after the step. So does
``pseudocode``: it writes each such line in the time-indexed letters of Ruder's and Kingma & Ba's overview, which
verify reads (recurrences.py): s_t = β_1 s_{t−1} + …, θ_{t+1} = θ_t + Δθ_t, AdaGrad's r as G_t, RMSProp's as
E[g^2]_t, Adam's as v_t — so a line of another algorithm than the spec's is named, and judged as that algorithm's own
(ownalgorithm.py), never against the wrong one. Goodfellow's letters are read only where the answer shows them: δ beside a root (δ + √r,
√(δ + r)), or ρ_1, ρ_2, or a line r ← … r …. ε is the learning rate where δ is the constant, or where the spec's
optimizer has no ε at all and ε multiplies the gradient in a step. Each claim is restored as written in the report.
Every pass is a linear scan of one claim of bounded length.
"""

from __future__ import annotations

import re
from dataclasses import replace

MAX_LENGTH = 2000
#: the letters an optimizer line keeps as a state (after Goodfellow's are read: s → m, r → v, G or E[g^2])
STATES = ("m", "v", "s", "r", "S", "G")
_BOLD = re.compile(r"\\(?:bm|boldsymbol|mathbf|vec)\s*\{\s*(\\theta|[A-Za-z])\s*\}"
                   r"|\\(?:bm|boldsymbol|mathbf)\s+(\\theta|[A-Za-z])(?![A-Za-z])")
_BEFORE_SCRIPT = re.compile(r"(?<=[A-Za-z}]) +(?=[_^])")
_HAT = re.compile(r"\\(?:hat|widehat)\s*\{\s*([A-Za-z])\s*\}|\\(?:hat|widehat)\s+([A-Za-z])(?![A-Za-z])")
_ARROW = re.compile(r"\\leftarrow(?![A-Za-z])|\\gets(?![A-Za-z])|:=|\\coloneqq(?![A-Za-z])")
_RELATION = re.compile(_ARROW.pattern + r"|(?<![<>!\\])=")
#: δ as the small constant: beside a square root (δ + √r, √r + δ, √(δ + r))
_DELTA_ROOT = re.compile(r"\\delta\s*\+\s*\\sqrt|\\sqrt\s*\{(?:[^{}]|\{[^{}]{0,40}\}){1,80}\}\s*\+\s*\\delta(?![A-Za-z])"
                         r"|\\sqrt\s*\{\s*\\delta\s*\+")
_RHO_INDEXED = re.compile(r"\\rho\s*_\s*(?:\{\s*([12])\s*\}|([12]))")
_RHO = re.compile(r"\\rho(?![A-Za-z_])")
_DELTA = re.compile(r"\\delta(?![A-Za-z_^])")
_EPSILON = re.compile(r"\\(?:var)?epsilon(?![A-Za-z])(?:\s*_\s*(?:\{\s*k\s*\}|k(?![A-Za-z])))?")
_ALPHA_V = re.compile(r"\\alpha(?=\s*(?:\\cdot\s*)?v(?![A-Za-z]))")
#: a letter standing alone (not a command's, not a script's, not a derivative's variable), a hat over one, RMSProp's
#: E[g^2], θ and Δθ
_ATOM = re.compile(_HAT.pattern + r"|E\s*\[\s*g\s*\^\s*\{?\s*2\s*\}?\s*\]|\\Delta\s*\{?\s*\\theta\s*\}?(?![A-Za-z])"
                   r"|(?<!_)(?<!_\{)(?<!_ )(?<!\\partial)(?<!\\partial )\\theta(?![A-Za-z])"
                   r"|(?<![A-Za-z\\_^])(?<!_\{)(?<!_ )([A-Za-z])(?![A-Za-z])")
#: a time index already written on the left (r_t, \theta_{t+1}): the line is read in the letters alone
_TIME = re.compile(r"_\{?t(?:\+1)?\}?$")
#: a line that is not an optimizer's: a sum (1/m Σ …, where m may be the batch's size: read as written)
_NOT_A_LINE = re.compile(r"\\sum(?![A-Za-z])")
#: the gradient a line assigns (g, ĝ) and a derivative by θ written out on its right
_GRADIENT_HEAD = re.compile(r"g|\\(?:hat|widehat)\s*\{\s*g\s*\}|\\(?:hat|widehat)\s+g")
_DERIVATIVE = re.compile(r"\\nabla\s*_\s*\{?\s*(?:\\(?:bm|boldsymbol|mathbf)\s*\{\s*)?\\theta(?![A-Za-z])"
                         r"|\\partial\s*(?:\\(?:bm|boldsymbol|mathbf)\s*\{\s*)?\\theta(?![A-Za-z])")  # (by θ: all the parameters)
#: initial states, several on one line: s = 0, r = 0
_ZEROS = re.compile(r"(?:\s*[A-Za-z]\s*=\s*0\s*(?:,|;|\\quad|\\text\{\s*and\s*\})?)+")


def _plain(text: str) -> str:
    """Bold letters made plain (\\bm{r} → r, \\boldsymbol{\\theta} → \\theta): the optimizer's letters carry no layer."""
    text = _BOLD.sub(lambda m: f" {m.group(1) or m.group(2)} " if (m.group(1) or m.group(2)) in (*STATES, "g", "\\theta")
                     else m.group(0), text)
    return _BEFORE_SCRIPT.sub("", text)


def _split(text: str):
    """(left, relation, right) of a line with one relation; None for more or none."""
    found = list(_RELATION.finditer(text))
    if len(found) != 1:
        return None
    m = found[0]
    return text[:m.start()].strip(), m.group(0), text[m.end():].strip()


def _head(left: str) -> tuple[str, str] | None:
    """What a line assigns: ("state", letter) for s, \\hat{s}; ("theta", "") for θ; ("step", "") for Δθ."""
    left = _TIME.sub("", re.sub(r"\s+", "", left))
    if left in STATES:
        return "state", left
    hat = _HAT.fullmatch(left)
    if hat is not None and (hat.group(1) or hat.group(2)) in STATES:
        return "state", "hat " + (hat.group(1) or hat.group(2))
    if left == "\\theta":
        return "theta", ""
    if left in ("\\Delta\\theta", "\\Delta{\\theta}"):
        return "step", ""
    return None


def _own_change(letter: str, right: str) -> bool:
    """Whether the right side adds the letter's own Δ (v ← v + Δv: the letter is a parameter, Δv its step's change)."""
    return re.search(r"\\Delta\s*\{?\s*" + re.escape(letter.removeprefix("hat ")) + r"(?![A-Za-z])", right) is not None


def _by_itself(letter: str, right: str) -> bool:
    """Whether the right side takes a derivative by the letter (v ← v − η ∂L/∂v, \\nabla_v L): the letter is a parameter
    the answer steps by its own gradient (Goodfellow's v = Wᵀ of the output), not an optimizer's state."""
    name = r"(?:\\(?:bm|boldsymbol|mathbf|vec)\s*\{\s*" + re.escape(letter) + r"\s*\}|" + re.escape(letter) + r")(?![A-Za-z])"
    return re.search(r"(?:\\partial|(?<![A-Za-z\\])d)\s*" + name + r"|\\nabla\s*_\s*\{?\s*" + name, right) is not None


def _recurrent(lines) -> set[str]:
    """The letters each written on both sides of their own line (r ← ρ r + …): the answer's states."""
    out = set()
    for text in lines:
        parts = _split(text)
        if parts is None or _NOT_A_LINE.search(text):
            continue
        head = _head(parts[0])
        if (head is not None and head[0] == "state" and not head[1].startswith("hat ") and not _own_change(head[1], parts[2])
                and not _by_itself(head[1], parts[2])):
            if any(m.group(3) == head[1] for m in _ATOM.finditer(parts[2])):
                out.add(head[1])
    return out


def _gradient_step(text: str) -> bool:
    """θ ← θ − ε ĝ: a parameter's step by a bare g (or ĝ), which only a time index makes the step's gradient."""
    parts = _split(text)
    if parts is None or not _ARROW.fullmatch(parts[1]) or _NOT_A_LINE.search(text):
        return False
    head = _head(parts[0])
    return head is not None and head[0] in ("theta", "step") and any(
        (m.group(1) or m.group(2) or m.group(3)) == "g" and parts[2][m.end():m.end() + 1] != "_" for m in _ATOM.finditer(parts[2]))


class OptimizerLines:
    """The rewriting of an answer's optimizer lines (see the module's docstring); None from ``detect`` when there are
    none to read."""

    def __init__(self, recurrent: set[str], goodfellow: bool, epsilon_rate: bool, spec_state: str | None):
        self.recurrent, self.goodfellow, self.epsilon_rate, self.spec_state = recurrent, goodfellow, epsilon_rate, spec_state
        self.originals: dict[str, str] = {}
        self.steps = False  # a Δθ line was rewritten (Δθ_t: the step's change of the parameter)
        self.change = ("the optimizer's lines read as an algorithm's, in order: a state on both sides of its line is its value "
                       "before and after the step, the others the step's own" + (
                           "; Goodfellow et al.'s letters: ε the learning rate, δ the small constant, ρ (ρ_1, ρ_2) the decay rates, "
                           "s and r the moments (r AdaGrad's sum, RMSProp's average or Adam's second moment, by its line)"
                           if self.goodfellow else ""))

    @staticmethod
    def detect(net, claims) -> OptimizerLines | None:
        lines = [_plain(c.latex) for c in claims if len(c.latex) <= MAX_LENGTH]
        recurrent = _recurrent(lines)
        delta_constant = any(_DELTA_ROOT.search(t) for t in lines)
        goodfellow = delta_constant or "r" in recurrent or (
            bool(recurrent & {"s", "r"}) and any(_RHO_INDEXED.search(t) for t in lines))
        if not recurrent and not goodfellow and not any(_gradient_step(t) for t in lines):
            return None
        optimizer = getattr(net, "optimizer", None)
        name = getattr(optimizer, "name", "")
        epsilon_rate = delta_constant or name in ("sgd", "momentum")
        spec_state = {"adam": "v", "rmsprop": "S", "adagrad": "G"}.get(name)
        return OptimizerLines(recurrent, goodfellow, epsilon_rate, spec_state)

    def prepare(self, claims) -> list:
        out, family = [], None
        for c in claims:
            text = c.latex
            if len(text) <= MAX_LENGTH:
                text, family = self._line(text, family)
            if text != c.latex:
                self.originals[c.id] = c.latex
                c = replace(c, latex=text)
            out.append(c)
        return out

    def _line(self, written: str, family: str | None) -> tuple[str, str | None]:
        """One line in the time-indexed letters, and the family of r after it (AdaGrad's G, RMSProp's E, Adam's v)."""
        text = _plain(written)
        if self.goodfellow and _ZEROS.fullmatch(text):  # s = 0, r = 0: the states before the first step
            return self._letters(text, self.spec_state), family
        parts = _split(text)
        if parts is not None and _GRADIENT_HEAD.fullmatch(parts[0].strip()) and _DERIVATIVE.search(parts[2]):
            return f"g_t = {parts[2]}", family  # g ← 1/m ∇_θ Σ_i L(f(x^{(i)}; θ), y^{(i)}): the step's gradient, defined
        if parts is None or _NOT_A_LINE.search(text):
            return written, family
        head = _head(parts[0])
        if head is None or head[0] == "state" and _own_change(head[1], parts[2]):
            return written, family  # (Zhou's v ← v + Δv: a weight v and its change, not a state)
        left, rel, right = parts
        if self.goodfellow:
            letter = head[1].removeprefix("hat ")
            if letter == "r" and head[0] == "state":
                family = self._family(text, right, family)
            zero = re.fullmatch(r"0(?:\.0*)?", right.strip()) is not None
            r_as = family if not zero else self.spec_state  # (r = 0: the spec's own state, before the first step)
            text = self._letters(text, r_as)
            parts = _split(text)
            if parts is None:
                return written, family
            left, rel, right = parts
            if zero:
                return text, family
        elif self.epsilon_rate and "\\sqrt" not in text:  # (ε beside a root is that root's constant)
            text = _ALPHA_V.sub(lambda _m: "\\mu", _EPSILON.sub(lambda _m: "\\eta", text))
            left, rel, right = _split(text)  # (η and μ add no relation)
        if not self.recurrent and head[0] == "state":
            return (text if text != _plain(written) else written), family
        return self._indexed(left, right, head), family

    def _family(self, text: str, right: str, family: str | None) -> str | None:
        """The algorithm an r line belongs to: ρ_2 → Adam, ρ → RMSProp, r ← r + … (no decay) → AdaGrad."""
        if re.search(r"\\rho\s*_\s*\{?\s*2", text):
            return "v"
        if _RHO.search(right):
            return "E"
        if re.match(r"r\s*(?:_\s*\{?\s*t\s*-\s*1\s*\}?\s*)?\+", right):
            return "G"
        return family

    def _letters(self, text: str, r_as: str | None) -> str:
        """Goodfellow's letters in Kingma & Ba's: s → m, r → v (G, E[g^2]), ρ_i → β_i, δ → ε, ε → η, α v → μ v."""
        text = _RHO_INDEXED.sub(lambda m: f"\\beta_{m.group(1) or m.group(2)}", text)
        text = _RHO.sub(lambda _m: "\\beta", text)
        if self.epsilon_rate:
            text = _ALPHA_V.sub(lambda _m: "\\mu", _EPSILON.sub(lambda _m: "\\eta", text))
        text = _DELTA.sub(lambda _m: "\\epsilon", text)  # (an optimizer's line: δ the constant, with or without its root)

        def atom(m: re.Match) -> str:
            letter = m.group(1) or m.group(2) or m.group(3)
            hat = m.group(3) is None and letter is not None
            new = {"s": "m", "r": "E[g^2]" if r_as == "E" else (r_as or "r"), "g": "g"}.get(letter) if letter else None
            if new in self.recurrent:  # the answer's own v (a velocity): Adam's r as Ng's S, its other letter for it
                if new != "v":
                    return m.group(0)
                new = "S"
            if new is None or new == letter and letter != "g":
                return m.group(0)
            if letter == "g":
                return "g" if hat else m.group(0)  # ĝ, the gradient estimate: g
            if hat and new not in ("m", "v", "S"):
                return m.group(0)  # (only Adam's moments are bias-corrected)
            return f"\\hat{{{new}}}" if hat else new

        return _ATOM.sub(atom, text)

    def _indexed(self, left: str, right: str, head: tuple[str, str]) -> str:
        """left ← right at step t: the assigned state's own value on the right is the one before the step."""
        states = {"m", "v", "S", "G", *self.recurrent} - {"s", "r"} if self.goodfellow else {*self.recurrent}
        own = _ATOM.match(re.sub(r"\s+", " ", left).strip())

        def key(m: re.Match) -> str | None:
            if m.group(0).startswith("E"):
                return "E"
            if m.group(0).startswith("\\Delta"):
                return "Delta"
            if m.group(0) == "\\theta":
                return "theta"
            letter = m.group(1) or m.group(2) or m.group(3)
            if letter == "g":
                return "g"  # g and ĝ, the gradient (estimate) at the step
            if letter in states:
                return ("hat " if m.group(3) is None else "") + letter
            return None

        own_key = key(own) if own is not None else None

        def index(m: re.Match, side: str) -> str:
            k = key(m)
            nxt = right if side == "right" else left
            if k is None or nxt[m.end():m.end() + 1] == "_":
                return m.group(0)
            if k == "theta":
                return "\\theta_{t+1}" if side == "left" else "\\theta_t"
            if k == "Delta":
                return "\\Delta\\theta_t"
            if k == "g":
                return "g_t"
            before = side == "right" and k == own_key
            return m.group(0) + ("_{t-1}" if before else "_t")

        self.steps = self.steps or head[0] == "step"
        new_left = _ATOM.sub(lambda m: index(m, "left"), left)
        new_right = _ATOM.sub(lambda m: index(m, "right"), right)
        return f"{new_left} = {new_right}"


#: Loshchilov & Hutter's schedule multiplier set to a number: \eta_t = 1 (AdamW, Algorithm 2), and its use before a
#: bracket holding the step: \eta_t\left(\alpha \hat m_t / … + \lambda \theta_{t-1}\right)
_SCHEDULE_SET = re.compile(r"\s*+\\eta\s*+_\s*+\{?\s*+t\s*+\}?\s*+=\s*+(1|0?\.\d{1,6})[\s.,;]*+$")
_SCHEDULE_USED = re.compile(r"\\eta\s*+_\s*+\{?\s*+t\s*+\}?\s*+(?:\\left\s*+)?[(\[]\s*+\\alpha")
_SCHEDULE = re.compile(r"\\eta\s*+_\s*+\{?\s*+t\s*+\}?")


def schedule_multiplier(claims) -> tuple[list, dict, dict]:
    r"""(the claims with η_t written as its number, {claim id: the text as written}, {claim id: (verdict, message)} of the
    claim that sets it) where the answer sets Loshchilov & Hutter's schedule multiplier ``\eta_t = 1`` and multiplies its
    step by it (``\theta_t \leftarrow \theta_{t-1} - \eta_t(\alpha \hat m_t / (\sqrt{\hat v_t} + \epsilon) + \lambda
    \theta_{t-1})``): α is then the learning rate and η_t a number, not the learning rate η at step t."""
    claims = list(claims)
    setting = [(c, m.group(1)) for c in claims[:2000] if len(c.latex) <= 60 and (m := _SCHEDULE_SET.match(c.latex))]
    values = {v for _, v in setting}
    if len(values) != 1 or not any(_SCHEDULE_USED.search(c.latex[:MAX_LENGTH]) for c in claims[:2000]):
        return claims, {}, {}
    value = values.pop()
    out, originals = [], {}
    for c in claims:
        text = _SCHEDULE.sub(f"({value})", c.latex) if len(c.latex) <= MAX_LENGTH else c.latex
        if text != c.latex:
            originals[c.id] = c.latex
            c = replace(c, latex=text)
        out.append(c)
    defining = {c.id: ("unchecked", f"sets the schedule multiplier η_t = {value} (Loshchilov & Hutter's; α is the learning "
                                    "rate): the steps are read with it") for c, _ in setting}
    return out, originals, defining


def optimizer_lines(net, claims):
    """(claims with each optimizer line in time-indexed letters, {claim id: the line as written}, the change read or
    None, the [notation] options the lines need: Δθ written as the step's change, ``delta_w = increment``)."""
    reading = OptimizerLines.detect(net, claims)
    if reading is None:
        return claims, {}, None, ()
    claims = reading.prepare(claims)
    return (claims, reading.originals, reading.change if reading.originals else None,
            (("delta_w", "increment"),) if reading.steps else ())
