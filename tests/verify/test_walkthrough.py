r"""A worked optimizer walk-through as a learner writes it (verify/walkthrough.py; issue 10, heldout15's Max Gnesi).

One weight w of a model without bias, prediction w x, the loss of one point (w x − y)² (no 1/2), a different example
at each step (SGD through a small data set), every value written with a bare letter and no step index: ``v = 0.8 ×
(-1.5) + (-2.2) = -3.4``, ``w = 0.62 - (0.05 × -3.4) = 0.79``. The step a value belongs to is told by the earlier value
it continues from; a later step is judged from the walk-through's own written state with a gradient it wrote before
the step; a value whose step cannot be told is unchecked, never compared with the value before any step.

The walk-throughs here are of our own (data, constants, rounding to 4 decimals); every number is computed by a hand
NumPy loop and the trajectory confirmed by torch.optim (SGD with momentum, Adam), the gradients by central differences;
the expected verdicts are decided from those numbers (never from verify)."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import central_differences
from gradproof.verify.cli import verify_file

POINTS = [(1.0, 3.0), (2.0, 1.0), (-1.0, 2.0), (0.5, 4.0)]  # (x, y) of each step, in order
W0, LR, MU = 0.5, 0.05, 0.8
B1, B2, EPS = 0.9, 0.999, 1e-8


def _spec(optimizer: str) -> str:
    extra = (f"momentum = {MU}" if optimizer == "momentum" else
             f'beta1 = {B1}\nbeta2 = {B2}\nepsilon = {EPS}\nepsilon_placement = "inside"')
    return f"""name = "walk_{optimizer}"
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
{extra}
"""


def _gradient(w: float, x: float, y: float) -> float:
    g = 2 * (w * x - y) * x
    fd = float(central_differences(lambda p: float((p["w"][0] * x - y) ** 2), {"w": np.array([w])})["w"][0])
    assert abs(g - fd) < 1e-6
    return g


def _r(v: float) -> float:
    return float(np.round(v, 4))


def _momentum_walk():
    """(w, v, g) written after each step: each step from the WRITTEN (rounded) values, as a learner carries them."""
    w, v, out = W0, 0.0, []
    for x, y in POINTS:
        g = _r(_gradient(w, x, y))
        v = _r(MU * v + g)
        w = _r(w - LR * v)
        out.append((w, v, g))
    return out


def _adam_walk():
    w, m, s, out = W0, 0.0, 0.0, []
    for t, (x, y) in enumerate(POINTS, 1):
        g = _r(_gradient(w, x, y))
        m, s = _r(B1 * m + (1 - B1) * g), _r(B2 * s + (1 - B2) * g * g)
        mh, sh = _r(m / (1 - B1 ** t)), _r(s / (1 - B2 ** t))
        w = _r(w - LR * mh / np.sqrt(sh + EPS))
        out.append((w, m, s, mh, sh, g))
    return out


def test_the_hand_loops_are_the_optimizers_of_torch():
    """The oracle's recurrences (without its rounding) are torch.optim's SGD with momentum and Adam."""
    torch = pytest.importorskip("torch")
    for kind in ("momentum", "adam"):
        p = torch.tensor([W0], dtype=torch.float64, requires_grad=True)
        opt = (torch.optim.SGD([p], lr=LR, momentum=MU) if kind == "momentum"
               else torch.optim.Adam([p], lr=LR, betas=(B1, B2), eps=EPS))
        w, v, m, s = W0, 0.0, 0.0, 0.0
        for t, (x, y) in enumerate(POINTS, 1):
            opt.zero_grad()
            ((p[0] * x - y) ** 2).backward()
            opt.step()
            g = _gradient(w, x, y)
            if kind == "momentum":
                v = MU * v + g
                w = w - LR * v
            else:
                m, s = B1 * m + (1 - B1) * g, B2 * s + (1 - B2) * g * g
                w = w - LR * (m / (1 - B1 ** t)) / np.sqrt(s / (1 - B2 ** t) + EPS)
            assert abs(p.item() - w) < 1e-6


def _fmt(v: float) -> str:
    return f"{v:.4f}".rstrip("0").rstrip(".") if v else "0"


def _answers(tmp_path, optimizer: str, claims: list[tuple[str, str]]) -> dict:
    (tmp_path / "walk.spec.toml").write_text(_spec(optimizer))
    x, y = POINTS[0]
    body = "".join(f"\n[[claims]]\nid = \"{cid}\"\nlatex = '''{latex}'''\n" for cid, latex in claims)
    (tmp_path / "walk.toml").write_text(f'spec = "walk.spec.toml"\nbatch = 1\n[values]\nx = [{x}]\ny = [{y}]\n'
                                        f"W1 = [[{W0}]]\n{body}")
    results, _meta, _s = verify_file(str(tmp_path / "walk.toml"), None)
    return {r.id: (r.verdict, r.message) for r in results}


def _momentum_claims(slips: dict | None = None) -> list[tuple[str, str]]:
    """The walk-through's lines in Max Gnesi's plain text (×, no step index); ``slips``: id -> the line as written
    with a slip."""
    slips = slips or {}
    out, w_prev, v_prev = [], W0, 0.0
    for k, ((x, y), (w, v, g)) in enumerate(zip(POINTS, _momentum_walk(), strict=True), 1):
        e = _r(w_prev * x - y)
        out.append((f"p{k}.gradient", f"2 × ({_fmt(e)}) × {_fmt(x)} = {_fmt(g)}"))
        out.append((f"p{k}.velocity", f"v = {MU} × ({_fmt(v_prev)}) + ({_fmt(g)}) = {_fmt(v)}"))
        out.append((f"p{k}.weight", f"w = {_fmt(w_prev)} - ({LR} × {_fmt(v)}) = {_fmt(w)}"))
        w_prev, v_prev = w, v
    return [(cid, slips.get(cid, latex)) for cid, latex in out]


def test_a_momentum_walk_through_is_judged_step_by_step(tmp_path):
    got = _answers(tmp_path, "momentum", [("rule.velocity", "v_new = β × v_old + gradient"),
                                          ("rule.weight", "w_new = w_old - η × v_new")] + _momentum_claims())
    assert all(v == "correct" for v, _ in got.values()), got
    assert "after step 3" in got["p3.weight"][1]


def test_momentum_slips_are_found_and_a_step_not_told_is_unchecked(tmp_path):
    walk = _momentum_walk()
    (_w1, v1, _), (w2, v2, g2), (w3, v3, _g3) = walk[0], walk[1], walk[2]
    wrong_sum = _r(MU * v1 + g2 + 0.5)  # an arithmetic slip in the last link
    slips = {
        "rule.weight": "w_new = w_old + η × v_new",  # the sign
        "p2.velocity": f"v = {MU} × ({_fmt(v1)}) + ({_fmt(g2)}) = {_fmt(_r(MU * v1))} + ({_fmt(g2)}) = {_fmt(wrong_sum)}",
        "p3.weight": f"w = {_fmt(w2)} + ({LR} × {_fmt(v3)}) = {_fmt(_r(w2 + LR * v3))}",  # the step's sign
        "p4.velocity": "v = 1.2345 + 0.5 = 1.7345",  # continues from no earlier value
    }
    assert abs(_r(w2 + LR * v3) - w3) > 1e-3 and abs(wrong_sum - v2) > 0.1
    got = _answers(tmp_path, "momentum", [("rule.velocity", "v_new = β × v_old + gradient"),
                                          ("rule.weight", slips["rule.weight"])] + _momentum_claims(slips))
    assert got["rule.weight"][0] == "incorrect"
    assert got["p2.velocity"][0] == "incorrect" and "link" in got["p2.velocity"][1]
    assert got["p3.weight"][0] == "incorrect"
    assert got["p4.velocity"][0] == "unchecked" and "step" in got["p4.velocity"][1]
    for cid in ("p1.velocity", "p1.weight", "p2.weight", "p3.velocity"):
        assert got[cid][0] == "correct", (cid, got[cid])


def _adam_claims(slips: dict | None = None) -> list[tuple[str, str]]:
    slips = slips or {}
    out, w_prev, m_prev, s_prev = [], W0, 0.0, 0.0
    for t, ((x, y), (w, m, s, mh, sh, g)) in enumerate(zip(POINTS, _adam_walk(), strict=True), 1):
        e = _r(w_prev * x - y)
        out += [(f"p{t}.gradient", f"2 × ({_fmt(e)}) × {_fmt(x)} = {_fmt(g)}"),
                (f"p{t}.m", f"m = {B1} × ({_fmt(m_prev)}) + 0.1 × ({_fmt(g)}) = {_fmt(m)}"),
                (f"p{t}.v", f"v = {B2} × {_fmt(s_prev)} + 0.001 × ({_fmt(g)})² = {_fmt(s)}"),
                (f"p{t}.mhat", f"m̂ = {_fmt(m)} / (1 - {B1}^{t}) = {_fmt(mh)}"),
                (f"p{t}.vhat", f"v̂ = {_fmt(s)} / (1 - {B2}^{t}) = {_fmt(sh)}"),
                (f"p{t}.w", f"w = {_fmt(w_prev)} - {LR} × ({_fmt(mh)}) / √{_fmt(sh)} = {_fmt(w)}")]
        w_prev, m_prev, s_prev = w, m, s
    return [(cid, slips.get(cid, latex)) for cid, latex in out]


def test_an_adam_walk_through_and_its_slips(tmp_path):
    rules = [("rule.m", "m_new = β₁ × m_old + (1-β₁) × gradient"),
             ("rule.v", "v_new = β₂ × v_old + (1-β₂) × gradient²"),
             ("rule.mhat", "m̂ = m_new / (1 - β₁ᵗ)"), ("rule.vhat", "v̂ = v_new / (1 - β₂ᵗ)"),
             ("rule.w", "w_new = w_old - η × m̂ / √(v̂ + ε)")]
    got = _answers(tmp_path, "adam", rules + _adam_claims())
    assert all(v == "correct" for v, _ in got.values()), {k: v for k, v in got.items() if v[0] != "correct"}
    walk = _adam_walk()
    _w1, m1, s1, _mh1, _sh1, _g1 = walk[0]
    _w2, m2, s2, mh2, _sh2, g2 = walk[1]
    w2_, m3, s3, _mh3, sh3, g3 = walk[2]
    slips = {
        "rule.vhat": "v̂ = v_new / (1 - β₁ᵗ)",
        "p2.mhat": f"m̂ = {_fmt(m2)} / (1 - {B1}) = {_fmt(_r(m2 / (1 - B1)))}",  # the step count left out at t = 2
        "p3.v": f"v = {B2} × {_fmt(s2)} + 0.001 × ({_fmt(abs(g3))}) = {_fmt(_r(B2 * s2 + 0.001 * abs(g3)))}",  # not squared
        "p4.w": f"w = {_fmt(walk[2][0])} + {LR} × ({_fmt(walk[3][3])}) / √{_fmt(walk[3][4])} = "
                f"{_fmt(_r(walk[2][0] + LR * walk[3][3] / np.sqrt(walk[3][4])))}",  # the sign of the step
    }
    assert abs(_r(m2 / (1 - B1)) - mh2) > 0.01 and abs(_r(B2 * s2 + 0.001 * abs(g3)) - s3) > 0.01
    got = _answers(tmp_path, "adam", [(c, slips.get(c, t)) for c, t in rules] + _adam_claims(slips))
    for cid in slips:
        assert got[cid][0] == "incorrect", (cid, got[cid])
    right = [c for c in got if c not in slips]
    assert all(got[c][0] == "correct" for c in right), {c: got[c] for c in right if got[c][0] != "correct"}


def test_step_one_is_judged_against_the_spec_and_a_bare_value_is_not_step_zero(tmp_path):
    """Step 1 is the spec's first step from the given values: a wrong step-1 velocity is incorrect; a bare w = 0.6
    (no step told) is never compared with the given w."""
    w1, v1, g1 = _momentum_walk()[0]
    got = _answers(tmp_path, "momentum", [
        ("v1", f"v = {MU} × 0 + ({_fmt(g1 + 1)}) = {_fmt(g1 + 1)}"),  # a wrong gradient at step 1
        ("w1", f"w = {_fmt(W0)} - ({LR} × {_fmt(v1)}) = {_fmt(w1)}"),
        ("bare", "w = 7.5 - 0.1 × 2 = 7.3")])
    assert got["v1"][0] == "incorrect"
    assert got["w1"][0] == "correct"
    assert got["bare"][0] == "unchecked" and "step" in got["bare"][1]


def test_a_step_written_as_a_subscript(tmp_path):
    """m_2, w_2 (the walk-through's one weight has no second entry): the value after step 2, judged from the values
    written after step 1 with the gradient written before it; a step whose state before it is not written is
    unchecked."""
    walk = _adam_walk()
    (w1, m1, s1, _mh1, _sh1, g1), (w2, m2, s2, mh2, sh2, g2) = walk[0], walk[1]
    x2, y2 = POINTS[1]
    lines = [("g1", f"2 × ({_fmt(_r(W0 * POINTS[0][0] - POINTS[0][1]))}) × {_fmt(POINTS[0][0])} = {_fmt(g1)}"),
             ("m1", f"m_1 = {B1} × 0 + 0.1 × ({_fmt(g1)}) = {_fmt(m1)}"),
             ("v1", f"v_1 = {B2} × 0 + 0.001 × ({_fmt(g1)})² = {_fmt(s1)}"),
             ("w1", f"w_1 = {_fmt(W0)} - {LR} × ({_fmt(_mh1)}) / √{_fmt(_sh1)} = {_fmt(w1)}"),
             ("g2", f"2 × ({_fmt(_r(w1 * x2 - y2))}) × {_fmt(x2)} = {_fmt(g2)}"),
             ("m2", f"m_2 = {B1} × ({_fmt(m1)}) + 0.1 × ({_fmt(g2)}) = {_fmt(m2)}"),
             ("m2bad", f"m_2 = {B1} × ({_fmt(m1)}) + 0.1 × ({_fmt(g2)}) = {_fmt(_r(m2 + 0.5))}"),
             ("v2", f"v_2 = {B2} × {_fmt(s1)} + 0.001 × ({_fmt(g2)})² = {_fmt(s2)}"),
             ("w2", f"w_2 = {_fmt(w1)} - {LR} × ({_fmt(mh2)}) / √{_fmt(sh2)} = {_fmt(w2)}"),
             ("m4", "m_4 = 0.9 × 1.5 + 0.1 × 2 = 1.55")]
    got = _answers(tmp_path, "adam", lines)
    assert {k: v for k, (v, _m) in got.items()} == {
        "g1": "correct", "m1": "correct", "v1": "correct", "w1": "correct", "g2": "correct", "m2": "correct",
        "m2bad": "incorrect", "v2": "correct", "w2": "correct", "m4": "unchecked"}, got


def test_a_walk_through_in_a_markdown_document(tmp_path):
    """The same walk-through in a learner's Markdown notes: the given values stated in prose are the [values] (w = 3 a
    value stated, not a step), each later step's example restated (x = 2, y = 1) is not compared with the first
    step's, and the later steps are judged from the notes' own numbers."""
    (tmp_path / "walk.spec.toml").write_text(_spec("momentum"))
    walk = _momentum_walk()
    lines = [f"We start from $w = {_fmt(W0)}$ with the point $x = {_fmt(POINTS[0][0])}$, $y = {_fmt(POINTS[0][1])}$."]
    w_prev, v_prev = W0, 0.0
    for k, ((x, y), (w, v, g)) in enumerate(zip(POINTS[:3], walk[:3], strict=True), 1):
        if k > 1:
            lines.append(f"Next point $x = {_fmt(x)}$, $y = {_fmt(y)}$:")
        lines += [f"Gradient: $2 \\times ({_fmt(_r(w_prev * x - y))}) \\times {_fmt(x)} = {_fmt(g)}$",
                  f"Velocity: $v = {MU} \\times ({_fmt(v_prev)}) + ({_fmt(g)}) = {_fmt(v)}$",
                  f"Weight: $w = {_fmt(w_prev)} - ({LR} \\times {_fmt(v)}) = {_fmt(w)}$"]
        w_prev, v_prev = w, v
    (tmp_path / "walk.md").write_text("# Momentum by hand\n\n" + "\n\n".join(lines) + "\n")
    results, _meta, _s = verify_file(str(tmp_path / "walk.md"), str(tmp_path / "walk.spec.toml"))
    verdicts = [(r.latex, r.verdict) for r in results]
    first = {"x": POINTS[0][0], "y": POINTS[0][1]}
    other = [v for latex, v in verdicts if latex.strip()[:1] in "xy" and float(latex.split("=")[1]) != first[latex[0]]]
    assert len(other) == 4 and all(v == "unchecked" for v in other), verdicts  # x = 2, y = 1, x = -1, y = 2
    assert all(v == "correct" for latex, v in verdicts if latex.strip()[:1] in "vw2"), verdicts
    assert sum(latex.strip().startswith(("v =", "w =")) for latex, _v in verdicts) == 7  # w = 0.5 and 3 steps of v, w
