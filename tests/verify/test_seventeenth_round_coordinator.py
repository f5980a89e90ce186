"""The seventeenth round's coordinator: a user's check on a learner's blog post no corpus holds ("Understanding
formulas for backpropogation", 2018: Ng's notation, samples as columns, ReLU then softmax cross-entropy averaged over
m, every derivation an ``align`` whose first row ``\\frac{\\partial Loss}{\\partial Z} &= \\\\`` leaves its right side
empty and the chain goes on in the next row ``&= …``), and the rule a log identity in letters the network also uses
(``log(X/Y) = log X − log Y``, X the inputs and Y the targets) taught: a claim neither of whose sides conforms under
the reading of its letters is not the answer's error."""

from __future__ import annotations

import numpy as np
from test_fifteenth_round_coordinator import by_id

SPEC = """name = "columns"
convention = "row"
inputs = 4

[[layers]]
units = 5
activation = "relu"

[[layers]]
units = 3
activation = "softmax"

[loss]
name = "cross_entropy"

[optimizer]
name = "sgd"
learning_rate = 1.0
"""

HEAD = "Where $$ Z^{[l]} = W^{[l]}A^{[l-1]} + b^{[l]}$$, the loss averaged over the $$m$$ examples.\n\n"  # (lines 1-2)


def verify(tmp_path, body: str):
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(SPEC)
    (tmp_path / "answer.md").write_text(body)
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    return by_id(results)


def _oracle_db2(scale_by_m: bool) -> bool:
    """Whether ∂J/∂b² = (1/m) Σᵢ (A²⁽ⁱ⁾ − Y⁽ⁱ⁾) (or the sum without 1/m) holds: central differences of the mean
    cross-entropy of a 4-5-3 ReLU/softmax net, samples as columns, in NumPy."""
    rng = np.random.default_rng(3)
    m = 6
    X, W1, b1 = rng.normal(size=(4, m)), rng.normal(size=(5, 4)), rng.normal(size=(5, 1))
    W2, b2 = rng.normal(size=(3, 5)), rng.normal(size=(3, 1))
    Y = np.eye(3)[:, rng.integers(0, 3, size=m)]

    def forward(b):
        Z2 = W2 @ np.maximum(0, W1 @ X + b1) + b
        A2 = np.exp(Z2 - Z2.max(0)) / np.exp(Z2 - Z2.max(0)).sum(0)
        return A2, -np.sum(Y * np.log(A2)) / m

    A2, _ = forward(b2)
    claimed = (A2 - Y).sum(axis=1, keepdims=True) / (m if scale_by_m else 1)
    fd = np.zeros_like(b2)
    for k in range(3):
        e = np.zeros_like(b2)
        e[k] = 1e-6
        fd[k] = (forward(b2 + e)[1] - forward(b2 - e)[1]) / 2e-6
    return bool(np.allclose(claimed, fd, atol=1e-6))


def test_a_row_with_an_empty_right_side_continues_the_chain(tmp_path):
    """``a &= \\\\ &= b``: the chain a = b, judged as a whole (it was unread: "unexpected '='"); the planted copy
    without 1/m is caught, each verdict the oracle's."""
    body = HEAD + ("$$\n\\begin{align}\n\\frac{\\partial{J}}{\\partial{b^{[2]}}} &= \\\\\n"
                   "&= \\frac{1}{m} \\sum_{i=1}^{m} (A^{[2](i)} - Y^{(i)})\n\\end{align}\n$$\n\n"  # lines 3-8
                   "$$\n\\begin{align}\n\\frac{\\partial{J}}{\\partial{b^{[2]}}} &= \\\\\n"
                   "&= \\sum_{i=1}^{m} (A^{[2](i)} - Y^{(i)})\n\\end{align}\n$$\n")  # lines 10-15
    got = verify(tmp_path, body)
    assert _oracle_db2(True) and not _oracle_db2(False)
    assert got["line 5"].verdict == "correct"
    assert got["line 12"].verdict == "incorrect"


def test_a_rule_in_letters_that_conform_on_neither_side_is_unchecked(tmp_path):
    """``log(X/Y) = log(X) − log(Y)`` with X the 4×m inputs and Y the 3×m targets: neither side can be formed, so the
    letters mean something else here — unchecked, not incorrect; a gradient written with a product that does not
    conform stays incorrect (its claimed quantity, ∂J/∂W², has a value)."""
    body = HEAD + ("$$ log \\Big(\\frac{X}{Y}\\Big) = log(X) - log(Y).$$\n\n"  # line 3
                   "$$ \\frac{\\partial J}{\\partial W^{[2]}} = \\frac{1}{m} A^{[1]} (A^{[2]} - Y)$$\n")  # line 5
    got = verify(tmp_path, body)
    assert got["line 3"].verdict == "unchecked" and "neither side conforms" in got["line 3"].message
    assert got["line 5"].verdict == "incorrect"
