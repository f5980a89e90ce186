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
                "adadelta": (("S", "D"), {})}
    assert set(expected) == set(OPTIMIZERS)
    with open("examples/reference_mlp.toml", "rb") as f:
        base = tomllib.load(f)
    for name, (states, corrections) in expected.items():
        net = spec_from_dict({**base, "optimizer": {"name": name}}, "<test>")
        truth = Truth(derive(net, check=False))
        assert (truth.recurrent_states, truth.corrections) == (states, corrections), name
