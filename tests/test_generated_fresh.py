"""generated/ is up to date with examples/: the same path as `gradproof codegen --check`."""

from __future__ import annotations

import shutil

from gradproof.cli import main


def test_generated_modules_are_fresh(root, capsys):
    assert main(["codegen", "--check", "--root", str(root)]) == 0, capsys.readouterr().out


def test_a_stale_module_is_reported_with_a_diff(root, tmp_path, capsys):
    shutil.copytree(root / "examples", tmp_path / "examples")
    shutil.copytree(root / "generated", tmp_path / "generated")
    target = tmp_path / "generated" / "reference_mlp.py"
    target.write_text(target.read_text().replace("LEARNING_RATE = 0.001", "LEARNING_RATE = 0.5"))
    (tmp_path / "generated" / "mish_binary.py").unlink()
    assert main(["codegen", "--check", "--root", str(tmp_path)]) == 1
    out = capsys.readouterr()
    assert "-LEARNING_RATE = 0.5" in out.out and "+LEARNING_RATE = 0.001" in out.out
    assert "+++ b/generated/mish_binary.py" in out.out
    assert "2 generated module(s) stale" in out.err
