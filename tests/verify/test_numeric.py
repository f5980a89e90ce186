"""Numeric worked examples: tolerance follows the digits written; errors carried forward; the truth pipeline."""

from __future__ import annotations

import numpy as np
import pytest
from dense_reference import DenseReference as Evaluator
from gradproof.verify.judge import Claim, Judge, _close
from gradproof.verify.truth import Truth
from helpers_verify import DENSE_NAMES, derivation, small

NAMES = DENSE_NAMES


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("batch", [1, 3])
def test_truth_pipeline_matches_the_evaluator(name, batch):
    """Verify's truth is the batch program (run by ProgramEvaluator.trace); the dense matrix formulas of
    ``tests/dense_reference.py`` (typed apart from the program) give every quantity they name the same."""
    d = derivation(name)
    t, ev = Truth(d, batch), Evaluator(d)
    params, X, Y = t.random_point(np.random.default_rng(1))
    mine, theirs = t.compute(params, X, Y), ev.backward(params, X, Y)
    for k, v in theirs.items():
        np.testing.assert_allclose(mine[k], v, rtol=1e-12, atol=1e-14, err_msg=k)
    assert mine["loss"] == pytest.approx(ev.loss(params, X, Y))
    new = ev.step(params, ev.gradients(params, X, Y), ev.init_state(params))
    np.testing.assert_allclose(mine["W1_next"], new["W1"])


def test_overrides_recompute_downstream_only():
    d = small("row", "tanh", "sigmoid")
    t = Truth(d)
    params, X, Y = t.random_point(np.random.default_rng(2))
    base = t.compute(params, X, Y)
    wrong = base["delta2"] * 2
    over = t.compute(params, X, Y, over={"delta2": wrong})
    np.testing.assert_allclose(over["z2"], base["z2"])  # upstream untouched
    np.testing.assert_allclose(over["dW2"], wrong.T @ base["h1"])  # downstream from the override
    assert not np.allclose(over["delta1"], base["delta1"])


def _tex(v, digits):
    v = np.atleast_2d(v)
    rows = [" & ".join(f"{x:.{digits}f}" for x in r) for r in v]
    return r"\begin{bmatrix} " + r" \\ ".join(rows) + r" \end{bmatrix}"


@pytest.fixture()
def worked():
    d = small("row", "tanh", "sigmoid")
    t = Truth(d)
    params, X, Y = t.random_point(np.random.default_rng(3))
    values = {"params": params, "x": X, "y": Y}
    return d, values, t.to_course(t.compute(params, X, Y)), t


@pytest.mark.parametrize("digits", [2, 3, 4, 6])
def test_rounded_values_are_correct_at_any_precision(worked, digits):
    d, values, truth, _ = worked
    judge = Judge(d, values=values)
    r = judge.check(Claim("z", rf"z^{{(1)}} = {_tex(truth[('z', 1)], digits)}"))
    assert r.verdict == "correct", r.message
    assert "half a unit" in r.tolerance


def test_tolerance_follows_the_digits_written(worked):
    d, values, truth, _ = worked
    z = truth[("z", 1)].copy()
    z[0, 0] += 3 * 10.0 ** -4 + 0.02 * abs(z[0, 0])  # off by 3 units of the 4th decimal, beyond 1 % too
    judge = Judge(d, values=values)
    r = judge.check(Claim("z", rf"z^{{(1)}} = {_tex(z, 4)}"))
    assert r.verdict == "incorrect"
    assert r.counterexample["entry"] == [1, 1]


def test_tolerance_unit():
    assert _close(np.array(0.6274), np.array(0.627), np.array(3))
    assert _close(np.array(0.6274), np.array(0.63), np.array(2))
    assert not _close(np.array(0.6274), np.array(0.620), np.array(3))
    assert _close(np.array(100.4), np.array(101.0), np.array(1))  # 1 % relative floor
    assert not _close(np.array(100.4), np.array(102.0), np.array(1))


def test_error_carried_forward(worked):
    d, values, truth, t = worked
    judge = Judge(d, values=values)
    wrong_delta2 = truth[("delta", 2)] * 1.5 + 0.1
    r1 = judge.check(Claim("a", rf"\delta^{{(2)}} = {_tex(wrong_delta2, 5)}"))
    assert r1.verdict == "incorrect"
    # the student's next step, computed from their own delta^(2) by the truth pipeline with that override
    rows = t.compute(values["params"], values["x"], values["y"], over={"delta2": wrong_delta2.T})
    dW2 = rows["dW2"]
    r2 = judge.check(Claim("b", rf"\frac{{\partial J}}{{\partial W^{{(2)}}}} = {_tex(dW2, 5)}"))
    assert r2.verdict == "carried_forward", r2.message
    # and a value that is wrong both ways stays wrong
    r3 = judge.check(Claim("c", rf"\frac{{\partial J}}{{\partial b^{{(2)}}}} = {_tex(dW2[:, :1] + 1, 5)}"))
    assert r3.verdict == "incorrect"


def test_rounded_earlier_values_carry_as_correct(worked):
    d, values, truth, t = worked
    judge = Judge(d, values=values)
    coarse = np.round(truth[("delta", 2)], 2)
    assert judge.check(Claim("a", rf"\delta^{{(2)}} = {_tex(coarse, 2)}")).verdict == "correct"
    rows = t.compute(values["params"], values["x"], values["y"], over={"delta2": coarse.T})
    r = judge.check(Claim("b", rf"\frac{{\partial J}}{{\partial h^{{(1)}}}} = {_tex(rows['dh1'].T, 6)}"))
    assert r.verdict in ("correct", "carried_forward")
    assert r.verdict == "correct" or "carried" in r.message


def test_numeric_learning_rate_diagnosis(worked):
    d, values, truth, _ = worked
    judge = Judge(d, values=values)
    W, g = truth[("W", 2)], truth[("dW", 2)]
    claim = rf"W^{{(2)}} \leftarrow W^{{(2)}} - \eta \frac{{\partial J}}{{\partial W^{{(2)}}}} = {_tex(W - 1.0 * g, 6)}"
    r = judge.check(Claim("u", claim))
    assert r.verdict == "incorrect" and r.diagnosis == "this matches a learning rate of 1, not 0.5"


def test_numeric_transposed_result(worked):
    d, values, truth, _ = worked
    judge = Judge(d, values=values)
    r = judge.check(Claim("t", rf"\frac{{\partial J}}{{\partial W^{{(2)}}}} = {_tex(truth[('dW', 2)].T, 6)}"))
    assert r.verdict == "incorrect" and r.diagnosis_key == "transposed_result"


def test_numeric_tanh_squared_variant(worked):
    d, values, truth, t = worked
    judge = Judge(d, values=values)
    wrong = truth[("dh", 1)] * truth[("h", 1)] ** 2
    r = judge.check(Claim("d", rf"\delta^{{(1)}} = {_tex(wrong, 6)}"))
    assert r.verdict == "incorrect" and r.diagnosis_key == "tanh_squared"


@pytest.mark.parametrize("mark", ["_{new}", r"_{\text{new}}", r"^{+}", r"_{\mathrm{next}}"])
def test_updated_weight_written_with_a_mark(worked, mark):
    d, values, truth, _ = worked
    judge = Judge(d, values=values)
    W, g, lr = truth[("W", 2)], truth[("dW", 2)], d.network.hyper_dict["learning_rate"]
    right = judge.check(Claim("u", rf"W^{{(2)}}{mark} = {_tex(W - lr * g, 6)}"))
    assert right.verdict == "correct", right.message
    wrong = judge.check(Claim("u", rf"W^{{(2)}}{mark} = {_tex(W - 2 * lr * g, 6)}"))
    assert wrong.verdict == "incorrect" and wrong.diagnosis == f"this matches a learning rate of {2 * lr:g}, not {lr:g}"


def test_numeric_output_layer_variant(worked):
    """A wrong φ' at the output layer: the output error becomes dℓ/dŷ ⊙ φ'_wrong (here σ² for σ(1 − σ))."""
    d, values, truth, _ = worked
    judge = Judge(d, values=values)
    wrong = truth[("dyhat", None)] * truth[("h", 2)] ** 2
    r = judge.check(Claim("d", rf"\delta^{{(2)}} = {_tex(wrong, 6)}"))
    assert r.verdict == "incorrect" and r.diagnosis_key == "sigmoid_squared", r.message


def test_a_variant_is_found_in_either_scaling_of_a_batch():
    """∂J/∂Z of the mean J and the per-sample δ are one array of the program: recomputing the claimed quantity with a
    wrong φ' must give neither as known (a batch's ∂J/∂Z¹ = ∂J/∂H¹ ⊙ H¹ is the activation where φ' belongs)."""
    judge = Judge(small("row", "tanh", "sigmoid"), batch=3)
    r = judge.check(Claim("d", r"\frac{\partial J}{\partial Z^{(1)}} = \frac{\partial J}{\partial H^{(1)}} \odot H^{(1)}"))
    assert r.verdict == "incorrect" and r.diagnosis_key == "activation_for_derivative", r.message


def test_the_trace_replaces_only_the_named_layers_derivative():
    """ProgramEvaluator.trace's ``dphi``: the wrong φ' of layer 1 changes D1 (and what follows), nothing before it."""
    d = small("row", "tanh", "sigmoid")
    t = Truth(d, 3)
    params, X, Y = t.random_point(np.random.default_rng(4))
    base = t.ev.trace(params, X, Y, {})
    wrong = t.ev.trace(params, X, Y, {}, dphi=lambda name, Z, H: H**2 if name == "1" else None)
    np.testing.assert_allclose(wrong["D2"], base["D2"])
    np.testing.assert_allclose(wrong["D1"], base["dH_H1"] * base["H1"] ** 2)
    assert not np.allclose(wrong["dW1"], base["dW1"])
