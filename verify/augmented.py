"""Matrices augmented with the bias: an activation with a column of ones appended, the weights with the bias as a row.

AbhiJ2706's batch notes fold the bias into the weights: ``\\tilde{H}_0 = [X, 1]``, ``\\tilde{H}_l = [H_l, 1]`` (a column
of ones appended LAST), ``Z_l = \\tilde{H}_{l-1} \\tilde{W}_l``, so ``\\tilde{W}_l`` is W_l with the bias as its last row
(the row the ones multiply). Where the answer defines ``\\tilde{H}`` so (``appended``: option ``augmented = "last"``)
the tilde letters are read as those matrices, built from the network's own quantities (no new truth):

- ``\\tilde{H}_k`` (also ``\\tilde{A}``, ``\\tilde{X}``, ``\\tilde{h}``): ``[H_k, 1]``, where the samples are rows (a
  column appended to a batch of columns would be a sample, not a bias unit: unread);
- ``\\tilde{W}_l``: ``W_l`` with ``b_l`` appended (a row under W of n_in × n_out, a column beside W of n_out × n_in);
- ``\\frac{\\partial L}{\\partial \\tilde{W}_l}``: the same of ``∂L/∂W_l`` and ``∂L/∂b_l``;
- ``\\frac{\\partial L}{\\partial \\tilde{H}_k}``: ``[∂L/∂H_k, ∂L/∂Z_{k+1} b_{k+1}]`` — the ones column's own gradient
  (``∂L/∂Z W̃ᵀ``'s last column), since ``Z_{k+1} = \\tilde{H}_k \\tilde{W}_{k+1}``.

A slice written as NumPy writes it (``[:, :-1]``, ``[:, 1:]``, ``[0]``) is read by the parser as ``slice`` and taken here
on the array as the answer lays it out. Ones prepended (``[1, X]``, Ng's bias unit) are parser.py's ``Theta``/``bias_column``
reading, not this one.
"""

from __future__ import annotations

import re

import numpy as np

from .tree import Node, Unreadable

#: the node values of op "aug": activations with ones appended, weights with the bias appended, ∂L/∂H̃
ONES, BIAS, GRAD_ONES = "ones last", "bias last", "gradient ones last"
#: the answer's definition of an augmented activation: \tilde{H}_0 = [X, 1], \tilde{H}_l = [H_l, 1], \tilde{A} = [A \; 1]
APPENDED = re.compile(r"\\tilde\s*\{?\s*([HAXha])\s*\}?\s*(?:_\s*(?:\{[^{}]{1,8}\}|\w)\s*)?(?:\^\s*(?:\{[^{}]{1,8}\}|\w)\s*)?"
                      r"=\s*(?:\\left\s*)?\[\s*([HAXha])\s*(?:_\s*(?:\{[^{}]{1,8}\}|\w)\s*)?(?:\^\s*(?:\{[^{}]{1,8}\}|\w)\s*)?"
                      r"(?:,|\\;|\\quad|&)\s*(?:\\mathbf\s*\{\s*1\s*\}|\\mathbb\s*\{\s*1\s*\}|1)\s*(?:\\right\s*)?\]")
#: the note shown with the verdicts (infer.conventions)
READING = ("\\tilde{H} = [H, 1]: a column of ones appended last, so \\tilde{W} is W with the bias as its last row "
           "(the answer's own definition)")


def appended(latex: str) -> bool:
    """Whether the answer defines an activation augmented with ones appended last (``\\tilde{H}_0 = [X, 1]``)."""
    return APPENDED.search(latex[:4000]) is not None


def tilde(node: Node) -> Node:
    """The tilde letter of ``node`` (a quantity the parser read from the letter under the tilde, with its scripts)."""
    if node.op == "T":
        return Node("T", (tilde(node.args[0]),))
    if node.op == "q" and node.value[0] in ("h", "x"):
        return Node("aug", (node,), ONES)
    if node.op == "q" and node.value[0] == "W":
        return Node("aug", (node, Node("q", (), ("b", node.value[1]))), BIAS)
    raise Unreadable("\\tilde{…} is read for an activation with its column of ones ([H, 1]) or the weights with the "
                     "bias as their last row")


def gradient(parser, q: Node, loss: str, per_sample: bool) -> Node:
    """∂loss/∂q for an augmented ``q`` (module docstring), from the parser's own gradients of the quantities in it."""
    if q.value == BIAS:
        w, b = q.args
        return Node("aug", (parser.gradient(w, loss, per_sample), parser.gradient(b, loss, per_sample)), BIAS)
    h = q.args[0]
    layer = 0 if h.value[0] == "x" else h.value[1]
    depth = getattr(parser, "depth_net", None)
    if not isinstance(layer, int) or depth is None or layer + 1 > depth:
        raise Unreadable("∂/∂\\tilde{H}_k is read for an activation the next layer multiplies (k below the last layer)")
    delta = parser.gradient(Node("q", (), ("z", layer + 1)), loss, per_sample)
    return Node("aug", (parser.gradient(h, loss, per_sample), delta, Node("q", (), ("b", layer + 1))), GRAD_ONES)


def evaluate(node: Node, ctx, value, mismatch) -> np.ndarray:
    """The value of an ``aug`` node; ``value`` evaluates its arguments (shapes.evaluate), ``mismatch`` is the shape
    error (shapes.ShapeMismatch: a layout in which [H, 1] is no bias unit is ruled out, as a product that does not fit)."""
    columns = ctx.samples == "columns"
    if columns and node.value != BIAS:  # [H, 1] appends a column: a bias unit only where the samples are rows
        raise mismatch("\\tilde{H} = [H, 1] appends a column of ones, a bias unit only where the samples are rows")
    if node.value == ONES:
        h = np.asarray(value(node.args[0], ctx))
        if h.ndim != 2:
            raise Unreadable("\\tilde{H}: the activations are not a matrix here")
        return np.hstack([h, np.ones((h.shape[0], 1))])
    if node.value == BIAS:
        w, b = np.asarray(value(node.args[0], ctx)), np.ravel(value(node.args[1], ctx))
        if w.ndim != 2 or b.size not in w.shape:
            raise Unreadable("\\tilde{W}: the weights and the bias do not fit together")
        if w.shape[0] == b.size and (columns or w.shape[1] != b.size):
            return np.hstack([w, b.reshape(-1, 1)])  # W of n_out × n_in: the bias a last column
        return np.vstack([w, b.reshape(1, -1)])  # W of n_in × n_out: the bias a last row
    dh, dz = np.asarray(value(node.args[0], ctx)), np.asarray(value(node.args[1], ctx))
    b = np.ravel(value(node.args[2], ctx))
    if dh.ndim != 2 or dz.ndim != 2:
        raise Unreadable("∂/∂\\tilde{H}: the gradients are not matrices here")
    if dz.shape[1] == b.size and dz.shape[0] == dh.shape[0]:
        return np.hstack([dh, dz @ b.reshape(-1, 1)])
    raise Unreadable("∂/∂\\tilde{H}: the gradients do not fit together")


def batch_of_rows(latex: str) -> bool:
    """Whether ``latex`` appends the ones to a matrix of samples (``[X, 1]``, ``[H_l, 1]``: capitals, a batch in rows)."""
    m = APPENDED.search(latex[:4000])
    return m is not None and m.group(2).isupper()


def sliced(node: Node, ctx, value) -> np.ndarray:
    """A NumPy slice written after a matrix (``[:, :-1]``: every row, each column but the last), on the array as the
    answer lays it out; one part indexes rows."""
    a = np.asarray(value(node.args[0], ctx))
    parts = node.value
    if a.ndim != 2 or len(parts) > 2:
        raise Unreadable("a slice [ : ] is read on a matrix, with one or two parts")
    index = tuple(slice(*p) if isinstance(p, tuple) else p for p in parts)
    try:
        out = a[index]
    except IndexError:
        raise Unreadable("the slice runs past the matrix") from None
    if out.ndim < 2:
        out = out.reshape(1, -1) if isinstance(parts[0], int) else out.reshape(-1, 1)
    if out.size == 0:
        raise Unreadable("the slice is empty")
    return out

