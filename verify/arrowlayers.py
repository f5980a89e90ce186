r"""Layers named by an arrow (issue 10, thirty-sixth round): Eisenstein's *Introduction to Natural Language Processing*
(§3.1–3.3) and the NLP courses that teach from it name each layer's weights by the quantities they connect,

    \boldsymbol{z} = \sigma(\boldsymbol{\Theta}^{(x \to z)} \boldsymbol{x}),
    \hat{\boldsymbol{y}} = \text{SoftMax}(\boldsymbol{\Theta}^{(z \to y)} \boldsymbol{z} + \boldsymbol{b}),
    \ell^{(i)} = -\boldsymbol{e}_{y^{(i)}} \cdot \log \hat{\boldsymbol{y}},
    \frac{\partial \ell^{(i)}}{\partial \boldsymbol{\theta}^{(z \to y)}_j} = (\hat{y}_j - e_{y^{(i)}, j}) \boldsymbol{z}

— Θ^{(x→z)} the weights from x to z, θ^{(z→y)}_j its row j (unit j's weights), z the hidden layer's output, b the
output layer's bias (written bare where no b carries its arrow), e_{y^{(i)}} the one-hot vector of example i's label, ℓ^{(i)} its loss.
A TA reads the layers from the arrows; so does ``ArrowLayers``, where the arrows of the answer's weights chain from the
input x to the output through as many letters as the network has layers: Θ^{(a→b)} (Θ, θ, W, w, bold or not) becomes
the weights ``W^{(k)}`` of the k-th arrow, b^{(a→b)} its bias; each letter between two arrows (z) the output ``h^{(k)}``
of its layer; a bare b the output layer's bias where no b carries that layer's arrow; e_{y^{(i)}} the target ``y``; ℓ^{(i)} the
example's loss ℓ. Each claim is restored as written in the report. Every pass is a linear scan of claims of bounded
length.
"""

from __future__ import annotations

import re

from .rewriting import BOLD, Placeholders, Rewriting

MAX_LENGTH = 4000
#: an arrow between two letters in a superscript: ^{(x \to z)}, ^{(z \rightarrow y)}
_ARROW = r"\^\s*\{\s*\(\s*([A-Za-z])\s*\\(?:to|rightarrow)\s*([A-Za-z])\s*\)\s*\}"
_ARROW_ANY = re.compile(_ARROW)
#: a weight or bias letter (bold or not) with an arrow superscript, its subscript before or after: \Theta^{(x \to z)},
#: \boldsymbol{\theta}^{(z \to y)}_j, \theta^{(z \to y)}_{j,k}, W_{jk}^{(x \to z)}
_SUB = r"_\s*(?:\{[^{}$]{1,12}\}|[A-Za-z0-9])"
_WEIGHT = re.compile(r"(?:" + BOLD + r"(?P<b1>\\Theta|\\theta|[Wwb])\s*\}|(?P<b2>\\Theta|\\theta|(?<![A-Za-z\\])[Wwb]))\s*"
                     r"(?:(?P<pre>" + _SUB + r")\s*)?" + _ARROW.replace("([A-Za-z])", "(?P<src>[A-Za-z])", 1).replace(
                         "([A-Za-z])", "(?P<dst>[A-Za-z])", 1) + r"(?:\s*(?P<post>" + _SUB + r"))?")
#: the one-hot target of example i: \boldsymbol{e}_{y^{(i)}}, e_{y^{(i)}, j}, e_{y_i}
_ONE_HOT = re.compile(r"(?:" + BOLD + r"e\s*\}|(?<![A-Za-z\\])e)\s*_\s*\{\s*y\s*(?:\^\s*\{\s*\(\s*i\s*\)\s*\}|_\s*i)?\s*"
                      r"(?:,\s*(?P<entry>[a-z]))?\s*\}")
#: example i's loss: \ell^{(i)}
_EXAMPLE_LOSS = re.compile(r"\\ell\s*\^\s*\{\s*\(\s*i\s*\)\s*\}")
#: a bare bias (no arrow): b, b_j, \boldsymbol{b}
_BARE_BIAS = re.compile(r"(?:" + BOLD + r"b\s*\}|(?<![A-Za-z\\])b)(?![A-Za-z])(?!\s*\^\s*\{\s*\()(?P<s>\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z]))?")


def _chain(texts) -> list[str] | None:
    """The letters the answer's arrows chain, input first (x → z → y: [x, z, y]); None when they do not make one chain."""
    arrows = {(m.group(1), m.group(2)) for t in texts for m in _ARROW_ANY.finditer(t)}
    if not arrows:
        return None
    targets = {b for _, b in arrows}
    starts = [a for a, _ in arrows if a not in targets]
    if len(set(starts)) != 1:
        return None
    chain, step = [starts[0]], dict(arrows)
    if len(step) != len(arrows):  # (one letter feeding two)
        return None
    while chain[-1] in step and len(chain) <= len(arrows):
        chain.append(step[chain[-1]])
    return chain if len(chain) == len(arrows) + 1 else None


class ArrowLayers(Rewriting):
    """The rewriting of an answer whose layers are named by arrows; None from ``detect`` when it is not one."""

    max_length = MAX_LENGTH

    def __init__(self, chain: list[str], bare_bias: bool):
        self.originals: dict[str, str] = {}
        self.layer = {(a, b): k + 1 for k, (a, b) in enumerate(zip(chain, chain[1:], strict=False))}
        self.hidden = {letter: k for k, letter in enumerate(chain) if 0 < k < len(chain) - 1}
        self.bare_bias = bare_bias
        self.last = len(chain) - 1
        arrows = ", ".join(f"Θ^{{({a}→{b})}} layer {k}" for (a, b), k in self.layer.items())
        self.change = (f"layers named by arrows: {arrows}" + (f"; {', '.join(self.hidden)} the hidden output"
                                                              if self.hidden else "")
                       + ("; b the output layer's bias" if bare_bias else "") + "; e_{y^{(i)}} the one-hot target")

    @staticmethod
    def detect(net, claims) -> ArrowLayers | None:
        if getattr(net, "has_kinds", False):
            return None
        texts = [c.latex for c in claims if len(c.latex) <= MAX_LENGTH]
        if not any(_WEIGHT.search(t) for t in texts):
            return None
        chain = _chain(texts)
        if chain is None or len(chain) != net.depth + 1 or chain[0] != "x":
            return None
        last = (chain[-2], chain[-1])
        output_bias = any((m.group("b1") or m.group("b2")) == "b" and (m.group("src"), m.group("dst")) == last
                          for t in texts for m in _WEIGHT.finditer(t))
        return ArrowLayers(chain, not output_bias and any(_BARE_BIAS.search(t) for t in texts))

    def rewrite(self, text: str) -> str:
        kept = Placeholders()
        if not kept.usable(text):
            return text
        keep = kept.keep

        def weight(m: re.Match) -> str:
            layer = self.layer.get((m.group("src"), m.group("dst")))
            if layer is None:
                return m.group(0)
            letter = m.group("b1") or m.group("b2")
            sub = m.group("pre") or m.group("post") or ""
            if sub:
                inner = re.sub(r"[\s{}_]", "", sub).replace(",", "")
                sub = f"_{{{inner}}}"
            return keep(f"{'b' if letter == 'b' else 'W'}^{{({layer})}}{sub}")

        text = _WEIGHT.sub(weight, text)
        text = _ONE_HOT.sub(lambda m: keep("y" + (f"_{m.group('entry')}" if m.group("entry") else "")), text)
        text = _EXAMPLE_LOSS.sub(lambda m: keep("\\ell"), text)
        if self.bare_bias:
            text = _BARE_BIAS.sub(lambda m: keep(f"b^{{({self.last})}}" + (m.group("s") or "")), text)
        for letter, k in self.hidden.items():  # z, \boldsymbol{z}, z_k: the hidden layer's output
            text = re.sub(r"(?:" + BOLD + re.escape(letter) + r"\s*\}|(?<![A-Za-z\\])" + re.escape(letter)
                          + r")(?![A-Za-z])(?!\s*\^\s*\{\s*\()", lambda m, k=k: keep(f"h^{{({k})}}"), text)
        return kept.restore(text)
