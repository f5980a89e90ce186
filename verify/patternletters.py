r"""The training pattern written first among a quantity's subscripts (issue 10, fifty-second round): Rumelhart, Hinton &
Williams's generalized delta rule (*Parallel Distributed Processing*, vol. 1, ch. 8) and the books that teach from it
(Freeman & Skapura's §3.2) write every quantity of pattern p with p before its unit,

    net_{pj} = \sum_i w_{ji} o_{pi}, \quad o_{pj} = f_j(net_{pj}), \quad E_p = \tfrac{1}{2} \sum_j (t_{pj} - o_{pj})^2,
    \delta_{pj} = (t_{pj} - o_{pj}) f'_j(net_{pj}), \quad \Delta_p w_{ji} = \eta \delta_{pj} o_{pi}

— one pattern's quantities, its error E_p and its step \Delta_p. A TA reads each claim as a claim about one pattern;
so does ``PatternFirst``: where at least three letters carry the pattern letter p first (``o_{pj}``, ``t_{pj}``,
``\delta_{pj}``), the pattern's own error, step or input vector is written (``E_p``, ``\Delta_p``, ``\mathbf{x}_p``: p
names a pattern, not an entry as in FortiLeiZhang's ``y_{pq}``) and the answer never sums over p (no total error Σ_p E_p,
whose claims are about every pattern), the
p is dropped (``o_{pj}`` → ``o_{j}``, ``E_p`` → ``E``, ``\Delta_p w_{ji}`` → ``\Delta w_{ji}``, ``\mathbf{x}_p`` →
``\mathbf{x}``) and the letters are then read as the unit letters they are (Mitchell's). Each claim is restored as
written in the report. One linear scan per claim, of claims of bounded length.
"""

from __future__ import annotations

import re

from .rewriting import Rewriting

MAX_LENGTH = 4000
#: a letter or word with the pattern p first in a two-index subscript: o_{pj}, \delta_{pk}, net_{pj}, x_{p i}, t_{p,k}
_FIRST = re.compile(r"(?P<head>(?:\\[A-Za-z]+|[A-Za-z]+)(?:\s*\})?\s*)_\s*\{\s*p(?:\s*,)?\s*(?P<unit>[a-z0-9])\s*\}")
#: the pattern's own error and step, and its input vector: E_p, E_{p}, \Delta_p, \mathbf{x}_p, \boldsymbol{t}_{p}
_OWN = re.compile(r"(?P<head>(?<![A-Za-z\\])E|\\Delta|\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*[A-Za-z]\s*\})\s*_\s*"
                  r"(?:\{\s*p\s*\}|p(?![A-Za-z0-9]))")
#: a sum over the patterns: \sum_p, \sum_{p}, \sum_{p=1}^{P}
_SUM_P = re.compile(r"\\sum\s*_\s*(?:\{\s*p\s*(?:=|\}|\\in)|p(?![A-Za-z0-9]))")
#: Freeman & Skapura's hidden output i_{pj} defined as an activation applied: i_{pj} = f_j^h(net_{pj}^h)
_OWN_I = re.compile(r"(?<![A-Za-z\\])i\s*_\s*\{\s*p(?:\s*,)?\s*[a-z]\s*\}\s*=\s*(?:[fg]|\\sigma|\\varphi|\\phi)(?![A-Za-z])")
#: its uses: i_{pj} (the letter i then names a unit's output, read as a)
_I_HEAD = re.compile(r"(?<![A-Za-z\\])i(?=\s*_\s*\{\s*p(?:\s*,)?\s*[a-z]\s*\})")
#: a written a (then i is not renamed so)
_A_USED = re.compile(r"(?<![A-Za-z\\])a(?![A-Za-z])")
#: the letters (heads) that must carry p first for the reading to apply
_MIN_HEADS = 3


class PatternFirst(Rewriting):
    """The rewriting of an answer that writes the pattern p first in its subscripts; None from ``detect`` otherwise."""

    max_length = MAX_LENGTH
    change = ("p is the training pattern, written first among the subscripts (o_{pj}, δ_{pj}, E_p: Rumelhart, Hinton & "
              "Williams's generalized delta rule): each claim is about one pattern")

    def __init__(self, own_i: bool = False):
        self.originals: dict[str, str] = {}
        self.own_i = own_i
        if own_i:
            self.change += "; i_{pj} is hidden unit j's output (its own definition), read as a_j"

    @staticmethod
    def detect(net, claims) -> PatternFirst | None:
        if getattr(net, "has_kinds", False):
            return None
        texts = [c.latex for c in claims[:2000] if len(c.latex) <= MAX_LENGTH]
        heads = {re.sub(r"[\s{}]", "", m.group("head")) for t in texts if "p" in t for m in _FIRST.finditer(t)}
        if (len(heads) < _MIN_HEADS or any(_SUM_P.search(t) for t in texts)
                or not any(_OWN.search(t) for t in texts)):  # (FortiLeiZhang's y_{pq}, x_{pj}: entries p, q, no pattern)
            return None
        own_i = any(_OWN_I.search(t) for t in texts) and not any(_A_USED.search(t) for t in texts)
        return PatternFirst(own_i)

    def rewrite(self, text: str) -> str:
        if "p" not in text:
            return text
        if self.own_i:
            text = _I_HEAD.sub("a", text)
        text = _FIRST.sub(lambda m: f"{m.group('head')}_{{{m.group('unit')}}}", text)
        return _OWN.sub(lambda m: m.group("head"), text)


#: ESL's per-observation error: R_i (R(\theta) \equiv \sum_i R_i, \partial R_i; Hastie, Tibshirani & Friedman §11.4)
_OBSERVATION_ERROR = re.compile(r"(?<![A-Za-z\\])R\s*_\s*(?:\{\s*i\s*\}|i(?![A-Za-z0-9]))")
#: a two-index subscript with the observation i first or last: y_{ik}, x_{i\ell}, z_{mi}, \delta_{ki}, s_{mi}
_WITH_I = re.compile(r"(?P<head>(?:\\[A-Za-z]+|[A-Za-z])(?:\s*\})?\s*)_\s*\{\s*(?:i(?:\s*,)?\s*(?P<after>[a-hj-z0-9]|\\ell)|"
                     r"(?P<before>[a-hj-z0-9]|\\ell)(?:\s*,)?\s*i)\s*\}")
#: a letter with the observation i alone: x_i, z_i, R_i (and \mathbf{x}_i)
_ALONE_I = re.compile(r"(?P<head>(?<![A-Za-z\\])[xzR]|\\(?:mathbf|boldsymbol|bm)\s*\{\s*[xz]\s*\})\s*_\s*(?:\{\s*i\s*\}|i(?![A-Za-z0-9]))")
#: a sum over the observations: \sum_i, \sum_{i=1}^{N}
_SUM_I = re.compile(r"\\sum\s*_\s*(?:\{\s*i\s*(?:=|\}|\\in)|i(?![A-Za-z0-9]))")
#: a whole sum sign over the observations, with its bounds: \sum_{i=1}^{N}, \sum_i, \sum\limits_{i=1}^N
_SUM_I_WHOLE = re.compile(r"\\sum\s*(?:\\limits\s*)?_\s*(?:\{\s*i\s*(?:=\s*1\s*)?\}|i(?![A-Za-z0-9]))(?:\s*\^\s*(?:\{\s*N\s*\}|N))?")
#: a factor 1/N (the number of observations) in a claim: \frac{1}{N}, 1/N
_PER_COUNT = re.compile(r"\\[dt]?frac\s*\{\s*1\s*\}\s*\{\s*[NnM]\s*\}|/\s*[NnM](?![A-Za-z])")
#: ESL's output function of the outputs' vector: g_k(T) (the output k, f_k(X))
_G_OF_T = re.compile(r"(?<![A-Za-z\\])g\s*_(?:\s*\{)?\s*([a-z])(?:\s*\})?\s*\(\s*T\s*\)")
#: ESL's errors after i is dropped: \delta_{k} (the output's), s_{m} (the hidden layer's)
_ESL_ERRORS = re.compile(r"(?:(\\delta)|(?<![A-Za-z\\])s)\s*_(?=(?:\s*\{)?\s*[a-z])")
#: a first link that names the objective by itself once i is dropped: E(\theta) \equiv E =
_SELF_LINK = re.compile(r"^\s*E\s*(?:\([^()=]{0,30}\)\s*)?(?:\\equiv|=)\s*E\s*=\s*")
#: ESL's gradient-descent step at iteration r: a left side with ^{(r+1)}, then =; its ^{(r)}'s; its rate γ_r
_ITERATION_STEP = re.compile(r"^\s*((?:\\[A-Za-z]+|[A-Za-z])(?:\s*_\s*(?:\{[^{}=]{0,12}\}|\w))?)"
                             r"\s*\^\s*\{\s*\(\s*r\s*\+\s*1\s*\)\s*\}\s*=\s*")
_AT_ITERATION = re.compile(r"\^\s*\{\s*\(\s*r\s*\)\s*\}")
_GAMMA_R = re.compile(r"\\gamma\s*_\s*(?:\{\s*r\s*\}|r(?![A-Za-z0-9]))")
#: the letter R alone, and E written anywhere (then R is not renamed)
_R = re.compile(r"(?<![A-Za-z\\])R(?![A-Za-z])")
_E = re.compile(r"(?<![A-Za-z\\])E(?![A-Za-z])")
#: ESL's slopes written at the weights' product alone: \sigma'(\alpha_m^T x), g_k'(\beta_k^T z) (after i is dropped)
_ESL_SIGMA_SLOPE = re.compile(r"(\\sigma\s*(?:'|\^\s*\{\s*\\prime\s*\})\s*(?:\\left\s*)?\(\s*)"
                              r"\\alpha\s*_(?:\s*\{)?\s*([a-z])(?:\s*\})?\s*(\^(?:\s*\{)?\s*(?:T|\\top)(?:\s*\})?\s*x)(?=\s*(?:\\right\s*)?\))")
_ESL_G_SLOPE = re.compile(r"g\s*_(?:\s*\{)?\s*([a-z])(?:\s*\})?\s*'\s*\(\s*"
                          r"(\\beta\s*_(?:\s*\{)?\s*\1(?:\s*\})?\s*\^(?:\s*\{)?\s*(?:T|\\top)(?:\s*\})?\s*z)(?=\s*\))")
#: ESL's output error defined with the observation: \delta_{ki} = …; δ itself; the letter u (then δ is not renamed)
_DELTA_DEFINED = re.compile(r"^\s*\\delta\s*_\s*\{\s*[a-hj-z](?:\s*,)?\s*i\s*\}\s*=")
_DELTA = re.compile(r"\\delta(?![A-Za-z])")
_U = re.compile(r"(?<![A-Za-z\\])u(?![A-Za-z])")
_U_SCRIPTED = re.compile(r"(?<![A-Za-z\\])u(?=_)")


class ObservationIndex(Rewriting):
    """Hastie, Tibshirani & Friedman's observation i (*The Elements of Statistical Learning*, §11.4: ``R_i = \\sum_k
    (y_{ik} - f_k(x_i))^2``, ``z_{mi} = \\sigma(\\alpha_{0m} + \\alpha_m^T x_i)``, ``\\delta_{ki}``, ``s_{mi}``, ``\\frac{\\partial
    R_i}{\\partial \\beta_{km}} = \\delta_{ki} z_{mi}``): where the answer defines the error of observation i, R_i, writes its
    input x_i and at least two letters with i beside a unit's index, a claim that does not sum over i is about one
    observation: i is dropped (``y_{ik}`` → ``y_k``, ``z_{mi}`` → ``z_m``, ``x_i`` → ``x``, ``R_i`` → ``R``) and the
    letters are read as the unit letters they are (GreekWeights reads α, β). ESL's error R is the objective (the sum of
    squared errors, no ½): where the spec has no regularizer and the answer writes no E, R is read as E, the objective
    (the answer's own scale is then read from its definition). A sum over the observations has the one observation's
    term (the document is judged with one); ESL's g_k(T) is the output k, f_k(X).
    Each claim is restored as written in the report."""

    max_length = MAX_LENGTH
    change = ("i is the observation (ESL §11.4: R_i, x_i, y_{ik}, z_{mi}, δ_{ki}): each claim without a sum over i is "
              "about one observation")

    def __init__(self, rename_r: bool, own_delta: bool = False):
        self.originals: dict[str, str] = {}
        self.rename_r, self.own_delta = rename_r, own_delta
        if rename_r:
            self.change += "; R, the sum of squared errors, is the objective (read as E)"
        if own_delta:
            self.change += "; δ_{ki}, the error the answer defines at output k, is its own letter (its definition is read)"

    @staticmethod
    def detect(net, claims) -> ObservationIndex | None:
        if getattr(net, "has_kinds", False):
            return None
        texts = [c.latex for c in claims[:2000] if len(c.latex) <= MAX_LENGTH]
        if not any(_OBSERVATION_ERROR.search(t) for t in texts) or not any(
                re.sub(r"[\s{}]|\\(?:mathbf|boldsymbol|bm)", "", m.group("head")) == "x" for t in texts
                for m in _ALONE_I.finditer(t)):
            return None
        heads = {re.sub(r"[\s{}]", "", m.group("head")) for t in texts if "i" in t for m in _WITH_I.finditer(t)}
        if len(heads) < 2 or not any("\\alpha" in t or "α" in t for t in texts):
            return None  # (ESL's letters: α the hidden layer's weights; ISLR's R_i(θ) with w_{kj} is islrletters.py's)
        rename = getattr(net, "regularizer", None) is None and not any(_E.search(t) for t in texts)
        own_delta = any(_DELTA_DEFINED.match(t) for t in texts) and not any(_U.search(t) for t in texts)
        return ObservationIndex(rename, own_delta)

    def relabel(self, results) -> None:
        """The answer's δ named back in the messages (it was read as the fresh letter u): before ``restore``."""
        if self.own_delta:
            for r in results:
                r.message = _U_SCRIPTED.sub(r"\\delta", r.message)

    def rewrite(self, text: str) -> str:
        text = _G_OF_T.sub(lambda m: f"f_{{{m.group(1)}}}(X)", text)  # ESL's g_k(T): the output k, f_k(X)
        if "i" in text and _SUM_I.search(text) and _PER_COUNT.search(text):
            return text  # (a mean over the observations, 1/N Σ_i: with one observation its 1/N would not show — unread)
        if "i" in text:
            text = _SUM_I_WHOLE.sub(" ", text)  # (one observation: the sum over the observations is its own term)
            text = _WITH_I.sub(lambda m: f"{m.group('head')}_{{{m.group('after') or m.group('before')}}}", text)
            text = _ALONE_I.sub(lambda m: m.group("head"), text)
            # ESL's slopes at the weights' product alone, σ'(α_m^T x_i), g_k'(β_k^T z_i): the book leaves the bias out
            # of the argument (its x, z carry the constant 1): the slope at unit m's, output k's summed input
            text = _ESL_SIGMA_SLOPE.sub(lambda m: f"{m.group(1)}\\alpha_{{0{m.group(2)}}} + \\alpha_{{{m.group(2)}}}{m.group(3)}",
                                        text)
            text = _ESL_G_SLOPE.sub(lambda m: f"g'(\\beta_{{0{m.group(1)}}} + {m.group(2)}", text)
            if self.own_delta:
                text = _DELTA.sub("u", text)  # (a fresh letter: the answer's own symbol, read from its definition)
            else:  # ESL's "errors" named, not defined: δ_{ki} = ∂R_i/∂T_k and s_{mi} = ∂R_i/∂(α_{0m} + α_m^T x_i)
                text = _ESL_ERRORS.sub(lambda m: ("\\delta^{(2)}" if m.group(1) else "\\delta^{(1)}") + "_", text)
        if _ITERATION_STEP.match(text):  # ESL's β_{km}^{(r+1)} = β_{km}^{(r)} − γ_r Σ_i ∂R_i/∂β_{km}^{(r)}: one step
            text = _ITERATION_STEP.sub(lambda m: f"{m.group(1)} \\leftarrow ", text, count=1)
            text = _GAMMA_R.sub(lambda m: "\\gamma", _AT_ITERATION.sub("", text))
        text = _R.sub("E", text) if self.rename_r else text
        # R(θ) ≡ Σ_i R_i = …, for one observation E(θ) ≡ E = …: the first link says nothing, the definition is the rest
        return _SELF_LINK.sub("E = ", text) if self.rename_r else text
