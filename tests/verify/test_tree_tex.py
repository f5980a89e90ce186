"""How verify prints the quantities it names in its messages (verify/tree.py quantity_tex)."""

from __future__ import annotations


def test_a_batch_gradient_is_printed_with_its_capital_letter_only():
    # the message of a batch claim names ∂J/∂Z: the letter is capital, the macro around it is not (was \MATHBF{Z})
    from gradproof.verify.tree import quantity_tex

    tex = quantity_tex("dz", 2)
    assert r"\mathbf{Z}^{(2)}" in tex and "MATHBF" not in tex
