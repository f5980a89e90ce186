r"""A gradient letter the answer defines once and uses for any quantity (Shreyansh Singh's ``G_{S_i} = \frac{\partial
L}{\partial S_i}``, then ``G_{Z_i}``, ``G_Z``, ``G_A``: "G_X = ∂L/∂X, the upstream gradient"): the definition names a
family — the letter with any quantity in its subscript is the derivative of the same objective by that quantity — as a
TA reads it. Each such use becomes a macro for that derivative (an entry ``G_{Z,ij}`` is not read: its two indices after
a comma are no quantity).
"""

from __future__ import annotations

import re

#: the defined key: a letter with a braced subscript, G_{S_i}, or a one-letter one, G_S
_KEY = re.compile(r"^([A-Za-z])_(?:\{(.+)\}|([A-Za-z]))$")
#: its definition: the derivative of an objective letter by the subscript's quantity
_BY = re.compile(r"^\s*\\frac\s*\{\s*\\partial\s*((?:[LJCE]|\\ell|\\mathcal\s*\{\s*[LJ]\s*\}))\s*\}\s*\{\s*\\partial\s*(.+?)\s*\}"
                 r"\s*[.,]?\s*$")
#: a use of the letter with a subscript
_USE = r"(?<![A-Za-z\\]){letter}\s*_\s*(?:\{{([^{{}}]{{1,20}})\}}|([A-Za-z]))"


def family_macros(macros, claims, unknown) -> tuple:
    r"""Macros for every other use of a gradient letter defined as ∂L/∂(its subscript); ``unknown(letter)`` says the
    letter means nothing else to the reader. A use the answer itself defined as an own symbol
    (``G_{Z_i} = (\operatorname{diag}(S_i) - S_i S_i^\top) G_{S_i}``, its first appearance) is in the family too: that
    claim is about the derivative, not a definition (the judge drops it from the definitions)."""
    out, seen = [], {k for k, v in macros if _BY.match(v)}
    for key, rhs in macros:
        m, d = _KEY.match(key.strip()), _BY.match(rhs)
        if not m or not d or " ".join((m.group(2) or m.group(3)).split()) != " ".join(d.group(2).split()):
            continue
        letter, objective = m.group(1), d.group(1)
        if not unknown(letter):
            continue
        use = re.compile(_USE.format(letter=letter))
        for c in claims:
            for u in use.finditer(c.latex if len(c.latex) <= 4000 else ""):
                sub = u.group(1) or u.group(2)
                written = f"{letter}_{{{sub}}}" if u.group(1) is not None else f"{letter}_{sub}"
                if "," in sub or written in seen:
                    continue
                seen.add(written)
                out.append((written, rf"\frac{{\partial {objective}}}{{\partial {sub}}}"))
    return tuple(out) + _attached(claims, seen)


#: fastai's gradient attached to a variable, defined: y.g = \frac{\partial L}{\partial y} (normalize spells v.g as g_{v})
_ATTACHED_DEF = re.compile(r"^\s*([A-Za-z])\.g\s*=\s*\\frac\s*\{\s*\\partial\s*\{?\s*([LJCE])\s*\}?\s*\}\s*"
                           r"\{\s*(?:\\partial|∂)\s*\{?\s*\1\s*\}?\s*\}")
_ATTACHED_USE = re.compile(r"(?<![A-Za-z\\])([A-Za-z])\.g(?![A-Za-z0-9.(])")


def _attached(claims, seen) -> tuple:
    """krasing's y.g = ∂L/∂y, then x.g, W.g, b.g: each v.g is ∂L/∂v (as g_{v}, normalize's spelling)."""
    objective = next((m.group(2) for c in claims if (m := _ATTACHED_DEF.match(c.latex))), None)
    if objective is None:
        return ()
    out = []
    for c in claims:
        for u in _ATTACHED_USE.finditer(c.latex if len(c.latex) <= 4000 else ""):
            key = f"g_{{{u.group(1)}}}"
            if key not in seen:
                seen.add(key)
                out.append((key, rf"\frac{{\partial {objective}}}{{\partial {u.group(1)}}}"))
    return tuple(out)
