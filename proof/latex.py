"""LaTeX printing of derived expressions: bold vectors, layer indices, \\odot for elementwise products."""

from __future__ import annotations

import functools
import re
import unicodedata

import sympy as sp
from gradproof.derive.names import SYMBOL_LATEX
from gradproof.derive.symbols import sigmoid
from sympy.printing.latex import LatexPrinter
from sympy.printing.precedence import PRECEDENCE, precedence

_SPECIALS = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
}
_SPECIAL_RE = re.compile("|".join(re.escape(k) for k in _SPECIALS))


#: characters pdflatex typesets from UTF-8 input besides printable ASCII: those t1enc.dfu declares (T1 text) and the
#: Latin-1 symbols of ts1enc.dfu (the kernel's textcomp), TeX Live 2022; U+00AD (soft hyphen) and U+200C are left out
_T1_RANGES = (
    (0x00A0, 0x00A1), (0x00A3, 0x00A3), (0x00AB, 0x00AB), (0x00BB, 0x00BB), (0x00BF, 0x00D6), (0x00D8, 0x00F6),
    (0x00F8, 0x0125), (0x0128, 0x0137), (0x0139, 0x013E), (0x0141, 0x0148), (0x014A, 0x0165), (0x0168, 0x017E),
    (0x01C4, 0x01D4), (0x01E2, 0x01E3), (0x01E6, 0x01EB), (0x01F0, 0x01F0), (0x01F4, 0x01F5), (0x0218, 0x021B),
    (0x0232, 0x0233), (0x0237, 0x0237), (0x02D9, 0x02D9), (0x02DB, 0x02DB), (0x2010, 0x2015), (0x2018, 0x201A),
    (0x201C, 0x201E), (0x2030, 0x2031), (0x2039, 0x203A), (0xFB00, 0xFB06),
)
_TS1_LATIN1 = {0xA2, *range(0xA3, 0xAB), 0xAC, *range(0xAE, 0xB8), 0xB9, 0xBA, 0xBC, 0xBD, 0xBE, 0xD7, 0xF7}
_TYPESET = frozenset(c for a, b in _T1_RANGES for c in range(a, b + 1)) | _TS1_LATIN1
_GREEK_SMALL = {"ALPHA", "BETA", "GAMMA", "DELTA", "EPSILON", "ZETA", "ETA", "THETA", "IOTA", "KAPPA", "LAMBDA", "MU", "NU", "XI",
                "PI", "RHO", "SIGMA", "TAU", "UPSILON", "PHI", "CHI", "PSI", "OMEGA"}
_GREEK_CAPITALS = {"GAMMA", "DELTA", "THETA", "LAMBDA", "XI", "PI", "SIGMA", "UPSILON", "PHI", "PSI", "OMEGA"}
_GREEK_LATIN = {"ALPHA": "A", "BETA": "B", "EPSILON": "E", "ZETA": "Z", "ETA": "H", "IOTA": "I", "KAPPA": "K", "MU": "M",
                "NU": "N", "OMICRON": "O", "RHO": "P", "TAU": "T", "CHI": "X"}


def _greek(ch: str) -> str | None:
    """A Greek letter as LaTeX math (σ -> $\\sigma$), or None."""
    name = unicodedata.name(ch, "")
    m = re.fullmatch(r"GREEK (SMALL|CAPITAL) LETTER (FINAL )?([A-Z]+)", name)
    if not m:
        return None
    letter = {"LAMDA": "LAMBDA"}.get(m.group(3), m.group(3))  # Unicode spells it LAMDA
    if m.group(1) == "SMALL":
        if letter == "OMICRON":
            return "o"
        if m.group(2):
            return "$\\varsigma$" if letter == "SIGMA" else None
        return f"$\\{letter.lower()}$" if letter in _GREEK_SMALL else None
    if letter in _GREEK_CAPITALS:
        return f"$\\{letter.capitalize()}$"
    return _GREEK_LATIN.get(letter)


@functools.lru_cache(maxsize=4096)
def _text_char(ch: str) -> tuple[str, bool]:
    """One character of user text as LaTeX, and whether it had to be replaced (dropped, transliterated or '?')."""
    code = ord(ch)
    if ch in _SPECIALS:
        return _SPECIALS[ch], False
    if ch in "\t\n\r":  # user text is one line (a blank line would end a paragraph inside a title)
        return " ", False
    if 0x20 <= code < 0x7F or code in _TYPESET:
        return ch, False
    greek = _greek(ch)
    if greek is not None:
        return greek, False
    if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):  # controls, DEL, RTL and other marks
        return "", True
    ascii_form = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii")
    if ascii_form and all(0x20 <= ord(c) < 0x7F for c in ascii_form):
        return _SPECIAL_RE.sub(lambda m: _SPECIALS[m.group(0)], ascii_form), True
    return "?", True


def escape(text: str) -> str:
    """User text (names, titles, check details) as LaTeX text: every special character neutralised, Greek letters as
    math, and characters pdflatex cannot typeset (emoji, CJK, direction marks, controls) transliterated or shown as '?'
    (``unsupported`` lists them, for the notice)."""
    return "".join(_text_char(ch)[0] for ch in str(text))


def unsupported(text: str) -> list[str]:
    """The distinct characters of ``text`` that ``escape`` could not keep as they are."""
    return list(dict.fromkeys(ch for ch in str(text) if _text_char(ch)[1]))


def text_notices(d) -> list[str]:
    """One notice per user string of ``d``'s network that the proof cannot show exactly (title, name, activations)."""
    net = d.network
    fields = [("the title", net.title), ("the name", net.name)]
    fields += [(f"layer {layer.index}'s activation name", layer.activation) for layer in net.layers]
    out = []
    for what, text in fields:
        bad = unsupported(text)
        if bad:
            shown = ", ".join(f"U+{ord(ch):04X}" for ch in bad[:8]) + (", ..." if len(bad) > 8 else "")
            out.append(f"{what} has characters pdflatex cannot typeset ({shown}); the proof transliterates them or shows '?'")
    return out


_DISPLAY = {  # registry names as a course writes them
    "relu": "ReLU",
    "leaky_relu": "leaky ReLU",
    "elu": "ELU",
    "gelu": "GELU",
    "sgd": "SGD",
    "rmsprop": "RMSprop",
    "adam": "Adam",
    "adagrad": "AdaGrad",
    "nesterov": "Nesterov momentum",
    "adamw": "AdamW",
    "adamax": "AdaMax",
    "amsgrad": "AMSGrad",
    "adadelta": "Adadelta",
}


def display_name(name: str) -> str:
    """A registry name (``leaky_relu``, ``rmsprop``) as text (leaky ReLU, RMSprop), escaped."""
    return escape(_DISPLAY.get(name, name.replace("_", " ")))


def number(value: float) -> str:
    """A hyper-parameter value as LaTeX: 0.001, 0.9, 10^{-6}, 2 \\cdot 10^{-7}."""
    text = f"{value:g}"
    if "e" not in text:
        return text
    mant, exp = text.split("e")
    exp = str(int(exp))
    return f"10^{{{exp}}}" if mant == "1" else rf"{mant} \cdot 10^{{{exp}}}"


def _ends_in_minus_one(f) -> bool:
    """``x - 1`` (one positive term and a negative number): a textbook writes ``1 - x``."""
    if not isinstance(f, sp.Add):
        return False
    const, rest = f.as_coeff_Add()
    return bool(const.is_negative) and not isinstance(rest, sp.Add) and not rest.could_extract_minus_sign()


def _decimal(r: sp.Rational) -> str | None:
    """A rational the spec wrote as a decimal (denominator 2^a 5^b, at least 10) as that decimal: 8943/200000 -> 0.044715."""
    q = int(r.q)
    if q < 10:
        return None
    k2 = k5 = 0
    while q % 2 == 0:
        q, k2 = q // 2, k2 + 1
    while q % 5 == 0:
        q, k5 = q // 5, k5 + 1
    if q != 1 or max(k2, k5) > 12:
        return None
    k = max(k2, k5)
    digits = str(abs(int(r.p)) * 10**k // int(r.q)).rjust(k + 1, "0")
    return f"{digits[:-k]}.{digits[-k:]}"


def textbook_numbers(expr) -> tuple[sp.Basic, dict]:
    """Printing-only stand-ins: decimals as the spec wrote them (0.044715, not 8943/200000) and sqrt(k)/sqrt(pi) as one
    root, sqrt(k/pi). Returns the expression with placeholder symbols and their LaTeX; the maths is untouched."""
    if not isinstance(expr, sp.Basic):
        return expr, {}
    names: dict = {}
    reps = {}
    for r in expr.atoms(sp.Rational):
        text = _decimal(r) if r.q != 1 else None
        if text is not None:
            sym = sp.Symbol(f"0dec{len(names)}", positive=True)
            names[sym] = text
            reps[r] = sym if r > 0 else -sym
    if reps:
        expr = expr.xreplace(reps)

    def is_root_ratio(e) -> bool:
        # sqrt(k) x / sqrt(pi) with no other number: 1/sqrt(2 pi) (coefficient 1/2) keeps the printer's own form
        return isinstance(e, sp.Mul) and e.as_coeff_Mul()[0] == 1 and sp.Pow(sp.pi, sp.Rational(-1, 2)) in e.args and any(
            isinstance(f, sp.Pow) and f.exp == sp.Rational(1, 2) and f.base.is_Integer for f in e.args
        )

    def root_ratio(e):
        root = next(f for f in e.args if isinstance(f, sp.Pow) and f.exp == sp.Rational(1, 2) and f.base.is_Integer)
        sym = sp.Symbol(f"0root{root.base}", positive=True)
        names[sym] = rf"\sqrt{{{root.base}/\pi}}"
        rest = [f for f in e.args if f is not root and f != sp.Pow(sp.pi, sp.Rational(-1, 2))]
        return sp.Mul(sym, *rest)

    if expr.has(sp.pi):
        expr = expr.replace(is_root_ratio, root_ratio)
    return expr, names


class GradproofLatexPrinter(LatexPrinter):
    """SymPy's LaTeX printer, with the notation of a backpropagation course.

    ``names`` maps symbols (and IndexedBase labels) to LaTeX (e.g. z -> ``\\mathbf{z}^{(2)}``). With
    ``vector=True`` the named symbols are vectors (or matrices) and every operation on them is elementwise:
    a product of vector-valued factors is printed with ``\\odot``, a square ``v^2`` as ``v \\odot v``,
    scalars stay in front. ``functions`` maps SymPy function names to a LaTeX head (``phi`` -> ``\\phi_l``);
    ``short_sums`` prints ``\\sum_{i}`` without limits (the index form's 0-based limits are an artefact).
    ``lead`` names symbols whose terms open a sum (an update ``v <- mu v + g`` starts with its own state).
    """

    def __init__(
        self,
        names: dict | None = None,
        vector: bool = False,
        functions: dict | None = None,
        short_sums: bool = False,
        lead=(),
        **settings,
    ):
        settings.setdefault("symbol_names", {**SYMBOL_LATEX, **(names or {})})
        settings.setdefault("mul_symbol", None)
        super().__init__(settings)
        self.vector_symbols = set(names or {}) if vector else set()
        self.functions = functions or {}
        self.short_sums = short_sums
        self.lead = set(lead)

    def doprint(self, expr):
        expr, extra = textbook_numbers(expr)
        if extra:
            self._settings["symbol_names"] = {**self._settings["symbol_names"], **extra}
        return super().doprint(expr)

    def _is_vector(self, expr) -> bool:
        return bool(self.vector_symbols & expr.free_symbols)

    # -- products: scalars first, then the vector factors joined by \odot; quotients as one fraction --
    def _print_Mul(self, expr):
        front = self._number_in_front(expr)
        if front is not None:
            return front
        if not self.vector_symbols:
            return super()._print_Mul(expr)
        coeff, factors = expr.as_coeff_mul()
        num, den = [], []
        for f in factors:
            if isinstance(f, sp.Pow) and f.exp.is_negative:
                den.append(f.base ** (-f.exp))
            else:
                num.append(f)
        if isinstance(coeff, sp.Rational) and coeff.q != 1:
            den.insert(0, sp.Integer(coeff.q))
            coeff = sp.Integer(coeff.p)
        negative = coeff < 0
        coeff = abs(coeff)
        den, num, flip = self._tidy_quotient(den, num)
        sign = "-" if negative != flip else ""
        if den:
            top = self._product(coeff, num, top_level=False)
            bottom = self._product(sp.Integer(1), den, top_level=False)
            return rf"{sign}\frac{{{top}}}{{{bottom}}}"
        return sign + self._product(coeff, num, top_level=True)

    def _number_in_front(self, expr) -> str | None:
        r"""Textbook placement of a product's number, in printing only (None: no rule applies).

        - a number ``1/\sqrt{k}`` (times a rational) goes under the fraction bar as a root:
          ``\sqrt{2} z / 2`` prints ``\frac{z}{\sqrt{2}}``, ``\sqrt{2} z e^{u} / (2 \sqrt{\pi})`` prints
          ``\frac{z e^{u}}{\sqrt{2 \pi}}``;
        - a rational ``p/q`` in front of a product of several factors, a sum or a function, with no other
          denominator: ``z (1 + erf(u)) / 2`` prints ``\frac{1}{2} z (1 + erf(u))``; ``z / 2`` stays ``\frac{z}{2}``.
        """
        numeric = [f for f in expr.args if f.is_number]
        rest = [f for f in expr.args if not f.is_number]
        if not numeric or not rest or any(isinstance(f, sp.Pow) and f.exp.is_negative for f in rest):
            return None
        c = sp.Mul(*numeric)
        if not c.is_real or c.is_zero:
            return None
        sign, c = ("-", -c) if c.is_negative else ("", c)
        body = sp.Mul(*rest)
        if not c.is_Rational:
            s = 1 / c**2  # c = 1/sqrt(s)
            if (s.is_Integer or (s / sp.pi).is_Integer) and not sp.sqrt(s).is_Rational:
                return rf"{sign}\frac{{{self._print(body)}}}{{\sqrt{{{self._print(s)}}}}}"
            return None
        big = len(rest) > 1 or isinstance(rest[0], (sp.Add, sp.Function)) and not isinstance(rest[0], sp.Piecewise)
        if c.q == 1 or not big:
            return None
        head = rf"{sign}\frac{{{c.p}}}{{{c.q}}}"
        if isinstance(body, sp.Add):
            return rf"{head} \left({self._print(body)}\right)"
        return f"{head} {self._print(body)}"

    @staticmethod
    def _tidy_quotient(den: list, num: list) -> tuple[list, list, bool]:
        """Textbook form of a quotient, in printing only: (y - yh)/(yh^2 - yh) -> (yh - y)/(yh (1 - yh)).

        A sum in the denominator is factored; a factor ``x - 1`` is written ``1 - x``; a sign that results is
        absorbed by a sum in the numerator (``-(y - yh)`` is ``yh - y``). Returns (den, num, sign flipped).
        """
        if not any(isinstance(f, sp.Add) for f in den):
            return den, num, False
        flip, out = False, []
        for f in den:
            if isinstance(f, sp.Add):
                c, parts = sp.factor(f).as_coeff_mul()
                if c in (1, -1) and len(parts) > 1:
                    flip ^= c == -1
                    out.extend(parts)
                    continue
            out.append(f)
        turned = [-f if _ends_in_minus_one(f) else f for f in out]  # x - 1 -> 1 - x
        odd = sum(a is not b for a, b in zip(turned, out, strict=True)) % 2 == 1
        # a sum that reads as well negated (y - yh) can take the sign; 1 + z cannot
        k = next((k for k, f in enumerate(num) if isinstance(f, sp.Add) and any(t.could_extract_minus_sign() for t in f.args)), None)
        if flip != odd and k is None:
            turned, odd = out, False  # no sum above to take the sign: keep x - 1
        den, flip = turned, flip != odd
        if flip and k is not None:
            num, flip = [*num[:k], -num[k], *num[k + 1 :]], False
        return den, num, flip

    def _product(self, coeff, factors, top_level: bool) -> str:
        vec = [f for f in factors if self._is_vector(f)]
        scal = [f for f in factors if not self._is_vector(f)]
        # scalar factors: numbers, then symbols (hyper-parameters), then sums such as (1 - beta)
        scal.sort(key=lambda f: (isinstance(f, sp.Add), sp.default_sort_key(f)))
        parts = []
        if coeff != 1:
            parts.append(self._print(coeff))
        for f in scal:
            parts.append(
                rf"\left({self._print(f)}\right)" if isinstance(f, sp.Add) and (len(scal) > 1 or vec or coeff != 1) else self._print(f)
            )
        vparts = [rf"\left({self._print(f)}\right)" if isinstance(f, sp.Add) and (len(vec) > 1 or parts) else self._print(f) for f in vec]
        body = " ".join(parts)
        if vparts:
            body = (body + " " if body else "") + r" \odot ".join(vparts)
        return body or "1"

    def _print_Pow(self, expr, **kwargs):
        if self.vector_symbols and expr.exp == 2 and expr.base in self.vector_symbols:
            b = self._print(expr.base)
            return rf"{b} \odot {b}"
        if self.vector_symbols and expr.exp.is_negative and self._is_vector(expr.base):
            return rf"\frac{{1}}{{{self._print(expr.base ** (-expr.exp))}}}"
        return super()._print_Pow(expr, **kwargs)

    def ordered_terms(self, expr) -> list:
        r"""The terms of a sum in reading order.

        Positive terms first (\hat{y} - y, not -y + \hat{y}); among them, terms of a ``lead`` symbol
        (\mu v + g), then numbers (1 + e^{z}), then vector terms (\sqrt{S} + \epsilon), then the rest.
        """

        def rank(t):
            if self.lead & t.free_symbols:
                return 0
            if t.is_number:
                return 1
            return 2 if self._is_vector(t) else 3

        return sorted(expr.as_ordered_terms(), key=lambda t: (t.could_extract_minus_sign(), rank(t)))

    def _print_Add(self, expr, order=None):
        r"""Terms in reading order (``ordered_terms``), each with its sign."""
        terms = self.ordered_terms(expr)
        out = self._print(terms[0])
        for t in terms[1:]:
            if t.could_extract_minus_sign():
                out += " - " + self.parenthesize(-t, precedence(expr))
            else:
                out += " + " + self.parenthesize(t, precedence(expr))
        return out

    def _print_ExpBase(self, expr, exp=None):
        r"""``e^{-z^{2}/2}``: a rational factor of an exponent as a slash, not a fraction too small to read."""
        arg = expr.args[0]
        c, rest = arg.as_coeff_Mul()
        if isinstance(c, sp.Rational) and c.q != 1 and not any(isinstance(f, sp.Pow) and f.exp.is_negative for f in sp.Mul.make_args(rest)):
            sign = "-" if c < 0 else ""
            body = self.parenthesize(rest, PRECEDENCE["Mul"], strict=True)
            num = f"{abs(c.p)} {body}" if abs(c.p) != 1 else body
            return self._do_exponent(f"e^{{{sign}{num} / {c.q}}}", exp)
        return super()._print_ExpBase(expr, exp)

    def _print_sigmoid(self, expr, exp=None):
        tex = rf"\sigma\left({self._print(expr.args[0])}\right)"
        return rf"{tex}^{{{exp}}}" if exp else tex

    def _print_Function(self, expr, exp=None):
        head = self.functions.get(type(expr).__name__)
        if head is None:
            return super()._print_Function(expr, exp)
        args = ", ".join(self._print(a) for a in expr.args)
        tex = rf"{head}\left({args}\right)"
        return rf"{tex}^{{{exp}}}" if exp else tex

    def _print_Derivative(self, expr):
        # phi'(z_j) for the derivative of a named function of one argument
        if len(expr.variables) == 1 and isinstance(expr.expr, sp.Function) and expr.expr.args == (expr.variables[0],):
            head = self.functions.get(type(expr.expr).__name__)
            if head is not None:
                return rf"{head}'\left({self._print(expr.variables[0])}\right)"
        return super()._print_Derivative(expr)

    def _print_Indexed(self, expr):
        base = self._print(expr.base.label)
        idx = [self._print(i) for i in expr.indices]
        sep = "" if all(len(i) == 1 for i in idx) else ","
        return f"{base}_{{{sep.join(idx)}}}"

    def _print_KroneckerDelta(self, expr, exp=None):
        i, j = (self._print(a) for a in expr.args)
        tex = rf"[{i} = {j}]"
        return rf"{tex}^{{{exp}}}" if exp else tex

    def _print_Sum(self, expr):
        if not self.short_sums:
            return super()._print_Sum(expr)
        idx = ",".join(self._print(lim[0]) for lim in expr.limits)
        body = (
            self.parenthesize(expr.function, PRECEDENCE["Mul"], strict=True)
            if isinstance(expr.function, sp.Add)
            else self._print(expr.function)
        )
        return rf"\sum_{{{idx}}} {body}"

    def _print_Piecewise(self, expr):
        rows = []
        for e, c in expr.args:
            cond = r"\text{otherwise}" if c is sp.true else self._print(c)
            rows.append(f"{self._print(e)} & {cond}")
        return r"\begin{cases} " + r" \\ ".join(rows) + r" \end{cases}"


def latex(expr, names: dict | None = None, vector: bool = False, **settings) -> str:
    """Print ``expr`` as LaTeX; see ``GradproofLatexPrinter``."""
    expr = sp.sympify(expr) if not isinstance(expr, sp.Basic) else expr
    return GradproofLatexPrinter(names, vector, **settings).doprint(expr)


_INVISIBLE = re.compile(r"\\(?:left|right|mathbf|boldsymbol|operatorname|mathrm|displaystyle)\b|[{}^_ ]")


def width(tex: str) -> int:
    """About how many characters wide ``tex`` is on the page: markup is not counted, a command is one glyph."""
    return len(re.sub(r"\\[a-zA-Z]+", "x", _INVISIBLE.sub("", tex)))


#: visible characters of one typeset line at most: TeX cannot measure a box wider than 16384 pt (about 3000 glyphs;
#: "Dimension too large"), so a longer line is shown as a note instead (39 nested tanh: a 17 000-character φ')
TYPESET_MAX = 1500


def split_terms(expr, max_chars: int = 70, **printer_args) -> list[str]:
    """Print a long sum as a few lines of balanced width, each at most about ``max_chars`` wide (``width``).

    The first line holds the first terms; every later line starts with its sign (``+ ...``, ``- ...``).
    The terms are cut into the fewest lines that fit, as evenly as possible, so that no line is a lone
    short term. A short expression (or one that is not a sum) is one line; a product more than four lines wide is
    cut between its factors (``\\cdot``) the same way. A line still wider than ``TYPESET_MAX`` (one enormous
    factor) is replaced by a note saying how long it is.
    """
    printer = GradproofLatexPrinter(**printer_args)
    whole = printer.doprint(expr)
    product = isinstance(expr, sp.Mul) and width(whole) > 4 * max_chars
    if width(whole) <= max_chars or not (isinstance(expr, sp.Add) or product):
        return [_typesettable(whole)]
    pieces = []
    if product:
        coeff, factors = expr.as_coeff_mul()
        for k, f in enumerate(factors):
            body = printer.parenthesize(f, precedence(expr))
            pieces.append((("- " if coeff == -1 else "") + body) if k == 0 else r"\cdot " + body)
        if coeff not in (1, -1):
            pieces.insert(0, printer.doprint(coeff))
    else:
        for k, t in enumerate(printer.ordered_terms(expr)):
            neg = t.could_extract_minus_sign()
            body = printer.parenthesize(-t if neg else t, precedence(expr))
            pieces.append((("- " if neg else "") + body) if k == 0 else (("- " if neg else "+ ") + body))
    sizes = [width(p) + 1 for p in pieces]
    n = len(pieces)

    @functools.lru_cache(maxsize=None)
    def best(start: int, lines: int) -> tuple[int, tuple[int, ...]]:
        """(widest line, cut points) for pieces[start:] on ``lines`` lines, the widest line as narrow as possible."""
        if lines == 1:
            return sum(sizes[start:]), ()
        out = (10**9, ())
        for cut in range(start + 1, n - lines + 2):
            worst, cuts = best(cut, lines - 1)
            out = min(out, (max(sum(sizes[start:cut]), worst), (cut, *cuts)))
        return out

    for lines in range(2, n + 1):
        worst, cuts = best(0, lines)
        if worst <= max_chars or lines == n:
            break
    bounds = (0, *cuts, n)
    return [_typesettable(" ".join(pieces[a:b])) for a, b in zip(bounds, bounds[1:], strict=False)]


def _typesettable(tex: str) -> str:
    if width(tex) <= TYPESET_MAX:
        return tex
    return rf"\text{{[a term {width(tex)} characters wide: too wide to typeset; gradproof derive --no-pdf prints it]}}"


__all__ = ["GradproofLatexPrinter", "display_name", "escape", "latex", "number", "sigmoid", "split_terms", "width"]
