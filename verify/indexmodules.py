r"""A module's backward pass derived on a batch in index notation (issue 10, twenty-fourth round).

Deep-learning courses that build a network from modules (the University of Amsterdam's Deep Learning 1, every year
since 2018; CS231n's layer API) ask for each module's gradients on a batch of S samples as *rows*, for any scalar loss
L of its output, entry by entry and then as matrices:

- the **linear module** ``Y = X W^T + B`` (X ∈ ℝ^{S×M}, W ∈ ℝ^{N×M}, B the S × N matrix whose rows are the bias b),
  ``\frac{\partial Y_{sn}}{\partial W_{ij}} = \sum_m X_{sm}\delta_{ni}\delta_{mj} = X_{sj}\delta_{ni}``,
  ``\frac{\partial L}{\partial \mathbf{W}} = (\frac{\partial L}{\partial \mathbf{Y}})^T \mathbf{X}``,
  ``\frac{\partial L}{\partial \mathbf{b}} = \mathbf{1}^T \frac{\partial L}{\partial \mathbf{Y}}``;
- the **activation module** ``Y = h(X)``, element-wise: ``\frac{\partial L}{\partial \mathbf{X}} = \frac{\partial
  L}{\partial \mathbf{Y}} \odot h'(\mathbf{X})``;
- the **softmax module** ``Y_{sc} = e^{X_{sc}} / \sum_k e^{X_{sk}}``;
- the **cross-entropy module** ``L = -\frac{1}{S}\sum_s\sum_c T_{sc}\ln X_{sc}`` (X the probabilities, T one-hot);
- **softmax and cross-entropy together** with logits Z (``\frac{\partial L}{\partial \mathbf{Z}} = \frac{1}{S}(Y - T)``).

The network's reading has no place for these claims (X and Y are a module's input and output, not the spec's x and
ŷ; Y_{sn} has a sample and a unit index; L is *any* function of Y). A TA checks them on the module itself, and so does
this reader:

- **Which module**: a claim's own letters decide (W, B or b: linear; h(…) or h': activation; e^{X…}: softmax; T with a
  logarithm and no Y: cross-entropy; Z: softmax with cross-entropy); a claim with none of those (the chain rule
  ``\frac{\partial L}{\partial X_{ij}} = \sum_{s,n} \frac{\partial L}{\partial Y_{sn}}\frac{\partial Y_{sn}}{\partial
  X_{ij}}``, ``Y_{in}(\delta_{nj} - Y_{ij})``) is about the module of the claims before it; wrong there but right for
  another module whose letters it uses: ``unchecked``.
- **What is open is read every way**: W out × in (``X W^T``) or in × out (``X W``) unless the document writes its
  forward product (``X W^T``, ``X_{sm} W_{nm}``); ``B_{ij}`` as an entry of its own or standing for b_j (B = 1 bᵀ).
  A claim is judged only when every open reading gives the same verdict.
- **The numbers**: S = 2 samples, M = 4 inputs, N = C = 3 outputs, random values; L any scalar function of the
  module's output, taken as L = Σ G ⊙ Y with G random (every first-order claim about "any L" is about ∂L/∂Y = G); h
  = tanh. ∂u/∂v by central differences over the module's forward pass with v's entry raised and lowered (everything
  after v recomputed); ∂L/∂\mathbf{V} the whole gradient. Every free index runs over its range (from the arrays it
  indexes; a digit is an index from 1); sums over theirs (their written limits are not read); δ_{ab} is Kronecker's.
  ``\mathbf{1}`` is a vector of ones of the size its product needs (1ᵀA sums A's rows; a column times 1ᵀ is that
  column beside itself). A chain holds when every side agrees with the first to 1e-6 (relative) at every index value.
- **Judged**: in a document written so (at least two claims take a derivative of a two-index entry of X, Y or Z),
  the claims the network's judge left ``unchecked`` whose every side reads here and that take at least one
  derivative; a chain's rows (``line N.k``) too. Definitions are not graded here.

Bounded: claims of at most MAX_CHARS characters and MAX_TOKENS tokens, MAX_DEPTH nesting, at most MAX_POINTS index
values per claim, the judge's per-claim CPU limit and the run's soft deadline. The answer's text is tokenised here and
evaluated with NumPy on the module's numbers; nothing of it is evaluated as code.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, field, replace

import numpy as np
from gradproof.derive import limits

from .normalize import plain_tex_over
from .tokenreader import LAYOUT, TokenReader, clean

MAX_CHARS = 3000
MAX_TOKENS = 700
MAX_DEPTH = 40
MAX_POINTS = 4000  # index values one claim is evaluated at (all free indices together)
MAX_DIGITS = 12
CLAIM_CPU = 2.0
STEP = 1e-6

SIZES = {"S": 2, "M": 4, "N": 3}

_BOLD = {"mathbf", "boldsymbol", "bm", "b", "mathbold", "pmb"}
_HADAMARD = {"odot", "circ"}
_TIMES = {"cdot", "times", "ast"}
#: letters of the modules' quantities, and which modules have them
_LETTERS = {"X", "Y", "W", "B", "b", "T", "Z", "L", "S"}
_KIND_LETTERS = {
    "linear": {"X", "Y", "W", "B", "b", "L"},
    "activation": {"X", "Y", "L", "h"},
    "softmax": {"X", "Y", "L"},
    "crossentropy": {"X", "T", "L", "S"},
    "softmax_ce": {"Z", "Y", "T", "L", "S"},
}
_PARTS = re.compile(r"\\(?:Leftrightarrow|iff|Longleftrightarrow)(?![A-Za-z])")
_REMARK = re.compile(r"\\q?quad\s*(?:\\text\s*\{[^\n]{0,300}|\([^()]{0,200}\)\s*)$")
#: a derivative of a two-index entry of X, Y or Z: the document is written in modules on a batch
_ENTRY_DERIVATIVE = re.compile(r"\\partial\s*[XYZ]\s*_\s*\{\s*(?:[A-Za-z0-9]|\\ell)\s*,?\s*(?:[A-Za-z0-9]|\\ell)\s*\}")
#: the forward product written with W transposed (X W^T, X_{sm} W_{nm}) or not (X W, X_{sm} W_{mn})
_W_T = re.compile(r"X\s*\}?\s*(?:\\mathbf\s*\{\s*W\s*\}|\\b\s*W|W)\s*\^\s*\{?\s*(?:T|\\top|\\intercal)")
_W_PLAIN = re.compile(r"X\s*\}?\s*(?:\\mathbf\s*\{\s*W\s*\}|\\b\s*W|W)\s*(?![\^_\s]*\{?\s*(?:T|\\top))\s*\+")
_INDEXED_PRODUCT = re.compile(r"X_\{?\s*([a-z])\s*,?\s*([a-z])\s*\}?\s*W_\{?\s*([a-z])\s*,?\s*([a-z])\s*\}?")


class _Unread(Exception):
    """The claim is not a formula of the module's quantities."""


# -- the modules ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Reading:
    kind: str
    w_transposed: bool = True  # Y = X W^T + B (W out × in); False: Y = X W + B
    b_tied: bool = True  # B_ij stands for b_j; False: B an S × N array of its own
    batch: bool = True  # a batch of rows (UvA's S × N arrays); False: one sample in letters of its own (vectors)


def _softmax(a):
    e = np.exp(a - a.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


class _Module:
    """One module's numbers: its inputs (random, fixed by a seed) and its forward pass, run again with any one entry
    of any quantity moved (``bumped``), everything after it recomputed."""

    def __init__(self, reading: _Reading, seed: int = 1204):
        rng = np.random.default_rng(seed)
        m, n = SIZES["M"], SIZES["N"]
        s = SIZES["S"] if reading.batch else ()  # (one sample: vectors)
        s = s if isinstance(s, tuple) else (s,)
        self.reading = reading
        self.base: dict[str, np.ndarray] = {}
        kind = reading.kind
        if kind == "linear":
            self.base["X"] = rng.uniform(-1, 1, (*s, m))
            self.base["W"] = rng.uniform(-1, 1, (n, m) if reading.w_transposed else (m, n))
            if reading.b_tied:
                self.base["b"] = rng.uniform(-1, 1, n)
            else:  # (B an array of its own: no b in this reading)
                self.base["B"] = rng.uniform(-1, 1, (*s, n))
            self.base["G"] = rng.uniform(-1, 1, (*s, n))
        elif kind in ("activation", "softmax"):
            self.base["X"] = rng.uniform(-1, 1, (*s, n))
            self.base["G"] = rng.uniform(-1, 1, (*s, n))
        elif kind == "crossentropy":
            self.base["X"] = _softmax(rng.uniform(-1, 1, (*s, n)))
            self.base["T"] = np.eye(n)[rng.integers(0, n, s)]
        elif kind == "softmax_ce":
            self.base["Z"] = rng.uniform(-1, 1, (*s, n))
            self.base["T"] = np.eye(n)[rng.integers(0, n, s)]
        self.count = SIZES["S"] if reading.batch else 1  # (the mean over the batch; one sample: the sum)
        self.plain = self.run(None)
        self._cache: dict = {}

    def shape(self, letter: str):
        value = self.plain.get(letter)
        if value is None or np.ndim(value) == 0:
            return None
        return value.shape

    def run(self, bump) -> dict:
        """The forward pass; ``bump`` = (letter, entry, amount) moves that entry once the letter is computed."""
        env = {k: v.copy() for k, v in self.base.items()}
        kind, tied = self.reading.kind, self.reading.b_tied

        def moved(letter):
            if bump is not None and bump[0] == letter:
                env[letter] = np.array(env[letter], dtype=float)
                env[letter][bump[1]] += bump[2]

        for letter in ("X", "W", "b", "T", "Z"):
            if letter in env:
                moved(letter)
        if kind == "linear":
            if tied:
                env["B"] = np.tile(env["b"], (SIZES["S"], 1)) if self.reading.batch else env["b"]
            moved("B")
            w = env["W"].T if self.reading.w_transposed else env["W"]
            env["Y"] = env["X"] @ w + env["B"]
            moved("Y")
            env["L"] = float(np.sum(env["G"] * env["Y"]))
        elif kind == "activation":
            env["Y"] = np.tanh(env["X"])
            moved("Y")
            env["L"] = float(np.sum(env["G"] * env["Y"]))
        elif kind == "softmax":
            env["Y"] = _softmax(env["X"])
            moved("Y")
            env["L"] = float(np.sum(env["G"] * env["Y"]))
        elif kind == "crossentropy":
            env["L"] = float(-np.sum(env["T"] * np.log(env["X"])) / self.count)
        elif kind == "softmax_ce":
            env["Y"] = _softmax(env["Z"])
            moved("Y")
            env["L"] = float(-np.sum(env["T"] * np.log(env["Y"])) / self.count)
        return env

    def bumped(self, letter: str, entry: tuple, sign: int) -> dict:
        if self.reading.b_tied and letter == "B" and self.reading.kind == "linear":
            letter, entry = "b", entry[1:]  # (B_ij stands for b_j: B = 1 bᵀ)
        key = (letter, entry, sign)
        if key not in self._cache:
            if len(self._cache) > 4000:
                raise _Unread("too many derivatives")
            self._cache[key] = self.run((letter, entry, sign * STEP))
        return self._cache[key]


# -- the formulas -----------------------------------------------------------------------------------------------------


@dataclass
class _Node:
    op: str
    args: tuple = ()
    value: object = None
    free: frozenset = field(default_factory=frozenset)


class _Reader(TokenReader):
    """Recursive descent over one side's tokens into ``_Node`` trees."""

    unread = _Unread
    skip = LAYOUT | {"boxed"}
    max_tokens = MAX_TOKENS

    def __init__(self, text: str, aliases: dict | None = None, names: dict | None = None):
        self.aliases = aliases or {}
        self.names = names  # the answer's own letters -> the module's (p -> Y, z -> Z, y -> T); None: UvA's own
        super().__init__(text)

    def whole(self) -> _Node:
        node = self.expr()
        if self.i < len(self.t):
            raise _Unread("unread tokens")
        return node

    def expr(self) -> _Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Unread("nested too deep")
        try:
            negative = self.at("op", "-")
            if negative or self.at("op", "+"):
                self.i += 1
            node = self.term()
            if negative:
                node = _Node("neg", (node,))
            while self.at("op", "+") or self.at("op", "-"):
                op = self.take()[1]
                node = _Node("add" if op == "+" else "sub", (node, self.term()))
            return node
        finally:
            self.depth -= 1

    def term(self) -> _Node:
        node = self.postfix()
        while self.i < len(self.t):
            kind, text = self.peek()
            if kind == "cmd" and text in _HADAMARD:
                self.i += 1
                node = _Node("had", (node, self.postfix()))
            elif kind == "cmd" and text == "oslash":
                self.i += 1
                node = _Node("hdiv", (node, self.postfix()))
            elif kind == "cmd" and text in _TIMES or (kind, text) == ("op", "*"):
                self.i += 1
                node = _Node("mul", (node, self.postfix()))
            elif (kind, text) == ("op", "/"):
                self.i += 1
                node = _Node("div", (node, self.postfix()))
            elif self._starts_factor():
                node = _Node("mul", (node, self.postfix()))
            else:
                break
        return node

    def _starts_factor(self) -> bool:
        kind, text = self.peek()
        return kind in ("num", "id") or kind == "op" and text in "([{" or kind == "cmd" and text in (
            "frac", "dfrac", "tfrac", "sum", "delta", "exp", "log", "ln", "mathbf", "boldsymbol", "bm", "b", "pmb",
            "sqrt", "partial") or kind == "cmd" and self.names is not None and f"\\{text}" in self.names

    def postfix(self) -> _Node:
        node = self.atom()
        while True:
            if self.at("op", "^"):
                self.i += 1
                if self._transpose_mark():
                    node = _Node("T", (node,))
                    continue
                exponent = self.group()
                node = _Node("pow", (node, exponent))
            elif self.at("op", "_") and node.op in ("group",):
                self.i += 1
                node = _Node("entry_of", (node.args[0],), value=self._indices())
            else:
                return node

    def _transpose_mark(self) -> bool:
        """^T, ^\\top, ^{T}, ^{\\!\\top}, ^\\intercal (the ^ already taken)."""
        save = self.i
        braced = self.at("op", "{")
        if braced:
            self.i += 1
        kind, text = self.peek()
        if (kind, text) in (("id", "T"), ("cmd", "top"), ("cmd", "intercal"), ("cmd", "mathsf")):
            self.i += 1
            if text == "mathsf":
                if not (self.at("op", "{") and self.peek(1) == ("id", "T") and self.peek(2) == ("op", "}")):
                    self.i = save
                    return False
                self.i += 3
            if not braced or self.at("op", "}"):
                if braced:
                    self.i += 1
                return True
        self.i = save
        return False

    def group(self) -> _Node:
        if self.at("op", "{"):
            self.i += 1
            node = self.expr()
            self.take("op", "}")
            return node
        kind, text = self.take()
        if kind == "num":
            return _number(text)
        raise _Unread("an exponent")

    def _indices(self) -> tuple:
        """The indices of an entry: _{sn}, _{s,n}, _{s n}, _j, _{\\ell j}, _{11}; each a letter or a digit (from 1)."""
        if not self.at("op", "{"):
            kind, text = self.take()
            if kind == "id":
                return (text,)
            if kind == "num":
                raise _Unread("a digit as an index (a layer's number?)")
            if (kind, text) == ("cmd", "ell"):
                return ("ell",)
            raise _Unread("an index")
        self.i += 1
        out = []
        while not self.at("op", "}"):
            kind, text = self.take()
            if kind == "id":
                out.append(text)
            elif kind == "num":
                raise _Unread("a digit as an index (a layer's number?)")
            elif (kind, text) == ("cmd", "ell"):
                out.append("ell")
            elif (kind, text) == ("op", ","):
                continue
            else:
                raise _Unread("an index")
            if len(out) > 2:
                raise _Unread("three indices")
        self.i += 1
        if not out:
            raise _Unread("no index")
        return tuple(out)

    def atom(self) -> _Node:
        kind, text = self.peek()
        if kind is None:
            raise _Unread("ends early")
        if kind == "num":
            self.i += 1
            return _number(text)
        if kind == "op" and text in "([{":
            self.i += 1
            node = self.expr()
            self.take("op", {"(": ")", "[": "]", "{": "}"}[text])
            return _Node("group", (node,))
        if kind == "id":
            self.i += 1
            return self._letter(text, bold=False)
        if kind != "cmd":
            raise _Unread(f"cannot read {text}")
        self.i += 1
        if self.names is not None and f"\\{text}" in self.names:
            return self._letter(f"\\{text}", bold=False)  # (φ_i, \softmax_i: a function's entry, _spelled)
        if text in ("frac", "dfrac", "tfrac"):
            return self._fraction()
        if text in _BOLD:
            k, letter = self.one_in_braces()
            if (k, letter) == ("num", "1"):
                return _Node("ones")
            if k != "id":
                raise _Unread("a bold symbol")
            if self.at("op", "_") and not (self.names is not None and letter in self.names and self.peek(1)[0] == "id"):
                raise _Unread("a bold letter with a subscript (a name, a layer)")  # (\mathbf{z}_2: layer 2's z;
                # JustinRochester's \boldsymbol o_i, in letters of the answer's own, an entry)
            return self._letter(letter, bold=True)
        if text in ("hat", "tilde", "bar", "widehat") and self.names is not None:
            k, letter = self.one_in_braces()
            if k != "id":
                raise _Unread("an accent")
            return self._letter(f"\\{'hat' if text == 'widehat' else text} {letter}", bold=False)
        if text == "mathcal":
            self.take("op", "{")
            k, letter = self.take()
            self.take("op", "}")
            if (k, letter) != ("id", "L"):
                raise _Unread("a calligraphic letter")
            return self._letter("L", bold=False)
        if text == "delta":
            if not self.at("op", "_"):
                raise _Unread("δ without indices")
            self.i += 1
            idx = self._indices()
            if len(idx) != 2:
                raise _Unread("δ with one index")
            return _Node("delta", value=idx, free=frozenset(i for i in idx if isinstance(i, str)))
        if text == "sum":
            return self._sum()
        if text in ("exp", "log", "ln"):
            return _Node("fn", (self._argument(),), value="exp" if text == "exp" else "log")
        if text == "sqrt":
            return _Node("pow", (self.group(), _Node("num", value=0.5)))
        if text == "partial":
            raise _Unread("∂ outside a fraction")
        raise _Unread(f"cannot read \\{text}")

    def _argument(self) -> _Node:
        if self.at("op", "(") or self.at("op", "{") or self.at("op", "["):
            return self.atom()
        return self.postfix()

    def _letter(self, letter: str, bold: bool) -> _Node:
        if self.names is not None and letter in self.names and letter not in self.aliases:
            letter = self.names[letter]  # (the answer's own letter: one of the module's)
        elif self.names is not None and (letter not in ("e", "L") or "L" in self.names.values() and letter == "L"
                                         and "L" not in self.names):
            raise _Unread(f"the letter {letter}")
        if letter == "e" and self.at("op", "^"):
            self.i += 1
            return _Node("fn", (self.group(),), value="exp")
        if letter == "h":
            prime = self.at("op", "'")
            if prime:
                self.i += 1
            if not self.at("op", "("):
                raise _Unread("h not applied")
            return _Node("fn", (self.atom(),), value="dh" if prime else "h")
        if letter in self.aliases:  # (G_{ij} = (∂L/∂Y)_{ij}: the answer's own letter for a gradient)
            if self.at("op", "_"):
                self.i += 1
                idx = self._indices()
                return _Node("entry_of", (self.aliases[letter],), value=idx,
                             free=frozenset(i for i in idx if isinstance(i, str)))
            return self.aliases[letter]
        if letter not in _LETTERS:
            raise _Unread(f"the letter {letter}")
        if letter in ("L", "S"):
            if self.at("op", "_"):
                raise _Unread(f"{letter} with an index")
            return _Node("letter", value=letter)
        if self.at("op", "_"):
            self.i += 1
            idx = self._indices()
            return _Node("entry", value=(letter, idx), free=frozenset(i for i in idx if isinstance(i, str)))
        return _Node("matrix", value=letter)

    def _sum(self) -> _Node:
        """\\sum_s^S, \\sum_{m=1}^{M}, \\sum_{m, n}, \\sum_k (one or more letters, their limits not read)."""
        self.take("op", "_")
        but = []  # (index, value it skips): \sum_{j=1, j \neq i}, \sum_{k \neq 1}
        if self.at("op", "{"):
            self.i += 1
            names = []
            while not self.at("op", "}"):
                kind, text = self.take()
                if kind == "id" or (kind, text) == ("cmd", "ell"):
                    name = "ell" if kind == "cmd" else text
                    if self.at("cmd", "neq") or self.at("cmd", "ne"):
                        self.i += 1
                        k, other = self.take()
                        if not (k == "id" or k == "num" and other.isdigit() and len(other) <= 3):
                            raise _Unread("a sum's excluded value")
                        but.append((name, other if k == "id" else int(other)))
                    if self.at("cmd", "in"):  # McLaughlin's \sum_{k \in C}: the set of the classes, every value
                        self.i += 1
                        while not (self.at("op", "}") or self.at("op", ",")):
                            kind, text = self.take()
                            if kind not in ("id", "cmd") or text in ("sum", "frac", "partial"):
                                raise _Unread("a sum's set")
                    if name in names and any(a == name for a, _ in but):
                        continue  # (\sum_{j=1, j \neq i}: j named twice, once with its excluded value)
                    names.append(name)
                elif (kind, text) == ("op", ","):
                    continue
                elif (kind, text) == ("op", "="):
                    self.take("num")
                    if not (self.at("op", "}") or self.at("op", ",")):
                        raise _Unread("a sum's start")
                else:
                    raise _Unread("a sum's index")
            self.i += 1
        else:
            kind, text = self.take()
            if kind != "id" and (kind, text) != ("cmd", "ell"):
                raise _Unread("a sum's index")
            names = ["ell" if kind == "cmd" else text]
        if not names or len(names) > 4 or len(set(names)) != len(names):
            raise _Unread("a sum's indices")
        if self.at("op", "^"):
            self.i += 1
            if self.at("op", "{"):
                self.i += 1
                while not self.at("op", "}"):
                    self.take()
                self.i += 1
            else:
                self.take()
        body = self.term_of_sum()
        if any(a not in names or b in names for a, b in but):
            raise _Unread("a sum's excluded value")
        if but:
            skipped = _Node("but", value=tuple(but), free=frozenset(b for _, b in but if isinstance(b, str)))
            return _Node("sum", (body, skipped), value=tuple(names))
        return _Node("sum", (body,), value=tuple(names))

    def term_of_sum(self) -> _Node:
        """A sum's body: the product of factors that follows (up to + or − at this level); ``\\sum_i -y_i …`` its
        negative."""
        if self.at("op", "-"):
            self.i += 1
            return _Node("neg", (self.term(),))
        return self.term()

    def _fraction(self) -> _Node:
        top = self.braced()
        bottom = self.braced()
        if top and top[0] == ("cmd", "partial") or bottom and bottom[0] == ("cmd", "partial"):
            divisor = None
            if top and top[0] == ("cmd", "partial") and ("cmd", "partial") in bottom[1:8] and len(top) > 1:
                at = bottom.index(("cmd", "partial"))  # (wintertee's \frac{\partial a_j}{a_j \partial z_i})
                divisor, bottom = self._sub(bottom[:at]).whole(), bottom[at:]
            if not (top and top[0] == ("cmd", "partial") and bottom and bottom[0] == ("cmd", "partial")):
                raise _Unread("half a derivative")
            by = self._sub(bottom[1:]).whole()
            if by.op not in ("entry", "matrix") or by.op == "matrix" and by.value not in _LETTERS:
                raise _Unread("a derivative by an expression")
            if len(top) == 1:  # \frac{\partial}{\partial X_{ij}} EXPR: the operator on the factor that follows
                of = self.postfix()
                while self._starts_factor():
                    of = _Node("mul", (of, self.postfix()))
            else:
                of = self._sub(top[1:]).whole()
            if divisor is not None:
                return _Node("div", (_Node("d", (of, by), free=by.free), divisor))
            return _Node("d", (of, by), free=by.free)
        return _Node("div", (self._sub(top).whole(), self._sub(bottom).whole()))

    def _sub(self, toks: list) -> _Reader:
        inner = self.inner(toks)
        if inner.depth > MAX_DEPTH:
            raise _Unread("nested too deep")
        return inner


def _number(text: str) -> _Node:
    if len(text) > MAX_DIGITS:
        raise _Unread("a number too long")
    return _Node("num", value=float(text))


# -- evaluation -------------------------------------------------------------------------------------------------------


class _Ones:
    """\\mathbf{1}: a vector of ones whose size its product decides (times a number: ``\\frac{1}{S}\\mathbf{1}^T``)."""

    def __init__(self, scale: float = 1.0):
        self.scale = scale


def _free(node: _Node) -> frozenset:
    """The indices a formula leaves free (entries', δ's and derivatives' indices not bound by a sum)."""
    if node.op in ("entry", "delta"):
        return node.free
    if node.op == "entry_of":
        inner = _free(node.args[0])
        return inner | frozenset(i for i in node.value if isinstance(i, str))
    if node.op == "sum":
        return frozenset().union(*(_free(a) for a in node.args)) - frozenset(node.value)
    if node.op == "but":
        return node.free
    out = frozenset()
    for a in node.args:
        out |= _free(a)
    return out


def _ranges(node: _Node, module: _Module, out: dict) -> None:
    """Each index letter's range, from the positions of the entries it indexes; a conflict is unread."""
    if node.op == "entry":
        letter, idx = node.value
        shape = module.shape(letter)
        if shape is None:
            raise _Unread(f"{letter} is not an array of this module")
        if letter == "b" and len(idx) == 1:
            shape = shape[-1:]
        if len(idx) != len(shape):
            raise _Unread(f"{letter} with {len(idx)} indices")
        for i, size in zip(idx, shape, strict=True):
            if isinstance(i, int):
                if not 1 <= i <= size:
                    raise _Unread("an index past the array")
                continue
            if out.get(i, size) != size:  # (W_{jn} beside Y_{in} under Y = X W^T: n a column of Y and of W)
                raise _Shape(f"the index {i} runs over {out[i]} values in one place and {size} in another")
            out[i] = size
    elif node.op == "entry_of":
        out.setdefault("__entry_of__", []).append(node)
    for a in node.args:
        _ranges(a, module, out)


class _Evaluator:
    def __init__(self, module: _Module, ranges: dict):
        self.module, self.ranges = module, ranges

    def value(self, node: _Node, env: dict, at: dict):
        op = node.op
        if op == "num":
            return node.value
        if op == "letter":
            if node.value == "S":
                return float(SIZES["S"])
            if "L" not in env:
                raise _Unread("no L here")
            return env["L"]
        if op == "entry":
            letter, idx = node.value
            array = env.get(letter)
            if array is None:
                raise _Unread(f"{letter} is not of this module")
            where = tuple(i - 1 if isinstance(i, int) else at[i] for i in idx)
            if letter == "b" and np.ndim(array) == 1 and len(where) == 1:
                return float(array[where[0]])
            return float(array[where])
        if op == "matrix":
            array = env.get(node.value)
            if array is None or node.value == "G":
                raise _Unread(f"{node.value} is not of this module")
            return np.array(array, dtype=float)
        if op == "ones":
            return _Ones()
        if op == "delta":
            a, b = (i - 1 if isinstance(i, int) else at[i] for i in node.value)
            return 1.0 if a == b else 0.0
        if op == "group":
            return self.value(node.args[0], env, at)
        if op == "neg":
            return -_plain(self.value(node.args[0], env, at))
        if op in ("add", "sub"):
            a, b = (_plain(self.value(x, env, at)) for x in node.args)
            _conform(a, b)
            return a + b if op == "add" else a - b
        if op in ("had", "hdiv"):
            a, b = (_plain(self.value(x, env, at)) for x in node.args)
            _conform(a, b)
            return a * b if op == "had" else a / b
        if op == "div":
            a, b = (_plain(self.value(x, env, at)) for x in node.args)
            if np.ndim(a) and np.ndim(b):
                _conform(a, b)
            return a / b
        if op == "mul":
            return _product(self.value(node.args[0], env, at), self.value(node.args[1], env, at))
        if op == "pow":
            base = _plain(self.value(node.args[0], env, at))
            exponent = _plain(self.value(node.args[1], env, at))
            if np.ndim(exponent) or abs(exponent) > 64:
                raise _Unread("a power")
            return base ** exponent
        if op == "T":
            a = self.value(node.args[0], env, at)
            if isinstance(a, _Ones):
                return a
            if np.ndim(a) == 0:
                raise _Unread("a number transposed")
            return np.atleast_2d(a).T
        if op == "fn":
            a = _plain(self.value(node.args[0], env, at))
            name = node.value
            if name == "exp":
                return np.exp(a)
            if name == "log":
                return np.log(a)
            if name == "h":
                return np.tanh(a)
            if name == "dh":
                return 1 - np.tanh(a) ** 2
        if op == "sum":
            names = node.value
            but = node.args[1].value if len(node.args) > 1 else ()
            total = 0.0
            for values in itertools.product(*(range(self.ranges[n]) for n in names)):
                inner = dict(at)
                inner.update(zip(names, values, strict=True))
                if any(inner[a] == (b - 1 if isinstance(b, int) else inner[b]) for a, b in but):
                    continue
                total = total + _plain(self.value(node.args[0], env, inner))
            return total
        if op == "entry_of":
            a = _plain(self.value(node.args[0], env, at))
            idx = tuple(i - 1 if isinstance(i, int) else at[i] for i in node.value)
            a = np.atleast_2d(a) if np.ndim(a) == 1 and len(idx) == 2 else a
            if np.ndim(a) == 2 and len(idx) == 1 and 1 in np.shape(a):
                a = np.ravel(a)  # ((G ∘ Y) 1)_i: an entry of a column
            if np.ndim(a) != len(idx):
                raise _Unread("an entry of a matrix of another shape")
            return float(a[idx])
        if op == "d":
            return self._derivative(node, env, at)
        raise _Unread(f"cannot evaluate {op}")

    def _derivative(self, node: _Node, env: dict, at: dict):
        of, by = node.args
        if env is not self.module.plain:
            raise _Unread("a derivative of a derivative")
        if by.op == "entry":
            letter, idx = by.value
            if letter not in self.module.plain:
                raise _Unread(f"∂ by {letter}, not of this module")
            entry = tuple(i - 1 if isinstance(i, int) else at[i] for i in idx)
            shape = self.module.shape(letter)
            if letter == "b" and len(entry) == 1:
                pass
            elif shape is None or len(entry) != len(shape):
                raise _Unread("an entry of another shape")
            up = _plain(self.value(of, self.module.bumped(letter, entry, +1), at))
            down = _plain(self.value(of, self.module.bumped(letter, entry, -1), at))
            if np.ndim(up):
                raise _Unread("∂ of an array by an entry")
            return (up - down) / (2 * STEP)
        letter = by.value
        shape = self.module.shape(letter)
        if shape is None:
            raise _Unread(f"∂ by {letter}, not of this module")
        grad = np.zeros(shape)
        for entry in itertools.product(*(range(k) for k in shape)):
            if self.module.reading.b_tied and letter == "B":
                raise _Unread("∂ by the whole B")
            up = _plain(self.value(of, self.module.bumped(letter, entry, +1), at))
            down = _plain(self.value(of, self.module.bumped(letter, entry, -1), at))
            if np.ndim(up):
                raise _Unread("∂ of an array by an array")
            grad[entry] = (up - down) / (2 * STEP)
        return grad


def _plain(a):
    if isinstance(a, _Ones):
        raise _Unread("a vector of ones outside a product")
    return a


def _conform(a, b) -> None:
    if np.ndim(a) and np.ndim(b):
        try:
            np.broadcast_shapes(np.shape(a), np.shape(b))
        except ValueError as exc:
            raise _Shape(f"shapes {np.shape(a)} and {np.shape(b)} do not match") from exc


class _Shape(Exception):
    """Arrays of shapes that do not fit the operation the formula writes."""


def _product(a, b):
    if isinstance(a, _Ones) and isinstance(b, _Ones):
        raise _Unread("a product of ones")
    if isinstance(a, _Ones):
        b = np.atleast_2d(b) if np.ndim(b) == 1 else b
        if np.ndim(b) == 0:
            return _Ones(a.scale * b)
        # (1 bᵀ: the row repeated; 1ᵀ A: A's column sums)
        return a.scale * (b if b.shape[0] == 1 else b.sum(axis=0, keepdims=True))
    if isinstance(b, _Ones):
        a = np.atleast_2d(a).T if np.ndim(a) == 1 else a
        if np.ndim(a) == 0:
            return _Ones(a * b.scale)
        return b.scale * (a if a.shape[1] == 1 else a.sum(axis=1, keepdims=True))
    if np.ndim(a) and np.ndim(b):
        a2 = np.atleast_2d(a)
        b2 = np.atleast_2d(b).T if np.ndim(b) == 1 else b
        if a2.shape[1] != b2.shape[0]:
            raise _Shape(f"a product of shapes {a2.shape} and {b2.shape}")
        return a2 @ b2
    return a * b


def _same(a, b, scale: float) -> bool:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape:
        if a.size == b.size and (a.ndim < 2 or b.ndim < 2 or 1 in a.shape and 1 in b.shape):
            a, b = a.ravel(), b.ravel()  # (a bias gradient as a row or a column)
        else:
            try:
                shape = np.broadcast_shapes(a.shape, b.shape)
            except ValueError as exc:
                raise _Shape(f"a side of shape {a.shape} beside one of shape {b.shape}") from exc
            if shape not in (a.shape, b.shape) or min(a.ndim, b.ndim) < 2:
                raise _Shape(f"a side of shape {a.shape} beside one of shape {b.shape}")
            a, b = np.broadcast_to(a, shape), np.broadcast_to(b, shape)
    if not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        raise _Unread("not a finite number")
    return bool(np.all(np.abs(a - b) <= 1e-6 * (scale + np.abs(a) + np.abs(b))))


# -- claims -----------------------------------------------------------------------------------------------------------


_BOXED = re.compile(r"^\s*\\boxed\s*\{(.*)\}\s*$", re.S)


#: a cases environment of two rows (``\begin{cases} v_1 & \text{if } i = j \\ v_2 & \text{otherwise} \end{cases}``, also
#: LaTeX's array cases as document.py writes them)
_CASES = re.compile(r"\\begin\s*\{cases\}([^$]{0,600}?)\\end\s*\{cases\}")
#: the words and marks around a row's condition: \mbox{si}, \text{if }, "for", commas, braces
_CASE_WORDS = re.compile(r"\\(?:mbox|text|mathrm|textrm|textit)\s*\{[^{}]{0,30}\}|\\q?quad|[{},:]|"
                         r"(?<![A-Za-z\\])(?:if|for|when|si|wenn|falls|se|quando|où|where)(?![A-Za-z])")
_OTHERWISE = re.compile(r"\s*(?<![A-Za-z])(?:otherwise|else|sinon|sonst|autrement|en otro caso|de lo contrario|altrimenti)"
                        r"(?![A-Za-z])\s*")


def _cases_as_deltas(latex: str) -> str:
    """A two-row cases on a pair of indices (``= ``/``\\neq``, or the second row "otherwise") as one formula in
    Kronecker's δ: ``(v_1) δ_{ij} + (v_2)(1 − δ_{ij})`` — wintertee's softmax Jacobian in its two cases. Any other
    cases stay as written."""
    def one(m: re.Match) -> str:
        rows = m.group(1).split("\\\\")
        if len(rows) != 2 or any(row.count("&") != 1 for row in rows):
            return m.group(0)
        values, relations = [], []
        for row in rows:
            value, condition = row.split("&")
            words = _CASE_WORDS.sub(" ", condition)
            if not words.strip() and _OTHERWISE.search(condition) or _OTHERWISE.fullmatch(words):
                relations.append(None)  # ("otherwise", \text{sonst}, \mbox{sinon})
            else:
                rel = _CASE.fullmatch(words.strip())
                if rel is None or rel.group(1) == rel.group(3):
                    return m.group(0)
                relations.append((*sorted((rel.group(1), rel.group(3))), rel.group(2) == "="))
            values.append(value)
        first, second = relations
        if first is None or second is not None and (second[:2] != first[:2] or second[2] == first[2]):
            return m.group(0)
        delta = f"\\delta_{{{first[0]}{first[1]}}}"
        on, off = (values if first[2] else values[::-1])
        return f" \\left({on}\\right) {delta} + \\left({off}\\right) \\left(1 - {delta}\\right) "

    return _CASES.sub(one, latex) if "cases" in latex else latex


#: Iverson's bracket on two indices, [i = j] (JustinRochester's softmax Jacobian): Kronecker's δ
_IVERSON = re.compile(r"(?<!\\)\[\s*([a-z])\s*(=|\\neq|\\ne)\s*([a-z])\s*\]")


def _iverson(m: re.Match) -> str:
    delta = f"\\delta_{{{m.group(1)}{m.group(3)}}}"
    return f" {delta} " if m.group(2) == "=" else f" \\left(1 - {delta}\\right) "


def _clean(latex: str) -> str:
    text = clean(_IVERSON.sub(_iverson, _cases_as_deltas(plain_tex_over(latex))))
    boxed = _BOXED.match(text)
    if boxed:  # (\boxed{a = b}: the equation in its box)
        text = boxed.group(1)
    return clean(_REMARK.sub("", text.strip()))


def _parts(text: str) -> list[str]:
    return [p for p in _PARTS.split(text) if p.strip()]


def _sides(text: str) -> list[str]:
    from .judge import _top_sides

    return _top_sides(text)


def _letters(node: _Node, out: set) -> set:
    if node.op in ("entry", "matrix"):
        out.add(node.value[0] if node.op == "entry" else node.value)
    elif node.op == "letter":
        out.add(node.value)
    elif node.op == "fn" and node.value in ("h", "dh"):
        out.add("h")
    for a in node.args:
        _letters(a, out)
    return out


def _has_derivative(node: _Node) -> bool:
    return node.op == "d" or any(_has_derivative(a) for a in node.args)


def _read_claim(text: str, aliases: dict | None = None, names: dict | None = None) -> list[list[_Node]]:
    """The claim's equations (parts at ⟺), each its sides read; raises _Unread."""
    out = []
    for part in _parts(_clean(text)):
        sides = _sides(part)
        if len(sides) < 2:
            raise _Unread("not an equation")
        out.append([_Reader(s, aliases, names).whole() for s in sides])
    if not out:
        raise _Unread("no equation")
    return out


def _evidence(text: str) -> str | None:
    """The module a claim's own letters name, None when they name none."""
    if re.search(r"(?<![A-Za-z\\])Z(?![A-Za-z])", text):
        return "softmax_ce"
    if re.search(r"(?<![A-Za-z\\])[WBb](?![A-Za-z])", text):
        return "linear"
    if re.search(r"(?<![A-Za-z\\])h\s*'?\s*\(", text):
        return "activation"
    if re.search(r"(?:(?<![A-Za-z\\])e\s*\^|\\exp)\s*\{?\s*\(?\s*(?:\\mathbf\s*\{)?\s*X", text):
        return "softmax"
    if re.search(r"(?<![A-Za-z\\])T(?![A-Za-z])", text) and re.search(r"\\(?:ln|log)", text) and not re.search(
            r"(?<![A-Za-z\\])Y(?![A-Za-z])", text):
        return "crossentropy"
    return None


class _Case(Exception):
    """A claim wrong only in one case of two indices, in an answer that splits its derivation into those cases."""


def _judge_in(reading: _Reading, equations: list[list[_Node]], condition: tuple | None = None, cases=()):
    """(verdict, why) of a claim's equations in one reading of one module; None when it does not read there.
    ``condition`` (a, b, a = b?): the case written before the claim ("for i ≠ j"), its index values only."""
    module = _Module(reading)
    wrong = None
    for k, sides in enumerate(equations):
        letters = set()
        for s in sides:
            _letters(s, letters)
        if not letters <= _KIND_LETTERS[reading.kind] | {"S"}:
            return None
        ranges: dict = {}
        for s in sides:
            one: dict = {}
            _ranges(s, module, one)
            for i, size in one.items():
                if i == "__entry_of__":
                    ranges.setdefault(i, []).extend(size)
                elif ranges.get(i, size) != size:  # (X_{mi} beside W_{ij}: i a row of W and a column of X)
                    raise _Shape(f"the index {i} runs over {ranges[i]} values on one side and {size} on another")
                else:
                    ranges[i] = size
        ev = _Evaluator(module, ranges)
        if "__entry_of__" in ranges:  # ([∂L/∂W])_{ij}: the indices of an entry of a matrix run over its shape
            for node in ranges.pop("__entry_of__"):
                for pos, i in enumerate(node.value):
                    if isinstance(i, str) and i not in ranges:
                        shape = _shape_of(node.args[0], module)
                        if shape is None and not _free(node.args[0]):
                            shape = np.shape(_plain(ev.value(node.args[0], module.plain, {})))
                        if shape is None or len(shape) != len(node.value) and not (
                                len(node.value) == 1 and len(shape) == 2 and 1 in shape):
                            raise _Unread("an entry of a matrix of an unknown shape")
                        ranges[i] = shape[pos] if len(shape) == len(node.value) else max(shape)
        for _ in range(3):  # δ_{si} with i in deltas only: i runs over s's range
            for a, b in _deltas(sides):
                if a in ranges and isinstance(b, str) and b not in ranges:
                    ranges[b] = ranges[a]
                if b in ranges and isinstance(a, str) and a not in ranges:
                    ranges[a] = ranges[b]
        free = [_free(s) for s in sides]
        for f, side in zip(free[1:], sides[1:], strict=True):
            extra = f - free[0]
            if any(_occurrences(side, i) > 1 for i in extra):
                raise _Unread("an index its first side does not have, repeated (the summation convention?)")
        union = frozenset().union(*free)
        if any(i not in ranges for i in union):
            raise _Unread("an index whose range is not known")
        for s in sides:
            for n in _sum_names(s):
                if n not in ranges:
                    raise _Unread("a summed index that indexes nothing")
        free = [union]
        names = sorted(free[0])
        if math.prod(ranges[n] for n in names) > MAX_POINTS:  # (counted before any is made: 22 free indices of 2
            raise _Unread("too many index values")  # values each were 4 M tuples, 1.6 GB, then a MemoryError)
        points = list(itertools.product(*(range(ranges[n]) for n in names)))
        if condition is not None and condition[0] in names and condition[1] in names:
            a, b, equal = condition  # (a case on an index the claim sums or does not write is about another claim:
            # Loedeman's "when m = i" remarks on the row above the one that sums over m)
            ia, ib = names.index(a), names.index(b)
            points = [p for p in points if (p[ia] == p[ib]) == equal]
            if not points:
                raise _Unread("a case no index values satisfy")
        general = {tuple(sorted(p)) for p in _deltas(sides) if all(isinstance(i, str) for i in p)}
        bad = []
        for values in points:
            at = dict(zip(names, values, strict=True))
            try:
                got = [ev.value(s, module.plain, at) for s in sides]
            except _Shape as exc:
                wrong = wrong or (k, f"{exc}")
                break
            except (FloatingPointError, ZeroDivisionError, IndexError, KeyError) as exc:
                raise _Unread(f"{type(exc).__name__}") from exc
            scale = max(1.0, *(float(np.max(np.abs(g))) if np.size(g) else 0.0 for g in got))
            try:
                differs = next((j for j in range(1, len(got)) if not _same(got[0], got[j], scale)), None)
            except _Shape as exc:
                wrong = wrong or (k, f"{exc}")
                break
            if differs is not None:
                bad.append(values)
                where = ", ".join(f"{n} = {v + 1}" for n, v in at.items())
                wrong = wrong or (k, f"side {differs + 1} differs from the first" + (f" at {where}" if where else "") +
                                  f": {_shown(got[0])} against {_shown(got[differs])}")
        for a, b, *stated in cases:  # wrong only where two indices agree (or only where they differ), in an answer
            if condition is not None and {a, b} == set(condition[:2]) or (a, b) in general:  # that splits its
                continue  # derivation into those cases: which one it means is open (read in the claim's own case
                # written before it; a claim with Kronecker's δ_ab, or its own two cases, is about both)
            if bad and a in names and b in names:
                ia, ib = names.index(a), names.index(b)
                fails = {p[ia] == p[ib] for p in bad}
                where = f"{a} {'=' if bad[0][ia] == bad[0][ib] else '≠'} {b}"
                if len(fails) == 1 and not stated:
                    raise _Case(f"not judged: it fails only where {where}, and the answer splits its derivation into "
                                f"the cases {a} = {b} and {a} ≠ {b}: which one this claim is about is not read")
                if len(fails) == 1 and fails != set(stated):  # (Petersen's "where $j \neq i$" in the lines before)
                    raise _Case(f"not judged: it fails only where {where}, and the text just before it names the case "
                                f"{a} {'=' if stated[0] else '≠'} {b}, where it holds: whether the claim is about that "
                                "case only is not read")
    if wrong is None:
        return "correct", None
    k, why = wrong
    return "incorrect", (f"equation {k + 1} of {len(equations)}: " if len(equations) > 1 else "") + why


def _deltas(sides) -> list:
    out = []

    def walk(node):
        if node.op == "delta":
            out.append(node.value)
        for a in node.args:
            walk(a)

    for s in sides:
        walk(s)
    return out


def _occurrences(node: _Node, index: str) -> int:
    """How often a free index is written in a formula (outside the sums that bind it)."""
    if node.op == "sum" and index in node.value:
        return 0
    own = 0
    if node.op == "entry":
        own = node.value[1].count(index)
    elif node.op in ("delta", "entry_of"):
        own = list(node.value).count(index)
    return own + sum(_occurrences(a, index) for a in node.args)


def _shown(a) -> str:
    return f"{float(a):.6g}" if np.ndim(a) == 0 else f"an array of shape {np.shape(a)}"


def _sum_names(node: _Node) -> list:
    out = list(node.value) if node.op == "sum" else []
    for a in node.args:
        out += _sum_names(a)
    return out


def _shape_of(node: _Node, module: _Module):
    if node.op == "group":
        return _shape_of(node.args[0], module)
    if node.op == "d" and node.args[1].op == "matrix":
        return module.shape(node.args[1].value)
    if node.op == "matrix":
        return module.shape(node.value)
    return None


@dataclass
class _Context:
    """What one pass over a document knows: the open readings (W transposed?, B the rows of b?), the answer's own
    gradient letters (G = ∂L/∂Y), its own letters for the module's (None: UvA's X, Y, W, B, b, T, Z), a batch or one
    sample, the module when the document fixes one."""

    setup: tuple = (None, None)
    aliases: dict = field(default_factory=dict)
    names: dict | None = None
    batch: bool = True
    fixed: str | None = None
    kinds: frozenset = frozenset(_KIND_LETTERS)  # the modules the document can be about (_document_kinds)
    cases: tuple = ()  # pairs of indices the answer splits its derivation by ("i = j", "i \\neq j" written as claims)
    losses: frozenset = frozenset()  # the answer's own letters of its loss, arguments dropped (H(y, a): _spelled)
    near: tuple = ()  # the claim being read: the cases (a, b, a = b?) written in the text since the claim before it
    #: that takes a derivative (_stated_cases)
    stated: dict = field(default_factory=dict)  # claim id -> its near cases


def _readings(kind: str, ctx: _Context) -> list[_Reading]:
    """The readings of a module left open: ``ctx.setup`` = (W transposed?, B the rows of b?), None where open."""
    if kind != "linear":
        return [_Reading(kind, batch=ctx.batch)]
    transposed, tied = ctx.setup
    ws = [transposed] if transposed is not None else [True, False]
    ts = [tied] if tied is not None else [True, False]
    return [_Reading(kind, w, t, ctx.batch) for w in ws for t in ts]


#: the bias written as a lowercase b (b_n, \mathbf{b}): B, where it appears, is the matrix of its rows
_LOWER_B = re.compile(r"(?<![A-Za-z\\])b\s*_|\\(?:mathbf|boldsymbol|bm)\s*\{\s*b\s*\}|\\b\s+b(?![A-Za-z])")


def _orientation(texts: list[str]) -> bool | None:
    """True: the document writes Y = X W^T + B (or X_{sm} W_{nm}); False: X W (X_{sm} W_{mn}); None: neither or both."""
    t = any(_W_T.search(x) for x in texts)
    plain = any(_W_PLAIN.search(x) for x in texts)
    for x in texts:
        for m in _INDEXED_PRODUCT.finditer(x):
            _, col, w_row, w_col = m.groups()
            if col == w_col and col != w_row:
                t = True
            elif col == w_row and col != w_col:
                plain = True
    return t if t != plain else None


def _verdict(kind: str, ctx: _Context, equations, condition=None):
    """(verdict, why) over every open reading of ``kind``: one verdict when they agree; None when none reads."""
    got = []
    for reading in _readings(kind, ctx):
        try:
            one = _judge_in(reading, equations, condition, ctx.cases + ctx.near)
        except _Unread:
            continue
        except _Case as exc:
            one = ("unchecked", str(exc))
        except _Shape as exc:
            one = ("incorrect", str(exc))
        if one is not None:
            got.append(one)
    if not got:
        return None
    verdicts = {v for v, _ in got}
    if len(verdicts) > 1:
        return "unchecked", ("not judged: it holds in one reading of the module and not in another (W out × in or in "
                             "× out, B of its own or the rows of b); the document does not say which it means")
    return got[0]


_WHAT = {"linear": "the linear module Y = X Wᵀ + B", "activation": "the activation module Y = h(X)",
         "softmax": "the softmax module", "crossentropy": "the cross-entropy module",
         "softmax_ce": "softmax with cross-entropy on logits Z"}


_OWN_LETTER = re.compile(r"^\s*([A-Z])\s*(?:_\s*(?:\{\s*[a-z]\s*,?\s*[a-z]\s*\}|[a-z]))?\s*$")


def _gradient_letter(text: str, ctx: _Context) -> None:
    """``G_{ij} = (\\frac{\\partial L}{\\partial Y})_{ij}``, ``G = \\frac{\\partial L}{\\partial \\mathbf{Y}}``: the
    answer's own letter for the gradient of L by a whole array, recorded in ``ctx.aliases``."""
    sides = _sides(_clean(text))
    own = _OWN_LETTER.match(sides[0]) if len(sides) >= 2 else None
    if own is None or own.group(1) in _LETTERS or own.group(1) in ctx.aliases or (
            ctx.names is not None and own.group(1) in ctx.names):
        return
    node = _Reader(sides[1], ctx.aliases, ctx.names).whole()
    while node.op == "group":
        node = node.args[0]
    if node.op == "entry_of":
        node = node.args[0]
        while node.op == "group":
            node = node.args[0]
    if node.op == "d" and node.args[0].op == "letter" and node.args[0].value == "L" and node.args[1].op == "matrix":
        ctx.aliases[own.group(1)] = node


def _definition(node: _Node) -> bool:
    return node.op in ("entry", "matrix", "letter")


def _judge_claim(text: str, kind: str | None, ctx: _Context, condition=None):
    """(verdict, why, kind) of one claim in the module of its context; None when it does not read."""
    if ctx.names is not None:
        text = _spelled(text, ctx.names, ctx.losses)
    equations = _read_claim(text, ctx.aliases, ctx.names)
    if not any(_has_derivative(s) for sides in equations for s in sides) and (
            kind is None or any(_definition(sides[0]) for sides in equations)):
        return None  # (a definition, Y_{sn} = …; algebra without a derivative only in a module's context)
    letters = set()
    for sides in equations:
        for s in sides:
            _letters(s, letters)
    kinds = {ctx.fixed: _KIND_LETTERS[ctx.fixed]} if ctx.fixed else _KIND_LETTERS
    candidates = [k for k, have in kinds.items() if letters <= have | {"S"} and k in ctx.kinds]
    if not candidates:
        return None
    own = kind if kind in candidates else None  # (a module named by the claim's letters or the claims before it:
    if own is None:  # never one guessed from its letters alone — Y - T beside a squared error is no softmax's)
        return None
    first = _verdict(own, ctx, equations, condition)
    if first is None:
        return None
    verdict, why = first
    if verdict == "incorrect":
        for other in candidates:
            if other != own:
                again = _verdict(other, ctx, equations, condition)
                if again is not None and again[0] == "correct":
                    return ("unchecked", f"not judged: wrong for {_WHAT[own]} ({why}), right for {_WHAT[other]}; "
                            "which module it is about is open", own)
    return verdict, why, own


def _batch_modules(claims) -> bool:
    return sum(1 for c in list(claims)[:2000] if _ENTRY_DERIVATIVE.search(c.latex)) >= 2


#: an index script: _i, _{i}, _{ i }
def _ix(name: str, start: bool = False) -> str:
    first = r"(?:=\s*[01]\s*)?" if start else ""  # (a sum's index with its start: \sum_{k=1})
    return rf"_\s*(?:\{{\s*(?P<{name}>[a-z])\s*{first}\}}|(?P<{name}_>[a-z]))"


#: a letter of the answer's own: y, \hat{y}, \hat y (also \tilde, \bar)
def _nm(name: str) -> str:
    return (rf"(?P<{name}>\\(?:hat|tilde|bar)\s*\{{\s*[a-zA-Z]\s*\}}|\\(?:hat|tilde|bar)\s+[a-zA-Z]|"
            rf"\\(?:phi|varphi|sigma|psi|softmax)(?![A-Za-z])|[a-zA-Z])")


def _exp_of(name: str, index: str) -> str:
    return rf"(?:e\s*\^\s*\{{\s*{_nm(name)}\s*{_ix(index)}\s*\}}|\\exp\s*\(\s*{_nm(name)}_\s*{_ix(index)}\s*\))"


_LIMITS = r"(?:\s*\^\s*(?:\{[^{}]{0,12}\}|[A-Za-z0-9]))?"
#: p_j = \frac{e^{z_j}}{\sum_k e^{z_k}} (also \exp(z_j), limits on the sum; S_i, \hat{y}_i): a softmax in letters of the
#: answer's own
_OWN_SOFTMAX = re.compile(
    rf"^\s*{_nm('out')}\s*{_ix('i1')}\s*=\s*\\frac\s*\{{\s*"
    rf"(?:e\s*\^\s*\{{\s*{_nm('a')}\s*{_ix('i2')}\s*\}}|\\exp\s*\(\s*{_nm('b')}\s*{_ix('i3')}\s*\))\s*\}}\s*"
    rf"\{{\s*\\sum\s*(?:{_ix('k', True)}{_LIMITS})?\s*"
    rf"(?:e\s*\^\s*\{{\s*{_nm('c')}\s*{_ix('k2')}\s*\}}|\\exp\s*\(\s*{_nm('d')}\s*{_ix('k3')}\s*\))\s*\}}\s*$")
#: L = -\sum_i y_i \log(p_i) (\log p_i, \ln; L, J, E, \ell, \mathcal{L}): the cross-entropy of one sample in its own
#: letters
_OWN_CE = re.compile(
    r"^\s*(?P<loss>L|J|E|H|\\ell|\\mathcal\s*\{\s*L\s*\})\s*(?:\([^()=]{0,80}\))?\s*=\s*-\s*\\sum\s*" + _ix("i", True) +
    _LIMITS + r"\s*(?P<paren>\()?" +
    rf"\s*{_nm('target')}\s*{_ix('j')}\s*(?:\\cdot\s*)?\\(?:log|ln)\s*(?:\\left\s*)?\(?\s*{_nm('prob')}\s*{_ix('k')}"
    r"\s*(?:\\right\s*)?\)?\s*(?(paren)\))\s*(?:\+\s*(?:\\lambda\s*)?R\s*(?:\(\s*[A-Za-z\\]{1,8}\s*\))?\s*)?$")


def _key(name: str) -> str:
    """One spelling of a letter of the answer's own: y, \\hat y."""
    m = re.fullmatch(r"\\(hat|tilde|bar)\s*\{?\s*([a-zA-Z])\s*\}?", name.strip())
    return f"\\{m.group(1)} {m.group(2)}" if m else name.strip()


def _group(m, name: str):
    return m.group(name) or m.group(name + "_")


#: a function's entry written with its argument, the entry after it (wintertee's φ(\mathbf z)_j, Petersen's
#: s(\mathbf x)_i) or before it (Viviano's softmax_i(z), \mathrm{softmax}_i(\mathbf z)): the entry of the function's
#: value at that vector
_FN = (r"(?P<fn>\\(?:phi|varphi|sigma|psi)(?![A-Za-z])|\\(?:mathrm|operatorname|text)\s*\{\s*softmax\s*\}|softmax|"
       r"(?<![A-Za-z\\])[a-zA-Z])")
_VEC = r"\(\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{?\s*(?P<v>[a-z])\s*\}?|(?P<w>[a-z]))\s*\)"
_ONE_INDEX = r"_\s*(?P<ix>\{\s*[a-z]\s*\}|[a-z])"
_FN_ENTRY = (re.compile(_FN + r"\s*" + _VEC + r"\s*" + _ONE_INDEX), re.compile(_FN + r"\s*" + _ONE_INDEX + r"\s*" + _VEC))
#: the point a Jacobian's entry is taken at, written after it: \frac{\partial\phi_i}{\partial z_j}(\mathbf z)
_AT_POINT = re.compile(r"(\\frac\s*\{\s*\\partial[^{}]{0,40}\}\s*\{\s*\\partial[^{}]{0,40}\})\s*" + _VEC)
#: Euler's number and a loss's letter set upright (\mathrm{e}, {\mathrm {H}}); a trailing "for all j" remark
_UPRIGHT = re.compile(r"\{\s*\\mathrm\s*\{\s*([A-Z])\s*\}\s*\}|\\mathrm\s*\{\s*([A-Za-z])\s*\}")
_FOR_ALL = re.compile(r"\\q?quad\s*\\forall[^=]{0,80}$")


def _function_key(fn: str) -> str:
    return "\\softmax" if "softmax" in fn else fn.strip()


def _spelled(text: str, names: dict | None = None, losses: frozenset = frozenset(), found: list | None = None) -> str:
    """``text`` with a function's entries written as letters with an index (``φ(\\mathbf z)_j`` → ``φ_{j}``,
    ``softmax_i(z)`` → ``\\softmax_{i}``), the point after a Jacobian's entry dropped, upright letters plain, the
    arguments of the loss letters ``losses`` dropped (``H(\\mathbf y, \\mathbf a)`` → ``H``). With ``names`` (a
    context's letters), only the entries of its own functions at its own vector; without, every such entry, each
    (function, vector) pair appended to ``found``."""
    text = _UPRIGHT.sub(lambda m: m.group(1) or m.group(2), text.replace("\\displaystyle", " ").replace("\\!", " "))
    text = _FOR_ALL.sub("", text)

    def entry(m: re.Match) -> str:
        fn, vector = _function_key(m.group("fn")), m.group("v") or m.group("w")
        if names is not None and (names.get(fn) != "Y" or names.get(vector) not in ("X", "Z")):
            return m.group(0)
        if found is not None:
            found.append((fn, vector))
        return f"{fn}_{{{m.group('ix').strip('{} ')}}}"

    for pattern in _FN_ENTRY:
        text = pattern.sub(entry, text)
    if names is not None:
        text = _AT_POINT.sub(lambda m: m.group(1) if names.get(m.group("v") or m.group("w")) in ("X", "Z")
                             else m.group(0), text)
    for letter in losses:
        text = _without_arguments(text, letter)
    return _unbraced(text)


def _without_arguments(text: str, letter: str) -> str:
    """``text`` with the parenthesised arguments after each ``letter`` removed (``H(\\mathbf y, φ(\\mathbf z))`` →
    ``H``): one scan, each argument list at most 120 characters (longer ones stay)."""
    out, pos = [], 0
    for m in re.finditer(rf"(?<![A-Za-z\\]){re.escape(letter)}(?![A-Za-z])\s*\(", text):
        if m.start() < pos:
            continue
        level, end = 0, None
        for k in range(m.end() - 1, min(len(text), m.end() + 120)):
            level += 1 if text[k] == "(" else -1 if text[k] == ")" else 0
            if level == 0:
                end = k + 1
                break
        if end is None:
            continue
        out.append(text[pos:m.start()] + letter)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _unbraced(text: str) -> str:
    """``text`` without braces that wrap all of it (``{\\displaystyle a_j = …}``, ``{{…}}``). One pass: each opening
    brace's match found with a stack, then the layers whose braces are the text's first and last."""
    text = text.strip()
    match, stack = {}, []
    for k, ch in enumerate(text):
        if ch == "{":
            stack.append(k)
        elif ch == "}" and stack:
            match[stack.pop()] = k
    start, end = 0, len(text) - 1
    while start < end and text[start] == "{" and match.get(start) == end:
        start += 1
        end -= 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end].isspace():
            end -= 1
    return text[start:end + 1].strip()


def _softmax_definition(text: str):
    """(outs, inner) when ``text`` defines a softmax in letters of the answer's own — ``p_j = \\frac{e^{z_j}}{\\sum_k
    e^{z_k}}``, also a chain of names before the fraction (wintertee's ``a_j = φ(\\mathbf z)_j = …``); None otherwise."""
    sides = [_unbraced(s) for s in _sides(text)]
    if len(sides) < 2:
        return None
    outs, inner = set(), None
    for side in sides[:-1]:
        m = _OWN_SOFTMAX.match(f"{side} = {sides[-1]}")
        if m is None:
            return None
        out = _key(m.group("out"))
        first, second = _key(m.group("a") or m.group("b")), _key(m.group("c") or m.group("d"))
        i1, i2 = _group(m, "i1"), _group(m, "i2") or _group(m, "i3")
        k, k2 = _group(m, "k"), _group(m, "k2") or _group(m, "k3")
        if not (i1 == i2 and (k is None or k == k2) and first == second and out != first and k2 != i1):
            return None
        if inner not in (None, first):
            return None
        outs.add(out)
        inner = first
    return frozenset(outs), inner


#: a bold letter (\boldsymbol y, \mathbf{o}): the letter, for reading a definition's form
_BOLD_LETTER = re.compile(r"\\(?:mathbf|boldsymbol|bm)\s*\{?\s*([a-zA-Z])\s*\}?(?![A-Za-z])")


def _own_letters(claims) -> _Context | None:
    """A softmax (and its cross-entropy) defined in the answer's own letters for one sample (Snow's p_j = e^{z_j} /
    Σ_k e^{z_k}, L = −Σ_i y_i log p_i; wintertee's a_j = φ(\\mathbf z)_j = …, H(\\mathbf y, \\mathbf a) = −Σ_j y_j
    log a_j), or named by the word (Viviano's ∂softmax_i(z)/∂z_j): the context that reads its letters as the
    module's; None without one."""
    softmax, ces, named = None, [], set()
    for c in claims:
        if len(c.latex) > 600:
            continue
        found: list = []
        text = _BOLD_LETTER.sub(r"\1", _clean(_spelled(c.latex, found=found)))
        if len(text) > 300:
            continue
        named |= {pair for pair in found if pair[0] == "\\softmax"} if "\\partial" in text else set()
        got = _softmax_definition(text)
        if got is not None:
            if softmax is not None and softmax[1] != got[1]:
                return None  # (two softmaxes in different letters: not one module)
            softmax = (got[0] | (softmax[0] if softmax else frozenset()), got[1])
        sides = _sides(text)
        for side in sides[1:2]:
            m = _OWN_CE.match(f"{sides[0]} = {side}")
            if m is not None and _group(m, "i") == _group(m, "j") == _group(m, "k"):
                loss = "L" if m.group("loss").startswith("\\mathcal") else m.group("loss")
                ces.append((_key(m.group("target")), _key(m.group("prob")), loss))
    if len(named) == 1 and (softmax is None or softmax[1] == next(iter(named))[1]):
        # (the word names its function: softmax_i(z) is the softmax's entry, defined or not)
        softmax = (frozenset({"\\softmax"}) | (softmax[0] if softmax else frozenset()), next(iter(named))[1])
    if softmax is None:
        return None
    outs, inner = softmax
    if (outs | {inner}) & {"e", "L", "h"} or inner in outs:
        return None
    # (the first cross-entropy of the softmax's own output: another of other letters beside it is no module's loss)
    ce = next((c for c in ces if c[1] in outs and c[0] not in (*outs, inner, "e", "L", "h", "S")), None)
    if ce is not None:
        names = {**dict.fromkeys(outs, "Y"), inner: "Z", ce[0]: "T"}
        if ce[2] != "L" and ce[2] not in names:
            names[ce[2]] = "L"  # (E = -Σ t_k ln y_k: E is the loss)
        return _Context(names=names, batch=False, fixed="softmax_ce", losses=frozenset({ce[2]}))
    return _Context(names={**dict.fromkeys(outs, "Y"), inner: "X"}, batch=False, fixed="softmax")


#: what each module's own formula looks like somewhere in a document about it (its definition, its derivative)
_KIND_SIGNS = {
    "linear": re.compile(r"(?<![A-Za-z\\])W(?![A-Za-z])"),
    "activation": re.compile(r"(?<![A-Za-z\\])h\s*'?\s*\("),
    "softmax": re.compile(r"(?:(?<![A-Za-z\\])e\s*\^|\\exp)\s*\{?\s*\(?\s*(?:\\mathbf\s*\{|\\b\s+)?\s*X|softmax"),
    "crossentropy": re.compile(r"\\(?:log|ln)"),
    "softmax_ce": re.compile(r"(?:(?<![A-Za-z\\])e\s*\^|\\exp)\s*\{?\s*\(?\s*(?:\\mathbf\s*\{|\\b\s+)?\s*Z|softmax"),
}


def _document_kinds(claims, ctx: _Context) -> frozenset:
    """The modules a document can be about: those whose own formula it writes somewhere (a Z beside Y is softmax's logits
    only in a document that writes the softmax), less those one of its definitions contradicts (``L = \\frac{1}{2}
    \\sum (Y - T)^2`` is no cross-entropy, ``Y = X W + B`` no activation module: a definition read in the module and
    wrong in every reading of it)."""
    texts = [c.latex for c in claims]
    kinds = {k for k, sign in _KIND_SIGNS.items() if any(sign.search(t) for t in texts)}
    if "softmax" in kinds and "crossentropy" in kinds:
        kinds.add("softmax_ce")  # (a softmax module and a cross-entropy module: Z, the logits, feed the two composed)
    for c in claims:
        if len(c.latex) > MAX_CHARS or limits.overdue():
            continue
        try:
            equations = _read_claim(c.latex, None, None)
        except (_Unread, RecursionError):
            continue
        if any(_has_derivative(side) for sides in equations for side in sides) or not all(
                _definition(sides[0]) for sides in equations):
            continue  # (definitions only: a letter = its formula)
        letters: set = set()
        for sides in equations:
            for side in sides:
                _letters(side, letters)
        holds, wrong = False, set()
        for kind in sorted(kinds):
            if not letters <= _KIND_LETTERS[kind] | {"S"}:
                continue
            got = []
            for reading in _readings(kind, ctx):
                try:
                    got.append(_judge_in(reading, equations))
                except (_Unread, _Case):
                    continue
                except _Shape:
                    got.append(("incorrect", ""))
            if any(g is not None and g[0] == "correct" for g in got):
                holds = True  # (the softmax's definition is the softmax module's, whatever the linear one makes of it)
            elif got and all(g is not None and g[0] == "incorrect" for g in got):
                wrong.add(kind)
        if not holds:
            kinds -= wrong  # (a definition no module has: the modules it reads in are not this document's)
    return frozenset(kinds)


def judge_modules(claims, results, condition=None, state: dict | None = None) -> None:
    """Revise, in place, the ``unchecked`` results of claims about a module on a batch in index notation, or about a
    softmax in the answer's own letters (see the module docstring), their chain rows too. ``condition(claim id)``:
    the case on two indices written before a claim ("for i ≠ j"), (a, b, a = b?) or None."""
    claims = list(claims)[:2000]
    passes = []
    if _batch_modules(claims):
        texts = [c.latex for c in claims]
        ctx = _Context(setup=(_orientation(texts), True if any(_LOWER_B.search(t) for t in texts) else None))
        ctx.kinds = _document_kinds(claims, ctx)
        passes.append(ctx)
    own = _own_letters(claims)
    if own is not None:
        passes.append(own)
    written: dict = {}  # each pair of indices -> the relations written between them ("=", "≠")
    for c in claims:
        m = _CASE.fullmatch(_clean(c.latex)) if len(c.latex) < 40 else None
        if m is not None and m.group(1) != m.group(3):
            written.setdefault(tuple(sorted((m.group(1), m.group(3)))), set()).add(m.group(2) == "=")
    cases = tuple(sorted(pair for pair, rel in written.items() if rel == {True, False}))  # (both cases written: a split;
    # Loedeman's lone "when m = i" remark is none)
    read = state.setdefault("read", set()) if state is not None else None
    stated = _stated_cases(claims)
    for ctx in passes:
        ctx.cases, ctx.stated = cases, stated
        _one_pass(claims, results, ctx, condition, read)


def _stated_cases(claims) -> dict:
    """{claim id: ((a, b, a = b?), …)} for a claim after short claims that state a case of two indices ("where
    $j \neq i$", Petersen's off-diagonal entries) with no claim taking a derivative between them and it."""
    out, pending = {}, set()
    for c in claims:
        m = _CASE.fullmatch(_clean(c.latex)) if len(c.latex) < 40 else None
        if m is not None and m.group(1) != m.group(3):
            pending.add((*sorted((m.group(1), m.group(3))), m.group(2) == "="))
            continue
        if r"\partial" in c.latex:
            pairs = {tuple(sorted(p[:2])) for p in pending}
            if pending and len(pairs) == len(pending):  # (one relation per pair: "i = j" beside "i ≠ j" is a split)
                out[c.id] = tuple(sorted(pending))
            pending = set()
    return out


#: a derivative by one of the modules' quantities, an entry or the whole array: ∂L/∂\mathbf{W}, ∂Y_{sn}/∂X_{ij}
_MODULE_DERIVATIVE = re.compile(r"\\partial\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?[XYZWBbT](?![A-Za-z])")


def unread_at_deadline(claims, results, state: dict) -> None:
    """The run's soft deadline came before the modules' reader got to every claim (``limits.overdue``; ``state`` as
    ``judge_modules`` left it, or empty when it did not start): in a document written in modules on a batch, each
    ``unchecked`` claim that takes a derivative by a module's quantity and was not read says the time ran out before
    it was read as a module (it had kept the network's reading's "could not read", as if that were all)."""
    from .judge import ran_out

    claims = list(claims)[:2000]
    if not _batch_modules(claims):
        return
    by_id = {r.id: k for k, r in enumerate(results)}
    read = state.get("read", set())
    for c in claims:
        k = by_id.get(c.id)
        if (k is not None and c.id not in read and results[k].verdict == "unchecked" and len(c.latex) <= MAX_CHARS
                and _MODULE_DERIVATIVE.search(c.latex)):
            ran_out(results[k], "as a module on a batch in index notation")


#: a case of two indices written as a claim of its own: "$i = j$", "$i \neq j$"
_CASE = re.compile(r"\s*([a-z])\s*(=|\\neq|\\ne)\s*([a-z])\s*:?")


def _one_pass(claims, results, ctx: _Context, condition, read: set | None = None) -> None:
    from .judge import ClaimResult, _top_sides, _trailing_condition

    by_id = {r.id: k for k, r in enumerate(results)}
    kind = ctx.fixed
    for c in claims:
        if len(c.latex) > MAX_CHARS:
            continue
        if read is not None and not limits.overdue():
            read.add(c.id)  # (reached before the run's soft deadline: unread_at_deadline leaves it as judged here)
        own = ctx.fixed or _evidence(c.latex)
        ctx.near = ctx.stated.get(c.id, ())
        try:
            _gradient_letter(c.latex, ctx)
        except (_Unread, RecursionError):
            pass
        k = by_id.get(c.id)
        if k is not None and ctx.names is not None and results[k].verdict in ("correct", "incorrect") and (
                not limits.overdue()):
            _second_reading(c, results, k, ctx, condition(c.id) if condition is not None else None)
        elif k is not None and results[k].verdict == "unchecked" and not limits.overdue():
            text, case = c.latex, condition(c.id) if condition is not None else None
            tail = _trailing_condition(text) if case is None else None
            if tail is not None and tail[2] in ("=", "\\neq", "\\ne"):
                text, case = tail[0], (tail[1], tail[3], tail[2] == "=")
            try:
                with limits.time_limit(CLAIM_CPU, f"reading claim {c.id} as a module", cpu=True):
                    got = _judge_claim(text, own or kind, ctx, case)
            except (_Unread, limits.TimeLimitError, ValueError, TypeError, ArithmeticError, RecursionError):
                got = None
            if got is None and len(c.rows) > 1 and (own or kind) and case is None:
                got = _by_rows(c, own or kind, ctx)
            if got is not None:
                verdict, why, used = got
                where = "on a batch of rows" if ctx.batch else "in the answer's own letters"
                scope = f" (where {case[0]} {'=' if case[2] else '≠'} {case[1]})" if case else ""
                message = {"correct": f"holds for {_WHAT[used]} {where}{scope}, for any loss L of its output"
                           if used in ("linear", "activation", "softmax") else f"holds for {_WHAT[used]} {where}{scope}",
                           "incorrect": f"does not hold for {_WHAT[used]} {where}{scope}: {why}"}.get(verdict, why)
                new = ClaimResult(c.id, c.latex, verdict, "", message, quantity=c.quantity,
                                  notes=["read as a module in index notation (indexmodules.py)"])
                new.rows = _rows(c, new, own or kind, ctx, _top_sides, case) if c.rows else []
                results[k] = new
        if own is not None:
            kind = own


def _second_reading(c, results, k: int, ctx: _Context, case=None) -> None:
    """A claim the network's reading judged, written in the letters of the answer's own softmax (Bishop's y_k =
    exp(a_k)/Σ_j exp(a_j): a read as a hidden layer's activation there): judged again on the answer's own definitions;
    where the two readings disagree, ``unchecked`` (which one the answer means is open)."""
    from .judge import ClaimResult, _trailing_condition

    try:
        with limits.time_limit(CLAIM_CPU, f"reading claim {c.id} in the answer's own letters", cpu=True):
            text = c.latex
            tail = _trailing_condition(text) if case is None else None
            if tail is not None and tail[2] in ("=", "\\neq", "\\ne"):
                text, case = tail[0], (tail[1], tail[3], tail[2] == "=")
            got = _judge_claim(text, ctx.fixed, ctx, case)  # (under the case the network's reading judged it in)
    except (_Unread, limits.TimeLimitError, ValueError, TypeError, ArithmeticError, RecursionError):
        return
    r = results[k]
    if got is None or got[0] not in ("correct", "incorrect") or got[0] == r.verdict:
        return
    results[k] = ClaimResult(c.id, c.latex, "unchecked", "", (
        f"not judged: read as the spec's network it is {r.verdict} ({r.message}), but on the answer's own definition "
        f"of its softmax ({_WHAT[got[2]]} in the answer's own letters) it is {got[0]}"
        + (f" ({got[1]})" if got[1] else "") + "; which reading the answer means is open"),
        quantity=c.quantity, notes=["two readings disagree (indexmodules.py)"])


def _by_rows(claim, kind, ctx: _Context):
    """A chain that does not read as a whole (a row in garbled notation): (incorrect, why, kind) when one of the rows
    that read is wrong (a wrong link makes the chain wrong); None otherwise."""
    from .judge import ClaimResult, _top_sides

    rows = _rows(claim, ClaimResult(claim.id, claim.latex, "unchecked", "", ""), kind, ctx, _top_sides)
    wrong = next((r for r in rows if r.verdict == "incorrect"), None)
    if wrong is None:
        return None
    return "incorrect", f"its row {wrong.id}: {wrong.message}", kind


def _rows(claim, result, kind, ctx: _Context, top_sides, case=None) -> list:
    """The chain's rows (``line N.k``), each judged as "subject = the row"."""
    from .judge import ClaimResult

    if len(claim.rows) == 1:
        return [replace(result, id=claim.rows[0][0], rows=[], notes=list(result.notes))]
    sides = top_sides(claim.latex)
    counts = [n for _, n in claim.rows]
    if len(sides) != sum(counts):
        return [ClaimResult(rid, claim.latex, "unchecked", "", "the chain's rows could not be told apart",
                            quantity=claim.quantity) for rid, _ in claim.rows]
    out, at = [], 0
    for k, (rid, n) in enumerate(claim.rows):
        if k > 0 or n > 1:
            text = (" = ".join(s.strip() for s in sides[at:at + n]) if k == 0
                    else sides[0].strip() + " = " + " = ".join(s.strip() for s in sides[at:at + n]))
            try:
                got = _judge_claim(text, kind, ctx, case)
            except (_Unread, ValueError, TypeError, ArithmeticError, RecursionError):
                got = None
            if got is None:
                out.append(ClaimResult(rid, text, "unchecked", "", "this row does not read as the module's",
                                       quantity=claim.quantity))
            else:
                verdict, why, _ = got
                out.append(ClaimResult(rid, text, verdict, "", why or "holds", quantity=claim.quantity))
        at += n
    return out
