"""Hypothesis over whole input files: valid specs derive, mutated specs fail with SpecError only, random answers
files give AnswerError or a verdict per claim (the `default` profile runs 8 examples each, `ci` 25)."""

from __future__ import annotations

import copy
import functools
import json

from gradproof.derive import activations, optimizers
from gradproof.derive.derivation import derive
from gradproof.derive.errors import AnswerError, SpecError
from gradproof.derive.spec import MAX_UNITS, load_spec, spec_from_dict
from gradproof.verify.answers import answers_from_dict
from gradproof.verify.judge import VERDICTS, Claim, Judge
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

HIDDEN = sorted(n for n, e in activations.ACTIVATIONS.items() if not e.vector)
FORMULAS = ["x*sigmoid(x)", "log(1 + exp(x))", "x/(1 + abs(x))", "tanh(k*x)", "x*tanh(softplus(x))", "max(x, 0.1*x)"]
OUTPUTS = {"cross_entropy": ["softmax", "sigmoid"], "binary_cross_entropy": ["sigmoid"], "squared_error": ["identity", "tanh", "sigmoid"]}
PROPERTY_TESTS = ["valid random specs (TOML text) derive and pass every check",
                  "mutated specs (deleted keys, wrong types, out-of-range values, random strings) raise SpecError only",
                  "random bytes spliced into spec TOML raise SpecError only",
                  "random answers-file tables raise AnswerError or load",
                  "token soups and random text as claims of an answers file get a verdict"]


@st.composite
def spec_dicts(draw):
    loss = draw(st.sampled_from(sorted(OUTPUTS)))
    depth = draw(st.integers(1, 3))  # 4-layer windows of heavy formulas take ~15 s each; test_time_limits covers them
    layers = []
    for _ in range(depth - 1):
        units = draw(st.one_of(st.integers(1, 6), st.integers(1, MAX_UNITS)))
        if draw(st.booleans()):
            formula = draw(st.sampled_from(FORMULAS))
            act = {"name": "mine", "formula": formula}
            if "k*" in formula:
                act["k"] = draw(st.floats(0.1, 3.0))
            layers.append({"units": units, "activation": act})
        else:
            name = draw(st.sampled_from(HIDDEN))
            layer = {"units": units, "activation": name}
            for param in activations.ACTIVATIONS[name].params:
                if draw(st.booleans()):
                    layer[param] = draw(st.floats(0.01, 2.0))
            layers.append(layer)
    out_act = draw(st.sampled_from(OUTPUTS[loss]))
    layers.append({"units": draw(st.integers(2 if out_act == "softmax" else 1, 5)), "activation": out_act})
    opt = draw(st.sampled_from(sorted(optimizers.OPTIMIZERS)))
    data = {"name": "rand", "convention": draw(st.sampled_from(["row", "column"])), "inputs": draw(st.integers(1, MAX_UNITS)),
            "layers": layers, "loss": {"name": loss}, "optimizer": {"name": opt}}
    if draw(st.booleans()):
        data["regularization"] = {"name": draw(st.sampled_from(["l1", "l2"])), "lambda": draw(st.floats(0, 1)),
                                  "penalize_bias": draw(st.booleans())}
    return data


def to_toml(value, key_path=()) -> str:
    """A small TOML writer for spec-shaped dicts (tables, arrays of tables, scalars, lists)."""
    scalars, tables, arrays = [], [], []
    for k, v in value.items():
        if isinstance(v, dict):
            tables.append((k, v))
        elif isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
            arrays.append((k, v))
        else:
            scalars.append(f"{json.dumps(k)} = {_scalar(v)}")
    out = "\n".join(scalars) + "\n"
    for k, v in tables:
        out += f"[{'.'.join(json.dumps(p) for p in (*key_path, k))}]\n" + to_toml(v, (*key_path, k))
    for k, items in arrays:
        for item in items:
            out += f"[[{'.'.join(json.dumps(p) for p in (*key_path, k))}]]\n" + to_toml(item, (*key_path, k))
    return out


def _scalar(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return "nan" if v != v else ("inf" if v == float("inf") else "-inf" if v == float("-inf") else repr(v))
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return json.dumps(v)
    if isinstance(v, list):
        return "[" + ", ".join(_scalar(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_scalar(x)}" for k, x in v.items()) + "}"
    raise TypeError(v)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(spec_dicts())
def test_valid_random_specs_derive(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("spec") / "rand.toml"
    path.write_text(to_toml(data), encoding="utf-8")
    d = derive(load_spec(path))
    assert d.all_passed
    assert d.network.sizes[0] == data["inputs"]


JUNK = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70), st.floats(allow_nan=True, allow_infinity=True),
                 st.text(max_size=30), st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2))


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*prefix, i))


@st.composite
def mutated(draw):
    data = copy.deepcopy(draw(spec_dicts()))
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = functools.reduce(lambda node, k: node[k], path[:-1], data)
        action = draw(st.sampled_from(["delete", "replace", "string", "rename"]))
        if action == "delete":
            del parent[path[-1]]
        elif action == "replace":
            parent[path[-1]] = draw(JUNK)
        elif action == "string":
            parent[path[-1]] = draw(st.text(max_size=40))
        elif isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=12))] = parent.pop(path[-1])
    return data


@given(mutated())
def test_mutated_specs_fail_with_spec_error_only(data):
    try:
        spec_from_dict(data, "mutant.toml")
    except SpecError as exc:
        assert str(exc).startswith("mutant.toml") and "\n" not in str(exc).strip()


@given(spec_dicts(), st.integers(0, 10_000), st.binary(min_size=1, max_size=12))
def test_spliced_bytes_fail_with_spec_error_only(tmp_path_factory, data, at, junk):
    text = to_toml(data).encode()
    at = at % (len(text) + 1)
    path = tmp_path_factory.mktemp("spliced") / "s.toml"
    path.write_bytes(text[:at] + junk + text[at:])
    try:
        load_spec(path)
    except SpecError:
        pass


SPEC = {"name": "tiny", "inputs": 2, "layers": [{"units": 3, "activation": "tanh"}, {"units": 2, "activation": "softmax"}],
        "loss": {"name": "cross_entropy"}, "optimizer": {"name": "sgd"}}
TOML_VALUES = st.recursive(st.one_of(st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True), st.text(max_size=20)),
                           lambda kids: st.one_of(st.lists(kids, max_size=4), st.dictionaries(st.text(max_size=8), kids, max_size=4)),
                           max_leaves=12)
ANSWER_KEYS = st.sampled_from(["spec", "batch", "notation", "values", "claims", "title", "x", "id"])


@given(st.dictionaries(ANSWER_KEYS, TOML_VALUES, max_size=5), st.booleans())
def test_random_answers_tables_fail_with_answer_error_only(table, with_spec):
    if with_spec:
        table = {**table, "spec": copy.deepcopy(SPEC)}
    try:
        answers_from_dict(table, "hw.toml")
    except AnswerError as exc:
        assert str(exc).startswith("hw.toml")


PIECES = [r"\delta^{(2)}", r"W^{(2)}", "^T", r"\odot", r"\frac{", "}{", "}", "{", "(", ")", "=", "-", "+", r"\hat{y}", "y", r"\tanh",
          r"\sigma'", "^2", "_1", r"\begin{bmatrix}", r"\end{bmatrix}", "&", r"\\", "0.5", r"\partial", r"\nabla", "h", "z",
          r"\input{/etc/passwd}", r"\write18{ls}", "__import__('os')", "().__class__", "lambda:", r"\catcode", "1e400", "$"]


@functools.lru_cache(maxsize=1)
def _judge():
    return Judge(derive(spec_from_dict(SPEC, "tiny.toml"), check=False))


@given(st.lists(st.one_of(st.lists(st.sampled_from(PIECES), max_size=25).map(" ".join), st.text(max_size=80)), min_size=1, max_size=4))
def test_claims_in_an_answers_file_always_get_a_verdict(latexes):
    claims = [{"id": str(k), "latex": t if t.strip() else "?"} for k, t in enumerate(latexes)]  # blank latex is an AnswerError
    answers = answers_from_dict({"spec": copy.deepcopy(SPEC), "claims": claims}, "hw.toml")
    results = _judge().check_all([Claim(c.id, c.latex, c.quantity) for c in answers.claims])
    assert [r.verdict in VERDICTS for r in results] == [True] * len(latexes)
