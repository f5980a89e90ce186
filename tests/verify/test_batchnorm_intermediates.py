"""A batch-norm backward derivation in its own intermediate quantities (verify/intermediates.py's batch-norm reading,
issue 10).

The first document follows Abhimanyu Talwar's public post "Calculus for Batch Normalization" (2017): one feature, N
examples x_i of the batch, μ = 1/N Σ_j x_j, σ² = 1/N Σ_j (x_j − μ)², the index written inside the hat (\\hat{x_i}),
y_i = γ \\hat{x_i} + β, and its (Gradient) equation ∂L/∂x_i = Σ_k ∂L/∂y_k × ∂y_k/∂x_i; its forward definitions and the
(Gradient) equation are the post's, the later steps are my own in its notation (total derivatives, Kronecker δ_{ik});
a copy with planted mistakes (a missing 1/N, the power of (σ² + ε) written 1/2 for 3/2, the mean's term dropped from
∂L/∂x_i, γ for x̂ in ∂L/∂γ). The second is my own in the style of a learner's notes (m examples, δ_i = ∂L/∂y_i the
upstream gradient, σ redefined by "\\quad \\text{Let } σ = √(σ² + ε)", a sentence "For j = i" before the display that
gives the j = i term of a sum), not a corpus file.

Every expected verdict was decided by hand and is confirmed here independently: NumPy (one feature's column typed by
hand, central differences of it, a random upstream gradient g = ∂L/∂y: L = Σ g y is any scalar downstream of y) and
torch.nn.BatchNorm1d's autograd for ∂L/∂x, ∂L/∂γ, ∂L/∂β — never verify's own output."""

from __future__ import annotations

import numpy as np
import pytest
from test_intermediates import central  # central differences, a column per entry
from test_intermediates import layer as column  # one feature's column through the normalisation, by hand: (μ, σ², x̂, y)

M = 6  # the batch
EPS = 1e-5
SPEC = ('name = "bn_post"\ntitle = "a batch-norm post"\nconvention = "column"\ninputs = 3\n\n'
        '[[layers]]\nunits = 4\nactivation = "identity"\n\n'
        '[[layers]]\nkind = "batchnorm"\neps = 1e-5\nmomentum = 0.9\nactivation = "identity"\n\n'
        '[[layers]]\nunits = 2\nactivation = "identity"\n\n[loss]\nname = "squared_error"\n\n'
        '[optimizer]\nname = "sgd"\nlearning_rate = 0.01\n')
RNG = np.random.default_rng(14)


def _forms():
    """(name -> (the hand formula, the oracle)), both (x, γ, β, g) -> an array; `_planted` ones must differ."""
    s = lambda x: np.sqrt(column(x, 1, 0)[1] + EPS)  # noqa: E731
    xh = lambda x: column(x, 1, 0)[2]  # noqa: E731
    c = lambda x: x - x.mean()  # noqa: E731
    dxhat = lambda x, gm, bt, g: central(lambda v: column(v, gm, bt)[2], x)  # [k, i] = ∂x̂_k/∂x_i  # noqa: E731
    dL_dx = lambda x, gm, bt, g: central(lambda v: np.sum(g * column(v, gm, bt)[3]), x)  # noqa: E731
    dL_dgamma = lambda x, gm, bt, g: (np.sum(g * column(x, gm + 1e-6, bt)[3]) -  # noqa: E731
                                      np.sum(g * column(x, gm - 1e-6, bt)[3])) / 2e-6
    return {
        "dmu": (lambda x, gm, bt, g: np.full(M, 1 / M), lambda x, gm, bt, g: central(lambda v: column(v, 1, 0)[0], x)),
        "dmu_planted": (lambda x, gm, bt, g: np.ones(M), lambda x, gm, bt, g: central(lambda v: column(v, 1, 0)[0], x)),
        "dvar": (lambda x, gm, bt, g: 2 / M * c(x), lambda x, gm, bt, g: central(lambda v: column(v, 1, 0)[1], x)),
        "dxhat": (lambda x, gm, bt, g: (np.eye(M) - 1 / M) / s(x) - np.outer(c(x), c(x)) / (M * s(x) ** 3), dxhat),
        "dxhat_power_planted": (lambda x, gm, bt, g: (np.eye(M) - 1 / M) / s(x) - np.outer(c(x), c(x)) / (M * s(x)),
                                dxhat),
        "dgamma": (lambda x, gm, bt, g: np.sum(g * xh(x)), dL_dgamma),
        "dgamma_planted": (lambda x, gm, bt, g: np.sum(g * gm), dL_dgamma),
        "dx": (lambda x, gm, bt, g: gm / (M * s(x)) * (M * g - g.sum() - xh(x) * np.sum(g * xh(x))), dL_dx),
        "dx_mean_term_planted": (lambda x, gm, bt, g: gm / (M * s(x)) * (M * g - xh(x) * np.sum(g * xh(x))), dL_dx),
        # the j = i term of Σ_j ∂L/∂x̂_j ∂x̂_j/∂x_i: not ∂L/∂x_i itself (why a claim under "For j = i" is not judged)
        "dx_diagonal_term_planted": (lambda x, gm, bt, g: g * gm * np.diag(dxhat(x, gm, bt, g)), dL_dx),
    }


def test_the_hand_verdicts_hold_numerically():
    """The verdicts below, decided by hand, checked against central differences of the column typed by hand."""
    for _ in range(3):
        x, gm, bt, g = RNG.normal(size=M), RNG.uniform(0.5, 1.5), RNG.normal(), RNG.normal(size=M)
        for name, (formula, oracle) in _forms().items():
            ok = np.allclose(formula(x, gm, bt, g), oracle(x, gm, bt, g), atol=1e-5)
            assert ok == (not name.endswith("_planted")), name


def test_torch_batchnorm_agrees_with_the_closed_forms():
    """∂L/∂x, ∂L/∂γ, ∂L/∂β of torch.nn.BatchNorm1d (training mode, biased variance) against the closed forms."""
    torch = pytest.importorskip("torch")
    X = RNG.normal(size=(M, 3))
    G = RNG.normal(size=(M, 3))
    bn = torch.nn.BatchNorm1d(3, eps=EPS, dtype=torch.float64)
    with torch.no_grad():
        bn.weight.copy_(torch.tensor([0.7, 1.2, 0.9], dtype=torch.float64))
        bn.bias.copy_(torch.tensor([0.1, -0.3, 0.2], dtype=torch.float64))
    xt = torch.tensor(X, requires_grad=True)
    (bn(xt) * torch.tensor(G)).sum().backward()
    gm = bn.weight.detach().numpy()
    forms = _forms()
    for f in range(3):
        x, g = X[:, f], G[:, f]
        assert np.allclose(xt.grad.numpy()[:, f], forms["dx"][0](x, gm[f], 0, g), atol=1e-8)
        assert np.allclose(bn.weight.grad.numpy()[f], forms["dgamma"][0](x, gm[f], 0, g), atol=1e-8)
        assert np.isclose(bn.bias.grad.numpy()[f], g.sum())


FORWARD = [
    r"\mu = \frac{1}{N} \sum_{j=1}^N x_j",
    r"\sigma^2 = \frac{1}{N} \sum_{j=1}^N (x_j - \mu)^2",
    r"\hat{x_i} = \frac{(x_i - \mu)}{\sqrt{(\sigma^2 + \epsilon)}}",
    r"y_i = \gamma \hat{x_i} + \beta",
]
TALWAR = FORWARD + [
    r"\frac{\partial L}{\partial x_i} = \sum_{k=1}^N \left( \frac{\partial L}{\partial y_k} \times "
    r"\frac{\partial y_k}{\partial x_i} \right)",
    r"\frac{\partial y_k}{\partial x_i} = \gamma \frac{\partial \hat{x_k}}{\partial x_i}",
    r"\frac{\partial \mu}{\partial x_i} = \frac{1}{N}",  # dmu
    r"\frac{\partial \sigma^2}{\partial x_i} = \frac{2}{N} (x_i - \mu)",  # dvar
    r"\frac{\partial \hat{x_k}}{\partial x_i} = \frac{\delta_{ik} - \frac{1}{N}}{\sqrt{\sigma^2 + \epsilon}} - "
    r"\frac{(x_k - \mu)(x_i - \mu)}{N (\sigma^2 + \epsilon)^{3/2}}",  # dxhat
    r"\frac{\partial L}{\partial \gamma} = \sum_{k=1}^N \frac{\partial L}{\partial y_k} \hat{x_k}",  # dgamma
    r"\frac{\partial L}{\partial \beta} = \sum_{k=1}^N \frac{\partial L}{\partial y_k}",
    r"\frac{\partial L}{\partial x_i} = \frac{\gamma}{N \sqrt{\sigma^2 + \epsilon}} \left( N \frac{\partial L}{\partial y_i}"
    r" - \sum_{k=1}^N \frac{\partial L}{\partial y_k} - \hat{x_i} \sum_{k=1}^N \frac{\partial L}{\partial y_k} \hat{x_k}"
    r" \right)",  # dx
]
PLANTED = dict(enumerate(TALWAR)) | {
    6: r"\frac{\partial \mu}{\partial x_i} = 1",  # dmu_planted: the 1/N missing
    8: r"\frac{\partial \hat{x_k}}{\partial x_i} = \frac{\delta_{ik} - \frac{1}{N}}{\sqrt{\sigma^2 + \epsilon}} - "
       r"\frac{(x_k - \mu)(x_i - \mu)}{N (\sigma^2 + \epsilon)^{1/2}}",  # dxhat_power_planted
    9: r"\frac{\partial L}{\partial \gamma} = \sum_{k=1}^N \frac{\partial L}{\partial y_k} \gamma",  # dgamma_planted
    11: r"\frac{\partial L}{\partial x_i} = \frac{\gamma}{N \sqrt{\sigma^2 + \epsilon}} \left( N \frac{\partial L}"
        r"{\partial y_i} - \hat{x_i} \sum_{k=1}^N \frac{\partial L}{\partial y_k} \hat{x_k} \right)",  # dx_mean_term
}


def _document(rows: list[str]) -> str:
    return "\n\n".join(f"$$ {r} $$" for r in rows) + "\n"


def _ids(rows) -> list[str]:
    return [f"line {2 * k + 1}" for k in range(len(rows))]  # one display per line, a blank line between


def _verdicts(tmp_path, text: str, spec: str = SPEC) -> dict:
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(spec)
    (tmp_path / "post.md").write_text(text)
    results, _, _ = verify_file(str(tmp_path / "post.md"), str(tmp_path / "spec.toml"))
    return {r.id: (r.verdict, r.message) for r in results}


def test_a_batch_norm_post_in_its_own_quantities_is_judged(tmp_path):
    got = _verdicts(tmp_path, _document(TALWAR))
    for cid in _ids(TALWAR):
        assert got[cid][0] == "correct", (cid, got[cid])


def test_planted_mistakes_stay_incorrect(tmp_path):
    rows = [PLANTED[k] for k in range(len(TALWAR))]
    got = _verdicts(tmp_path, _document(rows))
    for k, cid in enumerate(_ids(rows)):
        want = "incorrect" if rows[k] != TALWAR[k] else "correct"
        assert got[cid][0] == want, (cid, rows[k], got[cid])


NOTES = """## Backward pass

$$\\frac{\\partial L}{\\partial \\beta} = \\sum_{i=1}^m \\delta_i \\\\
\\frac{\\partial L}{\\partial \\gamma} = \\sum_{i=1}^m \\delta_i \\hat{x}_i$$

$$ \\begin{align*} \\frac{\\partial L}{\\partial \\hat{x}_j} &= \\delta_j \\gamma \\\\
\\frac{\\partial \\hat{x}_j}{\\partial x_i} &= \\frac{1}{\\sigma} \\frac{\\partial (x_j - \\mu)}{\\partial x_i} - \
\\frac{(x_j - \\mu)(x_i - \\mu)}{m \\sigma^3 } \\quad \\text{Let }~ \\sigma = \\sqrt{\\sigma^2 + \\epsilon} \\\\
\\frac{\\partial \\sigma^2}{\\partial x_i} &= \\frac{2}{m} (x_i - \\mu) )
\\end{align*}$$

For j = i

$$ \\frac{\\partial \\hat{x}_i}{\\partial x_i} = \\frac{m-1}{m \\sigma} - \\frac{(x_i - \\mu)^2}{m \\sigma^3 } \\\\
\\frac{\\partial L}{\\partial x_i}= \\delta_i \\gamma (\\frac{m-1}{m \\sigma} - \\frac{(x_i - \\mu)^2}{m \\sigma^3 })  $$

For j != i

$$ \\frac{\\partial \\hat{x}_j}{\\partial x_i} = \\frac{-1}{m\\sigma} - \\frac{(x_j - \\mu)(x_i - \\mu)}{m \\sigma^3 } $$

$$\\frac{\\partial L}{\\partial x_i} = \\frac{\\gamma}{m \\sigma}(m\\delta_i - \\sum_j \\delta_j - \\hat{x}_i \\sum_j \\delta_j \
\\hat{x}_j)$$
"""
# line: verdict (decided by hand; the formulas are `_forms`' dbeta = Σ g, dgamma, dxhat's entries, dvar, dx)
NOTES_EXPECT = {
    "line 3.1": "correct", "line 4.2": "correct",
    "line 6.1": "correct", "line 7.2": "correct",  # with σ as the answer lets it be
    "line 8.3": "correct",  # a stray closing parenthesis at the end is read past
    "line 13.1": "correct",  # ∂x̂_i/∂x_i: the j = i entry of dxhat, whatever the sentence
    "line 14.2": "unchecked",  # the j = i term of the sum only (dx_diagonal_term_planted): not ∂L/∂x_i, not wrong
    "line 18": "correct",  # the entries j ≠ i of dxhat
    "line 20": "correct",
}


def test_notes_with_delta_a_let_and_a_case_sentence(tmp_path):
    got = _verdicts(tmp_path, NOTES)
    for cid, want in NOTES_EXPECT.items():
        assert got[cid][0] == want, (cid, got.get(cid))
    assert "for j = i" in got["line 14.2"][1]


def test_notes_planted(tmp_path):
    """The 1/m of ∂σ²/∂x_i dropped; the j ≠ i entries written with the diagonal's (m − 1)/(mσ); a δ_j for δ_i."""
    text = (NOTES.replace("&= \\frac{2}{m} (x_i - \\mu) )", "&= 2 (x_i - \\mu) )")
            .replace("\\frac{-1}{m\\sigma} - \\frac{(x_j", "\\frac{m-1}{m\\sigma} - \\frac{(x_j")
            .replace("(m\\delta_i - \\sum_j", "(m\\delta_j - \\sum_j"))
    got = _verdicts(tmp_path, text)
    assert got["line 8.3"][0] == "incorrect", got["line 8.3"]
    assert got["line 18"][0] == "incorrect", got["line 18"]
    assert got["line 20"][0] != "correct", got["line 20"]  # (δ_j free on one side: never called right)
    assert got["line 13.1"][0] == "correct"


def test_weights_in_the_answer_keep_the_reading_off(tmp_path):
    """x beside W is the network's input, not the layer's: an answer that writes weights is not read layer-locally."""
    text = _document(TALWAR[7:8] + [r"z = W x + b"])
    got = _verdicts(tmp_path, text)
    assert got["line 1"][0] == "unchecked", got["line 1"]


def test_a_delta_defined_otherwise_is_not_read_as_dl_dy(tmp_path):
    """δ_i is ∂L/∂y_i (the layer's δ) unless the answer defines it otherwise: here δ_i = ∂L/∂x̂_i, so Σ δ_i (which is
    γ Σ ∂L/∂y_i, not ∂L/∂β) is not judged on the dL/dy reading — neither right nor wrong."""
    text = _document([r"\delta_i = \frac{\partial L}{\partial \hat{x}_i}", r"\frac{\partial L}{\partial \beta} = "
                      r"\sum_{i=1}^m \delta_i", r"\frac{\partial L}{\partial \gamma} = \sum_{i=1}^m \frac{\partial L}"
                      r"{\partial y_i} \hat{x}_i"])
    got = _verdicts(tmp_path, text)
    assert got["line 3"][0] == "unchecked", got["line 3"]
    assert got["line 5"][0] == "correct", got["line 5"]


# A vectorised write-up in a notebook's matrix notation (my own, in the notation of dlbook-style course notebooks): the
# layer letter l (z_l = a_{l-1} W_l + b_l, weights written), z_l the (m, h) input of batch norm with the examples as
# rows, \hat{z}_l its normalised value, u_l the output named by its definition γ ⊙ \hat{z}_l + β, ⊙ broadcasting γ, β,
# μ, σ² over the rows, Σ_c the sum along each column (over the examples), the loss's derivatives by μ and σ² the graph's
# partials (z, μ, σ² apart).
MATRIX = [
    r"z_l = a_{l-1} W_l + b_l",
    r"\hat{z}_l = \frac{z_l - \mu}{\sqrt{\sigma^2 + \epsilon}}",
    r"u_l = \gamma \odot \hat{z}_l + \beta",
    r"\frac{\partial J}{\partial \beta} = \sum_c \frac{\partial J}{\partial u_l}",  # dbeta
    r"\frac{\partial J}{\partial \gamma} = \sum_c \frac{\partial J}{\partial u_l} \odot \hat{z}_l",  # dgamma
    r"\frac{\partial J}{\partial \hat{z}_l} = \frac{\partial J}{\partial u_l} \odot \gamma",  # dzhat
    r"\frac{\partial J}{\partial \sigma^2} = -\frac{1}{2} \sum_c \frac{\partial J}{\partial \hat{z}_l} \odot (z_l - \mu)"
    r" (\sigma^2 + \epsilon)^{-3/2}",  # dvar (the graph's)
    r"\frac{\partial J}{\partial \mu} = -\sum_c \frac{\partial J}{\partial \hat{z}_l} \frac{1}{\sqrt{\sigma^2 + \epsilon}}",
    r"\frac{\partial J}{\partial z_l} = \frac{\partial J}{\partial \hat{z}_l} \frac{1}{\sqrt{\sigma^2 + \epsilon}} + "
    r"\frac{2}{m} \frac{\partial J}{\partial \sigma^2} \odot (z_l - \mu) + \frac{1}{m} \frac{\partial J}{\partial \mu}",
]
MATRIX_PLANTED = dict(enumerate(MATRIX)) | {
    6: r"\frac{\partial J}{\partial \sigma^2} = -\frac{1}{2} \sum_c \frac{\partial J}{\partial \hat{z}_l} \odot (z_l - \mu)"
       r" (\sigma^2 + \epsilon)^{-1/2}",  # the power of (σ² + ε)
    7: r"\frac{\partial J}{\partial \mu} = -\sum_c \frac{\partial J}{\partial u_l} \frac{1}{\sqrt{\sigma^2 + \epsilon}}",  # γ lost
    8: r"\frac{\partial J}{\partial z_l} = \frac{\partial J}{\partial \hat{z}_l} \frac{1}{\sqrt{\sigma^2 + \epsilon}} + "
       r"\frac{2}{m} \frac{\partial J}{\partial \sigma^2} \odot (z_l - \mu) + \frac{\partial J}{\partial \mu}",  # the 1/m
}
MATRIX_JUDGED = range(1, 9)  # (z_l = a_{l-1} W_l + b_l is the judge's, not this reading's)


def test_the_matrix_forms_hold_numerically():
    """The matrix write-up by hand against central differences: J = Σ G ⊙ u for a random G (m, h); the graph's
    partials by μ and σ² with z and the other statistic held (μ's path through σ² adds 0 at the mean)."""
    m, h = 5, 3
    Z, G = RNG.normal(size=(m, h)), RNG.normal(size=(m, h))
    gm, bt = RNG.uniform(0.5, 1.5, size=h), RNG.normal(size=h)
    mu, var = Z.mean(axis=0), Z.var(axis=0)

    def J(z, mu_, var_):
        return float(np.sum(G * (gm * (z - mu_) / np.sqrt(var_ + EPS) + bt)))

    zhat = (Z - mu) / np.sqrt(var + EPS)
    dzhat = G * gm
    step = 1e-6
    dvar = np.array([(J(Z, mu, var + step * e) - J(Z, mu, var - step * e)) / (2 * step) for e in np.eye(h)])
    dmu = np.array([(J(Z, mu + step * e, var) - J(Z, mu - step * e, var)) / (2 * step) for e in np.eye(h)])
    dz = np.zeros_like(Z)
    for i in range(m):
        for j in range(h):
            e = np.zeros_like(Z)
            e[i, j] = step
            up, down = Z + e, Z - e
            dz[i, j] = (J(up, up.mean(axis=0), up.var(axis=0)) - J(down, down.mean(axis=0), down.var(axis=0))) / (2 * step)
    root = np.sqrt(var + EPS)
    assert np.allclose(dvar, -0.5 * np.sum(dzhat * (Z - mu), axis=0) * root ** -3, atol=1e-5)
    assert not np.allclose(dvar, -0.5 * np.sum(dzhat * (Z - mu), axis=0) / root, atol=1e-3)
    assert np.allclose(dmu, -np.sum(dzhat, axis=0) / root, atol=1e-5)
    assert not np.allclose(dmu, -np.sum(G, axis=0) / root, atol=1e-3)
    assert np.allclose(dz, dzhat / root + 2 / m * dvar * (Z - mu) + dmu / m, atol=1e-5)
    assert not np.allclose(dz, dzhat / root + 2 / m * dvar * (Z - mu) + dmu, atol=1e-3)
    dbeta = np.array([(np.sum(G * (gm * zhat + bt + step * e)) - np.sum(G * (gm * zhat + bt - step * e))) / (2 * step)
                      for e in np.eye(h)])
    dgamma = np.array([(np.sum(G * ((gm + step * e) * zhat + bt)) - np.sum(G * ((gm - step * e) * zhat + bt))) /
                       (2 * step) for e in np.eye(h)])
    assert np.allclose(dbeta, G.sum(axis=0), atol=1e-5) and np.allclose(dgamma, np.sum(G * zhat, axis=0), atol=1e-5)


def test_a_matrix_notebook_with_its_layer_letter_is_judged(tmp_path):
    got = _verdicts(tmp_path, _document(MATRIX))
    ids = _ids(MATRIX)
    for k in MATRIX_JUDGED:
        assert got[ids[k]][0] == "correct", (ids[k], MATRIX[k], got[ids[k]])


def test_a_matrix_notebook_planted(tmp_path):
    rows = [MATRIX_PLANTED[k] for k in range(len(MATRIX))]
    got = _verdicts(tmp_path, _document(rows))
    ids = _ids(rows)
    for k in MATRIX_JUDGED:
        want = "incorrect" if rows[k] != MATRIX[k] else "correct"
        assert got[ids[k]][0] == want, (ids[k], rows[k], got[ids[k]])


def test_a_layer_script_is_no_power(tmp_path):
    """z^{(2)} beside ẑ is layer 2's z, not z squared or z to the first: the claim is left to the judge (unchecked),
    while the same definition without the script is judged (x̂ of the layer's input, by hand above)."""
    text = _document([r"\hat{z}^{(2)} = \frac{z^{(2)} - \mu}{\sqrt{\sigma^2+\epsilon}}",
                      r"\hat{z} = \frac{z - \mu}{\sqrt{\sigma^2+\epsilon}}", r"z^{(2)} = W^{(2)} h^{(1)} + b^{(2)}"])
    got = _verdicts(tmp_path, text)
    assert got["line 1"][0] == "unchecked", got["line 1"]
    assert got["line 3"][0] == "correct", got["line 3"]
