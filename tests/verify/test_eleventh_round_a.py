"""Readings of the eleventh round, verify11a (issue 10, heldout11's max-amb and ThirstyScholar posts): a chain's rows
as steps a grader names (``line N.k``, each with its own verdict: chainrows.py), a letter the answer's forward
definitions put in the weights' place (``z^{[l]} = \\omega^{[l]} a^{[l-1]} + b^{[l]}``: letters.weight_letters), the
target's letter written with a layer number and defined (``Y^1 = x W^1 + b^1``), an objective defined in a way that does
not read (its scale open: unreadcost.py) and two loose writings read to the letter only (loosereading.py).

The claims are written here in those notations, right ones and planted ones; the expected verdicts come from NumPy
(the forward pass typed below, central differences of the loss), never from verify's own output."""

from __future__ import annotations

import numpy as np

RNG = np.random.default_rng(11)

SPEC = ('name = "t11a"\nconvention = "row"\ninputs = 3\nlayers = [{units = 4, activation = "sigmoid"}, '
        '{units = 2, activation = "identity"}]\nloss = {name = "squared_error"}\n'
        'optimizer = {name = "sgd", learning_rate = 0.1}\n')


def numeric_grad(f, v, h=1e-6):
    v = np.asarray(v, dtype=float)
    g = np.zeros_like(v)
    for idx in np.ndindex(v.shape):
        e = np.zeros_like(v)
        e[idx] = h
        g[idx] = (f(v + e) - f(v - e)) / (2 * h)
    return g


def network():
    """One example as a column: z1 = W1 x + b1, a1 = σ(z1), ŷ = W2 a1 + b2, J = ½‖ŷ − y‖²."""
    x, y = RNG.normal(size=3), RNG.normal(size=2)
    W1, b1, W2, b2 = RNG.normal(size=(4, 3)), RNG.normal(size=4), RNG.normal(size=(2, 4)), RNG.normal(size=2)
    a1 = 1 / (1 + np.exp(-(W1 @ x + b1)))
    yhat = W2 @ a1 + b2
    return dict(x=x, y=y, W1=W1, b1=b1, W2=W2, b2=b2, a1=a1, yhat=yhat)


def verify(tmp_path, body: str):
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(SPEC)
    (tmp_path / "answer.md").write_text(body)
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    return results


def test_a_chains_rows_are_steps_with_their_own_ids_and_verdicts(tmp_path):
    """∂J/∂ŷ &= ŷ − y \\\\ &= 2(ŷ − y) \\\\ &= ŷ − y: row 2 is the wrong step, row 3 is right again (it equals the
    subject); the chain keeps its own id (line 3) and verdict (a wrong link), each row has the id line N.k."""
    n = network()
    grad = numeric_grad(lambda v: 0.5 * np.sum((v - n["y"]) ** 2), n["yhat"])
    rows = {"line 3.1": n["yhat"] - n["y"], "line 4.2": 2 * (n["yhat"] - n["y"]), "line 5.3": n["yhat"] - n["y"]}
    want = {k: "correct" if np.allclose(v, grad, atol=1e-6) else "incorrect" for k, v in rows.items()}
    assert want == {"line 3.1": "correct", "line 4.2": "incorrect", "line 5.3": "correct"}
    body = ("$$\n\\begin{aligned}\n\\frac{\\partial J}{\\partial \\hat y} &= \\hat y - y \\\\\n"
            "&= 2 (\\hat y - y) \\\\\n&= \\hat y - y\n\\end{aligned}\n$$\n")
    results = verify(tmp_path, body)
    chain = next(r for r in results if r.id == "line 3")
    assert chain.verdict == "incorrect"
    assert {r.id: r.verdict for r in chain.rows} == want
    assert [row["id"] for row in chain.to_dict()["rows"]] == list(want)  # (the JSON report carries them)

    from gradproof.verify.rubric import Question, Rubric, grade

    rubric = Rubric((Question("step2", 1.0, ("line 4.2",), "step 2"), Question("step3", 1.0, ("line 5.3",), "step 3"),
                     Question("chain", 1.0, ("line 3",), "the chain")), "t")
    g = grade(rubric, results)
    assert [it.verdict for q in g.questions for it in q.items] == ["incorrect", "correct", "incorrect"]


def test_the_rows_of_a_display_with_several_claims_are_numbered_by_row(tmp_path):
    """A chain of two rows, then a row of its own: the later claim keeps its number among the display's claims
    (line 5.2, the older corpora's contract) and is also found by its row's number (line 5.3, as a grader counts)."""
    from gradproof.verify.document import extract

    body = ("$$\n\\begin{aligned}\n\\frac{\\partial J}{\\partial \\hat y} &= \\hat y - y \\\\\n"
            "&= (\\hat y - y) \\\\\n\\frac{\\partial J}{\\partial b^{(2)}} &= \\hat y - y\n\\end{aligned}\n$$\n")
    claims = extract(body)
    assert [c.id for c in claims] == ["line 3.1", "line 5.2"]  # (its number among the claims; its row: an alias)
    assert claims[1].rows == (("line 5.3", 0),)
    assert [rid for rid, _ in claims[0].rows] == ["line 3.1", "line 4.2"]


def test_a_greek_weight_letter_bound_by_the_forward_definitions(tmp_path):
    """z^{[l]} = ω^{[l]} a^{[l-1]} + b^{[l]}: ω is W; ∂J/∂ω^{[2]} = (ŷ − y) a^{{[1]}^{T}} (a layer and a transpose
    nested in one superscript, as max-amb writes it) is right, the planted 2× is not."""
    n = network()
    grad = numeric_grad(lambda W: 0.5 * np.sum((W @ n["a1"] + n["b2"] - n["y"]) ** 2), n["W2"])
    right, planted = np.outer(n["yhat"] - n["y"], n["a1"]), 2 * np.outer(n["yhat"] - n["y"], n["a1"])
    assert np.allclose(right, grad, atol=1e-6) and not np.allclose(planted, grad, atol=1e-6)
    body = ("$$\nz^{[l]} = \\omega^{[l]} a^{[l-1]} + b^{[l]}\n$$\n\n$$\na^{[1]} = \\sigma(z^{[1]})\n$$\n\n"
            "$$\n\\frac{\\partial J}{\\partial \\omega^{[2]}} = (\\hat y - y) a^{{[1]}^{T}}\n$$\n\n"
            "$$\n\\frac{\\partial J}{\\partial \\omega^{[2]}} = 2 (\\hat y - y) (a^{[1]})^T\n$$\n")
    verdicts = {r.id: r.verdict for r in verify(tmp_path, body)}
    assert verdicts["line 10"] == "correct" and verdicts["line 14"] == "incorrect"
    assert verdicts["line 2"] == "correct"  # (the definition itself holds with ω read as W)


def test_the_targets_letter_with_a_layer_number_is_the_summed_input(tmp_path):
    """Y^1 = W^1 x + b^1 and H^1 = σ(Y^1): Y is the author's letter for z (a target has no layers); a copy that drops
    the bias in the only definition binds nothing and is not accepted."""
    n = network()
    z1 = n["W1"] @ n["x"] + n["b1"]
    assert np.allclose(1 / (1 + np.exp(-z1)), n["a1"]) and not np.allclose(n["W1"] @ n["x"], z1)
    right = verify(tmp_path, "$Y^1 = W^1 x + b^1$ and $H^1 = \\sigma(Y^1)$\n")
    assert [r.verdict for r in right] == ["correct", "correct"]
    planted = verify(tmp_path, "$Y^1 = W^1 x$ and $H^1 = \\sigma(Y^1)$\n")
    assert planted[0].verdict != "correct"


def test_an_objective_defined_but_not_read_leaves_its_scale_open(tmp_path):
    """L = Σ_{i,j} (ŷ_{ij} − y_{ij})² does not read; ∂L/∂ŷ = 2(ŷ − y) is right on that scale (no ½) and off by 2 on
    the spec's: unchecked. 3(ŷ − y) is right on no usual scale: still incorrect."""
    n = network()
    own = numeric_grad(lambda v: np.sum((v - n["y"]) ** 2), n["yhat"])
    spec = numeric_grad(lambda v: 0.5 * np.sum((v - n["y"]) ** 2), n["yhat"])
    two, three = 2 * (n["yhat"] - n["y"]), 3 * (n["yhat"] - n["y"])
    assert np.allclose(two, own, atol=1e-6) and not np.allclose(two, spec, atol=1e-6)
    assert not any(np.allclose(three, k * spec, atol=1e-6) for k in (1, 2, 0.5))
    body = ("$$\nL = \\sum_{i, j} (\\hat y_{ij} - y_{ij})^2\n$$\n\n$$\n\\frac{\\partial L}{\\partial \\hat y} = 2 (\\hat y - y)\n$$\n\n"
            "$$\n\\frac{\\partial L}{\\partial \\hat y} = 3 (\\hat y - y)\n$$\n")
    verdicts = {r.id: r.verdict for r in verify(tmp_path, body)}
    assert verdicts["line 6"] == "unchecked" and verdicts["line 10"] == "incorrect"


def test_loose_writings_read_to_the_letter_are_not_called_wrong():
    """∂/∂q (…) + b: the operator's reach; (Σ_i δ_i w_{ij}) f'(z_j) a_i: i both summed and free."""
    from gradproof.verify.loosereading import _why

    reach = "\\frac{\\partial z_i}{\\partial a_j} = \\frac{\\partial}{\\partial a_j} (\\sum_k a_k w_{ik}) + b_i"
    assert _why(reach, "does not match the derived result")
    assert _why("\\frac{\\partial}{\\partial a_j} (\\sum_k a_k w_{ik} + b_i) = w_{ij}", "does not match") is None
    summed = "(\\sum_i \\delta_i w_{ij}) f'(z_j) a_i"
    assert _why(summed, "the index i counts both 3 entries and 4 entries")
    assert _why("\\delta_j a_i", "the index i counts both 3 entries and 4 entries") is None
    # a sum whose body runs to the end (Haykin's v_j = Σ_i w_{ji} y_i with a planted layer): the sizes are the slip
    assert _why("v_j = \\sum_i w_{ji} y_i", "the index i counts both 3 entries and 4 entries") is None


def test_a_hatted_activation_as_the_target_and_delta_on_the_answers_scale(tmp_path):
    """C = Σ_i (a_i − \\hat{a_i})² (no ½; a the output, â the target), δ_j^{[L]} tied to C by ∂C/∂a_j ∂a_j/∂z_j = δ_j:
    on the answer's scale (its derivatives ∂C/∂a_j and ∂C/∂z_j show it) δ_j = 2 (a_j − â_j) is right (the output is
    linear) and ∂C/∂b_j^{[L]} = δ_j too; the planted δ_j = 2 (a_j + â_j) is wrong on any scale."""
    n = network()
    own = numeric_grad(lambda v: np.sum((v - n["y"]) ** 2), n["yhat"])  # ∂C/∂z² = ∂C/∂ŷ (identity output)
    planted = 2 * (n["yhat"] + n["y"])
    assert np.allclose(2 * (n["yhat"] - n["y"]), own, atol=1e-6)
    assert not any(np.allclose(planted, k * own, atol=1e-6) for k in (1, 0.5, 0.25))
    body = ("$$\nC = \\sum_i (a_i - \\hat{a_i})^2\n$$\n\n"
            "$$\n\\frac{\\partial C}{\\partial a_j^{[L]}} \\frac{\\partial a_j^{[L]}}{\\partial z_j^{[L]}} = \\delta_j^{[L]}\n$$\n\n"
            "$$\n\\delta_j^{[L]} = 2 (a_j^{[L]} - \\hat{a_j^{[L]}})\n$$\n\n"
            "$$\n\\frac{\\partial C}{\\partial b_j^{[L]}} = \\delta_j^{[L]}\n$$\n\n"
            "$$\n\\frac{\\partial C}{\\partial a_j^{[L]}} = 2 (a_j^{[L]} - \\hat{a_j^{[L]}})\n$$\n\n"
            "$$\n\\frac{\\partial C}{\\partial z_j^{[L]}} = 2 (a_j^{[L]} - \\hat{a_j^{[L]}})\n$$\n\n"
            "$$\n\\delta_j^{[L]} = 2 (a_j^{[L]} + \\hat{a_j^{[L]}})\n$$\n")
    verdicts = {r.id: r.verdict for r in verify(tmp_path, body)}
    assert [verdicts[f"line {k}"] for k in (6, 10, 14, 18, 22, 26)] == ["correct"] * 5 + ["incorrect"]
    assert verdicts["line 2"] != "incorrect"  # (the answer's convention, no ½: never called wrong)


def test_delta_restated_entry_by_entry_keeps_its_meaning(tmp_path):
    """δ^{[2]} = [δ_1^{[2]}; \\vdots; δ_n^{[2]}] (not read: the dots) restates δ's entries and gives it no new meaning:
    the claims using δ are judged (∂J/∂b^{[2]} = δ^{[2]} right, the planted 2 δ^{[2]} wrong)."""
    n = network()
    grad = numeric_grad(lambda b: 0.5 * np.sum((n["W2"] @ n["a1"] + b - n["y"]) ** 2), n["b2"])
    delta = n["yhat"] - n["y"]  # δ² = ∂J/∂z² (identity output)
    assert np.allclose(delta, grad, atol=1e-6) and not np.allclose(2 * delta, grad, atol=1e-6)
    body = ("$$\n\\delta^{[2]} = \\begin{bmatrix} \\delta_1^{[2]} \\\\ \\vdots \\\\ \\delta_n^{[2]} \\end{bmatrix}\n$$\n\n"
            "$$\n\\frac{\\partial J}{\\partial b^{[2]}} = \\delta^{[2]}\n$$\n\n"
            "$$\n\\frac{\\partial J}{\\partial b^{[2]}} = 2 \\delta^{[2]}\n$$\n")
    verdicts = {r.id: r.verdict for r in verify(tmp_path, body)}
    assert verdicts["line 6"] == "correct" and verdicts["line 10"] == "incorrect"


def test_a_sum_over_an_axis_written_as_its_number():
    """ThirstyScholar's \\sum_0 \\frac{∂L}{∂ŷ}: the sum over axis 0, as NumPy's np.sum(…, axis=0) (his own note); with an
    upper limit the digit is no axis and the sum is not read."""
    import pytest
    from gradproof.verify.parser import Notation, parse_claim
    from gradproof.verify.tree import Unreadable

    (node,), _ = parse_claim("\\sum_0 \\frac{\\partial J}{\\partial \\hat y}", Notation(), 2)
    (numpy,), _ = parse_claim("\\npsum(\\frac{\\partial J}{\\partial \\hat y}, axis=0)", Notation(), 2)
    assert node.op == "axsum" and node.value == 0 and node == numpy
    with pytest.raises(Unreadable):
        parse_claim("\\sum_0^N x", Notation(), 2)


def test_equations_side_by_side_are_the_rows_line_n_k(tmp_path):
    """``\\frac{∂J}{∂ŷ} = ŷ − y, \\quad \\frac{∂J}{∂b^{(2)}} = 2(ŷ − y)`` in one ```math fence: one claim line N (its
    equations each judged), and each equation also a row named line N.1, line N.2 (the documented k-th claim of a
    display with several) with its own verdict; a correct claim's rows are not repeated in the terminal report."""
    n = network()
    grad = numeric_grad(lambda v: 0.5 * np.sum((v - n["y"]) ** 2), n["yhat"])  # ∂J/∂b2 = ∂J/∂ŷ (ŷ = W2 a1 + b2)
    want = {"line 4.1": np.allclose(n["yhat"] - n["y"], grad, atol=1e-6),
            "line 4.2": np.allclose(2 * (n["yhat"] - n["y"]), grad, atol=1e-6)}
    assert want == {"line 4.1": True, "line 4.2": False}
    body = ("Gradients:\n\n```math\n"
            "\\frac{\\partial J}{\\partial \\hat y} = \\hat y - y, \\quad \\frac{\\partial J}{\\partial b^{(2)}} = 2 (\\hat y - y)\n"
            "```\n\n```math\n"
            "\\frac{\\partial J}{\\partial \\hat y} = \\hat y - y, \\quad \\frac{\\partial J}{\\partial b^{(2)}} = \\hat y - y\n```\n")
    results = verify(tmp_path, body)
    wrong, right = (next(r for r in results if r.id == i) for i in ("line 4", "line 8"))
    assert wrong.verdict == "incorrect" and right.verdict == "correct"
    assert {r.id: r.verdict == "correct" for r in wrong.rows} == want
    assert {r.id: r.verdict for r in right.rows} == {"line 8.1": "correct", "line 8.2": "correct"}

    from gradproof.verify.report import text_report

    report = text_report(results, "t")
    assert "row line 4.2: incorrect" in report and "row line 8.1" not in report
