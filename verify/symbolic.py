"""Symbolic comparison where it is cheap: two sides that are elementwise scalar functions of one layer's z or h.

Such a claim (``\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))``, ``\\tanh'(z) = 1 - \\tanh^2(z)``, ``h^{(2)} = \\tanh(z^{(2)})``)
is a scalar identity in z: each side is built into a SymPy expression from the parse tree (never from the raw
text: no ``sympify`` or ``parse_latex``), h^{(l)} becomes φ_l(z), and ``simplify(a - b) == 0`` is tried under a
time bound. The numeric check has already passed; a proof only strengthens the message.
"""

from __future__ import annotations

import sympy as sp
from gradproof.derive import activations as act_registry
from gradproof.derive import limits
from gradproof.derive.calculus import derivative
from gradproof.derive.symbols import X

from .tree import Node

#: seconds for one simplify; past it the claim keeps its numeric verdict
SYMBOLIC_SECONDS = 2.0
#: trees larger than this are not tried (simplify grows fast)
MAX_NODES = 60

_ELEMENTARY = {"log": sp.log, "exp": sp.exp, "sqrt": sp.sqrt, "abs": sp.Abs, "sign": sp.sign, "erf": sp.erf, "sin": sp.sin,
               "cos": sp.cos, "normcdf": lambda v: (1 + sp.erf(v / sp.sqrt(2))) / 2,
               "normpdf": lambda v: sp.exp(-v**2 / 2) / sp.sqrt(2 * sp.pi)}
_OPS = ("num", "const", "fn", "neg", "add", "sub", "mul", "had", "div", "pow", "q", "cases", "cmp", "true")
_CMP = {"<": sp.Lt, ">": sp.Gt, "<=": sp.Le, ">=": sp.Ge}


class _NotScalar(Exception):
    """The tree is not an elementwise scalar function of one layer's z."""


def layer_of(trees: list[Node], net) -> int | None:
    """The one layer whose z, h (or ŷ) every quantity of ``trees`` is, or None."""
    layers = set()
    for t in trees:
        for n in t.walk():
            if n.op not in _OPS or (n.op == "fn" and n.value[0] == "softmax"):
                return None
            if n.op == "q":
                kind, layer = n.value
                if kind == "yhat":
                    layer = net.depth
                elif kind not in ("z", "h"):
                    return None
                layers.add(layer)
    if len(layers) != 1:
        return None
    return layers.pop()


def prove_equal(a: Node, b: Node, net, consts: dict) -> bool:
    """True when SymPy proves a = b as functions of z (within SYMBOLIC_SECONDS); False when not tried or not proved.
    Not tried once the run's optional SymPy work is spent (``limits.spare()``): the proof only adds to a right claim's
    message, and at ~80 ms a claim 1900 identities in a fraction's letters (∂f/∂z = …) had spent the run's time on it,
    the answer's own claims left "the run's time ran out" (issue 12, round twenty-nine)."""
    if not limits.spare():
        return False
    l = layer_of([a, b], net)
    if l is None or not 1 <= l <= net.depth or net.layers[l - 1].definition is None:
        return False
    if sum(1 for _ in a.walk()) + sum(1 for _ in b.walk()) > MAX_NODES:
        return False
    try:
        with limits.time_limit(SYMBOLIC_SECONDS, "a symbolic comparison", cpu=True):
            builder = _Builder(net, l, consts)
            diff = builder.build(a) - builder.build(b)
            if sp.simplify(diff) == 0:
                return True
            return bool(sp.simplify(diff.rewrite(sp.exp)) == 0)  # tanh written with exponentials
    except (_NotScalar, limits.TimeLimitError, TypeError, ValueError, ZeroDivisionError, RecursionError):
        return False


class _Builder:
    def __init__(self, net, layer: int, consts: dict):
        self.net, self.l, self.consts = net, layer, consts
        lay = net.layers[layer - 1]
        self.z = sp.Symbol("z", real=True)
        self.h = lay.definition.subs(lay.param_values).subs(X, self.z)

    def number(self, v: float) -> sp.Expr:
        return sp.Rational(repr(float(v))) if float(v) == float(v) and abs(v) != float("inf") else sp.nan

    def build(self, n: Node) -> sp.Expr:
        op = n.op
        if op == "num":
            return self.number(n.value[0])
        if op == "const":
            named = {"e": sp.E, "pi": sp.pi}
            if n.value in named:
                return named[n.value]
            if n.value not in self.consts:
                raise _NotScalar(n.value)
            return self.number(self.consts[n.value])
        if op == "q":
            return self.z if n.value[0] == "z" else self.h
        if op == "true":
            return sp.true
        if op == "cases":
            pairs = [(self.build(v), self.build(c)) for v, c in zip(n.args[::2], n.args[1::2], strict=True)]
            return sp.Piecewise(*pairs)
        args = [self.build(a) for a in n.args]
        if op == "fn":
            return self.function(n, args[0])
        if op == "neg":
            return -args[0]
        if op == "add":
            return args[0] + args[1]
        if op == "sub":
            return args[0] - args[1]
        if op in ("mul", "had"):
            return args[0] * args[1]
        if op == "div":
            return args[0] / args[1]
        if op == "pow":
            return args[0] ** args[1]
        if op == "cmp":
            return _CMP[n.value](args[0], args[1])
        raise _NotScalar(op)

    def function(self, n: Node, arg: sp.Expr) -> sp.Expr:
        name, layer, deriv = n.value
        if name in _ELEMENTARY:
            if deriv:
                raise _NotScalar(name)
            return _ELEMENTARY[name](arg)
        if name == "phi":
            target = self.net.layers[(layer or self.l) - 1]
            definition, params = target.definition, target.param_values
        else:
            entry = act_registry.lookup(name)
            same = [lay for lay in self.net.layers if entry is not None and lay.activation == entry.name]
            if same:
                definition, params = same[0].definition, same[0].param_values
            elif entry is not None and entry.definition is not None:
                definition, params = entry.definition, {entry.symbols[k]: v for k, v in entry.params.items()}
            else:
                raise _NotScalar(name)
        if definition is None:
            raise _NotScalar(name)
        expr = derivative(definition) if deriv else definition
        return expr.subs(params).subs(X, arg)
