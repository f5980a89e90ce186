"""A worked example whose given numbers are written entry by entry in the author's own letters (Mazur's "A Step by
Step Backpropagation Example": inputs i_1, i_2, targets target_{o1}, weights w_1 … w_8, one bias per layer b_1, b_2):
the document is judged numerically on those numbers, as one whose values are written as matrices is (ownvalues.py).
Before the eleventh round every number stayed unchecked ("the spec gives no [values]"). Each stated number is
recomputed below by NumPy from Mazur's network (not by gradproof); planted copies change three numbers."""

from __future__ import annotations

import numpy as np

SPEC = """name = "mazur"
convention = "row"
inputs = 2
layers = [{units = 2, activation = "sigmoid"}, {units = 2, activation = "sigmoid"}]
[loss]
name = "squared_error"
[optimizer]
name = "sgd"
learning_rate = 0.5
"""

DOC = r"""# A step by step backpropagation example

Inputs $i_1 = 0.05$, $i_2 = 0.10$; targets $target_{o1} = 0.01$, $target_{o2} = 0.99$.
Weights $w_1 = 0.15$, $w_2 = 0.20$, $w_3 = 0.25$, $w_4 = 0.30$, $b_1 = 0.35$,
$w_5 = 0.40$, $w_6 = 0.45$, $w_7 = 0.50$, $w_8 = 0.55$, $b_2 = 0.60$.

## Forward pass

$$net_{h1} = w_1 * i_1 + w_2 * i_2 + b_1 * 1 = 0.15 * 0.05 + 0.2 * 0.1 + 0.35 * 1 = 0.3775$$
$$out_{h1} = \frac{1}{1+e^{-net_{h1}}} = \frac{1}{1+e^{-0.3775}} = 0.593269992$$
$$out_{h2} = 0.596884378$$
$$net_{o1} = w_5 * out_{h1} + w_6 * out_{h2} + b_2 * 1 = 1.105905967$$
$$out_{o1} = 0.75136507$$
$$out_{o2} = 0.772928465$$
$$E_{total} = \sum \frac{1}{2}(target - output)^{2} = 0.298371109$$

## Backward pass

$$\frac{\partial E_{total}}{\partial out_{o1}} = -(target_{o1} - out_{o1}) = -(0.01 - 0.75136507) = 0.74136507$$
$$\frac{\partial out_{o1}}{\partial net_{o1}} = out_{o1}(1 - out_{o1}) = 0.75136507(1 - 0.75136507) = 0.186815602$$
$$\frac{\partial net_{o1}}{\partial w_5} = out_{h1} = 0.593269992$$
$$\frac{\partial E_{total}}{\partial w_5} = 0.74136507 * 0.186815602 * 0.593269992 = 0.082167041$$
$$w_5^{+} = w_5 - \eta * \frac{\partial E_{total}}{\partial w_5} = 0.4 - 0.5 * 0.082167041 = 0.35891648$$
$$\frac{\partial E_{total}}{\partial w_1} = 0.000438568$$
$$w_1^{+} = 0.149780716$$
"""

#: (the faithful text, the planted text, why): a digit slipped in σ', the update's sign, a decimal place in ∂E/∂w_1
PLANTED = [("0.75136507(1 - 0.75136507) = 0.186815602", "0.75136507(1 - 0.75136507) = 0.196815602", "line 20"),
           ("= 0.4 - 0.5 * 0.082167041 = 0.35891648", "= 0.4 + 0.5 * 0.082167041 = 0.44108352", "line 23"),
           ("= 0.000438568$$", "= 0.00438568$$", "line 24")]


def mazur():
    """Mazur's network by hand: w_1 … w_4 into h_1, h_2 (w_1: i_1 → h_1, w_2: i_2 → h_1), w_5 … w_8 into o_1, o_2."""
    s = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    x, t = np.array([0.05, 0.10]), np.array([0.01, 0.99])
    W1, W2 = np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([[0.40, 0.45], [0.50, 0.55]])
    h = s(W1 @ x + 0.35)
    o = s(W2 @ h + 0.60)
    d2 = (o - t) * o * (1 - o)
    d1 = (W2.T @ d2) * h * (1 - h)
    return {"net_h1": (W1 @ x + 0.35)[0], "out_h1": h[0], "out_h2": h[1], "net_o1": (W2 @ h + 0.6)[0], "out_o1": o[0],
            "out_o2": o[1], "E": 0.5 * np.sum((t - o) ** 2), "dE_dout_o1": o[0] - t[0], "dout_dnet": o[0] * (1 - o[0]),
            "dE_dw5": d2[0] * h[0], "w5_new": 0.40 - 0.5 * d2[0] * h[0], "dE_dw1": d1[0] * x[0],
            "w1_new": 0.15 - 0.5 * d1[0] * x[0]}


def _verdicts(tmp_path, text: str) -> dict:
    from gradproof.verify.cli import verify_file

    (tmp_path / "net.toml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "mazur.md").write_text(text, encoding="utf-8")
    results, meta, _s = verify_file(str(tmp_path / "mazur.md"), str(tmp_path / "net.toml"))
    assert meta["mode"] == "numeric"
    return {r.id: r.verdict for r in results}


def test_the_oracle_confirms_mazurs_numbers():
    m = mazur()
    stated = {"net_h1": 0.3775, "out_h1": 0.593269992, "out_h2": 0.596884378, "net_o1": 1.105905967,
              "out_o1": 0.75136507, "out_o2": 0.772928465, "E": 0.298371109, "dE_dout_o1": 0.74136507,
              "dout_dnet": 0.186815602, "dE_dw5": 0.082167041, "w5_new": 0.35891648, "dE_dw1": 0.000438568,
              "w1_new": 0.149780716}
    for k, v in stated.items():
        assert abs(m[k] - v) <= 1e-8 + 1e-6 * abs(v), (k, m[k], v)
    # each planted number is off by more than its tolerance (half a unit in the last digit, or 1 %)
    assert abs(m["dout_dnet"] - 0.196815602) > 0.005 and abs(m["w5_new"] - 0.44108352) > 0.05
    assert abs(m["dE_dw1"] - 0.00438568) > 1e-3


def test_mazurs_example_is_judged_on_its_own_numbers(tmp_path):
    got = _verdicts(tmp_path, DOC)
    assert set(got.values()) == {"correct"}, got


def test_mazurs_example_with_planted_numbers(tmp_path):
    text = DOC
    for right, wrong, _ in PLANTED:
        assert right in text
        text = text.replace(right, wrong)
    got = _verdicts(tmp_path, text)
    assert sorted(k for k, v in got.items() if v != "correct") == sorted(cid for *_, cid in PLANTED), got
    assert all(got[cid] == "incorrect" for *_, cid in PLANTED)


def test_a_missing_weight_leaves_the_example_symbolic(tmp_path):
    """Only complete examples count: without w_8 the numbers are not compared with the network's."""
    from gradproof.verify.cli import verify_file

    (tmp_path / "net.toml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "mazur.md").write_text(DOC.replace("$w_8 = 0.55$, ", ""), encoding="utf-8")
    _results, meta, _s = verify_file(str(tmp_path / "mazur.md"), str(tmp_path / "net.toml"))
    assert meta["mode"] == "symbolic"
