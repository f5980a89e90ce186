"""``gradproof autograder gradescope --out autograder.zip``: the zip has Gradescope's layout, and its run_autograder,
run against a fake /autograder (GRADPROOF_AUTOGRADER_ROOT), grades with the vendored gradproof and always writes
results/results.json. Installing setup.sh's dependencies from the registry is the slow test, skipped unless
GRADPROOF_REGISTRY_TESTS=1."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile

import pytest
from gradproof.verify.platforms import GRADESCOPE_KEYS, GRADESCOPE_TEST_KEYS
from helpers_verify import ROOT

from gradproof.cli import main

SPEC = ROOT / "examples" / "reference_mlp.toml"
RUBRIC = '[[questions]]\nid = "Q1"\npoints = 2\nexpects = ["delta3"]\n[[questions]]\nid = "Q2"\npoints = 3\nexpects = ["dW1", "db2"]\n'


@pytest.fixture(scope="module")
def autograder(tmp_path_factory):
    """The zip unpacked as Gradescope does: <root>/source, with an empty <root>/submission."""
    root = tmp_path_factory.mktemp("autograder")
    (root / "rubric.toml").write_text(RUBRIC, encoding="utf-8")
    zip_path = root / "autograder.zip"
    assert main(["autograder", "gradescope", "--spec", str(SPEC), "--rubric", str(root / "rubric.toml"), "--out", str(zip_path)]) == 0
    with zipfile.ZipFile(zip_path) as z:
        names = z.namelist()
        z.extractall(root / "source")
        modes = {i.filename: (i.external_attr >> 16) & 0o777 for i in z.infolist()}
    for name in ("setup.sh", "run_autograder"):
        (root / "source" / name).chmod(modes[name])
    (root / "submission").mkdir()
    return root, names, modes


def _run(root, python=sys.executable) -> subprocess.CompletedProcess:
    env = {**os.environ, "GRADPROOF_AUTOGRADER_ROOT": str(root), "GRADPROOF_PYTHON": python}
    env.pop("PYTHONPATH", None)
    return subprocess.run([str(root / "source" / "run_autograder")], env=env, capture_output=True, text=True, timeout=300)


def test_zip_layout(autograder):
    _, names, modes = autograder
    assert {"setup.sh", "run_autograder", "spec.toml", "rubric.toml"} <= set(names)  # at the root, not in a folder
    assert modes["run_autograder"] & 0o111 and modes["setup.sh"] & 0o111
    assert "vendor/gradproof/cli.py" in names and "vendor/gradproof/verify/batch.py" in names
    assert any(n.startswith("vendor/gradproof/") and n.endswith("proof.tex.j2") for n in names)  # package data too
    assert not any("__pycache__" in n for n in names)


def test_run_autograder_grades_with_the_vendored_copy(autograder):
    root, _, _ = autograder
    sub = root / "submission"
    shutil.copy(ROOT / "examples" / "answers" / "homework.md", sub / "answer.md")
    result = _run(root)
    assert result.returncode == 0, result.stderr
    data = json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))
    assert set(data) <= set(GRADESCOPE_KEYS) and all(set(t) <= set(GRADESCOPE_TEST_KEYS) for t in data["tests"])
    # δ3 right (2 of 2); ∂J/∂W1 misses a transpose, ∂J/∂b2 right (1.5 of 3)
    assert data["max_score"] == 5 and [t["score"] for t in data["tests"]] == [2, 1.5] and data["score"] == 3.5
    which = subprocess.run([sys.executable, "-c", "import gradproof; print(gradproof.__file__)"], capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(root / "source" / "vendor")}, cwd=root)
    assert which.stdout.strip().startswith(str(root / "source" / "vendor"))
    # a submission that cannot be read: results.json says why, score 0, and the run is not an autograder failure
    (sub / "answer.md").write_text("I did not do the homework.", encoding="utf-8")
    result = _run(root)
    data = json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))
    assert result.returncode == 0 and data["score"] == 0 and "no equations found" in data["output"]
    assert [t["max_score"] for t in data["tests"]] == [2, 3]


def test_results_json_even_when_python_cannot_start(autograder, tmp_path):
    root, _, _ = autograder
    (root / "results" / "results.json").unlink(missing_ok=True)
    result = _run(root, python=str(tmp_path / "no-such-python"))  # falls back to python3 on PATH, or writes a stub
    data = json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))
    assert "score" in data and result.returncode in (0, 2, 126, 127)


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("GRADPROOF_REGISTRY_TESTS") != "1", reason="installs from the package registry; "
                    "set GRADPROOF_REGISTRY_TESTS=1")
def test_setup_sh_installs_into_a_clean_venv(autograder):
    root, _, _ = autograder
    setup = subprocess.run(["bash", str(root / "source" / "setup.sh")], env={**os.environ, "GRADPROOF_AUTOGRADER_ROOT": str(root)},
                           capture_output=True, text=True, timeout=1800)
    assert setup.returncode == 0, setup.stderr
    shutil.copy(ROOT / "examples" / "answers" / "homework.md", root / "submission" / "answer.md")
    result = _run(root, python=str(root / "venv" / "bin" / "python3"))
    assert result.returncode == 0, result.stderr
    assert json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))["score"] == 3.5
