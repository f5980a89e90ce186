"""A scalar function defined by a quantity's letter: Prince's and penasta's ``a(x) = \\frac{1}{1+e^{-x}}``, ``h(t) =
\\tanh(t)`` (issue 10, fourteenth round).

``a`` and ``h`` name the activations, so ``a(x)`` was read as the hidden layer's activation times … and the right side
as a function of the network's input ``x``: a right definition of the logistic function was "incorrect". A claim whose
left side is such a letter applied to one bare variable, and whose right side is a formula in that variable alone,
defines the activation function: it is read as ``g(v) = …`` (g, the activation function, as the parser reads it). One
linear regular expression per claim; the report shows the claim as written."""

from __future__ import annotations

import re
from dataclasses import replace

#: a quantity's letter applied to one variable on the left: a(x) =, h(t) =, \phi(v) = (the function's own name)
_DEFINED = re.compile(r"\s*(?:a|h|A)\s*\(\s*([a-z])\s*\)\s*=(?!=)")
#: what a formula in one variable may hold besides it: numbers, operators, braces, the functions and constants it uses
_FORMULA_WORDS = re.compile(r"\\(?:d?frac|tfrac|exp|tanh|ln|log|max|min|sqrt|left|right|cdot|big|Big|bigl|bigr|,|;|!|quad)"
                            r"(?![A-Za-z])|\be\b|[0-9.+\-*/^_{}()\[\]\s,|]")


def read_as_function(claims) -> tuple[list, dict]:
    """(the claims with ``a(x) = …`` read as the activation function g, {claim id: the text as written})."""
    out, originals = [], {}
    for c in claims:
        m = _DEFINED.match(c.latex) if len(c.latex) <= 400 else None
        if m and "=" not in c.latex[m.end():] and _in_one_variable(c.latex[m.end():], m.group(1)):
            originals[c.id] = c.latex
            c = replace(c, latex=f"g({m.group(1)}) = {c.latex[m.end():].strip()}")
        out.append(c)
    return out, originals


def _in_one_variable(rhs: str, v: str) -> bool:
    """Whether ``rhs`` is a formula in the variable ``v`` alone (and writes it)."""
    rest = _FORMULA_WORDS.sub(" ", rhs)
    return re.search(rf"(?<![A-Za-z]){v}(?![A-Za-z])", rhs) is not None and set(rest.split()) <= {v}
