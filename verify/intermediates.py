"""A layer-norm backward derivation in its own intermediate quantities, index by index (Shreyansh Singh's post, the
Triton tutorial's names): one row x of N features, μ = 1/N Σ_j x_j, σ² = 1/N Σ_j (x_j − μ)², rstd = 1/√(σ² + ε),
x̂_j = (x_j − μ)·rstd, y_j = x̂_j γ_j + β_j; ``dy_j`` for dL/dy_j (``d\\gamma_j``, ``d\\hat{x}'_j`` likewise), the
Kronecker δ_{kj}, sums over the features (Σ_k, Σ_{p≠j}, Σ over a row vector's entries), a row index i for the batch
(x_{ij}, dy_{ij}, rstd_i, σ_i², Σ_i), PyTorch's E[x] and Var[x]. The answer's own names (c_1, c_{2_i}, σ,
``\\text{inv\\_std}``, m_i, v_i, s_i, x̄) are bound by their first definition, a row subscript a parameter.

Read only for a network with exactly one normalisation layer, a layer norm, written layer-locally (x̂ in a claim, no
weights): x is the layer's input, y its output. Every value comes from the core's evaluator (``Truth.compute``, the
spec's program): the layer's input, μ, σ², x̂, y, γ, β at the judge's points, and the upstream gradient dL/dy is the
program's ∂J/∂y of the layer (any scalar L downstream of y gives the same verdicts: every claim is linear in it).

- **Derivatives are total** by default: ∂A/∂x_j, ∂A/∂γ_j, ∂A/∂β_j, ∂A/∂x̂_j by central differences over the program's
  forward pass with that entry raised and lowered (x̂ moved alone: what follows it is recomputed); dL/dv = Σ_k dL/dy_k
  ∂y_k/∂v. **The graph's partials** where the answer writes them (a derivative by μ or σ², dμ, dσ²): by μ or σ² the
  node moved alone, a chain rule through x̂ and μ or σ² read at fixed μ and σ², and another derivative by x whose two
  readings differ ``unchecked`` (``GRAPH_OPEN``); ∂σ²/∂μ is never read; derivatives by rstd are not read.
- **A claim without a row index is about one row** (L that row's share): judged for every row of the batch alone
  (dL/dγ_j = dy_j x̂_j holds there); a claim naming the row i (or summing over it) is about the batch (dL/dγ_j =
  Σ_i dy_{ij} x̂_{ij}).
- N (D, H) is the number of features only when a definition of μ, σ², rstd, x̂ or y that depends on it holds with
  it; a letter whose definitions all fail here (the answer's μ is another quantity) is taken out of the reading; ε is
  the layer's.
- Verdicts: every side equal for every value of its free indices at every point: ``correct``; a link different
  beyond doubt: ``incorrect``, naming the link and the indices; a side that does not read (an unknown symbol, a
  derivative by rstd): the claim is left as the judge left it. ``rejudge`` says which of the judge's verdicts are
  revised (its unchecked ones; a claim naming the feature count the judge reads as the batch size; a claim the two
  readings decide differently, then ``unchecked``).

The scanner is one linear pass (``_TOKEN``, no backtracking); the parser's bounds on one formula hold; sizes are the
judge's (capped widths and batch), the number of index assignments per claim is bounded (``MAX_ASSIGNMENTS``), and
each claim is read under the judge's per-claim limit.
"""

from __future__ import annotations

import itertools
import re

import numpy as np
from gradproof.derive import limits

from .normalize import fold_unicode
from .parser import MAX_CHARS, MAX_DEPTH  # (the judge's bounds on one formula: longer or deeper is not read here)

#: free-index assignments evaluated per side of a claim (4 features: three free indices and a row)
MAX_ASSIGNMENTS = 4096
_STEP = 1e-5
_SAME, _DIFFERENT = 1e-5, 1e-3  # relative tolerances: equal below the first, different beyond the second

_TOKEN = re.compile(r"\\[A-Za-z]+|\\[{}]|\\[,;:! ]|\d+(?:\.\d+)?|[A-Za-z]|[{}()\[\]^_+\-=*/',|&]|\s+|.")
_DROPPED = {"left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "displaystyle", "quad",
            "qquad", "boldsymbol", "mathbf", "bm"}
#: letters an answer counts its features with (bound when its definition of μ or σ² holds with them)
_COUNTS = ("N", "D", "H")
#: letters a batch-norm answer counts its batch with (m, N: the batch size by convention, Ioffe & Szegedy's m)
_BATCH_COUNTS = ("m", "N")
#: the layer's quantities whose definitions an answer may write and the reading checks (contest, bind_count)
_CHECKED = ("mu", "var", "rstd", "xhat", "y", "delta")
#: the loss a derivative's numerator names: L, ℓ, \\mathcal{L}, J, E, C
_LOSSES = (["L"], ["\\ell"], ["J"], ["E"], ["C"], ["\\mathcal", "{", "L", "}"], ["\\mathcal", "L"])
#: PyTorch's E[x] and Var[x] (its layer-norm documentation)
_MOMENTS = {"E": "mu", "Var": "var"}
_LOSS_TOKENS = ("L", "\\ell", "J", "E", "C")
_TEXTS = ("mathbb", "text", "mathrm", "operatorname", "textrm", "mathit")
_LAYER_LOCAL_HAT = re.compile(r"\\(?:wide)?hat\s*\{?\s*x")
#: batch norm's input written z (x̂ written ẑ: the notebook's \hat{z_l}): the hatted letter names the layer's input
_HAT_Z = re.compile(r"\\(?:wide)?hat\s*\{?\s*z(?![A-Za-z])")
#: l as a layer's letter (z_{l+1}, a_{l-1}): a subscript l alone then names the layer, not an example
_LAYER_LETTER = re.compile(r"_\s*\{\s*l\s*[+-]\s*1\s*\}")
_FUNCTION_WORDS = ("\\text", "\\mathrm", "\\operatorname")
_WEIGHTS = re.compile(r"(?<![A-Za-z\\])[Ww](?![A-Za-z])|\\theta|\\mathbf\s*\{\s*W")


#: a derivative by μ or σ² (∂x̂_j/∂μ, dσ²): the answer takes partials in its dependency graph
_GRAPH = re.compile(r"\}\s*\{\s*(?:\\partial|d)\s*\\(?:mu|sigma)(?![A-Za-z])|(?<![A-Za-z\\{])d\\(?:mu|sigma)(?![A-Za-z])")


#: the loss's derivative by μ or σ² (∂C/∂μ_B, ∂J/∂σ²): a batch-norm answer that writes its graph's chain rule
_LOSS_BY_NODE = re.compile(r"\\frac\s*\{\s*(?:\\partial|d)\s*(?:[LJCE]|\\ell|\\mathcal\s*\{?\s*[LJ]\s*\}?)\s*\}"
                           r"\s*\{\s*(?:\\partial|d)\s*\\(?:mu|sigma)(?![A-Za-z])")
#: the message of a definition of the answer's own name (no claim: it says what a letter is)
DEFINES = "defines "
#: the message of a derivative of L under a sentence that picks one case of an index ("For j = i": the j = i term)
CASE = "not judged: the sentence before it"
#: why a derivative by x is not judged in an answer that writes its graph's partials
GRAPH_OPEN = ("the answer writes its graph's partials (by μ or σ²), and here a derivative by x read as the total "
              "derivative and read at fixed μ and σ² (a partial of the graph) give different verdicts; which one it "
              "is, is not said")


class _Unread(Exception):
    """A side that does not read in this notation (the claim keeps the judge's verdict)."""


# -- the answer's text -> a small tree --------------------------------------------------------------------------------
def _tokens(text: str) -> list[str]:
    out = []
    for m in _TOKEN.finditer(text):
        t = m.group(0)
        if t.isspace() or t == "&" or t in ("\\,", "\\;", "\\:", "\\!", "\\ "):
            continue
        if t.startswith("\\") and t[1:] in _DROPPED:
            continue
        out.append(t)
    return out


class _Parser:
    """Recursive descent over the tokens of one side; nodes are tuples (op, ...)."""

    def __init__(self, toks: list[str], own: dict, batch: bool = False):
        self.t, self.k, self.own, self.batch = toks, 0, own, batch
        self.sums = 0  # (sums without an index: each names its own letter)

    def peek(self, d: int = 0):
        return self.t[self.k + d] if self.k + d < len(self.t) else None

    def next(self):
        tok = self.peek()
        if tok is None:
            raise _Unread("the side ends too early")
        self.k += 1
        return tok

    def expect(self, tok: str):
        if self.next() != tok:
            raise _Unread(f"expected {tok}")

    def group(self) -> list[str]:
        """The tokens of a {...} group (or one token)."""
        if self.peek() != "{":
            return [self.next()]
        self.next()
        depth, out = 1, []
        while True:
            tok = self.next()
            depth += (tok == "{") - (tok == "}")
            if depth == 0:
                return out
            out.append(tok)

    def sub(self, p: _Parser) -> object:
        node = p.expr()
        if p.peek() is not None:
            raise _Unread(f"cannot read {p.peek()!r}")
        return node

    def child(self, toks: list[str]) -> _Parser:
        p = _Parser(toks, self.own, self.batch)
        p.sums = self.sums + 100 * (self.k + 1)  # (a child's sums name letters of their own)
        return p

    # expr := term (± term)*
    def expr(self):
        node = self.term()
        while self.peek() in ("+", "-"):
            op = "add" if self.next() == "+" else "sub"
            node = (op, node, self.term())
        return node

    def term(self):
        if self.peek() == "-":
            self.next()
            return ("neg", self.term())
        if self.peek() == "+":
            self.next()
        node = self.factor()
        while self.peek() is not None and self.peek() not in ("+", "-", ")", "]", "\\}", "=", "}"):
            if self.peek() in ("\\cdot", "*", "\\times", "\\odot"):
                self.next()
            if self.peek() == "\\sum":
                return ("mul", node, self.factor())  # (the sum takes the rest of the term)
            if self.peek() == "/":
                self.next()
                node = ("div", node, self.factor())
                continue
            node = ("mul", node, self.factor())
        return node

    def factor(self):
        node = self.atom()
        while self.peek() == "^":
            self.next()
            power = self.group()
            if node[0] in ("q", "own") and power[:1] in (["("], ["["]):
                raise _Unread("a layer's or an example's script, x^{(2)}, is no power")
            node = ("pow", node, self.sub(self.child(power)))
        return node

    def atom(self):
        tok = self.next()
        if re.fullmatch(r"\d+(?:\.\d+)?", tok):
            return ("num", float(tok))
        if tok in ("(", "[", "\\{", "{"):
            close = {"(": ")", "[": "]", "\\{": "\\}", "{": "}"}[tok]
            node = self.expr()
            self.expect(close)
            return node
        if tok in ("\\frac", "\\tfrac", "\\dfrac"):
            top, bottom = self.group(), self.group()
            der = self._derivative(top, bottom)
            if der is not None and der[0] == "by":  # \frac{\partial}{\partial v}(…): the operator on what follows
                return ("der", self.factor(), der[1])
            if der is not None:
                return der
            return ("div", self.sub(self.child(top)), self.sub(self.child(bottom)))
        if tok == "\\sqrt":
            return ("sqrt", self.sub(self.child(self.group())))
        if tok == "\\sum":
            return self._sum()
        if tok == "\\delta" and self.batch and self.peek() == "_" and (
                self.peek(1) != "{" or self.peek(3) == "}"):
            return ("grad", ("q", "y", (self._one_index(),)), "delta")  # δ_i: dL/dy_i, the layer's δ (∂J/∂z of y)
        node = self._atom(tok)
        if node[0] == "own" and len(node) == 3 and self.own.get(node[1], (None,))[0] == _VECTOR:
            node = (*node, _EACH)  # (an own name with an entry per example: z̄ = z − μ, entry by entry)
        return node

    def _atom(self, tok: str):
        if tok == "\\delta":
            a, b = self._indices()
            return ("kron", a, b)
        if tok in ("d", "\\partial") and self.peek() in _LOSS_TOKENS and self.peek(1) == "/" and self.peek(2) == tok:
            self.k += 3  # ∂L/∂x_j written inline
            var = self.quantity(self.next())
            if var[0] != "q" or var[1] not in ("x", "xhat", "y", "gamma", "beta", "mu", "var"):
                raise _Unread("a derivative is read by x_j, \\hat{x}_j, y_j, γ_j, β_j (one entry), μ or σ²")
            return ("grad", var)
        if tok == "d" and self.peek() in ("y", "x", "\\gamma", "\\beta", "\\hat", "\\widehat", "\\mu", "\\sigma"):
            return ("grad", self.quantity(self.next()))  # dy_j: dL/dy_j (the answer's own abbreviation)
        return self.quantity(tok)

    def _one_index(self) -> str:
        self.next()
        idx = self.group()
        if len(idx) != 1 or not re.fullmatch(r"[a-z]", idx[0]):
            raise _Unread("δ with another index")
        return idx[0]

    def _indices(self) -> list[str]:
        if self.peek() != "_":
            raise _Unread("δ needs two indices, δ_{kj}")
        self.next()
        idx = [t for t in self.group() if t != ","]
        if len(idx) != 2 or not all(re.fullmatch(r"[A-Za-z]|\d", t) for t in idx):
            raise _Unread("δ needs two indices, δ_{kj}")
        return idx

    def _sum(self):
        if self.peek() != "_":  # Σ over a row vector written without its index: its entries
            self.sums += 1
            body, letter = self.term(), f"#{self.sums}"
            renamed = _rename(body, _EACH, letter)
            if renamed == body:
                raise _Unread("a sum without its index over no vector")
            return ("sum", letter, None, renamed)
        self.next()
        spec = self.group()
        if self.peek() == "^":  # \sum_{k=1}^{N}: the whole range
            self.next()
            upper = self.group()
            if upper not in (["N"], ["D"], ["H"]) and not (self.batch and upper == ["m"]):
                raise _Unread("a sum with another range")
        if len(spec) == 1 and re.fullmatch(r"[a-z]", spec[0]):
            letter, skip = spec[0], None
        elif len(spec) == 3 and spec[1] in ("\\neq", "\\ne") and all(re.fullmatch(r"[a-z]", s) for s in spec[::2]):
            letter, skip = spec[0], spec[2]
        elif len(spec) == 3 and spec[1] == "=" and spec[2] == "1":
            letter, skip = spec[0], None
        else:
            raise _Unread("cannot read the sum's index")
        body = self.term()
        if self.batch and skip is None and not _uses(body, letter):
            body = _rename(body, _EACH, letter)  # Σ_c X (the sum along the column): over X's entries, the batch
        return ("sum", letter, skip, body)

    def _derivative(self, top: list[str], bottom: list[str]):
        """dL/dv, ∂A/∂v (None when the fraction is no derivative)."""
        marks = ("d", "\\partial")
        if not top or not bottom or top[0] not in marks or bottom[0] not in marks:
            return None
        by = self.child(bottom[1:])
        var = by.quantity(by.next())
        if by.peek() is not None or var[0] != "q" or var[1] not in ("x", "xhat", "y", "gamma", "beta", "mu", "var"):
            raise _Unread("a derivative is read by x_j, \\hat{x}_j, y_j, γ_j, β_j (one entry), μ or σ²")
        if len(top) == 1:
            return ("by", var)
        if top[1:] in _LOSSES:
            return ("grad", var)
        return ("der", self.sub(self.child(top[1:])), var)

    def quantity(self, tok: str):
        name = None
        if tok in ("\\hat", "\\widehat"):
            inner = self.group()
            if len(inner) > 2 and inner[:2] == ["x", "_"] and self.peek() != "_":
                self.t[self.k:self.k] = inner[1:]  # \hat{x_i}: the index inside the hat is x̂'s (Talwar, Sai Krishna)
                inner = inner[:1]
            if inner != ["x"]:
                raise _Unread("a hat on another letter")
            name = "xhat"
            if self.peek() == "'":
                self.next()
        elif tok in ("x", "y"):
            name = tok
        elif tok in ("\\gamma", "\\beta"):
            name = tok[1:]
        elif tok == "\\mu":
            name = "mu"
        elif tok in ("\\epsilon", "\\varepsilon"):
            return ("eps",)
        elif tok in _COUNTS or self.batch and tok in _BATCH_COUNTS:
            return ("N", tok)
        elif tok == "\\sigma":
            return self._sigma()
        elif tok in ("\\" + t for t in _TEXTS):
            word = "".join(self.group())
            if word in _MOMENTS and self.peek() in ("[", "(") and self.peek(1) == "x" and self.peek(2) in ("]", ")"):
                self.k += 3  # E[x], Var[x] (PyTorch's documentation): the row's mean and biased variance
                return ("q", _MOMENTS[word], ())
            if word == "rstd":
                name = "rstd"
            elif re.fullmatch(r"[A-Za-z][A-Za-z\\_]{0,20}", word):
                return ("own", word.replace("\\", ""), self._row_script())
            else:
                raise _Unread(f"the word {word}")
        elif tok in ("\\bar", "\\overline", "\\tilde"):  # x̄: the answer's own name (its definition binds it)
            inner = self.group()
            if len(inner) != 1 or not re.fullmatch(r"[A-Za-z]", inner[0]):
                raise _Unread("a bar over more than a letter")
            return ("own", f"{tok}{{{inner[0]}}}", self._row_script())
        elif re.fullmatch(r"[A-Za-z]", tok) and tok != "e":  # m, v, s, c_1, m_b: the answer's own letters
            if self.peek() == "_" and (re.fullmatch(r"\d", self.peek(1) or "") or self.peek(1) == "{" and re.fullmatch(
                    r"\d", self.peek(2) or "")):
                return self._own(tok)
            return ("own", tok, self._row_script())
        if name is None:
            raise _Unread(f"unknown symbol {tok}")
        idx: list[str] = []
        if self.peek() == "_":
            self.next()
            idx = [t for t in self.group() if t != ","]
            if not all(re.fullmatch(r"[A-Za-z]|\d", t) for t in idx) or len(idx) > 2:
                raise _Unread(f"cannot read the indices of {name}")
        if not idx and name in (("x", "xhat", "y") if self.batch else ("x", "xhat", "y", "gamma", "beta")):
            idx = [_EACH]  # a row vector without an index: elementwise (a claim naming no other index, judge_claim)
        if self.batch and len(idx) == 2 and name in _PER_ENTRY:
            idx = idx[::-1]  # x_{ij} of batch norm: example i, feature j — the feature is the reading's row
        return ("q", name, tuple(idx))

    def _sigma(self):
        """σ² (σ^2, σ^{2}, σ_i^2, σ^2_i: the variance, of row i) or σ alone (the answer's own name, bound by its
        definition such as σ = √(σ² + ε)); σ with a word below (σ_{inv}) is an own name of its own."""
        if self.peek() == "_" and self.peek(1) == "{" and self.peek(2) is not None and self.peek(3) not in (None, "}"):
            save = self.k
            self.next()
            word = self.group()
            if 2 <= len(word) <= 8 and all(re.fullmatch(r"[a-z]", t) for t in word):
                return ("own", "sigma_" + "".join(word), ())
            self.k = save
        row = self._row_script()
        if self.peek() == "^":
            save = self.k
            self.next()
            if self.group() != ["2"]:
                self.k = save  # (σ^{-1}: a power of the answer's own σ)
                return ("own", "sigma", row)
            row = row or self._row_script()
            return ("q", "var", row)
        return ("own", "sigma", row)

    def _row_script(self) -> tuple:
        """An own name's row, written as its one subscript letter (σ_i: row i), or none."""
        if self.peek() != "_":
            return ()
        self.next()
        r = self.group()
        if len(r) != 1 or not re.fullmatch(r"[a-z]", r[0]):
            raise _Unread("cannot read the own name's row")
        return (r[0],)

    def _own(self, letter: str):
        """c_1, c_{2_{i}}: the answer's own name (bound by its first definition), with the row written or not."""
        self.next()
        g = self.group()
        if not g or not re.fullmatch(r"\d", g[0]):
            raise _Unread("an own name c with a letter index")
        rest = g[1:]
        row: tuple = ()
        if rest:
            if rest[0] != "_":
                raise _Unread("cannot read the own name's index")
            inner = self.child(rest[1:])
            r = inner.group()
            if len(r) != 1 or not re.fullmatch(r"[a-z]", r[0]) or inner.peek() is not None:
                raise _Unread("cannot read the own name's row")
            row = (r[0],)
        return ("own", f"{letter}_{g[0]}", row)


def _balanced(text: str) -> str:
    """The claim's tokens without a ``\\boxed`` wrapper and the braces a row of a wrapped block leaves unmatched (the
    row ``\\boxed{ a = b`` of ``\\boxed{\\begin{aligned} … \\end{aligned}}``), joined by spaces."""
    toks = _tokens(text)
    opened, dropped = [], {k for k, t in enumerate(toks) if t == "\\boxed"}
    boxes = {k + 1 for k in dropped if k + 1 < len(toks) and toks[k + 1] == "{"}  # \boxed{a = b}: its braces too
    for k, t in enumerate(toks):
        if t == "{":
            opened.append(k)
        elif t == "}" and opened:
            if opened[-1] in boxes:
                dropped.update((opened[-1], k))
            opened.pop()
        elif t == "}":
            dropped.add(k)
    dropped.update(opened)
    if toks and toks[-1] == ")" and toks.count(")") == toks.count("(") + 1:
        dropped.add(len(toks) - 1)  # (a stray closing parenthesis typed at the very end: 2/N (x_i - μ) ))
    return " ".join(t for k, t in enumerate(toks) if k not in dropped)


#: a definition set after a claim in its display: ``\\quad \\text{Let } σ = √(σ² + ε)`` (Sai Krishna's notes)
_LET = re.compile(r"\\q?quad\s*\\(?:text|mathrm)\s*\{\s*(?:[Ll]et|where)\s*\}")


def _let(latex: str) -> tuple[str, str | None]:
    """The claim without a definition written after it (``\\quad \\text{Let } σ = …``), and that definition."""
    m = _LET.search(latex)
    return (latex, None) if m is None else (latex[:m.start()], latex[m.end():].replace("~", " "))


def _rows(latex: str) -> list[str]:
    """The rows of a claim written as two relations split by ``\\\\`` (``y_{ij} = … \\\\ y_j = …``), or the claim."""
    return [r for r in latex.split("\\\\") if r.strip()] or [latex]


def _columns(node, letters: set):
    """Batch norm's x_j beside μ_j, σ_j² (j a feature): x, x̂, y with that one index are feature j's column of the
    batch, entry by entry (Ioffe & Szegedy's "for each feature")."""
    op = node[0]
    if op == "q" and node[1] in _PER_ENTRY and len(node[2]) == 1 and node[2][0] in letters:
        return ("q", node[1], (node[2][0], _EACH))
    if op in ("q", "own", "kron", "num", "eps", "N"):
        return node
    return tuple(_columns(a, letters) if isinstance(a, tuple) else a for a in node)


def _rewrite(toks: list[str], letter: str, layer: str | None, aliases: dict) -> list[str]:
    """Batch norm's tokens in the reading's names (one pass): the layer's input letter (z) as x, the answer's name of
    the output (q, bound by its definition γ ⊙ (…) + β) and BN(z), \\text{BN}_{(γ, β)}(z), as y; the layer letter
    below a quantity dropped (z_l, \\hat{z_l}: the layer, not an example; δ_l left unread); Ioffe & Szegedy's batch
    mark B below μ and σ dropped (μ_B, σ_{\\mathcal{B}}^2)."""
    out: list[str] = []
    k, n = 0, len(toks)
    while k < n:
        t = toks[k]
        if t in _FUNCTION_WORDS and toks[k + 1:k + 5] == ["{", "B", "N", "}"]:
            j = k + 5
            if j < n and toks[j] == "_" and j + 1 < n and toks[j + 1] == "{":  # BN_{(γ, β)}: its parameters
                depth, j = 0, j + 1
                while j < n:
                    depth += (toks[j] == "{") - (toks[j] == "}")
                    j += 1
                    if depth == 0:
                        break
            if toks[j:j + 3] == ["(", letter, ")"]:
                out.append("y")
                k = j + 3
                continue
        if t == "_" and out and out[-1] in ("\\mu", "\\sigma"):
            for mark in (["B"], ["{", "B", "}"], ["\\mathcal", "B"], ["\\mathcal", "{", "B", "}"],
                         ["{", "\\mathcal", "{", "B", "}", "}"]):
                if toks[k + 1:k + 1 + len(mark)] == mark:
                    k += 1 + len(mark)
                    break
            else:
                mark = None
            if mark is not None:
                continue
        if layer and t == "_" and out:
            size = 2 if toks[k + 1:k + 2] == [layer] else 4 if toks[k + 1:k + 4] == ["{", layer, "}"] else 0
            if size and out[-1] == "\\delta":
                out[-1] = "\\unread"  # (δ_l: the layer's δ of another quantity, not read here)
            if size:
                k += size
                continue
        out.append("x" if t == letter else aliases.get(t, t))
        k += 1
    return out


def _depth(text: str) -> int:
    """The deepest nesting of braces, parentheses and brackets (one pass)."""
    depth = deepest = 0
    for ch in text:
        depth += (ch in "{([") - (ch in "})]")
        deepest = max(deepest, depth)
    return deepest


def _sides_read(text: str) -> list[str]:
    """The sides of a claim this reading reads: none when it is longer or deeper than the judge's bounds on one formula
    (each step reading it — binding own names, the count, contested letters, judging — skips it alike; a claim nested
    deeper than Python's stack once ended the whole reading)."""
    return [] if len(text) > MAX_CHARS or _depth(text) > MAX_DEPTH else _sides(text)


def _sides(text: str) -> list[str]:
    """The top-level sides of a chain a = b = c (outside braces)."""
    out, depth, start = [], 0, 0
    for k, ch in enumerate(text):
        depth += (ch in "{([") - (ch in "})]")
        if ch == "=" and depth == 0:
            out.append(text[start:k])
            start = k + 1
    out.append(text[start:])
    return out


def _parse(text: str, own: dict, batch: bool = False):
    toks = _tokens(fold_unicode(text).strip().rstrip(".,;"))
    if not toks:
        raise _Unread("an empty side")
    p = _Parser(toks, own, batch)
    node = p.expr()
    if p.peek() is not None:
        raise _Unread(f"cannot read {p.peek()!r}")
    return node


# -- the index letters of a side -------------------------------------------------------------------------------------
_PER_ENTRY = ("x", "xhat", "y")
#: the feature index of a row vector written without one (y = (x − μ) rstd ⊙ γ + β)
_EACH = "@"
_PER_ROW = ("mu", "var", "rstd")
#: the parameter mark of an own name with an entry per example (batch norm's z̄ = z − μ): read entry by entry
_VECTOR = "@vector"


def _split(node, ops: tuple) -> list:
    """The operands of ``node`` split at ``ops`` (terms at add/sub, factors at mul/div) through negations."""
    out, stack = [], [node]
    while stack:
        n = stack.pop()
        if n[0] in ops:
            stack.extend(n[1:3])
        elif n[0] == "neg":
            stack.append(n[1])
        else:
            out.append(n)
    return out


def _repeated(node, letter: str) -> bool:
    """Whether two factors of one term of ``node`` write the index ``letter`` (∂C/∂x̂_i × ∂x̂_i/∂σ²: a product the
    summation convention would sum; ∂x̂_j/∂x_j alone is one factor)."""
    return any(sum(_uses(f, letter) for f in _split(term, ("mul", "div"))) > 1 for term in _split(node, ("add", "sub")))


def _uses(node, letter: str) -> bool:
    """Whether ``node`` writes the index letter ``letter`` anywhere."""
    for n in _walk(node):
        if n[0] in ("q", "own") and (letter in n[2] or letter in n[3:]) or n[0] == "kron" and letter in n[1:]:
            return True
        if n[0] == "sum" and letter in (n[1], n[2]):
            return True
    return False


def _letters(node, rows: set, features: set, bound: frozenset = frozenset(), per_row: tuple = _PER_ROW) -> set:
    """The free index letters of ``node``; the row letters and feature letters go into ``rows`` and ``features``
    (``per_row``: the quantities one per row — batch norm's γ and β too, one per feature of the batch)."""
    op = node[0]
    if op == "q":
        name, idx = node[1], node[2]
        positions = ((("row", "feature") if len(idx) == 2 else ("feature",)) if name in _PER_ENTRY
                     else ("row",) if name in per_row else ("feature",))
        if len(idx) > len(positions):
            raise _Unread(f"too many indices on {name}")
        free = set()
        for letter, where in zip(idx, positions, strict=False):
            if letter.isalpha() or letter[0] in (_EACH, "#"):
                (rows if where == "row" else features).add(letter)
                if letter not in bound:
                    free.add(letter)
        return free
    if op == "own":
        rows.update(node[2])
        features.update(node[3:])  # (an own name's entry, when it has one per example)
        return set(node[2]) - bound | set(node[3:]) - bound
    if op == "kron":
        features.update(x for x in node[1:] if x.isalpha())
        return {x for x in node[1:] if x.isalpha()} - bound
    if op == "sum":
        inner = _letters(node[3], rows, features, bound | {node[1]}, per_row)
        if node[2] is not None and node[2] not in bound:
            inner.add(node[2])
        return inner
    if op in ("grad",):
        return _letters(node[1], rows, features, bound, per_row)
    if op == "der":
        return _letters(node[1], rows, features, bound, per_row) | _letters(node[2], rows, features, bound, per_row)
    out = set()
    for a in node[1:]:
        if isinstance(a, tuple):
            out |= _letters(a, rows, features, bound, per_row)
    return out


def _rename(node, old: str, new: str):
    """``node`` with the index letter ``old`` written ``new`` (a sum's own letter for a vector's entries)."""
    op = node[0]
    if op in ("q", "own"):
        return (op, node[1], tuple(new if x == old else x for x in node[2]), *(new if x == old else x for x in node[3:]))
    if op == "kron":
        return (op, *(new if x == old else x for x in node[1:]))
    if op in ("num", "eps", "N"):
        return node
    return tuple(_rename(a, old, new) if isinstance(a, tuple) else a for a in node)


def _walk(node):
    """Every node of a side (a stack: no recursion on deep sums)."""
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        if n[0] not in ("q", "own", "kron", "num", "eps", "N"):  # (their tuples are indices, not nodes)
            stack.extend(a for a in n[1:] if isinstance(a, tuple))


# -- values ----------------------------------------------------------------------------------------------------------
class _Point:
    """The layer's arrays at one point of the judge (rows of the batch): the core's program, with overrides."""

    def __init__(self, reading, i: int, over: dict | None = None):
        self.reading, self.i = reading, i
        judge, norm = reading.judge, reading.norm
        params, X, Y = judge.points[i]
        out = judge.truth.compute(params, X, Y, over=over, forward_only=True)
        l = norm.index
        turn = np.transpose if reading.batch else np.asarray  # (batch norm: a feature's column read as a row)
        self.x = turn(np.asarray(out[reading.input_key], dtype=float))
        self.raw_mu, self.raw_var = out[f"mu{l}"], out[f"var{l}"]
        self.mu, self.var = np.ravel(self.raw_mu), np.ravel(self.raw_var)
        self.xhat = turn(np.asarray(out[f"xhat{l}"], dtype=float))
        self.y = turn(np.asarray(out[f"z{l}"], dtype=float))
        self.raw_gamma, self.raw_beta = out[f"gamma{l}"], out[f"beta{l}"]
        self.gamma = np.ravel(self.raw_gamma)
        self.beta = np.ravel(self.raw_beta)
        self.G = turn(reading.upstream[i])
        self.width = self.x.shape[1]  # the entries a statistic is taken over (a row's features; a feature's examples)


class IntermediateReading:
    """The reading of one answer (see the module docstring); ``rejudge`` revises the judge's unchecked results."""

    def __init__(self, judge, norm, input_key: str):
        self.judge, self.norm, self.input_key = judge, norm, input_key
        #: batch norm: the reading's rows are the features, the entries of a row the examples of the batch (x_i, x̂_i,
        #: y_i, δ_i = dL/dy_i), μ, σ², γ, β one per feature, m and N the batch size
        self.batch = norm.kind == "batchnorm"
        self.per_row = _PER_ROW + (("gamma", "beta") if self.batch else ())
        self.eps = float(norm.settings_dict["eps"])
        self.upstream = [np.asarray(r[f"dz{norm.index}"], dtype=float) for r in judge.rows]
        self.points = [_Point(self, i) for i in range(len(judge.points))]
        self.own: dict[str, object] = {}
        self.counts: dict[str, float] = {}  # N or D: the number of features, when a definition says so
        if self.batch:
            self.counts = {c: float(self.points[0].width) for c in _BATCH_COUNTS}
        self.cases: dict = {}  # claim id -> (a, b, equal): "For j = i" before its display (rejudge)
        self.letter, self.layer = "x", None  # batch norm: the input's letter (x, or z: ẑ), the layer letter (l)
        self.aliases: dict[str, str] = {}  # batch norm: the answer's letter for its output (q -> y, bind_output)
        self.case = None  # (while a claim under its case is evaluated)
        self._varied: dict = {}
        self.contested: set[str] = set()  # letters the answer defines otherwise (contest)
        self.graph = False  # the answer writes derivatives by μ or σ² (its graph's partials): rejudge
        self.local = False  # (while a claim is evaluated with the graph's partials)

    @classmethod
    def detect(cls, judge, claims) -> IntermediateReading | None:
        net = judge.net
        norms = [layer for layer in net.layers if layer.kind in ("batchnorm", "layernorm")]
        if len(norms) != 1 or getattr(judge, "numeric", False):
            return None
        if norms[0].kind == "layernorm" and net.mixes_samples:
            return None
        texts = [c.latex for c in claims]
        norm = norms[0]
        batch = norm.kind == "batchnorm"
        letter = ("x" if any(_LAYER_LOCAL_HAT.search(t) for t in texts)
                  else "z" if batch and any(_HAT_Z.search(t) for t in texts) else None)
        if letter is None or letter == "x" and any(_WEIGHTS.search(t) for t in texts):
            return None  # (x beside weights is the network's input; a hatted z names the layer's input whatever else)
        key = "x" if norm.index == 1 else f"h{norm.index - 1}"
        if key != "x" and key not in judge.truth._arrays_of:
            return None
        reading = cls(judge, norm, key)
        reading.letter = letter
        reading.layer = "l" if batch and any(_LAYER_LETTER.search(t) for t in texts) else None
        return reading

    # -- varied passes ----------------------------------------------------------------------------------------
    def varied(self, i: int, var: str, row: int, feature: int, local: bool = False) -> tuple[_Point, _Point, float]:
        """The point i with one entry of x, x̂, γ or β raised and lowered (the core's program recomputes what follows);
        ``local``: x moved with μ and σ² held (the graph's partial)."""
        k = (i, var, row, feature, local)
        if k not in self._varied:
            p = self.points[i]
            l = self.norm.index
            if var in ("gamma", "beta"):
                base, key = getattr(p, var), f"{var}{l}"
            elif var in ("mu", "var"):  # a node of the graph moved alone: the other statistic held
                base, key = (p.raw_mu, f"mu{l}") if var == "mu" else (p.raw_var, f"var{l}")
            elif var == "x":
                base, key = p.x, self.input_key
            else:
                base, key = p.xhat, f"xhat{l}"
            step = _STEP * max(1.0, float(np.max(np.abs(base))))
            ends = []
            for sign in (1, -1):
                moved = np.array(base, dtype=float)
                if self.batch and var in ("gamma", "beta", "mu", "var"):  # (one per feature: the reading's row)
                    moved = np.array(getattr(p, f"raw_{var}") if var in ("gamma", "beta") else base, dtype=float)
                    moved.reshape(-1)[row] += sign * step
                elif moved.ndim == 2:
                    moved[row, feature] += sign * step
                else:
                    moved[feature] += sign * step
                if self.batch and var in ("x", "xhat"):
                    moved = moved.T  # (back to the program's layout: examples as rows)
                over = {key: moved}  # (x̂ moved alone: cut from what feeds it, what follows recomputed)
                if var in ("mu", "var"):
                    over.update({f"mu{l}": p.raw_mu, f"var{l}": p.raw_var, key: moved})
                end = _Point(self, i, over)
                if local:  # x̂ and y at fixed μ and σ²; μ and σ² themselves are their own definitions' (of x alone)
                    held = _Point(self, i, {key: moved, f"mu{l}": p.raw_mu, f"var{l}": p.raw_var})
                    held.mu, held.var = end.mu, end.var
                    end = held
                ends.append(end)
            self._varied[k] = (ends[0], ends[1], step)
        return self._varied[k]

    # -- evaluation ------------------------------------------------------------------------------------------
    def value(self, node, p: _Point, env: dict, world: tuple) -> float:
        op = node[0]
        v = lambda n: self.value(n, p, env, world)  # noqa: E731
        if op == "num":
            return node[1]
        if op == "eps":
            return self.eps
        if op == "N":
            if node[1] not in self.counts:
                raise _Unread(f"{node[1]} is not bound (no definition of μ or σ² with it holds)")
            return self.counts[node[1]]
        if op == "add":
            return v(node[1]) + v(node[2])
        if op == "sub":
            return v(node[1]) - v(node[2])
        if op == "mul":
            return v(node[1]) * v(node[2])
        if op == "div":
            d = v(node[2])
            if d == 0:
                raise _Unread("a division by 0")
            return v(node[1]) / d
        if op == "neg":
            return -v(node[1])
        if op == "pow":
            e = self.value(node[2], p, {}, world)  # (an exponent is a number)
            base = v(node[1])
            if base < 0 and e != int(e):
                raise _Unread("a fractional power of a negative number")
            return base ** e
        if op == "sqrt":
            a = v(node[1])
            if a < 0:
                raise _Unread("the root of a negative number")
            return a ** 0.5
        if op == "kron":
            a, b = (self._index(x, env) for x in node[1:])
            return 1.0 if a == b else 0.0
        if op == "sum":
            letter, skip, body = node[1], node[2], node[3]
            if not _uses(body, letter):  # (kaixih's \sum_{i=1}^{N} dy: the sum's count is not the features' here)
                raise _Unread(f"the index {letter} of the sum is not used in its body")
            count = len(world) if letter in self._rows else p.width
            total = 0.0
            for n in range(count):
                value = world[n] if letter in self._rows else n
                if skip is not None and value == self._index(skip, env):
                    continue
                total += self.value(body, p, {**env, letter: value}, world)
            return total
        if op == "q":
            return self._quantity(node, p, env, world)
        if op == "own":
            if node[1] not in self.own:
                raise _Unread(f"{node[1]} is not defined before")
            param, body, rows = self.own[node[1]]
            row = self._row(node[2][0] if node[2] else None, env, world)
            saved, self._rows = self._rows, rows  # (the definition's own row letters)
            inner = {_EACH: self._index(node[3], env)} if param == _VECTOR and len(node) > 3 else {}
            if param == _VECTOR and not inner:
                raise _Unread(f"{node[1]} without its entry")
            try:
                return self.value(body, p, inner or ({param: row} if param else {}), (row,))
            finally:
                self._rows = saved
        if op == "grad":
            return self._gradient(node[1], p, env, world)
        if op == "der":
            return self._derivative(node[1], node[2], p, env, world)
        raise _Unread(f"cannot evaluate {op}")

    def _index(self, letter: str, env: dict) -> int:
        if letter.isdigit():
            return int(letter) - 1
        if letter == _EACH and letter in env:
            return env[letter]
        if letter not in env:
            raise _Unread(f"the index {letter} has no value")
        return env[letter]

    def _row(self, letter, env: dict, world: tuple) -> int:
        if letter is None:
            if len(world) != 1:
                raise _Unread("a row quantity without its row in a claim about the batch")
            return world[0]
        return self._index(letter, env)

    def _entry(self, node, env: dict, world: tuple) -> tuple[int | None, int]:
        name, idx = node[1], node[2]
        if name in _PER_ENTRY:
            if len(idx) == 2:
                return self._row(idx[0], env, world), self._index(idx[1], env)
            if len(idx) == 1:
                return self._row(None, env, world), self._index(idx[0], env)
            raise _Unread(f"{name} without its index")
        if name in ("gamma", "beta") and not self.batch:
            if len(idx) != 1:
                raise _Unread(f"{name} without its index")
            return None, self._index(idx[0], env)
        if len(idx) > 1:
            raise _Unread(f"{name} with two indices")
        return self._row(idx[0] if idx else None, env, world), 0

    def _quantity(self, node, p: _Point, env: dict, world: tuple) -> float:
        name = node[1]
        row, feature = self._entry(node, env, world)
        if feature >= p.width or (row is not None and row >= len(p.x)):
            raise _Unread("an index past the layer's width")
        if name in _PER_ENTRY:
            return float({"x": p.x, "xhat": p.xhat, "y": p.y}[name][row, feature])
        if name in ("gamma", "beta"):
            return float(getattr(p, name)[row if self.batch else feature])
        mu, var = float(p.mu[row]), float(p.var[row])
        return {"mu": mu, "var": var, "rstd": 1 / (var + self.eps) ** 0.5}[name]

    def _gradient(self, var, p: _Point, env: dict, world: tuple) -> float:
        """dL/dv = Σ over the world's rows and features of dL/dy ∂y/∂v (dL/dy the program's upstream gradient). By μ
        or σ² (the graph's nodes, read only in an answer that writes its graph's partials): the node moved alone,
        what follows it recomputed — L's path through σ² to μ adds ∂σ²/∂μ = −2/D Σ_j (x_j − μ) = 0."""
        name = var[1]
        if name in ("mu", "var") and not self.graph:
            raise _Unread("a derivative by μ or σ² in an answer that does not write its graph's partials")
        row, feature = self._entry(var, env, world)
        if name == "y":
            return float(p.G[row, feature]) if row in world else 0.0
        up, down, step = self.varied(p.i, name, row if row is not None else 0, feature)
        rows = list(world)
        return float(np.sum(p.G[rows] * (up.y[rows] - down.y[rows])) / (2 * step))

    def _derivative(self, top, var, p: _Point, env: dict, world: tuple) -> float:
        name = var[1]
        if name == "y":
            raise _Unread("a derivative by y of a quantity other than L")
        if name in ("mu", "var") and not self.graph:
            raise _Unread("a derivative by μ or σ² in an answer that does not write its graph's partials")
        if name in ("mu", "var") and any(n[0] in ("q", "own") and n[1] in ("mu", "var", "rstd") or n[0] == "own"
                                         for n in _walk(top)):
            raise _Unread("∂σ²/∂μ is not read: 0 at the mean whichever its sign")
        row, feature = self._entry(var, env, world)
        up, down, step = self.varied(p.i, name, row if row is not None else 0, feature, self.local and name == "x")
        return (self.value(top, up, env, world) - self.value(top, down, env, world)) / (2 * step)

    # -- claims ----------------------------------------------------------------------------------------------
    def sides_of(self, latex: str) -> list[str]:
        """The claim's sides as this reading reads them (batch norm: in the reading's names, ``_rewrite``)."""
        text = _balanced(fold_unicode(latex))
        if self.batch:
            text = " ".join(_rewrite(text.split(" "), self.letter, self.layer, self.aliases))
        return _sides_read(text)

    def bind_output(self, claims) -> None:
        """Batch norm's output named by the answer (q_l = γ ⊙ \\hat{z_l} + β): a letter defined as γ times something plus β
        is y (the definition itself is then judged as y's)."""
        for latex in (row for c in claims for row in _rows(c.latex)):
            texts = self.sides_of(latex)
            if len(texts) != 2 or not re.fullmatch(r"\s*[a-wz]\s*", texts[0]) or texts[0].strip() in _BATCH_COUNTS:
                continue
            try:
                body = _parse(texts[1], self.own, True)
            except _Unread:
                continue
            if body[0] == "add" and body[2] == ("q", "beta", ()) and body[1][0] == "mul" and body[1][1] == (
                    "q", "gamma", ()):
                self.aliases.setdefault(texts[0].strip(), "y")

    def judge_claim(self, latex: str):
        """(verdict, message) or None when the claim does not read in this notation."""
        texts = self.sides_of(_let(latex)[0])
        if len(texts) < 2:
            return None
        try:
            sides = [_parse(t, self.own, self.batch) for t in texts]
        except _Unread:
            return None
        if self.case is not None and sides[0][0] == "grad":
            a, b, equal = self.case
            return ("unchecked", f"{CASE} (\"for {a} {'=' if equal else '≠'} {b}\") picks one case of a sum's index: a "
                                 "derivative of L written under it is read as that case's terms of the sum, which are "
                                 "not judged")
        used = {n[1] for side in sides for n in _walk(side) if n[0] == "q"}
        used |= {"delta" for side in sides for n in _walk(side) if n[0] == "grad" and n[-1] == "delta"}
        if used & self.contested:
            return None
        defines = None
        if sides[0][0] == "own" and (sides[0][1] not in self.own or self.own[sides[0][1]][1] == sides[1]):
            defines = sides[0][1]  # (its first definition: bind_own bound it, or here)
            if not self._bind(sides[0], sides[1]):
                return None
            sides = sides[1:]
            if len(sides) < 2:
                return ("unchecked", f"{DEFINES}{defines} (the answer's own name), read as written")
        self._rows: set = set()
        features: set = set()
        try:
            free = [_letters(s, self._rows, features, per_row=self.per_row) for s in sides]
        except _Unread:
            return None
        if self.batch and self._rows & features and not features - self._rows:
            sides = [_columns(s, self._rows) for s in sides]  # x_j beside μ_j: feature j's column, entry by entry
            self._rows, features = set(), set()
            free = [_letters(s, self._rows, features, per_row=self.per_row) for s in sides]
        if self._rows & features or (_EACH in features and len({f for f in features if f[0] != "#"}) > 1):
            return None
        total = self._verdict(sides, free, local=False)
        if total is None or not self.graph or not any(n[0] == "der" and n[2][1] == "x" for s in sides for n in _walk(s)):
            if total is not None and total[0] == "correct" and defines:
                return total[0], total[1] + f"; {defines} as the answer defines it"
            return total
        local = self._verdict(sides, free, local=True)
        nodes = [n for side in sides for n in _walk(side)]
        if local is not None and (self.batch or any(n[0] == "grad" and n[1][1] in ("mu", "var") for n in nodes)):
            return local  # the graph's chain rule written out (paths through x̂ and μ or σ²): its partials
        if local is None or local[0] != total[0]:
            return ("unchecked", GRAPH_OPEN)
        return total

    def _verdict(self, sides: list, free: list, local: bool):
        """(verdict, message) of the sides at every point, row and index value; None when a side does not evaluate.
        ``local``: derivatives by x (not dL/dx) at fixed μ and σ², the partials of the answer's graph."""
        self.local = local
        letters = sorted(set().union(*free))
        batch = bool(self._rows)
        rows_n = len(self.points[0].x)
        width = self.points[0].width
        ranges = [range(rows_n) if x in self._rows else range(width) for x in letters]
        worlds = [tuple(range(rows_n))] if batch else [(r,) for r in range(rows_n)]
        count = len(worlds) * int(np.prod([len(r) for r in ranges] or [1]))
        if count > MAX_ASSIGNMENTS:
            return None
        fails: list = []
        doubtful = False
        try:
            for p in self.points:
                for world in worlds:
                    for values in itertools.product(*ranges):
                        env = dict(zip(letters, values, strict=True))
                        if self.case and self.case[0] in env and self.case[1] in env and (
                                env[self.case[0]] == env[self.case[1]]) != self.case[2]:
                            continue  # ("For j ≠ i": the pairs it names only)
                        got = [self.value(s, p, env, world) for s in sides]
                        if not all(np.isfinite(got)):
                            return None
                        for k in range(1, len(got)):
                            a, b = got[k - 1], got[k]
                            gap = abs(a - b) / (1 + abs(a) + abs(b))
                            if gap > _DIFFERENT:
                                fails.append((k, env, world, a, b))
                            elif gap > _SAME:
                                doubtful = True
        except _Unread:
            return None
        except (OverflowError, ZeroDivisionError, ValueError):
            return None
        finally:
            self.local = False
        reading = "partials at fixed μ and σ²" if local else "total derivatives"
        if not fails:
            if doubtful:
                return ("unchecked", "the sides agree only to about 3 digits at the judge's points (too close to call)")
            shown = [x for x in letters if x != _EACH]
            what = f" (for every {', '.join(shown)})" if shown else " (entry by entry)" if letters else ""
            if self.case and shown and self.case[0] in letters and self.case[1] in letters:
                what = f" (for every {', '.join(shown)} with {self.case[0]} {'=' if self.case[2] else '≠'} {self.case[1]})"
            return ("correct", f"matches the layer's own values and {reading}" + what)
        k, env, world, a, b = fails[0]
        stray = set(free[k]) ^ set(free[k - 1])
        repeated = sorted(x for x in stray if x[0] != "#" and (_repeated(sides[k], x) or _repeated(sides[k - 1], x)))
        if repeated == [_EACH]:  # (kaixih's ∂L/∂σ² = ∂L/∂y · ∂y/∂σ²: two vectors of the row's entries beside one number)
            return ("unchecked", f"link {k} multiplies two vectors of the row's entries on one side and has one number on "
                                 "the other: a dot product (the sum over the entries) or one entry's term, the answer does "
                                 "not say which (write the sum, or an index on both)")
        if repeated:  # (∂C/∂σ² = ∂C/∂x̂_i ∂x̂_i/∂σ²: a sum the summation convention would make, or one example's term)
            return ("unchecked", f"the index {', '.join(repeated)} is repeated on one side of link {k} and free on that "
                                 "side only: the summation convention would sum it, and the answer does not say whether "
                                 "it means the sum or one term")
        if stray:  # an index free on one side only: wrong for every value of it, else not called wrong
            hit = {tuple(sorted((x, e[x]) for x in stray)) for kk, e, _, _, _ in fails if kk == k}
            every = int(np.prod([rows_n if x in self._rows else width for x in stray]))
            if len(hit) < every:
                return ("unchecked", f"the index {', '.join(sorted(stray))} is free on one side of link {k} only, and "
                                     "the link holds for some of its values")
        where = ", ".join(f"{x if x != _EACH else 'entry'} = {v + 1}" for x, v in env.items())
        row = "" if batch else f" (feature {world[0] + 1} of the layer)" if self.batch else f" (row {world[0] + 1} of the batch)"
        link = f"link {k} of {len(sides) - 1}: " if len(sides) > 2 else ""
        return ("incorrect", f"{link}the left side gives {a:.6g}, the right side {b:.6g}"
                + (f" at {where}" if where else "") + row + f" ({reading})")

    def contest(self, claims) -> None:
        """The quantities the answer defines otherwise (Josh Levy-Kramer's μ_{bh} = x_{bh} − m_b, the centred input):
        a definition whose first side is μ, σ², rstd, x̂ or y and which does not hold (or does not read) in this
        reading, and none that does, makes every claim naming that letter unread here (a slip in it too: not guessed
        which; a letter another definition confirms keeps its reading, the wrong one judged a slip)."""
        held: set[str] = set()
        failed: set[str] = set()
        for latex in (row for c in claims for row in _rows(c.latex)):  # (y_{ij} = … \\ y_j = …: each row)
            texts = self.sides_of(latex)
            if len(texts) < 2:
                continue
            try:
                first = _parse(texts[0], self.own, self.batch)
            except _Unread:
                continue
            key = "delta" if first[0] == "grad" and first[-1] == "delta" else first[1]
            if first[0] not in ("q", "grad") or key not in _CHECKED:
                continue
            got = self.judge_claim(latex)
            (held if got is not None and got[0] == "correct" else failed).add(key)
        self.contested |= failed - held

    def _bind(self, first, body) -> bool:
        """Bind the own name ``first`` (its row letter, if written, a parameter: m_i = 1/N Σ_j x_{ij}) to ``body``; False
        when the definition does not read as one (a free index other than its row)."""
        rows: set = set()
        features: set = set()
        try:
            free = _letters(body, rows, features, per_row=self.per_row)
        except _Unread:
            return False
        param = first[2][0] if first[2] else None
        vector = self.batch and free == {_EACH} and not param  # (z̄ = z − μ: an entry per example)
        if not vector and (free - ({param} if param else set()) or (param and param in features)):
            return False
        if not any(n[0] in ("q", "grad", "der", "N", "eps") or n[0] == "own" and n[1] in self.own for n in _walk(body)):
            return False  # (k = j in "δ_kj is 1 if k = j": a condition on letters, no definition)
        if any(n[0] == "own" and n[1] not in self.own and n[1] != first[1] for n in _walk(body)):
            return False  # (a_l = f_l(q_l): f is nothing this reading knows)
        if param:
            rows.add(param)
        self.own[first[1]] = (_VECTOR if vector else param, body, rows)
        return True

    def bind_own(self, claims) -> None:
        """The answer's own names (c_1, σ, \\text{inv\\_std}) bound by their first definition, in the answer's order,
        whatever the judge made of it (the definition itself is judged with the rest of its chain)."""
        for latex in (part for c in claims for part in _let(c.latex)[::-1] if part):  # (a "Let σ = …" first)
            texts = self.sides_of(latex)
            if len(texts) < 2:
                continue
            try:
                first = _parse(texts[0], self.own, self.batch)
                if first[0] == "own" and first[1] not in self.own:
                    self._bind(first, _parse(texts[1], self.own, self.batch))
            except _Unread:
                continue

    def counts_features(self, latex: str) -> str | None:
        """The letter (N or D) the claim names that the answer counts its features with, or None (batch norm: m and N
        count the batch, as the judge reads them)."""
        if self.batch:
            return None
        return next((x for x in self.counts if re.search(rf"(?<![A-Za-z\\]){x}(?![A-Za-z])", latex)), None)

    def bind_count(self, claims) -> None:
        """N (or D, H) is the number of features when one of the answer's own definitions of μ, σ², rstd, x̂ or y that
        depends on the letter (itself or through the answer's own names: m_i = 1/N Σ_j x_{ij}) holds with it."""
        for c in claims:
            texts = self.sides_of(c.latex)
            if len(texts) != 2:
                continue
            try:
                first, second = _parse(texts[0], self.own, self.batch), _parse(texts[1], self.own, self.batch)
            except _Unread:
                continue
            if first[0] != "q" or first[1] not in _CHECKED:
                continue
            for letter in _COUNTS:
                if letter in self.counts or not self._mentions(second, letter):
                    continue
                self.counts[letter] = float(self.points[0].width)
                verdict = self.judge_claim(c.latex)
                if verdict is None or verdict[0] != "correct":
                    del self.counts[letter]

    def _mentions(self, node, letter: str) -> bool:
        """Whether ``node`` names the count letter, itself or through the own names it uses (each body once)."""
        seen: set = set()
        stack = [node]
        while stack:
            for n in _walk(stack.pop()):
                if n[0] == "N" and n[1] == letter:
                    return True
                if n[0] == "own" and n[1] in self.own and n[1] not in seen:
                    seen.add(n[1])
                    stack.append(self.own[n[1]][1])
        return False


def rejudge(judge, results) -> None:
    """The judge's ``unchecked`` results (each showing its claim as written) re-read as a layer-norm derivation in
    its own intermediate quantities. The judge's verdicts are revised in three cases: in an answer that counts its
    features with N (or D, H: its definition of μ or σ² holds so), a claim naming that letter, which the judge reads
    as the batch size, is judged here (``unchecked`` if it does not read here); a claim this reading judges the other
    way is ``unchecked`` (two readings disagree: neither is certain); in an answer that writes its graph's partials
    (by μ or σ²), a derivative by x that the total derivative and the graph's partial decide differently becomes
    ``unchecked`` (the judge reads derivatives as total)."""
    from .judge import ClaimResult, ran_out  # (judge imports this module lazily: no cycle)

    reading = IntermediateReading.detect(judge, results)
    if reading is None:
        return
    # (batch norm: the graph's partials only where the answer writes the loss's derivative by μ or σ², its chain rule
    # through the nodes — layerread's rule for the judge; then a derivative by x is the graph's partial)
    reading.graph = any((_LOSS_BY_NODE if reading.batch else _GRAPH).search(r.latex) for r in results)
    cases = getattr(judge, "cases", {})
    note = "read as a layer-norm derivation in its own intermediate quantities (verify/intermediates.py)"
    with np.errstate(all="ignore"):
        try:
            with limits.time_limit(limits.CLAIM_SECONDS * 2, "binding the answer's intermediate quantities", cpu=True):
                if reading.batch:
                    reading.bind_output(results)
                reading.bind_own(results)
                reading.bind_count(results)
                reading.contest(results)
        except (limits.TimeLimitError, RecursionError):
            return
        for k, old in enumerate(results):
            if limits.overdue():  # (the run's soft deadline: no verdict this reading could have taken back)
                for late in results[k:]:
                    if not late.rows:
                        ran_out(late, "as a layer-norm derivation in its own intermediate quantities")
                break
            counted = reading.counts_features(old.latex)
            if old.rows or old.verdict not in ("unchecked", "correct", "incorrect") or old.message.startswith(COUNT_STATED):
                continue  # (Kratzert's "a mini-batch of $N = 4$": the answer's batch size, which the judge leaves open)
            try:
                with limits.time_limit(limits.CLAIM_SECONDS, f"reading claim {old.id} by its intermediates", cpu=True):
                    reading.case = cases.get(old.id) or judge.index_condition(old.id)
                    got = reading.judge_claim(old.latex)
            except (limits.TimeLimitError, RecursionError):  # (nesting deeper than Python's stack: not read here)
                continue
            finally:
                reading.case = None
            sure = got is not None and got[0] in ("correct", "incorrect")
            if old.verdict == "unchecked":
                if not sure and (got is None or not got[1].startswith((DEFINES, CASE))):
                    continue  # (a definition of an own name, a case's terms say so instead of "unknown symbol")
            elif counted and not sure:
                got = ("unchecked", f"not judged: the answer counts its features with {counted} (its definition of μ "
                                    f"or σ² holds so), and this claim does not read in that reading; the judge's "
                                    f"{old.verdict} verdict read {counted} as the batch size")
            elif counted:
                pass  # (the judge read the count as the batch size: this reading's verdict)
            elif sure and got[0] != old.verdict:
                got = ("unchecked", f"not judged: read with the layer's own intermediate quantities it is {got[0]} "
                                    f"({got[1]}), but the judge's reading gives {old.verdict} ({old.message}); which "
                                    "reading the answer means is not certain")
            elif got is not None and got[1].startswith(CASE) and old.verdict == "incorrect":
                pass  # (one case's terms of a sum, not the whole derivative the judge read: not called wrong)
            elif got is None or got[1] != GRAPH_OPEN:
                continue  # (the judge's verdict stands unless the two readings of a derivative differ)
            results[k] = ClaimResult(old.id, old.latex, got[0], "", got[1], quantity=old.quantity,
                                     notes=old.notes + [note])

#: the start of the judge's message on a claim that states the batch size (judge._bounded_check)
COUNT_STATED = "not judged: it states how many examples there are"

__all__ = ["COUNT_STATED", "IntermediateReading", "rejudge"]
