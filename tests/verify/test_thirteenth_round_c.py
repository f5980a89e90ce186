"""Notations of the thirteenth round (issue 10, verify13c), in small documents of my own written as those authors write:
the UFLDL tutorial's backpropagation ("Backpropagation Algorithm", Andrew Ng's UFLDL wiki, 2011; the notation Steven
Van Vaerenbergh's derivation adapts) — layers numbered from the input (``x_i = a_i^{(1)}``), ``W^{(l)}_{ij}`` from unit j
of layer l to unit i of layer l+1, one example's cost ``J(W,b;x,y)`` beside the mean over m examples, updates written
entry by entry with ``=`` (``W_{ij}^{(l)} = W_{ij}^{(l)} - \\alpha \\frac{\\partial}{\\partial W_{ij}^{(l)}} J(W,b)``),
inline derivatives ``\\partial z_i^{(l+1)} / \\partial b_i^{(l)} = 1`` — and an increment written with a triangle
(``\\vartriangle w``, as Jan Hendriks's notes write Δw), with planted mistakes.

Every expected verdict is the formula's truth, decided here in NumPy — forward passes typed by hand and central
differences — never by verify."""

from __future__ import annotations

import numpy as np
import pytest
from gradproof.verify.cli import verify_file
from gradproof.verify.normalize import normalize
from helpers_verify import sigmoid_spec_text


def _run(tmp_path, doc, spec, suffix="md"):
    (tmp_path / "net.toml").write_text(spec, encoding="utf-8")
    (tmp_path / f"hw.{suffix}").write_text(doc, encoding="utf-8")
    results, meta, _ = verify_file(str(tmp_path / f"hw.{suffix}"), str(tmp_path / "net.toml"))
    return {r.id: r.verdict for r in results}, meta


SPEC = sigmoid_spec_text("thirteenth_c")


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _central(f, arg, h=1e-6):
    g = np.zeros_like(arg)
    for idx in np.ndindex(arg.shape):
        up, dn = arg.copy(), arg.copy()
        up[idx] += h
        dn[idx] -= h
        g[idx] = (f(up) - f(dn)) / (2 * h)
    return g


class _Ufldl:
    """UFLDL's network typed by hand: a^{(1)} = x, z^{(l+1)} = W^{(l)} a^{(l)} + b^{(l)}, a^{(l+1)} = f(z^{(l+1)}),
    J(W,b;x,y) = ½‖a^{(3)} − y‖², J(W,b) the mean over the m examples."""

    def __init__(self, seed=13):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(size=(4, 3)), rng.normal(size=4)
        self.W2, self.b2 = rng.normal(size=(2, 4)), rng.normal(size=2)
        self.X, self.Y = rng.normal(size=(5, 3)), rng.uniform(0.1, 0.9, size=(5, 2))

    def forward(self, x, W1=None, b1=None, W2=None, b2=None):
        W1 = self.W1 if W1 is None else W1
        b1 = self.b1 if b1 is None else b1
        W2 = self.W2 if W2 is None else W2
        b2 = self.b2 if b2 is None else b2
        z2 = W1 @ x + b1
        a2 = _sigmoid(z2)
        z3 = W2 @ a2 + b2
        return z2, a2, z3, _sigmoid(z3)

    def example_cost(self, x, y, **params):
        return 0.5 * float(np.sum((self.forward(x, **params)[3] - y) ** 2))

    def mean_cost(self, **params):
        return float(np.mean([self.example_cost(x, y, **params) for x, y in zip(self.X, self.Y, strict=True)]))


UFLDL = r"""# Backpropagation (after the UFLDL tutorial)

Layers are numbered from the input, $x_i = a_i^{(1)}$, and $W^{(l)}_{ij}$ is the weight from unit $j$ of layer $l$ to
unit $i$ of layer $l+1$:

$$z^{(l+1)} = W^{(l)} a^{(l)} + b^{(l)} \tag{fwd1}$$

$$a^{(l+1)} = f(z^{(l+1)}) \tag{fwd2}$$

Suppose we have a training set $(x^{(1)}, y^{(1)}), \dots, (x^{(m)}, y^{(m)})$ of $m$ examples. The cost of one
example $(x, y)$ is

$$J(W,b;x,y) = \frac{1}{2} \left\| h_{W,b}(x) - y \right\|^2 \tag{cost}$$

and over the $m$ examples

$$J(W,b) = \frac{1}{m} \sum_{k=1}^m J(W,b;x^{(k)},y^{(k)}) \tag{mean}$$

$$\frac{\partial}{\partial W_{ij}^{(l)}} J(W,b) =
\frac{1}{m} \sum_{k=1}^m \frac{\partial}{\partial W_{ij}^{(l)}} J(W,b; x^{(k)}, y^{(k)}) \tag{g1}$$

$$W_{ij}^{(l)} = W_{ij}^{(l)} - \alpha \frac{\partial}{\partial W_{ij}^{(l)}} J(W,b) \tag{u1}$$

$$b_{i}^{(l)} = b_{i}^{(l)} - \alpha \frac{\partial}{\partial b_{i}^{(l)}} J(W,b) \tag{u2}$$

$$W_{ij}^{(l)} = W_{ij}^{(l)} + \alpha \frac{\partial}{\partial W_{ij}^{(l)}} J(W,b) \tag{u3}$$

$$\frac{\partial J}{\partial a_i^{(n_l)}} = a_i^{(n_l)} - y_i \tag{o1}$$

$$\frac{\partial J}{\partial a_i^{(n_l)}} = y_i - a_i^{(n_l)} \tag{o2}$$

$$\frac{\partial}{\partial W_{ij}^{(l)}} J(W,b; x, y) =
\frac{\partial J}{\partial z_i^{(l+1)}} \frac{\partial z_i^{(l+1)}}{\partial W_{ij}^{(l)}} \tag{c1}$$

$$\frac{\partial}{\partial W_{ij}^{(l)}} J(W,b; x, y) =
\frac{\partial J}{\partial z_j^{(l+1)}} \frac{\partial z_j^{(l+1)}}{\partial W_{ij}^{(l)}} \tag{c2}$$

$$\frac{\partial}{\partial b_{i}^{(l)}} J(W,b; x, y) = \frac{\partial J}{\partial z_i^{(l+1)}} \tag{c3}$$

Since $\partial z_i^{(l+1)} / \partial b_i^{(l)} = 1$, and $\partial z_i^{(l+1)} / \partial b_i^{(l)} = a_i^{(l)}$ would be wrong:

$$\frac{\partial z_i^{(l+1)}}{\partial W_{ij}^{(l)}} = a_j^{(l)} \tag{d1}$$

$$\frac{\partial z_i^{(l+1)}}{\partial W_{ij}^{(l)}} = a_i^{(l)} \tag{d2}$$
"""


def _ufldl_truth():
    """Each graded claim's truth, from the hand-typed network and central differences."""
    net = _Ufldl()
    x, y = net.X[0], net.Y[0]
    z2, a2, z3, a3 = net.forward(x)
    truth = {}
    dW1 = _central(lambda w: net.mean_cost(W1=w), net.W1)
    db1 = _central(lambda b: net.mean_cost(b1=b), net.b1)
    # g1: the mean cost's gradient is the mean of the examples' own gradients
    each = [_central(lambda w, x=x, y=y: net.example_cost(x, y, W1=w), net.W1) for x, y in zip(net.X, net.Y, strict=True)]
    truth["g1"] = np.allclose(dW1, np.mean(each, axis=0), atol=1e-6)
    # u1, u2: the step down the mean cost's gradient (its first-order change is -α‖g‖² < 0); u3 climbs it
    truth["u1"] = net.mean_cost(W1=net.W1 - 1e-3 * dW1) < net.mean_cost()
    truth["u2"] = net.mean_cost(b1=net.b1 - 1e-3 * db1) < net.mean_cost()
    truth["u3"] = net.mean_cost(W1=net.W1 + 1e-3 * dW1) < net.mean_cost()
    # o1, o2: ∂J/∂a^{(3)} of one example's cost
    dJ_da3 = _central(lambda a: 0.5 * float(np.sum((a - y) ** 2)), a3)
    truth["o1"] = np.allclose(dJ_da3, a3 - y, atol=1e-6)
    truth["o2"] = np.allclose(dJ_da3, y - a3, atol=1e-6)
    # c1, c3: ∂J/∂W_ij = ∂J/∂z_i · ∂z_i/∂W_ij = δ_i a_j (layer 2, where both indices fit), ∂J/∂b_i = δ_i
    dJ_dW2 = _central(lambda w: net.example_cost(x, y, W2=w), net.W2)
    dJ_dz3 = _central(lambda z: 0.5 * float(np.sum((_sigmoid(z) - y) ** 2)), z3)
    dz3_dW2 = np.array([[_central(lambda w, i=i: float((w @ a2 + net.b2)[i]), net.W2)[i, j] for j in range(4)]
                        for i in range(2)])
    truth["c1"] = np.allclose(dJ_dW2, dJ_dz3[:, None] * dz3_dW2, atol=1e-6)
    # c2: ∂J/∂z_j ∂z_j/∂W_ij — at layer 2, j runs over W's 4 columns but z^{(3)} has 2 entries; where it can be
    # evaluated (j < 2) it is δ_j [i = j] a_j, not the gradient
    dz_j = np.array([[_central(lambda w, j=j: float((w @ a2 + net.b2)[j]), net.W2)[i, j] for j in range(2)]
                     for i in range(2)])
    truth["c2"] = np.allclose(dJ_dW2[:, :2], dJ_dz3[None, :2] * dz_j, atol=1e-6)
    truth["c3"] = np.allclose(_central(lambda b: net.example_cost(x, y, b2=b), net.b2), dJ_dz3, atol=1e-6)
    # d1, d2: ∂z_i^{(2)}/∂W_ij^{(1)} = a_j^{(1)} = x_j (d2's a_i: i runs over 4 units, x has 3 entries)
    d = np.array([[_central(lambda w, i=i: float((w @ x + net.b1)[i]), net.W1)[i, j] for j in range(3)] for i in range(4)])
    truth["d1"] = np.allclose(d, np.tile(x, (4, 1)), atol=1e-6)
    truth["d2"] = np.allclose(d[:3], np.tile(x[:3, None], (1, 3)), atol=1e-6)
    # the inline pair: ∂z_i/∂b_i = 1, not a_i
    dzb = np.array([_central(lambda b, i=i: float((net.W1 @ x + b)[i]), net.b1)[i] for i in range(4)])
    truth["line i1"] = np.allclose(dzb, 1.0)
    truth["line i2"] = np.allclose(dzb[:3], x)
    return truth


def test_ufldl_document_entry_updates_and_one_example_claims(tmp_path):
    truth = _ufldl_truth()
    assert [k for k, v in truth.items() if not v] == ["u3", "o2", "c2", "d2", "line i2"]  # the planted ones only
    verdicts, meta = _run(tmp_path, UFLDL, SPEC)
    assert "the input is layer 1 and W^{(l)} leaves layer l" in meta["notation"]
    for claim in ("g1", "u1", "u2", "u3", "o1", "o2", "c1", "c2", "c3", "d1", "d2"):
        assert verdicts[claim] == ("correct" if truth[claim] else "incorrect"), claim
    # the sentence's two inline derivatives: ∂z_i/∂b_i = 1 (right), = a_i (wrong)
    second = next(k for k in verdicts if k.endswith("#2"))
    first = second[:-2]
    assert (verdicts[first], verdicts[second]) == tuple("correct" if truth[k] else "incorrect" for k in ("line i1", "line i2"))
    assert verdicts["line 3"] == "correct"  # x_i = a_i^{(1)}
    # the one example's cost is a definition over a batch of m examples: never called wrong (it is right)
    assert verdicts["cost"] != "incorrect"


def test_planted_copy_still_reads_its_layer_numbering(tmp_path):
    """The layer numbering is read from the forward definitions' form (x_i = a_i^{(1)}, z^{(l+1)} = W^{(l)} a^{(l)}),
    not from how many claims each reading makes right: a copy where most claims are planted mistakes reads the same."""
    planted = UFLDL.replace("a_i^{(n_l)} - y_i \\tag{o1}", "y_i - a_i^{(n_l)} \\tag{o1}").replace(
        "- \\alpha \\frac{\\partial}{\\partial b", "+ \\alpha \\frac{\\partial}{\\partial b").replace(
        "= a_j^{(l)} \\tag{d1}", "= a_i^{(l)} \\tag{d1}")
    verdicts, meta = _run(tmp_path, planted, SPEC)
    assert "the input is layer 1 and W^{(l)} leaves layer l" in meta["notation"]
    assert verdicts["u1"] == "correct" and verdicts["c1"] == "correct" and verdicts["c3"] == "correct"
    assert verdicts["o1"] == verdicts["u2"] == verdicts["d1"] == "incorrect"


# -- a triangle as the increment: \vartriangle w = Δw (Hendriks's notes) ---------------------------------------------

TRIANGLE = r"""# Weight changes

$$z^{(1)} = W^{(1)} x + b^{(1)}, \quad h^{(1)} = \sigma(z^{(1)})$$

$$\vartriangle W^{(2)} = -\eta \frac{\partial E}{\partial W^{(2)}} \tag{t1}$$

$$\vartriangle W^{(1)} = \eta \frac{\partial E}{\partial W^{(1)}} \tag{t2}$$

$$\vartriangle b^{(2)} = -\eta \frac{\partial E}{\partial b^{(2)}} \tag{t3}$$
"""


def test_triangle_increment(tmp_path):
    """△W = −η ∂E/∂W is the step's change: it lowers E (t1, t3); +η ∂E/∂W raises it (t2, planted)."""
    rng = np.random.default_rng(7)
    W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(2, 4)), rng.normal(size=2)
    x, y = rng.normal(size=3), rng.uniform(0.1, 0.9, size=2)

    def E(W1=W1, b1=b1, W2=W2, b2=b2):
        return 0.5 * float(np.sum((_sigmoid(W2 @ _sigmoid(W1 @ x + b1) + b2) - y) ** 2))

    eta = 1e-3
    lowers = {"t1": E(W2=W2 - eta * _central(lambda w: E(W2=w), W2)) < E(),
              "t2": E(W1=W1 + eta * _central(lambda w: E(W1=w), W1)) < E(),
              "t3": E(b2=b2 - eta * _central(lambda b: E(b2=b), b2)) < E()}
    assert lowers == {"t1": True, "t2": False, "t3": True}
    verdicts, _ = _run(tmp_path, TRIANGLE, SPEC)
    assert {k: verdicts[k] for k in lowers} == {k: "correct" if v else "incorrect" for k, v in lowers.items()}


@pytest.mark.parametrize("latex, kept", [
    (r"a \vartriangle b", True),  # between two operands: amssymb's relation, not read as Δ
    (r"x_1 \triangle x_2 = 0", True),
    (r"\vartriangle x = 2", True),  # before a letter that is no parameter
    (r"\vartriangle w_{hm} = 1", False),
    (r"y = \triangle W^{(2)}", False),
])
def test_triangle_is_an_increment_only_as_a_prefix_of_a_parameter(latex, kept):
    assert ("triangle" in normalize(latex)) is kept
    assert ("\\Delta" in normalize(latex)) is not kept


# -- the penalty's scale as the answer writes it: UFLDL's λ/2 Σ W² beside a 1/m data term ----------------------------

PENALTY = r"""# Weight decay (after the UFLDL tutorial)

Layers are numbered from the input, $x_i = a_i^{(1)}$:

$$z^{(l+1)} = W^{(l)} a^{(l)} + b^{(l)}, \quad a^{(l+1)} = f(z^{(l+1)})$$

Suppose we have a training set $(x^{(1)}, y^{(1)}), \dots, (x^{(m)}, y^{(m)})$ of $m$ examples, and
$J(W,b;x,y) = \frac{1}{2} \left\| h_{W,b}(x) - y \right\|^2$ the cost of one. The overall cost is

$$J(W,b) = \left[ \frac{1}{m} \sum_{k=1}^m J(W,b;x^{(k)},y^{(k)}) \right]
+ \frac{\lambda}{2} \sum_{l=1}^{n_l-1} \sum_{i=1}^{s_l} \sum_{j=1}^{s_{l+1}} \left( W^{(l)}_{ji} \right)^2 \tag{p0}$$

$$\frac{\partial}{\partial W_{ij}^{(l)}} J(W,b) =
\left[ \frac{1}{m} \sum_{k=1}^m \frac{\partial}{\partial W_{ij}^{(l)}} J(W,b; x^{(k)}, y^{(k)}) \right] + \lambda W_{ij}^{(l)} \tag{p1}$$

$$\frac{\partial}{\partial W_{ij}^{(l)}} J(W,b) =
\left[ \sum_{k=1}^m \frac{\partial}{\partial W_{ij}^{(l)}} J(W,b; x^{(k)}, y^{(k)}) \right] + \lambda W_{ij}^{(l)} \tag{p2}$$
"""


def test_penalty_on_the_answers_scale_is_not_called_wrong(tmp_path):
    """p1 is the gradient of the answer's own J(W,b) (λ/2 Σ W², λ not divided by m) but not of the spec's (λ/(2m) Σ W²):
    correct on the answer's scale when its own definition (p0) writes it, else judged on the spec's. p2 (the 1/m
    dropped, planted) is the gradient of neither: incorrect."""
    lam = 0.01
    net = _Ufldl(seed=5)
    m = len(net.X)

    def grads(scale):
        cost = lambda w: net.mean_cost(W1=w) + scale * lam / 2 * (np.sum(w ** 2) + np.sum(net.W2 ** 2))  # noqa: E731
        return _central(cost, net.W1)

    per_example = np.mean([_central(lambda w, x=x, y=y: net.example_cost(x, y, W1=w), net.W1)
                           for x, y in zip(net.X, net.Y, strict=True)], axis=0)
    p1, p2 = per_example + lam * net.W1, m * per_example + lam * net.W1
    own, spec = grads(1.0), grads(1.0 / m)
    assert np.allclose(p1, own, atol=1e-6) and not np.allclose(p1, spec, atol=1e-4)
    assert not np.allclose(p2, own, atol=1e-4) and not np.allclose(p2, spec, atol=1e-4)
    regularised = SPEC + f'\n[regularization]\nname = "l2"\nlambda = {lam}\n'
    # the answer's own J(W,b) (p0) writes λ/2 Σ W²: its claims are read on that scale, p0 itself a convention
    verdicts, meta = _run(tmp_path, PENALTY, regularised)
    assert meta["batch"] > 1
    assert (verdicts["p0"], verdicts["p1"], verdicts["p2"]) == ("unchecked", "correct", "incorrect")
    # without that definition nothing in the answer says it writes the other scale: the spec's holds
    start, end = PENALTY.index("$$J(W,b) = \\left["), PENALTY.index("\\tag{p0}$$") + len("\\tag{p0}$$")
    verdicts, _ = _run(tmp_path, PENALTY[:start] + PENALTY[end:], regularised)
    assert (verdicts["p1"], verdicts["p2"]) == ("incorrect", "incorrect")
    # a claim right on the spec's scale only (λ/m W, Ng's) contradicts the definition: it settles nothing
    p3 = per_example + lam / m * net.W1
    assert np.allclose(p3, spec, atol=1e-6) and not np.allclose(p3, own, atol=1e-4)
    ng = PENALTY.replace("\\right] + \\lambda W_{ij}^{(l)} \\tag{p2}", "\\right] + \\frac{\\lambda}{m} W_{ij}^{(l)} \\tag{p3}")
    ng = ng.replace("\\left[ \\sum_{k=1}^m", "\\left[ \\frac{1}{m} \\sum_{k=1}^m")
    verdicts, _ = _run(tmp_path, ng, regularised)
    assert (verdicts["p0"], verdicts["p1"], verdicts["p3"]) == ("incorrect", "incorrect", "correct")
