r"""Nilsson's letters (issue 10, thirty-sixth round): *Introduction to Machine Learning* (his Stanford notes, §4.4,
backpropagation) writes the i-th sigmoid unit of the j-th layer with its weight vector and its input vector,

    s_i^{(j)} = \mathbf{X}^{(j-1)} \cdot \mathbf{W}_i^{(j)},   f_i^{(j)} = \frac{1}{1 + e^{-s_i^{(j)}}},   \varepsilon = (d - f)^2,
    \frac{\partial \varepsilon}{\partial \mathbf{W}_i^{(j)}} = -2 \delta_i^{(j)} \mathbf{X}^{(j-1)},
    \delta_i^{(j)} = (d - f) \frac{\partial f}{\partial s_i^{(j)}},
    \mathbf{W}_i^{(j)} \leftarrow \mathbf{W}_i^{(j)} + c_i^{(j)} \delta_i^{(j)} \mathbf{X}^{(j-1)},
    \delta^{(k)} = (d - f^{(k)}) f^{(k)} (1 - f^{(k)}),
    \delta_i^{(j)} = f_i^{(j)} (1 - f_i^{(j)}) \sum_{l=1}^{m_{j+1}} \delta_l^{(j+1)} w_{il}^{(j+1)}

— s a unit's summed input, f its output (f alone the network's, f^{(k)} the final layer k's), \mathbf{X}^{(j-1)} the vector
the j-th layer reads, \mathbf{W}_i^{(j)} unit i's weights, w_{il}^{(j+1)} the weight from unit i of layer j to unit l of
layer j + 1 (source first), d the desired response, ε the squared error (no ½), c the learning rate, δ = (d − f) ∂f/∂s
(minus half ε's derivative, minus J's). A TA reads the letters from those definitions; so does ``NilssonLetters``,
only where the answer writes s_i^{(j)} and f_i^{(j)} and the desired response d beside f or the input vectors
\mathbf{X}^{(j)}. Then s becomes ``z``, f ``h`` (f alone ``\hat{y}``), X ``h`` (X^{(0)} the input ``x``), W_i the unit's weights
``W^{(j)}_i``, w_{il} ``W^{(j)}_{il}`` (option ``entries_source_first``), d ``y``, c ``\eta``, ε the objective ``E`` (its scale
is read from its definition, as any objective's), the layer j gradproof's generic l, the final layer k ``L``, the unit
letter l a Latin letter no subscript of the claim uses; δ is written as minus gradproof's δ, ``(-\delta^{(l)}_i)`` (the
readings are the claim's own, no option for the whole answer that another notation in it would feel). Each claim is
restored as written in the report. Every pass is a linear scan of claims of bounded length.
"""

from __future__ import annotations

import re

from .rewriting import BOLD, Placeholders, Rewriting, fresh_letters, layered_y, letter_scripts, name_back, replace_heads

MAX_LENGTH = 4000
#: the heads read: s, f, c (as quantities: not f(…)), \mathbf{X}, \mathbf{W}, w
_HEAD = re.compile(r"(?:" + BOLD + r"([XW])\s*\}|(?<![A-Za-z\\{])([sfcXWw])|\\(delta))(?![A-Za-z(])")
#: a layer superscript: (j), (j-1), (j+1), (k), (2)
_LAYER = re.compile(r"^\{\s*\(\s*(?:[jk](?:\s*[+-]\s*1)?|\d)\s*\)\s*\}$")
#: the desired response beside the output: (d - f), d - f^{(k)}, (f - d)
_DESIRED = re.compile(r"(?<![A-Za-z\\])d(?![A-Za-z])(?=\s*(?:-\s*f(?![A-Za-z])|\)))")
#: what decides the reading: s_i^{(j)} and f_i^{(j)} (either script first)
_S_UNIT = re.compile(r"(?<![A-Za-z\\])s\s*(?:_\s*\{?\s*i\s*\}?\s*\^\s*\{\s*\(\s*j\s*\)\s*\}|\^\s*\{\s*\(\s*j\s*\)\s*\}\s*_\s*\{?\s*i)")
_F_UNIT = re.compile(r"(?<![A-Za-z\\])f\s*(?:_\s*\{?\s*i\s*\}?\s*\^\s*\{\s*\(\s*j\s*\)\s*\}|\^\s*\{\s*\(\s*j\s*\)\s*\}\s*_\s*\{?\s*i)")
_INPUT_VECTOR = re.compile(BOLD + r"X\s*\}\s*\^")
_ERROR = re.compile(r"\\(?:varepsilon|epsilon)(?![A-Za-z])")
#: the layer j in a layer script: (j), (j-1), (j+1)
_LAYER_J = re.compile(r"\^\s*\{\s*\(\s*j")
#: a function applied or primed after a letter: (…), \left(, ', ^\prime
_APPLIED = re.compile(r"\s*(?:\(|\\left\s*\(|'|\^\s*\{?\s*\\prime)")
#: the final layer k as a layer script
_FINAL = re.compile(r"\(\s*k\s*\)")


#: a unit's summed input as the dot product of augmented vectors: \mathbf{X}^{(j-1)} \cdot \mathbf{W}_i^{(j)}
_DOT = re.compile(BOLD + r"X\s*\}\s*\^\s*\{\s*\(\s*(?P<x>[jk0-9](?:\s*[+-]\s*1)?)\s*\)\s*\}\s*\\cdot\s*" + BOLD
                  + r"W\s*\}\s*(?:_\s*\{?\s*(?P<i>[a-z])\s*\}?\s*\^\s*\{\s*\(\s*(?P<w>[jk0-9](?:\s*[+-]\s*1)?)\s*\)\s*\})")


def _before(x: str, w: str) -> bool:
    """Whether layer ``x`` is the one before layer ``w`` (j-1 before j, 1 before 2): X^{(j-1)} feeds W^{(j)}."""
    x, w = x.replace(" ", ""), w.replace(" ", "")
    if x.isdigit() and w.isdigit():
        return int(x) + 1 == int(w)
    return x == f"{w}-1" or w == f"{x}+1"


#: a subscript: _l, _{il}, _{l=1}
_SUBSCRIPT = re.compile(r"_\s*(?:\{[^{}$]{1,12}\}|[A-Za-z])")
#: a weight's two unit letters: _{il}, _{li}
_PAIR_SCRIPT = re.compile(r"_\s*\{\s*[a-z]\s*,?\s*[a-z]\s*\}")


def _unit_letter(text: str) -> str | None:
    """The letter Nilsson's unit letter l is read as in this claim (None: the claim writes no l)."""
    if not any(re.search(r"(?<![A-Za-z\\])l(?![A-Za-z])", m.group(0)) for m in _SUBSCRIPT.finditer(text)) and not any(
            "l" in m.group(0) for m in _PAIR_SCRIPT.finditer(text)):
        return None
    letters = fresh_letters(text, ["l"], avoid="scef")  # (s, c, f his sums, rates and outputs; e Euler's)
    return None if letters is None else letters["l"]


class NilssonLetters(Rewriting):
    """The rewriting of an answer in Nilsson's letters; None from ``detect`` when it is not one."""

    max_length = MAX_LENGTH
    options = (("entries_source_first", True), ("weight_units", True))

    def __init__(self):
        self.originals: dict[str, str] = {}
        self.change = ("s_i^{(j)} is the summed input and f_i^{(j)} the output of unit i in layer j (f alone the "
                       "network's), X^{(j-1)} the input vector of layer j, W_i^{(j)} unit i's weights, d the desired "
                       "response, ε the squared error, c the learning rate, δ = (d − f) ∂f/∂s (Nilsson)")

    @staticmethod
    def detect(net, claims) -> NilssonLetters | None:
        if getattr(net, "has_kinds", False):
            return None
        texts = [c.latex for c in claims if len(c.latex) <= MAX_LENGTH]
        if not (any(_S_UNIT.search(t) for t in texts) and any(_F_UNIT.search(t) for t in texts)
                and any(_DESIRED.search(t) or _INPUT_VECTOR.search(t) for t in texts)) or layered_y(texts):  # (d → y)
            return None
        return NilssonLetters()

    def rewrite(self, text: str) -> str:
        kept = Placeholders()
        if not kept.usable(text):
            return text
        keep = kept.keep
        text = _DESIRED.sub(lambda m: keep("y"), text)
        text = _DOT.sub(lambda m: keep(f"z^{{({m.group('w').replace('j', 'l')})}}_{m.group('i')}")
                        if _before(m.group("x"), m.group("w"))
                        else m.group(0), text)  # (augmented vectors: the threshold is a weight, X's last entry 1)
        unit = _unit_letter(text)
        if unit is not None:  # (l, a unit of the layer after: gradproof's generic layer letter; w_{il} too — in
            # subscripts only: a superscript l is another notation's layer)
            text = _SUBSCRIPT.sub(lambda m: re.sub(r"(?<![A-Za-z\\])l(?![A-Za-z])|(?<=[a-z])l(?=[a-z}])|(?<=[a-z])l$",
                                                   unit, m.group(0)), text)
        text = _ERROR.sub(lambda m: keep("E"), text)

        def head(m: re.Match):
            end, sub, sup = letter_scripts(text, m.end(), _LAYER.match)
            if sub is None and sup is None and _APPLIED.match(text, end):  # (f(…), f': a function, not the output)
                return None
            made = self._read(m.group(1) or m.group(2) or m.group(3), bool(m.group(1)), sub, sup)
            return None if made is None else (keep(made), end)

        text = replace_heads(text, _HEAD, head)
        return kept.restore(text)

    def relabel(self, results) -> None:
        """Each result names the unit letter l and the layer j as written: before ``restore``."""
        for r in results:
            original = self.originals.get(r.id)
            if original is None:
                continue
            unit = _unit_letter(original)
            name_back(r, {**({unit: "l"} if unit else {}), **({"l": "j"} if _LAYER_J.search(original) else {})})

    @staticmethod
    def _read(head: str, bold: bool, sub: str | None, sup: str | None) -> str | None:
        """The house spelling of one of the letters with its scripts; None to leave it as written."""
        layer = _FINAL.sub("(L)", sup).replace("j", "l") if sup else None  # (j the layer: gradproof's generic l)
        entry = f"_{sub}" if sub else ""
        if head == "f" and sup is None and sub is None:
            return "\\hat{y}"  # (f alone: the network's output)
        if layer is None:
            return None
        if head == "delta":  # (δ = (d − f) ∂f/∂s: minus J's derivative, written so; δ^{(k)} the final layer's)
            return f"(-\\delta^{layer}{entry})"
        if head in "sf":
            return f"{'z' if head == 's' else 'h'}^{layer}{entry}"
        if head == "c":
            return "\\eta"
        if head == "X" and bold and sub is None:
            return "x" if sup.strip("{}() ") == "0" else f"h^{layer}"
        if head == "W" and bold:
            return f"W^{layer}{entry}"
        if head == "w" and sub is not None and len(sub.strip("{} ")) == 2:
            i, j = sub.strip("{} ")
            return f"W^{layer}_{{{i}{j}}}"
        return None
