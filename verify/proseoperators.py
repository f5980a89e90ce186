r"""An operator symbol the document's prose defines as the componentwise product (issue 10, fifteenth round): Epp's
``\vc\Delta^\ell = [(W^{\ell+1})^T \vc\Delta^{\ell+1}] \circledcirc g'(\vc z^\ell)`` "where the symbol $\circledcirc$
means componentwise multiplication". Such a symbol (one gradproof does not read by itself: ``\circledcirc``,
``\circledast``, ``\boxdot``, ``\bullet``, ``\star``, ``\diamond``; ``*`` and ``\ast`` said element-wise are
document.star_elementwise's) is read as ``\odot`` in every claim of that
document, and each claim is shown as written. A symbol gradproof reads (``\circ``, ``\otimes``, ``\cdot``) keeps its
reading: the prose does not redefine it. One regular expression over the text, anchored at the macro's backslash
(no white space before it: a run of spaces is not rescanned from each of its positions), one substitution per claim."""

from __future__ import annotations

import re

from .normalize import squeeze_space
from .rewriting import Rewriting

#: the operator symbols a definition in the prose may name; gradproof reads none of them by itself
SYMBOLS = ("circledcirc", "circledast", "boxdot", "bullet", "star", "diamond", "bigodot")  # (\bigodot: TeX's n-ary ⊙)
#: "the symbol $\circledcirc$ means componentwise multiplication", "$\boxdot$ denotes the element-wise product",
#: "\circledast is the Hadamard product"
_DEFINED = re.compile(r"\\(" + "|".join(SYMBOLS) + r")(?![A-Za-z])\s*(?:\$\s*)?(?:means|denotes|is|stands\s+for|"
                      r"represents|for)\s+(?:the\s+|an?\s+)?(?:component-?\s?wise|element-?\s?wise|entry-?\s?wise|"
                      r"point-?\s?wise|Hadamard|Schur)\s+(?:multiplication|product)"
                      # zxRobot's Chinese "$\bigodot$表示矩阵逐元素相乘" (denotes the matrices' elementwise product)
                      r"|\\(" + "|".join(SYMBOLS) + r")(?![A-Za-z])\s*(?:\$\s*)?(?:表示|是|为|代表)\s*(?:矩阵|向量)?\s*"
                      r"(?:逐元素|按元素|对应元素|逐项)\s*(?:相乘|乘积|乘法|的乘积)|\\(" + "|".join(SYMBOLS) +
                      r")(?![A-Za-z])\s*(?:\$\s*)?(?:表示|是|为|代表)\s*(?:Hadamard|哈达玛)\s*积", re.I)
#: how much of a document is searched for such definitions
MAX_TEXT = 2_000_000


def stated_products(text: str) -> tuple[str, ...]:
    """The operator macros (without the backslash) the prose defines as the componentwise product, in order."""
    found: list[str] = []
    for m in _DEFINED.finditer(squeeze_space(text[:MAX_TEXT])):  # (white-space runs squeezed: the pattern's ``\s*``
        # around an optional word backtracked quadratically on a run — "\bigodot 是" and 10⁵ spaces took 90 s)
        symbol = m.group(1) or m.group(2) or m.group(3)
        if symbol not in found:
            found.append(symbol)
    return tuple(found)


class ProseProduct(Rewriting):
    """Every claim with the symbols the prose defines as the componentwise product written as ``\\odot``."""

    max_length = None

    def __init__(self, symbols: tuple[str, ...]):
        self.symbols = symbols
        self.originals: dict[str, str] = {}
        self._pattern = re.compile(r"\\(?:" + "|".join(symbols) + r")(?![A-Za-z])")
        self.change = ", ".join(f"\\{s}" for s in symbols) + " the componentwise product ⊙ (the answer's prose says so)"

    def rewrite(self, text: str) -> str:
        return self._pattern.sub(r" \\odot ", text)
