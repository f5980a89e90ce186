"""``gradproof demo``: the whole pipeline on the bundled reference network, end to end.

1. derive the reference network and write its proof (.tex, and .pdf when TeX is installed);
2. generate its NumPy training module and train it on Fisher's iris data (shipped in gradproof/data);
3. draw the loss/accuracy curves (SVG);
4. check a student's homework with a few mistakes in it.
"""

from __future__ import annotations

import csv
import os
import sys
import time
from importlib import resources
from pathlib import Path

import numpy as np

from gradproof import examples
from gradproof.derive.errors import GradproofError
from gradproof.derive.outputs import write_atomic

EXAMPLES = Path(examples.__file__).resolve().parent  # examples/ in the repository, gradproof/examples/ in a wheel
REFERENCE = EXAMPLES / "reference_mlp.toml"
HOMEWORK = EXAMPLES / "answers" / "homework.toml"
EPOCHS, BATCH, LEARNING_RATE, SEED = 150, 16, 0.01, 0


def _shown(path: Path) -> str:
    """``examples/…`` as the user types it from the repository root; the full path when run from elsewhere."""
    rel = os.path.relpath(path)
    return path.as_posix() if rel.startswith("..") else Path(rel).as_posix()


def load_iris() -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Fisher's iris data (150 samples, 4 features, 3 classes): X, one-hot Y, class names."""
    with resources.files("gradproof").joinpath("data/iris.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    classes = rows[0][2:]
    data = np.array(rows[1:], dtype=float)
    X, labels = data[:, :4], data[:, 4].astype(int)
    return X, np.eye(len(classes))[labels], classes


def split(X, Y, seed: int = SEED, test_fraction: float = 0.3):
    """A stratified-enough random split, standardised with the training set's statistics."""
    order = np.random.default_rng(seed).permutation(len(X))
    n_test = int(round(len(X) * test_fraction))
    test, train = order[:n_test], order[n_test:]
    mean, std = X[train].mean(axis=0), X[train].std(axis=0)
    return (X[train] - mean) / std, Y[train], (X[test] - mean) / std, Y[test]


def svg_curves(history: dict, title: str) -> str:
    """Loss (left axis) and accuracy (right axis) per epoch as a small standalone SVG."""
    w, h, m = 640, 360, 56
    loss = np.asarray(history["loss"], dtype=float)
    acc = np.asarray(history.get("accuracy") or [], dtype=float)
    n = len(loss)

    def px(i):
        return m + (w - 2 * m) * (i / max(n - 1, 1))

    lo, hi = 0.0, float(loss.max()) * 1.05 or 1.0

    def py(v, a=lo, b=hi):
        return h - m - (h - 2 * m) * (v - a) / (b - a)

    def path(values, **kw):
        pts = " ".join(f"{px(i):.1f},{py(v, **kw):.1f}" for i, v in enumerate(values))
        return pts

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}"'
             ' font-family="sans-serif" font-size="12">',
             f'<rect width="{w}" height="{h}" fill="white"/>',
             f'<text x="{w / 2}" y="24" text-anchor="middle" font-size="15">{title}</text>',
             f'<line x1="{m}" y1="{h - m}" x2="{w - m}" y2="{h - m}" stroke="black"/>',
             f'<line x1="{m}" y1="{m}" x2="{m}" y2="{h - m}" stroke="black"/>',
             f'<line x1="{w - m}" y1="{m}" x2="{w - m}" y2="{h - m}" stroke="black"/>']
    for k in range(5):
        v = lo + (hi - lo) * k / 4
        parts.append(f'<text x="{m - 6}" y="{py(v) + 4:.1f}" text-anchor="end" fill="#1f77b4">{v:.2f}</text>')
        parts.append(f'<text x="{w - m + 6}" y="{py(k / 4, 0, 1) + 4:.1f}" fill="#d62728">{k * 25}%</text>')
    for k in range(5):
        e = int(round((n - 1) * k / 4))
        parts.append(f'<text x="{px(e):.1f}" y="{h - m + 18}" text-anchor="middle">{e + 1}</text>')
    parts.append(f'<text x="{w / 2}" y="{h - 12}" text-anchor="middle">epoch</text>')
    parts.append(f'<polyline fill="none" stroke="#1f77b4" stroke-width="2" points="{path(loss)}"/>')
    parts.append(f'<text x="{m + 8}" y="{m - 8}" fill="#1f77b4">training loss J</text>')
    if len(acc):
        parts.append(f'<polyline fill="none" stroke="#d62728" stroke-width="2" points="{path(acc, a=0.0, b=1.0)}"/>')
        parts.append(f'<text x="{w - m - 8}" y="{m - 8}" text-anchor="end" fill="#d62728">training accuracy</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def run(out: Path) -> int:
    """Run the pipeline into ``out``; returns the exit code (0, or 1 when a derivation check failed)."""
    from gradproof.codegen.loader import import_path
    from gradproof.codegen.render import write_module
    from gradproof.derive.derivation import derive
    from gradproof.derive.spec import load_spec
    from gradproof.proof.document import write_proof

    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    d = derive(load_spec(REFERENCE))
    checks = d.all_checks()
    print(f"1. derived {d.network.name} ({'-'.join(map(str, d.network.sizes))}) in {d.seconds:.2f} s: "
          f"{sum(c.passed for c in checks)}/{len(checks)} checks passed")
    proof = write_proof(d, out)
    for line in proof.messages:
        print(f"   {line}")

    module_path = write_module(d, out, _shown(REFERENCE))
    net = import_path(module_path)
    X, Y, classes = load_iris()
    X_train, Y_train, X_test, Y_test = split(X, Y)
    params = net.init_params(seed=SEED)
    t1 = time.perf_counter()
    history = net.train(params, X_train, Y_train, epochs=EPOCHS, batch_size=BATCH, seed=SEED, learning_rate=LEARNING_RATE)
    seconds = time.perf_counter() - t1
    Y_hat, _ = net.forward(params, X_test)
    test_acc = float(np.mean(Y_hat.argmax(axis=1) == Y_test.argmax(axis=1)))
    train_acc = history["accuracy"][-1]
    print(f"2. generated {module_path}; trained on iris ({len(X_train)} train / {len(X_test)} test samples, "
          f"{EPOCHS} epochs, batch {BATCH}, RMSprop α = {LEARNING_RATE}) in {seconds:.2f} s")
    print(f"   loss {history['loss'][0]:.3f} -> {history['loss'][-1]:.3f}; "
          f"train accuracy {train_acc:.1%}, test accuracy {test_acc:.1%}")
    curve = out / "training_curve.svg"
    write_atomic(curve, svg_curves(history, f"{d.network.name} on iris: RMSprop, batch {BATCH}"))
    print(f"3. wrote {curve}")

    import argparse

    from gradproof.verify.cli import run as verify

    print(f"4. gradproof verify {_shown(HOMEWORK)}  (a homework with deliberate mistakes)")
    verify(argparse.Namespace(answers=_shown(HOMEWORK), json=False, format=None, spec=None, notation=None, out=None))
    print(f"done in {time.perf_counter() - t0:.1f} s; outputs in {out}/")
    return 0 if d.all_passed else 1


def main() -> int:  # pragma: no cover - python -m gradproof.demo
    try:
        return run(Path(sys.argv[1] if len(sys.argv) > 1 else "out/demo"))
    except GradproofError as exc:
        print(f"demo: error: {exc}", file=sys.stderr)
        return exc.exit_code
