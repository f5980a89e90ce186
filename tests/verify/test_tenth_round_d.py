"""Readings of the tenth round, verify10d (issue 10, heldout9's open classes): rows inside a wrapper environment in
display math (``$$\\begin{equation*}\\begin{split} … \\end{split}\\end{equation*}$$``, MathJax's reading: one numbered
equation, its rows judged as links), the entries of a batch whose examples are columns written in lowercase
(``z_{j, i}^{[l]}``: unit j of example i; ``\\vec{z}_{:, i}^{[l]}``: example i's column), and ``\\dpdv``, a display-style
``\\pdv`` a document uses without defining it (read as ``\\pdv``, with a notice).

The claims are written here in those notations, right ones and planted ones; the expected verdicts come from NumPy
(the forward pass typed below, central differences of the mean cross-entropy), never from verify's own output."""

from __future__ import annotations

import numpy as np
from gradproof.verify.document import DocumentClaims, document_batch, extract

RNG = np.random.default_rng(10)
M = 5  # examples (columns)


def softmax(z):
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


def numeric_grad(f, v, h=1e-6):
    """∂f/∂v entry by entry (central differences), in v's shape."""
    v = np.asarray(v, dtype=float)
    g = np.zeros_like(v)
    for idx in np.ndindex(v.shape):
        e = np.zeros_like(v)
        e[idx] = h
        g[idx] = (f(v + e) - f(v - e)) / (2 * h)
    return g


def oracle(flags: dict) -> dict:
    return {k: "correct" if ok else "incorrect" for k, ok in flags.items()}


def spec_toml(layers: list[tuple[int, str]], loss: str) -> str:
    """Lalin's convention: Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}, W^{[l]} n^{[l]} × n^{[l-1]} (the spec's row convention)."""
    rows = ", ".join(f'{{units = {u}, activation = "{a}"}}' for u, a in layers)
    return (f'name = "t10d"\nconvention = "row"\ninputs = 3\nlayers = [{rows}]\nloss = {{name = "{loss}"}}\n'
            'optimizer = {name = "sgd", learning_rate = 0.1}\n')


SOFTMAX = spec_toml([(4, "tanh"), (3, "softmax")], "cross_entropy")


def document(tmp_path, spec: str, body: str) -> tuple[dict, object]:
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(spec)
    (tmp_path / "answer.md").write_text(body)
    results, meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    return {r.id: r.verdict for r in results}, meta


def display(body: str, env: str = "equation") -> str:
    return f"$$\n\\begin{{{env}}}\n{body}\n\\end{{{env}}}\n$$\n\n"


def test_the_forward_pass_entry_by_entry_and_by_columns(tmp_path):
    """z_{j, i}^{[1]} = Σ_k w_{j, k}^{[1]} x_{k, i} + b_j^{[1]} (unit j of example i) and z_{:, i}^{[2]} = W^{[2]}
    a_{:, i}^{[1]} + b^{[2]} (example i's column) are the forward pass Z = W X + b; the planted copies drop the bias.
    NumPy evaluates each formula on random parameters against the forward pass."""
    X = RNG.normal(size=(3, M))
    W1, b1, W2, b2 = RNG.normal(size=(4, 3)), RNG.normal(size=(4, 1)), RNG.normal(size=(3, 4)), RNG.normal(size=(3, 1))
    Z1 = W1 @ X + b1
    A1 = np.tanh(Z1)
    Z2 = W2 @ A1 + b2
    entry = np.array([[sum(W1[j, k] * X[k, i] for k in range(3)) + b1[j, 0] for i in range(M)] for j in range(4)])
    entry_planted = np.array([[sum(W1[j, k] * X[k, i] for k in range(3)) for i in range(M)] for j in range(4)])
    column = np.stack([W2 @ A1[:, i] + b2[:, 0] for i in range(M)], axis=1)
    column_planted = np.stack([W2 @ A1[:, i] for i in range(M)], axis=1)
    want = oracle({"eq:z": np.allclose(entry, Z1), "eq:z_planted": np.allclose(entry_planted, Z1),
                   "eq:col": np.allclose(column, Z2), "eq:col_planted": np.allclose(column_planted, Z2)})
    assert want == {"eq:z": "correct", "eq:z_planted": "incorrect", "eq:col": "correct", "eq:col_planted": "incorrect"}
    body = ("The examples are the columns, $i = 1, \\dots, m$.\n\n"
            + display("J = -\\frac{1}{m} \\sum_i \\sum_j y_{j, i} \\log(a_{j, i}^{[2]})")
            + display("z_{j, i}^{[1]} = \\sum_k w_{j, k}^{[1]} x_{k, i} + b_j^{[1]} \\label{eq:z}")
            + display("z_{j, i}^{[1]} = \\sum_k w_{j, k}^{[1]} x_{k, i} \\label{eq:z_planted}")
            + display("\\vec{z}_{:, i}^{[2]} = \\vec{W}^{[2]} \\vec{a}_{:, i}^{[1]} + \\vec{b}^{[2]} \\label{eq:col}")
            + display("\\vec{z}_{:, i}^{[2]} = \\vec{W}^{[2]} \\vec{a}_{:, i}^{[1]} \\label{eq:col_planted}"))
    got, _ = document(tmp_path, SOFTMAX, body)
    assert {k: got[k] for k in want} == want


def test_derivatives_by_one_example_s_entries(tmp_path):
    """J = −1/m Σ_i Σ_j y_{j,i} log a_{j,i}^{[2]} with a softmax output: ∂J/∂a_{j,i} = −y_{j,i}/(m a_{j,i}),
    ∂J/∂z_{j,i} = (a_{j,i} − y_{j,i})/m, ∂J/∂b_j = Σ_i ∂J/∂z_{j,i} (central differences of J); planted: y a for y / a,
    the sign, a second 1/m. The ∂J/∂z rows sit in \\begin{equation*}\\begin{split} … with \\dpdv."""
    Y = np.eye(3)[:, RNG.integers(0, 3, size=M)]
    Z = RNG.normal(size=(3, M))
    A = softmax(Z)
    J_of_A = lambda a: -np.sum(Y * np.log(a)) / M  # noqa: E731
    J_of_Z = lambda z: J_of_A(softmax(z))  # noqa: E731
    dA, dZ = numeric_grad(J_of_A, A), numeric_grad(J_of_Z, Z)
    A1, W2 = RNG.normal(size=(4, M)), RNG.normal(size=(3, 4))
    J_of_b = lambda b: J_of_Z(W2 @ A1 + b[:, None])  # noqa: E731
    b = RNG.normal(size=3)
    db = numeric_grad(J_of_b, b)
    dZb = numeric_grad(J_of_Z, W2 @ A1 + b[:, None])
    want = oracle({"eq:da": np.allclose(dA, -Y / (M * A), atol=1e-6),
                   "eq:da_planted": np.allclose(dA, -Y * A / M, atol=1e-6),
                   "eq:dz": np.allclose(dZ, (A - Y) / M, atol=1e-6),
                   "eq:dz_planted": np.allclose(dZ, (Y - A) / M, atol=1e-6),
                   "eq:db": np.allclose(db, dZb.sum(axis=1), atol=1e-6),
                   "eq:db_planted": np.allclose(db, dZb.sum(axis=1) / M, atol=1e-6)})
    assert list(want.values()) == ["correct", "incorrect"] * 3
    split = "\\begin{{split}}\n\\dpdv{{J}}{{z_{{j, i}}^{{[2]}}}} &= \\frac{{1}}{{m}} ({}) \\\\\n&= \\frac{{1}}{{m}} ({})\n\\end{{split}}\n"
    body = ("The examples are the columns, $i = 1, \\dots, m$.\n\n"
            + display("J = -\\frac{1}{m} \\sum_i \\sum_j y_{j, i} \\log(a_{j, i}^{[2]})")
            + display("\\frac{\\partial J}{\\partial a_{j, i}^{[2]}} = -\\frac{1}{m} \\frac{y_{j, i}}{a_{j, i}^{[2]}} \\label{eq:da}")
            + display("\\frac{\\partial J}{\\partial a_{j, i}^{[2]}} = -\\frac{1}{m} y_{j, i} a_{j, i}^{[2]} \\label{eq:da_planted}")
            + display(split.format("a_{j, i}^{[2]} - y_{j, i}", "-y_{j, i} + a_{j, i}^{[2]}") + "\\label{eq:dz}", "equation*")
            + display(split.format("a_{j, i}^{[2]} - y_{j, i}", "y_{j, i} - a_{j, i}^{[2]}") + "\\label{eq:dz_planted}",
                      "equation*")
            + display("\\frac{\\partial J}{\\partial b_j^{[2]}} = \\sum_i \\frac{\\partial J}{\\partial z_{j, i}^{[2]}} \\label{eq:db}")
            + display("\\frac{\\partial J}{\\partial b_j^{[2]}} = \\frac{1}{m} \\sum_i \\frac{\\partial J}{\\partial z_{j, i}^{[2]}} "
                      "\\label{eq:db_planted}"))
    got, meta = document(tmp_path, SOFTMAX, body)
    assert {k: got[k] for k in want} == want
    assert any("\\dpdv" in note for note in meta["notation"])  # the notice: \dpdv read as \pdv


def test_rows_inside_a_wrapper_are_one_numbered_claim(tmp_path):
    """$$\\begin{equation}\\begin{split} A &= … \\\\ B &= … \\end{split}\\end{equation}$$ under a question heading is one
    claim (Q1.1, its rows links judged in turn), so the display after it keeps its number (Q1.2); a \\\\ inside a
    \\substack is no row. The verdicts: the forward pass typed in NumPy (z = W x + b, a = tanh z, one example)."""
    x, W1, b1 = RNG.normal(size=3), RNG.normal(size=(4, 3)), RNG.normal(size=4)
    z = W1 @ x + b1
    flags = {"Q1.1": np.allclose(np.tanh(W1 @ x + b1), np.tanh(z)),  # both rows of the right block hold
             "Q1.2": np.allclose(np.tanh(W1 @ x), np.tanh(z))}  # the planted row drops the bias
    want = oracle(flags)
    assert want == {"Q1.1": "correct", "Q1.2": "incorrect"}
    block = "\\begin{{split}}\nz^{{[1]}} &= W^{{[1]}} x + b^{{[1]}} \\\\\na^{{[1]}} &= \\tanh({})\n\\end{{split}}"
    body = ("## Q1\n\n" + display(block.format("z^{[1]}")) + display(block.format("W^{[1]} x")))
    got, _ = document(tmp_path, SOFTMAX, body)
    assert {k: got[k] for k in want} == want
    claims = extract(display("J = \\sum_{\\substack{i = 1 \\\\ j = 1}} y_{j, i} \\label{eq:s}"))
    assert [c.id for c in claims] == ["eq:s"] and "\\\\" in claims[0].latex  # one claim, its substack kept whole


def test_an_example_letter_only_in_the_mean_does_not_make_a_batch():
    """Imperial's C = 1/N Σ_k C_k names k the example but indexes no vector by it: its one-example formulas keep a
    batch of one (a batch of several made its ∂a/∂z products false rejects); Lalin's z_{j, i} with i = 1, …, m does."""
    import tomllib

    from gradproof.derive.derivation import derive
    from gradproof.derive.spec import spec_from_dict

    network = derive(spec_from_dict(tomllib.loads(SOFTMAX)), check=False).network
    mean_only = DocumentClaims(extract("$$C = \\frac{1}{N}\\sum_k C_k$$\n\n$$a^{(1)} = \\sigma(z^{(1)})$$\n"))
    entries = DocumentClaims(extract("$$i = 1, \\dots, m$$\n\n$$z_{j, i}^{[1]} = \\sum_k w_{j, k}^{[1]} x_{k, i} + b_j^{[1]}$$\n"))
    assert document_batch(mean_only, network) == 1
    assert document_batch(entries, network) > 1


def test_the_expected_line_of_a_batch_gradient_averages_over_the_examples():
    """In a batch of N examples J is the mean of the examples' losses ℓ_n, so ∂J/∂b^{(2)} = (1/N) Σ_n ∂ℓ_n/∂z_n^{(2)}
    (central differences of J and of each ℓ_n on a NumPy network below), not δ^{(2)}: a batch's δ holds every
    example. The `expected:` line of a wrong db (and of a wrong dW: 1/N before δ's product) says so, and the line it
    prints verifies as correct; the old line (δ alone) and the sum without 1/N do not."""
    from gradproof.derive.derivation import derive
    from gradproof.derive.spec import spec_from_dict
    from gradproof.verify.judge import Claim, Judge

    n = 4
    X, Y = RNG.normal(size=(n, 3)), RNG.uniform(size=(n, 2))
    W1, W2, b2 = RNG.normal(size=(3, 4)), RNG.normal(size=(4, 2)), RNG.normal(size=2)
    losses = lambda b: 0.5 * np.sum((1 / (1 + np.exp(-(np.tanh(X @ W1) @ W2 + b))) - Y) ** 2, axis=1)  # noqa: E731
    db = numeric_grad(lambda b: np.mean(losses(b)), b2)
    per_example = np.array([numeric_grad(lambda b, k=k: losses(b)[k], b2) for k in range(n)])  # ∂ℓ_n/∂b = ∂ℓ_n/∂z_n
    assert np.allclose(db, per_example.sum(axis=0) / n) and not np.allclose(db, per_example.sum(axis=0))
    spec = {"name": "t10d", "convention": "column", "inputs": 3,
            "layers": [{"units": 4, "activation": "tanh"}, {"units": 2, "activation": "sigmoid"}],
            "loss": {"name": "squared_error"}, "optimizer": {"name": "sgd", "learning_rate": 0.1}}
    judge = Judge(derive(spec_from_dict(spec), check=False), batch=n)
    wrong = judge.check(Claim("db", "\\frac{\\partial J}{\\partial b^{(2)}} = 2 \\boldsymbol{\\delta}^{(2)}"))
    assert wrong.verdict == "incorrect"
    assert wrong.expected == "\\frac{1}{N} \\sum_n \\boldsymbol{\\delta}^{(2)(n)}"
    shown = judge.check(Claim("db", f"\\frac{{\\partial J}}{{\\partial b^{{(2)}}}} = {wrong.expected}"))
    assert shown.verdict == "correct"
    for old in ("\\boldsymbol{\\delta}^{(2)}", "\\sum_n \\boldsymbol{\\delta}^{(2)(n)}"):
        assert judge.check(Claim("db", f"\\frac{{\\partial J}}{{\\partial b^{{(2)}}}} = {old}")).verdict == "incorrect"
    dw = judge.check(Claim("dW", "\\frac{\\partial J}{\\partial W^{(2)}} = 2 {\\mathbf{h}^{(1)}}^{\\top} \\boldsymbol{\\delta}^{(2)}"))
    assert dw.verdict == "incorrect" and dw.expected.startswith("\\frac{1}{N} ")
    shown = judge.check(Claim("dW", f"\\frac{{\\partial J}}{{\\partial W^{{(2)}}}} = {dw.expected}"))
    assert shown.verdict == "correct"


def test_words_and_remarks_inside_a_display(tmp_path):
    """Jihwan's rows open with words (``\\text{Similarly,}\\quad``, ``\\text{and for the bias, }``) and end with a remark
    (``\\qquad(\\text{where}\\quad δ = …)``): the words are dropped, the remark is a second statement judged on its own;
    ``\\pmatrix{…}`` around one entry is a pair of parentheses. One example, E = ½‖ŷ − y‖², ŷ = σ(W h + b): the
    gradients by central differences; planted: y added in the remark, a factor 2 after "Similarly"."""
    h, y = RNG.normal(size=4), RNG.uniform(size=2)
    W2, b2 = RNG.normal(size=(2, 4)), RNG.normal(size=2)
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    E = lambda W, b: 0.5 * np.sum((sig(W @ h + b) - y) ** 2)  # noqa: E731
    dW, db = numeric_grad(lambda W: E(W, b2), W2), numeric_grad(lambda b: E(W2, b), b2)
    yh = sig(W2 @ h + b2)
    delta, delta_planted = (yh - y) * yh * (1 - yh), (yh + y) * yh * (1 - yh)
    want = oracle({"line 4.1": np.allclose(dW, np.outer(delta, h)) and np.allclose(db, delta),
                   "line 5.2": np.allclose(db, delta),
                   "line 11.1": np.allclose(dW, np.outer(delta_planted, h)) and np.allclose(db, delta_planted),
                   "line 12.2": np.allclose(db, 2 * delta)})
    assert want == {"line 4.1": "correct", "line 5.2": "correct", "line 11.1": "incorrect", "line 12.2": "incorrect"}
    rows = ("\\frac{{\\partial E}}{{\\partial W^{{(2)}}}} &= \\boldsymbol{{\\delta}}^{{(2)}} {{h^{{(1)}}}}^T \\qquad(\\text{{where}}"
            "\\quad \\boldsymbol{{\\delta}}^{{(2)}} = (\\hat{{y}} {} y) \\odot \\sigma'(z^{{(2)}})) \\\\\n"
            "\\text{{Similarly,}}\\quad \\pmatrix{{\\frac{{\\partial E}}{{\\partial b^{{(2)}}}}}} &= {}\\boldsymbol{{\\delta}}^{{(2)}}\n")
    body = ("# Output layer\n\n$$\\begin{align}\n" + rows.format("-", "") + "\\end{align}$$\n\nPlanted:\n\n"
            "$$\\begin{align}\n" + rows.format("+", "2 ") + "\\end{align}$$\n")
    spec = spec_toml([(4, "tanh"), (2, "sigmoid")], "squared_error")
    got, _ = document(tmp_path, spec, body)
    assert {k: got[k] for k in want} == want


def test_a_delta_on_an_objective_scale_the_answer_leaves_open():
    """Jihwan's E = Σ_q E^q, a plain sum of the examples' losses: ∂E/∂Z = Ŷ − Y, while the spec's mean gives (Ŷ − Y)/N
    (central differences below). δ = Ŷ − Y is right for the answer's own objective (and δ read as one example's
    ∂ℓ/∂z); δ = (Ŷ − Y)/N writes a 1/N the answer's objective does not have, right only on the spec's scale: it is
    `unchecked`, never a verdict its own 1/N chose (the δ-of-the-mean reading it would vote for). Without the
    definition: Ŷ − Y right, the extra 1/N wrong. Words that name a function (``\\text{MSE}(…)``,
    ``\\text{ReLU}'(z)``) are never dropped as prose."""
    from gradproof.derive.derivation import derive
    from gradproof.derive.spec import spec_from_dict
    from gradproof.verify.judge import Claim, Judge

    n = 4
    Z, Y = RNG.normal(size=(3, n)), np.eye(3)[:, RNG.integers(0, 3, size=n)]
    total = lambda z: -np.sum(Y * np.log(softmax(z)))  # noqa: E731
    assert np.allclose(numeric_grad(total, Z), softmax(Z) - Y, atol=1e-6)
    assert np.allclose(numeric_grad(lambda z: total(z) / n, Z), (softmax(Z) - Y) / n, atol=1e-6)
    spec = {"name": "t10d", "convention": "column", "inputs": 3,
            "layers": [{"units": 4, "activation": "relu"}, {"units": 3, "activation": "softmax"}],
            "loss": {"name": "cross_entropy"}, "optimizer": {"name": "sgd", "learning_rate": 0.1}}
    d = derive(spec_from_dict(spec), check=False)
    deltas = [Claim("d", "\\delta^{(2)} = \\hat{Y} - Y"), Claim("d_mean", "\\delta^{(2)} = \\frac{1}{N}(\\hat{Y} - Y)")]
    summed = Judge(d, batch=n).check_all([Claim("E", "E = \\sum_{q=1}^{N} E^q"), *deltas])
    assert [r.verdict for r in summed[1:]] == ["correct", "unchecked"] and "scale" in summed[2].message
    assert [r.verdict for r in Judge(d, batch=n).check_all(deltas)] == ["correct", "incorrect"]
    names = extract("$$\\text{MSE}(\\hat{y}, y) = \\frac{1}{n} \\sum_i (\\hat{y}_i - y_i)^2$$\n\n"
                    "$$\\text{ReLU}'(z) = 1$$\n\n$$\\text{Thus}\\quad z = 1$$\n")
    assert [c.latex.split(" ")[0] for c in names] == ["\\text{MSE}(\\hat{y},", "\\text{ReLU}'(z)", "z"]
