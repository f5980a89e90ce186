"""An HTML document's text with its math in Markdown's delimiters, every line where it was (ids count lines).

What students and authors hand in as HTML: Jupyter's "Download as HTML" (nbconvert: the Markdown cells rendered, their
``$…$`` and ``$$…$$`` left as text for MathJax, ``&amp;`` for an alignment's ``&``), a saved blog post or course page
(MathJax's ``\\(…\\)`` and ``\\[…\\]`` in the text, MathJax 2's ``<script type="math/tex">``), and pages whose math was
rendered by KaTeX or written as MathML — the formula kept in ``<annotation encoding="application/x-tex">`` beside
glyphs that are not LaTeX:

- text between tags is kept (character references decoded), placed at its own line of the file; a heading
  ``<h2>`` at a line's start is written as Markdown's ``##`` (so "Question 2" scopes its claims' ids as in Markdown);
- ``<script type="math/tex">`` becomes ``$…$`` (``; mode=display``: ``$$…$$``); a ``<math>`` element's TeX
  annotation becomes ``$…$`` (``display="block"``, as KaTeX writes a display: ``$$…$$``), and the rest of it and KaTeX's
  ``katex-html`` glyphs beside it are dropped;
- other scripts, styles, ``<pre>`` and ``<code>`` (code cells, their output), the ``<head>`` and Jupyter's ``¶`` anchor
  links are dropped;
- an ``<img>`` whose URL draws a formula is read first (imagemath), as in Markdown.

MathJax 3's rendered output (``<mjx-container>``) keeps no LaTeX: a page saved after MathJax 3 ran has no formulas left
to read. Untrusted input: the standard library's html.parser is quadratic on unclosed comments and tags (20 000 ``<a ``
took 48 s), so the markup is read by one linear scan of its own here — a tag's attributes by an anchored match each,
a comment, script or style to its end by ``str.find``/one search, open elements counted by name (``MAX_DEPTH`` at
most); the text produced is bounded by the caller (document.extract's MAX_BYTES).
"""

from __future__ import annotations

import html
import re

from .imagemath import MARKUP, image_math

#: elements whose text is no answer's prose or math
_DROPPED = frozenset({"style", "pre", "code", "head", "title", "svg", "noscript", "template", "textarea", "select"})
#: elements whose content is raw text up to their end tag (no markup inside)
_RAW = frozenset({"script", "style", "textarea", "title"})
#: elements that never close (no end tag to wait for)
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
                   "wbr"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
MAX_DEPTH = 2000  # open elements tracked (a page of 10⁵ unclosed <div>s is read without the deepest)
_MATH_TEX = re.compile(r"math/tex(\s*;\s*mode\s*=\s*display)?", re.IGNORECASE)
#: what opens markup: a comment, a declaration or processing instruction, an end tag, a start tag
_OPEN = re.compile(r"<(?:(!--)|([!?])|/([A-Za-z][A-Za-z0-9:-]{0,40})|([A-Za-z][A-Za-z0-9:-]{0,40}))")
#: one attribute of a start tag (anchored at the scan's position), or the tag's end
_ATTRIBUTE = re.compile(r"""[\s/]*(?:(>)|([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?)""")
_RAW_END = {tag: re.compile(rf"</{tag}\s*>", re.IGNORECASE) for tag in _RAW}


class _Reader:
    """The events of the scan (start tags, end tags, text at a line) written as text with math delimiters."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.line = 1  # the line of the file the text written so far ends on
        self.at = 1  # the line of the file the current event starts on
        self.stack: list[tuple[str, bool]] = []  # open elements: (tag, whether its text is dropped)
        self.open: dict[str, int] = {}  # how many of each are open
        self.skip = 0  # open elements whose text is dropped
        self.math: str | None = None  # inside <math>: "$" or "$$" (display="block")
        self.annotation: list[str] | None = None  # the TeX annotation of the <math> being read, as it is read
        self.math_latex = ""  # ... once read
        self.tail = "\n\n"  # the last two characters written (the file's start: a blank line before it)
        self.heading: list[str] | None = None  # the text of a heading written on the blank line before its own
        self.mark, self.before = "", False  # ... its Markdown mark, and whether it goes on the blank line before

    def write(self, text: str) -> None:
        """Write ``text`` at the current event's line of the file (a heading's text into its buffer, ``_heading``)."""
        if self.heading is not None:
            self.heading.append(text)
            return
        if self.at > self.line:
            self.tail = (self.tail + "\n" * (self.at - self.line))[-2:]
            self.out.append("\n" * (self.at - self.line))
            self.line = self.at
        elif self.line > self.at and text.startswith("\n") and self.tail.endswith("\n"):
            k = min(self.line - self.at, len(text) - len(text.lstrip("\n")))  # a heading put the text a line ahead of
            text, self.at = text[k:], self.at + k  # the file: a blank line of the file's gives the line back
        if text:
            self.out.append(text)
            self.line += text.count("\n")
            self.tail = (self.tail + text)[-2:]

    def start(self, tag: str, attrs: dict, alone: bool = False) -> None:
        """An element opens (``alone``: a heading with nothing after it on its last line, which Markdown's ``#`` may
        then mark; one followed by a paragraph on that line, as nbconvert writes ``</h4><p>``, stays plain text)."""
        if tag in _VOID:
            return
        if tag in _HEADINGS and not self.skip and self.math is None and self.heading is None:
            self.write("")
            if alone and self.tail.endswith("\n"):
                self.write("#" * int(tag[1]) + " ")
            elif self.tail.endswith("\n"):  # nbconvert's </h2><p> on one line: the heading on a line of its own — the
                # blank line before it, or a line of its own with the text after it a line ahead until a blank line
                self.heading, self.mark, self.before = [], "#" * int(tag[1]), self.tail == "\n\n"
        if tag == "math" and self.math is None and not self.skip:
            self.math = "$$" if (attrs.get("display") or "").lower() == "block" else "$"
        elif tag == "annotation" and self.math is not None and "tex" in (attrs.get("encoding") or "").lower():
            self.annotation = []
        classes = (attrs.get("class") or "").split()
        dropped = tag in _DROPPED or "katex-html" in classes or "anchor-link" in classes  # (KaTeX's glyphs, Jupyter's ¶)
        if len(self.stack) < MAX_DEPTH:
            self.stack.append((tag, dropped))
            self.open[tag] = self.open.get(tag, 0) + 1
            self.skip += dropped

    def end(self, tag: str) -> None:
        if tag in _HEADINGS and self.heading is not None:
            title = " ".join("".join(self.heading).split())
            self.heading = None
            if title and self.before:  # (the blank line before the heading's: its last newline moves after the title)
                self.out[-1] = self.out[-1][:-1]
                self.out.append(f"{self.mark} {title}\n")
            elif title:
                self.write(f"{self.mark} {title}\n")
        if tag == "annotation" and self.annotation is not None:
            self.math_latex = " ".join("".join(self.annotation).split())
            self.annotation = None
        if tag == "math" and self.math is not None:
            if self.math_latex and "$" not in self.math_latex:
                self.write(f"{self.math}{self.math_latex}{self.math}")
            self.math, self.math_latex = None, ""
        if not self.open.get(tag):
            return
        while self.stack:  # (elements left open inside it close with it)
            top, dropped = self.stack.pop()
            self.open[top] -= 1
            self.skip -= dropped
            if top == tag:
                break

    def text(self, data: str) -> None:
        if self.annotation is not None:
            self.annotation.append(data)
        elif not self.skip and self.math is None:
            self.write(data)

    def script(self, attrs: dict, body: str) -> None:
        kind = _MATH_TEX.search(attrs.get("type") or "")
        if kind and not self.skip and "$" not in body:
            mark = "$$" if kind.group(1) else "$"
            self.write(f"{mark}{body}{mark}")


def html_text(raw: str) -> str:
    """The text of an HTML document with its math in Markdown's delimiters (the module docstring), line for line; its
    formula images first (imagemath: the tags that hold them are dropped after)."""
    raw = image_math(raw)
    reader = _Reader()
    pos, counted = 0, 0  # the scan's position; raw[:counted]'s newlines are counted in line
    line = 1
    n = len(raw)

    def at(p: int) -> None:  # the line of position p (p never moves back)
        nonlocal counted, line
        line += raw.count("\n", counted, p)
        counted = p
        reader.at = line

    while pos < n:
        m = _OPEN.search(raw, pos)
        if m is None:
            at(pos)
            reader.text(html.unescape(raw[pos:]))
            break
        if m.start() > pos:
            at(pos)
            reader.text(html.unescape(raw[pos:m.start()]))
        at(m.start())
        if m.group(1):  # <!-- … --> (unclosed: to the end)
            end = raw.find("-->", m.end())
            pos = n if end < 0 else end + 3
        elif m.group(2):  # <!DOCTYPE …>, <![CDATA[ … ]]>, <? … >
            end = raw.find(">", m.end())
            pos = n if end < 0 else end + 1
        elif m.group(3):  # </tag …>
            end = raw.find(">", m.end())
            pos = n if end < 0 else end + 1
            reader.end(m.group(3).lower())
        else:
            tag, attrs, p = m.group(4).lower(), {}, m.end()
            while p < n:
                a = _ATTRIBUTE.match(raw, p)
                if a is None:  # (a stray quote or '=': skip it)
                    p += 1
                    continue
                p = a.end()
                if a.group(1):
                    break
                value = a.group(3) if a.group(3) is not None else a.group(4) if a.group(4) is not None else a.group(5) or ""
                attrs.setdefault(a.group(2).lower(), html.unescape(value))
            pos = p
            if tag in _RAW:
                close = _RAW_END[tag].search(raw, pos)
                body_end = n if close is None else close.start()
                if tag == "script":
                    reader.script(attrs, raw[pos:body_end])
                pos = n if close is None else close.end()
                at(pos)
            else:
                reader.start(tag, attrs, tag in _HEADINGS and _alone_after(raw, tag, pos))
    return "".join(reader.out)


def _alone_after(raw: str, tag: str, pos: int) -> bool:
    """Whether the heading ``tag`` opened at ``pos`` ends its line: only markup after its end tag (bounded looks)."""
    close = raw.find(f"</{tag}", pos, pos + 4000)
    if close < 0:
        return False
    end = raw.find("\n", close, close + 4000)
    rest = raw[close:end if end >= 0 else min(len(raw), close + 4000)]
    return not html.unescape(MARKUP.sub("", rest)).strip()
