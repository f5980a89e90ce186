r"""Index notation with the summation convention, as an answer states it: tensors written by their components.

Josh Levy-Kramer's posts (and tensor-calculus notes like them) write a layer entry by entry, ``y_{ij} = x_{ik} c_{kj}
+ \mathbf{1}_i b_j``, and derive by components, ``\frac{\partial l}{\partial x_{pq}} = \frac{\partial l}{\partial
y_{ij}} \delta_{ip} c_{qj} = \frac{\partial l}{\partial y_{pj}} c_{qj}``. Under the *summation convention* an index
repeated in a product and absent from the left side is summed. This module reads and evaluates such equations; it
knows nothing of networks: the values of the letters come from an ``Env`` (verify/indexworld.py binds them to the
spec's quantities).

API (for other readers of index notation):

- ``stated(text) -> bool``: the answer's prose states the convention ("Einstein notation", "summation convention",
  "repeated indices are summed", "a dummy index"). ``declared(options) -> bool``: a ``[notation]`` option
  ``summation = "einstein"`` (or ``true``) declares it; ``summation = "none"`` refuses it even if the prose states it.
  Where neither holds, a repeated index stays what the judge makes of it (this module is not used).
- ``read(latex) -> list[Node]``: the sides of an equation (or chain ``a = b = c``; ``&``, ``\\``, ``\therefore`` and
  spacing dropped), raising ``Unread`` with the reason when a part is not index notation this reader knows.
- ``letters(node) -> set``: the index letters a node names (free or summed); ``tensors(node)``: the tensor letters.
- ``evaluate(node, env, keep) -> Value``: the node's value; ``keep`` the index letters that stay free (the left
  side's, and those of the factors around it): an index repeated among the factors of a product and not in ``keep``
  is summed; one in ``keep`` stays free (the product is taken entry by entry, ``s_i \delta_{in}``).
- ``judge(latex, envs) -> Judgement``: every side compared with the first at every env (a point of the network);
  ``verdict`` "correct" (every link holds everywhere), "incorrect" (a link fails: ``failed`` its number, 1-based,
  ``message`` what differs) or None (not read: ``message`` says why).

An ``Env`` has ``value(letter) -> ndarray``, ``index(letter) -> int | None`` (a constant index such as the target
class ``T``), ``has(letter) -> bool`` and ``perturbed(letter, array) -> Env`` (the env with the letter's value
replaced and everything computed from it recomputed: a derivative ``\frac{\partial N}{\partial v_{pq}}`` is N's
central difference under it, every entry of v in turn; a letter in both N and the denominator is the diagonal, so
``\frac{\partial e^{x_j}}{\partial x_j} = e^{x_j}``).

Forms read: a letter (Latin, Greek ``\sigma``; ``\hat b``, ``\mathbf b``, ``\vec b`` are b) with subscript indices
``x_{ik}``, ``x_{i,k}``, ``b_p``, a constant index ``s_T``; ``\delta_{ij}`` (Kronecker), ``\mathbf{1}_i`` (a ones
tensor), ``\sum_i`` (an explicit sum over the rest of the term), ``\frac{\partial N}{\partial D}`` and the operator
``\frac{\partial}{\partial D}[…]``, ``e^{…}``, ``\exp``, ``\log``/``\ln``, ``\sqrt``, ``\tanh(…)``, ``\sigma(…)`` (the
logistic function, unless the answer defines σ), powers, ``\frac{a}{b}``, a labelled letter ``y_{\text{true}, i}``, a
layer by number ``W^{(2)}_{ij}``, ``a^{[1]}_j`` (a letter of its own); matrix
notation beside it: ``X A^T + \hat b`` (juxtaposed matrices multiply, a vector adds to every row),
``\left[\frac{\partial l}{\partial Y}\right]_{pj}`` and ``(c^T)_{jq}`` (an entry of a matrix), ``\frac{\partial
l}{\partial X}`` (the gradient, X's shape), a row of ones ``\begin{pmatrix}1 & \cdots & 1\end{pmatrix}``. Scanning is
one linear pass; sizes are the env's (small arrays at random points).
"""

from __future__ import annotations

import math
import re
import string
from dataclasses import dataclass

import numpy as np

#: prose stating the summation convention (one bounded, linear scan: no nested quantifiers)
_STATED = re.compile(
    r"(?i)einstein(?:'s)?\s+(?:summation|notation|convention)|summation\s+convention|"
    r"repeated\s+ind(?:ex|ices)[^.$]{0,80}?(?:summ?ed|sum\s+over)|"
    r"ind(?:ex|ices)\s+(?:is|are)\s+repeated[^.$]{0,120}?(?:summ?ed|sum\s+over|dummy)|"
    r"dummy\s+ind(?:ex|ices)")
#: an answer's [notation] value for the convention
ON, OFF = ("einstein", "true", "yes", True), ("none", "false", "no", False)

GREEK = {"alpha", "beta", "gamma", "epsilon", "varepsilon", "zeta", "eta", "theta", "kappa", "lambda", "mu", "nu", "xi",
         "rho", "sigma", "tau", "phi", "varphi", "chi", "psi", "omega", "Sigma", "Phi", "Omega"}
_DROP = {"left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "therefore", "displaystyle",
         "limits", "quad", "qquad", ",", ";", "!", ":", " ", "nonumber", "notag"}
_FONTS = {"vec", "mathbf", "boldsymbol", "bm", "mathrm", "mathit"}
#: marks that make another letter (\hat y beside y): kept in the name, ``HAT`` + the letter (indexworld merges \hat b
#: into b where the answer never writes both in one equation)
_MARKS = {"hat", "widehat", "bar", "tilde", "widetilde"}
HAT = "hat:"
_TRANSPOSE = {"T", "\\top", "\\intercal", "\\mathsf", "\\mathrm"}
MAX_TOKENS = 4000
#: a derivative by a tensor of more entries is not taken (each entry costs two evaluations of the network)
MAX_ENTRIES = 512
#: a product of more factors is not read (NumPy's einsum takes at most 32 operands)
MAX_FACTORS = 32
#: multiplications one product may take (its best contraction order; 26 summed indices multiply out to 2²⁶ and more)
MAX_WORK = 10**7
STEP = 1e-6


class Unread(ValueError):
    """A part of the equation is not index notation this reader knows (the message says which)."""


class Wrong(ValueError):
    """The equation cannot hold whatever its values: an index over axes of different lengths, sides whose free
    indices differ."""


def stated(text: str) -> bool:
    """Whether the prose states the summation convention."""
    return _STATED.search(text[:2_000_000]) is not None


def declared(options) -> bool | None:
    """The ``[notation]`` option ``summation``: True (declared), False (refused) or None (not given)."""
    value = dict(options).get("summation")
    value = value.lower() if isinstance(value, str) else value
    return True if value in ON else False if value in OFF else None


# -- reading -----------------------------------------------------------------------------------------------------------

def _tokens(latex: str) -> list[str]:
    out, i, n = [], 0, len(latex)
    while i < n:
        c = latex[i]
        if c.isspace() or c == "&":
            i += 1
        elif c == "\\":
            j = i + 1
            while j < n and latex[j].isalpha():
                j += 1
            if j == i + 1:
                j = min(i + 2, n)
            name = latex[i + 1:j]
            i = j
            if name == "\\":
                continue  # a row break: a chain goes on
            if name not in _DROP:
                out.append("\\" + name)
        else:
            out.append(c)
            i += 1
        if len(out) > MAX_TOKENS:
            raise Unread("the equation is too long to read by components")
    return out


@dataclass(frozen=True)
class Node:
    op: str  # num let delta ones onesrow add mul div pow T entry fn sum d
    args: tuple = ()
    value: object = None  # num: float; let: (name, indices | None); delta/ones: indices; sum: letters; fn: name;
    #                       entry: indices; d: (letter, indices | None); add: signs


class _Reader:
    def __init__(self, toks: list[str]):
        self.t, self.i = toks, 0

    def peek(self, k: int = 0) -> str | None:
        return self.t[self.i + k] if self.i + k < len(self.t) else None

    def take(self, want: str | None = None) -> str:
        tok = self.peek()
        if tok is None or (want is not None and tok != want):
            raise Unread(f"expected {want or 'more'} at token {self.i}")
        self.i += 1
        return tok

    def group(self) -> list[str]:
        """The tokens of a {…} group (or one token)."""
        if self.peek() != "{":
            return [self.take()]
        self.take("{")
        depth, start = 1, self.i
        while depth:
            tok = self.take()
            depth += tok == "{"
            depth -= tok == "}"
        return self.t[start:self.i - 1]

    def sides(self) -> list[Node]:
        out = [self.expr()]
        while self.peek() == "=":
            self.take()
            out.append(self.expr())
        if self.peek() is not None:
            raise Unread(f"cannot read {''.join(self.t[self.i:self.i + 6])!r}")
        return out

    def expr(self, stop=("=", ")", "]", "}", None)) -> Node:
        terms, signs = [], []
        sign = 1
        while self.peek() in ("+", "-"):
            sign *= -1 if self.take() == "-" else 1
        terms.append(self.term())
        signs.append(sign)
        while self.peek() in ("+", "-"):
            sign = 1
            while self.peek() in ("+", "-"):
                sign *= -1 if self.take() == "-" else 1
            terms.append(self.term())
            signs.append(sign)
        return terms[0] if signs == [1] else Node("add", tuple(terms), tuple(signs))

    def term(self) -> Node:
        factors = []
        while self.peek() not in ("+", "-", "=", ")", "]", "}", None, "\\end"):
            if self.peek() in ("\\cdot", "\\times"):
                self.take()
                continue
            if self.peek() == "\\sum":
                self.take()
                if self.take() != "_":
                    raise Unread("a sum without its index")
                idx = _indices(self.group(), sum_script=True)
                if self.peek() == "^":
                    self.take()
                    self.group()
                body = self.term()
                factors.append(Node("sum", (body,), idx))
                break
            factors.append(self.factor())
        if not factors:
            raise Unread(f"an empty term at token {self.i}")
        return factors[0] if len(factors) == 1 else Node("mul", tuple(factors))

    def factor(self) -> Node:
        node = self.primary()
        while self.peek() in ("^", "_"):
            if self.take() == "^":
                script = self.group()
                if len(script) == 1 and script[0] in _TRANSPOSE or script[:1] in (["\\mathsf"], ["\\mathrm"]):
                    node = Node("T", (node,))
                else:
                    if not _power(script):  # W^{(2)}, a^{[l]}, h^l: a layer or a sample, not read here
                        raise Unread(f"the superscript {''.join(script)} is not a power")
                    node = Node("pow", (node, _Reader(script).whole()))
            else:
                if node.op not in ("T", "d", "add", "mul", "let") or (node.op == "let" and node.value[1] is not None):
                    raise Unread("an index on something that takes none")
                node = Node("entry", (node,), _indices(self.group()))
        return node

    def whole(self) -> Node:
        node = self.expr()
        if self.peek() is not None:
            raise Unread(f"cannot read {''.join(self.t[self.i:self.i + 6])!r}")
        return node

    def primary(self) -> Node:
        tok = self.take()
        if tok in ("(", "[", "{"):
            node = self.expr()
            self.take({"(": ")", "[": "]", "{": "}"}[tok])
            return node
        if tok[0].isdigit() or tok == ".":
            text = tok
            while self.peek() is not None and (self.peek()[0].isdigit() or self.peek() == "."):
                text += self.take()
            try:
                return Node("num", (), float(text))
            except ValueError:
                raise Unread(f"cannot read the number {text!r}") from None
        if tok == "\\frac":
            num, den = self.group(), self.group()
            mark = _differential(num, den)
            if mark:  # ∂ or d: \frac{\partial l}{\partial y_{ij}}, \frac{dL}{dy_i}, \frac{\mathrm{d} L}{\mathrm{d} y_i}
                target = _Reader(den[mark:]).letter_only()
                if len(num) == mark:  # \frac{\partial}{\partial x_{pq}} [ … ]: the operator on the next factor
                    return Node("d", (self.factor(),), target)
                return Node("d", (_Reader(num[mark:]).whole(),), target)
            return Node("div", (_Reader(num).whole(), _Reader(den).whole()))
        if tok == "\\delta" and self.peek() == "_":
            self.take()
            idx = _indices(self.group())
            if len(idx) != 2:
                raise Unread("a Kronecker delta needs two indices")
            return Node("delta", (), idx)
        if tok == "\\mathbf" and self.peek() == "{" and self.peek(1) == "1" and self.peek(2) == "}":
            self.i += 3
            if self.peek() != "_":
                raise Unread("a ones tensor without its index")
            self.take()
            return Node("ones", (), _indices(self.group()))
        if tok == "\\begin":
            env = "".join(self.group())
            if env not in ("pmatrix", "bmatrix"):
                raise Unread(f"the environment {env} is not read by components")
            body = []
            while self.peek() != "\\end":
                body.append(self.take())
            self.take()
            self.group()
            if not body or any(b not in ("1", "\\cdots", "\\dots", "\\ldots") for b in body):
                raise Unread("a matrix written out is read only as a row of ones")
            return Node("onesrow")
        if tok in ("\\exp", "\\log", "\\ln", "\\sqrt"):
            name = tok[1:]
            if name == "sqrt":
                return Node("fn", (_Reader(self.group()).whole(),), "sqrt")
            return Node("fn", (self.factor(),), "exp" if name == "exp" else "log")
        if tok in ("\\sigma", "\\tanh") and self.peek() in ("(", "'"):  # σ(z_i): the logistic function (unless σ
            prime = self.peek() == "'"  # is a letter); σ'(z_i) its derivative σ(1 − σ)
            if prime:
                self.take("'")
            self.take("(")
            arg = self.expr()
            self.take(")")
            return Node("fn", (arg,), tok[1:] + ("'" if prime else ""))
        if tok == "e" and self.peek() == "^":
            self.take()
            return Node("fn", (_Reader(self.group()).whole(),), "exp")
        self.i -= 1
        return self.letter()

    def letter_only(self) -> Node:
        node = self.letter()
        if self.peek() is not None:
            raise Unread("a derivative by something other than one letter or one entry")
        return node

    def letter(self) -> Node:
        tok = self.take()
        if tok.startswith("\\") and (tok[1:] in _FONTS or tok[1:] in _MARKS):
            inner = self.group()  # \hat{b}, \mathbf{\hat b}, \hat{\mathbf{b}}: the letter inside, marked or not
            sub = _Reader(inner)
            node = sub.letter()
            if sub.peek() is not None or node.value[1] is not None:
                raise Unread(f"cannot read {tok}{{{''.join(inner)}}}")
            name = node.value[0]
            if tok[1:] in _MARKS and not name.startswith(HAT):
                name = HAT + name
        else:
            name = tok[1:] if tok.startswith("\\") and tok[1:] in GREEK else tok
            if not (len(name) == 1 and name.isalpha() or name in GREEK):
                raise Unread(f"cannot read {tok!r} by components")
        name += self.layer()
        idx = None
        if self.peek() == "_":
            self.take()
            script = self.group()
            if script[:1] in (["\\text"], ["\\mathrm"], ["\\textrm"]) and len(script) > 3 and script[1] == "{":
                end = script.index("}")  # y_{\text{true}, i}: the letter y_true, its index i
                name = f"{name}_{''.join(script[2:end])}"
                script = script[end + 1:]
            idx = _indices(script) if script else None
            name += self.layer()
        return Node("let", (), (name, idx))

    def layer(self) -> str:
        """A layer written as a superscript, ``^{(2)}``, ``^{[2]}`` (a number only): part of the letter's name."""
        if self.peek() != "^" or self.peek(1) != "{" or self.peek(2) not in ("(", "["):
            return ""
        close = {"(": ")", "[": "]"}[self.peek(2)]
        k = 3
        while self.peek(k) is not None and self.peek(k).isdigit():
            k += 1
        if k == 3 or self.peek(k) != close or self.peek(k + 1) != "}":
            return ""
        digits = "".join(self.t[self.i + 3:self.i + k])
        self.i += k + 2
        return f"^({digits})"


def _logistic(v):
    return 0.5 * (1.0 + np.tanh(0.5 * v))


def _differential(num: list[str], den: list[str]) -> int:
    """How many tokens open a derivative's numerator and denominator alike: 1 for ∂ or a d (``dL``, ``dy_i``), 4 for
    ``\\mathrm{d}``; 0 when the fraction is no derivative."""
    for mark in (["\\partial"], ["d"], ["\\mathrm", "{", "d", "}"], ["\\text", "{", "d", "}"]):
        k = len(mark)
        if num[:k] == mark and den[:k] == mark and len(den) > k:
            return k
    return 0


def shown(name: str) -> str:
    """A letter's name as the answer writes it (``hat:y`` is ``\\hat y``, ``W^(2)`` is ``W^{(2)}``, ``sigma`` ``\\sigma``)."""
    mark = name.startswith(HAT)
    core, _, layer = name[len(HAT) if mark else 0:].partition("^(")
    core = "\\" + core if core in GREEK else core
    return ("\\hat " if mark else "") + core + (f"^{{({layer}}}" if layer else "")


def _power(script: list[str]) -> bool:
    """A number (``2``, ``-1``, ``0.5``) as a superscript: a power."""
    body = script[1:] if script[:1] == ["-"] else script
    return bool(body) and all(t.isdigit() or t == "." for t in body)


def _indices(script: list[str], sum_script: bool = False) -> tuple:
    """Index letters of a subscript: ``ij``, ``i j``, ``i,j``, a constant ``T`` or digit; a sum's ``i=1`` is ``i``."""
    if sum_script and "=" in script:
        script = script[:script.index("=")]
    out = tuple(s for s in script if s != ",")
    if not out or any(len(s) != 1 or not (s.isalpha() or s.isdigit()) for s in out):
        raise Unread(f"cannot read the index {''.join(script)!r}")
    return out


def read(latex: str) -> list[Node]:
    """The sides of an equation or chain written in index notation."""
    toks = _tokens(latex.strip().rstrip(".,;"))
    if "=" not in toks:
        raise Unread("no equation")
    return _Reader(toks).sides()


def _walk(node: Node):
    yield node
    for a in node.args:
        yield from _walk(a)


def letters(node: Node) -> set[str]:
    """The index letters a node names (lower-case letters; constants such as T and digits are not letters)."""
    out: set[str] = set()
    for n in _walk(node):
        if n.op == "let" and n.value[1]:
            out |= {i for i in n.value[1] if i in string.ascii_lowercase}
        elif n.op in ("delta", "ones", "entry"):
            out |= {i for i in n.value if i in string.ascii_lowercase}
        elif n.op == "d" and n.value.value[1]:
            out |= {i for i in n.value.value[1] if i in string.ascii_lowercase}
    return out


def tensors(node: Node) -> set[str]:
    """The tensor letters a node uses (derivatives' denominators included)."""
    out: set[str] = set()
    for n in _walk(node):
        if n.op == "let":
            out.add(n.value[0])
        elif n.op == "d":
            out.add(n.value.value[0])
    return out


# -- evaluation --------------------------------------------------------------------------------------------------------

@dataclass
class Value:
    """An array and the index letter of each axis (``idx``), or None for a matrix written without indices."""

    arr: np.ndarray
    idx: tuple | None


class _Ranges(dict):
    def note(self, letter: str, size: int, where: str) -> None:
        if letter not in string.ascii_lowercase:
            return
        if self.get(letter, size) != size:
            raise Wrong(f"the index {letter} runs over {self[letter]} values elsewhere but over {size} in {where}")
        self[letter] = size


def _ranges(node: Node, env, ranges: _Ranges) -> None:
    for n in _walk(node):
        ref = n.value if n.op == "let" else n.value.value if n.op == "d" else None
        if ref is None or not ref[1]:
            continue
        arr = _letter_array(env, ref[0], ref[1])
        for k, i in enumerate(ref[1]):
            ranges.note(i, arr.shape[k], f"{shown(ref[0])}_{{{''.join(ref[1])}}}")


def _letter_array(env, name: str, idx) -> np.ndarray:
    if not env.has(name):
        raise Unread(f"{shown(name)} is not a quantity the answer's definitions bind")
    arr = np.asarray(env.value(name), dtype=float)
    if idx is not None and len(idx) != arr.ndim:
        raise Unread(f"{shown(name)} has {arr.ndim} axes but is written with {len(idx)} indices")
    return arr


def _constant(env, i: str) -> int | None:
    if i.isdigit():
        return int(i) - 1
    if i in string.ascii_lowercase:
        return None
    k = env.index(i)
    if k is None:
        raise Unread(f"the index {i} is neither a letter nor a constant the answer defines")
    return k


def _indexed(arr: np.ndarray, idx: tuple, env) -> Value:
    """An array under index letters; constant indices pick their entry; a letter twice is the diagonal."""
    keep_axes, names = [], []
    for k, i in enumerate(idx):
        c = _constant(env, i)
        if c is not None:
            if not 0 <= c < arr.shape[len(keep_axes)]:
                raise Wrong(f"the constant index {i} is out of range")
            arr = np.take(arr, c, axis=len(keep_axes))
            continue
        keep_axes.append(k)
        names.append(i)
    return _diagonal(Value(arr, tuple(names)))


def _diagonal(v: Value) -> Value:
    names = list(v.idx)
    out = v.arr
    while len(set(names)) < len(names):
        dup = next(n for n in names if names.count(n) > 1)
        a = names.index(dup)
        b = names.index(dup, a + 1)
        if out.shape[a] != out.shape[b]:
            raise Wrong(f"the index {dup} names axes of {out.shape[a]} and {out.shape[b]} values")
        out = np.moveaxis(np.diagonal(out, axis1=a, axis2=b), -1, a)
        del names[b]
    return Value(out, tuple(names))


def _expand(v: Value, order: tuple) -> np.ndarray:
    """v's array with its axes in ``order`` (a letter v lacks: a broadcast axis of length 1)."""
    arr = np.transpose(v.arr, [v.idx.index(i) for i in order if i in v.idx]) if v.idx else v.arr
    shape, k = [], 0
    for i in order:
        if i in v.idx:
            shape.append(arr.shape[k])
            k += 1
        else:
            shape.append(1)
    return arr.reshape(shape)


def _scalar(v: Value) -> bool:
    return v.idx == () or (v.idx is None and v.arr.size == 1)


def _elementwise(a: Value, b: Value, op) -> Value:
    if a.idx is None or b.idx is None:
        if _scalar(a) or _scalar(b) or (a.idx is None and b.idx is None):
            return Value(_matrix_op(a.arr, b.arr, op), None if not (_scalar(a) and _scalar(b)) else ())
        raise Unread("a matrix without indices beside a tensor written by components")
    order = tuple(dict.fromkeys(a.idx + b.idx))
    return Value(op(_expand(a, order), _expand(b, order)), order)


def _matrix_op(a: np.ndarray, b: np.ndarray, op) -> np.ndarray:
    if a.ndim == 2 and b.ndim == 1 and a.shape[1] == b.shape[0] or a.shape == b.shape or a.size == 1 or b.size == 1:
        return op(a, b)  # (a vector added to every row: the bias of a batch of rows)
    if a.ndim == 1 and b.ndim == 2 and b.shape[1] == a.shape[0]:
        return op(a, b)
    raise Wrong(f"the shapes {a.shape} and {b.shape} do not add")


def evaluate(node: Node, env, keep: frozenset, ranges: _Ranges | None = None) -> Value:
    """The node's value at ``env``; ``keep``: the index letters that stay free (see the module's docstring)."""
    if ranges is None:  # (a call from outside: the index ranges from the node's own tensors)
        ranges = _Ranges()
        _ranges(node, env, ranges)
    op = node.op
    if op == "num":
        return Value(np.asarray(node.value, dtype=float), ())
    if op == "let":
        name, idx = node.value
        arr = _letter_array(env, name, idx)
        return Value(arr, None) if idx is None and arr.ndim else (Value(arr, ()) if idx is None else _indexed(arr, idx, env))
    if op in ("delta", "ones"):
        sizes = []
        for i in node.value:
            c = _constant(env, i)
            if c is None and i not in ranges:
                raise Unread(f"the range of the index {i} is not known")
            sizes.append(None if c is not None else ranges[i])
        if op == "ones":
            if sizes[0] is None:
                return Value(np.asarray(1.0), ())
            return Value(np.ones(sizes[0]), node.value)
        (i, j), (ni, nj) = node.value, sizes
        ci, cj = _constant(env, i), _constant(env, j)
        if ni is None and nj is None:
            return Value(np.asarray(float(ci == cj)), ())
        if ni is None or nj is None:
            n, c, name = (nj, ci, j) if ni is None else (ni, cj, i)
            return Value(np.eye(n)[c] if 0 <= c < n else np.zeros(n), (name,))
        if ni != nj:
            raise Wrong(f"δ_{{{i}{j}}} pairs indices over {ni} and {nj} values")
        return _diagonal(Value(np.eye(ni), (i, j)))
    if op == "onesrow":
        return Value(np.asarray(np.nan), "ones")  # (only in a product: its length is the next factor's rows)
    if op == "add":
        values = [evaluate(a, env, keep, ranges) for a in node.args]
        total = values[0] if node.value[0] == 1 else _elementwise(Value(np.asarray(-1.0), ()), values[0], np.multiply)
        for sign, v in zip(node.value[1:], values[1:], strict=True):
            if total.idx and v.idx and set(total.idx) != set(v.idx):  # (a number beside a tensor: every entry)
                raise Wrong(f"terms with different free indices ({''.join(total.idx) or 'none'} and "
                            f"{''.join(v.idx) or 'none'}) are added")
            total = _elementwise(total, v, np.add if sign == 1 else np.subtract)
        return total
    if op == "mul":
        return _product(node.args, env, keep, ranges)
    if op == "sum":
        inner = evaluate(node.args[0], env, keep | set(node.value), ranges)
        if inner.idx is None:
            raise Unread("a sum over a matrix written without indices")
        axes = tuple(inner.idx.index(i) for i in node.value if i in inner.idx)
        if len(axes) != len(node.value):
            raise Wrong(f"the sum's index {''.join(node.value)} is not in what it sums")
        return Value(inner.arr.sum(axis=axes), tuple(i for i in inner.idx if i not in node.value))
    if op == "div":
        a = evaluate(node.args[0], env, keep | letters(node.args[1]), ranges)
        b = evaluate(node.args[1], env, keep | letters(node.args[0]), ranges)
        return _elementwise(a, b, np.divide)
    if op == "pow":
        base = evaluate(node.args[0], env, keep, ranges)
        power = evaluate(node.args[1], env, keep, ranges)
        if not _scalar(power):
            raise Unread("a power that is not a number")
        return Value(np.power(base.arr, float(power.arr)), base.idx)
    if op == "T":
        inner = evaluate(node.args[0], env, keep, ranges)
        if inner.idx is not None and inner.idx != ():
            raise Unread("a transpose of a tensor written by components")
        return Value(inner.arr.T if inner.arr.ndim == 2 else inner.arr, inner.idx)
    if op == "entry":
        inner = evaluate(node.args[0], env, keep, ranges)
        if inner.idx is None and inner.arr.ndim == len(node.value):
            for k, i in enumerate(node.value):
                ranges.note(i, inner.arr.shape[k], "an entry")
            return _indexed(inner.arr, node.value, env)
        raise Unread("an entry of something that is not a matrix")
    if op == "fn":
        if node.value.startswith("sigma") and env.has("sigma"):
            raise Unread("σ(…) where σ is the answer's own symbol: a product or the logistic function?")
        inner = evaluate(node.args[0], env, keep, ranges)
        f = {"exp": np.exp, "log": np.log, "sqrt": np.sqrt, "tanh": np.tanh,
             "sigma": _logistic, "sigma'": lambda v: _logistic(v) * (1.0 - _logistic(v)),
             "tanh'": lambda v: 1.0 - np.tanh(v) ** 2}[node.value]
        with np.errstate(all="ignore"):
            return Value(f(inner.arr), inner.idx)
    if op == "d":
        return _derivative(node, env, keep, ranges)
    raise Unread(f"cannot evaluate {op}")


def _product(factors: tuple, env, keep: frozenset, ranges: _Ranges) -> Value:
    names = [letters(f) for f in factors]
    values = []
    for k, f in enumerate(factors):
        around = set().union(*(names[:k] + names[k + 1:]))
        values.append(evaluate(f, env, keep | around, ranges))
    plain = [v for v in values if v.idx is None or isinstance(v.idx, str)]
    if plain and any(not _scalar(v) for v in values if v.idx is not None and not isinstance(v.idx, str)):
        raise Unread("a matrix without indices multiplied by a tensor written by components")
    if plain:  # matrix notation: juxtaposed matrices multiply
        out: np.ndarray | None = None
        scale = 1.0
        for k, v in enumerate(values):
            if isinstance(v.idx, str):  # a row of ones: as long as the next matrix has rows
                nxt = values[k + 1].arr if k + 1 < len(values) else None
                if nxt is None or nxt.ndim != 2:
                    raise Unread("a row of ones not followed by a matrix")
                arr = np.ones((1, nxt.shape[0]))
            elif v.idx == () or (v.idx is None and v.arr.ndim == 0):
                scale *= float(v.arr)
                continue
            else:
                arr = v.arr
            if out is None:
                out = arr
            else:
                if out.shape[-1] != arr.shape[0]:
                    raise Wrong(f"a {_shape(out)} matrix is multiplied by a {_shape(arr)} one")
                out = out @ arr
        return Value(scale * out if out is not None else np.asarray(scale), None if out is not None else ())
    counts: dict[str, int] = {}
    for v in values:
        for i in v.idx:
            counts[i] = counts.get(i, 0) + 1
    written: dict[str, int] = {}  # (on tensors written by their components: e_i e_i e_i, W_{ij} x_j x_j)
    for f, v in zip(factors, values, strict=True):
        for i in v.idx if f.op == "let" else ():
            written[i] = written.get(i, 0) + 1
    thrice = sorted(i for i, n in written.items() if n > 2 and i not in keep)
    if thrice:  # (a derivative sharing the index, Levy-Kramer's 1_j ∂e^{x_j}/∂x_j ∂x_j/∂x_n, is the chain rule entry by entry)
        raise Unread(f"the index {thrice[0]} is written {written[thrice[0]]} times in one product: the summation "
                     "convention sums an index written twice, so which of them are summed is not said")
    if len(values) > MAX_FACTORS or len(counts) > len(string.ascii_letters):
        raise Unread(f"a product of {len(values)} factors and {len(counts)} indices (at most {MAX_FACTORS} factors are read)")
    free = tuple(i for i in dict.fromkeys(i for v in values for i in v.idx) if counts[i] == 1 or i in keep)
    pool = iter(string.ascii_letters)
    code = {i: next(pool) for i in counts}
    spec = ",".join("".join(code[i] for i in v.idx) for v in values) + "->" + "".join(code[i] for i in free)
    arrays = [v.arr for v in values]
    order = _order(spec, arrays)  # (Unread past the bound: outside the try, Unread being a ValueError)
    try:
        return Value(np.einsum(spec, *arrays, optimize=order), free)
    except ValueError as exc:
        raise Wrong(f"a product pairs axes of different lengths ({exc})") from None


def _order(spec: str, arrays: list) -> list | bool:
    """How einsum contracts ``spec``: all at once (False: NumPy's plain loop over every index) when that takes at most
    ``MAX_WORK`` multiplications, else a greedy pairwise order whose work is at most that; more is not read. Axes of
    different lengths under one index are left for einsum to refuse."""
    inputs, output = spec.split("->")
    operands = inputs.split(",")
    sizes: dict[str, int] = {}
    for op, arr in zip(operands, arrays, strict=True):
        for ch, n in zip(op, np.shape(arr), strict=False):
            sizes[ch] = max(sizes.get(ch, 1), int(n))
    if math.prod(sizes.values()) <= MAX_WORK:
        return False
    try:
        path = np.einsum_path(spec, *arrays, optimize="greedy")[0]
    except ValueError:
        return False  # (lengths that do not match: einsum says so at once)
    work = 0
    for step in path[1:]:
        involved = set().union(*(operands[k] for k in step))
        work += math.prod(sizes[ch] for ch in involved)
        operands = [op for k, op in enumerate(operands) if k not in step]
        operands.append("".join(ch for ch in involved if ch in output or any(ch in op for op in operands)))
    if work > MAX_WORK:
        raise Unread(f"the product would take {work:.3g} multiplications (more than {MAX_WORK:.0e} are not done)")
    return path


def _shape(a: np.ndarray) -> str:
    return "×".join(str(s) for s in a.shape)


def _derivative(node: Node, env, keep: frozenset, ranges: _Ranges) -> Value:
    target = node.value
    name, idx = target.value
    base = _letter_array(env, name, idx)
    inner_keep = keep | letters(target)
    top = evaluate(node.args[0], env, inner_keep, ranges)
    if isinstance(top.idx, str):
        raise Unread("a derivative of a row of ones")
    if base.size > MAX_ENTRIES:
        raise Unread(f"a derivative by {name}, of {base.size} entries, is too large to take entry by entry")
    cols = []
    flat = base.ravel()
    for k in range(flat.size):
        h = STEP * max(1.0, abs(flat[k]))
        ups = []
        for sign in (1, -1):
            moved = flat.copy()
            moved[k] += sign * h
            v = evaluate(node.args[0], env.perturbed(name, moved.reshape(base.shape)), inner_keep, _Ranges(ranges))
            if v.idx != top.idx:
                raise Unread("the derivative's numerator changes its indices")
            ups.append(v.arr)
        cols.append((ups[0] - ups[1]) / (2 * h))
    jac = np.stack(cols, axis=-1).reshape(np.shape(top.arr) + base.shape)
    if idx is None:  # by a whole matrix: the gradient of a scalar, in the matrix's shape
        if not _scalar(top):
            raise Unread("the derivative of a tensor by a whole matrix")
        return Value(jac.reshape(base.shape), None if base.ndim else ())
    if top.idx is None:
        if top.arr.ndim:
            raise Unread("the derivative of a matrix written without indices by one entry")
        top = Value(top.arr, ())
    return _indexed(jac, top.idx + idx, env)


# -- judging -----------------------------------------------------------------------------------------------------------

@dataclass
class Judgement:
    verdict: str | None  # "correct", "incorrect" or None (not read)
    message: str
    failed: int | None = None  # the first link (1-based) that does not hold


def _close(a: np.ndarray, b: np.ndarray) -> bool:
    if a.shape != b.shape or not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        return False
    scale = max(1.0, float(np.max(np.abs(a), initial=0.0)), float(np.max(np.abs(b), initial=0.0)))
    return bool(np.allclose(a, b, rtol=1e-5, atol=1e-6 * scale))


def _compare(left: Value, right: Value) -> str | None:
    """None when the sides are equal, else what differs."""
    if (left.idx is None) != (right.idx is None) and not (_scalar(left) and _scalar(right)):
        raise Unread("one side is a matrix without indices, the other a tensor by components")
    if left.idx is None or right.idx is None or _scalar(left) and _scalar(right):
        a, b = np.squeeze(left.arr), np.squeeze(right.arr)
        if a.shape != b.shape:
            return f"the sides' shapes differ ({_shape(a) or 'a number'} and {_shape(b) or 'a number'})"
        return None if _close(a, b) else "the sides differ"
    if set(left.idx) != set(right.idx):
        return (f"the free indices differ: {''.join(sorted(left.idx)) or 'none'} on the left, "
                f"{''.join(sorted(right.idx)) or 'none'} on the right")
    b = np.transpose(right.arr, [right.idx.index(i) for i in left.idx])
    return None if _close(left.arr, b) else "the sides differ"


def _split_sides(toks: list[str]) -> list[list[str]]:
    """The token lists of the sides of an equation (split at ``=`` outside braces, brackets and parentheses)."""
    sides, depth, start = [], 0, 0
    for k, tok in enumerate(toks):
        depth += tok in ("{", "(", "[")
        depth -= tok in ("}", ")", "]")
        if tok == "=" and depth == 0:
            sides.append(toks[start:k])
            start = k + 1
    return [*sides, toks[start:]]


def readable(latex: str) -> bool:
    """Whether each statement of the claim has at least two sides this reader reads (``judge`` can compare them)."""
    from .surface import split_statements

    def count(part: str) -> int:
        n = 0
        for side in _split_sides(_tokens(part.strip().rstrip(".,;"))):
            try:
                _Reader(side).whole()
                n += 1
            except (Unread, RecursionError):
                pass
        return n

    try:
        return all(count(part) >= 2 for part in split_statements(latex))
    except Unread:
        return False


def judge(latex: str, envs) -> Judgement:
    r"""Every side of the equation compared with the first that reads, at every env; statements an implication joins
    (``z = Wx \implies z_i = W_{ij} x_j``) each in turn. A side that does not read is left out when two others
    read: the claim is then ``correct`` if they agree (the message names the side left out), not judged if not."""
    from .surface import split_statements

    verdicts = [_judge_one(part, envs) for part in split_statements(latex)]
    unread = next((j for j in verdicts if j.verdict is None), None)
    if unread is not None:
        return unread
    return next((j for j in verdicts if j.verdict == "incorrect"), verdicts[0])


def _judge_one(latex: str, envs) -> Judgement:
    try:
        toks = _tokens(latex.strip().rstrip(".,;"))
        parts = _split_sides(toks)
        if len(parts) < 2:
            raise Unread("no equation")
        sides, skipped = [], []
        for k, part in enumerate(parts, start=1):
            try:
                sides.append(_Reader(part).whole())
            except Unread as exc:
                skipped.append(f"side {k} ({exc})")
    except Unread as exc:
        return Judgement(None, str(exc))
    except RecursionError:
        return Judgement(None, "nested too deeply")
    if len(sides) < 2:
        return Judgement(None, skipped[0].split(" (", 1)[1][:-1] if skipped else "no equation")
    keep = frozenset(letters(sides[0]))
    note = f" ({', '.join(skipped)} could not be read and is left out)" if skipped else ""
    for env in envs:
        ranges = _Ranges()
        try:
            for side in sides:
                _ranges(side, env, ranges)
            values = [evaluate(s, env, keep, ranges) for s in sides]
            for k, v in enumerate(values[1:], start=1):
                why = _compare(values[0], v)
                if why is not None:
                    if skipped:
                        return Judgement(None, f"the sides read do not agree ({why}), but {', '.join(skipped)} could "
                                               "not be read, so the reading may be wrong")
                    return Judgement("incorrect", f"side {k + 1} does not equal the first: {why}", k)
        except Unread as exc:
            return Judgement(None, str(exc))
        except Wrong as exc:
            if skipped:
                return Judgement(None, f"{exc}, but {', '.join(skipped)} could not be read")
            return Judgement("incorrect", str(exc), 1)
        except (RecursionError, FloatingPointError, ZeroDivisionError) as exc:
            return Judgement(None, f"could not evaluate ({type(exc).__name__})")
    return Judgement("correct", "holds entry by entry at every point (the summation convention: an index repeated in "
                                "a product and absent from the left side is summed)" + note)
