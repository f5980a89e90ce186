"""Index letters that count a different layer's units (issue 10, issue 12): a derivative by one weight,
``\\frac{\\partial z_i}{\\partial w_{jk}}``, with letters that run past the quantity they index is a clear verdict
or an ``unchecked`` reason — never an internal error — and every letter on it is a free index checked for all its
values (before, ∂z_k/∂w_{ij} = h_j was checked at k = 1 only and accepted).

The oracle is independent of verify: central differences of z = W h + b in NumPy over every value of the letters.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from gradproof.verify.judge import Claim, Judge
from helpers_verify import small
from hypothesis import given, settings
from hypothesis import strategies as st

SIZES = {0: 3, 1: 4, 2: 2}  # small(): 3 inputs, 4 hidden units, 2 outputs (row convention: W^{(l)} is out × in)


@pytest.fixture(scope="module")
def judge():
    return Judge(small())


def _oracle(layer: int, p: str, q: str, r: str, s: str, rhs_layer: int) -> str:
    """``\\partial z^{(layer)}_p / \\partial W^{(layer)}_{qr} = (layer rhs_layer's activation)_s`` at a random point, by
    central differences over every value of the letters; 'misused' when a letter counts two different sizes."""
    rng = np.random.default_rng(0)
    n_in, n_out = SIZES[layer - 1], SIZES[layer]
    w, b, h = rng.normal(size=(n_out, n_in)), rng.normal(size=n_out), rng.normal(size=n_in)
    rhs = h if rhs_layer == layer - 1 else rng.normal(size=SIZES[rhs_layer])  # another layer's values: generic
    counts: dict[str, set] = {}
    for letter, size in ((p, n_out), (q, n_out), (r, n_in), (s, rhs.size)):
        counts.setdefault(letter, set()).add(size)
    if any(len(c) > 1 for c in counts.values()):
        return "misused"
    letters = sorted(counts)
    eps = 1e-6
    for values in itertools.product(*(range(next(iter(counts[v]))) for v in letters)):
        at = dict(zip(letters, values, strict=True))
        wp, wm = w.copy(), w.copy()
        wp[at[q], at[r]] += eps
        wm[at[q], at[r]] -= eps
        d = ((wp @ h + b)[at[p]] - (wm @ h + b)[at[p]]) / (2 * eps)
        if abs(d - rhs[at[s]]) > 1e-6:
            return "incorrect"
    return "correct"


def _claim(layer: int, p: str, q: str, r: str, s: str, rhs_layer: int) -> str:
    rhs = f"x_{s}" if rhs_layer == 0 else f"h^{{({rhs_layer})}}_{s}"
    return rf"\frac{{\partial z^{{({layer})}}_{p}}}{{\partial W^{{({layer})}}_{{{q},{r}}}}} = {rhs}"


def test_oracle_reads_the_textbook_forms():
    assert _oracle(2, "i", "i", "j", "j", 1) == "correct"
    assert _oracle(2, "k", "i", "j", "j", 1) == "incorrect"  # ∂z_k/∂w_{ij} is 0 for k ≠ i
    assert _oracle(2, "i", "i", "j", "i", 1) == "misused"


@pytest.mark.parametrize(("latex", "want"), [
    (r"\frac{\partial z^{(2)}_i}{\partial W^{(2)}_{ij}} = h^{(1)}_j", "correct"),
    (r"\frac{\partial z^{(1)}_i}{\partial W^{(1)}_{ij}} = x_j", "correct"),
    # Runevic's planted "a_i" for a_j: i counts 2 outputs and 4 hidden units — was an internal IndexError
    (r"\frac{\partial z^{(2)}_i}{\partial W^{(2)}_{ij}} = h^{(1)}_i", "incorrect"),
    # every letter is free: at k ≠ i the derivative is 0 (this was accepted, checked at k = 1 only)
    (r"\frac{\partial z^{(2)}_k}{\partial W^{(2)}_{ij}} = h^{(1)}_j", "incorrect"),
    # AIMA's w_{j,k} read in the row layout: k counts 2 outputs and 4 inputs
    (r"\frac{\partial z^{(2)}_k}{\partial W^{(2)}_{jk}} = h^{(1)}_j", "incorrect"),
])
def test_derivative_by_one_weight_every_index(judge, latex, want):
    result = judge.check(Claim("t", latex))
    assert result.verdict == want, result.message
    assert "internal error" not in result.message


def test_a_written_index_past_the_layer_is_a_reason(judge):
    result = judge.check(Claim("t", r"\frac{\partial z^{(2)}_3}{\partial W^{(2)}_{3,1}} = h^{(1)}_1"))
    assert result.verdict == "unchecked"
    assert "runs past" in result.message or "outside" in result.message


@settings(max_examples=40, deadline=None)
@given(layer=st.sampled_from([1, 2]), letters=st.lists(st.sampled_from("ijk"), min_size=4, max_size=4),
       rhs_layer=st.sampled_from([0, 1]))
def test_random_letters_never_crash_and_agree_with_central_differences(judge, layer, letters, rhs_layer):
    p, q, r, s = letters
    result = judge.check(Claim("t", _claim(layer, p, q, r, s, rhs_layer)))
    assert "internal error" not in result.message
    want = _oracle(layer, p, q, r, s, rhs_layer)
    if want == "misused":  # a letter counting two layers' units: never accepted
        assert result.verdict in ("incorrect", "unchecked"), result.message
    elif s not in (p, q, r):  # a letter free on the right only: unchecked (main's rule), or wrong — never accepted
        assert result.verdict in ("incorrect", "unchecked") and want == "incorrect", result.message
    else:
        assert result.verdict == want, (_claim(layer, p, q, r, s, rhs_layer), result.message)
