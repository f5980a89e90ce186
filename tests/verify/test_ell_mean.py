"""ℓ (``\\mathcal{L}``, ``\\ell``) is one example's loss by default; a write-up that defines it as the batch mean (a
PyTorch user's ``\\mathcal{L} = -\\frac{1}{N}\\sum_n …``) means the batch objective in its derivatives too:
``∂ℒ/∂Z_2 = (P − Y)/N`` was a false reject ("an extra factor 1/N") while ``∇_{W_2}ℒ = (∂ℒ/∂Z_2)^T H_1`` beside it
was judged with the 1/N. The formulas' truth is checked here by central differences of the mean loss."""

from __future__ import annotations

import numpy as np
from gradproof.verify.cli import verify_file

SPEC = """name = "mlp_torch"
convention = "row"
inputs = 4

[[layers]]
units = 8
activation = "relu"

[[layers]]
units = 3
activation = "softmax"

[loss]
name = "cross_entropy"

[optimizer]
name = "sgd"
learning_rate = 0.01
"""

DOC = r"""# Manual backward (nn.Linear convention)

Forward, for a batch of N rows: $H_1 = \mathrm{ReLU}(X W_1^\top + b_1)$,
$P = \mathrm{softmax}(H_1 W_2^\top + b_2)$, and the mean loss $\mathcal{L} = -\frac{1}{N}\sum_{n=1}^{N} \sum_{k} Y_{nk} \log P_{nk}$.

$$\frac{\partial \mathcal{L}}{\partial Z_2} = \frac{1}{N}(P - Y) \tag{1}$$

$$\nabla_{W_2}\mathcal{L} = \left(\frac{\partial \mathcal{L}}{\partial Z_2}\right)^\top H_1 \tag{2}$$

$$\frac{\partial \mathcal{L}}{\partial Z_2} = P - Y \tag{3}$$
"""


def test_the_mean_losss_gradient_by_finite_differences():
    rng = np.random.default_rng(2)
    n = 5
    H1, W2, b2 = np.maximum(rng.normal(size=(n, 8)), 0), rng.normal(size=(3, 8)), rng.normal(size=3)
    Y = np.eye(3)[rng.integers(0, 3, n)]

    def L(W2):
        Z = H1 @ W2.T + b2
        P = np.exp(Z - Z.max(1, keepdims=True))
        P /= P.sum(1, keepdims=True)
        return -np.sum(Y * np.log(P)) / n, P

    _, P = L(W2)
    num = np.zeros_like(W2)
    for idx in np.ndindex(W2.shape):
        e = np.zeros_like(W2)
        e[idx] = 1e-6
        num[idx] = (L(W2 + e)[0] - L(W2 - e)[0]) / 2e-6
    assert np.allclose(((P - Y) / n).T @ H1, num, atol=1e-7)  # (1) with (2)
    assert not np.allclose((P - Y).T @ H1, num, atol=1e-7)  # (3) lacks the mean's 1/N


def test_ell_defined_as_the_mean_is_the_batch_objective(tmp_path):
    (tmp_path / "net.toml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "hw.md").write_text(DOC, encoding="utf-8")
    results, _, _ = verify_file(str(tmp_path / "hw.md"), str(tmp_path / "net.toml"))
    got = {r.id: r.verdict for r in results}
    assert (got["1"], got["2"], got["3"]) == ("correct", "correct", "incorrect"), got


CHAINED = r"""# Manual backward with the upstream gradients named

Forward: $H_1 = \mathrm{ReLU}(X W_1^\top + b_1)$, $P = \mathrm{softmax}(H_1 W_2^\top + b_2)$.

$$G_2 = \frac{1}{N}(P - Y) \tag{1}$$

$$\nabla_{W_2}\mathcal{L} = G_2^\top H_1 \tag{2}$$

$$G_1 = (G_2 W_2) \odot \mathbb{1}[H_1 > 0] \tag{4}$$

$$\nabla_{W_1}\mathcal{L} = G_1^\top X \tag{5}$$

$$\nabla_{W_1}\mathcal{L} = X^\top G_1 \tag{7}$$
"""


def test_own_symbols_defined_with_each_other(tmp_path):
    """G_2 is defined with P, which the answer defines just before (bound in the same round, G_2 did not read); G_1
    with G_2. ∇_{W_1} = G_1ᵀ X is right (as (1)-(2) above, one layer down); X^T G_1 is 4×8, not W_1's 8×4."""
    (tmp_path / "net.toml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "hw.md").write_text(CHAINED, encoding="utf-8")
    results, _, _ = verify_file(str(tmp_path / "hw.md"), str(tmp_path / "net.toml"))
    got = {r.id: r.verdict for r in results}
    assert (got["2"], got["5"], got["7"]) == ("correct", "correct", "incorrect"), got
