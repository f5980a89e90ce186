r"""The layout an answer writes its Jacobians in, as its own chain rule shows it.

∂z/∂x of ``z = W x`` is n_z × n_x in the numerator (Jacobian) layout (= W) and n_x × n_z in the denominator (gradient)
layout (= Wᵀ). An answer fixes which by the order of its chain rule:

- ``\frac{∂J}{∂x} = \frac{∂J}{∂z} \frac{∂z}{∂x}``: the objective's derivative first, a row, Jacobians to its right —
  the numerator layout (Kyle Lo, CS224n's official notes);
- ``\frac{∂J}{∂x} = \frac{∂z_1}{∂x} \frac{∂h}{∂z_1} \frac{∂z_2}{∂h} \frac{∂J}{∂z_2}``: Jacobians first, the objective's
  derivative last, a column — the denominator layout (nirnirs's CS224n answers: ∂z_1/∂x = W_1 for z_1 = x W_1 + b_1).

``chain_layout`` reads that order from every claim; ``infer`` settles the reading ``jacobian = "denominator"`` by it
(an answer whose chains go both ways, or that writes none, is not settled by it). ``denominator_product`` is the
product such a chain needs: the Jacobians times the gradient as a column. ``transposed_jacobian`` says when a claim's
only fault is the layout the answer never fixed (a Jacobian written as its transpose): ``unchecked``, with the
``[notation]`` line that decides it.
"""

from __future__ import annotations

import collections
import re
from dataclasses import replace

import numpy as np

from .normalize import PLAIN_D_SLASH
from .parser import Notation, parse_claim
from .surface import split_statements
from .tree import Node, Unreadable

#: the note of a chain read in the denominator layout
DENOMINATOR_LAYOUT = ("the chain rule ∂z/∂x ∂J/∂z is read in the denominator (gradient) layout: Jacobians have the "
                      "denominator's entries as rows, and a derivative of J by a vector is a column")
#: the [notation] line that fixes the layout
NOTATION_LINE = '[notation] jacobian = "denominator" (∂z/∂x = Wᵀ of z = W x) or jacobian = "numerator" (= W)'
#: a claim that may be a chain of derivatives: two ∂-fractions or more (a cheap test before parsing)
_TWO_DERIVATIVES = re.compile(r"\\partial[^=]*\\partial[^=]*\\partial[^=]*\\partial")
#: at most this many claims are parsed for the vote (a bound on hostile documents)
MAX_PARSED = 60
#: derivatives of the (scalar) objective by a vector quantity, as the parser names them
SCALAR_GRADIENTS = ("delta", "dz", "dh", "dhs", "dyhat", "dyhats", "dx", "dxs", "dxhat")


def gradient_of_scalar(node: Node) -> bool:
    """Whether ``node`` is ∂J/∂v for a vector v (δ, ∂J/∂h, ∂J/∂ŷ, ∂J/∂x), or a chain of them with Jacobians."""
    while node.op == "mul":  # (the last factor first, and a loop: a chain of n products is read in n steps, not n²)
        if node.args[1].op != "jac":
            return False
        node = node.args[0]
    return node.op == "q" and node.value[0] in SCALAR_GRADIENTS


def _jacobians(node: Node) -> bool:
    """Whether ``node`` is a Jacobian or a product of Jacobians (∂z/∂x, ∂z_1/∂x ∂h/∂z_1). Breadth first: a factor that
    is no Jacobian is found at its depth, not after a walk down a long chain of products (quadratic over its n products)."""
    queue = collections.deque([node])
    while queue:
        n = queue.popleft()
        if n.op == "mul":
            queue.extend(n.args)
        elif n.op != "jac":
            return False
    return True


def denominator_chain(node: Node) -> bool:
    """Whether ``node`` is Jacobians times a derivative of the objective (∂z/∂x ∂J/∂z: the denominator layout)."""
    return node.op == "mul" and _jacobians(node.args[0]) and gradient_of_scalar(node.args[1])


def _numerator_chain(node: Node) -> bool:
    """∂J/∂z ∂z/∂x (the gradient a row, Jacobians to its right), or Hagan's (∂n^{m+1}/∂n^m)^T ∂F/∂n^{m+1}: a Jacobian
    transposed to meet a column gradient, which only the numerator layout needs."""
    if node.op != "mul":
        return False
    left, right = node.args
    return (gradient_of_scalar(left) and _jacobians(right)) or (
        left.op == "T" and _jacobians(left.args[0]) and gradient_of_scalar(right))


def _jacobian_pair(node: Node) -> str | None:
    """Two Jacobians side by side: ∂a/∂z ∂z/∂h (the shared z inside: the numerator layout) or ∂z/∂h ∂a/∂z (outside:
    the denominator layout); None for anything else."""
    if node.op != "mul" or node.args[1].op != "jac":
        return None
    left = node.args[0]
    while left.op == "mul":
        left = left.args[1]
    if left.op != "jac":
        return None
    (a, b), (c, d) = left.args, node.args[1].args
    if b == c and a != d:
        return "numerator"
    if a == d and b != c:
        return "denominator"
    return None


#: a fraction ∂A/∂B as written (the ∂ of the denominator may be lost): (A, B), nested braces two deep, bounded
_FRACTION = re.compile(r"\\frac\s*\{\s*\\partial\s*((?:[^{}]|\{(?:[^{}]|\{[^{}]{0,30}\}){0,30}\}){1,40})\}"
                       r"\s*\{\s*(?:\\partial\s*)?((?:[^{}]|\{(?:[^{}]|\{[^{}]{0,30}\}){0,30}\}){1,40})\}")
#: the objective's letter at the start of a numerator: J, L, E, C, Hagan's F̂, \mathcal{L}, \text{loss}, \ell
_OBJECTIVE = re.compile(r"\s*(?:[JLECF](?![A-Za-z])|\\hat\s*\{\s*F\s*\}|\\mathcal\s*\{\s*[LJ]|\\ell"
                        r"|\\(?:text|mathrm|operatorname)\s*\{\s*(?:loss|cost|CE|BCE|MSE))")


#: what closes a transposed fraction before the next one: \right)^T, )^{\top}
_TRANSPOSED = re.compile(r"\s*(?:\\right\s*)?\)\s*\^\s*\{?\s*(?:T|\\top|\\intercal)\s*\}?\s*(?:\\cdot\s*)?")


def _written_order(latex: str) -> str | None:
    """The layout two adjacent fractions of derivatives show as written, for a claim no reading parses: the
    objective's derivative first (∂C/∂ỹ ∂ỹ/∂s_2): the numerator layout; last: the denominator layout."""
    found = list(_FRACTION.finditer(latex[:2000]))
    for f, g in zip(found, found[1:], strict=False):
        between = latex[f.end():g.start()]
        if len(between) > 60:
            continue
        if any(_ENTRY_INDEX.search(x) for x in (*f.groups(), *g.groups())):
            continue  # entries (3Blue1Brown's ∂z_j/∂a_k ∂a_j/∂z_j ∂C_0/∂a_j): scalars, in any order in any layout
        first, second = bool(_OBJECTIVE.match(f.group(1))), bool(_OBJECTIVE.match(g.group(1)))
        if _TRANSPOSED.fullmatch(between) and second and not first:
            return "numerator"  # Hagan's (∂n^{m+1}/∂n^m)^T ∂F/∂n^{m+1}: a Jacobian transposed to meet the gradient
        if between.strip(" \\,;") not in ("", "cdot", "times") or "^" in between:
            continue
        if first and not second:
            return "numerator"
        if second and not first:
            return "denominator"
    return None


def _size(q: Node, sizes) -> int | None:
    """The number of entries of a quantity or of the objective's gradient by it (None: not known here)."""
    kind, layer = q.value
    if kind in ("x", "dx", "dxs"):
        return sizes[0]
    if kind in ("yhat", "dyhat", "dyhats"):
        return sizes[-1]
    if kind in ("z", "h", "delta", "dz", "dh", "dhs") and isinstance(layer, int) and 0 <= layer < len(sizes):
        return sizes[layer]
    return None


def _chain_shape(node: Node, sizes, denominator: bool):
    """(rows, columns) of a product of Jacobians and gradients in one layout; None when not known (a scalar, another
    operation), False when the product does not conform."""
    if node.op == "jac" and all(a.op == "q" for a in node.args):
        a, b = (_size(x, sizes) for x in node.args)
        return None if a is None or b is None else (b, a) if denominator else (a, b)
    if node.op == "q" and node.value[0] in SCALAR_GRADIENTS:
        n = _size(node, sizes)
        return None if n is None else (n, 1) if denominator else (1, n)
    if node.op == "mul" and len(node.args) == 2:
        left, right = (_chain_shape(a, sizes, denominator) for a in node.args)
        if left is False or right is False:
            return False
        if left is None or right is None or 1 in (left[0] * left[1], right[0] * right[1]):
            return None
        return (left[0], right[1]) if left[1] == right[0] else False
    return None


def _conforms_in_neither(side: Node, sizes) -> bool:
    """A chain that multiplies in neither layout (UDL's planted ∂f_3/∂h_3 ∂h_3/∂f_2 ∂ℓ/∂f_3): no evidence of an order."""
    return _chain_shape(side, sizes, False) is False and _chain_shape(side, sizes, True) is False


def chain_layout(claims, notation: Notation, depth: int) -> str | None:
    """``"denominator"`` or ``"numerator"`` when the answer's chains of derivatives are all written in that order,
    else None (none written, or both orders)."""
    votes = {"denominator": 0, "numerator": 0}
    parsed = 0
    sizes = dict(notation.options).get("sizes")
    # the order is the same whatever layer a bare letter names: z and h without a layer are read as the hidden layer's
    readings = (notation, replace(notation, options=notation.options + (("unindexed_layer", 1),)))
    statements = (t for c in claims for t in (  # (A = B \implies C = D: each statement read on its own)
        split_statements(c.latex[:4000]) if "\\implies" in c.latex[:4000] else (c.latex,)))
    for latex in statements:
        if not _TWO_DERIVATIVES.search(PLAIN_D_SLASH.sub(r"\\partial \1/\\partial \2", latex[:2000])):  # (dL/dyhat too)
            continue
        parsed += 1
        if parsed > MAX_PARSED:
            break
        parsed_any = False
        for reading, env in ((r, e) for r in readings for e in (None, {"l": depth})):
            try:
                sides, _ = parse_claim(latex, reading, depth, env)
            except Unreadable:
                continue
            except Exception:  # noqa: BLE001 -- a layer the network lacks: this reading says nothing
                continue
            parsed_any = True
            if sizes and any(_conforms_in_neither(side, sizes) for side in sides):
                break  # (a slip in the order, not a layout)
            before = dict(votes)
            for side in sides:
                for n in side.walk():
                    order = _jacobian_pair(n)
                    if denominator_chain(n) or order == "denominator":
                        votes["denominator"] += 1
                    elif _numerator_chain(n) or order == "numerator":
                        votes["numerator"] += 1
            if votes != before:
                break
        else:
            order = None if parsed_any else _written_order(latex)  # no reading parses it (ozyurtf's ∂ỹ/s_2, a ∂
            if order:  # lost): the order its fractions are written in
                votes[order] += 1
    if votes["denominator"] and not votes["numerator"]:
        return "denominator"
    if votes["numerator"] and not votes["denominator"]:
        return "numerator"
    return None


def denominator_product(a: np.ndarray, b: np.ndarray, node: Node) -> np.ndarray | None:
    """∂z/∂x ∂J/∂z with ∂J/∂z held as a row (one sample as a row): the product the chain means, Jacobians times the
    gradient as a column; None when ``node`` is no such chain or the shapes do not call for it."""
    if (a.ndim == 2 and b.ndim == 2 and b.shape[0] == 1 and a.shape[1] == b.shape[1] > 1 and a.shape[1] != 1
            and denominator_chain(node)):
        return a @ b.T
    return None


#: the note of an activation's derivative multiplying a matrix as the diagonal Jacobian it is
DIAGONAL = "σ'(z) W is read as diag(σ'(z)) W: the Jacobian of an elementwise map is diagonal"


def _derivative_of_map(node: Node) -> bool:
    """σ'(z), f'(z): the derivative of an elementwise activation applied to a quantity."""
    return node.op == "fn" and isinstance(node.value, tuple) and len(node.value) > 2 and node.value[2] is True


def diagonal_product(a: np.ndarray, b: np.ndarray, node: Node) -> np.ndarray | None:
    """Imperial's ``∂a^{(3)}/∂a^{(2)} = σ'(z^{(3)}) W^{(3)}`` (σ'(z) a column of n entries, W n × k): the product only
    the diagonal matrix diag(σ'(z)) makes, each row of W scaled; ``W σ'(z)`` with σ'(z) a row scales the columns.
    None when the operands are not so (or a plain product fits)."""
    left, right = node.args
    if a.ndim != 2 or b.ndim != 2:
        return None
    if _derivative_of_map(left) and a.shape[1] == 1 and a.shape[0] == b.shape[0] > 1 and b.shape[1] > 1:
        return a * b
    if _derivative_of_map(right) and b.shape[0] == 1 and b.shape[1] == a.shape[1] > 1 and a.shape[0] > 1:
        return a * b
    return None


#: a claim whose first side is a Jacobian between two of the network's vectors (not the objective's gradient: not
#: ∂J, ∂C, ∂E, ∂L, nor Chambrin's ∂l(f(x), y)): \frac{\partial \mathbf{a}^{(3)}}{\partial \mathbf{a}^{(2)}}
_JACOBIAN_SIDE = re.compile(r"\s*\\frac\s*\{\s*\\partial\s*(?:\\(?:mathbf|bm|boldsymbol|vec)\s*\{\s*|\{\s*)?"
                            r"(?!l\s*\()[a-zABDF-IKM-Z](?![A-Za-z])(?:[^{}=]|\{[^{}=]{0,12}\}|\}){0,40}?\}\s*\{\s*\\partial\s*"
                            r"(?:\\(?:mathbf|bm|boldsymbol|vec)\s*\{\s*|\{\s*)?[a-zA-Z](?![A-Za-z])")


def jacobian_claim(latex: str) -> bool:
    """Whether a claim states a Jacobian between two vectors (Imperial's ∂a^{(3)}/∂a^{(2)} = σ'(z^{(3)}) W^{(3)}): it
    has no sample layout (n_a × n_b in the numerator layout either way), and its vectors are read as columns, the
    layout a Jacobian's rows and columns are written in, whatever layout the answer's other claims showed. Not an
    entry (∂z_j/∂a_k = w_{jk}, ∂z^{l+1}_k/∂z^l_j): an entry is the same in both layouts."""
    m = _JACOBIAN_SIDE.match(latex[:400])
    return bool(m) and not _ENTRY_INDEX.search(m.group(0))


def chain_claim(latex: str) -> bool:
    """Whether a claim writes a chain of derivatives (two fractions of ∂ or more: Prince's ∂ℓ/∂f_1 = ∂h_2/∂f_1 ∂f_2/∂h_2
    ∂ℓ/∂f_2), whose products conform in one layout of its Jacobians only."""
    text = latex[:2000]
    return text.count("\\partial") >= 4 and not _ENTRY_INDEX.search(_EXAMPLE_LOSS.sub(" ", text))  # (entries commute)


#: one example's loss, whose index is no entry: \ell_i, E_n, L_{i}
_EXAMPLE_LOSS = re.compile(r"(?:\\ell|(?<![A-Za-z\\])[LEJC])\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z](?![A-Za-z]))")


#: an entry's index on a quantity: z_j, a^l_k, w_{i,j} (a digit, z_1, names a layer or a quantity)
_ENTRY_INDEX = re.compile(r"_\s*\{?\s*[a-z](?![A-Za-z])")


def unfixed_layout(numerator: str, denominator: str) -> str:
    """The reason a Jacobian claim is not judged: its verdict in each layout, and the line that fixes the layout."""
    return ("not judged: the answer does not fix the layout of its Jacobians (no chain rule written in one order only, "
            f"none declared): the claim is {numerator} in the numerator layout (∂z/∂x has z's entries as rows) and "
            f"{denominator} in the denominator layout (x's entries as rows); declare it: {NOTATION_LINE}")
