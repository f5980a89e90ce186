r"""A product over layers written with dots (issue 10, twentieth round): Nielsen's
``\delta^l = \Sigma'(z^l) (w^{l+1})^T \cdots \Sigma'(z^{L-1}) (w^L)^T \Sigma'(z^L) \nabla_a C``, Wikipedia's
``(f^l)' \circ (W^{l+1})^T \cdot (f^{l+1})' \circ \cdots \circ (W^{L-1})^T \cdot (f^{L-1})' \circ (W^L)^T \cdot (f^L)'
\circ \nabla_{a^L} C``, wj-jason's ``\frac{dC}{da^L} \circ (f^L)' \cdot W^L \circ \cdots \circ (f^1)' \cdot W^1``.

A TA reads the dots as the block written just before them repeated for every layer between it and the block written
just after them. So does ``expand``, for one concrete value of the claim's layer letters (the judge checks a generic
claim layer by layer): the block before the dots and the block after them must be the same tokens except for their
layer scripts (``^{l+1}``, ``^{(L-1)}``, ``^L``, ``^1``), which all differ by one constant; the direction the layers
run is read from the block next to either (``(W^{L-1})^T … (W^L)^T``: upwards). The dots then stand for the blocks in
between (none when the two are neighbours; when they are the same block, it is written once). Anything else — two
dots, blocks that differ otherwise, a direction the written blocks do not show or that the two blocks contradict (the
range is empty at this layer: l + 1 > L − 1), two kinds of product in one chain (∘ and ·), a block of derivative
fractions (Kyle Lo's ∂h^{(L)}/∂z^{(L)} ⋯ ∂h^{(l)}/∂z^{(l)}: the factors between them are of another shape) — leaves
the dots unread, with the reason for dots. Linear in the claim's tokens for each block length tried (at most
MAX_BLOCK), and at most MAX_LAYERS blocks are written."""

from __future__ import annotations

#: the commands of dots between factors
DOTS = ("cdots", "ldots", "dots", "dotsb", "dotsm", "dotsc")
#: operators that join the blocks of a product (written around the dots: ∘ ⋯ ∘)
_JOINS = ("circ", "cdot", "odot", "times", "*", "bullet")
#: the longest block tried (tokens) and the most blocks the dots may stand for
MAX_BLOCK = 60
MAX_LAYERS = 200
#: blocks written by ``expand`` since the module was loaded (the judge bounds a generic claim's products by it), and
#: the number of layers the last dots read stood for (written or not: beyond MAX_LAYERS too), None when none read
WRITTEN = [0]
SPAN: list = [None]


def _holes(toks: list, value) -> list:
    """The tokens as items: ("tok", kind, text) or ("hole", layer, the script's tokens) for a superscript whose value
    ``value(tokens)`` reads as a layer (``^{l+1}``, ``^{(L-1)}``, ``^L``, ``^2``)."""
    out, i = [], 0
    while i < len(toks):
        t = toks[i]
        out.append(("tok", t.kind, t.text))
        if t.text == "^" and t.kind == "op" and i + 1 < len(toks):
            if toks[i + 1].text == "{" and toks[i + 1].kind == "op":
                close = next((k for k in range(i + 2, min(len(toks), i + 12)) if toks[k].text == "}"), None)
                group = toks[i + 1:close + 1] if close is not None else None
            else:
                group = toks[i + 1:i + 2]
            layer = value(group) if group else None
            if layer is not None:
                out.append(("hole", layer, tuple(group), any(g.kind == "id" for g in group)))
                i += 1 + len(group)
                continue
        i += 1
    return out


def _shift(items: list, by: int) -> list | None:
    """A block's items with every layer moved by ``by``; None when the shape differs."""
    return [("hole", it[1] + by, it[2], it[3]) if it[0] == "hole" else it for it in items]


def _difference(a: list, b: list) -> int | None:
    """The constant by which block b's layers exceed block a's, when the blocks are the same otherwise; else None."""
    if len(a) != len(b) or not any(it[0] == "hole" and it[3] for it in a + b):
        return None  # (a layer letter in one of them: h^2, a square, is no layer)
    diffs = set()
    for x, y in zip(a, b, strict=True):
        if x[0] != y[0]:
            return None
        if x[0] == "hole":
            diffs.add(y[1] - x[1])
        elif x != y:
            return None
    return diffs.pop() if len(diffs) == 1 else None


def _tokens(items: list, like, Tok) -> list:
    """Tokens of items: a hole written as ``{n}`` (its parentheses or brackets kept: ``{(n)}``)."""
    out = []
    for it in items:
        if it[0] == "tok":
            out.append(Tok(it[1], it[2], like.pos))
            continue
        inner = [t for t in it[2] if t.text in ("(", ")", "[", "]")]
        opening = [t for t in inner if t.text in ("(", "[")][:1]
        closing = [t for t in inner if t.text in (")", "]")][:1]
        out += [Tok("op", "{", like.pos), *opening, Tok("num", str(it[1]), like.pos), *closing, Tok("op", "}", like.pos)]
    return out


def expand(toks: list, value, relations) -> list | None:
    """``toks`` with one product's dots written out as the layers' blocks (see the module), or None when the claim
    has no such dots or they do not read so. ``value(script tokens)``: the layer a superscript names, None when it
    names none; ``relations``: the relation tokens' texts (a side ends at one)."""
    at = [k for k, t in enumerate(toks) if t.kind == "cmd" and t.text in DOTS]
    if len(at) != 1:
        return None
    k = at[0]
    start = max((j + 1 for j in range(k) if toks[j].text in relations), default=0)
    end = next((j for j in range(k + 1, len(toks)) if toks[j].text in relations), len(toks))
    before, after = list(toks[start:k]), list(toks[k + 1:end])
    if len({t.text for t in before + after if t.text in _JOINS}) > 1:
        return None  # (∘ and · in one chain, Wikipedia's: which groups first the dots would only hide further)
    join = None
    if before and after and before[-1].text in _JOINS and after[0].text == before[-1].text:
        join, before, after = before[-1], before[:-1], after[1:]
    elif before and before[-1].text in _JOINS:
        join, before = before[-1], before[:-1]
    elif after and after[0].text in _JOINS:
        join, after = after[0], after[1:]
    p, s = _holes(before, value), _holes(after, value)
    sep = [("tok", join.kind, join.text)] if join is not None else []
    for m in range(1, min(len(p), len(s), MAX_BLOCK) + 1):
        a, b = p[len(p) - m:], s[:m]
        d = _difference(a, b)
        if d is None or (sep and len(s) > m and s[m:m + len(sep)] != sep):
            continue  # (a block ends where its join or the side does)
        if any(it[0] == "tok" and it[2] in ("frac", "partial") for it in a):
            return None  # (a chain rule of fractions, ∂h^{(L)}/∂z^{(L)} ⋯ ∂h^{(l)}/∂z^{(l)}: the dots hide other factors)
        step = _step(p[:len(p) - m], s[m:], a, b, sep) or (1 if d > 0 else -1)
        SPAN[0] = abs(d) if d * step >= 0 else None
        if d * step < 0 or abs(d) > MAX_LAYERS:
            return None  # (the written blocks run the other way: an empty range at this layer)
        if d == 0:  # the same block before and after the dots: written once
            middle, rest = [], s[m + len(sep):] if sep and s[m:m + len(sep)] == sep else s[m:]
            items = p + sep + rest if rest else p
        else:
            middle = [it for n in range(1, abs(d)) for it in (_shift(a, n * step) + sep)]
            items = p + sep + middle + s
            WRITTEN[0] += abs(d)
        Tok = type(toks[k])
        return list(toks[:start]) + _tokens(items, toks[k], Tok) + list(toks[end:])
    return None


def _step(head: list, tail: list, a: list, b: list, sep: list) -> int | None:
    """The direction the layers run (+1, −1): from the block written before ``a`` in ``head`` or after ``b`` in
    ``tail`` (the same shape, joined by ``sep``); None when neither is written."""
    m = len(a)
    if len(head) >= m + len(sep) and (not sep or head[len(head) - len(sep):] == sep):
        d = _difference(head[len(head) - len(sep) - m:len(head) - len(sep)], a)
        if d in (1, -1):
            return d
    if tail[:len(sep)] == sep and len(tail) >= len(sep) + m:
        d = _difference(b, tail[len(sep):len(sep) + m])
        if d in (1, -1):
            return d
    return None
