"""A safe reader for user formulas such as ``x*sigmoid(x)``: a whitelist grammar, never eval/sympify."""

from __future__ import annotations

import math
import re

import sympy as sp

from .errors import FormulaError, did_you_mean
from .piecewise import extreme, flatten
from .symbols import X, sigmoid

MAX_LENGTH = 400
MAX_DEPTH = 40
#: constants a formula may hold; beyond them a number is refused before SymPy builds it exactly
MAX_CONSTANT, MIN_CONSTANT = 1e300, 1e-300
MAX_EXPONENT10 = 300


def _log10(number: sp.Number) -> float:
    """|log10 |number||, from the sizes of an exact number's integers (never building a power)."""
    if number == 0:
        return 0.0
    if number.is_Rational:
        p, q = abs(int(number.p)), int(number.q)
        return abs(_int_log10(p) - _int_log10(q))
    return abs(math.log10(abs(float(number)))) if math.isfinite(float(number)) else math.inf


def _show(number: sp.Number) -> str:
    try:
        value = float(number)
    except OverflowError:
        value = math.inf
    return f"{value:g}" if math.isfinite(value) else f"1e{_log10(number):.0f}"


def _int_log10(n: int) -> float:
    bits = n.bit_length()
    if bits < 1000:
        return math.log10(n)
    return (bits - 1) * math.log10(2)


def _max(a, b, where: str = "formula"):  # built flat (piecewise.extreme): no Piecewise ever sits in a condition
    return extreme(a, b, ">=", X, where)


def _min(a, b, where: str = "formula"):
    return extreme(a, b, "<=", X, where)


#: name -> (arity, constructor). Adding a function is adding an entry.
FUNCTIONS = {
    "exp": (1, sp.exp),
    "log": (1, sp.log),
    "ln": (1, sp.log),
    "sqrt": (1, sp.sqrt),
    "tanh": (1, sp.tanh),
    "sigmoid": (1, sigmoid),
    "erf": (1, sp.erf),
    "abs": (1, sp.Abs),
    "sin": (1, sp.sin),
    "cos": (1, sp.cos),
    "atan": (1, sp.atan),
    "arctan": (1, sp.atan),
    "log1p": (1, lambda u: sp.log(1 + u)),
    "softplus": (1, lambda u: sp.log(1 + sp.exp(u))),
    "max": (2, _max),
    "min": (2, _min),
}
CONSTANTS = {"pi": sp.pi, "e": sp.E}

_TOKEN = re.compile(r"\s*(?:(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z_0-9]*)|(\*\*|[-+*/^(),]))")


def tokenize(text: str, where: str) -> list[tuple[str, str, int]]:
    tokens, pos = [], 0
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            raise FormulaError(
                f"{where}: cannot read {text[pos:].strip()[:20]!r} at column {pos + 1} of formula {text!r}; "
                "formulas use numbers, x, + - * / ^, parentheses and the functions " + ", ".join(sorted(FUNCTIONS))
            )
        kind = "num" if m.group(1) else "name" if m.group(2) else "op"
        tokens.append((kind, m.group(m.lastindex), m.start(m.lastindex)))
        pos = m.end()
    return tokens


class _Parser:
    def __init__(self, text: str, where: str, params: dict[str, sp.Symbol]):
        self.text, self.where, self.params = text, where, params
        self.tokens = tokenize(text, where)
        self.i = 0
        self.depth = 0

    def error(self, what: str) -> FormulaError:
        col = self.tokens[self.i][2] + 1 if self.i < len(self.tokens) else len(self.text) + 1
        return FormulaError(f"{self.where}: {what} at column {col} of formula {self.text!r}")

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else (None, None, None)

    def take(self, value=None):
        kind, text, _ = self.peek()
        if kind is None or (value is not None and text != value):
            raise self.error(f"expected {value!r}" if value else "unexpected end")
        self.i += 1
        return kind, text

    def parse(self) -> sp.Expr:
        if not self.tokens:
            raise FormulaError(f"{self.where}: the formula is empty; write it in x, e.g. \"x*sigmoid(x)\"")
        e = self.expr()
        if self.i != len(self.tokens):
            raise self.error(f"unexpected {self.peek()[1]!r}")
        return e

    def expr(self):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.error(f"formula nested deeper than {MAX_DEPTH} levels")
        e = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            rhs = self.term()
            e = e + rhs if op == "+" else e - rhs
        self.depth -= 1
        return e

    def term(self):
        e = self.unary()
        while self.peek()[1] in ("*", "/"):
            op = self.take()[1]
            rhs = self.unary()
            e = e * rhs if op == "*" else e / rhs
        return e

    def deeper(self):
        """Signs and exponent chains nest like parentheses (--x, x^x^x): they count towards MAX_DEPTH."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.error(f"formula nested deeper than {MAX_DEPTH} levels")

    def unary(self):
        if self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            self.deeper()
            e = self.unary()
            self.depth -= 1
            return -e if op == "-" else e
        return self.power()

    def power(self):
        base = self.atom()
        if self.peek()[1] in ("^", "**"):
            self.take()
            self.deeper()
            exponent = self.unary()  # right-associative: 2^-x and x^2^3 read as in maths
            self.depth -= 1
            if exponent.is_Number and abs(exponent) > 64:
                raise self.error(f"exponent {exponent} is too large (at most 64)")
            if base.is_Number and exponent.is_Number and _log10(base) * abs(float(exponent)) > MAX_EXPONENT10:
                # (1e300^64)^64 would be computed exactly: 10^1228800, then 10^(78 million) digits
                raise self.error(f"the constant {_show(base)}^{_show(exponent)} is beyond float64 (about 1e-300 to 1e300); "
                                 "rescale the formula")
            return sp.Pow(base, exponent)
        return base

    def number(self, text: str) -> sp.Expr:
        """An exact number for ``text``, refused before it is built when it is beyond float64 (``1e99999999`` would
        otherwise become an integer of 10^8 digits)."""
        value = float(text)  # never exact: "1e99999999" is inf, "1e-99999999" is 0.0, both at once
        if not math.isfinite(value) or abs(value) > MAX_CONSTANT or (value != 0 and abs(value) < MIN_CONSTANT) or (
                value == 0 and re.search(r"[1-9]", text.lower().split("e")[0])):
            raise self.error(f"the constant {text} is beyond float64 (about 1e-300 to 1e300); rescale the formula")
        return sp.Rational(text) if len(text) <= 30 else sp.Float(text)

    def atom(self):
        kind, text, _ = self.peek()
        if kind == "num":
            self.take()
            return self.number(text)
        if text == "(":
            self.take("(")
            e = self.expr()
            self.take(")")
            return e
        if kind == "name":
            self.take()
            if text == "x":
                return X
            if text in self.params:
                return self.params[text]
            if text in CONSTANTS:
                return CONSTANTS[text]
            if text in FUNCTIONS:
                arity, make = FUNCTIONS[text]
                self.take("(")
                args = [self.expr()]
                while self.peek()[1] == ",":
                    self.take(",")
                    args.append(self.expr())
                self.take(")")
                if len(args) != arity:
                    raise self.error(f"{text}() takes {arity} argument{'s' if arity > 1 else ''}, not {len(args)}")
                return make(*args, where=self.where) if make in (_max, _min) else make(*args)
            known = ["x", *self.params, *CONSTANTS, *FUNCTIONS]
            raise self.error(f"unknown name {text!r}{did_you_mean(text, known)}")
        raise self.error(f"unexpected {text!r}" if text else "unexpected end of formula")


def parse_formula(text: str, where: str, params: dict[str, sp.Symbol] | None = None) -> sp.Expr:
    """Read ``text`` (a formula in ``x``) into a SymPy expression.

    Args:
        text: untrusted formula text, e.g. ``"x*sigmoid(x)"``.
        where: a place for messages, e.g. ``"spec.toml, layer 2, activation.formula"``.
        params: extra names allowed in the formula (activation parameters) and their symbols.
    Raises:
        FormulaError: on anything outside the grammar, with the column and a suggestion.
    """
    if not isinstance(text, str):
        raise FormulaError(f"{where}: the formula must be a string, e.g. \"x*sigmoid(x)\"")
    if len(text) > MAX_LENGTH:
        raise FormulaError(f"{where}: the formula is {len(text)} characters long; the limit is {MAX_LENGTH}")
    expr = flatten(_Parser(text, where, params or {}).parse(), X, f"{where}: formula {text!r}")
    if X not in expr.free_symbols:
        raise FormulaError(f"{where}: the formula {text!r} does not use x; an activation is a function of x")
    if expr.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        raise FormulaError(f"{where}: the formula {text!r} is undefined (it divides by zero or is infinite)")
    for number in expr.atoms(sp.Number):
        try:
            finite = math.isfinite(float(number))
        except OverflowError:
            finite = False
        if not finite or (number != 0 and abs(float(number)) < 1e-300):
            raise FormulaError(f"{where}: the constant {float(number) if finite else 'in ' + repr(text)} is beyond float64 "
                               "(about 1e-300 to 1e300); rescale the formula")
    return expr
