"""Hostile input, round fourteen (issue 12, fifteenth pass): what the fourteenth round added, attacked as an attacker
and as an unlucky user. benchmarks/probe_hostile.py ("r14:" probes) runs the classes through the real CLI with time
and memory measured (docs/RELIABILITY.md, "Round fourteen"). Found: a function defined by a quantity's letter was read
as the activation function only when the definition was the whole claim (a chain ``a(x) = … = …``, definitions side
by side, ``d a(x)/dx`` were judged as the hidden layer's a times the network's x: right claims "incorrect"); and any
norm in the definition of ℓ made ℓ the whole objective (``\\mathcal{L} = ½‖ŷ − y‖²``: its gradients without λW
"incorrect"). Oracles: NumPy (the logistic function and its derivative by hand; central finite differences of the data
loss through a network written out by hand)."""

from __future__ import annotations

import re

import numpy as np
from gradproof.verify.cli import verify_file
from gradproof.verify.document import extract
from test_round_ten import cpu

SIG = ('name = "s"\ninputs = 2\n[[layers]]\nunits = 3\nactivation = "sigmoid"\n[[layers]]\nunits = 1\nactivation = '
       '"sigmoid"\n[loss]\nname = "binary_cross_entropy"\n[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')


def _verdicts(tmp_path, spec: str, doc: str) -> dict:
    """{id: verdict} of every claim and every row of the document verified against the spec."""
    (tmp_path / "s.toml").write_text(spec)
    (tmp_path / "h.md").write_text(doc)
    results, _, _ = verify_file(str(tmp_path / "h.md"), str(tmp_path / "s.toml"))
    out = {r.id: r.verdict for r in results}
    out.update({row.id: row.verdict for r in results for row in r.rows})
    return out


# -- funcdef: a(x) = … anywhere in a claim about the function ------------------------------------------------------------
def _sigma(v):
    return 1 / (1 + np.exp(-v))


#: (the equation as written, each side as a function of the variable, by hand): the oracle says which hold for σ
EQUATIONS = [
    (r"a(x) = \frac{1}{1+e^{-x}}", [_sigma, lambda x: 1 / (1 + np.exp(-x))]),
    (r"a(x) = \frac{1}{1+e^{-x}} = \frac{e^x}{1+e^x}", [_sigma, lambda x: 1 / (1 + np.exp(-x)), lambda x: np.exp(x) / (1 + np.exp(x))]),
    (r"a(x) = \frac{1}{1+e^{-x}} = \frac{e^x}{2+e^x}", [_sigma, lambda x: 1 / (1 + np.exp(-x)), lambda x: np.exp(x) / (2 + np.exp(x))]),
    (r"\frac{d a(x)}{dx} = a(x)(1 - a(x))", [lambda x: (_sigma(x + 1e-6) - _sigma(x - 1e-6)) / 2e-6,
                                             lambda x: _sigma(x) * (1 - _sigma(x))]),
    (r"\frac{d a(x)}{dx} = a(x)(2 - a(x))", [lambda x: (_sigma(x + 1e-6) - _sigma(x - 1e-6)) / 2e-6,
                                             lambda x: _sigma(x) * (2 - _sigma(x))]),
    (r"h(x) = \frac{1}{1+\exp(-x)}", [_sigma, lambda x: 1 / (1 + np.exp(-x))]),
]


def _holds(sides) -> bool:
    v = np.linspace(-3, 3, 13)
    return all(np.allclose(side(v), sides[0](v), atol=1e-6) for side in sides[1:])


def test_a_function_defined_in_a_chain_or_beside_another(tmp_path):
    """Each equation alone, as a chain, and two side by side (``\\qquad``, in their own variables): a(x), h(x) are the
    activation function (σ in both layers), and each verdict is the one NumPy gives (before: the chain and the rows
    side by side were "incorrect" by their shapes, a(x) read as the hidden layer's a times the input x)."""
    doc, want = [], {}
    for k, (latex, sides) in enumerate(EQUATIONS):
        doc.append(f"$${latex} \\tag{{e{k}}}$$\n\n")
        want[f"e{k}"] = "correct" if _holds(sides) else "incorrect"
    line = 2 * len(EQUATIONS) + 1
    pairs = [(0, 5), (0, 2), (1, 3)]  # (rows side by side: line N.1 and line N.2)
    for i, j in pairs:
        second = re.sub(r"(?<![A-Za-z\\])(d?)x(?![A-Za-z])", r"\1y", EQUATIONS[j][0])  # (in a variable of its own)
        doc.append(f"$${EQUATIONS[i][0]}, \\qquad {second}$$\n\n")
        want[f"line {line}.1"] = want[f"e{i}"]
        want[f"line {line}.2"] = want[f"e{j}"]
        line += 2
    got = _verdicts(tmp_path, SIG, "".join(doc))
    assert {k: got.get(k) for k in want} == want
    assert sorted(set(want.values())) == ["correct", "incorrect"]  # (the oracle found both kinds)


def test_rows_side_by_side_show_the_equations_as_written(tmp_path):
    """A display of two definitions side by side, read as g(x) and g(y): its rows ``line 1.1``, ``line 1.2`` show
    ``a(x) = …`` and ``a(y) = …`` as written (the claim itself always did), with NumPy's verdicts."""
    (tmp_path / "s.toml").write_text(SIG)
    (tmp_path / "h.md").write_text("$$a(x) = \\frac{1}{1+e^{-x}}, \\qquad a(y) = \\frac{1}{2+e^{-y}}$$\n")
    results, _, _ = verify_file(str(tmp_path / "h.md"), str(tmp_path / "s.toml"))
    v = np.linspace(-3, 3, 13)
    want = ["correct" if np.allclose(f(v), _sigma(v)) else "incorrect"
            for f in (lambda x: 1 / (1 + np.exp(-x)), lambda y: 1 / (2 + np.exp(-y)))]
    assert [(r.id, r.latex, r.verdict) for r in results[0].rows] == [
        ("line 1.1", "a(x) = \\frac{1}{1+e^{-x}}", want[0]), ("line 1.2", "a(y) = \\frac{1}{2+e^{-y}}", want[1])]


def test_a_primed_letter_is_left_to_the_parser(tmp_path):
    """Bishop's ``h'(a) = 1 - h(a)^2`` (tanh hidden units) is the parser's own reading, not rewritten: still judged,
    and right (d tanh/da = 1 − tanh², by central differences)."""
    spec = SIG.replace('activation = "sigmoid"', 'activation = "tanh"', 1)
    a = np.linspace(-2, 2, 9)
    assert np.allclose((np.tanh(a + 1e-6) - np.tanh(a - 1e-6)) / 2e-6, 1 - np.tanh(a) ** 2, atol=1e-6)
    assert _verdicts(tmp_path, spec, "$$h'(a) = 1 - h(a)^2 \\tag{p}$$\n")["p"] in ("correct", "unchecked")


# -- lossname: a norm of the residual is no penalty ----------------------------------------------------------------------------
REG = ('name = "r"\ninputs = 2\n[[layers]]\nunits = 3\nactivation = "tanh"\n[[layers]]\nunits = 2\nactivation = '
       '"identity"\n[loss]\nname = "squared_error"\n[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n'
       '[regularization]\nname = "l2"\nlambda = 0.01\n')


def _gradients(lam: float):
    """(∂ℓ/∂W² by central differences of ℓ = ½‖ŷ − y‖² + (λ/2) Σ‖W‖², δ⁽²⁾ h⁽¹⁾ᵀ) at random values, by hand."""
    rng = np.random.default_rng(3)
    x, y = rng.normal(size=2), rng.normal(size=2)
    w1, b1, w2, b2 = rng.normal(size=(3, 2)), rng.normal(size=3), rng.normal(size=(2, 3)), rng.normal(size=2)

    def loss(w):
        h = np.tanh(w1 @ x + b1)
        return 0.5 * np.sum((w @ h + b2 - y) ** 2) + lam / 2 * (np.sum(w1 ** 2) + np.sum(w ** 2))

    g = np.zeros_like(w2)
    for i in np.ndindex(*w2.shape):
        e = np.zeros_like(w2)
        e[i] = 1e-6
        g[i] = (loss(w2 + e) - loss(w2 - e)) / 2e-6
    h = np.tanh(w1 @ x + b1)
    return g, np.outer(w2 @ h + b2 - y, h), w2


def test_a_norm_of_the_residual_is_not_a_penalty(tmp_path):
    """ℓ defined as ½‖ŷ − y‖² (a norm, no λ) is one example's data loss: its gradient δ⁽²⁾h⁽¹⁾ᵀ is right for ℓ (finite
    differences of ℓ without the penalty) and J's needs λW⁽²⁾ (with it); before, the norm made ℓ the whole objective and
    the first was "incorrect". ℓ written with ‖W‖² beside it is the whole objective, as before."""
    data, plain, _ = _gradients(0.0)
    whole, _, _ = _gradients(0.01)
    want_l = "correct" if np.allclose(data, plain, atol=1e-5) else "incorrect"
    want_whole = "correct" if np.allclose(whole, plain, atol=1e-5) else "incorrect"
    assert (want_l, want_whole) == ("correct", "incorrect")
    doc = ("$$\\mathcal{L} = \\frac{1}{2} \\| \\hat{y} - y \\|^2 \\tag{def}$$\n\n"
           "$$\\frac{\\partial \\mathcal{L}}{\\partial W^{(2)}} = \\delta^{(2)} h^{(1)T} \\tag{g}$$\n\n"
           "$$\\frac{\\partial J}{\\partial W^{(2)}} = \\delta^{(2)} h^{(1)T} \\tag{gj}$$\n\n")
    got = _verdicts(tmp_path, REG, doc)
    assert (got["def"], got["g"], got["gj"]) == ("correct", want_l, want_whole)
    penalised = doc.replace("\\tag{def}", "+ \\frac{\\lambda}{2} \\sum_l \\| W^{(l)} \\|_F^2 \\tag{def}")
    got = _verdicts(tmp_path, REG, penalised)
    assert got["g"] == want_whole  # (ℓ is the whole objective: its gradient needs λW⁽²⁾ too)


# -- bareneuron: claims judged again as the output layer's, at most MAX_CHECKS ------------------------------------------------
RUIZ = ('name = "ruiz"\ninputs = 2\n[[layers]]\nunits = 3\nactivation = "relu"\n[[layers]]\nunits = 1\nactivation = '
        '"sigmoid"\n[loss]\nname = "binary_cross_entropy"\n[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')
NEURON = "$$z = w x + b$$\n\n$$a = \\sigma(z)$$\n\n$$L = L(a, y)$$\n\n"


def test_a_bare_neurons_claims_are_read_again_a_bounded_number_of_times(tmp_path, monkeypatch):
    """Ruiz's one neuron (a = σ(z) names the output's activation, L(a, y) its loss): distinct claims ∂L/∂z = a − y are
    each judged again as the output layer's — right there (BCE after σ: ∂L/∂z = σ(z) − y, central differences) — but
    at most MAX_CHECKS of them (each a whole judgement, ~30 ms; 1990 copies were ~60 CPU s more in process); the rest
    stay ``unchecked`` saying why, never a verdict. Counted with the bound lowered to 4."""
    from gradproof.verify import bareneuron

    z, y = np.linspace(-3, 3, 13), 1.0
    bce = lambda v: -(y * np.log(_sigma(v)) + (1 - y) * np.log(1 - _sigma(v)))  # noqa: E731
    right = np.allclose((bce(z + 1e-6) - bce(z - 1e-6)) / 2e-6, _sigma(z) - y, atol=1e-5)
    calls, real = [0], bareneuron._as_output

    def counted(*args, **kwargs):
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(bareneuron, "_as_output", counted)
    monkeypatch.setattr(bareneuron, "MAX_CHECKS", 4)
    monkeypatch.setattr(bareneuron, "_PAST", " (not read again as the output layer's: more than 4 claims of the answer were")
    doc = NEURON + "".join(f"$$\\frac{{\\partial L}}{{\\partial z}} = a - y + {k} - {k} \\tag{{c{k}}}$$\n\n" for k in range(8))
    (tmp_path / "s.toml").write_text(RUIZ)
    (tmp_path / "h.md").write_text(doc)
    results, _, _ = verify_file(str(tmp_path / "h.md"), str(tmp_path / "s.toml"))
    by_id = {r.id: r for r in results}
    assert calls[0] == 4  # (line 3's a = σ(z) is read again too: it is the first)
    assert [by_id[f"c{k}"].verdict for k in range(8)] == ["correct" if right else "incorrect"] * 3 + ["unchecked"] * 5
    assert all("not read again" in by_id[f"c{k}"].message for k in range(3, 8))


def test_the_objective_named_by_calligraphic_l_beside_one_examples_ell(tmp_path):
    """𝓛 = ℓ(ŷ, y) + (λ/2) Σ‖W‖²: 𝓛 the whole objective, ℓ one example's data loss — two letters the reader read as one
    (both the objective, so ℓ's right gradient was "incorrect" and ℓ's gradient with λW "correct": a false accept). Each
    verdict is now the one the central differences give (of ℓ without the penalty, of 𝓛 with it)."""
    data, plain, w2 = _gradients(0.0)
    whole, _, _ = _gradients(0.01)
    claims = {"dl": ("\\ell", "", plain), "dL": ("\\mathcal{L}", " + \\lambda W^{(2)}", plain + 0.01 * w2),
              "dL0": ("\\mathcal{L}", "", plain), "dl1": ("\\ell", " + \\lambda W^{(2)}", plain + 0.01 * w2)}
    doc = ("$$\\mathcal{L} = \\ell(\\hat y, y) + \\frac{\\lambda}{2} \\sum_l \\| W^{(l)} \\|_F^2 \\tag{def}$$\n\n"
           "$$\\ell(\\hat y, y) = \\frac{1}{2} (\\hat y - y)^T (\\hat y - y) \\tag{ell}$$\n\n")
    want = {"def": "correct", "ell": "correct"}
    for cid, (letter, extra, claimed) in claims.items():
        doc += f"$$\\frac{{\\partial {letter}}}{{\\partial W^{{(2)}}}} = \\delta^{{(2)}} h^{{(1)T}}{extra} \\tag{{{cid}}}$$\n\n"
        truth = data if letter == "\\ell" else whole
        want[cid] = "correct" if np.allclose(claimed, truth, atol=1e-5) else "incorrect"
    assert sorted(set(want.values())) == ["correct", "incorrect"]
    (tmp_path / "s.toml").write_text(REG)
    (tmp_path / "h.md").write_text(doc)
    results, _, _ = verify_file(str(tmp_path / "h.md"), str(tmp_path / "s.toml"))
    assert {r.id: r.verdict for r in results} == want
    assert results[2].latex.startswith("\\frac{\\partial \\ell}") and "\\mathcal{L}" in results[3].latex  # (as written)


# -- document: question headings inside fenced code blocks ------------------------------------------------------------------
def test_a_question_label_inside_a_code_block_is_no_heading():
    """``# Q2: …`` as a comment in a Python cell, ``**Q3:**`` in an R block (```` ~~~ ```` holding a ```` ``` ````) are
    code, not questions: the claims after them stay Q1's, the real ``## Q2`` starts Q2 (ids by hand); a fence never
    closed is no block (the heading after it counts), as the math scanner reads it."""
    text = ("## Q1\n\n$$a = 1$$\n\n```python\n# Q2: the gradient, numerically\ng = 1\n```\n\n$$b = 2$$\n\n"
            "~~~{r}\n**Q3:** no\n```\n# Q4 x\n~~~\n\n$$c = 3$$\n\n## Q2\n\n$$d = 4$$\n\n```unclosed\n\n## Q3\n\n$$e = 5$$\n")
    assert [c.id for c in extract(text)] == ["Q1.1", "Q1.2", "Q1.3", "Q2.1", "Q3.1"]


def test_many_code_blocks_holding_question_labels_scan_in_linear_time():
    """1990 real question headings with a claim each, 10 fenced blocks after each claim holding ``# Q{k}`` and
    ``**Q{k}:**`` (19 900 blocks, 40 000 labels in code): every claim is ``Q{k}.1`` of its own heading (by hand), in
    bounded CPU time (one pass over the fences)."""
    block = "```{{r}}\n# Q{0}\n**Q{1}:** x\n```\n"
    text = "".join(f"## Q{k}\n\n$x_{{{k}}} = {k}$\n\n" + "".join(block.format(k + 1, k + j) for j in range(10))
                   for k in range(1, 1991))
    t0 = cpu()
    claims = extract(text)
    assert cpu() - t0 < 4
    assert [c.id for c in claims] == [f"Q{k}.1" for k in range(1, 1991)]


# -- chainrows.side_by_side: rows of a claim of several statements -----------------------------------------------------------
S2 = REG.split("[regularization]")[0]


def test_no_rows_from_equations_side_by_side_across_an_implication(tmp_path):
    """``δ = ŷ − y ⟹ ∂J/∂b = 2δ, \\quad ∂J/∂b = δ``: the judge's links are the two statements (the second holding the
    wrong 2δ — central differences give ∂J/∂b⁽²⁾ = δ⁽²⁾ = ŷ − y), but the rows listed the equations split at ``\\quad``
    and took the statements' verdicts in turn: the row holding the wrong 2δ was "correct", the right ∂J/∂b = δ beside it
    "incorrect". Such a claim keeps its own verdict and gets no rows; the same equations without the implication do."""
    rng = np.random.default_rng(5)
    x, y = rng.normal(size=2), rng.normal(size=2)
    w1, b1, w2, b2 = rng.normal(size=(3, 2)), rng.normal(size=3), rng.normal(size=(2, 3)), rng.normal(size=2)
    loss = lambda b: 0.5 * np.sum((w2 @ np.tanh(w1 @ x + b1) + b - y) ** 2)  # noqa: E731
    grad = np.array([(loss(b2 + e) - loss(b2 - e)) / 2e-6 for e in np.eye(2) * 1e-6])
    delta = w2 @ np.tanh(w1 @ x + b1) + b2 - y
    assert np.allclose(grad, delta, atol=1e-5) and not np.allclose(grad, 2 * delta, atol=1e-5)
    db, db2 = "\\frac{\\partial J}{\\partial b^{(2)}} = \\delta^{(2)}", "\\frac{\\partial J}{\\partial b^{(2)}} = 2\\delta^{(2)}"
    (tmp_path / "s.toml").write_text(S2)
    (tmp_path / "h.md").write_text(f"$$\\delta^{{(2)}} = \\hat y - y \\implies {db2}, \\quad {db}$$\n\n"
                                   f"$$\\delta^{{(2)}} = \\hat y - y, \\quad {db2}, \\quad {db}$$\n")
    results, _, _ = verify_file(str(tmp_path / "h.md"), str(tmp_path / "s.toml"))
    assert results[0].verdict == "incorrect" and results[0].rows == [], results[0].message
    assert [(r.id, r.verdict) for r in results[1].rows] == [("line 3.1", "correct"), ("line 3.2", "incorrect"),
                                                            ("line 3.3", "correct")]


def test_a_comma_then_thin_space_then_quad_is_one_break(tmp_path):
    """``δ = ŷ − y ,\\; \\quad ∂J/∂b = 2δ``: split once, between the equations (the ``;`` of ``\\;`` was taken for a
    separator, leaving ``…,\\`` unreadable: both rows ``unchecked``); each row has the verdict central differences give
    (∂J/∂b⁽²⁾ = δ⁽²⁾, not 2δ⁽²⁾: the test above)."""
    (tmp_path / "s.toml").write_text(S2)
    (tmp_path / "h.md").write_text("$$\\delta^{(2)} = \\hat y - y ,\\; \\quad \\frac{\\partial J}{\\partial b^{(2)}} = 2\\delta^{(2)}$$\n\n"
                                   "$$\\delta^{(2)} = \\hat y - y \\,,\\! \\qquad "
                                   "\\frac{\\partial J}{\\partial b^{(2)}} = \\delta^{(2)}$$\n")
    results, _, _ = verify_file(str(tmp_path / "h.md"), str(tmp_path / "s.toml"))
    assert [[(r.id, r.verdict) for r in c.rows] for c in results] == [
        [("line 1.1", "correct"), ("line 1.2", "incorrect")], [("line 3.1", "correct"), ("line 3.2", "correct")]]


def test_a_code_block_closes_at_its_own_fence():
    """A ``~~~`` block showing Markdown that holds a ```` ``` ```` line and ``$x = 1$`` is code to its own ``~~~``: no
    claim from it (the ```` ``` ```` line closed it, and ``$x = 1$`` was read as a claim); the claims around it are read
    (their lines by hand); 1.5·10⁴ such blocks, and 3·10⁴ unclosed ``~~~`` openers, scan in bounded CPU time."""
    block = "~~~markdown\n```python\nprint(1)\n```\n$x = 1$\n~~~\n"
    text = "$a = 1$\n\n" + block + "\n$b = 2$\n"
    assert [(c.id, c.latex) for c in extract(text)] == [("line 1", "a = 1"), ("line 10", "b = 2")]
    t0 = cpu()
    assert [c.latex for c in extract(block * 15000 + "~~~ r\n" * 30000 + "$c = 3$\n")] == ["c = 3"]
    assert cpu() - t0 < 4
