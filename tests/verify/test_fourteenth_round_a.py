r"""Course notes and quiz solutions that set several problems in one document (smaxx73's Session 6, heldout14): each
section's numbers are read with that section's own givens.

- A LaTeX quiz-solutions document of our own in the course's notation (``\section`` per question, ``tabular`` rows of
  inline math, ``align*`` steps ``w \leftarrow …``): a loss ``L = u^2`` of its own function and a chain rule at
  ``x = 2`` come first, then the one-neuron forward and backward pass on "Parameters: w = 0.6, b = 0.2, x = 1.2,
  y = 0", with ``e = \hat{y} - y`` and ``L = e^2``; then a question about another, two-layer network (δ⁽²⁾ given).
- A notebook of our own (Markdown ``##`` sections): a one-neuron exercise (x = 2), the 2-2-1 network's worked step
  (``x = [1, 2]^T``), then an exercise on a 1-1-1 network with scalar weights w_1, w_2 whose updates are written with
  a plain ``=`` (``w_2 = -0.8 - 0.5 \times 0.1 = -0.85``).
- A second public worked example in its author's notation: CSCN8010's backpropagation notebook (a 1-1-1 sigmoid
  network, ``y_{\text{target}}``, α = 0.1, numbers to three decimals), with its own slip (L ≈ 0.083 for 0.087).

Every number is computed here with NumPy and the gradients confirmed by central differences; the expected verdicts
are decided by hand from them (a number is right to the digits written, or one unit of its last digit), never from
verify's output. Planted wrong numbers stay ``incorrect``."""

from __future__ import annotations

import numpy as np
from conftest import central_differences
from helpers_verify import spec_text


def sig(v):
    return 1 / (1 + np.exp(-v))


def f4(v: float) -> str:
    return f"{v:.4f}"


def judged(tmp_path, name: str, body: str, spec: str) -> tuple[list, dict]:
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(spec)
    (tmp_path / name).write_text(body)
    results, meta, _ = verify_file(str(tmp_path / name), str(tmp_path / "spec.toml"))
    return results, meta


def verdict_of(results, text: str) -> str:
    """The verdict of the claims whose LaTeX holds ``text`` (spaces ignored; ŷ ≈ 0.7150 and e ≈ 0.7150 alike when
    y = 0): their one verdict, or all of them joined when they differ."""
    found = {r.verdict for r in results if text.replace(" ", "") in r.latex.replace(" ", "")}
    assert found, (text, [(r.id, r.latex) for r in results])
    return found.pop() if len(found) == 1 else "/".join(sorted(found))


# -- the quiz solutions: one sigmoid neuron, L = e^2, one step with eta = 0.5 ------------------------------------------

QUIZ_SPEC = spec_text("quiz", 1, (1, "sigmoid"), loss="sum_squared_error", learning_rate=0.5)
W, B, X, Y, ETA = 0.6, 0.2, 1.2, 0.0, 0.5


def neuron_numbers() -> dict:
    """The one-neuron example's numbers (NumPy), its gradients confirmed by central differences."""
    z = W * X + B
    yh = sig(z)
    e = yh - Y
    grads = {"w": 2 * e * yh * (1 - yh) * X, "b": 2 * e * yh * (1 - yh)}
    fd = central_differences(lambda p: float((sig(p["w"][0] * X + p["b"][0]) - Y) ** 2),
                             {"w": np.array([W]), "b": np.array([B])})
    assert abs(fd["w"][0] - grads["w"]) < 1e-8 and abs(fd["b"][0] - grads["b"]) < 1e-8
    return {"z": z, "yh": yh, "e": e, "L": e ** 2, "gz": grads["b"], "gw": grads["w"],
            "wn": W - ETA * grads["w"], "bn": B - ETA * grads["b"]}


def quiz(n: dict, plant: dict | None = None) -> str:
    p = {**{k: f4(v) for k, v in n.items()}, **(plant or {})}
    sign = p.get("sign", "-")
    return rf"""\documentclass{{article}}
\begin{{document}}
\section{{Derivative of a Loss}}
Let $u = 3 - w$, so $L = u^2$. By the chain rule:
$$\frac{{dL}}{{dw}} = 2u \cdot \frac{{du}}{{dw}} = -2(3 - w)$$

\section{{Chain Rule --- Numerical}}
Let $u = 2x + 1$, so $y = u^3$. At $x = 2$: $u = 5$, so:
$$\frac{{dy}}{{dx}}\bigg|_{{x=2}} = 6 \times 5^2 = 150$$

\section{{Forward Pass by Hand}}
Parameters: $w = 0.6$, $b = 0.2$, $x = 1.2$, $y = 0$.

\begin{{tabular}}{{cccc}}
1 & $z = wx + b$ & $0.6 \times 1.2 + 0.2$ & $0.92$ \\
2 & $\hat{{y}} = \sigma(z)$ & $\sigma(0.92)$ & $\approx {p['yh']}$ \\
3 & $e = \hat{{y}} - y$ & ${p['yh']} - 0$ & $\approx {p['e']}$ \\
4 & $L = e^2$ & $({p['e']})^2$ & $\approx {p['L']}$ \\
\end{{tabular}}

\section{{Backward Pass by Hand}}
\begin{{tabular}}{{ccc}}
0 & $\dfrac{{\partial L}}{{\partial e}} = {p.get('de', '2e')}$ & $2 \times {p['e']} \approx {f4(2 * n['e'])}$ \\
1 & $\dfrac{{\partial L}}{{\partial w}} = \dfrac{{\partial L}}{{\partial z}} \cdot x$ & ${p['gz']} \times 1.2 \approx {p['gw']}$ \\
\end{{tabular}}

\begin{{align*}}
w &\leftarrow 0.6 {sign} 0.5 \times {p['gw']} = {p['wn']} \\
b &\leftarrow 0.2 - 0.5 \times {p['gz']} = {p['bn']}
\end{{align*}}

\section{{Error Signal}}
Given $\delta^{{(2)}} = -0.20$, $z^{{(1)}} = [0.6, -0.3]^T$.
$$\delta^{{(1)}} \approx \begin{{bmatrix}} -0.0275 \\ 0.0196 \end{{bmatrix}}$$
\end{{document}}
"""


def test_quiz_questions_are_judged_on_their_own_givens(tmp_path):
    n = neuron_numbers()
    results, meta = judged(tmp_path, "quiz.tex", quiz(n), QUIZ_SPEC)
    assert meta["mode"] == "numeric"
    assert not any("objective" in note for note in meta["notation"])  # L = u² of its own u is no scale of the loss
    for text in ("z = wx + b", rf"\approx {f4(n['yh'])}", rf"\approx {f4(n['L'])}", rf"\approx {f4(n['gw'])}",
                 rf"= {f4(n['wn'])}", rf"= {f4(n['bn'])}"):
        assert verdict_of(results, text) == "correct", text
    assert verdict_of(results, "L = e^2") == "correct"  # e = ŷ − y, the answer's error: e² its square, not Euler's
    assert verdict_of(results, r"\partial e} = 2e") == "correct"  # ∂L/∂e of e = ŷ − y: ∂L/∂ŷ
    # the chain rule at x = 2 and the two-layer network's δ are other problems: not judged on the neuron's numbers
    assert verdict_of(results, "= 150") == "unchecked"
    assert verdict_of(results, "-0.0275") == "unchecked"


def test_planted_numbers_in_the_quiz_are_wrong(tmp_path):
    n = neuron_numbers()
    assert abs(0.7250 - n["yh"]) > 0.005 and abs(0.5213 - n["L"]) > 0.005
    results, _ = judged(tmp_path, "quiz.tex", quiz(n, {"yh": "0.7250"}), QUIZ_SPEC)
    assert verdict_of(results, r"\approx 0.7250") == "incorrect"
    results, _ = judged(tmp_path, "quiz.tex", quiz(n, {"L": "0.5213"}), QUIZ_SPEC)
    assert verdict_of(results, r"\approx 0.5213") == "incorrect"
    results, _ = judged(tmp_path, "quiz.tex", quiz(n, {"de": "e"}), QUIZ_SPEC)  # ∂L/∂e = e: the 2 dropped
    assert verdict_of(results, r"\partial e} = e") == "incorrect"
    results, _ = judged(tmp_path, "quiz.tex", quiz(n, {"sign": "+"}), QUIZ_SPEC)  # w ← 0.6 + 0.5 × ∂L/∂w
    assert verdict_of(results, rf"0.6 + 0.5 \times {f4(n['gw'])}") == "incorrect"


# -- the notebook: a 2-2-1 worked step, then a 1-1-1 exercise with scalar weights ----------------------------------------

NB_SPEC = spec_text("nb", 2, (2, "sigmoid"), (1, "sigmoid"), loss="sum_squared_error", learning_rate=0.5)
W1 = np.array([[0.2, -0.4], [0.7, 0.1]])
B1 = np.array([0.0, 0.1])
W2 = np.array([[0.5, -0.3]])
B2 = np.array([0.1])
XV, YV = np.array([1.0, 2.0]), 0.0
TINY = {"w1": 0.3, "b1": 0.1, "w2": -0.8, "b2": 0.2, "x": 2.0, "y": 1.0}


def network_numbers() -> dict:
    z1 = W1 @ XV + B1
    a1 = sig(z1)
    z2 = W2 @ a1 + B2
    yh = sig(z2)
    d2 = -2 * (YV - yh) * yh * (1 - yh)
    dw2 = np.outer(d2, a1)

    def loss(p):
        return float(((sig(p["W2"] @ sig(p["W1"] @ XV + B1) + B2) - YV) ** 2)[0])
    fd = central_differences(loss, {"W1": W1.copy(), "W2": W2.copy()})
    assert np.allclose(fd["W2"], dw2, atol=1e-8)
    return {"z1": z1, "a1": a1, "yh": yh[0], "d2": d2[0], "dw2": dw2[0]}


def tiny_numbers() -> dict:
    t = TINY
    z1 = t["w1"] * t["x"] + t["b1"]
    a1 = sig(z1)
    z2 = t["w2"] * a1 + t["b2"]
    yh = sig(z2)
    d2 = -2 * (t["y"] - yh) * yh * (1 - yh)
    gw2 = d2 * a1

    def loss(p):
        return float((t["y"] - sig(p["w2"][0] * sig(t["w1"] * t["x"] + t["b1"]) + t["b2"])) ** 2)
    assert abs(central_differences(loss, {"w2": np.array([t["w2"]])})["w2"][0] - gw2) < 1e-8
    return {"z1": z1, "a1": a1, "z2": z2, "yh": yh, "d2": d2, "gw2": gw2}


def mat_row(v) -> str:
    return r"\begin{bmatrix} " + " & ".join(f4(x) for x in v) + r" \end{bmatrix}"


def vec(v) -> str:
    return r"\begin{bmatrix} " + r" \\ ".join(f4(x) for x in v) + r" \end{bmatrix}"


def notebook(n: dict, t: dict, plant: dict | None = None, complete: bool = True) -> str:
    plant = plant or {}
    a1, z2, gw2 = f4(t["a1"]), plant.get("z2", f4(t["z2"])), f4(t["gw2"])
    new_w2 = plant.get("new_w2", f4(TINY["w2"] - 0.5 * float(gw2)))
    given = r"$w_1 = 0.3$, $b_1 = 0.1$, $w_2 = -0.8$" + (r", $b_2 = 0.2$" if complete else "")
    one = t["yh"] if plant.get("sp1") else t["a1"]  # planted: the output's numbers for σ'(z_1)
    sp1 = (f4(one), f4(1 - one), f4(one * (1 - one)))
    return "\n\n".join([
        "# Backpropagation",
        "## 0. Recap",  # bare letters: read as the hidden layer's (infer's unindexed_layer)
        r"$$a = \sigma(z)$$", "$$z = W x + b$$",
        r"$$\frac{\partial L}{\partial z} = \frac{\partial L}{\partial a} \odot \sigma'(z)$$",
        "## 1. Exercise: one neuron",
        "Given: $x = 2$, $w = 0.5$, $b = -0.5$, $y = 1$",
        "$$z = wx + b = 0.5$$",
        "## 2. A worked step",
        r"$$W^{(1)} = \begin{bmatrix} 0.2 & -0.4 \\ 0.7 & 0.1 \end{bmatrix}, \quad b^{(1)} = \begin{bmatrix} 0.0 \\ 0.1 \end{bmatrix}$$",
        r"$$W^{(2)} = \begin{bmatrix} 0.5 & -0.3 \end{bmatrix}, \quad b^{(2)} = 0.1$$",
        "**Input:** $x = [1, 2]^T$, **Target:** $y = 0$",
        rf"$$z^{{(1)}} = W^{{(1)}} x + b^{{(1)}} = {vec(n['z1'])}$$",
        rf"$$a^{{(1)}} = \sigma(z^{{(1)}}) \approx {vec(n['a1'])}$$",
        rf"$$\hat{{y}} = a^{{(2)}} \approx {f4(n['yh'])}$$",
        rf"**Sigmoid derivative:** $\sigma'(z) = \sigma(z)(1 - \sigma(z)) = {f4(n['yh'])} \times {f4(1 - n['yh'])} = "
        rf"{f4(n['yh'] * (1 - n['yh']))}$",
        rf"$$\delta^{{(2)}} \approx {f4(n['d2'])}$$",
        rf"$$\frac{{\partial L}}{{\partial W^{{(2)}}}} = \delta^{{(2)}} (a^{{(1)}})^T = "
        rf"\begin{{bmatrix}} {f4(n['dw2'][0])} & {f4(n['dw2'][1])} \end{{bmatrix}}$$",
        rf"$$W^{{(2)}} \leftarrow W^{{(2)}} - \eta \frac{{\partial L}}{{\partial W^{{(2)}}}} = {mat_row(W2[0] - 0.5 * n['dw2'])}$$",
        "## 4. Final parameters",  # the value after the step: the same shape, other numbers — not a problem of its own
        rf"$$W^{{(2)}} = {mat_row(W2[0] - 0.5 * n['dw2'])}$$",
        "## 3. Exercise: a tiny network",
        "- " + given,
        "- Input: $x = 2.0$, Target: $y = 1$",
        r"- $z_1 = w_1 \cdot x + b_1 = 0.3 \times 2.0 + 0.1 = 0.7$",
        rf"- $a_1 = \sigma(0.7) \approx {a1}$",
        (rf"- $z_2 = w_2 \cdot a_1 + b_2 = {z2}$" if plant.get("bare_z2") else
         rf"- $z_2 = w_2 \cdot a_1 + b_2 = -0.8 \times {a1} + 0.2 = {z2}$"),
        rf"- $\sigma'(z_1) = {sp1[0]} \times {sp1[1]} = {sp1[2]}$",
        rf"- $\frac{{\partial L}}{{\partial w_2}} = \delta^{{(2)}} \cdot a_1 = {f4(t['d2'])} \times {a1} = {gw2}$",
        rf"- $w_2 = -0.8 - 0.5 \times {gw2} = {new_w2}$",
    ]) + "\n"


def test_a_notebook_judges_each_example_on_its_own_network(tmp_path):
    n, t = network_numbers(), tiny_numbers()
    results, meta = judged(tmp_path, "nb.md", notebook(n, t), NB_SPEC)
    assert meta["mode"] == "numeric"  # x = [1, 2]^T: a list with its transpose
    for text in (r"z^{(1)} = W^{(1)} x", r"a^{(1)} = \sigma", rf"\approx {f4(n['yh'])}", rf"\approx {f4(n['d2'])}",
                 r"\sigma'(z) = \sigma(z)",  # a bare z with one number: the output's (the hidden layer has two units)
                 r"W^{(2)} \leftarrow", f"W^{{(2)}} = {mat_row(W2[0] - 0.5 * n['dw2'])}",
                 rf"{f4(n['dw2'][0])} & {f4(n['dw2'][1])}"):
        assert verdict_of(results, text) == "correct", text
    assert verdict_of(results, "z = wx + b = 0.5") == "unchecked"  # the one-neuron exercise: its own x = 2
    # the tiny network's claims, on its own numbers (scalar weights w_1, w_2; the step written with a plain =)
    for text in ("= 0.7", rf"\approx {f4(t['a1'])}", rf"= {f4(t['z2'])}", rf"= {f4(t['gw2'])}", r"w_2 = -0.8 - 0.5",
                 r"\sigma'(z_1)"):
        assert verdict_of(results, text) == "correct", text


def test_planted_numbers_in_the_tiny_exercise_are_wrong(tmp_path):
    n, t = network_numbers(), tiny_numbers()
    results, _ = judged(tmp_path, "nb.md", notebook(n, t, {"sp1": True}), NB_SPEC)
    assert abs(t["yh"] * (1 - t["yh"]) - t["a1"] * (1 - t["a1"])) > 0.005
    assert verdict_of(results, r"\sigma'(z_1)") == "incorrect"  # a number for the 1×1 σ'(z_1): its one entry
    results, _ = judged(tmp_path, "nb.md", notebook(n, t, {"new_w2": f4(TINY["w2"] + 0.5 * t["gw2"])}), NB_SPEC)
    assert verdict_of(results, r"w_2 = -0.8 - 0.5") == "incorrect"  # the step's result with its sign slipped


def test_a_tiny_exercise_whose_forward_pass_fails_is_not_judged(tmp_path):
    """A wrong z_2 in the exercise: the section's own forward pass does not bear the one-unit network out (it might be
    another network, with other activations), so none of its claims is judged — the step after it neither."""
    n, t = network_numbers(), tiny_numbers()
    wrong_z2 = f4(t["z2"] + 0.05)
    results, _ = judged(tmp_path, "nb.md", notebook(n, t, {"z2": wrong_z2}), NB_SPEC)
    for text in (f"= {wrong_z2}", "= 0.7", r"w_2 = -0.8 - 0.5"):
        assert verdict_of(results, text) == "unchecked", text


def test_a_tiny_exercise_without_all_its_values_is_not_judged(tmp_path):
    """b_2 not given: the section's example is incomplete, so its claims are not judged — neither on the tiny network
    nor on the worked example's numbers (whose x, y differ). Where the exercise puts b_2's number into z_2's formula
    (−0.8 × a_1 + 0.2), that is b_2 given (round 43, ownvalues._put_in), and the exercise is judged."""
    n, t = network_numbers(), tiny_numbers()
    results, _ = judged(tmp_path, "nb.md", notebook(n, t, {"bare_z2": True}, complete=False), NB_SPEC)
    for text in ("= 0.7", rf"= {f4(t['z2'])}", r"w_2 = -0.8 - 0.5"):
        assert verdict_of(results, text) == "unchecked", text
    results, _ = judged(tmp_path, "nb.md", notebook(n, t, complete=False), NB_SPEC)
    for text in ("= 0.7", rf"= {f4(t['z2'])}", r"w_2 = -0.8 - 0.5"):
        assert verdict_of(results, text) == "correct", text


# -- a second public worked example: CSCN8010's backpropagation notebook (a 1-1-1 sigmoid network) ---------------------

CSCN_SPEC = spec_text("cscn", 1, (1, "sigmoid"), (1, "sigmoid"), loss="squared_error", learning_rate=0.1)

#: github.com/CSCN8010/CSCN8010, dl_class_notebooks/backpropagation.ipynb: its Markdown cell, verbatim but excerpted (the
#: z_2, ∂a_2/∂z_2, ∂L/∂w_2, ∂L/∂a_1, ∂a_1/∂z_1, ∂L/∂w_1, ∂L/∂b_1 lines and the b_1, w_2 steps left out: each
#: carries a number a unit and a half off, a TA's call), the loss written LOSS
CSCN = r"""1. **Initialize the Network Parameters**:
   Let's assume we have:
   - Input data: $x = 0.5$
   - Target output: $y_{\text{target}} = 1$
   - Random initial weights and biases for the hidden layer:
     - $w_1 = 0.4$
     - $b_1 = 0.5$
   - Random initial weights and bias for the output layer:
     - $w_2 = 0.8$
     - $b_2 = -0.2$

2. **Forward Pass**:
   - Compute the weighted sum and activation for the hidden layer:

      $z_1 = w_1 \cdot x + b_1 = 0.4 \cdot 0.5 + 0.5 = 0.7$

     $a_1 = \text{sigmoid}(z_1) = \frac{1}{1 + e^{-z_1}} = \frac{1}{1 + e^{-0.7}} \approx 0.668$

   - Compute the weighted sum and activation for the output layer:

     $a_2 = \text{sigmoid}(z_2) = \frac{1}{1 + e^{-z_2}} = \frac{1}{1 + e^{-0.333}} \approx 0.583$

3. **Compute Loss**:
   - Compute the loss using a simple squared error loss function:

     $L = \frac{1}{2}(y_{\text{target}} - a_2)^2 = \frac{1}{2}(1 - 0.583)^2 \approx LOSS$

4. **Backpropagation**:
   - Compute the gradient of the loss with respect to the output layer activation:

     $\frac{\partial L}{\partial a_2} = -(y_{\text{target}} - a_2) = -(1 - 0.583) = -0.417$

""" + (r"     $\frac{\partial L}{\partial b_2} = \frac{\partial L}{\partial a_2} \cdot \frac{\partial a_2}{\partial z_2} = "
       r"(-0.417) \cdot 0.244 \approx -0.102$") + r"""

5. **Update Weights and Bias**:

   $w_1 \leftarrow w_1 - \alpha \cdot \frac{\partial L}{\partial w_1} = 0.4 - 0.1 \cdot (-0.009) \approx 0.401$

   $b_2 \leftarrow b_2 - \alpha \cdot \frac{\partial L}{\partial b_2} = -0.2 - 0.1 \cdot (-0.102) \approx -0.189$
"""


def test_a_second_public_worked_example_with_scalar_weights(tmp_path):
    """The post's numbers hold to their digits (one unit of the last), except its own slip: ½ (1 − 0.583)² is 0.0869,
    written 0.083. A planted 0.087 for the loss is right."""
    a1 = sig(0.7)
    a2 = sig(0.8 * a1 - 0.2)
    loss = 0.5 * (1 - 0.583) ** 2
    gb2 = -(1 - a2) * a2 * (1 - a2)
    gw1 = gb2 * 0.8 * a1 * (1 - a1) * 0.5

    def cost(p):
        return float(0.5 * (1 - sig(p["w2"][0] * sig(p["w1"][0] * 0.5 + p["b1"][0]) + p["b2"][0])) ** 2)
    fd = central_differences(cost, {"w1": np.array([0.4]), "b1": np.array([0.5]), "w2": np.array([0.8]),
                                    "b2": np.array([-0.2])})
    assert abs(fd["b2"][0] - gb2) < 1e-8 and abs(fd["w1"][0] - gw1) < 1e-8
    assert abs(a1 - 0.668) < 5e-4 and abs(a2 - 0.583) < 5e-4 and abs(loss - 0.083) > 0.003
    assert abs(gb2 + 0.102) < 1e-3 and abs(gw1 + 0.009) < 5e-4
    results, meta = judged(tmp_path, "cscn.md", CSCN.replace("LOSS", "0.083"), CSCN_SPEC)
    assert meta["mode"] == "numeric"
    for text in ("= 0.7", r"\approx 0.668", r"\approx 0.583", "= -0.417", r"\approx -0.102", r"\approx 0.401",
                 r"\approx -0.189"):
        assert verdict_of(results, text) == "correct", text
    assert verdict_of(results, r"\approx 0.083") == "incorrect"  # the author's slip
    results, _ = judged(tmp_path, "cscn.md", CSCN.replace("LOSS", "0.087"), CSCN_SPEC)
    assert verdict_of(results, r"\approx 0.087") == "correct"


def test_many_tiny_exercises_stay_bounded(tmp_path):
    """Twelve exercise sections, each a complete one-unit example: at most sections.MAX_APART of them are judged on
    their own tiny network (one derivation, a judge each); the claims of the rest stay unchecked."""
    from gradproof.verify.sections import APART, MAX_APART

    n, t = network_numbers(), tiny_numbers()
    head = notebook(n, t).split("## 3. Exercise")[0]
    parts = [head]
    for k in range(12):
        x = 1.0 + k / 10
        z1 = 0.3 * x + 0.1
        parts.append(f"## {k + 5}. Exercise {k}\n\n- $w_1 = 0.3$, $b_1 = 0.1$, $w_2 = -0.8$, $b_2 = 0.2$\n"
                     f"- Input: $x = {x:.1f}$, Target: $y = 1$\n- $z_1 = w_1 \\cdot x + b_1 = {z1:.4f}$\n")
    results, _ = judged(tmp_path, "nb.md", "\n\n".join(parts), NB_SPEC)
    mine = [r for r in results if r.latex.startswith("z_1 = w_1")]
    assert len(mine) == 12
    apart = [r for r in mine if APART in r.notes]
    assert 1 <= len(apart) <= MAX_APART and all(r.verdict == "correct" for r in apart)
    assert all(r.verdict == "unchecked" for r in mine if r not in apart)
