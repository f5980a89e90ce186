r"""The twenty-fourth round (issue 10): a module's backward pass on a batch of rows in index notation (the University of
Amsterdam's Deep Learning 1 assignments: Y = X W^T + B, ∂Y_{sn}/∂W_{ij}, ∂L/∂\mathbf{W} = (∂L/∂\mathbf{Y})^T \mathbf{X}),
read by verify/indexmodules.py. Every expected verdict is decided here by PyTorch autograd on the module written by
hand (L = Σ G ⊙ Y for a random G: the claims hold for any loss of the module's output), never by gradproof."""

from __future__ import annotations

import numpy as np
import pytest
from test_nineteenth_round_coordinator import _spec
from test_twenty_first_round import _verify

torch = pytest.importorskip("torch")

SPEC = _spec("uva_modules", "row", 4, [(5, "elu"), (3, "softmax")], "cross_entropy", 0.1)

ANSWER = r"""\section*{Question 1}
\begin{enumerate}
\item For the linear module $\mathbf{Y} = \mathbf{X}\mathbf{W}^T + \mathbf{B}$, whose rows of $\mathbf{B}$ are $\mathbf{b}$,
\[ \frac{\partial Y_{sn}}{\partial W_{ij}} = \sum_{m}^{M} X_{sm}\delta_{ni}\delta_{mj} = X_{sj}\delta_{ni} \tag{dY_dW} \]
\[ \frac{\partial Y_{sn}}{\partial W_{ij}} = X_{si}\delta_{nj} \tag{dY_dW_slip} \]
\[ \frac{\partial L}{\partial W_{ij}} = \sum_s^S \sum_n^N \frac{\partial L}{\partial Y_{sn}} X_{sj}\delta_{ni}
   = \sum_s^S \frac{\partial L}{\partial Y_{si}} X_{sj} \tag{dL_dW_entries} \]
\[ \frac{\partial L}{\partial \mathbf{W}} = \left(\frac{\partial L}{\partial \mathbf{Y}}\right)^T \mathbf{X} \tag{dL_dW} \]
\[ \frac{\partial L}{\partial \mathbf{W}} = \mathbf{X}^T \frac{\partial L}{\partial \mathbf{Y}} \tag{dL_dW_slip} \]
\[ \frac{\partial L}{\partial \mathbf{b}} = \mathbf{1}^T \frac{\partial L}{\partial \mathbf{Y}} \tag{dL_db} \]
\[ \frac{\partial L}{\partial b_{j}} = \frac{\partial L}{\partial Y_{sj}} \tag{dL_db_slip} \]
\[ \frac{\partial L}{\partial \mathbf{X}} = \frac{\partial L}{\partial \mathbf{Y}} \mathbf{W} \tag{dL_dX} \]
\item For the softmax module $Y_{sc} = \frac{e^{X_{sc}}}{\sum_k e^{X_{sk}}}$:
\[ \frac{\partial Y_{sc}}{\partial X_{ij}} = \delta_{si} Y_{sc} (\delta_{cj} - Y_{sj}) \tag{softmax} \]
\[ \frac{\partial Y_{sc}}{\partial X_{ij}} = \delta_{si} Y_{sc} (1 - Y_{sj}) \tag{softmax_slip} \]
\item For the cross-entropy module $L = -\frac{1}{S}\sum_s \sum_c T_{sc} \ln X_{sc}$:
\[ \frac{\partial L}{\partial \mathbf{X}} = -\frac{1}{S} \mathbf{T} \oslash \mathbf{X} \tag{ce} \]
\[ \frac{\partial L}{\partial \mathbf{X}} = - \mathbf{T} \oslash \mathbf{X} \tag{ce_slip} \]
\end{enumerate}
"""


def _linear_truth():
    """The linear module on torch: X (2×4), W (3×4), b (3), Y = X Wᵀ + b, L = Σ G ⊙ Y: the true gradients and the
    Jacobian ∂Y/∂W (2×3×3×4), by autograd."""
    g = torch.Generator().manual_seed(5)
    X = torch.rand(2, 4, generator=g, dtype=torch.float64, requires_grad=True)
    W = torch.rand(3, 4, generator=g, dtype=torch.float64, requires_grad=True)
    b = torch.rand(3, generator=g, dtype=torch.float64, requires_grad=True)
    G = torch.rand(2, 3, generator=g, dtype=torch.float64)
    Y = X @ W.T + b
    (Y * G).sum().backward()
    jac = torch.autograd.functional.jacobian(lambda w: X.detach() @ w.T + b.detach(), W.detach())
    return X.detach().numpy(), W.detach().numpy(), G.numpy(), W.grad.numpy(), b.grad.numpy(), X.grad.numpy(), jac.numpy()


def test_the_linear_modules_claims_are_judged_as_autograd_decides(tmp_path):
    X, W, G, dW, db, dX, jac = _linear_truth()
    eye3, eye4 = np.eye(3), np.eye(4)
    right = np.einsum("sj,ni->snij", X, eye3)  # X_sj δ_ni
    # X_si δ_nj, with i over W's 3 rows (the first 3 of X's 4 columns) and j over W's 4 columns
    slip = np.einsum("si,nj->snij", X[:, :3], eye4[:3, :])
    oracle = {
        "dY_dW": np.allclose(right, jac),
        "dY_dW_slip": np.allclose(slip, jac),
        "dL_dW_entries": np.allclose(G.T @ X, dW),
        "dL_dW": np.allclose(G.T @ X, dW),
        "dL_dW_slip": (X.T @ G).shape == dW.shape and np.allclose(X.T @ G, dW),
        "dL_db": np.allclose(np.ones(2) @ G, db),
        "dL_db_slip": all(np.allclose(G[s], db) for s in range(2)),  # (the sum over the batch left out)
        "dL_dX": np.allclose(G @ W, dX),
    }
    got = _verify(tmp_path, SPEC, ANSWER, name="answer.tex")
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)


def test_the_softmax_and_cross_entropy_modules_claims(tmp_path):
    g = torch.Generator().manual_seed(9)
    Xs = torch.rand(2, 3, generator=g, dtype=torch.float64)
    jac = torch.autograd.functional.jacobian(lambda x: torch.softmax(x, dim=1), Xs).numpy()  # [s, c, i, j]
    Y = torch.softmax(Xs, dim=1).numpy()
    eye2, eye3 = np.eye(2), np.eye(3)
    right = np.einsum("si,sc,scj->scij", eye2, Y, eye3[None, :, :] - Y[:, None, :])
    slip = np.einsum("si,sc,sj->scij", eye2, Y, 1 - Y)
    P = torch.softmax(torch.rand(2, 3, generator=g, dtype=torch.float64), dim=1).requires_grad_(True)
    T = torch.eye(3, dtype=torch.float64)[[0, 2]]
    (-(T * torch.log(P)).sum() / 2).backward()
    oracle = {"softmax": np.allclose(right, jac), "softmax_slip": np.allclose(slip, jac),
              "ce": np.allclose(-(T / P).detach().numpy() / 2, P.grad.numpy()),
              "ce_slip": np.allclose(-(T / P).detach().numpy(), P.grad.numpy())}
    assert oracle == {"softmax": True, "softmax_slip": False, "ce": True, "ce_slip": False}
    got = _verify(tmp_path, SPEC, ANSWER, name="answer.tex")
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)


def test_a_claim_on_b_that_depends_on_what_B_means_is_judged_only_when_the_answer_says(tmp_path):
    """∂L/∂B_{ij} = Σ_s ∂L/∂Y_{sj} holds when B_{ij} stands for b_j (B = 1 bᵀ) and not for a B of its own entries: an
    answer that never writes b leaves it open (unchecked); one that writes b decides it."""
    _, _, G, _, db, _, _ = _linear_truth()
    assert np.allclose(G.sum(axis=0), db) and not np.allclose(G.sum(axis=0)[None, :].repeat(2, 0), G)
    claim = (r"\[ \frac{\partial L}{\partial B_{ij}} = \sum_s^S \sum_n^N \frac{\partial L}{\partial Y_{sn}} \delta_{nj}"
             r" = \sum_s^S \frac{\partial L}{\partial Y_{sj}} \tag{dB} \]")
    base = (r"\[ \frac{\partial Y_{sn}}{\partial W_{ij}} = X_{sj}\delta_{ni} \tag{a} \]" "\n"
            r"\[ \frac{\partial Y_{sn}}{\partial X_{ij}} = \delta_{si} W_{nj} \tag{c} \]" "\n")
    open_answer = "Linear module $Y = X W^T + B$.\n" + base + claim + "\n"
    got = _verify(tmp_path, SPEC, open_answer, name="answer.tex")
    assert got["dB"].verdict == "unchecked"
    decided = "Linear module $Y = X W^T + B$, $B_{ij} = b_j$.\n" + base + claim + "\n"
    got = _verify(tmp_path, SPEC, decided, name="answer2.tex")
    assert got["dB"].verdict == "correct"


def test_a_tex_comment_inside_a_display_is_not_read(tmp_path):
    """TeX (and MathJax, KaTeX) drop a line's text after an unescaped %: a grader's note at the end of a row."""
    _, W, G, _, _, dX, _ = _linear_truth()
    assert np.allclose(G @ W, dX)
    body = ANSWER.replace(r"\mathbf{W} \tag{dL_dX} \]", r"\mathbf{W} \tag{dL_dX} % see question 1c" "\n" r"\]")
    got = _verify(tmp_path, SPEC, body, name="answer.tex")
    assert got["dL_dX"].verdict == "correct"


def test_hostile_module_claims_stay_bounded(tmp_path):
    """Sums over many indices, deep nesting and a flood of claims end within the per-claim limits, unchecked."""
    import time

    deep = "(" * 60 + "X_{ij}" + ")" * 60
    wide = r"\sum_{a,b,c,d}" * 6 + r"X_{ab}W_{cd}"
    body = ANSWER + "".join(
        rf"\[ \frac{{\partial L}}{{\partial X_{{ij}}}} = {deep} \tag{{deep{k}}} \]" "\n"
        rf"\[ \frac{{\partial L}}{{\partial X_{{ij}}}} = {wide} \tag{{wide{k}}} \]" "\n" for k in range(30))
    start = time.monotonic()
    got = _verify(tmp_path, SPEC, body, name="answer.tex")
    assert time.monotonic() - start < 60
    assert got["deep0"].verdict == "unchecked" and got["wide0"].verdict == "unchecked"
    assert got["dL_dX"].verdict == "correct"


OWN = r"""# Softmax and cross-entropy, one example

The network's output is a softmax $p_j = \frac{e^{z_j}}{\sum_k e^{z_k}}$ and the loss $L = -\sum_i y_i \log(p_i)$, with
$y$ one-hot.

$$\frac{\partial L}{\partial p_i} = -\frac{y_i}{p_i} \tag{dp}$$
$$\frac{\partial L}{\partial p_i} = -\frac{1}{p_i} \tag{dp_slip}$$
$$\frac{\partial p_i}{\partial z_j} = p_i(\delta_{ij} - p_j) \tag{jac}$$
$$\frac{\partial p_i}{\partial z_j} = p_i(1 - p_j) \tag{jac_slip}$$
$$\frac{\partial L}{\partial z_j} = \sum_i \frac{\partial L}{\partial p_i} \frac{\partial p_i}{\partial z_j} = p_j - y_j \tag{dz}$$
$$\frac{\partial L}{\partial z_j} = y_j - p_j \tag{dz_slip}$$
"""


def _own_truth():
    """One example's softmax and cross-entropy on torch: the Jacobian ∂p/∂z, ∂L/∂p and ∂L/∂z by autograd."""
    g = torch.Generator().manual_seed(4)
    z = torch.rand(3, generator=g, dtype=torch.float64)
    y = torch.tensor([0.0, 1.0, 0.0], dtype=torch.float64)
    jac = torch.autograd.functional.jacobian(lambda v: torch.softmax(v, 0), z).numpy()  # [i, j]
    p = torch.softmax(z, 0).requires_grad_(True)
    (-(y * torch.log(p)).sum()).backward()
    zz = z.clone().requires_grad_(True)
    (-(y * torch.log_softmax(zz, 0)).sum()).backward()
    return p.detach().numpy(), y.numpy(), jac, p.grad.numpy(), zz.grad.numpy()


def test_a_softmax_in_the_answers_own_letters_is_judged_for_one_example(tmp_path):
    p, y, jac, dp, dz = _own_truth()
    oracle = {"dp": np.allclose(-y / p, dp), "dp_slip": np.allclose(-1 / p, dp),
              "jac": np.allclose(p[:, None] * (np.eye(3) - p[None, :]), jac),
              "jac_slip": np.allclose(p[:, None] * (1 - p[None, :]), jac),
              "dz": np.allclose(p - y, dz), "dz_slip": np.allclose(y - p, dz)}
    assert oracle == {"dp": True, "dp_slip": False, "jac": True, "jac_slip": False, "dz": True, "dz_slip": False}
    got = _verify(tmp_path, SPEC, OWN)
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)


def test_a_formula_true_in_one_case_of_two_indices_is_not_called_wrong_where_the_answer_splits_cases(tmp_path):
    """∂p_i/∂z_j = −p_i p_j holds where i ≠ j only: in an answer that works the cases i = j and i ≠ j apart it is not
    called wrong (which case it states is not read); written for every i, j with no cases, it is wrong."""
    p, _, jac, _, _ = _own_truth()
    off = ~np.eye(3, dtype=bool)
    assert np.allclose((-np.outer(p, p))[off], jac[off]) and not np.allclose(-np.outer(p, p), jac)
    claim = r"$$\frac{\partial p_i}{\partial z_j} = -p_i p_j \tag{off}$$" "\n"
    split = OWN + "\nIn the case $i = j$ the quotient rule gives one form; in the case $i \\neq j$:\n\n" + claim
    general = OWN + "\nFor every $i$ and $j$:\n\n" + claim
    assert _verify(tmp_path, SPEC, split)["off"].verdict in ("unchecked", "correct")
    assert _verify(tmp_path, SPEC, general, name="general.md")["off"].verdict == "incorrect"


BISHOP = r"""# Softmax outputs (Bishop's letters)

The outputs are $y_k = \frac{\exp(a_k)}{\sum_{j=1}^{K} \exp(a_j)}$ and the error of one pattern is
$E = -\sum_{k=1}^{K} t_k \ln y_k$ with one-hot targets $t$.

$$\frac{\partial E}{\partial a_j} = y_j - t_j \tag{da}$$
$$\frac{\partial E}{\partial a_j} = y_j (1 - t_j) \tag{da_slip}$$
$$\frac{\partial y_k}{\partial a_j} = y_k (\delta_{kj} - y_j) \tag{dy}$$
"""


def test_own_letters_with_an_exp_softmax_and_a_loss_named_E(tmp_path):
    """Bishop's y_k = exp(a_k)/Σ_j exp(a_j), E = −Σ_k t_k ln y_k: E is the loss, a the logits, t the targets."""
    p, y, jac, _, dz = _own_truth()
    oracle = {"da": np.allclose(p - y, dz), "da_slip": np.allclose(p * (1 - y), dz),
              "dy": np.allclose(p[:, None] * (np.eye(3) - p[None, :]), jac)}
    assert oracle == {"da": True, "da_slip": False, "dy": True}
    got = _verify(tmp_path, SPEC, BISHOP)
    for cid, holds in oracle.items():  # (never the wrong verdict: a reading of a as the hidden layer's activation that
        # disagrees with the answer's own softmax leaves the claim open)
        assert got[cid].verdict in (("correct" if holds else "incorrect"), "unchecked"), (cid, got[cid].message)
    assert got["da"].verdict == "correct" and got["da_slip"].verdict == "incorrect"


NISITH_SPEC = _spec("nisith", "column", 4, [(3, "relu"), (2, "softmax")], "cross_entropy", 0.1)

NISITH = r"""## Back Propagation
- Derivative of the Cross Entropy Loss

     \[ \delta = \hat{y} - y_{\text{true}} \]

- Gradient of the error for hidden layers with respect to weighted input

     \[ \delta_i = \delta_{i+1} \cdot W_{i+1}^T \cdot \text{ReLU}'(z_i) \tag{hidden} \]

- Gradient of the biases

     \[ \frac{\partial L}{\partial b_i} = \frac{1}{m} \cdot \sum_{j=1}^{m} \delta_i^{(j)} \tag{bias} \]
"""


def _bias_truth():
    """A 4-3-2 ReLU/softmax network, samples as rows (z = a W + b), the mean cross-entropy over 8 samples: ∂L/∂b² by
    central differences, and the sum over the samples of each one's own error ŷ − y (δ of one example, no 1/m)."""
    from conftest import central_differences

    rng = np.random.default_rng(11)
    X, W1, b1 = rng.normal(size=(8, 4)), rng.normal(size=(4, 3)), rng.normal(size=3)
    W2, b2 = rng.normal(size=(3, 2)), rng.normal(size=2)
    Y = np.eye(2)[rng.integers(0, 2, 8)]

    def probs(b):
        z = np.maximum(X @ W1 + b1, 0) @ W2 + b
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def loss(p):
        return -np.mean(np.sum(Y * np.log(probs(p["b2"])), axis=1))

    db2 = central_differences(loss, {"b2": b2.copy()})["b2"]
    return db2, (probs(b2) - Y).sum(axis=0)


def test_a_layer_numbered_by_a_subscript_letter_with_offsets_and_a_delta_of_one_example(tmp_path):
    """Nisith's δ_i = δ_{i+1} W_{i+1}^T ReLU'(z_i): i (with i + 1, i − 1 on δ) numbers the layers; his δ = ŷ − y_true is
    one example's error, so ∂L/∂b_i = 1/m Σ_j δ_i^{(j)} holds for the mean loss and the sum without 1/m does not (the
    scale no longer chosen by the vote of the one claim that writes it)."""
    db2, summed = _bias_truth()
    assert np.allclose(summed / 8, db2) and not np.allclose(summed, db2)
    got = _verify(tmp_path, NISITH_SPEC, NISITH)
    assert got["bias"].verdict == "correct", got["bias"].message
    slip = NISITH.replace(r"\frac{1}{m} \cdot \sum", r"\sum")
    got = _verify(tmp_path, NISITH_SPEC, slip, name="slip.md")
    assert got["bias"].verdict == "incorrect", got["bias"].message


def test_a_transpose_written_inside_a_bracketed_layer_script(tmp_path):
    """josephtkim's ``W^{[\\ell + 1]^\\top}`` is W^{[ℓ+1]} transposed (as ``W^{[\\ell+1]T}`` reads): his hidden δ."""
    from conftest import central_differences

    rng = np.random.default_rng(5)
    x, W1, b1, W2, b2, y = (rng.normal(size=3), rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(2, 4)),
                            rng.normal(size=2), rng.uniform(size=2))
    sig = lambda u: 1 / (1 + np.exp(-u))  # noqa: E731
    z1 = W1 @ x + b1

    def loss(p):
        return 0.5 * np.sum((sig(W2 @ sig(p["z1"]) + b2) - y) ** 2)

    d1 = central_differences(loss, {"z1": z1.copy()})["z1"]
    a2 = sig(W2 @ sig(z1) + b2)
    d2 = (a2 - y) * a2 * (1 - a2)
    assert np.allclose((W2.T @ d2) * sig(z1) * (1 - sig(z1)), d1, atol=1e-6)
    spec = _spec("joseph", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.1)
    body = (r"$$z^{[\ell]} = W^{[\ell]} a^{[\ell - 1]} + b^{[\ell]}$$" "\n\n"
            r"$$\delta^{[\ell]} = \left( W^{[\ell + 1]^\top} \delta^{[\ell + 1]} \right) \odot \sigma'(z^{[\ell]}) \tag{hidden}$$")
    got = _verify(tmp_path, spec, body)
    assert got["hidden"].verdict == "correct", got["hidden"].message


def test_a_claim_is_read_as_a_module_only_when_its_letters_or_the_claims_before_it_name_one(tmp_path):
    """∂L/∂Y = Y − T fits only the softmax-with-cross-entropy module's letters, but nothing names that module (no Z, no
    softmax before it): under a squared error it is right, so it is never judged as that module's (where it is wrong)."""
    body = (r"\[ \frac{\partial L}{\partial \mathbf{Y}} = \mathbf{Y} - \mathbf{T} \tag{mse} \]" "\n"
            "For the linear module $Y = X W^T + B$:\n"
            r"\[ \frac{\partial Y_{sn}}{\partial W_{ij}} = X_{sj}\delta_{ni} \tag{a} \]" "\n"
            r"\[ \frac{\partial Y_{sn}}{\partial X_{ij}} = \delta_{si} W_{nj} \tag{c} \]" "\n")
    got = _verify(tmp_path, SPEC, body, name="answer.tex")
    assert got["a"].verdict == "correct" and got["c"].verdict == "correct"
    assert got["mse"].verdict != "incorrect" or "module" not in got["mse"].message


FAUSETT = """# Satu langkah (one step of a 2-3-1 sigmoid network, Fausett's letters)

Z₁(in) = X₁·w₁₁ + X₂·w₂₁ + 1·bias₁ = (1)(-0.3) + (1)(0.3) + (1)(-0.1) = -0.3 + 0.3 - 0.1 = -0.1

Z₂(in) = X₁·w₁₂ + X₂·w₂₂ + 1·bias₂ = (1)(0.3) + (1)(-0.2) + (1)(0.3) = 0.3 - 0.2 + 0.3 = 0.4

Y₁(in) = Z₁·v₁ + Z₂·v₂ = (0.4750)(-0.1) + (0.5987)(0.5) = -0.0475 + 0.29935 = 0.35185

Y₁ = σ(Y₁(in)) = 1/(1 + e^(-0.21)) = 0.56

total₁ = -4^2 + 6^2 = 52
"""


def test_an_arithmetic_slip_between_written_numbers_is_wrong_whatever_the_letters_mean(tmp_path):
    """The letters (Z₁(in), bias₁) do not read, but −0.0475 + 0.29935 = 0.25185, not the 0.35185 written: a slip is
    `incorrect`; right arithmetic stays `unchecked` (its letters unread); a coarse rounding (σ(0.21) = 0.5523 written
    0.56, within one unit of its last digit) and −4^2 (−16 as written, 16 as meant) are not called slips."""
    assert abs(-0.0475 + 0.29935 - 0.35185) > 0.05 and abs(-0.3 + 0.3 - 0.1 - (-0.1)) < 1e-12
    assert abs(0.3 - 0.2 + 0.3 - 0.4) < 1e-12 and abs(1 / (1 + np.exp(-0.21)) - 0.56) < 0.01
    spec = _spec("fausett", "column", 2, [(3, "sigmoid"), (1, "sigmoid")], "squared_error", 0.2)
    got = _verify(tmp_path, spec, FAUSETT)
    verdicts = {cid: r.verdict for cid, r in got.items()}
    wrong = [cid for cid, v in verdicts.items() if v == "incorrect"]
    assert len(wrong) == 1 and "0.35185" in got[wrong[0]].latex, verdicts
    assert all(v == "unchecked" for cid, v in verdicts.items() if cid not in wrong), verdicts


def test_a_github_wikis_markdown_escaped_align_is_read(tmp_path):
    """A GitHub wiki keeps TeX escaped for Markdown: ``\\begin{align\\*}``, rows ended by ``\\\\\\\\``, ``\\^``."""
    body = ("Some text.\n\n\\begin{align\\*}\nz^{(1)} &= W^{(1)} x + b^{(1)} \\\\\\\\\n"
            "a^{(1)} &= \\sigma(z^{(1)})\n\\end{align\\*}\n")
    from gradproof.verify.document import extract

    claims = extract(body, "wiki.md")
    assert [c.latex.strip() for c in claims] == ["z^{(1)} = W^{(1)} x + b^{(1)}", "a^{(1)} = \\sigma(z^{(1)})"]


def test_a_module_the_document_never_writes_is_never_the_reading(tmp_path):
    """Z beside Y and T names softmax with cross-entropy only in a document that writes a softmax and a logarithm: under
    a sigmoid and a squared error, ∂L/∂Z_{sn} = (Y_{sn} − T_{sn}) Y_{sn} (1 − Y_{sn}) is right (NumPy below) and must not
    be judged as the softmax's (where it is wrong)."""
    rng = np.random.default_rng(2)
    Z, T = rng.normal(size=(2, 3)), rng.uniform(size=(2, 3))
    Y = 1 / (1 + np.exp(-Z))
    h = 1e-6
    numeric = np.zeros_like(Z)
    for idx in np.ndindex(Z.shape):
        up, down = Z.copy(), Z.copy()
        up[idx] += h
        down[idx] -= h
        numeric[idx] = (0.5 * np.sum((1 / (1 + np.exp(-up)) - T) ** 2) - 0.5 * np.sum((1 / (1 + np.exp(-down)) - T) ** 2)) / (2 * h)
    assert np.allclose((Y - T) * Y * (1 - Y), numeric, atol=1e-7)
    body = ("For the linear module $Y = X W^T + B$:\n"
            r"\[ \frac{\partial Y_{sn}}{\partial W_{ij}} = X_{sj}\delta_{ni} \tag{a} \]" "\n"
            r"\[ \frac{\partial Y_{sn}}{\partial X_{ij}} = \delta_{si} W_{nj} \tag{c} \]" "\n"
            r"Then $Y = \sigma(Z)$ and $L = \frac{1}{2}\sum_{s,n} (Y_{sn} - T_{sn})^2$:" "\n"
            r"\[ \frac{\partial L}{\partial Z_{sn}} = (Y_{sn} - T_{sn}) Y_{sn} (1 - Y_{sn}) \tag{mse} \]" "\n")
    got = _verify(tmp_path, SPEC, body, name="answer.tex")
    assert got["a"].verdict == "correct"
    assert got["mse"].verdict != "incorrect", got["mse"].message


def test_a_cases_brace_grouping_equations_is_read_row_by_row(tmp_path):
    """``\\begin{cases} a = … \\\\ z = … \\end{cases}`` with no condition after & groups equations (a system, as Chinese
    course notes write updates and chain-rule results); each row is judged: the second row's z^{(1)} for a^{(1)} is
    wrong (NumPy: W^{(2)} z^{(1)} + b^{(2)} differs from W^{(2)} σ(z^{(1)}) + b^{(2)})."""
    rng = np.random.default_rng(8)
    W1, b1, W2, b2, x = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(2, 4)), rng.normal(size=2), rng.normal(size=3)
    z1 = W1 @ x + b1
    assert not np.allclose(W2 @ z1 + b2, W2 @ (1 / (1 + np.exp(-z1))) + b2)
    spec = _spec("system", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.1)
    body = (r"$$\begin{cases} z^{(1)} = W^{(1)} x + b^{(1)} \\ z^{(2)} = W^{(2)} z^{(1)} + b^{(2)} \end{cases} \tag{sys}$$"
            "\n")
    got = _verify(tmp_path, spec, body)
    assert got["sys"].verdict == "incorrect", got["sys"].message


def test_an_index_that_runs_over_two_ranges_in_one_side_is_wrong(tmp_path):
    """``\\frac{\\partial L}{\\partial X_{ij}} = \\sum_n \\frac{\\partial L}{\\partial Y_{in}} W_{jn}`` under Y = X W^T + B:
    n runs over Y's 3 columns and over W's 4 columns — no W_{jn} exists for j over X's 4 columns (W is 3 × 4); the
    right form (autograd) is Σ_n ∂L/∂Y_{in} W_{nj}."""
    X, W, G, _, _, dX, _ = _linear_truth()
    assert W.shape == (3, 4) and np.allclose(G @ W, dX)
    body = ("With $Y = X W^T + B$ and $B_{sn} = b_n$:\n"
            r"\[ \frac{\partial Y_{sn}}{\partial W_{ij}} = X_{sj}\delta_{ni} \tag{a} \]" "\n"
            r"\[ \frac{\partial Y_{sn}}{\partial X_{ij}} = \delta_{si} W_{nj} \tag{c} \]" "\n"
            r"\[ \frac{\partial L}{\partial X_{ij}} = \sum_{n} \frac{\partial L}{\partial Y_{in}} W_{nj} \tag{right} \]" "\n"
            r"\[ \frac{\partial L}{\partial X_{ij}} = \sum_{n} \frac{\partial L}{\partial Y_{in}} W_{jn} \tag{slip} \]" "\n")
    got = _verify(tmp_path, SPEC, body, name="answer.tex")
    assert got["right"].verdict == "correct" and got["slip"].verdict == "incorrect", got["slip"].message
