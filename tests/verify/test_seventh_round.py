"""Readings of the seventh round (issue "Verify reads real answers"): a guess that gave a confident verdict now gives
`unchecked` with the reason, each with right and planted claims written here (not copied from a corpus).

- a claim whose shapes fit only with each sample as a row (``\\frac{∂J}{∂ŷ} \\operatorname{diag}(σ'(z))``) is no
  evidence of the answer's layout by itself: with nothing else in the answer showing its layout it is `unchecked` (right
  in a row answer, factors in the wrong order in a column one); a forward definition decides it either way;

The expected verdicts are decided by hand; the identities they rest on are checked numerically here with NumPy
(central differences), independently of verify.
"""

from __future__ import annotations

import numpy as np
from gradproof.verify.document import extract
from gradproof.verify.judge import Judge
from helpers_verify import small

D = small(convention="row", hidden="tanh", output="sigmoid", loss="squared_error")


def judged(doc: str) -> dict[str, tuple[str, str]]:
    return {r.id: (r.verdict, r.message) for r in Judge(D).check_all(extract(doc))}


def _central(f, x, h=1e-6):
    return np.array([(f(x + h * e) - f(x - h * e)) / (2 * h) for e in np.eye(x.size)])


def _sigmoid(v):
    return 1 / (1 + np.exp(-v))


def test_the_identities_the_expected_verdicts_rest_on():
    rng = np.random.default_rng(1)
    z, y = rng.normal(size=2), rng.normal(size=2)
    yhat = _sigmoid(z)
    # δ = ∂J/∂z of J = ½‖σ(z) − y‖² is (ŷ − y) ⊙ ŷ(1 − ŷ); as a row it is the row ∂J/∂ŷ times diag(σ'(z))
    delta = _central(lambda v: 0.5 * np.sum((_sigmoid(v) - y) ** 2), z)
    assert np.allclose(delta, (yhat - y) * yhat * (1 - yhat), atol=1e-7)
    row = (yhat - y)[None, :] @ np.diag(yhat * (1 - yhat))
    assert np.allclose(row.ravel(), delta, atol=1e-7)
    # and as columns diag(σ') ∂J/∂ŷ: the same numbers, while a column (2×1) times diag (2×2) does not multiply
    assert np.allclose(np.diag(yhat * (1 - yhat)) @ (yhat - y)[:, None], delta[:, None], atol=1e-7)


ROW_ONLY = ("$$\\delta^{(2)} = \\frac{\\partial J}{\\partial \\hat{y}} \\operatorname{diag}\\left(\\hat{y} \\odot "
            "(1 - \\hat{y})\\right) \\tag{rowonly}$$\n")


def test_a_claim_is_no_evidence_of_the_layout_it_alone_fits():
    verdict, message = judged(ROW_ONLY)["rowonly"]
    assert verdict == "unchecked"
    assert 'layout = "rows"' in message and "wrong order" in message


def test_a_column_forward_definition_makes_the_row_product_wrong():
    got = judged("$$z^{(2)} = W^{(2)} h^{(1)} + b^{(2)} \\tag{fwd}$$\n\n" + ROW_ONLY
                 + "\n$$\\delta^{(2)} = \\operatorname{diag}\\left(\\hat{y} \\odot (1 - \\hat{y})\\right) "
                   "\\frac{\\partial J}{\\partial \\hat{y}} \\tag{colorder}$$\n")
    assert got["fwd"][0] == "correct"
    assert got["rowonly"][0] == "incorrect"
    assert got["colorder"][0] == "correct"


def test_a_row_forward_definition_makes_the_row_product_right():
    got = judged("$$z^{(2)} = h^{(1)} {W^{(2)}}^T + b^{(2)} \\tag{fwd}$$\n\n" + ROW_ONLY)
    assert got["fwd"][0] == "correct"
    assert got["rowonly"][0] == "correct"


def test_one_examples_cost_in_a_batch_norm_network_is_not_an_input_error(tmp_path):
    """A cost written for one example (ℓ = −Σ_k y_k log ŷ_k) in an answer about a batch-norm network with a batch: the
    per-example reading needs a network of one sample, which batch norm has not — the claim is unchecked, the file is
    still verified (it used to exit 2: "give the answers file a batch of 2 or more samples", though it had one)."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    shutil.copy(Path(__file__).resolve().parents[2] / "examples" / "bn_mlp.toml", tmp_path / "net.toml")
    (tmp_path / "a.toml").write_text('spec = "net.toml"\nbatch = 4\n\n[[claims]]\nid = "cost"\n'
                                     "latex = '''L = -\\sum_{k} y_k \\log \\hat{y}_k'''\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "gradproof", "verify", str(tmp_path / "a.toml")], capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 1, run.stderr  # nothing could be checked: not success, but not bad input either
    assert "cost" in run.stdout and "unchecked" in run.stdout
