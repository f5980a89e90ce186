"""Derive time against depth: 1 -> 50 hidden layers, with every check (index form + instantiation windows).

Usage: .venv/bin/python benchmarks/bench_derive.py [--depths 1,2,5,10,20,30,40,50] [--no-check]

Each network alternates tanh, leaky_relu, sigmoid, elu hidden layers of 16 units between 8 inputs and a
softmax + cross-entropy output of 3, L2, Adam. Each depth runs in a fresh process so SymPy's caches from
one depth do not flatter the next (lru caches in derive still apply within a run, as for a user).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

CYCLE = ["tanh", "leaky_relu", "sigmoid", "elu"]

CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
from gradproof.derive.derivation import derive
from gradproof.derive.spec import spec_from_dict
depth, check = int(sys.argv[1]), sys.argv[2] == "1"
cycle = %r
layers = [{"units": 16, "activation": cycle[i %% len(cycle)]} for i in range(depth)] + [{"units": 3, "activation": "softmax"}]
spec = {"name": "deep", "inputs": 8, "layers": layers, "loss": {"name": "cross_entropy"},
        "regularization": {"name": "l2", "lambda": 0.01}, "optimizer": {"name": "adam"}}
t1 = time.perf_counter()
d = derive(spec_from_dict(spec), check=check)
t2 = time.perf_counter()
distinct = sum("the same small instance" not in c.detail for c in d.checks)
print(json.dumps({"import": t1 - t0, "derive": t2 - t1, "windows": f"{distinct}/{len(d.checks)}", "passed": d.all_passed,
                  "timings": d.timings}))
""" % (CYCLE,)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--depths", default="1,2,5,10,20,30,40,50")
    ap.add_argument("--no-check", action="store_true", help="skip the instantiation check")
    args = ap.parse_args()
    print(f"{'hidden':>6} {'derive s':>9} {'s/layer':>8} {'windows (distinct/all)':>23} {'instantiation s':>16}  checks")
    for depth in map(int, args.depths.split(",")):
        out = subprocess.run([sys.executable, "-c", CHILD, str(depth), "0" if args.no_check else "1"],
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout)
        inst = r["timings"].get("instantiation", 0.0)
        print(f"{depth:>6} {r['derive']:>9.2f} {r['derive'] / (depth + 1):>8.3f} {r['windows']:>23} {inst:>16.2f}  "
              f"{'all passed' if r['passed'] else 'FAILED'}")


if __name__ == "__main__":
    main()
