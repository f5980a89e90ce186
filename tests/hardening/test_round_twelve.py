"""Hostile input, round twelve (issue 12, thirteenth pass): what the twelfth round added, attacked — index notation
with the summation convention (verify/einstein.py: an index written three times was summed over all three, a product
of 26 summed indices ran NumPy's one loop over every index, 13 contractions through W took > 120 s, 1000 factors said
"incorrect: too many operands"), a layer norm in its own intermediates (verify/intermediates.py: one claim nested deeper
than Python's stack ended the whole reading), and identical claims judged one by one (2000 copies: every copy read in
both layouts, then again). benchmarks/probe_hostile.py ("r12:" probes) runs the same classes through the real CLI with
time and memory measured (docs/RELIABILITY.md, "Round twelve"). Bounds are on CPU time, so a loaded machine does not
fail them. Oracles: NumPy by hand (sums of powers, the layer norm's forward pass), δ⁽²⁾ = ŷ − y by hand."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import IndexEnv as Env  # (letters with fixed values: einstein's Env API)
from gradproof.verify import einstein
from gradproof.verify.document import extract
from test_round_ten import RIGHT, _judge, cpu  # (a two-layer network: identity output, squared error; CPU time)

RNG = np.random.default_rng(12)


LETTERS = "abcdefghklmnopqr"  # (16 index letters; i, j kept for the free ones)


# -- the summation convention: an index written three times, products of many factors ---------------------------------------
def test_an_index_written_three_times_is_not_read():
    """The convention sums an index written twice; written three times (e_i e_i e_i) it says nothing — before, all
    three were summed, so L = Σ e_i³ was judged ``correct``. Written twice it is still summed (NumPy: Σ e_i²)."""
    e = RNG.normal(size=3)
    env = Env({"e": e}, (("q", lambda v: float(np.sum(v["e"] ** 3))), ("p", lambda v: float(np.sum(v["e"] ** 2)))))
    three = einstein.judge(r"q = e_i e_i e_i", [env])
    assert three.verdict is None and "written 3 times" in three.message
    assert einstein.judge(r"p = e_i e_i", [env]).verdict == "correct"
    assert einstein.judge(r"p = e_i e_i e_i", [env]).verdict is None  # (not "incorrect" either: not read)


def test_the_chain_rule_by_entries_keeps_its_shared_index():
    """Josh Levy-Kramer's ∂σ/∂x_n = 1_j ∂e^{x_j}/∂x_j ∂x_j/∂x_n: j on three factors, two of them derivatives (the
    chain rule entry by entry), is read as before. Oracle: σ = Σ_j e^{x_j}, so ∂σ/∂x_n = e^{x_n} (by hand)."""
    x = RNG.normal(size=4)
    env = Env({"x": x}, (("sigma", lambda v: float(np.sum(np.exp(v["x"])))),))
    latex = (r"\frac{\partial \sigma}{\partial x_{n}} = \mathbf{1}_{j} \frac{\partial e^{x_{j}}}{\partial x_{j}} "
             r"\frac{\partial x_{j}}{\partial x_{n}}")
    assert einstein.judge(latex, [env]).verdict == "correct"
    assert einstein.judge(latex.replace(r"\mathbf{1}_{j}", "2 \\mathbf{1}_{j}"), [env]).verdict == "incorrect"


def test_a_product_of_sixteen_summed_indices_is_contracted_in_order():
    """x_a x_a x_b x_b … (16 summed indices of 3 values: 3¹⁶ = 4.3·10⁷ terms in NumPy's one loop) is (Σ x²)¹⁶ by hand;
    contracted pairwise it takes a few hundred multiplications."""
    x = RNG.normal(size=3) * 0.8
    env = Env({"x": x})
    t0 = cpu()
    got = einstein.evaluate(einstein.read("q = " + " ".join(f"x_{c} x_{c}" for c in LETTERS))[1], env, frozenset())
    assert cpu() - t0 < 2
    assert np.isclose(float(got.arr), float(np.sum(x ** 2)) ** 16)


def test_a_product_beyond_the_bounds_is_not_read():
    """33 factors (NumPy's einsum takes 32: before, "incorrect: too many operands"), and 16 free indices of 3 values
    (an outer product of 4.3·10⁷ entries, more than MAX_WORK multiplications whatever the order): not read."""
    env = Env({"x": RNG.normal(size=3)})
    keep = frozenset("ij")
    with pytest.raises(einstein.Unread, match="33 factors"):
        einstein.evaluate(einstein.read("q = " + " ".join(["x_i"] * 33))[1], env, keep)
    t0 = cpu()
    with pytest.raises(einstein.Unread, match="multiplications"):
        einstein.evaluate(einstein.read("q = " + " ".join(f"x_{c}" for c in LETTERS))[1], env, frozenset(LETTERS))
    assert cpu() - t0 < 2


# -- intermediates: one claim too deep no longer ends the reading -----------------------------------------------------------
LN = ('name = "ln"\nconvention = "row"\ninputs = 4\n\n[[layers]]\nkind = "layernorm"\neps = 1e-5\n\n[[layers]]\nunits = 2\n'
      'activation = "identity"\n\n[loss]\nname = "squared_error"\n\n[optimizer]\nname = "sgd"\nlearning_rate = 0.01\n')
FORWARD = (r"$$\mu = \frac{1}{D}\sum_{i=1}^{D} x_i \tag{mu}$$" "\n\n"
           r"$$\sigma^2 = \frac{1}{D}\sum_{i=1}^{D}(x_i - \mu)^2 \tag{var}$$" "\n\n"
           r"$$\hat{x}_i = \frac{x_i - \mu}{\sqrt{\sigma^2 + \varepsilon}} \tag{xhat}$$" "\n\n"
           r"$$y_i = \gamma_i \hat{x}_i + \beta_i \tag{y}$$" "\n\n"
           r"$$\frac{\partial L}{\partial \gamma_i} = dy_i \cdot \hat{x}_i \tag{dg}$$" "\n\n")


def test_a_claim_nested_too_deep_leaves_the_layer_norm_reading(tmp_path):
    """A Σ_{p≠j} nested 200 deep passed Python's stack while the answer's own names were bound: the whole reading was
    dropped, and D (the number of features) became an unknown symbol in every claim. The layer norm's forward pass as
    written is the layer's (by hand: μ, σ², x̂, y), and dL/dγ_i = dy_i x̂_i for one row (y_i = γ_i x̂_i + β_i)."""
    from gradproof.verify.cli import verify_file

    deep = "$$dx_j = " + "\\sum_{p \\neq j} (" * 200 + "d\\hat{x}_p" + ")" * 200 + " \\tag{deep}$$\n\n"
    (tmp_path / "s.toml").write_text(LN)
    (tmp_path / "h.md").write_text(FORWARD + deep)
    results, _, _ = verify_file(str(tmp_path / "h.md"), str(tmp_path / "s.toml"))
    got = {r.id: r for r in results}
    for cid in ("mu", "var", "xhat", "y", "dg"):
        assert got[cid].verdict == "correct", (cid, got[cid].message)
    assert got["deep"].verdict == "unchecked"


# -- identical claims judged once ---------------------------------------------------------------------------------------------
def test_identical_claims_are_judged_once_and_each_id_reported():
    """2000 copies of δ⁽²⁾ = ŷ − y (right, by hand) and of δ⁽²⁾ = y − ŷ (wrong) interleaved: every id gets its own
    result with its own verdict. Before, each copy was read in both layouts, then again (2.7 CPU s here)."""
    text = "".join(f"$$\\delta^{{(2)}} = \\hat y - y \\tag{{r{k}}}$$\n\n$$\\delta^{{(2)}} = y - \\hat y \\tag{{w{k}}}$$\n\n"
                   for k in range(990)) + RIGHT
    judge = _judge()
    t0 = cpu()
    results = judge.check_all(extract(text))
    assert cpu() - t0 < 2.5
    assert [r.id for r in results] == [i for k in range(990) for i in (f"r{k}", f"w{k}")] + ["d2"]
    assert all(r.verdict == ("incorrect" if r.id.startswith("w") else "correct") for r in results)
    assert len({id(r) for r in results}) == len(results) and len({id(r.notes) for r in results}) == len(results)


def test_an_identical_claim_in_another_reading_is_judged_again():
    """The same text after the answer reassigns a symbol (Goodfellow's g ←, infer.reassigned) means another thing:
    g is ∇_ŷ J = ŷ − y first (δ⁽²⁾ = g right, by hand), then g ← ∇_{h⁽¹⁾} J (δ⁽²⁾ = g wrong: a 3-vector)."""
    text = ("$$g \\leftarrow \\nabla_{\\hat y} J = \\hat y - y$$\n\n$$\\delta^{(2)} = g \\tag{a}$$\n\n"
            "$$g \\leftarrow \\nabla_{h^{(1)}} J = {W^{(2)}}^\\top g$$\n\n$$\\delta^{(2)} = g \\tag{b}$$\n\n" + RIGHT)
    got = {r.id: r.verdict for r in _judge().check_all(extract(text))}
    assert got["a"] == "correct" and got["b"] != "correct" and got["d2"] == "correct"


# -- the readings after the claims' loop at the run's soft deadline -----------------------------------------------------------
XIE = ('name = "randxie"\nconvention = "row"\ninputs = 3\nlayers = [{units = 2, activation = "sigmoid", bias = false}]\n'
       'loss = {name = "squared_error"}\noptimizer = {name = "sgd", learning_rate = 0.1}\n')
XIE_DOC = ("Einstein notation: a repeated index is summed.\n\n$$z = Wx$$\n\n$$y = \\sigma(z)$$\n\n"
           "$$e_i = y_{\\text{true}, i} - y_i$$\n\n$$L = e_i e_i$$\n\n$$\\frac{\\partial L}{\\partial y_i} = 2 e_i (-1)$$\n\n"
           "$$z_i = W_{ij} x_j$$\n\n$$\\frac{\\partial L}{\\partial W_{ij}} = \\frac{\\partial L}{\\partial z_i} x_j \\tag{dw}$$\n\n")


class _Overdue:
    """derive.limits as a reading sees it once the run's soft deadline has passed (everything else unchanged)."""

    def __init__(self, real):
        self._real = real

    def overdue(self) -> bool:
        return True

    def __getattr__(self, name):
        return getattr(self._real, name)


def test_the_index_notation_reading_past_the_deadline_says_so(tmp_path, monkeypatch):
    """Rand Xie's ∂L/∂W_ij = ∂L/∂z_i x_j (right: L = Σ e_i², z = Wx, so ∂L/∂W = (∂L/∂z) xᵀ by hand) is judged by
    components only (beside z_i = W_ij x_j the judge cannot tell W's orientation: unchecked). Past the soft deadline
    that reading is not made: before, the claim kept the judge's reason ("could not read …") as if it could not be
    read; now it says the time ran out."""
    from gradproof.verify import indexworld
    from gradproof.verify import judge as judge_module
    from gradproof.verify.cli import verify_file

    # (since the twentieth round the judge reads z_i = W_{ij} x_j of a one-layer network itself, with no generic unit
    # letters, and judges dw correct; the judge's old reason is kept here so that the reading by components is tried)
    real = judge_module.Judge.check

    def unread_dw(self, claim):
        result = real(self, claim)
        if claim.id == "dw":
            result.verdict, result.message = "unchecked", "could not read the claim: the orientation of W is not settled"
        return result

    monkeypatch.setattr(judge_module.Judge, "check", unread_dw)
    (tmp_path / "s.toml").write_text(XIE)
    (tmp_path / "h.md").write_text(XIE_DOC)
    (tmp_path / "n.toml").write_text('[notation]\nsummation = "einstein"\n')
    args = (str(tmp_path / "h.md"), str(tmp_path / "s.toml"), str(tmp_path / "n.toml"))
    assert {r.id: r.verdict for r in verify_file(*args)[0]}["dw"] == "correct"
    monkeypatch.setattr(indexworld, "limits", _Overdue(indexworld.limits))
    late = {r.id: r for r in verify_file(*args)[0]}["dw"]
    assert late.verdict == "unchecked" and "the run's time ran out" in late.message


def test_a_layer_norm_reading_past_the_deadline_gives_no_verdict_it_could_take_back(tmp_path, monkeypatch):
    """A layer-norm answer's verdicts are revised by its intermediates' reading (two readings that disagree:
    unchecked); past the deadline that reading is not made, so no claim keeps a verdict it could have taken back."""
    from gradproof.verify import intermediates
    from gradproof.verify.cli import verify_file

    (tmp_path / "s.toml").write_text(LN)
    (tmp_path / "h.md").write_text(FORWARD)
    monkeypatch.setattr(intermediates, "limits", _Overdue(intermediates.limits))
    got = verify_file(str(tmp_path / "h.md"), str(tmp_path / "s.toml"))[0]
    assert all(r.verdict == "unchecked" and "the run's time ran out" in r.message for r in got)
