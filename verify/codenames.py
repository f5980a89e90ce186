r"""Grokking Deep Learning's code names (issue 10, thirty-sixth round): Trask's book and the beginners' courses built on
it write the backward pass with the names of its NumPy code,

    \text{layer\_1} = \text{relu}(\text{layer\_0} \cdot \text{weights\_0\_1}),
    \text{layer\_2\_delta} = \text{layer\_2} - \text{goal},
    \text{layer\_1\_delta} = \text{layer\_2\_delta} \cdot \text{weights\_1\_2}^T \odot \text{relu2deriv}(\text{layer\_1}),
    \text{weights\_1\_2} \mathrel{-}= \alpha \cdot \text{layer\_1}^T \cdot \text{layer\_2\_delta}

— layer_0 the input, layer_k layer k's output (the last one the prediction), weights_{k-1}_k the weights into layer
k, layer_k_delta its δ, weight_delta(s)_{k-1}_k the gradient of those weights, goal the target, relu2deriv(layer_k) (and
tanh2deriv, sigmoid2deriv) the activation's slope at layer k's sum, α the learning rate, ``-=`` an update in place.
A TA reads the names as the code they come from; so does ``CodeNames``, where an answer writes at least two of them
(each name in ``\text{}``, ``\mathrm{}``, ``\texttt{}`` or bare, its underscores escaped or not). Then they become
``x``, ``h^{(k)}`` (``\hat{y}``), ``W^{(k)}``, ``\delta^{(k)}``, ``\frac{\partial J}{\partial W^{(k)}}``, ``y``, the slope
of layer k's activation at ``z^{(k)}``; ``A \mathrel{-}= B`` is ``A \leftarrow A - (B)``. Each claim is restored as
written in the report. Every pass is a linear scan of claims of bounded length.
"""

from __future__ import annotations

import re

from .rewriting import Placeholders, Rewriting, layered_y

MAX_LENGTH = 4000
_WRAP = r"(?P<wrap>\\(?:text|mathrm|texttt|mathtt|operatorname|textit|mathit)\s*\{\s*)?"
#: the wrapper's closing brace, only where a wrapper opened (an unwrapped name leaves a \frac's brace alone)
_UNWRAP = r"(?(wrap)\s*\})"
_U = r"\s*\\?_\s*"
#: a code name: layer_k, layer_k_delta, weights_i_j, weight_delta(s)_i_j, goal, relu2deriv (wrapped or bare)
_NAME = re.compile(_WRAP + r"(?<![A-Za-z\\])(?:(?P<wd>weight" + _U + r"deltas?" + _U + r"(?P<wi>\d)" + _U + r"(?P<wj>\d))"
                   r"|(?P<w>weights" + _U + r"(?P<i>\d)" + _U + r"(?P<j>\d))"
                   r"|(?P<l>layer" + _U + r"(?P<k>\d)(?P<d>" + _U + r"delta)?)"
                   r"|(?P<goal>goal)|(?P<deriv>(?P<act>relu|tanh|sigmoid)2deriv))(?![A-Za-z0-9])" + _UNWRAP)
#: an update in place: A \mathrel{-}= B, A -= B, A \mathrel{+}= B
_IN_PLACE = re.compile(r"^(?P<lhs>[^=]{1,200}?)\s*(?:\\mathrel\s*\{\s*(?P<s1>[-+])\s*\}|(?P<s2>[-+]))\s*=\s*(?P<rhs>[^=]+)$")
_ACTIVATIONS = {"relu": "\\mathrm{relu}", "tanh": "\\tanh", "sigmoid": "\\sigma"}


class CodeNames(Rewriting):
    """The rewriting of an answer in Grokking Deep Learning's code names; None from ``detect`` when it is not one."""

    max_length = MAX_LENGTH

    def __init__(self, depth: int):
        self.originals: dict[str, str] = {}
        self.depth = depth
        self.change = ("layer_0 is the input, layer_k layer k's output, weights_{k-1}_k its weights, layer_k_delta its δ, "
                       "goal the target, relu2deriv the activation's slope, -= an update (Grokking Deep Learning's code "
                       "names)")

    @staticmethod
    def detect(net, claims) -> CodeNames | None:
        if getattr(net, "has_kinds", False):
            return None
        texts = [c.latex for c in claims if len(c.latex) <= MAX_LENGTH]
        found = sum(1 for t in texts for m in _NAME.finditer(t) if m.group("w") or m.group("l") or m.group("wd"))
        return CodeNames(net.depth) if found >= 2 and not layered_y(texts) else None  # (goal becomes y)

    def rewrite(self, text: str) -> str:
        kept = Placeholders()
        if not kept.usable(text):
            return text
        keep = kept.keep

        def name(m: re.Match) -> str:
            made = self._read(m)
            return m.group(0) if made is None else keep(made)

        text = self._derivs(text, keep)
        text = _NAME.sub(name, text)
        m = _IN_PLACE.match(text)
        if m and "\\leftarrow" not in text:
            text = f"{m.group('lhs')} \\leftarrow {m.group('lhs')} {m.group('s1') or m.group('s2')} ({m.group('rhs')})"
        return kept.restore(text)

    def _derivs(self, text: str, keep) -> str:
        """relu2deriv(layer_k): the slope of layer k's activation at its sum, written with the layer's sum."""
        def deriv(m: re.Match) -> str:
            k = int(m.group("k"))
            if not 1 <= k <= self.depth:
                return m.group(0)
            return keep(f"{_ACTIVATIONS[m.group('act')]}'(z^{{({k})}})")

        pattern = re.compile(_WRAP + r"(?<![A-Za-z\\])(?P<act>relu|tanh|sigmoid)2deriv" + _UNWRAP + r"\s*(?:\\left\s*)?\(\s*"
                             + _WRAP.replace("wrap", "wrap2") + r"layer" + _U + r"(?P<k>\d)" + _UNWRAP.replace("wrap", "wrap2")
                             + r"\s*(?:\\right\s*)?\)")
        return pattern.sub(deriv, text)

    def _read(self, m: re.Match) -> str | None:
        if m.group("goal"):
            return "y"
        if m.group("wd"):
            i, j = int(m.group("wi")), int(m.group("wj"))
            return f"\\frac{{\\partial J}}{{\\partial W^{{({j})}}}}" if j == i + 1 and 1 <= j <= self.depth else None
        if m.group("w"):
            i, j = int(m.group("i")), int(m.group("j"))
            return f"W^{{({j})}}" if j == i + 1 and 1 <= j <= self.depth else None
        if m.group("l"):
            k = int(m.group("k"))
            if m.group("d"):
                return f"\\delta^{{({k})}}" if 1 <= k <= self.depth else None
            if k == 0:
                return "x"
            return ("\\hat{y}" if k == self.depth else f"h^{{({k})}}") if k <= self.depth else None
        return None
