"""How the answer writes its indices, read from the answer as a whole (issue 10, a TA's course):

- layers not written as superscripts (``W_1``, ``b_2``; ``W`` and ``V``) and a letter defined without a layer
  (``H = \\tanh(X W_1 + b_1)``): its ``H^2`` is a square (``squares_by_subscript_layers``; infer.conventions sets
  ``superscript = "power"``);
- the sample index of the answer's own objective (``L = -\\frac{1}{N}\\sum_n [y_n \\log p_n + …]``): inside a sum
  over n, ``u_n`` of a batch quantity is sample n's row (``sample_letter``; the parser's ``sample_letter`` option);
- the letters that number the examples (``batch_letters``: Lalin's ``\\frac{1}{m} \\sum_i``, ``i = 1, \\dots, m``,
  the column slice ``z_{:, i}``): on a vector letter with two indices, ``z_{j, i}^{[l]}`` is unit j of example i
  (the parser's ``batch_letters`` option).

Untrusted input: each claim is searched by regular expressions without nested quantifiers, over every claim (at most
document.MAX_EQUATIONS; each normalised once, cached) — not the first 500 only: evidence past them counts too.
"""

from __future__ import annotations

import re

from .infer import _normal, definitions

#: a layer written as a superscript anywhere: W^{(2)}, b^{[1]}, W^2, b^1, z^l
_SUPERSCRIPT_LAYER = re.compile(r"(?<![A-Za-z\\])[WbzahZAH]\s*\^\s*\{?\s*[(\[]?\s*(?:\d|[lLk](?![A-Za-z]))")
#: a square of a letter without a layer: H^2, h^2, z^2 (after 1 − in tanh')
_SQUARE = re.compile(r"(?<![A-Za-z\\])([zhaZHA])\s*\^\s*\{?\s*2\s*\}?(?![A-Za-z0-9])")


#: a layer and a step written in one subscript, as normalize reads it: W_{1,t} -> W^{(1)}_{t}
_STEP_LAYER = re.compile(r"\^\{\([1-9]\)\}_\{t")


def squares_by_subscript_layers(claims) -> list[str]:
    """The letters whose ``^2`` is a square for certain: the answer writes no layer as a superscript (it numbers its
    layers with subscripts, W_1, b_2, names them by their role, W_{out}, or by letters, W and V) and defines the letter
    without a layer (``H = \\tanh(X W_1 + b_1)``, ``h = \\tanh(W x + b)``). Empty when anything else in the answer
    could make ``H^2`` layer 2."""
    texts = [_normal(c.latex) for c in claims]
    squares = {m.group(1) for t in texts for m in _SQUARE.finditer(t)}
    if not squares:
        return []
    # (W_{1,t}, normalised W^{(1)}_{t}, numbers its layer with a subscript: not a superscript the answer wrote)
    other = [t for t in texts if _SUPERSCRIPT_LAYER.search(_SQUARE.sub(" ", _STEP_LAYER.sub(" ", t)))]
    if other:
        return []
    listed = [_normal(d.latex) for d in definitions(claims) if d not in claims]  # (z = W x + b, \quad h = \tanh(z))
    defined = {s for s in squares for t in texts + listed if re.match(rf"\s*{s}\s*=", t)}
    return sorted(defined) if defined == squares else []


#: the answer's objective, defined as a mean over samples: L = -\frac{1}{N} \sum_n [y_n …], J = \frac1m \sum_{i=1}^m y_i
#: (a sum without the 1/N may be over classes: -\sum_i y_i \log \hat y_i is one example's)
#: Thill's J(\Theta) = \frac{1}{\batch} \sum_{n=1}^{\batch} \mathcal{L}_n with \batch a macro for \mathord{N}: arguments, N braced)
_OBJECTIVE_SUM = re.compile(r"^\s*(?:L|J|E|C|\\ell)\s*(?:\([^=()]{0,40}\)\s*)?=\s*-?\s*\\frac\s*\{?\s*1\s*\}?\s*\{?\s*\{?\s*[NMm]\s*\}?"
                            r"\s*\}?\s*\\sum\s*_\s*\{?\s*([ni])\b")


#: the objective as a double sum, the outer over n (the examples) and the inner over k: J = \sum_{n=1}^N \sum_{k=1}^K …
_DOUBLE_SUM = re.compile(r"^\s*(?:L|J|E|C|\\ell)\s*(?:\([^=()]{0,40}\)\s*)?=\s*-?\s*"
                         r"(?:\\frac\s*\{\s*1\s*\}\s*\{\s*(?P<count>[NMm]|\d{1,3})\s*\}\s*)?"  # (or their mean: 1/N, 1/2 of two)
                         r"\\sum\s*_\s*\{?\s*([n])\s*(?:=\s*1\s*)?\}?"
                         r"\s*(?:\^\s*\{?\s*[NM]\s*\}?)?\s*\\sum\s*_\s*\{?\s*([a-z])")


#: the objective as PyTorch's mean over the batch and the outputs: \mathcal{L} = \frac{1}{NK} \sum_{n,k} (\hat Y_{nk} - Y_{nk})^2
_MEAN_OVER_OUTPUTS = re.compile(r"^\s*(?:L|J|E|C|\\ell)\s*(?:\([^=()]{0,40}\)\s*)?=\s*-?\s*\\frac\s*\{\s*1\s*\}\s*\{\s*N\s*K\s*\}"
                                r"\s*\\sum\s*_\s*\{\s*(n)\s*,\s*([a-z])\s*\}")


def example_losses(claims, letter: str) -> bool:
    """Whether the answer writes its objective as the mean (or sum) of its examples' own losses in its sample letter,
    ``E = \\frac{1}{N} \\sum_n E_n``: then a δ with that letter, δ_n, is example n's own (∂E_n/∂z_n, no 1/N)."""
    own = re.compile(r"=\s*-?\s*(?:\\frac\s*\{?\s*1\s*\}?\s*\{?\s*[NMm]\s*\}?\s*)?\\sum\s*_\s*\{?\s*" + letter
                     + r"(?:\s*=\s*[01])?[^=]{0,40}?(?<![A-Za-z\\])(?:[ELJC]|\\ell)\s*_\s*\{?\s*" + letter + r"(?![A-Za-z])")
    return any(own.search(_normal(c.latex)) for c in claims[:2000] if len(c.latex) <= 600)


def sample_letter(claims, batch: int) -> str | None:
    """The letter the answer's own objective sums its samples with (``\\sum_n … y_n``), in a batch; else None."""
    if batch < 2:
        return None
    for c in claims:
        text = _normal(c.latex)
        if len(text) > 600:
            continue
        m = _OBJECTIVE_SUM.match(text)
        if m and re.search(rf"(?<![A-Za-z\\])(?:y|\\ell\s*|[ELJC])\s*_\s*\{{?\s*{m.group(1)}\b", text[m.end():]):
            # y_n, or the n-th example's loss \ell_n (\mathcal{L}_n): n counts the examples
            return m.group(1)
        m = _DOUBLE_SUM.match(text) or _MEAN_OVER_OUTPUTS.match(text)
        if m and m.re is _DOUBLE_SUM and (m.group("count") or "N").isdigit() and int(m.group("count")) != batch:
            m = None  # (a number for the count: the batch's own size only — ½ Σ_n Σ_k is no mean over two examples)
        outer, inner = m.groups()[-2:] if m else ("", "")
        if m and re.search(rf"(?<![A-Za-z\\])[tyTY]\s*_\s*\{{\s*{outer}\s*,?\s*{inner}\s*\}}", text[m.end():]):
            # the Lazy Programmer's J = Σ_n Σ_k t_{nk} log y_{nk}: the outer sum's n, first on the target, counts the
            # examples (the inner k the classes)
            return outer
    return None


#: the letters of the examples: a sum right after a mean's 1/m (Lalin's -\frac{1}{m} \sum_i), a letter that runs to
#: the number of examples (i = 1, \dots, m), a column slice of a lowercase vector letter (z_{:, i}: column i)
_MEAN_SUM = re.compile(r"\\frac\s*+\{\s*+1\s*+\}\s*+\{\s*+[mNM]\s*+\}\s*+\\sum\s*+_\s*+\{?\s*+([a-z])(?![A-Za-z])")
_RUNS_TO_M = re.compile(r"^\s*([a-z])\s*=\s*1\s*,\s*(?:\\[lc]?dots|\\ldots|\.\.\.)\s*,?\s*[mNM]\s*$")
_COLUMN_SLICE = re.compile(r"(?<![A-Za-z\\])[zahy]\s*+\}?\s*+_\s*+\{\s*+:\s*+,\s*+([a-z])\s*+\}")


def batch_letters(claims) -> str:
    """The letters the answer numbers its examples with (see _MEAN_SUM above), as one string; "" when none, or when
    no claim indexes a vector letter by one of them (``per_example``: then the letter changes no reading, and the
    answer's other readings stay as they were — purepisces' 1/m Σ_i ℓ with Bishop-like unit letters elsewhere). The
    parser reads it as the example only on a vector letter written with two indices (``z_{j, i}``) or a column
    slice, both unread before."""
    found: list[str] = []
    for c in claims:
        text = c.latex if len(c.latex) <= 2000 else ""
        for m in (*_MEAN_SUM.finditer(text), *_COLUMN_SLICE.finditer(text)):
            found.append(m.group(1))
        m = _RUNS_TO_M.match(text)
        if m:
            found.append(m.group(1))
    letters = "".join(sorted(set(found) - {"m"}))  # (z_{:, m}: the last example, m their number)
    return letters if letters and any(per_example(c.latex, letters) for c in claims) else ""


#: a capital declared with the examples as its rows: Z \in \mathbb{R}^{B \times K} (B the number of examples)
_ROWS_DECLARED = re.compile(r"(?<![A-Za-z\\])([A-Z])\s*\\in\s*\\mathbb\s*\{?\s*R\s*\}?\s*\^\s*\{\s*([A-Za-z])\s*\\times")
#: a capital with two one-letter indices run together or with a comma: S_{ij}, Z_{i\ell}, Z_{i,k}
_TWO_INDICES = re.compile(r"(?<![A-Za-z\\])([A-Z])\s*_\s*\{\s*([a-z])\s*,?\s*(?:[a-z]|\\ell)\s*\}")


def row_example_letters(claims, examples: str) -> tuple[str, str]:
    r"""(the letters, the capitals): the first index of a batch capital written with two (Shreyansh's S_{ij},
    Z_{i\ell} beside ``Z \in \mathbb{R}^{B \times K}``, B the number of examples ``examples``) — the capital's rows
    are the examples, so its first index numbers them, and the capital with that index alone (S_i) is one example's
    row. ("", "") when no capital is declared so or none is indexed by two."""
    texts = [c.latex for c in claims if len(c.latex) <= 2000]
    rows = {m.group(1) for t in texts for m in _ROWS_DECLARED.finditer(t) if m.group(2) in examples}
    if not rows:
        return "", ""
    found = {m.group(2) for t in texts for m in _TWO_INDICES.finditer(t) if m.group(1) in rows}
    rows |= {m.group(1) for t in texts for m in _TWO_INDICES.finditer(t) if m.group(2) in found}  # S_{ij} beside Z_{ij}
    return "".join(sorted(found)), "".join(sorted(rows)) if found else ""


def per_example(latex: str, letters: str) -> bool:
    """Whether a claim indexes a vector letter by an example letter (``z_{j, i}``, ``a_{:, i}``): judged entry by entry
    over every example, it is slow to score a notation reading with and, with no definition in it, no evidence of one
    (infer.infer leaves it out of a short answer's evidence)."""
    if not letters or len(latex) > 4000:
        return False
    return (re.search(r"_\s*\{[^{}]{0,12},\s*[" + re.escape(letters) + r"]\s*\}", latex) is not None
            or re.search(r"(?<![A-Za-z\\])[A-Z]\s*(?:\^\s*(?:\{[^{}]{0,12}\}|\w)\s*)?_\s*\{\s*[a-z]\s*[" + re.escape(letters)
                         + r"]\s*\}", latex) is not None)  # (Ng's Y_{ki}, A^{[3]}_{ki}: a capital's entry k of example i)


#: B as the number of examples (PyTorch write-ups): the mean's 1/B, a sum over the examples up to B
_B_COUNTS = re.compile(r"\\frac\s*\{\s*1\s*\}\s*\{\s*B\s*\}|\\sum\s*_\s*\{\s*[a-z]\s*=\s*1\s*\}\s*\^\s*\{?\s*B(?![A-Za-z_^])")
#: B as a quantity: added (Aflak's Y = XW + B), with a layer or an index (B^{(2)}, B_1), defined, differentiated
_B_QUANTITY = re.compile(r"[+-]\s*B(?![A-Za-z])|(?<![A-Za-z\\])B\s*(?:[+_]|\^\s*\{?\s*[(\[\d])|^\s*B\s*=|\\partial\s*B"
                         r"|(?<![A-Za-z\\])dB(?![A-Za-z])")


def batch_size_b(claims) -> str | None:
    """The letter the answer counts its examples by, B or b (``\\frac{1}{B} \\sum_b``, ``\\sum_{i=1}^{B}``; Pedro's
    ``BCE = -\\frac{1}{b} [y \\odot \\log a + …]``): so written somewhere, and nowhere a quantity (added to a product
    as a bias, with a layer or an index, defined, differentiated, an index itself). None when neither is."""
    texts = [_normal(c.latex) for c in claims]
    if any(_B_COUNTS.search(t) for t in texts) and not any(_B_QUANTITY.search(t) for t in texts):
        return "B"
    if any(_LOWER_B_COUNTS.search(t) for t in texts) and not any(_LOWER_B_QUANTITY.search(t) for t in texts):
        return "b"
    return None


#: b as the number of examples: the mean's 1/b only (b is the bias letter everywhere else: any other use of it decides)
_LOWER_B_COUNTS = re.compile(r"\\frac\s*\{\s*1\s*\}\s*\{\s*b\s*\}")
#: b as a quantity or an index: added, with a script, in braces other than 1/b's, defined, differentiated, dB/db, summed
_LOWER_B_QUANTITY = re.compile(r"[+-]\s*b(?![A-Za-z])|(?<![A-Za-z\\])b\s*(?:[+_^=(]|\\)|\\partial\s*b|(?<![A-Za-z\\])d\s*b(?![A-Za-z])"
                               r"|\{\s*b\s*[=,]|\\(?:mathbf|boldsymbol|vec)\s*\{\s*b|_\s*\{?\s*b")
