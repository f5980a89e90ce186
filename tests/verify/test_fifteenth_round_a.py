r"""Readings of the fifteenth round, verify15a (issue 10: heldout15's Luiza Orosanu notes; Max Gnesi's walk-throughs are
tests/verify/test_walkthrough.py).

- **A PDF's text** (pdftotext -layout: no math delimiters, subscripts flattened onto the line): Ng's ``Vdw``, ``Sdb``
  are V_{dw}, S_{db} (lowercase w too); Adam's ``β 1``, ``β 2`` are β₁, β₂; a closing parenthetical of prose
  ``(element-wise squaring operation)`` is a remark, not part of the formula.
- **Notes that set out several optimizers** (their text names three algorithms or more: "momentum", "RMSprop",
  "Adam"): a parameter step of another algorithm is that algorithm's; momentum's ``w = w − α Vdw`` under an Adam spec
  (θ − α times Adam's first moment alone) is judged as Ng's momentum step (the spec's rate, β₁ as its β); in notes on
  Adam alone the same step is a wrong Adam step.
- **θ_k of one unit numbered by its inputs** (Ng's and Orosanu's linear and logistic regression): when the gradient
  steps write θ_0's with no input and θ_k's with x_k alone, θ_k is the weight on x_k and θ_0 the bias (it was read as
  the weights of layer k); ``\hat{y}^{i}`` in Σ_{i=1}^{m} is example i (her ``ŷ^{i}`` beside ``y^{(i)}``).
- **np.mean(A, axis=k, keepdims=True)** is NumPy's mean along axis k.

Notes and networks of our own; every expected verdict from a hand NumPy computation (the written line as code against
Adam's moments computed by torch.optim.Adam, central differences of the cost), never from verify."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import central_differences
from gradproof.verify.cli import verify_file
from helpers_verify import spec_text

RNG = np.random.default_rng(15)

ADAM_SPEC = spec_text("pdf_adam", 3, (1, "sigmoid"), loss="binary_cross_entropy", learning_rate=0.001,
                      optimizer="adam", beta1=0.9, beta2=0.999, epsilon=1e-8, epsilon_placement="inside")

#: each line of the notes as a TA reads it, as code: (m, v, g) before -> the value the line states
LINES = {
    "first": ("Vdw = β 1 ∗ Vdw + (1 − β 1 ) ∗ dw", lambda m, v, g: 0.9 * m + 0.1 * g, "exp_avg"),
    "second": ("Sdw = β 2 ∗ Sdw + (1 − β 2 ) ∗ dw ∗ dw      (element-wise squaring operation)",
               lambda m, v, g: 0.999 * v + 0.001 * g * g, "exp_avg_sq"),
    "slip": ("Sdb = β 2 ∗ Vdb + (1 − β 2 ) ∗ db ∗ db      (element-wise squaring operation)",
             lambda m, v, g: 0.999 * m + 0.001 * g * g, "exp_avg_sq"),
    "plus": ("Vdb = β ∗ Vdb + (1 + β) ∗ db", lambda m, v, g: 0.9 * m + 1.9 * g, "exp_avg"),  # 1 + β: no variant's
}


def _torch_adam_moments(m, v, g):
    """Adam's moments after one step from the state (m, v) with gradient g, by torch.optim.Adam."""
    torch = pytest.importorskip("torch")
    p = torch.zeros(len(g), dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adam([p], lr=0.001, betas=(0.9, 0.999), eps=1e-8)
    p.grad = torch.tensor(g, dtype=torch.float64)
    opt.step()  # (creates the state) — then set it and step again from it
    st = opt.state[p]
    st["exp_avg"].copy_(torch.tensor(m, dtype=torch.float64))
    st["exp_avg_sq"].copy_(torch.tensor(v, dtype=torch.float64))
    opt.step()
    return {"exp_avg": st["exp_avg"].numpy().copy(), "exp_avg_sq": st["exp_avg_sq"].numpy().copy()}


def _notes(names: str, lines: list[str]) -> str:
    body = "\n\n".join(f"              {line}" for line in lines)
    return f"""2 Variations
{names}
Implementation

     compute dw and db for curent minibatch

{body}

     update the weights
     w = w − α ∗ Vdw

"""


def _verify(tmp_path, text: str) -> dict:
    (tmp_path / "pdf.spec.toml").write_text(ADAM_SPEC)
    (tmp_path / "notes.txt").write_text(text)
    results, _meta, _s = verify_file(str(tmp_path / "notes.txt"), str(tmp_path / "pdf.spec.toml"))
    return {r.latex.split("=")[0].strip(): (r.verdict, r.message) for r in results}


def test_the_oracle_reads_each_line_against_torch_adam():
    m, v, g = RNG.normal(size=3), RNG.uniform(0.1, 1, size=3), RNG.normal(size=3)
    moments = _torch_adam_moments(m, v, g)
    right = {k: np.allclose(f(m, v, g), moments[which]) for k, (_t, f, which) in LINES.items()}
    assert right == {"first": True, "second": True, "slip": False, "plus": False}
    assert not np.allclose(0.9 * m + 1.9 * g, 0.9 * m + g)  # (nor classic momentum's v = β v + g)


def test_a_pdf_text_of_optimizer_notes(tmp_path):
    m, v, g = RNG.normal(size=3), RNG.uniform(0.1, 1, size=3), RNG.normal(size=3)
    moments = _torch_adam_moments(m, v, g)
    want = {k: "correct" if np.allclose(f(m, v, g), moments[which]) else "incorrect"
            for k, (_t, f, which) in LINES.items()}
    got = _verify(tmp_path, _notes("2.1 Gradient descent with momentum / 2.2 RMSprop / 2.3 Adam",
                                   [t for t, _f, _w in LINES.values()]))
    assert got["Vdw"][0] == want["first"] == "correct"
    assert got["Sdw"][0] == want["second"] == "correct"
    assert got["Sdb"][0] == want["slip"] == "incorrect"
    assert got["Vdb"][0] == want["plus"] == "incorrect"
    assert got["w"][0] == "correct" and "momentum" in got["w"][1]  # momentum's step, in notes on three optimizers


def _torch_momentum_step(w, buf, g):
    """Ng's momentum (v ← β v + (1 − β) g, w ← w − α v) as torch.optim.SGD with dampening β: w after one step."""
    torch = pytest.importorskip("torch")
    p = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([p], lr=0.001, momentum=0.9, dampening=0.9)
    p.grad = torch.tensor(g, dtype=torch.float64)
    opt.step()
    opt.state[p]["momentum_buffer"].copy_(torch.tensor(buf, dtype=torch.float64))
    before = p.detach().clone()
    opt.step()
    return before.numpy(), p.detach().numpy()


def test_a_survey_s_momentum_step_is_judged_as_momentum_s(tmp_path):
    """w = w − α V_dw is momentum's step (the velocity after the step): right; w = w − α V_db (the bias's velocity)
    is not (torch.optim.SGD with dampening β, Ng's form)."""
    w, buf, g = RNG.normal(size=3), RNG.normal(size=3), RNG.normal(size=3)
    before, after = _torch_momentum_step(w, buf, g)
    v = 0.9 * buf + 0.1 * g
    assert np.allclose(after, before - 0.001 * v)
    text = _notes("2.1 Gradient descent with momentum / 2.2 RMSprop / 2.3 Adam", [LINES["first"][0]])
    got = _verify(tmp_path, text.replace("w = w − α ∗ Vdw", "w = w − α ∗ Vdb"))
    assert got["w"][0] == "incorrect"


def test_the_same_step_in_notes_on_adam_alone_is_judged(tmp_path):
    """w − α V_dw is not Adam's step (Adam divides by the root of the corrected second moment): judged, and wrong."""
    m, v, g = RNG.normal(size=3), RNG.uniform(0.1, 1, size=3), RNG.normal(size=3)
    m1 = _torch_adam_moments(m, v, g)["exp_avg"]
    assert not np.allclose(m1 / 1.0, m1 / np.sqrt(_torch_adam_moments(m, v, g)["exp_avg_sq"] + 1e-8))
    got = _verify(tmp_path, _notes("2.3 Adam", [LINES["first"][0]]))
    assert got["w"][0] == "incorrect"


LINEAR_SPEC = spec_text("linreg", 3, (1, "identity"))


def _theta_answer(tmp_path, lines: dict) -> dict:
    (tmp_path / "lin.spec.toml").write_text(LINEAR_SPEC)
    body = "".join(f"\n[[claims]]\nid = \"{k}\"\nlatex = '''{v}'''\n" for k, v in lines.items())
    (tmp_path / "lin.toml").write_text(f'spec = "lin.spec.toml"\nbatch = 5\n{body}')
    results, _meta, _s = verify_file(str(tmp_path / "lin.toml"), None)
    return {r.id: (r.verdict, r.message) for r in results}


def _step(k: int, feature: int | None) -> str:
    x = rf" \cdot x_{feature}^{{(i)}}" if feature is not None else ""
    return (rf"\theta_{k} = \theta_{k} - \alpha \left( \frac{{1}}{{m}} \sum_{{i=1}}^{{m}} \left( \hat{{y}}^{{i}} - "
            rf"y^{{(i)}} \right){x}\right)")


def test_theta_k_numbered_by_the_inputs_oracle():
    """The steps' gradients are the mean cost's, by central differences: θ_0's is 1/m Σ (ŷ − y), θ_k's 1/m Σ (ŷ − y)
    x_k — and the slip's (x_2 in θ_1's step) is not θ_1's."""
    X, Y = RNG.normal(size=(5, 3)), RNG.normal(size=5)
    p = {"b": np.array([0.3]), "w": RNG.normal(size=3)}

    def cost(q):
        return float(np.mean((X @ q["w"] + q["b"][0] - Y) ** 2) / 2)

    fd = central_differences(cost, {k: v.copy() for k, v in p.items()})
    r = X @ p["w"] + p["b"][0] - Y
    assert np.isclose(fd["b"][0], r.mean()) and np.allclose(fd["w"], (r[:, None] * X).mean(axis=0))
    assert not np.isclose(fd["w"][0], (r * X[:, 1]).mean())


def test_theta_k_is_the_weight_on_x_k(tmp_path):
    got = _theta_answer(tmp_path, {"t0": _step(0, None), "t1": _step(1, 1), "t2": _step(2, 2)})
    assert all(v == "correct" for v, _ in got.values()), got
    got = _theta_answer(tmp_path, {"t0": _step(0, None), "t1": _step(1, 2), "t2": _step(2, 2)})
    assert got["t1"][0] == "incorrect" and got["t0"][0] == got["t2"][0] == "correct"


MEAN_SPEC = spec_text("mean", 3, (2, "sigmoid"))


def test_np_mean_over_the_examples(tmp_path):
    """∂J/∂b of the mean cost is the mean over the examples (rows here) of each example's δ: np.mean(δ, axis=0);
    axis=1 (over the units) and np.sum (no 1/N) are not (central differences of J)."""
    X, Y = RNG.normal(size=(4, 3)), RNG.uniform(size=(4, 2))
    W, b = RNG.normal(size=(3, 2)), RNG.normal(size=2)

    def cost(q):
        return float(np.mean(np.sum((1 / (1 + np.exp(-(X @ q["W"] + q["b"]))) - Y) ** 2, axis=1) / 2))

    fd = central_differences(cost, {"W": W.copy(), "b": b.copy()})
    a = 1 / (1 + np.exp(-(X @ W + b)))
    delta = (a - Y) * a * (1 - a)  # each example's δ (a row each)
    assert np.allclose(fd["b"], delta.mean(axis=0)) and not np.allclose(fd["b"], delta.sum(axis=0))
    (tmp_path / "mean.spec.toml").write_text(MEAN_SPEC)
    fmt = lambda arr: "[" + ", ".join("[" + ", ".join(repr(float(v)) for v in row) + "]" for row in arr) + "]"  # noqa: E731
    claims = {"mean0": r"\frac{\partial J}{\partial b} = np.mean(\delta, axis=0, keepdims=True)",
              "mean1": r"\frac{\partial J}{\partial b} = np.mean(\delta, axis=1, keepdims=True)",
              "sum0": r"\frac{\partial J}{\partial b} = np.sum(\delta, axis=0, keepdims=True)"}
    body = "".join(f"\n[[claims]]\nid = \"{k}\"\nlatex = '''{v}'''\n" for k, v in claims.items())
    (tmp_path / "mean.toml").write_text(f'spec = "mean.spec.toml"\n[values]\nx = {fmt(X)}\ny = {fmt(Y)}\n'
                                        f"W1 = {fmt(W.T)}\nb1 = [{', '.join(repr(float(v)) for v in b)}]\n{body}")
    results, _meta, _s = verify_file(str(tmp_path / "mean.toml"), None)
    got = {r.id: r.verdict for r in results}
    assert got == {"mean0": "correct", "mean1": "incorrect", "sum0": "incorrect"}, [(r.id, r.message) for r in results]


OUTSIDE = ADAM_SPEC.replace('epsilon_placement = "inside"', 'epsilon_placement = "outside"')


def test_a_bare_moment_in_a_parameter_s_step_is_that_parameter_s(tmp_path):
    """W := W − α m̂ / (√v̂ + ε) with m̂, v̂ written bare: the moments of the W the step updates (it was "m needs the
    parameter it belongs to"); torch.optim.Adam's step is that formula, and with √m̂ in the root it is not."""
    torch = pytest.importorskip("torch")
    w, g = RNG.normal(size=3), RNG.normal(size=3)
    p = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adam([p], lr=0.001, betas=(0.9, 0.999), eps=1e-8)
    p.grad = torch.tensor(g, dtype=torch.float64)
    opt.step()
    mhat, vhat = (0.1 * g) / 0.1, (0.001 * g * g) / 0.001
    assert np.allclose(p.detach().numpy(), w - 0.001 * mhat / (np.sqrt(vhat) + 1e-8))
    assert not np.allclose(p.detach().numpy(), w - 0.001 * mhat / (np.sqrt(np.abs(mhat)) + 1e-8))
    (tmp_path / "adam.spec.toml").write_text(OUTSIDE)
    claims = {"step": r"W := W - \alpha \frac{\hat m}{\sqrt{\hat v} + \epsilon}",
              "root": r"W \leftarrow W - \alpha \frac{\hat m}{\sqrt{\hat m} + \epsilon}"}
    body = "".join(f"\n[[claims]]\nid = \"{k}\"\nlatex = '''{v}'''\n" for k, v in claims.items())
    (tmp_path / "adam.toml").write_text(f'spec = "adam.spec.toml"\n{body}')
    results, _meta, _s = verify_file(str(tmp_path / "adam.toml"), None)
    assert {r.id: r.verdict for r in results} == {"step": "correct", "root": "incorrect"}
