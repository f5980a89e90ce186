"""Notations of the thirteenth round (issue 10, verify13b), in small documents of my own written as those learners
write: a letter f defined as the objective of a row batch (``f(W) = \\frac 1m \\sum (\\hat y - y)^2``, then
``\\frac{df}{dW^{[\\ell]}}``, ``{g^{[L]}}'(Z^{[L]})``, a layer range after a summary row, · and ⊙ unbracketed), matrices
augmented with the bias (``\\tilde{H} = [H, 1]``, ``\\tilde{W}`` with the bias row last, a NumPy slice ``[:, :-1]``),
an optimizer written in plain words inside ``$…$`` with the step in parentheses (``m(t) = beta1 * m(t-1) + …``), and
two equations in one ``$$`` display joined by ``\\\\`` (ids ``line N.1``, ``line N+1.2``), with planted mistakes.

Every expected verdict is the formula's truth, decided here in NumPy — forward passes typed by hand and central
differences — never by verify."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import central_differences
from gradproof.verify.cli import verify_file
from gradproof.verify.document import extract
from gradproof.verify.infer import objective_letter
from gradproof.verify.judge import Claim
from gradproof.verify.normalize import normalize

RNG = np.random.default_rng(13)


def _run(tmp_path, doc, spec, name="hw.md"):
    (tmp_path / "net.toml").write_text(spec, encoding="utf-8")
    (tmp_path / name).write_text(doc, encoding="utf-8")
    results, _meta, _ = verify_file(str(tmp_path / name), str(tmp_path / "net.toml"))
    return {r.id: r.verdict for r in results}


def _central(f, arg):
    """∂f/∂arg by central differences (conftest's oracle)."""
    return central_differences(lambda p: f(p["v"]), {"v": np.array(arg, dtype=float)})["v"]


def _verdict(holds: bool) -> str:
    return "correct" if holds else "incorrect"


def sig(z):
    return 1 / (1 + np.exp(-z))


# -- f, the objective of a row batch (the weights of a layer are the columns of W, no biases) -----------------------

F_SPEC = """name = "rowbatch"
convention = "column"
inputs = 3

[[layers]]
units = 4
activation = "sigmoid"
bias = false

[[layers]]
units = 1
activation = "sigmoid"
bias = false

[loss]
name = "mean_squared_error"

[optimizer]
name = "sgd"
learning_rate = 0.1
"""

F_DOC = r"""# Backpropagation with matrices

The examples are the rows of $X$, so at layer $\ell$

$$
Z^{[\ell]}=A^{[\ell-1]}\cdot W^{[\ell]}
$$

and $A^{[\ell]}=g^{[\ell]}(Z^{[\ell]})$ with $A^{[0]} = X$. We minimise the mean squared error

$$
f(W)=\frac 1m\sum_{i=1}^m(\hat y^{(i)}-y^{(i)})^2
$$

Then

$$
\frac{df}{dA^{[2]}}=\frac 2m (A^{[2]}-Y)
$$

$$
\frac{df}{dZ^{[2]}}=\frac{df}{dA^{[2]}}\odot {g^{[2]}}'(Z^{[2]})
$$

$$
\frac{df}{dW^{[2]}}=\frac 2m {A^{[1]}}^T\cdot (A^{[2]}-Y)\odot {g^{[2]}}'(Z^{[2]})
$$

$$
\frac{df}{dW^{[2]}}=\frac 1m {A^{[1]}}^T\cdot (A^{[2]}-Y)\odot {g^{[2]}}'(Z^{[2]})
$$

$$
\begin{align*}
\frac{df}{dA^{[\ell]}}=\frac{df}{dZ^{[\ell+1]}}\cdot {W^{[\ell+1]}}^T,&\qquad \ell =1,2,\cdots,L-1\\
\frac{df}{dA^{[\ell]}}=\frac{df}{dZ^{[\ell+1]}}\cdot {W^{[\ell]}}^T,&\qquad \ell =1,2,\cdots,L-1
\end{align*}
$$

$$
\frac{df}{dW^{[\ell]}}={A^{[\ell-1]}}^T\cdot\frac{df}{dZ^{[\ell]}}\\
\frac{df}{dW^{[\ell]}}={A^{[\ell]}}^T\cdot\frac{df}{dZ^{[\ell]}}
$$
"""


def _f_truths():
    """Each claim of F_DOC decided in NumPy: the network's forward pass, central differences of f."""
    m = 5
    X, Y = RNG.normal(size=(m, 3)), RNG.uniform(size=(m, 1))
    W1, W2 = RNG.normal(size=(3, 4)), RNG.normal(size=(4, 1))

    def f_of(A2):
        return float(np.sum((A2 - Y) ** 2) / m)

    Z1 = X @ W1
    A1 = sig(Z1)
    Z2 = A1 @ W2
    A2 = sig(Z2)
    dA2 = _central(f_of, A2)
    dZ2 = _central(lambda z: f_of(sig(z)), Z2)
    dW2 = _central(lambda w: f_of(sig(A1 @ w)), W2)
    dW1 = _central(lambda w: f_of(sig(sig(X @ w) @ W2)), W1)
    dA1 = _central(lambda a: f_of(sig(a @ W2)), A1)
    dZ1 = _central(lambda z: f_of(sig(sig(z) @ W2)), Z1)
    gp2 = A2 * (1 - A2)
    ok = lambda a, b: a.shape == b.shape and np.allclose(a, b, atol=1e-6)  # noqa: E731
    return {
        "line 18": ok(2 / m * (A2 - Y), dA2),
        "line 22": ok(dA2 * gp2, dZ2),
        "line 26": ok(2 / m * A1.T @ ((A2 - Y) * gp2), dW2),  # the one grouping whose shapes match
        "line 30": ok(1 / m * A1.T @ ((A2 - Y) * gp2), dW2),
        "line 35.1": ok(dZ2 @ W2.T, dA1),  # ℓ = 1 only (L - 1 = 1)
        "line 36.2": (dZ2.shape[1] == W1.T.shape[0]) and ok(dZ2 @ W1.T, dA1),
        "line 41.1": ok(A1.T @ dZ2, dW2) and ok(X.T @ dZ1, dW1),
        "line 42.2": ok(A2.T @ dZ2, dW2) and A1.T.shape[1] == dZ1.shape[0] and ok(A1.T @ dZ1, dW1),
    }


def test_f_the_objective_of_a_row_batch(tmp_path):
    truths = _f_truths()
    assert truths["line 18"] and truths["line 26"] and not truths["line 30"]  # the oracle itself
    got = _run(tmp_path, F_DOC, F_SPEC)
    for cid, holds in truths.items():
        assert got.get(cid) == _verdict(holds), (cid, got.get(cid))


def test_f_as_the_activation_is_not_the_objective():
    """f applied to a summed input or primed is the activation (as g and σ are): never read as the objective."""
    own = [Claim("a", r"f(W) = \frac{1}{m}\sum_i (\hat y_i - y_i)^2"), Claim("b", r"\frac{df}{dW} = X^T \delta")]
    unknown = lambda s: True  # noqa: E731
    assert objective_letter(own, unknown) == "f"
    assert objective_letter([*own, Claim("c", r"a = f(z)")], unknown) is None
    assert objective_letter([*own, Claim("c", r"\delta = e \odot f'(z)")], unknown) is None
    assert objective_letter([*own, Claim("c", r"h = f_l(W h + b)")], unknown) is None
    # a function of something else than the weights or the output is no objective
    assert objective_letter([Claim("a", r"f(x) = (x - y)^2"), Claim("b", r"\frac{df}{dx} = 2(x - y)")], unknown) is None


@pytest.mark.parametrize(("written", "read"), [
    (r"\frac 1m x", r"\frac{1}{m} x"), (r"\frac12 x", r"\frac{1}{2} x"), (r"\frac 1{2m} x", r"\frac{1}{2m} x"),
    (r"\frac{a}b", r"\frac{a}{b}"), (r"\frac{\partial J}{\partial W}", r"\frac{\partial J}{\partial W}"),
])
def test_frac_with_one_token_arguments(written, read):
    assert normalize(written) == normalize(read)


def test_two_equations_in_one_display_are_two_claims():
    doc = "$$\na = b\\\\\nc = d\n$$\n\n$$\nx = y \\\\\n= z\n$$\n\n$$\np = q \\\\ r = s \\tag{both}\n$$\n"
    ids = [c.id for c in extract(doc)]
    assert ids == ["line 2.1", "line 3.2", "line 7", "both"]  # a chain goes on over its rows; a \tag keeps one claim


# -- matrices augmented with the bias (a batch in rows, a column of ones appended last) ------------------------------

AUG_SPEC = """name = "augmented"
convention = "column"
inputs = 3

[[layers]]
units = 4
activation = "tanh"

[[layers]]
units = 2
activation = "sigmoid"

[loss]
name = "sum_squared_error"

[optimizer]
name = "sgd"
learning_rate = 0.1
"""

AUG_DOC = r"""Forward pass, with the bias folded into the weights:

- $\tilde{H}_0 = [X, 1], \quad \tilde{H}_0 \in \mathbb{R}^{n \times (d_0 + 1)}$
- $Z_l = \tilde{H}_{l-1} \tilde{W}_l, \quad Z_l \in \mathbb{R}^{n \times d_l}.$
- $H_l = f_l(Z_l)$ and $\tilde{H}_l = [H_l, 1]$

The loss is $\mathcal{L} = \frac{1}{n} \sum_{i=1}^n \ell(H_L[i], Y[i])$.

- $\frac{\partial \mathcal{L}}{\partial \tilde{W}_l} = \tilde{H}_{l-1}^\top \frac{\partial \mathcal{L}}{\partial Z_l}$
- $\frac{\partial \mathcal{L}}{\partial \tilde{W}_l} = \frac{1}{n} \tilde{H}_{l-1}^\top \frac{\partial \mathcal{L}}{\partial Z_l}$
- $\frac{\partial \mathcal{L}}{\partial H_{l-1}} = \frac{\partial \mathcal{L}}{\partial \tilde{H}_{l-1}}[:, :-1]$
- $\frac{\partial \mathcal{L}}{\partial H_{l-1}} = \frac{\partial \mathcal{L}}{\partial \tilde{H}_{l-1}}[:, 1:]$
"""


def _aug_truths():
    """AUG_DOC's gradient claims in NumPy: W̃ with the bias as its last row, L the mean of ‖h − y‖² over the rows."""
    n = 5
    X, Y = RNG.normal(size=(n, 3)), RNG.uniform(size=(n, 2))
    Wt1, Wt2 = RNG.normal(size=(4, 4)), RNG.normal(size=(5, 2))  # (d_{l-1} + 1) × d_l: the last row the bias
    ones = np.ones((n, 1))

    def loss_of_h1t(h1t, w2=Wt2):
        return float(np.sum((sig(h1t @ w2) - Y) ** 2) / n)

    Ht0 = np.hstack([X, ones])
    Z1 = Ht0 @ Wt1
    Ht1 = np.hstack([np.tanh(Z1), ones])
    Z2 = Ht1 @ Wt2
    dZ2 = _central(lambda z: float(np.sum((sig(z) - Y) ** 2) / n), Z2)
    dWt2 = _central(lambda w: loss_of_h1t(Ht1, w), Wt2)
    dHt1 = _central(loss_of_h1t, Ht1)
    dH1 = _central(lambda h: loss_of_h1t(np.hstack([h, ones])), np.tanh(Z1))
    ok = lambda a, b: a.shape == b.shape and np.allclose(a, b, atol=1e-6)  # noqa: E731
    return {
        "line 9": ok(Ht1.T @ dZ2, dWt2),
        "line 10": ok(Ht1.T @ dZ2 / n, dWt2),
        "line 11": ok(dHt1[:, :-1], dH1),
        "line 12": ok(dHt1[:, 1:], dH1),
    }


def test_augmented_matrices(tmp_path):
    truths = _aug_truths()
    assert truths["line 9"] and not truths["line 10"] and truths["line 11"] and not truths["line 12"]
    got = _run(tmp_path, AUG_DOC, AUG_SPEC)
    assert got["line 4"] == "correct"  # Z_l = H̃_{l-1} W̃_l, its shape stated after it
    for cid, holds in truths.items():
        assert got.get(cid) == _verdict(holds), (cid, got.get(cid))


def test_ones_prepended_are_not_this_reading(tmp_path):
    """[1, X] (Ng's bias unit first) is not the appended reading: the tilde letters stay unread, never judged."""
    doc = AUG_DOC.replace("[X, 1]", "[1, X]").replace("[H_l, 1]", "[1, H_l]")
    got = _run(tmp_path, doc, AUG_SPEC)
    assert all(got[cid] == "unchecked" for cid in ("line 4", "line 9", "line 10", "line 11", "line 12"))


# -- an optimizer typed in plain words inside $…$, the step in parentheses -------------------------------------------

ADAM_SPEC = """name = "adam_plain"
convention = "column"
inputs = 4

[[layers]]
units = 5
activation = "sigmoid"

[[layers]]
units = 3
activation = "softmax"

[loss]
name = "cross_entropy"

[optimizer]
name = "adam"
learning_rate = 0.001
beta1 = 0.9
beta2 = 0.999
epsilon = 1e-8
"""

ADAM_DOC = """### Momentum

$V(t) = alpha * dW + beta*V(t-1)$

$W(t+1) = W(t) - V(t)$

### Adam

$m(t) = beta1 * m(t-1) + (1 – beta1) * dW$

$v(t) = beta2 * v(t-1) + (1 – beta2) * dW^2$

$v(t) = beta2 * v(t-1) + (1 – beta2) * dW$

$m(t) = beta1 * m(t-1) - (1 – beta1) * dW$
"""


def test_optimizer_in_plain_words(tmp_path):
    b1, b2 = 0.9, 0.999
    m0, v0, g = RNG.normal(size=(3, 2)), RNG.uniform(size=(3, 2)), RNG.normal(size=(3, 2))
    m_ref, v_ref = b1 * m0 + (1 - b1) * g, b2 * v0 + (1 - b2) * g * g  # Kingma & Ba, Algorithm 1
    truths = {"line 9": np.allclose(b1 * m0 + (1 - b1) * g, m_ref), "line 11": np.allclose(b2 * v0 + (1 - b2) * g ** 2, v_ref),
              "line 13": np.allclose(b2 * v0 + (1 - b2) * g, v_ref), "line 15": np.allclose(b1 * m0 - (1 - b1) * g, m_ref)}
    got = _run(tmp_path, ADAM_DOC, ADAM_SPEC)
    for cid, holds in truths.items():
        assert got.get(cid) == _verdict(holds), (cid, got.get(cid))
    # momentum with the rate inside is another optimizer than the spec's Adam: not judged
    assert got["line 3"] == got["line 5"] == "unchecked"


# -- Wikipedia's (f^l)': the layer's activation primed, at its own summed input ---------------------------------------

WIKI_SPEC = AUG_SPEC.replace('convention = "column"', 'convention = "row"').replace("tanh", "sigmoid").replace(
    "sum_squared_error", "squared_error")

WIKI_DOC = r"""$$
\delta^{l-1} := (f^{l-1})' \circ (W^l)^T \cdot \delta^l
$$

$$
\delta^{l-1} := (f^{l})' \circ (W^l)^T \cdot \delta^l
$$
"""


def test_a_layer_activation_primed_without_argument(tmp_path):
    x, y = RNG.normal(size=(3, 1)), RNG.uniform(size=(2, 1))
    W1, b1, W2, b2 = RNG.normal(size=(4, 3)), RNG.normal(size=(4, 1)), RNG.normal(size=(2, 4)), RNG.normal(size=(2, 1))
    z1 = W1 @ x + b1
    z2 = W2 @ sig(z1) + b2
    J = lambda z2_: float(0.5 * np.sum((sig(z2_) - y) ** 2))  # noqa: E731
    d2 = _central(J, z2)
    d1 = _central(lambda z1_: J(W2 @ sig(z1_) + b2), z1)
    right = sig(z1) * (1 - sig(z1)) * (W2.T @ d2)
    assert np.allclose(right, d1, atol=1e-6)  # (f^{l-1})' at l = 2: σ'(z¹) — the other one, σ'(z²), is 2 entries, not 4
    assert (sig(z2) * (1 - sig(z2))).shape != (W2.T @ d2).shape
    got = _run(tmp_path, WIKI_DOC, WIKI_SPEC)
    assert got["line 2"] == "correct" and got["line 6"] == "incorrect"


# -- Ng's state written before its gradient (V\delta W), two equations broken by \newline ----------------------------

NG_DOC = r"""$$
\delta W \equiv \frac{\partial C}{\partial W}
$$

$$
V\delta W = (\beta_1) V\delta W + (1 - \beta_1) \delta W
\newline
S\delta W = (\beta_2) S\delta W + (1 - \beta_2) \delta W^2
$$

$$
V\delta W = (\beta_1) V\delta W + (1 - \beta_1) \delta W
\newline
S\delta W = (\beta_2) S\delta W + (1 - \beta_2) \delta W
$$
"""


def test_state_before_its_gradient_and_newline(tmp_path):
    b1, b2 = 0.9, 0.999
    v0, s0, g = RNG.normal(size=(5, 4)), RNG.uniform(size=(5, 4)), RNG.normal(size=(5, 4))
    v_ref, s_ref = b1 * v0 + (1 - b1) * g, b2 * s0 + (1 - b2) * g * g  # Adam's moments in Ng's letters
    assert np.allclose(b2 * s0 + (1 - b2) * g ** 2, s_ref) and not np.allclose(b2 * s0 + (1 - b2) * g, s_ref)
    assert np.allclose(b1 * v0 + (1 - b1) * g, v_ref)
    got = _run(tmp_path, NG_DOC, ADAM_SPEC)
    assert got["line 6"] == "correct" and got["line 12"] == "incorrect"


def test_f_unread_names_its_notation_line(tmp_path):
    """f written as an activation too is not read as the objective; the message names the [notation] line, which then
    reads ∂f/∂W as the objective's gradient (its truth by central differences, F_DOC's oracle)."""
    doc = "$$\na = f(z)\n$$\n\n$$\n" + r"\frac{df}{dW^{[2]}}={A^{[1]}}^T\cdot\frac{df}{dZ^{[2]}}" + "\n$$\n\n$$\n" + \
          r"\frac{df}{dW^{[2]}}={A^{[1]}}^T\cdot\frac{df}{dA^{[2]}}" + "\n$$\n"
    (tmp_path / "net.toml").write_text(F_SPEC, encoding="utf-8")
    (tmp_path / "hw.md").write_text(doc, encoding="utf-8")
    results, _meta, _ = verify_file(str(tmp_path / "hw.md"), str(tmp_path / "net.toml"))
    got = {r.id: r for r in results}
    assert got["line 6"].verdict == "unchecked" and '"f" = "J"' in got["line 6"].message
    (tmp_path / "notation.toml").write_text('[notation]\n"f" = "J"\n', encoding="utf-8")
    results, _meta, _ = verify_file(str(tmp_path / "hw.md"), str(tmp_path / "net.toml"), str(tmp_path / "notation.toml"))
    got = {r.id: r.verdict for r in results}
    assert got["line 6"] == "correct" and got["line 10"] == "incorrect"  # ∂f/∂W² = A¹ᵀ ∂f/∂Z², not A¹ᵀ ∂f/∂A²


def test_hostile_lengths_stay_linear():
    """The new readings on long input: a display of 1500 rows joined by \\\\, 2000 spelled words, a long chain of unbracketed
    products before ⊙, 400 \\frac 1m — each read in one pass (a quadratic reading would stall the suite)."""
    rows = "$$\n" + "\\\\\n".join(f"a_{{{k}}} = b" for k in range(1500)) + "\n$$\n"
    assert len(extract(rows)) == 1500
    assert normalize("alpha " * 2000 + "= 1").count("alpha") == 2000  # (not plain words: only inside $…$ documents)
    assert normalize(r"\frac 1m " * 400).count(r"\frac{1}{m}") == 400
    from gradproof.verify.parser import parse_expr

    node = parse_expr(" ".join(["W^{(2)}"] * 300) + r" \odot h^{(2)}", depth=2)
    assert node.op == "had" and node.value == "loose"  # (judge._regrouped may read it as W (W … (W ⊙ h)))


def test_step_before_reads_states_and_the_update_only():
    from gradproof.verify.normalize import drop_time_argument

    assert drop_time_argument(r"m(t) = \beta_1 m(t-1) + g", "t") == r"m_{t} = \beta_1 m_{t-1} + g"
    assert drop_time_argument(r"W(t) = W(t-1) - \alpha m(t)", "t") == r"W' = W - \alpha m_{t}"
    # a change of the weight at two steps (momentum's Δw(t-1)) is no update of w: read as before
    assert drop_time_argument(r"\Delta w(t) = \alpha \Delta w(t-1) + g", "t") == r"\Delta w = \alpha \Delta w(t-1) + g"
    # Haykin's iteration n: as before
    assert drop_time_argument(r"v(n) = \beta v(n-1) + g", "n") == r"v = \beta v(n-1) + g"
