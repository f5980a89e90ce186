"""Readings of the tenth round, verify10b (issue 10, heldout10's learners' notes and posts as classes): a worked
example's values listed inline (``x=1, w_1=0.5, w_2=-1.0, y=0.5``) read as the document's [values], with its arrow
updates ``w_2 \\to -0.861``; a batch letter behind a macro (``\\newcommand{\\batch}{\\mathord{N}}``) and ``δ_n`` of the
answer's own ``J(Θ) = 1/N Σ_n L_n``; the row spacing ``\\\\[4pt]``; ``\\frac{∂}{∂z}[…]``; ``y^*`` the target; Ng's
``\\mathcal{L}(a^{(i)}, y^{(i)})`` the loss of example i; an arrow chaining two definitions; ``\\rm{d} Z`` and
``\\sum_m``; a lowercase ``w^T x`` beside layer matrices W (one unit's weights: no verdict).

Every answer here is written in those notations, right and planted; the expected verdicts come from NumPy (a forward
pass, central differences and a gradient step typed below), never from verify's own output."""

from __future__ import annotations

import numpy as np
from gradproof.verify.cli import verify_file


def sig(v):
    return 1 / (1 + np.exp(-v))


def grad(f, v, h=1e-6):
    """∂f/∂v by central differences (v an array, f a scalar function)."""
    v = np.asarray(v, dtype=float)
    out = np.zeros_like(v)
    for k in range(v.size):
        e = np.zeros_like(v)
        e.flat[k] = h
        out.flat[k] = (f(v + e) - f(v - e)) / (2 * h)
    return out


def run(tmp_path, spec: str, body: str, name: str = "answer.md") -> dict:
    (tmp_path / "spec.toml").write_text(spec)
    (tmp_path / name).write_text(body)
    results, _, _ = verify_file(str(tmp_path / name), str(tmp_path / "spec.toml"))
    return {r.id: r for r in results}


def spec_toml(inputs: int, layers: list[tuple[int, str]], loss: str = "squared_error", bias: bool = True) -> str:
    rows = ", ".join(f'{{units = {u}, activation = "{a}"{"" if bias else ", bias = false"}}}' for u, a in layers)
    return (f'name = "t10b"\ntitle = "t"\nconvention = "row"\ninputs = {inputs}\nlayers = [{rows}]\n'
            f'loss = {{name = "{loss}"}}\noptimizer = {{name = "sgd", learning_rate = 0.1}}\n')


def said(flag: bool) -> str:
    return "correct" if flag else "incorrect"


def test_a_worked_example_with_its_values_listed_inline_is_judged_on_them(tmp_path):
    """A chain of single neurons, h = σ(w_1 x), ŷ = w_2 h, L = (y − ŷ)² (no 1/2), worked by hand on values the text
    lists inline ("Let x=2, w_1=0.3, w_2=0.8, y=1"). Its numbers are now compared with the network at those values
    (before: "the answer computes with its own numbers", and a wrong ∂L/∂ŷ passed on its formula alone); its arrow
    updates w_2 → … are read as the step on its own loss."""
    x, w1, w2, y, eta = 2.0, 0.3, 0.8, 1.0, 0.1
    loss = lambda a, b: (y - b * sig(a * x)) ** 2  # noqa: E731
    h, yhat = sig(w1 * x), w2 * sig(w1 * x)
    dyhat = float(grad(lambda v: (y - v) ** 2, np.array(yhat)))
    dw1 = float(grad(lambda v: loss(v, w2), np.array(w1)))
    dw2 = float(grad(lambda v: loss(w1, v), np.array(w2)))
    printed = {"h": 0.646, "dyhat": -0.966, "bad_dyhat": 0.966, "new_w2": 0.862, "bad_w2": 0.738}
    truth = {"h": abs(printed["h"] - h) < 5e-4, "dyhat": abs(printed["dyhat"] - dyhat) < 5e-3,
             "bad_dyhat": abs(printed["bad_dyhat"] - dyhat) < 5e-3,
             "new_w2": abs(printed["new_w2"] - (w2 - eta * dw2)) < 5e-3,
             "bad_w2": abs(printed["bad_w2"] - (w2 - eta * dw2)) < 5e-3}
    assert truth == {"h": True, "dyhat": True, "bad_dyhat": False, "new_w2": True, "bad_w2": False}, (h, dyhat, dw1)
    body = (
        "A toy network: \\(h = \\sigma(w_1 x)\\) and \\(\\hat{y} = w_2 h\\), with the loss \\(L = (y - \\hat{y})^2\\).\n\n"
        "Let \\(x=2, w_1=0.3, w_2=0.8, y=1\\).\n\n"
        f"1. \\(h = \\sigma(0.6) \\approx {printed['h']}\\)\n"
        f"2. \\(\\frac{{\\partial L}}{{\\partial \\hat{{y}}}} = -2(y - \\hat{{y}}) = {printed['dyhat']}\\)\n"
        f"3. \\(\\frac{{\\partial L}}{{\\partial \\hat{{y}}}} = -2(y - \\hat{{y}}) = {printed['bad_dyhat']}\\)\n\n"
        "With \\(\\eta = 0.1\\):\n\n"
        f"- \\(w_2 \\to {printed['new_w2']}\\)\n"
        f"- \\(w_2 \\to {printed['bad_w2']}\\)\n")
    got = run(tmp_path, spec_toml(1, [(1, "sigmoid"), (1, "identity")], bias=False), body)
    lines = {"h": "line 5", "dyhat": "line 6", "bad_dyhat": "line 7", "new_w2": "line 11", "bad_w2": "line 12"}
    assert {k: got[v].verdict for k, v in lines.items()} == {k: said(ok) for k, ok in truth.items()}


def test_a_batch_letter_behind_a_macro_and_the_sample_letter_of_the_answers_own_mean(tmp_path):
    """Thill's post: ``\\newcommand{\\batch}{\\mathord{N}}``, J(Θ) = 1/N Σ_n L_n, samples as columns. ∂J/∂W without
    its 1/N was accepted (judged with one example, where 1/N = 1): the document is a batch's. And Σ_n δ_n is a sum
    over the examples n (the columns of Δ), not over the entries of δ. Checked against central differences of the
    mean squared error over a batch of 5 columns."""
    rng = np.random.default_rng(10)
    W, b = rng.normal(size=(2, 3)), rng.normal(size=(2, 1))
    X, Y = rng.normal(size=(3, 5)), rng.normal(size=(2, 5))
    N = X.shape[1]
    cost_W = lambda v: np.mean(np.sum((Y - sig(v.reshape(2, 3) @ X + b)) ** 2, axis=0) / 2)  # noqa: E731
    cost_b = lambda v: np.mean(np.sum((Y - sig(W @ X + v.reshape(2, 1))) ** 2, axis=0) / 2)  # noqa: E731
    A = sig(W @ X + b)
    D = (A - Y) * A * (1 - A)  # Δ: each column one example's δ
    gW, gb = grad(cost_W, W.ravel()).reshape(2, 3), grad(cost_b, b.ravel()).reshape(2, 1)
    truth = {"mean": np.allclose(gW, D @ X.T / N, atol=1e-6), "summed": np.allclose(gW, D @ X.T, atol=1e-6),
             "bias": np.allclose(gb, D.sum(axis=1, keepdims=True) / N, atol=1e-6),
             "entries": np.allclose(gb, D.sum() / N, atol=1e-6)}
    assert truth == {"mean": True, "summed": False, "bias": True, "entries": False}
    body = r"""\newcommand{\batch}{\mathord{N}}

The cost of a batch of $\batch$ examples (the columns of $X$):

$$
J(\Theta) = \frac{1}{\batch} \sum_{n=1}^{\batch} \mathcal{L}_n(\Theta)
$$

$$
\frac{\partial J}{\partial W^{(1)}} = \frac{1}{\batch} \Delta^{(1)} \big(X\big)^\top \tag{mean}
$$

$$
\frac{\partial J}{\partial W^{(1)}} = \Delta^{(1)} \big(X\big)^\top \tag{summed}
$$

$$
\frac{\partial J}{\partial b^{(1)}} = \frac{1}{\batch} \sum_{n=1}^{\batch} \delta^{(1)}_n \tag{bias}
$$
"""
    got = run(tmp_path, spec_toml(3, [(2, "sigmoid")]), body)
    assert {k: got[k].verdict for k in ("mean", "summed", "bias")} == {
        k: said(truth[k]) for k in ("mean", "summed", "bias")}


def test_row_spacing_a_bracketed_derivative_and_the_starred_target(tmp_path):
    """``\\\\[4pt]`` after a row is spacing, not text (the next row read "[4pt] …" as the unknown letters p, t); Thill's
    ``\\frac{\\partial}{\\partial z_i}\\left[\\frac{1}{2}(y_i^* - a_i)^2\\right]`` is the derivative of the bracket, and
    ``y^*`` the target. One sigmoid output layer, squared error: δ_i = (a_i − y_i) σ'(z_i), by central differences."""
    rng = np.random.default_rng(4)
    z, y = rng.normal(size=2), rng.normal(size=2)
    d = grad(lambda v: 0.5 * np.sum((y - sig(v)) ** 2), z)
    truth = {"right": np.allclose(d, (sig(z) - y) * sig(z) * (1 - sig(z))),
             "planted": np.allclose(d, (y - sig(z)) * sig(z) * (1 - sig(z)))}
    assert truth == {"right": True, "planted": False}
    body = r"""$$
\begin{align}
\frac{\partial L}{\partial z_i^{(1)}}
  &= \frac{\partial}{\partial z_i^{(1)}} \left[ \frac{1}{2} \big(y_i^* - a_i^{(1)}\big)^2 \right] \tag{right} \\[4pt]
\frac{\partial L}{\partial z_i^{(1)}} &= \big(y_i^* - a_i^{(1)}\big) \sigma'(z_i^{(1)}) \tag{planted}
\end{align}
$$
"""
    got = run(tmp_path, spec_toml(3, [(2, "sigmoid")]), body)
    assert {k: got[k].verdict for k in truth} == {k: said(v) for k, v in truth.items()}


def test_the_loss_of_example_i_written_with_its_arguments(tmp_path):
    """Ng's notebook: ``\\mathcal{L}(a^{(i)}, y^{(i)}) = -y^{(i)} \\log(a^{(i)}) - (1 - y^{(i)}) \\log(1 - a^{(i)})`` is
    example i's loss (it was read as the mean over the batch: "missing factor 1/N"), and J = 1/m Σ_i of it the mean.
    One sigmoid unit, binary cross-entropy, checked per example and for the mean with NumPy."""
    rng = np.random.default_rng(2)
    a, y = sig(rng.normal(size=4)), rng.integers(0, 2, size=4).astype(float)
    bce = -y * np.log(a) - (1 - y) * np.log(1 - a)
    truth = {"3": np.allclose(bce, -y * np.log(a) - (1 - y) * np.log(1 - a)),
             "3p": np.allclose(bce, -y * np.log(a) + (1 - y) * np.log(1 - a))}
    assert truth == {"3": True, "3p": False}
    body = r"""$$z^{(i)} = w^T x^{(i)} + b \tag{1}$$

$$\mathcal{L}(a^{(i)}, y^{(i)}) = - y^{(i)} \log(a^{(i)}) - (1-y^{(i)} ) \log(1-a^{(i)}) \tag{3}$$

$$\mathcal{L}(a^{(i)}, y^{(i)}) = - y^{(i)} \log(a^{(i)}) + (1-y^{(i)} ) \log(1-a^{(i)}) \tag{3p}$$

$$\frac{\partial J}{\partial w} = \frac{1}{m}X(A-Y)^T \tag{7}$$
"""
    spec = ('name = "t10b"\ntitle = "t"\nconvention = "column"\ninputs = 3\nlayers = [{units = 1, activation = '
            '"sigmoid"}]\nloss = {name = "binary_cross_entropy"}\noptimizer = {name = "sgd", learning_rate = 0.1}\n')
    got = run(tmp_path, spec, body)
    assert {k: got[k].verdict for k in truth} == {k: said(v) for k, v in truth.items()}


def test_an_arrow_chaining_two_definitions_rm_d_and_a_sum_over_the_m_examples(tmp_path):
    """liangguangyii's notes (Ng's notation, samples as columns): ``Z^{[l]} = W^{[l]} A^{[l-1]} + B^{[l]} \\rightarrow
    A^{[l]} = g(Z^{[l]})`` are two definitions (the arrow was read as a link between W A + B and A: a false reject);
    ``\\rm{d} Z`` is dZ; ``\\frac{1}{m} \\sum_{m} \\rm{d} Z`` sums over the m examples. A lowercase ``w^{\\rm{T}} x``
    beside those W^{[l]} is one unit's weight column: no verdict. dB checked against central differences."""
    rng = np.random.default_rng(5)
    W1, B1, W2, B2 = rng.normal(size=(4, 3)), rng.normal(size=(4, 1)), rng.normal(size=(1, 4)), rng.normal(size=(1, 1))
    X, Y = rng.normal(size=(3, 6)), rng.integers(0, 2, size=(1, 6)).astype(float)
    m = X.shape[1]

    def cost(b1):
        A2 = sig(W2 @ np.tanh(W1 @ X + b1.reshape(4, 1)) + B2)
        return float(np.mean(-Y * np.log(A2) - (1 - Y) * np.log(1 - A2)))

    A1 = np.tanh(W1 @ X + B1)
    dZ2 = sig(W2 @ A1 + B2) - Y
    dZ1 = (W2.T @ dZ2) * (1 - A1 ** 2)
    gB1 = grad(cost, B1.ravel()).reshape(4, 1)
    truth = {"mean": np.allclose(gB1, dZ1.sum(axis=1, keepdims=True) / m, atol=1e-6),
             "sum": np.allclose(gB1, dZ1.sum(axis=1, keepdims=True), atol=1e-6)}
    assert truth == {"mean": True, "sum": False}
    body = r"""$$ z = w^{ \rm{T} } x + b \rightarrow a = g(z) \tag{node}$$

$$ Z^{[l]} = W^{[l]} A^{[l - 1]} + B^{[l]} \rightarrow A^{[l]} = g(Z^{[l]}) \tag{forward}$$

$$ \rm{d} B^{[l]} = \frac{1}{m} \sum_{m} \rm{d} Z^{[l]} \tag{mean}$$

$$ \rm{d} B^{[l]} = \sum_{m} \rm{d} Z^{[l]} \tag{sum}$$
"""
    spec = ('name = "t10b"\ntitle = "t"\nconvention = "row"\ninputs = 3\nlayers = [{units = 4, activation = "tanh"}, '
            '{units = 1, activation = "sigmoid"}]\nloss = {name = "binary_cross_entropy"}\n'
            'optimizer = {name = "sgd", learning_rate = 0.1}\n')
    got = run(tmp_path, spec, body)
    assert got["forward"].verdict == "correct"  # a forward definition: true of the network by construction
    assert {k: got[k].verdict for k in truth} == {k: said(v) for k, v in truth.items()}
    assert got["node"].verdict == "unchecked" and "one unit's weight column" in got["node"].message


def test_an_update_arrow_is_not_split():
    """The arrow splits two equations only: Nielsen's ``w \\rightarrow w' = w - \\eta \\partial C/\\partial w`` is one
    update (no ``=`` before its arrow)."""
    from gradproof.verify.surface import split_statements

    assert split_statements(r"w \rightarrow w' = w - \eta \frac{\partial C}{\partial w}") == [
        r"w \rightarrow w' = w - \eta \frac{\partial C}{\partial w}"]
    assert split_statements(r"z = W x + b \rightarrow a = g(z)") == [r"z = W x + b ", r" a = g(z)"]


def test_a_sum_over_the_next_layers_units_in_a_batch_document(tmp_path):
    """Thill's recursion for one example, ∂L/∂z_i^{(l)} = σ'(z_i^{(l)}) Σ_{k=1}^{d_{l+1}} w^{(l+1)}_{k,i} ∂L/∂z_k^{(l+1)},
    in a post whose cost is the mean over N examples: ``w_{k,i}`` with k bound by the sum and the layer written is an
    entry (it was "cannot read the index k"), and a sum over a layer's units (its bound d_{l+1}, a layer's size) does
    not tie the claim to the batch: it is read for one example. Checked by central differences for one example; the
    planted σ for σ' holds for no example and is never accepted."""
    rng = np.random.default_rng(7)
    W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(2, 4)), rng.normal(size=2)
    x, y = rng.normal(size=3), rng.normal(size=2)
    z1 = W1 @ x + b1
    loss_z2 = lambda v: 0.5 * np.sum((y - sig(v)) ** 2)  # noqa: E731
    loss_z1 = lambda v: loss_z2(W2 @ sig(v) + b2)  # noqa: E731
    g1, g2 = grad(loss_z1, z1), grad(loss_z2, W2 @ sig(z1) + b2)
    truth = {"right": np.allclose(g1, sig(z1) * (1 - sig(z1)) * (W2.T @ g2), atol=1e-6),
             "planted": np.allclose(g1, sig(z1) * (W2.T @ g2), atol=1e-6)}
    assert truth == {"right": True, "planted": False}
    body = r"""$$
J(\Theta) = \frac{1}{N} \sum_{n=1}^{N} \mathcal{L}_n(\Theta)
$$

$$
\frac{\partial \mathcal{L}}{\partial z_i^{(\ell)}} = \sigma'\!\left(z_i^{(\ell)}\right) \sum_{k=1}^{d_{\ell+1}}
w^{(\ell+1)}_{k,i} \frac{\partial \mathcal{L}}{\partial z_k^{(\ell+1)}} \tag{right}
$$

$$
\frac{\partial \mathcal{L}}{\partial z_i^{(\ell)}} = \sigma\!\left(z_i^{(\ell)}\right) \sum_{k=1}^{d_{\ell+1}}
w^{(\ell+1)}_{k,i} \frac{\partial \mathcal{L}}{\partial z_k^{(\ell+1)}} \tag{planted}
$$
"""
    got = run(tmp_path, spec_toml(3, [(4, "sigmoid"), (2, "sigmoid")]), body)
    assert got["right"].verdict == said(truth["right"])
    assert got["planted"].verdict != "correct"
