"""Run every hunt answer listed in the READMEs of ../hunt47, this folder and the later rounds' and report, per answer, its verdicts and any
`incorrect` verdict on a line that is not marked as planted (slip, wrong, planted): a likely false reject.

    .venv/bin/python docs/handover/hunt48/check.py        (from the repository root)
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GRADPROOF = Path(sys.executable).with_name("gradproof")
#: a table row of a README: | answer(s) | spec | …
ROW = re.compile(r"^\|\s*([^|]+?)\s*\|\s*(net[^|\s]*\.toml)\s*\|", re.M)
PLANTED = re.compile(r"slip|wrong|planted", re.I)


def _line_of(text: list, claim: dict, by_id: bool = True) -> int | None:
    """The index of the line the claim stands on: from its id (line N), else where its text's start is found."""
    line = re.match(r"line (\d+)", claim["id"])
    if line and by_id:
        return int(line.group(1)) - 1
    for size in (40, 20, 10):
        piece = claim["latex"][:size]
        escaped = json.dumps(piece)[1:-1]  # (a notebook's cells are JSON strings: its backslashes doubled)
        found = [k for k, row in enumerate(text) if piece in row or escaped in row]
        if found:
            return found[-1]
    plain = _unplain(claim["latex"])[:20]  # (a plain-text answer's claim as verify spells it: yhat as \hat{y}, δ as \delta)
    found = [k for k, row in enumerate(text) if plain and plain in _unplain(row)]
    return found[-1] if found else None


def _unplain(text: str) -> str:
    r"""``text`` without the spellings plain_math gives a plain-text line: \hat{y} as yhat, no backslashes or spaces."""
    return re.sub(r"\\hat\{(\w)\}", r"\1hat", text).replace("\\", "").replace(" ", "")


def main() -> int:
    suspicious = 0
    for folder in sorted(HERE.parent.glob("hunt[0-9]*")):  # (round 47's, 48's, 49's … answers)
        for answers, spec in ROW.findall((folder / "README.md").read_text()):
            for answer in re.split(r",\s*", answers):
                path = folder / answer.strip()
                run = subprocess.run([str(GRADPROOF), "verify", str(path), "--spec", str(folder / spec), "--json"],
                                     capture_output=True, text=True)
                try:
                    claims = json.loads(run.stdout)["claims"]
                except (ValueError, KeyError):
                    print(f"{path.name}: no report ({run.stderr.strip()[:120]})")
                    continue
                counts = {v: sum(c["verdict"] == v for c in claims) for v in ("correct", "incorrect", "unchecked")}
                print(f"{folder.name}/{path.name} [{spec}]: {counts['correct']} / {counts['incorrect']} / {counts['unchecked']}")
                text = path.read_text().splitlines()
                for c in claims:
                    if c["verdict"] != "incorrect":
                        continue
                    at = _line_of(text, c, path.suffix != ".ipynb")  # (a notebook's line ids are its cells')
                    if at is None or not PLANTED.search("\n".join(text[max(0, at - 4):at + 1])):
                        suspicious += 1
                        print(f"    incorrect, not marked planted: {c['id']}: {c['latex'][:100]}")
    print(f"{suspicious} incorrect verdicts on lines not marked planted (each a possible false reject: look)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
