"""Readings found by grading a course as a TA would (issue 10, ninth round, verify8d).

- the answer's own letters for the network's weights and biases (``h = \\tanh(U x + c)``, ``\\hat y = \\sigma(u^T h + d)``,
  ``o = \\sum_j u_j h_j + d``) are bound by matching its forward definitions against the network's forward pass
  (verify/paramletters.py); a letter the definitions leave open is ``unchecked`` with the [notation] line;
- a generic definition restricted by its sentence ("$a^l = \\sigma(z^l)$ in the last layer") or contradicted for one
  layer by another definition of the answer (``a^1 = \\tanh(z^1)``) is judged for the other layers only;
- ``H^2`` in an answer that numbers its layers with subscripts (W_1, b_1) and defines H without one is a square;
- ``\\text{np.sum}(dZ, \\text{axis}=1, \\text{keepdims=True})``, and ``\\sum_n ∂L/∂v_n`` with the answer's loss summing
  over the samples n, are read.

The claims are written here (not copied from a corpus or a course), right ones and planted ones; the expected verdicts
are decided by hand and the identities they rest on checked numerically with NumPy (central differences of a forward
pass typed here), independently of verify."""

from __future__ import annotations

import csv

import numpy as np
import pytest
from conftest import central_differences
from gradproof.derive.derivation import derive
from gradproof.derive.spec import spec_from_dict
from gradproof.verify.document import extract
from gradproof.verify.judge import Judge

from gradproof.cli import main

RNG = np.random.default_rng(9)


def _sigmoid(v):
    return 1 / (1 + np.exp(-v))


def _central(f, x):
    """∂f/∂x entry by entry by central differences (conftest's oracle)."""
    x = np.array(x, dtype=float)
    return central_differences(lambda p: f(p["x"].copy()), {"x": x})["x"]


SPEC = {"name": "v8d", "inputs": 2, "layers": [{"units": 3, "activation": "tanh"}, {"units": 1, "activation": "sigmoid"}],
        "loss": {"name": "binary_cross_entropy"}, "optimizer": {"name": "sgd", "learning_rate": 0.5}}


def _net(convention="row"):
    return derive(spec_from_dict({**SPEC, "convention": convention}), check=False)


def _verdicts(doc: str, convention="row", batch=1) -> dict:
    judge = Judge(_net(convention), batch=batch)
    return {r.id: (r.verdict, r.message) for r in judge.check_all(extract(doc))}


# -- one example, the answer's own letters U, c (hidden layer) and u, d (output) ----------------------------------------

def _one_example():
    U, c, u, d = RNG.normal(size=(3, 2)), RNG.normal(size=3), RNG.normal(size=3), RNG.normal()
    x, y = RNG.normal(size=2), 1.0

    def loss(U=U, c=c, u=u, d=d):
        h = np.tanh(U @ x + c)
        p = _sigmoid(u @ h + d)
        return float(-y * np.log(p) - (1 - y) * np.log(1 - p))

    h = np.tanh(U @ x + c)
    p = _sigmoid(u @ h + d)
    return loss, (U, c, u, d, x, y, h, p)


def test_the_identities_of_the_answers_own_parameter_letters():
    loss, (U, c, u, d, x, y, h, p) = _one_example()
    dd = _central(lambda v: loss(d=float(v[0])), [d])[0]
    du = _central(lambda v: loss(u=v), u)
    dc = _central(lambda v: loss(c=v), c)
    dU = _central(lambda v: loss(U=v), U)
    assert np.isclose(dd, p - y, atol=1e-6)  # [d]
    assert not np.isclose(dd, y - p, atol=1e-3)  # [bad-d]
    assert np.allclose(du, (p - y) * h, atol=1e-6)  # [u]
    assert np.allclose(dc, (p - y) * (1 - h * h) * u, atol=1e-6)  # [c]
    assert not np.allclose(dc, (p - y) * u, atol=1e-3)  # [bad-c]: tanh' left out
    assert np.allclose(dU, np.outer((p - y) * (1 - h * h) * u, x), atol=1e-6)  # [U]
    assert not np.allclose(dU, np.outer((p - y) * u, x), atol=1e-3)  # [bad-U]
    # the letters' shapes: U is the spec's W1 in the row convention (out × in), its transpose in the column one; u is
    # a vector of the hidden layer's size, W2ᵀ in the row convention (W2 is 1 × 3) and W2 in the column one (3 × 1)
    assert U.shape == (3, 2) and u.shape == (3,)


LETTERS = r"""
Let $h = \tanh(U x + c)$ and $\hat y = \sigma(u^T h + d)$, with $\ell = -y \log \hat y - (1 - y) \log(1 - \hat y)$.
$$\frac{\partial \ell}{\partial d} = \hat y - y \tag{d}$$
$$\frac{\partial \ell}{\partial u} = (\hat y - y) h \tag{u}$$
$$\frac{\partial \ell}{\partial c} = (\hat y - y) (1 - h \odot h) \odot u \tag{c}$$
$$\frac{\partial \ell}{\partial U} = \left[(\hat y - y) (1 - h \odot h) \odot u\right] x^T \tag{U}$$
$$\frac{\partial \ell}{\partial d} = y - \hat y \tag{bad-d}$$
$$\frac{\partial \ell}{\partial c} = (\hat y - y) u \tag{bad-c}$$
$$\frac{\partial \ell}{\partial U} = (\hat y - y) u x^T \tag{bad-U}$$
"""


@pytest.mark.parametrize("convention", ["row", "column"])
def test_the_answers_own_parameter_letters_are_bound_from_its_forward_definitions(convention):
    got = _verdicts(LETTERS, convention)
    want = {"d": "correct", "u": "correct", "c": "correct", "U": "correct",
            "bad-d": "incorrect", "bad-c": "incorrect", "bad-U": "incorrect"}
    assert {k: got[k][0] for k in want} == want
    assert got["line 2"][0] == got["line 2#2"][0] == "correct"  # the definitions hold, read with the letters bound


COMPONENTS = r"""
With $h_j = \tanh(a_j)$, $a_j = \sum_i w_{ji} x_i + b_j$, $\hat y = \sigma(o)$ and $o = \sum_j u_j h_j + d$:
$$\frac{\partial E}{\partial u_j} = (\hat y - y) h_j \tag{uj}$$
$$\frac{\partial E}{\partial d} = \hat y - y \tag{d}$$
$$\frac{\partial E}{\partial b_j} = (\hat y - y) u_j (1 - h_j^2) \tag{bj}$$
$$\frac{\partial E}{\partial u_j} = (\hat y - y) u_j \tag{bad-uj}$$
$$\frac{\partial E}{\partial b_j} = (\hat y - y) u_j \tag{bad-bj}$$
"""


def test_component_letters_of_the_output_weights():
    # the identities: ∂E/∂u_j = (ŷ − y) h_j, ∂E/∂d = ŷ − y, ∂E/∂c_j = (ŷ − y) u_j (1 − h_j²) — checked above with the
    # same network (c is this answer's b); (ŷ − y) u_j differs from both
    got = _verdicts(COMPONENTS)
    want = {"uj": "correct", "d": "correct", "bj": "correct", "bad-uj": "incorrect", "bad-bj": "incorrect"}
    assert {k: got[k][0] for k in want} == want


OPEN = r"""
Let $h = \tanh(U x + c)$ and $\hat y = \sigma(u^T h + c)$.
$$\frac{\partial \ell}{\partial c} = \hat y - y \tag{c}$$
$$\frac{\partial \ell}{\partial U} = \left[(\hat y - y) (1 - h \odot h) \odot u\right] x^T \tag{U}$$
"""

NO_FIT = r"""
Let $h = \tanh(U x)$ and $\hat y = \sigma(u^T h + d)$.
$$\frac{\partial \ell}{\partial U} = \left[(\hat y - y) (1 - h \odot h) \odot u\right] x^T \tag{U}$$
$$\frac{\partial \ell}{\partial d} = \hat y - y \tag{d}$$
"""


def test_a_letter_its_definitions_leave_open_is_not_judged_on_a_guess():
    got = _verdicts(OPEN)
    # c is the hidden bias by the first definition and the output bias by the second: whichever, not judged
    assert got["c"][0] == "unchecked" and "[notation]" in got["c"][1] and "b1" in got["c"][1] and "b2" in got["c"][1]
    assert got["U"][0] == "correct"  # U and u are bound all the same
    # the network has a bias the answer's h = tanh(U x) leaves out: no parameter fits U, so U is not read
    got = _verdicts(NO_FIT)
    assert got["U"][0] == "unchecked" and got["d"][0] == "correct"


def test_fifty_unknown_letters_stay_fast():
    import time

    letters = "BDFGIKOPQSUV"  # letters the parser does not know; 50 definitions of pairs of them
    pairs = [(a, b) for a in letters for b in letters if a != b][:50]
    doc = "".join(f"$h = \\tanh({a} x + {b} {a} x)$ and $\\hat y = \\sigma({a} {b} h)$\n" for a, b in pairs)
    t0 = time.process_time()
    got = _verdicts(doc)
    assert time.process_time() - t0 < 60  # (a loose bound: the work is capped, MAX_DEFINITIONS × MAX_ASSIGNMENTS)
    assert {v for v, _m in got.values()} == {"unchecked"}  # no parameter fits A x + B A x: nothing is bound


# -- a generic definition restricted in prose, or contradicted for one layer ---------------------------------------------

def test_the_identities_of_the_layers_activations():
    z = RNG.normal(size=5)
    assert not np.allclose(np.tanh(z), _sigmoid(z))  # a^l = σ(z^l) is wrong for the tanh layer, right for the output


RESTRICTED = r"""
Notation: $z^l = W^l a^{l-1} + b^l$, and $a^l = \sigma(z^l)$ in the last layer; $a^l = \tanh(z^l)$ for the hidden layer.

Planted: $a^l = \tanh(z^l)$ for the output layer.
"""

CONTRADICTED = r"""
Forward: $a^l = \sigma(z^l)$, $a^1 = \tanh(z^1)$, with $a^0 = x$.

Planted: $h^l = \tanh(z^l)$, $h^1 = \tanh(z^1)$.
"""


def test_a_generic_definition_restricted_in_prose_is_judged_for_those_layers():
    got = _verdicts(RESTRICTED)
    assert got["line 2#2"][0] == "correct" and "2" in got["line 2#2"][1]  # σ at the output
    assert got["line 2#3"][0] == "correct"  # tanh in the hidden layer
    assert got["line 4"][0] == "incorrect"  # tanh at the output: wrong


def test_a_generic_definition_contradicted_for_one_layer_is_judged_for_the_others():
    got = _verdicts(CONTRADICTED)
    assert got["line 2"][0] == "correct" and got["line 2#2"][0] == "correct"
    assert got["line 4"][0] == "incorrect"  # h^l = tanh(z^l) at the output layer (l = 2): wrong


# -- H^2 in an answer that numbers its layers by subscripts; the sample index n of its own sums ---------------------------

ROWS = r"""
Row vectors, one sample per row: $H = \tanh(X W_1 + b_1)$, $q = \sigma(H W_2 + b_2)$, and the mean loss
$L = -\frac{1}{N}\sum_n [y_n \log q_n + (1 - y_n)\log(1 - q_n)]$; write $r = H W_2 + b_2$ and $v = X W_1 + b_1$.
$$\frac{\partial L}{\partial v} = \frac{1}{N} (q - y) W_2^T \odot (1 - H^2) \tag{dv}$$
$$\frac{\partial L}{\partial v} = \frac{1}{N} (q - y) W_2^T \odot (1 - H)^2 \tag{bad-dv}$$
$$\frac{\partial L}{\partial b_1} = \sum_n \frac{\partial L}{\partial v_n} \tag{db1}$$
$$\frac{\partial L}{\partial b_1} = \frac{1}{N} \sum_n \frac{\partial L}{\partial v_n} \tag{bad-db1}$$
"""


def _batch():
    N = 4
    X, y = RNG.normal(size=(N, 2)), RNG.integers(0, 2, size=(N, 1)).astype(float)
    W1, b1, W2, b2 = RNG.normal(size=(2, 3)), RNG.normal(size=3), RNG.normal(size=(3, 1)), RNG.normal(size=1)

    def loss_of_v(v):
        q = _sigmoid(np.tanh(v) @ W2 + b2)
        return float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))

    def loss_of_b1(b):
        return loss_of_v(X @ W1 + b)

    return N, X, y, W1, b1, W2, b2, loss_of_v, loss_of_b1


def test_the_identities_of_the_row_batch():
    N, X, y, W1, b1, W2, b2, loss_of_v, loss_of_b1 = _batch()
    v = X @ W1 + b1
    H = np.tanh(v)
    q = _sigmoid(H @ W2 + b2)
    dv = _central(loss_of_v, v)
    assert np.allclose(dv, (q - y) @ W2.T * (1 - H ** 2) / N, atol=1e-6)  # [dv]: H^2 the square, entry by entry
    assert not np.allclose(dv, (q - y) @ W2.T * (1 - H) ** 2 / N, atol=1e-3)  # [bad-dv]
    db1 = _central(loss_of_b1, b1)
    assert np.allclose(db1, dv.sum(axis=0), atol=1e-6)  # [db1]: the sum of the samples' rows of ∂L/∂v
    assert not np.allclose(db1, dv.sum(axis=0) / N, atol=1e-3)  # [bad-db1]: a second 1/N


def test_a_superscript_on_a_letter_the_answer_writes_without_layers_and_its_own_sample_index():
    got = _verdicts(ROWS, "column", batch=4)
    want = {"dv": "correct", "bad-dv": "incorrect", "db1": "correct", "bad-db1": "incorrect"}
    assert {k: got[k][0] for k in want} == want


NUMPY_TEXT = r"""
Samples as columns: $$Z^{[1]} = W^{[1]} X + b^{[1]}, \quad A^{[1]} = \tanh(Z^{[1]})$$
$$Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \quad A^{[2]} = \sigma(Z^{[2]})$$
$$J = -\frac{1}{m}\sum_{i=1}^m \left( y^{(i)} \log a^{[2](i)} + (1-y^{(i)}) \log(1 - a^{[2](i)}) \right)$$
$$dZ^{[2]} = A^{[2]} - Y \tag{dZ2}$$
$$db^{[2]} = \frac{1}{m} \text{np.sum}(dZ^{[2]}, \text{axis}=1, \text{keepdims=True}) \tag{db2}$$
$$db^{[2]} = \text{np.sum}(dZ^{[2]}, \text{axis}=1, \text{keepdims=True}) \tag{bad-db2}$$
"""


def test_numpy_written_with_text_around_its_words():
    # ∂J/∂b^{[2]} of the mean loss is (1/m) Σ_i (a^{[2](i)} − y^{(i)}); without the 1/m it is m times that
    m = 4
    A2, Y = _sigmoid(RNG.normal(size=(1, m))), RNG.integers(0, 2, size=(1, m)).astype(float)
    assert not np.isclose(np.sum(A2 - Y) / m, np.sum(A2 - Y))
    got = _verdicts(NUMPY_TEXT, batch=m)
    assert (got["db2"][0], got["bad-db2"][0]) == ("correct", "incorrect")


# -- the course, from the CLI -----------------------------------------------------------------------------------------

COURSE_SPEC = """name = "hw"
convention = "{convention}"
inputs = 2
[[layers]]
units = 3
activation = "tanh"
[[layers]]
units = 1
activation = "sigmoid"
[loss]
name = "binary_cross_entropy"
[optimizer]
name = "sgd"
learning_rate = 0.5
"""

RUBRIC = """title = "backprop"
questions = [
  {id = "Q1", name = "the output layer's error", points = 2, expects = ["delta2"]},
  {id = "Q2", name = "the hidden layer's error", points = 3, expects = ["delta1"]},
  {id = "Q3", name = "the gradients", points = 4, expects = ["dW2", "db2", "dW1", "db1"]},
]
"""

#: Ng's batch as columns, NumPy in \text{} (all right: 9/9)
NG = r"""# Ng's notation
$$Z^{[1]} = W^{[1]} X + b^{[1]}, \quad A^{[1]} = \tanh(Z^{[1]})$$
$$Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \quad A^{[2]} = \sigma(Z^{[2]})$$
$$J = -\frac{1}{m}\sum_{i=1}^m \left( y^{(i)} \log a^{[2](i)} + (1-y^{(i)}) \log(1 - a^{[2](i)}) \right)$$
## Q1
$$dZ^{[2]} = A^{[2]} - Y$$
## Q2
$$dZ^{[1]} = W^{[2]T} dZ^{[2]} * (1 - A^{[1]2})$$
## Q3
$$dW^{[2]} = \frac{1}{m} dZ^{[2]} A^{[1]T}$$
$$db^{[2]} = \frac{1}{m} \text{np.sum}(dZ^{[2]}, \text{axis}=1, \text{keepdims=True})$$
$$dW^{[1]} = \frac{1}{m} dZ^{[1]} X^T$$
$$db^{[1]} = \frac{1}{m} \text{np.sum}(dZ^{[1]}, \text{axis}=1, \text{keepdims=True})$$
"""

#: Nielsen's generic layer with the activation restricted in prose; δ¹ planted without tanh' (Q2 0; Q3 carried)
NIELSEN = r"""# Nielsen's notation
Forward: $z^l = w^l a^{l-1} + b^l$, with $a^l = \sigma(z^l)$ at the output and $a^1 = \tanh(z^1)$; $a^0 = x$.
One example's cost: $C = -[y \ln a^2 + (1-y)\ln(1-a^2)]$.

**Q1.** $\delta^2 = a^2 - y$

**Q2.** $\delta^1 = (w^2)^T \delta^2$

**Q3.**
$\frac{\partial C}{\partial w^2} = \delta^2 (a^1)^T$, $\frac{\partial C}{\partial b^2} = \delta^2$,
$\frac{\partial C}{\partial w^1} = \delta^1 x^T$, $\frac{\partial C}{\partial b^1} = \delta^1$.
"""

#: Bishop-like components with the answer's own output letters u_j, d (all right: 9/9)
BISHOP = r"""\documentclass{article}
\begin{document}
\section*{Q1}
Let $h_j = \tanh(a_j)$, $a_j = \sum_i w_{ji} x_i + b_j$, $\hat y = \sigma(o)$, $o = \sum_j u_j h_j + d$, and
$E = -y \log \hat y - (1-y)\log(1-\hat y)$.
\begin{equation}
\frac{\partial E}{\partial o} = \hat y - y
\end{equation}
\section*{Q2}
\begin{equation}
\frac{\partial E}{\partial a_j} = (\hat y - y)\, u_j \,(1 - h_j^2)
\end{equation}
\section*{Q3}
\begin{align}
\frac{\partial E}{\partial u_j} &= (\hat y - y) h_j \\
\frac{\partial E}{\partial d} &= \hat y - y \\
\frac{\partial E}{\partial w_{ji}} &= (\hat y - y) u_j (1-h_j^2) x_i \\
\frac{\partial E}{\partial b_j} &= (\hat y - y) u_j (1-h_j^2)
\end{align}
\end{document}
"""

#: CS231n-like rows with subscript layers, H^2 a square; db1 planted with a second 1/N (Q3 3 of 4)
ROW_BATCH = r"""Row vectors: $H = \tanh(X W_1 + b_1)$, $q = \sigma(H W_2 + b_2)$, and the mean loss
$L = -\frac{1}{N}\sum_n [y_n \log q_n + (1-y_n)\log(1-q_n)]$.

Q1: $\frac{\partial L}{\partial r} = \frac{1}{N}(q - y)$ where $r = H W_2 + b_2$.

Q2: $\frac{\partial L}{\partial v} = \frac{\partial L}{\partial r} W_2^T \odot (1 - H^2)$ where $v = X W_1 + b_1$.

Q3: $\frac{\partial L}{\partial W_2} = H^T \frac{\partial L}{\partial r}$,
$\frac{\partial L}{\partial b_2} = \sum_n \frac{\partial L}{\partial r_n}$,
$\frac{\partial L}{\partial W_1} = X^T \frac{\partial L}{\partial v}$,
$\frac{\partial L}{\partial b_1} = \frac{1}{N}\sum_n \frac{\partial L}{\partial v_n}$.
"""


def test_the_identities_of_the_course():
    # one example (Nielsen's and Bishop's answers): δ² = a² − y; δ¹ = (W²)ᵀδ² ⊙ (1 − (a¹)²) — without the tanh' factor
    # it is wrong; the gradients of the weights and biases are δ² (a¹)ᵀ, δ², δ¹ xᵀ, δ¹ (checked above for U, c, u, d)
    loss, (U, c, u, d, x, y, h, p) = _one_example()
    dc = _central(lambda v: loss(c=v), c)
    assert np.allclose(dc, u * (p - y) * (1 - h * h), atol=1e-6)
    assert not np.allclose(dc, u * (p - y), atol=1e-3)
    # the row batch: db1 with a second 1/N is wrong (test_the_identities_of_the_row_batch); the others hold there


def _grades(tmp_path, files: dict, convention: str) -> dict:
    subs = tmp_path / f"subs-{convention}"
    subs.mkdir()
    for name, text in files.items():
        (subs / name).write_text(text, encoding="utf-8")
    spec = tmp_path / f"hw-{convention}.toml"
    spec.write_text(COURSE_SPEC.format(convention=convention), encoding="utf-8")
    rubric = tmp_path / "rubric.toml"
    rubric.write_text(RUBRIC, encoding="utf-8")
    summary = tmp_path / f"grades-{convention}.csv"
    code = main(["verify", str(subs), "--spec", str(spec), "--rubric", str(rubric), "--summary", str(summary),
                 "--out", str(tmp_path / f"reports-{convention}"), "--jobs", "1"])
    assert code in (0, 1)
    return {r["submission"]: (r["score"], r["Q1"], r["Q2"], r["Q3"]) for r in csv.DictReader(summary.open(encoding="utf-8"))}


def test_the_course_graded_from_the_cli(tmp_path):
    got = _grades(tmp_path, {"ng.md": NG, "nielsen.md": NIELSEN, "bishop.tex": BISHOP}, "row")
    assert got == {"ng.md": ("9", "2", "3", "4"), "nielsen.md": ("6", "2", "0", "4"), "bishop.tex": ("9", "2", "3", "4")}
    report = (tmp_path / "reports-row" / "nielsen.md.txt").read_text(encoding="utf-8")
    assert "its sentence says it is about the output layer" in report  # the prose reaches the batch grader too
    got = _grades(tmp_path, {"rows.md": ROW_BATCH}, "column")
    assert got == {"rows.md": ("8", "2", "3", "3")}


def test_the_superscript_option_the_unread_message_names_is_a_notation_option():
    # "H^2 is layer 2 or a square … (or set [notation] options superscript = "layer" or "power")": the option exists
    from gradproof.verify.answers import notation_from_dict

    assert ("superscript", "power") in notation_from_dict({"superscript": "power"}, "test").options
    z = RNG.normal(size=3)
    assert np.allclose(_central(lambda v: float(np.sum(np.tanh(v))), z), 1 - np.tanh(z) ** 2, atol=1e-6)
    doc = r"$$\frac{\partial L}{\partial z} = (1 - h^2) \odot \frac{\partial L}{\partial h} \tag{d}$$"
    judge = Judge(_net(), batch=1, notation=notation_from_dict({"superscript": "power", "unindexed_layer": 1}, "test"))
    assert {r.id: r.verdict for r in judge.check_all(extract(doc))} == {"d": "correct"}  # tanh'(z) = 1 − h²
