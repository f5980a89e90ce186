"""Presentation sits apart from the mathematics: derive/ never imports gradproof.proof at module level.

The one exception is ``Derivation._repr_latex_`` (a notebook display hook, imported when a notebook shows a
Derivation), so importing the maths never loads the printers and there is no import cycle derive <-> proof.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _module_level_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in tree.body:  # module level only: a function's lazy import runs when called
        if isinstance(node, ast.ImportFrom):
            out.append(("." * node.level) + (node.module or ""))
        elif isinstance(node, ast.Import):
            out += [a.name for a in node.names]
    return out


def test_derive_does_not_import_the_presentation():
    bad = [
        f"{p.name}: {m}"
        for p in sorted((ROOT / "derive").glob("*.py"))
        for m in _module_level_imports(p)
        if m.startswith("gradproof.proof") or m.lstrip(".").split(".")[0] in {"proof", "steps", "latex", "report", "equations"}
    ]
    assert not bad, bad


def test_deriving_loads_no_printer():
    code = (
        "import sys; from gradproof.derive.spec import load_spec; from gradproof.derive.derivation import derive; "
        f"derive(load_spec({str(ROOT / 'examples' / 'reference_mlp.toml')!r}), check=False); "
        "print(sorted(m for m in sys.modules if m.startswith('gradproof.proof')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"
