"""Notations of the twelfth round (issue 10, verify12d), in small documents of my own written as those authors write:
Zhou Zhihua's §5.3 derivations by a threshold as the "pumpkin book" (南瓜书, Datawhale's companion to 《机器学习》)
works them out — ``\\frac{\\partial [f(\\beta_j - \\theta_j)]}{\\partial \\theta_j}``, ``\\frac{\\partial b_h}{\\partial
\\gamma_h}``, ``\\Delta \\theta_j = -\\eta g_j = -\\eta \\frac{\\partial E_k}{\\partial \\theta_j}`` — and two equations set
side by side with a bare ``\\quad`` (Nielsen's BP3 and BP4 on one line, as EastSunrise's wiki writes them), with
planted mistakes.

Every expected verdict is the formula's truth, decided here in NumPy — forward passes typed by hand and central
differences — never by verify."""

from __future__ import annotations

import numpy as np
from gradproof.verify.cli import verify_file
from helpers_verify import sigmoid_spec_text


def _run(tmp_path, doc, spec):
    (tmp_path / "net.toml").write_text(spec, encoding="utf-8")
    (tmp_path / "hw.md").write_text(doc, encoding="utf-8")
    results, meta, _ = verify_file(str(tmp_path / "hw.md"), str(tmp_path / "net.toml"))
    return {r.id: r.verdict for r in results}


def _spec(convention="row"):
    return sigmoid_spec_text("twelfth_d", convention)


def _central(f, arg):
    g = np.zeros_like(arg)
    for idx in np.ndindex(arg.shape):
        up, dn = arg.copy(), arg.copy()
        up[idx] += 1e-6
        dn[idx] -= 1e-6
        g[idx] = (f(up) - f(dn)) / 2e-6
    return g


# -- Zhou's derivatives by a threshold (θ_j of output j, γ_h of hidden unit h, subtracted) ------------------------

ZHOU = r"""# 5.3 误差逆传播算法（南瓜书的推导）

$$\alpha_h = \sum_{i=1}^{d} v_{ih} x_i \tag{a}$$

$$\beta_j = \sum_{h=1}^{q} w_{hj} b_h \tag{b}$$

$$b_h = f(\alpha_h - \gamma_h) \tag{c}$$

$$\hat{y}_j^k = f(\beta_j - \theta_j) \tag{5.3}$$

$$E_k = \frac{1}{2} \sum_{j=1}^{l} (\hat{y}_j^k - y_j^k)^2 \tag{5.4}$$

$$g_j = \hat{y}_j^k (1 - \hat{y}_j^k)(y_j^k - \hat{y}_j^k) \tag{5.10}$$

$$e_h = b_h (1 - b_h) \sum_{j=1}^{l} w_{hj} g_j \tag{5.15}$$

$$\frac{\partial [f(\beta_j - \theta_j)]}{\partial \theta_j} = -\hat{y}_j^k (1 - \hat{y}_j^k) \tag{t1}$$

$$\frac{\partial E_k}{\partial \theta_j} = \frac{\partial E_k}{\partial \hat{y}_j^k} \cdot \frac{\partial \hat{y}_j^k}{\partial \theta_j}
= (\hat{y}_j^k - y_j^k) \hat{y}_j^k (1 - \hat{y}_j^k) \times (-1) = g_j \tag{t2}$$

$$\Delta \theta_j = -\eta g_j = -\eta \frac{\partial E_k}{\partial \theta_j} \tag{t3}$$

$$\frac{\partial b_h}{\partial \gamma_h} = -b_h (1 - b_h) \tag{t4}$$

$$\frac{\partial E_k}{\partial \gamma_h} = e_h \tag{t5}$$

$$\Delta \gamma_h = -\eta e_h = -\eta \frac{\partial E_k}{\partial \gamma_h} \tag{t6}$$
"""

#: planted mistakes, each replacing one claim's right-hand side: a sign dropped or flipped, Δ's sign
ZHOU_PLANTED = {
    "t1": (r"= -\hat{y}_j^k (1 - \hat{y}_j^k) \tag{t1}", r"= \hat{y}_j^k (1 - \hat{y}_j^k) \tag{t1}"),
    "t2": (r"\times (-1) = g_j \tag{t2}", r"= g_j \tag{t2}"),
    "t3": (r"\Delta \theta_j = -\eta g_j = -\eta", r"\Delta \theta_j = \eta g_j = \eta"),
    "t4": (r"= -b_h (1 - b_h) \tag{t4}", r"= b_h (1 - b_h) \tag{t4}"),
    "t5": (r"= e_h \tag{t5}", r"= -e_h \tag{t5}"),
}


def _zhou_truth():
    """{claim: holds} in Zhou's own terms, by NumPy (v d × q, γ, w q × l, θ, one example; Δ = −η ∂E_k/∂(…)), and the
    derivative ∂β_j/∂θ_j, which is 0 (β_j does not depend on θ_j)."""
    rng = np.random.default_rng(12)
    x, y = rng.normal(size=3), np.array([1.0, 0.0])
    v, gamma, w, theta = rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=(4, 2)), rng.normal(size=2)
    eta, sig = 0.1, lambda t: 1 / (1 + np.exp(-t))

    def error(gamma=gamma, theta=theta):
        return 0.5 * np.sum((sig(sig(x @ v - gamma) @ w - theta) - y) ** 2)

    b = sig(x @ v - gamma)
    beta = b @ w
    yhat = sig(beta - theta)
    g = yhat * (1 - yhat) * (y - yhat)
    e = b * (1 - b) * (w @ g)
    dyhat_dtheta = np.array([(sig(beta[j] - theta[j] - 1e-6) - sig(beta[j] - theta[j] + 1e-6)) / 2e-6 for j in range(2)])
    db_dgamma = np.array([(sig(x @ v[:, h] - gamma[h] - 1e-6) - sig(x @ v[:, h] - gamma[h] + 1e-6)) / 2e-6 for h in range(4)])
    dE_dtheta = _central(lambda t: error(theta=t), theta)
    dE_dgamma = _central(lambda t: error(gamma=t), gamma)
    close = lambda a, b_: np.allclose(a, b_, atol=1e-6)  # noqa: E731
    return {"t1": close(dyhat_dtheta, -yhat * (1 - yhat)), "t2": close(dE_dtheta, g)
            and close((yhat - y) * yhat * (1 - yhat) * -1, g),
            "t3": close(-eta * g, -eta * dE_dtheta), "t4": close(db_dgamma, -b * (1 - b)), "t5": close(dE_dgamma, e),
            "t6": close(-eta * e, -eta * dE_dgamma),
            "t1+": close(dyhat_dtheta, yhat * (1 - yhat)), "t2+": close((yhat - y) * yhat * (1 - yhat), g),
            "t3+": close(eta * g, -eta * dE_dtheta), "t4+": close(db_dgamma, b * (1 - b)), "t5+": close(dE_dgamma, -e),
            # β_j = Σ_h w_{hj} b_h, computed with θ_j moved: unchanged
            "dbeta_dtheta": close(_central(lambda t: float(np.sum(b @ w)) + 0 * float(np.sum(t)), theta), 0)}


def test_the_zhou_formulas_are_what_the_test_says():
    truth = _zhou_truth()
    assert all(truth[k] for k in ("t1", "t2", "t3", "t4", "t5", "t6", "dbeta_dtheta"))
    assert not any(truth[k + "+"] for k in ZHOU_PLANTED)


def test_zhou_derivatives_by_a_threshold(tmp_path):
    """In either layout of the spec (z = W x + b with W out × in, or x W): Zhou's v_{ih} is from input i to hidden h."""
    for convention in ("row", "column"):
        got = _run(tmp_path, ZHOU, _spec(convention))
        assert set(got.values()) == {"correct"}, (convention, got)


def test_zhou_planted_by_a_threshold(tmp_path):
    for tag, (right, wrong) in ZHOU_PLANTED.items():
        assert right in ZHOU, tag
        got = _run(tmp_path, ZHOU.replace(right, wrong), _spec())
        assert got[tag] == "incorrect", (tag, got[tag])


def test_a_sum_by_its_threshold_is_not_read_as_z(tmp_path):
    """∂β_j/∂θ_j is 0 (β_j = Σ_h w_{hj} b_h does not depend on θ_j): "= -1", what varying z_j would give, is not
    accepted."""
    doc = ZHOU + "\n$$\\frac{\\partial \\beta_j}{\\partial \\theta_j} = -1 \\tag{t7}$$\n"
    assert _run(tmp_path, doc, _spec())["t7"] != "correct"


# -- two equations side by side with a bare \quad -------------------------------------------------------------------

NIELSEN = r"""Layers numbered from 1, the input: $a^1_j = x_j$, $z^l_j = \sum_k w^l_{jk} a^{l-1}_k + b^l_j$, $a^l_j = \sigma(z^l_j)$,
$\delta^l_j = \frac{\partial C}{\partial z^l_j}$.

$$
\begin{equation}
    \frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j \quad \frac{\partial C}{\partial b^l_j} = \delta^l_j
\end{equation}
$$

$$
\begin{equation}
    \delta^l_j = \frac{\partial C}{\partial z^l_j} \quad (l = 2, 3)
\end{equation}
$$
"""


def _nielsen_truth():
    """∂C/∂w^l_{jk} = a^{l-1}_k δ^l_j and ∂C/∂b^l_j = δ^l_j at both layers, and the planted a^l_k δ^l_j, by central
    differences of C = ½‖a^3 − y‖² (W^l out × in)."""
    rng = np.random.default_rng(7)
    x, y = rng.normal(size=3), np.array([0.0, 1.0])
    W = {2: rng.normal(size=(4, 3)), 3: rng.normal(size=(2, 4))}
    B = {2: rng.normal(size=4), 3: rng.normal(size=2)}
    sig = lambda t: 1 / (1 + np.exp(-t))  # noqa: E731

    def cost(W=W, B=B):
        a = x
        for l in (2, 3):
            a = sig(W[l] @ a + B[l])
        return 0.5 * np.sum((a - y) ** 2)

    a = {1: x}
    for l in (2, 3):
        a[l] = sig(W[l] @ a[l - 1] + B[l])
    delta = {3: (a[3] - y) * a[3] * (1 - a[3])}
    delta[2] = (W[3].T @ delta[3]) * a[2] * (1 - a[2])
    dW = {l: _central(lambda m, l=l: cost(W={**W, l: m}), W[l]) for l in (2, 3)}
    dB = {l: _central(lambda m, l=l: cost(B={**B, l: m}), B[l]) for l in (2, 3)}
    right = all(np.allclose(np.outer(delta[l], a[l - 1]), dW[l], atol=1e-6) and np.allclose(delta[l], dB[l], atol=1e-6)
                for l in (2, 3))
    planted = any(np.shape(np.outer(delta[l], a[l])) == dW[l].shape and np.allclose(np.outer(delta[l], a[l]), dW[l])
                  for l in (2, 3))
    return right, planted


def test_the_nielsen_formulas_are_what_the_test_says():
    assert _nielsen_truth() == (True, False)


def test_two_equations_side_by_side(tmp_path):
    got = _run(tmp_path, NIELSEN, _spec())
    assert got["line 6"] == "correct", got


def test_two_equations_side_by_side_planted(tmp_path):
    doc = NIELSEN.replace(r"= a^{l-1}_k \delta^l_j \quad", r"= a^{l}_k \delta^l_j \quad")
    assert _run(tmp_path, doc, _spec())["line 6"] == "incorrect"


def test_a_condition_after_quad_is_no_equation(tmp_path):
    """``\\quad (l = 2, 3)`` is a remark on the equation before it, not a second equation: nothing is split there
    (the definition of δ stays one claim)."""
    from gradproof.verify.judge import _top_rows

    assert _top_rows(r"\delta^l_j = \frac{\partial C}{\partial z^l_j} \quad (l = 2, 3)") == [
        r"\delta^l_j = \frac{\partial C}{\partial z^l_j} \quad (l = 2, 3)"]
    assert _top_rows(r"z = x \quad \text{for } x = 1") == [r"z = x \quad \text{for } x = 1"]
    assert _top_rows(r"a = b \quad l = 1, \ldots, L") == [r"a = b \quad l = 1, \ldots, L"]
    assert len(_top_rows(r"\frac{\partial C}{\partial b} = \delta \qquad \frac{\partial C}{\partial W} = \delta a^T")) == 2


# -- matrices written with dots (EastSunrise's pmatrix forms; Nielsen's w^l_{jk}, layers from 1) ---------------------

DOTTED = r"""Layers numbered from 1, the input: $a^1_j = x_j$, $z^l_j = \sum_k w^l_{jk} a^{l-1}_k + b^l_j$, $a^l_j = \sigma(z^l_j)$,
$\delta^l_j = \frac{\partial C}{\partial z^l_j}$. Layer $l$ has $m$ units, layer $l-1$ has $n$.

$$
\begin{pmatrix} z^l_1 \\ \vdots \\ z^l_m \end{pmatrix}
= \begin{pmatrix} w^l_{11} & w^l_{12} & \cdots & w^l_{1n} \\ & \vdots \\ w^l_{m1} & w^l_{m2} & \cdots & w^l_{mn} \end{pmatrix}
\begin{pmatrix} a^{l-1}_1 \\ a^{l-1}_2 \\ \vdots \\ a^{l-1}_n \end{pmatrix}
+ \begin{pmatrix} b^l_1 \\ \vdots \\ b^l_m \end{pmatrix} \tag{fwd}
$$

$$
\begin{pmatrix} \delta^{l-1}_1 \\ \vdots \\ \delta^{l-1}_n \end{pmatrix}
= \begin{bmatrix} \begin{pmatrix} w^l_{11} & \cdots & w^l_{m1} \\ \vdots \\ w^l_{1n} & \cdots & w^l_{mn} \end{pmatrix}
\begin{pmatrix} \delta^l_1 \\ \vdots \\ \delta^l_m \end{pmatrix} \end{bmatrix}
\odot \begin{pmatrix} \sigma'(z^{l-1}_1) \\ \vdots \\ \sigma'(z^{l-1}_n) \end{pmatrix} \tag{back}
$$
"""

#: planted: the Hadamard product written +
DOTTED_PLANTED = {
    "back": (r"\end{bmatrix}" + "\n" + r"\odot", r"\end{bmatrix}" + "\n" + r"+"),
}


def _dotted_truth():
    """The forward pass and δ^{l-1} = ((W^l)^T δ^l) ⊙ σ'(z^{l-1}) at l = 3 (δ by central differences of C), and the
    planted (W^l)^T δ^l + σ'(z^{l-1})."""
    rng = np.random.default_rng(3)
    x, y = rng.normal(size=3), np.array([1.0, 0.0])
    W = {2: rng.normal(size=(4, 3)), 3: rng.normal(size=(2, 4))}
    B = {2: rng.normal(size=4), 3: rng.normal(size=2)}
    sig = lambda t: 1 / (1 + np.exp(-t))  # noqa: E731
    z2 = W[2] @ x + B[2]
    cost3 = lambda z3: 0.5 * np.sum((sig(z3) - y) ** 2)  # noqa: E731
    z3 = W[3] @ sig(z2) + B[3]
    delta3 = _central(cost3, z3)
    delta2 = _central(lambda z: cost3(W[3] @ sig(z) + B[3]), z2)
    dsig = sig(z2) * (1 - sig(z2))
    return np.allclose((W[3].T @ delta3) * dsig, delta2, atol=1e-6), np.allclose(W[3].T @ delta3 + dsig, delta2)


def test_the_dotted_formulas_are_what_the_test_says():
    assert _dotted_truth() == (True, False)


def test_matrices_written_with_dots(tmp_path):
    got = _run(tmp_path, DOTTED, _spec())
    assert got["fwd"] == "correct" and got["back"] == "correct", got


def test_matrices_written_with_dots_planted(tmp_path):
    for tag, (right, wrong) in DOTTED_PLANTED.items():
        assert right in DOTTED
        assert _run(tmp_path, DOTTED.replace(right, wrong), _spec())[tag] == "incorrect", tag


def test_dots_that_do_not_say_what_they_stand_for(tmp_path):
    """The bias column to n, the width of layer l − 1 (EastSunrise's slip), makes the letter n count two sizes; a
    column whose entries are not one form; dots at the start: none is read as a matrix, none is judged correct."""
    from gradproof.verify.parser import Notation, Unreadable, parse_claim

    bias_to_n = DOTTED.replace(r"b^l_1 \\ \vdots \\ b^l_m", r"b^l_1 \\ \vdots \\ b^l_n")
    assert _run(tmp_path, bias_to_n, _spec())["fwd"] != "correct"
    notation = Notation(options=(("sizes", (3, 4, 2)), ("convention", "row")))
    for latex in (r"z^{(1)} = \begin{pmatrix} z^{(1)}_1 \\ \vdots \\ b^{(1)}_m \end{pmatrix}",
                  r"z^{(1)} = \begin{pmatrix} \vdots \\ z^{(1)}_m \end{pmatrix}",
                  r"z^{(1)} = \begin{pmatrix} z^{(1)}_2 \\ \vdots \\ z^{(1)}_m \end{pmatrix}"):
        try:
            parse_claim(latex, notation, 2)
        except Unreadable as exc:
            assert "dots" in str(exc)
        else:
            raise AssertionError(latex)


# -- the update of any one weight (blackKeys17's w_k → w_k − η ∂C/∂w_k) -------------------------------------------

ANY_WEIGHT = r"""For a single weight or bias:

$$w_k\rightarrow w_k-\eta\frac{\partial C}{\partial w_k} \tag{w}$$

$$b_k\rightarrow b_k-\eta\frac{\partial C}{\partial b_k} \tag{b}$$

Accumulated over a minibatch of $m$ examples:

$$w_k\rightarrow w_k-\frac{\eta}{m}\frac{\partial C}{\partial w_k} \tag{m}$$
"""


def _sgd_truth():
    """One SGD step (η = 0.1) on C = ½‖a − y‖² of every weight, by central differences: w − η ∂C/∂w, not w + η ∂C/∂w."""
    rng = np.random.default_rng(11)
    x, y = rng.normal(size=3), np.array([1.0, 0.0])
    W1, W2 = rng.normal(size=(4, 3)), rng.normal(size=(2, 4))
    sig = lambda t: 1 / (1 + np.exp(-t))  # noqa: E731
    grad = _central(lambda w: 0.5 * np.sum((sig(w @ sig(W1 @ x)) - y) ** 2), W2)
    step = W2 - 0.1 * grad  # what the SGD spec's update makes of W2
    return np.allclose(W2 - 0.1 * grad, step), np.allclose(W2 + 0.1 * grad, step)


def test_the_any_weight_update_is_what_the_test_says():
    assert _sgd_truth() == (True, False)


def test_the_update_of_any_one_weight(tmp_path):
    got = _run(tmp_path, ANY_WEIGHT, _spec())
    assert got["w"] == "correct" and got["b"] == "correct", got
    assert got["m"] == "unchecked"  # (what m and the minibatch's C are is said in prose only)
    planted = _run(tmp_path, ANY_WEIGHT.replace(r"w_k-\eta", r"w_k+\eta"), _spec())
    assert planted["w"] == "incorrect"
