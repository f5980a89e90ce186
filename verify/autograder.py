"""``gradproof autograder gradescope --spec … --rubric … --out autograder.zip``: a Gradescope autograder.

Layout (https://gradescope-autograders.readthedocs.io/en/latest/specs/): the zip holds ``setup.sh`` and
``run_autograder`` at its root; Gradescope unpacks it to ``/autograder/source``, runs ``setup.sh`` once when it
builds the image, copies ``run_autograder`` to ``/autograder/run_autograder`` and runs it for every submission, with
the student's files in ``/autograder/submission``; ``run_autograder`` must write ``/autograder/results/results.json``.

The zip carries gradproof itself (``vendor/gradproof``, the installed package's files: no registry needed for it),
the spec and the rubric; ``setup.sh`` installs only gradproof's dependencies (pinned to the versions installed here)
into a venv. ``GRADPROOF_AUTOGRADER_ROOT`` (default ``/autograder``) and ``GRADPROOF_PYTHON`` move the layout, so
the autograder can be tried locally before uploading (``docs/VERIFY.md``).
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import io
import re
import zipfile
from pathlib import Path

from gradproof.derive.errors import UsageError

from .rubric import load_rubric

#: gradproof's subpackages, vendored when installed (a missing one is skipped)
SUBPACKAGES = ("data", "examples", "derive", "codegen", "verify", "proof")
VENDORED = (".py", ".j2", ".csv", ".md", ".toml", ".tex", ".txt")

SETUP_SH = """#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image.
# It installs gradproof's dependencies into a venv; gradproof itself is in source/vendor.
set -euo pipefail
ROOT="${{GRADPROOF_AUTOGRADER_ROOT:-/autograder}}"
if ! python3 -m venv --help >/dev/null 2>&1; then
    apt-get install -y python3 python3-venv python3-pip
fi
python3 -m venv "$ROOT/venv"
"$ROOT/venv/bin/pip" install --quiet {requirements}
"""

RUN_AUTOGRADER = """#!/usr/bin/env bash
# Gradescope runs this for every submission: the student's files are in $ROOT/submission, the results go to
# $ROOT/results/results.json (written even when the submission cannot be read: score 0 and the reason).
ROOT="${{GRADPROOF_AUTOGRADER_ROOT:-/autograder}}"
PY="${{GRADPROOF_PYTHON:-$ROOT/venv/bin/python3}}"
[ -x "$PY" ] || PY=python3
mkdir -p "$ROOT/results"
cd "$ROOT"
PYTHONPATH="$ROOT/source/vendor${{PYTHONPATH:+:$PYTHONPATH}}" "$PY" -m gradproof autograder {platform} \\
    --spec "$ROOT/source/spec.toml" --rubric "$ROOT/source/rubric.toml" \\
    --submission "$ROOT/submission" --results "$ROOT/results/results.json"
status=$?
if [ ! -s "$ROOT/results/results.json" ]; then
    printf '%s\\n' '{{"score": 0, "output": "The autograder could not start; please tell the course staff.", "tests": []}}' \\
        > "$ROOT/results/results.json"
fi
exit $status
"""


def _package_files() -> list[tuple[str, Path]]:
    """(path in the zip, file) for every file of the installed gradproof package that it needs at run time."""
    out = []
    for name in ("", *SUBPACKAGES):
        module = "gradproof" + (f".{name}" if name else "")
        spec = importlib.util.find_spec(module)
        if spec is None or not spec.submodule_search_locations:
            continue
        base = Path(list(spec.submodule_search_locations)[0])
        prefix = "vendor/gradproof" + (f"/{name}" if name else "")
        for f in sorted(base.rglob("*")):
            rel = f.relative_to(base)
            if not f.is_file() or f.suffix not in VENDORED or "__pycache__" in rel.parts or any(p.startswith(".") for p in rel.parts):
                continue
            if not name and rel.parts[0] in SUBPACKAGES:  # a subpackage inside gradproof/: vendored under its own name
                continue
            out.append((f"{prefix}/{rel.as_posix()}", f))
    return out


def requirements() -> list[str]:
    """gradproof's run-time dependencies, pinned to the versions installed here (``numpy==2.1.3``, …)."""
    pins = []
    for req in importlib.metadata.requires("gradproof") or []:
        if "extra ==" in req:
            continue
        name = re.match(r"[A-Za-z0-9_.-]+", req).group(0)
        try:
            pins.append(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            pins.append(req.split(";")[0].replace(" ", ""))
    return pins


def build_gradescope(spec: str, rubric: str, out: str | Path, platform: str = "gradescope") -> Path:
    """Write the autograder zip to ``out``; the spec and rubric are validated first.

    Raises:
        UsageError: the spec or rubric is malformed, or ``out`` is not a .zip path.
    """
    from .grading import context

    context(spec, rubric)  # refuse a bad spec or rubric now, not at the first student's submission
    load_rubric(rubric)
    out = Path(out)
    if out.suffix.lower() != ".zip" or out.is_dir():
        raise UsageError(f"--out {out}: give the zip file to write, e.g. --out autograder.zip")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        def add(name: str, data: bytes | str, mode: int = 0o644) -> None:
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))  # fixed: the same inputs give the same zip
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)

        add("setup.sh", SETUP_SH.format(requirements=" ".join(f"'{r}'" for r in requirements())), 0o755)
        add("run_autograder", RUN_AUTOGRADER.format(platform=platform), 0o755)
        add("spec.toml", Path(spec).read_bytes())
        add("rubric.toml", Path(rubric).read_bytes())
        for name, f in _package_files():
            add(name, f.read_bytes())
    from gradproof.derive.outputs import write_atomic

    out.parent.mkdir(parents=True, exist_ok=True)
    return write_atomic(out, buf.getvalue())
