r"""The answer's bias as it stores it: a column beside samples written as rows, and its gradient as a sum over the
examples (pythonandml's dlbook: ``z_l = a_{l-1} W_l + b_l^T`` with ``b_l = \begin{bmatrix} 0.5 \\ 0.5 \end{bmatrix}``,
``\frac{\partial J}{\partial b_l} = \sum \delta_l`` written as a column).

A spec's bias lies as one sample does (a column beside column samples, a row beside rows). An answer whose samples are
rows (``x W + …``) may keep its biases as columns and add their transpose: every forward definition that names a bias
transposes it (``+ b_l^T``), and none adds it as it is. A TA reads that answer's b as a column — its b^T is then no
"extra transpose", and its b, ∂J/∂b and the step of b are columns (``Truth.bias_column``). Any forward definition that
adds an untransposed bias leaves the spec's reading (the ^T is then a slip, judged as before).

A bare ``\sum`` (no index, one example) over a term, in a claim about a bias's gradient, is the sum over the examples
(``np.sum(delta, axis=0)``: for one example the term itself), not the sum of its entries, which gives a scalar where
the gradient of a vector is meant (``over_examples``)."""

from __future__ import annotations

from .parser import parse_claim
from .tree import NeedsLayer, Node, Unreadable

#: forward definitions read for the vote (each parsed once)
MAX_DEFINITIONS = 60
#: the note the judge shows with every claim once the reading holds
NOTE = ("its biases are columns (its forward pass adds b^T to a row of samples): b, ∂J/∂b and b's step are read as "
        "columns")


def _bias(node: Node) -> bool:
    return node.op == "q" and node.value[0] == "b"


def transposed_bias(claims, forward: set, notation, depth: int) -> bool:
    """Whether every forward definition that adds a bias adds its transpose (one at least) and none the bias itself,
    and no bias is given as a row of numbers (``b_1 = \\begin{bmatrix} 0.5 & 0.5 \\end{bmatrix}``: the answer's b is
    then a row, and its b^T a slip)."""
    transposed = plain = 0
    for c in [c for c in claims if c.id not in forward and "\\begin" in c.latex][:MAX_DEFINITIONS]:
        try:
            sides, rels = parse_claim(c.latex, notation, depth)
        except (Unreadable, RecursionError):
            continue
        if rels == ["="] and _bias(sides[0]) and sides[1].op == "matrix" and sides[1].value[0] == 1 < sides[1].value[1]:
            return False
    for c in [c for c in claims if c.id in forward][:MAX_DEFINITIONS]:
        try:
            sides, _ = parse_claim(c.latex, notation, depth)
        except NeedsLayer as need:
            try:
                sides, _ = parse_claim(c.latex, notation, depth, {need.var: 1})
            except (Unreadable, RecursionError):
                continue
        except (Unreadable, RecursionError):
            continue
        for side in sides[1:]:
            for n in side.walk():
                if n.op in ("add", "sub"):
                    transposed += sum(a.op == "T" and _bias(a.args[0]) for a in n.args)
                    plain += sum(_bias(a) for a in n.args)
    return transposed > 0 and plain == 0


def over_examples(side: Node, column: bool = False) -> Node:
    """``side`` with its bare sums (``\\sum \\delta``, over every entry for one example) read over the examples; with
    ``column`` (an answer keeping its biases as columns beside rows of samples) laid out as its bias, a column."""
    if not any(n.op == "axsum" and n.value is None for n in side.walk()):
        return side

    def walk(n: Node) -> Node:
        args = tuple(walk(a) for a in n.args)
        if n.op == "axsum" and n.value is None:
            summed = Node("axsum", args, "samples")
            return Node("T", (summed,)) if column else summed
        return Node(n.op, args, n.value) if args != n.args else n

    try:
        return walk(side)
    except RecursionError:  # (a side nested past Python's stack: read as written)
        return side
