"""The token reader that the answer's own small grammars share (``compgraph.py``'s scalar formulas, ``indexmodules.py``'s
index formulas): one tokenizer of a LaTeX formula into commands, numbers, letters and other characters, and the cursor
of a recursive descent over them. Bounded: at most ``max_tokens`` tokens; text it cannot tokenize raises."""

from __future__ import annotations

import re

from .normalize import without_check_marks

#: a token of a formula: a command (or a spacing command), a number, a letter, any other character
TOKEN = re.compile(r"\s*(?:(\\[A-Za-z]+|\\[,;:! ])|(\d+(?:\.\d+)?|\.\d+)|([A-Za-z])|(\S))")
#: layout commands that carry no meaning in either grammar
LAYOUT = frozenset({"left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", ",",
                    ";", ":", "!", " ", "displaystyle", "textstyle", "limits"})


#: an equation's label or number: \tag{…}, \label{…}, \nonumber
_TAG = re.compile(r"\\(?:tag|label)\s*\*?\s*\{[^{}]{0,80}\}|\\(?:nonumber|notag)\b")


def without_end_punctuation(text: str) -> str:
    """``text`` without the white space and ``. , ;`` that end it: a scan from the end (the regular expression
    ``[\\s.,;]+$`` it replaces tried it at every position of each run, quadratic in a run of ". . . . x")."""
    end = len(text)
    while end > 0 and (text[end - 1].isspace() or text[end - 1] in ".,;"):
        end -= 1
    return text[:end]


def clean(latex: str) -> str:
    """A claim's text for these grammars: no $, tags, alignment marks or row breaks, closing punctuation or check
    marks."""
    text = _TAG.sub(" ", latex.replace("$", " "))
    text = text.replace("&", " ").replace("\\\\", " ")
    return without_check_marks(without_end_punctuation(text))


class TokenReader:
    """Tokens (kind, text) — kind "cmd" (its name without the backslash), "num", "id" (a letter) or "op" — and the cursor
    operations of a recursive descent. A subclass names its exception (``unread``), the commands it skips and its bound."""

    unread: type[Exception] = ValueError
    skip: frozenset = LAYOUT
    max_tokens = 400

    def __init__(self, text: str):
        toks, pos = [], 0
        while pos < len(text):
            m = TOKEN.match(text, pos)
            if m is None or m.end() == pos:
                break
            pos = m.end()
            cmd, number, letter, other = m.groups()
            if cmd is not None and cmd[1:] in self.skip:
                continue
            toks.append(("cmd", cmd[1:]) if cmd else ("num", number) if number else ("id", letter) if letter
                        else ("op", other))
            if len(toks) > self.max_tokens:
                raise self.unread("too long")
        if text[pos:].strip():
            raise self.unread("unread text")
        self.t, self.i, self.depth = toks, 0, 0

    def peek(self, k: int = 0):
        return self.t[self.i + k] if self.i + k < len(self.t) else (None, None)

    def take(self, kind=None, text=None):
        tok = self.peek()
        if tok[0] is None or (kind and tok[0] != kind) or (text is not None and tok[1] != text):
            raise self.unread(f"expected {text or kind}")
        self.i += 1
        return tok

    def at(self, kind, text=None) -> bool:
        tok = self.peek()
        return tok[0] == kind and (text is None or tok[1] == text)

    def done(self) -> bool:
        return self.i >= len(self.t)

    def braced(self) -> list:
        """The tokens of one braced argument (or the one token there)."""
        if not self.at("op", "{"):
            return [self.take()]
        self.i += 1
        start, level = self.i, 1
        while level:
            kind, text = self.take()
            level += 1 if (kind, text) == ("op", "{") else -1 if (kind, text) == ("op", "}") else 0
        return self.t[start:self.i - 1]

    def one_in_braces(self):
        """One token, in braces or not: ``\\mathbf{Y}``, ``\\mathbf Y``, ``\\hat{y}``."""
        braced = self.at("op", "{")
        if braced:
            self.i += 1
        tok = self.take()
        if braced:
            self.take("op", "}")
        return tok

    def inner(self, toks: list):
        """A reader of the same kind over ``toks`` (a braced argument), one level deeper."""
        reader = self.__class__.__new__(self.__class__)
        reader.__dict__.update(self.__dict__)
        reader.t, reader.i, reader.depth = toks, 0, self.depth + 1
        return reader
