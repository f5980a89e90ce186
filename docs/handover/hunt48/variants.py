"""Run every hunt answer listed in the READMEs of ../hunt47 … (as check.py does) once as written and once per spelling
swap of the same meaning (``^T`` written ``^{\\mathsf{T}}``, ``\\tanh`` written ``\\operatorname{tanh}``, …), and list the
claims whose verdict got worse: newly ``incorrect`` (a false reject the spelling causes) or no longer ``correct`` (unread).

    .venv/bin/python docs/handover/hunt48/variants.py        (from the repository root; the copies go to a temporary folder)
    .venv/bin/python docs/handover/hunt48/variants.py slash over      (only the swaps whose names hold these words)

Round 50 found with it that a transpose set in a font was not read (normalize.squeeze_space now writes it ^{T});
round 51 widened the swaps (\\bm, \\mathbf W, \\dfrac, \\left( \\right), \\exp(…), …) and found false rejects under
\\dfrac (Haykin's δ = −∂ℰ/∂v), \\exp (Hinton's logistic) and \\left( (Goodfellow's §7.1): squeeze_space reads the
layouts one way now, and infer knows \\exp.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
GRADPROOF = Path(sys.executable).with_name("gradproof")
ROW = re.compile(r"^\|\s*([^|]+?)\s*\|\s*(net[^|\s]*\.toml)\s*\|", re.M)
#: a brace's body with at most one level of braces inside (W^{(2)}, \hat{y})
_BRACED = r"(?:[^{}$]|\{[^{}$]*\})*"
#: (name, [(as written, the same meaning spelled otherwise)])
SWAPS = [
    ("transpose in a font", [("^\\top", "^{\\mathsf{T}}"), ("^{T}", "^{\\mathsf{T}}"), ("^T", "^{\\mathsf{T}}")]),
    ("tanh as an operator", [("\\tanh", "\\operatorname{tanh}")]),
    ("ReLU in text", [("\\mathrm{ReLU}", "\\text{ReLU}"), ("\\operatorname{ReLU}", "\\text{ReLU}")]),
    ("softmax as an operator", [("\\mathrm{softmax}", "\\operatorname{softmax}"), ("\\text{softmax}", "\\operatorname{softmax}")]),
    ("circ for odot", [("\\odot", "\\circ")]),
    ("boldsymbol for mathbf", [("\\mathbf{", "\\boldsymbol{")]),
    ("bm for mathbf", [("\\mathbf{", "\\bm{")]),
    ("mathbf without braces", [(re.compile(r"\\mathbf\{([A-Za-z])\}"), r"\\mathbf \1")]),
    ("dfrac for frac", [("\\frac{", "\\dfrac{")]),
    ("tfrac for frac", [("\\frac{", "\\tfrac{")]),
    ("sum with limits", [("\\sum_", "\\sum\\limits_")]),
    ("prime as a superscript", [(re.compile(r"(?<=[A-Za-z)}])'(?=[(_^{])"), r"^{\\prime}")]),
    ("gets for leftarrow", [("\\leftarrow", "\\gets")]),
    ("coloneqq for :=", [(":=", "\\coloneqq ")]),
    ("left( right) for ( )", [(re.compile(r"(?<![\\t{])\(([^()$\n]*?)(?<![\\t])\)"), r"\\left(\1\\right)")]),
    ("exp for e^", [(re.compile(r"\be\^\{([^{}]*)\}"), r"\\exp(\1)")]),
    ("slash derivative", [(re.compile(r"\\frac\{\\partial (" + _BRACED + r")\}\{\\partial (" + _BRACED + r")\}"),
                           r"\\partial \1 / \\partial \2")]),
    ("over for frac", [(re.compile(r"\\frac\{(" + _BRACED + r")\}\{(" + _BRACED + r")\}"), r"{\1 \\over \2}")]),
]


def _verdicts(path: Path, spec: Path) -> dict | None:
    run = subprocess.run([str(GRADPROOF), "verify", str(path), "--spec", str(spec), "--json"], capture_output=True, text=True)
    try:
        return {c["id"]: c["verdict"] for c in json.loads(run.stdout)["claims"]}
    except (ValueError, KeyError):
        return None


def main() -> int:
    worse = 0
    with tempfile.TemporaryDirectory() as tmp:
        for folder in sorted(HERE.parent.glob("hunt[0-9]*")):
            for answers, spec in ROW.findall((folder / "README.md").read_text()):
                for answer in re.split(r",\s*", answers):
                    path = folder / answer.strip()
                    text, base = path.read_text(), None
                    for name, swaps in [sw for sw in SWAPS if not sys.argv[1:] or any(w in sw[0] for w in sys.argv[1:])]:
                        new = text
                        for old, spelled in swaps:
                            new = old.sub(spelled, new) if isinstance(old, re.Pattern) else new.replace(old, spelled)
                        if new == text:
                            continue
                        if path.suffix == ".ipynb":
                            try:
                                json.loads(new)
                            except ValueError:
                                continue  # (a backslash the swap wrote into a notebook's JSON: not the same document)
                        base = base if base is not None else _verdicts(path, folder / spec)
                        copy = Path(tmp) / f"{folder.name}_{path.stem}{path.suffix}"
                        copy.write_text(new)
                        got = _verdicts(copy, folder / spec)
                        if base is None or got is None:
                            print(f"{folder.name}/{path.name} [{name}]: no report")
                            continue
                        wrong = [k for k in base if got.get(k) == "incorrect" and base[k] != "incorrect"]
                        lost = [k for k in base if base[k] == "correct" and got.get(k) not in ("correct", None)]
                        if wrong or lost:
                            worse += len(wrong)
                            print(f"{folder.name}/{path.name} [{name}]: newly incorrect {wrong}; no longer correct {lost}")
    print(f"{worse} claims newly incorrect under a spelling of the same meaning (each a possible false reject: look)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
