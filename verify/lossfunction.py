r"""The answer's loss written as a function of one example (Ng's ``L(\hat y, y) = -(y \log \hat y + (1 - y) \log(1 - \hat
y))`` beside ``J(w, b) = \frac{1}{m} \sum_{i=1}^{m} L(\hat y^{(i)}, y^{(i)})``): the cost applies the letter to each
example's ŷ⁽ⁱ⁾, y⁽ⁱ⁾, so the letter's own definition, in plain y and ŷ, is about one example: its y log ŷ is a product of
two numbers, not of the batch's rows (``Judge._one_example_loss`` judges it with one example).

A derivative of that letter written without the batch (``\frac{\partial L}{\partial w} = (a - y) x``, no 1/m, no sum, no
capital X) is one example's too (``differentiates_one_example``).

String scans and linear regular expressions only; each claim is read once.
"""

from __future__ import annotations

import re

#: said beside the verdict of such a claim
NOTE = ("the answer's cost applies its loss letter to each example (L(ŷ⁽ⁱ⁾, y⁽ⁱ⁾)): the letter's definition in plain "
        "y, ŷ is read for one example")
#: said beside the verdict of a derivative so read
DERIVATIVE_NOTE = ("the answer's cost applies its loss letter to each example (L(ŷ⁽ⁱ⁾, y⁽ⁱ⁾)): a derivative of that letter "
                   "written without the batch is read for one example")
#: the loss letters a cost applies to an example
_LETTERS = ("L", "\\mathcal{L}", "\\mathcal L", "\\ell")
#: one plain argument: y, \hat{y}, \hat y, \mathbf{y}, \hat{\mathbf{y}} (a letter, no script)
_PLAIN_ARG = re.compile(r"(?:\\(?:hat|mathbf|boldsymbol|bm)\s*\{?\s*)*[a-z]\s*\}*")
#: a sample's script on an argument: y^{(i)}, \hat y^{(n)}
_SAMPLE_SCRIPT = re.compile(r"\^\s*\{?\s*\(\s*[a-z]\s*\)")
#: how far a call's arguments are looked for
_ARGS_MAX = 120


def _calls(latex: str, letter: str) -> list[str]:
    """The argument texts of every ``letter( … )`` in ``latex`` (parentheses balanced, at most _ARGS_MAX characters).
    The parentheses are paired once, by one scan (a search from every ``L(`` of ``L(L(L(…`` read each call's
    _ARGS_MAX characters again)."""
    out, start, close = [], 0, None
    while (at := latex.find(letter, start)) >= 0:
        start = at + len(letter)
        before = latex[at - 1] if at else " "
        if letter[0] != "\\" and (before.isalpha() or before == "\\"):
            continue  # (\Lambda, LL: not the letter)
        j = start
        while j < len(latex) and latex[j] == " ":
            j += 1
        if j >= len(latex) or latex[j] != "(":
            continue
        if close is None:
            close = _pairs(latex)
        k = close.get(j)
        if k is not None and k - j <= _ARGS_MAX:
            out.append(latex[j + 1:k])
    return out


def _pairs(latex: str) -> dict[int, int]:
    """Each ``(`` of ``latex`` -> its ``)`` (one pass with a stack; an unmatched ``)`` pairs nothing)."""
    close, stack = {}, []
    for m in _PAREN.finditer(latex):
        if m.group() == "(":
            stack.append(m.start())
        elif stack:
            close[stack.pop()] = m.start()
    return close


_PAREN = re.compile(r"[()]")


def applied_to_examples(document: list[str]) -> frozenset:
    """The loss letters some equation of ``document`` applies to each example's arguments inside a sum
    (``\\sum_i L(\\hat y^{(i)}, y^{(i)})``): one pass over the document, made once per answer."""
    return frozenset(letter for letter in _LETTERS for other in document
                     if "\\sum" in other and any(_SAMPLE_SCRIPT.search(a) for a in _calls(other, letter)))


def loss_of_one_example(latex: str, applied: frozenset) -> bool:
    """Whether ``latex`` defines a loss letter applied to plain arguments (``L(\\hat{y}, y) = …``) that the document
    applies to each example elsewhere (``applied``: ``applied_to_examples``)."""
    head = latex.split("=", 1)[0].strip()
    for letter in _LETTERS:
        if not head.startswith(letter):
            continue
        args = _calls(head, letter)
        if len(args) != 1 or not head.endswith(")"):
            return False
        return letter in applied and all(_PLAIN_ARG.fullmatch(a.strip()) for a in args[0].split(","))
    return False


#: the head of a derivative of a loss letter: \frac{\partial L}{…}, \frac{dL}{…}, \partial L / …, \nabla_{…} L
_DERIVATIVE_HEAD = re.compile(r"\s*(?:\\[dt]?frac\s*\{\s*(?:\\partial|d)\s*(?P<a>\\mathcal\s*\{?\s*L\s*\}?|\\ell|L)\s*\}"
                              r"|\\partial\s*(?P<b>\\mathcal\s*\{?\s*L\s*\}?|\\ell|L)\s*/"
                              r"|\\nabla\s*_\s*(?:\{[^{}=]{1,40}\}|\\?\w+)\s*(?P<c>\\mathcal\s*\{?\s*L\s*\}?|\\ell|L)(?![A-Za-z(]))")
#: what ties a claim to the batch: a 1/m, a sum, a capital of the batch (X, A_1, Z^{[1]}), an np.sum
_BATCH_WRITTEN = re.compile(r"\\sum|\\[dt]?frac\s*\{?\s*1\s*\}?\s*\{?\s*[mnNM]|np\.|(?<![A-Za-z\\])(?:[XYZA]|dZ|dA)"
                            r"(?![a-z])")


def differentiates_one_example(latex: str, applied: frozenset) -> bool:
    """Whether ``latex`` is a derivative of a loss letter the document applies to each example (``applied``:
    ``applied_to_examples``; John Philipp's ``\\frac{\\partial L}{\\partial \\bm w_2} = (a_2 - y) \\bm a_1`` after ``J =
    \\frac{1}{m} \\sum_i L(a_2^{(i)}, y^{(i)})``), written without anything of the batch (no 1/m, no sum, no capital
    X, A, Z): the letter is one example's loss, so the claim is about one example, as Ng's ``dz = a - y`` is."""
    m = _DERIVATIVE_HEAD.match(latex)
    if m is None:
        return False
    letter = re.sub(r"\s+|[{}]", "", m.group("a") or m.group("b") or m.group("c"))
    letter = "\\mathcal{L}" if letter == "\\mathcalL" else letter
    return (letter in applied or letter == "\\mathcal{L}" and "\\mathcal L" in applied) and not _BATCH_WRITTEN.search(latex)
