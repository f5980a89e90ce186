"""How verify prints the quantities it names in its messages (verify/tree.py quantity_tex)."""

from __future__ import annotations


def test_a_batch_gradient_is_printed_with_its_capital_letter_only():
    # the message of a batch claim names ∂J/∂Z: the letter is capital, the macro around it is not (was \MATHBF{Z})
    from gradproof.verify.tree import quantity_tex

    tex = quantity_tex("dz", 2)
    assert r"\mathbf{Z}^{(2)}" in tex and "MATHBF" not in tex


def test_a_shape_mismatch_message_puts_a_sum_operand_in_parentheses():
    # "(ŷ − y) h^{(1)} is 3×1 times 16×1", not "ŷ − y h^{(1)}" (a reader would take it for ŷ − (y h))
    from helpers_verify import verdict

    result = verdict("reference_mlp", r"\frac{\partial L}{\partial W^{(2)}} = (\hat y - y) h^{(1)}")
    assert result.verdict == "incorrect"
    assert r"\left(\hat{\mathbf{y}} - \mathbf{y}\right) \mathbf{h}^{(1)} is" in result.message
