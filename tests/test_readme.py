"""The README's example output stays true: every ```console block is run and its output compared.

Timings (``1.53 s``) are masked. To refresh the blocks after a deliberate change of output:
``.venv/bin/python tests/test_readme.py --update``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BLOCK = re.compile(r"```console\n(.*?)```", re.S)
TIMING = re.compile(r"\d+(?:\.\d+)? s\b")
#: a relative error at the level of float64 rounding (1e-16 … 1e-12): its digits depend on the NumPy/SymEngine build
ROUNDING = re.compile(r"(max relative error )\d\.\de-1[2-6]\b")


def run_command(command: str) -> str:
    """Run one ``gradproof ...`` line of the README from the project root; stdout and stderr, as a user sees them."""
    argv = command.split()
    assert argv[0] == "gradproof", command
    env = {**os.environ, "PYTHONHASHSEED": "0", "COLUMNS": "120"}
    result = subprocess.run([sys.executable, "-m", "gradproof.cli", *argv[1:]], cwd=ROOT, capture_output=True,
                            text=True, timeout=300, env=env)
    return result.stdout + result.stderr


def blocks(text: str) -> list[tuple[re.Match, list[tuple[str, str]]]]:
    """Each console block as (match, [(command, output)])."""
    out = []
    for m in BLOCK.finditer(text):
        pairs, command, lines = [], None, []
        for line in m.group(1).splitlines():
            if line.startswith("$ "):
                if command is not None:
                    pairs.append((command, "\n".join(lines)))
                command, lines = line[2:], []
            else:
                lines.append(line)
        if command is not None:
            pairs.append((command, "\n".join(lines)))
        out.append((m, pairs))
    return out


def mask(text: str) -> str:
    return ROUNDING.sub(r"\1(rounding)", TIMING.sub("… s", text)).rstrip()


def update() -> None:
    text = README.read_text(encoding="utf-8")
    pieces, last = [], 0
    for m, pairs in blocks(text):
        body = "".join(f"$ {cmd}\n{run_command(cmd).rstrip()}\n".replace("\n\n$", "\n$") for cmd, _ in pairs)
        pieces += [text[last:m.start()], f"```console\n{body}```"]
        last = m.end()
    README.write_text("".join(pieces) + text[last:], encoding="utf-8")


CASES = [(cmd, expected) for _, pairs in blocks(README.read_text(encoding="utf-8")) for cmd, expected in pairs]


@pytest.mark.parametrize("command, expected", CASES, ids=[c for c, _ in CASES])
def test_readme_output_is_true(command, expected):
    assert mask(run_command(command)) == mask(expected)


def test_readme_has_the_two_commands():
    text = README.read_text(encoding="utf-8")
    assert "make demo" in text and "make test" in text
    assert len(CASES) >= 6


if __name__ == "__main__":
    if "--update" in sys.argv:
        update()


def test_readme_code_excerpt_is_from_generated():
    """The excerpt of generated/reference_mlp.py shown in the README is really in that file."""
    text = README.read_text(encoding="utf-8")
    excerpt = text.split("An excerpt of `generated/reference_mlp.py`:\n\n```python\n", 1)[1].split("```", 1)[0]
    assert excerpt.strip() and excerpt in (ROOT / "generated" / "reference_mlp.py").read_text(encoding="utf-8")
