r"""Forty-third round (issue 10): a worked optimizer walk-through under every optimizer of the registry.

verify/walkthrough.py follows a learner's hand-stepped optimizer (one weight, each value written with a bare letter and
no step index: ``u = \max(0.999 × 5, |-0.4|) = 4.995``). It knew the recurrences of five optimizers by a table of names;
it now reads them from the spec's update rules (``Truth.recurrent_states``: a state whose update reads its own earlier
value; ``Truth.corrections``: a bias correction), so AdamW's, AdaMax's and Nesterov's walk-throughs are followed too.

The walk-throughs are of our own (the data, constants and 4-decimal rounding of test_walkthrough.py); each hand loop's
recurrence (without its rounding) is confirmed by torch.optim (AdamW, Adamax, SGD with nesterov=True) and every
gradient by central differences; the expected verdicts are decided from those numbers, never from verify. A learner's
slip is planted in copies: AdamW's decay left out, Adam's root taken of AdaMax's u, Nesterov's step taken as plain
momentum's."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import central_differences
from gradproof.verify.cli import verify_file

POINTS = [(1.0, 3.0), (2.0, 1.0), (-1.0, 2.0), (0.5, 4.0)]  # (x, y) of each step, in order
W0, LR, MU, WD = 0.5, 0.05, 0.8, 0.1
B1, B2, EPS = 0.9, 0.999, 1e-8
EXTRA = {
    "adamw": f"beta1 = {B1}\nbeta2 = {B2}\nepsilon = {EPS}\nweight_decay = {WD}",
    "adamax": f'beta1 = {B1}\nbeta2 = {B2}\nepsilon = {EPS}\nepsilon_placement = "outside"',
    "nesterov": f"momentum = {MU}",
}


def _gradient(w: float, x: float, y: float) -> float:
    g = 2 * (w * x - y) * x
    fd = float(central_differences(lambda p: float((p["w"][0] * x - y) ** 2), {"w": np.array([w])})["w"][0])
    assert abs(g - fd) < 1e-6
    return g


def _r(v: float) -> float:
    return float(np.round(v, 4))


def _fmt(v: float) -> str:
    return f"{v:.4f}".rstrip("0").rstrip(".") if v else "0"


def _step(optimizer: str, w: float, state: dict, g: float, t: int, rounded=_r) -> tuple[float, dict]:
    """One step of the hand loop (the textbook formula), every written value rounded as the learner carries it."""
    if optimizer == "adamw":
        m, v = rounded(B1 * state["m"] + (1 - B1) * g), rounded(B2 * state["v"] + (1 - B2) * g * g)
        mh, vh = rounded(m / (1 - B1 ** t)), rounded(v / (1 - B2 ** t))
        return rounded(w - LR * (mh / (np.sqrt(vh) + EPS) + WD * w)), {"m": m, "v": v, "mh": mh, "vh": vh}
    if optimizer == "adamax":
        m, u = rounded(B1 * state["m"] + (1 - B1) * g), rounded(max(B2 * state["u"], abs(g)))
        mh = rounded(m / (1 - B1 ** t))
        return rounded(w - LR * mh / (u + EPS)), {"m": m, "u": u, "mh": mh}
    v = rounded(MU * state["v"] + g)  # PyTorch's nesterov=True: v <- mu v + g, w <- w - lr (g + mu v)
    return rounded(w - LR * (g + MU * v)), {"v": v}


def _zero(optimizer: str) -> dict:
    return {"adamw": {"m": 0.0, "v": 0.0}, "adamax": {"m": 0.0, "u": 0.0}, "nesterov": {"v": 0.0}}[optimizer]


@pytest.mark.parametrize("optimizer", ["adamw", "adamax", "nesterov"])
def test_the_hand_loops_are_the_optimizers_of_torch(optimizer):
    torch = pytest.importorskip("torch")
    p = torch.tensor([W0], dtype=torch.float64, requires_grad=True)
    opt = {"adamw": lambda: torch.optim.AdamW([p], lr=LR, betas=(B1, B2), eps=EPS, weight_decay=WD),
           "adamax": lambda: torch.optim.Adamax([p], lr=LR, betas=(B1, B2), eps=EPS),
           "nesterov": lambda: torch.optim.SGD([p], lr=LR, momentum=MU, nesterov=True)}[optimizer]()
    w, state = W0, _zero(optimizer)
    for t, (x, y) in enumerate(POINTS, 1):
        opt.zero_grad()
        ((p[0] * x - y) ** 2).backward()
        opt.step()
        w, state = _step(optimizer, w, state, _gradient(w, x, y), t, rounded=float)
        # (torch's Adamax puts ε beside |g| in the max; the spec here is Keras's, ε beside u: equal to 1e-6 at these sizes)
        assert abs(p.item() - w) < 1e-6, (optimizer, t, p.item(), w)


def _claims(optimizer: str, slips: dict | None = None) -> list[tuple[str, str]]:
    """The walk-through's lines in Max Gnesi's plain text (×, no step index); ``slips``: id -> (a step's w line as
    written with a slip, the value the walk-through carries on with)."""
    slips, out, w, state = slips or {}, [], W0, _zero(optimizer)
    for t, (x, y) in enumerate(POINTS, 1):
        e = _r(w * x - y)
        g = _r(2 * e * x)
        new_w, new = _step(optimizer, w, state, g, t)
        lines = [(f"p{t}.gradient", f"2 × ({_fmt(e)}) × {_fmt(x)} = {_fmt(g)}")]
        if optimizer == "adamw":
            lines += [(f"p{t}.m", f"m = {B1} × ({_fmt(state['m'])}) + 0.1 × ({_fmt(g)}) = {_fmt(new['m'])}"),
                      (f"p{t}.v", f"v = {B2} × {_fmt(state['v'])} + 0.001 × ({_fmt(g)})² = {_fmt(new['v'])}"),
                      (f"p{t}.mhat", f"m̂ = {_fmt(new['m'])} / (1 - {B1}^{t}) = {_fmt(new['mh'])}"),
                      (f"p{t}.vhat", f"v̂ = {_fmt(new['v'])} / (1 - {B2}^{t}) = {_fmt(new['vh'])}"),
                      (f"p{t}.w", f"w = {_fmt(w)} - {LR} × ({_fmt(new['mh'])} / √{_fmt(new['vh'])} + {WD} × {_fmt(w)}) = "
                                  f"{_fmt(new_w)}")]
        elif optimizer == "adamax":
            lines += [(f"p{t}.m", f"m = {B1} × ({_fmt(state['m'])}) + 0.1 × ({_fmt(g)}) = {_fmt(new['m'])}"),
                      (f"p{t}.u", f"u = \\max({B2} × {_fmt(state['u'])}, |{_fmt(g)}|) = {_fmt(new['u'])}"),
                      (f"p{t}.mhat", f"m̂ = {_fmt(new['m'])} / (1 - {B1}^{t}) = {_fmt(new['mh'])}"),
                      (f"p{t}.w", f"w = {_fmt(w)} - {LR} × {_fmt(new['mh'])} / {_fmt(new['u'])} = {_fmt(new_w)}")]
        else:
            lines += [(f"p{t}.v", f"v = {MU} × ({_fmt(state['v'])}) + ({_fmt(g)}) = {_fmt(new['v'])}"),
                      (f"p{t}.w", f"w = {_fmt(w)} - {LR} × (({_fmt(g)}) + {MU} × ({_fmt(new['v'])})) = {_fmt(new_w)}")]
        for cid, latex in lines:
            if cid in slips:
                latex, carried = slips[cid]
                if cid.endswith(".w"):
                    new_w = carried
            out.append((cid, latex))
        w, state = new_w, new
    return out


def _verdicts(tmp_path, optimizer: str, claims) -> dict:
    (tmp_path / "walk.spec.toml").write_text(f"""name = "walk_{optimizer}"
convention = "row"
inputs = 1

[[layers]]
units = 1
activation = "identity"
bias = false

[loss]
name = "sum_squared_error"

[optimizer]
name = "{optimizer}"
learning_rate = {LR}
{EXTRA[optimizer]}
""")
    x, y = POINTS[0]
    body = "".join(f"\n[[claims]]\nid = \"{cid}\"\nlatex = '''{latex}'''\n" for cid, latex in claims)
    (tmp_path / "walk.toml").write_text(f'spec = "walk.spec.toml"\nbatch = 1\n[values]\nx = [{x}]\ny = [{y}]\n'
                                        f"W1 = [[{W0}]]\n{body}")
    results, _meta, _s = verify_file(str(tmp_path / "walk.toml"), None)
    return {r.id: (r.verdict, r.message) for r in results}


@pytest.mark.parametrize("optimizer", ["adamw", "adamax", "nesterov"])
def test_a_walk_through_is_followed_to_its_last_step(tmp_path, optimizer):
    got = _verdicts(tmp_path, optimizer, _claims(optimizer))
    assert all(v == "correct" for v, _ in got.values()), {k: v for k, v in got.items() if v[0] != "correct"}
    assert "after step 4" in got["p4.w"][1], got["p4.w"]  # (judged by the walk-through, from its own values after step 3)


def _slip(optimizer: str) -> tuple[str, str, float]:
    """(id, the w line as the learner wrote it, its value): one slip at step 2 or 3, from the walk's right values before
    it."""
    w, state = W0, _zero(optimizer)
    for t, (x, y) in enumerate(POINTS[:3], 1):
        g = _r(2 * _r(w * x - y) * x)
        new_w, new = _step(optimizer, w, state, g, t)
        if t == 3 and optimizer == "adamax":  # Adam's root taken of AdaMax's u: m̂ / √u
            bad = _r(w - LR * new["mh"] / np.sqrt(new["u"]))
            assert abs(bad - new_w) > 0.002
            return "p3.w", f"w = {_fmt(w)} - {LR} × {_fmt(new['mh'])} / √{_fmt(new['u'])} = {_fmt(bad)}", bad
        if t == 2 and optimizer == "adamw":  # Adam's step: the decay left out
            bad = _r(w - LR * new["mh"] / (np.sqrt(new["vh"]) + EPS))
            assert abs(bad - new_w) > 0.002
            return "p2.w", f"w = {_fmt(w)} - {LR} × {_fmt(new['mh'])} / √{_fmt(new['vh'])} = {_fmt(bad)}", bad
        if t == 2 and optimizer == "nesterov":  # plain momentum's step w - lr v
            bad = _r(w - LR * new["v"])
            assert abs(bad - new_w) > 0.005
            return "p2.w", f"w = {_fmt(w)} - {LR} × ({_fmt(new['v'])}) = {_fmt(bad)}", bad
        w, state = new_w, new
    raise AssertionError(optimizer)


@pytest.mark.parametrize("optimizer", ["adamw", "adamax", "nesterov"])
def test_a_slip_in_a_later_step_is_found(tmp_path, optimizer):
    cid, latex, value = _slip(optimizer)
    got = _verdicts(tmp_path, optimizer, _claims(optimizer, {cid: (latex, value)}))
    assert got[cid][0] == "incorrect", got[cid]
    others = {k: v for k, v in got.items() if k != cid and v[0] == "incorrect"}
    assert not others, others  # (the values after it carry the slip forward: each is its own step's right result)


def test_the_registry_names_the_recurrences():
    """Truth.recurrent_states and Truth.corrections are read from the update rules: every state of the registry that
    reads its own earlier value, every temporary that is one state over a factor of the step."""
    import tomllib

    from gradproof.derive.derivation import derive
    from gradproof.derive.optimizers import OPTIMIZERS
    from gradproof.derive.spec import spec_from_dict
    from gradproof.verify.truth import Truth

    expected = {"sgd": ((), {}), "momentum": (("v",), {}), "nesterov": (("v",), {}), "rmsprop": (("S",), {}),
                "adagrad": (("G",), {}), "adam": (("m", "v"), {"mhat": "m", "vhat": "v"}),
                "adamw": (("m", "v"), {"mhat": "m", "vhat": "v"}), "adamax": (("m", "u"), {"mhat": "m"}),
                "adadelta": (("S", "D"), {}), "amsgrad": (("m", "v", "vmax"), {"mhat": "m", "vhat": "vmax"})}
    assert set(expected) == set(OPTIMIZERS)
    with open("examples/reference_mlp.toml", "rb") as f:
        base = tomllib.load(f)
    for name, (states, corrections) in expected.items():
        net = spec_from_dict({**base, "optimizer": {"name": name}}, "<test>")
        truth = Truth(derive(net, check=False))
        assert (truth.recurrent_states, truth.corrections) == (states, corrections), name
        if name == "amsgrad":  # (a later step's random state: vmax = max(vmax, v) is never negative, as v is not)
            assert {"v", "vmax"} <= truth.nonnegative_states


# -- AMSGrad (Reddi, Kale & Kumar, ICLR 2018) in the registry, and its lines in Ruder's letters ------------------------

GRADS = [np.random.default_rng(43).normal(size=(3, 2)) for _ in range(4)]
AMS = dict(lr=0.001, b1=0.9, b2=0.999, eps=1e-8)
#: Ruder's overview ("An overview of gradient descent optimization algorithms", section AMSGrad), as papers-with-code
#: transcribes it: the two moments, the running maximum of v written \hat v, the step with m_t and \hat v_t
RUDER_AMSGRAD = {
    "m": r"m_{t} = \beta_{1}m_{t-1} + \left(1-\beta_{1}\right)g_{t}",
    "v": r"v_{t} = \beta_{2}v_{t-1} + \left(1-\beta_{2}\right)g_{t}^{2}",
    "vhat": r"\hat{v}_{t} = \max\left(\hat{v}_{t-1}, v_{t}\right)",
    "theta": r"\theta_{t+1} = \theta_{t} - \frac{\eta}{\sqrt{\hat{v}_{t}} + \epsilon}m_{t}",
}
#: a learner's slips in copies: the maximum over the previous v, the root left out of the step
SLIPS = {
    "vhat": r"\hat{v}_{t} = \max\left(\hat{v}_{t-1}, v_{t-1}\right)",
    "theta": r"\theta_{t+1} = \theta_{t} - \frac{\eta}{\hat{v}_{t} + \epsilon}m_{t}",
}
#: the lines as NumPy (name, function of the values so far), right and slipped
AMS_LINES = {
    "m": lambda v: v["b1"] * v["m"] + (1 - v["b1"]) * v["g"],
    "v": lambda v: v["b2"] * v["v"] + (1 - v["b2"]) * v["g"] ** 2,
    "vhat": lambda v: np.maximum(v["vhat"], v["v"]),
    "theta": lambda v: v["theta"] - v["lr"] / (np.sqrt(v["vhat"]) + v["eps"]) * v["m"],
}
AMS_SLIPS = {
    "vhat": lambda v: np.maximum(v["vhat"], v["v_prev"]),
    "theta": lambda v: v["theta"] - v["lr"] / (v["vhat"] + v["eps"]) * v["m"],
}


def _ams_book(lines: dict) -> dict:
    """The lines run in order for four steps from θ = 0: every value after each step."""
    values = {"theta": np.zeros_like(GRADS[0]), "m": 0.0, "v": 0.0, "vhat": 0.0, **AMS}
    out: dict = {}
    for g in GRADS:
        values.update(g=g, v_prev=values["v"])
        for name in ("m", "v", "vhat", "theta"):
            values[name] = lines[name](values)
            out.setdefault(name, []).append(np.array(values[name], dtype=float))
    return out


def _torch_amsgrad() -> list:
    """torch.optim.Adam(amsgrad=True)'s parameters after each step (the bias-corrected AMSGrad) from θ = 0."""
    torch = pytest.importorskip("torch")
    p = torch.zeros(3, 2, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adam([p], lr=AMS["lr"], betas=(AMS["b1"], AMS["b2"]), eps=AMS["eps"], amsgrad=True)
    out = []
    for g in GRADS:
        p.grad = torch.tensor(g)
        opt.step()
        out.append(p.detach().numpy().copy())
    return out


def _ams_expected() -> dict:
    """Each line's verdict under the uncorrected variant: does it give the paper's values, step by step (the paper's
    algorithm 2 at a constant rate; its bias-corrected twin is torch's, checked here to differ from it)."""
    right = _ams_book(AMS_LINES)
    corrected = [np.zeros_like(GRADS[0])]
    m = v = vmax = 0.0
    for t, g in enumerate(GRADS, 1):  # the corrected form by hand, against torch
        m, v = AMS["b1"] * m + (1 - AMS["b1"]) * g, AMS["b2"] * v + (1 - AMS["b2"]) * g * g
        vmax = np.maximum(vmax, v)
        corrected.append(corrected[-1] - AMS["lr"] * (m / (1 - AMS["b1"] ** t)) / (np.sqrt(vmax / (1 - AMS["b2"] ** t)) + AMS["eps"]))
    for ours, theirs in zip(corrected[1:], _torch_amsgrad(), strict=True):
        np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-14)
    assert not np.allclose(corrected[-1], right["theta"][-1])  # (the two variants' steps differ)
    out = {}
    for name, slip in AMS_SLIPS.items():
        slipped = _ams_book({**AMS_LINES, name: slip})
        out[f"{name}.slip"] = "correct" if all(np.allclose(a, b) for a, b in zip(slipped[name], right[name], strict=True)) \
            else "incorrect"
    return out


def _ams_spec(optimizer: str, variant: str | None) -> str:
    return ('name = "ams_net"\nconvention = "row"\ninputs = 2\n\n[[layers]]\nunits = 3\nactivation = "tanh"\n\n'
            '[[layers]]\nunits = 2\nactivation = "tanh"\n\n[loss]\nname = "squared_error"\n\n[optimizer]\n'
            f'name = "{optimizer}"\n' + (f'variant = "{variant}"\n' if variant else ""))


def _ams_verdicts(tmp_path, optimizer: str, variant: str | None) -> dict:
    (tmp_path / "s.toml").write_text(_ams_spec(optimizer, variant))
    claims = {**RUDER_AMSGRAD, **{f"{k}.slip": v for k, v in SLIPS.items()}}
    body = "".join(f"\n[[claims]]\nid = \"{cid}\"\nlatex = '''{latex}'''\n" for cid, latex in claims.items())
    (tmp_path / "a.toml").write_text(f'spec = "s.toml"\n{body}')
    results, _meta, _s = verify_file(str(tmp_path / "a.toml"), None)
    return {r.id: (r.verdict, r.message) for r in results}


def test_ruder_amsgrad_lines_under_the_uncorrected_variant(tmp_path):
    expected = {"m": "correct", "v": "correct", "vhat": "correct", "theta": "correct", **_ams_expected()}
    assert expected["vhat.slip"] == expected["theta.slip"] == "incorrect"
    got = _ams_verdicts(tmp_path, "amsgrad", "uncorrected")
    assert {k: v[0] for k, v in got.items()} == expected, got


def test_ruder_amsgrad_step_under_the_corrected_variant_is_left_unjudged(tmp_path):
    """PyTorch's AMSGrad (the default variant) corrects both moments: Reddi's step with m_t and v̂_t is the other form
    of the same algorithm — not judged, saying which variant would judge it; its other lines hold in both forms."""
    got = _ams_verdicts(tmp_path, "amsgrad", None)
    assert got["theta"][0] == "unchecked" and 'variant = "uncorrected"' in got["theta"][1]
    assert [got[k][0] for k in ("m", "v", "vhat", "vhat.slip")] == ["correct", "correct", "correct", "incorrect"]


def test_ruder_amsgrad_lines_under_adam_are_judged_as_amsgrad(tmp_path):
    """Under an Adam spec the running maximum and the step with m_t are AMSGrad's lines (the step is not Adam's without
    its corrections): judged as AMSGrad's own, in its variants."""
    got = _ams_verdicts(tmp_path, "adam", None)
    for cid in ("vhat", "theta"):
        assert got[cid][0] == "correct" and "AMSGrad's own update" in got[cid][1], got[cid]
    assert got["vhat.slip"][0] == "incorrect" and got["theta.slip"][0] == "incorrect"


def test_an_amsgrad_spec_from_the_cli(tmp_path):
    """derive writes the proof with the running maximum, the variant's sentence and Reddi et al.'s paper; codegen
    writes the module; an unknown variant is refused with the choices."""
    import subprocess
    import sys

    spec = tmp_path / "ams.toml"
    spec.write_text(_ams_spec("ams_grad", None))
    run = subprocess.run([sys.executable, "-m", "gradproof", "derive", str(spec), "--out", str(tmp_path / "o"), "--tex-only"],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    tex = (tmp_path / "o" / "ams_net.tex").read_text()
    assert r"v^{\max} &\leftarrow \max\left(v, v^{\max}\right)" in tex and "Reddi" in tex and "corrected form" in tex
    spec.write_text(_ams_spec("amsgrad", "reddi"))
    run = subprocess.run([sys.executable, "-m", "gradproof", "derive", str(spec), "--no-pdf", "--out", str(tmp_path / "b")],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 2 and "optimizer.variant" in run.stderr and "uncorrected" in run.stderr, run.stderr


# -- a worked example whose initial values appear only where they are put into a formula -----------------------------

CHAIN_SPEC = """name = "chain"
convention = "row"
inputs = 1

[[layers]]
units = 1
activation = "relu"
bias = false

[[layers]]
units = 1
activation = "sigmoid"
bias = false

[loss]
name = "binary_cross_entropy"

[optimizer]
name = "sgd"
learning_rate = 0.1
"""


def _chain_numbers(x: float, w1: float, w2: float, y: float) -> dict:
    """The chain's forward and backward values by hand (z1 = x w1, a1 = relu(z1), z2 = a1 w2, a2 = σ(z2), BCE), the
    gradients confirmed by torch autograd where torch imports."""
    z1 = x * w1
    a1 = max(z1, 0.0)
    z2 = a1 * w2
    a2 = 1 / (1 + np.exp(-z2))
    dz2 = a2 - y
    out = {"z1": z1, "a1": a1, "z2": z2, "a2": a2, "dz2": dz2, "dw2": dz2 * a1, "da1": dz2 * w2,
           "dw1": dz2 * w2 * (1.0 if z1 > 0 else 0.0) * x}
    try:
        import torch
    except ImportError:
        return out
    W1 = torch.tensor(w1, dtype=torch.float64, requires_grad=True)
    W2 = torch.tensor(w2, dtype=torch.float64, requires_grad=True)
    p = torch.sigmoid(torch.relu(x * W1) * W2)
    (-(y * torch.log(p) + (1 - y) * torch.log(1 - p))).backward()
    assert abs(W1.grad.item() - out["dw1"]) < 1e-12 and abs(W2.grad.item() - out["dw2"]) < 1e-12
    return out


def _chain_document(x: float, w1: float, w2: float, y: float, slips: dict | None = None) -> tuple[str, dict]:
    """A blog's worked example that gives its weights in a figure: in the text they appear only put into z = x·w.
    Returns the Markdown and {claim id: expected verdict} (correct unless slipped)."""
    v = {k: round(float(val), 4) for k, val in _chain_numbers(x, w1, w2, y).items()}
    f = lambda n: f"{n:.4f}".rstrip("0").rstrip(".")  # noqa: E731
    lines = {
        "line 3": f"z_1 = x \\cdot w_1 = {f(x)} \\cdot {f(w1)} = {f(v['z1'])}",
        "line 5": f"z_2 = a_1 \\cdot w_2 = {f(v['a1'])} \\cdot {f(w2)} = {f(v['z2'])}",
        "line 7": f"a_2 = \\sigma(z_2) = {f(v['a2'])}",
        "line 11": f"\\frac{{dL}}{{dz_2}} = a_2 - y = {f(v['a2'])} - {f(y)} = {f(v['dz2'])}",
        "line 13": f"\\frac{{dL}}{{dw_2}} = \\frac{{dL}}{{dz_2}} \\cdot a_1 = {f(v['dz2'])} \\cdot {f(v['a1'])} = "
                   f"{f(round(v['dz2'] * v['a1'], 4))}",
        "line 15": f"\\frac{{dL}}{{da_1}} = \\frac{{dL}}{{dz_2}} \\cdot w_2 = {f(v['dz2'])} \\cdot {f(w2)} = "
                   f"{f(round(v['dz2'] * w2, 4))}",
    }
    lines.update(slips or {})
    _LINES.clear()
    _LINES.update(lines)
    prose = {"line 9": f"Since $y = {f(y)}$, the output's error is simple:"}
    text = "# One step by hand\n\nThe figure shows the weights; the input is put in below.\n\n"
    for n in range(3, 17):
        key = f"line {n}"
        if key in lines:
            text += f"$$ {lines[key]} $$\n\n"
        elif key in prose:
            text += prose[key] + "\n\n"
    return text, {k: "correct" for k in lines}


def _verify_document(tmp_path, text: str) -> dict:
    """{the line's name in _chain_document ("line 13"): (verdict, message)} of the document's claims (found by their
    LaTeX: the ids verify gives are the document's own line numbers), and the run's meta."""
    (tmp_path / "chain.spec.toml").write_text(CHAIN_SPEC)
    (tmp_path / "answer.md").write_text(text)
    results, meta, _s = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "chain.spec.toml"))
    names = {latex.strip(): name for name, latex in _LINES.items()}
    return {names.get(r.latex.strip(), r.id): (r.verdict, r.message) for r in results}, meta


#: the last document's lines by name (_chain_document)
_LINES: dict = {}


def test_values_put_into_formulas_make_the_worked_example(tmp_path):
    """x, w_1 and w_2 appear only as numbers put into z = x·w (the figure gives them); with the target stated in the
    prose that is the whole example, and the document is judged on it — a slip in a later number is found."""
    x, w1, w2, y = 2.0, 0.3, 0.7, 1.0
    text, _ = _chain_document(x, w1, w2, y)
    got, meta = _verify_document(tmp_path, text)
    assert meta["mode"] == "numeric", meta
    assert set(_LINES) <= set(got) and all(got[k][0] == "correct" for k in _LINES), got
    v = _chain_numbers(x, w1, w2, y)
    wrong = round(v["dz2"] * x, 4)  # dL/dw_2 with x for a_1: -0.7930 where -0.2379 is right
    assert abs(wrong - v["dw2"]) > 0.1
    text, _ = _chain_document(x, w1, w2, y, {
        "line 13": f"\\frac{{dL}}{{dw_2}} = \\frac{{dL}}{{dz_2}} \\cdot x = {round(v['dz2'], 4)} \\cdot 2 = {wrong}"})
    got, _meta = _verify_document(tmp_path, text)
    assert got["line 13"][0] == "incorrect", got["line 13"]


def test_a_formula_that_holds_only_because_two_values_repeat_is_not_judged(tmp_path):
    """w_1 = w_2 = 0.5 (sreekanth's example): dL/da_1 written with w_1 for w_2 gives the same numbers there. That link
    is left unjudged, saying why; written with w_2 it is judged correct."""
    x, w1, w2, y = 1.0, 0.5, 0.5, 0.0
    v = {k: round(float(val), 4) for k, val in _chain_numbers(x, w1, w2, y).items()}
    slip = f"\\frac{{dL}}{{da_1}} = \\frac{{dL}}{{dz_2}} \\cdot w_1 = {v['dz2']} \\cdot 0.5 = {round(v['dz2'] * 0.5, 4)}"
    text, _ = _chain_document(x, w1, w2, y, {"line 15": slip})
    got, meta = _verify_document(tmp_path, text)
    assert meta["mode"] == "numeric"
    assert got["line 15"][0] == "unchecked" and "same number" in got["line 15"][1], got["line 15"]
    text, _ = _chain_document(x, w1, w2, y)
    got, _meta = _verify_document(tmp_path, text)
    assert got["line 15"][0] == "correct", got["line 15"]


def test_plain_text_names_of_one_unit_and_a_value_named_in_words(tmp_path):
    """A learner's plain-text notebook (Sghosh's, in tests/verify/corpus/courses): x1, x2, w11, w12 of one unit read as
    the inputs and that unit's weights (a network of one layer and one unit: which digit is the input's is certain), and
    "y (true label) = 1.0" as the target given. Formulas in those names are judged; a slip (x1 for x2) is found."""
    spec = tmp_path / "s.toml"
    spec.write_text('name = "one"\nconvention = "row"\ninputs = 2\n\n[[layers]]\nunits = 1\nactivation = "sigmoid"\n\n'
                    '[loss]\nname = "squared_error"\n\n[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')
    doc = tmp_path / "a.md"
    doc.write_text("# One neuron\n\nValues:\n\n- x1 = 1.5\n- x2 = -0.5\n- w11 = 0.2\n- w12 = 0.7\n- b = 0.1\n"
                   "- y (true label) = 0.0\n\nForward:\n\nz = w11 * x1 + w12 * x2 + b\n\n"
                   "Gradients:\n\ndL/dw11 = dL/dz * x1\n\ndL/dw12 = dL/dz * x1\n")
    results, meta, _s = verify_file(str(doc), str(spec))
    got = {r.latex.strip(): r.verdict for r in results}
    assert got["z = w11 * x1 + w12 * x2 + b"] == "correct", got
    assert got["dL/dw11 = dL/dz * x1"] == "correct", got
    assert got["dL/dw12 = dL/dz * x1"] == "incorrect", got
    from gradproof.verify import ownvalues
    from gradproof.verify.document import load_document
    from gradproof.verify.parser import Notation

    net = __import__("gradproof.verify.cli", fromlist=["_network"])._network(str(spec))
    givens = ownvalues._givens(load_document(doc), Notation(options=(("sizes", (2, 1)), ("convention", "row"))), net, [0])
    assert ("y", 0.0) in [(g[2], float(g[4])) for g in givens if g[1] == "whole"]


def _one_unit_notebook(final_w12: str | None = None) -> tuple[str, dict]:
    """A plain-text notebook in Sghosh's style with numbers of our own: one sigmoid unit on two inputs, Loss = 0.5 (y -
    y_pred)^2, one SGD step (eta = 0.1), the new weights restated at the end. Returns the text and the exact values."""
    x, w, b, y = np.array([1.5, -0.5]), np.array([0.2, 0.7]), 0.1, 0.0
    z = float(w @ x + b)
    p = 1 / (1 + np.exp(-z))
    dz = (p - y) * p * (1 - p)
    fd = central_differences(lambda q: float(0.5 * (y - 1 / (1 + np.exp(-(q["w"] @ x + b)))) ** 2), {"w": w.copy()})["w"]
    assert np.allclose(fd, dz * x, atol=1e-8)
    g = np.round(dz * x, 4)
    new = np.round(w - 0.1 * g, 4)
    r = lambda v: f"{v:.4f}"  # noqa: E731
    text = ("# One neuron by hand\n\nValues:\n\n- x1 = 1.5\n- x2 = -0.5\n- w11 = 0.2\n- w12 = 0.7\n- b = 0.1\n"
            "- y (true label) = 0.0\n\n"
            f"z = w11 * x1 + w12 * x2 + b = 0.2 * 1.5 + 0.7 * (-0.5) + 0.1 = {r(z)}\n\n"
            f"y_pred = 1 / (1 + exp(-z)) = {r(p)}\n\n"
            f"dL/dz = (y_pred - y) * y_pred * (1 - y_pred) = {r(dz)}\n\n"
            f"dL/dw11 = dL/dz * x1 = {r(g[0])}\n\ndL/dw12 = dL/dz * x2 = {r(g[1])}\n\n"
            "Update (one step of gradient descent):\n\n"
            f"w11 = w11 - eta * dL/dw11\n    = 0.2 - 0.1 * ({r(g[0])}) = {r(new[0])}\n\n"
            f"w12 = w12 - eta * dL/dw12\n    = 0.7 - 0.1 * ({r(g[1])}) = {r(new[1])}\n\n"
            "New weights after update:\n\n"
            f"- w11 = {r(new[0])}\n- w12 = {final_w12 or r(new[1])}\n")
    return text, {"new": new, "g": g}


def test_a_plain_text_worked_example_of_one_unit_and_its_restated_weights(tmp_path):
    """Its values given in a list (x1 … w12, y named in words) are the example; the weights restated after the step,
    "w11 = 0.1…", are the values after it (not a contradiction of w11 = 0.2); a restated value the step does not give
    is wrong."""
    spec = tmp_path / "s.toml"
    spec.write_text('name = "one"\nconvention = "row"\ninputs = 2\n\n[[layers]]\nunits = 1\nactivation = "sigmoid"\n\n'
                    '[loss]\nname = "squared_error"\n\n[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')
    text, v = _one_unit_notebook()
    (tmp_path / "a.md").write_text(text)
    results, meta, _s = verify_file(str(tmp_path / "a.md"), str(spec))
    assert meta["mode"] == "numeric"
    bad = {r.id: (r.verdict, r.latex, r.message) for r in results if r.verdict != "correct" and "true label" not in r.latex}
    assert not bad, bad
    wrong = f"{v['new'][1] + 0.01:.4f}"  # a restated w12 one hundredth off the step's
    (tmp_path / "a.md").write_text(_one_unit_notebook(wrong)[0])
    results, _meta, _s = verify_file(str(tmp_path / "a.md"), str(spec))
    assert [r.verdict for r in results if r.latex.strip() == f"w12 = {wrong}"] == ["incorrect"]
