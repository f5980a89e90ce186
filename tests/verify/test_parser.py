"""Parser tables: notation variants read into the same tree; transposes are not powers; AB is not BA."""

from __future__ import annotations

import numpy as np
import pytest
from gradproof.verify.parser import Notation, parse_claim, parse_expr
from gradproof.verify.shapes import Context, ShapeMismatch, evaluate
from gradproof.verify.tree import Node, Unreadable


def q(kind, layer=None):
    return Node("q", (), (kind, layer))


def T(n):
    return Node("T", (n,))


@pytest.mark.parametrize("latex, tree", [
    (r"W^{(2)}", q("W", 2)),
    (r"\mathbf{W}^{[2]}", q("W", 2)),
    (r"\boldsymbol{W}^2", q("W", 2)),
    (r"W_2", q("W", 2)),
    (r"\vec{h}^{(1)}", q("h", 1)),
    (r"\underline{z}_{1}", q("z", 1)),
    (r"a^{[1]}", q("h", 1)),
    (r"a^{[0]}", q("x")),
    (r"h^{(3)}", q("yhat")),
    (r"\hat{y}", q("yhat")),
    (r"\widehat{\mathbf{y}}", q("yhat")),
    (r"\hat y", q("yhat")),
    (r"b^{(2)}", q("b", 2)),
    (r"W_0^{(2)}", q("b", 2)),
    (r"W^{(2)}_0", q("b", 2)),
    (r"\delta^{(2)}", q("delta", 2)),
    (r"\boldsymbol{\delta}^{[2]}", q("delta", 2)),
    (r"W^{(2)T}", T(q("W", 2))),
    (r"a^{[1]T}", T(q("h", 1))),
    (r"h^{(2)\top}", T(q("h", 2))),
    (r"(W^{(2)})^T", T(q("W", 2))),
    (r"{W^{(2)}}^{\top}", T(q("W", 2))),
    (r"W^{(2)\mathsf{T}}", T(q("W", 2))),
    (r"(W^{(2)})^{\mathsf{T}}", T(q("W", 2))),
    (r"\left(W^{(2)}\right)^\intercal", T(q("W", 2))),
    (r"\frac{\partial J}{\partial W^{(2)}}", q("dW", 2)),
    (r"\frac{\partial J}{\partial \mathbf{z}^{(2)}}", q("delta", 2)),
    (r"\frac{\partial J}{\partial a^{[1]}}", q("dh", 1)),
    (r"\frac{\partial L}{\partial W^{(2)}}", q("dWL", 2)),
    (r"\frac{\partial R}{\partial W^{(2)}}", q("dWR", 2)),
    (r"\frac{\partial J}{\partial W_0^{(2)}}", q("db", 2)),
    (r"\frac{\partial J}{\partial \hat{y}}", q("dyhat")),
    (r"\partial J / \partial W^{(1)}", q("dW", 1)),
    (r"\nabla_{W^{(2)}} J", q("dW", 2)),
    (r"\nabla_{\mathbf{b}^{(1)}} J", q("db", 1)),
    (r"\nabla W^{(2)}", q("dW", 2)),
    (r"dW^{[2]}", q("dW", 2)),
    (r"dz^{[2]}", q("delta", 2)),
    (r"\tanh(z^{(2)})", Node("fn", (q("z", 2),), ("tanh", None, False))),
    (r"\sigma'(z^{(2)})", Node("fn", (q("z", 2),), ("sigmoid", None, True))),
    (r"\varphi^{(2)\prime}(z^{(2)})", Node("fn", (q("z", 2),), ("phi", 2, True))),
    (r"g'(z^{(1)})", Node("fn", (q("z", 1),), ("phi", None, True))),
    (r"\operatorname{ReLU}(z_1)", Node("fn", (q("z", 1),), ("relu", None, False))),
    (r"\max(0, z^{(1)})", Node("fn", (q("z", 1),), ("relu", None, False))),
    (r"\sigma_M(z^{(3)})", Node("fn", (q("z", 3),), ("softmax", None, False))),
])
def test_notations_read_into_the_same_tree(latex, tree):
    assert parse_expr(latex, depth=3) == tree


def test_tanh_squared_is_a_power_of_the_function():
    node = parse_expr(r"\tanh^2(z^{(2)})", depth=3)
    assert node.op == "pow" and node.args[0].value == ("tanh", None, False) and node.args[1].value[0] == 2


@pytest.mark.parametrize("latex", [r"(h^{(2)})^2", r"{h^{(2)}}^{2}", r"h_2^2", r"\left(\mathbf{h}^{(2)}\right)^{2}"])
def test_squares_of_indexed_quantities_are_powers(latex):
    node = parse_expr(latex, depth=3)
    assert node == Node("pow", (q("h", 2), Node("num", (), (2.0, None)))) or (node.op == "pow" and node.args[0] == q("h", 2))


@pytest.mark.parametrize("latex", [r"W^T", r"W^{\top}", r"(W)^{\mathsf{T}}"])
def test_transposes_are_never_powers(latex):
    node = parse_expr(latex.replace("W", "W^{(1)}", 1), depth=2)
    assert node.op == "T" and all(n.op != "pow" for n in node.walk())


def test_matrix_products_do_not_commute():
    ctx = Context({("W", 1): np.arange(6.0).reshape(2, 3), ("x", None): np.ones((3, 1)), ("h", 1): np.ones((2, 1))}, {}, None)
    assert evaluate(parse_expr(r"W^{(1)} x", depth=2), ctx).shape == (2, 1)
    with pytest.raises(ShapeMismatch, match="1 times 2×3|3×1 times 2×3"):
        evaluate(parse_expr(r"x W^{(1)}", depth=2), ctx)
    A, B = np.array([[1.0, 2], [3, 4]]), np.array([[0.0, 1], [1, 0]])
    ctx2 = Context({("W", 1): A, ("W", 2): B}, {}, None)
    ab, ba = (evaluate(parse_expr(t, depth=2), ctx2) for t in (r"W^{(1)} W^{(2)}", r"W^{(2)} W^{(1)}"))
    assert not np.allclose(ab, ba)


def test_same_shape_vectors_side_by_side_are_elementwise_and_say_so():
    ctx = Context({("h", 1): np.array([[2.0], [3.0]]), ("z", 1): np.array([[5.0], [7.0]])}, {}, None)
    assert evaluate(parse_expr(r"h^{(1)} z^{(1)}", depth=2), ctx).ravel().tolist() == [10.0, 21.0]
    assert "elementwise" in ctx.notes[0]


@pytest.mark.parametrize("latex, tree_ops", [
    (r"\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}", ("matrix",)),
    (r"\begin{pmatrix} .627 \\ -1.5 \end{pmatrix}", ("matrix",)),
    (r"\begin{cases} 1 & z^{(1)} > 0 \\ 0.01 & \text{otherwise} \end{cases}", ("cases",)),
])
def test_environments(latex, tree_ops):
    assert parse_expr(latex, depth=2).op in tree_ops


def test_numbers_keep_their_written_decimals():
    node = parse_expr(r"\begin{bmatrix} .627 & 1.50 & 3 \end{bmatrix}", depth=1)
    assert [a.value for a in node.args] == [(0.627, 3), (1.5, 2), (3.0, 0)]


def test_chains_and_updates_split_into_sides():
    sides, rels = parse_claim(r"a = b^{(1)} = c", Notation(bases=(("a", "h"), ("c", "z"))), depth=1)
    assert len(sides) == 3 and rels == ["=", "="]
    _, rels = parse_claim(r"W^{(1)} \leftarrow W^{(1)} - \eta \nabla W^{(1)}", depth=1)
    assert rels == ["<-"]


def test_notation_maps_symbols_and_functions():
    n = Notation(bases=(("o", "yhat"),), functions=(("f", "relu"),))
    assert parse_expr(r"f(z^{(1)})", n, depth=2).value == ("relu", None, False)


@pytest.mark.parametrize("latex, reason", [
    (r"\sum_{i=0} \delta^{(2)(i)}", "a sum from i = 0 is read for a bias"),
    (r"\sum_{i=2} \delta^{(2)(i)}", "cannot read the sum's index"),
    (r"\delta^{(l)}", "generic layer index l needs a value"),
    (r"\delta^{(2)}_{jkm}", "cannot read the index"),
    (r"W^{(2)}_{new,j}", "cannot read the index"),
    (r"W", "without a layer index: the claim is read for every layer"),
    (r"h", "needs a layer index"),
    (r"\|W^{(1)}\|_\infty", "norm .* is not supported"),
    (r"x^{(2)}", "no layer index"),
    (r"\hat{z}^{(2)}", "not a quantity gradproof knows"),
    (r"\foo(z)", "unknown symbol"),
    (r"W^{(1)} +", "ends too early"),
    (r"(W^{(1)}", "ends too early"),
    (r"(W^{(1)}]", "expected '"),
    ("é", "unexpected character"),
])
def test_unreadable_says_why(latex, reason):
    with pytest.raises(Unreadable, match=reason):
        parse_claim(latex, depth=3)


def test_untrusted_input_is_bounded():
    with pytest.raises(Unreadable, match="limit is 4000"):
        parse_claim("x" * 5000, depth=1)
    with pytest.raises(Unreadable, match="nested more than"):
        parse_claim("(" * 200 + "x" + ")" * 200, depth=1)
