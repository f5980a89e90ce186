"""Readings of the fifteenth round, verify15b (issue 10): worked numeric examples in a learner's own letters.

- a forward pass in bare names (``z1 = (w1 \\times x1 + w3 \\times x2 + b1)``): z1 is hidden unit 1's summed input and
  w1 … w4 the weights her own sums pair them with (unitnames.BareUnitReading); where no sums pair them certainly, a
  digit right after a letter names a unit or a weight, not a layer, so ``z1``, ``w1``, ``x1`` are unread — never layer
  1's vector (melfm's right sums were "expected 0.0904, the claim gives 2×1"); ``w5``, ``w6`` are Mazur's only in a layer
  whose products the answer pairs as Mazur numbers them;
- a step on the answer's own numbers: a product whose numbers leave out the answer's earlier value of one factor
  (``∂E/∂net × ∂net/∂out_{h1} = 0.7576 × 0.1784`` after ``∂net/∂out_{h1} = w5 = 0.4``), or letters whose earlier
  values do not give the numbers written (``σ(z1) = 1/(1 + e^{-0.3275})`` after ``z1 = 0.3325``), is unchecked, not
  correct on its formula links alone;
- an index whose range clashes between two layers only in the reading (a letter written here without the layer it
  carries elsewhere, a generic layer letter given a value where another value holds) is `unchecked`, never
  `incorrect`.

Every expected verdict comes from NumPy: the forward pass and the derivatives typed here (central differences for the
gradients), never from verify's output.
"""

from __future__ import annotations

import numpy as np
from helpers_verify import spec_text

SPEC = spec_text("melfm_like", 2, (2, "sigmoid"), (2, "sigmoid"), learning_rate=0.5)


def verify(tmp_path, body: str, spec_toml: str = SPEC):
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(spec_toml)
    (tmp_path / "answer.md").write_text(body)
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    return {r.id: r for r in results}


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# -- weights numbered one by one, bare ---------------------------------------------------------------------------------

#: a learner's forward pass in bare names: her w3 is on x2 into hidden unit 1 (Mazur's w_3 is on x_1 into unit 2);
#: her output layer is numbered as Mazur's (w5: h1 -> o1, w6: h2 -> o1), paired so in three sums
BARE = """\\begin{{align}}
    z1 = (w1 \\times x1 + w3 \\times x2 + b1) \\\\
    z2 = (w2 \\times x1 + w4 \\times x2 + b1)
\\end{{align}}

\\begin{{equation}}
    net_{{o1}} = w5 \\times out_{{h1}} + {second} \\times out_{{h2}} + b_2
\\end{{equation}}

\\begin{{equation}}
    net_{{o1}} = w5 \\times out_{{h1}} + w6 \\times out_{{h2}} + b_2
\\end{{equation}}

$$net_{{o1}} = out_{{h1}} \\times w5 + out_{{h2}} \\times w6 + b_2$$
"""


def forward():
    """A random point of the 2-2-2 network and her reading of it, by NumPy: her w1, w3 are W^{(1)}'s row 1 (into h1), her
    w2, w4 its row 2, one hidden bias b1 for both units; Mazur's w5, w6 W^{(2)}'s row 1."""
    rng = np.random.default_rng(15)
    x, W1, b1 = rng.normal(size=2), rng.normal(size=(2, 2)), rng.normal()
    w1, w2, w3, w4 = W1[0, 0], W1[1, 0], W1[0, 1], W1[1, 1]
    z = W1 @ x + b1
    assert np.allclose([w1 * x[0] + w3 * x[1] + b1, w2 * x[0] + w4 * x[1] + b1], z)  # her sums are right
    assert not np.isclose(w2 * x[0] + w3 * x[1] + b1, z[0])  # Mazur's numbering of the same sum is not
    h, W2, b2 = sigmoid(z), rng.normal(size=(2, 2)), rng.normal(size=2)
    w5, w6 = W2[0, 0], W2[0, 1]
    net_o1 = (W2 @ h + b2)[0]
    assert np.isclose(w5 * h[0] + w6 * h[1] + b2[0], net_o1) and not np.isclose(w5 * h[0] + w5 * h[1] + b2[0], net_o1)


def test_bare_names_read_as_her_own_sums_pair_them(tmp_path):
    """z1, z2 defined as sums of bare weights times bare inputs are hidden units 1, 2; w1 … w4 the weights her sums pair
    them with (w3: x2 → unit 1, not Mazur's x1 → unit 2), the bias b1 the unit's own: both sums right (NumPy); the
    output sum in Mazur's numbering right, with w5 for w6 wrong (NumPy: the two differ at a random point)."""
    forward()
    right = verify(tmp_path, BARE.format(second="w6"))
    assert right["line 2.1"].verdict == "correct" and right["line 3.2"].verdict == "correct"
    assert right["line 7"].verdict == "correct" and right["line 11"].verdict == "correct"
    planted = verify(tmp_path, BARE.format(second="w5"))
    assert planted["line 7"].verdict == "incorrect" and planted["line 11"].verdict == "correct"


def test_bare_names_no_sums_pair_are_not_layers(tmp_path):
    """Sums that pair one bare weight with two inputs (w1 on x1 into unit 1, on x2 into unit 2) number nothing
    certainly: the bare names stay unread — unchecked, never layer 1's vector (which made melfm's right sums "expected
    0.0904, the claim gives 2×1")."""
    forward()
    body = BARE.format(second="w6").replace("z2 = (w2 \\times x1 + w4 \\times x2 + b1)",
                                           "z2 = (w4 \\times x1 + w1 \\times x2 + b1)")
    assert "w1 \\times x2" in body
    out = verify(tmp_path, body)
    for claim in ("line 2.1", "line 3.2"):
        assert out[claim].verdict == "unchecked" and "numbers its weights one by one" in out[claim].message


OWN_STEP = """\\begin{{align}}
    z1 = (w1 \\times x1 + w3 \\times x2 + b1) \\\\
    z1 = (0.15 \\times 0.05 + 0.25 \\times 0.1 + 0.30) = 0.3325 \\\\
    z2 = (w2 \\times x1 + w4 \\times x2 + b1)
\\end{{align}}

$$a_{{h1}} = \\sigma (z1) = {step}$$
"""


def test_a_step_on_the_answers_own_values(tmp_path):
    """After z1 = … = 0.3325 (its arithmetic right: NumPy), a_{h1} = σ(z1) = 0.5824 is σ(0.3325) to the digits
    written (NumPy) and stays correct; written as 0.5842, the numbers are not the step's on the answer's own z1:
    unchecked (it was correct on the formula link alone); with e^{-0.3275} (melfm's slip, 0.5812 by NumPy) its own
    arithmetic fails: incorrect."""
    z1 = 0.15 * 0.05 + 0.25 * 0.1 + 0.30
    assert abs(z1 - 0.3325) < 1e-12 and abs(sigmoid(0.3325) - 0.5824) < 5e-5
    assert abs(sigmoid(0.3275) - sigmoid(0.3325)) > 1e-3 and abs(sigmoid(0.3325) - 0.5842) > 1e-3
    right = verify(tmp_path, OWN_STEP.format(step="0.5824"))
    assert right["line 7"].verdict == "correct", right["line 7"].message
    out = verify(tmp_path, OWN_STEP.format(step="0.5842"))
    assert out["line 7"].verdict == "unchecked" and "own earlier values" in out["line 7"].message
    # (sixteenth round, verify16b) written with e^{-0.3275}, its own arithmetic fails: 1/(1 + e^{-0.3275}) is 0.5812,
    # 0.21 % from the 0.5824 written — past a grader's 0.2 % and the rounding its numbers carry (the 1 % floor let
    # it pass): incorrect, as heldout15's grader has melfm's line 25
    assert abs(sigmoid(0.3275) - 0.5824) / sigmoid(0.3275) > 0.002
    out = verify(tmp_path, OWN_STEP.format(step="\\frac{1}{1 + e ^ {- 0.3275}} = 0.5824"))
    assert out["line 7"].verdict == "incorrect", out["line 7"].message


def test_code_style_layer_names_still_read(tmp_path):
    """Without a weight numbered past the layers, CS231n's code names keep their reading: z1 = W1 x + b1 is layer 1's
    summed input (right: NumPy's forward pass is that sum), z1 = W2 x + b1 is wrong (W2 is 2×2 here too, the values
    differ)."""
    rng = np.random.default_rng(3)
    x, W1, W2, b1 = rng.normal(size=2), rng.normal(size=(2, 2)), rng.normal(size=(2, 2)), rng.normal(size=2)
    assert not np.allclose(W1 @ x + b1, W2 @ x + b1)
    out = verify(tmp_path, "$$z1 = W1 x + b1$$\n\n$$z1 = W2 x + b1$$\n")
    assert out["line 1"].verdict == "correct" and out["line 3"].verdict == "incorrect"


# -- a product's numbers and the answer's own value of a factor ------------------------------------------------------

#: Mazur's network (his numbers): inputs 0.05, 0.10, targets 0.01, 0.99, w1 … w8, b1 = 0.35, b2 = 0.60
MAZUR = {"x": np.array([0.05, 0.10]), "t": np.array([0.01, 0.99]), "W1": np.array([[0.15, 0.20], [0.25, 0.30]]),
         "W2": np.array([[0.40, 0.45], [0.50, 0.55]]), "b1": 0.35, "b2": 0.60}


def mazur_values():
    """dE/dout_o1, dout_o1/dnet_o1, dE_o1/dnet_o1, dE_o1/dout_h1 of Mazur's network, by NumPy; the last also by a
    central difference of E_o1 = ½(t_1 − out_o1)² in out_h1."""
    m = MAZUR
    h = sigmoid(m["W1"] @ m["x"] + m["b1"])

    def e_o1(h1):
        o1 = sigmoid(m["W2"][0] @ np.array([h1, h[1]]) + m["b2"])
        return 0.5 * (m["t"][0] - o1) ** 2

    o1 = sigmoid(m["W2"][0] @ h + m["b2"])
    de_dout, dout_dnet = o1 - m["t"][0], o1 * (1 - o1)
    fd = (e_o1(h[0] + 1e-6) - e_o1(h[0] - 1e-6)) / 2e-6
    assert np.isclose(de_dout * dout_dnet * m["W2"][0, 0], fd, rtol=1e-6)
    return de_dout, dout_dnet, de_dout * dout_dnet, fd


STEP = """$$\\frac{{\\partial net_{{o1}}}}{{\\partial out_{{h1}}}} = w_5 = 0.40$$

$$\\frac{{\\partial E_{{o1}}}}{{\\partial out_{{h1}}}} = \\frac{{\\partial E_{{o1}}}}{{\\partial net_{{o1}}}} \\times
\\frac{{\\partial net_{{o1}}}}{{\\partial out_{{h1}}}} = {a} \\times {b} = {c}$$
"""


def test_a_product_without_the_stated_factor_is_not_correct(tmp_path):
    """After ∂net_{o1}/∂out_{h1} = w_5 = 0.40, a product ∂E_{o1}/∂net_{o1} × ∂net_{o1}/∂out_{h1} written with 0.40
    is checked on its arithmetic (right: 0.1385 × 0.40 = 0.0554, NumPy's value); written with two other numbers
    (0.7414 × 0.1868, the factors of ∂E_{o1}/∂net_{o1}: a result NumPy says is not ∂E_{o1}/∂out_{h1}) or with 0.45 for
    0.40 (w6's value), the arithmetic holds but the claim is unchecked, not correct (it was correct: a false accept)."""
    de_dout, dout_dnet, de_dnet, de_dh1 = mazur_values()
    assert round(de_dout, 4) == 0.7414 and round(dout_dnet, 4) == 0.1868 and round(de_dnet, 4) == 0.1385
    assert round(de_dh1, 4) == 0.0554
    assert abs(0.7414 * 0.1868 - de_dh1) > 0.05 and abs(0.1385 * 0.45 - de_dh1) > 0.005  # both would be accepted wrongly
    # (twenty-sixth round: every number put in must be one the answer states for its factor, so ∂E/∂net = 0.1385 is
    # stated first; without it the product is unchecked — test_twenty_sixth_round's rule)
    right = verify(tmp_path, "$$\\frac{\\partial E_{o1}}{\\partial net_{o1}} = 0.1385$$\n\n"
                   + STEP.format(a="0.1385", b="0.40", c="0.0554"))
    assert right["line 5"].verdict == "correct", right["line 5"].message
    unstated = verify(tmp_path, STEP.format(a="0.1385", b="0.40", c="0.0554"))
    assert unstated["line 3"].verdict == "unchecked", unstated["line 3"].message
    for a, b, c in (("0.7414", "0.1868", "0.1385"), ("0.1385", "0.45", "0.0623")):
        out = verify(tmp_path, STEP.format(a=a, b=b, c=c))
        assert out["line 3"].verdict == "unchecked", out["line 3"].message
        assert "own value" in out["line 3"].message


def test_a_factor_stated_later_does_not_count(tmp_path):
    """The value of a factor stated only AFTER the product is no earlier written number: the product's numbers are
    not tied to any statement (twenty-sixth round: unchecked, though its arithmetic, 0.7414 × 0.1868 = 0.1385 by
    NumPy's product, holds); stated before it, they are (correct)."""
    assert abs(0.7414 * 0.1868 - 0.1385) < 5e-5
    body = STEP.format(a="0.7414", b="0.1868", c="0.1385").split("\n\n", 1)
    out = verify(tmp_path, body[1] + "\n" + body[0] + "\n")
    assert out["line 1"].verdict == "unchecked", out["line 1"].message


# -- an index clash made by the reading -------------------------------------------------------------------------------

EPP_LIKE = """Let $z_j^\\ell = \\sum_k w_{{jk}}^\\ell a_k^{{\\ell-1}} + b_j^\\ell$ and $a_j^\\ell = g(z_j^\\ell)$, with
$C = \\frac12 \\sum_j (y_j - a_j^L)^2$.

\\[
    \\Delta_j^L = \\frac{{\\partial}}{{\\partial z_j^{by}}} \\left[\\frac12 \\left(y_j - g(z_j^L)\\right)^2 \\right] = {sign}g'(z_j^L)
    \\cdot (y_j - a_j^L)
\\]
"""


def output_delta():
    """−σ'(z)(y − σ(z)) is the central difference of ½ Σ (y − σ(z))² in z (NumPy), and +σ'(z)(y − σ(z)) is not."""
    rng = np.random.default_rng(7)
    z, y = rng.normal(size=2), rng.normal(size=2)
    fd = np.array([(0.5 * np.sum((y - sigmoid(z + e)) ** 2) - 0.5 * np.sum((y - sigmoid(z - e)) ** 2)) / 2e-6
                   for e in np.eye(2) * 1e-6])
    right = -sigmoid(z) * (1 - sigmoid(z)) * (y - sigmoid(z))
    assert np.allclose(fd, right, atol=1e-7) and not np.allclose(fd, -right)


def test_an_index_clash_made_by_a_generic_layer_is_not_a_mistake(tmp_path):
    """Epp's Δ_j^L = ∂/∂z_j^ℓ [½(y_j − g(z_j^L))²] = −g'(z_j^L)(y_j − a_j^L), ℓ a slip for L: at ℓ = 2 = L it reads
    and holds (NumPy), at ℓ = 1 the one index j would count 4 and 2 entries — a clash of the value given to ℓ, so the
    claim is unchecked (it was incorrect: a false reject); with the sign slipped it is wrong at ℓ = L, so incorrect.
    Written with ∂z_j^L the claim is judged: right, and wrong with the sign slipped."""
    output_delta()
    spec = spec_text("epp_like", 3, (4, "sigmoid"), (2, "sigmoid"))

    def delta_claim(by, sign):
        out = verify(tmp_path, EPP_LIKE.format(by=by, sign=sign), spec)
        return next(r for r in out.values() if "Delta" in r.latex)

    loose = delta_claim("\\ell", "-")
    assert loose.verdict == "unchecked" and "counts both" in loose.message, loose.message
    assert delta_claim("\\ell", "").verdict == "incorrect"
    assert delta_claim("L", "-").verdict == "correct"
    assert delta_claim("L", "").verdict == "incorrect"


def test_an_index_on_a_quantity_without_its_layer():
    """The clash's index written on a layered letter with no layer (Epp's a_j beside z_j^L), a letter the answer writes
    with its layer elsewhere, is named; with the layer written on every use (a_j^L, a^{(2)}_j, \\Delta_j^L), on another
    index only, a letter never layered, or in a claim that writes no layer at all (Haykin's unit letters), it is not."""
    from gradproof.verify.judge import layered_letters, unlayered_clash

    clash = "link 1 of 2: the index j counts both 2 entries and 4 entries"
    layered = layered_letters(["a_k^{\\ell} = g(z_k^\\ell)", "\\delta^{(2)}_j"])
    assert layered == {"a", "z", "delta"}
    assert unlayered_clash("-g'(z_j^L) \\cdot (y_j - a_j)", clash, layered) == "j"
    assert unlayered_clash("\\delta_{j} + z^{(2)}_j", clash, layered) == "j"
    assert unlayered_clash("-g'(z_j^L) \\cdot (y_j - a_j)", clash, frozenset({"z"})) is None  # a never layered
    for latex in ("-g'(z_j^L) (y_j - a_j^L)", "a^{(2)}_j + z^L_j", "\\Delta_j^L", "w_{jk} a_k^{L}", "y_j - a_k",
                  "\\delta_j(n) = \\varphi_j'(v_j(n)) \\sum_k \\delta_k(n) w_{jk}(n)"):  # (Haykin's: no layer written)
        assert unlayered_clash(latex, clash, layered) is None, latex
    assert unlayered_clash("y_j - a_j", "does not match the derived result") is None


def test_an_index_clash_between_written_layers_stays_wrong(tmp_path):
    """δ^{(2)}_j = a^{(1)}_j: both layers written (2 and 4 units: NumPy's shapes differ), the clash is the claim's own:
    incorrect."""
    spec = spec_text("epp_like", 3, (4, "sigmoid"), (2, "sigmoid"))
    assert np.zeros(2).shape != np.zeros(4).shape
    out = verify(tmp_path, "$$\\delta^{(2)}_j = a^{(1)}_j$$\n", spec)
    assert out["line 1"].verdict == "incorrect", out["line 1"].message


# -- an operator symbol the prose defines -------------------------------------------------------------------------------

PRODUCT = """Let $\\delta^{{(l)}} = \\frac{{\\partial C}}{{\\partial z^{{(l)}}}}$ with $C = \\frac12 \\|y - a^{{(2)}}\\|^2$.

\\begin{{equation}}
    \\delta^{{(1)}} = \\left[ {W} \\delta^{{(2)}} \\right] \\circledcirc \\sigma'(z^{{(1)}})
\\end{{equation}}
{prose}
"""


def test_an_operator_the_prose_defines_as_the_componentwise_product(tmp_path):
    """"where the symbol ⊚ means componentwise multiplication" (Epp's words): δ^{(1)} = [W^{(2)T} δ^{(2)}] ⊚ σ'(z^{(1)})
    is the central difference of C in z^{(1)} (NumPy, a 3-4-2 sigmoid net, W (out, in)), so correct; without the
    transpose wrong (its shapes do not even fit); with no such sentence the symbol stays unread."""
    spec = spec_text("epp_like", 3, (4, "sigmoid"), (2, "sigmoid"))
    rng = np.random.default_rng(5)
    z1, W2, b2, y = rng.normal(size=4), rng.normal(size=(2, 4)), rng.normal(size=2), rng.normal(size=2)

    def cost(z):
        return 0.5 * np.sum((y - sigmoid(W2 @ sigmoid(z) + b2)) ** 2)

    fd = np.array([(cost(z1 + e) - cost(z1 - e)) / 2e-6 for e in np.eye(4) * 1e-6])
    a2 = sigmoid(W2 @ sigmoid(z1) + b2)
    delta2 = (a2 - y) * a2 * (1 - a2)
    assert np.allclose((W2.T @ delta2) * sigmoid(z1) * (1 - sigmoid(z1)), fd, atol=1e-7)
    said = "where the symbol $\\circledcirc$ means componentwise multiplication."
    right = verify(tmp_path, PRODUCT.format(W="W^{(2)T}", prose=said), spec)
    assert right["line 4"].verdict == "correct", right["line 4"].message
    assert "\\circledcirc" in right["line 4"].latex  # shown as written
    assert verify(tmp_path, PRODUCT.format(W="W^{(2)}", prose=said), spec)["line 4"].verdict == "incorrect"
    unsaid = verify(tmp_path, PRODUCT.format(W="W^{(2)T}", prose=""), spec)["line 4"]
    assert unsaid.verdict == "unchecked" and "circledcirc" in unsaid.message


def test_stated_products():
    """The sentences that define a symbol as the componentwise product, and one that does not."""
    from gradproof.verify.proseoperators import stated_products

    assert stated_products("where the symbol $\\circledcirc$ means componentwise multiplication") == ("circledcirc",)
    assert stated_products("$\\boxdot$ denotes the element-wise product, \\star is the Hadamard product") == (
        "boxdot", "star")
    assert stated_products("where $\\circ$ means componentwise multiplication") == ()  # read by itself
    assert stated_products("the symbol $\\circledcirc$ means convolution") == ()


# -- plain TeX's {a \over b} --------------------------------------------------------------------------------------------

def test_plain_tex_over_is_a_fraction(tmp_path):
    """Tarjano writes fractions as ``{\\partial E \\over \\partial u_{11}}``, ``{1 \\over 2}``: read as \\frac. ∂J/∂z^{(2)} of
    ½‖ŷ − y‖² with sigmoid outputs is (ŷ − y) ⊙ ŷ ⊙ (1 − ŷ) (NumPy's central differences), so the claim written with
    \\over is correct and the one without σ' wrong; ``{1 \\over 2} \\|…\\|^2`` is the loss itself."""
    from gradproof.verify.normalize import plain_tex_over

    assert plain_tex_over("{\\partial E \\over \\partial u_{11}} = {1 \\over 2} x") == (
        "\\frac{\\partial E }{ \\partial u_{11}} = \\frac{1 }{ 2} x")
    assert plain_tex_over("{a \\overline{b}} + \\{a \\over b\\} + {a \\over b \\over c}") == (
        "{a \\overline{b}} + \\{a \\over b\\} + {a \\over b \\over c}")  # no fraction: not one \over in a group
    rng = np.random.default_rng(11)
    z, y = rng.normal(size=2), rng.normal(size=2)
    fd = np.array([(0.5 * np.sum((sigmoid(z + e) - y) ** 2) - 0.5 * np.sum((sigmoid(z - e) - y) ** 2)) / 2e-6
                   for e in np.eye(2) * 1e-6])
    yh = sigmoid(z)
    assert np.allclose((yh - y) * yh * (1 - yh), fd, atol=1e-7) and not np.allclose(yh - y, fd, atol=1e-3)
    spec = spec_text("over_like", 3, (4, "sigmoid"), (2, "sigmoid"))
    body = ("$$J = {1 \\over 2} \\|\\hat{y} - y\\|^2$$\n\n"
            "$${\\partial J \\over \\partial z^{(2)}} = (\\hat{y} - y) \\odot \\hat{y} \\odot (1 - \\hat{y})$$\n\n"
            "$${\\partial J \\over \\partial z^{(2)}} = \\hat{y} - y$$\n")
    out = verify(tmp_path, body, spec)
    assert out["line 1"].verdict == "correct" and out["line 3"].verdict == "correct"
    assert out["line 5"].verdict == "incorrect"
