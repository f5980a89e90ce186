"""Hostile input, round twenty-two (issue 12): the twenty-first round's readers attacked (probes "r22:" in
benchmarks/probe_hostile.py) and the generated module's load_params on hostile archives. docs/RELIABILITY.md "Round
twenty-two". Bounds are on CPU time (``time.process_time``), so a loaded machine does not fail them; expected verdicts
come from NumPy central differences written here, never from gradproof."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]


def _ref():
    from gradproof.codegen.loader import import_path

    return import_path(ROOT / "generated" / "reference_mlp.py")


def _patched(src: Path, dst: Path, local: tuple, central: tuple) -> None:
    """``src`` copied to ``dst`` with a two-byte field of every local (offset, value) and central-directory (offset,
    value) header replaced by ``value(old)``."""
    raw = bytearray(src.read_bytes())
    for sig, (at, value) in ((b"PK\x03\x04", local), (b"PK\x01\x02", central)):
        i = raw.find(sig)
        while i >= 0:
            raw[i + at:i + at + 2] = value(bytes(raw[i + at:i + at + 2]))
            i = raw.find(sig, i + 4)
    dst.write_bytes(bytes(raw))


# -- the generated module: load_params -----------------------------------------------------------------------------------


@pytest.mark.parametrize("label, local, central, says", [
    # an unknown compression method: zipfile raised NotImplementedError out of load_params
    ("method 99", (8, lambda b: (99).to_bytes(2, "little")), (10, lambda b: (99).to_bytes(2, "little")),
     "compressed by zip method 99"),
    # the encryption flag: zipfile raised RuntimeError ("password required for extraction")
    ("encrypted", (6, lambda b: bytes([b[0] | 1, b[1]])), (8, lambda b: bytes([b[0] | 1, b[1]])), "encrypted"),
])
def test_a_member_neither_stored_nor_deflated_is_a_value_error_naming_the_file(tmp_path, label, local, central, says):
    m = _ref()
    p = m.init_params(0)
    m.save_params(tmp_path / "ok.npz", p)
    _patched(tmp_path / "ok.npz", tmp_path / "bad.npz", local, central)
    with pytest.raises(ValueError, match=f"bad.npz: W1 is {says}"):
        m.load_params(tmp_path / "bad.npz")


def test_a_member_compressed_otherwise_than_numpy_writes_is_refused(tmp_path):
    # (bz2 and LZMA decoders raise errors of their own on corrupt data: only what np.savez / savez_compressed write)
    m = _ref()
    p = m.init_params(0)
    with zipfile.ZipFile(tmp_path / "bz2.npz", "w", zipfile.ZIP_BZIP2) as z:
        for k, v in p.items():
            b = io.BytesIO()
            np.save(b, v)
            z.writestr(k + ".npy", b.getvalue())
    with pytest.raises(ValueError, match="bz2.npz: W1 is compressed by zip method 12"):
        m.load_params(tmp_path / "bz2.npz")
    np.savez_compressed(tmp_path / "deflated.npz", **p)  # NumPy's own compression still loads
    assert all(np.array_equal(m.load_params(tmp_path / "deflated.npz")[k], p[k]) for k in p)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_parameters_that_are_not_finite_are_refused_at_load(tmp_path, bad):
    # a file of NaN weights loaded silently, and predict then gave class 0 for every input (argmax of NaN)
    m = _ref()
    p = m.init_params(0)
    q = {k: v.copy() for k, v in p.items()}
    q["b2"][1] = bad
    np.savez(tmp_path / "bad.npz", **q)
    X = np.random.default_rng(0).normal(size=(5, m.SIZES[0]))
    assert (m.predict(q, X) == 0).all() if np.isnan(bad) else True  # (what loading it silently gave)
    with pytest.raises(ValueError, match=r"bad.npz: not parameters of this network \(params\['b2'\] holds NaN or infinite"):
        m.load_params(tmp_path / "bad.npz")
    np.savez(tmp_path / "good.npz", **p)
    assert all(np.array_equal(m.load_params(tmp_path / "good.npz")[k], p[k]) for k in p)


def test_an_object_array_with_a_pickle_payload_is_never_unpickled(tmp_path):
    m = _ref()
    p = m.init_params(0)
    marker = tmp_path / "PWNED"

    class Payload:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    for shape in (p["W1"].shape, (1,)):
        evil = np.empty(shape, dtype=object)
        evil[...] = Payload()
        with zipfile.ZipFile(tmp_path / "evil.npz", "w") as z:
            for k, v in p.items():
                b = io.BytesIO()
                np.save(b, evil if k == "W1" else v, allow_pickle=True)
                z.writestr(k + ".npy", b.getvalue())
        with pytest.raises(ValueError, match="evil.npz: not parameters of this network"):
            m.load_params(tmp_path / "evil.npz")
        assert not marker.exists()
