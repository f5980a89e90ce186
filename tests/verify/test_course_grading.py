"""A course graded as a TA would (issue 10 with the rubric of DESIGN.md): questions labelled in prose (``Q1: …``), and
a rubric's quantity answered in the notation the student chose (CS231n's ``dL/ds`` is the layer's error; ∂L/∂W of the
data term is the gradient when the spec has no regularizer)."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest
from gradproof.derive.spec import spec_from_dict
from gradproof.verify.document import extract
from gradproof.verify.judge import ClaimResult
from gradproof.verify.rubric import grade, rubric_from_dict, same_quantity

from gradproof.cli import main

NET = {"name": "hw", "convention": "column", "inputs": 3,
       "layers": [{"units": 4, "activation": "tanh"}, {"units": 1, "activation": "sigmoid"}],
       "loss": {"name": "binary_cross_entropy"}, "optimizer": {"name": "sgd", "learning_rate": 0.5}}

RUBRIC = """
[[questions]]
id = "Q1"
points = 2
expects = ["delta2"]
[[questions]]
id = "Q2"
points = 3
expects = ["delta1"]
[[questions]]
id = "Q3"
points = 3
expects = ["dW2", "db2", "dW1"]
"""

# Row vectors, the mean loss, the student's own letters s, u, p (CS231n style); questions labelled in prose.
RIGHT = r"""I use row vectors: $H = \tanh(X W_1 + b_1)$, $p = \sigma(H W_2 + b_2)$, and the loss is the mean binary
cross-entropy $L = -\frac{1}{N}\sum_n [y_n \log p_n + (1-y_n)\log(1-p_n)]$.

Q1: $\frac{\partial L}{\partial s} = \frac{1}{N}(p - y)$ where $s = H W_2 + b_2$.

Q2: $\frac{\partial L}{\partial u} = \frac{\partial L}{\partial s} W_2^T \odot (1 - H \odot H)$ where $u = X W_1 + b_1$.

Q3: $\frac{\partial L}{\partial W_2} = H^T \frac{\partial L}{\partial s}$,
$\frac{\partial L}{\partial b_2} = \mathbf{1}^T \frac{\partial L}{\partial s}$,
$\frac{\partial L}{\partial W_1} = X^T \frac{\partial L}{\partial u}$.
"""
PLANTED = RIGHT.replace(r" \odot (1 - H \odot H)$ where", "$ where")  # δ¹ without tanh′: Q2 wrong, the rest right


def _oracle(forget_tanh: bool) -> dict:
    """The student's formulas in NumPy against central differences of their own mean loss (an independent check of
    which answers are right)."""
    rng = np.random.default_rng(3)
    X, W1, b1, W2, b2 = rng.normal(size=(5, 3)), rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=(4, 1)), rng.normal(size=1)
    y = rng.integers(0, 2, size=(5, 1)).astype(float)

    def loss(W1=W1, b1=b1, W2=W2, b2=b2):
        H = np.tanh(X @ W1 + b1)
        p = 1 / (1 + np.exp(-(H @ W2 + b2)))
        return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))

    def numeric(name, value):
        g = np.zeros_like(value)
        for i in np.ndindex(value.shape):
            up, down = value.copy(), value.copy()
            up[i] += 1e-6
            down[i] -= 1e-6
            g[i] = (loss(**{name: up}) - loss(**{name: down})) / 2e-6
        return g

    H = np.tanh(X @ W1 + b1)
    p = 1 / (1 + np.exp(-(H @ W2 + b2)))
    ds = (p - y) / len(X)
    du = (ds @ W2.T) * (1 if forget_tanh else 1 - H * H)
    return {"dW2": np.allclose(H.T @ ds, numeric("W2", W2), atol=1e-7),
            "db2": np.allclose(ds.sum(0), numeric("b2", b2), atol=1e-7),
            "dW1": np.allclose(X.T @ du, numeric("W1", W1), atol=1e-7),
            "db1 via du": np.allclose(du.sum(0), numeric("b1", b1), atol=1e-7)}


def test_the_oracle_decides_which_answers_are_right():
    assert all(_oracle(forget_tanh=False).values())
    wrong = _oracle(forget_tanh=True)
    assert not wrong["db1 via du"] and wrong["dW2"] and wrong["db2"]


def test_a_paragraph_opened_by_its_label_is_a_question():
    ids = [c.id for c in extract("Q1: $a = b$ and $c = d$\n\n**Q2)** $e = f$\nProblem 3. $g = h$\n  Q4 is $i = j$\n")]
    assert ids == ["Q1.1", "Q1.2", "Q2.1", "Problem3.1", "Problem3.2"]  # "Q4 is" is prose, not a label


def _result(quantity, verdict="correct"):
    return ClaimResult(id="line 1", latex="", verdict=verdict, expected="", message="", quantity=quantity)


@pytest.mark.parametrize("regularization, answers_dW, answers_db", [
    (None, True, True),
    ({"name": "l2", "lambda": 0.01}, False, True),  # the bias is not penalised by default
    ({"name": "l2", "lambda": 0.01, "penalize_bias": True}, False, False),
    ({"name": "l2", "lambda": 0.0}, True, True),
])
def test_the_data_term_answers_the_gradient_only_where_the_regularizer_adds_nothing(regularization, answers_dW, answers_db):
    net = spec_from_dict({**NET, **({"regularization": regularization} if regularization else {})})
    rubric = rubric_from_dict({"questions": [{"id": "W", "points": 1, "expects": ["dW1"]},
                                             {"id": "b", "points": 1, "expects": ["db1"]},
                                             {"id": "e", "points": 1, "expects": ["delta2"]}]})
    g = grade(rubric, [_result("dWL1"), _result("dbL1"), _result("dz2")], net)
    assert [q.score for q in g.questions] == [float(answers_dW), float(answers_db), 1.0]
    assert same_quantity(net)("dWR1") == "dWR1" and same_quantity()("dWL1") == "dWL1"


def test_the_course_from_the_cli(tmp_path, capsys):
    spec = tmp_path / "hw.toml"
    spec.write_text('name = "hw"\nconvention = "column"\ninputs = 3\n[[layers]]\nunits = 4\nactivation = "tanh"\n'
                    '[[layers]]\nunits = 1\nactivation = "sigmoid"\n[loss]\nname = "binary_cross_entropy"\n'
                    '[optimizer]\nname = "sgd"\nlearning_rate = 0.5\n')
    (tmp_path / "rubric.toml").write_text(RUBRIC)
    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "right.md").write_text(RIGHT)
    (subs / "planted.md").write_text(PLANTED)
    code = main(["verify", str(subs), "--spec", str(spec), "--rubric", str(tmp_path / "rubric.toml"),
                 "--summary", str(tmp_path / "grades.csv"), "--jobs", "1", "--total-time", "inf"])
    capsys.readouterr()
    assert code == 0
    rows = {r["submission"]: r for r in csv.DictReader((tmp_path / "grades.csv").open())}
    assert (rows["right.md"]["score"], rows["right.md"]["Q1"], rows["right.md"]["Q2"], rows["right.md"]["Q3"]) == ("8", "2", "3", "3")
    assert (rows["planted.md"]["score"], rows["planted.md"]["Q2"]) == ("5", "0")


def test_an_unreadable_claim_under_the_questions_heading_is_for_the_ta_not_missing():
    rubric = rubric_from_dict({"questions": [{"id": "Q2", "points": 3, "expects": ["delta1"]},
                                             {"id": "Q3", "points": 1, "expects": ["dW1"]}]})
    unread = ClaimResult(id="Q2.1", latex="", verdict="unchecked", expected="", message="could not read the claim")
    elsewhere = ClaimResult(id="Q4.1", latex="", verdict="unchecked", expected="", message="could not read the claim")
    g = grade(rubric, [unread, elsewhere])
    assert [(it.expects, it.verdict, [r.id for r in it.claims]) for q in g.questions for it in q.items] == [
        ("delta1", "unchecked", ["Q2.1"]), ("dW1", "missing", [])]


BISHOP = r"""With $h_j = \tanh(a_j)$ and $a_j = \sum_i w_{ji} x_i + b_j$:
$$\frac{\partial E}{\partial w_{ji}} = \delta_j x_i$$
$$\frac{\partial E}{\partial w_{ji}} = \delta_j$$
"""


def test_bishops_component_weights_read_in_either_convention(tmp_path, capsys):
    """Bishop's w_{ji} (into hidden unit j from input i) names W's entry (j, i) in the row convention and (i, j) in the
    column one; ∂E/∂w_{ji} = δ_j x_i is right (central differences below), without x_i it is wrong, in both."""
    rng = np.random.default_rng(5)
    x, W, b, v, c, y = rng.normal(size=3), rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=4), 0.3, 1.0

    def E(W):
        p = 1 / (1 + np.exp(-(v @ np.tanh(W @ x + b) + c)))
        return -(y * np.log(p) + (1 - y) * np.log(1 - p))

    h = np.tanh(W @ x + b)
    delta = (1 / (1 + np.exp(-(v @ h + c))) - y) * v * (1 - h * h)
    numeric = np.array([[(E(W + 1e-6 * np.eye(4)[j][:, None] * np.eye(3)[i]) - E(W - 1e-6 * np.eye(4)[j][:, None] * np.eye(3)[i]))
                         / 2e-6 for i in range(3)] for j in range(4)])
    assert np.allclose(np.outer(delta, x), numeric, atol=1e-7) and not np.allclose(np.outer(delta, np.ones(3)), numeric)
    answer = tmp_path / "bishop.md"
    answer.write_text(BISHOP)
    for convention in ("row", "column"):
        spec = tmp_path / f"{convention}.toml"
        spec.write_text(f'name = "hw"\nconvention = "{convention}"\ninputs = 3\n[[layers]]\nunits = 4\nactivation = "tanh"\n'
                        '[[layers]]\nunits = 1\nactivation = "sigmoid"\n[loss]\nname = "binary_cross_entropy"\n'
                        '[optimizer]\nname = "sgd"\nlearning_rate = 0.5\n')
        main(["verify", str(answer), "--spec", str(spec), "--json"])
        verdicts = [c["verdict"] for c in json.loads(capsys.readouterr().out)["claims"]]
        assert verdicts[-2:] == ["correct", "incorrect"], (convention, verdicts)
