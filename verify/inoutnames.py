r"""Units named by their layer and "in"/"out" (issue 10, fifteenth round): the blog convention of cjhjhj's CS231n and
Korean notes (after the Medium post they follow), ``h_{in} = x \cdot W^1``, ``h_{out} = ReLU(h_{in})``,
``o_{in_1} = h_{out_1}w^2_{11} + h_{out_2}w^2_{21} + \cdots``, ``h2_{in_1} = h1_{out_1}w_{j_1k_1} + \cdots + b_{k_1}``,
``\frac{\partial{O_{out_1}}}{\partial{O_{in_1}}}``: a layer's name with the subscript ``in`` is its units' net (summed)
input, with ``out`` their activation, the unit's number after it (``h_{in_1}``, ``O_{in1}``, ``h_{out_{10}}``,
``o_{out_k}``) or none (the layer's vector).

A TA reads the layer from the name: ``h`` the hidden layer of a network with one hidden layer, ``h1``, ``h2`` the
hidden layers by number, ``o``/``O`` the output layer. ``InOutNames`` does too, only when the answer writes both an
``in`` and an ``out`` name and every name it writes fits the spec's network (a numbered hidden layer it has, a unit
number within the layer's width); then ``h_{in_1}`` becomes ``z^{(1)}_{1}``, ``h2_{out_1}`` ``h^{(2)}_{1}``, ``o_{out_k}``
``\hat{y}_{k}``. The weights are rewritten only as the answer's own forward sums pair them with their units:

- a layer's number as a superscript, ``w^2_{jk}``, ``w^2_{11}``, ``w^2_{10,1}`` (two one-digit indices run together, or
  split by a comma): which index is the source unit is read from the answer's products ``h_{out_2}w^2_{21}``,
  ``x_4 \cdot w^1_{41}`` (the source's unit number beside the weight's first or second index, every such product
  agreeing, at least one telling the two apart);
- layers named by letters, ``w_{k_1l_1}`` (from unit 1 of layer k to unit 1 of layer l), ``b_{l_1}``, ``W_{kl}``: the
  letters' layers are read from the answer's forward sums ``O_{in_1} = h2_{out_1}w_{k_1l_1} + \cdots + b_{l_1}`` (the
  second letter the summed layer's, the first the layer before; every sum agreeing, the unit numbers matching).

Each weight becomes ``W^{(l)}_{ij}`` with i its source unit and j its target (read with the option
``entries_source_first``, in whichever way the answer's W lies). Each claim is restored as written in the report. Every
pass is a linear regular-expression substitution on claims of bounded length.
"""

from __future__ import annotations

import re

from .rewriting import Rewriting

#: a unit (or a layer's vector) named by its layer and in/out: h_{in_1}, h1_{out1}, O_{in_{10}}, o_{out_k}, h_{in}
_NAME = re.compile(r"(?:(?<![A-Za-z\\])|(?<=(?<![A-Za-z\\])d))([hHoO])(\d?)\s*_\s*\{\s*(in|out)\s*(?:_\s*)?"
                   r"(?:\{\s*(\d{1,2}|[a-z])\s*\}|(\d{1,2}|[a-z]))?\s*\}")
#: a weight with its layer as a superscript: w^2_{11}, w^{2}_{jk}, w^2_{10,1}
_SUP_WEIGHT = re.compile(r"(?<![A-Za-z\\])w\s*\^\s*(?:\{\s*(\d)\s*\}|(\d))\s*_\s*\{\s*([0-9a-z ,]{1,8}?)\s*\}")
#: a weight between layers named by letters: w_{k_1l_1}, w_{j_1k1}, w_{i_{2}j_{3}}
_LETTER_WEIGHT = re.compile(r"(?<![A-Za-z\\])w\s*_\s*\{\s*([a-z])\s*_?\s*(?:\{\s*(\d{1,2})\s*\}|(\d))\s*"
                            r"([a-z])\s*_?\s*(?:\{\s*(\d{1,2})\s*\}|(\d))\s*\}")
#: a bias of a layer named by a letter: b_{l_1}, b_{k1}
_LETTER_BIAS = re.compile(r"(?<![A-Za-z\\])b\s*_\s*\{\s*([a-z])\s*_?\s*(?:\{\s*(\d{1,2})\s*\}|(\d))\s*\}")
#: a layer's weight matrix or bias vector named by letters: W_{kl}, B_l, B_{l}
_LETTER_MATRIX = re.compile(r"(?<![A-Za-z\\])W\s*_\s*\{\s*([a-z])\s*([a-z])\s*\}")
_LETTER_VECTOR = re.compile(r"(?<![A-Za-z\\])B\s*_\s*(?:\{\s*([a-z])\s*\}|([a-z]))(?![A-Za-z])")
#: the answer's name for a gradient matrix: \delta{W_{kl}}, \delta W_{kl}
_DELTA_MATRIX = re.compile(r"\\delta\s*(?:\{\s*W\s*_\s*\{\s*([a-z])\s*([a-z])\s*\}\s*\}|W\s*_\s*\{\s*([a-z])\s*([a-z])\s*\})")
#: its definition: \delta{W_{kl}} = \begin{bmatrix} \frac{\partial{E}}{\partial{w_{k_1l_1}}} & …
_DELTA_DEFINED = re.compile(r"\s*" + _DELTA_MATRIX.pattern + r"\s*=\s*\\begin\s*\{\s*[bp]matrix\s*\}\s*\\frac\s*\{\s*\\partial\s*"
                            r"\{?\s*([EJLC])\s*\}?\s*\}\s*\{\s*\\partial\s*\{?\s*w\s*_\s*\{\s*([a-z])\s*_?\s*\{?1\}?\s*([a-z])\s*_?\s*\{?1\}?\s*\}")
#: the updated matrix: W_{kl}^{new}
_LETTER_NEXT = re.compile(r"(?<![A-Za-z\\])W\s*_\s*\{\s*([a-z])\s*([a-z])\s*\}\s*\^\s*\{\s*(?:\\text\s*\{\s*)?new\s*\}?\s*\}")
#: the answer's letter for the softmax, defined on the output's net input: softmax(o_{in}) = p(o_{in}) (names rewritten)
_SOFTMAX_LETTER = re.compile(r"(?i:\\?(?:operatorname\s*\{\s*)?softmax\s*\}?)\s*\(\s*z\^\{\((\d)\)\}\s*\)\s*=\s*([a-z])\s*"
                             r"\(\s*z\^\{\((\d)\)\}\s*\)")
#: a source unit's value beside a weight (after the names are rewritten): x_1, x_{4}, h^{(1)}_{2}, i_1 (an input)
_SOURCE = r"(?:([xi])\s*_\s*(?:\{\s*(\d{1,2}|[a-z])\s*\}|(\d|[a-z]))|h\^\{\((\d)\)\}_\{(\d{1,2}|[a-z])\})"
_PRODUCT = re.compile(r"(?<![A-Za-z\\])" + _SOURCE + r"\s*(?:\\cdot|\\times|\*)?\s*(W\^\{\((\d)\)\}_\{([0-9a-z]{1,2}),"
                      r"([0-9a-z]{1,2})\})")
#: claims longer than this are left as written
MAX_LENGTH = 4000


def _indices(text: str) -> tuple[str, str] | None:
    """A weight's two indices as written: ``11`` -> (1, 1), ``10,1``, ``jk``, ``10k`` -> (10, k); None otherwise."""
    text = text.replace(" ", "")
    if "," in text:
        parts = text.split(",")
        ok = len(parts) == 2 and all(re.fullmatch(r"\d{1,2}|[a-z]", p) for p in parts)
        return (parts[0], parts[1]) if ok else None
    runs = re.findall(r"\d+|[a-z]", text)
    if "".join(runs) != text:
        return None
    if len(runs) == 1 and len(runs[0]) == 2:
        return runs[0][0], runs[0][1]
    if len(runs) == 2 and all(len(r) <= 2 for r in runs):
        return runs[0], runs[1]
    return None


class InOutNames(Rewriting):
    """The rewriting of an answer that names units by layer and in/out; None from ``detect`` when it does not."""

    max_length = MAX_LENGTH

    def __init__(self, net, hidden_plain: bool):
        self.sizes = [net.inputs] + [layer.units for layer in net.layers]
        self.depth = net.depth
        self.hidden_plain = hidden_plain
        self.originals: dict[str, str] = {}
        self.source_first: bool | None = None  # w^l_{ab}: a the source unit (True), the target (False), unread (None)
        self.letters: dict[str, int] = {}  # w_{k_1l_1}: each letter's layer (0 the input)
        self.options: tuple = ()
        self.softmax: str | None = None  # the answer's letter for the softmax: p(o_{in_k}) is its entry k, ŷ_k
        self.gradients: dict[tuple[str, str], str] = {}  # \delta{W_{kl}} defined as the matrix of ∂E/∂w_{k_a l_b}: E
        self.change = ("units named by layer and in/out (h_{in_1} the summed input of hidden unit 1, h_{out_1} its "
                       "activation, o_{out_k} the output's entry k)")

    # -- what the answer writes -----------------------------------------------------------------------------------------
    def _layer(self, letter: str, digit: str) -> int | None:
        if letter in "oO":
            return self.depth if not digit else None
        if digit:
            return int(digit) if 1 <= int(digit) < self.depth else None
        return 1 if self.hidden_plain else None

    @staticmethod
    def detect(net, claims) -> InOutNames | None:
        if getattr(net, "has_kinds", False) or net.depth < 2:
            return None
        texts = [c.latex for c in claims if len(c.latex) <= MAX_LENGTH]
        found = [m for t in texts for m in _NAME.finditer(t)]
        if not {m.group(3) for m in found} >= {"in", "out"}:
            return None
        plain = any(m.group(1) in "hH" and not m.group(2) for m in found)
        numbered = any(m.group(1) in "hH" and m.group(2) for m in found)
        if plain and (numbered or net.depth != 2):
            return None  # h beside h1, or a bare h in a network of several hidden layers: which layer is not known
        reading = InOutNames(net, plain)
        for m in found:
            layer = reading._layer(m.group(1), m.group(2))
            unit = m.group(4) or m.group(5)
            if layer is None or (unit and unit.isdigit() and not 1 <= int(unit) <= reading.sizes[layer]):
                return None  # a layer or a unit the network does not have: another naming
        named = [reading._names(t) for t in texts]
        for t in named:
            m = _SOFTMAX_LETTER.search(t)
            if m is not None and m.group(1) == m.group(3) == str(net.depth) and net.layers[-1].activation == "softmax":
                if reading.softmax not in (None, m.group(2)):
                    return None
                reading.softmax = m.group(2)
        if reading.softmax is not None:
            reading.change += (f"; {reading.softmax}(o_{{in_k}}) the softmax's entry k (the answer's "
                               f"{reading.softmax} = softmax)")
        reading.source_first = reading._orientation(named)
        reading.letters = reading._letter_layers(texts)
        reading.options = (("objective_terms", "unit"),)
        for t in texts if reading.letters else ():
            m = _DELTA_DEFINED.match(t)
            if m is not None:
                pair = (m.group(1) or m.group(3), m.group(2) or m.group(4))
                if (m.group(6), m.group(7)) == pair and reading.gradients.setdefault(pair, m.group(5)) != m.group(5):
                    return None
        if reading.source_first is not None or reading.letters:
            reading.options += (("entries_source_first", True),)
            reading.change += ("; the weights w^l_{ij}, w_{k_1 l_1} by the units the answer's own forward sums pair "
                               "them with (source unit first)")
        return reading

    def _names(self, text: str) -> str:
        def name(m: re.Match) -> str:
            layer = self._layer(m.group(1), m.group(2))
            unit = m.group(4) or m.group(5)
            script = "" if not unit else f"_{{{unit}}}"
            if m.group(3) == "in":
                return f"z^{{({layer})}}{script}"
            return f"\\hat{{y}}{script}" if layer == self.depth else f"h^{{({layer})}}{script}"

        return _NAME.sub(name, text)

    def _sup_weights(self, text: str, order: bool | None) -> str:
        """w^l_{ab} as W^{(l)}_{a,b} (order None: as written, for reading the orientation) or source first."""
        def weight(m: re.Match) -> str:
            layer = int(m.group(1) or m.group(2))
            found = _indices(m.group(3))
            if found is None or not 1 <= layer <= self.depth:
                return m.group(0)
            a, b = found
            if order is False:
                a, b = b, a
            return f"W^{{({layer})}}_{{{a},{b}}}"

        return _SUP_WEIGHT.sub(weight, text)

    def _orientation(self, named: list[str]) -> bool | None:
        """Whether the answer's w^l_{ab} has its source unit first: from every product of a source's value and a
        weight in its sums (x_4 w^1_{41}, h_{out_2} w^2_{21}); None when they disagree or none tells."""
        first = second = 0
        for t in named:
            for m in _PRODUCT.finditer(self._sup_weights(t, None)):
                unit = m.group(2) or m.group(3) or m.group(5)
                source_layer = 0 if m.group(1) else int(m.group(4))
                layer, a, b = int(m.group(7)), m.group(8), m.group(9)
                if source_layer != layer - 1 or a == b:
                    continue
                first += unit == a
                second += unit == b
                if unit not in (a, b):
                    return None
        if first and not second:
            return True
        if second and not first:
            return False
        return None

    def _letter_layers(self, texts: list[str]) -> dict[str, int]:
        """Each layer letter's layer, from the answer's sums ``NAME_{in_u} = … w_{a_s b_u} … + b_{b_u}`` (b the summed
        layer's letter, a the one before): {} when no sum tells or two disagree."""
        letters: dict[str, int] = {}
        for t in texts:
            lhs = _NAME.match(t.strip())
            if lhs is None or lhs.group(3) != "in" or not (lhs.group(4) or lhs.group(5) or "").isdigit():
                continue
            layer, unit = self._layer(lhs.group(1), lhs.group(2)), lhs.group(4) or lhs.group(5)
            rest = t.strip()[lhs.end():]
            if not rest.lstrip().startswith("="):
                continue
            for m in _LETTER_WEIGHT.finditer(rest):
                if (m.group(5) or m.group(6)) != unit:
                    return {}
                for letter, at in ((m.group(1), layer - 1), (m.group(4), layer)):
                    if letters.setdefault(letter, at) != at:
                        return {}
        layers = list(letters.values())
        return letters if len(set(layers)) == len(layers) and len(layers) >= 2 else {}

    def _letter_weight(self, m: re.Match) -> str:
        a, b = self.letters.get(m.group(1)), self.letters.get(m.group(4))
        s, t = m.group(2) or m.group(3), m.group(5) or m.group(6)
        if a is None or b is None or b != a + 1 or not (int(s) <= self.sizes[a] and int(t) <= self.sizes[b]):
            return m.group(0)
        return f"W^{{({b})}}_{{{s},{t}}}"

    def _letter_bias(self, m: re.Match) -> str:
        layer, unit = self.letters.get(m.group(1)), m.group(2) or m.group(3)
        if not layer or int(unit) > self.sizes[layer]:
            return m.group(0)
        return f"b^{{({layer})}}_{{{unit}}}"

    def _letter_matrix(self, m: re.Match) -> str:
        a, b = self.letters.get(m.group(1)), self.letters.get(m.group(2))
        return m.group(0) if a is None or b != a + 1 else f"{{W^{{({b})}}}}"

    def _letter_vector(self, m: re.Match) -> str:
        layer = self.letters.get(m.group(1) or m.group(2))
        return m.group(0) if not layer else f"{{b^{{({layer})}}}}"

    def _delta_matrix(self, m: re.Match) -> str:
        pair = (m.group(1) or m.group(3), m.group(2) or m.group(4))
        a, b = self.letters.get(pair[0]), self.letters.get(pair[1])
        if pair not in self.gradients or a is None or b != a + 1:
            return m.group(0)
        return f"\\frac{{\\partial {self.gradients[pair]}}}{{\\partial W^{{({b})}}}}"

    def _letter_next(self, m: re.Match) -> str:
        a, b = self.letters.get(m.group(1)), self.letters.get(m.group(2))
        return m.group(0) if a is None or b != a + 1 else f"W^{{({b})}}_{{new}}"

    def rewrite(self, text: str) -> str:
        if self.gradients:
            text = _DELTA_MATRIX.sub(self._delta_matrix, text)
        if self.letters:
            text = _LETTER_NEXT.sub(self._letter_next, text)
        text = self._names(text)
        if self.softmax is not None:  # p(o_{in_k}): the softmax's entry k (the answer's shorthand), p(o_{in}) all of it
            text = re.sub(r"(?<![A-Za-z\\])" + self.softmax + r"\s*\(\s*z\^\{\(" + str(self.depth)
                          + r"\)\}(_\{(?:\d{1,2}|[a-z])\})?\s*\)", lambda m: "\\hat{y}" + (m.group(1) or ""), text)
        if self.source_first is not None:
            text = self._sup_weights(text, self.source_first)
        if self.letters:
            text = _LETTER_WEIGHT.sub(self._letter_weight, text)
            text = _LETTER_BIAS.sub(self._letter_bias, text)
            text = _LETTER_MATRIX.sub(self._letter_matrix, text)
            text = _LETTER_VECTOR.sub(self._letter_vector, text)
        return text
