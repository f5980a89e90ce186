r"""A claim about a quantity whose numbers the answer gives in another orientation than the spec's, or in none.

Paredes's exercise gives the output unit's weights as a column, ``W^{~(2)} = \begin{pmatrix} -1 \\ 1
\end{pmatrix}`` (the spec's W^{(2)} is 1 × 2), and then writes their gradient in that shape, ``\frac{\partial
J}{\partial W^{~(2)}} = \delta^{(2)} \cdot \mathbf{a}^{(1)}`` (2 × 1); it types x as the list ``[-1, 0, 2]`` and writes
``\delta^{(1)} \cdot \mathbf{x}`` for the outer product. Against the spec's layout such a claim fails by its shapes
alone (or, a row and a column of one length compared entry by entry, by its values), which is the answer's
orientation, not a mistake a reader can name: a claim judged incorrect that uses a weight whose given matrix is the
transpose of the spec's (not square), or that fails by its shapes (or a missing transpose) and uses x given as a list,
is ``unchecked`` with the reason (``Judge._given_orientation``; symbolic mode, the answer's own numbers not compared).
Every other claim keeps its verdict: a planted slip in such a claim is not called wrong either (no false verdict).
"""

from __future__ import annotations

UNREAD = ("not judged: the answer gives {what}, so the orientation it writes this claim in is not certain (against the "
          "spec's layout: {message}); give [values] or a [notation] convention to check it")


def other_orientation(shapes: dict, net) -> dict:
    """{key: what the answer did} for x typed as a list and each weight given transposed from the spec's shape."""
    out = {}
    for key, shape in shapes.items():
        if key == "x" and shape is None:
            out[key] = "x's numbers as a list (no orientation)"
        elif key.startswith("W") and shape is not None and key[1:].isdigit() and 1 <= int(key[1:]) < len(net.sizes):
            layer = int(key[1:])
            spec = (net.sizes[layer], net.sizes[layer - 1])
            spec = spec if net.convention == "row" else spec[::-1]
            if shape == spec[::-1] and spec[0] != spec[1]:
                out[key] = (f"W^{{({layer})}}'s numbers as a {shape[0]}×{shape[1]} matrix, the transpose of the spec's "
                            f"{spec[0]}×{spec[1]}")
    return out


def uses(tree_nodes, key: str) -> bool:
    """Whether the parsed claim's nodes name the quantity ``key`` (x, or W{l} and its gradient)."""
    for n in tree_nodes:
        if n.op != "q":
            continue
        kind, layer = n.value[0], n.value[1]
        if key == "x" and kind == "x" or key.startswith("W") and kind in ("W", "dW", "Wb", "dWb") and layer == int(key[1:]):
            return True
    return False
