"""The gradient with respect to the input (issue 10): ``\\frac{\\partial J}{\\partial x}``, ``\\nabla_x J``, Ng's and
CS231n's ``dx``, ``\\frac{\\partial J}{\\partial \\mathbf{X}}`` — CS224n's word-vector gradients, CS231n's
affine_backward. Verify's truth is the batch program's Δ¹ applied to W¹ once more (truth.Truth._input_gradient); here
it is checked against PyTorch autograd of the same objective by X, then claims in every layout, right and planted.
"""

from __future__ import annotations

import numpy as np
import pytest
from gradproof.derive.derivation import derive
from gradproof.derive.spec import spec_from_dict
from gradproof.verify.judge import Claim, Judge
from gradproof.verify.truth import Truth
from helpers_verify import small
from layer_twin import torch_forward


@pytest.mark.parametrize("convention", ["row", "column"])
@pytest.mark.parametrize("batch", [1, 3])
@pytest.mark.parametrize("loss", ["squared_error", "cross_entropy"])
def test_input_gradient_is_autograds(convention, batch, loss):
    torch = pytest.importorskip("torch")
    d = small(convention=convention, output="softmax" if loss == "cross_entropy" else "sigmoid", loss=loss)
    truth = Truth(d, batch)
    params, X, Y = truth.random_point(np.random.default_rng(7))
    out = truth.compute(params, X, Y)
    P = {k: torch.tensor(v, dtype=torch.float64) for k, v in params.items()}
    Xt = torch.tensor(X, dtype=torch.float64, requires_grad=True)
    Yt = torch.tensor(Y, dtype=torch.float64)
    yhat, z = torch_forward(d.network, P, Xt, {})
    if loss == "cross_entropy":
        J = -(Yt * torch.log_softmax(z, dim=1)).sum() / batch
    else:
        J = ((yhat - Yt) ** 2 / 2).sum() / batch
    J.backward()
    assert np.allclose(out["loss"], J.item())
    assert np.allclose(out["dx"], Xt.grad.numpy(), atol=1e-12)
    assert np.allclose(out["dxs"], batch * Xt.grad.numpy(), atol=1e-12)


ONE = [  # one sample (batch 1), the spec's row convention (z = W x + b): a column x
    (r"\frac{\partial J}{\partial x} = (W^{(1)})^T \delta^{(1)}", "correct"),
    (r"\nabla_x J = W^{(1)T} \delta^{(1)}", "correct"),
    (r"dx = W^{(1)T} dz^{(1)}", "correct"),
    (r"\frac{\partial J}{\partial h^{(0)}} = {W^{(1)}}^T \delta^{(1)}", "correct"),
    (r"\frac{\partial J}{\partial x} = W^{(1)} \delta^{(1)}", "incorrect"),  # no transpose
    (r"\frac{\partial J}{\partial x} = (W^{(2)})^T \delta^{(2)}", "incorrect"),  # the next layer's: that is ∂J/∂h¹
    # the chain rule in the numerator (Jacobian) layout, CS224n: ∂J/∂z is a row, so is ∂J/∂x
    (r"\frac{\partial J}{\partial x} = \frac{\partial J}{\partial z^{(1)}} \frac{\partial z^{(1)}}{\partial x}", "correct"),
    (r"\frac{\partial J}{\partial x} = \frac{\partial J}{\partial z^{(1)}} \frac{\partial z^{(1)}}{\partial x} = \delta^{(1)T} W^{(1)}",
     "correct"),
    (r"\frac{\partial J}{\partial x} = \frac{\partial J}{\partial z^{(1)}} \frac{\partial z^{(1)}}{\partial x} = \delta^{(1)T} W^{(2)}",
     "incorrect"),
]


@pytest.mark.parametrize(("latex", "want"), ONE)
def test_one_sample(latex, want):
    result = Judge(small()).check(Claim("t", latex))
    assert result.verdict == want, result.message


@pytest.mark.parametrize(("latex", "want"), [
    (r"\frac{\partial J}{\partial x} = W^{(1)} \delta^{(1)}", "correct"),  # z = W^T x + b: W is in × out
    (r"\frac{\partial J}{\partial x} = W^{(1)T} \delta^{(1)}", "incorrect"),
])
def test_column_convention(latex, want):
    assert Judge(small(convention="column")).check(Claim("t", latex)).verdict == want


@pytest.mark.parametrize(("latex", "want"), [
    # CS231n's affine_backward, samples as rows: dx = dout · W (W out × in), the mean's 1/N inside dout
    (r"\frac{\partial J}{\partial X} = \frac{\partial J}{\partial Z^{(1)}} W^{(1)}", "correct"),
    (r"dX = dZ^{(1)} W^{(1)}", "correct"),
    (r"\frac{\partial J}{\partial X} = \frac{1}{N} \Delta^{(1)} W^{(1)}", "correct"),
    (r"\frac{\partial J}{\partial X} = \Delta^{(1)} W^{(1)}", "incorrect"),  # each sample's δ: the mean's 1/N is missing
    (r"\frac{\partial J}{\partial X} = \frac{\partial J}{\partial Z^{(1)}} W^{(1)T}", "incorrect"),
])
def test_batch_of_rows(latex, want):
    result = Judge(small(), batch=3).check(Claim("t", latex))
    assert result.verdict == want, result.message


def test_a_first_layer_that_is_neither_dense_nor_dropout_has_no_input_gradient():
    spec = {"name": "bnfirst", "convention": "row", "inputs": 3,
            "layers": [{"kind": "batchnorm"}, {"units": 2, "activation": "sigmoid"}],
            "loss": {"name": "squared_error"}, "optimizer": {"name": "sgd", "learning_rate": 0.1}}
    d = derive(spec_from_dict(spec), check=False)
    truth = Truth(d, 2)
    params, X, Y = truth.random_point(np.random.default_rng(0))
    assert "dx" not in truth.compute(params, X, Y)
    result = Judge(d, batch=2).check(Claim("t", r"\frac{\partial J}{\partial X} = \frac{\partial J}{\partial Z^{(2)}} W^{(2)}"))
    assert result.verdict == "unchecked" and "first layer is dense" in result.message, result.message


def test_the_input_gradient_through_a_dropout_on_the_input_is_its_backward_line():
    # twenty-first round: ∂J/∂X = mask ⊙ ∂J/∂H¹ / (1 − p), against central differences of the program's own loss in X
    # (the mask held fixed: it is part of the random point)
    spec = {"name": "dropfirst", "convention": "row", "inputs": 3,
            "layers": [{"kind": "dropout", "p": 0.5}, {"units": 2, "activation": "sigmoid"}],
            "loss": {"name": "squared_error"}, "optimizer": {"name": "sgd", "learning_rate": 0.1}}
    d = derive(spec_from_dict(spec), check=False)
    truth = Truth(d, 2)
    params, X, Y = truth.random_point(np.random.default_rng(0))
    dx = truth.compute(params, X, Y)["dx"]
    fd = np.zeros_like(X)
    for idx in np.ndindex(X.shape):
        e = np.zeros_like(X)
        e[idx] = 1e-6
        fd[idx] = (truth.compute(params, X + e, Y)["loss"] - truth.compute(params, X - e, Y)["loss"]) / 2e-6
    assert np.allclose(dx, fd, atol=1e-7) and np.any(params["mask1"] == 0) and not np.allclose(fd, 0)
    assert np.allclose(fd[np.broadcast_to(params["mask1"], X.shape) == 0], 0)  # (a dropped input has no gradient)


CS224D = [  # a sample as a row, z = x W + b (W in × out), sigmoid hidden, softmax + cross-entropy: problem set 1, 2(c)
    (r"\frac{\partial J}{\partial x} = (\hat{y} - y) W^{(2)T} \circ \sigma'(z^{(1)}) W^{(1)T}", "correct"),
    (r"\frac{\partial J}{\partial x} = (\hat{y} - y) W^{(2)T} \circ \sigma(z^{(1)}) W^{(1)T}", "incorrect"),  # σ for σ'
    (r"\frac{\partial J}{\partial x} = (y - \hat{y}) W^{(2)T} \circ \sigma'(z^{(1)}) W^{(1)T}", "incorrect"),  # sign
    # an entry on the left, the whole vector on the right: no grader can grade the index as written
    (r"\frac{\partial J}{\partial x_k} = (\hat{y} - y) W^{(2)T} \circ \sigma'(z^{(1)}) W^{(1)T}", "unchecked"),
]


@pytest.mark.parametrize(("latex", "want"), CS224D)
def test_cs224d_row_sample_and_the_grouping_of_circ(latex, want):
    d = small(convention="column", hidden="sigmoid", output="softmax", loss="cross_entropy")
    result = Judge(d).check(Claim("t", latex))
    assert result.verdict == want, result.message


def test_one_entry_of_x_is_not_read_as_the_input():
    """Rumelhart et al.'s x_j is a unit's total input: ∂E/∂x_j is not taken for the network input's entry."""
    result = Judge(small()).check(Claim("t", r"\frac{\partial J}{\partial x_j} = \sum_k W^{(1)}_{kj} \delta^{(1)}_k"))
    assert result.verdict == "unchecked" and "x_j" in result.message, result.message
