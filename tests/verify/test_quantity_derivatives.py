"""Derivatives of one quantity by another for a batch, and by a bias (issue 10, item 4): ∂A/∂Z, ∂Z^{(l+1)}/∂A^{(l)},
∂C/∂A · ∂A/∂Z as answers write them per sample for a batch (the batch's Jacobian is block-diagonal over the samples),
and ∂z_i/∂b_j = δ_{ij}. The oracle for the blocks is PyTorch autograd, sample by sample; the verdicts are decided by
hand (each planted claim is a mistake students make).
"""

from __future__ import annotations

import numpy as np
import pytest
from gradproof.derive.derivation import derive
from gradproof.derive.spec import spec_from_dict
from gradproof.verify.judge import Claim, Judge
from gradproof.verify.tree import Unreadable
from helpers_verify import small


def square(batch_units: int = 3):
    """A network whose hidden layer has as many units as the batch has samples: A (1 − A) is square."""
    spec = {"name": "sq", "convention": "row", "inputs": 3,
            "layers": [{"units": batch_units, "activation": "sigmoid"}, {"units": 2, "activation": "sigmoid"}],
            "loss": {"name": "squared_error"}, "optimizer": {"name": "sgd", "learning_rate": 0.5}}
    return derive(spec_from_dict(spec), check=False)


def test_batch_blocks_are_autograds_per_sample():
    torch = pytest.importorskip("torch")
    judge = Judge(small(hidden="tanh", output="softmax", loss="cross_entropy"), batch=3)
    params, _X, _Y = judge.points[0]
    row = judge.rows[0]
    W2, b2 = (torch.tensor(params[k], dtype=torch.float64) for k in ("W2", "b2"))
    for n in range(3):  # sample n: h1 = tanh(z1), z2 = W2 h1 + b2, ŷ = softmax(z2), each from its own z or h
        z1 = torch.tensor(row["z1"][n], dtype=torch.float64)
        jac_h_z = torch.autograd.functional.jacobian(torch.tanh, z1).numpy()
        h1 = torch.tensor(row["h1"][n], dtype=torch.float64)
        jac_z_h = torch.autograd.functional.jacobian(lambda h: W2 @ h + b2, h1).numpy()
        diag = np.asarray(judge._jacobian(0, ("h", 1), ("z", 1)))  # the diagonals, laid out as Z (samples as rows)
        assert np.allclose(diag[n], np.diag(jac_h_z), atol=1e-6)
        assert np.allclose(np.diag(np.diag(jac_h_z)), jac_h_z)  # (tanh is elementwise)
        assert np.allclose(judge._jacobian(0, ("z", 2), ("h", 1)), jac_z_h, atol=1e-6)
    with pytest.raises(Unreadable, match="differs from sample to sample"):
        judge._jacobian(0, ("yhat", None), ("z", 2))  # softmax: a full block per sample, different for each


BATCH = [
    (r"\frac{\partial A^{(1)}}{\partial Z^{(1)}} = \sigma'(Z^{(1)})", "correct"),
    (r"\frac{\partial A^{(1)}}{\partial Z^{(1)}} = A^{(1)} \odot (1 - A^{(1)})", "correct"),
    (r"\frac{\partial A^{(1)}}{\partial Z^{(1)}} = \sigma(Z^{(1)})", "incorrect"),
    (r"\frac{\partial A^{(1)}}{\partial Z^{(1)}} = A^{(1)} \odot (A^{(1)} - 1)", "incorrect"),
    (r"\frac{\partial Z^{(2)}}{\partial A^{(1)}} = W^{(2)}", "correct"),
    (r"\frac{\partial Z^{(2)}}{\partial A^{(1)}} = W^{(2)T}", "incorrect"),
    (r"\frac{\partial J}{\partial Z^{(1)}} = \frac{\partial J}{\partial A^{(1)}} \cdot \frac{\partial A^{(1)}}{\partial Z^{(1)}}",
     "correct"),
    (r"\frac{\partial J}{\partial Z^{(1)}} = \frac{\partial J}{\partial A^{(1)}} \frac{\partial A^{(1)}}{\partial Z^{(1)}}", "correct"),
    (r"\frac{\partial J}{\partial Z^{(1)}} = \frac{\partial J}{\partial A^{(1)}} \cdot \frac{\partial A^{(1)}}{\partial Z^{(1)}} "
     r"= \frac{\partial J}{\partial A^{(1)}} \cdot A^{(1)} \cdot (1 - A^{(1)})", "correct"),
    (r"\frac{\partial J}{\partial Z^{(1)}} = \frac{\partial J}{\partial A^{(1)}} \cdot \frac{\partial A^{(1)}}{\partial Z^{(1)}} "
     r"= \frac{\partial J}{\partial A^{(1)}} \cdot A^{(2)} \cdot (1 - A^{(2)})", "incorrect"),  # the output layer's σ'
    (r"\frac{\partial J}{\partial A^{(1)}} = \frac{\partial J}{\partial Z^{(2)}} \frac{\partial Z^{(2)}}{\partial A^{(1)}}", "correct"),
    (r"\frac{\partial z^{(2)}_i}{\partial b^{(2)}_i} = 1", "correct"),
    (r"\frac{\partial z^{(2)}_i}{\partial b^{(2)}_j} = 1", "incorrect"),  # 0 off the diagonal
]


@pytest.mark.parametrize(("latex", "want"), BATCH)
@pytest.mark.parametrize("units", [3, 4])  # 3: a square batch (3 samples of 3 units), where A (1 − A) could be a matrix product
def test_batch_of_samples(latex, want, units):
    result = Judge(square(units), batch=3).check(Claim("t", latex))
    assert result.verdict == want, result.message


@pytest.mark.parametrize(("latex", "want"), [
    (r"\frac{\partial z^{(2)}_i}{\partial b^{(2)}_i} = 1", "correct"),  # a repeated letter of a derivative is no sum
    (r"\frac{\partial z^{(2)}_i}{\partial b^{(2)}_j} = 1", "incorrect"),
    (r"\frac{\partial h^{(1)}_j}{\partial b^{(1)}_j} = h^{(1)}_j (1 - h^{(1)}_j)", "correct"),
    (r"\frac{\partial h^{(1)}_j}{\partial b^{(1)}_j} = h^{(1)}_j", "incorrect"),
    (r"\frac{\partial z^{(2)}_i}{\partial b^{(1)}_j} = W^{(2)}_{ij} h^{(1)}_j (1 - h^{(1)}_j)", "correct"),
    (r"\frac{\partial z^{(2)}_i}{\partial b^{(1)}_j} = W^{(2)}_{ji} h^{(1)}_j (1 - h^{(1)}_j)", "incorrect"),
    (r"\frac{\partial J}{\partial b^{(2)}_j} = \sum_k \frac{\partial J}{\partial z^{(2)}_k} \frac{\partial z^{(2)}_k}{\partial b^{(2)}_j}",
     "correct"),
])
def test_one_sample_by_a_bias(latex, want):
    result = Judge(small(hidden="sigmoid")).check(Claim("t", latex))
    assert result.verdict == want, result.message


def test_a_batch_through_batch_norm_is_not_read():
    spec = {"name": "bn", "convention": "row", "inputs": 3,
            "layers": [{"units": 4, "activation": "identity"}, {"kind": "batchnorm", "activation": "relu"},
                       {"units": 2, "activation": "sigmoid"}],
            "loss": {"name": "squared_error"}, "optimizer": {"name": "sgd", "learning_rate": 0.1}}
    judge = Judge(derive(spec_from_dict(spec), check=False), batch=3)
    result = judge.check(Claim("t", r"\frac{\partial Z^{(3)}}{\partial A^{(2)}} = W^{(3)}"))
    assert result.verdict == "unchecked" and "batch norm" in result.message, result.message


def test_a_bias_of_a_later_layer_is_a_misreading():
    result = Judge(small(hidden="sigmoid")).check(Claim("t", r"\frac{\partial z^{(1)}}{\partial b^{(2)}} = 0"))
    assert result.verdict == "unchecked" and "later layer" in result.message, result.message
