r"""Forty-sixth round (issue 10): a claim about the output written with no layer on its z and a.

McLaughlin's ELEC 576 notebook writes its network with layers (a^{(2)}, z^{(2)}), then derives the softmax and
cross-entropy gradient with the layer dropped: ∂L/∂z_i = −Σ_k y_k ∂log a_k/∂z_i, ∂a_i/∂z_j = ∂/∂z_j (exp(z_i)/Σ_k
exp(z_k)); a CS 760 homework writes ∂L/∂z = … with ŷ and y. In a network of two layers verify asked for a layer index
("z needs a layer index") on every such line. A claim that names the target y or the output ŷ, or applies the output's
softmax, and no parameter, can only be about the output layer: its bare z and a are read as that layer's.

The expected verdicts come from NumPy: each formula is evaluated on a random instance and compared with central
differences of the cross-entropy (or squared error) at the output, never from verify."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import central_differences
from gradproof.verify.cli import verify_file

SOFTMAX_SPEC = """name = "bare_output"
convention = "column"
inputs = 3

[[layers]]
units = 4
activation = "sigmoid"

[[layers]]
units = 3
activation = "softmax"

[loss]
name = "cross_entropy"

[optimizer]
name = "sgd"
learning_rate = 0.1
"""
SIGMOID_SPEC = SOFTMAX_SPEC.replace('units = 3\nactivation = "softmax"', 'units = 1\nactivation = "sigmoid"').replace(
    "cross_entropy", "squared_error")
DEFINITIONS = (r"The network: $z^{(1)} = W^{(1)} x + b^{(1)}$, $a^{(1)} = \sigma(z^{(1)})$, "
               r"$z^{(2)} = W^{(2)} a^{(1)} + b^{(2)}$, $a^{(2)} = \mathrm{softmax}(z^{(2)})$.")

rng = np.random.default_rng(46)
Z = rng.normal(size=3)
Y = np.eye(3)[1]


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def ce(z):
    return -np.sum(Y * np.log(softmax(z)))


A = softmax(Z)
DL_DZ = central_differences(lambda p: ce(p["z"]), {"z": Z.copy()})["z"]
DA_DZ = np.array([central_differences(lambda p, i=i: softmax(p["z"])[i], {"z": Z.copy()})["z"] for i in range(3)])
DL_DA = central_differences(lambda p: -np.sum(Y * np.log(p["a"])), {"a": A.copy()})["a"]
KRON = np.eye(3)

#: (claim, its value by the claim's formula as NumPy reads it, the oracle's value) — for every i (and j)
SOFTMAX_CLAIMS = {
    r"\frac{\partial L}{\partial z_i} = a_i - y_i": (A - Y, DL_DZ),
    r"\frac{\partial L}{\partial z_i} = y_i - a_i": (Y - A, DL_DZ),
    r"\frac{\partial L}{\partial z_{i}} = - \sum_{k} y_{k} \frac{1}{a_{k}} \frac{\partial a_{k}}{\partial z_{i}}":
        (-(Y / A) @ DA_DZ, DL_DZ),
    r"\frac{\partial L}{\partial z_i} = \hat y_i - y_i": (A - Y, DL_DZ),
    r"\frac{\partial a_i}{\partial z_j} = \frac{e^{z_i}}{\sum_k e^{z_k}} (\delta_{ij} - a_j)":
        (A[:, None] * (KRON - A[None, :]), DA_DZ),
    r"\frac{\partial a_i}{\partial z_j} = \frac{exp(z_i)}{\sum_k exp(z_k)} (\delta_{ij} - a_i)":
        (A[:, None] * (KRON - A[:, None]), DA_DZ),
    r"\frac{\partial a_{i}}{\partial z_{i}} = [1 - softmax(z_{i})] softmax(z_{i})": (A * (1 - A), np.diag(DA_DZ)),
    r"\frac{\partial a_{i}}{\partial z_{i}} = [1 - softmax(z_{i})]": (1 - A, np.diag(DA_DZ)),
    r"\frac{\partial L}{\partial a_i} = -\frac{y_i}{a_i}": (-Y / A, DL_DA),
    r"\frac{\partial L}{\partial a_i} = \frac{y_i}{a_i}": (Y / A, DL_DA),
}


def _document(tmp_path, spec, definitions, claims):
    (tmp_path / "net.spec.toml").write_text(spec)
    body = definitions + "\n\n" + "\n\n".join(f"$${c}$$" for c in claims) + "\n"
    (tmp_path / "answer.md").write_text(body)
    results, _, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "net.spec.toml"))
    return {r.latex.strip(): r for r in results}


def test_the_oracle_tells_right_from_wrong():
    """Each planted formula differs from central differences, each right one agrees (the labels below are the oracle's)."""
    right = [np.allclose(mine, oracle, atol=1e-6) for mine, oracle in SOFTMAX_CLAIMS.values()]
    assert right == [True, False, True, True, True, False, True, False, True, False]


def test_softmax_output_claims_with_bare_letters_are_judged_at_the_output(tmp_path):
    got = _document(tmp_path, SOFTMAX_SPEC, DEFINITIONS, list(SOFTMAX_CLAIMS))
    for claim, (mine, oracle) in SOFTMAX_CLAIMS.items():
        r = got[claim]
        want = "correct" if np.allclose(mine, oracle, atol=1e-6) else "incorrect"
        assert r.verdict == want, (claim, r.verdict, r.message)
        assert any("output layer's" in n for n in r.notes) or "output layer's" in r.message, claim


@pytest.mark.parametrize("claim", [
    # a hidden layer's δ written bare: ∂L/∂a_j a_j(1 − a_j) holds for the sigmoid layer, not at the softmax output
    r"\frac{\partial L}{\partial z_j} = \frac{\partial L}{\partial a_j} a_j (1 - a_j)",
    # two layers in one claim: the later layer's z by the earlier one's a
    r"\frac{\partial L}{\partial a_j} = \sum_k \frac{\partial L}{\partial z_k} \frac{\partial z_k}{\partial a_j}",
    # weights: a hidden unit's sum over the output units
    r"\frac{\partial L}{\partial a_j} = \sum_k (a_k - y_k) w_{kj}",
    # a bare bias names every layer's
    r"\frac{\partial L}{\partial b} = a - y",
])
def test_claims_that_may_be_about_another_layer_are_not_judged_at_the_output(tmp_path, claim):
    got = _document(tmp_path, SOFTMAX_SPEC, DEFINITIONS, [claim])
    r = got[claim]
    assert r.verdict != "incorrect", r.message
    assert not any("output layer's" in n for n in r.notes)


def test_a_definition_is_not_read_at_the_output(tmp_path):
    """malcu's y = softmax(a), a the logits: a definition says what its letters are; this reading does not overrule it
    (here a is the answer's activation, so the line is judged as the definitions read it, as before)."""
    claim = r"y = \mathrm{softmax}(a)"
    r = _document(tmp_path, SOFTMAX_SPEC, DEFINITIONS, [claim])[claim]
    assert not any("output layer's" in n for n in r.notes) and "output layer's" not in r.message


def test_a_sigmoid_output_under_squared_error(tmp_path):
    """One output unit: ∂E/∂z = (a − y) a (1 − a) for E = ½(a − y)², checked by central differences; a planted slope."""
    z, y = 0.37, 0.8
    a = 1 / (1 + np.exp(-z))
    oracle = central_differences(lambda p: 0.5 * (1 / (1 + np.exp(-p["z"][0])) - y) ** 2, {"z": np.array([z])})["z"][0]
    right = r"\frac{\partial E}{\partial z} = (a - y) a (1 - a)"
    planted = r"\frac{\partial E}{\partial z} = (a - y) (1 - a)"
    assert np.isclose((a - y) * a * (1 - a), oracle) and not np.isclose((a - y) * (1 - a), oracle)
    definitions = DEFINITIONS.replace(r"\mathrm{softmax}", r"\sigma")
    got = _document(tmp_path, SIGMOID_SPEC, definitions, [right, planted])
    assert got[right].verdict == "correct", got[right].message
    assert got[planted].verdict == "incorrect", got[planted].message
