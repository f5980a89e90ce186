"""A section that works a calculus example in letters of its own (Thill's "Interlude: the chain rule": ``x = g(t),
\\qquad y = h(t)``, ``z = \\sin(x^2 + y^2), \\qquad x = e^t, \\qquad y = t^2``, ``\\vec x = g(\\vec t)``): there x, y and z
are not the network's input, target and summed input but functions of a variable t the network does not have. A TA
reads that section as the textbook's reminder it is, not as claims about the network: its claims are not judged
(``unchecked``, naming the definition that makes it an example), where reading them with the network's letters judged
a right chain rule ``incorrect`` and took ``z = \\sin(e^{2t} + t^4)`` for layer 1's z.

The sign is a row ``x = …`` (also y, z, with ``\\vec``/``\\mathbf``) whose right side is built from a standalone t
alone — t itself, a power or exponential of it, a function letter f, g, h, u, v applied to it — and nothing of the
network (no other letter). The claims under the same heading as such a row (its innermost heading, any level: the
interlude's ``##``) are set aside; a document without sections sets aside the claims that write such a row or a standalone t. Linear scans,
bounded by the claims' own bounds."""

from __future__ import annotations

import re

#: one row defining x, y or z as a function of t alone: x = g(t), x = e^t, y = t^2, \vec x = g(\vec t)
_T = r"(?:\\(?:vec|mathbf|boldsymbol)\s*\{?\s*t\s*\}?|t)"
_OF_T = re.compile(r"(?:^|[,;]|\\q?quad)\s*(?:\\(?:vec|mathbf|boldsymbol)\s*\{?\s*)?([xyz])\s*\}?\s*=\s*"
                   r"(?:[fghuv]\s*\(\s*" + _T + r"\s*\)|e\s*\^\s*\{?\s*\d*\s*" + _T + r"\s*\}?|" + _T +
                   r"\s*\^\s*\{?\s*\d+\s*\}?|" + _T + r")\s*(?=$|[,;.]|\\q?quad|\\\\)")
#: a standalone t (not \tanh, \text, a subscript _t or a word)
_STANDALONE_T = re.compile(r"(?<![\\A-Za-z_])t(?![A-Za-z])")


def own_letters(claims) -> dict[str, str]:
    """claim id -> why it is not judged, for the claims of a section that works a calculus example in its own letters
    (see the module docstring)."""
    of = getattr(claims, "subsections", None)
    triggers: dict = {}  # section (or None) -> the row that makes it an example
    for c in list(claims)[:2000]:
        m = _OF_T.search(c.latex[:2000])
        if m is not None:
            key = of.get(c.id, 0) if of else ("claim", c.id)
            triggers.setdefault(key, " ".join(re.sub(r"^[\s,;]*(?:\\q?quad)?", "", m.group(0)).split()))
    if not triggers:
        return {}
    out = {}
    for c in list(claims)[:2000]:
        if of and of.get(c.id, 0) in triggers:
            out[c.id] = triggers[of.get(c.id, 0)]
        elif ("claim", c.id) in triggers:
            out[c.id] = triggers[("claim", c.id)]
        elif not of and _STANDALONE_T.search(c.latex[:2000]):  # (no headings: every trigger is a claim's own)
            out[c.id] = next(iter(triggers.values()))
    return out
