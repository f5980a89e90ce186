r"""The twenty-ninth round (issue 10): a softmax written as a function's entries — wintertee's ``φ(\mathbf z)_j`` and
``\frac{\partial \phi_i}{\partial z_j}``, Petersen's ``s(\mathbf x)_i``, Viviano's ``softmax_i(z)`` named by the word
alone — a sum that skips one value (``\sum_{j=1, j \neq i}``, ``\sum_{k \neq i}``), a derivative written
``\frac{\partial a_j}{a_j \partial z_i}``, the cross-entropy named by a letter with its arguments (``H(\mathbf y,
\mathbf a)``), and the case of two indices stated in the text just before a display. Every expected verdict is
decided here by NumPy central differences of a softmax and its cross-entropy written by hand, never by gradproof."""

from __future__ import annotations

import numpy as np
from conftest import central_differences
from test_nineteenth_round_coordinator import _spec
from test_twenty_first_round import _verify

#: a 3-4-3 network whose output is a softmax with the cross-entropy: the answer's claims are about its output layer
SOFTMAX_SPEC = _spec("softmax_entries", "row", 3, [(4, "tanh"), (3, "softmax")], "cross_entropy", 0.1)


def _softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def _truth(k: int = 3):
    """At a random z with a one-hot t: the softmax's Jacobian J[i, j] = ∂σ_i/∂z_j and the cross-entropy's gradient
    ∂E/∂z, both by central differences."""
    rng = np.random.default_rng(29)
    z, t = rng.normal(size=k), np.eye(k)[1]
    jac = np.stack([central_differences(lambda p, i=i: float(_softmax(p["z"])[i]), {"z": z.copy()})["z"]
                    for i in range(k)])
    grad = central_differences(lambda p: float(-np.sum(t * np.log(_softmax(p["z"])))), {"z": z.copy()})["z"]
    return z, t, jac, grad


def _holds(formula, case=None, k: int = 3) -> bool:
    """Whether ``formula(i, j, z, s, t)`` (an entry of the claim's right side, written here in NumPy) equals the
    Jacobian's entry at every (i, j) of ``case`` ("=", "≠" or None: all)."""
    z, t, jac, _ = _truth(k)
    s = _softmax(z)
    pairs = [(i, j) for i in range(k) for j in range(k) if case is None or (i == j) == (case == "=")]
    return all(np.isclose(formula(i, j, z, s, t), jac[i, j], rtol=1e-5, atol=1e-8) for i, j in pairs)


#: Spanish notes in the function's own letter: σ(\mathbf z)_i defined beside p_i, its Jacobian in the two cases (each
#: stated in a sentence before its display), the cross-entropy E(\mathbf t, \mathbf p) with a sum that skips k = i
SPANISH = r"""# Retropropagación con softmax

Sea $\mathbf z$ el vector de entradas de la última capa y
$$
p_i = \sigma(\mathbf z)_i = \frac{\exp(z_i)}{\sum_{k} \exp(z_k)} \qquad \forall i
$$
La pérdida es la entropía cruzada $E(\mathbf t, \mathbf p) = -\sum_{k} t_k \ln p_k$ con $\mathbf t$ one-hot.

Si $i = j$:
$$
\frac{\partial \sigma_i}{\partial z_j} = \frac{\exp(z_i)\sum_k \exp(z_k) - \exp(z_i)\exp(z_j)}{(\sum_k \exp(z_k))^2}
= \sigma_i(1-\sigma_j) \tag{1}
$$

Si $i \neq j$:
$$
\frac{\partial \sigma_i}{\partial z_j} = -\frac{\exp(z_i)\exp(z_j)}{(\sum_k \exp(z_k))^2} = SLIP2 \tag{2}
$$

$$
\frac{\partial \sigma_i}{\partial z_j}(\mathbf z) = \sigma_i(\delta_{ij} - \sigma_j) \tag{3}
$$

$$
\frac{\partial E(\mathbf t, \mathbf p)}{\partial z_i} = -t_i(1-p_i) + \sum_{k \neq i} t_k p_i = SLIP4 \tag{4}
$$

$$
\frac{\partial \operatorname{softmax}_i(\mathbf z)}{\partial z_j} = \operatorname{softmax}_i(\mathbf z)(SLIP5) \tag{5}
$$
"""

#: each slot: (as written, NumPy of it) for the faithful text and for a copy with a student's slip
SLOTS = {
    "SLIP2": ((r"-\sigma_i\sigma_j", lambda i, j, z, s, t: -s[i] * s[j]),
              (r"\sigma_i\sigma_j", lambda i, j, z, s, t: s[i] * s[j])),  # the sign dropped
    "SLIP5": ((r"\delta_{ij} - \operatorname{softmax}_j(\mathbf z)", lambda i, j, z, s, t: s[i] * ((i == j) - s[j])),
              (r"\delta_{ij} + \operatorname{softmax}_j(\mathbf z)", lambda i, j, z, s, t: s[i] * ((i == j) + s[j]))),
}
#: the cross-entropy's gradient: (as written, NumPy of it) for both copies
CE_SLOT = ((r"p_i - t_i", lambda z, s, t: s - t), (r"t_i - p_i", lambda z, s, t: t - s))


def _spanish(planted: bool) -> tuple[str, dict]:
    """The answer (faithful or planted) and each graded claim's verdict by the oracle."""
    text, oracle = SPANISH, {}
    for slot, pair in SLOTS.items():
        written, formula = pair[planted]
        text = text.replace(slot, written)
        oracle[slot] = formula
    written, gradient = CE_SLOT[planted]
    text = text.replace("SLIP4", written)
    z, t, jac, grad = _truth()
    s = _softmax(z)
    # the chain's middle side of (4), -t_i(1 - p_i) + Σ_{k≠i} t_k p_i, is the gradient's entry for a one-hot t
    middle = np.array([-t[i] * (1 - s[i]) + sum(t[k] * s[i] for k in range(3) if k != i) for i in range(3)])
    verdicts = {
        "1": _holds(lambda i, j, z, s, t: s[i] * (1 - s[j]), "="),
        "2": _holds(oracle["SLIP2"], "≠"),
        "3": _holds(lambda i, j, z, s, t: s[i] * ((i == j) - s[j])),
        "4": bool(np.allclose(middle, grad) and np.allclose(gradient(z, s, t), grad)),
        "5": _holds(oracle["SLIP5"]),
    }
    return text, {cid: "correct" if ok else "incorrect" for cid, ok in verdicts.items()}


def test_a_softmax_written_as_a_functions_entries_is_judged_in_each_case(tmp_path):
    """``σ(\\mathbf z)_i`` defined beside p_i names σ's entries the softmax's; ``\\frac{\\partial σ_i}{\\partial z_j}``
    is judged in the case its sentence states ("Si $i \\neq j$:"), ``(\\mathbf z)`` after a Jacobian's entry is its
    point, ``E(\\mathbf t, \\mathbf p)`` the loss with its arguments, ``\\sum_{k \\neq i}`` skips k = i, and
    ``\\operatorname{softmax}_i(\\mathbf z)`` is the softmax by its name. The planted slips are caught."""
    for planted in (False, True):
        text, want = _spanish(planted)
        got = _verify(tmp_path, SOFTMAX_SPEC, text)
        assert {cid: got[cid].verdict for cid in want} == want, (planted, {c: got[c].message for c in want})
    assert list(_spanish(True)[1].values()).count("incorrect") == 3


def test_a_sum_that_skips_one_value_and_a_divided_derivative_are_read():
    """``\\sum_{j=1, j \\neq i}`` and ``\\sum_{k \\neq 1}`` leave out one value; ``\\frac{\\partial a_j}{a_j \\partial
    z_i}`` is (1 / a_j) ∂a_j/∂z_i. Read into the index reader's trees and evaluated on the module's numbers."""
    from gradproof.verify import indexmodules as im

    names = {"a": "Y", "z": "Z", "y": "T"}
    node = im._Reader(r"\sum_{j=1,j\neq i}^q y_j a_i", names=names).whole()
    assert node.op == "sum" and node.args[1].value == (("j", "i"),)
    assert im._free(node) == frozenset({"i"})
    other = im._Reader(r"\sum_{k \neq 1} y_k", names=names).whole()
    assert other.args[1].value == (("k", 1),)
    divided = im._Reader(r"\frac{\partial a_j}{a_j \partial z_i}", names=names).whole()
    assert divided.op == "div" and divided.args[0].op == "d"
    module = im._Module(im._Reading("softmax_ce", batch=False))
    ev = im._Evaluator(module, {"i": 3, "j": 3, "k": 3})
    y, a = module.plain["T"], module.plain["Y"]
    for i in range(3):
        assert np.isclose(ev.value(node, module.plain, {"i": i}), sum(y[j] * a[i] for j in range(3) if j != i))
    assert np.isclose(ev.value(other, module.plain, {}), y[1] + y[2])


#: German notes: p the output's entries by their own definition, the Jacobian in LaTeX's array cases (Wikipedia's
#: ``\left\{{\begin{array}{rcl} … \end{array}}\right.``, the array in braces of its own), "sonst" its second case
GERMAN = r"""Die Ausgabe ist $p_i = \frac{e^{z_i}}{\sum_{k=1}^{K} e^{z_k}}$.

$$
{\displaystyle \frac{\partial p_i}{\partial z_j}=\left\{{\begin{array}{rcl}SAME&\mbox{falls}&i=j\\OTHER&{\mbox{sonst}}&\end{array}}\right.}
$$
"""


def test_a_jacobian_in_array_cases_is_one_claim_judged_in_both_cases(tmp_path):
    """The two rows of an array cases in braces of its own (``\\left\\{{\\begin{array}…\\end{array}}\\right.``) are one
    claim's two cases, ``\\mbox{sonst}`` the second: judged as (row 1) δ_ij + (row 2)(1 − δ_ij) over every i, j. A
    slip in either row is caught, also the one only the diagonal shows (the claim states both cases itself)."""
    rows = {
        "faithful": (r"p_i(1-p_j)", r"-p_j p_i", lambda i, j, z, s, t: s[i] * (1 - s[j]) if i == j else -s[j] * s[i]),
        "diagonal slip": (r"p_i(1+p_j)", r"-p_j p_i", lambda i, j, z, s, t: s[i] * (1 + s[j]) if i == j else -s[j] * s[i]),
        "sign slip": (r"p_i(1-p_j)", r"p_j p_i", lambda i, j, z, s, t: s[i] * (1 - s[j]) if i == j else s[j] * s[i]),
    }
    got_verdicts, want = {}, {}
    for name, (same, other, formula) in rows.items():
        got = _verify(tmp_path, SOFTMAX_SPEC, GERMAN.replace("SAME", same).replace("OTHER", other))
        got_verdicts[name] = got["line 4"].verdict
        want[name] = "correct" if _holds(formula) else "incorrect"
    assert want == {"faithful": "correct", "diagonal slip": "incorrect", "sign slip": "incorrect"}
    assert got_verdicts == want


#: the output defined as the softmax of a bare z: z is the last layer's summed input, z_i its entries
BARE_Z = r"""The network's output is $\hat y = \mathrm{softmax}(z)$.

$$
\frac{\partial \hat y_i}{\partial z_j} = \hat y_i(\delta_{ij} - \hat y_j) \tag{1}
$$

$$
\frac{\partial L}{\partial z_i} = GRAD \tag{2}
$$
"""


def test_the_output_as_the_softmax_of_a_bare_z_binds_z_to_the_last_layer(tmp_path):
    """``\\hat y = \\mathrm{softmax}(z)`` defines z, written bare, as the output layer's summed input in a network of
    two layers: ``z_i`` is its entry (it had been "z needs a layer index"). A swapped difference is caught."""
    z, t, jac, grad = _truth()
    s = _softmax(z)
    assert _holds(lambda i, j, z, s, t: s[i] * ((i == j) - s[j]))
    for written, value in ((r"\hat y_i - y_i", s - t), (r"y_i - \hat y_i", t - s)):
        got = _verify(tmp_path, SOFTMAX_SPEC, BARE_Z.replace("GRAD", written))
        assert got["1"].verdict == "correct", got["1"].message
        assert got["2"].verdict == ("correct" if np.allclose(value, grad) else "incorrect"), got["2"].message


#: Petersen's order: a sentence names the case (``where $j \neq i$``) with other inline math after it, then the display
STATED = r"""Let $s_i = \frac{e^{x_i}}{\sum_k e^{x_k}}$ be the softmax.

Now compute the derivative of $s_i$ with respect to $x_j$, where $j \neq i$, with $K = 3$ classes.

$$
\frac{\partial s_i}{\partial x_j} = CLAIM
$$
"""


def test_a_case_named_in_the_sentence_before_a_display_keeps_a_right_claim_from_being_rejected(tmp_path):
    """A claim right where j ≠ i and wrong only where j = i, after a sentence that names the case j ≠ i and then other
    math (so the case is not the claim just before the display, which would be read as its scope): not "incorrect"
    (which case the display is about is the sentence's, not read for certain) — unchecked, with why; a claim wrong in
    the named case itself is still incorrect."""
    right = _holds(lambda i, j, z, s, t: -s[i] * s[j], "≠")
    wrong_there = _holds(lambda i, j, z, s, t: s[i] * s[j], "≠")
    assert right and not wrong_there and not _holds(lambda i, j, z, s, t: -s[i] * s[j])
    got = _verify(tmp_path, SOFTMAX_SPEC, STATED.replace("CLAIM", r"-s_i s_j"))
    assert got["line 6"].verdict == "unchecked" and "names the case" in got["line 6"].message
    got = _verify(tmp_path, SOFTMAX_SPEC, STATED.replace("CLAIM", r"s_i s_j"))
    assert got["line 6"].verdict == "incorrect", got["line 6"].message


#: a student's notes in plain TeX's fractions: the softmax named by the word with its bold argument, Iverson's [i=j],
#: the cross-entropy with a regularizer R, and a section of another loss before it (its L the squared error's)
NOTES = r"""## MSE

$\displaystyle L={1\over 2}\sum_i(\boldsymbol y_i-\boldsymbol o_i)^2$

$\displaystyle {\partial L\over \partial \boldsymbol o_i}=\boldsymbol o_i-\boldsymbol y_i$

## Softmax

$\displaystyle L=-\sum_i (\boldsymbol y_i\log \text{softmax}(\boldsymbol o)_i)+R$

$\displaystyle {\partial L\over \partial \text{softmax}(\boldsymbol o)_i}=DL_DS$

$\displaystyle {\partial \text{softmax}(\boldsymbol o)_i\over \partial \boldsymbol o_j}=JACOBIAN$
"""


def test_plain_tex_fractions_iverson_brackets_and_a_regularized_cross_entropy_are_read(tmp_path):
    """``{\\partial L \\over \\partial \\text{softmax}(\\boldsymbol o)_i}`` is a derivative of the regularized
    cross-entropy (R depends on the weights only) by the softmax's entry; ``[i=j]`` is Kronecker's δ; a claim in the
    "## MSE" section is about another loss and is not judged with the softmax's (it had been rejected there)."""
    z, t, jac, _ = _truth()
    s = _softmax(z)
    dl_ds = central_differences(lambda p: float(-np.sum(t * np.log(p["s"]))), {"s": s.copy()})["s"]
    cases = {
        "faithful": (r"-{\boldsymbol y_i\over \text{softmax}(\boldsymbol o)_i}", -t / s,
                     r"[i=j]\text{softmax}(\boldsymbol o)_i-\text{softmax}(\boldsymbol o)_i\text{softmax}(\boldsymbol o)_j",
                     lambda i, j, z, s, t: (i == j) * s[i] - s[i] * s[j]),
        "planted": (r"-{\text{softmax}(\boldsymbol o)_i\over \boldsymbol y_i + 1}", -s / (t + 1),
                    r"[i=j]\text{softmax}(\boldsymbol o)_i-\text{softmax}(\boldsymbol o)_j",
                    lambda i, j, z, s, t: (i == j) * s[i] - s[j]),
    }
    for name, (written_ds, value_ds, written_jac, formula) in cases.items():
        got = _verify(tmp_path, SOFTMAX_SPEC, NOTES.replace("DL_DS", written_ds).replace("JACOBIAN", written_jac))
        want_ds = "correct" if np.allclose(value_ds, dl_ds) else "incorrect"
        want_jac = "correct" if _holds(formula) else "incorrect"
        assert (want_ds, want_jac) == (("correct",) * 2 if name == "faithful" else ("incorrect",) * 2)
        assert (got["line 11"].verdict, got["line 13"].verdict) == (want_ds, want_jac), name
        assert got["line 5"].verdict == "unchecked" and "MSE" in got["line 5"].message


# ---- the delta rule in a lecturer's letters: unit i fed by j, ω the weights, μ the rate, d the target -----------------

#: one linear layer of 2 units on 3 inputs, ω_{ji} the weight from input j into unit i (the column convention)
DELTA_SPEC = _spec("delta_rule", "column", 3, [(2, "identity")], "squared_error", 0.1)

DELTA = r"""A linear unit $i$ sums its inputs, $y_i = \sum_j \omega_{ji} x_j$; its error is $e_i = d_i - y_i$ and
$E = \frac{1}{2}\sum_i e_i^2$.
\begin{equation}
\Delta \omega_{ji} = -\mu \frac{\partial E}{\partial \omega_{ji}} \label{rule}
\end{equation}
\begin{equation}
\frac{\partial E}{\partial \omega_{ji}} = GRAD \label{grad}
\end{equation}
\begin{equation}
\frac{\partial E}{\partial \omega_{ji}} = AGAIN \label{again}
\end{equation}
\begin{equation}
\frac{\partial E}{\partial \omega_{ji}} = GRAD \label{restated}
\end{equation}
\begin{equation}
\Delta \omega_{ji} = STEP \label{step}
\end{equation}
"""


def _delta_truth():
    """x, d, W (W[j, i]: input j into unit i), the gradient ∂E/∂W by central differences, and the rate."""
    rng = np.random.default_rng(291)
    x, d, W = rng.normal(size=3), rng.normal(size=2), rng.normal(size=(3, 2))
    grad = central_differences(lambda p: 0.5 * float(np.sum((d - p["W"].T @ x) ** 2)), {"W": W.copy()})["W"]
    return x, d, W, grad, 0.1


def test_the_delta_rule_in_a_lecturers_letters_and_an_error_carried_forward(tmp_path):
    """Unit i summing over the j feeding it (no Bishop's i → j → k), ω for the weights, μ for the rate, d the desired
    output: every claim read. A sum's index written again after the sum (``(\\sum_j ω_{ji} x_j − d_i) x_j``: the j
    outside is the free one) is evaluated with the outer j restored (it had been left unbound: a false reject). A
    slip in ∂E/∂ω carried on by a later chain, and the step Δω made from it, are errors carried forward; the same
    slip stated again alone is a new error."""
    x, d, W, grad, lr = _delta_truth()
    y = W.T @ x
    e = d - y
    faithful = {"GRAD": (r"- e_i x_j", -np.outer(x, e)),
                "AGAIN": (r"(\sum_j \omega_{ji} x_j - d_i) x_j = (y_i - d_i) x_j", np.outer(x, y - d)),
                "STEP": (r"\mu e_i x_j", lr * np.outer(x, e))}
    planted = {"GRAD": (r"e_i x_j", np.outer(x, e)),
               "AGAIN": (r"(d_i - \sum_j \omega_{ji} x_j) x_j = (d_i - y_i) x_j", np.outer(x, d - y)),
               "STEP": (r"-\mu e_i x_j", -lr * np.outer(x, e))}
    for copy in (faithful, planted):
        text = DELTA
        for slot, (written, _) in copy.items():
            text = text.replace(slot, written)
        wrong_grad = None if np.allclose(copy["GRAD"][1], grad) else copy["GRAD"][1]
        # the gradient stated again, alone, is judged on its own (a new error); the chain that derives on from it and the
        # step made from it carry the earlier error forward
        want = {"rule": "correct", "grad": "correct" if wrong_grad is None else "incorrect",
                "restated": "correct" if wrong_grad is None else "incorrect"}
        for cid, slot, truth in (("again", "AGAIN", grad), ("step", "STEP", -lr * grad)):
            value = copy[slot][1]
            follows = wrong_grad is not None and np.allclose(value, wrong_grad if slot == "AGAIN" else -lr * wrong_grad)
            want[cid] = "correct" if np.allclose(value, truth) else "carried_forward" if follows else "incorrect"
        got = _verify(tmp_path, DELTA_SPEC, text, name="notes.tex")
        assert {cid: got[cid].verdict for cid in want} == want, {cid: got[cid].message for cid in want}
    assert want == {"rule": "correct", "grad": "incorrect", "restated": "incorrect", "again": "carried_forward",
                    "step": "carried_forward"}


# ---- code names in the mathematics (iambestfeed): \text{hidden\_output}, d_{\text{output}}, a boolean mask ----------

#: a ReLU regression net, samples as rows (X W_1^T + b_1), the mean squared error over a minibatch
WORDS_SPEC = _spec("code_names", "row", 3, [(4, "relu"), (1, "identity")], "mean_squared_error", 0.01)

WORDS = r"""We train on mini-batches of $m$ examples.
\[
\text{hidden\_input} = X \cdot W_1^T + b_1
\]
\[
\text{hidden\_output} = \text{ReLU}(\text{hidden\_input})
\]
\[
d_{\text{output}} = 2 (\hat{y} - y) / m
\]
\[
d_{\text{hidden}} = d_{\text{output}} \cdot W_2 \cdot HIDDEN
\]
\[
dW_2 = d_{\text{output}}^T \cdot \text{hidden\_output}
\]
\[
db_2 = BIAS
\]
\[
dW_1 = d_{\text{hidden}}^T \cdot X
\]
"""


def test_code_names_are_the_answers_own_symbols_and_a_wrong_gradient_name_is_not_used(tmp_path):
    """``\\text{hidden\\_output} = …`` and ``d_{\\text{output}} = …`` define the answer's own symbols (they were
    "unknown symbol"); ``· (\\text{hidden\\_output} > 0)`` after a product's sign is NumPy's mask (1 where it holds).
    A d-name defined as no gradient of the network (ReLU written for its slope) is not used to judge what uses it;
    a bias's gradient without the sum over the minibatch is caught. Expected values by NumPy central differences of
    the batch's mean squared error."""
    rng = np.random.default_rng(2929)
    m = 5
    X, Y = rng.normal(size=(m, 3)), rng.normal(size=(m, 1))
    W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(1, 4)), rng.normal(size=1)

    def loss(p):
        H = np.maximum(p["W1"] @ X.T + p["b1"][:, None], 0).T
        return float(np.mean(np.sum((H @ p["W2"].T + p["b2"] - Y) ** 2, axis=1)))

    grads = central_differences(loss, {"W1": W1.copy(), "b1": b1.copy(), "W2": W2.copy(), "b2": b2.copy()})
    H = np.maximum(X @ W1.T + b1, 0)
    d_out = 2 * (H @ W2.T + b2 - Y) / m
    mask, relu = (H > 0).astype(float), H
    assert np.allclose(d_out.T @ H, grads["W2"]) and np.allclose((d_out @ W2 * mask).T @ X, grads["W1"])
    assert np.allclose(d_out.sum(axis=0), grads["b2"]) and not np.allclose((d_out @ W2 * relu).T @ X, grads["W1"])
    text = WORDS.replace("HIDDEN", r"(\text{hidden\_output} > 0)").replace("BIAS", r"\sum d_{\text{output}}")
    got = _verify(tmp_path, WORDS_SPEC, text)
    assert [got[c].verdict for c in ("line 15", "line 18", "line 21")] == ["correct"] * 3, [got[c].message for c in got]
    slipped = WORDS.replace("HIDDEN", r"\text{hidden\_output}").replace("BIAS", r"d_{\text{output}}")
    got = _verify(tmp_path, WORDS_SPEC, slipped)
    assert got["line 15"].verdict == "correct"
    assert got["line 12"].verdict == "unchecked" and "no gradient of the network" in got["line 12"].message
    assert got["line 21"].verdict == "unchecked"  # (it uses d_hidden, whose own definition is wrong)
    unsummed = np.shape(d_out) == np.shape(grads["b2"]) and np.allclose(d_out, grads["b2"])
    assert got["line 18"].verdict == ("correct" if unsummed else "incorrect")  # (the batch's rows, not their sum)


# ---- ∂/∂q before one factor or a sum (johnphilipp's, maxamb's chains) ------------------------------------------------

SIGMOID_SPEC = _spec("operator_before_a_factor", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.1)

OPERATOR = r"""$$
\frac{\partial a^{(2)}_j}{\partial z^{(2)}_j} = \frac{\partial}{\partial z^{(2)}_j} FUNCTION(z^{(2)}_j)
= \sigma(z^{(2)}_j)(1 - \sigma(z^{(2)}_j)) \tag{slope}
$$

$$
\frac{\partial C}{\partial a^{(2)}_j} = \frac{\partial}{\partial a^{(2)}_j} \sum_k HALF(a^{(2)}_k - y_k)^2 = a^{(2)}_j - y_j \tag{cost}
$$
"""


def test_the_derivative_operator_before_one_factor_or_a_sum_is_read(tmp_path):
    """``\\frac{\\partial}{\\partial z_j} σ(z_j)`` (the operator before one function applied, ending the side) and
    ``\\frac{\\partial}{\\partial a_j} \\sum_k …`` (before a sum, whose term it takes) are the derivatives of those
    expressions — they had been left out of the chain ("read with the expression in parentheses after it"), so a slip
    in them passed: a chain with tanh for σ, or without the ½, is caught now."""
    rng = np.random.default_rng(2930)
    z, a, y = rng.normal(size=2), rng.uniform(size=2), rng.uniform(size=2)
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    slope = {f: np.array([central_differences(lambda p, j=j, g=g: float(g(p["z"])[j]), {"z": z.copy()})["z"][j]
                          for j in range(2)]) for f, g in (("sigma", sig), ("tanh", np.tanh))}
    cost = {h: central_differences(lambda p, c=c: c * float(np.sum((p["a"] - y) ** 2)), {"a": a.copy()})["a"]
            for h, c in ((r"\frac{1}{2}", 0.5), ("", 1.0))}
    for function, half in (("\\sigma", r"\frac{1}{2}"), ("\\tanh", "")):
        got = _verify(tmp_path, SIGMOID_SPEC, OPERATOR.replace("FUNCTION", function).replace("HALF", half))
        holds = np.allclose(slope[function.strip("\\")], sig(z) * (1 - sig(z)))
        assert got["slope"].verdict == ("correct" if holds else "incorrect"), got["slope"].message
        assert got["cost"].verdict == ("correct" if np.allclose(cost[half], a - y) else "incorrect"), got["cost"].message


def test_an_equals_sign_only_inside_an_unclosed_brace_is_no_definition():
    """Hypothesis found ``W^{(2)} \\frac{ =`` (its = inside an unclosed brace: one side) raising an IndexError in the
    reading of the answer's definitions; it is a claim that does not read, unchecked."""
    from gradproof.derive.derivation import derive
    from gradproof.derive.spec import spec_from_dict
    from gradproof.verify.judge import Claim, Judge

    spec = {"name": "tiny", "inputs": 2, "layers": [{"units": 3, "activation": "tanh"}, {"units": 2, "activation": "softmax"}],
            "loss": {"name": "cross_entropy"}}
    results = Judge(derive(spec_from_dict(spec, "tiny.toml"), check=False)).check_all([Claim("0", r"W^{(2)} \frac{ =")])
    assert [r.verdict for r in results] == ["unchecked"]


#: a softmax whose normalizer sums to N (the classes, as wintertee writes them beside K): one example's entries
NORMALIZER = r"""The output is $\hat y = \mathrm{softmax}(z)$, $\hat y_i = \frac{e^{z_i}}{\sum_{k=1}^{N} e^{z_k}}$.

$$\frac{\partial L}{\partial z_i} = GRAD \tag{g}$$
"""


def test_a_softmax_normalizer_summed_to_n_is_no_batch(tmp_path):
    """``\\sum_{k=1}^{N} e^{z_k}`` sums one example's exponentials, not N examples: the document is read for one
    example (it had been read with a batch, where every z_i was "an entry of a matrix"); a swapped difference is
    caught. A mean over N examples still asks for a batch."""
    from gradproof.verify.document import _MEAN_OVER_BATCH, _SOFTMAX_SUM

    z, t, jac, grad = _truth()
    s = _softmax(z)
    for written, value in ((r"\hat y_i - y_i", s - t), (r"y_i - \hat y_i", t - s)):
        got = _verify(tmp_path, SOFTMAX_SPEC, NORMALIZER.replace("GRAD", written))
        assert got["g"].verdict == ("correct" if np.allclose(value, grad) else "incorrect"), got["g"].message
    mean = r"L = \frac{1}{N} \sum_{n=1}^{N} \ell_n"
    assert _MEAN_OVER_BATCH.search(_SOFTMAX_SUM.sub(" ", mean))
