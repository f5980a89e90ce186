r"""A computation graph worked in scalar letters of its own (issue 10, twenty-second round).

Textbooks and courses teach backpropagation first on a scalar function broken into intermediate variables: Deisenroth,
Faisal and Ong's *Mathematics for Machine Learning*, Example 5.14 — ``f(x) = \sqrt{x^2 + \exp(x^2)} + \cos(x^2 +
\exp(x^2))``, then ``a = x^2``, ``b = \exp(a)``, ``c = a + b``, ``d = \sqrt{c}``, ``e = \cos(c)``, ``f = d + e``, the
local derivatives ``\frac{\partial c}{\partial a} = 1 = \frac{\partial c}{\partial b}`` and the backward pass
``\frac{\partial f}{\partial a} = \frac{\partial f}{\partial b}\frac{\partial b}{\partial a} + \frac{\partial
f}{\partial c}\frac{\partial c}{\partial a}``; CS231n's ``f(x, y, z) = (x + y) z`` with ``q = x + y``, ``f = q z``; Colah's
``c = a + b``, ``d = b + 1``, ``e = c \cdot d``. Those letters are not the network's (a is not an activation there, b no
bias, e not Euler's number), so the network's judge leaves such claims unread. A TA reads them as the example's own
calculus, and so does this module:

- **The graph**: the definitions ``NAME = EXPR`` (and ``NAME(ARGS) = EXPR``) of one section of the document, in
  order, each NAME a letter (with a number or letter as its subscript: ``w_0``, ``x_1``), each EXPR a scalar formula
  (numbers, the names, + − × ÷, powers, ``\frac``, ``\sqrt``, ``\exp``, ``e^{…}``, ``\log``, ``\ln``, ``\sin``,
  ``\cos``, ``\tan``, ``\tanh``, ``\sigma``). A name an EXPR uses and no row defines is an input. It is a graph when at
  least three names are defined and at least two definitions use a name defined before them (a chain, not a list of
  givens), and no name is defined by two different formulas.
- **What ∂u/∂v means** (as the books use it): 1 for u = v; for u a sink of the graph (the function's value, used by
  no other definition), the derivative of u with v perturbed and everything downstream of v recomputed (backprop's
  "gradient of f with respect to v", through every path); for v a direct argument of u's definition, the local partial
  derivative of that formula (MML's ∂c/∂a = 1 although b = exp(a) also reaches c); otherwise the derivative through
  every path from v to u. A claim judged ``incorrect`` in this reading but right with every ∂ read through every path,
  or with every ∂ along a direct edge read locally (f = √(a + b) as a function of a and b: ∂f/∂a = 1/(2f)), is
  ``unchecked`` (which one the answer means is open).
- **Judged**: a claim the network's judge left ``unchecked``, in a section with a graph, after the graph's first
  definition, whose every side reads in the graph's names alone (∂u/∂v, d u/d v, \mathrm{d}: both names of the graph).
  Each side is evaluated at three points of the inputs (random in [0.3, 1.7]; a row giving an input a number, x = −2,
  makes that the point for the claims that write numbers), every name its value there; a chain holds when every side
  agrees to 1e-6 relative (a number written with d decimals: to 10^-d or 0.2 %). A graph one of whose definitions the
  judge found ``incorrect`` (a forward pass that contradicts the spec) is not read, except a definition of the
  example's function by its arguments (``f(x) = …``), which is then ``unchecked`` (the example's own function).

Bounded: at most MAX_NODES names, claims of at most MAX_CHARS characters, formulas of at most MAX_TOKENS tokens and
MAX_DEPTH nesting; SymPy works on expressions built here from those tokens (never on the answer's text), inside the
judge's per-claim time limit.
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass, field

import sympy as sp
from gradproof.derive import limits

from .tokenreader import LAYOUT, TokenReader, clean

MAX_NODES = 40
MAX_CHARS = 1500
MAX_TOKENS = 400
MAX_DEPTH = 40
MAX_DIGITS = 15
MAX_SLOW = 3  # claims of one graph that ran out of time: then its other claims are left as they were
CLAIM_CPU = 1.0  # CPU seconds for one claim on the graph (SymPy's derivatives of a deep composition)
MAX_EXPONENT = 64  # a written power's number (x^{2}, e^{-3}): beyond it the formula is not read

_FUNCS = {"exp": sp.exp, "log": sp.log, "ln": sp.log, "sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "tanh": sp.tanh,
          "sigma": lambda u: 1 / (1 + sp.exp(-u))}
_TIMES = {"cdot", "times", "ast"}
#: a number written in a claim: its decimals fix the tolerance of a side that is that number alone
_DECIMALS = re.compile(r"^\s*[-+]?\s*\d*\.(\d+)\s*$")
#: a side that is one number written (q = 3, f = -12.5): a name's value in a worked example
_NUMBER_SIDE = re.compile(r"^\s*[-+]?\s*(?:\d+(?:\.\d*)?|\.\d+)\s*$")


class _Unread(Exception):
    """The formula is not a scalar formula of the graph's names."""


@dataclass(frozen=True)
class _Derivative:
    top: str
    bottom: str


class _Reader(TokenReader):
    """A recursive-descent reader of one scalar formula into a SymPy expression; names become symbols, ∂u/∂v a
    placeholder symbol recorded in ``derivatives``."""

    unread = _Unread
    skip = LAYOUT | {"quad", "qquad"}
    max_tokens = MAX_TOKENS

    def __init__(self, text: str):
        super().__init__(text)
        self.names: set[str] = set()
        self.derivatives: dict[sp.Symbol, _Derivative] = {}

    # -- grammar -------------------------------------------------------------------------------------------------
    def expr(self):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Unread("nested too deep")
        try:
            sign = -1 if self.at("op", "-") else 1
            if self.at("op", "-") or self.at("op", "+"):
                self.i += 1
            value = sign * self.term()
            while self.at("op", "+") or self.at("op", "-"):
                op = self.take()[1]
                value = value + self.term() if op == "+" else value - self.term()
            return value
        finally:
            self.depth -= 1

    def term(self):
        value = self.power()
        while not self.done():
            if self.at("cmd") and self.peek()[1] in _TIMES or self.at("op", "*"):
                self.i += 1
                value = value * self.power()
            elif self.at("op", "/"):
                self.i += 1
                value = value / self.power()
            elif self._starts_factor():
                value = value * self.power()  # implicit product: 2x, x \exp(a)
            else:
                break
        return value

    def _starts_factor(self) -> bool:
        kind, text = self.peek()
        return kind in ("num", "id") or kind == "op" and text in "([{" or kind == "cmd" and text in (
            *_FUNCS, "frac", "dfrac", "tfrac", "sqrt", "mathrm", "operatorname")

    def power(self):
        base = self.atom()
        if self.at("op", "^"):
            self.i += 1
            exponent = self.group_or_atom()
            if exponent.is_number and not (abs(exponent) <= MAX_EXPONENT):
                raise _Unread("a power too large")  # (10^{10^{10}}: no exact number of that size is built)
            if exponent.is_number and base.is_number and base != 0 and float(abs(exponent)) * math.log10(
                    1 + abs(float(sp.N(base, 5)))) > 300:
                raise _Unread("a number too large")  # (((2^{64})^{64})^{64}: nor a tower of them)
            if isinstance(base, sp.Symbol) and base.name == "\\e":
                return sp.exp(exponent)
            return base ** exponent
        if isinstance(base, sp.Symbol) and base.name == "\\e":
            raise _Unread("e alone")
        return base

    def group_or_atom(self):
        if self.at("op", "{"):
            self.i += 1
            value = self.expr()
            self.take("op", "}")
            return value
        kind, text = self.take()
        if kind == "num":
            return _number(text)
        if kind == "id":
            return self._name(text)
        raise _Unread("exponent")

    def atom(self):
        kind, text = self.peek()
        if kind is None:
            raise _Unread("ends early")
        if kind == "num":
            self.i += 1
            return _number(text)
        if kind == "op" and text in "([{":
            self.i += 1
            value = self.expr()
            self.take("op", {"(": ")", "[": "]", "{": "}"}[text])
            return value
        if kind == "id":
            self.i += 1
            if text == "e" and self.at("op", "^"):
                return sp.Symbol("\\e")  # e^{x}: the exponential (unless e is a name of the graph: read by the caller)
            return self._name(text)
        if kind == "cmd":
            self.i += 1
            if text in ("frac", "dfrac", "tfrac"):
                return self._fraction()
            if text == "sqrt":
                if self.at("op", "["):
                    raise _Unread("a root of another order")
                return sp.sqrt(self.group_or_atom())
            if text in ("mathrm", "operatorname", "text"):
                self.take("op", "{")
                word = ""
                while not self.at("op", "}"):
                    word += self.take()[1]
                    if len(word) > 12:
                        raise _Unread("a word")
                self.take("op", "}")
                if word in _FUNCS:
                    return self._applied(_FUNCS[word])
                raise _Unread(f"the word {word}")
            if text in _FUNCS:
                return self._applied(_FUNCS[text])
        raise _Unread(f"cannot read {text}")

    def _applied(self, fn):
        """A function applied to a group, \\exp(a), or to the next factor, \\exp a; its derivative after a prime,
        \\sigma'(z)."""
        if self.at("op", "'"):
            self.i += 1
            t = sp.Dummy("t")
            slope = sp.diff(fn(t), t)
            fn = lambda u: slope.xreplace({t: u})  # noqa: E731
        if self.at("op", "^"):
            raise _Unread("a power of a function")
        if self.at("op", "(") or self.at("op", "{") or self.at("op", "["):
            return fn(self.atom())
        return fn(self.power())

    def _fraction(self):
        top = self.braced()
        bottom = self.braced()
        d_top, d_bottom = _differential(top), _differential(bottom)
        if d_top is not None and d_bottom is not None:
            symbol = sp.Symbol(f"\\partial({d_top},{d_bottom})")
            self.derivatives[symbol] = _Derivative(d_top, d_bottom)
            self.names.update((d_top, d_bottom))
            return symbol
        if d_top is not None or d_bottom is not None:
            raise _Unread("a derivative of an expression")
        inner = self.inner(top)  # (its names and derivatives are this reader's)
        num = inner._whole()
        inner.t, inner.i = bottom, 0
        den = inner._whole()
        return num / den

    def _whole(self):
        value = self.expr()
        if not self.done():
            raise _Unread("unread tokens")
        return value

    def _name(self, letter: str) -> sp.Symbol:
        if letter in "fghFGH" and self.at("op", "("):
            raise _Unread("a function letter applied")  # (Snow's y = f(g(x)): a composition, not f · g · x)
        name = letter
        if self.at("op", "_"):
            self.i += 1
            sub = self.group_tokens()
            if not sub or len(sub) > 3 or any(k not in ("num", "id") for k, _ in sub):
                raise _Unread("a subscript")
            name = f"{letter}_{''.join(t for _, t in sub)}"
        self.names.add(name)
        return sp.Symbol(name)

    def group_tokens(self) -> list:
        return self.braced()


def _differential(toks: list) -> str | None:
    """The name u of a fraction part ``\\partial u``, ``d u``, ``\\mathrm{d} u`` (u a letter with an optional
    subscript); None otherwise."""
    toks = list(toks)
    if toks[:1] == [("cmd", "partial")]:
        rest = toks[1:]
    elif toks[:1] == [("id", "d")] and len(toks) > 1:
        rest = toks[1:]
    elif toks[:4] == [("cmd", "mathrm"), ("op", "{"), ("id", "d"), ("op", "}")]:
        rest = toks[4:]
    else:
        return None
    if rest and rest[0] == ("op", "{") and rest[-1] == ("op", "}"):
        rest = rest[1:-1]
    if len(rest) == 1 and rest[0][0] == "id":
        return rest[0][1]
    if len(rest) in (3, 5) and rest[0][0] == "id" and rest[1] == ("op", "_"):
        sub = [t for t in rest[2:] if t not in (("op", "{"), ("op", "}"))]
        if 1 <= len(sub) <= 3 and all(k in ("num", "id") for k, _ in sub):
            return f"{rest[0][1]}_{''.join(t for _, t in sub)}"
    return None


def _number(text: str):
    if len(text) > MAX_DIGITS:
        raise _Unread("a number too long")
    return sp.Rational(text) if "." in text else sp.Integer(text)


def _read(text: str):
    """(expression, names, derivatives) of one side; raises _Unread."""
    reader = _Reader(text)
    value = reader._whole()
    return value, reader.names, reader.derivatives


_FUNCTION_LHS = re.compile(r"^\s*([A-Za-z])\s*\(\s*([A-Za-z](?:\s*,\s*[A-Za-z]){0,5})\s*\)\s*$")
_NAME_LHS = re.compile(r"^\s*([A-Za-z])\s*(?:_\s*(?:\{\s*([A-Za-z0-9]{1,3})\s*\}|([A-Za-z0-9])))?\s*$")


def _sides(text: str) -> list[str]:
    """A claim's sides at its top-level = signs (the judge's one splitter)."""
    from .judge import _top_sides

    return _top_sides(text)


def _clean(latex: str) -> str:
    return clean(latex)


@dataclass
class _Graph:
    defs: dict  # name -> SymPy expression of its arguments
    order: list  # names in the order defined
    inputs: set
    given: dict  # input -> its written number
    functions: set  # claim ids of f(x) = … rows
    cache: dict = field(default_factory=dict)  # each derivative and each point's values, worked out once


def _definition(text: str):
    """(name, expression, is a function row, whether a value follows) of a row ``NAME = EXPR`` / ``NAME(ARGS) = EXPR``
    (or ``NAME = EXPR = NUMBER``); None otherwise."""
    sides = _sides(text)
    valued = len(sides) == 3
    if valued:  # CS231n's q = x + y = 3: the name's formula, then its value at the example's point
        try:
            last = _read(sides[2])[0]
        except (_Unread, ValueError, TypeError, ZeroDivisionError, RecursionError):
            return None
        if not last.is_number:
            return None
        sides = sides[:2]
    if len(sides) != 2:
        return None
    lhs, rhs = sides
    fn = _FUNCTION_LHS.match(lhs)
    m = _NAME_LHS.match(lhs) if fn is None else None
    if fn is None and m is None:
        return None
    name = fn.group(1) if fn else m.group(1) + (f"_{m.group(2) or m.group(3)}" if (m.group(2) or m.group(3)) else "")
    try:
        value, names, derivatives = _read(rhs)
    except (_Unread, ValueError, TypeError, ZeroDivisionError, RecursionError):
        return None
    if derivatives or name in names:
        return None
    return name, value, fn is not None, valued


def _section_claims(claims) -> dict:
    """section -> [(position, claim)] of the first 2000 claims, sections in the order they start (cheap: no reading)."""
    sections = getattr(claims, "subsections", None) or {}
    out: dict = {}
    for k, c in enumerate(list(claims)[:2000]):
        out.setdefault(sections.get(c.id, 0), []).append((k, c))
    return out


def _graph_of(items: list):
    """(_Graph, the position of its first definition, {claim id: definition row's name}) of one section's claims
    ``items`` (``_section_claims``), or None when its definition rows do not make a graph."""
    from .judge import _rows_of

    found, unread = [], set()
    for k, c in items:
        if len(c.latex) > MAX_CHARS:
            continue
        for text in _rows_of(c.latex)[:MAX_NODES]:  # (a_1 = σ(z_1), \quad a_2 = σ(z_2): each row a definition)
            row = _definition(_clean(text))
            if row is not None:
                found.append((k, c.id, *row))
            elif (m := _NAME_LHS.match(_sides(_clean(text))[0])) is not None and len(_sides(_clean(text))) > 1:
                unread.add(m.group(1) + (f"_{m.group(2) or m.group(3)}" if (m.group(2) or m.group(3)) else ""))
    if not found:
        return None
    try:  # (one section's rows that do not make a graph leave the other sections' graphs as they are)
        graph = _section_graph(found)
    except (_Unread, ArithmeticError, TypeError, ValueError, RecursionError):
        return None  # (a cycle met comparing a redefinition, a number too large: not a graph)
    if graph is not None and graph[0].inputs & unread:
        return None  # (an input the answer defines in a row not read, a_1 = \sigma(z_1) there: a leaf it is not)
    return graph


def _graphs(claims) -> dict:
    """section -> (_Graph, the position of its first definition, {claim id: definition row's name})"""
    return {section: graph for section, items in _section_claims(claims).items()
            if (graph := _graph_of(items)) is not None}


def _section_graph(found: list):
    """(_Graph, the position of its first definition, {claim id: definition row's name}) of one section's definition
    rows, or None when they are not a graph (see the module docstring; also: a name defined through itself, a cycle)."""
    defs, order, given, functions, chained, clash = {}, [], {}, set(), 0, False
    valued = {cid for _k, cid, _n, _v, _f, with_value in found if with_value}  # (judged: the value written)
    for _k, cid, name, value, is_function, _with_value in found:
        if value.is_number and not is_function:
            if name not in defs:  # x = -2: an input's number (CS231n's worked example); q = 3 after q = x + y
                given[name] = value  # is a value the example computes: a claim, judged
            continue
        if name in defs and not _same(_expanded(defs[name], defs), _expanded(value, defs)):
            clash = True  # (f(x) = …, then f = d + e: the same function of the inputs, or not a graph)
            break
        if name not in defs:
            order.append(name)
        if any(s.name in defs for s in value.free_symbols if s.name != name):
            chained += 1
        defs[name] = value if name not in defs or not is_function else defs[name]
        if is_function:
            functions.add(cid)
    used = {s.name for v in defs.values() for s in v.free_symbols}
    inputs = used - set(defs)
    if clash or not (functions or len(defs) >= 2 and chained >= 1) or len(defs) + len(inputs) > MAX_NODES or (
            "\\e" in used or not inputs) or _cyclic(defs):
        return None
    return (_Graph(defs, order, inputs, {k: v for k, v in given.items() if k in inputs}, functions),
            found[0][0], {cid for _k, cid, name, value, _f, _w in found if not (value.is_number and name in defs)} - valued)


def _cyclic(defs: dict) -> bool:
    """Whether a name is defined through itself (a = b + x, b = 2a): not a computation graph — its values and
    derivatives are not defined by the rows, and expanding them branches without end (depth-first, iterative)."""
    state: dict = {}  # name -> 1 on the current path, 2 done
    for root in defs:
        if root in state:
            continue
        stack = [(root, iter(sorted(s.name for s in defs[root].free_symbols if s.name in defs)))]
        state[root] = 1
        while stack:
            name, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[name] = 2
                stack.pop()
            elif state.get(child) == 1:
                return True
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(sorted(s.name for s in defs[child].free_symbols if s.name in defs))))
    return False


def _same(one, other) -> bool:
    """Whether two formulas of the inputs agree at two random points (a redefinition that restates a function)."""
    rng = random.Random(7)
    names = sorted({s.name for s in one.free_symbols | other.free_symbols})
    for _ in range(2):
        point = {sp.Symbol(n): sp.Float(rng.uniform(0.3, 1.7), 17) for n in names}
        try:
            a, b = complex(sp.N(one.xreplace(point), 17)), complex(sp.N(other.xreplace(point), 17))
            if not abs(a - b) <= 1e-9 * (1 + abs(a) + abs(b)):
                return False
        except (TypeError, ValueError, ArithmeticError):
            return False
    return True


def _expanded(value, defs: dict, depth: int = 0):
    """``value`` with every defined name replaced by its definition, recursively (a function's formula in its inputs)."""
    if depth > MAX_NODES:
        raise _Unread("a cycle")
    subs = {s: _expanded(defs[s.name], defs, depth + 1) for s in value.free_symbols if s.name in defs}
    return value.xreplace(subs) if subs else value


def _ancestors(graph: _Graph, name: str) -> set:
    seen, todo = set(), [name]
    while todo:
        n = todo.pop()
        for s in graph.defs.get(n, sp.S.Zero).free_symbols:
            if s.name not in seen:
                seen.add(s.name)
                todo.append(s.name)
    return seen


def _through_paths(graph: _Graph, top: str, bottom: str):
    """∂top/∂bottom with bottom perturbed and everything between recomputed: top's formula with each name that
    depends on bottom expanded, differentiated by bottom."""
    v = sp.Symbol(bottom)

    def expand(name: str, depth: int = 0):
        if name == bottom:
            return v
        if name not in graph.defs or bottom not in _ancestors(graph, name) or depth > MAX_NODES:
            return sp.Symbol(name)
        value = graph.defs[name]
        return value.xreplace({s: expand(s.name, depth + 1) for s in value.free_symbols})

    return sp.diff(expand(top), v)


#: how a claim's ∂u/∂v may be meant: the books' (local along an edge, through every path for the graph's value), every
#: ∂ through every path, every ∂ along a direct edge local (the graph's value's too: f = √(a + b) as a function of a, b)
READINGS = ("books", "paths", "edges")


def _derivative(graph: _Graph, d: _Derivative, reading: str):
    """The SymPy expression (in the graph's names) of ∂top/∂bottom in one of the ``READINGS``; None when the graph
    does not give it. Worked out once per graph."""
    key = ("d", d, reading)
    if key not in graph.cache:
        graph.cache[key] = _derivative_new(graph, d, reading)
    return graph.cache[key]


def _derivative_new(graph: _Graph, d: _Derivative, reading: str):
    if d.top == d.bottom:
        return sp.Integer(1)
    if d.top not in graph.defs or d.bottom not in graph.defs and d.bottom not in graph.inputs:
        return None
    sinks = set(graph.defs) - {s.name for v in graph.defs.values() for s in v.free_symbols}
    direct = any(s.name == d.bottom for s in graph.defs[d.top].free_symbols)
    if direct and (reading == "edges" or reading == "books" and d.top not in sinks):
        return sp.diff(graph.defs[d.top], sp.Symbol(d.bottom))
    if d.bottom not in _ancestors(graph, d.top):
        return sp.Integer(0)
    return _through_paths(graph, d.top, d.bottom)


def _values(graph: _Graph, point: dict) -> dict:
    """Every name's value at the inputs' ``point`` (each definition after the names it uses), once per point."""
    key = ("values", tuple(sorted((k, float(v)) for k, v in point.items())))
    if key not in graph.cache:
        graph.cache[key] = _values_new(graph, point)
    return graph.cache[key]


def _values_new(graph: _Graph, point: dict) -> dict:
    values = {sp.Symbol(k): sp.Float(v, 17) for k, v in point.items()}

    def value_of(name: str, depth: int = 0):
        symbol = sp.Symbol(name)
        if symbol not in values:
            if name not in graph.defs or depth > MAX_NODES:
                raise ArithmeticError(f"no value for {name}")
            formula = graph.defs[name]
            got = complex(sp.N(formula.xreplace({s: value_of(s.name, depth + 1) for s in formula.free_symbols}), 17))
            if abs(got.imag) > 1e-12 or got.real != got.real or abs(got.real) == float("inf"):
                raise ArithmeticError(f"{name} is not a real number there")
            values[symbol] = sp.Float(got.real, 17)
        return values[symbol]

    for name in graph.order:
        value_of(name)
    return values


#: statements written side by side in one claim: q = 3, \quad f = -12
_SIDE_BY_SIDE = re.compile(r"\\q?quad|;|,(?=\s*(?:\\q?quad\s*)?[A-Za-z](?:_\{?\w{1,3}\}?)?\s*=)|\\text\s*\{\s*and\s*\}")


def _judge(graph: _Graph, text: str, reading: str, points: list, values: bool = False):
    """(verdict, message) of a claim — chains ``∂u/∂v = …`` (with ``values``, also ``q = 3``: a name's value at the
    worked example's point), several side by side — in one reading; None when it does not read in the graph."""
    parts = [p for p in _SIDE_BY_SIDE.split(text) if p.strip()]
    if not 1 <= len(parts) <= 6:
        return None
    verdicts = []
    for part in parts:
        got = _judge_chain(graph, part, reading, points, values)
        if got is None:
            return None
        verdicts.append(got)
    wrong = [(k, v) for k, v in enumerate(verdicts) if v[0] == "incorrect"]
    if not wrong:
        return "correct", None
    k, (_, why) = wrong[0]
    return "incorrect", (f"equation {k + 1} of {len(parts)}: " if len(parts) > 1 else "") + why


def _judge_chain(graph: _Graph, text: str, reading: str, points: list, values: bool):
    sides = _sides(text)
    if len(sides) < 2:
        return None
    read = []
    for k, side in enumerate(sides):
        value, names, derivatives = _read(side)
        if not names <= set(graph.defs) | graph.inputs:
            return None  # (a letter of something else)
        if k == 0 and not derivatives and not (values and isinstance(value, sp.Symbol) and value.name in graph.defs
                                               and len(sides) <= 3 and _NUMBER_SIDE.match(sides[-1])):  # (q = x + y = 3)
            return None  # (a claim that is not about a derivative, nor a name's value, q = 3, in a worked example —
            # not its arithmetic: Snow's "New z = 3.01 × 2 = 6.02" works another point than the example's)
        subs = {}
        for symbol, d in derivatives.items():
            got = _derivative(graph, d, reading)
            if got is None:
                return None
            subs[symbol] = got
        decimals = _DECIMALS.match(side)
        read.append((value.xreplace(subs), len(decimals.group(1)) if decimals else None))
    for point in points:
        try:
            values = _values(graph, point)
            got = [complex(sp.N(v.xreplace(values), 17)) for v, _ in read]
        except (ArithmeticError, TypeError, ValueError, ZeroDivisionError):
            return None
        if any(abs(g.imag) > 1e-9 or g.real != g.real or abs(g.real) == float("inf") for g in got):
            return None
        for k in range(1, len(got)):
            a, b = got[k - 1].real, got[k].real
            places = [p for _, p in (read[k - 1], read[k]) if p is not None]
            if places:  # a number written with d decimals: one unit of its last digit, or 0.2 %
                tolerance = max(10.0 ** -min(places), 0.002 * max(abs(a), abs(b)))
            else:
                tolerance = 1e-6 * (1 + abs(a) + abs(b))
            if abs(a - b) > tolerance:
                at = ", ".join(f"{name} = {float(v):.4g}" for name, v in sorted(point.items()))
                return "incorrect", (f"link {k} of {len(got) - 1}: " if len(got) > 2 else "") + (
                    f"the left side gives {a:.6g}, the right side {b:.6g} at {at}")
    return "correct", None


def _by_shape(result) -> bool:
    """The network's reading found the row wrong by its shape alone (a scalar where the network has a vector)."""
    c = result.counterexample or {}
    return "shape_error" in c or "expected_shape" in c


def _described(graph: _Graph) -> str:
    """The graph in words: its value(s) of its inputs through its intermediate names."""
    sinks = [n for n in graph.order if n not in {s.name for v in graph.defs.values() for s in v.free_symbols}]
    between = [n for n in graph.order if n not in sinks]
    shown = ", ".join(between[:8]) + (", …" if len(between) > 8 else "")
    return f"{', '.join(sinks)} of {', '.join(sorted(graph.inputs))}" + (f" through {shown}" if between else "")


def _candidates(claims, results, graph: _Graph, first: int, rows: set, section) -> list:
    """(position in ``results``, claim) of each claim of ``section`` this module would read on its graph: after its
    first definition, not a definition, ``unchecked`` by the network's reading (any verdict under the example's own
    ``f(x, …) = …``), at most MAX_CHARS long."""
    sections = getattr(claims, "subsections", None) or {}
    by_id = {r.id: k for k, r in enumerate(results)}
    out = []
    for k, c in enumerate(list(claims)[:2000]):
        if k <= first or sections.get(c.id, 0) != section or c.id in rows or c.id not in by_id:
            continue
        if results[by_id[c.id]].verdict != "unchecked" and not graph.functions or len(c.latex) > MAX_CHARS:
            continue  # (under the example's own f(x, y, z) = …, its claims are read on it whatever the network's say)
        out.append((by_id[c.id], c))
    return out


def unread_at_deadline(claims, results, state: dict) -> None:
    """The run's soft deadline came before the graphs' claims were all read (``limits.overdue``; ``state`` as
    ``judge_graphs`` left it): each candidate it did not read is ``unchecked`` saying the time ran out — a verdict the
    graph could have taken back (the network's reading of ∂f/∂x under the example's own f(x) = …) is not given."""
    from .judge import ran_out

    reading = "on the answer's own computation graph"
    for section, (graph, first, rows) in state.get("graphs", {}).items():
        for at, c in _candidates(claims, results, graph, first, rows, section):
            if c.id not in state.get("read", ()):
                ran_out(results[at], reading)
    by_id = {r.id: k for k, r in enumerate(results)}
    for items in state.get("pending", {}).values():  # sections whose rows were not read: by their look alone
        looks = [_looks_defined(c.latex) for _, c in items]
        if not any(looks):
            continue
        function = "function" in looks
        start = next(k for k, look in enumerate(looks) if look) + 1  # (after the section's first definition)
        for (_k, c), look in zip(items[start:], looks[start:], strict=True):
            r = results[by_id[c.id]] if c.id in by_id else None
            if r is not None and not look and (r.verdict == "unchecked" or function) and len(c.latex) <= MAX_CHARS:
                ran_out(r, reading)


def _looks_defined(latex: str) -> str | None:
    """"function" for a row that looks like ``f(x, y) = …``, "name" for ``a = …`` / ``w_0 = …``, else None — by its
    left side alone (no reading: a section the soft deadline left unread)."""
    lhs = _clean(latex[:MAX_CHARS]).split("=", 1)
    if len(lhs) < 2:
        return None
    return "function" if _FUNCTION_LHS.match(lhs[0]) else "name" if _NAME_LHS.match(lhs[0]) else None


def judge_graphs(claims, results, state: dict | None = None) -> None:
    """Revise, in place, the ``unchecked`` results of claims that read in a section's computation graph (see the
    module docstring); definitions of the example's function by its arguments judged ``incorrect`` become
    ``unchecked``. ``state``: filled with the graphs (``"graphs"``) and the ids of the claims read (``"read"``), for
    ``unread_at_deadline`` when the run's soft deadline ends this work."""
    from .judge import ClaimResult

    state = {} if state is None else state
    parts = _section_claims(claims)
    state.update(read=set(), graphs={}, pending=dict(parts))
    by_id = {r.id: k for k, r in enumerate(results)}
    rng = random.Random(20261204)
    for section, items in parts.items():  # (one section at a time, in order: a long one after it cannot starve it)
        if limits.overdue():
            unread_at_deadline(claims, results, state)
            return
        found = _graph_of(items)
        del state["pending"][section]
        if found is None:
            continue
        state["graphs"][section] = found
        graph, first, rows = found
        if not graph.functions and any(cid in by_id and results[by_id[cid]].verdict == "incorrect" and not _by_shape(
                results[by_id[cid]]) for cid in rows):
            continue  # a forward pass the judge found wrong: the answer's own graph is not the reference (a row wrong
            # only by its shape — Snow's scalar L = z^2 beside the network's vector z — is in letters of its own)
        points = [{name: rng.uniform(0.3, 1.7) for name in sorted(graph.inputs)} for _ in range(3)]
        worked = [dict(graph.given)] if graph.given and set(graph.given) == graph.inputs else []
        judged = slow = 0
        for _at, c in _candidates(claims, results, graph, first, rows, section):
            if limits.overdue():  # (the run's soft deadline: what is not read says so)
                unread_at_deadline(claims, results, state)
                return
            if slow >= MAX_SLOW:
                break  # (a graph whose derivatives SymPy cannot take in time)
            state["read"].add(c.id)
            text = _clean(c.latex)
            numbers = bool(re.search(r"\d\.\d|(?:^|=)\s*-?\d+\s*(?:$|=|,|\\q?quad)", text))
            at = worked if worked and numbers else points
            values = bool(worked) and numbers and bool(graph.functions)  # (a value only under f(x, y, z) = …)
            try:
                with limits.time_limit(CLAIM_CPU, f"reading claim {c.id} on the answer's own graph", cpu=True):
                    first_reading = _judge(graph, text, "books", at, values=values)
                if first_reading is None:
                    continue
                verdict, why = first_reading
                for reading, said in (("paths", "with every ∂ read through every path"),
                                      ("edges", "with every ∂ along a direct edge a local partial derivative")):
                    if verdict != "incorrect":
                        break
                    with limits.time_limit(CLAIM_CPU, f"reading claim {c.id} on the answer's own graph", cpu=True):
                        other = _judge(graph, text, reading, at, values=values)
                    if other is not None and other[0] == "correct":
                        verdict, why = "unchecked", (f"not judged: wrong as the books read ∂ on a graph ({why}), right "
                                                     f"{said}; which one the answer means is open")
            except limits.TimeLimitError:
                slow += 1
                continue
            except (_Unread, ValueError, TypeError, ZeroDivisionError, RecursionError, ArithmeticError):
                continue
            message = {"correct": f"matches the answer's own computation graph ({_described(graph)})",
                       "incorrect": f"does not match the answer's own computation graph ({_described(graph)}): {why}"
                       }.get(verdict, why)
            results[by_id[c.id]] = ClaimResult(c.id, c.latex, verdict, "", message, quantity=c.quantity,
                                               notes=["read in the answer's own computation graph (compgraph.py)"])
            judged += 1
        if not judged:
            continue  # (nothing read on it — a forward pass of the network in scalar letters: its rows as they were)
        for cid in rows:  # its definitions: not graded, said so (the network's reading could not place them)
            r = results[by_id[cid]] if cid in by_id else None
            if r is None or r.verdict == "correct" or r.verdict == "incorrect" and not (graph.functions or _by_shape(r)) or (
                    r.verdict == "unchecked" and not r.message.startswith("could not read")):
                continue  # (a verdict, or a reason of the network's reading worth more than this one)
            what = "the function" if cid in graph.functions else "a name"
            results[by_id[cid]] = ClaimResult(r.id, r.latex, "unchecked", "", f"defines {what} of the answer's own "
                                              f"computation graph ({_described(graph)}), on which its derivatives are "
                                              "judged; not graded",
                                              quantity=r.quantity, notes=["a computation graph of its own"])
