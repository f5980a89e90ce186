"""The GEMM floor of one training step: the same eight matrix products in NumPy (OpenBLAS) and in PyTorch (MKL), next
to each whole step, in one run.

Usage:  .venv/bin/python benchmarks/gemm_floor.py [--sizes tiny,small,mnist] [--rounds 21]

One thread (as bench_step.py). Columns, CPU time per step, medians of interleaved rounds:

- NumPy GEMMs: bench_step.gemm_only, the step's eight products (Z1..Z3 forward, dW3, D2, dW2, D1, dW1) with the
  transposes the generated module uses (``X @ W1.T``, ``D1.T @ X``), into preallocated buffers;
- torch GEMMs: the same eight products with ``torch.matmul(..., out=)`` on the same shapes and transposes
  (``gemm_only(..., lib=torch)``);
- generated, hand, torch step: the public step (``gradients`` + ``step``), the hand-written step, PyTorch eager.

"floor/torch" = NumPy GEMMs / torch step: the generated step can never be faster than its GEMMs, so when this ratio
exceeds 0.85 the issue's "≤ 0.85× torch eager" is out of reach with NumPy's BLAS whatever the rest costs.
"rest" = step minus its own GEMMs (every pass over memory, the optimizer, Python).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_step import SIZES, gemm_only, generated_module, measure, reference_table, torch_step_factory  # noqa: E402
from handwritten_reference import HandStep  # noqa: E402


def rows(names, rounds, tmp: Path):
    import torch

    torch.set_num_threads(1)
    for name in names:
        sizes, batch = SIZES[name]
        mod, net = generated_module(reference_table(sizes), tmp)
        for dtype in (np.float32, np.float64):
            rng = np.random.default_rng(0)
            X = rng.standard_normal((batch, sizes[0])).astype(dtype)
            Y = np.eye(sizes[-1], dtype=dtype)[rng.integers(0, sizes[-1], batch)]
            p, hand = mod.init_params(0, dtype), HandStep(mod.init_params(0, dtype), batch)
            s = mod.init_state(p)

            def public(X, Y, m=mod, p=p, s=s):
                m.step(p, m.gradients(p, X, Y), s)

            tstep, conv = torch_step_factory(net, mod.init_params(0, dtype), dtype)
            impls = {"NumPy GEMMs": (gemm_only(mod.init_params(0, dtype), X, batch), X, Y),
                     "torch GEMMs": (gemm_only(mod.init_params(0, dtype), X, batch, torch), conv(X), conv(Y)),
                     "generated": (public, X, Y), "hand": (hand.step, X, Y), "torch step": (tstep, conv(X), conv(Y))}
            with np.errstate(all="ignore"):
                yield sizes, batch, np.dtype(dtype).name, measure(impls, rounds, {})


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="mnist", help="comma-separated subset of " + ",".join(SIZES))
    ap.add_argument("--rounds", type=int, default=21)
    args = ap.parse_args(argv)
    print(f"one thread, median of {args.rounds} interleaved rounds, CPU time per step")
    print("| sizes | batch | dtype | NumPy GEMMs | torch GEMMs | generated | hand | torch step | floor/torch | generated/torch | "
          "rest: generated | rest: hand | rest: torch |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for sizes, batch, dtype, med in rows(args.sizes.split(","), args.rounds, Path(tmp)):
            ms = {k: v * 1e3 for k, v in med.items()}
            print(f"| {'-'.join(map(str, sizes))} | {batch} | {dtype} | {ms['NumPy GEMMs']:.3f} ms | {ms['torch GEMMs']:.3f} ms | "
                  f"{ms['generated']:.3f} ms | {ms['hand']:.3f} ms | {ms['torch step']:.3f} ms | "
                  f"{ms['NumPy GEMMs'] / ms['torch step']:.2f} | {ms['generated'] / ms['torch step']:.2f} | "
                  f"{ms['generated'] - ms['NumPy GEMMs']:.3f} ms | {ms['hand'] - ms['NumPy GEMMs']:.3f} ms | "
                  f"{ms['torch step'] - ms['torch GEMMs']:.3f} ms |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
