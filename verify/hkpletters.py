r"""Hertz, Krogh and Palmer's letters (issue 10, thirty-sixth round): *Introduction to the Theory of Neural Computation*
(§6.1, back-propagation) and the courses that teach from it write a network with one hidden layer, for pattern μ, as

    h_j^\mu = \sum_k w_{jk} \xi_k^\mu,   V_j^\mu = g(h_j^\mu),   h_i^\mu = \sum_j W_{ij} V_j^\mu,   O_i^\mu = g(h_i^\mu),
    E[w] = \frac{1}{2} \sum_{\mu i} [\zeta_i^\mu - O_i^\mu]^2,
    \Delta W_{ij} = \eta \sum_\mu \delta_i^\mu V_j^\mu,   \delta_i^\mu = g'(h_i^\mu) [\zeta_i^\mu - O_i^\mu],
    \Delta w_{jk} = \eta \sum_\mu \delta_j^\mu \xi_k^\mu,   \delta_j^\mu = g'(h_j^\mu) \sum_i W_{ij} \delta_i^\mu

— ξ the input, ζ the target, V the hidden units' outputs, O the output units', h a unit's net input, w the input-to-hidden
and W the hidden-to-output weights (target unit first), δ a unit's error (minus the derivative by its net input when
the answer writes the target first), the layer of h and δ told by the index letter alone (k an input, j a hidden, i an
output unit), μ the pattern, E[w] the cost as a function of the weights (not an expectation). A TA reads the letters
from those definitions; so does ``HkpLetters``, only in a network with one hidden layer and only where the answer
defines V_j and O_i by g of a net input and writes ξ. Then ξ, ζ, O become ``x``, ``y``, ``\hat{y}``; V, h_j, h_i become
``h^{(1)}``, ``z^{(1)}``, ``z^{(2)}``; w, W the layers' ``W^{(1)}``, ``W^{(2)}``; δ_j, δ_i the layers' δ; the pattern index μ
the sample index ``(n)`` (``\sum_\mu`` a sum over the samples); E[w] the objective E. Each claim is restored as written in
the report. Every pass is a linear scan of claims of bounded length.
"""

from __future__ import annotations

import re

from .rewriting import Placeholders, Rewriting, generic_layer, letter_scripts, name_back, replace_heads

MAX_LENGTH = 4000
#: the heads read: \xi, \zeta, \delta, V, O, h, W, w (not inside a longer name or a command)
_HEAD = re.compile(r"\\(?:xi|zeta|delta)(?![A-Za-z])|(?<![A-Za-z\\])[VOhWw](?![A-Za-z(])")
#: the pattern index as a superscript's whole content
_MU = re.compile(r"^\{?\s*\\mu\s*\}?$")
#: a sum over the patterns: \sum_\mu, \sum_{\mu}, \sum_{\mu i}, \sum_{\mu, i}, \sum_{i \mu}
_PATTERN_SUM = re.compile(r"\\sum\s*_\s*(?:\\mu(?![A-Za-z])|\{\s*(?:\\mu\s*,?\s*([a-z])?|([a-z])\s*,?\s*\\mu)\s*\})")
#: the cost as a function of the weights: E[w], E[\mathbf{w}], E[\vec w]
_COST = re.compile(r"(?<![A-Za-z\\])E\s*\[\s*(?:\\(?:mathbf|boldsymbol|vec|bm)\s*\{?\s*)?w\s*\}?\s*\]")
#: the definitions that decide the reading: V_j = g(…) and O_i = g(…) (a pattern superscript allowed either side)
_V_DEF = re.compile(r"(?<![A-Za-z\\])V\s*(?:[_^]\s*(?:\{[^{}=]{0,10}\}|\\mu|[a-z])\s*){1,2}=\s*g\s*\(")
_O_DEF = re.compile(r"(?<![A-Za-z\\])O\s*(?:[_^]\s*(?:\{[^{}=]{0,10}\}|\\mu|[a-z])\s*){1,2}=\s*g\s*\(")
_XI = re.compile(r"\\xi(?![A-Za-z])")
#: the general form's definition, a layer in the superscript: V_i^m = g(h_i^m), V^{m}_{i} = g(…)
_LAYER_SUP = r"\^\s*(?:\{\s*(?:[mM]|\d)(?:\s*-\s*1)?\s*\}|[mM]|\d)"
_V_LAYERED = re.compile(r"(?<![A-Za-z\\])V\s*(?:_\s*(?:\{\s*[a-z]\s*\}|[a-z])\s*" + _LAYER_SUP + r"|" + _LAYER_SUP
                        + r"\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z]))\s*=\s*g\s*\(")
#: a superscript that is a layer in the general form: m, m-1, M, a number
_LAYER_BODY = re.compile(r"^\{?\s*(?:[mM]|\d)(?:\s*-\s*1)?\s*\}?$")
#: δ defined with the target first (δ_i = g'(h_i)[ζ_i − O_i]) or the step added with δ (ΔW = η Σ δ V): δ = −∂E/∂h
_TARGET_FIRST = re.compile(r"\\zeta[^=\-]{0,24}-\s*O(?![A-Za-z])")
_OUTPUT_FIRST = re.compile(r"(?<![A-Za-z\\])O[^=\-]{0,24}-\s*\\zeta(?![A-Za-z])")
_DELTA_LHS = re.compile(r"^\s*\\delta")
_PLUS_STEP = re.compile(r"\\Delta\s*[Ww]\s*_[^=]{0,12}=\s*\\eta\s*(?:\\sum[^=\\]{0,16})?\s*\\delta")
#: the layer of h and δ by the index letter; V is the hidden layer's whatever its index
_UNIT_LAYER = {"j": 1, "i": 2}


def _inner(script: str | None) -> str:
    return "" if script is None else script.strip("{} ")


class HkpLetters(Rewriting):
    """The rewriting of an answer in Hertz, Krogh and Palmer's letters; None from ``detect`` when it is not one."""

    max_length = MAX_LENGTH

    def __init__(self, options: tuple, layered: bool = False):
        self.originals: dict[str, str] = {}
        self.options = options
        self.layered = layered  # the general form: V_i^m, h_i^m, δ_i^m, w_{ij}^m with the layer m in the superscript
        self.change = ("ξ is the input, ζ the target, V_i^m the output and h_i^m the net input of unit i in layer m (V^0 "
                       "the input, O the output), μ the pattern (Hertz, Krogh & Palmer)" if layered else
                       "ξ is the input, ζ the target, V the hidden and O the output units' outputs, h_j and h_i their net "
                       "inputs, w and W the two layers' weights, δ_j and δ_i their errors, μ the pattern "
                       "(Hertz, Krogh & Palmer)")

    @staticmethod
    def detect(net, claims) -> HkpLetters | None:
        if getattr(net, "has_kinds", False):
            return None
        texts = [c.latex for c in claims if len(c.latex) <= MAX_LENGTH]
        layered = any(_V_LAYERED.search(t) for t in texts) and any(_XI.search(t) or "\\zeta" in t for t in texts)
        if not layered and (net.depth != 2 or not (any(_V_DEF.search(t) for t in texts) and any(
                _O_DEF.search(t) for t in texts) and any(_XI.search(t) for t in texts))):
            return None
        deltas = [t for t in texts if _DELTA_LHS.match(t)]
        # each δ defined target first and each step added with δ votes for δ = −∂E/∂h, each δ defined output first for
        # +∂E/∂h: the majority is the answer's convention (one δ written the other way round is then its slip, judged so)
        minus = sum(1 for t in deltas if _TARGET_FIRST.search(t)) + sum(1 for t in texts if _PLUS_STEP.search(t))
        plus = sum(1 for t in deltas if _OUTPUT_FIRST.search(t))
        return HkpLetters((("delta_sign", -1),) if minus > plus else (), layered)

    def rewrite(self, text: str) -> str:
        kept = Placeholders()
        if not kept.usable(text):
            return text
        keep = kept.keep

        def pattern_sum(m: re.Match) -> str:
            other = m.group(1) or m.group(2)
            return keep("\\sum_n" + (f" \\sum_{other}" if other else ""))

        text = _PATTERN_SUM.sub(pattern_sum, text)
        text = _COST.sub(lambda m: keep("E"), text)

        def head(m: re.Match):
            end, sub, sup = letter_scripts(text, m.end())
            if sup is not None and not _MU.match(sup) and not (self.layered and _LAYER_BODY.match(sup)):
                return None  # (V_j^2 in the one-hidden-layer form: a power, after the letter)
            made = self._layered(m.group(0), sub, sup) if self.layered and sup and not _MU.match(sup) else None
            made = made or self._read(m.group(0), _inner(sub), sup is not None and _MU.match(sup) is not None,
                                      self.layered)
            return None if made is None else (keep(made), end)

        return kept.restore(replace_heads(text, _HEAD, head))

    def relabel(self, results) -> None:
        """Each result names the pattern μ and the layer m as written (μ = 1…1, m = 1, 2: not the n, l read): before
        ``restore``."""
        for r in results:
            original = self.originals.get(r.id, "")
            name_back(r, {**({"n": "μ"} if "\\mu" in original else {}), **({"l": "m"} if self.layered else {})})

    @staticmethod
    def _layered(head: str, sub: str | None, sup: str) -> str | None:
        """The general form's letters with a layer superscript, the layer m read as gradproof's generic l (M the last):
        V_i^m the layer's output h, V^0 the input x, h_i^m its net input z, δ_i^m and w_{ij}^m the layer's."""
        entry = f"_{sub}" if sub else ""
        if head == "V" and sup.strip("{} ") == "0":
            return f"x{entry}"
        generic = generic_layer(sup, "m", "M")
        if generic is None:
            return None
        return {"V": "h", "h": "z", "\\delta": "\\delta", "w": "w"}.get(head, "") + f"^{generic}{entry}" if head in (
            "V", "h", "\\delta", "w") else None

    @staticmethod
    def _read(head: str, sub: str, pattern: bool, layered: bool = False) -> str | None:
        """The house spelling of one of the letters with its entry index and pattern mark; None to leave it."""
        sample = "(n)" if pattern else ""
        entry = f"_{{{sub}}}" if sub else ""
        if head in ("\\xi", "\\zeta"):
            base = "x" if head == "\\xi" else "y"
            return base + (f"^{{{sample}}}" if sample else "") + entry
        if head == "O":
            return "\\hat{y}" + (f"^{{{sample}}}" if sample else "") + entry
        if layered:  # (the general form: only ξ, ζ, O are read without a layer)
            return None
        if head == "V":
            return f"h^{{(1){sample}}}{entry}"
        if head in ("h", "\\delta"):
            layer = _UNIT_LAYER.get(sub[:1]) if len(sub) == 1 else None
            if layer is None:
                return None
            return ("z" if head == "h" else "\\delta") + f"^{{({layer}){sample}}}{entry}"
        if pattern:  # (a weight has no pattern)
            return None
        return f"W^{{({2 if head == 'W' else 1})}}{entry}"
