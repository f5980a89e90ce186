r"""A network written unit by unit, its names numbered by the answer's own forward pass (Hung-yi Lee's lecture and the
notes after it, star-bits' "Backprop": ``z1 = w1*x1 + w2*x2``, ``h1 = sigmoid(z1)``, ``z3 = w5*h1 + w6*h2``,
``o1 = sigmoid(z3)``): z_3 is the output layer's first summed input, w_5 the weight from hidden unit 1 into it, o_1
the first output. A TA reads each name's place off those definitions; so does verify, and only from them.

``reading`` looks at the answer's scalar definitions — in its math, and in the plain text of its fenced code blocks
(``code_definitions``; a forward pass typed as a sketch) — of two kinds:

- a unit's sum, ``NAME = W·IN + W·IN + … [+ B]`` (``\cdot``, ``\times``, ``*`` or juxtaposed, terms in parentheses
  or not, either factor first): every ``IN`` an input (``x_k``, ``i_k``, never defined) or a unit's output;
- a unit's output, ``OUT = f(NAME)`` with f σ, sigmoid, tanh, ReLU, or a letter.

The reading is certain or none: the sums must give every layer of the spec exactly its units (the spec's sizes), each
unit fed by every unit of the layer before exactly once, every weight name used once, each hidden unit's output
defined, a named activation the spec's; and it is taken only where the answer writes none of these letters with a
layer script (``z^{(2)}``). Units within a layer are ordered by their numbers, inputs too; a weight is the entry of
W^{(l)} joining its two units in the spec's convention (row: W_{to,from}), a bias name of one unit its bias entry (a
bias letter shared by a layer's units names no entry and stays unread). The result is the answer's own macros
(``Notation.macros``: ``z_3`` → ``z^{(2)}_{1}``), which the parser then reads as it reads a [notation] table. Names are
one letter and a number up to 99 (``w_{5}``, ``w5``); two-index weights (``w_{14}``) are unitnumbers.py's.

Untrusted text: at most MAX_DEFINITIONS candidate definitions are looked at, each at most MAX_LENGTH characters, read
by linear regular expressions (no nesting); nothing is evaluated."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: definitions looked at (math rows and code lines together), and the longest one read
MAX_DEFINITIONS = 400
MAX_LENGTH = 240

#: spellings folded before matching: products to *, spacing and sizing commands away, \sigma to sigma
_PRODUCT = re.compile(r"\\cdot|\\times|\\ast|[·∗×]")
_SPACING = re.compile(r"\\(?:left|right|big|Big|bigg|Bigg)(?![A-Za-z])|\\[,;:! ]|\\q?quad(?![A-Za-z])|\s+")
_SIGMA = re.compile(r"\\sigma(?![A-Za-z])|σ|\\operatorname\{sigmoid\}|\\text\{sigmoid\}|\\mathrm\{sigmoid\}|\\tanh(?![A-Za-z])")
#: a name with its number: z_{3}, z_3, z3 (a letter, then digits) -> "z3"
_NAME = re.compile(r"(?<![A-Za-z\\])([A-Za-z])_?\{?(\d{1,2})\}?(?![0-9])")
#: the folded forms
_N = r"[A-Za-z]\d{1,2}"
_TERM = rf"\(?{_N}\*?{_N}\)?"
_SUM = re.compile(rf"((?:{_TERM}\+)*{_TERM})(?:\+([bB](?:\d{{1,2}})?))?")
_ACT = re.compile(rf"(sigmoid|sigma|tanh|relu|ReLU|[fgh])\(({_N})\)")
_LHS = re.compile(rf"({_N})$")
_PAIR = re.compile(rf"\(?({_N})\*?({_N})\)?")
#: a code block's line may hold several definitions side by side, apart by two spaces or more (star-bits' sketch)
_FIELDS = re.compile(r"\s{2,}|\t|;")
#: a fenced code block (```, ~~~); its contents
_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)[^\n]*\n(.*?)^[ \t]{0,3}\1", re.M | re.S)
_KNOWN = {"sigmoid": "sigmoid", "sigma": "sigmoid", "tanh": "tanh", "relu": "relu", "ReLU": "relu"}
#: a letter written with a layer script: z^{(2)}, W^{[1]}, a^{l}
_LAYERED = r"(?<![A-Za-z\\]){}\s*\^\s*\{{?\s*[(\[]?\s*(?:\d|l|L|k)"


@dataclass(frozen=True)
class Units:
    """The reading: the answer's names as macros (symbol, gradproof's LaTeX), and a line saying what was read."""

    macros: tuple
    mazur: bool  # the weights numbered as Mazur numbers his w_1 … w_8 (parser option "mazur")
    change: str
    sums: tuple = ()  # (name, its terms as frozensets of two names) of every unit's full sum (``cut_sum``)


def _fold(latex: str) -> str:
    text = _SPACING.sub("", _PRODUCT.sub("*", latex))
    text = _SIGMA.sub(lambda m: "tanh" if "tanh" in m.group(0) else "sigma", text)
    return _NAME.sub(lambda m: m.group(1) + str(int(m.group(2))), text)


def code_definitions(text: str) -> tuple[str, ...]:
    """The fields of a document's fenced code blocks that read as a unit's sum or output (star-bits' sketch of the
    forward pass: ``z1 = w1*x1 + w2*x2    z2 = w3*x1 + w4*x2``), folded; at most MAX_DEFINITIONS."""
    out: list[str] = []
    for block in _FENCE.finditer(text[:200_000]):
        for line in block.group(2).splitlines()[:200]:
            for field in _FIELDS.split(line[:MAX_LENGTH]):
                if "=" not in field or len(field) > MAX_LENGTH:
                    continue
                folded = _fold(field.split(":")[-1])  # (a label before it: "Layer1:    z1 = …")
                if _definition(folded) is not None:
                    out.append(folded)
                if len(out) >= MAX_DEFINITIONS:
                    return tuple(out)
    return tuple(out)


def _candidates(claims, code: tuple) -> list[str]:
    out = list(code)
    for c in list(claims)[:2000]:
        if len(out) >= MAX_DEFINITIONS:
            break
        if "=" not in c.latex or len(c.latex) > 8 * MAX_LENGTH:
            continue
        for row in re.split(r"\\\\|;|\\q?quad(?![A-Za-z])|,\s*(?=[A-Za-z]_?\{?\d)", c.latex):
            if "=" in row and len(row) <= MAX_LENGTH and _definition(_fold(row)) is not None:
                out.append(_fold(row))
    return out[:MAX_DEFINITIONS]


def _definition(folded: str):
    """(name, "sum", terms, bias) or (name, "act", input, function) of a folded row's first two sides, else None."""
    parts = folded.split("=")
    if len(parts) < 2 or (lhs := _LHS.search(parts[0])) is None:
        return None
    rhs = parts[1].rstrip(".,")
    if (m := _SUM.fullmatch(rhs)) is not None:
        return lhs.group(1), "sum", frozenset((a.group(1), a.group(2)) for a in _PAIR.finditer(m.group(1))), m.group(2)
    if (m := _ACT.fullmatch(rhs)) is not None:
        return lhs.group(1), "act", m.group(2), m.group(1)
    return None


def _num(name: str) -> int:
    return int(name[1:])


def reading(claims, net, convention: str, code: tuple = ()) -> Units | None:
    """The answer's unit names as macros, or None where its definitions do not settle every one (module docstring)."""
    sums: dict[str, tuple[frozenset, str | None]] = {}
    acts: dict[str, tuple[str, str]] = {}
    for text in _candidates(claims, code):
        name, kind, what, extra = _definition(text)
        if kind == "act":
            if acts.setdefault(name, (what, extra))[0] != what:
                return None  # (a name defined twice, differently)
            continue
        pairs = frozenset(frozenset(p) for p in what)
        known = sums.get(name)
        if known is None or frozenset(frozenset(p) for p in known[0]) < pairs:
            sums[name] = (what, extra if known is None or extra else known[1])  # (the fullest of its definitions)
        elif not pairs <= frozenset(frozenset(p) for p in known[0]):
            return None  # (z_3 = h_1 w_5 after z3 = w5*h1 + w6*h2 is the same sum cut to one term; else a conflict)
    if len(sums) < 2 or not acts:
        return None
    sizes, depth = list(net.sizes), net.depth
    outputs = {out: s for out, (s, _) in acts.items() if s in sums}
    layer: dict[str, int] = {}

    def value_layer(name: str) -> int | None:
        if name in outputs:
            return layer.get(outputs[name])
        if name[0] in "xi" and name not in sums and name not in acts:
            return 0
        return None

    weights: dict[str, tuple] = {}
    for _ in range(depth + 1):  # layer by layer: a sum's layer is one past its inputs'
        for name, (terms, _b) in sums.items():
            if name in layer:
                continue
            ins = []
            for a, b in terms:
                la, lb = value_layer(a), value_layer(b)
                if (la is None) == (lb is None):
                    if a in outputs and outputs[a] not in layer or b in outputs and outputs[b] not in layer:
                        break  # (its inputs' layer not known yet)
                    return None  # (both factors values, or neither: which is the weight is not said)
                ins.append((b, a, la) if la is not None else (a, b, lb))
            else:
                if len({l for _, _, l in ins}) == 1:
                    layer[name] = ins[0][2] + 1
    if len(layer) != len(sums):
        return None
    by_layer = {l: sorted((n for n in sums if layer[n] == l), key=_num) for l in range(1, depth + 1)}
    inputs = sorted({v for terms, _ in sums.values() for a, b in terms for v in (a, b) if value_layer(v) == 0}, key=_num)
    if [len(inputs)] + [len(by_layer[l]) for l in range(1, depth + 1)] != sizes or len({n[0] for n in inputs}) != 1:
        return None
    units = {0: inputs}
    for l in range(1, depth + 1):
        outs = [next((o for o, s in outputs.items() if s == n), None) for n in by_layer[l]]
        if l < depth and None in outs or len({o[0] for o in outs if o}) > 1:
            return None
        units[l] = outs
        for n in by_layer[l]:
            fn = acts[next(o for o, s in outputs.items() if s == n)][1] if n in outputs.values() else None
            if fn in _KNOWN and _KNOWN[fn] != net.layers[l - 1].activation:
                return None
    macros: list[tuple[str, str]] = []
    used: set[str] = set()
    for l in range(1, depth + 1):
        below = units[l - 1]
        for j, n in enumerate(by_layer[l], start=1):
            terms, bias = sums[n]
            fed = {}
            for a, b in terms:
                w, v = (a, b) if value_layer(b) is not None else (b, a)
                if v in fed or w in used:
                    return None
                fed[v] = w
                used.add(w)
            if set(fed) != set(below):
                return None  # (not fed by every unit of the layer below exactly once)
            for k, v in enumerate(below, start=1):
                entry = f"{k}{j}" if convention == "column" else f"{j}{k}"
                weights[fed[v]] = (l, entry)
            macros.append((_spelt(n), f"z^{{({l})}}_{{{j}}}"))
            if bias is not None and bias[1:] and sum(1 for m, (_t, bb) in sums.items() if bb == bias) == 1:
                macros.append((_spelt(bias), f"b^{{({l})}}_{{{j}}}"))
            out = units[l][j - 1]
            if out is not None:
                macros.append((_spelt(out), f"\\hat{{y}}_{{{j}}}" if l == depth else f"h^{{({l})}}_{{{j}}}"))
    if len({w[0] for w in weights}) != 1:
        return None  # (the weights' letter: one for the whole network)
    mazur = all(w[0] == "w" and _num(w) == _mazur_number(l, e, sizes, convention) for w, (l, e) in weights.items())
    if not mazur:  # (Mazur's own numbering, layer by layer: the parser reads w_5 and w_5^+ so, with no macro)
        macros += [(_spelt(w), f"W^{{({l})}}_{{{e}}}") for w, (l, e) in weights.items()]
    if inputs[0][0] != "x":
        macros += [(_spelt(v), f"x_{{{k}}}") for k, v in enumerate(inputs, start=1)]
    macros += [(f"{word}_{k}", f"{letter}_{{{k}}}") for k in range(1, sizes[-1] + 1)
               for word, letter in (("target", "y"), ("output", "\\hat{y}"))]  # (Mazur's words, by the output's number)
    letters = sorted({s[0] for s, _ in macros if len(s.split("_")[0]) == 1})
    full = tuple((n, frozenset(frozenset(p) for p in terms)) for n, (terms, _b) in sorted(sums.items()))
    return Units(tuple(macros), mazur, f"{', '.join(letters)} numbered unit by unit by the answer's own forward pass "
                                       f"({_example(macros)})", full)


def _mazur_number(layer: int, entry: str, sizes, convention: str) -> int:
    """Mazur's number of the weight of W^{(layer)} at ``entry`` (one digit each): every unit's incoming weights in turn,
    layer by layer (parser.mazur_weight)."""
    to, source = (int(entry[1]), int(entry[0])) if convention == "column" else (int(entry[0]), int(entry[1]))
    before = sum(sizes[k - 1] * sizes[k] for k in range(1, layer))
    return before + (to - 1) * sizes[layer - 1] + source


def _spelt(name: str) -> str:
    return f"{name[0]}_{{{name[1:]}}}"


def _example(macros: list) -> str:
    shown = [f"{k} is {v}" for k, v in macros if len(k.split("_")[0]) == 1][:3]
    return "; ".join(shown)


def layered(text: str, letters) -> bool:
    """Whether the answer writes any of ``letters`` with a layer script (then its numbers are layers, not units)."""
    return any(re.search(_LAYERED.format(re.escape(x)), text[:200_000]) for x in letters)


def cut_sum(latex: str, sums: tuple) -> str | None:
    """A claim restating a unit's sum with only some of its terms (star-bits' "Since z_3 = h_1 · w_5", then ∂z_3/∂w_5
    = h_1: the term the derivative needs, cut from z3 = w5*h1 + w6*h2): the unit's name, else None. Such a line is no
    new definition and no slip a TA marks; it is not judged as the whole sum."""
    if len(latex) > MAX_LENGTH or latex.count("=") != 1:
        return None
    found = _definition(_fold(latex))
    if found is None or found[1] != "sum" or found[3] is not None:
        return None
    terms = frozenset(frozenset(p) for p in found[2])
    full = dict(sums).get(found[0])
    return found[0] if full is not None and terms < full else None
