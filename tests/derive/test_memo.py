"""The cache of pure SymPy work between runs (derive/memo.py): the same derivation with it as without it, read back
instead of derived, private, and never trusted blindly (a foreign or damaged entry, a run short of budget, a changed
code base: derived again)."""

from __future__ import annotations

import dataclasses
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from gradproof.derive import calculus, indexform, limits, memo
from gradproof.derive.derivation import derive
from gradproof.derive.spec import load_spec, spec_from_dict

ROOT = Path(__file__).resolve().parents[2]


def _net():
    return spec_from_dict({"name": "m", "inputs": 3, "convention": "column",
                           "layers": [{"units": 3, "activation": {"name": "m", "formula": "x*tanh(log(1 + exp(b*x)))/b", "b": 1.25}},
                                      {"units": 3, "activation": "softmax"}],
                           "loss": {"name": "cross_entropy"}, "optimizer": {"name": "adam"}}, "m.toml")


def _fields(d) -> tuple:
    out = d.output if d.output.index is None else dataclasses.replace(d.output, index=_timeless(d.output.index))
    return (tuple((r.phi, r.dphi, r.dphi_h, r.identity_check) for r in d.layers), out,
            tuple(_timeless(r) for r in (d.recursion, d.weight_grad, d.bias_grad)), d.all_passed)


def _timeless(r):
    return dataclasses.replace(r, seconds=0.0)


def _no_sympy_work(monkeypatch):
    """Every derivation that the cache holds fails if it is run (the lru caches of this process cleared first)."""
    def refuse(*_args, **_kw):
        raise AssertionError("derived again instead of read from the cache")

    for f in ("derivative", "in_terms_of_output"):
        monkeypatch.setattr(calculus, f, refuse)
    for f in ("hidden_recursion", "weight_gradient", "bias_gradient", "softmax_output"):
        monkeypatch.setattr(indexform, f, refuse)


def test_a_second_run_reads_what_the_first_derived(tmp_path, monkeypatch):
    monkeypatch.setenv(memo.ENV, str(tmp_path / "cache"))
    first = derive(_net())
    entries = sorted((tmp_path / "cache").iterdir())
    assert len(entries) == 3  # the formula's derivatives, the output error, the index forms (softmax has no phi')
    assert all(e.suffix == memo.SUFFIX and oct(e.stat().st_mode & 0o777) == "0o600" for e in entries)
    assert oct((tmp_path / "cache").stat().st_mode & 0o777) == "0o700"
    _no_sympy_work(monkeypatch)
    second = derive(_net())
    assert _fields(second) == _fields(first)
    assert second.checks == first.checks  # the instantiation check runs again, with the same result


def test_the_same_derivation_with_and_without_the_cache(tmp_path, monkeypatch):
    """Every example: the derivation read back from the cache equals the one derived without it."""
    for spec in sorted((ROOT / "examples").glob("*.toml")):
        monkeypatch.setenv(memo.ENV, "off")
        plain = derive(load_spec(spec), check=False)
        monkeypatch.setenv(memo.ENV, str(tmp_path))
        derive(load_spec(spec), check=False)  # stores
        with monkeypatch.context() as m:
            _no_sympy_work(m)
            cached = derive(load_spec(spec), check=False)
        assert _fields(cached) == _fields(plain), spec.name


def test_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv(memo.ENV, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    derive(_net(), check=False)
    assert list(tmp_path.iterdir()) == []
    assert memo.directory() is None


def test_default_folder_follows_xdg(tmp_path, monkeypatch):
    monkeypatch.delenv(memo.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert memo.directory() == tmp_path / "gradproof"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert memo.directory() == tmp_path / ".cache" / "gradproof"


def _stored(folder: Path, monkeypatch, value) -> Path:
    """A cache in ``folder`` holding ``value`` as the first layer's derivatives of ``_net()``; returns the entry."""
    monkeypatch.setenv(memo.ENV, str(folder))
    derive(_net(), check=False)
    [entry] = [e for e in folder.iterdir() if type(pickle.loads(e.read_bytes())) is tuple and len(pickle.loads(e.read_bytes())) == 2]
    entry.write_bytes(pickle.dumps(value))
    return entry


PLANTED = ("planted", None)


def test_a_cache_others_can_write_is_not_read(tmp_path, monkeypatch):
    entry = _stored(tmp_path / "a", monkeypatch, PLANTED)
    entry.parent.chmod(0o777)  # the folder writable by others
    assert derive(_net(), check=False).layers[0].dphi != "planted"
    entry = _stored(tmp_path / "b", monkeypatch, PLANTED)
    entry.chmod(0o666)  # the entry writable by others
    assert derive(_net(), check=False).layers[0].dphi != "planted"
    _stored(tmp_path / "c", monkeypatch, PLANTED)  # private: what it holds is taken (it is the user's own cache)
    with pytest.raises(AttributeError):  # the planted value is not an expression
        derive(_net(), check=False)


def test_a_damaged_entry_is_derived_again(tmp_path, monkeypatch):
    monkeypatch.setenv(memo.ENV, "off")
    plain = derive(_net(), check=False)
    entry = _stored(tmp_path, monkeypatch, None)
    entry.write_bytes(b"\x80\x05not a pickle")
    assert _fields(derive(_net(), check=False)) == _fields(plain)


def test_a_changed_code_base_reads_nothing_old(tmp_path, monkeypatch):
    monkeypatch.setenv(memo.ENV, str(tmp_path))
    derive(_net(), check=False)
    before = set(tmp_path.iterdir())
    monkeypatch.setattr(memo, "_fingerprint", "another version of derive/")
    derive(_net(), check=False)
    assert len(set(tmp_path.iterdir()) - before) == len(before)  # every key new


def test_a_run_short_of_budget_neither_stores_nor_reads(tmp_path, monkeypatch):
    monkeypatch.setenv(memo.ENV, str(tmp_path))
    monkeypatch.setattr(limits, "spare", lambda: False)
    calculus.derivative.cache_clear()
    derive(_net(), check=False)
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_cache_is_no_error(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv(memo.ENV, str(blocked / "cache"))
    assert derive(_net()).all_passed


def test_the_cli_uses_the_cache_and_prints_the_same(tmp_path):
    env = dict(os.environ, GRADPROOF_CACHE=str(tmp_path / "cache"))
    spec = str(ROOT / "examples" / "reference_mlp.toml")
    runs = [subprocess.run([sys.executable, "-m", "gradproof", "derive", spec, "--no-pdf"], capture_output=True, text=True,
                           env=env, cwd=tmp_path) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0]
    assert len(list((tmp_path / "cache").iterdir())) == 4  # leaky_relu, tanh, the output error, the index forms

    def timeless(text: str) -> str:
        import re

        return re.sub(r"\d+\.\d+ s\b", "T s", text)

    assert timeless(runs[0].stdout) == timeless(runs[1].stdout)


def test_no_home_no_cache(monkeypatch):
    monkeypatch.delenv(memo.ENV, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: (_ for _ in ()).throw(RuntimeError("no home"))))
    assert memo.directory() is None
    assert derive(_net(), check=False).all_passed
