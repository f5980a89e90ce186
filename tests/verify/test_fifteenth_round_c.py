r"""Readings of the fifteenth round, verify15c (issue 10: heldout15's cjhjhj notes, a learner's CS231n and Korean
derivations in the blog convention of units named by layer and in/out).

- **Units named by layer and in/out** (verify/inoutnames.py): ``h_{in_2}`` the summed input of hidden unit 2,
  ``h_{out_2}`` its activation, ``o_{out_1}`` the output's entry 1; numbered hidden layers ``h1_{in_1}``, ``h2_{out1}``;
  weights with the layer as a superscript, ``w^2_{31}``, whose source unit is read from the answer's own products
  (``h_{out_3}w^2_{31}``), or between layers named by letters, ``w_{j_2k_1}`` (the letters' layers from the answer's
  forward sums), and ``\delta{W_{jk}}`` defined as the matrix of ∂E/∂w_{j_a k_b}.
- ``\partial{w_{j_1k_1}}``: a braced group with braces inside is differentiated like ``\partial w_{j_1k_1}``.
- ``\frac{\partial}{\partial q}-(…)``: the operator before a negated expression in parentheses.
- The prose's "* is the element-wise product": ``\ast`` between two matrices of one shape is then element-wise.
- An indexed objective ``E_1`` in this convention is one output's term of the answer's own objective: not read.
- After the answer's first definition of its objective is judged wrong, a derivative judged wrong that may follow
  from that definition is ``unchecked`` (a chain-rule identity keeps its verdict) (verify/ownobjective.py).
- A chain side left out because it does not read, that is a matrix of several entries while the other sides are not,
  leaves a chain that otherwise holds ``unchecked``.

The answers are written in the notes' notations with networks of our own; every expected verdict is decided by the
NumPy oracle below (both sides of each claim evaluated at a random point, derivatives by central differences), never
from verify."""

from __future__ import annotations

import numpy as np
from helpers_verify import doc_verdicts, spec_text

RNG = np.random.default_rng(15_03)


def _sig(v):
    return 1 / (1 + np.exp(-v))


def _fd(f, x, k, h=1e-6):
    """∂f/∂x_k by central differences (x a flat float array)."""
    up, down = x.copy(), x.copy()
    up[k] += h
    down[k] -= h
    return (f(up) - f(down)) / (2 * h)


_doc = doc_verdicts  # (helpers_verify: a Markdown answer of displays, verified)


def _same(a, b) -> bool:
    return bool(np.allclose(a, b, rtol=1e-5, atol=1e-7))


# -- a 3-4-2 network, tanh then sigmoid, W of n_out × n_in (the spec's "row" convention), squared error --------------

X, Y = RNG.normal(size=3), np.array([0.0, 1.0])
W1, B1, W2, B2 = RNG.normal(size=(4, 3)), RNG.normal(size=4), RNG.normal(size=(2, 4)), RNG.normal(size=2)


def _forward(w1=W1, w2=W2):
    h_in = w1 @ X + B1
    h_out = np.tanh(h_in)
    o_in = w2 @ h_out + B2
    return h_in, h_out, o_in, _sig(o_in)


def _E(w1=W1, w2=W2) -> float:
    return float(0.5 * np.sum((_forward(w1, w2)[3] - Y) ** 2))


def _by_w2(out, k_out, src, dst):
    """∂(entry k_out of the forward quantity ``out``)/∂w^2_{src,dst} (the answer's w^2_{jk}: hidden j -> output k)."""
    def f(flat):
        return _forward(W1, flat.reshape(W2.shape))[out][k_out]
    return _fd(f, W2.ravel().astype(float), np.ravel_multi_index((dst - 1, src - 1), W2.shape))


def _by_w1(f_of_w1, src, dst):
    return _fd(lambda flat: f_of_w1(flat.reshape(W1.shape)), W1.ravel().astype(float),
               np.ravel_multi_index((dst - 1, src - 1), W1.shape))


IN_OUT = [  # (the display, what the oracle computes for its two ends)
    (r"\frac{\partial o_{in_1}}{\partial w^2_{31}} = \frac{\partial}{\partial w^2_{31}}(h_{out_1}w^2_{11} + "
     r"h_{out_2}w^2_{21} + h_{out_3}w^2_{31} + h_{out_4}w^2_{41}) = h_{out_3}",
     lambda: (_by_w2(2, 0, 3, 1), _forward()[1][2])),
    (r"\frac{\partial o_{in_2}}{\partial w^2_{31}} = h_{out_3}", lambda: (_by_w2(2, 1, 3, 1), _forward()[1][2])),
    (r"\frac{\partial o_{in_2}}{\partial w^2_{32}} = h_{out_2}", lambda: (_by_w2(2, 1, 3, 2), _forward()[1][1])),
    (r"\frac{\partial h_{out_2}}{\partial h_{in_2}} = 1 - h_{out_2}^2",
     lambda: (1 - np.tanh(_forward()[0][1]) ** 2, 1 - _forward()[1][1] ** 2)),
    (r"\frac{\partial h_{out_2}}{\partial h_{in_2}} = 1 - h_{in_2}^2",
     lambda: (1 - np.tanh(_forward()[0][1]) ** 2, 1 - _forward()[0][1] ** 2)),
    (r"\frac{\partial{o_{out_1}}}{\partial{o_{in_1}}} = o_{out_1}(1 - o_{out_1})",
     lambda: (_sig(_forward()[2][0]) * (1 - _sig(_forward()[2][0])), _forward()[3][0] * (1 - _forward()[3][0]))),
    # the chain rule through hidden unit 3 for w^1_{23} (input 2 -> hidden 3), and a slip through hidden unit 2
    (r"\frac{\partial E}{\partial w^1_{23}} = \frac{\partial E}{\partial h_{out_3}}\frac{\partial h_{out_3}}{\partial "
     r"h_{in_3}}\frac{\partial h_{in_3}}{\partial w^1_{23}}",
     lambda: (_by_w1(lambda w: _E(w1=w), 2, 3), _chain_w1(3))),
    (r"\frac{\partial E}{\partial w^1_{23}} = \frac{\partial E}{\partial h_{out_2}}\frac{\partial h_{out_2}}{\partial "
     r"h_{in_2}}\frac{\partial h_{in_2}}{\partial w^1_{23}}",
     lambda: (_by_w1(lambda w: _E(w1=w), 2, 3), _chain_w1(2))),
    (r"\frac{\partial h_{in_3}}{\partial w^1_{23}} = \frac{\partial}{\partial w^1_{23}}(x_1 \cdot w^1_{13} + x_2 \cdot "
     r"w^1_{23} + x_3 \cdot w^1_{33}) = x_2", lambda: (_by_w1(lambda w: (w @ X + B1)[2], 2, 3), X[1])),
]


def _chain_w1(unit: int) -> float:
    """∂E/∂h_out_u · ∂h_out_u/∂h_in_u · ∂h_in_u/∂w^1_{23}, each factor by central differences."""
    h_in, h_out, _, _ = _forward()
    u = unit - 1
    d_e = _fd(lambda v: float(0.5 * np.sum((_sig(W2 @ v + B2) - Y) ** 2)), h_out.astype(float), u)
    d_act = _fd(lambda v: float(np.tanh(v[u])), h_in.astype(float), u)
    d_in = _by_w1(lambda w: (w @ X + B1)[u], 2, 3)
    return d_e * d_act * d_in


def test_units_named_by_layer_and_in_out(tmp_path):
    want = ["correct" if _same(*oracle()) else "incorrect" for _, oracle in IN_OUT]
    assert want == ["correct", "incorrect", "incorrect", "correct", "incorrect", "correct", "correct", "incorrect",
                    "correct"]  # (the oracle's verdicts, as the claims were written to be)
    got = _doc(tmp_path, spec_text("inout", 3, (4, "tanh"), (2, "sigmoid")), [d for d, _ in IN_OUT])
    assert [got[k] for k in range(len(IN_OUT))] == want


def test_in_out_names_read_only_in_a_network_that_has_them(tmp_path):
    """A bare h in a network of two hidden layers: which layer is not known, so nothing is rewritten."""
    spec = spec_text("deep", 3, (4, "tanh"), (4, "tanh"), (2, "sigmoid"))
    got = _doc(tmp_path, spec, [r"\frac{\partial h_{out_2}}{\partial h_{in_2}} = 1 - h_{out_2}^2"])
    assert got[0] == "unchecked"


# -- layers named by letters (i inputs, j hidden, k output), the weights' matrix in the "column" convention ----------

XL = RNG.normal(size=2)
V1, C1, V2, C2 = RNG.normal(size=(2, 3)), RNG.normal(size=3), RNG.normal(size=(3, 2)), RNG.normal(size=2)
YL = np.array([1.0, 0.0])


def _forward_l(v1=V1, v2=V2):
    h_in = XL @ v1 + C1
    h_out = _sig(h_in)
    o_in = h_out @ v2 + C2
    return h_in, h_out, o_in, _sig(o_in)


def _grad_v2() -> np.ndarray:
    def e(flat):
        return float(0.5 * np.sum((_forward_l(V1, flat.reshape(V2.shape))[3] - YL) ** 2))
    return np.array([_fd(e, V2.ravel().astype(float), k) for k in range(V2.size)]).reshape(V2.shape)


LETTER_FORWARD = [
    r"h1_{in_1} = i_1w_{i_1j_1} + i_2w_{i_2j_1} + b_{j_1}",
    r"O_{in_1} = h1_{out_1}w_{j_1k_1} + h1_{out_2}w_{j_2k_1} + h1_{out_3}w_{j_3k_1} + b_{k_1}",
    r"\delta{W_{jk}} = \begin{bmatrix} \frac{\partial{E}}{\partial{w_{j_1k_1}}} & \frac{\partial{E}}{\partial{w_{j_1k_2}}} "
    r"\\ \frac{\partial{E}}{\partial{w_{j_2k_1}}} & \frac{\partial{E}}{\partial{w_{j_2k_2}}} \\ "
    r"\frac{\partial{E}}{\partial{w_{j_3k_1}}} & \frac{\partial{E}}{\partial{w_{j_3k_2}}} \end{bmatrix}",
]
LETTERS = [  # (display, oracle verdict as computed)
    (r"\frac{\partial{E}}{\partial{w_{j_2k_1}}} = \frac{\partial{E}}{\partial{O_{out_1}}}\cdot\frac{\partial{O_{out_1}}}"
     r"{\partial{O_{in_1}}}\cdot\frac{\partial{O_{in_1}}}{\partial{w_{j_2k_1}}}",
     lambda: (_grad_v2()[1, 0], (_forward_l()[3][0] - YL[0]) * _forward_l()[3][0] * (1 - _forward_l()[3][0])
              * _forward_l()[1][1])),
    (r"\frac{\partial{O_{in_2}}}{\partial{w_{j_2k_1}}} = h1_{out_2}", lambda: (0.0, _forward_l()[1][1])),
    (r"\frac{\partial{O_{in_1}}}{\partial{w_{j_2k_1}}} = h1_{out_2}",
     lambda: (_fd(lambda f: (_forward_l(V1, f.reshape(V2.shape))[2])[0], V2.ravel().astype(float), 2),
              _forward_l()[1][1])),
    (r"W_{jk}^{new} = W_{jk} - \alpha\cdot\delta{W_{jk}}", None),
    (r"W_{jk}^{new} = W_{jk} + \alpha\cdot\delta{W_{jk}}", None),
    (r"\frac{\partial{E}}{\partial{O_{out_1}}} = \frac{\partial{E_1}}{\partial{O_{out_1}}}", None),
]


def test_layers_named_by_letters(tmp_path):
    want = ["correct" if _same(*oracle()) else "incorrect" for _, oracle in LETTERS[:3]]
    assert want == ["correct", "incorrect", "correct"]
    # the update: W - α ∂E/∂W is plain gradient descent's step, W + α ∂E/∂W its sign slip (the spec's SGD); E_1, one
    # output's term of the answer's own error: ∂E/∂O_out_1 = ∂E_1/∂O_out_1 for every such term
    # (test_chain_rule_identities_in_one_outputs_terms' oracle)
    want += ["correct", "incorrect", "correct"]
    spec = spec_text("letters", 2, (3, "sigmoid"), (2, "sigmoid"), convention="column")
    got = _doc(tmp_path, spec, LETTER_FORWARD + [d for d, _ in LETTERS])
    assert [got[len(LETTER_FORWARD) + k] for k in range(len(LETTERS))] == want


def _letter_forward(hidden: int, outputs: int) -> list[str]:
    """The answer's forward sums and its δW_{jk} as the matrix of ∂E/∂w_{j_a k_b} (layers named i, j, k)."""
    weights = " \\\\ ".join(" & ".join(rf"\frac{{\partial{{E}}}}{{\partial{{w_{{j_{a}k_{b}}}}}}}" for b in range(1, outputs + 1))
                          for a in range(1, hidden + 1))
    return [r"h1_{in_1} = i_1w_{i_1j_1} + i_2w_{i_2j_1} + b_{j_1}",
            "O_{in_1} = " + " + ".join(rf"h1_{{out_{a}}}w_{{j_{a}k_1}}" for a in range(1, hidden + 1)) + " + b_{k_1}",
            r"\delta{W_{jk}} = \begin{bmatrix} " + weights + r" \end{bmatrix}"]


def test_star_is_elementwise_where_the_prose_says_so(tmp_path):
    """δW = [∂E/∂O_out_b]_{ab} ∗ [∂O_out_b/∂O_in_b]_{ab} ∗ [∂O_in_b/∂w_{j_a k_b}]_{ab} in a 2-2-2 network: entry by
    entry it is the gradient (each sigmoid output's one path); as matrix products it is not (the oracle, at random
    numbers)."""
    h, o, y = RNG.uniform(0.1, 0.9, size=2), RNG.uniform(0.1, 0.9, size=2), np.array([0.0, 1.0])
    a, b, c = np.tile(o - y, (2, 1)), np.tile(o * (1 - o), (2, 1)), np.tile(h[:, None], (1, 2))
    gradient = np.outer(h, (o - y) * o * (1 - o))  # ∂E/∂w_{j_a k_b} = h_a (o_b − y_b) o_b (1 − o_b)
    assert _same(a * b * c, gradient) and not _same(a @ b @ c, gradient)

    def matrix(entry) -> str:
        return (r"\begin{bmatrix} " + r" \\ ".join(" & ".join(entry(i, j) for j in (1, 2)) for i in (1, 2))
                + r" \end{bmatrix}")

    chain = (r"\delta{W_{jk}} = " + matrix(lambda i, j: rf"\frac{{\partial{{E}}}}{{\partial{{O_{{out_{j}}}}}}}")
             + r" \ast " + matrix(lambda i, j: rf"\frac{{\partial{{O_{{out_{j}}}}}}}{{\partial{{O_{{in_{j}}}}}}}")
             + r" \ast " + matrix(lambda i, j: rf"\frac{{\partial{{O_{{in_{j}}}}}}}{{\partial{{w_{{j_{i}k_{j}}}}}}}"))
    spec = spec_text("square", 2, (2, "sigmoid"), (2, "sigmoid"), convention="column")
    forward = _letter_forward(2, 2)
    said = _doc(tmp_path, spec, forward + [chain], prose=r"The operator $\ast$ is the element-wise product.")
    assert said[len(forward)] == "correct"
    unsaid = _doc(tmp_path, spec, forward + [chain])  # (read as matrix products: not the gradient)
    assert unsaid[len(forward)] == "incorrect"


def test_the_operator_before_a_negated_expression(tmp_path):
    """∂/∂ŷ_1 of −(y_1 log ŷ_1 + (1 − y_1) log(1 − ŷ_1)): by central differences in ŷ_1 at the answer's point."""
    y1, p = 1.0, 0.3

    def bce(v):
        return float(-(y1 * np.log(v[0]) + (1 - y1) * np.log(1 - v[0])))
    slope = _fd(bce, np.array([p]), 0)
    assert _same(slope, -y1 / p + (1 - y1) / (1 - p)) and not _same(slope, y1 / p + (1 - y1) / (1 - p))
    spec = spec_text("bce", 3, (4, "tanh"), (2, "sigmoid"))
    got = _doc(tmp_path, spec, [
        r"\frac{\partial}{\partial \hat{y}_1}-(y_1\log(\hat{y}_1) + (1 - y_1)\log(1 - \hat{y}_1)) = "
        r"-\frac{y_1}{\hat{y}_1} + \frac{1 - y_1}{1 - \hat{y}_1}",
        r"\frac{\partial}{\partial \hat{y}_1}-(y_1\log(\hat{y}_1) + (1 - y_1)\log(1 - \hat{y}_1)) = "
        r"\frac{y_1}{\hat{y}_1} + \frac{1 - y_1}{1 - \hat{y}_1}"])
    assert (got[0], got[1]) == ("correct", "incorrect")


def test_a_derivative_after_a_wrong_own_objective(tmp_path):
    """E = o_out_1 + o_out_2 (not the spec's squared error, and no target in it): ∂E/∂o_out_1 = 1 holds for it and not
    for the spec's E = ½ Σ (ŷ − y)², so it is not called wrong; a chain-rule slip is wrong for every objective and
    stays wrong."""
    _, _, _, yhat = _forward()
    assert not _same(yhat[0] - Y[0], 1.0)  # the spec's ∂E/∂ŷ_1 is not 1
    assert _same(_fd(lambda v: float(v.sum()), yhat.astype(float), 0), 1.0)  # the answer's own E: it is
    spec = spec_text("inout", 3, (4, "tanh"), (2, "sigmoid"))
    derivative = r"\frac{\partial E}{\partial o_{out_1}} = \frac{\partial}{\partial o_{out_1}}(o_{out_1} + o_{out_2}) = 1"
    slip = IN_OUT[7][0]  # the chain through the wrong hidden unit (the oracle above: incorrect)
    got = _doc(tmp_path, spec, [r"E = o_{out_1} + o_{out_2}", derivative, slip, IN_OUT[0][0]])
    assert (got[0], got[1], got[2]) == ("incorrect", "unchecked", "incorrect")
    assert _doc(tmp_path, spec, [derivative, IN_OUT[0][0]])[0] == "incorrect"  # no definition: the spec's E
    # a wrong definition that compares the output with the target is a slip in the spec's loss (output 2's term
    # dropped), not another objective: what follows is judged against the spec
    slipped = _doc(tmp_path, spec, [r"E = \frac{1}{2}(o_{out_1} - y_1)^2", derivative, IN_OUT[0][0]])
    assert (slipped[0], slipped[1]) == ("incorrect", "incorrect")


def test_a_matrix_side_left_out_keeps_the_chain_unchecked(tmp_path):
    """∂o_out_1/∂o_in_1 = [⋯ a row ⋯] = o_out_1(1 − o_out_1): a number equal to a row of several entries is the
    claim's slip; the row does not read (⋯), so the chain is not called right."""
    spec = spec_text("inout", 3, (4, "tanh"), (2, "sigmoid"))
    got = _doc(tmp_path, spec, [
        r"\frac{\partial o_{out_1}}{\partial o_{in_1}} = \begin{bmatrix} \frac{\partial o_{out_1}}{\partial o_{in_1}} & "
        r"\cdots & \frac{\partial o_{out_2}}{\partial o_{in_1}} & \cdots \end{bmatrix} = o_{out_1}(1 - o_{out_1})",
        IN_OUT[0][0]])
    assert got[0] == "unchecked"


# -- one output's terms of the objective, E = E_1 + E_2 + E_3 (each a function of its softmax output alone) ----------

XS, WS1, WS2 = RNG.normal(size=2), RNG.normal(size=(3, 2)), RNG.normal(size=(3, 3))
TERMS = [lambda v: 0.7 * v ** 2, lambda v: np.sin(2 * v), lambda v: np.exp(v) - 3 * v]  # any f_i of output i alone


def _softmax_out(h):
    e = np.exp(WS2 @ h - np.max(WS2 @ h))
    return e / e.sum()


def _term(i):
    return lambda h: float(TERMS[i](_softmax_out(h)[i]))


def test_chain_rule_identities_in_one_outputs_terms(tmp_path):
    """∂E/∂o_out_1 = ∂E_1/∂o_out_1 holds for every objective of per-output terms; E_1's one path to h_out_1 through
    o_in_1 does not (the softmax couples o_out_1 to every o_in); a closed form of ∂E_1/∂o_out_1 needs E_1's own form."""
    h = np.tanh(WS1 @ XS)
    out = _softmax_out(h)
    d_term = _fd(lambda v: float(TERMS[0](v[0])), out.astype(float), 0)  # ∂E_1/∂o_out_1 (E_1 a function of it alone)
    d_whole = _fd(lambda v: float(sum(f(v[i]) for i, f in enumerate(TERMS))), out.astype(float), 0)
    assert _same(d_whole, d_term)
    true = _fd(_term(0), h.astype(float), 0)  # ∂E_1/∂h_out_1 through the softmax
    one_path = d_term * out[0] * (1 - out[0]) * WS2[0, 0]
    assert not _same(true, one_path)
    spec = spec_text("terms", 2, (3, "tanh"), (3, "softmax"), loss="cross_entropy")
    got = _doc(tmp_path, spec, [
        r"h_{in} = W^{(1)} x, \quad h_{out} = \tanh(h_{in})",
        r"\frac{\partial{E}}{\partial{o_{out_1}}} = \frac{\partial{E_1}}{\partial{o_{out_1}}}",
        r"\frac{\partial{E_1}}{\partial{h_{out_1}}} = \frac{\partial{E_1}}{\partial{o_{out_1}}}\cdot\frac{\partial{o_{out_1}}}"
        r"{\partial{o_{in_1}}}\cdot\frac{\partial{o_{in_1}}}{\partial{h_{out_1}}}",
        r"\frac{\partial{E_1}}{\partial{o_{out_1}}} = -\frac{y_1}{o_{out_1}}"])
    assert (got[1], got[2], got[3]) == ("correct", "incorrect", "unchecked")


def test_a_letter_defined_as_the_logistic_function(tmp_path):
    """\\theta(x) = \\frac{1}{(1 + e^{-x})} names the logistic function: its slope is θ(1 − θ), not θ(1 + θ) (central
    differences at random points). (g, f, φ are the spec's activation and their definitions judged against it.)"""
    def phi(v):
        return 1 / (1 + np.exp(-v))
    points = RNG.normal(size=5)
    slope = np.array([_fd(lambda v: float(phi(v[0])), np.array([p]), 0) for p in points])
    assert _same(slope, phi(points) * (1 - phi(points))) and not _same(slope, phi(points) * (1 + phi(points)))
    spec = spec_text("logistic", 3, (4, "sigmoid"), (2, "sigmoid"))
    got = _doc(tmp_path, spec, [r"Sigmoid(x) = \theta(x) = \frac{1}{(1 + e^{-x})}",
                                r"\therefore \frac{d}{dx}\theta(x) = \theta(x)\cdot(1 - \theta(x))",
                                r"\frac{d}{dx}\theta(x) = \theta(x)\cdot(1 + \theta(x))"])
    assert (got[1], got[2]) == ("correct", "incorrect")
