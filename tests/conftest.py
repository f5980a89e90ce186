"""Shared fixtures: example specs and their derivations, derived once per test session."""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
# the suite derives from scratch, without the results earlier runs kept in ~/.cache/gradproof (derive/memo.py; the CLI
# processes it starts inherit this): a test that expects a derivation to run out of time must find nothing stored.
# tests/derive/test_memo.py tests the cache in folders of its own
os.environ["GRADPROOF_CACHE"] = "off"
ALL_EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))


def has_layer_kinds(path: Path) -> bool:
    """The spec at ``path`` has a layer of another kind than dense (its suites: tests/*/test_layer_*.py)."""
    import tomllib

    return any(layer.get("kind", "dense") != "dense" for layer in tomllib.loads(path.read_text())["layers"])


#: dense stacks (the suites written for W, b layers) and networks with layer kinds
LAYER_EXAMPLES = [p for p in ALL_EXAMPLES if has_layer_kinds(p)]
EXAMPLES = [p for p in ALL_EXAMPLES if p not in LAYER_EXAMPLES]

settings.register_profile("default", max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# CI draws the same 25 examples per property on every run (derandomize), so a red CI is a reproducible bug,
# not luck; the default profile draws fresh examples each run and explores.
settings.register_profile("ci", max_examples=25, deadline=None, derandomize=True, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("default")


def random_data(net, n: int, rng) -> tuple[np.ndarray, np.ndarray]:
    """X (n samples as rows) and targets Y that suit the loss: one-hot, in (0, 1), or real."""
    X = rng.normal(size=(n, net.inputs))
    k = net.output.units
    if net.loss.name == "cross_entropy":
        Y = np.eye(k)[rng.integers(0, k, size=n)]
    elif net.loss.name == "binary_cross_entropy":
        Y = rng.uniform(0.05, 0.95, size=(n, k))
    else:
        Y = rng.normal(size=(n, k))
    return X, Y


def verify_text(tmp_path, spec: str, body: str, name: str = "answer.md") -> dict:
    """verify's results for the answer ``body`` (a document named ``name``) against the spec text ``spec``, by claim text."""
    from gradproof.verify.cli import verify_file

    (tmp_path / "net.spec.toml").write_text(spec)
    (tmp_path / name).write_text(body)
    results, _, _ = verify_file(str(tmp_path / name), str(tmp_path / "net.spec.toml"))
    found = {r.latex.strip(): r for r in results}
    from gradproof.verify.normalize import squeeze_space

    for m in re.finditer(r"\$\$(.+?)\$\$|\$([^$]+)\$", body, re.S):  # (a claim is read, and shown, with its layout
        key = " ".join((m.group(1) or m.group(2)).split())  # spelled one way: ^{\rm T} as ^{T}, \left( as (, \dfrac as
        # \frac — found under both spellings)
        if key not in found and squeeze_space(key) in found:
            found[key] = found[squeeze_space(key)]
    return found


def central_differences(loss, params: dict, h: float = 1e-6) -> dict:
    """(loss(θ + h e) − loss(θ − h e)) / 2h for every entry of every parameter: the finite-difference oracle."""
    out = {}
    for key, value in params.items():
        g = np.zeros_like(value)
        for idx in np.ndindex(value.shape):
            old = value[idx]
            value[idx] = old + h
            up = loss(params)
            value[idx] = old - h
            down = loss(params)
            value[idx] = old
            g[idx] = (up - down) / (2 * h)
        out[key] = g
    return out


def gradient_of(loss, value) -> np.ndarray:
    """Central differences of the scalar ``loss`` at ``value`` (any array: a parameter or an intermediate quantity)."""
    return central_differences(lambda d: loss(d["v"]), {"v": np.array(value, dtype=float)})["v"]


def expected_verdict(value, truth) -> str:
    """The verdict a formula's NumPy ``value`` earns against the oracle's ``truth``: same shape and close, or not."""
    value, truth = np.asarray(value, dtype=float), np.asarray(truth, dtype=float)
    return "correct" if value.shape == truth.shape and np.allclose(value, truth, rtol=1e-5, atol=1e-8) else "incorrect"


def assert_verdicts(found: dict, claims: list) -> None:
    """Each (claim text, its NumPy value, the oracle's truth) of ``claims`` judged in ``found`` as the oracle says."""
    for latex, value, truth in claims:
        assert found[latex].verdict == expected_verdict(value, truth), (latex, found[latex].message)


def spec_toml(name: str, inputs: int, layers: list, loss: str) -> str:
    """A row-convention spec with SGD (rate 0.1) of ``layers`` [(units, activation)] and ``loss``, as a round's tests write
    their networks."""
    body = "".join(f'[[layers]]\nunits = {u}\nactivation = "{a}"\n\n' for u, a in layers)
    return (f'name = "{name}"\nconvention = "row"\ninputs = {inputs}\n\n{body}[loss]\nname = "{loss}"\n\n'
            '[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')


def listed_claims(claims: list) -> str:
    """The (latex, value, truth) claims as a numbered Markdown list of inline formulas."""
    return "".join(f"{k}. ${c}$\n" for k, (c, _, _) in enumerate(claims, 1))


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


@functools.lru_cache(maxsize=None)
def derivation_of(path: str, check: bool = True):
    from gradproof.derive.derivation import derive
    from gradproof.derive.spec import load_spec

    return derive(load_spec(path), check=check)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def reference():
    return derivation_of(str(ROOT / "examples" / "reference_mlp.toml"))


class IndexEnv:
    """Letters with fixed values for verify/einstein.py (no network): derivatives by perturbing a base letter and recomputing
    the others (tests/verify/test_einstein.py, tests/hardening/test_round_twelve.py)."""

    def __init__(self, base: dict, derived: tuple = (), consts: dict | None = None):
        self.base, self.derived, self.consts = base, derived, consts or {}
        self.vals = dict(base)
        for name, f in derived:
            self.vals[name] = f(self.vals)

    def has(self, name):
        return name in self.vals

    def value(self, name):
        return self.vals[name]

    def index(self, name):
        return self.consts.get(name)

    def perturbed(self, name, arr):
        return IndexEnv({**self.base, name: arr}, self.derived, self.consts)


@pytest.fixture(autouse=True)
def _sigint_as_it_was():
    """Each test leaves SIGINT's handler as it found it: ``cli.main()`` run as the command (sys.argv patched) ignores
    SIGINT once its exit code is decided — right for a process about to exit, but in the test process every later
    subprocess would inherit the ignored signal (round nineteen's finalizer test then saw no interrupt at all)."""
    import signal

    before = signal.getsignal(signal.SIGINT)
    yield
    if signal.getsignal(signal.SIGINT) is not before and before is not None:
        signal.signal(signal.SIGINT, before)
