"""Readings of the tenth round, verify10c (issue 10: Prince's notation in Understanding Deep Learning, and what it needs
in general).

- an answer's own letters bound by its forward definitions: a letter defined as a bias plus a weight times a layer's
  values (``f_k = β_k + Ω_k h_k``) is that layer's summed input and its letters the layer's bias and weights, with the
  index offset the definitions show (numbered by the layer they leave: ``f_k`` is z⁽ᵏ⁺¹⁾); the activation applied with
  square brackets (``a[f_{k-1}]``), the generic index k, the example's index i (``\\ell_i``, ``x_i``, ``l_i``) and
  ``f[x, φ]`` the model's output (verify/ownforward.py);
- a chain of derivatives in an answer whose Jacobian layout is not fixed (its chains written in both orders) is
  judged in both layouts and ``unchecked`` where they disagree; the derivative of a written expression follows a fixed
  denominator layout (``∂/∂h (β + Ω h) = Ωᵀ``);
- a display row that starts with ``\\cdot`` continues the product of the row before.

The answers are written here (not copied from a corpus), right claims and planted ones; every expected verdict is
decided by NumPy — the forward pass typed here, central differences for the derivatives — independently of verify."""

from __future__ import annotations

import numpy as np
from gradproof.verify.document import extract
from test_eighth_round_c import _central

RNG = np.random.default_rng(10)


def _relu(v):
    return np.maximum(v, 0.0)


def _spec(layers, loss: str = "squared_error", inputs: int = 2) -> str:
    body = f'name = "udl_like"\ninputs = {inputs}\nconvention = "row"\n'
    body += "".join(f'\n[[layers]]\nunits = {u}\nactivation = "{a}"\n' for u, a in layers)
    return body + f'\n[loss]\nname = "{loss}"\n\n[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n'


def _verify(tmp_path, spec: str, claims: dict, values: str = "") -> dict:
    from gradproof.verify.cli import verify_file

    (tmp_path / "net.toml").write_text(spec, encoding="utf-8")
    body = 'spec = "net.toml"\nbatch = 1\n' + (f"\n[values]\n{values}" if values else "")
    body += "".join(f"\n[[claims]]\nid = \"{k}\"\nlatex = '''{v}'''\n" for k, v in claims.items())
    (tmp_path / "a.toml").write_text(body, encoding="utf-8")
    results, _meta, _s = verify_file(str(tmp_path / "a.toml"), None)
    return {r.id: (r.verdict, r.message) for r in results}


def _values(x, y, params) -> str:
    out = f"x = {x.tolist()}\ny = {y.tolist()}\n"
    for k, (W, b) in enumerate(params, start=1):
        out += f"W{k} = {W.tolist()}\nb{k} = {b.tolist()}\n"
    return out


def _two_layer():
    """2 inputs, 3 ReLU units, 2 identity outputs; ½‖ŷ − y‖² (the spec's squared error)."""
    x, y = RNG.normal(size=2), RNG.normal(size=2)
    W1, b1 = RNG.normal(size=(3, 2)), RNG.normal(size=3)
    W2, b2 = RNG.normal(size=(2, 3)), RNG.normal(size=2)
    b1[0] = abs(b1[0]) + 3.0  # one unit active and one inactive for certain (the indicator matters)
    b1[1] = -abs(b1[1]) - 3.0 - np.abs(W1[1]).sum() * 2
    return x, y, [(W1, b1), (W2, b2)]


def _loss_of(x, y, params):
    (W1, b1), (W2, b2) = params
    return 0.5 * float(np.sum((W2 @ _relu(W1 @ x + b1) + b2 - y) ** 2))


SPEC_2 = _spec(((3, "relu"), (2, "identity")))


def test_own_letters_numbered_by_the_layer_they_leave(tmp_path):
    """Prince's numbering with letters of my own: s_0 = β_0 + Ω_0 x is z⁽¹⁾, Ω_1 is W⁽²⁾, ∂ℓ/∂s_1 is δ⁽²⁾."""
    x, y, params = _two_layer()
    (W1, b1), (W2, b2) = params
    s0 = W1 @ x + b1
    h1 = _relu(s0)
    s1 = W2 @ h1 + b2
    d_s1 = _central(lambda v: 0.5 * float(np.sum((v - y) ** 2)), s1)  # ∂ℓ/∂s_1 (the output is the identity)
    d_b2 = _central(lambda v: _loss_of(x, y, [(W1, b1), (W2, v)]), b2)
    d_W2 = _central(lambda v: _loss_of(x, y, [(W1, b1), (v.reshape(2, 3), b2)]), W2.ravel()).reshape(2, 3)
    d_b1 = _central(lambda v: _loss_of(x, y, [(W1, v), (W2, b2)]), b1)
    # the oracle for each written formula: does it give the true value?
    assert np.allclose(d_b2, d_s1, atol=1e-6)  # ∂ℓ/∂β_1 = ∂ℓ/∂s_1
    assert np.allclose(d_W2, np.outer(d_s1, h1), atol=1e-6)  # ∂ℓ/∂Ω_1 = ∂ℓ/∂s_1 h_1^T
    assert np.allclose(d_b1, (s0 > 0) * (W2.T @ d_s1), atol=1e-6)  # ∂ℓ/∂s_0 = I[s_0 > 0] ⊙ (Ω_1^T ∂ℓ/∂s_1)
    assert not np.allclose(d_b1, W2.T @ d_s1, atol=1e-3)  # the indicator dropped: wrong
    assert _relu(s1).shape != h1.shape  # h_1 = a[s_1]: the output layer's values for the hidden layer's: wrong
    claims = {
        "s0": r"\mathbf{s}_{0} = \boldsymbol\beta_{0} + \boldsymbol\Omega_{0}\mathbf{x}",
        "h1": r"\mathbf{h}_{1} = \mathbf{a}[\mathbf{s}_{0}]",
        "s1": r"\mathbf{s}_{1} = \boldsymbol\beta_{1} + \boldsymbol\Omega_{1}\mathbf{h}_{1}",
        "db": r"\frac{\partial \ell}{\partial \boldsymbol\beta_{1}} = \frac{\partial \ell}{\partial \mathbf{s}_{1}}",
        "dW": r"\frac{\partial \ell}{\partial \boldsymbol\Omega_{1}} = \frac{\partial \ell}{\partial \mathbf{s}_{1}}\mathbf{h}_{1}^{T}",
        "ds0": r"\frac{\partial \ell}{\partial \mathbf{s}_{0}} = \mathbb{I}[\mathbf{s}_{0}>0]\odot\left(\boldsymbol\Omega_{1}^{T}"
               r"\frac{\partial \ell}{\partial \mathbf{s}_{1}}\right)",
        # planted
        "h1-bad": r"\mathbf{h}_{1} = \mathbf{a}[\mathbf{s}_{1}]",
        "ds0-bad": r"\frac{\partial \ell}{\partial \mathbf{s}_{0}} = \boldsymbol\Omega_{1}^{T}"
                   r"\frac{\partial \ell}{\partial \mathbf{s}_{1}}",
    }
    got = _verify(tmp_path, SPEC_2, claims, _values(x, y, params))
    for cid in ("s0", "h1", "s1", "db", "dW", "ds0"):
        assert got[cid][0] == "correct", (cid, got[cid])
    for cid in ("h1-bad", "ds0-bad"):
        assert got[cid][0] == "incorrect", (cid, got[cid])


def test_a_generic_index_with_offsets_is_checked_for_every_layer(tmp_path):
    """h_k = a[f_{k-1}], f_k = β_k + Ω_k h_k, ∂ℓ/∂Ω_k = ∂ℓ/∂f_k h_k^T: k is the answer's layer letter (h_0 = x)."""
    x, y, params = _two_layer()
    (W1, b1), (W2, b2) = params
    h = [x, _relu(W1 @ x + b1)]
    f = [W1 @ h[0] + b1, W2 @ h[1] + b2]
    d_f = [None, _central(lambda v: 0.5 * float(np.sum((v - y) ** 2)), f[1])]
    d_f[0] = _central(lambda v: 0.5 * float(np.sum((W2 @ _relu(v) + b2 - y) ** 2)), f[0])
    d_W = [_central(lambda v: _loss_of(x, y, [(v.reshape(3, 2), b1), (W2, b2)]), W1.ravel()).reshape(3, 2),
           _central(lambda v: _loss_of(x, y, [(W1, b1), (v.reshape(2, 3), b2)]), W2.ravel()).reshape(2, 3)]
    for k in (0, 1):
        assert np.allclose(d_W[k], np.outer(d_f[k], h[k]), atol=1e-6)  # the right one, at every k
    assert not np.allclose(d_W[1], np.outer(d_f[1], f[0]), atol=1e-3)  # h_k's place taken by f_{k-1}: wrong
    claims = {
        "f0": r"\mathbf{f}_{0} = \boldsymbol\beta_{0} + \boldsymbol\Omega_{0}\mathbf{x}",
        "hk": r"\mathbf{h}_{k} = \mathbf{a}[\mathbf{f}_{k-1}]",
        "fk": r"\mathbf{f}_{k} = \boldsymbol\beta_{k} + \boldsymbol\Omega_{k}\mathbf{h}_{k}",
        "dW": r"\frac{\partial \ell}{\partial \boldsymbol\Omega_k} = \frac{\partial \ell}{\partial \mathbf{f}_k}\mathbf{h}_{k}^{T}",
        "dW-bad": r"\frac{\partial \ell}{\partial \boldsymbol\Omega_k} = \frac{\partial \ell}{\partial \mathbf{f}_k}\mathbf{f}_{k-1}^{T}",
    }
    got = _verify(tmp_path, SPEC_2, claims, _values(x, y, params))
    assert got["f0"][0] == got["fk"][0] == got["dW"][0] == "correct", got
    assert "k = 0, 1" in got["dW"][1] or "every layer" in got["dW"][1], got["dW"]
    assert got["dW-bad"][0] in ("incorrect", "unchecked") and got["dW-bad"][0] != "correct", got["dW-bad"]


def test_own_letters_in_gradproofs_numbering_and_disagreeing_definitions(tmp_path):
    """u_1 = β_1 + Ω_1 x numbers as gradproof does (nothing offset); definitions that disagree on the offset bind nothing."""
    x, y, params = _two_layer()
    (W1, b1), (W2, b2) = params
    d_b2 = _central(lambda v: _loss_of(x, y, [(W1, b1), (W2, v)]), b2)
    assert np.allclose(d_b2, W2 @ _relu(W1 @ x + b1) + b2 - y, atol=1e-6)  # ∂ℓ/∂β_2 = ∂ℓ/∂u_2 = u_2 − y
    same = {
        "u1": r"u_{1} = \beta_{1} + \Omega_{1} x",
        "h1": r"h_{1} = \max(0, u_{1})",
        "u2": r"u_{2} = \beta_{2} + \Omega_{2} h_{1}",
        "db": r"\frac{\partial \ell}{\partial \beta_{2}} = u_{2} - y",
    }
    got = _verify(tmp_path, SPEC_2, same, _values(x, y, params))
    assert all(got[k][0] == "correct" for k in same), got
    mixed = {  # u_0 from x, but u_2 from h_1: which numbering is the answer's? not said — nothing is bound
        "u0": r"u_{0} = \beta_{0} + \Omega_{0} x",
        "u2": r"u_{2} = \beta_{2} + \Omega_{2} h_{1}",
        "db": r"\frac{\partial \ell}{\partial \beta_{2}} = u_{2} - y",
    }
    got = _verify(tmp_path, SPEC_2, mixed, _values(x, y, params))
    assert all(got[k][0] == "unchecked" for k in mixed), got


def test_expression_derivative_in_the_denominator_layout_and_chains_in_both_orders(tmp_path):
    """∂f_1/∂h_1 = ∂/∂h_1 (β_1 + Ω_1 h_1) = Ω_1^T in the layout the answer's chain fixes (denominator); with chains
    in both orders the layout is not fixed and a chain right in one layout only is unchecked."""
    x, y, params = _two_layer()
    (W1, b1), (W2, b2) = params
    h1 = _relu(W1 @ x + b1)
    jac = np.stack([_central(lambda v, i=i: (W2 @ v + b2)[i], h1) for i in range(2)])  # ∂f_1/∂h_1, rows f's entries
    assert np.allclose(jac, W2, atol=1e-6)  # numerator layout: Ω_1; the denominator layout's ∂f/∂h is its transpose
    chain = (r"\frac{\partial \ell}{\partial \mathbf{h}_{1}} = \frac{\partial \mathbf{f}_{1}}{\partial \mathbf{h}_{1}}"
             r"\frac{\partial \ell}{\partial \mathbf{f}_{1}}")  # Jacobian first, the objective last: denominator
    forward = {"f0": r"\mathbf{f}_{0} = \boldsymbol\beta_{0} + \boldsymbol\Omega_{0}\mathbf{x}",
               "f1": r"\mathbf{f}_{1} = \boldsymbol\beta_{1} + \boldsymbol\Omega_{1}\mathbf{h}_{1}"}
    claims = {**forward, "chain": chain,
              "jac": r"\frac{\partial \mathbf{f}_1}{\partial \mathbf{h}_{1}} = \frac{\partial}{\partial \mathbf{h}_{1}}"
                     r"\left(\boldsymbol\beta_{1} + \boldsymbol\Omega_{1}\mathbf{h}_{1}\right) = \boldsymbol\Omega_{1}^{T}",
              "jac-bad": r"\frac{\partial \mathbf{f}_1}{\partial \mathbf{h}_{1}} = \boldsymbol\Omega_{1}"}
    got = _verify(tmp_path, SPEC_2, claims, _values(x, y, params))
    assert got["chain"][0] == got["jac"][0] == "correct", got
    assert got["jac-bad"][0] == "incorrect", got["jac-bad"]
    # a chain whose factors are swapped multiplies in neither layout: a slip, no evidence of an order — the layout
    # stays fixed by the right chain, which is correct, and the slip is incorrect
    spec3 = _spec(((3, "relu"), (3, "relu"), (2, "identity")))
    V2, c2, W3, b3 = RNG.normal(size=(3, 3)), RNG.normal(size=3), RNG.normal(size=(2, 3)), RNG.normal(size=2)
    f1 = V2 @ _relu(W1 @ x + b1) + c2
    D = np.diag((f1 > 0).astype(float))  # ∂h_2/∂f_1
    d_f2 = W3 @ _relu(f1) + b3 - y  # ∂ℓ/∂f_2 of ½‖f_2 − y‖²
    d_f1 = _central(lambda v: 0.5 * float(np.sum((W3 @ _relu(v) + b3 - y) ** 2)), f1)
    assert np.allclose(d_f1, D @ W3.T @ d_f2, atol=1e-6)  # the right chain, in the denominator layout
    assert (W3 @ D).shape[1] != 1 and W3.T.shape[1] != D.shape[0]  # swapped: (2×3)(3×3)·(1×2) and (3×2)(3×3) fail
    swapped = {"f0": forward["f0"], "f1": forward["f1"],
               "f2": r"\mathbf{f}_{2} = \boldsymbol\beta_{2} + \boldsymbol\Omega_{2}\mathbf{h}_{2}",
               "chain": r"\frac{\partial \ell}{\partial \mathbf{f}_{1}} = \frac{\partial \mathbf{h}_{2}}{\partial \mathbf{f}_{1}}"
                        r"\frac{\partial \mathbf{f}_{2}}{\partial \mathbf{h}_{2}}\frac{\partial \ell}{\partial \mathbf{f}_{2}}",
               "swapped": r"\frac{\partial \ell}{\partial \mathbf{f}_{1}} = \frac{\partial \mathbf{f}_{2}}{\partial \mathbf{h}_{2}}"
                          r"\frac{\partial \mathbf{h}_{2}}{\partial \mathbf{f}_{1}}\frac{\partial \ell}{\partial \mathbf{f}_{2}}"}
    got = _verify(tmp_path, spec3, swapped, _values(x, y, [(W1, b1), (V2, c2), (W3, b3)]))
    assert got["chain"][0] == "correct" and got["swapped"][0] == "incorrect", got
    both = {**forward, "chain": chain,  # and a chain in the numerator order: the layout is no longer fixed
            "other": r"\frac{\partial \ell}{\partial \mathbf{h}_{1}} = \frac{\partial \ell}{\partial \mathbf{f}_{1}}"
                     r"\frac{\partial \mathbf{f}_{1}}{\partial \mathbf{h}_{1}}"}
    got = _verify(tmp_path, SPEC_2, both, _values(x, y, params))
    assert got["chain"][0] == got["other"][0] == "unchecked", got
    assert "layout" in got["chain"][1]


def test_model_output_example_loss_and_a_product_continued_on_the_next_row(tmp_path):
    """A chain of single units in Prince's toy style with a loss without ½: f[x_i, φ] is the output, l_i is ℓ_i (its
    definition gives the scale 2); a display row starting with \\cdot continues the product of the row before."""
    w0, b0, w1, b1, x, y = 0.7, -0.2, 1.3, 0.4, 0.9, 0.3
    out = lambda w: b1 + w1 * np.tanh(b0 + w * x)  # noqa: E731
    d_w0 = float(_central(lambda v: (out(v[0]) - y) ** 2, np.array([w0]))[0])
    assert np.isclose(d_w0, 2 * (out(w0) - y) * w1 * x * (1 - np.tanh(b0 + w0 * x) ** 2), atol=1e-6)
    assert not np.isclose(d_w0, (out(w0) - y) * w1 * x * (1 - np.tanh(b0 + w0 * x) ** 2), atol=1e-3)  # ½'s scale
    doc = (
        "The model and the loss:\n\n\\begin{equation}\n\\text{f}[x,\\boldsymbol\\phi] = \\beta_1 + \\omega_1\\tanh[\\beta_0 + "
        "\\omega_0 x]\n\\end{equation}\n\n"
        "\\begin{align}\nf_{0} &=& \\beta_{0} + \\omega_{0} x_i\\nonumber\\\\\nh_{1} &=& \\tanh[f_{0}]\\nonumber\\\\\n"
        "f_{1} &=& \\beta_{1} + \\omega_{1} h_{1}\\nonumber\\\\\nl_i &=& (f_1 - y_i)^2\n\\end{align}\n\n"
        "\\begin{align}\n\\frac{\\partial \\ell_i}{\\partial \\omega_{0}} &=& 2 (f_1 - y_i) \\nonumber \\\\\n"
        "&&\\hspace{0.5cm}\\cdot \\omega_1 x_i (1 - \\tanh^2[f_0])\n\\end{align}\n\n"
        "\\begin{align}\n\\frac{\\partial \\ell_i}{\\partial \\omega_{0}} &=& (f_1 - y_i) \\nonumber \\\\\n"
        "&&\\hspace{0.5cm}\\cdot \\omega_1 x_i (1 - \\tanh^2[f_0])\n\\end{align}\n"
    )
    ids = [c.id for c in extract(doc)]
    assert "line 15.1" in ids and "line 16.2" not in ids, ids  # the continued row is part of its product
    (tmp_path / "net.toml").write_text(_spec(((1, "tanh"), (1, "identity")), inputs=1), encoding="utf-8")
    (tmp_path / "toy.md").write_text(doc, encoding="utf-8")
    from gradproof.verify.cli import verify_file

    results, _meta, _s = verify_file(str(tmp_path / "toy.md"), str(tmp_path / "net.toml"))
    got = {r.id: (r.verdict, r.message) for r in results}
    assert got["line 4"][0] == "correct", got  # f[x, φ] = β_1 + ω_1 tanh[β_0 + ω_0 x]: the output
    assert got["line 15.1"][0] == "correct", got  # 2 (f_1 − y) on the answer's own scale
    assert got["line 20.1"][0] == "incorrect", got  # the 2 lost


# -- a two-layer network written unit by unit (rudra's CampusX notation) ------------------------------------------------

SPEC_221 = _spec(((2, "identity"), (1, "identity"))).replace('convention = "row"', 'convention = "column"')


def _unit_doc(sum_o11: str, dw12: str) -> str:
    """A document of my own in the notation: w_{jk}' (layer 1), w_{k1}^2 (layer 2), O_{1k}, x_{i1}; L = (Y − Ŷ)²."""
    return (
        "## Output layer\n\n$$\n\\begin{aligned}\n"
        "\\frac{\\partial L}{\\partial \\hat{Y}} &= \\frac{\\partial}{\\partial \\hat{Y}} (Y - \\hat{Y})^2 = -2(Y - \\hat{Y}) \\\\\n"
        "\\text{and } \\frac{\\partial \\hat{Y}}{\\partial w_{21}^2} &= \\frac{\\partial}{\\partial w_{21}^2} "
        "(O_{11} w_{11}^2 + O_{12} w_{21}^2 + b_{21}) = O_{12}\n\\end{aligned}\n$$\n\n"
        "## Hidden layer\n\n$$\n\\begin{aligned}\n"
        f"\\frac{{\\partial O_{{11}}}}{{\\partial w_{{21}}'}} &= \\frac{{\\partial}}{{\\partial w_{{21}}'}} [{sum_o11}] = x_{{i2}} \\\\\n"
        "\\frac{\\partial O_{12}}{\\partial w_{22}'} &= \\frac{\\partial}{\\partial w_{22}'} [x_{i1} w_{12}' + x_{i2} w_{22}' + "
        "b_{12}'] = x_{i2}\n\\end{aligned}\n$$\n\n"
        f"$$\n\\frac{{\\partial L}}{{\\partial w_{{12}}'}} = {dw12}\n$$\n\n"
        "$$\nW_{\\text{new}} = W_{\\text{old}} - \\eta \\frac{\\partial L}{\\partial W_{\\text{old}}}\n$$\n"
    )


def _verify_doc(tmp_path, doc: str) -> dict:
    from gradproof.verify.cli import verify_file

    (tmp_path / "net.toml").write_text(SPEC_221, encoding="utf-8")
    (tmp_path / "notes.md").write_text(doc, encoding="utf-8")
    results, _meta, _s = verify_file(str(tmp_path / "notes.md"), str(tmp_path / "net.toml"))
    return {r.id: r.verdict for r in results}


def test_unit_by_unit_letters_are_read_from_the_sums_the_answer_writes(tmp_path):
    x, y = RNG.normal(size=2), float(RNG.normal())
    W1, b1 = RNG.normal(size=(2, 2)), RNG.normal(size=2)  # W1[j, k]: from input j to hidden unit k (w_{jk}')
    W2, b2 = RNG.normal(size=(2, 1)), float(RNG.normal())  # W2[k, 0]: from hidden unit k to the output (w_{k1}^2)

    def loss(w):  # L = (Y − Ŷ)² without ½, as a function of w_{12}' = W1[0, 1]
        V = W1.copy()
        V[0, 1] = w[0]
        return (y - float((V.T @ x + b1) @ W2[:, 0] + b2)) ** 2

    o = W1.T @ x + b1
    yhat = float(o @ W2[:, 0] + b2)
    d = float(_central(loss, np.array([W1[0, 1]]))[0])
    assert np.isclose(d, -2 * (y - yhat) * W2[1, 0] * x[0], atol=1e-6)  # ∂L/∂w_{12}' = −2(Y − Ŷ) w_{21}^2 x_{i1}
    assert not np.isclose(d, -2 * (y - yhat) * W2[0, 0] * x[0], atol=1e-3)  # w_{11}^2 in its place: wrong
    assert np.isclose(o[0], x[0] * W1[0, 0] + x[1] * W1[1, 0] + b1[0])  # the sum written for O_{11}, source first
    assert not np.isclose(o[0], x[0] * W1[0, 0] + x[1] * W1[0, 1] + b1[0])  # the other order is another quantity
    right = r"-2(Y - \hat{Y}) w_{21}^2 x_{i1}"
    got = _verify_doc(tmp_path, _unit_doc(r"x_{i1} w_{11}' + x_{i2} w_{21}' + b_{11}'", right))
    assert list(got.values()).count("correct") == len(got), got  # every claim, the update written with W_old too
    got = _verify_doc(tmp_path, _unit_doc(r"x_{i1} w_{11}' + x_{i2} w_{21}' + b_{11}'", r"-2(Y - \hat{Y}) w_{11}^2 x_{i1}"))
    assert sorted(got.values()).count("incorrect") == 1, got
    # a written sum no reading makes its quantity (the planted x_{i2} w_{12}'): nothing is bound, nothing is judged
    got = _verify_doc(tmp_path, _unit_doc(r"x_{i1} w_{11}' + x_{i2} w_{12}' + b_{11}'", right))
    assert [got[k] for k in ("line 6.2", "line 14.1", "line 15.2", "line 20")] == ["unchecked"] * 4, got
