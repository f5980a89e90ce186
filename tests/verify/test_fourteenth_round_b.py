r"""Fourteenth round (verify14b): notations of learners' notes on Ng's two courses and of Spanish course notes.

- Ng's deep-learning shorthand: one example's formulas in lowercase (``dz2 = a2 - y``, ``dW2 = dz2 \cdot a1^T``,
  ``db2 = dz2``; his slide "Summary of gradient descent": ``dW^{[2]} = dz^{[2]} a^{[1]T}``) beside the batch's in
  capitals with the 1/m (``dW2 = \frac{1}{m} dZ2 \cdot A1^T``): the lowercase ones are one example's gradients of the
  loss L, not the mean's (verify/onesample.py).
- Ng's Machine Learning Θ^{(l)} (the bias as column 0, the input as layer 1, Θ^{(l)} leaving layer l) in notes whose
  forward pass does not read: ``δ^{(l)} = (Θ^{(l)})^T δ^{(l+1)} .* g'(z^{(l)})`` (verify/ngtheta.py).
- Paredes's ``y_{\text{pred}, i}``: the prediction's entry i (parser ``_prediction_script``).
- A second objective named after the spec's (Paredes: the squared error, then "for classification the cross-entropy"):
  a derivative wrong for both is wrong (verify/otherobjective.py).

Every expected verdict is decided by hand and confirmed below by NumPy (forward passes and central differences), never
by verify's own output; the planted mistakes stay ``incorrect``.
"""

from __future__ import annotations

import numpy as np
from conftest import central_differences
from helpers_verify import spec_text

RNG = np.random.default_rng(14)


def sig(v):
    return 1 / (1 + np.exp(-v))


def judged(tmp_path, spec: str, body: str, name: str = "notes.md") -> dict:
    """{claim id: verdict} of ``body`` verified against ``spec``."""
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(spec)
    (tmp_path / name).write_text(body)
    results, _, _ = verify_file(str(tmp_path / name), str(tmp_path / "spec.toml"))
    return {r.id: r.verdict for r in results}


# -- Ng's deep-learning shorthand: one example in lowercase, the batch in capitals ------------------------------------

NG_SPEC = spec_text("ng_dl", 3, (4, "sigmoid"), (1, "sigmoid"), loss="binary_cross_entropy")


def ng_dl_notes(one: dict | None = None, batch: dict | None = None) -> str:
    """A learner's notes in zz0808's style (one-line split blocks, the layer a digit after the letter): one example's
    formulas, then the batch's (examples as columns) with Ng's 1/m and np.sum."""
    one = {"dW2": r"dz2 \cdot a1^T", "db2": "dz2", "dW1": r"dz1 \cdot x^T", **(one or {})}
    batch = {"dW2": r"\frac{1}{m}dZ2 \cdot A1^T", **(batch or {})}
    return ("# Backpropagation\n\nOne example:\n"
            r"$$\begin{split} dz2 &= a2 - y \\ dW2 &= " + one["dW2"] + r" \\ db2 &= " + one["db2"]
            + r" \\ dz1 &= W2^T \cdot dz2 \cdot g(z1)' \\ dW1 &= " + one["dW1"] + r" \\ db1 &= dz1 \end{split}$$"
            + "\n\nAll the examples, as columns:\n"
            r"$$\begin{split} dZ2 &= A2 - y \\ dW2 &= " + batch["dW2"]
            + r" \\ db2 &= \frac{1}{m}np.sum(dZ2, axis=1,keepdims=True) \\ dZ1 &= W2^T\cdot dZ2 \cdot g(Z1)' \\ "
            r"dW1 &= \frac{1}{m}dZ1 \cdot X^T \\ db1 &= \frac{1}{m}np.sum(dZ1, axis=1,keepdims=True) \end{split}$$" + "\n")


def ng_dl_oracle():
    """NumPy: one example's gradients of L and the batch's of J = (1/m) Σ L, against central differences."""
    p = {"W1": RNG.normal(size=(4, 3)), "b1": RNG.normal(size=(4, 1)), "W2": RNG.normal(size=(1, 4)),
         "b2": RNG.normal(size=(1, 1))}
    X, Y = RNG.normal(size=(3, 5)), RNG.integers(0, 2, size=(1, 5)).astype(float)

    def cost(q, x, y):
        a2 = sig(q["W2"] @ sig(q["W1"] @ x + q["b1"]) + q["b2"])
        return float(np.mean(-(y * np.log(a2) + (1 - y) * np.log(1 - a2)).sum(axis=0)))

    x, y = X[:, :1], Y[:, :1]
    a1 = sig(p["W1"] @ x + p["b1"])
    dz2 = sig(p["W2"] @ a1 + p["b2"]) - y
    dz1 = (p["W2"].T @ dz2) * a1 * (1 - a1)
    fd_one = central_differences(lambda q: cost(q, x, y), {k: v.copy() for k, v in p.items()})
    A1 = sig(p["W1"] @ X + p["b1"])
    dZ2 = sig(p["W2"] @ A1 + p["b2"]) - Y
    fd_batch = central_differences(lambda q: cost(q, X, Y), {k: v.copy() for k, v in p.items()})
    return {"dW2": dz2 @ a1.T, "db2": dz2, "dW1": dz1 @ x.T, "db1": dz1}, fd_one, dZ2, A1, fd_batch, X.shape[1]


def test_ng_lowercase_one_example_beside_the_batch_in_capitals(tmp_path):
    one, fd_one, dZ2, A1, fd_batch, m = ng_dl_oracle()
    for k in one:  # the lowercase formulas are one example's gradients of L (no 1/m) ...
        assert np.allclose(one[k], fd_one[k.replace("d", "", 1)], atol=1e-6)
    assert np.allclose(dZ2 @ A1.T / m, fd_batch["W2"], atol=1e-6)  # ... the capitals the batch's mean, with 1/m
    at = judged(tmp_path, NG_SPEC, ng_dl_notes())
    rows = {k: v for k, v in at.items() if k.startswith("line 4.")}
    assert rows and all(v == "correct" for v in rows.values()), rows
    batch = {k: v for k, v in at.items() if k.startswith("line 7.")}
    assert batch and all(v == "correct" for v in batch.values()), batch


def test_ng_lowercase_planted_mistakes_stay_incorrect(tmp_path):
    one, fd_one, dZ2, A1, fd_batch, m = ng_dl_oracle()
    assert not np.allclose(one["db2"] / m, fd_one["b2"])  # a 1/m in one example's db2 is wrong for it
    assert not np.allclose(dZ2 @ A1.T, fd_batch["W2"])  # the batch's dW2 without its 1/m is wrong
    at = judged(tmp_path, NG_SPEC, ng_dl_notes(one={"db2": r"\frac{1}{m} dz2", "dW2": r"dz2 \cdot a1"},
                                               batch={"dW2": r"dZ2 \cdot A1^T"}))
    assert at["line 4.2"] == "incorrect"  # dz2 a1 without the transpose (a shape mismatch in either reading)
    assert at["line 4.3"] == "incorrect"  # one example's db2 with a 1/m
    assert at["line 4.5"] == "correct"
    assert at["line 7.2"] == "incorrect"  # the batch's dW2 without 1/m: capitals are never read for one example


def test_ng_slide_summary_of_gradient_descent(tmp_path):
    """Ng's own slide (Neural Networks and Deep Learning, week 3, "Summary of gradient descent"): one example on the
    left in lowercase with [l], the vectorised batch on the right."""
    body = ("# Summary of gradient descent\n\n"
            r"$$\begin{aligned} dz^{[2]} &= a^{[2]} - y \\ dW^{[2]} &= dz^{[2]} a^{[1]T} \\ db^{[2]} &= dz^{[2]} \\ "
            r"dz^{[1]} &= W^{[2]T} dz^{[2]} * g^{[1]\prime}(z^{[1]}) \\ dW^{[1]} &= dz^{[1]} x^T \\ db^{[1]} &= dz^{[1]} "
            r"\end{aligned}$$" + "\n\n"
            r"$$\begin{aligned} dZ^{[2]} &= A^{[2]} - Y \\ dW^{[2]} &= \frac{1}{m} dZ^{[2]} A^{[1]T} \\ "
            r"db^{[2]} &= \frac{1}{m} np.sum(dZ^{[2]}, axis=1, keepdims=True) \end{aligned}$$" + "\n")
    at = judged(tmp_path, NG_SPEC, body)
    wrong = {k: v for k, v in at.items() if v == "incorrect"}
    assert not wrong, wrong  # (each formula confirmed by ng_dl_oracle above: the same network and loss)
    assert at["line 3.2"] == "correct" and at["line 3.3"] == "correct"


# -- Ng's Machine Learning Θ in notes that do not number their layers ------------------------------------------------

THETA_SPEC = spec_text("ng_ml", 3, (5, "sigmoid"), (2, "sigmoid"), loss="binary_cross_entropy")


def theta_notes(delta2: str = r"(\Theta^{(2)})^T \delta^{(3)} .* g'(z^{(2)})") -> str:
    """Notes on Ng's week 5 whose forward pass is a picture: no a^{(1)} = x to number the layers by."""
    return ("# Backpropagation (Ng, week 5)\n\n![forward pass](img/forward.png)\n\n"
            r"For a hidden layer, $\delta^{(l)} = (\Theta^{(l)})^T \delta^{(l+1)} .* g'(z^{(l)})$, so here" + "\n\n"
            "$$" + r"\delta^{(2)} = " + delta2 + "$$\n")


def theta_oracle():
    """NumPy in Ng's numbering: Θ^{(l)} = [b W] maps a^{(l)} (with a_0 = 1) to z^{(l+1)}; δ^{(2)} = ∂L/∂z^{(2)}."""
    t1, t2 = RNG.normal(size=(5, 4)), RNG.normal(size=(2, 6))
    x, y = RNG.normal(size=(3, 1)), np.array([[1.0], [0.0]])

    def loss_of_z2(z2):
        a3 = sig(t2 @ np.vstack([[1.0], sig(z2)]))
        return float(-(y * np.log(a3) + (1 - y) * np.log(1 - a3)).sum())

    z2 = t1 @ np.vstack([[1.0], x])
    a3 = sig(t2 @ np.vstack([[1.0], sig(z2)]))
    delta3 = a3 - y
    right = (t2.T @ delta3)[1:] * sig(z2) * (1 - sig(z2))  # the bias unit's entry dropped
    fd = central_differences(lambda q: loss_of_z2(q["z2"]), {"z2": z2.copy()})["z2"]
    return right, fd, t2, delta3


def test_theta_in_ngs_numbering(tmp_path):
    right, fd, t2, delta3 = theta_oracle()
    assert np.allclose(right, fd, atol=1e-6)
    at = judged(tmp_path, THETA_SPEC, theta_notes())
    assert at["line 5"] == "correct"  # the generic δ^{(l)}, inline
    assert at["line 7"] == "correct"


def test_theta_planted_transpose_stays_incorrect(tmp_path):
    right, fd, t2, delta3 = theta_oracle()
    assert t2.shape[1] != delta3.shape[0]  # Θ^{(2)} δ^{(3)} without the transpose does not even multiply
    at = judged(tmp_path, THETA_SPEC, theta_notes(r"\Theta^{(2)} \delta^{(3)} .* g'(z^{(2)})"))
    assert at["line 7"] == "incorrect"
    at = judged(tmp_path, THETA_SPEC, theta_notes(r"(\Theta^{(2)})^T \delta^{(3)} .* g'(z^{(3)})"))
    assert at["line 7"] == "incorrect"  # g' of the wrong layer


def test_a_document_that_numbers_its_layers_is_not_renumbered():
    from gradproof.verify.judge import Claim
    from gradproof.verify.ngtheta import numbering_open, writes_theta
    from gradproof.verify.parser import Notation

    assert writes_theta(r"\delta^{(l)} = (\Theta^{(l)})^T \delta^{(l+1)}") and not writes_theta(r"J(\Theta) = 0")
    assert numbering_open(Notation(), [Claim("a", r"\delta^{(2)} = (\Theta^{(2)})^T \delta^{(3)}")])
    assert not numbering_open(Notation(), [Claim("a", r"a^{(0)} = x"), Claim("b", r"z^{(1)} = \Theta^{(0)} a^{(0)}")])
    assert not numbering_open(Notation(options=(("input_layer", 1),)), [])


# -- Paredes: y_{\text{pred}, i} and a second objective ----------------------------------------------------------------

SOFTMAX_SPEC = spec_text("mdpii", 4, (5, "relu"), (3, "softmax"), loss="cross_entropy")


def test_the_predictions_entry(tmp_path):
    z2, y = RNG.normal(size=3), np.array([0.0, 1.0, 0.0])
    pred = np.exp(z2) / np.exp(z2).sum()
    assert np.isclose(-(y * np.log(pred)).sum(), -np.log(pred[1]))  # the cross-entropy as the notes write it
    assert not np.isclose(-(y * np.log(1 - pred)).sum(), -np.log(pred[1]))  # the planted 1 - y_pred
    body = ("- **Softmax**:\n\n```math\n"
            r"y_{\text{pred}, i} = \frac{e^{z_{2,i}}}{\sum_{j=1}^k e^{z_{2,j}}}." + "\n```\n\n"
            "```math\n" r"L = -\sum_{i=1}^k y_i \log(y_{\text{pred}, i})," + "\n```\n\n"
            "```math\n" r"L = -\sum_{i=1}^k y_i \log(1 - y_{\text{pred}, i})," + "\n```\n")
    at = judged(tmp_path, SOFTMAX_SPEC, body)
    assert at["line 4"] == "correct"
    assert at["line 8"] == "correct"
    assert at["line 12"] == "incorrect"


SQUARED_SPEC = spec_text("mdpii_bp", 3, (4, "sigmoid"), (2, "sigmoid"), loss="squared_error")


def two_objectives(delta: str) -> str:
    return ("```math\n" r"J(\mathbf{W}) = \frac{1}{2} \| \hat{\mathbf{y}} - \mathbf{y} \|^2" "\n```\n\n"
            "Para problemas de clasificación, también es común usar la entropía cruzada:\n\n"
            "```math\n" r"J(\mathbf{W}) = - \sum_{i} y_i \log(\hat{y}_i)" "\n```\n\n"
            "```math\n" r"\delta^{(L)} = \frac{\partial J}{\partial \mathbf{z}^{(L)}} = " + delta + "\n```\n")


def test_a_derivative_wrong_for_both_objectives_is_wrong(tmp_path):
    z, y = RNG.normal(size=2), np.array([1.0, 0.0])
    yhat = sig(z)
    squared = central_differences(lambda q: 0.5 * float(((sig(q["z"]) - y) ** 2).sum()), {"z": z.copy()})["z"]
    entropy = central_differences(lambda q: float(-(y * np.log(sig(q["z"]))).sum()), {"z": z.copy()})["z"]
    assert np.allclose((yhat - y) * yhat * (1 - yhat), squared, atol=1e-6)
    planted = (y - yhat) * yhat * (1 - yhat)
    assert not np.allclose(planted, squared) and not np.allclose(planted, entropy)
    assert np.allclose(-(y / yhat) * yhat * (1 - yhat), entropy, atol=1e-6)
    right = r"(\hat{\mathbf{y}} - \mathbf{y}) \odot f'(\mathbf{z}^{(L)})"
    assert judged(tmp_path, SQUARED_SPEC, two_objectives(right))["line 12"] == "correct"
    wrong = r"(\mathbf{y} - \hat{\mathbf{y}}) \odot f'(\mathbf{z}^{(L)})"
    assert judged(tmp_path, SQUARED_SPEC, two_objectives(wrong))["line 12"] == "incorrect"
    # right for the cross-entropy the answer named second: not called wrong (the answer may have switched)
    other = r"-\frac{\mathbf{y}}{\hat{\mathbf{y}}} \odot f'(\mathbf{z}^{(L)})"
    assert judged(tmp_path, SQUARED_SPEC, two_objectives(other))["line 12"] == "unchecked"


# -- Paredes's exercise: ∂J/∂z^{2} for layer 2, and numbers given in another orientation ------------------------------

EXERCISE_SPEC = ('name = "ejercicio"\nconvention = "row"\ninputs = 3\n\n[[layers]]\nunits = 2\nactivation = "relu"\n'
                 'bias = false\n\n[[layers]]\nunits = 1\nactivation = "identity"\nbias = false\n\n[loss]\n'
                 'name = "squared_error"\n\n[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')


def exercise(hidden_prime: str = r"f'(\mathbf{z}^{(1)})") -> str:
    """An exercise of our own in Paredes's notation (numbers of our own: x = [1, -2, 1], W~(1) 2 × 3, W~(2) given as the
    column (2, -1)^T, y = [1]); the layers in parentheses when defined, bare after ∂."""
    fence = "```math\n{}\n```\n\n".format
    return ("### Valores:\n- **Entrada**: $\\mathbf{x} = [1, -2, 1]$\n- **Salida esperada**: $\\mathbf{y} = [1]$\n\n"
            + fence(r"W^{~(1)}= \begin{pmatrix} 1 & 0 & 2 \\ 0 & -1 & 1 \end{pmatrix}")
            + fence(r"W^{~(2)} = \begin{pmatrix} 2 \\ -1 \end{pmatrix}")
            + fence(r"\delta^{(2)}=\frac{\partial J}{\partial \mathbf{z}^{2}}=\frac{\partial J}{\partial \mathbf{a}^{2}}"
                    r"\frac{\partial \mathbf{a}^{2}}{\partial \mathbf{z}^{2}}")
            + fence(r"\frac{\partial \hat{y}}{\partial \mathbf{z}^{2}}=1")
            + fence(r"\delta^{(1)}=\frac{\partial J}{\partial \mathbf{z}^{1}}=\frac{\partial J}{\partial \mathbf{a}^{1}}"
                    r"\frac{\partial \mathbf{a}^{1}}{\partial \mathbf{z}^{1}}")
            + fence(r"\frac{\partial \mathbf{a}^{1}}{\partial \mathbf{z}^{1}}=" + hidden_prime)
            + fence(r"\text{gradiente de } W^{~(2)} = \delta^{(2)}\cdot \mathbf{a}^{(1)}= (2)\cdot\begin{pmatrix} 3 \\ 3 "
                    r"\end{pmatrix} = \begin{pmatrix} 6 \\ 6 \end{pmatrix}"))


def test_a_bare_digit_after_partial_is_the_layer(tmp_path):
    x, w1, w2 = np.array([1.0, -2.0, 1.0]), np.array([[1.0, 0, 2], [0, -1, 1]]), np.array([[2.0, -1.0]])

    def cost_of_z1(z1):
        return 0.5 * float(((w2 @ np.maximum(z1, 0) - 1.0) ** 2).sum())

    z1 = w1 @ x
    fd = central_differences(lambda q: cost_of_z1(q["z1"]), {"z1": z1.copy()})["z1"]
    assert np.allclose(fd, (w2.T @ (w2 @ np.maximum(z1, 0) - 1.0)) * (z1 > 0), atol=1e-6)  # δ1 = (W2ᵀ δ2) ⊙ 1[z1 > 0]
    delta2, a1 = float((w2 @ np.maximum(z1, 0)).sum()) - 1.0, np.maximum(z1, 0)
    assert delta2 == 2 and np.allclose(delta2 * a1, [6, 6])  # the numbers the exercise writes for ∂J/∂W~(2)
    at = judged(tmp_path, EXERCISE_SPEC, exercise())
    assert starting(at, exercise(), r"\delta^{(2)}") == "correct"
    assert starting(at, exercise(), r"\frac{\partial \hat{y}}") == "correct"
    assert starting(at, exercise(), r"\delta^{(1)}") == "correct"
    assert starting(at, exercise(), r"\frac{\partial \mathbf{a}^{1}}") == "correct"
    # W~(2) given as a column (the spec's is 1 × 2): its gradient written in that shape is not judged either way
    assert starting(at, exercise(), r"\text{gradiente de } W^{~(2)}") == "unchecked"
    wrong = exercise(r"f'(\mathbf{z}^{(2)})")  # ReLU' of the wrong layer
    assert starting(judged(tmp_path, EXERCISE_SPEC, wrong), wrong, r"\frac{\partial \mathbf{a}^{1}}") == "incorrect"


def starting(at: dict, body: str, start: str) -> str:
    """The verdict of the claim on the line of ``body`` that starts with ``start``."""
    n = next(n for n, text in enumerate(body.split("\n"), 1) if text.startswith(start))
    return at[f"line {n}"]


def test_digit_layers_and_given_orientations_are_guarded():
    from gradproof.verify.digitlayers import rewritten
    from gradproof.verify.givenorientation import other_orientation
    from gradproof.verify.judge import Claim
    from helpers_verify import small

    defined = Claim("d", r"\mathbf{z}^{(1)} = W^{(1)} x")
    assert rewritten([defined, Claim("a", r"\frac{\partial J}{\partial z^{2}}")], 2) == {
        "a": r"\frac{\partial J}{\partial z^{(2)}}"}
    assert rewritten([defined, Claim("b", r"\tanh'(z) = 1 - a^2")], 2) == {}  # a square, not after ∂
    assert rewritten([Claim("c", r"\frac{\partial J}{\partial z^{2}}")], 2) == {}  # no layer in parentheses anywhere
    assert rewritten([defined, Claim("e", r"\frac{\partial J}{\partial z^{7}}")], 2) == {}  # no layer 7
    net = small().network  # 3 inputs, 4 hidden, 2 outputs, row convention (W^{(1)} is 4 × 3)
    assert set(other_orientation({"W1": (3, 4), "W2": (2, 4), "x": None}, net)) == {"W1", "x"}
    assert other_orientation({"x": (3, 1)}, net) == {}
