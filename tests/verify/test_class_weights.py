"""UFLDL's softmax regression writes θ^{(k)} for the weights of class k beside entries y^{(i)}_k: a letter in
parentheses that is also an entry index in the same claim is no generic layer. Read as layer k (the whole W of a
one-layer net) a right claim was a false reject ("expected 3×4, the claim gives 4×1"); now it is `unchecked` with the
reason. A generic layer (k) with other entry letters (Goodfellow's h^{(k)}, W^{(k)}_{ij}) is still checked per layer."""

from __future__ import annotations

import numpy as np
from gradproof.verify.cli import verify_file

SPEC = """
[spec]
name = "softmax_regression"
convention = "row"
inputs = 4

[[spec.layers]]
units = 3
activation = "softmax"

[spec.loss]
name = "cross_entropy"

[spec.optimizer]
name = "sgd"
learning_rate = 0.5
"""

DEEP = SPEC.replace('[[spec.layers]]\nunits = 3\nactivation = "softmax"',
                    '[[spec.layers]]\nunits = 5\nactivation = "tanh"\n\n[[spec.layers]]\nunits = 3\nactivation = "softmax"')


def _verdicts(tmp_path, spec, claims):
    body = spec + "".join(f"\n[[claims]]\nid = \"{k}\"\nlatex = '{v}'\n" for k, v in claims.items())
    (tmp_path / "a.toml").write_text(body, encoding="utf-8")
    results, _, _ = verify_file(str(tmp_path / "a.toml"))
    return {r.id: (r.verdict, r.message) for r in results}


def test_class_k_weights_are_not_layer_k(tmp_path):
    # the formula is right: ∂J/∂θ_k = (1/m) Σ_i x_i (ŷ_ik − y_ik) for J the mean cross-entropy (checked here by hand)
    rng = np.random.default_rng(1)
    X, W = rng.normal(size=(5, 4)), rng.normal(size=(3, 4))
    Y = np.eye(3)[[0, 2, 1, 1, 0]]

    def J(W):
        Z = X @ W.T
        P = np.exp(Z - Z.max(1, keepdims=True))
        P /= P.sum(1, keepdims=True)
        return -np.mean(np.sum(Y * np.log(P), 1)), P

    _, P = J(W)
    k, e = 1, np.zeros_like(W)
    e[k, 2] = 1e-6
    assert np.isclose((J(W + e)[0] - J(W - e)[0]) / 2e-6, (X.T @ (P[:, k] - Y[:, k]) / 5)[2])
    got = _verdicts(tmp_path, SPEC, {
        "right": r"\nabla_{\theta^{(k)}} J(\theta) = - \frac{1}{m} \sum_{i=1}^{m} x^{(i)} \left( y^{(i)}_k - \hat{y}^{(i)}_k \right)",
        "sign": r"\nabla_{\theta^{(k)}} J(\theta) = \frac{1}{m} \sum_{i=1}^{m} x^{(i)} \left( y^{(i)}_k - \hat{y}^{(i)}_k \right)"})
    assert {k: v for k, (v, _) in got.items()} == {"right": "unchecked", "sign": "unchecked"}
    assert "entry index" in got["right"][1]


def test_a_generic_layer_with_other_entry_letters_is_still_checked(tmp_path):
    got = _verdicts(tmp_path, DEEP, {"g": r"\frac{\partial J}{\partial W^{(k)}_{ij}} = \delta^{(k)}_i h^{(k-1)}_j"})
    assert got["g"][0] == "correct", got
