"""A reading that rewrites each claim's text before the parser reads it and shows the claim as written in the report
(modules.py's layers as modules, unitnames.py's own names): the one ``prepare``/``restore`` pair they share."""

from __future__ import annotations

import re
from dataclasses import replace

#: a letter written bold: \mathbf{, \boldsymbol{, \bm{ (then the letter and its closing brace)
BOLD = r"\\(?:mathbf|boldsymbol|bm)\s*\{\s*"
#: no superscript after a letter's scripts but a transpose: y_j^l, w_{ij}^{2} are a layer's — another notation's letters,
#: which a reading of unit letters leaves alone (y_j^T stays readable)
NO_LAYER_SCRIPT = r"(?!\s*\^\s*(?!\{?\s*(?:T|\\top)(?![A-Za-z])))"
#: the Latin letters a reading may read an answer's own unit letter as (Marsland's ζ, Alpaydın's h, Kröse's o, Nilsson's l)
_FRESH = ("q", "p", "r", "u", "v", "s", "c", "e", "f")
#: one script after a letter: _{…}, _x, ^{…}, ^x, ^\mu (a brace of at most 12 characters, no nested brace)
_SCRIPT = re.compile(r"\s*([_^])\s*(\{[^{}$]{0,12}\}|\\[A-Za-z]+|[A-Za-z0-9])")
#: a replacement kept aside during a rewrite (``Placeholders``)
_KEPT = re.compile("\x00(\\d+)\x00")


def letter_scripts(text: str, at: int, sup_ok=None) -> tuple[int, str | None, str | None]:
    """The subscript and superscript after a letter ending at ``at``, at most one of each, in either order (``V_j^\\mu``,
    ``x^t_j``): (the end of the scripts, the subscript's body, the superscript's body); a second script of the same
    kind, or a transpose or power after them, is left where it is (so is a superscript ``sup_ok`` refuses)."""
    sub = sup = None
    for _ in range(2):
        m = _SCRIPT.match(text, at)
        if m is None:
            break
        mark, body = m.group(1), m.group(2)
        if mark == "_" and sub is None:
            sub = body
        elif mark == "^" and sup is None and (sup_ok is None or sup_ok(body)):
            sup = body
        else:
            break
        at = m.end()
    return at, sub, sup


#: y written with a unit subscript and a superscript (not a transpose): y_j^l, y_{i}^{l-1}, y^{(2)}_k — the answer's own
#: y is a layer's output, so a reading that writes the target as y would read the answer's y wrongly
_LAYERED_Y = re.compile(r"(?<![A-Za-z\\])y\s*(?:_\s*(?:\{[^{}$]{1,6}\}|[a-z0-9])\s*\^\s*(?!\{?\s*(?:T|\\top)(?![A-Za-z]))"
                        r"|\^\s*(?!\{?\s*(?:T|\\top)(?![A-Za-z]))(?:\{[^{}$]{1,6}\}|[a-z0-9])\s*_)")


def layered_y(texts) -> bool:
    """Whether some claim writes y as a layer's output (``_LAYERED_Y``): readings that name the target y keep off."""
    return any(_LAYERED_Y.search(t) for t in texts)


#: an update written with the parameter's old and new values: w_{jk}(\text{new}) = w_{jk}(\text{old}) + \Delta w_{jk}
_NEW = re.compile(r"\(\s*(?:\\(?:text|mathrm|rm)\s*\{\s*)?new\s*\}?\s*\)\s*=")
_OLD = re.compile(r"\(\s*(?:\\(?:text|mathrm|rm)\s*\{\s*)?old\s*\}?\s*\)")


def replace_heads(text: str, heads: re.Pattern, read) -> str:
    """``text`` with each match of ``heads`` (a letter) and the scripts after it replaced as ``read(match)`` says — (the
    replacement, where the replaced span ends), or None to leave it; a match inside a replaced span is skipped. One
    linear pass (the readings that scan letters with their scripts: hkpletters.py, alpaydinletters.py, …)."""
    out, at = [], 0
    for m in heads.finditer(text):
        if m.start() < at:
            continue
        got = read(m)
        if got is None:
            continue
        out.append(text[at:m.start()])
        out.append(got[0])
        at = got[1]
    out.append(text[at:])
    return "".join(out)


def new_old_update(text: str, keep) -> str:
    r"""``w(\text{new}) = w(\text{old}) + Δw`` as the assignment ``w \leftarrow w + Δw`` (one of each mark in the claim;
    ``keep``: the rewrite's Placeholders.keep), any other text as it is (theodoridisletters.py, fausettletters.py)."""
    if len(_NEW.findall(text)) == 1 and len(_OLD.findall(text)) == 1:
        return _OLD.sub("", _NEW.sub(lambda m: keep(" \\leftarrow"), text))
    return text


#: a layer superscript: r, {r-1}, {(m+1)}, L, M, 2
_GENERIC_LAYER = re.compile(r"^\{?\s*\(?\s*(?:(?P<l>[a-zA-Z])\s*(?:(?P<sign>[+-])\s*(?P<off>\d))?|(?P<n>\d+))\s*\)?\s*\}?$")


def generic_layer(sup: str, letter: str, last: str) -> str | None:
    """A layer superscript written with the answer's own layer letter (Theodoridis's r, Hertz–Krogh–Palmer's m; their
    last layer ``last``, L or M) in gradproof's generic spelling: r-1 → {(l-1)}, L → {(L)}, 2 → {(2)}; None for any
    other superscript. (Read so, the letter cannot be taken for an optimizer's state: RMSprop's r, Adam's m.)"""
    m = _GENERIC_LAYER.match(sup.strip())
    if m is None:
        return None
    if m.group("n"):
        return "{(" + m.group("n") + ")}"
    base = {letter: "l", last: "L"}.get(m.group("l"))
    if base is None:
        return None
    return "{(" + base + (m.group("sign") + m.group("off") if m.group("sign") else "") + ")}"


def fresh_letters(text: str, wanted, avoid: str = "") -> dict | None:
    """{each of ``wanted``: a Latin letter ``text`` does not use (nor ``avoid``), each its own}, read in place of the
    answer's own unit letters in one claim (and named back with ``name_back``); None when too few are free."""
    used = set(re.findall(r"(?<![A-Za-z\\])[a-z](?![A-Za-z])", text)) | set(avoid)
    pool = iter(c for c in _FRESH if c not in used)
    out = {w: next(pool, None) for w in wanted}
    return None if None in out.values() else out


def name_back(result, back: dict) -> None:
    """The report's index letters named as the answer writes them (``back``: {letter read: letter written}), in "for
    every q = 1…4" and "the index q", in the result's message and notes (marslandletters.py's ζ read as q)."""
    if not back:
        return
    letters = "|".join(re.escape(k) for k in back)
    pattern = re.compile(rf"(?<![A-Za-z\\])({letters})(?= = \d)|(?<=the index )({letters})(?![A-Za-z])")

    def named(text: str) -> str:
        return pattern.sub(lambda m: back[m.group(1) or m.group(2)], text)

    result.message = named(result.message)
    result.notes = [named(n) if isinstance(n, str) else n for n in result.notes]


class Placeholders:
    """Replacements kept aside during one claim's rewrite, so that no pass reads another pass's output: ``keep(text)``
    gives a placeholder, ``restore(text)`` puts every replacement back (greekweights.py, mlappletters.py). A text that
    already holds the placeholder character is not rewritten (``usable``)."""

    def __init__(self):
        self.made: list[str] = []

    @staticmethod
    def usable(text: str) -> bool:
        return "\x00" not in text

    def keep(self, out: str) -> str:
        self.made.append(out)
        return f"\x00{len(self.made) - 1}\x00"

    def restore(self, text: str) -> str:
        return _KEPT.sub(lambda m: self.made[int(m.group(1))], text)


class Rewriting:
    """Subclasses give ``rewrite(text) -> text`` and set ``originals`` (claim id -> the text as written) to a dict;
    ``max_length`` bounds the claims rewritten (longer ones stay as written; None: no bound)."""

    originals: dict
    max_length: int | None = None

    def rewrite(self, text: str) -> str:
        raise NotImplementedError

    def prepare(self, claims) -> list:
        out = []
        for c in claims:
            fits = self.max_length is None or len(c.latex) <= self.max_length
            text = self.rewrite(c.latex) if fits else c.latex
            if text != c.latex:
                self.originals[c.id] = c.latex
                c = replace(c, latex=text)
            out.append(c)
        return out

    def restore(self, results) -> None:
        """Each result shows the claim as the answer wrote it."""
        for r in results:
            if r.id in self.originals:
                r.latex = self.originals[r.id]
