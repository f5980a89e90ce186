"""Every malformed or hostile input of cases_hardening ends in one clear message (or an unchecked verdict), fast."""

from __future__ import annotations

import contextlib
import io
import json
import os
import time
from pathlib import Path

import pytest
from cases_hardening import CASES, CLAIM_CASES, MAX_SECONDS, SPEC, UNREADABLE_CASES

from gradproof.cli import main


def _materialise(d: Path, files: dict) -> None:
    for name, content in files.items():
        p = d / name
        if content is None:
            p.mkdir()
        elif isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=[f"{c.argv[0]}: {c.id}" for c in CASES])
def test_bad_input_gives_one_clear_message(case, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)  # anything a payload might create would land here
    _materialise(tmp_path, case.files)
    before = set(tmp_path.rglob("*"))
    argv = [a.replace("{d}", str(tmp_path)) for a in case.argv]
    t0 = time.perf_counter()
    code = main(argv)
    seconds = time.perf_counter() - t0
    err = capsys.readouterr().err
    assert code == case.code, err
    assert seconds < MAX_SECONDS
    assert "Traceback" not in err and "internal error" not in err
    if case.code == 2:
        lines = err.strip().splitlines()
        assert len(lines) == 1, err
        assert lines[0].startswith(f"gradproof {case.argv[0]}: error: ")
        assert case.says.lower() in lines[0].lower()
    assert not (tmp_path / "PWNED").exists()
    if case.code == 2 and "--no-pdf" in case.argv:
        assert set(tmp_path.rglob("*")) == before  # a failed derive writes nothing


@pytest.fixture(scope="module")
def claim_report(tmp_path_factory):
    """verify --json on one answers file holding every hostile claim (one derivation for all of them)."""
    d = tmp_path_factory.mktemp("claims")
    (d / "s.toml").write_text(SPEC, encoding="utf-8")
    body = 'spec = "s.toml"\n'
    for k, c in enumerate(CLAIM_CASES):
        body += f"[[claims]]\nid = \"c{k}\"\nlatex = {json.dumps(c.latex)}\n"
    (d / "a.toml").write_text(body, encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(d)
    try:
        t0 = time.perf_counter()
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main(["verify", str(d / "a.toml"), "--json"])
        seconds = time.perf_counter() - t0
    finally:
        os.chdir(cwd)
    return code, json.loads(out.getvalue()), seconds, d


@pytest.mark.parametrize("k", range(len(CLAIM_CASES)), ids=[c.id for c in CLAIM_CASES])
def test_hostile_claim_gets_a_verdict(claim_report, k):
    code, report, seconds, d = claim_report
    assert code in (0, 1) and seconds < MAX_SECONDS
    claim = {c["id"]: c for c in report["claims"]}[f"c{k}"]
    assert claim["verdict"] in CLAIM_CASES[k].verdicts, claim
    assert claim["message"]
    assert not (d / "PWNED").exists() and not Path("PWNED").exists()


@pytest.mark.parametrize("unreadable", UNREADABLE_CASES, ids=[u[1] for u in UNREADABLE_CASES])
def test_unreadable_file_gives_one_clear_message(unreadable, tmp_path, capsys, monkeypatch):
    _, _, argv, name = unreadable
    _materialise(tmp_path, {"s.toml": SPEC, "a.toml": 'spec = "s.toml"\n[[claims]]\nid = "1"\nlatex = "y"\n'})
    for method in ("read_text", "read_bytes"):  # (TOML files are read as bytes: their encoding from a byte-order mark)
        real = getattr(Path, method)

        def reading(self, *args, real=real, **kwargs):
            if self.name == name:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self, *args, **kwargs)

        monkeypatch.setattr(Path, method, reading)
    assert main([a.replace("{d}", str(tmp_path)) for a in argv]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "error:" in lines[0] and "internal" not in lines[0]
    assert name in lines[0] and "Permission denied" in lines[0]
