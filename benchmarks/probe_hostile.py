"""Hostile-input probes (issue 12): each runs the real CLI in a fresh folder, measuring wall time and peak memory.

    .venv/bin/python benchmarks/probe_hostile.py              # every probe, a table on stdout
    .venv/bin/python benchmarks/probe_hostile.py relu6 big    # only probes whose id contains one of the words
    .venv/bin/python benchmarks/probe_hostile.py --markdown   # the table of docs/RELIABILITY.md ("Probes")

A probe is a defect when the run takes over 30 s, its peak resident memory exceeds 2 GB, it prints a traceback or
"internal error", its exit code is not one of those the probe allows, a verdict differs from the expected one, or
its output quotes text it must not (a leak). Exit 2 with a clear message within 30 s is allowed for inputs beyond a
documented limit. Peak memory is the child's own ``ru_maxrss`` (``os.wait4``), so probes never add up.
Each child runs under a 4 GB address-space cap so a runaway probe fails instead of exhausting a shared machine.
The numbers are recorded in docs/RELIABILITY.md ("Probes").
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GRADPROOF = str(ROOT / ".venv" / "bin" / "gradproof")
MAX_SECONDS = 30.0
MAX_BYTES = 2 * 1024**3
CAP_BYTES = 4 * 1024**3
KILL_SECONDS = 120.0


@dataclass(frozen=True)
class Probe:
    id: str
    argv: tuple[str, ...]  # after "gradproof"; "{d}" is the probe's folder
    files: dict = field(default_factory=dict)  # relative path -> text
    codes: tuple[int, ...] = (0,)
    verdicts: dict = field(default_factory=dict)  # claim id -> allowed verdicts (a --json run)
    never: tuple[str, ...] = ()  # text that must not appear in stdout or stderr
    says: str = ""  # text stderr (or stdout) must contain
    links: dict = field(default_factory=dict)  # relative path -> where the symbolic link points ("{d}": the folder)


def spec(layers: str, inputs: int = 2, loss: str = "squared_error", extra: str = "") -> str:
    return (f'name = "probe"\ninputs = {inputs}\n{extra}{layers}\n[loss]\nname = "{loss}"\n'
            '[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')


def layer(units: int, activation: str) -> str:
    return f"[[layers]]\nunits = {units}\nactivation = {activation}\n"


def custom(formula: str, units: int = 3, name: str = "mine", params: str = "") -> str:
    return layer(units, f"{{ name = \"{name}\", formula = \"{formula}\"{params} }}")


def formula_spec(formula: str, params: str = "", name: str = "mine") -> str:
    return spec(custom(formula, 3, name, params) + layer(2, '"identity"'))


def answers(claims: list[tuple[str, str]], spec_line: str = 'spec = "s.toml"', extra: str = "") -> str:
    body = "".join(f"[[claims]]\nid = \"{i}\"\nlatex = '{latex}'\n" for i, latex in claims)
    return f"{spec_line}\n{extra}{body}"


# claims that hold for any two-layer network with an identity output and squared error (row convention)
DELTA2 = r"\delta^{(2)} = \hat{y} - y"
DW2 = r"\frac{\partial J}{\partial W^{(2)}} = \delta^{(2)} {h^{(1)}}^\top"


VALUES = ("[values]\nx = [1e308, -1e308]\ny = [1.0, 2.0]\nW1 = [[1.0, 0.5], [0.5, 1.0], [1.0, 1.0]]\nb1 = [0.0, 0.0, 0.0]\n"
          "W2 = [[1.0, 1.0, 1.0], [0.5, 0.5, 0.5]]\nb2 = [0.0, 0.0]\n")


def verify_formula(pid: str, formula: str, params: str = "") -> Probe:
    """A custom activation in layer 1: verify a right δ² and ∂J/∂W² (no wrong verdict, no internal error)."""
    return Probe(pid, ("verify", "{d}/a.toml", "--json"), {"s.toml": formula_spec(formula, params),
                 "a.toml": answers([("d2", DELTA2), ("w2", DW2)])}, (0,), {"d2": {"correct"}, "w2": {"correct"}})


def probes() -> list[Probe]:
    out: list[Probe] = []
    big, big4000 = "1" * 5000, "1" * 4000
    # -- exact-number blow-ups --------------------------------------------------------------------------------
    out.append(Probe("exact-number formula 1e99999999*x: derive", ("derive", "{d}/s.toml", "--no-pdf"),
                     {"s.toml": formula_spec("1e99999999*x")}, (2,), says="beyond float64"))
    out.append(Probe("exact-number formula 1e-99999999*x: codegen", ("codegen", "{d}/s.toml", "--out", "{d}"),
                     {"s.toml": formula_spec("1e-99999999*x")}, (2,), says="beyond float64"))
    out.append(Probe("exact-number in an answers file's inline spec", ("verify", "{d}/a.toml"),
                     {"a.toml": answers([("d2", DELTA2)], "", "[spec]\n" + formula_spec("x*1e99999999").replace(
                         "[[layers]]", "[[spec.layers]]").replace("[loss]", "[spec.loss]").replace(
                         "[optimizer]", "[spec.optimizer]"))}, (2,), says="beyond float64"))
    out.append(Probe("exact-number literal 1e99999999 in a claim", ("verify", "{d}/a.toml", "--json"),
                     {"s.toml": formula_spec("tanh(x)"), "a.toml": answers([("d2", DELTA2),
                      ("big", r"\delta^{(2)} = 1e99999999 \hat{y}"), ("big2", r"J = 10^{99999999}")])},
                     (1,), {"d2": {"correct"}, "big": {"incorrect", "unchecked"}, "big2": {"incorrect", "unchecked"}}))
    out.append(Probe("TOML integer of 5000 digits as inputs", ("derive", "{d}/s.toml", "--no-pdf"),
                     {"s.toml": spec(layer(2, '"identity"'), inputs=big)}, (2,), says="4300 digits"))
    out.append(Probe("TOML integer of 4000 digits as a parameter", ("derive", "{d}/s.toml", "--no-pdf"),
                     {"s.toml": formula_spec("a*x", f", a = {big4000}")}, (2,), says="out of range"))
    out.append(Probe("TOML integer of 4000 digits as a learning rate", ("derive", "{d}/s.toml", "--no-pdf"),
                     {"s.toml": formula_spec("a*x", ", a = 1").replace("learning_rate = 0.1", f"learning_rate = {big4000}")},
                     (2,), says="out of range"))
    out.append(Probe("TOML integer of 4000 digits in [values]", ("verify", "{d}/a.toml"),
                     {"s.toml": formula_spec("tanh(x)"), "a.toml": answers([("d2", DELTA2)], extra=VALUES.replace("1e308", big4000))},
                     (2,), says="values.x"))
    out.append(Probe("TOML integer of 5000 digits as a parameter", ("derive", "{d}/s.toml", "--no-pdf"),
                     {"s.toml": formula_spec("a*x", f", a = {big}")}, (2,), says="4300 digits"))
    out.append(Probe("TOML integer of 5000 digits in [values]", ("verify", "{d}/a.toml"),
                     {"s.toml": formula_spec("tanh(x)"), "a.toml": answers([("d2", DELTA2)], extra=f"[values]\nx = [{big}, 1]\n")},
                     (2,), says="4300 digits"))
    # -- many distinct custom activations -----------------------------------------------------------------------
    for n in (20, 499):
        layers = "".join(custom(f"tanh(x)+{k + 1}*x/{k + 1000}", 2, f"act{k}") for k in range(n)) + layer(2, '"identity"')
        s = spec(layers)
        out.append(Probe(f"{n} distinct custom activations: derive", ("derive", "{d}/s.toml", "--no-pdf"), {"s.toml": s},
                         (0, 2)))
        out.append(Probe(f"{n} distinct custom activations: verify", ("verify", "{d}/a.toml", "--json"),
                         {"s.toml": s, "a.toml": answers([("d", rf"\delta^{{({n + 1})}} = \hat{{y}} - y")])}, (0, 2),
                         {"d": {"correct"}}))
    # -- sizes ------------------------------------------------------------------------------------------------
    for n_in, units in ((20000, 20000), (100000, 100000)):
        s = spec(layer(units, '"tanh"') + layer(2, '"identity"'), inputs=n_in)
        out.append(Probe(f"inputs {n_in}, units {units}: verify", ("verify", "{d}/a.toml", "--json"),
                         {"s.toml": s, "a.toml": answers([("d2", DELTA2), ("w2", DW2)])}, (0, 2),
                         {"d2": {"correct"}, "w2": {"correct"}}))
    big_net = spec(layer(100000, '"tanh"') + layer(100000, '"relu"') + layer(3, '"softmax"'), inputs=100000,
                   loss="cross_entropy")
    out.append(Probe("100000-unit network: derive", ("derive", "{d}/s.toml", "--no-pdf"), {"s.toml": big_net}))
    out.append(Probe("100000-unit network: codegen", ("codegen", "{d}/s.toml", "--out", "{d}"), {"s.toml": big_net}))
    out.append(Probe("100000 inputs with [values] of the wrong size", ("verify", "{d}/a.toml"),
                     {"s.toml": spec(layer(100000, '"tanh"') + layer(2, '"identity"'), inputs=100000),
                      "a.toml": answers([("d2", DELTA2)], extra="[values]\nx = [1, 2]\n")}, (2,)))
    # -- piecewise formulas -------------------------------------------------------------------------------------
    pieces = {"relu6": "min(max(x,0),6)", "hard-swish": "x*max(0,min(1,(x+3)/6))", "nested max": "max(max(x,0.1*x),0.1*x)",
              "sqrt of max": "sqrt(max(x,0))", "root of max": "max(x,0)^0.25", "abs root": "abs(x)^0.5",
              "min of abs": "min(abs(x),sqrt(abs(x)))"}
    for label, f in pieces.items():
        out.append(Probe(f"{label} {f}: derive", ("derive", "{d}/s.toml", "--no-pdf"), {"s.toml": formula_spec(f)}))
        out.append(Probe(f"{label} {f}: codegen", ("codegen", "{d}/s.toml", "--out", "{d}"), {"s.toml": formula_spec(f)}))
        out.append(verify_formula(f"{label} {f}: verify", f))
    # -- parameter names that were internal symbols ----------------------------------------------------------------
    for p in ("y", "yhat", "z", "h", "N", "u", "s", "gamma", "alpha", "l", "n"):
        f = f"tanh({p}*x)"
        out.append(Probe(f"parameter named {p}: derive", ("derive", "{d}/s.toml", "--no-pdf"),
                         {"s.toml": formula_spec(f, f", {p} = 0.5")}))
        out.append(verify_formula(f"parameter named {p}: verify", f, f", {p} = 0.5"))
    # -- leaks ------------------------------------------------------------------------------------------------
    secret = 'password = "hunter2-SECRET"\nnot toml at all = = =\n'
    out.append(Probe("answers spec path leaving its folder", ("verify", "{d}/sub/a.toml"),
                     {"secret.toml": secret, "sub/a.toml": answers([("d2", DELTA2)], 'spec = "../secret.toml"')}, (2,),
                     never=("hunter2", "SECRET")))
    out.append(Probe("answers spec path ../../etc/passwd", ("verify", "{d}/sub/a.toml"),
                     {"sub/a.toml": answers([("d2", DELTA2)], 'spec = "../../../../../../etc/passwd"')}, (2,), never=("root:",)))
    out.append(Probe("answers spec path two folders up", ("verify", "{d}/sub/sub/a.toml"),
                     {"s.toml": formula_spec("tanh(x)"), "sub/sub/a.toml": answers([("d2", DELTA2)], 'spec = "../../s.toml"')},
                     (2,), says="leaves"))
    out.append(Probe("answers spec path absolute", ("verify", "{d}/a.toml"),
                     {"a.toml": answers([("d2", DELTA2)], 'spec = "/etc/passwd"')}, (2,), never=("root:",)))
    out.append(Probe("answers spec path to a non-TOML file in its folder", ("verify", "{d}/a.toml"),
                     {"notes.toml": secret, "a.toml": answers([("d2", DELTA2)], 'spec = "notes.toml"')}, (2,),
                     never=("hunter2", "SECRET", "= = =")))
    out.append(Probe("answers spec with a bad value quoted", ("verify", "{d}/a.toml"),
                     {"s.toml": spec(layer(2, '"tanh"')).replace('"probe"', '"hunter2-SECRET"; x'),
                      "a.toml": answers([("d2", DELTA2)])}, (2,), never=("hunter2",)))
    # -- large values ---------------------------------------------------------------------------------------------
    vals = VALUES
    out.append(Probe("[values] of 1e308", ("verify", "{d}/a.toml", "--json"),
                     {"s.toml": formula_spec("tanh(x)"), "a.toml": answers([("d2", DELTA2), ("w2", DW2)], extra=vals)},
                     (0, 1, 2), {"d2": {"correct", "unchecked"}, "w2": {"correct", "unchecked"}}))
    out.append(Probe("[values] of 1e308 that overflow z", ("verify", "{d}/a.toml", "--json"),
                     {"s.toml": formula_spec("tanh(x)"), "a.toml": answers([("d2", DELTA2), ("w2", DW2)], extra=vals.replace(
                         "W1 = [[1.0, 0.5]", "W1 = [[1e308, 0.5]"))}, (0, 1, 2),
                     {"d2": {"correct", "unchecked"}, "w2": {"correct", "unchecked"}}))
    # -- documents ------------------------------------------------------------------------------------------------
    md = "$$ x\n" * 40000
    out.append(Probe("unclosed $$ repeated (200 kB Markdown)", ("verify", "{d}/h.md", "--spec", "{d}/s.toml"),
                     {"s.toml": formula_spec("tanh(x)"), "h.md": md}, (1, 2)))
    out.append(Probe("unclosed $$ repeated (990 kB Markdown)", ("verify", "{d}/h.md", "--spec", "{d}/s.toml"),
                     {"s.toml": formula_spec("tanh(x)"), "h.md": "$$ x\n" * 198_000}, (1, 2)))
    out.append(Probe("unclosed \\[ repeated (180 kB LaTeX)", ("verify", "{d}/h.tex", "--spec", "{d}/s.toml"),
                     {"s.toml": formula_spec("tanh(x)"), "h.tex": "\\[ " * 60_000}, (1, 2)))
    out.append(Probe("unclosed align repeated (260 kB LaTeX)", ("verify", "{d}/h.tex", "--spec", "{d}/s.toml"),
                     {"s.toml": formula_spec("tanh(x)"), "h.tex": "\\begin{align}" * 20_000}, (1, 2)))
    text_claims = "".join(f"$$ \\delta^{{(2)}} = \\text{{{' ' * 5000}a $$\n\n" for _ in range(40))
    out.append(Probe("\\text{ with 5000 spaces, 40 claims", ("verify", "{d}/h.md", "--spec", "{d}/s.toml"),
                     {"s.toml": formula_spec("tanh(x)"), "h.md": text_claims}, (0, 1, 2)))
    # -- round two, second pass: claims that overflow, batch grading, layer kinds, the autograder -------------------
    out.append(Probe("right claim whose own value overflows (inf*0 = nan)", ("verify", "{d}/a.toml", "--json"),
                     {"s.toml": formula_spec("tanh(x)"), "a.toml": answers([("d2", DELTA2),
                      ("nan", r"\delta^{(2)} = (\hat{y} - y) + 0 \cdot 10^{10^{10}}")])}, (0,),
                     {"d2": {"correct"}, "nan": {"unchecked"}}))
    ok = "$$\\delta^{(2)} = \\hat{y} - y$$\n"
    slow = "$$\\delta^{(1)} = " + "\\tanh(\\tanh(z^{(1)}))\\odot " * 60 + "(W^{(2)})^\\top \\delta^{(2)}$$\n\n"
    out.append(Probe("batch: a class with hostile submissions (slow, 990 kB of $$, overflow)",
                     ("verify", "{d}/subs", "--spec", "{d}/s.toml", "--summary", "{d}/g.csv", "--out", "{d}/rep",
                      "--time-limit", "5"),
                     {"s.toml": formula_spec("tanh(x)"), "subs/alice.md": ok, "subs/bob.md": ok, "subs/slow.md": slow * 40,
                      "subs/dollars.md": "$$ x\n" * 198_000, "subs/nan.md": "$$\\delta^{(2)} = (\\hat{y}-y) + 0 \\cdot "
                      "10^{10^{10}}$$\n"}, (0,), says="slow.md: stopped after 5 s, the time budget of a submission"))
    out.append(Probe("batch: a link to the folder above and to / in the submissions",
                     ("verify", "{d}/subs", "--spec", "{d}/s.toml"),
                     {"s.toml": formula_spec("tanh(x)"), "subs/alice.md": ok, "secret.md": ok}, (0,),
                     never=("up ", "root "), links={"subs/up": "{d}", "subs/root": "/", "subs/mallory/a.md": "{d}/secret.md"}))
    out.append(Probe("batch: a submission file name that is not UTF-8", ("verify", "{d}/subs", "--spec", "{d}/s.toml",
                     "--summary", "{d}/g.csv", "--out", "{d}/rep"),
                     {"s.toml": formula_spec("tanh(x)"), "subs/alice.md": ok, b"subs/bad\xff\xfe.md": ok}, (0,)))
    out.append(Probe("batch: --summary is a folder", ("verify", "{d}/subs", "--spec", "{d}/s.toml", "--summary", "{d}/subs"),
                     {"s.toml": formula_spec("tanh(x)"), "subs/alice.md": ok}, (2,), says="this is a folder"))
    out.append(Probe("batch: --time-limit 0", ("verify", "{d}/subs", "--spec", "{d}/s.toml", "--time-limit", "0"),
                     {"s.toml": formula_spec("tanh(x)"), "subs/alice.md": ok}, (2,), says="--time-limit"))
    rubric = ('[[questions]]\nid = "=HYPERLINK(1)"\nname = "<script>x</script>\\u001b[31m"\npoints = 1\n'
              'expects = ["delta2"]\n')
    out.append(Probe("autograder: a submission linking to the solution", ("autograder", "gradescope", "--spec", "{d}/s.toml",
                     "--rubric", "{d}/r.toml", "--submission", "{d}/sub", "--results", "{d}/results.json"),
                     {"s.toml": formula_spec("tanh(x)"), "r.toml": rubric, "source/solution.md": ok}, (0,),
                     says="no answers file", links={"sub/answer.md": "{d}/source/solution.md"}))
    res = spec("".join('[[layers]]\nkind = "residual"\n[[layers.body]]\nunits = 3\nactivation = "relu"\n' for _ in range(249)),
               extra='[[layers]]\nunits = 3\nactivation = "tanh"\n').replace("[loss]", '[[layers]]\nunits = 2\nactivation = '
                                                                            '"identity"\n[loss]')
    out.append(Probe("layer kinds: 249 residual blocks (500 layers): derive", ("derive", "{d}/s.toml", "--no-pdf"), {"s.toml": res}))
    kinds = {"dropout p = 1": 'kind = "dropout"\np = 1\n', "batchnorm eps = 0": 'kind = "batchnorm"\neps = 0\n',
             "dropout p = nan": 'kind = "dropout"\np = nan\n', "batchnorm key __class__": 'kind = "batchnorm"\n"__class__" = 1\n'}
    for label, body in kinds.items():
        out.append(Probe(f"layer kinds: {label}", ("derive", "{d}/s.toml", "--no-pdf"),
                         {"s.toml": spec(layer(3, '"tanh"') + "[[layers]]\n" + body + layer(2, '"identity"'))}, (2,),
                         says="layer 2"))
    return out


def run(probe: Probe) -> dict:
    with tempfile.TemporaryDirectory(prefix="probe-") as d:
        for rel, text in probe.files.items():
            if isinstance(rel, bytes):  # a file name that is not UTF-8
                with open(os.fsencode(d) + b"/" + rel, "wb") as f:
                    f.write(text.encode())
                continue
            p = Path(d, rel)
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(text)
        for rel, target in probe.links.items():
            Path(d, rel).parent.mkdir(parents=True, exist_ok=True)
            Path(d, rel).symlink_to(target.replace("{d}", d))
        argv = [GRADPROOF, *(a.replace("{d}", d) for a in probe.argv)]

        def cap():
            resource.setrlimit(resource.RLIMIT_AS, (CAP_BYTES, CAP_BYTES))

        t0 = time.monotonic()
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            proc = subprocess.Popen(argv, stdout=out, stderr=err, cwd=d, preexec_fn=cap)
            killed = False
            while True:
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    break
                if time.monotonic() - t0 > KILL_SECONDS and not killed:
                    proc.kill()
                    killed = True
                time.sleep(0.02)
            seconds = time.monotonic() - t0
            proc.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(0)
            stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    rss = usage.ru_maxrss * 1024  # kilobytes on Linux
    problems = []
    if killed:
        problems.append(f"killed after {KILL_SECONDS:g} s")
    elif seconds > MAX_SECONDS:
        problems.append(f"{seconds:.1f} s")
    if rss > MAX_BYTES:
        problems.append(f"{rss / 1e9:.2f} GB")
    both = stdout + stderr
    if "Traceback" in both or "internal error" in both:
        problems.append("internal error: " + (stderr.strip().splitlines() or [""])[-1][:120])
    if proc.returncode not in probe.codes:
        problems.append(f"exit {proc.returncode}, expected {probe.codes}")
    for text in probe.never:
        if text in both:
            problems.append(f"leaks {text!r}")
    if probe.says and probe.says not in both:
        problems.append(f"does not say {probe.says!r}")
    if probe.verdicts and proc.returncode in (0, 1):
        try:
            claims = {c["id"]: c for c in json.loads(stdout)["claims"]}
        except (ValueError, KeyError):
            claims = None
            problems.append("--json output is not JSON")
        for cid, allowed in (probe.verdicts if claims is not None else {}).items():
            got = claims.get(cid, {}).get("verdict")
            if got not in allowed:
                problems.append(f"claim {cid}: {got} ({claims.get(cid, {}).get('message', '')[:80]})")
    message = (stderr.strip().splitlines() or [""])[0][:110]
    return {"id": probe.id, "seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": rss / 2**20, "code": proc.returncode,
            "problems": problems, "message": message}


def main(words: list[str]) -> int:
    chosen = [p for p in probes() if not words or any(w in p.id for w in words)]
    results = []
    print(f"{'probe':58} {'s':>6} {'cpu s':>6} {'MB':>6} exit  result")
    for p in chosen:
        r = run(p)
        results.append(r)
        verdict = "ok" if not r["problems"] else "DEFECT: " + "; ".join(r["problems"])
        print(f"{r['id'][:58]:58} {r['seconds']:6.1f} {r['cpu']:6.1f} {r['rss_mb']:6.0f} {r['code']:4}  {verdict}", flush=True)
        if r["message"] and "-v" in sys.argv:
            print(f"{'':58} {r['message']}")
    if "--markdown" in sys.argv:
        print("\n| probe | wall s | CPU s | MB | exit | result |\n|---|---:|---:|---:|---:|---|")
        for r in results:
            verdict = "ok" if not r["problems"] else "**defect**: " + "; ".join(r["problems"])
            print(f"| {r['id'].replace('|', '/')} | {r['seconds']:.1f} | {r['cpu']:.1f} | {r['rss_mb']:.0f} | {r['code']} | {verdict} |")
    bad = sum(bool(r["problems"]) for r in results)
    print(f"\n{len(results)} probes, {bad} defects; slowest {max(r['seconds'] for r in results):.1f} s, "
          f"largest {max(r['rss_mb'] for r in results):.0f} MB")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main([a for a in sys.argv[1:] if a not in ("-v", "--markdown")]))
