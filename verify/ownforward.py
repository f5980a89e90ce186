"""The answer's own forward letters, bound by its forward definitions (issue 10): a letter defined as a bias plus a
weight times a layer's values, ``f_k = β_k + Ω_k h_k`` (Prince, Understanding Deep Learning), is that layer's summed
input, its two letters the layer's bias and weights — whatever the letters and whatever their index offset.

Each definition ``F_a = B_b + M_c H_d`` (or ``M_c H_d + B_b``; ``H`` the activation ``h``/``a`` with a layer or the
input ``x``, layer 0) fixes how the answer numbers its parameters and its summed input relative to the layer they are
computed from: ``c = d + 1`` is gradproof's numbering (``W^{(l)}`` feeds layer l), ``c = d`` numbers them by the layer
they leave (``weights_numbered_by = "source"``), and the same for ``F`` (``summed_numbered_by``). Every such
definition must agree, and at least two must be written; otherwise nothing is bound. A letter applied with square
brackets in a definition of an activation (``h_k = a[f_{k-1}]``) is the activation function. The generic index
(``k``, with ``k-1``, ``k+1``) becomes the answer's layer letter; its example index (``\\ell_i``, ``x_i``, ``y_i`` in a
claim about one example) is read away in a one-example judge (option ``example_letter``).

Untrusted input: one linear regular expression per claim's normalised text, over every claim (at most
2000: a reading taken from the first 500 only missed an answer after them).
"""

from __future__ import annotations

import re

from .parser import BASES, LOSSES

#: an index: a digit, or a letter with an offset of one (k, k-1, k+1), braced or not
_IDX = r"(?:\{\s*(?P<NAME>[a-z0-9](?:\s*[+-]\s*1)?)\s*\}|(?P<NAMEb>[a-z0-9]))"
_LETTER = r"(?P<NAME>\\[A-Za-z]+|[A-Za-z])\s*_\s*"


def _part(name: str) -> str:
    return _LETTER.replace("NAME", name) + _IDX.replace("NAME", name + "i")


#: F_a = B_b + M_c H_d, or = M_c H_d + B_b (the activation H with its layer, or the input x with no index or x_i)
_INPUT = r"(?:(?P<H>[ha])\s*_\s*" + _IDX.replace("NAME", "Hi") + r"|(?P<X>x)(?:\s*_\s*\{?\s*i\s*\}?)?)"
_AFFINE_BM = re.compile(r"^\s*" + _part("F") + r"\s*=\s*" + _part("B") + r"\s*\+\s*" + _part("M") + r"\s*(?:\\cdot\s*)?"
                        + _INPUT + r"\s*[.,]?\s*$")
_AFFINE_MB = re.compile(r"^\s*" + _part("F") + r"\s*=\s*" + _part("M") + r"\s*(?:\\cdot\s*)?" + _INPUT + r"\s*\+\s*"
                        + _part("B") + r"\s*[.,]?\s*$")
#: an activation applied with square brackets: h_k = a[f_{k-1}]
_BRACKET_ACTIVATION = re.compile(r"^\s*h\s*_\s*(?:\{[^{}]{1,8}\}|[a-z0-9])\s*=\s*(?P<fn>[A-Za-z])\s*\[")
#: one example's loss with its index, and the example's input or target with the same index
_EXAMPLE_LOSS = re.compile(r"\\ell\s*_\s*\{?\s*(?P<i>[in])\b")
_DERIVATIVE = re.compile(r"\\partial|\\nabla|\\frac\s*\{\s*d")


def _index(m: re.Match, name: str):
    """The index written on a part: an int, or (letter, offset)."""
    raw = m.group(name) or m.group(name + "b")
    if raw is None:
        return None
    raw = raw.replace(" ", "")
    if raw.isdigit():
        return int(raw)
    off = int(raw[1:]) if len(raw) > 1 else 0
    return (raw[0], off)


def _minus(a, b):
    """a − b for two indices of the same kind (both numbers, or the same letter with offsets), else None."""
    if isinstance(a, int) and isinstance(b, int):
        return a - b
    if isinstance(a, tuple) and isinstance(b, tuple) and a[0] == b[0]:
        return a[1] - b[1]
    return None


def _name(letter: str) -> str:
    return letter[1:] if letter.startswith("\\") else letter


def _definitions(texts, match) -> list:
    """The matches of ``match`` on the forward definitions among ``texts`` (an = and no derivative, 300 characters)."""
    return [m for text in texts if len(text) <= 300 and "=" in text and not _DERIVATIVE.search(text) and (m := match(text))]


def _one_reading(found: list) -> tuple | None:
    """(F, B, M): the one letter each definition in ``found`` gives its output, bias and weights, when there are two
    definitions at least and they agree; else None."""
    letters = {(_name(m.group("F")), _name(m.group("B")), _name(m.group("M"))) for m in found}
    return letters.pop() if len(found) >= 2 and len(letters) == 1 else None


def own_forward(texts, declared: set):
    """(bases, functions, options, changes) read from the normalised claim texts, or None when the answer writes no
    such definitions (or they disagree, or a letter is declared)."""
    found = _definitions(texts, lambda text: _AFFINE_BM.match(text) or _AFFINE_MB.match(text))
    letters = _one_reading(found)
    if letters is None:
        return None
    f, b, w = letters
    if len({f, b, w}) != 3 or {f, b, w} & declared or "x" in (f, b, w):
        return None
    known = {k for k in (f, b, w) if k in BASES and k not in LOSSES}
    if known == {f, b, w}:
        return None  # the course's own letters (z = W h + b): nothing to bind
    if BASES.get(f, "z") != "z" or BASES.get(b, "b") != "b" or BASES.get(w, "W") != "W":
        return None  # a letter gradproof reads otherwise (h, a, x …) defined as an affine map: not bound
    weight_off, summed_off, letter = set(), set(), set()
    for m in found:
        h = 0 if m.group("X") else _index(m, "Hi")
        fi, bi, wi = _index(m, "Fi"), _index(m, "Bi"), _index(m, "Mi")
        if h is None or _minus(bi, wi) != 0:
            return None
        weight_off.add(_minus(wi, h))
        summed_off.add(_minus(fi, h))
        letter |= {x[0] for x in (fi, wi) if isinstance(x, tuple)}
    if len(weight_off) != 1 or len(summed_off) != 1 or not weight_off <= {0, 1} or not summed_off <= {0, 1}:
        return None
    if len(letter) > 1 or letter & {"i", "j", "n", "t", "x"}:
        return None
    options, changes = [], []
    bases = ((f, "z"), (b, "b"), (w, "W"))
    if weight_off == {0}:
        options.append(("weights_numbered_by", "source"))
    if summed_off == {0}:
        options.append(("summed_numbered_by", "source"))
    if letter and letter != {"l"}:
        options.append(("layer_letter", letter.pop()))
    numbered = " (numbered by the layer they leave)" if weight_off == {0} else ""
    changes.append(f"{f} is the summed input, {b} the bias and {w} the weights{numbered}: their own definitions "
                   f"{f} = {b} + {w} h")
    functions = ()
    fns = {m.group("fn") for t in texts if (m := _BRACKET_ACTIVATION.match(t))}
    if len(fns) == 1 and (fn := fns.pop()) not in declared and BASES.get(fn) in (None, "h"):
        functions = ((fn, "phi"),)
        changes.append(f"{fn}[…] is the activation function, applied with square brackets")
    return bases, functions, tuple(options), tuple(changes)


#: an example's input declared a vector in the text, inline too: \mathbf{x}_i \in \mathbb{R}^d, x_n \in R^{D}
_EXAMPLE_VECTOR = re.compile(r"(?<![A-Za-z\\])x\s*(?:\}\s*)?_\s*(?:\{\s*)?([inm])\s*(?:\}\s*)?\\in\s*\\mathbb\s*(?:\{\s*)?R"
                             r"\s*(?:\}\s*)?\^\s*(?:\{\s*)?[a-zA-Z]")  # (the raw text: no two \s* side by side, linear)


def example_vector(text: str) -> str | None:
    """The index an answer numbers its examples by when it says so, "for inputs x_i ∈ ℝ^d, labels y_i" (a vector of
    d entries numbered i is an example, not an entry); else None. One linear search of a bounded text."""
    m = _EXAMPLE_VECTOR.search(text[:200_000])
    return m.group(1) if m else None


def example_letter(texts, batch: int) -> str | None:
    """The index of one example the answer writes its loss with (Prince's ``\\ell_i`` with ``x_i``, ``y_i``), in a
    one-example judge; else None."""
    if batch != 1:
        return None
    joined = " ".join(texts)
    m = _EXAMPLE_LOSS.search(joined)
    if not m:
        return None
    i = m.group("i")
    if not re.search(rf"(?<![A-Za-z\\])[xy]\s*_\s*\{{?\s*{i}\b", joined):
        return None
    return i


#: one index on a part of a numbered-from-0 definition: a digit, or a letter with an offset of one
_ZIDX = r"(?:\{\s*(?P<NAME>[0-9a-z](?:\s*[+-]\s*1)?)\s*\}|(?P<NAMEb>[0-9a-z]))"
_T = r"(?:\s*\^\s*\{?\s*(?:T|\\top|\\intercal|t)\s*\}?)?"


def _zpart(letters: str, name: str) -> str:
    return rf"(?P<{name}L>[{letters}])\s*_\s*" + _ZIDX.replace("NAME", name)


#: a ones column before the bias (CMU's \iota_N, \mathbf{1}): optional
_ONES = r"(?:(?:\\iota|\\indicator|1)(?:\s*_\s*\{?\s*[NnmB]\s*\}?)?\s*(?:\\cdot\s*)?)?"
_ZINPUT = r"(?:" + _zpart("AaHh", "H") + r"|(?P<X>[Xx])(?![_A-Za-z]))"
#: Z_k = A_k W_k^T + \iota_N b_k^T (samples as rows) or Z_k = W_k A_k + b_k (columns), X the input
_ZERO_ROWS = re.compile(r"^\s*" + _zpart("Zz", "F") + r"\s*=\s*" + _ZINPUT + r"\s*(?:\\cdot\s*)?" + _zpart("Ww", "M") + _T
                        + r"\s*\+\s*" + _ONES + _zpart("bB", "B") + _T + r"\s*[.,]?\s*$")
_ZERO_COLS = re.compile(r"^\s*" + _zpart("Zz", "F") + r"\s*=\s*" + _zpart("Ww", "M") + _T + r"\s*(?:\\cdot\s*)?"
                        + _ZINPUT + r"\s*\+\s*" + _zpart("bB", "B") + r"\s*[.,]?\s*$")
#: A_{k+1} = f(Z_k): an activation of the summed input one index below
_ZERO_ACTIVATION = re.compile(r"^\s*" + _zpart("AaHh", "H") + r"\s*=\s*\\?[A-Za-z]+(?:\s*_\s*(?:\{\s*\w{1,8}\s*\}|\w))?\s*\(\s*"
                              + _zpart("Zz", "F") + r"\s*\)\s*[.,]?\s*$")


def numbered_from_zero(texts, declared: set) -> bool:
    """Whether the answer numbers its affine maps from 0 with the course's own letters (CMU 11-785: ``Z_0 = A_0 W_0^T +
    \\iota_N b_0^T``, ``A_1 = \\text{ReLU}(Z_0)``, A_0 the input): every definition ``Z_k = A_k W_k + b_k`` (or ``W_k
    A_k``, X the input as A_0) gives its four parts the same index, one of them writes the first map with index 0, and
    a second definition agrees (another affine map, or an activation ``A_{k+1} = f(Z_k)``). The weights, biases and
    summed inputs are then numbered by the layer they leave, and W_0 is the first layer's weights (not a bias)."""
    if declared & {"Z", "z", "W", "w", "A", "a", "b", "B"}:
        return False
    affine = activations = 0
    zero = False
    for text in texts:
        if len(text) > 200 or "=" not in text or _DERIVATIVE.search(text):
            continue
        m = _ZERO_ROWS.match(text) or _ZERO_COLS.match(text)
        if m:
            h = 0 if m.group("X") else _index(m, "H")
            parts = [_index(m, p) for p in ("F", "M", "B")]
            if h is None or any(_minus(p, h) != 0 for p in parts):
                return False  # one definition numbered otherwise: no certain reading
            affine += 1
            zero = zero or parts[1] == 0
            continue
        m = _ZERO_ACTIVATION.match(text)
        if m and m.group("HL").lower() != "z":
            if _minus(_index(m, "H"), _index(m, "F")) != 1:
                return False
            activations += 1
    return zero and affine >= 1 and affine + activations >= 2


#: an activation applied to an affine map of the same letter one index below, or that affine map alone (a linear
#: output): Deisenroth et al.'s f_i = σ(A_{i-1} f_{i-1} + b_{i-1}), f_K = A_{K-1} f_{K-1} + b_{K-1} (normalised)
_FN = r"(?:\\(?:tanh|sigma|varphi|phi|relu|softmax|operatorname\s*\{\s*\w{2,10}\s*\})|[gh]|\\?(?:ReLU|relu|tanh|sigmoid|softmax))"
_FN_INPUT = _LETTER.replace("NAME", "H") + _IDX.replace("NAME", "Hi")
_OWN_LAYER = re.compile(r"^\s*" + _part("F") + r"\s*=\s*(?:(?P<fn>" + _FN + r")(?:\s*_\s*(?:\{[^{}]{1,8}\}|\w))?\s*\(\s*)?"
                        + _part("M") + r"\s*(?:\\cdot\s*)?" + _FN_INPUT + r"\s*\+\s*" + _part("B") + r"\s*(?(fn)\))\s*[.,]?\s*$")


#: a letter of its own for the network's output, as an affine map of the layers' letter (a linear output layer):
#: Strang's w = F(x) = A_3 v_2 + b_3
_OWN_OUTPUT = re.compile(r"^\s*(?P<Y>[A-Za-z])\s*=\s*(?:[A-Z]\s*\(\s*x\s*\)\s*=\s*)?" + _part("M") + r"\s*(?:\\cdot\s*)?"
                         + _FN_INPUT + r"\s*\+\s*" + _part("B") + r"\s*[.,]?\s*$")


def _own_output(texts, f: str, w: str, b: str, offset: int) -> tuple | None:
    """(letter, layer) where one definition names a layer's output by a bare letter of its own, an affine map (with no
    activation) of the layers' letter ``f`` by their weight and bias letters ``w``, ``b`` written with numbers
    (Strang's ``w = A_3 v_2 + b_3``: w is layer 3's output); ``offset`` is the weight's index minus its input's."""
    for m in _definitions(texts, _OWN_OUTPUT.match):
        hi, wi, bi = (_index(m, k) for k in ("Hi", "Mi", "Bi"))
        if ((_name(m.group("H")), _name(m.group("M")), _name(m.group("B"))) == (f, w, b) and isinstance(hi, int)
                and wi == bi == hi + offset):
            return m.group("Y"), hi + 1
    return None


def own_layers(texts, declared: set):
    """(bases, options, changes) where the answer names every layer's output by its own letter and defines each as
    an activation of an affine map of the one before (``f_1 = \\tanh(A_0 f_0 + b_0)``, ``f_2 = A_1 f_1 + b_1``: Deisenroth,
    Faisal and Ong's f_i, A_i, b_i, numbered from the input f_0 = x): its output letter is the layers' h, its weight and
    bias letters W and b, numbered by the layer they leave when their index is the input's. None unless two such
    definitions agree in their letters and offsets and none of the letters is declared or is the course's own."""
    found = [m for m in _definitions(texts, _OWN_LAYER.match) if _name(m.group("F")) == _name(m.group("H"))]
    letters = _one_reading(found)
    if letters is None and len(found) == 1 and isinstance(_index(found[0], "Fi"), tuple):
        letters = _one_reading(found * 2)  # Strang's v_k = ReLU(A_k v_{k-1} + b_k): one definition for every layer k
    if letters is None:
        return None
    f, b, w = letters
    if len({f, b, w}) != 3 or {f, b, w} & declared or f in ("h", "a", "x", "z") or w not in ("A", "W", "Theta", "theta"):
        return None
    if BASES.get(b, "b") != "b" or w != "W" and BASES.get(w) not in (None, "W", "h"):
        return None
    offsets, letter = set(), set()
    for m in found:
        fi, hi, wi, bi = (_index(m, k) for k in ("Fi", "Hi", "Mi", "Bi"))
        if _minus(fi, hi) != 1 or _minus(wi, bi) != 0:
            return None
        offsets.add(_minus(wi, hi))
        letter |= {x[0] for x in (fi, wi) if isinstance(x, tuple)}
    if len(letter) > 1 or letter & {"i", "j", "n", "t", "x"}:
        return None
    if len(offsets) != 1 or not offsets <= {0, 1}:
        return None
    options = (("weights_numbered_by", "source"),) if offsets == {0} else ()
    if letter and letter != {"l"}:
        options += (("layer_letter", letter.pop()),)  # (Strang's generic k: the answer's layer letter)
    output = _own_output(texts, f, w, b, offsets.pop())
    if output is not None and output[0] not in declared | {f, b, w, "x", "y"}:
        options += (("own_output", output),)
    numbered = " (numbered by the layer they leave)" if offsets == {0} else ""
    changes = (f"{f}_k is layer k's output ({f}_0 the input), {w} the weights and {b} the biases{numbered}: their own "
               f"definitions {f}_k = φ({w} {f}_{{k-1}} + {b})",)
    return ((f, "h"), (w, "W"), (b, "b")), options, changes
