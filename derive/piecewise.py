"""One flat Piecewise for any composition of max/min/abs with smooth functions: ``relu6 = min(max(x, 0), 6)``.

SymPy keeps ``min(max(x, 0), 6)`` as a Piecewise whose *condition* holds another Piecewise; substituting into it,
differentiating it or printing it then fails in several ways ("Invalid NaN comparison" from ``piecewise_fold``,
``zoo`` from ``sqrt(max(x, 0))``'s derivative at the dead branch, ``KeyError: 'ComplexInfinity'`` in printers).
``flatten`` rewrites such an expression into ``Piecewise((e_1, c_1), …, (e_k, True))`` where every ``e_i`` is
smooth (no Piecewise, no Abs) and every ``c_i`` is a conjunction of relations between smooth expressions; the
conditions are mutually exclusive and exhaustive, so each piece is the exact formula on its region and its
derivative is the piece's derivative (away from the kinks, which have measure zero).

Conditions linear in ``x`` are kept as an interval (``x >= 0``, ``x <= 6``) and pieces whose interval is empty are
dropped, so ``max(max(x, 0.1*x), 0.1*x)`` flattens to the two pieces of a leaky ReLU. Pieces are bounded by
``MAX_PIECES`` (each max/min/abs may double them).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import sympy as sp

from .errors import FormulaError

#: at most this many pieces while flattening (``max(x,1)*max(x,2)*…`` doubles them at every factor)
MAX_PIECES = 64


class TooManyPieces(FormulaError):
    """The flattened formula would have more than MAX_PIECES pieces."""


@dataclass(frozen=True)
class _Region:
    """Where a piece holds: an interval of x (bounds with closedness) and other relations (``rel``, each ``g >= 0``,
    ``g > 0`` …, never holding a Piecewise)."""

    lo: float = -math.inf
    lo_closed: bool = False
    hi: float = math.inf
    hi_closed: bool = False
    rel: tuple = ()

    def empty(self) -> bool:
        return self.lo > self.hi or (self.lo == self.hi and not (self.lo_closed and self.hi_closed))

    def meet(self, other: _Region) -> _Region:
        lo, lo_c = max((self.lo, not self.lo_closed), (other.lo, not other.lo_closed))
        hi, hi_c = min((self.hi, self.hi_closed), (other.hi, other.hi_closed))
        rel = self.rel + tuple(r for r in other.rel if r not in self.rel)
        return _Region(lo, not lo_c, hi, hi_c, rel)

    def condition(self, x: sp.Symbol):
        parts = []
        if self.lo > -math.inf:
            parts.append((sp.Ge if self.lo_closed else sp.Gt)(x, _exact(self.lo)))
        if self.hi < math.inf:
            parts.append((sp.Le if self.hi_closed else sp.Lt)(x, _exact(self.hi)))
        return sp.And(*parts, *self.rel)


EVERYWHERE = _Region()


def _exact(v: float) -> sp.Expr:
    r = sp.nsimplify(v, rational=True)
    return r if abs(float(r) - v) <= 1e-15 * max(1.0, abs(v)) else sp.Float(v)


def _relation(g: sp.Expr, op: str, x: sp.Symbol) -> _Region | None:
    """The region ``g op 0`` (op one of >=, >, <=, <) with g smooth; None when it is nowhere."""
    g = sp.expand(g) if g.is_polynomial(x) else g
    if not g.has(x):
        if g.is_number:
            v = float(g)
            holds = {">=": v >= 0, ">": v > 0, "<=": v <= 0, "<": v < 0}[op]
            return EVERYWHERE if holds else None
        rel = {">=": sp.Ge, ">": sp.Gt, "<=": sp.Le, "<": sp.Lt}[op](g, 0)
        return EVERYWHERE if rel is sp.true else None if rel is sp.false else _Region(rel=(rel,))
    if g.is_polynomial(x) and sp.degree(g, x) == 1:
        a, b = (float(c) for c in sp.Poly(g, x).all_coeffs()) if all(c.is_number for c in sp.Poly(g, x).all_coeffs()) else (None, None)
        if a is not None and a != 0 and math.isfinite(-b / a):
            c = -b / a
            upper = (op in (">=", ">")) == (a < 0)  # a x + b >= 0 with a < 0 is x <= c
            closed = op in (">=", "<=")
            return _Region(hi=c, hi_closed=closed) if upper else _Region(lo=c, lo_closed=closed)
    rel = {">=": sp.Ge, ">": sp.Gt, "<=": sp.Le, "<": sp.Lt}[op](g, 0)
    return EVERYWHERE if rel is sp.true else None if rel is sp.false else _Region(rel=(rel,))


_NEGATE = {">=": "<", ">": "<=", "<=": ">", "<": ">="}
_OPS = {sp.GreaterThan: ">=", sp.StrictGreaterThan: ">", sp.LessThan: "<=", sp.StrictLessThan: "<"}


class _Flattener:
    def __init__(self, x: sp.Symbol, where: str):
        self.x, self.where = x, where

    def check(self, pieces: list) -> list:
        if len(pieces) > MAX_PIECES:
            raise TooManyPieces(f"{self.where}: the formula has more than {MAX_PIECES} pieces (each max, min or abs "
                                "can double them); write it with fewer max/min/abs")
        return pieces

    def pieces(self, e: sp.Expr) -> list[tuple[sp.Expr, _Region]]:
        """[(smooth expression, region)], the regions mutually exclusive and covering the line."""
        if not (e.has(sp.Piecewise) or e.has(sp.Abs)):
            return [(e, EVERYWHERE)]
        if isinstance(e, sp.Abs):
            out = []
            for g, region in self.pieces(e.args[0]):
                for sign, op in ((1, ">="), (-1, "<")):
                    out.extend(self.restrict([(sign * g, region)], g, op))
            return self.check(out)
        if isinstance(e, sp.Piecewise):
            out, rest = [], [EVERYWHERE]  # rest: where no earlier condition held
            for expr, cond in e.args:
                holds = self.condition(cond)
                for r in rest:
                    for c in holds:
                        region = r.meet(c)
                        if not region.empty():
                            out.extend((g, region.meet(gr)) for g, gr in self.pieces(expr) if not region.meet(gr).empty())
                rest = [r.meet(n) for r in rest for n in self.negation(cond) if not r.meet(n).empty()]
                self.check(out + rest)
            return self.check(out)
        if not e.args:
            return [(e, EVERYWHERE)]
        combos: list[tuple[list, _Region]] = [([], EVERYWHERE)]
        for arg in e.args:
            arg_pieces = self.pieces(arg)
            combos = [(args + [g], region.meet(r)) for args, region in combos for g, r in arg_pieces
                      if not region.meet(r).empty()]
            self.check(combos)
        return [(e.func(*args), region) for args, region in combos]

    def restrict(self, pieces, g: sp.Expr, op: str):
        out = []
        for expr, region in pieces:
            for gg, gr in self.pieces(g):
                rel = _relation(gg, op, self.x)
                if rel is None:
                    continue
                r = region.meet(gr).meet(rel)
                if not r.empty():
                    out.append((expr, r))
        return out

    def condition(self, cond) -> list[_Region]:
        """Regions (mutually exclusive) where a condition of a Piecewise holds."""
        if cond is sp.true:
            return [EVERYWHERE]
        if cond is sp.false:
            return []
        if isinstance(cond, sp.And):
            regions = [EVERYWHERE]
            for c in cond.args:
                regions = [a.meet(b) for a in regions for b in self.condition(c) if not a.meet(b).empty()]
            return self.check(regions)
        if isinstance(cond, sp.Or):  # a or (not a and b) …: exclusive
            out, rest = [], [EVERYWHERE]
            for c in cond.args:
                out.extend(r.meet(h) for r in rest for h in self.condition(c) if not r.meet(h).empty())
                rest = [r.meet(n) for r in rest for n in self.negation(c) if not r.meet(n).empty()]
            return self.check(out)
        if isinstance(cond, sp.Not):
            return self.negation(cond.args[0])
        if isinstance(cond, sp.ITE):  # SymPy's form of a condition on a Piecewise: (a & b) | (~a & c)
            a, b, c = cond.args
            return self.condition(sp.Or(sp.And(a, b), sp.And(sp.Not(a), c), evaluate=False))
        op = _OPS.get(type(cond))
        if op is None:
            raise FormulaError(f"{self.where}: cannot read the condition {cond} of a piecewise formula")
        return [r for g, region in self.pieces(cond.lhs - cond.rhs)
                if (rel := _relation(g, op, self.x)) is not None and not (r := region.meet(rel)).empty()]

    def negation(self, cond) -> list[_Region]:
        if cond is sp.true:
            return []
        if cond is sp.false:
            return [EVERYWHERE]
        if isinstance(cond, sp.And):
            return self.condition(sp.Or(*[sp.Not(c) for c in cond.args]))
        if isinstance(cond, sp.Or):
            return self.condition(sp.And(*[sp.Not(c) for c in cond.args]))
        if isinstance(cond, sp.Not):
            return self.condition(cond.args[0])
        if isinstance(cond, sp.ITE):
            a, b, c = cond.args
            return self.condition(sp.Or(sp.And(a, sp.Not(b)), sp.And(sp.Not(a), sp.Not(c)), evaluate=False))
        op = _OPS.get(type(cond))
        if op is None:
            raise FormulaError(f"{self.where}: cannot read the condition {cond} of a piecewise formula")
        return [r for g, region in self.pieces(cond.lhs - cond.rhs)
                if (rel := _relation(g, _NEGATE[op], self.x)) is not None and not (r := region.meet(rel)).empty()]


def flatten(expr: sp.Expr, x: sp.Symbol, where: str = "formula") -> sp.Expr:
    """``expr`` with every Piecewise (max, min) and, when there is one, every Abs folded into one flat Piecewise.

    Returns ``expr`` unchanged when it has no Piecewise (``abs(x)`` alone stays ``Abs``: SymPy differentiates it).
    Raises:
        TooManyPieces: more than MAX_PIECES pieces.
    """
    if not expr.has(sp.Piecewise):
        return expr
    return _assemble(_Flattener(x, where).pieces(expr), x)


def extreme(a: sp.Expr, b: sp.Expr, op: str, x: sp.Symbol, where: str = "formula") -> sp.Expr:
    """``max(a, b)`` (op ``">="``) or ``min(a, b)`` (``"<="``) as one flat Piecewise of ``a`` and ``b``'s own flat pieces.

    Built flat at once, never as ``Piecewise((a, a >= b), …)`` with ``a`` a Piecewise: SymPy's construction and the
    flattening of such nested conditions are exponential in the nesting (``max(max(max(…)))`` six deep: 90 s)."""
    f = _Flattener(x, where)
    out = []
    for ga, ra in f.pieces(a):
        for gb, rb in f.pieces(b):
            region = ra.meet(rb)
            if region.empty():
                continue
            for g, rel in ((ga, _relation(ga - gb, op, x)), (gb, _relation(ga - gb, _NEGATE[op], x))):
                if rel is not None and not region.meet(rel).empty():
                    out.append((g, region.meet(rel)))
            f.check(out)
    return _assemble(out, x)


def _assemble(pieces: list, x: sp.Symbol) -> sp.Expr:
    """One Piecewise of (smooth expression, region) pairs whose regions are exclusive and cover the line."""
    merged: list[tuple[sp.Expr, list]] = []
    for e, region in pieces:  # equal expressions on neighbouring regions: one piece
        for item in merged:
            if item[0] == e:
                item[1].append(region)
                break
        else:
            merged.append((e, [region]))
    if len(merged) == 1:
        return merged[0][0]
    args = [(e, sp.Or(*[r.condition(x) for r in regions])) for e, regions in merged[:-1]]
    return sp.Piecewise(*args, (merged[-1][0], True))
