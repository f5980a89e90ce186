r"""A letter the answer defines itself in a form that does not read (Shreyansh's ``a = \operatorname{logsoftmax}(z)``,
then ``g_a = \partial L / \partial a``, ``g_a = -y``): the convention's meaning of the letter (a, the activation) is
not the answer's, and nothing tells which it is, so no claim using the letter gets a verdict by the convention: each
is ``unchecked``, naming the definition. Claims that do not use the letter keep theirs.

The same for a generic function letter the answer applies to its output to name its objective (krasing's
``L = f(y) = f(y(x))``, then ``\frac{d f(y)}{dy}``): f is the loss there, not the layer's activation f a convention
reads; the claims applying f are ``unchecked``, naming the definition.

A bare letter defined as a quantity no layer computes (``a = \operatorname{logsoftmax}(z)``) is the answer's own the
same way: its definition and the claims using it are ``unchecked``.

Only a bare letter (no layer script) whose definition fails on a name the reader does not know (an unknown symbol or
function), not one that fails on its layout or indices: such a definition states the letter's own meaning in words
the reader lacks.
"""

from __future__ import annotations

import re

#: a bare letter defined: a = …, \mathbf{a} = … (no script before the =)
_DEFINED = re.compile(r"^\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?([A-Za-z])\s*\}?\s*(?::=|=)")
#: the definition failed on a name the reader does not know (a word: logsoftmax, LSE — not a Greek letter, which names
#: a map of its own: krasing's y = ψ(x), "a transformation ψ")
_UNKNOWN_NAME = re.compile(r"could not read the claim: unknown symbol '\\?(?!(?:var[a-z]+|digamma|alpha|beta|gamma|delta|epsilon|"
                           r"varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|pi|rho|sigma|tau|upsilon|phi|"
                           r"varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Pi|Sigma|Upsilon|Phi|Psi|Omega)')"
                           r"[A-Za-z]{2,}'")


#: the objective named as a generic function of the output: L = f(y), J = g(\hat y), E = h(a)
_OBJECTIVE_MAP = re.compile(r"^\s*(?:[LJCE]|\\ell|\\mathcal\s*\{\s*[LJ]\s*\})\s*=\s*([fgh])\s*\(\s*(?:\\hat\s*\{?\s*)?"
                            r"[a-z]\s*\}?\s*\)")


#: a right side that is a quantity no layer computes: log-softmax, log-sum-exp, a row sum of something
_OWN_QUANTITY = re.compile(r"\s*\\(?:operatorname\s*\{\s*)?(?:logsoftmax|LSE|lse|logsumexp|rowsum)(?![A-Za-z])")
#: the objective's letters: a restatement of the objective (L = -y^T z + LSE(z)) is about the objective, whose
#: scale and reading other passes settle (unreadcost.py)
_OBJECTIVES = frozenset("LJCE")


def _uses(letter: str) -> re.Pattern:
    return re.compile(r"(?<![A-Za-z\\])" + letter + r"(?![A-Za-z])")


def unjudge(claims, results) -> None:
    """Claims using a bare letter whose first definition does not read (before it too: "L = -Σ y_j a_j with
    a = logsoftmax(z)"), or applying the objective's function letter: ``unchecked``, naming the definition."""
    by_id = {r.id: r for r in results}
    unread: dict[str, str] = {}  # letter (or "f(" for a loss function letter) -> the id of its definition
    read: set[str] = set()  # letters whose first definition reads
    for c in claims:
        r = by_id.get(c.id)
        if r is None:
            continue
        m = _OBJECTIVE_MAP.match(c.latex)
        if m:
            unread.setdefault(m.group(1) + "(", c.id)
            if r.verdict in ("correct", "incorrect", "carried_forward"):  # L = f(y) = f(y(x)): it names f, no value
                r.verdict, r.expected, r.counterexample = "unchecked", "", None
                r.message = (f"names the objective's function {m.group(1)} of the output (a definition is not graded); "
                             f"the claims applying {m.group(1)} are not read with the layer's activation")
        m = _DEFINED.match(c.latex)
        if m and m.group(1) not in _OBJECTIVES and m.group(1) not in read and m.group(1) not in unread:
            if r.verdict == "unchecked" and _UNKNOWN_NAME.search(r.message):
                unread[m.group(1)] = c.id
            elif _OWN_QUANTITY.match(c.latex[m.end():]):
                unread[m.group(1)] = c.id  # a = logsoftmax(z): the log-probabilities, not the activation a
                if r.verdict != "unchecked":
                    r.verdict, r.expected, r.counterexample = "unchecked", "", None
                    r.message = (f"defines {m.group(1)} as a quantity of its own (not the one the convention reads for "
                                 f"{m.group(1)}); a definition is not graded, and the claims that use {m.group(1)} are "
                                 "not judged on the convention")
            else:
                read.add(m.group(1))  # (a letter defined in a form that reads first: a later restatement is no meaning)
    if not unread:
        return
    for c in claims:
        r = by_id.get(c.id)
        if r is None or r.verdict not in ("correct", "incorrect", "carried_forward"):
            continue
        for letter, cid in unread.items():
            if cid == c.id:
                continue
            if letter.endswith("("):  # f applied: the answer's loss function
                if re.search(r"(?<![A-Za-z\\])" + letter[0] + r"\s*\(", c.latex):
                    r.verdict, r.expected, r.counterexample = "unchecked", "", None
                    r.message = (f"not judged: it applies {letter[0]}, which the answer names its objective with "
                                 f"({cid}), so {letter[0]} is its loss function, not the layer's activation; write the "
                                 "objective's letter instead")
                    break
            elif _uses(letter).search(c.latex) or letter.islower() and _uses(letter.upper()).search(c.latex):
                r.verdict, r.expected, r.counterexample = "unchecked", "", None  # (A: the batch's capital of a)
                r.message = (f"not judged: it uses {letter}, the answer's own letter ({cid}: its definition does not "
                             f"read, or names a quantity of its own), so {letter} is not read by the convention; write "
                             f"that definition so it reads, or map {letter} in [notation]")
                break
