r"""One example's vectors written as columns beside a batch judged in rows (Shreyansh Singh's softmax backward: "for
one row" z, s, p, y ∈ R^K, ``L = -y^\top z + \operatorname{LSE}(z)``, ``g_z = p \odot (g_p - p^\top g_p)``,
``\mathbf{1}^\top g_a``, "the usual column-vector backpropagation rule g_x = J^T g_y", while the batch Z, S, P, Y is
B × K).

Such a claim read with the batch's rows fails by its shapes alone (``y^\top z`` is K × K there, not the number the
answer adds to LSE): the shapes fit one example's vectors only, which is evidence the batch's reading is wrong, not the
claim. It is read for one example (``Judge._sample_check``, where a vector's orientation follows its products):

- in an answer that defines its loss for one example (``L = -\sum_j y_j \log p_j``, ``judge._EXAMPLE_COST``) the
  claims in its one-example letters are about one example: that reading's verdict is the claim's (right or wrong by
  its values; wrong by its shapes there too: unchecked);
- otherwise which of the two the claim means is not said: ``unchecked`` with the reason (as purepisces' lowercase x).

A claim written in the batch's capitals (Z, P, Y, G_Z) or naming samples is the batch's and keeps its verdict.
"""

from __future__ import annotations

import math
import re

import numpy as np

#: one example's vector transposed: y^\top, {\hat{\mathbf{y}}}^{\top}, p_i^T, \mathbf{1}^\top — the mark of an inner or
#: outer product of columns (not a weight's transpose, w^T a: a layout of W, which orientation.py reads)
_TRANSPOSED = re.compile(r"(?<![A-Za-z\\])(?:\\(?:mathbf|boldsymbol|bm|hat|vec)\s*\{\s*)*(?:[a-vx-z]|1)"
                         r"(?:\s*_\s*(?:\{[^{}]{0,12}\}|\w))?[\s}]*\^\s*\{?\s*"
                         r"(?:\\top|\\intercal|\\mathsf\s*\{\s*T\s*\}|T(?![A-Za-z]))")
#: the batch's letters: a capital quantity (not an objective J, L, C, E), the word batch, a sample script (i), a sum
#: over samples' 1/N
_BATCH = re.compile(r"(?<![A-Za-z\\])(?:[ABDF-IKM-Z](?![A-Za-z])|batch)|\^\s*\{?\s*\(\s*[inm]\s*\)"
                    r"|\\frac\s*\{\s*1\s*\}\s*\{\s*[nmNB]\s*\}")
#: the judge's reasons for leaving a claim unread that its batch's shapes alone give: diag of a matrix (the batch's
#: rows, where the answer means one example's vector), a product of two batches where the claim gives one number
BATCH_SHAPED = re.compile(r"a diagonal matrix of a matrix|is a vector of \d+ entries here but the claim gives one number")
#: a claim written in a batch's letters: a capital quantity (Z, P, Y, X, A, H, S, G …; not an objective J, L, C, E) or
#: the word batch (L_{\text{batch}})
BATCH_WRITTEN = re.compile(r"(?<![A-Za-z\\])(?:[ABDF-IKM-Z](?![A-Za-z])|batch)")
#: the note on a claim so read
NOTE = ("one example's vectors as columns (a transposed vector in an inner product): its shapes fit one example, not "
        "the batch's rows; read for one example, as the answer's per-example loss says")


def candidate(latex: str, message: str) -> bool:
    """Whether a claim that failed by its shapes in the batch is written in one example's column vectors: a
    transpose in the claim or in what its own symbols stand for (the message's expression), and no letter of the
    batch in the claim."""
    return bool(_TRANSPOSED.search(latex) or _TRANSPOSED.search(message)) and not _BATCH.search(latex)


def by_shape(result) -> bool:
    """Whether a verdict of the one-example reading is by shapes (a product that does not conform, a result of another
    size) rather than by values: a number against a 1 × 1 array is the same value."""
    c = result.counterexample or {}
    if "shape_error" in c:
        return True
    if "expected_shape" in c:
        return math.prod(c["expected_shape"]) != math.prod(c.get("claimed_shape", ()))
    return False


def unchecked_message(batch: int) -> str:
    """The reason a claim in one example's columns is not judged when the answer does not say it is about one
    example."""
    return (f"not judged: its shapes fit one example's vectors as columns (a transposed vector in an inner product), "
            f"not the batch of {batch} in rows the document is judged with; which of the two the claim is about is not "
            "said (define the loss for one example, or write the batch's capitals)")


def per_example(name: str, v: np.ndarray, axis: int) -> np.ndarray:
    """log Σ exp, log softmax or the sum over one example's entries (axis: the entries' axis of a batch; a vector's
    own axis when it is one example), the sums kept as a column or row beside the batch."""
    if v.ndim == 2 and 1 in v.shape:
        axis = 0 if v.shape[1] == 1 else 1
    elif v.ndim < 2:
        axis = 0
    if name == "rowsum":
        return np.sum(v, axis=axis, keepdims=v.ndim == 2)
    top = np.max(v, axis=axis, keepdims=True)
    lse = np.log(np.sum(np.exp(v - top), axis=axis, keepdims=True)) + top
    if name == "logsoftmax":
        return v - lse
    return lse if v.ndim == 2 else lse.reshape(())


def batch_of_one_example_loss(claims, results, written_mean, cost_definition) -> None:
    """Under a cost letter defined for one example, a claim in the batch's capitals wrong by the batch's 1/N alone
    (Shreyansh's G_Z = P − Y "with whatever scaling the loss reduction adds"): the answer's letter is one example's
    loss, and over the batch it is a sum or a mean as the reduction says, which the claim does not (a claim naming the
    batch's own objective, L_{batch}, keeps its verdict)."""
    latex = {c.id: c.latex for c in claims}
    for r in results:
        text = latex.get(r.id, "")
        if cost_definition(text):
            continue  # (the cost's own definition, CMU's planted L = -Σ_i Y_i · log A_{2,i}: its verdict stands)
        if (r.verdict == "incorrect" and r.diagnosis_key in ("missing_1_over_N", "extra_1_over_N")
                and BATCH_WRITTEN.search(text) and "batch" not in text and not written_mean.search(text)):
            r.verdict, r.expected, r.counterexample = "unchecked", "", None
            r.message = (f"not judged: {r.message}, but the answer defines its loss for one example, and over the batch "
                         "that loss is a sum or a mean as its reduction says, which the claim does not")
