"""Readings of the fourteenth round's coordinator (issue 10, user checks on a learner's notebook no corpus holds:
joyabrata-das's deep_nn_derivation.ipynb): ℓ/𝓛 defined as the whole objective with its penalty, ``$l=2$`` in prose
naming a layer, a remark ``&& \\text{where } …`` after a row, two updates side by side joined by ``, \\quad``."""

from __future__ import annotations

import numpy as np
from conftest import central_differences
from helpers_verify import spec_text

RNG = np.random.default_rng(14)
LAMBDA, M = 0.01, 4


def spec() -> str:
    return (spec_text("joy14", 3, (4, "relu"), (3, "softmax"), loss="cross_entropy")
            + f"\n[regularization]\nname = \"l2\"\nlambda = {LAMBDA}\n")


def verify(tmp_path, body: str, spec_toml: str | None = None):
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(spec_toml or spec())
    (tmp_path / "answer.md").write_text(body)
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    return {r.id: r for r in results}


def objective(p, X, Y):
    """𝓛 = −1/m Σ_i Σ_c y_ic log ŷ_ic + λ/(2m) Σ_l ‖W_l‖²_F; samples as rows, Z = X Wᵀ + b (W is n_out × n_in)."""
    A1 = np.maximum(X @ p["W1"].T + p["b1"], 0)
    Z2 = A1 @ p["W2"].T + p["b2"]
    P = np.exp(Z2 - Z2.max(axis=1, keepdims=True))
    P /= P.sum(axis=1, keepdims=True)
    return -np.sum(Y * np.log(P)) / M + LAMBDA / (2 * M) * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2)), A1, P


#: penasta's network: 2 inputs, 2 sigmoid hidden units, one identity output, the mean squared error
PENASTA = spec_text("penasta", 2, (2, "sigmoid"), (1, "identity"), loss="mse")

HEADER = ("- $X \\in \\mathbb{R}^{m \\times 3}$ : a mini-batch, $m$ its size\n"
          "- Layers: $l=1$: 3 → 4, $l=2$: 4 → 3\n\n"
          "$$\n\\mathcal{L} = -\\frac{1}{m} \\sum_{i=1}^m \\sum_{c=1}^{3} y_{i,c} \\log(\\hat{y}_{i,c}) + "
          "\\frac{\\lambda}{2m} \\sum_{l=1}^2 \\|W^{(l)}\\|_F^2\n$$\n\n")


def test_ell_defined_with_its_penalty_is_the_whole_objective(tmp_path):
    """The answer defines 𝓛 with the penalty: its ∂𝓛/∂W^{(2)} has the λ/m W term (the central differences of the
    NumPy objective say so), and the same gradient without it is wrong; the definition itself is right; ``$l=1$``,
    ``$l=2$`` in the prose name layers and get no verdict (they were "the numbers on the left give 1")."""
    X, Y = RNG.normal(size=(M, 3)), np.eye(3)[RNG.integers(0, 3, M)]
    p = {"W1": RNG.normal(size=(4, 3)), "b1": RNG.normal(size=4), "W2": RNG.normal(size=(3, 4)), "b2": RNG.normal(size=3)}
    _, A1, P = objective(p, X, Y)
    grad = central_differences(lambda q: objective(q, X, Y)[0], p)["W2"]
    with_penalty = (P - Y).T @ A1 / M + LAMBDA / M * p["W2"]
    assert np.allclose(with_penalty, grad, atol=1e-6) and not np.allclose(with_penalty - LAMBDA / M * p["W2"], grad, atol=1e-6)
    body = HEADER + ("$$\n\\frac{\\partial \\mathcal{L}}{\\partial W^{(2)}} = \\frac{1}{m} \\left( (A^{(2)} - Y)^\\top A^{(1)} "
                     "\\right) + \\frac{\\lambda}{m} W^{(2)}\n$$\n\n"
                     "$$\n\\frac{\\partial \\mathcal{L}}{\\partial W^{(2)}} = \\frac{1}{m} \\left( (A^{(2)} - Y)^\\top A^{(1)} "
                     "\\right)\n$$\n")
    got = verify(tmp_path, body)
    assert got["line 5"].verdict == "correct"  # the definition with its penalty
    assert got["line 9"].verdict == "correct" and got["line 13"].verdict == "incorrect"
    assert got["line 2"].verdict == got["line 2#2"].verdict == "unchecked" and "names a value of the index l" in got["line 2"].message


def test_a_remark_after_a_row_and_two_updates_side_by_side(tmp_path):
    """``A^{(1)} &= ReLU(Z^{(1)}) && \\text{where } ReLU(z) = \\max(0, z)``: the row and its remark, each judged (both
    hold); ``W ← W − η ∂𝓛/∂W, \\quad b ← b − η ∂𝓛/∂b``: two updates, each judged, one planted wrong (a + for the −)."""
    body = HEADER + ("$$\n\\begin{aligned}\nZ^{(1)} &= X W^{(1)\\top} + b^{(1)} \\\\\n"
                     "A^{(1)} &= \\operatorname{ReLU}(Z^{(1)}) && \\text{where } \\operatorname{ReLU}(z) = \\max(0,z)\n"
                     "\\end{aligned}\n$$\n\n"
                     "$$\nW^{(l)} \\leftarrow W^{(l)} - \\eta \\cdot \\frac{\\partial \\mathcal{L}}{\\partial W^{(l)}}, \\quad\n"
                     "b^{(l)} \\leftarrow b^{(l)} + \\eta \\cdot \\frac{\\partial \\mathcal{L}}{\\partial b^{(l)}}\n$$\n")
    got = verify(tmp_path, body)
    assert got["line 11.2"].verdict == "correct" and got["line 11.2"].message == "all 2 equations hold"
    update = got["line 16"]
    assert update.verdict == "incorrect" and update.links[:2] == ["correct", "incorrect"]


def test_a_students_quarto_answer_code_blocks_counts_and_function_definitions(tmp_path):
    """penasta's R Markdown homework (Portuguese): the `$` of R code (``resultados$losses_treino``) in a ```{r} block
    is no math; ``$m=100.000$`` (the number of observations) is not judged against a batch the tool chose; and the
    logistic function defined by the activation's letter, ``a(x) = \\frac{1}{1+e^{-x}}``, is no claim about the
    network's input x (it was "incorrect": read as the hidden activation and x the input)."""
    x = np.linspace(-3, 3, 7)
    assert np.allclose(1 / (1 + np.exp(-x)), 0.5 * (1 + np.tanh(x / 2)))  # (what a(x) defines: the logistic function)
    body = ("O código simula $m=100.000$ observações.\n\n"
            "onde $a(x) = \\frac{1}{1+e^{-x}}$ representa a função de ativação logística.\n\n"
            "```{r, cache=TRUE}\nlosses_df <- tibble(epoch = 1:100,\n   treino = resultados$losses_treino,\n"
            "   validacao = resultados$losses_valid)\n```\n\n"
            "$$\\frac{\\partial J}{\\partial \\hat y} = \\hat y - y$$\n")
    got = verify(tmp_path, body, PENASTA)
    assert list(got) == ["line 1", "line 3", "line 11"]  # (nothing from the code block)
    assert got["line 1"].verdict == "unchecked" and "how many examples" in got["line 1"].message
    assert got["line 3"].verdict == "unchecked" and got["line 3"].latex.startswith("a(x)")


def test_the_network_as_a_function_and_one_examples_output_by_its_unit(tmp_path):
    """``\\hat{y}=f(\\boldsymbol{x}; \\boldsymbol{\\phi})`` (the network as a function of its input and parameters) is
    its output, so ``f(x; W, b) = W^{(2)} h^{(1)} + b^{(2)}`` holds and the same without the bias does not (NumPy says
    so); penasta's ``\\hat{y} = h_{2,1}`` (one example's output by its layer and unit, read as one entry of a batch
    gradproof chose for the document's 1/m Σ_i) gives one number for a batch: unchecked, not "expected 1×4"."""
    W1, b1, W2, b2, x = RNG.normal(size=(2, 2)), RNG.normal(size=2), RNG.normal(size=(1, 2)), RNG.normal(size=1), RNG.normal(size=2)
    h1 = 1 / (1 + np.exp(-(W1 @ x + b1)))
    yhat = W2 @ h1 + b2  # (identity output)
    assert not np.allclose(W2 @ h1, yhat)
    body = ("$$\\hat{y}=f(\\boldsymbol{x}; \\boldsymbol{\\phi})$$\n\n$$f(x; W, b) = W^{(2)} h^{(1)} + b^{(2)}$$\n\n"
            "$$f(x; W, b) = W^{(2)} h^{(1)}$$\n\n$$J = \\frac{1}{m}\\sum_{i=1}^m (\\hat{y}_i - y_i)^2$$\n\n"
            "Como $\\hat{y}_i = h(f_{1,i})$; e $f_{1,i} = \\boldsymbol{\\Omega}_1\\boldsymbol{h}_{1,i}+\\beta_1$; e "
            "$\\boldsymbol{f}_{0,i} = \\boldsymbol{\\Omega}_0\\boldsymbol{x}_i + \\boldsymbol{\\beta}_0$.\n\n"
            "\\begin{align*}\n\\hat{y} & = h_{2, 1},\n\\end{align*}\n")
    got = verify(tmp_path, body, PENASTA)
    assert [got[k].verdict for k in ("line 1", "line 3", "line 5")] == ["correct", "correct", "incorrect"]
    assert got["line 3"].latex.startswith("f(x; W, b)")  # (shown as written)
    assert got["line 12"].verdict == "unchecked" and "gives one, an entry" in got["line 12"].message
