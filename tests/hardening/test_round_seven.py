"""Hostile input, round seven (issue 12, eighth pass): verify's derivative of an expression on deep networks (the varied
passes are forward passes, read only for what the expression names), derivatives too small for central differences
(``unchecked``, not ``correct``), the program printer's name scan. benchmarks/probe_hostile.py ("r7:" probes) runs the
same classes through the real CLI with time and memory measured (docs/RELIABILITY.md, "Round seven"). Bounds are on
CPU time, so a loaded machine does not fail them."""

from __future__ import annotations

import os
import re

import numpy as np
import pytest
from gradproof.derive.derivation import derive
from gradproof.derive.program import _uses
from gradproof.derive.spec import spec_from_dict
from gradproof.verify.document import extract
from gradproof.verify.judge import Judge
from gradproof.verify.truth import CourseValues, Truth
from hypothesis import given, settings
from hypothesis import strategies as st


def cpu() -> float:
    t = os.times()
    return t.user + t.system


def network(hidden: list, output: str = "softmax", loss: str = "cross_entropy", inputs: int = 2):
    layers = [{"units": 3, "activation": a} if isinstance(a, str) else a for a in hidden]
    spec = {"name": "r7", "inputs": inputs, "layers": [*layers, {"units": 2, "activation": output}],
            "loss": {"name": loss}, "optimizer": {"name": "sgd", "learning_rate": 0.1}}
    return derive(spec_from_dict(spec), check=False)


def verdicts(d, doc: str) -> dict:
    return {r.id: (r.verdict, r.message) for r in Judge(d).check_all(extract(doc))}


def _vanishing(top: int) -> str:
    return (f"$$\\frac{{\\partial}}{{\\partial z^{{(1)}}}}\\left(z^{{({top})}}\\right) = 0 \\tag{{zero}}$$\n\n"
            f"$$\\frac{{\\partial z^{{({top})}}}}{{\\partial z^{{(1)}}}} = 0 \\tag{{jac}}$$\n\n")


RIGHT = ("$$\\frac{\\partial}{\\partial z^{(1)}}\\left(W^{(2)} h^{(1)} + b^{(2)}\\right) = W^{(2)} "
         "\\operatorname{diag}(\\sigma'(z^{(1)})) \\tag{right}$$\n\n"
         "$$\\frac{\\partial}{\\partial z^{(2)}}\\left(h^{(1)}\\right) = 0 \\tag{indep}$$\n\n")


# -- a derivative below what central differences resolve ----------------------------------------------------------------------
def test_a_vanishing_derivative_is_unchecked_not_judged_correct():
    """Through 40 sigmoid layers ∂z⁽⁴¹⁾/∂z⁽¹⁾ is about 1e-25 (each layer multiplies by σ' ≤ 1/4 and weights of order
    1): a step of 1e-6 leaves z⁽⁴¹⁾ bitwise unchanged, so "= 0" was judged correct. Now unchecked, with the reason;
    the claims whose numbers are resolved keep their verdicts (a right one, and a derivative that is 0 because the
    expression does not depend on the quantity at all)."""
    got = verdicts(network(["sigmoid"] * 40), _vanishing(41) + RIGHT)
    for cid in ("zero", "jac"):
        assert got[cid][0] == "unchecked" and "too small for float64" in got[cid][1], got[cid]
    assert got["right"][0] == "correct" and got["indep"][0] == "correct", got


def test_a_shallow_network_where_the_derivative_is_representable_stays_judged():
    got = verdicts(network(["sigmoid"] * 3), _vanishing(4) + RIGHT)
    assert got["zero"][0] == "incorrect" and got["jac"][0] == "incorrect", got
    assert got["right"][0] == "correct" and got["indep"][0] == "correct", got


def test_an_inactive_relu_is_an_exact_zero_and_stays_judged():
    """A ReLU unit with z < 0 has derivative exactly 0: the step moves nothing but z (``_Varied.flat``), so the zero is
    certain. Judged at points where some unit is inactive (checked here, independently of verify)."""
    d = network(["relu"], output="identity", loss="squared_error")
    doc = ("$$\\frac{\\partial}{\\partial z^{(1)}}\\left(h^{(1)}\\right) = \\operatorname{diag}(\\mathbb{1}[z^{(1)} > 0]) "
           "\\tag{diag}$$\n\n$$\\frac{\\partial}{\\partial z^{(1)}}\\left(W^{(2)} h^{(1)} + b^{(2)}\\right) = W^{(2)} "
           "\\operatorname{diag}(\\mathbb{1}[z^{(1)} > 0]) \\tag{right}$$\n\n"
           "$$\\frac{\\partial}{\\partial z^{(1)}}\\left(W^{(2)} h^{(1)}\\right) = W^{(2)} \\tag{wrong}$$\n\n")
    j = Judge(d)
    assert any(np.any(np.asarray(row["z1"]) < 0) for row in j.rows)  # some point has an inactive unit
    got = {r.id: r.verdict for r in j.check_all(extract(doc))}
    assert got == {"diag": "correct", "right": "correct", "wrong": "incorrect"}


# -- the varied passes: forward only, read for what the expression names ------------------------------------------------------
@pytest.mark.parametrize("hidden", [["tanh"], ["sigmoid", "relu"], ["relu", {"kind": "layernorm"}]])
def test_a_varied_pass_reads_as_the_whole_computation_did(hidden):
    """``_Varied`` (forward pass, converted on first use, the whole computation only for a backward quantity) gives for
    every quantity exactly what ``to_course(compute(...))`` of the whole computation gave (the old reading), ŷ and the
    last h aliasing the varied quantity included."""
    d = network(hidden)
    j = Judge(d)
    j.check_all(extract("$$\\frac{\\partial}{\\partial z^{(1)}}\\left(h^{(1)}\\right) = 0$$"))  # sets the layout
    L = d.network.depth
    for b in (("z", 1), ("h", L), ("yhat", None)):
        pairs = j._varied(0, b)
        params, X, Y = j.points[0]
        base = np.asarray(j.rows[0][b[0] + ("" if b[1] is None else str(b[1]))], dtype=float)
        for k, (hi, _lo, step) in enumerate(pairs):
            e = np.zeros(base.size)
            e[k] = step
            kb = b[0] + ("" if b[1] is None else str(b[1]))
            old = j.truth.to_course(j.truth.compute(params, X, Y, over={kb: base + e.reshape(base.shape)}))
            old_b = old[b]
            now = j.truth.to_course(j.rows[0])
            for q in now:
                if q != b and np.shape(now[q]) == np.shape(now[b]) and np.array_equal(now[q], now[b]):
                    old[q] = old_b
            assert set(hi) == set(old)
            for q in old:
                assert np.array_equal(hi[q], old[q]), q


def test_a_derivative_of_an_expression_on_500_layers_converts_only_what_it_names(monkeypatch):
    """499 sigmoid layers: each varied pass was the whole computation and ``to_course`` of ~8000 quantities (one claim
    7–8 CPU s). Now forward passes only, and the quantities the expression names are converted."""
    d = network(["sigmoid"] * 498)
    j = Judge(d)
    full = []
    compute = Truth.compute

    def counted(self, *args, **kw):
        if kw.get("over") and not kw.get("forward_only"):
            full.append(kw["over"])
        return compute(self, *args, **kw)

    monkeypatch.setattr(Truth, "compute", counted)
    converted = set()
    read = CourseValues.__getitem__
    monkeypatch.setattr(CourseValues, "__getitem__", lambda self, q: converted.add((id(self), q)) or read(self, q))
    doc = ("$$\\frac{\\partial}{\\partial z^{(498)}}\\left(W^{(499)} h^{(498)} + b^{(499)}\\right) = W^{(499)} "
           "\\operatorname{diag}(\\sigma'(z^{(498)})) \\tag{deep}$$\n\n")
    t = cpu()
    got = {r.id: r.verdict for r in j.check_all(extract(doc))}
    assert cpu() - t < 8  # ~0.6 CPU s idle (was ~7)
    assert got == {"deep": "correct"}
    assert not [o for o in full if "z498" in o]  # no whole computation for a varied pass
    assert len(converted) < 100  # was every one of ~8000 quantities, twice per entry of z⁽⁴⁹⁸⁾


def test_an_expression_naming_a_backward_quantity_still_reads_it_varied():
    """∂δ⁽²⁾/∂z⁽²⁾ of softmax with cross-entropy: δ = ŷ − y, so its derivative is ŷ's Jacobian, diag(ŷ) − ŷŷᵀ: the
    backward quantity is read from the whole computation with z⁽²⁾ varied."""
    d = network(["tanh"])
    doc = ("$$\\frac{\\partial}{\\partial z^{(2)}}\\left(\\delta^{(2)}\\right) = \\operatorname{diag}(\\hat y) - \\hat y "
           "\\hat y^T \\tag{soft}$$\n\n$$\\frac{\\partial}{\\partial z^{(2)}}\\left(\\delta^{(2)}\\right) = 0 \\tag{zero}$$\n\n")
    got = {r.id: r.verdict for r in Judge(d).check_all(extract(doc))}
    assert got == {"soft": "correct", "zero": "incorrect"}


# -- the program printer ---------------------------------------------------------------------------------------------------
NAME = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,5}", fullmatch=True)
CODE = st.lists(st.sampled_from(["Z1", "Z12", "W1", "_x", "params", '"W1"', '["Z1"]', ".", " ", "+", "*", "(", ")", "1",
                                 "2e5", "np.sum", "Z1_", "dZ1", "\n", "ä"]), max_size=20).map("".join)


@settings(max_examples=300, deadline=None)
@given(CODE, NAME)
def test_the_name_scan_agrees_with_a_pattern_per_name(code, name):
    """``_uses`` reads a cached set of the line's names (a pattern per name missed re's cache on deep programs)."""
    assert _uses(code, name) == (re.search(rf"(?<![\w\"]){re.escape(name)}(?![\w\"])", code) is not None)

