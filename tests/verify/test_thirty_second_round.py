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
