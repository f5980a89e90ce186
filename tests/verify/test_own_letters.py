"""Readings from heldout6's notations (issue 10, seventh round): a worked example's own numbers when the spec has no
[values], biases an answer sets to zero, a batch that is no layer's width, ReLU written with capitals, Adam's β^t_1
(no target letter t), ŷ written in a bold font (y stays the target).

Each test mixes right claims with planted ones written here in the notation; the expected verdicts come from NumPy
(the arithmetic of the written numbers, central differences of the network's own functions), never from verify."""

from __future__ import annotations

import numpy as np
from gradproof.derive.spec import spec_from_dict
from gradproof.verify.cli import verify_file
from gradproof.verify.document import DOCUMENT_BATCH, document_batch

RNG = np.random.default_rng(11)


def spec_file(tmp_path, hidden="relu", output="identity", sizes=(3, 3, 3), loss="squared_error", bias=True):
    layers = "".join(f'\n[[layers]]\nunits = {u}\nactivation = "{a}"\n' + ("" if bias else "bias = false\n")
                     for u, a in ((sizes[1], hidden), (sizes[2], output)))
    path = tmp_path / "net.toml"
    path.write_text(f'name = "t"\nconvention = "row"\ninputs = {sizes[0]}\n{layers}\n[loss]\nname = "{loss}"\n\n'
                    '[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')
    return str(path)


def verdicts(tmp_path, spec, text, name="answer.md"):
    doc = tmp_path / name
    doc.write_text(text)
    results, meta, _ = verify_file(str(doc), spec)
    return {r.id: r.verdict for r in results}, meta


def tex(m: np.ndarray) -> str:
    rows = np.atleast_2d(m) if m.ndim == 2 else m.reshape(-1, 1)
    return r"\begin{bmatrix}" + r" \\ ".join(" & ".join(f"{v:g}" for v in row) for row in rows) + r"\end{bmatrix}"


def arithmetic(claimed: np.ndarray, computed: np.ndarray) -> str:
    return "correct" if np.allclose(claimed, computed) else "incorrect"


def test_a_worked_example_without_values_judges_its_formulas_and_its_arithmetic(tmp_path):
    """ruyiq's z = W^{(1)} x = [1 2 1; …] [1; 3; 1] = [8; 1; -6] against a spec without [values]: the numbers are the
    answer's own (no random point has them), so W x = [numbers] is not compared; the formula z = W x and the
    arithmetic [M][v] = [r] are. A slip in either is reported; numbers alone (ȳ = [1; 1; 1]) are unchecked."""
    W1, x = RNG.integers(-3, 4, size=(3, 3)).astype(float), np.array([1.0, 3.0, 1.0])
    z = W1 @ x
    h = np.maximum(z, 0)
    wrong = z + np.array([0.0, 0.0, 1.0])
    spec = spec_file(tmp_path, bias=False)
    text = "\n\n".join([
        f"$$z = W^{{(1)}} x = {tex(W1)} {tex(x)} = {tex(z)}$$",
        f"$$h = ReLU(z) = ReLU({tex(z)}) = {tex(h)}$$",
        f"$$z = W^{{(1)}} x = {tex(W1)} {tex(x)} = {tex(wrong)}$$",  # planted: the arithmetic
        f"$$z = {{W^{{(1)}}}}^T x = {tex(W1)} {tex(x)} = {tex(z)}$$",  # planted: the formula
        r"$$\bar{y} = \begin{bmatrix} 1 \\ 1 \\ 1 \end{bmatrix}$$"])
    got, meta = verdicts(tmp_path, spec, text)
    assert meta["batch"] == 1
    assert list(got.values()) == [arithmetic(W1 @ x, z), arithmetic(np.maximum(z, 0), h), arithmetic(W1 @ x, wrong),
                                  "incorrect", "unchecked"]
    assert arithmetic(W1 @ x, wrong) == "incorrect"


def test_biases_the_answer_sets_to_zero_are_no_biases(tmp_path):
    """An answer that writes b^{(1)} = b^{(2)} = 0 (ruyiq's 1.1) and then z = W^{(1)} x, y = W^{(2)} h is bias-free:
    judged at points without biases (the spec has them), where z = W x holds and z = W^T x does not."""
    spec = spec_file(tmp_path)
    zero = r"$$b^{(1)} = b^{(2)} = \begin{bmatrix} 0 \\ 0 \\ 0 \end{bmatrix}$$"
    text = "\n\n".join([zero, r"$$z = \mathbf{W}^{(1)} x$$", r"$$h = ReLU(z)$$", r"$$y = \mathbf{W}^{(2)} h$$",
                        r"$$y = {\mathbf{W}^{(2)}}^T h$$"])
    W2, hv = RNG.normal(size=(3, 3)), RNG.normal(size=3)
    transposed = "correct" if np.allclose(W2 @ hv, W2.T @ hv) else "incorrect"
    got, _ = verdicts(tmp_path, spec, text)
    assert [got[k] for k in ("line 3", "line 5", "line 7", "line 9")] == ["correct", "correct", "correct", transposed]


def test_a_document_batch_is_no_layers_width(tmp_path):
    """A document averaging over m examples is judged with a batch; one as wide as a layer (3 inputs, 3 units) made
    its arrays square, and x W^T read like W x. The batch avoids every width (and width + 1, Ng's bias unit)."""
    for sizes in ((3, 3, 3), (4, 5, 3), (2, 4, 1)):
        network = spec_from_dict({"name": "t", "inputs": sizes[0], "convention": "row",
                                  "layers": [{"units": sizes[1], "activation": "relu"},
                                             {"units": sizes[2], "activation": "identity"}],
                                  "loss": {"name": "squared_error"}, "optimizer": {"name": "sgd", "learning_rate": 0.1}})
        # (a mean in a gradient keeps the batch; one only in the objective's definition may be one example's)
        batch = document_batch([type("C", (), {"latex": r"dW = \frac{1}{m} dZ A^T"})()], network)
        assert batch >= DOCUMENT_BATCH and batch not in {w + e for w in sizes for e in (0, 1)}
    spec = spec_file(tmp_path)
    text = "\n\n".join([r"$$J = \frac{1}{m} \sum_{i=1}^{m} L(A^{(i)}, Y^{(i)})$$", r"$$z^{(1)} = W^{(1)} x + b^{(1)}$$",
                        r"$$z^{(1)} = {W^{(1)}}^T x + b^{(1)}$$"])
    got, meta = verdicts(tmp_path, spec, text)
    assert meta["batch"] > 1 and meta["batch"] not in (3, 4)
    assert [got["line 3"], got["line 5"]] == ["correct", "incorrect"]


def test_relu_written_with_capitals(tmp_path):
    """ReLU(z), Tanh(z) as people write them name the functions (they were split into letters: 'unknown symbol U')."""
    spec = spec_file(tmp_path, hidden="relu", output="sigmoid", sizes=(3, 4, 2))
    v = RNG.normal(size=6)
    tanh_for_relu = "correct" if np.allclose(np.tanh(v), np.maximum(v, 0)) else "incorrect"
    text = "\n\n".join([r"$$h^{(1)} = ReLU(z^{(1)})$$", r"$$h^{(1)} = Tanh(z^{(1)})$$",
                        r"$$\hat y = Sigmoid(z^{(2)})$$"])
    got, _ = verdicts(tmp_path, spec, text)
    assert list(got.values()) == ["correct", tanh_for_relu, "correct"]


def test_adams_power_t_is_no_target_letter(tmp_path):
    """ezalos' 1 - β^t_1 (Adam's correction) made t read as a target letter t_1, so y became the output and
    C = ½ Σ_j (y_j − a^L_j)² read as 0. Now y stays the target: ∂C/∂a^L_j = a^L_j − y_j holds (central
    differences of ½‖a − y‖²), its sign flipped does not."""
    a, y = RNG.normal(size=2), RNG.normal(size=2)
    cost = lambda v: 0.5 * np.sum((y - v) ** 2)  # noqa: E731
    grad = np.array([(cost(a + e) - cost(a - e)) / 2e-6 for e in np.eye(2) * 1e-6])
    spec = spec_file(tmp_path, hidden="sigmoid", output="sigmoid", sizes=(3, 4, 2))
    text = "\n\n".join([r"$$V\delta W^{corrected} = \frac{V \delta W}{1 - \beta^t_1}$$",
                        r"$$\frac{\partial C}{\partial a^L_j} = (a^L_j - y_j)$$",
                        r"$$\frac{\partial C}{\partial a^L_j} = (y_j - a^L_j)$$",
                        r"$$\nabla_a C = (a^L - y)$$"])
    got, _ = verdicts(tmp_path, spec, text)
    assert [got["line 3"], got["line 5"], got["line 7"]] == [arithmetic(a - y, grad), arithmetic(y - a, grad),
                                                            arithmetic(a - y, grad)]


def test_a_bold_hat_y_keeps_y_the_target(tmp_path):
    r"""hmvege writes the output \hat{\bm{y}} (and t_i elsewhere, in an accuracy): y is the target, not the output,
    so δ^L = (a^L − y) a^L (1 − a^L) holds for the logistic output and squared error (central differences)."""
    a, y = RNG.uniform(0.1, 0.9, size=2), RNG.uniform(0, 1, size=2)
    zL = np.log(a / (1 - a))
    cost = lambda z: 0.5 * np.sum((1 / (1 + np.exp(-z)) - y) ** 2)  # noqa: E731
    delta = np.array([(cost(zL + e) - cost(zL - e)) / 2e-6 for e in np.eye(2) * 1e-6])
    spec = spec_file(tmp_path, hidden="sigmoid", output="sigmoid", sizes=(3, 4, 2))
    text = "\n\n".join([r"$$\hat{\bm{y}} = \sigma(\bm{z}^2)$$", r"$$\mathrm{Accuracy} = \frac{1}{n} I(t_i = y_i)$$",
                        r"$$\delta^L = (\bm{a}^L - \bm{y}) \bm{a}^L(1-\bm{a}^L)$$",
                        r"$$\delta^L = (\bm{y} - \bm{a}^L) \bm{a}^L(1-\bm{a}^L)$$"])
    got, _ = verdicts(tmp_path, spec, text)
    assert [got["line 5"], got["line 7"]] == [arithmetic((a - y) * a * (1 - a), delta),
                                              arithmetic((y - a) * a * (1 - a), delta)]


def test_an_authors_layered_letter_is_bound_by_its_definitions(tmp_path):
    """ozyurtf's s_l: s_1 = W_1.a_0 + b_1 and s_2 = W_2.a_1 + b_2 equal the network's summed inputs z_1, z_2 (the dot
    a product), so s is z for every layer: a_l = g_l(s_l), ∂a_1/∂s_1 = 1 − a_1² (tanh) are judged; the logistic
    slope put on the tanh layer is wrong (central differences of the network's tanh)."""
    v = RNG.normal(size=4)
    tanh_slope = (np.tanh(v + 1e-6) - np.tanh(v - 1e-6)) / 2e-6
    logistic = 1 / (1 + np.exp(-v))
    spec = spec_file(tmp_path, hidden="tanh", output="sigmoid", sizes=(3, 4, 1))
    text = "\n\n".join([r"$a_0 = x$", r"$s_1 = W_1.a_0 + b_1$", r"$a_1 = g_1(s_1)$", r"$s_2 = W_2.a_1 + b_2$",
                        r"$a_2 = g_2(s_2)$", r"$\frac{\partial a_1}{\partial s_1} = 1 - a_1^2$",
                        r"$\frac{\partial a_1}{\partial s_1} = a_1 (1 - a_1)$"])
    got, _ = verdicts(tmp_path, spec, text)
    assert list(got.values()) == ["correct", "correct", "correct", "correct", "correct",
                                  arithmetic(1 - np.tanh(v) ** 2, tanh_slope),
                                  arithmetic(np.tanh(v) * (1 - np.tanh(v)), tanh_slope)]
    assert arithmetic(logistic * (1 - logistic), tanh_slope) == "incorrect"


def test_a_slip_in_one_definition_is_judged_not_bound(tmp_path):
    """A planted s_2 = W_2.a_1 + b_1 (b_1 for b_2) beside a right s_1: s is still the summed input (one definition of
    two fails), so the slip is incorrect and a_2 = g_2(s_2) is judged on z_2, not on the slip. A letter whose
    definitions match no quantity binds nothing: it stays the answer's own symbol (read as its expression)."""
    spec = spec_file(tmp_path, hidden="tanh", output="sigmoid", sizes=(3, 4, 1))
    text = "\n\n".join([r"$s_1 = W_1.a_0 + b_1$", r"$s_2 = W_2.a_1 + b_1$", r"$a_2 = g_2(s_2)$"])
    got, _ = verdicts(tmp_path, spec, text)
    assert list(got.values()) == ["correct", "incorrect", "correct"]
    text = "\n\n".join([r"$u_1 = 2 W_1 a_0 + b_1$", r"$u_2 = 2 W_2 a_1 + b_2$"])
    doc = tmp_path / "other.md"
    doc.write_text(text)
    _, meta, _ = verify_file(str(doc), spec)
    assert "answer's letter" not in str(meta["notation"])


DC = r"$\frac{\partial C}{\partial \widetilde{y}} = "


def test_an_accented_letter_defined_as_the_output(tmp_path):
    r"""ozyurtf's \widetilde{y} = a_2 (a_2 the sigmoid output): ỹ names ŷ, so ∂C/∂ỹ of the binary cross-entropy is
    judged: −(y/ỹ − (1−y)/(1−ỹ)) holds (central differences of the loss), the sign of its second term flipped does not."""
    p, y = 0.3, 0.6
    bce = lambda q: -(y * np.log(q) + (1 - y) * np.log(1 - q))  # noqa: E731
    slope = (bce(p + 1e-7) - bce(p - 1e-7)) / 2e-7
    spec = spec_file(tmp_path, hidden="tanh", output="sigmoid", sizes=(3, 4, 1), loss="binary_cross_entropy")
    text = "\n\n".join([r"$s_1 = W_1.a_0 + b_1$", r"$a_1 = g_1(s_1)$", r"$s_2 = W_2.a_1 + b_2$", r"$a_2 = g_2(s_2)$",
                        r"$\widetilde{y} = a_2$", DC + r"-\left(\frac{y}{\widetilde{y}} - \frac{1-y}{1-\widetilde{y}}\right)$",
                        DC + r"-\left(\frac{y}{\widetilde{y}} + \frac{1-y}{1-\widetilde{y}}\right)$"])
    got, _ = verdicts(tmp_path, spec, text)
    assert [got["line 9"], got["line 11"], got["line 13"]] == [
        "correct", arithmetic(-(y / p - (1 - y) / (1 - p)), slope), arithmetic(-(y / p + (1 - y) / (1 - p)), slope)]
