"""Ng's Regularization notebook notation, in a document of my own on a network with dropout layers and an L2 penalty:
the cross-entropy written with sized delimiters (``\\large{(} … \\large{)}``), the regularized cost named
``J_{regularized}`` with an ``\\underbrace`` whose label is ``\\text{…}`` without braces, and the penalty written entry
by entry over every layer, ``\\sum_l\\sum_k\\sum_j W_{k,j}^{[l]2}`` (the dropout layers have no W: the sum runs over the
layers that have one). An answer that names its regularized cost apart makes its plain J the data term.

The oracle is NumPy by hand: each planted formula (the cross-entropy's minus sign dropped, the penalty's 1/m dropped)
is another function than the right one at random values typed here, so the planted claims must be called incorrect
and the right ones correct."""

from __future__ import annotations

import numpy as np
from gradproof.verify.cli import verify_file

SPEC = """name = "reg_dropout"
convention = "row"
inputs = 2

[[layers]]
units = 5
activation = "relu"

[[layers]]
kind = "dropout"
p = 0.2

[[layers]]
units = 3
activation = "relu"

[[layers]]
units = 1
activation = "sigmoid"

[loss]
name = "binary_cross_entropy"

[regularization]
name = "l2"
lambda = 0.5

[optimizer]
name = "sgd"
learning_rate = 0.1
"""

CE = (r"\frac{1}{m} \sum\limits_{i = 1}^{m} \large{(}\small y^{(i)}\log\left(a^{[L](i)}\right) + (1-y^{(i)})"
      r"\log\left(1- a^{[L](i)}\right) \large{)}")
PENALTY = r"\frac{1}{m} \frac{\lambda}{2} \sum\limits_l\sum\limits_k\sum\limits_j W_{k,j}^{[l]2}"


def _document(sign: str, penalty: str) -> str:
    return ("# The cost\n\n"
            f"$$J = {sign}{CE} \\tag{{1}}$$\n\n"
            "With L2 regularization:\n\n"
            f"$$J_{{regularized}} = \\small \\underbrace{{-{CE} }}_\\text{{cross-entropy cost}} + "
            f"\\underbrace{{{penalty} }}_\\text{{L2 regularization cost}} \\tag{{2}}$$\n")


def _oracle_differs():
    """The planted formulas are other functions than the right ones (NumPy, random values)."""
    rng = np.random.default_rng(1)
    m, lam = 4, 0.5
    y, a = rng.integers(0, 2, m).astype(float), rng.uniform(0.05, 0.95, m)
    ws = [rng.normal(size=s) for s in ((5, 2), (3, 5), (1, 3))]
    ce = -np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))
    l2 = lam / (2 * m) * sum(float(np.sum(w**2)) for w in ws)
    return not np.isclose(ce, -ce) and not np.isclose(ce + l2, ce + m * l2)


def test_ng_regularized_cost_with_dropout_layers(tmp_path):
    assert _oracle_differs()
    (tmp_path / "spec.toml").write_text(SPEC, encoding="utf-8")
    verdicts = {}
    for name, sign, penalty in (("right", "-", PENALTY), ("planted", "", PENALTY.replace(r"\frac{1}{m} ", "", 1))):
        (tmp_path / f"{name}.md").write_text(_document(sign, penalty), encoding="utf-8")
        results, _, _ = verify_file(str(tmp_path / f"{name}.md"), str(tmp_path / "spec.toml"))
        verdicts[name] = {r.id: r.verdict for r in results}
    assert verdicts["right"] == {"1": "correct", "2": "correct"}
    assert verdicts["planted"] == {"1": "incorrect", "2": "incorrect"}
