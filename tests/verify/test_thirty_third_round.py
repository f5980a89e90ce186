r"""The thirty-third round (issue 10): a blog's batch derivation written in its own letters — the inputs of its two
examples written out entry by entry (``X = \begin{bmatrix} x_{1, 1} & x_{1, 2} \\ x_{2, 1} & x_{2, 2} \end{bmatrix}``),
the bias repeated for every example (``B^{1}``), ``L^{1} = XW^{1} + B^{1}`` the first layer's linear combination beside
its objective E, ``\sum_{i=1}^{2}`` over its own two examples, ``w^{1}_{1,1}`` an entry of W^{1}. Before this round no
claim of it read, and two right claims were judged wrong (the batch taken for one example). Every expected verdict is
decided here by NumPy: central differences of the network written by hand, the claims' right sides transcribed."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from conftest import central_differences
from test_nineteenth_round_coordinator import _spec
from test_twenty_first_round import _verify

#: the blog's network: 2 inputs, 3 logistic hidden units, one linear output, E = ½ Σ_i (ŷ_i − y_i)² over the examples
SPEC = _spec("diagrams", "column", 2, [(3, "sigmoid"), (1, "identity")], "squared_error", 0.1)

DIAG = r"""# Deriving batch backpropagation

## Notation

**Input variables:**

$$ X = \begin{bmatrix} x_{1, 1} & x_{1, 2} \\ x_{2, 1} & x_{2, 2} \end{bmatrix} $$

**First layer weights:**

$$ W^{1} = \begin{bmatrix} w^{1}_{1, 1} & w^{1}_{1, 2} & w^{1}_{1, 3} \\ w^{1}_{2, 1} & w^{1}_{2, 2} & w^{1}_{2, 3} \end{bmatrix} $$

**First layer bias:**

$$ B^{1} = \begin{bmatrix} b^{1}_1 & b^{1}_2 & b^{1}_3 \\ b^{1}_1 & b^{1}_2 & b^{1}_3 \end{bmatrix} $$

**First layer linear combination:**

$$ L^{1} = XW^{1} + B^{1} $$

**First hidden layer:**

$$ H^{1} = \sigma(L^{1}) $$

**Output layer:**

$$ L^{2} = H^{1}W^{2} + B^{2} $$

$$ \hat{Y} = L^{2} $$

**Squared loss:**

$$ E = \frac{1}{2} \sum_{i=1}^{2} (\hat{y}_i - y_i)^2 $$

## Backward pass

$$ \frac{\partial E}{\partial \hat{Y}} = \hat{Y} - Y $$

$$ \frac{\partial E}{\partial W^{2}} = (H^{1})^T (\hat{Y} - Y) $$

$$ \frac{\partial E}{\partial B^{2}} = \sum_{i=1}^{2} (\hat{y}_i - y_i) $$

$$ \frac{\partial E}{\partial H^{1}} = (\hat{Y} - Y) (W^{2})^T $$

$$ \frac{\partial E}{\partial L^{1}} = \frac{\partial E}{\partial H^{1}} \odot H^{1} \odot (1 - H^{1}) $$

$$ \frac{\partial E}{\partial W^{1}} = X^T \frac{\partial E}{\partial L^{1}} $$

$$ \frac{\partial E}{\partial w^{1}_{1,1}} = \sum_{i=1}^{2} x_{i,1} \frac{\partial E}{\partial l^{1}_{i,1}} $$
"""


def _sig(v):
    return 1.0 / (1.0 + np.exp(-v))


def _point(m: int = 4):
    """A batch of m examples (rows) at a random point, and E's true gradients by central differences."""
    rng = np.random.default_rng(33)
    p = {"W1": rng.normal(size=(2, 3)), "b1": rng.normal(size=3), "W2": rng.normal(size=(3, 1)), "b2": rng.normal(size=1)}
    X, Y = rng.normal(size=(m, 2)), rng.normal(size=(m, 1))

    def forward(q, L1=None):
        L1 = X @ q["W1"] + q["b1"] if L1 is None else L1
        H1 = _sig(L1)
        return L1, H1, H1 @ q["W2"] + q["b2"]

    def energy(q, L1=None):
        return 0.5 * float(np.sum((forward(q, L1)[2] - Y) ** 2))

    true = central_differences(lambda q: energy(q), {k: v.copy() for k, v in p.items()})
    L1, H1, Yhat = forward(p)
    true["L1"] = central_differences(lambda q: energy(p, q["L1"]), {"L1": L1.copy()})["L1"]
    return X, Y, p, L1, H1, Yhat, true


def _oracle(claim) -> str:
    """The verdict of a claim transcribed in NumPy: claim(X, Y, params, L1, H1, Yhat) -> (its value, the true one)."""
    X, Y, p, L1, H1, Yhat, true = _point()
    try:
        got, want = claim(X, Y, p, L1, H1, Yhat, true)
    except ValueError:  # the shapes do not multiply: the claim cannot be the gradient
        return "incorrect"
    return "correct" if np.shape(got) == np.shape(want) and np.allclose(got, want, rtol=1e-5, atol=1e-8) else "incorrect"


#: the gradient claims as the blog writes them (right sides transcribed), with the true value each states
CLAIMS = {
    r"$$ \frac{\partial E}{\partial W^{2}} = (H^{1})^T (\hat{Y} - Y) $$":
        lambda X, Y, p, L1, H1, Yh, t: (H1.T @ (Yh - Y), t["W2"]),
    r"$$ \frac{\partial E}{\partial B^{2}} = \sum_{i=1}^{2} (\hat{y}_i - y_i) $$":
        lambda X, Y, p, L1, H1, Yh, t: (np.sum(Yh - Y, axis=0), t["b2"]),
    r"$$ \frac{\partial E}{\partial L^{1}} = \frac{\partial E}{\partial H^{1}} \odot H^{1} \odot (1 - H^{1}) $$":
        lambda X, Y, p, L1, H1, Yh, t: ((Yh - Y) @ p["W2"].T * H1 * (1 - H1), t["L1"]),
    r"$$ \frac{\partial E}{\partial W^{1}} = X^T \frac{\partial E}{\partial L^{1}} $$":
        lambda X, Y, p, L1, H1, Yh, t: (X.T @ t["L1"], t["W1"]),
    r"$$ \frac{\partial E}{\partial w^{1}_{1,1}} = \sum_{i=1}^{2} x_{i,1} \frac{\partial E}{\partial l^{1}_{i,1}} $$":
        lambda X, Y, p, L1, H1, Yh, t: (np.sum(X[:, 0] * t["L1"][:, 0]), t["W1"][0, 0]),
}


def _line(body: str, text: str) -> str:
    return f"line {body.splitlines().index(text) + 1}"


def test_the_blogs_batch_in_its_own_letters_reads_and_every_gradient_is_judged_as_numpy_says(tmp_path):
    got = _verify(tmp_path, SPEC, DIAG)
    for text, claim in CLAIMS.items():
        assert got[_line(DIAG, text)].verdict == _oracle(claim) == "correct", text
    # the forward definitions hold in the batch (before: two judged wrong, X W^{1} taken for one example's)
    for text in (r"$$ L^{1} = XW^{1} + B^{1} $$", r"$$ H^{1} = \sigma(L^{1}) $$", r"$$ L^{2} = H^{1}W^{2} + B^{2} $$"):
        assert got[_line(DIAG, text)].verdict == "correct", text
    assert not any(r.verdict == "incorrect" for r in got.values())


#: the slips students make, planted one per claim: (the right claim, the planted one)
PLANTS = {
    r"$$ \frac{\partial E}{\partial W^{2}} = (H^{1})^T (\hat{Y} - Y) $$":
        (r"$$ \frac{\partial E}{\partial W^{2}} = H^{1} (\hat{Y} - Y)^T $$",
         lambda X, Y, p, L1, H1, Yh, t: (H1 @ (Yh - Y).T, t["W2"])),
    r"$$ \frac{\partial E}{\partial B^{2}} = \sum_{i=1}^{2} (\hat{y}_i - y_i) $$":
        (r"$$ \frac{\partial E}{\partial B^{2}} = \sum_{i=1}^{2} (\hat{y}_i - y_i)^2 $$",
         lambda X, Y, p, L1, H1, Yh, t: (np.sum((Yh - Y) ** 2, axis=0), t["b2"])),
    r"$$ \frac{\partial E}{\partial L^{1}} = \frac{\partial E}{\partial H^{1}} \odot H^{1} \odot (1 - H^{1}) $$":
        (r"$$ \frac{\partial E}{\partial L^{1}} = \frac{\partial E}{\partial H^{1}} \odot H^{1} \odot H^{1} $$",
         lambda X, Y, p, L1, H1, Yh, t: ((Yh - Y) @ p["W2"].T * H1 * H1, t["L1"])),
    r"$$ \frac{\partial E}{\partial W^{1}} = X^T \frac{\partial E}{\partial L^{1}} $$":
        (r"$$ \frac{\partial E}{\partial W^{1}} = \frac{\partial E}{\partial L^{1}}^T X $$",
         lambda X, Y, p, L1, H1, Yh, t: (t["L1"].T @ X, t["W1"])),
    r"$$ \frac{\partial E}{\partial w^{1}_{1,1}} = \sum_{i=1}^{2} x_{i,1} \frac{\partial E}{\partial l^{1}_{i,1}} $$":
        (r"$$ \frac{\partial E}{\partial w^{1}_{1,1}} = \sum_{i=1}^{2} x_{i,2} \frac{\partial E}{\partial l^{1}_{i,1}} $$",
         lambda X, Y, p, L1, H1, Yh, t: (np.sum(X[:, 1] * t["L1"][:, 0]), t["W1"][0, 0])),
}


def _plant(body: str, plants: dict) -> str:
    """``body`` with each right claim replaced by its planted one (plants: right -> (planted, …)); each right claim
    must occur once."""
    for right, (planted, *_) in plants.items():
        assert body.count(right) == 1, right
        body = body.replace(right, planted)
    return body


def _planted_found(tmp_path, spec: str, body: str, plants: dict, oracle) -> None:
    """With every slip of ``plants`` (right -> (planted, claim)) planted in ``body``, each planted line is judged
    incorrect, and so is its claim by ``oracle`` (a claim None: a shape no reading fits, said where it is planted)."""
    planted_body = _plant(body, plants)
    got = _verify(tmp_path, spec, planted_body)
    for planted, claim in plants.values():
        line = _line(planted_body, next(x for x in planted_body.splitlines() if planted in x))
        assert got[line].verdict == "incorrect", (planted, got[line].message)
        assert claim is None or oracle(claim) == "incorrect", planted


def test_each_planted_slip_in_the_blogs_letters_is_found(tmp_path):
    _planted_found(tmp_path, SPEC, DIAG, PLANTS, _oracle)


def test_the_bias_written_once_per_example_is_notation_and_a_wrong_row_is_still_wrong(tmp_path):
    rows = r"b^{1}_1 & b^{1}_2 & b^{1}_3 \\ b^{1}_1 & b^{1}_2 & b^{1}_3"
    line = _line(DIAG, r"$$ B^{1} = \begin{bmatrix} " + rows + r" \end{bmatrix} $$")
    assert _verify(tmp_path, SPEC, DIAG)[line].verdict == "unchecked"
    swapped = DIAG.replace(rows, r"b^{1}_1 & b^{1}_2 & b^{1}_3 \\ b^{1}_2 & b^{1}_1 & b^{1}_3")
    assert _verify(tmp_path, SPEC, swapped)[line].verdict == "incorrect"


def test_the_derivative_by_the_bias_matrix_entry_by_entry_is_not_judged_on_a_guess(tmp_path):
    right = r"$$ \frac{\partial E}{\partial B^{2}} = \sum_{i=1}^{2} (\hat{y}_i - y_i) $$"
    line = _line(DIAG, right)
    entrywise = lambda X, Y, p, L1, H1, Yh, t: (Yh - Y, t["b2"])  # noqa: E731
    # NumPy: Ŷ − Y is ∂E/∂B entry by entry (B's rows the examples' copies of b), and its column sum is ∂E/∂b
    X, Y, p, L1, H1, Yhat, true = _point()
    assert np.allclose(np.sum(Yhat - Y, axis=0), true["b2"]) and _oracle(entrywise) == "incorrect"
    cases = {r"\frac{\partial E}{\partial B^{2}} = \hat{Y} - Y": "unchecked",
             r"\frac{\partial E}{\partial b^{2}} = \hat{Y} - Y": "incorrect",  # by the bias itself: the sum is missing
             r"\frac{\partial E}{\partial B^{2}} = 2(\hat{Y} - Y)": "incorrect"}
    for claim, verdict in cases.items():
        got = _verify(tmp_path, SPEC, DIAG.replace(right, f"$$ {claim} $$"))
        assert got[line].verdict == verdict, claim


def test_l_stays_the_loss_where_it_is_differentiated(tmp_path):
    """Guard: L^{1} names the linear combination only where no formula differentiates L; with ∂L/∂W^{2} the letter is
    the objective and the claim is judged as one (NumPy: E's gradient, L = E here)."""
    body = DIAG.replace(r"\frac{\partial E}{\partial W^{2}}", r"\frac{\partial L}{\partial W^{2}}")
    got = _verify(tmp_path, SPEC, body)
    assert got[_line(body, r"$$ L^{1} = XW^{1} + B^{1} $$")].verdict != "correct"


#: Brian Dolhansky's tutorial "Artificial Neural Networks: the Mathematics of Backpropagation", case 1 (a chain of
#: single units x_i → j → k → o, no biases, a linear output), as JeyrajK/matrix_calculus_on_machine_learning's notebook
#: transcribes it (tests/verify/sources/README.md): its first four Markdown cells, verbatim
_NOTEBOOK = Path(__file__).parent / "sources" / "jeyrajk_mathematics_of_backpropagation.ipynb"
DOLHANSKY = "\n\n".join(["".join(cell["source"]) for cell in json.loads(_NOTEBOOK.read_text(encoding="utf-8"))["cells"]
                          if cell["cell_type"] == "markdown"][1:5]) + "\n"

CHAIN_SPEC = ('name = "chain"\nconvention = "row"\ninputs = 1\n'
              + "".join(f'\n[[layers]]\nunits = 1\nactivation = "{a}"\nbias = false\n' for a in ("sigmoid", "sigmoid", "identity"))
              + '\n[loss]\nname = "squared_error"\n\n[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')


def _chain_oracle(step) -> str:
    """A step of the chain transcribed in NumPy, step(x, y, w1, w2, w3, s_j, s_k, z_j, z_k, yhat, eta) -> its three
    Δw, against −η times E's gradient by central differences."""
    rng = np.random.default_rng(33)
    x, y, eta = rng.normal(), rng.normal(), 0.1
    w = {"w1": np.array(rng.normal()), "w2": np.array(rng.normal()), "w3": np.array(rng.normal())}

    def energy(p):
        return 0.5 * float((p["w3"] * _sig(p["w2"] * _sig(p["w1"] * x)) - y) ** 2)

    true = central_differences(energy, {k: v.copy() for k, v in w.items()})
    w1, w2, w3 = (float(w[k]) for k in ("w1", "w2", "w3"))
    s_j = w1 * x
    z_j = _sig(s_j)
    s_k = w2 * z_j
    z_k = _sig(s_k)
    got = step(x, y, w1, w2, w3, s_j, s_k, z_j, z_k, w3 * z_k, eta)
    want = [-eta * float(true[k]) for k in ("w1", "w2", "w3")]
    return "correct" if np.allclose(got, want, rtol=1e-6, atol=1e-10) else "incorrect"


def _dsig(s):
    return _sig(s) * (1 - _sig(s))


#: the summary's three steps (Δw_{i→j}, Δw_{j→k}, Δw_{k→o}) as the tutorial writes them
SUMMARY = lambda x, y, w1, w2, w3, sj, sk, zj, zk, yh, eta: [  # noqa: E731
    -eta * (yh - y) * w3 * _dsig(sk) * w2 * _dsig(sj) * x, -eta * (yh - y) * w3 * _dsig(sk) * zj, -eta * (yh - y) * zk]


def _summary_lines(body: str) -> list[str]:
    start = body.splitlines().index("So, in summary, for this simple network, we have:")
    return [f"line {n + 1}.{k}" for k, n in enumerate(
        (i for i, t in enumerate(body.splitlines()) if i > start and "\\Delta w_" in t), start=1)]


def test_weights_named_by_an_arrow_between_their_units_read_as_the_chain_they_draw(tmp_path):
    got = _verify(tmp_path, CHAIN_SPEC, DOLHANSKY)
    assert _chain_oracle(SUMMARY) == "correct"
    lines = _summary_lines(DOLHANSKY)
    # Δw_{j→k} does not read: its last factor opens a parenthesis the tutorial never closes, (1-\sigma(s_k)\right)
    assert len(lines) == 3 and [got[i].verdict for i in lines] == ["correct", "unchecked", "correct"]
    assert "expected ')'" in got[lines[1]].message
    # the forward pass written unit by unit (s_j = w_1 x_i, z_j = σ(in_j) = σ(w_1 x_i), …) reads, and nothing is wrong
    assert sum(r.verdict == "correct" for r in got.values()) >= 10
    assert not any(r.verdict == "incorrect" for r in got.values())


def test_the_slips_planted_in_the_arrow_named_steps_are_found(tmp_path):
    plants = [  # (the tutorial's text, the slip, the step as the slip writes it)
        (r"\color{OliveGreen}{(w_{j\rightarrow k})(\sigma(s_j)(1-\sigma(s_j)))}(x_i)" + "\n  \\right]",
         r"\color{OliveGreen}{(\sigma(s_j)(1-\sigma(s_j)))}(x_i)" + "\n  \\right]",
         lambda x, y, w1, w2, w3, sj, sk, zj, zk, yh, eta: [-eta * (yh - y) * w3 * _dsig(sk) * _dsig(sj) * x]),
        (r"\Delta w_{k\rightarrow o} =&\ -\eta\left[ \color{blue}{(\hat{y_i} - y_i)}(z_k)\right]",
         r"\Delta w_{k\rightarrow o} =&\ -\eta\left[ \color{blue}{(\hat{y_i} - y_i)}(z_j)\right]",
         lambda x, y, w1, w2, w3, sj, sk, zj, zk, yh, eta: [-eta * (yh - y) * zj]),
        (r"\Delta w_{i\rightarrow j} =&\ -\eta\left[", r"\Delta w_{i\rightarrow j} =&\ \eta\left[",
         lambda x, y, w1, w2, w3, sj, sk, zj, zk, yh, eta: [eta * (yh - y) * w3 * _dsig(sk) * w2 * _dsig(sj) * x]),
    ]
    for k, (right, slip, step) in enumerate(plants):
        assert DOLHANSKY.count(right) == 1, right
        body = DOLHANSKY.replace(right, slip)
        index = (0, 2, 0)[k]  # the step's place in the summary: Δw_{i→j}, Δw_{j→k}, Δw_{k→o}
        line = _summary_lines(body)[index]

        def full(*a, step=step, index=index):
            steps = SUMMARY(*a)
            steps[index] = step(*a)[0]
            return steps

        assert _verify(tmp_path, CHAIN_SPEC, body)[line].verdict == _chain_oracle(full) == "incorrect", slip


def test_arrows_that_draw_no_network_of_the_spec_are_not_read():
    """Guard: the arrows must layer into the spec's network; a unit entered from two layers (i → j, j → k and i → k in
    its equations) gives no reading."""
    import tomllib

    from gradproof.derive.spec import spec_from_dict
    from gradproof.verify.arrownames import ArrowNames

    class C:
        def __init__(self, i, latex):
            self.id, self.latex = i, latex

    net = spec_from_dict(tomllib.loads(CHAIN_SPEC))
    chain = [C("a", r"s_j = w_{i\rightarrow j} x_i"), C("b", r"s_k = w_{j\rightarrow k} z_j"),
             C("c", r"\hat y = w_{k\rightarrow o} z_k")]
    assert ArrowNames.detect(net, chain) is not None
    assert ArrowNames.detect(net, [*chain, C("d", r"s_k = w_{i\rightarrow k} x_i")]) is None


#: Udacity's notation for one sigmoid unit without a bias (h the unit's input, δ the "error term" with the target first,
#: the step added): written out as a student answer of that course writes it
UDACITY = r"""The output of the network is $\hat y = f(h)$, where $h = \sum_i w_i x_i$ is the input to the output unit.

The squared error is

$$E = \frac{1}{2}(y - \hat y)^2$$

The gradient of the error with respect to a weight is

$$\frac{\partial E}{\partial w_i} = -(y - \hat y) f'(h) x_i$$

We define the error term

$$\delta = (y - \hat y) f'(h)$$

and update each weight by

$$\Delta w_i = \eta \delta x_i$$

For the sigmoid, $f'(h) = f(h)(1 - f(h))$.
"""

UNIT_SPEC = ('name = "unit"\nconvention = "row"\ninputs = 3\n\n[[layers]]\nunits = 1\nactivation = "sigmoid"\nbias = false\n\n'
             '[loss]\nname = "squared_error"\n\n[optimizer]\nname = "sgd"\nlearning_rate = 0.5\n')


def _unit_point():
    """One example at a random point: x, y, w, h, ŷ, and ∂E/∂w, ∂E/∂h by central differences."""
    rng = np.random.default_rng(333)
    x, y, w = rng.normal(size=3), rng.uniform(), rng.normal(size=3)
    grad_w = central_differences(lambda p: 0.5 * float((y - _sig(p["w"] @ x)) ** 2), {"w": w.copy()})["w"]
    h = float(w @ x)
    grad_h = central_differences(lambda p: 0.5 * float((y - _sig(p["h"])) ** 2), {"h": np.array(h)})["h"]
    return x, y, w, h, _sig(h), grad_w, float(grad_h)


def test_udacitys_h_and_error_term_read_as_its_course_defines_them(tmp_path):
    """h = Σ w_i x_i is the unit's input, δ = (y − ŷ) f'(h) is −∂E/∂h and Δw_i = η δ x_i the step: NumPy says each of
    the answer's claims holds (on main, five were rejected: h read as an activation, δ with gradproof's sign)."""
    x, y, w, h, yhat, grad_w, grad_h = _unit_point()
    dsig = yhat * (1 - yhat)
    assert np.allclose(-(y - yhat) * dsig * x, grad_w)            # ∂E/∂w_i = −(y − ŷ) f'(h) x_i
    assert np.isclose((y - yhat) * dsig, -grad_h)                 # δ = −∂E/∂h
    assert np.allclose(0.5 * (y - yhat) * dsig * x, -0.5 * grad_w)  # Δw_i = η δ x_i = the step −η ∂E/∂w
    got = _verify(tmp_path, UNIT_SPEC, UDACITY)
    assert [r.verdict for r in got.values()] == ["correct"] * 7


def test_udacity_planted_slips_are_found(tmp_path):
    x, y, w, h, yhat, grad_w, grad_h = _unit_point()
    dsig = yhat * (1 - yhat)
    cases = [  # (right, slip, its value, the true one)
        (r"$$\Delta w_i = \eta \delta x_i$$", r"$$\Delta w_i = \eta \delta$$",
         0.5 * (y - yhat) * dsig * np.ones(3), -0.5 * grad_w),
        (r"$$\frac{\partial E}{\partial w_i} = -(y - \hat y) f'(h) x_i$$",
         r"$$\frac{\partial E}{\partial w_i} = (y - \hat y) f'(h) x_i$$", (y - yhat) * dsig * x, grad_w),
        (r"$f'(h) = f(h)(1 - f(h))$", r"$f'(h) = f(h)(1 + f(h))$", yhat * (1 + yhat), dsig),
    ]
    for right, slip, value, true in cases:
        assert not np.allclose(value, true)
        body = UDACITY.replace(right, slip)
        line = _line(body, slip) if slip.startswith("$$") else _line(body, "For the sigmoid, " + slip + ".")
        assert _verify(tmp_path, UNIT_SPEC, body)[line].verdict == "incorrect", slip


def test_one_letter_for_the_target_and_an_output_is_not_judged(tmp_path):
    """A lecture's δ_k = (y − y_k) f'(h_k) with "y the target, y_k the output" in its prose: read literally, y − y_k is
    the target minus its own entry, zero for one output (NumPy) — no verdict on that reading; with ŷ_k written for the
    output the claim is judged (−∂E/∂h, its Δw added: correct)."""
    x, y, w, h, yhat, grad_w, grad_h = _unit_point()
    assert y - y == 0 and np.isclose((y - yhat) * yhat * (1 - yhat), -grad_h)
    body = ("$$h_k = \\sum_i x_i w_i$$\n\n$$\\delta_k = (y - y_k) f^\\prime(h_k)$$\n\n"
            "$$\\Delta w_i = \\eta * \\delta_k * x_i$$\n")
    got = _verify(tmp_path, UNIT_SPEC, body)
    assert got["line 3"].verdict == "unchecked" and "name two quantities" in got["line 3"].message
    got = _verify(tmp_path, UNIT_SPEC, body.replace("(y - y_k)", "(y - \\hat{y}_k)"))
    assert got["line 3"].verdict == "correct"


#: Udacity's notation for a network with one hidden layer: w_{ij} input i → hidden j, W_j hidden j → the one output,
#: δ^o and δ^h_j the output's and the hidden units' error terms (target first), the steps added
UDACITY_HIDDEN = r"""The hidden layer computes $h_j = \sum_i w_{ij} x_i$ and $a_j = f(h_j)$.
The output is $\hat y = f\left(\sum_j W_j a_j\right)$.

The error term of the output unit is

$$\delta^o = (y - \hat y) f'\left(\sum_j W_j a_j\right)$$

and the error term of hidden unit j is

$$\delta^h_j = \delta^o W_j f'(h_j)$$

The weight steps are

$$\Delta W_j = \eta \delta^o a_j$$

$$\Delta w_{ij} = \eta \delta^h_j x_i$$
"""

HIDDEN_SPEC = ('name = "hidden"\nconvention = "column"\ninputs = 3\n'
               + "".join(f'\n[[layers]]\nunits = {u}\nactivation = "sigmoid"\nbias = false\n' for u in (2, 1))
               + '\n[loss]\nname = "squared_error"\n\n[optimizer]\nname = "sgd"\nlearning_rate = 0.5\n')


def _hidden_truth():
    """x, y, w (3 × 2: w_{ij}), W (2: W_j), the forward pass, and E's gradients by central differences."""
    rng = np.random.default_rng(3333)
    x, y, w, W = rng.normal(size=3), rng.uniform(), rng.normal(size=(3, 2)), rng.normal(size=2)

    def energy(p):
        return 0.5 * float((y - _sig(_sig(x @ p["w"]) @ p["W"])) ** 2)

    grads = central_differences(energy, {"w": w.copy(), "W": W.copy()})
    h = x @ w
    a = _sig(h)
    out = a @ W
    g_out = central_differences(lambda p: 0.5 * float((y - _sig(p["o"])) ** 2), {"o": np.array(out)})["o"]
    g_h = central_differences(lambda p: 0.5 * float((y - _sig(_sig(p["h"]) @ W)) ** 2), {"h": h.copy()})["h"]
    return x, y, w, W, h, a, out, _sig(out), grads, float(g_out), g_h


def test_udacitys_hidden_layer_notation_reads_and_each_step_is_judged_as_numpy_says(tmp_path):
    x, y, w, W, h, a, out, yhat, grads, g_out, g_h = _hidden_truth()
    eta = 0.5
    d_o = (y - yhat) * yhat * (1 - yhat)
    d_h = d_o * W * a * (1 - a)
    assert np.isclose(d_o, -g_out) and np.allclose(d_h, -g_h)           # δ^o = −∂E/∂(Σ W_j a_j), δ^h_j = −∂E/∂h_j
    assert np.allclose(eta * d_o * a, -eta * grads["W"])               # ΔW_j = η δ^o a_j: the step
    assert np.allclose(eta * np.outer(x, d_h), -eta * grads["w"])      # Δw_{ij} = η δ^h_j x_i
    got = _verify(tmp_path, HIDDEN_SPEC, UDACITY_HIDDEN)
    assert [r.verdict for r in got.values()] == ["correct"] * 7


def test_slips_in_udacitys_hidden_layer_notation_are_found(tmp_path):
    x, y, w, W, h, a, out, yhat, grads, g_out, g_h = _hidden_truth()
    eta, d_o = 0.5, (y - yhat) * yhat * (1 - yhat)
    cases = [  # (right, slip, the slip's value, the true one)
        (r"$$\delta^h_j = \delta^o W_j f'(h_j)$$", r"$$\delta^h_j = \delta^o W_j$$", d_o * W, -g_h),
        (r"$$\Delta W_j = \eta \delta^o a_j$$", r"$$\Delta W_j = \eta \delta^o h_j$$", eta * d_o * h, -eta * grads["W"]),
        (r"$$\Delta w_{ij} = \eta \delta^h_j x_i$$", r"$$\Delta w_{ij} = \eta \delta^o x_i$$",
         eta * d_o * np.outer(x, np.ones(2)), -eta * grads["w"]),
    ]
    for right, slip, value, true in cases:
        assert not np.allclose(value, true)
        body = UDACITY_HIDDEN.replace(right, slip)
        assert _verify(tmp_path, HIDDEN_SPEC, body)[_line(body, slip)].verdict == "incorrect", slip


#: Hinton's lecture notation (Coursera "Neural Networks for Machine Learning", lecture 3): y the output of every unit,
#: z_j its total input, w_{ij} from i to j, the bias b_j written beside the sum — as a student writes it out
HINTON = r"""Each unit $j$ computes its total input $z_j = b_j + \sum_i y_i w_{ij}$ and its output $y_j = \frac{1}{1 + e^{-z_j}}$.

The error is $E = \frac{1}{2} \sum_{j \in output} (t_j - y_j)^2$.

$$\frac{\partial E}{\partial y_j} = -(t_j - y_j)$$

$$\frac{\partial E}{\partial z_j} = \frac{d y_j}{d z_j} \frac{\partial E}{\partial y_j} = y_j (1 - y_j) \frac{\partial E}{\partial y_j}$$

$$\frac{\partial E}{\partial y_i} = \sum_j \frac{d z_j}{d y_i} \frac{\partial E}{\partial z_j}
= \sum_j w_{ij} \frac{\partial E}{\partial z_j}$$

$$\frac{\partial E}{\partial w_{ij}} = \frac{\partial z_j}{\partial w_{ij}} \frac{\partial E}{\partial z_j}
= y_i \frac{\partial E}{\partial z_j}$$
"""

HINTON_SPEC = ('name = "hinton"\nconvention = "column"\ninputs = 3\n'
               + "".join(f'\n[[layers]]\nunits = {u}\nactivation = "sigmoid"\n' for u in (4, 2))
               + '\n[loss]\nname = "squared_error"\n')


def test_a_bias_written_beside_the_sum_is_not_absorbed_in_it(tmp_path):
    """z_j = b_j + Σ_i y_i w_{ij} with y_i the inputs for a unit of layer 1: NumPy's forward pass is exactly that sum
    plus b_j (not plus b_j twice, which reading Mitchell's absorbed bias w_{j0} into the sum gave: a false reject on
    main); the backward rules hold for the units of each layer they can be about (central differences)."""
    rng = np.random.default_rng(33333)
    x, t = rng.normal(size=3), rng.uniform(size=2)
    w1, b1, w2, b2 = rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=(4, 2)), rng.normal(size=2)
    z1 = b1 + x @ w1                                   # z_j = b_j + Σ_i y_i w_{ij}, y_i = x_i for layer 1
    y1 = _sig(z1)
    y2 = _sig(b2 + y1 @ w2)
    energy = lambda p: 0.5 * float(np.sum((t - _sig(b2 + _sig(b1 + x @ p["w1"]) @ p["w2"])) ** 2))  # noqa: E731
    grads = central_differences(energy, {"w1": w1.copy(), "w2": w2.copy()})
    dz2 = y2 * (1 - y2) * -(t - y2)                    # ∂E/∂z_j = y_j (1 − y_j) ∂E/∂y_j, ∂E/∂y_j = −(t_j − y_j)
    dz1 = y1 * (1 - y1) * (w2 @ dz2)                   # ∂E/∂y_i = Σ_j w_{ij} ∂E/∂z_j
    assert np.allclose(np.outer(y1, dz2), grads["w2"]) and np.allclose(np.outer(x, dz1), grads["w1"])  # y_i ∂E/∂z_j
    assert not np.allclose(z1 + b1, z1)
    got = _verify(tmp_path, HINTON_SPEC, HINTON)
    assert [r.verdict for r in got.values()] == ["correct"] * 7


def test_slips_in_hintons_notation_are_found(tmp_path):
    cases = [(r"= y_j (1 - y_j) \frac{\partial E}{\partial y_j}$$", r"= y_j (1 + y_j) \frac{\partial E}{\partial y_j}$$"),
             (r"= \sum_j w_{ij} \frac{\partial E}{\partial z_j}$$", r"= \sum_j w_{ij} \frac{\partial E}{\partial y_j}$$"),
             (r"= y_i \frac{\partial E}{\partial z_j}$$", r"= y_j \frac{\partial E}{\partial z_j}$$"),
             (r"\frac{\partial E}{\partial y_j} = -(t_j - y_j)$$", r"\frac{\partial E}{\partial y_j} = (t_j - y_j)$$")]
    for right, slip in cases:
        assert HINTON.count(right) == 1
        body = HINTON.replace(right, slip)
        lines = body.splitlines()
        at = next(n for n, text in enumerate(lines) if slip in text)
        line = f"line {next(n for n in range(at, -1, -1) if lines[n].startswith('$$')) + 1}"  # the display's first line
        assert _verify(tmp_path, HINTON_SPEC, body)[line].verdict == "incorrect", slip


#: Russell & Norvig's notation (Artificial Intelligence: A Modern Approach, 3rd edition, section 18.7.4): in_j a unit's
#: input, a_j its output, Err_k = y_k − a_k, the modified error Δ_k = Err_k × g'(in_k), Δ_j = g'(in_j) Σ_k w_{j,k} Δ_k,
#: the weights updated by adding α a Δ — as a student writes the section out
AIMA = r"""Each unit computes $in_j = \sum_i w_{i,j} a_i$ and $a_j = g(in_j)$.

Let $Err_k = y_k - a_k$ be the $k$th component of the error vector, and define a modified error $\Delta_k = Err_k \times g'(in_k)$.

The weight-update rule for the output layer is

$$w_{j,k} \leftarrow w_{j,k} + \alpha \times a_j \times \Delta_k$$

The hidden node $j$ is responsible for some fraction of the error in each of the output nodes:

$$\Delta_j = g'(in_j) \sum_k w_{j,k} \Delta_k$$

$$w_{i,j} \leftarrow w_{i,j} + \alpha \times a_i \times \Delta_j$$

The gradient of the loss $Loss_k = (y_k - a_k)^2$ is

$$\frac{\partial Loss_k}{\partial w_{j,k}} = -2(y_k - a_k) g'(in_k) a_j = -2 a_j \Delta_k$$
"""

AIMA_SPEC = ('name = "aima"\nconvention = "column"\ninputs = 3\n'
             + "".join(f'\n[[layers]]\nunits = {u}\nactivation = "sigmoid"\nbias = false\n' for u in (4, 2))
             + '\n[loss]\nname = "squared_error"\n\n[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')


def _aima_truth():
    """x, y, w_{i,j} (3 × 4), w_{j,k} (4 × 2), the forward pass and E = ½ Σ_k (y_k − a_k)²'s gradients (central
    differences)."""
    rng = np.random.default_rng(333333)
    x, y, w1, w2 = rng.normal(size=3), rng.uniform(size=2), rng.normal(size=(3, 4)), rng.normal(size=(4, 2))
    energy = lambda p: 0.5 * float(np.sum((y - _sig(_sig(x @ p["w1"]) @ p["w2"])) ** 2))  # noqa: E731
    grads = central_differences(energy, {"w1": w1.copy(), "w2": w2.copy()})
    a1 = _sig(x @ w1)
    a2 = _sig(a1 @ w2)
    return x, y, w1, w2, a1, a2, grads


def test_russell_and_norvigs_modified_error_and_updates_read_as_the_book_defines_them(tmp_path):
    """Δ = Err × g'(in) is minus the derivative by the unit's input (Err_k = y_k − a_k, the target first) and the update
    adds α a Δ: NumPy says every step is gradient descent; ∂Loss_k/∂w_{j,k} is the derivative of output k's own term
    (Loss_k = (y_k − a_k)², twice the spec's ½): not judged as the objective's. With net_j for in_j, main rejected
    four right claims (Err read as Han & Kamber's δ, Δ with gradproof's sign). (The book's own in_j stays unread: with
    the unit letters as layers its w_{k,j} would read as w_{j,k}, and a swapped index pass unseen — heldout3's plant.)"""
    x, y, w1, w2, a1, a2, grads = _aima_truth()
    alpha = 0.1
    d_k = (y - a2) * a2 * (1 - a2)                       # Δ_k = Err_k g'(in_k)
    d_j = a1 * (1 - a1) * (w2 @ d_k)                     # Δ_j = g'(in_j) Σ_k w_{j,k} Δ_k
    assert np.allclose(alpha * np.outer(a1, d_k), -alpha * grads["w2"])  # w_{j,k} += α a_j Δ_k: the step
    assert np.allclose(alpha * np.outer(x, d_j), -alpha * grads["w1"])   # w_{i,j} += α a_i Δ_j
    assert np.allclose(-2 * np.outer(a1, d_k), 2 * grads["w2"])         # ∂Loss_k/∂w_{j,k} = 2 × the spec's
    for body in (AIMA.replace("in_", "net_"),):
        got = _verify(tmp_path, AIMA_SPEC, body)
        assert not any(r.verdict == "incorrect" for r in got.values())
        assert sum(r.verdict == "correct" for r in got.values()) >= 5
        line = _line(body, "$$w_{j,k} \\leftarrow w_{j,k} + \\alpha \\times a_j \\times \\Delta_k$$")
        assert got[line].verdict == "correct"
        assert got[_line(body, next(t for t in body.splitlines() if t.startswith("$$\\frac{\\partial Loss_k}")))].verdict == "unchecked"


def test_slips_in_russell_and_norvigs_notation_are_found(tmp_path):
    cases = [(r"$\Delta_k = Err_k \times g'(in_k)$", r"$\Delta_k = Err_k \times g(in_k)$"),
             (r"$$w_{i,j} \leftarrow w_{i,j} + \alpha \times a_i \times \Delta_j$$",
              r"$$w_{i,j} \leftarrow w_{i,j} - \alpha \times a_i \times \Delta_j$$"),
             (r"$$w_{j,k} \leftarrow w_{j,k} + \alpha \times a_j \times \Delta_k$$",
              r"$$w_{j,k} \leftarrow w_{j,k} + \alpha \times a_k \times \Delta_k$$"),
             (r"$$\Delta_j = g'(in_j) \sum_k w_{j,k} \Delta_k$$", r"$$\Delta_j = g'(in_j) \sum_k w_{j,k} Err_k$$")]
    for right, slip in cases:
        assert AIMA.count(right) == 1
        body = AIMA.replace(right, slip).replace("in_", "net_")
        got = _verify(tmp_path, AIMA_SPEC, body)
        assert sum(r.verdict == "incorrect" for r in got.values()) == 1, slip
    # the swapped weight indices heldout3 plants (w_{k,j}: from an output to a hidden unit, no such weight)
    body = AIMA.replace(r"\sum_k w_{j,k} \Delta_k", r"\sum_k w_{k,j} \Delta_k").replace("in_", "net_")
    got = _verify(tmp_path, AIMA_SPEC, body)
    assert got[_line(body, r"$$\Delta_j = g'(net_j) \sum_k w_{k,j} \Delta_k$$")].verdict != "correct"


#: Jurafsky & Martin's letters (Speech and Language Processing, 3rd ed., ch. 7): h = σ(Wx + b), z = Uh, ŷ = softmax(z) —
#: U the output layer's weights, b the one bias — with a student's backward pass
SLP = r"""The network computes $h = \sigma(Wx + b)$, $z = Uh$ and $\hat{y} = \text{softmax}(z)$, with the cross-entropy
loss $L_{CE}(\hat{y}, y) = -\sum_{k=1}^{K} y_k \log \hat{y}_k$.

$$\frac{\partial L_{CE}}{\partial z} = \hat{y} - y$$

$$\frac{\partial L_{CE}}{\partial U} = (\hat{y} - y) h^T$$

$$\frac{\partial L_{CE}}{\partial h} = U^T (\hat{y} - y)$$

$$\frac{\partial L_{CE}}{\partial W} = \left[ U^T (\hat{y} - y) \odot h \odot (1 - h) \right] x^T$$

$$\frac{\partial L_{CE}}{\partial b} = U^T (\hat{y} - y) \odot h \odot (1 - h)$$
"""

SLP_SPEC = ('name = "slp"\nconvention = "row"\ninputs = 4\n\n[[layers]]\nunits = 3\nactivation = "sigmoid"\n\n'
            '[[layers]]\nunits = 2\nactivation = "softmax"\nbias = false\n\n[loss]\nname = "cross_entropy"\n')


def test_u_for_the_output_weights_reads_beside_w_and_its_one_bias(tmp_path):
    rng = np.random.default_rng(3)
    x, W, b, U = rng.normal(size=4), rng.normal(size=(3, 4)), rng.normal(size=3), rng.normal(size=(2, 3))
    y = np.eye(2)[1]

    def loss(p):
        z = p["U"] @ _sig(p["W"] @ x + p["b"])
        return float(-(y @ (z - np.log(np.sum(np.exp(z))))))

    grads = central_differences(loss, {"W": W.copy(), "b": b.copy(), "U": U.copy()})
    h = _sig(W @ x + b)
    z = U @ h
    yhat = np.exp(z) / np.sum(np.exp(z))
    dh = U.T @ (yhat - y) * h * (1 - h)
    assert np.allclose(np.outer(yhat - y, h), grads["U"]) and np.allclose(np.outer(dh, x), grads["W"])
    assert np.allclose(dh, grads["b"])
    got = _verify(tmp_path, SLP_SPEC, SLP)
    assert [r.verdict for r in got.values()] == ["correct"] * 9  # (on main: 4 read, 5 unread — "unknown symbol 'U'")
    for right, slip in ((r"= (\hat{y} - y) h^T$$", r"= h (\hat{y} - y)^T$$"),
                        (r"\partial h} = U^T (\hat{y} - y)$$", r"\partial h} = U (\hat{y} - y)$$"),
                        (r"\odot h \odot (1 - h) \right] x^T", r"\odot h \odot h \right] x^T")):
        body = SLP.replace(right, slip)
        line = next(f"line {n + 1}" for n, t in enumerate(body.splitlines()) if slip in t)
        assert _verify(tmp_path, SLP_SPEC, body)[line].verdict == "incorrect", slip


def test_a_bold_one_beside_a_vector_is_a_vector_of_ones(tmp_path):
    """δ^{[1]} = W^{[2]T} δ^{[2]} ⊙ a^{[1]} ⊙ (𝟏 − a^{[1]}): the bold 1 is as long as a^{[1]} (NumPy: the sigmoid's slope
    a(1 − a), the cross-entropy's δ^{[1]} by central differences); with 𝟏 + a^{[1]} the claim is wrong."""
    rng = np.random.default_rng(31)
    x, W1, b1, W2, b2 = rng.normal(size=4), rng.normal(size=(3, 4)), rng.normal(size=3), rng.normal(size=(2, 3)), rng.normal(size=2)
    y = np.eye(2)[0]

    def loss_of_z1(z1):
        z2 = W2 @ _sig(z1) + b2
        return float(-(y @ (z2 - np.log(np.sum(np.exp(z2))))))

    z1 = W1 @ x + b1
    a1 = _sig(z1)
    z2 = W2 @ a1 + b2
    d2 = np.exp(z2) / np.sum(np.exp(z2)) - y
    true = central_differences(lambda p: loss_of_z1(p["z"]), {"z": z1.copy()})["z"]
    assert np.allclose(W2.T @ d2 * a1 * (np.ones(3) - a1), true) and not np.allclose(W2.T @ d2 * a1 * (np.ones(3) + a1), true)
    spec = ('name = "ones"\nconvention = "row"\ninputs = 4\n\n[[layers]]\nunits = 3\nactivation = "sigmoid"\n\n'
            '[[layers]]\nunits = 2\nactivation = "softmax"\n\n[loss]\nname = "cross_entropy"\n')
    claim = (r"$$\delta^{[1]} = \mathbf{W}^{[2]\,T} \boldsymbol\delta^{[2]} \odot \mathbf{a}^{[1]} \odot "
             r"(\mathbf{1} - \mathbf{a}^{[1]})$$" + "\n")
    assert _verify(tmp_path, spec, claim)["line 1"].verdict == "correct"  # (on main: "a vector of ones is read in a product")
    assert _verify(tmp_path, spec, claim.replace(r"\mathbf{1} -", r"\mathbf{1} +"))["line 1"].verdict == "incorrect"


def test_a_greek_letter_typed_with_its_layers_digit_reads_like_w2(tmp_path):
    """A plain-text answer's δ2 = ŷ − y, ∂L/∂W2 = a1ᵀ · δ2 (samples as rows, x·W1 + b1): δ2 is δ of layer 2 as W2 is W of
    layer 2 (NumPy: the softmax cross-entropy's gradients by central differences); before, δ2 read as δ times 2."""
    rng = np.random.default_rng(32)
    x, W1, b1, W2, b2 = rng.normal(size=4), rng.normal(size=(4, 3)), rng.normal(size=3), rng.normal(size=(3, 2)), rng.normal(size=2)
    y = np.eye(2)[1]

    def loss(p):
        z2 = _sig(x @ p["W1"] + b1) @ p["W2"] + b2
        return float(-(y @ (z2 - np.log(np.sum(np.exp(z2))))))

    grads = central_differences(loss, {"W1": W1.copy(), "W2": W2.copy()})
    a1 = _sig(x @ W1 + b1)
    z2 = a1 @ W2 + b2
    d2 = np.exp(z2) / np.sum(np.exp(z2)) - y
    d1 = (d2 @ W2.T) * a1 * (1 - a1)
    assert np.allclose(np.outer(a1, d2), grads["W2"]) and np.allclose(np.outer(x, d1), grads["W1"])
    spec = ('name = "uni"\nconvention = "column"\ninputs = 4\n\n[[layers]]\nunits = 3\nactivation = "sigmoid"\n\n'
            '[[layers]]\nunits = 2\nactivation = "softmax"\n\n[loss]\nname = "cross_entropy"\n')
    body = ("Forward: z1 = x·W1 + b1, a1 = σ(z1), z2 = a1·W2 + b2, ŷ = softmax(z2)\n\n"
            "δ2 = ŷ − y\n∂L/∂W2 = a1ᵀ · δ2\n∂L/∂b2 = δ2\nδ1 = (δ2 · W2ᵀ) ⊙ σ'(z1)\n∂L/∂W1 = xᵀ · δ1\n∂L/∂b1 = δ1\n")
    got = _verify(tmp_path, spec, body, name="answer.txt")
    assert all(r.verdict == "correct" for r in got.values()) and len(got) == 11  # (4 forward definitions, 7 steps)
    got = _verify(tmp_path, spec, body.replace("δ1 = (δ2 · W2ᵀ) ⊙ σ'(z1)", "δ1 = (δ2 · W2ᵀ) ⊙ σ(z1)"), name="answer.txt")
    assert got["line 6"].verdict == "incorrect"
