"""Pages of every proof: each examples/*.toml (dense and layer kinds), benchmarks/specs/*.toml (the 6-layer dense
net deep6) and a generated 12-layer net, as handout and (with --full) as full audit.

Usage: .venv/bin/python benchmarks/proof_pages.py [--out DIR] [--full] [--extra SPEC ...]

Prints one line per document: pages, the issue's page target, whether the log has an Overfull box, whether the PDF has
a Type 3 (bitmap) font. Issue 14's targets: a 2-3 layer net on <= 4 pages, a 6-layer net or one with batch norm and
residual blocks on <= 6 (tests/proof/test_proof.py: MAX_PAGES asserts the same).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from gradproof.derive.derivation import derive
from gradproof.derive.spec import load_spec, spec_from_dict
from gradproof.proof.document import write_proof

ROOT = Path(__file__).resolve().parent.parent
CYCLE = ["relu", "elu", "sigmoid", "tanh", "softplus"]


def deep(depth: int):
    layers = [{"units": 8, "activation": CYCLE[k % len(CYCLE)]} for k in range(depth - 1)] + [{"units": 3, "activation": "softmax"}]
    return spec_from_dict({"name": f"deep{depth}", "inputs": 5, "layers": layers, "loss": {"name": "cross_entropy"},
                           "regularization": {"name": "l2", "lambda": 0.01}, "optimizer": {"name": "adam"}})


def target(net) -> str:
    """Issue 14's page limit of a handout: 4 for 2-3 dense layers, 6 for 6 layers or layer kinds; '-' otherwise."""
    if net.depth <= 3 and not net.has_kinds:
        return "4"
    return "6" if net.depth <= 6 or net.has_kinds else "-"


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, flags=re.M).group(1))


def type3(pdf: Path) -> bool | None:
    if not shutil.which("pdffonts"):
        return None
    return "Type 3" in subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=None, help="folder for the PDFs (default: a temporary folder)")
    ap.add_argument("--full", action="store_true", help="also the full audit (--detail full)")
    ap.add_argument("--extra", nargs="*", default=[], help="more spec files")
    args = ap.parse_args()
    out = Path(args.out or tempfile.mkdtemp(prefix="proof_pages."))
    specs = [*sorted((ROOT / "examples").glob("*.toml")), *sorted((ROOT / "benchmarks" / "specs").glob("*.toml")), *args.extra]
    nets = [load_spec(p) for p in specs] + [deep(12)]
    print(f"{'network':28} {'layers':>6} {'detail':>8} {'pages':>5} {'target':>6}  overfull  type3")
    for net in nets:
        d = derive(net, check=net.depth <= 6)
        for detail in ("handout", "full") if args.full else ("handout",):
            r = write_proof(d, out / detail, detail=detail)
            print(f"{net.name:28} {net.depth:>6} {detail:>8} {pages(r.pdf):>5} {target(net):>6}  {'Overfull' in r.log!s:8}  "
                  f"{type3(r.pdf)}")
    print(f"PDFs in {out}")


if __name__ == "__main__":
    main()
