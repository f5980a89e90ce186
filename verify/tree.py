"""The expression tree a claim is parsed into, and its compact LaTeX rendering for messages."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gradproof.derive import activations, names
from gradproof.derive.optimizers import STATE_PATTERN

from .layertruth import LAYER_KINDS

#: per-sample vectors a subscript may number by example (x_i the i-th observation, s_i sample i's row) rather than by
#: entry (parser: a bound sample index; shapes: a sum's index on vectors of different sizes)
SAMPLE_BASES = ("x", "y", "yhat", "z", "h", "delta")


class Unreadable(Exception):
    """A claim (or one side of it) cannot be read; the reason becomes an ``unchecked`` verdict."""


#: how a claim about the bias of a layer the spec writes without one (``bias = false``) is left unchecked
NO_BIAS = "has no bias (bias = false)"


def is_bias(kind: str) -> bool:
    """Whether a quantity kind names a dense layer's bias: b, its gradients, its update, its optimizer state."""
    return kind in ("b", "db", "dbL", "dbR", "b_next") or re.fullmatch(rf"({STATE_PATTERN})_b(_prev)?", kind) is not None


def no_quantity(kind: str, layer: int | None, values: dict) -> Unreadable:
    """Why ``kind`` of ``layer`` has no value: the spec writes that layer without a bias (its weights exist), or the
    network has no such quantity."""
    if layer is not None and is_bias(kind) and ("W", layer) in values:
        return Unreadable(f"the spec's layer {layer} {NO_BIAS}: a claim about its bias is not judged against it")
    return Unreadable(f"the network has no quantity {kind}{layer or ''}")


def literal_op(n: Node) -> bool:
    """A node of arithmetic on written numbers: [0.218 0; 0 0.233] [-0.227; 0.429], 1 + sin(π/4 · 1) - 0.446, a layer's
    activation of a number, f^{(1)}(0.35) (its value the spec's activation's)."""
    return (n.op in ("num", "neg", "mul", "add", "sub", "div", "pow", "had", "T", "matrix")
            or n.op == "const" and n.value in ("pi", "e")
            or n.op == "fn" and n.value[0] in ("sin", "cos", "exp", "log", "sqrt", "tanh", "sigmoid", "relu", "abs", "phi"))


class FlatShape(tuple):
    """The (rows, cols) of a ``matrix`` node typed as a flat list (``[12, 2, 2]``): its numbers in order with no
    orientation (laid out as a column, like a list the reader turns into a vector); equal to the plain tuple."""

    __slots__ = ()


class NeedsLayer(Unreadable):
    """A generic layer index (``l`` in ``W^{(l+1)}``) without a value: the judge tries every layer."""

    def __init__(self, var: str):
        super().__init__("a parameter without a layer index: the claim is read for every layer" if var == "every"
                         else f"the generic layer index {var} needs a value")
        self.var = var


class NoSuchLayer(Unreadable):
    """A layer index outside the network (δ⁽⁷⁾ of a 3-layer net); a claim for every layer l skips such an l."""


#: the message of a NoSuchLayer (parser: "z names layer 0, but the network has layers 1 to 2"), as a result carries it
NO_SUCH_LAYER = re.compile(r"names layer -?\d+, but the network has layers")


@dataclass(frozen=True)
class Node:
    """One node. ``op`` is one of:

    ``num`` (value = (float, decimals or None)), ``q`` (value = (kind, layer): a network quantity),
    ``const`` (value = name: lambda, lr, N, beta, ...), ``fn`` (value = (name, layer, derivative), one arg),
    ``T`` (transpose), ``neg``, ``add``, ``sub``, ``mul`` (a product whose kind the shapes decide),
    ``had`` (elementwise product), ``div``, ``pow`` (elementwise power), ``matrix`` (value = (rows, cols)),
    ``cases`` (args: value, condition, value, condition, ...), ``cmp`` (value = "<" | ">" | "<=" | ">="),
    ``true`` (an "otherwise" condition).
    """

    op: str
    args: tuple = ()
    value: object = None

    def walk(self):
        """Every node, this one first, in pre-order. A stack, not nested generators: those pass each node up through
        every level above it (quadratic on a sum of hundreds of terms, which parses as a chain that deep)."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.args))

    def quantities(self) -> set:
        return {n.value for n in self.walk() if n.op == "q"}


def num(v: float, decimals: int | None = None) -> Node:
    return Node("num", (), (float(v), decimals))


_QUANTITY_TEX = {"dWL": (r"\frac{\partial L}{\partial ", "W"), "dWR": (r"\frac{\partial R}{\partial ", "W"),
                 "dbL": (r"\frac{\partial L}{\partial ", "b"), "dbR": (r"\frac{\partial R}{\partial ", "b")}


def quantity_tex(kind: str, layer: int | None, convention: str = "row") -> str:
    """LaTeX of a quantity, from gradproof.derive.names (one place for naming)."""
    if kind in _QUANTITY_TEX:
        head, base = _QUANTITY_TEX[kind]
        return head + names.tex_quantity(base, layer, convention) + "}"
    m = re.fullmatch(rf"({STATE_PATTERN})_(W|b)(_prev)?", kind)
    if m:
        param = names.tex_weight(layer, convention) if m.group(2) == "W" else names.tex_bias(layer, convention)
        return names.tex_state(m.group(1), param)
    if kind in ("dz", "dhs", "dyhats"):  # a batch: ∂J/∂Z of the mean J; Ng's dA, each sample's own
        inner = {"dz": names.tex_vec("Z", layer), "dhs": names.tex_vec("h", layer), "dyhats": r"\hat{\mathbf{y}}"}[kind]
        return names.tex_partial("J", inner) if kind == "dz" else f"d{inner}"
    if kind in ("dx", "dxs"):  # the input's gradient: ∂J/∂x, Ng's and CS231n's dx (each sample's own)
        return names.tex_partial("J", r"\mathbf{x}") if kind == "dx" else r"d\mathbf{x}"
    if kind in ("Wb", "dWb", "Wb_next", "dWbL", "dWbR"):  # Ng's Θ = [b W]: the weights with the bias column
        theta = rf"[\mathbf{{b}}\;W]^{{({layer})}}"
        return {"Wb": theta, "Wb_next": theta + "_{new}"}.get(kind, names.tex_partial("J", theta))
    if kind in LAYER_KINDS:  # batch/layer norm, dropout, residual blocks (verify/layertruth.py)
        from .layertruth import quantity_tex as layer_tex

        return layer_tex(kind, layer)
    if kind == "lossL":
        return "L"
    if kind == "lossR":
        return "R"
    try:
        return names.tex_quantity(kind, layer, convention)
    except KeyError:  # a quantity with no course spelling (W_next of no layer): its name
        return rf"\mathrm{{{kind.replace('_', ' ')}}}"


#: the key of an activation's parameter among a judge's constants: ``param:y`` for a formula's ``y`` — its own namespace,
#: so a parameter named y, N, t, e or lr is never the target, the batch size, the step, Euler's number or the rate
PARAM = "param:"
CONST_TEX = {"t": "t", "lambda": r"\lambda", "lr": r"\alpha", "N": "N", "e": "e", "pi": r"\pi", "epsilon": r"\epsilon",
             "beta": r"\beta", "beta1": r"\beta_1", "beta2": r"\beta_2", "gamma": r"\gamma", "mu": r"\mu", "alpha": r"\alpha"}
FN_TEX = {"sigmoid": r"\sigma", "tanh": r"\tanh", "log": r"\log", "exp": r"\exp", "sqrt": r"\sqrt", "abs": "",
          "softmax": r"\operatorname{softmax}"}


def show(n: Node, convention: str = "row") -> str:
    """Compact LaTeX of a (sub)tree, for messages and the expected expressions."""
    s = lambda a: show(a, convention)  # noqa: E731
    op = n.op
    if op == "ones":
        return r"\mathbf{1}"
    if op == "num":
        v = n.value[0]
        return f"{v:g}"
    if op == "q":
        return quantity_tex(n.value[0], n.value[1], convention)
    if op == "const":
        if n.value.startswith(PARAM):  # as the proof sets it: upright, \mathrm{y} (derive.symbols.Parameter)
            return r"\mathrm{" + n.value[len(PARAM):].replace("_", r"\_") + "}"
        return CONST_TEX.get(n.value, n.value)
    if op == "fn":
        name, layer, deriv = n.value
        entry = activations.lookup(name)
        head = FN_TEX.get(name) or (entry.latex if entry else rf"\operatorname{{{name}}}")
        if name == "abs":
            return rf"\left|{s(n.args[0])}\right|"
        if name == "phi":
            head = r"\varphi" + (f"^{{({layer})}}" if layer else "")
        return f"{head}{chr(39) if deriv else ''}\\left({s(n.args[0])}\\right)"
    if op == "at0":
        return f"\\left.{_wrap(n.args[0], convention)}\\right|_{{{n.value}=0}}"
    if op == "sum":
        var, upper = n.value
        return f"\\sum_{{{var}}}" + (f"^{{{upper}}}" if upper else "") + f" {_wrap(n.args[0], convention)}"
    if op == "sample":
        return f"{{{s(n.args[0])}}}^{{({n.value})}}"
    if op == "rowpick":
        axis, var = n.value
        return f"{_wrap(n.args[0], convention)}[{var},:]" if axis == "row" else f"{_wrap(n.args[0], convention)}[:,{var}]"
    if op == "comp":
        return f"{{{s(n.args[0])}}}_{{{n.value + 1 if isinstance(n.value, int) else n.value}}}"
    if op == "kron":
        return rf"\delta_{{{n.value[0]}{n.value[1]}}}"
    if op in ("jac", "jacw"):
        return rf"\frac{{\partial {s(n.args[0])}}}{{\partial {s(n.args[1])}}}"
    if op == "dexpr":
        return rf"\frac{{\partial}}{{\partial {s(n.args[1])}}}\left({s(n.args[0])}\right)"
    if op == "diag":
        return rf"\operatorname{{diag}}\left({s(n.args[0])}\right)"
    if op == "entry":
        i, j = (v + 1 if isinstance(v, int) else v for v in n.value)
        return f"{{{s(n.args[0])}}}_{{{i}{j}}}"
    if op == "lq":
        return quantity_tex(n.value[0], n.value[1], convention)
    if op == "norm":
        return f"\\left\\|{s(n.args[0])}\\right\\|_{{{'F' if n.value == 2 else 1}}}"
    if op == "T":
        return f"{{{_wrap(n.args[0], convention)}}}^{{\\top}}"
    if op == "neg":
        return "-" + _wrap(n.args[0], convention)
    if op in ("add", "sub"):
        return f"{s(n.args[0])} {'+' if op == 'add' else '-'} {_wrap(n.args[1], convention) if op == 'sub' else s(n.args[1])}"
    if op == "mul":
        return f"{_wrap(n.args[0], convention)} {_wrap(n.args[1], convention)}"
    if op == "had":
        return f"{_wrap(n.args[0], convention)} \\odot {_wrap(n.args[1], convention)}"
    if op == "div":
        return f"\\frac{{{s(n.args[0])}}}{{{s(n.args[1])}}}"
    if op == "pow":
        return f"{{{_wrap(n.args[0], convention)}}}^{{{s(n.args[1])}}}"
    if op == "matrix" and isinstance(n.value, FlatShape):  # [0.1, 0.2]: as typed, a list with no orientation
        return r"\left[" + ", ".join(s(a) for a in n.args) + r"\right]"
    if op == "matrix":
        r, c = n.value
        rows = [" & ".join(s(n.args[i * c + j]) for j in range(c)) for i in range(r)]
        return r"\begin{bmatrix} " + r" \\ ".join(rows) + r" \end{bmatrix}"
    if op == "cases":
        rows = [f"{s(n.args[i])} & {s(n.args[i + 1])}" for i in range(0, len(n.args), 2)]
        return r"\begin{cases} " + r" \\ ".join(rows) + r" \end{cases}"
    if op == "cmp":
        return f"{s(n.args[0])} {n.value} {s(n.args[1])}"
    if op == "true":
        return r"\text{otherwise}"
    if op == "slice":  # a NumPy slice, [:, :-1] (augmented.py)
        part = lambda p: ":".join("" if v is None else str(v) for v in p) if isinstance(p, tuple) else str(p)  # noqa: E731
        return f"{s(n.args[0])}[{', '.join(part(p) for p in n.value)}]"
    if op == "aug":  # [H, 1], [W; b], [∂L/∂H, ∂L/∂Z b] (augmented.py)
        last = r"\mathbf{1}" if len(n.args) == 1 else " ".join(s(a) for a in n.args[1:])
        return rf"\begin{{bmatrix}} {s(n.args[0])} & {last} \end{{bmatrix}}"
    return op


def _wrap(n: Node, convention: str) -> str:
    text = show(n, convention)
    return rf"\left({text}\right)" if n.op in ("add", "sub", "neg") else text
