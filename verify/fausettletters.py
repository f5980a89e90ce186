r"""Fausett's letters (issue 10, thirty-sixth round): *Fundamentals of Neural Networks* (§6.1, the backpropagation
algorithm) and the many courses that teach from it write a network with one hidden layer as

    z\_in_j = v_{0j} + \sum_i x_i v_{ij},   z_j = f(z\_in_j),   y\_in_k = w_{0k} + \sum_j z_j w_{jk},   y_k = f(y\_in_k),
    \delta_k = (t_k - y_k) f'(y\_in_k),   \Delta w_{jk} = \alpha \delta_k z_j,   \Delta w_{0k} = \alpha \delta_k,
    \delta\_in_j = \sum_k \delta_k w_{jk},   \delta_j = \delta\_in_j f'(z\_in_j),   \Delta v_{ij} = \alpha \delta_j x_i,
    w_{jk}(\text{new}) = w_{jk}(\text{old}) + \Delta w_{jk}

— x_i the input, z_j the hidden and y_k the output units, t_k the target, z_in and y_in their summed inputs, v_{ij} and
w_{jk} the weights from unit to unit (source first), v_{0j} and w_{0k} the biases, δ the error information terms (minus
the derivatives by the summed inputs), δ_in_j the hidden unit's summed delta inputs (minus the derivative by its
output), α the learning rate, (new) = (old) + Δ the update. A TA reads the letters from those definitions; so does
``FausettLetters``, only in a network with one hidden layer and only where the answer writes a summed input z_in or
y_in (``z\_in_j``, ``z_{in,j}``, ``z_{in_j}``, in ``\text`` or not). Then z_in_j, y_in_k become ``z^{(1)}_j``, ``z^{(2)}_k``;
z_j ``h^{(1)}_j``, y_k ``\hat{y}_k``, t_k ``y_k``; v_{ij}, w_{jk} ``W^{(1)}_{ji}``, ``W^{(2)}_{kj}`` written target first
(``entries_target_first``), v_{0j}, w_{0k} the biases; δ_k, δ_j minus the layers' δ and δ_in_j minus ∂J/∂h^{(1)}_j,
written so claim by claim (option ``delta_sign`` 1: never twice); the update an assignment. Each claim is restored as
written in the report. Every pass is a linear scan of claims of bounded length.
"""

from __future__ import annotations

import re

from .rewriting import NO_LAYER_SCRIPT, Placeholders, Rewriting, new_old_update

MAX_LENGTH = 4000
#: a summed input named X_in: z\_in_j, z_{in,j}, z_{in_j}, z_{\text{in}, j}, \text{z\_in}_j, \delta\_in_j, y\_in_{k}
_IN = re.compile(r"(?P<tx>\\(?:text|mathrm)\s*\{\s*)?(?P<b>[zy]|\\delta)\s*(?:\\_|_)\s*(?:\{\s*(?P<ti>\\(?:text|mathrm)\s*\{\s*)?in"
                 r"\s*(?(ti)\})\s*(?:,|\\,|_|\\_)?\s*(?:\{\s*(?P<u1>[jk])\s*\}|(?P<u0>[jk]))\s*\}|in\s*(?(tx)\})\s*_\s*"
                 r"(?:\{\s*(?P<u2>[jk])\s*\}|(?P<u3>[jk])(?![A-Za-z])))")
#: a unit's letter with its unit index (no pattern of its own): x_i, z_j, y_k, t_k, \delta_k, \delta_j, v_{ij}, w_{jk}
_UNIT = re.compile(r"(?:(?P<d>\\delta)|(?<![A-Za-z\\])(?P<n>[xzytvw]))\s*_\s*(?:\{\s*(?P<a>[0ijk])\s*,?\s*(?P<b>[ijk])?\s*\}|"
                   r"(?P<c>[ijk]))(?![A-Za-z])" + NO_LAYER_SCRIPT)
_LAYER_OF = {"i": 0, "j": 1, "k": 2}


class FausettLetters(Rewriting):
    """The rewriting of an answer in Fausett's letters; None from ``detect`` when it is not one."""

    max_length = MAX_LENGTH
    options = (("entries_target_first", True), ("delta_sign", 1))

    def __init__(self):
        self.originals: dict[str, str] = {}
        self.change = ("x_i is the input, z_j the hidden and y_k the output units, t_k the target, z_in and y_in the summed "
                       "inputs, v_{ij} and w_{jk} the weights from unit to unit (v_{0j}, w_{0k} the biases), δ the error "
                       "information terms (minus the derivatives), α the learning rate (Fausett)")

    @staticmethod
    def detect(net, claims) -> FausettLetters | None:
        if net.depth != 2 or getattr(net, "has_kinds", False):
            return None
        texts = [c.latex for c in claims if len(c.latex) <= MAX_LENGTH]
        return FausettLetters() if any(m.group("b") in "zy" for t in texts for m in _IN.finditer(t)) else None

    def rewrite(self, text: str) -> str:
        kept = Placeholders()
        if not kept.usable(text):
            return text
        keep = kept.keep

        def summed(m: re.Match) -> str:
            unit = m.group("u0") or m.group("u1") or m.group("u2") or m.group("u3")
            base = m.group("b")
            if base == "\\delta":
                return keep(f"(-\\frac{{\\partial J}}{{\\partial h^{{(1)}}_{{{unit}}}}})") if unit == "j" else m.group(0)
            layer = 1 if base == "z" else 2
            return keep(f"z^{{({layer})}}_{{{unit}}}") if _LAYER_OF[unit] == layer else m.group(0)

        def unit(m: re.Match) -> str:
            made = self._read(m.group("d") or m.group("n"), m.group("a") or m.group("c"), m.group("b"))
            return m.group(0) if made is None else keep(made)

        text = new_old_update(text, keep)
        text = _IN.sub(summed, text)
        text = _UNIT.sub(unit, text)
        return kept.restore(text)

    @staticmethod
    def _read(name: str, a: str, b: str | None) -> str | None:
        """The house spelling of one of the letters with its unit letters; None to leave it as written."""
        if name in "vw":  # (v_{ij}: from input i to hidden j; w_{jk}: from hidden j to output k; index 0 the bias)
            layer = 1 if name == "v" else 2
            if b is None:
                return None
            if a == "0":
                return f"b^{{({layer})}}_{{{b}}}"
            return f"W^{{({layer})}}_{{{b}{a}}}"  # (target first: entries_target_first, in either layout)
        if b is not None or a == "0":
            return None
        layer = _LAYER_OF[a]
        if name == "\\delta":
            return f"(-\\delta^{{({layer})}}_{{{a}}})" if layer else None
        want = {"x": 0, "z": 1, "y": 2, "t": 2}[name]
        if layer != want:
            return None
        return {"x": "x", "z": "h^{(1)}", "y": "\\hat{y}", "t": "y"}[name] + f"_{{{a}}}"
