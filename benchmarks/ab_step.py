"""A/B of generated-module variants: the public training step of each module file against the first one's, paired.

Usage:  .venv/bin/python benchmarks/ab_step.py --size small --dtype float64 A.py B.py [C.py ...] [--seconds 80] [--sessions 4]

Each file is a generated module of the reference network at ``--size`` (write one with bench_step.generated_module,
or `gradproof codegen` of a spec with those sizes, then edit a copy). Every session imports every file afresh (new
module objects, new arrays: another memory layout) and times ``step(p, gradients(p, X, Y), s)`` of each, and the
hand-written step, in paired rounds (bench_step.sample) in an order shuffled per session; the ratios to the first file
get bench_step's two-level bootstrap interval. Give the first file twice (a copy) to see the noise floor: two
identical modules imported side by side differ by 1-3 %, and a variant's place in the round moves it by as much, so
a difference is real only when its interval excludes 1 with several sessions.

``--split``: each call's ``gradients()`` and ``step()`` timed apart instead (one thread-CPU clock pair each, in the
real step's context), against the hand step's two halves (``HandStep.gradients`` and ``HandStep.update``): per part,
the median time and the median per-round ratio to the hand's part. Used to find that the hand's optimizer loop was
faster because its scratch was warm (its regularizer writes it just before), not because of its operations.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import gc  # noqa: E402
import importlib.util  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_step  # noqa: E402
from handwritten_reference import HandStep  # noqa: E402

_imports = [0]


def fresh_import(path: Path):
    """The module at ``path`` imported under a new name (a new module object every call)."""
    _imports[0] += 1
    spec = importlib.util.spec_from_file_location(f"_ab_variant_{_imports[0]}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def fresh_session(paths, size: str, dtype):
    """One session's data and implementations, made afresh: (X, Y, [(module, params, state) per file], hand step)."""
    sizes, batch = bench_step.SIZES[size]
    rng = np.random.default_rng(0)
    X = rng.standard_normal((batch, sizes[0])).astype(dtype)
    Y = np.eye(sizes[-1], dtype=dtype)[rng.integers(0, sizes[-1], batch)]
    runs = []
    for path in paths:
        mod = fresh_import(path)
        params = mod.init_params(0, dtype)
        runs.append((mod, params, mod.init_state(params)))
    return X, Y, runs, HandStep(fresh_import(paths[0]).init_params(0, dtype), batch)


def split_rounds(parts: dict, rounds: int, calls: int, order: list) -> dict:
    """``{name: [(gradients µs, step µs) per round]}``: each round runs ``calls`` steps of each implementation (its
    ``(gradients, step)`` pair, thread CPU time around each half), in ``order`` and reversed every other round; two
    warm-up rounds discarded, the garbage collector off."""
    clock = time.thread_time_ns
    out = {name: [] for name in order}
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for r in range(-2, rounds):
            for name in order if r % 2 == 0 else order[::-1]:
                first, second = parts[name]
                t_first = t_second = 0
                for _ in range(calls):
                    t0 = clock()
                    value = first()
                    t1 = clock()
                    second(value)
                    t_first, t_second = t_first + t1 - t0, t_second + clock() - t1
                    del value
                if r >= 0:
                    out[name].append((t_first / calls / 1e3, t_second / calls / 1e3))
    finally:
        if gc_was_enabled:
            gc.enable()
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("modules", nargs="+", type=Path, help="generated module files; ratios are to the first")
    ap.add_argument("--size", default="small", choices=sorted(bench_step.SIZES))
    ap.add_argument("--dtype", default="float64", choices=["float32", "float64"])
    ap.add_argument("--seconds", type=float, default=80.0, help="time box of the whole run, warm-up not counted")
    ap.add_argument("--sessions", type=int, default=4)
    ap.add_argument("--split", action="store_true", help="time gradients() and step() apart against the hand step's halves")
    ap.add_argument("--rounds", type=int, default=20, help="with --split: rounds per session (10 calls each)")
    args = ap.parse_args(argv)
    dtype = np.dtype(args.dtype).type
    names = [f"{k}:{path.stem}" for k, path in enumerate(args.modules)]

    def build():
        X, Y, runs, hand = fresh_session(args.modules, args.size, dtype)
        impls = {}
        for name, (mod, p, s) in zip(names, runs, strict=True):

            def public(X, Y, m=mod, p=p, s=s):
                m.step(p, m.gradients(p, X, Y), s)

            impls[name] = (public, X, Y)
        impls["hand"] = (hand.step, X, Y)
        return impls

    if args.split:
        return split(args, dtype, names)
    load_before = bench_step.load()
    times = []
    for k in range(args.sessions):
        order = [*names, "hand"]
        random.Random(k).shuffle(order)
        times.append(bench_step.sample(build(), seconds=args.seconds / args.sessions, min_rounds=10, chain=order))
    print(f"{args.size} {args.dtype}, {args.sessions} sessions, load {load_before:.1f}–{bench_step.load():.1f}")
    print(f"| module | /{names[0]} | 95 % interval | rounds |")
    print("|---|---|---|---|")
    for name in [*names[1:], "hand"]:
        r = bench_step.ratio([t[name] for t in times], [t[names[0]] for t in times])
        print(f"| {name} | {r['median']:.3f} | {r['lo']:.3f}–{r['hi']:.3f} | {r['rounds']} |")
    return 0


def split(args, dtype, names) -> int:
    """--split: per session fresh modules and arrays, ``split_rounds``; the medians over every round of every session."""
    rows = {}
    load_before = bench_step.load()
    for k in range(args.sessions):
        X, Y, runs, hand = fresh_session(args.modules, args.size, dtype)
        parts = {}
        for name, (mod, p, s) in zip(names, runs, strict=True):
            parts[name] = (lambda m=mod, p=p, X=X, Y=Y: m.gradients(p, X, Y), lambda g, m=mod, p=p, s=s: m.step(p, g, s))
        parts["hand"] = (lambda h=hand, X=X, Y=Y: h.gradients(X, Y), lambda g, h=hand: h.update())
        order = [*names, "hand"]
        random.Random(k).shuffle(order)
        for name, values in split_rounds(parts, args.rounds, 10, order).items():
            rows.setdefault(name, []).extend(values)
    print(f"{args.size} {args.dtype}, gradients() and step() apart, {args.sessions} sessions × {args.rounds} rounds × 10 calls, "
          f"load {load_before:.1f}–{bench_step.load():.1f}")
    print("| module | gradients µs | /hand | step µs | /hand | both /hand |")
    print("|---|---|---|---|---|---|")
    hand = np.array(rows["hand"])
    for name in [*names, "hand"]:
        t = np.array(rows[name])
        print(f"| {name} | {np.median(t[:, 0]):.0f} | {np.median(t[:, 0] / hand[:, 0]):.3f} | {np.median(t[:, 1]):.0f} | "
              f"{np.median(t[:, 1] / hand[:, 1]):.3f} | {np.median(t.sum(1) / hand.sum(1)):.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
