r"""One sample's formulas in a document judged with a batch the tool chose (Jihwan Jeong's post: a single-input
section in lowercase ``u^l = h^{l-1} W^l + b^l``, ``δ^l``, then a mini-batch section in capitals ``U^l = H^{l-1} W^l +
1 b^l``; the 1/n of the mini-batch section makes the tool judge the whole document with a batch).

A claim written in the lowercase letters only, beside a document that writes its batch in capitals, is about one
sample, as a TA reads it: when the batch alone fails it (the claim gives a sample axis the derived quantity has not —
``∂E/∂b^L = ∂E/∂h^L ⊙ φ'(u^L)`` is 1 × m for one sample and n × m for the batch — or an index counts the samples), it
is read for one example (``Judge._for_one_example``).

Ng's deep-learning shorthand writes the same split with the layer as a plain digit after the letter (zz0808's notes:
``dz2 = a2 - y``, ``dW2 = dz2 \cdot a1^T``, ``db2 = dz2`` for one example, then ``dZ2 = A2 - Y``, ``dW2 = \frac{1}{m}
dZ2 \cdot A1^T`` for the batch as columns): the d-prefixed letters are the same letters. Failing by the batch alone is
then also a 1/N the batch's mean has and one example's gradient has not (``missing factor 1/N (N = m)``, or the
claim's link read on the mean with one too many), a column per example where the derived quantity has one
(``expected 4×1, the claim gives 4×m``, ``expected -0.17, the claim gives 1×m``).
"""

from __future__ import annotations

import re

#: a batch written in capitals: U^l, H^{l-1}, Z^{[2]}, A_1, X (a matrix of samples as the answer's own letters)
_BATCH_CAPITAL = re.compile(r"(?<![A-Za-z\\])d?(?:[UHZA](?:\s*[\^_]|\d)|X(?![A-Za-z]))")
#: one sample's quantity, a letter the batch writes as a capital: u^l, h^{l-1}, z_j, a^{[1]}, x^\top (not δ: Jihwan writes δ^L
#: for one sample and for the batch alike, so ∂E/∂b^L = δ^L in the mini-batch section is the batch's claim)
_SAMPLE_LOWER = re.compile(r"(?<![A-Za-z\\])d?[uhzax](?:\s*[\^_]|\d)")
#: what ties a claim to the batch: its size (m, n, N, as in \frac{1}{m}) or NumPy's np.sum over an axis (not a \sum:
#: Jihwan's \sum_d \delta_d^{l+1} W_{jd}^{l+1} sums a layer's units)
_BATCH_MARK = re.compile(r"np\.sum|(?<![A-Za-z\\])[mnN](?![A-Za-z])")
#: the judge's messages of a claim that fails by the batch's sample axis alone
_BY_SAMPLES = re.compile(r"expected 1×(\d+), the claim gives (\d+)×\1|counts both (\d+) entries and (\d+) entries|"
                         r"(?:missing|an extra) factor 1/N \(N = (\d+)\)|expected (\d+)×1, the claim gives \6×(\d+)|"
                         r"expected -?[\d.]+(?:e-?\d+)?, the claim gives 1×(\d+)")
#: the judge's message of a claim it reads for one sample only (a derivative of an expression, ∂g(z2)/∂z2)
_ONE_SAMPLE_ONLY = re.compile(r"is read for one sample \(batch = 1\)")
#: the note on a claim so read
NOTE = ("written in one sample's letters (lowercase) beside the document's batch in capitals: read for one example, "
        "as its section means it")


def sample_section(claims) -> bool:
    """Whether the document writes a batch in capitals and one sample's formulas in lowercase letters."""
    return (any(_BATCH_CAPITAL.search(c.latex) for c in claims)
            and any(one_sample_claim(c.latex) for c in claims))


def one_sample_claim(latex: str) -> bool:
    """A claim in one sample's lowercase letters, with no capital of the batch and no mark of the batch (its size m, n,
    N or a sum: ``db2 = \frac{1}{m} dz2`` is no example's gradient, and read for one example its m would be 1)."""
    return bool(_SAMPLE_LOWER.search(latex)) and not _BATCH_CAPITAL.search(latex) and not _BATCH_MARK.search(latex)


def by_the_batch(message: str, batch: int, verdict: str = "incorrect") -> bool:
    """Whether the judge's message says the claim fails by the batch's samples alone (``incorrect``), or is not read
    for the batch because the tool reads it for one sample only (``unchecked``)."""
    if verdict == "unchecked":
        return bool(_ONE_SAMPLE_ONLY.search(message))
    m = _BY_SAMPLES.search(message)
    if m is None:
        return False
    if m.group(2) is not None:
        return int(m.group(2)) == batch
    if m.group(3) is not None:
        return batch in (int(m.group(3)), int(m.group(4)))
    return int(m.group(5) or m.group(7) or m.group(8)) == batch
