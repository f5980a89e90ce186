"""Extract the equations of a homework as submitted: Markdown, LaTeX, plain text with $$, Jupyter notebooks.

Display math (``$$…$$``, ``\\[…\\]``, ``equation``/``align``/``gather``/``eqnarray``/``multline`` environments,
```` ```math ```` fences) and inline math (``$…$``, ``\\(…\\)``) that states a relation (=, ≈, ←, :=; inline, also
<, ≤, ≥, ≠ — a condition, reported as one: premises.py) become claims.
Rows of ``align``-like environments (also ``aligned``, ``split``, ``gathered`` inside a display) are claims of their
own; a row that starts with its relation (``&= …``) continues the chain of the row before it, so each link is judged.
A wrapper around a whole display (``$$\\begin{equation*}\\begin{split} … \\end{split}\\end{equation*}$$``, as MathJax
reads it) numbers one equation: its rows are one claim whose rows are links. Words opening a row
(``\\text{Similarly,}\\quad``) are dropped; a closing ``(\\text{where}\\quad A = B)`` is a second statement.

Claim ids: the equation's own ``\\tag{…}`` or ``\\label{…}``; else, under a question heading (``## Q2``,
``**Question 3**``, ``Problem 1b``), ``Q2.1``, ``Q2.2``, …; else ``line N`` (``line N.k`` for the k-th row).

Untrusted input: one pass over the text, each closing delimiter searched for at most once past any point (an
unclosed ``$$`` repeated 100 000 times stays linear), a bounded size and number of equations.
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
import shutil
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

from gradproof.derive.errors import AnswerError
from gradproof.derive.spec import bom_encoding, no_file

from . import augmented, einstein, foreign, htmltext, imagemath, scalarunits, sections, surface, texmacros
from .judge import _NEWLINE, _SAMPLE_MATRIX_LETTER, Claim, _top_rows, _top_sides
from .layerscope import prose_scope, range_scope
from .lossname import DEFINES_OBJECTIVE as _DEFINES_OBJECTIVE
from .lossname import MEAN_OBJECTIVE as _MEAN_OBJECTIVE
from .normalize import OCTAVE_SIGNS, plain_in_math, plain_math, squeeze_space
from .orientation import stated_shapes
from .ownforward import example_vector
from .premises import MODEL_HEADING, PREMISE
from .proseoperators import stated_products

MAX_BYTES = 1_000_000
#: a notebook on disk: its outputs and attachments (plots as base64 images) are not read, only its Markdown cells,
#: which are held to MAX_BYTES like any document
MAX_NOTEBOOK_BYTES = 20_000_000
MAX_EQUATIONS = 2000
MAX_INLINE = 2000  # characters of one inline formula; longer "inline math" is a stray dollar sign
MATH_ENVS = ("equation", "align", "gather", "eqnarray", "multline", "flalign", "alignat", "displaymath", "math")
_SPLIT_ENVS = ("align", "gather", "eqnarray", "multline", "flalign", "alignat")
_INNER_ROWS = re.compile(r"\\(begin|end)\s*\{\s*(aligned|split|gathered|alignedat|array|align\*?|gather\*?|eqnarray\*?|"
                         r"flalign\*?)\s*\}(\{[^{}]*\})?")  # (align inside $$…$$: MathJax and Jupyter accept it)
#: the line that closes a ```math fence (indented as its opener may be)
_FENCE_CLOSE = re.compile(r"\n[ \t]{0,8}```")
_OPENER = re.compile(r"\$\$|\\\[|\\\(|\\begin\{(" + "|".join(MATH_ENVS) + r")(\*?)\}|^[ \t]{0,8}```(?:math|\{math\})[ \t]*$"
                     # (a code block: skipped, its $ are R's, the shell's; MyST's ```{math} is a display)
                     r"|^[ \t]{0,8}(?:```|~~~)(?!(?:math|\{math\})[ \t]*$)[^\n`]*$"
                     r"|(?<![\\$])\$(?!\$)|(?<=(?<!\\)\\\\)\$(?!\$)"
                     r"|<script[ \t]+type[ \t]*=[ \t]*[\"']math/tex(; ?mode=display)?[\"'][ \t]*>"
                     r"|\{\{[<%][ \t]*(displaymath|katex)\b([^{}<>%\n]{0,40})[>%]\}\}", re.M)
#: the closer of a Hugo shortcode's math, ``{{< /displaymath >}}``, ``{{< /katex >}}`` (``{{%`` … ``%}}`` too)
_HUGO_CLOSE = {name: re.compile(r"\{\{[<%][ \t]*/[ \t]*" + name + r"[ \t]*[>%]\}\}") for name in ("displaymath", "katex")}
#: the line that closes a fenced code block opened by ``` or by ~~~ (its own character: a ``` line inside a ~~~ block
#: is the block's text)
_CODE_CLOSE = {"`": re.compile(r"\n[ \t]{0,8}```[ \t]*(?=\n|$)"), "~": re.compile(r"\n[ \t]{0,8}~~~[ \t]*(?=\n|$)")}
_TAG = re.compile(r"\\(tag\*?|label)\s*\{([^{}]{1,60})\}")
_COMMENT = re.compile(r"(?<!\\)%[^\n]*")
_RELATION = re.compile(r"=|\\approx|\\leftarrow|\\gets|\\equiv|\\coloneqq|\\rightarrow|\\to\b|[←≔≈≡→⟵]")  # (typed as Unicode too)
#: an order relation or ≠ in inline math (``$l < L$``, ``$1 \le \ell \le L$``, ``$i \neq j$``): a condition, which states a
#: relation too, so it counts among a question's claims (``Exercise2.5``) and is reported as a condition, not graded
_INEQUALITY = re.compile(r"(?<!\\left)(?<!\\right)(?<!\\)[<>]|\\(?:le|leq|ge|geq|lt|gt|neq?|leqslant|geqslant)(?![A-Za-z])|[≤≥≠]")
_LABEL = r"((?:Q|Question|Problem|Exercise|Task|Part)\s*(?:\.\s*)?\d+(?:\.\d+)*[a-z]?|Q\d+[a-z]?)"
#: a question heading: ``## Q2``, ``**Question 3**``, ``\section*{Problem 1b}``, or a paragraph opened by its label
#: and a colon, period or parenthesis (``Q1: …``, ``Problem 2.``, ``*Q3)*``)
_HEADING = re.compile(r"^(?:#{1,6}[ \t]*|\*\*[ \t]*|\\(?:sub)*section\*?\{[ \t]*)" + _LABEL + r"\b"
                      r"|^[ \t]{0,3}[*_]{0,2}" + _LABEL + r"[*_]{0,2}[ \t]*[:.)]", re.I | re.M)
#: any heading: Markdown's ``#`` … ``######`` and LaTeX's sections (the end of a question's scope), and code fences
#: (``` or ~~~: a fence closes at a line opened by its own character)
_ANY_HEADING = re.compile(r"^(?:#{1,6}(?=[ \t])|\\(?:sub)*section\*?\{|[ \t]{0,8}(?:```|~~~))", re.M)
#: what a student sets a topic apart by, below the headings (a scope, not the end of a question's): a line all in bold
#: (``**Linear regression**``), LaTeX's ``\paragraph{…}``
_TOPIC_LINE = re.compile(r"^(?:\*\*(?=[^*\n]{1,100}\*\*[ \t]*:?[ \t]*$)|\\(?:sub)?paragraph\*?\{)", re.M)
#: a connective written as text at the start of a row: \text{where }, \text{and }, \text{Thus, } (rudra's aligned rows)
_LEADING_CONNECTIVE = re.compile(r"^\s*\\(?:text|mathrm|textrm)\s*\{\s*(?:where|and|thus|so|hence|then|therefore|since|with|"
                            r"also|similarly|now)\s*,?\s*\}\s*(?=\S)", re.I)
#: a remark in parentheses after \quad at the end of a row: \quad (\text{Chain Rule})
_REMARK_AT_END = re.compile(r"\\quad\s*\(\s*\\text\s*\{[A-Za-z ]{1,40}\}\s*\)\s*$")
#: a row that starts with a product's operator (after a space): the expression of the row before goes on
_PRODUCT_GOES_ON = re.compile(r"^\s*(?:\\hspace\s*\{[^{}]{0,20}\}\s*)?(?:\\cdot|\\times)(?![A-Za-z])")
#: a row that starts with a sum's operator and states no relation of its own (``+& 2 (f(…) - t_2) …`` in tesserato's
#: aligned chain): the sum of the row before goes on, in the same link (the row keeps its number, as a grader counts rows)
_SUM_GOES_ON = re.compile(r"^\s*(?:\\hspace\s*\{[^{}]{0,20}\}\s*)?(?:\+|-|\\pm\b|\\mp\b)")
_CONTINUES = re.compile(r"^\s*(?:=|\\approx|\\leftarrow|\\gets|:=|\\equiv)")


@dataclass
class _Eq:
    body: str
    line: int
    label: str | None
    rows: bool  # split into rows (align-like)
    start: int = 0
    scope: str | None = None  # the layers its sentence restricts it to ("… for the output layer"): layerscope.prose_scope
    one_number: bool = False  # rows inside a wrapper ($$\begin{equation}\begin{split}…): one claim, rows as links
    bare_rows: bool = False  # $$ a = b \\ c = d $$: row breaks outside braces in a display with no environment
    case: tuple | None = None  # "For j = i" just before it: (j, i, True) — index_case
    worded: bool = False  # inline math right after a word of the sentence ("ReLU ($=max(0, x)$)"): its subject
    premise: bool = False  # short inline math after a premise's word ("With the activation function $…$"): premises.py
    named: bool = False  # kramdown's $$a_i$$ inside a sentence with no relation: a name, numbered (line N#k) but no claim
    index_range: bool = False  # inline math after "for" that only states an index's range ("… for $j = 1, 2$"): no claim


def _without_comments(body: str, whole_lines: bool) -> str:
    """A display without TeX's comments (a line's text after an unescaped %; MathJax and KaTeX drop them too). A line
    that is all comment is dropped only in a LaTeX source (``whole_lines``): in a notebook's or Markdown file's math, the
    documented ids count such a row as written. Linear: one find per line."""
    out = []
    for line in body.split("\n"):
        at = line.find("%")
        while at > 0 and _escaped(line, at):
            at = line.find("%", at + 1)
        if at >= 0 and (whole_lines or line[:at].strip()):
            line = line[:at]
        out.append(line)
    return "\n".join(out)


def _escaped(line: str, at: int) -> bool:
    """Whether the character at ``at`` is escaped: an odd run of backslashes before it (``\\%`` is a percent sign,
    ``\\\\%`` a row break and then a comment). Each run is counted once per % after it: linear in the line."""
    k = at
    while k > 0 and line[k - 1] == "\\":
        k -= 1
    return (at - k) % 2 == 1


#: an environment's star escaped for Markdown (``\begin{align\*}``, as a GitHub wiki's source keeps it): the document
#: escapes its TeX for Markdown throughout
_ESCAPED_ENVIRONMENT = re.compile(r"\\(?:begin|end)\{[a-z]{3,12}\\\*\}")
#: Markdown's escapes of TeX: \* \^ \_ and \\\\ (a row break \\ typed twice over); one pass, left to right
_MARKDOWN_ESCAPES = re.compile(r"\\\\\\\\|\\[*^_]")


def extract(text: str, source: str = "<document>") -> list[Claim]:
    """Every equation of ``text`` as claims, in document order (ids as in the module docstring)."""
    if len(text) > MAX_BYTES:
        raise AnswerError(f"{source}: the document is larger than {MAX_BYTES} bytes")
    text = imagemath.image_math(text)  # a README's formula images (CodeCogs, GitHub's render/math): their LaTeX as math
    if _ESCAPED_ENVIRONMENT.search(text):  # a GitHub wiki's Markdown source: \begin{align\*}, \\\\ rows, \^ scripts
        text = _MARKDOWN_ESCAPES.sub(lambda m: m.group(0)[1:] if m.group(0) != "\\\\\\\\" else "\\\\", text)
    text = _own_math_environments(text)  # Soliday's \NewEnviron{tcequation}{\begin{equation}…\BODY…}: an equation
    headings = _question_scopes(text)
    heads = sections.starts(text)  # where the document's sections start (sections.py)
    subheads, premise_heads = _headings_outside_code(text)  # (a premise's scope: no line in bold ends it)
    premise_scope: list[int] = []
    subsection: list[int] = []  # each claim's innermost heading (any level): calculusexample.py's scope
    starts = [pos for pos, _ in headings]  # (once: 2·10⁵ headings beside 2000 equations were 4·10⁸ list entries)
    claims: list[Claim] = []
    premises: set[str] = set()  # the ids of inline claims after a premise's word (premises.py)
    section: list[int] = []  # each claim's section
    named: list[bool] = []  # each claim's span a name in a sentence (kramdown's $$a_i$$), dropped once numbered
    scopes: list[str | None] = []  # each claim's prose scope (one equation alone in its sentence's math)
    cases: dict[str, tuple] = {}  # claim id -> the index case its display's sentence picks (index_case)
    counters: dict[str, int] = {}
    newlines = _LineCounter(text)
    macros = texmacros.definitions(text)  # \newcommand, \gdef\par#1#2{\frac{\partial #1}{\partial #2}}
    budget = texmacros.Budget()  # the whole document's expansion (a macro in each of 10 000 rows)
    spans = _scan(text, newlines)
    tex_source = source.lower().endswith((".tex", ".ltx"))  # (a LaTeX source: its comment lines are no rows)
    first = next(spans, None)  # no math delimiters anywhere: a plain-text answer
    before: _Eq | None = None  # the display before this one, as scanned
    made = 0  # how many claims there were before it (one more after it: the claim it made)
    for eq in itertools.chain([first], spans) if first else _plain(text, newlines):
        goes_on = before is not None and claims and _follows_directly(text, before, eq)
        prior, before = before, eq
        if eq.index_range:  # "… for $j = 1, 2$": the range of the equation before it, numbered (line N#k), no claim
            if prior is not None and claims and made == len(claims) - 1:
                latex = _ranged(text, prior, eq, claims[-1].latex)
                scoped = range_scope(latex) if latex != claims[-1].latex else None
                if scoped is not None:  # CS229's "a^{[k]} = ReLU(z^{[k]}) for $k = 1, …, r-1$": the layers it holds for
                    latex, scopes[-1] = scoped
                claims[-1] = replace(claims[-1], latex=latex)
            eq = replace(eq, named=True)
        made = len(claims)
        heading = _heading_at(headings, starts, eq)
        if "%" in eq.body:
            eq = replace(eq, body=_without_comments(eq.body, whole_lines=tex_source))
        if "intertext" in eq.body:
            eq = replace(eq, body=_intertext_breaks(eq.body))
        rows = _rows(eq.body) if eq.rows or eq.one_number or eq.bare_rows or _INNER_ROWS.search(eq.body) else [(0, eq.body)]
        merged: list[tuple[int, str, str | None]] = []
        numbers: list[int] = []  # each merged claim's row number in the display (the k of line N.k)
        steps: list[list | None] = []  # each merged claim's rows: (row id, sides it adds to the chain); None: not rows
        joined = False  # rows joined as one product: still numbered as rows (every later id keeps its meaning)
        counted, newlines_before = 0, 0  # (the body's newlines counted as the rows go: 10⁵ rows, one pass)
        row_no = 0
        ranges: dict[int, str | None] = {}  # a row's written layer range: its scope (layerscope.range_scope)
        for offset, part in rows:
            newlines_before += eq.body.count("\n", counted, offset)
            counted = max(counted, offset)
            part = _drop_intertext(part)  # (before its line: the claim's text starts after the prose)
            # the row's first line: where its text starts (a blanked \begin{aligned} before it may have hidden a newline)
            line = eq.line + newlines_before + part.count("\n", 0, len(part) - len(part.lstrip()))
            if macros:
                part = texmacros.expand(texmacros.strip_definitions(part), macros, budget)
            part = texmacros.physics(part, macros)  # \pdv{J}{z} (Lalin's notes), unless the document defines it
            part = texmacros.plain_pmatrix(part)  # \pmatrix{∂E/∂b^L}_j (Jihwan's): parentheses around one entry
            if part.lstrip().startswith("\\"):
                part = _UNBRACED_FONT.sub(r"\\\1{\2}", part, count=1)  # \mathbf s = W_2\mathbf h: \mathbf{s}, its definition's key
            tag = _TAG.search(part)
            part = _outer_ampersands(_TAG.sub(" ", _INNER_ROWS.sub(" ", part))).strip().rstrip(",.;")
            part = _REMARK_AT_END.sub("", part)  # (rudra's \quad (\text{Chain Rule}))
            ranged = range_scope(part)  # Pilex1's , \qquad \ell = 1, 2, \cdots, L-1 after a generic claim
            if ranged is not None:
                part, ranges[line] = ranged
            part = _where_clause(_LEADING_CONNECTIVE.sub("", _leading_prose(_trailing_prose(part)), count=1))
            if not part:
                continue
            row_no += 1
            if _connective_row(part):  # \text{and} between two rows: prose, no claim (the rows keep their numbers)
                continue
            if merged and _PRODUCT_GOES_ON.match(part) and "=" in merged[-1][1]:
                at, prev, prev_tag = merged[-1]  # Prince's &&\hspace{0.5cm}\cdot ω_1 …: the product of the row before
                merged[-1] = (at, f"{prev} {part}", prev_tag or (tag.group(2) if tag else None))  # goes on
                joined = True
                steps[-1] = None  # (a row that is half a product is no step of its own)
                continue
            if merged and _SUM_GOES_ON.match(part) and not _RELATION.search(part) and _RELATION.search(merged[-1][1]):
                at, prev, prev_tag = merged[-1]  # +& … : the sum of the row before goes on (its link, its step)
                merged[-1] = (at, f"{prev} {part}", prev_tag or (tag.group(2) if tag else None))
                continue
            if merged and _CONTINUES.match(part):  # &= … continues the chain of the row before
                at, prev, prev_tag = merged[-1]
                merged[-1] = (at, f"{prev} {part}", prev_tag or (tag.group(2) if tag else None))
                if steps[-1] is not None:  # each row a step a grader names (line N.k): Judge judges it (chainrows.py)
                    steps[-1].append((f"line {line}.{row_no}", len(_top_sides(part))))
                continue
            if (not merged and goes_on and not _CONTINUES.match(part) and not claims[-1].rows
                    and (end := _TRAILING_RELATION.search(claims[-1].latex[-40:])) is not None):
                # a chain broken over displays: "… =" then the next display goes on with the right side (a blog's
                # $$ \nabla E(w) = $$ $$ \sum_i … = $$ $$ \sum_i … $$)
                head = claims[-1].latex[:len(claims[-1].latex) - 40 + end.start()].rstrip() if len(
                    claims[-1].latex) > 40 else claims[-1].latex[:end.start()].rstrip()
                if _RELATION.search(head):  # A = B =, then C: A = B holds on its own, and A = C is the next step
                    claims[-1] = replace(claims[-1], latex=head)
                    part = f"{_first_side(head)} = {part}"
                else:  # "A =" alone, then C: one claim A = C under the first display's id
                    claims[-1] = replace(claims[-1], latex=squeeze_space(f"{head} = {part}"))
                    goes_on = False
                    continue
            goes_on = False
            if merged and _CONTINUES.match(surface.rewrite(squeeze_space(part[:200]))):
                # \Large &:= \Large W …: a step after a size macro is a row of its own (its own id, as the rows of a
                # block a grader numbers), about what the row before it derived
                part = f"{_first_side(merged[-1][1])} {part}"
            elif not merged and claims and _CONTINUES.match(part) and not eq.worded:  # a new display (or a table's
                part = f"{_first_side(claims[-1].latex)} {part}"  # next cell) that goes on with &= …: about what the
                # equation before derived (inline "ReLU ($=max(0, x)$)" after a word: its subject is the word — unread)
            merged.append((line, part, tag.group(2) if tag else None))
            numbers.append(row_no)
            steps.append([(f"line {line}.{row_no}", len(_top_sides(part)))])
        tags = [t for _, _, t in merged if t]
        block = eq.label if not tags else tags[0] if len(tags) == 1 and (
            merged[-1][2] or merged[0][2] and _LEADING_TAG.match(eq.body)) else None  # (dudung's $$\tag{B3} \begin{array}…)
        if len(merged) > 1 and eq.one_number:  # $$\begin{equation}\begin{split}…$$: one numbered equation
            block = tags[0] if tags else None
        if len(merged) > 1 and (block or eq.one_number) and not eq.rows:  # $$\begin{aligned}…\end{aligned}\tag{Q1}$$:
            line = merged[0][0]  # one claim, rows as links
            if not block and heading:
                counters[heading] = counters.get(heading, 0) + 1
            cid = block or (f"{heading}.{counters[heading]}" if heading else f"line {line}")
            claims.append(Claim(cid, squeeze_space(" \\\\ ".join(part for _, part, _ in merged)), None, f"line {line}"))
            named.append(eq.named)
            scopes.append(None)
            section.append(sections.section_at(heads, eq.start))
            subsection.append(bisect.bisect_right(subheads, eq.start))
            premise_scope.append(bisect.bisect_right(premise_heads, eq.start))
            if eq.case:
                cases[cid] = eq.case
            continue
        for k, (line, part, tag) in enumerate(merged):
            if tag or (eq.label and len(merged) == 1):
                cid = tag or eq.label
            elif eq.label:
                cid = f"{eq.label}.{k + 1}"
            elif heading:
                counters[heading] = counters.get(heading, 0) + 1
                cid = f"{heading}.{counters[heading]}"
            else:
                cid = f"line {line}" if len(merged) == 1 and not joined else f"line {line}.{k + 1}"
            chain = steps[k] if steps[k] is not None and len(steps[k]) > 1 else ()
            if not chain and cid == f"line {line}.{k + 1}" and numbers[k] != k + 1:
                chain = ((f"line {line}.{numbers[k]}", 0),)  # its row's own number (after a chain of rows): an alias
            claims.append(Claim(cid, squeeze_space(part), None, f"line {line}", tuple(chain)))
            named.append(eq.named)
            if eq.premise:
                premises.add(cid)
            scopes.append(ranges[line] if line in ranges else eq.scope if len(merged) == 1 else None)
            section.append(sections.section_at(heads, eq.start))
            subsection.append(bisect.bisect_right(subheads, eq.start))
            premise_scope.append(bisect.bisect_right(premise_heads, eq.start))
            if eq.case:
                cases[cid] = eq.case
            if len(claims) > MAX_EQUATIONS:
                raise AnswerError(f"{source}: more than {MAX_EQUATIONS} equations")
    claims = _unique(claims)
    if any(named):  # (numbered among the line's spans first: the ids of the claims after them keep their meaning)
        keep = [not n for n in named]
        claims, scopes, section, subsection, premise_scope = ([x for x, k in zip(xs, keep, strict=True) if k]
                                                              for xs in (claims, scopes, section, subsection, premise_scope))
    model_heads = {k + 1: m.group(0) for k, pos in enumerate(subheads[:2000])
                   if (m := MODEL_HEADING.search(text, pos, min(len(text), pos + 120, _line_end(text, pos))))}
    models = {c.id: model_heads[k] for c, k in zip(claims, subsection, strict=True) if k in model_heads}
    loss_heads = {k + 1: m.group(1) for k, pos in enumerate(subheads[:2000])
                  if (m := foreign.LOSS_HEADING.search(text, pos, min(len(text), pos + 120, _line_end(text, pos))))}
    section_losses = {c.id: loss_heads[k] for c, k in zip(claims, subsection, strict=True) if k in loss_heads}
    row_lines = {c.id: lines for c in claims if (lines := _piece_lines(c)) is not None}
    notices = (texmacros.DISPLAY_PDV,) if "dpdv" not in macros and "\\dpdv" in text else ()
    notices += (texmacros.SPENT,) if budget.spent else ()
    return DocumentClaims(claims, one_example=bool(_ONE_EXAMPLE_PROSE.search(text)),
                          minibatch=bool(_MINIBATCH_PROSE.search(text)),
                          rows_stated=bool(_BATCH_ROWS_STATED.search(text[:MAX_BYTES])),
                          scopes={c.id: s for c, s in zip(claims, scopes, strict=True) if s},
                          depth_letter=depth_letter(text), notices=notices, shapes=stated_shapes(text),
                          example=example_vector(text),
                          summation=einstein.stated(text), cases=cases, row_lines=row_lines,
                          star=star_elementwise(text), products=stated_products(text), stated=stated_numbers(text),
                          sections={c.id: k for c, k in zip(claims, section, strict=True)} if heads else None,
                          subsections={c.id: k for c, k in zip(claims, subsection, strict=True)} if subheads else None,
                          premises=frozenset(premises), models=models, section_losses=section_losses,
                          premise_scopes={c.id: k for c, k in zip(claims, premise_scope, strict=True)},
                          unit_code=scalarunits.code_definitions(text), labels=label_letters(text),
                          gradient_rows=bool(_ROWS_PROSE.search(text[:MAX_BYTES])) and not _COLUMNS_PROSE.search(text[:MAX_BYTES]),
                          rate_letter=rate_letter(text), sigma_generic=bool(_SIGMA_PROSE.search(text[:MAX_BYTES])))


class DocumentClaims(list):
    """A document's claims, whether its prose says the batch is one example ("For simplification assume m = 1"
    between Nafiz's displays: ``document_batch`` then judges it with one), the layers the sentence of a claim
    restricts it to (``scopes``: claim id -> "output" or "hidden", Judge._check_every_layer), and what the reading
    assumed of the document as a whole (``notices``: an undefined ``\\dpdv`` read as \\pdv; shown with the
    notation read, Judge.check_all)."""

    def __init__(self, claims=(), one_example: bool = False, scopes: dict | None = None, depth_letter: str | None = None,
                 notices: tuple = (), shapes: tuple | None = None, summation: bool = False,
                 sections: dict | None = None, cases: dict | None = None, row_lines: dict | None = None,
                 subsections: dict | None = None, star: bool = False,
                 products: tuple = (), stated: tuple = (), premises: frozenset = frozenset(),
                 models: dict | None = None, example: str | None = None, minibatch: bool = False,
                 section_losses: dict | None = None, rows_stated: bool = False, unit_code: tuple = (),
                 labels: tuple = (), gradient_rows: bool = False, rate_letter: str | None = None,
                 sigma_generic: bool = False, premise_scopes: dict | None = None):
        super().__init__(claims)
        self.premise_scopes = premise_scopes  # claim id -> its scope for a premise: headings, questions (no bold lines)
        self.sigma_generic = sigma_generic  # the prose says σ is a layer's activation, not the logistic ("σ is the ReLU")
        self.rate_letter = rate_letter  # the letter the prose names the learning rate by ("learning rate $\gamma$")
        self.gradient_rows = gradient_rows  # the prose says one sample's gradients are rows ("numerator layout")
        self.labels = tuple(labels)  # letters the prose names the true class by: "true class $c$" (label_letters)
        self.unit_code = tuple(unit_code)  # a forward pass sketched unit by unit in a code block (scalarunits.py)
        self.rows_stated = rows_stated  # the text gives a batch its examples as rows: X ∈ ℝ^{B × 784} (zaidanmir)
        self.section_losses = dict(section_losses or {})  # claim id -> the loss its heading names ("## MSE": foreign.py)
        self.minibatch = minibatch  # the prose speaks of minibatches ("We utilize minibatches"): steps over a batch
        self.example = example  # the index the prose numbers examples by, x_i ∈ ℝ^d (ownforward.example_vector)
        self.models = dict(models or {})  # claim id -> the one-layer model its heading names (premises.py)
        self.premises = frozenset(premises)  # ids of inline claims after a premise's word, "With $…$" (premises.py)
        self.stated = tuple(stated)  # numbers the prose gives as values in code spans, `w1 = 0.5` (stated_numbers)
        self.subsections = subsections  # claim id -> its innermost heading's number (any level), None: no heading
        self.row_lines = dict(row_lines or {})  # claim id -> the line each of its side-by-side equations starts on
        self.star = star  # the prose says the answer's * (\ast) is the element-wise product (star_elementwise)
        self.products = tuple(products)  # operator symbols the prose defines as ⊙ (proseoperators.stated_products)
        self.sections = sections  # claim id -> the section it stands in (sections.py), None: one section
        self.cases = dict(cases or {})  # claim id -> (a, b, a = b?): "For j = i" before its display (index_case)
        self.summation = summation  # the prose states the summation convention (einstein.stated; indexworld.py)
        self.shapes = shapes  # W's shape as stated anywhere in the text, inline too (orientation.stated_shapes)
        self.one_example = one_example
        self.scopes = dict(scopes or {})
        self.depth_letter = depth_letter  # the letter the prose names the number of layers by (``depth_letter``)
        self.notices = tuple(notices)


#: wrappers around one equation (surface.ENVIRONMENTS' "wrapper" class that number or frame a single display)
_WRAPPERS = ("equation", "equation*", "displaymath")


def _unwrapped(body: str) -> tuple[str, bool]:
    """A display's body without a wrapper environment around all of it (purepisces', Coblin's and Lalin's
    ``$$\\begin{equation} … \\end{equation}$$``, MathJax's reading), and whether the wrapper held rows (an inner
    ``split``/``aligned``/``gathered`` or a row break ``\\\\`` outside braces). The inner text goes through the reader
    like any display (no new surface). A wrapper numbers one equation: rows inside it are one claim, each row a link
    judged in turn (``extract``), so reading them renumbers no claim after it (purepisces' Q5.n ids). Linear: string
    operations and one pass (``_has_rows``)."""
    body = _unboxed(body)
    inner = body.strip()
    for env in _WRAPPERS:
        opener, closer = f"\\begin{{{env}}}", f"\\end{{{env}}}"
        if inner.startswith(opener) and inner.endswith(closer) and inner.count(opener) == 1:
            inner = inner[len(opener):len(inner) - len(closer)]
            # the line breaks before the opener stay: the claim's id is the line where its text starts
            # ($$ ⏎ \begin{equation} ⏎ z = …: the line of z, not of \begin{equation})
            return "\n" * body.count("\n", 0, len(body) - len(body.lstrip())) + inner, _has_rows(inner)
    return body, False


#: macros that frame a whole display of rows: ``\\boxed{…}`` and MathJax's ``\\displaylines{…}`` (rows broken by
#: ``\\\\``, centred, no environment: vxnuaj's residual-connection post)
_ROW_FRAMES = ("\\boxed", "\\displaylines")


def _unboxed(body: str) -> str:
    """A display framed whole by ``\\boxed{…}`` around rows (Shreyansh Singh's boxed summary of ``aligned`` rows) or
    by ``\\displaylines{…}``: the rows read as if unframed, each a claim numbered by its own line (the first row's
    line is where its text starts, after the frame's opener). A frame around one equation stays (the surface reader
    keeps its mathematics; its id is the frame's line, where its text starts). Linear: one pass for the matching
    brace, one for the rows (``_has_rows``)."""
    inner = body.strip()
    frame = next((f for f in _ROW_FRAMES if inner.startswith(f)), None)
    if frame is None or not inner.endswith("}"):
        return body
    j = len(frame)
    if j < len(inner) and inner[j].isalpha():  # (\boxedx, \displaylinesfoo: another macro)
        return body
    while j < len(inner) and inner[j].isspace():
        j += 1
    if j == len(inner) or inner[j] != "{":
        return body
    end = surface._group_end(inner, j)  # (after the frame's balanced group)
    framed = inner[j + 1:end - 1]
    if end != len(inner) or not _has_rows(framed):
        return body
    opener = "".join(c if c == "\n" else " " for c in inner[:j + 1])  # (its line breaks kept: each row's own line)
    return body[:len(body) - len(body.lstrip())] + opener + framed


#: the cases of LaTeX before amsmath: \left\{ \begin{array}{rcl} … \end{array} \right.
_ARRAY_CASES = re.compile(r"\\left\s*+(?:\\\{|\\lbrace)\s*+(?P<brace>\{\s*+)?\\begin\s*+\{array\}\s*+\{[^{}]{0,40}\}")
_RIGHT_DOT = re.compile(r"\s*+\\right\s*+\.")
#: the same after an array in braces of its own (Wikipedia's ``\left\{{\begin{array}{rcl} … \end{array}}\right.``)
_BRACE_RIGHT_DOT = re.compile(r"\s*+\}\s*+\\right\s*+\.")


def _array_cases(body: str) -> str:
    """``\\left\\{ \\begin{array}{rcl} 0 & \\mbox{for} & x \\le 0 \\\\ 1 & … \\end{array} \\right.`` (ThirstyScholar's ReLU
    derivative; LaTeX's cases before amsmath) as ``cases``: its rows are one claim's cases, not rows of claims, and the
    columns after a row's value are its condition. Line breaks kept (ids); linear: one search per opener."""
    if "array" not in body or "\\left" not in body:
        return body
    out, pos, end, inner = [], 0, -1, -1
    for m in _ARRAY_CASES.finditer(body):
        if m.start() < pos:
            continue
        if end < m.end():  # (the first \end{array} after this opener: the one found before, while it is still ahead)
            end = body.find("\\end{array}", m.end())
            if end < 0:
                break
        if inner < m.end():  # (the next \begin{array}, likewise: each search starts where the last one ended)
            inner = body.find("\\begin{array}", m.end())
            inner = len(body) if inner < 0 else inner
        right = (_BRACE_RIGHT_DOT if m.group("brace") else _RIGHT_DOT).match(body, end + len("\\end{array}"))
        if right is None or inner < end:  # (an array inside this one: not LaTeX's cases)
            continue
        rows = []
        for row in body[m.end():end].split("\\\\"):
            value, *condition = row.split("&")
            rows.append(value + ("&" + " ".join(condition) if condition else ""))
        breaks = "\n" * (m.group(0).count("\n") + right.group(0).count("\n"))
        out += [body[pos:m.start()], "\\begin{cases}", breaks, "\\\\".join(rows), "\\end{cases}"]
        pos = right.end()
    return "".join(out) + body[pos:] if out else body


def _has_rows(body: str) -> bool:
    """Rows in a wrapper's body: an inner rows environment, or a row break ``\\\\`` outside braces and environments
    (not a ``\\substack{a \\\\ b}``'s nor a matrix's). One pass."""
    if _INNER_ROWS.search(body):
        return True
    depth, i = 0, 0
    while i < len(body):
        if body.startswith("\\\\", i):
            if depth == 0:
                return True
            i += 2
            continue
        if body.startswith("\\begin{", i) or body[i] == "{":
            depth += 1
        elif body.startswith("\\end{", i) or body[i] == "}":
            depth -= 1
        elif body[i] == "\\":
            i += 1  # an escaped character (\{, \}) is no group
        i += 1
    return False


class _LineCounter:
    """Line numbers of positions, in one forward pass (positions are asked in increasing order)."""

    def __init__(self, text: str):
        self.text, self.pos, self.line = text, 0, 1

    def at(self, pos: int) -> int:
        if pos < self.pos:
            return self.text.count("\n", 0, pos) + 1
        self.line += self.text.count("\n", self.pos, pos)
        self.pos = pos
        return self.line


def _scan(text: str, lines: _LineCounter):
    """The math spans of ``text`` in order; linear time whatever the openers (see the module docstring)."""
    missing: set[str] = set()  # closers known to be absent after some point: every later opener of it is unclosed
    last_case, last_end, last_subject = None, 0, None  # the last display's index case, its end and left side
    pos = 0
    while True:
        m = _OPENER.search(text, pos)
        if m is None:
            return
        tok = m.group(0)
        if tok.lstrip(" \t")[:3] in ("```", "~~~") and not tok.lstrip(" \t").startswith(("```math", "```{math}")):
            fence = "code" + tok.lstrip(" \t")[0]
            found = None if fence in missing else _CODE_CLOSE[fence[-1]].search(text, m.end())
            if found is None:  # an unclosed fence: no code block (the text after it is read as before)
                missing.add(fence)
                pos = m.start() + len(tok) - len(tok.lstrip(" \t")) + 3
            else:
                pos = found.end()
            continue
        if tok == "$$":
            closer, kind = "$$", "display"
        elif tok == "\\[":
            closer, kind = "\\]", "display"
        elif tok == "\\(":
            closer, kind = "\\)", "inline"
        elif tok.lstrip(" \t").startswith("```"):
            closer, kind = "\n```", "display"
        elif tok == "$":
            closer, kind = "$", "inline"
        elif tok.startswith("<script"):  # MathJax 2's own markup (kramdown, Jekyll): a display with mode=display
            closer, kind = "</script>", "display" if m.group(3) else "inline"
        elif tok.startswith("{{"):  # a Hugo shortcode's math: {{< displaymath >}} … {{< /displaymath >}}, {{< katex
            # display >}} … {{< /katex >}} (a katex without display is inline)
            closer = "hugo:" + m.group(4)
            kind = "display" if m.group(4) == "displaymath" or "display" in m.group(5) else "inline"
        else:
            env = m.group(1) + m.group(2)
            closer, kind = f"\\end{{{env}}}", "env:" + m.group(1)
        if tok in ("\\[", "\\(") and text[m.start() - 1:m.start()] == "\\":
            closer = "\\" + closer  # Markdown's escaped \\( … \\) (Jekyll, kramdown): the closer is escaped too
        start = m.end()
        if closer == "\n```":  # a fence may be indented (a list item's ```math): its closer is indented likewise
            found = None if closer in missing else _FENCE_CLOSE.search(text, start)
            end = found.start() if found else -1
        elif closer.startswith("hugo:"):
            found = None if closer in missing else _HUGO_CLOSE[closer[5:]].search(text, start)
            end = found.start() if found else -1
        else:
            end = -1 if closer in missing else text.find(closer, start)
        if end < 0:
            missing.add(closer)
            pos = m.end()
            continue
        body = text[start:end]
        pos = found.end() if closer == "\n```" or closer.startswith("hugo:") else end + len(closer)
        fence_label = None
        if closer == "\n```":  # the fence's own line and blank lines: the equation is numbered by its first line
            body, fence_label = _myst_options(body)  # MyST's ```{math} options (:label: eq-grad) before the math
            lead = len(body) - len(body.lstrip(" \t\n"))  # (the options blanked: the same length)
            start, body = start + lead, body[lead:]
        named = (tok == "$$" and "\n" not in body and not (_RELATION.search(body) or _top_inequality(body))
                 and _in_prose(text, m.start(), pos))  # kramdown's inline math in a sentence: "the signals $$a_i$$"
        named = named or kind == "inline" and _LONE_ARROW.search(body) is not None and _ASSIGNS.search(body) is None
        if kind == "inline":
            if len(body) > MAX_INLINE or "\n\n" in body or not (_RELATION.search(body) or _top_inequality(body)):
                if len(body) > MAX_INLINE or "\n\n" in body:
                    pos = start  # a stray dollar sign: the next $ may open real math
                continue
        if kind == "inline" and len(body) > 2 and body[0] == "`" and body[-1] == "`":
            body = body[1:-1]  # GitLab's and GitHub's $`…`$: the backticks only keep Markdown off the mathematics
        body = _array_cases(body)
        if kind in ("inline", "display") and plain_in_math(body):
            body = plain_math(body)  # beingbat's $m(t) = beta1 * m(t-1) + (1 – beta1) * dW$: plain text inside $…$
        one_number = bare_rows = False
        case = index_case(text[max(0, m.start() - 80):m.start()])
        subject = _subject(body) if kind != "inline" else None
        if case is None and kind != "inline" and last_case is not None and subject and subject == last_subject and (
                _ONLY_LAYOUT.fullmatch(text, last_end, m.start())):  # Charatsidis's "In case i = j:" then four
            case = last_case  # equations of ∂p_i/∂o_j: the case holds while the displays go on about the same subject
        if kind != "inline":
            last_case, last_end, last_subject = case, pos, subject
            body, one_number = _unwrapped(body)  # $$\begin{equation} … \end{equation}$$: the equation inside
            # $$ a = b \\ c = d $$ (no environment: MathJax breaks the line): each row a claim, as an align's rows
            bare_rows = not one_number and _has_rows(body)
        elif kind in ("env:equation", "env:displaymath") and not _INNER_ROWS.search(body):
            # \begin{equation} a = b \\ c = d \end{equation} (MathJax breaks the line, melfm's notes): rows, as in $$
            bare_rows = _has_rows(_COMMENT.sub("", body))
        if kind.startswith("env:"):
            body = _COMMENT.sub("", body)
        label = None
        if kind.startswith("env:") and kind[4:] not in _SPLIT_ENVS:
            tag = _TAG.search(body)
            label = tag.group(2) if tag else None
        if kind != "inline" and (named_eq := _BOOKDOWN_LABEL.search(body)) is not None:
            body = body[:named_eq.start()] + body[named_eq.end():]  # R Markdown's (\#eq:binom): a label, no mathematics
            label = label or f"eq:{named_eq.group(1)}"
        elif kind == "display" and (named_eq := _QUARTO_LABEL.match(text, pos, pos + 80)) is not None:
            label = named_eq.group(1) or named_eq.group(2)  # Quarto's $$ … $$ {#eq-grad}, MyST's $$ … $$ (eq-grad)
        label = label or fence_label
        yield _Eq(body, lines.at(start), label, kind[4:] in _SPLIT_ENVS if kind.startswith("env:") else False, start,
                  prose_scope(text[max(0, m.start() - 60):m.start()], text[pos:pos + 80]), one_number, bare_rows,
                  case,
                  kind == "inline" and _AFTER_A_WORD.search(text, max(0, m.start() - 40), m.start()) is not None,
                  kind == "inline" and len(body) < 120 and "(" in body
                  and PREMISE.search(text, max(0, m.start() - 60), m.start()) is not None, named,
                  kind == "inline" and _RANGE_ONLY.fullmatch(body) is not None
                  and _FOR_BEFORE.search(text, max(0, m.start() - 24), m.start()) is not None)


#: a definition's left side, a font command on one letter with no braces (TeX's own argument): \mathbf s = …, \bm x :=
_UNBRACED_FONT = re.compile(r"^\s*\\(mathbf|boldsymbol|bm|mathit|mathrm|vec)(?![A-Za-z])[ \t]*([A-Za-z0-9])(?![A-Za-z0-9])"
                            r"(?=\s*(?::=|=|\\coloneqq))")
#: an item of an index's range: a number, a letter (k_t) maybe less or more a number (L - 1), dots
_RANGE_ITEM = r"(?:\d{1,4}|[A-Za-z](?:\s*_\s*(?:\{[A-Za-z0-9]{1,3}\}|[A-Za-z0-9]))?(?:\s*[-+]\s*\d)?|\\[lc]?dots|\\ldots|\.\.\.|…)"
#: inline math that only states an index's range: ``j = 1, 2``, ``i = 1, \ldots, m``, ``l = 1, 2, \dots, L - 1``, and
#: downwards, ``l = L-1, \dots, 1``
_RANGE_ONLY = re.compile(r"\s*(?:[a-z]|\\ell)\s*=\s*(?:[01]\s*(?:,\s*" + _RANGE_ITEM + r"\s*){1,8}|(?:" + _RANGE_ITEM
                         + r"\s*,\s*){1,8}[01])\s*[.,;]?\s*")
#: the word before such a range: "for", "for each", "for all", "where"
_FOR_BEFORE = re.compile(r"(?<![A-Za-z])(?:for(?:\s+(?:all|each|every))?|where)[ \t]*\$?$", re.I)
#: after a range, what makes it a loop's over what follows: a colon, another range ("…, for $i = 1, …, k$:")
_OPENS_WHAT_FOLLOWS = re.compile(r"\$?[ \t]*(?::|,?[ \t]*(?:for|and[ \t]+for)[ \t]+\$)")
#: a range counting up from 0 or 1
_COUNTS_UP = re.compile(r"\s*(?:[a-z]|\\ell)\s*=\s*[01]\s*,")
#: a range's letter that numbers layers (its range is layerscope's, not appended to the equation before it)
_LAYER_RANGE = re.compile(r"\s*(?:l|\\ell)\s*=")


def _ranged(text: str, prior: _Eq, eq: _Eq, latex: str) -> str:
    """``latex`` (the claim of display ``prior``) with the index range ``eq`` states after it in the same sentence
    (``$z_j = w_{1j} x_1 + b_j$ for $j = 1, 2$``) appended as a display writes it (``, \\quad j = 1, 2``); a layer's
    range, one further away (another sentence, over 120 characters), one counting down or one that opens what follows
    ("for $t = T-1, …, 1$, for $i = 1, …, k$:", a loop's) leaves it as written."""
    at = text.find(prior.body, prior.start, prior.start + len(prior.body) + 40) if prior.body else -1
    gap = text[at + len(prior.body):eq.start] if 0 <= at and eq.start - (at + len(prior.body)) <= 120 else None
    if gap is None or re.search(r"[.!?:]\s|\n\s*\n", gap) or _LAYER_RANGE.match(eq.body) or "=" not in latex:
        return latex
    if _OPENS_WHAT_FOLLOWS.match(text, eq.start + len(eq.body)) or not _COUNTS_UP.match(eq.body):
        return latex
    return f"{latex}, \\quad {eq.body.strip().rstrip('.,;')}"


#: an arrow with nothing on one side, in inline math: a diagram's arrow in a sentence ("$x \in \mathbb{R}^2 \to$ tanh
#: layer $\to$ sigmoid output"), numbered but no claim (an update w → w − η ∂C/∂w has both sides)
_LONE_ARROW = re.compile(r"^\s*(?:\\to|\\rightarrow|\\longrightarrow|→)(?![A-Za-z])|(?:\\to|\\rightarrow|\\longrightarrow|→)\s*$")
#: what makes inline math an equation or an assignment whatever its arrows
_ASSIGNS = re.compile(r"=|\\leftarrow|\\gets|←|\\approx|\\equiv")
#: a word of prose right before inline math, with an opening parenthesis maybe ("ReLU ($=max(0, x)$)")
_AFTER_A_WORD = re.compile(r"(?:[A-Za-z]{2,}[ \t]{0,3}\(?|\|)[ \t]{0,3}\$?$")  # (or a Markdown table's cell border)


#: a paragraph that picks one case of two index letters just before a display: "For j = i", "For j != i", "When
#: $i \\neq j$:" (Sai Krishna's batch-norm notes: the display gives the j = i term, then the j ≠ i terms of a sum); at
#: a line's start or after a sentence's or clause's end ("Otherwise, in case i = j:"; of several, the last)
_INDEX_CASE = re.compile(r"(?:^|\n|[:;,.][ \t]+)[ \t]*(?:in[ \t]+)?(?:for|when|if|case)[ \t]+\$?[ \t]*([a-z])[ \t]*\$?[ \t]*"
                         r"(=|!=|\\neq?|≠)[ \t]*\$?[ \t]*([a-z])"
                         r"[ \t]*\$?[ \t]*[:,.]?[ \t]*\n[ \t]*\n?[ \t]*$", re.I)


def _in_prose(text: str, start: int, end: int) -> bool:
    """Whether the math span text[start:end] shares its line with prose (a word before or after it on the line)."""
    before = text[text.rfind("\n", 0, start) + 1:start]
    after_end = text.find("\n", end)
    after = text[end:after_end if after_end >= 0 else len(text)]
    return bool(re.search(r"[A-Za-z\u00c0-\uffff]{2}", before[-200:]) or re.search(r"[A-Za-z\u00c0-\uffff]{2}", after[:200]))


def _top_inequality(body: str) -> bool:
    """Whether inline math states an order relation or ≠ outside every group (``$l < L$``; not the condition inside an
    indicator, ``$\\mathrm{1}\\{Z_1 > 0\\}$``, ``$\\mathbb{1}[z > 0]$``). One pass over the matches and the brackets."""
    depth, last = 0, 0
    for m in _INEQUALITY.finditer(body):
        chunk = body[last:m.start()]
        depth += sum(chunk.count(c) for c in "{[(") - sum(chunk.count(c) for c in "}])")
        last = m.start()
        if depth <= 0:
            return True
    return False


def _subject(body: str) -> str | None:
    """A display's left side (before its first ``=``), spaces and environment words dropped; None without one."""
    head = body[:300].split("=", 1)
    if len(head) < 2:
        return None
    return re.sub(r"\s+|\\(?:begin|end)\{[a-z*]+\}|\\nonumber|&", "", head[0]) or None


#: what may stand between two displays of one case: blank space, a closing \nonumber
_ONLY_LAYOUT = re.compile(r"(?:\s|\\nonumber|\\notag)*")


def index_case(before: str) -> tuple | None:
    """(a, b, True) for "For a = b" in the paragraph right before a display, (a, b, False) for a ≠ b; else None."""
    m = _INDEX_CASE.search(before[-80:])
    return None if m is None or m.group(1) == m.group(3) else (m.group(1), m.group(3), m.group(2) == "=")


#: what opens a line of a plain-text answer before its equation: a list mark, a part's label ("(a)", "b)", "2."), a
#: question's label ("Q1:", "Problem 2b."), and words ending in a colon ("Forward pass:") — not ``:=``
_PLAIN_LEAD = re.compile(r"^\s{0,8}(?:[-*•+]\s+|\(?[A-Za-z0-9]{1,3}[.)]\s+|" + _LABEL + r"\s*[:.)]\s*)?"
                         r"(?:\([A-Za-z][a-z]{3,11}\)\s+)?"  # (a word in parentheses: "(wrong) dL/dW1 = …", "(slip)")
                         r"(?:[A-Za-z][A-Za-z ,'()-]{0,60}:(?!=)\s+)?", re.I)
#: three plain words in a row before the relation: a sentence that mentions an equality, not an equation
_PLAIN_PROSE = re.compile(r"(?<![\\\w])[A-Za-z]{2,}\s[A-Za-z]{2,}\s[A-Za-z]{2,}(?![\w(])")


#: a closing parenthetical after a plain-text equation (one level of brackets inside), nothing after it: a remark when
#: it holds three plain words in a row (_PLAIN_PROSE) — Orosanu's PDF text "Sdw = β ∗ Sdw + (1 − β) ∗ dw
#: (element-wise squaring operation)"
_PLAIN_REMARK = re.compile(r"\s\(((?:[^()]|\([^()]*\))*)\)\s*$")


#: Markdown's strong emphasis around a short name in a plain-text answer: __dZ[2]__, **dW**
_MD_STRONG = re.compile(r"(__|\*\*)([^_*\n]{1,40}?)\1")


def _without_html_comment(line: str) -> str:
    """A plain-text line without its HTML comments (``<!-- … -->``: Markdown does not show them). Linear: str.find."""
    while (k := line.find("<!--")) >= 0:
        end = line.find("-->", k + 4)
        line = line[:k] + (line[end + 3:] if end >= 0 else "")
    return line


#: a sentence's end inside a plain-text line after its first relation: ". " before a capitalised word
_PLAIN_SENTENCE = re.compile(r"\.\s+(?=[A-Z][a-z]{2,}\b)")
#: the words that open such a sentence before its own equation: "Loss L = …", "The loss is L = …"
_PLAIN_TAIL_WORDS = re.compile(r"[A-Z][a-z]{2,}(?:\s+[a-z]{2,}){0,3}(?:\s*:)?\s+(?=\S)")


#: a plain word of prose (a capital only first; "cross-entropy" one word): not a name of mathematics (``_MATH_WORDS``)
_PLAIN_WORD = r"[A-Za-z][a-z]+(?:-[a-z]+)*"
#: a statement's subject, right before its relation: one token, or a name with its arguments (L(ŷ, y))
_PLAIN_SUBJECT = re.compile(r"[^\s=,;()]{1,24}(?:\([^()=;]{0,40}\))?[ \t]*(?:=|:=|≈|←|\\leftarrow(?![A-Za-z]))")
#: the words before a statement's subject: at most twelve words or names ("The gradient of the loss with respect to
#: the output bias is dL/db2 = …", "Going back through W2 gives dL/dh = …", "loss L = …")
_PLAIN_OPENING = re.compile(r"[ \t]*(?:[^\W\d_][\w'-]*[ \t]+){1,12}")  # (words of any language: "Für die … gilt")
#: how a sentence's opening words start before its statement: a capital ("The output is ŷ = …", "Loss L = …"), an
#: article, or a word that goes on from the sentence before ("is", "so", "since"); not a sentence's middle ("… w.r.
#: to total loss E_TOTAL=E1+E2")
_SENTENCE_START = re.compile(r"[ \t]*(?:[A-ZÀ-ÖØ-Þ]|(?:the|a|an|our|its|this|is|are|so|then|thus|hence|since|and|which|"
                             r"it|we|gives|becomes|equals|where|with|here|now|loss|cost|error|objective|total)[ \t])")
#: words in a statement's opening that make it no claim of the author's own: a supposition or a mistake set out
#: ("If we forgot the transpose we would get …", "A common mistake is to write …")
_NOT_ASSERTED = frozenset("if suppose supposing assume assuming would could might should wrong mistake mistakes incorrect "
                          "instead not never nor error-prone".split())
#: a letter set equal to a name in words ("L = cross-entropy", "loss = mean squared error"): what it is, no formula
_NAME_IN_WORDS = re.compile(r"[ \t]*[^\s=]{1,12}[ \t]*=[ \t]*(?:[A-Za-z][a-z]{3,}(?:[- ][a-z]{2,}){0,3})[ \t]*")
#: a plain word standing alone (not a name's part, not a function applied: tanh(z))
_LONE_WORD = re.compile(r"(?<![\\\w])" + _PLAIN_WORD + r"(?![\w(])")
#: the words a plain-text formula names functions and letters with, never prose
_MATH_WORDS = frozenset("sigmoid sig tanh relu softmax softplus log ln exp sum max min sqrt dot abs sign argmax diag "
                        "np yhat hat pred axis keepdims elu gelu swish leaky lrelu prod".split()) | frozenset(
    "alpha beta gamma delta eta theta lambda sigma epsilon eps mu phi nabla partial".split())
#: a word that joins two statements of a plain-text line: "h = tanh(W₁x + b₁) and ŷ = …"; "… where z₁ = W₁x + b₁"
_PLAIN_JOINS = {"and": ", ", "und": ", ", "et": ", ", "where": r" \quad \text{where} ", "with": r" \quad \text{where} "}


#: the word that opens a sentence after ". ": a capital, then small letters ("Going", "A"; not dZ2 . A1ᵀ's product)
_SENTENCE_WORD = re.compile(r"[A-Z][a-z]*(?![A-Za-z0-9_^(\[{'])")


def _plain_pieces(body: str) -> list[tuple[str, str]]:
    """A plain-text line's pieces, each with the joint before it: split at a top-level ``,`` or ``;`` (a comma), a
    sentence's end (``. `` before a capital) and the words of ``_PLAIN_JOINS``. One pass."""
    pieces: list[tuple[str, str]] = []  # (the joint before it, the piece)
    depth, start, joint, i, n = 0, 0, "", 0, len(body)
    while i < n:
        ch = body[i]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in ",;." and body[i + 1:i + 2] in (" ", "\t") and (ch != "." or (
                body[i - 1:i] not in (" ", "\t") and _SENTENCE_WORD.match(body, i + 2))):
            pieces.append((joint, body[start:i]))
            joint, start = (". " if ch == "." else ", "), i + 1
        elif depth == 0 and ch in " \t" and body[i + 1:i + 2].isalpha():
            j = i + 1
            while j < n and body[j].isalpha():
                j += 1
            word = body[i + 1:j]
            if word in _PLAIN_JOINS and body[j:j + 1] in (" ", "\t"):
                pieces.append((joint, body[start:i]))
                joint, start, i = _PLAIN_JOINS[word], j, j
                continue
            i = j - 1
        i += 1
    pieces.append((joint, body[start:]))
    return pieces


def _opening(piece: str, first: bool) -> int:
    """Where the statement of ``piece`` starts after the words that open it (0: none to drop): words and names only,
    the last a plain word ("is", "gives", "loss"), none a supposition's; a line's first piece opens as a sentence."""
    subject = _PLAIN_SUBJECT.search(piece)
    if subject is None or subject.start() == 0:
        return 0
    words = _PLAIN_OPENING.fullmatch(piece, 0, subject.start())
    if words is None:
        return 0
    names = words.group(0).split()
    last = names[-1].lower()
    if (not re.fullmatch(r"[^\W\d_]{2,}(?:-[^\W\d_]+)*", names[-1]) or last in _MATH_WORDS
            or any(w.lower().strip("'") in _NOT_ASSERTED for w in names) or (first and not _SENTENCE_START.match(piece))):
        return 0
    return subject.start()


#: a value by cases typed plain, at a statement's end: "= p_i - 1 if i = y, p_i otherwise", "= 1 if z > 0 else 0"
_PLAIN_CASES = re.compile(r"=[ \t]*([^=,;]{1,60}?)[ \t]+if[ \t]+([^=,;<>]{1,20}?(?:=|>|<|>=|<=|!=|≠)[^=,;<>]{1,20}?)"
                          r"(?:[ \t]*,[ \t]*|[ \t]+else[ \t]+)([^=,;]{1,60}?)(?:[ \t]+otherwise)?[ \t]*$")


def _plain_cases(m: re.Match) -> str:
    """The cases of ``_PLAIN_CASES`` as TeX's ``cases``, the second one ``\\text{otherwise}``."""
    cond = m.group(2).replace("!=", r" \neq ").replace(">=", r" \geq ").replace("<=", r" \leq ")
    return rf"= \begin{{cases}} {m.group(1)} & {cond} \\ {m.group(3)} & \text{{otherwise}} \end{{cases}}"


def _unwrapped_statements(body: str) -> str:
    """A line whose statements are all in one parenthesis after some words ("Componentwise (h = tanh(W1 x + b1), yhat =
    softmax(W2 h + b2), cross-entropy L):"): the statements alone; else the line as it is."""
    text = body.rstrip(" \t:.")
    if not text.endswith(")"):
        return body
    depth, k = 0, len(text) - 1
    while k >= 0:  # (the parenthesis that the last one closes)
        depth += {")": 1, "(": -1}.get(text[k], 0)
        if depth == 0:
            break
        k -= 1
    if k <= 0 or _RELATION.search(text, 0, k) or not _RELATION.search(text, k) or not _WORDS_BEFORE.fullmatch(text, 0, k):
        return body
    return text[k + 1:-1]


#: words before a parenthesis of statements: "Componentwise ", "Softmax + cross-entropy for one example "
_WORDS_BEFORE = re.compile(r"[A-Za-z][A-Za-z0-9 +,'-]{0,80}")


def _plain_statements(body: str) -> str:
    """A plain-text line's statements without the prose between them (the LaTeX reader's own forms for the rest): each
    statement's opening words dropped ("the loss is L = …" is L = …), a top-level ``;``, ``and`` or sentence end
    between two statements a comma, ``where``/``with`` before a statement TeX's ``\\text{where}`` (``_where_clause``
    reads it), and a piece with no relation that is prose ("…, which is the hidden layer") left out."""
    body = _unwrapped_statements(body)
    if " if " in body:
        body = _PLAIN_CASES.sub(_plain_cases, body)
    pieces = _plain_pieces(body)
    if len(pieces) == 1 and not _opening(body, True):
        return body
    out = []
    for k, (joint, piece) in enumerate(pieces):
        piece = _without_apposition(piece)
        if not _RELATION.search(piece):
            if _prose(piece) or joint.strip().startswith("\\quad") or joint == ". " or (len(pieces) > 1 and _worded(piece)):
                continue  # prose ("the loss is the binary cross-entropy"), or a where-clause that defines nothing
        elif _NAME_IN_WORDS.fullmatch(piece):
            continue  # "L = cross-entropy": the objective named in words, no formula
        elif (at := _opening(piece, k == 0 or joint == ". ")):
            piece = piece[at:]
            if _prose(piece):
                continue  # "Note that the learning rate = 0.1 is fixed here": a sentence, not a statement
        elif joint == ". " and _prose(piece):
            continue
        out.append((piece.strip(), joint))
    # statements listed as the rows of a block (``, \quad``: _top_rows), so that one defining the answer's own symbol
    # ("p = softmax(z2), z2 = W2 h + b2") defines it, as separate formulas do; a piece with no relation goes on the one before
    text = ""
    for k, (piece, joint) in enumerate(out):
        if k == 0:
            text = piece
        elif joint.strip().startswith("\\quad"):
            text += joint + piece
        else:
            text += (r", \quad " if _RELATION.search(piece) and _RELATION.search(out[k - 1][0]) else ", ") + piece
    return text


#: a description after a statement: an article, then a few words to the piece's end ("a = sigmoid(W1 x + b1) the hidden
#: activation")
_APPOSITION = re.compile(r"[ \t]+(?:the|an?|our|its)[ \t]+[A-Za-z][a-z-]*(?:[ \t]+[A-Za-z][a-z-]*){0,4}[ \t]*$")


def _without_apposition(piece: str) -> str:
    """``piece`` without the description after its statement (``_APPOSITION``), where a whole statement stands before it."""
    m = _APPOSITION.search(piece) if " " in piece else None
    if m is None:
        return piece
    head = piece[:m.start()]
    rel = _RELATION.search(head)
    return head if rel is not None and head[rel.end():].strip() and not _unbalanced(head) else piece


def _worded(text: str) -> bool:
    """Whether ``text`` holds a plain word of four letters or more that names no mathematics: a piece with no relation
    beside a line's statements that does is prose ("a 2-2-1 sigmoid network, E = …")."""
    return any(len(m.group(0)) >= 4 and m.group(0).lower() not in _MATH_WORDS for m in _LONE_WORD.finditer(text))


def _prose(text: str) -> bool:
    """Whether ``text`` holds two plain words side by side, neither a name of mathematics (``_MATH_WORDS``): prose."""
    last = None
    for m in _LONE_WORD.finditer(text):
        word = m.group(0).lower() not in _MATH_WORDS
        if word and last is not None and not text[last:m.start()].strip():
            return True
        last = m.end() if word else None
    return False


#: a code comment after a plain-text formula: a # after a space, then a space, an arrow or a word (never a heading: the
#: formula before it must hold a relation)
_CODE_COMMENT = re.compile(r"[ \t]#(?=[ \t<\-A-Za-z])")


def _plain(text: str, lines: _LineCounter):
    """The equations of an answer written in plain text, with no math delimiters at all (a ``.txt`` homework, a PDF's
    text, Markdown with ``dW2 = dZ2 · a1ᵀ``): each line that states a relation outside prose, after its label and
    leading words. The rest of the reading (Unicode, ``dL/dz2``, ``a1ᵀ``, ``np.sum``, comma-listed equations) is the
    same as inside ``$…$``."""
    pos = 0
    octave = bool(OCTAVE_SIGNS.search(text))  # (h' is then hᵀ: Octave's transpose)
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line, start, pos = text[pos:end], pos, end + 1
        if "<-" in line:  # W1 <- W1 - lr * dL/dW1: the update's arrow typed in ASCII (same length: offsets kept)
            line = _ASCII_ARROW.sub(" ←", line)
        if len(line) > MAX_INLINE or not _RELATION.search(line):
            continue
        line = _MD_STRONG.sub(r"\2", _without_html_comment(line))  # zgwl's __dW__: n * 1. dW = …: a bold label
        comment = _CODE_COMMENT.search(line)
        if comment is not None and _RELATION.search(line[:comment.start()]):
            line = line[:comment.start()]  # kgwilson's "dl/db_i = mean(dl/dz_i, axis=0) # <- Take mean over batch"
        lead = _PLAIN_LEAD.match(line)
        if _LOOP_HEADER.match(line, lead.end()):
            continue  # "for l = L-1 down to 1:": a loop's range, no claim (the claims in it are generic in l)
        body = line[lead.end():].replace("`", " ").strip().rstrip(".;,")
        rel = _RELATION.search(body)
        cut = max(body.rfind(". ", 0, rel.start()), body.rfind(": ", 0, rel.start())) if rel else -1
        if cut >= 0:  # "dW[i]: n(i) * n(i-1). dW[i] = dot(dZ[i], A[i-1].T) / m": the equation after the label and shape
            body = body[cut + 2:].strip()
            rel = _RELATION.search(body)
        if rel is not None:
            body = _plain_statements(body)
            rel = _RELATION.search(body)
        if rel is None or rel.start() == 0 or _PLAIN_PROSE.search(body[:rel.start()]):
            continue
        sentence = _PLAIN_SENTENCE.search(body, rel.end())  # "… ŷ = σ(z₂). Loss L = ½‖ŷ − y‖²": a sentence ends
        if sentence is not None:
            tail = body[sentence.end():]
            words = _PLAIN_TAIL_WORDS.match(tail)  # its leading words ("Loss"), then its own equation, listed after
            tail = tail[words.end():] if words else tail
            body = body[:sentence.start()] + (", " + tail if _RELATION.search(tail) and not _PLAIN_PROSE.search(
                tail[:_RELATION.search(tail).start()]) else "")
        remark = _PLAIN_REMARK.search(body, rel.end())  # (element-wise squaring operation): prose, not the formula
        remark = remark if remark and _PLAIN_PROSE.search(remark.group(1)) else None
        yield _Eq(plain_math(body[:remark.start()] if remark else body, columns=False, transposes=octave), lines.at(start), None, False,
                  start + lead.end(), None)


#: a loop's header in pseudocode: "for l = L-1 down to 1:", "for l in range(L - 1, 0, -1):", "for i = 1 to m do"
_LOOP_HEADER = re.compile(r"[ \t]*for[ \t]+[A-Za-z][A-Za-z0-9_]{0,3}[ \t]*(?:=|in[ \t])[^=]{0,60}?(?::|[ \t]do)?[ \t]*$")


#: an ASCII arrow ``<-`` (not ``<--``, ``<->``, ``<<-``)
_ASCII_ARROW = re.compile(r"(?<![<\-])<-(?![->])")


def _question_scopes(text: str) -> list[tuple[int, str | None]]:
    """Where each question's scope starts (its label) and ends (None). A question heading (``## Question 5``) lasts to
    the next question, over the sections under it; a question paragraph (``**Q1:** …``, ``Q1: …``) ends at the next
    heading too, so the claims under a later heading that is no question are ``line N`` again. Nothing inside a fenced
    code block is a heading: a ``# Q2: the gradient`` comment in a Python or R cell (```` ```{r} ````) started question
    Q2 there, so the claims after it, still the answer to Q1, were named Q2.1, … and the real Q2's shifted (a rubric
    naming Q2.1 graded another claim)."""
    heads, blocks = _headings(text)
    marks: list = [(m.start(), m) for m in _HEADING.finditer(text)] + [(pos, None) for pos in heads]
    marks.sort(key=lambda t: (t[0], t[1] is None))
    scopes: list[tuple[int, str | None]] = []
    paragraph = False  # the open question is a paragraph: the next heading ends it
    k = 0  # (blocks[k]: the first block that does not end before the mark)
    for pos, m in marks:
        while k < len(blocks) and blocks[k][1] < pos:
            k += 1
        if k < len(blocks) and blocks[k][0] < pos or scopes and scopes[-1][0] == pos:
            continue
        if m is not None:
            scopes.append((pos, re.sub(r"\s+", "", m.group(1) or m.group(2)).replace("Question", "Q").replace("question", "Q")))
            paragraph = not m.group(0).startswith(("#", "\\"))
        elif paragraph:
            scopes.append((pos, None))
            paragraph = False
    return scopes


#: a question's label word a grader may shorten to Q (``## Problem 1:`` -> Q1.3 beside Problem1.3, the claim's id)
_Q_WORDS = re.compile(r"^(?:Problem|Exercise|Task)(?=\d)", re.I)


def question_alias(cid: str) -> str | None:
    """The id a grader may give a claim under a ``Problem``/``Exercise``/``Task`` heading with the label word shortened
    to Q, as under ``## Question 2`` (``Problem1.3`` -> ``Q1.3``); None for any other id. The claim keeps its own id;
    a rubric's ``expects`` and verify_corpus find it by this one when no claim has the id asked for."""
    return _Q_WORDS.sub("Q", cid) if _Q_WORDS.match(cid) else None


def _headings(text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """(the positions of the document's headings of any level, those inside fenced code blocks included; the blocks,
    ``_fenced_blocks``): one pass of ``_ANY_HEADING``."""
    heads, fences = [], []  # (fences: position, the fence's character)
    for m in _ANY_HEADING.finditer(text):
        fence = m.group(0).lstrip(" \t")[:1]
        if fence in ("`", "~"):
            fences.append((m.start(), fence))
        else:
            heads.append(m.start())
    return heads, _fenced_blocks(fences)


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _headings_outside_code(text: str) -> tuple[list[int], list[int]]:
    """The positions of the headings of any level outside fenced code blocks (a ``# comment`` in a cell is none), with
    the questions' labels (``Problem 1: linear regression``): (with the lines all in bold too, ``_TOPIC_LINE`` —
    each claim's innermost scope: a model a heading names, a worked example's —, without them — a premise's scope)."""
    heads, blocks = _headings(text)
    marked = set(heads) | {m.start() for m in _HEADING.finditer(text)}
    topics = {m.start() for m in _TOPIC_LINE.finditer(text)} - marked

    def outside(positions) -> list[int]:
        out, k = [], 0
        for pos in positions:
            while k < len(blocks) and blocks[k][1] < pos:
                k += 1
            if not (k < len(blocks) and blocks[k][0] < pos):
                out.append(pos)
        return out

    return outside(sorted(marked | topics)), outside(sorted(marked))


def _fenced_blocks(fences: list) -> list[tuple[int, int]]:
    """(start, end) of each fenced code block, from its fence lines in order ((position, "`" or "~")): a fence closes at
    the next line opened by its own character; one never closed is no block (as ``_scan`` reads it). One pass."""
    after: list = [None] * len(fences)  # the next fence line of the same character
    seen: dict = {}
    for i in range(len(fences) - 1, -1, -1):
        after[i] = seen.get(fences[i][1])
        seen[fences[i][1]] = i
    blocks, i = [], 0
    while i < len(fences):
        j = after[i]
        if j is None:
            i += 1
            continue
        blocks.append((fences[i][0], fences[j][0]))
        i = j + 1
    return blocks


def _heading_at(headings: list, starts: list, eq: _Eq) -> str | None:
    """The question heading the equation stands under (the last one before it), if any; ``starts``: the headings'
    positions, in order (a binary search: the document's headings are listed once, not once per equation)."""
    k = bisect.bisect_right(starts, eq.start)
    return headings[k - 1][1] if k else None


def _trailing_prose(part: str) -> str:
    """The equation without prose written after a dash inside the display (Quargam's ``z^{(i)} = w^{(i)}x^{(i)} +
    b^{(i)} -- Математические операции в нейроне``): a tail after `` -- `` or ``—`` with no mathematics in it (no
    command, brace, script or relation) and words of at least three letters, one of them outside ASCII or two of them."""
    at = max(part.rfind(" --"), part.rfind("—"))
    if at <= 0 or "=" not in part[:at]:
        return part
    tail = part[at:].lstrip(" -—")
    if not tail or any(ch in tail for ch in "\\{}^_=$"):
        return part
    words = re.findall(r"[^\W\d_]{3,}", tail)
    if len(words) >= 2 or any(not w.isascii() for w in words):
        return part[:at].rstrip()
    return part


#: a row opened by words: Jihwan's \text{Similarly,}\quad, \text{In the output layer, }, \text{or, }\: (no mathematics in
#: them: letters, spaces and punctuation only), then spacing
_LEADING_PROSE = re.compile(r"\\(?:text|textrm|mathrm)\s*\{([A-Za-z][A-Za-z ,.;:']{0,80})\}\s*+(?:(?:\\q?quad|\\[,:;! ]|~)\s*+)*+")
#: a remark in parentheses at the end of a row: Jihwan's \qquad(\text{where}\quad A = B)
#: ... and one after the row with no parentheses, after an alignment mark, a \quad or a comma: joyabrata-das's
#: ``A^{(1)} &= ReLU(Z^{(1)}) && \text{where } ReLU(z) = \max(0,z)``
_WHERE_BARE = re.compile(r"(?:(?:&&?|\\q?quad|,)\s*+|(?<=\s))\\text\s*+\{\s*+(?:where|with)\s*+,?\s*+\}\s*+"
                         r"(?:(?:\\q?quad|\\[,:;! ]|~)\s*+)*+")
_WHERE = re.compile(r"\(\s*+\\text\s*+\{\s*+(?:where|with|since|as)\s*+,?\s*+\}\s*+(?:(?:\\q?quad|\\[,:;! ]|~)\s*+)*+")


#: a single word that opens a sentence (``\\text{where}``, ``\\text{Thus}``); other words need a space or a closing
#: punctuation mark to be prose (``\\text{MSE}(ŷ, y)``, ``\\text{ReLU}'(z)`` are names of functions)
_CONNECTIVES = frozenset("where thus hence so then therefore similarly and or also finally since because note".split())


_CONNECTIVE_ROW = re.compile(r"\\(?:text|textrm|mathrm)\s*\{\s*([A-Za-z]{1,12})\s*[,.:;]?\s*\}\s*[,.:;]?")


def _connective_row(part: str) -> bool:
    """A row that is one connective word and nothing else (``\\text{and}``, ``\\text{or}``, vxnuaj's rows
    ``a = b \\\\ \\text{and} \\\\ c = d``): prose between two claims, not a claim."""
    m = _CONNECTIVE_ROW.fullmatch(part.strip())
    return m is not None and m.group(1).lower() in _CONNECTIVES


_INTERTEXT = re.compile(r"\\(?:short)?intertext\s*\{")


#: an \intertext and the row break before it, if one is written
_INTERTEXT_AFTER = re.compile(r"(\\\\[ \t\r\n]*)?\\(?:short)?intertext\s*\{")


#: an environment the document defines (environ's \NewEnviron, LaTeX's \newenvironment), up to its definition's body
_ENV_DEFINITION = re.compile(r"\\(?:NewEnviron|newenvironment|renewenvironment)\s*\{\s*([A-Za-z]{1,30})\s*\}"
                             r"(?:\s*\[\d\])?\s*\{")
#: a display-math environment opened in such a definition's first 300 characters
_WRAPPED_MATH = re.compile(r"\\begin\s*\{\s*(" + "|".join(MATH_ENVS) + r")\*?\s*\}")
#: at most this many environments of the document's own are read as math
MAX_OWN_ENVIRONMENTS = 20


def _own_math_environments(text: str) -> str:
    """``text`` with each environment the document defines as a display-math environment (Soliday's
    ``\\NewEnviron{tcequation}{\\begin{equation}\\scalebox{1.4}{$\\BODY$}\\end{equation}}``, a thesis's
    ``\\newenvironment{eqn}{\\begin{equation}}{\\end{equation}}``) used as that environment: ``\\begin{tcequation}``
    becomes ``\\begin{equation}`` (no newline changes: the lines still count). Linear: one pass per name, at most
    MAX_OWN_ENVIRONMENTS names."""
    if "environ" not in text.lower():
        return text
    names: dict[str, str] = {}
    blanks: list[tuple[int, int]] = []  # the definitions' own math (\BODY): no claim
    for m in _ENV_DEFINITION.finditer(text):
        inner = _WRAPPED_MATH.search(text, m.end(), m.end() + 300)
        name = m.group(1)
        if inner is not None and name not in MATH_ENVS and name not in names:
            names[name] = inner.group(1)
            close = text.find("\\end", inner.end(), inner.end() + 300)
            blanks += [(inner.start(), inner.end())] + ([(close, close + 4)] if close >= 0 else [])
            if len(names) >= MAX_OWN_ENVIRONMENTS:
                break
    if blanks:  # (spaces of the same length: no line moves)
        parts, last = [], 0
        for a, b in sorted(blanks):
            parts += [text[last:a], " " * (b - a)]
            last = b
        text = "".join(parts) + text[last:]
    for name, env in names.items():
        text = re.sub(r"\\(begin|end)\s*\{\s*" + name + r"\s*\}", lambda m, env=env: f"\\{m.group(1)}{{{env}}}", text)
    return text


def _intertext_breaks(body: str) -> str:
    """The body with a row break before each ``\\intertext{…}`` written without one (Korniak's ``\\end{aligned}
    \\shortintertext{a więc:} \\begin{aligned} …``: the prose sets the blocks apart, as two claims — run together,
    ``out_o`` and the next block's ∂ read as a product). No newline is added: the lines still count."""
    return _INTERTEXT_AFTER.sub(lambda m: m.group(0) if m.group(1) else "\\\\ " + m.group(0), body)


def _drop_intertext(part: str) -> str:
    """The row without amsmath's ``\\intertext{and therefore, by the chain rule,}`` (prose set between two rows of an
    ``align``: it opens the next row, which is a claim of its own). Its braces are matched in one pass; an unclosed
    one leaves the row as it is."""
    out, pos = [], 0
    for m in _INTERTEXT.finditer(part):
        if m.start() < pos:
            continue
        depth, i = 1, m.end()
        while i < len(part) and depth:
            depth += {"{": 1, "}": -1}.get(part[i], 0)
            i += 1
        if depth:
            break
        out.append(part[pos:m.start()] + ("\n" * part.count("\n", m.start(), i) or " "))  # (its lines still count)
        pos = i
    return "".join(out) + part[pos:] if out else part


def _leading_prose(part: str) -> str:
    """The row without the words that open it (``\\text{Similarly,}\\quad \\frac{∂E}{∂b} = …``: the claim is what follows):
    a sentence's words (a space between them, a closing comma or colon, or one connective such as "where"), before
    the row's first relation, and not a name applied to what follows (``\\text{MSE}(…)``, ``\\text{ReLU}'(z)``)."""
    m = _LEADING_PROSE.match(part)
    if m is None or "=" not in part[m.end():] or part[m.end():m.end() + 1] in "('_^{[" or "=" in part[:m.start()]:
        return part
    words = m.group(1).strip()
    if not (" " in words or words[-1:] in ",.:;" or words.lower() in _CONNECTIVES):
        return part
    if _RELATION_FIRST.match(part, m.end()) and words[-1:] not in ",.:;" and words.lower() not in _CONNECTIVES:
        return part  # Mihir's \text{W update} = X^\top \cdot \text{grad}: the words are the name the row defines
    return part[m.end():]


#: a relation right after a row's opening words: they are its left side, not a sentence before it
_RELATION_FIRST = re.compile(r"\s*+(?:=|:=|\\approx|\\coloneqq|\\equiv|\\leftarrow|\\gets)")


def _unbalanced(text: str) -> bool:
    """Whether ``text``'s braces and parentheses do not balance (it is not one group of its own)."""
    depth = 0
    for ch in text:
        depth += {"(": 1, "{": 1, ")": -1, "}": -1}.get(ch, 0)
        if depth < 0:
            return True
    return depth != 0


#: a network quantity with its layer written: \delta^{[1]}, z^{(2)}, \mathbf{a}^{[l]}
_LAYERED_SUBJECT = re.compile(r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?\\?[A-Za-z]{1,6}\s*\}?\s*\^\s*\{\s*[\[(]\s*(?:\d|[lLk])"
                              r"\s*[\])]\s*\}")


def _where_clause(part: str) -> str:
    """A row ending in a remark ``(\\text{where}\\quad A = B)``: two statements, the row and the remark, each judged
    (``\\therefore`` splits them: surface.split_statements). Only a remark that closes the row, outside braces."""
    m = next(reversed(list(_WHERE.finditer(part))), None)  # the last remark
    if m is None:
        bare = next(reversed(list(_WHERE_BARE.finditer(part))), None)  # … && \text{where } ReLU(z) = max(0, z)
        if bare is None or "=" not in part[:bare.start()] or "=" not in part[bare.end():] or _unbalanced(part[bare.end():]):
            return part
        defined = _first_side(part[bare.end():])  # "= z - e_y, where z = softmax(h)": the row's own letter, defined
        if (re.search(r"(?<![A-Za-z\\])" + re.escape(defined) + r"(?![A-Za-z])", part[:bare.start()])
                and not _LAYERED_SUBJECT.fullmatch(defined.strip())):
            # (a definition of a letter the row uses, not a claim of its own: the row read with it)
            return _substituted(part[:bare.start()].rstrip(), defined.strip(), part[bare.end():]) or part
        # (a quantity with its layer, "= δ^{[1]} x^T, where δ^{[1]} = …": the network's own, both statements judged)
        return f"{part[:bare.start()].rstrip()} \\therefore {part[bare.end():].strip()}"
    if not part.rstrip().endswith(")") or "=" not in part[:m.start()] or "=" not in part[m.end():]:
        return part
    inner, depth = part[m.end():part.rstrip().rfind(")")], 0
    for ch in inner:  # the remark's own parentheses and braces must balance (it is one group)
        depth += {"(": 1, "{": 1, ")": -1, "}": -1}.get(ch, 0)
        if depth < 0:
            return part
    if depth:
        return part
    return f"{part[:m.start()].rstrip()} \\therefore {inner.strip()}"


#: a letter a where-clause may define for the row before it: one letter (or a Greek letter's command), a hat or
#: bold face on it, a short subscript (z_1, z1, \hat{y}, \delta_2)
_DEFINED_LETTER = re.compile(r"(?:\\(?:hat|mathbf|bm|boldsymbol)\s*\{\s*)?(?:[A-Za-z]|\\[a-z]{2,8})(?:\s*\})?"
                             r"(?:\s*_\s*(?:\{\s*[A-Za-z0-9]{1,3}\s*\}|[A-Za-z0-9])|[0-9]{1,2})?")


def _substituted(row: str, letter: str, clause: str) -> str | None:
    r"""``row`` with ``letter`` replaced, on the right of its first relation, by what the where-clause ``clause`` (``z_1
    = W_1 x + b_1``: one equation, nothing after it) defines it as, in parentheses (``… ⊙ 1[z_1 > 0] \quad
    \text{where } z_1 = W_1 x + b_1`` reads as ``… ⊙ 1[(W_1 x + b_1) > 0]``); None when the clause is not one definition
    of a plain letter, or when the letter carries a script of its own in the row (``h_j`` of a defined h)."""
    sides = _top_sides(clause)
    if len(sides) != 2 or not _DEFINED_LETTER.fullmatch(letter) or not sides[1].strip():
        return None
    head = _first_side(row)
    if len(head) >= len(row):
        return None
    rest = row[len(head):]
    pattern = re.compile(r"(?<![A-Za-z\\_^{])" + re.escape(letter) + r"(?![A-Za-z0-9_}])")
    if not pattern.search(rest):
        return None
    definition = sides[1].strip()
    return head + " " + pattern.sub(lambda _m: rf"\left({definition}\right)", rest)


#: Quarto's name of a display, right after its closing $$: ``$$ … $$ {#eq-grad}``
_QUARTO_LABEL = re.compile(r"[ \t]{0,8}(?:\{#(eq-[A-Za-z0-9_:.-]{1,60})\}|\(([A-Za-z][A-Za-z0-9_:.-]{0,59})\)[ \t]*(?=\n|$))")
#: MyST's options at the top of a ```{math} fence: ``:label: eq-grad`` (the name), ``:nowrap:`` …
_MYST_OPTION = re.compile(r"[ \t]*:([a-z]{1,20}):[ \t]*([^\n]{0,80})\n")


def _myst_options(body: str) -> tuple[str, str | None]:
    """A fence's body without MyST's option lines at its top, and the ``:label:`` they give (or None)."""
    label, at = None, len(body) - len(body.lstrip(" \t\n"))
    for _ in range(8):  # (a handful of options at most)
        m = _MYST_OPTION.match(body, at)
        if m is None:
            break
        if m.group(1) == "label" and m.group(2).strip():
            label = m.group(2).strip()[:60]
        at = m.end()
    return (" " * at + body[at:] if at else body), label


#: bookdown's (R Markdown's) name inside an equation: ``\begin{equation} … (\#eq:grad) \end{equation}``
_BOOKDOWN_LABEL = re.compile(r"\(\s?\\#eq:([A-Za-z0-9_.-]{1,60})\s?\)")
#: a claim that ends with its relation: the right side is in the display after it
_TRAILING_RELATION = re.compile(r"(?:=|\\approx)\s*$")
#: what may stand between two displays of one chain: their delimiters and white space
_DELIMITERS_ONLY = re.compile(r"(?:\s|\$|\\\[|\\\]|\\begin\{(?:equation|displaymath)\*?\}|\\end\{(?:equation|displaymath)\*?\})*")


def _follows_directly(text: str, before: _Eq, eq: _Eq) -> bool:
    """Whether display ``eq`` comes right after display ``before``: nothing but delimiters and white space between
    them (a bounded look: ``before``'s body found at most 40 characters after its start)."""
    at = text.find(before.body, before.start, before.start + len(before.body) + 40) if before.body else -1
    if at < 0 or eq.start - (at + len(before.body)) > 200:
        return False
    gap = text[at + len(before.body):eq.start]
    return _DELIMITERS_ONLY.fullmatch(gap) is not None


def _first_side(latex: str) -> str:
    """What an equation chain is about: its text before the first relation outside braces."""
    depth = 0
    for i, ch in enumerate(latex):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth == 0 and _CONTINUES.match(latex[i:]) and latex[i - 1:i] not in ("\\", "<", ">", "!"):
            return latex[:i].strip()
    return latex


def _outer_ampersands(text: str) -> str:
    """Drop the alignment points & of align, keeping those inside matrix and cases environments (and ``\\&``): one
    regex scan over the environments and ampersands (a character loop took 3 CPU s over 1990 worked examples)."""
    out, depth, last = [], 0, 0
    for m in _AMPERSAND_OR_ENV.finditer(text):
        token = m.group()
        if token == "&" and depth == 0:
            out += [text[last:m.start()], " "]
            last = m.end()
        elif token.startswith("\\b"):
            depth += 1
        elif token.startswith("\\e"):
            depth -= 1
    return "".join(out) + text[last:]


#: what _outer_ampersands reads: an environment opened or closed, an escaped ampersand (kept), an alignment point
_AMPERSAND_OR_ENV = re.compile(r"\\begin\{|\\end\{|\\&|&")


#: the optional space after a row break, ``\\[6pt]``, ``\\*[1ex]`` (Thill's aligned rows): a length with its unit
ROW_SPACING = re.compile(r"\*?[ \t]*\[[ \t]*-?[0-9.]{1,8}[ \t]*(?:pt|em|ex|mm|cm|in|bp|mu|dd|pc)[ \t]*\]")


#: a display whose \tag opens it, before its block of rows (``$$\tag{B3}\n\begin{array}{rcl} … $$``): the block's one tag
_LEADING_TAG = re.compile(r"\s*\\tag\*?\s*\{[^{}]{0,40}\}\s*\\begin\s*\{")


def _rows(body: str) -> list[tuple[int, str]]:
    """Split at row breaks \\\\ that are not inside a matrix or cases environment (aligned/split rows are)."""
    rows, depth, cur, i, start = [], 0, [], 0, 0
    while i < len(body):
        inner = _INNER_ROWS.match(body, i)
        if inner:  # \begin{aligned} … \end{aligned}: its rows are the claim's rows
            cur.append(" ")
            i = inner.end()
            continue
        if body.startswith("\\begin{", i):
            depth += 1
        elif body.startswith("\\end{", i):
            depth -= 1
        if body.startswith("\\\\", i) and depth == 0:
            rows.append((start, "".join(cur)))
            cur = []
            spacing = ROW_SPACING.match(body, i + 2)  # \\[6pt]: extra space after the break, not a row's text
            i = spacing.end() if spacing else i + 2
            start = i
            continue
        if depth == 0 and body.startswith("\\newline", i) and _NEWLINE.match(body, i):
            rows.append((start, "".join(cur)))  # FortiLeiZhang's aligned rows ending in \newline (MathJax's \\)
            cur = []
            i += len("\\newline")
            start = i
            continue
        cur.append(body[i])
        i += 1
    rows.append((start, "".join(cur)))
    return rows


def _piece_lines(claim: Claim) -> tuple[int, ...] | None:
    """The line each equation of a one-claim display starts on, when they are set side by side over several lines
    (``a = b \\qquad \\quad`` at the end of one line, ``c = d`` on the next: chambrin's ∂l/∂b and ∂l/∂W): the
    equations' row ids are ``line N.k`` with N the equation's own line (chainrows.side_by_side). None: one line, or
    the equations could not be placed in the text."""
    m = re.fullmatch(r"line (\d+)", claim.id)
    if m is None or "\n" not in claim.latex:
        return None
    pieces = _top_rows(claim.latex)
    if len(pieces) < 2:
        return None
    lines, at = [], 0
    for piece in pieces:
        found = claim.latex.find(piece.strip()[:40], at)
        if found < 0:
            return None
        lines.append(int(m.group(1)) + claim.latex.count("\n", 0, found))
        at = found + 1
    return tuple(lines) if lines[-1] != lines[0] else None


def _unique(claims: list[Claim]) -> list[Claim]:
    seen: dict[str, int] = {}
    out = []
    for c in claims:
        n = seen.get(c.id, 0)
        seen[c.id] = n + 1
        out.append(c if n == 0 else replace(c, id=f"{c.id}#{n + 1}"))
    return out


#: where equations are looked for, as the "no equations" message says it
EQUATION_FORMS = "($$…$$, \\[…\\], $…$ with =, equation or align environments)"


def no_equations(label: str, files=()) -> str:
    """The message for an answer in which no equation was found (verify of a file, stdin and a batch's submission alike):
    a notebook among ``files`` whose cells are code only is told that its code cells are not judged."""
    code = sum(_code_cells(Path(f)) for f in files if Path(f).suffix.lower() == ".ipynb")
    if code:
        return (f"{label}: no equations found in its Markdown cells {EQUATION_FORMS}, and no line of its {code} code "
                "cell(s) assigns a formula of the pass that verify reads (Z1 = np.dot(W1, X) + b1, dW1 = …: codecells.py); "
                "the code cell(s) are not judged: write the answer's formulas and numbers in Markdown cells ($…$ or "
                "plain text with =)")
    return f"{label}: no equations found {EQUATION_FORMS}"


def _code_cells(path: Path) -> int:
    """How many code cells a notebook holds (0 when it does not read as one; its size was bounded when it was loaded)."""
    try:
        nb = json.loads(path.read_text(encoding="utf-8", errors="replace"))
    except (OSError, ValueError, RecursionError):
        return 0
    cells = nb.get("cells") if isinstance(nb, dict) else None
    return sum(isinstance(c, dict) and c.get("cell_type") == "code" for c in cells) if isinstance(cells, list) else 0


def notebook_text(raw: str, source: str) -> str:
    """The Markdown cells of a Jupyter notebook, in order (code cells are not judged)."""
    try:
        nb = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise AnswerError(f"{source}: not a valid notebook (JSON error at line {exc.lineno}); save it again from Jupyter") from None
    except RecursionError:
        raise AnswerError(f"{source}: not a Jupyter notebook (its JSON is nested too deeply); save it again from Jupyter") from None
    except ValueError:  # an integer of more than 4300 digits (Python's limit for int())
        raise AnswerError(f"{source}: not a Jupyter notebook (a number of more than 4300 digits); save it again from Jupyter") from None
    cells = nb.get("cells") if isinstance(nb, dict) else None
    if not isinstance(cells, list):
        raise AnswerError(f"{source}: not a Jupyter notebook (no cells); give the .ipynb file Jupyter saved")
    parts = []
    for cell in cells:
        if isinstance(cell, dict) and cell.get("cell_type") == "markdown":
            src = cell.get("source", "")  # a list of lines or one string; anything else holds no Markdown
            parts.append("".join(s for s in src if isinstance(s, str)) if isinstance(src, list) else
                         src if isinstance(src, str) else "")
    # JSON may escape half of a surrogate pair (\ud800): no UTF-8 can hold it, so every report would fail to be written
    return _LONE_SURROGATE.sub("\ufffd", "\n\n".join(parts))


#: a lone UTF-16 surrogate (JSON's \ud800 without its pair): json.loads keeps it; U+FFFD replaces it
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def pdf_text(path: Path) -> str:
    """Best effort for a PDF: its text by pdftotext, when installed and the text holds LaTeX; else a clear error."""
    fix = "submit the source instead (.tex, .md or .ipynb): the mathematics of a PDF cannot be read back reliably"
    tool = shutil.which("pdftotext")
    if tool is None:
        raise AnswerError(f"{path}: a PDF; {fix}")
    try:
        out = subprocess.run([tool, "-q", "-enc", "UTF-8", str(path), "-"], capture_output=True, timeout=30, check=False)
    except subprocess.TimeoutExpired:
        raise AnswerError(f"{path}: a PDF whose text could not be extracted in 30 s; {fix}") from None
    text = out.stdout.decode("utf-8", "replace")[:MAX_BYTES]
    if out.returncode != 0 or not re.search(r"\\(frac|partial|delta|sigma|mathbf|odot)|\$", text):
        raise AnswerError(f"{path}: a PDF with no LaTeX in its text; {fix}")
    return text


#: the batch size's letter, bare or in a class or font wrapper (Thill's \newcommand{\batch}{\mathord{N}})
_BATCH_LETTER = r"(?:[mNM]|\\math(?:ord|rm|it|normal)\s*\{\s*[mNM]\s*\})"
#: a document about a batch of m examples: \frac{1}{m}, \sum_{i=1}^{m}, \frac{1}{N} \sum_n
_MEAN_OVER_BATCH = re.compile(r"\\frac\s*\{\s*1\s*\}\s*\{\s*" + _BATCH_LETTER + r"\s*\}|"
                              # Nielsen's step over a mini-batch, w → w − \frac{\eta}{m} \sum_x …: the mean of its examples'
                              r"\\frac\s*\{\s*\\(?:eta|alpha|epsilon)\s*\}\s*\{\s*" + _BATCH_LETTER + r"\s*\}\s*\\sum|"
                              # PyTorch's mean over the batch and the outputs: \frac{1}{NK} \sum_{n,k}, \frac{2}{NK}
                              r"\\frac\s*\{\s*[12]\s*\}\s*\{\s*N\s*(?:\\cdot\s*)?K\s*\}|\\sum_\{?\s*[a-z]\s*=\s*1\s*\}?\s*\^\s*\{?\s*"
                              # (not N_{l-1}, M_{L-1}, N_\mathrm{in}: a layer's width with its own subscript, FYS-STK4155's
                              # and Zingale's; m_L stays a batch's sign, as it always was: jihwan's mini-batch notes have
                              # none other)
                              # (nor Nilsson's m_{j+1}, the width of the layer after j: a layer letter plus or minus one)
                              r"(?![NM]\s*_|m\s*_\s*\{\s*[a-z]\s*[+-]\s*1\s*\})" + _BATCH_LETTER + r"\s*\}?"
                              # NumPy typed in a code block or plain text: (1 / m) * np.dot(…), 1./m, np.dot(dZ2, A1.T) / m
                              r"|(?<![\w.\\])1(?:\.0?)?\s?/\s?[mN](?![\w(])|(?<=[\w)])\s?/\s?[mN](?![\w(])")
#: a sum to m whose body writes a weight with the sum's index (eric-Rstats's z_i = \sum_{k=1}^m w_{ik} x_k: m the
#: input's width, k a unit — weights are no example's): \sum_{k=1}^{m}, its index, then the body's first 80 characters
_SUM_TO_M = re.compile(r"\\sum_\{?\s*([a-z])\s*=\s*1\s*\}?\s*\^\s*\{?\s*m\s*\}?([^=$]{0,80})")
#: the same to M or N, whose body writes a weight (w, W, α, β, θ) with the sum's index: CMU 10-601's a_j = \sum_{i=1}^{M}
#: \alpha_{j,i} x_i (M the input's width); a δ or an activation with the index is an example's there (Bishop's \sum_{n=1}^{N})
_SUM_TO_MN = re.compile(r"\\sum_\{?\s*([a-z])\s*=\s*1\s*\}?\s*\^\s*\{?\s*[MN]\s*\}?([^=$]{0,80})")


_SAMPLE_SCRIPT = re.compile(r"\^\s*\{?\s*\(\s*[a-z]\s*\)")
#: a softmax's normalizer summed to N: \sum_{k=1}^{N} e^{z_k}, \sum_{k=1}^N \exp(z_k) (wintertee's classes written N
#: beside K): the exponentials of one example's entries, no batch of N examples
_SOFTMAX_SUM = re.compile(r"\\sum_\{?\s*([a-z])\s*=\s*1\s*\}?\s*\^\s*\{?\s*[NM]\s*\}?\s*\{?\s*"
                          r"(?:\\mathrm\s*\{\s*e\s*\}|e|\\exp)\s*(?:\^\s*\{\s*|\(\s*)[a-z]\s*_\s*\{?\s*\1(?![A-Za-z])")


def _sums_over_units(latex: str) -> bool:
    """Whether the claim's only batch sign is a sum to m over the units a weight connects (_SUM_TO_M)."""
    head = latex[:4000]
    if _MEAN_OVER_BATCH.search(_SUM_TO_MN.sub(" ", _SUM_TO_M.sub(" ", head))) or _SAMPLE_SCRIPT.search(head):
        return False  # (another sign of a batch beside it: \frac{1}{m}, a sum over the examples, Raschka's z_j^{(i)})
    sums, wide = list(_SUM_TO_M.finditer(head)), list(_SUM_TO_MN.finditer(head))
    # (schrader's \sum_{j=1}^m \frac{dC}{da_j} \frac{da_j}{dz_i}: a unit's letter also after the d or ∂ of a derivative)
    return bool(sums or wide) and all(re.search(r"(?:(?:(?<![A-Za-z\\])d|\\partial\s*|(?<![A-Za-z\\]))[wWzah]|\\delta)\s*_\s*"
                                                r"(?:\{[^{}]{0,6}"
                                                + m.group(1) + "|"
                                                + m.group(1) + ")", m.group(2)) for m in sums) and all(
        re.search(r"(?:(?<![A-Za-z\\])[wW]|\\(?:alpha|beta|theta)(?![A-Za-z]))\s*_\s*(?:\{[^{}]{0,6}(?<![A-Za-z])" + m.group(1)
                  + r"(?![A-Za-z])|" + m.group(1) + ")", m.group(2)) for m in wide)


#: a document whose prose says its batch is one example: "For simplification assume m = 1" (Ng's m, the number of
#: examples; not "the batch formula with m = 1", an aside about one case)
#: the prose naming the number of layers by a letter: "the network has $L$ layers", "with $k$ layers in total",
#: "an $L$-layer network", MathsCode's "假设网络的总共有$k$层" (a total of k layers; not "第$k$层", the k-th layer),
#: CS229's "where $N$ is the number of layers", "the output layer $N$"
_DEPTH_PROSE = re.compile(r"(?i)\b(?:has|have|having|with|of)\s+(?:a\s+total\s+of\s+)?\$\s*([A-Za-z])\s*(?:=\s*\d{1,2}\s*)?\$\s+"
                          r"(?:hidden\s+and\s+output\s+)?layers\b|\ban?\s+\$\s*([A-Za-z])\s*\$\s*-\s*layer\s+"
                          r"(?:neural\s+)?net|(?:总共|一共|共)有?\s*\$\s*([A-Za-z])\s*\$\s*层|"
                          r"\$\s*([A-Za-z])\s*\$\s+is\s+the\s+number\s+of\s+layers|"
                          r"\b(?:output|last|final)\s+layer\s+\$\s*([A-Za-z])\s*\$")


#: a value given in a code span of the prose: `x = 1.0`, `w1 = 0.5`, `y_true = 0.0` (sreekanth's setup list)
_STATED_NUMBER = re.compile(r"`[ \t]{0,4}[A-Za-z_][A-Za-z0-9_]{0,24}[ \t]{0,4}=[ \t]{0,4}(-?[0-9]{1,6}(?:\.[0-9]{1,8})?)[ \t]{0,4}`")


#: an inline math span: $…$ on one line
_MATH_SPAN = re.compile(r"\$([^$\n]{1,400})\$")
#: a given stated in math: an input, target, weight, bias or rate (not a computed quantity: ŷ, z, a, h, δ, L) set to
#: numbers alone — $y = 0.5$, $X = [1, 2]$, $W_1 = \begin{bmatrix}0.5 & 0.6 \\ 0.7 & 0.8\end{bmatrix}$
_GIVEN_IN_MATH = re.compile(r"\s*(?:[xXyYtWwb]|\\(?:eta|alpha|theta))\s*(?:_\s*\{?\s*[0-9A-Za-z]{1,3}\s*\}?)?"
                            r"(?:\^\s*\{?\s*[(\[]?\s*[0-9]\s*[)\]]?\s*\}?)?\s*=\s*"
                            r"((?:[-0-9., \[\]&]|\\\\|\\begin\{[bp]matrix\}|\\end\{[bp]matrix\}){1,300})\s*[.,;]?\s*")
_NUMBER_IN = re.compile(r"-?[0-9]{1,6}(?:\.[0-9]{1,8})?")


def stated_numbers(text: str) -> tuple:
    r"""The numbers the prose gives as values — in code spans (`w1 = 0.5`) or in math setting an input, target,
    weight, bias or rate to numbers alone (kaifeng's $y = 0.5$, $W_1 = \begin{bmatrix}…\end{bmatrix}$): given, so exact
    where the answer's arithmetic uses them (``Judge._propagated`` does not move 0.5 by ±0.05 as if it were rounded).
    At most 100, from the first 200 000 characters; each span is matched whole, with its white-space runs squeezed
    first (the pattern's ``\s*`` around a value list that may itself hold spaces backtracked cubically on a run: 2000
    spans of 390 spaces took 165 s), in linear time."""
    head = text[:200_000]
    found = [float(m.group(1)) for m in itertools.islice(_STATED_NUMBER.finditer(head), 100)]
    for span in itertools.islice(_MATH_SPAN.finditer(head), 2000):
        given = _GIVEN_IN_MATH.fullmatch(squeeze_space(span.group(1)))
        if given is not None and len(found) < 100:
            found += [float(n) for n in _NUMBER_IN.findall(given.group(1))][:100 - len(found)]
    return tuple(found)


def depth_letter(text: str) -> str | None:
    """The letter the document's prose names its number of layers by, so the last layer (MathsCode's "suppose the
    network has k layers in total", then ``dZ^{[k]} = A^{[k]} - Y``); None when it names none, or two different ones."""
    found = {next(g for g in m.groups() if g) for m in _DEPTH_PROSE.finditer(text[:MAX_BYTES])}
    return found.pop() if len(found) == 1 else None


#: the prose saying the answer's * is the element-wise product: "Operator \*는 element-wise product를 나타낸다",
#: "where * denotes the elementwise product", "$\ast$ is element-wise multiplication"
_STAR_PROSE = re.compile(r"(?i)(?:\\ast|\\\*|(?<![\\*])\*(?!\*))\$?[^.\n*$]{0,40}?\belement[- ]?wise\b")


def star_elementwise(text: str) -> bool:
    """Whether the prose states that * (or \\ast) is the element-wise product. Each match looks at most 40 characters
    past a star (a lazy run of non-star characters): linear in the text."""
    return bool(_STAR_PROSE.search(text))


#: a batch's array stated with its examples as rows: X \in \mathbb{R}^{B \times 784}, \Delta_2 \in \mathbb{R}^{m \times 10}
_BATCH_ROWS_STATED = re.compile(r"\\in\s*\\mathbb\s*(?:\{\s*)?R\s*(?:\}\s*)?\^\s*\{\s*(?:[mnNBM]|\\text\s*\{\s*batch\s*\})\s*"
                                r"(?:\\times|\\cdot|×|x)")  # (read on the raw text: no two \s* side by side, linear)
#: the prose speaking of training on minibatches (ejhusom's "We utilize minibatches"): a step may be a batch's
_MINIBATCH_PROSE = re.compile(r"(?i)\bmini[- ]?batch(?:es)?\b")
#: a sum over Nielsen's example letter x of a quantity that carries it, \sum_x \delta^{x,l}: the mini-batch's examples
_SUM_OVER_EXAMPLE_X = re.compile(r"\\sum\s*_\s*\{?\s*x\s*\}?[^$=]{0,80}?\^\s*\{\s*x\s*,")
#: the prose declaring one sample's gradients rows: "numerator layout", "Gradients are row vectors" (CMU 11-785's
#: ∇_z Div); not when it speaks of the denominator layout or of gradients as columns too
_ROWS_PROSE = re.compile(r"(?i)\bnumerator[- ]layout\b|\b(?:gradients?|derivatives?)\b[^.$\n]{0,40}?\b(?:are|is|as)\s+(?:an?\s+)?"
                         r"row[- ]vectors?\b")
_COLUMNS_PROSE = re.compile(r"(?i)\bdenominator[- ]layout\b|\b(?:gradients?|derivatives?)\b[^.$\n]{0,40}?\b(?:are|is|as)\s+"
                            r"(?:an?\s+)?column[- ]vectors?\b")
#: the prose naming σ a layer's activation other than the logistic function: "where $\sigma$ is the ReLU in layers 1
#: and 2", "$\sigma$ denotes the element-wise activation", "$\sigma$ is a non-linearity" (Fleuret's lectures)
_SIGMA_PROSE = re.compile(r"(?i)\$\s*\\sigma\s*\$\s+(?:is|denotes|stands\s+for|being)\s+(?:(?:the|an?|any|some)\s+)?"
                          r"(?:(?:generic|element-?wise|point-?wise|non-?linear)\s+)?(?:ReLU|rectifier|tanh|activation|non-?linearity)\b")
#: the prose naming the learning rate's letter: "learning rate $\gamma = 0.1$", "where $\gamma$ is the learning rate"
_RATE_PROSE = re.compile(r"(?i)\blearning[ -]rate\s+(?:of\s+)?\$\s*\\(gamma|eta|alpha|epsilon|lambda|rho|mu)(?![A-Za-z])"
                         r"|\$\s*\\(gamma|eta|alpha|epsilon|lambda|rho|mu)(?![A-Za-z])[^$]{0,12}\$\s+(?:(?:is|as|denotes|being)\s+)?"
                         r"(?:the\s+)?(?:learning[ -]rate|step[ -]size)\b")  # (or "and $\epsilon$ the learning rate")
_ONE_EXAMPLE_PROSE = re.compile(r"(?i)\b(?:assume|assuming|suppose)\s+(?:that\s+)?(?:\$\s*)?m\s*=\s*1(?![0-9.])")
#: the batch a document is judged with when it needs one (it names no size; a 1/m is only seen with more than one example)
DOCUMENT_BATCH = 3


#: the prose naming the true class's index by a letter: "true class $c$", "the correct class $k$", "target class $c$",
#: "label $c$", Charniak's "the correct answer $a$" (not y or t, the target itself)
_LABEL_PROSE = re.compile(r"(?<![A-Za-z])(?:(?:true|correct|target|ground[- ]truth)(?:[ \t]+|[ \t]*\n[ \t]*)"
                          r"(?:class|label|answer|category)|label)(?:[ \t]+index)?"
                          r"(?:[ \t]+|[ \t]*\n[ \t]*)\$[ \t]*([a-z])[ \t]*\$", re.I)  # (a line may break between the words)
#: the label y written as an index: p_y, \hat{y}_y, \mathbf{1}_y, e_y, \log p_{y} (then "the label $y$" names a class)
_Y_AS_INDEX = re.compile(r"(?:(?<![A-Za-z\\])[pe]|\\hat\s*\{\s*y\s*\}|\\mathbf\s*\{\s*1\s*\})\s*_\s*(?:\{\s*y\s*\}|y(?![A-Za-z]))")


def rate_letter(text: str) -> str | None:
    """The Greek letter the prose names the learning rate by (PyTorch's "learning rate $\\gamma$"), when it names one."""
    found = {m.group(1) or m.group(2) for m in _RATE_PROSE.finditer(text[:MAX_BYTES])}
    return found.pop() if len(found) == 1 else None


def label_letters(text: str) -> tuple:
    """The letters the prose names the true class by (``_LABEL_PROSE``), at most two, in order; one pass (two: y only
    where the answer writes it as an index, ``_Y_AS_INDEX``)."""
    found: list = []
    for m in _LABEL_PROSE.finditer(text[:MAX_BYTES]):
        if m.group(1) in "ty" and not (m.group(1) == "y" and _Y_AS_INDEX.search(text[:MAX_BYTES])):
            continue  # (t and y are the target's letters: y names the class only where the answer indexes by it, p_y)
        if m.group(1) not in found:
            found.append(m.group(1))
        if len(found) > 2:
            return ()  # (several letters named so: none is certain)
    return tuple(found)


def document_batch(claims, network, one_example: bool = False) -> int:
    r"""The batch a document (no [values], no ``batch``) is judged with: one example, unless its equations average over
    a batch of m examples (Ng's dW = \frac{1}{m} dZ A^T; so that a missing 1/m shows) or the network has batch norm
    (its statistics are over a batch): then DOCUMENT_BATCH examples. The same for a file, standard input and a
    submission of a batch (``batch.load_submission``)."""
    if network.mixes_samples:
        return _unlike_a_width(network)
    if one_example or getattr(claims, "one_example", False):
        return 1  # Nafiz's "For simplification assume m = 1" after dW[4] = \frac{1}{m} dZ[4] A[3]^T
    from .patternletters import ObservationIndex, PatternFirst

    if PatternFirst.detect(network, claims) is not None or ObservationIndex.detect(network, claims) is not None:
        return 1  # Rumelhart's o_{pj}, E_p, ESL's R_i: every claim is about one pattern p (its index is no batch's)
    if any(_SUM_OVER_EXAMPLE_X.search(c.latex[:4000]) for c in claims[:2000]):
        return _unlike_a_width(network)  # Nielsen's w^l → w^l − \frac{\eta}{m} \sum_x δ^{x,l} (a^{x,l-1})^T: a mini-batch's sum
    per_example = not any(_SAMPLE_MATRIX.search(c.latex) for c in claims)
    if any(_MEAN_OVER_BATCH.search(_SOFTMAX_SUM.sub(" ", c.latex[:4000]))
           and not (per_example and _DEFINES_OBJECTIVE.match(c.latex)) and not _sums_over_units(c.latex) for c in claims):
        return _unlike_a_width(network)
    if (_mean_by_a_sample(claims) or any(augmented.batch_of_rows(c.latex) for c in claims)
            or any(_INPUTS_ENTRY_BY_ENTRY.match(c.latex[:4000]) for c in claims[:2000])
            and any(_SAMPLE_MATRIX_LETTER.search(c.latex[:4000]) for c in claims[:2000])):
        # (a blog's X = \begin{bmatrix} x_{1, 1} & x_{1, 2} \\ x_{2, 1} & x_{2, 2} \end{bmatrix}: the inputs of
        # several examples, one a row, written out entry by entry — and fed to the network, L^{1} = XW^{1} + B^{1})
        return _unlike_a_width(network)  # (AbhiJ2706's \tilde{H}_0 = [X, 1]: the batch X with a column of ones)
    from .ownindex import batch_letters, batch_size_b

    # Lalin's z_{j, i}^{[l]} with i = 1, …, m, z_{:, i}: the answer indexes its examples; a PyTorch write-up's
    # \frac{1}{B}: B examples
    if batch_letters(claims) or batch_size_b(claims):
        return _unlike_a_width(network)
    return 1


#: a derivative of the objective by one example's quantity: \frac{\partial J}{\partial \hat{y}^{(i)}} (bounded scan)
_BY_A_SAMPLE = re.compile(r"\\partial\s*(?:[JLCE]|\\mathcal\s*\{\s*[LJ]\s*\})\s*\}\s*\{\s*\\partial[^=$]{0,40}?"
                          r"\^\s*\{\s*\(\s*[inm]\s*\)\s*\}\s*\}")


#: the inputs of a batch written out as a matrix, entry by entry with two indices (example, feature):
#: X = \begin{bmatrix} x_{1, 1} & x_{1, 2} \\ x_{2, 1} & … \end{bmatrix} (a row break between entries; bounded scan)
_INPUTS_ENTRY_BY_ENTRY = re.compile(
    r"\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?X\s*\}?\s*=\s*\\begin\s*\{\s*[bpBv]?matrix\s*\}\s*"
    r"x\s*_\s*\{\s*\d\s*,?\s*\d\s*\}[^=]{0,200}?\\\\\s*x\s*_\s*\{\s*\d\s*,?\s*\d\s*\}")


def examples_written(claims) -> int | None:
    r"""How many examples the answer's own batch has where it writes its inputs out entry by entry (the rows of its
    ``X = \begin{bmatrix} x_{1,1} & … \\ x_{2,1} & … \end{bmatrix}``); None where it does not, or where two such
    matrices disagree."""
    counts = set()
    for c in claims[:2000]:
        m = _INPUTS_ENTRY_BY_ENTRY.match(c.latex[:4000])
        if m:
            body = c.latex[m.start():c.latex.find("\\end", m.start()) if "\\end" in c.latex else len(c.latex)]
            counts.add(body.count("\\\\") + 1 - (1 if re.search(r"\\\\\s*$", body) else 0))
    return counts.pop() if len(counts) == 1 else None


def _mean_by_a_sample(claims) -> bool:
    """The document defines its objective as the mean over its examples and differentiates it by one example's
    quantity (Quargam's ∂J/∂ŷ^{(i)} = −2(y^{(i)} − ŷ^{(i)}) under J = 1/n Σ): that derivative carries the mean's 1/n,
    which one example hides (1/1), so it is judged with a batch of several."""
    means = any(_DEFINES_OBJECTIVE.match(c.latex) and _MEAN_OBJECTIVE.search(c.latex) for c in claims)
    return means and any(_BY_A_SAMPLE.search(c.latex) for c in claims)


def _unlike_a_width(network) -> int:
    """DOCUMENT_BATCH, or the next size that is no layer's width (with or without Ng's bias unit): a batch as wide as
    a layer makes its arrays square, and a one-sample formula (z = W x with x a column) then fits samples as rows and
    as columns alike."""
    widths = {w + extra for w in network.sizes for extra in (0, 1)}
    return next(b for b in range(DOCUMENT_BATCH, DOCUMENT_BATCH + len(widths) + 1) if b not in widths)


#: the objective's own definition (Britz's L(y, ŷ) = −\frac{1}{N} Σ_n Σ_i y_{n,i} log ŷ_{n,i}): in a document that
#: writes no matrix of samples (X, A, Z, H, Y), a mean there alone does not make the other formulas the batch's — its
#: gradients, which never average, are written for one example (Raschka's and Malik's X, A, Z are a batch's)
_SAMPLE_MATRIX = re.compile(r"(?<![A-Za-z\\])[XAZHY](?![A-Za-z])")


def chosen_batch(notation, batch: int):
    """``notation`` telling the reader of claims (``parser.gradient``) that a batch > 1 is the tool's choice, not the
    answer's."""
    return notation if batch == 1 else replace(notation, options=notation.options + (("chosen_batch", True),))


def document_text(path: Path) -> str:
    """The text of a document file: UTF-8, or UTF-16/UTF-32 with a byte-order mark (an editor's "Unicode"). UTF-16
    without one reads as valid UTF-8 with a NUL after every ASCII character ("no equations found" before): refused
    with what to do, as is any other encoding."""
    return decode_text(path.read_bytes(), str(path))


def decode_text(raw: bytes, source: str) -> str:
    """The text of a document's bytes, read from a file or from standard input alike (document_text's rules)."""
    encoding = bom_encoding(raw)
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        raise AnswerError(f"{source}: not a text file (expected UTF-8 Markdown, LaTeX or a notebook)") from None
    if encoding == "utf-8" and text.count("\x00", 0, 4096) > min(len(text), 4096) // 4:
        raise AnswerError(f"{source}: not a text file (NUL bytes: UTF-16 or UTF-32 without a byte-order mark?); save it "
                          "as UTF-8 Markdown, LaTeX or a notebook")
    return text


#: the algorithms a text names, by the names people write (Ng's headings "Gradient descent with momentum", "RMSprop",
#: "Adam"; Ruder's section titles): a word each, case-insensitive, bounded
_OPTIMIZER_NAMES = re.compile(r"(?<![A-Za-z])(momentum|rms\s?prop|rsmprop|adam|adagrad|adadelta|adamax|nadam|nesterov)"
                              r"(?![A-Za-z])", re.IGNORECASE)


def named_optimizers(text: str) -> frozenset:
    """The optimization algorithms a document's text names (its headings and prose), at most its first 200 000
    characters: three or more make it a survey of several optimizers, whose steps of the others are theirs."""
    names = {m.group(1).lower().replace(" ", "") for m in _OPTIMIZER_NAMES.finditer(text[:200_000])}
    return frozenset("rmsprop" if n in ("rmsprop", "rsmprop") else n for n in names)


#: the suffixes of documents (everything else an answers file is given as is TOML); the one list the CLI and batch
#: grading read (a .pdf is read through pdftotext, best effort)
DOCUMENT_SUFFIXES = (".md", ".markdown", ".qmd", ".rmd", ".tex", ".txt", ".latex", ".ipynb", ".rst", ".html", ".htm", ".pdf")
#: an HTML page by its first characters (standard input: no suffix to tell it by)
_HTML_START = re.compile(r"\s*(?:<!--.{0,2000}?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)


def is_html(text: str) -> bool:
    """Whether a document's text is an HTML page (its doctype or <html> first)."""
    return _HTML_START.match(text[:4096]) is not None
#: reStructuredText's math: a ``.. math::`` directive (its indented block, or the rest of its line) and the
#: ``:math:`…``` role (Sphinx course notes)
_RST_MATH_DIRECTIVE = re.compile(r"^([ \t]*)\.\.[ \t]+math::[ \t]*([^\n]*)\n?", re.M)
_RST_MATH_ROLE = re.compile(r":math:`([^`\n]{1,2000})`")


def rst_text(raw: str) -> str:
    """A reStructuredText document with its math in Markdown's delimiters, every line where it was (ids count lines):
    ``.. math:: a = b`` and a ``.. math::`` directive's indented block become ``$$…$$`` displays (options such as
    ``:label:`` dropped), ``:math:`a = b``` becomes ``$a = b$``. One pass over the lines."""
    lines = raw.split("\n")
    out, i = [], 0
    while i < len(lines):
        m = _RST_MATH_DIRECTIVE.match(lines[i] + "\n")
        if m is None:
            out.append(_RST_MATH_ROLE.sub(lambda r: "$" + r.group(1) + "$", lines[i]))
            i += 1
            continue
        indent, rest = len(m.group(1).expandtabs()), m.group(2).strip()
        if rest:  # .. math:: a_j = \sigma(z_j)
            out.append(f"$${rest}$$")
            i += 1
            continue
        block, j = [], i + 1
        while j < len(lines) and (not lines[j].strip() or len(lines[j].expandtabs()) - len(lines[j].expandtabs().lstrip())
                                  > indent):
            block.append(lines[j])
            j += 1
        while block and not block[-1].strip():
            block.pop()
        body = [ln if not re.match(r"[ \t]*:[a-z]+:", ln) else "" for ln in block]  # (:label: eq1, :nowrap:)
        if not body:
            out.append(lines[i])
            i += 1
            continue
        out.append("$$")
        out.extend(body[:-1])
        out.append(body[-1] + " $$")  # (closed on its last line: every later line keeps its number)
        out.extend([""] * (j - i - 1 - len(body)))  # (the block's trailing blank lines)
        i = j
    return "\n".join(out)


def load_document(path: str | Path) -> list[Claim]:
    """The claims of a document file (.md, .tex, .txt, .ipynb, .rst, .html; a .pdf best effort)."""
    path = Path(path)
    if not path.is_file():
        raise AnswerError(no_file(path, "document"))
    notebook = path.suffix.lower() == ".ipynb"
    page = path.suffix.lower() in (".html", ".htm")  # (an exported notebook's page: its styles make it megabytes)
    if path.stat().st_size > (MAX_NOTEBOOK_BYTES if notebook or page else MAX_BYTES):
        if page:
            raise AnswerError(f"{path}: the page is larger than {MAX_NOTEBOOK_BYTES} bytes; export the notebook without "
                              "its outputs, or submit the .ipynb file")
        if notebook:
            raise AnswerError(f"{path}: the notebook is larger than {MAX_NOTEBOOK_BYTES} bytes; clear its outputs in Jupyter "
                              "(Edit > Clear Outputs of All Cells), save it and submit it again")
        raise AnswerError(f"{path}: the document is larger than {MAX_BYTES} bytes")
    if path.suffix.lower() == ".pdf":
        return extract(pdf_text(path), str(path))
    raw = text = document_text(path)
    if notebook:
        text = notebook_text(raw, str(path))
    elif page:
        text = htmltext.html_text(text)
    elif path.suffix.lower() == ".rst":
        text = rst_text(text)
    claims = extract(text, str(path))
    if notebook and not claims:  # Ng's notebook with its derivation in NumPy only (codecells.py)
        claims = code_cell_claims(raw, str(path)) or claims
    claims.optimizers = named_optimizers(text)  # (a survey of several optimizers: Judge._surveys_optimizers)
    return claims


def code_cell_claims(raw: str, source: str) -> DocumentClaims | None:
    """The claims of a notebook's code cells, each under its id ``cell N line J`` (codecells.py), for a notebook whose
    Markdown cells hold no equation; None when no line of its code is one."""
    from . import codecells

    try:
        cells = json.loads(raw).get("cells")
    except (ValueError, RecursionError, AttributeError):
        return None
    text, ids = codecells.code_claims(cells if isinstance(cells, list) else [])
    if not ids:
        return None
    claims = extract(text, source)
    renamed = []
    for c in claims:
        line, _, rest = c.id.removeprefix("line ").partition("#")
        if not line.isdigit() or int(line) not in ids:
            continue
        renamed.append(replace(c, id=ids[int(line)] + (f"#{rest}" if rest else ""), rows=()))
    if not renamed:
        return None
    return DocumentClaims(renamed, one_example=claims.one_example, notices=(
        *claims.notices, "the notebook's Markdown cells hold no equation: each line of its code cells that assigns a "
        "formula of the pass (Z1 = np.dot(W1, X) + b1, dW1 = …) is read as its claim, by cell and line"))
