"""A claim about one entry of W (``∂E/∂W^{(1)}_{12}``) in an answer that writes W as the spec's transpose (CS231n's
``z = x W + b``) on a square layer, where shapes cannot tell the orientations apart. Found in the eleventh round's user
check: the answer's matrix claims were `unchecked` (the orientation open) but its entry claim was called `incorrect` —
a false reject (the entry it names is the transpose's). Also: ``W^{(1)}_{12}`` with its two digits run together is
row 1, column 2 (as ``W^{(1)}_{1,2}``) when every layer has at most 9 units; before, it was unreadable.
Verdicts by hand, confirmed by central differences below (not by gradproof)."""

from __future__ import annotations

import numpy as np

SPEC = """name = "sq"
convention = "row"
inputs = 4
layers = [{units = 4, activation = "tanh"}, {units = 2, activation = "identity"}]
[loss]
name = "squared_error"
[optimizer]
name = "sgd"
learning_rate = 0.1
"""


def _fd():
    """E = ½‖W2 tanh(W1 x + b1) + b2 − y‖² by central differences in W1's entry (row 0, column 1) — the spec's W1[0, 1]
    joins input 2 to unit 1 — and δ1 = ∂E/∂z1."""
    rng = np.random.default_rng(5)
    x, y = rng.normal(size=4), rng.normal(size=2)
    W1, b1, W2, b2 = rng.normal(size=(4, 4)), rng.normal(size=4), rng.normal(size=(2, 4)), rng.normal(size=2)
    E = lambda W: 0.5 * np.sum((W2 @ np.tanh(W @ x + b1) + b2 - y) ** 2)  # noqa: E731
    h = 1e-6
    g = np.zeros((4, 4))
    for i in np.ndindex(4, 4):
        e = np.zeros((4, 4))
        e[i] = h
        g[i] = (E(W1 + e) - E(W1 - e)) / (2 * h)
    z1 = W1 @ x + b1
    d1 = (W2.T @ (W2 @ np.tanh(z1) + b2 - y)) * (1 - np.tanh(z1) ** 2)
    return g, d1, x


def test_the_oracle():
    g, d1, x = _fd()
    assert np.allclose(g, np.outer(d1, x), atol=1e-6)  # the spec's W (n_out × n_in): ∂E/∂W_{12} = δ_1 x_2
    assert not np.isclose(g[0, 1], x[0] * d1[1], atol=1e-3)  # x_1 δ_2 is the transpose's entry (1, 2)
    assert np.isclose(g.T[0, 1], x[0] * d1[1], atol=1e-6)


def _verdicts(tmp_path, doc: str) -> dict:
    from gradproof.verify.cli import verify_file

    (tmp_path / "net.toml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "a.md").write_text(doc, encoding="utf-8")
    results, _m, _s = verify_file(str(tmp_path / "a.md"), str(tmp_path / "net.toml"))
    return {r.id: r.verdict for r in results}


def test_run_together_digits_name_a_row_and_a_column(tmp_path):
    doc = ("$$\\frac{\\partial E}{\\partial W^{(1)}_{12}} = \\delta^{(1)}_1 x_2$$\n"
           "$$\\frac{\\partial E}{\\partial W^{(1)}_{12}} = \\delta^{(1)}_2 x_1$$\n"
           "$$\\frac{\\partial E}{\\partial W^{(1)}_{1,2}} = \\delta^{(1)}_1 x_2$$\n")
    assert _verdicts(tmp_path, doc) == {"line 1": "correct", "line 2": "incorrect", "line 3": "correct"}


def test_an_entry_claim_waits_for_the_orientation_like_the_matrix_claims(tmp_path):
    for entry in ("W^{(1)}_{12}", "W^{(1)}_{1,2}"):
        doc = ("$$z^{(1)} = x W^{(1)} + b^{(1)}$$\n"
               "$$\\frac{\\partial E}{\\partial W^{(1)}} = x^T \\delta^{(1)}$$\n"
               f"$$\\frac{{\\partial E}}{{\\partial {entry}}} = x_1 \\delta^{{(1)}}_2$$\n"
               "$$\\frac{\\partial E}{\\partial b^{(1)}} = \\delta^{(1)}$$\n")
        got = _verdicts(tmp_path, doc)
        assert got == {"line 1": "unchecked", "line 2": "unchecked", "line 3": "unchecked", "line 4": "correct"}, got


def test_the_spec_orientation_shown_keeps_its_verdicts(tmp_path):
    """W h + b written: the entry claims are judged as the spec lays W out, the transposed one is wrong."""
    doc = ("$$z^{(1)} = W^{(1)} x + b^{(1)}$$\n$$\\frac{\\partial E}{\\partial W^{(1)}} = \\delta^{(1)} x^T$$\n"
           "$$\\frac{\\partial E}{\\partial W^{(1)}_{12}} = x_1 \\delta^{(1)}_2$$\n")
    assert _verdicts(tmp_path, doc) == {"line 1": "correct", "line 2": "correct", "line 3": "incorrect"}
