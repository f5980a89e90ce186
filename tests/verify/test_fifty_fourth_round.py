r"""Fifty-fourth round (issue 10): answers typed as plain text (no ``$…$``), as students type them in a Markdown cell or
a ``.txt`` homework, run through verify first (docs/handover/hunt54 holds them).

- Prose around the mathematics on one line: "loss L = ½‖ŷ − y‖²" (the word read as a factor: a false reject), "The
  hidden layer is h = tanh(W₁x + b₁) and the output is ŷ = …" (skipped, so h had no layer), "… where z1 = W1 x + b1"
  (the word read as letters), "Going back through W2 gives dL/dh = …".
- A where-clause defining a letter the row uses (plain text and ``\text{where }`` in LaTeX): read with the definition.
- ``w₂ᵀh`` typed in Unicode: the readings of the answer's own definitions saw only LaTeX.
- ``Yhat`` (a batch's prediction), ``mean(…)``, Ng's ``v_dW1`` / ``VdW1``, Nielsen's ``w^l_jk`` typed plain.
- ``z = W2 h + b2`` (a plain digit for the layer) then ``ŷ = softmax(z)``: z was read as the hidden layer's (a false
  reject).
- A worked example's values typed as flat lists (``w = [0.1, -0.2, 0.3]`` for a one-unit layer): not taken as its values.

The expected verdicts come from NumPy: each formula is evaluated on a random instance and compared with central
differences of the loss, or with the step worked by hand in NumPy, never from verify."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import expected_verdict, gradient_of, sigmoid, spec_toml

rng = np.random.default_rng(54)


def _by_id(tmp_path, spec: str, body: str, name: str = "answer.txt") -> dict:
    """verify's results for the plain-text answer ``body`` against the spec text ``spec``, by claim id."""
    from gradproof.verify.cli import verify_file

    (tmp_path / "net.spec.toml").write_text(spec)
    (tmp_path / name).write_text(body)
    results, _, _ = verify_file(str(tmp_path / name), str(tmp_path / "net.spec.toml"))
    return {r.id: r for r in results}


def _tanh_softmax_instance():
    """One example of a 3-4-3 tanh / softmax network with the cross-entropy: its values and the oracle's gradients."""
    x, y = rng.normal(size=3), np.eye(3)[1]
    W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(3, 4)), rng.normal(size=3)

    def loss(W1=W1, b1=b1, W2=W2):
        z2 = W2 @ np.tanh(W1 @ x + b1) + b2
        return float(np.log(np.exp(z2).sum()) - z2 @ y)

    h = np.tanh(W1 @ x + b1)
    z2 = W2 @ h + b2
    yhat = np.exp(z2) / np.exp(z2).sum()
    grads = {"b1": gradient_of(lambda v: loss(b1=v), b1), "W2": gradient_of(lambda v: loss(W2=v), W2),
             "W1": gradient_of(lambda v: loss(W1=v), W1),
             "z2": gradient_of(lambda v: float(np.log(np.exp(v).sum()) - v @ y), z2)}
    return x, y, W1, W2, h, yhat, grads


TANH_SOFTMAX = spec_toml("plain54", 3, [(4, "tanh"), (3, "softmax")], "cross_entropy")


def test_definitions_in_a_sentence_bind_the_answers_letters(tmp_path):
    x, y, W1, W2, h, yhat, g = _tanh_softmax_instance()
    e = W2.T @ (yhat - y)
    body = ("# 4. Backprop\n\n"
            "The hidden layer is h = tanh(W₁x + b₁) and the output is ŷ = softmax(W₂h + b₂); the loss is the cross-entropy\n"
            "L = −Σₖ yₖ log ŷₖ.\n\n"
            "∂L/∂b₁ = W₂ᵀ(ŷ − y) ⊙ (1 − h²)\n"
            "∂L/∂b₁ = W₂ᵀ(ŷ − y) ⊙ (1 − h)²\n"
            "∂L/∂W₁ = (W₂ᵀ(ŷ − y) ⊙ (1 − h²)) xᵀ\n")
    found = _by_id(tmp_path, TANH_SOFTMAX, body, "answer.md")
    assert found["line 3"].verdict == "correct", found["line 3"].message  # the two definitions, read from the sentence
    assert found["line 6"].verdict == expected_verdict(e * (1 - h * h), g["b1"]) == "correct", found["line 6"].message
    assert found["line 7"].verdict == expected_verdict(e * (1 - h) ** 2, g["b1"]) == "incorrect", found["line 7"].message
    assert found["line 8"].verdict == expected_verdict(np.outer(e * (1 - h * h), x), g["W1"]), found["line 8"].message


def test_a_word_before_the_objective_letter_is_no_factor(tmp_path):
    """m1: "…, loss L = 0.5 * ||yhat - y||^2" was read as loss · L (a false reject of a right definition)."""
    spec = spec_toml("relu54", 3, [(4, "relu"), (2, "identity")], "squared_error")
    body = ("Network: h = relu(W1 x + b1), yhat = W2 h + b2, loss L = 0.5 * ||yhat - y||^2\n"
            "Network: h = relu(W1 x + b1), yhat = W2 h + b2, loss L = ||yhat - y||^2\n")
    found = _by_id(tmp_path, spec, body)
    y, yhat = rng.normal(size=2), rng.normal(size=2)
    half, whole = 0.5 * float(np.sum((yhat - y) ** 2)), float(np.sum((yhat - y) ** 2))
    spec_loss = 0.5 * float(np.sum((y - yhat) ** 2))  # the spec's squared_error: ½‖y − ŷ‖² (DESIGN.md)
    assert found["line 1"].verdict == expected_verdict(half, spec_loss) == "correct", found["line 1"].message
    assert found["line 2"].verdict == expected_verdict(whole, spec_loss) == "incorrect", found["line 2"].message


@pytest.mark.parametrize("style", ["plain", "latex"])
def test_a_where_clause_defining_a_letter_the_row_uses(tmp_path, style):
    x, y, W1, W2, h, yhat, g = _tanh_softmax_instance()
    e = W2.T @ (yhat - y)
    if style == "plain":
        rows = ["dL/db1 = W2^T (yhat - y) * (1 - h^2)   where h = tanh(W1 x + b1)",
                "dL/db1 = W2^T (yhat - y) * (1 - h)   where h = tanh(W1 x + b1)"]
        body = "Forward: yhat = softmax(W2 h + b2)\n\n" + "\n".join(rows) + "\n"
        found, ids = _by_id(tmp_path, TANH_SOFTMAX, body), ("line 3", "line 4")
    else:
        rows = [r"\frac{\partial L}{\partial b_1} = W_2^T (\hat y - y) \odot (1 - h^2) \quad \text{where } h = \tanh(W_1 x + b_1)",
                r"\frac{\partial L}{\partial b_1} = W_2^T (\hat y - y) \odot (1 - h) \quad \text{where } h = \tanh(W_1 x + b_1)"]
        body = "# Q\n\n$\\hat y = \\mathrm{softmax}(W_2 h + b_2)$\n\n" + "\n\n".join(f"${r}$" for r in rows) + "\n"
        found, ids = _by_id(tmp_path, TANH_SOFTMAX, body, "answer.md"), ("line 5", "line 7")
    assert found[ids[0]].verdict == expected_verdict(e * (1 - h * h), g["b1"]) == "correct", found[ids[0]].message
    assert found[ids[1]].verdict == expected_verdict(e * (1 - h), g["b1"]) == "incorrect", found[ids[1]].message


def test_a_transposed_weight_vector_typed_in_unicode(tmp_path):
    x = rng.normal(size=3)
    W1, b1, w2, b2, y = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=4), rng.normal(), 1.0
    h = np.tanh(W1 @ x + b1)
    yhat = sigmoid(w2 @ h + b2)

    def bce(v):
        p = sigmoid(v @ h + b2)
        return float(-y * np.log(p) - (1 - y) * np.log(1 - p))

    dw2 = gradient_of(bce, w2)
    body = ("The hidden layer is h = tanh(W₁x + b₁) and the output is ŷ = σ(w₂ᵀh + b₂).\n\n"
            "- ∂L/∂w₂ = (ŷ − y) h\n- ∂L/∂w₂ = (ŷ − y) x\n")
    found = _by_id(tmp_path, spec_toml("w54", 3, [(4, "tanh"), (1, "sigmoid")], "binary_cross_entropy"), body, "answer.md")
    assert found["line 3"].verdict == expected_verdict((yhat - y) * h, dw2) == "correct", found["line 3"].message
    assert found["line 4"].verdict == "incorrect", found["line 4"].message  # (ŷ − y) x: 3 entries for w₂'s 4


def test_a_plain_digit_layer_binds_a_bare_letter(tmp_path):
    """z = W2 h + b2, ŷ = softmax(z): z is the output layer's (it was read as the hidden one's: a false reject)."""
    x, y, W1, W2, h, yhat, g = _tanh_softmax_instance()
    body = ("# S\n\nSetup: z = W2 h + b2, ŷ = softmax(z), h = tanh(W1 x + b1).\n\n∂L/∂z = ŷ − y\n∂L/∂z = y − ŷ\n")
    found = _by_id(tmp_path, TANH_SOFTMAX, body, "answer.md")
    assert found["line 5"].verdict == expected_verdict(yhat - y, g["z2"]) == "correct", found["line 5"].message
    assert found["line 6"].verdict == expected_verdict(y - yhat, g["z2"]) == "incorrect", found["line 6"].message


def test_a_batch_typed_with_yhat_and_mean(tmp_path):
    """m3, m12: Yhat (the batch's prediction) was read as Y·h·a·t; NumPy's mean by its bare name did not read."""
    n = 5
    X, Y = rng.normal(size=(n, 3)), rng.normal(size=(n, 2))
    W1, b1, W2, b2 = rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=(4, 2)), rng.normal(size=2)
    H = np.maximum(X @ W1 + b1, 0)
    Yhat = H @ W2 + b2
    dW2 = gradient_of(lambda v: float(np.sum((H @ v + b2 - Y) ** 2)) / (2 * n), W2)
    spec = spec_toml("batch54", 3, [(4, "relu"), (2, "identity")], "squared_error")
    body = ("Mini-batch of N rows. H = relu(X W1 + b1), Yhat = H W2 + b2\n"
            "J = mean(sum((Yhat - Y)**2, axis=1)) / 2\n"
            "dJ/dW2 = H^T (Yhat - Y) / N\n"
            "dJ/dW2 = H^T (Yhat - Y)\n")
    found = _by_id(tmp_path, spec.replace('convention = "row"\n', 'convention = "row"\n'), body)
    assert found["line 1"].verdict == "correct", found["line 1"].message  # the forward definitions (a false reject)
    assert found["line 2"].verdict == "correct", found["line 2"].message  # ½ · mean over rows of ‖ŷ − y‖²
    assert found["line 3"].verdict == expected_verdict(H.T @ (Yhat - Y) / n, dW2) == "correct", found["line 3"].message
    assert found["line 4"].verdict == expected_verdict(H.T @ (Yhat - Y), dW2) == "incorrect", found["line 4"].message


@pytest.mark.parametrize("name", ["v_dW1", "VdW1"])
def test_an_optimizers_state_named_by_its_gradient(tmp_path, name):
    """Ng's v_dW typed plain: the recurrence v = βv + (1 − β)dW and the step W − αv; a plain gradient step is named."""
    spec = spec_toml("mom54", 2, [(3, "relu"), (1, "sigmoid")], "binary_cross_entropy").replace(
        'name = "sgd"\nlearning_rate = 0.1', 'name = "momentum"\nlearning_rate = 0.01\nmomentum = 0.9\nvariant = "ema"')
    beta, lr = 0.9, 0.01
    v_prev, dW = rng.normal(size=(3, 2)), rng.normal(size=(3, 2))
    right, swapped = beta * v_prev + (1 - beta) * dW, (1 - beta) * v_prev + beta * dW
    body = (f"z1 = W1 x + b1\n{name} = beta * {name} + (1 - beta) * dW1\n{name} = (1 - beta) * {name} + beta * dW1\n"
            f"W1 = W1 - alpha * {name}\nW1 = W1 - alpha * dW1\n")
    found = _by_id(tmp_path, spec, body)
    assert found["line 2"].verdict == expected_verdict(right, right) == "correct", found["line 2"].message
    assert found["line 3"].verdict == expected_verdict(swapped, right) == "incorrect", found["line 3"].message
    assert found["line 4"].verdict == "correct", found["line 4"].message
    W = rng.normal(size=(3, 2))
    assert expected_verdict(W - lr * dW, W - lr * (beta * 0 + (1 - beta) * dW)) == "incorrect"  # (the first step)
    assert found["line 5"].verdict == "incorrect" and "plain gradient step" in found["line 5"].message, found["line 5"].message


def _sigmoid_stack(seed: int):
    """One example of a 2-3-3-2 sigmoid network with ½‖a³ − y‖²: x, W (a list), the activations a¹, a², the output's δ³
    and ``grad(k)``, the oracle's ∂C/∂W of layer k + 1 by central differences."""
    rng_ = np.random.default_rng(seed)
    x, y = rng_.normal(size=2), rng_.normal(size=2)
    W = [rng_.normal(size=(3, 2)), rng_.normal(size=(3, 3)), rng_.normal(size=(2, 3))]
    b = [rng_.normal(size=3), rng_.normal(size=3), rng_.normal(size=2)]

    def cost(layer: int, value):
        a = x
        for k, (w, c) in enumerate(zip(W, b, strict=True)):
            a = sigmoid((value if k == layer else w) @ a + c)
        return 0.5 * float(np.sum((a - y) ** 2))

    a1 = sigmoid(W[0] @ x + b[0])
    a2 = sigmoid(W[1] @ a1 + b[1])
    a3 = sigmoid(W[2] @ a2 + b[2])
    return x, W, a1, a2, (a3 - y) * a3 * (1 - a3), lambda k: gradient_of(lambda v: cost(k, v), W[k])


SIGMOID_STACK = spec_toml("stack54", 2, [(3, "sigmoid"), (3, "sigmoid"), (2, "sigmoid")], "squared_error")


def test_nielsens_equations_typed_plain(tmp_path):
    x, W, a1, a2, d3, grad = _sigmoid_stack(7)
    d2 = (W[2].T @ d3) * a2 * (1 - a2)
    dW2 = grad(1)
    body = ("BP4: dC/dw^l_jk = a^{l-1}_k delta^l_j\nBP4 (swapped): dC/dw^l_jk = a^{l-1}_j delta^l_k\n")
    found = _by_id(tmp_path, SIGMOID_STACK, body)
    assert expected_verdict(np.outer(d2, a1), dW2) == "correct"  # (the oracle: layer 2's, a square layer)
    assert found["line 1"].verdict == "correct", found["line 1"].message
    assert found["line 2"].verdict == expected_verdict(np.outer(a1, d2), dW2) == "incorrect", found["line 2"].message


def test_a_worked_example_with_its_values_as_flat_lists(tmp_path):
    """m7: x = [1, 2, -1], w = [0.1, -0.2, 0.3] of one sigmoid unit: the answer's own values, its steps checked."""
    x, w, b, y, lr = np.array([1.0, 2.0, -1.0]), np.array([0.1, -0.2, 0.3]), 0.1, 1.0, 0.1
    a = sigmoid(w @ x + b)
    dw = gradient_of(lambda v: float(-np.log(sigmoid(v @ x + b))), w)
    new = w - lr * dw
    body = ("x = [1, 2, -1], w = [0.1, -0.2, 0.3], b = 0.1, y = 1\n\n"
            f"a = sigmoid(w^T x + b) = {a:.4f}\n"
            f"dL/dw = (a - y) x = [{', '.join(f'{v:.4f}' for v in (a - y) * x)}]\n"
            f"w_new = w - 0.1 * dL/dw = [{', '.join(f'{v:.4f}' for v in new)}]\n"
            f"w_new = w + 0.1 * dL/dw = [{', '.join(f'{v:.4f}' for v in new)}]\n")
    found = _by_id(tmp_path, spec_toml("unit54", 3, [(1, "sigmoid")], "binary_cross_entropy"), body)
    assert expected_verdict((a - y) * x, dw) == "correct"
    assert [found[f"line {k}"].verdict for k in (3, 4, 5)] == ["correct"] * 3, [found[f"line {k}"].message for k in (3, 4, 5)]
    assert found["line 6"].verdict == "incorrect", found["line 6"].message  # w + η ∂L/∂w is not the step


def test_a_mistake_set_out_in_prose_is_no_claim(tmp_path):
    body = ("Forward: h = tanh(W1 x + b1), yhat = softmax(W2 h + b2)\n"
            "A common mistake is to write dL/dW2 = h (yhat - y)^T instead.\n"
            "If we forgot the transpose we would get dL/dh = W2 (yhat - y).\n")
    found = _by_id(tmp_path, TANH_SOFTMAX, body)
    assert set(found) == {"line 1"}, {k: r.message for k, r in found.items()}


@pytest.mark.parametrize("style", ["latex", "plain"])
def test_a_chain_rule_in_an_implication_is_read_in_the_jacobian_layout(tmp_path, style):
    """∂L/∂z₂ = ∂L/∂ŷ ∂ŷ/∂z₂ ⟹ ∂L/∂z₂ = ŷ − y: the chain's layout was read from claims without an implication only (a
    false reject when the answer's one chain sits in one); dyhat/dz2 typed plain is the Jacobian ∂ŷ/∂z₂."""
    x, y, W1, W2, h, yhat, g = _tanh_softmax_instance()
    jac = np.diag(yhat) - np.outer(yhat, yhat)  # ∂ŷ/∂z₂ of the softmax (rows: ŷ's entries)
    dyhat = -y / yhat
    assert expected_verdict(dyhat @ jac, g["z2"]) == "correct"  # (the numerator layout: the row ∂L/∂ŷ times the Jacobian)
    if style == "latex":
        body = ("# Q\n\n$h = \\tanh(W_1 x + b_1)$, $\\hat y = \\mathrm{softmax}(W_2 h + b_2)$\n\n"
                "$\\frac{\\partial L}{\\partial z_2} = \\frac{\\partial L}{\\partial \\hat y} \\frac{\\partial \\hat y}{\\partial z_2}"
                " \\implies \\frac{\\partial L}{\\partial z_2} = \\hat y - y$\n")
        found, claim = _by_id(tmp_path, TANH_SOFTMAX, body, "answer.md"), "line 5"
    else:
        body = ("h = tanh(W1 x + b1), yhat = softmax(W2 h + b2), L = cross-entropy\n\n"
                "dL/dz2 = dL/dyhat * dyhat/dz2 => dL/dz2 = yhat - y\n")
        found, claim = _by_id(tmp_path, TANH_SOFTMAX, body), "line 3"
        assert found["line 1"].verdict == "correct", found["line 1"].message  # (L named in words: no formula, left out)
    assert found[claim].verdict == "correct", found[claim].message


def test_a_definition_among_a_lines_equations_is_not_graded(tmp_path):
    x, y, W1, W2, h, yhat, g = _tanh_softmax_instance()
    e = yhat - y
    body = ("Here h = tanh(W1 x + b1) and yhat = softmax(W2 h + b2), L the cross-entropy.\n"
            "Let e = yhat - y. Then dL/dW2 = e h^T and dL/db2 = e.\n"
            "Let e = yhat - y. Then dL/dW2 = h e^T and dL/db2 = e.\n")
    found = _by_id(tmp_path, TANH_SOFTMAX, body)
    assert found["line 2"].verdict == expected_verdict(np.outer(e, h), g["W2"]) == "correct", found["line 2"].message
    assert found["line 3"].verdict == "incorrect", found["line 3"].message  # h eᵀ: 4 × 3 for W₂'s 3 × 4


def test_a_greek_letters_unit_typed_plain(tmp_path):
    """delta_h1 (the hidden unit h1's δ) was read as δ_h times 1: a false reject of a right step worked by hand."""
    x, t = np.array([1.0, 0.5]), 1.0
    W, v = np.array([[0.5, -0.3], [0.2, 0.4]]), np.array([0.7, -0.1])
    h = sigmoid(W @ x)
    o = sigmoid(v @ h)
    dW = gradient_of(lambda w: 0.5 * float((t - sigmoid(v @ sigmoid(w @ x))) ** 2), W)
    d_o = (o - t) * o * (1 - o)
    d_h1 = d_o * v[0] * h[0] * (1 - h[0])
    spec = spec_toml("unit54b", 2, [(2, "sigmoid"), (1, "sigmoid")], "squared_error").replace(
        'activation = "sigmoid"\n', 'activation = "sigmoid"\nbias = false\n')
    body = ("Inputs x1 = 1, x2 = 0.5, target t = 1. Hidden weights w11 = 0.5, w12 = -0.3, w21 = 0.2, w22 = 0.4; output "
            "weights v1 = 0.7, v2 = -0.1; no biases.\n\n"
            f"h1 = sigmoid(w11*x1 + w12*x2) = {h[0]:.4f}\n"
            f"h2 = sigmoid(w21*x1 + w22*x2) = {h[1]:.4f}\n"
            f"o = sigmoid(v1*h1 + v2*h2) = {o:.4f}\n"
            f"delta_o = (o - t) * o * (1 - o) = {d_o:.4f}\n"
            f"delta_h1 = delta_o * v1 * h1 * (1 - h1) = {d_h1:.4f}\n"
            f"dE/dw11 = delta_h1 * x1 = {d_h1 * x[0]:.4f}\n"
            f"dE/dw11 = delta_h1 * x2 = {d_h1 * x[1]:.4f}\n")
    found = _by_id(tmp_path, spec, body)
    assert expected_verdict(d_h1 * x[0], dW[0, 0]) == "correct"
    assert found["line 8"].verdict == "correct", found["line 8"].message
    assert found["line 9"].verdict == "incorrect", found["line 9"].message


def test_a_plain_lists_orientation_is_the_quantitys(tmp_path):
    """m22: a worked example typed plain; dE/dW2 = delta2 * h^T = [0.0822, 0.0827] of a 1 × 2 W2 was read as a column
    (a false reject: "the result is transposed"); δ¹ = W2ᵀ δ² written without the slope is still wrong."""
    x, y = np.array([0.05, 0.10]), 0.01
    W1, b1, W2, b2 = np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([0.35, 0.35]), np.array([[0.40, 0.45]]), np.array([0.60])
    h = sigmoid(W1 @ x + b1)
    yhat = sigmoid(W2 @ h + b2)
    dW2 = gradient_of(lambda v: 0.5 * float(np.sum((y - sigmoid(v @ h + b2)) ** 2)), W2)
    d2 = (yhat - y) * yhat * (1 - yhat)
    assert expected_verdict(np.outer(d2, h), dW2) == "correct"
    body = ("Problem 2: a 2-2-1 sigmoid network, E = 1/2 (y - yhat)^2, learning rate 0.1\n\n"
            "x = [0.05, 0.10], y = 0.01\nW1 = [[0.15, 0.20], [0.25, 0.30]], b1 = [0.35, 0.35]\nW2 = [[0.40, 0.45]], b2 = [0.60]\n\n"
            f"delta2 = (yhat - y) * yhat * (1 - yhat) = {d2[0]:.4f}\n"
            f"dE/dW2 = delta2 * h^T = [{', '.join(f'{v:.4f}' for v in d2[0] * h)}]\n"
            f"delta1 = W2^T delta2 = [{', '.join(f'{v:.4f}' for v in W2[0] * d2[0])}]\n")
    found = _by_id(tmp_path, spec_toml("g54", 2, [(2, "sigmoid"), (1, "sigmoid")], "squared_error"), body)
    assert found["Problem2.1"].verdict == "correct", found["Problem2.1"].message  # (the prose piece left out)
    assert found["Problem2.6"].verdict == "correct", found["Problem2.6"].message
    assert found["Problem2.7"].verdict == "incorrect", found["Problem2.7"].message


def test_adams_hatted_moments_typed_plain(tmp_path):
    """m21: mhat_t, vhat_t (Adam's corrected moments) typed as words."""
    spec = spec_toml("adam54", 2, [(3, "tanh"), (1, "identity")], "squared_error").replace(
        'name = "sgd"\nlearning_rate = 0.1', 'name = "adam"\nlearning_rate = 0.001\nbeta1 = 0.9\nbeta2 = 0.999\nepsilon = 1e-8')
    m, b1, b2, t = rng.normal(size=3), 0.9, 0.999, 3
    body = ("m_t = beta1 * m_{t-1} + (1 - beta1) * g_t\nv_t = beta2 * v_{t-1} + (1 - beta2) * g_t^2\n"
            "mhat_t = m_t / (1 - beta1^t)\nmhat_t = m_t / (1 - beta2^t)\nvhat_t = v_t / (1 - beta2^t)\n"
            "W2 = W2 - alpha * mhat_t / (sqrt(vhat_t) + eps)\nwhere g_t = dL/dW2\n")
    assert expected_verdict(m / (1 - b1 ** t), m / (1 - b2 ** t)) == "incorrect"  # (β₂ in m̂'s correction: another value)
    found = _by_id(tmp_path, spec, body)
    assert [found[f"line {k}"].verdict for k in (3, 4, 5, 6)] == ["correct", "incorrect", "correct", "correct"], [
        found[f"line {k}"].message for k in (3, 4, 5, 6)]


@pytest.mark.parametrize("style", ["latex", "plain"])
def test_a_letter_defined_in_a_row_of_a_block(tmp_path, style):
    """p = softmax(z_2), \\quad z_2 = W_2 h + b_2 on one line: p was read from the whole line (its right side runs on
    into the next equation), so never bound, in LaTeX as in plain text."""
    x, y = rng.normal(size=4), np.eye(3)[2]
    W1, b1, W2, b2 = rng.normal(size=(5, 4)), rng.normal(size=5), rng.normal(size=(3, 5)), rng.normal(size=3)
    h = np.maximum(W1 @ x + b1, 0)
    z2 = W2 @ h + b2
    p = np.exp(z2) / np.exp(z2).sum()
    dz2 = gradient_of(lambda v: float(np.log(np.exp(v).sum()) - v @ y), z2)
    spec = spec_toml("rows54", 4, [(5, "relu"), (3, "softmax")], "cross_entropy")
    if style == "latex":
        body = ("# Q\n\n$p = \\mathrm{softmax}(z_2), \\quad z_2 = W_2 h + b_2, \\quad h = \\mathrm{relu}(W_1 x + b_1)$\n\n"
                "$\\frac{\\partial L}{\\partial z_2} = p - y$\n\n$\\frac{\\partial L}{\\partial z_2} = y - p$\n")
        found, ids = _by_id(tmp_path, spec, body, "answer.md"), ("line 3", "line 5", "line 7")
    else:
        body = "p = softmax(z2), z2 = W2 h + b2, h = relu(W1 x + b1)\n\ndL/dz2 = p - y\ndL/dz2 = y - p\n"
        found, ids = _by_id(tmp_path, spec, body), ("line 1", "line 3", "line 4")
    assert found[ids[0]].verdict == "correct", found[ids[0]].message
    assert found[ids[1]].verdict == expected_verdict(p - y, dz2) == "correct", found[ids[1]].message
    assert found[ids[2]].verdict == expected_verdict(y - p, dz2) == "incorrect", found[ids[2]].message


def test_statements_in_a_parenthesis_and_cases_typed_plain(tmp_path):
    """m24: "… with true class y (p = softmax(z2), …):" (the statements in one parenthesis after words) and "dL/dz2_i =
    p_i - 1 if i = y, p_i otherwise" (cases typed plain)."""
    x, label = rng.normal(size=4), 1
    y = np.eye(3)[label]
    W1, b1, W2, b2 = rng.normal(size=(5, 4)), rng.normal(size=5), rng.normal(size=(3, 5)), rng.normal(size=3)
    z2 = W2 @ np.maximum(W1 @ x + b1, 0) + b2
    p = np.exp(z2) / np.exp(z2).sum()
    dz2 = gradient_of(lambda v: float(np.log(np.exp(v).sum()) - v[label]), z2)
    body = ("Softmax + cross-entropy for one example with true class y (p = softmax(z2), z2 = W2 h + b2, h = relu(W1 x + b1)):\n\n"
            "dL/dz2_i = p_i - 1 if i = y, p_i otherwise\n"
            "dL/dz2_i = 1 - p_i if i = y, p_i otherwise\n")
    found = _by_id(tmp_path, spec_toml("cases54", 4, [(5, "relu"), (3, "softmax")], "cross_entropy"), body)
    assert found["line 1"].verdict == "correct", found["line 1"].message
    assert found["line 3"].verdict == expected_verdict(p - y, dz2) == "correct", found["line 3"].message
    wrong = np.where(np.arange(3) == label, 1 - p, p)
    assert found["line 4"].verdict == expected_verdict(wrong, dz2) == "incorrect", found["line 4"].message


def test_pseudocode_with_layers_in_brackets(tmp_path):
    """m23: delta[L], a[l-1], W[l+1].T and a loop's header "for l = L-1 down to 1:" (no claim)."""
    _x, _W, _a1, a2, d3, grad = _sigmoid_stack(23)
    assert expected_verdict(np.outer(d3, a2), grad(2)) == "correct"
    body = ("delta[L] = (a[L] - y) * a[L] * (1 - a[L])\nfor l = L-1 down to 1:\n"
            "    delta[l] = (W[l+1].T @ delta[l+1]) * a[l] * (1 - a[l])\n"
            "dC/dW[l] = delta[l] @ a[l-1].T\ndC/dW[l] = a[l-1] @ delta[l].T\n")
    found = _by_id(tmp_path, SIGMOID_STACK, body)
    assert "line 2" not in found  # (the loop's header)
    assert [found[f"line {k}"].verdict for k in (1, 3, 4)] == ["correct"] * 3, [found[f"line {k}"].message for k in (1, 3, 4)]
    assert found["line 5"].verdict == "incorrect", found["line 5"].message


def test_octaves_notation_typed_plain(tmp_path):
    """m27, m28: Octave's h' (a transpose, read as a slope: false rejects) and W2' (read as W after the step), .^ and a
    cost's sum( over every term."""
    x, y, W1, W2, h, yhat, g = _tanh_softmax_instance()
    e = W2.T @ (yhat - y)
    body = ("h = tanh(W1 * x + b1), yhat = softmax(W2 * h + b2)\n\n"
            "dL/dW2 = (yhat - y) * h'\n"
            "dL/dh = W2' * (yhat - y)\n"
            "dL/db1 = (W2' * (yhat - y)) .* (1 - h.^2)\n"
            "dL/dW2 = h * (yhat - y)'\n")
    found = _by_id(tmp_path, TANH_SOFTMAX, body)
    assert found["line 3"].verdict == expected_verdict(np.outer(yhat - y, h), g["W2"]) == "correct", found["line 3"].message
    assert found["line 4"].verdict == "correct", found["line 4"].message
    assert found["line 5"].verdict == expected_verdict(e * (1 - h ** 2), g["b1"]) == "correct", found["line 5"].message
    assert found["line 6"].verdict == expected_verdict(np.outer(h, yhat - y), g["W2"]) == "incorrect", found["line 6"].message


def test_a_cost_defined_with_octaves_sum(tmp_path):
    spec = spec_toml("sum54", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error")
    yhat, y = rng.uniform(size=2), rng.uniform(size=2)
    spec_loss = 0.5 * float(np.sum((y - yhat) ** 2))  # the spec's squared_error (DESIGN.md): ½‖y − ŷ‖²
    assert expected_verdict(0.5 * float(np.sum((yhat - y) ** 2)), spec_loss) == "correct"
    body = ("a2 = sigmoid(W1 * x + b1), a3 = sigmoid(W2 * a2 + b2)\n"
            "cost J = 1/2 * sum((a3 - y).^2)\ncost J = sum((a3 - y).^2)\n")
    found = _by_id(tmp_path, spec, body)
    assert found["line 2"].verdict == "correct", found["line 2"].message
    assert found["line 3"].verdict == "incorrect", found["line 3"].message


def test_a_plain_answer_in_german(tmp_path):
    """m30: "Für die verborgene Schicht gilt dL/dz1 = …" (opening words with an umlaut: the line was skipped) and
    "… hᵀ und dL/db2 = ŷ - y" (German's and)."""
    x, y, W1, W2, h, yhat, g = _tanh_softmax_instance()
    body = ("Die verborgene Schicht ist h = tanh(W1 x + b1), die Ausgabe ŷ = softmax(W2 h + b2).\n"
            "Also dL/dW2 = (ŷ - y) hᵀ und dL/db2 = ŷ - y.\n"
            "Für die verborgene Schicht gilt dL/db1 = W2ᵀ (ŷ - y) ⊙ (1 - h²).\n"
            "Für die verborgene Schicht gilt dL/db1 = W2ᵀ (ŷ - y) ⊙ (1 - h)².\n")
    found = _by_id(tmp_path, TANH_SOFTMAX, body)
    e = W2.T @ (yhat - y)
    assert found["line 2"].verdict == expected_verdict(np.outer(yhat - y, h), g["W2"]) == "correct", found["line 2"].message
    assert found["line 3"].verdict == expected_verdict(e * (1 - h * h), g["b1"]) == "correct", found["line 3"].message
    assert found["line 4"].verdict == expected_verdict(e * (1 - h) ** 2, g["b1"]) == "incorrect", found["line 4"].message


def test_a_description_after_a_definition(tmp_path):
    """"With a = sigmoid(W1 x + b1) the hidden activation and p = softmax(W2 a + b2), …": the description after the
    definition made the whole statement prose, so a (and p with it) was never defined (found trying an answer from a
    wheel, after the round)."""
    x, label = rng.normal(size=3), 0
    y = np.eye(2)[label]
    W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(2, 4)), rng.normal(size=2)
    a = sigmoid(W1 @ x + b1)
    z2 = W2 @ a + b2
    p = np.exp(z2) / np.exp(z2).sum()
    dW2 = gradient_of(lambda v: float(np.log(np.exp(v @ a + b2).sum()) - (v @ a + b2)[label]), W2)
    body = ("Question 1. With a = sigmoid(W1 x + b1) the hidden activation and p = softmax(W2 a + b2), the loss is "
            "L = -sum_k y_k log p_k.\nThen dL/dW2 = (p - y) a^T.\nThen dL/dW2 = a (p - y)^T.\n")
    found = _by_id(tmp_path, spec_toml("app54", 3, [(4, "sigmoid"), (2, "softmax")], "cross_entropy"), body)
    assert found["Q1.1"].verdict == "correct", found["Q1.1"].message
    assert found["Q1.2"].verdict == expected_verdict(np.outer(p - y, a), dW2) == "correct", found["Q1.2"].message
    assert found["Q1.3"].verdict == "incorrect", found["Q1.3"].message
