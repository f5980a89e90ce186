r"""Units named by a letter and a number (issue 10, thirteenth round): A-R007's forward pass by hand,
``z_{H1} = (x_1 \times w_1) + (x_2 \times w_2) + b_1``, ``H1 = \sigma(0.7025)``, ``z_{y1} = (H1 \times w_5) + (H2 \times
w_6)``, ``y_1 = \sigma(0.5734)``: H1, H2 are the hidden units' activations, z_{H1} and z_{y2} the summed inputs of hidden
unit 1 and output unit 2, w_1 … w_8 the weights numbered unit by unit (Mazur's order), b_1 the bias of the unit whose
summed input the claim defines.

A TA reads the unit's name from the subscript of z. So does ``UnitNameReading``, only in a network with one hidden
layer, and only when the answer writes such a subscript on z with a letter that names a layer by convention (h, H the
hidden layer; y, o, O the output): then every ``z_{H1}`` becomes ``z^{(1)}_{1}``, every bare ``H1`` (that letter
followed by the unit's number, as in ``z``'s subscript) ``h^{(1)}_{1}``, ``z_{y2}`` ``z^{(2)}_{2}``; a bias ``b_k`` in a
claim whose left side is a unit's ``z`` is that unit's layer's ``b^{(l)}_{k}``. The weights ``w_k`` are rewritten only when
the answer's own forward sums pair them with their units as Mazur numbers them (``w_1``: input 1 → hidden unit 1,
``w_2``: input 2 → hidden unit 1, …) — a form read before any value is checked, so that a planted wrong weight (w_6 for
w_8) stays the answer's mistake — and at most a quarter of the pairs disagree; otherwise they stay unread. Without such
a subscript on z (``h1`` as code's name for layer 1, ``W1``), nothing is rewritten. Each claim is restored as written in
the report. Every pass is a linear regular-expression substitution on claims of bounded length.
"""

from __future__ import annotations

import re

from .rewriting import Rewriting

#: the letters that name a layer's units by convention: the hidden layer's, the output layer's
_HIDDEN, _OUTPUT = ("h", "H"), ("y", "o", "O")
#: a unit named in z's subscript: z_{H1}, z_{y2}, z_{h_1} is not one (an entry of h)
_Z_UNIT = re.compile(r"(?<![A-Za-z\\])z\s*_\s*\{\s*([hHyoO])\s*(\d{1,2})\s*\}")
#: a unit named bare: H1, h2, \frac{H1}{…} (not H_1, not \eta1, not net_{h1}, not part of a word or a number)
_BARE_UNIT = r"(?<![A-Za-z\\_])(?<!_\{{)(?<!_\{{ )({letters})(\d{{1,2}})(?![0-9A-Za-z])"
#: one weight: w_5, w_{5}
_WEIGHT = re.compile(r"(?<![A-Za-z\\])w\s*_\s*(?:\{\s*(\d{1,2})\s*\}|(\d))")
#: one bias: b_1, b_{2}
_BIAS = re.compile(r"(?<![A-Za-z\\])b\s*_\s*(?:\{\s*(\d{1,2})\s*\}|(\d))")
#: a product of a unit's value and a weight, either order: x_1 \times w_1, (H1 \times w_5), w_3 x_1
_PAIR = re.compile(r"(?<![A-Za-z\\])(?:x\s*_\s*\{?\s*(\d)\s*\}?|([hH])(\d))\s*(?:\\times|\\cdot|\*)?\s*w\s*_\s*\{?\s*(\d{1,2})\s*\}?"
                   r"|(?<![A-Za-z\\])w\s*_\s*\{?\s*(\d{1,2})\s*\}?\s*(?:\\times|\\cdot|\*)?\s*(?:x\s*_\s*\{?\s*(\d)\s*\}?|([hH])(\d))")
#: claims longer than this are left as written
MAX_LENGTH = 2000


class UnitNameReading(Rewriting):
    """The rewriting of an answer that names units by a letter and a number; None from ``detect`` when it does not."""

    max_length = MAX_LENGTH

    def __init__(self, net, hidden: str | None, output: str | None, weights: bool):
        self.sizes = [net.inputs] + [layer.units for layer in net.layers]
        self.convention = net.convention
        self.hidden, self.output, self.weights = hidden, output, weights
        self.originals: dict[str, str] = {}
        named = ([f"{hidden}1, {hidden}2 … the hidden units' activations"] if hidden else []) + (
            ["z_{" + (hidden or output) + "1} a unit's summed input"])
        self.change = ("units named by a letter and a number (" + ", ".join(named) + ")"
                       + ("; w_1, w_2, … the weights numbered unit by unit (w_1: input 1 → hidden unit 1, w_2: input 2 → "
                          "hidden unit 1, …), as the answer's own forward sums pair them" if weights else ""))

    @staticmethod
    def detect(net, claims) -> UnitNameReading | None:
        if net.depth != 2 or getattr(net, "has_kinds", False):
            return None
        texts = [c.latex for c in claims if len(c.latex) <= MAX_LENGTH]
        hidden = output = None
        for t in texts:
            for m in _Z_UNIT.finditer(t):
                letter, unit = m.group(1), int(m.group(2))
                layer = 1 if letter in _HIDDEN else 2
                if not 1 <= unit <= net.layers[layer - 1].units:
                    return None  # a unit the layer does not have: another naming
                if layer == 1:
                    if hidden not in (None, letter):
                        return None
                    hidden = letter
                elif output in (None, letter):
                    output = letter
                else:
                    return None
        if hidden is None and output is None:
            return None
        reading = UnitNameReading(net, hidden, output, False)
        reading.weights = reading._numbered_as_mazur(texts)
        if reading.weights:
            reading.change = UnitNameReading(net, hidden, output, True).change
        return reading

    # -- the weights' numbering, from the forms of the answer's own sums ------------------------------------------------
    def _mazur(self, k: int) -> tuple[int, int, int] | None:
        """Mazur's w_k -> (layer, target unit, source unit), 1-based; None past the last weight."""
        k -= 1
        for layer in range(1, len(self.sizes)):
            n_in, n_out = self.sizes[layer - 1], self.sizes[layer]
            if 0 <= k < n_in * n_out:
                target, source = divmod(k, n_in)
                return layer, target + 1, source + 1
            k -= n_in * n_out
        return None

    def _numbered_as_mazur(self, texts) -> bool:
        agree = disagree = 0
        for t in texts:
            lhs = _Z_UNIT.match(t.strip())
            if lhs is None:
                continue
            layer, unit = (1 if lhs.group(1) in _HIDDEN else 2), int(lhs.group(2))
            for m in _PAIR.finditer(t[lhs.end():]):
                k = int(m.group(4) or m.group(5))
                if m.group(1) or m.group(6):
                    source_layer, source = 0, int(m.group(1) or m.group(6))
                else:
                    source_layer, source = 1, int(m.group(3) or m.group(8))
                    if (m.group(2) or m.group(7)) != self.hidden:
                        continue
                found = self._mazur(k)
                if found == (layer, unit, source) and source_layer == layer - 1:
                    agree += 1
                else:
                    disagree += 1
        return agree >= 2 and disagree <= agree // 4

    # -- claims ----------------------------------------------------------------------------------------------------------
    def _weight(self, m: re.Match) -> str:
        found = self._mazur(int(m.group(1) or m.group(2)))
        if found is None:
            return m.group(0)
        layer, target, source = found
        i, j = (target, source) if self.convention == "row" else (source, target)
        return f"W^{{({layer})}}_{{{i}{j}}}" if max(i, j) <= 9 else m.group(0)

    def rewrite(self, text: str) -> str:
        lhs = _Z_UNIT.match(text.strip())
        layer_of_lhs = (1 if lhs.group(1) in _HIDDEN else 2) if lhs else None

        def z_unit(m: re.Match) -> str:
            return f"z^{{({1 if m.group(1) in _HIDDEN else 2})}}_{{{m.group(2)}}}"

        text = _Z_UNIT.sub(z_unit, text)
        if self.hidden is not None:
            bare = re.compile(_BARE_UNIT.format(letters=re.escape(self.hidden)))
            text = bare.sub(lambda m: f"h^{{(1)}}_{{{m.group(2)}}}" if int(m.group(2)) <= self.sizes[1] else m.group(0), text)
        if self.weights:
            text = _WEIGHT.sub(self._weight, text)
        if layer_of_lhs is not None:
            width = self.sizes[layer_of_lhs]
            text = _BIAS.sub(lambda m: f"b^{{({layer_of_lhs})}}_{{{m.group(1) or m.group(2)}}}"
                             if int(m.group(1) or m.group(2)) <= width else m.group(0), text)
        return text


#: the prediction written with a prime, differentiated by or differentiated: \partial y', \partial y^{\prime}
_PRIMED_DERIVATIVE = re.compile(r"\\partial\s*y\s*(?:'|\^\s*\{?\s*\\prime\s*\}?)")
#: y with a prime (not y'' nor a prime on a subscripted y)
_PRIMED = re.compile(r"(?<![A-Za-z\\])y\s*(?:'(?!')|\^\s*\{\s*\\prime\s*\}|\^\s*\\prime(?![A-Za-z]))")
#: y without a prime: the target beside it
_UNPRIMED = re.compile(r"(?<![A-Za-z\\])y(?![A-Za-z'_^])")


class PrimedOutput(Rewriting):
    r"""A-R007's y' for the network's prediction beside y the target (``L = \frac{1}{2}(y - y')^2``,
    ``\frac{\partial L}{\partial y'} = (y' - y)``, ``\frac{\partial y'}{\partial W_i} = x_i \times y'(1 - y')``): a
    prime on y is read as a mark, not a derivative, when the answer differentiates by y' (or differentiates y'), writes
    y without the prime too and never \hat y. Every y' becomes \hat{y}; each claim is restored as written."""

    change = "y' is the prediction ŷ and y the target (the answer differentiates by y')"
    max_length = MAX_LENGTH

    def __init__(self):
        self.originals: dict[str, str] = {}

    @staticmethod
    def detect(claims) -> PrimedOutput | None:
        texts = [c.latex for c in claims if len(c.latex) <= MAX_LENGTH]
        if not any(_PRIMED_DERIVATIVE.search(t) for t in texts) or any("\\hat" in t or "\\widehat" in t for t in texts):
            return None
        if not any(_UNPRIMED.search(_PRIMED.sub(" ", t)) for t in texts):
            return None
        return PrimedOutput()

    def rewrite(self, text: str) -> str:
        return _PRIMED.sub(r"\\hat{y}", text)


#: the left side of a unit's sum in bare names: z1 = (…), {y1} = …, net_{h2} = (…), net_{o1} = …
_BARE_LHS = re.compile(r"\s*(?:\{\s*)?(?:([a-z])(\d)|net\s*_\s*\{\s*([ho])\s*(\d)\s*\})\s*(?:\}\s*)?$")
_TIMES = r"\s*(?:(?:\\times|\\cdot|\*)\s*)?"
#: a unit a weight multiplies: an input x2 (layer 0) or a hidden unit's output out_{h1}, a_{h2}, h1 (layer 1)
_SOURCE = r"(?:x(\d)|(?:out|a)\s*_\s*\{\s*h\s*(\d)\s*\}|h(\d))"
#: one product of a bare-numbered weight and a unit, either order: w3 \times x2, out_{h1} * w5
_BARE_TERM = r"(?:w(\d{1,2})" + _TIMES + _SOURCE + r"|" + _SOURCE + _TIMES + r"w(\d{1,2}))"
#: a whole right side that is such a sum, with one bias b1 or none: (w1 \times x1 + w3 \times x2 + b1)
_BARE_SUM = re.compile(r"\s*(?:\(\s*)?" + _BARE_TERM + r"(?:\s*\+\s*" + _BARE_TERM + r")*(?:\s*\+\s*b_?(?P<bias>\d))?\s*"
                       r"(?:\)\s*)?$")
_BARE_TERMS = re.compile(_BARE_TERM)
#: a bare name, a letter and its digit with nothing around them: z1, x2, w3, b1, {y1} (not W1_x, \eta1, net_{h1},
#: \hat{y1} is left alone too: a hat on it is another quantity)
_BARE = r"(?<![A-Za-z\\_])(?<!_\{{)(?<!\^\{{)(?<!hat\{{)({letters})(\d{{1,2}})(?![0-9A-Za-z_])"


class BareUnitReading(Rewriting):
    r"""A learner's forward pass in bare names (melfm's ``z1 = (w1 \times x1 + w3 \times x2 + b1)``, ``z2 = (w2
    \times x1 + w4 \times x2 + b1)``, ``{y1} = w5 \times out_{h1} + w6 \times out_{h2} + b2``, ``net_{h1} = (w1 \times x1
    + …)``): a bare letter and digit defined as a sum of products of bare weights ``wK`` and inputs ``xJ`` is hidden unit
    k's summed input (``z1`` → ``z^{(1)}_{1}``), one defined from the hidden units' outputs (``out_{h1}``, ``a_{h1}``,
    ``h1``) output unit k's (``y1`` → ``z^{(2)}_{1}``); ``xJ`` is input j, and each ``wK`` is the weight the answer's own
    sums pair it with (its w3 is on x2 into unit 1: ``W^{(1)}_{12}`` in the row convention) — read from the sums' forms
    before any value is checked, only when every weight is paired with one (layer, unit, source) in at least three
    quarters of its uses and no two weights share one; the bias ``bK`` of such a sum is the unit's own (the notes' one
    bias per layer). In a two-layer network, for the hidden layer's sums at least; anything else stays as written (then
    the bare names are not read: infer's ``numbered_weights``)."""

    max_length = MAX_LENGTH

    def __init__(self, net, letters: dict, weights: dict, biases: dict):
        self.sizes = [net.inputs] + [layer.units for layer in net.layers]
        self.convention = net.convention
        self.letters, self.weights, self.biases = letters, weights, biases  # letter -> layer; k -> (layer, unit, src)
        self.originals: dict[str, str] = {}
        self.change = ("bare names: " + ", ".join(f"{x}1 {('a hidden', 'an output')[l - 1]} unit's summed input"
                                                  for x, l in sorted(letters.items())) + ", x1 an input, w1 … the "
                       "weights as the answer's own sums pair them (" + ", ".join(
                           f"w{k}: {'x' if l == 1 else 'h'}{j} → {'hidden' if l == 1 else 'output'} unit {u}"
                           for k, (l, u, j) in sorted(weights.items())) + ")")

    @staticmethod
    def _sums(texts):
        """(letter or None, layer, unit, [(weight, source)], bias digit) of every claim defining a unit by a bare sum."""
        for t in texts:
            parts = t.split("=")
            for left, right in zip(parts, parts[1:], strict=False):
                lhs, rhs = _BARE_LHS.match(left.split("\\\\")[-1]), _BARE_SUM.match(right)
                if lhs is None or rhs is None:
                    continue
                pairs = []
                for m in _BARE_TERMS.finditer(right):
                    g = m.groups()  # (w, x, out_h, h) then (x, out_h, h, w)
                    k = int(g[0] or g[7])
                    source = [int(v) if v else None for v in (g[1] or g[4], g[2] or g[5], g[3] or g[6])]
                    pairs.append((k, 1 if source[0] else 2, source[0] or source[1] or source[2]))
                layers = {layer for _, layer, _ in pairs}
                if len(layers) != 1:
                    continue
                layer = layers.pop()
                if lhs.group(3) is not None and (lhs.group(3) == "h") != (layer == 1):
                    continue  # net_{o1} from the inputs: no sum of this reading
                yield lhs.group(1), layer, int(lhs.group(2) or lhs.group(4)), [(k, j) for k, _, j in pairs], rhs.group("bias")

    @staticmethod
    def detect(net, claims) -> BareUnitReading | None:
        if net.depth != 2 or getattr(net, "has_kinds", False):
            return None
        sizes = [net.inputs] + [layer.units for layer in net.layers]
        texts = [c.latex for c in claims if len(c.latex) <= MAX_LENGTH]
        votes: dict[int, dict[tuple, int]] = {}
        letters: dict[str, set] = {}
        biases: dict[int, set] = {}
        for letter, layer, unit, pairs, bias in BareUnitReading._sums(texts):
            if not 1 <= unit <= sizes[layer] or any(not 1 <= j <= sizes[layer - 1] for _, j in pairs):
                return None  # a unit or a source the network does not have: another naming
            if letter is not None:
                letters.setdefault(letter, set()).add(layer)
            biases.setdefault(layer, set()).add(bias)
            for k, j in pairs:
                votes.setdefault(k, {}).setdefault((layer, unit, j), 0)
                votes[k][(layer, unit, j)] += 1
        if any(len(v) > 1 for v in letters.values()) or any(len(v) > 1 for v in biases.values()) or 1 not in biases:
            return None  # (a letter for units of two layers, two biases for one layer, no hidden sum: not this naming)
        if len({next(iter(v)) for v in letters.values()}) != len(letters):
            return None  # two letters for one layer's units
        weights = {}
        for k, pairs in votes.items():
            pair, n = max(pairs.items(), key=lambda item: item[1])
            if 4 * n < 3 * sum(pairs.values()):
                return None
            weights[k] = pair
        if len([p for p in weights.values() if p[0] == 1]) < 2 or len(set(weights.values())) != len(weights):
            return None
        return BareUnitReading(net, {x: next(iter(v)) for x, v in letters.items()}, weights,
                               {layer: next(iter(v)) for layer, v in biases.items()})

    def rewrite(self, text: str) -> str:
        defined = next(iter(self._sums([text])), None)
        for letter in self.letters:  # {y1}, \\partial {y1}: braces around a bare name only
            text = re.sub(r"(?<![A-Za-z_^])\{\s*(" + re.escape(letter) + r"\d{1,2})\s*\}", r"\1", text)
        for letter, layer in self.letters.items():
            text = re.sub(_BARE.format(letters=re.escape(letter)), lambda m, layer=layer: (
                f"z^{{({layer})}}_{{{m.group(2)}}}" if int(m.group(2)) <= self.sizes[layer] else m.group(0)), text)
        text = re.sub(_BARE.format(letters="x"),
                      lambda m: f"x_{{{m.group(2)}}}" if int(m.group(2)) <= self.sizes[0] else m.group(0), text)

        def weight(m: re.Match) -> str:
            found = self.weights.get(int(m.group(2)))
            if found is None:
                return m.group(0)
            layer, i, j = found if self.convention == "row" else (found[0], found[2], found[1])
            return f"W^{{({layer})}}_{{{i}{j}}}"

        text = re.sub(_BARE.format(letters="w"), weight, text)
        if defined is not None and self.biases.get(defined[1]) is not None:
            layer, unit, digit = defined[1], defined[2], self.biases[defined[1]]
            text = re.sub(r"(?<![A-Za-z\\])b_?\{?" + digit + r"\}?(?![0-9A-Za-z_])", f"b^{{({layer})}}_{{{unit}}}", text)
        return text


#: ℓ summed over as a unit (\sum_{\ell}, \sum_\ell) and written as a unit's index (o_\ell, \theta_{i\ell}, w_{j\ell})
_ELL_SUM = re.compile(r"\\sum\s*_\s*(?:\{\s*\\ell\s*\}|\\ell(?![A-Za-z]))")
_ELL_INDEX = re.compile(r"(?:[a-zA-Z]|\\theta)\s*_\s*(?:\\ell(?![A-Za-z])|\{\s*(?:[a-z]\s*,?\s*)?\\ell\s*\})")
#: ℓ as a layer: a superscript (x^{(\ell)}, w^{\ell}, ^{[\ell]}, ^{(\ell - 1)}) or a layer's size d^{(\ell)}
_ELL_LAYER = re.compile(r"\^\s*(?:\{\s*)?[(\[]?\s*\\ell|\\ell\s*[-+]\s*1")
_ELL = re.compile(r"\\ell(?![A-Za-z])")
#: the letters ℓ is read as (one the answer writes nowhere else; l is the layer's)
ELL_LETTERS = ("q", "p", "r", "s")
#: ℓ as the loss: \ell(…), \partial \ell, d\ell, \nabla … \ell, \ell = at a claim's start
_ELL_LOSS = re.compile(r"\\ell\s*\(|(?:\\partial|(?<![A-Za-z\\])d)\s*\\ell(?![A-Za-z])|^\s*\\ell\s*=")


class EllUnit(Rewriting):
    r"""ℓ as a unit letter (Fuat Karakaya's study notes: ``u_i = \sum_{\ell} \theta_{i\ell} \cdot o_\ell``, "Layer ℓ →
    Layer i → Layer j"): where the answer sums over ℓ as over a unit and writes it as a unit's index, and never as a
    layer (no ``^{(\ell)}``, no ``\ell - 1``), ℓ is a unit letter like i, j, k, its place among them read from the
    answer's own sums (infer.feeding_letters) — so ``\theta_{i\ell}`` is the weight into i from ℓ. It is read as a
    letter the answer writes nowhere else and that names no layer (q, p, r or s: l is the layer's)."""

    max_length = MAX_LENGTH

    def __init__(self, letter: str):
        self.letter = letter
        self.originals: dict[str, str] = {}
        self.change = f"ℓ is a unit's letter (summed over as a unit, never a layer), read as {letter}"

    @staticmethod
    def detect(claims) -> EllUnit | None:
        texts = [c.latex for c in claims if len(c.latex) <= MAX_LENGTH]
        if not any(_ELL_SUM.search(t) for t in texts) or not any(_ELL_INDEX.search(t) for t in texts):
            return None
        if any(_ELL_LAYER.search(t) or _ELL_LOSS.search(t) for t in texts):
            return None  # (ℓ a layer somewhere, or the loss: \ell(y, ŷ), \partial \ell, \ell =)
        free = [x for x in ELL_LETTERS if not any(re.search(rf"(?<![A-Za-z\\]){x}(?![A-Za-z])", t) for t in texts)]
        return EllUnit(free[0]) if free else None  # (a letter of no layer and of nothing the answer writes itself)

    def rewrite(self, text: str) -> str:
        return _ELL.sub(self.letter, text)


def own_names(net, claims):
    """The answer's own names read before parsing (units named by a letter and a number, by layer and in/out
    (inoutnames.py), a primed prediction, a forward pass in bare names, weights named by their two units
    (pairnames.py), by an arrow between them (arrownames.py), α and β (greekweights.py), layers' quantities as
    functions of the input (inputfunctions.py), Murphy's a, z, b, V, W (mlappletters.py), Hertz, Krogh and Palmer's ξ, V,
    O, h, w, W (hkpletters.py), Marsland's δ_o(κ), h_ζ, a_ζ, v, w (marslandletters.py), Alpaydın's z_h^t, v_{ih},
    w_{hj}, r^t (alpaydinletters.py), Theodoridis's v_j^r(i), y_j^r(i) (theodoridisletters.py), Nilsson's s_i^{(j)},
    f_i^{(j)}, X^{(j-1)} (nilssonletters.py), layers named by arrows, Eisenstein's Θ^{(x→z)} (arrowlayers.py),
    Grokking Deep Learning's code names, layer_1_delta (codenames.py), Zurada's δ_{ok}, δ_{yj}, net_k
    (zuradaletters.py), Kröse and van der Smagt's s_o^p, δ_h^p (kroeseletters.py), Fausett's z_in_j, y_in_k
    (fausettletters.py), or ISLR's β_k, w_{kj}, z_{ik}, f_θ(x_i), R_i(θ) (islrletters.py); Rumelhart's pattern first,
    o_{pj}, dropped before them (patternletters.py)): (claims as read, the readings applied, what each changes)."""
    from .alpaydinletters import AlpaydinLetters
    from .arrowlayers import ArrowLayers
    from .arrownames import ArrowNames
    from .codenames import CodeNames
    from .fausettletters import FausettLetters
    from .greekweights import GreekWeights
    from .hkpletters import HkpLetters
    from .inoutnames import InOutNames
    from .inputfunctions import InputFunctions
    from .islrletters import IslrLetters
    from .kroeseletters import KroeseLetters
    from .marslandletters import MarslandLetters
    from .mlappletters import MlappLetters
    from .nilssonletters import NilssonLetters
    from .pairnames import PairNames
    from .patternletters import ObservationIndex, PatternFirst
    from .theodoridisletters import TheodoridisLetters
    from .zuradaletters import ZuradaLetters

    pattern = PatternFirst.detect(net, claims) or ObservationIndex.detect(net, claims)
    # (Rumelhart's o_{pj}, ESL's y_{ik}: the pattern or the observation dropped first, then the letters read)
    if pattern is not None:
        claims = pattern.prepare(claims)
    applied = [pattern] if pattern is not None else []
    for reading in (UnitNameReading.detect(net, claims), InOutNames.detect(net, claims), PrimedOutput.detect(claims),
                    BareUnitReading.detect(net, claims), PairNames.detect(net, claims), EllUnit.detect(claims),
                    ArrowNames.detect(net, claims), GreekWeights.detect(net, claims), InputFunctions.detect(claims),
                    MlappLetters.detect(net, claims), HkpLetters.detect(net, claims), MarslandLetters.detect(net, claims),
                    AlpaydinLetters.detect(net, claims), TheodoridisLetters.detect(net, claims),
                    NilssonLetters.detect(net, claims), ArrowLayers.detect(net, claims), CodeNames.detect(net, claims),
                    ZuradaLetters.detect(net, claims), KroeseLetters.detect(net, claims), FausettLetters.detect(net, claims),
                    IslrLetters.detect(net, claims)):
        if reading is not None:
            claims = reading.prepare(claims)
            applied.append(reading)
    if not applied:  # a forward pass unit by unit in any scalar names (verify/scalargraph.py)
        from .scalargraph import ScalarGraphReading

        graph = ScalarGraphReading.detect(net, claims)
        if graph is not None:
            claims = graph.prepare(claims)
            applied.append(graph)
    return claims, applied


class Restored(Rewriting):
    """The readings applied by ``own_names``, restored together: a claim shows the text the first reading that
    rewrote it was given, the answer's own."""

    def __init__(self, readings):
        self.readings = readings
        self.originals = {}
        for r in reversed(readings):
            self.originals.update(r.originals)

    def restore(self, results) -> None:
        for r in self.readings:  # (a reading that renamed letters names them back in the messages: marslandletters.py)
            relabel = getattr(r, "relabel", None)
            if relabel is not None:
                relabel(results)
        super().restore(results)
