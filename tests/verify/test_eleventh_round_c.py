"""Readings of the eleventh round, verify11c (issue 10, heldout11's XanNotZan and vishalvatsalya7 classes):

- an objective averaged over the output units, ``C = \\frac{1}{n_L} \\sum_j \\frac{1}{2}(a_j^L - y_j)^2`` (n_L the output
  layer's width), whose derivatives — and Nielsen's δ_j^L = ∂C/∂z_j^L, defined so — carry the 1/n_L;
- the same notes with a definition of C that does not read: a derivative whose verdict depends on C's scale is not
  called correct on the spec's scale (the false accept of heldout11's planted copy), scale-free claims stay judged;
- Ioffe & Szegedy's batch statistics written ``\\hat{x_i}`` (the index inside the hat), and x beside them in an answer
  that writes its weights (the network's input or the layer's: unchecked, never a shape error or an internal error).

The expected verdicts come from NumPy (the forward pass typed below, central differences of the notes' own cost, the
batch statistics by hand), never from verify's own output."""

from __future__ import annotations

import numpy as np
from test_tenth_round_d import numeric_grad  # central differences, entry by entry

RNG = np.random.default_rng(11)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def verdicts(tmp_path, spec: str, body: str) -> dict:
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(spec)
    (tmp_path / "answer.tex").write_text(body)
    results, _, _ = verify_file(str(tmp_path / "answer.tex"), str(tmp_path / "spec.toml"))
    return {r.id: (r.verdict, r.message) for r in results}


SIGMOID_NET = ('name = "t11c"\nconvention = "row"\ninputs = 2\nlayers = [{units = 3, activation = "sigmoid"}, '
               '{units = 2, activation = "sigmoid"}]\nloss = {name = "squared_error"}\n'
               'optimizer = {name = "sgd", learning_rate = 0.5}\n')


def notes(cost_scale: str, dc_da: str, delta_out: str) -> str:
    r"""XanNotZan's notation: a_j^L, z_j^L, w_{jk}^l, δ_j^l = ∂C/∂z_j^l, d/da for the derivative."""
    return "\n\n".join([
        "\\documentclass{article}\\begin{document}",
        f"$$C = {cost_scale}\\sum \\limits_{{j=1}}^{{n_{{L}}}} \\frac{{1}}{{2}}(a_{{j}}^{{L}} - y_{{j}})^{{2}}$$",
        f"$$\\frac{{dC}}{{da_{{j}}^{{L}}}} = {dc_da}$$",
        "$$\\delta_{j}^{L} = \\frac{\\partial C}{\\partial z_{j}^{L}} = "
        "\\frac{\\partial C}{\\partial a_{j}^{L}} \\frac{\\partial a_{j}^{L}}{\\partial z_{j}^{L}}$$",
        f"$$\\delta^L = {delta_out} \\odot \\frac{{\\partial \\sigma}}{{\\partial z^{{L}}}}$$",
        "$$\\delta^l = (W^{l+1})^T \\cdot \\delta^{l+1} \\odot \\frac{\\partial \\sigma}{\\partial z^{l}}$$",
        "$$\\frac{\\partial C}{\\partial b_{j}^{l}} = \\delta_j^l$$",
        "\\end{document}",
    ])


def _oracle_output_layer():
    """(∂C/∂a^L, δ^L) of C = 1/n_L Σ_j ½ (a_j − y_j)² by central differences, and the two candidate formulas."""
    x, y = RNG.normal(size=2), RNG.uniform(size=2)
    W1, b1, W2, b2 = RNG.normal(size=(3, 2)), RNG.normal(size=3), RNG.normal(size=(2, 3)), RNG.normal(size=2)
    a1 = sigmoid(W1 @ x + b1)
    z2 = W2 @ a1 + b2
    n_L = 2

    def cost_of_a(a):
        return np.sum(0.5 * (a - y) ** 2) / n_L

    a2 = sigmoid(z2)
    dC_da = numeric_grad(cost_of_a, a2)
    delta = numeric_grad(lambda z: cost_of_a(sigmoid(z)), z2)
    return {"with 1/n_L": np.allclose(dC_da, (a2 - y) / n_L, atol=1e-6),
            "without": np.allclose(dC_da, a2 - y, atol=1e-6),
            "delta with": np.allclose(delta, (a2 - y) / n_L * a2 * (1 - a2), atol=1e-6)}


def test_an_objective_averaged_over_the_output_units(tmp_path):
    """C = 1/n_L Σ_j ½(a_j − y_j)² (the spec's loss without the mean over units): its derivatives carry 1/n_L; the
    copy that drops it is wrong, and δ (defined as ∂C/∂z) follows C's scale, so the recursion and ∂C/∂b = δ hold."""
    truth = _oracle_output_layer()
    assert truth == {"with 1/n_L": True, "without": False, "delta with": True}
    right = verdicts(tmp_path, SIGMOID_NET, notes("\\frac{1}{n_{L}}", "\\frac{1}{n_{L}}(a_{j}^{L} - y_{j})",
                                                  "\\frac{1}{n_{L}}(a^L - y)"))
    assert right["line 5"][0] == "correct"   # dC/da_j^L with 1/n_L
    assert right["line 9"][0] == "correct"   # δ^L = 1/n_L (a^L − y) ⊙ σ'(z^L)
    assert right["line 11"][0] == "correct"  # the recursion
    assert right["line 13"][0] == "correct"  # ∂C/∂b = δ
    planted = verdicts(tmp_path, SIGMOID_NET, notes("\\frac{1}{n_{L}}", "(a_{j}^{L} - y_{j})",
                                                    "\\frac{1}{n_{L}}(a^L - y)"))
    assert planted["line 5"][0] == "incorrect"


def test_a_definition_of_the_objective_that_does_not_read(tmp_path):
    """The same notes with C's factor written in a letter nobody defines (\\kappa): the scale of C is not known, so the
    derivative without any factor — right on the spec's ½‖ŷ − y‖², wrong on the notes' C — is not called correct;
    the recursion, which holds on every scale, is still judged."""
    truth = _oracle_output_layer()
    assert truth["without"] is False  # on the notes' own C the bare (a − y) is wrong
    got = verdicts(tmp_path, SIGMOID_NET, notes("\\frac{1}{\\kappa}", "(a_{j}^{L} - y_{j})", "(a^L - y)"))
    assert got["line 3"][0] == "unchecked"
    assert got["line 5"][0] == "unchecked" and "did not read" in got["line 5"][1]
    assert got["line 9"][0] == "unchecked"
    assert got["line 11"][0] == "correct"
    assert got["line 13"][0] == "correct"
    # the mirror: ½(a − y), right on the notes' C (n_L = 2) but wrong on the spec's, is not called wrong either
    assert truth["with 1/n_L"] is True
    half = verdicts(tmp_path, SIGMOID_NET, notes("\\frac{1}{\\kappa}", "\\frac{1}{2}(a_{j}^{L} - y_{j})", "(a^L - y)"))
    assert half["line 5"][0] == "unchecked" and "did not read" in half["line 5"][1]


BN_NET = ('name = "t11c_bn"\nconvention = "row"\ninputs = 3\n'
          'layers = [{units = 4, activation = "identity", bias = false}, {kind = "batchnorm", eps = 1e-5}, '
          '{units = 2, activation = "identity"}]\nloss = {name = "squared_error"}\n'
          'optimizer = {name = "sgd", learning_rate = 0.01}\n')


def test_batch_statistics_with_the_index_inside_the_hat(tmp_path):
    """vishalvatsalya7's forward pass: μ_B, σ_B² (biased), \\hat{x_i}, y_i = γ \\hat{x_i} + β, one feature of the
    batch-norm layer's input x_i; the copy with 1/(m−1) and the one with γ(x̂_i + β) are wrong."""
    m = 6
    x = RNG.normal(size=m)
    mu = x.mean()
    assert np.isclose(np.sum((x - mu) ** 2) / m, np.var(x))          # the biased variance batch norm uses
    assert not np.isclose(np.sum((x - mu) ** 2) / (m - 1), np.var(x))
    gamma, beta = 1.7, -0.4
    xhat = (x - mu) / np.sqrt(np.var(x) + 1e-5)
    assert not np.allclose(gamma * (xhat + beta), gamma * xhat + beta)

    def forward(var_den: str, out: str) -> str:
        return ("$$\n\\begin{align}\n\\mu_B &= \\frac{1}{m}\\sum_{i=1}^{m} x_i \\\\\n"
                f"\\sigma_B^2 &= \\frac{{1}}{{{var_den}}}\\sum_{{i=1}}^{{m}} (x_i - \\mu_B)^2 \\\\\n"
                "\\hat{x_i} &= \\frac{x_i - \\mu_B}{\\sqrt{ \\sigma_B^2 + \\epsilon }} \\\\\n"
                f"y_i &= {out}\n\\end{{align}}\n$$\n")

    right = verdicts(tmp_path, BN_NET, forward("m", "\\gamma \\hat{x_i} + \\beta"))
    assert [v for v, _ in right.values()] == ["correct"] * 4, right
    planted = verdicts(tmp_path, BN_NET, forward("m-1", "\\gamma (\\hat{x_i} + \\beta)"))
    assert [v for v, _ in planted.values()] == ["correct", "incorrect", "correct", "incorrect"], planted


def test_x_beside_batch_statistics_in_an_answer_with_weights(tmp_path):
    """An answer that writes its weights (z = W x) and then μ_B = 1/m Σ x_i: x is the network's input or the
    normalisation layer's — not called wrong by a shape, and no internal error reaches a verdict."""
    body = ("The layer: $$z^{(1)} = W^{(1)} x$$\n\n$$\\mu_B = \\frac{1}{m}\\sum_{i=1}^{m} x_i$$\n\n"
            "$$\\sigma_B^2 = \\frac{1}{m}\\sum_{i=1}^{m} (x_i - \\mu_B)^2$$\n")
    got = verdicts(tmp_path, BN_NET, body)
    for cid in ("line 3", "line 5"):
        assert got[cid][0] == "unchecked" and "normalisation layer's input" in got[cid][1], got
    assert not any("internal error" in message for _, message in got.values())


def test_the_partials_of_batch_norms_graph(tmp_path):
    """With the graph's chain rule written (∂C/∂x_i through x̂_i, μ_B and σ_B²), ∂x̂_i/∂x_i, ∂μ_B/∂x_i, ∂σ_B²/∂x_i and
    ∂x̂_i/∂μ_B are the graph's partials (the other nodes fixed): NumPy's central differences of x̂ = (x − μ)/√(σ² + ε)
    and σ² = 1/m Σ (x − μ)² at fixed nodes decide them. ∂σ_B²/∂μ_B is 0 at the batch mean whichever sign it is
    written with (not judged), and ∂C/∂σ_B² = ∂C/∂x̂_i ∂x̂_i/∂σ_B² (one example's term, no sum) is not judged."""
    m, eps = 6, 1e-5
    x = RNG.normal(size=m)
    mu, var = x.mean(), x.var()
    i = 2
    d_xhat_dx = numeric_grad(lambda v: (v - mu) / np.sqrt(var + eps), x[i])            # μ, σ² fixed
    d_xhat_dmu = numeric_grad(lambda u: (x[i] - u) / np.sqrt(var + eps), mu)
    d_var_dx = numeric_grad(lambda v: ((v - mu) ** 2 + np.sum(np.delete((x - mu) ** 2, i))) / m, x[i])  # μ fixed
    d_mu_dx = numeric_grad(lambda v: (v + np.sum(np.delete(x, i))) / m, x[i])
    d_var_dmu = numeric_grad(lambda u: np.mean((x - u) ** 2), mu)
    assert np.isclose(d_xhat_dx, 1 / np.sqrt(var + eps)) and not np.isclose(d_xhat_dx, 1 / (var + eps))
    assert np.isclose(d_xhat_dmu, -1 / np.sqrt(var + eps))
    assert np.isclose(d_var_dx, 2 * (x[i] - mu) / m) and np.isclose(d_mu_dx, 1 / m)
    assert np.isclose(d_var_dmu, 0, atol=1e-8) and np.isclose(np.mean(2 * (x - mu)), 0)  # either sign: 0

    def body(root: str) -> str:
        return ("$$\\hat{x_i} = \\frac{x_i - \\mu_B}{\\sqrt{ \\sigma_B^2 + \\epsilon }}$$\n\n"
                "$$\\frac{\\partial C}{\\partial x_i} = \\frac{\\partial C}{\\partial \\hat{x_i}} \\times "
                "\\frac{\\partial \\hat{x_i}}{\\partial x_i} + \\frac{\\partial C}{\\partial \\mu_B} \\times "
                "\\frac{\\partial \\mu_B}{\\partial x_i} + \\frac{\\partial C}{\\partial \\sigma_B^2} \\times "
                "\\frac{\\partial \\sigma_B^2}{\\partial x_i}$$\n\n"
                "$$\n\\begin{align}\n"
                f"\\frac{{\\partial \\hat{{x_i}}}}{{\\partial x_i}} &= \\frac{{1}}{{{root}}}\\\\\n"
                "\\frac{\\partial \\mu_B}{\\partial x_i} &= \\frac{1}{m}\\\\\n"
                "\\frac{\\partial \\sigma_B^2}{\\partial x_i} &= 2(x_i - \\mu_B)/m\\\\\n"
                "\\frac{\\partial \\hat{x_i}}{\\partial \\mu_B} &= \\frac{-1}{\\sqrt{ \\sigma_B^2 + \\epsilon }}\\\\\n"
                "\\frac{\\partial \\sigma_B^2}{\\partial \\mu_B} &= \\frac{1}{m}\\sum_{i=1}^{m} 2(x_i - \\mu_B)\\\\\n"
                "\\frac{\\partial C}{\\partial \\sigma_B^2} &= \\frac{\\partial C}{\\partial \\hat{x_i}} \\times "
                "\\frac{\\partial \\hat{x_i}}{\\partial \\sigma_B^2}\n\\end{align}\n$$\n")

    right = verdicts(tmp_path, BN_NET, body("\\sqrt{ \\sigma_B^2 + \\epsilon }"))
    assert [right[f"line {n}"][0] for n in ("1", "3", "7.1", "8.2", "9.3", "10.4", "11.5", "12.6")] == [
        "correct", "correct", "correct", "correct", "correct", "correct", "unchecked", "unchecked"], right
    planted = verdicts(tmp_path, BN_NET, body(" \\sigma_B^2 + \\epsilon "))
    assert planted["line 7.1"][0] == "incorrect"


def test_an_entry_of_a_parenthesised_gradient(tmp_path):
    """XanNotZan's (∇W^l)_{jk} = δ_j^l a_k^{l-1}: entry (j, k) of the gradient, the outer product δ aᵀ (NumPy below);
    with the letters swapped on one side it is wrong."""
    delta, a = RNG.normal(size=3), RNG.normal(size=2)
    grad = np.outer(delta, a)  # ∂C/∂W of z = W a + b is δ aᵀ
    assert all(np.isclose(grad[j, k], delta[j] * a[k]) for j in range(3) for k in range(2))
    body = ("$$(\\nabla W^l)_{jk} = \\delta_j^l \\cdot a_k^{l-1}$$\n\n$$(\\nabla W^l)_{j,k} = \\delta_j^l a_k^{l-1}$$\n\n"
            "$$(\\nabla W^l)_{jk} = \\delta_k^l \\cdot a_j^{l-1}$$\n")
    got = verdicts(tmp_path, SIGMOID_NET, body)
    assert [got[f"line {n}"][0] for n in (1, 3, 5)] == ["correct", "correct", "incorrect"], got


def test_the_input_gradient_summed_over_the_batch_with_another_letter(tmp_path):
    """vishalvatsalya7's final ∂C/∂x_i = (m ∂C/∂x̂_i − Σ_j ∂C/∂x̂_j − x̂_i Σ_j ∂C/∂x̂_j x̂_j) / (m √(σ_B² + ε)), j
    summed over the batch (j names an example, as i does); the copy without the first m is wrong. NumPy: central
    differences of a loss of batch norm's outputs by each x_i; and (σ² + ε)^{-1.5} read elementwise."""
    m, eps, gamma, beta = 5, 1e-5, 1.3, 0.2
    x, c = RNG.normal(size=m), RNG.normal(size=m)

    def forward(v):
        xhat = (v - v.mean()) / np.sqrt(v.var() + eps)
        return xhat, gamma * xhat + beta

    def loss(v):
        return float(np.sum(c * forward(v)[1] ** 2))

    xhat, y = forward(x)
    dxhat = 2 * c * y * gamma
    root = np.sqrt(x.var() + eps)
    dx = numeric_grad(loss, x)
    assert np.allclose(dx, (m * dxhat - dxhat.sum() - xhat * np.sum(dxhat * xhat)) / (m * root), atol=1e-5)
    assert not np.allclose(dx, (dxhat - dxhat.sum() - xhat * np.sum(dxhat * xhat)) / (m * root), atol=1e-5)

    def body(first: str) -> str:
        return ("$$\\hat{x_i} = \\frac{x_i - \\mu_B}{\\sqrt{ \\sigma_B^2 + \\epsilon }}$$\n\n"
                f"$$\\frac{{\\partial C}}{{\\partial x_i}} = \\frac{{{first}\\frac{{\\partial C}}{{\\partial \\hat{{x_i}}}} - "
                "\\sum_{j=1}^{m}\\frac{\\partial C}{\\partial \\hat{x_j}} - \\hat{x_i}\\sum_{j=1}^{m}\\frac{\\partial C}"
                "{\\partial \\hat{x_j}}\\hat{x_j}}{m\\sqrt{ \\sigma_B^2 + \\epsilon }}$$\n\n"
                "$$\\frac{\\partial \\hat{x_i}}{\\partial \\sigma_B^2} = (-0.5) \\times (x_i - \\mu_B) \\times "
                "(\\sigma_B^2 + \\epsilon)^{-1.5}$$\n")
    right = verdicts(tmp_path, BN_NET, body("m"))
    assert right["line 3"][0] == "correct", right
    assert right["line 5"][0] == "unchecked"  # (no graph chain rule written: the partial is not read)
    assert verdicts(tmp_path, BN_NET, body(""))["line 3"][0] == "incorrect"


def test_the_partials_of_the_scale_and_shift(tmp_path):
    """y_i = γ x̂_i + β: ∂y_i/∂x̂_i = γ, ∂y_i/∂γ = x̂_i, ∂y_i/∂β = 1 (NumPy's central differences), read as the graph's
    partials beside the graph's chain rule; ∂C/∂x̂_i = ∂C/∂y_i × ∂y_i/∂x̂_i = ∂C/∂y_i × γ holds, with x̂_i for γ not."""
    xhat, gamma, beta = 0.7, 1.9, -0.3
    assert np.isclose(numeric_grad(lambda v: gamma * v + beta, xhat), gamma)
    assert np.isclose(numeric_grad(lambda g: g * xhat + beta, gamma), xhat)
    assert np.isclose(numeric_grad(lambda b: gamma * xhat + b, beta), 1)
    assert not np.isclose(gamma, xhat)
    chain = ("$$\\frac{\\partial C}{\\partial x_i} = \\frac{\\partial C}{\\partial \\hat{x_i}} \\times "
             "\\frac{\\partial \\hat{x_i}}{\\partial x_i} + \\frac{\\partial C}{\\partial \\mu_B} \\times "
             "\\frac{\\partial \\mu_B}{\\partial x_i} + \\frac{\\partial C}{\\partial \\sigma_B^2} \\times "
             "\\frac{\\partial \\sigma_B^2}{\\partial x_i}$$\n\n")

    def body(factor: str) -> str:
        return (chain + "$$\\frac{\\partial C}{\\partial \\hat{x_i}} = \\frac{\\partial C}{\\partial y_i} \\times "
                f"\\frac{{\\partial y_i}}{{\\partial \\hat{{x_i}}}} = \\frac{{\\partial C}}{{\\partial y_i}} \\times {factor}$$\n\n"
                "$$\\frac{\\partial y_i}{\\partial \\hat{x_i}} = \\gamma$$\n\n"
                "$$\\frac{\\partial y_i}{\\partial \\gamma} = \\hat{x_i}$$\n\n$$\\frac{\\partial y_i}{\\partial \\beta} = 1$$\n")
    right = verdicts(tmp_path, BN_NET, body("\\gamma"))
    assert [right[f"line {n}"][0] for n in (1, 3, 5, 7, 9)] == ["correct"] * 5, right
    assert verdicts(tmp_path, BN_NET, body("\\hat{x_i}"))["line 3"][0] == "incorrect"
