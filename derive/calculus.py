"""Scalar calculus on activation definitions: derivatives by SymPy, rewritten in the layer output h."""

from __future__ import annotations

import functools

import mpmath
import sympy as sp

from . import limits
from .limits import TimeLimitError, time_limit
from .symbols import H, X, sigmoid, tidy_sign

#: sample points for numeric identity checks: both signs, away from kinks at 0
SAMPLE_POINTS = (-3.7, -1.3, -0.45, -0.05, 0.05, 0.3, 0.9, 1.6, 2.9)
#: cheap guards against SymPy blow-ups (measured with count_ops): the built-ins' derivatives have at most
#: ~20 operations; above these sizes ``simplify``/``solve`` can run for minutes, so they are skipped and
#: the plain ``sympy.diff`` result (still correct) is kept
SIMPLIFY_MAX_OPS = 40  # simplify of tanh nested 6 deep (38 ops) takes 1.2 s, 8 deep (59 ops) minutes
SOLVE_MAX_OPS = 30
#: seconds for one simplifier call; past it the simpler candidates are kept (derivatives stay correct)
SIMPLIFY_SECONDS = 3.0
#: function kinds an inverse may introduce (softplus, elu invert through log); erfinv, LambertW, … may not
INVERSE_KINDS = frozenset({sp.log, sp.exp})
#: |argument| above which exp/sinh/cosh count as overflowing in numeric checks: mpmath would otherwise
#: compute e^(e^(e^x)) exactly, with millions of digits (it never finishes)
EXP_MAX_ARG = 1e4


def _bounded(f):
    def g(u):
        if abs(mpmath.re(u)) > EXP_MAX_ARG:
            raise OverflowError("exponential overflow")
        return f(u)
    return g


_MP_MODULES = [{"sigmoid": lambda u: 1 / (1 + _bounded(mpmath.exp)(-u)), "exp": _bounded(mpmath.exp),
                "sinh": _bounded(mpmath.sinh), "cosh": _bounded(mpmath.cosh)}, "mpmath"]


def numeric_values(expr: sp.Expr, var: sp.Symbol, points, params: dict | None = None) -> list[complex]:
    if expr.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        raise ValueError("not finite")  # 1/(2h) at h = 0 in a piece: printers cannot even write it
    # parameters substituted first: a parameter named like a module (mpmath) or the variable never becomes an argument
    f = sp.lambdify([var], expr.subs(params or {}), modules=_MP_MODULES)
    return [complex(f(p)) for p in points]


def max_difference(a: sp.Expr, b: sp.Expr, var: sp.Symbol, params: dict | None = None, points=SAMPLE_POINTS) -> float:
    """Largest |a(p) - b(p)| over the sample points, evaluated with mpmath (inf when either side fails)."""
    try:
        va, vb = numeric_values(a, var, points, params), numeric_values(b, var, points, params)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError, AttributeError, NameError):
        return float("inf")
    return max(abs(p - q) for p, q in zip(va, vb, strict=True))


def ops(expr: sp.Expr) -> int:
    return int(sp.count_ops(expr, visual=False))


#: integer powers above this make polynomial algorithms (cancel, simplify, solve) slow: (x+1)^1023 takes seconds
MAX_POWER = 16
MAX_EXACT = 10**6


def too_big(expr: sp.Expr, max_ops: int) -> bool:
    """True when simplifying or solving ``expr`` risks running for minutes (many operations or a high power)."""
    if ops(expr) > max_ops or any(p.exp.is_Integer and abs(p.exp) > MAX_POWER for p in expr.atoms(sp.Pow)):
        return True
    # exp(10^10 x) is exp(x)^(10^10) to the polynomial algorithms: huge exact numbers are as slow as huge powers
    return any(abs(r.p) > MAX_EXACT or r.q > MAX_EXACT for r in expr.atoms(sp.Rational))


def tidy(expr: sp.Expr) -> sp.Expr:
    """A light clean-up that never changes which functions appear (no tanh -> cosh rewrites).

    Tries cancel/factor/simplify and keeps the shortest candidate that uses no new kind of function.
    """
    if isinstance(expr, sp.Piecewise):
        return sp.Piecewise(*[(tidy(e), c) for e, c in expr.args])
    expr = expr.replace(_has_sign_pair, _sign_to_abs)
    kinds = {type(f) for f in expr.atoms(sp.Function)}
    best = expr
    if too_big(expr, SIMPLIFY_MAX_OPS) or not limits.spare():
        return tidy_sign(best)  # too big to simplify in bounded time, or the run's budget is short: still correct
    for transform in (sp.cancel, sp.factor, sp.simplify):
        try:
            with time_limit(SIMPLIFY_SECONDS, f"sympy.{transform.__name__}"):
                cand = transform(expr)
        except Exception:  # noqa: BLE001 -- SymPy simplifiers raise assorted errors on odd input; TimeLimitError too
            continue
        if {type(f) for f in cand.atoms(sp.Function)} <= kinds and ops(cand) < ops(best):
            best = cand
    return tidy_sign(best)


def _has_sign_pair(m) -> bool:
    return isinstance(m, sp.Mul) and any(isinstance(f, sp.sign) and f.args[0] in m.args for f in m.args)


def _sign_to_abs(m: sp.Mul) -> sp.Expr:
    """u*sign(u) = |u| for real u."""
    for f in m.args:
        if isinstance(f, sp.sign) and f.args[0] in m.args:
            u = f.args[0]
            rest = list(m.args)
            rest.remove(f)
            rest.remove(u)
            return sp.Mul(*rest) * sp.Abs(u)
    return m


def _is_logistic(m) -> bool:
    if not isinstance(m, sp.Mul):
        return False
    exps = [f for f in m.args if isinstance(f, sp.exp)]
    return any(sp.Pow(f + 1, -1) in m.args for f in exps)


def _to_sigmoid(m: sp.Mul) -> sp.Expr:
    """e^u/(e^u + 1) = sigma(u): the same value, and finite where e^u overflows."""
    for f in m.args:
        if isinstance(f, sp.exp) and sp.Pow(f + 1, -1) in m.args:
            rest = list(m.args)
            rest.remove(f)
            rest.remove(sp.Pow(f + 1, -1))
            return sp.Mul(*rest) * sigmoid(f.args[0])
    return m


def _cached_when_spare(f):
    """lru_cache that keeps only results computed with the whole optimisation (``limits.spare()``): a result cut
    short by a run's budget is still correct but plainer, and must not be reused by a later run."""
    cached = functools.lru_cache(maxsize=256)(f)

    @functools.wraps(f)
    def call(*args):
        return cached(*args) if limits.spare() else f(*args)

    call.cache_clear = cached.cache_clear
    return call


@_cached_when_spare
def derivative(definition: sp.Expr) -> sp.Expr:
    """phi'(x) by sympy.diff of the definition, lightly tidied (e^u/(e^u + 1) written as sigma(u))."""
    return tidy(sp.diff(definition, X).replace(_is_logistic, _to_sigmoid))


@_cached_when_spare
def in_terms_of_output(definition: sp.Expr, params_key: tuple) -> sp.Expr | None:
    """Write phi'(x) as a function of h = phi(x) when that is possible, else return None.

    Tried in order: substituting phi(x) -> h (tanh, sigmoid), and inverting h = phi(x) branch by branch
    (softplus, elu). Every candidate is accepted only if it agrees with phi'(x) numerically at sample
    points on both sides of 0 (``params_key`` supplies parameter values for that check).
    """
    params = dict(params_key)
    d = derivative(definition)
    if not d.has(X):
        return None  # constant derivative (identity): nothing to rewrite
    if isinstance(d, sp.Piecewise) and not any(e.has(X) for e, _ in d.args):
        return None  # piecewise constant (relu family): only the sign of z matters, keep it in z
    candidates = []
    direct = d.subs(definition, H)
    if not direct.has(X):
        candidates.append(direct)
    if isinstance(definition, sp.Piecewise) and isinstance(d, sp.Piecewise) and len(d.args) == len(definition.args):
        candidates.append(_invert_piecewise(definition, d))
    elif direct.has(X) is not False or not candidates:
        candidates.append(_invert(definition, d))
    for cand in candidates:
        if cand is None or cand.has(X) or cand.has(sp.I):
            continue
        cand = tidy(cand)
        if max_difference(cand.subs(H, definition), d, X, params) < 1e-9:
            return cand
    return None


def _one_kernel(phi: sp.Expr) -> bool:
    """True when x enters ``phi`` through at most one transcendental kernel and nowhere else (``exp(x)/(1+exp(x))``,
    ``log(1+exp(x))``, a polynomial): only then can ``h = phi(x)`` have an elementary inverse. ``tanh(x) + x/1000``
    or ``x*exp(x)`` mix x with a kernel of x; sympy.solve spends about a second on each to find none (or LambertW)."""
    kernels = {f for f in phi.atoms(sp.Function, sp.Pow) if f.has(X) and not (isinstance(f, sp.Pow) and not f.exp.has(X))
               and not any(g.has(X) for a in f.args for g in a.atoms(sp.Function, sp.Pow) if g != f and
                           not (isinstance(g, sp.Pow) and not g.exp.has(X)))}
    if len(kernels) > 1:
        return False
    return not kernels or not phi.subs(next(iter(kernels)), sp.Dummy()).has(X)


def _invert(phi: sp.Expr, d: sp.Expr) -> sp.Expr | None:
    if too_big(phi, SOLVE_MAX_OPS) or too_big(d, SIMPLIFY_MAX_OPS) or not limits.spare() or not _one_kernel(phi):
        return None  # sp.solve on a big definition can run for minutes (or the run's budget is short); phi' stays in z
    kinds = {type(f) for f in phi.atoms(sp.Function)} | INVERSE_KINDS
    try:
        with time_limit(SIMPLIFY_SECONDS, "sympy.solve"):
            roots = sp.solve(sp.Eq(H, phi), X)
    except (NotImplementedError, ValueError, TypeError, TimeLimitError):
        return None
    for root in roots:
        if root.has(sp.LambertW) or root.has(sp.I) or not {type(f) for f in root.atoms(sp.Function)} <= kinds:
            continue  # an inverse NumPy cannot evaluate (erfinv, LambertW) or a complex branch
        try:
            with time_limit(SIMPLIFY_SECONDS, "sympy.simplify"):
                cand = sp.simplify(d.subs(X, root).rewrite(sp.exp))
        except Exception:  # noqa: BLE001 -- TimeLimitError, or SymPy's own "Invalid NaN comparison" on piecewise roots
            continue
        if not cand.has(X):
            return cand
    return None


def _invert_piecewise(phi: sp.Piecewise, d: sp.Piecewise) -> sp.Expr | None:
    """Invert branch by branch; the condition x > c maps to h > phi(c) (phi increasing there)."""
    branches = []
    for (p_expr, p_cond), (d_expr, d_cond) in zip(phi.args, d.args, strict=True):
        if p_cond != d_cond:
            return None
        if d_expr.has(X):
            in_h = d_expr.subs(p_expr, H) if not d_expr.subs(p_expr, H).has(X) else _invert(p_expr, d_expr)
            if in_h is None:
                return None
        else:
            in_h = d_expr
        if p_cond is sp.true:
            cond = sp.true
        elif isinstance(p_cond, (sp.StrictGreaterThan, sp.GreaterThan)) and p_cond.lhs == X and p_cond.rhs.is_number:
            cond = p_cond.func(H, phi.subs(X, p_cond.rhs))
        else:
            return None
        branches.append((in_h, cond))
    return sp.Piecewise(*branches)
