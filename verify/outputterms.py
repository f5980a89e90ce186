r"""Chain-rule identities in one output's terms of the objective, ``E = E_1 + E_2 + E_3`` (issue 10, fifteenth round).

cjhjhj's Korean notes differentiate ``E = E_1 + E_2 + E_3``, each ``E_i`` the error of softmax output i, written in his
own form (a cross-entropy per output, which the spec's loss is not): ``\frac{\partial E}{\partial O_{out_1}} =
\frac{\partial E_1}{\partial O_{out_1}}``, ``\frac{\partial E_1}{\partial h2_{out_1}} = \frac{\partial E_1}{\partial
O_{out_1}} \cdot \frac{\partial O_{out_1}}{\partial O_{in_1}} \cdot \frac{\partial O_{in_1}}{\partial h2_{out_1}}``
(one path only: wrong, the softmax couples every output to every net input). Under units named by in/out
(inoutnames.py) an indexed objective is such a term and is not read (parser option ``objective_terms``): its form is
the answer's. A claim written only with partial derivatives (every side a product or sum of them, or a matrix of
them, ``ownobjective.chain_identity``) does not need the form: it holds for every objective made of one term per
output, each a function of that output alone, or fails for almost every one. Such a claim is judged on a network with
the same layers and the squared error (½ Σ_i (ŷ_i − y_i)²: each term depends on its output, with a derivative that
vanishes nowhere on a random point), its ``E_i`` read as Mazur's ``E_{oi}`` (that loss's term of output i); a claim
with a closed form (``-\frac{y_1}{O_{out_1}} + …``) stays unread. The report says so beside the verdict.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .ownobjective import chain_identity

#: the parser's reason for an indexed objective under the in/out names (parser.loss_symbol, parser.primary)
TERMS_UNREAD = "one output's term of the answer's own objective"
#: an objective's letter with one output's number: E_1, E_{2}, L_3
_TERM = re.compile(r"(?<![A-Za-z\\])([ELJC])\s*_\s*(?:\{\s*(\d)\s*\}|(\d))")
NOTE = ("read with {letter}_i any function of output i alone (judged with the squared error's terms): a chain-rule "
        "identity holds for every such objective or for almost none")


def _generic_judge(judge):
    """The judge of the same network, batch and notation with the squared error (None if it cannot be made)."""
    from gradproof.derive import losses

    from .otherobjective import judge_like

    net = judge.net
    try:
        other = net if net.loss.name == "squared_error" else replace(
            net, loss=losses.for_outputs(losses.LOSSES["squared_error"], net.sizes[-1]))
    except (ValueError, ArithmeticError, TypeError, KeyError, IndexError):
        return None
    return judge_like(judge, other)


def judge_term_identities(judge, claims, results) -> None:
    """Claims left unread for an indexed objective that are chain-rule identities: judged on the generic objective."""
    if dict(judge.notation.options).get("objective_terms") is None:
        return
    other = None
    for c, r in zip(claims, results, strict=True):
        if r.verdict != "unchecked" or not (TERMS_UNREAD in r.message or _TERM.search(c.latex)) or not chain_identity(
                c.latex):
            continue  # (a term inside a sum differentiated whole, \partial{(E_1 + E_2 + E_3)}, fails before the term)
        letters = {m.group(1) for m in _TERM.finditer(c.latex)}
        if len(letters) != 1:
            continue
        if other is None:
            other = _generic_judge(judge) or False
        if other is False:
            return
        text = _TERM.sub(lambda m: f"{m.group(1)}_{{o{m.group(2) or m.group(3)}}}", c.latex)
        found = other.check(replace(c, latex=text))
        if found.verdict not in ("correct", "incorrect"):
            continue
        r.verdict, r.expected, r.diagnosis, r.diagnosis_key = found.verdict, found.expected, None, None
        r.counterexample, r.links = found.counterexample, found.links
        r.message = f"{found.message} ({NOTE.format(letter=letters.pop())})"
