"""The scalar symbols every derived expression is written in, and the sigmoid function."""

from __future__ import annotations

import sympy as sp

#: the variable of an activation definition, as a user writes it: phi(x)
X = sp.Symbol("x", real=True)
#: elementwise quantities of one layer: pre-activation z, activation h
Z = sp.Symbol("z", real=True)
H = sp.Symbol("h", real=True)
#: network output and target, one component
YHAT = sp.Symbol("yhat", real=True)
Y = sp.Symbol("y", real=True)



class Parameter(sp.Symbol):
    """A parameter of a user's activation formula (``beta`` in ``x*tanh(softplus(beta*x))/beta``).

    Its own class, so it never equals an internal symbol of the same name: SymPy compares symbols by class, name
    and assumptions, and ``Symbol("z", real=True)`` is the layer's pre-activation. A parameter named ``z``, ``h``,
    ``y``, ``yhat``, ``N`` or ``w`` therefore stays itself through ``subs(X, Z)``, the loss and the optimizer.
    Printers see a Symbol (the same name); values are substituted before any expression is compiled. In LaTeX a
    parameter whose name is also a letter of the proof's quantities (``z``, ``h``, ``y`` …) is set upright,
    ``\\mathrm{h}``, so ``h^{(1)} = \\tanh(\\mathrm{h}\\, z^{(1)})`` cannot be misread.
    """

    def _latex(self, printer) -> str:
        if self.name in QUANTITY_LETTERS:
            return r"\mathrm{" + self.name.replace("_", r"\_") + "}"
        return printer._deal_with_super_sub(self.name)  # how SymPy prints a Symbol: beta -> \beta, a_1 -> a_{1}


#: names the proof uses for quantities; a parameter with one of them is printed upright
QUANTITY_LETTERS = frozenset({"x", "z", "h", "y", "yhat", "W", "w", "b", "N", "J", "L", "l", "n", "g", "t", "theta", "delta",
                              "lambda", "S", "v", "m", "G", "u", "D", "vmax", "Delta", "mhat", "vhat", "E", "a", "o"})


_u = sp.Symbol("u", real=True)
_s = sp.Symbol("s", positive=True)


def _sigmoid_derivative():
    """d/du 1/(1 + e^{-u}), derived by SymPy and written with s = sigma(u) (e^{-u} = (1 - s)/s)."""
    d = sp.diff(1 / (1 + sp.exp(-_u)), _u)
    in_s = sp.factor(sp.cancel(d.subs(sp.exp(-_u), (1 - _s) / _s)))
    # the rewrite is an identity: check it at a few points before trusting it
    for value in (-3, -0.5, 0.7, 2.5):
        s_val = 1 / (1 + sp.exp(-value))
        assert abs(sp.N(d.subs(_u, value) - in_s.subs(_s, s_val))) < 1e-12
    return in_s


class sigmoid(sp.Function):
    """The logistic function 1/(1 + e^{-x}); its derivative is derived from that definition."""

    is_real = True
    _derivative = None

    def fdiff(self, argindex=1):
        if sigmoid._derivative is None:
            sigmoid._derivative = _sigmoid_derivative()
        return tidy_sign(sigmoid._derivative.subs(_s, self))

    def _eval_rewrite_as_exp(self, arg, **kwargs):
        return 1 / (1 + sp.exp(-arg))

    def _eval_evalf(self, prec):
        arg = self.args[0]
        if arg.is_number:
            return (1 / (1 + sp.exp(-arg)))._eval_evalf(prec)
        return None


def tidy_sign(expr: sp.Expr) -> sp.Expr:
    """Write ``-a*(b - 1)`` as ``a*(1 - b)``: the same value, the way a textbook prints it."""

    def fix(m):
        if not isinstance(m, sp.Mul) or not m.could_extract_minus_sign():
            return m
        for k, f in enumerate(m.args):
            if isinstance(f, sp.Add) and f.could_extract_minus_sign() is False and (-f).is_Add:
                rest = list(m.args)
                rest[k] = sp.Add(*[-a for a in f.args], evaluate=False)
                return sp.Mul(*[-r if r.is_Number else r for r in rest])
        return m

    return expr.replace(lambda e: isinstance(e, sp.Mul), fix)
