r"""A numeric worked example in a notebook's row-vector notation (pythonandml's dlbook §2.12 style, heldout13's
``dlbook_numeric``): the given values typed inline as lists (``x = [0.5, -1, 2]``), the biases as columns added
transposed (``z_1 = a_0 W_1 + b_1^T``), ``\frac{\partial J}{\partial b_1} = \sum \delta_1`` written as a column, and an
update ``W_1 := W_1 - \frac{\eta}{m} …`` continued by ``\therefore W_1 = [numbers] - 0.01 [numbers]`` and
``\therefore W_1 = [numbers]``.

The document is typed here with numbers of our own (a 3-2-2 sigmoid network, one example, squared error, η = 0.01),
every number computed by NumPy and the gradients confirmed by central differences; the planted mistakes (a wrong
step sign, a number off by two units of the step's digits, a b^T beside b added untransposed) keep their verdicts.
The expected verdicts are decided by hand from those numbers, never from verify's output."""

from __future__ import annotations

import numpy as np
from conftest import central_differences


def spec(convention: str, sizes: tuple, loss: str, rate: float) -> str:
    """A spec's text: sigmoid layers of ``sizes[1:]`` units on ``sizes[0]`` inputs, SGD at ``rate``."""
    layers = ", ".join(f'{{units = {n}, activation = "sigmoid"}}' for n in sizes[1:])
    return (f'name = "nb"\ntitle = "a sigmoid network"\nconvention = "{convention}"\ninputs = {sizes[0]}\n'
            f'layers = [{layers}]\nloss = {{name = "{loss}"}}\noptimizer = {{name = "sgd", learning_rate = {rate}}}\n')


SPEC = spec("column", (3, 2, 2), "squared_error", 0.01)  # the notebook's rows: z = a W + b^T, W (in, out)

X = np.array([[0.5, -1.0, 2.0]])
Y = np.array([[0.2, 0.7]])
W1 = np.array([[0.3, -0.2], [0.1, 0.4], [-0.5, 0.2]])
B1 = np.array([[0.1], [-0.1]])  # columns, as the notebook keeps them
W2 = np.array([[0.6, -0.3], [0.2, 0.5]])
B2 = np.array([[0.05], [0.05]])
ETA = 0.01


def sig(v):
    return 1 / (1 + np.exp(-v))


def forward(p):
    z1 = X @ p["W1"] + p["b1"].T
    a1 = sig(z1)
    z2 = a1 @ p["W2"] + p["b2"].T
    return z1, a1, z2, sig(z2)


def loss(p):
    return 0.5 * float(np.sum((forward(p)[3] - Y) ** 2))


def mat(m, digits: int = 4) -> str:
    m = np.atleast_2d(m)
    rows = [" & ".join(f"{v:.{digits}f}".rstrip("0").rstrip(".") if v else "0" for v in r) for r in m]
    return "\\begin{bmatrix} " + " \\\\ ".join(rows) + " \\end{bmatrix}"


def quantities():
    p = {"W1": W1.copy(), "b1": B1.copy(), "W2": W2.copy(), "b2": B2.copy()}
    z1, a1, z2, a2 = forward(p)
    d2 = (a2 - Y) * a2 * (1 - a2)
    d1 = (d2 @ W2.T) * a1 * (1 - a1)
    grads = {"W1": X.T @ d1, "b1": d1.sum(axis=0).reshape(-1, 1), "W2": a1.T @ d2, "b2": d2.sum(axis=0).reshape(-1, 1)}
    fd = central_differences(loss, p)
    assert all(np.allclose(grads[k], fd[k], atol=1e-8) for k in grads)  # the oracle: central differences
    return {"z1": z1, "a1": a1, "z2": z2, "a2": a2, "d1": d1, "d2": d2, **{f"d{k}": g for k, g in grads.items()}}


def notebook(q: dict, plant: dict | None = None) -> str:
    """The worked example as Markdown (the notebook's cells), each display on its own line number."""
    plant = plant or {}
    new_w1 = W1 - ETA * q["dW1"]
    new_b2 = B2 - ETA * q["db2"]
    step_sign = plant.get("sign", "-")
    new_w1_written = new_w1 + plant.get("off", 0.0)
    before = "W_1" if plant.get("letter") else mat(W1, 1)  # the row names W_1 (its value before the step) or its numbers
    parts = [
        "Given values: input $x = [0.5, -1, 2]$, $y = [0.2, 0.7]$",
        f"$$W_1 = {mat(W1, 1)}$$", f"$$b_1 = {mat(B1.T if plant.get('row_b1') else B1, 1)}$$",
        f"$$W_2 = {mat(W2, 1)}$$", f"$$b_2 = {mat(B2, 2)}$$",
        "$$z_1 = a_0 W_1 + b_1^T$$" if not plant.get("plain_bias") else "$$z_1 = a_0 W_1 + b_1$$",
        f"$$\\therefore z_1 = {mat(q['z1'])}$$",
        f"$$a_1 = f_1(z_1) = {mat(q['a1'])}$$",
        "$$z_2 = a_1 W_2 + b_2^T$$",
        f"$$a_2 = f_2(z_2) = {mat(q['a2'])}$$",
        "$$\\delta_2 = (a_2 - y) \\odot f'_2(z_2)$$",
        f"$$\\delta_2 = {mat(q['d2'])}$$",
        "$$\\delta_1 = (\\delta_2 W_2^T) \\odot f'_1(z_1)$$",
        "$$\\frac{\\partial J}{\\partial W_1} = a_0^T \\delta_1$$",
        f"$$\\frac{{\\partial J}}{{\\partial W_1}} = {mat(q['dW1'])}$$",
        f"$$\\frac{{\\partial J}}{{\\partial b_2}} = \\sum \\delta_2 = {mat(q['db2'])}$$",
        "$$W_1 := W_1 - \\frac{\\eta}{m} \\frac{\\partial J}{\\partial W_1}$$",
        f"$$\\therefore W_1 = {before} {step_sign} 0.01 {mat(q['dW1'])}$$",
        f"$$\\therefore W_1 = {mat(new_w1_written, 5)}$$",
        "$$b_2 := b_2 - \\frac{\\eta}{m} \\frac{\\partial J}{\\partial b_2}$$",
        f"$$\\therefore b_2 = {mat(B2 if plant.get('rounded') else new_b2, 2 if plant.get('rounded') else 5)}$$",
    ]
    return "\n\n".join(parts) + "\n"


def judged(tmp_path, body: str) -> dict:
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(SPEC)
    (tmp_path / "nb.md").write_text(body)
    results, meta, _ = verify_file(str(tmp_path / "nb.md"), str(tmp_path / "spec.toml"))
    assert meta["mode"] == "numeric"  # its own worked example: x and y typed as lists
    lines = body.split("\n")
    at = {}
    for r in results:
        n = int(r.id.split()[1].split("#")[0])
        at[lines[n - 1][:40]] = r.verdict
    return at


def verdict(at: dict, start: str) -> str:
    found = [v for k, v in at.items() if k.startswith(start)]
    assert len(found) == 1, (start, at)
    return found[0]


def test_a_row_vector_worked_example_is_judged_on_its_own_numbers(tmp_path):
    q = quantities()
    at = judged(tmp_path, notebook(q))
    for start in ("$$z_1 = a_0 W_1 + b_1^T", "$$\\therefore z_1", "$$a_1 = f_1", "$$z_2 = a_1 W_2 + b_2^T", "$$a_2 = f_2",
                  "$$\\delta_2 = (a_2", "$$\\delta_2 = \\begin", "$$\\delta_1 = ", "$$\\frac{\\partial J}{\\partial W_1} = a",
                  "$$\\frac{\\partial J}{\\partial W_1} = \\b", "$$\\frac{\\partial J}{\\partial b_2}", "$$W_1 :=",
                  "$$b_2 :=", "$$\\therefore b_2"):
        assert verdict(at, start) == "correct", start
    continued = [v for k, v in at.items() if k.startswith("$$\\therefore W_1")]
    assert continued == ["correct", "correct"]


def test_a_wrong_step_sign_and_a_step_off_by_two_units_are_wrong(tmp_path):
    """η ∂J/∂W_1 is about 1 % of W_1 or less here: the 1 % relative of a value would accept W_1 + η ∂J/∂W_1; read as
    the step, it is wrong."""
    q = quantities()
    step = ETA * q["dW1"]
    assert np.all(np.abs(2 * step) < 0.01 * np.abs(W1))  # (the sign slip hides in a value's 1 %, entry by entry)
    at = judged(tmp_path, notebook(q, {"sign": "+"}))
    assert [v for k, v in at.items() if k.startswith("$$\\therefore W_1")] == ["incorrect", "correct"]
    for sign, first in (("-", "correct"), ("+", "incorrect")):  # the row with the letter W_1 (its value before)
        at = judged(tmp_path, notebook(q, {"sign": sign, "letter": True}))
        assert [v for k, v in at.items() if k.startswith("$$\\therefore W_1")] == [first, "correct"]
    at = judged(tmp_path, notebook(q, {"rounded": True}))  # b_2 after its step written to one decimal: as given
    assert verdict(at, "$$\\therefore b_2") == "correct"
    off = np.zeros_like(W1)
    off[2, 0] = 2e-5  # two units of the fifth decimal W_1 is written to
    at = judged(tmp_path, notebook(q, {"off": off}))
    assert [v for k, v in at.items() if k.startswith("$$\\therefore W_1")] == ["correct", "incorrect"]


def test_a_bias_added_untransposed_keeps_the_spec_reading(tmp_path):
    """One forward definition adds b_1 as it is, another b_2^T: the answer does not keep its biases as columns
    throughout, so b_2^T beside a row is an extra transpose as before (never a reading on a guess); likewise when the
    answer gives b_1 as a row of numbers."""
    q = quantities()
    at = judged(tmp_path, notebook(q, {"plain_bias": True}))
    assert verdict(at, "$$z_2 = a_1 W_2 + b_2^T") == "incorrect"
    at = judged(tmp_path, notebook(q, {"row_b1": True}))  # b_1 given as a row: its b_1^T is the slip
    assert verdict(at, "$$z_1 = a_0 W_1 + b_1^T") == "incorrect"


LEXAI_SPEC = spec("row", (2, 1, 1), "binary_cross_entropy", 0.1)

#: a second public worked example, in its author's notation: retiredbatmanforsale/lexai-fellowship (GitHub), "Learn
#: XOR-ish Behavior" — its given values as inline bullets, then the forward pass and the output layer's gradients
LEXAI = r"""* **Input**: $x = \begin{bmatrix} 1 \\ 0 \end{bmatrix}$
* **Target output**: $y = 1$
* $W_1 = \begin{bmatrix} 0.5 & -0.5 \end{bmatrix}$ (1×2)
* $b_1 = 0$
* $W_2 = \begin{bmatrix} 1 \end{bmatrix}$ (1×1)
* $b_2 = 0$

$$z_1 = W_1 \cdot x + b_1 = (0.5)(1) + (-0.5)(0) + 0 = 0.5$$

$$a_1 = \sigma(z_1) = \frac{1}{1 + e^{-0.5}} ≈ 0.622$$

$$z_2 = W_2 \cdot a_1 + b_2 = (1)(0.622) + 0 = 0.622$$

$$\hat{y} = \sigma(z_2) = \frac{1}{1 + e^{-0.622}} ≈ 0.650$$

$$\frac{dL}{d\hat{y}} = -\frac{y}{\hat{y}} + \frac{1 - y}{1 - \hat{y}} = -\frac{1}{0.65} ≈ -1.538$$

$$\frac{d\hat{y}}{dz_2} = \hat{y}(1 - \hat{y}) = 0.65(0.35) = 0.2275$$

$$\frac{dL}{dz_2} = \frac{dL}{d\hat{y}} \cdot \frac{d\hat{y}}{dz_2} = -1.538 \cdot 0.2275 ≈ -0.35$$

* $\frac{dL}{dW_2} = \frac{dL}{dz_2} \cdot a_1 = -0.35 \cdot 0.622 ≈ -0.218$
* $\frac{dL}{db_2} = \frac{dL}{dz_2} = -0.35$
"""


def test_a_second_public_worked_example_in_its_own_notation(tmp_path):
    """Every number the post writes holds to its digits or 1 % (NumPy; central differences for ∂L/∂W_2); two planted
    slips — the dropped sign of ∂L/∂W_2 and 0.2725 for ŷ(1 − ŷ) — are wrong, and nothing else changes."""
    a1 = sig(0.5)
    yh = sig(a1)
    bce = lambda w2: -np.log(sig(w2 * a1))  # noqa: E731  (y = 1)
    dw2 = (bce(1 + 1e-6) - bce(1 - 1e-6)) / 2e-6
    assert abs(a1 - 0.622) < 5e-4 and abs(yh - 0.650) < 0.01 * 0.65 and abs(-1 / yh + 1.538) < 0.01 * 1.538
    assert abs(yh * (1 - yh) - 0.2275) < 0.01 * 0.2275 and abs(dw2 + 0.218) < 0.01 * 0.218
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(LEXAI_SPEC)
    verdicts = []
    for body in (LEXAI, LEXAI.replace("≈ -0.218", "≈ 0.218").replace("= 0.2275", "= 0.2725")):
        (tmp_path / "lex.md").write_text(body)
        results, meta, _ = verify_file(str(tmp_path / "lex.md"), str(tmp_path / "spec.toml"))
        assert meta["mode"] == "numeric"
        verdicts.append({r.id: r.verdict for r in results})
    right, planted = verdicts
    assert set(right.values()) == {"correct"}
    wrong = {k for k, v in planted.items() if v != right[k]}
    assert {planted[k] for k in wrong} == {"incorrect"} and len(wrong) == 2


def test_only_rows_right_after_the_update_of_the_same_parameter_continue_it():
    """A ``\\therefore`` row about another parameter, or after another claim, is no continuation of the update."""
    from gradproof.verify.judge import Claim
    from gradproof.verify.restated import continuations

    names = {"W_1": ("W", 1), "W_2": ("W", 2), "b_2": ("b", 2)}
    read = lambda text: names.get(text.strip())  # noqa: E731
    rows = ["W_1 := W_1 - \\eta G", "\\therefore W_1 = A - 0.01 B", "\\therefore W_1 = C", "\\therefore W_2 = D",
            "b_2 \\leftarrow b_2 - \\eta g", "z = 1", "\\therefore b_2 = E", "W_2 = F"]
    claims = [Claim(f"line {k}", latex) for k, latex in enumerate(rows)]
    assert continuations(claims, read) == {1: ("W", 1), 2: ("W", 1)}
