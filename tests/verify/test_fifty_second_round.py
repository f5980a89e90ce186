r"""Fifty-second round (issue 10): textbook notations found by writing answers in them and running verify first
(docs/handover/hunt52 holds the answers).

- z defined as an activation with no a anywhere (Amidi's CS 230 sheet: ``z = \sigma(w^T x + b)`` the prediction, Netlab's
  ``\mathbf{z} = \tanh(\mathbf{x} \mathbf{W}_1 + \mathbf{b}_1)``): z was read as the summed input, so right claims were
  `incorrect`; Netlab's ``\delta_{out}``, ``\delta_{hid}`` beside W_1, W_2 were refused as a role-versus-number conflict.
- Kriesel: ``f_{act}`` (unread), his ``\delta_h = f'_{act}(net_h) \cdot (t_h - y_h)`` and ``\Delta w_{k,h} = \eta o_k \delta_h``
  (the sign of δ guessed: four right steps `incorrect`), ``net_h = \sum_k o_k w_{k,h} + b_h`` (b_h read as already in the sum).
- Murphy's chain ``\mathbf{x}_2 = \mathbf{W}_1 \mathbf{x}_1 + \mathbf{b}_1``, ``\mathbf{x}_3 = \varphi(\mathbf{x}_2)``: x_k read
  as the input's entries (`incorrect`); his ReLU slope ``\varphi'(a) = H(a)`` (the Heaviside step) read as h ⊙ a.
- Saito's capitals: ``\mathbf{Y} = \mathrm{softmax}(\mathbf{A}_2)`` beside the one-hot ``\mathbf{T}`` (Y read as the
  target: `incorrect`), the bias ``\mathbf{B}_1``.
- Russell & Norvig (4th ed.): units numbered through the network with ``in_j`` and ``\Delta_j`` (unread).

The expected verdicts come from NumPy: each formula is evaluated on a random instance and compared with central
differences of the loss, never from verify."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import assert_verdicts, gradient_of, listed_claims, sigmoid, spec_toml, verify_text

rng = np.random.default_rng(52)
_grad, _verdicts = gradient_of, assert_verdicts


_sig, _spec, _listed = sigmoid, spec_toml, listed_claims


# ---- z an activation by its own definition ------------------------------------------------------------------------------

AMIDI_HEAD = (r"The input is $x \in \mathbb{R}^3$, the neuron computes $z = \sigma(w^T x + b)$ — $z$ is the prediction — "
              r"and the loss is $L(z, y) = -[y \log(z) + (1 - y) \log(1 - z)]$." "\n\n")


def test_z_defined_as_an_activation_is_the_prediction(tmp_path):
    x, w, b, y = rng.normal(size=3), rng.normal(size=3), rng.normal(), 1.0
    z = _sig(w @ x + b)
    loss = lambda w_, b_: float(-(y * np.log(_sig(w_ @ x + b_)) + (1 - y) * np.log(1 - _sig(w_ @ x + b_))))  # noqa: E731
    dw, db = _grad(lambda v: loss(v, b), w), _grad(lambda v: loss(w, v), b)
    claims = [
        (r"\frac{\partial L(z, y)}{\partial w} = (z - y) x", (z - y) * x, dw),
        (r"\frac{\partial L(z, y)}{\partial b} = z - y", z - y, db),
        (r"\frac{\partial L(z, y)}{\partial w} = (y - z) x", (y - z) * x, dw),
        (r"\frac{\partial L(z, y)}{\partial b} = z (1 - z)(z - y)", z * (1 - z) * (z - y), db),
    ]
    spec = _spec("amidi", 3, [(1, "sigmoid")], "binary_cross_entropy")
    body = AMIDI_HEAD.replace("1 - y", "1 - y") + _listed(claims)
    found = verify_text(tmp_path, spec, body)
    _verdicts(found, claims)
    assert found[r"z = \sigma(w^T x + b)"].verdict == "correct"


NETLAB_HEAD = (r"A pattern is a row vector $\mathbf{x}$. The hidden layer is $\mathbf{z} = \tanh(\mathbf{x} \mathbf{W}_1 + "
               r"\mathbf{b}_1)$, the linear outputs are $\mathbf{y} = \mathbf{z} \mathbf{W}_2 + \mathbf{b}_2$, the targets "
               r"$\mathbf{t}$, and $E = \frac{1}{2} \|\mathbf{y} - \mathbf{t}\|^2$." "\n\n")


@pytest.mark.parametrize("slip", [False, True])
def test_netlab_z_hidden_and_deltas_named_by_role_beside_numbered_weights(tmp_path, slip):
    x, t = rng.normal(size=3), rng.normal(size=2)
    W1, b1, W2, b2 = rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=(4, 2)), rng.normal(size=2)
    z = np.tanh(x @ W1 + b1)
    y = z @ W2 + b2
    E = lambda W1_, b1_: 0.5 * float(np.sum((np.tanh(x @ W1_ + b1_) @ W2 + b2 - t) ** 2))  # noqa: E731
    dW1, db1 = _grad(lambda v: E(v, b1), W1), _grad(lambda v: E(W1, v), b1)
    dW2 = _grad(lambda v: 0.5 * float(np.sum((z @ v + b2 - t) ** 2)), W2)
    out = y - t
    hid = (out @ W2.T) * ((1 - z) if slip else (1 - z * z))
    true_hid = (out @ W2.T) * (1 - z * z)
    claims = [
        (r"\boldsymbol{\delta}_{\mathrm{out}} = \mathbf{y} - \mathbf{t}", out, out),
        (r"\frac{\partial E}{\partial \mathbf{W}_2} = \mathbf{z}^T \boldsymbol{\delta}_{\mathrm{out}}", np.outer(z, out), dW2),
        (r"\boldsymbol{\delta}_{\mathrm{hid}} = (\boldsymbol{\delta}_{\mathrm{out}} \mathbf{W}_2^T) .* (1 - \mathbf{z}"
         + (r")" if slip else r" .* \mathbf{z})"), hid, true_hid),
        (r"\frac{\partial E}{\partial \mathbf{W}_1} = \mathbf{x}^T \boldsymbol{\delta}_{\mathrm{hid}}", np.outer(x, true_hid), dW1),
        (r"\frac{\partial E}{\partial \mathbf{b}_1} = \boldsymbol{\delta}_{\mathrm{hid}}", true_hid, db1),
    ]
    spec = _spec("netlab", 3, [(4, "tanh"), (2, "identity")], "squared_error")
    found = verify_text(tmp_path, spec, NETLAB_HEAD + _listed(claims))
    _verdicts(found, claims)
    for definition in (r"\mathbf{z} = \tanh(\mathbf{x} \mathbf{W}_1 + \mathbf{b}_1)",
                       r"\mathbf{y} = \mathbf{z} \mathbf{W}_2 + \mathbf{b}_2"):
        assert found[definition].verdict == "correct", found[definition].message


# ---- Kriesel: f_act, δ target first, the step added, b_h beside the sum -------------------------------------------------

KRIESEL_HEAD = (r"A neuron $h$ receives the outputs $o_k$ of the neurons $k$ before it through $w_{k,h}$: "
                r"$net_h = \sum_{k \in K} (o_k w_{k,h}) + b_h$ and $o_h = f_{act}(net_h)$, with $f_{act}$ the logistic "
                r"function; the inputs are the input neurons' outputs. An output neuron has output $y_h = o_h$ and teaching "
                r"input $t_h$; $\eta$ is the learning rate." "\n\n")


@pytest.mark.parametrize("step", [r"\Delta w_{k,h} = \eta o_k \delta_h", r"\Delta w_{k,h} = \eta o_h \delta_h"])
def test_kriesel_f_act_and_his_delta_sign(tmp_path, step):
    x, t = rng.normal(size=2), rng.uniform(size=2)
    W1, b1, W2, b2 = rng.normal(size=(3, 2)), rng.normal(size=3), rng.normal(size=(2, 3)), rng.normal(size=2)
    h = _sig(W1 @ x + b1)
    y = _sig(W2 @ h + b2)
    E2 = lambda W, b: 0.5 * float(np.sum((t - _sig(W @ h + b)) ** 2))  # noqa: E731
    dW2, db2 = _grad(lambda v: E2(v, b2), W2), _grad(lambda v: E2(W2, v), b2)
    eta, delta = 0.1, y * (1 - y) * (t - y)  # Kriesel's δ_h = f'(net_h)(t_h − y_h) = −∂Err/∂net_h
    slip = "o_h" in step  # (the unit's own output for the one feeding it)
    claims = [
        (r"\delta_h = f'_{act}(net_h) \cdot (t_h - y_h)", delta, -_grad(lambda z: 0.5 * float(np.sum((t - _sig(z)) ** 2)),
                                                                          W2 @ h + b2)),
        (step, eta * np.outer(delta * y, np.ones(3)) if slip else eta * np.outer(delta, h), -eta * dW2),
        (r"\Delta b_h = \eta \delta_h", eta * delta, -eta * db2),
    ]
    spec = _spec("kriesel", 2, [(3, "sigmoid"), (2, "sigmoid")], "squared_error")
    found = verify_text(tmp_path, spec, KRIESEL_HEAD + _listed(claims))
    for latex, value, truth in claims:  # (each holds for the output layer; a generic unit h is judged at every layer)
        want = "correct" if np.allclose(value, truth) else "incorrect"
        assert found[latex].verdict == want, (latex, found[latex].message)
    assert found[r"net_h = \sum_{k \in K} (o_k w_{k,h}) + b_h"].verdict == "correct"


# ---- Murphy: every forward quantity one letter's link ------------------------------------------------------------------

MURPHY_HEAD = (r"The model is a chain: $\mathbf{x}_2 = f_1(\mathbf{x}_1) = \mathbf{W}_1 \mathbf{x}_1 + \mathbf{b}_1$, "
               r"$\mathbf{x}_3 = f_2(\mathbf{x}_2) = \varphi(\mathbf{x}_2)$ with $\varphi$ the ReLU, "
               r"$\mathbf{x}_4 = f_3(\mathbf{x}_3) = \mathbf{W}_2 \mathbf{x}_3 + \mathbf{b}_2$, and "
               r"$\mathcal{L} = \frac{1}{2} \|\mathbf{x}_4 - \mathbf{y}\|_2^2$; the input is $\mathbf{x}_1$. The ReLU's slope is "
               r"the Heaviside step, $\varphi'(a) = H(a)$." "\n\n")


@pytest.mark.parametrize("slip", [False, True])
def test_murphy_links_of_one_chain(tmp_path, slip):
    x1, y = rng.normal(size=3), rng.normal(size=2)
    W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(2, 4)), rng.normal(size=2)
    x2 = W1 @ x1 + b1
    x3 = np.maximum(x2, 0)
    x4 = W2 @ x3 + b2
    L4 = lambda v: 0.5 * float(np.sum((v - y) ** 2))  # noqa: E731
    L2 = lambda v: L4(W2 @ np.maximum(v, 0) + b2)  # noqa: E731
    d4, d3, d2 = _grad(L4, x4), _grad(lambda v: L4(W2 @ v + b2), x3), _grad(L2, x2)
    dW2, dW1 = _grad(lambda v: L4(v @ x3 + b2), W2), _grad(lambda v: L2(v @ x1 + b1), W1)
    claims = [
        (r"\frac{\partial \mathcal{L}}{\partial \mathbf{x}_4} = \mathbf{x}_4 - \mathbf{y}", x4 - y, d4),
        (r"\frac{\partial \mathcal{L}}{\partial \mathbf{W}_2} = (\mathbf{x}_4 - \mathbf{y}) \mathbf{x}_3^\top",
         np.outer(x4 - y, x3), dW2),
        (r"\frac{\partial \mathcal{L}}{\partial \mathbf{x}_3} = \mathbf{W}_2^\top (\mathbf{x}_4 - \mathbf{y})", W2.T @ (x4 - y), d3),
        (r"\frac{\partial \mathcal{L}}{\partial \mathbf{W}_1} = \frac{\partial \mathcal{L}}{\partial \mathbf{x}_"
         + ("3" if slip else "2") + r"} \mathbf{x}_1^\top", np.outer(d3 if slip else d2, x1), dW1),
    ]
    spec = _spec("murphy", 3, [(4, "relu"), (2, "identity")], "squared_error")
    found = verify_text(tmp_path, spec, MURPHY_HEAD + _listed(claims))
    _verdicts(found, claims)
    assert found[r"\varphi'(a) = H(a)"].verdict == "correct", found[r"\varphi'(a) = H(a)"].message  # (H read as h: wrong)


# ---- Saito: Y the output, T the target, B the bias ---------------------------------------------------------------------

SAITO_HEAD = (r"For a row vector $\mathbf{X}$, $\mathbf{A}_1 = \mathbf{X} \cdot \mathbf{W}_1 + \mathbf{B}_1$, "
              r"$\mathbf{Z}_1 = \mathrm{sigmoid}(\mathbf{A}_1)$, $\mathbf{A}_2 = \mathbf{Z}_1 \cdot \mathbf{W}_2 + \mathbf{B}_2$ "
              r"and $\mathbf{Y} = \mathrm{softmax}(\mathbf{A}_2)$ with the cross-entropy error $L = -\sum_k t_k \log y_k$ "
              r"($\mathbf{T}$ the one-hot label)." "\n\n")


def test_saito_capitals(tmp_path):
    X, T = rng.normal(size=3), np.eye(3)[1]
    W1, B1, W2, B2 = rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=(4, 3)), rng.normal(size=3)
    Z1 = _sig(X @ W1 + B1)
    A2 = Z1 @ W2 + B2
    Y = np.exp(A2 - A2.max()) / np.exp(A2 - A2.max()).sum()
    ce = lambda a: float(-np.sum(T * (a - np.log(np.sum(np.exp(a))))))  # noqa: E731
    dA2 = _grad(ce, A2)
    dB1 = _grad(lambda v: ce(_sig(X @ W1 + v) @ W2 + B2), B1)
    dW1 = _grad(lambda v: ce(_sig(X @ v + B1) @ W2 + B2), W1)
    dA1 = (dA2 @ W2.T) * Z1 * (1 - Z1)
    claims = [
        (r"\frac{\partial L}{\partial \mathbf{A}_2} = \mathbf{Y} - \mathbf{T}", Y - T, dA2),
        (r"\frac{\partial L}{\partial \mathbf{A}_2} = \mathbf{T} - \mathbf{Y}", T - Y, dA2),
        (r"\frac{\partial L}{\partial \mathbf{B}_1} = (\frac{\partial L}{\partial \mathbf{A}_2} \cdot \mathbf{W}_2^{T}) "
         r"\odot \mathbf{Z}_1 \odot (1 - \mathbf{Z}_1)", dA1, dB1),
        (r"\frac{\partial L}{\partial \mathbf{W}_1} = \mathbf{X}^{T} \cdot ((\mathbf{Y} - \mathbf{T}) \cdot \mathbf{W}_2^{T} "
         r"\odot \mathbf{Z}_1 \odot (1 - \mathbf{Z}_1))", np.outer(X, dA1), dW1),
    ]
    spec = _spec("saito", 3, [(4, "sigmoid"), (3, "softmax")], "cross_entropy")
    found = verify_text(tmp_path, spec, SAITO_HEAD + _listed(claims))
    _verdicts(found, claims)
    assert found[r"\mathbf{Y} = \mathrm{softmax}(\mathbf{A}_2)"].verdict == "correct"


# ---- Russell & Norvig, 4th edition: in_j and Δ_j of units numbered through the network -------------------------------

AIMA_HEAD = (r"The inputs are units 1 and 2, the hidden units 3 and 4, the output unit 5. Unit $j$ computes "
             r"$in_j = \sum_i w_{i,j} a_i + w_{0,j}$ and $a_j = g_j(in_j)$, with $a_1 = x_1$, $a_2 = x_2$ and every $g_j$ "
             r"the sigmoid; $\hat{y} = a_5$ and $Loss(h_{\mathbf{w}}) = (y - \hat{y})^2$." "\n\n")


def test_aima_fourth_edition_numbered_units(tmp_path):
    x, y = rng.normal(size=2), 0.3
    W1, b1, W2, b2 = rng.normal(size=(2, 2)), rng.normal(size=2), rng.normal(size=(1, 2)), rng.normal(size=1)
    a = _sig(W1 @ x + b1)  # a_3, a_4
    a5 = _sig(W2 @ a + b2)[0]
    loss2 = lambda W: float((y - _sig(W @ a + b2)[0]) ** 2)  # noqa: E731
    loss1 = lambda W: float((y - _sig(W2 @ _sig(W @ x + b1) + b2)[0]) ** 2)  # noqa: E731
    dW2, dW1 = _grad(loss2, W2), _grad(loss1, W1)
    d5 = 2 * (a5 - y) * a5 * (1 - a5)
    d3 = d5 * W2[0, 0] * a[0] * (1 - a[0])
    claims = [
        (r"\Delta_5 = 2(\hat{y} - y) g'_5(in_5)", d5, 2 * (a5 - y) * a5 * (1 - a5)),
        (r"\frac{\partial Loss}{\partial w_{4,5}} = \Delta_5 a_4", d5 * a[1], dW2[0, 1]),
        (r"\frac{\partial Loss}{\partial w_{1,3}} = \Delta_3 x_1", d3 * x[0], dW1[0, 0]),
        (r"\frac{\partial Loss}{\partial w_{1,3}} = \Delta_5 w_{3,5} x_1", d5 * W2[0, 0] * x[0], dW1[0, 0]),
    ]
    body = AIMA_HEAD + r"We write $\Delta_3 = \Delta_5 w_{3,5} g'_3(in_3)$." "\n\n" + _listed(claims)
    spec = _spec("aima4", 2, [(2, "sigmoid"), (1, "sigmoid")], "sum_squared_error")
    found = verify_text(tmp_path, spec, body)
    _verdicts(found, claims[1:])
    assert found[claims[0][0]].verdict == "correct", found[claims[0][0]].message


# ---- Charniak: logits l_j, p_j their softmax, a the correct answer, w_{i,j} from input i to class j ---------------------

CHARNIAK_HEAD = (r"The logits are $l_j = b_j + \sum_i x_i w_{i,j}$ and the probabilities $p_j = \sigma(l)_j = "
                 r"\frac{e^{l_j}}{\sum_k e^{l_k}}$; for the correct answer $a$ the loss is $L = -\ln p_a$." "\n\n")


@pytest.mark.parametrize("slip", [False, True])
def test_charniak_logits_and_the_correct_answer(tmp_path, slip):
    x, a = rng.normal(size=3), 1
    W, b = rng.normal(size=(3, 3)), rng.normal(size=3)  # W[i, j]: from input i to class j, as Charniak writes w_{i,j}
    logits = b + x @ W
    p = np.exp(logits - logits.max()) / np.exp(logits - logits.max()).sum()
    L = lambda W_, b_: float(-np.log(np.exp(b_ + x @ W_)[a] / np.exp(b_ + x @ W_).sum()))  # noqa: E731
    dW, db = _grad(lambda v: L(v, b), W), _grad(lambda v: L(W, v), b)
    onehot = np.eye(3)[a]
    claims = [
        (r"\frac{\partial L}{\partial w_{i,j}} = x_i (p_j - \mathbb{1}[j = a])", np.outer(x, p - onehot), dW),
        (r"\frac{\partial L}{\partial b_a} = " + (r"1 - p_a" if slip else r"p_a - 1"),
         (1 - p[a]) if slip else (p[a] - 1), db[a]),
    ]
    spec = _spec("charniak", 3, [(3, "softmax")], "cross_entropy")
    found = verify_text(tmp_path, spec, CHARNIAK_HEAD + _listed(claims))
    _verdicts(found, claims)
    assert found[r"l_j = b_j + \sum_i x_i w_{i,j}"].verdict == "correct", found[r"l_j = b_j + \sum_i x_i w_{i,j}"].message


# ---- Rumelhart, Hinton & Williams (PDP ch. 8), Freeman & Skapura: the pattern p first among the subscripts -----------

PDP_HEAD = (r"For pattern $p$, unit $j$ receives $net_{pj} = \sum_i w_{ji} o_{pi} + \theta_j$ and outputs $o_{pj} = "
            r"f_j(net_{pj})$, each $f_j$ the logistic function; the inputs are the input units' outputs. With target $t_{pj}$ "
            r"the error on pattern $p$ is $E_p = \frac{1}{2} \sum_j (t_{pj} - o_{pj})^2$." "\n\n")


def _pattern_net():
    x, t = rng.normal(size=2), rng.uniform(size=2)
    W1, b1, W2, b2 = rng.normal(size=(3, 2)), rng.normal(size=3), rng.normal(size=(2, 3)), rng.normal(size=2)
    h = _sig(W1 @ x + b1)
    o = _sig(W2 @ h + b2)
    E1 = lambda W, b: 0.5 * float(np.sum((t - _sig(W2 @ _sig(W @ x + b) + b2)) ** 2))  # noqa: E731
    E2 = lambda W, b: 0.5 * float(np.sum((t - _sig(W @ h + b)) ** 2))  # noqa: E731
    return dict(x=x, t=t, W2=W2, h=h, o=o, dW1=_grad(lambda v: E1(v, b1), W1), db1=_grad(lambda v: E1(W1, v), b1),
                dW2=_grad(lambda v: E2(v, b2), W2), db2=_grad(lambda v: E2(W2, v), b2))


@pytest.mark.parametrize("slip", [False, True])
def test_pdp_pattern_first_subscripts(tmp_path, slip):
    n, eta = _pattern_net(), 0.1
    out = (n["t"] - n["o"]) * n["o"] * (1 - n["o"])  # δ_pj of an output unit, −∂E_p/∂net_pj
    hid = n["h"] * (1 - n["h"]) * (n["W2"].T @ out)
    claims = [
        (r"\delta_{pj} = (t_{pj} - o_{pj}) f'_j(net_{pj})", out, -_grad(
            lambda z: 0.5 * float(np.sum((n["t"] - _sig(z)) ** 2)), n["W2"] @ n["h"] + 0)),
        (r"\Delta_p w_{ji} = \eta \delta_{pj} o_{pi}", eta * np.outer(out, n["h"]), -eta * n["dW2"]),
        (r"-\frac{\partial E_p}{\partial w_{ji}} = \delta_{pj} o_{pi}", np.outer(out, n["h"]), -n["dW2"]),
        (r"\Delta_p \theta_j = \eta \delta_{pj}", eta * out, -eta * n["db2"]),
    ]
    claims[0] = (claims[0][0], out, out)  # (a definition of δ: its value is its own; the steps below are judged by it)
    if slip:
        claims.append((r"\Delta_p w_{ji} = \eta \delta_{pi} o_{pj}", eta * np.outer(n["o"] * 0 + 1, hid)[:2] * 0 + 1,
                       -eta * n["dW2"]))  # (δ and o of the wrong units: no value it gives equals the truth)
    found = verify_text(tmp_path, _spec("pdp", 2, [(3, "sigmoid"), (2, "sigmoid")], "squared_error"),
                        PDP_HEAD + _listed(claims))
    _verdicts(found, claims[1:])
    assert found[claims[0][0]].verdict == "correct", found[claims[0][0]].message
    assert found[r"net_{pj} = \sum_i w_{ji} o_{pi} + \theta_j"].verdict == "correct"


FREEMAN_HEAD = (r"The hidden units compute $net_{pj}^h = \sum_{i=1}^{N} w_{ji}^h x_{pi} + \theta_j^h$ and output "
                r"$i_{pj} = f_j^h(net_{pj}^h)$; the output units "
                r"$net_{pk}^o = \sum_{j=1}^{L} w_{kj}^o i_{pj} + \theta_k^o$ and $o_{pk} = f_k^o(net_{pk}^o)$. With $y_{pk}$ the "
                r"desired output, $E_p = \frac{1}{2} \sum_{k=1}^{M} (y_{pk} - o_{pk})^2$; every $f$ is the sigmoid." "\n\n")


def test_freeman_role_superscripts_after_the_pattern(tmp_path):
    n, eta = _pattern_net(), 0.1
    out = (n["t"] - n["o"]) * n["o"] * (1 - n["o"])
    claims = [
        (r"w_{kj}^o(t+1) = w_{kj}^o(t) + \eta \delta_{pk}^o i_{pj}", n["W2"] + eta * np.outer(out, n["h"]),
         n["W2"] - eta * n["dW2"]),
        (r"\theta_k^o(t+1) = \theta_k^o(t) + \eta \delta_{pk}^o", eta * out, -eta * n["db2"]),
        (r"\frac{\partial E_p}{\partial w_{kj}^o} = \delta_{pk}^o i_{pj}", np.outer(out, n["h"]), n["dW2"]),
    ]
    body = FREEMAN_HEAD + r"We write $\delta_{pk}^o = (y_{pk} - o_{pk}) o_{pk}(1 - o_{pk})$." "\n\n" + _listed(claims)
    found = verify_text(tmp_path, _spec("freeman", 2, [(3, "sigmoid"), (2, "sigmoid")], "squared_error"), body)
    for latex, value, truth in claims[2:]:
        assert found[latex].verdict == ("correct" if np.allclose(value, truth) else "incorrect"), found[latex].message
    assert found[claims[0][0]].verdict == "correct", found[claims[0][0]].message
    assert found[r"\delta_{pk}^o = (y_{pk} - o_{pk}) o_{pk}(1 - o_{pk})"].verdict == "correct"


@pytest.mark.parametrize("slope", [r"\varphi'(a)", r"\varphi^{\prime}(a)", r"\phi'(a)"])
def test_heaviside_at_the_slopes_own_argument(tmp_path, slope):
    arg = slope[slope.index("(") + 1]
    spec = _spec("heaviside", 3, [(4, "relu"), (2, "identity")], "squared_error")
    right, wrong = f"{slope} = H({arg})", f"{slope} = 1 - H({arg})"
    found = verify_text(tmp_path, spec, "The activation is the ReLU.\n\n" + _listed([(right, 0, 0), (wrong, 0, 0)]))
    assert found[right].verdict == "correct", found[right].message  # (H read as h times a: `incorrect`)
    assert found[wrong].verdict in ("incorrect", "unchecked"), found[wrong].message


# ---- a student's own letters: z the hidden output, a the probabilities, both activations -------------------------------

STUDENT_HEAD = (r"The hidden layer is $z = \sigma(W_1 x + b_1)$ and the output $a = \mathrm{softmax}(W_2 z + b_2)$, with the "
                r"loss $L = -\sum_k y_k \log a_k$." "\n\n")


@pytest.mark.parametrize("slip", [False, True])
def test_z_and_a_both_activations_of_their_own_layers(tmp_path, slip):
    x, y = rng.normal(size=3), np.eye(3)[2]
    W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(3, 4)), rng.normal(size=3)
    z = _sig(W1 @ x + b1)
    s = W2 @ z + b2
    a = np.exp(s - s.max()) / np.exp(s - s.max()).sum()
    L = lambda W1_, b1_: float(-np.sum(y * np.log(np.exp(W2 @ _sig(W1_ @ x + b1_) + b2) /  # noqa: E731
                                                   np.exp(W2 @ _sig(W1_ @ x + b1_) + b2).sum())))
    dW1, db1 = _grad(lambda v: L(v, b1), W1), _grad(lambda v: L(W1, v), b1)
    back = W2.T @ (a - y)
    claims = [
        (r"\frac{\partial L}{\partial b_1} = W_2^T (a - y) \odot z \odot (1 - z)", back * z * (1 - z), db1),
        (r"\frac{\partial L}{\partial W_1} = (W_2^T (a - y) \odot z" + (r")" if slip else r" \odot (1 - z))") + " x^T",
         np.outer(back * z if slip else back * z * (1 - z), x), dW1),
    ]
    spec = _spec("student", 3, [(4, "sigmoid"), (3, "softmax")], "cross_entropy")
    found = verify_text(tmp_path, spec, STUDENT_HEAD + _listed(claims))
    _verdicts(found, claims)
    for definition in (r"z = \sigma(W_1 x + b_1)", r"a = \mathrm{softmax}(W_2 z + b_2)", r"L = -\sum_k y_k \log a_k"):
        assert found[definition].verdict == "correct", (definition, found[definition].message)


# ---- e_c the true class's one-hot; a bare b beside W_1 the hidden layer's bias where c is the output's -----------------

CS231N_HEAD = (r"Forward pass: $h = \mathrm{ReLU}(W_1 x + b_1)$, $s = W_2 h + b_2$, $p = \mathrm{softmax}(s)$ and the loss is "
               r"$\ell = -\log p_c$ for the true class $c$." "\n\n")


@pytest.mark.parametrize("slip", [False, True])
def test_e_c_is_the_true_class_one_hot(tmp_path, slip):
    x, c = rng.normal(size=3), 1
    W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(3, 4)), rng.normal(size=3)
    h = np.maximum(W1 @ x + b1, 0)
    s = W2 @ h + b2
    p = np.exp(s - s.max()) / np.exp(s - s.max()).sum()
    e = np.eye(3)[c]
    dW2 = _grad(lambda W: float(-(W @ h + b2)[c] + np.log(np.exp(W @ h + b2).sum())), W2)
    claims = [(r"\frac{\partial \ell}{\partial W_2} = " + (r"(e_c - p) h^T" if slip else r"(p - e_c) h^T"),
               np.outer(e - p if slip else p - e, h), dW2)]
    spec = _spec("cs231n", 3, [(4, "relu"), (3, "softmax")], "cross_entropy")
    _verdicts(verify_text(tmp_path, spec, CS231N_HEAD + _listed(claims)), claims)


BINARY_HEAD = (r"We use $o = W_2 h + c$ and $\hat{y} = \sigma(o)$ where $h = \tanh(W_1 x + b)$; the loss is "
               r"$J = -[y \log \hat{y} + (1 - y)\log(1 - \hat{y})]$." "\n\n")


@pytest.mark.parametrize("slip", [False, True])
def test_bare_b_beside_w1_is_the_hidden_bias(tmp_path, slip):
    x, y = rng.normal(size=3), 1.0
    W1, b, W2, c = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(1, 4)), rng.normal(size=1)
    h = np.tanh(W1 @ x + b)
    yhat = _sig(W2 @ h + c)
    J = lambda b_: float(-np.log(_sig(W2 @ np.tanh(W1 @ x + b_) + c)[0]))  # noqa: E731
    back = W2.T @ (yhat - y)
    claims = [(r"\frac{\partial J}{\partial b} = W_2^\top (\hat{y} - y) \odot " + (r"h" if slip else r"(1 - h^2)"),
               (back * h if slip else back * (1 - h ** 2)).ravel(), _grad(J, b))]
    spec = _spec("binary", 3, [(4, "tanh"), (1, "sigmoid")], "binary_cross_entropy")
    found = verify_text(tmp_path, spec, BINARY_HEAD + _listed(claims))
    value, truth = claims[0][1:]
    assert found[claims[0][0]].verdict == ("incorrect" if slip else "correct"), found[claims[0][0]].message
    assert np.allclose(value, truth) != slip  # (the oracle: right unless slipped)
    assert found[r"h = \tanh(W_1 x + b)"].verdict == "correct", found[r"h = \tanh(W_1 x + b)"].message
