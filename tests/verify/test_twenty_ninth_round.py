r"""The twenty-ninth round (issue 10): a softmax written as a function's entries — wintertee's ``φ(\mathbf z)_j`` and
``\frac{\partial \phi_i}{\partial z_j}``, Petersen's ``s(\mathbf x)_i``, Viviano's ``softmax_i(z)`` named by the word
alone — a sum that skips one value (``\sum_{j=1, j \neq i}``, ``\sum_{k \neq i}``), a derivative written
``\frac{\partial a_j}{a_j \partial z_i}``, the cross-entropy named by a letter with its arguments (``H(\mathbf y,
\mathbf a)``), and the case of two indices stated in the text just before a display. Every expected verdict is
decided here by NumPy central differences of a softmax and its cross-entropy written by hand, never by gradproof."""

from __future__ import annotations

import numpy as np
from conftest import central_differences
from test_twenty_first_round import _verify

#: a 3-4-3 network whose output is a softmax with the cross-entropy: the answer's claims are about its output layer
SOFTMAX_SPEC = """name = "softmax_entries"
inputs = 3

[[layers]]
units = 4
activation = "tanh"

[[layers]]
units = 3
activation = "softmax"

[loss]
name = "cross_entropy"

[optimizer]
name = "sgd"
learning_rate = 0.1
"""


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
\frac{\partial \sigma_i}{\partial z_j} = \frac{\exp(z_i)\sum_k \exp(z_k) - \exp(z_i)\exp(z_j)}{(\sum_k \exp(z_k))^2} = \sigma_i(1-\sigma_j) \tag{1}
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
{\displaystyle \frac{\partial p_i}{\partial z_j}=\left\{{\begin{array}{rcl}SAME&{\mbox{falls}}&i=j\\OTHER&{\mbox{sonst}}&\end{array}}\right.}
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
