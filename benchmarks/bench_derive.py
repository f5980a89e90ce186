"""Derive-and-check time as users see it: ``gradproof derive SPEC --no-pdf`` (or, with ``--pdf``, the default command
that also writes the proof's .tex and compiles its PDF) run as a subprocess, start-up included.

Usage: .venv/bin/python benchmarks/bench_derive.py [--repeat 3] [--depths 50,100] [--only NAME] [--pythonpath DIR] [--pdf]

``--pythonpath DIR`` runs another tree's gradproof (a folder holding a ``gradproof`` package, e.g. a ``git archive`` of
main with derive/, proof/ … linked inside it), for before/after comparisons on the same machine at the same load.

Specs: every example (examples/*.toml) and deep nets written to a temporary folder (``deep<L>``: L layers in all,
L - 1 hidden layers of 16 units cycling tanh, leaky_relu, sigmoid, elu after 8 inputs, then a softmax output of 3 with
cross-entropy, L2 and Adam). Each spec is run ``--repeat`` times *cold* (an empty cache of SymPy work, derive/memo.py:
a user's first run of these activations and this loss) and ``--repeat`` times *warm* (the cache filled by one run
before: every later run); an older tree without the cache runs the same either way. The table shows the fastest wall
clock of each (the machine is shared: the fastest run is the least disturbed), the CPU time of that run (user + system
of the child) and the load average when the spec started. Targets (issue 9): reference_mlp < 2 s, deep50 < 6 s, every
example < 3 s, judged on the cold runs -- "target" says whether the fastest cold run meets it.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GRADPROOF = [sys.executable, "-m", "gradproof"]
CYCLE = ["tanh", "leaky_relu", "sigmoid", "elu"]
TARGETS = {"reference_mlp": 2.0, "deep50": 6.0}
EXAMPLE_TARGET = 3.0


def deep_spec(depth: int) -> str:
    """TOML of a ``depth``-layer network (depth - 1 hidden layers and a softmax output)."""
    lines = [f'name = "deep{depth}"', 'convention = "row"', "inputs = 8", ""]
    for i in range(depth - 1):
        lines += ["[[layers]]", "units = 16", f'activation = "{CYCLE[i % len(CYCLE)]}"', ""]
    lines += ["[[layers]]", "units = 3", 'activation = "softmax"', "", "[loss]", 'name = "cross_entropy"', "",
              "[regularization]", 'name = "l2"', "lambda = 0.01", "", "[optimizer]", 'name = "adam"', ""]
    return "\n".join(lines)


def run_once(spec: Path, cwd: str, pythonpath: str | None, cache: str, pdf: bool) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the child, exit code) of one ``gradproof derive SPEC`` (``--no-pdf`` unless ``pdf``),
    run in ``cwd`` (not the repository root, whose ``gradproof/`` folder ``python -m`` would import ahead of
    ``pythonpath``) with ``GRADPROOF_CACHE=cache``."""
    env = dict(os.environ, GRADPROOF_CACHE=cache)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    out = ["--out", str(Path(cwd) / "out")] if pdf else ["--no-pdf"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run([*GRADPROOF, "derive", str(spec), *out], capture_output=True, text=True, cwd=cwd, env=env)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        sys.stderr.write(f"{spec}: exit {proc.returncode}\n{proc.stderr}\n")
    return wall, cpu, proc.returncode


def cold(spec: Path, tmp: str, args) -> tuple[float, float, int]:
    """One run with an empty cache (a new folder)."""
    return run_once(spec, tmp, args.pythonpath, tempfile.mkdtemp(dir=tmp, prefix="cache-"), args.pdf)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs per spec, cold and warm each (default 3)")
    ap.add_argument("--depths", default="50", help="deep nets to add, layers in all (default 50; '' for none)")
    ap.add_argument("--only", help="run only the specs whose name contains this")
    ap.add_argument("--pythonpath", help="run the gradproof package found in this folder instead of this checkout's")
    ap.add_argument("--pdf", action="store_true", help="time the default command (.tex and PDF) instead of --no-pdf")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        specs = sorted((ROOT / "examples").glob("*.toml"))
        for depth in (int(x) for x in args.depths.split(",") if x.strip()):
            path = Path(tmp) / f"deep{depth}.toml"
            path.write_text(deep_spec(depth), encoding="utf-8")
            specs.append(path)
        if args.only:
            specs = [s for s in specs if args.only in s.stem]
        command = "gradproof derive SPEC --out DIR (.tex and PDF)" if args.pdf else "gradproof derive SPEC --no-pdf"
        print(f"{command}, {args.repeat} cold and {args.repeat} warm run(s) each, {os.cpu_count()} CPUs")
        print(f"{'spec':<26} {'cold s':>7} {'cpu s':>6} {'warm s':>7} {'cpu s':>6} {'load':>5} {'target':>7}  result")
        met = True
        for spec in specs:
            load = os.getloadavg()[0]
            colds = [cold(spec, tmp, args) for _ in range(args.repeat)]
            warm_cache = tempfile.mkdtemp(dir=tmp, prefix="cache-")
            run_once(spec, tmp, args.pythonpath, warm_cache, False)  # fills the cache
            warms = [run_once(spec, tmp, args.pythonpath, warm_cache, args.pdf) for _ in range(args.repeat)]
            best, best_warm = min(colds), min(warms)
            limit = TARGETS.get(spec.stem, EXAMPLE_TARGET)
            ok = best[0] < limit
            met &= ok
            codes = {r[2] for r in colds + warms}
            print(f"{spec.stem:<26} {best[0]:>7.2f} {best[1]:>6.2f} {best_warm[0]:>7.2f} {best_warm[1]:>6.2f} "
                  f"{load:>5.2f} {'<' if ok else '>='}{limit:>5g} s  {'exit ' + ','.join(map(str, sorted(codes)))}")
        print("all targets met" if met else "some targets missed")


if __name__ == "__main__":
    main()
