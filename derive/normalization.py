"""Batch and layer normalisation, derived: the backward pass by the chain rule through mu and sigma^2, in index form.

Both normalise a vector x_1..x_N over one index (batch norm: the N samples of a batch, per feature; layer norm:
the N features of one sample): mu = (1/N) sum_k x_k, v = (1/N) sum_k (x_k - mu)^2 (biased), sigma = sqrt(v + eps),
xhat_n = (x_n - mu) / sigma, y_n = gamma xhat_n + beta. Every local derivative is ``sympy.diff`` of a definition;
the total derivative adds the three paths (direct, through mu, through v); Kronecker deltas are summed out, the
identity sum_k (x_k - mu) = 0 removes dv/dmu, and x_n - mu is written sigma xhat_n. The result is the compact form a
lecturer writes, dx_i = (1/(N sigma)) (N g_i - sum_n g_n - xhat_i sum_n g_n xhat_n) with g = dJ/dxhat, and it is
checked against brute-force differentiation of the expanded objective of an instance with N = 3 (``check``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import sympy as sp

N = sp.Symbol("N", positive=True, integer=True)
i, n, k = sp.symbols("i n k", integer=True, positive=True)
EPS = sp.Symbol("epsilon", positive=True)
MU = sp.Symbol("mu", real=True)
VAR = sp.Symbol("v", positive=True)  # sigma^2, the biased variance
SIGMA = sp.Symbol("sigma", positive=True)
GAMMA = sp.Symbol("gamma", real=True)
x = sp.IndexedBase("x", real=True)
xhat = sp.IndexedBase("xhat", real=True)
dy = sp.IndexedBase("dy", real=True)  # dJ/dy, the gradient arriving at the layer's output
g = sp.IndexedBase("g", real=True)  # dJ/dxhat
gammas = sp.IndexedBase("gamma", real=True)  # layer norm: one gamma per normalised index


def _sum(f, idx=k):
    return sp.Sum(f, (idx, 1, N))


def _split_sums(e: sp.Expr) -> sp.Expr:
    """Sum of a sum -> sum of Sums; constant factors pulled out; Kronecker deltas summed out (indices lie in 1..N)."""

    def one(a: sp.Sum):
        (idx, _, _), = a.limits
        terms = sp.Add.make_args(sp.expand(a.function))
        out = 0
        for t in terms:
            coeff, rest = t.as_independent(idx, as_Add=False)
            deltas = [d for d in rest.atoms(sp.KroneckerDelta) if idx in d.free_symbols]
            if deltas:
                other = (deltas[0].free_symbols - {idx}).pop()
                out += coeff * (rest / deltas[0]).subs(idx, other)
            elif rest == 1:
                out += coeff * N
            else:
                out += coeff * sp.Sum(rest, a.limits[0])
        return out

    return e.replace(lambda a: isinstance(a, sp.Sum), one)


@dataclass(frozen=True)
class NormalizationResult:
    """The derived backward pass of a normalisation, in index form (index i of x; n, k summed over 1..N).

    ``locals`` are the local derivatives in order (name, expression); ``dxhat`` is the path sum before
    simplification; ``dx`` the compact result in g = dJ/dxhat, ``dx_dy`` the same with g = gamma dy (batch norm:
    one gamma per feature, so it factors out; layer norm: gamma_n inside the sums); ``dgamma``, ``dbeta`` per
    feature, summed over the batch (written for one normalised vector).
    """

    axis: str  # "batch" | "features"
    locals: tuple[tuple[str, sp.Expr], ...]
    chain: sp.Expr
    dx: sp.Expr
    dx_dy: sp.Expr
    dgamma: sp.Expr
    dbeta: sp.Expr


@lru_cache(maxsize=None)
def derive_normalization(axis: str) -> NormalizationResult:
    """Derive dJ/dx of y_n = gamma xhat_n + beta, normalising over ``axis`` ("batch" or "features")."""
    mu_def = _sum(x[k]) / N
    v_def = _sum((x[k] - MU) ** 2) / N  # mu held fixed: its own path is added separately
    xhat_def = (x[n] - MU) / sp.sqrt(VAR + EPS)
    # local derivatives, each by sympy.diff of a definition
    d_mu_dx = _split_sums(sp.diff(mu_def, x[i]))  # 1/N
    d_v_dx = _split_sums(sp.diff(v_def, x[i]))  # 2 (x_i - mu) / N
    d_v_dmu = _split_sums(sp.diff(v_def, MU))  # -(2/N) sum_k (x_k - mu) = 0, since sum_k x_k = N mu
    d_v_dmu = sp.expand(d_v_dmu).subs(sp.Sum(x[k], (k, 1, N)), N * MU)
    d_xhat_dx = sp.diff(xhat_def, x[i])  # delta_in / sigma
    d_xhat_dmu = sp.diff(xhat_def, MU)
    d_xhat_dv = sp.diff(xhat_def, VAR)
    if sp.simplify(d_v_dmu) != 0:
        raise AssertionError(f"dv/dmu should vanish, got {d_v_dmu}")
    # the three paths from x_i to xhat_n: direct, through mu, through v
    path = d_xhat_dx + d_xhat_dmu * d_mu_dx + d_xhat_dv * (d_v_dx + d_v_dmu * d_mu_dx)
    chain = sp.Sum(g[n] * path, (n, 1, N))
    # v + eps = sigma^2, then x_k - mu = sigma xhat_k (inside the sums too)
    total = _split_sums(sp.expand(chain.subs(VAR, SIGMA**2 - EPS)))
    total = total.replace(lambda a: isinstance(a, sp.Indexed) and a.base == x, lambda a: SIGMA * xhat[a.indices[0]] + MU)
    total = _split_sums(sp.expand(total))
    scale = 1 / (N * SIGMA)
    inner = sp.expand(total / scale)
    dx = sp.Mul(scale, inner, evaluate=False)
    if axis == "batch":  # g_n = gamma dy_n with one gamma for the whole sum
        inner_dy = _split_sums(inner.subs({g[i]: GAMMA * dy[i]}).replace(
            lambda a: isinstance(a, sp.Sum), lambda a: sp.Sum(a.function.subs(g[n], GAMMA * dy[n]), *a.limits)))
        inner_dy = sp.expand(inner_dy / GAMMA)
        dx_dy = sp.Mul(GAMMA * scale, inner_dy, evaluate=False)
    else:  # g_n = gamma_n dy_n
        inner_dy = _split_sums(inner.subs({g[i]: gammas[i] * dy[i]}).replace(
            lambda a: isinstance(a, sp.Sum), lambda a: sp.Sum(a.function.subs(g[n], gammas[n] * dy[n]), *a.limits)))
        dx_dy = sp.Mul(scale, sp.expand(inner_dy), evaluate=False)
    # parameters: y_n = gamma xhat_n + beta, the gradient summed over the batch
    y_n = GAMMA * xhat[n] + sp.Symbol("beta", real=True)
    dgamma = sp.Sum(dy[n] * sp.diff(y_n, GAMMA), (n, 1, N))
    dbeta = sp.Sum(dy[n] * sp.diff(y_n, sp.Symbol("beta", real=True)), (n, 1, N))
    locals_ = (
        ("dmu/dx_i", d_mu_dx),
        ("dv/dx_i", d_v_dx),
        ("dv/dmu", sp.Integer(0)),
        ("dxhat_n/dx_i", d_xhat_dx.subs(VAR, SIGMA**2 - EPS)),
        ("dxhat_n/dmu", d_xhat_dmu.subs(VAR, SIGMA**2 - EPS)),
        ("dxhat_n/dv", sp.factor(d_xhat_dv.subs(VAR, SIGMA**2 - EPS).subs(x[n], SIGMA * xhat[n] + MU))),
    )
    return NormalizationResult(axis, locals_, chain, dx, dx_dy, dgamma, dbeta)


# -- the check: brute-force differentiation of an expanded instance ---------------------------------------


def _evaluate(expr: sp.Expr, size: int, arrays: dict, scalars: dict, at: int) -> float:
    """Evaluate an index expression for i = ``at`` with the sums over 1..``size`` written out."""
    e = expr.subs(N, size).subs(i, at)
    e = e.replace(lambda a: isinstance(a, sp.Sum), lambda a: sp.Add(*[a.function.subs(a.limits[0][0], j)
                                                                       for j in range(1, size + 1)]))
    e = e.replace(lambda a: isinstance(a, sp.Indexed), lambda a: arrays[a.base][int(a.indices[0]) - 1])
    return float(e.subs(scalars))


def check(result: NormalizationResult, size: int = 3, points: int = 2, seed: int = 0):
    """The compact dx, dgamma, dbeta against ``symengine.diff`` of J = sum_n c_n y_n(x) for explicit x_1..x_size (the
    definition written out: mean, biased variance, eps inside the root).

    Returns (max relative error, detail); J's weights c_n stand for any upstream gradient dy.
    """
    import symengine as se

    rng = np.random.default_rng(seed)
    xs = se.symbols(f"x1:{size + 1}")
    gs = se.symbols(f"gamma1:{size + 1}") if result.axis == "features" else (se.Symbol("gamma"),) * size
    beta = se.Symbol("beta")
    eps = se.Rational(1, 100000)
    mu = se.Add(*xs) / size
    sig = se.sqrt(se.Add(*[(xj - mu) ** 2 for xj in xs]) / size + eps)
    cs = se.symbols(f"c1:{size + 1}")
    J = se.Add(*[cj * (gj * (xj - mu) / sig + beta) for cj, gj, xj in zip(cs, gs, xs, strict=True)])
    wrt = [*xs, *((gs[0], beta) if result.axis == "batch" else ())]
    grads = [J.diff(v) for v in wrt]
    worst = 0.0
    for _ in range(points):
        c = rng.normal(size=size)
        xv = rng.normal(size=size)
        gv = rng.uniform(0.5, 1.5, size=size) if result.axis == "features" else np.full(size, rng.uniform(0.5, 1.5))
        point = {**dict(zip(xs, map(float, xv), strict=True)), **dict(zip(gs, map(float, gv), strict=False)),
                 **dict(zip(cs, map(float, c), strict=True)), beta: 0.0}
        brute = [float(g.subs(point)) for g in grads]
        sigma_v = float(np.sqrt(xv.var() + 1e-5))
        xhat_v = (xv - xv.mean()) / sigma_v
        arrays = {dy: c, xhat: xhat_v, gammas: gv}
        scalars = {SIGMA: sigma_v, GAMMA: gv[0]}
        mine = [_evaluate(result.dx_dy, size, arrays, scalars, j) for j in range(1, size + 1)]
        if result.axis == "batch":  # dgamma, dbeta of the shared gamma, beta
            mine += [_evaluate(e, size, arrays, scalars, 1) for e in (result.dgamma, result.dbeta)]
        worst = max(worst, float(np.max(np.abs(np.subtract(brute, mine)) / np.maximum(1.0, np.abs(brute)))))
    detail = (f"{result.axis} normalisation of {size} values: dJ/dx_i{', dJ/dgamma, dJ/dbeta' if result.axis == 'batch' else ''} "
              f"by symengine.diff of J = sum_n c_n y_n at {points} random points, max relative error {worst:.1e}")
    return worst, detail


__all__ = ["NormalizationResult", "check", "derive_normalization"]
