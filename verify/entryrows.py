"""A layer written out entry by entry in the answer's own scalar rows, and its gradients by entries judged on them.

Notes that work a convolution (or any bilinear layer) by hand write its outputs one entry at a time (zxRobot's LeNet
notes: a 3×3 input a, a 2×2 kernel w, ``z_{11}=a_{11}*w_{11}+a_{12}*w_{12}+a_{21}*w_{21}+a_{22}*w_{22}``, one row per
output entry), then the gradients by entries: ``\\nabla a_{12}=\\delta_{11}w_{12}+\\delta_{12}w_{11}`` and
``\\frac{\\partial C}{\\partial W^{l+1}_{11}}=a_{11}\\delta_{11}+…``. The spec format has no such layer, so the network
cannot judge them; the rows can: with δ_{kl} = ∂C/∂z_{kl} and ∇a = ∂C/∂a as the answer itself defines them, and C
depending on a and w only through the rows' z, the chain rule gives exactly

    ∂C/∂x_{ij} = Σ_{rows z_{kl}} δ_{kl} · ∂z_{kl}/∂x_{ij},

a sum of products of two entries, compared with the claim's sum term by term (a polynomial identity: no sampling).

Read only when certain: at least two rows ``z_{kl} = Σ p·q`` (two-index entries, products of two entries of two
different letters, ``*`` or juxtaposition), the answer's definitions ``\\delta… = \\frac{\\partial C}{\\partial z…}``
(the rows' letter) and, for a claim by ∇, ``\\nabla a… = \\frac{\\partial C}{\\partial a…}``; a derivative by an entry
of a matrix letter with a layer script (``W^{l+1}_{11}``) only where the answer writes that layer in the rows' matrix
form ``z^{S} = a^{T} * W^{S}`` (its entries are the rows' lower-case w). Anything else is left to the other readers.
Linear scans with bounded regular expressions; at most MAX_ROWS rows and MAX_TERMS terms a side.
"""

from __future__ import annotations

import re
from collections import Counter

MAX_ROWS, MAX_TERMS = 64, 64

#: one entry with a two-index subscript: a_{11}, w_{2,1}, \delta_{12}, W^{l+1}_{11} (the script kept apart)
_ENTRY = r"(\\delta|[A-Za-z])\s*(?:\^\s*\{([^{}]{1,12})\}\s*)?_\s*\{\s*(\d)\s*,?\s*(\d)\s*\}"
_TERM = re.compile(r"\s*" + _ENTRY + r"\s*(?:\*|\\cdot|\\times|\\,)?\s*" + _ENTRY + r"\s*(\+|$)")
_ROW = re.compile(r"^\s*([A-Za-z])\s*_\s*\{\s*(\d)\s*,?\s*(\d)\s*\}\s*=(.*)$", re.S)
_NABLA = re.compile(r"^\s*\\nabla\s*([A-Za-z])\s*_\s*\{\s*(\d)\s*,?\s*(\d)\s*\}\s*=(.*)$", re.S)
_PARTIAL = re.compile(r"^\s*\\frac\s*\{\s*\\partial\s*([A-Za-z])\s*\}\s*\{\s*\\partial\s*" + _ENTRY + r"\s*\}\s*=(.*)$",
                      re.S)
#: the answer's definitions: δ… = ∂C/∂z…, ∇a… = ∂C/∂a…, the rows' matrix form z^{S} = a^{T} * W^{S}
_DELTA_DEF = re.compile(r"\\delta\s*(?:\^\s*(?:\{[^{}=]{0,12}\}|\w))?\s*=\s*\\frac\s*\{\s*\\partial\s*([A-Za-z])\s*\}"
                        r"\s*\{\s*\\partial\s*([A-Za-z])")
_NABLA_DEF = re.compile(r"\\nabla\s*([A-Za-z])\s*(?:\^\s*(?:\{[^{}=]{0,12}\}|\w))?\s*=\s*\\frac\s*\{\s*\\partial\s*"
                        r"([A-Za-z])\s*\}\s*\{\s*\\partial\s*([A-Za-z])")
_MATRIX_FORM = re.compile(r"(?:^|=)\s*([A-Za-z])\s*\^\s*\{([^{}]{1,12})\}\s*=\s*([A-Za-z])\s*\^\s*(?:\{[^{}]{1,12}\}|\w)"
                          r"\s*\*\s*([A-Za-z])\s*\^\s*\{([^{}]{1,12})\}")


def _entry(groups) -> tuple[str, str, str]:
    letter, _script, i, j = groups
    return ("delta" if letter == "\\delta" else letter, i, j)


def _terms(text: str) -> Counter | None:
    """A sum of products of two entries as a multiset of unordered pairs, or None when the side is anything else."""
    out, pos, text = Counter(), 0, text.strip()
    while pos < len(text):
        m = _TERM.match(text, pos)
        if m is None or len(out) >= MAX_TERMS:
            return None
        p, q = _entry(m.groups()[0:4]), _entry(m.groups()[4:8])
        if m.group(2) or m.group(6):  # (a layer script inside a sum: not the rows' form)
            return None
        out[tuple(sorted((p, q)))] += 1
        pos = m.end()
    return out or None


def _show(terms: Counter) -> str:
    name = {"delta": "\\delta"}
    return " + ".join(f"{name.get(p[0], p[0])}_{{{p[1]}{p[2]}}}{name.get(q[0], q[0])}_{{{q[1]}{q[2]}}}"
                      for (p, q), n in sorted(terms.items()) for _ in range(n))


def judge_by_rows(claims) -> dict:
    """claim id -> (verdict, message, expected) for the gradients by entries the answer's own rows decide."""
    rows: dict = {}
    texts = [(c.id, c.latex[:2000]) for c in list(claims)[:2000]]
    for _cid, text in texts:
        m = _ROW.match(text)
        if m is not None and len(rows) < MAX_ROWS:
            terms = _terms(m.group(4))
            if terms is not None and all(p[0] != q[0] and "delta" not in (p[0], q[0]) for p, q in terms):
                rows[(m.group(1), m.group(2), m.group(3))] = terms
    letters = {key[0] for key in rows}
    if len(rows) < 2 or len(letters) != 1:
        return {}
    z = next(iter(letters))
    objective = nabla = None
    layers = set()
    for _cid, text in texts:
        for m in _DELTA_DEF.finditer(text):
            if m.group(2) == z:
                objective = m.group(1)
        for m in _NABLA_DEF.finditer(text):
            nabla = (m.group(1), m.group(2)) if m.group(1) == m.group(3) else nabla
        for m in _MATRIX_FORM.finditer(text):
            if m.group(1) == z and m.group(2).replace(" ", "") == m.group(5).replace(" ", ""):
                layers.add((m.group(4), m.group(5).replace(" ", "")))
    if objective is None:
        return {}
    factors = {f[0] for terms in rows.values() for pair in terms for f in pair}
    out = {}
    for cid, text in texts:
        m = _NABLA.match(text)
        if m is not None and nabla is not None and nabla[1] == objective and m.group(1) == nabla[0]:
            by, side = (m.group(1), m.group(2), m.group(3)), m.group(4)
        else:
            m = _PARTIAL.match(text)
            if m is None or m.group(1) != objective:
                continue
            letter, script, i, j, side = _entry(m.groups()[1:5])[0], m.group(3), m.group(4), m.group(5), m.group(6)
            if script is not None:  # W^{l+1}_{11}: the rows' w where the matrix form names that layer
                if (letter, script.replace(" ", "")) not in layers or letter.lower() not in factors:
                    continue
                letter = letter.lower()
            by = (letter, i, j)
        if by[0] not in factors or by[0] == z:
            continue
        claimed = _terms(side)
        if claimed is None:
            continue
        derived = Counter()
        for (_, k, l), terms in rows.items():
            for (p, q), n in terms.items():
                for mine, other in ((p, q), (q, p)):
                    if mine == by:
                        derived[tuple(sorted((("delta", k, l), other)))] += n
        expected = _show(derived) if derived else "0"
        if claimed == derived:
            out[cid] = ("correct", f"matches the chain rule through the answer's own rows {z}_{{kl}} = … (δ_{{kl}} = "
                                   f"∂{objective}/∂{z}_{{kl}}, as the answer defines it)", expected)
        else:
            out[cid] = ("incorrect", f"does not match the chain rule through the answer's own rows {z}_{{kl}} = … "
                                     f"(δ_{{kl}} = ∂{objective}/∂{z}_{{kl}}): expected {expected}", expected)
    return out
