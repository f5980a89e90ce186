r"""Readings of the sixteenth round, verify16c (issue 10: heldout16's lecture notes in German, Russian and Japanese:
Helwich's momentum notes, timattt's perceptron notes, WAT36's tagged derivation).

- **A step written as a parenthesised subscript** (``normalize.step_subscripts``): Helwich's ``w_{(t)}``,
  ``\Delta w_{(t-1)}``, ``w_{(t+1)} := w_{(t)} + \Delta w_{(t)}`` — the step letter t in parentheses as a subscript is
  the step, as Ruder's ``w_t``, ``w_{t-1}`` are (a layer is never t).
- **The heavy ball as the step's own recurrence** (Rumelhart, Hinton & Williams 1986, eq. 9; Helwich):
  ``\Delta w_{(t)} := \alpha\Delta w_{(t-1)} - \epsilon\frac{\partial E}{\partial w}(w_{(t)})`` — Δw(t−1) the change the
  step before made (parser.previous_change: under momentum the velocity before the step, or −η times it), α the
  momentum where ε is the learning rate, ∂E/∂w (w(t)) the gradient at the weight now; the gradient at another point
  (w(t) + α Δw(t−1), Nesterov's look-ahead) is another algorithm's, not judged.
- **A capital letter defined as the objective of the output** (``infer.objective_letter``): timattt's
  ``I(\vec A_3) = -\sum_i [y^i \ln A_3^i + (1 - y^i)\ln(1 - A_3^i)]``, then ``\frac{\partial I}{\partial A_3^k}``.
- **The entry as a superscript where the layer is the subscript** (parser.symbol): ``A_3^k``, ``z_3^k``.
- **One layer in the answer's own unindexed letters** (verify/onelayer.py): ``\vec Q = W \vec P + \vec b``,
  ``\vec R = \sigma(\vec Q)``, then the layer's relations in P, Q, R, W, b — checked for every layer.

The answers are written in the notes' notations with networks of our own; every expected verdict is decided by the
NumPy oracle below (the one-layer network's forward pass and its gradient typed here, checked by central differences;
the optimizer's step typed from its textbook definition), never from verify."""

from __future__ import annotations

import numpy as np
import pytest
from helpers_verify import central_differences, doc_verdicts, spec_text

RNG = np.random.default_rng(16_03)


def _sig(v):
    return 1 / (1 + np.exp(-v))


# -- one sigmoid layer without bias (3 inputs, 2 outputs), E = (1/n) Σ_i (t_i − b_i)², momentum ------------------------
MU, LR = 0.9, 0.1
MOMENTUM = spec_text("helwich", 3, (2, "sigmoid"), loss="mean_squared_error", optimizer="momentum", learning_rate=LR,
                     momentum=MU, variant="velocity").replace('activation = "sigmoid"\n', 'activation = "sigmoid"\nbias = false\n')


def _grad(w, a, t):
    """dE/dw of E = (1/n) Σ_i (t_i − φ(Σ_j w_ij a_j))², typed by hand, checked by central differences below."""
    b = _sig(w @ a)
    return np.outer(-2 / len(t) * (t - b) * b * (1 - b), a)


def _momentum_step(w, dw_before, a, t):
    """The heavy ball as a step's own recurrence (Rumelhart et al. 1986, eq. 9): Δw(t) = μ Δw(t−1) − η ∂E/∂w(t),
    w(t+1) = w(t) + Δw(t)."""
    dw = MU * dw_before - LR * _grad(w, a, t)
    return w + dw, dw


def test_step_written_as_a_parenthesised_subscript(tmp_path):
    w, a, t = RNG.normal(size=(2, 3)), RNG.normal(size=3), RNG.uniform(size=2)
    loss = lambda v: np.mean((t - _sig(v @ a)) ** 2)  # noqa: E731
    assert np.allclose(_grad(w, a, t), central_differences(loss, w), atol=1e-7)  # the oracle's gradient
    after, dw = _momentum_step(w, np.zeros_like(w), a, t)
    assert np.allclose(after, w + dw)  # w_{(t+1)} := w_{(t)} + Δw_{(t)} holds
    assert not np.allclose(after, w - dw)  # w_{(t+1)} := w_{(t)} − Δw_{(t)} does not
    got = doc_verdicts(tmp_path, MOMENTUM, [r"w_{(t+1)} := w_{(t)} + \Delta w_{(t)}", r"w_{(t+1)} := w_{(t)} - \Delta w_{(t)}"],
               prose="Das verbesserte Gewicht ergibt sich dann zu:")
    assert got == {0: "correct", 1: "incorrect"}


def _two_steps(variant: str, w, a, t):
    """Two steps of the spec's momentum variant from v = 0 (derive/optimizers.py's definitions, typed here):
    the changes Δw(1), Δw(2) and the gradient at w(2)."""
    v, ws = np.zeros_like(w), [w]
    for _ in range(2):
        g = _grad(ws[-1], a, t)
        if variant == "velocity":  # v ← μ v − η g; w ← w + v
            v = MU * v - LR * g
            ws.append(ws[-1] + v)
        else:  # classic: v ← μ v + g; ema: v ← μ v + (1 − μ) g; w ← w − η v
            v = MU * v + (g if variant == "classic" else (1 - MU) * g)
            ws.append(ws[-1] - LR * v)
    return ws[1] - ws[0], ws[2] - ws[1], _grad(ws[1], a, t)


RECURRENCE = [r"\Delta w_{(t)} := \alpha\Delta w_{(t-1)}-\epsilon\frac{\partial E}{\partial w}(w_{(t)})",
              r"\Delta w_{(t)} := \alpha\Delta w_{(t-1)}+\epsilon\frac{\partial E}{\partial w}(w_{(t)})",
              r"\Delta w(t) = -\varepsilon \frac{\partial E}{\partial w} + \alpha \Delta w(t - 1)",
              r"\Delta w_{(t)} := \alpha\Delta w_{(t-1)}-\epsilon\frac{\partial E}{\partial w}(w_{(t)}+\alpha\Delta w_{(t-1)})"]


@pytest.mark.parametrize("variant", ["velocity", "classic", "ema"])
def test_momentum_as_the_step_s_own_recurrence(tmp_path, variant):
    w, a, t = RNG.normal(size=(2, 3)), RNG.normal(size=3), RNG.uniform(size=2)
    before, change, g = _two_steps(variant, w, a, t)
    holds = [np.allclose(change, MU * before - LR * g), np.allclose(change, MU * before + LR * g),
             np.allclose(change, -LR * g + MU * before)]
    assert holds[0] == (variant != "ema") and not holds[1]  # the oracle tells the variants apart
    spec = MOMENTUM.replace('variant = "velocity"', f'variant = "{variant}"')
    got = doc_verdicts(tmp_path, spec, RECURRENCE, prose="Verbesserungswert für das Gewicht mit Hilfe des Gradienten berechnen:")
    assert [got[k] for k in range(3)] == ["correct" if h else "incorrect" for h in holds]
    assert got[3] == "unchecked"  # the gradient at the look-ahead point: Nesterov's, not the spec's momentum


def test_change_before_is_read_under_momentum_only(tmp_path):
    """Under plain SGD the change the step before made is no state of this step: the recurrence is not judged."""
    spec = spec_text("sgd", 3, (2, "sigmoid"), loss="mean_squared_error").replace(
        'activation = "sigmoid"\n', 'activation = "sigmoid"\nbias = false\n')
    got = doc_verdicts(tmp_path, spec, RECURRENCE[:1])
    assert got == {0: "unchecked"}


# -- timattt's notation on a 2-3-2 sigmoid network, I = BCE summed over the outputs, A_1 = x, z_{l+1} = W_l A_l + b_l -------
TIMATTT = spec_text("timattt", 2, (3, "sigmoid"), (2, "sigmoid"), loss="binary_cross_entropy")
FORWARD = [r"\vec A_1 = \vec x", r"\vec z_2 = W_1 \vec A_1 + \vec b_1", r"\vec A_2 = \sigma(\vec z_2)",
           r"\vec z_3 = W_2 \vec A_2 + \vec b_2", r"\vec A_3 = \sigma(\vec z_3)",
           r"I(\vec A_3) = -\sum_{i=1}^{n} [ y^i \ln A_3^i + (1 - y^i) \ln(1 - A_3^i) ]"]


class _Net:
    """The network's forward pass typed by hand; every derivative by central differences of I."""

    def __init__(self):
        self.W = [RNG.normal(size=(3, 2)), RNG.normal(size=(2, 3))]
        self.b = [RNG.normal(size=3), RNG.normal(size=2)]
        self.x, self.y = RNG.normal(size=2), RNG.integers(0, 2, size=2).astype(float)

    def loss_of_output(self, a3):
        return -np.sum(self.y * np.log(a3) + (1 - self.y) * np.log(1 - a3))

    def from_z(self, l, z):
        """I as a function of layer l's summed input (l = 1, 2 in gradproof's numbering)."""
        a = _sig(z)
        return self.loss_of_output(a if l == 2 else _sig(self.W[1] @ a + self.b[1]))

    def forward(self):
        z1 = self.W[0] @ self.x + self.b[0]
        a1 = _sig(z1)
        z2 = self.W[1] @ a1 + self.b[1]
        return [self.x, a1], [z1, z2], _sig(z2)

    def loss_with(self, l, W=None, b=None):
        Ws, bs = list(self.W), list(self.b)
        if W is not None:
            Ws[l - 1] = W
        if b is not None:
            bs[l - 1] = b
        a = self.x
        for Wk, bk in zip(Ws, bs, strict=True):
            a = _sig(Wk @ a + bk)
        return self.loss_of_output(a)


def test_own_objective_letter_and_superscript_entries(tmp_path):
    net = _Net()
    _, _, a3 = net.forward()
    dI_dA3 = central_differences(net.loss_of_output, a3)
    right = (a3 - net.y) / (a3 * (1 - a3))
    claims = [r"\frac{\partial I}{\partial A_3^k} = \frac{A_3^k - y_k}{A_3^k (1 - A_3^k)}",
              r"\frac{\partial I}{\partial A_3^k} = \frac{y_k - A_3^k}{A_3^k (1 - A_3^k)}",
              r"\sigma(z_3^k) = A_3^k", r"\sigma(z_3^k) = 1 - A_3^k"]
    holds = [np.allclose(dI_dA3, right, rtol=1e-5), np.allclose(dI_dA3, -right, rtol=1e-5), True,
             np.allclose(a3, 1 - a3)]
    got = doc_verdicts(tmp_path, TIMATTT, FORWARD + claims, prose="Обобщим ошибку из обычного персептрона.")
    assert [got[len(FORWARD) + k] for k in range(4)] == ["correct" if h else "incorrect" for h in holds]


def _layer_sides(net, l, P, Q):
    """Both sides of each claim of test_one_layer_in_its_own_letters at layer l (P its input, Q its summed input)."""
    dW = central_differences(lambda W: net.loss_with(l, W=W), net.W[l - 1])
    db = central_differences(lambda b: net.loss_with(l, b=b), net.b[l - 1])
    dQ = central_differences(lambda z: net.from_z(l, z), Q)
    dR = dQ / (_sig(Q) * (1 - _sig(Q)))  # ∂I/∂R from ∂I/∂Q (R = σ(Q) entrywise), checked directly:
    after = (lambda r: net.loss_of_output(r)) if l == 2 else (lambda r: net.loss_of_output(_sig(net.W[1] @ r + net.b[1])))
    assert np.allclose(dR, central_differences(after, _sig(Q)), rtol=1e-4)
    return [(dW, np.outer(dQ, P)), (dW, np.outer(dQ * _sig(Q) * (1 - _sig(Q)), P)), (db, dQ),
            (dQ, dR * _sig(Q) * (1 - _sig(Q))), (dQ, dR * _sig(Q))]


def test_one_layer_in_its_own_letters(tmp_path):
    net = _Net()
    acts, zs, _ = net.forward()
    claims = [r"\frac{\partial I}{\partial W_{ij}} = \frac{\partial I}{\partial Q_i} P_j",
              r"\frac{\partial I}{\partial W_{ij}} = \frac{\partial I}{\partial Q_i} \sigma'(Q_i) P_j",
              r"\frac{\partial I}{\partial \vec b} = \frac{\partial I}{\partial \vec Q}",
              r"\frac{\partial I}{\partial \vec Q} = \frac{\partial I}{\partial \vec R} \odot \sigma'(\vec Q)",
              r"\frac{\partial I}{\partial \vec Q} = \frac{\partial I}{\partial \vec R} \odot \sigma(\vec Q)"]
    per_layer = [_layer_sides(net, l, acts[l - 1], zs[l - 1]) for l in (1, 2)]
    # a claim about "one layer" holds when it holds at every layer
    holds = [all(np.allclose(*sides[k], rtol=1e-4, atol=1e-7) for sides in per_layer) for k in range(len(claims))]
    assert True in holds and False in holds  # (the oracle tells right from wrong here)
    displays = FORWARD + [r"\vec Q = W \vec P + \vec b", r"\vec R = \sigma(\vec Q)"] + claims
    got = doc_verdicts(tmp_path, TIMATTT, displays, prose="Рассмотрим один слой.")
    first = len(FORWARD) + 2
    assert [got[first + k] for k in range(len(claims))] == ["correct" if h else "incorrect" for h in holds]


def test_parenthesised_step_of_a_plain_gradient_step(tmp_path):
    """Without Δw or t+1 in the answer, ``w_{(t)} = w_{(t-1)} - \\eta …`` is Ruder's θ_t = θ_{t-1} − η g (the step from the
    weight now); it was read as w times t when the parentheses became w(t)."""
    w, a, t = RNG.normal(size=(2, 3)), RNG.normal(size=3), RNG.uniform(size=2)
    after = w - LR * _grad(w, a, t)  # plain SGD, typed by hand
    holds = [np.allclose(after, w - LR * _grad(w, a, t)), np.allclose(after, w + LR * _grad(w, a, t))]
    spec = spec_text("sgd", 3, (2, "sigmoid"), loss="mean_squared_error", learning_rate=LR).replace(
        'activation = "sigmoid"\n', 'activation = "sigmoid"\nbias = false\n')
    got = doc_verdicts(tmp_path, spec, [r"w_{(t)} = w_{(t-1)} - \eta \frac{\partial E}{\partial w}",
                                        r"w_{(t)} = w_{(t-1)} + \eta \frac{\partial E}{\partial w}"])
    assert [got[0], got[1]] == ["correct" if h else "incorrect" for h in holds]
