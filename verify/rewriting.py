"""A reading that rewrites each claim's text before the parser reads it and shows the claim as written in the report
(modules.py's layers as modules, unitnames.py's own names): the one ``prepare``/``restore`` pair they share."""

from __future__ import annotations

import re
from dataclasses import replace

#: a replacement kept aside during a rewrite (``Placeholders``)
_KEPT = re.compile("\x00(\\d+)\x00")


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
