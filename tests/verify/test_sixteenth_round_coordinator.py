"""Ids of the sixteenth round's coordinator (issue 10, heldout16's first measurement: 44 ids not found, each a display
verify did not see or numbered against the documented rule): MathJax 2's own markup
``<script type="math/tex; mode=display">`` (kramdown and Jekyll posts; kramdown's ``$$…$$`` inside a line of prose stays
a span counted by the documented rule, ``line N#k``), and MathJax's ``\\displaylines{…}`` whose rows (broken by
``\\\\[5mm]``) are ``line N.k``, N the row's own line, a ``\\text{and}`` row counted among the rows but no claim."""

from __future__ import annotations

import numpy as np
from helpers_verify import spec_text
from test_fifteenth_round_coordinator import HEADER, by_id, verify

# HEADER (lines 1-6, the 6th blank) defines the batch and the objective; the network is 3-4(relu)-3(softmax), samples as rows.
GOOD_Z = "Z^{(1)} = X W^{(1)\\top} + b^{(1)}"
GOOD_A = "A^{(1)} = \\max(0, Z^{(1)})"
BAD_A = "A^{(1)} = \\sigma(Z^{(1)})"  # (planted: σ for the network's ReLU)


def test_a_mathjax_script_display_is_a_display(tmp_path):
    """A Jekyll post's ``<script type="math/tex; mode=display">`` … ``</script>``: a display, its claim named by the
    line its text starts on; the planted one judged incorrect, the right one correct."""
    body = HEADER + (f"<script type=\"math/tex; mode=display\">\n{GOOD_Z}\n</script>\n\n"
                     f"<script type=\"math/tex; mode=display\">\n{BAD_A}\n</script>\n")
    got = by_id(verify(tmp_path, body))
    assert got["line 8"].verdict == "correct"
    assert got["line 12"].verdict == "incorrect"


def test_a_mathjax_script_without_display_mode_is_inline(tmp_path):
    """``<script type="math/tex">`` is MathJax 2's inline math: a relation in it is the line's claim."""
    body = HEADER + f"The layer is <script type=\"math/tex\">{BAD_A}</script> here.\n"
    got = by_id(verify(tmp_path, body))
    assert got["line 7"].verdict == "incorrect"


def test_display_dollars_inside_a_sentence_count_as_spans(tmp_path):
    """kramdown writes inline math as ``$$…$$`` inside a line of prose: the documented rule counts every span of the
    line, a relation-less ``$$m$$`` too, so the line's one relation after two such spans is ``line N#3`` (heldout9's
    ids were written so; a rubric naming them keeps its meaning)."""
    body = HEADER + (f"Write $$m$$ for the batch and $$i$$ for a row; then $${BAD_A}$$.\n\n$$\n{GOOD_Z}\n$$\n")
    got = by_id(verify(tmp_path, body))
    assert got["line 7#3"].verdict == "incorrect"
    assert got["line 10"].verdict == "correct"


def test_displaylines_rows_are_numbered_by_their_own_lines(tmp_path):
    """``$$ \\displaylines{ a \\\\[5mm] b } $$``: the frame is layout only; row 1 starts on the line after the frame's
    opener, row 2 on its own line after ``\\\\[5mm]``; a ``\\text{and}`` row keeps its number but is no claim."""
    body = HEADER + (f"$$\n\\displaylines{{\n{GOOD_Z}\n\\\\[5mm]\n{BAD_A}\n\\\\[5mm]}}\n$$\n\n"  # lines 7-13
                     f"$$\n\\displaylines{{{GOOD_Z}\n\\\\[3mm]\n\\text{{and}}\n\\\\[3mm]\n{GOOD_A}\n}}\n$$\n")  # 15-22
    got = by_id(verify(tmp_path, body))
    assert got["line 9.1"].verdict == "correct" and got["line 11.2"].verdict == "incorrect"
    assert got["line 16.1"].verdict == "correct" and got["line 20.3"].verdict == "correct"
    assert "line 18.2" not in got


# -- a user's check on a notebook no corpus holds (LexAI's XOR-ish walk-through: 2-1-1 sigmoid net, BCE, one step) --

WORKED = ("* $x = \\begin{bmatrix} 1 \\\\ 0 \\end{bmatrix}$\n* $y = 1$\n"
          "* $W_1 = \\begin{bmatrix} 0.5 & -0.5 \\end{bmatrix}$\n* $b_1 = 0$\n"
          "* $W_2 = \\begin{bmatrix} 1 \\end{bmatrix}$\n* $b_2 = 0$\n\n")  # (lines 1-7)


def _sigmoid(v):
    return 1.0 / (1.0 + np.exp(-v))


def _hand_step(lr: float = 0.1) -> float:
    """b_1 after one SGD step, by hand in NumPy (BCE on a sigmoid output: δ_2 = ŷ − y; δ_1 = W_2ᵀ δ_2 ⊙ a_1(1 − a_1))."""
    x, y = np.array([1.0, 0.0]), 1.0
    W1, b1, W2, b2 = np.array([[0.5, -0.5]]), np.zeros(1), np.array([[1.0]]), np.zeros(1)
    a1 = _sigmoid(W1 @ x + b1)
    d2 = _sigmoid(W2 @ a1 + b2) - y
    d1 = (W2.T @ d2) * a1 * (1 - a1)
    return float(b1[0] - lr * d1[0])


def verify_worked(tmp_path, body: str):
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(spec_text("lexai", 2, (1, "sigmoid"), (1, "sigmoid"),
                                                  loss="binary_cross_entropy"))
    (tmp_path / "answer.md").write_text(WORKED + body)
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    return {r.id: r for r in results}


def test_a_mistake_is_named_only_when_the_written_digits_tell_it_from_the_right_value(tmp_path):
    """``b_1 := 0 + 0.1 · (−0.082)`` (the update's sign flipped, its learning rate written to one digit): incorrect, and
    no catalogue mistake is named — at ±0.05, the rounding of the "0.1" written, every wrong φ' (tanh², σ²) and a
    transpose of a scalar are as close as the right value, so none of them is the diagnosis (it said "φ' of tanh" on a
    network with no tanh). The right step, and the same sign slip written to enough digits, keep their verdicts."""
    right = _hand_step()
    assert abs(right - 0.0082) < 5e-5  # (the notebook's 0.0082)
    got = verify_worked(tmp_path, "* $b_1 := 0 + 0.1 \\cdot (-0.082)$\n\n* $b_1 := 0 - 0.1 \\cdot (-0.082)$\n")
    slip, fine = got["line 8"], got["line 10"]
    assert slip.verdict == "incorrect" and fine.verdict == "correct"
    assert "tanh" not in slip.message and "σ" not in slip.message and "transpose" not in slip.message
    assert slip.diagnosis is None


def test_a_delta_described_in_words_keeps_its_mathematical_definition(tmp_path):
    """``δ_1 = (W_2ᵀ δ_2) ⊙ σ'(z_1)``, then ``δ_1 = \\text{error flowing into hidden layer}`` (a description, not a
    definition), then ``∂L/∂W_1 = x δ_1ᵀ`` (planted: transposed): judged — incorrect — on δ_1's mathematical meaning,
    not left unchecked because of the words; the right ``δ_1 xᵀ`` correct."""
    body = ("$$\n\\delta_2 = \\hat{y} - y\n$$\n\n$$\n\\delta_1 = (W_2^T \\cdot \\delta_2) \\cdot \\sigma'(z_1)\n$$\n\n"
            "$$\n\\delta_1 = \\text{error flowing into hidden layer}\n$$\n\n"
            "$$\n\\frac{\\partial L}{\\partial W_1} = x \\cdot \\delta_1^T\n$$\n\n"
            "$$\n\\frac{\\partial L}{\\partial W_1} = \\delta_1 \\cdot x^T\n$$\n")  # (claims at lines 9, 13, 17, 21, 25)
    got = verify_worked(tmp_path, body)
    assert got["line 13"].verdict == "correct"
    assert got["line 17"].verdict == "unchecked"
    assert got["line 21"].verdict == "incorrect" and got["line 25"].verdict == "correct"


# -- a user's check on mihai2014's gradients notebook (logistic regression z = w_1 x_1 + w_2 x_2 + b, BCE) -----------


def verify_logistic(tmp_path, body: str):
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(spec_text("mihai", 2, (1, "sigmoid"), loss="binary_cross_entropy"))
    (tmp_path / "answer.md").write_text("$z = w_1 x_1 + w_2 x_2 + b$\n\n" + body)  # (line 1; claims from line 3)
    results, meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    return {r.id: r for r in results}, meta


def _bce_gradient_by_differences(w, b, x, y, h=1e-6):
    """∂Loss/∂w by central differences of the per-example binary cross-entropy of σ(w·x + b)."""
    def loss(wv):
        p = _sigmoid(wv @ x + b)
        return -(y * np.log(p) + (1 - y) * np.log(1 - p))

    return np.array([(loss(w + h * e) - loss(w - h * e)) / (2 * h) for e in np.eye(len(w))])


def test_weights_numbered_by_their_inputs_in_a_sum_with_a_bias_letter(tmp_path):
    """``z = w_1 x_1 + w_2 x_2 + b`` (no w_0): in a network of one layer of one unit, w_2 can be no layer's weight, so
    w_k is the unit's weight on x_k. ``dLoss/dw_1 = (ŷ − y) x_1`` is correct and the planted ``dLoss/dw_2 = (ŷ − y)
    x_1`` incorrect — as central differences of the loss say at a random point; ``\\frac{dLoss}{{dw}_{1}}`` (the
    differential's d and letter braced, the subscript outside) is the same derivative."""
    rng = np.random.default_rng(16)
    w, b, x, y = rng.normal(size=2), 0.3, rng.normal(size=2), 1.0
    fd = _bce_gradient_by_differences(w, b, x, y)
    p = _sigmoid(w @ x + b)
    assert abs(fd[0] - (p - y) * x[0]) < 1e-6 and abs(fd[1] - (p - y) * x[0]) > 1e-3  # (the plant is wrong here)
    got, meta = verify_logistic(tmp_path, "$\\frac{dLoss}{dw_1} = (\\hat{y}-y) x_1$\n\n"
                                          "$\\frac{dLoss}{dw_2} = (\\hat{y}-y) x_1$\n\n"
                                          "$\\frac{dLoss}{{dw}_{1}} = (\\hat{y}-y) x_1$\n")
    assert got["line 3"].verdict == "correct" and got["line 5"].verdict == "incorrect"
    assert got["line 7"].verdict == "correct"
    assert any("w_k is the one unit's weight on x_k" in n for n in meta["notation"])


def test_d_over_d_is_a_derivative_never_a_ratio_of_gradients(tmp_path):
    """``\\frac{dz}{dw1} = x_1`` is ∂z/∂w_1 (z of one unit is its one entry): correct; read as Ng's dz divided by dw_1
    it was δ/(δ x_1) = 1/x_1, a false reject. The planted ``\\frac{dz}{dw_2} = x_1``: incorrect."""
    got, _ = verify_logistic(tmp_path, "$\\frac{dz}{dw1} = x_1$\n\n$\\frac{dz}{dw_2} = x_1$\n")
    assert got["line 3"].verdict == "correct" and got["line 5"].verdict == "incorrect"


def test_the_chain_rule_stated_for_generic_functions_is_not_judged_on_the_network(tmp_path):
    """``(f(g(x)))' = f'(g(x)) · g'(x)``: f and g are any functions (no weights between them, no layer applies φ to φ):
    unchecked, not a false reject with f and g read as the network's activation."""
    got, _ = verify_logistic(tmp_path, "$(f(g(x)))'\\quad =\\quad f'(g(x))\\cdot g'(x)$\n")
    assert got["line 3"].verdict == "unchecked"
    assert "chain rule" in got["line 3"].message


def test_a_formula_editors_braced_letters_a_spelled_rate_and_a_mean_gradient(tmp_path):
    """mihai2014's ``{ z }={ w }_{ 1 }{ x }_{ 1 }+{ w }_{ 2 }{ x }_{ 2 }+{ b }`` (each letter braced before its script),
    ``w_{1}=w_{1}-alpha\\cdot \\overline {dw_{1}}`` (the rate without its backslash, the mean of the examples'
    gradients — the gradient of the mean objective, Ng's dw_1): read, correct; the planted ``+alpha`` step incorrect.
    ``\\hat{y}_1``-like command arguments keep their groups."""
    body = ("${ z }={ w }_{ 1 }{ x }_{ 1 }+{ w }_{ 2 }{ x }_{ 2 }+{ b }$\n\n"
            "$w_{1}=w_{1}-alpha\\cdot \\overline {dw_{1}}$\n\n$w_{2}=w_{2}+alpha\\cdot \\overline {dw_{2}}$\n\n"
            "$b=b-\\alpha\\cdot \\overline {db}$\n")
    got, _ = verify_logistic(tmp_path, body)
    assert got["line 3"].verdict == "correct"
    assert got["line 5"].verdict == "correct" and got["line 7"].verdict == "incorrect"
    assert got["line 9"].verdict == "correct"


def test_braced_letters_after_a_command_keep_their_group():
    """``\\hat{y}_1``, ``\\mathbf{W}^{T}``: the braces are the command's argument — unchanged by the braced-letter reading."""
    from gradproof.verify.normalize import normalize

    assert normalize("{ w }_{ 1 }") == normalize("w_{ 1 }")
    assert normalize("\\hat{y}_1").startswith("\\haty")  # (\hat's argument, not a bare y)
    assert normalize("\\theta + \\beta") == "\\theta + \\beta"  # (the eta inside them is no rate)
    assert normalize("w - alpha dw") == "w - \\alpha dw"


# -- a user's check on snowch's edge-detector post (25-8-2, ReLU, softmax, cross-entropy; bare z in two sections) --


def verify_edge(tmp_path, body: str):
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(spec_text("edge", 3, (4, "relu"), (2, "softmax"), loss="cross_entropy",
                                                  convention="column"))
    (tmp_path / "answer.md").write_text(body)
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    return {r.id: r for r in results}


EDGE = ("$$z = \\sum_{i} x_i \\cdot w_i + b$$\n\n$$h = \\text{ReLU}(z) = \\max(0, z)$$\n\n"  # (lines 1, 3: a neuron)
        "$$p_j = \\frac{z_j}{\\sum_k z_k}$$\n\n"  # (line 5: the naive normalisation the post shows first)
        "$$p_j = \\frac{e^{z_j}}{\\sum_{k} e^{z_k}}$$\n\n"  # (line 7: the output's softmax, of the output's bare z)
        "$$L = -\\sum_{j} y_j \\cdot \\log(p_j)$$\n\n$$\\frac{\\partial L}{\\partial z_j} = p_j - y_j$$\n")  # (9, 11)


def test_a_softmax_of_bare_z_names_the_output_layer_not_the_hidden_one(tmp_path):
    """z without a layer is read as the hidden layer's (the neuron ``h = max(0, z)``), but ``p_j = e^{z_j} / Σ_k
    e^{z_k}`` is the output's softmax: the cross-entropy ``L = -Σ_j y_j log p_j`` and ``∂L/∂z_j = p_j − y_j`` — right
    for the output layer, as the NumPy check below shows — are never judged incorrect on the hidden layer's reading."""
    rng = np.random.default_rng(3)
    z, y = rng.normal(size=2), np.array([0.0, 1.0])

    def loss(v):
        p = np.exp(v) / np.exp(v).sum()
        return -(y * np.log(p)).sum()

    p = np.exp(z) / np.exp(z).sum()
    fd = np.array([(loss(z + 1e-6 * e) - loss(z - 1e-6 * e)) / 2e-6 for e in np.eye(2)])
    assert np.allclose(fd, p - y, atol=1e-6)  # (the claims are right for the output layer)
    got = verify_edge(tmp_path, EDGE)
    assert got["line 9"].verdict != "incorrect" and got["line 11"].verdict != "incorrect"
    assert got["line 5"].verdict != "correct"  # (the answer's own p_j, never judged against itself)


def test_a_learning_rate_the_text_tries_is_not_judged_against_the_specs(tmp_path):
    """"α = 1.0: too large; α = 0.0001: too small": settings the text tries, unchecked; the spec's own α = 0.1 restated
    is correct."""
    got = verify_edge(tmp_path, "$$\\alpha = 1.0$$\n\n$$\\alpha = 0.0001$$\n\n$$\\alpha = 0.1$$\n")
    assert got["line 1"].verdict == "unchecked" and got["line 3"].verdict == "unchecked"
    assert "learning rate" in got["line 1"].message
    assert got["line 5"].verdict == "correct"


def test_a_softmax_of_a_bare_z_the_answer_already_made_the_outputs_changes_nothing(tmp_path):
    """Malik's ``z = h W_2 + b_2`` makes his bare z the output's; ``p = \\mathrm{softmax}(z)`` then agrees with it, so the
    planted ``\\delta z = P - Y`` (the mean's 1/N lost: the batch is 3 rows here) stays incorrect — the softmax rule
    unjudges only a bare reading it contradicts."""
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(spec_text("malik", 3, (4, "relu"), (2, "softmax"), loss="cross_entropy",
                                                  convention="column"))
    body = ("\\[ a_1 = X W_1 + b_1 \\]\n\n\\[ h = \\mathrm{ReLU}(a_1) = \\max(0, a_1) \\]\n\n\\[ z = hW_2 + b_2 \\]\n\n"
            "\\[ p = \\mathrm{softmax}(z) \\]\n\n"
            "\\[ L = - \\frac{1}{N} \\sum_{i=1}^N \\sum_{c=1}^C Y_{ic} \\log P_{ic} \\]\n\n\\[ \\delta z = P - Y \\]\n")
    (tmp_path / "answer.md").write_text(body)
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    got = {r.id: r for r in results}
    assert got["line 11"].verdict == "incorrect"


def test_a_number_for_a_one_by_one_quantity_is_shown_as_its_value(tmp_path):
    """A wrong number for b_1 (1×1 in the network): the counterexample keeps the two shapes (how a generic claim finds
    the layers that fit) and adds the claim's value and the expected one (the hand step's), which the report shows
    instead of "shape [], expected [1, 1]"."""
    from gradproof.verify.report import text_report

    got = verify_worked(tmp_path, "* $b_1 := 0.05$\n")
    ce = got["line 8"].counterexample
    assert got["line 8"].verdict == "incorrect" and "expected_shape" in ce
    assert ce["claimed_value"] == 0.05 and abs(ce["expected_value"] - _hand_step()) < 1e-9
    assert "the claim is 0.05" in text_report([got["line 8"]], "header")


def test_inline_math_opening_with_a_relation_does_not_continue_the_display_before(tmp_path):
    """cjhjhj's "ReLU ($=max(0, x)$) operation …" after a display of Z: the inline formula's subject is the sentence's
    word ReLU, not the display's Z — unchecked, never judged as "Z = max(0, x)"; a display opening with = still goes on
    from the display before it (the documented rule)."""
    body = HEADER + (f"$$\n{GOOD_Z}\n$$\n\n$$\n= X W^{{(1)\\top}} + b^{{(1)}}\n$$\n\n"  # (lines 7-9, 11-13)
                     "ReLU ($=max(0, x)$) operation on it.\n")  # (line 15)
    got = by_id(verify(tmp_path, body))
    assert got["line 8"].verdict == "correct" and got["line 12"].verdict == "correct"
    assert got["line 15"].verdict == "unchecked"


# -- heldout16's kept walk-through (sreekanth_tiny): values given in code spans, a link with some letters replaced ----

TINY_SPEC = ("name = \"tiny\"\nconvention = \"row\"\ninputs = 1\n\n[[layers]]\nunits = 1\nactivation = \"relu\"\n"
             "bias = false\n\n[[layers]]\nunits = 1\nactivation = \"sigmoid\"\nbias = false\n\n[loss]\n"
             "name = \"binary_cross_entropy\"\n\n[optimizer]\nname = \"sgd\"\nlearning_rate = 0.1\n")
TINY = ("* A **single input**: `x = 1.0`\n* One **hidden neuron** with weight `w1 = 0.5`\n"
        "* One **output neuron** with weight `w2 = 0.5`\n\n")  # (lines 1-4)


def verify_tiny(tmp_path, body: str):
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(TINY_SPEC)
    (tmp_path / "answer.md").write_text(TINY + body)
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    return {r.id: r for r in results}


def test_values_given_in_code_spans_are_exact_in_the_answers_arithmetic(tmp_path):
    """`w2 = 0.5` given in the prose and the spec's rate 0.1 are exact: ``0.5 - 0.1 · 0.069 = 0.5069`` is wrong (it is
    0.4931, NumPy below), not within "the rounding of 0.5 written to one digit"; the right 0.4931 is correct."""
    assert abs((0.5 - 0.1 * 0.069) - 0.4931) < 5e-5 and abs((0.5 - 0.1 * 0.069) - 0.5069) > 0.01
    step = "$$\nw_2 = w_2 - \\eta \\cdot \\frac{dL}{dw_2} = 0.5 - 0.1 \\cdot 0.069 = %s\n$$\n\n"
    # (twenty-sixth round: the 0.069 put in for dL/dw_2 is tied to the answer's own statement of it, line 6)
    stated = "$$\n\\frac{dL}{dw_2} = 0.069\n$$\n\n"
    got = verify_tiny(tmp_path, stated + step % "0.5069" + step % "0.4931")  # (lines 10, 14)
    assert got["line 10"].verdict == "incorrect" and got["line 14"].verdict == "correct", got["line 14"].message


def test_a_link_with_the_answers_own_number_for_a_letter_is_its_own_numbers(tmp_path):
    """``\\frac{dL}{dz_2} \\cdot \\frac{dz_2}{dw_2} = 0.138 \\cdot a_1``: 0.138 is the answer's own value of dL/dz_2, which
    no random point has (stated at line 6) — the link is left out as the answer's own numbers (it was a false reject),
    the formula link
    and the arithmetic judged; a wrong formula link (``dz_2/dw_2`` for the chain's ``dz_2/da_1``) stays incorrect."""
    stated = "$$\n\\frac{dL}{dz_2} = 0.562 \\cdot 0.246 \\approx 0.138\n$$\n\n"  # (line 6: its own value)
    good = ("$$\n\\frac{dL}{dw_2} = \\frac{dL}{dz_2} \\cdot \\frac{dz_2}{dw_2} = 0.138 \\cdot a_1 = 0.138 \\cdot 0.5 = 0.069"
            "\n$$\n\n")  # (line 10)
    bad = "$$\n\\frac{dL}{da_1} = \\frac{dL}{dz_2} \\cdot \\frac{dz_2}{dw_2} = 0.138 \\cdot 0.5 = 0.069\n$$\n"  # (line 14)
    # (twenty-sixth round: the 0.5 put in for a_1 is tied to the answer's own statement of it, line 6)
    got = verify_tiny(tmp_path, "$$\na_1 = 0.5\n$$\n\n" + stated + good + bad)  # (lines 10, 14, 18)
    assert got["line 14"].verdict == "correct", got["line 14"].message
    assert got["line 18"].verdict == "incorrect"
    untied = verify_tiny(tmp_path, stated + good)  # (a_1's 0.5 stated nowhere: the substitution is not checked)
    assert untied["line 10"].verdict == "unchecked", untied["line 10"].message
