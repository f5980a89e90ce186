"""Formulas drawn by an image service: the LaTeX in the URL of a formula image, read as math.

Before GitHub rendered ``$…$`` (2022), READMEs and notes put their equations in images that a web service draws from
the LaTeX in the image's URL, and many still do:

- CodeCogs: ``![](https://latex.codecogs.com/svg.latex?\\frac{\\partial%20L}{\\partial%20w})`` or the editor's
  ``<img src="https://latex.codecogs.com/gif.latex?\\frac{\\partial&space;L}{\\partial&space;w}&space;&plus;&space;b"/>``
  (the query is the formula, raw or percent-encoded; ``&space;`` a space; ``&plus;``, an HTML character reference,
  reaches the service as ``+``, so a ``+`` is a plus sign there), with the service's own prefixes ``\\dpi{120}``,
  ``\\bg_white``, ``\\fn_cm``, ``\\inline``;
- GitHub's ``https://render.githubusercontent.com/render/math?math=…``, WordPress's
  ``https://s0.wp.com/latex.php?latex=…`` and Google's ``https://chart.googleapis.com/chart?cht=tx&chl=…``: one
  query parameter, form-encoded (``+`` a space, ``%2B`` a plus sign, as their authors write it; ``\\+`` an escaped
  plus sign). A raw ``+`` in a formula that writes no ``%2B`` and is not percent-encoded throughout may be a plus sign
  the service drew as a space: such an image is left as it is (not read), never guessed;
- ``https://i.upmath.me/svg/…`` (the formula is the path, percent-encoded).

``image_math`` rewrites each such image, in an ``<img src=…>`` tag or a Markdown ``![alt](url)``, as the math it draws:
``$$…$$`` when the image is alone on its line (HTML wrappers such as ``<p align="center">`` and comments aside), else
``$…$`` inside the sentence — where the document's own delimiters would have been. Every line keeps its number (a tag
over several lines leaves its newlines after the math). The text is untrusted: one linear scan (``str.find`` and
anchored matches), each formula at most MAX_FORMULA characters, at most MAX_IMAGES images; an image whose formula
cannot be written as math (a ``$`` in it, over the bound) stays as it is.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote, unquote_plus

MAX_FORMULA = 4000  # characters of one image's URL
MAX_IMAGES = 5000  # images rewritten in one document
MAX_LINE = 10_000  # characters of a line around an image looked at (to tell a display from a formula in a sentence)
#: characters the scan for the ends of tags and Markdown images may look at in one document, in all (a document of
#: thousands of unclosed image URLs stops being rewritten there, instead of scanning the same stretch again each time)
MAX_SCANNED = 20_000_000
MAX_BEFORE = 2000  # characters before a URL looked at for its <img or its ![alt]

#: where a formula image's URL starts (the scheme optional), by service; the formula follows the match
_SERVICE = re.compile(
    r"(?:https?:)?//(?:"
    r"(?P<codecogs>latex\.codecogs\.com/(?:[a-z]+\.)?(?:latex|image|download)\?)"
    r"|(?P<github>render\.githubusercontent\.com/render/math\?)"
    r"|(?P<wordpress>s0\.wp\.com/latex\.php\?)"
    r"|(?P<google>chart\.googleapis\.com/chart\?)"
    r"|(?P<upmath>i\.upmath\.me/(?:svg|png)/))", re.IGNORECASE)
#: the parameter that holds the formula, per service with a query of parameters
_PARAMETER = {"github": "math", "wordpress": "latex", "google": "chl"}
#: CodeCogs' own prefixes: resolution, background, font, inline mode (not LaTeX)
_CODECOGS_PREFIX = re.compile(r"\\(?:dpi\{\d{1,4}\}|bg_[a-z]{1,12}|bg\{[a-z]{1,12}\}|fn_[a-z]{1,8}|inline(?![A-Za-z]))"
                              r"\s*")
#: what may stand beside an image alone on its line (HTML tags: a centring <p>, <br>, </div>; comments), and after a
#: heading that ends its line (htmltext)
MARKUP = re.compile(r"<!--.*?-->|</?[A-Za-z][^<>\n]{0,200}>|&nbsp;")


def image_math(text: str) -> str:
    """``text`` with every formula image written as the math it draws (the module docstring)."""
    if "//" not in text:
        return text
    out: list[str] = []
    done = 0  # text[:done] is in out
    pos = 0
    images = 0
    budget = [MAX_SCANNED]
    while images < MAX_IMAGES and budget[0] > 0:
        m = _SERVICE.search(text, pos)
        if m is None:
            break
        pos = m.end()
        image = _image_around(text, m, budget)
        if image is None:
            continue
        start, end, url_end = image
        formula = _formula(m, text[m.end():url_end])
        if start < done or formula is None:
            continue
        alone = _alone(text, start, end)
        math = f"$${formula}$$" if alone else f"${formula}$"
        out.append(text[done:start])
        out.append(math + "\n" * text.count("\n", start, end))
        done = pos = end
        images += 1
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def _alone(text: str, start: int, end: int) -> bool:
    """Whether the image at text[start:end] is alone on its line (beside HTML wrappers and comments); a line longer
    than MAX_LINE is prose (so that each image looks at a bounded stretch of text)."""
    line_start = text.rfind("\n", max(0, start - MAX_LINE), start)
    if line_start < 0 and start > MAX_LINE:
        return False
    line_end = text.find("\n", end, end + MAX_LINE)
    if line_end < 0:
        if len(text) - end > MAX_LINE:
            return False
        line_end = len(text)
    return not MARKUP.sub("", text[line_start + 1:start]).strip() and not MARKUP.sub("", text[end:line_end]).strip()


def _image_around(text: str, m: re.Match, budget: list) -> tuple[int, int, int] | None:
    """(start, end, url_end) of the image whose URL starts at ``m``: an ``<img`` tag's src (the tag from ``<img`` to
    its closing ``>``) or a Markdown image ``![alt](url)``; None when the URL is in neither."""
    url_start = m.start()
    before = text[max(0, url_start - 1):url_start]
    if before in ('"', "'"):  # <img … src="URL" …>
        window = max(0, url_start - MAX_BEFORE)
        budget[0] -= url_start - window
        tag = text[window:url_start].lower().rfind("<img")
        tag = tag if tag < 0 else window + tag
        if tag < 0 or not _SRC_BEFORE.search(text, max(tag, url_start - 40), url_start):
            return None
        url_end = text.find(before, url_start, url_start + MAX_FORMULA)
        if url_end < 0:
            return None
        close = _tag_end(text, url_end + 1, budget)
        if close is None:
            return None
        return tag, close, url_end
    if text.endswith("](", 0, url_start) or text.endswith("](<", 0, url_start):
        angle = text.endswith("<", 0, url_start)
        budget[0] -= min(url_start, MAX_BEFORE)
        bang = text.rfind("![", max(0, url_start - MAX_BEFORE), url_start)
        if bang < 0 or "\n\n" in text[bang:url_start]:
            return None
        url_end = _destination_end(text, url_start, angle, budget)
        if url_end is None:
            return None
        close = text.find(">)" if angle else ")", url_end, url_end + 400)
        if close < 0 or (not angle and close != _after_title(text, url_end)):
            return None
        return bang, close + (2 if angle else 1), url_end
    return None


#: an image's optional title and its closing parenthesis, after the destination
_TITLE = re.compile(r"[ \t]*(?:\"[^\"\n]{0,400}\"|'[^'\n]{0,400}')?[ \t]*\)")
#: what ends a tag's attributes (or opens a quoted value), and what matters in a Markdown destination
_TAG_SPECIAL = re.compile(r"[\"'<>]")
_DESTINATION_SPECIAL = re.compile(r"[()\\\s]")
#: ``src=`` right before the URL's opening quote
_SRC_BEFORE = re.compile(r"\bsrc\s*=\s*[\"']$", re.IGNORECASE)


def _tag_end(text: str, pos: int, budget: list) -> int | None:
    """The index after the ``>`` that closes the tag whose attributes go on at ``pos`` (quoted values skipped)."""
    limit = min(len(text), pos + MAX_FORMULA)
    i = pos
    while (m := _TAG_SPECIAL.search(text, i, limit)) is not None:
        ch = m.group()
        if ch in "\"'":
            close = text.find(ch, m.end(), limit)
            if close < 0:
                break
            i = close + 1
            continue
        budget[0] -= m.end() - pos
        return m.end() if ch == ">" else None
    budget[0] -= limit - pos
    return None


def _destination_end(text: str, pos: int, angle: bool, budget: list) -> int | None:
    """Where a Markdown link destination starting at ``pos`` ends: at ``>`` in ``<…>``, else before the space or the
    ``)`` that closes it (balanced parentheses inside, as CommonMark reads them; the formula's own ``(…)``)."""
    limit = min(len(text), pos + MAX_FORMULA)
    if angle:
        end = text.find(">", pos, limit)
        budget[0] -= (limit if end < 0 else end) - pos
        return None if end < 0 or "\n" in text[pos:end] else end
    depth = 0
    i = pos
    while (m := _DESTINATION_SPECIAL.search(text, i, limit)) is not None:
        ch, i = m.group(), m.end()
        if ch == "\\":
            if text[i:i + 1] in ("(", ")"):
                i += 1  # an escaped parenthesis
            continue
        if ch == "(":
            depth += 1
            continue
        if ch == ")" and depth:
            depth -= 1
            continue
        budget[0] -= m.start() - pos
        return m.start() if depth == 0 else None  # the closing ")" or a space: the destination's end
    budget[0] -= limit - pos
    return None


def _after_title(text: str, pos: int) -> int:
    """The ``)`` closing a Markdown image after its destination ends at ``pos``: right there, or after a quoted
    title (``![](url "title")``)."""
    m = _TITLE.match(text, pos)
    return m.end() - 1 if m else -1


def _formula(m: re.Match, query: str) -> str | None:
    """The LaTeX an image service draws from the rest of its URL (``query``), or None (none, or not writable as
    math)."""
    service = m.lastgroup
    if "\n" in query:
        return None
    query = html.unescape(query)  # (an attribute's &amp; and &plus;; nbconvert writes the editor's &space; as &amp;space;)
    if service == "codecogs":
        query = query.replace("&space;", "%20")
    if service == "codecogs":
        formula = unquote(query)
        formula = _CODECOGS_PREFIX.sub("", formula.lstrip())
    elif service == "upmath":
        formula = unquote(query.split("?", 1)[0])
    else:
        name = _PARAMETER[service]
        value = None
        for part in query.split("&"):
            key, eq, val = part.partition("=")
            if eq and key == name:
                value = val
        if value is None:
            return None
        value = value.replace("\\+", "%2B")  # (an escaped plus sign: the author's way around the form encoding)
        encoded = "%2B" in value.upper() or "%5C" in value.upper() and "\\" not in value  # (quote_plus's output)
        if "+" in value and not encoded:
            return None  # a plus sign the service draws as a space: which one the author meant is not known
        formula = unquote_plus(value)
    formula = " ".join(formula.split())
    if not formula or "$" in formula or len(formula) > MAX_FORMULA:
        return None
    return formula
