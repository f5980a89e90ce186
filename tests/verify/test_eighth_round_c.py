"""Readings of the eighth round, verify7c (issue 10: the false rejects of heldout2, heldout3 and heldout4 as classes).

- a claim that holds if the answer stores its input with one sample per row (Raschka's ``Z = W [A]^T``) is no evidence
  against a notation reading in the inference's scoring (it was counted wrong there, so one planted forward mistake
  more made the answer's layer numbering fall back to the default and its ``W A^T`` claims false rejects);
- a layer-free parameter in a chain that differentiates z by it (Koerbitz's one-neuron ``∂C/∂w = ∂C/∂a ∂a/∂z ∂z/∂w``
  with z the hidden layer's) is z's layer's parameter, not every layer's;
- a generic unit's claim whose chain also names the output whole (Wikipedia's ``∂E/∂o_j = ∂E/∂y = … = y − t``) is about
  the output unit even when one side of the chain does not read;
- a worked example's value stated for a quantity on the answer's own scale (Hagan's ``s^1 = 2 δ^{(1)}`` under
  ``F̂ = eᵀe``) is remembered, so a later step computed from a wrong one is carried forward, not wrong;
- layers written as modules X → Y (wj-jason's ``Y = W X + B``, ``Y = f(X)``, ``Y^{(0)} = X^{(1)}``), numbered one
  module after another (verify/modules.py); an update ``W := W − α ∂C/∂W`` on the answer's own objective (C = 2 × the
  spec's) is the step on that objective.

The claims are written here (not copied from a corpus), right ones and planted ones; the expected verdicts are decided
by hand and the identities they rest on checked numerically with NumPy (central differences, the forward pass typed
here), independently of verify."""

from __future__ import annotations

import re

import numpy as np
from gradproof.derive.derivation import derive
from gradproof.derive.spec import spec_from_dict
from gradproof.verify.document import extract
from gradproof.verify.judge import Claim, Judge

RNG = np.random.default_rng(8)


def _sigmoid(v):
    return 1 / (1 + np.exp(-v))


def _central(f, x, h=1e-6):
    x = np.asarray(x, dtype=float)
    out = np.zeros_like(x)
    for k in range(x.size):
        e = np.zeros_like(x)
        e.flat[k] = h
        out.flat[k] = (f(x + e) - f(x - e)) / (2 * h)
    return out


def _net(inputs, units, activations, loss="squared_error"):
    spec = {"name": "v7c", "inputs": inputs, "convention": "row",
            "layers": [{"units": u, "activation": a} for u, a in zip(units, activations, strict=True)],
            "loss": {"name": loss}, "optimizer": {"name": "sgd", "learning_rate": 0.1}}
    return derive(spec_from_dict(spec), check=False)


def _tagged(doc: str) -> list[Claim]:
    return [Claim(m.group(2), m.group(1).strip()) for m in re.finditer(r"\$\$(.*?)\\tag\{(.*?)\}\$\$", doc)]


# -- Raschka's layers from the input (layer 1), W^{(l)} leaving layer l, a batch with Z = W [A]^T -----------------------

RASCHKA_LIKE = r"""
$$\mathbf{z}^{(2)} = \mathbf{W}^{(1)} \mathbf{a}^{(1)} + \mathbf{b}^{(1)} \tag{z2}$$
$$\mathbf{a}^{(2)} = \sigma(\mathbf{z}^{(2)}) \tag{a2}$$
$$\mathbf{z}^{(3)} = \mathbf{W}^{(1)} \mathbf{a}^{(2)} + \mathbf{b}^{(2)} \tag{bad-z3}$$
$$\mathbf{a}^{(3)} = \sigma(\mathbf{z}^{(3)}) \tag{a3}$$
$$\mathbf{Z}^{(2)} = \mathbf{W}^{(1)} \big[\mathbf{A}^{(1)}\big]^T + \mathbf{b}^{(1)} \tag{rows}$$
$$\mathbf{Z}^{(2)} = \mathbf{W}^{(1)} \Big[ \mathbf{A}^{(1)} \Big]^T + \mathbf{b}^{(1)} \quad \text{(again)} \tag{rows-again}$$
$$\boldsymbol{\delta}^{(3)} = \mathbf{a}^{(3)} - \mathbf{y} \tag{d3}$$
$$\boldsymbol{\delta}^{(3)} = \mathbf{y} - \mathbf{a}^{(3)} \tag{bad-d3}$$
"""


def test_the_identities_of_the_input_numbered_one():
    # in a 3-4-2 sigmoid network, with the input numbered 1: z^{(2)} = W^{(1)} a^{(1)} + b^{(1)} is the hidden layer's
    # summed input, W^{(1)} (4×3) does not multiply a^{(2)} (4 entries): bad-z3 cannot hold
    W1, b1, W2, b2 = RNG.normal(size=(4, 3)), RNG.normal(size=4), RNG.normal(size=(2, 4)), RNG.normal(size=2)
    X = RNG.normal(size=(5, 3))  # five samples, one per row (the answer's A^{(1)})
    Z2 = W1 @ X.T + b1[:, None]  # its Z = W A^T: one sample per column
    assert np.allclose(Z2[:, 0], W1 @ X[0] + b1)
    a2 = _sigmoid(Z2[:, 0])
    assert W1.shape[1] != a2.size
    # δ^{(3)} = ∂/∂z [−y log σ(z) − (1 − y) log(1 − σ(z))] = σ(z) − y, and y − a^{(3)} is its negative
    z3 = W2 @ a2 + b2
    y = np.array([1.0, 0.0])
    bce = lambda z: float(-np.sum(y * np.log(_sigmoid(z)) + (1 - y) * np.log(1 - _sigmoid(z))))  # noqa: E731
    delta = _central(bce, z3)
    assert np.allclose(delta, _sigmoid(z3) - y, atol=1e-6)
    assert not np.allclose(delta, y - _sigmoid(z3), atol=1e-3)


def test_a_claim_that_holds_for_inputs_stored_as_rows_is_no_evidence_against_the_layer_numbering():
    d = _net(3, (4, 2), ("sigmoid", "sigmoid"), loss="binary_cross_entropy")
    judge = Judge(d, batch=5)
    got = {r.id: (r.verdict, r.message) for r in judge.check_all(extract(RASCHKA_LIKE))}
    assert any("the input is layer 1" in change for change in judge.inferred)
    want = {"z2": "correct", "a2": "correct", "bad-z3": "incorrect", "a3": "correct", "rows": "unchecked",
            "rows-again": "unchecked", "d3": "correct", "bad-d3": "incorrect"}
    assert {k: v for k, (v, _m) in got.items()} == want
    assert "stores X with one sample per row" in got["rows"][1]


# -- Koerbitz's one neuron per layer: z, a without a layer, w and b without one ------------------------------------------

ONE_NEURON = {
    "z": r"z = w x + b",
    "a": r"a = \sigma(z)",
    "chain-w": r"\frac{\partial C}{\partial w} = \frac{\partial C}{\partial a} \frac{\partial a}{\partial z} \frac{\partial z}{\partial w}",
    "chain-b": r"\frac{\partial C}{\partial b} = \frac{\partial C}{\partial a} \frac{\partial a}{\partial z} \frac{\partial z}{\partial b}",
    "bad-chain-w": r"\frac{\partial C}{\partial w} = \frac{\partial C}{\partial a} \frac{\partial z}{\partial w}",
    "bad-chain-b": r"\frac{\partial C}{\partial b} = \frac{\partial C}{\partial z} \frac{\partial z}{\partial w}",
}


def test_the_identities_of_one_neuron_per_layer():
    w1, b1, w2, b2, x, y = RNG.normal(size=6)

    def cost(p):
        a1 = _sigmoid(p[0] * x + p[1])
        return 0.5 * (_sigmoid(p[2] * a1 + p[3]) - y) ** 2

    p = np.array([w1, b1, w2, b2])
    grad = _central(cost, p)
    z1 = w1 * x + b1
    a1 = _sigmoid(z1)
    dC_da1 = float(_central(lambda v: 0.5 * (_sigmoid(w2 * v[0] + b2) - y) ** 2, np.array([a1]))[0])
    dC_dz1 = dC_da1 * a1 * (1 - a1)
    assert np.isclose(grad[0], dC_dz1 * x, atol=1e-6)  # chain-w with z, a the hidden layer's
    assert np.isclose(grad[1], dC_dz1, atol=1e-6)  # chain-b: ∂z/∂b = 1
    assert not np.isclose(grad[0], dC_da1 * x, atol=1e-4)  # bad-chain-w: σ'(z) left out
    assert not np.isclose(grad[1], dC_dz1 * x, atol=1e-4)  # bad-chain-b: ∂z/∂w = x for ∂z/∂b = 1


def test_a_layer_free_parameter_differentiated_with_z_is_zs_layers():
    d = _net(1, (1, 1), ("sigmoid", "sigmoid"))
    results = Judge(d).check_all([Claim(k, v) for k, v in ONE_NEURON.items()])
    got = {r.id: r.verdict for r in results}
    assert got == {"z": "correct", "a": "correct", "chain-w": "correct", "chain-b": "correct",
                   "bad-chain-w": "incorrect", "bad-chain-b": "incorrect"}
    assert "∂z/∂w names (1)" in next(r.message for r in results if r.id == "chain-w")


# -- Wikipedia's generic unit j, the output named whole in the chain -----------------------------------------------------

GENERIC_UNIT = r"""
$$E = \frac{1}{2}(y - t)^2 \tag{E}$$
$$\text{net}_j = \sum_{i=1}^n w_{ij} o_i \tag{net}$$
$$o_j = \varphi(\text{net}_j) \tag{o}$$
$$\delta_j = (o_j - t_j)\, o_j (1 - o_j) \tag{dj}$$
$$\frac{\partial E}{\partial o_j} = \frac{\partial E}{\partial y} = \frac{\partial}{\partial y} \frac{1}{2}(y - t)^2 = y - t \tag{out}$$
$$\frac{\partial E}{\partial o_j} = \frac{\partial E}{\partial y} = \frac{\partial}{\partial y} \frac{1}{2}(y - t)^2 = t - y \tag{bad-out}$$
$$\frac{\partial E}{\partial o_j}=\frac{\partial E}{\partial y}=\frac{\partial}{\partial y}\frac{1}{2}(y-t)^2 = 2(y-t) \tag{twice}$$
"""


def test_an_output_unit_claim_with_an_unread_side_is_judged_at_the_output():
    y, t = RNG.normal(size=2)
    dE = float(_central(lambda v: 0.5 * (v[0] - t) ** 2, np.array([y]))[0])
    assert np.isclose(dE, y - t, atol=1e-6) and not np.isclose(dE, t - y) and not np.isclose(dE, 2 * (y - t))
    d = _net(2, (3, 1), ("sigmoid", "sigmoid"))
    got = {r.id: r.verdict for r in Judge(d).check_all(_tagged(GENERIC_UNIT))}
    assert got == {"E": "correct", "net": "correct", "o": "correct", "dj": "correct", "out": "correct",
                   "bad-out": "incorrect", "twice": "incorrect"}


# -- Hagan's sensitivities on the answer's own scale, a wrong one carried forward ----------------------------------------

HAGAN_NET = """name = "hagan_like"
inputs = 1
convention = "row"

[[layers]]
units = 2
activation = "sigmoid"

[[layers]]
units = 1
activation = "identity"

[loss]
name = "squared_error"

[optimizer]
name = "sgd"
learning_rate = 0.1
"""


def _mat(v) -> str:
    return r"\begin{bmatrix} " + r" \\ ".join(f"{float(e):.4f}" for e in np.ravel(v)) + r" \end{bmatrix}"


def test_a_value_stated_on_the_answers_own_scale_is_carried_forward(tmp_path):
    from gradproof.verify.cli import verify_file

    x, t = np.array([1.0]), np.array([1.5])
    W1, b1, W2, b2 = np.array([[0.3], [-0.2]]), np.array([0.1, -0.4]), np.array([[0.5, -0.6]]), np.array([0.2])
    a1 = _sigmoid(W1 @ x + b1)
    a2 = W2 @ a1 + b2
    s2 = _central(lambda n: float((t - n) @ (t - n)), a2)  # s = ∂F̂/∂n with F̂ = eᵀe: twice the spec's δ
    assert np.allclose(s2, -2 * (t - a2), atol=1e-6)
    s1 = _central(lambda n: float(np.sum((t - (W2 @ _sigmoid(n) + b2)) ** 2)), W1 @ x + b1)
    s1_wrong = W2.T @ s2  # the slip: F'^1 left out
    assert np.allclose(s1, a1 * (1 - a1) * s1_wrong, atol=1e-6) and not np.allclose(s1, s1_wrong, atol=1e-2)
    W1_own = W1 - 0.1 * np.outer(s1_wrong, x)  # right given the answer's own s^1, wrong against the true one
    W1_true = W1 - 0.1 * np.outer(s1, x)
    assert not np.allclose(np.round(W1_own, 4), W1_true, atol=0.05 * abs(W1_true).max())
    claims = {
        "fwd": r"\mathbf{a}^{m+1} = \mathbf{f}^{m+1}(\mathbf{W}^{m+1}\mathbf{a}^{m} + \mathbf{b}^{m+1})",
        "in": r"\mathbf{a}^0 = \mathbf{p}",
        "out": r"\mathbf{a} = \mathbf{a}^M",
        "F": r"\hat{F}(\mathbf{x}) = (\mathbf{t}(k) - \mathbf{a}(k))^T(\mathbf{t}(k) - \mathbf{a}(k))",
        "upd": r"w_{i,j}^m(k+1) = w_{i,j}^m(k) - \alpha \frac{\partial \hat{F}}{\partial w_{i,j}^m}",
        "n": r"n_i^m = \sum_{j=1}^{S^{m-1}} w_{i,j}^m a_j^{m-1} + b_i^m",
        "sdef": r"s_i^m = \frac{\partial \hat{F}}{\partial n_i^m}",
        "s2": r"\mathbf{s}^2 = -2 (\mathbf{t} - \mathbf{a}) = " + _mat(s2),
        "s1": r"\mathbf{s}^1 = (\mathbf{W}^2)^T \mathbf{s}^2 = " + _mat(s1_wrong),
        "W1": r"\mathbf{W}^1(1) = \mathbf{W}^1(0) - \alpha \mathbf{s}^1 (\mathbf{a}^0)^T = " + _mat(W1) + " - 0.1 "
              + _mat(s1_wrong) + r" \begin{bmatrix} 1 \end{bmatrix} = " + _mat(W1_own),
        "W1-true": r"\mathbf{W}^1(1) = \mathbf{W}^1(0) - \alpha \mathbf{s}^1 (\mathbf{a}^0)^T = " + _mat(W1_true),
    }
    (tmp_path / "net.toml").write_text(HAGAN_NET, encoding="utf-8")
    body = ('spec = "net.toml"\nbatch = 1\n\n[values]\nx = [1.0]\ny = [1.5]\nW1 = [[0.3], [-0.2]]\nb1 = [0.1, -0.4]\n'
            "W2 = [[0.5, -0.6]]\nb2 = [0.2]\n")
    body += "".join(f"\n[[claims]]\nid = \"{k}\"\nlatex = '''{v}'''\n" for k, v in claims.items())
    (tmp_path / "a.toml").write_text(body, encoding="utf-8")
    results, _meta, _s = verify_file(str(tmp_path / "a.toml"), None)
    got = {r.id: r.verdict for r in results}
    assert got["s2"] == "correct" and got["s1"] == "incorrect"
    assert got["W1"] == "carried_forward"
    assert got["W1-true"] == "correct"


# -- layers as modules X -> Y, numbered one after another ------------------------------------------------------------------

MODULES_DOC = r"""Each layer maps its input column $X$ to its output $Y$; a dense one is

$$Y = W X + B \tag{def}$$

and an activation layer is $Y = f(X)$. Layers are counted from 0, so the output of one is the input of the next:

$$Y^{(0)} = X^{(1)} \tag{chain01}$$
$$Y^{(1)} = X^{(2)} \tag{chain12}$$
$$Y^{(1)} = X^{(1)} \tag{bad-chain}$$

For a dense layer, given $\frac{\partial C}{\partial Y}$:

$$\frac{\partial C}{\partial W} = \frac{\partial C}{\partial Y} X^T \tag{dW}$$
$$\frac{\partial C}{\partial W} = X \left(\frac{\partial C}{\partial Y}\right)^T \tag{bad-dW}$$
$$\frac{\partial C}{\partial B} = \frac{\partial C}{\partial Y} \tag{dB}$$
$$\frac{\partial C}{\partial X} = W^T \frac{\partial C}{\partial Y} \tag{dX}$$
$$\frac{\partial C}{\partial X} = W \frac{\partial C}{\partial Y} \tag{bad-dX}$$

For an activation layer:

$$\frac{\partial C}{\partial X} = \frac{\partial C}{\partial Y} \odot f'(X) \tag{act}$$
$$\frac{\partial C}{\partial X} = \frac{\partial C}{\partial Y} \odot f(X) \tag{bad-act}$$

In the network:

$$\frac{\partial C}{\partial W^{(2)}} = \frac{\partial C}{\partial Y^{(2)}} X^{{(2)}^T} \tag{dW2}$$
$$\frac{\partial C}{\partial W^{(2)}} = \frac{\partial C}{\partial Y^{(2)}} X^{{(1)}^T} \tag{bad-dW2}$$
$$\frac{\partial C}{\partial X^{(3)}} = \frac{\partial C}{\partial Y^{(3)}} \odot \sigma'(X^{(3)}) \tag{out-act}$$
$$\frac{\partial C}{\partial X^{(3)}} = \frac{\partial C}{\partial Y^{(3)}} \odot \sigma'(Y^{(3)}) \tag{bad-out-act}$$
"""


def _tanh_sigmoid_point():
    W1, b1, W2, b2 = RNG.normal(size=(3, 2)), RNG.normal(size=3), RNG.normal(size=(2, 3)), RNG.normal(size=2)
    x, y = RNG.normal(size=2), RNG.random(2)

    def forward(W1=W1, b1=b1, W2=W2, b2=b2, x=x):
        z1 = W1 @ x + b1
        h1 = np.tanh(z1)
        z2 = W2 @ h1 + b2
        return z1, h1, z2, _sigmoid(z2)

    def cost(**over):
        return 0.5 * float(np.sum((forward(**over)[3] - y) ** 2))

    z1, h1, z2, yhat = forward()
    g = {"W1": _central(lambda v: cost(W1=v), W1), "b1": _central(lambda v: cost(b1=v), b1),
         "W2": _central(lambda v: cost(W2=v), W2), "b2": _central(lambda v: cost(b2=v), b2),
         "x": _central(lambda v: cost(x=v), x),
         "z1": _central(lambda v: 0.5 * float(np.sum((_sigmoid(W2 @ np.tanh(v) + b2) - y) ** 2)), z1),
         "h1": _central(lambda v: 0.5 * float(np.sum((_sigmoid(W2 @ v + b2) - y) ** 2)), h1),
         "z2": _central(lambda v: 0.5 * float(np.sum((_sigmoid(v) - y) ** 2)), z2),
         "yhat": yhat - y}
    return dict(W1=W1, W2=W2, x=x, z1=z1, h1=h1, z2=z2, yhat=yhat), g


def test_the_identities_of_layers_as_modules():
    # modules of a 2-3-2 tanh/sigmoid net: 0 = layer 1's affine map (X = x, Y = z1), 1 = its tanh (X = z1, Y = h1),
    # 2 = layer 2's affine map (X = h1, Y = z2), 3 = its sigmoid (X = z2, Y = ŷ)
    q, g = _tanh_sigmoid_point()
    close = lambda a, b: np.shape(a) == np.shape(b) and np.allclose(a, b, atol=1e-5)  # noqa: E731
    dense = [(g["W1"], g["b1"], g["x"], g["z1"], q["x"], q["W1"]), (g["W2"], g["b2"], g["h1"], g["z2"], q["h1"], q["W2"])]
    for dW, dB, dX, dY, X, W in dense:
        assert close(dW, np.outer(dY, X))  # dW
        assert not close(dW, np.outer(X, dY))  # bad-dW: the transpose, of another shape
        assert close(dB, dY)  # dB
        assert close(dX, W.T @ dY)  # dX
        assert W.shape[1] != dY.size  # bad-dX: W (out × in) does not multiply ∂C/∂Y
    sig = _sigmoid(q["z2"])
    assert close(g["z1"], g["h1"] * (1 - np.tanh(q["z1"]) ** 2))  # act at the tanh module
    assert close(g["z2"], g["yhat"] * sig * (1 - sig))  # act at the sigmoid module (out-act)
    assert not close(g["z1"], g["h1"] * np.tanh(q["z1"]))  # bad-act
    assert not close(g["z2"], g["yhat"] * _sigmoid(q["yhat"]) * (1 - _sigmoid(q["yhat"])))  # bad-out-act: σ'(ŷ)
    assert close(g["W2"], np.outer(g["z2"], q["h1"]))  # dW2: X^{(2)} = h1
    assert not close(g["W2"], np.outer(g["z2"], q["z1"]))  # bad-dW2: X^{(1)} = z1
    assert not np.allclose(q["h1"], q["z1"])  # bad-chain: Y^{(1)} = h1 is not X^{(1)} = z1


def test_layers_written_as_modules_are_read_as_the_specs_layers():
    d = _net(2, (3, 2), ("tanh", "sigmoid"))
    judge = Judge(d)
    got = {r.id: r.verdict for r in judge.check_all(extract(MODULES_DOC))}
    assert any(change.startswith("layers written as modules") for change in judge.inferred)
    want = {"def": "correct", "chain01": "correct", "chain12": "correct", "bad-chain": "incorrect", "dW": "correct",
            "bad-dW": "incorrect", "dB": "correct", "dX": "correct", "bad-dX": "incorrect", "act": "correct",
            "bad-act": "incorrect", "dW2": "correct", "bad-dW2": "incorrect", "out-act": "correct",
            "bad-out-act": "incorrect"}
    assert {k: got[k] for k in want} == want


def test_an_update_on_the_answers_own_objective_is_its_step():
    """C = (ŷ − y)² is twice the spec's ½(ŷ − y)²; its gradient step W := W − α ∂C/∂W is W − 2α ∂J/∂W (so the step on
    the answer's objective is right, and a step that halves it is not)."""
    d = _net(3, (4, 1), ("sigmoid", "identity"))
    W2, b2, h1, y = RNG.normal(size=(1, 4)), RNG.normal(size=1), RNG.normal(size=4), RNG.normal(size=1)
    J = lambda W: 0.5 * float(np.sum((W @ h1 + b2 - y) ** 2))  # noqa: E731
    C = lambda W: float(np.sum((W @ h1 + b2 - y) ** 2))  # noqa: E731
    assert np.allclose(_central(C, W2), 2 * _central(J, W2), atol=1e-6)
    doc = r"""
$$Y = W X + B \tag{def}$$
$$Y^{(0)} = X^{(1)} \tag{chain}$$
$$\frac{\partial C}{\partial Y^{(2)}} = 2(Y - \hat{Y}) \tag{dY}$$
$$C = (\hat{y} - y)^2 \tag{C}$$
$$W^{(2)} := W^{(2)} - \alpha \frac{\partial C}{\partial W^{(2)}} \tag{step}$$
$$W^{(2)} := W^{(2)} - \frac{\alpha}{2} \frac{\partial C}{\partial W^{(2)}} \tag{half-step}$$
"""
    got = {r.id: r.verdict for r in Judge(d).check_all(extract(doc))}
    assert got["dY"] == "correct" and got["step"] == "correct" and got["half-step"] == "incorrect"


def test_module_numbers_the_answer_does_not_anchor_are_not_guessed():
    """Y^{(2)} is layer 1's tanh output when modules count from 1 and layer 2's summed input when they count from 0:
    with neither a 0 nor the last module's number written, the numbered claim is unread; the generic one is judged."""
    d = _net(2, (3, 2), ("tanh", "sigmoid"))
    doc = (r"$$Y = W X + B \tag{def}$$" "\n" r"$$\frac{\partial C}{\partial W} = \frac{\partial C}{\partial Y} X^T \tag{dW}$$"
           "\n" r"$$\frac{\partial C}{\partial W^{(2)}} = \frac{\partial C}{\partial Y^{(2)}} X^{{(2)}^T} \tag{dW2}$$" "\n")
    got = {r.id: r.verdict for r in Judge(d).check_all(extract(doc))}
    assert got == {"def": "correct", "dW": "correct", "dW2": "unchecked"}


# -- a worked example's own arithmetic without [values]: rounded numbers, judged to their digits -------------------------

ROUNDED = {
    "exp": r"e^{0.0417} \approx 1.0426",
    "exp-coarse": r"e^{0.0417} \approx 1.04",
    "exp-eq": r"\exp(-0.0312) = 0.9693",
    "ratio": r"\frac{1.0426}{2.9811} \approx 0.3497",
    "sum": r"1.0426 + 0.9693 + 0.9692 \approx 2.9811",
    "whole": r"12 \cdot 31 = 372",
    "bad-exp": r"e^{0.2184} \approx 1.2184",
    "bad-ratio": r"\frac{1.0426}{2.9811} \approx 0.3597",
    "bad-whole": r"12 \cdot 31 = 371",
}


def test_the_identities_of_the_rounded_arithmetic():
    assert round(np.exp(0.0417), 4) == 1.0426 and round(np.exp(0.0417), 2) == 1.04
    assert round(np.exp(-0.0312), 4) == 0.9693
    assert abs(1.0426 / 2.9811 - 0.3497) <= 0.00005 + 1.0426 * 0.00005 / 2.9811**2 * 2.9811
    assert round(1.0426 + 0.9693 + 0.9692, 4) == 2.9811 and 12 * 31 == 372
    # the planted ones are off by more than 1 % (the numeric answers' floor), far beyond their digits' rounding
    assert abs(np.exp(0.2184) - 1.2184) > 0.01 * np.exp(0.2184)
    assert abs(1.0426 / 2.9811 - 0.3597) > 0.01 * 0.3497 and 12 * 31 != 371


def test_a_worked_examples_rounded_arithmetic_is_judged_to_its_digits():
    d = _net(2, (3, 2), ("tanh", "sigmoid"))
    got = {r.id: r.verdict for r in Judge(d).check_all([Claim(k, v) for k, v in ROUNDED.items()])}
    assert got == {k: "incorrect" if k.startswith("bad") else "correct" for k in ROUNDED}


# -- a letter defined with an annotated relation (\stackrel{def}{=}, \overset{\Delta}{=}) is the answer's own symbol -------

DEFINED_BY = (r":=", r"\coloneqq", r"\equiv", r"\triangleq", r"\stackrel{\text{def}}{=}", r"\stackrel{def}{=}",
              r"\overset{\Delta}{=}", r"\overset{\text{def}}{=}")


def test_the_identities_of_a_letter_for_the_derivative():
    W1, b1, W2, b2 = RNG.normal(size=(4, 3)), RNG.normal(size=4), RNG.normal(size=(2, 4)), RNG.normal(size=2)
    x, y = RNG.normal(size=3), RNG.random(2)
    z1 = W1 @ x + b1
    J = lambda v: 0.5 * float(np.sum((_sigmoid(W2 @ np.tanh(v) + b2) - y) ** 2))  # noqa: E731
    z2 = W2 @ np.tanh(z1) + b2
    delta2 = _central(lambda v: 0.5 * float(np.sum((_sigmoid(v) - y) ** 2)), z2)
    g = 1 - np.tanh(z1) ** 2
    assert np.allclose(_central(J, z1), (W2.T @ delta2) * g, atol=1e-6)  # use
    assert W2.shape[1] != delta2.size  # bad: W^{(2)} δ^{(2)} does not multiply
    assert not np.allclose(_central(J, z1), W2.T @ delta2 + g, atol=1e-3)  # bad2


def test_a_letter_defined_with_an_annotated_relation_is_bound():
    d = _net(3, (4, 2), ("tanh", "sigmoid"))
    for rel in DEFINED_BY:
        claims = {"g": rf"g {rel} 1 - \tanh^2(z^{{(1)}})", "use": r"\delta^{(1)} = (W^{(2)T} \delta^{(2)}) \odot g",
                  "bad": r"\delta^{(1)} = (W^{(2)} \delta^{(2)}) \odot g",
                  "bad2": r"\delta^{(1)} = W^{(2)T} \delta^{(2)} + g"}
        got = {r.id: r.verdict for r in Judge(d).check_all([Claim(k, v) for k, v in claims.items()])}
        assert got["g"] in ("correct", "unchecked"), rel  # its own definition (judged, or not graded)
        assert (got["use"], got["bad"], got["bad2"]) == ("correct", "incorrect", "incorrect"), rel
