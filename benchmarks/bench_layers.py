"""Time one training step of the batch-norm MLP: the generated module vs a hand-written CS231n-style NumPy net.

Usage:  .venv/bin/python benchmarks/bench_layers.py [--quick] [--rounds R] [--activations elu,gelu,...]

The network is examples/bn_mlp.toml with other widths (affine -> batch norm + ReLU -> affine -> batch norm + ReLU ->
affine + softmax, L2 on the dense weights, SGD). Single-threaded (OMP/OpenBLAS/MKL threads = 1, set before NumPy is
imported). Both implementations update running statistics; the generated step is the public path,
``step(p, gradients(p, X, Y, running=r), s)``, validation included. Implementations are interleaved round by round; each
cell is the median time of one step (gradients + SGD update) over the rounds. The first line checks that both
compute the same gradients.

``--activations a,b`` adds a table at the MNIST size with the batch-norm layers' ReLU replaced by each activation:
the module's helpers ``_phi_<name>``/``_dphi_<name>`` (the dense stack's fused, mask-free lines) against the same
module with the helpers as one printed NumPy expression each (np.where for a two-branch activation; the form before
the sixth round of issue 13), interleaved in one process.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import tomllib  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_step  # noqa: E402
from bench_step import timed  # noqa: E402
from gradproof.codegen.loader import build  # noqa: E402
from gradproof.derive.derivation import derive  # noqa: E402
from gradproof.derive.spec import spec_from_dict  # noqa: E402
from handwritten_batchnorm import HandBatchNormNet  # noqa: E402

SIZES = [((4, 16, 8, 3), 32), ((64, 128, 64, 10), 128), ((784, 256, 128, 10), 256), ((1024, 1024, 1024, 10), 512)]


def generated_module(sizes, tmp: Path, activation=None, suffix=""):
    data = tomllib.loads((ROOT / "examples" / "bn_mlp.toml").read_text())
    for layer in data["layers"]:
        if activation is not None and layer.get("activation") == "relu":
            layer["activation"] = activation
    data["inputs"] = sizes[0]
    dense = [layer for layer in data["layers"] if layer.get("kind", "dense") == "dense"]
    for layer, units in zip(dense, sizes[1:], strict=True):
        layer["units"] = units
    data["name"] = "bench_bn_" + "_".join(map(str, sizes)) + suffix
    return build(derive(spec_from_dict(data, "examples/bn_mlp.toml"), check=False), tmp, "examples/bn_mlp.toml")


def printed_helpers(mod, activation: str):
    """The helpers of ``mod`` as one printed expression each (np.where for a Piecewise), in Z's dtype."""
    from gradproof.codegen.printer import stable_rewrite, to_code
    from gradproof.derive.symbols import H, Z

    data = tomllib.loads((ROOT / "examples" / "bn_mlp.toml").read_text())
    for layer in data["layers"]:
        if layer.get("activation") == "relu":
            layer["activation"] = activation
    d = derive(spec_from_dict(data, "examples/bn_mlp.toml"), check=False)
    results = {r.layer.name: r for r in d.layers}
    for act in d.program.activations:
        r = results[act.layer.name]
        dphi, arg = (r.dphi_h, H) if r.dphi_h is not None else (r.dphi, Z)
        for name, expr, args in ((f"_phi_{act.name}", r.phi, "Z"), (f"_dphi_{act.name}", dphi, "Z, H")):
            code = to_code(stable_rewrite(expr), {Z: "Z", H: "H"}, r.param_values)
            # our printer's text of a registry activation, not user input
            setattr(mod, name, eval(f"lambda {args}: np.asarray({code}, dtype=Z.dtype)", vars(mod)))  # noqa: S307
    return mod


def activation_rows(names, rounds: int, tmp: Path):
    sizes, batch = SIZES[2]
    for activation in names:
        fused = generated_module(sizes, tmp, activation, "_" + activation)
        plain = printed_helpers(generated_module(sizes, tmp, activation, "_plain_" + activation), activation)
        for dtype in (np.float32, np.float64):
            rng = np.random.default_rng(0)
            X = rng.standard_normal((batch, sizes[0])).astype(dtype)
            Y = np.eye(sizes[-1], dtype=dtype)[rng.integers(0, sizes[-1], batch)]
            impls = {}
            for label, mod in (("fused", fused), ("printed", plain)):
                p = mod.init_params(0, dtype)
                r, s = mod.init_running(p), mod.init_state(p)

                def gen_step(X, Y, p=p, s=s, r=r, m=mod):
                    m.step(p, m.gradients(p, X, Y, running=r), s)

                impls[label] = (gen_step, X, Y)
            with np.errstate(all="ignore"):
                med = bench_step.measure(impls, rounds, {})
            yield activation, np.dtype(dtype).name, med


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer rounds and the three smaller sizes only")
    ap.add_argument("--rounds", type=int, default=None)
    ap.add_argument("--activations", default="", help="comma-separated activations for the fused-vs-printed helper table")
    ap.add_argument("--no-hand", action="store_true", help="skip the table against the hand-written net")
    ap.add_argument("--clock", choices=sorted(bench_step.CLOCK), default="cpu", help="cpu: the process's CPU time (default)")
    args = ap.parse_args(argv)
    bench_step.clock = bench_step.CLOCK[args.clock]
    rounds = args.rounds or (5 if args.quick else 11)
    sizes = SIZES[:3] if args.quick else SIZES
    with tempfile.TemporaryDirectory() as tmp:
        if args.activations:
            mnist = "-".join(map(str, SIZES[2][0]))
            print(f"batch norm + activation at {mnist}, batch {SIZES[2][1]}: fused helpers vs printed expressions")
            print("| activation | dtype | fused helpers | printed expressions | fused/printed |")
            print("|---|---|---|---|---|")
            for activation, dtype, med in activation_rows(args.activations.split(","), rounds, Path(tmp)):
                print(f"| {activation} | {dtype} | {med['fused'] * 1e3:.3f} ms | {med['printed'] * 1e3:.3f} ms | "
                      f"{med['fused'] / med['printed']:.2f} |", flush=True)
            print()
        if not args.no_hand:
            print("| sizes              | batch | dtype   | generated    | hand CS231n  | gen/hand |")
            print("|---|---|---|---|---|---|")
        for sizes_, batch in ([] if args.no_hand else sizes):
            mod = generated_module(sizes_, Path(tmp))
            for dtype in (np.float32, np.float64):
                rng = np.random.default_rng(0)
                X = rng.standard_normal((batch, sizes_[0])).astype(dtype)
                Y = np.eye(sizes_[-1], dtype=dtype)[rng.integers(0, sizes_[-1], batch)]
                p_gen = mod.init_params(0, dtype)
                p_hand = {k: v.copy() for k, v in p_gen.items()}
                hand = HandBatchNormNet(p_hand, lam=mod.REG_LAMBDA, learning_rate=mod.LEARNING_RATE)
                _, g_hand = hand.loss_and_grads(X, Y)
                g_gen = mod.gradients(p_gen, X, Y)
                worst = max(float(np.max(np.abs(g_gen[k] - g_hand[k]))) for k in mod.PARAM_KEYS)
                tol = 1e-3 if dtype == np.float32 else 1e-9
                assert worst < tol, f"the implementations disagree: max |difference| {worst:.1e}"
                running, state = mod.init_running(p_gen), mod.init_state(p_gen)

                def gen_step(X, Y, p=p_gen, s=state, r=running, m=mod):
                    m.step(p, m.gradients(p, X, Y, running=r), s)

                impls = {"generated": gen_step, "hand": hand.step}
                t_one = timed(gen_step, X, Y, 3)
                reps = max(1, int(0.05 / max(t_one, 1e-6)))
                times = {k: [] for k in impls}
                order = list(impls)
                for r in range(rounds):
                    for k in order[r % len(order):] + order[:r % len(order)]:
                        times[k].append(timed(impls[k], X, Y, reps))
                gen, hand_t = (statistics.median(times[k]) for k in ("generated", "hand"))
                print(f"| {'-'.join(map(str, sizes_)):18s} | {batch:5d} | {np.dtype(dtype).name:7s} | {gen * 1e3:9.3f} ms | "
                      f"{hand_t * 1e3:9.3f} ms | {gen / hand_t:5.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
