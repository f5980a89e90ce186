"""Shared helpers of the verify tests: derivations of the example specs (derived once) and a judge."""

from __future__ import annotations

import functools
from pathlib import Path

from conftest import has_layer_kinds
from gradproof.derive.derivation import derive
from gradproof.derive.spec import load_spec, spec_from_dict
from gradproof.verify.judge import Claim, Judge

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
#: the dense example specs (verify refuses answers about layer kinds: tests/derive/test_layer_kinds.py)
DENSE_NAMES = sorted(p.stem for p in EXAMPLES.glob("*.toml") if not has_layer_kinds(p))


@functools.lru_cache(maxsize=None)
def derivation(name: str):
    return derive(load_spec(EXAMPLES / f"{name}.toml"), check=False)


@functools.lru_cache(maxsize=None)
def judge(name: str, batch: int = 1) -> Judge:
    return Judge(derivation(name), batch=batch)


def verdict(name: str, latex: str, batch: int = 1, quantity: str | None = None):
    return judge(name, batch).check(Claim("t", latex, quantity))


def small(convention: str = "row", hidden: str = "tanh", output: str = "sigmoid", loss: str = "squared_error",
          reg: float | None = None, optimizer: dict | None = None):
    spec = {"name": "small", "convention": convention, "inputs": 3,
            "layers": [{"units": 4, "activation": hidden}, {"units": 2, "activation": output}],
            "loss": {"name": loss}, "optimizer": optimizer or {"name": "sgd", "learning_rate": 0.5}}
    if reg is not None:
        spec["regularization"] = {"name": "l2", "lambda": reg}
    return derive(spec_from_dict(spec), check=False)


def spec_text(name: str, inputs: int, *layers: tuple[int, str], loss: str = "squared_error", convention: str = "row",
              learning_rate: float = 0.1, optimizer: str = "sgd", **hyper) -> str:
    """A spec TOML for a document's tests: ``layers`` as (units, activation) or ("dropout", p), plain SGD (or
    ``optimizer`` with its ``hyper``-parameters, strings quoted)."""
    blocks = "".join(f'\n[[layers]]\nkind = "dropout"\np = {b}\n' if a == "dropout" else
                     f'\n[[layers]]\nunits = {a}\nactivation = "{b}"\n' for a, b in layers)
    extra = "".join(f'{k} = "{v}"\n' if isinstance(v, str) else f"{k} = {v}\n" for k, v in hyper.items())
    return (f'name = "{name}"\nconvention = "{convention}"\ninputs = {inputs}\n{blocks}\n[loss]\nname = "{loss}"\n\n'
            f'[optimizer]\nname = "{optimizer}"\nlearning_rate = {learning_rate}\n{extra}')


def sigmoid_spec_text(name: str = "small", convention: str = "row") -> str:
    """A spec TOML for a document's tests: 3 inputs, 4 sigmoid hidden units, 2 sigmoid outputs, squared error, SGD 0.1."""
    return spec_text(name, 3, (4, "sigmoid"), (2, "sigmoid"), convention=convention)


def doc_verdicts(tmp_path, spec: str, displays: list[str], prose: str = "") -> dict:
    """Verify a Markdown answer of ``displays`` (one ``$$…$$`` each, a blank line between, after ``prose``) against the
    spec TOML ``spec``: {display index: verdict} ("missing" when no claim has the display's id)."""
    from gradproof.verify.cli import verify_file

    lines, where = ["# notes", "", prose, ""], []
    for d in displays:
        where.append(len(lines) + 1)
        lines += [f"$${d}$$", ""]
    (tmp_path / "net.toml").write_text(spec, encoding="utf-8")
    (tmp_path / "a.md").write_text("\n".join(lines), encoding="utf-8")
    results, _meta, _s = verify_file(str(tmp_path / "a.md"), str(tmp_path / "net.toml"))
    got = {r.id: r.verdict for r in results}
    return {k: got.get(f"line {n}", "missing") for k, n in enumerate(where)}


def central_differences(f, arg, h: float = 1e-6):
    """∂f/∂arg entry by entry by central differences (``f`` a scalar function of the array ``arg``)."""
    import numpy as np

    g = np.zeros_like(arg, dtype=float)
    for idx in np.ndindex(arg.shape):
        up, down = arg.astype(float).copy(), arg.astype(float).copy()
        up[idx] += h
        down[idx] -= h
        g[idx] = (f(up) - f(down)) / (2 * h)
    return g
