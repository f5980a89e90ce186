"""Claims about the optimizer: its state after one step (S, v, m, G, m̂, v̂) and the next weights, for every
optimizer. The truth is ``tests/dense_reference.py``'s ``step`` (compared with verify's own stepper here) and the
expected formulas are printed from the derivation's ``updates`` (fed back, they verify ``correct``)."""

from __future__ import annotations

import functools

import numpy as np
import pytest
from dense_reference import DenseReference as Evaluator
from gradproof.verify.expected import expected
from gradproof.verify.judge import Claim, Judge
from gradproof.verify.truth import Truth
from helpers_verify import derivation, small

OPTIMIZERS = [
    {"name": "sgd", "learning_rate": 0.5},
    {"name": "momentum", "learning_rate": 0.1, "momentum": 0.9, "variant": "classic"},
    {"name": "momentum", "learning_rate": 0.1, "momentum": 0.9, "variant": "ema"},
    {"name": "momentum", "learning_rate": 0.1, "momentum": 0.9, "variant": "velocity"},
    {"name": "rmsprop", "learning_rate": 0.01, "beta": 0.9, "epsilon": 1e-6, "epsilon_placement": "inside"},
    {"name": "rmsprop", "learning_rate": 0.01, "beta": 0.9, "epsilon": 1e-6, "epsilon_placement": "outside"},
    {"name": "adam", "learning_rate": 0.01, "epsilon_placement": "outside"},
    {"name": "adam", "learning_rate": 0.01, "epsilon_placement": "inside"},
    {"name": "adagrad", "learning_rate": 0.05},
]
IDS = [f"{o['name']}-{o.get('variant', o.get('epsilon_placement', ''))}" for o in OPTIMIZERS]


@functools.lru_cache(maxsize=None)
def _net(i: int, convention: str = "row"):
    return small(convention, "tanh", "sigmoid", "squared_error", optimizer=OPTIMIZERS[i])


@functools.lru_cache(maxsize=None)
def _judge(i: int, convention: str = "row") -> Judge:
    return Judge(_net(i, convention))


@pytest.mark.parametrize("i", range(len(OPTIMIZERS)), ids=IDS)
def test_truth_step_equals_the_evaluator(i):
    d = _net(i)
    truth, ev = Truth(d), Evaluator(d)
    rng = np.random.default_rng(3)
    params, X, Y = truth.random_point(rng)
    for state in (None, truth.later_state(params, rng)):
        out = truth.compute(params, X, Y, state=state)
        ev_state = ev.init_state(params) if state is None else {k: np.copy(v) for k, v in state.items()}
        new = ev.step(params, ev.gradients(params, X, Y), ev_state)
        for k, v in new.items():
            assert np.allclose(out[f"{k}_next"], v)
        for k, v in ev_state.items():
            if k != "t":
                assert np.allclose(out[k], v), k


@pytest.mark.parametrize("convention", ["row", "column"])
@pytest.mark.parametrize("i", range(len(OPTIMIZERS)), ids=IDS)
def test_every_expected_update_and_state_verifies(i, convention):
    d, judge = _net(i, convention), _judge(i, convention)
    kinds = ["W_next", "b_next"] + [f"{u.target}_{p}" for u in d.updates if u.kind != "param" for p in "Wb"]
    for l in (1, 2):
        for kind in kinds:
            e = expected(d, kind, l)
            assert e, f"no expected formula for {kind}{l}"
            q = f"{kind[0]}{l}_next" if kind.endswith("_next") else f"{kind}{l}"
            r = judge.check(Claim(q, e, q))
            assert r.verdict == "correct", f"{q}: {e}: {r.message}"


RIGHT = [
    # RMSprop (reference_mlp: beta = 0.9, eps inside the root), the first step from S = 0
    ("reference_mlp", r"S_{W^{(2)}} = (1-\beta) (\nabla_{W^{(2)}} J)^2"),
    ("reference_mlp", r"S_{dW^{[2]}} = \beta S_{dW^{[2]}} + (1-\beta) dW^{[2]} \odot dW^{[2]}"),
    ("reference_mlp", r"S_{dW^{[2]}} \leftarrow \beta S_{dW^{[2]}} + (1-\beta) (dW^{[2]})^2"),
    ("reference_mlp", r"s_{db^{[1]}} = 0.1 (db^{[1]})^2"),
    ("reference_mlp", r"W^{(2)} \leftarrow W^{(2)} - \alpha \frac{dW^{[2]}}{\sqrt{S_{dW^{[2]}} + \epsilon}}"),
    ("reference_mlp", r"W^{(2)}_{new} = W^{(2)} - \frac{\eta}{\sqrt{S_{W^{(2)}} + \epsilon}} \odot \nabla_{W^{(2)}} J"),
    # Adam (multilabel_column: eps outside), Kingma's m, v and Ng's V_{dW}, S_{dW}
    ("multilabel_column", r"m_{W^{(1)}} = (1-\beta_1) \nabla_{W^{(1)}} J"),
    ("multilabel_column", r"v_{W^{(1)}} = \beta_2 v_{W^{(1)}} + (1-\beta_2) (\nabla_{W^{(1)}} J)^2"),
    ("multilabel_column", r"S_{dW^{[1]}} = (1-\beta_2) dW^{[1]} \odot dW^{[1]}"),
    ("multilabel_column", r"\hat{m}_{W^{(1)}} = \frac{m_{W^{(1)}}}{1-\beta_1^t}"),
    ("multilabel_column", r"V^{corrected}_{dW^{[1]}} = \frac{V_{dW^{[1]}}}{1-\beta_1^t}"),
    ("multilabel_column", r"\hat{v}_{b^{(2)}} = \frac{v_{b^{(2)}}}{1-\beta_2^{t}}"),
    ("multilabel_column", r"W^{(1)} \leftarrow W^{(1)} - \alpha \frac{\hat m_{W^{(1)}}}{\sqrt{\hat v_{W^{(1)}}} + \epsilon}"),
    # AdaGrad
    ("tanh_output_adagrad", r"G_{W^{(1)}} = (\nabla_{W^{(1)}} J)^2"),
    ("tanh_output_adagrad",
     r"G_{W^{(1)}} \leftarrow G_{W^{(1)}} + \frac{\partial J}{\partial W^{(1)}} \odot \frac{\partial J}{\partial W^{(1)}}"),
    ("tanh_output_adagrad", r"W^{(2)} \leftarrow W^{(2)} - \eta \frac{\nabla_{W^{(2)}} J}{\sqrt{G_{W^{(2)}}} + \epsilon}"),
]


@functools.lru_cache(maxsize=None)
def _example(name: str) -> Judge:
    return Judge(derivation(name))


@pytest.mark.parametrize("net, latex", RIGHT)
def test_right_optimizer_claims(net, latex):
    r = _example(net).check(Claim("t", latex))
    assert r.verdict == "correct", r.message


def test_bias_correction_without_t_is_right_at_the_first_step_only():
    r = _example("multilabel_column").check(Claim("t", r"V^{corrected}_{dW^{[1]}} = \frac{V_{dW^{[1]}}}{1-\beta_1}"))
    assert r.verdict == "incorrect" and "right at the first step only" in r.message, r.message


def test_recurrence_is_checked_at_a_later_step_and_says_so():
    r = _example("reference_mlp").check(Claim("t", r"S_{dW^{[2]}} = \beta S_{dW^{[2]}} + (1-\beta) (dW^{[2]})^2"))
    assert r.verdict == "correct" and "state before the step" in r.message
    wrong = _example("reference_mlp").check(Claim("t", r"S_{dW^{[2]}} = S_{dW^{[2]}} + (1-\beta) (dW^{[2]})^2"))
    assert wrong.verdict == "incorrect"


def test_state_claims_name_the_quantity_and_show_the_printed_update():
    r = _example("multilabel_column").check(Claim("t", r"m_{W^{(1)}} = \beta_1 \nabla_{W^{(1)}} J"))
    assert r.verdict == "incorrect" and r.quantity == "m_W1"
    assert r.expected == expected(derivation("multilabel_column"), "m_W", 1)
    assert r.diagnosis_key == "optimizer_beta_for_one_minus_beta"


@pytest.mark.parametrize("latex, why", [
    (r"S = (1-\beta) (\nabla_{W^{(2)}} J)^2 + (\nabla_{W^{(1)}} J)^2", "needs the parameter"),  # two parameters' gradients
    (r"S_{t} = (1-\beta) (\nabla_{W^{(2)}} J)^2", "layer index"),  # S_t is every layer's; W^{(2)} names one
    (r"S_{W} = (1-\beta) (\nabla_{W^{(2)}} J)^2", "layer index"),
])
def test_unreadable_state_claims_say_why(latex, why):
    r = _example("reference_mlp").check(Claim("t", latex))
    assert r.verdict == "unchecked" and why in r.message, r.message


def test_a_bare_state_is_the_state_of_the_one_gradient_it_adds():
    # S written bare in its own update beside one parameter's gradient is that parameter's (forty-eighth round): read
    # as S_{W^{(2)}} is, right at the first step (S starts at 0), wrong without the square
    for bare, written in ((r"S = (1-\beta) (\nabla_{W^{(2)}} J)^2", r"S_{W^{(2)}} = (1-\beta) (\nabla_{W^{(2)}} J)^2"),
                          (r"S = (1-\beta) \nabla_{W^{(2)}} J", r"S_{W^{(2)}} = (1-\beta) \nabla_{W^{(2)}} J")):
        got, want = (_example("reference_mlp").check(Claim("t", t)) for t in (bare, written))
        assert got.verdict == want.verdict != "unchecked", (got.message, want.message)
