r"""The thirty-ninth round (issue 10): formulas drawn by an image service, as READMEs wrote them before GitHub rendered
``$…$`` — ``![](https://latex.codecogs.com/svg.latex?\frac{\partial%20J}{\partial%20w})``, the CodeCogs editor's
``<img src="…gif.latex?\frac{\partial&space;J}{\partial&space;b}&space;&plus;&space;…">``, GitHub's
``render/math?math=…`` (``%2B`` a plus sign, ``+`` a space), Google's ``chart?cht=tx&chl=…``. Before this round such a
document had no equations (or its image tags were read as prose claims: "unexpected character '\"'"). And two readings
that a README of that kind (kaixih's layer norm) brought out: ``\sum_{i=1}^{N} dy`` without its sample index is the sum
of the batch's samples (NumPy's ``dy.sum(axis=0)``), not N copies of the batch; a layer-norm link with two vectors of a
row's entries beside one number (``∂L/∂σ² = ∂L/∂y · ∂y/∂σ²``) is a dot product or one entry's term, not called wrong.

The logistic-regression gradients below are checked against central differences of the mean binary cross-entropy
(an oracle that does not read LaTeX); the planted slips (a sign, a factor 2, a dropped 1/D) are wrong by that oracle."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import central_differences
from gradproof.verify.imagemath import MAX_IMAGES, image_math
from test_nineteenth_round_coordinator import _spec
from test_thirty_third_round import _line
from test_twenty_first_round import _verify

CORPUS = Path(__file__).parent / "corpus"
LOGREG = _spec("logreg", "row", 3, [(1, "sigmoid")], "binary_cross_entropy", 0.1)

HYPOTHESIS = (r'<p align="center"><img src="https://latex.codecogs.com/svg.latex?\hat{y}^{(i)}=\sigma(w^Tx^{(i)}&plus;b)" '
              r'title="\hat{y}^{(i)}=\sigma(w^Tx^{(i)}+b)" /></p>')
COST = (r"![cost](https://latex.codecogs.com/svg.latex?J(w,b)=-\frac{1}{m}\sum_{i=1}^{m}\left[y^{(i)}\log\hat{y}^{(i)}"
        r"%20+%20(1-y^{(i)})\log(1-\hat{y}^{(i)})\right])")
DW = (r'<img src="https://latex.codecogs.com/gif.latex?\dpi{120}&space;\frac{\partial&space;J}{\partial&space;w}&space;=&space;'
      r'\frac{1}{m}\sum_{i=1}^{m}(\hat{y}^{(i)}-y^{(i)})x^{(i)}" title="dJ/dw" />')
DB = (r'<img src="https://latex.codecogs.com/gif.latex?\frac{\partial&space;J}{\partial&space;b}&space;=&space;'
      r'\frac{1}{m}\sum_{i=1}^{m}(\hat{y}^{(i)}-y^{(i)})" />')
UPDATE = r"![](https://latex.codecogs.com/svg.latex?w:=w-\alpha\frac{\partial%20J}{\partial%20w})."
SIGN = (r'A wrong one: <img src="https://render.githubusercontent.com/render/math?math=\frac{\partial J}{\partial b} = '
        r'\frac{1}{m}\sum_{i=1}^{m}(y^{(i)} - \hat{y}^{(i)})">')
MATRIX = (r"![](https://chart.googleapis.com/chart?cht=tx&chl=%5Cfrac%7B%5Cpartial%20J%7D%7B%5Cpartial%20w%7D%3D%5Cfrac%7B1"
          r"%7D%7Bm%7DX%5ET(%5Chat%7By%7D-y))")
TWICE = (r"![](https://latex.codecogs.com/png.latex?\frac{\partial&space;J}{\partial&space;w}=\frac{2}{m}\sum_{i=1}^{m}"
         r"(\hat{y}^{(i)}-y^{(i)})x^{(i)})")
README = "\n\n".join(["# Logistic regression", "The hypothesis is", HYPOTHESIS, "and the cost over the m examples is",
                      COST, "Gradients:", DW, DB, "The update with learning rate " + UPDATE, SIGN, MATRIX, TWICE]) + "\n"


def _logistic_oracle():
    """X (5 × 3), y, w, b at a random point; the mean binary cross-entropy's gradients by central differences and the
    README's formulas evaluated in NumPy: (1/m) Σ (ŷ − y) x, (1/m) Σ (ŷ − y), and the two slips."""
    rng = np.random.default_rng(11)
    X, y, w, b = rng.normal(size=(5, 3)), rng.integers(0, 2, size=5).astype(float), rng.normal(size=3), rng.normal()

    def cost(p):
        yhat = 1 / (1 + np.exp(-(X @ p["w"] + p["b"])))
        return -np.mean(y * np.log(yhat) + (1 - y) * np.log(1 - yhat))

    fd = central_differences(cost, {"w": w.copy(), "b": np.array(b)})
    yhat = 1 / (1 + np.exp(-(X @ w + b)))
    return fd, {"dw": (yhat - y) @ X / 5, "db": np.mean(yhat - y), "db_sign": np.mean(y - yhat), "dw_twice": 2 * (yhat - y) @ X / 5}


def test_the_readme_formulas_are_what_central_differences_say():
    fd, formulas = _logistic_oracle()
    assert np.allclose(formulas["dw"], fd["w"], atol=1e-7) and np.allclose(formulas["db"], fd["b"], atol=1e-7)
    assert not np.allclose(formulas["db_sign"], fd["b"], atol=1e-3)
    assert not np.allclose(formulas["dw_twice"], fd["w"], atol=1e-3)


def test_a_readme_with_its_formulas_in_image_urls_is_read_and_judged(tmp_path):
    got = _verify(tmp_path, LOGREG, README)
    for text in (HYPOTHESIS, COST, DW, DB, MATRIX):
        assert got[_line(README, text)].verdict == "correct", text
    assert got[_line(README, "The update with learning rate " + UPDATE)].verdict == "correct"
    assert got[_line(README, SIGN)].verdict == "incorrect" and "sign" in got[_line(README, SIGN)].message
    assert got[_line(README, TWICE)].verdict == "incorrect"
    assert len(got) == 8  # the prose reads no claims of its own


def test_the_same_readme_as_a_notebook_markdown_cell(tmp_path):
    import json

    cell = {"cell_type": "markdown", "metadata": {}, "source": [ln + "\n" for ln in README.splitlines()]}
    notebook = {"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    got = _verify(tmp_path, LOGREG, json.dumps(notebook), name="answer.ipynb")
    verdicts = sorted(r.verdict for r in got.values())
    assert verdicts == ["correct"] * 6 + ["incorrect"] * 2


@pytest.mark.parametrize("source,math", [
    # CodeCogs: the query is the formula; &space; a space, &plus; (an HTML character reference) and a raw + a plus
    (r'<img src="https://latex.codecogs.com/svg.latex?a&space;&plus;&space;b=c" />', "$$a + b=c$$"),
    (r"![](https://latex.codecogs.com/svg.latex?a+b%20=%20c)", "$$a+b = c$$"),
    (r"![](http://latex.codecogs.com/gif.latex?%5Cfrac%7Ba%7D%7Bb%7D)", r"$$\frac{a}{b}$$"),
    (r'<img src="https://latex.codecogs.com/svg.image?\bg_white&space;\dpi{300}&space;x=1">', "$$x=1$$"),
    (r"<IMG SRC='https://latex.codecogs.com/svg.latex?\inline&space;x=1'>", "$$x=1$$"),
    # GitHub's render/math and Google's chart: form-encoded, + a space and %2B a plus sign
    (r'<img src="https://render.githubusercontent.com/render/math?math=y=\gamma\hat{x} %2B \beta&mode=inline">',
     r"$$y=\gamma\hat{x} + \beta$$"),
    (r"![](https://render.githubusercontent.com/render/math?math=a+b%2Bc)", "$$a b+c$$"),
    (r'<img src="https://render.githubusercontent.com/render/math?math=w_i x_i \+ b">', "$$w_i x_i + b$$"),
    (r"![](https://chart.googleapis.com/chart?cht=tx&chl=x%5E2%2B1)", "$$x^2+1$$"),
    (r'<img src="https://chart.googleapis.com/chart?cht=tx&amp;chl=x%2B1">', "$$x+1$$"),
    (r"![](https://s0.wp.com/latex.php?latex=%5Calpha+%2B+1&bg=ffffff)", r"$$\alpha + 1$$"),
    (r"![](https://i.upmath.me/svg/%5Cbeta%3D1)", r"$$\beta=1$$"),
    # a Markdown destination keeps the formula's balanced parentheses; a title after it
    (r'![](https://latex.codecogs.com/svg.latex?f(x)=(x-1)(x+1) "f")', "$$f(x)=(x-1)(x+1)$$"),
    (r"![](<https://latex.codecogs.com/svg.latex?a = b>)", "$$a = b$$"),
])
def test_each_service_gives_its_formula(source, math):
    assert image_math(source) == math
    assert image_math(f"Hence {source} holds.") == f"Hence {math[1:-1]} holds."  # in a sentence: inline


@pytest.mark.parametrize("source", [
    '<img src="https://latex.codecogs.com/svg.latex?\\$5">',  # a $ in the formula: no math delimiters can hold it
    '<img src="https://latex.codecogs.com/svg.latex?x=1',  # an unclosed tag
    '<a href="https://latex.codecogs.com/svg.latex?x=1">the formula</a>',  # a link, no image
    "https://latex.codecogs.com/svg.latex?x=1",  # a bare URL
    "![](https://latex.codecogs.com/svg.latex?f(x)",  # an unclosed destination
    '<img src="https://example.com/svg.latex?x=1">',  # another host
    "![](https://render.githubusercontent.com/render/math?mode=display)",  # no formula parameter
    "![](https://render.githubusercontent.com/render/math?math=X_{j+1})",  # a raw + of a form: a plus or a space?
])
def test_what_is_no_formula_image_stays_as_written(source):
    assert image_math(source) == source


def test_every_line_keeps_its_number_and_wrappers_make_a_display():
    text = ('<p align="center">\n  <img\n   src="https://latex.codecogs.com/svg.latex?x=1"\n   alt="x">\n</p>\n'
            'after <!-- a note -->\n')
    out = image_math(text)
    assert out.count("\n") == text.count("\n") and out.splitlines()[1].strip() == "$$x=1$$"
    beside = '<img src="https://latex.codecogs.com/svg.latex?a=b"> <!-- PLANTED: a comment -->'
    assert image_math(beside).startswith("$$a=b$$")  # a comment beside it: still alone on its line


def test_hostile_image_urls_are_bounded_and_rewrite_at_most_max_images():
    many = "x ![](https://latex.codecogs.com/svg.latex?a=b) " * (MAX_IMAGES + 100)
    assert image_math(many).count("$a=b$") == MAX_IMAGES
    for text in ('<img src="https://latex.codecogs.com/svg.latex?a ' * 20000,
                 "![](https://latex.codecogs.com/svg.latex?(" * 20000,
                 '<img src="https://latex.codecogs.com/svg.latex?a"' + '"' * 500_000,
                 "![](https://latex.codecogs.com/svg.latex?" + "(" * 500_000 + ")"):
        assert image_math(text) == text  # nothing closes: left as written (and in linear time: see the probes)


# -- kaixih's layer norm (heldout16): the readings its README brought out -------------------------------------------------

LAYER_NORM = (CORPUS / "heldout16" / "kaixih_layernorm.spec.toml").read_text()
KX = "\n\n".join([
    r"$$\mu = \frac{1}{D}\sum_{i=1}^{D}x_i$$",
    r"$$\sigma^2 = \frac{1}{D}\sum_{i=1}^{D}(x_i - \mu)^2$$",
    r"$$\hat{x} = \frac{x - \mu}{\sqrt{\sigma^2 + \epsilon}}$$",
    r"$$y=\gamma\hat{x} + \beta$$",
    r"$$d\beta=\sum_{i=1}^{N}dy$$",
    r"$$d\gamma=\sum_{i=1}^{N}dy\cdot\hat{x}$$",
    r"$$d\beta=\sum_{i=1}^{N}dy\cdot\hat{x}$$",
    r"$$d\gamma=\sum_{i=1}^{N}dy$$",
]) + "\n"


def test_a_sum_over_the_batch_without_the_sample_index_adds_the_samples(tmp_path):
    got = _verify(tmp_path, LAYER_NORM, KX)
    assert got[_line(KX, r"$$d\beta=\sum_{i=1}^{N}dy$$")].verdict == "correct"
    assert got[_line(KX, r"$$d\gamma=\sum_{i=1}^{N}dy\cdot\hat{x}$$")].verdict == "correct"
    assert got[_line(KX, r"$$d\beta=\sum_{i=1}^{N}dy\cdot\hat{x}$$")].verdict == "incorrect"  # γ's gradient for β's
    assert got[_line(KX, r"$$d\gamma=\sum_{i=1}^{N}dy$$")].verdict == "incorrect"


def test_kaixih_readme_reads_and_its_planted_slips_are_not_called_right():
    from gradproof.verify.cli import verify_file

    spec = str(CORPUS / "heldout16" / "kaixih_layernorm.spec.toml")
    real, _, _ = verify_file(str(CORPUS / "heldout16" / "kaixih_layernorm.md"), spec)
    planted, _, _ = verify_file(str(CORPUS / "heldout16" / "kaixih_layernorm_planted.md"), spec)
    real, planted = {r.id: r for r in real}, {r.id: r for r in planted}
    for cid in ("line 18", "line 20", "line 24", "line 27", "line 38", "line 50", "line 56", "line 62"):
        assert real[cid].verdict == "correct", cid  # (before this round: no equation of the file was read)
    assert real["line 54"].verdict == "unchecked"  # ∂L/∂y · ∂y/∂σ²: a dot product or one entry's term
    assert planted["line 56"].verdict == "incorrect"  # the 2 of ∂σ²/∂x dropped
    assert planted["line 62"].verdict == "incorrect"  # the 1/D of ∂μ/∂x dropped
    for cid in ("line 48", "line 54"):
        assert planted[cid].verdict != "correct", cid


# -- a word the answer defines (SSE) written as a function of its parameters -------------------------------------------

LINREG = (CORPUS / "heldout22" / "karelze_sse_card.spec.toml").read_text()  # y ≈ X w, SSE summed over the examples
_RESIDUAL = r"(\boldsymbol{y}-\boldsymbol{X}\boldsymbol{w})^{T}"
SSE = "\n\n".join([
    r"$$SSE = \sum_{i=1}^{N} (y_i - \hat{y}_i)^2$$",
    r"$$\operatorname{SSE}(\boldsymbol{w}) = " + _RESIDUAL + r"(\boldsymbol{y}-\boldsymbol{X} \boldsymbol{w})$$",
    r"$$\mathrm{SSE}\left(\boldsymbol{w}\right) = " + _RESIDUAL + r"(\boldsymbol{y}+\boldsymbol{X} \boldsymbol{w})$$",
    r"$$\operatorname{SSE}(\boldsymbol{w} + \boldsymbol{d}) = " + _RESIDUAL + r"(\boldsymbol{y}-\boldsymbol{X} \boldsymbol{w})$$",
    r"$$\nabla_{\boldsymbol{w}} \operatorname{SSE}(\boldsymbol{w}) = 2\boldsymbol{X}^{T} \boldsymbol{X} \boldsymbol{w} - "
    r"2\boldsymbol{X}^{T} \boldsymbol{y}$$",
]) + "\n"


def test_the_sse_identities_are_what_numpy_says():
    rng = np.random.default_rng(5)
    X, y, w = rng.normal(size=(6, 3)), rng.normal(size=6), rng.normal(size=3)
    sse = lambda p: float(np.sum((y - X @ p["w"]) ** 2))  # noqa: E731
    assert np.isclose(sse({"w": w}), (y - X @ w) @ (y - X @ w))
    assert not np.isclose(sse({"w": w}), (y - X @ w) @ (y + X @ w))
    assert np.allclose(central_differences(sse, {"w": w.copy()})["w"], 2 * X.T @ X @ w - 2 * X.T @ y, atol=1e-6)


def test_a_defined_word_with_its_parameters_is_that_word_not_a_product(tmp_path):
    got = _verify(tmp_path, LINREG, SSE)
    lines = SSE.splitlines()
    assert got[_line(SSE, lines[2])].verdict == "correct"  # SSE(w) = (y − Xw)^T (y − Xw): had been SSE × w, wrong
    assert got[_line(SSE, lines[4])].verdict == "incorrect"  # (y − Xw)^T (y + Xw)
    assert got[_line(SSE, lines[6])].verdict == "unchecked"  # SSE at another point than the definition's
    assert "another" in got[_line(SSE, lines[6])].message
    assert got[_line(SSE, lines[8])].verdict == "unchecked"  # ∇_w SSE(w): had been ∇J times SSE, wrong


# -- HTML pages: a notebook's "Download as HTML", a saved page with MathJax or KaTeX -------------------------------------

SOURCES = Path(__file__).parent / "sources"
LOGREG_COLUMN = LOGREG  # (the README's hypothesis σ(wᵀx + b) tells its layout; the spec's is row)


def test_an_nbconvert_export_reads_as_its_notebook(tmp_path):
    """The notebook and its nbconvert HTML export give the same claims and verdicts — but for the formula the
    notebook's author commented out (<!-- … -->), which the page does not show and its reading leaves out."""
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(LOGREG)
    page, _, _ = verify_file(str(SOURCES / "nbconvert_logreg_export.html"), str(tmp_path / "spec.toml"))
    book, _, _ = verify_file(str(SOURCES / "nbconvert_logreg_export.ipynb"), str(tmp_path / "spec.toml"))
    hidden = [r for r in book if r.latex.replace(" ", "").endswith("=7")]  # (the notebook's reading reads the comment)
    assert len(hidden) == 1
    assert [(r.id, r.verdict) for r in page] == [(r.id, r.verdict) for r in book if r is not hidden[0]]
    assert [r.verdict for r in page].count("incorrect") == 2 and len(page) == 10  # the sign slip and the factor 2
    assert {r.id for r in page} >= {"Q1.1", "Q1.8", "Q2.1", "Q2.2"}  # the <h2>s scope the ids, as ## in Markdown


def test_an_html_page_on_standard_input(tmp_path, monkeypatch):
    import io

    from gradproof.verify.cli import STDIN, verify_file

    (tmp_path / "spec.toml").write_text(LOGREG)
    raw = (SOURCES / "nbconvert_logreg_export.html").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw)))
    results, _, _ = verify_file(STDIN, str(tmp_path / "spec.toml"))
    assert sorted(r.verdict for r in results) == ["correct"] * 8 + ["incorrect"] * 2


PAGE = (
    '<!DOCTYPE html>\n'
    '<html><head><title>$a = b$</title>\n'
    '<style>.x { content: "$c = d$"; }</style>\n'
    '<script>var s = "$e = f$";</script>\n'
    '</head><body>\n'
    '<h2>Question 1</h2><p>The bias gradient is $\\frac{\\partial J}{\\partial b} = \\frac{1}{m}\\su'
    'm_{i=1}^{m}(\\hat{y}^{(i)}-y^{(i)})$.</p>\n'
    '<pre><code>cost = "$g = h$"</code></pre>\n'
    '<p>MathJax 2: <script type="math/tex; mode=display">\\frac{\\partial J}{\\partial b} = \\frac{'
    '1}{m}\\sum_{i=1}^{m}(y^{(i)}-\\hat{y}^{(i)})</script></p>\n'
    '<p>KaTeX: <span class="katex-display"><span class="katex"><span class="katex-mathml"><math'
    ' display="block"><semantics><mrow><mi>w</mi></mrow><annotation encoding="application/x-tex'
    '">w := w - \\alpha \\frac{\\partial J}{\\partial w}</annotation></semantics></math></span><spa'
    'n class="katex-html" aria-hidden="true"><span>w := w − α ∂J/∂w = 5</span></span></span></s'
    'pan></p>\n'
    '<!-- $$\\frac{\\partial J}{\\partial b} = 7$$ -->\n'
    '<p>An alignment: $$\\begin{aligned} \\frac{\\partial J}{\\partial b} &amp;= \\frac{1}{m}\\sum_{i'
    '=1}^{m}(\\hat{y}^{(i)}-y^{(i)}) \\end{aligned}$$</p>\n'
    '</body></html>\n'
)


def test_an_html_page_keeps_its_math_and_lines_and_drops_the_rest():
    from gradproof.verify.htmltext import html_text

    text = html_text(PAGE)
    lines = text.split("\n")
    assert len(lines) == len(PAGE.split("\n"))
    # </h2><p> on one line: the heading takes the blank line before it, the paragraph keeps its own line
    assert lines[4] == "## Question 1" and lines[5].startswith("The bias gradient is $\\frac")
    assert lines[7].startswith("MathJax 2: $$\\frac") and lines[7].endswith("$$")
    assert lines[8] == "KaTeX: $$w := w - \\alpha \\frac{\\partial J}{\\partial w}$$"  # the annotation, not the glyphs
    assert "&=" in lines[10] and "&amp;" not in text
    for dropped in ("$a = b$", "$c = d$", "$e = f$", "$g = h$", "= 7", "= 5"):
        assert dropped not in text, dropped


def test_an_html_page_end_to_end(tmp_path):
    got = _verify(tmp_path, LOGREG, PAGE, name="answer.html")
    assert [(cid, r.verdict) for cid, r in sorted(got.items())] == [
        ("Q1.1", "correct"), ("Q1.2", "incorrect"), ("Q1.3", "correct"), ("Q1.4", "correct")]


@pytest.mark.parametrize("text", ["<!--" * 50_000, "<a " * 50_000, "<div>" * 50_000, "</div>" * 50_000,
                                  "<script>" + "x" * 100_000, "<p " + "a=b " * 50_000 + ">", "<" * 100_000,
                                  "<math><annotation encoding='application/x-tex'>" * 5000])
def test_hostile_markup_reads_in_one_pass(text):
    from gradproof.verify.htmltext import html_text

    out = html_text(text)  # (the standard library's parser took 48 s on 20 000 "<a "; the probes time these)
    assert "\n" not in out and len(out) <= len(text)


# -- a squared error named by its acronym: ∂MSE/∂w on the scale the name says --------------------------------------------

HALF = LINREG.replace('name = "sum_squared_error"', 'name = "squared_error"')  # J = (1/N) Σ ½(ŷ − y)²
MSE_DOC = "\n\n".join([
    r"$$\frac{\partial \text{MSE}}{\partial w} = \frac{2}{N} X^T(Xw - y)$$",
    r"$$\frac{\partial MSE}{\partial w} = \frac{1}{N} X^T(Xw - y)$$",
    r"$$\frac{\partial \mathrm{SSE}}{\partial w} = 2 X^T(Xw - y)$$",
    r"$$\frac{\partial RSS}{\partial w} = \frac{2}{N} X^T(Xw - y)$$",
    r"$$\frac{\partial J}{\partial w} = \frac{1}{N} X^T(Xw - y)$$",
]) + "\n"


def test_the_named_squared_errors_gradients_are_what_central_differences_say():
    rng = np.random.default_rng(9)
    X, y, w = rng.normal(size=(5, 3)), rng.normal(size=5), rng.normal(size=3)
    mse = central_differences(lambda p: float(np.mean((X @ p["w"] - y) ** 2)), {"w": w.copy()})["w"]
    sse = central_differences(lambda p: float(np.sum((X @ p["w"] - y) ** 2)), {"w": w.copy()})["w"]
    half = central_differences(lambda p: float(np.mean((X @ p["w"] - y) ** 2) / 2), {"w": w.copy()})["w"]
    g = X.T @ (X @ w - y)
    assert np.allclose(mse, 2 / 5 * g, atol=1e-6) and np.allclose(sse, 2 * g, atol=1e-6) and np.allclose(half, g / 5, atol=1e-6)


@pytest.mark.parametrize("spec", [HALF, LINREG], ids=["half-squared-error", "sum-squared-error"])
def test_a_named_squared_error_is_read_on_its_own_scale(tmp_path, spec):
    """MSE is the mean squared error (no ½), SSE and RSS its sum, whatever the spec's loss: beside ½‖ŷ − y‖² the right
    (2/N) Xᵀ(Xw − y) had been judged wrong and the wrong (1/N) one right (MSE read as the spec's J)."""
    got = _verify(tmp_path, spec, MSE_DOC)
    lines = MSE_DOC.splitlines()
    assert [got[_line(MSE_DOC, lines[k])].verdict for k in (0, 2, 4, 6)] == ["correct", "incorrect", "correct", "incorrect"]
    assert got[_line(MSE_DOC, lines[8])].verdict == ("correct" if spec is HALF else "incorrect")  # the spec's own J


def test_the_answers_own_definition_of_mse_decides_its_scale(tmp_path):
    with_half = "\n\n".join([r"$$\text{MSE}(w) = \frac{1}{2N}\sum_{i=1}^{N}(y_i - \hat{y}_i)^2$$",
                             r"$$\frac{\partial \text{MSE}}{\partial w} = \frac{1}{N} X^T(Xw - y)$$",
                             r"$$\frac{\partial \text{MSE}}{\partial w} = \frac{2}{N} X^T(Xw - y)$$"]) + "\n"
    got = _verify(tmp_path, HALF, with_half)
    assert [got[f"line {k}"].verdict for k in (3, 5)] == ["correct", "incorrect"]
    without = "\n\n".join([r"$$MSE = \frac{1}{N}\sum_{i=1}^{N}(y_i - \hat{y}_i)^2$$",
                           r"$$\frac{\partial MSE}{\partial w} = \frac{2}{N} X^T(Xw - y)$$",
                           r"$$\frac{\partial MSE}{\partial w} = \frac{1}{N} X^T(Xw - y)$$"]) + "\n"
    got = _verify(tmp_path, HALF, without)
    assert [got[f"line {k}"].verdict for k in (3, 5)] == ["correct", "incorrect"]


def test_the_other_ways_to_write_a_named_squared_errors_gradient(tmp_path):
    doc = "\n\n".join([r"$$\nabla_w MSE(w) = \frac{2}{N} X^T(Xw - y)$$", r"$$\frac{dMSE}{dw} = \frac{2}{N} X^T(Xw - y)$$",
                        r"$$\nabla_{w} \text{SSE} = X^T(Xw - y)$$", r"$$\frac{d\,\text{SSE}}{d w} = 2X^T(Xw - y)$$"]) + "\n"
    got = _verify(tmp_path, HALF, doc)
    assert [got[f"line {k}"].verdict for k in (1, 3, 5, 7)] == ["correct", "correct", "incorrect", "correct"]


def test_a_notebooks_html_export_beside_it_is_not_graded_twice(tmp_path):
    """A course that asks for the notebook and its HTML export: the page beside its notebook (same name) is left out
    with a notice — in a submission's folder and among single-file submissions alike; a page alone is graded."""
    from gradproof.verify.batch import EXPORT_LEFT_OUT, answer_files, discover

    book, page = SOURCES / "nbconvert_logreg_export.ipynb", SOURCES / "nbconvert_logreg_export.html"
    (tmp_path / "dave").mkdir()
    for target in (tmp_path / "dave" / "hw", tmp_path / "frank"):
        target.with_suffix(".ipynb").write_bytes(book.read_bytes())
        target.with_suffix(".html").write_bytes(page.read_bytes())
    (tmp_path / "gina.html").write_bytes(page.read_bytes())
    notices: list = []
    subs = {s.name: s for s in discover([tmp_path], notices)}
    assert sorted(subs) == ["dave", "frank.ipynb", "gina.html"]
    assert [f.name for f in subs["dave"].files] == ["hw.ipynb"]
    assert sorted(notices) == [f"dave/hw.html: {EXPORT_LEFT_OUT}", f"frank.html: {EXPORT_LEFT_OUT}"]
    assert [f.name for f in answer_files(tmp_path / "dave")] == ["hw.ipynb"]
