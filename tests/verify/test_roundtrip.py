"""Round trip: every formula the proof prints (Step.claims) and every expected expression verify as correct;
mutations of them (drop a transpose, φ' -> φ, drop 1/N, flip a sign) are all flagged."""

from __future__ import annotations

import pytest
from gradproof.derive.derivation import derive
from gradproof.derive.spec import spec_from_dict
from gradproof.proof.steps import build_steps
from gradproof.verify.expected import expected
from gradproof.verify.judge import Claim, Judge
from gradproof.verify.parser import parse_claim
from gradproof.verify.tree import Node, show
from helpers_verify import DENSE_NAMES, derivation
from hypothesis import given
from hypothesis import strategies as st

NAMES = DENSE_NAMES


def proof_claims(d):
    return [(q, latex) for step in build_steps(d) for q, latex in getattr(step, "claims", ())]


def expected_claims(d, batch=1):
    out = []
    for l in range(1, d.network.depth + 1):
        for kind in ("z", "h", "delta", "dh", "dW", "db", "dWL", "dWR", "dbL", "W_next"):
            if kind == "dh" and l == d.network.depth:
                continue
            e = expected(d, kind, l, batch)
            if e is not None:
                out.append((f"{kind}{l}" if kind != "W_next" else f"W{l}_next", e))
    return out


@pytest.mark.parametrize("name", NAMES)
def test_every_proof_formula_verifies(name):
    d = derivation(name)
    claims = proof_claims(d)
    assert claims, "the proof steps carry claims"
    judge = Judge(d)
    for q, latex in claims:
        r = judge.check(Claim(q, latex))
        assert r.verdict == "correct", f"{q}: {latex}: {r.message}"


@pytest.mark.parametrize("name", NAMES)
def test_every_expected_expression_verifies(name):
    d = derivation(name)
    judge = Judge(d)
    for q, latex in expected_claims(d):
        r = judge.check(Claim(q, latex, q))
        assert r.verdict == "correct", f"{q}: {latex}: {r.message}"


HIDDEN = ["tanh", "sigmoid", "relu", "leaky_relu", "elu", "softplus", "swish", "gelu", "softsign", "identity"]
OUTPUTS = [("softmax", "cross_entropy"), ("sigmoid", "binary_cross_entropy"), ("identity", "squared_error"),
           ("tanh", "squared_error"), ("softmax", "squared_error"), ("sigmoid", "squared_error")]


@st.composite
def specs(draw):
    depth = draw(st.integers(1, 3))
    sizes = [draw(st.integers(1, 4)) for _ in range(depth)]
    out, loss = draw(st.sampled_from(OUTPUTS))
    if out == "softmax":
        sizes[-1] = max(sizes[-1], 2)
    layers = [{"units": u, "activation": draw(st.sampled_from(HIDDEN))} for u in sizes[:-1]] + [{"units": sizes[-1], "activation": out}]
    spec = {"name": "rand", "convention": draw(st.sampled_from(["row", "column"])), "inputs": draw(st.integers(1, 4)),
            "layers": layers, "loss": {"name": loss}, "optimizer": {"name": "sgd", "learning_rate": 0.3}}
    if draw(st.booleans()):
        spec["regularization"] = {"name": draw(st.sampled_from(["l2", "l1"])), "lambda": 0.05}
    return spec


@given(specs())
def test_random_specs_round_trip(spec):
    d = derive(spec_from_dict(spec), check=False)
    judge = Judge(d)
    claims = [Claim(q, latex) for q, latex in proof_claims(d)] + [Claim(q, latex, q) for q, latex in expected_claims(d)]
    for claim in claims:
        r = judge.check(claim)
        assert r.verdict == "correct", f"{spec}\n{claim}: {r.message}"


# -- mutations ---------------------------------------------------------------------------------------


def _mutants(tree: Node, d):
    """Drop each transpose, swap each phi' for phi, flip each sign: one edit at a time."""
    def edit_all(node):
        if node.op == "T" and node.args[0].op == "q" and min(_shape(d, node.args[0].value)) > 1:
            yield "drop transpose", node.args[0]
        if node.op == "fn" and node.value[2]:
            yield "phi' -> phi", Node("fn", node.args, (node.value[0], node.value[1], False))
        if node.op == "sub":
            yield "flip sign", Node("add", node.args)
        if node.op == "add" and not (node.args[1].op == "mul" and node.args[1].args[0].op == "const"):
            yield "flip sign", Node("sub", node.args)

    def walk(node):
        for what, rep in edit_all(node):
            yield what, rep
        for i, a in enumerate(node.args):
            for what, new in walk(a):
                yield what, Node(node.op, node.args[:i] + (new,) + node.args[i + 1:], node.value)

    yield from walk(tree)


def _shape(d, q):
    kind, l = q
    if kind != "W":
        return (1, 1) if kind not in ("W",) else None
    layer = d.network.layers[l - 1]
    return (layer.units, layer.n_in)


@pytest.mark.parametrize("name", NAMES)
def test_mutations_of_right_claims_are_flagged(name):
    d = derivation(name)
    judge = Judge(d)
    conv = d.network.convention
    count = 0
    for q, latex in proof_claims(d):
        sides, _ = parse_claim(latex, judge.notation, d.network.depth)
        for what, mutant in _mutants(sides[1], d):
            text = f"{show(sides[0], conv)} = {show(mutant, conv)}"
            r = judge.check(Claim(q, text))
            assert r.verdict == "incorrect", f"{what} not flagged: {text}"
            count += 1
    assert count > 0


def test_swapping_phi_prime_for_phi_is_flagged():
    d = derivation("reference_mlp")
    judge = Judge(d)
    for text in (r"\delta^{(2)} = W^{(3)T}\delta^{(3)} \odot \tanh(z^{(2)})",
                 r"\delta^{(1)} = W^{(2)T}\delta^{(2)} \odot \operatorname{LReLU}(z^{(1)})",
                 r"\delta^{(2)} = W^{(3)T}\delta^{(3)} \odot h^{(2)}"):
        r = judge.check(Claim("m", text))
        assert r.verdict == "incorrect" and r.diagnosis_key == "activation_for_derivative", text


def test_dropping_one_over_n_is_flagged():
    d = derivation("reference_mlp")
    judge = Judge(d, batch=5)
    right = r"\frac{\partial J}{\partial W^{(3)}} = \frac{1}{N} \Delta^{(3)T} H^{(2)} + \frac{\lambda}{N} W^{(3)}"
    assert judge.check(Claim("r", right)).verdict == "correct"
    r = judge.check(Claim("m", right.replace(r"\frac{1}{N} ", "")))
    assert r.verdict == "incorrect" and r.diagnosis_key == "missing_1_over_N"
