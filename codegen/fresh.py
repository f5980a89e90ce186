"""Freshness of generated/: render every examples/*.toml in memory and diff it with generated/<name>.py."""

from __future__ import annotations

import difflib
from pathlib import Path

from gradproof.derive.derivation import derive
from gradproof.derive.spec import load_spec

from .render import render_module


def stale_modules(root: Path) -> list[tuple[Path, str]]:
    """(path, unified diff) for every generated module under ``root/generated`` that differs from a fresh render.

    The instantiation checks are skipped (the rendering does not depend on them); a missing module is
    stale with a diff from /dev/null.

    Raises:
        SpecError, DerivationError, CodegenError: an example spec cannot be loaded, derived or rendered.
    """
    root = Path(root)
    out = []
    for spec in sorted((root / "examples").glob("*.toml")):
        rel = spec.relative_to(root).as_posix()
        d = derive(load_spec(spec), check=False)
        fresh = render_module(d, rel)
        path = root / "generated" / f"{d.network.name}.py"
        current = path.read_text(encoding="utf-8") if path.is_file() else ""
        if current != fresh:
            name = path.relative_to(root).as_posix()
            diff = difflib.unified_diff(current.splitlines(keepends=True), fresh.splitlines(keepends=True),
                                        fromfile=f"a/{name}" if current else "/dev/null", tofile=f"b/{name}")
            out.append((path, "".join(diff)))
    return out
