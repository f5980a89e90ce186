"""Time one training step (gradients + optimizer step) of the reference network: generated vs hand-written vs PyTorch.

Usage:  .venv/bin/python benchmarks/bench_step.py [--quick] [--rounds R]

Single-threaded: OMP/OpenBLAS/MKL threads are set to 1 before NumPy is imported, torch.set_num_threads(1).
Implementations are interleaved round by round; each cell is the median time of one step over the rounds,
and the ratios are against the hand-optimised NumPy reference (benchmarks/handwritten_reference.py).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gradproof.codegen.render import write_module  # noqa: E402
from gradproof.derive.derivation import derive  # noqa: E402
from gradproof.derive.spec import spec_from_dict  # noqa: E402
from handwritten_reference import HandStep  # noqa: E402

SIZES = [((4, 16, 8, 3), 32), ((64, 128, 64, 10), 128), ((784, 256, 128, 10), 256), ((1024, 2048, 2048, 10), 1024)]


def generated_module(sizes, tmp: Path):
    """Render the reference spec with other layer sizes, write it under ``tmp`` and import it."""
    import tomllib

    data = tomllib.loads((ROOT / "examples" / "reference_mlp.toml").read_text())
    data["inputs"] = sizes[0]
    for layer, units in zip(data["layers"], sizes[1:], strict=True):
        layer["units"] = units
    data["name"] = "bench_" + "_".join(map(str, sizes))
    d = derive(spec_from_dict(data, "examples/reference_mlp.toml"), check=False)
    path = write_module(d, tmp, "examples/reference_mlp.toml")
    spec = importlib.util.spec_from_file_location(data["name"], path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def torch_step_factory(params, dtype):
    import torch

    torch.set_num_threads(1)
    tdt = torch.float32 if dtype == np.float32 else torch.float64
    P = {k: torch.tensor(v.copy(), dtype=tdt, requires_grad=True) for k, v in params.items()}
    S = {k: torch.zeros_like(v) for k, v in P.items()}
    lam, lr, beta, eps = 1e-3, 1e-3, 0.9, 1e-6
    fn = torch.nn.functional

    def step(X, Y):
        n = X.shape[0]
        for v in P.values():
            v.grad = None
        h1 = fn.leaky_relu(X @ P["W1"].T + P["b1"], 0.01)
        h2 = torch.tanh(h1 @ P["W2"].T + P["b2"])
        z3 = h2 @ P["W3"].T + P["b3"]
        loss = -(Y * torch.log_softmax(z3, dim=1)).sum() / n
        loss = loss + lam / (2 * n) * sum((P[k] ** 2).sum() for k in ("W1", "W2", "W3"))
        loss.backward()
        with torch.no_grad():
            for k, theta in P.items():
                g = theta.grad
                S[k].mul_(beta).addcmul_(g, g, value=1 - beta)
                theta.addcdiv_(g, (S[k] + eps).sqrt_(), value=-lr)

    def convert(a):
        return torch.from_numpy(a)

    return step, convert


def timed(fn, X, Y, reps: int) -> float:
    t0 = time.perf_counter()
    for _ in range(reps):
        fn(X, Y)
    return (time.perf_counter() - t0) / reps


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer rounds and the three smaller sizes only")
    ap.add_argument("--rounds", type=int, default=None)
    args = ap.parse_args(argv)
    print("| sizes              | batch | dtype   | generated    | hand NumPy   | gen/hand | PyTorch eager | torch/gen |")
    print("|---|---|---|---|---|---|---|---|")
    rounds = args.rounds or (5 if args.quick else 11)
    sizes = SIZES[:3] if args.quick else SIZES
    try:
        import torch  # noqa: F401

        have_torch = True
    except ImportError:
        have_torch = False
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for sizes_, batch in sizes:
            mod = generated_module(sizes_, Path(tmp))
            for dtype in (np.float32, np.float64):
                rng = np.random.default_rng(0)
                X = rng.standard_normal((batch, sizes_[0])).astype(dtype)
                Y = np.eye(sizes_[-1], dtype=dtype)[rng.integers(0, sizes_[-1], batch)]
                p_gen = mod.init_params(0, dtype)
                p_hand = {k: v.copy() for k, v in p_gen.items()}
                state = mod.init_state(p_gen)
                grads = {k: np.empty_like(v) for k, v in p_gen.items()}

                def gen_step(X, Y, p=p_gen, s=state, g=grads, m=mod):
                    m.gradients(p, X, Y, out=g)
                    m.step(p, g, s)

                impls = {"generated": (gen_step, X, Y), "hand": (HandStep(p_hand, batch).step, X, Y)}
                if have_torch:
                    tstep, conv = torch_step_factory(p_gen, dtype)
                    impls["torch"] = (tstep, conv(X), conv(Y))
                # reps so that one timing lasts ~50 ms (at least 1)
                t_one = timed(gen_step, X, Y, 3)
                reps = max(1, int(0.05 / max(t_one, 1e-6)))
                times = {k: [] for k in impls}
                order = list(impls)
                for r in range(rounds):  # interleaved, in a rotating order
                    for k in order[r % len(order):] + order[:r % len(order)]:
                        fn, a, b = impls[k]
                        times[k].append(timed(fn, a, b, reps))
                med = {k: statistics.median(v) for k, v in times.items()}
                rows.append((sizes_, batch, np.dtype(dtype).name, med))
                print(format_row(rows[-1]), flush=True)
    return 0


def format_row(row) -> str:
    sizes, batch, dtype, med = row
    gen, hand = med["generated"], med["hand"]
    torch_t = med.get("torch")
    torch_txt = f"{torch_t * 1e3:9.3f} ms | {torch_t / gen:5.2f}x" if torch_t else "      n/a    |   n/a"
    return (f"| {'-'.join(map(str, sizes)):18s} | {batch:5d} | {dtype:7s} | {gen * 1e3:9.3f} ms | {hand * 1e3:9.3f} ms | "
            f"{gen / hand:5.2f} | {torch_txt} |")


if __name__ == "__main__":
    raise SystemExit(main())
