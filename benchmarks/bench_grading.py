"""Time batch grading (issue 15: 300 submissions × 20 claims in under 60 s on 2 cores).

Generates a course's folder: each submission takes the 20 claims of bench_verify.py (half of them right, half with
typical mistakes), swaps some for another claim about the same quantity (so students differ in which mistakes they
make), writes them in one course notation (parentheses or Ng's brackets) and in one format (.md with \\tag labels,
.tex with align, .toml answers, or a subfolder with a .md inside). Then runs the real command:

    gradproof verify DIR --spec examples/reference_mlp.toml --rubric RUBRIC --summary grades.csv --jobs 2

Run: .venv/bin/python benchmarks/bench_grading.py [N] [--jobs J] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_verify import CLAIMS  # noqa: E402

RUBRIC = """
[[questions]]
id = "Q1"
points = 1
expects = ["delta3"]
[[questions]]
id = "Q2"
points = 2
expects = ["delta2", "delta1"]
carried_forward = 0.5
[[questions]]
id = "Q3"
points = 3
expects = ["dW3", "dW2", "dW1"]
show_expected = false
[[questions]]
id = "Q4"
points = 2
expects = ["db1", "db2", "dh2", "dh1"]
"""


def _lhs(claim: str) -> str:
    return claim.split("=")[0].strip()


def submission_claims(rng: random.Random) -> list[str]:
    """20 claims: each kept, or (one in four) swapped for another claim with the same left-hand side."""
    out = []
    for c in CLAIMS:
        same = [d for d in CLAIMS if _lhs(d) == _lhs(c)]
        out.append(rng.choice(same) if rng.random() < 0.25 else c)
    if rng.random() < 0.5:
        out = [c.replace("^{(", "^{[").replace(")}", "]}") for c in out]  # Ng's bracket layer indices
    return out


def write_submission(folder: Path, i: int, rng: random.Random) -> None:
    claims = submission_claims(rng)
    kind = i % 4
    if kind == 0:
        body = "".join(f"$$ {c} \\tag{{{k}}} $$\n\n" for k, c in enumerate(claims, start=1))
        (folder / f"student{i:03d}.md").write_text(f"# Homework, student {i}\n\n{body}", encoding="utf-8")
    elif kind == 1:
        rows = " \\\\\n".join(claims)
        (folder / f"student{i:03d}.tex").write_text(f"\\section*{{Answers}}\n\\begin{{align}}\n{rows}\n\\end{{align}}\n",
                                                    encoding="utf-8")
    elif kind == 2:
        body = "".join(f"\n[[claims]]\nid = \"{k}\"\nlatex = '''{c}'''\n" for k, c in enumerate(claims, start=1))
        (folder / f"student{i:03d}.toml").write_text('spec = "ignored.toml"\n' + body, encoding="utf-8")
    else:
        sub = folder / f"student{i:03d}"
        sub.mkdir()
        body = "".join(f"\\begin{{equation}} {c} \\end{{equation}}\n" for c in claims)
        (sub / "answer.md").write_text(body, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=300)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", help="write the submissions here (kept) instead of a temporary folder")
    args = ap.parse_args()
    rng = random.Random(15)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(args.keep) if args.keep else Path(tmp)
        folder = base / "submissions"
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(args.n):
            write_submission(folder, i, rng)
        (base / "rubric.toml").write_text(RUBRIC, encoding="utf-8")
        summary = base / "grades.csv"
        cmd = [str(ROOT / ".venv" / "bin" / "gradproof"), "verify", str(folder), "--spec", str(ROOT / "examples" / "reference_mlp.toml"),
               "--rubric", str(base / "rubric.toml"), "--summary", str(summary), "--jobs", str(args.jobs),
               "--total-time", "inf"]  # the whole class, however long it takes (the default stops a run at 24 s)
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if proc.returncode != 0:
            sys.exit(f"exit {proc.returncode}: {proc.stderr}")
        rows = list(csv.DictReader(summary.open(encoding="utf-8")))
        graded = sum(r["status"] == "graded" for r in rows)
        scores = sorted(float(r["score"]) for r in rows)
        print(f"{args.n} submissions × {len(CLAIMS)} claims, --jobs {args.jobs}: {wall:.1f} s wall "
              f"({wall / args.n * 1000:.0f} ms per submission); {graded} graded; "
              f"scores {scores[0]:g}…{scores[-1]:g} of {rows[0]['max_score']} (median {scores[len(scores) // 2]:g})")
        sys.exit(0 if wall < 60 else 1)


if __name__ == "__main__":
    main()
