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


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    """load_params on a FIFO (hardening22's note: open blocked until something wrote to it) is a ValueError naming the
    file, at once; a missing file is still the OSError it was."""
    import os
    import time

    m = _ref()
    fifo = tmp_path / "params.npz"
    os.mkfifo(fifo)
    start = time.monotonic()
    with pytest.raises(ValueError, match="not a regular file"):
        m.load_params(fifo)
    assert time.monotonic() - start < 5
    with pytest.raises(OSError):
        m.load_params(tmp_path / "missing.npz")


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


# -- verify: a condition on two indices written after a claim ----------------------------------------------------------

SOFTMAX_COL = """name = "softmax_rows"
convention = "column"
inputs = 4

[[layers]]
units = 3
activation = "softmax"

[loss]
name = "cross_entropy"

[optimizer]
name = "sgd"
learning_rate = 0.01
"""


def _verify(tmp_path, spec: str, body: str):
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(spec)
    (tmp_path / "answer.md").write_text(body)
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    return {r.id: r for r in results}


def _softmax_jacobian():
    """The softmax's Jacobian ∂a_j/∂z_k at a random z by central differences, and a = softmax(z)."""
    from conftest import central_differences

    z = np.random.default_rng(22).normal(size=3)
    soft = lambda v: np.exp(v - v.max()) / np.exp(v - v.max()).sum()  # noqa: E731
    jac = np.array([central_differences(lambda q, j=j: soft(q["z"])[j], {"z": z.copy()})["z"] for j in range(3)])
    return jac, soft(z)


def test_the_trailing_condition_is_found_in_linear_time_and_reads_as_the_lazy_pattern_did():
    import random
    import re
    import time

    from gradproof.verify.judge import _trailing_condition

    # the pattern it replaces, as the specification of what it finds (on short strings, where it is fast)
    lazy = re.compile(r"^(.*?=.*?)[,;]?\s*\\q?quad\s*\(?\s*([a-z])\s*(=|\\neq|\\ne)\s*([a-z])\s*\)?\s*[.,]?\s*$", re.S)
    alphabet = ["=", " ", ",", ";", "\\quad", "\\qquad", "quad", "q", "\\", "i", "j", "(", ")", ".", "\\neq", "\\ne", "a",
                "\n", "\u00a0"]
    rng = random.Random(22)
    for _ in range(20000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        m = lazy.match(s)
        assert _trailing_condition(s) == (m.groups() if m else None), s
    assert _trailing_condition(r"\frac{\partial a_j}{\partial z_i} = a_i(1 - a_i), \quad i = j") == (
        r"\frac{\partial a_j}{\partial z_i} = a_i(1 - a_i)", "i", "=", "j")
    # '= ' runs and white space before the \quad: the lazy pattern took 3 s of CPU for this one claim (quadratic in the
    # white space, times the '=' signs)
    hostile = "a = " + "= " * 1000 + " " * 1900 + "b \\quad i = j"
    t0 = time.process_time()
    for _ in range(100):
        assert _trailing_condition(hostile) is not None and _trailing_condition("=" * 3999 + "b") is None
    assert time.process_time() - t0 < 0.5


def test_claims_ending_in_a_condition_after_runs_of_equals_and_white_space_are_judged_in_bounded_time(tmp_path):
    import time

    jac, a = _softmax_jacobian()
    off = ~np.eye(3, dtype=bool)
    holds = {"eq": np.allclose(np.diag(jac), a * (1 - a), atol=1e-6),
             "ne-wrong": np.allclose(jac[off], np.outer(a, a)[off], atol=1e-6)}
    assert holds == {"eq": True, "ne-wrong": False}
    # (the lazy pattern backtracked over every pair of '=' signs: ~0.2 CPU s for each of these claims)
    junk = "".join(f"$$c_{{{k}}} " + "=" * 3980 + f" \\quad x_{{{k}}}$$\n\n" for k in range(40))
    t0 = time.process_time()
    got = _verify(tmp_path, SOFTMAX_COL, junk + r"""$$ \frac{\partial a_j}{\partial z_i} = a_i(1 - a_i), \quad i = j \tag{eq}$$
$$ \frac{\partial a_j}{\partial z_i} = a_i a_j,\quad i \neq j. \tag{ne-wrong}$$
""")
    spent = time.process_time() - t0
    for cid in ("eq", "ne-wrong"):  # (the junk c_k = … may make the layer reading doubtful: never the opposite verdict)
        assert got[cid].verdict in (("correct" if holds[cid] else "incorrect"), "unchecked"), (cid, got[cid].message)
    assert got["eq"].verdict == "correct", got["eq"].message
    assert spent < 6.5, spent  # (12.4 CPU s before, 3.3 s now: the 40 claims of 4000 characters are parsed too)


# -- verify: the d-letters' second reading past its cap ------------------------------------------------------------------


def test_d_letter_claims_past_the_second_readings_cap_are_unchecked_not_judged_in_one_reading(tmp_path, monkeypatch):
    from conftest import central_differences
    from gradproof.verify import judge

    # a softmax layer of 6 examples as rows, L the mean cross-entropy: ∂L/∂W by central differences; dW = X^T dZ holds
    # with dZ the mean's ∂L/∂Z and fails with each example's own (6 times it): right in one reading, wrong in the other
    rng = np.random.default_rng(22)
    X, W, b = rng.normal(size=(6, 4)), rng.normal(size=(4, 3)), rng.normal(size=3)
    labels = rng.integers(0, 3, size=6)

    def loss_of_z(Z):
        Z = Z - Z.max(axis=1, keepdims=True)
        return -(Z - np.log(np.exp(Z).sum(axis=1, keepdims=True)))[np.arange(6), labels].mean()

    dW = central_differences(lambda p: loss_of_z(X @ p["W"] + b), {"W": W.copy()})["W"]
    dZ = central_differences(lambda p: loss_of_z(p["Z"]), {"Z": X @ W + b})["Z"]
    assert np.allclose(X.T @ dZ, dW, atol=1e-6) and not np.allclose(X.T @ (6 * dZ), dW, atol=1e-6)
    monkeypatch.setattr(judge, "MAX_SECOND_READINGS", 3)  # (200 in use: the same path, fewer claims)
    body = ("Forward: $Z = XW + b$, $P = \\mathrm{softmax}(Z)$, $L = -\\frac{1}{N}\\sum_i \\log P_{i,y_i}$.\n\n"
            + "".join(f"$$dW = \\frac{{{k}}}{{{k}}} X^T dZ \\tag{{c{k}}}$$\n\n" for k in range(1, 8)))
    got = _verify(tmp_path, SOFTMAX_COL, body)
    verdicts = [got[f"c{k}"].verdict for k in range(1, 8)]
    assert verdicts == ["unchecked"] * 7, [(k, got[f"c{k}"].message[:90]) for k in range(1, 8)]
    assert "only the first 3 such claims" in got["c7"].message and "d_letters" in got["c7"].message
    assert "only the first" not in got["c1"].message


def test_a_walk_throughs_leading_number_is_matched_in_linear_time_with_the_same_matches():
    import random
    import re
    import time

    from gradproof.verify.walkthrough import _LEADING

    # the pattern before (three white-space runs that could share the same spaces: cubic), as the specification
    before = re.compile(r"^\s*\(?\s*(-?\s*\d+(?:\.\d+)?)\s*\)?\s*[-+]")
    alphabet = [" ", "(", ")", "-", "+", "1", "2", ".", "\t", "\n", "a", "\u00a0"]
    rng = random.Random(2)
    for _ in range(20000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        a, b = before.match(s), _LEADING.match(s)
        assert (a and a.groups()) == (b and b.groups()), s
    t0 = time.process_time()
    for s in (" " * 2400, "(" + " " * 2400, " " * 800 + "(" + " " * 800 + "-" + " " * 800):
        assert _LEADING.match(s) is None
    assert time.process_time() - t0 < 0.1  # (33 CPU s for the first before)
