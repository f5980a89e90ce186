r"""Forty-sixth round (issue 10): a claim about the output written with no layer on its z and a.

McLaughlin's ELEC 576 notebook writes its network with layers (a^{(2)}, z^{(2)}), then derives the softmax and
cross-entropy gradient with the layer dropped: ∂L/∂z_i = −Σ_k y_k ∂log a_k/∂z_i, ∂a_i/∂z_j = ∂/∂z_j (exp(z_i)/Σ_k
exp(z_k)); a CS 760 homework writes ∂L/∂z = … with ŷ and y. In a network of two layers verify asked for a layer index
("z needs a layer index") on every such line. A claim that names the target y or the output ŷ, or applies the output's
softmax, and no parameter, can only be about the output layer: its bare z and a are read as that layer's.

The expected verdicts come from NumPy: each formula is evaluated on a random instance and compared with central
differences of the cross-entropy (or squared error) at the output, never from verify."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import central_differences, verify_text
from gradproof.verify.cli import verify_file

SOFTMAX_SPEC = """name = "bare_output"
convention = "column"
inputs = 3

[[layers]]
units = 4
activation = "sigmoid"

[[layers]]
units = 3
activation = "softmax"

[loss]
name = "cross_entropy"

[optimizer]
name = "sgd"
learning_rate = 0.1
"""
SIGMOID_SPEC = SOFTMAX_SPEC.replace('units = 3\nactivation = "softmax"', 'units = 1\nactivation = "sigmoid"').replace(
    "cross_entropy", "squared_error")
DEFINITIONS = (r"The network: $z^{(1)} = W^{(1)} x + b^{(1)}$, $a^{(1)} = \sigma(z^{(1)})$, "
               r"$z^{(2)} = W^{(2)} a^{(1)} + b^{(2)}$, $a^{(2)} = \mathrm{softmax}(z^{(2)})$.")

rng = np.random.default_rng(46)
Z = rng.normal(size=3)
Y = np.eye(3)[1]


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def ce(z):
    return -np.sum(Y * np.log(softmax(z)))


A = softmax(Z)
DL_DZ = central_differences(lambda p: ce(p["z"]), {"z": Z.copy()})["z"]
DA_DZ = np.array([central_differences(lambda p, i=i: softmax(p["z"])[i], {"z": Z.copy()})["z"] for i in range(3)])
DL_DA = central_differences(lambda p: -np.sum(Y * np.log(p["a"])), {"a": A.copy()})["a"]
KRON = np.eye(3)

#: (claim, its value by the claim's formula as NumPy reads it, the oracle's value) — for every i (and j)
SOFTMAX_CLAIMS = {
    r"\frac{\partial L}{\partial z_i} = a_i - y_i": (A - Y, DL_DZ),
    r"\frac{\partial L}{\partial z_i} = y_i - a_i": (Y - A, DL_DZ),
    r"\frac{\partial L}{\partial z_{i}} = - \sum_{k} y_{k} \frac{1}{a_{k}} \frac{\partial a_{k}}{\partial z_{i}}":
        (-(Y / A) @ DA_DZ, DL_DZ),
    r"\frac{\partial L}{\partial z_i} = \hat y_i - y_i": (A - Y, DL_DZ),
    r"\frac{\partial a_i}{\partial z_j} = \frac{e^{z_i}}{\sum_k e^{z_k}} (\delta_{ij} - a_j)":
        (A[:, None] * (KRON - A[None, :]), DA_DZ),
    r"\frac{\partial a_i}{\partial z_j} = \frac{exp(z_i)}{\sum_k exp(z_k)} (\delta_{ij} - a_i)":
        (A[:, None] * (KRON - A[:, None]), DA_DZ),
    r"\frac{\partial a_{i}}{\partial z_{i}} = [1 - softmax(z_{i})] softmax(z_{i})": (A * (1 - A), np.diag(DA_DZ)),
    r"\frac{\partial a_{i}}{\partial z_{i}} = [1 - softmax(z_{i})]": (1 - A, np.diag(DA_DZ)),
    r"\frac{\partial L}{\partial a_i} = -\frac{y_i}{a_i}": (-Y / A, DL_DA),
    r"\frac{\partial L}{\partial a_i} = \frac{y_i}{a_i}": (Y / A, DL_DA),
}


def _document(tmp_path, spec, definitions, claims):
    body = definitions + "\n\n" + "\n\n".join(f"$${c}$$" for c in claims) + "\n"
    return verify_text(tmp_path, spec, body)  # (by text, a claim found under both spellings of its layout)


def test_the_oracle_tells_right_from_wrong():
    """Each planted formula differs from central differences, each right one agrees (the labels below are the oracle's)."""
    right = [np.allclose(mine, oracle, atol=1e-6) for mine, oracle in SOFTMAX_CLAIMS.values()]
    assert right == [True, False, True, True, True, False, True, False, True, False]


def test_softmax_output_claims_with_bare_letters_are_judged_at_the_output(tmp_path):
    got = _document(tmp_path, SOFTMAX_SPEC, DEFINITIONS, list(SOFTMAX_CLAIMS))
    for claim, (mine, oracle) in SOFTMAX_CLAIMS.items():
        r = got[claim]
        want = "correct" if np.allclose(mine, oracle, atol=1e-6) else "incorrect"
        assert r.verdict == want, (claim, r.verdict, r.message)
        assert any("output layer's" in n for n in r.notes) or "output layer's" in r.message, claim


@pytest.mark.parametrize("claim", [
    # a hidden layer's δ written bare: ∂L/∂a_j a_j(1 − a_j) holds for the sigmoid layer, not at the softmax output
    r"\frac{\partial L}{\partial z_j} = \frac{\partial L}{\partial a_j} a_j (1 - a_j)",
    # two layers in one claim: the later layer's z by the earlier one's a
    r"\frac{\partial L}{\partial a_j} = \sum_k \frac{\partial L}{\partial z_k} \frac{\partial z_k}{\partial a_j}",
    # weights: a hidden unit's sum over the output units
    r"\frac{\partial L}{\partial a_j} = \sum_k (a_k - y_k) w_{kj}",
    # a bare bias names every layer's
    r"\frac{\partial L}{\partial b} = a - y",
])
def test_claims_that_may_be_about_another_layer_are_not_judged_at_the_output(tmp_path, claim):
    got = _document(tmp_path, SOFTMAX_SPEC, DEFINITIONS, [claim])
    r = got[claim]
    assert r.verdict != "incorrect", r.message
    assert not any("output layer's" in n for n in r.notes)


def test_a_definition_is_not_read_at_the_output(tmp_path):
    """malcu's y = softmax(a), a the logits: a definition says what its letters are; this reading does not overrule it
    (here a is the answer's activation, so the line is judged as the definitions read it, as before)."""
    claim = r"y = \mathrm{softmax}(a)"
    r = _document(tmp_path, SOFTMAX_SPEC, DEFINITIONS, [claim])[claim]
    assert not any("output layer's" in n for n in r.notes) and "output layer's" not in r.message


def test_a_sigmoid_output_under_squared_error(tmp_path):
    """One output unit: ∂E/∂z = (a − y) a (1 − a) for E = ½(a − y)², checked by central differences; a planted slope."""
    z, y = 0.37, 0.8
    a = 1 / (1 + np.exp(-z))
    oracle = central_differences(lambda p: 0.5 * (1 / (1 + np.exp(-p["z"][0])) - y) ** 2, {"z": np.array([z])})["z"][0]
    right = r"\frac{\partial E}{\partial z} = (a - y) a (1 - a)"
    planted = r"\frac{\partial E}{\partial z} = (a - y) (1 - a)"
    assert np.isclose((a - y) * a * (1 - a), oracle) and not np.isclose((a - y) * (1 - a), oracle)
    definitions = DEFINITIONS.replace(r"\mathrm{softmax}", r"\sigma")
    got = _document(tmp_path, SIGMOID_SPEC, definitions, [right, planted])
    assert got[right].verdict == "correct", got[right].message
    assert got[planted].verdict == "incorrect", got[planted].message


# ---- a notebook whose derivation is its code (codecells.py) -------------------------------------------------------------

PLANAR_SPEC = """name = "planar"
convention = "row"
inputs = 2

[[layers]]
units = 4
activation = "tanh"

[[layers]]
units = 1
activation = "sigmoid"

[loss]
name = "binary_cross_entropy"

[optimizer]
name = "sgd"
learning_rate = 1.2
"""


def _sig(z):
    return 1 / (1 + np.exp(-z))


def _planar_oracle():
    """A hand-written forward pass of Ng's planar network (examples as columns) and the mean cross-entropy's gradients by
    central differences: the truth each line of code is held against."""
    r = np.random.default_rng(7)
    m = 5
    X, Y = r.normal(size=(2, m)), (r.random((1, m)) > 0.5).astype(float)
    P = {"W1": r.normal(size=(4, 2)), "b1": r.normal(size=(4, 1)), "W2": r.normal(size=(1, 4)), "b2": r.normal(size=(1, 1))}

    def cost(p):
        A2 = _sig(p["W2"] @ np.tanh(p["W1"] @ X + p["b1"]) + p["b2"])
        return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m)

    G = central_differences(cost, {k: v.copy() for k, v in P.items()})
    A1 = np.tanh(P["W1"] @ X + P["b1"])
    A2 = _sig(P["W2"] @ A1 + P["b2"])
    return X, Y, m, P, G, A1, A2


#: (a line of code, how NumPy computes it, the truth it is held against) — each a student's right line or a slip
CODE_LINES = [
    ("dZ2 = A2 - Y", lambda X, Y, m, P, A1, A2: A2 - Y, lambda G, m: None),
    ("dW2 = 1/m * np.dot(dZ2, A1.T)", lambda X, Y, m, P, A1, A2: np.dot(A2 - Y, A1.T) / m, lambda G, m: G["W2"]),
    ("dW2 = np.dot(dZ2, A1.T)", lambda X, Y, m, P, A1, A2: np.dot(A2 - Y, A1.T), lambda G, m: G["W2"]),
    ("db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)",
     lambda X, Y, m, P, A1, A2: np.sum(A2 - Y, axis=1, keepdims=True) / m, lambda G, m: G["b2"]),
    ("dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))", None, None),
    ("dW1 = np.dot(dZ1, X.T) / m",
     lambda X, Y, m, P, A1, A2: np.dot(P["W2"].T @ (A2 - Y) * (1 - A1 ** 2), X.T) / m, lambda G, m: G["W1"]),
    ("dw1 = 1./m * np.dot(dZ1, X.T) * 2",
     lambda X, Y, m, P, A1, A2: 2 * np.dot(P["W2"].T @ (A2 - Y) * (1 - A1 ** 2), X.T) / m, lambda G, m: G["W1"]),
    ("dB1 = 1/m * np.sum(dZ1, axis=1, keepdims=True)",
     lambda X, Y, m, P, A1, A2: np.sum(P["W2"].T @ (A2 - Y) * (1 - A1 ** 2), axis=1, keepdims=True) / m,
     lambda G, m: G["b1"]),
]


def _notebook(path, cells, markdown=None):
    import json

    nb_cells = ([{"cell_type": "markdown", "metadata": {}, "source": markdown}] if markdown else []) + [
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": c} for c in cells]
    path.write_text(json.dumps({"cells": nb_cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    return path


def test_a_notebook_of_code_only_is_read_line_by_line_and_judged_against_central_differences(tmp_path):
    X, Y, m, P, G, A1, A2 = _planar_oracle()
    want = {}
    for j, (_line, mine, truth) in enumerate(CODE_LINES, start=3):
        if mine is None or truth(G, m) is None:
            continue
        want[f"cell 2 line {j}"] = "correct" if np.allclose(mine(X, Y, m, P, A1, A2), truth(G, m), atol=1e-6) else "incorrect"
    assert sorted(set(want.values())) == ["correct", "incorrect"]
    forward = "Z1 = np.dot(W1, X) + b1\nA1 = np.tanh(Z1)\nZ2 = np.dot(W2, A1) + b2\nA2 = sigmoid(Z2)\n"
    backward = "def backward(parameters, cache, X, Y):\n    m = X.shape[1]\n" + "".join(
        f"    {line}\n" for line, _, _ in CODE_LINES)
    (tmp_path / "spec.toml").write_text(PLANAR_SPEC)
    nb = _notebook(tmp_path / "hw.ipynb", [forward, backward])
    results, _, _ = verify_file(str(nb), str(tmp_path / "spec.toml"))
    got = {r.id: r for r in results}
    assert [got[f"cell 1 line {j}"].verdict for j in (1, 2, 3, 4)] == ["correct"] * 4
    for cid, verdict in want.items():
        assert got[cid].verdict == verdict, (cid, got[cid].latex, got[cid].message)


def test_lines_that_state_no_formula_are_no_claims(tmp_path):
    """An initialisation, a look-up, a tuple, the notebook's own function, a line whose name is changed in place after
    it (ReLU's mask), a number too large to hold: none is a claim; the formulas in the cell are (the last one nested
    deeply, as far as a line of at most codecells.MAX_LINE characters can: Z2 = A1 + 0, wrong)."""
    cell = ("W1 = np.random.randn(4, 2) * 0.01\nb1 = np.zeros((4, 1))\nA1 = cache['A1']\nA2, cache = forward(X, params)\n"
            "dZ1 = relu_backward(dA1, Z1)\nm = X.shape[1]\ndZ2 = A2 - Y\ndZ1 = np.dot(W2.T, dZ2)\ndZ1[Z1 <= 0] = 0\n"
            "Z1 = 1e999 * X\nZ2 = " + "(" * 140 + "A1 + 0" + ")" * 140 + "\n")
    (tmp_path / "spec.toml").write_text(PLANAR_SPEC)
    results, _, _ = verify_file(str(_notebook(tmp_path / "hw.ipynb", [cell])), str(tmp_path / "spec.toml"))
    assert [(r.id, r.verdict) for r in results] == [("cell 1 line 7", "correct"), ("cell 1 line 11", "incorrect")]


def test_a_notebook_with_equations_in_markdown_keeps_its_code_unread(tmp_path):
    (tmp_path / "spec.toml").write_text(PLANAR_SPEC)
    nb = _notebook(tmp_path / "hw.ipynb", ["dZ2 = A2 - Y\n"], markdown="The output's error: $$dZ^{[2]} = A^{[2]} - Y$$\n")
    results, _, _ = verify_file(str(nb), str(tmp_path / "spec.toml"))
    assert [r.id for r in results] == ["line 1"]


def test_the_cli_reads_the_corpus_notebook_and_finds_the_planted_slips(capsys):
    from gradproof.cli import main

    courses = Path(__file__).parent / "corpus" / "courses"
    code = main(["verify", str(courses / "ng_planar_code_planted.ipynb"), "--spec", str(courses / "ng_planar.spec.toml")])
    out = capsys.readouterr().out
    assert code == 1
    assert "code cells" in out and "14 claims: 9 correct, 5 incorrect" in out
    code = main(["verify", str(courses / "ng_planar_code.ipynb"), "--spec", str(courses / "ng_planar.spec.toml")])
    assert code == 0 and "14 claims: 14 correct" in capsys.readouterr().out


def test_a_huge_code_cell_is_read_in_bounded_time(tmp_path):
    import time

    (tmp_path / "spec.toml").write_text(PLANAR_SPEC)
    cell = "dZ2 = A2 - Y\n" + "x = 1\n" * 200_000
    nb = _notebook(tmp_path / "hw.ipynb", [cell] * 3)
    t0 = time.perf_counter()
    results, _, _ = verify_file(str(nb), str(tmp_path / "spec.toml"))
    assert [r.id for r in results] == ["cell 1 line 1", "cell 2 line 1", "cell 3 line 1"]
    assert time.perf_counter() - t0 < 60  # (a bound on a runaway, not a timing target: ~2 s here)


def test_a_notebook_of_code_on_standard_input_is_read_as_the_file_is(tmp_path):
    import subprocess
    import sys

    courses = Path(__file__).parent / "corpus" / "courses"
    run = subprocess.run([sys.executable, "-m", "gradproof", "verify", "-", "--spec", str(courses / "ng_planar.spec.toml")],
                         input=(courses / "ng_planar_code_planted.ipynb").read_bytes(), capture_output=True, timeout=300)
    assert run.returncode == 1, run.stderr
    assert b"14 claims: 9 correct, 5 incorrect" in run.stdout


def test_a_look_up_by_a_quantitys_name_is_that_quantity(tmp_path):
    """Params['W1'] -= learning_rate * Gradients['dW1'] is W1's step (right); W2 stepped by dW1 is wrong (no such
    difference of shapes); a name passed on (W1 = parameters['W1']) and a loop's name ('W' + str(l)) are no claims."""
    cell = ("W1 = parameters['W1']\nParams['W1'] -= learning_rate * Gradients['dW1']\n"
            "Params['W2'] -= learning_rate * Gradients['dW1']\n"
            "parameters['W' + str(l)] = parameters['W' + str(l)] - learning_rate * grads['dW' + str(l)]\n"
            "Z1 = np.dot(parameters[\"W1\"], X) + parameters[\"b1\"]\n")
    (tmp_path / "spec.toml").write_text(PLANAR_SPEC)
    results, _, _ = verify_file(str(_notebook(tmp_path / "hw.ipynb", [cell])), str(tmp_path / "spec.toml"))
    assert [(r.id, r.verdict) for r in results] == [("cell 1 line 2", "correct"), ("cell 1 line 3", "incorrect"),
                                                     ("cell 1 line 5", "correct")]


# ---- CS231n's P_{i, y_i}: row i's entry of its true class, in a sum over the batch ----------------------------------------

def test_the_true_class_entry_of_a_row_in_a_sum_over_the_batch(tmp_path):
    """-1/N Σ_i log P_{i, y_i} is the mean cross-entropy (NumPy: the true classes' log-probabilities against Σ_k Y_ik
    log P_ik); without the minus it is its negative. Before this round the row index and the label index together
    were not read, and the gradient written after the definition was left unchecked for the unread scale."""
    r = np.random.default_rng(3)
    N, labels = 4, np.array([1, 0, 2, 1])
    S = r.normal(size=(N, 3))
    P = np.exp(S) / np.exp(S).sum(axis=1, keepdims=True)
    Y = np.eye(3)[labels]
    mean_ce = -np.mean(np.sum(Y * np.log(P), axis=1))
    assert np.isclose(-np.mean(np.log(P[np.arange(N), labels])), mean_ce)
    assert not np.isclose(np.mean(np.log(P[np.arange(N), labels])), mean_ce)
    grad = central_differences(lambda p: -np.mean(np.sum(Y * np.log(np.exp(p["S"]) / np.exp(p["S"]).sum(axis=1, keepdims=True)),
                                                            axis=1)), {"S": S.copy()})["S"]
    assert np.allclose((P - Y) / N, grad, atol=1e-6)
    body = (r"Let $X \in \mathbb{R}^{N \times D}$ hold the examples as rows: $H = \max(0, X W_1 + b_1)$, $S = H W_2 + b_2$, "
            r"$P = \mathrm{softmax}(S)$." "\n\n"
            r"$$L = -\frac{1}{N}\sum_{i=1}^N \log P_{i, y_i} \tag{loss}$$" "\n\n"
            r"$$\frac{\partial L}{\partial S} = \frac{1}{N}(P - Y) \tag{grad}$$" "\n")
    (tmp_path / "spec.toml").write_text(SOFTMAX_SPEC.replace("inputs = 3", "inputs = 5").replace('"sigmoid"', '"relu"'))
    verdicts = []
    for k, text in enumerate((body, body.replace(r"L = -\frac{1}{N}\sum_{i=1}^N \log P_{i, y_i}",
                                                 r"L = \frac{1}{N}\sum_{i=1}^N \log P_{i,y_i}"))):
        (tmp_path / f"answer{k}.md").write_text(text)
        results, _, _ = verify_file(str(tmp_path / f"answer{k}.md"), str(tmp_path / "spec.toml"))
        verdicts.append({r.id: r.verdict for r in results})
    assert set(verdicts[0].values()) == {"correct"}, verdicts[0]
    assert verdicts[1]["loss"] == "incorrect" and verdicts[1]["grad"] == "correct", verdicts[1]  # (the spec's loss's)


def test_numpys_row_of_a_batch_in_a_sum_is_that_example(tmp_path):
    """Σ_i G_Z[i,:] over a batch with examples as rows is ∂L/∂b_2 (NumPy: the rows of (P − Y)/N summed, against central
    differences of the mean cross-entropy by b_2); the 1/N left out is wrong; [:,i] there picks a column — no example
    — and is not read. In Ng's columns, (1/m) Σ_i dZ[:,i] is db (and dZ[i,:] is not read)."""
    r = np.random.default_rng(11)
    N, labels = 4, np.array([0, 1, 1, 0])
    X, W1, b1, W2, b2 = r.normal(size=(N, 2)), r.normal(size=(16, 2)), r.normal(size=16), r.normal(size=(2, 16)), r.normal(size=2)
    Y = np.eye(2)[labels]

    def probs(b):
        Z = np.maximum(X @ W1.T + b1, 0) @ W2.T + b
        e = np.exp(Z - Z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    oracle = central_differences(lambda p: -np.mean(np.log(probs(p["b2"])[np.arange(N), labels])), {"b2": b2.copy()})["b2"]
    GZ = (probs(b2) - Y) / N
    assert np.allclose(sum(GZ[i, :] for i in range(N)), oracle, atol=1e-7)
    assert not np.allclose(sum((probs(b2) - Y)[i, :] for i in range(N)), oracle)
    spec = SOFTMAX_SPEC.replace("inputs = 3", "inputs = 2").replace("units = 4", "units = 16").replace(
        '"sigmoid"', '"relu"').replace("units = 3", "units = 2")
    rows = (r"For a batch of size $N$: $X \in \mathbb{R}^{N\times 2}$, $A_1 = X W_1^\top + \mathbf{1} b_1^\top$, "
            r"$H = \mathrm{ReLU}(A_1)$, $Z = H W_2^\top + \mathbf{1} b_2^\top$, $P = \mathrm{softmax}(Z)$, "
            r"$\mathcal{L} = -\frac{1}{N}\sum_{i=1}^N \log P_{i,y_i}$." "\n\n"
            r"$$G_Z := \frac{\partial \mathcal{L}}{\partial Z} = \frac{1}{N}(P - Y)$$" "\n\n"
            r"$$\frac{\partial \mathcal{L}}{\partial b_2} = \sum_{i=1}^N G_Z[i,:] \tag{right}$$" "\n\n"
            r"$$\frac{\partial \mathcal{L}}{\partial b_2} = \sum_i G_Z[i,:] \tag{unbounded}$$" "\n\n"
            r"$$\frac{\partial \mathcal{L}}{\partial b_2} = \sum_{i=1}^N (P - Y)[i,:] \tag{noN}$$" "\n\n"
            r"$$\frac{\partial \mathcal{L}}{\partial b_2} = \sum_{i=1}^N G_Z[:,i] \tag{cols}$$" "\n")
    (tmp_path / "spec.toml").write_text(spec)
    (tmp_path / "rows.md").write_text(rows)
    results, _, _ = verify_file(str(tmp_path / "rows.md"), str(tmp_path / "spec.toml"))
    got = {r.id: r.verdict for r in results}
    assert (got["right"], got["unbounded"], got["noN"], got["cols"]) == ("correct", "correct", "incorrect", "unchecked"), got
    ng = (r"With the examples as columns, $Z^{[1]} = W^{[1]} X + b^{[1]}$, $A^{[1]} = \mathrm{ReLU}(Z^{[1]})$, "
          r"$Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}$." "\n\n"
          r"$$db^{[2]} = \frac{1}{m}\sum_{i=1}^{m} dZ^{[2]}[:,i] \tag{db}$$" "\n\n"
          r"$$db^{[2]} = \frac{1}{m}\sum_{i=1}^{m} dZ^{[2]}[i,:] \tag{rowwise}$$" "\n")
    (tmp_path / "ng.md").write_text(ng)
    results, _, _ = verify_file(str(tmp_path / "ng.md"), str(tmp_path / "spec.toml"))
    got = {r.id: r.verdict for r in results}
    assert (got["db"], got["rowwise"]) == ("correct", "unchecked"), got


def test_a_gradient_by_a_whole_vector_equal_to_an_entry_expression_is_that_entry(tmp_path):
    """∂L/∂z^{(2)} = ŷ_i − y_i (one example): the left side's entry i, checked for every i against central differences
    of the cross-entropy by the logits (the oracle's ŷ − y; the planted y − ŷ is wrong). An index that numbers examples
    (y^{(i)} in a batch) is not an entry and stays unread."""
    assert np.allclose(A - Y, DL_DZ, atol=1e-6) and not np.allclose(Y - A, DL_DZ, atol=1e-6)
    right, planted = r"\frac{\partial L}{\partial z^{(2)}} = \hat y_i - y_i", r"\frac{\partial L}{\partial z^{(2)}} = y_i - \hat y_i"
    got = _document(tmp_path, SOFTMAX_SPEC, DEFINITIONS, [right, planted])
    assert (got[right].verdict, got[planted].verdict) == ("correct", "incorrect")
    batch = (r"$$Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \quad J = \frac{1}{m}\sum_{i=1}^m L(a^{(i)}, y^{(i)})$$" "\n\n"
             r"$$\delta^{(L)} = a^{(L)} - y^{(i)} \tag{example}$$" "\n")
    (tmp_path / "batch.md").write_text(batch)
    (tmp_path / "net.spec.toml").write_text(SIGMOID_SPEC)
    results, _, _ = verify_file(str(tmp_path / "batch.md"), str(tmp_path / "net.spec.toml"))
    assert {r.id: r.verdict for r in results}["example"] != "incorrect"


def test_the_output_reading_follows_the_answers_layer_numbering():
    """anudeep's CS 760 homework numbers the input as layer 1 (W_1 leaves it): his ∂L/∂z = ŷ_i − y_i is read at the
    output layer of his numbering (right, by the oracle's ŷ − y), and the planted y_i − ŷ_i is wrong. Before, the bare
    z was placed one layer short and the claim went unread."""
    assert np.allclose(A - Y, DL_DZ, atol=1e-6) and not np.allclose(Y - A, DL_DZ, atol=1e-6)
    folder = Path(__file__).parent / "corpus" / "heldout26"
    spec = str(folder / "anudeep_cs760_hw4.spec.toml")
    for name, want in (("anudeep_cs760_hw4.tex", "correct"), ("anudeep_cs760_hw4_planted.tex", "incorrect")):
        results, _, _ = verify_file(str(folder / name), spec)
        assert {r.id: r.verdict for r in results}["line 92"] == want, name
