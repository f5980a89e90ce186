"""One numeric evaluator: the dense instantiation check and the proof's worked example run the batch program
(``numeric.ProgramEvaluator``), the text the generated module contains.

Oracles: the SymEngine brute force (``brute.objective`` / ``brute.gradient_function``: the loss written out from the
definitions and differentiated, nothing of the program) pins every number of every dense example's worked example; the
hand-typed matrix formulas of ``tests/dense_reference.py`` agree with the program on every forward array and gradient;
and a planted wrong line in the program fails the dense check.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest
import symengine as se
from dense_reference import DenseReference
from gradproof.derive import brute, checks, names
from gradproof.derive.derivation import derive
from gradproof.derive.numeric import ProgramEvaluator
from gradproof.derive.program import build_program
from gradproof.derive.spec import load_spec, spec_from_dict
from gradproof.derive.symbols import X as XSYM
from gradproof.proof.example import MAX_DEPTH, worked_example

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DENSE = sorted(p.stem for p in EXAMPLES.glob("*.toml") if not load_spec(p).has_kinds)


def _derivation(name: str, check: bool = False):
    return derive(load_spec(EXAMPLES / f"{name}.toml"), check=check)


def _se_value(expr, values: dict) -> float:
    return float(expr.xreplace({s: se.RealDouble(float(v)) for s, v in values.items()}))


@pytest.mark.parametrize("name", DENSE)
def test_worked_example_numbers_equal_the_symengine_brute_force(name):
    """Every z, h, delta, dW, db and J of the proof's worked example (one sample through the capped instance) against
    the brute force: z = W h + b in NumPy, h from the SymEngine form of the definition, the gradients and J from the
    objective written out from the definitions (with the regularizer), delta = dJ/db of the data term."""
    d = _derivation(name)
    ex = worked_example(d)
    assert ex is not None and ex.agrees
    net = d.network
    sub = checks._sub_derivation(d, tuple(range(1, net.depth + 1)))
    snet = sub.network
    assert tuple(snet.sizes) == tuple(ex.sizes)
    x, y = ex.x[None, :], ex.y[None, :]
    params = {}
    for lay in ex.layers:
        params[names.weight(lay.index)], params[names.bias(lay.index)] = lay.W, lay.b
    # the objective and its gradients, by SymEngine from the definitions
    J, symbols, numbers = brute.objective(snet, x, y)
    f, keys, _ = brute.gradient_function(snet, x, y)
    grads = f(np.concatenate([np.ravel(params[k]) for k in keys]))[0]
    offset, brute_grads = 0, {}
    for k, (shape, flat) in keys.items():
        brute_grads[k] = grads[offset:offset + len(flat)].reshape(shape)
        offset += len(flat)
    data_f, _, _ = brute.gradient_function(dataclasses.replace(snet, regularizer=None), x, y)
    data_grads = data_f(np.concatenate([np.ravel(params[k]) for k in keys]))[0]
    # the forward pass: z by the convention's product, h by the definition in SymEngine
    h = ex.x
    u = se.Symbol("u")
    for lay, layer, result in zip(ex.layers, snet.layers, sub.layers, strict=True):
        z = lay.W @ h + lay.b if snet.convention == "row" else lay.W.T @ h + lay.b
        np.testing.assert_allclose(lay.z, z, rtol=1e-14, atol=1e-15)
        if result.phi is None:  # softmax
            e = np.exp(z - z.max())
            h = e / e.sum()
        else:
            phi = brute.to_symengine(layer.definition.subs(layer.param_values), {XSYM: u})
            h = np.array([_se_value(phi, {u: zi}) for zi in z])
        np.testing.assert_allclose(lay.h, h, rtol=1e-12, atol=1e-14)
    for lay in ex.layers:
        np.testing.assert_allclose(lay.dW, brute_grads[names.weight(lay.index)], rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(lay.db, brute_grads[names.bias(lay.index)], rtol=1e-9, atol=1e-12)
    start = 0
    for k, (_, flat) in keys.items():  # delta_l = dJ/db_l of the data term (N = 1)
        if k.startswith("b"):
            layer = int(k[1:])
            np.testing.assert_allclose(ex.layers[layer - 1].delta, data_grads[start:start + len(flat)], rtol=1e-9, atol=1e-12)
        start += len(flat)
    reg_free = dataclasses.replace(snet, regularizer=None)
    J_data, syms_data, numbers_data = brute.objective(reg_free, x, y)
    assert ex.data_loss == pytest.approx(_objective_value(J_data, syms_data, numbers_data, params), rel=1e-12)
    assert ex.objective == pytest.approx(_objective_value(J, symbols, numbers, params), rel=1e-12)


def _objective_value(J, symbols, numbers, params) -> float:
    values = {s: v for key, (_, flat) in symbols.items() for s, v in zip(flat, np.ravel(params[key]), strict=True)}
    values.update(numbers.values)
    return _se_value(J, values)


@pytest.mark.parametrize("name", DENSE)
def test_the_program_equals_the_hand_typed_matrix_formulas(name):
    """ProgramEvaluator (the batch program) and tests/dense_reference.py (per-sample deltas, the convention's products
    typed apart): the same forward arrays, deltas, gradients with the regularizer, loss and one optimizer step."""
    d = _derivation(name)
    ev, ref = ProgramEvaluator(d), DenseReference(d)
    net = d.network
    rng = np.random.default_rng(5)
    params = {}
    for l, layer in enumerate(net.layers, start=1):
        shape = (layer.units, layer.n_in) if net.convention == "row" else (layer.n_in, layer.units)
        params[names.weight(l)] = rng.normal(size=shape) * 0.5
        params[names.bias(l)] = rng.normal(size=layer.units) * 0.2
    X = rng.normal(size=(4, net.inputs))
    Y = checks._targets(net, rng, 4)
    mine, theirs = ev.trace(params, X, Y, {}), ref.backward(params, X, Y)
    for l in range(1, net.depth + 1):
        np.testing.assert_allclose(mine[f"Z{l}"], theirs[f"z{l}"], rtol=1e-13, atol=1e-15)
        np.testing.assert_allclose(mine.get(f"H{l}", mine[f"Z{l}"]), theirs[f"h{l}"], rtol=1e-13, atol=1e-15)
        np.testing.assert_allclose(mine[f"D{l}"] * len(X), theirs[f"delta{l}"], rtol=1e-12, atol=1e-14)
    grads = ev.gradients(params, X, Y)
    for k, g in ref.gradients(params, X, Y).items():
        np.testing.assert_allclose(grads[k], g, rtol=1e-12, atol=1e-14, err_msg=k)
    assert ev.loss(params, X, Y) == pytest.approx(ref.loss(params, X, Y), rel=1e-13)
    new, ref_new = ev.step(params, grads, ev.init_state(params)), ref.step(params, grads, ref.init_state(params))
    for k in params:
        np.testing.assert_allclose(new[k], ref_new[k], rtol=1e-13, atol=1e-15)


def _plant(sub, equation: str, layer: int, wrong):
    """``sub`` with its batch program's backward line ``equation`` of ``layer`` rewritten by ``wrong`` (code -> code)."""
    program = build_program(sub.network)
    i = next(i for i, a in enumerate(program.backward) if a.equation == equation and a.target.endswith(str(layer)))
    a = program.backward[i]
    planted = dataclasses.replace(a, code=wrong(a.code))
    assert planted.code != a.code
    backward = (*program.backward[:i], planted, *program.backward[i + 1:])
    return dataclasses.replace(sub, program=dataclasses.replace(program, backward=backward))


PLANTED = [
    # dW3 from the wrong layer's output (same shape on the 3-2-2-3 instance)
    ("reference_mlp", "dense-dW", 3, lambda code: code.replace("H2", "H1")),
    # the output error not averaged over the batch
    ("reference_mlp", "output-error", 3, lambda code: code.replace(" / n", "")),
    # db as the mean instead of the sum of dJ/dz (the 1/N counted twice)
    ("multilabel_column", "dense-db", 1, lambda code: code.replace("np.sum(D1, axis=0)", "np.mean(D1, axis=0)")),
    # the column convention's weight gradient transposed the row way (square 2 x 2 on the instance)
    ("multilabel_column", "dense-dW", 2, lambda code: "(" + code + ").T"),
    # phi' of a hidden layer at the wrong array: tanh'(z) written in h, fed z
    ("tanh_output_adagrad", "activation-backward", 1, lambda code: code.replace("(Z1, H1)", "(Z1, Z1)")),
]


@pytest.mark.parametrize("name, equation, layer, wrong", PLANTED, ids=[f"{p[0]}-{p[1]}{p[2]}" for p in PLANTED])
def test_a_planted_wrong_program_line_fails_the_dense_check(name, equation, layer, wrong):
    """The dense check compares the brute force with the program: the right program passes, a wrong line fails."""
    d = _derivation(name)
    sub = checks._sub_derivation(d, tuple(range(1, d.network.depth + 1)))
    good = checks.check_window(sub)
    assert good.passed and good.max_error < checks.TOLERANCE
    bad = checks.check_window(_plant(sub, equation, layer, wrong))
    assert not bad.passed and bad.max_error > 1e-3, bad.detail


def test_the_derive_check_runs_the_program_of_the_instance(monkeypatch):
    """derive's dense check builds the instance's batch program and runs it (nothing else computes the gradients)."""
    built = []
    real = ProgramEvaluator.__init__

    def spy(self, derivation, program=None):
        real(self, derivation, program)
        built.append(self.program)

    monkeypatch.setattr(ProgramEvaluator, "__init__", spy)
    net = spec_from_dict({"name": "t", "inputs": 3, "layers": [{"units": 4, "activation": "tanh"},
                                                                {"units": 2, "activation": "sigmoid"}],
                          "loss": {"name": "binary_cross_entropy"}, "optimizer": {"name": "sgd"}})
    d = derive(net)
    assert d.checks and all(c.passed for c in d.checks)
    assert len(built) == 1 and built[0].network.sizes == (3, 2, 2)


def test_every_dense_example_has_a_worked_example():
    for name in DENSE:
        d = _derivation(name)
        assert d.network.depth <= MAX_DEPTH and worked_example(d) is not None


def test_one_activation_with_two_parameter_values_gets_two_helpers():
    """leaky_relu with gamma 0.3 in one layer and 0.01 in the next: the program once ran both with the first layer's
    gamma (one helper per activation name). The dense check on the program found it (relative error 33)."""
    net = spec_from_dict({"name": "t", "inputs": 2, "layers": [
        {"units": 3, "activation": {"name": "leaky_relu", "gamma": 0.3}},
        {"units": 3, "activation": {"name": "leaky_relu", "gamma": 0.01}},
        {"units": 2, "activation": "softmax"}], "loss": {"name": "cross_entropy"}, "optimizer": {"name": "sgd"}})
    d = derive(net)
    assert d.all_passed
    program = build_program(net)
    assert [a.name for a in program.activations] == ["leaky_relu", "leaky_relu_2"]
    rng = np.random.default_rng(0)
    params = {"W1": rng.normal(size=(3, 2)), "b1": rng.normal(size=3), "W2": rng.normal(size=(3, 3)),
              "b2": rng.normal(size=3), "W3": rng.normal(size=(2, 3)), "b3": rng.normal(size=2)}
    X, Y = rng.normal(size=(4, 2)), np.eye(2)[[0, 1, 1, 0]]
    mine, theirs = ProgramEvaluator(d).gradients(params, X, Y), DenseReference(d).gradients(params, X, Y)
    for k, g in theirs.items():
        np.testing.assert_allclose(mine[k], g, rtol=1e-12, atol=1e-14, err_msg=k)
