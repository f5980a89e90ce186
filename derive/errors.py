"""The one error hierarchy of gradproof: library code raises these, only the CLI prints and exits."""

from __future__ import annotations

import difflib
import re


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


def _folded(word: str) -> str:
    """A spelling without case, underscores, hyphens or spaces: PyTorch's ``LeakyReLU`` is ``leaky_relu``."""
    return re.sub(r"[\s_\-]", "", word).lower()


def did_you_mean(word: str, choices) -> str:
    """Return ``"; did you mean 'x'?"`` for the closest choice, or ``""`` when nothing is close.

    A choice spelt the same but for case and separators wins (``LeakyReLU`` → ``leaky_relu``, ``dw2`` → ``dW2``);
    then those one typing slip away (a letter wrong, missing, extra, or two swapped: ``adma`` → ``adam``, not the
    longer ``adamax`` difflib would rank first); else the closest by ``difflib``, as click does.
    """
    names = sorted(map(str, choices))
    folded = [c for c in names if _folded(c) == _folded(str(word)) and c != str(word)]
    slip = [c for c in names if c != str(word) and _one_slip(str(word), c)]
    close = folded[:1] or slip or _closest(str(word), names)
    return "; did you mean " + " or ".join(f"'{c}'" for c in close) + "?" if close else ""


def _one_slip(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter changed, added or removed, or two neighbours swapped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    k = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[k:] == long_[k + 1:]


def _closest(word: str, names: list) -> list:
    """The names closest to ``word`` by difflib's ratio (cutoff 0.6), all of them when several tie (Adam's ``beta``
    is as close to ``beta1`` as to ``beta2``: naming one would guess)."""
    close = difflib.get_close_matches(word, names, n=3, cutoff=0.6)
    if not close:
        return []
    best = difflib.SequenceMatcher(None, word, close[0]).ratio()
    return sorted(c for c in close if difflib.SequenceMatcher(None, word, c).ratio() == best)
