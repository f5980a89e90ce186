"""The one error hierarchy of gradproof: library code raises these, only the CLI prints and exits."""

from __future__ import annotations

import difflib


class GradproofError(Exception):
    """Base class: a message that says what went wrong, where, and what to do."""

    exit_code = 2


class SpecError(GradproofError):
    """A network spec is malformed or asks for something unsupported."""


class FormulaError(SpecError):
    """A user formula could not be read with the whitelisted grammar."""


class DerivationError(GradproofError):
    """SymPy could not derive or check a result (for example it ran out of time)."""


class CodegenError(GradproofError):
    """A generated module failed to render or to parse."""


class AnswerError(GradproofError):
    """An answers file is malformed (per-claim problems are verdicts, not errors)."""


class UsageError(GradproofError):
    """The command line asked for something impossible."""


def did_you_mean(word: str, choices) -> str:
    """Return ``"; did you mean 'x'?"`` for the closest choice, or ``""`` when nothing is close."""
    close = difflib.get_close_matches(str(word), sorted(map(str, choices)), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""
