r"""Weights named by an arrow between the units they join (issue 10, thirty-third round): Brian Dolhansky's
tutorial "Artificial Neural Networks: the Mathematics of Backpropagation" and the notes that copy it write a chain of
single units ``x_i → j → k → o`` as ``s_j = w_1 \cdot x_i``, ``z_j = \sigma(in_j)``, ``\hat{y}_i = in_o = w_3 \cdot …``
and then name every weight by its two units, ``\frac{\partial E}{\partial w_{j\rightarrow k}} = (\hat{y}_i-y_i)(w_{k
\rightarrow o})(\sigma(s_k)(1-\sigma(s_k)))(z_j)``, with ``\sigma_j(\cdot)`` the activation of unit j.

A TA reads the network from the arrows: a unit no arrow enters is an input (layer 0), a unit entered from layer l is in
layer l + 1. So does ``ArrowNames``, only when every arrow agrees with one such layering, the layers hold exactly the
spec's units (counting the named ones: within a layer they are numbered in alphabetical order, which fixes nothing a
random point could tell apart) and the deepest is the output layer. Then ``w_{j\rightarrow k}`` becomes
``W^{(l)}_{…}`` (its entry in the spec's orientation), a unit's summed input ``s_k``, ``in_k`` or ``net_k``
``z^{(l)}_{…}``, its output ``z_k``, ``out_k`` or ``a_k`` ``h^{(l)}_{…}`` (an input's ``x_i`` and ``z_i``: the input
``x_{…}``), ``\sigma_k(\cdot)``, ``\sigma'_k`` the activation without the unit's name, and — with one output unit —
``\hat{y}_i``, ``y_i`` the output and its target (Dolhansky's i numbers the example). Each claim is restored as written
in the report. Every pass is a linear regular-expression substitution on claims of bounded length.
"""

from __future__ import annotations

import re

from .rewriting import Rewriting

#: a unit's name: a letter or a short word, with a digit or none (i, k, o, in, h1)
_UNIT = r"[A-Za-z]{1,3}[0-9]?"
#: a weight named by its two units: w_{j\rightarrow k}, w_{in \to i}, w_{j→k} (normalised: \rightarrow)
_ARROW = re.compile(r"(?<![A-Za-z\\])w\s*_\s*\{\s*(" + _UNIT + r")\s*\\(?:rightarrow|to|longrightarrow)(?![A-Za-z])\s*("
                    + _UNIT + r")\s*\}")
_ARROW_LITERAL = re.compile(r"(?<![A-Za-z\\])(w\s*_\s*\{\s*" + _UNIT + r"\s*)(?:→|⟶)")
#: a unit's quantity by its name: s_k, in_k, net_k (summed input); z_k, out_k, a_k (output); x_i (an input)
_QUANTITY = re.compile(r"(?<![A-Za-z\\])(s|in|net|z|out|a|x)\s*_\s*(?:\{\s*(" + _UNIT + r")\s*\}|([A-Za-z]))(?![A-Za-z0-9])")
_SUMMED, _OUTPUT = ("s", "in", "net"), ("z", "out", "a")
#: the activation with a unit's name: \sigma_k(, \sigma'_k(, \sigma_k'(
_NAMED_SIGMA = re.compile(r"\\sigma\s*(')?\s*_\s*(?:\{\s*(" + _UNIT + r")\s*\}|([A-Za-z]))\s*(')?")
#: one example's output and target with its index: \hat{y}_i, \hat{y_i}, \hat y_i, y_i
_YHAT_I = re.compile(r"\\hat\s*\{\s*y\s*_\s*\{?\s*([a-z])\s*\}?\s*\}|\\hat\s*(?:\{\s*y\s*\}|y)\s*_\s*\{?\s*([a-z])\s*\}?")
_Y_I = re.compile(r"(?<![A-Za-z\\{])y\s*_\s*\{?\s*([a-z])\s*\}?(?![A-Za-z0-9])")
#: claims longer than this are neither read nor rewritten
MAX_LENGTH = 4000


def _layers(edges: set, depth: int) -> dict | None:
    """Each unit's layer: 0 where no arrow enters, one more than the unit an arrow comes from; None where two arrows
    disagree or a unit is reached by none."""
    targets = {b for _, b in edges}
    layer = {a: 0 for a, _ in edges if a not in targets}
    if not layer:
        return None
    for _ in range(depth + 2):
        for a, b in sorted(edges):
            if a in layer and layer.setdefault(b, layer[a] + 1) != layer[a] + 1:
                return None
    if len(layer) != len({a for a, _ in edges} | targets) or any(layer[b] != layer[a] + 1 for a, b in edges):
        return None
    return layer


class ArrowNames(Rewriting):
    """The rewriting of an answer that names each weight by an arrow between its units; None from ``detect`` else."""

    max_length = MAX_LENGTH

    def __init__(self, net, units: dict, change: str):
        self.convention = net.convention
        self.single_output = net.layers[-1].units == 1
        self.units = units  # name -> (layer, 1-based number in its layer)
        self.originals: dict[str, str] = {}
        self.change = change

    @staticmethod
    def detect(net, claims) -> ArrowNames | None:
        if getattr(net, "has_kinds", False):
            return None
        sizes = [net.inputs] + [lay.units for lay in net.layers]
        edges: set = set()
        for c in claims:  # every arrow the answer's equations write: one network, or nothing is read (a weight only
            # named in its prose is no part of it: Dolhansky's "the weight update for $w_{i\rightarrow k}$" in his chain)
            if len(c.latex) <= MAX_LENGTH and "w" in c.latex and "=" in c.latex:
                text = _ARROW_LITERAL.sub(r"\1\\rightarrow ", c.latex)
                edges.update((m.group(1), m.group(2)) for m in _ARROW.finditer(text))
        layer = _layers(edges, net.depth) if len(edges) >= 2 else None
        if layer is None or max(layer.values()) != net.depth:
            return None
        by_layer: dict = {}
        for name, n in layer.items():
            by_layer.setdefault(n, []).append(name)
        if any(len(by_layer.get(n, [])) != sizes[n] for n in range(net.depth + 1)):
            return None
        units = {name: (n, i) for n, names in by_layer.items() for i, name in enumerate(sorted(names), start=1)}
        chain = " → ".join("/".join(sorted(by_layer[n])) for n in range(net.depth + 1))
        change = (f"weights named by an arrow between their units (w_{{j\\rightarrow k}}: unit j to unit k), the units "
                  f"layered by the arrows ({chain}); s, in the summed input, z, out a unit's output")
        return ArrowNames(net, units, change)

    def _weight(self, a: str, b: str) -> str | None:
        if a not in self.units or b not in self.units or self.units[b][0] != self.units[a][0] + 1:
            return None  # (no weight of the network: i → k past a layer)
        (_, j), (n, i) = self.units[a], self.units[b]
        row, col = (i, j) if self.convention == "row" else (j, i)
        return f"W^{{({n})}}_{{{row},{col}}}"

    def rewrite(self, text: str) -> str:
        text = _ARROW_LITERAL.sub(r"\1\\rightarrow ", text)

        def weight(m: re.Match) -> str:
            return self._weight(m.group(1), m.group(2)) or m.group(0)

        def quantity(m: re.Match) -> str:
            letter, name = m.group(1), m.group(2) or m.group(3)
            if name not in self.units:
                return m.group(0)
            n, i = self.units[name]
            if n == 0:
                return f"x_{{{i}}}" if letter in ("x",) + _OUTPUT else m.group(0)
            if letter in _SUMMED:
                return f"z^{{({n})}}_{{{i}}}"
            return f"h^{{({n})}}_{{{i}}}" if letter in _OUTPUT else m.group(0)

        def sigma(m: re.Match) -> str:
            name = m.group(2) or m.group(3)
            if name not in self.units:
                return m.group(0)
            return "\\sigma'" if (m.group(1) or m.group(4)) else "\\sigma"

        text = _ARROW.sub(weight, text)
        text = _QUANTITY.sub(quantity, text)
        text = _NAMED_SIGMA.sub(sigma, text)
        if self.single_output:  # Dolhansky's \hat{y}_i, y_i: the one output unit and its target, i the example's number
            outputs = {name for name, (n, _) in self.units.items() if n == max(u[0] for u in self.units.values())}
            text = _YHAT_I.sub(lambda m: m.group(0) if (m.group(1) or m.group(2)) in outputs else "\\hat{y}", text)
            text = _Y_I.sub(lambda m: m.group(0) if m.group(1) in outputs else "y", text)
        return text
