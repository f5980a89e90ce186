"""δ numbered from the input as layer 1 while the answer's z and W count from 0: Britz's notebook writes
z_1 = x W_1 + b_1, z_2 = a_1 W_2 + b_2 for a two-layer network, then δ_3 = ŷ − y (the output's ∂L/∂z_2) and
δ_2 = (1 − tanh² z_1) ∘ δ_3 W_2^T (the hidden layer's). A δ index one past the network's last layer, defined as the
output's error, can only be read so; then every δ of the answer is one layer down. Nothing else moves.

One linear regular expression per claim's normalised text; the reading is a [notation] option (``delta_offset``)."""

from __future__ import annotations

import re

#: δ_3 = \hat y − y, δ^{(3)} = a − y: a δ with a layer number defined as the output's error
_OUTPUT_DELTA = re.compile(r"^\s*\\delta\s*(?:_\s*\{?\s*(\d)\s*\}?|\^\s*\{?\s*\(?\s*(\d)\s*\)?\s*\}?)\s*=\s*"
                           r"(?:\\hat\s*\{?\s*y\s*\}?|\\haty|\\hat\{y\})\s*-\s*y\s*$")
#: the layer numbers on the answer's other letters (z_1, W_2, a_1, b_2): they must reach the last layer and stop there
_OTHER_NUMBER = re.compile(r"(?<![A-Za-z\\])[zaWbh]\s*_\s*\{?\s*(\d)(?![\d,])")
#: every δ with a layer number written
_DELTA_NUMBER = re.compile(r"\\delta\s*(?:_\s*\{?\s*(\d)|\^\s*\{?\s*\(?\s*(\d))")


def delta_offset(texts, depth: int, input_layer: int = 0) -> tuple:
    """``(("delta_offset", 1),)`` when the answer's δ run from 2 to depth + 1, and either δ_{depth+1} = ŷ − y or its
    other letters' layer numbers (z_1, W_2) reach exactly the last layer (they count from 0), else ()."""
    if not depth or input_layer:
        return ()
    numbers, output = set(), False
    for text in texts:
        numbers.update(int(a or b) for a, b in _DELTA_NUMBER.findall(text))
        m = _OUTPUT_DELTA.match(text)
        if m and int(m.group(1) or m.group(2)) == depth + 1:
            output = True
    others = {int(n) for text in texts for n in _OTHER_NUMBER.findall(text)}
    if numbers and max(numbers) == depth + 1 and min(numbers) >= 2 and (output or others and max(others) == depth):
        return (("delta_offset", 1),)
    return ()
