"""Extract the display equations of a Markdown or LaTeX homework: $$…$$, \\[…\\], equation/align environments."""

from __future__ import annotations

import re
from pathlib import Path

from gradproof.derive.errors import AnswerError

from .judge import Claim

MAX_BYTES = 1_000_000
MAX_EQUATIONS = 2000
_DISPLAY = re.compile(
    r"\$\$(?P<dollars>.+?)\$\$"
    r"|\\\[(?P<brackets>.+?)\\\]"
    r"|\\begin\{(?P<env>equation|align|gather|eqnarray|multline|flalign|alignat|displaymath|math)(?P<star>\*?)\}(?P<body>.+?)\\end\{(?P=env)(?P=star)\}"
    r"|^```math\s*\n(?P<fence>.+?)^```",
    re.S | re.M,
)
_SPLIT_ENVS = ("align", "gather", "eqnarray", "multline", "flalign", "alignat")
_LABEL = re.compile(r"\\label\{([^{}]{1,60})\}")
_COMMENT = re.compile(r"(?<!\\)%.*$", re.M)


def extract(text: str, source: str = "<document>") -> list[Claim]:
    """Every display equation, one claim per line of an align-like environment, labelled by its line."""
    if len(text) > MAX_BYTES:
        raise AnswerError(f"{source}: the document is larger than {MAX_BYTES} bytes")
    claims: list[Claim] = []
    for m in _DISPLAY.finditer(text):
        body = next(g for g in (m.group("dollars"), m.group("brackets"), m.group("body"), m.group("fence")) if g is not None)
        start = text.count("\n", 0, m.start()) + 1
        env = m.group("env") or ""
        body = _COMMENT.sub("", body) if not m.group("dollars") else body
        parts = _split_rows(body) if env in _SPLIT_ENVS else [(0, body)]
        for k, (offset, part) in enumerate(parts):
            offset += len(part) - len(part.lstrip())
            label = _LABEL.search(part)
            part = _outer_ampersands(_LABEL.sub(" ", part)).strip().rstrip(",.;")
            if not part:
                continue
            line = start + body[:offset].count("\n")
            cid = label.group(1) if label else (f"line {line}" if len(parts) == 1 else f"line {line}.{k + 1}")
            claims.append(Claim(cid, part, None, f"line {line}"))
            if len(claims) > MAX_EQUATIONS:
                raise AnswerError(f"{source}: more than {MAX_EQUATIONS} display equations")
    return _unique(claims)


def _outer_ampersands(text: str) -> str:
    """Drop the alignment points & of align, keeping those inside matrix and cases environments."""
    out, depth, i = [], 0, 0
    while i < len(text):
        if text.startswith("\\begin{", i):
            depth += 1
        elif text.startswith("\\end{", i):
            depth -= 1
        out.append(" " if text[i] == "&" and depth == 0 and (i == 0 or text[i - 1] != "\\") else text[i])
        i += 1
    return "".join(out)


def _split_rows(body: str) -> list[tuple[int, str]]:
    """Split an align body at row breaks \\\\ that are not inside a matrix or cases environment."""
    rows, depth, cur, i, start = [], 0, [], 0, 0
    while i < len(body):
        if body.startswith("\\begin{", i):
            depth += 1
        elif body.startswith("\\end{", i):
            depth -= 1
        if body.startswith("\\\\", i) and depth == 0:
            rows.append((start, "".join(cur)))
            cur = []
            i += 2
            start = i
            continue
        cur.append(body[i])
        i += 1
    rows.append((start, "".join(cur)))
    return rows


def _unique(claims: list[Claim]) -> list[Claim]:
    seen: dict[str, int] = {}
    out = []
    for c in claims:
        n = seen.get(c.id, 0)
        seen[c.id] = n + 1
        out.append(c if n == 0 else Claim(f"{c.id}#{n + 1}", c.latex, c.quantity, c.where))
    return out


def load_document(path: str | Path) -> list[Claim]:
    path = Path(path)
    if not path.is_file():
        raise AnswerError(f"{path}: no such document")
    if path.stat().st_size > MAX_BYTES:
        raise AnswerError(f"{path}: the document is larger than {MAX_BYTES} bytes")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise AnswerError(f"{path}: not a text file (expected UTF-8 Markdown or LaTeX)") from None
    return extract(text, str(path))
