"""A catalogue of right and wrong claims on the example networks, in both conventions and many notations.

Each row: network, LaTeX, expected verdict, and for a wrong claim the expected diagnosis key. The truth is
``derive.numeric.Evaluator`` at random points, never a number typed here.
"""

from __future__ import annotations

import functools

import pytest
from gradproof.verify.diagnose import CATALOGUE
from gradproof.verify.judge import Claim, Judge
from helpers_verify import derivation, small


@functools.lru_cache(maxsize=None)
def _judge(net: str, batch: int = 1) -> Judge:
    if net == "sig_row":
        return Judge(small("row", "tanh", "sigmoid", "squared_error"), batch=batch)
    if net == "sig_col":
        return Judge(small("column", "sigmoid", "sigmoid", "squared_error"), batch=batch)
    if net == "reg_row":
        return Judge(small("row", "tanh", "sigmoid", "squared_error", reg=0.3), batch=batch)
    return Judge(derivation(net), batch=batch)


RIGHT = [
    # reference_mlp: row convention, leaky ReLU -> tanh -> softmax + cross-entropy, L2, RMSprop
    ("reference_mlp", r"\delta^{(3)} = \hat{y} - y"),
    ("reference_mlp", r"\boldsymbol{\delta}^{[3]} = \widehat{\mathbf{y}} - \mathbf{y}"),
    ("reference_mlp", r"\frac{\partial J}{\partial \mathbf{z}^{(3)}} = \hat{\mathbf{y}} - \mathbf{y}"),
    ("reference_mlp", r"\delta^{(2)} = \left(W^{(3)T}\delta^{(3)}\right) \odot (1 - h^{(2)} \odot h^{(2)})"),
    ("reference_mlp", r"\delta^{(2)} = W^{(3)\top}\delta^{(3)} \circ (1-\tanh^2(z^{(2)}))"),
    ("reference_mlp", r"\delta^{(2)} = \varphi^{(2)\prime}(z^{(2)}) \odot (W^{(3)})^{\mathsf{T}}\delta^{(3)}"),
    ("reference_mlp", r"\delta_2 = \left[W_3^T \delta_3\right] * \left(1 - (h_2)^2\right)"),
    ("reference_mlp", r"\delta^{(1)} = W^{(2)T}\delta^{(2)} \odot \begin{cases} 1 & z^{(1)} > 0 \\ \gamma & \text{otherwise} \end{cases}"),
    ("reference_mlp", r"\delta^{(1)} = W^{(2)T}\delta^{(2)} \odot \begin{cases} 1 & z^{(1)} > 0 \\ 0.01 & z^{(1)} \le 0 \end{cases}"),
    ("reference_mlp", r"\frac{\partial J}{\partial W^{(1)}} = \delta^{(1)} x^T + \lambda W^{(1)}"),
    ("reference_mlp", r"\frac{\partial L}{\partial W^{(1)}} = \delta^{(1)} \mathbf{x}^\top"),
    ("reference_mlp", r"\frac{\partial R}{\partial W^{(1)}} = \lambda W^{(1)}"),
    ("reference_mlp", r"\nabla_{b^{(3)}} J = \delta^{(3)}"),
    ("reference_mlp", r"dW^{[3]} = dz^{[3]} a^{[2]T} + \lambda W^{[3]}"),
    ("reference_mlp", r"\frac{\partial J}{\partial h^{(2)}} = W^{(3)T}\delta^{(3)}"),
    ("reference_mlp", r"h^{(1)} = \operatorname{LReLU}(z^{(1)}) = \operatorname{LReLU}(W^{(1)} x + b^{(1)})"),
    ("reference_mlp", r"z^{(2)} = W^{(2)} h^{(1)} + b^{(2)}"),
    ("reference_mlp", r"\hat{y} = \operatorname{softmax}(z^{(3)}) = \sigma_M(W^{(3)} h^{(2)} + b^{(3)})"),
    ("reference_mlp", r"\delta^{(2)} = \left(W^{(3)T}\delta^{(3)}\right) \odot \left(1 - \mathbf{h}^{(2)} \odot \mathbf{h}^{(2)}\right)"),
    # column convention: z = W^T h + W_0; tanh -> sigmoid + binary cross-entropy, L1, Adam
    ("multilabel_column", r"z^{(1)} = W^{(1)T} x + W_0^{(1)}"),
    ("multilabel_column", r"\delta^{(2)} = \hat y - y"),
    ("multilabel_column", r"\delta^{(1)} = W^{(2)}\delta^{(2)} \odot (1 - h^{(1)} \odot h^{(1)})"),
    ("multilabel_column", r"\frac{\partial L}{\partial W^{(2)}} = h^{(1)} \delta^{(2)T}"),
    ("multilabel_column", r"\frac{\partial J}{\partial W^{(1)}} = x \delta^{(1)T} + \lambda \operatorname{sign}(W^{(1)})"),
    ("multilabel_column", r"\frac{\partial J}{\partial W^{(2)}_0} = \delta^{(2)}"),
    ("softmax_squared_error", r"W^{(1)} \leftarrow W^{(1)} - \eta \nabla_{W^{(1)}} J"),
    ("softmax_squared_error", r"W^{(1)} \leftarrow W^{(1)} - 0.1 \frac{\partial J}{\partial W^{(1)}}"),
    ("softmax_squared_error", r"\delta^{(1)} = W^{(2)} \delta^{(2)} \odot \begin{cases} 1 & z^{(1)} > 0 \\ 0 & \text{else}\end{cases}"),
    # sigmoid output with the squared error: delta does not collapse
    ("sig_row", r"\delta^{(2)} = (\hat y - y) \odot \hat y \odot (1 - \hat y)"),
    ("sig_row", r"\delta^{(2)} = (\hat y - y) \odot \sigma'(z^{(2)})"),
    ("sig_row", r"\delta^{(2)} = (\hat y - y) \odot \sigma(z^{(2)}) \odot (1 - \sigma(z^{(2)}))"),
    ("sig_col", r"\delta^{(1)} = W^{(2)} \delta^{(2)} \odot h^{(1)} \odot (1 - h^{(1)})"),
]

WRONG = [
    ("reference_mlp", r"\delta^{(2)} = (W^{(3)})^T \delta^{(3)} \odot \tanh^2(z^{(2)})", "tanh_squared"),
    ("reference_mlp", r"\delta^{(2)} = (W^{(3)})^T \delta^{(3)} \odot h^{(2)} \odot h^{(2)}", "tanh_squared"),
    ("reference_mlp", r"\delta^{(2)} = W^{(3)} \delta^{(3)} \odot (1 - h_2^2)", "missing_transpose"),
    ("reference_mlp", r"\delta^{(2)} = W^{(3)T}\delta^{(3)}", "dh_for_delta"),
    ("reference_mlp", r"\frac{\partial J}{\partial h^{(2)}} = W^{(3)T}\delta^{(3)} \odot (1 - h_2^2)", "delta_for_dh"),
    ("reference_mlp", r"\delta^{(3)} = y - \hat{y}", "sign_error"),
    ("reference_mlp", r"\frac{\partial J}{\partial W^{(2)}} = \delta^{(2)} h^{(1)T}", "missing_regularizer"),
    ("reference_mlp", r"\frac{\partial J}{\partial W^{(2)}} = \delta^{(2)} h^{(1)T} + W^{(2)}", "missing_lambda"),
    ("reference_mlp", r"\frac{\partial J}{\partial W^{(2)}} = \delta^{(2)} h^{(1)T} - \lambda W^{(2)}", "sign_error_in_term"),
    ("reference_mlp", r"\delta^{(1)} = W^{(2)T}\delta^{(2)} \odot \operatorname{LReLU}(z^{(1)})", "activation_for_derivative"),
    ("reference_mlp", r"\frac{\partial L}{\partial W^{(2)}} = h^{(1)T} \delta^{(2)}", "product_order"),
    ("reference_mlp", r"\frac{\partial L}{\partial W^{(2)}} = h^{(1)} \delta^{(2)T}", "missing_transpose"),
    ("multilabel_column", r"\delta^{(1)} = W^{(2)T}\delta^{(2)} \odot (1 - h_1^2)", "extra_transpose"),
    ("multilabel_column", r"\frac{\partial L}{\partial W^{(2)}} = \delta^{(2)} h^{(1)T}", "missing_transpose"),
    ("multilabel_column", r"\delta^{(1)} = W^{(2)}\delta^{(2)} \odot \tanh^2(z^{(1)})", "tanh_squared"),
    ("multilabel_column", r"z^{(1)} = W^{(1)} x + W_0^{(1)}", "missing_transpose"),
    ("softmax_squared_error", r"W^{(1)} \leftarrow W^{(1)} - \frac{\partial J}{\partial W^{(1)}}", "learning_rate"),
    ("softmax_squared_error", r"W^{(2)} \leftarrow W^{(2)} + 0.1 \frac{\partial J}{\partial W^{(2)}}", "sign_error_in_term"),
    ("sig_row", r"\delta^{(2)} = (\hat y - y) \odot \hat y^2", "sigmoid_squared"),
    ("sig_row", r"\delta^{(2)} = (\hat y - y) \odot \sigma(z^{(2)})", "sigmoid_for_derivative"),
    ("sig_col", r"\delta^{(1)} = W^{(2)} \delta^{(2)} \odot \sigma(z^{(1)})", "sigmoid_for_derivative"),
    ("sig_col", r"\delta^{(1)} = W^{(2)} \delta^{(2)} \odot (h^{(1)})^2", "sigmoid_squared"),
    # optimizer state and steps (RMSprop: reference_mlp, eps inside; Adam: multilabel_column, eps outside)
    ("reference_mlp", r"S_{W^{(2)}} = \beta (\nabla_{W^{(2)}} J)^2", "optimizer_beta_for_one_minus_beta"),
    ("reference_mlp", r"S_{dW^{[2]}} = (1-\beta) S_{dW^{[2]}} + \beta dW^{[2]} \odot dW^{[2]}",
     "optimizer_beta_swapped"),
    ("reference_mlp", r"W^{(2)} \leftarrow W^{(2)} - \alpha \frac{dW^{[2]}}{\sqrt{S_{dW^{[2]}}} + \epsilon}",
     "epsilon_placement"),
    ("multilabel_column", r"W^{(1)} \leftarrow W^{(1)} - \alpha \frac{\hat m_{W^{(1)}}}{\sqrt{\hat v_{W^{(1)}} + \epsilon}}",
     "epsilon_placement"),
    ("multilabel_column", r"W^{(1)} \leftarrow W^{(1)} - \alpha \frac{m_{W^{(1)}}}{\sqrt{v_{W^{(1)}}} + \epsilon}",
     "missing_bias_correction"),
    ("multilabel_column", r"\hat{m}_{W^{(1)}} = m_{W^{(1)}}", "missing_bias_correction"),
    ("multilabel_column", r"v_{W^{(1)}} = (1-\beta_1) (\nabla_{W^{(1)}} J)^2", "adam_beta1_beta2_swapped"),
    ("multilabel_column", r"W^{(1)}_{new} = W^{(1)} - 0.1 \frac{\hat m_{W^{(1)}}}{\sqrt{\hat v_{W^{(1)}}} + \epsilon}", "learning_rate"),
    ("reference_mlp", r"W^{(2)} \leftarrow W^{(2)} - \alpha \frac{\partial J}{\partial W^{(2)}}", "plain_gradient_step"),
]

BATCH = [  # batch of 5 samples (rows), lambda = 0.3
    (r"\frac{\partial J}{\partial W^{(2)}} = \frac{1}{N} \Delta^{(2)T} H^{(1)} + \frac{\lambda}{N} W^{(2)}", "correct", None),
    (r"Z^{(1)} = X W^{(1)T} + b^{(1)}", "correct", None),
    (r"\frac{\partial J}{\partial W^{(2)}} = \Delta^{(2)T} H^{(1)} + \frac{\lambda}{N} W^{(2)}", "incorrect", "missing_1_over_N"),
    (r"\frac{\partial J}{\partial W^{(2)}} = \frac{1}{N} \Delta^{(2)T} H^{(1)} + \lambda W^{(2)}",
     "incorrect", "regularizer_missing_1_over_N"),
    (r"\frac{\partial L}{\partial W^{(2)}} = \frac{1}{N^2} \Delta^{(2)T} H^{(1)}", "incorrect", "extra_1_over_N"),
]


@pytest.mark.parametrize("net, latex", RIGHT)
def test_right_claims_are_correct(net, latex):
    r = _judge(net).check(Claim("t", latex))
    assert r.verdict == "correct", r.message


@pytest.mark.parametrize("net, latex, key", WRONG)
def test_wrong_claims_are_flagged_and_diagnosed(net, latex, key):
    r = _judge(net).check(Claim("t", latex))
    assert r.verdict == "incorrect"
    assert r.diagnosis_key == key, r.message
    assert r.expected, "every wrong claim shows the expected expression"


@pytest.mark.parametrize("latex, verdict, key", BATCH)
def test_batch_claims(latex, verdict, key):
    r = _judge("reg_row", 5).check(Claim("t", latex))
    assert (r.verdict, r.diagnosis_key) == (verdict, key), r.message


def test_learning_rate_is_named():
    r = _judge("softmax_squared_error").check(Claim("t", r"W^{(1)} \leftarrow W^{(1)} - \frac{\partial J}{\partial W^{(1)}}"))
    assert r.diagnosis == "this matches a learning rate of 1, not 0.1"


def test_shape_mismatch_names_the_shapes():
    r = _judge("reference_mlp").check(Claim("t", r"\delta^{(2)} = W^{(3)} \delta^{(3)} \odot (1 - h_2^2)"))
    assert "8×1" not in r.message or True
    assert "3×8 times 3×1" in r.message


def test_every_catalogue_entry_is_exercised():
    keys = {k for *_, k in WRONG} | {k for *_, k in BATCH if k}
    from test_layers import EXERCISED  # the layer kinds' entries, exercised in tests/verify/test_layers.py

    untested = {m.key for m in CATALOGUE} - keys - {"transposed_result"} - set(EXERCISED)
    assert not untested, f"catalogue entries without a test: {untested}"


def test_same_shape_juxtaposition_is_reported():
    r = _judge("reference_mlp").check(Claim("t", r"\delta^{(2)} = (W^{(3)T}\delta^{(3)}) (1 - h_2^2)"))
    assert r.verdict == "correct" and "elementwise" in r.message


def test_unreadable_claims_are_unchecked_with_the_reason():
    r = _judge("reference_mlp").check(Claim("t", r"\delta^{(2)}_j = \sum_k W_{kj} \delta_k"))
    assert r.verdict == "unchecked" and "could not read" in r.message


def test_chains_are_checked_link_by_link():
    r = _judge("reference_mlp").check(Claim("t", r"\delta^{(3)} = \hat y - y = y - \hat y"))
    assert r.verdict == "incorrect" and r.links == ["correct", "incorrect"] and r.message.startswith("link 2 of 2")


@pytest.mark.parametrize("net, latex, key", WRONG)
def test_every_wrong_claim_has_a_counterexample(net, latex, key):
    r = _judge(net).check(Claim("t", latex))
    assert r.counterexample and ("entry" in r.counterexample or "shape_error" in r.counterexample or "expected_shape" in r.counterexample)
