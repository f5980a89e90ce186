r"""Weights named by the two units they join, written right after the letter (issue 10, twenty-seventh round): Michał
Korniak's Polish notes of a 2-2-1 sigmoid network, ``net_{o} = w1o * out_{h1} + w2o * out_{h2}``, ``\frac{\partial
E_{total}}{\partial w21} = \delta h1 * out_{i2}``, ``w11^{+} = w11 - \eta * \frac{\partial E_{total}}{\partial w11}``:
``w1o`` joins hidden unit 1 to the output unit o, ``w21`` input 2 to hidden unit 1, ``\delta h1`` is δ of hidden unit 1
(a space where Mazur writes the subscript), ``d_{o}`` the desired output of o (Haykin's d).

A TA reads which unit is the source from the one name that cannot be read two ways: ``w1o`` ends with the output's
letter, so the first mark is where the weight comes from, and the answer's other names ``w11``, ``w21`` are read in
the same order (the second digit the hidden unit fed). ``PairNames`` does too, only in a network with one hidden layer,
and only when the answer writes such an output weight; every name must fit the spec's network (a source within the
layer before, a target within the layer fed, ``o`` without a number only for a single output unit), and the answer's
own products of such a weight and a unit (``w1o * out_{h1}``, ``out_{i2} * w21``) must pair it with its source in at
least three quarters of them — read before any value is checked, so a planted slip stays the answer's. Then
``w21`` becomes ``W^{(1)}_{ij}`` (i, j ordered as the spec's convention lays W out), ``w1o`` ``W^{(2)}_{ij}``,
``\delta h1`` ``\delta_{h1}`` and ``d_{o}`` ``target_{o}`` (Mazur's names, read by the parser). Each claim is restored as
written in the report. Every pass is a linear regular-expression substitution on claims of bounded length.
"""

from __future__ import annotations

import re

from .rewriting import Rewriting

#: a weight named by two units right after the letter: w11, w21 (input → hidden), w1o, w2o1 (hidden → output o)
_PAIR = re.compile(r"(?<![A-Za-z\\_{])w([1-9])([1-9]|[oO][1-9]?)(?![0-9A-Za-z])")
#: an output weight, the output's letter last: w1o, w2o1
_TO_OUTPUT = re.compile(r"(?<![A-Za-z\\_{])w[1-9][oO][1-9]?(?![0-9A-Za-z])")
#: a unit a weight multiplies, Mazur's name or a bare input: out_{h1}, out_{i2}, x_1, x1, i_1
_UNIT = r"(?:out\s*_\s*\{\s*([hi])\s*([1-9])\s*\}|(x|i)_?\{?([1-9])\}?(?![0-9A-Za-z]))"
_TIMES = r"\s*(?:(?:\\times|\\cdot|\*)\s*)?"
_PRODUCT = re.compile(r"(?<![A-Za-z\\_{])w([1-9])([1-9]|[oO][1-9]?)" + _TIMES + _UNIT + r"|" + _UNIT + _TIMES
                      + r"(?<![A-Za-z\\_{])w([1-9])([1-9]|[oO][1-9]?)(?![0-9A-Za-z])")
#: δ of a unit with a space for its subscript: \delta h1, \delta o, \delta o1 (not \delta_{o}, not \delta out)
_SPACED_DELTA = re.compile(r"\\delta\s+([ho][1-9]?)(?![0-9A-Za-z_])")
#: the desired output of an output unit, Haykin's d: d_{o}, d_{o1}
_DESIRED = re.compile(r"(?<![A-Za-z\\])d\s*_\s*\{\s*(o[1-9]?)\s*\}")
#: claims longer than this are left as written
MAX_LENGTH = 2000


class PairNames(Rewriting):
    """The rewriting of an answer that names each weight by its two units; None from ``detect`` when it does not."""

    max_length = MAX_LENGTH
    change = ("weights named by their two units, source first (w21: input 2 → hidden unit 1, w1o: hidden unit 1 → the "
              "output o), \\delta h1 the δ of hidden unit 1, d_{o} the desired output")

    def __init__(self, net):
        self.sizes = [net.inputs] + [layer.units for layer in net.layers]
        self.convention = net.convention
        self.originals: dict[str, str] = {}

    def _ends(self, first: str, second: str) -> tuple[int, int, int] | None:
        """(layer, source unit, target unit), 1-based, of the weight named ``w{first}{second}``; None when the network
        has no such weight."""
        source = int(first)
        if second[0] in "oO":
            target = int(second[1:]) if len(second) > 1 else (1 if self.sizes[2] == 1 else 0)
            layer = 2
        else:
            target, layer = int(second), 1
        if not (1 <= source <= self.sizes[layer - 1] and 1 <= target <= self.sizes[layer]):
            return None
        return layer, source, target

    @staticmethod
    def detect(net, claims) -> PairNames | None:
        if net.depth != 2 or getattr(net, "has_kinds", False):
            return None
        texts = [c.latex for c in claims if len(c.latex) <= MAX_LENGTH]
        if not any(_TO_OUTPUT.search(t) for t in texts):
            return None
        reading = PairNames(net)
        agree = disagree = 0
        for t in texts:
            for m in _PAIR.finditer(t):
                if reading._ends(m.group(1), m.group(2)) is None:
                    return None  # a weight the network does not have: another naming
            for m in _PRODUCT.finditer(t):
                g = m.groups()  # (w's two marks, out's letter and unit, x's letter and unit) then (unit …, w's marks)
                first, second = (g[0], g[1]) if g[0] else (g[10], g[11])
                letter = g[2] or g[6] or ("i" if g[4] or g[8] else None)
                unit = int(g[3] or g[5] or g[7] or g[9])
                layer, source, _ = reading._ends(first, second)
                if (letter == "h") == (layer == 2) and unit == source:
                    agree += 1
                else:
                    disagree += 1
        if disagree * 4 > agree + disagree:
            return None
        return reading

    def _weight(self, m: re.Match) -> str:
        layer, source, target = self._ends(m.group(1), m.group(2))
        i, j = (target, source) if self.convention == "row" else (source, target)
        return f"W^{{({layer})}}_{{{i}{j}}}"

    def rewrite(self, text: str) -> str:
        text = _PAIR.sub(self._weight, text)
        text = _SPACED_DELTA.sub(lambda m: f"\\delta_{{{m.group(1)}}}", text)
        return _DESIRED.sub(lambda m: f"target_{{{m.group(1)}}}", text)
