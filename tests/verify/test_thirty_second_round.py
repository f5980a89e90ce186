r"""The thirty-second round (issue 10): a 2012 blog derivation's layout — every sum written ``\sum \limits_{i = 1}^{M}``,
each example's output and target ``y^{(i)} - t^{(i)}``, a chain broken over displays that end with ``=`` —, notes that
name their output with their own layer letter z^L and write y and ŷ without saying which is which, and the names
Quarto (``$$ … $$ {#eq-bias}``) and R Markdown (``(\#eq:bias)``) give equations in ``.qmd``/``.Rmd`` files. Every
expected verdict is decided here by NumPy: central differences of the network written by hand and the claims' right
sides transcribed, never by gradproof."""

from __future__ import annotations

import numpy as np
from conftest import central_differences
from test_nineteenth_round_coordinator import _spec
from test_twenty_first_round import _verify

#: the blog's network: 2 inputs, 3 logistic hidden units, one logistic output; E = ½ Σ_i (y^{(i)} − t^{(i)})²
BLOG_SPEC = _spec("blog", "row", 2, [(3, "sigmoid"), (1, "sigmoid")], "squared_error", 0.1)


def _sig(v):
    return 1.0 / (1.0 + np.exp(-v))


def _blog_truth(m: int = 5):
    """M examples at a random point: each y^{(i)}, t^{(i)}, and ∂E/∂b^{(2)} of the blog's E (a sum over the examples)
    by central differences."""
    rng = np.random.default_rng(32)
    X, W1, b1 = rng.normal(size=(m, 2)), rng.normal(size=(2, 3)), rng.normal(size=3)
    W2, b2, t = rng.normal(size=(3, 1)), rng.normal(size=1), rng.uniform(size=(m, 1))

    def energy(b):
        y = _sig(_sig(X @ W1 + b1) @ W2 + b)
        return 0.5 * float(np.sum((y - t) ** 2))

    y = _sig(_sig(X @ W1 + b1) @ W2 + b2)
    return y, t, central_differences(lambda p: energy(p["b"]), {"b": b2.copy()})["b"]


def _blog_oracle(written) -> str:
    y, t, true = _blog_truth()
    return "correct" if np.allclose(written(y, t), true, rtol=1e-5, atol=1e-8) else "incorrect"


BLOG = r"""Training the network should minimize the difference between the correct outputs in the teacher set:

$$
E(w) = \frac{1}{2} \displaystyle \sum \limits_{i = 1}^{M}
\left( y^{(i)} - t^{(i)} \right)^2
$$

Using the chain rule:

$$ \displaystyle
   \frac{\partial E}{\partial b^{(2)}} =
$$

$$ \displaystyle
    \sum \limits_{i = 1}^{M}
    \left(
          y^{(i)} - t^{(i)}
    \right)
        \sigma'(z^{(2)(i)}) =
$$

$$ \displaystyle
    \sum \limits_{i = 1}^{M}
    \left( y^{(i)} - t^{(i)} \right) y^{(i)} \left( 1 - y^{(i)} \right)
$$

and the same without the slope:

$$ \displaystyle
   \frac{\partial E}{\partial b^{(2)}} =
$$

$$ \displaystyle
    \sum \limits_{i = 1}^{M}
    \left( y^{(i)} - t^{(i)} \right)
$$
"""


def _line(body: str, text: str, after: int = 0) -> str:
    return f"line {body.splitlines().index(text, after) + 1}"


def test_a_chain_broken_over_displays_with_limits_sums_over_each_example(tmp_path):
    got = _verify(tmp_path, BLOG_SPEC, BLOG)
    lines = BLOG.splitlines()
    first = lines.index(r"   \frac{\partial E}{\partial b^{(2)}} =")
    second = lines.index(r"   \frac{\partial E}{\partial b^{(2)}} =", first + 1)
    last_step = lines.index(r"    \left( y^{(i)} - t^{(i)} \right) y^{(i)} \left( 1 - y^{(i)} \right)") - 1
    # the display "∂E/∂b^{(2)} =" and the one after it are one claim under the first display's line (its $$ line)
    glued, slope, bare = f"line {first}", f"line {last_step}", f"line {second}"
    assert got[glued].verdict == _blog_oracle(lambda y, t: np.sum((y - t) * y * (1 - y), axis=0)) == "correct"
    assert got[slope].verdict == _blog_oracle(lambda y, t: np.sum((y - t) * y * (1 - y), axis=0)) == "correct"
    assert got[bare].verdict == _blog_oracle(lambda y, t: np.sum(y - t, axis=0)) == "incorrect"
    # no claim ends at its "=": each display that goes on is read with the one before
    assert not any("ends too early" in r.message for r in got.values())


def test_the_blog_sum_reads_examples_only_with_limits_and_spaces_around_its_bound(tmp_path):
    """The same right claim with the sum written ``\\sum_{i=1}^{M}`` and ``\\sum \\limits_{i = 1}^{M}``: one verdict."""
    verdicts = []
    for total in (r"\sum_{i=1}^{M}", r"\sum \limits_{i = 1}^{M}"):
        body = (f"$$ E = \\frac{{1}}{{2}} {total} ( y^{{(i)}} - t^{{(i)}} )^2 $$\n\n"
                f"$$ \\frac{{\\partial E}}{{\\partial b^{{(2)}}}} = {total} ( y^{{(i)}} - t^{{(i)}} ) y^{{(i)}} (1 - y^{{(i)}}) $$\n")
        verdicts.append(_verify(tmp_path, BLOG_SPEC, body)["line 3"].verdict)
    assert verdicts == [_blog_oracle(lambda y, t: np.sum((y - t) * y * (1 - y), axis=0))] * 2 == ["correct"] * 2


#: kurekagura-style notes: z^l = φ(u^l) every layer's output (the output layer's z^L is the identity's), E over y and ŷ
NOTES_SPEC = _spec("notes", "column", 3, [(3, "sigmoid"), (2, "identity")], "squared_error", 0.1)
NOTES = r"""$\displaystyle u^l_{j}=\sum_i w^l_{ij}z^{l-1}_i$

$\displaystyle z^l_j=\varphi(u^l_j)$

$\displaystyle E=\frac{1}{2}\sum_i(y_i-\hat{y}_i)^2$

$\displaystyle\frac{\partial E}{\partial u^L_j}=\delta^L_j$

$\delta^L_j=y_j-\hat{y}_j$
"""


def _notes_oracle(output_is_y: bool) -> str:
    """δ^L = ∂E/∂u^L of the identity output against the claim y − ŷ: y the output (and ŷ the target) or the reverse."""
    rng = np.random.default_rng(7)
    u, target = rng.normal(size=2), rng.uniform(size=2)
    true = central_differences(lambda p: 0.5 * float(np.sum((p["u"] - target) ** 2)), {"u": u.copy()})["u"]
    y, yhat = (u, target) if output_is_y else (target, u)
    return "correct" if np.allclose(y - yhat, true, rtol=1e-6) else "incorrect"


def test_y_and_yhat_beside_an_own_output_letter_are_not_judged_on_a_guess(tmp_path):
    got = _verify(tmp_path, NOTES_SPEC, NOTES)
    # the two readings disagree on the claim (NumPy): which is meant, no formula says
    assert _notes_oracle(output_is_y=True) != _notes_oracle(output_is_y=False)
    assert got["line 9"].verdict == "unchecked"
    assert "which of them is its output layer's z" in got["line 9"].message
    assert got["line 1"].verdict != "unchecked" or "could not read" not in got["line 1"].message


def test_the_notation_the_message_names_settles_y_and_yhat(tmp_path):
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(NOTES_SPEC)
    (tmp_path / "answer.md").write_text(NOTES)
    for lines, output_is_y in (('y = "z^L"\nyhat = "y"\n', True), ('y = "y"\n', False)):
        (tmp_path / "notation.toml").write_text(lines)
        results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"),
                                        str(tmp_path / "notation.toml"))
        got = {r.id: r for r in results}
        assert got["line 9"].verdict == _notes_oracle(output_is_y)


def test_a_defined_output_letter_keeps_the_convention(tmp_path):
    """Guard: where a formula says ŷ is the output (ŷ = z^L), y − ŷ is judged as the convention reads it."""
    got = _verify(tmp_path, NOTES_SPEC, NOTES.replace(r"$\delta^L_j=y_j-\hat{y}_j$",
                                                      "$\\hat{y}_j = z^L_j$\n\n$\\delta^L_j=y_j-\\hat{y}_j$"))
    assert got["line 11"].verdict == _notes_oracle(output_is_y=False) == "incorrect"


#: a 3-4-2 logistic network, J = ½‖ŷ − y‖² for one example
QUARTO_SPEC = _spec("quarto", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.1)


def _quarto_oracle(with_slope: bool) -> str:
    rng = np.random.default_rng(3)
    x, W1, b1, W2, b2, y = (rng.normal(size=3), rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=(4, 2)),
                            rng.normal(size=2), rng.uniform(size=2))
    h = _sig(x @ W1 + b1)
    true = central_differences(lambda p: 0.5 * float(np.sum((_sig(h @ W2 + p["b"]) - y) ** 2)), {"b": b2.copy()})["b"]
    yhat = _sig(h @ W2 + b2)
    written = (yhat - y) * yhat * (1 - yhat) if with_slope else yhat - y
    return "correct" if np.allclose(written, true, rtol=1e-6) else "incorrect"


QUARTO = r"""---
title: "Homework 3"
format: html
---

## Question 1

```{python}
import numpy as np
```

$$
\frac{\partial J}{\partial b^{(2)}} = (\hat{y} - y) \odot \hat{y} \odot (1 - \hat{y})
$$ {#eq-bias}

$$
\frac{\partial J}{\partial b^{(2)}} = \hat{y} - y
$$ {#eq-bias-slip}

See @eq-bias.
"""

RMD = r"""---
title: "HW3"
output: html_document
---

```{r}
x <- 1
```

\begin{equation}
\frac{\partial J}{\partial b^{(2)}} = (\hat{y} - y) \odot \hat{y} \odot (1 - \hat{y}) (\#eq:bias)
\end{equation}

\begin{equation}
\frac{\partial J}{\partial b^{(2)}} = \hat{y} - y (\#eq:slip)
\end{equation}
"""


def test_quarto_and_r_markdown_files_are_read_under_their_equation_names(tmp_path):
    got = _verify(tmp_path, QUARTO_SPEC, QUARTO, "answer.qmd")
    assert got["eq-bias"].verdict == _quarto_oracle(True) == "correct"
    assert got["eq-bias-slip"].verdict == _quarto_oracle(False) == "incorrect"
    got = _verify(tmp_path, QUARTO_SPEC, RMD, "answer.Rmd")
    assert got["eq:bias"].verdict == _quarto_oracle(True) == "correct"
    assert got["eq:slip"].verdict == _quarto_oracle(False) == "incorrect"


def test_the_cli_takes_qmd_and_rmd_documents(tmp_path):
    import subprocess
    import sys

    (tmp_path / "spec.toml").write_text(QUARTO_SPEC)
    for name, body in (("a.qmd", QUARTO), ("b.Rmd", RMD)):
        (tmp_path / name).write_text(body)
        run = subprocess.run([sys.executable, "-m", "gradproof", "verify", str(tmp_path / name), "--spec",
                              str(tmp_path / "spec.toml")], capture_output=True, text=True, timeout=120)
        assert run.returncode == 1, run.stderr  # one claim incorrect: graded, not refused (2)
        assert "incorrect" in run.stdout and "Traceback" not in run.stderr


MYST = r"""(nn:backprop)=
# Backpropagation

$$
\frac{\partial J}{\partial b^{(2)}} = (\hat{y} - y) \odot \hat{y} \odot (1 - \hat{y})
$$ (eq-bias)

```{math}
:label: eq-slip
:nowrap:

\frac{\partial J}{\partial b^{(2)}} = \hat{y} - y
```

GitHub's inline form: $`\frac{\partial J}{\partial b^{(2)}} = (\hat{y} - y) \odot \hat{y} \odot (1 - \hat{y})`$.

```python
note = "$a = b$"
```
"""


def test_myst_math_fences_labels_and_backtick_inline_math(tmp_path):
    """Jupyter Book's MyST (```` ```{math} ```` with ``:label:``, ``$$ … $$ (label)``) and GitHub's/GitLab's
    ``$`…`$``: read, under the equations' own names; a Python cell's ``$`` stays code."""
    got = _verify(tmp_path, QUARTO_SPEC, MYST)
    assert got["eq-bias"].verdict == _quarto_oracle(True) == "correct"
    assert got["eq-slip"].verdict == _quarto_oracle(False) == "incorrect"
    inline = f"line {MYST.splitlines().index(next(x for x in MYST.splitlines() if x.startswith('GitHub'))) + 1}"
    assert got[inline].verdict == _quarto_oracle(True)
    assert len(got) == 3


#: a Jupyter Book lecture's network: z^{(i, ℓ)} = (W^{(ℓ)})^T a^{(i, ℓ-1)} + b^{(ℓ)} (W is n_{ℓ-1} × n_ℓ), logistic f,
#: Cost = 1/m Σ_i L(ŷ^{(i)}, y^{(i)}) with L = ½‖ŷ − y‖²
JB_SPEC = _spec("jupyterbook", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 0.1)


def _jb_truth(m: int = 6):
    """m examples: each a^{(i, ℓ)}, z^{(i, ℓ)}, ∂L_i/∂z^{(i, 2)} and ∂Cost/∂W^{(ℓ)}, ∂Cost/∂b^{(ℓ)} by central
    differences."""
    rng = np.random.default_rng(11)
    p = {"W1": rng.normal(size=(3, 4)), "b1": rng.normal(size=4), "W2": rng.normal(size=(4, 2)), "b2": rng.normal(size=2)}
    X, Y = rng.normal(size=(m, 3)), rng.uniform(size=(m, 2))

    def cost(q, dz2=None):
        a1 = _sig(X @ q["W1"] + q["b1"])
        z2 = a1 @ q["W2"] + q["b2"] + (0 if dz2 is None else dz2)
        return 0.5 * float(np.sum((_sig(z2) - Y) ** 2)) / m

    z1 = X @ p["W1"] + p["b1"]
    a1 = _sig(z1)
    z2 = a1 @ p["W2"] + p["b2"]
    grads = central_differences(lambda q: cost(q), {k: v.copy() for k, v in p.items()})
    delta2 = m * central_differences(lambda q: cost(p, q["d"]), {"d": np.zeros((m, 2))})["d"]  # ∂L_i/∂z^{(i, 2)}
    return {"X": X, "Y": Y, "z1": z1, "a1": a1, "z2": z2, "a2": _sig(z2), "delta2": delta2, **p,
            **{f"d{k}": g for k, g in grads.items()}}


def _jb_oracle(true, written) -> str:
    v = _jb_truth()
    t, w = true(v), written(v)
    return "correct" if np.shape(t) == np.shape(w) and np.allclose(t, w, rtol=1e-5, atol=1e-8) else "incorrect"


def _fp(z):
    return _sig(z) * (1 - _sig(z))


JB = r"""(nn:backprop)=
# Backpropagation Algorithm

```{math}
:label: zfunceq
\boldsymbol{z}^{(i, \: \ell)} = \left(W^{(\ell)}\right)^\top \; \boldsymbol{a}^{(i, \: \ell -1)} \;+\; \boldsymbol{b}^{(\ell)}
```

```{math}
:label: costfunceq
\text{Cost} = \frac{1}{m} \sum_{i=1}^m L\left(\boldsymbol{\hat{y}}^{(i)}, \boldsymbol{y}^{(i)}\right)
```

```{math}
:label: ypredbold
\boldsymbol{\hat{y}}^{(i)} = \boldsymbol{a}^{(i, \: L)}
```

```{math}
:label: defdeltaL
\boldsymbol{\delta}^{(i, \; L)} \; = \; f'(\boldsymbol{z}^{(i, \: L)})
\: \odot \: L^{\prime}(\boldsymbol{a}^{(i, \: L)}, \boldsymbol{y}^{(i)})
```

```{math}
:label: slipdeltaL
\boldsymbol{\delta}^{(i, \; L)} \; = \; f(\boldsymbol{z}^{(i, \: L)})
\: \odot \: L^{\prime}(\boldsymbol{a}^{(i, \: L)}, \boldsymbol{y}^{(i)})
```

```{math}
:label: deltalayerl
\boldsymbol{\delta}^{(i, \; \ell)} = f'(\boldsymbol{z}^{(i, \: \ell)})
\:\odot\: \Bigr[ \: W^{(\ell + 1)} \; \boldsymbol{\delta}^{(i, \; \ell + 1)} \:  \Bigr]
```

```{math}
:label: dCostlayerl
\frac{\partial \text { Cost }}{\partial \; W^{(\ell)}} = \frac{1}{m} \sum_{i=1}^m \; \boldsymbol{a}^{(i, \: \ell -1)}
\otimes \left[ \: \boldsymbol{\delta}^{(i, \; \ell)} \: \right]
```

```{math}
:label: slipbias
\frac{\partial \text { Cost }}{\partial \; \boldsymbol{b}^{(\ell)}} = \sum_{i=1}^m \;  \boldsymbol{\delta}^{(i, \; \ell)}
```
"""


def test_a_jupyter_book_lecture_with_example_and_layer_in_one_superscript(tmp_path):
    """MyST ```{math} fences with :label:, ``z^{(i, \\ell)}`` (example i, layer ℓ), ``\\boldsymbol{\\hat{y}}^{(i)}`` and
    the loss's derivative ``L'(a, y)``: every claim judged as NumPy decides it."""
    got = _verify(tmp_path, JB_SPEC, JB)

    def delta1(v):
        return _fp(v["z1"]) * (v["delta2"] @ v["W2"].T)

    expected = {
        "ypredbold": _jb_oracle(lambda v: v["a2"], lambda v: _sig(v["z2"])),
        "defdeltaL": _jb_oracle(lambda v: v["delta2"], lambda v: _fp(v["z2"]) * (v["a2"] - v["Y"])),
        "slipdeltaL": _jb_oracle(lambda v: v["delta2"], lambda v: _sig(v["z2"]) * (v["a2"] - v["Y"])),
        # δ^{(i, 1)} = f'(z^{(i, 1)}) ⊙ W^{(2)} δ^{(i, 2)} with W^{(2)} 4 × 2: the rows of the batch
        "deltalayerl": _jb_oracle(delta1, lambda v: _fp(v["z1"]) * (v["delta2"] @ v["W2"].T)),
        # 1/m Σ_i a^{(i, ℓ-1)} ⊗ δ^{(i, ℓ)} at ℓ = 2 (and ℓ = 1 alike)
        "dCostlayerl": _jb_oracle(lambda v: v["dW2"], lambda v: v["a1"].T @ v["delta2"] / 6),
        "slipbias": _jb_oracle(lambda v: v["db2"], lambda v: v["delta2"].sum(axis=0)),
    }
    assert expected == {"ypredbold": "correct", "defdeltaL": "correct", "slipdeltaL": "incorrect",
                        "deltalayerl": "correct", "dCostlayerl": "correct", "slipbias": "incorrect"}
    assert {k: got[k].verdict for k in expected} == expected
    assert _jb_oracle(lambda v: v["dW1"], lambda v: v["X"].T @ delta1(v) / 6) == "correct"  # (ℓ = 1 holds too)


def test_the_layer_example_pair_reads_either_order_and_leaves_two_indices_alone():
    from gradproof.verify.normalize import normalize

    assert normalize(r"\boldsymbol{z}^{(i, \: \ell)}").strip() == r"z^{(\ell)(i)}"
    assert normalize(r"\delta^{(l, n)}").strip() == r"\delta^{(l)(n)}"
    assert normalize(r"a^{(i, L-1)}").strip() == r"a^{(L-1)(i)}"
    assert "(i,j)" in normalize(r"w^{(i,j)}").replace(" ", "")  # two unit indices: not a layer and an example
    assert normalize(r"L'(y, \hat{y})").replace(" ", "").startswith("L'")  # the target first: left as written


#: a ReLU-softmax network, the batch as rows (X is N × D), J the mean cross-entropy
PLAIN_SPEC = _spec("twolayer", "row", 3, [(4, "relu"), (2, "softmax")], "cross_entropy", 0.1)
PLAIN = """## Q1

For the two-layer net (X is N x D, rows are samples):

- dz2 = (y_hat - y) / N
- dW2 = h1.T @ dz2
- db2 = sum(dz2, axis=0)
- dh1 = dz2 @ W2.T
- dz1 = dh1 * (z1 > 0)
- dW1 = X.T @ dz1
- db1 = np.sum(dz1, axis=0)
"""


def _plain_truth(n: int = 6):
    rng = np.random.default_rng(5)
    X, W1, b1, W2, b2 = (rng.normal(size=(n, 3)), rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=(4, 2)),
                         rng.normal(size=2))
    Y = np.eye(2)[rng.integers(0, 2, size=n)]

    def cost(q):
        z2 = np.maximum(X @ q["W1"] + q["b1"], 0) @ q["W2"] + q["b2"]
        z2 = z2 - z2.max(axis=1, keepdims=True)
        return -float(np.sum(Y * (z2 - np.log(np.exp(z2).sum(axis=1, keepdims=True))))) / n

    p = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    z1 = X @ W1 + b1
    h1 = np.maximum(z1, 0)
    z2 = h1 @ W2 + b2
    yhat = np.exp(z2 - z2.max(axis=1, keepdims=True))
    yhat /= yhat.sum(axis=1, keepdims=True)
    grads = central_differences(cost, {k: v.copy() for k, v in p.items()})
    return {"X": X, "Y": Y, "z1": z1, "h1": h1, "yhat": yhat, **p, **{f"d{k}": g for k, g in grads.items()}}


def test_a_plain_text_answer_with_y_hat_and_a_bare_sum_over_an_axis(tmp_path):
    v = _plain_truth()
    dz2 = (v["yhat"] - v["Y"]) / 6
    dz1 = (dz2 @ v["W2"].T) * (v["z1"] > 0)
    assert np.allclose(dz2.sum(axis=0), v["db2"], atol=1e-7) and np.allclose(v["X"].T @ dz1, v["dW1"], atol=1e-7)
    assert dz2.sum(axis=1).shape != v["db2"].shape  # (the wrong axis: one number per example)
    got = _verify(tmp_path, PLAIN_SPEC, PLAIN)
    assert [got[f"Q1.{k}"].verdict for k in range(1, 8)] == ["correct"] * 7
    got = _verify(tmp_path, PLAIN_SPEC, PLAIN.replace("sum(dz2, axis=0)", "sum(dz2, axis=1)"))
    assert got["Q1.3"].verdict == "incorrect"
    assert [got[f"Q1.{k}"].verdict for k in (1, 2, 4, 5, 6, 7)] == ["correct"] * 6


#: ml-glossary's toy network: one ReLU unit per layer, no biases, Z_h = X W_h, H = R(Z_h), Z_o = H W_o, ŷ = R(Z_o),
#: C = ½(ŷ − y)²
GLOSSARY_SPEC = _spec("glossary", "row", 1, [(1, "relu"), (1, "relu")], "squared_error", 0.1).replace(
    'activation = "relu"\n', 'activation = "relu"\nbias = false\n')
GLOSSARY = r"""$$ C'(W_O) = (\hat{y} - y) \cdot g'(Z_O) \cdot H $$

$$ C'(W_h) = (\hat{y} - y) \cdot g'(Z_o) \cdot W_o \cdot g'(Z_h) \cdot X $$

$$ C'(W_h) = (\hat{y} - y) \cdot g'(Z_o) \cdot g'(Z_h) \cdot X $$

$$ E_o = (\hat{y} - y) \cdot g'(Z_o) $$

$$ C'(W_o) = E_o \cdot H $$
"""


def _glossary_oracle(written) -> str:
    """∂C/∂W at points where both units are active (ReLU' = 1) and the claim's right side in NumPy there."""
    for x, wh, wo, y in ((0.7, 1.3, 0.9, 0.2), (1.1, 0.4, 2.0, -0.5)):
        def cost(p, x=x, y=y):
            return 0.5 * (max(max(x * p["wh"], 0) * p["wo"], 0) - y) ** 2

        grad = central_differences(cost, {"wh": np.array(wh), "wo": np.array(wo)})
        h = max(x * wh, 0)
        yhat = max(h * wo, 0)
        true, claim = written(grad, x, h, wo, yhat, y)
        if not np.isclose(true, claim, rtol=1e-6):
            return "incorrect"
    return "correct"


def test_lagrange_primes_of_the_cost_and_capital_role_subscripts(tmp_path):
    """``C'(W_o)`` is ∂C/∂W_o (any weight, bias or summed input in the parentheses), ``W_O``/``Z_O`` the output
    layer's; ``E_o`` defined with a derivative in it is the answer's own error term (it had been judged as the
    output's loss and rejected), and so are the claims that use it."""
    got = _verify(tmp_path, GLOSSARY_SPEC, GLOSSARY)
    assert got["line 1"].verdict == _glossary_oracle(lambda g, x, h, wo, yh, y: (g["wo"], (yh - y) * h)) == "correct"
    assert got["line 3"].verdict == _glossary_oracle(lambda g, x, h, wo, yh, y: (g["wh"], (yh - y) * wo * x)) == "correct"
    assert got["line 5"].verdict == _glossary_oracle(lambda g, x, h, wo, yh, y: (g["wh"], (yh - y) * x)) == "incorrect"
    assert got["line 7"].verdict == got["line 9"].verdict == "unchecked"
    assert "own error term" in got["line 7"].message
