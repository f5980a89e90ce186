"""The hostile and malformed inputs of the hardening suite, as data (docs/RELIABILITY.md counts these tables).

A ``Case`` is a command line run in a fresh directory holding ``files``; ``{d}`` in argv is that directory.
Every case must end with exit code ``code`` and exactly one message on stderr containing ``says`` (no
traceback, no "internal error"), within ``MAX_SECONDS``. ``ClaimCase``s are claims inside an answers file:
each must get the verdict ``verdict`` (the report still comes out, exit 0 or 1).
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_SECONDS = 30.0

SPEC = """name = "tiny"
inputs = 2
[[layers]]
units = 3
activation = "tanh"
[[layers]]
units = 2
activation = "softmax"
[loss]
name = "cross_entropy"
[optimizer]
name = "sgd"
learning_rate = 0.1
"""


@dataclass(frozen=True)
class Case:
    category: str
    id: str
    argv: tuple[str, ...]
    files: dict = field(default_factory=dict)  # name -> str | bytes | None (None: a directory)
    code: int = 2
    says: str = ""


def spec(**edits) -> str:
    """SPEC with top-level ``key = value`` lines replaced (value None deletes the key)."""
    lines = SPEC.splitlines()
    out, done = [], set()
    for line in lines:
        key = line.split("=")[0].strip() if "=" in line and not line.startswith("[") else None
        if key in edits and key not in done and not out_of_top(out):
            done.add(key)
            if edits[key] is not None:
                out.append(f"{key} = {edits[key]}")
            continue
        out.append(line)
    for key, value in edits.items():
        if key not in done and value is not None:
            out.insert(0, f"{key} = {value}")
    return "\n".join(out) + "\n"


def out_of_top(lines) -> bool:
    return any(line.startswith("[") for line in lines)


def layer_spec(first: str, second: str = 'units = 2\nactivation = "softmax"', extra: str = "") -> str:
    """A two-layer spec whose first [[layers]] table body is ``first``."""
    return (
        f'name = "tiny"\ninputs = 2\n{extra}[[layers]]\n{first}\n[[layers]]\n{second}\n'
        '[loss]\nname = "cross_entropy"\n[optimizer]\nname = "sgd"\n'
    )


def formula_spec(formula: str, extra: str = "") -> str:
    return layer_spec(f"units = 3\nactivation = {{ name = \"mine\", formula = '{formula}'{extra} }}")


def derive(text, *more, category: str, id: str, says: str, code: int = 2) -> Case:
    files = {"s.toml": text} if text is not None else {}
    return Case(category, id, ("derive", "{d}/s.toml", "--no-pdf", *more), files, code, says)


def answers(body: str, spec_text: str = SPEC) -> dict:
    return {"s.toml": spec_text, "a.toml": 'spec = "s.toml"\n' + body}


def verify(files, *, category: str, id: str, says: str, code: int = 2, path: str = "{d}/a.toml") -> Case:
    return Case(category, id, ("verify", path), files, code, says)


CLAIM = "[[claims]]\nid = \"1\"\nlatex = '\\delta^{(2)} = \\hat{y} - y'\n"
VALUES_OK = {
    "x": "[1, 2]",
    "y": "[0, 1]",
    "W1": "[[1, 2], [3, 4], [5, 6]]",
    "b1": "[0, 0, 0]",
    "W2": "[[1, 2, 3], [4, 5, 6]]",
    "b2": "[0, 0]",
}


def values(**edits) -> str:
    table = {**VALUES_OK, **edits}
    return "[values]\n" + "".join(f"{k} = {v}\n" for k, v in table.items() if v is not None) + CLAIM


FILES = "files: missing, unreadable, not TOML, not UTF-8"
KEYS = "spec: missing or wrong-typed keys"
SIZES = "spec: zero, negative, huge sizes"
NAMES = "spec: unknown names (with a suggestion)"
CONSISTENCY = "spec: inconsistent conventions and options"
OVERFLOW = "numbers that overflow"
FORMULA_CODE = "code or dunder access in formulas"
FORMULA_BIG = "deeply nested or enormous formulas"
SLOW = "formulas that make SymPy work forever"
ANSWERS = "answers files: malformed tables and [values] shapes"
OUTPUTS = "outputs: bad --out and usage"
UNUSUAL = "valid but unusual specs"

CASES: list[Case] = [
    # -- files --------------------------------------------------------------------------------------------
    derive(None, category=FILES, id="missing spec", says="no such spec file"),
    Case(FILES, "directory as spec", ("derive", "{d}/dir.toml", "--no-pdf"), {"dir.toml": None}, 2, "this is a folder, not a spec file"),
    derive("name = [unclosed", category=FILES, id="broken TOML", says="not valid TOML"),
    derive(b'name = "\xff\xfe"\n', category=FILES, id="not UTF-8", says="not a text file"),
    derive(b"\x00\x01\x02binary", category=FILES, id="binary file", says="not valid TOML"),
    derive("x" * 1_000_001, category=FILES, id="spec over 1 MB", says="larger than"),
    Case(FILES, "codegen missing spec", ("codegen", "{d}/nope.toml", "--out", "{d}/out"), {}, 2, "no such spec file"),
    Case(FILES, "codegen directory as spec", ("codegen", "{d}/dir.toml", "--out", "{d}/out"), {"dir.toml": None}, 2,
         "this is a folder, not a spec file"),
    verify({}, category=FILES, id="missing answers", says="no such answers file"),
    # a folder is a batch of submissions (DESIGN.md); an empty one says so
    verify({"a.toml": None}, category=FILES, id="directory as answers", says="no submissions found"),
    verify({"a.toml": "claims = [[["}, category=FILES, id="broken answers TOML", says="not valid TOML"),
    verify({"a.toml": b"\xc3\x28 = 1"}, category=FILES, id="answers not UTF-8", says="not a text file"),
    verify(answers(CLAIM) | {"s.toml": "inputs = ["}, category=FILES, id="answers' spec broken", says="not a valid spec file"),
    verify({"a.toml": 'spec = "nope.toml"\n' + CLAIM}, category=FILES, id="answers' spec missing", says="no such spec file"),
    Case(
        FILES, "verify --notation missing", ("verify", "{d}/a.toml", "--notation", "{d}/n.toml"), answers(CLAIM), 2, "no such notation file"
    ),
    Case(FILES, "document without --spec", ("verify", "{d}/hw.md"), {"hw.md": "$$\\delta = 1$$"}, 2, "needs the network"),
    Case(
        FILES,
        "document not UTF-8",
        ("verify", "{d}/hw.md", "--spec", "{d}/s.toml"),
        {"hw.md": b"$$\\delta \xff = 1$$", "s.toml": SPEC},
        2,
        "not a text file",
    ),
    Case(
        FILES,
        "directory as document",
        ("verify", "{d}/hw.md", "--spec", "{d}/s.toml"),
        {"hw.md": None, "s.toml": SPEC},
        2,
        "no submissions found",
    ),
    Case(
        FILES,
        "document over 1 MB",
        ("verify", "{d}/hw.md", "--spec", "{d}/s.toml"),
        {"hw.md": "$$x$$\n" * 200_000, "s.toml": SPEC},
        2,
        "larger than",
    ),
    Case(
        FILES,
        "--spec is a directory",
        ("verify", "{d}/hw.md", "--spec", "{d}/dir"),
        {"hw.md": "$$x$$", "dir": None},
        2,
        "this is a folder, not a spec file",
    ),
    Case(
        FILES,
        "--notation not UTF-8",
        ("verify", "{d}/a.toml", "--notation", "{d}/n.toml"),
        answers(CLAIM) | {"n.toml": b"\xff = 1"},
        2,
        "not a text file",
    ),
    # -- keys -----------------------------------------------------------------------------------------------
    derive(spec(name=None), category=KEYS, id="no name", says="missing key 'name', e.g. name = \"my_mlp\""),
    derive(spec(name="42"), category=KEYS, id="name is a number", says="must be a Python identifier"),
    derive(spec(name='"class"'), category=KEYS, id="name is a keyword", says="must be a Python identifier"),
    derive(spec(name='"../../etc/x"'), category=KEYS, id="name is a path", says="must be a Python identifier"),
    derive(spec(inputs=None), category=KEYS, id="no inputs", says="missing key 'inputs'"),
    derive(spec(inputs='"four"'), category=KEYS, id="inputs is a string", says="expected a whole number"),
    derive(spec(inputs="2.5"), category=KEYS, id="inputs is a float", says="expected a whole number"),
    derive(spec(inputs="true"), category=KEYS, id="inputs is a bool", says="expected a whole number"),
    derive(
        "layers = 3\n" + SPEC.split("[[layers]]")[0] + '[loss]\nname = "cross_entropy"\n[optimizer]\nname = "sgd"\n',
        category=KEYS,
        id="layers is a number",
        says="no layers",
    ),
    derive(
        SPEC.split("[[layers]]")[0] + '[loss]\nname = "cross_entropy"\n[optimizer]\nname = "sgd"\n',
        category=KEYS,
        id="no layers",
        says="no layers",
    ),
    derive(layer_spec('activation = "tanh"'), category=KEYS, id="layer without units", says="missing key 'units'"),
    derive(layer_spec("units = 3"), category=KEYS, id="layer without activation", says="missing key 'activation'"),
    derive(layer_spec("units = 3\nactivation = 7"), category=KEYS, id="activation is a number", says="must be a name or a table"),
    derive(
        layer_spec("units = 3\nactivation = { formula = 'x' }"), category=KEYS, id="formula without name", says="must be a short identifier"
    ),
    derive(formula_spec("x", ", k = 'big'"), category=KEYS, id="parameter is a string", says="expected a number"),
    derive(SPEC.replace('[loss]\nname = "cross_entropy"\n', ""), category=KEYS, id="no loss", says="missing [loss]"),
    derive(
        'loss = "cross_entropy"\n' + SPEC.replace('[loss]\nname = "cross_entropy"\n', ""),
        category=KEYS,
        id="loss is a string",
        says="expected a table [loss]",
    ),
    derive(
        SPEC.replace('[optimizer]\nname = "sgd"\n', "[optimizer]\n"),
        category=KEYS,
        id="optimizer without name",
        says="unknown optimizer None",
    ),
    derive(SPEC + '[training]\nepochs = "ten"\n', category=KEYS, id="epochs is a string", says="expected a whole number"),
    derive(
        SPEC + '[regularization]\nname = "l2"\npenalize_bias = "yes"\n',
        category=KEYS,
        id="penalize_bias not a bool",
        says="expected true or false",
    ),
    derive(spec(title="[1, 2]"), category=KEYS, id="title is a list", says="expected a short string"),
    derive(spec(colour='"red"'), category=KEYS, id="unknown top-level key", says="unknown key 'colour'"),
    derive('"line\\nbreak\\u0085" = 1\n' + SPEC, category=KEYS, id="key with a newline and NEL", says="unknown key 'line\\nbreak\\x85'"),
    # -- sizes ----------------------------------------------------------------------------------------------
    derive(spec(inputs="0"), category=SIZES, id="inputs = 0", says="out of range"),
    derive(spec(inputs="-3"), category=SIZES, id="inputs < 0", says="out of range"),
    derive(spec(inputs=str(10**9)), category=SIZES, id="inputs = 10**9", says="out of range"),
    derive(spec(inputs=str(2**63 - 1)), category=SIZES, id="inputs = 2**63 - 1", says="out of range"),
    derive(layer_spec('units = 0\nactivation = "tanh"'), category=SIZES, id="units = 0", says="out of range"),
    derive(layer_spec('units = -1\nactivation = "tanh"'), category=SIZES, id="units < 0", says="out of range"),
    derive(layer_spec('units = 1000000000\nactivation = "tanh"'), category=SIZES, id="units = 10**9", says="out of range"),
    derive(
        layer_spec('units = 3\nactivation = "tanh"', 'units = 1\nactivation = "softmax"'),
        category=SIZES,
        id="softmax of 1 unit",
        says="at least 2 units",
    ),
    derive(
        layer_spec('units = 3\nactivation = "tanh"\n' + '[[layers]]\nunits = 3\nactivation = "tanh"\n' * 500),
        category=SIZES,
        id="502 layers",
        says="the limit is 500",
    ),
    derive(SPEC + "[training]\nbatch_size = 0\n", category=SIZES, id="batch_size = 0", says="out of range"),
    derive(SPEC + "[training]\nepochs = 99999999999\n", category=SIZES, id="epochs = 10**11", says="out of range"),
    Case(
        SIZES,
        "codegen units = 10**9",
        ("codegen", "{d}/s.toml", "--out", "{d}/out"),
        {"s.toml": layer_spec('units = 1000000000\nactivation = "tanh"')},
        2,
        "out of range",
    ),
    # -- names ----------------------------------------------------------------------------------------------
    derive(layer_spec('units = 3\nactivation = "tahn"'), category=NAMES, id="activation typo", says="did you mean 'tanh'"),
    derive(layer_spec('units = 3\nactivation = "sigmoid_"'), category=NAMES, id="activation suffix", says="did you mean 'sigmoid'"),
    derive(SPEC.replace('"cross_entropy"', '"cross_entrpy"'), category=NAMES, id="loss typo", says="did you mean 'cross_entropy'"),
    derive(SPEC.replace('name = "sgd"', 'name = "adma"'), category=NAMES, id="optimizer typo", says="did you mean 'adam'"),
    derive(SPEC + '[regularization]\nname = "ll2"\n', category=NAMES, id="regularizer typo", says="did you mean 'l2'"),
    derive(SPEC.replace("learning_rate", "learning_rat"), category=NAMES, id="hyper-parameter typo", says="did you mean 'learning_rate'"),
    derive(spec(convention='"rows"'), category=NAMES, id="convention typo", says="did you mean 'row'"),
    derive(
        layer_spec('units = 3\nactivation = "leaky_relu"\ngama = 0.1'), category=NAMES, id="parameter typo", says="did you mean 'gamma'"
    ),
    derive(formula_spec("x*sigmod(x)"), category=NAMES, id="formula function typo", says="did you mean 'sigmoid'"),
    derive(formula_spec("y*2"), category=NAMES, id="formula variable", says="unknown name 'y'"),
    # -- consistency --------------------------------------------------------------------------------------
    derive(
        layer_spec('units = 3\nactivation = "softmax"', 'units = 2\nactivation = "sigmoid"'),
        category=CONSISTENCY,
        id="softmax in a hidden layer",
        says="only as the output layer",
    ),
    derive(
        SPEC.replace('activation = "softmax"', 'activation = "tanh"'),
        category=CONSISTENCY,
        id="cross-entropy on tanh",
        says="needs probabilities",
    ),
    derive(SPEC.replace('name = "sgd"', 'name = "adam"\nbeta1 = 1.5'), category=CONSISTENCY, id="beta1 > 1", says="out of range"),
    derive(SPEC.replace('name = "sgd"', 'name = "rmsprop"\nbeta = 1.0'), category=CONSISTENCY, id="beta = 1", says="must be below 1"),
    derive(SPEC.replace("learning_rate = 0.1", "learning_rate = 0"), category=CONSISTENCY, id="learning rate 0", says="out of range"),
    derive(
        SPEC.replace("learning_rate = 0.1", "learning_rate = -1"), category=CONSISTENCY, id="negative learning rate", says="out of range"
    ),
    derive(
        SPEC.replace('name = "sgd"', 'name = "rmsprop"\nepsilon_placement = "between"'),
        category=CONSISTENCY,
        id="unknown option value",
        says="is not one of",
    ),
    derive(SPEC + '[regularization]\nname = "l2"\nlambda = -0.1\n', category=CONSISTENCY, id="negative lambda", says="out of range"),
    derive(SPEC + '[regularization]\nname = "l2"\nscaling = "weird"\n', category=CONSISTENCY, id="unknown scaling", says="is not one of"),
    derive(
        layer_spec('units = 3\nactivation = "leaky_relu"\ngamma = -0.5'), category=CONSISTENCY, id="negative gamma", says="out of range"
    ),
    derive(formula_spec("x", ", k = 1"), category=CONSISTENCY, id="unused parameter", says="is not used"),
    derive(formula_spec("3"), category=CONSISTENCY, id="formula without x", says="does not use x"),
    derive(formula_spec("x/0"), category=CONSISTENCY, id="division by zero", says="undefined"),
    # -- overflow -------------------------------------------------------------------------------------------
    derive(spec(inputs="1e400"), category=OVERFLOW, id="inputs = 1e400", says="expected a whole number"),
    derive(spec(inputs="inf"), category=OVERFLOW, id="inputs = inf", says="expected a whole number"),
    derive(SPEC.replace("learning_rate = 0.1", "learning_rate = 1e400"), category=OVERFLOW, id="learning rate 1e400", says="out of range"),
    derive(SPEC.replace("learning_rate = 0.1", "learning_rate = nan"), category=OVERFLOW, id="learning rate nan", says="out of range"),
    derive(SPEC + '[regularization]\nname = "l2"\nlambda = 1e308\n', category=OVERFLOW, id="lambda 1e308", says="out of range"),
    derive(formula_spec("x", ", k = 1e400"), category=OVERFLOW, id="parameter 1e400", says="out of range"),
    derive(formula_spec("1e308*10*x"), category=OVERFLOW, id="formula 1e308*10", says="beyond float64"),
    derive(formula_spec("x^1e400"), category=OVERFLOW, id="formula x^1e400", says="beyond float64"),
    derive(formula_spec("exp(1e10*x)"), category=OVERFLOW, id="formula exp(1e10 x)", says="not finite"),
    verify(answers(values(x="[1e400, 2]")), category=OVERFLOW, id="values 1e400", says="finite number"),
    verify(answers(values(x="[nan, 2]")), category=OVERFLOW, id="values nan", says="finite number"),
    # -- code in formulas -----------------------------------------------------------------------------------
    derive(formula_spec('__import__("os").system("touch PWNED")'), category=FORMULA_CODE, id="__import__", says="cannot read"),
    derive(formula_spec("().__class__.__bases__[0]"), category=FORMULA_CODE, id="().__class__", says="cannot read"),
    derive(formula_spec("x.__class__"), category=FORMULA_CODE, id="attribute access", says="cannot read"),
    derive(formula_spec("lambda: x"), category=FORMULA_CODE, id="lambda", says="cannot read"),
    derive(formula_spec("exec(x)"), category=FORMULA_CODE, id="exec", says="unknown name 'exec'"),
    derive(formula_spec("x; import os"), category=FORMULA_CODE, id="statement", says="cannot read"),
    derive(formula_spec("[x for x in ()]"), category=FORMULA_CODE, id="comprehension", says="cannot read"),
    derive(formula_spec("Symbol(x)"), category=FORMULA_CODE, id="SymPy constructor", says="unknown name 'Symbol'"),
    derive(formula_spec("x if 1 else 0"), category=FORMULA_CODE, id="conditional expression", says="unexpected"),
    derive(formula_spec("__builtins__"), category=FORMULA_CODE, id="__builtins__", says="unknown name"),
    derive(
        layer_spec("units = 3\nactivation = { name = \"__class__\", formula = 'x' }"),
        category=FORMULA_CODE,
        id="dunder activation name",
        says="must be a short identifier",
    ),
    derive(formula_spec("x*sigmoid(x)", ", __class__ = 1"), category=FORMULA_CODE, id="dunder parameter", says="not starting with __"),
    # -- big formulas ---------------------------------------------------------------------------------------
    derive(formula_spec("(" * 41 + "x" + ")" * 41), category=FORMULA_BIG, id="41 parentheses deep", says="nested deeper"),
    derive(formula_spec("(" * 200 + "x" + ")" * 200), category=FORMULA_BIG, id="200 parentheses (over 400 chars)", says="the limit is 400"),
    derive(formula_spec("+".join(["x"] * 201)), category=FORMULA_BIG, id="401 characters", says="the limit is 400"),
    derive(formula_spec("-" * 399 + "x"), category=FORMULA_BIG, id="399 unary minus", says="nested deeper"),
    derive(formula_spec("exp(" * 41 + "x" + ")" * 41), category=FORMULA_BIG, id="exp nested 41 deep", says="nested deeper"),
    derive(
        formula_spec("x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x"),
        category=FORMULA_BIG,
        id="power tower 42",
        says="nested deeper",
    ),
    # -- slow SymPy -----------------------------------------------------------------------------------------
    derive(formula_spec("exp(exp(exp(exp(x))))"), category=SLOW, id="exp nested 4 deep", says="not finite"),
    derive(formula_spec("exp(exp(exp(exp(exp(exp(x))))))"), category=SLOW, id="exp nested 6 deep", says="not finite"),
    derive(formula_spec("x^x^x^x"), category=SLOW, id="power tower 4", says="not finite"),
    derive(
        formula_spec("tanh(tanh(tanh(tanh(tanh(tanh(tanh(tanh(x))))))))"),
        category=SLOW,
        id="tanh nested 8 deep",
        code=0,
        says="",
    ),
    derive(formula_spec("((((((((((x+1)^2)^2)^2)^2)^2)^2)^2)^2)^2)^2"), category=SLOW, id="(x+1)^1024 nested", says="not finite"),
    derive(formula_spec("log(log(log(log(x))))"), category=SLOW, id="log nested 4 deep", says="not finite"),
    derive(formula_spec("erf(erf(erf(erf(x))))"), category=SLOW, id="erf nested (erfinv inverse)", code=0, says=""),
    derive(formula_spec("sin(x)^64 + cos(x)^63"), category=SLOW, id="high trig powers", code=0, says=""),
    # -- valid but unusual (found by the property tests, or at the edges of the ranges) ----------------------------
    derive(
        layer_spec(
            "units = 3\nactivation = { name = \"lrelu\", formula = 'max(x, 0.1*x)' }",
            'units = 3\nactivation = { name = "lrelu2", formula = \'max(x, 0.1*x)\' }\n[[layers]]\nunits = 2\nactivation = "softmax"',
        ),
        category=UNUSUAL,
        id="stacked max() formulas (select of booleans)",
        code=0,
        says="",
    ),
    derive(
        layer_spec('units = 1\nactivation = "tanh"', 'units = 1\nactivation = "sigmoid"').replace("cross_entropy", "binary_cross_entropy"),
        category=UNUSUAL,
        id="one unit everywhere",
        code=0,
        says="",
    ),
    derive(
        spec(title='"Rückwärts — δ⁽ˡ⁾ & 100% $ ~ ^ _ #"'), category=UNUSUAL, id="unicode and TeX specials in the title", code=0, says=""
    ),
    derive(formula_spec("x*tanh(k*x)/k", ", k = 1e-6"), category=UNUSUAL, id="tiny parameter", code=0, says=""),
    derive(spec(convention='"column"', inputs="100000"), category=UNUSUAL, id="column convention, 100000 inputs", code=0, says=""),
    # -- answers --------------------------------------------------------------------------------------------
    verify({"a.toml": CLAIM}, category=ANSWERS, id="no spec", says="missing 'spec'"),
    verify({"a.toml": "spec = 3\n" + CLAIM}, category=ANSWERS, id="spec is a number", says="expected a path"),
    verify(answers(""), category=ANSWERS, id="no claims", says="no [[claims]]"),
    verify(answers("claims = 3\n"), category=ANSWERS, id="claims not a table array", says="expected an array of tables"),
    verify(answers('[[claims]]\nid = "1"\n'), category=ANSWERS, id="claim without latex", says="missing key 'latex'"),
    verify(answers(CLAIM + CLAIM), category=ANSWERS, id="duplicate id", says="duplicate id"),
    verify(answers("batch = 0\n" + CLAIM), category=ANSWERS, id="batch 0", says="must be a whole number"),
    verify(answers('batch = "one"\n' + CLAIM), category=ANSWERS, id="batch a string", says="must be a whole number"),
    verify(answers("colour = 1\n" + CLAIM), category=ANSWERS, id="unknown key", says="unknown key 'colour'"),
    verify(answers(CLAIM.replace('id = "1"', 'id = "1"\nquantity = "delta9"')), category=ANSWERS, id="unknown quantity", says="quantity"),
    verify(answers('[notation]\n"a" = 3\n' + CLAIM), category=ANSWERS, id="notation value not a string", says="must map to a string"),
    verify(answers(values(x="[1, 2, 3]")), category=ANSWERS, id="x wrong length", says="values.x"),
    verify(answers(values(W1="[[1, 2], [3, 4]]")), category=ANSWERS, id="W1 wrong shape", says="values.W1"),
    verify(answers(values(W2="[[1, 2], [3, 4], [5, 6]]")), category=ANSWERS, id="W2 transposed", says="values.W2"),
    verify(answers(values(b1="[0, 0]")), category=ANSWERS, id="b1 wrong length", says="values.b1"),
    verify(answers(values(y='"one"')), category=ANSWERS, id="y a string", says="values.y"),
    verify(answers(values(W1="[[1, 2], [3]]")), category=ANSWERS, id="ragged W1", says="values.W1"),
    verify(answers(values(b2=None)), category=ANSWERS, id="b2 missing", says="missing b2"),
    verify(answers(values(W7="[1]")), category=ANSWERS, id="W7 unknown", says="unknown value"),
    verify(answers(values(x="[[1, 2], [3, 4]]")), category=ANSWERS, id="2 samples of x, 1 of y", says="values.y"),
    # -- outputs and usage ------------------------------------------------------------------------------------
    Case(
        OUTPUTS, "derive --out is a file", ("derive", "{d}/s.toml", "--tex-only", "--out", "{d}/f"), {"s.toml": SPEC, "f": "x"}, 2, "--out"
    ),
    Case(OUTPUTS, "codegen --out is a file", ("codegen", "{d}/s.toml", "--out", "{d}/f"), {"s.toml": SPEC, "f": "x"}, 2, "--out"),
    Case(OUTPUTS, "demo --out is a file", ("demo", "--out", "{d}/f"), {"f": "x"}, 2, "--out"),
    Case(
        OUTPUTS,
        "verify gradescope --out is a directory",
        ("verify", "{d}/a.toml", "--format", "gradescope", "--out", "{d}/dir"),
        answers(CLAIM) | {"dir": None},
        2,
        "--out",
    ),
    Case(OUTPUTS, "codegen without a spec", ("codegen",), {}, 2, "needs a SPEC"),
]


@dataclass(frozen=True)
class ClaimCase:
    category: str
    id: str
    latex: str
    verdicts: tuple[str, ...] = ("unchecked",)  # the verdicts that are right for it


ANY = ("correct", "incorrect", "carried_forward", "unchecked")


CLAIM_CODE = "code or dunder access in answers"
CLAIM_TEX = "LaTeX that reads, writes or runs in answers"
CLAIM_BIG = "enormous or deeply nested claims"

CLAIM_CASES: list[ClaimCase] = [
    ClaimCase(CLAIM_CODE, "__import__", "__import__('os').system('touch PWNED')"),
    ClaimCase(CLAIM_CODE, "().__class__", r"\delta^{(2)} = ().__class__.__bases__[0].__subclasses__()"),
    ClaimCase(CLAIM_CODE, "attribute access", r"\delta^{(2)} = y.__class__"),
    ClaimCase(CLAIM_CODE, "lambda", r"\delta^{(2)} = lambda: 0"),
    ClaimCase(CLAIM_CODE, "eval", r"\delta^{(2)} = eval('1')"),
    ClaimCase(CLAIM_CODE, "open", r"\delta^{(2)} = open('/etc/passwd').read()"),
    ClaimCase(CLAIM_CODE, "sympify bait", r"\delta^{(2)} = Symbol('x')"),
    ClaimCase(CLAIM_TEX, r"\input", r"\delta^{(2)} = \input{/etc/passwd}"),
    ClaimCase(CLAIM_TEX, r"\write18", r"\immediate\write18{touch PWNED} \delta^{(2)} = \hat{y} - y"),
    ClaimCase(CLAIM_TEX, r"\openout", r"\newwrite\f \immediate\openout\f=PWNED \delta^{(2)} = 0"),
    ClaimCase(CLAIM_TEX, r"\catcode", r"\catcode`\^=12 \delta^{(2)} = 0"),
    ClaimCase(CLAIM_TEX, r"\def", r"\def\delta{\input{/etc/passwd}} \delta^{(2)} = 0"),
    ClaimCase(CLAIM_TEX, r"\include", r"\include{/etc/shadow}"),
    ClaimCase(CLAIM_BIG, "4001 characters", "x" * 4001),
    ClaimCase(CLAIM_BIG, "3000 braces", "{" * 3000 + "}" * 3000),
    ClaimCase(CLAIM_BIG, "500 nested exponents", "e^{" * 500 + "x" + "}" * 500),
    ClaimCase(CLAIM_BIG, "200-term sum", r"\delta^{(2)} = " + " + ".join([r"W^{(3)T}\delta^{(3)}"] * 150)),
    ClaimCase(CLAIM_BIG, "1500-entry matrix", r"\begin{bmatrix}" + " & ".join(["1"] * 1500) + r"\end{bmatrix}"),
    ClaimCase(CLAIM_BIG, "overflowing number", r"\delta^{(2)} = 1e308 \cdot 10^{400}", ("incorrect", "unchecked")),
    ClaimCase(CLAIM_BIG, "huge power", r"\delta^{(2)} = (\hat{y} - y)^{99999999}", ("incorrect", "unchecked")),
    ClaimCase(CLAIM_BIG, "nested fractions", r"\delta^{(2)} = " + r"\frac{1}{" * 70 + "y" + "}" * 70),
]


# -- generated modules: extreme values and bad arrays (tests/hardening/test_generated_inputs.py) --------------
@dataclass(frozen=True)
class ArrayCase:
    category: str
    id: str
    error: str | None = None  # None: the call works and every result is finite; else the exception's name


EXTREME = "generated modules: extreme values (every example module)"
BAD_ARRAYS = "generated modules: wrong shapes and dtypes (every example module)"

ARRAY_CASES: list[ArrayCase] = [
    ArrayCase(EXTREME, "output logits +1000"),
    ArrayCase(EXTREME, "output logits -1000"),
    ArrayCase(EXTREME, "output logits +-1000 mixed"),
    ArrayCase(EXTREME, "hidden layers saturated (+-1000)"),
    ArrayCase(EXTREME, "inputs x 1e6"),
    ArrayCase(EXTREME, "float32 parameters and data"),
    ArrayCase(EXTREME, "float32, logits +-1000"),
    ArrayCase(EXTREME, "float32 training, 3 epochs"),
    ArrayCase(BAD_ARRAYS, "int X (converted)"),
    ArrayCase(BAD_ARRAYS, "bool X (converted)"),
    ArrayCase(BAD_ARRAYS, "nested lists (converted)"),
    ArrayCase(BAD_ARRAYS, "object X", "TypeError"),
    ArrayCase(BAD_ARRAYS, "string X", "TypeError"),
    ArrayCase(BAD_ARRAYS, "complex X", "TypeError"),
    ArrayCase(BAD_ARRAYS, "NaN in X", "ValueError"),
    ArrayCase(BAD_ARRAYS, "inf in Y", "ValueError"),
    ArrayCase(BAD_ARRAYS, "1-D X", "ValueError"),
    ArrayCase(BAD_ARRAYS, "3-D X", "ValueError"),
    ArrayCase(BAD_ARRAYS, "X one column short", "ValueError"),
    ArrayCase(BAD_ARRAYS, "X with no rows", "ValueError"),
    ArrayCase(BAD_ARRAYS, "Y with a wrong number of rows", "ValueError"),
    ArrayCase(BAD_ARRAYS, "Y transposed", "ValueError"),
    ArrayCase(BAD_ARRAYS, "params missing a key", "ValueError"),
    ArrayCase(BAD_ARRAYS, "integer params", "TypeError"),
    ArrayCase(BAD_ARRAYS, "train with batch_size 0", "ValueError"),
]


# -- outputs: atomic writes, interrupts, shell escape (tests/hardening/test_outputs_atomic.py) -------------------
OUTPUTS_ATOMIC = "outputs: interrupted runs, atomic writes, shell escape"

OUTPUT_CASES: list[tuple[str, str]] = [
    (OUTPUTS_ATOMIC, "codegen: render raises midway"),
    (OUTPUTS_ATOMIC, "codegen: the write raises midway"),
    (OUTPUTS_ATOMIC, "derive: LaTeX raises midway"),
    (OUTPUTS_ATOMIC, "derive: writing the .tex raises midway"),
    (OUTPUTS_ATOMIC, "derive: SIGINT to the process"),
    (OUTPUTS_ATOMIC, "codegen: SIGINT to the process"),
    (OUTPUTS_ATOMIC, "every output lands under --out"),
    (OUTPUTS_ATOMIC, "pdflatex/latexmk command line has -no-shell-escape"),
    (OUTPUTS_ATOMIC, r"\write18, \input, \openout, \catcode in the title do nothing"),
    (OUTPUTS_ATOMIC, "outputs get the umask's mode, not mkstemp's 0600"),
    (SIZES, "100000 units x 500 layers: derive and codegen in 3 GB and 30 s"),
]


# -- unreadable files (root reads anything, so the OS error is simulated; tests/hardening/test_hostile_inputs.py) --
UNREADABLE_CASES: list[tuple[str, str, tuple[str, ...], str]] = [
    (FILES, "derive: spec unreadable (EACCES)", ("derive", "{d}/s.toml", "--no-pdf"), "s.toml"),
    (FILES, "codegen: spec unreadable (EACCES)", ("codegen", "{d}/s.toml", "--out", "{d}/out"), "s.toml"),
    (FILES, "verify: answers unreadable (EACCES)", ("verify", "{d}/a.toml"), "a.toml"),
    (FILES, "verify: the answers' spec unreadable (EACCES)", ("verify", "{d}/a.toml"), "s.toml"),
]
