"""The brute-force objective in SymEngine: J(theta) of a small instance written out from the definitions and differentiated.

The instantiation check (``checks.py``) needs dJ/dtheta for every parameter of a small network, computed without the
derivation: the forward pass (each layer by its kind's forward definition in ``layers.KINDS``, then its activation),
the loss and the regularizer are written out as one expression over a symbol per parameter entry and differentiated by
SymEngine (SymPy's C++ core, ~1000 times faster here than ``sympy.diff``).

The definitions are SymPy expressions (the registries, a user's formula); ``to_symengine`` rewrites them node by node
into forms SymEngine differentiates itself: sigma as 1/(1 + e^-u), |u|, sign, max and min as Piecewise. No derivative
rule of SymPy or of the derivation is used (``sigmoid.fdiff`` or ``calculus``), and nothing of the batch program: a
node without a rewrite here is an error, not a fallback.
"""

from __future__ import annotations

import math

import numpy as np
import symengine as se
import sympy as sp

from .errors import DerivationError
from .layers import KINDS
from .symbols import YHAT, X, Y, sigmoid

#: SymPy function -> SymEngine function, for those SymEngine differentiates as they are
_SAME = {sp.exp: se.exp, sp.log: se.log, sp.tanh: se.tanh, sp.erf: se.erf, sp.sin: se.sin, sp.cos: se.cos,
         sp.atan: se.atan, sp.sinh: se.sinh, sp.cosh: se.cosh, sp.tan: se.tan, sp.asinh: se.asinh}
_RELATIONS = {sp.StrictGreaterThan: lambda a, b: a > b, sp.GreaterThan: lambda a, b: a >= b,
              sp.StrictLessThan: lambda a, b: a < b, sp.LessThan: lambda a, b: a <= b,
              sp.Equality: se.Eq, sp.Unequality: se.Ne}
_LOGIC = {sp.And: se.And, sp.Or: se.Or, sp.Not: se.Not}
_CONSTANTS = {sp.pi: se.pi, sp.E: se.E}


def _abs(u):
    return se.Piecewise((u, u > 0), (-u, u < 0), (0, True))


def _sign(u):  # sign(0) = 0, the subgradient the derivation uses for |w|
    return se.Piecewise((1, u > 0), (-1, u < 0), (0, True))


def _fold(pick, args):  # Max(a, b, c) = Max(Max(a, b), c)
    out = args[0]
    for a in args[1:]:
        out = pick(out, a)
    return out


#: SymPy functions SymEngine does not differentiate (or that carry SymPy's rules), rewritten from their definitions
_REWRITE = {
    sigmoid: lambda u: 1 / (1 + se.exp(-u)),
    sp.Abs: _abs,
    sp.sign: _sign,
    sp.Heaviside: lambda u, *_: se.Piecewise((1, u > 0), (0, True)),
}


class Untranslatable(DerivationError):
    """A definition holds a function the brute force has no SymEngine form for."""


def to_symengine(expr, env: dict, numbers: Numbers | None = None):
    """``expr`` (SymPy) as a SymEngine expression; ``env`` maps SymPy symbols to SymEngine expressions (every free
    symbol must be in it); floats become ``numbers``' named constants (exact rationals without it). Memoised per call on
    SymPy's subtrees (the definitions are small DAGs)."""
    memo: dict = {}

    def tr(e):
        if e in memo:
            return memo[e]
        out = _node(e, tr, env, numbers)
        memo[e] = out
        return out

    return tr(sp.sympify(expr))


def _node(e, tr, env, numbers):
    if e.is_Symbol:
        if e not in env:
            raise Untranslatable(f"the brute-force check has no value for the symbol {e}")
        return env[e]
    if e.is_Integer:
        return se.Integer(int(e))
    if e.is_Rational:
        return se.Rational(int(e.p), int(e.q))
    if e.is_Float:
        if numbers is None:
            p, q = float(e).as_integer_ratio()
            return se.Rational(p, q)
        return numbers.constant(float(e))
    if e in _CONSTANTS:
        return _CONSTANTS[e]
    if e is sp.true or e is sp.S.true:
        return se.true
    if e is sp.false or e is sp.S.false:
        return se.false
    if e.is_Add:
        return se.Add(*[tr(a) for a in e.args])
    if e.is_Mul:
        return se.Mul(*[tr(a) for a in e.args])
    if e.is_Pow:
        return se.Pow(tr(e.base), tr(e.exp))
    if isinstance(e, sp.Piecewise):
        return se.Piecewise(*[(tr(v), tr(c)) for v, c in e.args])
    if isinstance(e, (sp.Max, sp.Min)):
        args = [tr(a) for a in e.args]
        if isinstance(e, sp.Max):
            return _fold(lambda a, b: se.Piecewise((a, a >= b), (b, True)), args)
        return _fold(lambda a, b: se.Piecewise((a, a <= b), (b, True)), args)
    func = e.func
    for kind, make in (*_RELATIONS.items(), *_LOGIC.items()):
        if func is kind:
            return make(*[tr(a) for a in e.args])
    if func in _SAME:
        return _SAME[func](*[tr(a) for a in e.args])
    if func in _REWRITE:
        return _REWRITE[func](*[tr(a) for a in e.args])
    raise Untranslatable(f"the brute-force check has no SymEngine form for {func.__name__} (in {e}); add one to "
                         "gradproof.derive.brute")


class Numbers:
    """Every float of the objective (data, targets, a formula's constants, lambda) as a named symbol with its value.

    SymEngine's hashes of floats and rationals are weak (RealDouble 0.01 and 0.005 hash alike, so do p/2^59 and p/2^60),
    and ``Program`` tells subexpressions apart by hash and structure: named symbols hash by their names, so expressions
    that differ only in a number never share a bucket. Their values are fed to ``Program`` as inputs."""

    def __init__(self):
        self.values: dict = {}  # symbol -> float
        self._by_value: dict[float, object] = {}

    def named(self, name: str, value: float):
        sym = se.Symbol(name)
        self.values[sym] = float(value)
        return sym

    def constant(self, value: float):
        value = float(value)
        if value not in self._by_value:
            self._by_value[value] = self.named(f"c{len(self._by_value)}", value)
        return self._by_value[value]


class _Forward:
    """The context the registry's forward definitions (``layers.KINDS[kind].forward``) compute in: SymEngine scalars, a
    symbol per parameter entry (``params``: key -> (shape, symbols row-major), the shape as the batch program stores
    it), data and constants as named numbers, dropout masks as the integers 0 and 1."""

    def __init__(self, net, numbers: Numbers, masks: dict | None):
        self.row = net.convention == "row"
        self.numbers, self.masks = numbers, masks or {}
        self.params: dict[str, tuple[tuple[int, ...], list]] = {}
        self._x = se.Symbol("x")
        self._phi: dict = {}

    def matrix(self, layer, name: str, n_out: int, n_in: int):
        key = f"{name}{layer.name}"
        shape = (n_out, n_in) if self.row else (n_in, n_out)
        M = [[se.Symbol(f"{key}[{i},{j}]") for j in range(shape[1])] for i in range(shape[0])]
        self.params[key] = (shape, [s for r in M for s in r])
        return (lambda i, j: M[i][j]) if self.row else (lambda i, j: M[j][i])

    def vector(self, layer, name: str, width: int) -> list:
        key = f"{name}{layer.name}"
        v = [se.Symbol(f"{key}[{i}]") for i in range(width)]
        self.params[key] = ((width,), v)
        return v

    def number(self, value: float):
        return self.numbers.constant(value)

    sqrt = staticmethod(se.sqrt)

    def mask(self, layer) -> list:
        return [[int(m) for m in row] for row in self.masks[f"mask{layer.name}"]]

    def layers(self, layers, rows: list) -> list:
        for layer in layers:
            kind = KINDS[layer.kind]
            rows = kind.forward(layer, rows, self)
            if kind.activation:
                rows = self.activation(layer, rows)
        return rows

    def activation(self, layer, rows: list) -> list:
        if layer.definition is None:  # softmax, written out
            out = []
            for z in rows:
                e = [se.exp(zi) for zi in z]
                total = se.Add(*e)
                out.append([ei / total for ei in e])
            return out
        key = (layer.definition, layer.params)
        if key not in self._phi:
            self._phi[key] = to_symengine(layer.definition.subs(layer.param_values), {X: self._x}, self.numbers)
        phi = self._phi[key]
        return [[phi.xreplace({self._x: zi}) for zi in z] for z in rows]


def objective(net, X_val: np.ndarray, Y_val: np.ndarray, masks: dict | None = None):
    """J(theta) of ``net`` (a dense stack or any layer kinds) on the batch (X_val, Y_val) as one SymEngine expression,
    written out from the definitions: each layer by its kind's forward definition (``layers.KINDS``), its activation,
    the loss, the regularizer (on the kinds' weights, and biases with ``penalize_bias``). ``masks`` gives each dropout
    layer's 0/1 mask by key (``mask3``). Returns (J, params, numbers): params = {key: (shape, [symbols, row-major])} in
    the batch program's layout (W is n_out x n_in in the row convention, n_in x n_out in the column one), ``numbers``
    the symbols standing for the data and constants (``Numbers``)."""
    numbers = Numbers()
    ctx = _Forward(net, numbers, masks)
    rows = [[numbers.named(f"x{n}_{j}", v) for j, v in enumerate(row)] for n, row in enumerate(X_val)]
    rows = ctx.layers(net.layers, rows)
    n = len(X_val)
    yhat, y = se.Symbol("yhat"), se.Symbol("y")
    loss = to_symengine(net.loss.component, {YHAT: yhat, Y: y}, numbers)
    J = se.Add(*[loss.xreplace({yhat: yh, y: numbers.named(f"y{k}_{i}", yv)})
                 for k, (row, yrow) in enumerate(zip(rows, Y_val, strict=True))
                 for i, (yh, yv) in enumerate(zip(row, yrow, strict=True))]) / n
    if net.regularizer is not None:
        from .regularizers import LAMBDA, WEIGHT, N, penalty

        w = se.Symbol("w")
        env = {WEIGHT: w, LAMBDA: numbers.named("lambda", net.reg_lambda), N: se.Integer(n)}
        pen = to_symengine(penalty(net.regularizer, net.reg_scaling), env, numbers)
        J += se.Add(*[pen.xreplace({w: s}) for key in penalised_keys(net, ctx.params) for s in ctx.params[key][1]])
    return J, ctx.params, numbers


def penalised_keys(net, keys) -> list[str]:
    """The parameter keys the regularizer applies to, by the registry: every layer's ``weights`` (dense W, a residual
    block's P), and its ``bias`` (dense b) with ``penalize_bias`` -- never batch or layer norm's gamma and beta."""
    from .spec import flat_layers

    out = []
    for layer in flat_layers(net.layers):
        kind = KINDS[layer.kind]
        out += [f"{p}{layer.name}" for p in (*kind.weights, *(kind.bias if net.penalize_bias else ()))]
    return [k for k in out if k in keys]


def gradient_function(net, X_val: np.ndarray, Y_val: np.ndarray, masks: dict | None = None):
    """(f, params, count): ``f(points)`` maps an array of parameter vectors (one row per point, parameters in the order of
    ``params``, row-major within each) to dJ/dtheta at each point (an array points x count), every partial derivative
    taken by ``symengine.diff`` of ``objective``."""
    J, params, numbers = objective(net, X_val, Y_val, masks)
    symbols = [s for _, flat in params.values() for s in flat]
    grads = [J.diff(s) for s in symbols]
    program = Program([*symbols, *numbers.values], grads, shared=[J])
    fixed = np.array(list(numbers.values.values()), dtype=float)

    def f(points: np.ndarray) -> np.ndarray:
        points = np.atleast_2d(np.asarray(points, dtype=float))
        return program(np.hstack([points, np.broadcast_to(fixed, (len(points), len(fixed)))]))

    return f, params, len(symbols)


#: SymEngine function name -> NumPy function (the arguments are arrays over the points)
_NUMPY = {"log": np.log, "tanh": np.tanh, "sin": np.sin, "cos": np.cos, "tan": np.tan, "atan": np.arctan,
          "sinh": np.sinh, "cosh": np.cosh, "asinh": np.arcsinh, "erf": np.vectorize(math.erf, otypes=[float]),
          "StrictLessThan": np.less, "LessThan": np.less_equal, "Equality": np.equal, "Unequality": np.not_equal,
          "And": np.logical_and, "Or": np.logical_or, "Not": np.logical_not}


_LEAVES = ("Infinity", "NegativeInfinity", "ComplexInfinity")
#: commutative operations: their operands' order does not matter for equality
_COMMUTATIVE = ("Add", "Mul")


def _key(e) -> int:
    """A subexpression's bucket in a ``Program``'s memo: SymEngine's hash (cached by SymEngine). Only a bucket -- the
    hash is 32 bits, a - b hashes like b - a and exp(u) like exp(2u) --, so a node found in a bucket is confirmed by
    ``==``."""
    return hash(e)


def _operands(e) -> tuple:
    return () if type(e).__name__ in _LEAVES else e.args


def _leaf(e) -> tuple:
    """The exact identity of a leaf: its class and its name or value."""
    name = type(e).__name__
    if name == "Integer":
        return name, int(e)
    if name in ("RealDouble", "Rational"):
        return name, (float(e) if name == "RealDouble" else str(e))
    return name, str(e)


class Program:
    """Expressions evaluated numerically as a straight-line program: each distinct subexpression once.

    The gradients of a deep network share most of their subexpressions, but as separate copies: ``symengine.diff``
    builds each partial derivative apart, so the chain of a later layer appears once per parameter below it, and
    SymEngine's ``==`` (and its ``cse``, and ``Lambdify(cse=True)``) compares such copies node by node -- time
    exponential in depth (a 16-layer network: 22 s). Here every node gets a *value number*: leaves by class and
    name/value, operations by class and their operands' value numbers (sorted for Add and Mul), so equal copies get one
    slot by a dictionary look-up, exactly, whatever their hashes. To walk each expression as the DAG it is, a node
    already numbered in the same expression (or in the objective, whose forward pass every gradient reuses: ``shared``)
    is found by ``_key`` and confirmed by ``==``, which SymEngine answers at once for the same object.
    """

    def __init__(self, symbols, exprs, shared=()):
        """``shared``: expressions whose nodes ``exprs`` reuse (the objective, for its gradients), numbered first."""
        self.n_inputs = len(symbols)
        self.ops: list[tuple] = []  # (name, argument slots) or ("const", value); slot = n_inputs + position
        self._numbers: dict[tuple, int] = {}  # exact structure -> slot
        for k, s in enumerate(symbols):
            self._numbers[_leaf(s)] = k
        memo: dict = {}  # nodes of ``shared``, for every expression
        for expr in shared:
            self._add(expr, memo, memo)
        self.outputs = [self._add(expr, {}, memo) for expr in exprs]

    @staticmethod
    def _find(e, k, *memos) -> int | None:
        for memo in memos:
            for other, slot in memo.get(k, ()):
                if other == e:
                    return slot
        return None

    def _add(self, root, local: dict, shared: dict) -> int:
        """The slot of ``root``, appending the ops of its subexpressions not numbered yet (depth first, each node of
        ``root``'s DAG visited once)."""
        memos = (local,) if local is shared else (local, shared)
        k = _key(root)
        found = self._find(root, k, *memos)
        if found is not None:
            return found
        stack = [(root, k, _operands(root), [])]  # node, its key, its operands, their slots so far
        while True:
            e, k, args, slots = stack[-1]
            if len(slots) < len(args):
                child = args[len(slots)]
                ck = _key(child)
                found = self._find(child, ck, *memos)
                if found is None:
                    stack.append((child, ck, _operands(child), []))
                else:
                    slots.append(found)
                continue
            stack.pop()
            slot = self._number(e, slots)
            local.setdefault(k, []).append((e, slot))
            if not stack:
                return slot
            stack[-1][3].append(slot)

    def _number(self, e, slots: list[int]) -> int:
        name = type(e).__name__
        if not slots:
            structure = _leaf(e)
            if structure not in self._numbers:
                if name == "Symbol":
                    raise Untranslatable(f"the brute-force gradient still holds the free symbol {e}")
                self._numbers[structure] = self.n_inputs + len(self.ops)
                self.ops.append(("const", True if name == "BooleanTrue" else False if name == "BooleanFalse" else float(e)))
            return self._numbers[structure]
        if not (name in ("Add", "Mul", "Pow", "Piecewise") or name in _NUMPY):
            raise Untranslatable(f"SymEngine left {name} in the brute-force gradient ({str(e)[:80]}): it cannot "
                                 "differentiate it; give gradproof.derive.brute a form of it that SymEngine differentiates")
        structure = (name, tuple(sorted(slots)) if name in _COMMUTATIVE else tuple(slots))
        if structure not in self._numbers:
            self._numbers[structure] = self.n_inputs + len(self.ops)
            self.ops.append(structure)
        return self._numbers[structure]

    def __call__(self, points: np.ndarray) -> np.ndarray:
        """dJ/dtheta at each point: an array (points, outputs)."""
        points = np.asarray(points, dtype=float)
        values: list = list(points.T)
        for name, args in self.ops:
            if name == "const":
                values.append(np.full(len(points), args, dtype=bool if isinstance(args, bool) else float))
                continue
            a = [values[k] for k in args]
            if name == "Add":
                out = a[0]
                for v in a[1:]:
                    out = out + v
            elif name == "Mul":
                out = a[0]
                for v in a[1:]:
                    out = out * v
            elif name == "Pow":
                out = np.exp(a[1]) if self._is_e(args[0]) else np.power(a[0], a[1])
            elif name == "Piecewise":
                out = np.select([c.astype(bool) for c in a[1::2]], a[0::2], np.nan)
            else:
                out = _NUMPY[name](*a)
            values.append(out)
        return np.stack([values[k] for k in self.outputs], axis=1)

    def _is_e(self, k: int) -> bool:
        if k < self.n_inputs:
            return False
        name, arg = self.ops[k - self.n_inputs]
        return name == "const" and arg == math.e


__all__ = ["Numbers", "Program", "Untranslatable", "gradient_function", "objective", "penalised_keys", "to_symengine"]
