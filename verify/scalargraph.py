r"""A forward pass written unit by unit in scalar names (issue 10, twentieth round).

Worked examples and first homework answers name every unit, weight and bias by a letter and a number and write the
network as the sums it computes: a question on Mathematics Stack Exchange ``a_1 = f(m_1x_1+m_2x_2+b_1)``, …,
``a_4 = f(m_7a_1+m_8a_2+m_9a_3+b_4)``, ``a_5 = f(m_{10}a_1+…)``, ``Cost=(a_4-t_1)^2+(a_5-t_2)^2`` (units numbered on
through the layers, weights m_1 … m_12); Keonhee Lee's ``z_1 = w_1 \cdot x_1 + w_3 \cdot x_2``, ``a_1 = \sigma(z_1)``
(the weights numbered in his own order). A TA reads which weight joins which units from those sums, and so does
``ScalarGraphReading``: a definition ``NAME = F(SUM)``, ``NAME = SUM`` or ``NAME = F(NAME)`` (NAME a letter with a
number, ``a_4``, ``m_{10}``; F an activation's name, ``f``, ``\sigma``, ``\operatorname{ReLU}``; SUM products of two
names and at most one name alone, the bias) makes its left side a unit; in each product the factor that is an input
(x_1, X_2) or a unit is the source and the other the weight. The layers follow from the sources (a unit fed by the
inputs is in layer 1, one fed by layer 1 in layer 2, …), a unit's number in its layer from the order of its names'
numbers.

Read only when the sums define the spec's whole network and nothing else: every layer with its width, every unit fed
by every unit of the layer before exactly once, every weight name on one connection and no name in two roles; a bias
name only when each unit of a layer has its own. Then each weight becomes ``W^{(l)}_{ij}`` (in the spec's
orientation), each bias ``b^{(l)}_{i}``, a unit's sum ``z^{(l)}_{i}``, its activation ``h^{(l)}_{i}`` and an input
``x_{j}``; so a planted wrong weight (m_8 where m_7 is meant) stays the answer's mistake. Otherwise nothing is
rewritten. Each claim is restored as written in the report. Every pass is linear in a claim of bounded length.
"""

from __future__ import annotations

import re

from .normalize import fold_unicode
from .rewriting import Rewriting

#: claims longer than this are neither read for definitions nor rewritten
MAX_LENGTH = 2000
#: a name: one letter with a number as its subscript, a_4, m_{10}, {w}_{1}, or a hatted one, \hat{y_1}, \hat y_1 (not
#: followed by a superscript or more subscript: a_1^{(2)} is another quantity)
_NUMBER = r"(?:\{\s*(\d{1,2})\s*\}|(\d))"
#: A sum may be named by its unit's name and a suffix, H1_net, y_1_net, h1_in (the AI lab notebooks' ``H1_net = x1*w1 +
#: x2*w2 + b1``, ``H1 = sigmoid(H1_net)``), an output h1_out, and a plain-text answer writes the number right after the
#: letter (w5, H1)
_SUFFIX = r"(?:\s*_\s*\{?\s*(net|in|out)\s*\}?)?"
#: a unit's sum or output named by a word and the unit, Mazur's spelling: net_{h1}, net_{h_1}, \text{net}_{o}, net_o,
#: out_{o1}, in_{h2}, plain net_h1 (the unit's letter, then its number where its layer has more than one)
_WORD_UNIT = (r"|(?:\\(?:text|mathrm|textrm|operatorname)\s*\{\s*(net|out|in)\s*\}|(?<![A-Za-z\\])(net|out|in))\s*_\s*"
              r"(?:\{\s*([A-Za-z])\s*(?:_\s*)?(?:\{\s*(\d{1,2})\s*\}|(\d{1,2}))?\s*\}|([A-Za-z])(\d{1,2})?(?![A-Za-z]))")
_NAME = re.compile(r"(?<![A-Za-z\\])(?:\\hat\s*\{\s*([A-Za-z])\s*_\s*" + _NUMBER + r"\s*\}"
                   r"|\\hat\s*(?:\{\s*([A-Za-z])\s*\}|([A-Za-z]))\s*_\s*" + _NUMBER
                   + r"|(?:\{\s*([A-Za-z])\s*\}|([A-Za-z]))\s*_\s*" + _NUMBER + _SUFFIX
                   + r"|(?<![{_^0-9.])([A-Za-z])(\d{1,2})" + _SUFFIX
                   + r"|(?:\{\s*([A-Za-z])\s*\}|([A-Za-z]))\s*_\s*\{\s*\(\s*x\s*_?\s*\{?\s*(\d)\s*\}?\s*\)\s*(\d)\s*\}"
                   + r"|(?<![{_^0-9.])([wW])\(\s*x\s*(\d)\s*\)\s*(\d)"
                   + _WORD_UNIT
                   + r")(?![0-9])(?!\s*[\^_'])")
#: the letter of a weight from an input named by the input and the unit, w_{(x1)1} (Bernacki & Włodarczyk's tutorial
#: "Principles of training multi-layer neural network using backpropagation", AGH: w_{(x m) n} joins input x_m to unit n)
_FROM_INPUT = "_{(x)}"


#: a unit named by a bare letter on a definition's left side: o = \sigma(z_3), \hat{y} = \sigma(z_3) (its number 0)
_BARE_LHS = re.compile(r"\\hat\{?([A-Za-z])\}?|([A-Za-z])")


def _bare_key(m: re.Match) -> tuple[str, int]:
    return ("\\hat " + m.group(1), 0) if m.group(1) else (m.group(2), 0)


def _bare_pattern(key: tuple[str, int]) -> str:
    """The regular expression of a bare name in a claim: o alone (not in a word, a command or with a script),
    \\hat{y}, \\hat y."""
    if key[0].startswith("\\hat "):
        return r"\\hat\s*(?:\{\s*" + key[0][-1] + r"\s*\}|" + key[0][-1] + r"(?![A-Za-z]))(?!\s*[\^_'])"
    return r"(?<![A-Za-z\\{])" + key[0] + r"(?![A-Za-z0-9_^'])"


#: a weight or bias name with the mark of its updated value: w_5^{+}, w_1', m_{7}^{new}, w_5^{(t+1)}, W_{45}(new), w5_new
_MARKED = re.compile(_NAME.pattern[:_NAME.pattern.rindex("(?![0-9])")] + r"(?![0-9])\s*(?:'(?!')|\^\s*(?:\+|\{\s*(?:\+|"
                     r"new|next|\\text\s*\{\s*new\s*\}|\(?\s*t\s*\+\s*1\s*\)?)\s*\})|\(\s*new\s*\)|_\s*\{?\s*new\s*\}?(?![A-Za-z]))")


def _key(m: re.Match) -> tuple[str, int]:
    """(letter, number) of a name, the letter marked \\hat when hatted, or with its suffix (``H_net`` of H1_net)."""
    g = m.groups()
    if g[0]:
        return "\\hat " + g[0], int(g[1] or g[2])
    if g[3] or g[4]:
        return "\\hat " + (g[3] or g[4]), int(g[5] or g[6])
    if g[7] or g[8]:
        return (g[7] or g[8]) + ("_" + g[11] if g[11] else ""), int(g[9] or g[10])
    if g[12]:
        return g[12] + ("_" + g[14] if g[14] else ""), int(g[13])
    if g[15] or g[16]:
        return (g[15] or g[16]) + _FROM_INPUT, 10 * int(g[17]) + int(g[18])
    if g[19]:
        return g[19] + _FROM_INPUT, 10 * int(g[20]) + int(g[21])  # (plain text: w(x1)1)
    number = g[25] or g[26] or g[28]  # (net_{h1}: the word and the unit's letter; net_o, a layer's one unit: 0)
    return f"{g[22] or g[23]}_{g[24] or g[27]}", int(number or 0)


def _shown(key: tuple[str, int]) -> str:
    """A name as the answer writes it, for the report: w_5, H1_net's H_net_1, w_{(x1)1}."""
    if key[0].endswith(_FROM_INPUT):
        return f"{key[0][:-len(_FROM_INPUT)]}_{{(x{key[1] // 10}){key[1] % 10}}}"
    return f"{key[0]}_{key[1]}"


#: layout and spacing commands that say nothing about the sum
_LAYOUT = re.compile(r"\\(?:left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|big|Big|bigg|Bigg)(?![A-Za-z])|\\[,;:!]|\\quad|"
                     r"\\qquad|&|\s+")
#: a product's operator
_TIMES = re.compile(r"\\(?:cdot|times|ast)(?![A-Za-z])|\*")
#: an activation's name before its argument: f, g, \sigma, \varphi, sigmoid, ReLU, \operatorname{ReLU}, \text{tanh}
_FUNC = re.compile(r"(?:\\(?:operatorname|text|mathrm|textrm)\{([A-Za-z]+)\}|\\([A-Za-z]+)|([A-Za-z]+))\(")
#: the letters of inputs
_INPUTS = ("x", "X")
#: at most this many definitions are read (a worked example has a few dozen)
MAX_DEFINITIONS = 400


#: the logistic function written out around one name (#), spaces and sizing commands removed: 1/(1 + e^{-a_3}),
#: \frac{1}{1+e^{-z_1}}, 1/(1+\exp(-z_1))
_LOGISTIC = frozenset(f"{one}{den}" for one, den in (
    *((r"\frac{1}", "{" + d + "}") for d in ("1+e^{-#}", "1+e^{-(#)}", "1+e^-#", r"1+\exp(-#)", r"1+\exp{(-#)}")),
    *(("1/", "(" + d + ")") for d in ("1+e^{-#}", "1+e^{-(#)}", "1+e^(-#)", "1+e^-#", r"1+\exp(-#)"))))


def _form(side: str):
    """(function or None, [(name, name) products], [names alone]) of a side that is such a sum or application, or
    None. Names are (letter, number)."""
    names: list = []

    def mark(m: re.Match) -> str:
        names.append(_key(m))
        return "#"

    s = _LAYOUT.sub("", _TIMES.sub("*", _NAME.sub(mark, side))).rstrip(".,;")
    if len(names) == 1 and s in _LOGISTIC:  # out_{h1} = 1/(1 + e^{-net_{h1}}): the sigmoid written out
        return "sigma", [], names
    func = None
    m = _FUNC.match(s)
    if m is not None and s.endswith(")"):
        func = m.group(1) or m.group(2) or m.group(3)
        if func in ("frac", "sqrt", "sum", "partial"):
            return None
        s = s[m.end():-1]
    if s.startswith("(") and s.endswith(")") and s.count("(") == 1:
        s = s[1:-1]
    if not s or not set(s) <= set("#*+()"):
        return None
    products, alone, i = [], [], 0
    for term in s.split("+"):
        if term.startswith("(") and term.endswith(")"):
            term = term[1:-1]
        if term in ("#*#", "##"):
            products.append((names[i], names[i + 1]))
            i += 2
        elif term == "#":
            alone.append(names[i])
            i += 1
        else:
            return None
    return func, products, alone


#: an activation numbered by its unit before its argument: f_1(…), f_{6}\left(…\right), plain f4( (Bernacki &
#: Włodarczyk's y_1 = f_1(w_{(x1)1}x_1 + w_{(x2)1}x_2), y = f_6(w_{46}y_4 + w_{56}y_5): unit 6's function)
_UNIT_FUNCTION = re.compile(r"(?<![A-Za-z\\])(f|g|\\varphi|\\phi)\s*(?:_\s*(?:\{\s*(\d{1,2})\s*\}|(\d))|(?<=[fg])(\d{1,2}))\s*"
                            r"(?=\\left\s*\(|\()")


def _unit_number(m: re.Match) -> int:
    """The unit's number an _UNIT_FUNCTION match carries."""
    return int(m.group(2) or m.group(3) or m.group(4))


#: what separates definitions written side by side in one display: y_1 = f(e_1), \quad y_2 = f(e_2); a = 1;\; b = 2
_SIDE_BY_SIDE = re.compile(r",?\s*\\q?quad\s*|;\s*(?:\\[,;:!]\s*)?")


def _definitions(texts):
    """(left name, function, products, names alone, the unit's number its function carries or None) of every definition
    in the claims' texts; a name's number and its function's must agree (y_4 = f_4(…)). Not a bare e nor what is
    applied to it: Bernacki & Włodarczyk's adder e = x_1w_1 + x_2w_2, y = f(e) is one neuron shown apart."""
    count = 0
    for t in texts:
        for line in (part for row in t.split("\\\\") for part in _SIDE_BY_SIDE.split(row)):
            parts = line.split("=")
            for left, right in zip(parts, parts[1:], strict=False):
                left = _LAYOUT.sub("", left)
                lhs = _NAME.fullmatch(left)
                bare = None if lhs is not None else _BARE_LHS.fullmatch(left)
                if lhs is None and bare is None:
                    continue
                key = _key(lhs) if lhs is not None else _bare_key(bare)
                right = right.lstrip()
                numbered = _UNIT_FUNCTION.match(right)
                number = _unit_number(numbered) if numbered is not None else None
                if numbered is not None:
                    if key[1] not in (0, number):
                        continue
                    right = numbered.group(1) + right[numbered.end():]
                form = _form(right)
                if form is None or (not form[1] and (form[0] is None or len(form[2]) != 1)):
                    continue
                if key == ("e", 0) or not form[1] and form[2][0] == ("e", 0):
                    continue
                count += 1
                if count > MAX_DEFINITIONS:
                    return
                yield key, *form, number


#: a δ numbered as a unit, \delta_5, \delta_{5} (Huddar's and GeeksforGeeks's worked examples number the units on
#: through the layers, a_3, a_4, a_5, and write δ_5 for the output's); not with another script after it
_DELTA = re.compile(r"\\delta\s*(?:_\s*)?" + _NUMBER + r"(?![0-9])(?!\s*[\^_'])")
#: a plain-text derivative's d right before a name, dy1, dy1_net
_D_BEFORE_NAME = re.compile(r"(?<![A-Za-z\\])d(?=[A-Za-z]\d)")
#: the left side of an output's error term or δ numbered by the output: E1 =, E_{2} =, \delta1 =, delta_2 =
_TERM_LHS = re.compile(r"(E|\\?delta)\s*(?:_\s*)?\{?\s*(\d)\s*\}?\s*=")


def _unit_deltas(texts, names: dict, sizes) -> dict:
    """{("\\delta", k): δ^{(l)}_{i}} for the δ's an answer numbers as its units: every δ number it writes is the number
    of one unit's sum (a_5 = W_{35} y_3 + W_{45} y_4 → δ_5 that unit's δ), no two sums share a number, and some δ number
    lies past every layer's width — so the numbers cannot be entries of one layer's δ (δ_1, δ_2 of the outputs stay
    unread here). The δ's sign is the answer's own (infer's delta_sign). {} otherwise."""
    numbers = {int(m.group(1) or m.group(2)) for t in texts for m in _DELTA.finditer(t)}
    if not numbers or max(numbers) <= max(sizes):
        return {}
    sums: dict = {}  # a sum's number -> its canonical name z^{(l)}_{i}
    for key, name in names.items():
        if name.startswith("z^"):
            if key[1] in sums:
                return {}
            sums[key[1]] = name
    if not numbers <= set(sums) or any(_times_its_slope(t, numbers) for t in texts):
        return {}
    return {("\\delta", k): "\\delta" + sums[k][1:] for k in numbers}


def _times_its_slope(text: str, numbers) -> bool:
    """Whether a right side multiplies δ_k by the slope of unit k's own activation — Bernacki & Włodarczyk's step w'_{14}
    = w_{14} + η δ_4 f'(e_4) y_1, δ_4 = w_{46} f'(e_6) δ: their δ_k is the error at the unit's output, before its slope,
    so it is not the δ of the unit's summed input (Huddar's δ_5 = y_5(1 − y_5)(t − y_5) has the slope in it)."""
    rhs = text.split("=", 1)[1] if "=" in text else ""
    for m in _DELTA.finditer(rhs):
        k = int(m.group(1) or m.group(2))
        if k not in numbers:
            continue
        name = r"[A-Za-z]\s*_\s*\{?\s*" + str(k) + r"\s*\}?(?![0-9])"
        slope = (r"(?:f|g|\\sigma|\\varphi|\\phi)\s*'\s*\(\s*" + name + r"\s*\)|\\frac\s*\{\s*(?:d|\\partial)\s*(?:f|g|\\sigma|"
                 r"\\varphi|\\phi)\s*\(\s*" + name + r"\s*\)|" + name + r"\s*\(\s*1\s*-\s*" + name + r"\s*\)")
        if re.search(slope, rhs):
            return True
    return False


#: a difference in parentheses, (A - B), each side a short run without parentheses or another minus
_DIFFERENCE = re.compile(r"\(\s*([^()\-=]{1,30}?)\s*-\s*([^()\-=]{1,30}?)\s*\)")
#: the step subtracted with δ (W_{45} - η δ_5 y_4); the step added is infer.PLUS_STEP (ΔW_{45} = η δ_5 y_4)
_STEP_SUBTRACTS = re.compile(r"[Ww]\s*_[^=]{0,12}-\s*\\(?:eta|alpha)\s*(?:\\[,;]|\\cdot|\\times|\*)?\s*\\delta")


def _target_side(side, names: dict) -> bool:
    """Whether one side of a difference is the target: a word or name the reading does not know (target, y_{target}),
    or one it reads as a target (T1)."""
    return side is None or _key(side) not in names or names[_key(side)].startswith("\\mathbf{y}")


def _output_terms(texts, names: dict, depth: int) -> dict:
    """{(letter, k): its reading} for the error term E_k and the δ_k an answer numbers by output unit (the AI lab's
    ``E1 = 0.5*(T1 - y1)^2``, ``delta1 = dE/dy1 * dy1/dy1_net``, ``delta2 = -(T2 - y2)*y2*(1 - y2)``): each definition
    of the letter with a number names one output unit's value or sum on its right side — that unit's, whose place is
    its number — and no other output's. E_k is then output k's error E_{ok}, δ_k output k's δ; {} for a letter any of
    whose definitions says otherwise."""
    entry_of = _output_units(names, depth, "hz")
    found: dict = {}
    for t in texts:
        m = _TERM_LHS.match(t.strip())
        if m is None:
            continue
        letter, number = ("\\delta" if m.group(1) != "E" else "E"), int(m.group(2))
        rhs = _D_BEFORE_NAME.sub("d ", t.strip()[m.end():])  # (dE/dy1: y1 is named there too)
        mentioned = {entry_of[_key(n)] for n in _NAME.finditer(rhs) if _key(n) in entry_of}
        if letter in found and found[letter] is None:
            continue
        found[letter] = found.get(letter, set()) | {number} if mentioned == {number} else None
    out = {}
    for letter, numbers in found.items():
        if not numbers or any((letter, k) in names for k in numbers):
            continue
        for k in numbers:
            out[(letter, k)] = f"E_{{o{k}}}" if letter == "E" else f"\\delta^{{({depth})}}_{{{k}}}"
    return out


def _delta_sign(texts, names: dict, deltas: dict) -> int | None:
    """−1 when the answer's numbered δ is minus the derivative by the summed input — an output's δ defined with the
    target first, y_5(1 − y_5)(t − y_5), or the step adding η δ (ΔW = η δ_5 y_4) —, 1 when the other way, None when
    it says neither or both (the δ's then read as gradproof's, ∂E/∂z)."""
    from .infer import PLUS_STEP

    output_of = {}  # a unit's δ name -> the name its output goes by (δ^{(2)}_{1} -> ("y", 5))
    for key, name in names.items():
        if name.startswith("h^"):
            output_of["\\delta" + name[1:]] = key
    minus = plus = False
    for t in texts:
        m = _DELTA.match(t.strip())
        out = output_of.get(deltas.get(("\\delta", int(m.group(1) or m.group(2))))) if m is not None else None
        if out is not None:
            rest = t[m.end():]
            for d in _DIFFERENCE.finditer(rest):
                if any(re.fullmatch(r"[\d.\s]+", side) for side in d.groups()):
                    continue  # (1 - y_5): the sigmoid's slope, not the error
                first, second = (_NAME.fullmatch(_LAYOUT.sub("", side)) for side in d.groups())
                negated = re.search(r"(?<![\w)}])-\s*$", rest[:d.start()]) is not None  # -(T2 - y2): the other way
                if second is not None and _key(second) == out and _target_side(first, names):
                    minus, plus = (minus, True) if negated else (True, plus)
                elif first is not None and _key(first) == out and _target_side(second, names):
                    minus, plus = (True, plus) if negated else (minus, True)
        minus = minus or PLUS_STEP.search(t) is not None
        plus = plus or _STEP_SUBTRACTS.search(t) is not None
    return -1 if minus and not plus else 1 if plus and not minus else None


def _weights_by_their_units(names: dict, weights: list, sizes, convention: str, text: str) -> None:
    """Where the answer numbers its units across the network (a_3, a_4 hidden, a_5 the output; x_1, x_2 the inputs: each
    sum's number is its unit's place, unitnumbers.blocks) and writes each weight with the two units it joins (W_{35}:
    unit 3 to unit 5, unitnumbers.weight_numbering), a weight is the entry of the units its name says — not the one a
    sum puts it on, so a sum that puts W_{35} on y_4 is the answer's mistake (in place: ``names``)."""
    from . import unitnumbers

    order = unitnumbers.weight_numbering(text, sizes)
    if order is None or any(w[1] < 10 or w[1] > 99 or w[0].endswith(_FROM_INPUT) for w in weights):
        return
    place = {}  # a unit's number -> (layer, entry), as the reading has it
    for key, name in names.items():
        m = re.fullmatch(r"(?:[zh]\^\{\((\d+)\)\}|x)_\{(\d+)\}", name)
        if m is not None and key[1] > 0:
            place.setdefault(key[1], set()).add((int(m.group(1) or 0), int(m.group(2)) - 1))
    if any(len(p) != 1 or unitnumbers.layer_of(k, sizes) not in p for k, p in place.items()):
        return  # (a number that is not its unit's place across the network: the names number something else)
    moved = {}
    for w in set(weights):
        a, b = divmod(w[1], 10)
        src, dst = (a, b) if order == "source" else (b, a)
        below, above = unitnumbers.layer_of(src, sizes), unitnumbers.layer_of(dst, sizes)
        if below is None or above is None or above[0] != below[0] + 1:
            return
        row, col = (above[1] + 1, below[1] + 1) if convention == "row" else (below[1] + 1, above[1] + 1)
        moved[w] = f"W^{{({above[0]})}}_{{{row}{col}}}"
    names.update(moved)


def _output_units(names: dict, depth: int, kinds: str) -> dict:
    """{name: its output unit's number from 1} for the names the reading gives an output unit's value (``h``) or sum
    (``z``) of the last layer, depth."""
    out = {}
    for key, name in names.items():
        m = re.fullmatch(f"[{kinds}]" + r"\^\{\(" + str(depth) + r"\)\}_\{(\d+)\}", name)
        if m is not None:
            out[key] = int(m.group(1))
    return out


#: a right side that is one difference of two short runs, the whole claim's: \delta = z - y, \delta = z - y = 0.27
_WHOLE_DIFFERENCE = re.compile(r"=\s*([^()\-=]{1,30}?)\s*-\s*([^()\-=]{1,30}?)\s*(?:=\s*-?[0-9.]{1,16}\s*)?[.,;]?\s*$")


def _side_key(side: str):
    """(letter, number) of a difference's side that is one name, (letter, 0) of one bare letter, else None."""
    side = _LAYOUT.sub("", side)
    m = _NAME.fullmatch(side)
    return _key(m) if m is not None else (side, 0) if re.fullmatch(r"[A-Za-z]", side) else None


def _targets(texts, names: dict, depth: int) -> dict:
    """{name: \\mathbf{y}_{k}} for the targets an answer names with numbers: a name beside an output unit's in a
    difference, (T1 - y1), (y_1 - t_1), whose number is that unit's — and every such name of one letter, each beside one
    output only ({} otherwise: the pairing is not certain). Where the network has one output, a bare letter beside it
    that nothing defines is its target too (Bernacki & Włodarczyk's δ = z − y: z the desired output)."""
    output_entry = _output_units(names, depth, "h")
    joined = " ".join(texts)
    found: dict = {}
    bare = set()
    for t in texts:
        whole = _WHOLE_DIFFERENCE.search(t)
        for d in [*_DIFFERENCE.finditer(t), *([whole] if whole is not None else [])]:
            a, b = (_side_key(side) for side in d.groups())
            if a is None or b is None:
                continue
            for other, out in ((a, b), (b, a)):
                if out not in output_entry or other in names or other[0] in _INPUTS:
                    continue
                if other[1] == 0 and (len(output_entry) != 1 or other[0] == "e"
                                      or re.search(r"(?<![A-Za-z\\])" + other[0] + r"\s*(?:=(?!\s*-?[0-9.])|\()", joined)):
                    continue  # (a bare letter: the one output's target only when no formula defines it, z = 0.8 given)
                if other[1] == 0:
                    bare.add(other)
                if found.setdefault(other, output_entry[out]) != output_entry[out]:
                    return {}
    if len({k[0] for k in found}) != 1 or any(k[1] != entry and k not in bare for k, entry in found.items()):
        return {}
    return {k: f"\\mathbf{{y}}_{{{entry}}}" for k, entry in found.items()}


def _numbered_outputs(sums: dict, applied: dict, texts) -> dict:
    """{output name: sum name} for the outputs a later sum adds that no definition ties to their sum, paired by number:
    a_5 = W_{35} y_3 + W_{45} y_4 beside a_3 = W_{13} x_1 + W_{23} x_2, and y_3 defined only by its number (y_3 =
    1/(1 + e^{-0.755}) = 0.68) — y_3 is the output of the unit whose sum is a_3. Only a name whose letter no weight has
    (a weight is the factor beside an input), whose number is one sum's without a function or an output of its own;
    then the last layer's output too, a name of that letter defined with the number of such a sum (y_5 = 0.69)."""
    pairs = [pair for _, products, _ in sums.values() for pair in products]
    weights = {(a if b[0] in _INPUTS else b)[0] for a, b in pairs if (a[0] in _INPUTS) != (b[0] in _INPUTS)}
    tied = set(applied.values())
    out = {}
    for name in {n for pair in pairs for n in pair}:
        if name[0] in _INPUTS or name[0] in weights or name in sums or name in applied:
            continue
        same = [z for z in sums if z[1] == name[1]]
        if len(same) != 1 or same[0] in tied or sums[same[0]][0] is not None or same[0][0] == name[0]:
            return {}
        out[name] = same[0]
    letters = {name[0] for name in out}
    if len(letters) == 1:  # the last layer's output, used by no sum: y_5 = 1/(1 + e^{-0.801}) beside a_5 = …
        letter = letters.pop()
        for t in texts:
            m = _NAME.match(t.strip())
            name = _key(m) if m is not None and t.strip()[m.end():].lstrip().startswith("=") else None
            if name is None or name[0] != letter or name in out or name in sums:
                continue
            same = [z for z in sums if z[1] == name[1]]
            if len(same) == 1 and same[0] not in tied and sums[same[0]][0] is None and same[0][0] != letter:
                out[name] = same[0]
    return out if len(set(out.values())) == len(out) else {}


#: a weight's or bias's prime before its subscript, w'_{14}, w'_{(x1)1} (the updated weight): spelled w_{14}'
_PRIME_FIRST = re.compile(r"(?<![A-Za-z\\])([wWb])\s*'\s*(_\s*(?:\{[^{}]{1,12}\}|[0-9])|[0-9]{1,2}(?![0-9])|\(\s*x\s*[0-9]\s*\)\s*[0-9])")
#: the slope of unit n's activation at its summed input e, \frac{df_4(e)}{de}, \frac{\partial f_4(e)}{\partial e},
#: f_4'(e), f'_4(e) (Bernacki & Włodarczyk's step w'_{14} = w_{14} + η δ_4 \frac{df_4(e)}{de} y_1)
_SLOPE = re.compile(r"\\frac\s*\{\s*(?:d|\\partial)\s*f\s*_\s*(?:\{\s*(\d{1,2})\s*\}|(\d))\s*(?:\(\s*e\s*\))?\s*\}\s*"
                    r"\{\s*(?:d|\\partial)\s*e\s*\}|f\s*(?:_\s*(?:\{\s*(\d{1,2})\s*\}|(\d))\s*'|'\s*_\s*(?:\{\s*(\d{1,2})\s*\}|(\d)))"
                    r"\s*\(\s*e\s*\)|(?<![A-Za-z\\])d\s*f\s*_?\s*\{?\s*(\d{1,2})\s*\}?\s*\(\s*e\s*\)\s*/\s*d\s*e(?![A-Za-z])")
#: the word for the target's role right before it, in a plain-text list of values ("target z = 0.35"): not a product
_ROLE_WORD = re.compile(r"(?<![A-Za-z\\])(?:target|desired(?:\s+output)?|(?:true\s+)?label)\s+(?=\\mathbf\{y\}_\{\d{1,2}\})")
#: the slope of an activation at a named sum written as a derivative, \frac{df(e_4)}{de_4}, \frac{d\sigma(net_4)}{dnet_4}
_SLOPE_AT = re.compile(r"\\frac\s*\{\s*(?:d|\\partial)\s*(f|g|\\sigma|\\varphi|\\phi)\s*\("
                       r"\s*([A-Za-z]{1,3}\s*_\s*(?:\{\s*\d{1,2}\s*\}|\d))\s*\)\s*\}\s*\{\s*(?:d|\\partial)\s*\2\s*\}")
#: a bare δ (not δ_4, δ^{(2)}, δ'), in a claim
_BARE_DELTA = re.compile(r"\\delta(?![A-Za-z])(?!\s*[_^'])")


def _respelled(text: str) -> str:
    """A claim's text as the reading reads it: Unicode folded (a plain-text answer's W₁₃, δ₅: the names in LaTeX's
    spelling), a prime before a subscript put after it (w'_{14}: w_{14}')."""
    return _PRIME_FIRST.sub(r"\1\2'", fold_unicode(text))


def _numbered_units(numbers: dict, names: dict, texts, depth: int, unit_of: dict, every: set):
    """({k: z^{(l)}_{i}} for the units whose function carries their number k (y_4 = f_4(…), y = f_6(…)), each number one
    unit's; and the bare δ's reading: where δ's are numbered by units (``every``: the numbers of the functions and of the
    sums; δ_4 = w_{46}δ) and the one output is a bare name with a unit number (``unit_of``: y = f_6(…), or y = f(e_6)),
    a bare δ is that unit's, δ_6 — else None)."""
    units: dict = {}
    for key, n in numbers.items():
        m = re.fullmatch(r"h\^\{\((\d+)\)\}_\{(\d+)\}", names.get(key, ""))
        if m is None or n in units:
            return {}, None
        units[n] = f"z^{{({m.group(1)})}}_{{{m.group(2)}}}"
    deltas = {int(m.group(1) or m.group(2)) for t in texts for m in _DELTA.finditer(t)}
    outputs = list(_output_units(names, depth, "h"))
    if not deltas or len(outputs) != 1 or outputs[0] not in unit_of or outputs[0][1] != 0:
        return units, None
    n = unit_of[outputs[0]]
    if n in deltas or not deltas <= every or not any(_BARE_DELTA.search(t) for t in texts):
        return units, None
    return units, f"\\delta_{{{n}}}"


#: a plain-text derivative, d then a name over d then a name: dE/dy1, dy1/dy1_net, dE_total/dw5 (read by the names)
_PLAIN_DERIVATIVE = re.compile(r"(?<![A-Za-z\\])d\s*([A-Za-z][A-Za-z0-9]{0,2}(?:_\{?[A-Za-z0-9]{1,6}\}?)?)\s*/\s*d\s*"
                               r"([A-Za-z][A-Za-z0-9]{0,2}(?:_\{?[A-Za-z0-9]{1,6}\}?)?)(?![A-Za-z0-9_{])")
#: the objective's letters in such a derivative
_OBJECTIVE = re.compile(r"[EJLC](?:_\{?(?:total|tot|T)\}?|total|T)?")
#: a value given right after a name: `` = 0.40`` (then a comma, a semicolon, a row's end or the claim's)
_GIVEN_NUMBER = re.compile(r"\s*=\s*(-?\d{1,6}(?:\.\d{1,12})?)(?=\s*(?:,|;|\\\\|$))")


class ScalarGraphReading(Rewriting):
    """The rewriting of an answer whose forward pass names every unit, weight and bias; None from ``detect`` else."""

    max_length = MAX_LENGTH

    def __init__(self, net, names: dict, change: str, options: tuple = (), shared: dict | None = None,
                 units: dict | None = None, bare_delta: str | None = None):
        self.names = names  # (letter, number) -> the canonical LaTeX it becomes
        self.options = options  # notation options the reading settles (the sign of its numbered δ)
        self.shared = shared or {}  # a bias shared by one layer's units -> (layer, its units' sums in order, the width)
        self.units = units or {}  # a unit's number its function carries (f_4) -> its summed input, z^{(2)}_{1}
        self.bare_delta = bare_delta  # a bare δ, the output's error beside δ's numbered by unit: \delta_{6}
        self.originals: dict[str, str] = {}
        self.change = change

    @staticmethod
    def detect(net, claims) -> ScalarGraphReading | None:
        if getattr(net, "has_kinds", False):
            return None
        sizes = [net.inputs] + [layer.units for layer in net.layers]
        texts = [_respelled(c.latex) for c in claims if len(c.latex) <= MAX_LENGTH and "=" in c.latex]  # (a₃ = W₁₃·x₁)
        sums: dict = {}  # unit name -> (function, products, names alone)
        applied: dict = {}  # activation name -> the summed input's name
        numbers: dict = {}  # a unit -> the number its function carries (f_6: unit 6)
        for lhs, func, products, alone, number in _definitions(texts):
            if number is not None and numbers.setdefault(lhs, number) != number:
                return None
            if products:
                if sums.setdefault(lhs, (func, products, alone)) != (func, products, alone):
                    return None  # one name defined as two sums
            elif applied.setdefault(lhs, alone[0]) != alone[0]:
                return None
        if not sums:
            return None
        applied = {a: z for a, z in applied.items() if z in sums and sums[z][0] is None}
        if any(a in sums for a in applied):
            return None
        if len(set(applied.values())) != len(applied):  # Keonhee's slip a_2 = Sigmoid(z_1) beside a_1 = Sigmoid(z_1):
            applied = {a: (z[0], a[1]) if list(applied.values()).count(z) > 1 else z for a, z in applied.items()}
            if len(set(applied.values())) != len(applied) or not set(applied.values()) <= set(sums):
                return None  # (each of a sum's two activations paired with the sum of its own number, else unread)
        applied.update(_numbered_outputs(sums, applied, texts))
        sum_numbers = {a: z[1] for a, z in applied.items() if z[1] > 0}  # (y = f(e_6): the output is unit 6)
        activation_of = {z: a for a, z in applied.items()}  # a sum without a function -> its activation's name
        outputs = {}  # the name a unit's value goes on by -> the unit (its sum's name)
        linear = set()  # sums no activation is applied to: units of a layer whose activation is the identity
        for z, (func, _, _) in sums.items():
            if func is not None:
                outputs[z] = z
            elif z in activation_of:
                outputs[activation_of[z]] = z
            else:
                outputs[z] = z
                linear.add(z)
        layer: dict = {}
        shared: dict = {}  # a bias name every unit of one layer adds -> (the layer, its units' sums in order)
        wiring: dict = {}  # unit -> [(weight, source)]
        for z, (_, products, _) in sums.items():
            pairs = []
            for first, second in products:
                roles = [n[0] in _INPUTS or n in outputs for n in (first, second)]
                if roles == [True, False]:
                    pairs.append((second, first))
                elif roles == [False, True]:
                    pairs.append((first, second))
                else:
                    return None  # no factor or both a unit's value: not a weight times a unit
            wiring[z] = pairs
        for _ in range(net.depth + 1):  # the layers, from the inputs on (one more each pass; no progress: stop)
            before = len(layer)
            for z, pairs in wiring.items():
                below = [0 if s[0] in _INPUTS and s not in outputs else layer.get(outputs[s]) for _, s in pairs]
                if None not in below and len(set(below)) == 1:
                    layer[z] = below[0] + 1
            if len(layer) == before:
                break
        if len(layer) != len(sums) or max(layer.values()) != net.depth:
            return None
        if any(net.layers[layer[z] - 1].activation != "identity" for z in linear):
            return None  # a sum no activation is applied to in a layer that has one: another naming
        by_layer: dict = {}
        for z, n in layer.items():
            by_layer.setdefault(n, []).append(z)
        names: dict = {}
        inputs = sorted({s for pairs in wiring.values() for _, s in pairs if s not in outputs})
        if len(inputs) != sizes[0] or len({s[0] for s in inputs}) != 1:
            return None
        previous = inputs
        for n in range(1, net.depth + 1):
            units = sorted(by_layer.get(n, []), key=lambda z: (z[1], z[0]))
            if len(units) != sizes[n]:
                return None
            values = {unit: name for name, unit in outputs.items() if unit in units}
            for z in units:
                sources = [s for _, s in wiring[z]]
                if sorted(sources) != sorted(previous) or len(set(sources)) != len(sources):
                    return None  # not every unit of the layer before, each once
            for i, z in enumerate(units, start=1):
                for w, s in wiring[z]:
                    j = previous.index(s) + 1
                    row, col = (i, j) if net.convention == "row" else (j, i)
                    entry = f"{row}{col}" if max(row, col) <= 9 else f"{row},{col}"
                    if names.setdefault(w, f"W^{{({n})}}_{{{entry}}}") != f"W^{{({n})}}_{{{entry}}}":
                        return None  # one weight name on two connections
                if z != values[z]:
                    names[z] = f"z^{{({n})}}_{{{i}}}"
                names[values[z]] = f"h^{{({n})}}_{{{i}}}"
            previous = [values[z] for z in units]
            biases = [sums[z][2] for z in units]
            if all(len(b) == 1 for b in biases) and len({b[0] for b in biases}) == len(units):
                for i, b in enumerate(biases, start=1):
                    names[b[0]] = f"b^{{({n})}}_{{{i}}}"
            elif all(len(b) == 1 for b in biases) and len({b[0] for b in biases}) == 1 and biases[0][0] not in shared:
                shared[biases[0][0]] = (n, units)  # one bias for the layer's units (Mazur's b_1, the AI lab's b1)
            elif any(len(b) > 1 for b in biases):
                return None
        weights = [w for pairs in wiring.values() for w, _ in pairs]
        if len(set(weights)) != len(weights) or set(weights) & (set(outputs) | set(sums) | set(inputs)):
            return None
        layers_of_bias: dict = {}
        for z, (_, _, alone) in sums.items():
            for b in alone:
                layers_of_bias.setdefault(b, set()).add(layer[z])
        if any(len(n) > 1 for n in layers_of_bias.values()):
            return None  # one bias name in two layers' sums (b2 written in a hidden unit's sum): which is meant is not said
        for j, s in enumerate(inputs, start=1):
            names[s] = f"x_{{{j}}}"
        if len(set(names.values())) != len(names):
            return None
        _weights_by_their_units(names, weights, sizes, net.convention, " ".join(texts))
        names.update(_targets(texts, names, net.depth))
        deltas = _unit_deltas(texts, names, sizes)
        terms = {} if deltas else _output_terms(texts, names, net.depth)  # (δ numbered by unit, or by output)
        deltas.update({k: v for k, v in terms.items() if k[0] == "\\delta"})
        sign = _delta_sign(texts, names, deltas) if deltas else None
        names.update(terms)
        names.update(deltas)
        letters = sorted({w[0].removesuffix(_FROM_INPUT) for w in weights})
        change = ("the answer's forward sums name every unit and weight: "
                  + ", ".join(f"{_shown(w)} is {names[w]}" for w in sorted(weights, key=lambda w: w[1])[:3])
                  + (" …" if len(weights) > 3 else "")
                  + f" (weights {', '.join(letters)}; layers read from which units each sum adds)")
        if deltas:
            change += ("; δ_k is the δ of the unit whose sum is numbered k ("
                       + ", ".join(f"δ_{k[1]} is {deltas[k]}" for k in sorted(deltas, key=lambda k: k[1])[:3])
                       + (" …" if len(deltas) > 3 else "") + ")")
        if sign == -1:
            change += "; δ is minus the derivative by the summed input (its definition puts the target first)"
        shared = {b: v for b, v in shared.items() if b not in names and b not in sums and b not in applied}
        if shared:
            change += "; " + ", ".join(f"{b[0]}_{b[1]} is the bias of every unit of layer {n} (one bias per layer)"
                                       for b, (n, _) in sorted(shared.items(), key=lambda kv: kv[1][0]))
        numbered, bare_delta = _numbered_units(numbers, names, texts, net.depth,
                                               {**sum_numbers, **numbers}, {k[1] for k in sums} | set(numbers.values()))
        if numbered:
            change += ("; f_k is unit k's activation (" + ", ".join(f"f_{k}'(e) is f'({z})" for k, z in sorted(numbered.items())[:3])
                       + (" …" if len(numbered) > 3 else "") + ")")
        if bare_delta is not None:
            change += f"; the bare δ is the output unit's, {bare_delta}"
        return ScalarGraphReading(net, names, change, (("delta_sign", -1),) if sign == -1 else (),
                                  {b: (n, units, sizes[n]) for b, (n, units) in shared.items()}, numbered, bare_delta)

    def _derivative(self, m: re.Match) -> str:
        """A plain-text derivative of names the reading knows, dE/dy1, dy1/dy1_net, dE/dH1: as \\frac{\\partial …}{…}
        (the objective E, L, J, C, E_total as written); any other is left as written."""
        parts = []
        for k, token in enumerate(m.groups()):
            name = _NAME.fullmatch(token)
            known = self.names.get(_key(name)) if name is not None else None
            if known is None and not (k == 0 and _OBJECTIVE.fullmatch(token)):
                return m.group(0)
            parts.append(known or token)
        return f"\\frac{{\\partial {parts[0]}}}{{\\partial {parts[1]}}}"

    def _slope(self, m: re.Match) -> str:
        """\\frac{df_4(e)}{de} of a unit the reading knows: its activation's slope at its summed input, f'(z^{(2)}_{1})."""
        number = int(next(g for g in m.groups() if g is not None))
        return f" f'({self.units[number]}) " if number in self.units else m.group(0)

    def _function(self, m: re.Match) -> str:
        """f_4( of a unit the reading knows: the activation of its layer, f^{(2)}( (a generic f needs its layer)."""
        z = self.units.get(_unit_number(m))
        return m.group(0) if z is None else f" {m.group(1)}^{z[2:z.index('}') + 1]}"

    def _shared(self, text: str) -> str:
        """A bias shared by a layer's units (``shared``) in ``text``: in the sum of one of its units (``H2_net = x1*w3
        + x2*w4 + b1``) that unit's entry; given a value (``b1 = 0.40``) the layer's whole bias, that value in every
        entry; elsewhere left as written (its derivative is no quantity of the spec's network: each unit has its own)."""
        first = _NAME.match(text.lstrip())
        lhs = _key(first) if first is not None and text.lstrip()[first.end():].lstrip().startswith("=") else None
        out, last = [], 0
        for m in _NAME.finditer(text):
            key = _key(m)
            if key not in self.shared:
                continue
            layer, units, width = self.shared[key]
            given = _GIVEN_NUMBER.match(text, m.end())
            if lhs in units:
                new, end = f"b^{{({layer})}}_{{{units.index(lhs) + 1}}}", m.end()
            elif given is not None:
                rows = " \\\\ ".join([given.group(1)] * width)
                new, end = f"b^{{({layer})}} = \\begin{{bmatrix}} {rows} \\end{{bmatrix}}", given.end()
            else:
                continue
            out += [text[last:m.start()], new]
            last = end
        return "".join(out) + text[last:] if out else text

    def rewrite(self, text: str) -> str:
        text = _SLOPE_AT.sub(lambda m: f" {m.group(1)}'({m.group(2)}) ", _respelled(text))
        if self.units:
            text = _UNIT_FUNCTION.sub(self._function, _SLOPE.sub(self._slope, text))
        if self.bare_delta is not None:
            text = _BARE_DELTA.sub(lambda m: self.bare_delta, text)
        if self.shared:
            text = self._shared(text)

        def sub(m: re.Match) -> str:
            return self.names.get(_key(m), m.group(0))

        def marked(m: re.Match) -> str:  # an updated weight or bias: W^{(2)}_{11}^{+}, read as the step's result
            name = self.names.get(_key(m))
            return name + "^{+}" if name is not None and name[0] in "Wb" else m.group(0)

        text = _NAME.sub(sub, _MARKED.sub(marked, _PLAIN_DERIVATIVE.sub(self._derivative, text)))
        if any(k[0] == "\\delta" for k in self.names):
            text = _DELTA.sub(lambda m: self.names.get(("\\delta", int(m.group(1) or m.group(2))), m.group(0)), text)
        for key, name in self.names.items():
            if key[1] == 0:  # a bare name (its own definition's left side): o, \hat{y}
                text = re.sub(_bare_pattern(key), lambda m, name=name: name, text)
        return _ROLE_WORD.sub("", text)
