r"""Units numbered across the whole network, as worked examples in the data-mining textbooks number them (Han, Kamber &
Pei's Figure 9.5: the inputs are units 1–3, the hidden units 4–5, the output unit 6; w_{14}, w_{46}, θ_4, I_4 = Σ_i
w_{i4} O_i + θ_4, O_6, Err_6 = O_6 (1 − O_6)(T_6 − O_6)), and GeeksforGeeks's (y_3, y_4 hidden, y_5 the output, w_{1,3}).

A TA reads a unit's number against the network's layers: with the spec's sizes (inputs n_0, then n_1, …) unit u lies in
the layer whose block of numbers holds it, counted from 1 at the first input. The reading is settled by the weights the
answer writes (``weight_numbering``): every weight with two unit numbers joins two adjacent layers' blocks, all in the
same order (from the lower number to the higher, or the other way), and at least one number lies past every layer's
size — so the numbers cannot be entry indices of one weight matrix (w_{12} of a 3-2-1 network stays an entry). One
weight that joins no adjacent blocks and the answer's numbers are not read so.

Then (``UnitNumbers.node``): w_{ij} is the entry of W^{(l)} joining units i and j; θ_j (Han & Kamber's bias) and b_j the
bias entry of unit j; O_j (o_j) the output of unit j — an input's x, a hidden unit's h^{(l)}, the output's ŷ —; I_j and
net_j its summed input; T_j the target of output unit j; Err_j (Han & Kamber) −∂E/∂I_j, and δ_j the derivative by the
summed input with the answer's own sign (Judge's delta_sign)."""

from __future__ import annotations

import re

#: a weight with two unit numbers: w_{14}, w_{1,4}, w_{1 4}, W_{46}, w_14 (one digit each: at most 9 units per network)
_PAIR = re.compile(r"(?<![A-Za-z\\])[wW]\s*_\s*(?:\{\s*([1-9])\s*,?\s*([1-9])\s*\}|([1-9])([1-9])(?![0-9]))")
#: the letters read with unit numbers once the weights settle the numbering (bases for the parser: infer.conventions)
LETTERS = (("O", "h"), ("I", "z"), ("Err", "delta"), ("T", "y"))
#: Han & Kamber's error of a unit, Err_j (Err_6), and its output O_j (O_6): the letters of their notation
_ERR_LETTER = re.compile(r"(?<![A-Za-z\\])Err\s*_")
_O_LETTER = re.compile(r"(?<![A-Za-z\\])O\s*_\s*\{?\s*(?:[a-z]|[1-9])")


def blocks(sizes) -> list[tuple[int, int]]:
    """(first, last) unit number of each layer, counted from 1 at the first input."""
    out, start = [], 1
    for n in sizes:
        out.append((start, start + n - 1))
        start += n
    return out


def describe(sizes) -> str:
    """The numbering for a reader: "layer 0: units 1–3, layer 1: units 4–5, …"."""
    return ", ".join(f"layer {k}: units {a}–{b}" for k, (a, b) in enumerate(blocks(sizes)))


def layer_of(unit: int, sizes) -> tuple[int, int] | None:
    """(layer, entry) of a unit number, or None past the last unit."""
    for layer, (first, last) in enumerate(blocks(sizes)):
        if first <= unit <= last:
            return layer, unit - first
    return None


def weight_numbering(text: str, sizes) -> str | None:
    """"source" when every weight the answer writes with two unit numbers is written from the lower layer's unit to
    the higher's (w_{14}: unit 1 to unit 4), "target" when the other way (w_{41}), None when the answer does not number
    its units across the network (see the module's docstring)."""
    if len(sizes) < 3 or sum(sizes) > 9:  # (one hidden layer at least; the numbers are single digits)
        return None
    pairs = {(int(m.group(1) or m.group(3)), int(m.group(2) or m.group(4))) for m in _PAIR.finditer(text[:200_000])}
    if len(pairs) < 2 or not any(max(a, b) > max(sizes) for a, b in pairs):
        return None
    orders = set()
    for a, b in pairs:
        la, lb = layer_of(a, sizes), layer_of(b, sizes)
        if la is None or lb is None:
            return None
        if lb[0] == la[0] + 1:
            orders.add("source")
        elif la[0] == lb[0] + 1:
            orders.add("target")
        else:
            return None
    return orders.pop() if len(orders) == 1 else None


def uses_letters(text: str) -> bool:
    """Whether the answer writes Han & Kamber's letters with unit letters: the error Err_j beside the output O_j."""
    return _ERR_LETTER.search(text[:200_000]) is not None and _O_LETTER.search(text[:200_000]) is not None
