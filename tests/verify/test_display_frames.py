"""A display framed whole by ``\\boxed{…}`` around ``aligned`` rows (Shreyansh Singh's layer-norm summary, heldout12):
each row is a claim numbered by its own line, as without the frame (the first row was numbered by the ``\\boxed{``
line and carried the frame's brace in its text, so graders' ids ``line N.1`` were not found). A frame around one
equation keeps the frame's line. And LaTeX's cases before amsmath (``\\left\\{ \\begin{array} … \\right.``) is one claim."""

from __future__ import annotations

import numpy as np
import pytest
from gradproof.verify.cli import verify_file
from helpers_verify import spec_text

SPEC = spec_text("boxed", 3, (4, "sigmoid"), (2, "identity"), loss="mean_squared_error")
ANSWER = r"""The forward pass, boxed:

$$
\boxed{
\begin{aligned}
z^{(1)} &= W^{(1)} x + b^{(1)} \\
h^{(1)} &= \sigma\left(z^{({layer})}\right)
\end{aligned}
}
$$

$$
\boxed{
z^{(2)} = W^{(2)} h^{(1)} + b^{(2)}
}
$$
"""


def _verdicts(tmp_path, layer: int) -> dict:
    (tmp_path / "spec.toml").write_text(SPEC)
    (tmp_path / "answer.md").write_text(ANSWER.replace("{layer}", str(layer)))
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    return {r.id: r.verdict for r in results}


def test_boxed_rows_are_numbered_by_their_own_lines(tmp_path):
    assert _verdicts(tmp_path, 1) == {"line 6.1": "correct", "line 7.2": "correct", "line 13": "correct"}


def test_a_wrong_boxed_row_is_judged_alone(tmp_path):
    # h^{(1)} = σ(z^{(2)}): the activation of the wrong layer's summed input (the output layer has 2 units, the hidden 4)
    got = _verdicts(tmp_path, 2)
    assert got["line 6.1"] == got["line 13"] == "correct", got
    assert got["line 7.2"] == "incorrect", got


# LaTeX's cases before amsmath (ThirstyScholar's ReLU derivative, heldout11): the array's rows are the cases of one
# claim, not claims of their own; the columns after a value ("for", the condition) are its condition
ARRAY_CASES = r"""$$
\frac{\partial h^{(1)}}{\partial z^{(1)}} =
\left\{ \begin{array}{rcl}
{low} & \mbox{for} & z^{(1)} \le 0 \\
1 & \mbox{for} & z^{(1)} > 0 \\
\end{array}\right.
$$
"""


def test_the_relu_derivative_by_central_differences():
    z = np.random.default_rng(2).normal(size=50)
    z = z[np.abs(z) > 1e-3]
    fd = (np.maximum(z + 1e-6, 0) - np.maximum(z - 1e-6, 0)) / 2e-6
    assert np.allclose(fd, np.where(z > 0, 1.0, 0.0))  # the cases with 0 below zero, 1 above


@pytest.mark.parametrize(("low", "verdict"), [("0", "correct"), ("1", "incorrect")])
def test_array_cases_are_one_claim(tmp_path, low, verdict):
    (tmp_path / "spec.toml").write_text(SPEC.replace('"sigmoid"', '"relu"'))
    (tmp_path / "answer.md").write_text(ARRAY_CASES.replace("{low}", low))
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    assert {r.id: r.verdict for r in results} == {"line 2": verdict}, [(r.id, r.message) for r in results]
