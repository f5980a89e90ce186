"""How the answer writes its indices, read from the answer as a whole (issue 10, a TA's course):

- layers as subscripts (``W_1``, ``b_2``) and a letter defined without a layer (``H = \\tanh(X W_1 + b_1)``): its
  ``H^2`` is a square (``squares_by_subscript_layers``; infer.conventions sets ``superscript = "power"``);
- the sample index of the answer's own objective (``L = -\\frac{1}{N}\\sum_n [y_n \\log p_n + …]``): inside a sum
  over n, ``u_n`` of a batch quantity is sample n's row (``sample_letter``; the parser's ``sample_letter`` option).

Untrusted input: each claim is searched by regular expressions without nested quantifiers, over at most 500 claims.
"""

from __future__ import annotations

import re

from .infer import _normal

#: a parameter numbered by a subscript: W_1, W_{2}, b_1 (Dan's and CS231n's layers)
_SUBSCRIPT_LAYER = re.compile(r"(?<![A-Za-z\\])[Wb]\s*_\s*\{?\s*\d")
#: a layer written as a superscript anywhere: W^{(2)}, b^{[1]}, W^2, b^1, z^l
_SUPERSCRIPT_LAYER = re.compile(r"(?<![A-Za-z\\])[WbzahZAH]\s*\^\s*\{?\s*[(\[]?\s*(?:\d|[lLk](?![A-Za-z]))")
#: a square of a letter without a layer: H^2, h^2, z^2 (after 1 − in tanh')
_SQUARE = re.compile(r"(?<![A-Za-z\\])([zhaZHA])\s*\^\s*\{?\s*2\s*\}?(?![A-Za-z0-9])")


def squares_by_subscript_layers(claims) -> list[str]:
    """The letters whose ``^2`` is a square for certain: the answer numbers its layers with subscripts (W_1, b_2) and
    writes no layer as a superscript, and defines the letter without a layer (``H = \\tanh(X W_1 + b_1)``). Empty
    when anything else in the answer could make ``H^2`` layer 2."""
    texts = [_normal(c.latex) for c in claims[:500]]
    squares = {m.group(1) for t in texts for m in _SQUARE.finditer(t)}
    if not squares or not any(_SUBSCRIPT_LAYER.search(t) for t in texts):
        return []
    other = [t for t in texts if _SUPERSCRIPT_LAYER.search(_SQUARE.sub(" ", t))]
    if other:
        return []
    defined = {s for s in squares for t in texts if re.match(rf"\s*{s}\s*=", t)}
    return sorted(defined) if defined == squares else []


#: the answer's objective, defined as a mean over samples: L = -\frac{1}{N} \sum_n [y_n …], J = \frac1m \sum_{i=1}^m y_i
#: (a sum without the 1/N may be over classes: -\sum_i y_i \log \hat y_i is one example's)
#: Thill's J(\Theta) = \frac{1}{\batch} \sum_{n=1}^{\batch} \mathcal{L}_n with \batch a macro for \mathord{N}: arguments, N braced)
_OBJECTIVE_SUM = re.compile(r"^\s*(?:L|J|E|C|\\ell)\s*(?:\([^=()]{0,40}\)\s*)?=\s*-?\s*\\frac\s*\{?\s*1\s*\}?\s*\{?\s*\{?\s*[NMm]\s*\}?"
                            r"\s*\}?\s*\\sum\s*_\s*\{?\s*([ni])\b")


def sample_letter(claims, batch: int) -> str | None:
    """The letter the answer's own objective sums its samples with (``\\sum_n … y_n``), in a batch; else None."""
    if batch < 2:
        return None
    for c in claims[:500]:
        text = _normal(c.latex)
        if len(text) > 600:
            continue
        m = _OBJECTIVE_SUM.match(text)
        if m and re.search(rf"(?<![A-Za-z\\])(?:y|\\ell\s*)\s*_\s*\{{?\s*{m.group(1)}\b", text[m.end():]):
            # y_n, or the n-th example's loss \ell_n (\mathcal{L}_n): n counts the examples
            return m.group(1)
    return None
