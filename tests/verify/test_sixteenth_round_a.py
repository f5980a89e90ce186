r"""Sixteenth round, verify16a (issue 10, heldout16's Luis de Cunto solutions): a one-neuron walk-through in plain text.

Conventions read (docs/VERIFY.md, verify/walkthrough.py):
- a word subscript written without braces (``w_new``, ``b_old``, ``y_true``) is the word, not its first letter: TeX
  would read ``w_new`` as w_n e w;
- a first step written with a gradient the answer never derived and that is not the network's at the [values]
  (``w_new = 0.5 - 0.1 × 0.3`` for "given dL/dw = 0.3") is the question's own gradient, which a spec cannot state:
  unchecked, never compared with the network's step; the same answer's later values of that parameter too;
- a line labelled with its step (``Iteration 2: w = 0.44, b = 0.06``) states each parameter's value after that step:
  step 1 is the spec's first step from the given values; a later one is correct when it is gradient descent's step from
  the answer's values after the step before, else unchecked.

Our own example (not the corpus's): one sigmoid neuron z = w x + b, L = ½(σ(z) − t)², plain SGD; every expected number
from a hand NumPy loop with the gradient by central differences (confirmed by torch.optim.SGD when torch is present);
each verdict is decided from those numbers, never from verify."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import central_differences
from gradproof.verify.cli import verify_file

W0, B0, X, T, LR = 0.8, -0.2, 1.5, 0.3, 0.5


def _loss(p: dict) -> float:
    z = p["w"][0] * X + p["b"][0]
    return float(0.5 * (1 / (1 + np.exp(-z)) - T) ** 2)


def _gradient(w: float, b: float) -> tuple[float, float]:
    g = central_differences(_loss, {"w": np.array([w]), "b": np.array([b])})
    return float(g["w"][0]), float(g["b"][0])


def _trajectory(n: int) -> list[tuple[float, float]]:
    """(w, b) after each of n plain gradient-descent steps on the one example, from the exact values."""
    w, b, out = W0, B0, []
    for _ in range(n):
        gw, gb = _gradient(w, b)
        w, b = w - LR * gw, b - LR * gb
        out.append((w, b))
    return out


def _spec(name: str, units: int, activation: str, loss: str, optimizer: str, bias: bool = True) -> str:
    """A one-input spec of one layer (``optimizer``: the [optimizer] table's lines)."""
    return (f'name = "{name}"\nconvention = "row"\ninputs = 1\n\n[[layers]]\nunits = {units}\nactivation = "{activation}"\n'
            + ("" if bias else "bias = false\n") + f'\n[loss]\nname = "{loss}"\n\n[optimizer]\n{optimizer}\n')


SPEC = _spec("neuron16a", 1, "sigmoid", "squared_error", f'name = "sgd"\nlearning_rate = {LR}')


def _verify(tmp_path, claims: list[tuple[str, str]]) -> dict:
    (tmp_path / "n.spec.toml").write_text(SPEC)
    body = "".join(f"\n[[claims]]\nid = \"{cid}\"\nlatex = '''{latex}'''\n" for cid, latex in claims)
    (tmp_path / "n.toml").write_text(f'spec = "n.spec.toml"\nbatch = 1\n[values]\nx = [{X}]\ny = [{T}]\n'
                                     f"W1 = [[{W0}]]\nb1 = [{B0}]\n{body}")
    results, _meta, _s = verify_file(str(tmp_path / "n.toml"), None)
    return {r.id: (r.verdict, r.message) for r in results}


def _f(v: float) -> str:
    return f"{v:.4f}"


def test_the_oracle_is_torch_sgd():
    torch = pytest.importorskip("torch")
    w = torch.tensor([W0], dtype=torch.float64, requires_grad=True)
    b = torch.tensor([B0], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([w, b], lr=LR)
    for want in _trajectory(3):
        opt.zero_grad()
        (0.5 * (torch.sigmoid(w * X + b) - T) ** 2).sum().backward()
        opt.step()
        assert abs(w.item() - want[0]) < 1e-8 and abs(b.item() - want[1]) < 1e-8


def test_a_word_subscript_without_braces_is_the_word(tmp_path):
    gw, _ = _gradient(W0, B0)
    (w1, b1), = _trajectory(1)
    assert abs(w1 - (W0 - LR * gw)) < 1e-9  # the rule the correct claim states
    got = _verify(tmp_path, [("rule.w", "w_new = w - α · ∂L/∂w"), ("rule.b", "b_new = b - α · ∂L/∂b"),
                             ("rule.sign", "b_new = b + α · ∂L/∂b"),
                             ("w", f"w_new = {W0} - {LR} × ({_f(gw)}) = {_f(w1)}")])
    assert got["rule.w"][0] == got["rule.b"][0] == "correct", got
    assert got["rule.sign"][0] == "incorrect", got  # the oracle: b + α g moves b the wrong way (g ≠ 0)
    assert got["w"][0] == "correct", got


def test_a_gradient_the_question_gives_is_not_compared_with_the_network(tmp_path):
    gw, gb = _gradient(W0, B0)
    given_w, given_b = 0.3, 0.2  # the question's "assume dL/dw = 0.3, dL/db = 0.2" (not the network's)
    assert abs(gw - given_w) > 0.1 and abs(gb - given_b) > 0.1
    w1, b1 = W0 - LR * given_w, B0 - LR * given_b
    got = _verify(tmp_path, [
        ("w", f"w_new = {W0} - {LR} × {given_w} = {_f(w1)}"),
        ("b", f"b_new = {B0} - {LR} × {given_b} = {_f(b1)}"),
        ("it1", f"Iteration 1: w = {_f(w1)}, b = {_f(b1)}"),
        ("it2", f"Iteration 2: w = {_f(w1 - LR * given_w)}, b = {_f(b1 - LR * given_b)}"),
        ("slip", f"w_new = {W0} - {LR} × {given_w} = {_f(w1 - 0.05)}"),  # the arithmetic is off: the judge's
    ])
    assert got["w"][0] == got["b"][0] == "unchecked" and "gradient 0.3" in got["w"][1], got
    assert got["it1"][0] == got["it2"][0] == "unchecked", got
    assert got["slip"][0] == "incorrect", got


def test_a_gradient_the_answer_derived_is_its_own_step(tmp_path):
    """A first step on the answer's own earlier (wrong) gradient is not a given gradient: the judge reads it."""
    gw, _ = _gradient(W0, B0)
    wrong = round(gw * 2, 4)  # a slip: twice the gradient
    got = _verify(tmp_path, [("g", f"∂L/∂w = {wrong}"),
                             ("w", f"w_new = {W0} - {LR} × ({wrong}) = {_f(W0 - LR * wrong)}")])
    assert got["g"][0] == "incorrect", got
    assert got["w"][0] != "unchecked" or "gradient" not in got["w"][1], got


def test_a_line_labelled_with_its_step(tmp_path):
    traj = _trajectory(3)
    (w1, b1), (w2, b2), (w3, b3) = traj
    got = _verify(tmp_path, [
        ("it1", f"Iteration 1: w = {_f(w1)}, b = {_f(b1)}"),
        ("it2", f"Iteration 2: w = {_f(w2)}, b = {_f(b2)}"),
        ("it3", f"Step 3: w = {_f(w3)}, b = {_f(b3 + 0.01)}"),  # off by 0.01 after step 3
    ])
    assert got["it1"][0] == got["it2"][0] == "correct", got
    assert got["it3"][0] == "unchecked", got  # a later step may take another example: not a verdict
    bad = _verify(tmp_path, [("it1", f"Iteration 1: w = {_f(w1)}, b = {_f(B0)}")])  # b not moved
    assert abs(b1 - B0) > 0.01
    assert bad["it1"][0] == "incorrect", bad


# -- ∇f in an optimizer's recurrence, a plain-words remark --------------------------------------------------------
B1, B2, EPS = 0.9, 0.999, 1e-8
ADAM_SPEC = _spec("adam16a", 2, "identity", "sum_squared_error",
                  f'name = "adam"\nlearning_rate = 0.1\nbeta1 = {B1}\nbeta2 = {B2}\nepsilon = {EPS}\n'
                  'epsilon_placement = "inside"', bias=False)
#: Adam's rules as an exercise sheet writes them (plain text, ∇f the gradient of the function minimized), each with
#: its NumPy reading (m, v, g, t) -> the quantity, for the oracle; "slip" rules are wrong
ADAM_RULES = {
    "m": ("mₜ = β₁·mₜ₋₁ + (1-β₁)·∇f", lambda m, v, g, t: B1 * m + (1 - B1) * g),
    "v": ("vₜ = β₂·vₜ₋₁ + (1-β₂)·(∇f)²  (element-wise)", lambda m, v, g, t: B2 * v + (1 - B2) * g * g),
    "mhat": ("m̂ₜ = mₜ/(1-β₁ᵗ)  (bias correction)", None),
    "slip.mhat": ("m̂ₜ = mₜ/(1-β₁)  (bias correction)", None),
    "slip.m": ("mₜ = β₁·mₜ₋₁ + ∇f", lambda m, v, g, t: B1 * m + g),
}


def _torch_adam_states(steps: int = 3):
    """(m_t, v_t, m̂_t) of torch.optim.Adam on f(w) = w1² + w2² from (1, -2), each step."""
    torch = pytest.importorskip("torch")
    p = torch.tensor([1.0, -2.0], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adam([p], lr=0.1, betas=(B1, B2), eps=EPS)
    out, m, v = [], np.zeros(2), np.zeros(2)
    for t in range(1, steps + 1):
        opt.zero_grad()
        (p ** 2).sum().backward()
        g = p.grad.detach().numpy().copy()
        opt.step()
        st = opt.state[p]
        out.append((g, m.copy(), v.copy(), st["exp_avg"].numpy().copy(), st["exp_avg_sq"].numpy().copy(), t))
        m, v = st["exp_avg"].numpy().copy(), st["exp_avg_sq"].numpy().copy()
    return out


def test_the_adam_rules_oracle():
    """The right rules reproduce torch's states at every step, the slips do not (from step 1 or 2 on)."""
    for g, m0, v0, m1, v1, t in _torch_adam_states():
        assert np.allclose(ADAM_RULES["m"][1](m0, v0, g, t), m1) and np.allclose(ADAM_RULES["v"][1](m0, v0, g, t), v1)
        assert np.allclose(m1 / (1 - B1 ** t), m1 / (1 - B1)) == (t == 1)  # the slip's m̂ is right at t = 1 only
        assert not np.allclose(ADAM_RULES["slip.m"][1](m0, v0, g, t), m1)


def test_nabla_f_in_a_recurrence_is_the_step_s_gradient(tmp_path):
    (tmp_path / "a.spec.toml").write_text(ADAM_SPEC)
    body = "".join(f"\n[[claims]]\nid = \"{cid}\"\nlatex = '''{latex}'''\n" for cid, (latex, _) in ADAM_RULES.items())
    (tmp_path / "a.toml").write_text(f'spec = "a.spec.toml"\nbatch = 1\n{body}')
    results, _m, _s = verify_file(str(tmp_path / "a.toml"), None)
    got = {r.id: (r.verdict, r.message) for r in results}
    assert [got[k][0] for k in ("m", "v", "mhat")] == ["correct"] * 3, got
    assert got["slip.mhat"][0] == got["slip.m"][0] == "incorrect", got


def test_nabla_f_elsewhere_is_kept():
    from gradproof.verify.normalize import normalize

    assert "g_{t}" in normalize("θₜ = θₜ₋₁ - α·∇f(θₜ₋₁)")
    assert "g_{t}" not in normalize("vₜ = βvₜ₋₁ + ∇f(xₜ₋₁ - αβvₜ₋₁)")  # Nesterov's look-ahead: another point
    assert "g_{t}" not in normalize(r"\delta = \nabla f(z) \odot e")  # not a recurrence: f may be an activation
    assert normalize("m̂ₜ = mₜ/(1-β₁ᵗ)  (bias correction)").endswith(")") and "bias" not in normalize(
        "m̂ₜ = mₜ/(1-β₁ᵗ)  (bias correction)")
    assert "tanh" in normalize(r"a = \sigma (tanh)")  # one word alone: kept


def test_a_local_derivative_written_with_a_slash(tmp_path):
    """∂a/∂z (plain text, a slash) is the local derivative σ'(z), as \\frac{∂a}{∂z} is; ∂L/∂w keeps its reading."""
    z = W0 * X + B0
    sig = lambda u: 1 / (1 + np.exp(-u))  # noqa: E731
    local = (sig(z + 1e-6) - sig(z - 1e-6)) / 2e-6  # central differences
    gw, _ = _gradient(W0, B0)
    got = _verify(tmp_path, [("local", f"∂a/∂z = {_f(local)}"), ("slip", f"∂a/∂z = {_f(sig(z))}"),
                             ("chain", f"∂L/∂w = {_f(gw)}")])
    assert abs(local - sig(z)) > 0.1
    assert got["local"][0] == "correct" and got["slip"][0] == "incorrect" and got["chain"][0] == "correct", got
    # ∂y/∂z with y the target (the [values]' y, a given number): 0 as read, but y is likely the answer's output there
    # (an answer that writes y = h² and t for the target): not a verdict either way
    target = _verify(tmp_path, [("y", f"∂y/∂z = {_f(local)}"), ("y0", "∂y/∂z = 0")])
    assert target["y"][0] == target["y0"][0] == "unchecked", target


# -- a momentum walk-through without [values]: the walk-through's own start ---------------------------------------
MLR, MU = 0.05, 0.8
MOMENTUM_SPEC = _spec("momentum16a", 1, "identity", "sum_squared_error",
                      f'name = "momentum"\nvariant = "classic"\nlearning_rate = {MLR}\nmomentum = {MU}', bias=False)


def _f_grad(x: float) -> float:
    """∇f of the sheet's f(x) = (x − 3)², by central differences."""
    return float(central_differences(lambda p: float((p["x"][0] - 3.0) ** 2), {"x": np.array([x])})["x"][0])


def _heavy_ball(x0: float, n: int) -> list[tuple[float, float, float]]:
    """(g, v, x) of each step from the WRITTEN (rounded to 4 decimals) values, as the sheet carries them."""
    x, v, out = x0, 0.0, []
    for _ in range(n):
        g = round(_f_grad(x), 4)
        v = round(MU * v + g, 4)
        x = round(x - MLR * v, 4)
        out.append((g, v, x))
    return out


def test_the_heavy_ball_is_torch_sgd_with_momentum():
    torch = pytest.importorskip("torch")
    p = torch.tensor([7.0], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([p], lr=MLR, momentum=MU)
    x, v = 7.0, 0.0
    for _ in range(4):
        opt.zero_grad()
        ((p - 3.0) ** 2).sum().backward()
        opt.step()
        v = MU * v + _f_grad(x)
        x = x - MLR * v
        assert abs(p.item() - x) < 1e-6


def _sheet(x0: float, n: int, slips: dict | None = None) -> list[tuple[str, str]]:
    out, x, v = [], x0, 0.0
    for k, (g, v1, x1) in enumerate(_heavy_ball(x0, n), 1):
        out += [(f"s{k}.grad", f"∇f(x_{k - 1}) = 2·({x:g} - 3) = {g:g}"),
                (f"s{k}.v", f"v_{k} = {MU}·{v:g} + {g:g} = {v1:g}"),
                (f"s{k}.x", f"x_{k} = {x:g} - {MLR}·{v1:g} = {x1:g}")]
        x, v = x1, v1
    return [(cid, (slips or {}).get(cid, latex)) for cid, latex in out]


def test_a_walk_through_from_its_own_start(tmp_path):
    (tmp_path / "m.spec.toml").write_text(MOMENTUM_SPEC)
    walk = _heavy_ball(7.0, 3)
    wrong_v = round(MU * walk[0][1] + walk[1][0] + 1.0, 4)  # v₂ off by 1
    claims = ([("rule.v", "vₜ = β·vₜ₋₁ + ∇f(xₜ₋₁)"), ("rule.x", "xₜ = xₜ₋₁ - α·vₜ"),
               ("slip.rule.x", "xₜ = xₜ₋₁ + α·vₜ")]
              + _sheet(7.0, 3, {"s2.v": f"v_2 = {MU}·{walk[0][1]:g} + {walk[1][0]:g} = {wrong_v:g}"})
              + [("b." + cid, latex) for cid, latex in _sheet(-2.0, 2)])  # a second walk-through, another start
    body = "".join(f"\n[[claims]]\nid = \"{cid}\"\nlatex = '''{latex}'''\n" for cid, latex in claims)
    (tmp_path / "m.toml").write_text(f'spec = "m.spec.toml"\nbatch = 1\n{body}')
    results, _m, _s = verify_file(str(tmp_path / "m.toml"), None)
    got = {r.id: (r.verdict, r.message) for r in results}
    assert got["rule.v"][0] == got["rule.x"][0] == "correct" and got["slip.rule.x"][0] == "incorrect", got
    assert got["s2.v"][0] == "incorrect", got  # the oracle: MU v₁ + g₂ ≠ the written v₂
    for cid in ("s1.v", "s1.x", "s2.x", "s3.v", "s3.x", "b.s1.v", "b.s1.x", "b.s2.v", "b.s2.x"):
        assert got[cid][0] == "correct", (cid, got[cid])
    assert got["s1.grad"][0] == "unchecked", got  # the gradient at the sheet's own point: no [values] to compute it


def _adam_sheet(slip: bool = False) -> tuple[list[tuple[str, str]], list]:
    """Adam's two steps on f(w) = w1² + w2² from (1, -2) in a sheet's plain text, each value from the WRITTEN (rounded
    to 4 digits) values before it, the gradient of step 2 at the sheet's own point after step 1."""
    r = lambda a: np.round(np.asarray(a, dtype=float), 4)  # noqa: E731
    lst = lambda a: "[" + ", ".join(f"{e:g}" for e in r(a)) + "]"  # noqa: E731
    w, m, v, out, kept = np.array([1.0, -2.0]), np.zeros(2), np.zeros(2), [], []
    for t in (1, 2):
        g = r(central_differences(lambda p: float(np.sum(p["w"] ** 2)), {"w": w.copy()})["w"])
        m1, v1 = r(B1 * m + (1 - B1) * g), r(B2 * v + (1 - B2) * g * g)
        mh, vh = r(m1 / (1 - B1 ** t)), r(v1 / (1 - B2 ** t))
        out += [(f"it{t}.grad", f"∇f = {lst(g)}"),
                (f"it{t}.m", f"m = {B1}·{lst(m)} + {1 - B1:g}·{lst(g)} = {lst(m1)}"),
                (f"it{t}.v", f"v = {B2}·{lst(v)} + {1 - B2:g}·{lst(g * g)} = {lst(v1)}"),
                (f"it{t}.mhat", f"m̂ = {lst(m1)}/(1-{B1 ** t:g}) = {lst(mh)}")]
        if slip and t == 2:  # the correction without the power t
            out[-1] = (f"it{t}.mhat", f"m̂ = {lst(m1)}/(1-{B1:g}) = {lst(m1 / (1 - B1))}")
        out.append((f"it{t}.vhat", f"v̂ = {lst(v1)}/(1-{B2 ** t:g}) = {lst(vh)}"))
        kept.append((g, m1, v1, mh, vh))
        w = r(w - 0.1 * mh / np.sqrt(vh + EPS))
        m, v = m1, v1
    return out, kept


def test_an_adam_walk_through_of_a_weight_vector_from_its_own_start(tmp_path):
    """[1, 10]-style vectors of one weight vector, without [values]: each state from the sheet's own values with the
    gradient it wrote; the oracle's numbers are torch's recurrence (test_the_adam_rules_oracle) on the written values."""
    torch_states = _torch_adam_states(1)[0]
    claims, kept = _adam_sheet()
    assert np.allclose(kept[0][1], torch_states[3], atol=1e-4) and np.allclose(kept[0][2], torch_states[4], atol=1e-4)
    (tmp_path / "a.spec.toml").write_text(ADAM_SPEC)
    for slip in (False, True):
        claims, _ = _adam_sheet(slip)
        body = "".join(f"\n[[claims]]\nid = \"{cid}\"\nlatex = '''{latex}'''\n" for cid, latex in claims)
        (tmp_path / "a.toml").write_text(f'spec = "a.spec.toml"\nbatch = 1\n{body}')
        results, _m, _s = verify_file(str(tmp_path / "a.toml"), None)
        got = {r.id: (r.verdict, r.message) for r in results}
        for t in (1, 2):
            for q in ("m", "v", "mhat", "vhat"):
                want = "incorrect" if slip and (t, q) == (2, "mhat") else "correct"
                assert got[f"it{t}.{q}"][0] == want, (slip, t, q, got[f"it{t}.{q}"])


def test_a_sheet_s_e_t_is_rmsprop_s_average(tmp_path):
    """Eₜ = β·Eₜ₋₁ + (1-β)·(∇f)²: RMSprop's running average (torch.optim.RMSprop's square_avg with alpha = β), read
    as the spec's S_t under RMSprop, and under Adam as RMSprop's own line (ownalgorithm.py, forty-first round)."""
    torch = pytest.importorskip("torch")
    p = torch.tensor([1.0, -2.0], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.RMSprop([p], lr=0.1, alpha=0.9, eps=1e-8)
    e = np.zeros(2)
    for _ in range(3):
        opt.zero_grad()
        (p ** 2).sum().backward()
        g = p.grad.detach().numpy().copy()
        opt.step()
        e = 0.9 * e + 0.1 * g * g  # the sheet's rule
        assert np.allclose(opt.state[p]["square_avg"].numpy(), e)
    rms = ADAM_SPEC.replace('name = "adam"', 'name = "rmsprop"').replace("beta1 = 0.9\nbeta2 = 0.999\n", "beta = 0.9\n")
    for spec, want in ((rms, "correct"), (ADAM_SPEC, "correct")):
        (tmp_path / "r.spec.toml").write_text(spec)
        (tmp_path / "r.toml").write_text('spec = "r.spec.toml"\nbatch = 1\n[[claims]]\nid = "E"\n'
                                         "latex = '''Eₜ = β·Eₜ₋₁ + (1-β)·(∇f)²'''\n")
        results, _m, _s = verify_file(str(tmp_path / "r.toml"), None)
        assert results[0].verdict == want, (spec, results[0].message)
        if spec == ADAM_SPEC:
            assert "RMSprop's own update" in results[0].message


def test_a_labelled_step_without_values_is_no_verdict(tmp_path):
    """Without [values] the first step's start is the answer's own: `Iteration 1: w = …` is not compared with a
    point gradproof chose."""
    (tmp_path / "m.spec.toml").write_text(MOMENTUM_SPEC)
    (tmp_path / "m.toml").write_text('spec = "m.spec.toml"\nbatch = 1\n[[claims]]\nid = "it1"\n'
                                     "latex = '''Iteration 1: w = 0.3'''\n[[claims]]\nid = \"w\"\n"
                                     "latex = '''w_new = 0.5 - 0.05 × 0.3 = 0.485'''\n")
    results, _m, _s = verify_file(str(tmp_path / "m.toml"), None)
    assert all(r.verdict == "unchecked" for r in results), [(r.id, r.verdict, r.message) for r in results]
