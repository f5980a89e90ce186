"""A reading that rewrites each claim's text before the parser reads it and shows the claim as written in the report
(modules.py's layers as modules, unitnames.py's own names): the one ``prepare``/``restore`` pair they share."""

from __future__ import annotations

from dataclasses import replace


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
