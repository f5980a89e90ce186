"""An elementwise formula as in-place NumPy calls into preallocated buffers: ``np.sqrt(T1, out=T1)``.

The optimizer's update rules are elementwise over every parameter. Printed as one expression
(``theta -= learning_rate * g / np.sqrt(S + epsilon)``) each operator allocates a temporary the size of the
parameters; ``Fused`` prints the same formula as a sequence of ufunc calls whose results go to scratch buffers
(``T1``, ``T2``, …) allocated once by the module, reusing a buffer as soon as its value is consumed. Scalar
sub-expressions (hyper-parameters, ``1 - beta1**t``) stay Python floats, computed once per step.
"""

from __future__ import annotations

import sympy as sp
from gradproof.derive.symbols import sigmoid

from .printer import softplus, to_code

_UNARY = {sp.exp: "np.exp", sp.log: "np.log", sp.Abs: "np.abs", sp.sign: "np.sign", sp.tanh: "np.tanh", sp.sin: "np.sin",
          sp.cos: "np.cos", sp.cosh: "np.cosh", sp.sinh: "np.sinh"}
_AUGMENTED = {"np.add": "+=", "np.subtract": "-=", "np.multiply": "*=", "np.divide": "/="}
# the module's stable helpers, called into a buffer: name, arguments before the operand
_HELPERS = {softplus: ("_softplus", ()), sigmoid: ("_sigmoid", ()), sp.erf: ("_erf", ())}


def _negative(scalar: sp.Expr) -> bool:
    """Whether a scalar factor reads better negated: -lr -> lr, beta - 1 -> 1 - beta (a positive constant first)."""
    if isinstance(scalar, sp.Add):
        constant = scalar.as_coeff_Add()[0]
        if constant != 0:
            return bool(constant < 0)
    return scalar.could_extract_minus_sign()


class Fused:
    """Emit code lines for array formulas; ``arrays`` maps array symbols to their code names, ``scalars`` names the rest."""

    def __init__(self, arrays: dict[sp.Symbol, str], scalars: dict[sp.Symbol, str], prefix: str = "T",
                 values: dict[sp.Symbol, float] | None = None):
        self.arrays = dict(arrays)
        self.scalars = dict(scalars)
        self.values = dict(values or {})  # parameters printed as literals (a layer's gamma)
        self.prefix = prefix
        self.lines: list[str] = []
        self.free: list[str] = []
        self.buffers: list[str] = []  # every scratch buffer used, in order of first use
        self.held: set[str] = set()  # buffers that hold a named temporary until the end
        self.owned: dict[sp.Symbol, str] = {}  # symbols standing for a value in a buffer that its one use may overwrite

    # -- buffers ------------------------------------------------------------------------------------------
    def _new(self) -> str:
        if self.free:
            return self.free.pop(0)
        name = f"{self.prefix}{len(self.buffers) + 1}"
        self.buffers.append(name)
        return name

    def _release(self, name: str, owned: bool) -> None:
        if owned and name not in self.held and name not in self.free:
            self.free.append(name)
            self.free.sort()

    def _is_array(self, e: sp.Expr) -> bool:
        return bool(e.free_symbols & (set(self.arrays) | set(self.owned)))

    def _scalar(self, e: sp.Expr) -> str:
        return to_code(e, self.scalars, self.values)

    def _call(self, fn: str, args: list[str], out: str) -> None:
        if fn in _AUGMENTED and len(args) == 2 and args[0] == out:
            self.lines.append(f"{out} {_AUGMENTED[fn]} {args[1]}")
        else:
            self.lines.append(f"{fn}({', '.join(args)}, out={out})")

    def _binary(self, fn: str, a: tuple[str, bool], b: tuple[str, bool]) -> tuple[str, bool]:
        """``fn(a, b)`` into a's buffer if a owns one, else b's, else a new one."""
        (an, ao), (bn, bo) = a, b
        out = an if ao else bn if bo and fn in ("np.add", "np.multiply", "np.subtract", "np.divide", "np.maximum") else None
        if out is None:
            out = self._new()
        self._call(fn, [an, bn], out)
        if out != an:
            self._release(an, ao)
        if out != bn:
            self._release(bn, bo)
        return out, True

    def _unary(self, fn: str, a: tuple[str, bool], *extra: str, before: tuple[str, ...] = ()) -> tuple[str, bool]:
        an, ao = a
        out = an if ao else self._new()
        self._call(fn, [*before, an, *extra], out)
        return out, True

    def _piecewise(self, e: sp.Piecewise) -> tuple[str, bool]:
        """``a if cond else b``: split at zero without a mask where exact (``_split``), else b into a buffer and a
        copied over it where cond holds (a masked call: ~10 ns an element)."""
        (a, cond), (b, _) = e.args
        split = self._split(a, cond, b)
        if split is not None:
            return split
        if self._is_array(a):
            first = self.value(a)
            if first[1]:  # a computed into a buffer: keep it until the copy
                self.held.add(first[0])
        else:
            first = (self._scalar(a) if not a.is_Rational else repr(float(a)), False)
        out = self.value(b)
        if not out[1]:
            out = self._copy(out[0])
        self.lines.append(f"np.copyto({out[0]}, {first[0]}, where={to_code(cond, {**self.scalars, **self.arrays}, self.values)})")
        if first[1]:
            self.held.discard(first[0])
            self._release(*first)
        return out

    def _split(self, a: sp.Expr, cond, b: sp.Expr) -> tuple[str, bool] | None:
        """``a if x > 0 else b`` (x an array; also >=, <, <=) from x clipped at zero, no mask, the same numbers:
        up(max(x, 0)) + down(min(x, 0)) when up(0) = down(0) = 0 (elu: max(z, 0) + α·expm1(min(z, 0))), down(min(x, 0))
        when down(0) is the constant up (elu' in h with α = 1: min(h, 0) + 1), up(max(x, 0)) the other way round."""
        if not (isinstance(cond, sp.Rel) and cond.rel_op in (">", ">=", "<", "<=") and cond.rhs == 0 and cond.lhs in self.arrays):
            return None
        x = cond.lhs
        up, down = (a, b) if cond.rel_op in (">", ">=") else (b, a)
        up0, down0 = (sp.simplify(f.subs(self.values).subs(x, 0)) for f in (up, down))
        if up0 == 0 and down0 == 0:
            return self._binary("np.add", self._clipped(up, x, "np.maximum"), self._clipped(down, x, "np.minimum"))
        if x not in up.free_symbols and sp.simplify(down0 - up.subs(self.values)) == 0:
            return self._clipped(down, x, "np.minimum")
        if x not in down.free_symbols and sp.simplify(up0 - down.subs(self.values)) == 0:
            return self._clipped(up, x, "np.maximum")
        return None

    def _clipped(self, e: sp.Expr, x: sp.Symbol, bound: str) -> tuple[str, bool]:
        """e with x replaced by bound(x, 0), computed into a buffer (the clipped x's own when e uses it once)."""
        name = self._new()
        self.lines.append(f"{bound}({self.arrays[x]}, 0, out={name})")
        clipped = sp.Dummy("x")
        e = e.subs(x, clipped)
        if e.count(clipped) == 1:
            self.owned[clipped] = name
        else:
            self.arrays[clipped] = name
            self.held.add(name)
        out = self.value(e)
        self.owned.pop(clipped, None)
        if self.arrays.pop(clipped, None) is not None:
            self.held.discard(name)
            if out[0] != name:
                self._release(name, True)
        return out if out[0] != name else (name, True)

    def _copy(self, name: str) -> tuple[str, bool]:
        out = self._new()
        self.lines.append(f"np.copyto({out}, {name})")
        return out, True

    # -- expressions --------------------------------------------------------------------------------------
    def value(self, e: sp.Expr) -> tuple[str, bool]:
        """(code name, owned scratch?) of the array ``e``, emitting the lines that compute it."""
        if e in self.owned:  # a value computed into a buffer for this one use (see _clipped)
            return self.owned.pop(e), True
        if e in self.arrays:
            return self.arrays[e], False
        if isinstance(e, sp.Add):
            return self._add(e)
        if isinstance(e, sp.Mul):
            return self._mul(e)
        if isinstance(e, sp.Pow):
            return self._pow(e)
        if type(e) in _UNARY:
            return self._unary(_UNARY[type(e)], self.value(e.args[0]))
        if type(e) in _HELPERS:
            fn, before = _HELPERS[type(e)]
            return self._unary(fn, self.value(e.args[0]), before=before)
        if isinstance(e, sp.Max) and len(e.args) == 2:
            return self._binary("np.maximum", self.value(e.args[0]), self.value(e.args[1]))
        relu = self._relu_like(e)
        if relu is not None:
            return self.value(relu)
        if isinstance(e, sp.Piecewise) and len(e.args) == 2 and e.args[1].cond == sp.true and self._is_array(e.args[1].expr):
            return self._piecewise(e)
        # anything else (a helper such as _sigmoid, a Piecewise): the printed expression is the operand
        return to_code(e, {**self.scalars, **self.arrays}, self.values), False

    def _relu_like(self, e):
        """x if x > 0 else c·x (0 <= c <= 1) as Max(x, c·x): two calls into a buffer, no mask."""
        if not (isinstance(e, sp.Piecewise) and len(e.args) == 2 and e.args[1].cond == sp.true):
            return None
        (a, cond), (b, _) = e.args
        if not (isinstance(cond, sp.StrictGreaterThan) and cond.rhs == 0 and a == cond.lhs and a != 0):
            return None
        c = sp.simplify((b / a).subs(self.values))
        if not c.is_number or not 0 <= float(c) <= 1:
            return None
        return sp.Max(a, sp.Mul(b.subs(self.values), evaluate=True), evaluate=False)

    def _add(self, e: sp.Add) -> tuple[str, bool]:
        if len(e.args) == 2 and sp.S.NegativeOne in e.args and any(isinstance(t, sp.exp) for t in e.args):
            return self._unary("np.expm1", self.value(next(t for t in e.args if isinstance(t, sp.exp)).args[0]))
        scalar = sp.Add(*[t for t in e.args if not self._is_array(t)])
        terms = [t for t in e.args if self._is_array(t)]
        terms.sort(key=lambda t: (t.could_extract_minus_sign(), sp.default_sort_key(t)))
        first = terms[0]
        if first.could_extract_minus_sign() and scalar != 0 and not scalar.could_extract_minus_sign():
            acc, scalar = self._binary("np.subtract", (self._scalar(scalar), False), self.value(-first)), sp.S.Zero
        elif first.could_extract_minus_sign():
            acc = self._unary("np.negative", self.value(-first))
        else:
            acc = self.value(first)
        for t in terms[1:]:
            if t.could_extract_minus_sign():
                acc = self._binary("np.subtract", acc, self.value(-t))
            else:
                acc = self._binary("np.add", acc, self.value(t))
        if scalar != 0:
            if scalar.could_extract_minus_sign():
                acc = self._binary("np.subtract", acc, (self._scalar(-scalar), False))
            else:
                acc = self._binary("np.add", acc, (self._scalar(scalar), False))
        return acc

    def _mul(self, e: sp.Mul) -> tuple[str, bool]:
        top, bottom = sp.fraction(sp.Mul(*[f for f in e.args if not self._is_array(f)]))
        if top.is_number and bottom.is_number and bottom != 1:  # one multiplication by the constant: x * 0.5, not x / 2
            top, bottom = top / bottom, sp.S.One
            top = top if top.is_Rational else sp.Float(float(top))
        num, den = [], []
        for f in (f for f in e.args if self._is_array(f)):
            if isinstance(f, sp.Pow) and f.exp.is_number and f.exp.is_negative:
                den.append(sp.Pow(f.base, -f.exp))
            else:
                num.append(f)
        acc = None
        for f in sorted(num, key=sp.default_sort_key):
            v = self.value(f)
            acc = v if acc is None else self._binary("np.multiply", acc, v)
        for f in sorted(den, key=sp.default_sort_key):
            v = self.value(f)
            if acc is None:
                acc, top = self._binary("np.divide", (self._scalar(top), False), v), sp.S.One
            else:
                acc = self._binary("np.divide", acc, v)
        if top == -1:
            acc = self._unary("np.negative", acc)
        elif top != 1 and not (top.subs(self.values).is_number and float(top.subs(self.values)) == 1.0):  # elu's α = 1
            acc = self._binary("np.multiply", acc, (self._scalar(top), False))
        if bottom != 1:
            acc = self._binary("np.divide", acc, (self._scalar(bottom), False))
        return acc

    def _pow(self, e: sp.Pow) -> tuple[str, bool]:
        base, exp = e.base, e.exp
        if self._is_array(exp):
            return self.value(sp.exp(exp * sp.log(base)))
        b = self.value(base)
        if exp == 2:
            return self._unary("np.square", b)
        if exp == sp.Rational(1, 2):
            return self._unary("np.sqrt", b)
        if exp.is_number and exp.is_negative:
            return self._binary("np.divide", ("1.0", False), self.value(sp.Pow(base, -exp)) if exp != -1 else b)
        return self._unary("np.power", b, self._scalar(exp))

    # -- assignments --------------------------------------------------------------------------------------
    def assign_linear(self, target: str, var: sp.Symbol, expr: sp.Expr) -> str | None:
        """``target <- expr`` in place where expr = c·var + rest (c scalar): ``target *= c; target += rest``.

        Returns the sign and buffer of ``rest`` ("-T1") when ``target`` is not an array of this emitter (the
        parameters, updated per key by the caller), else None.
        """
        expanded = sp.expand(expr)
        c = expanded.coeff(var)
        rest = sp.factor_terms(expanded - sp.expand(c * var))  # c may be a sum: AdamW's 1 - alpha lambda
        inside = target in self.arrays.values()
        if self._is_array(c) or var in rest.free_symbols:
            if not inside:
                raise ValueError(f"update of {target} is not of the form c*{target} + rest: {expr}")
            v = self.value(expr)
            self.lines.append(f"np.copyto({target}, {v[0]})")
            self._release(*v)
            return None
        if c != 1:
            self.lines.append(f"{target} *= {to_code(c, self.scalars)}")
        if rest == 0:
            return None
        scalar, array = rest.as_independent(*self.arrays, as_Add=False)
        sign, term = ("-", -rest) if _negative(scalar) else ("+", rest)
        v = self.value(term) if self._is_array(term) else (self._scalar(term), False)
        if not inside:
            self._release(*v)
            return f"{sign}{v[0]}"
        self.lines.append(f"{target} {sign}= {v[0]}")
        self._release(*v)
        return None

    def assign_temp(self, symbol: sp.Symbol, expr: sp.Expr) -> str:
        """A named temporary (Adam's m̂): its buffer is kept until the end."""
        name, owned = self.value(expr)
        if not owned:
            out = self._new()
            self.lines.append(f"np.copyto({out}, {name})")
            name = out
        self.held.add(name)
        self.arrays[symbol] = name
        return name

    def assign(self, target: str, expr: sp.Expr) -> bool:
        """``target = expr`` with the last operation writing into the buffer ``target``; True if it did, False when
        ``expr`` is an operand or a helper's fresh result (then ``target`` just names it). When ``expr`` does not read
        ``target``, its first intermediate value goes there too (no scratch buffer for h = max(z, 0.01 z))."""
        reads = {self.arrays[s] for s in expr.free_symbols if s in self.arrays}
        spare = target not in reads and target not in self.free
        if spare:
            self.free.insert(0, target)
        name, owned = self.value(expr)
        if spare and target in self.free:
            self.free.remove(target)
        if not owned:
            self.lines.append(f"{target} = {name}")
            return False
        if name == target:
            return True
        last = self.lines[-1]
        augmented = {op: fn for fn, op in _AUGMENTED.items()}
        head, _, rhs = last.partition(" ")
        if head == name and rhs[:2] in augmented:
            self.lines[-1] = f"{augmented[rhs[:2]]}({name}, {rhs[3:]}, out={target})"
        elif last.endswith(f"out={name})"):
            self.lines[-1] = last[: -len(f"out={name})")] + f"out={target})"
        else:
            self.lines.append(f"np.copyto({target}, {name})")
        self._release(name, True)
        return True

    def take(self) -> tuple[str, ...]:
        """The lines emitted since the last call."""
        lines, self.lines = tuple(self.lines), []
        return lines
