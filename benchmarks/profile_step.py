"""Per-line CPU-time profile of one training step: the generated module's public path vs the hand-written step.

Usage:  .venv/bin/python benchmarks/profile_step.py [--size mnist] [--dtype float32,float64] [--rounds 31]

Every statement of the generated ``gradients``, ``_forward``, ``_backward`` and ``step`` and of the hand-written
``HandStep.gradients``/``HandStep.step`` (benchmarks/handwritten_reference.py) is wrapped, by rewriting the
function's syntax tree, in two reads of the thread's CPU clock; the statements of a ``for`` loop are timed per
iteration and summed. The two steps run interleaved (a rotating order, one thread, as bench_step.py), and each line's
cell is the median over the rounds of its mean time per step, minus the clock's own cost (calibrated on ``pass``).
Lines of an outer function (``gradients``) include the inner functions' lines; the "own" total counts each
microsecond once (the leaf lines). The uninstrumented step is timed in the same rounds, so the sum can be compared
with the real step. Used for docs/CODEGEN.md's account of the MNIST step.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import ast  # noqa: E402
import inspect  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import textwrap  # noqa: E402
import time  # noqa: E402
import types  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import handwritten_reference  # noqa: E402
from bench_step import SIZES, generated_module, reference_table  # noqa: E402

clock = time.thread_time_ns


class _Timer(ast.NodeTransformer):
    """Wrap each statement of a function body (and of its for loops) in ``__t = clock(); stmt; acc[key] += ...``."""

    def __init__(self, fname, source, keys):
        self.fname, self.source, self.keys = fname, source, keys

    def _wrap(self, body, depth):
        out = []
        for stmt in body:
            if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                out.append(stmt)  # docstring
                continue
            if isinstance(stmt, ast.For):
                stmt.body = self._wrap(stmt.body, depth + 1)
            if isinstance(stmt, ast.Return) and stmt.value is not None:
                out.extend(self._timed(ast.Assign(targets=[ast.Name("__r", ast.Store())], value=stmt.value, lineno=stmt.lineno),
                                       stmt, depth))
                out.append(ast.Return(ast.Name("__r", ast.Load())))
                continue
            out.extend(self._timed(stmt, stmt, depth))
        return out

    def _timed(self, stmt, orig, depth):
        text = ast.get_source_segment(self.source, orig).splitlines()[0]
        key = (self.fname, orig.lineno, depth, text)
        self.keys.append(key)
        t = f"__t{depth}"
        before = ast.parse(f"{t} = __clock()").body
        after = ast.parse(f"__acc[{len(self.keys) - 1}] += __clock() - {t}").body
        return before + [stmt] + after

    def visit_FunctionDef(self, node):
        node.body = self._wrap(node.body, 0)
        node.decorator_list = []
        return node


def instrument(fn, name, scope, keys):
    """Recompile ``fn`` into ``scope`` (its globals) with every statement timed into ``scope["__acc"]``."""
    source = textwrap.dedent(inspect.getsource(fn))
    tree = _Timer(name, source, keys).visit(ast.parse(source))
    ast.fix_missing_locations(tree)
    exec(compile(tree, f"<instrumented {name}>", "exec"), scope)  # noqa: S102 - our own benchmark code, not input
    return scope[fn.__name__]


def build(size, dtype, tmp):
    """The generated public step and the hand step, each plain and instrumented, with their line keys."""
    sizes, batch = SIZES[size]
    mod, _ = generated_module(reference_table(sizes), tmp)
    rng = np.random.default_rng(0)
    X = rng.standard_normal((batch, sizes[0])).astype(dtype)
    Y = np.eye(sizes[-1], dtype=dtype)[rng.integers(0, sizes[-1], batch)]

    # the generated module: a second copy whose functions are instrumented (their globals see each other)
    mod_i, _ = generated_module(reference_table(sizes), tmp / "i")
    gen_keys, gen_acc = [], []
    for name in ("gradients", "_forward", "_backward", "step"):
        vars(mod_i).update({"__clock": clock, "__acc": gen_acc})
        instrument(getattr(mod_i, name), name, vars(mod_i), gen_keys)
    gen_acc.extend([0] * len(gen_keys))

    p, pi = mod.init_params(0, dtype), mod_i.init_params(0, dtype)
    s, si = mod.init_state(p), mod_i.init_state(pi)

    def gen(X, Y, m=mod, p=p, s=s):
        m.step(p, m.gradients(p, X, Y), s)

    def gen_i(X, Y, m=mod_i, p=pi, s=si):
        m.step(p, m.gradients(p, X, Y), s)

    hand = handwritten_reference.HandStep(mod.init_params(0, dtype), batch)
    hand_i = handwritten_reference.HandStep(mod.init_params(0, dtype), batch)
    hand_keys, hand_acc = [], []
    scope = dict(vars(handwritten_reference))
    scope["__clock"], scope["__acc"] = clock, hand_acc
    for name in ("gradients", "step"):
        fn = instrument(getattr(handwritten_reference.HandStep, name), name, scope, hand_keys)
        setattr(hand_i, name, types.MethodType(fn, hand_i))
    hand_acc.extend([0] * len(hand_keys))
    return X, Y, {"generated": (gen, gen_i, gen_keys, gen_acc), "hand": (hand.step, hand_i.step, hand_keys, hand_acc)}


def calibrate(reps=20000):
    """The cost of one timed statement's two clock reads and the accumulation (ns)."""
    acc = [0]
    t0 = clock()
    for _ in range(reps):
        t = clock()
        acc[0] += clock() - t
    return (clock() - t0) / reps, acc[0] / reps


def run(size, dtype, rounds, tmp):
    X, Y, impls = build(size, dtype, tmp)
    for plain, timed_fn, _, _ in impls.values():  # warm up (buffers, pages)
        plain(X, Y)
        timed_fn(X, Y)
    t0 = clock()
    impls["hand"][0](X, Y)
    reps = max(3, int(40e6 / max(clock() - t0, 1)))
    per_line = {k: [[] for _ in v[2]] for k, v in impls.items()}
    whole = {k: [] for k in impls}
    order = list(impls)
    for r in range(rounds):
        for k in order[r % 2:] + order[:r % 2]:
            plain, timed_fn, keys, acc = impls[k]
            t = clock()
            for _ in range(reps):
                plain(X, Y)
            whole[k].append((clock() - t) / reps)
            acc[:] = [0] * len(acc)
            for _ in range(reps):
                timed_fn(X, Y)
            for i, v in enumerate(acc):
                per_line[k][i].append(v / reps)
    return impls, per_line, whole


GROUPS = ("checks, Python glue", "GEMMs", "bias sums (gemv)", "regularizer", "activations, softmax, errors", "optimizer")


def group(k, fname, text):
    """The part of the step a line belongs to (for the summary table)."""
    text = text.strip()
    if fname == "step" and k == "hand" or fname == "step" and k == "generated":
        return "optimizer" if not text.startswith(("state[", "learning_rate", "beta", "epsilon", "flat,")) else "checks, Python glue"
    if "matmul" in text and ("ones" in text):
        return "bias sums (gemv)"
    if "matmul" in text:
        return "GEMMs"
    if k == "generated" and fname == "gradients":
        return "checks, Python glue"
    if any(w in text for w in ("REG_LAMBDA", "self.tmp", "ws[\"R", "rows", "c = self.lam")):
        return "regularizer"
    if "np." not in text and "_softmax" not in text and not any(op in text for op in ("+=", "-=", "*=", "/=")):
        return "checks, Python glue"
    return "activations, softmax, errors"


def summary(impls, per_line, whole, overhead):
    """µs per group of lines, generated next to hand."""
    totals = {}
    for k, (_, _, keys, _) in impls.items():
        t = dict.fromkeys(GROUPS, 0.0)
        for i, (fname, _, depth, text) in enumerate(keys):
            if _outer(k, fname, depth, text):
                continue
            t[group(k, fname, text)] += max(statistics.median(per_line[k][i]) - overhead, 0) / 1e3
        totals[k] = t
    print("| part of the step | generated µs | hand µs | generated - hand |")
    print("|---|---|---|---|")
    for g in GROUPS:
        print(f"| {g} | {totals['generated'][g]:.0f} | {totals['hand'][g]:.0f} | {totals['generated'][g] - totals['hand'][g]:+.0f} |")
    lines = {k: sum(v.values()) for k, v in totals.items()}
    steps = {k: statistics.median(v) / 1e3 for k, v in whole.items()}
    print(f"| sum of the lines | {lines['generated']:.0f} | {lines['hand']:.0f} | {lines['generated'] - lines['hand']:+.0f} |")
    print(f"| the step, uninstrumented | {steps['generated']:.0f} | {steps['hand']:.0f} | {steps['generated'] - steps['hand']:+.0f} |\n")


def _outer(k, fname, depth, text):
    """A line whose time is the sum of other timed lines (a call of an instrumented function, a loop)."""
    return ((fname == "gradients" and k == "generated" and ("_forward(" in text or "_backward(" in text))
            or (fname == "step" and k == "hand" and "self.gradients" in text) or text.startswith("for "))


def report(size, dtype, impls, per_line, whole, overhead):
    print(f"\n## {size}, {np.dtype(dtype).name}: per-line CPU time per step (µs, median of rounds, clock cost "
          f"{overhead / 1e3:.2f} µs a line subtracted)\n")
    for k, (_, _, keys, _) in impls.items():
        print(f"### {k}\n")
        print("| function | line | µs |")
        print("|---|---|---|")
        leaf_total = 0.0
        for i, (fname, _, depth, text) in enumerate(keys):
            us = max(statistics.median(per_line[k][i]) - overhead, 0) / 1e3
            outer = _outer(k, fname, depth, text)
            if not outer:
                leaf_total += us
            print(f"| {fname} | {'  ' * depth}`{text.strip()}` | {us:.1f}{' (outer)' if outer else ''} |")
        print(f"\nsum of leaf lines {leaf_total:.0f} µs; uninstrumented step {statistics.median(whole[k]) / 1e3:.0f} µs\n")
    print(f"### {size}, {np.dtype(dtype).name}: by part of the step\n")
    summary(impls, per_line, whole, overhead)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", default="mnist", choices=sorted(SIZES))
    ap.add_argument("--dtype", default="float32,float64")
    ap.add_argument("--rounds", type=int, default=31)
    args = ap.parse_args(argv)
    total, overhead = calibrate()
    print(f"one thread, thread CPU time; a timed line costs {total:.0f} ns, of which {overhead:.0f} ns inside the timing")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.dtype.split(","):
            dtype = np.dtype(name).type
            (Path(tmp) / "i").mkdir(exist_ok=True)
            with np.errstate(all="ignore"):
                impls, per_line, whole = run(args.size, dtype, args.rounds, Path(tmp))
            report(args.size, dtype, impls, per_line, whole, overhead)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
