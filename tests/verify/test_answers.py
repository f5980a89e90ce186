"""Answers files and documents: bad input raises AnswerError with a message naming file, place and fix."""

from __future__ import annotations

import pytest
from gradproof.derive.errors import AnswerError
from gradproof.verify.answers import load_answers
from gradproof.verify.document import extract
from helpers_verify import ROOT


def _spec_beside(folder) -> str:
    """Copy the reference spec next to the answers files written in ``folder``; the relative path to write."""
    (folder / "reference_mlp.toml").write_text((ROOT / "examples" / "reference_mlp.toml").read_text(encoding="utf-8"), encoding="utf-8")
    return "reference_mlp.toml"


GOOD_SPEC = """spec = "{spec}"
[[claims]]
id = "1"
latex = '\\delta^{{(3)}} = \\hat y - y'
"""


def write(tmp_path, text, name="a.toml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_spec_path_is_relative_to_the_answers_file():
    a = load_answers(ROOT / "examples" / "answers" / "homework.toml")
    assert a.network.name == "reference_mlp" and a.batch == 1 and len(a.claims) >= 5


def test_inline_spec_and_values():
    a = load_answers(ROOT / "examples" / "answers" / "worked_example.toml")
    assert a.network.sizes == (2, 2, 2) and a.values["x"].shape == (1, 2)


@pytest.mark.parametrize("text, message", [
    ("not = [toml", "not valid TOML"),
    ('spec = "nowhere.toml"\n[[claims]]\nlatex = "x"', "spec: .*nowhere.toml: no such spec file"),
    ('[[claims]]\nlatex = "x"', "missing 'spec': give the network"),
    ('spec = "{spec}"', "no \\[\\[claims\\]\\]: add at least one"),
    ('spec = "{spec}"\n[[claims]]\nid = "1"', "claims\\[1\\]: missing key 'latex'"),
    ('spec = "{spec}"\n[[claims]]\nlatex = "x"\nquantiy = "z1"', "claims\\[1\\]: unknown key 'quantiy'; did you mean 'quantity'\\?"),
    ('spec = "{spec}"\n[[claims]]\nlatex = "x"\nquantity = "delta"', "claims\\[1\\]: quantity: 'delta' is not a quantity name"),
    ('spec = "{spec}"\n[[claims]]\nid = "1"\nlatex = "x"\n[[claims]]\nid = "1"\nlatex = "y"', "claims\\[2\\]: duplicate id '1'"),
    ('spec = "{spec}"\nbatch = 0\n[[claims]]\nlatex = "x"', "batch: 0 must be a whole number of samples"),
    ('spec = "{spec}"\nclaim = 1\n[[claims]]\nlatex = "x"', "unknown key 'claim'; did you mean 'claims'\\?"),
    ('spec = "{spec}"\n[notation]\na = "hh"\n[[claims]]\nlatex = "x"', "\\[notation\\]: 'a' = 'hh' is neither a quantity"),
    ('spec = "{spec}"\n[notation]\na = "tahn"\n[[claims]]\nlatex = "x"', "did you mean 'tanh'\\?"),
    ('spec = "{spec}"\n[values]\nx = [1, 2, 3, 4]\n[[claims]]\nlatex = "x"', "values: missing y, W1, b1"),
    ('spec = "{spec}"\n[values]\nx = [1, 2]\ny = [0, 0, 1]\nW1 = 1\nb1 = 1\nW2 = 1\nb2 = 1\nW3 = 1\nb3 = 1\n[[claims]]\nlatex = "x"',
     "values.x: has shape \\(2,\\); expected 4 inputs"),
    ('spec = "{spec}"\n[values]\nx = [1, 2, 3, 4]\ny = [0, 1]\nW1 = 1\nb1 = 1\nW2 = 1\nb2 = 1\nW3 = 1\nb3 = 1\n[[claims]]\nlatex = "x"',
     "values.y: has shape \\(2,\\); expected 3 outputs"),
])
def test_bad_answers_files(tmp_path, text, message):
    spec = _spec_beside(tmp_path)  # an answers file's spec path stays near it (docs/RELIABILITY.md)
    p = write(tmp_path, text.replace("{spec}", spec))
    with pytest.raises(AnswerError, match=message) as info:
        load_answers(p)
    assert str(p) in str(info.value)


def test_weight_shapes_name_the_convention(tmp_path):
    text = """[spec]\nname = "t"\ninputs = 2\n[[spec.layers]]\nunits = 3\nactivation = "tanh"\n[spec.loss]\nname = "squared_error"
[spec.optimizer]\nname = "sgd"\nlearning_rate = 0.1\n[values]\nx = [1, 2]\ny = [0, 1, 0]\nW1 = [[1, 2, 3], [4, 5, 6]]\nb1 = [0, 0, 0]
[[claims]]\nlatex = 'z^{(1)} = W^{(1)} x + b^{(1)}'\n"""
    with pytest.raises(AnswerError, match="values.W1: has shape 2×3; expected 3×2, n_out × n_in \\(row convention\\)"):
        load_answers(write(tmp_path, text))


def test_oversized_files_are_refused(tmp_path):
    p = write(tmp_path, "# " + "x" * 1_100_000)
    with pytest.raises(AnswerError, match="larger than 1000000 bytes"):
        load_answers(p)


def test_a_file_only_pulls_in_its_spec(tmp_path):
    # no include mechanism exists: an unknown key such as "include" is refused, not followed
    p = write(tmp_path, 'include = "/etc/passwd"\n' + GOOD_SPEC.format(spec=_spec_beside(tmp_path)))
    with pytest.raises(AnswerError, match="unknown key 'include'"):
        load_answers(p)


def test_document_extraction():
    text = r"""Intro $x$ inline is skipped.
$$\delta^{(3)} = \hat y - y$$
\begin{align}
z^{(1)} &= W^{(1)} x + b^{(1)} \\
h^{(1)} &= \begin{bmatrix} 1 & 3 \\ 2 & 4 \end{bmatrix} \label{eq:h}
\end{align}
\[ a = b \]
```math
J = 1
```
1. An indented fence in a list item:

   ```math
   K = 2
   ```
"""
    claims = extract(text)  # a fence's claim is numbered by its own first line (the documented rule), not the fence's
    assert [c.id for c in claims] == ["line 2", "line 4.1", "eq:h", "line 7", "line 9", "line 14"]
    assert r"1 & 3 \\ 2 & 4" in claims[2].latex and "&=" not in claims[1].latex


def test_question_scopes_end_where_a_grader_ends_them():
    """A question heading lasts over the sections under it (heldout5's CMU homework); a question paragraph ends at the
    next heading (heldout14's notebook: the claims under a later heading are line N again); a `#` comment in a code
    fence is no heading."""
    text = """## Question 5: SGD

$$a = 1$$

### Forward pass

$$b = 2$$

**Q1:** what is c?

$$c = 3$$

```python
# not a heading
```

$$d = 4$$

## Exercise

$$e = 5$$
"""
    assert [c.id for c in extract(text)] == ["Q5.1", "Q5.2", "Q1.1", "Q1.2", "line 21"]


def test_a_dollar_after_a_latex_line_break_opens_math():
    r"""``\\$h = 1$`` (a line break, then inline math: de Lutio's itemize) opens math; ``\$5`` is an escaped dollar."""
    text = "\\item The output : \\\\$h = z$\n\\item Its derivative : $f'(z) = 1$\n\\item costs \\$5 and $a = 2$\n"
    assert [(c.id, c.latex) for c in extract(text)] == [("line 1", "h = z"), ("line 2", "f'(z) = 1"), ("line 3", "a = 2")]
