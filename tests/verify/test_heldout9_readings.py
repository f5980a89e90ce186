"""Readings of the ninth round (issue 10, heldout9's false accepts and false rejects as classes): a derivative of a
mean objective by one example's quantity (∂J/∂ŷ^{(i)} carries the mean's 1/n), Jacobians in the layout the answer's
own chain rule fixes (∂z/∂x ∂J/∂z: the denominator layout; ∂J/∂z ∂z/∂x: the numerator layout; neither: a transposed
Jacobian is no verdict), σ'(z) W as diag(σ'(z)) W, ``(ŷ − y)^t`` and ``W ∘ σ'(z) · W_2 ·  v`` (NumPy's broadcast),
one sample's lowercase formulas beside a batch in capitals, a worked example whose given values share one display
(``x = […],\\quad y = 1.0,\\quad W = […]``) and parameters restated after the answer's own update.

The claims are written here in those notations, right ones and planted ones; the expected verdicts come from NumPy
(central differences, a forward pass and a gradient step typed below), never from verify's own output. Where no
oracle can decide (a layout the answer never fixes), the verdict expected is ``unchecked``, and the test says why."""

from __future__ import annotations

import numpy as np
from gradproof.derive.derivation import derive
from gradproof.derive.spec import spec_from_dict
from gradproof.verify.judge import Claim, Judge

RNG = np.random.default_rng(9)


def sig(v):
    return 1 / (1 + np.exp(-v))


def net(layers, loss="squared_error", convention="row", inputs=3):
    spec = {"name": "t9", "inputs": inputs, "convention": convention, "layers": layers, "loss": {"name": loss},
            "optimizer": {"name": "sgd", "learning_rate": 0.1}}
    return derive(spec_from_dict(spec), check=False)


def verdicts(d, claims: dict, batch: int = 1) -> dict:
    return {r.id: r.verdict for r in Judge(d, batch=batch).check_all([Claim(k, v) for k, v in claims.items()])}


def oracle(flags: dict) -> dict:
    return {k: "correct" if ok else "incorrect" for k, ok in flags.items()}


def jacobian(f, v, h=1e-6):
    """∂f/∂v by central differences, in the numerator layout: entry (i, j) is ∂f_i/∂v_j."""
    v = np.asarray(v, dtype=float)
    cols = []
    for j in range(v.size):
        e = np.zeros_like(v)
        e.flat[j] = h
        cols.append((np.ravel(f(v + e)) - np.ravel(f(v - e))) / (2 * h))
    return np.array(cols).T


def document(tmp_path, spec: str, body: str, name: str = "answer.md") -> tuple[dict, dict]:
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(spec)
    (tmp_path / name).write_text(body)
    results, meta, _ = verify_file(str(tmp_path / name), str(tmp_path / "spec.toml"))
    return {r.id: r for r in results}, meta


def spec_toml(title: str, convention: str, inputs: int, layers: list[tuple[int, str]]) -> str:
    """A spec file's text: squared error, SGD with rate 0.1."""
    rows = ", ".join(f'{{units = {u}, activation = "{a}"}}' for u, a in layers)
    return (f'name = "t9"\ntitle = "{title}"\nconvention = "{convention}"\ninputs = {inputs}\nlayers = [{rows}]\n'
            'loss = {name = "squared_error"}\noptimizer = {name = "sgd", learning_rate = 0.1}\n')


NEURON = spec_toml("one sigmoid neuron on 2 features", "row", 2, [(1, "sigmoid")])


def test_a_derivative_of_the_mean_objective_by_one_example_carries_its_1_over_n(tmp_path):
    """Quargam's homework (a false accept): J = 1/n Σ (y^{(i)} − ŷ^{(i)})², then ∂J/∂ŷ^{(i)} = −2 (y^{(i)} − ŷ^{(i)}).
    Judged with one example (1/n = 1) it was accepted; J is the mean over the n examples, so the derivative by one
    example's ŷ^{(i)} is −(2/n)(y^{(i)} − ŷ^{(i)}) — central differences of J over a batch of 4 say so. The document
    is now judged with a batch of several; the 2/n form is right and the student's form wrong."""
    n = 4
    y, yh = RNG.normal(size=n), RNG.uniform(0.1, 0.9, size=n)
    J = lambda v: np.mean((y - v) ** 2)  # noqa: E731
    grad = jacobian(J, yh).ravel()
    flags = {"mean": np.allclose(grad, -2 / n * (y - yh)), "slip": np.allclose(grad, -2 * (y - yh))}
    assert flags == {"mean": True, "slip": False}
    head = ("$$ z^{(i)} = w x^{(i)} + b $$\n\n$$ \\hat{y}^{(i)} = \\sigma(z^{(i)}) $$\n\n"
            "$$ J = \\dfrac{1}{n} \\sum_{i=1}^{n} (y^{(i)} - \\hat{y}^{(i)})^2 $$\n\n")
    slip = head + "$$ \\dfrac{\\partial J}{\\partial \\hat{y}^{(i)}} = - 2 (y^{(i)} - \\hat{y}^{(i)}) $$\n"
    got, meta = document(tmp_path, NEURON, slip)
    assert meta["batch"] > 1
    assert got["line 7"].verdict == "incorrect"
    mean = head + "$$ \\dfrac{\\partial J}{\\partial \\hat{y}^{(i)}} = - \\frac{2}{n} (y^{(i)} - \\hat{y}^{(i)}) $$\n"
    got, _ = document(tmp_path, NEURON, mean)
    assert got["line 7"].verdict == "correct"


# a 3-5-4 network, one sample as a ROW (z_1 = x W_1 + b_1, W_1 in × out: the spec's "column" convention)
ROWNET = dict(layers=[{"units": 5, "activation": "sigmoid"}, {"units": 4, "activation": "softmax"}],
              loss="cross_entropy", convention="column", inputs=3)
FORWARD = {"z1": "z_1 = x W_1 + b_1", "h": "h = \\sigma(z_1)", "z2": "z_2 = h W_2 + b_2", "yhat": "\\hat{y} = \\mathrm{softmax}(z_2)"}


def _row_net_jacobians():
    """∂z_1/∂x and ∂z_2/∂h of z = x W + b by central differences (numerator layout), with W_1, W_2 at random."""
    W1, W2, b1, b2 = RNG.normal(size=(3, 5)), RNG.normal(size=(5, 4)), RNG.normal(size=5), RNG.normal(size=4)
    x = RNG.normal(size=3)
    h = sig(x @ W1 + b1)
    return W1, W2, jacobian(lambda v: v @ W1 + b1, x), jacobian(lambda v: v @ W2 + b2, h)


def test_jacobians_in_the_denominator_layout_when_the_chain_rule_puts_them_first():
    """nirnirs's CS224n answers: ∂CE/∂x = ∂z_1/∂x ∂h/∂z_1 ∂z_2/∂h ∂CE/∂z_2 — Jacobians first, the objective's
    derivative last — fixes the denominator layout, where ∂z_1/∂x = W_1 (3 × 5) and ∂z_2/∂h = W_2: the transpose of the
    numerator-layout Jacobian from central differences. In that layout W_1^T and b_2 are wrong."""
    W1, W2, J1, J2 = _row_net_jacobians()
    assert np.allclose(J1.T, W1, atol=1e-6) and np.allclose(J2.T, W2, atol=1e-6) and J1.shape == (5, 3)
    d = net(**ROWNET)
    chain = ("\\frac{\\partial CE}{\\partial x} = \\frac{\\partial z_1}{\\partial x} \\frac{\\partial h}{\\partial z_1} "
             "\\frac{\\partial z_2}{\\partial h} \\frac{\\partial CE}{\\partial z_2}")
    claims = {**FORWARD, "chain": chain, "dz1": "\\frac{\\partial z_1}{\\partial x} = W_1",
              "dz2": "\\frac{\\partial z_2}{\\partial h} = W_2", "bad-dz1": "\\frac{\\partial z_1}{\\partial x} = W_1^T",
              "bad-dz2": "\\frac{\\partial z_2}{\\partial h} = b_2"}
    got = verdicts(d, claims)
    assert {k: got[k] for k in ("chain", "dz1", "dz2", "bad-dz1", "bad-dz2")} == {
        "chain": "correct", "dz1": "correct", "dz2": "correct", "bad-dz1": "incorrect", "bad-dz2": "incorrect"}


def test_jacobians_in_the_numerator_layout_when_the_chain_rule_puts_the_objective_first():
    """The same network with the chain written ∂CE/∂x = ∂CE/∂z_2 ∂z_2/∂h ∂h/∂z_1 ∂z_1/∂x: the numerator layout,
    where ∂z_1/∂x = W_1^T (5 × 3, as central differences give it) and W_1 is the wrong orientation."""
    W1, _, J1, _ = _row_net_jacobians()
    assert np.allclose(J1, W1.T, atol=1e-6)
    d = net(**ROWNET)
    chain = ("\\frac{\\partial CE}{\\partial x} = \\frac{\\partial CE}{\\partial z_2} \\frac{\\partial z_2}{\\partial h} "
             "\\frac{\\partial h}{\\partial z_1} \\frac{\\partial z_1}{\\partial x}")
    claims = {**FORWARD, "chain": chain, "dz1": "\\frac{\\partial z_1}{\\partial x} = W_1^T",
              "bad-dz1": "\\frac{\\partial z_1}{\\partial x} = W_1"}
    got = verdicts(d, claims)
    assert {k: got[k] for k in ("chain", "dz1", "bad-dz1")} == {"chain": "correct", "dz1": "correct", "bad-dz1": "incorrect"}


def test_a_jacobian_whose_layout_the_answer_never_fixes_is_not_judged_on_a_guess():
    """No chain rule anywhere, a square W_2 (5 × 5): ∂z_2/∂h is W_2^T in the numerator layout and W_2 in the
    denominator layout (central differences: J = W_2^T), and nothing in the answer says which it uses — unchecked,
    with the [notation] line that decides it. Declared, each is judged."""
    W2, b2 = RNG.normal(size=(5, 5)), RNG.normal(size=5)
    h = RNG.normal(size=5)
    J = jacobian(lambda v: v @ W2 + b2, h)
    assert np.allclose(J, W2.T, atol=1e-6) and not np.allclose(J, W2, atol=1e-3)
    d = net([{"units": 5, "activation": "sigmoid"}, {"units": 5, "activation": "sigmoid"}], convention="column", inputs=5)
    claims = {"z2": "z_2 = h W_2 + b_2", "h": "h = \\sigma(z_1)", "dz2": "\\frac{\\partial z_2}{\\partial h} = W_2"}
    r = {x.id: x for x in Judge(d).check_all([Claim(k, v) for k, v in claims.items()])}["dz2"]
    assert r.verdict == "unchecked" and 'jacobian = "denominator"' in r.message
    from dataclasses import replace

    from gradproof.verify.parser import Notation

    for layout, verdict in (("denominator", "correct"), ("numerator", "incorrect")):
        judge = Judge(d, notation=replace(Notation(), options=(("jacobian", layout),)))
        got = {x.id: x.verdict for x in judge.check_all([Claim(k, v) for k, v in claims.items()])}
        assert got["dz2"] == verdict, layout


def test_the_derivative_of_an_activation_times_a_matrix_is_the_diagonal_jacobian():
    """Imperial's notebook: ∂a^{(3)}/∂a^{(2)} = ∂a^{(3)}/∂z^{(3)} ∂z^{(3)}/∂a^{(2)} = σ'(z^{(3)}) W^{(3)} with column
    vectors (2 × 7): diag(σ'(z^{(3)})) W^{(3)}, as central differences of a^{(3)}(a^{(2)}) give it. σ'(z^{(2)}) in its
    place is wrong."""
    W3, b3, a2 = RNG.normal(size=(2, 7)), RNG.normal(size=2), RNG.normal(size=7)
    z3 = W3 @ a2 + b3
    J = jacobian(lambda v: sig(W3 @ v + b3), a2)
    ds = lambda z: sig(z) * (1 - sig(z))  # noqa: E731
    assert np.allclose(J, ds(z3)[:, None] * W3, atol=1e-6)
    d = net([{"units": 6, "activation": "sigmoid"}, {"units": 7, "activation": "sigmoid"},
             {"units": 2, "activation": "sigmoid"}], inputs=1)
    claims = {"fwd": "\\mathbf{z}^{(3)} = \\mathbf{W}^{(3)} \\mathbf{a}^{(2)} + \\mathbf{b}^{(3)}",
              "jac": ("\\frac{\\partial \\mathbf{a}^{(3)}}{\\partial \\mathbf{a}^{(2)}} = \\frac{\\partial \\mathbf{a}^{(3)}}"
                      "{\\partial \\mathbf{z}^{(3)}} \\frac{\\partial \\mathbf{z}^{(3)}}{\\partial \\mathbf{a}^{(2)}} = "
                      "\\sigma'(\\mathbf{z}^{(3)}) \\mathbf{W}^{(3)}"),
              "bad": ("\\frac{\\partial \\mathbf{a}^{(3)}}{\\partial \\mathbf{a}^{(2)}} = \\sigma'(\\mathbf{z}^{(2)}) "
                      "\\mathbf{W}^{(3)}")}
    got = verdicts(d, claims)
    assert (got["jac"], got["bad"]) == ("correct", "incorrect")


def test_a_lowercase_t_transposes_and_a_row_broadcasts_over_a_matrix():
    """nirnirs's ∂CE/∂x = W_1 ∘ σ'(z_1) · W_2 · (ŷ − y)^t under his denominator-layout chain: (ŷ − y)^t is the
    transpose, and W_1 ∘ σ'(z_1) multiplies every row of W_1 by the row σ'(z_1) (NumPy's broadcast, W_1 diag(σ'(z_1))).
    The gradient by central differences of the cross entropy is W_1 (σ'(z_1) ⊙ W_2 (ŷ − y)), a column here; without
    σ'(z_1) it is wrong."""
    W1, W2, b1, b2 = RNG.normal(size=(3, 5)), RNG.normal(size=(5, 4)), RNG.normal(size=5), RNG.normal(size=4)
    x, y = RNG.normal(size=3), np.eye(4)[1]

    def ce(v):
        z2 = sig(v @ W1 + b1) @ W2 + b2
        p = np.exp(z2 - z2.max())
        return -np.log((p / p.sum()) @ y)

    z1 = x @ W1 + b1
    z2 = sig(z1) @ W2 + b2
    yh = np.exp(z2) / np.exp(z2).sum()
    grad = jacobian(ce, x).ravel()
    ds = sig(z1) * (1 - sig(z1))
    flags = {"dx": np.allclose(grad, ((W1 * ds) @ W2 @ (yh - y)), atol=1e-6), "bad-dx": np.allclose(grad, W1 @ W2 @ (yh - y))}
    assert flags == {"dx": True, "bad-dx": False}
    d = net(**ROWNET)
    chain = ("\\frac{\\partial CE}{\\partial x} = \\frac{\\partial z_1}{\\partial x} \\frac{\\partial h}{\\partial z_1} "
             "\\frac{\\partial z_2}{\\partial h} \\frac{\\partial CE}{\\partial z_2}")
    claims = {**FORWARD, "chain": chain,
              "dx": "\\frac{\\partial CE}{\\partial x} = W_1 \\circ \\sigma'(z_1) \\cdot W_2 \\cdot (\\hat{y}-y)^t",
              "bad-dx": "\\frac{\\partial CE}{\\partial x} = W_1 \\cdot W_2 \\cdot (\\hat{y}-y)^t"}
    got = verdicts(d, claims)
    assert {k: got[k] for k in flags} == oracle(flags)


def test_a_power_t_of_constants_stays_a_power():
    """A power t of constants ((1 − β_1)^t, as Adam's bias correction writes one) is no transpose: the parser keeps it a
    power; on the network's quantities ((ŷ − y)^t) it is the transpose."""
    from gradproof.verify.parser import Notation, parse_claim

    sides, _ = parse_claim("z = (1 - \\beta_1)^t", Notation(), 1)
    assert sides[1].op == "pow"
    sides, _ = parse_claim("z = (\\hat{y} - y)^t", Notation(), 1)
    assert sides[1].op == "T"


JIHWAN = spec_toml("a 4-5-3 sigmoid network, row vectors, a batch in rows", "column", 4, [(5, "sigmoid"), (3, "sigmoid")])


def test_one_samples_lowercase_formulas_beside_a_batch_in_capitals(tmp_path):
    """Jihwan Jeong's post: a single-input section in lowercase (u^l = h^{l-1} W^l + b^l, ∂E/∂b^L = ∂E/∂h^L ⊙ φ'(u^L)),
    then a mini-batch section in capitals with a 1/n (U^l = H^{l-1} W^l + 1 b^l). The tool judges the document with a
    batch; the lowercase claim is one sample's, where central differences give ∂E/∂b^L = (h^L − t) ⊙ φ'(u^L) (1 × 3) —
    it was rejected as "the claim gives n×3". A planted φ'(u^{L-1}) stays wrong (shapes 5 vs 3)."""
    W2, b2, h1, t = RNG.normal(size=(5, 3)), RNG.normal(size=3), RNG.uniform(size=5), RNG.uniform(size=3)
    E = lambda b: 0.5 * np.sum((sig(h1 @ W2 + b) - t) ** 2)  # noqa: E731
    u = h1 @ W2 + b2
    assert np.allclose(jacobian(E, b2).ravel(), (sig(u) - t) * sig(u) * (1 - sig(u)), atol=1e-6)
    body = ("$$u^l = h^{l-1} W^l + b^l$$\n\n$$h^l = \\phi(u^l)$$\n\n"
            "$$\\frac{\\partial E}{\\partial b^L} = \\frac{\\partial E}{\\partial h^L} \\odot \\phi'(u^L)$$\n\n"
            "$$\\frac{\\partial E}{\\partial b^L} = \\frac{\\partial E}{\\partial h^L} \\odot \\phi'(u^{L-1})$$\n\n"
            "$$U^l = H^{l-1} W^l + \\boldsymbol{1} b^l$$\n\n$$E = \\frac{1}{2N} \\sum_{q=1}^{N} \\| t_q - y_q \\|^2$$\n\n"
            "$$\\frac{\\partial E}{\\partial b^L} = \\delta^L$$\n")
    got, meta = document(tmp_path, JIHWAN, body)
    assert meta["batch"] > 1
    assert got["line 5"].verdict == "correct"
    assert got["line 7"].verdict != "correct"
    # δ^L names the batch's n × 3 array in the mini-batch section too: ∂E/∂b^L = δ^L there drops the sum over the
    # samples (the gradient by the shared bias is Σ_q δ_q, one row), and no lowercase letter of one sample says
    # otherwise — it stays the batch's claim, and wrong
    assert got["line 13"].verdict == "incorrect"


CHIARI = spec_toml("a 2-2-1 tanh network by hand", "row", 2, [(2, "tanh"), (1, "tanh")])


def test_given_values_listed_in_one_display_and_parameters_restated_after_the_update(tmp_path):
    """Chiari's exercise: x, y, W^{(1)}, b^{(1)} listed in one display with ``,\\quad`` between them (matrices and
    all): the document's own worked example, so ∂L/∂ŷ = 2(ŷ − 1) with its y = 1 is judged at those numbers (it was
    rejected at random points, where y is not 1). After the answer's update b^{(2)} ← b^{(2)} − η ∂L/∂b^{(2)}, a
    restated b^{(2)} ≈ number is the value after the step when it matches that (a forward pass and one step typed
    here); a wrong number stays wrong."""
    x, y = np.array([0.5, -0.2]), 1.0
    W1, b1, W2, b2 = np.array([[0.3, -0.1], [0.2, 0.4]]), np.array([0.1, -0.2]), np.array([[0.5, -0.3]]), np.array([0.2])
    h = np.tanh(W1 @ x + b1)
    yh = np.tanh(W2 @ h + b2)[0]
    dyh = 2 * (yh - y)  # L = (y − ŷ)²: the spec's ½(ŷ − y)² times 2
    du = dyh * (1 - yh ** 2)
    new_b2 = b2[0] - 0.1 * du
    mat = lambda M: "\\begin{bmatrix}" + "\\\\".join("&".join(f"{v:g}" for v in r) for r in np.atleast_2d(M)) + "\\end{bmatrix}"  # noqa: E731
    col = lambda v: "\\begin{bmatrix}" + "\\\\".join(f"{e:g}" for e in v) + "\\end{bmatrix}"  # noqa: E731
    body = (f"$$L=(y-\\hat y)^2$$\n\n"
            f"$$\\mathbf{{x}}={col(x)},\\quad y=1.0,\\quad \\mathbf{{W}}^{{(1)}}={mat(W1)},\\quad \\mathbf{{b}}^{{(1)}}={col(b1)}$$\n\n"
            f"$$\\mathbf{{W}}^{{(2)}}={mat(W2)},\\quad b^{{(2)}}=0.2$$\n\n"
            f"$$\\mathbf{{z}}^{{(1)}}=\\mathbf{{W}}^{{(1)}}\\mathbf{{x}}+\\mathbf{{b}}^{{(1)}}$$\n\n"
            f"$$\\hat y=\\tanh(\\mathbf{{W}}^{{(2)}}\\mathbf{{h}}^{{(1)}}+b^{{(2)}}) \\approx {yh:.10f}$$\n\n"
            f"$$\\frac{{\\partial L}}{{\\partial \\hat y}}=2(\\hat y-1)\\approx {dyh:.10f}$$\n\n"
            f"$$\\frac{{\\partial L}}{{\\partial \\hat y}}=2(\\hat y+1)$$\n\n"
            f"$$b^{{(2)}}\\leftarrow b^{{(2)}}-\\eta\\,\\frac{{\\partial L}}{{\\partial b^{{(2)}}}} \\approx {new_b2:.10f}$$\n\n"
            f"$$b^{{(2)}} \\approx {new_b2:.10f}$$\n\n$$b^{{(2)}} \\approx {new_b2 + 0.05:.10f}$$\n")
    got, meta = document(tmp_path, CHIARI, body)
    assert meta["mode"] == "numeric"
    assert [got[f"line {n}"].verdict for n in (7, 9, 11, 13, 15, 17, 19)] == [
        "correct", "correct", "correct", "incorrect", "correct", "correct", "incorrect"]


def test_the_chain_order_as_written_and_entries_free_of_layout():
    """What fixes the layout besides a parsed chain: Hagan's s^m = (∂n^{m+1}/∂n^m)^T ∂F̂/∂n^{m+1} (a Jacobian transposed
    to meet the gradient: the numerator layout) and a chain no reading parses, by the order its fractions are written
    in (ozyurtf's δ_1 = ∂C/∂ỹ ∂ỹ/s_2, a ∂ lost: the objective first). An entry ∂z_k/∂h_j = W_{kj} is the same in
    both layouts (central differences: entry (k, j) of ∂z/∂h of z = W h is W_kj), so it is judged with no layout
    fixed, and a swapped index W_{jk} (on a non-square W) is wrong."""
    from gradproof.verify.jacobianlayout import _written_order

    hagan = "s^m = \\left(\\frac{\\partial n^{m+1}}{\\partial n^m}\\right)^T \\frac{\\partial \\hat{F}}{\\partial n^{m+1}}"
    assert _written_order(hagan) == "numerator"
    assert _written_order("\\delta_1 = \\frac{\\partial C}{\\partial \\tilde{y}}\\frac{\\partial \\tilde{y}}{s_2}") == "numerator"
    last = "\\frac{\\partial L}{\\partial x} = \\frac{\\partial q}{\\partial x} \\frac{\\partial L}{\\partial q}"
    assert _written_order(last) == "denominator"
    W, b, h = RNG.normal(size=(3, 4)), RNG.normal(size=3), RNG.normal(size=4)
    J = jacobian(lambda v: W @ v + b, h)
    assert np.allclose(J, W, atol=1e-6)  # entry (k, j) is W_kj
    d = net([{"units": 4, "activation": "sigmoid"}, {"units": 3, "activation": "sigmoid"}], inputs=2)
    got = verdicts(d, {"fwd": "z^{(2)} = W^{(2)} h^{(1)} + b^{(2)}",
                       "entry": "\\frac{\\partial z^{(2)}_k}{\\partial h^{(1)}_j} = W^{(2)}_{kj}",
                       "bad-entry": "\\frac{\\partial z^{(2)}_k}{\\partial h^{(1)}_j} = W^{(2)}_{jk}"})
    assert (got["entry"], got["bad-entry"]) == ("correct", "incorrect")


def test_the_physics_packages_pdv_a_batch_capital_and_the_ones_column(tmp_path):
    """Lalin's notes write derivatives with the physics package's \\pdv{J}{b} (MathJax's physics extension): ∂J/∂b.
    Jihwan's batch section writes U^l = H^{l-1} W^l + \\boldsymbol{1} b^l beside his one-sample u^l: U is the batch's
    summed input (the capital of his own letter, as A is a's) and \\boldsymbol{1} the column of ones (it was read as an
    indicator missing its condition). Verdicts from a forward pass of a batch typed here: U = H W + 1 b right, with
    b dropped wrong; ∂E/∂b^L = 1^T δ^L (the sum of the rows, central differences of E) right."""
    from gradproof.verify.texmacros import physics

    assert physics("\\pdv{J}{b^{[l]}} = \\pdv{J}{z}") == "\\frac{\\partial J}{\\partial b^{[l]}} = \\frac{\\partial J}{\\partial z}"
    assert physics("\\pdv{f}{x}{y}") == "\\pdv{f}{x}{y}"  # a mixed derivative: left as written
    n = 5
    H, W, b, T = RNG.uniform(size=(n, 4)), RNG.normal(size=(4, 3)), RNG.normal(size=3), RNG.uniform(size=(n, 3))
    E = lambda bb: 0.5 / n * np.sum((sig(H @ W + bb) - T) ** 2)  # noqa: E731
    U = H @ W + b
    delta = (sig(U) - T) * sig(U) * (1 - sig(U)) / n
    assert np.allclose(jacobian(E, b).ravel(), np.ones(n) @ delta, atol=1e-6)
    assert not np.allclose(U, H @ W)
    body = ("$$u^l = h^{l-1} W^l + b^l$$\n\n$$h^l = \\phi(u^l)$$\n\n"
            "$$E = \\frac{1}{2N} \\sum_{q=1}^{N} \\| t_q - y_q \\|^2$$\n\n"
            "$$U^l = H^{l-1} W^l + \\boldsymbol{1} b^l$$\n\n$$U^l = H^{l-1} W^l$$\n\n"
            "$$\\pdv{E}{b^L} = \\boldsymbol{1}^\\top \\pdv{E}{U^L}$$\n")
    got, _ = document(tmp_path, JIHWAN, body)
    assert [got[f"line {k}"].verdict for k in (7, 9, 11)] == ["correct", "incorrect", "correct"]


def test_prose_after_a_dash_inside_a_display(tmp_path):
    """Quargam writes a remark in Russian after `` -- `` inside his displays (``\\hat{y}^{(i)} = sigmoid(z^{(i)}) --
    Функция активации``): the remark is not mathematics, and the equation before it is judged (a forward pass: ŷ =
    σ(z) right, σ(x) wrong — x has 2 features where ŷ has one). A tail with mathematics in it stays part of the
    formula."""
    from gradproof.verify.document import _trailing_prose

    assert _trailing_prose("a = b -- c^2") == "a = b -- c^2"
    head = "$$ z^{(i)} = w x^{(i)} + b $$\n\n"
    got, _ = document(tmp_path, NEURON, head + "$$ \\hat{y}^{(i)} = sigmoid(z^{(i)}) -- Функция активации. $$\n")
    assert got["line 3"].verdict == "correct"
    got, _ = document(tmp_path, NEURON, head + "$$ \\hat{y}^{(i)} = sigmoid(x^{(i)}) -- Функция активации. $$\n")
    assert got["line 3"].verdict == "incorrect"
