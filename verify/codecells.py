"""A notebook whose answer is its code (issue 10, forty-sixth round).

Many students hand in the notebook of Ng's "Planar data classification" assignment, or one like it, with the
derivation written only as NumPy in its code cells::

    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    dZ2 = A2 - Y
    dW2 = (1 / m) * np.dot(dZ2, A1.T)
    db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    W1 = W1 - learning_rate * dW1

verify read Markdown cells only and refused such a notebook ("no equations found"). The formulas are there, in the
notation the reader already takes in Markdown (``np.dot``, ``.T``, ``np.sum(…, axis=1, keepdims=True)``, W1 for
W^{(1)}). Where a notebook's Markdown cells hold no equation, each line of its code cells that is one assignment of
such a formula is read as a claim, with the id ``cell N line J`` (the N-th cell of the notebook, the J-th line of that
cell).

Which lines: an assignment (``=``, ``-=``, ``+=``) to one name of a layer's quantity or its gradient (W1, b2, Z1, A2,
dW1, db1, dZ2, dA1), whose right side is built only of such names, X, Y, m, the learning rate, numbers, arithmetic
(``+ - * / ** @``), ``.T`` and the NumPy functions of a forward or backward pass (np.dot, np.sum, np.multiply, np.power,
np.exp, np.tanh, …) or an activation by its name (sigmoid, relu, tanh, softmax); a look-up by a quantity's name
(``parameters['W1']``, ``grads["dW1"]``) is that quantity (``Params['W1'] -= learning_rate * Gradients['dW1']``).
Anything else — an initialisation (np.random.randn), a function the notebook defines (relu_backward), a loop's name
(``parameters['W' + str(l)]``), a tuple, a name passed on (``W1 = parameters['W1']``) — is no claim. Each line is
checked with Python's own parser (``ast.parse``, which only parses: nothing is run), and only lines of at most
``MAX_LINE`` characters, in at most ``MAX_CELLS`` cells of at most ``MAX_CELL_LINES`` lines,
are looked at: the work is linear in the notebook and bounded.
"""

from __future__ import annotations

import ast
import re

MAX_LINE = 300
MAX_CELLS = 2000
MAX_CELL_LINES = 2000
MAX_CLAIMS = 2000

#: a layer's quantity or its gradient by its code name: W1, b2, Z1, A2, dW1, db1, dZ2, dA1 (A0 is the input); also
#: in the other case students type (w1, dw2, dB2, a1), written as the reader takes it (W1, dW2, db2, A1)
_QUANTITY = re.compile(r"(d?)([WwBbZzAaHh])(\d{1,2})")
_CANONICAL = {"w": "W", "B": "b", "z": "Z", "a": "A", "h": "H"}
#: the other names a formula may use: the input, the target, the batch size
_OTHER_NAMES = {"X", "Y", "x", "y", "m"}
#: the learning rate by its code names, written as the reader takes it
_RATES = {"learning_rate": "eta", "learningRate": "eta", "learn_rate": "eta", "lr": "lr", "alpha": "alpha",
          "eta": "eta"}
#: activations called by name (the notebook's own definition of them is not read: the name says what is meant)
_ACTIVATIONS = {"sigmoid", "relu", "tanh", "softmax"}
#: NumPy functions of a forward or backward pass
_NUMPY = {"dot", "matmul", "sum", "mean", "multiply", "power", "exp", "log", "tanh", "maximum", "sqrt", "square",
          "transpose"}
_KEYWORDS = {"axis", "keepdims"}
_OPERATORS = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow, ast.MatMult)


def _name_ok(name: str) -> bool:
    return bool(_QUANTITY.fullmatch(name)) or name in _OTHER_NAMES or name in _RATES


def _formula(node: ast.AST) -> bool:
    """Whether ``node`` is built only of what a formula of the pass may hold (see the module's docstring)."""
    if isinstance(node, ast.BinOp):
        return isinstance(node.op, _OPERATORS) and _formula(node.left) and _formula(node.right)
    if isinstance(node, ast.UnaryOp):
        return isinstance(node.op, (ast.USub, ast.UAdd)) and _formula(node.operand)
    if isinstance(node, ast.Constant):
        return type(node.value) in (int, float) and abs(node.value) < 1e6
    if isinstance(node, ast.Name):
        return _name_ok(node.id)
    if _looked_up(node) is not None:  # parameters['W1'], cache["A1"], grads['dW1']
        return True
    if isinstance(node, ast.Attribute):  # A1.T, (W2).T
        return node.attr == "T" and _formula(node.value)
    if isinstance(node, ast.Call):
        f = node.func
        if isinstance(f, ast.Attribute) and f.attr == "dot" and not (isinstance(f.value, ast.Name) and f.value.id == "np"):
            return len(node.args) == 1 and not node.keywords and _formula(f.value) and _formula(node.args[0])  # X.dot(W1)
        numpy = (isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == "np"
                 and f.attr in _NUMPY)
        named = isinstance(f, ast.Name) and f.id in _ACTIVATIONS
        if not (numpy or named) or not 1 <= len(node.args) <= 2:
            return False
        if any(k.arg not in _KEYWORDS or not isinstance(k.value, ast.Constant) for k in node.keywords):
            return False
        return all(_formula(a) for a in node.args)
    return False


def _looked_up(node: ast.AST) -> str | None:
    """The quantity a dictionary look-up names (``parameters['W1']``, ``grads["dW1"]``: the key), else None."""
    if (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and isinstance(node.slice, ast.Constant)
            and isinstance(node.slice.value, str) and _QUANTITY.fullmatch(node.slice.value)):
        return node.slice.value
    return None


class _AsRead(ast.NodeTransformer):
    """The names as the reader takes them (w1 → W1, learning_rate → eta) and ``a.dot(b)`` as ``np.dot(a, b)``."""

    def visit_Name(self, node: ast.Name) -> ast.AST:
        m = _QUANTITY.fullmatch(node.id)
        if m:
            node.id = m.group(1) + _CANONICAL.get(m.group(2), m.group(2)) + m.group(3)
        elif node.id in _RATES:
            node.id = _RATES[node.id]
        return node

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:
        key = _looked_up(node)
        return self.visit_Name(ast.Name(key, ast.Load())) if key is not None else node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        f = node.func
        if isinstance(f, ast.Attribute) and f.attr == "dot" and not (isinstance(f.value, ast.Name) and f.value.id == "np"):
            return ast.Call(ast.Attribute(ast.Name("np", ast.Load()), "dot", ast.Load()), [f.value, *node.args], [])
        return node


def _uses_a_quantity(node: ast.AST) -> bool:
    """An initialisation (``b1 = np.zeros((4, 1))``, ``W1 = 0.01 * …``) names no quantity on its right side."""
    return any(isinstance(n, ast.Name) and (_QUANTITY.fullmatch(n.id) or n.id in ("X", "Y")) or _looked_up(n) is not None
               for n in ast.walk(node))


def _target(node: ast.AST) -> str | None:
    """The name an assignment sets: ``W1``, or the key of ``parameters['W1']``."""
    return node.id if isinstance(node, ast.Name) else _looked_up(node)


def claim_line(line: str) -> str | None:
    """The formula a line of code states, as the reader takes it (``W1 -= lr * dW1`` → ``W1 = W1 - (lr * dW1)``), or
    None when the line is no claim."""
    code = line.split("#", 1)[0].strip()
    if not code or len(code) > MAX_LINE or "=" not in code or any(q in code for q in "{};:\\"):
        return None
    try:
        tree = ast.parse(code, mode="exec")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    if len(tree.body) != 1:
        return None
    stmt = tree.body[0]
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
        target, value, step = _target(stmt.targets[0]), stmt.value, None
    elif isinstance(stmt, ast.AugAssign) and isinstance(stmt.op, (ast.Add, ast.Sub)):
        target, value, step = _target(stmt.target), stmt.value, "-" if isinstance(stmt.op, ast.Sub) else "+"
    else:
        return None
    if target is None or not _QUANTITY.fullmatch(target) or not _formula(value) or not _uses_a_quantity(value):
        return None
    if step is None and (isinstance(value, ast.Name) or _looked_up(value) is not None):
        return None  # W1 = parameters['W1'], dW1 = grads['dW1']: a name passed on, no formula
    reader = _AsRead()
    target = reader.visit(ast.Name(target, ast.Store())).id
    try:
        right = ast.unparse(reader.visit(value))
    except (ValueError, RecursionError):
        return None
    right = re.sub(r"\b(eta|alpha)\b", r"\\\1", right)
    return f"{target} = {target} {step} ({right})" if step else f"{target} = {right}"


#: a name assigned at the start of a line (its own line's target)
_ASSIGNED = re.compile(r"\s*([A-Za-z_]\w*)\s*(?:[-+]?=)(?!=)")
#: a name changed in a way no claim reads: an entry assigned (dZ1[Z1 <= 0] = 0) or another in-place operator (dW1 *= …)
_IN_PLACE = re.compile(r"\s*([A-Za-z_]\w*)\s*(?:\[|(?:\*\*|//|[*/%@&|^])=)")


def _assigned(line: str) -> str | None:
    m = _ASSIGNED.match(line)
    return m.group(1) if m else None


def _changed_in_place(lines: list[str]) -> dict[str, list[int]]:
    """{name: the lines (1-based) that change it in place} — a line before one of them is not the name's formula."""
    out: dict[str, list[int]] = {}
    for j, line in enumerate(lines, start=1):
        m = _IN_PLACE.match(line[:MAX_LINE])
        if m:
            out.setdefault(m.group(1), []).append(j)
    return out


def code_claims(cells) -> tuple[str, dict[int, str]]:
    """The claims of a notebook's code cells as a document's text (one ``$…$`` per line) and, for each of its lines
    that holds one, the id it is known by: ``cell N line J``."""
    lines: list[str] = []
    ids: dict[int, str] = {}
    for n, cell in enumerate(cells[:MAX_CELLS], start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        src = cell.get("source", "")
        src = "".join(s for s in src if isinstance(s, str)) if isinstance(src, list) else src if isinstance(src, str) else ""
        cell_lines = src.split("\n")[:MAX_CELL_LINES]
        changed = _changed_in_place(cell_lines)
        for j, line in enumerate(cell_lines, start=1):
            claim = claim_line(line)
            if claim is None or any(k > j for k in changed.get(_assigned(line), ())):
                continue  # (dZ1 = np.dot(W2.T, dZ2), then dZ1[Z1 <= 0] = 0: the first line is not dZ1's formula)
            lines.append(f"${claim}$")
            ids[len(lines)] = f"cell {n} line {j}"
            lines.append("")
            if len(ids) >= MAX_CLAIMS:
                return "\n".join(lines), ids
    return "\n".join(lines), ids
