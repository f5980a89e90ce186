r"""Forty-fourth round (issue 10): a worked example with its units numbered across the network, read unit by unit.

Exam answers in Mahesh Huddar's template (and GeeksforGeeks's, Han & Kamber's) number the units on through the layers
— inputs 1, 2, hidden units 3, 4, the output 5 — and write W_{13} for the weight from unit 1 to unit 3, a_3 for unit
3's summed input, y_3 for its output and δ_5 for the output's δ, often as plain text with Unicode subscripts (W₁₃, δ₅,
W₄₅(new)). verify/scalargraph.py read the sums but not the δ's, not the Unicode, not an output defined by its number
alone (y₃ = 1/(1 + e^(−0.755)) = 0.68), and it took a weight's place from the sum it stands in, so a planted sum with
two weights swapped defined the wiring instead of being wrong.

The documents here are generated from random weights; every number is computed by a hand-written forward and backward
pass (NumPy) and every gradient is confirmed by central differences, so the expected verdicts come from those numbers,
never from verify. Planted copies carry the slips students make."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import central_differences
from gradproof.verify.cli import verify_file

SPEC = """name = "numbered_units"
convention = "row"
inputs = 2

[[layers]]
units = 2
activation = "sigmoid"
bias = false

[[layers]]
units = 1
activation = "sigmoid"
bias = false

[loss]
name = "squared_error"

[optimizer]
name = "sgd"
learning_rate = {lr}
"""

SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def _sig(a):
    return 1 / (1 + np.exp(-a))


def _example(seed: int) -> dict:
    """Weights, input, target and learning rate (one decimal each), and every quantity of one step, by hand."""
    rng = np.random.default_rng(seed)
    w = {k: float(np.round(rng.uniform(-1, 1), 1) or 0.3) for k in ("13", "14", "23", "24", "35", "45")}
    x1, x2 = (float(np.round(v, 2)) for v in rng.uniform(0.1, 1, 2))
    t, lr = float(np.round(rng.uniform(0.1, 0.9), 1)), float(rng.choice([0.5, 1.0]))
    a3, a4 = w["13"] * x1 + w["23"] * x2, w["14"] * x1 + w["24"] * x2
    y3, y4 = _sig(a3), _sig(a4)
    a5 = w["35"] * y3 + w["45"] * y4
    y5 = _sig(a5)
    d5 = y5 * (1 - y5) * (t - y5)  # minus dE/da5 (the template's sign)
    d3, d4 = y3 * (1 - y3) * w["35"] * d5, y4 * (1 - y4) * w["45"] * d5
    out = {"1": x1, "2": x2, "3": y3, "4": y4}
    delta = {"3": d3, "4": d4, "5": d5}

    def loss(p):
        h = _sig(np.array([[p["W"][0], p["W"][2]], [p["W"][1], p["W"][3]]]) @ np.array([x1, x2]))
        return float(0.5 * (t - _sig(p["W"][4] * h[0] + p["W"][5] * h[1])) ** 2)

    order = ("13", "14", "23", "24", "35", "45")
    fd = central_differences(loss, {"W": np.array([w[k] for k in order])})["W"]
    for k, g in zip(order, fd, strict=True):  # dE/dW_ij = -δ_j y_i
        assert abs(g - -delta[k[1]] * out[k[0]]) < 1e-7
    return {"w": w, "x1": x1, "x2": x2, "t": t, "lr": lr, "a3": a3, "a4": a4, "a5": a5, "y3": y3, "y4": y4, "y5": y5,
            "d": delta, "out": out}


def _n(v: float) -> str:
    return f"{v:.6f}"


def _lines(e: dict, sign: int, plant: str | None) -> list[tuple[str, str]]:
    """(key, line) of the answer in a neutral spelling: W_{13}, y_{3}, δ_{5}; sign −1: δ = −∂E/∂a (target first, the
    change added), +1: δ = ∂E/∂a (output first, the change subtracted). ``plant`` names the one line written wrong."""
    w, x1, x2 = e["w"], e["x1"], e["x2"]
    a5_terms = ("W_{35} y_{4} + W_{45} y_{3}", e["w"]["35"] * e["y4"] + e["w"]["45"] * e["y3"]) if plant == "a5" else \
        ("W_{35} y_{3} + W_{45} y_{4}", e["a5"])
    out = [("given", f"x_{{1}} = {x1}, x_{{2}} = {x2}, target = {e['t']}, eta = {e['lr']}"),
           ("given", ", ".join(f"W_{{{k}}} = {v}" for k, v in w.items())),
           ("a3", f"a_{{3}} = W_{{13}} x_{{1}} + W_{{23}} x_{{2}} = {_n(e['a3'])}"),
           ("y3", f"y_{{3}} = 1/(1 + e^(-{_n(e['a3'])})) = {_n(e['y3'])}"),
           ("a4", f"a_{{4}} = W_{{14}} x_{{1}} + W_{{24}} x_{{2}} = {_n(e['a4'])}"),
           ("y4", f"y_{{4}} = 1/(1 + e^(-{_n(e['a4'])})) = {_n(e['y4'])}"),
           ("a5", f"a_{{5}} = {a5_terms[0]} = {_n(a5_terms[1])}"),
           ("y5", f"y_{{5}} = 1/(1 + e^(-{_n(e['a5'])})) = {_n(e['y5'])}")]
    d = {k: sign * -v for k, v in e["d"].items()}  # the δ the answer writes
    diff = "(target - y_{5})" if sign == -1 else "(y_{5} - target)"
    out.append(("d5", f"delta_{{5}} = y_{{5}}(1 - y_{{5}}){diff} = {_n(d['5'])}"))
    w35 = "W_{45}" if plant == "d3" else "W_{35}"
    d3 = e["y3"] * (1 - e["y3"]) * (w["45"] if plant == "d3" else w["35"]) * d["5"]
    out.append(("d3", f"delta_{{3}} = y_{{3}}(1 - y_{{3}}) {w35} delta_{{5}} = {_n(d3)}"))
    out.append(("d4", f"delta_{{4}} = y_{{4}}(1 - y_{{4}}) W_{{45}} delta_{{5}} = {_n(d['4'])}"))
    rate = "eta" if sign == -1 else "-eta"
    for k in ("45", "35", "13", "23"):
        i, j = k
        src = f"x_{{{i}}}" if i in "12" else f"y_{{{i}}}"
        value = e["out"][i]
        if plant == "dw23" and k == "23":
            src, value = "x_{1}", e["x1"]
        change = -sign * e["lr"] * d[j] * value
        out.append((f"dw{k}", f"Delta W_{{{k}}} = {rate} delta_{{{j}}} {src} = {_n(change)}"))
        right = -sign * e["lr"] * d[j] * e["out"][i]
        out.append((f"w{k}", f"W_{{{k}}}(new) = W_{{{k}}} + Delta W_{{{k}}} = {_n(w[k] + right)}"))
    return out


def _latex(line: str) -> str:
    """The line as LaTeX display math: \\delta, \\Delta, \\eta, the target y_{target}."""
    line = line.replace("Delta ", "\\Delta ").replace("delta", "\\delta").replace("eta", "\\eta")
    return "$$" + line.replace("target", "y_{target}") + "$$"


def _unicode(line: str) -> str:
    """The line as plain text: subscripts in Unicode (W₁₃, y₃), δ, Δ, η, the minus sign."""
    import re

    line = re.sub(r"_\{(\d+)\}", lambda m: m.group(1).translate(SUB), line)
    return line.replace("Delta ", "Δ").replace("delta", "δ").replace("eta", "η").replace(" - ", " − ")


def _document(tmp_path, e: dict, style: str, sign: int, plant: str | None = None):
    lines = _lines(e, sign, plant)
    text, ids = ["# One step of backpropagation", ""], {}
    for key, line in lines:
        line = _latex(line) if style == "latex" else _unicode(line)
        text += [line, ""]
        ids[f"line {len(text) - 1}"] = key
    path = tmp_path / f"{style}_{sign}_{plant}.md"
    path.write_text("\n".join(text), encoding="utf-8")
    spec = tmp_path / "spec.toml"
    spec.write_text(SPEC.format(lr=e["lr"]))
    results, _, _ = verify_file(str(path), str(spec))
    return {ids[r.id.split("#")[0]]: r for r in results if ids.get(r.id.split("#")[0]) != "given"}, path


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("style", ["latex", "unicode"])
@pytest.mark.parametrize("sign", [-1, 1])
def test_every_line_of_a_right_answer_is_correct(tmp_path, seed, style, sign):
    results, path = _document(tmp_path, _example(seed), style, sign)
    wrong = {k: (r.verdict, r.message) for k, r in results.items() if r.verdict != "correct"}
    assert not wrong, (path.read_text(encoding="utf-8"), wrong)
    assert len(results) == 17


@pytest.mark.parametrize("plant", ["a5", "d3", "dw23"])
@pytest.mark.parametrize("style", ["latex", "unicode"])
def test_a_planted_slip_is_the_one_line_found_wrong(tmp_path, plant, style):
    results, path = _document(tmp_path, _example(3), style, -1, plant)
    verdicts = {k: r.verdict for k, r in results.items()}
    assert verdicts.pop(plant) == "incorrect", path.read_text(encoding="utf-8")
    assert set(verdicts.values()) == {"correct"}, (path.read_text(encoding="utf-8"), verdicts)


def test_the_reading_says_how_it_reads_the_numbers(tmp_path, capsys):
    from gradproof.cli import main

    _document(tmp_path, _example(0), "unicode", -1)
    code = main(["verify", str(tmp_path / "unicode_-1_None.md"), "--spec", str(tmp_path / "spec.toml")])
    report = capsys.readouterr().out
    assert code == 0, report
    assert "δ_5 is \\delta^{(2)}_{1}" in report and "minus the derivative by the summed input" in report
    assert "19 claims: 19 correct, 0 incorrect" in report  # (the 17 steps and the two lines of given values)


def test_deltas_numbered_by_output_are_not_read_as_units(tmp_path):
    """δ_1, δ_2 beside sums numbered a_3 … a_5: no δ number lies past every layer's width, so they are not units' δ's
    (they may number the outputs): not read as unit 1's and unit 2's (inputs, which have no δ)."""
    from gradproof.verify.scalargraph import _unit_deltas

    names = {("a", 3): "z^{(1)}_{1}", ("a", 4): "z^{(1)}_{2}", ("a", 5): "z^{(2)}_{1}"}
    assert _unit_deltas(["\\delta_1 = y_5 - t", "\\delta_2 = 0.3"], names, [2, 2, 1]) == {}
    assert _unit_deltas(["\\delta_5 = y_5 - t", "\\delta_3 = 0.3"], names, [2, 2, 1]) == {
        ("\\delta", 5): "\\delta^{(2)}_{1}", ("\\delta", 3): "\\delta^{(1)}_{1}"}
    assert _unit_deltas(["\\delta_5 = y_5 - t", "\\delta_6 = 0.3"], names, [2, 2, 1]) == {}  # (δ_6: no such sum)


def test_the_sign_of_a_numbered_delta_comes_from_the_answer():
    from gradproof.verify.scalargraph import _delta_sign

    names = {("a", 5): "z^{(2)}_{1}", ("y", 5): "h^{(2)}_{1}"}
    deltas = {("\\delta", 5): "\\delta^{(2)}_{1}"}
    assert _delta_sign(["\\delta_5 = y_5 (1 - y_5)(t - y_5)"], names, deltas) == -1
    assert _delta_sign(["\\delta_5 = y_5 (1 - y_5)(y_5 - t)"], names, deltas) == 1
    assert _delta_sign(["\\delta_5 = y_5 (1 - y_5)"], names, deltas) is None  # (1 - y_5) is the slope, not the error
    assert _delta_sign(["\\Delta W_{45} = \\eta \\delta_5 y_4"], names, deltas) == -1
    assert _delta_sign(["\\delta_5 = y_5 (1 - y_5)(y_5 - t)", "\\Delta W_{45} = \\eta \\delta_5 y_4"], names, deltas) is None


# A lab notebook's plain-text names: H1_net = x1*w1 + x2*w2 + b1, H1 = sigmoid(H1_net), one bias per layer (b1 in both
# hidden sums), targets T1, T2, E1 = 0.5*(T1 - y1)^2, delta1 by output, dE/dw5 = delta1*H1, w5_new = w5 - lr*dE/dw5.

LAB_SPEC = SPEC.replace("units = 1", "units = 2").replace("bias = false\n", "")


def _lab(seed: int) -> dict:
    rng = np.random.default_rng(seed)
    w = [float(v) for v in np.round(rng.uniform(-1, 1, 8), 2)]
    x, t = [float(v) for v in np.round(rng.uniform(0, 1, 2), 2)], [float(v) for v in np.round(rng.uniform(0, 1, 2), 2)]
    b1, b2, lr = float(np.round(rng.uniform(-0.5, 0.5), 2)), float(np.round(rng.uniform(-0.5, 0.5), 2)), 0.5
    W1, W2 = np.array(w[:4]).reshape(2, 2), np.array(w[4:]).reshape(2, 2)

    def forward(W1, W2):
        hn = W1 @ x + b1
        yn = W2 @ _sig(hn) + b2
        return hn, _sig(hn), yn, _sig(yn)

    hn, H, yn, y = forward(W1, W2)
    delta = -(np.array(t) - y) * y * (1 - y)
    dH = W2.T @ delta
    gW1, gW2 = np.outer(dH * H * (1 - H), x), np.outer(delta, H)
    fd = central_differences(lambda p: float(0.5 * np.sum((np.array(t) - forward(p["W1"], p["W2"])[3]) ** 2)),
                             {"W1": W1, "W2": W2})
    assert np.allclose(fd["W1"], gW1, atol=1e-9) and np.allclose(fd["W2"], gW2, atol=1e-9)
    return {"w": w, "x": x, "t": t, "b1": b1, "b2": b2, "lr": lr, "hn": hn, "H": H, "yn": yn, "y": y, "delta": delta,
            "dH": dH, "gW1": gW1, "gW2": gW2}


def _lab_lines(e: dict, plant: str | None) -> list[tuple[str, str]]:
    w, n = e["w"], (lambda v: f"{v:.9f}")
    out = [("given", f"x1 = {e['x'][0]}, x2 = {e['x'][1]}"),
           ("given", ", ".join(f"w{k + 1} = {v}" for k, v in enumerate(w))),
           ("given", f"b1 = {e['b1']}, b2 = {e['b2']}"), ("given", f"T1 = {e['t'][0]}, T2 = {e['t'][1]}")]
    for i, (a, b) in enumerate(((1, 2), (3, 4)), start=1):
        out += [(f"hn{i}", f"H{i}_net = x1*w{a} + x2*w{b} + b1 = {n(e['hn'][i - 1])}"),
                (f"H{i}", f"H{i} = sigmoid(H{i}_net) = {n(e['H'][i - 1])}")]
    for i, (a, b) in enumerate(((5, 6), (7, 8)), start=1):
        out += [(f"yn{i}", f"y{i}_net = H1*w{a} + H2*w{b} + b2 = {n(e['yn'][i - 1])}"),
                (f"y{i}", f"y{i} = sigmoid(y{i}_net) = {n(e['y'][i - 1])}")]
    out += [(f"E{i}", f"E{i} = 0.5*(T{i} - y{i})^2 = {n(0.5 * (e['t'][i - 1] - e['y'][i - 1]) ** 2)}") for i in (1, 2)]
    for i in (1, 2):
        slope = "(1 + y{i})" if plant == "slope" and i == 1 else "(1 - y{i})"
        value = e["delta"][0] / (1 - e["y"][0]) * (1 + e["y"][0]) if plant == "slope" and i == 1 else e["delta"][i - 1]
        out.append((f"d{i}", f"delta{i} = -(T{i} - y{i})*y{i}*{slope.format(i=i)} = {n(value)}"))
    for k, (i, j) in enumerate(((1, 1), (1, 2), (2, 1), (2, 2)), start=5):
        h = 1 if plant == "dw6" and k == 6 else j
        out.append((f"dw{k}", f"dE/dw{k} = delta{i}*H{h} = {n(e['delta'][i - 1] * e['H'][h - 1])}"))
    for i, (a, b) in enumerate(((5, 7), (6, 8)), start=1):
        out.append((f"dH{i}", f"dE/dH{i} = delta1*w{a} + delta2*w{b} = {n(e['dH'][i - 1])}"))
    for k, (i, j) in enumerate(((1, 1), (1, 2), (2, 1), (2, 2)), start=1):
        out.append((f"dw{k}", f"dE/dw{k} = dE/dH{i} * H{i}*(1 - H{i}) * x{j} = {n(e['gW1'][i - 1, j - 1])}"))
    sign = "+" if plant == "step" else "-"
    new = w[4] + (1 if plant == "step" else -1) * e["lr"] * e["gW2"][0, 0]
    out.append(("w5", f"w5_new = w5 {sign} lr*dE/dw5 = {n(new)}"))
    return out


def _plain_verdicts(tmp_path, first: str, lines: list[tuple[str, str]], lr: float) -> tuple[dict, str]:
    """The verdicts by line key of a plain-text answer (``first`` then each line, a blank line between), judged
    against the 2-2-2 sigmoid spec at rate ``lr``; the given lines are left out. Also the answer's text."""
    text, ids = [first, ""], {}
    for key, line in lines:
        text += [line, ""]
        ids[f"line {len(text) - 1}"] = key
    (tmp_path / "a.md").write_text("\n".join(text), encoding="utf-8")
    (tmp_path / "spec.toml").write_text(LAB_SPEC.format(lr=lr))
    results, _, _ = verify_file(str(tmp_path / "a.md"), str(tmp_path / "spec.toml"))
    return {ids[r.id.split("#")[0]]: r.verdict for r in results if ids.get(r.id.split("#")[0], "given") != "given"}, \
        "\n".join(text)


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("plant", [None, "slope", "dw6", "step"])
def test_a_lab_answer_in_plain_text_names(tmp_path, seed, plant):
    e = _lab(seed)
    lines = _lab_lines(e, plant)
    verdicts, text = _plain_verdicts(tmp_path, f"lr = {e['lr']}", lines, e["lr"])
    planted = {"slope": "d1", "dw6": "dw6", "step": "w5"}.get(plant)
    assert len(verdicts) == len([k for k, _ in lines if k != "given"])
    if planted:
        assert verdicts.pop(planted) == "incorrect", text
    assert set(verdicts.values()) == {"correct"}, (text, verdicts)


# Mazur's example typed in plain text: net_h1 = w1*i1 + w2*i2 + b1*1, out_h1, E_o1 = 1/2*(target_o1 - out_o1)^2,
# dE_total/dout_o1, dE_o1/dnet_o1, w5+ = w5 - eta*dE_total/dw5 (his one bias per layer; his names without braces).

def _mazur_lines(e: dict, plant: str | None) -> list[tuple[str, str]]:
    w, n = e["w"], (lambda v: f"{v:.9f}")
    W1, W2 = np.array(w[:4]).reshape(2, 2), np.array(w[4:]).reshape(2, 2)
    bias = "b2" if plant == "bias" else "b1"
    out = [("given", "Forward pass")]
    for k, (a, b) in enumerate(((1, 2), (3, 4)), start=1):
        b_used = bias if k == 2 else "b1"
        value = W1[k - 1] @ e["x"] + (e["b2"] if b_used == "b2" else e["b1"])
        out.append((f"net_h{k}", f"net_h{k} = w{a}*i1 + w{b}*i2 + {b_used}*1 = {w[a - 1]}*{e['x'][0]} + {w[b - 1]}*{e['x'][1]} + "
                                 f"{e['b2'] if b_used == 'b2' else e['b1']}*1 = {n(value)}"))
        out.append((f"out_h{k}", f"out_h{k} = 1/(1+e^(-net_h{k})) = {n(e['H'][k - 1])}"))
    for k, (a, b) in enumerate(((5, 6), (7, 8)), start=1):
        out.append((f"net_o{k}", f"net_o{k} = w{a}*out_h1 + w{b}*out_h2 + b2*1 = {w[a - 1]}*{n(e['H'][0])} + {w[b - 1]}*"
                                 f"{n(e['H'][1])} + {e['b2']}*1 = {n(e['yn'][k - 1])}"))
        out.append((f"out_o{k}", f"out_o{k} = 1/(1+e^(-net_o{k})) = {n(e['y'][k - 1])}"))
    out += [(f"E_o{k}", f"E_o{k} = 1/2*(target_o{k} - out_o{k})^2 = 1/2*({e['t'][k - 1]} - {n(e['y'][k - 1])})^2 = "
                        f"{n(0.5 * (e['t'][k - 1] - e['y'][k - 1]) ** 2)}") for k in (1, 2)]
    slope = "(1 + out_o1)" if plant == "slope" else "(1 - out_o1)"
    y = e["y"][0]
    out += [("dout", f"dE_total/dout_o1 = -(target_o1 - out_o1) = {n(-(e['t'][0] - y))}"),
            ("slope", f"dout_o1/dnet_o1 = out_o1*{slope} = {n(y * (1 + y) if plant == 'slope' else y * (1 - y))}"),
            ("dw5", f"dE_total/dw5 = dE_total/dout_o1 * dout_o1/dnet_o1 * dnet_o1/dw5 = {n(e['gW2'][0, 0])}"),
            ("w5", f"w5+ = w5 - eta*dE_total/dw5 = {n(w[4] - e['lr'] * e['gW2'][0, 0])}"),
            ("dnet", f"dE_o1/dnet_o1 = dE_o1/dout_o1 * dout_o1/dnet_o1 = {n(e['delta'][0])}")]
    weight = ("w6", W2[0, 1]) if plant == "weight" else ("w5", W2[0, 0])
    out.append(("douth", f"dE_o1/dout_h1 = dE_o1/dnet_o1 * {weight[0]} = {n(e['delta'][0] * weight[1])}"))
    out.append(("w1", f"w1+ = w1 - eta*dE_total/dw1 = {n(w[0] - e['lr'] * e['gW1'][0, 0])}"))
    return out


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("plant", [None, "bias", "slope", "weight"])
def test_mazur_typed_in_plain_text(tmp_path, seed, plant):
    e = _lab(seed)
    first = f"i1 = {e['x'][0]}, i2 = {e['x'][1]}, target_o1 = {e['t'][0]}, target_o2 = {e['t'][1]}"
    verdicts, text = _plain_verdicts(tmp_path, first, _mazur_lines(e, plant), e["lr"])
    planted = {"bias": "net_h2", "slope": "slope", "weight": "douth"}.get(plant)
    if planted:
        assert verdicts.pop(planted) == "incorrect", text
    assert set(verdicts.values()) == {"correct"}, (text, verdicts)


def test_a_lab_answer_with_in_and_out_names(tmp_path):
    """h1_in = x1*w1 + x2*w2 + b1, h1_out = sigmoid(h1_in), o1_in, o1_out: the same answer in another pair of names."""
    import re

    e = _lab(2)
    rename = [(r"H([12])_net", r"h\1_in"), (r"H([12])", r"h\1_out"), (r"y([12])_net", r"o\1_in"), (r"y([12])", r"o\1_out")]
    lines = []
    for key, line in _lab_lines(e, None):
        for old, new in rename:
            line = re.sub(old, new, line)
        lines.append((key, line))
    verdicts, text = _plain_verdicts(tmp_path, f"lr = {e['lr']}", lines, e["lr"])
    assert "h1_in = x1*w1" in text and set(verdicts.values()) == {"correct"}, (text, verdicts)


def test_a_notebook_of_code_cells_only_is_told_why(tmp_path, capsys):
    """A lab notebook whose answer is its code cell and its printed output (AbdulRehman393's): Markdown cells are what
    verify reads, and the message says so — exit 2, no traceback."""
    import json

    from gradproof.cli import main

    nb = {"nbformat": 4, "nbformat_minor": 0, "metadata": {}, "cells": [
        {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [
            {"output_type": "stream", "name": "stdout", "text": ["H1_net = 0.4700000 => H1 = sigmoid(H1_net) = 0.615383756\n"]}],
         "source": ["x1 = 0.10\n", "H1_net = x1 * w1 + x2 * w2 + b1\n"]}]}
    (tmp_path / "lab.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    (tmp_path / "spec.toml").write_text(LAB_SPEC.format(lr=0.3))
    code = main(["verify", str(tmp_path / "lab.ipynb"), "--spec", str(tmp_path / "spec.toml")])
    err = capsys.readouterr().err
    assert code == 2 and "no equations found in its Markdown cells" in err and "1 code " in err and "not judged" in err
    assert "Traceback" not in err


def test_a_numbered_delta_with_the_target_first_in_han_and_kambers_letters(tmp_path):
    """Huddar's δ_5 = O_5(1 − O_5)(t − O_5) beside Δw_{35} = η δ_5 O_3, in Han & Kamber's letters (O_j, net_j, w_{ij}):
    δ is minus the derivative by the summed input (infer's delta_sign, now for a unit numbered across the network and a
    bare target t). Before, the step was called wrong: δ was read as +∂E/∂net."""
    doc = tmp_path / "hk.md"
    doc.write_text("\n\n".join([
        "$$net_3 = w_{13} x_1 + w_{23} x_2$$", "$$O_3 = \\frac{1}{1+e^{-net_3}}$$", "$$net_4 = w_{14} x_1 + w_{24} x_2$$",
        "$$O_4 = \\frac{1}{1+e^{-net_4}}$$", "$$net_5 = w_{35} O_3 + w_{45} O_4$$", "$$O_5 = \\frac{1}{1+e^{-net_5}}$$",
        "$$\\delta_5 = O_5 (1 - O_5)(t - O_5)$$", "$$\\Delta w_{35} = \\eta \\delta_5 O_3$$"]), encoding="utf-8")
    (tmp_path / "spec.toml").write_text(SPEC.format(lr=1.0))
    results, _, _ = verify_file(str(doc), str(tmp_path / "spec.toml"))
    step = [r for r in results if "Delta" in r.latex]
    assert step and step[0].verdict != "incorrect", [(r.latex, r.verdict, r.message) for r in results]
    assert not [r for r in results if r.verdict == "incorrect"], [(r.latex, r.verdict, r.message) for r in results]
