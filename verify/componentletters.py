"""A two-layer network written unit by unit with two-digit indices (issue 10, rudra's CampusX notes): ``w_{jk}'`` (the
prime: layer 1), ``w_{k1}^2`` / ``W_{k1}^2`` (the superscript 2: layer 2), ``b_{1k}'``, ``b_{21}``, ``O_{1k}`` a hidden
unit's output and ``x_{i1}`` / ``X_{i1}`` input 1 of example i. Which digit of a weight is the source and which the
target, and which of ``O``'s digits is the layer, the letters do not say; the answer says it where it writes its own
forward sums inside derivatives, ``∂/∂w_{11}^2 (O_{11} w_{11}^2 + O_{12} w_{21}^2 + b_{21})`` — the sum is the
quantity it is differentiated from (the numerator of the derivative before it, ``∂\\hat Y/∂w_{11}^2``).

Every reading (the two index orders of each layer's weights, the two of ``O`` and the biases) is tried against those
sums, numerically at the judge's points; the one reading under which every written sum is its quantity is bound, as
[notation] macros (``w_{11}'`` → ``W^{(1)}_{1,1}``). No sum, fewer than two, or not exactly one reading that fits: nothing
is bound (the claims stay unchecked). Untrusted input: linear regular expressions over every claim (at most 2000); at most
``MAX_SUMS`` sums × 8 readings evaluated.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

import numpy as np

MAX_SUMS = 12
#: a symbol with two digits (or the example's i and a digit): w_{11}', w_{21}^2, W_{11}^2, b_{21}, b_{12}', O_{11}, x_{i1}
_SYMBOL = re.compile(r"(?<![A-Za-z\\])(?P<l>[wWbOxX])\s*_\s*\{\s*(?P<a>[1-9i])\s*(?P<b>[1-9])\s*\}"
                     r"(?P<prime>\s*')?(?:\s*\^\s*(?:\{\s*(?P<sup>2)\s*\}|(?P<sup2>2)))?")
#: the denominator of such a derivative: {\partial w_{11}'}, {\partial w_{11}^2}, {\partial O_{12}}, {\partial \hat Y}
_DEN = (r"\{\s*\\partial\s*(?:[A-Za-z]\s*_\s*\{\s*\d\d\s*\}\s*(?:'|\^\s*\{?\s*2\s*\}?)?|\\hat\s*\{?\s*Y\s*\}?)"
        r"\s*\}")
#: ∂Q/∂v = ∂/∂v (sum) or [sum]: the derivative of a quantity, then of its written sum
_WRITTEN_SUM = re.compile(r"\\frac\s*\{\s*\\partial\s*(?P<q>\\hat\s*\{?\s*Y\s*\}?|O\s*_\s*\{\s*\d\d\s*\})\s*\}"
                          r"\s*_DEN\s*&?\s*=\s*\\frac\s*\{\s*\\partial\s*\}\s*_DEN\s*"
                          r"(?:\\left\s*)?[(\[](?P<sum>[^()\[\]=]{1,200}?)(?:\\right\s*)?[)\]]".replace("_DEN", _DEN))


def _key(m: re.Match) -> str:
    prime = "'" if m.group("prime") else ""
    sup = "^2" if (m.group("sup") or m.group("sup2")) else ""
    return f"{m.group('l')}_{{{m.group('a')}{m.group('b')}}}{prime}{sup}"


def _symbols(texts) -> dict:
    """The distinct component symbols written, key -> (letter, a, b, primed, superscript 2)."""
    out = {}
    for t in texts:
        for m in _SYMBOL.finditer(t):
            out.setdefault(_key(m), (m.group("l"), m.group("a"), m.group("b"), bool(m.group("prime")),
                                     bool(m.group("sup") or m.group("sup2"))))
    return out


def _macro(sym, flips) -> str | None:
    """gradproof's spelling of one symbol under a reading (``flips``: layer 1's, layer 2's weights, O's and b's order)."""
    letter, a, b, primed, sup = sym
    if letter in "xX":
        return f"x_{{{b}}}" if a == "i" else None
    if a == "i":
        return None
    if letter in "wW":
        if primed == sup:
            return None  # a weight is of layer 1 (primed) or layer 2 (superscript 2), one of them
        layer, flip = (1, flips[0]) if primed else (2, flips[1])
        first, second = (b, a) if flip else (a, b)
        return f"W^{{({layer})}}_{{{first},{second}}}"
    layer, unit = (b, a) if flips[2] else (a, b)
    if letter == "O":
        return f"h^{{({layer})}}_{{{unit}}}" if not primed and not sup else None
    if letter == "b" and not sup:
        return f"b^{{({layer})}}_{{{unit}}}" if not primed or layer == "1" else None
    return None


def component_letters(judge, claims):
    """(macros, change) of the one reading under which every forward sum the answer writes is its quantity, or None."""
    from .infer import _normal
    from .parser import parse_claim
    from .shapes import evaluate

    if judge.net.depth != 2 or judge.batch != 1:
        return None
    texts = [_normal(c.latex) for c in claims]
    joined = " ".join(texts)
    if not (re.search(r"[wW]\s*_\s*\{\s*\d\d\s*\}\s*'", joined) and re.search(r"[wW]\s*_\s*\{\s*\d\d\s*\}\s*\^\s*\{?\s*2", joined)):
        return None
    sums = [(m.group("q"), m.group("sum")) for t in texts for m in _WRITTEN_SUM.finditer(t)][:MAX_SUMS]
    sums = list(dict.fromkeys(sums))
    if len(sums) < 2:
        return None
    symbols = _symbols(texts)
    fits = []
    for flips in itertools.product((False, True), repeat=3):
        macros = {k: _macro(s, flips) for k, s in symbols.items()}
        if any(v is None for v in macros.values()):
            continue
        notation = replace(judge.notation, macros=judge.notation.macros + tuple(macros.items()))
        if all(_holds(judge, notation, q, s, parse_claim, evaluate) for q, s in sums):
            fits.append(tuple(macros.items()))
    if len(fits) != 1:
        return None
    written = " ".join(s for _, s in sums)
    shown = ", ".join(f"{k} = {v}" for k, v in fits[0] if k in written)
    return fits[0], f"the answer's unit-by-unit letters read from the sums it writes out ({shown}, …)"


def _holds(judge, notation, quantity: str, written: str, parse_claim, evaluate) -> bool:
    """Whether ``quantity = written`` holds at every one of the judge's points under ``notation``."""
    try:
        sides, rels = parse_claim(f"{quantity} = {written}", notation, judge.net.depth)
        if len(sides) != 2 or set(rels) != {"="}:
            return False
        for env in judge.envs:
            ctx = judge.context(env)
            left = np.asarray(evaluate(sides[0], ctx), dtype=float)
            right = np.asarray(evaluate(sides[1], ctx), dtype=float)
            if left.size != 1 or right.size != 1 or not np.allclose(left, right, rtol=1e-7, atol=1e-9):
                return False
        return True
    except Exception:  # noqa: BLE001 -- a reading under which the sum does not read or evaluate does not fit
        return False
