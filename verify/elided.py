"""A matrix or vector written with dots: ``(z^l_1 \\\\ \\vdots \\\\ z^l_m)``, ``[a_1\\ a_2\\ \\cdots\\ a_n]``, a weight
matrix by its corners ``w_{11} … w_{1n} ⋮ w_{m1} … w_{mn}`` or transposed (``w_{11} … w_{m1}`` along a row: EastSunrise's
Wᵀ δ), entries that are expressions (``f'(z^{l-1}_1) \\\\ … \\\\ f'(z^{l-1}_n)``) (issue 10).

The entries written are the pattern: one form, whose entry indices are constant or count along the rows or the columns
(1, 2, … before the dots, the last index after them). The count is the number after the dots, or, for a letter (m, n,
K), the size of what that index counts — the letter's meaning in the claim, which must be the same wherever the claim
uses it. What the dots stand for is then written, and the matrix is read as its entries in full
(``Node("matrix")``). Anything else — a pattern that is not one form, an index that counts along both axes, a count
that starts elsewhere than the first entry, a letter that would count two different sizes, a quantity whose size is
not known here — stays unread with the reason for dots (surface.REASONS["ellipsis"]): a verdict only when the reading
is certain.

Untrusted input: the entries are walked once each, at most MAX_CELLS entries of MAX_NODES symbols in all are built.
"""

from __future__ import annotations

from .tree import Node, Unreadable

#: the entries of an expanded matrix, at most, and the symbols of all its entries together
MAX_CELLS = 400
MAX_NODES = 20_000
#: a cell holding only dots (\cdots, \vdots, \ddots, \ldots, …) and an empty cell (``&& \vdots``)
DOTS, EMPTY = Node("dots"), Node("empty")


def expand(rows: list[list[Node]], shape_of, letters: dict, why: str) -> Node:
    """The matrix ``rows`` (cells, DOTS and EMPTY among them) with its dots written out; ``shape_of(node)``: the shape
    of a quantity an entry index counts (None when not known), ``letters``: the claim's count letters so far (letter ->
    size, updated), ``why``: the reason given when the pattern is not read."""
    filled = [r for r in rows if any(c is not DOTS and c is not EMPTY for c in r)]
    if not filled or any(c is EMPTY for r in filled for c in r):
        raise Unreadable(why)
    dots_at = [k for k, c in enumerate(filled[0]) if c is DOTS]
    if any(len(r) != len(filled[0]) or [k for k, c in enumerate(r) if c is DOTS] != dots_at for r in filled):
        raise Unreadable(why)  # (every written row elides the same columns)
    row_gap = _gap([not any(c is not DOTS and c is not EMPTY for c in r) for r in rows], why)
    col_gap = _gap([c is DOTS for c in filled[0]], why)
    grid = [[c for c in r if c is not DOTS] for r in filled]
    shaped = [[_skeleton(c) for c in r] for r in grid]
    key, slots = shaped[0][0]
    if any(k != key or len(s) != len(slots) for r in shaped for k, s in r):
        raise Unreadable(why)  # (not one form)
    down = [[r[0][1][p][0] for r in shaped] for p in range(len(slots))]  # each slot's values down the first column
    across = [[cell[1][p][0] for cell in shaped[0]] for p in range(len(slots))]  # and along the first row
    by_row = [p for p in range(len(slots)) if len(set(down[p])) > 1]
    by_col = [p for p in range(len(slots)) if len(set(across[p])) > 1]
    if set(by_row) & set(by_col) or (row_gap is not None and not by_row) or (col_gap is not None and not by_col):
        raise Unreadable(why)
    n_rows = _count([down[p] for p in by_row], row_gap, [slots[p] for p in by_row], shape_of, letters, why) \
        if by_row else len(grid)
    n_cols = _count([across[p] for p in by_col], col_gap, [slots[p] for p in by_col], shape_of, letters, why) \
        if by_col else len(grid[0])
    for a, r in enumerate(shaped):  # every written entry is the pattern's entry at its place
        for b, (_, s) in enumerate(r):
            for p, (value, _, _) in enumerate(s):
                want = down[p][a] if p in by_row else across[p][b] if p in by_col else slots[p][0]
                if value != want:
                    raise Unreadable(why)
    template = grid[0][0]
    if n_rows * n_cols > MAX_CELLS or n_rows * n_cols * sum(1 for _ in template.walk()) > MAX_NODES:
        raise Unreadable(f"{why} (written out it would be more than {MAX_CELLS} entries or {MAX_NODES} symbols)")
    cells = []
    for i in range(n_rows):
        for j in range(n_cols):
            values = [i if p in by_row else j if p in by_col else slots[p][0] for p in range(len(slots))]
            cells.append(_rebuild(template, iter(values)))
    return Node("matrix", tuple(cells), (n_rows, n_cols))


def _gap(marks: list[bool], why: str) -> int | None:
    """How many written rows (or columns) come before the one run of dots among them (``marks``: which are dots; None:
    none are); dots twice along one side, or at its edge, are not read."""
    runs = [k for k, m in enumerate(marks) if m and (k == 0 or not marks[k - 1])]
    if not runs:
        return None
    if len(runs) > 1 or runs[0] == 0 or marks[-1]:
        raise Unreadable(f"{why} (dots twice along one side of the matrix, or at its edge)")
    return sum(1 for m in marks[:runs[0]] if not m)


def _count(seqs: list, gap: int | None, slots: list, shape_of, letters: dict, why: str) -> int:
    """The number of entries along one side: the indices counting along it are 0, 1, … (the first entry on), then,
    after the dots, one last index — a number, or a letter whose size is what that index counts."""
    seq = seqs[0]
    if any(s != seq for s in seqs):
        raise Unreadable(why)
    head = seq if gap is None else seq[:gap]
    if head != list(range(len(head))):
        raise Unreadable(why)  # (a count that starts elsewhere than the first entry, or skips)
    if gap is None:
        return len(seq)
    tail = seq[gap:]
    if len(tail) != 1:
        raise Unreadable(why)
    last = tail[0]
    if isinstance(last, int):
        if last < len(head):
            raise Unreadable(why)
        return last + 1
    if not isinstance(last, str) or not last.isalpha():
        raise Unreadable(why)
    sizes = set()
    for _, quantity, axis in slots:
        shape = shape_of(quantity)
        if shape is None or len(shape) != (1 if axis is None else 2):
            raise Unreadable(why)  # (a size not known here, or one index on a matrix)
        sizes.add(shape[axis or 0])
    if len(sizes) != 1:
        raise Unreadable(f"{why} (the letter {last} would count " + " and ".join(map(str, sorted(sizes))) + " entries)")
    size = sizes.pop()
    if letters.setdefault(last, size) != size:
        raise Unreadable(f"{why} (the letter {last} counts {letters[last]} entries in one place and {size} in another, "
                         "so the dots do not say what they stand for)")
    if size <= len(head):
        raise Unreadable(why)
    return size


def _skeleton(node: Node) -> tuple:
    """(the node's form with its entry indices left out, [(index, quantity, axis)] in walk order): comp's index has
    axis None, entry's two indices axes 0 and 1."""
    slots: list = []

    def walk(n: Node):
        if n.op == "comp":
            slots.append((n.value, n.args[0], None))
            return ("comp", walk(n.args[0]))
        if n.op == "entry" and isinstance(n.value, tuple) and len(n.value) == 2:
            slots.extend((v, n.args[0], k) for k, v in enumerate(n.value))
            return ("entry", walk(n.args[0]))
        if n.op in ("dots", "empty"):
            raise Unreadable("dots inside an entry")
        return (n.op, repr(n.value), tuple(walk(a) for a in n.args))

    return walk(node), slots


def _rebuild(node: Node, values) -> Node:
    """``node`` with its entry indices (in _skeleton's walk order) replaced by ``values``."""
    if node.op == "comp":
        value = next(values)
        return Node("comp", (_rebuild(node.args[0], values),), value)
    if node.op == "entry" and isinstance(node.value, tuple) and len(node.value) == 2:
        value = (next(values), next(values))
        return Node("entry", (_rebuild(node.args[0], values),), value)
    if not node.args:
        return node
    return Node(node.op, tuple(_rebuild(a, values) for a in node.args), node.value)
