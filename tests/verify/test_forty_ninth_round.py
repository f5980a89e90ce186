r"""Forty-ninth round (issue 10): textbook notations found by writing answers in them and running verify first
(docs/handover/hunt49 holds the answers).

- CMU 11-785's "Gradients are row vectors" (numerator layout said in prose): ∇_z Div = (Y − d)^T, ∇_y Div = ∇_z Div W,
  ∇_W Div = y ∇_z Div (Wᵀ's shape), W ← W − η (∇_W Div)^T — all were `incorrect` (shape mismatch, missing transpose).
- Prince's (UDL) forward pass written two definitions to a display line, ``f_0 = β_0 + Ω_0 x_i, \quad h_1 = a[f_0]``:
  nothing was read (f, β, Ω unknown).
- CS231n's ``H = \max(0, XW_1 + b_1)`` with no space between X and W_1: judged under the spec's W ("wrong order").
- Haykin's one letter y for every unit (y_j(n), y_k(n)), v the induced local field, d the desired output: y_i(n) =
  x_i(n) was judged `incorrect` (y read as the output).
- AIMA's in_k (the summed input of output unit k where only in_j is defined); an undefined Err_k was read as the
  objective (its index dropped).
- Hagan's ``\mathbf{s}^m \equiv \partial\hat F/\partial\mathbf{n}^m`` (≡ as a definition), ``\dot f^1(n)`` (layer 1's slope,
  not a power), superscripts as layers from ``a^{m-1}``.
- Deisenroth et al.'s (MML) ``f_i = \tanh(A_{i-1} f_{i-1} + b_{i-1})``: f the layers' outputs, A, b numbered from 0.
- A layer and the step in one subscript, ``\mathbf{W}_{1,t}``; Raschka's ``x^{(in)}``; CS229's generic k "for
  $k = 1, \dots, r-1$" with "$r = 3$ layers" (the range was split off and the claim judged at the output too).

The expected verdicts come from NumPy: each formula is evaluated on a random instance and compared with central
differences of the loss, never from verify."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import assert_verdicts, expected_verdict, gradient_of, verify_text

rng = np.random.default_rng(49)


def _sig(z):
    return 1 / (1 + np.exp(-z))


def _softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _spec(name: str, inputs: int, layers: list, loss: str, optimizer: str | None = None) -> str:
    body = "".join(f'[[layers]]\nunits = {u}\nactivation = "{a}"\n\n' for u, a in layers)
    optimizer = optimizer or 'name = "sgd"\nlearning_rate = 0.1'
    return (f'name = "{name}"\nconvention = "row"\ninputs = {inputs}\n\n{body}[loss]\nname = "{loss}"\n\n'
            f"[optimizer]\n{optimizer}\n")


_verify = verify_text
_grad, _expected, _verdicts = gradient_of, expected_verdict, assert_verdicts


# ---- CMU 11-785: gradients declared rows (3 inputs, 4 tanh, 2 softmax, cross-entropy) ----------------------------------

def _cmu():
    x, d = rng.normal(size=3), np.eye(2)[1]
    W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(2, 4)), rng.normal(size=2)
    y1 = np.tanh(W1 @ x + b1)
    Y = _softmax(W2 @ y1 + b2)
    div_z2 = lambda z2: -float(d @ np.log(_softmax(z2)))  # noqa: E731
    div_y1 = lambda v: div_z2(W2 @ v + b2)  # noqa: E731
    div_z1 = lambda v: div_y1(np.tanh(v))  # noqa: E731
    gz2, gy1, gz1 = _grad(div_z2, W2 @ y1 + b2), _grad(div_y1, y1), _grad(div_z1, W1 @ x + b1)
    gW2 = _grad(lambda W: div_z2(W @ y1 + b2), W2)
    row = lambda v: v[None, :]  # noqa: E731  (the answer's gradients are rows)
    eta = 0.1
    return [
        (r"\nabla_{z^{(2)}} Div = (Y - d)^T", row(Y - d), row(gz2)),
        (r"\nabla_{y^{(1)}} Div = \nabla_{z^{(2)}} Div \, W^{(2)}", row(gz2) @ W2, row(gy1)),
        (r"\nabla_{z^{(1)}} Div = \nabla_{y^{(1)}} Div \, \operatorname{diag}(1 - y^{(1)} \odot y^{(1)})",
         row(gy1) @ np.diag(1 - y1 * y1), row(gz1)),
        (r"\nabla_{z^{(1)}} Div = \nabla_{y^{(1)}} Div \, \operatorname{diag}(1 - y^{(1)})", row(gy1) @ np.diag(1 - y1), row(gz1)),
        (r"\nabla_{W^{(2)}} Div = y^{(1)} \nabla_{z^{(2)}} Div", np.outer(y1, gz2), gW2.T),  # (numerator layout: Wᵀ's shape)
        (r"W^{(2)} \leftarrow W^{(2)} - \eta (\nabla_{W^{(2)}} Div)^T", W2 - eta * np.outer(y1, gz2).T, W2 - eta * gW2),
    ]


CMU_SPEC = _spec("cmu", 3, [(4, "tanh"), (2, "softmax")], "cross_entropy")
CMU_HEAD = (r"$y^{(0)} = x$; for $k = 1, 2$: $z^{(k)} = W^{(k)} y^{(k-1)} + b^{(k)}$ and $y^{(k)} = f_k(z^{(k)})$, "
            r"with $f_1 = \tanh$ and $f_2$ the softmax; $Y = y^{(2)}$ and $Div(Y, d) = -\sum_i d_i \log Y_i$." "\n")


def test_gradients_declared_rows_are_read_as_rows(tmp_path):
    claims = _cmu()
    body = CMU_HEAD + "Gradients are row vectors.\n\n" + "".join(f"{k}. ${c}$\n" for k, (c, _, _) in enumerate(claims, 1))
    _verdicts(_verify(tmp_path, CMU_SPEC, body), claims)
    # without the sentence, the first row is no gradient of the spec's layout: not called right
    found = _verify(tmp_path, CMU_SPEC, CMU_HEAD + "\n" + "".join(f"{k}. ${c}$\n" for k, (c, _, _) in enumerate(claims, 1)))
    assert found[claims[0][0]].verdict != "correct"


# ---- Prince (UDL): two definitions to a display line (2 inputs, 3 relu, 3 relu, 2 outputs, ‖f_2 − y‖²) -----------------

def test_a_display_of_two_own_definitions_binds_the_letters(tmp_path):
    x, y = rng.normal(size=2), rng.normal(size=2)
    O0, B0, O1, B1, O2, B2 = (rng.normal(size=s) for s in ((3, 2), 3, (3, 3), 3, (2, 3), 2))
    relu = lambda v: np.maximum(v, 0)  # noqa: E731
    f0 = B0 + O0 @ x
    h1 = relu(f0)
    f1 = B1 + O1 @ h1
    h2 = relu(f1)
    loss_f1 = lambda v: float(np.sum((B2 + O2 @ relu(v) - y) ** 2))  # noqa: E731
    loss_f0 = lambda v: loss_f1(B1 + O1 @ relu(v))  # noqa: E731
    g1, g0 = _grad(loss_f1, f1), _grad(loss_f0, f0)
    gO1 = _grad(lambda O: loss_f1(B1 + O @ h1), O1)
    claims = [
        (r"\frac{\partial \ell_i}{\partial \boldsymbol\Omega_1} = \frac{\partial \ell_i}{\partial \mathbf{f}_1}\mathbf{h}_1^T",
         np.outer(g1, h1), gO1),
        (r"\frac{\partial \ell_i}{\partial \boldsymbol\Omega_1} = \frac{\partial \ell_i}{\partial \mathbf{f}_1}\mathbf{h}_2^T",
         np.outer(g1, h2), gO1),
        (r"\frac{\partial \ell_i}{\partial \mathbf{f}_0} = \mathbb{I}[\mathbf{f}_0 > 0] \odot \left(\boldsymbol\Omega_1^T "
         r"\frac{\partial \ell_i}{\partial \mathbf{f}_1}\right)", (f0 > 0) * (O1.T @ g1), g0),
    ]
    body = (r"$$\mathbf{f}_0 = \boldsymbol\beta_0 + \boldsymbol\Omega_0 \mathbf{x}_i, \quad \mathbf{h}_1 = \mathbf{a}[\mathbf{f}_0]$$"
            "\n" r"$$\mathbf{f}_1 = \boldsymbol\beta_1 + \boldsymbol\Omega_1 \mathbf{h}_1, \quad \mathbf{h}_2 = \mathbf{a}[\mathbf{f}_1]$$"
            "\n" r"$$\mathbf{f}_2 = \boldsymbol\beta_2 + \boldsymbol\Omega_2 \mathbf{h}_2$$" "\n"
            r"where $\mathbf{a}[\bullet]$ is the ReLU and $\ell_i = \|\mathbf{f}_2 - \mathbf{y}_i\|^2$." "\n\n"
            + "".join(f"{k}. ${c}$\n" for k, (c, _, _) in enumerate(claims, 1)))
    spec = _spec("udl", 2, [(3, "relu"), (3, "relu"), (2, "identity")], "sum_squared_error")
    _verdicts(_verify(tmp_path, spec, body), claims)


# ---- CS231n: XW_1 with no space, a batch of rows (3 inputs, 4 relu, 3 softmax, mean cross-entropy) ----------------------

def test_xw_with_no_space_is_the_answers_orientation(tmp_path):
    N = 5
    X, Y = rng.normal(size=(N, 3)), np.eye(3)[rng.integers(0, 3, N)]
    W1, b1, W2, b2 = rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=(4, 3)), rng.normal(size=3)
    H = np.maximum(X @ W1 + b1, 0)
    loss_S = lambda S: -float(np.sum(Y * np.log(_softmax(S)))) / N  # noqa: E731
    gS = _grad(loss_S, H @ W2 + b2)
    gW2 = _grad(lambda W: loss_S(H @ W + b2), W2)
    gH = _grad(lambda v: loss_S(v @ W2 + b2), H)
    claims = [
        (r"\frac{\partial L}{\partial W_2} = H^T\frac{\partial L}{\partial S}", H.T @ gS, gW2),
        (r"\frac{\partial L}{\partial H} = \frac{\partial L}{\partial S} W_2^T", gS @ W2.T, gH),
        (r"\frac{\partial L}{\partial W_2} = \frac{\partial L}{\partial S}^T H", gS.T @ H, gW2),  # planted
    ]
    body = (r"A batch of $N$ rows $X$: $H = \max(0, XW_1 + b_1)$, scores $S = HW_2 + b_2$, $P = \mathrm{softmax}(S)$ by rows, "
            r"$L = -\frac{1}{N}\sum_i \log P_{i, y_i}$." "\n\n" + "".join(f"{k}. ${c}$\n" for k, (c, _, _) in enumerate(claims, 1)))
    found = _verify(tmp_path, _spec("cs231n", 3, [(4, "relu"), (3, "softmax")], "cross_entropy"), body)
    assert found[r"H = \max(0, XW_1 + b_1)"].verdict == "correct", found[r"H = \max(0, XW_1 + b_1)"].message
    _verdicts(found, claims)


# ---- Haykin: y for every unit, v the local field, d the target, the iteration n (2-2-2 sigmoid, ½Σe²) --------------------

HAYKIN_HEAD = r"""At iteration $n$, hidden neuron $j$ receives $v_j(n) = \sum_i w_{ji}(n) y_i(n) + b_j(n)$ from the inputs
$y_i(n) = x_i(n)$ and emits $y_j(n) = \varphi(v_j(n))$; output neuron $k$ receives $v_k(n) = \sum_j w_{kj}(n) y_j(n) + b_k(n)$ and
emits $y_k(n) = \varphi(v_k(n))$, $\varphi$ the logistic function. The error is $e_k(n) = d_k(n) - y_k(n)$ and
$\mathcal{E}(n) = \frac{1}{2}\sum_k e_k^2(n)$. The local gradient is $\delta_j(n) = -\frac{\partial \mathcal{E}(n)}{\partial v_j(n)}$.

"""


def test_one_letter_for_every_units_output(tmp_path):
    x, d = rng.normal(size=2), rng.uniform(size=2)
    W1, b1, W2, b2 = rng.normal(size=(2, 2)), rng.normal(size=2), rng.normal(size=(2, 2)), rng.normal(size=2)
    yj = _sig(W1 @ x + b1)
    yk = _sig(W2 @ yj + b2)
    energy = lambda vk: 0.5 * float(np.sum((d - _sig(vk)) ** 2))  # noqa: E731
    delta_k = -_grad(energy, W2 @ yj + b2)
    step_w2 = -0.1 * _grad(lambda W: energy(W @ yj + b2), W2)  # Δw_{kj} = −η ∂E/∂w_{kj}, η = 0.1
    claims = [
        (r"\delta_k(n) = e_k(n) y_k(n)[1 - y_k(n)]", (d - yk) * yk * (1 - yk), delta_k),
        (r"\Delta w_{kj}(n) = \eta\,\delta_k(n) y_j(n)", 0.1 * np.outer(delta_k, yj), step_w2),
        (r"\Delta w_{kj}(n) = -\eta\,\delta_k(n) y_j(n)", -0.1 * np.outer(delta_k, yj), step_w2),
    ]
    body = HAYKIN_HEAD + "".join(f"{k}. ${c}$\n" for k, (c, _, _) in enumerate(claims, 1))
    found = _verify(tmp_path, _spec("haykin", 2, [(2, "sigmoid"), (2, "sigmoid")], "squared_error"), body)
    assert found["y_i(n) = x_i(n)"].verdict == "correct", found["y_i(n) = x_i(n)"].message  # (was incorrect: y read as ŷ)
    _verdicts(found, claims)


# ---- AIMA: in_k read where only in_j is defined; an undefined Err_k is no objective (2-3-2 sigmoid, ½Σ(y − a)²) ---------

AIMA_HEAD = (r"Unit $j$ computes $in_j = \sum_i w_{i,j} a_i + b_j$ and $a_j = g(in_j)$, $g$ the sigmoid; $i$ runs over the "
             r"inputs, $j$ the hidden units and $k$ the outputs. $Loss = \frac{1}{2}\sum_k (y_k - a_k)^2${err}." "\n\n")


def _aima():
    x, y = rng.normal(size=2), rng.uniform(size=2)
    W1, b1, W2, b2 = rng.normal(size=(2, 3)), rng.normal(size=3), rng.normal(size=(3, 2)), rng.normal(size=2)  # w_{i,j}: i to j
    aj = _sig(x @ W1 + b1)
    ak = _sig(aj @ W2 + b2)
    loss_ink = lambda v: 0.5 * float(np.sum((y - _sig(v)) ** 2))  # noqa: E731
    Dk = -_grad(loss_ink, aj @ W2 + b2)  # AIMA's Δ_k = −∂Loss/∂in_k
    Dj = -_grad(lambda v: loss_ink(_sig(v) @ W2 + b2), x @ W1 + b1)
    new_W2 = W2 - 0.1 * _grad(lambda W: loss_ink(aj @ W + b2), W2)
    return [
        (r"\Delta_k = Err_k \times g'(in_k)", (y - ak) * ak * (1 - ak), Dk),
        (r"\Delta_j = g'(in_j)\sum_k w_{j,k} Err_k", aj * (1 - aj) * (W2 @ (y - ak)), Dj),  # planted: Err for Δ
        (r"w_{j,k} \leftarrow w_{j,k} + \alpha \times a_j \times \Delta_k", W2 + 0.1 * np.outer(aj, Dk), new_W2),
    ]


def test_the_summed_input_of_any_unit_by_its_letter(tmp_path):
    claims = _aima()
    spec = _spec("aima", 2, [(3, "sigmoid"), (2, "sigmoid")], "squared_error")
    body = AIMA_HEAD.replace("{err}", r", and $Err_k = y_k - a_k$") + "".join(f"{k}. ${c}$\n" for k, (c, _, _) in enumerate(claims, 1))
    _verdicts(_verify(tmp_path, spec, body), claims)
    # Err_k not defined: not read as the objective (its index was dropped), so no verdict on a guess
    found = _verify(tmp_path, spec, AIMA_HEAD.replace("{err}", "") + f"1. ${claims[0][0]}$\n")
    assert found[claims[0][0]].verdict == "unchecked" and "Err_k" in found[claims[0][0]].message


# ---- Hagan: s^m ≡ ∂F̂/∂n^m, \dot f^1(n), superscript layers (1-2-1, logsig / purelin, F̂ = (t − a)^T(t − a)) -------------

def test_hagans_sensitivities_and_slopes(tmp_path):
    p, t = rng.normal(size=1), rng.normal(size=1)
    W1, b1, W2, b2 = rng.normal(size=(2, 1)), rng.normal(size=2), rng.normal(size=(1, 2)), rng.normal(size=1)
    a1 = _sig(W1 @ p + b1)
    a = W2 @ a1 + b2
    F_n2 = lambda n2: float(np.sum((t - n2) ** 2))  # noqa: E731
    F_n1 = lambda n1: F_n2(W2 @ _sig(n1) + b2)  # noqa: E731
    s2, s1 = _grad(F_n2, a), _grad(F_n1, W1 @ p + b1)
    claims = [
        (r"\mathbf{s}^2 = -2(\mathbf{t} - \mathbf{a})", -2 * (t - a), s2),
        (r"\mathbf{s}^2 = 2(\mathbf{t} - \mathbf{a})", 2 * (t - a), s2),
        (r"\mathbf{s}^1 = \dot{\mathbf{F}}^1(\mathbf{n}^1)(\mathbf{W}^2)^T\mathbf{s}^2", np.diag(a1 * (1 - a1)) @ W2.T @ s2, s1),
    ]
    body = (r"$\mathbf{a}^0 = \mathbf{p}$, $\mathbf{n}^{m} = \mathbf{W}^{m}\mathbf{a}^{m-1} + \mathbf{b}^{m}$, "
            r"$\mathbf{a} = \mathbf{a}^2$. $\hat{F}(\mathbf{x}) = (\mathbf{t} - \mathbf{a})^T(\mathbf{t} - \mathbf{a})$ and "
            r"$\mathbf{s}^m \equiv \frac{\partial \hat F}{\partial \mathbf{n}^m}$. Layer 1 is log-sigmoid: "
            r"$\dot f^1(n) = (1 - a^1)(a^1)$." "\n\n" + "".join(f"{k}. ${c}$\n" for k, (c, _, _) in enumerate(claims, 1)))
    found = _verify(tmp_path, _spec("hagan", 1, [(2, "sigmoid"), (1, "identity")], "sum_squared_error"), body)
    assert found[r"\dot f^1(n) = (1 - a^1)(a^1)"].verdict == "correct"  # (was incorrect: f'^1 read as a power)
    _verdicts(found, claims)


# ---- MML: f_i = tanh(A_{i-1} f_{i-1} + b_{i-1}), numerator layout (2 inputs, 3 tanh, 2 linear, ‖y − f_2‖²) ----------------

def test_own_letters_for_the_layers_outputs(tmp_path):
    x, y = rng.normal(size=2), rng.normal(size=2)
    A0, b0, A1, b1 = rng.normal(size=(3, 2)), rng.normal(size=3), rng.normal(size=(2, 3)), rng.normal(size=2)
    f1 = np.tanh(A0 @ x + b0)
    L_f2 = lambda f2: float(np.sum((y - f2) ** 2))  # noqa: E731
    L_f1 = lambda v: L_f2(A1 @ v + b1)  # noqa: E731
    g2, g1 = _grad(L_f2, A1 @ f1 + b1)[None, :], _grad(L_f1, f1)[None, :]  # (rows: numerator layout)
    gb0 = _grad(lambda b: L_f1(np.tanh(A0 @ x + b)), b0)[None, :]
    claims = [
        (r"\frac{\partial L}{\partial \mathbf{f}_1} = \frac{\partial L}{\partial \mathbf{f}_2}\mathbf{A}_1", g2 @ A1, g1),
        (r"\frac{\partial L}{\partial \mathbf{b}_0} = \frac{\partial L}{\partial \mathbf{f}_1}"
         r"\operatorname{diag}(1 - \mathbf{f}_1 \odot \mathbf{f}_1)",
         g1 @ np.diag(1 - f1 * f1), gb0),
        (r"\frac{\partial L}{\partial \mathbf{b}_0} = \frac{\partial L}{\partial \mathbf{f}_1}\operatorname{diag}(1 - \mathbf{f}_1)",
         g1 @ np.diag(1 - f1), gb0),
    ]
    body = (r"$\mathbf{f}_0 = \mathbf{x}$, $\mathbf{f}_1 = \tanh(\mathbf{A}_0\mathbf{f}_0 + \mathbf{b}_0)$, "
            r"$\mathbf{f}_2 = \mathbf{A}_1\mathbf{f}_1 + \mathbf{b}_1$, $L = \|\mathbf{y} - \mathbf{f}_2\|^2$. Derivatives are in "
            "numerator layout.\n\n" + "".join(f"{k}. ${c}$\n" for k, (c, _, _) in enumerate(claims, 1)))
    _verdicts(_verify(tmp_path, _spec("mml", 2, [(3, "tanh"), (2, "identity")], "sum_squared_error"), body), claims)


# ---- a layer and a step in one subscript; Raschka's x^{(in)}; CS229's ranged generic k -----------------------------------

@pytest.mark.parametrize("update, which", [
    (r"\mathbf{V}_{1,t} = \mu\mathbf{V}_{1,t-1} + \nabla_{\mathbf{W}_1}\ell", "v"),
    (r"\mathbf{V}_{1,t} = \mu\mathbf{V}_{1,t-1} - \nabla_{\mathbf{W}_1}\ell", "v"),
    (r"\mathbf{W}_{1,t} = \mathbf{W}_{1,t-1} - \gamma\mathbf{V}_{1,t}", "w"),
])
def test_a_layer_and_a_step_in_one_subscript(tmp_path, update, which):
    g, v, w, mu, lr = rng.normal(size=(3, 2)), rng.normal(size=(3, 2)), rng.normal(size=(3, 2)), 0.9, 0.1
    new_v = mu * v + g  # torch.optim.SGD(momentum=0.9): v ← μ v + g, then W ← W − γ v
    formula = {"+ \\nabla": mu * v + g, "- \\nabla": mu * v - g, "\\gamma": w - lr * new_v}
    written = next(value for key, value in formula.items() if key in update)
    right = np.allclose(written, new_v if which == "v" else w - lr * new_v)
    body = (r"$\mathbf{h} = \tanh(\mathbf{W}_1\mathbf{x} + \mathbf{b}_1)$, $\hat{\mathbf{y}} = \mathrm{softmax}(\mathbf{W}_2\mathbf{h} + "
            r"\mathbf{b}_2)$, cross-entropy $\ell$; momentum with learning rate $\gamma = 0.1$ and $\mu = 0.9$." "\n\n"
            f"1. ${update}$\n")
    spec = _spec("momentum", 2, [(3, "tanh"), (3, "softmax")], "cross_entropy",
                 'name = "momentum"\nlearning_rate = 0.1\nmomentum = 0.9')
    found = _verify(tmp_path, spec, body)
    assert found[update].verdict == ("correct" if right else "incorrect"), found[update].message


def test_the_input_named_by_its_role(tmp_path):
    x, y = rng.normal(size=3), rng.integers(0, 2, size=2).astype(float)
    Wh, bh, Wo, bo = rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=(4, 2)), rng.normal(size=2)
    bce = lambda a: -float(np.sum(y * np.log(a) + (1 - y) * np.log(1 - a)))  # noqa: E731
    loss_zh = lambda z: bce(_sig(_sig(z) @ Wo + bo))  # noqa: E731
    dh = _grad(loss_zh, x @ Wh + bh)
    gWh = _grad(lambda W: loss_zh(x @ W + bh), Wh)
    claim = r"\frac{\partial J}{\partial \mathbf{W}^{(h)}} = (\mathbf{x}^{(in)})^T\boldsymbol\delta^{(h)}"
    assert _expected(np.outer(x, dh), gWh) == "correct"
    body = (r"$\mathbf{z}^{(h)} = \mathbf{x}^{(in)}\mathbf{W}^{(h)} + \mathbf{b}^{(h)}$, $\mathbf{a}^{(h)} = \phi(\mathbf{z}^{(h)})$, "
            r"$\mathbf{z}^{(out)} = \mathbf{a}^{(h)}\mathbf{W}^{(out)} + \mathbf{b}^{(out)}$, "
            r"$\mathbf{a}^{(out)} = \phi(\mathbf{z}^{(out)})$, "
            r"$\phi$ the sigmoid, the logistic cost $J$." "\n\n" f"1. ${claim}$\n")
    found = _verify(tmp_path, _spec("raschka", 3, [(4, "sigmoid"), (2, "sigmoid")], "binary_cross_entropy"), body)
    assert found[claim].verdict == "correct", found[claim].message


def test_a_generic_layers_range_up_to_the_answers_depth(tmp_path):
    x = rng.normal(size=3)
    Ws = [rng.normal(size=s) for s in ((4, 3), (4, 4), (3, 4))]
    bs = [rng.normal(size=n) for n in (4, 4, 3)]
    zs, a = [], x
    for k, (W, b) in enumerate(zip(Ws, bs, strict=True)):
        zs.append(W @ a + b)
        a = np.maximum(zs[-1], 0) if k < 2 else _softmax(zs[-1])
    # the oracle of the range: a^{[k]} = ReLU(z^{[k]}) holds at k = 1, 2, not at the softmax output
    outputs = [np.maximum(zs[0], 0), np.maximum(zs[1], 0), a]
    assert [np.allclose(np.maximum(z, 0), o) for z, o in zip(zs, outputs, strict=True)] == [True, True, False]
    body = (r"The network has $r = 3$ layers: $z^{[k]} = W^{[k]} a^{[k-1]} + b^{[k]}$ for $k = 1, \dots, r$, with $a^{[0]} = x$, "
            r"$a^{[k]} = \mathrm{ReLU}(z^{[k]})$ for $k = 1, \dots, r-1$, and the softmax output." "\n")
    found = _verify(tmp_path, _spec("cs229", 3, [(4, "relu"), (4, "relu"), (3, "softmax")], "cross_entropy"), body)
    claim = next(r for latex, r in found.items() if latex.startswith(r"a^{[k]} = \mathrm{ReLU}(z^{[k]})"))
    assert claim.verdict == "correct" and "k = 1, 2" in claim.message, claim.message


# ---- GELU's Φ and φ (3 inputs, 4 GELU, 1 sigmoid, binary cross-entropy); a derivative evaluated at a point ---------------

def test_gelus_normal_distribution_and_density(tmp_path):
    from math import erf

    x, y = rng.normal(size=3), 1.0
    W, b, w, c = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=4), rng.normal()
    cdf = np.vectorize(lambda v: 0.5 * (1 + erf(v / np.sqrt(2))))
    pdf = lambda v: np.exp(-v * v / 2) / np.sqrt(2 * np.pi)  # noqa: E731
    bce = lambda z: float(-np.log(_sig(w @ (z * cdf(z)) + c)))  # noqa: E731  (y = 1)
    z = W @ x + b
    yhat = _sig(w @ (z * cdf(z)) + c)
    gz = _grad(bce, z)
    claims = [
        (r"\frac{\partial L}{\partial \mathbf{z}} = (\hat y - y)\,\mathbf{w} \odot "
         r"\left(\Phi(\mathbf{z}) + \mathbf{z} \odot \phi(\mathbf{z})\right)",
         (yhat - y) * w * (cdf(z) + z * pdf(z)), gz),
        (r"\frac{\partial L}{\partial \mathbf{z}} = (\hat y - y)\,\mathbf{w} \odot \Phi(\mathbf{z})", (yhat - y) * w * cdf(z), gz),
    ]
    body = (r"The hidden layer is $\mathbf{h} = \mathrm{GELU}(\mathbf{z})$ with $\mathbf{z} = W\mathbf{x} + \mathbf{b}$, where "
            r"$\mathrm{GELU}(z) = z\,\Phi(z)$ and $\phi(z) = \frac{1}{\sqrt{2\pi}}e^{-z^2/2}$ is the normal density. The output "
            r"is $\hat y = \sigma(\mathbf{w}^\top\mathbf{h} + c)$ with the binary cross-entropy $L$." "\n\n"
            r"1. $\mathrm{GELU}'(z) = \Phi(z) + z\,\phi(z)$" "\n" + "".join(f"{k}. ${t}$\n" for k, (t, _, _) in enumerate(claims, 2)))
    found = _verify(tmp_path, _spec("gelu", 3, [(4, "gelu"), (1, "sigmoid")], "binary_cross_entropy"), body)
    for written in (r"\mathrm{GELU}(z) = z\,\Phi(z)", r"\phi(z) = \frac{1}{\sqrt{2\pi}}e^{-z^2/2}",
                    r"\mathrm{GELU}'(z) = \Phi(z) + z\,\phi(z)"):
        assert found[written].verdict == "correct", (written, found[written].message)  # (Φ, φ were the activation φ)
    _verdicts(found, claims)


@pytest.mark.parametrize("bar", [r"\left.\frac{\partial L}{\partial W_2}\right|_{W_2 = W_2^{(t)}}",
                                 r"\frac{\partial L}{\partial W_2}\Big|_{W_2 = W_2^{(t)}}"])
def test_a_derivative_evaluated_at_the_current_weights(tmp_path, bar):
    x, y = rng.normal(size=3), np.eye(3)[0]
    W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(3, 4)), rng.normal(size=3)
    h = _sig(W1 @ x + b1)
    gW2 = _grad(lambda W: -float(y @ np.log(_softmax(W @ h + b2))), W2)
    yhat = _softmax(W2 @ h + b2)
    for formula, value in ((r"(\hat{\mathbf{y}} - \mathbf{y})\mathbf{h}^\top", np.outer(yhat - y, h)),
                           (r"\mathbf{h}(\hat{\mathbf{y}} - \mathbf{y})^\top", np.outer(h, yhat - y))):
        claim = f"{bar} = {formula}"
        body = (r"With $\mathbf{z}_1 = W_1\mathbf{x} + \mathbf{b}_1$, $\mathbf{h} = \sigma(\mathbf{z}_1)$, $\mathbf{z}_2 = W_2\mathbf{h} + "
                r"\mathbf{b}_2$, $\hat{\mathbf{y}} = \mathrm{softmax}(\mathbf{z}_2)$ and the cross-entropy $L$:" "\n\n" f"1. ${claim}$\n")
        found = _verify(tmp_path, _spec("bar", 3, [(4, "sigmoid"), (3, "softmax")], "cross_entropy"), body)
        assert found[claim].verdict == _expected(value, gW2), found[claim].message


# ---- a worked example whose bias is the zero vector, \mathbf{b}^{(2)} = \mathbf{0} (2-2-2 sigmoid / softmax) ---------------

def _bmatrix(a: np.ndarray) -> str:
    rows = np.atleast_2d(a) if a.ndim == 2 else a.reshape(-1, 1)
    return r"\begin{bmatrix} " + r" \\ ".join(" & ".join(f"{v:.4f}" for v in row) for row in rows) + r" \end{bmatrix}"


def test_a_worked_example_with_a_zero_bias_vector(tmp_path):
    x, y = np.array([1.0, 0.5]), np.array([0.0, 1.0])
    W1, b1, W2 = np.array([[0.1, 0.2], [0.3, 0.4]]), np.array([0.1, 0.1]), np.array([[0.5, -0.5], [0.2, 0.3]])
    loss = lambda W: -float(y @ np.log(_softmax(W @ _sig(W1 @ x + b1))))  # noqa: E731  (b2 = 0)
    h = _sig(W1 @ x + b1)
    gW2 = _grad(loss, W2)
    claims = [(r"\frac{\partial L}{\partial W^{(2)}} \approx " + _bmatrix(gW2), gW2, gW2),
              (r"\frac{\partial L}{\partial W^{(2)}} \approx " + _bmatrix(gW2.T), gW2.T, gW2)]  # planted: transposed
    body = (r"Input $\mathbf{x} = \begin{bmatrix} 1 \\ 0.5 \end{bmatrix}$, target $\mathbf{y} = \begin{bmatrix} 0 \\ 1 "
            r"\end{bmatrix}$, $W^{(1)} = \begin{bmatrix} 0.1 & 0.2 \\ 0.3 & 0.4 \end{bmatrix}$, $\mathbf{b}^{(1)} = "
            r"\begin{bmatrix} 0.1 \\ 0.1 \end{bmatrix}$, $W^{(2)} = \begin{bmatrix} 0.5 & -0.5 \\ 0.2 & 0.3 \end{bmatrix}$, "
            r"$\mathbf{b}^{(2)} = \mathbf{0}$." "\n\n" r"$$\mathbf{h}^{(1)} = \sigma(\mathbf{z}^{(1)}) \approx " + _bmatrix(h) + "$$\n\n"
            + "".join(f"$${c}$$\n\n" for c, _, _ in claims))
    found = _verify(tmp_path, _spec("zero", 2, [(2, "sigmoid"), (2, "softmax")], "cross_entropy"), body)
    assert found[r"\mathbf{h}^{(1)} = \sigma(\mathbf{z}^{(1)}) \approx " + _bmatrix(h)].verdict == "correct"
    for latex, value, truth in claims:
        assert found[latex].verdict == ("correct" if np.allclose(value, truth, atol=1e-4) else "incorrect"), found[latex].message


@pytest.mark.parametrize("claim, sign", [
    (r"\frac{\partial L}{\partial S_{ij}} = \frac{1}{N}\left(P_{ij} - \mathbb{1}[j = y_i]\right)", 1),
    (r"\frac{\partial L}{\partial S_{ij}} = \frac{1}{N}\left(\mathbb{1}\{y_i = j\} - P_{ij}\right)", -1),  # planted: the sign
])
def test_an_indicator_of_each_examples_integer_label(tmp_path, claim, sign):
    N = 4
    labels = rng.integers(0, 3, N)
    S = rng.normal(size=(N, 3))
    loss = lambda s: -float(np.mean(np.log(_softmax(s)[np.arange(N), labels])))  # noqa: E731
    value = sign * (_softmax(S) - np.eye(3)[labels]) / N
    body = (r"With a batch of $N$ rows $X$: $H = \max(0, XW_1 + b_1)$, scores $S = HW_2 + b_2$, $P = \mathrm{softmax}(S)$ "
            r"by rows, $L = -\frac{1}{N}\sum_i \log P_{i, y_i}$ where $y_i$ is example $i$'s class." "\n\n" f"1. ${claim}$\n")
    found = _verify(tmp_path, _spec("labels", 3, [(4, "relu"), (3, "softmax")], "cross_entropy"), body)
    assert found[claim].verdict == _expected(value, _grad(loss, S)), found[claim].message


@pytest.mark.parametrize("slope, right", [(r"\sigma(\mathbf{z}_1) \odot (1 - \sigma(\mathbf{z}_1))", True),
                                          (r"\sigma(\mathbf{z}_1)", False)])
def test_a_functions_slope_evaluated_at_a_point(tmp_path, slope, right):
    z = rng.normal(size=4)
    numeric = _grad(lambda v: float(np.sum(_sig(v))), z)  # the slope of σ at each entry (σ acts entrywise)
    written = _sig(z) * (1 - _sig(z)) if right else _sig(z)
    assert np.allclose(written, numeric, atol=1e-6) == right
    claim = rf"\left.\frac{{d\sigma}}{{d\xi}}\right|_{{\xi = \mathbf{{z}}_1}} = {slope}"
    body = (r"With $\mathbf{z}_1 = W_1\mathbf{x} + \mathbf{b}_1$, $\mathbf{h} = \sigma(\mathbf{z}_1)$, $\mathbf{z}_2 = W_2\mathbf{h} + "
            r"\mathbf{b}_2$, $\hat{\mathbf{y}} = \mathrm{softmax}(\mathbf{z}_2)$:" "\n\n" f"1. ${claim}$\n")
    found = _verify(tmp_path, _spec("slope", 3, [(4, "sigmoid"), (3, "softmax")], "cross_entropy"), body)
    assert found[claim].verdict == ("correct" if right else "incorrect"), found[claim].message


# ---- Nielsen's mini-batch algorithm: a^{x,l}, δ^{x,l}, C_x, y(x), w^l → w^l − (η/m) Σ_x δ^{x,l}(a^{x,l−1})^T ----------------

NIELSEN_HEAD = (r"For each training example $x$ of a mini-batch of $m$ examples: $z^{x,l} = w^l a^{x,l-1} + b^l$ and "
                r"$a^{x,l} = \sigma(z^{x,l})$, with the quadratic cost $C_x = \frac{1}{2}\|y(x) - a^{x,L}\|^2$ and "
                r"$\delta^{x,L} = \nabla_a C_x \odot \sigma'(z^{x,L})$." "\n\n")


@pytest.mark.parametrize("claim, scale", [
    (r"b^l \rightarrow b^l - \frac{\eta}{m}\sum_x \delta^{x,l}", 1.0),
    (r"b^l \rightarrow b^l - \eta\sum_x \delta^{x,l}", None),  # planted: the 1/m of the mean left out
])
def test_nielsens_example_and_layer_superscripts(tmp_path, claim, scale):
    m = 5
    X, Y = rng.normal(size=(m, 3)), rng.uniform(size=(m, 2))
    W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(2, 4)), rng.normal(size=2)
    mean_cost = lambda b: float(np.mean([0.5 * np.sum((y - _sig(W2 @ _sig(W1 @ x + b1) + b)) ** 2) for x, y in zip(X, Y, strict=True)]))  # noqa: E731
    sum_delta = np.sum([(_sig(W2 @ _sig(W1 @ x + b1) + b2) - y) * _sig(W2 @ _sig(W1 @ x + b1) + b2)
                        * (1 - _sig(W2 @ _sig(W1 @ x + b1) + b2)) for x, y in zip(X, Y, strict=True)], axis=0)  # Σ_x δ^{x,L}
    eta = 0.1
    written = b2 - eta * (sum_delta / m if scale else sum_delta)
    truth = b2 - eta * _grad(mean_cost, b2)  # SGD on the mini-batch's mean cost
    body = NIELSEN_HEAD + f"1. ${claim}$\n2. $\\nabla_a C_x = a^{{x,L}} - y(x)$\n"
    spec = _spec("nielsen", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error")
    found = _verify(tmp_path, spec, body)
    assert found[claim].verdict == _expected(written, truth), found[claim].message  # (checked at l = L here and at l = 1)
    assert found[r"\nabla_a C_x = a^{x,L} - y(x)"].verdict == "correct"
    assert found[r"\delta^{x,L} = \nabla_a C_x \odot \sigma'(z^{x,L})"].verdict == "correct"


# ---- a dropout probability set by the answer, compared with the network's (4 relu, dropout p = 0.2, 3 softmax) -----------

DROPOUT_SPEC = ('name = "drop"\nconvention = "row"\ninputs = 3\n\n[[layers]]\nunits = 4\nactivation = "relu"\n\n[[layers]]\n'
                'kind = "dropout"\np = 0.2\n\n[[layers]]\nunits = 3\nactivation = "softmax"\n\n[loss]\nname = "cross_entropy"\n\n'
                '[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')


@pytest.mark.parametrize("value", ["0.8", "0.2", "0.7", "0.5"])
def test_a_dropout_probability_the_answer_sets(tmp_path, value):
    drop = 0.2  # the spec's: a unit is dropped with 0.2, kept with 0.8
    right = np.isclose(float(value), drop) or np.isclose(float(value), 1 - drop)
    body = (f"Each hidden unit is kept with probability $p = {value}$: $\\tilde{{\\mathbf{{h}}}} = \\frac{{1}}{{p}}\\,\\mathbf{{r}} "
            r"\odot \mathbf{h}$ with $\mathbf{h} = \mathrm{ReLU}(W_1\mathbf{x} + \mathbf{b}_1)$." "\n")
    found = _verify(tmp_path, DROPOUT_SPEC, body)
    assert found[f"p = {value}"].verdict == ("correct" if right else "incorrect"), found[f"p = {value}"].message


# ---- δ in two cases told apart by the layer in words (3-4-4-3 sigmoid / softmax, cross-entropy) ------------------------

@pytest.mark.parametrize("output_case", [r"\hat y - y", r"y - \hat y"])
def test_cases_told_apart_by_the_layer_in_words(tmp_path, output_case):
    x, y = rng.normal(size=3), np.eye(3)[2]
    Ws = [rng.normal(size=s) for s in ((4, 3), (4, 4), (3, 4))]
    bs = [rng.normal(size=n) for n in (4, 4, 3)]

    def loss_from(k, z):  # the loss as a function of layer k's summed input (k = 1, 2, 3)
        a = _softmax(z) if k == 3 else _sig(z)
        for W, b in zip(Ws[k:], bs[k:], strict=True):
            z = W @ a + b
            a = _sig(z) if len(b) == 4 else _softmax(z)
        return -float(y @ np.log(a))

    zs, a = [], x
    for k, (W, b) in enumerate(zip(Ws, bs, strict=True), 1):
        zs.append(W @ a + b)
        a = _sig(zs[-1]) if k < 3 else _softmax(zs[-1])
    deltas = [_grad(lambda z, k=k: loss_from(k, z), zs[k - 1]) for k in (1, 2, 3)]
    out = a - y if output_case.startswith(r"\hat") else y - a
    hidden_right = all(np.allclose(Ws[k].T @ deltas[k] * _sig(zs[k - 1]) * (1 - _sig(zs[k - 1])), deltas[k - 1], atol=1e-6)
                       for k in (1, 2))
    right = hidden_right and np.allclose(out, deltas[2], atol=1e-6)
    claim = (rf"\delta^{{(l)}} = \begin{{cases}} {output_case} & \text{{for the output layer,}} \\ (W^{{(l+1)}})^T "
             r"\delta^{(l+1)} \odot \sigma'(z^{(l)}) & \text{for a hidden layer.} \end{cases}")
    body = (r"With $z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)}$, $a^{(l)} = \sigma(z^{(l)})$ in the hidden layers and a softmax "
            r"output $\hat y$ with the cross-entropy $J$:" "\n\n" f"$${claim}$$\n")
    spec = _spec("cases", 3, [(4, "sigmoid"), (4, "sigmoid"), (3, "softmax")], "cross_entropy")
    found = _verify(tmp_path, spec, body)
    assert found[claim].verdict == ("correct" if right else "incorrect"), found[claim].message


# ---- the softmax Jacobian named J; ⊘ (3 inputs, 4 sigmoid, 3 softmax, cross-entropy) -----------------------------------

def test_a_jacobian_named_j_and_the_elementwise_division(tmp_path):
    z, y = rng.normal(size=3), np.eye(3)[1]
    yhat = _softmax(z)
    jac = np.stack([_grad(lambda v, i=i: float(_softmax(v)[i]), z) for i in range(3)])  # row i: ∂ŷ_i/∂z
    dyhat = _grad(lambda p: -float(y @ np.log(p)), yhat)
    dz = _grad(lambda v: -float(y @ np.log(_softmax(v))), z)
    claims = [
        (r"\frac{\partial L}{\partial \hat{\mathbf{y}}} = -\mathbf{y} \oslash \hat{\mathbf{y}}", -y / yhat, dyhat),
        (r"J = \frac{\partial \hat{\mathbf{y}}}{\partial \mathbf{z}_2} = \operatorname{diag}(\hat{\mathbf{y}}) - "
         r"\hat{\mathbf{y}}\hat{\mathbf{y}}^\top",
         np.diag(yhat) - np.outer(yhat, yhat), jac),
        (r"\frac{\partial L}{\partial \mathbf{z}_2} = J^\top\frac{\partial L}{\partial \hat{\mathbf{y}}}", jac.T @ dyhat, dz),
        (r"\frac{\partial L}{\partial \mathbf{z}_2} = \operatorname{diag}(\hat{\mathbf{y}})\frac{\partial L}{\partial \hat{\mathbf{y}}}",
         np.diag(yhat) @ dyhat, dz),  # planted: half the Jacobian
    ]
    body = (r"$\mathbf{z}_2 = W_2\mathbf{h} + \mathbf{b}_2$, $\hat{\mathbf{y}} = \mathrm{softmax}(\mathbf{z}_2)$, "
            r"$L = -\mathbf{y}^\top\log\hat{\mathbf{y}}$." "\n\n" + "".join(f"{k}. ${c}$\n" for k, (c, _, _) in enumerate(claims, 1))
            + r"5. $\frac{\partial \hat y_i}{\partial z_j} = \hat y_i(\delta_{ij} - \hat y_j)$" "\n")
    found = _verify(tmp_path, _spec("jac", 3, [(4, "sigmoid"), (3, "softmax")], "cross_entropy"), body)
    _verdicts(found, claims)  # (J was the objective: "expected 0.57, the claim gives 3×3")
    # a bare z_j is the output's here (ŷ_i by z_j), not the hidden layer's a one-hidden-layer answer reads it as: the
    # index clash that reading makes (3 and 4 entries) is no mistake of the answer's
    assert np.allclose(np.diag(yhat) - np.outer(yhat, yhat), jac, atol=1e-6)
    assert found[r"\frac{\partial \hat y_i}{\partial z_j} = \hat y_i(\delta_{ij} - \hat y_j)"].verdict != "incorrect"
