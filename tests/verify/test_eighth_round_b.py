"""Readings from heldout5's false rejects (issue 10, eighth round, verify7b): a z letter the answer defines as a layer's
output (CMU 10-714's Z_1 = ReLU(X W_1), Z_2 = Z_1 W_2).

Each test mixes right claims with planted ones written here in the notation; the expected verdicts come from NumPy
(the network's own functions at random points, central differences of its loss), never from verify."""

from __future__ import annotations

import numpy as np
from gradproof.verify.cli import verify_file

RNG = np.random.default_rng(8)


def spec_file(tmp_path, hidden="relu", output="softmax", loss="cross_entropy", sizes=(3, 4, 3), convention="column"):
    layers = "".join(f'\n[[layers]]\nunits = {u}\nactivation = "{a}"\n' for u, a in ((sizes[1], hidden), (sizes[2], output)))
    path = tmp_path / f"{hidden}_{output}_{convention}.toml"
    path.write_text(f'name = "t"\nconvention = "{convention}"\ninputs = {sizes[0]}\n{layers}\n[loss]\nname = "{loss}"\n\n'
                    '[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')
    return str(path)


def mse_spec(tmp_path, hidden="sigmoid"):
    """Row convention (z = W a + b), 3-4-2, a sigmoid output and the squared error ½‖a − y‖²."""
    return spec_file(tmp_path, hidden, "sigmoid", "squared_error", (3, 4, 2), "row")


def odd_lines(got: dict, count: int = 4) -> list:
    """The verdicts of lines 1, 3, 5 … (a document of one display per paragraph)."""
    return [got[f"line {2 * k + 1}"].verdict for k in range(count)]


def results(tmp_path, spec, text, name="answer.md", notation=None):
    doc = tmp_path / name
    doc.write_text(text)
    got, _meta, _ = verify_file(str(doc), spec, notation)
    return {r.id: r for r in got}


def softmax(v):
    e = np.exp(v - v.max())
    return e / e.sum()


def ce_of_b2(x, W1, b1, W2, b2, y):
    """The per-sample cross-entropy of a row-vector network x W_1 + b_1 → ReLU → · W_2 + b_2 → softmax."""
    return -float(np.log(softmax(np.maximum(x @ W1 + b1, 0) @ W2 + b2) @ y))


def central(f, b, eps=1e-6):
    g = np.zeros_like(b)
    for i in range(b.size):
        e = np.zeros_like(b)
        e[i] = eps
        g[i] = (f(b + e) - f(b - e)) / (2 * eps)
    return g


def test_a_z_letter_defined_as_the_layers_output_is_not_judged_as_the_summed_input(tmp_path):
    """z_1 = ReLU(x W_1 + b_1) defines z_1 as the hidden layer's output: read as gradproof's summed input it would be
    a false reject (ReLU(s) ≠ s at the points), so every claim that writes that z is unchecked with the reason and
    the [notation] line; the claims without it are judged (∂L/∂b_2 = ŷ − y right, y − ŷ planted)."""
    x, W1, b1, W2, b2 = (RNG.normal(size=s) for s in (3, (3, 4), 4, (4, 3), 3))
    y = np.eye(3)[1]
    s1 = x @ W1 + b1
    assert not np.allclose(np.maximum(s1, 0), s1)  # the z reading would call the author's definition wrong
    grad = central(lambda b: ce_of_b2(x, W1, b1, W2, b, y), b2)
    yhat = softmax(np.maximum(s1, 0) @ W2 + b2)
    right = "correct" if np.allclose(grad, yhat - y, atol=1e-6) else "incorrect"
    planted = "correct" if np.allclose(grad, y - yhat, atol=1e-6) else "incorrect"
    assert (right, planted) == ("correct", "incorrect")
    spec = spec_file(tmp_path)
    text = "\n\n".join([r"$$z_1 = \mathrm{ReLU}(x W_1 + b_1)$$", r"$$z_2 = z_1 W_2 + b_2$$",
                        r"$$\frac{\partial L}{\partial b_2} = \hat{y} - y$$",
                        r"$$\frac{\partial L}{\partial b_2} = y - \hat{y}$$",  # planted: the sign
                        r"$$\frac{\partial L}{\partial W_2} = z_1^T (\hat{y} - y)$$",
                        r"$$\frac{\partial L}{\partial W_2} = z_1 (\hat{y} - y)^T$$"])  # planted, but about z: unchecked
    got = results(tmp_path, spec, text)
    assert [got[k].verdict for k in ("line 5", "line 7")] == [right, planted]
    for k in ("line 1", "line 3", "line 9", "line 11"):
        assert got[k].verdict == "unchecked", (k, got[k].message)
        assert "defines z as a layer's output" in got[k].message and '"z_1" = "h1"' in got[k].message
    # the [notation] line the message names resolves it: the author's definitions then read as they are meant
    notation = tmp_path / "n.toml"
    notation.write_text('"z_1" = "h1"\n')
    got = results(tmp_path, spec, text, notation=str(notation))
    assert [got[k].verdict for k in ("line 1", "line 3", "line 5", "line 7", "line 9")] == [
        "correct", "correct", right, planted, "correct"]


def test_a_planted_activation_beside_the_summed_input_keeps_the_z_reading(tmp_path):
    """z_1 = x W_1 + b_1 is the answer's definition of the summed input; a planted z_1 = σ(x W_1 + b_1) beside it is
    the student's mistake (σ(s) ≠ s at the points), judged incorrect — the rule above never hides it."""
    x, W1, b1 = RNG.normal(size=3), RNG.normal(size=(3, 4)), RNG.normal(size=4)
    s1 = x @ W1 + b1
    planted = "correct" if np.allclose(1 / (1 + np.exp(-s1)), s1) else "incorrect"
    spec = spec_file(tmp_path, hidden="sigmoid")
    text = "\n\n".join([r"$$z_1 = x W_1 + b_1$$", r"$$z_1 = \sigma(x W_1 + b_1)$$", r"$$h_1 = \sigma(z_1)$$"])
    got = results(tmp_path, spec, text)
    assert [got[k].verdict for k in ("line 1", "line 3", "line 5")] == ["correct", planted, "correct"]
    assert planted == "incorrect"


def sigmoid(v):
    return 1 / (1 + np.exp(-v))


def test_an_objective_labelled_by_the_specs_loss_is_the_objective(tmp_path):
    """\\mathcal{C}_\\mathrm{MSE} and C_{\\text{MSE}} under a squared-error spec are its objective ½‖a − y‖²: ∂C/∂a =
    a − y (central differences) right, y − a planted; ∂C/∂b^{(2)} = (a − y) ⊙ a ⊙ (1 − a) right. A claim about
    \\mathcal{C}_\\mathrm{CE} is another loss's (right for cross-entropy: −y/a by central differences), unchecked."""
    a, y = sigmoid(RNG.normal(size=2)), np.array([0.0, 1.0])
    mse = central(lambda v: 0.5 * float(np.sum((v - y) ** 2)), a)
    ce = central(lambda v: -float(np.sum(y * np.log(v))), a)
    right = "correct" if np.allclose(mse, a - y, atol=1e-6) else "incorrect"
    planted = "correct" if np.allclose(mse, y - a, atol=1e-6) else "incorrect"
    assert (right, planted) == ("correct", "incorrect") and np.allclose(ce, -y / a, atol=1e-5)
    W2, b2, h = RNG.normal(size=(2, 4)), RNG.normal(size=2), sigmoid(RNG.normal(size=4))
    grad_b = central(lambda b: 0.5 * float(np.sum((sigmoid(W2 @ h + b) - y) ** 2)), b2)
    out = sigmoid(W2 @ h + b2)
    bias = "correct" if np.allclose(grad_b, (out - y) * out * (1 - out), atol=1e-6) else "incorrect"
    text = "\n\n".join([r"$$\frac{\partial \mathcal{C}_\mathrm{MSE}}{\partial a^{(2)}} = a^{(2)} - y$$",
                        r"$$\frac{\partial \mathcal{C}_\mathrm{MSE}}{\partial a^{(2)}} = y - a^{(2)}$$",
                        r"$$\frac{\partial C_{\text{MSE}}}{\partial b^{(2)}} = (a^{(2)} - y) \odot a^{(2)} \odot (1 - a^{(2)})$$",
                        r"$$\frac{\partial \mathcal{C}_\mathrm{CE}}{\partial a^{(2)}} = -\frac{y}{a^{(2)}}$$"])
    got = results(tmp_path, mse_spec(tmp_path), text)
    assert odd_lines(got) == [right, planted, bias, "unchecked"]
    assert "another loss" in got["line 7"].message
    assert got["line 1"].latex.startswith(r"\frac{\partial \mathcal{C}_\mathrm{MSE}}")  # shown as written


def test_a_labelled_objective_defined_per_example_too_is_read_for_one_example(tmp_path):
    """Vege defines C_MSE as the mean ½‖a_i − y_i‖²/N over the batch and as ½‖a_i − y_i‖² for one sample; his
    ∂C_MSE/∂a^L = a^L − y is the per-sample derivative (central differences of ½‖a − y‖²), not a missing 1/N; a planted
    2(a − y) is wrong for one sample too. δ a^{(1)} without a transpose is not called wrong (an entry-by-entry product
    or a missing transpose: not certain)."""
    a, y = sigmoid(RNG.normal(size=2)), np.array([1.0, 0.0])
    mse = central(lambda v: 0.5 * float(np.sum((v - y) ** 2)), a)
    right = "correct" if np.allclose(mse, a - y, atol=1e-6) else "incorrect"
    planted = "correct" if np.allclose(mse, 2 * (a - y), atol=1e-6) else "incorrect"
    assert (right, planted) == ("correct", "incorrect")
    text = "\n\n".join([r"The cost over the $N$ samples, and for one sample $i$:",
                        r"$$\mathcal{C}_\mathrm{MSE} = \frac{1}{2N} \sum_{i=1}^N ||a_i - y_i||^2$$",
                        r"$$\mathcal{C}_\mathrm{MSE} = \frac{1}{2} ||a_i - y_i||^2$$",
                        r"$$\frac{\partial \mathcal{C}_\mathrm{MSE}}{\partial a^{(2)}} = a^{(2)} - y$$",
                        r"$$\frac{\partial \mathcal{C}_\mathrm{MSE}}{\partial a^{(2)}} = 2 (a^{(2)} - y)$$",
                        r"$$\frac{\partial \mathcal{C}_\mathrm{MSE}}{\partial W^{(2)}} = \delta^{(2)} a^{(1)}$$"])
    got = results(tmp_path, mse_spec(tmp_path), text)
    assert [got[k].verdict for k in ("line 7", "line 9", "line 11")] == [right, planted, "unchecked"]
    assert "read for one example" in " ".join(got["line 7"].notes)


def test_sigma_labelled_by_its_function_is_that_function(tmp_path):
    """σ'_\\mathrm{sig}, σ'_{\\mathrm{tanh}} are the sigmoid's and tanh's derivatives (Vege's labels): δ^{(2)} =
    (a − y) ⊙ σ'_sig(z^{(2)}) right and (a − y) ⊙ σ_sig(z^{(2)}) planted, δ^{(1)} = (W^{(2)T} δ^{(2)}) ⊙ σ'_tanh(z^{(1)})
    right, checked against central differences of ½‖a − y‖² by z^{(2)} and z^{(1)}. A label naming no function the
    parser knows (Heaviside) stays unread."""
    W1, b1, W2, b2, x = (RNG.normal(size=s) for s in ((4, 3), 4, (2, 4), 2, 3))
    y = np.array([0.0, 1.0])
    z1 = W1 @ x + b1
    z2 = W2 @ np.tanh(z1) + b2
    a2 = sigmoid(z2)
    d2 = central(lambda z: 0.5 * float(np.sum((sigmoid(z) - y) ** 2)), z2)
    d1 = central(lambda z: 0.5 * float(np.sum((sigmoid(W2 @ np.tanh(z) + b2) - y) ** 2)), z1)
    right2 = "correct" if np.allclose(d2, (a2 - y) * a2 * (1 - a2), atol=1e-6) else "incorrect"
    planted = "correct" if np.allclose(d2, (a2 - y) * a2, atol=1e-6) else "incorrect"
    right1 = "correct" if np.allclose(d1, (W2.T @ d2) * (1 - np.tanh(z1) ** 2), atol=1e-6) else "incorrect"
    assert (right2, planted, right1) == ("correct", "incorrect", "correct")
    text = "\n\n".join([r"$$\delta^{(2)} = (a^{(2)} - y) \odot \sigma'_\mathrm{sig}(z^{(2)})$$",
                        r"$$\delta^{(2)} = (a^{(2)} - y) \odot \sigma_\mathrm{sig}(z^{(2)})$$",
                        r"$$\delta^{(1)} = ((W^{(2)})^T \delta^{(2)}) \odot \sigma'_{\mathrm{tanh}}(z^{(1)})$$",
                        r"$$\sigma'_\mathrm{Heaviside}(z^{(1)}) = 0$$"])
    got = results(tmp_path, mse_spec(tmp_path, hidden="tanh"), text)
    assert odd_lines(got) == [right2, planted, right1, "unchecked"]
