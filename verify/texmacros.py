"""The answer's own LaTeX macros: ``\\newcommand``, ``\\def``/``\\gdef``, ``\\DeclareMathOperator``, expanded before reading.

Students define shorthands in a preamble or in a Markdown math block (MathJax and KaTeX honour them):
``\\gdef\\par#1#2{\\frac{\\partial #1}{\\partial #2}}``, ``\\newcommand{\\R}{\\mathbb{R}}``,
``\\newcommand{\\vx}{\\mathbf{x}}``, ``\\DeclareMathOperator{\\softmax}{softmax}``. Their equations are written with
them, so they are read as TeX would read them: each use replaced by the body with its arguments, again until no
macro is left. The input is untrusted: definitions are read by one linear scan, and expansion is bounded in steps and
in length (a macro that expands forever leaves the text as written, which then does not read).
"""

from __future__ import annotations

import re

MAX_BODY = 2000  # characters of one definition's body
MAX_STEPS = 2000  # macro uses expanded in one formula
MAX_GROWTH = 20  # a formula may grow to this many times its length (and at most MAX_LENGTH)
MAX_LENGTH = 50_000
MAX_DEFINITIONS = 200  # definitions read from one document (each costs at most MAX_BODY characters of scanning)
#: one document's expansion in all (every formula and row of it): macro uses, and characters written by them
MAX_DOCUMENT_STEPS = 50_000
MAX_DOCUMENT_CHARS = 50_000_000
#: the notice of a document whose expansion reached MAX_DOCUMENT_STEPS or MAX_DOCUMENT_CHARS (document.extract)
SPENT = (f"the document's macros were expanded until their bound for one document ({MAX_DOCUMENT_STEPS} uses or "
         f"{MAX_DOCUMENT_CHARS // 1_000_000} million characters written); the later equations are read as written "
         "(define fewer or shorter macros, or write them out)")

_NEWCOMMAND = re.compile(r"\\(?:re)?(?:newcommand|providecommand)\*?\s*(?:\{\s*\\([A-Za-z]+)\s*\}|\\([A-Za-z]+))"
                         r"\s*(?:\[\s*(\d)\s*\])?\s*(\[)?")
_DEF = re.compile(r"\\[gex]?def\s*\\([A-Za-z]+)\s*((?:#\d\s*){0,9})\{")
_OPERATOR = re.compile(r"\\DeclareMathOperator\*?\s*(?:\{\s*\\([A-Za-z]+)\s*\}|\\([A-Za-z]+))\s*\{")
#: the TeX commands a definition may not replace: the readers' own structure
_KEEP = frozenset({"frac", "partial", "begin", "end", "left", "right", "sum", "tag", "label", "text", "mathrm"})
#: ... except these, given another meaning by a body that does not use them (``\renewcommand{\frac}[2]{#2/#1}`` is
#: read as it renders; ``\renewcommand{\frac}{\displaystyle\frac}`` is style, and stays \frac)
_MEANING = frozenset({"frac", "partial", "sum"})


#: a brace that counts: not escaped (``\\{``)
_BRACE = re.compile(r"(?<!\\)[{}]")


def _group(text: str, at: int) -> int | None:
    """The index just after the brace group opening at ``at`` (``text[at] == "{"``), or None when it does not close
    within MAX_BODY characters (the braces found by the regular expression: its scan runs in C)."""
    depth = 0
    for m in _BRACE.finditer(text, at, min(len(text), at + MAX_BODY + 2)):
        if m.group() == "{":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return m.end()
    return None


class Braces:
    """``_group`` for many openers of one text: the braces paired once, by one linear scan (``_group`` from every
    opener of a text of n unclosed braces would read n × MAX_BODY characters)."""

    def __init__(self, text: str) -> None:
        self.text, self._close = text, None

    def group(self, at: int) -> int | None:
        """As ``_group(self.text, at)``."""
        if self._close is None:
            self._close, stack = {}, []
            for m in _BRACE.finditer(self.text):
                if m.group() == "{":
                    stack.append(m.start())
                elif stack:
                    self._close[stack.pop()] = m.start()
        end = self._close.get(at)
        return end + 1 if end is not None and end < at + MAX_BODY + 2 else None


def _first(matches):
    """At most MAX_DEFINITIONS of ``matches`` (the scan of each definition's body is bounded; so is their number)."""
    for k, m in enumerate(matches):
        if k >= MAX_DEFINITIONS:
            return
        yield m


def _scan(text: str) -> list[tuple[int, int, str, int, str]]:
    """Every definition in ``text``, in order: (start, end, name, number of arguments, body)."""
    found, braces = [], Braces(text)
    for pattern in (_NEWCOMMAND, _DEF, _OPERATOR):
        for m in _first(pattern.finditer(text)):
            if pattern is _NEWCOMMAND and m.group(4):  # \newcommand{\x}[2][default]{…}: an optional argument
                continue
            at = m.end() - (pattern is not _NEWCOMMAND)  # the body's brace (after \newcommand's optional spaces)
            while at < len(text) and text[at].isspace():
                at += 1
            end = braces.group(at) if at < len(text) and text[at] == "{" else None
            if end is None:
                continue
            body = text[at + 1:end - 1]
            if pattern is _NEWCOMMAND:
                found.append((m.start(), end, m.group(1) or m.group(2), int(m.group(3) or 0), body))
            elif pattern is _DEF:
                found.append((m.start(), end, m.group(1), m.group(2).count("#"), body))
            else:
                found.append((m.start(), end, m.group(1) or m.group(2), 0, rf"\operatorname{{{body}}}"))
    return sorted(found)


def definitions(text: str) -> dict[str, tuple[int, str]]:
    """The macros ``text`` defines: name -> (number of arguments, body). A later definition replaces an earlier one."""
    return {name: (n, body) for _, _, name, n, body in _scan(text)
            if name not in _KEEP or name in _MEANING and not re.search(rf"\\{name}(?![A-Za-z])", body)}


def strip_definitions(text: str) -> str:
    """``text`` without the definitions in it (a display that only defines macros says nothing to judge)."""
    out, last = [], 0
    for start, end, *_ in _scan(text):
        if start >= last:
            out.append(text[last:start])
            last = end
    return text if not out else " ".join([*out, text[last:]])


_USE = re.compile(r"\\([A-Za-z]+)")
_ARG = re.compile(r"#(\d)")


def _substitute(body: str, args: list[str]) -> str:
    """``body`` with #1 … #9 replaced by ``args`` (one pass: an argument's own # is not read again). An argument that
    starts with a letter, put right after a control word (Soliday's ``\\pfrac{a}{b}`` = ``\\partial#1``), is set apart
    by a space, as TeX keeps them apart as tokens (``\\partialC`` would be another command)."""
    def arg(a: re.Match) -> str:
        k = int(a.group(1))
        if not 0 < k <= len(args):
            return ""
        value = args[k - 1]
        return " " + value if value[:1].isalpha() and _after_control_word(body, a.start()) else value

    return _ARG.sub(arg, body)


def _after_control_word(text: str, at: int) -> bool:
    """Whether ``text[:at]`` ends with a control word (``\\partial``), looked at backwards over at most 30 letters."""
    k = at
    while k > 0 and at - k < 30 and text[k - 1].isalpha():
        k -= 1
    return 0 < k < at and text[k - 1] == "\\"


class Budget:
    """What is left of one document's expansion (``expand``'s steps and the characters they write, in all): a
    document of thousands of rows, each using a macro that expands forever or exponentially, would otherwise cost rows
    × MAX_STEPS steps of up to MAX_LENGTH characters each."""

    def __init__(self, steps: int = MAX_DOCUMENT_STEPS, chars: int = MAX_DOCUMENT_CHARS) -> None:
        self.steps, self.chars = steps, chars

    @property
    def spent(self) -> bool:
        return self.steps <= 0 or self.chars <= 0


def expand(text: str, macros: dict[str, tuple[int, str]], budget: Budget | None = None) -> str:
    """``text`` with every use of ``macros`` replaced by its body (arguments in braces or one character or command),
    as TeX expands them; unchanged when the expansion does not end within the bounds (``budget``: the document's, its
    steps and characters taken from it as they are spent; once spent, every text stays as written)."""
    if not macros or "\\" not in text or (budget is not None and budget.spent):
        return text
    s, at, steps = text, 0, 0
    limit = min(MAX_LENGTH, max(len(text) * MAX_GROWTH, 2000))
    while True:
        m = _USE.search(s, at)
        if m is None:
            return s
        name = m.group(1)
        if name not in macros:
            at = m.end()
            continue
        steps += 1
        if steps > MAX_STEPS:
            return text
        n, body = macros[name]
        args, pos = [], m.end()
        for _ in range(n):
            while pos < len(s) and s[pos].isspace():
                pos += 1
            if pos >= len(s):
                return text
            if s[pos] == "{":
                end = _group(s, pos)
                if end is None:
                    return text
                args.append(s[pos + 1:end - 1])
                pos = end
            elif s[pos] == "\\":
                word = _USE.match(s, pos)
                end = word.end() if word else pos + 2
                args.append(s[pos:end])
                pos = end
            else:
                args.append(s[pos])
                pos += 1
        refs = list(_ARG.finditer(body))  # (the length the text will have, known before it is built: a body of 999 #1)
        used = [(r, args[int(r.group(1)) - 1]) for r in refs if 0 < int(r.group(1)) <= len(args)]
        grown = len(s) - (pos - m.start()) + len(body) - 2 * len(refs) + sum(
            len(a) + (a[:1].isalpha() and _after_control_word(body, r.start())) for r, a in used) + bool(
            re.match(r"[A-Za-z]", s[pos:pos + 1])) + bool(_after_control_word(s, m.start()))
        if grown > limit:
            return text
        if budget is not None:
            budget.steps -= 1
            budget.chars -= grown
            if budget.spent:
                return text
        value = _substitute(body, args)
        if value[:1].isalpha() and _after_control_word(s, m.start()):
            value = " " + value  # \partial\VAR{a}{L}{m}: \partial a^{(L)}_{m}, never the command \partiala
        s = f"{s[:m.start()]}{value} {s[pos:]}" if re.match(r"[A-Za-z]", s[pos:pos + 1]) else f"{s[:m.start()]}{value}{s[pos:]}"
        at = m.start()  # the body may use other macros: read it again


#: the physics package's derivatives (MathJax's physics extension): \pdv{f}{x} = ∂f/∂x, \dv{f}{x} = df/dx
_PHYSICS = re.compile(r"\\(dpdv|pdv|dv)(?![A-Za-z])\s*")
#: (\dpdv: Lalin's display-style \pdv, defined in his site's MathJax configuration only; read as \pdv: DISPLAY_PDV)
_PHYSICS_FORM = {"pdv": "\\frac{{\\partial {0}}}{{\\partial {1}}}", "dv": "\\frac{{d {0}}}{{d {1}}}",
                 "dpdv": "\\dfrac{{\\partial {0}}}{{\\partial {1}}}"}
#: the notice of a document that uses \dpdv{f}{x} without defining it (document.extract)
DISPLAY_PDV = ("\\dpdv{f}{x}, a macro the document uses without defining it, read as the display form of \\pdv{f}{x} "
               "(∂f/∂x); define it (\\newcommand) if it means something else")


def physics(text: str, defined=()) -> str:
    """``text`` with the physics package's ``\\pdv{f}{x}`` and ``\\dv{f}{x}`` (and ``\\dpdv{f}{x}``, Lalin's own display form
    of \\pdv, not in the package) written as fractions (Lalin's notes), unless
    the document defines them itself (``defined``: its own definition is expanded instead). Only the two-argument
    form: an order (``\\pdv[2]{f}{x}``) or a mixed derivative (``\\pdv{f}{x}{y}``) is left as written (it then does
    not read). One linear scan."""
    if "dv" not in text:
        return text
    out, last, braces = [], 0, Braces(text)
    for m in _PHYSICS.finditer(text):
        if m.group(1) in defined or m.start() < last:
            continue
        first = braces.group(m.end()) if text[m.end():m.end() + 1] == "{" else None
        at = first
        while at is not None and at < len(text) and text[at].isspace():
            at += 1
        second = braces.group(at) if at is not None and text[at:at + 1] == "{" else None
        rest = second
        while rest is not None and rest < len(text) and text[rest].isspace():
            rest += 1
        if second is None or text[rest:rest + 1] == "{":
            continue
        f, x = text[m.end() + 1:first - 1], text[at + 1:second - 1]
        out += [text[last:m.start()], _PHYSICS_FORM[m.group(1)].format(f, x)]
        last = second
    return "".join(out) + text[last:] if out else text


def plain_pmatrix(text: str) -> str:
    """Plain TeX's ``\\pmatrix{…}`` (MathJax reads it) holding one entry — no ``&``, no ``\\cr``, no ``\\\\`` — is a pair of
    parentheses: Jihwan's ``\\pmatrix{\\frac{\\partial E}{\\partial b^L}}_{j}``, entry j of the gradient, reads as
    ``\\left(…\\right)_{j}``. A matrix written so is left as it is (it then does not read). Linear: one pass pairs the
    braces, one more rewrites."""
    if "\\pmatrix" not in text:
        return text
    close: dict[int, int] = {}
    stack: list[int] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2  # an escaped character (\{, \}, \\) pairs nothing
            continue
        if ch == "{":
            stack.append(i)
        elif ch == "}" and stack:
            close[stack.pop()] = i
        i += 1
    out, last = [], 0
    for m in re.finditer(r"\\pmatrix\s*(?=\{)", text):
        start = m.end()
        end = close.get(start)
        if end is None or m.start() < last:
            continue
        inner = text[start + 1:end]
        if "&" in inner or "\\cr" in inner or "\\\\" in inner:
            continue
        out += [text[last:m.start()], "\\left(", inner, "\\right)"]
        last = end + 1
    return "".join(out) + text[last:] if out else text
