"""A layer-norm backward derivation in its own intermediate quantities (verify/intermediates.py, issue 10).

The document is my own write-up in the notation of a public layer-norm post (yueyiming2009.github.io's
"Layer Normalization": D features, x_i the feature i of one token's row, ε written \\varepsilon, dy_i = ∂L/∂y_i and
d\\hat{x}_i the upstream gradients, n the row of a batch), not a corpus file; a copy with mistakes planted; a second
copy that writes the graph's partials (dσ², ∂x̂_i/∂μ, Ioffe & Szegedy's style), where a derivative by x is read both
as the total derivative and at fixed μ and σ²; and an answer whose μ is not the row mean.

Every expected verdict was decided by hand and is confirmed here by NumPy: the layer typed by hand, central
differences of it for every total derivative, a random upstream gradient g = ∂L/∂y (L = Σ g ⊙ y is any scalar
downstream of y) — never by verify's own output."""

from __future__ import annotations

import numpy as np

D = 4
EPS = 1e-5
SPEC = ('name = "ln_post"\nconvention = "row"\ninputs = 4\n\n[[layers]]\nkind = "layernorm"\neps = 1e-5\n\n'
        '[[layers]]\nunits = 2\nactivation = "identity"\n\n[loss]\nname = "squared_error"\n\n'
        '[optimizer]\nname = "sgd"\nlearning_rate = 0.01\n')
RNG = np.random.default_rng(12)


def layer(x, gamma, beta):
    """One row through the layer norm, by hand: (μ, σ², x̂, y)."""
    mu = x.mean()
    var = ((x - mu) ** 2).mean()
    xhat = (x - mu) / np.sqrt(var + EPS)
    return mu, var, xhat, gamma * xhat + beta


def central(f, x, h=1e-6):
    """∂f/∂x by central differences (f: vector -> array), a column per entry of x."""
    cols = []
    for i in range(len(x)):
        e = np.zeros_like(x)
        e[i] = h
        cols.append((np.asarray(f(x + e)) - np.asarray(f(x - e))) / (2 * h))
    return np.stack(cols, axis=-1)


# (claim, the hand formula as NumPy: (x, γ, β, g) -> value checked against the oracle, the oracle) per line
def _forms():
    r = lambda x: 1 / np.sqrt(layer(x, 1, 0)[1] + EPS)  # noqa: E731
    xh = lambda x: layer(x, 1, 0)[2]  # noqa: E731

    def dL_dx(x, gamma, beta, g):  # the total derivative of L = Σ g y by x
        return central(lambda v: np.sum(g * layer(v, gamma, beta)[3]), x)

    return {
        "dxhat_dx": (lambda x, gm, bt, g: r(x) / D * (D * np.eye(D) - 1 - np.outer(xh(x), xh(x))),
                     lambda x, gm, bt, g: central(lambda v: layer(v, gm, bt)[2], x)),
        "dxhat_dx_planted": (lambda x, gm, bt, g: r(x) / D * (D * np.eye(D) - np.outer(xh(x), xh(x))),
                             lambda x, gm, bt, g: central(lambda v: layer(v, gm, bt)[2], x)),
        "dxhat_dx_sign_planted": (lambda x, gm, bt, g: r(x) / D * (D * np.eye(D) - 1 + np.outer(xh(x), xh(x))),
                                  lambda x, gm, bt, g: central(lambda v: layer(v, gm, bt)[2], x)),
        "dx_mean_planted": (lambda x, gm, bt, g: r(x) * (g * gm - np.sum(g * gm) - xh(x) / D * np.sum(g * gm * xh(x))),
                            dL_dx),
        "dvar_dx": (lambda x, gm, bt, g: 2 / D * (x - x.mean()), lambda x, gm, bt, g: central(lambda v: layer(v, 1, 0)[1], x)),
        "dvar_dx_planted": (lambda x, gm, bt, g: 1 / D * (x - x.mean()),
                            lambda x, gm, bt, g: central(lambda v: layer(v, 1, 0)[1], x)),
        "dx": (lambda x, gm, bt, g: r(x) / D * (D * g * gm - np.sum(g * gm) - xh(x) * np.sum(g * gm * xh(x))), dL_dx),
        "dx_planted": (lambda x, gm, bt, g: r(x) / D * (D * g * gm - np.sum(g * gm) + xh(x) * np.sum(g * gm * xh(x))),
                       dL_dx),
        "dgamma": (lambda x, gm, bt, g: g * xh(x), lambda x, gm, bt, g: central(lambda v: np.sum(g * layer(x, v, bt)[3]), gm)),
        "dgamma_planted": (lambda x, gm, bt, g: g * gm,
                           lambda x, gm, bt, g: central(lambda v: np.sum(g * layer(x, v, bt)[3]), gm)),
        "dxhat_dx_local": (lambda x, gm, bt, g: r(x) * np.eye(D),  # the graph's partial at fixed μ, σ² (not the total)
                           lambda x, gm, bt, g: central(lambda v: layer(v, gm, bt)[2], x)),
    }


def test_the_hand_verdicts_hold_numerically():
    """The verdicts below, decided by hand, checked against central differences of the layer typed by hand."""
    forms = _forms()
    for _ in range(3):
        x, gm, bt, g = RNG.normal(size=D), RNG.uniform(0.5, 1.5, size=D), RNG.normal(size=D), RNG.normal(size=D)
        for name, (formula, oracle) in forms.items():
            ok = np.allclose(formula(x, gm, bt, g), oracle(x, gm, bt, g), atol=1e-6)
            assert ok == (not name.endswith(("_planted", "_local"))), name
    # the batch: ∂L/∂γ_i sums over the rows n (L = Σ_n Σ_i g_{ni} y_{ni})
    X, gm, bt, G = RNG.normal(size=(3, D)), RNG.uniform(0.5, 1.5, size=D), RNG.normal(size=D), RNG.normal(size=(3, D))
    total = central(lambda v: sum(np.sum(G[n] * layer(X[n], v, bt)[3]) for n in range(3)), gm)
    assert np.allclose(total, sum(G[n] * layer(X[n], 1, 0)[2] for n in range(3)), atol=1e-6)
    assert not np.allclose(total, G.sum(axis=0), atol=1e-3)


def _document(rows: list[str]) -> str:
    return "\n\n".join(f"$$ {r} $$" for r in rows) + "\n"


FORWARD = [
    r"\mu = \frac{1}{D}\sum_{i=1}^{D} x_i",
    r"\sigma^2 = \frac{1}{D}\sum_{i=1}^{D}(x_i - \mu)^2",
    r"\hat{x}_i = \frac{x_i - \mu}{\sqrt{\sigma^2 + \varepsilon}}",
    r"y_i = \gamma_i \hat{x}_i + \beta_i",
]
RIGHT = FORWARD + [
    r"\frac{\partial L}{\partial \beta_i} = \frac{\partial L}{\partial y_i} = dy_i",
    r"\frac{\partial L}{\partial \gamma_i} = dy_i \cdot \hat{x}_i",
    r"d\hat{x}_i = dy_i \cdot \gamma_i",
    r"\frac{\partial \hat{x}_j}{\partial x_i} = \frac{1}{D\sqrt{\sigma^2+\varepsilon}}\left(D\delta_{ij} - 1 - \hat{x}_i \hat{x}_j\right)",
    r"\frac{\partial \sigma^2}{\partial x_i} = \frac{2}{D}(x_i - \mu)",
    r"dx_i = \frac{1}{D\sqrt{\sigma^2+\varepsilon}}\left(D\, d\hat{x}_i - \sum_{j=1}^{D} d\hat{x}_j - \hat{x}_i "
    r"\sum_{j=1}^{D} d\hat{x}_j \hat{x}_j\right)",
    r"\frac{\partial L}{\partial \gamma_i} = \sum_{n} dy_{ni} \hat{x}_{ni}",
]
PLANTED = dict(enumerate(RIGHT)) | {
    5: r"\frac{\partial L}{\partial \gamma_i} = dy_i \cdot \gamma_i",
    7: r"\frac{\partial \hat{x}_j}{\partial x_i} = \frac{1}{D\sqrt{\sigma^2+\varepsilon}}\left(D\delta_{ij} - \hat{x}_i \hat{x}_j\right)",
    8: r"\frac{\partial \sigma^2}{\partial x_i} = \frac{1}{D}(x_i - \mu)",
    9: r"dx_i = \frac{1}{D\sqrt{\sigma^2+\varepsilon}}\left(D\, d\hat{x}_i - \sum_{j=1}^{D} d\hat{x}_j + \hat{x}_i "
       r"\sum_{j=1}^{D} d\hat{x}_j \hat{x}_j\right)",
    10: r"\frac{\partial L}{\partial \gamma_i} = \sum_{n} dy_{ni}",
}


def _ids(rows) -> list[str]:
    return [f"line {2 * k + 1}" for k in range(len(rows))]  # one display per line, a blank line between


def _verdicts(tmp_path, rows) -> dict:
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(SPEC)
    (tmp_path / "post.md").write_text(_document(rows))
    results, _, _ = verify_file(str(tmp_path / "post.md"), str(tmp_path / "spec.toml"))
    return {r.id: (r.verdict, r.message) for r in results}


def test_a_layer_norm_post_in_its_own_quantities_is_judged(tmp_path):
    got = _verdicts(tmp_path, RIGHT)
    for cid in _ids(RIGHT):
        assert got[cid][0] == "correct", (cid, got[cid])


def test_planted_mistakes_stay_incorrect(tmp_path):
    rows = [PLANTED[k] for k in range(len(RIGHT))]
    got = _verdicts(tmp_path, rows)
    ids = _ids(rows)
    for k, cid in enumerate(ids):
        want = "incorrect" if rows[k] != RIGHT[k] else "correct"
        assert got[cid][0] == want, (cid, rows[k], got[cid])


def _graph_oracle(x, gm, bt, g):
    """Ioffe & Szegedy's graph by hand: L = Σ g (γ x̂ + β), x̂ = (x − μ)/√(σ² + ε) a function of x, μ and σ² apart;
    the adjoints of σ² and μ by central differences of that function (μ's path through σ² is 0 at the mean:
    ∂σ²/∂μ = −2/D Σ (x_j − μ) = 0), and the total dL/dx."""
    mu, var = x.mean(), x.var()
    L = lambda x_, mu_, var_: np.sum(g * (gm * (x_ - mu_) / np.sqrt(var_ + EPS) + bt))  # noqa: E731
    h = 1e-6
    dvar = (L(x, mu, var + h) - L(x, mu, var - h)) / (2 * h)
    dmu = (L(x, mu + h, var) - L(x, mu - h, var)) / (2 * h)
    dx = central(lambda v: np.sum(g * layer(v, gm, bt)[3]), x)
    return mu, var, dvar, dmu, dx


def test_the_graph_partials_hold_numerically():
    for _ in range(3):
        x, gm, bt, g = RNG.normal(size=D), RNG.uniform(0.5, 1.5, size=D), RNG.normal(size=D), RNG.normal(size=D)
        mu, var, dvar, dmu, dx = _graph_oracle(x, gm, bt, g)
        dxhat = g * gm
        assert np.isclose(dvar, np.sum(dxhat * (x - mu) * -0.5 * (var + EPS) ** -1.5), atol=1e-6)
        assert np.isclose(dmu, -np.sum(dxhat) / np.sqrt(var + EPS), atol=1e-6)
        right = dxhat / np.sqrt(var + EPS) + dvar * 2 * (x - mu) / D + dmu / D
        assert np.allclose(dx, right, atol=1e-6)
        assert not np.allclose(dx, dxhat / np.sqrt(var + EPS) + dvar * 2 * (x - mu) / D - dmu / D, atol=1e-3)
        assert not np.isclose(dmu, np.sum(dxhat) / np.sqrt(var + EPS), atol=1e-3)


GRAPH = FORWARD + [
    r"d\hat{x}_i = dy_i \cdot \gamma_i",
    r"d\sigma^2 = \sum_{j=1}^{D} d\hat{x}_j \cdot \frac{\partial \hat{x}_j}{\partial \sigma^2} = \sum_{j=1}^{D} "
    r"d\hat{x}_j (x_j - \mu) \left(-\tfrac{1}{2}(\sigma^2+\varepsilon)^{-3/2}\right)",
    r"d\mu = \frac{-1}{\sqrt{\sigma^2+\varepsilon}} \sum_{j=1}^{D} d\hat{x}_j",
    r"\frac{\partial \hat{x}_i}{\partial x_i} = \frac{1}{\sqrt{\sigma^2+\varepsilon}}",
    r"\frac{\partial \mu}{\partial x_i} = \frac{1}{D}",
    r"\frac{\partial L}{\partial x_i} = \frac{\partial L}{\partial \hat{x}_i} \frac{\partial \hat{x}_i}{\partial x_i} + "
    r"\frac{\partial L}{\partial \mu} \frac{\partial \mu}{\partial x_i} + \frac{\partial L}{\partial \sigma^2} "
    r"\frac{\partial \sigma^2}{\partial x_i}",
    r"dx_i = d\hat{x}_i \frac{1}{\sqrt{\sigma^2+\varepsilon}} + d\sigma^2 \frac{2(x_i - \mu)}{D} + d\mu \frac{1}{D}",
    r"\frac{\partial \sigma^2}{\partial \mu} = \frac{2}{D}\sum_{j=1}^{D}(x_j - \mu)",
]
GRAPH_WANT = ["correct"] * 6 + ["correct", "unchecked", "correct", "correct", "correct", "unchecked"]
GRAPH_PLANTED = {
    6: (r"d\mu = \frac{1}{\sqrt{\sigma^2+\varepsilon}} \sum_{j=1}^{D} d\hat{x}_j", "incorrect"),
    10: (r"dx_i = d\hat{x}_i \frac{1}{\sqrt{\sigma^2+\varepsilon}} + d\sigma^2 \frac{2(x_i - \mu)}{D} - d\mu \frac{1}{D}",
         "incorrect"),
}


def test_an_answer_that_writes_its_graphs_partials(tmp_path):
    """Ioffe & Szegedy's style for a layer norm: dσ², dμ (the graph's adjoints), ∂x̂_j/∂σ² at fixed μ; the chain rule
    through x̂, μ and σ² written out is read with the graph's partials; ∂x̂_i/∂x_i = 1/√(σ² + ε) alone (right as a
    partial, wrong as the total derivative: _forms' dxhat_dx_local) is neither called right nor wrong; ∂σ²/∂μ is never
    read (0 at the mean whichever its sign). Planted: dμ's sign, the sign of the μ path."""
    got = _verdicts(tmp_path, GRAPH)
    ids = _ids(GRAPH)
    for cid, want in zip(ids, GRAPH_WANT, strict=True):
        assert got[cid][0] == want, (cid, got[cid])
    assert "partials" in got[ids[7]][1], got[ids[7]]
    planted = [GRAPH_PLANTED.get(k, (row, want))[0] for k, (row, want) in enumerate(zip(GRAPH, GRAPH_WANT, strict=True))]
    got = _verdicts(tmp_path, planted)
    for k, cid in enumerate(ids):
        assert got[cid][0] == GRAPH_PLANTED.get(k, (None, GRAPH_WANT[k]))[1], (cid, got[cid])


def test_a_mean_defined_otherwise_is_not_read_as_the_mean(tmp_path):
    """μ defined as something else than the row mean (here the mean of the squares; D bound by the answer's σ², which
    holds): no claim naming μ is judged with μ read as the mean — ∂μ/∂x_i = 2x_i/D is right for the answer's μ and
    wrong for the mean, so it is not `incorrect`."""
    rows = [r"\mu = \frac{1}{D}\sum_{i=1}^{D} x_i^2",
            r"\sigma^2 = \frac{1}{D}\sum_{i=1}^{D}\left(x_i - \frac{1}{D}\sum_{j=1}^{D} x_j\right)^2",
            r"\frac{\partial \mu}{\partial x_i} = \frac{2}{D} x_i",
            r"\hat{x}_i = \frac{x_i - \mu}{\sqrt{\sigma^2 + \varepsilon}}"]
    got = _verdicts(tmp_path, rows)
    assert got["line 3"][0] == "correct", got["line 3"]  # (D is bound: the reading is on)
    assert got["line 5"][0] == "unchecked", got["line 5"]


OWN = [
    r"\mu = \frac{1}{N}\sum_{j=1}^{N} x_j",
    r"\sigma^2 = \frac{1}{N}\sum_{j=1}^{N} (x_j - \mu)^2",
    r"\sigma = \sqrt{\sigma^2 + \epsilon}",
    r"\hat{x}_j = \frac{x_j - \mu}{\sigma}",
    "y_j = γ_j x̂_j + β_j",
    r"\frac{\partial \hat{x}_k}{\partial x_j} = \frac{1}{\sigma}\left(\delta_{kj} - \frac{1}{N}\right) - "
    r"\frac{\hat{x}_k \hat{x}_j}{N\sigma}",
    r"\text{inv\_std} = \frac{1}{\sigma}",
    r"\frac{dL}{dx_j} = \text{inv\_std}\left(dy_j\gamma_j - \frac{1}{N}\sum_k dy_k \gamma_k - \frac{\hat{x}_j}{N}"
    r"\sum_k dy_k\gamma_k\hat{x}_k\right)",
]


def test_own_names_and_the_feature_count(tmp_path):
    """σ and \\text{inv\\_std} bound by the answer's definitions (_forms' dxhat_dx and dx with 1/σ written so), γ and x̂
    typed in Unicode, and N the number of features (its μ holds so) even where the batch the document is judged with
    has another size: μ = 1/N Σ_{j=1}^{N} x_j is not a shape error. A definition of an own name is no claim."""
    got = _verdicts(tmp_path, OWN)
    ids = _ids(OWN)
    want = ["correct"] * 6 + ["unchecked", "correct"]
    for cid, w in zip(ids, want, strict=True):
        assert got[cid][0] == w, (cid, got[cid])
    planted = list(OWN)
    planted[5] = planted[5].replace(r"\right) - ", r"\right) + ")  # _forms' dxhat_dx_sign_planted
    planted[7] = planted[7].replace(r"\frac{1}{N}\sum_k dy_k \gamma_k", r"\sum_k dy_k \gamma_k")  # dx_mean_planted
    got = _verdicts(tmp_path, planted)
    for k, cid in enumerate(ids):
        assert got[cid][0] == ("incorrect" if k in (5, 7) else want[k]), (cid, got[cid])


VECTOR = [
    r"\mu = \frac{1}{H}\sum_{h} x_h",
    r"\frac{\partial \mathcal{L}}{\partial x} = \frac{1}{H\sqrt{\sigma^2+\epsilon}}\left(H \frac{\partial \mathcal{L}}"
    r"{\partial \hat{x}} - \sum \frac{\partial \mathcal{L}}{\partial \hat{x}} - \hat{x} \sum \frac{\partial \mathcal{L}}"
    r"{\partial \hat{x}} \odot \hat{x}\right)",
]


def test_a_row_vector_without_its_index(tmp_path):
    """dx written for the whole row (H features, ⊙, Σ over the row's entries with no index): _forms' dx and its
    planted sign (dx_planted)."""
    got = _verdicts(tmp_path, VECTOR)
    assert got["line 3"][0] == "correct", got["line 3"]
    got = _verdicts(tmp_path, [VECTOR[0], VECTOR[1].replace(r"- \hat{x} \sum", r"+ \hat{x} \sum")])
    assert got["line 3"][0] == "incorrect", got["line 3"]


def test_the_batch_written_with_its_row_index(tmp_path):
    """x_{ij} row i feature j, μ_i, σ_i² (written σ_i^2 or σ^2_i), the batch's ∂L/∂γ_j = Σ_i dy_{ij} x̂_{ij}; a second
    definition of x̂ with the root forgotten is the answer's slip (its first definition holds: x̂ keeps its reading)."""
    rows = [r"\mu_i = \frac{1}{N}\sum_{j=1}^{N} x_{ij}",
            r"\hat{x}_{ij} = \frac{x_{ij} - \mu_i}{\sqrt{\sigma_i^2 + \epsilon}}",
            r"\hat{x}_{ij} = \frac{x_{ij} - \mu_i}{\sigma^2_i + \epsilon}",
            r"\frac{\partial L}{\partial \gamma_j} = \sum_i dy_{ij} \hat{x}_{ij}"]
    got = _verdicts(tmp_path, rows)
    assert [got[cid][0] for cid in _ids(rows)] == ["correct", "correct", "incorrect", "correct"], got


def test_own_letters_for_the_statistics(tmp_path):
    """m_i, v_i, s_i the answer's own letters for row i's mean, variance and root (bound by their definitions: N is
    the feature count because x̂'s definition through them holds so), x̄ likewise; the batch's dx (_forms' dx, row by
    row) and ∂x̂_{ij}/∂x_{ij} (the diagonal of _forms' dxhat_dx); a dropped term and a stray m_i² planted."""
    rows = [r"m_i = \frac{1}{N}\sum_{j=1}^{N} x_{ij}", r"v_i = \frac{1}{N}\sum_{j=1}^{N} (x_{ij} - m_i)^2",
            r"s_i = \sqrt{v_i + \epsilon}", r"\hat{x}_{ij} = \frac{x_{ij} - m_i}{s_i}", r"\bar{x} = \frac{1}{N}\sum_j x_j",
            r"\frac{\partial \hat{x}_j}{\partial x_j} = \frac{1}{s}\left(1 - \frac{1}{N}\right)",
            r"\frac{\partial \hat{x}_{ij}}{\partial x_{ij}} = \frac{1}{s_i}\left(1 - \frac{1}{N} - \frac{\hat{x}_{ij}^2}{N}\right)",
            r"\frac{\partial L}{\partial x_{ij}} = \frac{1}{N s_i}\left(N\, dy_{ij}\gamma_j - \sum_k dy_{ik}\gamma_k - "
            r"\hat{x}_{ij}\sum_k dy_{ik}\gamma_k \hat{x}_{ik}\right)",
            r"\frac{\partial L}{\partial x_{ij}} = \frac{1}{N s_i}\left(N\, dy_{ij}\gamma_j - \sum_k dy_{ik}\gamma_k - "
            r"\hat{x}_{ij}\sum_k dy_{ik}\gamma_k \hat{x}_{ik}\right) + m_i^2",
            r"\frac{\partial \bar{x}}{\partial x_j} = \frac{1}{N}"]
    got = _verdicts(tmp_path, rows)
    want = ["unchecked"] * 3 + ["correct", "unchecked", "incorrect", "correct", "correct", "incorrect", "correct"]
    assert [got[cid][0] for cid in _ids(rows)] == want, got


def test_pytorchs_expectation_and_variance(tmp_path):
    """PyTorch's documentation: y = (x − E[x]) / √(Var[x] + ε) * γ + β, E[x] and Var[x] the row's mean and biased
    variance (`layer` by hand); the root forgotten is planted."""
    rows = [r"\hat{x} = \frac{x-\mathrm{E}[x]}{\sqrt{\operatorname{Var}[x]+\epsilon}}",
            r"y=\frac{x-\mathrm{E}[x]}{\sqrt{\operatorname{Var}[x]+\epsilon}} * \gamma+\beta",
            r"y=\frac{x-\mathbb{E}[x]}{\operatorname{Var}[x]+\epsilon} * \gamma+\beta"]
    got = _verdicts(tmp_path, rows)
    assert [got[cid][0] for cid in _ids(rows)] == ["correct", "correct", "incorrect"], got


def test_the_derivative_operator_and_the_inline_slash(tmp_path):
    """∂/∂x_j applied to what follows, and ∂L/∂γ_j written inline (_forms' dgamma and its planted copy)."""
    rows = [r"\hat{x}_j = (x_j - \mu)\cdot \text{rstd}", r"\text{rstd} = \frac{1}{\sqrt{\sigma^2+\epsilon}}",
            r"\frac{\partial \text{rstd}}{\partial x_j} = \frac{\partial}{\partial x_j}\left(\sigma^2+\epsilon\right)"
            r"^{-\frac{1}{2}} = -\frac{1}{2}\text{rstd}^3 \frac{\partial \sigma^2}{\partial x_j}",
            r"\partial L/\partial \gamma_j = dy_j \hat{x}_j", r"\partial L/\partial \gamma_j = dy_j \gamma_j"]
    got = _verdicts(tmp_path, rows)
    assert [got[cid][0] for cid in _ids(rows)] == ["correct"] * 4 + ["incorrect"], got
