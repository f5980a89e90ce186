"""Readings of the sixth round (issue "Verify reads real answers"): notations from Kyle Lo's derivation and others like
it, each with right and planted claims written here (not copied from a corpus).

- an objective written with a range of arguments, ``\\mathcal{L}(w_{1:L})``;
- ``\\underbrace{…}_{\\delta^{(L)}}``: the product under the brace is read, its label is a name;
- an answer whose chain rule is in the numerator (Jacobian) layout (``∂L/∂h ∂h/∂z``) writes one sample's gradient as
  a row, so ``\\delta^{(L)} = [h^{(L)} - y]^T`` is right there;
- ``\\sum_{i=1}^n y_i \\log p(x_i)``: a subscript on the data summed to a letter numbers the examples — not graded as a
  misused index;
- a second objective of another kind defined after the spec's (a section on the quadratic loss): later derivatives
  that fail against the spec's loss are not called wrong;
- ``φ(z) = tanh(z) = …`` then ``φ'(z) = …`` in one line: the example function the line names, not the network's.

The expected verdicts are decided by hand; the identities and derivatives they rest on are checked numerically here
with NumPy (central differences), independently of verify.
"""

from __future__ import annotations

import numpy as np
from gradproof.verify.document import extract
from gradproof.verify.judge import Judge
from helpers_verify import small

D = small(convention="column", hidden="tanh", output="softmax", loss="cross_entropy")


def judged(doc: str) -> dict[str, str]:
    claims = extract(doc)
    return {r.id: r.verdict for r in Judge(D).check_all(claims)}


def _central(f, x, h=1e-6):
    return np.array([(f(x + h * e) - f(x - h * e)) / (2 * h) for e in np.eye(x.size)])


def test_the_identities_the_expected_verdicts_rest_on():
    rng = np.random.default_rng(0)
    z = rng.normal(size=5)
    assert np.allclose(np.tanh(z), (1 - np.exp(-2 * z)) / (1 + np.exp(-2 * z)))
    assert np.allclose(_central(lambda v: np.tanh(v), z).diagonal(), 1 - np.tanh(z) ** 2, atol=1e-6)
    relu_slope = _central(lambda v: np.maximum(0, v), z).diagonal()
    assert np.array_equal(np.round(relu_slope), (z > 0).astype(float))
    # softmax + cross-entropy: ∂L/∂z = ŷ − y, and ∂L/∂ŷ · ∂ŷ/∂z (a row times the Jacobian) is its transpose
    y = np.eye(5)[2]
    soft = lambda v: np.exp(v) / np.exp(v).sum()  # noqa: E731
    grad = _central(lambda v: -y @ np.log(soft(v)), z)
    assert np.allclose(grad, soft(z) - y, atol=1e-6)
    assert np.allclose((-y / soft(z)) @ _central(soft, z).T, grad, atol=1e-5)


def test_a_numerator_layout_answer_writes_gradients_as_rows():
    doc = ("$$\\frac{\\partial \\mathcal{L}(w_{1:L})}{\\partial w_L} = \\underbrace{\\frac{\\partial \\mathcal{L}}"
           "{\\partial h^{(L)}} \\frac{\\partial h^{(L)}}{\\partial z^{(L)}}}_{\\delta^{(L)}} \\frac{\\partial z^{(L)}}"
           "{\\partial w_L} \\tag{chain}$$\n\n"
           "$$\\delta^{(2)} = \\left[h^{(2)} - y\\right]^T \\tag{row}$$\n\n"
           "$$\\delta^{(2)} = \\left[y - h^{(2)}\\right]^T \\tag{sign}$$\n\n"
           "$$\\delta^{(2)} = \\left[h^{(2)} \\odot y\\right]^T \\tag{wrong}$$\n")
    got = judged(doc)
    assert got["row"] == "correct"
    assert got["sign"] == "incorrect" and got["wrong"] == "incorrect"


def test_without_a_numerator_chain_a_row_gradient_is_still_a_transpose():
    got = judged("$$\\delta^{(2)} = h^{(2)} - y \\tag{col}$$\n\n$$\\delta^{(2)} = \\left[h^{(2)} - y\\right]^T \\tag{row}$$\n")
    assert got == {"col": "correct", "row": "incorrect"}


def test_an_objective_with_a_range_of_arguments_reads():
    got = judged("$$\\mathcal{L}(w_{1:L}) = - y^T \\log h^{(L)} \\tag{right}$$\n\n"
                 "$$\\mathcal{L}(w_{1:L}) = y^T \\log h^{(L)} \\tag{planted}$$\n")
    assert got == {"right": "correct", "planted": "incorrect"}


def test_a_subscript_summed_to_a_letter_numbers_the_examples():
    doc = "$$\\mathcal{L}(w) = - \\sum_{i=1}^n \\left[ y_i \\log h^{(2)}_i + x_i \\right] \\tag{obs}$$\n"
    assert judged(doc)["obs"] == "unchecked"  # x_i (3 entries) and y_i (2 entries): the i-th example, not an entry
    # the same letters over one vector are entries, and a misused index over two sizes is still wrong
    got = judged("$$\\frac{\\partial L}{\\partial z^{(2)}_k} = \\hat y_k - y_k \\tag{entries}$$\n\n"
                 "$$z^{(2)}_j = \\sum_{k=1}^{K} W^{(2)}_{kj} h^{(1)}_k + b^{(2)}_j \\tag{fine}$$\n\n"
                 "$$z^{(2)}_j = \\sum_{k=1}^{K} W^{(2)}_{jk} h^{(1)}_k + b^{(2)}_j \\tag{misused}$$\n")
    # column convention: W^{(2)} is 4 × 2 (in × out), so z_j sums W_{kj} h_k; W_{jk} runs k over its 2 columns
    assert got == {"entries": "correct", "fine": "correct", "misused": "incorrect"}


def test_a_second_objective_of_another_kind_is_not_graded_against_the_spec():
    doc = ("$$\\mathcal{L} = - y^T \\log h^{(2)} \\tag{ce}$$\n\n"
           "$$\\frac{\\partial \\mathcal{L}}{\\partial z^{(2)}} = h^{(2)} - y \\tag{ce-grad}$$\n\n"
           "Now the quadratic loss:\n\n"
           "$$\\mathcal{L} = \\frac{1}{2} (y - h^{(2)})^T (y - h^{(2)}) \\tag{quad}$$\n\n"
           "$$\\frac{\\partial \\mathcal{L}}{\\partial h^{(2)}} = h^{(2)} - y \\tag{quad-grad}$$\n")
    got = judged(doc)
    assert got["ce"] == "correct" and got["ce-grad"] == "correct"
    assert got["quad"] == "incorrect"  # not the spec's loss
    assert got["quad-grad"] == "unchecked"  # right for the quadratic loss, wrong for the spec's: not called wrong


def test_a_first_wrong_objective_is_a_slip_and_what_follows_is_still_judged():
    doc = ("$$\\mathcal{L} = y^T \\log h^{(2)} \\tag{slip}$$\n\n"
           "$$\\frac{\\partial \\mathcal{L}}{\\partial z^{(2)}} = y - h^{(2)} \\tag{follows}$$\n")
    got = judged(doc)
    assert got == {"slip": "incorrect", "follows": "incorrect"}


def test_a_function_named_in_its_line_is_that_function():
    doc = ("- $\\phi(z) = \\tanh(z) = \\frac{1 - e^{-2z}}{1 + e^{-2z}}$ where $\\phi'(z) = 1 - \\tanh^2(z)$\n"
           "- $\\phi(z) = \\tanh(z) = \\frac{1 + e^{-2z}}{1 + e^{-2z}}$ where $\\phi'(z) = 1 + \\tanh^2(z)$\n"
           "- $f(a) = \\sigma(a)$ where $f'(a) = f(a)(1 - f(a))$\n"
           "- $g(z) = \\max(0, z)$\n")
    got = judged(doc)
    assert got["line 1"] == "correct" and got["line 1#2"] == "correct"
    assert got["line 2"] == "incorrect" and got["line 2#2"] == "incorrect"
    # f(a) = σ(a) defines f as σ: unchecked, or correct as the identity it states (sixteenth round: the identity
    # reading of a named function, verify16b) — never incorrect; σ' = σ(1 − σ), whatever the layer
    assert got["line 3"] in ("unchecked", "correct") and got["line 3#2"] == "correct"
    assert got["line 4"] == "unchecked"  # ReLU: no layer of this tanh/softmax network, and g is bound to none


S = small(convention="row", hidden="sigmoid", output="sigmoid", loss="squared_error")


def test_the_cost_as_a_function_of_the_output():
    # C(a) = ½ (y − a)² names a as the output; C'(a) is the cost's derivative there: (a − y) for ½ (y − a)²
    rng = np.random.default_rng(1)
    a, y = rng.uniform(size=2), rng.uniform(size=2)
    assert np.allclose(_central(lambda v: 0.5 * np.sum((y - v) ** 2), a), a - y, atol=1e-6)
    doc = ("$$C(a) = \\frac{1}{2} \\sum_k (y_k - a_k)^2 \\tag{cost}$$\n\n"
           "$$C(a) = \\sum_k (y_k - a_k)^2 \\tag{cost2}$$\n\n"
           "$$\\frac{\\partial C}{\\partial a^{(2)}} = C'(a^{(2)}) = a^{(2)} - y \\tag{prime}$$\n\n"
           "$$\\delta^{(2)} = C'(a^{(2)}) \\odot \\sigma'(z^{(2)}) \\tag{delta}$$\n\n"
           "$$\\delta^{(2)} = C'(a^{(2)}) \\odot \\sigma(z^{(2)}) \\tag{delta-planted}$$\n\n"
           "$$C'(a^{(1)}) = a^{(1)} - y \\tag{hidden}$$\n")
    got = {r.id: r.verdict for r in Judge(S).check_all(extract(doc))}
    assert got["cost"] == "correct" and got["prime"] == "correct" and got["delta"] == "correct"
    assert got["delta-planted"] == "incorrect"
    assert got["hidden"] == "unchecked"  # the cost is a function of the output only
    assert got["cost2"] in ("incorrect", "unchecked")  # twice the spec's ½ Σ: a slip or the answer's own scale


def test_a_layerless_claim_on_the_input_is_about_the_first_layer():
    doc = ("$$z = W x + b \\tag{first}$$\n\n$$z = W x - b \\tag{planted}$$\n")
    got = {r.id: r.verdict for r in Judge(S).check_all(extract(doc))}
    assert got == {"first": "correct", "planted": "incorrect"}  # not "wrong at layer 2", where x is not the input


def test_rumelhart_hinton_williams_letters():
    # x_j the total input of unit j, y_j its output, d_j the desired output, w_{ji} from unit i to unit j; the bias is
    # the weight on an input that is always 1; Δw = −ε ∂E/∂w with ε the learning rate (RHW 1986, in its letters)
    rng = np.random.default_rng(2)
    x = rng.normal(size=3)
    y = 1 / (1 + np.exp(-x))
    assert np.allclose(_central(lambda v: 1 / (1 + np.exp(-v)), x).diagonal(), y * (1 - y), atol=1e-6)
    doc = ("\\begin{equation} x_j = \\sum_i y_i w_{ji} \\tag{1} \\end{equation}\n"
           "\\begin{equation} y_j = \\frac{1}{1 + e^{-x_j}} \\tag{2} \\end{equation}\n"
           "\\begin{equation} y_j = \\frac{1}{1 + e^{x_j}} \\tag{2p} \\end{equation}\n"
           "\\begin{equation} \\frac{\\partial E}{\\partial y_j} = y_j - d_j \\tag{4} \\end{equation}\n"
           "\\begin{equation} \\frac{\\partial E}{\\partial y_j} = d_j - y_j \\tag{4p} \\end{equation}\n"
           "\\begin{equation} \\frac{\\partial E}{\\partial x_j} = \\frac{\\partial E}{\\partial y_j} y_j (1 - y_j) \\tag{5}"
           " \\end{equation}\n"
           "\\begin{equation} \\frac{\\partial E}{\\partial w_{ji}} = \\frac{\\partial E}{\\partial x_j} y_i \\tag{6}"
           " \\end{equation}\n"
           "\\begin{equation} \\frac{\\partial E}{\\partial w_{ji}} = \\frac{\\partial E}{\\partial x_j} y_j \\tag{6p}"
           " \\end{equation}\n"
           "\\begin{equation} \\frac{\\partial E}{\\partial y_i} = \\sum_j \\frac{\\partial E}{\\partial x_j} w_{ji} \\tag{7}"
           " \\end{equation}\n"
           "\\begin{equation} \\Delta w = -\\varepsilon \\frac{\\partial E}{\\partial w} \\tag{8} \\end{equation}\n"
           "\\begin{equation} \\Delta w = \\varepsilon \\frac{\\partial E}{\\partial w} \\tag{8p} \\end{equation}\n")
    got = {r.id: r.verdict for r in Judge(S).check_all(extract(doc))}
    assert {k: got[k] for k in ("1", "2", "4", "5", "6", "7", "8")} == dict.fromkeys(("1", "2", "4", "5", "6", "7", "8"), "correct")
    assert {k: got[k] for k in ("2p", "4p", "6p", "8p")} == dict.fromkeys(("2p", "4p", "6p", "8p"), "incorrect")


def test_a_parameter_at_the_step_before():
    # Kingma & Ba write θ_t ← θ_{t−1} − α m̂_t / (√v̂_t + ε): θ_{t−1} is the value now, θ_t the value after the step
    adam = small(convention="row", optimizer={"name": "adam", "learning_rate": 0.01, "epsilon_placement": "outside"})
    claims = [("m", "m_t \\leftarrow \\beta_1 m_{t-1} + (1 - \\beta_1) g_t"),
              ("mhat", "\\hat{m}_t \\leftarrow m_t / (1 - \\beta_1^t)"),
              ("vhat", "\\hat{v}_t \\leftarrow v_t / (1 - \\beta_2^t)"),
              ("theta", "\\theta_t \\leftarrow \\theta_{t-1} - \\alpha \\hat{m}_t / (\\sqrt{\\hat{v}_t} + \\epsilon)"),
              ("theta-sqrt", "\\theta_t \\leftarrow \\theta_{t-1} - \\alpha \\hat{m}_t / (\\hat{v}_t + \\epsilon)"),
              ("theta-sign", "\\theta_t \\leftarrow \\theta_{t-1} + \\alpha \\hat{m}_t / (\\sqrt{\\hat{v}_t} + \\epsilon)"),
              ("W", "W_t = W_{t-1} - \\alpha \\hat{m}_t / (\\sqrt{\\hat{v}_t} + \\epsilon)")]
    from gradproof.verify.judge import Claim

    got = {r.id: r.verdict for r in Judge(adam).check_all([Claim(i, latex) for i, latex in claims])}
    assert got == {"m": "correct", "mhat": "correct", "vhat": "correct", "theta": "correct", "theta-sqrt": "incorrect",
                   "theta-sign": "incorrect", "W": "correct"}


def test_an_objective_named_by_its_own_letter():
    # Roelants names the cross-entropy ξ(T, Y); its derivative by the output's summed input is ŷ − y (checked above)
    doc = ("$$\\xi(y, \\hat{y}) = - y^T \\log \\hat{y} \\tag{def}$$\n\n"
           "$$\\frac{\\partial \\xi}{\\partial z^{(2)}} = \\hat{y} - y \\tag{right}$$\n\n"
           "$$\\frac{\\partial \\xi}{\\partial z^{(2)}} = y - \\hat{y} \\tag{sign}$$\n\n"
           "$$\\frac{\\partial \\xi}{\\partial W^{(2)}} = h^{(1)} (\\hat{y} - y)^T \\tag{W}$$\n")
    got = judged(doc)
    assert got["right"] == "correct" and got["W"] == "correct" and got["sign"] == "incorrect"
    # without a definition that makes ξ an objective, ∂ξ/∂… is not read
    assert judged("$$\\frac{\\partial \\xi}{\\partial z^{(2)}} = \\hat{y} - y \\tag{bare}$$\n")["bare"] == "unchecked"


R = small(convention="row", hidden="sigmoid", output="softmax", loss="cross_entropy")


def test_the_derivative_of_an_expression_written_out():
    # ∂ log ŷ_i / ∂z_k = δ_ik − ŷ_k and ∂(Σ_j e^{z_j})/∂z_k = e^{z_k} (central differences), and
    # ∂(W h + b)/∂z^{(1)} = W diag(σ'(z^{(1)})) (row convention: W is out × in)
    rng = np.random.default_rng(3)
    z = rng.normal(size=2)
    soft = lambda v: np.exp(v) / np.exp(v).sum()  # noqa: E731
    assert np.allclose(_central(lambda v: np.log(soft(v)), z).T, np.eye(2) - soft(z)[None, :], atol=1e-6)
    assert np.allclose(_central(lambda v: np.exp(v).sum(), z), np.exp(z), atol=1e-6)
    doc = ("$$\\frac{\\partial \\log \\hat y_i}{\\partial z^{(2)}_k} = \\delta_{ik} - \\hat y_k \\tag{log}$$\n\n"
           "$$\\frac{\\partial \\log \\hat y_i}{\\partial z^{(2)}_k} = \\delta_{ik} + \\hat y_k \\tag{log-planted}$$\n\n"
           "$$\\frac{\\partial \\left(\\sum_{j=1}^{2} \\exp(z_{j}^{(2)})\\right)}{\\partial z_{k}^{(2)}} = \\exp(z_{k}^{(2)})"
           " \\tag{sum}$$\n\n"
           "$$\\frac{\\partial}{\\partial z^{(1)}}\\left(W^{(2)} h^{(1)} + b^{(2)}\\right) = W^{(2)} "
           "\\operatorname{diag}(\\sigma'(z^{(1)})) \\tag{paren}$$\n\n"
           "$$\\frac{\\partial}{\\partial z^{(1)}}\\left(W^{(2)} h^{(1)} + b^{(2)}\\right) = W^{(2)} \\tag{paren-planted}$$\n\n"
           "$$\\frac{\\partial \\hat y_i}{\\partial z^{(2)}_j} = - \\hat y_i \\hat y_j \\tag{lone}$$\n")
    got = {r.id: r.verdict for r in Judge(R).check_all(extract(doc))}
    assert got["log"] == "correct" and got["sum"] == "correct" and got["paren"] == "correct"
    assert got["log-planted"] == "incorrect" and got["paren-planted"] == "incorrect"
    assert got["lone"] == "incorrect"  # right for i ≠ j only, and nothing in the answer says it is that case


def test_a_derivative_split_into_cases_in_the_prose():
    # Kyle Lo's softmax Jacobian: "for i = j entries" ∂ŷ_i/∂z_i = ŷ_i(1 − ŷ_i), "for i ≠ j entries" ∂ŷ_i/∂z_j = −ŷ_i ŷ_j
    doc = ("For $i = j$: $$\\frac{\\partial \\hat y_i}{\\partial z^{(2)}_i} = \\hat y_i (1 - \\hat y_i) \\tag{diag}$$\n\n"
           "For $i \\neq j$: $$\\frac{\\partial \\hat y_i}{\\partial z^{(2)}_j} = - \\hat y_i \\hat y_j \\tag{off}$$\n\n"
           "$$\\frac{\\partial \\hat y_i}{\\partial z^{(2)}_j} = \\hat y_i \\hat y_j \\tag{off-planted}$$\n")
    got = {r.id: r.verdict for r in Judge(R).check_all(extract(doc))}
    assert {k: got[k] for k in ("diag", "off", "off-planted")} == {"diag": "correct", "off": "correct", "off-planted": "incorrect"}


def test_the_layer_before_the_last_without_parentheses():
    doc = ("$$z^L = W^L a^{L-1} + b^L \\tag{z}$$\n\n"
           "$$\\frac{\\partial C}{\\partial W^{L}} = \\delta^{L} (a^{L-1})^T \\tag{W}$$\n\n"
           "$$\\frac{\\partial C}{\\partial W^{L}} = \\delta^{L} (a^{L})^T \\tag{W-planted}$$\n")
    got = {r.id: r.verdict for r in Judge(S).check_all(extract(doc))}
    assert got == {"z": "correct", "W": "correct", "W-planted": "incorrect"}


def test_a_delta_the_answer_defines_unreadably_is_not_read_as_gradprofs():
    # δ_2 numbered from the output (the hidden layer's): gradproof's δ_2 is layer 2's, the output's — a claim that
    # would hold in gradproof's numbering is not judged once the answer's own definition of δ_2 does not read
    uses = "$$\\frac{\\partial C}{\\partial b^{(2)}} = \\delta_2 \\tag{use}$$\n"
    assert judged(uses)["use"] == "correct"  # gradproof's reading of δ_2, with nothing to contradict it
    defined = ("$$\\delta_2 = \\frac{\\partial C}{\\partial \\widetilde{y}} \\frac{\\partial \\widetilde{y}}{s_2} W_2 "
               "\\frac{\\partial a_1}{\\partial s_1} \\tag{def}$$\n\n")
    got = judged(defined + uses)
    assert got["def"] == "unchecked" and got["use"] == "unchecked"
