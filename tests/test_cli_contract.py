"""The CLI contract of DESIGN.md: subcommands, --help with an example, exit codes, one clear message on bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from gradproof.cli import main


def run_cli(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gradproof.cli", *argv], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("command", ["derive", "codegen", "verify", "autograder", "demo"])
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


# -- habits of the ecosystem (issue 15) ------------------------------------------------------------------------------
ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "examples" / "reference_mlp.toml"


def _layers(activation: str) -> str:
    return (f'name = "n"\ninputs = 3\n[[layers]]\nunits = 2\nactivation = "{activation}"\n[[layers]]\nunits = 2\n'
            'activation = "softmax"\n[loss]\nname = "cross_entropy"\n[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')


def test_pytorch_spelling_gets_a_suggestion(tmp_path):
    spec = tmp_path / "torch.toml"
    spec.write_text(_layers("LeakyReLU"))
    result = run_cli("derive", str(spec), "--no-pdf")
    assert result.returncode == 2 and "unknown activation 'LeakyReLU'; did you mean 'leaky_relu'?" in result.stderr


def test_verify_reads_standard_input(tmp_path):
    doc = (ROOT / "examples" / "answers" / "homework.md").read_text(encoding="utf-8")
    from_stdin = subprocess.run([sys.executable, "-m", "gradproof.cli", "verify", "-", "--spec", str(SPEC), "--json"],
                                input=doc, capture_output=True, text=True, timeout=120)
    from_file = run_cli("verify", str(ROOT / "examples" / "answers" / "homework.md"), "--spec", str(SPEC), "--json")
    a, b = json.loads(from_stdin.stdout), json.loads(from_file.stdout)
    assert from_stdin.returncode == from_file.returncode == 1 and a["answers"] == "<stdin>"
    assert [(c["id"], c["verdict"]) for c in a["claims"]] == [(c["id"], c["verdict"]) for c in b["claims"]]
    # an answers TOML on stdin: told from its content; its relative spec path is read from the working directory
    (tmp_path / "net.toml").write_text(SPEC.read_text(encoding="utf-8"), encoding="utf-8")
    answers = 'spec = "net.toml"\n[[claims]]\nid = "1"\nlatex = \'\\delta^{(3)} = \\hat{y} - y\'\n'
    result = subprocess.run([sys.executable, "-m", "gradproof.cli", "verify", "-"], input=answers, capture_output=True,
                            text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 0 and "1 correct" in result.stdout


def test_closed_pipe_is_a_quiet_exit():
    """`gradproof … | head -1`: the reader leaves; no "Broken pipe" error, no traceback, exit 128 + SIGPIPE."""
    proc = subprocess.Popen([sys.executable, "-m", "gradproof.cli", "verify", str(ROOT / "examples" / "answers" / "homework.toml")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # before the first write
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert "Broken pipe" not in err and "Traceback" not in err and "Exception ignored" not in err


def test_derive_no_check_says_so():
    result = run_cli("derive", str(SPEC), "--no-pdf", "--no-check")
    assert result.returncode == 0
    assert "instantiation check skipped (--no-check)" in result.stdout and "checked by brute force" in result.stderr
    assert "derived and checked" not in result.stdout


def test_codegen_check_on_a_missing_root_fails_clearly(tmp_path):
    result = run_cli("codegen", "--check", "--root", str(tmp_path / "nonexistent"))
    assert result.returncode == 2 and "no examples/ folder" in result.stderr and "up to date" not in result.stdout


def test_text_report_uses_the_json_verdict_words():
    result = run_cli("verify", str(ROOT / "examples" / "answers" / "worked_example.toml"))
    words = {line.split()[2] for line in result.stdout.splitlines() if line[:1] in "✓✗↻?" and len(line.split()) > 2}
    assert words <= {"correct", "incorrect", "carried_forward", "unchecked"} and {"incorrect", "carried_forward"} <= words
    assert "wrong" not in result.stdout.split("\n\n")[-1]  # the summary line too


def test_control_sequences_in_claim_ids_are_escaped(tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text("$$ \\delta^{(3)} = \\hat{y} - y \\tag{\x1b[31mred\x1b]0;pwned\x07} $$\n", encoding="utf-8")
    result = run_cli("verify", str(doc), "--spec", str(SPEC))
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\\x1b[31mred" in result.stdout


def test_make_demo_does_not_install_the_test_extra():
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    demo_stamp = re.search(r"^demo: (\S+)", make, re.M).group(1)
    assert demo_stamp != "$(BIN)/.installed"
    recipe = re.search(rf"^{re.escape(demo_stamp)}:.*?\n((?:\t.*\n)+)", make, re.M).group(1)
    assert "pip install" in recipe and "[test]" not in recipe
    test_stamp = re.search(r"^test: (\S+)", make, re.M).group(1)
    assert "'.[test]'" in re.search(rf"^{re.escape(test_stamp)}:.*?\n((?:\t.*\n)+)", make, re.M).group(1)
