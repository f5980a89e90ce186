"""Readings of the twelfth round, verify12a (issue 10, heldout12's false rejects): a softmax/cross-entropy backward
written for one example with its vectors as columns beside a batch in rows (as Shreyansh Singh's post, the
sunhaozhe/zakariapz matrix-calculus notes and CS231n's softmax gradient write it: "for a single data point",
``L = -\\sum_k y_k \\log p_k``, ``(\\operatorname{diag}(p) - p p^\\top) g``, ``p^\\top g``, ``p - y``, the batch's
``\\frac{1}{N}(P - Y)``), and a learner's scalar case before his vectors (krasing's notebook: ``y = w x + b``,
``dy/dw = x``).

The documents are written here in those notations, right ones and planted ones; the expected verdicts come from NumPy
(softmax and the loss typed below, central differences), never from verify's own output."""

from __future__ import annotations

import numpy as np

RNG = np.random.default_rng(12)

SOFTMAX_SPEC = ('name = "rowsoftmax"\nconvention = "row"\ninputs = 3\nlayers = [{units = 4, activation = "softmax"}]\n'
                'loss = {name = "cross_entropy"}\noptimizer = {name = "sgd", learning_rate = 0.1}\n')
LINEAR_SPEC = ('name = "rowlinear"\nconvention = "column"\ninputs = 3\nlayers = [{units = 2, activation = "identity"}]\n'
               'loss = {name = "squared_error"}\noptimizer = {name = "sgd", learning_rate = 0.01}\n')


def numeric_grad(f, v, h=1e-6):
    v = np.asarray(v, dtype=float)
    g = np.zeros_like(v)
    for idx in np.ndindex(v.shape):
        e = np.zeros_like(v)
        e[idx] = h
        g[idx] = (f(v + e) - f(v - e)) / (2 * h)
    return g


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / e.sum()


def one_example():
    """One example's column vectors: logits z, a target distribution y (Σ y = 1), p = softmax(z), L = −Σ y log p."""
    z = RNG.normal(size=4)
    y = np.zeros(4)
    y[RNG.integers(4)] = 1.0
    p = softmax(z)
    loss = lambda v: -np.sum(y * np.log(softmax(v)))  # noqa: E731
    dz = numeric_grad(loss, z)
    dp = numeric_grad(lambda q: -np.sum(y * np.log(q)), p)  # ∂L/∂p, p free
    return z, y, p, dz, dp


def verify(tmp_path, body: str, spec: str = SOFTMAX_SPEC, name: str = "answer.md"):
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(spec)
    (tmp_path / name).write_text(body)
    results, _meta, _ = verify_file(str(tmp_path / name), str(tmp_path / "spec.toml"))
    return {r.id: r for r in results}


ROWS = r"""# Softmax regression, one example at a time

For a single data point the cross-entropy loss is

$$
L = -\sum_{k=1}^{K} y_k \log p_k
$$

where

$$
p = \operatorname{softmax}(z).
$$

One example's vectors are columns. Through the softmax Jacobian,

$$
\frac{\partial L}{\partial z} = \left(\operatorname{diag}(p) - JACOBIAN\right) \frac{\partial L}{\partial p}
$$

and with $g = \frac{\partial L}{\partial p}$,

$$
\frac{\partial L}{\partial z} = p \odot \left(g SIGN p^\top g\right)
$$

Since $\sum_k y_k = 1$,

$$
p^\top \frac{\partial L}{\partial p} = DOT
$$

so

$$
\frac{\partial L}{\partial z} = LOGITS
$$

For a function $y = f(x)$ the rule is $g_x = J^\top g_y$.

Define $\operatorname{LSE}(z) = \log \sum_{k=1}^{K} e^{z_k}$. Then

$$
L = -y^\top z + \operatorname{LSE}(z)
$$

For the batch mean over the N rows of Z, P, Y,

$$
\frac{\partial L}{\partial Z} = \frac{1}{N}(BATCH)
$$

A step on the scores themselves: $z \leftarrow z - \eta \nabla_z L$.
"""
RIGHT = {"JACOBIAN": "p p^\\top", "SIGN": "-", "DOT": "-1", "LOGITS": "p - y", "BATCH": "P - Y"}
PLANTED = {"JACOBIAN": "p^\\top p", "SIGN": "+", "DOT": "1", "LOGITS": "y - p", "BATCH": "Y - P"}
IDS = {"JACOBIAN": "line 18", "SIGN": "line 24", "DOT": "line 30", "LOGITS": "line 36", "BATCH": "line 50"}


def document(choice: dict) -> str:
    text = ROWS
    for key, value in choice.items():
        text = text.replace(key, value)
    return text


def oracle(choice: dict) -> dict:
    """The verdict of each filled-in claim, from NumPy: one example's column vectors (the batch claim: the mean over N
    rows of per-example gradients, each p − y, so (P − Y)/N)."""
    z, y, p, dz, dp = one_example()
    jac = np.diag(p) - (np.outer(p, p) if choice["JACOBIAN"] == "p p^\\top" else p @ p)
    sign = -1.0 if choice["SIGN"] == "-" else 1.0
    logits = p - y if choice["LOGITS"] == "p - y" else y - p
    P = np.stack([softmax(RNG.normal(size=4)) for _ in range(5)])
    Y = np.eye(4)[RNG.integers(4, size=5)]
    true_batch = np.stack([numeric_grad(lambda v, t=t: -np.sum(t * np.log(softmax(v))), np.log(q)) for q, t in zip(P, Y,
                                                                                                                 strict=True)]) / 5
    batch = (P - Y if choice["BATCH"] == "P - Y" else Y - P) / 5
    holds = {"JACOBIAN": np.allclose(jac @ dp, dz, atol=1e-5),
             "SIGN": np.allclose(p * (dp + sign * (p @ dp)), dz, atol=1e-5),
             "DOT": np.isclose(p @ dp, float(choice["DOT"]), atol=1e-5),
             "LOGITS": np.allclose(logits, dz, atol=1e-5),
             "BATCH": np.allclose(batch, true_batch, atol=1e-5)}
    return {IDS[k]: "correct" if v else "incorrect" for k, v in holds.items()}


def test_one_examples_columns_beside_a_batch_in_rows_are_read_for_one_example(tmp_path):
    """y^T z, p^T g, (diag(p) − p p^T) g: shapes that fit one example's columns only (with the batch's rows p^T g is
    4 × 4) are evidence the batch's reading is wrong, not the claim: read for one example, as the answer's loss "for a
    single data point" says. ∂L/∂z = p − y is right for that one example (scale 1, no 1/N)."""
    want = oracle(RIGHT)
    assert set(want.values()) == {"correct"}
    got = verify(tmp_path, document(RIGHT))
    assert {k: got[k].verdict for k in want} == want
    assert got["line 6"].verdict == "correct"  # the per-example loss itself


def test_planted_mistakes_in_one_examples_columns_stay_incorrect(tmp_path):
    """The same document with a mistake in each claim: p^T p for p p^T, + for −, p^T g = 1, y − p, (Y − P)/N."""
    want = oracle(PLANTED)
    assert set(want.values()) == {"incorrect"}
    got = verify(tmp_path, document(PLANTED))
    assert {k: got[k].verdict for k in want} == want


def test_illustrations_and_functions_are_not_the_networks_quantities(tmp_path):
    """"For a function y = f(x)" does not make y the network's output (y stays the target: p − y above is right);
    LSE(z) = log Σ e^{z_k} is a function of z, not the answer's objective (∇_z LSE is no ∂J/∂z); a step on the
    logits z ← z − η ∇_z L is no parameter's update. None of them is called wrong."""
    got = verify(tmp_path, document(RIGHT))
    assert got["line 39"].verdict == "unchecked" and "generic function" in got["line 39"].message
    assert got["line 53"].verdict == "unchecked" and "forward pass computes" in got["line 53"].message
    assert all(r.verdict != "incorrect" for r in got.values())


def test_a_letter_whose_own_definition_does_not_read_is_not_the_conventions(tmp_path):
    """a = logsoftmax(z) (the log-probabilities, a quantity no layer computes), then g_a = −y: a is not the activation
    a convention reads, so the claim is unchecked, naming the definition; its planted twin g_a = y as well (not a
    verdict on a guess)."""
    z, y, p, dz, dp = one_example()
    a = np.log(p)
    ga = numeric_grad(lambda v: -np.sum(y * v), a)
    assert np.allclose(ga, -y)  # (the faithful claim is right)
    body = ("For one example $L = -\\sum_{j=1}^{K} y_j a_j$ with\n\n$$\na = \\operatorname{logsoftmax}(z)\n$$\n\n"
            "and $g_a = \\frac{\\partial L}{\\partial a}$, so\n\n$$\ng_a = -y\n$$\n")
    got = verify(tmp_path, body)
    for claim in ("line 1", "line 10"):  # (the loss written with a just before a's definition, and g_a = −y)
        assert got[claim].verdict == "unchecked" and "(line 4" in got[claim].message
    planted = verify(tmp_path, body.replace("g_a = -y", "g_a = y"), name="planted.md")
    assert planted["line 10"].verdict == "unchecked"


SCALAR = r"""Let's have $y = w \cdot x + b$. Then

$$\frac{\mathrm{d}y}{\mathrm{d}x} = w , \quad \frac{\mathrm{d}y}{\mathrm{d}w} = WRT, \quad \frac{\mathrm{d}y}{\mathrm{d}b} = 1$$

For vectors, $x$ and $y$ are rows: $y = x \cdot W + b$ and

$$\frac{\partial L}{\partial W} = x^T \cdot \frac{\partial L}{\partial y}$$

A gradient is attached to each variable: $y.g = \frac{\partial L}{\partial y}$ and

$x.g = \frac{\partial L}{\partial x} = y.g \cdot XGRAD$
"""


def test_a_scalar_case_before_the_vectors_is_not_called_wrong(tmp_path):
    """krasing's notebook: y = w · x + b and dy/dw = x, in bare lowercase letters, hold when every quantity is one
    number (checked below) but not with the network's widths: which one they mean is not said, so unchecked — never
    incorrect. dy/dw = w is wrong in the scalar case too: incorrect. The vector section is judged as usual."""
    w, x, b, h = RNG.normal(size=3).tolist() + [1e-6]
    f = lambda w_, x_, b_: w_ * x_ + b_  # noqa: E731
    dydx, dydw = (f(w, x + h, b) - f(w, x - h, b)) / (2 * h), (f(w + h, x, b) - f(w - h, x, b)) / (2 * h)
    assert np.isclose(dydx, w) and np.isclose(dydw, x) and not np.isclose(dydw, w)
    right = verify(tmp_path, SCALAR.replace("WRT", "x").replace("XGRAD", "W^T"), LINEAR_SPEC)
    assert right["line 1"].verdict == "unchecked" and "one number" in right["line 1"].message
    assert right["line 3"].verdict == "unchecked"
    assert right["line 5"].verdict == "correct"  # y = x · W + b on rows, W (in, out)
    x_row, W, dy = RNG.normal(size=(1, 3)), RNG.normal(size=(3, 2)), RNG.normal(size=(1, 2))
    dW = numeric_grad(lambda V: float(np.sum(dy * (x_row @ V))), W)  # L linear in y with ∂L/∂y = dy
    assert np.allclose(dW, x_row.T @ dy, atol=1e-6)
    assert right["line 7"].verdict == "correct"
    planted = verify(tmp_path, SCALAR.replace("WRT", "w").replace("XGRAD", "W"), LINEAR_SPEC, "planted.md")
    assert planted["line 3"].verdict == "incorrect"


def test_fastais_gradient_attached_to_a_variable(tmp_path):
    """krasing's notebook: y.g = ∂L/∂y names the gradient attached to each variable, so x.g = y.g · Wᵀ is ∂L/∂x
    (y = x W + b on rows: checked below by central differences of ½‖y − t‖²); x.g = y.g · W is wrong."""
    x_row, W, b, t = RNG.normal(size=(1, 3)), RNG.normal(size=(3, 2)), RNG.normal(size=(1, 2)), RNG.normal(size=(1, 2))
    loss = lambda v: 0.5 * float(np.sum((v @ W + b - t) ** 2))  # noqa: E731
    dx, dy = numeric_grad(loss, x_row), x_row @ W + b - t
    assert np.allclose(dx, dy @ W.T, atol=1e-6)
    right = verify(tmp_path, SCALAR.replace("WRT", "x").replace("XGRAD", "W^T"), LINEAR_SPEC)
    assert right["line 9"].verdict == "correct" and right["line 11"].verdict == "correct"
    planted = verify(tmp_path, SCALAR.replace("WRT", "x").replace("XGRAD", "W"), LINEAR_SPEC, "planted.md")
    assert planted["line 11"].verdict == "incorrect"


BATCH_ROWS = r"""For a batch of B rows,

$$
Z \in \mathbb{R}^{B \times K}
$$

and $S = \operatorname{softmax}(Z)$ row by row:

$$
S_{ij} = \frac{e^{Z_{ij}}}{\sum_{\ell=1}^{K} e^{Z_{i\ell}}}
$$

The mean loss is $L = \frac{1}{B} \sum_{i=1}^{B} \ell_i$. Let

$$
G_{S_i} = \frac{\partial L}{\partial S_i}
$$

Then

$$
G_{Z_i} = \left(\operatorname{diag}(S_i) - OUTER\right) G_{S_i}
$$

$$
G_{Z_i} = S_i \odot G_{S_i} SIGN S_i \left(S_i^\top G_{S_i}\right)
$$

and for the whole batch

$$
G_Z = S \odot \left(G_S - \operatorname{rowsum}(ROWSUM)\right)
$$
"""
BATCH_RIGHT = {"OUTER": "S_i S_i^\\top", "SIGN": "-", "ROWSUM": "S \\odot G_S"}
BATCH_PLANTED = {"OUTER": "S_i^\\top S_i", "SIGN": "+", "ROWSUM": "G_S"}
BATCH_IDS = {"OUTER": "line 22", "SIGN": "line 26", "ROWSUM": "line 32"}


def batch_oracle(choice: dict) -> dict:
    """Each filled-in claim's verdict from NumPy: S = softmax(Z) row by row, any upstream G_S (random), the true G_Z
    row by row as J_iᵀ G_{S_i} with J_i the central-difference Jacobian of row i's softmax."""
    Z, GS = RNG.normal(size=(5, 4)), RNG.normal(size=(5, 4))
    S = np.stack([softmax(z) for z in Z])
    jac = [np.stack([(softmax(z + e) - softmax(z - e)) / 2e-6 for e in np.eye(4) * 1e-6], axis=1) for z in Z]
    GZ = np.stack([j.T @ g for j, g in zip(jac, GS, strict=True)])
    outer = [np.outer(s, s) if choice["OUTER"] == "S_i S_i^\\top" else s @ s for s in S]
    sign = -1.0 if choice["SIGN"] == "-" else 1.0
    rowsum = np.sum(S * GS if choice["ROWSUM"] == "S \\odot G_S" else GS, axis=1, keepdims=True)
    holds = {"OUTER": all(np.allclose((np.diag(s) - o) @ g, gz, atol=1e-6) for s, o, g, gz in zip(S, outer, GS, GZ,
                                                                                                   strict=True)),
             "SIGN": np.allclose(S * GS + sign * S * np.sum(S * GS, axis=1, keepdims=True), GZ, atol=1e-6),
             "ROWSUM": np.allclose(S * (GS - rowsum), GZ, atol=1e-6)}
    return {BATCH_IDS[k]: "correct" if v else "incorrect" for k, v in holds.items()}


def test_a_batch_in_rows_with_its_rows_indexed_and_a_gradient_letter_for_any_quantity(tmp_path):
    """Z ∈ R^{B×K} makes i in S_{ij} the example (S_i its row, one example's vector as a column); G_{S_i} = ∂L/∂S_i
    defines the letter G for any quantity (G_{Z_i}, G_Z, G_S); rowsum(·) is one number per example, broadcast across
    its entries; Σ_ℓ sums over ℓ. Right claims correct, planted ones incorrect."""
    want = batch_oracle(BATCH_RIGHT)
    assert set(want.values()) == {"correct"}
    text = BATCH_ROWS
    for key, value in BATCH_RIGHT.items():
        text = text.replace(key, value)
    got = verify(tmp_path, text)
    assert {k: got[k].verdict for k in want} == want
    assert got["line 10"].verdict == "correct"  # S_{ij} = e^{Z_ij} / Σ_ℓ e^{Z_iℓ}, for every example i and entry j
    want = batch_oracle(BATCH_PLANTED)
    assert set(want.values()) == {"incorrect"}
    text = BATCH_ROWS
    for key, value in BATCH_PLANTED.items():
        text = text.replace(key, value)
    got = verify(tmp_path, text, name="planted.md")
    assert {k: got[k].verdict for k in want} == want


def test_a_layout_declared_for_one_example_is_read_not_a_crash(tmp_path):
    """[notation] layout = "columns" in an answers file of one example (batch 1) crashed unpacking the judge's layouts
    (an internal ValueError); it is the answer's layout: ∂L/∂z = p − y holds (NumPy below), y − p does not."""
    from gradproof.verify.cli import verify_file

    z, y, p, dz, dp = one_example()
    assert np.allclose(p - y, dz, atol=1e-5) and not np.allclose(y - p, dz, atol=1e-5)
    (tmp_path / "spec.toml").write_text(SOFTMAX_SPEC)
    (tmp_path / "answers.toml").write_text(
        'spec = "spec.toml"\nbatch = 1\n[notation]\nlayout = "columns"\n"p" = "yhat"\n'
        "[[claims]]\nid = \"right\"\nlatex = '\\frac{\\partial L}{\\partial z} = p - y'\n"
        "[[claims]]\nid = \"planted\"\nlatex = '\\frac{\\partial L}{\\partial z} = y - p'\n")
    results, _meta, _ = verify_file(str(tmp_path / "answers.toml"))
    assert {r.id: r.verdict for r in results} == {"right": "correct", "planted": "incorrect"}
