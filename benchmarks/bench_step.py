"""Time one training step of the reference network: generated vs hand-optimised NumPy vs PyTorch eager, one thread.

Usage:  .venv/bin/python benchmarks/bench_step.py [--quick] [--seconds S | --seconds SIZE=S,...] [--sessions K]
        [--rounds R] [--sizes tiny,small,mnist,large] [--dtypes float32,float64] [--no-extra]

The sizes the default run of tiny to MNIST size leaves out, with the JAX column, in one run of ~5 minutes idle
(JAX installed beside the venv, not into it: ``python -m pip install --target DIR --no-deps jax jaxlib ml_dtypes
opt_einsum scipy``, then ``PYTHONPATH=DIR``)::

    bench_step.py --sizes tiny,large --no-extra --seconds tiny=20,large=60

Single-threaded: OMP/OpenBLAS/MKL threads are set to 1 before NumPy is imported, torch.set_num_threads(1). Every
implementation of a row is timed in the same process, in CPU time of the process by default (``--clock wall`` for
wall-clock time: on a machine shared with other work, wall time also counts the waits for a core).

Method (what makes a verdict possible on a noisy machine): a row runs in ``--sessions`` sessions (default 3), each
with its implementations made afresh (new arrays: another memory layout). A session is a sequence of rounds; a round
times every implementation once, a block of calls of about 20 ms, in the order of ``CHAIN`` and reversed the next
round, so the two implementations of each ratio run back to back, each first in every other round. Two warm-up rounds
per session are discarded (one at the large size), the garbage collector is off while timing, and rounds go on until
the row's time box is used (``SECONDS``: 20 s for tiny and small, 45 s for MNIST size, 90 s for the large size; at
least 15 rounds, 6 at the large size, where one round takes 5-10 s idle: ``--sizes large`` takes about 5-6 minutes
idle for both dtypes, three to five times that under load). A ratio (public/hand, ...) is the
median over all rounds of the per-round ratio of the two times; its 95 % interval is a two-level bootstrap of that
median (the sessions with replacement, then each drawn session's rounds), so it holds the spread between sessions as
well as between rounds; the verdict is "meets" when the whole interval is at or below the target (1.0 against the
hand step, 0.85 against PyTorch up to MNIST size), "misses" when it is all above, else "undecided". The load (1-minute
load average before and after each row) is printed with it: the verdict holds for that load.

Implementations:

- public: ``g = gradients(params, X, Y); step(params, g, state)`` — the path a user writes, validation included;
- reused: the same with the buffers kept between calls,
  ``gradients(params, X, Y, out=grads, workspace=state["workspace"])`` (``grads`` the views of ``state["flat"]["g"]``);
- train: ``train(params, X, Y, epochs=3, batch_size=B)`` over 16 mini-batches an epoch (at the large size 1 epoch
  of 2 mini-batches: ``TRAIN_RUN``), per step (shuffling, the batch loss and accuracy, the finiteness check and the
  call's validation of X and Y included: once per call, as a user calls train once for many epochs);
- hand: benchmarks/handwritten_reference.py, a hand-optimised NumPy step (every buffer preallocated, ``out=``);
  "hand epoch" is the same with the shuffle a hand-written epoch does (the yardstick of the train column);
- GEMM: only the step's eight matrix products (three forward, three weight gradients, two deltas) into
  preallocated buffers — the floor any NumPy implementation of the step pays;
- torch: PyTorch eager, the same network and RMSprop step, ``torch.set_num_threads(1)``;
- jax: ``jax.jit`` of the same step (parameters and state donated) where JAX can be imported, on one thread
  (``XLA_FLAGS``), float64 with ``jax_enable_x64``; the column is absent without JAX (not a dependency of the
  project: ``pip install jax`` into the environment that runs the benchmark). Compiled once per shape and dtype
  (a few seconds, in the calibration, not timed).

The extra rows (not with --no-extra) time networks with other activations (GELU, ELU, softplus; a custom formula)
against PyTorch eager; they have no hand-written reference.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_var] = "1"
# JAX (XLA's CPU client) on one thread too, unless the caller chose its own XLA flags
os.environ.setdefault("XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1")

import argparse  # noqa: E402
import gc  # noqa: E402
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
# a timed train call (and the hand-written training run it is compared with): (epochs, mini-batches per epoch); at
# the large size one step takes 0.5-1.5 s idle, so 1 epoch of 2 batches keeps a round (every implementation once)
# near 5 s in float32 and 10 s in float64
TRAIN_RUN = {"tiny": (3, 16), "small": (3, 16), "mnist": (3, 16), "large": (1, 2)}
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


_JAX = {}  # the jitted JAX step, made once: the sessions and sizes of a run reuse it (jit caches per shape and dtype)


def jax_step_factory(params, dtype):
    """``(step, to_jax)``: the reference step as one ``jax.jit`` function (the same objective — leaky ReLU 0.01, tanh,
    softmax, cross-entropy, L2 λ/(2N) — and RMSprop step; the parameters and state donated, so XLA may update them
    in place), or None when JAX cannot be imported. float64 runs with ``jax_enable_x64`` on (JAX's default is
    float32 only), float32 with it off. One thread: ``XLA_FLAGS`` is set before JAX is imported (top of this file)."""
    try:
        import jax
        import jax.numpy as jnp
    except (ImportError, RuntimeError):  # not installed, or a jaxlib that does not load here
        return None
    jax.config.update("jax_enable_x64", dtype == np.float64)
    if "update" not in _JAX:

        def objective(P, X, Y):
            h1 = jax.nn.leaky_relu(X @ P["W1"].T + P["b1"], 0.01)
            h2 = jnp.tanh(h1 @ P["W2"].T + P["b2"])
            z3 = h2 @ P["W3"].T + P["b3"]
            n = X.shape[0]
            penalty = sum((P[k] ** 2).sum() for k in ("W1", "W2", "W3"))
            return -(Y * jax.nn.log_softmax(z3, axis=1)).sum() / n + 1e-3 / (2 * n) * penalty

        def update(P, S, X, Y):
            G = jax.grad(objective)(P, X, Y)
            S = {k: 0.9 * S[k] + 0.1 * G[k] ** 2 for k in P}
            return {k: P[k] - 1e-3 * G[k] / jnp.sqrt(S[k] + 1e-6) for k in P}, S

        _JAX["update"] = jax.jit(update, donate_argnums=(0, 1))
    update = _JAX["update"]
    box = {"P": {k: jnp.array(v) for k, v in params.items()}, "S": {k: jnp.zeros(v.shape, v.dtype) for k, v in params.items()}}

    def step(X, Y):
        box["P"], box["S"] = update(box["P"], box["S"], X, Y)
        jax.block_until_ready(box["P"])

    step.params = lambda: {k: np.asarray(v) for k, v in box["P"].items()}  # for the test that it is the same step
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
BLOCK = 0.02  # seconds of calls in one timed block (one implementation, one round)
WARMUP_ROUNDS = 2  # rounds run and discarded before any is kept (caches, page faults, BLAS and torch start-up)
LARGE_WARMUP_ROUNDS = 1  # at the large size (a round is 5-10 s; the calibration's two calls per implementation warm up too)
BOOTSTRAP = 4000  # bootstrap resamples of the median ratio


def timed(fn, X, Y, reps: int) -> float:
    t0 = clock()
    for _ in range(reps):
        fn(X, Y)
    return (clock() - t0) / reps


def sample(impls: dict, per_call: dict | None = None, *, seconds: float = 0.0, min_rounds: int = 21,
           max_rounds: int | None = None, chain=None, warmup: int = WARMUP_ROUNDS) -> dict:
    """Per-round times of one step of each implementation, ``{name: array}`` (index r = round r).

    Each round times every implementation once, a block of calls of about ``BLOCK`` seconds (at least one call), in
    the order ``chain`` (its names that are in ``impls``; default: the order of ``impls``) and in the reverse order
    the next round, so that the two implementations of a ratio placed next to each other in the chain run back to
    back, each first in every other round. ``warmup`` rounds (``WARMUP_ROUNDS``) are run first and discarded. Then rounds go on
    until ``seconds`` have passed and at least ``min_rounds`` are kept (or ``max_rounds`` are). The garbage collector
    is off while timing. ``per_call``: how many steps one call makes (a train call), to report the time of one step."""
    per_call = per_call or {}
    order = [k for k in chain if k in impls] if chain else list(impls)
    max_rounds = max_rounds or max(min_rounds, 10_000)
    gc.collect()
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        reps = {}
        for k in order:  # calibrate: each block about BLOCK seconds
            fn, a, b = impls[k]
            fn(a, b)
            reps[k] = max(1, round(BLOCK / max(timed(fn, a, b, 1), 1e-7)))
        times = {k: [] for k in order}
        start, r = time.perf_counter(), -warmup
        while r < max_rounds and (r < min_rounds or time.perf_counter() - start < seconds):
            for k in (order if r % 2 == 0 else order[::-1]):
                fn, a, b = impls[k]
                t = timed(fn, a, b, reps[k]) / per_call.get(k, 1)
                if r >= 0:
                    times[k].append(t)
            if r == -1:
                start = time.perf_counter()
            r += 1
    finally:
        if gc_was_enabled:
            gc.enable()
    return {k: np.array(v) for k, v in times.items()}


def measure(impls: dict, rounds: int, per_call: dict) -> dict:
    """Median over ``rounds`` interleaved rounds of the time of one step of each implementation (see ``sample``)."""
    return {k: float(np.median(v)) for k, v in sample(impls, per_call, min_rounds=rounds, max_rounds=rounds).items()}


def sessions(build, per_call: dict | None = None, *, sessions: int = 3, seconds: float = 0.0, min_rounds: int = 15,
             max_rounds: int | None = None, chain=None, warmup: int = WARMUP_ROUNDS) -> list:
    """``sample`` in ``sessions`` independent sessions, each with implementations made afresh by ``build()`` (new
    arrays, new state: a different memory layout, which moves a ratio by more than the rounds of one session do), the
    time box and the rounds shared between them; a list of the sessions' ``{name: per-round times}``."""
    share = {"seconds": seconds / sessions, "min_rounds": -(-min_rounds // sessions),
             "max_rounds": max_rounds and -(-max_rounds // sessions), "warmup": warmup}
    return [sample(build(), per_call, chain=chain, **share) for _ in range(sessions)]


def ratio(num, den, target=None, seed=0) -> dict:
    """The paired per-round ratios num[r]/den[r] (``num``, ``den``: one array of per-round times, or one per session):
    their median over every round, a 95 % bootstrap interval of that median (percentile method, ``BOOTSTRAP``
    resamples; two levels: the sessions with replacement, then the rounds of each drawn session with replacement, so
    that the interval holds the spread between sessions as well as between rounds) and, given a target, the verdict:
    "meets ≤ t" when the whole interval is at or below it, "misses" when it is all above, else "undecided" (the
    interval spans the target)."""
    if isinstance(num, np.ndarray):
        num, den = [num], [den]
    parts = [np.asarray(a) / np.asarray(b) for a, b in zip(num, den, strict=True)]
    rng = np.random.default_rng(seed)
    sizes = np.array([r.size for r in parts])
    padded = np.full((len(parts), sizes.max()), np.nan)  # session k's rounds in row k, NaN after them
    for k, r in enumerate(parts):
        padded[k, :r.size] = r
    drawn = rng.integers(0, len(parts), (BOOTSTRAP, len(parts)))  # the sessions of each resample
    n = sizes[drawn][..., None]  # each drawn session's size, and as many of its rounds drawn with replacement
    rounds = (rng.random((BOOTSTRAP, len(parts), sizes.max())) * n).astype(np.intp)
    resampled = np.where(np.arange(sizes.max()) < n, padded[drawn[..., None], rounds], np.nan)
    medians = np.nanmedian(resampled.reshape(BOOTSTRAP, -1), axis=1)
    lo, hi = np.percentile(medians, [2.5, 97.5])
    rounds = sum(r.size for r in parts)
    out = {"median": float(np.median(np.concatenate(parts))), "lo": float(lo), "hi": float(hi), "rounds": rounds,
           "sessions": len(parts), "target": target}
    if target is None:
        out["verdict"] = ""
    elif hi <= target:
        out["verdict"] = f"meets ≤ {target:g}"
    elif lo > target:
        out["verdict"] = f"misses ≤ {target:g}"
    else:
        out["verdict"] = f"undecided: interval spans {target:g}"
    return out


# the order of a round (reversed every other round): each ratio's two implementations are neighbours
CHAIN = ("GEMM", "reused", "hand", "public", "torch", "jax", "train", "hand epoch")
# the ratios reported per reference row: (numerator, denominator, target; None: no target)
RATIOS = (("public", "hand", 1.0), ("reused", "hand", 1.0), ("train", "hand epoch", 1.0), ("public", "torch", 0.85),
          ("public", "jax", None), ("GEMM", "public", None))
SECONDS = {"tiny": 20.0, "small": 20.0, "mnist": 45.0, "large": 90.0}  # default time box per row (size), warm-up not counted
TORCH_TARGET_SIZES = ("tiny", "small", "mnist")  # issue 13: <= 0.85x torch where the step is not GEMM-bound


def time_boxes(text: str | None, quick: bool = False) -> dict:
    """The time box of each size's rows (seconds, warm-up not counted): ``SECONDS`` (a quarter of it with ``quick``), or
    ``text`` -- one number for every size ("30") or per size ("tiny=10,large=60"; the sizes not named keep
    ``SECONDS``)."""
    boxes = {k: v / (4 if quick else 1) for k, v in SECONDS.items()}
    if text is None:
        return boxes
    if "=" not in text:
        return dict.fromkeys(SECONDS, float(text))
    for part in text.split(","):
        size, _, value = part.partition("=")
        if size.strip() not in SECONDS:
            raise ValueError(f"--seconds: unknown size {size.strip()!r} (sizes: {', '.join(SECONDS)})")
        boxes[size.strip()] = float(value)
    return boxes


def load() -> float:
    """The 1-minute load average (how busy the shared machine was), or nan where the OS has none."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return float("nan")


def reference_impls(mod, net, name: str, dtype, have_torch: bool) -> dict:
    """The implementations of a reference row, made afresh (data, parameters, states, buffers): {name: (fn, X, Y)}."""
    sizes, batch = SIZES[name]
    epochs, batches = TRAIN_RUN[name]
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
        m.train(p, X, Y, epochs=epochs, batch_size=b, state=s)

    def hand_train(X, Y, h=hand_epoch, b=batch, r=hand_rng):
        for _ in range(epochs):
            h.epoch(X, Y, b, r)

    impls = {"public": (public, X, Y), "reused": (reused, X, Y), "train": (train, X_big, Y_big), "hand": (hand.step, X, Y),
             "hand epoch": (hand_train, X_big, Y_big), "GEMM": (gemm_only(p_pub, X, batch), X, Y)}
    if have_torch:
        tstep, conv = torch_step_factory(net, mod.init_params(0, dtype), dtype)
        impls["torch"] = (tstep, conv(X), conv(Y))
    jstep = jax_step_factory(mod.init_params(0, dtype), dtype)
    if jstep is not None:
        impls["jax"] = (jstep[0], jstep[1](X), jstep[1](Y))
    return impls


def reference_rows(names, budget, tmp: Path, have_torch: bool, dtypes=(np.float32, np.float64)):
    """Per size and dtype: (name, sizes, batch, dtype, per-session per-round times by implementation, (load before,
    load after))."""
    for name in names:
        sizes, batch = SIZES[name]
        steps = TRAIN_RUN[name][0] * TRAIN_RUN[name][1]
        mod, net = generated_module(reference_table(sizes), tmp)
        for dtype in dtypes:
            load_before = load()
            with np.errstate(all="ignore"):
                times = sessions(lambda: reference_impls(mod, net, name, dtype, have_torch), {"train": steps, "hand epoch": steps},  # noqa: B023
                                 chain=CHAIN, **budget(name))
            yield name, sizes, batch, np.dtype(dtype).name, times, (load_before, load())


def extra_rows(budget, tmp: Path, dtypes=(np.float32, np.float64)):
    sizes, batch = SIZES["mnist"]
    for label, hidden in EXTRA.items():
        mod, net = generated_module(reference_table(sizes, hidden), tmp)
        for dtype in dtypes:

            def build(mod=mod, net=net, dtype=dtype):
                rng = np.random.default_rng(0)
                X = rng.standard_normal((batch, sizes[0])).astype(dtype)
                Y = np.eye(sizes[-1], dtype=dtype)[rng.integers(0, sizes[-1], batch)]
                p, s = mod.init_params(0, dtype), mod.init_state(mod.init_params(0, dtype))

                def public(X, Y, m=mod, p=p, s=s):
                    m.step(p, m.gradients(p, X, Y), s)

                tstep, conv = torch_step_factory(net, mod.init_params(0, dtype), dtype)
                return {"generated": (public, X, Y), "torch": (tstep, conv(X), conv(Y))}

            load_before = load()
            with np.errstate(all="ignore"):
                times = sessions(build, {}, **budget("mnist"))
            yield label, np.dtype(dtype).name, times, (load_before, load())


def pooled_medians(times: list) -> dict:
    """The median time of one step of each implementation over every round of every session."""
    return {k: float(np.median(np.concatenate([t[k] for t in times]))) for k in times[0]}


def ratio_line(size, dtype, name, stats, loads) -> str:
    target = "" if stats["target"] is None else f"≤ {stats['target']:g}"
    return (f"| {size} | {dtype} | {name} | {stats['median']:.3f} | {stats['lo']:.3f}–{stats['hi']:.3f} | {target} | "
            f"{stats['verdict']} | {stats['rounds']} | {loads[0]:.1f}–{loads[1]:.1f} |")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a quarter of the default time box, tiny to MNIST size")
    ap.add_argument("--seconds", default=None,
                    help="time box per row, warm-up not counted: S for every size or per size, e.g. tiny=10,large=60 "
                         "(default: " + ", ".join(f"{k} {v:g} s" for k, v in SECONDS.items()) + ")")
    ap.add_argument("--sessions", type=int, default=3, help="independent sessions per row, each with its own arrays (default 3)")
    ap.add_argument("--min-rounds", type=int, default=15, help="rounds kept at least per row, whatever the time box (default 15)")
    ap.add_argument("--rounds", type=int, default=None, help="exactly this many rounds per row instead of the time box")
    ap.add_argument("--sizes", default=None, help="comma-separated subset of " + ",".join(SIZES))
    ap.add_argument("--dtypes", default="float32,float64", help="comma-separated subset of float32,float64")
    ap.add_argument("--no-extra", action="store_true", help="skip the GELU/ELU/softplus/custom rows")
    ap.add_argument("--clock", choices=sorted(CLOCK), default="cpu",
                    help="cpu: the process's CPU time (default; on a shared machine wall time includes waiting for a core)")
    args = ap.parse_args(argv)
    global clock
    clock = CLOCK[args.clock]
    try:
        boxes = time_boxes(args.seconds, args.quick)
        dtypes = [np.dtype(name).type for name in args.dtypes.split(",")]
    except (ValueError, TypeError) as exc:
        ap.error(str(exc))

    def budget(name):
        if args.rounds:
            return {"sessions": args.sessions, "min_rounds": args.rounds, "max_rounds": args.rounds,
                    "warmup": LARGE_WARMUP_ROUNDS if name == "large" else WARMUP_ROUNDS}
        seconds = boxes[name]
        if name == "large":  # a round is 5-10 s idle: 6 rounds at least (2 a session), one warm-up round a session
            return {"sessions": args.sessions, "seconds": seconds, "min_rounds": min(args.min_rounds, 6),
                    "warmup": LARGE_WARMUP_ROUNDS}
        return {"sessions": args.sessions, "seconds": seconds, "min_rounds": args.min_rounds}

    names = args.sizes.split(",") if args.sizes else (["tiny", "small", "mnist"] if args.quick else list(SIZES))
    if not set(names) <= set(SIZES):
        ap.error(f"--sizes: unknown size among {args.sizes!r} (sizes: {', '.join(SIZES)})")
    try:
        import torch  # noqa: F401

        have_torch = True
    except ImportError:
        have_torch = False
    if args.rounds:
        box = f"exactly {args.rounds} rounds per row"
    else:
        box = ", ".join(f"{k} {v:g} s" for k, v in boxes.items() if k in names) + " per row"
    print(f"one thread, {args.clock} time per step, {box} in {args.sessions} sessions of fresh arrays ({WARMUP_ROUNDS} warm-up "
          f"rounds each, {LARGE_WARMUP_ROUNDS} at the large size, discarded; GC off); a ratio is the median over the rounds "
          "of the two implementations' times in one round, timed back to back, order alternated; interval: two-level "
          "bootstrap (sessions, rounds) of that median, 95 %; load: the 1-minute load average before–after the row")
    print()
    print("| size | dtype | ratio | median | 95 % interval | target | verdict | rounds | load |")
    print("|---|---|---|---|---|---|---|---|---|")
    times_rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, sizes, batch, dtype, times, loads in reference_rows(names, budget, Path(tmp), have_torch, dtypes):
            size = f"{'-'.join(map(str, sizes))} /{batch}"
            for num, den, target in RATIOS:
                if num in times[0] and den in times[0]:
                    if den == "torch" and name not in TORCH_TARGET_SIZES:
                        target = None
                    stats = ratio([t[num] for t in times], [t[den] for t in times], target)
                    print(ratio_line(size, dtype, f"{num}/{den}", stats, loads), flush=True)
            times_rows.append((size, dtype, pooled_medians(times), loads))
        extra = []
        if have_torch and not args.no_extra and not args.quick:
            mnist = f"{'-'.join(map(str, SIZES['mnist'][0]))} /{SIZES['mnist'][1]}"
            for label, dtype, times, loads in extra_rows(budget, Path(tmp), dtypes):
                stats = ratio([t["generated"] for t in times], [t["torch"] for t in times], 0.85)
                print(ratio_line(mnist, dtype, f"{label}: generated/torch", stats, loads), flush=True)
                extra.append((label, dtype, pooled_medians(times), loads))
    print()
    print("median time of one step per implementation")
    print()
    columns = [k for k in CHAIN if any(k in med for _, _, med, _ in times_rows)]
    print("| size | dtype | " + " | ".join(columns) + " | load |")
    print("|---|---|" + "---|" * len(columns) + "---|")
    for size, dtype, med, loads in times_rows:
        cells = " | ".join(f"{med[k] * 1e3:.3f} ms" if k in med else "n/a" for k in columns)
        print(f"| {size} | {dtype} | {cells} | {loads[0]:.1f}–{loads[1]:.1f} |")
    for label, dtype, med, loads in extra:
        print(f"| {label} | {dtype} | generated {med['generated'] * 1e3:.3f} ms | torch {med['torch'] * 1e3:.3f} ms | "
              f"{loads[0]:.1f}–{loads[1]:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
