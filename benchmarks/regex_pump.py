"""Pump every regular expression of a package with repeated snippets and list those whose time grows faster than the
input (backtracking on untrusted text, issue 12).

    .venv/bin/python benchmarks/regex_pump.py verify            # claims as verify reads them (white space squeezed)
    .venv/bin/python benchmarks/regex_pump.py verify --raw      # the raw text (document-level patterns see it)

Patterns: every module-level compiled pattern (also inside dicts) and every literal pattern passed to ``re.search``,
``re.match``, ``re.sub``… in the package's source. Each is searched (unanchored: the worst use) in
``prefix + snippet × n + "!"`` for prefixes and snippets drawn from a generic LaTeX alphabet and the pattern's own
literals; a pattern is listed when the worst string takes over 5 ms at n = 600, with the time at 4n and the ratio
(4 is linear, 16 quadratic). A pattern used with ``fullmatch``/``match`` may be linear in use although listed here:
check how it is called. Takes a few minutes of one core (recorded in docs/RELIABILITY.md, "Round four").
"""

from __future__ import annotations

import ast
import importlib
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERIC = [" ", "{", "}", "\\", "_", "^", "_{", "^{", "a", "a ", "a_", "x_", "\\sum_", "+", "=", "W ", "t ", "(", ")", "_{a",
           "{a}", "\\frac{", "\\partial ", "\\delta", "^{(1)}", "_1", "1", "- ", "\\,", "$", "$$", "\n", "\\[", "\\begin{align}",
           "a}", "{}", "-", ".", "%"]
PREFIXES = ["", "^", "_", "{", "(", "a"]
N = 600


def patterns(package: str) -> dict:
    found = {}
    for f in sorted((ROOT / package).glob("*.py")):
        module = importlib.import_module(f"gradproof.{package}.{f.stem}")
        for name, value in vars(module).items():
            for p in value.values() if isinstance(value, dict) else [value]:
                if isinstance(p, re.Pattern):
                    found[(f.stem, name, p.pattern)] = p
        for node in ast.walk(ast.parse(f.read_text())):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and getattr(node.func.value, "id", "") == "re"
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                try:
                    found[(f.stem, f"line {node.lineno}", node.args[0].value)] = re.compile(node.args[0].value)
                except re.error:
                    pass
    return found


def literals(pattern: str) -> list[str]:
    return list(dict.fromkeys(t.replace("\\\\", "\\") for t in re.findall(r"\\\\[A-Za-z]+|[A-Za-z]{2,}", pattern)))[:12]


def seconds(p: re.Pattern, s: str) -> float:
    t0 = time.process_time()
    p.search(s)
    return time.process_time() - t0


def main(args: list[str]) -> int:
    from gradproof.verify.normalize import squeeze_space

    package = next((a for a in args if not a.startswith("-")), "verify")
    shape = (lambda s: s) if "--raw" in args else squeeze_space
    slow = []
    for key, p in patterns(package).items():
        snippets = list(dict.fromkeys(GENERIC + literals(p.pattern)))
        worst = max(((seconds(p, shape(a + b * N + "!")), a, b) for a in PREFIXES + snippets[-12:] for b in snippets))
        if worst[0] > 0.005:
            _, a, b = worst
            t1, t4 = seconds(p, shape(a + b * N + "!")), seconds(p, shape(a + b * 4 * N + "!"))
            slow.append((t4, t4 / max(t1, 1e-6), key, a, b))
    for t4, ratio, (module, name, pattern), a, b in sorted(slow, reverse=True):
        print(f"{module}:{name}  {t4:.3f} s at 4n (x{ratio:.0f})  {a!r} + {b!r} * n\n    {pattern[:150]}")
    print(f"{len(slow)} patterns grow faster than linear (search; check how each is called)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
