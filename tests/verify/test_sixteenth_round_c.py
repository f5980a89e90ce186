r"""Readings of the sixteenth round, verify16c (issue 10: heldout16's lecture notes in German, Russian and Japanese:
Helwich's momentum notes, timattt's perceptron notes, WAT36's tagged derivation).

- **A step written as a parenthesised subscript** (``normalize.step_subscripts``): Helwich's ``w_{(t)}``,
  ``\Delta w_{(t-1)}``, ``w_{(t+1)} := w_{(t)} + \Delta w_{(t)}`` — the step letter t in parentheses as a subscript is
  the step, as ``w(t)`` written on the line is (a layer is never t).
- **The heavy ball as the step's own recurrence** (Rumelhart, Hinton & Williams 1986, eq. 9; Helwich):
  ``\Delta w_{(t)} := \alpha\Delta w_{(t-1)} - \epsilon\frac{\partial E}{\partial w}(w_{(t)})`` — Δw(t−1) the change the
  step before made (parser.previous_change: under momentum the velocity before the step, or −η times it), α the
  momentum where ε is the learning rate, ∂E/∂w (w(t)) the gradient at the weight now; the gradient at another point
  (w(t) + α Δw(t−1), Nesterov's look-ahead) is another algorithm's, not judged.

The answers are written in the notes' notations with networks of our own; every expected verdict is decided by the
NumPy oracle below (the one-layer network's forward pass and its gradient typed here, checked by central differences;
the optimizer's step typed from its textbook definition), never from verify."""

from __future__ import annotations

import numpy as np
import pytest
from gradproof.verify.cli import verify_file
from helpers_verify import spec_text

RNG = np.random.default_rng(16_03)


def _doc(tmp_path, spec: str, displays: list[str], prose: str = "") -> dict:
    """Verify a Markdown answer of ``displays`` (one ``$$…$$`` each, a blank line between): {display index: verdict}."""
    lines, where = ["# Notizen", "", prose, ""], []
    for d in displays:
        where.append(len(lines) + 1)
        lines += [f"$${d}$$", ""]
    (tmp_path / "net.toml").write_text(spec, encoding="utf-8")
    (tmp_path / "a.md").write_text("\n".join(lines), encoding="utf-8")
    results, _meta, _s = verify_file(str(tmp_path / "a.md"), str(tmp_path / "net.toml"))
    got = {r.id: r.verdict for r in results}
    return {k: got.get(f"line {n}", "missing") for k, n in enumerate(where)}


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


def _fd_grad(w, a, t, h=1e-6):
    g = np.zeros_like(w)
    for k in np.ndindex(w.shape):
        up, down = w.copy(), w.copy()
        up[k] += h
        down[k] -= h
        g[k] = (np.mean((t - _sig(up @ a)) ** 2) - np.mean((t - _sig(down @ a)) ** 2)) / (2 * h)
    return g


def _momentum_step(w, dw_before, a, t):
    """The heavy ball as a step's own recurrence (Rumelhart et al. 1986, eq. 9): Δw(t) = μ Δw(t−1) − η ∂E/∂w(t),
    w(t+1) = w(t) + Δw(t)."""
    dw = MU * dw_before - LR * _grad(w, a, t)
    return w + dw, dw


def test_step_written_as_a_parenthesised_subscript(tmp_path):
    w, a, t = RNG.normal(size=(2, 3)), RNG.normal(size=3), RNG.uniform(size=2)
    assert np.allclose(_grad(w, a, t), _fd_grad(w, a, t), atol=1e-7)  # the oracle's gradient
    after, dw = _momentum_step(w, np.zeros_like(w), a, t)
    assert np.allclose(after, w + dw)  # w_{(t+1)} := w_{(t)} + Δw_{(t)} holds
    assert not np.allclose(after, w - dw)  # w_{(t+1)} := w_{(t)} − Δw_{(t)} does not
    got = _doc(tmp_path, MOMENTUM, [r"w_{(t+1)} := w_{(t)} + \Delta w_{(t)}", r"w_{(t+1)} := w_{(t)} - \Delta w_{(t)}"],
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
    got = _doc(tmp_path, spec, RECURRENCE, prose="Verbesserungswert für das Gewicht mit Hilfe des Gradienten berechnen:")
    assert [got[k] for k in range(3)] == ["correct" if h else "incorrect" for h in holds]
    assert got[3] == "unchecked"  # the gradient at the look-ahead point: Nesterov's, not the spec's momentum


def test_change_before_is_read_under_momentum_only(tmp_path):
    """Under plain SGD the change the step before made is no state of this step: the recurrence is not judged."""
    spec = spec_text("sgd", 3, (2, "sigmoid"), loss="mean_squared_error").replace(
        'activation = "sigmoid"\n', 'activation = "sigmoid"\nbias = false\n')
    got = _doc(tmp_path, spec, RECURRENCE[:1])
    assert got == {0: "unchecked"}
