r"""Fifty-first round (issue 10): textbook notations found by writing answers in them and running verify first
(docs/handover/hunt51 holds the answers).

- Hertz, Krogh & Palmer with one δ written output first among δ's and steps written their way (target first,
  ``\Delta W_{ij} = \eta \delta_i V_j``): the one δ had cancelled the answer's sign, and four right claims were `incorrect`.
- Alpaydın's online rule, the instance t written on every factor with no sum over t (``x_j^t``, ``z_h^t (1 - z_h^t)``):
  "the index t is written 4 times in one product" (unread).
- MacKay: θ the bias (``a_i = \sum_j w_{ij}^{(2)} h_j + \theta_i^{(2)}``) read as a weight (``∂E/∂θ_i^{(2)} = y_i - t_i``
  `incorrect`), and l an input unit in ``w_{jl}^{(1)} x_l`` (read as the generic layer: unread).
- Efron & Hastie: ℓ a unit (``w^{(k)}_{\ell j}``, ``\delta^{(k)}_\ell``), the input layer 1, ``K = 3`` the last layer.
- Theodoridis: ``\boldsymbol{y}_n^0 = \boldsymbol{x}_n`` (layer 0 where layers are bare superscripts) read as a power 0,
  so as 1 = x: `incorrect`.
- Weinberger: the output named ``H(\vec{x}) = \vec{z}_2``; ``\frac{1}{2}\|H(\vec{x}) - \vec{y}\|^2`` read H as the
  hidden layer (`incorrect` by its shapes).
- Layout spellings the readers' raw patterns did not know: ``\dfrac``, ``\left( … \right)``, ``\mathbf W`` without braces.

The expected verdicts come from NumPy: each formula is evaluated on a random instance and compared with central
differences of the loss, never from verify."""

from __future__ import annotations

import re

import numpy as np
import pytest
from conftest import assert_verdicts, expected_verdict, gradient_of, listed_claims, sigmoid, spec_toml, verify_text

rng = np.random.default_rng(51)
_grad, _expected, _verdicts = gradient_of, expected_verdict, assert_verdicts


_sig, _spec, _listed = sigmoid, spec_toml, listed_claims


SIGMOID_SPEC = _spec("books", 2, [(3, "sigmoid"), (2, "sigmoid")], "squared_error")


def _net(hidden=_sig, output=_sig):
    """A random 2-3-2 instance: x, t, W1 (3×2, into hidden j from input i), b1, W2 (2×3), b2, the values and the
    gradients of ½‖t − y‖² by central differences (by the weights, the biases and the summed inputs)."""
    x, t = rng.normal(size=2), rng.uniform(size=2)
    W1, b1, W2, b2 = rng.normal(size=(3, 2)), rng.normal(size=3), rng.normal(size=(2, 3)), rng.normal(size=2)
    h = hidden(W1 @ x + b1)
    y = output(W2 @ h + b2)
    E2 = lambda z2: 0.5 * float(np.sum((t - output(z2)) ** 2))  # noqa: E731
    E1 = lambda z1: E2(W2 @ hidden(z1) + b2)  # noqa: E731
    return dict(x=x, t=t, W1=W1, b1=b1, W2=W2, b2=b2, h=h, y=y, dz2=_grad(E2, W2 @ h + b2), dz1=_grad(E1, W1 @ x + b1),
                dW2=_grad(lambda W: E2(W @ h + b2), W2), dW1=_grad(lambda W: E1(W @ x + b1), W1),
                db2=_grad(lambda b: E2(W2 @ h + b), b2), db1=_grad(lambda b: E1(W1 @ x + b), b1))


# ---- Hertz, Krogh & Palmer: the δ convention by the majority of the answer's δ's and steps ---------------------------

HKP_HEAD = (r"Hidden unit $j$ receives $h_j^\mu = \sum_k w_{jk} \xi_k^\mu$ and produces $V_j^\mu = g(h_j^\mu)$; output unit "
            r"$i$ receives $h_i^\mu = \sum_j W_{ij} V_j^\mu$ and produces $O_i^\mu = g(h_i^\mu)$, with $g$ the logistic "
            r"function and $E = \frac{1}{2} \sum_i (\zeta_i^\mu - O_i^\mu)^2$; $\eta$ is the learning rate." "\n\n")


@pytest.mark.parametrize("planted", [True, False])
def test_one_delta_written_the_other_way_does_not_overturn_the_answers_sign(tmp_path, planted):
    n = _net()
    eta, y, t, h, x = 0.1, n["y"], n["t"], n["h"], n["x"]
    theirs = y * (1 - y) * (t - y)          # HKP's δ_i = g'(h_i)[ζ_i − O_i] = −∂E/∂h_i
    inner = h * (1 - h) * (n["W2"].T @ theirs)
    claims = [
        (r"\delta_i^\mu = g'(h_i^\mu) [\zeta_i^\mu - O_i^\mu]", theirs, -n["dz2"]),
        (r"\Delta W_{ij} = \eta \delta_i^\mu V_j^\mu", eta * np.outer(theirs, h), -eta * n["dW2"]),
        (r"\delta_j^\mu = g'(h_j^\mu) \sum_i W_{ij} \delta_i^\mu", inner, -n["dz1"]),
        (r"\Delta w_{jk} = \eta \delta_j^\mu \xi_k^\mu", eta * np.outer(inner, x), -eta * n["dW1"]),
    ]
    slip = (r"\delta_i^\mu = g'(h_i^\mu) [O_i^\mu - \zeta_i^\mu]", -theirs, -n["dz2"])  # a student's other convention
    found = verify_text(tmp_path, SIGMOID_SPEC, HKP_HEAD + _listed(claims + ([slip] if planted else [])))
    _verdicts(found, claims + ([slip] if planted else []))


# ---- Alpaydın online: the instance t on every factor, no sum over t ----------------------------------------------------

ALPAYDIN_HEAD = (r"The hidden units compute $z_h = \mathrm{sigmoid}(\boldsymbol{w}_h^T \boldsymbol{x})$ and the outputs are "
                 r"$y_i = \sum_{h=1}^{H} v_{ih} z_h + v_{i0}$. For one instance $(\boldsymbol{x}^t, \boldsymbol{r}^t)$ the "
                 r"error is $E^t = \frac{1}{2} \sum_i (r_i^t - y_i^t)^2$, and $\eta$ is the learning factor." "\n\n")


def test_an_instance_written_on_every_factor_is_one_instance(tmp_path):
    n = _net(output=lambda z: z)
    eta, y, r, h, x, V = 0.1, n["y"], n["t"], n["h"], n["x"], n["W2"]
    back = V.T @ (r - y)
    claims = [
        (r"\Delta w_{hj} = \eta \left[\sum_i (r_i^t - y_i^t) v_{ih}\right] z_h^t (1 - z_h^t) x_j^t",
         eta * np.outer(back * h * (1 - h), x), -eta * n["dW1"]),
        (r"\Delta w_{hj} = \eta \left[\sum_i (r_i^t - y_i^t) v_{ih}\right] z_h^t x_j^t", eta * np.outer(back * h, x),
         -eta * n["dW1"]),
        (r"\Delta w_{h0} = \eta \left[\sum_i (r_i^t - y_i^t) v_{ih}\right] z_h^t (1 - z_h^t)", eta * back * h * (1 - h),
         -eta * n["db1"]),
        (r"\frac{\partial E^t}{\partial w_{hj}} = -\sum_i (r_i^t - y_i^t) v_{ih} z_h^t (1 - z_h^t) x_j^t",
         -np.outer(back * h * (1 - h), x), n["dW1"]),  # (E^t: the error on instance t)
        (r"\frac{\partial E^t}{\partial w_{hj}} = \sum_i (r_i^t - y_i^t) v_{ih} z_h^t (1 - z_h^t) x_j^t",
         np.outer(back * h * (1 - h), x), n["dW1"]),
    ]
    spec = _spec("alpaydin", 2, [(3, "sigmoid"), (2, "identity")], "squared_error")
    _verdicts(verify_text(tmp_path, spec, ALPAYDIN_HEAD + _listed(claims)), claims)


# ---- MacKay: θ the bias, l an input unit ------------------------------------------------------------------------------

MACKAY_HEAD = (r"Hidden layer: $a_j^{(1)} = \sum_l w_{jl}^{(1)} x_l + \theta_j^{(1)}$, $h_j = f^{(1)}(a_j^{(1)})$; output "
               r"layer: $a_i^{(2)} = \sum_j w_{ij}^{(2)} h_j + \theta_i^{(2)}$, $y_i = f^{(2)}(a_i^{(2)})$, where "
               r"$f^{(1)}(a) = \tanh(a)$ and $f^{(2)}(a) = a$. The error is $E_D = \frac{1}{2} \sum_i (t_i - y_i)^2$." "\n\n")


def test_theta_added_to_the_weighted_sum_is_the_bias_and_l_an_input_unit(tmp_path):
    n = _net(hidden=np.tanh, output=lambda z: z)
    y, t, h, x, W2 = n["y"], n["t"], n["h"], n["x"], n["W2"]
    back = W2.T @ (y - t)
    claims = [
        (r"\frac{\partial E_D}{\partial \theta_i^{(2)}} = y_i - t_i", y - t, n["db2"]),
        (r"\frac{\partial E_D}{\partial \theta_i^{(2)}} = t_i - y_i", t - y, n["db2"]),
        (r"\frac{\partial E_D}{\partial w_{ij}^{(2)}} = (y_i - t_i) h_j", np.outer(y - t, h), n["dW2"]),
        (r"\frac{\partial E_D}{\partial w_{jl}^{(1)}} = \left(\sum_i (y_i - t_i) w_{ij}^{(2)}\right) (1 - h_j^2) x_l",
         np.outer(back * (1 - h ** 2), x), n["dW1"]),
        (r"\frac{\partial E_D}{\partial w_{jl}^{(1)}} = \left(\sum_i (y_i - t_i) w_{ij}^{(2)}\right) (1 - h_j) x_l",
         np.outer(back * (1 - h), x), n["dW1"]),
        (r"\frac{\partial E_D}{\partial \theta_j^{(1)}} = \left(\sum_i (y_i - t_i) w_{ij}^{(2)}\right) (1 - h_j^2)",
         back * (1 - h ** 2), n["db1"]),
    ]
    spec = _spec("mackay", 2, [(3, "tanh"), (2, "identity")], "squared_error")
    _verdicts(verify_text(tmp_path, spec, MACKAY_HEAD + _listed(claims)), claims)


# ---- Efron & Hastie: ℓ a unit, the input layer 1, K = 3 the last layer --------------------------------------------------

CASI_HEAD = (r"Layer 1 is the input, $a^{(1)} = x$. For $k = 1, 2$ the units of the next layer are "
             r"$z^{(k+1)}_\ell = w^{(k)}_{\ell 0} + \sum_{j=1}^{p_k} w^{(k)}_{\ell j} a^{(k)}_j$ and "
             r"$a^{(k+1)}_\ell = g^{(k+1)}(z^{(k+1)}_\ell)$, with $g$ the sigmoid, and $K = 3$. The loss is "
             r"$L = \frac{1}{2} \|y - a^{(K)}\|_2^2$ and $\delta^{(k)}_\ell = \frac{\partial L}{\partial z^{(k)}_\ell}$." "\n\n")


def test_ell_as_a_unit_beside_a_generic_layer_k_and_k_defined_as_the_last(tmp_path):
    n = _net()
    y, t, h, W2 = n["y"], n["t"], n["h"], n["W2"]
    d3 = -(t - y) * y * (1 - y)
    claims = [
        (r"\delta^{(K)}_\ell = -(y_\ell - a^{(K)}_\ell) \dot g^{(K)}(z^{(K)}_\ell)", d3, n["dz2"]),
        (r"\delta^{(K)}_\ell = (y_\ell - a^{(K)}_\ell) \dot g^{(K)}(z^{(K)}_\ell)", -d3, n["dz2"]),
        (r"\frac{\partial L}{\partial w^{(2)}_{\ell j}} = \delta^{(3)}_\ell a^{(2)}_j", np.outer(d3, h), n["dW2"]),
        (r"\frac{\partial L}{\partial w^{(2)}_{\ell 0}} = \delta^{(3)}_\ell", d3, n["db2"]),
        (r"\frac{\partial L}{\partial w^{(2)}_{\ell 0}} = \delta^{(2)}_\ell", None, None),
        (r"\delta^{(2)}_\ell = \left(\sum_{j=1}^{2} w^{(2)}_{j\ell} \delta^{(3)}_j\right) \dot g^{(2)}(z^{(2)}_\ell)",
         (W2.T @ d3) * h * (1 - h), n["dz1"]),
    ]
    found = verify_text(tmp_path, SIGMOID_SPEC, CASI_HEAD + _listed(claims))
    _verdicts(found, claims[:4] + claims[5:])
    assert found[claims[4][0]].verdict != "correct"  # (δ^{(2)} has 3 entries: the hidden layer's, not the bias's 2)


# ---- Theodoridis: the sample first among the subscripts, θ the weights; y^0 never a power 0 ---------------------------------

THEODORIDIS_HEAD = (r"Neuron $j$ of layer $r$ has weights $\theta_{jk}^r$ and bias $\theta_{j0}^r$; for input $\boldsymbol{x}_n$ it "
                    r"computes $z_{nj}^r = \sum_{k=1}^{k_{r-1}} \theta_{jk}^r y_{nk}^{r-1} + \theta_{j0}^r$ and "
                    r"$y_{nj}^r = f(z_{nj}^r)$, with $\boldsymbol{y}_n^0 = \boldsymbol{x}_n$ and $f$ the logistic function. "
                    r"The output is $\hat y_{nm} = y_{nm}^L$ and $\mathcal{J}_n = \frac{1}{2} \sum_{m} (\hat y_{nm} - y_{nm})^2$ "
                    r"with targets $y_{nm}$; $\delta_{nj}^r = \frac{\partial \mathcal{J}_n}{\partial z_{nj}^r}$." "\n\n")


def test_the_sample_first_among_the_subscripts_and_theta_the_weights(tmp_path):
    n = _net()
    y, t, h, W2 = n["y"], n["t"], n["h"], n["W2"]
    d2 = (y - t) * y * (1 - y)
    claims = [
        (r"\delta_{nj}^L = (\hat y_{nj} - y_{nj}) f'(z_{nj}^L)", d2, n["dz2"]),
        (r"\delta_{nj}^L = (y_{nj} - \hat y_{nj}) f'(z_{nj}^L)", -d2, n["dz2"]),
        (r"\delta_{nj}^{1} = \left(\sum_{k} \delta_{nk}^{2} \theta_{kj}^{2}\right) f'(z_{nj}^{1})", (W2.T @ d2) * h * (1 - h),
         n["dz1"]),
        (r"\frac{\partial \mathcal{J}_n}{\partial \theta_{jk}^{2}} = \delta_{nj}^{2} y_{nk}^{1}", np.outer(d2, h), n["dW2"]),
        (r"\frac{\partial \mathcal{J}_n}{\partial \theta_{j0}^{2}} = \delta_{nj}^{2}", d2, n["db2"]),
    ]
    found = verify_text(tmp_path, _spec("theo", 2, [(3, "sigmoid"), (2, "sigmoid")], "squared_error"),
                        THEODORIDIS_HEAD.replace("^L$", "^2$") + _listed(claims))
    _verdicts(found, claims)


def test_a_superscript_zero_is_never_read_as_a_power(tmp_path):
    body = (r"Layer $r$ computes $\boldsymbol{y}^r = f(W^r \boldsymbol{y}^{r-1} + \boldsymbol{b}^r)$, with "
            r"$\boldsymbol{y}^0 = \boldsymbol{x}$." "\n")
    found = verify_text(tmp_path, SIGMOID_SPEC, body)
    assert found[r"\boldsymbol{y}^0 = \boldsymbol{x}"].verdict != "incorrect"


# ---- Weinberger: H(x) = z_2 the output ----------------------------------------------------------------------------------

WEINBERGER_HEAD = (r"Layer $j$ computes $\vec{a}_j = W_j \vec{z}_{j-1} + \vec{b}_j$ and $\vec{z}_j = \sigma(\vec{a}_j)$, with "
                   r"$\vec{z}_0 = \vec{x}$ and $\sigma$ the sigmoid; the output is $H(\vec{x}) = \vec{z}_2$." "\n\n")


def test_the_answers_own_letter_for_the_output_as_a_function_of_x(tmp_path):
    n = _net()
    y, t = n["y"], n["t"]
    E = lambda out: 0.5 * float(np.sum((out - t) ** 2))  # noqa: E731
    claims = [
        (r"\frac{\partial \mathcal{L}}{\partial \vec{z}_2} = H(\vec{x}) - \vec{y}", y - t, _grad(E, y)),
        (r"\frac{\partial \mathcal{L}}{\partial \vec{z}_2} = H(\vec{x}) + \vec{y}", y + t, _grad(E, y)),
        (r"\vec{\delta}_2 = (H(\vec{x}) - \vec{y}) \circ \sigma'(\vec{a}_2)", (y - t) * y * (1 - y), n["dz2"]),
    ]
    body = WEINBERGER_HEAD + r"The loss is $\mathcal{L} = \frac{1}{2} \|H(\vec{x}) - \vec{y}\|^2$." "\n\n" + _listed(claims)
    found = verify_text(tmp_path, SIGMOID_SPEC, body)
    _verdicts(found, claims)
    assert found[r"\mathcal{L} = \frac{1}{2} \|H(\vec{x}) - \vec{y}\|^2"].verdict == "correct"


# ---- layout spellings: the verdicts of an answer do not depend on them -------------------------------------------------

HAYKIN_ANSWER = (
    r"Neuron $j$ of the hidden layer receives $v_j(n) = \sum_i w_{ji}(n) y_i(n) + b_j(n)$ from the inputs $y_i(n) = x_i(n)$ "
    r"and emits $y_j(n) = \varphi(v_j(n))$; output neuron $k$ receives $v_k(n) = \sum_j w_{kj}(n) y_j(n) + b_k(n)$ and "
    r"emits $y_k(n) = \varphi(v_k(n))$, where $\varphi$ is the logistic function. The error signal is "
    r"$e_k(n) = d_k(n) - y_k(n)$ and $\mathcal{E}(n) = \frac{1}{2}\sum_k e_k^2(n)$. The local gradient is defined as "
    r"$\delta_j(n) = -\frac{\partial \mathcal{E}(n)}{\partial v_j(n)}$." "\n\n"
    r"1. $\delta_k(n) = e_k(n) y_k(n)[1 - y_k(n)]$" "\n"
    r"2. $\delta_j(n) = \varphi'(v_j(n))\sum_k \delta_k(n) w_{kj}(n)$" "\n"
    r"3. $\Delta w_{kj}(n) = \eta\,\delta_k(n) y_j(n)$" "\n"
    r"4. $\Delta w_{kj}(n) = -\eta\,\delta_k(n) y_j(n)$" "\n")
HAYKIN_SPEC = _spec("haykin", 2, [(2, "sigmoid"), (2, "sigmoid")], "squared_error")


DROPOUT_SPEC = ('name = "drop"\nconvention = "row"\ninputs = 4\n\n[[layers]]\nunits = 5\nactivation = "relu"\n\n'
                '[[layers]]\nkind = "dropout"\np = 0.5\n\n[[layers]]\nunits = 3\nactivation = "softmax"\n\n'
                '[loss]\nname = "cross_entropy"\n\n[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')
DROPOUT_ANSWER = (
    r"Inverted dropout, keep probability $q = 1 - p$ with $p = 0.5$: $\mathbf{h} = \mathrm{ReLU}(W_1 \mathbf{x} + "
    r"\mathbf{b}_1)$, $\mathbf{m} \sim \mathrm{Bernoulli}(q)$, $\tilde{\mathbf{h}} = \frac{\mathbf{m} \odot \mathbf{h}}{q}$, "
    r"$\mathbf{z}_2 = W_2\tilde{\mathbf{h}} + \mathbf{b}_2$, $\hat{\mathbf{y}} = \mathrm{softmax}(\mathbf{z}_2)$." "\n\n"
    r"1. $\frac{\partial L}{\partial W_2} = (\hat{\mathbf{y}} - \mathbf{y})\tilde{\mathbf{h}}^T$" "\n"
    r"2. $\frac{\partial L}{\partial \mathbf{h}} = \frac{\mathbf{m}}{q} \odot W_2^T(\hat{\mathbf{y}} - \mathbf{y})$" "\n"
    r"3. $\frac{\partial L}{\partial \mathbf{h}} = \mathbf{m} \odot W_2^T(\hat{\mathbf{y}} - \mathbf{y})$" "\n")
#: (by hand, round 49's and 47's oracles: Haykin's δ = −∂ℰ/∂v, so his claims 1–3 hold and 4, the step's sign flipped,
#: does not; the dropout answer's 1 and 2 hold and 3 lacks the 1/q)
_LAYOUT_CASES = [(HAYKIN_ANSWER, HAYKIN_SPEC, ["correct", "correct", "correct", "incorrect"]),
                 (DROPOUT_ANSWER, DROPOUT_SPEC, ["correct", "correct", "incorrect"])]


@pytest.mark.parametrize("case, spelled", [
    (0, lambda s: s.replace(r"\frac{", r"\dfrac{")),
    (0, lambda s: s.replace(r"\frac{", r"\tfrac{")),
    (0, lambda s: re.sub(r"(?<![\\t{])\(([^()$\n]*?)\)", r"\\left(\1\\right)", s)),  # (each innermost pair of parentheses)
    (1, lambda s: s.replace(r"\mathbf{h}", r"\mathbf h").replace(r"\mathbf{m}", r"\mathbf m")),
    (0, lambda s: re.sub(r"\\frac\{((?:[^{}$]|\{[^{}$]*\})*)\}\{((?:[^{}$]|\{[^{}$]*\})*)\}", r"{\1 \\over \2}", s)),
    (0, lambda s: re.sub(r"\\frac\{\\partial ((?:[^{}$]|\{[^{}$]*\})*)\}\{\\partial ((?:[^{}$]|\{[^{}$]*\})*)\}",
                         r"\\partial \1 / \\partial \2", s)),
], ids=["dfrac", "tfrac", "left-right", "mathbf-unbraced", "over", "slash"])
def test_verdicts_do_not_depend_on_layout_spellings(tmp_path, case, spelled):
    from gradproof.verify.cli import verify_file

    answer, spec, truth = _LAYOUT_CASES[case]
    verdicts = []
    for k, body in enumerate((answer, spelled(answer))):
        (tmp_path / "net.spec.toml").write_text(spec)
        (tmp_path / f"a{k}.md").write_text(body)
        results, _, _ = verify_file(str(tmp_path / f"a{k}.md"), str(tmp_path / "net.spec.toml"))
        verdicts.append({r.id: r.verdict for r in results})
    assert verdicts[0] == verdicts[1]
    assert [verdicts[1].get(f"line {k}") for k in range(3, 3 + len(truth))] == truth


# ---- Aggarwal: the layer a bare subscript k with an offset on a barred vector, h_0 = x ------------------------------------

AGGARWAL_HEAD = (r"With $\overline{h}_0 = \overline{x}$, layer $k = 1, 2$ computes $\overline{a}_k = W_k^T \overline{h}_{k-1} + "
                 r"\overline{b}_k$ and $\overline{h}_k = \Phi(\overline{a}_k)$, where $\Phi$ is the sigmoid; the output is "
                 r"$\overline{o} = \overline{h}_2$ and $L = \frac{1}{2} \|\overline{o} - \overline{y}\|^2$." "\n\n")


def test_a_subscript_layer_with_an_offset_on_a_barred_vector(tmp_path):
    n = _net()
    x, h, dz1, dz2 = n["x"], n["h"], n["dz1"], n["dz2"]
    dA1, dA2 = n["dW1"].T, n["dW2"].T  # his W_k is n_{k-1} × n_k: a_k = W_k^T h_{k-1}
    claims = [
        (r"\frac{\partial L}{\partial W_1} = \overline{h}_0 \left(\frac{\partial L}{\partial \overline{a}_1}\right)^T",
         np.outer(x, dz1), dA1),
        (r"\frac{\partial L}{\partial W_2} = \overline{h}_1 \left(\frac{\partial L}{\partial \overline{a}_2}\right)^T",
         np.outer(h, dz2), dA2),
        (r"\frac{\partial L}{\partial W_2} = \overline{h}_2 \left(\frac{\partial L}{\partial \overline{a}_2}\right)^T",
         np.outer(n["y"], dz2), dA2),
    ]
    generic = r"\frac{\partial L}{\partial W_k} = \overline{h}_{k-1} \left(\frac{\partial L}{\partial \overline{a}_k}\right)^T"
    found = verify_text(tmp_path, SIGMOID_SPEC, AGGARWAL_HEAD + _listed(claims + [(generic, None, None)]))
    _verdicts(found, claims)
    assert found[generic].verdict == "correct", found[generic].message


def test_a_claim_the_tokenizer_cannot_read_leaves_the_unit_l_reading_alone(tmp_path):
    """infer asks the parser whether any claim writes l as a unit (parser.writes_l_as_unit); a claim holding a character
    with no reading (a CJK word inside the math) says no there, instead of stopping the whole document."""
    n = _net(hidden=np.tanh, output=lambda z: z)
    claim = r"\frac{\partial E_D}{\partial \theta_i^{(2)}} = y_i - t_i"
    body = ("$$dZ = \\frac{dFinal}{dZ} = dZ(已知)$$\n\n" + MACKAY_HEAD  # (mathscode's words in its math, heldout10; first,
            + _listed([(claim, None, None)]))  # as infer asks the claims in order)
    found = verify_text(tmp_path, _spec("mackay", 2, [(3, "tanh"), (2, "identity")], "squared_error"), body)
    assert found[claim].verdict == _expected(n["y"] - n["t"], n["db2"])
