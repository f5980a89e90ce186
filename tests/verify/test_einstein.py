"""Index notation with the summation convention (verify/einstein.py, verify/indexworld.py; issue 10, twelfth round).

A second public source in this notation, besides Josh Levy-Kramer's posts of the corpus: Rand Xie, "Use Einstein
Notation to derive Backpropagation" (randxie.github.io, 2025-03-02) — z = Wx, y = σ(z), L = e_i e_i with
e_i = y_{true,i} − y_i, then ∂L/∂W_{ij} = ∂L/∂z_i x_j. Its displays are transcribed below (the prose shortened), and a
planted copy with three slips. Every expected verdict comes from NumPy: the forward pass typed here, central differences
of L, np.einsum for the index expressions — never from verify's own output."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import IndexEnv as Env  # (letters with fixed values: einstein's Env API)
from gradproof.verify import einstein

RNG = np.random.default_rng(2025)
M, N = 2, 3
SPEC = (f'name = "randxie"\nconvention = "row"\ninputs = {N}\n'
        f'layers = [{{units = {M}, activation = "sigmoid", bias = false}}]\nloss = {{name = "squared_error"}}\n'
        'optimizer = {name = "sgd", learning_rate = 0.1}\n')

RAND_XIE = r"""# Use Einstein Notation to derive Backpropagation

Is there a simple way to do the derivation? Einstein notation comes to rescue: a repeated index is summed.
For the MLP layer the forward pass is

$$
z = Wx
$$

$$
y = \sigma(z)
$$

with $W$ of shape $M \times N$. The loss is a scalar; we first define the error term

$$
e_i = y_{\text{true}, i} - y_i
$$

so that

$$
L = e_i e_i
$$

Differentiating $L$ with respect to $y_i$ yields

$$
\frac{\partial L}{\partial y_i} = 2 e_i (-1)
$$

Next, applying the chain rule, the gradient with respect to $z$ is

$$
\frac{\partial L}{\partial z_i} = \frac{\partial L}{\partial y_i} \cdot \frac{\partial \sigma(z_i)}{\partial z_i}
$$

Now the gradient with respect to the weight matrix. Since

$$
z = Wx \quad \Longrightarrow \quad z_i = W_{ij} x_j,
$$

the derivative with respect to an element is

$$
\text{grad}(W_{ij}) = \frac{\partial L}{\partial W_{ij}} = \frac{\partial L}{\partial z_i} \cdot \frac{\partial z_i}{\partial W_{ij}}
= \frac{\partial L}{\partial z_i} x_j
$$
"""
PLANTS = (  # (right, planted): a sign dropped, W's indices swapped, i and j swapped in the last side
    ("= 2 e_i (-1)", "= 2 e_i"),
    ("z_i = W_{ij} x_j", "z_i = W_{ji} x_j"),
    (r"= \frac{\partial L}{\partial z_i} x_j", r"= \frac{\partial L}{\partial z_j} x_i"),
)
IDS = {"e": "line 17", "L": "line 23", "dy": "line 29", "dz": "line 35", "zi": "line 41", "dW": "line 47"}


def grad(f, v, h=1e-6):
    v = np.asarray(v, dtype=float)
    g = np.zeros_like(v)
    for idx in np.ndindex(v.shape):
        e = np.zeros_like(v)
        e[idx] = h
        g[idx] = (f(v + e) - f(v - e)) / (2 * h)
    return g


def oracle(planted: bool) -> dict[str, str]:
    """Each claim's verdict from NumPy at a random point (the claims are identities in W, x and the target)."""
    W, x, t = RNG.normal(size=(M, N)), RNG.normal(size=N), RNG.normal(size=M)
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    z = W @ x
    y = sig(z)
    e = t - y
    dL_dy = grad(lambda v: float(np.sum((t - v) ** 2)), y)
    dL_dz = grad(lambda v: float(np.sum((t - sig(v)) ** 2)), z)
    dL_dW = grad(lambda v: float(np.sum((t - sig(v @ x)) ** 2)), W)
    same = lambda a, b: np.shape(a) == np.shape(b) and np.allclose(a, b, atol=1e-6)  # noqa: E731
    verdict = lambda ok: "correct" if ok else "incorrect"  # noqa: E731
    out = {"e": "unchecked", "L": "unchecked"}  # definitions of the answer's own symbols: not graded
    out["dy"] = verdict(same(dL_dy, 2 * e if planted else 2 * e * -1))
    out["dz"] = verdict(same(dL_dz, dL_dy * y * (1 - y)))
    # W_{ji} x_j with W of shape M × N: j would count M rows and the N entries of x at once — no such product
    out["zi"] = verdict(not planted and same(z, np.einsum("ij,j->i", W, x)))
    out["dW"] = verdict(same(dL_dW, np.einsum("i,j->ij", dL_dz, x)) and not planted)  # dL/dz_j x_i: (N, M) ≠ (M, N)
    return out


def verify(tmp_path, body: str, notation: str | None = None):
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(SPEC)
    (tmp_path / "answer.md").write_text(body)
    path = None
    if notation is not None:
        (tmp_path / "notation.toml").write_text(notation)
        path = str(tmp_path / "notation.toml")
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"), path)
    return {r.id: r for r in results}


def planted() -> str:
    text = RAND_XIE
    for right, wrong in PLANTS:
        assert right in text
        text = text.replace(right, wrong, 1)
    return text


@pytest.mark.parametrize("plant", [False, True], ids=["as-written", "planted"])
def test_rand_xies_derivation_is_judged_by_components(tmp_path, plant):
    """Every claim of the post judged by components agrees with NumPy; the planted slips are incorrect."""
    want = oracle(plant)
    if plant:
        assert {k for k, v in want.items() if v == "incorrect"} == {"dy", "zi", "dW"}
    else:
        assert set(want.values()) == {"correct", "unchecked"}
    got = verify(tmp_path, planted() if plant else RAND_XIE)
    # \text{grad}(W_{ij}), the chain's first side, does not read: its other sides are judged without it when they
    # agree ("left out"); when they do not, the claim is not called incorrect (the reading may be wrong): unchecked
    if plant:
        want["dW"] = "unchecked"
        assert "could not be read" in got[IDS["dW"]].message
    else:
        assert "left out" in got[IDS["dW"]].message
    assert {k: got[i].verdict for k, i in IDS.items()} == want


def test_without_the_convention_stated_nothing_is_read_by_components(tmp_path):
    """The same derivation with the sentence about Einstein notation removed: no claim is judged by components (a
    repeated index stays what the judge makes of it); declared in [notation], it is judged again."""
    text = RAND_XIE.replace("Einstein notation comes to rescue: a repeated index is summed.", "").replace(
        "# Use Einstein Notation to derive", "# Deriving")
    assert not einstein.stated(text)
    got = verify(tmp_path, text)
    assert not any(_by_components(r) for r in got.values())
    declared = verify(tmp_path, text, '[notation]\nsummation = "einstein"\n')
    assert declared[IDS["dW"]].verdict == "correct"
    assert _by_components(declared[IDS["dW"]])
    refused = verify(tmp_path, RAND_XIE, '[notation]\nsummation = "none"\n')
    assert not any(_by_components(r) or "summation" in r.message for r in refused.values())


def _by_components(result) -> bool:
    return "read in index notation" in result.message or any("read by components" in n for n in result.notes)


def test_the_summation_convention_against_einsum():
    """A repeated index absent from the left side is summed; one on the left side stays free (entry by entry)."""
    x, c, s = RNG.normal(size=(4, 3)), RNG.normal(size=(3, 2)), RNG.normal(size=5)
    env = Env({"x": x, "c": c, "s": s})
    (value,) = [einstein.evaluate(einstein.read(r"y_{ij} = x_{ik} c_{kj}")[1], env, frozenset("ij"))]
    assert value.idx == ("i", "j") and np.allclose(value.arr, np.einsum("ik,kj->ij", x, c))
    env = Env({"s": s}, (("q", lambda v: 0.5 * float(np.sum(v["s"] ** 2))),))  # q = ½ Σ s², ∂q/∂s_n = s_n
    # i not on the left: Σ_i s_i δ_in = s_n; i on the left: s_i δ_in entry by entry (not ∂s_i/∂s_n = δ_in)
    assert einstein.judge(r"\frac{\partial q}{\partial s_n} = s_i \delta_{in}", [env]).verdict == "correct"
    assert einstein.judge(r"\frac{\partial s_i}{\partial s_n} = \delta_{in}", [env]).verdict == "correct"
    assert einstein.judge(r"\frac{\partial s_i}{\partial s_n} = s_i \delta_{in}", [env]).verdict == "incorrect"


def test_index_errors_are_incorrect_and_unknown_letters_unchecked():
    x, c = RNG.normal(size=(4, 3)), RNG.normal(size=(3, 2))
    y = x @ c
    env = Env({"x": x, "c": c, "y": y})
    assert einstein.judge(r"y_{ij} = x_{ik} c_{kj}", [env]).verdict == "correct"
    wrong = einstein.judge(r"y_{ij} = x_{ik} c_{jk}", [env])  # c is 3 × 2: c_{jk} pairs j (2) with c's 3 rows
    assert wrong.verdict == "incorrect" and "runs over" in wrong.message
    free = einstein.judge(r"y_{ij} = \sum_j x_{ik} c_{kj}", [env])  # j summed away: the sides' free indices differ
    assert free.verdict == "incorrect" and "free indices differ" in free.message
    assert einstein.judge(r"y_{ij} = u_{ik} c_{kj}", [env]).verdict is None  # u: no value


def test_a_derivative_by_components_is_a_central_difference():
    """∂y_ij/∂x_pq = δ_ip c_qj; the planted c_jq is incorrect (Josh's planted slip, on other sizes)."""
    x, c = RNG.normal(size=(4, 3)), RNG.normal(size=(3, 3))
    env = Env({"x": x, "c": c}, (("y", lambda v: v["x"] @ v["c"]),))
    jac = np.einsum("ip,qj->ijpq", np.eye(4), c)  # by hand: y_ij = x_ik c_kj
    ok = einstein.evaluate(einstein.read(r"\frac{\partial y_{ij}}{\partial x_{pq}} = 0")[0], env, frozenset("ijpq"))
    assert np.allclose(np.transpose(ok.arr, [ok.idx.index(i) for i in "ijpq"]), jac, atol=1e-6)
    assert einstein.judge(r"\frac{\partial y_{ij}}{\partial x_{pq}} = \delta_{ip} c_{qj}", [env]).verdict == "correct"
    assert einstein.judge(r"\frac{\partial y_{ij}}{\partial x_{pq}} = \delta_{ip} c_{jq}", [env]).verdict == "incorrect"


@pytest.mark.parametrize("text, said", [
    ("we sum over the repeated indices (Einstein notation)", True),
    ("the summation convention is used throughout", True),
    ("k is repeated and not used on the left, meaning it's a dummy index", True),
    ("repeated indices are summed", True),
    ("we use index notation", False),
    ("the sum over i of the squared errors", False),
])
def test_the_convention_stated_in_prose(text, said):
    assert einstein.stated(text) is said


def test_hostile_input_is_bounded():
    """A very long or deeply nested claim is refused with a reason, quickly (a linear scan)."""
    long = "y_{ij} = " + " + ".join(["x_{ik} c_{kj}"] * 2000)
    assert einstein.judge(long, [Env({})]).verdict is None
    deep = "y = " + "(" * 5000 + "x" + ")" * 5000
    assert einstein.judge(deep, [Env({"x": np.ones(2), "y": np.ones(2)})]).verdict is None


SOFTMAX_SPEC = ('name = "sm"\nconvention = "row"\ninputs = 3\nlayers = [{units = 4, activation = "softmax"}]\n'
                'loss = {name = "cross_entropy"}\noptimizer = {name = "sgd", learning_rate = 0.1}\n')


def test_a_loss_never_defined_is_no_downstream_scalar_for_a_closed_form(tmp_path):
    """Einstein notation stated, L never defined, ŷ beside y: ∂L/∂W_ij = (ŷ_i − y_i) x_j is right for the spec's
    softmax and cross-entropy (NumPy below); it must not be judged against an arbitrary downstream L (a false reject),
    and ŷ stays apart from y (they are written in one equation)."""
    from gradproof.verify.cli import verify_file

    W, b, x = RNG.normal(size=(4, 3)), RNG.normal(size=4), RNG.normal(size=3)
    y = np.eye(4)[1]
    loss = lambda V: -float(np.log(np.exp(V @ x + b)[1] / np.exp(V @ x + b).sum()))  # noqa: E731
    yhat = np.exp(W @ x + b) / np.exp(W @ x + b).sum()
    assert np.allclose(grad(loss, W), np.outer(yhat - y, x), atol=1e-6)  # the claim is right
    body = ("In Einstein notation a repeated index is summed.\n\n$$\nz_i = W_{ij} x_j + b_i\n$$\n\n"
            "$$\n\\frac{\\partial L}{\\partial W_{ij}} = (\\hat{y}_i - y_i) x_j\n$$\n")
    (tmp_path / "spec.toml").write_text(SOFTMAX_SPEC)
    (tmp_path / "answer.md").write_text(body)
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    verdicts = {r.id: r.verdict for r in results}
    assert verdicts["line 8"] in ("correct", "unchecked")
    assert "incorrect" not in verdicts.values()


def test_a_layer_superscript_is_no_power():
    with pytest.raises(einstein.Unread):
        einstein.read(r"z^{(l)}_i = W^{(l)}_{ij} a^{(l-1)}_j")  # a generic layer: not read by components
    assert einstein.read(r"z^{(2)}_i = W^{(2)}_{ij} a^{(1)}_j")[1].args[0].value == ("W^(2)", ("i", "j"))
    assert einstein.read(r"v = \sigma^{2}")[1].op == "pow"


TWO_LAYERS = r"""We use Einstein notation: a repeated index is summed.

$$
z^{(1)}_i = W^{(1)}_{ij} x_j + b^{(1)}_i
$$

$$
a^{(1)}_i = \sigma(z^{(1)}_i)
$$

$$
z^{(2)}_k = W^{(2)}_{ki} a^{(1)}_i + b^{(2)}_k
$$

$$
\frac{\partial l}{\partial W^{(1)}_{ij}} = \frac{\partial l}{\partial z^{(2)}_k} W^{(2)}_{ki} \sigma(z^{(1)}_i)(1 - \sigma(z^{(1)}_i)) x_j
$$

$$
\frac{\partial l}{\partial W^{(1)}_{ij}} = \frac{\partial l}{\partial z^{(2)}_k} W^{(2)}_{ik} \sigma(z^{(1)}_i)(1 - \sigma(z^{(1)}_i)) x_j
$$

$$
\frac{\partial l}{\partial a^{(1)}_{i}} = \frac{\partial l}{\partial z^{(2)}_k} W^{(2)}_{ki} + \frac{\partial l}{\partial z^{(2)}_k}
$$
"""


def test_layers_written_as_superscripts(tmp_path):
    """W^{(1)}, W^{(2)}: letters of their own, bound to their layer (z = W x + b holds at either layer: the superscript
    decides). Any downstream l of z^{(2)}: dl/dW1_ij = Σ_k dl/dz2_k W2_ki σ'(z1_i) x_j (NumPy, central differences);
    W2_{ik} pairs i (4 units) with W2's 2 rows; the last claim adds Σ_k dl/dz2_k, which no l makes zero."""
    W1, b1, W2, b2, x, g = (RNG.normal(size=s) for s in ((4, 3), 4, (2, 4), 2, 3, 2))
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    ell = lambda V1: float(g @ (W2 @ sig(V1 @ x + b1) + b2))  # noqa: E731  (a downstream l, linear in z2)
    z1 = W1 @ x + b1
    assert np.allclose(grad(ell, W1), np.einsum("k,ki,i,j->ij", g, W2, sig(z1) * (1 - sig(z1)), x), atol=1e-6)
    assert not np.allclose(W2.T @ g, W2.T @ g + g.sum())
    spec = SPEC.replace(f'layers = [{{units = {M}, activation = "sigmoid", bias = false}}]',
                        'layers = [{units = 4, activation = "sigmoid"}, {units = 2, activation = "identity"}]')
    (tmp_path / "spec.toml").write_text(spec)
    (tmp_path / "answer.md").write_text(TWO_LAYERS)
    from gradproof.verify.cli import verify_file

    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    got = {r.id: r.verdict for r in results}
    assert got == {"line 4": "correct", "line 8": "correct", "line 12": "correct", "line 16": "correct",
                   "line 20": "incorrect", "line 24": "incorrect"}


def test_an_unstated_sum_names_the_notation_line(tmp_path):
    """Without the convention stated, a claim repeating an index absent from its left side is not judged by a guessed
    sum; if it stays unchecked, its reason names [notation] summation = "einstein"."""
    from gradproof.verify.indexworld import UNSTATED

    text = RAND_XIE.replace("Einstein notation comes to rescue: a repeated index is summed.", "").replace(
        "# Use Einstein Notation to derive", "# Deriving")
    got = verify(tmp_path, text)
    for r in got.values():
        assert not _by_components(r)
    noted = {k for k, r in got.items() if UNSTATED in r.message}
    assert noted == {"line 23"}  # L = e_i e_i: i repeated, absent from the left (e_i = … has none of that kind)
    assert got["line 23"].verdict == "unchecked"


def test_d_derivatives_and_the_logistic_derivative():
    """\\frac{dq}{ds_n} (d for ∂); σ'(s_i) = σ(s_i)(1 − σ(s_i)); u_i = σ(s_i) is diagonal in s (NumPy's logistic)."""
    s = RNG.normal(size=4)
    sig = 1 / (1 + np.exp(-s))
    env = Env({"s": s}, (("q", lambda v: 0.5 * float(np.sum(v["s"] ** 2))), ("u", lambda v: 1 / (1 + np.exp(-v["s"])))))
    assert np.allclose(env.value("u"), sig)
    assert einstein.judge(r"\frac{dq}{ds_n} = s_n", [env]).verdict == "correct"
    assert einstein.judge(r"\frac{\mathrm{d} q}{\mathrm{d} s_n} = 2 s_n", [env]).verdict == "incorrect"
    assert einstein.judge(r"\frac{\partial u_i}{\partial s_i} = \sigma'(s_i)", [env]).verdict == "correct"
    assert einstein.judge(r"\frac{\partial u_i}{\partial s_i} = \sigma(s_i)", [env]).verdict == "incorrect"


ERROR_TERM = r"""Einstein notation: repeated indices are summed.

$$
z_i = W_{ij} x_j + b_i
$$

$$
\hat{y}_i = \sigma(z_i)
$$

$$
e_i = \hat{y}_i - y_i
$$

$$
L = \frac{1}{2} e_i e_i
$$

$$
\frac{\partial L}{\partial z_i} = e_i \hat{y}_i (1 - \hat{y}_i)
$$

$$
\frac{\partial L}{\partial W_{ij}} = e_i \hat{y}_i (1 - \hat{y}_i) x_j
$$

$$
\frac{\partial L}{\partial W_{ij}} = e_j \hat{y}_j (1 - \hat{y}_j) x_i
$$

$$
\frac{\partial L}{\partial b_i} = e_i \hat{y}_i
$$
"""


def test_an_error_term_beside_y_hat(tmp_path):
    """y beside ŷ is the target; e and L are the answer's own symbols (L equal to the spec's ½‖ŷ − y‖²). NumPy decides
    which gradients are right; a right one is never incorrect (where the judge's own letters read e otherwise, the claim
    is unchecked naming both readings), the wrong ones are incorrect."""
    W, b, x, t = RNG.normal(size=(2, 3)), RNG.normal(size=2), RNG.normal(size=3), RNG.normal(size=2)
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    loss = lambda V, c: 0.5 * float(np.sum((sig(V @ x + c) - t) ** 2))  # noqa: E731
    yh = sig(W @ x + b)
    e = yh - t
    dW, db = grad(lambda V: loss(V, b), W), grad(lambda c: loss(W, c), b)
    right = {"line 20": np.allclose(grad(lambda z: 0.5 * float(np.sum((sig(z) - t) ** 2)), W @ x + b), e * yh * (1 - yh)),
             "line 24": np.allclose(dW, np.outer(e * yh * (1 - yh), x), atol=1e-6),
             "line 28": False,  # e_j x_i: (3, 2) entries for W's (2, 3)
             "line 32": np.allclose(db, e * yh, atol=1e-6)}
    assert right == {"line 20": True, "line 24": True, "line 28": False, "line 32": False}
    spec = SPEC.replace(f'layers = [{{units = {M}, activation = "sigmoid", bias = false}}]',
                        f'layers = [{{units = {M}, activation = "sigmoid"}}]')
    (tmp_path / "spec.toml").write_text(spec)
    (tmp_path / "answer.md").write_text(ERROR_TERM)
    from gradproof.verify.cli import verify_file

    got = {r.id: r.verdict for r in verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))[0]}
    for cid, ok in right.items():
        assert got[cid] in (("correct", "unchecked") if ok else ("incorrect",)), cid
    assert got["line 24"] == "correct"
