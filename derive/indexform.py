"""Generic-size derivations in index notation (Indexed/Sum/KroneckerDelta): the symbolic half of each check.

Each function derives a result from definitions with ``sympy.diff`` for a generic layer size and
compares it with the matrix form the proof states. MatrixSymbol calculus is not used: it is silently
wrong through elementwise functions.
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass

import sympy as sp

i, j, k, p, q = sp.symbols("i j k p q", integer=True)
n, m, K = sp.symbols("n m K", integer=True, positive=True)
zb, yb, yhb, db, hb = (sp.IndexedBase(s) for s in ("z", "y", "yhat", "delta", "h"))
Wb, bb = sp.IndexedBase("W"), sp.IndexedBase("b")
phi = sp.Function("phi")


@dataclass(frozen=True)
class IndexResult:
    """A derived index expression, the matrix form's index expression, and whether they agree."""

    derived: sp.Expr
    claimed: sp.Expr
    agrees: bool
    seconds: float


def drop_guards(expr: sp.Expr) -> sp.Expr:
    """Drop the ``0 <= j <= K-1`` Piecewise guards that Sum.doit adds: indices are in range by construction."""
    return expr.replace(lambda a: isinstance(a, sp.Piecewise), lambda a: a.args[0].expr)


def _same(a: sp.Expr, b: sp.Expr) -> bool:
    diff = sp.factor_terms(sp.expand(a - b))
    if diff == 0:
        return True
    return sp.expand(sp.factor_terms(diff).doit()) == 0


def _result(derived, claimed, t0) -> IndexResult:
    return IndexResult(derived, claimed, _same(derived, claimed), time.perf_counter() - t0)


@functools.lru_cache(maxsize=4)
def hidden_recursion(convention: str) -> IndexResult:
    """delta^l_j = sum_i delta^{l+1}_i dz^{l+1}_i/dz^l_j with z^{l+1} = W phi(z^l) + b (row) or W^T phi(z^l) + W_0."""
    t0 = time.perf_counter()
    w = Wb[i, k] if convention == "row" else Wb[k, i]
    z_next = sp.Sum(w * phi(zb[k]), (k, 0, n - 1)) + bb[i]
    dz = drop_guards(sp.diff(z_next, zb[j]).doit())
    derived = sp.Sum(db[i] * dz, (i, 0, m - 1))
    w_col = Wb[i, j] if convention == "row" else Wb[j, i]
    u = sp.Symbol("_x")
    claimed = sp.Sum(w_col * db[i], (i, 0, m - 1)) * sp.Subs(sp.Derivative(phi(u), u), u, zb[j]).doit()
    return _result(sp.factor_terms(derived), claimed, t0)


@functools.lru_cache(maxsize=4)
def weight_gradient(convention: str) -> IndexResult:
    """dl/dW_pq = sum_i delta_i dz_i/dW_pq with z_i = sum_k W_ik h_k + b_i (row) or sum_k W_ki h_k + W0_i."""
    t0 = time.perf_counter()
    w = Wb[i, k] if convention == "row" else Wb[k, i]
    z = sp.Sum(w * hb[k], (k, 0, n - 1)) + bb[i]
    dz = drop_guards(sp.diff(z, Wb[p, q]).doit())
    derived = drop_guards(sp.Sum(db[i] * dz, (i, 0, m - 1)).doit())
    claimed = db[p] * hb[q] if convention == "row" else hb[p] * db[q]
    return _result(derived, claimed, t0)


@functools.lru_cache(maxsize=4)
def bias_gradient(convention: str) -> IndexResult:
    t0 = time.perf_counter()
    w = Wb[i, k] if convention == "row" else Wb[k, i]
    z = sp.Sum(w * hb[k], (k, 0, n - 1)) + bb[i]
    derived = drop_guards(sp.Sum(db[i] * sp.diff(z, bb[p]), (i, 0, m - 1)).doit())
    return _result(derived, db[p], t0)


def softmax_output(component: sp.Expr, yhat_sym: sp.Symbol, y_sym: sp.Symbol, one_hot: bool) -> tuple[IndexResult, sp.Expr]:
    """Derive dl/dz_j for l = sum_i loss(softmax(z)_i, y_i), generic K.

    Returns the index result and the claimed closed form of delta_j: yhat_j - y_j when the loss is the
    cross-entropy and ``one_hot`` (sum_i y_i = 1) holds, else the Jacobian product
    yhat_j (g_j - sum_i g_i yhat_i) with g = dloss/dyhat.
    """
    t0 = time.perf_counter()
    S = sp.Sum(sp.exp(zb[k]), (k, 0, K - 1))
    s_sym = sp.Symbol("S", positive=True)
    ell = sp.Sum(component.subs({yhat_sym: sp.exp(zb[i]) / S, y_sym: yb[i]}), (i, 0, K - 1))
    d = drop_guards(sp.diff(ell, zb[j]).doit())
    d = d.subs(S, s_sym)
    d = d.replace(lambda e: isinstance(e, sp.exp) and isinstance(e.args[0], sp.Indexed) and e.args[0].base == zb,
                  lambda e: yhb[e.args[0].indices[0]] * s_sym)
    d = sp.factor_terms(sp.expand(sp.factor_terms(d)))
    g = sp.diff(component, yhat_sym)
    if one_hot:
        d = d.subs(sp.Sum(yb[i], (i, 0, K - 1)), 1)
        claimed = yhb[j] - yb[j]
    else:
        g_i = g.subs({yhat_sym: yhb[i], y_sym: yb[i]})
        claimed = yhb[j] * (g.subs({yhat_sym: yhb[j], y_sym: yb[j]}) - sp.Sum(g_i * yhb[i], (i, 0, K - 1)))
    return _result(d, claimed, t0), claimed
