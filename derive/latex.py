"""LaTeX printing of derived expressions: bold vectors, layer indices, \\odot for elementwise products."""

from __future__ import annotations

import sympy as sp
from sympy.printing.latex import LatexPrinter
from sympy.printing.precedence import precedence

from .names import SYMBOL_LATEX
from .symbols import sigmoid


class GradproofLatexPrinter(LatexPrinter):
    """SymPy's LaTeX printer, with the notation of a backpropagation course.

    ``names`` maps symbols to LaTeX (e.g. z -> ``\\mathbf{z}^{(2)}``). With ``vector=True`` a product of
    vector-valued factors is printed with ``\\odot`` (elementwise), scalars stay in front.
    """

    def __init__(self, names: dict | None = None, vector: bool = False, **settings):
        settings.setdefault("symbol_names", {**SYMBOL_LATEX, **(names or {})})
        settings.setdefault("mul_symbol", None)
        super().__init__(settings)
        self.vector_symbols = set(names or {}) if vector else set()

    def _is_vector(self, expr) -> bool:
        return bool(self.vector_symbols & expr.free_symbols)

    def _print_Mul(self, expr):
        if not self.vector_symbols:
            return super()._print_Mul(expr)
        coeff, factors = expr.as_coeff_mul()
        vec = [f for f in factors if self._is_vector(f)]
        if len(vec) < 2:
            return super()._print_Mul(expr)
        scal = sp.Mul(*[f for f in factors if not self._is_vector(f)])
        parts = [self.parenthesize(f, 1000 if not isinstance(f, sp.Pow) else 0) if isinstance(f, sp.Add) else self._print(f) for f in vec]
        body = r" \odot ".join(parts)
        sign = "-" if coeff < 0 else ""
        coeff = abs(coeff)
        front = sp.Mul(coeff, scal)
        lead = "" if front == 1 else self._print(front) + " "
        if lead and isinstance(front, sp.Add):
            lead = rf"\left({self._print(front)}\right) "
        return f"{sign}{lead}{body}"

    def _print_Add(self, expr, order=None):
        """Positive terms first: \hat{y} - y, not -y + \hat{y}."""
        terms = sorted(expr.as_ordered_terms(), key=lambda t: t.could_extract_minus_sign())
        out = self._print(terms[0])
        for t in terms[1:]:
            if t.could_extract_minus_sign():
                out += " - " + self.parenthesize(-t, precedence(expr))
            else:
                out += " + " + self.parenthesize(t, precedence(expr))
        return out

    def _print_sigmoid(self, expr, exp=None):
        tex = rf"\sigma\left({self._print(expr.args[0])}\right)"
        return rf"{tex}^{{{exp}}}" if exp else tex

    def _print_Piecewise(self, expr):
        rows = []
        for e, c in expr.args:
            cond = r"\text{otherwise}" if c is sp.true else self._print(c)
            rows.append(f"{self._print(e)} & {cond}")
        return r"\begin{cases} " + r" \\ ".join(rows) + r" \end{cases}"


def latex(expr, names: dict | None = None, vector: bool = False) -> str:
    """Print ``expr`` as LaTeX; see ``GradproofLatexPrinter``."""
    return GradproofLatexPrinter(names, vector).doprint(sp.sympify(expr) if not isinstance(expr, sp.Basic) else expr)


__all__ = ["GradproofLatexPrinter", "latex", "sigmoid"]
