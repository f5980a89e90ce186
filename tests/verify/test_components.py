"""Generic layer indices (l, l+1, L) and component forms (δ_j, w_{jk}, free sample indices) — issue 10, item 3.

The claims are Nielsen's BP1–BP4 (ch. 2, sigmoid everywhere, quadratic cost) in his notation, and Ng's per-sample
forms; each is checked for every layer and every index value it applies to. Planted mistakes must be flagged.
Verdicts decided by hand; the truth is the Evaluator's.
"""

from __future__ import annotations

import pytest
from gradproof.derive.derivation import derive
from gradproof.derive.spec import spec_from_dict
from gradproof.verify.judge import Claim, Judge
from helpers_verify import derivation


def nielsen():
    spec = {"name": "nielsen", "inputs": 3, "layers": [{"units": 4, "activation": "sigmoid"}, {"units": 5, "activation": "sigmoid"},
                                                         {"units": 2, "activation": "sigmoid"}],
            "loss": {"name": "squared_error"}, "optimizer": {"name": "sgd", "learning_rate": 3.0}}
    return derive(spec_from_dict(spec), check=False)


CASES = [
    ("BP1", r"\delta^L_j = \frac{\partial C}{\partial a^L_j} \sigma'(z^L_j)", "correct"),
    ("BP1a", r"\delta^L = \nabla_a C \odot \sigma'(z^L)", "correct"),
    ("BP1b", r"\delta^L = (a^L - y) \odot \sigma'(z^L)", "correct"),
    ("BP2", r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)", "correct"),
    ("BP2c", r"\delta^l_j = \sum_k w^{l+1}_{kj} \delta^{l+1}_k \sigma'(z^l_j)", "correct"),
    ("BP3", r"\frac{\partial C}{\partial b^l_j} = \delta^l_j", "correct"),
    ("BP4", r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j", "correct"),
    ("fwd", r"z^l = w^l a^{l-1} + b^l", "correct"),
    ("fwd_c", r"z^l_j = \sum_k w^l_{jk} a^{l-1}_k + b^l_j", "correct"),
    ("BP1_sign", r"\delta^L = (y - a^L) \odot \sigma'(z^L)", "incorrect"),
    ("BP2_sigma", r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma(z^l)", "incorrect"),
    ("BP2_index", r"\delta^l = ((w^{l})^T \delta^{l+1}) \odot \sigma'(z^l)", "incorrect"),
    ("BP2c_swap", r"\delta^l_j = \sum_k w^{l+1}_{jk} \delta^{l+1}_k \sigma'(z^l_j)", "incorrect"),
    ("BP4_swap", r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_j \delta^l_k", "incorrect"),
    ("BP4_layer", r"\frac{\partial C}{\partial w^l_{jk}} = a^{l}_k \delta^l_j", "incorrect"),
]


@pytest.mark.parametrize("cid,latex,want", CASES, ids=[c[0] for c in CASES])
def test_nielsen_generic_and_component_forms(cid, latex, want):
    r = Judge(nielsen()).check(Claim(cid, latex))
    assert r.verdict == want, r.message


def test_a_wrong_generic_claim_names_the_layer():
    # right for the hidden layers that are tanh? No: every layer is sigmoid here, so σ for σ' fails at the first l
    r = Judge(nielsen()).check(Claim("t", r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma(z^l)"))
    assert r.message.startswith("for l = 1:") and "checked for l = 1, 2" in r.message


def test_a_generic_claim_that_fails_at_one_layer_only():
    """reference_mlp: leaky ReLU then tanh. 1 − h² is φ' only of the tanh layer (l = 2): wrong at l = 1."""
    r = Judge(derivation("reference_mlp")).check(
        Claim("t", r"\delta^{(l)} = (W^{(l+1)})^T \delta^{(l+1)} \odot (1 - h^{(l)} \odot h^{(l)})"))
    assert r.verdict == "incorrect" and r.message.startswith("for l = 1:"), r.message


def test_nielsen_layer_numbering_declared():
    """Nielsen numbers the input as layer 1: w^2 is the first weight matrix ([notation] input_layer = 1)."""
    from gradproof.verify.parser import Notation

    j = Judge(nielsen(), notation=Notation(options=(("input_layer", 1),)))
    assert j.check(Claim("a", r"z^2 = w^2 a^1 + b^2")).verdict == "correct"
    assert j.check(Claim("b", r"\delta^4 = (a^4 - y) \odot \sigma'(z^4)")).verdict == "correct"
    assert j.check(Claim("c", r"\delta^2 = ((w^3)^T \delta^3) \odot \sigma'(z^2)")).verdict == "correct"
    assert j.check(Claim("d", r"\delta^2 = ((w^2)^T \delta^3) \odot \sigma'(z^2)")).verdict == "incorrect"


def test_free_sample_index_in_a_batch():
    d = derivation("reference_mlp")
    j = Judge(d, batch=3)
    assert j.check(Claim("a", r"\delta^{(3)(i)} = \hat y^{(i)} - y^{(i)}")).verdict == "correct"
    assert j.check(Claim("b", r"\delta^{(3)(i)} = y^{(i)} - \hat y^{(i)}")).verdict == "incorrect"


def test_cs229_ell_is_a_generic_layer():
    """CS229 writes the layer as \\ell: δ^{[\\ell]} = (W^{[\\ell+1]T} δ^{[\\ell+1]}) ⊙ g'(z^{[\\ell]}), for every layer."""
    j = Judge(nielsen())
    assert j.check(Claim("a", r"\delta^{[\ell]} = (W^{[\ell+1]T} \delta^{[\ell+1]}) \odot \sigma'(z^{[\ell]})")).verdict == "correct"
    assert j.check(Claim("b", r"\delta^{[\ell]} = (W^{[\ell]T} \delta^{[\ell+1]}) \odot \sigma'(z^{[\ell]})")).verdict == "incorrect"
