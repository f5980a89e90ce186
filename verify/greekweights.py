r"""Weights named α and β (issue 10, thirty-fourth round): Hastie, Tibshirani & Friedman's *Elements of Statistical
Learning* (§11.3–11.4) and the courses that follow it (CMU's 10-601 and 10-301/315 homework on neural networks) write a
network with one hidden layer as

    a_j = \sum_i \alpha_{j,i} x_i + \alpha_{j,0},   z_j = \sigma(a_j),   b_k = \sum_j \beta_{k,j} z_j + \beta_{k,0},
    \hat y = \mathrm{softmax}(b)       (10-601; in matrix form a = \alpha x, b = \beta z)
    Z_m = \sigma(\alpha_{0m} + \alpha_m^T X),   T_k = \beta_{0k} + \beta_k^T Z      (ESL)

α the hidden layer's weights, β the output layer's, each with its unit's own bias (index 0, from the constant input
x_0 = 1 or z_0 = 1), and letters of the answer's own for the sums and the activations — b is the output's summed input
there, not a bias. A TA reads α, β and the letters from those definitions. So does ``GreekWeights``, only in a network
with one hidden layer and only when the answer's definitions multiply α by the input and β by the hidden activations
(α the learning rate in any update, or either product missing: nothing is read). Then α's entries become
``W^{(1)}_{…}`` in the spec's orientation (the entry's order read from the answer's own sum ``\alpha_{j,i} x_i``: the
index the input carries is the source; target first where no sum says), an index 0 the unit's bias ``b^{(1)}_{…}``,
bold or bare α the matrix ``W^{(1)}``; β alike for layer 2; the letter the answer defines by α's product (a) the
summed input ``z^{(1)}``, the letter β multiplies (z, Z, h) the hidden activation ``h^{(1)}``, the letter defined by β's
product (b, T) the output's summed input ``z^{(2)}``, ESL's output function of the input ``f_k(X)`` the output
``\hat y_k``; ESL's whole sum ``\alpha_{0m} + \alpha_m^T x`` is unit m's summed
input. Each claim is restored as written in the report. Every pass is a linear regular-expression substitution on
claims of bounded length.
"""

from __future__ import annotations

import re

from .rewriting import Placeholders, Rewriting

#: α or β, plain, bold or as a Unicode letter (group "name")
_GREEK = r"(?:\\(?:boldsymbol|bm|mathbf|pmb|vec)\s*\{\s*\\(?P<{g}1>alpha|beta)\s*\}|\\(?P<{g}2>alpha|beta)(?![A-Za-z])|(?P<{g}3>[αβ]))"
_LETTER_OF = {"α": "alpha", "β": "beta"}


def _greek(g: str) -> str:
    return _GREEK.replace("{g}", g)

#: one index: a letter or a digit
_IDX = r"[a-z0-9]"
#: α or β with its script: two indices (\alpha_{j,i}, \alpha_{ji}, \beta_{k j}), one (\alpha_m, \alpha_0) or none
_SCRIPT = (r"(?:\s*_\s*(?:\{\s*(?P<a>" + _IDX + r")\s*,?\s*(?P<b>" + _IDX + r")\s*\}|\{\s*(?P<one>" + _IDX + r")\s*\}|(?P<bare>"
           + _IDX + r")))?")
_WEIGHT = re.compile(_greek("n") + _SCRIPT)
#: ESL's whole summed input: \alpha_{0m} + \alpha_m^T x (\beta_{0k} + \beta_k^T z), the input with or without a sample index
_ESL_SUM = re.compile(_greek("p") + r"\s*_\s*\{\s*0\s*,?\s*(?P<u>[a-z])\s*\}\s*\+\s*" + _greek("q")
                      + r"\s*_\s*\{?\s*(?P=u)\s*\}?\s*\^\s*\{?\s*(?:T|\\top)\s*\}?\s*(?:\\mathbf\s*\{\s*[A-Za-z]\s*\}|[A-Za-z])"
                      r"(?:\s*_\s*\{?\s*[a-z]\s*\}?)?")
#: a product of α with the input or β with the hidden activations, for detection: \alpha_{j,i} x_i, \alpha x,
#: \alpha_m^T X, \boldsymbol{\beta} \mathbf{z}, \beta_{k,j} z_j (groups: the weight's indices, the letter, its index)
_PRODUCT = re.compile(_greek("n") + _SCRIPT + r"\s*(?:\^\s*\{?\s*(?:T|\\top)\s*\}?)?\s*(?:\\cdot\s*)?"
                      r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*(?P<v>[A-Za-z])\s*\}|(?P<w>[A-Za-z])(?![A-Za-z]))"
                      r"(?:\s*_\s*\{?\s*(?P<vi>[a-z0-9])\s*\}?)?")
#: ESL's output k as a function of the input: f_k(X), f_{k}(x) (the network's output \hat y_k; f_k(x_i) of observation i
#: is left as written)
_OUTPUT_FUNCTION = re.compile(r"(?<![A-Za-z\\])f\s*_\s*\{?\s*([a-z])\s*\}?\s*\(\s*(?:\\mathbf\s*\{\s*)?[xX]\s*\}?\s*\)")
#: α as a learning rate: multiplying a gradient (\alpha \frac{\partial …}, \alpha \nabla, \alpha \cdot dW)
_RATE = re.compile(r"(?:\\alpha|α)\s*(?:\\cdot\s*)?(?:\\frac\s*\{\s*(?:\\partial|d)|\\nabla|\\partial|\\mathrm\s*\{\s*d|d[A-Z])")
#: a definition's left side: one letter, bold or not, with one index or none (a, \mathbf{b}, z_j, T_k)
_LHS = re.compile(r"\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*(?P<l1>[A-Za-z])\s*\}|(?P<l2>[A-Za-z]))\s*(?:_\s*\{?\s*[a-z]\s*\}?)?\s*=")
#: claims longer than this are neither read nor rewritten
MAX_LENGTH = 4000


def _name(m: re.Match, g: str) -> str:
    return m.group(g + "1") or m.group(g + "2") or _LETTER_OF[m.group(g + "3")]


class GreekWeights(Rewriting):
    """The rewriting of an answer whose weights are α (hidden) and β (output); None from ``detect`` when it is not."""

    max_length = MAX_LENGTH

    def __init__(self, net, letters: dict, source_first: dict, change: str):
        self.convention = net.convention
        self.letters = letters  # the answer's letter -> the house quantity (a -> z^{(1)}, z -> h^{(1)}, b -> z^{(2)})
        self.source_first = source_first  # alpha/beta -> whether its first index is the source unit
        self.originals: dict[str, str] = {}
        self.change = change
        alternatives = "|".join(sorted(letters))
        self._letter = re.compile(r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*(?P<b>" + alternatives + r")\s*\}"
                                  r"|(?<![A-Za-z\\_^])(?<!_\{)(?<!\^\{)(?P<p>"
                                  + alternatives + r"))(?![A-Za-z(])(?P<s>\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z]))?"
                                  r"(?P<t>\s*\^\s*(?:\{\s*(?:T|\\top)\s*\}|T|\\top))?")

    @staticmethod
    def detect(net, claims) -> GreekWeights | None:
        if net.depth != 2 or getattr(net, "has_kinds", False):
            return None
        texts = [c.latex for c in claims if len(c.latex) <= MAX_LENGTH and "=" in c.latex]
        if not any(("alpha" in t or "α" in t) for t in texts) or any(_RATE.search(t) for t in texts):
            return None
        hidden = hidden_sum = output_sum = hidden_activation = None
        source_first: dict = {}
        for t in texts:
            lhs = _LHS.match(t)
            for m in _PRODUCT.finditer(t):
                name, letter = _name(m, "n"), m.group("v") or m.group("w")
                if name == "alpha" and letter not in ("x", "X"):
                    continue
                if name == "beta":
                    if letter in ("x", "X", "T") or hidden not in (None, letter):
                        continue
                    hidden = letter
                if m.group("a") and m.group("vi") and m.group("vi") in (m.group("a"), m.group("b")) and m.group("a") != m.group("b"):
                    first = m.group("vi") == m.group("a")  # \alpha_{j,i} x_i: the index on the input is the source
                    if source_first.setdefault(name, first) != first:
                        return None
                if lhs is not None:
                    own = lhs.group("l1") or lhs.group("l2")
                    before = t[lhs.end():m.start()]
                    if re.search(r"(?:'|\\prime(?:\s*\})?)\s*(?:\\left\s*)?\([^()]{0,200}$", before):
                        continue  # (ESL's s_{mi} = σ'(α_{0m} + α_m^T x_i) Σ_k β_{km} δ_{ki}: the slope there, no definition)
                    if before.count("(") > before.count(")"):  # ESL's Z_m = \sigma(\alpha_{0m} + \alpha_m^T X): an activation
                        if name == "beta" or hidden_activation not in (None, own) and hidden_activation.lower() != own.lower():
                            return None  # (ESL's Z_m of the variable beside its value z_{mi} of observation i: one letter)
                        hidden_activation = hidden_activation or own
                    elif name == "alpha":
                        hidden_sum = hidden_sum or own
                    else:
                        output_sum = output_sum or own
        if hidden_activation not in (None, hidden):
            return None
        if hidden is None or output_sum is None or (hidden_sum is None and not any(_ESL_SUM.search(t) for t in texts)):
            return None
        letters = {hidden: "h^{(1)}", output_sum: "z^{(2)}"}
        if hidden_sum is not None:
            letters[hidden_sum] = "z^{(1)}"
        if len(set(letters)) != len([k for k in (hidden, output_sum, hidden_sum) if k]) or set(letters) & {"x", "X", "y", "W", "w"}:
            return None  # one letter in two roles, or a letter the network's own names use
        other_case = hidden.swapcase()
        if other_case not in letters and any(re.search(rf"(?<![A-Za-z\\]){other_case}\s*_\s*\{{?\s*[a-z]", t) for t in texts):
            letters[other_case] = "h^{(1)}"  # ESL's z_m (a value) beside Z_m (the variable): the hidden activation too
        for name in ("alpha", "beta"):
            source_first.setdefault(name, False)
        change = ("α the hidden layer's weights and β the output layer's (ESL, CMU 10-601), index 0 a unit's bias; "
                  + ", ".join(f"{k} {'the summed input' if v.startswith('z') else 'the activation'} of layer {v[4]}"
                              for k, v in sorted(letters.items())))
        return GreekWeights(net, letters, source_first, change)

    def _entry(self, name: str, first: str, second: str) -> str | None:
        layer = 1 if name == "alpha" else 2
        target, source = (second, first) if self.source_first[name] else (first, second)
        if source == "0":
            return f"b^{{({layer})}}_{{{target}}}" if target != "0" else None
        if target == "0":
            return f"b^{{({layer})}}_{{{source}}}"  # ESL's \alpha_{0m}: the bias of unit m, whatever the order
        row, col = (target, source) if self.convention == "row" else (source, target)
        return f"W^{{({layer})}}_{{{row},{col}}}"

    def rewrite(self, text: str) -> str:
        kept = Placeholders()  # each pass's replacements, kept aside until the last (no pass reads another's output)
        keep = kept.keep

        def esl(m: re.Match) -> str:
            if _name(m, "p") != _name(m, "q"):
                return m.group(0)
            return keep(f"z^{{({1 if _name(m, 'p') == 'alpha' else 2})}}_{{{m.group('u')}}}")

        def weight(m: re.Match) -> str:
            name = _name(m, "n")
            layer = 1 if name == "alpha" else 2
            if m.group("a"):
                entry = self._entry(name, m.group("a"), m.group("b"))
                return keep(entry) if entry else m.group(0)
            one = m.group("one") or m.group("bare")
            if one is None:
                return keep(f"W^{{({layer})}}")
            return keep(f"b^{{({layer})}}") if one == "0" else m.group(0)  # (\alpha_m, one row: not read)

        def letter(m: re.Match) -> str:
            own = m.group("b") or m.group("p")
            quantity = self.letters[own]
            script = re.sub(r"[\s_{}]", "", m.group("s") or "")
            entry = f"{quantity}_{{{script}}}" if script else quantity
            return keep(f"({entry})^{{T}}" if m.group("t") else entry)

        if not kept.usable(text):
            return text
        text = _OUTPUT_FUNCTION.sub(lambda m: keep(f"\\hat{{y}}_{{{m.group(1)}}}"), text)
        text = _ESL_SUM.sub(esl, text)
        text = _WEIGHT.sub(weight, text)
        text = self._letter.sub(letter, text)
        return kept.restore(text)
