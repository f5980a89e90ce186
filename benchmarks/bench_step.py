"""Time one training step of the reference network: generated vs hand-optimised NumPy vs PyTorch eager, one thread.

Usage:  .venv/bin/python benchmarks/bench_step.py [--quick] [--rounds R] [--sizes tiny,small,mnist,large] [--no-extra]

Single-threaded: OMP/OpenBLAS/MKL threads are set to 1 before NumPy is imported, torch.set_num_threads(1).
Every implementation of a row is timed in the same process, interleaved round by round in a rotating order; each
cell is the median over the rounds of the mean time of one step, in CPU time of the process by default (``--clock
wall`` for wall-clock time: on a machine shared with other work, wall time also counts the waits for a core). Columns:

- public: ``g = gradients(params, X, Y); step(params, g, state)`` — the path a user writes, validation included;
- reused: the same with the buffers kept between calls,
  ``gradients(params, X, Y, out=grads, workspace=state["workspace"])`` (``grads`` the views of ``state["flat"]["g"]``);
- train: ``train(params, X, Y, epochs=3, batch_size=B)`` over 16 mini-batches an epoch (4 at the large size), per
  step (shuffling, the batch loss and accuracy, the finiteness check and the call's validation of X and Y included:
  once per call, as a user calls train once for many epochs);
- hand: benchmarks/handwritten_reference.py, a hand-optimised NumPy step (every buffer preallocated, ``out=``);
  "hand epoch" is the same with the shuffle a hand-written epoch does (the yardstick of the train column);
- GEMM: only the step's eight matrix products (three forward, three weight gradients, two deltas) into
  preallocated buffers — the floor any NumPy implementation of the step pays;
- torch: PyTorch eager, the same network and RMSprop step, ``torch.set_num_threads(1)``;
- jax: ``jax.jit`` of the same step where JAX is installed.

The extra rows (not with --no-extra) time networks with other activations (GELU, ELU, softplus; a custom formula)
against PyTorch eager; they have no hand-written reference.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests" / "codegen"))
sys.path.insert(0, str(ROOT / "tests"))

from gradproof.codegen.loader import import_path  # noqa: E402
from gradproof.codegen.render import write_module  # noqa: E402
from gradproof.derive.derivation import derive  # noqa: E402
from gradproof.derive.spec import spec_from_dict  # noqa: E402
from handwritten_reference import HandStep  # noqa: E402

SIZES = {"tiny": ((4, 16, 8, 3), 32), "small": ((64, 128, 64, 10), 128), "mnist": ((784, 256, 128, 10), 256),
         "large": ((1024, 2048, 2048, 10), 1024)}
TRAIN_BATCHES = 16  # mini-batches per epoch of a timed train call (4 at the large size, whose step takes ~0.5 s)
TRAIN_EPOCHS = 3  # epochs per timed train call (and per hand-written training run)
EXTRA = {  # name -> hidden activations (formula tables allowed), at the MNIST size
    "gelu, elu": ["gelu", "elu"],
    "softplus, tanh": ["softplus", "tanh"],
    "custom x*tanh(softplus(x))": [{"name": "mish", "formula": "x*tanh(log(1 + exp(x)))"}, "tanh"],
}


def reference_table(sizes, hidden=None) -> dict:
    import tomllib

    data = tomllib.loads((ROOT / "examples" / "reference_mlp.toml").read_text())
    data["inputs"] = sizes[0]
    for layer, units in zip(data["layers"], sizes[1:], strict=True):
        layer["units"] = units
    for layer, act in zip(data["layers"], hidden or [], strict=False):
        layer.pop("gamma", None)
        layer["activation"] = act
    data["name"] = "bench_" + "_".join(map(str, sizes))
    return data


def generated_module(table, tmp: Path):
    d = derive(spec_from_dict(table, "examples/reference_mlp.toml"), check=False)
    return import_path(write_module(d, tmp, "examples/reference_mlp.toml")), d.network


def torch_step_factory(net, params, dtype):
    """A PyTorch eager step of ``net`` (the tests' PyTorch twin of a spec) with RMSprop as the module's."""
    import torch
    from networks import torch_loss

    torch.set_num_threads(1)
    tdt = torch.float32 if dtype == np.float32 else torch.float64
    P = {k: torch.tensor(v.copy(), dtype=tdt, requires_grad=True) for k, v in params.items()}
    S = {k: torch.zeros_like(v) for k, v in P.items()}
    lr, beta, eps = 1e-3, 0.9, 1e-6

    def step(X, Y):
        for v in P.values():
            v.grad = None
        torch_loss(net, P, X, Y).backward()
        with torch.no_grad():
            for k, theta in P.items():
                g = theta.grad
                S[k].mul_(beta).addcmul_(g, g, value=1 - beta)
                theta.addcdiv_(g, (S[k] + eps).sqrt_(), value=-lr)

    return step, torch.from_numpy


def jax_step_factory(params, dtype):
    """jax.jit of the reference step, or None when JAX is not installed."""
    try:
        import jax
        import jax.numpy as jnp
    except ImportError:
        return None
    jax.config.update("jax_enable_x64", dtype == np.float64)

    def objective(P, X, Y):
        h1 = jax.nn.leaky_relu(X @ P["W1"].T + P["b1"], 0.01)
        h2 = jnp.tanh(h1 @ P["W2"].T + P["b2"])
        z3 = h2 @ P["W3"].T + P["b3"]
        n = X.shape[0]
        return -(Y * jax.nn.log_softmax(z3, axis=1)).sum() / n + 1e-3 / (2 * n) * sum((P[k] ** 2).sum() for k in ("W1", "W2", "W3"))

    @jax.jit
    def update(P, S, X, Y):
        G = jax.grad(objective)(P, X, Y)
        S = {k: 0.9 * S[k] + 0.1 * G[k] ** 2 for k in P}
        return {k: P[k] - 1e-3 * G[k] / jnp.sqrt(S[k] + 1e-6) for k in P}, S

    box = {"P": {k: jnp.asarray(v) for k, v in params.items()}, "S": {k: jnp.zeros_like(jnp.asarray(v)) for k, v in params.items()}}

    def step(X, Y):
        box["P"], box["S"] = update(box["P"], box["S"], X, Y)
        jax.block_until_ready(box["P"])

    return step, jnp.asarray


def gemm_only(params, X, n, lib=np):
    """The eight matrix products of one step into preallocated buffers (row convention, three layers), in NumPy or,
    with ``lib=torch``, the same products in PyTorch on tensors of the same shapes and transposes."""
    if lib is not np:
        params = {k: lib.from_numpy(v.copy()) for k, v in params.items()}
    W1, W2, W3 = params["W1"], params["W2"], params["W3"]
    e = lambda *shape: lib.empty(shape, dtype=W1.dtype)  # noqa: E731
    Z1, Z2, Z3 = e(n, W1.shape[0]), e(n, W2.shape[0]), e(n, W3.shape[0])
    g1, g2, g3 = e(*W1.shape), e(*W2.shape), e(*W3.shape)
    matmul = lib.matmul

    def run(X, Y):
        matmul(X, W1.T, out=Z1)
        matmul(Z1, W2.T, out=Z2)
        matmul(Z2, W3.T, out=Z3)
        matmul(Z3.T, Z2, out=g3)
        matmul(Z3, W3, out=Z2)
        matmul(Z2.T, Z1, out=g2)
        matmul(Z2, W2, out=Z1)
        matmul(Z1.T, X, out=g1)

    return run


CLOCK = {"cpu": time.process_time, "wall": time.perf_counter}
clock = time.process_time


def timed(fn, X, Y, reps: int) -> float:
    t0 = clock()
    for _ in range(reps):
        fn(X, Y)
    return (clock() - t0) / reps


def measure(impls: dict, rounds: int, per_call: dict) -> dict:
    """Median over interleaved rounds of the time of one step of each implementation."""
    fn, a, b = next(iter(impls.values()))
    t_one = timed(fn, a, b, 2)
    reps = max(1, int(0.04 / max(t_one, 1e-6)))
    times = {k: [] for k in impls}
    order = list(impls)
    for r in range(rounds):  # interleaved, in a rotating order
        for k in order[r % len(order):] + order[:r % len(order)]:
            fn, a, b = impls[k]
            calls = max(1, reps // per_call.get(k, 1))
            times[k].append(timed(fn, a, b, calls) / per_call.get(k, 1))
    return {k: statistics.median(v) for k, v in times.items()}


def reference_rows(names, rounds, tmp: Path, have_torch: bool):
    for name in names:
        sizes, batch = SIZES[name]
        batches = 4 if name == "large" else TRAIN_BATCHES
        row_rounds = min(rounds, 7) if name == "large" else rounds
        mod, net = generated_module(reference_table(sizes), tmp)
        for dtype in (np.float32, np.float64):
            rng = np.random.default_rng(0)
            X = rng.standard_normal((batch, sizes[0])).astype(dtype)
            Y = np.eye(sizes[-1], dtype=dtype)[rng.integers(0, sizes[-1], batch)]
            X_big = rng.standard_normal((batch * batches, sizes[0])).astype(dtype)
            Y_big = np.eye(sizes[-1], dtype=dtype)[rng.integers(0, sizes[-1], batch * batches)]
            p_pub, p_train = mod.init_params(0, dtype), mod.init_params(0, dtype)
            s_pub, s_train = mod.init_state(p_pub), mod.init_state(p_train)
            p_reuse = mod.init_params(0, dtype)
            s_reuse = mod.init_state(p_reuse)
            g_reuse = dict(zip(mod.PARAM_KEYS, s_reuse["views"]["g"], strict=True))
            hand, hand_epoch = HandStep(mod.init_params(0, dtype), batch), HandStep(mod.init_params(0, dtype), batch)
            hand_rng = np.random.default_rng(1)

            def public(X, Y, m=mod, p=p_pub, s=s_pub):
                m.step(p, m.gradients(p, X, Y), s)

            def reused(X, Y, m=mod, p=p_reuse, s=s_reuse, g=g_reuse):
                m.step(p, m.gradients(p, X, Y, out=g, workspace=s["workspace"]), s)

            def train(X, Y, m=mod, p=p_train, s=s_train, b=batch):
                m.train(p, X, Y, epochs=TRAIN_EPOCHS, batch_size=b, state=s)

            def hand_train(X, Y, h=hand_epoch, b=batch, r=hand_rng):
                for _ in range(TRAIN_EPOCHS):
                    h.epoch(X, Y, b, r)

            impls = {"public": (public, X, Y), "reused": (reused, X, Y), "train": (train, X_big, Y_big), "hand": (hand.step, X, Y),
                     "hand epoch": (hand_train, X_big, Y_big), "GEMM": (gemm_only(p_pub, X, batch), X, Y)}
            if have_torch:
                tstep, conv = torch_step_factory(net, mod.init_params(0, dtype), dtype)
                impls["torch"] = (tstep, conv(X), conv(Y))
            jstep = jax_step_factory(mod.init_params(0, dtype), dtype)
            if jstep is not None:
                impls["jax"] = (jstep[0], jstep[1](X), jstep[1](Y))
            with np.errstate(all="ignore"):
                med = measure(impls, row_rounds, {"train": batches * TRAIN_EPOCHS, "hand epoch": batches * TRAIN_EPOCHS})
            yield sizes, batch, np.dtype(dtype).name, med


def extra_rows(rounds, tmp: Path):
    sizes, batch = SIZES["mnist"]
    for label, hidden in EXTRA.items():
        mod, net = generated_module(reference_table(sizes, hidden), tmp)
        for dtype in (np.float32, np.float64):
            rng = np.random.default_rng(0)
            X = rng.standard_normal((batch, sizes[0])).astype(dtype)
            Y = np.eye(sizes[-1], dtype=dtype)[rng.integers(0, sizes[-1], batch)]
            p, s = mod.init_params(0, dtype), mod.init_state(mod.init_params(0, dtype))

            def public(X, Y, m=mod, p=p, s=s):
                m.step(p, m.gradients(p, X, Y), s)

            tstep, conv = torch_step_factory(net, mod.init_params(0, dtype), dtype)
            impls = {"generated": (public, X, Y), "torch": (tstep, conv(X), conv(Y))}
            med = measure(impls, rounds, {})
            yield label, np.dtype(dtype).name, med


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="5 rounds, tiny to MNIST size")
    ap.add_argument("--rounds", type=int, default=None, help="interleaved rounds per row (default 21; at most 7 at the large size)")
    ap.add_argument("--sizes", default=None, help="comma-separated subset of " + ",".join(SIZES))
    ap.add_argument("--no-extra", action="store_true", help="skip the GELU/ELU/softplus/custom rows")
    ap.add_argument("--clock", choices=sorted(CLOCK), default="cpu",
                    help="cpu: the process's CPU time (default; on a shared machine wall time includes waiting for a core)")
    args = ap.parse_args(argv)
    global clock
    clock = CLOCK[args.clock]
    rounds = args.rounds or (5 if args.quick else 21)
    names = args.sizes.split(",") if args.sizes else (["tiny", "small", "mnist"] if args.quick else list(SIZES))
    try:
        import torch  # noqa: F401

        have_torch = True
    except ImportError:
        have_torch = False
    print(f"one thread, median of {rounds} interleaved rounds, {args.clock} time per step")
    print("| sizes | batch | dtype | public | reused | train | hand | hand epoch | public/hand | reused/hand | train/hand epoch | "
          "GEMM share | torch | public/torch | jax |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for sizes, batch, dtype, med in reference_rows(names, rounds, Path(tmp), have_torch):
            ms = lambda k, med=med: f"{med[k] * 1e3:.3f} ms" if k in med else "n/a"  # noqa: E731
            torch_ratio = f"{med['public'] / med['torch']:.2f}" if "torch" in med else "n/a"
            print(f"| {'-'.join(map(str, sizes))} | {batch} | {dtype} | {ms('public')} | {ms('reused')} | {ms('train')} | {ms('hand')} | "
                  f"{ms('hand epoch')} | {med['public'] / med['hand']:.2f} | {med['reused'] / med['hand']:.2f} | "
                  f"{med['train'] / med['hand epoch']:.2f} | "
                  f"{med['GEMM'] / med['public']:.0%} | {ms('torch')} | {torch_ratio} | {ms('jax')} |", flush=True)
        if have_torch and not args.no_extra and not args.quick:
            print()
            print(f"other activations at {'-'.join(map(str, SIZES['mnist'][0]))}, batch {SIZES['mnist'][1]} (public path vs PyTorch eager)")
            print("| hidden activations | dtype | generated | torch | generated/torch |")
            print("|---|---|---|---|---|")
            for label, dtype, med in extra_rows(rounds, Path(tmp)):
                print(f"| {label} | {dtype} | {med['generated'] * 1e3:.3f} ms | {med['torch'] * 1e3:.3f} ms | "
                      f"{med['generated'] / med['torch']:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
