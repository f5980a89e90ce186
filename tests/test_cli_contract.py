"""The CLI contract of DESIGN.md: subcommands, --help with an example, exit codes, one clear message on bad input."""

from __future__ import annotations

import subprocess
import sys

import pytest

from gradproof.cli import main


def run_cli(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gradproof.cli", *argv], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("command", ["derive", "codegen", "verify", "demo"])
def test_help_has_an_example(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "example:" in out and f"gradproof {command}" in out
    assert "exit codes" in out


def test_derive_no_pdf_reports_every_layer(root, reference, capsys):
    from gradproof.proof.report import terminal_report

    assert main(["derive", str(root / "examples" / "reference_mlp.toml"), "--no-pdf"]) == 0
    out = capsys.readouterr().out
    # the printed report is the derivation's own report, and it names every layer's results and every check
    expected = terminal_report(reference).splitlines()
    for line in expected:
        if "s)" in line or line.startswith("all checks passed"):  # timings differ between runs
            continue
        assert line in out
    for l in range(1, reference.network.depth + 1):
        assert f"∂J/∂W{l} = " in out and f"∂J/∂b{l} = " in out
    assert "all checks passed" in out
    assert out.count("✗") == 0


@pytest.mark.parametrize(
    "content, message",
    [
        ('name = "n"\ninputs = 3\n[[layers]]\nunits = 2\nactivation = "tahn"\n[loss]\nname = "squared_error"\n[optimizer]\nname = "sgd"\n',
         "layer 1: unknown activation 'tahn'; did you mean 'tanh'?"),
        ("name = \n", "not valid TOML"),
        ('name = "n"\n', "missing key 'inputs'"),
    ],
)
def test_bad_spec_exits_2_with_one_message(tmp_path, content, message):
    spec = tmp_path / "bad.toml"
    spec.write_text(content)
    result = run_cli("derive", str(spec), "--no-pdf")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert str(spec) in result.stderr and message in result.stderr
    assert result.stderr.count("\n") == 1  # one line
    assert result.stdout == ""


def test_missing_file_and_usage_errors(tmp_path):
    result = run_cli("derive", str(tmp_path / "nope.toml"), "--no-pdf")
    assert result.returncode == 2 and "no such spec file" in result.stderr and "Traceback" not in result.stderr
    assert run_cli("frobnicate").returncode == 2
    result = run_cli("codegen")
    assert result.returncode == 2 and "codegen needs a SPEC" in result.stderr
