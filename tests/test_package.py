"""One import package: everything installs under ``gradproof``; the old top-level names are gone.

The repository keeps derive/, proof/, codegen/ and verify/ at its root and maps them to ``gradproof.derive`` … (pyproject.toml).
From the root, ``import derive`` would load a second copy of the same files (two ``SpecError`` classes), so no file
may import the old names; and the built wheel, installed in a clean environment, runs the CLI from another folder.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OLD = {"derive", "proof", "codegen", "verify"}
SKIP = {".venv", ".git", "build", "out", "node_modules"}


def _python_files():
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT)
        if not (set(rel.parts) & SKIP) and not rel.parts[0].startswith("."):
            yield path


def _old_imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        found += [f"{path.relative_to(ROOT)}:{node.lineno}: {n}" for n in names if n.split(".")[0] in OLD]
    return found


def test_no_import_of_the_old_top_level_names():
    bad = [hit for path in _python_files() for hit in _old_imports(path)]
    assert not bad, "import these as gradproof.<name>:\n" + "\n".join(bad)


def test_the_rule_sees_an_old_import(tmp_path):
    probe = ROOT / "tests" / "_probe_old_import.py"
    probe.write_text("from derive.spec import load_spec\nimport verify.judge\nfrom .x import y\n", encoding="utf-8")
    try:
        assert [h.split(": ")[1] for h in _old_imports(probe)] == ["derive.spec", "verify.judge"]
    finally:
        probe.unlink()


def test_public_api_does_not_shadow_subpackages():
    import gradproof.codegen
    import gradproof.derive
    import gradproof.verify

    import gradproof

    assert gradproof.__version__
    for name in gradproof.__all__:
        assert name not in {"derive", "codegen", "verify", "examples", "data"}
        assert getattr(gradproof, name) is not None
    from gradproof.derive.errors import SpecError

    assert gradproof.GradproofError is SpecError.__mro__[1] or issubclass(SpecError, gradproof.GradproofError)


def test_public_api_end_to_end(tmp_path):
    import gradproof

    d = gradproof.derive_network(str(ROOT / "examples" / "reference_mlp.toml"), check=False)
    source = gradproof.generate_module(d)
    assert "def gradients(" in source
    path = gradproof.generate_module(d, tmp_path)
    # the header names the folder the module was written to (gradproof codegen SPEC --out DIR)
    assert path.read_text(encoding="utf-8") == source.replace("--out generated", f"--out {tmp_path.as_posix()}", 1)
    results = gradproof.check_answers(ROOT / "examples" / "answers" / "homework.toml")
    assert {r.verdict for r in results} == {"correct", "incorrect"}


def _run(args, cwd, env=None, timeout=300):
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)


@pytest.mark.slow
def test_wheel_in_a_clean_venv(tmp_path):
    """Build the wheel, install it alone in a new venv (dependencies linked from this one), run the CLI elsewhere."""
    dist = tmp_path / "dist"
    try:  # the build backend of pyproject.toml (setuptools >= 77) is here when torch brought it; else pip fetches it
        from importlib.metadata import version

        isolation = [] if int(version("setuptools").split(".")[0]) >= 77 else None
    except Exception:  # noqa: BLE001 -- no setuptools in this environment
        isolation = None
    flags = ["--no-build-isolation"] if isolation is not None else []
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", *flags, "-q", "-w", str(dist), str(ROOT)], cwd=tmp_path)
    if built.returncode != 0 and "No module named" in built.stderr:
        pytest.skip("pip/setuptools not available in this environment")
    assert built.returncode == 0, built.stderr
    wheel = next(dist.glob("gradproof-*.whl"))
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"gradproof"}, tops
    assert "gradproof/examples/reference_mlp.toml" in names and "gradproof/proof/templates/proof.tex.j2" in names

    venv = tmp_path / "venv"
    assert _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path).returncode == 0
    py = venv / "bin" / "python"
    installed = _run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr
    # the dependencies, linked from this environment (no download): sympy, mpmath, symengine, numpy, jinja2, markupsafe
    here = Path(sysconfig.get_paths()["purelib"])
    deps = tmp_path / "deps"
    deps.mkdir()
    for name in ("sympy", "mpmath", "symengine", "symengine.libs", "numpy", "numpy.libs", "jinja2", "markupsafe"):
        if (here / name).exists():
            (deps / name).symlink_to(here / name)
    site = Path(_run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=tmp_path).stdout.strip())
    (site / "deps.pth").write_text(str(deps) + "\n", encoding="utf-8")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    exe = venv / "bin" / "gradproof"
    version = _run([str(exe), "--version"], cwd=elsewhere, env=env)
    assert version.returncode == 0 and version.stdout.startswith("gradproof "), version.stderr
    assert _run([str(py), "-m", "gradproof", "--version"], cwd=elsewhere, env=env).stdout == version.stdout
    for old in sorted(OLD):
        probe = _run([str(py), "-c", f"import {old}"], cwd=elsewhere, env=env)
        assert probe.returncode != 0, f"the wheel installs a top-level {old!r}"
    spec = elsewhere / "net.toml"
    spec.write_text((ROOT / "examples" / "reference_mlp.toml").read_text(encoding="utf-8"), encoding="utf-8")
    derived = _run([str(exe), "derive", "net.toml", "--no-pdf"], cwd=elsewhere, env=env)
    assert derived.returncode == 0, derived.stderr
    assert "all checks passed" in derived.stdout
    demo = _run([str(exe), "demo", "--out", "demo"], cwd=elsewhere, env={**env, "PATH": "/usr/bin:/bin"})
    assert demo.returncode == 1 and "✗" in demo.stdout or demo.returncode == 0, demo.stdout + demo.stderr
    assert (elsewhere / "demo" / "reference_mlp.py").exists()
    assert "11 claims" in demo.stdout
