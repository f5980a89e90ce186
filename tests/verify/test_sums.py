"""Sums over samples (\\sum_n q^{(n)}), over the entries of a vector (\\sum_k y_k), over layers (\\sum_l W^{(l)}),
and norms (\\|W\\|_F^2, \\|W\\|_1): batch gradients and the objective written as courses write them. The truth is
the Evaluator's batch gradients and loss (verify.truth), never a number typed here."""

from __future__ import annotations

import functools

import pytest
from gradproof.verify.judge import Claim, Judge
from helpers_verify import derivation, small


@functools.lru_cache(maxsize=None)
def _judge(net: str, batch: int) -> Judge:
    if net == "reg_row":
        return Judge(small("row", "tanh", "sigmoid", "squared_error", reg=0.3), batch=batch)
    if net == "reg_col":
        return Judge(small("column", "tanh", "sigmoid", "squared_error", reg=0.3), batch=batch)
    return Judge(derivation(net), batch=batch)


RIGHT = [
    ("reg_row", 5, r"\frac{\partial L}{\partial W^{(2)}} = \frac{1}{N}\sum_{n=1}^{N} \delta^{(2)(n)} h^{(1)(n)T}"),
    ("reg_row", 5, r"\frac{\partial J}{\partial W^{(2)}} = \frac{1}{N}\sum_{i} \delta^{(2)(i)} h^{(1)(i)T} + \frac{\lambda}{N} W^{(2)}"),
    ("reg_row", 5, r"dW^{[1]} = \frac{1}{N}\sum_n dz^{[1](n)} x^{(n)T} + \frac{\lambda}{N} W^{[1]}"),
    ("reg_row", 5, r"\frac{\partial J}{\partial b^{(1)}} = \frac{1}{N}\sum_n \delta^{(1)(n)}"),
    ("reg_row", 1, r"\frac{\partial L}{\partial W^{(2)}} = \sum_{n} \delta^{(2)(n)} h^{(1)(n)T}"),
    ("reg_col", 4, r"\frac{\partial L}{\partial W^{(2)}} = \frac{1}{N}\sum_{n=1}^{N} h^{(1)(n)} \delta^{(2)(n)T}"),
    ("reg_row", 5, r"L = \frac{1}{N}\sum_n \frac{1}{2} \|\hat y^{(n)} - y^{(n)}\|^2"),
    ("reg_row", 5, r"R = \frac{\lambda}{2N}\sum_{l=1}^{L} \|W^{(l)}\|_F^2"),
    ("reference_mlp", 4, r"J = -\frac{1}{N}\sum_n \sum_k y_k^{(n)} \log \hat{y}_k^{(n)} + \frac{\lambda}{2N}\sum_l \|W^{(l)}\|_F^2"),
    ("reference_mlp", 4, r"J = -\frac{1}{N}\sum_{n=1}^{N} \sum_{k=1}^{3} y_k^{(n)} \ln \hat{y}_k^{(n)}"
                         r" + \frac{\lambda}{2N}\sum_{l=1}^{L} \lVert W^{(l)} \rVert^2"),
    ("reference_mlp", 1, r"J = -\sum_k y_k \log \hat{y}_k + \frac{\lambda}{2}\sum_l \|W^{(l)}\|_F^2"),
    ("multilabel_column", 1, r"R = \lambda \sum_l \|W^{(l)}\|_1"),
]


@pytest.mark.parametrize("net, batch, latex", RIGHT)
def test_sums_and_norms_are_read(net, batch, latex):
    r = _judge(net, batch).check(Claim("t", latex))
    assert r.verdict == "correct", r.message


WRONG = [
    ("reg_row", 5, r"\frac{\partial L}{\partial W^{(2)}} = \sum_{n=1}^{N} \delta^{(2)(n)} h^{(1)(n)T}", "missing_1_over_N"),
    ("reg_row", 5, r"\frac{\partial L}{\partial W^{(2)}} = \frac{1}{N}\sum_{n} h^{(1)(n)} \delta^{(2)(n)T}", None),
    ("reference_mlp", 4, r"J = -\sum_n \sum_k y_k^{(n)} \log \hat{y}_k^{(n)} + \frac{\lambda}{2N}\sum_l \|W^{(l)}\|_F^2", None),
    ("reference_mlp", 4, r"R = \frac{\lambda}{2N}\sum_l \|W^{(l)}\|_F", None),
]


@pytest.mark.parametrize("net, batch, latex, key", WRONG)
def test_wrong_sums_are_flagged(net, batch, latex, key):
    r = _judge(net, batch).check(Claim("t", latex))
    assert r.verdict == "incorrect", r.message
    if key:
        assert r.diagnosis_key == key, r.message


@pytest.mark.parametrize("latex, why", [
    (r"\delta^{(2)}_j = \sum_k W^{(3)}_{kj} \delta^{(3)}_k", "write the sample index too"),  # δ is a batch here
    (r"\frac{\partial L}{\partial W^{(2)}} = \sum_{n=1}^{7} \delta^{(2)(n)} h^{(1)(n)T}", "runs to 7"),
    (r"J = \sum_n 1", "not used"),
    (r"J = \sum_n \sum_n 1", "same index"),
    (r"J = \sum_k y_k \hat y_k", "write the sample index too"),
    (r"J = \sum_k W^{(2)}_k", "entry k of a matrix"),
])
def test_what_is_not_read_stays_unchecked_with_the_reason(latex, why):
    r = _judge("reference_mlp", 4).check(Claim("t", latex))
    assert r.verdict == "unchecked" and why in r.message, r.message


def test_nested_sums_are_bounded():
    j = Judge(small("row", "tanh", "sigmoid", "squared_error", reg=0.3), batch=200)
    r = j.check(Claim("t", r"J = \sum_a \sum_b \sum_k x_k^{(a)} x_k^{(b)}"))
    assert r.verdict == "unchecked" and "more than 20000 terms" in r.message, r.message
