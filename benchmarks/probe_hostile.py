"""Hostile-input probes (issue 12): each runs the real CLI in a fresh folder, measuring wall time and peak memory.

    .venv/bin/python benchmarks/probe_hostile.py              # every probe, a table on stdout
    .venv/bin/python benchmarks/probe_hostile.py relu6 big    # only probes whose id contains one of the words
    .venv/bin/python benchmarks/probe_hostile.py --markdown   # the table of docs/RELIABILITY.md ("Probes")

A probe is a defect when the run takes over 30 s, its peak resident memory exceeds 2 GB, it prints a traceback or
"internal error", its exit code is not one of those the probe allows, a verdict differs from the expected one, or
its output quotes text it must not (a leak). Exit 2 with a clear message within 30 s is allowed for inputs beyond a
documented limit. Peak memory is the child's own ``ru_maxrss``, taken by a small launcher (a fresh interpreter of about
10 MB that forks the run and ``os.wait4``s it): Linux carries a process's peak resident size across ``exec``, so a run
forked straight from this script (which holds every probe's files) would report this script's size as its floor.
Each child runs under a 4 GB address-space cap so a runaway probe fails instead of exhausting a shared machine.
The numbers are recorded in docs/RELIABILITY.md ("Probes").
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import signal
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
#: run by a fresh interpreter (``python -I -S -c``): caps the address space, forks and execs the probe's command,
#: writes its pid to ``RESULT.pid`` (the runner signals the command itself) and ``"status utime stime maxrss_kb"`` to
#: RESULT once it has ended; the command's peak starts from this launcher's few MB, not from the runner's size
LAUNCHER = """
import os, resource, signal, sys
cap, result, argv = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
signal.signal(signal.SIGINT, signal.SIG_IGN)
pid = os.fork()
if pid == 0:
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # a shell's background job ignores Ctrl-C; the probes send it
    try:
        os.execv(argv[0], argv)
    finally:
        os._exit(127)
with open(result + ".tmp", "w") as f:
    f.write(str(pid))
os.replace(result + ".tmp", result + ".pid")
_, status, usage = os.wait4(pid, 0)
with open(result + ".tmp", "w") as f:
    f.write(f"{status} {usage.ru_utime} {usage.ru_stime} {usage.ru_maxrss}")
os.replace(result + ".tmp", result)
"""


@dataclass(frozen=True)
class Usage:
    """What the launcher measured of one run (the fields of ``os.wait4``'s rusage the probes use)."""

    ru_utime: float
    ru_stime: float
    ru_maxrss: int  # kilobytes


class Run:
    """One run of a probe's command through the launcher (``LAUNCHER``)."""

    def __init__(self, argv: list[str], stdin, cwd: str, scratch: str, k: int) -> None:
        self.result = os.path.join(scratch, f"run{k}")
        self.out, self.err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
        self.launcher = subprocess.Popen([sys.executable, "-I", "-S", "-c", LAUNCHER, str(CAP_BYTES), self.result, *argv],
                                         stdout=self.out, stderr=self.err, stdin=stdin, cwd=cwd)

    def signal(self, sig: int) -> None:
        """Send ``sig`` to the command (waiting briefly for the launcher to have started it)."""
        for _ in range(250):
            try:
                os.kill(int(Path(self.result + ".pid").read_text()), sig)
                return
            except (OSError, ValueError):
                if self.launcher.poll() is not None:
                    return
                time.sleep(0.02)

    def ended(self) -> tuple[int, Usage] | None:
        """The command's exit code and usage once the launcher has ended, else None."""
        if self.launcher.poll() is None:
            return None
        try:
            status, utime, stime, rss = Path(self.result).read_text().split()
        except (OSError, ValueError):  # the launcher itself failed
            return self.launcher.returncode, Usage(0.0, 0.0, 0)
        return os.waitstatus_to_exitcode(int(status)), Usage(float(utime), float(stime), int(rss))


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
    cmd: tuple[str, ...] = ()  # the program (default: gradproof); "{python}" is this venv's interpreter
    stdin: str = ""  # a file of the probe's folder given as standard input
    fifos: tuple[str, ...] = ()  # named pipes to make (nobody writes to them)
    parallel: int = 1  # runs of argv at once (every run must pass; after() sees the folder when all have ended)
    after: object = None  # after(folder) -> list of problems (an output that is corrupt, half-written, leaked…)
    interrupt: float = 0.0  # seconds after which each run still going gets SIGINT (Ctrl-C)
    kill: float = 0.0  # seconds after which each run still going gets SIGKILL (an autograder's timeout)
    before: object = None  # before(folder): makes what files cannot say (sparse files, odd names, folders)


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
    # (40 different claims: identical ones are judged once since round twelve, so 40 copies of one took 3.4 s and no
    # longer reached the 5 s budget this probe is about; 40 of different lengths take ~14 s alone)
    slow = "".join("$$\\delta^{(1)} = " + "\\tanh(\\tanh(z^{(1)}))\\odot " * (60 + k) + "(W^{(2)})^\\top \\delta^{(2)}$$\n\n"
                   for k in range(40))
    out.append(Probe("batch: a class with hostile submissions (slow, 990 kB of $$, overflow)",
                     ("verify", "{d}/subs", "--spec", "{d}/s.toml", "--summary", "{d}/g.csv", "--out", "{d}/rep",
                      "--time-limit", "5"),
                     {"s.toml": formula_spec("tanh(x)"), "subs/alice.md": ok, "subs/bob.md": ok, "subs/slow.md": slow,
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
    return (out + round_three() + round_four() + round_five() + round_six() + round_seven() + round_eight() + round_nine() + round_ten()
            + round_eleven() + round_twelve() + round_thirteen() + round_fourteen() + round_fifteen() + round_sixteen()
            + round_seventeen() + round_twenty() + round_twenty_one() + round_twenty_two() + round_twenty_four()
            + round_twenty_five() + round_twenty_six() + round_twenty_seven() + round_twenty_eight()
            + round_twenty_nine_coordinator() + round_twenty_nine() + round_thirty_coordinator()
            + round_thirty_one_coordinator() + round_thirty_two_coordinator() + round_thirty_three_coordinator()
            + round_thirty_four_coordinator() + round_thirty_five_coordinator()
            + round_thirty_six_coordinator() + round_thirty_seven_coordinator() + round_thirty_eight_coordinator()
            + round_thirty_nine_coordinator() + round_forty_coordinator() + round_forty_one_coordinator()
            + round_forty_two_coordinator() + round_forty_three() + round_forty_four() + round_forty_five()
            + round_forty_six() + round_forty_seven() + round_forty_eight() + round_forty_nine() + round_fifty()
            + round_fifty_one() + round_fifty_two() + round_fifty_three() + round_fifty_four())


def _example(name: str) -> str:
    return (ROOT / "examples" / name).read_text()


def _zip(entries: dict) -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


def _json_ok(rel: str):
    def after(d: str) -> list[str]:
        try:
            json.loads(Path(d, rel).read_text(), parse_constant=lambda c: 1 / 0)
        except (OSError, ValueError, ZeroDivisionError) as exc:
            return [f"{rel} is not strict JSON: {type(exc).__name__}"]
        return []
    return after


def _imports(rel: str, name: str):
    """The generated module can be imported under its name and computes finite gradients."""
    def after(d: str) -> list[str]:
        code = (f"import sys; sys.path.insert(0, {str(Path(d, rel).parent)!r}); import importlib, numpy as np; "
                f"m = importlib.import_module({name!r}); p = m.init_params(0); X = np.ones((2, m.SIZES[0])); "
                "print('ok' if all(np.isfinite(g).all() for g in m.gradients(p, X, m.predict(p, X)).values()) else 'nan')")
        r = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-c", code], capture_output=True, text=True, timeout=120)
        last = (r.stderr.strip().splitlines() or [""])[-1][:100]
        return [] if r.stdout.strip() == "ok" else [f"generated module {rel} does not work: {r.stdout.strip()} {last}"]
    return after


def _no_temporaries(*folders: str):
    def after(d: str) -> list[str]:
        left = [str(f.relative_to(d)) for sub in folders for f in Path(d, sub).rglob("*") if f.name.endswith(".tmp")]
        return [f"temporary files left: {left[:3]}"] if left else []
    return after


def round_three() -> list[Probe]:
    """Round three (issue 12, fourth pass): inputs of every entry point not tried before."""
    out: list[Probe] = []
    s2 = formula_spec("tanh(x)")
    doc = ("verify", "{d}/h.md", "--spec", "{d}/s.toml", "--json")
    tex = ("verify", "{d}/h.tex", "--spec", "{d}/s.toml", "--json")
    ok_md = "$$\\delta^{(2)} = \\hat{y} - y$$\n"

    def md(pid: str, text, codes=(0, 1, 2), verdicts=None, argv=doc, **kw) -> None:
        out.append(Probe("r3: " + pid, argv, {"s.toml": s2, argv[1].replace("{d}/", ""): text}, codes, verdicts or {}, **kw))

    # -- LaTeX/Markdown documents -----------------------------------------------------------------------------
    md("\\frac nested 10000 deep", "$$\\delta^{(2)} = " + "\\frac{1}{" * 10000 + "x" + "}" * 10000 + "$$\n")
    md("100000 { in a .tex", "\\[ \\delta^{(2)} = " + "{" * 100000 + " \\]\n", argv=tex)
    md("100000 { unclosed in a $$ claim of 900 kB", "$$ J = " + "{" * 900000 + "$$\n")
    md("\\begin{cases} nested 2000 deep", "$$\\delta^{(2)} = " + "\\begin{cases} 1 & " * 2000 + "x" + " \\end{cases}" * 2000 + "$$\n")
    md("\\begin{cases} with 5000 rows", "$$\\delta^{(2)} = \\begin{cases}" + "1 & z > 0 \\\\ " * 5000 + "\\end{cases}$$\n")
    md("\\sum chain of 600", "$$J = " + "\\sum_{i} " * 600 + "x_i$$\n")
    md("\\sum chain 300 claims", ("$$J = " + "\\sum_{i} " * 300 + "x_i$$\n\n") * 300)
    md("450 display claims of 2000 chars", ("$$\\delta^{(2)} = " + "(\\hat{y} - y) + " * 110 + "0$$\n\n") * 450)
    md("2000 right claims", ok_md * 2000)
    md("mu/sigma spaces (backtracking bait)", ("$$\\delta^{(2)} = \\mu" + " " * 3900 + "x$$\n") * 200)
    md("unicode minus, δ, ŷ", "$$δ^{(2)} = ŷ − y$$\n", (0, 1), {"line 1": {"correct", "unchecked"}})
    md("Cyrillic у for y (confusable)", "$$\\delta^{(2)} = \\hat{y} - \u0443$$\n", (0, 1), {"line 1": {"incorrect", "unchecked"}})
    md("Greek omicron for o in \\odot", "$$\\delta^{(1)} = (W^{(2)})^\\top \\delta^{(2)} \\\u03bfdot (1 - (h^{(1)})^2)$$\n", (0, 1),
       {"line 1": {"incorrect", "unchecked"}})
    md("combining circumflex y\u0302 for ŷ", "$$\\delta^{(2)} = y\u0302 - y$$\n", (0, 1), {"line 1": {"correct", "unchecked"}})
    md("zero-width space inside \\delta", "$$\\del\u200bta^{(2)} = \\hat{y} - y$$\n", (0, 1), {"line 1": {"correct", "unchecked"}})
    md("zero-width joiner + RTL override", "$$\\delta^{(2)} = \\hat{y}\u200d\u202e - y$$\n", (0, 1), {"line 1": {"correct", "unchecked"}})
    md("CRLF Markdown", ok_md.replace("\n", "\r\n") * 3, (0,), {"line 1": {"correct"}})
    md("CR-only Markdown", "intro\r" + ok_md.replace("\n", "\r") * 3, (0,))
    md("UTF-8 BOM Markdown", b"\xef\xbb\xbf" + ok_md.encode(), (0,), {"line 1": {"correct"}})
    md("UTF-16 Markdown", ok_md.encode("utf-16"), (0, 2))
    md("NUL bytes in Markdown", ("$$\\delta^{(2)} = \\hat{y}\0 - y$$\n" + "\0" * 5000).encode(), (0, 1, 2))
    md("lone surrogate bytes in Markdown", b"$$\\delta^{(2)} = \\hat{y} - y \xed\xa0\x80$$\n", (0, 1, 2))
    md("1 MB of one line", "x" * 999_000 + ok_md, (0,))
    md("500 kB inline $ pairs", "$a=b$ " * 80_000, (0, 1, 2))
    md("notebook nested 100000 deep", '{"cells": ' + "[" * 100000 + "]" * 100000 + "}",
       argv=("verify", "{d}/h.ipynb", "--spec", "{d}/s.toml"), codes=(2,))
    md("notebook with a 5000-digit number", '{"cells": [{"cell_type": "markdown", "source": "$$J = 1$$"}], "n": ' + "1" * 5000 + "}",
       argv=("verify", "{d}/h.ipynb", "--spec", "{d}/s.toml"), codes=(2,))
    md("notebook with non-string sources", '{"cells": [{"cell_type": "markdown", "source": [1, null, {"a": 2}]}, {"source": 5}]}',
       argv=("verify", "{d}/h.ipynb", "--spec", "{d}/s.toml"), codes=(1, 2))
    # -- answers TOML -------------------------------------------------------------------------------------------
    def toml(pid: str, text, codes=(2,), verdicts=None, spec_text=s2, **kw) -> None:
        out.append(Probe("r3: " + pid, ("verify", "{d}/a.toml", "--json"), {"s.toml": spec_text, "a.toml": text}, codes,
                         verdicts or {}, **kw))

    claims = answers([("d2", DELTA2)])
    toml("TOML 60000 notation keys", claims + "[notation]\n" + "".join(f"k{i} = \"h\"\n" for i in range(60000)), (0, 2))
    toml("TOML 900 kB string", claims + f'[[claims]]\nid = "big"\nlatex = "{"x" * 900_000}"\n', (0, 1, 2))
    toml("TOML 50 MB string", claims + f'[[claims]]\nid = "big"\nlatex = "{"x" * 50_000_000}"\n', (2,), says="larger than")
    toml("TOML arrays nested 100000 deep", claims + "deep = " + "[" * 100000 + "]" * 100000 + "\n", (2,))
    toml("TOML inline tables nested 50000 deep", claims + "deep = " + "{a = " * 50000 + "1" + "}" * 50000 + "\n", (2,))
    toml("TOML with a BOM", b"\xef\xbb\xbf" + claims.encode(), (0,), {"d2": {"correct"}})
    toml("TOML in UTF-16", claims.encode("utf-16"), (0,), {"d2": {"correct"}})  # (UTF-16 with its mark: read since round eleven)
    toml("TOML with CRLF", claims.replace("\n", "\r\n"), (0,), {"d2": {"correct"}})
    toml("TOML with a NUL byte", claims.encode() + b"\0", (2,))
    toml("claim id with escapes and 10 kB", answers([("\\u001b[32m✓ " + "i" * 10000, DELTA2)]), (0, 1, 2), never=("\x1b[32m",))
    toml("2000 claims with one id", answers([("same", DELTA2)] * 2000), (0, 1, 2))
    toml("notation cycle a->b->a", claims + '[notation]\n"a" = "b"\n"b" = "a"\n', (0, 2))
    toml("notation mapping to a 4000-char name", claims + f'[notation]\n"a" = "{"h" * 4000}"\n', (0, 2))
    toml("[values] of 100000 entries", claims + "[values]\nx = [" + ", ".join(["1.0"] * 100000) + "]\n", (2,))
    toml("[values] nested lists 50 deep", claims + "[values]\nx = " + "[" * 50 + "1" + "]" * 50 + "\n", (2,))
    # -- the answers file's own spec (with and without --spec) -----------------------------------------------------
    secret = 'password = "hunter2-SECRET"\n'
    out.append(Probe("r3: --spec given: the answers file's spec path is ignored", ("verify", "{d}/sub/a.toml", "--spec", "{d}/s.toml",
                     "--json"), {"s.toml": s2, "sub/a.toml": answers([("d2", DELTA2)], 'spec = "/etc/passwd"')}, (0,),
                     {"d2": {"correct"}}, never=("root:",)))
    out.append(Probe("r3: --spec given: the answers file's inline [spec] is ignored", ("verify", "{d}/a.toml", "--spec",
                     "{d}/s.toml", "--json"), {"s.toml": s2, "a.toml": answers([("d2", DELTA2)], "", "[spec]\nname = 1\n")},
                     (0,), {"d2": {"correct"}}))
    out.append(Probe("r3: spec path through a symlinked folder", ("verify", "{d}/sub/a.toml"),
                     {"secret/s.toml": secret, "sub/a.toml": answers([("d2", DELTA2)], 'spec = "lnk/s.toml"')}, (2,),
                     never=("hunter2",), links={"sub/lnk": "/{d}/secret".replace("/{d}", "{d}")}))
    out.append(Probe("r3: spec path is a FIFO", ("verify", "{d}/a.toml"), {"a.toml": answers([("d2", DELTA2)], 'spec = "p.toml"')},
                     (2,), fifos=("p.toml",)))
    out.append(Probe("r3: --spec is a FIFO", ("verify", "{d}/h.md", "--spec", "{d}/p.toml"), {"h.md": ok_md}, (2,), fifos=("p.toml",)))
    out.append(Probe("r3: answers file is a FIFO", ("verify", "{d}/a.toml"), {}, (2,), fifos=("a.toml",)))
    out.append(Probe("r3: document is /dev/zero", ("verify", "/dev/zero", "--spec", "{d}/s.toml"), {"s.toml": s2}, (2,)))
    out.append(Probe("r3: derive /dev/zero", ("derive", "/dev/zero", "--no-pdf"), {}, (2,)))
    out.append(Probe("r3: stdin is 5 MB of zeros", ("verify", "-", "--spec", "{d}/s.toml"), {"s.toml": s2, "z": b"\0" * 5_000_000},
                     (2,), stdin="z"))
    out.append(Probe("r3: stdin is UTF-16", ("verify", "-", "--spec", "{d}/s.toml"), {"s.toml": s2, "z": ok_md.encode("utf-16")},
                     (0,), stdin="z"))  # (decoded as a file is since round twenty)
    out.append(Probe("r3: stdin is invalid UTF-8", ("verify", "-", "--spec", "{d}/s.toml"), {"s.toml": s2, "z": b"\xff\xfe$$ x = 1 $$"},
                     (1, 2), stdin="z"))
    # -- specs --------------------------------------------------------------------------------------------------
    def derive(pid: str, text, codes=(0,), argv=("derive", "{d}/s.toml", "--no-pdf"), **kw) -> None:
        out.append(Probe("r3: " + pid, argv, {"s.toml": text}, codes, **kw))

    derive("spec with a BOM", b"\xef\xbb\xbf" + s2.encode(), (0,))
    derive("spec in UTF-16", s2.encode("utf-16"), (0,))  # (read since round eleven)
    derive("spec with CR line ends", s2.replace("\n", "\r"), (0, 2))
    derive("spec with NUL", s2.encode() + b"\0", (2,))
    derive("spec arrays nested 100000 deep", s2 + "x = " + "[" * 100000 + "]" * 100000 + "\n", (2,))
    derive("spec 100000 keys", s2 + "".join(f"[training.k{i}]\n" for i in range(60000)), (2,))
    derive("formula 1e-400*x (underflows to 0)", formula_spec("1e-400*x+tanh(x)"), (0, 2))
    derive("formula x^1e300", formula_spec("x^1e300"), (2,))
    derive("formula exp(x)^64", formula_spec("exp(x)^64"), (0, 2))
    for fn in ("tanh", "sin", "exp", "atan", "erf", "sqrt(1+x^2)*0+tanh", "log(1+exp", "1/(1+exp(-"):
        head = fn if fn.endswith("(") else fn + "("
        tail = "))" if fn.startswith("log") else ")))" if fn.startswith("1/") else ")"
        depth = 39 if len(head * 39 + tail * 39) < 400 else 12
        nested = formula_spec(head * depth + "x" + tail * depth)
        derive(f"formula {fn}(…) nested deep: derive", nested, (0, 2))
        derive(f"formula {fn}(…) nested deep: codegen", nested, (0, 2), argv=("codegen", "{d}/s.toml", "--out", "{d}"))
        out.append(Probe(f"r3: formula {fn}(…) nested deep: verify", ("verify", "{d}/a.toml", "--json"),
                         {"s.toml": nested, "a.toml": answers([("d2", DELTA2)])}, (0, 2), {"d2": {"correct"}}))
    derive("formula tanh nested 39 deep: derive with the PDF", formula_spec("tanh(" * 39 + "x" + ")" * 39), (0, 2),
           argv=("derive", "{d}/s.toml", "--out", "{d}/o"))
    derive("formula abs(abs(abs(…)-1)-1) piece explosion", formula_spec("abs(" * 12 + "x" + "-1)" * 12), (0, 2))
    derive("formula max/min chain 30 terms", formula_spec("max(" * 29 + "x" + "".join(f",{k}*x/7)" for k in range(29))), (0, 2))
    derive("formula with 400 characters of sums", formula_spec("+".join(["x"] * 133)), (0, 2))
    derive("formula sqrt(x) (not defined everywhere)", formula_spec("sqrt(x)"), (2,))
    derive("formula log(x)", formula_spec("log(x)"), (2,))
    derive("formula x/x", formula_spec("x/x"), (0, 2))
    derive("formula with unicode minus", formula_spec("tanh(x)−x"), (2,))
    derive("formula with zero-width space", formula_spec("tanh(\u200bx)"), (2,))
    derive("formula with fullwidth x", formula_spec("tanh(\uff58)"), (2,))
    derive("parameter with combining mark name", formula_spec("tanh(a\u0301*x)", ", \"a\u0301\" = 0.5"), (0, 2))
    derive("network name with combining mark", s2.replace('name = "probe"', 'name = "a\u0301b"'), (0, 2))
    for n in ("gamma", "beta", "mu", "var", "x_hat", "xhat", "mask", "eps", "sigma", "bngamma", "bnx", "F", "p"):
        bn = _example("bn_mlp.toml").replace('activation = "identity"           # the affine part',
                                              f'activation = {{ name = "mine", formula = "tanh({n}*x)", {n} = 0.5 }} #')
        derive(f"bn_mlp with a parameter named {n}", bn)
        out.append(Probe(f"r3: bn_mlp verify, parameter named {n}", ("verify", "{d}/a.toml", "--json"),
                         {"s.toml": bn, "a.toml": answers([("d5", r"\delta^{(5)} = \hat{y} - y")], extra="batch = 4\n")}, (0,),
                         {"d5": {"correct"}}))
    res = _example("residual_mlp.toml")
    derive("residual_mlp with an activation named batchnorm",
           res.replace('activation = "tanh"', 'activation = { name = "batchnorm", formula = "tanh(x)" }'), (0, 2))
    derive("network named gamma", _example("bn_mlp.toml").replace('name = "bn_mlp"', 'name = "gamma"'))
    big_kind = {"dropout": 'kind = "dropout"\np = 0.5\n', "batchnorm": 'kind = "batchnorm"\n', "layernorm": 'kind = "layernorm"\n'}
    for kind, body in big_kind.items():
        layers = layer(3, '"tanh"') + ("[[layers]]\n" + body) * 498 + layer(2, '"identity"')
        derive(f"498 {kind} layers (500 layers)", spec(layers), (0, 2))
        wide = layer(100000, '"tanh"') + "[[layers]]\n" + body + layer(2, '"identity"')
        derive(f"100000-unit {kind}", spec(wide, inputs=100000), (0,))
        derive(f"100000-unit {kind}: codegen", spec(wide, inputs=100000), (0,), argv=("codegen", "{d}/s.toml", "--out", "{d}"))
    # -- verify on layer kinds with hostile claims and documents ------------------------------------------------
    bn = _example("bn_mlp.toml")
    bn_claims = [("g", r"\frac{\partial J}{\partial \gamma^{(2)}} = \sum_i \delta^{(2)(i)} \hat{x}^{(2)(i)}"),
                 ("mu", r"\mu = \frac{1}{m}\sum_i x_i"),
                 ("bad", r"\frac{\partial J}{\partial \beta^{(2)}} = 0"),
                 ("inj", r"\bngamma^{(2)} = \bnmu^{(9)}"),
                 ("deep", r"\hat{x} = " + "\\frac{x - \\mu}{\\sqrt{" * 200 + "1" + "}}" * 200),
                 ("mask", r"\text{mask} = \gamma \odot \beta^{(99)}"),
                 ("sp", r"\gamma" + " " * 3000 + r"\hat x")]
    out.append(Probe("r3: bn_mlp: hostile claims", ("verify", "{d}/a.toml", "--json"),
                     {"s.toml": bn, "a.toml": answers(bn_claims, extra="batch = 4\n")},
                     (0, 1), {"g": {"correct", "unchecked"}, "bad": {"incorrect", "unchecked"}}))
    bn_doc = ("# Batch norm\n\nWe use batch norm with $\\gamma$, $\\beta$, $\\mu_B$ and $\\sigma_B^2$.\n\n"
              "$$\\hat{x}_i = \\frac{x_i - \\mu_B}{\\sqrt{\\sigma_B^2 + \\epsilon}}$$\n\n$$y_i = \\gamma \\hat{x}_i + \\beta$$\n\n"
              "$$\\frac{\\partial \\ell}{\\partial \\beta} = \\sum_i \\frac{\\partial \\ell}{\\partial y_i}$$\n\n"
              "$$\\frac{\\partial \\ell}{\\partial \\gamma} = 0$$\n") * 40
    out.append(Probe("r3: bn_mlp: a document about batch norm (160 claims)", ("verify", "{d}/h.md", "--spec", "{d}/s.toml", "--json"),
                     {"s.toml": bn, "h.md": bn_doc}, (0, 1, 2)))
    out.append(Probe("r3: residual_mlp: a document about batch norm", ("verify", "{d}/h.md", "--spec", "{d}/s.toml", "--json"),
                     {"s.toml": res, "h.md": bn_doc}, (0, 1)))
    out.append(Probe("r3: residual_mlp: hostile claims", ("verify", "{d}/a.toml", "--json"),
                     {"s.toml": res, "a.toml": answers([("d", r"\delta^{(5)} = \hat{y} - y"), *bn_claims[3:]])}, (0, 1),
                     {"d": {"correct"}}))
    # -- grading -------------------------------------------------------------------------------------------------
    rub = _example("grading/rubric.toml")
    ref = _example("reference_mlp.toml")
    alice = (ROOT / "examples/grading/submissions/alice.md").read_text()
    grade = ("verify", "{d}/subs", "--spec", "{d}/s.toml", "--rubric", "{d}/r.toml", "--summary", "{d}/g.csv", "--out", "{d}/rep")
    out.append(Probe("r3: --rubric is a folder", grade[:4] + ("--rubric", "{d}/rdir"),
                     {"s.toml": ref, "subs/a.md": alice, "rdir/r.toml": rub},
                     (2,), says="folder"))
    out.append(Probe("r3: --rubric is a FIFO", grade[:4] + ("--rubric", "{d}/r.toml"), {"s.toml": ref, "subs/a.md": alice}, (2,),
                     fifos=("r.toml",)))
    out.append(Probe("r3: FIFOs and a socket-like file in the submissions", grade, {"s.toml": ref, "r.toml": rub, "subs/a.md": alice},
                     (0,), fifos=("subs/b.md", "subs/carol/c.md"), after=_json_ok("rep/a.md.json")))
    out.append(Probe("r3: a zip as a submission (path traversal entry)", grade,
                     {"s.toml": ref, "r.toml": rub, "subs/a.md": alice, "subs/evil.zip": _zip({"../../pwned.md": alice, "x.md": alice})},
                     (0,), after=lambda d: ["zip entry extracted"] if Path(d, "pwned.md").exists()
                     or Path(d).parent.joinpath("pwned.md").exists() else []))
    out.append(Probe("r3: a zip bomb as a submission", grade,
                     {"s.toml": ref, "r.toml": rub, "subs/a.md": alice, "subs/bomb.zip": _zip({"a.md": b"0" * 50_000_000})}, (0,)))
    out.append(Probe("r3: a zip as the document", ("verify", "{d}/sub.zip", "--spec", "{d}/s.toml"),
                     {"s.toml": ref, "sub.zip": _zip({"a.md": alice})}, (2,)))
    out.append(Probe("r3: autograder submission is a zip", ("autograder", "gradescope", "--spec", "{d}/s.toml", "--rubric", "{d}/r.toml",
                     "--submission", "{d}/sub.zip", "--results", "{d}/results.json"),
                     {"s.toml": ref, "r.toml": rub, "sub.zip": _zip({"../x.md": alice})}, (0, 2), after=_json_ok("results.json")))
    out.append(Probe("r3: 3000 empty files in a submission folder", grade,
                     {"s.toml": ref, "r.toml": rub, "subs/a.md": alice, **{f"subs/bob/f{i}.md": "" for i in range(3000)}}, (0,)))
    out.append(Probe("r3: 3000 submissions of one empty file each",
                     ("verify", "{d}/subs", "--spec", "{d}/s.toml", "--summary", "{d}/g.csv"),
                     {"s.toml": ref, **{f"subs/s{i}.md": "" for i in range(3000)}}, (0, 1, 2)))
    out.append(Probe("r3: --out /proc/x.zip", ("autograder", "gradescope", "--spec", "{d}/s.toml", "--rubric", "{d}/r.toml", "--out",
                     "/proc/x.zip"), {"s.toml": ref, "r.toml": rub}, (2,), says="/proc/x.zip", never=(".tmp",)))
    out.append(Probe("r3: --out /dev/full (results)", ("verify", "{d}/a.md", "--spec", "{d}/s.toml", "--format", "gradescope", "--out",
                     "/dev/full"), {"s.toml": ref, "a.md": alice}, (2,), says="No space left",
                     after=lambda d: [] if Path("/dev/full").is_char_device() else ["/dev/full was replaced by a file"]))
    out.append(Probe("r3: --out a FIFO nobody reads", ("verify", "{d}/a.md", "--spec", "{d}/s.toml", "--format", "gradescope", "--out",
                     "{d}/ff"), {"s.toml": ref, "a.md": alice}, (2,), fifos=("ff",)))
    out.append(Probe("r3: codegen --out /dev/full", ("codegen", "{d}/s.toml", "--out", "/dev/full"), {"s.toml": ref}, (2,)))
    out.append(Probe("r3: --jobs 100000", grade + ("--jobs", "100000"), {"s.toml": ref, "r.toml": rub, "subs/a.md": alice}, (0, 2)))
    out.append(Probe("r3: --jobs -1", grade + ("--jobs", "-1"), {"s.toml": ref, "r.toml": rub, "subs/a.md": alice}, (2,)))
    out.append(Probe("r3: rubric with 10000 expects", grade, {"s.toml": ref, "subs/a.md": alice, "r.toml":
                     '[[questions]]\nid = "Q"\npoints = 1\nexpects = [' + ", ".join(['"delta3"'] * 10000) + "]\n"}, (0, 2)))
    out.append(Probe("r3: rubric expecting internal names", grade, {"s.toml": ref, "subs/a.md": alice, "r.toml":
                     '[[questions]]\nid = "Q"\npoints = 1\nexpects = ["__class__", "bngamma2", "../x"]\n'}, (0, 2)))
    out.append(Probe("r3: two batch runs into one --out at once", grade, {"s.toml": ref, "r.toml": rub, "subs/a.md": alice,
                     "subs/b.md": alice}, (0,), parallel=2, after=lambda d: _json_ok("rep/a.md.json")(d) + _json_ok("rep/b.md.json")(d)
                     + _no_temporaries("rep")(d)))
    out.append(Probe("r3: three codegen runs into one --out at once", ("codegen", "{d}/s.toml", "--out", "{d}/o"), {"s.toml": ref}, (0,),
                     parallel=3, after=lambda d: _imports("o/reference_mlp.py", "reference_mlp")(d) + _no_temporaries("o")(d)))
    def complete_csv(d: str) -> list[str]:
        f = Path(d, "g.csv")
        if not f.exists():
            return []
        rows = f.read_text().splitlines()
        return [] if rows and rows[0].startswith("submission,") and all(r.count(",") >= 6 for r in rows[1:]) else ["g.csv is half-written"]
    many = {f"subs/s{i}.md": alice for i in range(40)}
    for after_s in (3.0, 6.0):
        out.append(Probe(f"r3: Ctrl-C {after_s:g} s into a batch with --summary and --out", grade,
                         {"s.toml": ref, "r.toml": rub, **many}, (0, 130), interrupt=after_s,
                         after=lambda d: complete_csv(d) + _no_temporaries(".")(d)))
    out.append(Probe("r3: Ctrl-C 4 s into derive with the PDF", ("derive", "{d}/s.toml", "--out", "{d}/o"), {"s.toml": ref}, (0, 130),
                     interrupt=4.0, after=_no_temporaries("o")))
    out.append(Probe("r3: --summary /dev/full", ("verify", "{d}/subs", "--spec", "{d}/s.toml", "--summary", "/dev/full"),
                     {"s.toml": ref, "subs/a.md": alice}, (2,), says="No space left",
                     after=lambda d: [] if Path("/dev/full").is_char_device() else ["/dev/full was replaced by a file"]))
    out.append(Probe("r3: autograder --out /dev/full", ("autograder", "gradescope", "--spec", "{d}/s.toml", "--rubric", "{d}/r.toml",
                     "--out", "/dev/full"), {"s.toml": ref, "r.toml": rub}, (2,),
                     after=lambda d: [] if Path("/dev/full").is_char_device() else ["/dev/full was replaced by a file"]))
    out.append(Probe("r3: --results /dev/stdout", ("autograder", "gradescope", "--spec", "{d}/s.toml", "--rubric", "{d}/r.toml",
                     "--submission", "{d}/a.md", "--results", "/dev/stdout"), {"s.toml": ref, "r.toml": rub, "a.md": alice}, (0,),
                     says='"score"'))
    # -- public API and python -m ----------------------------------------------------------------------------------
    py = ("{python}",)
    api = ("import gradproof, sys\ntry:\n    {call}\nexcept gradproof.GradproofError as e:\n    print('error:', e)\n    sys.exit(2)\n")
    for label, call in {"check_answers on a folder": "gradproof.check_answers('{d}')",
                        "check_answers on a FIFO": "gradproof.check_answers('{d}/p.toml')",
                        "load_spec on bytes": "gradproof.load_spec(b'{d}/s.toml')",
                        "load_spec on None": "gradproof.load_spec(None)",
                        "load_spec on a 5000-digit TOML int": "gradproof.load_spec('{d}/big.toml')",
                        "derive_network of 100000 units": "gradproof.derive_network('{d}/wide.toml')",
                        "check_answers on a hostile answers file": "gradproof.check_answers('{d}/a.toml')"}.items():
        out.append(Probe("r3: API " + label, ("-c", api.format(call=call)),
                         {"s.toml": s2, "big.toml": spec(layer(2, '"tanh"'), inputs="1" * 5000),
                         "wide.toml": spec(layer(100000, '"tanh"') + layer(2, '"identity"'), inputs=100000),
                         "a.toml": answers([("d2", DELTA2), ("x", "\\frac{" * 3000)])}, (0, 2), cmd=py, fifos=("p.toml",)))
    out.append(Probe("r3: python -m gradproof verify of a hostile document",
                     ("-m", "gradproof", "verify", "{d}/h.md", "--spec", "{d}/s.toml"),
                     {"s.toml": s2, "h.md": "$$ x\n" * 100000}, (1, 2), cmd=py))
    return out



def _module_refuses(rel: str, name: str):
    """The generated layered module refuses running statistics of the wrong shape, NaN ones and a negative variance
    (a ValueError or TypeError naming them) instead of predicting silently from them."""
    def after(d: str) -> list[str]:
        code = (f"import sys; sys.path.insert(0, {str(Path(d, rel).parent)!r}); import importlib, numpy as np; "
                f"m = importlib.import_module({name!r}); p = m.init_params(0); X = np.ones((4, m.SIZES[0])); r = m.init_running(p)\n"
                "bad = {'shape (1,)': {k: np.ones(1) for k in r}, 'nan': {k: v * np.nan for k, v in r.items()},\n"
                "       'negative variance': {k: (-v - 1 if 'var' in k else v) for k, v in r.items()}, 'missing': {}}\n"
                "for label, run in bad.items():\n"
                "    try:\n"
                "        m.predict(p, X, running=run)\n"
                "        print('accepted', label)\n"
                "    except (ValueError, TypeError) as e:\n"
                "        print('refused', label, e)\n"
                "    except Exception as e:\n"
                "        print('crashed', label, type(e).__name__, e)\n")
        r = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-c", code], capture_output=True, text=True, timeout=120)
        return [line[:90] for line in r.stdout.splitlines() if not line.startswith("refused")] + (
            [f"generated module {rel}: {r.stderr.strip().splitlines()[-1][:100]}"] if r.returncode else [])
    return after


def round_four() -> list[Probe]:
    """Round four (issue 12, fifth pass): verify's readers (whitespace runs against every pattern, Unicode), documents
    against batch-norm networks everywhere a document is read, layer kinds at their edges, handouts and grading."""
    out: list[Probe] = []
    s2 = formula_spec("tanh(x)")
    bn, res, ref = _example("bn_mlp.toml"), _example("residual_mlp.toml"), _example("reference_mlp.toml")
    ok_md = "$$\\delta^{(2)} = \\hat{y} - y$$\n"
    doc = ("verify", "{d}/h.md", "--spec", "{d}/s.toml", "--json")

    def md(pid: str, text, codes=(0, 1), verdicts=None, spec_text=s2, argv=doc, **kw) -> None:
        out.append(Probe("r4: " + pid, argv, {"s.toml": spec_text, argv[1].replace("{d}/", ""): text}, codes, verdicts or {}, **kw))

    # -- white space runs: every pattern of the readers with \s*X?\s* was quadratic (or worse) on them -----------
    sum_def = "$$ z_j = \\sum_k w_{kj} x_k $$\n\n"
    md("bias words: x_ and 3000 spaces (cubic)", sum_def + "$$ a = x_" + " " * 3000 + "! $$\n" + ok_md)
    md("heading # Q and 200000 spaces", "# Q" + " " * 200_000 + "x\n\n" + ok_md, (0,), {"line 3": {"correct"}})
    md("heading # Q and 200000 newlines", "# Q" + "\n" * 200_000 + "x\n\n" + ok_md, (0,))
    md("heading **Question and 300000 tabs", "**Question" + "\t" * 300_000 + ".\n\n" + ok_md, (0,))
    md("100 claims t + 3900 spaces", "".join("$$ t" + " " * 3900 + "! = 1 $$\n\n" for _ in range(100)) + ok_md)
    md("200 claims of \\, x 1300 (spaces made by normalize)", ("$$\\delta^{(2)} = \\hat{y}" + "\\," * 1300 + "- y$$\n\n") * 200,
       (0, 1), {"line 1": {"correct", "unchecked"}})
    md("200 claims of \\quad x 600", ("$$ h^{(1)} = \\tanh" + "\\quad" * 600 + "(z)$$\n\n") * 200)
    md("claims with ^ and 3900 spaces", ("$$ W^" + " " * 3900 + "{(1)} = 0 $$\n\n") * 100)
    md("a 900 kB display of spaces", "$$ J = a" + " " * 900_000 + "! $$\n" + ok_md)
    md("CE and 3900 spaces before (", ("$$ \\delta^{(2)} = CE" + " " * 3900 + "x $$\n\n") * 100)
    md("\\text{ and 3000 spaces, 200 claims", ("$$ \\delta^{(2)} = \\text{" + " " * 3000 + "a $$\n\n") * 200)
    md("\\frac{\\partial and 3000 spaces", ("$$ \\frac{\\partial" + " " * 3000 + "J}{\\partial" + " " * 3000 + "W $$\n\n") * 100)
    out.append(Probe("r4: answers TOML: claims with 3900 spaces after a letter", ("verify", "{d}/a.toml", "--json"),
                     {"s.toml": s2, "a.toml": answers([("d2", DELTA2)] + [(f"s{i}", "t" + " " * 3900 + "!") for i in range(200)])},
                     (0, 1), {"d2": {"correct"}}))
    out.append(Probe("r4: answers TOML: notation key with 3000 spaces", ("verify", "{d}/a.toml", "--json"),
                     {"s.toml": s2, "a.toml": answers([("d2", DELTA2)]) + '[notation]\n"a' + " " * 3000 + '!" = "h"\n'}, (0, 1, 2)))
    # -- Unicode: nothing crashes or hangs (reading it is verify's work) ----------------------------------------------
    md("combining marks x 3000 on one letter", "$$\\delta^{(2)} = \\hat{y}" + "\u0301" * 3000 + " - y$$\n" + ok_md)
    md("zero-width spaces x 3000", "$$\\delta^{(2)} = " + "\u200b" * 3000 + "\\hat{y} - y$$\n" + ok_md)
    md("bidi overrides and isolates", "$$\\delta^{(2)} = \u202e\\hat{y}\u2066 - y\u2069\u202c$$\n" + ok_md)
    md("Unicode spaces (U+2003, U+3000) x 3000", "$$ t" + "\u2003\u3000" * 1500 + "! = 1 $$\n" + ok_md)
    md("NUL bytes inside a claim", "$$\\delta^{(2)} = \\hat{y}\0\0 - y$$\n" + ok_md)
    md("emoji and astral math letters", "$$\U0001d6ff^{(2)} = \U0001d466\u0302 - y \U0001f600$$\n" + ok_md)
    nb = ('{"cells": [{"cell_type": "markdown", "source": ["$$\\\\delta^{(2)} = \\\\hat{y} - y \\ud800$$\\n", '
          '"$$J = \\udfff \\u0000 1$$"]}, {"cell_type": "markdown", "source": "$$\\\\delta^{(2)} = \\\\hat{y} - y$$"}]}')
    for fmt in ((), ("--json",), ("--format", "gradescope", "--out", "{d}/r.json")):
        out.append(Probe(f"r4: notebook with lone surrogates and NUL {' '.join(fmt)}".rstrip(),
                         ("verify", "{d}/h.ipynb", "--spec", "{d}/s.toml", *fmt), {"s.toml": s2, "h.ipynb": nb}, (0, 1),
                         after=_json_ok("r.json") if "gradescope" in fmt else None))
    out.append(Probe("r4: answers TOML: claim with \\u0000 and a bidi id", ("verify", "{d}/a.toml", "--json"),
                     {"s.toml": s2, "a.toml": answers([("d2", DELTA2), ("\u202eevil", r"\delta^{(2)} = \hat{y}\u0000 - y")])},
                     (0, 1), {"d2": {"correct"}}))
    out.append(Probe("r4: batch: surrogates in a notebook submission", ("verify", "{d}/subs", "--spec", "{d}/s.toml", "--summary",
                     "{d}/g.csv", "--out", "{d}/rep"), {"s.toml": s2, "subs/a.md": ok_md, "subs/b.ipynb": nb}, (0,),
                     after=_json_ok("rep/b.ipynb.json")))
    # -- documents against batch-norm networks: every reader of a document chooses the same batch ---------------------
    bn_doc = ("## Q1\n\n$$\\frac{\\partial J}{\\partial \\beta^{(2)}} = \\sum_i \\delta^{(2)(i)}$$\n\n"
              "$$\\frac{\\partial J}{\\partial \\gamma^{(2)}} = \\sum_i \\delta^{(2)(i)} \\hat{x}^{(2)(i)}$$\n")
    md("bn_mlp: a document without 1/m", bn_doc, (0, 1), {"Q1.1": {"correct"}}, spec_text=bn)
    md("residual_mlp (layer norm): a document without 1/m", "$$\\delta^{(5)} = \\hat{y} - y$$\n", (0, 1), spec_text=res)
    out.append(Probe("r4: bn_mlp: a document on standard input", ("verify", "-", "--spec", "{d}/s.toml", "--json"),
                     {"s.toml": bn, "z": bn_doc}, (0, 1), {"Q1.1": {"correct"}}, stdin="z"))
    bn_rubric = '[[questions]]\nid = "Q1"\nname = "batch norm"\npoints = 2\nexpects = ["Q1"]\n'
    out.append(Probe("r4: bn_mlp: batch grading of documents", ("verify", "{d}/subs", "--spec", "{d}/s.toml", "--rubric", "{d}/r.toml",
                     "--summary", "{d}/g.csv", "--out", "{d}/rep"), {"s.toml": bn, "r.toml": bn_rubric, "subs/a.md": bn_doc,
                     "subs/b.tex": bn_doc.replace("$$", "\\[", 1).replace("$$", "\\]", 1)}, (0,),
                     after=lambda d: [] if "refused" not in Path(d, "g.csv").read_text() and ",error," not in Path(d, "g.csv").read_text()
                     and "2" in Path(d, "g.csv").read_text().splitlines()[1] else [f"g.csv: {Path(d, 'g.csv').read_text()[:200]!r}"]))
    out.append(Probe("r4: bn_mlp: autograder with a document submission", ("autograder", "gradescope", "--spec", "{d}/s.toml",
                     "--rubric", "{d}/r.toml", "--submission", "{d}/sub", "--results", "{d}/results.json"),
                     {"s.toml": bn, "r.toml": bn_rubric, "sub/a.md": bn_doc}, (0,),
                     after=lambda d: _json_ok("results.json")(d) or ([] if '"score": 2' in Path(d, "results.json").read_text()
                                                                   else ["results.json: " + Path(d, "results.json").read_text()[:160]])))
    # -- layer kinds at the edges of their ranges -------------------------------------------------------------------
    def derive(pid: str, text, codes=(0,), argv=("derive", "{d}/s.toml", "--no-pdf"), **kw) -> None:
        out.append(Probe("r4: " + pid, argv, {"s.toml": text}, codes, **kw))

    edges = {"batchnorm eps = 1e-300": 'kind = "batchnorm"\neps = 1e-300\n', "batchnorm eps = 1e300": 'kind = "batchnorm"\neps = 1e300\n',
             "batchnorm momentum = 0": 'kind = "batchnorm"\nmomentum = 0\n', "batchnorm momentum = 1": 'kind = "batchnorm"\nmomentum = 1\n',
             "layernorm eps = 5e-324": 'kind = "layernorm"\neps = 5e-324\n', "dropout p = 0.999999": 'kind = "dropout"\np = 0.999999\n',
             "dropout p = 1e-300": 'kind = "dropout"\np = 1e-300\n', "dropout p = 0": 'kind = "dropout"\np = 0\n'}
    for label, body in edges.items():
        text = spec(layer(3, '"tanh"') + "[[layers]]\n" + body + layer(2, '"identity"'))
        derive(f"{label}: derive", text, (0, 2))
        derive(f"{label}: codegen", text, (0, 2), argv=("codegen", "{d}/s.toml", "--out", "{d}"))
        out.append(Probe(f"r4: {label}: verify", ("verify", "{d}/a.toml", "--json"), {"s.toml": text, "a.toml": answers(
                         [("d", r"\delta^{(3)} = \hat{y} - y")], extra="batch = 4\n")}, (0, 2), {"d": {"correct"}}))

    def nested(depth: int, inner: str) -> str:
        body = inner
        for _ in range(depth):
            body = body.replace("[[layers", "[[layers.body")
            body = '[[layers]]\nkind = "residual"\n' + body
        return body

    deep = spec(layer(3, '"tanh"') + nested(12, '[[layers]]\nunits = 3\nactivation = "tanh"\n[[layers]]\nkind = "layernorm"\n')
                + layer(2, '"identity"'))
    derive("residual blocks nested 12 deep: derive", deep, (0, 2))
    derive("residual blocks nested 12 deep: codegen", deep, (0, 2), argv=("codegen", "{d}/s.toml", "--out", "{d}"))
    derive("residual blocks nested 12 deep: PDF", deep, (0, 2), argv=("derive", "{d}/s.toml", "--out", "{d}/o"))
    mixed = spec(layer(3, '"tanh"') + '[[layers]]\nkind = "residual"\n[[layers.body]]\nkind = "batchnorm"\n[[layers.body]]\n'
                 'kind = "dropout"\np = 0.5\n[[layers.body]]\nkind = "residual"\n[[layers.body.body]]\nkind = "layernorm"\n'
                 '[[layers.body.body]]\nunits = 3\nactivation = { name = "mine", formula = "max(x, 0.1*x)" }\n' + layer(2, '"identity"'))
    derive("residual holding batch norm, dropout, a residual with a custom activation", mixed, (0, 2))
    derive("… the same: codegen", mixed, (0, 2), argv=("codegen", "{d}/s.toml", "--out", "{d}"), after=_imports("probe.py", "probe"))
    derive("… the same: PDF", mixed, (0, 2), argv=("derive", "{d}/s.toml", "--out", "{d}/o"))
    out.append(Probe("r4: … the same: verify", ("verify", "{d}/a.toml", "--json"), {"s.toml": mixed, "a.toml": answers(
                     [("d", r"\delta^{(3)} = \hat{y} - y")], extra="batch = 4\n")}, (0, 2), {"d": {"correct"}}))
    for kind in ("batchnorm", "layernorm"):
        layers = layer(3, '"tanh"') + (f'[[layers]]\nkind = "{kind}"\n') * 498 + layer(2, '"identity"')
        derive(f"498 {kind} layers: codegen", spec(layers), (0, 2), argv=("codegen", "{d}/s.toml", "--out", "{d}"))
        derive(f"498 {kind} layers: PDF", spec(layers), (0, 2), argv=("derive", "{d}/s.toml", "--out", "{d}/o"))
        out.append(Probe(f"r4: 498 {kind} layers: verify", ("verify", "{d}/a.toml", "--json"), {"s.toml": spec(layers), "a.toml": answers(
                         [("d", r"\delta^{(500)} = \hat{y} - y")], extra="batch = 4\n")}, (0, 2), {"d": {"correct"}}))
    res249 = spec("".join('[[layers]]\nkind = "residual"\n[[layers.body]]\nunits = 3\nactivation = "relu"\n' for _ in range(249)),
                  extra='[[layers]]\nunits = 3\nactivation = "tanh"\n').replace("[loss]", '[[layers]]\nunits = 2\nactivation = '
                                                                               '"identity"\n[loss]')
    derive("249 residual blocks: PDF", res249, (0, 2), argv=("derive", "{d}/s.toml", "--out", "{d}/o"))
    derive("100000-unit batch norm: verify", spec(layer(100000, '"tanh"') + '[[layers]]\nkind = "batchnorm"\n' + layer(2, '"identity"'),
                                                  inputs=100000), (0, 2))
    # -- names and titles for every output ---------------------------------------------------------------------------
    specials = r"50% of \$x_1^2\$ & #3 {a} ~b \\ \input{/etc/passwd} \end{document} ^_^"
    titled = bn.replace('title = "Batch-norm MLP: affine, batch norm, ReLU"', "title = '" + specials + "'")
    derive("bn_mlp titled with every TeX special: PDF", titled, (0,), argv=("derive", "{d}/s.toml", "--out", "{d}/o"),
           never=("root:",))
    derive("bn_mlp titled with every TeX special: codegen", titled, (0,), argv=("codegen", "{d}/s.toml", "--out", "{d}"),
           after=_imports("bn_mlp.py", "bn_mlp"))
    derive("bn_mlp titled with RTL, emoji, CJK, combining, NUL-free controls: PDF",
           bn.replace('title = "Batch-norm MLP: affine, batch norm, ReLU"', 'title = "\u202eabc \U0001f600 批量 a\u0301 \\u0007 \u00ad"'),
           (0,), argv=("derive", "{d}/s.toml", "--out", "{d}/o"))
    derive("residual_mlp named with TeX specials", res.replace('name = "residual_mlp"', 'name = "a_b%c#d"'), (0, 2),
           argv=("derive", "{d}/s.toml", "--out", "{d}/o"))
    derive("a custom activation named \\section in a residual body: PDF", res.replace(
        'activation = "gelu"', 'activation = { name = "\\\\section", formula = "tanh(x)" }'), (0, 2),
        argv=("derive", "{d}/s.toml", "--out", "{d}/o"))
    derive("bn_mlp: codegen, the generated module refuses bad running statistics", bn, (0,), argv=("codegen", "{d}/s.toml", "--out", "{d}"),
           after=_module_refuses("bn_mlp.py", "bn_mlp"))
    # -- grading ----------------------------------------------------------------------------------------------------
    alice = (ROOT / "examples/grading/submissions/alice.md").read_text()
    hostile_rubric = ('title = "\u202e<b>T</b> \\u0000"\n[[questions]]\nid = "Q1\u200b"\nname = "<img src=x onerror=alert(1)> '
                      '[x](javascript:alert(1)) \u202e"\npoints = 1e308\nexpects = ["delta3"]\n[[questions]]\nid = "Q2"\nname = "n"\n'
                      'points = 5e-324\nexpects = ["delta2"]\n')
    out.append(Probe("r4: gradescope: a hostile rubric (bidi, HTML, 1e308 points)", ("verify", "{d}/a.md", "--spec", "{d}/s.toml",
                     "--rubric", "{d}/r.toml", "--format", "gradescope", "--out", "{d}/r.json"), {"s.toml": ref, "r.toml": hostile_rubric,
                     "a.md": alice}, (0, 2), after=lambda d: _json_ok("r.json")(d) if Path(d, "r.json").exists() else []))
    out.append(Probe("r4: gradescope: claim ids and latex with HTML and Markdown", ("verify", "{d}/a.toml", "--spec", "{d}/s.toml",
                     "--format", "gradescope", "--out", "{d}/r.json"), {"s.toml": s2, "a.toml": answers(
                     [("<img src=x onerror=alert(1)>", r"\delta^{(2)} = \hat{y} - y </script><script>alert(1)</script>"),
                      ("[a](javascript:x)", r"\delta^{(2)} = \text{<b>}")])}, (0, 1),
                     never=("<script>alert", "<img src"), after=_json_ok("r.json")))
    out.append(Probe("r4: autograder: rubric with 2000 questions expecting one quantity", ("autograder", "gradescope", "--spec",
                     "{d}/s.toml", "--rubric", "{d}/r.toml", "--submission", "{d}/a.md", "--results", "{d}/results.json"),
                     {"s.toml": ref, "a.md": alice, "r.toml": "".join(f'[[questions]]\nid = "Q{i}"\npoints = 1\nexpects = ["delta3"]\n'
                                                                    for i in range(2000))}, (0, 2), after=_json_ok("results.json")))
    out.append(Probe("r4: batch: a rubric written for another network (bn) against reference_mlp", ("verify", "{d}/subs", "--spec",
                     "{d}/s.toml", "--rubric", "{d}/r.toml"), {"s.toml": ref, "r.toml": '[[questions]]\nid = "Q"\npoints = 1\n'
                     'expects = ["dgamma2", "dbeta9"]\n', "subs/a.md": alice}, (0, 2)))
    # -- the public API ---------------------------------------------------------------------------------------------
    py = ("{python}",)
    api = ("import gradproof, sys\ntry:\n    {call}\nexcept gradproof.GradproofError as e:\n    print('error:', e)\n    sys.exit(2)\n")
    for label, call in {"check_answers on a bn document": "r = gradproof.check_answers('{d}/h.md', spec='{d}/bn.toml'); "
                        "assert r[0].verdict == 'correct', r[0]",
                        "derive_network of nested residuals": "gradproof.derive_network('{d}/deep.toml')",
                        "write_proof into a file path": "gradproof.write_proof(gradproof.derive_network('{d}/bn.toml', check=False), "
                        "'{d}/h.md', pdf=False)",
                        "generate_module into /dev/full": "gradproof.generate_module(gradproof.derive_network('{d}/bn.toml', "
                        "check=False), '/dev/full')",
                        "check_answers with notation of the wrong type": "gradproof.check_answers('{d}/h.md', spec='{d}/bn.toml', "
                        "notation=3)"}.items():
        out.append(Probe("r4: API " + label, ("-c", api.format(call=call)), {"bn.toml": bn, "deep.toml": deep, "h.md": bn_doc}, (0, 2),
                         cmd=py, after=lambda d: [] if Path("/dev/full").is_char_device() else ["/dev/full was replaced by a file"]))
    return out

def _no_orphans(d: str) -> list[str]:
    """No process naming the probe's folder is left 30 s after the run ended (a killed batch's workers)."""
    def left() -> list[int]:
        out = []
        for entry in Path("/proc").iterdir():
            try:
                if entry.name.isdigit() and d in (entry / "cmdline").read_bytes().decode(errors="replace"):
                    out.append(int(entry.name))
            except OSError:
                pass
        return out

    deadline = time.monotonic() + 30
    while left() and time.monotonic() < deadline:
        time.sleep(0.5)
    orphans = left()
    for pid in orphans:
        os.kill(pid, signal.SIGKILL)
    return [f"{len(orphans)} orphaned workers still running 30 s after the batch was killed"] if orphans else []


def _npz_probe(d: str) -> list[str]:
    """The generated bn_mlp module against hostile .npz files: a bomb (an unused member inflating to 400 MB), a W1 that
    inflates to 400 MB, object arrays, a single .npy, text; each must be a ValueError naming the file, nothing else,
    with the child's peak memory under 300 MB."""
    code = (f"import sys, io, zipfile, resource; sys.path.insert(0, {d!r}); import numpy as np, bn_mlp as m\n"
            "p = m.init_params(0)\n"
            "def bomb(path, name, keep):\n"
            "    np.savez(path, **{k: v for k, v in p.items() if k in keep})\n"
            "    with zipfile.ZipFile(path, 'a', zipfile.ZIP_DEFLATED, compresslevel=1) as z, \\\n"
            "            z.open(name + '.npy', 'w', force_zip64=True) as f:\n"
            "        h = io.BytesIO()\n"
            "        np.lib.format.write_array_header_1_0(h, {'descr': '<f8', 'fortran_order': False, 'shape': (5000, 10000)})\n"
            "        f.write(h.getvalue()); [f.write(bytes(1 << 22)) for _ in range(95)]\n"
            "bomb('bomb.npz', 'zzz', p); bomb('w1.npz', 'W1', [k for k in p if k != 'W1'])\n"
            "np.savez('obj.npz', **{k: np.array([None] * v.size, dtype=object) for k, v in p.items()}); np.save('one.npy', p['W1'])\n"
            "open('text.npz', 'w').write('not a zip')\n"
            "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
            "for f, fns in (('bomb.npz', [m.load_params]), ('w1.npz', [m.load_params]), ('obj.npz', [m.load_params]),\n"
            "               ('one.npy', [m.load_params, m.load_running]), ('text.npz', [m.load_params, m.load_running])):\n"
            "    for fn in fns:\n"
            "        try:\n"
            "            fn(f); print('loaded', f) if f != 'bomb.npz' else None\n"
            "        except ValueError as e:\n"
            "            print('refused', f, e) if f in str(e) and 'allow_pickle' not in str(e) else print('unclear', f, e)\n"
            "        except Exception as e:\n"
            "            print('crashed', f, type(e).__name__, e)\n"
            "print('grew', (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) // 1024, 'MB')\n")
    r = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-c", code], capture_output=True, text=True, timeout=120, cwd=d)
    bad = [line[:100] for line in r.stdout.splitlines() if not line.startswith(("refused", "grew"))]
    grew = [int(line.split()[1]) for line in r.stdout.splitlines() if line.startswith("grew")]
    return bad + ([f"load_params grew by {grew[0]} MB"] if grew and grew[0] > 300 else []) + (
        [f"npz probe: {r.stderr.strip().splitlines()[-1][:100]}"] if r.returncode else [])


def round_five() -> list[Probe]:
    """Round five (issue 12, sixth pass): what was built since round four — document macros (verify/texmacros.py),
    Unicode folding, Einstein/index readings, entry-by-entry definitions, \\text{} remarks, notebooks, the grading CLI,
    the generated module's save/load, layer kinds at extreme values — and round four's open deep handouts."""
    out: list[Probe] = []
    s2 = formula_spec("tanh(x)")
    ref, bn = _example("reference_mlp.toml"), _example("bn_mlp.toml")
    ok_md = "$$\\delta^{(2)} = \\hat{y} - y$$\n"
    doc = ("verify", "{d}/h.md", "--spec", "{d}/s.toml", "--json")

    def md(pid: str, text, codes=(0, 1), verdicts=None, spec_text=s2, **kw) -> None:
        out.append(Probe("r5: " + pid, doc, {"s.toml": spec_text, "h.md": text}, codes, verdicts or {}, **kw))

    right = {"line 1": {"correct"}}
    # -- document macros ---------------------------------------------------------------------------------------------
    md("macros: \\def\\a{\\a} (recursive), then a right claim", "$$\\def\\a{\\a}$$\n$$\\delta^{(2)} = \\hat{y} - y \\a$$\n" + ok_md)
    md("macros: \\newcommand{\\x}{\\x\\x} (doubling) x 300 claims", "$$\\newcommand{\\x}{\\x\\x}$$\n" + "$$ J = \\x $$\n\n" * 300 + ok_md)
    md("macros: a right claim written with \\gdef\\d#1#2{\\frac{\\partial #1}{\\partial #2}}",
       "$$\\gdef\\pd#1#2{\\frac{\\partial #1}{\\partial #2}}\\newcommand{\\yh}{\\hat{y}}$$\n\n$$\\delta^{(2)} = \\yh - y$$\n"
       "$$\\pd{J}{W^{(2)}} = \\delta^{(2)} {h^{(1)}}^\\top$$\n", (0,), {"line 3": {"correct"}, "line 4": {"correct"}})
    md("macros: arguments that grow (#1#1#1#1 nested 12 deep)", "$$\\newcommand{\\g}[1]{#1#1#1#1}$$\n$$ J = " + "\\g{" * 12 + "x"
       + "}" * 12 + " $$\n" + ok_md)
    def name(k: int) -> str:
        return chr(97 + k % 26) + chr(97 + k // 26 % 26) + chr(97 + k // 676 % 26)

    md("macros: 5000 definitions", "".join(f"$$\\newcommand{{\\m{name(k)}}}{{x_{k}}}$$\n" for k in range(5000)) + ok_md, (0, 1))
    md("macros: a body of 2000 # and an argument of 1990 characters, 200 claims",
       "$$\\newcommand{\\b}[1]{" + "#1" * 999 + "}$$\n" + ("$$ J = \\b{" + "x" * 1990 + "} $$\n\n") * 200 + ok_md)
    md("macros: \\let, \\expandafter, \\csname, catcode tricks", "$$\\let\\hat\\tilde \\expandafter\\def\\csname x\\endcsname{y}"
       "\\catcode`\\^=11 \\delta^{(2)} = \\hat{y} - y$$\n\n" + ok_md)
    md("macros: a macro whose body defines \\newcommand (\\mk{\\x})", "$$\\newcommand{\\mk}[1]{\\newcommand{#1}{\\mk{#1}}}"
       "\\mk{\\x}$$\n$$ J = \\x \\x \\mk{\\y} \\y $$\n" + ok_md)
    md("macros: redefining \\frac, \\hat, \\delta", "$$\\renewcommand{\\frac}[2]{#2/#1}\\renewcommand{\\hat}[1]{0}"
       "\\def\\delta{\\Delta}$$\n\n" + ok_md, (0, 1))
    md("macros: an unclosed body (\\newcommand{\\x}{ + 200 kB)", "$$\\newcommand{\\x}{" + "{a" * 100_000 + "$$\n" + ok_md)
    md("macros: 200 definitions of 2000 characters, 2000 uses", "".join(f"$$\\def\\q{name(k)}{{{'x+' * 666}}}$$\n" for k in range(200))
       + "$$ J = " + "\\qaaa " * 2000 + "$$\n" + ok_md)
    # -- Unicode folding ---------------------------------------------------------------------------------------------
    md("Unicode: δ⁽²⁾ = ŷ − y (a right claim in Unicode)", "$$δ⁽²⁾ = ŷ − y$$\n", (0, 1), {"line 1": {"correct", "unchecked"}})
    md("Unicode: 200 kB of combining marks in one claim", "$$ J = y" + "\u0302\u0301\u0323" * 70_000 + " $$\n" + ok_md)
    md("Unicode: superscript digits x 100000", "$$ J = x" + "⁽²⁾" * 33_000 + " $$\n" + ok_md)
    md("Unicode: astral math letters and RTL x 50000", "$$ J = " + "\U0001d466\u202e\u05d0" * 50_000 + " $$\n" + ok_md)
    md("Unicode: 900 kB of Greek and operators", "$$ J = " + "αβγ∑∂⊙√" * 40_000 + " $$\n" + ok_md)
    md("Unicode: 1900 claims with a hat each", "".join("$$ ŷ = ŷ $$\n\n" for _ in range(1900)) + ok_md)
    md("Unicode: 300 claims of 30 kB of combining marks", ("$$ J = y" + "\u0302\u0301\u0323" * 3000 + " $$\n\n") * 10 + ok_md)
    # -- index (Einstein) readings and entry-by-entry definitions ----------------------------------------------------
    letters = "abcdefghijklmnopqrstuvw"
    pairs = " ".join(f"W_{{{a}{b}}}" for a, b in zip(letters, letters[1:], strict=False))
    md("index: 23 index letters in one term", "$$ J = " + pairs + " $$\n" + ok_md)
    md("index: \\sum nested 300 deep", "$$ J = " + "".join(f"\\sum_{{{letters[k % 23]}}}" for k in range(300)) + " x_i $$\n" + ok_md)
    md("index: a right claim in index form", "$$ \\frac{\\partial J}{\\partial W^{(2)}_{ij}} = \\delta^{(2)}_i h^{(1)}_j $$\n",
       (0, 1), {"line 1": {"correct", "unchecked"}})
    md("entries: 2000 entry-by-entry definitions", "".join(f"$$ \\delta^{{(2)}}_{{{k}}} = \\hat{{y}}_{{{k}}} - y_{{{k}}} $$\n\n"
                                                          for k in range(1, 2001)))
    md("entries: 400 entries of a 20x20 matrix", "".join(f"$$ W^{{(1)}}_{{{i},{j}}} = 0.5 $$\n\n"
                                                        for i in range(1, 21) for j in range(1, 21)))
    # -- \\text{} remarks ------------------------------------------------------------------------------------------------
    md("remarks: \\text{} of 3000 characters x 200", ("$$\\delta^{(2)} = \\hat{y} - y \\quad \\text{(" + "by the chain rule " * 160
                                                      + ")}$$\n\n") * 200, (0, 1), right)
    md("remarks: \\text{ nested 2000 deep", "$$ J = " + "\\text{a " * 2000 + "}" * 2000 + " $$\n" + ok_md)
    md("remarks: \\text{} holding $ and math", "$$\\delta^{(2)} = \\hat{y} - y \\text{ since $J = \\tfrac12 (\\hat y - y)^2$ }$$\n",
       (0, 1), right)
    # -- notebooks ---------------------------------------------------------------------------------------------------
    def nb(cells) -> str:
        return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})

    cell = {"cell_type": "markdown", "metadata": {}, "source": ["$$\\delta^{(2)} = \\hat{y} - y$$\n"]}
    for label, text, codes in (
            ("1900 cells", nb([cell] * 1900), (0, 1)),
            ("a cell with 5 MB of attachments", nb([{**cell, "attachments": {"a.png": {"image/png": "A" * 5_000_000}}}]), (0, 1)),
            ("15 MB of plots in outputs", nb([cell, {"cell_type": "code", "source": "plot()", "metadata": {}, "outputs": [
                {"output_type": "display_data", "data": {"image/png": "iVBOR" * 3_000_000}}]}]), (0, 1)),
            ("a 25 MB notebook", nb([{**cell, "attachments": {"a.png": {"image/png": "A" * 25_000_000}}}]), (2,)),
            ("sources that are numbers, dicts and nested lists", nb([{**cell, "source": 3}, {**cell, "source": {"a": 1}},
                                                                     {**cell, "source": [["x"]]}, cell]), (0, 1)),
            ("JSON nested 50000 deep in metadata", '{"cells": [' + json.dumps(cell) + '], "metadata": ' + "[" * 50_000 + "]" * 50_000 + "}",
             (0, 1, 2)),
            ("cells that are not objects", json.dumps({"cells": [1, "x", None, [cell], cell]}), (0, 1, 2)),
            ("a 40 MB string", nb([{**cell, "source": ["$$ J = " + "x" * 40_000_000 + "$$"]}]), (0, 1, 2))):
        out.append(Probe(f"r5: notebook: {label}", ("verify", "{d}/h.ipynb", "--spec", "{d}/s.toml", "--json"),
                         {"s.toml": s2, "h.ipynb": text}, codes))
    # -- the grading CLI ---------------------------------------------------------------------------------------------
    alice = (ROOT / "examples/grading/submissions/alice.md").read_text()
    rub = (ROOT / "examples/grading/rubric.toml").read_text()
    grade = ("verify", "{d}/subs", "--spec", "{d}/s.toml", "--rubric", "{d}/r.toml", "--summary", "{d}/g.csv", "--out", "{d}/rep")

    def graded(d: str) -> list[str]:
        csv = Path(d, "g.csv")
        if not csv.exists():
            return ["no summary"]
        text = csv.read_text()
        return [] if "\x1b" not in text and "\r" not in text.replace("\r\n", "\n") else [f"g.csv holds control characters: {text[:80]!r}"]

    out.append(Probe("r5: grading: 60 submissions (a class; time grows with it)", grade, {"s.toml": ref, "r.toml": rub,
                     **{f"subs/s{k}.md": alice for k in range(60)}}, (0,), after=graded))
    out.append(Probe("r5: grading: killed after 5 s (its workers must exit, not wait forever)", grade, {"s.toml": ref, "r.toml": rub,
                     **{f"subs/s{k}.md": alice for k in range(200)}}, (0, -9), kill=5.0, after=_no_orphans))
    out.append(Probe("r5: grading: names with control characters and escapes", grade, {"s.toml": ref, "r.toml": rub,
                     "subs/a\x1b[31mred.md": alice, "subs/b\rover.md": alice, "subs/c\nnl.md": alice, "subs/d\x7f.md": alice,
                     b"subs/e\xff\xfe.md": alice}, (0,), never=("\x1b[31m",), after=graded))
    out.append(Probe("r5: grading: a submission that is a directory, a FIFO, links in and out", grade,
                     {"s.toml": ref, "r.toml": rub, "subs/a.md": alice, "subs/dir.md/x.md": alice, "outside.md": alice},
                     (0,), fifos=("subs/f.md",), links={"subs/in.md": "{d}/subs/a.md", "subs/out.md": "{d}/outside.md",
                                                        "subs/loop.md": "{d}/subs/loop.md", "subs/etc.md": "/etc/passwd"},
                     never=("root:",), after=graded))
    out.append(Probe("r5: grading: a submission folder of 200 nested folders", grade, {"s.toml": ref, "r.toml": rub,
                     "subs/" + "d/" * 200 + "a.md": alice, "subs/b.md": alice}, (0,), after=graded))
    out.append(Probe("r5: autograder: the submission is a FIFO", ("autograder", "gradescope", "--spec", "{d}/s.toml", "--rubric",
                     "{d}/r.toml", "--submission", "{d}/sub", "--results", "{d}/results.json"), {"s.toml": ref, "r.toml": rub},
                     (0, 2), fifos=("sub",)))
    # -- the generated module's saved files -------------------------------------------------------------------------------
    out.append(Probe("r5: bn_mlp: codegen, load_params/load_running of hostile .npz files", ("codegen", "{d}/s.toml", "--out", "{d}"),
                     {"s.toml": bn}, (0,), after=_npz_probe))
    out.append(Probe("r5: bn_mlp: codegen, the module refuses bad running statistics (round four's open defect)",
                     ("codegen", "{d}/s.toml", "--out", "{d}"), {"s.toml": bn}, (0,), after=_module_refuses("bn_mlp.py", "bn_mlp")))
    # -- layer kinds at extreme values ----------------------------------------------------------------------------------
    def kinds(pid: str, body: str, argv=("derive", "{d}/s.toml", "--no-pdf"), codes=(0, 2)) -> None:
        out.append(Probe("r5: " + pid, argv, {"s.toml": spec(layer(3, '"tanh"') + body + layer(2, '"identity"'))}, codes))

    for label, body in (("batch norm momentum 1e-300, eps 1e-300", 'kind = "batchnorm"\nmomentum = 1e-300\neps = 1e-300\n'),
                        ("batch norm momentum 0.999999999", 'kind = "batchnorm"\nmomentum = 0.999999999\n'),
                        ("layer norm eps 1e10", 'kind = "layernorm"\neps = 1e10\n'),
                        ("dropout p 1 - 1e-16", 'kind = "dropout"\np = 0.9999999999999999\n'),
                        ("dropout p -0.0", 'kind = "dropout"\np = -0.0\n'),
                        ("batch norm eps nan", 'kind = "batchnorm"\neps = nan\n'),
                        ("residual with an empty body", 'kind = "residual"\nbody = []\n'),
                        ("batch norm with units = 5 (a key it does not take)", 'kind = "batchnorm"\nunits = 5\n')):
        kinds(label + ": derive", "[[layers]]\n" + body)
        kinds(label + ": codegen", "[[layers]]\n" + body, argv=("codegen", "{d}/s.toml", "--out", "{d}"))
    # -- round four's open defects: the handouts of deep layer-kind networks, verify of 498 batch-norm layers -------------
    res249 = "".join('[[layers]]\nkind = "residual"\n[[layers.body]]\nunits = 3\nactivation = "relu"\n' for _ in range(249))
    for label, body in (("40 batch-norm layers", '[[layers]]\nkind = "batchnorm"\n' * 40),
                        ("498 batch-norm layers", '[[layers]]\nkind = "batchnorm"\n' * 498),
                        ("498 layer-norm layers", '[[layers]]\nkind = "layernorm"\n' * 498),
                        ("498 dropout layers", '[[layers]]\nkind = "dropout"\np = 0.1\n' * 498),
                        ("249 residual blocks", res249)):
        kinds(label + ": PDF", body, argv=("derive", "{d}/s.toml", "--out", "{d}/o"), codes=(0,))
    out.append(Probe("r5: 498 batch-norm layers: verify", ("verify", "{d}/a.toml", "--json"), {"s.toml": spec(
        layer(3, '"tanh"') + '[[layers]]\nkind = "batchnorm"\n' * 498 + layer(2, '"identity"')), "a.toml": answers(
        [("d", r"\delta^{(500)} = \hat{y} - y"), ("g", r"\frac{\partial J}{\partial \beta^{(250)}} = \sum_i \delta^{(250)(i)}")],
        extra="batch = 4\n")}, (0,), {"d": {"correct"}, "g": {"correct"}}))
    return out


def _module_script(name: str, body: str, limit_mb: int = 300):
    """after(folder): run ``body`` (Python, with ``m`` the generated module ``name``, ``np`` NumPy) in a fresh interpreter
    in the probe's folder; each stdout line that does not start with "ok" is a problem, and so is a peak that grew by
    more than ``limit_mb`` MB or a crash."""
    def after(d: str) -> list[str]:
        code = (f"import sys, io, zipfile, resource, threading; sys.path.insert(0, {d!r}); import numpy as np, {name} as m\n"
                "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n" + body +
                "\nprint('ok grew', (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) // 1024, 'MB')\n")
        r = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-c", code], capture_output=True, text=True, timeout=120, cwd=d)
        bad = [line[:110] for line in r.stdout.splitlines() if not line.startswith("ok")]
        grew = [int(line.split()[2]) for line in r.stdout.splitlines() if line.startswith("ok grew")]
        return bad + ([f"{name}: grew by {grew[0]} MB"] if grew and grew[0] > limit_mb else []) + (
            [f"{name}: {(r.stderr.strip().splitlines() or [''])[-1][:100]}"] if r.returncode else [])
    return after


# the generated module against forged .npy headers inside a .npz: a header length of 600 MB (numpy reads the whole
# header before it checks its size), a header claiming a big-endian, float16, Fortran-ordered or 3.0-version array,
# a member shorter than its header says; each must load right or be a ValueError naming the file
FORGED = r"""
p = m.init_params(0)
def member(path, key, header, data=b"", version=(1, 0), pad=0):
    np.savez(path, **{k: v for k, v in p.items() if k != key})
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as z, z.open(key + ".npy", "w", force_zip64=True) as f:
        if pad:  # a header length of pad bytes: the magic, the length, then pad spaces
            f.write(b"\x93NUMPY\x02\x00" + pad.to_bytes(4, "little"))
            for _ in range(pad // (1 << 22)):
                f.write(b" " * (1 << 22))
            return
        h = io.BytesIO()
        (np.lib.format.write_array_header_1_0 if version == (1, 0) else np.lib.format.write_array_header_2_0)(h, header)
        f.write(h.getvalue() + data)
w = p["W1"]
member("huge.npz", "W1", None, pad=600 << 20)
member("big.npz", "W1", {"descr": ">f8", "fortran_order": False, "shape": w.shape}, w.astype(">f8").tobytes())
member("fort.npz", "W1", {"descr": "<f8", "fortran_order": True, "shape": w.shape}, np.asfortranarray(w).tobytes(order="F"))
member("half.npz", "W1", {"descr": "<f2", "fortran_order": False, "shape": w.shape}, w.astype("<f2").tobytes())
member("short.npz", "W1", {"descr": "<f8", "fortran_order": False, "shape": w.shape}, w.tobytes()[:40])
member("v2.npz", "W1", {"descr": "<f8", "fortran_order": False, "shape": w.shape}, w.tobytes(), version=(2, 0))
for f in ("huge.npz", "big.npz", "fort.npz", "half.npz", "short.npz", "v2.npz"):
    try:
        q = m.load_params(f)
        print("ok", f) if f in ("big.npz", "fort.npz", "v2.npz") and np.array_equal(q["W1"], w) else print("loaded", f)
    except ValueError as e:
        print("ok refused", f) if f in str(e) and f not in ("big.npz", "fort.npz", "v2.npz") else print("refused", f, e)
    except Exception as e:
        print("crashed", f, type(e).__name__, str(e)[:80])
"""

# threads sharing one workspace dict: each thread's gradients equal those of a call on its own
THREADS = r"""
p = m.init_params(0)
rng = np.random.default_rng(0)
# (targets as probability rows: valid for every loss — the example's loss is now the cross-entropy, which rightly
# refuses targets outside [0, 1], so the normal targets this probe drew before made it fail before the threads ran)
data = [(rng.normal(size=(n, m.SIZES[0])), rng.dirichlet(np.ones(m.SIZES[-1]), size=n)) for n in (1, 3, 5, 7, 3, 1, 9, 5)]
want = [m.gradients(p, X, Y) for X, Y in data]
ws, bad = {}, []
def work(k):
    for _ in range(30):
        g = m.gradients(p, *data[k], workspace=ws)
        if not all(np.allclose(g[key], want[k][key]) for key in want[k]):
            bad.append(k)
            return
ts = [threading.Thread(target=work, args=(k,)) for k in range(len(data))]
[t.start() for t in ts]; [t.join() for t in ts]
print("ok threads" if not bad else f"threads disagree: {sorted(set(bad))}")
for label, w in (("list", []), ("str", "x"), ("junk dict", {(1, np.dtype("float64"), threading.get_ident()): "junk"})):
    try:
        g = m.gradients(p, *data[0], workspace=w)  # a junk entry is replaced by fresh buffers
        print("ok junk replaced" if label == "junk dict" and np.allclose(g["W1"], want[0]["W1"]) else f"accepted workspace {label}")
    except (TypeError, ValueError) as e:
        print("ok refused workspace", label) if "workspace" in str(e) else print("unclear workspace", label, e)
    except Exception as e:
        print("crashed workspace", label, type(e).__name__, str(e)[:80])
"""

# train with extreme validation data and callbacks
TRAIN = r"""
p = m.init_params(0)
X, Y = np.ones((8, m.SIZES[0])), np.zeros((8, m.SIZES[-1]))
cases = {
    "validation NaN": dict(validation_data=(X * np.nan, Y)),
    "validation wrong width": dict(validation_data=(np.ones((4, m.SIZES[0] + 1)), Y[:4])),
    "validation triple": dict(validation_data=(X, Y, X)),
    "validation empty": dict(validation_data=(X[:0], Y[:0])),
    "callback raising": dict(callback=lambda e, q, h: 1 / 0),
    "callback NaN params": dict(callback=lambda e, q, h: q["W1"].fill(np.nan)),
    "callback replaces W1": dict(callback=lambda e, q, h: q.__setitem__("W1", np.ones(3))),
    "callback not callable": dict(callback=5),
}
for label, kw in cases.items():
    try:
        m.train(m.init_params(0), X, Y, epochs=3, batch_size=4, **kw)
        silent = label in ("callback NaN params", "callback replaces W1")  # must stop the training, not go on
        print("trained silently", label) if silent else print("ok trained", label)
    except ZeroDivisionError:
        print("ok callback error passed on", label)
    except (TypeError, ValueError, FloatingPointError) as e:
        print("ok refused", label)
    except Exception as e:
        print("crashed", label, type(e).__name__, str(e)[:80])
big = (np.ones((20000, m.SIZES[0])), np.zeros((20000, m.SIZES[-1])))
hist = m.train(m.init_params(0), X, Y, epochs=2, batch_size=4, validation_data=big)
print("ok big validation" if np.isfinite(hist["val_loss"]).all() else "big validation not finite")
"""

# bias = false: the module's parameters have no b for that layer; a params file with the b, one without another b
BIAS = r"""
p = m.init_params(0)
print("ok no b1" if "b1" not in p else "b1 present")
m.save_params("mine.npz", p)
q = dict(p); q["b1"] = np.zeros(m.SIZES[1]); np.savez("extra.npz", **q)
r = {k: v for k, v in p.items() if k != "b2"}; np.savez("missing.npz", **r)
print("ok same" if all(np.array_equal(m.load_params("mine.npz")[k], p[k]) for k in p) else "reload differs")
for f in ("extra.npz", "missing.npz"):
    try:
        got = m.load_params(f)
        print("ok extra ignored" if f == "extra.npz" and "b1" not in got else f"loaded {f}")
    except ValueError as e:
        print("ok refused", f) if f == "missing.npz" and f in str(e) else print("refused", f, e)
X, Y = np.random.default_rng(1).normal(size=(4, m.SIZES[0])), np.random.default_rng(2).normal(size=(4, m.SIZES[-1]))
g = m.gradients(p, X, Y)
def J(v, key, i):
    q = {k: a.copy() for k, a in p.items()}; q[key].flat[i] += v
    return m.loss(q, X, Y)
worst = max(abs((J(1e-6, k, i) - J(-1e-6, k, i)) / 2e-6 - g[k].flat[i]) for k in p for i in range(p[k].size))
print("ok gradients" if worst < 1e-5 else f"gradients off by {worst:.2e}")
"""


def round_six() -> list[Probe]:
    """Round six (issue 12, seventh pass): what the sixth round built — verify's derivative of an expression written
    out (central differences of the forward pass), \\underbrace/\\overbrace, objectives with arguments, φ(z) = …
    definitions, sample sums to a letter, per-layer ``bias = false``, the module's ``workspace=``, ``load_params`` of
    forged .npy headers, ``train`` with extreme validation data and callbacks — and grading a large class."""
    out: list[Probe] = []
    row = spec(layer(3, '"sigmoid"') + layer(2, '"softmax"'), loss="cross_entropy")
    doc = ("verify", "{d}/h.md", "--spec", "{d}/s.toml", "--json")
    paren = ("$$\\frac{\\partial}{\\partial z^{(1)}}\\left(W^{(2)} h^{(1)} + b^{(2)}\\right) = W^{(2)} "
             "\\operatorname{diag}(\\sigma'(z^{(1)})) \\tag{paren}$$\n\n")
    log = "$$\\frac{\\partial \\log \\hat y_i}{\\partial z^{(2)}_k} = \\delta_{ik} - \\hat y_k \\tag{log}$$\n\n"
    right = {"paren": {"correct", "unchecked"}, "log": {"correct", "unchecked"}}

    def md(pid: str, text, codes=(0, 1), verdicts=None, spec_text=row, **kw) -> None:
        out.append(Probe("r6: " + pid, doc, {"s.toml": spec_text, "h.md": text}, codes, verdicts or {}, **kw))

    # -- the derivative of an expression written out -------------------------------------------------------------------
    md("dexpr: right claims (small network)", paren + log, (0,), {"paren": {"correct"}, "log": {"correct"}})
    md("dexpr: 20000 inputs and units", paren + log, (0, 1, 2), right,
       spec(layer(20000, '"sigmoid"') + layer(2, '"softmax"'), 20000, "cross_entropy"))
    md("dexpr: 100000-way softmax output", paren + log, (0, 1, 2), right,
       spec(layer(3, '"sigmoid"') + layer(100000, '"softmax"'), 2, "cross_entropy"))
    deep = spec("".join(layer(3, '"sigmoid"') for _ in range(498)) + layer(2, '"softmax"'), loss="cross_entropy")
    md("dexpr: 499 layers, the derivative of z^(499) by z^(498) (right and planted)",
       "$$\\frac{\\partial}{\\partial z^{(498)}}\\left(W^{(499)} h^{(498)} + b^{(499)}\\right) = W^{(499)} \\operatorname{diag}"
       "(\\sigma'(z^{(498)})) \\tag{deep}$$\n\n$$\\frac{\\partial}{\\partial z^{(498)}}\\left(W^{(499)} h^{(498)} + b^{(499)}\\right)"
       " = W^{(499)} \\tag{planted}$$\n\n" + log.replace("(2)", "(499)"), (1, 2),
       {"deep": {"correct", "unchecked"}, "planted": {"incorrect", "unchecked"}, "log": {"correct", "unchecked"}}, deep)
    md("dexpr: 300 such claims in one document", (paren + log) * 150)
    md("dexpr: by W^(1) (a matrix) of W^(2) h^(1)", "$$\\frac{\\partial}{\\partial W^{(1)}}\\left(W^{(2)} h^{(1)}\\right) = "
       "W^{(2)} \\tag{w}$$\n\n" + paren, (0, 1), {"paren": {"correct"}, "w": {"incorrect", "unchecked"}})
    nest = "\\frac{\\partial}{\\partial z^{(1)}}\\left(" * 40 + "h^{(1)}" + "\\right)" * 40
    md("dexpr: derivatives nested 40 deep", f"$$ {nest} = 0 \\tag{{n}}$$\n\n" + paren, (0, 1), {"paren": {"correct"}})
    md("dexpr: an expression of 10^4 terms", "$$\\frac{\\partial}{\\partial z^{(1)}}\\left(" + "h^{(1)} + " * 10_000
       + "0\\right) = 0 \\tag{t}$$\n\n" + paren, (0, 1), {"paren": {"correct"}})
    md("dexpr: an expression of 450 terms", "$$\\frac{\\partial}{\\partial z^{(1)}}\\left(" + "h^{(1)} + " * 450
       + "0\\right) = 0 \\tag{t}$$\n\n" + paren, (0, 1), {"paren": {"correct"}})
    md("dexpr: 200 claims of 3000 characters each", ("$$\\frac{\\partial}{\\partial z^{(1)}}\\left(" + "W^{(2)} h^{(1)} + " * 160
       + "b^{(2)}\\right) = 0$$\n\n") * 200 + paren, (0, 1, 2), {"paren": {"correct"}})  # 0.2 CPU s each: the run budget
    # -- braces, objectives with arguments, function definitions, sample sums -------------------------------------------
    md("\\underbrace nested 3000 deep", "$$ J = " + "\\underbrace{" * 3000 + "x" + "}_{a}" * 3000 + " $$\n\n" + paren)
    md("\\overbrace nested 3000 deep", "$$ J = " + "\\overbrace{" * 3000 + "x" + "}^{a}" * 3000 + " $$\n\n" + paren)
    md("500 \\underbrace in one claim", "$$ J = " + "\\underbrace{x}_{\\delta^{(2)}} + " * 500 + "0 $$\n\n" + paren)
    md("\\underbrace labels nested in labels", "$$ J = \\underbrace{x}_{" * 500 + "a" + "}" * 500 + " $$\n\n" + paren)
    md("\\mathcal{L}(w_{1:10^{99}}) and huge index ranges", "$$\\mathcal{L}(w_{1:10^{99}}) = - y^T \\log h^{(2)} \\tag{a}$$\n\n"
       "$$\\mathcal{L}(w_{1:99999999999999999999}, b_{1:L}) = - y^T \\log h^{(2)} \\tag{b}$$\n\n" + paren, (0, 1), {"paren": {"correct"}})
    md("\\mathcal{L} with 2000 arguments", "$$\\mathcal{L}(" + ", ".join(f"w_{{{k}}}" for k in range(2000))
       + ") = - y^T \\log h^{(2)}$$\n\n"
       + paren, (0, 1), {"paren": {"correct"}})
    md("\\phi(z) = … redefined 900 times", "".join(f"- $\\phi(z) = \\tanh(z) + {k}$ where $\\phi'(z) = 1 - \\tanh^2(z)$\n"
                                                      for k in range(900)) + "\n" + paren, (0, 1), {"paren": {"correct"}})
    md("\\phi(z) = \\phi(z) + 1 (recursive), f and g defined by each other",
       "- $\\phi(z) = \\phi(z) + 1$ where $\\phi'(z) = \\phi'(z)$\n- $f(z) = g(z)$, $g(z) = f(z)$ where $f'(z) = g'(z)$\n"
       "- $h(z) = h(h(h(h(z))))$\n\n" + paren, (0, 1), {"paren": {"correct"}})
    md("sample sums to 10^{99}, to a letter, 200 deep", "$$\\mathcal{L} = - \\sum_{i=1}^{10^{99}} y_i \\log \\hat y_i$$\n\n"
       "$$\\mathcal{L} = - " + "\\sum_{i=1}^{n} " * 200 + "y_i \\log \\hat y_i$$\n\n$$\\mathcal{L} = - \\sum_{i=1}^{N^{N^{N}}} y_i$$\n\n"
       + paren, (0, 1), {"paren": {"correct", "unchecked"}})  # N^{N^N}: a sum over the batch, read with batch 3
    # -- bias = false ---------------------------------------------------------------------------------------------------
    nob = spec(layer(3, '"tanh"').replace("units = 3\n", "units = 3\nbias = false\n") + layer(2, '"identity"'))
    out.append(Probe("r6: bias = false: derive with the PDF", ("derive", "{d}/s.toml", "--out", "{d}/o"), {"s.toml": nob}))
    out.append(Probe("r6: bias = false: codegen, save/load, gradients vs differences", ("codegen", "{d}/s.toml", "--out", "{d}"),
                     {"s.toml": nob}, after=_module_script("probe", BIAS)))
    out.append(Probe("r6: bias = false: verify (a claim about the missing b is not right)", ("verify", "{d}/a.toml", "--json"),
                     {"s.toml": nob, "a.toml": answers([("d2", DELTA2), ("b1", r"\frac{\partial J}{\partial b^{(1)}} = \delta^{(1)}")])},
                     (0, 1, 2), {"d2": {"correct"}, "b1": {"incorrect", "unchecked"}}))
    every = (layer(4, '"relu"').replace("units = 4\n", "units = 4\nbias = false\n") + '[[layers]]\nkind = "batchnorm"\n'
             + '[[layers]]\nkind = "dropout"\np = 0.1\n' + '[[layers]]\nkind = "layernorm"\n'
             + '[[layers]]\nkind = "residual"\n[[layers.body]]\nunits = 4\nactivation = "tanh"\nbias = false\n'
             + layer(2, '"identity"').replace("units = 2\n", "units = 2\nbias = false\n"))
    for argv in (("derive", "{d}/s.toml", "--out", "{d}/o"), ("codegen", "{d}/s.toml", "--out", "{d}")):
        out.append(Probe(f"r6: bias = false in every dense layer with every kind: {argv[0]}", argv, {"s.toml": spec(every)}))
    out.append(Probe("r6: bias = false on a batch-norm layer (no bias to drop)", ("derive", "{d}/s.toml", "--no-pdf"),
                     {"s.toml": spec(layer(3, '"tanh"') + '[[layers]]\nkind = "batchnorm"\nbias = false\n' + layer(2, '"identity"'))},
                     (0, 2)))
    out.append(Probe("r6: bias = \"false\" (a string)", ("derive", "{d}/s.toml", "--no-pdf"),
                     {"s.toml": spec(layer(3, '"tanh"').replace("units = 3\n", 'units = 3\nbias = "false"\n') + layer(2, '"identity"'))},
                     (2,), says="bias"))
    out.append(Probe("r6: 498 dense layers without a bias: PDF", ("derive", "{d}/s.toml", "--out", "{d}/o"),
                     {"s.toml": spec("".join(layer(3, '"relu"').replace("units = 3\n", "units = 3\nbias = false\n") for _ in range(498))
                                     + layer(2, '"identity"'))}))
    # -- the generated module: workspace across threads, forged headers, train -------------------------------------------
    ref = _example("reference_mlp.toml")
    out.append(Probe("r6: reference_mlp: workspace= shared by 8 threads, and of the wrong type", ("codegen", "{d}/s.toml", "--out", "{d}"),
                     {"s.toml": ref}, after=_module_script("reference_mlp", THREADS)))
    out.append(Probe("r6: reference_mlp: load_params of forged .npy headers (600 MB header length)",
                     ("codegen", "{d}/s.toml", "--out", "{d}"),
                     {"s.toml": ref}, after=_module_script("reference_mlp", FORGED)))
    out.append(Probe("r6: bn_mlp: load_params of forged .npy headers", ("codegen", "{d}/s.toml", "--out", "{d}"),
                     {"s.toml": _example("bn_mlp.toml")}, after=_module_script("bn_mlp", FORGED)))
    out.append(Probe("r6: reference_mlp: train with extreme validation data and callbacks", ("codegen", "{d}/s.toml", "--out", "{d}"),
                     {"s.toml": ref}, after=_module_script("reference_mlp", TRAIN, 600)))
    # -- grading a large class (round five's open item) -----------------------------------------------------------------
    alice = (ROOT / "examples/grading/submissions/alice.md").read_text()
    rub = (ROOT / "examples/grading/rubric.toml").read_text()
    grade = ("verify", "{d}/subs", "--spec", "{d}/s.toml", "--rubric", "{d}/r.toml", "--summary", "{d}/g.csv", "--out", "{d}/rep")

    def partial(d: str) -> list[str]:
        import csv
        try:
            rows = list(csv.DictReader(Path(d, "g.csv").open()))
        except OSError:
            return ["no summary"]
        graded = [r for r in rows if r["status"] == "graded"]
        reports = {f.name[: -len(".json")] for f in Path(d, "rep").glob("*.json")} if Path(d, "rep").exists() else set()
        bad = [r["submission"] for r in rows if r["status"] not in ("graded", "skipped")]
        bad += [r["submission"] for r in rows if r["status"] == "skipped" and r["score"] != ""]
        bad += [r["submission"] for r in graded if r["submission"] not in reports]
        return ([f"{len(rows)} rows, expected 1500"] if len(rows) != 1500 else []) + ([f"rows not complete: {bad[:3]}"] if bad else [])

    out.append(Probe("r6: grading: 1500 submissions (the whole-run budget: partial, complete output)", grade,
                     {"s.toml": ref, "r.toml": rub, **{f"subs/s{k}.md": alice for k in range(1500)}}, (0, 2), after=partial))
    out.append(Probe("r6: autograder: a slow submission under the whole-run budget", ("autograder", "gradescope", "--spec", "{d}/s.toml",
                     "--rubric", "{d}/r.toml", "--submission", "{d}/sub", "--results", "{d}/results.json"),
                     {"s.toml": formula_spec("tanh(x)"), "r.toml": '[[questions]]\nid = "q"\npoints = 1\nexpects = ["delta2"]\n',
                      "sub/a.md": ("$$\\delta^{(1)} = " + "\\tanh(\\tanh(z^{(1)}))\\odot " * 60
                                   + "(W^{(2)})^\\top \\delta^{(2)}$$\n\n") * 200},
                     (0,), after=_json_ok("results.json")))
    return out


# the blocked optimizer at the block's edges: the same step as one block, float32 and float64, and a file saved by a
# network of another block layout (the probe's folder holds both modules: probe = this size, other = the next one)
BLOCKED = r"""
import os
print(f"ok {m._OFFSETS[-1]} entries, {len(getattr(m, '_BLOCKS', ()))} blocks")
for dtype in (np.float64, np.float32):
    runs = []
    for size in (getattr(m, "_BLOCK_SIZE", None), 10**9):
        if size is None:
            continue
        if hasattr(m, "_blocks"):
            m._BLOCKS = m._blocks(size)
        p = m.init_params(0, dtype=dtype)
        st = m.init_state(p)
        rng = np.random.default_rng(0)
        for _ in range(3):
            m.step(p, {k: rng.normal(size=v.shape).astype(dtype) for k, v in p.items()}, st)
        runs.append(p)
    same = all(np.array_equal(runs[0][k], runs[-1][k]) and runs[0][k].dtype == dtype for k in runs[0])
    print("ok blocked step", np.dtype(dtype).name if same else "blocked step differs", np.dtype(dtype).name)
import other
other.save_params("other.npz", other.init_params(0))
try:
    m.load_params("other.npz")
    print("loaded parameters of another network")
except ValueError as e:
    print("ok refused another network's file") if "other.npz" in str(e) else print("unclear refusal", e)
m.save_params("mine.npz", m.init_params(0, dtype=np.float32))
q = m.load_params("mine.npz")
print("ok float32 round trip" if all(q[k].dtype == np.float32 for k in q) else "float32 file loaded as " + str({q[k].dtype for k in q}))
"""


def _two_modules(body: str):
    """after(folder): generate the spec o.toml as module "other" too, then run ``body`` on module "probe"."""
    run_body = _module_script("probe", body)

    def after(d: str) -> list[str]:
        r = subprocess.run([GRADPROOF, "codegen", f"{d}/o.toml", "--out", d], capture_output=True, text=True, timeout=120)
        return [f"codegen other: {r.stderr.strip()[:100]}"] if r.returncode else run_body(d)
    return after


def _complete_csv(n: int):
    """after(folder): g.csv, when written, has one complete row per submission (graded or skipped, never half)."""
    def after(d: str) -> list[str]:
        import csv
        path = Path(d, "g.csv")
        if not path.exists():
            return []
        rows = list(csv.DictReader(path.open()))
        known = ("graded", "skipped", "failed", "unreadable", "error", "timeout", "refused", "crashed")
        bad = [r.get("submission") for r in rows if r.get("status") not in known]
        return ([f"{len(rows)} rows, expected {n}"] if len(rows) != n else []) + ([f"odd rows {bad[:3]}"] if bad else [])
    return after


def _all_rows(n: int, word: str):
    """after(folder): g.csv has ``n`` complete rows, each of whose reason or status names ``word``."""
    complete = _complete_csv(n)

    def after(d: str) -> list[str]:
        import csv
        path = Path(d, "g.csv")
        if not path.exists():
            return ["no g.csv"]
        rows = list(csv.DictReader(path.open()))
        odd = [r.get("submission") for r in rows if not any(word in (v or "") for v in r.values())]
        return complete(d) + ([f"rows not saying {word!r}: {odd[:3]}"] if odd else [])
    return after


def round_seven() -> list[Probe]:
    """Round seven (issue 12, eighth pass): what the seventh round built — the whole-run budget's edges, derivatives too
    small for central differences, authors' layered letters, KaTeX's macros, the layout rule, batch norm with one
    example, the blocked optimizer at the block's edges."""
    out: list[Probe] = []
    row = spec(layer(3, '"sigmoid"') + layer(2, '"softmax"'), loss="cross_entropy")
    doc = ("verify", "{d}/h.md", "--spec", "{d}/s.toml", "--json")
    paren = ("$$\\frac{\\partial}{\\partial z^{(1)}}\\left(W^{(2)} h^{(1)} + b^{(2)}\\right) = W^{(2)} "
             "\\operatorname{diag}(\\sigma'(z^{(1)})) \\tag{paren}$$\n\n")

    def md(pid: str, text, codes=(0, 1), verdicts=None, spec_text=row, **kw) -> None:
        out.append(Probe("r7: " + pid, doc, {"s.toml": spec_text, "h.md": text}, codes, verdicts or {}, **kw))

    # -- derivatives below what central differences resolve ----------------------------------------------------------
    deep = spec("".join(layer(3, '"sigmoid"') for _ in range(498)) + layer(2, '"softmax"'), loss="cross_entropy")
    zero = ("$$\\frac{\\partial}{\\partial z^{(1)}}\\left(z^{(499)}\\right) = 0 \\tag{zero}$$\n\n"
            "$$\\frac{\\partial z^{(499)}}{\\partial z^{(1)}} = 0 \\tag{jac}$$\n\n")
    md("499 sigmoid layers: ∂z⁽⁴⁹⁹⁾/∂z⁽¹⁾ = 0 (about 1e-200: not judged)", zero, (0, 1, 2),
       {"zero": {"unchecked"}, "jac": {"unchecked"}}, deep)
    md("499 layers: the derivative of an expression naming δ (a backward quantity)",
       "$$\\frac{\\partial}{\\partial z^{(499)}}\\left(\\delta^{(499)}\\right) = 0 \\tag{d}$$\n\n", (0, 1, 2),
       {"d": {"incorrect", "unchecked"}}, deep)
    md("499 layers: right and planted derivative claims",
       "$$\\frac{\\partial}{\\partial z^{(498)}}\\left(W^{(499)} h^{(498)} + b^{(499)}\\right) = W^{(499)} \\operatorname{diag}"
       "(\\sigma'(z^{(498)})) \\tag{deep}$$\n\n"
       "$$\\frac{\\partial}{\\partial z^{(498)}}\\left(W^{(499)} h^{(498)}\\right) = 0 \\tag{planted}$$\n\n",
       (0, 1, 2), {"deep": {"correct", "unchecked"}, "planted": {"incorrect", "unchecked"}}, deep)
    md("3 sigmoid layers: ∂z⁽⁴⁾/∂z⁽¹⁾ = 0 is judged wrong",
       zero.replace("499", "4"), (1,), {"zero": {"incorrect"}, "jac": {"incorrect"}},
       spec("".join(layer(3, '"sigmoid"') for _ in range(3)) + layer(2, '"softmax"'), loss="cross_entropy"))
    md("∂(h - h)/∂z = 0 and 300 derivatives of 0 by z", "$$\\frac{\\partial}{\\partial z^{(1)}}\\left(h^{(1)} - h^{(1)}\\right) = 0$$\n\n"
       + "$$\\frac{\\partial}{\\partial z^{(1)}}\\left(0\\right) = 0$$\n\n" * 300 + paren, (0, 1, 2), {"paren": {"correct"}})
    # -- the whole-run budget at its edges ---------------------------------------------------------------------------
    ref = _example("reference_mlp.toml")
    rub = (ROOT / "examples/grading/rubric.toml").read_text()
    alice = (ROOT / "examples/grading/submissions/alice.md").read_text()
    subs = {f"subs/s{k}.md": alice for k in range(5)}
    grade = ("verify", "{d}/subs", "--spec", "{d}/s.toml", "--rubric", "{d}/r.toml", "--summary", "{d}/g.csv", "--out", "{d}/rep")
    for value, codes in (("1e-300", (2,)), ("5e-324", (2,)), ("1e308", (0,)), ("1e999", (0,)), ("-inf", (2,)), ("-0", (2,)),
                         ("abc", (2,)), ("", (2,)), ("0x10", (2,)), ("1_0", (0, 2))):
        out.append(Probe(f"r7: grading --total-time={value!r}", (*grade, f"--total-time={value}"),
                         {"s.toml": ref, "r.toml": rub, **subs}, codes, after=_complete_csv(5)))
    slow = ("$$\\delta^{(1)} = " + "\\tanh(\\tanh(z^{(1)}))\\odot " * 60 + "(W^{(2)})^\\top \\delta^{(2)}$$\n\n") * 200
    # (round nine: a rubric for the 2-layer spec; the eighth round's expected delta3, so the run stopped at the rubric)
    rub2 = 'title = "t"\n[[questions]]\nid = "Q1"\npoints = 2\nexpects = ["delta1", "delta2"]\n'
    out.append(Probe("r7: grading: every submission hits its own --time-limit 1", (*grade, "--time-limit", "1"),
                     {"s.toml": formula_spec("tanh(x)"), "r.toml": rub2, **{f"subs/s{k}.md": slow for k in range(8)}}, (0, 1),
                     after=_all_rows(8, "time")))
    out.append(Probe("r7: grading: --total-time 3 with slow submissions (deadline while grading)", (*grade, "--total-time", "3"),
                     {"s.toml": formula_spec("tanh(x)"), "r.toml": rub2, **{f"subs/s{k}.md": slow for k in range(8)}}, (0, 1, 2),
                     after=_complete_csv(8)))
    auto = ("autograder", "gradescope", "--spec", "{d}/s.toml", "--rubric", "{d}/r.toml", "--submission", "{d}/sub",
            "--results", "{d}/results.json")
    for value in ("1e-9", "1e308", "inf"):
        out.append(Probe(f"r7: autograder --total-time {value}", (*auto, "--total-time", value),
                         {"s.toml": ref, "r.toml": rub, "sub/a.md": alice}, (0,), after=_json_ok("results.json")))
    out.append(Probe("r7: verify --format gradescope --rubric --total-time 1e-9", ("verify", "{d}/a.md", "--spec", "{d}/s.toml",
                     "--rubric", "{d}/r.toml", "--format", "gradescope", "--total-time", "1e-9"),
                     {"s.toml": ref, "r.toml": rub, "a.md": alice}, (0, 1, 2)))
    # -- an author's layered letters ---------------------------------------------------------------------------------
    s2 = spec(layer(3, '"tanh"') + layer(2, '"identity"'))
    d2 = "$$\\delta^{(2)} = \\hat y - y \\tag{d2}$$\n\n"
    md("1900 definitions of a letter s", "".join(f"$$s_{k % 2 + 1} = W_{k % 2 + 1} a_{k % 2} + b_{k % 2 + 1}$$\n\n" for k in range(1900))
       + d2, (0, 1, 2), {"d2": {"correct"}}, s2)
    md("circular and self-referential letters", "$$s_1 = s_2$$\n\n$$s_2 = s_1$$\n\n$$r_1 = r_1 + 1$$\n\n$$q_1 = W_1 q_1 + b_1$$\n\n"
       "$$a_1 = g(s_1)$$\n\n$$\\frac{\\partial a_1}{\\partial s_1} = g'(s_1)$$\n\n" + d2, (0, 1, 2), {"d2": {"correct"}}, s2)
    md("letters at huge layer numbers", "$$s_{999999999999} = W_{999999999999} a_{999999999998} + b_{999999999999}$$\n\n"
       "$$s^{(10^{99})} = W^{(10^{99})} x$$\n\n$$s_9 = W_9 a_8 + b_9$$\n\n" + d2, (0, 1, 2), {"d2": {"correct"}}, s2)
    md("200 distinct letters each defined", "".join(f"$$\\{n}_1 = W_1 x + b_1$$\n\n" for n in
                                                   ("alpha", "beta", "gamma", "kappa", "nu", "xi", "rho", "tau", "chi", "psi") * 20)
       + d2, (0, 1, 2), {"d2": {"correct"}}, s2)
    # -- KaTeX's macros -----------------------------------------------------------------------------------------------
    md("\\boxed nested 5000 deep", "$$\\delta^{(2)} = " + "\\boxed{" * 5000 + "\\hat y - y" + "}" * 5000 + " \\tag{d2}$$\n\n",
       (0, 1, 2), {"d2": {"correct", "unchecked"}}, s2)
    md("macros with their arguments missing", "".join(f"$$J = \\{m}$$\n\n" for m in
       ("frac", "frac{", "sqrt[", "color", "textcolor{red}", "hspace", "overset{a}", "stackrel", "boxed", "mathbf", "href{x}",
        "begin{pmatrix}", "end{cases}", "left(", "right)", "operatorname", "genfrac{", "sum_", "partial^", "underbrace{x}_"))
       + d2, (0, 1, 2), {"d2": {"correct"}}, s2)
    md("\\implies chain 5000 long", "$$ J " + "\\implies \\delta^{(2)} = \\hat y - y " * 5000 + "$$\n\n" + d2, (0, 1, 2),
       {"d2": {"correct"}}, s2)
    md("\\Rightarrow and \\therefore alternating, 3000 statements", "$$" + " \\Rightarrow ".join(["\\delta^{(2)} = \\hat y - y"] * 1500)
       + " \\therefore " + " \\iff ".join(["J = J"] * 1500) + "$$\n\n" + d2, (0, 1, 2), {"d2": {"correct"}}, s2)
    md("every KaTeX macro once in a claim", "$$\\delta^{(2)} = \\hat y - y " + " ".join(
        f"\\{n}" for n in _katex_names()) + "$$\n\n" + d2, (0, 1, 2), {"d2": {"correct"}}, s2)
    # -- batch norm read for one example, the layout rule ------------------------------------------------------------
    bn = _example("bn_mlp.toml")
    out.append(Probe("r7: batch norm: an answers file with one example's cost", ("verify", "{d}/a.toml", "--json"),
                     {"s.toml": bn, "a.toml": answers([("c", r"J = \frac{1}{2} (\hat y - y)^2"), ("d", r"\delta^{(3)} = \hat y - y")],
                                                      extra="batch = 1\n")}, (0, 1, 2)))
    out.append(Probe("r7: batch norm: [values] x with one row", ("verify", "{d}/a.toml", "--json"),
                     {"s.toml": bn, "a.toml": answers([("d", r"\delta^{(3)} = \hat y - y")], extra="[values]\nx = [[1.0, 2.0]]\n")},
                     (0, 1, 2)))
    md("layout: 500 claims voting rows, 500 columns", ("$$\\delta^{(2)} = (\\hat y - y)^T$$\n\n$$\\delta^{(2)} = \\hat y - y$$\n\n") * 500
       + d2, (0, 1, 2), {}, s2)
    # -- the blocked optimizer at its edges ---------------------------------------------------------------------------
    for n_in, units, total in ((6550, 5, 32767), (255, 127, 32768), (4678, 7, 32769)):
        s = spec(layer(units, '"tanh"') + layer(2, '"identity"'), inputs=n_in).replace("sgd", "adam")
        other = spec(layer(units + 1, '"tanh"') + layer(2, '"identity"'), inputs=n_in).replace('"probe"', '"other"').replace("sgd", "adam")
        out.append(Probe(f"r7: blocked optimizer at {total} parameters: step, float32, another network's file",
                         ("codegen", "{d}/s.toml", "--out", "{d}"), {"s.toml": s, "o.toml": other}, after=_two_modules(BLOCKED)))
    return out


def _setup_huge(rel: str, size: int):
    """before(folder): a sparse file of ``size`` bytes (nothing written: a 'zip bomb' of a submission on disk)."""
    def before(d: str) -> None:
        p = Path(d, rel)
        p.parent.mkdir(parents=True, exist_ok=True)
        with open(p, "wb") as f:
            f.truncate(size)
    return before


def _setup_odd_names(d: str) -> None:
    """before(folder): submissions whose names hold newlines, escape sequences and a forged ✓ line."""
    alice = (ROOT / "examples/grading/submissions/alice.md").read_text()
    for name in ("bob\n✓ all correct 100 of 100.md", "\x1b[2J\x1b[32mcarol.md", "dave\r\x1b]0;pwned\x07.md", "eve\x9b31m.md"):
        Path(d, "subs", name).write_text(alice)


def round_eight() -> list[Probe]:
    """Round eight (issue 12, ninth pass): the eighth round's new readings — an answer's own momentum velocity and
    losses (foreign.py), δ numbered from the input (deltanumber.py), a document's own worked example (ownvalues.py),
    layers written as modules (modules.py), z as a layer's output (zoutput.py), objectives labelled by their loss
    (lossname.py), rounded arithmetic, the objective-scale vote, rows of definitions, the layout vote past 500/500 —
    and whole-course grading of files that are not what their names say."""
    out: list[Probe] = []
    doc = ("verify", "{d}/h.md", "--spec", "{d}/s.toml", "--json")
    s2 = spec(layer(3, '"tanh"') + layer(2, '"identity"'))
    d2 = "$$\\delta^{(2)} = \\hat y - y \\tag{d2}$$\n\n"

    def md(pid: str, text, codes=(0, 1, 2), verdicts=None, spec_text=s2, **kw) -> None:
        out.append(Probe("r8: " + pid, doc, {"s.toml": spec_text, "h.md": text}, codes, verdicts or {}, **kw))

    # -- foreign.py: an answer's own velocity and losses -------------------------------------------------------------
    mom = _example("regression_swish.toml")
    md("velocity: 1990 definitions v_t = γ v_{t-1} + η ∇C, both signs",
       "".join(f"$$v_t = \\gamma v_{{t-1}} {'+' if k % 2 else '-'} \\eta \\nabla C$$\n\n" for k in range(1990))
       + "$$\\theta_{t+1} = \\theta_t - v_t$$\n\n", spec_text=mom)
    md("velocity: one definition with a 200 kB right side", "$$v_t = \\gamma v_{t-1} + \\eta " + "g + " * 50000 + "g$$\n\n"
       + "$$\\theta_{t+1} = \\theta_t - v_t$$\n\n", spec_text=mom)
    md("other losses: 2000 claims naming MSE, CE, BCE, NLL, XENT, SSE", "".join(
        f"$$\\text{{{n}}}(\\hat y, y) = \\frac{{1}}{{2}} (\\hat y - y)^2$$\n\n" for n in ("MSE", "CE", "BCE", "NLL", "XENT", "SSE") * 333)
       + d2, verdicts={"d2": {"correct"}})
    # -- deltanumber.py ---------------------------------------------------------------------------------------------
    md("δ numbered from the input: δ_3 = ŷ − y with z_1 … W_2, and δ_9, δ_{10^{12}}",
       "$$z_1 = x W_1 + b_1$$\n\n$$z_2 = a_1 W_2 + b_2$$\n\n$$\\delta_3 = \\hat y - y \\tag{d3}$$\n\n"
       "$$\\delta_9 = \\hat y - y$$\n\n$$\\delta_{999999999999} = \\hat y - y$$\n\n$$\\delta^{(0)} = \\hat y - y$$\n\n")
    md("δ numbered from the input: 1000 output deltas at every index", "".join(
        f"$$\\delta_{k % 10} = \\hat y - y$$\n\n$$z_{k % 10} = a_{k % 10 - 1} W_{k % 10} + b_{k % 10}$$\n\n" for k in range(999)))
    # -- ownvalues.py: a document's own worked example ----------------------------------------------------------------
    ex = ("$$x = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}$$\n\n$$y = \\begin{bmatrix} 0.5 \\\\ -0.5 \\end{bmatrix}$$\n\n"
          "$$W_1 = \\begin{bmatrix} 0.1 & 0.2 \\\\ 0.3 & 0.4 \\\\ 0.5 & 0.6 \\end{bmatrix}$$\n\n"
          "$$b_1 = \\begin{bmatrix} 0 \\\\ 0 \\\\ 0 \\end{bmatrix}$$\n\n"
          "$$W_2 = \\begin{bmatrix} 0.1 & 0.2 & 0.3 \\\\ 0.4 & 0.5 & 0.6 \\end{bmatrix}$$\n\n"
          "$$b_2 = \\begin{bmatrix} 0 \\\\ 0 \\end{bmatrix}$$\n\n")
    for label, old, new in (("weights 1e308", "0.1 & 0.2 \\\\ 0.3", "1e308 & -1e308 \\\\ 1e308"),
                            ("a weight 1e99999999", "0.1 & 0.2 \\\\ 0.3", "1e99999999 & 0.2 \\\\ 0.3"),
                            ("a weight 10^{10^{10}}", "0.1 & 0.2 \\\\ 0.3", "10^{10^{10}} & 0.2 \\\\ 0.3"),
                            ("a weight written with 5000 digits", "0.1 & 0.2 \\\\ 0.3", "0." + "1" * 5000 + " & 0.2 \\\\ 0.3"),
                            ("ragged rows", "0.1 & 0.2 \\\\ 0.3", "0.1 & 0.2 & 7 \\\\ 0.3"),
                            ("\\infty and \\text{NaN} entries", "0.1 & 0.2 \\\\ 0.3", "\\infty & \\text{NaN} \\\\ 0.3"),
                            ("the input 5e-324", "1 \\\\ 2", "5e-324 \\\\ -5e-324")):
        md(f"own worked example: {label}", ex.replace(old, new, 1) + "$$\\delta^{(2)} = \\hat y - y$$\n\n"
           "$$z^{(1)} = \\begin{bmatrix} 0.5 \\\\ 1.1 \\\\ 1.7 \\end{bmatrix}$$\n\n$$J \\approx 0.123$$\n\n")
    big = spec(layer(300, '"tanh"') + layer(300, '"identity"'), inputs=300)
    def mat(r, c):
        return "\\begin{bmatrix}" + " \\\\ ".join(" & ".join("1" for _ in range(c)) for _ in range(r)) + "\\end{bmatrix}"

    md("own worked example: 300×300 matrices (0.5 MB)", f"$$x = {mat(300, 1)}$$\n\n$$y = {mat(300, 1)}$$\n\n$$W_1 = {mat(300, 300)}$$\n\n"
       f"$$b_1 = {mat(300, 1)}$$\n\n$$W_2 = {mat(300, 300)}$$\n\n$$b_2 = {mat(300, 1)}$$\n\n$$\\delta^{{(2)}} = \\hat y - y$$\n\n",
       spec_text=big)
    md("own worked example: 400 restatements of x before the weights, then the example",
       "$$x = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}$$\n\n" * 400 + ex + d2, verdicts={"d2": {"correct"}})
    # -- modules.py, zoutput.py ---------------------------------------------------------------------------------------
    md("modules: X^{(m)}, Y^{(m)} at m = 10^{12}, 0, -1 and 1800 module claims",
       "$$Y^{(999999999999)} = W^{(999999999999)} X^{(999999999999)} + B^{(999999999999)}$$\n\n$$Y^{(0)} = X^{(0)}$$\n\n"
       "$$X^{(-1)} = Y^{(-2)}$$\n\n" + "$$Y = W X + B$$\n\n$$Y = f(X)$$\n\n"
       "$$\\frac{\\partial E}{\\partial X} = W^T \\frac{\\partial E}{\\partial Y}$$\n\n" * 600 + d2, verdicts={"d2": {"correct"}})
    md("z as a layer's output: Z_1 = tanh(X W_1) and Z_{i+1} = σ_i(Z_i W_i), 900 times, Z at layer 10^{9}",
       "$$Z_1 = X$$\n\n$$Z_{i+1} = \\sigma_i(Z_i W_i)$$\n\n$$Z_{1000000000} = \\tanh(Z_{999999999} W_1)$$\n\n"
       + "$$Z_1 = \\tanh(x W_1 + b_1)$$\n\n$$Z_2 = Z_1 W_2 + b_2$$\n\n" * 900 + d2)
    # -- lossname.py, rounded arithmetic, \stackrel{def}{=} ------------------------------------------------------------
    md("objective labels: C_{\\text{MSE}} with 1000 labels and σ_{…} named 900 ways",
       "".join(f"$$\\mathcal{{C}}_\\mathrm{{{n}}} = \\frac{{1}}{{2}} (\\hat y - y)^2$$\n\n" for n in ("MSE", "CE", "XYZW", "SSE") * 250)
       + "".join(f"$$h^{{(1)}} = \\sigma_{{{n}}}(z^{{(1)}})$$\n\n" for n in ("tanh", "sig", "relu", "Heaviside", "abcdefghij") * 180)
       + d2, verdicts={"d2": {"correct"}})
    md("rounded arithmetic: \\approx to 100 000 digits, 0.1 + 0.2 = 0.3, e^{1000} \\approx 1",
       "$$e^{0.0529} \\approx 1." + "0" * 100000 + "$$\n\n$$0.1 + 0.2 = 0.3$$\n\n$$e^{1000} \\approx 1$$\n\n"
       "$$10^{308} \\cdot 10^{308} = 1$$\n\n$$1 / 0 = 0$$\n\n$$0 / 0 = 1$$\n\n$$(-8)^{1/3} = -2$$\n\n$$e^{e^{e^{e^{10}}}} = 1$$\n\n" + d2,
       verdicts={"d2": {"correct"}})
    # (d2 first: after 1990 chains of three statements it lies past the 2000-statement cap, where a claim is unchecked
    # by the documented limit — the probe is about the chains not spoiling a right claim, not about the cap)
    md("rounded arithmetic: 1990 chained computations", d2 + "".join(
        f"$$1.0543 / 3.2372 = 0.3257 = {k}.{k} \\cdot 2 \\approx 0.{k}$$\n\n" for k in range(1990)), verdicts={"d2": {"correct"}})
    md("\\stackrel{def}{=} nested 3000 deep and 1990 times", "$$g " + "\\stackrel{def}{" * 3000 + "=" + "}" * 3000
       + " \\tanh'(z^{(1)})$$\n\n" + "$$g_{k} \\stackrel{def}{=} \\tanh'(z^{(1)})$$\n\n" * 1990 + d2, verdicts={"d2": {"correct"}})
    # -- the objective-scale vote, rows, the layout vote -------------------------------------------------------------
    md("objective scale: 1990 definitions voting ½ and 1 and 2", "".join(
        "$$J = " + ("\\frac{1}{2}", "", "2")[k % 3] + " (\\hat y - y)^2$$\n\n" for k in range(1990)) + d2)
    md("objective scale: 1990 definitions with a δ on the right", "$$J = \\delta^{(2)} + \\frac{1}{2}(\\hat y - y)^2$$\n\n" * 1990 + d2)
    md("rows: a display of 10 000 \\qquad-separated definitions", "$$" + ", \\qquad ".join(
        f"s_{{{k}}} = W_1 x + b_1" for k in range(10000)) + "$$\n\n" + d2, verdicts={"d2": {"correct"}})
    md("rows: a display of 10 000 \\text{and} rows and 5000 \\\\ rows", "$$" + " \\text{ and } ".join(
        "h^{(1)} = \\tanh(z^{(1)})" for _ in range(10000)) + "$$\n\n$$"
       + " \\\\ ".join("z^{(2)} = W^{(2)} h^{(1)} + b^{(2)}" for _ in range(5000)) + "$$\n\n" + d2, verdicts={"d2": {"correct"}})
    md("layout: 990 claims voting rows, 990 columns (after 500/500)",
       ("$$\\delta^{(2)} = (\\hat y - y)^T$$\n\n$$\\delta^{(2)} = \\hat y - y$$\n\n") * 990 + d2)
    # -- whole-course grading: files that are not what their names say -----------------------------------------------
    ref = _example("reference_mlp.toml")
    rub = (ROOT / "examples/grading/rubric.toml").read_text()
    alice = (ROOT / "examples/grading/submissions/alice.md").read_text()
    grade = ("verify", "{d}/subs", "--spec", "{d}/s.toml", "--rubric", "{d}/r.toml", "--summary", "{d}/g.csv", "--out", "{d}/rep")
    base = {"s.toml": ref, "r.toml": rub, "subs/alice.md": alice}
    auto = ("autograder", "gradescope", "--spec", "{d}/s.toml", "--rubric", "{d}/r.toml", "--submission", "{d}/sub",
            "--results", "{d}/results.json")
    for label, size in (("a sparse 8 GB a.md", 8 * 1024**3), ("a sparse 19 MB .ipynb", 19 * 1024**2)):
        rel = "subs/big.md" if label.endswith(".md") else "subs/big.ipynb"
        out.append(Probe(f"r8: grading: {label}", grade, base, (0, 1, 2), after=_complete_csv(2), before=_setup_huge(rel, size)))
        out.append(Probe(f"r8: autograder: {label}", auto, {**base, "sub/a.md": alice}, (0,), after=_json_ok("results.json"),
                         before=_setup_huge("sub/" + rel.split("/")[1], size)))
    nb = json.dumps({"cells": [{"cell_type": "markdown", "source": ["$$\\delta^{(3)} = \\hat y - y$$\n"] * 900_000}],
                     "nbformat": 4, "nbformat_minor": 5, "metadata": {}})
    out.append(Probe("r8: grading: a 19 MB notebook of 900 000 Markdown lines", grade, {**base, "subs/n.ipynb": nb}, (0, 1, 2),
                     after=_complete_csv(2)))
    out.append(Probe("r8: grading: symbolic link loops (a.md -> b.md -> a.md, a folder linking itself)", grade, base, (0, 1, 2),
                     links={"subs/a.md": "b.md", "subs/b.md": "a.md", "subs/self.md": "self.md", "subs/f/loop": "..",
                            "subs/f/x.md": "x.md", "subs/g/in": "{d}/subs/g"}, after=_complete_csv(3),
                     says="self.md: left out"))  # (round nine: each link left out is named in a note)
    out.append(Probe("r8: grading: a FIFO named like an answer, a folder named a.md", grade, base, (0, 1, 2),
                     fifos=("subs/pipe.md", "subs/p/q.md"), after=_complete_csv(3),
                     before=lambda d: Path(d, "subs", "dir.md", "inner.md").parent.mkdir(parents=True)))
    out.append(Probe("r8: autograder: the submission is a FIFO named a.md and a folder named b.md", auto, base, (0,),
                     fifos=("sub/a.md",), after=_json_ok("results.json"), before=lambda d: Path(d, "sub", "b.md").mkdir(parents=True)))
    utf16 = "\ufeff" + alice
    out.append(Probe("r8: grading: UTF-16 (both byte orders), UTF-8 with BOM, Latin-1, UTF-32, NUL bytes", grade,
                     {**base, "subs/u16le.md": utf16.encode("utf-16-le"), "subs/u16be.md": utf16.encode("utf-16-be"),
                      "subs/u16.md": alice.encode("utf-16"), "subs/bom.md": utf16.encode("utf-8"),
                      "subs/latin.md": (alice + "é ü").encode("latin-1", "replace"), "subs/u32.md": alice.encode("utf-32"),
                      "subs/nul.md": alice.replace("\n", "\x00\n").encode()}, (0, 1, 2), after=_complete_csv(8)))
    out.append(Probe("r8: grading: file names with newlines, terminal escapes, a forged ✓ line", grade, base, (0, 1, 2),
                     never=("\x1b[2J", "\x1b]0;", "\x9b31m", "\n✓ all correct 100"), after=_complete_csv(5), before=_setup_odd_names))
    out.append(Probe("r8: grading --format gradescope of odd names (results.json strict)", (*grade[:-2], "--format", "gradescope",
                     "--out", "{d}/results.json"), base, (0, 1, 2), never=("\x1b[2J",), after=_json_ok("results.json"),
                     before=_setup_odd_names))
    return out


def _read_only(rel: str):
    """before(folder): ``rel`` (a folder) exists and cannot be written to."""
    def before(d: str) -> None:
        Path(d, rel).mkdir(parents=True, exist_ok=True)
        Path(d, rel).chmod(0o555)
    return before


def _json_without(rel: str, raw: tuple):
    """after(folder): ``rel`` is strict JSON and none of ``raw`` appears in it unescaped."""
    strict = _json_ok(rel)

    def after(d: str) -> list[str]:
        problems = strict(d)
        text = Path(d, rel).read_text() if Path(d, rel).exists() else ""
        return problems + [f"{rel} holds {r!r}" for r in raw if r in text]
    return after


def _unchanged(rel: str, text: str):
    """after(folder): the file ``rel`` still holds ``text`` (a refused run wrote nothing over it)."""
    def after(d: str) -> list[str]:
        return [] if Path(d, rel).read_text() == text else [f"{rel} was overwritten"]
    return after


def _lines_ok(rel: str, n: int):
    """after(folder): ``rel`` is strict JSON with at least ``n`` claims, or absent (the run refused)."""
    def after(d: str) -> list[str]:
        path = Path(d, rel)
        if not path.exists():
            return []
        try:
            data = json.loads(path.read_text(), parse_constant=lambda c: 1 / 0)
        except (OSError, ValueError, ZeroDivisionError) as exc:
            return [f"{rel} is not strict JSON: {type(exc).__name__}"]
        return [] if len(data.get("claims", data.get("tests", []))) >= n else [f"{rel}: fewer than {n} entries"]
    return after


def round_nine() -> list[Probe]:
    """Round nine (issue 12, tenth pass): document formats at their edges (notebooks nested deep or with huge outputs,
    TeX input loops, thousands of tags, mixed line endings), numbers LaTeX can write but float64 cannot, outputs that
    cannot be written, specs at every documented limit at once, concurrent writers, escaping hazards on Gradescope,
    rubrics of thousands of questions — as an attacker and as an unlucky user."""
    out: list[Probe] = []
    s2 = spec(layer(3, '"tanh"') + layer(2, '"identity"'))
    d2 = "$$\\delta^{(2)} = \\hat y - y \\tag{d2}$$\n\n"
    doc = ("verify", "{d}/h.md", "--spec", "{d}/s.toml", "--json")

    def md(pid: str, text, codes=(0, 1, 2), verdicts=None, spec_text=s2, name="h.md", **kw) -> None:
        argv = tuple(a.replace("h.md", name) for a in doc)
        out.append(Probe("r9: " + pid, argv, {"s.toml": spec_text, name: text}, codes, verdicts or {}, **kw))

    right = {"d2": {"correct"}}
    # -- notebooks --------------------------------------------------------------------------------------------------
    cell = {"cell_type": "markdown", "metadata": {}, "source": ["$$\\delta^{(2)} = \\hat y - y \\tag{d2}$$\n"]}
    nested: object = "x"
    for _ in range(20000):
        nested = [nested]
    nb = lambda cells, **meta: json.dumps({"cells": cells, "metadata": meta, "nbformat": 4, "nbformat_minor": 5})  # noqa: E731
    md("notebook: metadata nested 20 000 deep", nb([cell], deep="@@"), (0, 1, 2), name="h.ipynb", before=None)
    out[-1] = dataclasses.replace(out[-1], files={**out[-1].files, "h.ipynb": out[-1].files["h.ipynb"].replace(
        '"@@"', "[" * 20000 + "1" + "]" * 20000)})
    code = {"cell_type": "code", "metadata": {}, "execution_count": 1, "source": ["print(1)"],
            "outputs": [{"output_type": "stream", "name": "stdout", "text": ["$$x = 1$$\n" * 200000]}]}
    md("notebook: 2 MB of $$-filled code output beside the answer", nb([code, cell]), (0, 1), right, name="h.ipynb")
    md("notebook: a cell whose source is 100 000 one-character strings", nb([{**cell, "source": list(cell["source"][0]) * 1
                                                                             + ["x"] * 100000}]), (0, 1, 2), name="h.ipynb")
    md("notebook: 5000 empty cells and the answer last", nb([{**cell, "source": []}] * 5000 + [cell]), (0, 1), right, name="h.ipynb")
    # -- TeX: input loops, definitions, tags ---------------------------------------------------------------------------
    tex = lambda body: "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"  # noqa: E731
    eq = "\\begin{equation}\\delta^{(2)} = \\hat y - y \\tag{d2}\\end{equation}\n"
    md("tex: \\input of itself, \\include of a missing file, \\input{/etc/passwd}",
       tex("\\input{h}\n\\include{h.tex}\n\\input{/etc/passwd}\n\\InputIfFileExists{/etc/shadow}{}{}\n" + eq), (0, 1, 2),
       right, name="h.tex", never=("root:x:0",))
    md("tex: \\def\\a{\\a\\a} used in 500 equations and \\edef of it",
       tex("\\def\\a{\\a\\a}\\edef\\b{\\a}\n" + "\\begin{equation} x = \\a \\b \\end{equation}\n" * 500 + eq),
       (0, 1, 2), right, name="h.tex")
    md("tex: 5000 \\tag and \\label on one display, 2000 \\eqref",
       tex("\\begin{equation}\\delta^{(2)} = \\hat y - y " + "\\tag{t}\\label{l}" * 5000 + "\\end{equation}\n"
           + "see \\eqref{l} " * 2000 + "\n" + eq), (0, 1, 2), right, name="h.tex")
    md("tex: 3000 equations all tagged d2", tex(eq * 3000), (0, 1, 2), name="h.tex")
    md("md: mixed \\r\\n, \\r, \\f and \\v line endings around every token",
       ("$$\\delta^{(2)}\r= \\hat y\f- y\x0b\\tag{d2}$$\r\n\r\n" + "$$z^{(1)} = W^{(1)} x\r+ b^{(1)}$$\r\r") * 200,
       (0, 1, 2))
    md("md: a form feed and a NEL inside every command name", "$$\\del\fta^{(2)} = \\ha\x85t y - y$$\n\n" * 500 + d2,
       (0, 1, 2), right)
    # -- numbers LaTeX can write ----------------------------------------------------------------------------------------
    md("numbers: 10^{10^{10}}, 2^{2^{2^{99}}}, 9^{9^{9^{9}}} and 10^{-10^{10}} beside a right claim",
       "$$\\delta^{(2)} = (\\hat y - y) \\cdot 10^{10^{10}} \\tag{a}$$\n\n$$\\delta^{(2)} = 2^{2^{2^{99}}} (\\hat y - y)$$\n\n"
       "$$\\delta^{(2)} = 9^{9^{9^{9}}} - 9^{9^{9^{9}}} + \\hat y - y \\tag{c}$$\n\n"
       "$$\\delta^{(2)} = \\hat y - y + 10^{-10^{10}}$$\n\n" + d2,
       (0, 1, 2), {**right, "a": {"incorrect", "unchecked"}, "c": {"correct", "unchecked", "incorrect"}})
    md("numbers: a 200 000-digit integer and 1e-99999999 as factors",
       "$$\\delta^{(2)} = " + "1" * 200000 + " (\\hat y - y)$$\n\n$$\\delta^{(2)} = 1e-99999999 + \\hat y - y$$\n\n" + d2,
       (0, 1, 2), right)
    md("numbers: \\frac nested 10 000 deep", "$$\\delta^{(2)} = " + "\\frac{1}{" * 10000 + "1" + "}" * 10000
       + " (\\hat y - y)$$\n\n" + d2, (0, 1, 2), right)
    md("tokens: a 900 kB \\mathrm{…} name and a 900 kB number", "$$\\mathrm{" + "a" * 450000 + "} = 1$$\n\n$$x = 0."
       + "7" * 450000 + "$$\n\n" + d2, (0, 1, 2), right)
    md("tokens: 200 000 primes and 200 000 hats on one letter", "$$h" + "'" * 200000 + " = 1$$\n\n$$" + "\\hat{" * 2000
       + "y" + "}" * 2000 + " = y$$\n\n" + d2, (0, 1, 2), right)
    # -- [values] -----------------------------------------------------------------------------------------------------
    vals = "batch = 1\nspec = \"s.toml\"\n[values]\nx = [" + ", ".join(["0.5"] * 1000000) + "]\n" \
           "[[claims]]\nid = \"d2\"\nlatex = '\\delta^{(2)} = \\hat y - y'\n"
    md("[values]: an x of 10^6 entries (8 MB of TOML)", vals, (0, 1, 2), name="h.toml")
    vals2 = "batch = 1\nspec = \"s.toml\"\n[values]\n" + "".join(f"v{k} = {k}\n" for k in range(100000)) \
            + "[[claims]]\nid = \"d2\"\nlatex = '\\delta^{(2)} = \\hat y - y'\n"
    md("[values]: 100 000 unknown keys", vals2, (0, 1, 2), name="h.toml")
    md("answers: 100 000 claims of one character each", "spec = \"s.toml\"\n" + "".join(
        f"[[claims]]\nid = \"c{k}\"\nlatex = 'x'\n" for k in range(100000)), (0, 1, 2), name="h.toml")
    # -- outputs that cannot be written ----------------------------------------------------------------------------------
    ref = _example("reference_mlp.toml")
    # (the probes run as root here, who may write into a mode-555 folder: /proc/self/fdinfo is one nobody can write to)
    for cmd in ("derive", "codegen"):
        tex = ("--tex-only",) if cmd == "derive" else ()
        out.append(Probe(f"r9: {cmd} --out a file", (cmd, "{d}/s.toml", "--out", "{d}/o", *tex),
                         {"s.toml": ref, "o": "keep me"}, (2,), says="--out", after=_unchanged("o", "keep me")))
        out.append(Probe(f"r9: {cmd} --out a read-only folder", (cmd, "{d}/s.toml", "--out", "{d}/ro", *tex),
                         {"s.toml": ref}, (0, 2), before=_read_only("ro")))
        out.append(Probe(f"r9: {cmd} --out a folder nobody can write (/proc/self/fdinfo)",
                         (cmd, "{d}/s.toml", "--out", "/proc/self/fdinfo", *tex), {"s.toml": ref}, (2,), says="fdinfo"))
    alice = (ROOT / "examples/grading/submissions/alice.md").read_text()
    rub = (ROOT / "examples/grading/rubric.toml").read_text()
    grade = ("verify", "{d}/subs", "--spec", "{d}/s.toml", "--rubric", "{d}/r.toml")
    base = {"s.toml": ref, "r.toml": rub, "subs/a.md": alice}
    out.append(Probe("r9: grading --summary /dev/full (the disk is full)", (*grade, "--summary", "/dev/full"), base, (2,),
                     says="/dev/full"))
    out.append(Probe("r9: grading --out a read-only folder", (*grade, "--out", "{d}/ro"), base, (0, 2), before=_read_only("ro")))
    out.append(Probe("r9: verify --format gradescope --out /dev/full", ("verify", "{d}/subs/a.md", "--spec", "{d}/s.toml",
                     "--format", "gradescope", "--out", "/dev/full"), base, (0, 2)))
    out.append(Probe("r9: 6 concurrent verify --format gradescope into one results.json", ("verify", "{d}/subs/a.md", "--spec",
                     "{d}/s.toml", "--rubric", "{d}/r.toml", "--format", "gradescope", "--out", "{d}/results.json"), base, (0, 2),
                     parallel=6, after=_lines_ok("results.json", 1)))  # (exit 2: the whole run's 24 s ran out on a loaded machine)
    # -- specs at every limit at once -----------------------------------------------------------------------------------
    kinds = ('[[layers]]\nkind = "batchnorm"\neps = 1e-300\nmomentum = 0.999999\n[[layers]]\nkind = "layernorm"\n'
             '[[layers]]\nkind = "dropout"\np = 0.99\n[[layers]]\nkind = "residual"\n[[layers.body]]\nunits = 100000\n'
             'activation = "relu"\n[[layers.body]]\nunits = 100000\nactivation = "tanh"\n')
    for opt in ('name = "adam"\nlearning_rate = 1e6\nbeta1 = 0.999999\nbeta2 = 0.999999\nepsilon = 1e-300\nepsilon_placement = "inside"',
                'name = "rmsprop"\nlearning_rate = 1e-300\nbeta = 1e-300\nepsilon = 1e6', 'name = "adagrad"\nepsilon = 1e-300',
                'name = "momentum"\nmomentum = 0.999999\nvariant = "velocity"'):
        big = (f'name = "limits"\ninputs = 100000\n{layer(100000, chr(34) + "tanh" + chr(34))}{kinds}'
               f'{layer(100000, chr(34) + "softmax" + chr(34))}'
               f'[loss]\nname = "cross_entropy"\n[regularization]\nname = "l1"\nlambda = 1e6\n[optimizer]\n{opt}\n')
        label = opt.split('"')[1]
        out.append(Probe(f"r9: spec at every limit ({label}, 100 000 units, every layer kind): derive --no-pdf",
                         ("derive", "{d}/s.toml", "--no-pdf", "--out", "{d}/o"), {"s.toml": big}, (0, 2)))
        if label == "adam":
            out.append(Probe(f"r9: spec at every limit ({label}): codegen", ("codegen", "{d}/s.toml", "--out", "{d}/o"),
                             {"s.toml": big}, (0, 2)))
            md(f"spec at every limit ({label}): verify of a right δ", "$$\\delta^{(7)} = \\hat y - y \\tag{d}$$\n\n", (0, 1, 2),
               {"d": {"correct", "unchecked"}}, spec_text=big)
    out.append(Probe("r9: dropout p = 0.999999 before a softmax (kept units scaled by 1e6): derive says what to do",
                     ("derive", "{d}/s.toml", "--tex-only", "--out", "{d}/o"), {"s.toml": spec(
                         layer(4, '"tanh"') + '[[layers]]\nkind = "dropout"\np = 0.999999\n' + layer(3, '"softmax"'),
                         loss="cross_entropy")}, (0, 2), says="--no-check"))
    # -- Gradescope escaping ------------------------------------------------------------------------------------------------
    hazards = ["<script>alert(1)</script>", "]]></x>", "\u2028\u2029", "`rm -rf`", "[x](javascript:alert(1))", "| a | b |",
               "&amp;&lt;", "{{7*7}}", "\\u0000", "\x1b[31mred", "<img src=x onerror=alert(1)>", "*bold* _i_ ~~s~~"]
    claims = "".join(f"[[claims]]\nid = {json.dumps(h)}\nlatex = '\\delta^{{(2)}} = \\hat y - y'\n" for h in hazards)
    rub_h = 'title = "<b>T</b> ]]>"\n' + "".join(f"[[questions]]\nid = {json.dumps('Q' + str(k))}\nname = {json.dumps(h)}\npoints = 1\n"
                                               'expects = ["delta2"]\n' for k, h in enumerate(hazards))
    for fmt in ("html", "md", "simple_format", "ansi", "text"):
        out.append(Probe(f"r9: gradescope output_format {fmt}: ids and rubric names with every escaping hazard",
                         ("verify", "{d}/h.toml", "--spec", "{d}/s.toml", "--rubric", "{d}/r.toml", "--format", "gradescope",
                          "--out", "{d}/results.json"),
                         {"s.toml": s2, "h.toml": 'spec = "s.toml"\n' + claims, "r.toml": f'output_format = "{fmt}"\n' + rub_h}, (0, 2),
                         never=("<script>alert", "onerror=alert"),  # (text and ansi are shown as text: no markup to escape)
                         after=_json_without("results.json", ("<script", "<img") if fmt in ("html", "md", "simple_format") else ())))
    # -- rubrics of thousands of questions ------------------------------------------------------------------------------
    many = 'title = "t"\n' + "".join(f'[[questions]]\nid = "Q{k}"\npoints = 1\nexpects = ["delta2"]\n' for k in range(5000))
    out.append(Probe("r9: a rubric of 5000 questions", (*grade, "--summary", "{d}/g.csv"), {**base, "s.toml": s2, "r.toml": many},
                     (0, 2), says="r.toml"))
    wide = 'title = "t"\n[[questions]]\nid = "Q1"\npoints = 1\nexpects = [' + ", ".join(f'"c{k}"' for k in range(100000)) + "]\n"
    out.append(Probe("r9: a question expecting 100 000 claim ids", (*grade, "--summary", "{d}/g.csv"),
                     {**base, "s.toml": s2, "r.toml": wide}, (0, 2)))
    return out


def _colab(cells: list) -> str:
    """A notebook as Google Colab saves it: nbformat_minor 0, cell ids, ``source`` as one string, Colab metadata."""
    return json.dumps({"nbformat": 4, "nbformat_minor": 0, "metadata": {
        "colab": {"provenance": [], "collapsed_sections": [], "name": "HW3.ipynb", "toc_visible": True},
        "kernelspec": {"name": "python3", "display_name": "Python 3"}, "language_info": {"name": "python"},
        "accelerator": "GPU", "gpuClass": "standard"},
        "cells": [{"cell_type": "markdown", "source": c, "metadata": {"id": f"a{k:06x}"}} for k, c in enumerate(cells)]},
        indent=2)


def round_ten() -> list[Probe]:
    """Round ten (issue 12, eleventh pass): what the tenth round added to verify's reading — an answer's own forward
    letters (ownforward), index orders bound from written sums (componentletters), per-example losses (lossfunction),
    forward definitions naming layers the network lacks (forwardcheck), macros with arguments (texmacros), inline
    worked-example values, prose in displays, \\dpdv, comma lists, long aligned chains, prose in other languages,
    mixed display syntaxes, huge notebooks — and an unlucky user's encodings, a Colab notebook and a PDF."""
    out: list[Probe] = []
    s2 = spec(layer(3, '"tanh"') + layer(2, '"identity"'))
    d2 = "$$\\delta^{(2)} = \\hat y - y \\tag{d2}$$\n\n"
    right = {"d2": {"correct"}}
    doc = ("verify", "{d}/h.md", "--spec", "{d}/s.toml", "--json")

    def md(pid: str, text, codes=(0, 1, 2), verdicts=None, spec_text=s2, name="h.md", **kw) -> None:
        argv = tuple(a.replace("h.md", name) for a in doc)
        out.append(Probe("r10: " + pid, argv, {"s.toml": spec_text, name: text}, codes, verdicts or {}, **kw))

    # -- texmacros: definitions with arguments ----------------------------------------------------------------------
    md("macros: \\def\\a{\\a} used in each of 10 000 aligned rows",
       "$$\\def\\a{\\a}$$\n\n$$\\begin{aligned}" + "x &= \\a \\\\\n" * 10000 + "\\end{aligned}$$\n\n" + d2, (0, 1, 2))
    md("macros: \\newcommand doubling its argument, nested 3 × 3 deep, in 1900 equations",
       "$$\\newcommand{\\a}[1]{#1#1}\\newcommand{\\b}[1]{\\a{\\a{\\a{#1}}}}\\newcommand{\\c}[1]{\\b{\\b{\\b{#1}}}}$$\n\n"
       + "$$x = \\c{\\c{\\c{y}}}$$\n\n" * 1900 + d2, (0, 1, 2), right)
    md("macros: #1 nested 500 deep (\\f{\\f{…}}) and a body of 999 #1",
       "$$\\newcommand{\\f}[1]{\\frac{#1}{2}}\\newcommand{\\g}[1]{" + "#1" * 999 + "}$$\n\n$$J = " + "\\f{" * 500 + "x"
       + "}" * 500 + "$$\n\n" + ("$$x = \\g{" + "y" * 1900 + "}$$\n\n") * 200 + d2, (0, 1, 2), right)
    names = ["m" + "".join(chr(97 + (k // 26 ** i) % 26) for i in range(3)) for k in range(10000)]
    md("macros: 10 000 \\newcommand definitions, every one used",
       "$$" + "".join(f"\\newcommand{{\\{n}}}{{x}}" for n in names) + "$$\n\n$$y = " + " + ".join(f"\\{n}" for n in names[:3000])
       + "$$\n\n" + d2, (0, 1, 2), right)
    md("macros: \\renewcommand{\\frac}, \\def\\partial and \\let\\delta redefined",
       "$$\\renewcommand{\\frac}[2]{#2/#1}\\def\\partial{d}\\let\\delta\\Delta$$\n\n"
       "$$\\frac{\\partial J}{\\partial W^{(2)}} = \\delta^{(2)} {h^{(1)}}^\\top \\tag{w2}$$\n\n" + d2, (0, 1, 2),
       {"d2": {"correct", "unchecked"}, "w2": {"incorrect", "unchecked"}})  # (w2 renders as ∂W⁽²⁾/∂J)
    # (the document's own \\hat is the identity: its δ⁽²⁾ = ŷ − y reads, and renders, as y − y)
    md("macros: \\def\\hat#1{#1} makes a right-looking claim say y − y", "$$\\def\\hat#1{#1}$$\n\n" + d2, (0, 1, 2),
       {"d2": {"incorrect", "unchecked"}})
    md("macros: mutual recursion \\gdef\\x{\\y}\\gdef\\y{\\x} in 1999 equations",
       "$$\\gdef\\x{\\y}\\gdef\\y{\\x}$$\n\n" + "$$J = \\x$$\n\n" * 1998 + d2, (0, 1, 2), right)
    md("macros: a definition with unbalanced braces and 50 000 unclosed \\newcommand{",
       "$$\\def\\a{}}}}$$\n\n" + "\\newcommand{" * 50000 + "\n\n" + d2, (0, 1, 2), right)
    # -- physics and \dpdv ---------------------------------------------------------------------------------------------
    md("\\pdv{ unclosed 100 000 times in one display", "$$J = " + "\\pdv{" * 100000 + "$$\n\n" + d2, (0, 1, 2), right)
    md("\\dpdv{a}{ with its second argument unclosed 90 000 times", "$$J = " + "\\dpdv{a}{" * 90000 + "$$\n\n" + d2,
       (0, 1, 2), right)
    md("\\dpdv nested 3000 deep and 20 000 \\pdv{J}{z} uses", "$$J = " + "\\dpdv{" * 3000 + "x" + "}{x}" * 3000
       + "$$\n\n$$" + "\\pdv{J}{z} + " * 20000 + "0 = 0$$\n\n" + d2, (0, 1, 2), right)
    # -- lossfunction: L(ŷ, y) under J = 1/m Σ ----------------------------------------------------------------------------
    md("per-example loss: \\sum with 300 000 nested L(", "$$J = \\sum " + "L(" * 300000 + "$$\n\n" + d2, (0, 1, 2), right)
    md("per-example loss: 2000 definitions L(ŷ, y) beside J = 1/m Σ L(ŷ⁽ⁱ⁾, y⁽ⁱ⁾)",
       "$$J = \\frac{1}{m} \\sum_{i=1}^{m} L(\\hat y^{(i)}, y^{(i)})$$\n\n"
       + "$$L(\\hat y, y) = \\frac{1}{2} (\\hat y - y)^2$$\n\n" * 1990 + d2, (0, 1, 2), right)
    md("per-example loss: \\mathcal{L}( 80 000 times with \\sum", "$$J = \\sum " + "\\mathcal{L}(" * 80000 + "$$\n\n" + d2,
       (0, 1, 2), right)
    # -- ownforward: an answer's own forward letters at any index offset ------------------------------------------------
    md("own forward letters: f_k = β_k + Ω_k h_k at offsets k±1, 10^{12}, and 1800 conflicting copies",
       "$$f_{k} = \\beta_{k} + \\Omega_{k} h_{k}$$\n\n$$f_{k+1} = \\beta_{k} + \\Omega_{k-1} h_{k}$$\n\n"
       "$$f_{999999999999} = \\beta_{999999999999} + \\Omega_{999999999999} h_{999999999998}$$\n\n"
       + "".join(f"$$f_{{{k % 10}}} = \\beta_{{{k % 7}}} + \\Omega_{{{k % 3}}} h_{{{k % 5}}}$$\n\n" for k in range(1800)) + d2,
       (0, 1, 2), right)
    md("own forward letters: Prince's f_0 = β_0 + Ω_0 x, f_1 = β_1 + Ω_1 h_1, a right ∂ℓ/∂f_1",
       "$$f_0 = \\beta_0 + \\Omega_0 x$$\n\n$$h_1 = a[f_0]$$\n\n$$f_1 = \\beta_1 + \\Omega_1 h_1$$\n\n"
       "$$\\frac{\\partial \\ell}{\\partial f_1} = f_1 - y \\tag{p}$$\n\n", (0, 1, 2), {"p": {"correct", "unchecked"}})
    # -- componentletters: index orders from written sums -------------------------------------------------------------
    sym = " + ".join(f"w_{{{a}{b}}}'" for a in range(1, 10) for b in range(1, 10)) + " + " + " + ".join(
        f"w_{{{a}{b}}}^2" for a in range(1, 10) for b in range(1, 10)) + " + " + " + ".join(
        f"O_{{{a}{b}}} + b_{{{a}{b}}}" for a in range(1, 10) for b in range(1, 10))
    sums = "".join(f"$$\\frac{{\\partial \\hat Y}}{{\\partial w_{{{k}1}}^2}} = \\frac{{\\partial}}{{\\partial w_{{{k}1}}^2}}"
                   f"(O_{{1{k}}} w_{{{k}1}}^2 + O_{{12}} w_{{21}}^2 + b_{{21}})$$\n\n" for k in range(1, 10)) * 3
    md("component letters: every two-digit symbol and 27 written sums", f"$$J = {sym}$$\n\n" * 20 + sums + d2, (0, 1, 2), right)
    # -- forwardcheck ---------------------------------------------------------------------------------------------------
    md("forward definitions naming layers the network lacks: Z_0 … Z_{999}, 1990 of them, and a wrong claim",
       "".join(f"$$Z_{{{k % 1000}}} = A_{{{k % 1000}}} W_{{{k % 1000}}}^T + b_{{{k % 1000}}}$$\n\n" for k in range(1990))
       + "$$\\delta^{(2)} = y - \\hat y \\tag{bad}$$\n\n" + d2, (0, 1, 2),
       {"d2": {"correct", "unchecked"}, "bad": {"incorrect", "unchecked"}})
    # -- inline worked-example values -----------------------------------------------------------------------------------
    md("inline values: 10 000 listed w_k = number, then the example", "$$" + ", ".join(f"w_{{{k}}} = {k}.5" for k in range(10000))
       + "$$\n\n" + d2, (0, 1, 2), right)
    md("inline values: 400 displays of 150 listed values each", ("$$" + ", ".join(f"w_{{{k}}} = 0.{k}" for k in range(150))
       + "$$\n\n") * 400 + d2, (0, 1, 2), right)
    md("inline values: Let $x=1e308, y=NaN, w_1=\\infty$ in prose, a worked example of 1e308 and NaN words",
       "Let $x = 1e308, y = \\text{NaN}, w_1 = \\infty, b_1 = -1e308$ be given.\n\n"
       "$$x = \\begin{bmatrix} 1e308 \\\\ \\text{NaN} \\end{bmatrix},\\quad y = \\begin{bmatrix} \\text{inf} \\\\ -0 \\end{bmatrix}$$\n\n"
       + d2, (0, 1, 2), {"d2": {"correct", "unchecked"}})
    md("inline values: a 10^5-number vector x = [1, 1, …]", "$$x = \\begin{bmatrix}" + " \\\\ ".join(["1"] * 100000)
       + "\\end{bmatrix}$$\n\n" + d2, (0, 1, 2), right)
    # -- documents: prose, commas, chains, languages, mixed displays -----------------------------------------------------
    md("comma-listed equations: 10 000 commas in one display", "$$" + ", ".join(f"a_{{{k}}} = b_{{{k}}}" for k in range(10000))
       + "$$\n\n" + d2, (0, 1, 2), right)
    md("aligned chain: J &= … of 10 000 rows", "$$\\begin{aligned} J " + "&= \\frac{1}{2}(\\hat y - y)^2 \\\\\n" * 10000
       + "\\end{aligned}$$\n\n" + d2, (0, 1, 2), right)
    md("aligned: 160 000 rows of a = 1", "$$\\begin{aligned}" + "a=1\\\\" * 160000 + "\\end{aligned}$$\n\n" + d2, (0, 1, 2))
    md("prose inside displays: \\text{where …} 2000 times and \\quad\\text{for all } rows",
       "$$\\delta^{(2)} = \\hat y - y \\quad \\text{where } \\hat y = h^{(2)} \\tag{d2}$$\n\n"
       + "$$z^{(1)} = W^{(1)} x + b^{(1)} \\quad\\text{for all layers, " + "and so on " * 2000 + "}$$\n\n", (0, 1, 2),
       {"d2": {"correct", "unchecked"}})  # (a remark not in parentheses is not split off: unchecked, never wrong)
    md("Chinese and French prose around the answer (10 000 lines, 1500 inline equations)",
       "设 $\\delta^{(2)} = \\hat y - y$ 为输出层误差。\n\n" + "Soit $z^{(1)} = W^{(1)} x + b^{(1)}$, où $W$ est la matrice.\n"
       * 1500 + "Où « la dérivée » de l'erreur… c'est-à-dire\n" * 3500 + "对于所有层，我们有：\n" * 5000 + d2, (0, 1), right)
    md("mixed displays: equation inside $$, \\[ inside $$, $$ inside \\[, unclosed \\begin{equation}",
       "$$\\begin{equation}\\delta^{(2)} = \\hat y - y \\tag{d2}\\end{equation}$$\n\n"
       "$$ \\[ z^{(1)} = W^{(1)} x + b^{(1)} \\] $$\n\n\\[ $$ h^{(1)} = \\tanh(z^{(1)}) $$ \\]\n\n"
       + "\\begin{equation} x = 1 $$ \\[ " * 3000, (0, 1, 2), right)
    # -- notebooks -------------------------------------------------------------------------------------------------------
    cell = {"cell_type": "markdown", "metadata": {}, "source": ["$$a = 1$$\n"]}
    nb = lambda cells: json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})  # noqa: E731
    md(".ipynb with 10 000 cells of one equation each", nb([cell] * 10000), (0, 1, 2), name="h.ipynb")
    md(".ipynb with 10 000 prose cells and the answer last", nb([{**cell, "source": ["Some prose.\n"]}] * 10000
       + [{**cell, "source": [d2]}]), (0, 1), right, name="h.ipynb")
    md("a notebook saved by Colab (source as one string, cell ids, Colab metadata)",
       _colab(["# HW 3\n", "Prose.\n\n" + d2, "$$z^{(1)} = W^{(1)} x + b^{(1)}$$"]), (0, 1), right, name="h.ipynb")
    # -- an unlucky user: encodings and formats -----------------------------------------------------------------------------
    ans = "# Answer\n\n" + d2 + "$$z^{(1)} = W^{(1)} x + b^{(1)}$$\n\n"
    md("the answer in CRLF", ans.replace("\n", "\r\n").encode(), (0, 1), right)
    md("the answer in UTF-16 LE with a BOM", ans.encode("utf-16"), (0, 1), right)
    md("the answer in UTF-8 with a BOM, CRLF", b"\xef\xbb\xbf" + ans.replace("\n", "\r\n").encode(), (0, 1), right)
    md("the answer in UTF-16 BE with a BOM (.tex)", ("\\documentclass{article}\\begin{document}\n"
       "\\begin{equation}\\delta^{(2)} = \\hat y - y \\tag{d2}\\end{equation}\n\\end{document}\n").encode("utf-16-be")
       .join([b"\xfe\xff", b""]), (0, 1), right, name="h.tex")
    pdf = (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\nstream\n" + bytes(range(256)) * 40
           + b"\nendstream\n%%EOF\n")
    md("a PDF given as the answer", pdf, (2,), name="h.pdf", says="h.pdf")
    md("a PDF renamed .md", pdf, (2,), says="h.md")
    return out


S2 = spec(layer(3, '"tanh"') + layer(2, '"identity"'))
#: a right claim of S2's network (identity output, squared error: δ⁽²⁾ = ŷ − y by hand), tagged d2
D2_TAGGED = "$$\\delta^{(2)} = \\hat y - y \\tag{d2}$$\n\n"


def _document_probes(out: list, prefix: str):
    """``md(pid, text, …)``: adds to ``out`` a probe verifying one document (``h.md``, or ``name``) against a spec
    (``S2`` unless ``spec_text``) with ``--json``, its id ``prefix + pid`` (rounds eleven and twelve)."""
    doc = ("verify", "{d}/h.md", "--spec", "{d}/s.toml", "--json")

    def md(pid: str, text, codes=(0, 1, 2), verdicts=None, spec_text=S2, name="h.md", extra=(), files=None, **kw) -> None:
        argv = tuple(a.replace("h.md", name) for a in doc) + tuple(extra)
        out.append(Probe(prefix + pid, argv, {"s.toml": spec_text, name: text, **(files or {})}, codes, verdicts or {}, **kw))
    return md


def round_eleven() -> list[Probe]:
    """Round eleven (issue 12, twelfth pass): what the eleventh round added — a chain's rows as steps (chainrows, JSON
    ``rows``, rubric ids ``line N.k``), plain-text answers with no math delimiters (document._plain), a worked example
    given entry by entry (ownvalues), optimizer recurrences (recurrences), Zhou's thresholds, the open objective scale,
    loose readings, stated shapes, a batch B, CMU's layers from 0, NumPy's mask ``(Z1 > 0)`` — and an unlucky user's
    Windows path, a read-only output folder, a missing Gradescope submission and mixed encodings."""
    out: list[Probe] = []
    s2, d2, right = S2, D2_TAGGED, {"d2": {"correct"}}
    md = _document_probes(out, "r11: ")

    # -- chainrows: a chain's rows as steps ---------------------------------------------------------------------------
    good, bad = "(\\hat y - y)", "(y - \\hat y)"
    md("chain rows: δ⁽²⁾ &= … over 10 000 rows, every other row wrong",
       "$$\\begin{aligned} \\delta^{(2)} " + "".join(f"&= {good if k % 2 else bad} \\\\\n" for k in range(10000))
       + "\\end{aligned}$$\n\n" + d2, verdicts=right)
    md("chain rows: 1990 chains of 5 rows each, the 4th row wrong",
       ("$$\\begin{aligned} \\delta^{(2)} &= \\hat y - y \\\\ &= -(y - \\hat y) \\\\ &= 1 (\\hat y - y) \\\\ "
        "&= y - \\hat y \\\\ &= \\hat y - y \\end{aligned}$$\n\n") * 1990 + d2,
       verdicts={"d2": {"correct", "unchecked"}})  # (past 2000 links in all: unchecked, judge.MAX_TOTAL_PARTS)
    md("chain rows: 500 rows of 40 sides each (\\\\ &= a = b = … per row)",
       "$$\\begin{aligned} \\delta^{(2)} " + ("&= " + " = ".join([good] * 40) + " \\\\\n") * 500
       + "\\end{aligned}$$\n\n" + d2, verdicts=right)
    md("chain rows: 3000 rows each with \\tag and \\label",
       "$$\\begin{aligned} \\delta^{(2)} " + "".join(f"&= {good} \\tag{{r{k}}}\\label{{l{k}}} \\\\\n" for k in range(3000))
       + "\\end{aligned}$$\n\n" + d2, verdicts=right)
    chain = "$$\\begin{aligned} \\delta^{(2)} " + "".join(f"&= {good if k % 3 else bad} \\\\\n" for k in range(2000)) \
        + "\\end{aligned}$$\n\n" + d2
    rows_rubric = lambda ids: 'title = "rows"\n[[questions]]\nid = "Q1"\npoints = 2\nexpects = [' + ", ".join(  # noqa: E731
        f'"{i}"' for i in ids) + "]\n"
    rgrade = ("verify", "{d}/subs", "--spec", "{d}/s.toml", "--rubric", "{d}/r.toml", "--summary", "{d}/g.csv", "--out", "{d}/rep")
    out.append(Probe("r11: chain rows: a rubric naming 1999 row ids of a 2000-row chain", rgrade,
                     {"s.toml": s2, "subs/h.md": chain, "r.toml": rows_rubric([f"line {k}.{k - 1}" for k in range(2, 2001)])},
                     (0, 1, 2), after=_complete_csv(1)))
    out.append(Probe("r11: chain rows: a rubric naming 10⁵ row ids", rgrade,
                     {"s.toml": s2, "subs/h.md": chain, "r.toml": rows_rubric([f"line 1.{k}" for k in range(100000)])},
                     (2,), says="r.toml"))
    out.append(Probe("r11: chain rows: a rubric of 1000 questions each naming one of the chain's rows", rgrade,
                     {"s.toml": s2, "subs/h.md": chain, "r.toml": 'title = "rows"\n' + "".join(
                         f'[[questions]]\nid = "Q{k}"\npoints = 1\nexpects = ["line 2.{k % 50 + 1}"]\n' for k in range(1000))},
                     (0, 1, 2), after=_complete_csv(1)))
    # -- plain-text answers (document._plain) ------------------------------------------------------------------------------
    plain = "delta2 = yhat - y\ndW2 = delta2 h1^T\n"
    md("plain text: a 10 MB .txt", "dW2 = dZ2 a1\n" * 800000, (2,), name="h.txt", says="h.txt")
    md("plain text: 20 000 lines dW2 = dZ2 · a1ᵀ (990 kB)", "dW2 = dZ2 · a1ᵀ\n" * 20000 + plain, name="h.txt")
    md("plain text: a line of 9·10⁵ '=' and 40 lines of 1999 '='", "=" * 900000 + "\n" + ("a" + " = a" * 499 + "\n") * 40
       + plain, name="h.txt")
    junk = bytes((k * 7919 + 13) % 256 for k in range(600000))
    md("plain text: 600 kB of binary junk", junk, (0, 1, 2), name="h.txt")
    md("plain text: binary junk decoded as Latin-1 and saved as UTF-8, '=' in every line",
       "".join(chr(b) for b in junk[:200000]).replace("\n", " = \n").encode(), (0, 1, 2), name="h.txt")
    md("plain text: a NUL byte inside every equation", ("delta2\x00 = yhat - y\x00\n" * 2000).encode(), (0, 1, 2), name="h.txt")
    pdftext = ("Homework 3\x0c\nﬁrst, the output layer:\n\n∂L/∂z2 = ŷ − y                       (1)\n\n"
               "∂L/∂W2 = δ2 · a1ᵀ\n\x0c" + "Page 2 of 9\n δ1 = (W2ᵀ δ2) ⊙ (1 − a1²)\n" * 900)
    md("plain text: a PDF's text (form feeds, ligatures, equation numbers, 900 pages)", pdftext, (0, 1, 2), name="h.txt")
    # -- ownvalues: a worked example entry by entry -----------------------------------------------------------------------
    example = ("$$x = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}, \\quad y = \\begin{bmatrix} 0.5 \\\\ 1 \\end{bmatrix}, \\quad "
               "W^{(1)} = \\begin{bmatrix} %s & 0.5 \\\\ 0.5 & 1 \\\\ 1 & 1 \\end{bmatrix}, \\quad b^{(1)} = "
               "\\begin{bmatrix} 0 \\\\ 0 \\\\ 0 \\end{bmatrix}, \\quad W^{(2)} = \\begin{bmatrix} %s & 1 & 1 \\\\ "
               "0.5 & 0.5 & 0.5 \\end{bmatrix}, \\quad b^{(2)} = \\begin{bmatrix} 0 \\\\ 0 \\end{bmatrix}$$\n\n")
    md("own values: a complete worked example with 1e308 in W⁽¹⁾ and W⁽²⁾", example % ("1e308", "1e308") + d2,
       verdicts={"d2": {"correct", "unchecked"}})
    md("own values: 50 000 entries x_{k} = 0.5 listed in one display", "$$" + ", ".join(
        f"x_{{{k}}} = 0.5" for k in range(50000)) + "$$\n\n" + d2, verdicts=right)
    md("own values: huge indices W^{(1)}_{99999999,1}, x_{10^{20}}, W^{(99999999)}, repeated keys",
       "$$x_1 = 1, x_2 = 2, x_1 = 7, x_{99999999999999999999} = 1, y_1 = 0.5, y_2 = 1$$\n\n"
       "$$W^{(1)}_{99999999,1} = 0.5, W^{(99999999)} = 1, b^{(10^{9})} = 2, W^{(1)}_{-1,-1} = 3$$\n\n"
       + example % ("1", "1") + example % ("5", "5") + d2, verdicts=right)
    md("own values: 1990 conflicting complete examples", "".join(example % (k, -k) for k in range(1990)) + d2,
       verdicts={"d2": {"correct", "unchecked"}})
    # -- recurrences -------------------------------------------------------------------------------------------------------
    adam = s2.replace('name = "sgd"\nlearning_rate = 0.1', 'name = "adam"\nlearning_rate = 0.001')
    md("recurrences: m_{t-10^9}, v_{t-99999999999} and E[g^2]_{t-1} under Adam, 1990 times",
       ("$$m_t = \\beta_1 m_{t-10^9} + (1 - \\beta_1) g_t$$\n\n$$v_{t} = \\beta_2 v_{t-99999999999} + (1-\\beta_2) g_t^2$$\n\n"
        "$$E[g^2]_t = \\gamma E[g^2]_{t-1} + (1 - \\gamma) g^2_t$$\n\n") * 663 + d2, spec_text=adam, verdicts=right)
    md("recurrences: 1000 nested E[…] and 5000 nested u_{t-1} subscripts",
       "$$E[g^2]_t = " + "E[" * 1000 + "g^2" + "]_{t-1}" * 1000 + "$$\n\n$$u_t = " + "u_{" * 5000 + "t" + "}" * 5000
       + "$$\n\n" + d2, spec_text=adam, verdicts=right)
    md("recurrences: \\theta_{t+1} = \\theta_t - \\eta \\nabla_\\theta J(\\theta - \\gamma v_{t-1}) … 100 000 - signs",
       "$$\\theta_{t+1} = \\theta_t - \\eta \\nabla J(\\theta" + " -" * 100000 + " \\gamma v_{t-1})$$\n\n" + d2, verdicts=right)
    # -- thresholds, the objective's scale, loose readings -----------------------------------------------------------------
    zhou = spec(layer(3, '"sigmoid"') + layer(2, '"sigmoid"'))
    md("thresholds: Zhou's notation in 450 claims of ~1900 characters",
       ("$$\\hat y_j^k = f(\\beta_j - \\theta_j) = f(" + " + ".join(["w_{hj} b_h"] * 150)
        + " - \\theta_j)$$\n\n") * 450 + "$$g_j = \\hat y_j^k (1 - \\hat y_j^k)(y_j^k - \\hat y_j^k)$$\n\n",
       spec_text=zhou)
    md("open objective scale: an unread J definition and 1990 derivatives off by 2",
       "$$J = \\frac{1}{N} \\sum_{i,j} \\mathrm{weird}_{ij}(\\hat y - y)$$\n\n"
       + "$$\\frac{\\partial J}{\\partial \\hat y} = 2 (\\hat y - y)$$\n\n" * 1990 + d2, verdicts=right)
    md("loose reading: ∂/∂a_j ( unclosed 3000 times in 4 claims, 200 sums with a bound index",
       ("$$\\delta^{(2)} = " + "\\frac{\\partial}{\\partial a_j} (" * 3000 + "\\hat y - y$$\n\n") * 4
       + ("$$\\delta^{(2)}_i = (\\sum_i \\delta_i \\omega_{ij}) a_i" + " a_i" * 250 + "$$\n\n") * 200 + d2, verdicts=right)
    # -- stated shapes, B, CMU from zero, NumPy's mask ---------------------------------------------------------------------
    md("stated shapes: W ∈ ℝ^{10⁹×10⁹}, ℝ^{99999999999×3} and 18 000 inline statements",
       "$W^{(1)} \\in \\mathbb{R}^{10^9 \\times 10^9}$, $W^{(2)} \\in \\mathbb{R}^{99999999999 \\times 3}$\n\n"
       + "$W^{(1)} \\in \\mathbb{R}^{3 \\times 2}$ and $W^{(1)} \\in \\mathbb{R}^{2 \\times 3}$ " * 9000 + "\n\n" + d2,
       verdicts={"d2": {"correct", "unchecked"}})
    md("batch B: \\frac{1}{B} with B = 10^{18} and B as a quantity 1990 times",
       "$$B = 1000000000000000000$$\n\n$$J = \\frac{1}{B} \\sum_{b=1}^{B} \\frac{1}{2} (\\hat y_b - y_b)^2$$\n\n"
       + "$$\\frac{\\partial J}{\\partial B} = \\frac{1}{B^2} B_b$$\n\n" * 1990 + d2, verdicts={"d2": {"correct", "unchecked"}})
    md("CMU from zero: Z_0 … Z_{99998} = A_k W_k^T + \\iota_N b_k^T, 1990 definitions",
       "".join(f"$$Z_{{{k * 50}}} = A_{{{k * 50}}} W_{{{k * 50}}}^T + \\iota_N b_{{{k * 50}}}^T$$\n\n$$A_{{{k * 50 + 1}}} = "
               f"\\mathrm{{ReLU}}(Z_{{{k * 50}}})$$\n\n" for k in range(995)) + d2, verdicts={"d2": {"correct", "unchecked"}})
    md("NumPy mask: (Z1 > 0) nested 5000 deep and 20 000 times in one claim",
       "$$dZ1 = dA1 * " + "(" * 5000 + "Z1 > 0" + ")" * 5000 + "$$\n\n$$dZ1 = dA1" + " * (Z1 > 0)" * 20000 + "$$\n\n" + d2,
       verdicts=right)
    # -- an unlucky user ---------------------------------------------------------------------------------------------------
    md("a Windows path C:\\Users\\me\\hw3.md as the answer", d2, (2,), says="a Windows path")
    out[-1] = dataclasses.replace(out[-1], argv=("verify", "C:\\Users\\me\\hw3.md", "--spec", "{d}/s.toml", "--json"))
    md("a Windows path as --spec (C:\\course\\s.toml)", d2, (2,), says="a Windows path")
    out[-1] = dataclasses.replace(out[-1], argv=("verify", "{d}/h.md", "--spec", "C:\\course\\s.toml", "--json"))
    ref = _example("reference_mlp.toml")
    rub = (ROOT / "examples/grading/rubric.toml").read_text()
    alice = (ROOT / "examples/grading/submissions/alice.md").read_text()
    base = {"s.toml": ref, "r.toml": rub, "subs/a.md": alice}
    grade = ("verify", "{d}/subs", "--spec", "{d}/s.toml", "--rubric", "{d}/r.toml")
    out.append(Probe("r11: grading into a read-only reports folder and summary folder", (*grade, "--summary", "{d}/ro/g.csv",
                     "--out", "{d}/ro/rep"), base, (0, 2), before=_read_only("ro")))
    out.append(Probe("r11: grading --out inside a folder nobody can write (/proc/self/fdinfo/rep)",
                     (*grade, "--out", "/proc/self/fdinfo/rep"), base, (2,), says="fdinfo"))
    auto = ("autograder", "gradescope", "--spec", "{d}/s.toml", "--rubric", "{d}/r.toml", "--results", "{d}/results.json")
    out.append(Probe("r11: Gradescope: the submission folder is missing", (*auto, "--submission", "{d}/submission"), base,
                     (0, 2), after=_json_ok("results.json")))
    out.append(Probe("r11: Gradescope: the submission folder is empty", (*auto, "--submission", "{d}/submission"), base,
                     (0,), after=_json_ok("results.json"), before=lambda d: Path(d, "submission").mkdir()))
    out.append(Probe("r11: grading: the rubric in UTF-16 with a BOM, answers in Latin-1 and UTF-16", (*grade, "--summary", "{d}/g.csv"),
                     {**base, "r.toml": rub.encode("utf-16"), "subs/l.md": (alice + "é").encode("latin-1", "replace"),
                      "subs/u.md": alice.encode("utf-16")}, (0, 1, 2), after=_complete_csv(3)))  # (read since round eleven)
    out.append(Probe("r11: grading: the rubric in Latin-1 (é in a name), answers in UTF-8 with a BOM", grade,
                     {**base, "r.toml": rub.replace("Output error", "Erreur de sortie é").encode("latin-1", "replace"),
                      "subs/b.md": b"\xef\xbb\xbf" + alice.encode()}, (0, 1, 2), says="r.toml"))
    out.append(Probe("r11: grading: the rubric in UTF-8 with a BOM and CRLF", (*grade, "--summary", "{d}/g.csv"),
                     {**base, "r.toml": b"\xef\xbb\xbf" + rub.replace("\n", "\r\n").encode()}, (0, 1), after=_complete_csv(1)))
    return out


def round_twelve() -> list[Probe]:
    """Round twelve (issue 12, thirteenth pass): what the twelfth round added — index notation with the summation
    convention (einstein, indexworld), a layer norm in its own intermediates (intermediates), one example's columns
    beside a batch (columnsample), the scalar case (scalarcase), an own letter that does not read (unreadletter), a
    gradient letter's family (gradletters), matrices written with dots (elided), plain-text mathematics
    (normalize.plain_math), Zhou's thresholds, the ``\\quad``/``\\text{ and }`` splits, ``\\intertext``, ``\\boxed``,
    the "mse"/"sse" losses — and an unlucky user's notebook of 10⁴ cells and answers file of 2000 identical claims."""
    out: list[Probe] = []
    d2, right = D2_TAGGED, {"d2": {"correct"}}
    md = _document_probes(out, "r12: ")

    # -- einstein / indexworld: index notation under the summation convention -------------------------------------------
    xie = ('name = "randxie"\nconvention = "row"\ninputs = 3\nlayers = [{units = 2, activation = "sigmoid", bias = false}]\n'
           'loss = {name = "squared_error"}\noptimizer = {name = "sgd", learning_rate = 0.1}\n')
    base = ("Einstein notation: a repeated index is summed.\n\n$$z = Wx$$\n\n$$y = \\sigma(z)$$\n\n"
            "$$e_i = y_{\\text{true}, i} - y_i$$\n\n$$L = e_i e_i$$\n\n")
    dw = "$$\\frac{\\partial L}{\\partial W_{ij}} = \\frac{\\partial L}{\\partial z_i} x_j \\tag{dw}$$\n\n"
    ok_dw = {"dw": {"correct"}}
    summed = {"n.toml": '[notation]\nsummation = "einstein"\n'}

    def ein(pid: str, text: str, verdicts=None, **kw) -> None:
        md("einstein: " + pid, base + text + dw, spec_text=kw.pop("spec_text", xie), extra=("--notation", "{d}/n.toml"),
           files=summed, verdicts=verdicts or ok_dw, **kw)

    ein("an index repeated 10³ times in one product (e_i e_i … e_i = L)",
        "$$L = " + " ".join(["e_i"] * 1000) + " \\tag{rep}$$\n\n", {**ok_dw, "rep": {"unchecked"}})
    ein("an index repeated three times (e_i e_i e_i, W_{ij} x_j x_j)",
        "$$L = e_i e_i e_i \\tag{three}$$\n\n$$z_i = W_{ij} x_j x_j \\tag{three2}$$\n\n",
        {**ok_dw, "three": {"unchecked"}, "three2": {"unchecked"}})
    letters26 = "abcdefghijklmnopqrstuvwxyz"
    ein("26 nested sums: e_a e_b … e_z e_a … e_z (2²⁶ terms)",
        "$$L = " + " ".join(f"e_{c}" for c in letters26 * 2) + " \\tag{n26}$$\n\n")
    ein("26 nested sums through W: W_{ab} x_b W_{cd} x_d … (13 contractions of 3 entries, 13 free rows)",
        "$$z_i = W_{ij} x_j " + " ".join(f"W_{{{letters26[2 * k]}{letters26[2 * k + 1]}}} x_{letters26[2 * k + 1]}"
                                         for k in range(13) if letters26[2 * k] not in "ij") + " \\tag{w26}$$\n\n")
    ein("Kronecker δ chain of 2000: δ_{ip} δ_{pq} … x_j",
        "$$\\frac{\\partial L}{\\partial W_{ij}} = \\frac{\\partial L}{\\partial z_i} "
        + " ".join(f"\\delta_{{{a}{b}}}" for a, b in zip("jklmnopqrstu" * 170, "klmnopqrstuj" * 170, strict=True))
        + " x_j \\tag{kd}$$\n\n")
    ein("1990 identical claims z_i = W_{ij} x_j", "$$z_i = W_{ij} x_j$$\n\n" * 1990)
    ein("a claim of 3999 tokens and one of 4001 (einstein.MAX_TOKENS)",
        "$$z_i = W_{ij} x_j" + " + 0" * 1995 + " \\tag{t1}$$\n\n$$z_i = W_{ij} x_j" + " + 0" * 1997 + " \\tag{t2}$$\n\n",
        {**ok_dw, "t1": {"correct", "unchecked"}, "t2": {"correct", "unchecked"}})
    ein("indices over 10⁹ entries: inputs = 40 000, units = 25 000",
        "$$z_i = W_{ij} x_j \\tag{big}$$\n\n", {"dw": {"correct", "unchecked"}, "big": {"correct", "unchecked"}},
        spec_text=xie.replace("inputs = 3", "inputs = 40000").replace("units = 2", "units = 25000"))
    ein("stated in prose only, 1000 own symbols each defined by the last (a_1 = e_i e_i, a_{k+1} = a_k e_j e_j)",
        "".join(f"$$c_{{{k + 1}}} = c_{{{k}}} e_j e_j$$\n\n" for k in range(1000)))
    # -- intermediates: a layer norm in its own quantities ------------------------------------------------------------------
    ln = ('name = "ln"\nconvention = "row"\ninputs = 4\n\n[[layers]]\nkind = "layernorm"\neps = 1e-5\n\n'
          '[[layers]]\nunits = 2\nactivation = "identity"\n\n[loss]\nname = "squared_error"\n\n'
          '[optimizer]\nname = "sgd"\nlearning_rate = 0.01\n')
    fwd = ("$$\\mu = \\frac{1}{D}\\sum_{i=1}^{D} x_i$$\n\n$$\\sigma^2 = \\frac{1}{D}\\sum_{i=1}^{D}(x_i - \\mu)^2$$\n\n"
           "$$\\hat{x}_i = \\frac{x_i - \\mu}{\\sqrt{\\sigma^2 + \\varepsilon}}$$\n\n$$y_i = \\gamma_i \\hat{x}_i + \\beta_i$$\n\n"
           "$$\\frac{\\partial L}{\\partial \\gamma_i} = dy_i \\cdot \\hat{x}_i \\tag{dg}$$\n\n")
    ok_ln = {"dg": {"correct"}}

    def lnorm(pid: str, text: str, verdicts=None, **kw) -> None:
        md("layer norm: " + pid, fwd + text, spec_text=kw.pop("spec_text", ln), verdicts=verdicts or ok_ln, **kw)

    lnorm("a Kronecker δ chain of 3000 in ∂x̂_j/∂x_i",
          "$$\\frac{\\partial \\hat{x}_j}{\\partial x_i} = \\frac{1}{D\\sqrt{\\sigma^2+\\varepsilon}}\\left(D"
          + "\\delta_{ij}" * 3000 + " - 1 - \\hat{x}_i \\hat{x}_j\\right) \\tag{kd}$$\n\n")
    lnorm("Σ_{p≠j} nested 200 deep",
          "$$dx_j = " + "\\sum_{p \\neq j} (" * 200 + "d\\hat{x}_p" + ")" * 200 + " \\tag{ne}$$\n\n")
    lnorm("rstd defined in terms of itself (rstd = 1/√(rstd + ε)) and 1990 claims using it",
          "$$rstd = \\frac{1}{\\sqrt{rstd + \\varepsilon}}$$\n\n"
          + "$$d\\hat{x}_i = dy_i \\cdot \\gamma_i \\cdot rstd$$\n\n" * 1990,
          {"dg": {"correct", "unchecked"}})
    lnorm("1990 copies of the whole derivation (11 claims each)", ("$$d\\hat{x}_i = dy_i \\cdot \\gamma_i$$\n\n"
          "$$\\frac{\\partial \\sigma^2}{\\partial x_i} = \\frac{2}{D}(x_i - \\mu)$$\n\n") * 995)
    lnorm("own names c_1 … c_{2000} each defined by the previous",
          "$$c_{1} = \\hat{x}_i$$\n\n" + "".join(f"$$c_{{{k + 1}}} = 2 c_{{{k}}}$$\n\n" for k in range(1, 1999)))
    lnorm("a layer norm over 10⁶ features", "$$d\\hat{x}_i = dy_i \\cdot \\gamma_i \\tag{dx}$$\n\n",
          {"dg": {"correct", "unchecked"}, "dx": {"correct", "unchecked"}}, spec_text=ln.replace("inputs = 4", "inputs = 1000000"))
    # -- columnsample, scalarcase, unreadletter, gradletters ------------------------------------------------------------
    soft = spec(layer(3, '"tanh"') + layer(3, '"softmax"'), loss="cross_entropy")
    md("column sample: 1990 g_z = p ⊙ (g_p − pᵀ g_p) beside a batch Z",
       "$$L = -\\sum_j y_j \\log p_j$$\n\n$$Z = H W + b$$\n\n" + "$$g_z = p \\odot (g_p - p^\\top g_p)$$\n\n" * 1990,
       spec_text=soft)
    md("scalar case: 1990 bare-letter claims dL/dw = x · dL/dy",
       "Let's have $y = w x + b$.\n\n" + "$$\\frac{dL}{dw} = \\frac{dL}{dy} x$$\n\n$$\\frac{dL}{dx} = \\frac{dL}{dy} w$$\n\n" * 995
       + d2, verdicts=right)
    md("unread letter: a = logsoftmax(z) then 1990 claims using a",
       "$$a = \\operatorname{logsoftmax}(z)$$\n\n" + "$$\\frac{\\partial L}{\\partial a} = -y$$\n\n" * 1990 + d2,
       verdicts=right)
    md("grad letters: G_{S_i} defined circularly (G_{S_i} = G_{G_{S_i}}), 1000 nested G_{G_{…}}",
       "$$G_{S_i} = \\frac{\\partial L}{\\partial S_i}$$\n\n$$G_{S_i} = G_{G_{S_i}}$$\n\n$$G_{Z} = "
       + "G_{" * 1000 + "Z" + "}" * 1000 + "$$\n\n" + "$$G_{Z_i} = G_{Z_i} G_{S_i}$$\n\n" * 500 + d2, verdicts=right)
    # -- elided: matrices written with dots --------------------------------------------------------------------------------
    md("elided: \\cdots 10⁵ times in one row", "$$\\delta^{(2)} = \\begin{bmatrix} \\hat y_1 - y_1 & "
       + " & ".join(["\\cdots"] * 100000) + " & \\hat y_2 - y_2 \\end{bmatrix}^T$$\n\n" + d2, verdicts=right)
    md("elided: \\vdots/\\ddots mismatched in a 300 × 300 matrix",
       "$$W^{(1)} = \\begin{bmatrix}" + " \\\\ ".join(" & ".join(("\\vdots", "\\ddots", "\\cdots", "w_{11}")[(i * j) % 4]
                                                                  for j in range(300)) for i in range(300))
       + "\\end{bmatrix}$$\n\n" + d2, verdicts=right)
    md("elided: a column to z_{10^{12}} and to z_n with n counted two ways, 500 times",
       ("$$\\delta^{(2)} = \\begin{pmatrix} \\hat y_1 - y_1 \\\\ \\vdots \\\\ \\hat y_{1000000000000} - y_{1000000000000}"
        "\\end{pmatrix}$$\n\n$$z^{(1)} = \\begin{pmatrix} z_1 \\\\ \\vdots \\\\ z_n \\end{pmatrix} = \\begin{pmatrix} "
        "x_1 & \\cdots & x_n \\end{pmatrix}$$\n\n") * 500 + d2, verdicts={"d2": {"correct", "unchecked"}})  # (δ⁽²⁾ defined, unread)
    # -- plain-text mathematics (normalize.plain_math) ---------------------------------------------------------------------
    plain = "delta2 = yhat - y\n"
    md("plain text: a NumPy list nested 10⁴ deep", "W1 = " + "[" * 10000 + "0.5" + "]" * 10000 + "\n" + plain,
       name="h.txt")
    md("plain text: [[…]] of 1.6·10⁵ numbers (800 kB)", "W1 = [[" + ", ".join(["0.5"] * 80000) + "], ["
       + ", ".join(["0.5"] * 80000) + "]]\n" + plain, name="h.txt")
    md("plain text: 10⁶ numbers (over 1 MB)", "W1 = [[" + ",".join(["1"] * 1000000) + "]]\n" + plain, (2,),
       name="h.txt", says="h.txt")
    md("plain text: spelled Greek 10⁵ times on one line", "delta2 = " + " ".join(["sigma"] * 50000 + ["alphabeta"] * 50000)
       + "\n" + plain, name="h.txt")
    md("plain text: _new chains (W2_new_new… 10⁵ times) and 1900 lines W2_new = W2 - eta * dW2",
       "W2" + "_new" * 100000 + " = W2 - eta * dW2\n" + "W2_new = W2 - eta * dW2\n" * 1900 + plain, name="h.txt")
    md("plain text: 1800 lines of unbalanced brackets [[[ and ]]] (60 each)",
       ("x = " + "[[[1, 2" * 60 + "\ny = " + "]]] 3" * 60 + "\n") * 900 + plain,
       name="h.txt")
    # -- Zhou's thresholds ---------------------------------------------------------------------------------------------------
    zhou = spec(layer(3, '"sigmoid"') + layer(2, '"sigmoid"'))
    md("thresholds: f(β_j − θ_j) nested 400 deep in 500 claims",
       ("$$\\hat y_j^k = " + "f(" * 400 + "\\beta_j - \\theta_j" + ")" * 400 + " = f(w_{hj} b_h - \\theta_j)$$\n\n") * 500
       + "$$g_j = \\hat y_j^k (1 - \\hat y_j^k)(y_j^k - \\hat y_j^k)$$\n\n", spec_text=zhou)
    # -- \quad, \text{ and }, \intertext, \boxed ------------------------------------------------------------------------------
    md("\\quad 10⁵ times between equations in one claim", "$$" + " \\quad ".join(["\\delta^{(2)} = \\hat y - y"] * 2000)
       + " \\quad" * 100000 + "$$\n\n" + d2, verdicts=right)
    md("\\text{ and } 10⁴ times in one claim", "$$" + " \\text{ and } ".join(["\\delta^{(2)} = \\hat y - y"] * 10000)
       + "$$\n\n" + d2, verdicts=right)
    md("\\intertext{ unclosed 10⁴ times in an aligned block", "$$\\begin{aligned} \\delta^{(2)} &= \\hat y - y \\\\"
       + " \\intertext{and so" * 10000 + "\\end{aligned}$$\n\n" + d2, verdicts=right)
    md("\\boxed{ nested 5000 deep, and 5000 unclosed", "$$" + "\\boxed{" * 5000 + "\\delta^{(2)} = \\hat y - y" + "}" * 5000
       + "$$\n\n$$" + "\\boxed{" * 5000 + "\\delta^{(2)} = \\hat y - y$$\n\n" + d2, verdicts=right)
    # -- the "mse"/"sse" losses --------------------------------------------------------------------------------------------
    for loss, delta in (("mse", "\\frac{2}{2}(\\hat y - y)"), ("sse", "2 (\\hat y - y)")):  # (mse: a mean over the 2 outputs)
        md(f"loss \"{loss}\": 1990 claims of ∂J/∂ŷ with and without 1/N", ("$$\\frac{\\partial J}{\\partial \\hat y} = "
           "\\frac{2}{N}(\\hat y - y)$$\n\n$$\\frac{\\partial J}{\\partial \\hat y} = 2 (\\hat y - y)$$\n\n") * 995
           + f"$$\\delta^{{(2)}} = {delta} \\tag{{d2}}$$\n\n",
           spec_text=spec(layer(3, '"tanh"') + layer(2, '"identity"'), loss=loss), verdicts={"d2": {"correct", "unchecked"}})
    # -- an unlucky user ---------------------------------------------------------------------------------------------------
    nb = lambda cells: json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})  # noqa: E731
    md("a notebook of 10⁴ cells, each a claim (beyond 2000 equations)", nb([{"cell_type": "markdown", "metadata": {},
       "source": ["$$\\delta^{(2)} = \\hat y - y$$\n"]}] * 10000 + [{"cell_type": "markdown", "metadata": {}, "source": [d2]}]),
       (2,), name="h.ipynb", says="2000")
    md("a notebook of 10⁴ cells, 1110 of them claims", nb(([{"cell_type": "markdown", "metadata": {}, "source": ["Prose."]}] * 4
       + [{"cell_type": "code", "metadata": {}, "source": ["x = 1"], "outputs": [], "execution_count": 1}] * 4
       + [{"cell_type": "markdown", "metadata": {}, "source": ["$$\\delta^{(2)} = \\hat y - y$$\n"]}]) * 1110
       + [{"cell_type": "markdown", "metadata": {}, "source": [d2]}]), name="h.ipynb", verdicts=right)
    same = [("c%d" % k, DELTA2) for k in range(2000)]
    out.append(Probe("r12: answers TOML: 2000 identical claims", ("verify", "{d}/a.toml", "--json"),
                     {"s.toml": formula_spec("tanh(x)"), "a.toml": answers(same)}, (0,),
                     {"c0": {"correct"}, "c1999": {"correct"}}))
    out.append(Probe("r12: answers TOML: 10⁴ identical claims", ("verify", "{d}/a.toml", "--json"),
                     {"s.toml": formula_spec("tanh(x)"), "a.toml": answers([("c%d" % k, DELTA2) for k in range(10000)])},
                     (2,), says="a.toml"))
    out.append(Probe("r12: answers TOML: 2000 identical chains of 5 links", ("verify", "{d}/a.toml", "--json"),
                     {"s.toml": formula_spec("tanh(x)"), "a.toml": answers([("c%d" % k, DELTA2 + " = -(y - \\hat{y}) = "
                      "1 (\\hat{y} - y) = \\hat{y} - y") for k in range(2000)])}, (0, 1),
                     {"c0": {"correct", "unchecked"}, "c1999": {"correct", "unchecked"}}))
    return out


def round_thirteen() -> list[Probe]:
    """Round thirteen (issue 12, fourteenth pass): what the thirteenth round and the fourteenth round's first commits
    added — matrices augmented with the bias (augmented), the penalty on the answer's scale (penaltyscale), units named
    by a letter and a number (unitnames, rewriting), bare and component-wise neurons (bareneuron, oneneuron), biases kept
    as columns (biascolumn), given values typed as lists (ownvalues), rows continuing an update (restated), the label
    index, ``\\boxed``, ``\\left\\{ \\begin{array}``, plain TeX's font switches, Ng's d-letters of the objective, one-entry
    updates, the triangle increment, ```math fences indented in list items and question scopes ended by headings — and
    an unlucky user's notebook of 10⁴ question paragraphs and answers file of claims carrying numbers."""
    out: list[Probe] = []
    d2, right = D2_TAGGED, {"d2": {"correct"}}
    md = _document_probes(out, "r13: ")
    row2 = spec(layer(3, '"tanh"') + layer(2, '"identity"'), extra='convention = "row"\n')

    # -- augmented: \tilde H = [H, 1] -------------------------------------------------------------------------------------
    aug = ("$$\\tilde{H}_0 = [X, 1]$$\n\n$$Z_l = \\tilde{H}_{l-1} \\tilde{W}_l$$\n\n$$H_l = f_l(Z_l)$$\n\n"
           "$$\\tilde{H}_l = [H_l, 1]$$\n\n")
    md("augmented: \\tilde{ nested 10⁴ deep on H, and [[[X, 1], 1], …] nested 10⁴ deep",
       aug + "$$" + "\\tilde{" * 10000 + "H" + "}" * 10000 + "_1 = [H_1, 1]$$\n\n$$\\tilde{H}_2 = " + "[" * 10000 + "X"
       + ", 1]" * 10000 + "$$\n\n" + d2, verdicts=right)
    md("augmented: [H_1, 1, 1, …] with 10⁵ ones and a slice [:, :-1] chained 10⁴ times",
       aug + "$$\\tilde{H}_1 = [H_1" + ", 1" * 100000 + "]$$\n\n$$\\frac{\\partial L}{\\partial H_1} = "
       "\\frac{\\partial L}{\\partial \\tilde{H}_1}" + "[:, :-1]" * 10000 + "$$\n\n" + d2, verdicts=right)
    md("augmented: 1990 distinct claims of ∂L/∂\\tilde W_l (row batch)",
       aug + "".join(f"$$\\frac{{\\partial L}}{{\\partial \\tilde{{W}}_{1 + k % 2}}} = \\tilde{{H}}_{k % 2}^\\top "
                     f"\\frac{{\\partial L}}{{\\partial Z_{1 + k % 2}}} + {k} - {k}$$\n\n" for k in range(1990)) + d2,
       spec_text=row2, verdicts=right)
    md("augmented: \\tilde H_l defined 500 ways, [X, 1] with X = [X, 1] circularly",
       "$$X = [X, 1]$$\n\n$$\\tilde{X} = [\\tilde{X}, 1]$$\n\n" + "".join(f"$$\\tilde{{H}}_{{{k}}} = [H_{{{k + 1}}}, 1]$$\n\n"
                                                                       for k in range(500)) + aug + d2, verdicts=right)
    # -- penaltyscale: λ on the answer's scale ------------------------------------------------------------------------------
    reg = spec(layer(3, '"sigmoid"') + layer(2, '"sigmoid"')) + '\n[regularization]\nname = "l2"\nlambda = 0.01\n'
    own_j = ("Layers are numbered from the input, $x_i = a_i^{(1)}$:\n\n$$z^{(l+1)} = W^{(l)} a^{(l)} + b^{(l)}, \\quad "
             "a^{(l+1)} = f(z^{(l+1)})$$\n\nSuppose we have a training set $(x^{(1)}, y^{(1)}), \\dots, (x^{(m)}, y^{(m)})$ "
             "of $m$ examples, and $J(W,b;x,y) = \\frac{1}{2} \\left\\| h_{W,b}(x) - y \\right\\|^2$ the cost of one.\n\n"
             "$$J(W,b) = \\left[ \\frac{1}{m} \\sum_{k=1}^m J(W,b;x^{(k)},y^{(k)}) \\right] + \\frac{\\lambda}{2} "
             "\\sum_{l} \\sum_{i} \\sum_{j} \\left( W^{(l)}_{ji} \\right)^2 \\tag{p0}$$\n\n")
    md("penalty scale: the answer's J with λ/2, then 1990 distinct claims writing λ",
       own_j + "".join(f"$$\\frac{{\\partial J}}{{\\partial W^{{(2)}}}} = \\delta^{{(3)}} (a^{{(2)}})^T + \\lambda W^{{(2)}} "
                       f"+ {k} - {k}$$\n\n" for k in range(1990)), spec_text=reg)
    md("penalty scale: 300 definitions of J each with λ, and λ written 10⁴ times in one claim",
       own_j * 300 + "$$\\frac{\\partial J}{\\partial W^{(2)}} = " + " + ".join(["\\lambda W^{(2)}"] * 10000) + "$$\n\n",
       spec_text=reg)
    # -- unitnames: z_{H1}, H1, y2 ---------------------------------------------------------------------------------------------
    units = spec(layer(2, '"sigmoid"') + layer(2, '"sigmoid"'), extra='convention = "row"\n')
    unit_doc = ("$$z_{H1} = w_1 x_1 + w_2 x_2 + b_1$$\n\n$$z_{H2} = w_3 x_1 + w_4 x_2 + b_2$$\n\n"
                "$$H1 = \\sigma(z_{H1})$$\n\n$$z_{y1} = w_5 H1 + w_6 H2$$\n\n$$z_{y2} = w_7 H1 + w_8 H2$$\n\n")
    md("unit names: 10⁴ unit names z_{H1} … and H1, y2 written 10⁴ times in one claim",
       unit_doc + "$$z_{y1} = " + " + ".join(f"z_{{H{k % 99 + 1}}} H{k % 99 + 1} y{k % 9 + 1}" for k in range(10000)) + "$$\n\n",
       spec_text=units)
    md("unit names: 1990 forward sums with 10⁴ distinct weights w_1 … w_{10⁴}",
       unit_doc + "".join(f"$$z_{{H{1 + k % 2}}} = w_{{{5 * k + 1}}} x_1 + w_{{{5 * k + 2}}} x_2 + b_{1 + k % 2}$$\n\n"
                          for k in range(1990)), spec_text=units)
    # -- bareneuron / oneneuron ----------------------------------------------------------------------------------------------
    ruiz = spec(layer(3, '"relu"') + layer(1, '"sigmoid"'), loss="binary_cross_entropy")
    md("bare neuron: a = σ(z) then 1990 distinct bare claims (each judged again as the output's)",
       "$$z = w x + b$$\n\n$$a = \\sigma(z)$$\n\n$$L = L(a, y)$$\n\n"
       + "".join(f"$$\\frac{{\\partial L}}{{\\partial b}} = (a - y) \\cdot \\sigma'(z) + {k} - {k}$$\n\n" for k in range(1990)),
       spec_text=ruiz)
    md("one neuron: 1990 component-wise neurons in a network of 3 × 3000 units",
       "".join(f"$$a=\\sigma\\left(\\sum{{w_ix_i}}+b + {k} - {k}\\right)$$\n\n" for k in range(1990))
       + "$$z=\\sum{w_ix_i} + b$$\n\n", spec_text=spec(layer(3000, '"sigmoid"') * 3 + layer(2, '"sigmoid"'), inputs=3000))
    md("one neuron: w_1x_1+...+w_nx_n with n = 10¹² and a sum nested 10³ deep",
       "$$a=\\sigma(w_1x_1+...+w_{1000000000000}x_{1000000000000}+b)$$\n\n$$z=" + "\\sum{" * 1000 + "w_ix_i" + "}" * 1000
       + " + b$$\n\n" + d2, verdicts=right)
    # -- biascolumn: b^T ----------------------------------------------------------------------------------------------------
    md("bias column: 2000 forward definitions adding b_l^{T^{T^…}} (10³ transposes) and \\sum nested 10³ deep",
       "".join(f"$$z_{1 + k % 2} = a_{k % 2} W_{1 + k % 2} + b_{1 + k % 2}" + "^{T" * (k % 7) + "}" * (k % 7) + "$$\n\n"
               for k in range(1990)) + "$$z_1 = a_0 W_1 + b_1" + "^{T" * 1000 + "}" * 1000 + "$$\n\n"
       "$$\\frac{\\partial J}{\\partial b_2} = " + "\\sum " * 1000 + "\\delta_2$$\n\n", spec_text=row2)
    # -- ownvalues: given values as lists ----------------------------------------------------------------------------------------
    md("given lists: x = [1, 4, 5, …] with 2·10⁵ entries inline, y nested 10³ deep",
       "Given values: input $x = [" + ", ".join(str(k % 10) for k in range(200000)) + "]$, $y = " + "[" * 1000 + "0.2"
       + "]" * 1000 + "$\n\n" + d2, verdicts={"d2": {"correct", "unchecked"}})
    md("given lists: x = [1, 4, 5, …] with 10⁶ entries (over 1 MB)",
       "Given values: input $x = [" + ", ".join(["1"] * 1000000) + "]$\n\n" + d2, (2,), says="h.md")
    md("given lists: 990 conflicting x = [...], y = [...] of different lengths",
       "".join(f"Given $x = [{', '.join(['0.5'] * (1 + k % 9))}]$, $y = [{', '.join(['0.1'] * (1 + k % 5))}]$\n\n"
               for k in range(990)) + d2, verdicts={"d2": {"correct", "unchecked"}})
    # -- restated.continuations: \therefore after an update ---------------------------------------------------------------------
    mat = "\\begin{bmatrix} 0.3 & -0.2 & 0.1 \\\\ 0.1 & 0.4 & 0.2 \\end{bmatrix}"
    md("continuation rows: an update then 1990 \\therefore rows",
       "$$W^{(1)} := W^{(1)} - \\eta \\frac{\\partial J}{\\partial W^{(1)}}$$\n\n"
       + "".join(f"$$\\therefore W^{{(1)}} = {mat} - 0.{k + 1:04d} {mat}$$\n\n" for k in range(1990)) + d2, verdicts=right)
    md("continuation rows: 10⁴ \\therefore rows (beyond 2000 equations)",
       "$$W^{(1)} := W^{(1)} - \\eta \\frac{\\partial J}{\\partial W^{(1)}}$$\n\n"
       + f"$$\\therefore W^{{(1)}} = {mat}$$\n\n" * 10000 + d2, (2,), says="2000")
    # -- the label index ------------------------------------------------------------------------------------------------------
    soft = spec(layer(3, '"softmax"'), inputs=4, loss="cross_entropy", extra='convention = "column"\n')
    scores = "Scores $f = x W + b$, one example a row.\n\n"
    for deep in (250, 10000):  # (within the formula's 4000 characters, and far beyond)
        md(f"label index: f_{{y_{{f_{{y_…}}}}}} nested {deep} deep, \\mathbb{{1}}( unbalanced and nested {deep} times",
           scores + "$$L_i = -f_{" + "y_{f_{" * deep + "y_i" + "}}" * deep + "} + \\log\\sum_j e^{f_j}$$\n\n"
           "$$\\frac{\\partial L_i}{\\partial f_k} = p_k - " + "\\mathbb{1}(y_i = k" * deep + "$$\n\n"
           "$$\\frac{\\partial L_i}{\\partial f_k} = p_k - " + "\\mathbb{1}(" * deep + "y_i = k" + ")" * deep + "$$\n\n"
           "$$L_i = -f_{y_i} + \\log\\sum_j e^{f_j} \\tag{ok}$$\n\n", spec_text=soft, verdicts={"ok": {"correct"}})
    md("label index: 1990 distinct claims p_k - 1(y_i = k)",
       scores + "".join(f"$$\\frac{{\\partial L_i}}{{\\partial f_k}} = p_k - \\mathbb{{1}}(y_i = k) "
                                                f"+ {k} - {k}$$\n\n" for k in range(1990)), spec_text=soft)
    # -- document: \boxed, \left\{ \begin{array}, {\rm …} -----------------------------------------------------------------------
    md("\\boxed{ unclosed 10⁵ times in one display", "$$" + "\\boxed{" * 100000 + "\\delta^{(2)} = \\hat y - y$$\n\n" + d2,
       verdicts=right)
    md("\\boxed{…} 1990 displays each boxed 50 deep", ("$$" + "\\boxed{" * 50 + "\\delta^{(2)} = \\hat y - y" + "}" * 50
                                                      + "$$\n\n") * 1990 + d2, verdicts=right)
    md("\\left\\{ \\begin{array} unclosed 10⁴ times, and nested 10³ deep",
       "$$\\delta^{(2)} = " + "\\left\\{ \\begin{array}{rcl} " * 10000 + "\\hat y - y$$\n\n$$f(x) = "
       + "\\left\\{ \\begin{array}{rcl} " * 1000 + "x & x > 0 \\\\ 0 & x \\le 0" + " \\end{array}\\right." * 1000 + "$$\n\n"
       + d2, verdicts=right)
    md("{\\rm x} nested 10⁴ deep, and {\\rm unclosed 10⁵ times",
       "$$\\delta^{(2)} = " + "{\\rm " * 10000 + "x" + "}" * 10000 + "$$\n\n$$h = " + "{\\rm " * 100000 + "$$\n\n"
       "$$\\delta^{(2)} = " + " + ".join(["{\\rm softmax}"] * 20000) + "$$\n\n" + d2, verdicts=right)
    # -- d_objective: Ng's d-letters of the mean cost --------------------------------------------------------------------------
    ng = spec(layer(3, '"tanh"') + layer(2, '"sigmoid"'), loss="binary_cross_entropy")
    over_m = "Over a batch of $m$ examples, $J = \\frac{1}{m} \\sum_{i=1}^m \\mathcal{L}^{(i)}$.\n\n"
    md("d-letters: dZ := ∂J/∂Z, then dA, dZ defined by each other circularly 1000 times",
       over_m + "$$dZ^{[2]} := \\frac{\\partial J}{\\partial Z^{[2]}}$$\n\n$$dA^{[1]} := \\frac{\\partial J}{\\partial A^{[1]}}$$\n\n"
       + "".join(f"$$dZ^{{[{1 + k % 2}]}} = dA^{{[{1 + k % 2}]}} + {k} - {k}$$\n\n$$dA^{{[{1 + k % 2}]}} = dZ^{{[{1 + k % 2}]}}$$\n\n"
                 for k in range(995)) + "$$dW^{[2]} = \\frac{1}{m} dZ^{[2]} A^{[1]T}$$\n\n", spec_text=ng)
    md("d-letters: 2000 definitions dZ^{[l]} := ∂J/∂Z^{[l]} with l up to 10⁹",
       over_m + "".join(f"$$dZ^{{[{k * 499999}]}} := \\frac{{\\partial J}}{{\\partial Z^{{[{k * 499999}]}}}}$$\n\n" for k in range(1990)),
       spec_text=ng)
    # -- one-entry updates and the triangle -----------------------------------------------------------------------------------
    md("one-entry updates: 1990 W_{ij}^{(l)} = W_{ij}^{(l)} - α ∂J/∂W_{ij}^{(l)} with indices up to 10⁶",
       "".join(f"$$W_{{{k}{k + 1}}}^{{({1 + k % 2})}} = W_{{{k}{k + 1}}}^{{({1 + k % 2})}} - \\alpha \\frac{{\\partial}}"
               f"{{\\partial W_{{{k}{k + 1}}}^{{({1 + k % 2})}}}} J(W,b)$$\n\n" for k in range(0, 1990 * 500, 500)) + d2,
       verdicts=right)
    md("triangle: \\vartriangle 5·10⁴ times, and 1990 △ updates",
       "$$\\vartriangle w = " + " \\vartriangle" * 50000 + " w$$\n\n"
       + "".join(f"$$\\triangle W^{{({1 + k % 2})}} = - \\eta \\frac{{\\partial E}}{{\\partial W^{{({1 + k % 2})}}}} + {k} - {k}"
                 "$$\n\n" for k in range(1990)) + d2, verdicts=right)
    # -- main's ```math fences in list items, question scopes ended by headings -----------------------------------------------
    md("fences: 9·10⁴ unclosed indented ```math fences in list items",
       "- ```math\n  ```math\n" * 45000 + d2, verdicts={"d2": {"correct", "unchecked"}})
    md("fences: ```math nested in ```math 10⁴ deep, ~~~ inside ```, indented 1–40 spaces",
       "".join(" " * (k % 40) + ("```math\n" if k % 3 else "~~~\n") for k in range(10000)) + "\\delta^{(2)} = \\hat y - y\n"
       + "```\n" * 10000 + d2, verdicts={"d2": {"correct", "unchecked"}})
    md("fences: 1990 indented fences in list items, each a claim",
       "".join(f"{k}. step\n   ```math\n   \\delta^{{(2)}} = \\hat y - y + {k} - {k}\n   ```\n" for k in range(1990)) + "\n" + d2,
       verdicts=right)
    md("question scopes: 10⁵ headings, 10⁵ # lines in code fences, 1000 question paragraphs",
       "# Q\n" * 100000 + "```\n" + "# x\n" * 100000 + "```\n\n"
       + "".join(f"**Q{k}:** $\\delta^{{(2)}} = \\hat y - y$\n\n## part {k}\n\n" for k in range(1000)) + d2,
       verdicts={"d2": {"correct", "unchecked"}})
    md("question scopes: 1.6·10⁵ question headings # Q1 … with 1990 claims under them (the heading found per claim)",
       "".join(f"# Q{k % 9 + 1}\n" + ("$\\delta^{(2)} = \\hat y - y$\n" if k % 81 == 0 else "") for k in range(160000))
       + "\n# Answer\n\n" + d2, (0, 1), verdicts=right)  # (within every limit: on main, stopped at the run's 26 s)
    # -- an unlucky user -----------------------------------------------------------------------------------------------------------
    out.append(Probe("r13: a notebook whose Markdown cells hold 10⁴ question paragraphs (1667 with a claim)",
                     ("verify", "{d}/h.ipynb", "--spec", "{d}/s.toml", "--json"),
                     {"s.toml": S2, "h.ipynb": _colab(["\n\n".join(
                         f"**Q{c * 20 + k}:** " + ("$\\delta^{(2)} = \\hat y - y$" if (c * 20 + k) % 6 == 0 else "explain.")
                         for k in range(20)) for c in range(500)] + [d2])}, (0, 1), right))
    given = ("[values]\nx = [0.5, -1.0]\ny = [0.2, 0.7]\nW1 = [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]]\nb1 = [0.0, 0.1, 0.2]\n"
             "W2 = [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]\nb2 = [0.1, 0.1]\n")
    out.append(Probe("r13: answers TOML: 1990 claims each carrying numbers", ("verify", "{d}/a.toml", "--json"),
                     {"s.toml": S2, "a.toml": answers([(f"c{k}", f"\\delta^{{(2)}}_1 = \\hat y_1 - y_1 = {k / 1000:.4f} - 0.2 "
                                                        f"= {k / 1000 - 0.2:.4f}") for k in range(1990)], extra=given)},
                     (0, 1)))
    out.append(Probe("r13: answers TOML: 10⁴ claims each carrying numbers", ("verify", "{d}/a.toml", "--json"),
                     {"s.toml": S2, "a.toml": answers([(f"c{k}", f"z^{{(1)}}_1 = {k}.5 \\cdot 0.1 + {k}.25 = {k * 0.05 + k + 0.25:.4f}")
                                                       for k in range(10000)], extra=given)}, (2,), says="a.toml"))
    return out


def round_fourteen() -> list[Probe]:
    """Round fourteen (issue 12, fifteenth pass): what the fourteenth round added — equations side by side as rows
    ``line N.k`` (chainrows.side_by_side), ℓ as the whole objective (lossname.ell_is_the_objective, ``ell =
    "objective"``), functions defined by a quantity's letter (funcdef: ``a(x) = \\frac{1}{1+e^{-x}}``, ``f(x; θ)``), layers
    as bare digits after ∂ (digitlayers), weights given transposed and x typed as a list (givenorientation), and
    document.py's fences (```math, indented, ```{r}), ``\\\\$…$`` inline math and ``**Q1:**`` paragraphs — as an attacker
    (size, nesting, repetition, unicode, unclosed constructs) and as an unlucky user (valid, unusual: right verdicts)."""
    out: list[Probe] = []
    d2, right = D2_TAGGED, {"d2": {"correct"}}
    maybe = {"d2": {"correct", "unchecked"}}
    md = _document_probes(out, "r14: ")
    sig = spec(layer(3, '"sigmoid"') + layer(1, '"sigmoid"'), loss="binary_cross_entropy")
    reg = S2 + '\n[regularization]\nname = "l2"\nlambda = 0.01\n'

    # -- chainrows.side_by_side: displays split at \quad, ,\quad, \qquad ------------------------------------------------------
    md("side by side: one display of 10⁴ equations joined by , \\quad (past MAX_PARTS)",
       "$$" + ", \\quad ".join(f"z_{{{k}}} = {k}" for k in range(10000)) + "$$\n\n" + d2, verdicts=right)
    md("side by side: 199 distinct equations joined by \\qquad (just under MAX_PARTS)",
       "$$" + " \\qquad ".join(f"\\delta^{{(2)}} = \\hat y - y + {k} - {k}" for k in range(199)) + " \\tag{row}$$\n\n" + d2,
       verdicts={"d2": {"correct"}, "row": {"correct", "unchecked"}})
    md("side by side: 1990 displays of two equations each (3980 rows line N.k)",
       "".join(f"$$\\delta^{{(2)}} = \\hat y - y + {k} - {k}, \\quad \\delta^{{(2)}} = \\hat y - y$$\n\n" for k in range(1990)),
       (0, 1, 2))
    md("side by side: \\qquad inside braces nested 10⁴ deep, and 10⁵ \\quad with no equation",
       "$$\\delta^{(2)} = " + "{\\qquad " * 10000 + "\\hat y - y" + "}" * 10000 + " \\quad a = b$$\n\n$$"
       + "\\quad " * 100000 + "$$\n\n$$" + "\\qquad" * 50000 + "=" * 10 + "$$\n\n" + d2, verdicts=right)
    md("side by side: \\text{and} 10⁴ times, \\quad \\text{and} \\quad alternating",
       "$$" + " \\quad \\text{and} \\quad ".join(["\\delta^{(2)} = \\hat y - y"] * 150) + "$$\n\n$$a = b"
       + " \\text{and} " * 10000 + "$$\n\n" + d2, verdicts=right)
    # -- lossname: ℓ the whole objective ------------------------------------------------------------------------------------------
    md("ell objective: 1990 definitions of \\mathcal{L} each with a norm and λ, then its gradient",
       "".join(f"$$\\mathcal{{L}} = \\frac{{1}}{{2}} \\| \\hat y - y \\|^2 + \\frac{{\\lambda}}{{2}} \\sum_l \\| W^{{(l)}} "
               f"\\|_F^2 + {k} - {k}$$\n\n" for k in range(1990)) + d2, spec_text=reg, verdicts=maybe)
    md("ell objective: \\| 10⁵ times and \\lVert unclosed 10⁴ times in ℓ's definition",
       "$$\\mathcal{L} = " + "\\| " * 100000 + "$$\n\n$$\\ell = \\frac{1}{2}" + "\\lVert " * 10000 + "\\hat y - y$$\n\n"
       "$$\\ell(" + "(" * 5000 + "x" + ")" * 5000 + ") = \\lambda$$\n\n" + d2, spec_text=reg, verdicts=maybe)
    out.append(Probe("r14: ell objective: answers TOML with [notation] ell = \"objective\" and 1990 claims",
                     ("verify", "{d}/a.toml", "--json"),
                     {"s.toml": reg, "a.toml": answers([("d2", DELTA2)] + [(f"c{k}", "\\frac{\\partial \\ell}{\\partial W^{(2)}} = "
                                                        f"\\delta^{{(2)}} {{h^{{(1)}}}}^\\top + \\lambda W^{{(2)}} + {k} - {k}")
                                                       for k in range(1990)], extra='[notation]\nell = "objective"\n')},
                     (0, 1, 2), {"d2": {"correct", "unchecked"}}))
    # -- funcdef: a(x) = \frac{1}{1+e^{-x}}, f(x; θ) -------------------------------------------------------------------------------
    md("function definitions: 990 distinct a(x) = … chains, and a(x) nested 10⁴ deep (990 × 2 links: within the 2000 parts)",
       "".join(f"$$a(x) = \\frac{{1}}{{1+e^{{-x}}}} = \\frac{{e^x}}{{1+e^x}} + {k} - {k}$$\n\n" for k in range(990))
       + "$$a(x) = " + "a(" * 10000 + "x" + ")" * 10000 + "$$\n\n$$\\delta^{(2)} = \\hat y - y \\tag{d2}$$\n\n",
       spec_text=sig, verdicts=right)
    md("function definitions: circular a(x) = h(x), h(x) = a(x), a(x) = a(a(x)), 1000 times",
       "".join(f"$$a(x) = h(x) + {k} - {k}$$\n\n$$h(x) = a(x)$$\n\n$$a(x) = a(a(x))$$\n\n$$a(x) = \\frac{{1}}{{1+e^{{-a(x)}}}}$$"
               "\n\n" for k in range(490)) + "$$\\delta^{(2)} = \\hat y - y \\tag{d2}$$\n\n", spec_text=sig, verdicts=right)
    md("function definitions: \\frac{1}{1+\\frac{1}{1+…}} 10⁴ deep, f(x; ;;;…) with 10⁵ semicolons",
       "$$a(x) = " + "\\frac{1}{1+" * 10000 + "e^{-x}" + "}" * 10000 + "$$\n\n$$\\hat y = f(x; " + "; " * 100000 + "W)$$\n\n"
       "$$f(x;" + " W, b" * 20000 + ") = \\hat y$$\n\n$$\\delta^{(2)} = \\hat y - y \\tag{d2}$$\n\n", spec_text=sig, verdicts=right)
    # -- digitlayers: ∂z^{2} read as ∂z^{(2)} ----------------------------------------------------------------------------------------
    paren = "$$z^{(1)} = W^{(1)} x + b^{(1)}$$\n\n"
    md("digit layers: \\partial z^{2} 10⁵ times in one claim, and 10⁵ unclosed z^{(",
       paren + "$$\\frac{\\partial J}{\\partial z^{2}} = " + " + ".join(["\\partial z^{2}"] * 20000) + "$$\n\n$$"
       + "z^{(" * 100000 + "$$\n\n" + d2, verdicts=right)
    md("digit layers: 1990 distinct claims ∂J/∂z^{d} with d up to 10⁹, and \\partial\\mathbf{ unclosed",
       paren + "".join(f"$$\\frac{{\\partial J}}{{\\partial z^{{{k * 500000 % 10 if k % 2 else 2}}}}} = \\hat y - y + {k} - {k}$$\n\n"
                       for k in range(1990)) + "$$\\partial \\mathbf{z^{2} " * 10 + "$$\n\n", verdicts={})
    # -- givenorientation: weights given transposed, x typed as a list ----------------------------------------------------------------
    col = "\\begin{pmatrix} " + " \\\\ ".join(" & ".join("0.1" for _ in range(2)) for _ in range(3)) + " \\end{pmatrix}"
    md("given orientation: 1990 claims using W^{(2)} given transposed (3×2), x as a list",
       f"$$W^{{(2)}} = {col}$$\n\nInput $x = [0.5, -1.0]$\n\n"
       + "".join(f"$$\\frac{{\\partial J}}{{\\partial W^{{(2)}}}} = \\delta^{{(2)}} h^{{(1)T}} + {k} - {k}$$\n\n" for k in range(1990))
       + d2, verdicts=maybe)
    md("given orientation: W^{(l)} for l up to 10¹⁸ given transposed, a 300×300 matrix",
       "".join(f"$$W^{{({10 ** (k % 19)})}} = {col}$$\n\n" for k in range(500))
       + "$$W^{(1)} = \\begin{pmatrix} " + " \\\\ ".join(" & ".join(["1"] * 300) for _ in range(300)) + " \\end{pmatrix}$$\n\n"
       + d2, verdicts=maybe)
    # -- document: fences, \\$…$, **Q1:** paragraphs ------------------------------------------------------------------------------
    md("fences: 2.5·10⁴ ```{r} blocks each holding $ and $$, then a claim",
       "```{r}\nx <- df$col; y <- \"$$\"\n```\n" * 25000 + "\n" + d2, verdicts=right)
    md("fences: 6·10⁴ unclosed ```{r} openers and ~~~ openers alternating",
       "".join("```{r, echo=FALSE}\n" if k % 2 else "~~~ python\n" for k in range(60000)) + "\n" + d2, verdicts=maybe)
    md("fences: ```math inside ```{r} inside ```math, indented 0–8 spaces, 10⁴ levels",
       "".join(" " * (k % 9) + ("```math\n" if k % 2 else "```{r}\n") for k in range(10000)) + "$\\delta^{(2)} = \\hat y - y$\n"
       + "```\n" * 10000 + d2, verdicts=maybe)
    md("inline math: \\\\$ 2·10⁵ times, and \\\\$…$ 1990 claims",
       "\\\\$ " * 200000 + "\n\n" + "".join(f"step {k}: \\\\$\\delta^{{(2)}} = \\hat y - y + {k} - {k}$\n\n" for k in range(1990)),
       (0, 1, 2))
    md("question paragraphs: 2.4·10⁴ **Qk:** paragraphs, labels up to Q10⁹⁰, unicode marks in labels",
       "".join(f"**Q{k * 10 ** (k % 90)}:** ok\n\n" for k in range(12000)) + "**Q\u200f1\u0301:** x\n\n" * 12000
       + "**Q1:** " + d2, verdicts={"d2": {"correct", "unchecked"}})
    md("question paragraphs: 1990 **Qk:** paragraphs each with a claim, under # headings",
       "".join(f"# Part {k}\n\n**Q{k}:** $\\delta^{{(2)}} = \\hat y - y + {k} - {k}$\n\n" for k in range(1990)), (0, 1, 2))
    # -- an unlucky user: valid but unusual input ------------------------------------------------------------------------------
    md("unlucky: a(x) = σ as a chain and beside another definition, d a(x)/dx (sigmoid network)",
       "$$a(x) = \\frac{1}{1+e^{-x}} = \\frac{e^x}{1+e^x} \\tag{chain}$$\n\n$$\\frac{d a(x)}{dx} = a(x)(1 - a(x)) \\tag{da}$$\n\n"
       "$$a(x) = \\frac{1}{1+e^{-x}}, \\qquad a(y) = \\frac{1}{1+e^{-y}} \\tag{two}$$\n\n$$\\delta^{(2)} = \\hat y - y \\tag{d2}$$\n\n",
       spec_text=sig, verdicts={"chain": {"correct"}, "da": {"correct"}, "two": {"correct"}, "d2": {"correct"}})
    md("unlucky: ℓ = ½‖ŷ − y‖² (a norm, no penalty) beside J's penalty: ∂ℓ/∂W^{(2)} without λW",
       "$$\\mathcal{L} = \\frac{1}{2} \\| \\hat{y} - y \\|^2 \\tag{def}$$\n\n$$J = \\mathcal{L} + \\frac{\\lambda}{2} \\sum_l "
       "\\| W^{(l)} \\|_F^2 \\tag{j}$$\n\n$$\\frac{\\partial \\mathcal{L}}{\\partial W^{(2)}} = \\delta^{(2)} h^{(1)T} \\tag{g}$$\n\n"
       + d2, spec_text=reg, verdicts={"def": {"correct"}, "g": {"correct"}, "d2": {"correct"}})
    md("unlucky: R Markdown: ```{r} with $ and $$, \\\\$ inline math, **Q1:** and an indented ```math fence",
       "---\ntitle: HW\noutput: html_document\n---\n\n```{r setup}\nlibrary(x); d$y <- 2; cat(\"$$\")\n```\n\n"
       "**Q1:** the output error is \\\\$\\delta^{(2)} = \\hat y - y$ here.\n\n- list\n  ```math\n  \\delta^{(2)} = \\hat y - y\n"
       "  ```\n\n" + d2, verdicts=right)
    md("unlucky: ∂z^{2} after ∂ with layers in parentheses elsewhere, and 1 - a^2 a square",
       paren + "$$\\frac{\\partial J}{\\partial z^{2}} = \\hat y - y \\tag{dz}$$\n\n" + d2,
       verdicts={"dz": {"correct"}, "d2": {"correct"}})
    md("unlucky: 𝓛 = ℓ(ŷ, y) + λ/2 Σ‖W‖² (𝓛 the objective, ℓ one example's loss), their gradients right and wrong",
       "$$\\mathcal{L} = \\ell(\\hat y, y) + \\frac{\\lambda}{2} \\sum_l \\| W^{(l)} \\|_F^2 \\tag{def}$$\n\n"
       "$$\\frac{\\partial \\ell}{\\partial W^{(2)}} = \\delta^{(2)} h^{(1)T} \\tag{gl}$$\n\n"
       "$$\\frac{\\partial \\mathcal{L}}{\\partial W^{(2)}} = \\delta^{(2)} h^{(1)T} + \\lambda W^{(2)} \\tag{gL}$$\n\n"
       "$$\\frac{\\partial \\ell}{\\partial W^{(2)}} = \\delta^{(2)} h^{(1)T} + \\lambda W^{(2)} \\tag{bad}$$\n\n" + d2,
       spec_text=reg, verdicts={"def": {"correct"}, "gl": {"correct"}, "gL": {"correct"}, "bad": {"incorrect"},
                                "d2": {"correct"}})
    md("unlucky: '# Q2: …' commented in a Python cell inside Q1's answer, then ## Q2 (ids by question)",
       "## Q1\n\n$$\\delta^{(2)} = \\hat y - y$$\n\n```python\n# Q2: the gradient, numerically\ng = 1\n```\n\n"
       "$$\\frac{\\partial J}{\\partial b^{(2)}} = \\delta^{(2)}$$\n\n## Q2\n\n$$\\frac{\\partial J}{\\partial b^{(2)}} = "
       "2 \\delta^{(2)}$$\n\n", verdicts={"Q1.1": {"correct"}, "Q1.2": {"correct"}, "Q2.1": {"incorrect"}})
    md("unlucky: δ = ŷ − y ⟹ ∂J/∂b = 2δ, \\quad ∂J/∂b = δ (rows across an implication)",
       "$$\\delta^{(2)} = \\hat y - y \\implies \\frac{\\partial J}{\\partial b^{(2)}} = 2\\delta^{(2)}, \\quad "
       "\\frac{\\partial J}{\\partial b^{(2)}} = \\delta^{(2)}$$\n\n", verdicts={"line 1": {"incorrect"}})
    md("fences: 1990 code blocks each holding '# Q{k}' between 1990 question headings with a claim each",
       "".join(f"## Q{k}\n\n$\\delta^{{(2)}} = \\hat y - y + {k} - {k}$\n\n```{{r}}\n# Q{k + 1}\n**Q{k + 2}:** x\n```\n\n"
               for k in range(1, 1991)), (0, 1, 2))
    return out


#: a one-weight network (w x, no bias) under an optimizer: what a walk-through (verify/walkthrough.py) is read for
def _one_weight(optimizer: str) -> str:
    extra = {"momentum": "momentum = 0.9\n", "sgd": "",
             "adam": 'beta1 = 0.9\nbeta2 = 0.999\nepsilon = 1e-8\nepsilon_placement = "inside"\n'}[optimizer]
    return ('name = "w"\nconvention = "row"\ninputs = 1\n[[layers]]\nunits = 1\nactivation = "identity"\nbias = false\n'
            f'[loss]\nname = "sum_squared_error"\n[optimizer]\nname = "{optimizer}"\nlearning_rate = 0.1\n{extra}')


def _walk_answers(claims: list[tuple[str, str]]) -> str:
    """An answers TOML of a walk-through from w = 3 at x = 2, y = 10 (Max Gnesi's first point), each claim in ''' quotes."""
    body = "".join(f"[[claims]]\nid = \"{i}\"\nlatex = '''{t}'''\n" for i, t in claims)
    return f'spec = "s.toml"\nbatch = 1\n[values]\nx = [2]\ny = [10]\nW1 = [[3]]\n{body}'


#: momentum's first step from w = 3 (x = 2, y = 10): g = 2 (3·2 − 10)·2 = −16 by hand, v = −16, w = 3 + 1.6 = 4.6
MOMENTUM_STEP1 = [("g1", "2 × (-4) × 2 = -16"), ("v1", "v = 0.9 × 0 + (-16) = -16"), ("w1", "w = 3 - (0.1 × -16) = 4.6")]
#: Adam's first step from the same point: m = −1.6, v = 0.256, m̂ = −16, v̂ = 256, w = 3.1 (by hand)
ADAM_STEP1 = [("g1", "2 × (-4) × 2 = -16"), ("m1", "m = 0.9 × 0 + 0.1 × (-16) = -1.6"),
              ("v1", "v = 0.999 × 0 + 0.001 × (-16)² = 0.256"), ("w1", "w = 3 + 1.6 / 16 = 3.1")]


def round_fifteen() -> list[Probe]:
    """Round fifteen (issue 12, sixteenth pass): what the fifteenth round added — optimizer walk-throughs over K steps
    (walkthrough), units named in/out (inoutnames), one output's terms of the objective (outputterms), an answer's own
    objective (ownobjective), an operator the prose defines (proseoperators), a calculus example in the answer's own
    letters (calculusexample), f(x) as the prediction and a letter defined as the logistic function (funcdef),
    ``{a \\over b}``, document.py's ids (equation rows split by ``\\\\``, rows going on with ``+``, Problem/Exercise/Task
    read as Q by a rubric) and a dropout mask inside a layer's formula (judge._masks_its_own_layers) — as an attacker
    (size, nesting, repetition, unicode, unclosed constructs) and as an unlucky user (valid, unusual: right verdicts)."""
    out: list[Probe] = []
    right = {"d2": {"correct"}}
    maybe = {"d2": {"correct", "unchecked"}}
    md = _document_probes(out, "r15: ")
    answers_run = ("verify", "{d}/a.toml", "--json")

    def walk(pid: str, optimizer: str, claims, verdicts=None, codes=(0, 1)) -> None:
        out.append(Probe("r15: " + pid, answers_run, {"s.toml": _one_weight(optimizer), "a.toml": _walk_answers(claims)},
                         codes, verdicts or {}))

    # -- walkthrough: later steps, their gradients, digit subscripts, huge numbers ----------------------------------------
    walk("walkthrough: 995 chains with no subject, then 995 values of step 2 (each tried with the nearest gradients)",
         "momentum", MOMENTUM_STEP1 + [(f"c{k}", f"2 × (-0.{k % 9 + 1}) × 1 = -{2 * (k % 9 + 1) / 10:.1f}") for k in range(995)]
         + [(f"val{k}", f"v = 0.9 × (-16) + (-0.{k % 7 + 1}) = -{14.4 + (k % 7 + 1) / 10:.1f}") for k in range(995)],
         {"v1": {"correct"}, "w1": {"correct"}})
    steps, w, v = [], 4.6, -16.0
    for k in range(660):  # 660 momentum steps, each worked right with the gradient -0.8 written before it
        vn = float(f"{0.9 * v - 0.8:.6g}")
        wn = float(f"{w - 0.1 * vn:.6g}")
        steps += [(f"g{k}s", "2 × (-0.4) × 1 = -0.8"), (f"v{k}s", f"v = 0.9 × ({v:.6g}) + (-0.8) = {vn:.6g}"),
                  (f"w{k}s", f"w = {w:.6g} - (0.1 × {vn:.6g}) = {wn:.6g}")]
        w, v = wn, vn
    walk("walkthrough: 660 momentum steps worked right (1983 claims, step K up to 661)", "momentum", MOMENTUM_STEP1 + steps,
         {"w1": {"correct"}, "v0s": {"correct"}, "w330s": {"correct", "unchecked"}, "w659s": {"correct", "unchecked"}})
    walk("walkthrough: digit subscripts v_{999}, w_{(100000)}, t = 10^9, 400-digit numbers, 10⁴ nested parentheses",
         "momentum", MOMENTUM_STEP1 + [
             ("s999", "v_{999} = 0.9 × (-16) + (-0.8) = -15.2"), ("s5", "w_{5} = 4.6 - (0.1 × -15.2) = 6.12"),
             ("big", "w_{(100000)} = 4.6 - (0.1 × -15.2) = 6.12"), ("t", "t = 1000000000"),
             ("huge", f"v = 0.9 × (-16) + (-{'9' * 400}) = -{'9' * 400}"),
             ("deep", "w = 4.6 - " + "(" * 10000 + "0.1 × -15.2" + ")" * 10000 + " = 6.12"),
             ("many", "v = " + " + ".join(["0.9 × (-16)"] * 3000) + " = -43200")], {"w1": {"correct"}})
    walk("walkthrough: plain-word rules 1990 times (v_new, v_old, gradient, m̂) and one of 10⁵ words", "adam",
         ADAM_STEP1 + [(f"r{k}", "m_new = β₁ × m_old + (1-β₁) × gradient" + f" + {k} - {k}") for k in range(1990)]
         + [("long", "v_new = " + " + ".join(["v_old"] * 20000) + " + gradient")], {"m1": {"correct"}})
    # an unlucky user: a wrong β in the bias correction, a gradient of 10¹⁶⁰ beside a step whose gradient is unwritten
    walk("walkthrough: m̂ after step 2 written with β₁ = 0.8, (1 - 0.8²): incorrect (one unit of 0.8 is 0.9)", "adam",
         ADAM_STEP1 + [("g2", "2 × (-1.9) × 1 = -3.8"), ("m2", "m = 0.9 × (-1.6) + 0.1 × (-3.8) = -1.82"),
                       ("right", "m̂ = -1.82 / (1 - 0.9²) = -1.82 / 0.19 = -9.58"), ("beta", "m̂ = -1.82 / (1 - 0.8²)")],
         {"m2": {"correct"}, "right": {"correct"}, "beta": {"incorrect"}})
    walk("walkthrough: the only number before step 2 a gradient of 2·10¹⁶⁰ (its step overflows): m, v unchecked",
         "adam", ADAM_STEP1 + [("g2", f"2 × 1{'0' * 160} = 2{'0' * 160}"),
                               ("m2", "m = 0.9 × (-1.6) + 0.1 × (-3.8) = -1.82"),
                               ("v2", "v = 0.999 × 0.256 + 0.001 × (-3.8)² = 0.270")],
         {"m2": {"unchecked"}, "v2": {"unchecked"}})
    # -- {a \over b} ------------------------------------------------------------------------------------------------------
    md("over: {1 \\over 2} nested 10⁴ deep, \\over chained 3·10⁴ times in one group, 3·10⁴ unbalanced {\\over",
       "$$\\delta^{(2)} = " + "{1 \\over " * 10000 + "2" + "}" * 10000 + "(\\hat y - y)$$\n\n$$a = {" + "x \\over " * 30000
       + "y}$$\n\n$$b = " + "{\\over " * 30000 + "$$\n\n$$c = " + "\\over}" * 30000 + "$$\n\n" + D2_TAGGED, verdicts=right)
    md("over: 1990 distinct claims with \\over as \\frac's argument, a script, \\sqrt's",
       "".join(f"$$\\delta^{{(2)}} = \\frac{{{k + 1} \\over {k + 1}}}{{1}}(\\hat y - y)^{{2 \\over 2}} \\sqrt{{4 \\over 4}}$$\n\n"
               for k in range(1990)), (0, 1, 2))
    md("unlucky: \\frac{2 \\over 2}{1}(ŷ − y) (a fraction as \\frac's argument)",
       "$$\\delta^{(2)} = \\frac{2 \\over 2}{1}(\\hat y - y) \\tag{a}$$\n\n", verdicts={"a": {"correct"}})
    md("unlucky: (ŷ − y)^{2 \\over 2} and \\frac{1}{1 \\over 2}(ŷ − y) (right, then wrong)",
       "$$\\delta^{(2)} = (\\hat y - y)^{2 \\over 2} \\tag{a}$$\n\n$$\\frac{\\partial J}{\\partial b^{(2)}} = \\frac{1}{1 \\over 2}"
       "\\delta^{(2)} \\tag{b}$$\n\n", verdicts={"a": {"correct"}, "b": {"incorrect"}})
    # -- inoutnames, outputterms, ownobjective ---------------------------------------------------------------------------
    inout = spec(layer(4, '"tanh"') + layer(2, '"sigmoid"'), inputs=3)
    md("in/out names: 1990 distinct claims in h_{in_k}, o_{out_k}, w^2_{jk} with unit numbers up to 99",
       "$$h_{in} = W^{(1)} x, \\quad h_{out} = \\tanh(h_{in})$$\n\n" + "".join(
           f"$$\\frac{{\\partial o_{{in_{k % 99 + 1}}}}}{{\\partial w^2_{{{k % 9 + 1}{k % 7 + 1}}}}} = "
           f"h_{{out_{k % 9 + 1}}} + {k} - {k}$$\n\n"
           for k in range(1990)), (0, 1, 2), spec_text=inout)
    md("in/out names: h_{in_{…}} nested 10⁴ deep, 10⁵ unclosed h_{in_, w^2_{ with 10⁴ digits",
       "$$h_{in} = W^{(1)} x, \\quad h_{out} = \\tanh(h_{in})$$\n\n$$a = " + "h_{in_{" * 10000 + "1" + "}}" * 10000 + "$$\n\n$$"
       + "h_{in_ " * 100000 + "$$\n\n$$w^2_{" + "1" * 10000 + "} = o_{out_1}$$\n\n" + "$$\\delta^{(2)} = (\\hat y - y) \\odot "
       "\\hat y \\odot (1 - \\hat y) \\tag{d2}$$\n\n", spec_text=inout, verdicts=maybe)
    md("output terms: E = E_1 + … + E_{9} and 1990 chain identities in E_k's terms (o_{out_k}, o_{in_k})",
       "$$h_{in} = W^{(1)} x, \\quad h_{out} = \\tanh(h_{in})$$\n\n$$E = " + " + ".join(f"E_{k}" for k in range(1, 10)) + "$$\n\n"
       + "".join(f"$$\\frac{{\\partial E_{k % 2 + 1}}}{{\\partial h_{{out_{k % 4 + 1}}}}} = \\frac{{\\partial E_{k % 2 + 1}}}"
                 f"{{\\partial o_{{out_{k % 2 + 1}}}}} \\frac{{\\partial o_{{out_{k % 2 + 1}}}}}{{\\partial h_{{out_{k % 4 + 1}}}}}"
                 f" + {k} - {k}$$\n\n" for k in range(1990)),
       (0, 1, 2), spec_text=spec(layer(4, '"tanh"') + layer(2, '"softmax"'), inputs=3, loss="cross_entropy"))
    md("own objective: L = Σ o_{out_k} (wrong) then 1990 claims writing L, and L defined 10⁴ times",
       "$$h_{in} = W^{(1)} x, \\quad h_{out} = \\tanh(h_{in})$$\n\n$$L = \\sum_{k=1}^2 o_{out_k}$$\n\n"
       + "".join(f"$$\\frac{{\\partial L}}{{\\partial o_{{out_1}}}} = {k + 1}$$\n\n" for k in range(1990))
       + "$$L = " + " = ".join(["o_{out_1}"] * 10000) + "$$\n\n", (0, 1, 2), spec_text=inout)
    # -- proseoperators, calculusexample, funcdef ------------------------------------------------------------------------
    md("prose operators: 'the symbol \\circledcirc means componentwise multiplication' 5000 times, 1990 claims using it",
       "where the symbol $\\circledcirc$ means componentwise multiplication. " * 5000 + "\n\n"
       + "".join(f"$$\\delta^{{(1)}} = (W^{{(2)T}} \\delta^{{(2)}}) \\circledcirc (1 - h^{{(1)2}}) + {k} - {k}$$\n\n"
                 for k in range(1990)) + "$$a = " + "\\circledcirc " * 20000 + "$$\n\n" + D2_TAGGED,
       verdicts=maybe)
    md("prose operators: all six symbols defined, each symbol 10⁴ times in one claim, \\star{ unclosed",
       " ".join(f"The symbol $\\{s}$ denotes the element-wise product." for s in ("circledcirc", "circledast", "boxdot",
                                                                                  "bullet", "star", "diamond")) + "\n\n"
       + "".join(f"$$a = {' '.join([chr(92) + s + ' b'] * 10000)}$$\n\n" for s in ("circledcirc", "bullet", "star"))
       + "$$\\star{" * 1000 + "\n\n" + D2_TAGGED, verdicts=maybe)
    md("calculus example: x = g(t) rows in 990 sections, t nested 10⁴ deep, a claim of 10⁵ t's",
       "".join(f"## Part {k}\n\n$$x = g(t), \\qquad y = t^{k % 9}$$\n\n$$\\frac{{dz}}{{dt}} = {k}$$\n\n" for k in range(990))
       + "## Last\n\n$$x = " + "g(" * 10000 + "t" + ")" * 10000 + "$$\n\n$$" + " t" * 100000 + " = 1$$\n\n## Net\n\n"
       + D2_TAGGED, verdicts=maybe)
    md("unlucky: a chain-rule interlude (x = e^t, y = t^2) before the network's claims under their own heading",
       "## Interlude: the chain rule\n\n$$z = \\sin(x^2 + y^2), \\qquad x = e^t, \\qquad y = t^2$$\n\n$$\\frac{dz}{dt} = "
       "\\cos(x^2 + y^2)(2x e^t + 2y \\cdot 2t) \\tag{i}$$\n\n## Backpropagation\n\n" + D2_TAGGED
       + "$$\\frac{\\partial J}{\\partial b^{(2)}} = 2\\delta^{(2)} \\tag{b}$$\n\n",
       verdicts={"i": {"unchecked"}, "d2": {"correct"}, "b": {"incorrect"}})
    sig = spec(layer(3, '"sigmoid"') + layer(1, '"sigmoid"'), loss="binary_cross_entropy")
    md("prediction letter: l(f(x), y) with f(x) 3·10⁴ times, f( unclosed 10⁵ times, 1990 claims in f(x)",
       "$$L = l(f(x), y)$$\n\n$$a = " + " + ".join(["f(x)"] * 30000) + "$$\n\n$$" + "f(" * 100000 + "$$\n\n"
       + "".join(f"$$\\frac{{\\partial l}}{{\\partial f(x)}} = f(x) - y + {k} - {k}$$\n\n" for k in range(1990))
       + "$$\\delta^{(2)} = \\hat y - y \\tag{d2}$$\n\n", spec_text=sig, verdicts=maybe)
    md("logistic letter: \\theta(x) = \\frac{1}{1+e^{-x}} after 10⁵ '=', 1990 definitions of s(x)",
       "$$\\theta(x) = " + "= " * 100000 + "\\frac{1}{1+e^{-x}}$$\n\n" + "".join(
           f"$$s(x) = \\frac{{1}}{{1+e^{{-x}}}} = \\frac{{1}}{{1+e^{{-x}}}} + {k} - {k}$$\n\n" for k in range(1990))
       + "$$\\delta^{(2)} = \\hat y - y \\tag{d2}$$\n\n", spec_text=sig, verdicts=maybe)
    md("unlucky: l(f(x), y) with f(x) the prediction, and θ(x) = 1/(1+e^{-x}) with θ'(x) = θ(1 − θ)",
       "$$\\ell = l(f(x), y)$$\n\n$$\\frac{\\partial \\ell}{\\partial z^{(2)}} = f(x) - y \\tag{a}$$\n\n"
       "$$\\theta(x) = \\frac{1}{(1 + e^{-x})}$$\n\n$$\\frac{d}{dx}\\theta(x) = \\theta(x)(1 - \\theta(x)) \\tag{t}$$\n\n"
       "$$\\frac{d}{dx}\\theta(x) = \\theta(x)(1 + \\theta(x)) \\tag{u}$$\n\n",
       spec_text=sig, verdicts={"a": {"correct"}, "t": {"correct"}, "u": {"incorrect"}})
    # -- document: equation rows split by \\, rows going on with +&, Problem/Exercise/Task as Q --------------------------
    md("equation rows: \\begin{equation} of 1990 rows split by \\\\, and 10⁴ rows going on with +&",
       "\\begin{equation} " + " \\\\ ".join(f"z_{{{k}}} = {k}" for k in range(1990)) + " \\end{equation}\n\n"
       "\\begin{align} a &= 1 \\\\ " + " \\\\ ".join("+& 1" for _ in range(10000)) + " \\end{align}\n\n"
       "\\begin{equation}\\delta^{(2)} = \\hat y - y \\label{d2}\\end{equation}\n", verdicts=right, name="h.tex")
    md("equation rows: 1990 align environments of two rows each, rows going on with + and - alternately",
       "".join(f"\\begin{{align}} \\delta^{{(2)}} &= \\hat y - y + {k} \\\\ {'+' if k % 2 else '-'}& {k} - {k} \\end{{align}}\n\n"
               for k in range(1990)), (0, 1, 2), name="h.tex")
    md("unlucky: \\begin{equation} a = b \\\\ c = d \\end{equation} rows and a sum going on with +& (line ids)",
       "\\begin{equation}\n\\delta^{(2)} = \\hat y - y \\\\\n\\frac{\\partial J}{\\partial b^{(2)}} = 2 \\delta^{(2)}\n"
       "\\end{equation}\n\n\\begin{align}\nJ &= \\frac{1}{2} \\| \\hat y - y \\|^2 \\\\\n&+ 0\n\\end{align}\n",
       verdicts={"line 2.1": {"correct"}, "line 3.2": {"incorrect"}, "line 7": {"correct"}}, name="h.tex")
    both = ("## Problem 1\n\n$$\\delta^{(2)} = \\hat y - y$$\n\n## Q1\n\n$$\\delta^{(2)} = 2(\\hat y - y)$$\n\n"
            "## Exercise 2\n\n$$\\frac{\\partial J}{\\partial b^{(2)}} = \\delta^{(2)}$$\n\n## Task 3\n\n"
            "$$\\frac{\\partial J}{\\partial b^{(2)}} = 3\\delta^{(2)}$$\n\n")
    rubric = ('[[questions]]\nid = "Q1"\npoints = 1\nexpects = ["Q1"]\n[[questions]]\nid = "P1"\npoints = 1\n'
              'expects = ["Problem1"]\n[[questions]]\nid = "Q2"\npoints = 1\nexpects = ["Q2"]\n[[questions]]\nid = "Q3"\n'
              'points = 1\nexpects = ["Q3.1"]\n')
    out.append(Probe("r15: unlucky: a rubric naming Q1 and Problem1 of a document with ## Problem 1 and ## Q1 (ids after the alias)",
                     ("verify", "{d}/subs", "--spec", "{d}/s.toml", "--rubric", "{d}/r.toml", "--summary", "{d}/g.csv"),
                     {"s.toml": S2, "r.toml": rubric, "subs/a.md": both}, (0,),
                     after=_grades_are({"Q1": 0.0, "P1": 1.0, "Q2": 1.0, "Q3": 0.0})))
    many = "".join(f"## {('Problem', 'Exercise', 'Task')[k % 3]} {k}\n\n$$\\delta^{{(2)}} = \\hat y - y + {k} - {k}$$\n\n"
                   for k in range(1990))
    rubric_many = "".join(f'[[questions]]\nid = "q{k}"\npoints = 1\nexpects = ["Q{4 * k}", "Q{4 * k + 1}.1", "Z{k}", '
                          f'"Problem{4 * k + 2}"]\n' for k in range(500))
    out.append(Probe("r15: question alias: 1990 Problem/Exercise/Task sections graded by a rubric of 2000 Q ids",
                     ("verify", "{d}/subs", "--spec", "{d}/s.toml", "--rubric", "{d}/r.toml", "--summary", "{d}/g.csv"),
                     {"s.toml": S2, "r.toml": rubric_many, "subs/a.md": many}, (0, 2)))  # (2: past --total-time,
    # 24 s by default, at load ~10 the 1990 claims' judging alone takes 14–20 s: the documented whole-run budget)
    # -- judge._masks_its_own_layers: a dropout mask inside a weighted layer's formula -----------------------------------
    drop = spec(layer(3, '"relu"') + '[[layers]]\nkind = "dropout"\np = 0.5\n' + layer(2, '"identity"'))
    md("dropout mask: Z_{l+1} = W_{l+1}(A_l * D_l)/keep_prob 1990 times, letters a–z, A_l * D_l 10⁴ times in one claim",
       "".join(f"$$Z_{{{chr(97 + k % 26)}+1}} = \\frac{{W_{{{chr(97 + k % 26)}+1}}(A_{chr(97 + k % 26)} * D_{chr(97 + k % 26)})}}"
               f"{{keep\\_prob}} + B_{{{chr(97 + k % 26)}+1}} + {k} - {k}$$\n\n" for k in range(1990))
       + "$$a = " + " * ".join(["A_l * D_l"] * 10000) + "$$\n\n" + D2_TAGGED, verdicts=maybe, spec_text=drop)
    return out


def _beta_spec(beta2: str) -> str:
    return _one_weight("adam").replace("beta2 = 0.999", f"beta2 = {beta2}")


def round_sixteen() -> list[Probe]:
    """Round sixteen (issue 12, seventeenth pass): what the sixteenth round added — MathJax 2 ``<script
    type="math/tex">`` blocks, ``\\displaylines`` and ``\\text{and}`` rows, kramdown ``$$`` spans, code-span givens
    (``document.stated_numbers``), normalize's new patterns (``_GROUPED_DIFFERENTIAL``, ``_BRACED_LETTER``,
    ``_BARE_RATE``, ``_MEAN_GRADIENT``), walk-throughs' ``w_new``/``Iteration K:``/step subscripts, the 0.2 % floor of
    rounded numbers, and β one unit below 1 — as an attacker (size, nesting, repetition, unclosed constructs) and as an
    unlucky user (valid, unusual: right verdicts)."""
    out: list[Probe] = []
    right = {"d2": {"correct"}}
    md = _document_probes(out, "r16: ")
    answers_run = ("verify", "{d}/a.toml", "--json")
    script, inline = '<script type="math/tex; mode=display">', '<script type="math/tex">'

    # -- MathJax 2 script blocks ------------------------------------------------------------------------------------
    md("mathjax: 22000 unclosed display script openers", D2_TAGGED + (script + "x = 1\n") * 22000, verdicts=right)
    md("mathjax: 40000 unclosed inline script openers on one line", D2_TAGGED + inline * 40000, verdicts=right)
    md("mathjax: 1900 script blocks nested in script blocks", D2_TAGGED + (script + inline + "a=1</script></script>\n") * 1900,
       verdicts=right)
    md("mathjax: the claim in a display script block with a CDATA wrapper",
       script + "<![CDATA[\\delta^{(2)} = \\hat y - y \\tag{d2}]]></script>\n", verdicts={"d2": {"correct", "unchecked"}})
    md("unlucky: the claim in a display script block", script + "\\delta^{(2)} = \\hat y - y \\tag{d2}</script>\n",
       codes=(0,), verdicts=right)
    # -- \displaylines, \text{and} rows, kramdown $$ spans ----------------------------------------------------------
    md("displaylines: 1900 unclosed displays then 20000 unclosed \\displaylines{", D2_TAGGED + "$$\\displaylines{" * 1900
       + "\n\n" + "\\displaylines{" * 20000, verdicts=right)
    md("text{and}: 30000 connective rows in one display (past the equation limit: refused)",
       D2_TAGGED + "$$" + " a = 1 \\\\ \\text{and} \\\\" * 30000 + "$$", codes=(2,), says="more than 2000 equations")
    md("text{and}: 1500 connective rows between right claims", "$$" + " \\\\ \\text{and} \\\\ ".join(
       ["\\delta^{(2)} = \\hat y - y"] * 1500) + "$$\n\n" + D2_TAGGED, verdicts=right)
    md("kramdown: 70000 inline $$a$$ spans (past the equation limit: refused)", D2_TAGGED + "text $$a$$ " * 70000,
       codes=(2,), says="more than 2000 equations")
    # -- code-span givens ---------------------------------------------------------------------------------------------
    md("givens: 40000 code spans `xN = 111111`", D2_TAGGED + "".join(f"`x{i} = 111111` " for i in range(40000)),
       verdicts=right)
    md("givens: code spans with 1e99999, 10^5000 and 5000-digit numbers", D2_TAGGED + "`a = 1e99999` `b = "
       + "9" * 5000 + "` `c = -0." + "1" * 5000 + "` " * 50, verdicts=right)
    # -- normalize's new patterns pumped inside one display (each claim is at most 4000 characters) --------------------
    for name, unit in (("_MEAN_GRADIENT", "\\overline{dw_{"), ("_GROUPED_DIFFERENTIAL", "}{ {"), ("_BRACED_LETTER", "{a}"),
                       ("_BARE_RATE", " alpha"), ("step subscript", "w_{(9999999999)}")):
        md(f"normalize {name}: {unit!r} × 60000 in one display", D2_TAGGED + "$$ w = " + unit * 60000 + "$$",
           verdicts=right)
        md(f"normalize {name}: 1900 claims of {unit!r} × 200", D2_TAGGED + f"$$ w = {unit * 200} $$\n" * 1900,
           verdicts=right)

    # -- walk-throughs: w_new, Iteration K:, step subscripts, the 0.2 % floor, β one unit below 1 -----------------------
    def walk(pid: str, optimizer: str, claims, verdicts=None, codes=(0, 1), spec_text=None) -> None:
        out.append(Probe("r16: " + pid, answers_run, {"s.toml": spec_text or _one_weight(optimizer),
                                                       "a.toml": _walk_answers(claims)}, codes, verdicts or {}))

    walk("walkthrough: 1990 'Iteration K:' lines with K up to 10^30", "momentum", MOMENTUM_STEP1
         + [(f"it{k}", f"Iteration {10 ** (k % 31)}: w = 4.6") for k in range(1990)], {"w1": {"correct"}})
    walk("walkthrough: step subscripts w_{K} with K of 30 digits and w_{(K)}", "momentum", MOMENTUM_STEP1
         + [("big", "w_{" + "9" * 30 + "} = 4.6"), ("paren", "w_{(" + "9" * 3000 + ")} = 4.6")],
         {"w1": {"correct"}, "big": {"unchecked"}, "paren": {"unchecked"}})
    walk("unlucky: walkthrough w_new = 3 - (0.1 × -16) = 4.6 and a wrong 1-digit value 4", "momentum", MOMENTUM_STEP1
         + [("new", "w_new = 3 - (0.1 × -16) = 4.6"), ("one", "w = 3 - (0.1 × -16) = 4")],
         {"new": {"correct"}, "one": {"incorrect"}})
    walk("unlucky: Adam with beta2 = 1 - 2^-53 (0.9999999999999999): read, step 1 judged", "adam", ADAM_STEP1[:2]
         + [("w1", "w = 3 + 1.6 / 16 = 3.1"), ("w1x", "w = 3 + 1.6 / 8 = 3.2")], {"w1": {"correct"}, "w1x": {"incorrect"}},
         codes=(1,), spec_text=_beta_spec("0.9999999999999999"))
    out.append(Probe("r16: unlucky: Adam with beta2 = 1 - 1e-17 (rounds to 1.0): refused naming optimizer.beta2",
                     ("derive", "{d}/s.toml", "--no-pdf"), {"s.toml": _beta_spec("0.99999999999999999")}, (2,),
                     says="beta2"))
    return out


def _conv_rows(n: int, k: int) -> str:
    """A convolution by hand (zxRobot's LeNet notes): an n×n input a, a k×k kernel w, one row z_{ij} = Σ a·w per output
    entry (single-digit indices: n ≤ 9), and the δ the answer defines."""
    m = n - k + 1
    rows = "".join("$$z_{%d%d}=" % (i, j) + "+".join("a_{%d%d}*w_{%d%d}" % (i + p, j + q, p + 1, q + 1) for p in range(k)
                                                      for q in range(k)) + "$$\n\n" for i in range(1, m + 1)
                   for j in range(1, m + 1))
    return rows + "$$\\delta^l=\\frac{\\partial C}{\\partial z^l}$$\n\n$$\\nabla a^l=\\frac{\\partial C}{\\partial a^l}$$\n\n"


def round_seventeen() -> list[Probe]:
    """Round seventeen (issue 12, eighteenth pass): what the seventeenth round added — colours.py (``\\color``,
    ``\\textcolor``), entryrows.py (scalar rows z_{kl} = Σ a·w), proseoperators' ``\\bigodot`` and Chinese prose,
    parser.chain_nodes (w_{i,i+1}, x_k), infer.own_numbered_deltas and own_bars, document.stated_numbers' givens in
    math, the Spread floor beside a given, normalize's Typora ``\\part``, Markdown ``\\_``, ``_GROUPED_SCRIPT``,
    ``_NUMBER_COLUMN``, ``_LOOSE_UNIT``, 𝟃 and σ’, ``$t=2$`` — as an attacker (size, nesting, repetition, white-space
    runs, unclosed constructs) and as an unlucky user (valid, unusual: right verdicts)."""
    out: list[Probe] = []
    right = {"d2": {"correct"}}
    maybe = {"d2": {"correct", "unchecked"}}
    md = _document_probes(out, "r17: ")
    # -- colours.py -----------------------------------------------------------------------------------------------------
    md("colours: 7·10⁴ unclosed {\\color{red}{ in one display", D2_TAGGED + "$$a = " + "{\\color{red}{" * 70000 + "$$\n\n",
       verdicts=right)
    md("colours: \\textcolor{red}{\\color{blue}{…}} nested 10⁴ deep, then 5·10⁴ \\textcolor{", D2_TAGGED + "$$a = "
       + "\\textcolor{red}{{\\color{blue}{" * 10000 + "w" + "}}}" * 10000 + "$$\n\n$$b = " + "\\textcolor{" * 50000 + "$$\n\n",
       verdicts=right)
    md("colours: 1000 wrong claims each with 40 coloured groups (each judged twice)", "".join(
        "$$\\delta^{(2)} = 2(\\hat y - y)" + " + {\\color{red}{0}}" * 40 + f" \\tag{{c{k}}}$$\n\n" for k in range(1000))
       + D2_TAGGED, verdicts={"d2": {"correct"}, "c0": {"incorrect", "unchecked"}})
    md("colours: 10⁴ \\color{} with 40-character colour names and 10⁴ \\colorbox, \\color without a group",
       D2_TAGGED + "$$a = " + "\\color{" + "r" * 40 + "} w " * 10000 + "\\colorbox{red}{w}" * 10000 + "\\color" * 10000 + "$$",
       verdicts=right)
    md("unlucky: a red factor that makes the claim wrong (unchecked), a highlight (correct), a wrong one with colour",
       "$$\\delta^{(2)} = {\\color{red}{3}} (\\hat y - y) \\tag{extra}$$\n\n"
       "$$\\delta^{(2)} = {\\color{red}{\\hat y - y}} \\tag{lit}$$\n\n"
       "$$\\delta^{(2)} = \\textcolor{blue}{\\hat y} - y \\tag{tc}$$\n\n"
       "$$\\delta^{(2)} = 2 {\\color{red}{(\\hat y - y)}} \\tag{two}$$\n\n",
       verdicts={"extra": {"unchecked"}, "lit": {"correct"}, "tc": {"correct"}, "two": {"incorrect"}})
    # -- entryrows.py ---------------------------------------------------------------------------------------------------
    md("entryrows: 400 rows z_{kl} = Σ a·w of 64 terms and 400 gradients by entries of 64 terms",
       "".join("$$z_{%d%d}=" % (k % 9 + 1, k // 9 % 9 + 1) + "+".join(f"a_{{{p % 9 + 1}{q % 9 + 1}}}*w_{{{q % 9 + 1}"
                                                                      f"{p % 9 + 1}}}" for p in range(8) for q in range(8))
               + "$$\n\n" for k in range(400))
       + "$$\\delta_{ij}=\\frac{\\partial C}{\\partial z_{ij}}$$\n\n"
       + "".join("$$\\frac{\\partial C}{\\partial a_{%d%d}}=" % (k % 9 + 1, k % 7 + 1)
                 + "+".join(f"\\delta_{{{p % 9 + 1}{q % 9 + 1}}}w_{{{q % 9 + 1}{p % 9 + 1}}}" for p in range(8)
                            for q in range(8)) + "$$\n\n" for k in range(400)), (0, 1, 2))
    md("entryrows: a convolution by hand, 9×9 input, 8×8 kernel (4 rows of 64 terms), a row of 10⁴ terms",
       _conv_rows(9, 8) + "$$z_{99}=" + "+".join(["a_{11}*w_{11}"] * 10000) + "$$\n\n"
       + "$$\\nabla a_{11}=\\delta_{11}w_{11}$$\n\n" + D2_TAGGED, verdicts=right)
    md("entryrows: 470 rows with 1990 spaces between the factors (white-space runs)",
       "".join("$$z_{%d%d} = a_{11}" % (k % 9 + 1, k % 8 + 1) + " " * 1990 + "x$$\n\n" for k in range(470))
       + "$$\\delta_{ij}=\\frac{\\partial C}{\\partial z_{ij}}$$\n\n" + D2_TAGGED, verdicts=right)
    md("entryrows: 450 δ/∇ definitions and ∂C/∂a claims with 1990 spaces before the failure",
       _conv_rows(3, 2) + "".join(("$$\\delta" + " " * 1990 + "x$$\n\n$$\\nabla a" + " " * 1990 + "x$$\n\n"
                                  "$$\\frac{\\partial C}{\\partial a_{11}}= \\delta_{11}" + " " * 1990 + "x$$\n\n")
                                  for _ in range(150)) + D2_TAGGED, verdicts=right)
    md("unlucky: a 3×3 convolution by a 2×2 kernel worked by hand, gradients by entries (right and wrong)",
       _conv_rows(3, 2) + "$$\\nabla a_{12}=\\delta_{11}w_{12}+\\delta_{12}w_{11} \\tag{ok}$$\n\n"
       "$$\\nabla a_{22}=\\delta_{11}w_{22}+\\delta_{12}w_{21}+\\delta_{21}w_{12} \\tag{miss}$$\n\n"
       "$$\\frac{\\partial C}{\\partial w_{11}}=a_{11}\\delta_{11}+a_{12}\\delta_{12}+a_{21}\\delta_{21}+a_{22}\\delta_{22}"
       " \\tag{w}$$\n\n",
       verdicts={"ok": {"correct"}, "miss": {"incorrect"}, "w": {"correct"}})
    # -- proseoperators: \bigodot and Chinese prose ---------------------------------------------------------------------
    md("prose operators: '$\\bigodot$表示矩阵逐元素相乘' 10⁴ times, \\bigodot 2·10⁴ times in one claim, 1900 claims",
       "其中$\\bigodot$表示矩阵逐元素相乘。" * 10000 + "\n\n" + "".join(
           f"$$\\delta^{{(1)}} = (W^{{(2)T}} \\delta^{{(2)}}) \\bigodot (1 - h^{{(1)2}}) + {k} - {k}$$\n\n" for k in range(1900))
       + "$$a = " + "\\bigodot " * 20000 + "$$\n\n" + D2_TAGGED, verdicts=maybe)
    md("prose operators: '$\\bigodot$ 是' + 10⁵ spaces and Chinese words without the product",
       "$\\bigodot$ 是" + " " * 100000 + "矩阵\n\n" + "$\\bigodot$表示" * 20000 + "\n\n" + D2_TAGGED, (0,), verdicts=right)
    md("unlucky: δ¹ = (W²ᵀδ²) \\bigodot σ'(z¹), '$\\bigodot$表示矩阵逐元素相乘' (right) and a wrong one",
       "其中$\\bigodot$表示矩阵逐元素相乘。\n\n$$\\delta^{(1)} = (W^{(2)T} \\delta^{(2)}) \\bigodot (1 - h^{(1)2}) \\tag{ok}$$\n\n"
       "$$\\delta^{(1)} = (W^{(2)T} \\delta^{(2)}) \\bigodot (1 + h^{(1)2}) \\tag{bad}$$\n\n",
       verdicts={"ok": {"correct"}, "bad": {"incorrect"}})
    # -- parser.chain_nodes, own_numbered_deltas -------------------------------------------------------------------------
    chain = spec(layer(1, '"identity"') * 3, inputs=1)
    md("chain nodes: w_{i,i+1} for i up to 10⁴, x_k with k of 5000 digits, 1900 claims",
       "$$x_0 = 1$$\n\n" + "".join(f"$$\\frac{{\\partial J}}{{\\partial w_{{{k},{k + 1}}}}} = x_{{{'9' * (k % 50 + 1)}}} + {k} - {k}$$\n\n"
                                   for k in range(1900)) + "$$a = x_{" + "9" * 5000 + "} + w_{9999,10000}$$\n\n",
       (0, 1, 2), spec_text=chain)
    md("own numbered deltas: δ_0 … δ_9 defined 1990 times over (each a long expression)",
       "".join(f"$$\\delta_{k % 10} = " + " + ".join(["w_{01} x_0"] * 30) + "$$\n\n" for k in range(1990)), (0, 1, 2),
       spec_text=chain)
    md("own numbered deltas: 240 definitions δ_1 with 3990 spaces before '='",
       "".join("$$\\delta_1" + " " * 3990 + "x$$\n\n" for _ in range(240)) + "$$\\delta_0 = x_3 - y$$\n\n", (0, 1, 2),
       spec_text=chain)
    md("unlucky: a chain of single units numbered from the input, δ_0 = x_3 - y, gradients by w_{23}, w_{12}",
       "$$x_1 = w_{01} x_0, \\quad x_2 = w_{12} x_1, \\quad x_3 = w_{23} x_2$$\n\n$$C = \\frac{1}{2}(x_3 - y)^2$$\n\n"
       "$$\\frac{\\partial C}{\\partial w_{23}} = (x_3 - y) x_2 \\tag{ok}$$\n\n"
       "$$\\frac{\\partial C}{\\partial w_{23}} = (x_3 - y) x_1 \\tag{bad}$$\n\n", (0, 1),
       spec_text=spec(layer(1, '"identity"') * 3, inputs=1, loss="squared_error"),
       verdicts={"ok": {"correct", "unchecked"}, "bad": {"incorrect", "unchecked"}})
    # -- barred targets (own_bars) ----------------------------------------------------------------------------------------
    md("own bars: 220 claims '\\bar y' + 3990 spaces, then \\bar{y} defined 10⁴ times in one claim",
       "".join("$$\\bar y" + " " * 3990 + "x$$\n\n" for _ in range(220)) + "$$\\bar{y} = " + "\\bar{y} = " * 10000 + "y$$\n\n"
       + D2_TAGGED, verdicts=right)
    # -- document.stated_numbers: givens in math -------------------------------------------------------------------------
    md("givens in math: 1990 inline $x_1 = 1$ spans, $x_1 = 1e99999$, $y = 9…9$ (300 digits), 10⁵ code spans",
       D2_TAGGED + "$x_1 = 1$ " * 1990 + "\n\n$x_1 = 1e99999$ $y = " + "9" * 300 + "$ $w = -0." + "1" * 300 + "$\n\n"
       + "`x = 1` " * 100000, (0,), verdicts=right)
    md("givens in math: 1990 inline spans '$x = 1' + 390 spaces + 'a$' (white-space runs)",
       D2_TAGGED + ("$x = 1" + " " * 390 + "a$\n") * 1990, (0,), verdicts=right)
    md("givens in math: 1990 bmatrix givens of 300 characters '1 & ' and unclosed \\begin{bmatrix}",
       D2_TAGGED + ("$W_1 = \\begin{bmatrix}" + "1 & " * 70 + "$\n") * 1990, (0,), verdicts=right)
    # -- normalize's new patterns pumped inside one display, and across many claims ---------------------------------------
    for name, unit in (("Typora \\part", "\\part "), ("Markdown \\_", "x\\_"), ("_GROUPED_SCRIPT", "\\delta{_2}"),
                       ("_NUMBER_COLUMN", "& - ( 1 ) "), ("_LOOSE_UNIT", "out_h1 "), ("math-alphanumeric 𝟃", "𝟃E/𝟃w"),
                       ("σ’ prime", "σ’(x)"), ("_EMPTY_ROW", "= \\cr ")):
        md(f"normalize {name}: {unit!r} × 60000 in one display", D2_TAGGED + "$$ w = " + unit * 60000 + "$$",
           verdicts=right)
        n = min(200, 900_000 // (1900 * len(unit.encode())))  # (under the 1 MB document limit)
        md(f"normalize {name}: 1900 claims of {unit!r} × {n}", D2_TAGGED + f"$$ w = {unit * n} $$\n" * 1900,
           verdicts=right)
    md("unlucky: \\part for ∂, δ{_2}, an equation number \\quad (3), 𝟃 and σ’ in right claims",
       "$$\\frac{\\part J}{\\part b^{(2)}} = \\hat y - y \\tag{part}$$\n\n"
       "$$\\delta{_2} = \\hat y - y \\quad (3) \\tag{grp}$$\n\n"
       "$$\\frac{𝟃J}{𝟃b^{(2)}} = \\hat y - y \\tag{bold}$$\n\n", spec_text=S2,
       verdicts={"part": {"correct"}, "grp": {"correct", "unchecked"}, "bold": {"correct"}})
    md("index values: $t=2$ … $t=999$ 10⁴ times, '$t = 2' + 3990 spaces, 1900 claims", D2_TAGGED
       + "".join(f"$t={k % 999}$ " for k in range(10000)) + "".join("$$t = 2" + " " * 3990 + "x$$\n\n" for _ in range(200)),
       verdicts=right)
    return out


def _notebook(cells: list, extra: dict | None = None) -> str:
    """A notebook of the given cells (each a dict, or Markdown text given as one string)."""
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, **(extra or {}),
                       "cells": [c if isinstance(c, dict) else {"cell_type": "markdown", "source": c, "metadata": {}}
                                 for c in cells]})


def _batch(n: int, hostile: dict) -> dict:
    """A class of n submissions (one folder each, a right δ² in answer.md), some replaced by hostile documents."""
    files = {f"subs/s{k:03d}/answer.md": D2_TAGGED for k in range(n)}
    files.update({f"subs/{name}/answer.md": text for name, text in hostile.items()})
    return files


def round_twenty() -> list[Probe]:
    """Round twenty (issue 12, twentieth pass): the nineteenth round's new code — Judge._with_rows and
    infer.objective_scale's rows (a definition of the objective in a \\qquad block, δ tied to it re-judged on both
    scales), premises.py (premise sections, one-layer-model headings, inline inequalities as conditions, MAX_PREMISES),
    the plain-text reader (bold labels, HTML comments, W[i]), unitnames' BareUnitReading, notebooks, headings as
    question ids, batch grading with hostile submissions — as an attacker and as an unlucky user."""
    out: list[Probe] = []
    right = {"d2": {"correct"}}
    md = _document_probes(out, "r20: ")
    obj = "L = \\|\\hat y - y\\|^2"
    # -- rows of \qquad blocks, the objective's scale ---------------------------------------------------------------------
    md("rows: one display of 10⁴ \\qquad rows, each defining L = ‖ŷ − y‖² (every row a definition off by 2)",
       D2_TAGGED + "$$" + " \\qquad ".join([obj] * 10000) + "$$\n\n", verdicts=right)
    md("rows: 1990 displays 'z = W x + b \\qquad L = ‖ŷ − y‖² · k', each a definition off by another factor",
       D2_TAGGED + "".join(f"$$z^{{(1)}} = W^{{(1)}} x + b^{{(1)}} \\qquad L = {k + 2}\\|\\hat y - y\\|^2$$\n\n"
                           for k in range(1990)), verdicts=right)
    md("rows: 60 derivatives beside 1900 rows L = ‖ŷ − y‖² (each scale vote judges up to 48 uses twice)",
       "$$" + " \\qquad ".join([obj] * 1900) + "$$\n\n" + "".join(
           f"$$\\frac{{\\partial L}}{{\\partial b^{{(2)}}}} = {1 + k % 3}(\\hat y - y) \\tag{{u{k}}}$$\n\n" for k in range(60))
       + D2_TAGGED, verdicts={"d2": {"correct", "unchecked"}})
    md("rows: \\qquad nested in braces 10⁴ deep and 10⁵ bare \\qquad", D2_TAGGED + "$$a = " + "{\\qquad " * 10000 + "b"
       + "}" * 10000 + "$$\n\n$$" + "\\qquad " * 100000 + "$$\n\n", verdicts=right)
    md("unlucky: L = ‖ŷ − y‖² in a \\qquad block, then δ on its scale (right), a δ wrong on both scales, a slip",
       "$$z^{(2)} = W^{(2)} h^{(1)} + b^{(2)} \\qquad \\hat y = z^{(2)} \\qquad L = \\|\\hat y - y\\|^2$$\n\n"
       "$$\\frac{\\partial L}{\\partial \\hat y} = 2(\\hat y - y) \\tag{own}$$\n\n"
       "$$\\frac{\\partial L}{\\partial b^{(2)}} = 3(\\hat y - y) \\tag{three}$$\n\n"
       "$$\\frac{\\partial L}{\\partial b^{(2)}} = 2(\\hat y + y) \\tag{sign}$$\n\n",
       verdicts={"own": {"correct", "unchecked"}, "three": {"incorrect", "unchecked"}, "sign": {"incorrect", "unchecked"}})
    md("unlucky: a tie (L = ‖ŷ − y‖², one derivative on each scale) and a δ tied to L wrong on both scales",
       "$$z^{(2)} = W^{(2)} h^{(1)} + b^{(2)} \\qquad L = \\|\\hat y - y\\|^2$$\n\n"
       "$$\\frac{\\partial L}{\\partial \\hat y} = 2(\\hat y - y) \\tag{own}$$\n\n"
       "$$\\frac{\\partial L}{\\partial b^{(2)}} = \\hat y - y \\tag{spec}$$\n\n"
       "$$\\frac{\\partial L}{\\partial W^{(2)}} = (\\hat y - y) {h^{(1)}}^T \\tag{spec2}$$\n\n"
       "$$\\delta^{(2)} = \\frac{\\partial L}{\\partial \\hat y} \\cdot 1 = 5(\\hat y - y) \\tag{tied}$$\n\n",
       verdicts={"own": {"correct", "unchecked"}, "spec": {"correct", "unchecked"}, "spec2": {"correct", "unchecked"},
                 "tied": {"incorrect", "unchecked"}})
    # -- premises.py ------------------------------------------------------------------------------------------------------
    sig = spec(layer(3, '"sigmoid"') + layer(2, '"identity"'))
    md("premises: 990 sections 'With the activation function $\\sigma(z)=z$' (MAX_PREMISES networks at most)",
       "".join(f"## Part {k}\n\nWith the activation function $\\sigma(z) = z$, we have\n\n"
               f"$$\\delta^{{(2)}} = \\hat y - y + {k} - {k}$$\n\n" for k in range(990)), spec_text=sig)
    lets = [("\\sigma", "z"), ("g", "\\max(0, z)"), ("f", "\\tanh(z)"), ("\\varphi", "z")]
    md("premises: 990 premises of 4 activations in one section, each before a wrong claim",
       "".join(f"With ${lets[k % 4][0]}(z) = {lets[k % 4][1]}$ we get\n\n$$\\delta^{{(2)}} = 2(\\hat y - y)$$\n\n"
               for k in range(990)), spec_text=sig)
    md("premises: 'With' + 49 characters + '$' 10⁵ times, and premise math of 119 characters with '(' 1990 times",
       D2_TAGGED + "With " + "a" * 49 + "$ " * 100000 + "\n\n" + ("Let $\\sigma(" + "z" * 100 + ") = z$\n") * 1990,
       verdicts=right)
    md("premises: 2000 inline inequalities $l < L$, $1 \\le \\ell < L$, nested braces with > 10⁴ deep",
       D2_TAGGED + "$l < L$ $1 \\le \\ell < L$ $k \\neq j$ " * 600 + "\n\n$" + "{" * 1000 + "a > b" + "}" * 1000 + "$\n\n"
       + "$" + "{a > b} " * 250 + "$\n\n", verdicts=right)
    md("premises: 2·10⁴ headings '## Logistic Regression', '## Linear Regression' (one-layer models, at most 4)",
       D2_TAGGED + "".join(f"## {('Logistic', 'Linear', 'Softmax', 'Multinomial logistic')[k % 4]}    Regression {k}\n\n"
                           + ("$$\\delta^{(2)} = \\hat y - y$$\n\n" if k < 1900 else "") for k in range(20000)),
       spec_text=sig)
    md("unlucky: 'With $\\sigma(z) = z$' then a δ right in the linear network and one right only in the spec's",
       "## Exercise 3\n\nWith the activation function $\\sigma(z) = z$, we have\n\n"
       "$$\\delta^{(1)} = (W^{(2)})^T \\delta^{(2)} \\tag{lin}$$\n\n"
       "$$\\delta^{(1)} = (W^{(2)})^T \\delta^{(2)} \\odot \\sigma(z^{(1)})(1 - \\sigma(z^{(1)})) \\tag{sig}$$\n\n",
       spec_text=spec(layer(3, '"sigmoid"') + layer(2, '"identity"')),
       verdicts={"lin": {"correct", "unchecked"}, "sig": {"incorrect", "unchecked"}})
    # -- the plain-text reader --------------------------------------------------------------------------------------------
    md("plain text: 10⁵ lines each a relation (no math delimiters)", "".join(f"dW{k % 3} = dZ{k % 3} * A{k % 2}\n"
                                                                         for k in range(100000))[:990000], name="h.txt")
    md("plain text: 450 lines of 1990 characters of '<!--' (HTML comments opened, closed, nested)",
       ("dW = " + "<!---->" * 283 + "\n") * 150 + ("dW = " + "<!--" * 497 + "\n") * 150 + ("dW = " + "<!-- -->-->" * 180 + "\n") * 150,
       name="h.txt")
    md("plain text: bold labels __x__ / **x** 1.3·10⁵ times, unclosed, and W[i] 2·10⁴ times",
       ("__dW__: n * 1. dW = " + "**a" * 600 + "\n") * 150 + ("**" * 999 + "= 1\n") * 150
       + ("dW[1] = " + " + ".join(["W[i] * B[i]"] * 140) + "\n") * 150, name="h.txt")
    md("unlucky: a plain-text summary with bold labels, a shape before the equation and an HTML comment",
       "__dZ[2]__: n * m. dZ[2] = A[2] - Y <!-- the output's error -->\n", name="h.txt",
       spec_text=spec(layer(3, '"tanh"') + layer(1, '"sigmoid"'), loss="binary_cross_entropy"))
    # -- unitnames: BareUnitReading ---------------------------------------------------------------------------------------
    md("bare units: 850 sums z1 = (w1 \\times x1 + …) of 60 terms, and one '=' chain of 400 equals signs",
       "".join(f"$$z{k % 3 + 1} = (" + " + ".join(f"w{j % 99 + 1} \\times x{j % 2 + 1}" for j in range(60)) + " + b1)$$\n\n"
               for k in range(850)) + "$$" + "z1 = " * 400 + "w1 x1$$\n\n", (0, 1, 2))
    md("unlucky: melfm's forward pass in bare names, a right and a wrong hidden sum",
       "$$z1 = (w1 \\times x1 + w3 \\times x2 + b1) \\tag{a}$$\n\n$$z2 = (w2 \\times x1 + w4 \\times x2 + b1) \\tag{b}$$\n\n"
       "$$z3 = (w5 \\times x1 + w6 \\times x2 + b1) \\tag{c}$$\n\n",
       verdicts={"a": {"correct", "unchecked"}, "b": {"correct", "unchecked"}, "c": {"correct", "unchecked"}})
    # -- notebooks --------------------------------------------------------------------------------------------------------
    nb = ("verify", "{d}/h.ipynb", "--spec", "{d}/s.toml", "--json")
    for label, text, codes in (
            ("10⁵ Markdown cells", _notebook([D2_TAGGED] + ["x"] * 100000), (0,)),
            ("cells whose source is a number, null, a dict, a list of lists", _notebook(
                [{"cell_type": "markdown", "source": v} for v in (1, None, {"a": D2_TAGGED}, [[D2_TAGGED]], [1, None, True])]
                + [D2_TAGGED]), (0,)),
            ("JSON nested 10⁵ deep in a cell's metadata", '{"cells": [{"cell_type": "markdown", "source": "x", "metadata": '
             + "[" * 100000 + "]" * 100000 + "}]}", (0, 2)),
            ("JSON nested 10⁶ deep (19 MB)", "[" * 9_000_000 + "]" * 9_000_000, (2,)),
            ("a 15 MB output cell beside the answer", _notebook([D2_TAGGED, {"cell_type": "code", "source": "print(1)",
             "outputs": [{"output_type": "stream", "name": "stdout", "text": "x" * 15_000_000}]}]), (0,)),
            ("attachments of 5 MB of base64 in a Markdown cell", _notebook([{"cell_type": "markdown", "source": D2_TAGGED,
             "attachments": {"a.png": {"image/png": "A" * 5_000_000}}}]), (0,)),
            ("Markdown cells of 19 MB (beyond the document limit)", _notebook(["$$a = b$$\n" * 1_800_000]), (2,)),
            ("cells as a dict, nbformat 'x', a string of 10⁶ \\ud800", json.dumps({"cells": {"0": D2_TAGGED}}), (2,)),
            ("a cell source of 10⁵ lone surrogates", _notebook([D2_TAGGED, "\\ud800" * 100000]).replace("\\\\ud800", "\\ud800"),
             (0,)),
    ):
        out.append(Probe(f"r20: notebook: {label}", nb, {"s.toml": S2, "h.ipynb": text}, codes,
                         right if codes == (0,) else {}))
    # -- headings as question ids -----------------------------------------------------------------------------------------
    rub = '[[questions]]\nid = "Exercise 1.3"\npoints = 1\nexpects = ["delta2"]\n'
    out.append(Probe("r20: headings: 3·10⁴ headings 'Exercise 1.k' as question ids, a claim under the first 1900",
                     ("verify", "{d}/h.md", "--spec", "{d}/s.toml", "--rubric", "{d}/r.toml", "--summary", "{d}/g.csv"),
                     {"s.toml": S2, "r.toml": rub, "h.md": "".join(
                         f"## Exercise 1.{k}\n\n" + (f"$$\\delta^{{(2)}} = \\hat y - y + {k} - {k}$$\n\n" if k < 1900 else "")
                         for k in range(30000))}, (0, 1), after=_batch_complete(1)))
    hostile_heads = ("## Exercise 1.3\x1b[31mRED\x1b]0;title\x07\n\n" + D2_TAGGED + "## Exercise 2\u202e.1 \u200f\x00\x08\n\n"
                     + D2_TAGGED.replace("d2", "e2") + "## Problem 3\r\x0b\x0c\n\n$$a = b$$\n\n")
    for fmt in ("text", "json", "gradescope"):
        out.append(Probe(f"r20: headings: ANSI escapes, RTL marks, NUL and controls in a heading ({fmt} output)",
                         ("verify", "{d}/h.md", "--spec", "{d}/s.toml", "--rubric", "{d}/r.toml", "--format", fmt,
                          *(("--out", "{d}/res.json") if fmt == "gradescope" else ())),
                         {"s.toml": S2, "h.md": hostile_heads, "r.toml": rub}, (0, 1, 2),
                         never=("\x1b[31m", "\x1b]0", "\x07", "\u202e", "\x00"), after=_no_raw_controls()))
    # -- answers files: the spec path -------------------------------------------------------------------------------------
    for label, line, codes in (
            ("a spec path of 10⁵ '../'", 'spec = "' + "../" * 100000 + 's.toml"', (2,)),
            ("a spec path with NUL, an ANSI escape and 10⁴ characters", 'spec = "s\\u0000\\u001b[31m' + "a" * 10000 + '.toml"',
             (2,)),
            ("a spec path that is a folder named x.toml", 'spec = "x.toml"', (2,)),
            ("a spec path to /dev/zero through a link", 'spec = "z.toml"', (2,)),
            ("a spec path of '.' segments 10⁴ times", 'spec = "' + "./" * 10000 + 's.toml"', (0, 2))):
        out.append(Probe(f"r20: answers spec: {label}", ("verify", "{d}/a.toml", "--json"),
                         {"s.toml": S2, "a.toml": answers([("d2", DELTA2)], spec_line=line), "x.toml/k": "x"}, codes,
                         {"d2": {"correct"}} if codes == (0, 2) and False else {}, never=("\x1b[31m", "Traceback"),
                         links={"z.toml": "/dev/zero"}))
    # -- batch grading: 500 submissions, some hostile ---------------------------------------------------------------------
    slow = "".join("$$\\delta^{(2)} = " + " + ".join(["(\\hat y - y)"] * 300) + f" - {k}$$\n\n" for k in range(1990))
    hostile = {"h_slow": slow[:990000], "h_nested": "$$" + "{" * 400000 + "$$", "h_bin": "\x00\xff" * 1000,
               "h_big": "$$a=b$$\n" * 140000}
    out.append(Probe("r20: batch: 500 submissions, 4 hostile (slow, nested, binary, over 1 MB), --time-limit 5",
                     ("verify", "{d}/subs", "--spec", "{d}/s.toml", "--summary", "{d}/g.csv", "--time-limit", "5",
                      "--total-time", "100", "--jobs", "2"), {"s.toml": S2, **_batch(500, hostile)}, (0, 1, 2),
                     after=_batch_complete(500 + len(hostile))))
    # -- SIGINT during a run (gradproof/cli.py's handler) -----------------------------------------------------------------
    out.append(Probe("r20: SIGINT at 1.5 s into a document of 1990 long claims", ("verify", "{d}/h.md", "--spec", "{d}/s.toml",
                     "--json"), {"s.toml": S2, "h.md": slow[:990000]}, (130, 0, 1), interrupt=1.5, never=("Traceback",
                     "Exception ignored")))
    return out


def _deep_spec(depth: int, units: int = 2) -> str:
    layers = "".join(f'[[layers]]\nunits = {units}\nactivation = "sigmoid"\n' for _ in range(depth))
    return spec(layers, inputs=2)


NIELSEN_RIGHT = "\\delta^l = \\Sigma'(z^l) (w^{l+1})^T \\cdots \\Sigma'(z^{L-1}) (w^L)^T \\Sigma'(z^L) \\nabla_a C"
NIELSEN_WRONG = "\\delta^l = \\Sigma'(z^l) (w^{l+1})^T \\cdots \\Sigma'(z^{L-1}) (w^L)^T \\nabla_a C"


def round_twenty_one() -> list[Probe]:
    """Round twenty-one (issue 12): the twentieth round's readers — scalargraph.py (a forward pass unit by unit in
    scalar names), layerdots.py (a product over layers with dots), premises.py — and this round's parameter names
    (``\\mathrm{y}``) and dropout numbering, as an attacker (size, depth, repetition) and as an unlucky user."""
    out: list[Probe] = []
    right = {"d2": {"correct"}}
    md = _document_probes(out, "r21: ")
    letters = "abcdefghijklmnopqrstuvwxyz"
    # -- scalargraph.py ---------------------------------------------------------------------------------------------------
    # (1990 displays: a document of more than 2000 equations is refused, the documented limit)
    md("scalar graph: 1990 unit definitions a_1 … u_10, each f(m_i x_1 + m_j x_2 + b_k)",
       D2_TAGGED + "".join(
           f"$${letters[k // 99]}_{{{k % 99 + 1}}} = f(m_{{{k % 99 + 1}}}x_1 + m_{{{(k + 1) % 99 + 1}}}x_2 + b_{{{k % 99 + 1}}})$$\n\n"
           for k in range(1990)), verdicts=right)
    md("scalar graph: one sum of m_1 x_1 + … + m_5000 x_5000 (4-digit numbers, 10⁵ characters)",
       D2_TAGGED + "$$a_1 = f(" + " + ".join(f"m_{{{k}}}x_{{{k}}}" for k in range(1, 5001)) + " + b_1)$$\n\n", verdicts=right)
    md("scalar graph: a chain of 1990 units, each fed by the one before (1990 layers to find)",
       D2_TAGGED + "$$a_1 = f(m_1x_1 + m_2x_2 + b_1)$$\n\n" + "".join(
           f"$${letters[k // 99]}_{{{k % 99 + 1}}} = f(w_{{{k % 99 + 1}}}{letters[(k - 1) // 99]}_{{{(k - 1) % 99 + 1}}} + "
           f"c_{{{k % 99 + 1}}})$$\n\n" for k in range(1, 1990)), verdicts=right)
    md("scalar graph: 450 definitions of 1999 characters (MAX_LENGTH) of products (under 1 MB)",
       D2_TAGGED + "".join("$$a_{" + str(k % 99 + 1) + "} = f(" + " + ".join(
           f"m_{{{j % 99 + 1}}}x_{{{j % 2 + 1}}}" for j in range(110))[:1980] + ")$$\n\n" for k in range(450)), verdicts=right)
    sig22 = spec(layer(2, '"sigmoid"') + layer(2, '"sigmoid"'))
    md("unlucky: a worked example in scalar names (Stack Exchange's a_1 = f(m_1x_1+m_2x_2+b_1)), right and wrong steps",
       "$$a_1 = \\sigma(m_1x_1+m_2x_2+b_1)$$\n\n$$a_2 = \\sigma(m_3x_1+m_4x_2+b_2)$$\n\n"
       "$$a_3 = \\sigma(m_5a_1+m_6a_2+b_3)$$\n\n$$a_4 = \\sigma(m_7a_1+m_8a_2+b_4)$$\n\n"
       "$$E = \\frac{1}{2}(a_3-t_1)^2+\\frac{1}{2}(a_4-t_2)^2$$\n\n"
       "$$\\frac{\\partial E}{\\partial m_5} = (a_3 - t_1) a_3 (1 - a_3) a_1 \\tag{right}$$\n\n"
       "$$\\frac{\\partial E}{\\partial m_5} = (a_3 - t_1) a_3 (1 - a_3) a_2 \\tag{wrong}$$\n\n",
       spec_text=sig22, verdicts={"right": {"correct", "unchecked"}, "wrong": {"incorrect", "unchecked"}})
    # -- layerdots.py -----------------------------------------------------------------------------------------------------
    deep4 = _deep_spec(4)
    nielsen = f"$${NIELSEN_RIGHT} \\tag{{right}}$$\n\n$${NIELSEN_WRONG} \\tag{{wrong}}$$\n\n"
    nielsen_verdicts = {"right": {"correct", "unchecked"}, "wrong": {"incorrect", "unchecked"}}
    for depth in (60, 200, 500):
        md(f"layer dots: Nielsen's product over layers against a {depth}-layer network", nielsen, (0, 1),
           spec_text=_deep_spec(depth), verdicts=nielsen_verdicts)
    md("layer dots: \\cdots 10⁴ times in one product", "$$\\delta^l = \\Sigma'(z^l) (w^{l+1})^T " + "\\cdots " * 10000
       + "\\Sigma'(z^L) \\nabla_a C$$\n\n" + nielsen, spec_text=deep4, verdicts=nielsen_verdicts)
    md("layer dots: 1990 claims, each a product over layers", nielsen + "".join(
        f"$${NIELSEN_RIGHT} + {k} - {k}$$\n\n" for k in range(1990)), spec_text=deep4, verdicts=nielsen_verdicts)
    md("layer dots: \\cdots inside braces 5000 deep, and blocks of 60 tokens either side",
       nielsen + "$$\\delta^l = " + "{" * 5000 + "(w^{l+1})^T \\cdots (w^L)^T" + "}" * 5000 + "$$\n\n"
       + "$$\\delta^l = " + "(w^{l+1})^T " * 12 + "\\cdots " + "(w^L)^T " * 12 + "\\nabla_a C$$\n\n",
       spec_text=deep4, verdicts=nielsen_verdicts)
    md("layer dots: \\ldots, \\dots, \\dotsb, \\dotsm, \\dotsc mixed 1950 times with ∘ and · joins",
       nielsen + "".join(f"$$\\delta^l = (W^{{l+1}})^T \\circ \\{d} \\cdot (W^L)^T$$\n\n"
                         for d in ("ldots", "dots", "dotsb", "dotsm", "dotsc") * 390), spec_text=deep4,
       verdicts=nielsen_verdicts)
    # -- premises.py and \hat -------------------------------------------------------------------------------------------
    md("hats: \\hat{ nested 10⁴ deep, \\hat\\hat…y 10⁵ times, \\widehat{\\hat{…}} in a premise",
       D2_TAGGED + "$$a = " + "\\hat{" * 10000 + "y" + "}" * 10000 + "$$\n\n$$b = " + "\\hat " * 100000 + "y$$\n\n"
       + "With $\\sigma(" + "\\widehat{\\hat{" * 500 + "z" + "}}" * 500 + ") = z$ we have\n\n" + D2_TAGGED.replace("d2", "e2"),
       verdicts={**right, "e2": {"correct", "unchecked"}})
    md("premises: 'Let $\\sigma(z) = z$' with 10⁴ spaces and 10⁴ parentheses, 990 times",
       D2_TAGGED + ("Let $\\sigma(z) " + " " * 10000 + "= " + "(" * 10000 + "z" + ")" * 10000 + "$\n\n") * 30,
       verdicts=right)
    # -- this round: parameter names, the answer's own dropout numbering --------------------------------------------------
    ys = spec(custom("tanh(y*x)", 3, params=", y = 0.5") + layer(2, '"identity"'))
    md("parameter y: \\mathrm{y} 10⁴ times in one claim, \\text{y} and \\operatorname{y} 1990 times",
       D2_TAGGED + "$$a = " + " + ".join(["\\mathrm{y}"] * 10000) + "$$\n\n" + "".join(
           f"$$b_{{{k}}} = \\text{{y}} \\operatorname{{y}} \\mathrm{{ y }}$$\n\n" for k in range(1990)), spec_text=ys,
       verdicts=right)
    many = ", ".join(f"p{k} = {k + 1}" for k in range(60))  # (a formula is at most 500 characters: 60 names fit)
    md("parameters: 60 parameters p0 … p59 in one formula, \\mathrm{p59} 2000 times",
       D2_TAGGED + "$$a = " + " ".join(["\\mathrm{p59}"] * 2000) + "$$\n\n",
       spec_text=spec(custom("tanh(x*(" + "+".join(f"p{k}" for k in range(60)) + ")/1830)", 3, params=", " + many)
                      + layer(2, '"identity"')), verdicts=right)
    md("unlucky: a parameter named yhat written as the proof writes it (\\mathrm{yhat}), and as a bare word",
       "$$\\delta^{(1)} = (W^{(2)})^T \\delta^{(2)} \\odot \\mathrm{yhat} (1 - h^{(1)} \\odot h^{(1)}) \\tag{right}$$\n\n"
       "$$\\delta^{(1)} = (W^{(2)})^T \\delta^{(2)} \\odot yhat (1 - h^{(1)} \\odot h^{(1)}) \\tag{word}$$\n\n" + D2_TAGGED,
       spec_text=spec(custom("tanh(yhat*x)", 3, params=", yhat = 0.5") + layer(2, '"identity"')),
       verdicts={"right": {"correct"}, "word": {"unchecked"}, "d2": {"correct"}})
    drop = spec(layer(3, '"relu"') + '[[layers]]\nkind = "dropout"\np = 0.5\n' + layer(2, '"identity"'))
    md("dropout: an answer masking its own layers, 1990 wrong claims naming layers 2 and 3",
       "$$Z_{l+1} = \\frac{W_{l+1}(A_l * D_l)}{keep\\_prob} + B_{l+1}$$\n\n" + D2_TAGGED + "".join(
           f"$$\\delta^{{({2 + k % 2})}} = 2(\\hat y - y) + {k} - {k}$$\n\n" for k in range(1990)), spec_text=drop,
       verdicts={"d2": {"correct", "unchecked"}})
    return out


SOFTMAX_COL = spec(layer(3, '"softmax"'), inputs=4, loss="cross_entropy", extra='convention = "column"\n')
LMTOT_LIKE = spec(layer(5, '"relu"') + layer(3, '"softmax"'), inputs=4, loss="cross_entropy", extra='convention = "column"\n')
DROPOUT_INPUT = spec('[[layers]]\nkind = "dropout"\np = 0.5\n' + layer(2, '"identity"'), inputs=4)
# the softmax Jacobian's two cases (tests/verify/test_twenty_first_round.py checks them by central differences): right
# where j = k and where j ≠ k; the third is wrong where j ≠ k
JAC_CASES = ("For $j = k$:\n$$\\frac{\\partial a_j}{\\partial z_k} = a_j(1 - a_k) \\tag{eq}$$\n\n"
             "For $j \\neq k$:\n$$\\frac{\\partial a_j}{\\partial z_k} = -a_j a_k \\tag{ne}$$\n\n"
             "For $j \\neq k$:\n$$\\frac{\\partial a_j}{\\partial z_k} = a_j a_k \\tag{ne-wrong}$$\n\n")
JAC_VERDICTS = {"eq": {"correct"}, "ne": {"correct"}, "ne-wrong": {"incorrect"}}
# lmToT27's cases at the true class c (the same test file: by central differences)
LABEL_CASES = ("The target is one-hot: $y_c = 1$ for the correct class $c$.\n\n**Case 1:** $j = c$\n\n"
               "$$\\frac{\\partial \\mathcal{L}}{\\partial z^L_c} = a^L_c - 1 \\tag{case1}$$\n\n"
               "$$\\frac{\\partial \\mathcal{L}}{\\partial z^L_c} = a^L_c + 1 \\tag{case1-wrong}$$\n\n")
LABEL_VERDICTS = {"case1": {"correct"}, "case1-wrong": {"incorrect"}}
CS231N_HEAD = ("Forward: $Z = XW + b$, $P = \\mathrm{softmax}(Z)$, $L = -\\frac{1}{N}\\sum_i \\log P_{i,y_i}$.\n\n")

# the generated module against hostile .npz files and data (round 22): each must load right or raise a TypeError or
# ValueError (a .npz one naming the file); nothing else, no pickle ever loaded (a payload would create PWNED)
HOSTILE_NPZ = r"""
import os
p = m.init_params(0)
def rewrite(path, src, local, central):  # every member's header fields patched (a method, a flag)
    raw = bytearray(open(src, "rb").read())
    for sig, at, value in ((b"PK\x03\x04", local[0], local[1]), (b"PK\x01\x02", central[0], central[1])):
        i = raw.find(sig)
        while i >= 0:
            raw[i + at:i + at + 2] = value(raw[i + at:i + at + 2])
            i = raw.find(sig, i + 4)
    open(path, "wb").write(raw)
m.save_params("ok.npz", p)
rewrite("method99.npz", "ok.npz", (8, lambda b: (99).to_bytes(2, "little")), (10, lambda b: (99).to_bytes(2, "little")))
rewrite("encrypted.npz", "ok.npz", (6, lambda b: bytes([b[0] | 1, b[1]])), (8, lambda b: bytes([b[0] | 1, b[1]])))
class Payload:
    def __reduce__(self):
        return (open, ("PWNED", "w"))
def archive(path, replace):
    with zipfile.ZipFile(path, "w") as z:
        for k, v in p.items():
            b = io.BytesIO()
            np.save(b, replace.get(k, v), allow_pickle=True)
            z.writestr(k + ".npy", b.getvalue())
W = p["W1"]
pickled = np.empty(W.shape, dtype=object); pickled[...] = Payload()
archive("pickle.npz", {"W1": pickled})
archive("pickle_one.npz", {"W1": np.array([Payload()], dtype=object)})
np.savez("extra.npz", **p, junk=np.arange(10), **{"running.x": np.ones(3)})
np.savez("ints.npz", **{k: (v * 100).astype(np.int64) for k, v in p.items()})
np.savez("complex.npz", **{k: v.astype(complex) for k, v in p.items()})
np.savez("nan.npz", **{k: v * np.nan for k, v in p.items()})
np.savez("inf.npz", **{k: (v if k != "b1" else v + np.inf) for k, v in p.items()})
open("truncated.npz", "wb").write(open("ok.npz", "rb").read()[:-30])
open("head.npz", "wb").write(open("ok.npz", "rb").read()[:200])
expect = {"ok.npz": "load", "extra.npz": "load"}
for f in ("ok.npz", "method99.npz", "encrypted.npz", "pickle.npz", "pickle_one.npz", "extra.npz", "ints.npz", "complex.npz",
          "nan.npz", "inf.npz", "truncated.npz", "head.npz"):
    try:
        q = m.load_params(f)
        print("ok loaded", f) if expect.get(f) == "load" and all(np.array_equal(q[k], p[k]) for k in p) else print("loaded", f)
    except ValueError as e:
        print("ok refused", f) if f in str(e) and expect.get(f) != "load" else print("refused", f, str(e)[:80])
    except Exception as e:
        print("crashed", f, type(e).__name__, str(e)[:80])
print("pickle loaded: PWNED written") if os.path.exists("PWNED") else print("ok no pickle loaded")
"""

HOSTILE_DATA = r"""
p = m.init_params(0)
rng = np.random.default_rng(0)
X = rng.normal(size=(12, m.SIZES[0]))
labels = rng.integers(0, m.SIZES[-1], size=12)
cases = {
    "NaN labels": (X, np.full(12, np.nan)),
    "labels out of range": (X, np.full(12, m.SIZES[-1])),
    "negative labels": (X, np.full(12, -1)),
    "labels 2**64 - 1": (X, np.full(12, 2**64 - 1, dtype=np.uint64)),
    "labels 1e300": (X, np.full(12, 1e300)),
    "fractional labels": (X, np.full(12, 0.5)),
    "object labels": (X, np.array([1] * 12, dtype=object)),
    "string labels": (X, np.array(["1"] * 12)),
    "labels (N, 1)": (X, labels[:, None]),
    "NaN in X": (np.where(np.eye(12, m.SIZES[0]) > 0, np.nan, X), labels),
    "inf in X": (np.where(np.eye(12, m.SIZES[0]) > 0, np.inf, X), labels),
    "complex X": (X.astype(complex), labels),
    "object X": (X.astype(object), labels),
    "X of 3 dimensions": (X[:, :, None], labels),
    "X with no rows": (X[:0], labels[:0]),
    "X one column short": (X[:, 1:], labels),
}
for label, (A, Y) in cases.items():
    for name, call in (("train", lambda: m.train(m.init_params(0), A, Y, epochs=1, batch_size=4)),
                       ("gradients", lambda: m.gradients(p, A, Y)), ("accuracy", lambda: m.accuracy(p, A, Y)),
                       ("predict", lambda: m.predict(p, A))):
        if name == "predict" and "abel" in label:
            continue
        try:
            call()
            print(f"accepted {label} ({name})")
        except (TypeError, ValueError) as e:
            print("ok refused", label, name)
        except Exception as e:
            print("crashed", label, name, type(e).__name__, str(e)[:80])
for label, kw in (("epochs NaN", dict(epochs=float("nan"))), ("batch_size 0", dict(batch_size=0)),
                  ("epochs -1", dict(epochs=-1)), ("batch_size 1e30", dict(batch_size=1e30))):
    try:
        m.train(m.init_params(0), X, labels, **kw)
        print("ok trained", label) if label == "batch_size 1e30" else print("accepted", label)
    except (TypeError, ValueError, OverflowError):
        print("ok refused", label)
    except Exception as e:
        print("crashed", label, type(e).__name__, str(e)[:80])
"""


def _rel(k: int) -> str:
    """= for odd k, \\neq for even k (the cases of a condition written in turn)."""
    return "=" if k % 2 else "\\neq"


def round_twenty_two() -> list[Probe]:
    """Round twenty-two (issue 12): the twenty-first round's readers — a condition on two indices written before or
    after a claim as its scope, the true class's mask (y_c = 1), the d-letters' second reading, inverted dropout in the
    answer's letters, \\sum_{i,j}, \\newline rows, a leading \\tag, case words in other languages, NumPy's
    A.T.dot(B) — as an attacker (size, depth, repetition) and as an unlucky user; and the generated module's
    train / predict / load_params on hostile files and data."""
    out: list[Probe] = []
    md = _document_probes(out, "r22: ")
    right = {"d2": {"correct"}}
    # -- a condition on two indices as a claim's scope ----------------------------------------------------------------
    md("condition scopes: 'For $j = k$:' / 'For $j \\neq k$:' before each of 990 claims", JAC_CASES + "".join(
        f"For $j {_rel(k)} k$:\n$$\\frac{{\\partial a_j}}{{\\partial z_k}} = a_j a_k \\cdot \\frac{{{k + 1}}}{{{k + 1}}}$$\n\n"
        for k in range(990)), spec_text=SOFTMAX_COL, verdicts=JAC_VERDICTS)
    md("condition scopes: ', \\quad i = j' after each of 1990 claims",
       "$$\\frac{\\partial a_j}{\\partial z_i} = a_i(1 - a_i), \\quad i = j \\tag{eq}$$\n\n"
       "$$\\frac{\\partial a_j}{\\partial z_i} = a_i a_j,\\quad i \\neq j. \\tag{ne-wrong}$$\n\n" + "".join(
           f"$$\\frac{{\\partial a_j}}{{\\partial z_i}} = a_i a_j \\cdot \\frac{{{k + 1}}}{{{k + 1}}}, \\quad i {_rel(k)} j$$\n\n"
           for k in range(1990)), spec_text=SOFTMAX_COL, verdicts={"eq": {"correct"}, "ne-wrong": {"incorrect"}})
    md("condition scopes: 60 claims of 4000 characters, '= ' runs and white space before a trailing \\quad i = j",
       JAC_CASES + "".join(f"$$a_{{{k}}} = " + "= " * 1000 + " " * 1900 + "b \\quad i = j$$\n\n" for k in range(60))
       + "".join(f"$$c_{{{k}}} = " + "=" * 3900 + f" \\quad x_{{{k}}}$$\n\n" for k in range(60)),
       spec_text=SOFTMAX_COL, verdicts={**JAC_VERDICTS, "ne-wrong": {"incorrect", "unchecked"}})  # (the a_k read as layers)
    md("condition scopes: nested and stacked conditions, conditions on indices the claim does not have",
       JAC_CASES + ("For $j = k$:\n\nFor $i \\neq j$:\n\nFor $p = q$:\n\n" * 150) + "".join(
           f"$$\\frac{{\\partial a_j}}{{\\partial z_k}} = a_j a_k + {k} - {k}, \\quad p = q \\quad i = j \\quad j \\neq k$$\n\n"
           for k in range(300)) + "For $p \\neq q$:\n$$\\frac{\\partial a_j}{\\partial z_k} = -a_j a_k \\tag{pq}$$\n\n",
       spec_text=SOFTMAX_COL, verdicts={**JAC_VERDICTS, "pq": {"incorrect", "unchecked"}})
    # -- the true class's mask, y_c = 1 ---------------------------------------------------------------------------------
    md("label masks: y_c = 1, then 'Case: $j = c$' / '$j \\neq c$' before each of 990 claims", LABEL_CASES + "".join(
        f"**Case:** $j {_rel(k)} c$\n\n$$\\frac{{\\partial \\mathcal{{L}}}}{{\\partial z^L_j}} = "
        f"a^L_j \\cdot \\frac{{{k + 1}}}{{{k + 1}}}$$\n\n" for k in range(990)), spec_text=LMTOT_LIKE, verdicts=LABEL_VERDICTS)
    md("label masks: every letter a true class (y_a = 1 … t_z = 1), 1940 claims in them", "".join(
        f"$${t}_{c} = 1$$\n\n" for t in "yt" for c in "abcdefghijklmnopqrstuvwxyz") + LABEL_CASES + "".join(
        f"$$\\frac{{\\partial \\mathcal{{L}}}}{{\\partial z^L_{c}}} = a^L_{c} - {k % 3} \\cdot \\frac{{{k + 1}}}{{{k + 1}}}$$\n\n"
        for k in range(1940) for c in ["abcdefghijklmnopqrstuvwxyz"[k % 26]]), spec_text=LMTOT_LIKE,
       verdicts={"case1": {"correct", "unchecked"}, "case1-wrong": {"incorrect", "unchecked"}})
    md("label masks: CS231n's 'When $y_i = k$:' 10⁴ times in one line, a claim under each of 990 more",
       "When $y_i = k$: " * 10000 + "\n\n" + "".join(
           f"When $y_i {_rel(k)} k$:\n$$\\mathrm{{d}} s_k = \\frac{{e^{{s_k}}}}{{\\sum_j e^{{s_j}}}} - "
           f"{k % 2} \\cdot \\frac{{{k + 1}}}{{{k + 1}}}$$\n\n" for k in range(990)), spec_text=SOFTMAX_COL)
    # -- the d-letters' second reading ----------------------------------------------------------------------------------
    md("d-letters: 1990 wrong d-letter claims each right in the other reading (MAX_SECOND_READINGS re-readings)",
       CS231N_HEAD + "$$dW = X^T dZ \\tag{dW}$$\n\n" + "".join(
           f"$$dW = \\frac{{{k + 1}}}{{{k + 1}}} X^T dZ$$\n\n" for k in range(1990)) + "$$dW = 2 X^T dZ / 2 \\tag{last}$$\n\n",
       spec_text=SOFTMAX_COL, verdicts={"dW": {"unchecked"}, "last": {"unchecked"}})  # (right in one reading, wrong in the other)
    md("d-letters: 400 long d-letter claims (sums of 40 products) each right in the other reading",
       CS231N_HEAD + "$$dW = X^T dZ \\tag{dW}$$\n\n" + "".join(
           f"$$dW = \\frac{{1}}{{{40 + k}}}(" + " + ".join(["X^T dZ"] * (40 + k)) + ")$$\n\n" for k in range(400)),
       spec_text=SOFTMAX_COL, verdicts={"dW": {"unchecked"}})
    # -- inverted dropout in the answer's own letters -------------------------------------------------------------------
    drop_head = "Inverted dropout: $$y_i = \\frac{m_i \\cdot x_i}{1-p}$$\n\n"
    drop_right = "$$\\frac{\\partial y_i}{\\partial x_i} = \\frac{m_i}{1-p} \\tag{right}$$\n\n"
    md("dropout letters: the inverted form and test mode's y_i = x_i redefined alternately 990 times, a claim after each",
       drop_head + drop_right + "".join(
           (f"$$y_i = x_i + {k} - {k}$$\n\n" if k % 2 else f"$$y_i = \\frac{{m_i \\cdot x_i}}{{1-p}} + {k} - {k}$$\n\n")
           + f"$$\\frac{{\\partial y_i}}{{\\partial x_i}} = \\frac{{m_i}}{{1-p}} \\cdot \\frac{{{k + 1}}}{{{k + 1}}}$$\n\n"
           for k in range(990)), spec_text=DROPOUT_INPUT, verdicts={"right": {"correct"}})
    md("dropout letters: the inverted form defined 600 times inline in prose, mask cases ($m_i = 1$) 1200 times",
       drop_head + drop_right + "Again $y_i = \\frac{m_i \\cdot x_i}{1-p}$, ($m_i = 1$) and ($m_i = 0$). " * 600,
       spec_text=DROPOUT_INPUT, verdicts={"right": {"correct"}})
    # -- sums over many indices (parser._multi_sum) ----------------------------------------------------------------------
    letters = "abcdefghijklmnopqrstuvwxyz"
    md("multi sums: \\sum_{i,j,k,…} with 300 indices, and 6 nested \\sum_{a,b,c,d} over 24 letters in one claim",
       D2_TAGGED + "$$L = \\sum_{" + ",".join(f"i_{{{k}}}" for k in range(300)) + "} y_i$$\n\n"
       + "$$L = " + "".join("\\sum_{" + ",".join(letters[4 * s:4 * s + 4]) + "}" for s in range(6)) + " y_a y_b y_c y_d y_e y_f"
       " y_g y_h y_i y_j y_k y_l y_m y_n y_o y_p y_q y_r y_s y_t y_u y_v y_w y_x$$\n\n"
       + "$$L = " + "".join("\\sum_{" + ",".join(letters[4 * s:4 * s + 4]) + "}" for s in range(6)) + " y_a$$\n\n",
       verdicts=right)
    md("multi sums: 1990 claims each \\sum_{i,j,k,l} over a 4-index product",
       D2_TAGGED + "".join(f"$$L_{{{k}}} = \\sum_{{i,j,k,l}} W_{{ij}} W_{{jk}} W_{{kl}} y_l + {k}$$\n\n" for k in range(1990)),
       verdicts=right)
    # -- \newline rows, a leading \tag, case words in other languages -----------------------------------------------------
    md("newline rows: \\newline 10⁵ times in one display, and 1990 rows 'a = b \\newline'",
       D2_TAGGED + "$$a = b " + "\\newline " * 100000 + "$$\n\n$$\\begin{aligned}" + "".join(
           f"h_{{{k}}} &= z_{{{k}}} \\newline " for k in range(1990)) + "\\end{aligned}$$\n\n", verdicts=right)
    md("leading tags: \\tag{T} repeated 10⁴ times before a block, 990 blocks each opening with \\tag{same}",
       D2_TAGGED + "$$" + "\\tag{T}" * 10000 + "\\begin{aligned} h &= \\sigma(z) \\\\ a &= b \\end{aligned}$$\n\n" + "".join(
           f"$$\\tag{{same}}\\begin{{aligned}} x_{{{k}}} &= y \\\\ y &= x_{{{k}}} \\end{{aligned}}$$\n\n" for k in range(990)),
       verdicts=right)
    vi = spec(layer(3, '"relu"') + layer(2, '"identity"'))
    md("case words: \\text{nếu } with 10⁵ combining marks, \\text{ngược lại} padded with 10⁵ spaces, 否则 × 10⁴",
       "$$\\mathrm{ReLU}'(z^{(1)}_i) = \\begin{cases} 1 & \\text{nếu" + "\u0302\u0301" * 50000 + " } z^{(1)}_i > 0 \\\\ 0 & "
       "\\text{ngược lại" + " " * 100000 + "} \\end{cases}$$\n\n$$\\mathrm{ReLU}'(z^{(1)}_i) = \\begin{cases} 1 & \\text{"
       + "否则" * 10000 + "} z^{(1)}_i > 0 \\\\ 0 & \\text{иначе} \\end{cases}$$\n\n"
       "$$\\mathrm{ReLU}'(z^{(1)}_i) = \\begin{cases} 1 & \\text{nếu } z^{(1)}_i > 0 \\\\ 0 & \\text{ngược lại} \\end{cases}"
       " \\tag{vi}$$\n\n"
       + D2_TAGGED, spec_text=vi, verdicts={**right, "vi": {"correct"}})
    # -- NumPy's method products -------------------------------------------------------------------------------------------
    md("dot chains: X.T.dot(dY).T.dot(W)… 1000 deep, X.dot(X.dot(…)) nested 1000 deep, \\mathrm{dot} 1990 claims",
       D2_TAGGED + "$$\\mathrm{dW} = X.T.\\mathrm{dot}(\\mathrm{dScore})" + ".T.\\mathrm{dot}(W)" * 1000 + "$$\n\n"
       + "$$\\mathrm{dW} = " + "X.dot(" * 1000 + "X" + ")" * 1000 + "$$\n\n" + "".join(
           f"$$\\mathrm{{dW}} = X.T.\\mathrm{{dot}}(\\mathrm{{dScore}}) + {k} - {k}$$\n\n" for k in range(1990)),
       verdicts=right)
    # -- the generated module ----------------------------------------------------------------------------------------------
    ref = _example("reference_mlp.toml")
    out.append(Probe("r22: reference_mlp: load_params of a method-99 or encrypted member, pickles, ints, NaN, truncated",
                     ("codegen", "{d}/s.toml", "--out", "{d}"), {"s.toml": ref},
                     after=_module_script("reference_mlp", HOSTILE_NPZ)))
    out.append(Probe("r22: reference_mlp: train/gradients/predict on hostile labels and inputs",
                     ("codegen", "{d}/s.toml", "--out", "{d}"), {"s.toml": ref},
                     after=_module_script("reference_mlp", HOSTILE_DATA)))
    out.append(Probe("r22: bn_mlp: load_params of a method-99 or encrypted member, pickles, ints, NaN, truncated",
                     ("codegen", "{d}/s.toml", "--out", "{d}"), {"s.toml": _example("bn_mlp.toml")},
                     after=_module_script("bn_mlp", HOSTILE_NPZ)))
    return out


# MML's Example 5.14 as a Markdown section (tests/verify/test_twenty_second_round.py checks each ∂ by central
# differences of the function written in NumPy): its own graph's claims, right and wrong, tagged
MML_MD = ("## Automatic differentiation\n\nConsider $$f(x) = \\sqrt{x^2 + \\exp(x^2)} + \\cos\\big(x^2 + \\exp(x^2)\\big)$$\n\n"
          + "".join(f"$${row}$$\n\n" for row in ("a = x^2", "b = \\exp(a)", "c = a + b", "d = \\sqrt{c}", "e = \\cos(c)",
                                                 "f = d + e"))
          + "$$\\frac{\\partial e}{\\partial c} = -\\sin(c) \\tag{sin}$$\n\n"
          "$$\\frac{\\partial e}{\\partial c} = \\sin(c) \\tag{sinslip}$$\n\n"
          "$$\\frac{\\partial f}{\\partial a} = \\frac{\\partial f}{\\partial b} \\exp(a) + \\frac{\\partial f}{\\partial c} "
          "\\cdot 1 \\tag{fa}$$\n\n"
          "$$\\frac{\\partial f}{\\partial a} = \\frac{\\partial f}{\\partial b} \\exp(a) \\tag{faslip}$$\n\n"
          "$$\\frac{\\partial f}{\\partial x} = \\frac{\\partial f}{\\partial a} \\cdot 2x \\tag{fx}$$\n\n")
MML_VERDICTS = {"sin": {"correct"}, "sinslip": {"incorrect"}, "fa": {"correct"}, "faslip": {"incorrect"}, "fx": {"correct"}}
#: a 50-layer network of one-unit sigmoid layers (2 inputs, binary cross-entropy, one example a column)
ONE_UNIT_50 = spec("".join(layer(1, '"sigmoid"') for _ in range(50)), inputs=2, loss="binary_cross_entropy",
                   extra='convention = "column"\n')


def _chain_row(k: int) -> str:
    """a_1 = x², a_k = exp / sin / tanh (a_{k-1}) in turn: the k-th row of a deep chain."""
    return f"a_{{{k}}} = " + ("x^2" if k == 1 else ("\\exp", "\\sin", "\\tanh")[k % 3] + f"(a_{{{k - 1}}})")


def round_twenty_four() -> list[Probe]:
    """Round twenty-four (issue 12): the twenty-second round's readers — compgraph (a computation graph in letters of
    its own), one-unit layers re-judged at another width, case paragraphs, ``\\sum_{k \\neq i}``, a name of several
    words, closing check marks — as an attacker (depth, width, repetition, huge numbers, cycles) and as an unlucky
    user. Each hostile part is its own section after MML's Example 5.14 (tagged claims whose verdicts are known), or
    before it, so that a false verdict or a lost section shows."""
    out: list[Probe] = []
    md = _document_probes(out, "r24: ")
    mml = MML_VERDICTS
    after = "\n\n## Part two\n\n"

    def mml_then(pid: str, hostile: str, **kw) -> None:
        md(pid, MML_MD + after + hostile, verdicts={**mml, **kw.pop("verdicts", {})}, **kw)

    def then_mml(pid: str, hostile: str, **kw) -> None:
        md(pid + " (MML after it)", "## Part one\n\n" + hostile + "\n\n" + MML_MD, verdicts={**mml, **kw.pop("verdicts", {})},
           **kw)

    # -- compgraph: deep, wide, redefined, huge, cyclic, many sections ----------------------------------------------
    chain = "".join(f"$${_chain_row(k)}$$\n\n" for k in range(1, 1001))
    claims = "".join(f"$$\\frac{{\\partial a_{{{k}}}}}{{\\partial a_{{{k - 1}}}}} = \\cos(a_{{{k - 1}}}) \\tag{{c{k}}}$$\n\n"
                     for k in range(2, 1000, 3))
    mml_then("compgraph: a chain a_1 = x², a_2 = exp(a_1), … 1000 deep, 333 local derivatives", chain + claims)
    then_mml("compgraph: a chain 1000 deep", chain + claims)
    mml_then("compgraph: 39 deep chain (under MAX_NODES) of exp/sin/tanh, derivatives of the last by each",
             "".join(f"$${_chain_row(k)}$$\n\n" for k in range(1, 40))
             + "".join(f"$$\\frac{{\\partial a_{{39}}}}{{\\partial a_{{{k}}}}} = 1 \\tag{{d{k}}}$$\n\n" for k in range(1, 39)))
    wide = " + ".join(f"x_{{{k}}}" for k in range(1, 1001))
    mml_then("compgraph: 1000 names in one row (g = x_1 + … + x_1000), and 38 names in one row",
             f"$$g = {wide}$$\n\n$$h = g^2$$\n\n$$\\frac{{\\partial h}}{{\\partial g}} = 2g \\tag{{w}}$$\n\n"
             "$$p = " + " + ".join(f"y_{{{k}}}" for k in range(1, 37)) + "$$\n\n$$q = p^2$$\n\n"
             "$$\\frac{\\partial q}{\\partial p} = 2p \\tag{w38}$$\n\n$$\\frac{\\partial q}{\\partial p} = 3p \\tag{w38slip}$$\n\n",
             verdicts={"w38": {"correct", "unchecked"}, "w38slip": {"incorrect", "unchecked"}})
    mml_then("compgraph: one name redefined 1900 times, the same function each time",
             "$$u = x^2$$\n\n" + "$$v = \\exp(u)$$\n\n" * 1900 + "$$w = u + v$$\n\n"
             "$$\\frac{\\partial w}{\\partial u} = 1 \\tag{r}$$\n\n", verdicts={"r": {"correct", "unchecked"}})
    mml_then("compgraph: one name redefined 1900 times, each time another function",
             "$$u = x^2$$\n\n" + "".join(f"$$v = \\exp(u) + {k}$$\n\n" for k in range(1900)) + "$$w = u + v$$\n\n"
             "$$\\frac{\\partial w}{\\partial v} = 1 \\tag{r}$$\n\n", verdicts={"r": {"correct", "unchecked"}})
    md("compgraph: one name redefined 10⁴ times inline in prose (exit 2: more than 2000 equations)", MML_MD + after
       + "Let $u = x^2$. " + "Again $v = \\exp(u)$. " * 10000, verdicts=mml)
    md("compgraph: one name redefined 1900 times inline in one paragraph, each time another function", MML_MD + after
       + "Let $u = x^2$. " + "".join(f"Again $v = \\exp(u) + {k}$. " for k in range(1900)) + "\n\n$$w = u + v$$\n\n"
       "$$\\frac{\\partial w}{\\partial v} = 1 \\tag{r}$$\n\n", verdicts={**mml, "r": {"correct", "unchecked"}})
    mml_then("compgraph: huge numbers 10^300 · 10^300, 2^64^64, (2^64)^64, 10^{10^{10}}, 15-digit numbers",
             "$$u = 10^{300} \\cdot 10^{300} \\cdot x$$\n\n$$v = 2^{64^{64}} u$$\n\n$$w = (2^{64})^{64} + v$$\n\n"
             "$$z = 10^{10^{10}} + w$$\n\n$$r = 999999999999999 \\cdot 999999999999999 \\cdot x$$\n\n$$s = r + u$$\n\n"
             "$$\\frac{\\partial u}{\\partial x} = 10^{600} \\tag{h1}$$\n\n"
             "$$\\frac{\\partial r}{\\partial x} = 999999999999999 \\cdot 999999999999999 \\tag{h2}$$\n\n"
             "$$\\frac{\\partial s}{\\partial r} = 1 \\tag{h3}$$\n\n",
             verdicts={"h1": {"correct", "unchecked"}, "h2": {"correct", "unchecked"}, "h3": {"correct", "unchecked"}})
    mml_then("compgraph: a worked point of 1000 inputs in one row, and x given 1000 values in turn",
             "$$" + ", \\quad ".join(f"x_{{{k}}} = {k}" for k in range(1, 1001)) + "$$\n\n"
             + "".join(f"$$x = {k - 500}$$\n\n" for k in range(1000))
             + "Let $f(x, y) = (x + y) y$ with $y = 3$, $q = x + y$ and $f = q y$.\n\n"
             "$$\\frac{\\partial f}{\\partial x} = y = 3 \\tag{p}$$\n\n")
    sections = "".join(f"## Section {k}\n\nLet $c = a + b$, $d = b + {k}$ and $e = c \\cdot d$.\n\n"
                       f"$$\\frac{{\\partial e}}{{\\partial c}} = d \\tag{{s{k}}}$$\n\n"
                       f"$$\\frac{{\\partial e}}{{\\partial d}} = d \\tag{{t{k}}}$$\n\n" for k in range(380))
    mml_then("compgraph: 380 sections, each its own graph (Colah's c = a + b, d = b + k, e = c d)", sections,
             verdicts={"s0": {"correct", "unchecked"}, "s379": {"correct", "unchecked"},
                       "t0": {"incorrect", "unchecked"}, "t379": {"incorrect", "unchecked"}})
    then_mml("compgraph: 380 sections, each its own graph", sections,
             verdicts={"s0": {"correct", "unchecked"}, "t0": {"incorrect", "unchecked"}})
    mml_then("compgraph: cycles (a = b + x, b = 2a; a triangle a = b + c, b = a + c, c = a + b + x, redefined)",
             "$$p = q + x$$\n\n$$q = 2 p$$\n\n$$\\frac{\\partial p}{\\partial x} = 1 \\tag{cy1}$$\n\n## Part three\n\n"
             + ("$$a = b + c$$\n\n$$b = a + c$$\n\n$$c = a + b + x$$\n\n" * 3)
             + "$$\\frac{\\partial a}{\\partial x} = 1 \\tag{cy2}$$\n\n$$\\frac{\\partial c}{\\partial a} = 1 \\tag{cy3}$$\n\n"
             + "## Part four\n\n" + "".join(f"$$n_{{{k}}} = n_{{{(k + 1) % 39}}} + n_{{{(k + 2) % 39}}} + x$$\n\n"
                                           for k in range(39)) * 2
             + "$$\\frac{\\partial n_{1}}{\\partial x} = 1 \\tag{cy4}$$\n\n")
    # -- a name of several words ---------------------------------------------------------------------------------------
    words = " ".join(f"w{k}" for k in range(10000))
    mml_then("names: \\text{…} of 10 000 words, as a name defined and used (10 claims)",
             "".join(f"$$\\text{{{words}}} = X^\\top \\cdot \\text{{grad}} + {k}$$\n\n" for k in range(5))
             + "".join(f"$$\\Delta W = -0.1 \\cdot \\text{{{words}}} \\tag{{n{k}}}$$\n\n" for k in range(5)),
             verdicts={f"n{k}": {"unchecked"} for k in range(5)})
    mml_then("names: 900 names of several words each (\\text{W update k}), each used",
             "".join(f"$$\\text{{W update {k}}} = x^2 + {k}$$\n\n$$\\frac{{\\partial \\text{{W update {k}}}}}{{\\partial x}} = 2x$$\n\n"
                     for k in range(900)))
    # -- case paragraphs --------------------------------------------------------------------------------------------
    soft = "Softmax: $$a_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$$\n\n"
    mml_then("cases: 'In case i $\\neq$ j:' 10⁴ times, then a claim", soft + "In case i $\\neq$ j:\n\n" * 10000
             + "$$\\frac{\\partial a_i}{\\partial z_j} = -a_i a_j \\tag{cneq}$$\n\n", spec_text=SOFTMAX_COL,
             verdicts={"cneq": {"correct", "unchecked"}})
    mml_then("cases: 'In case i ≠ j:' (no math) 10⁴ times, then a claim", soft + "In case i ≠ j:\n\n" * 10000
             + "$$\\frac{\\partial a_i}{\\partial z_j} = -a_i a_j \\tag{cneq}$$\n\n", spec_text=SOFTMAX_COL,
             verdicts={"cneq": {"correct", "unchecked"}})
    mml_then("cases: 'In case i ≠ j: In case i = j:' (no math) nested 10⁴ deep in one line, then a claim",
             soft + "In case i ≠ j: In case i = j: " * 10000 + "\n\n"
             "$$\\frac{\\partial a_i}{\\partial z_j} = a_i (1 - a_i) \\tag{cn}$$\n\n", spec_text=SOFTMAX_COL,
             verdicts={"cn": {"correct", "unchecked"}})
    mml_then("cases: 'In case i = j:' / 'In case i \\neq j:' in turn, a claim under each of 990",
             soft + "".join(f"In case $i {_rel(k)} j$:\n\n$$\\frac{{\\partial a_i}}{{\\partial z_j}} = "
                            + ("a_i (1 - a_i)" if k % 2 else "-a_i a_j") + f" \\cdot \\frac{{{k + 1}}}{{{k + 1}}}$$\n\n"
                            for k in range(990)), spec_text=SOFTMAX_COL)
    mml_then("cases: case paragraphs nested 5000 deep in one line (In case i = j: In case i \\neq j: …)",
             soft + "In case $i = j$: In case $i \\neq j$: " * 5000 + "\n\n"
             "$$\\frac{\\partial a_i}{\\partial z_j} = a_i (1 - a_i) \\tag{cn}$$\n\n", spec_text=SOFTMAX_COL,
             verdicts={"cn": {"correct", "unchecked"}})
    # -- \sum_{k \neq i} ---------------------------------------------------------------------------------------------
    mml_then("sums: \\sum_{k \\neq i} over a softmax of 100000 units, 990 claims",
             soft + "".join(f"$$\\frac{{\\partial L}}{{\\partial z_i}} = a_i - y_i + {k} \\sum_{{k \\neq i}} 0 \\cdot a_k$$\n\n"
                            for k in range(990)),
             spec_text=spec(layer(100000, '"softmax"'), inputs=4, loss="cross_entropy", extra='convention = "column"\n'))
    mml_then("sums: \\sum_{k \\neq i_1, i_2, …} with 300 exclusions, and six nested \\sum_{k \\neq i}",
             soft + "$$L = \\sum_{k \\neq " + ", ".join(f"i_{{{m}}}" for m in range(300)) + "} a_k$$\n\n"
             + "$$L = " + "".join(f"\\sum_{{k_{m} \\neq k_{m + 1}}}" for m in range(6)) + " a_{k_0}$$\n\n"
             + "$$L = \\sum_{j \\neq i \\in \\{" + ", ".join(str(m) for m in range(5000)) + "\\}} a_j$$\n\n",
             spec_text=SOFTMAX_COL)
    # -- closing check marks ---------------------------------------------------------------------------------------------
    mml_then("check marks: \\checkmark 90 000 times after one claim", "$$\\frac{\\partial e}{\\partial c} = -\\sin(c) "
             + "\\checkmark " * 90000 + "$$\n\n")
    mml_then("check marks: ✓ 60 000 times, and \\quad \\checkmark 40 000 times inside a claim",
             "$$x = 3 " + "✓ " * 60000 + "$$\n\n$$a = \\quad" + " \\quad \\checkmark" * 40000 + " b$$\n\n")
    md("check marks: MML's claims each closed by 100 \\checkmark", MML_MD.replace(
        "\\tag{", "\\checkmark " * 100 + "\\tag{"), verdicts=mml)
    md("check marks: MML's claims each closed by 1000 \\checkmark (past compgraph's MAX_CHARS: not read on the graph)",
       MML_MD.replace("\\tag{", "\\checkmark " * 1000 + "\\tag{"),
       verdicts={k: v | {"unchecked"} for k, v in mml.items()})
    mml_then("compgraph: a diamond lattice 19 deep (b_k = c_{k-1} + b_{k-1}, c_k = b_{k-1} c_{k-1}), its top redefined",
             "$$b_{0} = x$$\n\n$$c_{0} = x + 1$$\n\n" + "".join(
                 f"$$b_{{{k}}} = c_{{{k - 1}}} + b_{{{k - 1}}}$$\n\n$$c_{{{k}}} = b_{{{k - 1}}} c_{{{k - 1}}}$$\n\n"
                 for k in range(1, 19)) + "$$b_{18} = b_{17} + c_{17}$$\n\n$$b_{18} = c_{17} + b_{17} + 0$$\n\n"
             + "$$\\frac{\\partial b_{18}}{\\partial c_{17}} = 1 \\tag{dia}$$\n\n", verdicts={"dia": {"correct", "unchecked"}})
    # -- long valid answers: a partial result, never the CPU stop (exit 2) -----------------------------------------------
    md("long answers: 400 claims, each a sum of 40–240 products a_k b_k (∂L/∂w = a_1 b_1 + …), exit 0 or 1",
       D2_TAGGED + "".join("$$\\frac{\\partial L}{\\partial w} = " + " + ".join(f"a_{{{m}}} b_{{{m}}}" for m in range(1, 41 + k // 2))
                           + "$$\n\n" for k in range(400)), codes=(0, 1), verdicts={"d2": {"correct"}})
    md("long answers: r22's 400 d-letter claims of sums of 40–440 products X^T dZ, exit 0 or 1",
       CS231N_HEAD + "$$dW = X^T dZ \\tag{dW}$$\n\n" + "".join(
           f"$$dW = \\frac{{1}}{{{40 + k}}}(" + " + ".join(["X^T dZ"] * (40 + k)) + ")$$\n\n" for k in range(400)),
       spec_text=SOFTMAX_COL, codes=(0, 1), verdicts={"dW": {"unchecked"}})
    # -- one-unit layers re-judged at another width ------------------------------------------------------------------
    general = "".join(
        f"$$\\delta^{{({l})}} = ((W^{{({l + 1})}})^T \\delta^{{({l + 1})}}) \\odot \\sigma'(z^{{({l})}}) \\tag{{g{l}}}$$\n\n"
        f"$$\\frac{{\\partial L}}{{\\partial W^{{({l})}}}} = \\delta^{{({l})}} (a^{{({l - 1})}})^T \\tag{{right{l}}}$$\n\n"
        f"$$\\frac{{\\partial L}}{{\\partial W^{{({l})}}}} = \\delta^{{({l})}} a^{{({l - 1})}} \\tag{{slip{l}}}$$\n\n"
        for l in range(2, 50))
    md("one-unit layers: 50 one-unit sigmoid layers, 144 claims with transposes (the slip holds at width 1 only)",
       "$$\\delta^{(50)} = a^{(50)} - y \\tag{d50}$$\n\n" + general, spec_text=ONE_UNIT_50,
       verdicts={**{f"slip{l}": {"unchecked", "incorrect"} for l in range(2, 50)},
                 **{f"right{l}": {"correct", "unchecked"} for l in range(2, 50)}})
    md("one-unit layers: the same 144 claims repeated 13 times (1872 claims)",
       "$$\\delta^{(50)} = a^{(50)} - y \\tag{d50}$$\n\n" + general + general.replace("\\tag{", "\\tag{again ") * 12,
       spec_text=ONE_UNIT_50, verdicts={**{f"slip{l}": {"unchecked", "incorrect"} for l in range(2, 50)},
                                        **{f"right{l}": {"correct", "unchecked"} for l in range(2, 50)}})
    return out

def _no_raw_controls():
    """after(folder): no file the run wrote holds an ANSI escape, a bidirectional override or a NUL as raw text."""
    def check(d: str) -> list[str]:
        bad = []
        for f in Path(d).rglob("*"):
            if f.is_file() and f.name not in ("h.md", "s.toml", "r.toml"):
                text = f.read_bytes().decode("utf-8", "replace")
                bad += [f"{f.name} holds {c!r}" for c in ("\x1b", "\u202e", "\x00", "\x07") if c in text]
        return bad
    return check


def _summary_rows(d: str) -> tuple[list, str | None]:
    """The rows of the batch summary g.csv in the folder, or ([], why it could not be read)."""
    import csv
    try:
        with open(Path(d, "g.csv"), encoding="utf-8") as f:
            return list(csv.DictReader(f)), None
    except OSError as exc:
        return [], f"no summary: {exc}"


def _batch_complete(n: int):
    """after(folder): the summary (g.csv) has one row per submission."""
    def check(d: str) -> list[str]:
        rows, failed = _summary_rows(d)
        if failed:
            return [failed]
        return [] if len(rows) == n else [f"{len(rows)} rows in the summary, expected {n}"]
    return check


def _grades_are(want: dict):
    """after(folder): each question's score in the batch summary (g.csv) is the one given."""
    def check(d: str) -> list[str]:
        rows, failed = _summary_rows(d)
        if failed:
            return [failed]
        if not rows:
            return ["an empty summary"]
        got = {q: rows[0].get(q) for q in want}
        return [f"question {q}: {got[q]!r}, expected {v}" for q, v in want.items()
                if got[q] is None or abs(float(got[q]) - v) > 1e-9]
    return check


def _katex_names() -> list[str]:
    from gradproof.verify import surface
    return sorted({n.lstrip("\\") for names in surface.INVENTORY.values() for n in names.split() if n.lstrip("\\").isalpha()})


#: the University of Amsterdam's Deep Learning 1 modules (tests/verify/test_twenty_fourth_round.py's answer, whose
#: verdicts PyTorch autograd decides there): read by verify/indexmodules.py
UVA_SPEC = ('name = "uva_modules"\nconvention = "row"\ninputs = 4\n\n[[layers]]\nunits = 5\nactivation = "elu"\n\n'
            '[[layers]]\nunits = 3\nactivation = "softmax"\n\n[loss]\nname = "cross_entropy"\n\n[optimizer]\n'
            'name = "sgd"\nlearning_rate = 0.1\n')
UVA_TEX = r"""\section*{Question 1}
\begin{enumerate}
\item For the linear module $\mathbf{Y} = \mathbf{X}\mathbf{W}^T + \mathbf{B}$, whose rows of $\mathbf{B}$ are $\mathbf{b}$,
\[ \frac{\partial Y_{sn}}{\partial W_{ij}} = \sum_{m}^{M} X_{sm}\delta_{ni}\delta_{mj} = X_{sj}\delta_{ni} \tag{dY_dW} \]
\[ \frac{\partial Y_{sn}}{\partial W_{ij}} = X_{si}\delta_{nj} \tag{dY_dW_slip} \]
\[ \frac{\partial L}{\partial W_{ij}} = \sum_s^S \sum_n^N \frac{\partial L}{\partial Y_{sn}} X_{sj}\delta_{ni}
   = \sum_s^S \frac{\partial L}{\partial Y_{si}} X_{sj} \tag{dL_dW_entries} \]
\[ \frac{\partial L}{\partial \mathbf{W}} = \left(\frac{\partial L}{\partial \mathbf{Y}}\right)^T \mathbf{X} \tag{dL_dW} \]
\[ \frac{\partial L}{\partial \mathbf{W}} = \mathbf{X}^T \frac{\partial L}{\partial \mathbf{Y}} \tag{dL_dW_slip} \]
\[ \frac{\partial L}{\partial \mathbf{b}} = \mathbf{1}^T \frac{\partial L}{\partial \mathbf{Y}} \tag{dL_db} \]
\[ \frac{\partial L}{\partial b_{j}} = \frac{\partial L}{\partial Y_{sj}} \tag{dL_db_slip} \]
\[ \frac{\partial L}{\partial \mathbf{X}} = \frac{\partial L}{\partial \mathbf{Y}} \mathbf{W} \tag{dL_dX} \]
\item For the softmax module $Y_{sc} = \frac{e^{X_{sc}}}{\sum_k e^{X_{sk}}}$:
\[ \frac{\partial Y_{sc}}{\partial X_{ij}} = \delta_{si} Y_{sc} (\delta_{cj} - Y_{sj}) \tag{softmax} \]
\[ \frac{\partial Y_{sc}}{\partial X_{ij}} = \delta_{si} Y_{sc} (1 - Y_{sj}) \tag{softmax_slip} \]
\item For the cross-entropy module $L = -\frac{1}{S}\sum_s \sum_c T_{sc} \ln X_{sc}$:
\[ \frac{\partial L}{\partial \mathbf{X}} = -\frac{1}{S} \mathbf{T} \oslash \mathbf{X} \tag{ce} \]
\[ \frac{\partial L}{\partial \mathbf{X}} = - \mathbf{T} \oslash \mathbf{X} \tag{ce_slip} \]
\end{enumerate}
"""
UVA_VERDICTS = {k: {"correct"} for k in ("dY_dW", "dL_dW_entries", "dL_dW", "dL_db", "dL_dX", "softmax", "ce")} | {
    k: {"incorrect"} for k in ("dY_dW_slip", "dL_dW_slip", "dL_db_slip", "softmax_slip", "ce_slip")}


def round_twenty_five() -> list[Probe]:
    """Round twenty-five (issue 12): the twenty-fourth round's readers — indexmodules (a module's backward pass on a
    batch in index notation), the token reader it shares with compgraph, the arithmetic of claims whose letters do
    not read (``Judge._arithmetic_of_unread``), a cases environment as a system (``_SYSTEM``), TeX comments and
    Markdown-escaped TeX in documents — as an attacker (huge ranges, many indices, aliases, depth, long numbers, long
    comments, repeated escapes). Each hostile part is a section after (or before) the UvA modules' answer, whose
    claims' verdicts autograd decides (tests/verify/test_twenty_fourth_round.py), so a lost or misread section shows."""
    out: list[Probe] = []
    md = _document_probes(out, "r25: ")
    uva = UVA_VERDICTS
    starved = {k: v | {"unchecked"} for k, v in uva.items()}  # (before a hostile part: its time may starve them)

    def uva_then(pid: str, hostile: str, spec_text: str = UVA_SPEC, **kw) -> None:
        md(pid, UVA_TEX + "\n\\section*{Question 2}\n" + hostile, verdicts={**uva, **kw.pop("verdicts", {})},
           spec_text=spec_text, name="h.tex", **kw)

    def then_uva(pid: str, hostile: str, **kw) -> None:
        md(pid + " (UvA after it)", "\\section*{Question 0}\n" + hostile + "\n" + UVA_TEX,
           verdicts={**starved, **kw.pop("verdicts", {})}, spec_text=UVA_SPEC, name="h.tex", **kw)

    def both(pid: str, hostile: str, **kw) -> None:
        uva_then(pid, hostile, **dict(kw))
        then_uva(pid, hostile, **dict(kw))

    # -- index-notation sums with huge ranges, many indices, aliases, depth -------------------------------------------
    huge = "".join(f"\\[ \\frac{{\\partial L}}{{\\partial W_{{ij}}}} = \\sum_{{s=1}}^{{10^{{9}}}} \\sum_{{n=1}}^{{10^9}} "
                   f"\\frac{{\\partial L}}{{\\partial Y_{{sn}}}} X_{{sj}}\\delta_{{ni}} + {k} - {k} \\]\n" for k in range(600))
    both("index sums: \\sum_{s=1}^{10^9} over a module, 600 claims", huge)
    many = "".join(chr(97 + k % 26) for k in range(50))
    both("index sums: 50 indices on one array (X_{abc…}), δ with 50, ∂ by an entry of 50, 300 claims",
         "".join(f"\\[ \\frac{{\\partial Y_{{{many}}}}}{{\\partial W_{{{many}}}}} = X_{{{many}}}\\delta_{{{many}}} \\]\n"
                 for _ in range(300)))
    nested4 = "".join(f"\\sum_{{{chr(97 + 4 * k)},{chr(98 + 4 * k)},{chr(99 + 4 * k)},{chr(100 + 4 * k)}}}"
                      for k in range(6))
    both("index sums: six nested 4-index sums (4^24 terms) in each of 200 claims",
         "".join(f"\\[ \\frac{{\\partial L}}{{\\partial X_{{yz}}}} = {nested4} X_{{ab}} W_{{cd}} \\delta_{{ef}} \\]\n"
                 for _ in range(200)))
    both("index sums: a Kronecker δ chain δ_{ab}δ_{bc}…δ_{yz} (26 free indices) in 300 claims",
         "".join("\\[ \\frac{\\partial Y_{sn}}{\\partial W_{ij}} = "
                 + "".join(f"\\delta_{{{chr(97 + k)}{chr(98 + k)}}}" for k in range(25)) + " X_{sj} \\]\n"
                 for _ in range(300)))
    both("index sums: a δ chain summed over its inner indices, 12 deep, 300 claims",
         "".join("\\[ \\frac{\\partial Y_{sn}}{\\partial W_{ij}} = "
                 + "".join(f"\\sum_{{{chr(97 + k)}}}" for k in range(12))
                 + "".join(f"\\delta_{{{chr(97 + k)}{chr(98 + k)}}}" for k in range(12)) + " X_{sj}\\delta_{ni} \\]\n"
                 for _ in range(300)))
    wide = "".join(f"\\delta_{{s{c}}}" for c in "abcdefghklmopqrtuvwxyz")  # (22 free indices, s's 2 values each)
    both("index sums: 22 free indices, each δ_{s·} (2^22 index values), 5 claims", "".join(
        f"\\[ \\frac{{\\partial Y_{{sn}}}}{{\\partial W_{{ij}}}} {wide} = X_{{sj}}\\delta_{{ni}} {wide} \\]\n" for _ in range(5)))
    aliases = "".join("\\[ G_{ij} = \\left(\\frac{\\partial L}{\\partial \\mathbf{Y}}\\right)_{ij} \\]\n"
                      for _ in range(900))
    uses = "".join("\\[ \\frac{\\partial L}{\\partial \\mathbf{W}} = \\mathbf{G}^T \\mathbf{X} \\tag{alias%d} \\]\n" % k
                   for k in range(900))
    both("index aliases: G_{ij} = (∂L/∂Y)_{ij} 900 times, ∂L/∂W = Gᵀ X 900 times", aliases + uses,
         verdicts={"alias0": {"correct", "unchecked"}, "alias899": {"correct", "unchecked"}})
    uva_then("index aliases: 10 000 inline aliases $G_{ij} = (∂L/∂Y)_{ij}$ (exit 2: more than 2000 equations)",
             "Let $G_{ij} = (\\frac{\\partial L}{\\partial Y})_{ij}$. " * 10000, codes=(2,))
    deep = "\\left(" * 10000 + "X" + "\\right)_{ij}" * 10000
    both("index depth: (\\cdot)_{ij} nested 10 000 deep", f"\\[ \\frac{{\\partial L}}{{\\partial X_{{ij}}}} = {deep} \\]\n")
    both("index depth: (\\cdot)_{ij} nested 39 deep, 300 claims", "".join(
        "\\[ \\frac{\\partial L}{\\partial X_{ij}} = " + "(" * 39 + "\\frac{\\partial L}{\\partial Y}\\mathbf{W}"
        + ")_{ij}" * 39 + " \\]\n" for _ in range(300)))
    both("index depth: \\sum nested 10 000 deep", "\\[ \\frac{\\partial L}{\\partial X_{ij}} = " + "\\sum_{k}" * 10000
         + " X_{ik} \\]\n")
    big = "\\[ \\frac{\\partial Y_{sn}}{\\partial W_{ij}} = X_{sj}\\delta_{ni} \\tag{big} \\]\n"
    uva_then("index modules against a spec of 20 000 inputs and 20 000 units", big,
             spec_text=spec(layer(20000, '"elu"') + layer(3, '"softmax"'), inputs=20000, loss="cross_entropy",
                            extra='convention = "row"\n'), verdicts={"big": {"correct"}})
    # -- arithmetic of claims whose letters do not read ------------------------------------------------------------------
    big_int = 10 ** 2900
    uva_then("arithmetic of unread claims: 2900-digit numbers, exact (1 - 0 written as differences) and slips",
             f"\\[ Z_1(in) = ({big_int + 1} - {big_int}) \\cdot 3 = 3 \\tag{{n1}} \\]\n"
             "\\[ Z_1(in) = (100000000000000000001 - 100000000000000000000) \\cdot 3 = 3 \\tag{n2} \\]\n"
             "\\[ Z_1(in) = 9007199254740993 - 9007199254740992 = 1 \\tag{n3} \\]\n"
             "\\[ Z_1(in) = 0.5 \\cdot 2 + 1.5 = 3 \\tag{nslip} \\]\n",
             verdicts={"n1": {"unchecked", "correct"}, "n2": {"unchecked", "correct"}, "n3": {"unchecked", "correct"},
                       "nslip": {"incorrect"}})
    uva_then("arithmetic of unread claims: 5000-digit numbers (80 claims), 700-digit ones (100 claims)",
             "".join(f"\\[ Z_{{{k}}}(in) = {'7' * 5000} \\cdot 2 = {'1' + '5' * 4999}4 \\tag{{long{k}}} \\]\n" for k in range(80))
             + "".join(f"\\[ Z_{{{k}}}(in) = {'7' * 700} \\cdot 2 = {'1' + '5' * 699}4 \\tag{{mid{k}}} \\]\n" for k in range(100)),
             verdicts={**{f"long{k}": {"unchecked", "correct"} for k in range(80)},
                       **{f"mid{k}": {"unchecked", "correct"} for k in range(100)}})
    uva_then("arithmetic of unread claims: powers of 10^6 digits (-4^{10^6}, (-4)^{999999}, 4^{10^{6}})",
             "".join(f"\\[ Z_{{{k}}}(in) = -4^{{{'9' * 1000}}} = (-4)^{{999999}} = 4^{{10^{{6}}}} + {k} = 5 \\]\n"
                     for k in range(300)))
    uva_then("arithmetic of unread claims: a number of 10^5 digits raised to a power, 9 claims",
             "".join(f"\\[ Z_1(in) = -{'4' * 100000}^{{2}} = {'3' * 1000} \\]\n" for _ in range(9)))
    # -- cases environments ----------------------------------------------------------------------------------------------
    rows = " \\\\ ".join(f"W_{{k{k % 9}}}(n+1) = W_{{k{k % 9}}}(n) - \\eta \\delta_k h_{k % 9}" for k in range(10000))
    both("cases: a system of 10 000 rows", f"\\[ \\begin{{cases}} {rows} \\end{{cases}} \\]\n")
    rows2 = " \\\\ ".join(f"a_i(1 - a_i) & i = j{k}" for k in range(10000))
    both("cases: 10 000 rows with conditions", f"\\[ \\frac{{\\partial a_i}}{{\\partial z_j}} = \\begin{{cases}} {rows2}"
         " \\end{cases} \\]\n")
    both("cases: 500 systems of 30 rows each", "".join(
        "\\[ \\begin{cases} " + " \\\\ ".join(f"x_{k} = {k} + 1" for k in range(30)) + " \\end{cases} \\]\n"
        for _ in range(500)))
    both("cases: a cases environment nested 2000 deep", "\\[ x = " + "\\begin{cases} " * 2000 + "1 & i = j"
         + " \\end{cases}" * 2000 + " \\]\n")
    # -- TeX comments, Markdown escapes ----------------------------------------------------------------------------------
    both("comments: a % comment of 900 kB after a row", "\\[ \\frac{\\partial L}{\\partial \\mathbf{X}} = "
         "\\frac{\\partial L}{\\partial \\mathbf{Y}} \\mathbf{W} \\tag{com} % " + "a" * 900_000 + "\n\\]\n",
         verdicts={"com": {"correct"}})
    both("comments: 100 000 % lines inside a display and 100 000 outside", "%\n" * 100_000
         + "\\[ \\frac{\\partial L}{\\partial \\mathbf{X}} = \\frac{\\partial L}{\\partial \\mathbf{Y}} \\mathbf{W} \\tag{com} "
         + "\n%" * 100_000 + "\n\\]\n", verdicts={"com": {"correct"}})
    both("comments: escaped \\% 300 000 times in one row (no comment)",
         "\\[ x = " + "\\%" * 300_000 + " \\]\n")
    both("comments: \\\\% and \\% in turn 100 000 times (a comment after a row break)",
         "\\[ x = 1 " + "\\\\%\\%" * 100_000 + " \\]\n")
    md("comments: a % comment of 900 kB in a Markdown display", MML_MD + "\n$$x = 1 % " + "b" * 900_000 + "\n$$\n",
       verdicts=MML_VERDICTS)
    wiki = "\\begin{align\\*} u_1 &= v_1 \\\\\\\\ u_2 &= v_2 \\end{align\\*}\n\n"  # (not MML's letters)
    md("Markdown escapes: \\\\\\\\ repeated 240 000 times in a GitHub wiki's align\\*", MML_MD + "\n\n## Part two\n\n$$" + wiki
       + "\\begin{align\\*} x " + "\\\\\\\\" * 240_000 + " \\end{align\\*}$$\n", verdicts=MML_VERDICTS)
    md("Markdown escapes: \\* repeated 480 000 times", MML_MD + "\n\n## Part two\n\n$$" + wiki + "x = " + "\\*" * 480_000 + "$$\n",
       verdicts=MML_VERDICTS)
    md("Markdown escapes: \\^ \\_ 230 000 times in prose and a display", MML_MD + "\n\n## Part two\n\n" + wiki + "\\^\\_" * 140_000
       + "\n\n$$y = " + "\\^\\_" * 90_000 + "$$\n", verdicts=MML_VERDICTS)
    md("Markdown escapes: \\begin{align\\*} 20 000 times, unclosed", MML_MD + "$$" + "\\begin{align\\*} " * 20000 + "$$\n",
       verdicts=MML_VERDICTS)
    # -- the shared token reader: runs of dots and spaces, long claims ---------------------------------------------------
    both("token reader: claims ending in 9000 '. ' after a letter (the end-punctuation scan), 20 claims", "".join(
        "\\[ \\frac{\\partial L}{\\partial X_{ij}} = X_{ij}" + " . ," * 3000 + " x \\]\n" for _ in range(20)))
    md("token reader: MML's graph beside claims of 1400 '.' (compgraph's MAX_CHARS)", MML_MD + "".join(
        "$$v = u" + " ." * 700 + " w$$\n\n" for _ in range(600)), verdicts=MML_VERDICTS)
    return out


#: Han, Kamber & Pei's Figure 9.5 worked by hand (tests/verify/test_twenty_fifth_round.py's answer, whose verdicts NumPy
#: central differences decide there): read by verify/unitnumbers.py and ownvalues.py
HK_SPEC = ('name = "han_kamber"\nconvention = "row"\ninputs = 3\n\n[[layers]]\nunits = 2\nactivation = "sigmoid"\n\n'
           '[[layers]]\nunits = 1\nactivation = "sigmoid"\n\n[loss]\nname = "squared_error"\n\n[optimizer]\n'
           'name = "sgd"\nlearning_rate = 0.9\n')
HK_MD = r"""# Backpropagation, Han & Kamber's Figure 9.5

The training tuple is $X = (1, 0, 1)$ with class label $T_6 = 1$; the learning rate is $l = 0.9$. The initial values:
$x_1 = 1$, $x_2 = 0$, $x_3 = 1$, $w_{14} = 0.2$, $w_{15} = -0.3$, $w_{24} = 0.4$, $w_{25} = 0.1$, $w_{34} = -0.5$,
$w_{35} = 0.2$, $w_{46} = -0.3$, $w_{56} = -0.2$, $\theta_4 = -0.4$, $\theta_5 = 0.2$, $\theta_6 = 0.1$.

$$I_j = \sum_i w_{ij} O_i + \theta_j \tag{net}$$

$$O_j = \frac{1}{1 + e^{-I_j}} \tag{out}$$

$$I_4 = 0.2 + 0 - 0.5 - 0.4 = -0.7 \tag{I4}$$

$$O_4 = \frac{1}{1 + e^{0.7}} = 0.332 \tag{O4}$$

$$O_6 = \frac{1}{1 + e^{0.105}} = 0.474 \tag{O6}$$

$$Err_j = O_j (1 - O_j)(T_j - O_j) \tag{err_out}$$

$$Err_j = O_j (1 - O_j) \sum_k Err_k w_{jk} \tag{err_hidden}$$

$$Err_j = \sum_k Err_k w_{jk} \tag{err_hidden_slip}$$

$$Err_6 = (0.474)(1 - 0.474)(1 - 0.474) = 0.1311 \tag{Err6}$$

$$Err_5 = (0.525)(1 - 0.525)(0.1311)(-0.2) = -0.0065 \tag{Err5}$$

$$Err_5 = (0.525)(1 - 0.525)(0.1311) = 0.0327 \tag{Err5_slip}$$

$$\Delta w_{ij} = (l) Err_j O_i \tag{dw}$$

$$w_{46} = -0.3 + (0.9)(0.1311)(0.332) = -0.261 \tag{w46}$$

$$w_{56} = -0.2 + (0.9)(0.1311)(0.332) = -0.161 \tag{w56_slip}$$

$$w_{14} = 0.2 + (0.9)(-0.0087)(1) = 0.192 \tag{w14}$$

$$\theta_6 = 0.1 + (0.9)(0.1311) = 0.218 \tag{theta6}$$

$$\theta_6 = 0.1 - (0.9)(0.1311) = -0.018 \tag{theta6_slip}$$
"""
HK_VERDICTS = {k: {"correct"} for k in ("I4", "O4", "O6", "Err6", "Err5", "w46", "w14", "theta6", "err_out",
                                         "err_hidden", "dw", "net", "out")} | {
    k: {"incorrect"} for k in ("Err5_slip", "w56_slip", "theta6_slip", "err_hidden_slip")}


def round_twenty_six() -> list[Probe]:
    """Round twenty-six (issue 12): the twenty-fifth round's readers — units numbered across the network
    (unitnumbers.py), the ERA sheet's respelling (eraunits.py), HTML-tagged text, the superscript-capital drop of
    normalize.py, the term-by-term check of substituted numbers (``Judge._substituted_term_by_term``), ``\\Sigma_i``,
    ``f^{^{\\prime}}``, ``(lr)`` — as an attacker. Each hostile part is a section after (or before) Han & Kamber's
    worked example, whose claims' verdicts central differences decide (tests/verify/test_twenty_fifth_round.py)."""
    out: list[Probe] = []
    md = _document_probes(out, "r26: ")
    starved = {k: v | {"unchecked"} for k, v in HK_VERDICTS.items()}

    def hk_then(pid: str, hostile: str, **kw) -> None:
        md(pid, HK_MD + "\n## Part two\n\n" + hostile, verdicts={**HK_VERDICTS, **kw.pop("verdicts", {})},
           spec_text=HK_SPEC, **kw)

    def then_hk(pid: str, hostile: str, **kw) -> None:
        md(pid + " (HK after it)", "# Part zero\n\n" + hostile + "\n\n" + HK_MD,
           verdicts={**starved, **kw.pop("verdicts", {})}, spec_text=HK_SPEC, **kw)

    def both(pid: str, hostile: str, **kw) -> None:
        hk_then(pid, hostile, **dict(kw))
        then_hk(pid, hostile, **dict(kw))

    # -- unit numbers -------------------------------------------------------------------------------------------------
    both("unit numbers: w_{4…6} with 10^5-digit unit numbers", "$$w_{" + "4" * 100_000 + " " + "6" * 100_000
         + "} = -0.3 + (0.9)(0.1311)(0.332) = -0.261$$\n")
    both("unit numbers: 1900 weights w_{k,k+1} joining 10 000 numbered units", " ".join(
        f"$w_{{{k}\\,{k + 1}}} = 0.{k % 9 + 1}$" for k in range(1, 10_000, 5)[:1900]) + "\n")
    both("unit numbers: θ_{θ_{θ_{…}}} nested 5000 deep", "$$" + "\\theta_{" * 5000 + "6" + "}" * 5000
         + " = 0.1 + (0.9)(0.1311) = 0.218$$\n")
    both("unit numbers: θ_4 = θ_5 = … a cycle of 1000 unit numbers", "$$" + " = ".join(
        f"\\theta_{{{4 + k % 3}}}" for k in range(1000)) + " = 0.1$$\n")
    # -- the ERA sheet ----------------------------------------------------------------------------------------------------
    era = "$$a_{h_1} = \\sigma(h_1), \\quad a_{o_1} = \\sigma(o_1), \\quad E_{total} = E_1 + E_2$$\n\n"
    both("ERA: the respelling on 1900 aligned rows", era + "$$\\begin{aligned} " + " \\\\ ".join(
        f"h_{{{k % 2 + 1}}} &= w_{k % 8 + 1} i_1 + w_{k % 8 + 2} i_2" for k in range(1900)) + "\\end{aligned}$$\n")
    both("ERA: w1 … w99999 in one claim", era + "$$E_{total} = " + " + ".join(f"w{k}" for k in range(1, 100_000)) + "$$\n")
    both("ERA: new_w nested 5000 deep", era + "$$" + "new\\_" * 5000 + "w_1 = w_1 - \\eta \\frac{\\partial E_{total}}"
         "{\\partial w_1}$$\n")
    # -- HTML -------------------------------------------------------------------------------------------------------------
    both("HTML: <sup> nested 10 000 deep", "<p>O<sub>6</sub> = " + "<sup>" * 10_000 + "2" + "</sup>" * 10_000 + "</p>\n")
    both("HTML: <sup> unclosed 10^5 times", "<p>Err<sub>6</sub> = " + "<sup>x" * 100_000 + "</p>\n")
    # -- normalize.py's superscript capitals --------------------------------------------------------------------------
    both("superscript capitals: W_{kj}^{KJ…} with 10^5 capitals", "$$W_{kj}^{" + "KJ" * 50_000
         + "} = W_{kj}^{KJ} + \\eta \\delta_k O_j$$\n")
    both("superscript capitals: 10^5-letter unit subscript and its capitals", "$$O_{" + "j" * 100_000 + "}^{"
         + "J" * 100_000 + "} = f(net_j^J)$$\n")
    # -- substituted numbers term by term -----------------------------------------------------------------------------
    both("term by term: Err_5 with 10^4 factors", "$$Err_5 = " + "(0.525)" * 10_000 + " = -0.0065$$\n")
    both("term by term: w_{46} with 10^4 terms", "$$w_{46} = -0.3 + " + " + ".join(["(0.9)(0.1311)(0.332)"] * 10_000)
         + " = -0.261$$\n")
    both("term by term: parentheses 5000 deep", "$$Err_6 = " + "(" * 5000 + "0.474" + ")" * 5000
         + "(1 - 0.474)(1 - 0.474) = 0.1311$$\n")
    # -- spellings ----------------------------------------------------------------------------------------------------------
    both("\\Sigma_i chains: 10 000 \\Sigma_i in one claim", "$$I_j = " + "\\Sigma_i " * 10_000 + "w_{ij} O_i + \\theta_j$$\n")
    both("\\Sigma_i chains: \\Sigma_{\\Sigma_{…}} nested 3000 deep", "$$I_j = " + "\\Sigma_{" * 3000 + "i" + "}" * 3000
         + " w_{ij} O_i + \\theta_j$$\n")
    both("f^{^{^…}} nested 10 000 deep", "$$Err_j = f^" + "{^" * 10_000 + "{\\prime}" + "}" * 10_000 + "(I_j) (T_j - O_j)$$\n")
    both("(lr) repeated 10^5 times", "$$\\Delta w_{ij} = " + "(lr)" * 100_000 + " Err_j O_i$$\n")
    # -- the same attacks under the parser's formula limit (4000 characters): read, not refused for their length -------
    both("under the formula limit: W_{kj}^{KJ…} with 3800 capitals", "$$W_{kj}^{" + "KJ" * 1900
         + "} = W_{kj}^{KJ} + \\eta \\delta_k O_j$$\n")
    both("under the formula limit: f^{^{^…}} nested 1200 deep", "$$Err_j = f^" + "{^" * 1200 + "{\\prime}" + "}" * 1200
         + "(I_j) (T_j - O_j)$$\n")
    both("under the formula limit: (lr) 900 times", "$$\\Delta w_{ij} = " + "(lr)" * 900 + " Err_j O_i$$\n")
    both("under the formula limit: \\Sigma_i 400 times", "$$I_j = " + "\\Sigma_i " * 400 + "w_{ij} O_i + \\theta_j$$\n")
    both("under the formula limit: w_{46} with 150 substituted terms", "$$w_{46} = -0.3 + "
         + " + ".join(["(0.9)(0.1311)(0.332)"] * 150) + " = -0.261$$\n")
    both("under the formula limit: Err_6's parentheses 1900 deep", "$$Err_6 = " + "(" * 1900 + "0.474" + ")" * 1900
         + "(1 - 0.474)(1 - 0.474) = 0.1311$$\n")
    both("under the formula limit: <sup> nested 300 deep", "<p>O<sub>6</sub> = " + "<sup>" * 300 + "2" + "</sup>" * 300
         + "</p>\n")
    # -- a spec without [optimizer] ------------------------------------------------------------------------------------
    no_opt = HK_SPEC[:HK_SPEC.index("[optimizer]")]
    steps = ("w46", "w56_slip", "w14", "theta6", "theta6_slip", "dw")
    md("no [optimizer]: Han & Kamber's example against a spec that states no step (steps unchecked)", HK_MD,
       spec_text=no_opt, verdicts={k: ({"unchecked"} if k in steps else v) for k, v in HK_VERDICTS.items()})
    plain = spec(layer(3, '"tanh"') + layer(2, '"identity"'))
    plain = plain[:plain.index("[optimizer]")]
    hostile_values = {
        "1e308 inputs": VALUES,
        "4000-digit integers": VALUES.replace("1e308", "9" * 4000),
        "nan and inf": VALUES.replace("1e308, -1e308", "nan, inf"),
        "a W1 of 100 000 rows": VALUES.replace("[[1.0, 0.5], [0.5, 1.0], [1.0, 1.0]]", "[" + ", ".join(["[1.0, 0.5]"] * 100_000) + "]"),
        "an extra name": VALUES + "lr = 1e308\neta = [1, 2]\n",
        "subnormal inputs (judged)": VALUES.replace("1e308, -1e308", "5e-324, -5e-324"),
    }
    for what, values in hostile_values.items():
        out.append(Probe(f"r26: no [optimizer] with hostile [values]: {what}", ("verify", "{d}/a.toml", "--json"),
                         {"s.toml": plain, "a.toml": answers([("d2", DELTA2), ("step", r"W^{(2)} \\leftarrow W^{(2)} - "
                                                                                 r"\\eta \\delta^{(2)} {h^{(1)}}^\\top")],
                                                            extra=values)},
                         (0, 1, 2), {"d2": {"correct", "unchecked"}, "step": {"unchecked"}}))
    return out


def _spec26(name: str, convention: str, inputs: int, layers: list, loss: str, rate: float) -> str:
    """A dense network's spec TOML (tests/verify/test_nineteenth_round_coordinator.py's ``_spec``)."""
    body = "".join(f'\n[[layers]]\nunits = {u}\nactivation = "{a}"\n' for u, a in layers)
    return (f'name = "{name}"\nconvention = "{convention}"\ninputs = {inputs}\n{body}\n[loss]\nname = "{loss}"\n\n'
            f'[optimizer]\nname = "sgd"\nlearning_rate = {rate}\n')


#: the twenty-sixth round's answers (tests/verify/test_twenty_sixth_round.py, whose verdicts NumPy central
#: differences decide there): (spec, document, verdicts by claim id)
R26_BOLD = (_spec26("bold_layers", "column", 3, [(4, "relu"), (1, "sigmoid")], "binary_cross_entropy", 0.1), r"""# One hidden ReLU layer

For sample $(i)$ the forward pass is
$$\bm z_1^{(i)} = \bm W_1^T \bm x^{(i)} + \bm b_1$$
$$\bm a_1^{(i)} = r(\bm z_1^{(i)})$$
$$z_2^{(i)} = \bm w_2^T \bm a_1^{(i)} + b_2$$
$$a_2^{(i)} = \sigma(z_2^{(i)})$$
where $(\bm W_1, \bm b_1) \in (\mathbb{R}^{n \times h}, \mathbb{R}^h)$ and $(\bm w_2, b_2) \in (\mathbb{R}^h, \mathbb{R})$.
The loss of one sample is $L(\hat y, y) = -\left(y \log(\hat y) + (1-y)\log(1-\hat y)\right)$ and over the $m$ samples
$$J = \frac{1}{m}\sum_{i=1}^m L(a_2^{(i)}, y^{(i)})$$

$$\frac{\partial L}{\partial z_2^{(i)}} = a_2^{(i)} - y \tag{dz2}$$

$$\frac{\partial L}{\partial z_2^{(i)}} = y - a_2^{(i)} \tag{dz2_slip}$$

$$\frac{\partial L}{\partial \bm w_2} = (a_2 - y) \bm a_1 \tag{dw2}$$

$$\frac{\partial L}{\partial \bm w_2} = (a_2 - y) \bm z_1 \tag{dw2_slip}$$

$$\frac{\partial L}{\partial b_2} = a_2 - y \tag{db2}$$

Over the batch, with $\bm X \in \mathbb{R}^{n \times m}$, $\bm A_1 = r(\bm W_1^T \bm X + \bm b_1)$ and the row
$\bm a_2 \in \mathbb{R}^m$:

$$\frac{\partial J}{\partial \bm w_2} = \frac{1}{m} \bm A_1 (\bm a_2 - \bm y)^T \tag{Jw2}$$

$$\frac{\partial J}{\partial \bm w_2} = \frac{1}{m} \bm A_1 (\bm a_2 + \bm y)^T \tag{Jw2_slip}$$
""", {"dz2": {"correct"}, "dw2": {"correct"}, "db2": {"correct"}, "Jw2": {"correct"}, "dz2_slip": {"incorrect"},
      "dw2_slip": {"incorrect"}, "Jw2_slip": {"incorrect"}})
R26_CS229 = (_spec26("logreg", "row", 3, [(1, "sigmoid")], "binary_cross_entropy", 0.1), r"""# Logistic regression (CS229, part II)

Letting $x_0 = 1$ (the intercept term), $h_\theta(x) = g(\theta^T x) = \frac{1}{1 + e^{-\theta^T x}}$. Over the
$m$ training examples the log likelihood is
$$\ell(\theta) = \sum_{i=1}^m y^{(i)} \log h_\theta(x^{(i)}) + (1 - y^{(i)}) \log(1 - h_\theta(x^{(i)}))$$
which we maximize by gradient ascent, $\theta := \theta + \alpha \nabla_\theta \ell(\theta)$.

$$\frac{\partial}{\partial \theta_j} \ell(\theta) = \sum_{i=1}^m (y^{(i)} - h_\theta(x^{(i)})) x_j^{(i)} \tag{grad}$$

$$\frac{\partial}{\partial \theta_j} \ell(\theta) = \sum_{i=1}^m (h_\theta(x^{(i)}) - y^{(i)}) x_j^{(i)} \tag{grad_slip}$$

$$\nabla_\theta \ell(\theta) = \sum_{i=1}^m (y^{(i)} - h_\theta(x^{(i)})) x^{(i)} \tag{nabla}$$

$$\theta := \theta + \alpha \sum_{i=1}^m (y^{(i)} - h_\theta(x^{(i)})) x^{(i)} \tag{batch}$$

$$\theta := \theta - \alpha \sum_{i=1}^m (y^{(i)} - h_\theta(x^{(i)})) x^{(i)} \tag{batch_slip}$$

The stochastic gradient ascent rule, one example at a time:

$$\theta_j := \theta_j + \alpha (y^{(i)} - h_\theta(x^{(i)})) x_j^{(i)} \tag{sga}$$

$$\theta_j := \theta_j + \alpha (h_\theta(x^{(i)}) - y^{(i)}) x_j^{(i)} \tag{sga_slip}$$
""", {"grad": {"correct"}, "nabla": {"correct"}, "batch": {"correct"}, "sga": {"correct"}, "grad_slip": {"incorrect"},
      "batch_slip": {"incorrect"}, "sga_slip": {"incorrect"}})
_LAZY_SPEC = _spec26("lazyprog", "column", 3, [(4, "sigmoid"), (3, "softmax")], "cross_entropy", 0.1)
R26_LAZY = (_LAZY_SPEC, r"""# Backpropagation (softmax output, sigmoid hidden layer)

$X$ is the $N \times D$ input matrix, $W$ the $D \times M$ input-to-hidden weights, $V$ the $M \times K$
hidden-to-output weights, $T$ the one-hot targets.

$$Z = \sigma(XW + b)$$
$$A = ZV + c$$
$$Y = \text{softmax}(A) \tag{out}$$

We maximize the log-likelihood
$$J = \sum_{n=1}^N \sum_{k=1}^K t_{nk} \log y_{nk}$$
by gradient ascent: $V \leftarrow V + \alpha \frac{\partial J}{\partial V}$.

$$\frac{\partial J}{\partial V} = Z^T (T - Y) \tag{dV}$$

$$\frac{\partial J}{\partial V} = Z^T (Y - T) \tag{dV_slip}$$

$$\frac{\partial J}{\partial W} = X^T \left[ (T - Y) V^T \odot Z \odot (1 - Z) \right] \tag{dW}$$

$$\frac{\partial J}{\partial W} = X^T \left[ (T - Y) V^T \odot Z \right] \tag{dW_slip}$$

$$\frac{\partial J}{\partial V_{mk}} = \sum_n (t_{nk} - y_{nk}) z_{nm} \tag{dv}$$

$$\frac{\partial J}{\partial V_{mk}} = \sum_n (y_{nk} - t_{nk}) z_{nm} \tag{dv_slip}$$
""", {"dV": {"correct"}, "dW": {"correct"}, "dv": {"correct"}, "out": {"correct"}, "dV_slip": {"incorrect"},
      "dW_slip": {"incorrect"}, "dv_slip": {"incorrect"}})
R26_NG5 = (_spec26("ng5", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "binary_cross_entropy", 0.1), r"""# Backpropagation algorithm

For $t = 1$ to $m$: set $a^{(1)} := x^{(t)}$ and perform forward propagation:
$$z^{(2)} = \Theta^{(1)} a^{(1)}$$
$$a^{(2)} = g(z^{(2)}) \quad (\text{add } a_0^{(2)} = 1)$$
$$z^{(3)} = \Theta^{(2)} a^{(2)}$$
$$a^{(3)} = h_\Theta(x) = g(z^{(3)})$$

Using $y^{(t)}$, compute
$$\delta^{(3)} = a^{(3)} - y^{(t)} \tag{d3}$$

$$\delta^{(3)} = y^{(t)} - a^{(3)} \tag{d3_slip}$$

$$\delta^{(2)} = ((\Theta^{(2)})^T \delta^{(3)}) .* a^{(2)} .* (1 - a^{(2)}) \tag{d2}$$
""", {"d3": {"correct"}, "d2": {"correct"}, "d3_slip": {"incorrect"}})
_ONE_SPEC = _spec26("one_neuron", "row", 1, [(1, "sigmoid")], "squared_error", 0.1)
R26_DELTA = (_ONE_SPEC, r"""# One neuron

$z = w x + b$, $\hat{y} = \sigma(z)$ and $L = \frac{1}{2}(y - \hat{y})^2$.

$$\frac{\delta L}{\delta \hat{y}} = \frac{\delta}{\delta \hat{y}} \frac{1}{2} (y - \hat{y})^2 = - (y - \hat{y}) \tag{dy}$$

$$\frac{\delta \hat{y}}{\delta z} = \sigma(z)\cdot \big(1 - \sigma(z)\big) \tag{dz}$$

$$\frac{\delta \hat{y}}{\delta z} = \sigma(z) \tag{dz_slip}$$

$$\frac{\delta z}{\delta w} = x \tag{dw}$$

$$\frac{\delta z}{\delta w} = w \tag{dw_slip}$$
""", {"dy": {"correct"}, "dz": {"correct"}, "dw": {"correct"}, "dz_slip": {"incorrect"}, "dw_slip": {"incorrect"}})
#: the tie rule's answer (the numbers put in for each factor are, or are not, the ones the answer states for it:
#: decided by hand there)
_CHAIN26 = r"\frac{\partial L}{\partial \hat{y}} \frac{\partial \hat{y}}{\partial z}"
R26_TIED = (_ONE_SPEC, r"$$\frac{\partial L}{\partial \hat{y}} = -0.875 \tag{s0}$$" "\n\n"
            r"$$\frac{\partial \hat{y}}{\partial z} = 0.235 \tag{s1}$$" "\n\n"
            rf"$$\frac{{\partial L}}{{\partial z}} = {_CHAIN26} = (-0.875) \cdot 0.235 = -0.2056 \tag{{tied}}$$" "\n\n"
            rf"$$\frac{{\partial L}}{{\partial z}} = {_CHAIN26} = (-0.875) \cdot 0.3 = -0.2625 \tag{{loose}}$$" "\n",
            {"tied": {"correct"}, "loose": {"unchecked"}})


def round_twenty_seven() -> list[Probe]:
    """Round twenty-seven (issue 12): the twenty-sixth round's readers — normalize.py's δ for ∂ in any quotient
    (``_DELTA_QUOTIENT``), the stochastic rule (stochastic.py), the tie rule of numbers put in (``Judge._tied``,
    ``_with_own_values``, ``_within_rounding``), a worked example's target in doubt (ownvalues ``_target_contradicted``),
    the double sum's example letter (ownindex), the log-likelihood climbed (``infer.ascends``, the objective's scale),
    bold layer vectors (``w_layers``), the example's ``(i)`` beside a layer's number and Ng's ``(t)`` — as an attacker.
    Each hostile part is a section after (or before) one of the round's answers, whose verdicts central differences
    decide (tests/verify/test_twenty_sixth_round.py), so a lost or misread section shows."""
    out: list[Probe] = []
    md = _document_probes(out, "r27: ")

    def both(anchor: tuple, pid: str, hostile: str, **kw) -> None:
        spec_text, doc, verdicts = anchor
        more = kw.pop("verdicts", {})
        md(pid, doc + "\n## Part two\n\n" + hostile, verdicts={**verdicts, **more}, spec_text=spec_text, **dict(kw))
        starved = {k: v | {"unchecked"} for k, v in verdicts.items()}  # (the hostile part may spend the run's time first)
        md(pid + " (answer after it)", "# Part zero\n\n" + hostile + "\n\n" + doc, verdicts={**starved, **more},
           spec_text=spec_text, **dict(kw))

    d, b, c, lz, ng, t = R26_DELTA, R26_BOLD, R26_CS229, R26_LAZY, R26_NG5, R26_TIED
    # -- δ written for ∂ in a quotient (normalize._DELTA_QUOTIENT) ------------------------------------------------------
    both(d, "δ quotient: 10^5 \\delta in one claim", "$$\\frac{\\partial L}{\\partial z} = " + "\\delta " * 100_000 + "$$\n")
    both(d, "δ quotient: \\frac{\\delta \\hat y}{\\delta z} 10^4 times in one claim", "$$\\frac{\\partial L}{\\partial z} = "
         + "\\frac{\\delta \\hat{y}}{\\delta z} " * 10_000 + "$$\n")
    both(d, "δ quotient: \\frac{\\delta}{\\delta z} nested 10^4 deep in the denominator", "$$x = " + "\\frac{\\delta}{\\delta "
         * 10_000 + "z" + "}" * 10_000 + "$$\n")
    both(d, "δ quotient: \\frac{\\delta …}{\\delta z} nested 10^4 deep in the numerator", "$$x = " + "\\frac{\\delta " * 10_000
         + "L" + "}{\\delta z}" * 10_000 + "$$\n")
    both(d, "δ quotient: \\frac{\\delta 10^5 spaces", "$$x = \\frac{\\delta" + " " * 100_000 + "L}{\\delta" + " " * 100_000
         + "z}$$\n")
    both(d, "δ quotient: \\frac{\\delta x_{60 braces}} 20 000 times unclosed", "$$x = " + ("\\frac{\\delta " + "{a}" * 20
                                                                                           + "}{\\delta ") * 20_000 + "$$\n")
    both(d, "δ quotient: δ in scripts, \\delta_{\\frac{\\delta a}{\\delta b}}^{…} 2000 times", "$$\\delta_{\\frac{\\delta a}"
         "{\\delta b}}^{\\frac{\\delta}{\\delta c}} = " + " + ".join(["\\delta_{\\frac{\\delta a}{\\delta b}}^{\\frac{\\delta}"
                                                                      "{\\delta c}}"] * 2000) + "$$\n")
    both(d, "δ quotient: \\frac{\\delta_{\\delta_{…}}}{\\delta z} nested 5000 deep", "$$x = \\frac{" + "\\delta_{" * 5000 + "j"
         + "}" * 5000 + "}{\\delta z}$$\n")
    both(d, "under the formula limit: \\frac{\\delta \\hat y}{\\delta z} 120 times",
         "$$\\frac{\\delta L}{\\delta z} = " + "\\frac{\\delta \\hat{y}}{\\delta z} " * 120 + "$$\n")
    both(d, "under the formula limit: \\frac{\\delta}{\\delta z} nested 150 deep", "$$x = " + "\\frac{\\delta}{\\delta "
         * 150 + "z" + "}" * 150 + "$$\n")
    # -- the stochastic rule (stochastic.py) ---------------------------------------------------------------------------
    term = " + \\alpha (y^{(i)} - h_\\theta(x^{(i)})) x_j^{(i)}"
    both(c, "stochastic rule: a step of 10^4 terms", "$$\\theta_j := \\theta_j" + term * 10_000 + "$$\n")
    both(c, "stochastic rule: a step of 40 terms (under its 2000 characters)", "$$\\theta_j := \\theta_j" + term * 40
         + " \\tag{h40}$$\n", verdicts={"h40": {"incorrect", "unchecked"}})
    both(c, "stochastic rule: a := chain of 10^4 steps", "$$" + "\\theta_j := " * 10_000 + "\\theta_j" + term + "$$\n")
    both(c, "stochastic rule: 1900 one-example steps", "".join(f"$$\\theta_{{{k}}} := \\theta_{{{k}}}{term}$$\n\n"
                                                                 for k in range(1900)))
    both(c, "stochastic rule: scripts with 10^5 characters", "$$\\theta_{" + "j" * 100_000 + "} := \\theta_{" + "j" * 100_000
         + "}" + term + "$$\n")
    both(c, "x_0 = 1 with a 10^5-digit index", "Letting $x_{" + "0" * 100_000 + "} = 1$ and $x_0^{(" + "9" * 100_000
         + ")} = 1$.\n")
    both(c, "x_0 = 1 written 10^4 times", "Letting " + "$x_0 = 1$, " * 10_000 + "as before.\n")
    # -- the tie rule: numbers put in for a formula (Judge._tied, _with_own_values, _within_rounding) ----------------------
    both(t, "tie rule: 10^4 given numbers in one chain", f"$$\\frac{{\\partial L}}{{\\partial z}} = {_CHAIN26} = "
         + " \\cdot ".join(["(-0.875)"] * 10_000) + " = 0.1$$\n")
    both(t, "tie rule: 1900 stated values of ŷ then a chain", "".join(f"$\\hat{{y}} = 0.{k:04d}$ " for k in range(1900))
         + f"\n\n$$\\frac{{\\partial L}}{{\\partial z}} = {_CHAIN26} = (-0.875) \\cdot 0.235 = -0.2056 \\tag{{t2}}$$\n",
         verdicts={"t2": {"correct", "unchecked"}})
    both(t, "tie rule: the same letter given 10^4 times in one claim", "$$\\hat{y} = " + " = ".join(["0.56"] * 10_000) + "$$\n")
    both(t, "tie rule: numbers of 10^4 digits put in", "$$\\frac{\\partial L}{\\partial \\hat{y}} = -0.875" + "0" * 10_000
         + "1$$\n\n" f"$$\\frac{{\\partial L}}{{\\partial z}} = {_CHAIN26} = (-0.875" + "0" * 10_000 + "1) \\cdot 0.235 = -0.2056"
         "$$\n")
    both(t, "tie rule: 1e308 and overflowing products", "$$\\frac{\\partial \\hat{y}}{\\partial z} = 1.7976931348623157 "
         "\\times 10^{308} \\tag{big}$$\n\n" f"$$\\frac{{\\partial L}}{{\\partial z}} = {_CHAIN26} = (-0.875) \\cdot "
         "1.7976931348623157 \\times 10^{308} \\cdot 10^{308} = -10^{308} \\tag{huge}$$\n",
         verdicts={"huge": {"unchecked", "incorrect"}})
    both(t, "tie rule: NaN from inf - inf", f"$$\\frac{{\\partial L}}{{\\partial z}} = {_CHAIN26} = (10^{{308}} \\cdot 10^{{308}}"
         " - 10^{308} \\cdot 10^{308}) \\cdot 0.235 = 0 \\tag{nan}$$\n\n"
         f"$$\\frac{{\\partial L}}{{\\partial z}} = {_CHAIN26} = 0 \\cdot 10^{{400}} = 0 \\tag{{zero}}$$\n",
         verdicts={"nan": {"unchecked", "incorrect"}, "zero": {"unchecked", "incorrect"}})
    both(t, "tie rule: under the formula limit, 150 numbers put in", f"$$\\frac{{\\partial L}}{{\\partial z}} = {_CHAIN26} = "
         + " \\cdot ".join(["(-0.875)"] * 150) + " = 0.1$$\n")
    # -- a worked example's target in doubt (ownvalues._target_contradicted) ---------------------------------------------
    both(t, "target in doubt: L(a, b) 10^4 times beside labels y = 1", "One sample $x = 0.5$ with label $y = 1$.\n\n"
         + "".join(f"$L({k % 7}.5, 0.56)$ " for k in range(10_000)) + "\n")
    both(t, "target in doubt: y = k given 10^4 times", "".join(f"$y = {k}$ " for k in range(10_000)) + "\n\n$$L(1.5, 0.56) = "
         "\\frac{1}{2}(1.5 - 0.56)^2 = 0.44$$\n")
    both(t, "target in doubt: L( 10^5 spaces and digits", "$y = 1$ $$L(" + " " * 100_000 + "1." + "5" * 100_000 + ", 0.56)$$\n")
    # -- the double sum's example letter (ownindex) -----------------------------------------------------------------------
    both(lz, "double sum: \\sum_n\\sum_k nested 1000 deep", "$$J = " + "\\sum_{n=1}^N \\sum_{k=1}^K " * 1000
         + "t_{nk} \\log y_{nk}$$\n")
    both(lz, "double sum: t_{nk} with 10^5-digit indices", "$$J = \\sum_{n=1}^N \\sum_{k=1}^K t_{n" + "7" * 100_000 + "k} "
         "\\log y_{nk}$$\n")
    both(lz, "double sum: 1900 objectives of double sums", "".join(f"$$J = \\sum_{{n=1}}^N \\sum_{{k=1}}^K t_{{nk}} \\log "
                                                                  f"y_{{nk}} + {k}$$\n\n" for k in range(1900)))
    # -- the log-likelihood climbed: infer.ascends, the objective's scale --------------------------------------------------
    lterm = "y^{(i)} \\log h_\\theta(x^{(i)}) + (1 - y^{(i)}) \\log(1 - h_\\theta(x^{(i)}))"
    both(c, "ℓ(θ) with 10^4 terms", "$$\\ell(\\theta) = " + " + ".join([lterm] * 10_000) + "$$\n")
    both(c, "ℓ(θ) with 40 terms (under the formula limit)", "$$\\ell(\\theta) = \\sum_{i=1}^m " + " + ".join([lterm] * 40)
         + "$$\n")
    both(c, "ascent and descent steps mixed, 1900 claims", "".join(
        f"$$\\theta := \\theta {'+' if k % 2 else '-'} \\alpha \\nabla_\\theta \\ell(\\theta)$$\n\n" for k in range(1900)))
    both(c, "ascent steps: 10^4 in one claim", "$$\\theta := \\theta" + " + \\alpha \\nabla_\\theta \\ell(\\theta)" * 10_000
         + "$$\n")
    # -- bold layer vectors (w_layers), the example's (i) beside the layer, Ng's (t) --------------------------------------
    both(b, "w_layers: \\bm w_{…} with a 10^5-digit layer number", "$$z_{" + "2" * 100_000 + "} = \\bm w_{" + "2" * 100_000
         + "}^T \\bm a_1 + b_2$$\n")
    both(b, "w_layers: \\bm{\\bm{\\bm{…}}} nested 10^4 deep", "$$z_2 = " + "\\bm{" * 10_000 + "w" + "}" * 10_000
         + "_2^T \\bm a_1$$\n")
    both(b, "w_layers: \\bm{…} nested 300 deep (under the formula limit)", "$$\\frac{\\partial L}{\\partial "
         + "\\bm{" * 300 + "w" + "}" * 300 + "_2} = (a_2 - y) \\bm a_1$$\n")
    both(b, "z_2^{(i)} with a 10^5-digit example index", "$$\\frac{\\partial L}{\\partial z_2^{(" + "9" * 100_000 + ")}} = "
         "a_2^{(" + "9" * 100_000 + ")} - y$$\n")
    both(b, "z_2^{(i)} with a 3000-digit example index (under the formula limit)", "$$\\frac{\\partial L}{\\partial z_2^{("
         + "9" * 1500 + ")}} = a_2^{(" + "9" * 1500 + ")} - y$$\n")
    both(ng, "(t) nested 10^4 deep", "$$\\delta^{(3)} = a^{(3)} - y^{" + "(" * 10_000 + "t" + ")" * 10_000 + "}$$\n")
    both(ng, "x^{(t)} with t ± 1 10^4 times", "$$a^{(1)} := x^{(t" + " + 1" * 10_000 + ")}$$\n")
    both(ng, "(t) nested 1000 deep (under the formula limit)", "$$\\delta^{(3)} = a^{(3)} - y^{" + "(" * 1000 + "t"
         + ")" * 1000 + "}$$\n")
    # -- each answer after 1900 claims that say nothing of it: a reading taken from the first N claims only misses it --
    filler = "".join(f"$${k} + 1 = {k + 1}$$\n\n" for k in range(1900))
    for name, anchor in (("δ for ∂", d), ("bold layers", b), ("CS229", c), ("Lazy Programmer", lz), ("Ng's (t)", ng),
                         ("tie rule", t)):
        spec_text, doc, verdicts = anchor
        md(f"{name}'s answer after 1900 arithmetic claims", "# Part zero\n\n" + filler + "\n\n" + doc,
           verdicts={k: v | {"unchecked"} for k, v in verdicts.items()}, spec_text=spec_text)
    return out


#: the twenty-seventh round's answers (tests/verify/test_twenty_seventh_round.py, whose verdicts NumPy central
#: differences decide there): (spec, document, verdicts by claim id[, file name])
_SPEC27 = ('name = "pair_names"\nconvention = "column"\ninputs = 2\n\n[[layers]]\nunits = 3\nactivation = "sigmoid"\n'
           'bias = false\n\n[[layers]]\nunits = 1\nactivation = "sigmoid"\nbias = false\n\n[loss]\nname = "squared_error"\n'
           '\n[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')
R27_KORNIAK = (_SPEC27, r"""# Jeden krok wstecznej propagacji

Sieć: $net_{h1} = w11 * out_{i1} + w21 * out_{i2}$, $out_{h1} = \frac{1}{1+e^{-net_{h1}}}$,
$net_{o} = w1o * out_{h1} + w2o * out_{h2} + w3o * out_{h3}$, a błąd to
$$E_{total} = \frac{1}{2}(d_{o} - out_{o})^{2}$$

$$\delta_{o} = -(d_{o} - out_{o}) * out_{o}(1 - out_{o}) \tag{delta_o}$$

$$\delta_{o} = -(d_{o} - out_{o}) * out_{o} \tag{delta_o_slip}$$

$$\frac{\partial E_{total}}{\partial w1o} = \delta_{o} * out_{h1} \tag{w1o}$$

$$\frac{\partial E_{total}}{\partial w1o} = \delta_{o} * out_{h2} \tag{w1o_slip}$$

$$\delta h1 = \delta o * w1o * out_{h1}(1 - out_{h1}) \tag{delta_h1}$$

$$\delta h1 = \delta o * w2o * out_{h1}(1 - out_{h1}) \tag{delta_h1_slip}$$

$$\frac{\partial E_{total}}{\partial w21} = \delta h1 * out_{i2} \tag{w21}$$

$$\frac{\partial E_{total}}{\partial w21} = \delta h1 * out_{i1} \tag{w21_slip}$$

$$\frac{\partial net_{o}}{\partial w2o} = \frac{\partial (w1o * out_{h1} + w2o * out_{h2} + w3o * out_{h3})}{\partial w2o}
 = out_{h2} \tag{dnet}$$

$$\frac{\partial net_{o}}{\partial w2o} = \frac{\partial (w1o * out_{h1} + w2o * out_{h2} + w3o * out_{h3})}{\partial w2o}
 = out_{h1} \tag{dnet_slip}$$

$$w21^{+} = w21 - \eta * \frac{\partial E_{total}}{\partial w21} \tag{step}$$

$$w21^{+} = w21 + \eta * \frac{\partial E_{total}}{\partial w21} \tag{step_slip}$$
""", {**{k: {"correct"} for k in ("delta_o", "w1o", "delta_h1", "w21", "dnet", "step")},
      **{k + "_slip": {"incorrect"} for k in ("delta_o", "w1o", "delta_h1", "w21", "dnet", "step")}})
_BISHOP_SPEC27 = (_SPEC27.replace('"pair_names"', '"units_across"').replace('"column"', '"row"').replace("units = 3", "units = 2")
                  .replace('units = 1\nactivation = "sigmoid"', 'units = 1\nactivation = "identity"'))
_BISHOP27 = r"""Going forward: $a_3 = \sum_{i=1}^{2} w_{3i} z_{i}$, $z_3 = \sigma(a_3)$, $a_4 = \sum_{i=1}^{2} w_{4i} z_{i}$,
$z_4 = \sigma(a_4)$, $a_5 = \sum_{i=3}^{4} w_{5i} z_{i}$, $z_5 = a_5$.

$$\frac{\partial E}{\partial a_{5}} = \left( a_5 - t \right) \tag{d5}$$

$$\frac{\partial E}{\partial a_{5}} = \left( t - a_5 \right) \tag{d5_slip}$$

$$\frac{\partial E}{\partial a_4} = \left( \frac{\partial E}{\partial a_5}*w_{5,4} \right)z_4(1-z_4) \tag{d4}$$

$$\frac{\partial E}{\partial a_4} = \left( \frac{\partial E}{\partial a_5}*w_{5,3} \right)z_4(1-z_4) \tag{d4_slip}$$

$$\frac{\partial E}{\partial w_{4,2}} = \delta_4 z_2 \tag{w42}$$

$$\frac{\partial E}{\partial w_{4,2}} = \delta_4 z_1 \tag{w42_slip}$$
"""
_BISHOP_VERDICTS = {"d5": {"correct"}, "d4": {"correct"}, "w42": {"correct"}, "d5_slip": {"incorrect"},
                    "d4_slip": {"incorrect"}, "w42_slip": {"incorrect"}}
R27_BISHOP = (_BISHOP_SPEC27, _BISHOP27, _BISHOP_VERDICTS)
#: the same answer under Adam: t beside the output is still the target, never Adam's step count
R27_BISHOP_ADAM = (_BISHOP_SPEC27.replace('name = "sgd"', 'name = "adam"'), _BISHOP27, _BISHOP_VERDICTS)
_FUAT_SPEC27 = (_SPEC27.replace('"pair_names"', '"ell_units"').replace('"column"', '"row"').replace("inputs = 2", "inputs = 3")
                .replace("units = 3", "units = 4").replace('"squared_error"', '"sum_squared_error"'))
R27_FUAT = (_FUAT_SPEC27, r"""Layer ℓ → layer i → layer j; each neuron has its pre-activation $u$ and its output $o$:

$$u_i = \sum_{\ell} \theta_{i\ell} \cdot o_\ell$$

$$o_i = \sigma(u_i)$$

$$Err = \sum_i (y^{(i)} - \hat{y}^{(i)})^2$$

$$\frac{\partial Err}{\partial \theta_{i\ell}} = \delta_i \cdot o_\ell \tag{grad}$$

$$\frac{\partial Err}{\partial \theta_{i\ell}} = \delta_\ell \cdot o_i \tag{grad_slip}$$

$$\delta_i = \sigma'(u_i) \cdot \sum_j \delta_j \cdot \theta_{ji} \tag{hidden}$$

$$\delta_i = \sigma'(u_i) \cdot \sum_j \delta_j \cdot \theta_{ij} \tag{hidden_slip}$$

$$\delta_k = -2(y - \hat{y}) \cdot \sigma'(u_k) \tag{out}$$

$$\delta_k = -(y - \hat{y}) \cdot \sigma'(u_k) \tag{out_slip}$$

$$\delta_k = \frac{\partial Err}{\partial \hat{y}} \cdot \sigma'(u_k) \tag{out_chain}$$
""", {"grad": {"correct"}, "hidden": {"correct"}, "out": {"correct"}, "out_chain": {"correct"},
      "grad_slip": {"incorrect"}, "out_slip": {"incorrect"}, "hidden_slip": {"incorrect", "unchecked"}})
_NUMPY_SPEC27 = ('name = "numpy_rows"\nconvention = "column"\ninputs = 3\n\n[[layers]]\nunits = 4\nactivation = "sigmoid"\n\n'
                 '[[layers]]\nunits = 2\nactivation = "sigmoid"\n\n[loss]\nname = "mean_squared_error"\n')
_NUMPY27 = """# Backprop, as the code does it

    1. z_i = x_{i-1} @ W_i + b_i
    2. z_{i-1} = x_{i-2} @ W_{i-1} + b_{i-1}
    3. dL/dW_i = x_{i-1}.T @ dL/dz_i
    4. dL/dW_i = dL/dz_i @ x_{i-1}.T
    5. dL/dx_{i-1} = dL/dz_i @ W_i.T
    6. dL/dx_{i-1} = dL/dz_i @ W_i
    7. dz_i/dx_{i-1} = W_i
    8. dl/dz_{i-1} = dl/dx_{i-1} * dact/dz_{i-1}
    9. dl/dz_{i-1} = dl/dx_{i-1} * act(z_{i-1})
"""


def _numpy_verdicts(shift: int = 0) -> dict:
    """kgwilson's notes' verdicts by claim id ("line N"), its lines moved down by ``shift``."""
    want = {5: {"correct"}, 6: {"incorrect"}, 7: {"correct"}, 8: {"incorrect"}, 9: {"unchecked"}, 10: {"correct"},
            11: {"incorrect"}}
    return {f"line {n + shift}": v for n, v in want.items()}


R27_NUMPY = (_NUMPY_SPEC27, _NUMPY27, _numpy_verdicts())
_SOLIDAY_SPEC27 = _SPEC27.replace('"column"', '"row"').replace("bias = false", "bias = true")
_SOLIDAY_PREAMBLE = r"""\documentclass{article}
\usepackage{environ}
\newcommand{\VAR}[3]{#1^{(#2)}_{#3}}
\newcommand{\efrac}[2]{\displaystyle\frac{#1}{#2}}
\newcommand{\pfrac}[2]{\efrac{\partial#1}{\partial#2}}
\NewEnviron{tcequation}{%
  \begin{equation}\scalebox{1.4}
    {$\BODY$}
  \end{equation}
}
"""
_SOLIDAY_BODY = r"""\begin{tcequation}
  \pfrac{\VAR{z}{2}{m}}{\VAR{b}{2}{m}} = 1
  \label{eq:db}
\end{tcequation}
\begin{tcequation}
  \pfrac{\VAR{z}{2}{m}}{\VAR{b}{2}{m}} = \VAR{a}{1}{m}
  \label{eq:db_slip}
\end{tcequation}
"""
_SOLIDAY_VERDICTS = {"eq:db": {"correct"}, "eq:db_slip": {"incorrect"}}
_JOAO_SPEC27 = _SPEC27.replace('"column"', '"row"').replace("inputs = 2", "inputs = 3").replace(
    'units = 3\nactivation = "sigmoid"\nbias = false\n\n[[layers]]\nunits = 1\nactivation = "sigmoid"\nbias = false',
    'units = 2\nactivation = "sigmoid"')
R27_DATAPOINT = (_JOAO_SPEC27, "With the $n$ data points as columns,\n\n"
                 "$$\\frac{\\partial C}{\\partial b^{(1)}} = \\sum_{i=1}^n\\delta^{(1)}(x_i) \\tag{sum}$$\n\n"
                 "$$\\frac{\\partial C}{\\partial b^{(1)}} = \\delta^{(1)}(x_i) \\tag{one}$$\n",
                 {"sum": {"correct"}, "one": {"unchecked"}})
_HMTBGC_SPEC27 = _SPEC27.replace("inputs = 2", "inputs = 4").replace("units = 3", "units = 5").replace(
    'units = 1\nactivation = "sigmoid"', 'units = 3\nactivation = "softmax"').replace('"squared_error"', '"cross_entropy"')
R27_MODULE = (_HMTBGC_SPEC27, "$$\\frac{\\partial{L}}{\\partial{X}}=-\\frac{1}{n}(Y-\\hat{Y}) \\tag{loss}$$\n",
              {"loss": {"unchecked"}})
#: Korniak's slip (his E = 1/n (d − o)² unread, its derivative without the 2: every number after it half the true one)
R27_NUMBERS = (_SPEC27.replace("units = 3", "units = 2"), r"""
$$E(O)=1/n*(d-o)^2$$

$$net_{h1} = w11 * out_{i1} + w21 * out_{i2} = 0.5 * 0 + 0.1 * 1 = 0.1$$

$$out_{h1} = \frac{1}{1+e^{-net_{h1}}} = \frac{1}{1+e^{-0.1}} \approx 0.525$$

$$\delta_{o} = -(d_{o} - out_{o}) * out_{o}(1 - out_{o}) \approx -0.064$$

$$\frac{\partial E_{total}}{\partial w1o} = \delta_{o} * out_{h1} \approx -0.064 * 0.525 \approx -0.0336 \tag{grad}$$

$$w1o^{+} = w1o - \eta * \frac{\partial E_{total}}{\partial w1o} = 0.4 - 0.1 * -0.0336 = 0.40336 \tag{step}$$
""", {"grad": {"incorrect", "unchecked"}, "step": {"incorrect", "unchecked"}})
#: UCSC's update row with the stated gradient put in: never a false reject (the arithmetic holds)
R27_UPDATE = (_BISHOP_SPEC27, _BISHOP27.split("$\\frac{\\partial E}{\\partial a_{5}}")[0]
              + "$$\\frac{\\partial E}{\\partial w_{5,3}} = \\delta_5 z_3 = -1*\\frac{1}{2} = -\\frac{1}{2} \\tag{g}$$\n\n"
              "$$\\frac{\\partial E}{\\partial w_{5,4}} = \\delta_5 z_4$$\n\n"
              "$$w_{5,3} = w_{5,3} - 0.1*-\\frac{1}{2} = 0.05 \\tag{step}$$\n", {"step": {"correct", "unchecked"}})


def round_twenty_eight() -> list[Probe]:
    """Round twenty-eight (issue 12): the twenty-seventh round's readers — weights named by their two units
    (pairnames.py), ℓ as a unit letter (``unitnames.EllUnit``), the document's own math environments
    (``document._own_math_environments``), a macro's letter kept apart from the control word before it (texmacros), a
    quantity of a data point (``parser._data_point``), a module's own input (``Judge._module_input``), a number put in
    whose claim is left unjudged (``Judge._unjudge_leaning``), an update row with its stated number
    (``Judge._stated_number_inside``), plain-text NumPy notes (``dX/dY``, ``# <-``, ``act``, ``W_{i-1}``) and t the
    target or Adam's step — as an attacker. Each hostile part is a section after (or before) one of the round's
    answers, whose verdicts central differences decide (tests/verify/test_twenty_seventh_round.py)."""
    out: list[Probe] = []
    md = _document_probes(out, "r28: ")

    def both(anchor: tuple, pid: str, hostile: str, name: str = "h.md", **kw) -> None:
        spec_text, doc, verdicts = anchor
        more = kw.pop("verdicts", {})
        md(pid, doc + "\n\n## Part two\n\n" + hostile, verdicts={**verdicts, **more}, spec_text=spec_text, name=name,
           **dict(kw))
        starved = {k: v | {"unchecked"} for k, v in verdicts.items()}  # (the hostile part may spend the run's time first)
        md(pid + " (answer after it)", "# Part zero\n\n" + hostile + "\n\n" + doc, verdicts={**starved, **more},
           spec_text=spec_text, name=name, **dict(kw))

    def numpy(pid: str, hostile: str, relaxed: bool = False, **kw) -> None:
        """kgwilson's notes after and before ``hostile`` (its claims are named by their lines); ``relaxed``: any of them
        may be unchecked after it too."""
        first = {k: v | {"unchecked"} for k, v in _numpy_verdicts().items()} if relaxed else _numpy_verdicts()
        md(pid, _NUMPY27 + "\n" + hostile, verdicts=first, spec_text=_NUMPY_SPEC27, name="notes.md", **kw)
        shift = hostile.count("\n") + 1
        md(pid + " (answer after it)", hostile + "\n" + _NUMPY27,
           verdicts={k: v | {"unchecked"} for k, v in _numpy_verdicts(shift).items()}, spec_text=_NUMPY_SPEC27,
           name="notes.md", **kw)

    def soliday(pid: str, preamble: str = "", body: str = "", **kw) -> None:
        """Soliday's .tex (its own environment and macros) with ``preamble`` after its definitions and ``body`` before
        and after its two displays."""
        md(pid, _SOLIDAY_PREAMBLE + preamble + "\\begin{document}\n" + body + "\n" + _SOLIDAY_BODY + "\n" + body
           + "\n\\end{document}\n", verdicts={k: v | {"unchecked"} for k, v in _SOLIDAY_VERDICTS.items()}
           if kw.pop("starved", False) else _SOLIDAY_VERDICTS, spec_text=_SOLIDAY_SPEC27, name="answer.tex", **kw)

    k, bi, fu = R27_KORNIAK, R27_BISHOP, R27_FUAT
    # -- weights named by their two units (pairnames.py) ----------------------------------------------------------------
    both(k, "pair names: 10^4 pair-named weights in one claim", "$$net_{h1} = " + " + ".join(
        f"w{1 + n % 2}{1 + n % 3} * out_{{i{1 + n % 2}}}" for n in range(10_000)) + "$$\n")
    both(k, "pair names: 110 pair-named products in one claim (under 2000 characters)", "$$net_{h1} = " + " + ".join(
        f"w{1 + n % 2}1 * out_{{i{1 + n % 2}}}" for n in range(110)) + " \\tag{sum110}$$\n",
         verdicts={"sum110": {"incorrect", "unchecked"}})
    both(k, "pair names: w21 with a 10^4-digit unit number", "$$\\frac{\\partial E_{total}}{\\partial w2" + "1" * 10_000
         + "} = \\delta h1 * out_{i2}$$\n")
    both(k, "pair names: w1o with a 10^4-digit output number", "$$net_{o} = w1o" + "1" * 10_000 + " * out_{h1}$$\n")
    both(k, "pair names: \\delta h1 repeated 10^4 times", "$$\\delta h1 = " + "\\delta h1 * " * 10_000 + "w1o$$\n")
    both(k, "pair names: \\delta h1 repeated 120 times (under the formula limit)", "$$\\delta h1 = " + "\\delta h1 * " * 120
         + "w1o \\tag{dd}$$\n", verdicts={"dd": {"incorrect", "unchecked"}})
    both(k, "pair names: out_{i…} with a 10^5-digit input", "$$net_{h1} = w11 * out_{i" + "2" * 100_000 + "}$$\n")
    both(k, "pair names: d_{d_{…}} nested 5000 deep", "$$E_{total} = \\frac{1}{2}(" + "d_{" * 5000 + "o" + "}" * 5000
         + " - out_{o})^{2}$$\n")
    both(k, "pair names: 1900 claims w1o = 0.k", "".join(f"$w1o = 0.{n}$ " for n in range(1900)) + "\n")
    both(k, "pair names: 1900 products pairing w21 with out_{i1} (the order contradicted)",
         "".join(f"$$net_{{h{n % 3 + 1}}} = w21 * out_{{i1}} + w{n % 2 + 1}{n % 3 + 1} * out_{{i{n % 2 + 1}}}$$\n\n"
                 for n in range(1900)),
         verdicts={c: {"correct", "incorrect", "unchecked"} for c in k[2]})  # (the answer's naming contradicted: read or not)
    both(k, "pair names: w1o, w2o … w9o9 of units the network lacks, 5000 times", " ".join(
        f"$w{n % 9 + 1}o{n % 9 + 1} * out_{{h{n % 9 + 1}}}$" for n in range(5000)) + "\n",
         verdicts={c: {"correct", "incorrect", "unchecked"} for c in k[2]})
    # -- ℓ as a unit letter (unitnames.EllUnit) ----------------------------------------------------------------------------
    both(fu, "ℓ unit: \\theta_{i\\ell} with a 10^5-letter index", "$$u_i = \\sum_{\\ell} \\theta_{" + "i" * 100_000
         + "\\ell} \\cdot o_\\ell$$\n")
    both(fu, "ℓ unit: \\sum_{\\ell} 10^4 times in one claim", "$$u_i = " + "\\sum_{\\ell} " * 10_000
         + "\\theta_{i\\ell} \\cdot o_\\ell$$\n")
    both(fu, "ℓ unit: o_{\\ell_{\\ell_{…}}} nested 5000 deep", "$$o_i = \\sum_{\\ell} \\theta_{i\\ell} o_{" + "\\ell_{" * 5000
         + "\\ell" + "}" * 5000 + "}$$\n")
    both(fu, "ℓ unit: ℓ as a layer and a unit at once", "$$x^{(\\ell)} = \\sigma(z^{(\\ell)}), \\quad z^{(\\ell)} = W^{(\\ell)} "
         "x^{(\\ell - 1)}$$\n", verdicts={c: {"correct", "incorrect", "unchecked"} for c in fu[2]})  # (which reading: either)
    both(fu, "ℓ unit: ^ and 1990 spaces, 450 claims", "".join("$$o_i = x^" + " " * 1990 + "y$$\n\n" for _ in range(450)))
    both(fu, "ℓ unit: _{a and 1990 spaces, 450 claims", "".join("$$o_i = x_{a" + " " * 1990 + "y}$$\n\n" for _ in range(450)))
    both(fu, "ℓ unit: 1900 sums over ℓ", "".join(f"$$u_{{{n % 4 + 1}}} = \\sum_{{\\ell}} \\theta_{{i\\ell}} o_\\ell$$\n\n"
                                             for n in range(1900)))
    # -- the document's own math environments (document._own_math_environments) and its macros (texmacros) ------------
    soliday("own environments: 10^4 \\NewEnviron definitions", "".join(
        f"\\NewEnviron{{env{chr(97 + n % 26)}{chr(97 + n // 26 % 26)}{chr(97 + n // 676 % 26)}}}{{\\begin{{equation}}\\BODY"
        f"\\end{{equation}}}}\n" for n in range(10_000)))
    soliday("own environments: 1900 \\NewEnviron definitions (under the equation limit)", "".join(
        f"\\NewEnviron{{env{chr(97 + n % 26)}{chr(97 + n // 26 % 26)}}}{{\\begin{{equation}}\\BODY\\end{{equation}}}}\n"
        for n in range(1900)), starved=True)
    soliday("own environments: 10^4 \\newenvironment definitions of one name", "\\newenvironment{eqn}{\\begin{equation}}"
            "{\\end{equation}}\n" * 10_000)
    soliday("own environments: an environment opening itself", "\\newenvironment{eqn}{\\begin{equation}\\begin{eqn}}"
            "{\\end{eqn}\\end{equation}}\n", body="\\begin{eqn} x = x \\end{eqn}\n")
    soliday("own environments: builtins redefined (aligned, document, itemize, verbatim)", "".join(
        f"\\renewenvironment{{{e}}}{{\\begin{{equation}}}}{{\\end{{equation}}}}\n"
        for e in ("aligned", "document", "itemize", "verbatim", "split", "cases")),
            starved=True)
    soliday("own environments: \\begin{tcequation} unclosed 10^4 times", body="\\begin{tcequation} x = 1\n" * 10_000,
            starved=True)
    soliday("own environments: \\NewEnviron{x} then 10^5 spaces", "\\NewEnviron{x}" + " " * 100_000 + "\n")
    soliday("own environments: a definition whose equation never ends", "\\NewEnviron{eqq}{\\begin{equation}"
            + " " * 100_000 + "\n", body="\\begin{eqq} z = 1 \\end{eqq}\n", starved=True)
    soliday("own environments: 30-letter names, 900 uses before and 900 after the answer", "".join(
        f"\\newenvironment{{{'q' * 29}{chr(97 + n)}}}{{\\begin{{align}}}}{{\\end{{align}}}}\n" for n in range(26)),
            body="".join(f"\\begin{{{'q' * 29}{chr(97 + n % 26)}}} a_{n} = 1 \\end{{{'q' * 29}{chr(97 + n % 26)}}}\n"
                         for n in range(900)), starved=True)
    soliday("macros: 17 576 \\newcommand, 20 000 uses right after a control word", "".join(
        f"\\newcommand{{\\m{chr(97 + n % 26)}{chr(97 + n // 26 % 26)}{chr(97 + n // 676 % 26)}}}{{a}}\n"
        for n in range(17_000)), body="$$" + "\\partial\\maaa " * 20_000 + "$$\n", starved=True)
    soliday("macros: \\pfrac{\\VAR…} 10^4 times in one display", body="\\begin{equation}" + "\\pfrac{\\VAR{z}{2}{m}}"
            "{\\VAR{b}{2}{m}} " * 10_000 + "\\end{equation}\n")
    soliday("macros: \\pfrac nested 1000 deep", body="\\begin{equation}" + "\\pfrac{" * 1000 + "z" + "}{b}" * 1000
            + "\\end{equation}\n")
    soliday("macros: a 10^5-letter control word before a macro", body="\\begin{equation}\\" + "a" * 100_000
            + "\\VAR{a}{1}{m} = 1\\end{equation}\n")
    soliday("macros: #1 after a control word in a body of 10^4 #1", "\\newcommand{\\many}[1]{" + "\\partial#1" * 10_000
            + "}\n", body="\\begin{equation}\\many{a} = 1\\end{equation}\n")
    # -- a quantity of a data point (parser._data_point) ------------------------------------------------------------------
    dp = R27_DATAPOINT
    both(dp, "data point: δ(δ(…(x_i))) nested 1000 deep", "$$\\frac{\\partial C}{\\partial b^{(1)}} = \\sum_{i=1}^n"
         + "\\delta^{(1)}(" * 1000 + "x_i" + ")" * 1000 + "$$\n")
    both(dp, "data point: δ(x_i) 10^4 times in one sum", "$$\\frac{\\partial C}{\\partial b^{(1)}} = \\sum_{i=1}^n "
         + " + ".join(["\\delta^{(1)}(x_i)"] * 10_000) + "$$\n")
    both(dp, "data point: δ(x_i) 200 times in one sum (under the formula limit)", "$$\\frac{\\partial C}{\\partial "
         "b^{(1)}} = \\sum_{i=1}^n (" + " + ".join(["\\delta^{(1)}(x_i)"] * 200) + ") \\tag{many}$$\n",
         verdicts={"many": {"incorrect", "unchecked"}})
    both(dp, "data point: (x_{…}) with a 10^5-letter index", "$$\\frac{\\partial C}{\\partial b^{(1)}} = \\sum_{i=1}^n"
         "\\delta^{(1)}(x_{" + "i" * 100_000 + "})$$\n")
    both(dp, "data point: (x_ unclosed 10^4 times", "$$\\frac{\\partial C}{\\partial b^{(1)}} = \\sum_{i=1}^n"
         + "\\delta^{(1)}(x_" * 10_000 + "$$\n")
    both(dp, "data point: 1900 sums over data points", "".join(
        f"$$\\frac{{\\partial C}}{{\\partial b^{{(1)}}}} = \\sum_{{i=1}}^{{{n + 1}}}\\delta^{{(1)}}(x_i)$$\n\n"
        for n in range(1900)))
    # -- a module's own input (Judge._module_input) -----------------------------------------------------------------------
    mi = R27_MODULE
    both(mi, "module input: ∂L/∂X of 10^4 terms", "$$\\frac{\\partial L}{\\partial X} = -\\frac{1}{n}(" + " + ".join(
        ["(Y-\\hat{Y})"] * 10_000) + ")$$\n")
    both(mi, "module input: ∂L/∂X of 150 terms (under the formula limit)", "$$\\frac{\\partial L}{\\partial X} = "
         "-\\frac{1}{n}(" + " + ".join(["(Y-\\hat{Y})"] * 150) + ") \\tag{many}$$\n", verdicts={"many": {"unchecked"}})
    both(mi, "module input: 1900 claims ∂L/∂X", "".join("$$\\frac{\\partial L}{\\partial X} = -\\frac{1}{n}(Y-\\hat{Y})$$"
                                                         "\n\n" for _ in range(1900)))
    # -- a number put in whose claim is left unjudged (Judge._unjudge_leaning) --------------------------------------------
    nb = R27_NUMBERS
    steps = "".join(f"$$w1o^{{+}} = w1o - \\eta * \\frac{{\\partial E_{{total}}}}{{\\partial w1o}} = 0.4 - 0.1 * -0.0336 = "
                    f"0.40336 \\tag{{s{n}}}$$\n\n" for n in range(1500))
    md("unjudged numbers: 1500 steps leaning on the unjudged gradient", nb[1] + "\n\n" + steps, spec_text=nb[0],
       verdicts={**nb[2], **{f"s{n}": {"incorrect", "unchecked"} for n in range(1500)}})
    chain = "".join(f"$$out_{{h{1 + n % 2}}} \\approx {0.525 + n * 1e-4:.4f} \\tag{{c{n}}}$$\n\n"
                    f"$$\\frac{{\\partial E_{{total}}}}{{\\partial w1o}} = \\delta_{{o}} * out_{{h1}} \\approx -0.064 * "
                    f"{0.525 + n * 1e-4:.4f} \\approx {-0.064 * (0.525 + n * 1e-4):.4f}$$\n\n" for n in range(900))
    md("unjudged numbers: 900 chained values, each put in by the next", nb[1] + "\n\n" + chain, spec_text=nb[0],
       verdicts=nb[2])
    md("unjudged numbers: one step putting in -0.0336 10^4 times", nb[1] + "\n\n$$w1o^{+} = 0.4 - " + " - ".join(
        ["0.1 * -0.0336"] * 10_000) + "$$\n", spec_text=nb[0], verdicts=nb[2])
    md("unjudged numbers: one step putting in -0.0336 200 times (under the formula limit)", nb[1] + "\n\n$$w1o^{+} = "
       "w1o - " + " - ".join(["\\eta * \\frac{\\partial E_{total}}{\\partial w1o}"] * 40) + " = 0.4 - " + " - ".join(
           ["0.1 * -0.0336"] * 40) + " \\tag{s40}$$\n", spec_text=nb[0], verdicts={**nb[2], "s40": {"incorrect", "unchecked"}})
    # -- an update row with its stated number (Judge._stated_number_inside) -----------------------------------------------
    up = R27_UPDATE
    near = "".join(f"$$\\frac{{\\partial E}}{{\\partial w_{{{3 + n % 2},{1 + n % 2}}}}} = \\delta_{3 + n % 2} z_{1 + n % 2} = "
                   f"-0.5{n:04d}$$\n\n" for n in range(900))
    rows = "".join(f"$$w_{{5,3}} = w_{{5,3}} - 0.1*-0.5{n:04d} - 0.1*-0.5{n + 1:04d} = 0.1 \\tag{{u{n}}}$$\n\n"
                   for n in range(900))
    md("stated numbers: 900 stated values then 900 update rows of near numbers", up[1] + "\n\n" + near + rows,
       spec_text=up[0], verdicts={**up[2], **{f"u{n}": {"incorrect", "unchecked"} for n in range(900)}})
    md("stated numbers: an update row of 10^4 stated numbers", up[1] + "\n\n$$w_{5,3} = w_{5,3} - " + " - ".join(
        ["0.1*-\\frac{1}{2}"] * 10_000) + "$$\n", spec_text=up[0], verdicts=up[2])
    md("stated numbers: an update row of 120 stated numbers (under the formula limit)", up[1] + "\n\n$$w_{5,3} = "
       "w_{5,3} - " + " - ".join(["0.1*-\\frac{1}{2}"] * 120) + " \\tag{u120}$$\n", spec_text=up[0],
       verdicts={**up[2], "u120": {"incorrect", "unchecked"}})
    md("stated numbers: 1900 update rows with the stated gradient", up[1] + "\n\n" + "".join(
        f"$$w_{{5,3}} = w_{{5,3}} - 0.1*-\\frac{{1}}{{2}} = 0.05 \\tag{{r{n}}}$$\n\n" for n in range(1900)),
       spec_text=up[0], verdicts={**up[2], **{f"r{n}": {"correct", "unchecked"} for n in range(1900)}})
    # -- plain-text NumPy notes (normalize's dX/dY, dl/d…, dact/dz; the code comment; the layer letter W_{i-1}) -------------
    numpy("NumPy notes: a dX/dY chain 10^4 long", "    12. dL/dW_i = " + " * ".join(
        f"dz_{n}/dz_{n + 1}" for n in range(10_000)) + "\n")
    numpy("NumPy notes: a dX/dY chain 150 long (under the formula limit)", "    12. dL/dW_i = " + " * ".join(
        f"dz_{n % 9}/dz_{n % 9 + 1}" for n in range(150)) + "\n")
    numpy("NumPy notes: # <- 10^5 times after one formula", "    12. dL/dW_i = x_{i-1}.T @ dL/dz_i" + " # <-" * 100_000 + "\n")
    numpy("NumPy notes: 80 000 comment lines # <- and 1000 formulas", "".join(
        f"    {n}. x = y # <- c\n" if n % 80 == 0 else "    # <- c\n" for n in range(12, 80_012)))
    numpy("NumPy notes: act(…) nested 10^4 deep", "    12. dl/dz_{i-1} = dl/dx_{i-1} * " + "act(" * 10_000 + "z_{i-1}"
          + ")" * 10_000 + "\n")
    numpy("NumPy notes: act(…) nested 500 deep (under the formula limit)", "    12. dl/dz_{i-1} = dl/dx_{i-1} * "
          + "act(" * 500 + "z_{i-1}" + ")" * 500 + "\n")
    numpy("NumPy notes: W_{i-1} with a 10^5-digit offset", "    12. z_{i-1} = x_{i-2} @ W_{i-" + "1" * 100_000 + "} + b_{i-1}\n")
    # (every letter then numbers layers, i among them: the notes' own letter is no longer told apart — unchecked allowed)
    numpy("NumPy notes: W_{k-1} for 26 layer letters", "".join(f"    {12 + n}. z_{chr(97 + n)} = x_{{{chr(97 + n)}-1}} @ "
                                                               f"W_{{{chr(97 + n)}-1}} + b_{{{chr(97 + n)}-1}}\n" for n in range(26)),
          relaxed=True)
    numpy("NumPy notes: dl/d 10^5 times", "    12. dl/dz_i = " + "dl/d" * 100_000 + "z_i\n")
    numpy("NumPy notes: dact/dz_i 10^4 times", "    12. dl/dz_{i-1} = dl/dx_{i-1} * " + " * ".join(
        ["dact/dz_{i-1}"] * 10_000) + "\n")
    numpy("NumPy notes: d and 10^5 spaces before /d", "    12. d" + " " * 100_000 + "L/d" + " " * 100_000 + "z_i = 1\n")
    # -- t: the target beside the output, or Adam's step count -------------------------------------------------------------
    ad = R27_BISHOP_ADAM
    both(ad, "t under Adam: Bishop's (a_5 − t) after \\hat y − t", "$$\\frac{\\partial E}{\\partial \\hat{y}} = \\hat{y} - t "
         "\\tag{bare}$$\n", verdicts={"bare": {"correct"}})  # (∂E/∂ŷ = ŷ − t, t the target: test_round_twenty_eight)
    adam_claims = ("$$\\hat{m}_t = \\frac{m_t}{1 - \\beta_1^t} \\tag{mhat}$$\n\n$$\\hat{v}_t = \\frac{v_t}{1 - \\beta_2^t} "
                   "\\tag{vhat}$$\n\n$$\\hat{m}_t = \\frac{m_t}{1 - \\beta_1} \\tag{mhat_slip}$$\n\n"
                   "$$m_t = \\beta_1 m_{t-1} + (1 - \\beta_1) g_t \\tag{m}$$\n")
    both(ad, "t under Adam: the target beside the output and Adam's own t", "$$\\frac{\\partial E}{\\partial \\hat{y}} = "
         "\\hat{y} - t \\tag{bare}$$\n\n" + adam_claims, verdicts={"bare": {"correct"}, "mhat": {"correct"},
                                                          "vhat": {"correct"}, "m": {"correct"}, "mhat_slip": {"incorrect"}})
    both(bi, "t under SGD: \\hat y − t − t − … 10^4 times", "$$\\frac{\\partial E}{\\partial \\hat{y}} = \\hat{y}" + " - t"
         * 10_000 + "$$\n")
    both(ad, "t under Adam: (a_5 − t) with t_{t_{…}} nested 5000 deep", "$$\\frac{\\partial E}{\\partial a_{5}} = (a_5 - "
         + "t_{" * 5000 + "t" + "}" * 5000 + ")$$\n")
    both(ad, "t under Adam: 1900 bias corrections in t", "".join(f"$$\\hat{{m}}_t = \\frac{{m_t}}{{1 - \\beta_1^t}} + {n}$$\n\n"
                                                                 for n in range(1900)))
    # -- each answer after 1900 claims that say nothing of it --------------------------------------------------------------
    filler = "".join(f"$${n} + 1 = {n + 1}$$\n\n" for n in range(1900))
    for name, anchor in (("Korniak", k), ("Bishop", bi), ("Bishop under Adam", ad), ("Fuat", fu), ("data point", dp),
                         ("module input", mi), ("update row", up)):
        spec_text, doc, verdicts = anchor
        md(f"{name}'s answer after 1900 arithmetic claims", "# Part zero\n\n" + filler + "\n\n" + doc,
           verdicts={c: v | {"unchecked"} for c, v in verdicts.items()}, spec_text=spec_text)
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
            if isinstance(text, bytes):  # BOMs, UTF-16, NUL bytes, zips
                p.write_bytes(text)
            else:
                p.write_text(text)
        for rel in probe.fifos:
            Path(d, rel).parent.mkdir(parents=True, exist_ok=True)
            os.mkfifo(Path(d, rel))
        if probe.before:
            probe.before(d)
        for rel, target in probe.links.items():
            Path(d, rel).parent.mkdir(parents=True, exist_ok=True)
            Path(d, rel).symlink_to(target.replace("{d}", d))
        program = [a.replace("{python}", str(ROOT / ".venv" / "bin" / "python")) for a in probe.cmd] or [GRADPROOF]
        argv = [*program, *(a.replace("{d}", d) for a in probe.argv)]
        scratch = tempfile.mkdtemp(prefix="probe-runs-")
        t0 = time.monotonic()
        runs = []
        for k in range(probe.parallel):
            given = open(Path(d, probe.stdin), "rb") if probe.stdin else subprocess.DEVNULL
            runs.append(Run(argv, given, d, scratch, k))
        killed, ended = False, {}
        while len(ended) < len(runs):
            for k, r in enumerate(runs):
                if k not in ended and (done := r.ended()) is not None:
                    ended[k] = (*done, time.monotonic() - t0)
            going = [r for k, r in enumerate(runs) if k not in ended]
            if probe.kill and time.monotonic() - t0 > probe.kill:
                for r in going:
                    r.signal(signal.SIGKILL)
                probe = dataclasses.replace(probe, kill=0.0)
            if probe.interrupt and time.monotonic() - t0 > probe.interrupt:
                for r in going:
                    r.signal(signal.SIGINT)
                probe = dataclasses.replace(probe, interrupt=0.0)
            if time.monotonic() - t0 > KILL_SECONDS and not killed:
                for r in going:
                    r.signal(signal.SIGKILL)
                killed = True
            time.sleep(0.02)
        shutil.rmtree(scratch, ignore_errors=True)
        results = []
        for k, r in enumerate(runs):
            code, usage, seconds = ended[k]
            r.out.seek(0)
            r.err.seek(0)
            results.append((code, usage, seconds, r.out.read().decode(errors="replace"), r.err.read().decode(errors="replace")))
            r.out.close()
            r.err.close()
        extra = probe.after(d) if probe.after else []
    problems = list(extra)
    for code, usage, seconds, stdout, stderr in results:
        problems += judge(probe, code, usage, seconds, stdout, stderr, killed)
    code, usage, seconds, stdout, stderr = max(results, key=lambda r: r[2])
    message = (stderr.strip().splitlines() or [""])[0][:110]
    return {"id": probe.id, "seconds": seconds, "cpu": max(r[1].ru_utime + r[1].ru_stime for r in results),
            "rss_mb": max(r[1].ru_maxrss for r in results) / 1024, "code": code, "problems": sorted(set(problems), key=problems.index),
            "message": message}


def judge(probe: Probe, code: int, usage, seconds: float, stdout: str, stderr: str, killed: bool) -> list[str]:
    """The problems of one run of ``probe`` (see the module's docstring)."""
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
    if code not in probe.codes:
        problems.append(f"exit {code}, expected {probe.codes}")
    for text in probe.never:
        if text in both:
            problems.append(f"leaks {text!r}")
    if probe.says and probe.says not in both:
        problems.append(f"does not say {probe.says!r}")
    if probe.verdicts and code in (0, 1):
        try:
            claims = {c["id"]: c for c in json.loads(stdout)["claims"]}
        except (ValueError, KeyError):
            claims = None
            problems.append("--json output is not JSON")
        for cid, allowed in (probe.verdicts if claims is not None else {}).items():
            got = claims.get(cid, {}).get("verdict")
            if got == "unchecked" and "the run's time ran out" in claims.get(cid, {}).get("message", ""):
                continue  # a partial result at the run's soft deadline (limits.VERIFY_CLAIMS_WALL): a documented limit
            if got not in allowed:
                problems.append(f"claim {cid}: {got} ({claims.get(cid, {}).get('message', '')[:80]})")
    return problems



#: the twenty-ninth round's softmax in the answer's own letters: right claims whose verdicts central differences decide
#: (tests/verify/test_twenty_ninth_round.py), a hostile section put after them
_SPEC29 = ('name = "r29"\ninputs = 3\n\n[[layers]]\nunits = 4\nactivation = "tanh"\n\n[[layers]]\nunits = 3\n'
           'activation = "softmax"\n\n[loss]\nname = "cross_entropy"\n\n[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')
_ANSWER29 = (r"""Sea $p_i = \sigma(\mathbf z)_i = \frac{\exp(z_i)}{\sum_{k} \exp(z_k)}$ y $E(\mathbf t, \mathbf p) = -\sum_{k} t_k \ln p_k$.

$$\frac{\partial \sigma_i}{\partial z_j} = \sigma_i(\delta_{ij} - \sigma_j) \tag{jac}$$

$$\frac{\partial E(\mathbf t, \mathbf p)}{\partial z_i} = -t_i(1-p_i) + \sum_{k \neq i} t_k p_i = p_i - t_i \tag{ce}$$
""")


def round_twenty_nine_coordinator() -> list[Probe]:
    """Round twenty-nine (issue 12), the coordinator's own probes of the round's readers: a function's entries
    (``indexmodules._spelled``: φ(\\mathbf z)_j, a loss letter's arguments, the braces around a definition), sums over a
    named set or skipping a value, cases and Iverson brackets as δ, NumPy's mask after a product's sign, ∂/∂q before
    one factor, code names (``\\text{…}``, ``d_{\\text{…}}``), the delta rule's unit sums, and the errors carried
    forward (``Judge._carried_symbolic``: wrong links remembered and compared) — each a section after the round's
    Spanish softmax notes, whose two claims must keep their verdicts."""
    out: list[Probe] = []
    md = _document_probes(out, "r29c: ")
    right = {"jac": {"correct"}, "ce": {"correct"}}

    def after(pid: str, hostile: str, **kw) -> None:
        md(pid, _ANSWER29 + "\n\n## Part two\n\n" + hostile, verdicts=right, spec_text=_SPEC29, **kw)

    after("function entries: 300 φ(\\mathbf z)_j in one claim", "$$\\frac{\\partial p_i}{\\partial z_j} = "
          + " + ".join([r"\phi(\mathbf z)_i"] * 300) + "$$\n")
    after("loss arguments: H followed by 5000 unclosed parentheses", "$$\\frac{\\partial H" + "(" * 5000
          + "}{\\partial z_i} = p_i - t_i$$\n")
    after("loss arguments: 1900 claims ∂H(\\mathbf y, \\mathbf a)/∂z_i", "$$H(\\mathbf y, \\mathbf a) = -\\sum_j y_j "
          "\\log a_j$$\n" + "".join(f"$$\\frac{{\\partial H(\\mathbf y, \\mathbf a)}}{{\\partial z_{{i}}}} = a_i - y_i + {n}$$\n"
                                    for n in range(1900)))
    after("definition braces: a softmax definition inside 20000 brace pairs", "$$" + "{" * 20000
          + "a_j = \\phi(\\mathbf z)_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}" + "}" * 20000 + "$$\n")
    after("sums: \\sum_{k \\in C C C …} over a 3000-word set", "$$\\frac{\\partial L}{\\partial z_i} = \\sum_{k \\in "
          + "C " * 3000 + "} t_k p_i$$\n")
    after("sums: 300 \\sum_{j=1, j \\neq i} in one claim", "$$\\frac{\\partial E}{\\partial z_i} = "
          + " + ".join([r"\sum_{j=1,j\neq i} t_j p_i"] * 300) + "$$\n")
    after("cases: 500 two-row cases of 200 factors each", ("$$\\frac{\\partial p_i}{\\partial z_j} = \\begin{cases} "
                                                           + "p_i " * 200 + " & \\text{if } i = j \\\\ -p_i p_j & "
                                                           "\\text{otherwise} \\end{cases}$$\n") * 500)
    after("Iverson: 300 [i=j] in one claim", "$$\\frac{\\partial p_i}{\\partial z_j} = "
          + " + ".join(["[i=j] p_i"] * 300) + "$$\n")
    after("mask: \\cdot (p_i > 0) 1000 times", "$$d = p_i " + "\\cdot (p_i > 0) " * 1000 + "$$\n")
    after("operator: \\frac{\\partial}{\\partial z_i} 500 deep before σ(z_i)", "$$\\frac{\\partial L}{\\partial z_i} = "
          + "\\frac{\\partial}{\\partial z_i} " * 500 + "\\sigma(z_i)$$\n")
    after("code names: 1900 \\text{name\\_n} definitions", "".join(
        f"\\[\n\\text{{name\\_{n}}} = X W_1^T + b_1\n\\]\n" for n in range(1900)))
    after("code names: 900 d_{\\text{gn}} definitions each used once", "".join(
        f"\\[\nd_{{\\text{{g{n}}}}} = p - t\n\\]\n\\[\ndb_2 = d_{{\\text{{g{n}}}}}\n\\]\n" for n in range(900)))
    after("delta rule: 600 unit sums y_i = \\sum_j ω_{ji} x_j with their steps", "".join(
        f"$y_i = \\sum_j \\omega_{{ji}} x_j$ and $e_i = d_i - y_i$\n\n$$\\Delta \\omega_{{ji}} = \\mu e_i x_j + {n}$$\n\n"
        for n in range(600)))
    after("carried forward: 900 wrong gradients each with the step made from it", "".join(
        f"$$\\frac{{\\partial L}}{{\\partial W^{{(2)}}}} = h^{{(1)T}} (\\hat y - y) + {n} = h^{{(1)T}} (\\hat y - y) + {n}$$\n\n"
        f"$$W^{{(2)}} \\leftarrow W^{{(2)}} - \\eta (h^{{(1)T}} (\\hat y - y) + {n})$$\n\n" for n in range(900)))
    return out


# -- round thirty (the coordinator): the round's own readers attacked -----------------------------------------------
#: a 2-2-2 network without biases, written unit by unit in a code block (star-bits' sketch) and its two graded claims
_SPEC30 = ('name = "r30"\nconvention = "row"\ninputs = 2\n\n[[layers]]\nunits = 2\nactivation = "sigmoid"\nbias = false\n\n'
           '[[layers]]\nunits = 2\nactivation = "sigmoid"\nbias = false\n\n[loss]\nname = "squared_error"\n\n'
           '[optimizer]\nname = "sgd"\nlearning_rate = 0.5\n')
_ANSWER30 = ("# Backprop\n\n```\nLayer1:    z1 = w1*x1 + w2*x2    z2 = w3*x1 + w4*x2\n           h1 = sigmoid(z1)      "
             "h2 = sigmoid(z2)\nLayer2:    z3 = w5*h1 + w6*h2    z4 = w7*h1 + w8*h2\n           o1 = sigmoid(z3)      "
             "o2 = sigmoid(z4)\n```\n\n$$\\frac{\\partial z_3}{\\partial w_5} = h_1 \\tag{right}$$\n\n"
             "$$\\frac{\\partial o_1}{\\partial z_3} = o_1 \\tag{wrong}$$\n")


def round_thirty_coordinator() -> list[Probe]:
    """Round thirty (issue 12), the coordinator's probes of the round's readers: a network written unit by unit
    (``scalarunits``: definitions in code blocks and in math, 10^4 of them, conflicting, cut to some terms), a
    slope with no argument (``φ' ×``), ``softmax(z_i)``, and the computation graph's rows of several definitions —
    each after the round's sketch of a 2-2-2 network, whose two claims must keep their verdicts."""
    out: list[Probe] = []
    md = _document_probes(out, "r30c: ")
    right = {"right": {"correct"}, "wrong": {"incorrect"}}
    loose = {c: {"correct", "incorrect", "unchecked"} for c in right}

    def after(pid: str, hostile: str, verdicts=None, **kw) -> None:
        md(pid, _ANSWER30 + "\n\n## Part two\n\n" + hostile, verdicts=verdicts or right, spec_text=_SPEC30, **kw)

    after("units: a code block of 10^4 unit definitions", "```\n" + "".join(
        f"z{k} = w{k}*x1 + w{k + 1}*x2    h{k} = sigmoid(z{k})\n" for k in range(5, 10_005)) + "```\n", verdicts=loose)
    after("units: one code line of 10^5 characters of '+'", "```\nz1 = " + "w1*x1 + " * 12_500 + "w2*x2\n```\n")
    after("units: 1900 math rows defining z_3 differently", "".join(
        f"$$z_3 = w_{{{k % 90 + 1}}} h_1 + w_6 h_2$$\n\n" for k in range(1900)), verdicts=loose)
    after("units: 1900 sums cut to one term", "".join("$$z_3 = h_1 \\cdot w_5$$\n\n$$z_4 = w_7 h_1$$\n\n"
                                                     for _ in range(950)))
    after("units: an unclosed fence then 200 kB of definitions", "```\n" + "z1 = w1*x1 + w2*x2\n" * 10_000)
    after("prime: \\phi' \\times 10^4 times", "$$\\frac{\\partial a}{\\partial b} = " + "\\phi' \\times " * 10_000
          + "1$$\n")
    after("prime: \\sigma then 10^4 primes then \\times", "$$d = \\sigma" + "'" * 10_000 + " \\times 1$$\n")
    after("softmax: softmax(softmax(… z_i …)) 300 deep", "$$a_i = " + "softmax(" * 300 + "z_{i}" + ")" * 300 + "$$\n")
    after("softmax: 1900 definitions a_i = softmax(z_i)", "".join(
        f"$$a_{{i}} = softmax(z_{{i}}) + {k}$$\n\n" for k in range(1900)))
    after("graph: a row of 2000 \\quad definitions", "$$" + ", \\quad ".join(f"a_{{{k}}} = \\sigma(z_{{{k}}})"
                                                                              for k in range(2000)) + "$$\n")
    after("indexing: W_2[i][j] then 10^4 [i]", "$$\\frac{\\partial L}{\\partial h_i} = \\sum_j W_2[i][j]" + "[i]" * 10_000
          + " \\cdot d_j$$\n")
    after("sums: \\sum_{i=0}^{1} 300 deep", "$$E = " + "\\sum_{i=0}^{1} " * 300 + "(o_i - y_i)^2$$\n")
    after("layers: z^3_1 then 10^4 ^3", "$$z^3_1" + "^3" * 10_000 + " = 1$$\n")
    return out


#: the thirty-first round's probes: a Japanese note's y^l/u^l network (column convention, no bias) and two of its claims
_SPEC31 = ('name = "r31"\nconvention = "column"\ninputs = 3\n\n[[layers]]\nunits = 4\nactivation = "sigmoid"\nbias = false\n\n'
           '[[layers]]\nunits = 2\nactivation = "sigmoid"\nbias = false\n\n[loss]\nname = "squared_error"\n')
_ANSWER31 = ("{{< displaymath >}}\ny_j^l = f\\left( u_j^{l} \\right)\n{{< /displaymath >}}\n\n{{< displaymath >}}\n"
             "u_j^l = \\sum_{i} w_{ij}^{l} y_{i}^{l-1}\n{{< /displaymath >}}\n\n"
             "$$\\frac{\\partial E}{\\partial w_{ij}^{2}} = \\delta_{j}^{2} y_{i}^{1} \\tag{right}$$\n\n"
             "$$\\frac{\\partial E}{\\partial w_{ij}^{2}} = \\delta_{i}^{2} y_{j}^{1} \\tag{wrong}$$\n")


#: the thirty-first round's note's verdicts: kept exactly (its right claim correct, its wrong one incorrect), or any
_STRICT31 = {"right": {"correct"}, "wrong": {"incorrect"}}
_LOOSE31 = {c: {"correct", "incorrect", "unchecked"} for c in _STRICT31}


def _after_note31(md, default: dict):
    """A probe maker for the rounds that attack a reader after the thirty-first round's note: ``after(pid, hostile,
    verdicts=None, **kw)`` puts the hostile part after the note, with its spec; the note's verdicts are ``default``
    unless a probe gives its own."""

    def after(pid: str, hostile: str, verdicts=None, **kw) -> None:
        md(pid, _ANSWER31 + "\n\n## Part two\n\n" + hostile, verdicts=verdicts or default, spec_text=_SPEC31, **kw)

    return after


def round_thirty_one_coordinator() -> list[Probe]:
    """Round thirty-one (issue 12), the coordinator's probes of the round's readers: Hugo's math shortcodes (unclosed,
    10^4 of them), primed indices (10^4 primes, every letter primed), δ by cases on the layer (deep, many rows), an
    objective with elided arguments and one defined again on other scales (10^3 times), norms typed with bars, a sum
    to a layer's size, units numbered across the network with a slope shorthand — each after the round's note in y^l
    and u^l, whose two claims must keep their verdicts."""
    out: list[Probe] = []
    md = _document_probes(out, "r31c: ")
    loose = _LOOSE31
    after = _after_note31(md, _STRICT31)

    after("hugo: 10^5 unclosed {{< displaymath >}}", "{{< displaymath >}}\na = b\n" * 100_000)
    after("hugo: 10^4 displays, a closer never matched", "{{< katex display >}}x = 1{{< /displaymath >}}\n" * 10_000)
    after("hugo: an opener with 10^5 spaces", "{{< displaymath" + " " * 100_000 + ">}}\na = b\n{{< /displaymath >}}\n")
    after("primes: a subscript of 10^4 primed letters", "$$E = w_{" + "i'" * 10_000 + "}$$\n")
    after("primes: every letter primed, no letter free", "$$E = \\sum_{p'} w_{q'r'} s_{t'} u_{v'} o_{a'}$$\n", verdicts=loose)
    after("primes: 10^4 claims with \\sum_{j'}", "".join(f"$$x_{{{k}}} = \\sum_{{j'}} w_{{j'}}$$\n\n" for k in range(10_000)),
          verdicts=loose)
    after("cases: 200 rows on the layer", "$$\\delta^{l} = \\begin{cases}" + "".join(
        f"W^{{l+1}} \\delta^{{l+1}} & (l = {k}) \\\\ " for k in range(200)) + "1 & (l \\neq L)\\end{cases}$$\n")
    after("cases: 50 nested layer cases", "$$\\delta^{l} = " + "\\begin{cases} 1 & (l = L) \\\\ " * 50 + "0"
          + " & (l \\neq L) \\end{cases}" * 50 + "$$\n", verdicts=loose)
    after("objective: C_0(...) then 10^3 definitions on other scales", "".join(
        f"$$C_0(...) = {k + 1} (y_1^2 - \\tilde y_1)^2$$\n\n$$\\frac{{\\partial C_0}}{{\\partial y_1^2}} = {2 * (k + 1)}"
        f" (y_1^2 - \\tilde y_1)$$\n\n" for k in range(1000)), verdicts=loose)
    after("objective: C_0( then 10^5 dots", "$$C_0(" + "." * 100_000 + ") = 1$$\n")
    after("norms: 10^4 pairs of ||", "$$E = " + "||x_2 - y||" * 10_000 + "$$\n")
    after("norms: 10^5 bars", "$$E = " + "|" * 100_000 + "$$\n")
    after("sums: 300 nested sums to n^{[l-1]}", "$$E = " + "\\sum_{i=1}^{n^{[l-1]}} " * 300 + "w_{ij}^{l}$$\n")
    after("units: n_1 … n_9 then \\sigma_8' 10^4 times", "$$n_8 = \\sigma(w_{48}n_4 + w_{58}n_5 + b_8)$$\n\n"
          "$$\\frac{\\partial E}{\\partial w_{48}} = " + "\\sigma_8' " * 10_000 + "n_4$$\n", verdicts=loose)
    after("units: \\sigma_8'( 300 deep", "$$d = \\sigma_8'" + "(" * 300 + "n_8" + ")" * 300 + "$$\n")
    after("x layers: x_1 = \\sigma(W_1 x_0) 10^4 times", "".join(f"$$x_1 = \\sigma(W_1x_0 + b_1) + {k}$$\n\n"
                                                                for k in range(10_000)), verdicts=loose)
    after("matrices: a bmatrix of 10^4 && per row", "$$W = \\begin{bmatrix} " + "a && " * 10_000 + "b \\end{bmatrix}$$\n")
    return out


# -- round twenty-nine (hardening28): the twenty-eighth round's readers attacked ------------------------------------------
#: the twenty-eighth round's answers (tests/verify/test_twenty_eighth_round.py decides each verdict by central
#: differences): (spec, text, verdicts, file name)
_SPEC28_ROW = ('name = "r28"\nconvention = "row"\ninputs = 3\n\n[[layers]]\nunits = 4\nactivation = "tanh"\n\n'
               '[[layers]]\nunits = 2\nactivation = "identity"\n\n[loss]\nname = "squared_error"\n')
R28_MEAN = (_SPEC28_ROW, "$$\\frac{\\partial L}{\\partial b^{(2)}} = \\frac{1}{n}\\delta^{(2)} \\tag{mean}$$\n\n"
            "$$\\frac{\\partial L}{\\partial b^{(2)}} = \\delta^{(2)} \\tag{plain}$$\n",
            {"mean": {"unchecked"}, "plain": {"correct"}}, "h.md")
_ROWS_SPEC28 = ('name = "fysstk_rows"\nconvention = "column"\ninputs = 3\n\n[[layers]]\nunits = 4\nactivation = "sigmoid"\n\n'
                '[[layers]]\nunits = 2\nactivation = "sigmoid"\n\n[loss]\nname = "squared_error"\n\n[optimizer]\nname = "sgd"\n'
                'learning_rate = 0.1\n')
R28_ROWS = (_ROWS_SPEC28, r"""
\begin{equation}
    \delta_l = \delta_{l+1} W_{l+1}^T a'(z_l), \label{delta}
\end{equation}
\begin{equation}
    \delta_l = \delta_{l+1} W_{l+1}^T a(z_l), \label{delta_slip}
\end{equation}
\begin{equation}
    W_l \leftarrow = W_l - \eta a_{l-1}^T \delta_l, \label{step_w}
\end{equation}
\begin{equation}
    W_l \leftarrow = W_l + \eta a_{l-1}^T \delta_l, \label{step_w_slip}
\end{equation}
\begin{equation}
    b_l \leftarrow = b_l - \eta \delta_l, \label{step_b}
\end{equation}
""", {"delta": {"correct"}, "delta_slip": {"incorrect"}, "step_w": {"correct"}, "step_w_slip": {"incorrect"},
      "step_b": {"correct"}}, "answer.tex")
_FUNCTION_SPEC28 = _SPEC28_ROW.replace('"tanh"', '"sigmoid"')
R28_FUNCTION = (_FUNCTION_SPEC28, r"""
The activation is
\begin{equation}
	f(z) = \frac{1}{1+e^{-z}}\ .
\end{equation}
\begin{equation}
	\frac{\partial f}{\partial z} = \frac{e^{-z}}{(1+e^{-z})^2}\ . \label{slope}
\end{equation}
\begin{equation}
	\frac{\partial f}{\partial z} = \frac{e^{-z}}{1+e^{-z}}\ . \label{slope_slip}
\end{equation}
\begin{equation}
	\frac{d f(z)}{d z} = f(z)(1 - f(z)) \label{slope_of}
\end{equation}
""", {"slope": {"correct"}, "slope_slip": {"incorrect"}, "slope_of": {"correct"}}, "answer.tex")
_SOFTMAX_SPEC28 = ('name = "softmax_regression"\nconvention = "row"\ninputs = 4\n\n[[layers]]\nunits = 3\n'
                   'activation = "softmax"\n\n[loss]\nname = "cross_entropy"\n')
R28_SOFTMAX = (_SOFTMAX_SPEC28, r"""
\begin{equation}
    \frac{dC}{db_i} = \sum_{j=1}^m \left (\frac{dC}{da_j} \right) \left (\frac{da_j}{dz_i} \right)
    \left(\frac{dz_i}{db_i} \right ) \label{sum}
\end{equation}
\begin{equation}
    \frac{dC}{db_i} = \left (\frac{dC}{da_i} \right) \left (\frac{da_i}{dz_i} \right) \left(\frac{dz_i}{db_i} \right ) \label{diagonal}
\end{equation}
""", {"sum": {"correct"}, "diagonal": {"incorrect"}}, "answer.tex")
R28_HEADING = (_SOFTMAX_SPEC28.replace("units = 3", "units = 4"),
               "## MSE\n\n$\\displaystyle L=\\sqrt{\\sum_i(y_i-o_i)^2}$\n\n"
               "$$\\frac{\\partial L}{\\partial o} = \\frac{1}{L}(o - y) \\tag{norm}$$\n\n"
               "## Cross Entropy-Softmax\n\n$$\\frac{\\partial L}{\\partial z} = \\hat y - y \\tag{ce}$$\n\n"
               "$$\\frac{\\partial L}{\\partial z} = y - \\hat y \\tag{ce_sign}$$\n",
               {"norm": {"unchecked"}, "ce": {"correct"}, "ce_sign": {"incorrect"}}, "h.md")
_ZAIDAN_SPEC28 = _SOFTMAX_SPEC28.replace("inputs = 4", "inputs = 5").replace(
    "[[layers]]\nunits = 3", '[[layers]]\nunits = 4\nactivation = "relu"\n\n[[layers]]\nunits = 3')
R28_BATCHROWS = (_ZAIDAN_SPEC28,
                 "For one example $x$ (a column): $z_1 = W_1 x + b_1$, $a_1 = \\mathrm{ReLU}(z_1)$, $z_2 = W_2 a_1 + b_2$."
                 "\n\n$$\\frac{\\partial L}{\\partial W_2} = \\delta_2 \\, a_1^\\top \\tag{one}$$\n\n"
                 "For a mini-batch of $B$ examples stacked as rows, $\\Delta_2 \\in \\mathbb{R}^{B \\times 3}$:\n\n"
                 "$$\\frac{\\partial L}{\\partial W_2} = \\frac{1}{B} \\, \\Delta_2^\\top A_1 \\tag{batch}$$\n",
                 {"one": {"correct"}, "batch": {"unchecked"}}, "h.md")
R28_ONEHOT = (_ZAIDAN_SPEC28,
              "$$z_1 = W_1 x + b_1, \\quad a_1 = \\mathrm{ReLU}(z_1), \\quad z_2 = W_2 a_1 + b_2, \\quad p = "
              "\\mathrm{softmax}(z_2)$$\n\n"
              "$$\\delta_2 := \\frac{\\partial L}{\\partial z_2} = p - \\mathbf{1}_y \\tag{vector}$$\n\n"
              "$$\\delta_2 := \\frac{\\partial L}{\\partial z_2} = \\mathbf{1}_y - p \\tag{sign}$$\n",
              {"vector": {"correct"}, "sign": {"incorrect"}}, "h.md")
R28_ENTROPY = (_ZAIDAN_SPEC28, "$$H(y, \\hat y) = -\\sum_j y_j \\log \\hat y_j$$\n\n"
               "$$\\frac{\\partial H(y, \\hat y)}{\\partial z^{(2)}} = \\hat y - y \\tag{right}$$\n\n"
               "$$\\frac{\\partial H(y, \\hat y)}{\\partial z^{(2)}} = y - \\hat y \\tag{sign}$$\n",
               {"right": {"correct"}, "sign": {"incorrect"}}, "h.md")
R28_LBATCH = (_SOFTMAX_SPEC28.replace("inputs = 4", "inputs = 5") + '\n[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n',
              "For a mini-batch of $B$ examples, $L_\\text{batch} = \\frac{1}{B} \\sum_{i=1}^{B} L^{(i)}$.\n\n"
              "$$\\theta \\leftarrow \\theta - \\eta \\, \\frac{\\partial L_\\text{batch}}{\\partial \\theta} \\tag{step}$$\n\n"
              "$$\\theta \\leftarrow \\theta + \\eta \\, \\frac{\\partial L_\\text{batch}}{\\partial \\theta} \\tag{ascent}$$\n",
              {"step": {"correct"}, "ascent": {"incorrect"}}, "h.md")
R28_SUPERSCRIPT = (_SPEC28_ROW,
                   "$$\\frac{\\partial L^{(i)}}{\\partial \\hat y^{(i)}} = \\hat y^{(i)} - y^{(i)} \\tag{right}$$\n\n"
                   "$$\\frac{\\partial L^{(i)}}{\\partial \\hat y^{(i)}} = y^{(i)} - \\hat y^{(i)} \\tag{sign}$$\n",
                   {"right": {"correct"}, "sign": {"incorrect"}}, "h.md")
_RASCHKA_SPEC28 = ('name = "raschka_roles"\nconvention = "column"\ninputs = 3\n\n[[layers]]\nunits = 4\nactivation = '
                   '"sigmoid"\n\n[[layers]]\nunits = 3\nactivation = "sigmoid"\n\n[loss]\nname = "binary_cross_entropy"\n')
R28_RASCHKA = (_RASCHKA_SPEC28, r"""
$Z^{(h)} = A^{(in)}W^{(h)}$, $A^{(h)} = \phi(Z^{(h)})$, $Z^{(out)} = A^{(h)}W^{(out)}$, $A^{(out)} = \phi(Z^{(out)})$

$$\pmb\delta^{(out)} = \pmb a^{(out)} - \pmb y \tag{out}$$

$$\pmb \delta^{(h)} = \pmb \delta^{(out)}(\pmb W^{out^{T}})\bigodot((a^{(h)}\bigodot(1-a^{(h)}))) \tag{hidden}$$

$$\pmb \delta^{(h)} = \pmb \delta^{(out)}(\pmb W^{out^{T}})\bigodot((a^{(h)}\bigodot a^{(h)})) \tag{hidden_slip}$$
""", {"out": {"correct"}, "hidden": {"correct"}, "hidden_slip": {"incorrect"}}, "h.md")
#: the same notes with y^{[i]} = φ(z^{[i]}) once: a^{(out)} − y is not judged (test_twenty_eighth_round)
R28_RASCHKA_Y = (_RASCHKA_SPEC28, "$y^{[i]} = \\phi(z^{[i]})$\n\n$t$ is the target.\n\n" + R28_RASCHKA[1],
                 {"out": {"unchecked"}}, "h.md")
_INDEX_SPEC28 = ('name = "fysstk_index"\nconvention = "row"\ninputs = 3\n\n[[layers]]\nunits = 2\nactivation = "sigmoid"\n\n'
                 '[[layers]]\nunits = 2\nactivation = "sigmoid"\n\n[loss]\nname = "squared_error"\n')
_INDEX28 = r"""
\begin{equation}
    z^l_i = \sum_{j=1}^{N_{l-1}} w_{ij}^l a_j^{l-1} + b_i^l
\end{equation}
\begin{align}
    \pdv{C}{w_{ij}^L} = \pdv{C}{z_i^L}\pdv{z_i^L}{w_{ij}^L} = \delta_i^L a_j^{L-1}
\label[eq]{the:eq:bp_w}
\end{align}
\begin{align}
    \pdv{C}{w_{ij}^L} = \delta_j^L a_i^{L-1}
\label[eq]{the:eq:bp_w_slip}
\end{align}
\begin{align}
    \pdv{C}{b_i^L} = \delta_i^L \quad \wedge \quad \pdv{C}{w_{ij}^L} = \delta_i^L a_j^{L-1}
\end{align}
\begin{align}
    \pdv{C}{b_i^L} = \delta_i^L \quad \wedge \quad \pdv{C}{w_{ij}^L} = \delta_i^L a_i^{L-1}
\end{align}
"""
#: hkve's index notation (line ids: the verdicts of lines 6, 10, 14 and 17)
_INDEX_VERDICTS28 = {"line 6": {"correct"}, "line 10": {"incorrect"}, "line 14": {"correct"}, "line 17": {"incorrect"}}
_CJK28 = ("$$\\frac{\\partial L}{\\partial \\hat y} = \\hat y - y \\tag{right}$$\n\n"
          "$$\\frac{\\partial L}{\\partial \\hat y} = y - \\hat y \\tag{sign}$$\n")


def round_twenty_nine() -> list[Probe]:
    """Round twenty-nine (issue 12, hardening28): the twenty-eighth round's readers — a 1/n judged again with a batch
    (``Judge._mean_unseen``), a function letter's slope as a fraction (``_FUNCTION_FRACTION``, ``_primed_letter``,
    ``_function_letters_bound``), an output minus y (``_OUTPUT_MINUS_Y``), sums the answer writes
    (``_written_sum_letters``, ``_in_derivatives_only``), equations joined by ``\\wedge``, a section headed by another
    loss (``foreign.LOSS_HEADING``, ``section_loss``), a sum to a layer's width (``document._MEAN_OVER_BATCH``), a batch
    stated as rows (``rows_stated``), a bias's step beside minibatch prose (``_BARE_BIAS_STEP``), normalize's CJK prose,
    one-hot target, code names, ``\\bigodot``, ``\\leftarrow =``, role scripts and cleveref labels, the parser's
    activation letter primed, an example's superscript and an objective's word, a 1 × 1 array (``ONE_BY_ONE``), the
    objective letter and t beside the output (infer), ℓ as a unit, a loss of a bare activation and one sample's lowercase
    letters — as an attacker. Each hostile part sits after (and for some before) one of the round's answers, whose
    verdicts central differences decide (tests/verify/test_twenty_eighth_round.py)."""
    out: list[Probe] = []
    md = _document_probes(out, "r29: ")

    def after(anchor: tuple, pid: str, hostile: str, before: bool = False, **kw) -> None:
        spec_text, doc, verdicts, name = anchor
        more = kw.pop("verdicts", {})
        tail = ("\n\n" + hostile) if name.endswith(".tex") else ("\n\n## Part two\n\n" + hostile)
        md(pid, doc + tail, verdicts={**verdicts, **more}, spec_text=spec_text, name=name, **dict(kw))
        if before:
            starved = {k: v | {"unchecked"} for k, v in verdicts.items()}  # (the hostile part may spend the time first)
            md(pid + " (answer after it)", hostile + "\n\n" + doc, verdicts={**starved, **more}, spec_text=spec_text,
               name=name, **dict(kw))

    ok = (0, 1)  # (under every documented limit: a run must give its verdicts)
    # -- a 1/n judged again with a batch (Judge._mean_unseen) ------------------------------------------------------------
    mean = R28_MEAN
    after(mean, "1/n re-judged: 1900 distinct right claims with 1/n", "".join(
        f"$$\\frac{{\\partial L}}{{\\partial b^{{(2)}}}} = \\frac{{1}}{{n}}\\delta^{{(2)}} + {k} \\delta^{{(2)}} - {k} "
        f"\\delta^{{(2)}}$$\n\n" for k in range(1900)), before=True, codes=ok)
    after(mean, "1/n re-judged: 10^4 claims with 1/n (over the equation limit)", "".join(
        f"$$\\frac{{\\partial L}}{{\\partial b^{{(2)}}}} = \\frac{{1}}{{n}}\\delta^{{(2)}} + {k} - {k}$$\n\n"
        for k in range(10_000)), codes=(2,), says="equations")
    after(mean, "1/n re-judged: 1900 claims holding with a batch too", "".join(
        f"$$\\frac{{\\partial L}}{{\\partial \\hat y}} = \\frac{{1}}{{n}}(\\hat y - y) + {k} - {k}$$\n\n"
        for k in range(1900)), codes=ok)
    after(mean, "1/n re-judged: one claim of 300 \\frac{1}{n} terms", "$$\\frac{\\partial L}{\\partial b^{(2)}} = "
          + " + ".join(["\\frac{1}{n}\\delta^{(2)}"] * 300) + "$$\n", codes=ok)
    after(mean, "1/n re-judged: \\frac{1}{n} nested 500 deep", "$$\\frac{\\partial L}{\\partial b^{(2)}} = "
          + "\\frac{1}{n}(" * 500 + "\\delta^{(2)}" + ")" * 500 + "$$\n", codes=ok)
    # -- a function letter's slope as a fraction (_FUNCTION_FRACTION, _primed_letter, _function_letters_bound, _NOT_BY) ---
    fn = R28_FUNCTION
    after(fn, "function fraction: 1900 distinct \\frac{\\partial f}{\\partial z} claims", "".join(
        f"\\begin{{equation}} \\frac{{\\partial f}}{{\\partial z}} = \\frac{{e^{{-z}}}}{{(1+e^{{-z}})^2}} + {k} - {k} "
        f"\\end{{equation}}\n" for k in range(1900)), before=True, codes=ok)
    after(fn, "function fraction: 10^4 fractions in one claim", "\\begin{equation} \\frac{\\partial f}{\\partial z} = "
          + " + ".join(["\\frac{\\partial f}{\\partial z}"] * 10_000) + " \\end{equation}\n", codes=ok)
    after(fn, "function fraction: 150 fractions in one claim (under the formula limit)", "\\begin{equation} "
          "\\frac{\\partial f}{\\partial z} = " + " + ".join(["\\frac{d \\sigma(z)}{d z}"] * 150)
          + " \\label{many} \\end{equation}\n", codes=ok, verdicts={"many": {"incorrect", "unchecked"}})
    after(fn, "function fraction: f(x) over z, g unbound, \\varphi(x), 1900 times", "".join(
        f"\\begin{{equation}} \\frac{{\\partial f(x)}}{{\\partial z}} + \\frac{{d g}}{{d x}} + \\frac{{\\partial "
        f"\\varphi(x)}}{{\\partial z}} = {k} \\end{{equation}}\n" for k in range(1900)), codes=ok)
    after(fn, "function fraction: f defined 1900 times by other formulas", "".join(
        f"\\begin{{equation}} f(z) = \\frac{{{k + 2}}}{{1+e^{{-z}}}} \\end{{equation}}\n" for k in range(1900)),
          codes=ok, verdicts={c: {"correct", "incorrect", "unchecked"} for c in fn[2]})  # (f's formula contradicted)
    after(fn, "function fraction: \\frac{\\partial f}{\\partial z} nested 500 deep", "\\begin{equation} "
          + "\\frac{\\partial f}{\\partial {" * 500 + "z" + "}}" * 500 + " = 1 \\end{equation}\n", codes=ok)
    after(fn, "function fraction: \\frac{\\partial f( unclosed 10^4 times", "\\begin{equation} "
          + "\\frac{\\partial f(" * 10_000 + " \\end{equation}\n", codes=ok)
    # -- an output minus y with y read as the output (_OUTPUT_MINUS_Y) --------------------------------------------------
    ry = R28_RASCHKA_Y
    after(ry, "output minus y: a^{(out)} - y 10^4 times in one claim", "$$\\pmb\\delta^{(out)} = " + " + ".join(
        ["\\pmb a^{(out)} - \\pmb y"] * 10_000) + "$$\n", codes=ok)
    after(ry, "output minus y: 1900 wrong claims a^{(out)} - y + k", "".join(
        f"$$\\pmb\\delta^{{(out)}} = \\pmb a^{{(out)}} - \\pmb y + {k + 1}$$\n\n" for k in range(1900)), before=True, codes=ok)
    after(ry, "output minus y: a^{_{_{…}}} 5000 deep - y", "$$\\pmb\\delta^{(out)} = a" + "^{_{" * 5000 + "x" + "}}" * 5000
          + " - y$$\n", codes=ok)
    # -- sums the answer writes (_written_sum_letters, _in_derivatives_only, _sum_letters) -------------------------------
    sm = R28_SOFTMAX
    letters = [chr(97 + k % 26) for k in range(1000)]
    # (sums to m over every letter: the document reads as a batch of m, where the answer's claims are not judged)
    after(sm, "written sums: one claim summing over 1000 letters", "\\begin{equation} \\frac{dC}{db_i} = " + " ".join(
        f"\\sum_{{{x}=1}}^m" for x in letters) + " \\frac{dC}{da_j} \\end{equation}\n", codes=ok,
          verdicts={c: v | {"unchecked"} for c, v in sm[2].items()})
    after(sm, "written sums: 1900 claims each summing over another letter", "".join(
        f"\\begin{{equation}} \\frac{{dC}}{{db_i}} = \\sum_{{{letters[k % 26]}=1}}^m \\frac{{dC}}{{da_{letters[k % 26]}}} + {k} "
        "\\end{equation}\n" for k in range(1900)), before=True, codes=ok)
    after(sm, "written sums: j in 1000 derivative fractions, the sum dropped", "\\begin{equation} \\frac{dC}{db_i} = "
          + " ".join(["\\left(\\frac{dC}{da_j}\\right)\\left(\\frac{da_j}{dz_i}\\right)"] * 1000) + " \\end{equation}\n",
          codes=ok)
    after(sm, "written sums: 150 dropped-sum chains (under the formula limit)", "\\begin{equation} \\frac{dC}{db_i} = "
          + " + ".join(["\\frac{dC}{da_j}\\frac{da_j}{dz_i}"] * 150) + " \\label{dropped} \\end{equation}\n", codes=ok,
          verdicts={"dropped": {"incorrect", "unchecked"}})
    after(sm, "written sums: \\frac{d…}{d…} braces 5000 deep", "\\begin{equation} \\frac{dC}{db_i} = \\frac{d"
          + "{" * 5000 + "a_j" + "}" * 5000 + "}{dz_i} \\end{equation}\n", codes=ok)
    # -- equations joined by \wedge / \land (_AND) ------------------------------------------------------------------------
    ix = (_INDEX_SPEC28, _INDEX28, _INDEX_VERDICTS28, "answer.tex")
    after(ix, "\\wedge: 10^4 equations joined in one claim", "\\begin{align} " + " \\quad \\wedge \\quad ".join(
        ["\\pdv{C}{b_i^L} = \\delta_i^L"] * 10_000) + " \\end{align}\n", codes=ok)
    after(ix, "\\wedge: 190 equations joined (under the statement limit)", "\\begin{align} " + " \\wedge ".join(
        f"\\pdv{{C}}{{b_i^L}} = \\delta_i^L + {k} - {k}" for k in range(190)) + " \\end{align}\n", codes=ok)
    after(ix, "\\wedge: 10^4 \\wedge with no equation", "\\begin{align} x " + "\\wedge \\land " * 10_000
          + " \\end{align}\n", codes=ok)
    after(ix, "\\wedge: 1900 claims of two equations", "".join(
        f"\\begin{{align}} \\pdv{{C}}{{b_i^L}} = \\delta_i^L \\quad \\land \\quad \\pdv{{C}}{{w_{{ij}}^L}} = \\delta_i^L "
        f"a_j^{{L-1}} + {k} \\end{{align}}\n" for k in range(1900)), codes=ok)
    # -- a section headed by another loss (foreign.LOSS_HEADING, section_loss) ----------------------------------------------
    hd = R28_HEADING
    after(hd, "loss heading: 10^4 headings naming losses", "".join(
        f"### {('MSE', 'Hinge', 'NLL', 'Cross entropy')[k % 4]} {k}\n\n" for k in range(10_000))
          + "$$\\frac{\\partial L}{\\partial z} = \\hat y - y \\tag{last}$$\n", codes=ok,
          verdicts={"last": {"correct", "unchecked"}})
    after(hd, "loss heading: 1900 sections each naming a loss, each with a claim", "".join(
        f"### {('MSE', 'Cross entropy')[k % 2]} part {k}\n\n$$\\frac{{\\partial L}}{{\\partial z}} = \\hat y - y + {k} - {k} "
        f"\\tag{{h{k}}}$$\n\n" for k in range(1900)), before=True, codes=ok,
          verdicts={f"h{k}": {"correct", "unchecked"} for k in range(1900)})
    after(hd, "loss heading: a heading naming two losses", "## MSE versus Cross Entropy\n\n$$\\frac{\\partial L}{\\partial z}"
          " = \\hat y - y \\tag{two}$$\n", codes=ok, verdicts={"two": {"correct", "unchecked"}})
    after(hd, "loss heading: a 10^5-letter heading word then MSE", "## " + "M" * 100_000 + " MSE\n\n$$\\frac{\\partial L}"
          "{\\partial z} = y - \\hat y \\tag{long}$$\n", codes=ok, verdicts={"long": {"incorrect", "unchecked"}})
    after(hd, "loss heading: nested sections under MSE, 6 levels, 300 times", "".join(
        f"{'#' * (2 + k % 5)} {'MSE' if k % 5 == 0 else 'part'}\n\n$$\\frac{{\\partial L}}{{\\partial z}} = y - \\hat y + {k} "
        f"\\tag{{n{k}}}$$\n\n" for k in range(300)), codes=ok,
          verdicts={f"n{k}": {"incorrect", "unchecked"} for k in range(300)})
    after(hd, "loss heading: a heading of 10^5 spaces then MSE", "## " + " " * 100_000 + "MSE\n\n", codes=ok)
    # -- a sum to a layer's width, a batch stated as rows (document._MEAN_OVER_BATCH, rows_stated) ---------------------------
    after(ix, "sum to a width: 1900 \\sum_{j=1}^{N_{l-1}}", "".join(
        f"\\begin{{equation}} z^l_{{{k}}} = \\sum_{{j=1}}^{{N_{{l-1}}}} w_{{ij}}^l a_j^{{l-1}} + b_i^l \\end{{equation}}\n"
        for k in range(1900)), codes=ok)
    after(ix, "sum to a width: N_ N_ N_ … 10^4 times in a bound", "\\begin{equation} z^l_i = \\sum_{j=1}^{" + "N_" * 10_000
          + "1} w_{ij}^l a_j^{l-1} \\end{equation}\n", codes=ok)
    br = R28_BATCHROWS
    after(br, "rows stated: \\in\\mathbb{R}^{B\\times 10^4 times", "Shapes: $" + "X \\in \\mathbb{R}^{B \\times " * 10_000
          + "$\n", before=True, codes=ok)
    after(br, "rows stated: \\in\\mathbb then 2×10^5 spaces", "Shapes: $X \\in\\mathbb" + " " * 200_000 + "R$\n",
          before=True, codes=ok)
    after(br, "rows stated: \\in\\mathbb{R then 2×10^5 spaces", "Shapes: $X \\in\\mathbb{R" + " " * 200_000 + "}$\n",
          codes=ok)
    # (the rows then carry the vote: the batch's claim holds there — the oracle — and the one example as a column may
    # not be judged, never rejected)
    after(br, "rows stated: 1900 batch claims in rows", "".join(
        f"$$\\frac{{\\partial L}}{{\\partial W_2}} = \\frac{{1}}{{B}} \\, \\Delta_2^\\top A_1 + {k} - {k}$$\n\n"
        for k in range(1900)), codes=ok, verdicts={"one": {"correct", "unchecked"}, "batch": {"correct", "unchecked"}})
    after(br, "rows stated: 100 batch claims in rows", "".join(
        f"$$\\frac{{\\partial L}}{{\\partial W_2}} = \\frac{{1}}{{B}} \\, \\Delta_2^\\top A_1 + {k} - {k}$$\n\n"
        for k in range(100)), codes=ok, verdicts={"one": {"correct", "unchecked"}, "batch": {"correct", "unchecked"}})
    for pre in ("W \\in \\mathbb", "x \\in \\mathbb{R", "x_i \\in \\mathbb{R}^", "x_", "W^{(1)} \\in \\mathbb{R}^{n"):
        after(br, f"raw spaces: {pre} then 2×10^5 spaces", "Shapes: $" + pre + " " * 200_000 + "d$\n", before=True,
              codes=ok)
    # -- a bias's step beside minibatch prose (_BARE_BIAS_STEP, DocumentClaims.minibatch) ----------------------------------
    rw = R28_ROWS
    mini = {**rw[2], "step_b": {"unchecked"}}
    after(rw, "minibatch: the word 10^4 times", "We utilize minibatches. " * 10_000 + "\n",
          verdicts=mini, codes=ok)
    after(rw, "minibatch: 1900 bias steps", "We utilize minibatches.\n" + "".join(
        f"\\begin{{equation}} b_{{{k}}} \\leftarrow = b_{{{k}}} - \\eta \\delta_{{{k}}}, \\end{{equation}}\n"
        for k in range(1900)), verdicts=mini, codes=ok)
    after(rw, "minibatch: a bias step with 10^4 scripts", "We utilize minibatches.\n\\begin{equation} b" + "_l" * 10_000
          + " \\leftarrow = b_l - \\eta \\delta_l \\end{equation}\n", verdicts=mini, codes=ok)
    after(rw, "minibatch: a bias step of 380 characters of scripts", "We utilize minibatches.\n\\begin{equation} b"
          + "^{l}" * 90 + " \\leftarrow = b_l - \\eta \\delta_l \\label{long_b} \\end{equation}\n", verdicts=mini, codes=ok)
    # -- normalize: CJK prose, one-hot target, code names, \bigodot, \leftarrow =, role scripts, cleveref ------------------
    cjk = (_SPEC28_ROW, _CJK28, {"right": {"correct"}, "sign": {"incorrect"}}, "h.md")
    after(cjk, "CJK: 10^5 CJK characters before a formula", "$$" + "其" * 100_000 + "\\frac{\\partial L}{\\partial \\hat y}"
          " = \\hat y - y$$\n", codes=ok)
    after(cjk, "CJK: 1900 rows opened by CJK words", "$$\\begin{aligned}\n" + "".join(
        f"&其中\\frac{{\\partial L}}{{\\partial \\hat y}} = \\hat y - y + {k} - {k} \\\\\n" for k in range(1900))
          + "\\end{aligned}$$\n", codes=ok)
    after(cjk, "CJK: mixed scripts and RTL marks before a formula, 1900 times", "".join(
        f"$$而\u200fمثلا\u202e한글 {k}\\frac{{\\partial L}}{{\\partial \\hat y}} = \\hat y - y$$\n\n" for k in range(1900)),
          codes=ok)
    after(cjk, "CJK: a row of 10^4 CJK punctuation and spaces", "$$" + "。 " * 10_000 + "x = 1$$\n", codes=ok)
    oh = R28_ONEHOT
    after(oh, "one-hot: \\mathbf{1}_y 10^4 times", "$$\\delta_2 = p - " + " - ".join(["\\mathbf{1}_y"] * 10_000) + "$$\n",
          codes=ok)
    after(oh, "one-hot: \\mathbf{1}_y[ unclosed 10^4 times", "$$\\delta_2 = p - " + "\\mathbf{1}_y[" * 10_000 + "$$\n",
          codes=ok)
    after(oh, "one-hot: \\mathbf{1}_{\\mathbf{1}_{…}} 5000 deep", "$$\\delta_2 = p - " + "\\mathbf{1}_{" * 5000 + "y"
          + "}" * 5000 + "$$\n", codes=ok)
    after(oh, "one-hot: 1900 claims p_k - \\mathbf{1}_y[k]", "".join(
        f"$$\\frac{{\\partial L}}{{\\partial z_k}} = p_k - \\mathbf{{1}}_y[k] + {k} - {k}$$\n\n" for k in range(1900)),
          before=True, codes=ok)
    after(oh, "code names: lr and label 10^4 times", "$$b = b - " + " - ".join(["lr * label"] * 10_000) + "$$\n", codes=ok)
    after(oh, "code names: 1900 steps b = b - lr * dL/db", "".join(
        f"$$b_{{{k}}} = b_{{{k}}} - lr * \\frac{{dL}}{{db_{{{k}}}}}$$\n\n" for k in range(1900)), codes=ok)
    ra = R28_RASCHKA
    after(ra, "\\bigodot: 10^4 in one claim", "$$\\pmb \\delta^{(h)} = " + " \\bigodot ".join(["a^{(h)}"] * 10_000)
          + "$$\n", codes=ok)
    after(ra, "\\bigodot: 10^4 with limits and nothing between", "$$x = a" + "\\bigodot_{i}^{n}\\bigodot" * 10_000 + "$$\n",
          codes=ok)
    after(ra, "role scripts: ^{out^{T^{T^{…}}}} 5000 deep", "$$\\pmb \\delta^{(h)} = \\pmb \\delta^{(out)}(W^{out^{"
          + "T^{" * 5000 + "T" + "}" * 5000 + "}})$$\n", codes=ok)
    after(ra, "role scripts: W^{out^{T}} 10^4 times", "$$\\pmb \\delta^{(h)} = \\pmb \\delta^{(out)}" + "W^{out^{T}}" * 10_000
          + "$$\n", codes=ok)
    # (1900 forward definitions the spec's network contradicts: the slip's reading is in doubt, said so)
    after(ra, "role scripts: 1900 claims W^{h^\\top}, W^{in^{T}}", "".join(
        f"$$Z^{{(h)}} = A^{{(in)}} W^{{h^\\top}} W^{{in^{{T}}}} + {k}$$\n\n" for k in range(1900)), codes=ok,
          verdicts={"hidden_slip": {"incorrect", "unchecked"}})
    after(rw, "\\leftarrow =: 10^4 times in one claim", "\\begin{equation} W_l " + "\\leftarrow = " * 10_000
          + "W_l \\end{equation}\n", codes=ok)
    after(rw, "\\leftarrow =: 1900 steps", "".join(
        f"\\begin{{equation}} W_l \\leftarrow = W_l - \\eta a_{{l-1}}^T \\delta_l + {k} \\end{{equation}}\n"
        for k in range(1900)), codes=ok)
    after(ix, "cleveref: \\label[eq]{…} 10^4 times in one display", "\\begin{align} \\pdv{C}{b_i^L} = \\delta_i^L"
          + "\\label[eq]{x}" * 10_000 + " \\end{align}\n", codes=ok)
    after(ix, "cleveref: \\label[eq]{ unclosed 10^4 times", "\\begin{align} \\pdv{C}{b_i^L} = \\delta_i^L"
          + "\\label[eq]{" * 10_000 + " \\end{align}\n", codes=ok)
    after(ix, "cleveref: \\label[ with a 10^5-letter type", "\\begin{align} \\pdv{C}{b_i^L} = \\delta_i^L \\label["
          + "e" * 100_000 + "]{x} \\end{align}\n", codes=ok)
    after(ix, "cleveref: 1900 displays \\label[eq]{k}", "".join(
        f"\\begin{{align}} \\pdv{{C}}{{b_i^L}} = \\delta_i^L + {k} - {k} \\label[eq]{{e{k}}} \\end{{align}}\n"
        for k in range(1900)), codes=ok)
    # -- the parser: a'(z_l), L^{(i)}, L_\text{batch}, layers named by their role -----------------------------------------
    after(rw, "a'(…): 10^4 times in one claim", "\\begin{equation} \\delta_l = \\delta_{l+1} W_{l+1}^T " + " ".join(
        ["a'(z_l)"] * 10_000) + " \\end{equation}\n", codes=ok)
    after(rw, "a'(…): nested 1000 deep", "\\begin{equation} \\delta_l = " + "a'(" * 1000 + "z_l" + ")" * 1000
          + " \\end{equation}\n", codes=ok)
    after(rw, "a'(…): unclosed 10^4 times", "\\begin{equation} \\delta_l = " + "a'(" * 10_000 + " \\end{equation}\n",
          codes=ok)
    after(rw, "a'(…): 1900 distinct claims", "".join(
        f"\\begin{{equation}} \\delta_l = \\delta_{{l+1}} W_{{l+1}}^T a'(z_l) + {k} - {k} \\end{{equation}}\n"
        for k in range(1900)), before=True, codes=ok)
    sup = R28_SUPERSCRIPT
    after(sup, "L^{(i)}: 10^4 times in one claim", "$$" + " + ".join(["\\frac{\\partial L^{(i)}}{\\partial \\hat y^{(i)}}"]
                                                                   * 10_000) + " = 0$$\n", codes=ok)
    after(sup, "L^{(( unclosed 10^4 times", "$$\\frac{\\partial L" + "^{(" * 10_000 + "}{\\partial \\hat y} = 0$$\n",
          codes=ok)
    after(sup, "L^{(i)}: 1900 claims over 26 letters", "".join(
        f"$$\\frac{{\\partial L^{{({chr(97 + k % 26)})}}}}{{\\partial \\hat y^{{({chr(97 + k % 26)})}}}} = \\hat "
        f"y^{{({chr(97 + k % 26)})}} - y^{{({chr(97 + k % 26)})}} + {k} - {k}$$\n\n" for k in range(1900)), codes=ok)
    lb = R28_LBATCH
    words = ("L_\\text{batch}", "L_{train}", "J_{total}")
    after(lb, "objective word: L_{…} with a 10^5-letter word", "$$\\frac{\\partial L_{" + "b" * 100_000
          + "}}{\\partial \\theta} = 0$$\n", codes=ok)
    after(lb, "objective word: L_{total_{total_{…}}} 5000 deep", "$$\\frac{\\partial L_{" + "total_{" * 5000 + "x"
          + "}" * 5001 + "}{\\partial \\theta} = 0$$\n", codes=ok)
    after(lb, "objective word: 1900 steps with L_\\text{batch}, L_{train}, J_{total}", "".join(
        f"$$\\theta \\leftarrow \\theta - \\eta \\, \\frac{{\\partial {words[k % 3]}}}"
        f"{{\\partial \\theta}} + {k} - {k}$$\n\n" for k in range(1900)), before=True, codes=ok)
    after(ra, "role words: W^{(hidden hidden …)} 10^4 words", "$$Z^{(h)} = A^{(in)}W^{(" + "hidden " * 10_000
          + ")}$$\n", codes=ok)
    after(ra, "role words: ^{(out)} 10^4 times in one claim", "$$\\pmb\\delta^{(out)} = " + " ".join(
        ["a^{(out)}"] * 10_000) + "$$\n", codes=ok)
    # -- a 1 × 1 array times a matrix (shapes.ONE_BY_ONE) -------------------------------------------------------------------
    one = (_ROWS_SPEC28.replace("units = 2", "units = 1"), (
        r"The samples are columns: \begin{equation} z_l = W_l^T a_{l-1} + b_l, \quad a_l = a(z_l) \end{equation}" "\n"
        r"\begin{equation} \delta_l = W_{l+1} \delta_{l+1} \odot a'(z_l), \label{right} \end{equation}" "\n"
        r"\begin{equation} \delta_l = \delta_{l+1} W_{l+1} \odot a'(z_l), \label{planted} \end{equation}" "\n"),
        {"right": {"correct"}, "planted": {"unchecked"}}, "answer.tex")
    after(one, "1 × 1: 1900 planted δ_{l+1} W_{l+1} claims", "".join(
        f"\\begin{{equation}} \\delta_l = \\delta_{{l+1}} W_{{l+1}} \\odot a'(z_l) + {k} - {k} \\end{{equation}}\n"
        for k in range(1900)), before=True, codes=ok)
    after(one, "1 × 1: δ_{l+1} times 150 weights (under the formula limit)", "\\begin{equation} \\delta_l = \\delta_{l+1} "
          + " ".join(["W_{l+1}"] * 150) + " \\end{equation}\n", codes=ok)
    # -- infer: the objective letter, t beside the output ---------------------------------------------------------------
    en = R28_ENTROPY
    after(en, "objective letter: H(y, a, y, a, …) with 10^4 arguments", "$$H(" + ", ".join(["y, a"] * 10_000)
          + ") = -\\sum_j y_j \\log a_j$$\n", codes=ok)
    after(en, "objective letter: 1900 definitions of 26 letters", "".join(
        f"$${chr(65 + k % 26)}(y, \\hat y) = -\\sum_j y_j \\log \\hat y_j + {k}$$\n\n" for k in range(1900)),
          before=True, codes=ok, verdicts={c: {"correct", "incorrect", "unchecked"} for c in en[2]})
    after(en, "objective letter: f(W) = … 1900 times with ∂f/∂W", "".join(
        f"$$f(W) = \\frac{{1}}{{m}} \\sum (\\hat y - y)^2 + {k}$$\n\n$$\\frac{{\\partial f}}{{\\partial W}} = {k}$$\n\n"
        for k in range(950)), codes=ok, verdicts={c: {"correct", "incorrect", "unchecked"} for c in en[2]})
    after(en, "objective letter: H( then 10^5 letters", "$$H(" + "y" * 100_000 + ") = -\\sum_j y_j \\log a_j$$\n",
          codes=ok)
    bi = (_BISHOP_SPEC27, _BISHOP27, R27_BISHOP[2], "h.md")
    after(bi, "t beside the output: a - t 10^4 times", "$$\\frac{\\partial E}{\\partial a_5} = " + " + ".join(
        ["(a_5 - t)"] * 10_000) + "$$\n", codes=ok, verdicts={c: v | {"unchecked"} for c, v in bi[2].items()})
    after(bi, "t beside the output: t } } } … - a, 10^4 braces", "$$x = t" + " }" * 10_000 + " - a$$\n", codes=ok,
          verdicts={c: v | {"unchecked"} for c, v in bi[2].items()})
    after(bi, "t beside the output: t^ 10^4 times", "$$x = " + "t^" * 10_000 + "T$$\n", codes=ok,
          verdicts={c: v | {"unchecked"} for c, v in bi[2].items()})
    # -- unitnames (ℓ), bareneuron (a loss of a bare activation), onesample (lowercase letters) ---------------------------------
    fu = (*R27_FUAT, "h.md")
    # (ℓ written as a layer, x^{ℓ}: no longer only a unit's letter, so Fuat's claims may not read)
    after(fu, "ℓ: x^{ℓ then 10^4 tabs and newlines", "$$o_i = x^{\\ell" + "\t\n" * 10_000 + "}$$\n", codes=ok,
          verdicts={c: v | {"unchecked"} for c, v in fu[2].items()})
    after(fu, "ℓ: w_{a, ℓ} with a, , , … 10^4 commas", "$$u_i = \\sum_{\\ell} w_{a" + " ," * 10_000 + "\\ell} o_\\ell$$\n",
          codes=ok)
    bare_spec = _RASCHKA_SPEC28.replace("units = 3\nactivation", "units = 1\nactivation").replace(
        "binary_cross_entropy", "sum_squared_error")
    zac = (bare_spec, "$L = (a - label)^2$\n\n$a = act(z)$\n\n$\\frac{dL}{da} = 2(a - label) \\tag{dLda}$\n\n"
           "$b = b - lr * \\frac{dL}{db} \\tag{step}$\n", {"dLda": {"correct", "unchecked"}}, "h.md")
    after(zac, "bare loss: 1900 losses of the bare activation", "".join(
        f"$L = (a - y)^2 + {k}$\n\n$$\\frac{{dL}}{{da}} = 2(a - y) + {k}$$\n\n" for k in range(950)), codes=ok)
    after(zac, "bare loss: L = ( ( ( … 10^4 deep", "$L = " + "(" * 10_000 + "a - y" + ")" * 10_000 + "^2$\n", codes=ok)
    after(mean, "one sample: z^ x^ a^ 10^4 times in one claim", "$$\\frac{\\partial L}{\\partial b^{(2)}} = "
          + " ".join(["z^{(2)} x^\\top a_1"] * 10_000) + "$$\n", codes=ok)
    after(mean, "one sample: 1900 lowercase claims beside capitals", "$$Z^{(1)} = W^{(1)} X$$\n\n" + "".join(
        f"$$\\frac{{\\partial L}}{{\\partial b^{{(2)}}}} = \\delta^{{(2)}} + z_{k} - z_{k}$$\n\n" for k in range(1900)),
          codes=ok, verdicts={c: {"correct", "incorrect", "unchecked"} for c in mean[2]})
    # -- each answer after 1900 arithmetic claims ------------------------------------------------------------------------
    filler = "".join(f"$${n} + 1 = {n + 1}$$\n\n" for n in range(1900))
    for pid, anchor in (("mean", mean), ("rows", rw), ("function", fn), ("softmax sums", sm), ("loss heading", hd),
                        ("batch rows", br), ("one-hot", oh), ("Raschka", ra), ("L_batch", lb), ("entropy", en)):
        spec_text, doc, verdicts, name = anchor
        fill = filler if name.endswith(".md") else "".join(f"\\[{n} + 1 = {n + 1}\\]\n\n" for n in range(1900))
        md(f"{pid}'s answer after 1900 arithmetic claims", fill + "\n\n" + doc,
           verdicts={c: v | {"unchecked"} for c, v in verdicts.items()}, spec_text=spec_text, name=name, codes=ok)
    return out


def round_thirty_two_coordinator() -> list[Probe]:
    """Round thirty-two (issue 12), the coordinator's probes of the round's readers: layout commands in every claim
    (10^5 \\limits), chains broken over displays that end with = (10^4 of them), MyST ```{math} fences with many
    options, Quarto and MyST labels, $`…`$ with 10^5 backticks, (i, ℓ) superscripts and L'( unclosed or deep, y and ŷ
    beside an own letter, E_o defined 10^4 times — each after the thirty-first round's note, whose two claims must keep
    their verdicts."""
    out: list[Probe] = []
    md = _document_probes(out, "r32c: ")
    loose = _LOOSE31
    after = _after_note31(md, _STRICT31)

    after("layout: \\sum followed by 10^5 \\limits", "$$E = \\sum" + " \\limits" * 100_000 + "_{i=1}^{M} y_i$$\n")
    after("layout: 1900 \\displaystyle claims", "".join(f"$$\\displaystyle x_{{{k}}} = {k}$$\n\n" for k in range(1900)),
          verdicts=loose)
    after("chains: 1900 displays each ending with =", "$$\\frac{\\partial E}{\\partial w_{ij}^{2}} =$$\n\n" * 1900)
    after("chains: a display of 10^5 = signs then one more", "$$a " + "= " * 100_000 + "$$\n\n$$b$$\n")
    after("myst: a {math} fence with 10^4 options", "```{math}\n" + ":label: x\n" * 10_000 + "a = b\n```\n")
    after("myst: 1900 unclosed {math} fences", "```{math}\na = b\n" * 1900)
    after("labels: $$…$$ then a label of 10^5 letters", "$$a = b$$ (" + "x" * 100_000 + ")\n")
    after("labels: 1900 Quarto labels", "".join(f"$$x = {k}$$ {{#eq-{k}}}\n\n" for k in range(1900)), verdicts=loose)
    after("backticks: $` then 10^5 backticks", "$`" + "`" * 100_000 + "`$ and $a = b$\n")
    after("pairs: z^{(i, \\ell)} 10^4 times in one claim", "$$E = " + "z^{(i, \\ell)} " * 10_000 + "$$\n")
    after("loss prime: L'( never closed, 10^4 times", "$$\\delta = " + "L'(a, " * 10_000 + "$$\n")
    after("loss prime: L'( 300 deep", "$$\\delta = L'(" + "(" * 300 + "a" + ")" * 300 + ", y)$$\n", verdicts=loose)
    after("own error: E_o defined 1900 times", "".join(f"$$E_o = (\\hat y - y) g'(z_o) + {k}$$\n\n" for k in range(1900)),
          verdicts=loose)
    after("y and yhat: 1900 claims of y - \\hat y", "$$u_j^l = \\sum_i w_{ij}^l z_i^{l-1}$$\n\n$$z_j^l = \\varphi(u_j^l)$$\n\n"
          + "".join(f"$$\\delta_{k} = y_{k} - \\hat y_{k}$$\n\n" for k in range(1900)), verdicts=loose)
    after("plain: sum( with axis= after 10^5 spaces", "- db2 = sum(dz2," + " " * 100_000 + "axis=0)\n", verdicts=loose)
    return out


def round_thirty_three_coordinator() -> list[Probe]:
    """Round thirty-three (issue 10's readers, issue 12's bounds): weights named by arrows (10^4 in one claim, 1900
    distinct units, a cycle), an input matrix written out with 10^4 rows, a bias matrix of 10^4 repeated rows, L^{1}
    as a linear combination 10^4 times, a backslash before each of 10^5 line breaks, Udacity's h (a sum of 10^5
    letters, f'(h) in 1900 claims), a sum then 10^5 + signs, AIMA's Err_k, Δ_k and Loss_k 1900 times, δ2 typed
    10^4 times, y - y_k 10^4 times, ∂E/∂B^{2} of a bias matrix 1900 times — each after the thirty-first round's note, whose two claims must
    keep their verdicts."""
    out: list[Probe] = []
    md = _document_probes(out, "r33c: ")
    loose = _LOOSE31
    after = _after_note31(md, _STRICT31)

    after("arrows: 10^4 arrow weights in one claim", "$$s_k = " + " + ".join(
        "w_{i\\rightarrow k} x_i" for _ in range(10_000)) + "$$\n")
    after("arrows: 1900 distinct units in a chain", "".join(
        f"$$s_{{u{k % 9}}} = w_{{a{k}\\rightarrow b{k}}} z_{{a{k}}}$$\n\n" for k in range(1900)), verdicts=loose)
    after("arrows: a cycle i -> j -> i", "$$s_j = w_{i\\rightarrow j} x_i$$\n\n$$s_i = w_{j\\rightarrow i} z_j$$\n")
    after("batch: X written out with 10^4 rows", "$$X = \\begin{bmatrix} " + " \\\\ ".join(
        f"x_{{{k % 9 + 1},1}} & x_{{{k % 9 + 1},2}}" for k in range(10_000)) + " \\end{bmatrix}$$\n")
    after("batch: a bias matrix of 10^4 repeated rows", "$$X = \\begin{bmatrix} x_{1,1} & x_{1,2} \\\\ x_{2,1} & x_{2,2} "
          "\\end{bmatrix}$$\n\n$$B^{1} = \\begin{bmatrix} " + " \\\\ ".join("b^{1}_1 & b^{1}_2" for _ in range(10_000))
          + " \\end{bmatrix}$$\n\n$$Z^{1} = XW^{1} + B^{1}$$\n", verdicts=loose)
    after("linear L: L^{1} = XW^{1} + B^{1} 10^4 times in one claim", "$$\\frac{\\partial E}{\\partial W} = "
          + "L^{1} + XW^{1} + B^{1} " * 10_000 + "$$\n", verdicts=loose)
    after("control space: a backslash before each of 10^5 line breaks", "$$a = b \\\n" + "c \\\n" * 100_000 + "$$\n")
    after("udacity: h = \\sum then 10^5 letters, no w_", "$$h = \\sum " + "x" * 100_000 + "$$\n\n$$\\delta = f'(h)$$\n",
          verdicts=loose)
    after("udacity: f'( h 1900 times beside h = \\sum_i w_i x_i", "$$h = \\sum_i w_i x_i$$\n\n" + "".join(
        f"$$\\delta_{{{k}}} = (y - \\hat y) f'(h) + {k}$$\n\n" for k in range(1900)), verdicts=loose)
    after("bias beside a sum: \\sum_i then 10^5 + signs, no b_j", "$$z_j = \\sum_i " + "+ " * 100_000 + "$$\n",
          verdicts=loose)
    after("aima: Err_k = y_k - a_k and \\Delta_k = Err_k 1900 times", "".join(
        f"$$Err_k = y_k - a_k$$\n\n$$\\Delta_k = Err_k \\times g'(net_k) + {k}$$\n\n" for k in range(950))
        + "$$w_{j,k} \\leftarrow w_{j,k} + \\alpha \\times a_j \\times \\Delta_k$$\n", verdicts=loose)
    after("aima: Loss_k defined, then 1900 derivatives of it", "$$Loss_k = (y_k - a_k)^2$$\n\n" + "".join(
        f"$$\\frac{{\\partial Loss_k}}{{\\partial w_{{j,k}}}} = -2 a_j + {k}$$\n\n" for k in range(1900)), verdicts=loose)
    after("greek digits: δ then 10^5 digits, and δ2 10^4 times", "$$δ" + "7" * 100_000 + " = " + "δ2 + " * 10_000 + "1$$\n",
          verdicts=loose)
    after("one letter: y - y_k 10^4 times in one claim", "$$\\delta = " + "(y - y_k) " * 10_000 + "$$\n", verdicts=loose)
    after("bias matrix: dE/dB^{2} = Yhat - Y 1900 times", "$$L^{1} = XW^{1} + B^{1}$$\n\n" + "".join(
        f"$$\\frac{{\\partial E}}{{\\partial B^{{2}}}} = \\hat{{Y}} - Y + {k}$$\n\n" for k in range(1900)), verdicts=loose)
    return out


def round_thirty_four_coordinator() -> list[Probe]:
    """Round thirty-four (issue 10's readers, issue 12's bounds): α and β weights (10^4 entries in one claim, 1900
    claims, spaces between α and its script, α both weights and a learning rate), a letter defined by β's product
    10^4 times, an index range after a claim with 10^5 spacing commands or a list of 10^4 numbers, f_k with a layer
    letter 10^4 times, a sum to M over 10^4 α entries, y^{(k)} = f_k(z^{(k)}) 1900 times, Div 10^4 times — each after
    the thirty-first round's note, whose two claims must keep their verdicts."""
    out: list[Probe] = []
    md = _document_probes(out, "r34c: ")
    after = _after_note31(md, _LOOSE31)

    forward = "$$a_j = \\sum_i \\alpha_{j,i} x_i + \\alpha_{j,0}$$\n\n$$b_k = \\sum_j \\beta_{k,j} z_j + \\beta_{k,0}$$\n\n"
    after("greek: 10^4 alpha entries in one claim", forward + "$$a_j = " + " + ".join(
        "\\alpha_{j,i} x_i" for _ in range(10_000)) + "$$\n")
    after("greek: 1900 claims in alpha and beta", forward + "".join(
        f"$$\\frac{{\\partial J}}{{\\partial \\beta_{{k,j}}}} = (\\hat y_k - y_k) z_j + {k}$$\n\n" for k in range(1900)))
    after("greek: 10^5 spaces between alpha and its script", "$$a = \\alpha" + " " * 100_000 + "_{j,i} x_i$$\n\n"
          + forward)
    after("greek: alpha the weights and the learning rate", forward
          + "$$\\alpha_{j,i} \\leftarrow \\alpha_{j,i} - \\alpha \\frac{\\partial J}{\\partial \\alpha_{j,i}}$$\n")
    after("greek: b defined by beta's product 10^4 times", "".join(
        f"$$b_{{k}} = \\beta_{{k,j}} z_j + {k}$$\n\n" for k in range(10_000)) + forward)
    after("range: 10^5 spacing commands before an index range", "$$z_j = a_j" + ", \\;" * 100_000 + " j = 1, \\ldots, n$$\n")
    after("range: a listed range of 10^4 numbers", "$$z_j = a_j, \\quad j = " + ", ".join(
        str(k) for k in range(1, 10_001)) + "$$\n")
    after("range: 1900 claims with \\forall", "".join(f"$$z_j = \\sigma(a_j) + {k} \\quad \\forall j$$\n\n"
                                                      for k in range(1900)))
    after("layer functions: f_k( 10^4 times beside ^{(k)}", "$$y^{(k)} = " + "f_k(z^{(k)}) + " * 10_000 + "1$$\n")
    after("sum to M: 10^4 alpha entries after \\sum_{i=1}^{M}", "$$a_j = \\sum_{i=1}^{M} " + "\\alpha_{j,i} x_i " * 10_000
          + "$$\n")
    after("11-785: y_j^{(k)} = f_k(z_j^{(k)}) 1900 times", "".join(
        f"$$y_j^{{(k)}} = f_k\\left(z_j^{{(k)}}\\right) + {k} d_j$$\n\n" for k in range(1900)))
    after("11-785: Div 10^4 times in one claim", "$$Div(Y, d) = " + "Div + " * 10_000 + "0$$\n")
    return out


def round_thirty_five_coordinator() -> list[Probe]:
    """Round thirty-five (issue 10's readers, issue 12's bounds): Larochelle's quantities of the input — h^{(k)}(x)
    10^4 times in one claim and in 1900 claims, 10^5 spaces between a layer's script and (x), −log f(x)_y under
    10^4 derivatives, [\\ldots, g'(a_j), \\ldots] 10^4 times, (L+1) 10^4 times, an unclosed \\frac{\\partial}{\\partial
    10^4 times; Murphy's letters (10^4 in one claim, 1900 claims, 10^5 spaces), s'(γ) 10^4 times, Ω defined 1900 times,
    Vx 10^4 times in a definition; Φ(\\bar{a}) 10^4 times, 1900 claims with \\overline, ^{(t+1)} 10^4 times and with 10^5
    spaces inside, an own letter at a generic layer used at 2 × 10^4 other layers and in 1900 claims — each after the
    thirty-first round's note, whose two claims must keep their verdicts."""
    out: list[Probe] = []
    md = _document_probes(out, "r35c: ")
    strict = _STRICT31
    after = _after_note31(md, _LOOSE31)

    murphy = "$$\\mathbf{a}_n = \\mathbf{V} \\mathbf{x}_n$$\n\n$$\\mathbf{b}_n = \\mathbf{W} \\mathbf{z}_n$$\n\n"
    after("mlapp: 10^4 letters with a case index in one claim", murphy + "$$\\delta^v_{nj} = " + " + ".join(
        "\\delta^w_{nk} w_{kj} a_{nj} b_{nk} z_{nj}" for _ in range(10_000)) + "$$\n", strict)
    after("mlapp: 1900 claims", murphy + "".join(f"$$\\nabla_{{\\mathbf{{w}}_k}} J_n = \\delta^w_{{nk}} \\mathbf{{z}}_n + {k}$$\n\n"
                                                 for k in range(1900)), strict)
    after("mlapp: 10^5 spaces in a definition", "$$\\mathbf{a}_n =" + " " * 100_000 + "\\mathbf{V} \\mathbf{x}_n$$\n\n" + murphy)
    after("dummy variable: s'(\\gamma) 10^4 times", "$$s(\\gamma) = \\frac{1}{1 + e^{-\\gamma}}$$\n\n$$s'(\\gamma) = "
          + "s(\\gamma) (1 - s(\\gamma)) " * 10_000 + "$$\n")
    after("weight decay: \\Omega defined 1900 times", "".join(
        f"$$\\Omega(\\boldsymbol{{\\theta}}) = \\sum_k \\|\\mathbf{{W}}^{{(k)}}\\|_F^2 + {k}$$\n\n" for k in range(1900))
          + "$$\\Delta = -\\lambda \\nabla \\Omega$$\n")
    after("bars: \\Phi(\\bar{a}) 10^4 times in one claim", "$$\\bar{h} = " + "\\Phi(\\bar{\\mathbf{a}}_{r}) + " * 10_000
          + "0$$\n\n$$\\bar{g} = \\frac{\\partial L}{\\partial \\bar{h}}$$\n", strict)
    after("bars: 1900 claims with \\overline", "".join(f"$$\\overline{{h}}_{k} = \\sigma(\\overline{{a}}_{k})$$\n\n"
                                                        for k in range(1900)))
    after("steps: ^{(t+1)} 10^4 times in one claim", "$$W^{(t+1)} = " + "W^{(t)} - W^{t-1}_{ij} + " * 10_000 + "0$$\n", strict)
    after("steps: 10^5 spaces inside ^{( t + 1 )}", "$$W^{(" + " " * 100_000 + "t+1)} = W^{(t)}$$\n", strict)
    after("own layer letter: g^{(l+1)} 10^4 times after g^{(l)}'s definition",
          "$$\\mathbf{g}^{(l)} = \\frac{\\partial J}{\\partial \\mathbf{a}^{(l)}}$$\n\n$$\\mathbf{g}^{(l)} = "
          + "\\mathbf{g}^{(l+1)} + \\mathbf{g}^{(2)} + " * 10_000 + "0$$\n", strict)
    after("own layer letter: g_{r+1} in 1900 claims", "$$\\bar{\\mathbf{h}}_{r+1} = \\Phi(\\bar{\\mathbf{a}}_{r+1})$$\n\n"
          "$$\\bar{\\mathbf{g}}_r = \\frac{\\partial L}{\\partial \\bar{\\mathbf{h}}_r}$$\n\n" + "".join(
              f"$$\\bar{{\\mathbf{{g}}}}_r = \\bar{{\\mathbf{{g}}}}_{{r+1}} + {k}$$\n\n" for k in range(1900)))
    after("orientation: Vx 10^4 times in a definition of h", "$$h = s(" + "Vx + " * 10_000 + "0)$$\n\n$$\\hat{y} = s(Wh)$$\n")

    forward = ("$$\\mathbf{a}^{(k)}(\\mathbf{x}) = \\mathbf{b}^{(k)} + \\mathbf{W}^{(k)} \\mathbf{h}^{(k-1)}(\\mathbf{x})$$\n\n"
               "$$\\mathbf{h}^{(L+1)}(\\mathbf{x}) = \\mathbf{o}(\\mathbf{a}^{(L+1)}(\\mathbf{x})) = \\mathbf{f}(\\mathbf{x})$$\n\n")
    loss = "-\\log f(\\mathbf{x})_y"
    after("input functions: h^{(k)}(x) 10^4 times in one claim", forward + "$$\\mathbf{a}^{(k)}(\\mathbf{x}) = "
          + " + ".join("\\mathbf{h}^{(k)}(\\mathbf{x})" for _ in range(10_000)) + "$$\n")
    after("input functions: 1900 claims", forward + "".join(
        f"$$\\nabla_{{\\mathbf{{b}}^{{(k)}}}} {loss} = \\nabla_{{\\mathbf{{a}}^{{(k)}}(\\mathbf{{x}})}} {loss} + {k}$$\n\n"
        for k in range(1900)))
    after("input functions: 10^5 spaces before (x)", forward + "$$\\mathbf{h}^{(k)}" + " " * 100_000 + "(\\mathbf{x}) = 0$$\n")
    after("input functions: the loss under 10^4 derivatives", forward + "$$" + " + ".join(
        f"\\frac{{\\partial}}{{\\partial a^{{(k)}}(\\mathbf{{x}})_j}} {loss}" for _ in range(10_000)) + " = 0$$\n")
    after("input functions: [\\ldots, g'(a_j), \\ldots] 10^4 times", forward + "$$\\mathbf{d} = "
          + "\\left[\\ldots, g'(a^{(k)}(\\mathbf{x})_j), \\ldots\\right] \\odot " * 10_000 + "1$$\n")
    after("input functions: (L+1) 10^4 times", forward + "$$\\mathbf{a}^{(L+1)} = " + "\\mathbf{h}^{(L+1)} + " * 10_000 + "0$$\n")
    after("input functions: an unclosed \\frac{\\partial}{\\partial 10^4 times", forward + "$$"
          + "\\frac{\\partial}{\\partial {a " * 10_000 + "$$\n")
    return out


def round_thirty_six_coordinator() -> list[Probe]:
    """Round thirty-six (issue 10's readers, issue 12's bounds): Hertz, Krogh and Palmer's letters (10^4 in one claim,
    1900 claims, 10^5 spaces inside V_j ^\\mu, \\sum_{\\mu i} 10^4 times, g^2(h) 10^4 times beside superscript layers),
    Marsland's δ_o(κ) 10^4 times and Greek unit letters in 1900 claims, Alpaydın's z_h^t 10^4 times and E(W, V | …) with
    10^5 characters, Theodoridis's v_j^r(i) 10^4 times and (\\text{new}) 10^4 times, Nilsson's s_i^{(j)} and
    X^{(j-1)} \\cdot W_i^{(j)} 10^4 times and w_{il} in 1900 claims, arrows ^{(a \\to b)} 10^4 times and a chain of 1900
    arrows that loops, Σ_k w^{(1)}_{jk} x_k (layered_order) 10^4 times in one claim, Haykin's e_j(n) = d_j(n) − y_j(n)
    1900 times, NN_{MLP1}(x) 10^4 times, Grokking's code names (layer_k_delta 10^4 times in one claim, ``-=`` after 10^5
    characters, 1900 updates in place), Zurada's δ_{ok} 10^4 times and a Kronecker δ_{yk} beside 1900 claims, Kröse's
    δ_h^p 10^4 times and ^p 10^5 times, Fausett's z_in_j 10^4 times and (new)/(old) 10^4 times each, ISLR's β_k and
    w_{kj} 10^4 times, a bias-free
    product 10^4 times — each after the thirty-first round's note,
    whose two claims must keep their verdicts."""
    out: list[Probe] = []
    md = _document_probes(out, "r36c: ")
    strict = _STRICT31
    after = _after_note31(md, _LOOSE31)

    hkp = "$$V_j^\\mu = g(h_j^\\mu)$$\n\n$$O_i^\\mu = g(h_i^\\mu)$$\n\n$$h_j^\\mu = \\sum_k w_{jk} \\xi_k^\\mu$$\n\n"
    after("hkp: 10^4 letters with the pattern index in one claim", hkp + "$$\\delta_j^\\mu = " + " + ".join(
        "g'(h_j^\\mu) W_{ij} \\delta_i^\\mu V_j^\\mu \\zeta_i^\\mu O_i^\\mu" for _ in range(10_000)) + "$$\n", strict)
    after("hkp: 1900 claims", hkp + "".join(f"$$\\Delta W_{{ij}} = \\eta \\sum_\\mu \\delta_i^\\mu V_j^\\mu + {k}$$\n\n"
                                             for k in range(1900)), strict)
    after("hkp: 10^5 spaces inside V_j ^\\mu", hkp + "$$V_j" + " " * 100_000 + "^\\mu = g(h_j^\\mu)$$\n")
    after("hkp: \\sum_{\\mu i} 10^4 times", hkp + "$$E[w] = " + "\\sum_{\\mu i} [\\zeta_i^\\mu - O_i^\\mu]^2 + " * 10_000
          + "0$$\n", strict)
    after("hkp: g^2(h) 10^4 times beside superscript layers", "$$V_i^m = g(h_i^m)$$\n\n$$g'(h) = 1 - "
          + "g^2(h) - " * 10_000 + "0$$\n", strict)
    marsland = "$$\\delta_o(\\kappa) = (y_\\kappa - t_\\kappa) y_\\kappa (1 - y_\\kappa)$$\n\n$$h_\\zeta = \\sum_i x_i v_{i\\zeta}$$\n\n"
    after("marsland: \\delta_o(\\kappa) 10^4 times in one claim", marsland + "$$\\delta_h(\\zeta) = " + " + ".join(
        "a_\\zeta w_{\\zeta k} \\delta_o(k) \\delta_h(\\zeta)" for _ in range(10_000)) + "$$\n", strict)
    after("marsland: Greek unit letters in 1900 claims", marsland + "".join(
        f"$$w_{{\\zeta\\kappa}} \\leftarrow w_{{\\zeta\\kappa}} - \\eta \\delta_o(\\kappa) a_\\zeta + {k}$$\n\n" for k in range(1900)))
    after("marsland: 10^5 spaces inside \\delta_o( \\kappa )", marsland + "$$\\delta_o(" + " " * 100_000 + "\\kappa) = 0$$\n")
    alp = "$$z_h^t = \\text{sigmoid}(\\boldsymbol{w}_h^T \\boldsymbol{x}^t)$$\n\n$$y_i^t = \\sum_h v_{ih} z_h^t + v_{i0}$$\n\n"
    after("alpaydin: z_h^t 10^4 times in one claim", alp + "$$\\Delta w_{hj} = \\eta \\sum_t " + " + ".join(
        "(r_i^t - y_i^t) v_{ih} z_h^t x_j^t" for _ in range(10_000)) + "$$\n", strict)
    after("alpaydin: E(W, V | X) with 10^5 characters", alp + "$$E(" + "W, " * 33_000 + "V | X) = 0$$\n")
    theo = "$$v_j^r(i) = \\sum_{k=1}^{k_{r-1}} w_{jk}^r y_k^{r-1}(i) + w_{j0}^r$$\n\n$$y_j^r(i) = f(v_j^r(i))$$\n\n"
    after("theodoridis: v_j^r(i) 10^4 times in one claim", theo + "$$\\delta_j^r(i) = " + " + ".join(
        "v_j^r(i) y_k^{r-1}(i) e_j(i) \\delta_k^r(i)" for _ in range(10_000)) + "$$\n", strict)
    after("theodoridis: (\\text{new}) 10^4 times", theo + "$$w_{jk}^r" + "(\\text{new}) = " * 10_000 + "w(\\text{old})$$\n")
    nil = "$$s_i^{(j)} = \\mathbf{X}^{(j-1)} \\cdot \\mathbf{W}_i^{(j)}$$\n\n$$f_i^{(j)} = \\frac{1}{1 + e^{-s_i^{(j)}}}$$\n\n"
    after("nilsson: X \\cdot W 10^4 times in one claim", nil + "$$s_i^{(j)} = " + " + ".join(
        "\\mathbf{X}^{(j-1)} \\cdot \\mathbf{W}_i^{(j)} (d - f)" for _ in range(10_000)) + "$$\n", strict)
    after("nilsson: w_{il} in 1900 claims", nil + "".join(
        f"$$\\delta_i^{{(j)}} = f_i^{{(j)}} \\sum_l \\delta_l^{{(j+1)}} w_{{il}}^{{(j+1)}} + {k}$$\n\n" for k in range(1900)))
    after("arrows: ^{(a \\to b)} 10^4 times in one claim", "$$\\boldsymbol{z} = \\sigma(" + " + ".join(
        "\\Theta^{(x \\to z)} \\theta^{(z \\to y)}_{j,k}" for _ in range(10_000)) + ")$$\n", strict)
    after("arrows: a chain of 1900 arrows that loops", "".join(
        f"$$W^{{({chr(97 + k % 26)} \\to {chr(97 + (k + 1) % 26)})}} = {k}$$\n\n" for k in range(1900)))
    after("layered order: \\sum_k w^{(1)}_{jk} x_k 10^4 times in one claim", "$$z^{(1)}_j = " + " + ".join(
        "\\sum_k w^{(1)}_{jk} x_k" for _ in range(10_000)) + "$$\n", strict)
    after("haykin: e_j(n) = d_j(n) - y_j(n) 1900 times", "".join(
        f"$$e_j(n) = d_j(n) - y_j(n) + {k}$$\n\n$$\\delta_j(n) = e_j(n) \\varphi_j'(v_j(n))$$\n\n" for k in range(950)))
    after("named network: NN_{MLP1}(x) 10^4 times", "$$\\hat{y} = " + "NN_{MLP1}(\\mathbf{x}) + " * 10_000 + "0$$\n", strict)
    trask = ("$$\\text{layer\\_1} = \\text{relu}(\\text{layer\\_0} \\cdot \\text{weights\\_0\\_1})$$\n\n"
             "$$\\text{layer\\_2\\_delta} = \\text{layer\\_2} - \\text{goal}$$\n\n")
    after("code names: layer_k_delta 10^4 times in one claim", trask + "$$\\text{layer\\_1\\_delta} = " + " + ".join(
        "\\text{layer\\_2\\_delta} \\cdot \\text{weights\\_1\\_2}^T \\odot \\text{relu2deriv}(\\text{layer\\_1})"
        for _ in range(10_000)) + "$$\n", strict)
    after("code names: -= with 10^5 characters before it", trask + "$$" + "a" * 100_000 + " \\mathrel{-}= 1$$\n")
    after("code names: 1900 updates in place", trask + "".join(
        f"$$\\text{{weights\\_1\\_2}} \\mathrel{{-}}= \\alpha \\cdot \\text{{layer\\_1}}^T + {k}$$\n\n" for k in range(1900)))
    zurada = "$$net_k = \\sum_j w_{kj} y_j$$\n\n$$\\delta_{ok} = (d_k - o_k)(1 - o_k) o_k$$\n\n"
    after("zurada: \\delta_{ok} 10^4 times in one claim", zurada + "$$\\delta_{yj} = " + " + ".join(
        "y_j \\delta_{ok} w_{kj} o_k z_i" for _ in range(10_000)) + "$$\n", strict)
    after("zurada: a Kronecker \\delta_{yk} beside 1900 claims", zurada + "".join(
        f"$$\\frac{{\\partial p_y}}{{\\partial z_k}} = p_y(\\delta_{{yk}} - p_k) + {k}$$\n\n" for k in range(1900)))
    kroese = "$$\\delta_o^p = (d_o^p - y_o^p) \\mathcal{F}'(s_o^p)$$\n\n"
    after("kroese: \\delta_h^p 10^4 times in one claim", kroese + "$$\\delta_h^p = " + " + ".join(
        "\\mathcal{F}'(s_h^p) \\delta_o^p w_{ho} \\theta_o" for _ in range(10_000)) + "$$\n", strict)
    after("kroese: ^p 10^5 times", kroese + "$$E^p = " + "y^p " * 100_000 + "$$\n")
    fausett = "$$z\\_in_j = v_{0j} + \\sum_i x_i v_{ij}$$\n\n"
    after("fausett: z\\_in_j 10^4 times in one claim", fausett + "$$\\delta_j = " + " + ".join(
        "\\delta\\_in_j f'(z\\_in_j) z_{in,j} y_{in_k} w_{0k}" for _ in range(10_000)) + "$$\n", strict)
    after("fausett: (new) and (old) 10^4 times each", fausett + "$$w_{jk}" + "(\\text{new}) = (\\text{old}) " * 10_000
          + "$$\n")
    islr = "$$f(X) = \\beta_0 + \\sum_k \\beta_k h_k(X)$$\n\n$$z_{ik} = w_{k0} + \\sum_j w_{kj} x_{ij}$$\n\n"
    after("islr: \\beta_k and w_{kj} 10^4 times in one claim", islr + "$$\\frac{\\partial R_i(\\theta)}{\\partial w_{kj}} = "
          + " + ".join("\\beta_k g'(z_{ik}) x_{ij} f_\\theta(x_i) y_i A_k" for _ in range(10_000)) + "$$\n", strict)
    after("bias-free products: h^{(1)} = relu(x W) 10^4 times", "$$h^{(1)} = \\mathrm{relu}(" + "x \\cdot W^{(1)} "
          * 10_000 + ")$$\n", strict)
    return out


def round_thirty_seven_coordinator() -> list[Probe]:
    """Round thirty-seven (issue 10's readers, issue 12's bounds): layers named by their role (W_{out}, \\delta_{hidden},
    z^{output} 10^4 times in one claim; W_{ih}, W_{ho} in 1900 claims; W_1, W_2 beside W_{out}), the layer first after a
    comma (a_{l,j}, \\omega_{l+1,j,k} 10^4 times in one claim; z_{l,j} = … = … 10^4 times before a \\sum, which
    layer_first_order's bounded windows must not rescan), 10^5 spaces inside W_{ out }, the operator by one weight before
    10^4 factors, W^{(2)T}_{jk} 10^4 times, w^o_{kj} and net^{hid}_j 10^4 times — each after the thirty-first round's
    note, whose two claims must keep their verdicts."""
    out: list[Probe] = []
    md = _document_probes(out, "r37: ")
    strict = _STRICT31
    after = _after_note31(md, _LOOSE31)
    roles = "$$z_{hid} = W_{hid} x + b_{hid}$$\n\n$$h = \\tanh(z_{hid})$$\n\n$$z_{out} = W_{out} h + b_{out}$$\n\n"
    after("roles: W_{out}, \\delta_{hidden}, z^{output} 10^4 times in one claim", roles + "$$\\delta_{hid} = " + " + ".join(
        "W_{out}^T \\delta_{out} \\delta_{hidden} z^{output} y_{gt} y_{out}" for _ in range(10_000)) + "$$\n", strict)
    after("roles: W_{ih}, W_{ho} in 1900 claims", "$$z_o = W_{ho} h + b_o$$\n\n" + "".join(
        f"$$\\frac{{\\partial L}}{{\\partial W_{{ih}}}} = \\delta_h x^T + {k}$$\n\n" for k in range(1900)))
    after("roles: W_1, W_2 beside W_{out} 10^4 times", roles + "$$\\delta = " + "W_1 W_2 W_{out} " * 10_000 + "$$\n")
    after("roles: 10^5 spaces inside W_{ out }", roles + "$$W_{" + " " * 100_000 + "out} = 0$$\n")
    first = "$$z_{l,j} = \\sum_k w_{l,jk} a_{l-1,k} + b_{l,j}$$\n\n$$a_{l,j} = \\sigma(z_{l,j})$$\n\n"
    after("layer first: a_{l,j}, \\omega_{l+1,j,k} 10^4 times in one claim", first + "$$\\delta_{l,j} = " + " + ".join(
        "a_{l-1,k} w_{l+1,kj} \\omega_{l+1,j,k} \\delta_{L,j}" for _ in range(10_000)) + "$$\n", strict)
    after("layer first: z_{l,j} = 10^4 times before a sum", first + "$$" + "z_{l,j} = " * 10_000
          + "\\sum_k w_{l,jk} a_{l-1,k}$$\n", strict)
    after("operator by one weight before 10^4 factors", "$$\\frac{\\partial z^{(2)}_j}{\\partial w^{(2)}_{ji}} = "
          "\\frac{\\partial}{\\partial w^{(2)}_{ji}} " + "h^{(1)}_i w^{(2)}_{ji} " * 10_000 + "$$\n", strict)
    after("entries of a transposed matrix 10^4 times", "$$\\frac{\\partial J}{\\partial h^{(1)}_j} = " + " + ".join(
        "\\sum_k W^{(2)T}_{jk} \\delta^{(2)}_k" for _ in range(10_000)) + "$$\n", strict)
    after("W_{h1}, \\delta_{h2}, \\delta_{ky} 10^4 times", "$$h_1 = \\mathrm{ReLU}(W_{h1} x + b_{h1})$$\n\n$$\\delta_{h1} = "
          + " + ".join("W_{h2}^T \\delta_{h2} \\delta_{ky}" for _ in range(10_000)) + " x$$\n", strict)
    # (a mean's 1/N makes the document a batch: the note's per-example entries may then go unchecked, never wrong)
    after("\\frac{1}{N} \\mathbf{1}^T 10^4 times", "$$\\frac{\\partial L}{\\partial b} = " + " + ".join(
        "\\frac{1}{N} \\mathbf{1}^T (\\hat Y - Y)" for _ in range(10_000)) + "$$\n")
    after("Mitchell's \\delta_k = o_k(1 - o_k)(t_k - o_k) 1900 times", "".join(
        f"$$\\delta_k = o_k (1 - o_k)(t_k - o_k) + {k}$$\n\n$$\\Delta w_{{kh}} = \\eta \\delta_k o_h$$\n\n" for k in range(950)))
    after("w^o_{kj} and net^{hid}_j 10^4 times", "$$net^{hid}_j = \\sum_i w^{hid}_{ji} x_i$$\n\n$$\\delta^h_j = " + " + ".join(
        "w^o_{kj} \\delta^o_k net^{hid}_j" for _ in range(10_000)) + "$$\n", strict)
    return out


def round_thirty_eight_coordinator() -> list[Probe]:
    """Round thirty-eight (issue 10's list reader, issue 12's bounds): vectors typed as lists — 10^4 lists in one
    claim, a list of 10^4 entries, 40 lists nested, (a, b)^T (c, d) products 10^4 times, lists of 1e308 whose
    arithmetic overflows, semicolon rows of unequal lengths, a worked example of 1900 list claims — each after the
    thirty-first round's note, whose two claims must keep their verdicts."""
    out: list[Probe] = []
    md = _document_probes(out, "r38: ")
    strict = _STRICT31
    after = _after_note31(md, _LOOSE31)
    after("lists: [0.1, 0.2] 10^4 times in one claim", "$$z^{(1)} = " + " + ".join(
        "[0.1, 0.2] \\cdot W^{(1)}" for _ in range(10_000)) + "$$\n", strict)
    after("lists: one list of 10^4 entries", "$$z^{(1)} = [" + ", ".join("0.5" for _ in range(10_000)) + "]$$\n")
    after("lists: 40 lists nested", "$$z^{(1)} = " + "[" * 40 + "0.1, 0.2" + "]" * 40 + "$$\n")
    after("lists: 10^4 nested openers never closed", "$$z^{(1)} = " + "[0.1, " * 10_000 + "$$\n")
    after("lists: (a, b)^T (c, d) 10^4 times", "$$W^{(1)} = " + " + ".join(
        "(0.05, 0.10)^T (0.0134, 0.0150)" for _ in range(10_000)) + "$$\n", strict)
    after("lists: entries of 1e308 whose arithmetic overflows", "$$z^{(1)} = [1e308 \\times 1e308, 2] \\cdot "
          "[1e308, 1e308]^T = [\\infty, 1]$$\n")
    after("lists: semicolon rows of unequal lengths 10^4 times", "$$W^{(1)} = [" + "; ".join(
        "0.1, 0.2" if k % 2 else "0.3" for k in range(10_000)) + "]$$\n")
    after("lists: 1900 unread claims of list arithmetic", "".join(
        f"$$(p, q) = (5, 5) - [1.0, {k}.0] = (4, {5 - k})$$\n\n" for k in range(1900)))
    after("lists: an unread claim of 40 sides of 300-entry lists", "$$G = " + " = ".join(
        "[" + ", ".join("0.5" for _ in range(300)) + "]" for _ in range(40)) + "$$\n")
    after("scientific notation: 10^4 numbers 1e-8 in one claim", "$$\\epsilon = " + " + ".join(
        "1e-8" for _ in range(10_000)) + "$$\n", strict)
    after("scientific notation: 1e400 and 1e-400 in 1900 claims", "".join(
        f"$$\\epsilon_{{{k}}} = 1e400 \\times 1e-400 = {k}$$\n\n" for k in range(1900)))
    after("lists: a worked example of 1900 list claims", "Input $x = [0.05, 0.10]$, target $y = 0.01$.\n\n" + "".join(
        f"$$z^{{(1)}} = W^{{(1)}} x + b^{{(1)}} = [0.3775, 0.{k:04d}]$$\n\n" for k in range(1900)))
    return out


def round_thirty_nine_coordinator() -> list[Probe]:
    """Round thirty-nine (issue 10's formula images, issue 12's bounds): formulas drawn by an image service —
    10^4 CodeCogs images on one line, 2·10^4 unclosed img tags, a Markdown destination of 10^5 opening parentheses,
    10^5 quotes after a src, a formula image in 1900 claims, a render/math image whose formula is 10^4 %2B signs,
    nested img tags in a title, an image of a $ — each after the thirty-first round's note, whose two claims must keep
    their verdicts."""
    out: list[Probe] = []
    md = _document_probes(out, "r39: ")
    strict = _STRICT31
    after = _after_note31(md, _LOOSE31)
    cc = "https://latex.codecogs.com/svg.latex?"
    after("images: 10^4 CodeCogs images on one line", "x " + " ".join(
        f"![]({cc}z^{{(1)}}=W^{{(1)}}x&plus;b^{{(1)}})" for _ in range(10_000)) + "\n", strict)
    after("images: 2·10^4 unclosed img tags", f'<img src="{cc}a ' * 20_000 + "\n")
    after("images: a destination of 10^5 opening parentheses", f"![]({cc}" + "(" * 100_000 + ")\n")
    after("images: 10^5 quotes after a src", f'<img src="{cc}a"' + '"' * 100_000 + "\n")
    after("images: a formula image in 1900 claims", "".join(
        f'<img src="{cc}\\delta^{{(2)}}=\\hat{{y}}-y&plus;{k}">\n\n' for k in range(1900)))
    after("images: a render/math formula of 10^4 %2B signs", '<img src="https://render.githubusercontent.com/render/math?math='
          "\\delta^{(2)}=" + "y%2B" * 10_000 + '0">\n', strict)
    after("images: img tags nested in a title 10^4 times", f'<img src="{cc}a=b" title="' + f'<img src="{cc}c=d" ' * 10_000
          + '">\n')
    after("images: an image of a dollar sign and of a 5000-character formula", f'<img src="{cc}\\$5">\n\n'
          f'<img src="{cc}' + "x" * 5000 + '=1">\n')
    # -- HTML pages (htmltext): the standard library's parser was quadratic on these -------------------------------------
    page = ("<!DOCTYPE html><html><body>\n<p>$$\\delta^{(2)} = \\hat{y} - y$$</p>\n"
            "<p>$$\\frac{\\partial J}{\\partial W^{(2)}} = \\delta^{(2)} (h^{(1)})^T$$</p>\n")
    html_cases = {
        "990 kB of unclosed comments": "<!--" * 247_000,
        "10^5 unclosed tags": "<a " * 330_000,
        "10^5 unclosed divs": "<div>" * 198_000,
        "10^5 stray end tags": "</span>" * 140_000,
        "an unclosed script": "<script>" + "x" * 990_000,
        "a tag of 10^5 attributes": "<p " + "a=b " * 245_000 + ">",
        "10^4 nested math annotations": "<math><annotation encoding='application/x-tex'>" * 20_000,
        "10^5 headings on one line": "<h2>Q</h2><p>$a = b$</p>" * 40_000,
    }
    for label, junk in html_cases.items():
        md(f"html: {label}", page + junk + "\n</body></html>\n", name="h.html")
    # -- squared errors named by their acronym (lossname.named_scales) ---------------------------------------------------
    after("names: \\partial MSE 10^4 times in one claim", "$$\\frac{\\partial MSE}{\\partial W^{(2)}} = " + " + ".join(
        "\\frac{\\partial \\text{MSE}}{\\partial \\hat{y}} \\frac{\\partial SSE}{\\partial W^{(2)}}" for _ in range(10_000))
        + "$$\n", strict)
    after("names: MSE defined 1900 times, each differently", "".join(
        f"$$MSE = \\frac{{{k + 1}}}{{N}}\\sum_{{i=1}}^{{N}}(y_i - \\hat{{y}}_i)^2$$\n\n$$\\frac{{\\partial MSE}}{{\\partial "
        f"W^{{(2)}}}} = {k} \\delta^{{(2)}}$$\n\n" for k in range(950)))
    md("html: 20 MB exported page of styles", page + "<style>" + ".c { color: red; }\n" * 1_100_000 + "</style></body></html>",
       name="h.html")
    return out


def round_forty_coordinator() -> list[Probe]:
    """Round forty (issue 10's readings of definitions, issue 12's bounds): a function letter defined 1900 times as
    alternating standard activations (every definition looks the others up), 10^4 definitions on one line, E notation
    typed 10^4 times in one claim and 1e^{-999}, 1900 states set to zero, 1900 losses of the other family written out,
    a lone 0 beside 10^4 terms — each after the thirty-first round's note, whose two claims must keep their verdicts."""
    out: list[Probe] = []
    md = _document_probes(out, "r40: ")
    strict = _STRICT31
    after = _after_note31(md, _LOOSE31)
    bodies = ("\\max(0, x)", "\\frac{1}{1 + e^{-x}}", "\\tanh(x)", "x", "\\log(1 + e^{x})")
    after("letters: f defined 1900 times as alternating activations", "".join(
        f"$$f(x) = {bodies[k % 5]}$$\n\n" for k in range(1900)))
    after("letters: 10^4 definitions of f on one line", "$$" + ", ".join(
        f"f(x) = {bodies[k % 5]}" for k in range(10_000)) + "$$\n", strict)
    after("letters: a definition whose body is 10^4 nested maxima", "$$f(x) = " + "\\max(0, " * 10_000 + "x"
          + ")" * 10_000 + "$$\n\n$$f(x) = x$$\n")
    after("E notation: 1e^{-8} 10^4 times in one claim", "$$\\epsilon = " + " + ".join(
        "1e^{-8}" for _ in range(10_000)) + "$$\n", strict)
    after("E notation: 1e^{-999} and 1e{999} in 1900 claims", "".join(
        f"$$\\epsilon_{{{k}}} = 1e^{{-999}} \\times 1e{{999}} = {k}$$\n\n" for k in range(1900)))
    after("states: V_{dW} = 0 in 1900 claims", "".join(f"$$V_{{dW}} = 0, \\quad S_{{dW}} = 0, m = 0, v = {k % 2}$$\n\n"
                                                   for k in range(1900)))
    after("losses: 1900 squared errors beside the cross-entropy", "".join(
        f"$$L = \\frac{{{k + 1}}}{{2}}(\\hat y - y)^2$$\n\n" for k in range(1900)))
    after("targets: 1900 wrong losses in p under 'y the output, t the target' (each judged twice)",
          "The outputs are $y_k$, the targets $t_k$: $E = -\\sum_k t_k \\log y_k$.\n\n"
          "$$p_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}$$\n\n" + "".join(
              f"$$L = -\\sum_k y_k \\log (1 - p_k) + {k}$$\n\n" for k in range(1900)))
    after("zeros: a lone 0 beside 10^4 terms", "$$h^{(1)} = " + " + ".join("W^{(1)} x" for _ in range(10_000)) + " = 0$$\n",
          strict)
    return out


def round_forty_one_coordinator() -> list[Probe]:
    """Round forty-one (issue 10's optimizer lines and Goodfellow's letters, issue 12's bounds): 1900 lines of each of
    the five algorithms in one document, one line with 10^4 states on its right, r defined 1900 times alternating
    between AdaGrad's, RMSProp's and Adam's (every step line takes the family of the line above it), a root of 10^4 nested
    braces beside δ, 10^4 initial states on one line — each after the thirty-first round's note."""
    out: list[Probe] = []
    md = _document_probes(out, "r41: ")
    strict = _STRICT31
    after = _after_note31(md, _LOOSE31)
    lines = ("\\bm{s} \\leftarrow \\rho_1 \\bm{s} + (1-\\rho_1) \\bm{g}",
             "\\bm{r} \\leftarrow \\rho_2 \\bm{r} + (1-\\rho_2) \\bm{g} \\odot \\bm{g}",
             "\\hat{\\bm{s}} \\leftarrow \\frac{\\bm{s}}{1-\\rho_1^t}",
             "\\Delta \\bm{\\theta} = - \\epsilon \\frac{\\hat{\\bm{s}}}{\\sqrt{\\hat{\\bm{r}}} + \\delta}",
             "\\bm{\\theta} \\leftarrow \\bm{\\theta} + \\Delta \\bm{\\theta}")
    after("lines: Adam's five lines 380 times (1900 lines)", "".join(f"$${lines[k % 5]}$$\n\n" for k in range(1900)))
    after("lines: 10^4 states on the right of one line", "$$m \\leftarrow \\beta_1 m + " + " + ".join(
        "\\hat{v}" for _ in range(10_000)) + " + g$$\n", strict)
    families = ("r \\leftarrow r + g \\odot g", "r \\leftarrow \\rho r + (1 - \\rho) g \\odot g",
                "r \\leftarrow \\rho_2 r + (1 - \\rho_2) g")
    after("lines: r redefined 1900 times across three algorithms, each with its step", "".join(
        f"$${families[k % 3]}$$\n\n$$\\Delta \\theta = -\\frac{{\\epsilon}}{{\\delta + \\sqrt{{r}}}} \\odot g$$\n\n"
        for k in range(950)))
    after("lines: a root of 10^4 nested braces beside delta", "$$\\Delta \\theta = \\sqrt{" + "{" * 10_000 + "r"
          + "}" * 10_000 + "} + \\delta$$\n", strict)
    after("lines: 1900 lines of AdaGrad, RMSprop and Adam, each judged as its own algorithm's", "".join(
        f"$$G_t = G_{{t-1}} + g_t \\odot g_t + {k}$$\n\n$$E[g^2]_t = \\gamma E[g^2]_{{t-1}} + (1 - \\gamma) g_t^2$$\n\n"
        f"$$\\hat{{m}}_t = \\frac{{m_t}}{{1 - \\beta_1^t}}$$\n\n" for k in range(633)))
    after("lines: 10^4 initial states on one line", "$$" + ", ".join(
        ("s" if k % 2 else "r") + " = 0" for k in range(10_000)) + "$$\n\n$$r \\leftarrow r + g \\odot g$$\n", strict)
    return out


def round_forty_two_coordinator() -> list[Probe]:
    """Round forty-two (the registry's Nesterov, AdamW, AdaMax and Adadelta; issue 10's AdaMax and Adadelta lines): their
    specs at the edges of what the spec accepts (a decay a hair below 1, ε of 1e-300, a weight decay of 10^6) through
    derive, codegen and verify; 1900 lines of Zeiler's and Kingma & Ba's algorithms judged as their own under an SGD
    spec; RMS[ with 10^4 nested brackets; a max nested 10^4 deep; 10^4 RMS[·] in one line."""
    out: list[Probe] = []
    md = _document_probes(out, "r42: ")
    strict = _STRICT31
    after = _after_note31(md, _LOOSE31)
    edges = {"adadelta": 'rho = 0.9999999999999999\nepsilon = 1e-300\nlearning_rate = 1e6',
             "adamw": 'weight_decay = 1e6\nlearning_rate = 1e6\nepsilon = 1e-300',
             "adamax": 'beta1 = 0.9999999999999999\nbeta2 = 0.9999999999999999\nepsilon = 1e-300\nepsilon_placement = "outside"',
             "nesterov": 'momentum = 1.0\nlearning_rate = 1e6\nvariant = "velocity"'}
    for name, hyper in edges.items():
        text = S2.split("[optimizer]")[0] + f'[optimizer]\nname = "{name}"\n{hyper}\n'
        out.append(Probe(f"r42: {name} at the edges: derive", ("derive", "{d}/s.toml", "--no-pdf"), {"s.toml": text}, (0, 2)))
        out.append(Probe(f"r42: {name} at the edges: codegen", ("codegen", "{d}/s.toml", "--out", "{d}"), {"s.toml": text}, (0, 2)))
        md(f"{name} at the edges: verify its own lines", "$$u_t = \\max(\\beta_2 u_{t-1}, |g_t|)$$\n\n"
           "$$E[\\Delta x^2]_t = \\rho E[\\Delta x^2]_{t-1} + (1-\\rho)\\Delta x_t^2$$\n\n"
           "$$\\theta_t = \\theta_{t-1} - \\alpha (g_t + \\mu v_t)$$\n", spec_text=text)
    zeiler = ("E[g^2]_t = \\rho E[g^2]_{{t-1}} + (1-\\rho) g_t^2 + {k}",
              "\\Delta x_t = -\\frac{{\\text{{RMS}}[\\Delta x]_{{t-1}}}}{{\\text{{RMS}}[g]_t}} g_t",
              "E[\\Delta x^2]_t = \\rho E[\\Delta x^2]_{{t-1}} + (1-\\rho)\\Delta x_t^2",
              "u_t \\leftarrow \\max(\\beta_2 \\cdot u_{{t-1}}, |g_t|)",
              "\\theta_t \\leftarrow \\theta_{{t-1}} - (\\alpha / (1 - \\beta_1^t)) \\cdot m_t / u_t")
    after("lines: 1900 lines of Adadelta and AdaMax, each judged as its own algorithm's", "".join(
        f"$${zeiler[k % 5].format(k=k)}$$\n\n" for k in range(1900)))
    after("lines: RMS[ with 10^4 nested brackets", "$$\\Delta \\theta_t = -\\frac{RMS" + "[" * 10_000 + "g"
          + "]" * 10_000 + "_t}{RMS[g]_t} g_t$$\n", strict)
    after("lines: a max nested 10^4 deep", "$$u_t = " + "\\max(\\beta_2 u_{t-1}, " * 10_000 + "|g_t|"
          + ")" * 10_000 + "$$\n", strict)
    nag = ("v_t = \\gamma v_{{t-1}} + \\eta \\nabla_\\theta J( \\theta - \\gamma v_{{t-1}} ) + {k}",
           "v_t = \\gamma v_{{t-1}} + \\eta \\nabla_\\theta J( \\theta )", "\\theta = \\theta - v_t")
    for name in ("momentum", "nesterov"):  # (a judge of momentum asking Nesterov's, which asked momentum's: round 42)
        md(f"1900 velocity lines of momentum and Nesterov under a {name} spec", "".join(
            f"$${nag[k % 3].format(k=k)}$$\n\n" for k in range(1900)),
           spec_text=S2.split("[optimizer]")[0] + f'[optimizer]\nname = "{name}"\n')
    after("lines: 10^4 RMS[g]_t in one line", "$$\\Delta \\theta_t = -" + " - ".join(
        "\\frac{RMS[\\Delta \\theta]_{t-1}}{RMS[g]_t} g_t" for _ in range(10_000)) + "$$\n", strict)
    return out


def round_forty_three() -> list[Probe]:
    """Round forty-three (AMSGrad in the registry; walk-throughs under every optimizer; values put into formulas; a link
    that holds only by repeated values): AMSGrad at the edges; 1900 put-in chains, the first of them of 10^4 terms;
    put-in values of 1e308 (an example that overflows); 1900 AMSGrad lines in Reddi's letters under an Adam spec; a
    walk-through of 1900 AdaMax values with max nested 10^4 deep; an example whose 400 weights all repeat one number."""
    out: list[Probe] = []
    md = _document_probes(out, "r43: ")
    strict = _STRICT31
    after = _after_note31(md, _LOOSE31)
    for variant in ("corrected", "uncorrected"):
        text = S2.split("[optimizer]")[0] + (f'[optimizer]\nname = "amsgrad"\nbeta1 = 0.9999999999999999\n'
                                             f'beta2 = 0.9999999999999999\nepsilon = 1e-300\nvariant = "{variant}"\n')
        out.append(Probe(f"r43: amsgrad {variant} at the edges: derive", ("derive", "{d}/s.toml", "--no-pdf"),
                         {"s.toml": text}, (0, 2)))
        out.append(Probe(f"r43: amsgrad {variant} at the edges: codegen", ("codegen", "{d}/s.toml", "--out", "{d}"),
                         {"s.toml": text}, (0, 2)))
        md(f"amsgrad {variant} at the edges: Reddi's lines", "$$\\hat{v}_{t} = \\max\\left(\\hat{v}_{t-1}, v_{t}\\right)$$\n\n"
           "$$\\theta_{t+1} = \\theta_{t} - \\frac{\\eta}{\\sqrt{\\hat{v}_{t}} + \\epsilon}m_{t}$$\n", spec_text=text)
    chain = S2.split("[[layers]]")[0] + ("[[layers]]\nunits = 1\nactivation = \"relu\"\nbias = false\n\n[[layers]]\nunits = 1\n"
                                         "activation = \"sigmoid\"\nbias = false\n\n[loss]\nname = \"binary_cross_entropy\"\n")
    chain = chain.replace("inputs = 2", "inputs = 1")
    md("1900 put-in chains, the first of 10^4 terms", "$$z_1 = x \\cdot w_1 = 2 \\cdot 0.3 = 0.6$$\n\n" + "".join(
        f"$$z_2 = a_1 \\cdot w_2 = 0.6 \\cdot 0.{k % 9 + 1} = {0.6 * (k % 9 + 1) / 10:.2f}$$\n\n" for k in range(1900))
       + "$$a_1 = " + " + ".join("x \\cdot w_1" for _ in range(10_000)) + " = "
       + " + ".join("2 \\cdot 0.3" for _ in range(10_000)) + "$$\n", spec_text=chain)
    md("put-in values of 1e308", "$$z_1 = x \\cdot w_1 = 1e308 \\cdot 1e308 = 1e308$$\n\n"
       "$$z_2 = a_1 \\cdot w_2 = 1e308 \\cdot 2 = 2e308$$\n\n"
       "Since $y = 1$:\n\n$$\\frac{dL}{dz_2} = a_2 - y = 0.5 - 1 = -0.5$$\n", spec_text=chain)
    md("put-in values that repeat, a slip of letters among 400 claims", "$$z_1 = x \\cdot w_1 = 1 \\cdot 0.5 = 0.5$$\n\n"
       "$$z_2 = a_1 \\cdot w_2 = 0.5 \\cdot 0.5 = 0.25$$\n\nSince $y = 0$:\n\n" + "".join(
           "$$\\frac{dL}{da_1} = \\frac{dL}{dz_2} \\cdot w_1$$\n\n" for _ in range(400)), spec_text=chain,
       verdicts={})
    adam = S2.split("[optimizer]")[0] + '[optimizer]\nname = "adam"\n'
    reddi = ("m_{{t}} = \\beta_{{1}}m_{{t-1}} + \\left(1-\\beta_{{1}}\\right)g_{{t}} + {k}",
             "\\hat{{v}}_{{t}} = \\max\\left(\\hat{{v}}_{{t-1}}, v_{{t}}\\right)",
             "\\theta_{{t+1}} = \\theta_{{t}} - \\frac{{\\eta}}{{\\sqrt{{\\hat{{v}}_{{t}}}} + \\epsilon}}m_{{t}}")
    md("1900 AMSGrad lines in Reddi's letters under an Adam spec", "".join(
        f"$${reddi[k % 3].format(k=k)}$$\n\n" for k in range(1900)), spec_text=adam)
    after("lines: an AMSGrad max nested 10^4 deep", "$$\\hat{v}_t = " + "\\max(\\hat{v}_{t-1}, " * 10_000 + "v_t"
          + ")" * 10_000 + "$$\n", strict)
    walk = S2.split("[[layers]]")[0].replace("inputs = 2", "inputs = 1") + (
        "[[layers]]\nunits = 1\nactivation = \"identity\"\nbias = false\n\n[loss]\nname = \"sum_squared_error\"\n\n"
        "[optimizer]\nname = \"adamax\"\nlearning_rate = 0.05\nepsilon_placement = \"outside\"\n")
    md("a walk-through of 1900 AdaMax values", "$$x = 1$$\n\n$$y = 3$$\n\n$$w = 0.5$$\n\n" + "".join(
        f"$$u = \\max(0.999 \\times {k % 7}, |{k % 5 - 2}|) = {max(0.999 * (k % 7), abs(k % 5 - 2)):.4f}$$\n\n"
        for k in range(1900)), spec_text=walk)
    return out


def round_forty_four() -> list[Probe]:
    """Round forty-four (units numbered across the network; plain-text names read unit by unit): 1900 sums in names the
    reading takes (past its bound of 400 definitions); one claim of 10^4 Unicode subscripts; 1900 δ's numbered past the
    units; one name as the bias of two layers beside a target named in two outputs' differences and values of 1e308;
    plain derivatives dE/dy1 … 10^4 times in one claim and d's with 10^5 spaces to backtrack on; differences nested
    10^4 deep beside a numbered δ; Mazur typed in plain text — 1900 lines, 10^4 E_o1 terms, w5+ chained."""
    out: list[Probe] = []
    md = _document_probes(out, "r44: ")
    lab = S2.replace("units = 3", "units = 2")
    sums = "".join(f"H{k % 99 + 1}_net = x1*w{k % 97 + 1} + x2*w{k % 89 + 1} + b1 = 0.{k % 9}\n\n" for k in range(1900))
    md("1900 sums in plain-text names", sums + "H1 = sigmoid(H1_net) = 0.5\n", spec_text=lab)
    md("one claim of 10^4 Unicode subscripts", "a₃ = W₁₃·x₁ + W₂₃·x₂ = " + "₁" * 10_000 + "\n\nδ₅ = y₅(1 − y₅)(t − y₅)\n",
       spec_text=lab)
    huddar = S2.split("[[layers]]")[0] + ("[[layers]]\nunits = 2\nactivation = \"sigmoid\"\nbias = false\n\n[[layers]]\n"
                                          "units = 1\nactivation = \"sigmoid\"\nbias = false\n\n[loss]\nname = \"squared_error\"\n")
    forward = ("$$a_3 = W_{13} x_1 + W_{23} x_2$$\n\n$$y_3 = f(a_3)$$\n\n$$a_4 = W_{14} x_1 + W_{24} x_2$$\n\n$$y_4 = f(a_4)$$\n\n"
               "$$a_5 = W_{35} y_3 + W_{45} y_4$$\n\n$$y_5 = f(a_5)$$\n\n")
    md("1900 δ's numbered past the units", forward + "".join(f"$$\\delta_{{{k % 90 + 6}}} = y_5 (1 - y_5)(t - y_5)$$\n\n"
                                                                for k in range(1900)), spec_text=huddar)
    md("differences nested 10^4 deep beside a numbered δ", forward + "$$\\delta_5 = y_5 (1 - y_5)" + "(t - " * 10_000 + "y_5"
       + ")" * 10_000 + "$$\n", spec_text=huddar)
    md("plain derivatives 10^4 times in one claim, d's with spaces", "H1_net = x1*w1 + x2*w2 + b1\n\nH2_net = x1*w3 + x2*w4 + b1\n\n"
       "H1 = sigmoid(H1_net)\n\nH2 = sigmoid(H2_net)\n\ny1_net = H1*w5 + H2*w6 + b2\n\ny2_net = H1*w7 + H2*w8 + b2\n\n"
       "y1 = sigmoid(y1_net)\n\ny2 = sigmoid(y2_net)\n\ndE/dH1 = " + " + ".join("dE/dy1 * dy1/dy1_net" for _ in range(10_000))
       + "\n\n" + "d" + " " * 100_000 + "/ d" + " " * 100_000 + "x\n", spec_text=lab)
    md("one bias name in two layers, a target beside two outputs", "H1_net = x1*w1 + x2*w2 + b1\n\nH2_net = x1*w3 + x2*w4 + b2\n\n"
       "H1 = sigmoid(H1_net)\n\nH2 = sigmoid(H2_net)\n\ny1_net = H1*w5 + H2*w6 + b2\n\ny2_net = H1*w7 + H2*w8 + b2\n\n"
       "y1 = sigmoid(y1_net)\n\ny2 = sigmoid(y2_net)\n\nE1 = 0.5*(T1 - y1)^2\n\nE2 = 0.5*(T1 - y2)^2\n\nb1 = 1e308, b2 = -1e308\n",
       spec_text=lab)
    md("Mazur in plain text: 1900 lines, a claim of 10^4 E_o1 terms, w5+ chained", "".join(
        f"net_h{k % 2 + 1} = w{k % 8 + 1}*i1 + w{(k + 1) % 8 + 1}*i2 + b1*1 = 0.{k % 9}\n\nw{k % 8 + 1}+ = w{k % 8 + 1}+ = "
        f"w{k % 8 + 1} - eta*dE_total/dw{k % 8 + 1}\n\n" for k in range(950)) + "E_total = " + " + ".join(
        f"E_o{k % 2 + 1}" for k in range(10_000)) + "\n\ndE_total/dout_o1 = " + "dE_o1/dnet_o1 * " * 5000 + "1\n", spec_text=lab)
    return out


def round_forty_five() -> list[Probe]:
    """Round forty-five (Bernacki & Włodarczyk's tutorial notation; a step judged by its change): 1900 units f_n(…) with
    input weights w_{(xm)n}; one claim of 10^4 slopes \\frac{df_4(e)}{de}; primes before subscripts 10^4 times; an adder
    e = x_1w_1 + x_2w_2 beside 1900 claims of f(e); a bare target beside a difference 10^4 terms long; steps of 1e308
    and of a weight 0 judged by their change."""
    out: list[Probe] = []
    md = _document_probes(out, "r45: ")
    agh = S2.split("[[layers]]")[0] + ("[[layers]]\nunits = 3\nactivation = \"sigmoid\"\nbias = false\n\n[[layers]]\nunits = 2\n"
                                       "activation = \"sigmoid\"\nbias = false\n\n[[layers]]\nunits = 1\nactivation = \"sigmoid\"\n"
                                       "bias = false\n\n[loss]\nname = \"squared_error\"\n")
    forward = ("".join(f"$$y_{n} = f_{n}\\left(w_{{(x1){n}}}x_1 + w_{{(x2){n}}}x_2\\right)$$\n\n" for n in (1, 2, 3))
               + "".join(f"$$y_{n} = f_{n}(w_{{1{n}}}y_1 + w_{{2{n}}}y_2 + w_{{3{n}}}y_3)$$\n\n" for n in (4, 5))
               + "$$y = f_6(w_{46}y_4 + w_{56}y_5)$$\n\n$$\\delta = z - y$$\n\n$$\\delta_4 = w_{46}\\delta$$\n\n")
    md("1900 units f_n with input weights w_{(xm)n}", "".join(
        f"$$y_{k % 97 + 1} = f_{k % 89 + 1}\\left(w_{{(x{k % 9 + 1}){k % 7 + 1}}}x_1 + w_{{(x2){k % 5 + 1}}}x_2\\right)$$\n\n"
        for k in range(1900)), spec_text=agh)
    md("one claim of 10^4 slopes", forward + "$$w'_{14} = w_{14} + \\eta\\delta_4" + "\\frac{df_4(e)}{de}" * 10_000
       + "y_1$$\n", spec_text=agh)
    md("primes before subscripts 10^4 times", forward + "$$" + " + ".join("w'_{14}" for _ in range(10_000)) + " = 1$$\n",
       spec_text=agh)
    md("an adder e beside 1900 claims of f(e)", "$$e=x_1w_1+x_2w_2, \\qquad y=f(e).$$\n\n" + "".join(
        f"$$y = f(e) + {k}$$\n\n" for k in range(1900)), spec_text=agh)
    md("a bare target beside a difference 10^4 terms long", forward + "$$\\delta = z - " + " - ".join(
        "y" for _ in range(10_000)) + "$$\n", spec_text=agh)
    era = S2.replace("units = 3", "units = 2")
    md("santosh's typed d's: dET/da_o1 10^4 times, d(E1+E2) nested 10^4 deep", "h1=w1*i1+w2*i2\n\na_h1 = sigmoid(h1)\n\n"
       "a_o1 = sigmoid(o1)\n\ndET/da_o1 = " + " + ".join("dE1/da_o1" for _ in range(10_000)) + "\n\nd" + "(" * 10_000
       + "E1+E2" + ")" * 10_000 + "/da_h1 = 0\n", spec_text=era)
    mazur = S2.replace("units = 3", "units = 2")
    md("steps of 1e308 and of a weight 0, judged by their change", "$$W^{(1)} = \\begin{bmatrix} 0 & 1e308 \\\\ 0 & 0 "
       "\\end{bmatrix}$$\n\n$$W^{(1)}_{11}^{+} = 0$$\n\n$$W^{(1)}_{12}^{+} = 1e308$$\n\n"
       "$$W^{(1)}_{12}^{+} = W^{(1)}_{12} - \\eta \\frac{\\partial E}{\\partial W^{(1)}_{12}} = 1e308 - 0.5 \\cdot 1e308$$\n",
       spec_text=mazur)
    return out


def round_forty_six() -> list[Probe]:
    """Round forty-six (a notebook's code cells read as its claims; the output's bare z and a): 5000 formula lines in
    code (past the 2000 claims read); one cell of 10^5 lines changed in place; a line of nested np.dot at the 300
    characters read and one far past them; cells whose source is junk (numbers, nested lists, a dict); 1900 bare-output
    derivatives; a softmax written out 10^4 times in one claim; NumPy's row slices (10^4 in one sum, 1900 claims, chained
    10^4 times) and P_{i, y_i} 10^4 times in one sum."""
    import json as _json

    out: list[Probe] = []
    md = _document_probes(out, "r46: ")
    planar = spec(layer(4, '"tanh"') + layer(1, '"sigmoid"'), loss="binary_cross_entropy")

    def nb(*cells) -> str:
        return _json.dumps({"cells": [{"cell_type": "code", "source": c} for c in cells], "metadata": {}, "nbformat": 4,
                            "nbformat_minor": 5})

    md("5000 formula lines in code cells", nb(*["".join(f"dZ2 = A2 - Y + {k}\n" for k in range(1000))] * 5), name="h.ipynb",
       spec_text=planar)
    md("a cell of 10^5 lines changed in place", nb("dZ1 = np.dot(W2.T, dZ2)\n" + "dZ1[Z1 <= 0] = 0\n" * 100_000),
       name="h.ipynb", spec_text=planar)
    md("nested np.dot at 300 characters and past them", nb("dW1 = " + "np.dot(" * 35 + "X" + ", X)" * 35 + "\n",
                                                            "dW1 = " + "np.dot(" * 5000 + "X" + ", X)" * 5000 + "\n"),
       name="h.ipynb", spec_text=planar)
    md("cells whose source is junk", _json.dumps({"cells": [{"cell_type": "code", "source": [1, [2], {"a": 3}, None]},
                                                            {"cell_type": "code", "source": 7}, 5, None,
                                                            {"cell_type": "code", "source": ["dZ2 = A2 - Y"]}]}),
       name="h.ipynb", spec_text=planar)
    soft = spec(layer(4, '"sigmoid"') + layer(3, '"softmax"'), loss="cross_entropy")
    md("1900 bare-output derivatives", "$$z^{(1)} = W^{(1)} x + b^{(1)}$$\n\n" + "".join(
        f"$$\\frac{{\\partial L}}{{\\partial z_i}} = a_i - y_i + {k}$$\n\n" for k in range(1900)), spec_text=soft)
    md("a softmax written out 10^4 times in one claim", "$$\\frac{\\partial a_i}{\\partial z_j} = " + " + ".join(
        "\\frac{e^{z_i}}{\\sum_k e^{z_k}}" for _ in range(10_000)) + "$$\n", spec_text=soft)
    rows = "Let $X \\in \\mathbb{R}^{N \\times 2}$ hold the examples as rows, $P = \\mathrm{softmax}(Z)$.\n\n"
    md("NumPy's row slices: 10^4 in one sum, 1900 claims, [i,:] chained 10^4 times", rows + "$$\\frac{\\partial L}{"
       "\\partial b_2} = \\sum_{i=1}^N " + " + ".join("G[i,:]" for _ in range(10_000)) + "$$\n\n" + "".join(
           f"$$\\frac{{\\partial L}}{{\\partial b_2}} = \\sum_i (P - Y)[i,:] + {k}$$\n\n" for k in range(1900))
       + "$$x = \\sum_{i=1}^N P" + "[i,:]" * 10_000 + "$$\n", spec_text=soft)
    md("P_{i, y_i} 10^4 times in one sum, labels nested", rows + "$$L = -\\frac{1}{N}\\sum_{i=1}^N " + " + ".join(
        "\\log P_{i, y_i}" for _ in range(10_000)) + "$$\n\n$$L = \\sum_{i=1}^N P_{i, y_{y_{y_i}}}$$\n", spec_text=soft)
    return out


def round_forty_seven() -> list[Probe]:
    """Round forty-seven (a student's own letters): units named in Mazur's words (net_{h1} 10^4 times in one sum, names
    nested in scripts); a bold w_l^T 10^4 times in one claim and in 1900 claims; a dropout network's W_k written 10^4
    times and with numbers past its layers; a tilde-dropout definition 10^4 times; an own logit's sum in 1900 claims
    and in a network of 40 layers (past the 4 layers tried); P_{ij} defined entry by entry with 10^4 terms;
    (G)_{i,:} 10^4 times in one sum."""
    out: list[Probe] = []
    md = _document_probes(out, "r47: ")
    units = spec(layer(2, '"sigmoid"') + layer(1, '"sigmoid"'))
    md("net_{h1} 10^4 times in one sum, nested names", "$net_{h1} = " + " + ".join("w_1 net_{h1}" for _ in range(10_000))
       + "$\n\n$net_{h_{h_{h1}}} = w_1 x_1$\n\n$h_1 = \\sigma(net_{h1})$\n", spec_text=units)
    md("a bold w_2^T 10^4 times in one claim and in 1900 claims", "$$\\hat y = \\sigma(" + " + ".join(
        "\\mathbf{w}_2^T \\mathbf{h}" for _ in range(10_000)) + " + b_2)$$\n\n" + "".join(
        f"$$z_{{{k}}} = \\mathbf{{w}}_2^T \\mathbf{{h}} + b_2 + {k}$$\n\n" for k in range(1900)), spec_text=units)
    drop = spec(layer(5, '"relu"') + '[[layers]]\nkind = "dropout"\np = 0.5\n' + layer(3, '"softmax"'), loss="cross_entropy")
    md("a dropout network's W_2 10^4 times, numbers past its layers", "$$z_2 = " + " + ".join(
        "W_2 \\tilde{h}" for _ in range(10_000)) + "$$\n\n$$W_9 = W_2$$\n\n$$\\tilde{h} = "
       + " + ".join("m \\odot h" for _ in range(10_000)) + "$$\n", spec_text=drop)
    md("a tilde-dropout definition in 1900 claims", "".join(
        f"$$\\tilde{{\\mathbf{{h}}}} = \\frac{{\\mathbf{{m}} \\odot \\mathbf{{h}}}}{{q}} + {k}$$\n\n" for k in range(1900)),
       spec_text=drop)
    logit = spec(layer(4, '"tanh"') + layer(1, '"sigmoid"'), loss="binary_cross_entropy")
    md("an own logit's sum in 1900 claims", "$\\mathbf{a} = \\tanh(\\mathbf{U}\\mathbf{x} + \\mathbf{c})$\n\n" + "".join(
        f"$$s = \\mathbf{{w}}^\\top \\mathbf{{a}} + b + {k}$$\n\n" for k in range(1900))
       + "$$p = \\sigma(s)$$\n", spec_text=logit)
    deep = spec("".join(layer(3, '"tanh"') for _ in range(39)) + layer(1, '"sigmoid"'), loss="binary_cross_entropy")
    md("an own logit's sum in a network of 40 layers", "$s = \\mathbf{w}^\\top \\mathbf{a} + b$\n\n$p = \\sigma(s)$\n\n"
       "$$\\frac{\\partial \\ell}{\\partial s} = p - y$$\n", spec_text=deep)
    soft = spec(layer(4, '"relu"') + layer(3, '"softmax"'), loss="cross_entropy")
    rows = "Let $X \\in \\mathbb{R}^{N \\times 2}$ hold the examples as rows, $S = HW_2 + b_2$.\n\n"
    md("P_{ij} entry by entry with 10^4 terms; (G)_{i,:} 10^4 times in one sum", rows + "$$L = \\frac{1}{N}\\sum_{i=1}^N "
       "-\\log P_{i, y_i}$$\n\n$$P_{ij} = " + " + ".join("\\frac{e^{S_{ij}}}{\\sum_k e^{S_{ik}}}" for _ in range(10_000))
       + "$$\n\n$$\\frac{\\partial L}{\\partial b_2} = \\sum_{i=1}^N " + " + ".join(
           "\\left(\\frac{\\partial L}{\\partial S}\\right)_{i,:}" for _ in range(10_000)) + "$$\n", spec_text=soft)
    return out


def round_forty_eight() -> list[Probe]:
    """Round forty-eight (notations found by writing answers): an indexed definition with a range in 990 claims and
    10^4 terms; 1990 ranges after "for" in one paragraph; a bare velocity with 10^4 gradients; 1990 lone arrows; 10^4
    function letters named in one claim and in 1900 claims; indicators of a prose label 10^4 times; a spaced dot 2000
    times in a line and in 1900 lines of plain text; \\text{word} names in 1900 definitions (each under the document's
    2000 equations)."""
    out: list[Probe] = []
    md = _document_probes(out, "r48: ")
    units = spec(layer(2, '"sigmoid"') + layer(1, '"sigmoid"'))
    md("an indexed definition with a range, 990 claims and 10^4 terms", "".join(
        f"$z_j = w_{{1j}} x_1 + w_{{2j}} x_2 + b_j + {k}$ for $j = 1, \\ldots, 9$\n\n" for k in range(990))
       + "$z_j = " + " + ".join("w_{1j} x_1" for _ in range(10_000)) + "$ for $j = 1, 2$\n", spec_text=units)
    md("1990 ranges after for in one paragraph", "$h_j = z_j$ " + " ".join("for $j = 1, 2$," for _ in range(1990)) + "\n",
       spec_text=units)
    mom = spec(layer(2, '"tanh"') + layer(1, '"sigmoid"'), loss="binary_cross_entropy").replace(
        'name = "sgd"', 'name = "momentum"\nmomentum = 0.9')
    md("a bare velocity with 10^4 gradients", "$$V \\leftarrow \\mu V + " + " + ".join(
        "\\nabla_{W^{(1)}} \\frac{\\partial J}{\\partial W^{(1)}}" for _ in range(10_000)) + "$$\n", spec_text=mom)
    md("1990 lone arrows", " ".join("layer $\\to$" for _ in range(1990)) + "\n\n$h_1 = z_1$\n", spec_text=units)
    tanh = spec(layer(4, '"tanh"') + layer(4, '"tanh"') + layer(3, '"softmax"'), loss="cross_entropy")
    md("function letters named, 10^4 in one claim and in 1900 claims", "$" + " = ".join("g^{[1]}" for _ in range(10_000))
       + " = \\tanh$\n\n" + "".join(f"$f_{{{k % 9}}} = \\mathrm{{ReLU}}$\n\n" for k in range(1900)), spec_text=tanh)
    soft = spec(layer(4, '"sigmoid"') + layer(3, '"softmax"'), loss="cross_entropy")
    md("indicators of a prose label 10^4 times", "With true class $c$: $$\\frac{\\partial L}{\\partial z_j} = " + " + ".join(
        "\\mathbb{1}\\{j = c\\}" for _ in range(10_000)) + "$$\n", spec_text=soft)
    md("a spaced dot 2000 times in a line, 1900 lines", "dW2 = " + " . ".join("dZ2" for _ in range(2000)) + "\n" + "".join(
        f"dW{k} = dZ2 . A1^T . X\n" for k in range(1900)),
       spec_text=soft, name="h.txt")
    md("text-font names in 1900 definitions", "".join(
        f"$\\text{{hidden{chr(97 + k % 26)}}} = \\text{{ReLU}}(X W_1 + b_1) + {k}$\n\n" for k in range(1900)), spec_text=soft)
    return out


def round_forty_nine() -> list[Probe]:
    """Round forty-nine (textbook notations): "gradients are row vectors" 10^4 times with 1900 row claims; 990 displays of
    two own definitions (Prince's f, β, Ω); XW_1 unspaced 10^4 times; Haykin's y_j(n), v_j(n) in 1900 claims; W_{1,t}
    10^4 times; \\left. … \\right|_{…} nested 10^4 deep and 1900 times; Φ and φ 10^4 times with a GELU; a ranged generic
    k in 1900 sentences; \\mathbf{b} = \\mathbf{0} in 1900 worked examples' lines (each under the document's 2000
    equations)."""
    out: list[Probe] = []
    md = _document_probes(out, "r49: ")
    soft = spec(layer(4, '"tanh"') + layer(2, '"softmax"'), loss="cross_entropy")
    md("gradients are rows, said 10^4 times, 1900 row claims", "Gradients are row vectors. " * 10_000 + "\n\n" + "".join(
        f"$\\nabla_{{z^{{(2)}}}} J = (\\hat y - y)^T + {k}$\n\n" for k in range(1900)), spec_text=soft)
    relu = spec(layer(3, '"relu"') + layer(3, '"relu"') + layer(2, '"identity"'), loss="sum_squared_error")
    md("990 displays of two own definitions", "".join(
        f"$$\\mathbf{{f}}_0 = \\boldsymbol\\beta_0 + \\boldsymbol\\Omega_0 \\mathbf{{x}}_i + {k}, \\quad \\mathbf{{h}}_1 = "
        "\\mathbf{a}[\\mathbf{f}_0]$$\n\n" for k in range(990)), spec_text=relu)
    md("XW_1 unspaced 10^4 times", "$$H = \\max(0, " + " + ".join("XW_1" for _ in range(10_000)) + " + b_1)$$\n", spec_text=soft)
    sig = spec(layer(2, '"sigmoid"') + layer(2, '"sigmoid"'))
    md("Haykin's y_j(n), v_j(n) in 1900 claims", "".join(
        f"$y_j(n) = \\varphi(v_j(n)) + {k}$, $y_k(n) = \\varphi(v_k(n))$, $e_k(n) = d_k(n) - y_k(n)$\n\n" for k in range(600)),
       spec_text=sig)
    mom = soft.replace('name = "sgd"', 'name = "momentum"\nmomentum = 0.9')
    md("W_{1,t} 10^4 times", "learning rate $\\gamma$: $$W_{1,t} = " + " - ".join("\\gamma V_{1,t}" for _ in range(10_000))
       + "$$\n", spec_text=mom)
    md("an evaluation bar nested 10^4 deep, 1900 times", "$$" + "\\left." * 10_000 + "\\frac{\\partial J}{\\partial W_2}"
       + "\\right|_{W_2 = W_2^{(t)}}" * 10_000 + "$$\n\n" + "".join(
           f"$$\\left.\\frac{{\\partial J}}{{\\partial W_2}}\\right|_{{W_2 = {k}}} = 0$$\n\n" for k in range(1900)), spec_text=soft)
    gelu = spec(layer(4, '"gelu"') + layer(1, '"sigmoid"'), loss="binary_cross_entropy")
    md("GELU's Φ and φ 10^4 times", "$\\phi(z) = \\frac{1}{\\sqrt{2\\pi}}e^{-z^2/2}$\n\n$$\\mathrm{GELU}'(z) = " + " + ".join(
        "\\Phi(z) + z\\,\\phi(z)" for _ in range(10_000)) + "$$\n", spec_text=gelu)
    deep = spec(layer(4, '"relu"') + layer(4, '"relu"') + layer(3, '"softmax"'), loss="cross_entropy")
    md("a ranged generic k in 1900 sentences", "The network has $r = 3$ layers. " + "".join(
        f"$a^{{[k]}} = \\mathrm{{ReLU}}(z^{{[k]}}) + {k}$ for $k = 1, \\dots, r-1$.\n\n" for k in range(950)), spec_text=deep)
    cases = ("\\delta^{(l)} = \\begin{cases} \\hat y - y & \\text{for the output layer} \\\\ (W^{(l+1)})^T \\delta^{(l+1)} "
             "\\odot \\sigma'(z^{(l)}) & \\text{for a hidden layer} \\end{cases}")
    md("cases by layer in words: 1900 claims, 10^4 '=' before one", "".join(f"$${cases} + {k}$$\n\n" for k in range(1900))
       + "$$" + "a = " * 10_000 + cases + "$$\n", spec_text=deep)
    md("a zero bias in 1900 lines of a worked example", "$\\mathbf{x} = \\begin{bmatrix} 1 \\\\ 0.5 \\end{bmatrix}$\n\n" + "".join(
        f"$\\mathbf{{b}}^{{(2)}} = \\mathbf{{0}}$, $W^{{(1)}}_{{{k % 9}}} = {k}$\n\n" for k in range(950)), spec_text=soft)
    return out


def round_fifty() -> list[Probe]:
    """Round fifty (more textbooks' notations): Rojas's o = x and source-first weights in 1900 claims; Strang's v_k with
    a listed range in 650 sentences (1950 equations); Kubat's reversed layers with 10^4 input-fed sums; "σ is the ReLU"
    10^4 times; Hinton's \\sum_{k \\in \\text{output}} 10^4 times; J̃ = α‖w‖_1 + J 1900 times; η_t = 1 beside 10^4 AdamW
    steps; d2l's h' = m ⊙ h/(1 − p) in 1900 claims (each under the document's 2000 equations)."""
    out: list[Probe] = []
    md = _document_probes(out, "r50: ")
    sig = spec(layer(3, '"sigmoid"') + layer(2, '"sigmoid"'))
    md("Rojas's o = x and o^{(1)}_j in 1900 claims", "Input $o = x$.\n\n" + "".join(
        f"$o^{{(1)}}_j = s\\left(\\sum_i w^{{(1)}}_{{ij}} o_i + b^{{(1)}}_j\\right) + {k}$, $e = o^{{(2)}} - t$\n\n"
        for k in range(950)), spec_text=sig)
    relu = spec(layer(3, '"relu"') + layer(3, '"relu"') + layer(2, '"identity"'))
    md("Strang's v_k with a listed range in 650 sentences", "".join(
        f"$v_k = \\mathrm{{ReLU}}(A_k v_{{k-1}} + b_k) + {k}$ for $k = 1, 2$, $w = A_3 v_2 + b_3$.\n\n"
        for k in range(650)), spec_text=relu)  # (three equations a sentence: 1950 in all)
    md("Kubat's reversed layers, 10^4 input-fed sums", "$h_j = f(" + " + ".join(
        "\\sum_k w^{(2)}_{jk} x_k" for _ in range(10_000)) + ")$\n\n$y_i = f(\\sum_j w^{(1)}_{ij} h_j + b^{(1)}_i)$\n",
       spec_text=sig)
    md("sigma named the ReLU 10^4 times", "where $\\sigma$ is the ReLU " * 10_000 + "\n\n$x^{(1)} = \\sigma(s^{(1)})$\n",
       spec_text=relu)
    md("a sum over the output units 10^4 times", "$$E = \\frac{1}{2}" + " + ".join(
        "\\sum_{k \\in \\text{output}} (t_k - y_k)^2" for _ in range(10_000)) + "$$\n", spec_text=sig)
    l1 = spec(layer(3, '"tanh"') + layer(2, '"identity"')) + '\n[regularization]\nname = "l1"\nlambda = 0.01\n'
    md("J-tilde with a norm of w in 1900 claims", "".join(
        f"$\\tilde{{J}}(w) = \\alpha\\|w\\|_1 + J(w) + {k}$ with $\\alpha = \\lambda$\n\n" for k in range(950)),
       spec_text=l1)
    adamw = spec(layer(4, '"relu"') + layer(2, '"softmax"'), loss="cross_entropy").replace(
        'name = "sgd"', 'name = "adamw"\nweight_decay = 0.01')
    md("eta_t = 1 beside 10^4 AdamW steps", "$\\eta_t = 1$\n\n$$\\theta_t \\leftarrow \\theta_{t-1} - " + " - ".join(
        "\\eta_t\\left(\\alpha \\hat m_t + \\lambda \\theta_{t-1}\\right)" for _ in range(10_000)) + "$$\n", spec_text=adamw)
    drop = ('name = "d"\nconvention = "row"\ninputs = 3\n\n[[layers]]\nunits = 4\nactivation = "relu"\n\n[[layers]]\n'
            'kind = "dropout"\np = 0.2\n\n[[layers]]\nunits = 3\nactivation = "softmax"\n\n[loss]\nname = "cross_entropy"\n')
    md("d2l's h' = m ⊙ h/(1 − p) in 1900 claims", "".join(
        f"$\\mathbf{{h}}' = \\frac{{\\mathbf{{m}} \\odot \\mathbf{{h}}}}{{1 - p}} + {k}$, $\\hat y = \\mathrm{{softmax}}"
        f"(W^{{(2)}} \\mathbf{{h}}' + b^{{(2)}})$\n\n" for k in range(950)), spec_text=drop)
    return out


def round_fifty_one() -> list[Probe]:
    """Round fifty-one (eleven more textbooks): HKP's δ votes in 1900 claims; Alpaydın's instance index 10^4 times in one
    product; MacKay's θ added and w_{jl}^{(1)} x_l in 1900 claims; Efron & Hastie's ℓ and K = 3 in 1900 claims; the later
    Theodoridis's z_{nj}^r 10^4 times; Weinberger's H(\\vec x) 10^4 times; Aggarwal's \\overline{h}_{k-1} 10^4 times;
    \\left( … \\right) nested 10^4 deep and \\dfrac 10^4 times; Duan's L(y_i, \\hat{y_i}) beside C = 1/m Σ L in 1900 claims."""
    out: list[Probe] = []
    md = _document_probes(out, "r51: ")
    sig = spec(layer(3, '"sigmoid"') + layer(2, '"sigmoid"'))
    tanh = spec(layer(3, '"tanh"') + layer(2, '"identity"'))
    md("HKP's δ target first and output first in 1900 claims", "$V_j^\\mu = g(h_j^\\mu)$, $O_i^\\mu = g(h_i^\\mu)$, "
       "$h_j^\\mu = \\sum_k w_{jk} \\xi_k^\\mu$\n\n" + "".join(
           f"$\\delta_i^\\mu = g'(h_i^\\mu) [\\zeta_i^\\mu - O_i^\\mu] + {k}$, $\\delta_i^\\mu = g'(h_i^\\mu) [O_i^\\mu - "
           f"\\zeta_i^\\mu]$\n\n" for k in range(950)), spec_text=sig)
    md("Alpaydin's instance index 10^4 times in one product", "$z_h = \\mathrm{sigmoid}(\\boldsymbol{w}_h^T \\boldsymbol{x})$"
       ", $y_i = \\sum_h v_{ih} z_h + v_{i0}$, $E^t = \\frac{1}{2}\\sum_i (r_i^t - y_i^t)^2$\n\n$\\Delta w_{hj} = \\eta "
       + " ".join("z_h^t" for _ in range(10_000)) + " x_j^t$\n", spec_text=spec(layer(3, '"sigmoid"') + layer(2, '"identity"')))
    md("MacKay's theta added and w_{jl} in 1900 claims", "".join(
        f"$a_j^{{(1)}} = \\sum_l w_{{jl}}^{{(1)}} x_l + \\theta_j^{{(1)}} + {k}$, $\\frac{{\\partial E}}{{\\partial "
        f"\\theta_i^{{(2)}}}} = y_i - t_i$\n\n" for k in range(950)), spec_text=tanh)
    md("Efron & Hastie's ell and K = 3 in 1900 claims", "$a^{(1)} = x$, $K = 3$\n\n" + "".join(
        f"$z^{{(k+1)}}_\\ell = w^{{(k)}}_{{\\ell 0}} + \\sum_j w^{{(k)}}_{{\\ell j}} a^{{(k)}}_j + {k}$, "
        f"$\\delta^{{(K)}}_\\ell = {k}$\n\n" for k in range(950)), spec_text=sig)
    md("Theodoridis's z_{nj}^r 10^4 times", "$$y_{nj}^r = f(" + " + ".join(
        "\\theta_{jk}^r y_{nk}^{r-1} z_{nj}^r" for _ in range(10_000)) + ")$$\n", spec_text=sig)
    md("Weinberger's H(x) 10^4 times", "$H(\\vec{x}) = \\vec{z}_2$\n\n$$\\mathcal{L} = " + " + ".join(
        "\\|H(\\vec{x}) - \\vec{y}\\|^2" for _ in range(10_000)) + "$$\n", spec_text=sig)
    md("Aggarwal's subscript layer 10^4 times", "$\\overline{h}_0 = \\overline{x}$\n\n$$\\overline{a}_k = W_k^T " + " + ".join(
        "\\overline{h}_{k-1}" for _ in range(10_000)) + "$$\n", spec_text=sig)
    md("left( nested 10^4 deep and dfrac 10^4 times", "$$J = " + "\\left(" * 10_000 + "x" + "\\right)" * 10_000
       + "$$\n\n$$J = " + " + ".join("\\dfrac{1}{2}" for _ in range(10_000)) + "$$\n", spec_text=sig)
    md("Duan's L(y_i, yhat_i) beside its mean in 1900 claims", "$C = \\frac{1}{m}\\sum_{i=1}^{m} L(y_i, \\hat{y_i})$\n\n"
       + "".join(f"$L(y_i, \\hat{{y_i}}) = -(y_i \\log \\hat{{y_i}} + (1 - y_i) \\log(1 - \\hat{{y_i}})) + {k}$\n\n"
                 for k in range(950)), spec_text=spec(layer(3, '"sigmoid"') + layer(1, '"sigmoid"'),
                                                      loss="binary_cross_entropy"))
    return out


def round_fifty_two() -> list[Probe]:
    """Round fifty-two (ten more textbooks): Murphy's chain links x_1 … x_9 defined in 1900 claims; φ'(a) = H(…) with H
    nested 10^4 deep; Kriesel's f_{act} and b_h beside the sum in 1900 claims; Saito's capitals Y, T, B 10^4 times; Russell
    & Norvig's in_5, Δ_5 in 1900 claims; z = σ(w^T x + b) beside 1900 claims on z; Rumelhart's o_{pj}, Δ_p w_{ji} in 1900
    claims; δ defined nowhere beside 1900 steps of either sign (the reading's scoring)."""
    out: list[Probe] = []
    md = _document_probes(out, "r52: ")
    sig = spec(layer(3, '"sigmoid"') + layer(2, '"sigmoid"'))
    relu = spec(layer(4, '"relu"') + layer(2, '"identity"'))
    md("Murphy's chain links in 1900 claims", "".join(
        f"$\\mathbf{{x}}_{2 + k % 8} = f_{1 + k % 8}(\\mathbf{{x}}_{1 + k % 8}) = \\mathbf{{W}}_{1 + k % 3} \\mathbf{{x}}_{1 + k % 8}"
        f" + \\mathbf{{b}}_1$, $\\mathbf{{x}}_3 = \\varphi(\\mathbf{{x}}_2) + {k}$\n\n" for k in range(950)), spec_text=relu)
    md("the Heaviside H nested 10^4 deep", "$\\varphi'(a) = " + "H(" * 10_000 + "a" + ")" * 10_000 + "$\n", spec_text=relu)
    md("Kriesel's f_act and b_h in 1900 claims", "".join(
        f"$net_h = \\sum_{{k \\in K}} (o_k w_{{k,h}}) + b_h + {k}$, $\\delta_h = f'_{{act}}(net_h) \\cdot (t_h - y_h)$\n\n"
        for k in range(950)) + "$\\Delta w_{k,h} = \\eta o_k \\delta_h$\n", spec_text=sig)
    md("Saito's capitals 10^4 times", "$\\mathbf{Y} = \\mathrm{softmax}(\\mathbf{A}_2)$\n\n$$\\mathbf{A}_1 = " + " + ".join(
        "\\mathbf{X} \\cdot \\mathbf{W}_1 + \\mathbf{B}_1 - \\mathbf{T}" for _ in range(10_000)) + "$$\n",
       spec_text=spec(layer(3, '"sigmoid"') + layer(3, '"softmax"'), loss="cross_entropy"))
    md("Russell & Norvig's in_5 and Delta_5 in 1900 claims", "".join(
        f"$in_5 = \\sum_i w_{{i,5}} a_i + {k}$, $\\Delta_5 = 2(\\hat{{y}} - y) g'_5(in_5) + {k}$\n\n" for k in range(950)),
       spec_text=spec(layer(2, '"sigmoid"') + layer(1, '"sigmoid"'), loss="sum_squared_error"))
    md("Rumelhart's pattern first in 1900 claims", "$E_p = \\frac{1}{2}\\sum_j (t_{pj} - o_{pj})^2$\n\n" + "".join(
        f"$net_{{pj}} = \\sum_i w_{{ji}} o_{{pi}} + \\theta_j + {k}$, $\\Delta_p w_{{ji}} = \\eta \\delta_{{pj}} o_{{pi}} + {k}$\n\n"
        for k in range(950)), spec_text=sig)
    md("delta defined nowhere in 1900 steps", "$net_h = \\sum_k o_k w_{k,h} + b_h$\n\n" + "".join(
        f"$\\Delta w_{{k,h}} = {'-' if k % 2 else ''}\\eta \\, o_k \\, \\delta_h + {k}$\n\n" for k in range(1900)),
       spec_text=sig)
    md("z an activation beside 1900 claims", "$z = \\sigma(w^T x + b)$\n\n" + "".join(
        f"$\\frac{{\\partial L}}{{\\partial w}} = (z - y) x + {k}$, $L(z, y) = -[y \\log z]$\n\n" for k in range(950)),
       spec_text=spec(layer(1, '"sigmoid"'), loss="binary_cross_entropy"))
    return out


def round_fifty_three() -> list[Probe]:
    """Round fifty-three (students' answers, whole homeworks): 4000 lines in bold (topic scopes) beside 1900 claims; the
    true class's cases 1900 times; a function's own variable letter in 1900 definitions; ESL's observation index in 1900
    claims with sums over i; CS231n's graph rows with their values, 950 of them chained; d/dz of a function of an
    expression in 1900 claims (central differences each); a homework's n = 32, R = TP/(TP + FN) and H(p) 1900 times."""
    out: list[Probe] = []
    md = _document_probes(out, "r53: ")
    sig = spec(layer(4, '"sigmoid"') + layer(3, '"softmax"'), loss="cross_entropy")
    md("4000 lines in bold beside 1900 claims", "".join(
        f"**Problem {k}: linear regression**\n\n$\\nabla_w J(w) = \\frac{{1}}{{m}} X^T (X w - y) + {k}$\n\n**part**\n\n"
        for k in range(1900)), spec_text=sig)
    md("the true class's cases 1900 times", "for the correct\nclass $c$ the loss is $L = -\\log p_c$\n\n" + "".join(
        f"$\\frac{{\\partial L}}{{\\partial z_i}} = \\begin{{cases}} p_i - {k} & i = c \\\\ p_i & i \\neq c \\end{{cases}}$\n\n"
        for k in range(1900)), spec_text=sig)
    md("a function's own variable in 1900 definitions", "".join(
        f"$\\mathrm{{LReLU}}(t) = \\max(0.0{k % 9 + 1} t, t)$, $f'(u) = 1 - f(u)^{2 + k % 3}$\n\n" for k in range(950)),
       spec_text=spec(layer(4, '"leaky_relu"\ngamma = 0.01') + layer(3, '"softmax"'), loss="cross_entropy"))
    md("ESL's observation index in 1900 claims", "$Z_m = \\sigma(\\alpha_{0m} + \\alpha_m^T X)$, $T_k = \\beta_{0k} + "
       "\\beta_k^T Z$, $R_i = \\sum_k (y_{ik} - f_k(x_i))^2$\n\n" + "".join(
           f"$\\frac{{\\partial R_i}}{{\\partial \\beta_{{km}}}} = \\delta_{{ki}} z_{{mi}} + {k}$, $R(\\theta) \\equiv \\sum_{{i=1}}^N R_i"
           f" = \\frac{{1}}{{N}} \\sum_i s_{{mi}} x_{{i\\ell}} + {k}$\n\n" for k in range(950)),
       spec_text=spec(layer(4, '"sigmoid"') + layer(2, '"identity"')))
    md("CS231n graph rows with values, 950 chained", "$f(x, y, z) = (x + y) z$, $x = -2$, $y = 5$, $z = -4$\n\n" + "".join(
        f"$q_{{{k + 1}}} = q_{{{k}}} + x = {3 - 2 * (k + 1)}$\n\n" for k in range(950)) + "$q_0 = x + y = 3$\n\n"
       "$\\frac{\\partial f}{\\partial x} = -4$\n", spec_text=sig)
    md("d/dz of an expression in 1900 claims", "$z = W_1 x + b_1$, $h = \\ln(1 + e^{z})$\n\n" + "".join(
        f"$\\frac{{d}}{{dz}} \\ln(1 + e^{{z}}) = \\sigma(z) + {k}$\n\n" for k in range(1900)),
       spec_text=spec(layer(4, '"softplus"') + layer(2, '"identity"')))
    md("a homework's n, R and H(p) 1900 times", "".join(
        f"$n = {k}$, $R = \\frac{{TP}}{{TP + FN}} = 0.{k}$, $H(p) = -\\sum_i p_i \\log p_i = {k}$, "
        f"$\\frac{{\\partial}}{{\\partial a}} (a b + b^{k % 5 + 2}) = b$\n\n" for k in range(475)), spec_text=sig)
    md("Y_{nk} under a batch objective 10^4 terms", "$L = -\\frac{1}{2} \\sum_{n} \\sum_k Y_{nk} \\log P_{nk}" + " + Y_{nk}" * 10_000
       + "$\n\n$P = \\mathrm{softmax}(Z_2)$\n", spec_text=sig)
    return out


def round_fifty_four() -> list[Probe]:
    """Round fifty-four (answers typed as plain text): 1900 lines of prose around statements (opening words, "and",
    "where" clauses substituted, sentences); 950 where-clauses in LaTeX; 1900 Unicode definitions (folded for the
    readings); Ng's v_dW1 and Nielsen's w^l_jk 1900 times; implications with a chain rule 950 times; one line of 2000
    characters of words and commas; a worked example with flat lists and 1900 steps."""
    out: list[Probe] = []
    txt = _document_probes(out, "r54: ")
    tanh = spec(layer(4, '"tanh"') + layer(3, '"softmax"'), loss="cross_entropy")
    txt("1900 plain lines of prose around statements", "".join(
        f"The hidden layer is h = tanh(W1 x + b1) and the output is yhat = softmax(W2 h + b2); the loss is the "
        f"cross-entropy L = -sum_k y_k log yhat_k. Going back through W2 gives dL/dh = W2^T (yhat - y) + {k}\n"
        for k in range(1900)), spec_text=tanh, name="h.txt")
    txt("1900 plain where-clauses", "".join(
        f"dL/db1 = W2^T (yhat - y) * (1 - h^2) + {k}   where h = tanh(W1 x + b1)\n" for k in range(1900)),
        spec_text=tanh, name="h.txt")
    txt("950 LaTeX where-clauses substituted", "".join(
        f"$\\frac{{\\partial L}}{{\\partial b_1}} = W_2^T (\\hat y - y) \\odot (1 - h^{{{k % 3 + 2}}}) \\quad \\text{{where }} "
        f"h = \\tanh(W_1 x + b_1)$\n\n" for k in range(950)), spec_text=tanh)
    txt("1900 Unicode definitions folded for the readings", "".join(
        f"The output is ŷ = σ(w₂ᵀh + b₂) and h = tanh(W₁x + b₁); ∂L/∂w₂ = (ŷ − y) h + {k}\n" for k in range(1900)),
        spec_text=spec(layer(4, '"tanh"') + layer(1, '"sigmoid"'), loss="binary_cross_entropy"), name="h.md")
    txt("Ng's v_dW1 and Nielsen's w^l_jk 1900 times", "z1 = W1 x + b1\n" + "".join(
        f"v_dW1 = beta * v_dW1 + (1 - beta) * dW{k % 2 + 1}, VdW2 = beta * VdW2 + {k}, dC/dw^l_jk = a^{{l-1}}_k delta^l_j\n"
        for k in range(1900)), spec_text=tanh, name="h.txt")
    txt("950 implications with a chain rule", "h = tanh(W1 x + b1), yhat = softmax(W2 h + b2), L = cross-entropy\n" + "".join(
        f"dL/dz2 = dL/dyhat * dyhat/dz2 => dL/dz2 = yhat - y + {k}\n" for k in range(950)), spec_text=tanh, name="h.txt")
    txt("one line of 2000 characters of words and commas", "loss L = " + "the a, " * 280 + "\n", spec_text=tanh,
        name="h.txt")
    txt("a worked example with flat lists and 1900 steps", "x = [1, 2, -1], w = [0.1, -0.2, 0.3], b = 0.1, y = 1\n" + "".join(
        f"a = sigmoid(w^T x + b) = 0.3775, dL/dw = (a - y) x = [-0.6225, -1.2450, 0.{k % 9}225]\n" for k in range(1900)),
        spec_text=spec(layer(1, '"sigmoid"'), loss="binary_cross_entropy"), name="h.txt")
    return out


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
    if not results:
        print("no probe's name contains any of the words given; run without words for every probe")
        return 2
    bad = sum(bool(r["problems"]) for r in results)
    print(f"\n{len(results)} probes, {bad} defects; slowest {max(r['seconds'] for r in results):.1f} s, "
          f"largest {max(r['rss_mb'] for r in results):.0f} MB")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main([a for a in sys.argv[1:] if a not in ("-v", "--markdown")]))
