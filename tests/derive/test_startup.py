"""What ``gradproof derive`` loads: the mathematics and its checks, not the presentation of the PDF (Jinja2), the module
printer (codegen), the answer checker (verify) or the test oracles (PyTorch) -- start-up is part of the time a user
waits (benchmarks/bench_derive.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from gradproof.cli import main
try:
    main(["derive", sys.argv[1], "--no-pdf"])
except SystemExit as exc:
    code = exc.code
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def test_derive_without_pdf_loads_no_presentation_codegen_verify_or_torch(tmp_path):
    spec = ROOT / "examples" / "reference_mlp.toml"
    proc = subprocess.run([sys.executable, "-c", PROBE, str(spec)], capture_output=True, text=True, cwd=tmp_path)
    assert "all checks passed" in proc.stdout
    loaded = json.loads(proc.stderr.strip().splitlines()[-1])
    unwanted = ("jinja2", "torch", "gradproof.codegen", "gradproof.verify", "gradproof.proof.document", "scipy",
                "matplotlib", "numpy.testing")
    assert [m for m in loaded if m.split(".")[0] in unwanted or m.startswith(unwanted)] == []
    assert "gradproof.derive.brute" in loaded and "symengine" in loaded  # the check ran
