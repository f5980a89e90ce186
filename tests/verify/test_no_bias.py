"""Networks whose dense layers have no bias (``bias = false``; Kyle Lo's z = w_lᵀ h, logistic regression without an
intercept, d2l's z = W x): verify's truth has no b for those layers, and answers in a no-bias notation are judged
directly. The truth is checked against PyTorch autograd (``F.linear`` without a bias, as nn.Linear(bias=False)); the
numbers of the worked example are computed here by hand in NumPy, not by verify."""

from __future__ import annotations

import numpy as np
import pytest
from gradproof.derive.derivation import derive
from gradproof.derive.spec import spec_from_dict
from gradproof.verify.cli import verify_file
from gradproof.verify.judge import Claim, Judge
from gradproof.verify.truth import Truth
from layer_twin import torch_objective

#: Kyle Lo's network: z^{(l)} = w_l^T h^{(l-1)} (in x out: the column convention), no bias, tanh then softmax
KYLE = {"name": "kyle", "convention": "column", "inputs": 3,
        "layers": [{"units": 4, "activation": "tanh", "bias": False}, {"units": 3, "activation": "softmax", "bias": False}],
        "loss": {"name": "cross_entropy"}, "optimizer": {"name": "sgd", "learning_rate": 0.5}}
#: only the hidden layer without a bias (row convention)
MIXED = {"name": "mixed", "convention": "row", "inputs": 3,
         "layers": [{"units": 4, "activation": "tanh", "bias": False}, {"units": 2, "activation": "sigmoid"}],
         "loss": {"name": "squared_error"}, "optimizer": {"name": "sgd", "learning_rate": 0.5}}


def _derived(table):
    return derive(spec_from_dict(table, f"<{table['name']}>"), check=False)


@pytest.mark.parametrize("table", [KYLE, MIXED], ids=["kyle", "mixed"])
@pytest.mark.parametrize("batch", [1, 3])
def test_the_truth_has_no_bias_and_its_gradients_are_autograds(table, batch):
    pytest.importorskip("torch")
    d = _derived(table)
    truth = Truth(d, batch)
    params, X, Y = truth.random_point(np.random.default_rng(3))
    free = [layer.index for layer in d.network.layers if not layer.bias]
    assert not {f"b{l}" for l in free} & set(params) and all(f"W{l}" in params for l in free)
    out = truth.compute(params, X, Y)
    assert not {f"db{l}" for l in free} & set(out)
    J, P, _ = torch_objective(d.network, params, X, Y, {})
    J.backward()
    assert np.isclose(out["loss"], J.item(), rtol=1e-12)
    for key, tensor in P.items():
        np.testing.assert_allclose(out[f"d{key}"], tensor.grad.numpy(), rtol=1e-9, atol=1e-12, err_msg=key)


KYLE_CLAIMS = [  # one sample as a column, in Kyle Lo's notation: no bias anywhere
    (r"z^{(1)} = (W^{(1)})^T x", "correct"),
    (r"z^{(2)} = {W^{(2)}}^T h^{(1)}", "correct"),
    (r"z^{(2)} = W^{(2)} h^{(1)}", "incorrect"),  # planted: the transpose lost (4 x 3 times 4)
    (r"\delta^{(2)} = \hat{y} - y", "correct"),
    (r"\frac{\partial J}{\partial W^{(2)}} = h^{(1)} (\delta^{(2)})^T", "correct"),
    (r"\frac{\partial J}{\partial W^{(2)}} = \delta^{(2)} (h^{(1)})^T", "incorrect"),  # planted: the row convention's
    (r"\delta^{(1)} = W^{(2)} \delta^{(2)} \odot (1 - h^{(1)} \odot h^{(1)})", "correct"),
    (r"\delta^{(1)} = W^{(2)} \delta^{(2)} \odot \tanh^2(z^{(1)})", "incorrect"),  # planted: tanh' as tanh^2
    (r"\frac{\partial J}{\partial W^{(1)}} = x (\delta^{(1)})^T", "correct"),
    (r"W^{(1)} \leftarrow W^{(1)} - 0.5 x (\delta^{(1)})^T", "correct"),
    (r"W^{(1)} \leftarrow W^{(1)} - 0.5 (\delta^{(1)})^T x", "incorrect"),  # planted: 3 x 1 times ... wrong shape
]


@pytest.mark.parametrize(("latex", "want"), KYLE_CLAIMS)
def test_claims_in_a_no_bias_notation(latex, want):
    assert Judge(_derived(KYLE)).check(Claim("t", latex)).verdict == want


@pytest.mark.parametrize("latex", [r"\frac{\partial J}{\partial b^{(2)}} = \delta^{(2)}", r"z^{(1)} = (W^{(1)})^T x + b^{(1)}",
                                   r"b^{(2)} \leftarrow b^{(2)} - 0.5 \delta^{(2)}"])
def test_a_claim_about_the_bias_of_a_layer_without_one_is_unchecked_with_the_reason(latex):
    # a TA grading against the spec's model cannot judge a bias the model does not have: the answer's own model
    # differs there, which is no mistake in the derivation (its other claims are judged)
    result = Judge(_derived(KYLE)).check(Claim("t", latex))
    assert result.verdict == "unchecked"
    assert "has no bias (bias = false)" in result.message and "layer " in result.message


def test_a_claim_for_every_layer_about_b_is_judged_where_a_bias_exists():
    j = Judge(_derived(MIXED))
    right = j.check(Claim("t", r"\frac{\partial J}{\partial b^{(l)}} = \delta^{(l)}"))
    assert right.verdict == "correct" and "layer 1" not in right.message
    wrong = j.check(Claim("t", r"\frac{\partial J}{\partial b^{(l)}} = 2 \delta^{(l)}"))
    assert wrong.verdict == "incorrect"
    assert j.check(Claim("t", r"\frac{\partial J}{\partial b^{(1)}} = \delta^{(1)}")).verdict == "unchecked"


def test_a_document_without_biases_is_judged_directly():
    """No bias-free points are needed (the spec has no bias to set to 0), and nothing says so."""
    j = Judge(_derived(KYLE))
    results = j.check_all([Claim("1", r"z^{(1)} = (W^{(1)})^T x"), Claim("2", r"\delta^{(2)} = \hat{y} - y"),
                           Claim("3", r"\frac{\partial J}{\partial W^{(1)}} = x (\delta^{(1)})^T")])
    assert [r.verdict for r in results] == ["correct"] * 3
    assert not any("every bias is 0" in note for note in j.inferred)


def _matrix(a: np.ndarray) -> str:
    rows = np.atleast_2d(a)
    return r"\begin{bmatrix}" + r" \\ ".join(" & ".join(f"{v:.4f}" for v in row) for row in rows) + r"\end{bmatrix}"


def test_a_worked_example_without_biases_by_hand(tmp_path):
    """Kyle Lo's network on one sample: every number computed here in NumPy from the formulas written out, one
    planted wrong entry; verify's CLI path (an answers file with [values] and an inline spec) judges them."""
    x, y = np.array([0.5, -1.0, 2.0]), np.array([0.0, 1.0, 0.0])
    W1 = np.array([[0.1, -0.2, 0.3, 0.0], [0.4, 0.1, -0.1, 0.2], [-0.3, 0.2, 0.1, 0.1]])  # 3 x 4: in x out
    W2 = np.array([[0.2, -0.1, 0.0], [0.1, 0.3, -0.2], [-0.2, 0.1, 0.4], [0.3, 0.0, 0.1]])  # 4 x 3
    z1 = W1.T @ x
    h1 = np.tanh(z1)
    z2 = W2.T @ h1
    yhat = np.exp(z2) / np.exp(z2).sum()
    d2 = yhat - y
    d1 = (W2 @ d2) * (1 - h1**2)
    dW1, dW2 = np.outer(x, d1), np.outer(h1, d2)
    planted = dW1.copy()
    planted[1, 2] += 0.05
    claims = {"z1": rf"z^{{(1)}} = {_matrix(z1[:, None])}", "yhat": rf"\hat{{y}} = {_matrix(yhat[:, None])}",
              "dW2": rf"\frac{{\partial J}}{{\partial W^{{(2)}}}} = {_matrix(dW2)}",
              "dW1": rf"\frac{{\partial J}}{{\partial W^{{(1)}}}} = {_matrix(dW1)}",
              "dW1_planted": rf"\frac{{\partial J}}{{\partial W^{{(1)}}}} = {_matrix(planted)}"}
    lines = ['[spec]', 'name = "kyle"', 'convention = "column"', "inputs = 3",
             "[[spec.layers]]", "units = 4", 'activation = "tanh"', "bias = false",
             "[[spec.layers]]", "units = 3", 'activation = "softmax"', "bias = false",
             "[spec.loss]", 'name = "cross_entropy"', "[spec.optimizer]", 'name = "sgd"', "learning_rate = 0.5",
             "[values]", f"x = {x.tolist()}", f"y = {y.tolist()}", f"W1 = {W1.tolist()}", f"W2 = {W2.tolist()}"]
    for cid, latex in claims.items():
        lines += ["[[claims]]", f'id = "{cid}"', f"latex = '{latex}'"]
    path = tmp_path / "answers.toml"
    path.write_text("\n".join(lines) + "\n")
    results, _meta, _s = verify_file(str(path))
    got = {r.id: r.verdict for r in results}
    assert got == {"z1": "correct", "yhat": "correct", "dW2": "correct", "dW1": "correct", "dW1_planted": "incorrect"}


def test_values_for_a_bias_the_spec_does_not_have_are_refused_with_the_fix(tmp_path):
    from gradproof.derive.errors import AnswerError

    path = tmp_path / "answers.toml"
    path.write_text("\n".join(['[spec]', 'name = "kyle"', 'convention = "column"', "inputs = 1",
                               "[[spec.layers]]", "units = 1", 'activation = "sigmoid"', "bias = false",
                               "[spec.loss]", 'name = "binary_cross_entropy"', "[spec.optimizer]", 'name = "sgd"',
                               "[values]", "x = [1.0]", "y = [1.0]", "W1 = [[0.5]]", "b1 = [0.1]",
                               "[[claims]]", 'id = "1"', "latex = 'z^{(1)} = 0.5'"]) + "\n")
    with pytest.raises(AnswerError) as err:
        verify_file(str(path))
    assert str(err.value) == f"{path}: values.b1: layer 1 has no bias (bias = false in the spec); remove b1"


def test_the_expected_expression_has_no_bias_where_the_spec_has_none():
    j = Judge(_derived(KYLE))
    wrong = j.check(Claim("t", r"z^{(2)} = W^{(2)} h^{(1)}"))
    assert wrong.verdict == "incorrect" and "W}_0" not in wrong.expected and "mathbf{b}" not in wrong.expected
    assert r"\mathbf{h}^{(1)}" in wrong.expected
    assert j.check(Claim("t", r"\frac{\partial J}{\partial b^{(2)}} = \delta^{(2)}")).expected == ""
