"""Readings of the ninth round, verify8c (issue 10: the last false rejects outside heldout9, then heldout8's and the
cross-group notations).

- a number copied from an earlier wrong line of a worked example (Mazur's ``∂E/∂w_5 = 0.741… · 0.186… · 0.751…``, the
  last factor the value the answer stated, wrongly, for ``∂net_{o1}/∂w_5``) carries the error forward
  (verify/copied.py);
- an own symbol defined as k × the regularizer (d2l's ``s = λ(‖W⁽¹⁾‖² + ‖W⁽²⁾‖²)``, the ½ dropped) is a wrong
  definition of the regularizer, and ``J = L + s`` is judged with s as the regularizer it names;
- a derivative that names no example, in a batch document that defines its cost for one example as k × the spec's
  (blackKeys17's ``C = Σ_i (y_i − a^L_i)²`` then ``∇_a C = 2(a^L − y)``), is judged on the answer's cost for one example
  (verify/examplecost.py).

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
from test_eighth_round_c import _central, _sigmoid

RNG = np.random.default_rng(9)


def _spec_toml(name: str, inputs: int, layers, loss: str, rate: float) -> str:
    """A spec file's text: dense layers (units, activation), the loss, plain SGD."""
    body = f'name = "{name}"\ninputs = {inputs}\nconvention = "row"\n'
    body += "".join(f'\n[[layers]]\nunits = {u}\nactivation = "{a}"\n' for u, a in layers)
    return body + f'\n[loss]\nname = "{loss}"\n\n[optimizer]\nname = "sgd"\nlearning_rate = {rate}\n'


def _answers(tmp_path, spec: str, values: str, claims: dict) -> dict:
    from gradproof.verify.cli import verify_file

    (tmp_path / "net.toml").write_text(spec, encoding="utf-8")
    body = f'spec = "net.toml"\nbatch = 1\n\n[values]\n{values}'
    body += "".join(f"\n[[claims]]\nid = \"{k}\"\nlatex = '''{v}'''\n" for k, v in claims.items())
    (tmp_path / "a.toml").write_text(body, encoding="utf-8")
    results, _meta, _s = verify_file(str(tmp_path / "a.toml"), None)
    return {r.id: (r.verdict, r.message) for r in results}


# -- a number copied from an earlier wrong line ---------------------------------------------------------------------------

NET_222 = _spec_toml("two_two_two", 2, ((2, "sigmoid"), (2, "sigmoid")), "squared_error", 0.5)


def test_a_number_copied_from_an_earlier_wrong_line_is_carried_forward(tmp_path):
    x, y = np.array([0.2, 0.7]), np.array([0.1, 0.8])
    W1, b1 = np.array([[0.3, -0.1], [0.2, 0.4]]), np.array([0.1, 0.1])
    W2, b2 = np.array([[0.5, -0.3], [0.6, 0.2]]), np.array([0.2, 0.2])
    h = _sigmoid(W1 @ x + b1)
    o = _sigmoid(W2 @ h + b2)

    def loss(w5):  # w_5 = W2[0, 0] (Mazur's numbering: into o1 from h1)
        W = W2.copy()
        W[0, 0] = w5[0]
        return 0.5 * float(np.sum((y - _sigmoid(W @ h + b2)) ** 2))

    dE_dw5 = float(_central(loss, np.array([W2[0, 0]]))[0])
    dE_do1, do1_dnet = o[0] - y[0], o[0] * (1 - o[0])
    assert np.isclose(dE_dw5, dE_do1 * do1_dnet * h[0], atol=1e-8)  # the chain: ∂net_{o1}/∂w_5 = out_{h1}
    wrong = o[0]  # the slip: out_{o1}'s value written for out_{h1}
    own = dE_do1 * do1_dnet * wrong
    assert not np.isclose(own, dE_dw5, rtol=0.05)
    n = lambda v: f"{v:.8f}"  # noqa: E731
    claims = {
        "out": rf"out_{{o1}} = {n(o[0])}",
        "dE": rf"\frac{{\partial E_{{total}}}}{{\partial out_{{o1}}}} = -(target_{{o1}} - out_{{o1}}) = {n(dE_do1)}",
        "dout": rf"\frac{{\partial out_{{o1}}}}{{\partial net_{{o1}}}} = out_{{o1}}(1 - out_{{o1}}) = {n(do1_dnet)}",
        "dnet": rf"\frac{{\partial net_{{o1}}}}{{\partial w_{{5}}}} = out_{{h1}} = {n(wrong)}",
        "w5": rf"\frac{{\partial E_{{total}}}}{{\partial w_{{5}}}} = {n(dE_do1)} * {n(do1_dnet)} * {n(wrong)} = {n(own)}",
        # planted on top: the first factor's sign flipped as well — not what the earlier numbers give
        "w5-bad": rf"\frac{{\partial E_{{total}}}}{{\partial w_{{5}}}} = {n(-dE_do1)} * {n(do1_dnet)} * {n(wrong)} = "
                  rf"{n(-own)}",
        "w5-true": rf"\frac{{\partial E_{{total}}}}{{\partial w_{{5}}}} = {n(dE_dw5)}",
    }
    values = (f"x = {x.tolist()}\ny = {y.tolist()}\nW1 = {W1.tolist()}\nb1 = {b1.tolist()}\nW2 = {W2.tolist()}\n"
              f"b2 = {b2.tolist()}\n")
    got = _answers(tmp_path, NET_222, values, claims)
    verdicts = {k: v for k, (v, _m) in got.items()}
    assert verdicts == {"out": "correct", "dE": "correct", "dout": "correct", "dnet": "incorrect",
                        "w5": "carried_forward", "w5-bad": "incorrect", "w5-true": "correct"}
    assert "stated in dnet" in got["w5"][1]


# -- an own symbol defined as k × the regularizer ---------------------------------------------------------------------

def _d2l_like():
    spec = {"name": "d2l_like", "inputs": 3, "convention": "row",
            "layers": [{"units": 4, "activation": "tanh", "bias": False},
                       {"units": 2, "activation": "softmax", "bias": False}],
            "loss": {"name": "cross_entropy"},
            "regularization": {"name": "l2", "lambda": 0.05, "scaling": "none", "penalize_bias": False},
            "optimizer": {"name": "sgd", "learning_rate": 0.1}}
    return derive(spec_from_dict(spec), check=False)


def test_the_identities_of_the_regularizer():
    lam = 0.05
    W1, W2 = RNG.normal(size=(4, 3)), RNG.normal(size=(2, 4))
    R = lam / 2 * (np.sum(W1**2) + np.sum(W2**2))  # the spec's penalty (scaling none): its gradient is λW
    grad = _central(lambda w: lam / 2 * (np.sum(w**2) + np.sum(W2**2)), W1)
    assert np.allclose(grad, lam * W1, atol=1e-6)
    s_planted = lam * (np.sum(W1**2) + np.sum(W2**2))
    assert np.isclose(s_planted / R, 2.0)


REG_DOC = {
    "s": r"s = \lambda \left(\|\mathbf{W}^{(1)}\|_F^2 + \|\mathbf{W}^{(2)}\|_F^2\right)",
    "J": r"J = L + s",
    "bad-J": r"J = L + 2 s",
}


def test_an_own_symbol_off_the_regularizer_by_a_factor_names_it():
    got = {r.id: (r.verdict, r.message) for r in Judge(_d2l_like()).check_all([Claim(k, v) for k, v in REG_DOC.items()])}
    assert got["s"][0] == "incorrect" and "2 × the regularizer" in got["s"][1]
    assert got["J"][0] == "correct"
    assert got["bad-J"][0] == "incorrect"
    right = {"s": REG_DOC["s"].replace(r"\lambda", r"\frac{\lambda}{2}"), "J": REG_DOC["J"]}
    got = {r.id: r.verdict for r in Judge(_d2l_like()).check_all([Claim(k, v) for k, v in right.items()])}
    assert got == {"s": "correct", "J": "correct"}


# -- a derivative on the answer's own per-example cost ----------------------------------------------------------------

OWN_COST_DOC = r"""Each layer computes

$$z^l = w^l a^{l-1} + b^l \tag{z}$$

$$a^l = \sigma(z^l) \tag{a}$$

The cost of the training set is the mean of the examples' costs,

$$C=\frac{1}{n}\sum_{x}C_x \tag{mean}$$

and for one example we take the squared error without a half:

$$C=\sum_i (y_i-a^L_i)^2 \tag{one}$$

Then, for one example,

$$\nabla_a C = 2(a^L - y) \tag{grad}$$

$$\delta^L = 2(a^L - y) \odot \sigma'(z^L) \tag{delta}$$

$$\nabla_a C = 2(y - a^L) \tag{bad-sign}$$

$$\nabla_a C = a^L - y \tag{bad-half}$$
"""


def _tagged(doc: str) -> list[Claim]:
    return [Claim(m.group(2), m.group(1).strip()) for m in re.finditer(r"\$\$(.*?)\\tag\{(.*?)\}\$\$", doc)]


def test_the_identities_of_a_cost_without_a_half():
    z, y = RNG.normal(size=2), RNG.normal(size=2)
    a = _sigmoid(z)
    grad = _central(lambda v: float(np.sum((y - v) ** 2)), a)
    assert np.allclose(grad, 2 * (a - y), atol=1e-6)
    assert not np.allclose(grad, 2 * (y - a), atol=1e-3) and not np.allclose(grad, a - y, atol=1e-3)
    delta = _central(lambda v: float(np.sum((y - _sigmoid(v)) ** 2)), z)
    assert np.allclose(delta, 2 * (a - y) * a * (1 - a), atol=1e-6)


def test_a_derivative_naming_no_example_is_judged_on_the_answers_cost_for_one_example():
    spec = {"name": "own_cost", "inputs": 3, "convention": "row",
            "layers": [{"units": 4, "activation": "sigmoid"}, {"units": 2, "activation": "sigmoid"}],
            "loss": {"name": "squared_error"}, "optimizer": {"name": "sgd", "learning_rate": 0.1}}
    d = derive(spec_from_dict(spec), check=False)
    claims = _tagged(OWN_COST_DOC)
    assert [c.id for c in claims] == [c.id for c in extract(OWN_COST_DOC) if not c.id.startswith("line")]
    got = {r.id: (r.verdict, r.message) for r in Judge(d, batch=6).check_all(claims)}
    assert got["grad"][0] == "correct" and "2 × the spec's" in got["grad"][1]
    assert got["delta"][0] == "correct"
    assert got["bad-sign"][0] == "incorrect"
    assert got["bad-half"][0] == "incorrect"


# -- a chain of single neurons: w_k, L(w,b|x), a layer-free w beside w_2 ---------------------------------------------

CHAIN = {
    "z2": r"z_2 = w_2 a_1 + b_2",
    "bad-z2": r"z_2 = w_1 a_1 + b_2",
    "dL": r"\frac{\partial L(w,b|x)}{\partial a_2} = a_2 - y",
    "bad-dL": r"\frac{\partial L(w,b|x)}{\partial a_2} = y - a_2",
    "da": r"\frac{\partial a_2}{\partial w_2} = a_2 (1 - a_2) a_1",
    "bad-da": r"\frac{\partial a_2}{\partial w_2} = a_2 (1 - a_2)",
    "step": r"w' = w - \eta \frac{\partial L(w,b|x)}{\partial w_2}",
    "bad-step": r"w' = w + \eta \frac{\partial L(w,b|x)}{\partial w_2}",
}


def test_the_identities_of_a_chain_of_single_neurons():
    w1, b1, w2, b2, x, y = RNG.normal(size=6)
    a1 = _sigmoid(w1 * x + b1)
    a2 = _sigmoid(w2 * a1 + b2)
    dL = float(_central(lambda v: 0.5 * (y - v[0]) ** 2, np.array([a2]))[0])
    assert np.isclose(dL, a2 - y, atol=1e-8) and not np.isclose(dL, y - a2)
    da = float(_central(lambda v: _sigmoid(v[0] * a1 + b2), np.array([w2]))[0])
    assert np.isclose(da, a2 * (1 - a2) * a1, atol=1e-8) and not np.isclose(da, a2 * (1 - a2))
    dw2 = float(_central(lambda v: 0.5 * (y - _sigmoid(v[0] * a1 + b2)) ** 2, np.array([w2]))[0])
    dw1 = float(_central(lambda v: 0.5 * (y - _sigmoid(w2 * _sigmoid(v[0] * x + b1) + b2)) ** 2, np.array([w1]))[0])
    assert not np.isclose(dw1, dw2)  # so w' = w − η ∂L/∂w_2 holds for w_2 only, not for w_1
    assert not np.isclose(w1 * a1, w2 * a1)


def test_a_chain_of_single_neurons_reads_w_k_as_layer_ks_weight():
    spec = {"name": "chain", "inputs": 1, "convention": "row",
            "layers": [{"units": 1, "activation": "sigmoid"}, {"units": 1, "activation": "sigmoid"}],
            "loss": {"name": "squared_error"}, "optimizer": {"name": "sgd", "learning_rate": 0.05}}
    d = derive(spec_from_dict(spec), check=False)
    got = {r.id: r.verdict for r in Judge(d).check_all([Claim(k, v) for k, v in CHAIN.items()])}
    assert got == {k: "incorrect" if k.startswith("bad") else "correct" for k in CHAIN}


# -- \begin{equation} inside $$ … $$, a per-sample x in a batch document ---------------------------------------------

WRAPPED_DOC = r"""For one sample $x \in \mathbb{R}^3$ the network computes

$$\begin{equation}
z = W_2^T \mathrm{ReLU}(W_1^T x)
\end{equation}$$

and for the batch $X \in \mathbb{R}^{m \times 3}$, one sample per row,

$$\begin{equation}
H = \mathrm{ReLU}(X W_1) \label{eq:h}
\end{equation}$$

$$\begin{equation*}
H = \mathrm{ReLU}(W_1 X) \label{eq:bad-h}
\end{equation*}$$

$$\hat{Y} = \mathrm{ReLU}(X W_1) W_2 \tag{out}$$

$$\hat{Y} = H W_2 \tag{out-h}$$

$$\begin{equation}
\begin{split}
A & = X W_1 \\
B & = A W_2
\end{split}
\end{equation}$$

The cost averages over the $m$ samples, $J = \frac{1}{m} \sum_i \ell_i$.
"""


def test_the_identities_of_a_per_sample_and_a_batch_forward_pass():
    W1, W2, X = RNG.normal(size=(3, 4)), RNG.normal(size=(4, 2)), RNG.normal(size=(5, 3))
    H = np.maximum(0, X @ W1)
    assert np.allclose(H[0], np.maximum(0, W1.T @ X[0]))  # the batch's row i is the sample's column
    assert np.allclose((W2.T @ np.maximum(0, W1.T @ X[0])), H[0] @ W2)
    assert (W1.shape[1], X.shape[0]) != (W1.shape[0], W1.shape[0]) and W1.shape[1] != X.shape[0]  # W_1 X does not fit


def test_a_wrapped_equation_reads_as_the_display_and_a_per_sample_x_is_not_called_wrong():
    from gradproof.verify.document import extract

    claims = extract(WRAPPED_DOC)
    by_latex = {c.latex.strip(): c.id for c in claims}
    assert "eq:h" in by_latex.values() and "eq:bad-h" in by_latex.values()
    spec = {"name": "purepisces_like", "inputs": 3, "convention": "column",
            "layers": [{"units": 4, "activation": "relu", "bias": False},
                       {"units": 2, "activation": "identity", "bias": False}],
            "loss": {"name": "squared_error"}, "optimizer": {"name": "sgd", "learning_rate": 0.1}}
    d = derive(spec_from_dict(spec), check=False)
    got = {r.id: (r.verdict, r.message) for r in Judge(d, batch=5).check_all(claims)}
    assert got["eq:h"][0] == "correct" and got["eq:bad-h"][0] == "incorrect" and got["out"][0] == "correct"
    per_sample = next(c.id for c in claims if "W_2^T" in c.latex)
    assert got[per_sample][0] == "unchecked" and "one example" in got[per_sample][1]
    # rows inside the wrapper (verify10d): one numbered claim, its rows links judged in turn — A and B are the answer's
    # own letters (B defined from A), so no verdict; the claims after it keep their ids
    split = [c.id for c in claims if "A = X W_1 \\\\ B = A W_2" in c.latex]
    assert len(split) == 1 and got[split[0]][0] == "unchecked" and "B" in got[split[0]][1]


# -- an entry index naming no example, in a batch the tool chose -------------------------------------------------------

ENTRY_DOC = r"""The cost of a mini-batch is the mean of the examples' losses,

$$J = \frac{1}{m} \sum_{i=1}^{m} \ell^{(i)} \tag{J}$$

whose gradient by the output layer's weights, over the batch's hidden activations $H$ (one column per example), is

$$\frac{\partial J}{\partial W^{[2]}} = \frac{1}{m} (\hat{Y} - Y) H^T \tag{dW}$$

and for one example, with $z^{[2]} = W^{[2]} h + b^{[2]}$ and $\hat{y} = \mathrm{softmax}(z^{[2]})$,

$$\frac{\partial \ell}{\partial b^{[2]}} = \hat{y} - y \tag{db}$$

$$\frac{\partial \mathcal{L}}{\partial z_j^{[2]}} = \sum_{k=1}^{3} \frac{\partial \mathcal{L}}{\partial \hat{y}_k}
\frac{\partial \hat{y}_k}{\partial z_j^{[2]}} \tag{sum}$$

$$\frac{\partial \mathcal{L}}{\partial z_j^{[2]}} = \hat{y}_j - y_j \tag{entry}$$

$$\frac{\partial \mathcal{L}}{\partial z_j^{[2]}} = y_j - \hat{y}_j \tag{bad-entry}$$
"""


def test_the_identities_of_softmax_cross_entropy_by_entries():
    z, y = RNG.normal(size=3), np.array([0.0, 1.0, 0.0])
    soft = lambda v: np.exp(v - v.max()) / np.exp(v - v.max()).sum()  # noqa: E731
    grad = _central(lambda v: float(-np.sum(y * np.log(soft(v)))), z)
    assert np.allclose(grad, soft(z) - y, atol=1e-6) and not np.allclose(grad, y - soft(z), atol=1e-3)


COBLIN_LIKE = _spec_toml("coblin_like", 3, ((4, "sigmoid"), (3, "softmax")), "cross_entropy", 0.1)


def test_an_entry_index_naming_no_example_in_a_chosen_batch_is_read_for_one_example(tmp_path):
    from gradproof.verify.cli import verify_file

    (tmp_path / "net.toml").write_text(COBLIN_LIKE, encoding="utf-8")
    (tmp_path / "a.md").write_text(ENTRY_DOC, encoding="utf-8")
    results, _meta, _s = verify_file(str(tmp_path / "a.md"), str(tmp_path / "net.toml"))
    got = {r.id: r.verdict for r in results}
    assert got["entry"] == "correct" and got["sum"] != "incorrect"
    assert got["bad-entry"] == "unchecked"  # wrong for one example too: left unchecked (it is never accepted)
