"""Import a generated module from its file (tests, benchmarks and the demo use it; the CLI does not)."""

from __future__ import annotations

import importlib.util
import itertools
from pathlib import Path
from types import ModuleType

_COUNTER = itertools.count()


def import_path(path: Path, name: str | None = None) -> ModuleType:
    """Execute the generated module at ``path`` as a fresh module object (not added to ``sys.modules``)."""
    path = Path(path)
    name = name or f"gradproof_generated_{path.stem}_{next(_COUNTER)}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(d, out_dir: Path, spec_path: str = "examples/spec.toml") -> ModuleType:
    """Render ``d`` into ``out_dir`` and import it."""
    from .render import write_module

    return import_path(write_module(d, Path(out_dir), spec_path))
