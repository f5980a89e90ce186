"""NumPy source for one SymPy expression, written the way a person writes it (a thin NumPyPrinter subclass).

SymPy's ``NumPyPrinter`` prints ``numpy.select(...)`` for Piecewise, ``(X).dot(W)`` for products and
``z**(-2.0)``; this subclass prints ``np.where(z > 0, 1.0, 0.01)``, ``np.maximum(z, 0)``, ``np.tanh(z)``,
``h * (1 - h)``. Numerically delicate forms are printed stably and never through SymPy's ``optims_numpy``:
``log(1 + exp(u))`` becomes ``_softplus(u)`` (``np.logaddexp(0, u)``), ``exp(u) - 1`` becomes
``np.expm1(u)`` and ``sigmoid`` becomes the module's ``_sigmoid`` helper. Irrational constants such as
``sqrt(2)`` are printed as Python float literals, so they never upcast a float32 array.
"""

from __future__ import annotations

import sympy as sp
from gradproof.derive.symbols import sigmoid
from sympy.printing.numpy import NumPyPrinter
from sympy.printing.precedence import PRECEDENCE, precedence


class softplus(sp.Function):
    """log(1 + e^u), introduced by ``stable_rewrite`` so that it is printed as a stable helper."""

    is_real = True


#: helpers the printed code may call; the module template defines each one it needs
HELPERS = ("_sigmoid", "_softplus", "_erf")


def stable_rewrite(expr: sp.Expr) -> sp.Expr:
    """Rewrite forms that overflow into equal forms that do not (each checked at extreme inputs by the tests).

    - ``log(1 + e^u)`` -> ``softplus(u)``; ``log(sigmoid(u))`` -> ``-softplus(-u)``;
      ``log(1 - sigmoid(u))`` -> ``-softplus(u)``.
    """

    def is_one_plus_exp(a):
        return isinstance(a, sp.Add) and len(a.args) == 2 and sp.S.One in a.args and any(isinstance(t, sp.exp) for t in a.args)

    def fix_log(e):
        a = e.args[0]
        if is_one_plus_exp(a):
            u = next(t for t in a.args if isinstance(t, sp.exp)).args[0]
            return softplus(u)
        if isinstance(a, sigmoid):
            return -softplus(-a.args[0])
        if isinstance(a, sp.Add) and len(a.args) == 2 and sp.S.One in a.args:
            other = next(t for t in a.args if t != sp.S.One)
            if isinstance(-other, sigmoid):
                return -softplus((-other).args[0])
        return e

    return expr.replace(lambda e: isinstance(e, sp.log), fix_log)


class GradproofNumPyPrinter(NumPyPrinter):
    """Prints ``np.``-qualified, readable NumPy code; ``names`` maps symbols to the code's variable names."""

    printmethod = "_gradproof_numpy"

    def __init__(self, names: dict[sp.Symbol, str] | None = None, values: dict[sp.Symbol, float] | None = None, settings=None):
        super().__init__({"fully_qualified_modules": True, "allow_unknown_functions": False, **(settings or {})})
        self.names = dict(names or {})
        # parameters printed as literals but kept as symbols, so SymPy never distributes 1.5*(e^z - 1)
        self.values = dict(values or {})

    def parenthesize(self, item, level, strict=False):
        if isinstance(item, sp.Add) and self._print_Add_expm1(item) is not None:
            return self._print(item)
        if isinstance(item, sp.Symbol) and item in self.values:
            return self._print(item)
        return super().parenthesize(item, level, strict)

    # -- names and numbers ----------------------------------------------------------------------------
    def _module_format(self, fqn, register=True):
        name = super()._module_format(fqn, register)
        return "np." + name[len("numpy."):] if name.startswith("numpy.") else name

    def _print_Symbol(self, expr):
        if expr in self.values:
            value = float(self.values[expr])
            return repr(value) if value >= 0 else f"({value!r})"
        return self.names.get(expr, expr.name)

    def _print_Float(self, expr):
        return repr(float(expr))

    def _print_Integer(self, expr):
        return str(int(expr))

    def _print_Rational(self, expr):
        return f"{expr.p} / {expr.q}"

    def _print_NumberSymbol(self, expr):
        return repr(float(expr))

    _print_Pi = _print_E = _print_Exp1 = _print_NumberSymbol

    # -- arithmetic -----------------------------------------------------------------------------------
    def _print_Add(self, expr, order=None):
        expm1 = self._print_Add_expm1(expr)
        if expm1 is not None:
            return expm1
        terms = list(expr.args)
        # positive terms first, numbers last among them: "h - 1" rather than "-1 + h"
        pos = sorted([t for t in terms if not t.could_extract_minus_sign()], key=lambda t: (t.is_Number, sp.default_sort_key(t)))
        neg = sorted([t for t in terms if t.could_extract_minus_sign()], key=sp.default_sort_key)
        # a lone leading constant reads better first: 1 - h**2
        if len(pos) == 1 and pos[0].is_Number:
            parts = [self._print(pos[0])]
        else:
            parts = [self.parenthesize(t, PRECEDENCE["Add"]) for t in pos]
        out = " + ".join(parts) if parts else ""
        for t in neg:
            text = self.parenthesize(-t, PRECEDENCE["Add"] + (1 if isinstance(-t, sp.Add) else 0))
            out = f"{out} - {text}" if out else f"-{text}"
        return out

    def _print_Mul(self, expr):
        if expr.could_extract_minus_sign():
            inner = -expr
            text = self._print(inner)
            return f"-{text}" if precedence(inner) >= PRECEDENCE["Mul"] else f"-({text})"
        coeff, rest = expr.as_coeff_Mul()
        factors = [f for f in rest.as_ordered_factors()]
        numbers = [f for f in factors if f.is_number]
        if numbers:  # one literal for every constant factor: sqrt(2)/2 * z -> 0.7071067811865476 * z
            coeff = coeff * sp.Mul(*numbers)
            factors = [f for f in factors if not f.is_number]
        if coeff.is_number and not coeff.is_Rational:
            coeff = sp.Float(float(coeff))
        if coeff != 1:
            factors.insert(0, coeff)
        num, den = [], []
        for f in factors:
            if f.is_Pow and f.exp.is_negative and f.exp.is_Rational and not f.is_number:
                den.append(f.base if f.exp == -1 else sp.Pow(f.base, -f.exp, evaluate=False))
            elif f.is_Rational and not f.is_Integer and f.p == 1:
                den.append(sp.Integer(f.q))
            elif f.is_Rational and not f.is_Integer:
                num.append(sp.Integer(f.p))
                den.append(sp.Integer(f.q))
            else:
                num.append(f)
        # numbers first: 0.5 * z, not z * 0.5
        num.sort(key=lambda f: not f.is_number)
        top = " * ".join(self.parenthesize(f, PRECEDENCE["Mul"]) for f in num) if num else "1"
        if not den:
            return top
        bottom = " * ".join(self.parenthesize(f, PRECEDENCE["Mul"]) for f in den)
        if len(den) > 1:
            bottom = f"({bottom})"
        return f"{top} / {bottom}"

    def _print_Add_expm1(self, expr):
        """exp(u) - 1 -> np.expm1(u): exact near 0."""
        if len(expr.args) == 2 and sp.S.NegativeOne in expr.args:
            other = next(t for t in expr.args if t != sp.S.NegativeOne)
            if isinstance(other, sp.exp):
                return f"{self._module_format('numpy.expm1')}({self._print(other.args[0])})"
        return None

    def _print_Pow(self, expr, rational=False):
        if expr.is_number and not expr.is_Rational:
            return repr(float(expr))
        base, e = expr.base, expr.exp
        if e == sp.Rational(1, 2):
            return f"{self._module_format('numpy.sqrt')}({self._print(base)})"
        if e == -sp.Rational(1, 2):
            return f"1 / {self._module_format('numpy.sqrt')}({self._print(base)})"
        if e.is_Integer and e < 0:
            return f"1 / {self.parenthesize(sp.Pow(base, -e, evaluate=False), PRECEDENCE['Mul'])}"
        b = self.parenthesize(base, PRECEDENCE["Pow"], strict=True)
        return f"{b}**{self.parenthesize(e, PRECEDENCE['Pow'], strict=True)}"

    # -- functions ------------------------------------------------------------------------------------
    def _print_sigmoid(self, expr):
        return f"_sigmoid({self._print(expr.args[0])})"

    def _print_softplus(self, expr):
        return f"_softplus({self._print(expr.args[0])})"

    def _print_erf(self, expr):
        return f"_erf({self._print(expr.args[0])})"

    def _print_log(self, expr):
        rewritten = stable_rewrite(expr)
        if rewritten != expr:
            return self._print(rewritten)
        return f"{self._module_format('numpy.log')}({self._print(expr.args[0])})"

    def _print_Abs(self, expr):
        return f"{self._module_format('numpy.abs')}({self._print(expr.args[0])})"

    def _print_sign(self, expr):
        return f"{self._module_format('numpy.sign')}({self._print(expr.args[0])})"

    # -- conditions -----------------------------------------------------------------------------------
    def _print_Relational(self, expr):
        op = {"==": "==", "!=": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">="}[expr.rel_op]
        return f"{self._print(expr.lhs)} {op} {self._print(expr.rhs)}"

    def _print_Piecewise(self, expr):
        """Two branches: ``np.maximum`` for the ReLU family, else ``np.where``; more: nested ``np.where``."""
        pieces = list(expr.args)
        if pieces[-1].cond != sp.true:
            raise ValueError(f"Piecewise without an 'otherwise' branch cannot be printed: {expr}")
        if len(pieces) == 2:
            (a, cond), (b, _) = pieces
            fast = self._relu_like(a, cond, b)
            if fast is not None:
                return fast
        out = self._print_branch(pieces[-1].expr)
        for value, cond in reversed(pieces[:-1]):
            out = f"{self._module_format('numpy.where')}({self._print(cond)}, {self._print_branch(value)}, {out})"
        return out

    def _print_branch(self, value):
        # a constant branch is a float, so that np.where returns floats
        return repr(float(value)) if value.is_number and value.is_Rational else self._print(value)

    def _relu_like(self, a, cond, b):
        """x if x > 0 else c*x with 0 <= c <= 1 is max(x, c*x): one pass, no mask."""
        if not (isinstance(cond, sp.StrictGreaterThan) and cond.rhs == 0 and a == cond.lhs):
            return None
        c = sp.simplify((b / a).subs(self.values)) if a != 0 else None
        if c is None or not c.is_number or not (0 <= float(c) <= 1):
            return None
        mx = self._module_format("numpy.maximum")
        if c == 0:
            return f"{mx}({self._print(a)}, 0)"
        return f"{mx}({self._print(a)}, {self._print(b)})"


def to_code(expr: sp.Expr, names: dict[sp.Symbol, str] | None = None, values: dict[sp.Symbol, float] | None = None) -> str:
    """NumPy source of ``expr``: symbols renamed by ``names``, parameters in ``values`` printed as literals."""
    return GradproofNumPyPrinter(names, values).doprint(stable_rewrite(sp.sympify(expr)))


def helpers_used(code: str) -> list[str]:
    """The module helpers a piece of printed code calls, in the order of ``HELPERS``."""
    return [h for h in HELPERS if h + "(" in code]
