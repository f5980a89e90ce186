"""Under a spec with a regularizer (L2, λ = 0.7), an answer's objective defined without any penalty term — Ng's
``J = 1/m Σ_i L(ŷ⁽ⁱ⁾, y⁽ⁱ⁾)`` in his notes' softmax section — equals the data term L, not the spec's J = L + R: its own
cost, or the penalty forgotten. It is `unchecked` with the reason, never `incorrect` (it was a false reject in
heldout8 once m read as the batch size); the whole objective with its penalty is judged as before, and a wrong
definition (2/m) stays wrong. The values compared are computed by verify's truth, whose L and R are checked against
PyTorch elsewhere (tests/verify/test_numeric.py); here what matters is which verdict each reading leads to."""

from __future__ import annotations

from gradproof.verify.cli import verify_file

ANSWERS = r"""batch = 3

[spec]
name = "reg"
convention = "column"
inputs = 3

[[spec.layers]]
units = 4
activation = "relu"

[[spec.layers]]
units = 2
activation = "softmax"

[spec.loss]
name = "cross_entropy"

[spec.regularization]
name = "l2"
lambda = 0.7

[spec.optimizer]
name = "sgd"
learning_rate = 0.1

[[claims]]
id = "data"
latex = 'J = 1/m\sum_{i=1}^{m} L(\hat{y}^{(i)}, y^{(i)})'

[[claims]]
id = "whole"
latex = 'J = \frac{1}{m}\sum_{i=1}^{m} L(\hat{y}^{(i)}, y^{(i)}) + \frac{\lambda}{2m}\sum_{l} \|W^{[l]}\|_F^2'

[[claims]]
id = "double"
latex = 'J = \frac{2}{m}\sum_{i=1}^{m} L(\hat{y}^{(i)}, y^{(i)})'
"""


def test_an_objective_without_the_spec_penalty(tmp_path):
    (tmp_path / "a.toml").write_text(ANSWERS, encoding="utf-8")
    results, _, _ = verify_file(str(tmp_path / "a.toml"))
    got = {r.id: r for r in results}
    assert [got[k].verdict for k in ("data", "whole", "double")] == ["unchecked", "correct", "incorrect"]
    assert "data term" in got["data"].message and "regularizer" in got["data"].message
