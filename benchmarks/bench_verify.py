"""Time ``gradproof verify`` on a 20-claim answers file for the reference network (issue 5: under 3 s), on a
100-equation Markdown homework (issue 10: under 2 s) — display, inline and aligned equations in several notations,
so notation inference, the layout vote and the generic-layer checks all run — and on a long real document (Markus
Thill's backpropagation post as heldout10 holds it, 116 claims: notation inference's candidate readings, each claim
read in each; the CLI's soft deadline is 22 s of wall clock, so its CPU seconds are what a loaded machine stretches).

Half the claims are wrong (each wrong claim runs the mistake catalogue), so this is the slow case.
Run: .venv/bin/python benchmarks/bench_verify.py
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLAIMS = [
    r"z^{(1)} = W^{(1)} x + b^{(1)}",
    r"h^{(2)} = \tanh(W^{(2)} h^{(1)} + b^{(2)})",
    r"\delta^{(3)} = \hat{y} - y",
    r"\delta^{(3)} = y - \hat{y}",
    r"\delta^{(2)} = (W^{(3)})^T \delta^{(3)} \odot (1 - (h^{(2)})^2)",
    r"\delta^{(2)} = (W^{(3)})^T \delta^{(3)} \odot \tanh^2(z^{(2)})",
    r"\delta^{(2)} = W^{(3)} \delta^{(3)} \odot (1 - h_2^2)",
    r"\delta^{(2)} = W^{(3)T} \delta^{(3)}",
    r"\delta^{(1)} = W^{(2)T}\delta^{(2)} \odot \begin{cases} 1 & z^{(1)} > 0 \\ \gamma & \text{otherwise} \end{cases}",
    r"\delta^{(1)} = W^{(2)T}\delta^{(2)} \odot \operatorname{LReLU}(z^{(1)})",
    r"\frac{\partial J}{\partial W^{(3)}} = \delta^{(3)} h^{(2)T} + \lambda W^{(3)}",
    r"\frac{\partial J}{\partial W^{(3)}} = \delta^{(3)} h^{(2)T}",
    r"\frac{\partial J}{\partial W^{(2)}} = h^{(1)T} \delta^{(2)} + \lambda W^{(2)}",
    r"\frac{\partial J}{\partial W^{(2)}} = \delta^{(2)} h^{(1)T} - \lambda W^{(2)}",
    r"\nabla_{W^{(1)}} J = \delta^{(1)} x^T + \lambda W^{(1)}",
    r"\frac{\partial J}{\partial b^{(1)}} = \delta^{(1)}",
    r"\frac{\partial J}{\partial b^{(2)}} = -\delta^{(2)}",
    r"\frac{\partial J}{\partial h^{(2)}} = W^{(3)T}\delta^{(3)}",
    r"\frac{\partial J}{\partial h^{(1)}} = W^{(2)T}\delta^{(2)} \odot (1 - h_1^2)",
    r"\frac{\partial R}{\partial W^{(2)}} = \lambda W^{(2)}",
]


def answers_text() -> str:
    """The answers file; its spec is copied beside it (an answers file's spec must be a relative path)."""
    spec = "reference_mlp.toml"
    body = "".join(f"\n[[claims]]\nid = \"{i}\"\nlatex = '''{c}'''\n" for i, c in enumerate(CLAIMS, start=1))
    return f'spec = "{spec}"\n' + body


#: the same quantities in other notations (Ng's brackets, a row-vector answer, a generic layer l)
VARIANTS = [
    lambda c: c,
    lambda c: c.replace("^{(", "^{[").replace(")}", "]}"),
    lambda c: c,
    lambda c: c.replace("\\frac{\\partial J}{\\partial W^{(3)}}", "dW^{[3]}"),
    lambda c: c,
]


def document_text() -> str:
    """A 100-equation homework: 20 claims in 5 variants, as display, inline and aligned math under question headings."""
    out = ["# Homework: backpropagation\n"]
    for v, variant in enumerate(VARIANTS, start=1):
        out.append(f"\n## Question {v}\n")
        claims = [variant(c) for c in CLAIMS]
        for i, c in enumerate(claims):
            if i % 4 == 0:
                out.append(f"As shown, ${c}$ holds.\n")
            elif i % 4 == 1:
                out.append(f"$$ {c} $$\n")
            else:
                out.append(f"\\begin{{equation}} {c} \\end{{equation}}\n")
    return "".join(out)


def _child_cpu() -> float:
    """CPU seconds used by finished child processes (user + system): comparable on a shared, loaded machine."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _document(label: str, doc: Path, spec: Path) -> float:
    """Verify a document in process (wall and CPU seconds) and by the command; print both; the command's wall time."""
    from gradproof.verify.cli import verify_file

    t0, c0 = time.perf_counter(), time.process_time()
    results, _, _ = verify_file(str(doc), str(spec))
    inproc, inproc_cpu = time.perf_counter() - t0, time.process_time() - c0
    cli = [str(ROOT / ".venv" / "bin" / "gradproof"), "verify", str(doc), "--spec", str(spec)]
    t0, c0 = time.perf_counter(), _child_cpu()
    proc = subprocess.run(cli, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - t0, _child_cpu() - c0
    read = sum(r.verdict != "unchecked" for r in results)
    print(f"{label} {doc.name}: {len(results)} equations ({read} judged) in {inproc:.2f} s / {inproc_cpu:.2f} CPU s in "
          f"process, {wall:.2f} s wall / {cpu:.2f} s CPU for the command (exit {proc.returncode}); load {os.getloadavg()[0]:.1f}")
    return wall


def main() -> None:
    assert len(CLAIMS) == 20
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "twenty.toml"
        path.write_text(answers_text(), encoding="utf-8")
        shutil.copy(ROOT / "examples" / "reference_mlp.toml", Path(tmp) / "reference_mlp.toml")
        # in process: load, derive (no instantiation check), judge 20 claims
        from gradproof.verify.cli import verify_file

        runs = []
        for _ in range(3):
            t0 = time.perf_counter()
            results, _, _ = verify_file(str(path))
            runs.append(time.perf_counter() - t0)
        wrong = sum(r.verdict == "incorrect" for r in results)
        print(f"in process: 20 claims ({wrong} wrong) verified in {min(runs):.2f} s (best of 3; first {runs[0]:.2f} s)")
        # the whole command, interpreter start-up and imports included
        cli = [str(ROOT / ".venv" / "bin" / "gradproof"), "verify", str(path)]
        t0, c0 = time.perf_counter(), _child_cpu()
        proc = subprocess.run(cli, capture_output=True, text=True)
        wall, cpu = time.perf_counter() - t0, _child_cpu() - c0
        print(f"command:    gradproof verify <20 claims> exit {proc.returncode} in {wall:.2f} s wall, {cpu:.2f} s CPU")
        doc = Path(tmp) / "hundred.md"
        doc.write_text(document_text(), encoding="utf-8")
        wall_doc = _document("document:  ", doc, ROOT / "examples" / "reference_mlp.toml")
        long_doc = ROOT / "tests" / "verify" / "corpus" / "heldout10" / "thill_backprop.md"
        _document("long doc:  ", long_doc, long_doc.with_suffix(".spec.toml"))
        sys.exit(0 if wall < 3 and wall_doc < 2 else 1)


if __name__ == "__main__":
    main()
