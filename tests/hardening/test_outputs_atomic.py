"""Outputs are written atomically and only under --out; interrupted runs leave the previous outputs intact;
LaTeX never runs with shell escape (cases_hardening.OUTPUT_CASES)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import gradproof.codegen.render
import gradproof.derive.outputs
import gradproof.proof.document
import pytest
from cases_hardening import OUTPUT_CASES, SPEC
from conftest import ROOT

from gradproof.cli import main

CASE_IDS = [c[1] for c in OUTPUT_CASES]
HAS_TEX = gradproof.proof.document.tex_engine() is not None


def case(name: str) -> str:
    assert name in CASE_IDS, f"{name!r} is not in cases_hardening.OUTPUT_CASES"
    return name


def temp_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.endswith((".tmp", ".part")) or p.name.startswith(".tmp")]


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}


@pytest.fixture
def spec(tmp_path) -> Path:
    p = tmp_path / "tiny.toml"
    p.write_text(SPEC, encoding="utf-8")
    return p


def test_codegen_render_raising_midway_keeps_the_previous_module(spec, tmp_path, monkeypatch):
    case("codegen: render raises midway")
    out = tmp_path / "out"
    assert main(["codegen", str(spec), "--out", str(out)]) == 0
    before = snapshot(out)

    def broken(*args, **kwargs):
        raise KeyboardInterrupt  # the user pressed Ctrl-C while the template was rendering

    monkeypatch.setattr(gradproof.codegen.render, "render_module", broken)
    assert main(["codegen", str(spec), "--out", str(out)]) == 130
    assert snapshot(out) == before and not temp_files(tmp_path)


def test_codegen_write_raising_midway_keeps_the_previous_module(spec, tmp_path, monkeypatch):
    case("codegen: the write raises midway")
    out = tmp_path / "out"
    assert main(["codegen", str(spec), "--out", str(out)]) == 0
    before = snapshot(out)
    spec.write_text(SPEC.replace("learning_rate = 0.1", "learning_rate = 0.2"), encoding="utf-8")

    def no_replace(src, dst):
        raise OSError(28, "No space left on device", str(dst))

    monkeypatch.setattr(gradproof.derive.outputs.os, "replace", no_replace)
    assert main(["codegen", str(spec), "--out", str(out)]) == 2
    assert snapshot(out) == before and not temp_files(tmp_path)


def test_latex_raising_midway_keeps_the_previous_pdf(spec, tmp_path, monkeypatch, capsys):
    case("derive: LaTeX raises midway")
    out = tmp_path / "out"
    out.mkdir()
    (out / "tiny.pdf").write_bytes(b"%PDF-1.5 previous\n%%EOF\n")

    def broken(tex, build):
        (build / "tiny.pdf").write_bytes(b"%PDF-1.5 half")  # a half-built PDF in the build directory
        raise KeyboardInterrupt

    monkeypatch.setattr(gradproof.proof.document, "_compile", broken)
    monkeypatch.setattr(gradproof.proof.document, "tex_engine", lambda: "pdflatex")
    assert main(["derive", str(spec), "--out", str(out)]) == 130
    assert (out / "tiny.pdf").read_bytes() == b"%PDF-1.5 previous\n%%EOF\n"
    # the outputs are replaced together only after LaTeX succeeds: no new .tex beside the old .pdf
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["tiny.pdf"]
    assert not temp_files(tmp_path)
    assert "interrupted" in capsys.readouterr().err


def test_writing_the_tex_raising_midway_keeps_the_previous_tex(spec, tmp_path, monkeypatch):
    case("derive: writing the .tex raises midway")
    out = tmp_path / "out"
    out.mkdir()
    (out / "tiny.tex").write_text("previous", encoding="utf-8")
    real_fdopen = os.fdopen

    class Half:
        def __init__(self, f):
            self.f = f

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

        def write(self, data):
            self.f.write(data[: len(data) // 2])
            raise KeyboardInterrupt

    monkeypatch.setattr(gradproof.proof.document.os, "fdopen", lambda fd, *a, **k: Half(real_fdopen(fd, *a, **k)))
    assert main(["derive", str(spec), "--out", str(out), "--tex-only"]) == 130
    assert (out / "tiny.tex").read_text(encoding="utf-8") == "previous"
    assert not temp_files(tmp_path)


def _interrupt(argv, out: Path, after: float) -> int:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "gradproof.cli", *argv], cwd=out.parent, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(after)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err, err
    return proc.returncode


@pytest.mark.parametrize("after", [0.8, 1.6])
def test_sigint_during_derive_leaves_complete_outputs(spec, tmp_path, after):
    case("derive: SIGINT to the process")
    out = tmp_path / "out"
    argv = ["derive", str(spec), "--out", str(out)] + ([] if HAS_TEX else ["--tex-only"])
    assert main(argv) == 0
    before = snapshot(out)
    spec.write_text(SPEC.replace('name = "tiny"', 'name = "tiny"\ntitle = "second run"'), encoding="utf-8")
    code = _interrupt(argv, out, after)
    assert code in (0, 130, -signal.SIGINT)  # -SIGINT: interrupted while Python was still starting
    now = snapshot(out)
    assert set(now) == set(before)
    assert now["tiny.tex"].rstrip().endswith(rb"\end{document}")
    if HAS_TEX:
        assert now["tiny.pdf"].startswith(b"%PDF") and now["tiny.pdf"].rstrip().endswith(b"%%EOF")
        if code == 130 and now["tiny.tex"] == before["tiny.tex"]:
            assert now["tiny.pdf"] == before["tiny.pdf"]
    assert not temp_files(tmp_path)


def test_sigint_during_codegen_leaves_the_previous_module(spec, tmp_path):
    case("codegen: SIGINT to the process")
    out = tmp_path / "out"
    argv = ["codegen", str(spec), "--out", str(out)]
    assert main(argv) == 0
    before = snapshot(out)
    spec.write_text(SPEC.replace("learning_rate = 0.1", "learning_rate = 0.2"), encoding="utf-8")
    code = _interrupt(argv, out, 0.7)
    now = snapshot(out)
    assert code in (0, 130, -signal.SIGINT)  # -SIGINT: interrupted while Python was still starting
    assert now == before or (code == 0 and b"LEARNING_RATE = 0.2" in now["tiny.py"])
    compile(now["tiny.py"], "tiny.py", "exec")
    assert not temp_files(tmp_path)


def test_every_output_lands_under_out(spec, tmp_path, monkeypatch):
    case("every output lands under --out")
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    out = tmp_path / "deep" / "out"
    assert main(["derive", str(spec), "--out", str(out)] + ([] if HAS_TEX else ["--tex-only"])) == 0
    assert main(["codegen", str(spec), "--out", str(out)]) == 0
    written = {p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()}
    assert all(str(p).startswith(("deep", "tiny.toml")) for p in written), written
    assert {"tiny.tex", "tiny.py"} <= {p.name for p in out.iterdir()}
    assert not list(cwd.iterdir())


def test_latex_command_line_has_no_shell_escape(tmp_path, monkeypatch):
    case("pdflatex/latexmk command line has -no-shell-escape")
    seen = []

    def fake_run(cmd, **kwargs):
        seen.append(cmd)
        (tmp_path / "x.pdf").write_bytes(b"%PDF")
        return subprocess.CompletedProcess(cmd, 0, b"", b"")

    monkeypatch.setattr(gradproof.proof.document.subprocess, "run", fake_run)
    tex = tmp_path / "x.tex"
    tex.write_text(r"\documentclass{article}\begin{document}x\end{document}", encoding="utf-8")
    for which in (shutil.which, lambda name: None if name == "latexmk" else "/usr/bin/pdflatex"):
        monkeypatch.setattr(gradproof.proof.document.shutil, "which", which)
        gradproof.proof.document._compile(tex, tmp_path)
    assert len(seen) >= 2
    for cmd in seen:
        assert "-no-shell-escape" in cmd
        assert not [a for a in cmd if ("shell-escape" in a or "write18" in a) and a != "-no-shell-escape"], cmd
        assert not [a for a in cmd if a.startswith(("-shell-restricted", "-enable-"))], cmd


TITLE = r"\immediate\write18{touch PWNED} \input{/etc/passwd} \newwrite\f\immediate\openout\f=PWNED2 \catcode`\{=12 $x^{ } % # & _ ~"


@pytest.mark.skipif(not HAS_TEX, reason="needs pdflatex")
def test_tex_in_the_title_and_file_name_does_nothing(tmp_path, monkeypatch):
    case(r"\write18, \input, \openout, \catcode in the title do nothing")
    monkeypatch.chdir(tmp_path)
    evil = tmp_path / r"\input{x}\write18{touch PWNED3}.toml"
    evil.write_text(SPEC.replace('name = "tiny"', f"name = \"tiny\"\ntitle = '{TITLE}'"), encoding="utf-8")
    assert main(["derive", str(evil), "--out", str(tmp_path / "out")]) == 0
    tex = (tmp_path / "out" / "tiny.tex").read_text(encoding="utf-8")
    assert r"\textbackslash{}write18" in tex and r"\write18" not in tex.replace(r"\textbackslash{}write18", "")
    assert r"\input{/etc" not in tex and r"\catcode" not in tex.replace(r"\textbackslash{}catcode", "")
    for name in ("PWNED", "PWNED2", "PWNED3"):
        assert not list(tmp_path.rglob(f"{name}*")), name
    pdftotext = shutil.which("pdftotext")
    if pdftotext:
        text = subprocess.run([pdftotext, str(tmp_path / "out" / "tiny.pdf"), "-"], capture_output=True, text=True).stdout
        assert "root:" not in text and "write18" in text


def test_atomic_module_is_as_readable_as_any_file(spec, tmp_path):
    """mkstemp makes 0600 files; the generated module gets the usual umask-based mode."""
    case("outputs get the umask's mode, not mkstemp's 0600")
    out = tmp_path / "out"
    assert main(["codegen", str(spec), "--out", str(out)]) == 0
    mask = os.umask(0o022)
    os.umask(mask)
    assert (out / "tiny.py").stat().st_mode & 0o777 == 0o666 & ~mask


def test_huge_symbolic_network_allocates_nothing_big(tmp_path):
    """100000 units x 500 layers: derive and codegen treat sizes symbolically (checks use capped instances).

    Each command runs with its address space capped at 3 GB (one 100000 x 100000 float64 matrix is 80 GB)."""
    import resource

    case("100000 units x 500 layers: derive and codegen in 3 GB and 30 s")
    text = ('name = "huge"\ninputs = 100000\n' + '[[layers]]\nunits = 100000\nactivation = "tanh"\n' * 499
            + '[[layers]]\nunits = 100000\nactivation = "softmax"\n[loss]\nname = "cross_entropy"\n[optimizer]\nname = "adam"\n')
    spec = tmp_path / "huge.toml"
    spec.write_text(text, encoding="utf-8")

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30))

    env = {**os.environ, "PYTHONPATH": str(ROOT), "OPENBLAS_NUM_THREADS": "1"}
    for argv in (["derive", str(spec), "--no-pdf"], ["codegen", str(spec), "--out", str(tmp_path / "out")]):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        proc = subprocess.run([sys.executable, "-m", "gradproof.cli", *argv], env=env, preexec_fn=cap, capture_output=True,
                              text=True, timeout=600)  # a hang guard only: the bound is the CPU time below
        assert proc.returncode == 0, proc.stderr
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        # the child's own CPU time (a loaded machine stretches wall time, not work): about 8 s today, imports included;
        # over 20 s the run budget itself would have stopped it, so this bound fails on a regression first
        assert cpu < 16, f"{argv[0]}: {cpu:.1f} CPU s"
