r"""The scalar case an answer writes before its vectors (krasing's notebook: "Let's have y = w · x + b", dy/dw = x,
dL/dx = dL/dy · w, then "the multidimensional case is not so simple" and y = x · W + b on row vectors).

A claim in bare lowercase letters (no layer, no entry, no bold, no capital other than the objective's) that is wrong
with the network's widths but holds when every layer has one unit and the input one feature is, read as a TA reads it,
the answer's one-number illustration — or a vector claim whose order or transpose is wrong, which the scalars cannot
tell apart. Which of the two it is the claim does not say: ``unchecked``, with the reason. A claim wrong at the
scalar widths too keeps its verdict (wrong under both readings).
"""

from __future__ import annotations

import re
from dataclasses import replace

#: a script, a bold or vector font, a capital quantity (not the objective J, L, C, E), a name of several letters or with
#: digits (NumPy's db1 = np.sum(dZ1, axis=0)): not a one-number claim
_NOT_SCALAR = re.compile(r"[\^_]|\\(?:mathbf|boldsymbol|bm|vec|underline|mathbb|sum|odot|circ|operatorname)|"
                         r"(?<![A-Za-z\\])[ABDF-IKM-Z](?![A-Za-z])|\[|\\begin"
                         r"|(?<![\\A-Za-z])[A-Za-z]{2,}|[A-Za-z]\d|\.\s*[A-Za-z]")  # names of code: dZ1, np.sum, axis
#: the judge's options that describe the network it was made for (a judge of the scalar copy sets its own)
_OWN_OPTIONS = ("batch", "sizes", "convention", "activations", "penalised", "chosen_batch")
#: the note on a claim wrong under both readings (its verdict and message are the scalars')
SCALAR_TOO = ("written in bare lowercase letters: wrong with the network's widths and also when every quantity is one "
              "number (the scalar case); the message is the scalar case's")
#: the reason given
MESSAGE = ("not judged: with the network's widths it does not hold, but written in bare lowercase letters it holds when "
           "every quantity is one number (a scalar case, one input and one output); which of the two the claim is "
           "about is not said (write the vectors in bold or with their layer)")


def scalar_style(latex: str) -> bool:
    """Whether the claim is written in bare letters only: y = w \\cdot x + b, \\frac{dL}{dw} = \\frac{dL}{dy} x."""
    return not _NOT_SCALAR.search(latex)


def scalar_network(net):
    """The network with one unit in every layer and one input, or None (layer kinds, a vector activation)."""
    if net.has_kinds or any(layer.vector for layer in net.layers) or net.inputs < 1:
        return None
    return replace(net, inputs=1, layers=tuple(replace(layer, units=1, n_in=1) for layer in net.layers))


def scalar_judge(judge):
    """A judge of the network with one unit in every layer and one input (None when the network has layer kinds or a
    vector activation such as softmax, whose one-unit copy means nothing)."""
    from gradproof.derive.derivation import derive

    from .judge import Judge

    copy = scalar_network(judge.net)
    if copy is None:
        return None
    options = tuple(o for o in judge.notation.options if o[0] not in _OWN_OPTIONS)
    try:
        return Judge(derive(copy, check=False), batch=1, notation=replace(judge.notation, options=options),
                     seed=judge._seed)
    except (ValueError, ArithmeticError):
        return None
