"""A document's own worked example as its [values]: an answer that writes the input, the target and every weight and
bias as numbers (Nafiz's "Backprop by hand": X = [1; 4; 7], W[1] = [[0.2, -0.3, 0.4], …], b[1] = [0; 0; 0], …,
Y = [1; 0; 0]) gives exactly what an answers file's [values] table holds. A TA checks its numbers against that
example; so does verify: the document is judged numerically with those values (rounded values carried forward and all,
as an answers file with [values] is), instead of leaving every number unchecked ("the answer computes with its own
numbers and the spec gives no [values]").

Only complete examples count: every value the spec's [values] needs must be written, each once as a matrix or a number
of plain numbers (its first definition; a later restatement is a claim about it), with the shapes [values] accepts.
Anything less (no target, one weight missing) leaves the document in symbolic mode, as before. A document of several
sections takes the first section's complete example, and names the sections that set problems of their own
(``sections.py``). Reading is bounded: at most MAX_CLAIMS claims are looked at and MAX_ROWS rows parsed in all passes
together by the claim grammar (no eval; a row that does not read is read once more, at a deeper network, for a layer
the network does not have)."""

from __future__ import annotations

import re

import numpy as np
from gradproof.derive import limits
from gradproof.derive.errors import AnswerError

from . import sections, unitnumbers
from .normalize import fold_unicode, number_list
from .parser import MAZUR_UNITS, Notation, parse_claim
from .shapes import evaluate
from .surface import split_top_level
from .tree import FlatShape

#: the source of values read from the document itself (judge.Judge names it in counterexamples)
OWN_EXAMPLE = "the document's own worked example"
#: claims looked at for the example's values (a document's definitions come first)
MAX_CLAIMS = 400
#: rows (a claim, or one definition of a listed display) parsed for them in all: a display listing 10 000 values, or
#: 400 displays of 150, would parse each (a complete example needs a few per layer)
MAX_ROWS = 1000


def _literal(node) -> np.ndarray | None:
    """The value of a side of plain numbers (a number or a matrix of them), else None."""
    if node.op == "neg":
        inner = _literal(node.args[0])
        return None if inner is None else -inner
    if node.op == "num":
        return np.asarray(float(node.value[0]))
    if node.op == "T":  # x = (0.5, -1.0)^T: a column written as a transposed row (a list has no orientation)
        inner = _literal(node.args[0])
        return None if inner is None else inner if inner.ndim < 2 else inner.T
    if node.op != "matrix" or not all(a.op in ("num", "neg") and all(n.op in ("num", "neg") for n in a.walk())
                                      for a in node.args):
        return None
    try:
        value = np.asarray(evaluate(node, None), dtype=float)
    except Exception:  # noqa: BLE001 -- an unusual matrix is no value
        return None
    return value.reshape(-1) if isinstance(node.value, FlatShape) else value  # (0.05, 0.10): a list, no orientation


#: a weight multiplied transposed: z = w^T x + b, W1^{T} x (its weights then written as a column)
_W_TIMES_TRANSPOSED = re.compile(r"(?<![A-Za-z\\])[wW](?:_?(?:\s*\{)?\s*\d(?:\s*\})?)?\s*\^(?:\s*\{)?\s*(?:T|\\top)(?![A-Za-z])")


def document_values(claims, net) -> dict | None:
    """The [values] a document's own worked example gives (``answers._values``' result: params, x, y, layout), or
    None when it does not write all of them. A network with layer kinds (batch norm, dropout masks) is not read. A
    document of several sections takes the first section's that gives every value by itself, and names the claims of
    the sections that give their own numbers under ``foreign`` (claim id -> why: ``sections.py``)."""
    from .infer import _one_unit_weights as one_unit_weights
    from .infer import weights_numbered_one_by_one as numbered_one_by_one

    if net.has_kinds:
        return None
    options = (("sizes", tuple(net.sizes)), ("convention", net.convention))  # (a chain of single neurons: w_k is
    text = fold_unicode(" ".join(c.latex for c in list(claims)[:MAX_CLAIMS]))  # layer k's weight; W₁₃ as W_{13})
    if MAZUR_UNITS.search(text):
        options += (("mazur", True),)  # Mazur's i_1, target_{o1}, w_1 … w_8, b_1 (one bias per layer)
    elif one_unit_weights(net.sizes, text):
        options += (("unit_weights", True),)  # one unit's z = w_1 x_1 + w_2 x_2 + b: w_k its weight on x_k (infer.py)
    bases: tuple = ()
    if net.depth == 1 and net.sizes[0] > 1 and net.sizes[1] == 1 and numbered_one_by_one(text, net.depth):
        # Sghosh's x1, w11, w12 of one unit (infer.conventions reads them so: its weights' digits, unit then input)
        options += (("numbered_weights", "w"), ("digit_entries", True), ("weight_order", "target"))
    order = unitnumbers.weight_numbering(text, net.sizes)
    if order is not None:  # Han & Kamber's w_{14} = 0.2, θ_4 = -0.4, O_1 = 1: units numbered across the network
        options += (("unit_numbers", order),)
        bases = unitnumbers.LETTERS
    spent = [0]  # rows parsed, all passes together (MAX_ROWS)
    givens = _givens(claims, Notation(bases=bases, options=options), net, spent)
    mazur = "mazur" in dict(options)
    whole = _example(givens, net, mazur, bool(_W_TIMES_TRANSPOSED.search(text)))
    if whole is None and (named := _scalar_names(claims, net)) is not None:
        claims = named  # (w1 = 0.20 of a forward pass written unit by unit: W^{(1)}_{11} = 0.20, as the judge reads it)
        givens = _givens(claims, Notation(options=options[:2] + (("named_entries", True),)), net, spent)
        whole = _example(givens, net, False)
    if whole is not None and _target_contradicted(text, whole):
        return None  # (froukje's "labels y = 1", then L(1.5, 0.56) = ½(1.5 − 0.56)²: which target is meant is not certain)
    groups = sections.grouped(claims, MAX_CLAIMS)
    if len(groups) < 2:
        return whole
    for members in groups:
        inside = set(members)
        own = _example([g for g in givens if g[0] in inside], net, mazur)
        if own is not None:
            break
    else:
        return whole  # (an example spread over several sections, as a single one is read)
    foreign: dict[str, str] = {}
    apart: list[tuple] = []  # (claim ids, network, values): sections with a tiny example of their own
    for other in groups:
        if other is members:
            continue
        why = _own_problem([g for g in givens if g[0] in set(other)], own, net)
        if why:
            foreign.update({claims[k].id: why for k in other})
            tiny = _tiny_example([claims[k] for k in other], net, mazur, spent)
            if tiny is not None:
                apart.append((tuple(claims[k].id for k in other), *tiny))
    own["foreign"] = foreign
    own["apart"] = tuple(apart)
    return own


def _scalar_names(claims, net):
    """The claims renamed by the answer's own forward pass written unit by unit (scalargraph.py: w5 is W^{(2)}_{11}, H1
    is h^{(1)}_{1}, one bias per layer b1 is b^{(1)} with that value in every entry) when that is the one reading of
    its names the judge applies (unitnames.own_names), else None."""
    from .scalargraph import ScalarGraphReading
    from .unitnames import own_names

    named, applied = own_names(net, list(claims)[:MAX_CLAIMS])
    if len(applied) != 1 or not isinstance(applied[0], ScalarGraphReading):
        return None
    return named


#: the loss applied to two numbers, its target and its prediction: L(1.5, 0.56), J(0.5, 0.73), \mathcal{L}(1, 0.62)
_LOSS_OF_NUMBERS = re.compile(r"(?<![A-Za-z\\])(?:[LJEC]|\\mathcal\s*\{?\s*[LJ]\s*\}?)\s*\(\s*(-?[0-9]{0,6}\.?[0-9]{1,8})\s*,"
                              r"\s*(-?[0-9]{0,6}\.?[0-9]{1,8})\s*\)")


def _target_contradicted(text: str, values: dict) -> bool:
    """Whether the document computes its loss with a target other than the one its example gives (one output): the
    loss written of two numbers, neither of them the given target (froukje's y = 1 in her prose, L(1.5, 0.56) in her
    example) — the example's target is then not certain."""
    y = np.asarray(values.get("y"), dtype=float)
    if y.size != 1:
        return False
    target = float(y.reshape(-1)[0])
    for m in _LOSS_OF_NUMBERS.finditer(text[:200_000]):
        a, b = float(m.group(1)), float(m.group(2))
        if abs(a - target) > 1e-9 and abs(b - target) > 1e-9:
            return True
    return False


def _tiny_example(members: list, net, mazur: bool, spent: list) -> tuple | None:
    """(network, [values]) of a section that gives a complete example of the network with one unit per layer and one
    input (smaxx73's exercise "1 input, 1 hidden neuron, 1 output": w_1 = 0.5, b_1 = 0, w_2 = -1.0, b_2 = 0.5, x = 1.0,
    y = 0), else None: its claims are judged on that tiny network, with its numbers (``sections.judged_apart``)."""
    from .scalarcase import scalar_network

    tiny = scalar_network(net)
    if tiny is None or tuple(tiny.sizes) == tuple(net.sizes):
        return None
    options = (("sizes", tuple(tiny.sizes)), ("convention", tiny.convention)) + ((("mazur", True),) if mazur else ())
    values = _example(_givens(members, Notation(options=options), tiny, spent), tiny, mazur)
    return None if values is None else (tiny, values)


def _givens(claims, notation: Notation, net, spent: list) -> list[tuple]:
    """The values the document's rows give, in order (``spent``: the rows parsed so far, every pass counted against
    MAX_ROWS): (claim position, how, key or quantity, index, value) — ``how``
    "whole" (``W^{(1)} = [...]``), "entry" (``x_1 = 0.05``), "layer" (a summed input, activation or δ: ``z^{(1)} =
    [0.6, -0.3]^T``, key the (kind, layer)) or "outside" (a layer past the network's: key the quantity's kind)."""
    out: list[tuple] = []
    scripted = any(_SCRIPT_LAYER.search(c.latex) for c in list(claims)[:MAX_CLAIMS])  # Z^{[1]}, a^{(2)}: its layers
    rows = ((k, row) for k, c in enumerate(list(claims)[:MAX_CLAIMS]) for listed in given_rows(c.latex)
            for row in listed_values(listed))
    for k, latex in rows:
        if "\\begin" not in latex and not any(ch.isdigit() for ch in latex):
            continue
        spent[0] += 1
        if spent[0] > MAX_ROWS:
            break
        latex = _NAMED_GIVEN.sub(r"\1 =", latex)  # y (true label) = 1.0: the words in brackets name the value
        if _letters_given(latex):
            continue  # (∂L/∂w = a_1 b_1 + … : no value given; parsing 400 such rows took a long answer's whole budget)
        listed = _bracket_list(latex)
        try:
            sides, rels = parse_claim(listed[0] if listed else latex, notation, net.depth)
        except Exception:  # noqa: BLE001 -- a claim that does not read gives no value (but may name a layer past them)
            kind = _past_the_layers(listed[0] if listed else latex, notation, net)
            if kind is not None:
                out.append((k, "outside", kind, None, None))
            continue
        if listed and not rels and len(sides) == 1:  # the left side alone: its value is the list's
            sides, rels = sides + [listed[1]], ["="]
        if (len(sides) > 2 and set(rels) == {"="} and all(side.op == "q" for side in sides[:-1])
                and _literal(sides[-1]) is not None):
            sides, rels = [sides[0], sides[-1]], ["="]  # X = A^{[0]} = [0.5; -0.2]: two names of the input, one value
        if not listed and set(rels) == {"="} and len(sides) >= 3:
            out += _put_in(k, sides, notation, net)  # z_1 = x · w_1 = 1.0 · 0.5 = 0.5: x and w_1 by their numbers
        if rels != ["="] or len(sides) != 2:
            continue
        given = sides[1] if listed else _literal(sides[1])
        if given is None:
            continue
        if _one_by_one(sides[0], net):
            sides[0] = sides[0].args[0]  # w_1 = 0.5 in a chain of single neurons: the entry is the whole weight
        if sides[0].op in ("comp", "entry") and sides[0].args[0].op == "q":
            if given.ndim == 0 and (sides[0].op == "comp" or "mazur" in dict(notation.options)
                                    or "unit_weights" in dict(notation.options)  # (one unit's w_k: on x_k, certain)
                                    or "digit_entries" in dict(notation.options)  # (one unit's w12: on x_2, certain)
                                    or "unit_numbers" in dict(notation.options)  # (w_{46}: unit 4 to unit 6, certain)
                                    or "named_entries" in dict(notation.options)):  # (scalargraph's W^{(1)}_{21}: certain)
                key = _key(*sides[0].args[0].value)  # (a weight's entry w_{12}: which index is the target is the
                index = sides[0].value if sides[0].op == "entry" else (sides[0].value,)  # judge's reading, not known yet)
                if key is not None and isinstance(index, tuple) and all(isinstance(i, int) for i in index):
                    out.append((k, "entry", key, index, float(given)))
            continue
        if sides[0].op != "q":
            continue
        key = _key(*sides[0].value)
        if key is not None:
            out.append((k, "whole", key, None, given))
        elif sections.sized_otherwise(given, *sides[0].value, net) and not (scripted and _SUBSCRIPT_ONLY.match(latex)):
            out.append((k, "layer", sides[0].value, None, given))  # (Diaz's "Let z_1 = 0.235" beside his Z^{[2]}:
            # in an answer that writes its layers as scripts, z_1 is an entry it names, no layer of another problem)
    return out


#: a given value whose symbol is followed by words in brackets (Sghosh's plain-text "y (true label) = 1.0"): the
#: symbol, then only letters and spaces in the brackets, a word of three letters or more among them (f(x), σ(z) are
#: no such thing)
_NAMED_GIVEN = re.compile(r"^(\s*[A-Za-z](?:_\{?[A-Za-z0-9]{1,6}\}?)?)\s*\((?=[A-Za-z ]*[A-Za-z]{3})[A-Za-z ]{3,40}\)\s*=")
#: how a value put into a formula is kept beside the values given (``_example`` takes these last)
PUT_IN = "put in"


def _put_in(k: int, sides: list, notation: Notation, net) -> list[tuple]:
    """The inputs, targets, weights and biases a chain writes as a formula and then as the same formula with numbers
    put in, term by term (sreekanth's ``z_1 = x · w_1 = 1.0 · 0.5 = 0.5``, Mazur's ``net_{h1} = w_1 i_1 + w_2 i_2 + b_1
    = 0.15 · 0.05 + 0.2 · 0.1 + 0.35``): (claim position, PUT_IN, key, index, value), the value of
    each letter the number in its place — a blog that gives its initial weights in a figure gives them in its text only
    so. Only the first formula followed by numbers is read; its letters that are not given values (z, h, a rate) are
    left out."""
    for letters, numbers in zip(sides, sides[1:], strict=False):
        if _numbers_only(letters) or not _numbers_only(numbers):
            continue
        pairs = _term_by_term(letters, numbers, 0)
        out = []
        for leaf, value in pairs or ():
            if _one_by_one(leaf, net):
                leaf = leaf.args[0]
            found = _given_leaf(leaf, np.asarray(value), notation)
            if found is not None:
                out.append((k, PUT_IN, found[1], found[2], float(value)))
        return out
    return []


def _numbers_only(node) -> bool:
    from .tree import literal_op

    return any(n.op == "num" for n in node.walk()) and all(literal_op(n) for n in node.walk())


def _term_by_term(letters, numbers, depth: int) -> list | None:
    """[(leaf, number)] where ``numbers`` is ``letters`` with a number in place of each quantity, the operators as
    written, else None (bounded depth)."""
    from .judge import _sign_inward

    if depth > 40:
        return None
    numbers = _sign_inward(letters, numbers)
    if letters.op in ("q", "entry", "comp"):
        value = _literal(numbers)
        return [(letters, float(value))] if value is not None and value.ndim == 0 else None
    if letters.op == "num":
        value = _literal(numbers)
        return [] if value is not None and value.ndim == 0 and abs(float(value) - float(letters.value[0])) < 1e-12 else None
    same = letters.op == numbers.op and len(letters.args) == len(numbers.args) and (
        letters.op in ("add", "sub", "mul", "div", "neg", "pow") or letters.op == "fn" and letters.value == numbers.value)
    if not same:
        return None
    out = []
    for a, b in zip(letters.args, numbers.args, strict=True):
        found = _term_by_term(a, b, depth + 1)
        if found is None:
            return None
        out += found
    return out


def _given_leaf(leaf, value: np.ndarray, notation: Notation) -> tuple | None:
    """(how, key, index) of a value given to ``leaf``: "whole" for a quantity (x, y, W1, b2), "entry" for one entry
    of it (read as ``_givens`` reads ``x_1 = 0.05``), else None."""
    if leaf.op in ("comp", "entry") and leaf.args[0].op == "q":
        options = dict(notation.options)
        if value.ndim == 0 and (leaf.op == "comp" or "mazur" in options or "unit_weights" in options
                                or "unit_numbers" in options or "digit_entries" in options):
            key = _key(*leaf.args[0].value)
            index = leaf.value if leaf.op == "entry" else (leaf.value,)
            if key is not None and isinstance(index, tuple) and all(isinstance(i, int) for i in index):
                return "entry", key, index
        return None
    if leaf.op != "q":
        return None
    key = _key(*leaf.value)
    return None if key is None else ("whole", key, None)


#: what a side of numbers may hold that is written in letters: a command's name, an environment's name, the words of
#: \text{…}-like commands, a transpose mark, the e of 1e-3
_NOT_A_LETTER = re.compile(r"\\(?:begin|end)\s*\{[^{}]*\}|\\(?:text\w*|mathrm|mathbf|mbox|operatorname|unit|si)\s*\{[^{}]*\}"
                           r"|\\[A-Za-z]+|\^\s*\{?\s*T(?![A-Za-z])|(?<=\d)[eE](?=[-+]?\d)")
_EQUALS = re.compile(r"=")


#: a layer written as a script in brackets or parentheses: Z^{[1]}, a^{(2)}, W^{[l]}
_SCRIPT_LAYER = re.compile(r"\^\s*\{?\s*[\[(]\s*(?:\d|[lL])")
#: a letter with a subscript digit and no superscript: z_1 = 0.235
_SUBSCRIPT_ONLY = re.compile(r"\s*[A-Za-z]\s*_\s*\{?\s*\d+\s*\}?\s*=")


def _letters_given(latex: str) -> bool:
    """Whether the row is one equation whose right side has a letter outside commands (``\\frac{\\partial L}{\\partial w}
    = a_1 b_1 + …``): a value in letters, which ``_literal`` never takes — no need to parse it. Rows of other shapes
    (no =, several, = inside braces) are left to the parser."""
    if latex.count("=") != 1:
        return False
    parts = split_top_level(latex, _EQUALS)
    if len(parts) != 2:
        return False
    return bool(re.search(r"[A-Za-z]", _NOT_A_LETTER.sub(" ", parts[1])))


def _past_the_layers(latex: str, notation: Notation, net):
    """The kind of quantity a given row names at a layer past the network's (``W^{(2)} = [0.6, -0.4]^T`` of a
    one-layer network: another problem's), else None."""
    try:
        sides, rels = parse_claim(latex, notation, sections.depth_to_read(net))
    except Exception:  # noqa: BLE001 -- unread either way
        return None
    if rels != ["="] or len(sides) != 2 or sides[0].op != "q" or _literal(sides[1]) is None:
        return None
    kind, layer = sides[0].value
    return kind if sections.outside(layer, net) else None


def _example(givens: list[tuple], net, mazur: bool, transposed: bool = False) -> dict | None:
    """The [values] the ``givens`` make (the first statement of each value counts), or None when incomplete.
    ``transposed``: the answer multiplies its weight transposed (``z = w^T x + b``), so a weight given as a column is
    that column (a vector: the spec's one-unit row of weights)."""
    from .answers import _values

    table: dict = {}
    entries: dict[str, dict] = {}  # values given entry by entry (x_1 = 0.05, w_{12} = 0.2, Mazur's w_5 = 0.4)
    for _, how, key, index, given in givens:
        if how == "entry":
            entries.setdefault(key, {}).setdefault(index, given)
        elif how == "whole" and key not in table:
            if transposed and key[:1] == "W" and given.ndim == 2 and given.shape[1] == 1 and given.shape[0] > 1:
                given = given.reshape(-1)  # a one-unit layer's w written as the column its wᵀx multiplies: a vector
            table[key] = given.tolist() if given.ndim else _scalar(key, float(given), net)
    for _, how, key, index, given in givens:  # (then the values put into a formula, where none is given)
        if how == PUT_IN and index is None and key not in table and key not in entries:
            table[key] = _scalar(key, float(given), net)
        elif how == PUT_IN and index is not None and key not in table:
            entries.setdefault(key, {}).setdefault(index, given)
    for key, given in entries.items():
        if key not in table:
            whole = _assembled(key, given, net, mazur)
            if whole is not None:
                table[key] = whole
    if "x" not in table or "y" not in table:
        return None

    def fail(where: str, what: str) -> AnswerError:
        return AnswerError(f"{where}: {what}")

    try:
        values = _values(table, net, fail)
    except AnswerError:
        return None
    values["source"] = OWN_EXAMPLE
    return values


def _own_problem(givens: list[tuple], example: dict, net) -> str | None:
    """Why a section sets its own problem (the first value it gives that is not the example's), else None."""
    for _, how, key, _index, given in givens:
        if how == "outside":
            return f"it names {key} of a layer the network does not have"
        if how == "layer":
            return f"it gives {key[0]}^({key[1]}) with {np.size(given)} entries, where the network has {net.sizes[key[1]]}"
        if how == "whole":
            why = sections.differs(given, example, key, net)
            if why and (key in ("x", "y") or why == "another shape"):  # (a weight with other numbers of its shape may
                return f"it gives {key} with {why} than the worked example's"  # be its value after the step: Chiari's)
    return None


def _statements(claims, notation, depth: int, wanted):
    """The answer's statements of given values (``x = [1, 4, 5]``, ``W^{(1)} = \\begin{bmatrix} … \\end{bmatrix}``, the
    rows of a list of them) that ``wanted`` keeps, read: (sides, listed) — a list's right side is its numbers (listed
    its (left text, numbers)), else the parsed right side. Bounded: the first MAX_CLAIMS claims, MAX_ROWS statements."""
    parsed = 0
    for latex in (row for c in list(claims)[:MAX_CLAIMS] for listed in given_rows(c.latex)
                  for row in listed_values(listed)):
        if not wanted(latex):
            continue
        parsed += 1
        if parsed > MAX_ROWS:
            break
        listed = _bracket_list(latex)
        try:
            sides, rels = parse_claim(listed[0] if listed else latex, notation, depth)
        except Exception:  # noqa: BLE001 -- a claim that does not read gives no value
            continue
        if listed and not rels and len(sides) == 1:  # the left side alone: its value is the list's
            sides, rels = sides + [listed[1]], ["="]
        if rels == ["="] and len(sides) == 2:
            yield sides, listed


def _bracket_list(latex: str) -> tuple[str, np.ndarray] | None:
    """``x = [1, 4, 5]`` (a vector typed as a list, inline in a notebook's prose; ``[1, 0]^T`` too): the left side's text
    and the numbers as one flat vector (no orientation: ``answers._values`` lays a flat x or y out as one sample), else None."""
    left, eq, right = latex.partition("=")
    right = right.strip()
    if not eq or not right.startswith("[") or "=" in right or len(left.strip()) > 30:
        return None
    found = number_list(right, 0)
    if found is None or _TRANSPOSED.sub("", right[found[1]:]).strip(" .,;"):
        return None
    return left, np.asarray([float(v) for v in found[0]])


#: a transpose written after a typed list (smaxx73's ``x = [1, 0]^T``, a column): the list is flat either way
_TRANSPOSED = re.compile(r"^\s*\^\s*(?:\{\s*(?:T|\\top|\\intercal)\s*\}|T|\\top|\\intercal)(?![A-Za-z])")


def _key(kind: str, layer) -> str | None:
    """The [values] key of a quantity the parser read (x, y, W1, b2), or None for any other."""
    return kind if kind in ("x", "y") and layer is None else f"{kind}{layer}" if kind in ("W", "b") and layer else None


def _assembled(key: str, given: dict, net, mazur: bool):
    """A whole value from its entries when every one is given (else None): a vector (x, y, b) or a weight matrix as
    the spec lays it out; Mazur's shared bias b_1 fills its whole layer."""
    sizes = net.sizes
    if key not in ("x", "y") and not 1 <= int(key[1:]) < len(sizes):
        return None  # (a layer the network does not have: b_3 of one bias per unit, read with Mazur's one per layer)
    if key in ("x", "y"):
        shape = (sizes[0] if key == "x" else sizes[-1],)
    elif key[0] == "b":
        shape = (sizes[int(key[1:])],)
        if mazur and list(given) == [(0,)]:
            return [given[(0,)]] * shape[0]
    else:
        layer = int(key[1:])
        shape = (sizes[layer], sizes[layer - 1]) if net.convention == "row" else (sizes[layer - 1], sizes[layer])
    inside = lambda i: len(i) == len(shape) and all(0 <= a < n for a, n in zip(i, shape, strict=True))  # noqa: E731
    if len(given) != int(np.prod(shape)) or not all(inside(i) for i in given):
        return None
    whole = np.zeros(shape)
    for index, value in given.items():
        whole[index] = value
    return whole.tolist()


def _scalar(key: str, value: float, net):
    """A value written as one number: Chiari's y = 1.0 (one output); in a chain of single neurons (adilce009's x = 1,
    w_1 = 0.5) an input, a weight or a bias of size 1 too; a bias of several units written 0 (``\\mathbf{b}^{(2)} =
    \\mathbf{0}``) is the zero vector. Any other number stays a number (``_values`` rejects it)."""
    if key[0] == "b" and value == 0 and key[1:].isdigit() and 0 < int(key[1:]) < len(net.sizes):
        return [0.0] * net.sizes[int(key[1:])]
    if key == "y" or (key == "x" and net.sizes[0] == 1) or key[0] == "b":
        return [value]
    if key[0] == "W" and net.sizes[int(key[1:])] == 1 and net.sizes[int(key[1:]) - 1] == 1:
        return [[value]]
    return value


def _one_by_one(node, net) -> bool:
    """``node`` is the one entry of a 1×1 weight or bias (a chain of single neurons: w_1 is W⁽¹⁾ itself)."""
    if node.op != "entry" or node.args[0].op != "q" or any(node.value):
        return False
    kind, layer = node.args[0].value
    return (kind in ("W", "b") and isinstance(layer, int) and 1 <= layer < len(net.sizes)
            and net.sizes[layer] == 1 and (kind == "b" or net.sizes[layer - 1] == 1))


def document_setup(claims, net, notation: Notation, one_example: bool = False) -> tuple[int, dict | None, Notation]:
    """How a document is judged: (batch, values, notation). With its own complete worked example, numerically on those
    values (the batch is its number of samples, its layout the one the values are written in); else symbolically with
    ``document.document_batch``'s choice. The same for a file, standard input and a submission of a batch."""
    from dataclasses import replace

    from .document import chosen_batch, document_batch, examples_written

    try:  # (past the run's soft deadline: Judge.check_all then gives every claim unchecked, saying so)
        with limits.until_overdue("reading the answer's worked example"):
            values = document_values(claims, net)
    except limits.TimeLimitError:
        values = None
    if values is None:
        batch = document_batch(claims, net, one_example)
        if batch == 1 and not (one_example or getattr(claims, "one_example", False) or net.mixes_samples):
            # one example, the tool's choice (nothing in the answer asks for a batch): a 1/n the answer writes is 1 there
            # (Judge._mean_unseen checks such a claim again with a batch)
            notation = replace(notation, options=notation.options + (("one_chosen", True),))
        written = examples_written(claims) if batch > 1 else None
        if written is not None:  # (a blog's X written out for its two examples: its \sum_{i=1}^{2} runs over the batch)
            notation = replace(notation, options=notation.options + (("examples_written", written),))
        return batch, None, chosen_batch(notation, batch)
    if values.get("layout") and "layout" not in dict(notation.options):
        notation = replace(notation, options=notation.options + (("layout", values["layout"]),))
    return len(values["x"]), values, notation


def given_rows(latex: str) -> list[str]:
    r"""The definitions of one display listed with ``,\quad`` between them, matrices and all (Chiari's ``\mathbf{x} =
    \begin{bmatrix}0.5\\-0.2\end{bmatrix},\quad y=1.0,\quad \mathbf{W}^{(1)}=\begin{bmatrix}…\end{bmatrix}``): split at
    a comma followed by ``\quad``/``\qquad`` outside braces and environments (one linear scan); the display itself
    when it lists nothing."""
    rows, depth, start = [], 0, 0
    for m in _GROUP_OR_COMMA.finditer(latex):
        token = m.group()
        if token in ("{", "\\begin"):
            depth += 1
        elif token in ("}", "\\end"):
            depth -= 1
        elif depth == 0 and _QUAD_AFTER.match(latex, m.end()):
            rows.append(latex[start:m.start()])
            start = m.end()
    rows.append(latex[start:])
    return rows if len(rows) > 1 else [latex]


#: what given_rows reads (one regex scan): a group or environment opened or closed, a comma
_GROUP_OR_COMMA = re.compile(r"[{},]|\\begin|\\end")
_QUAD_AFTER = re.compile(r"[ \t\n]*\\q?quad")


def listed_values(latex: str) -> list[str]:
    r"""The definitions of one inline list ``x=1, w_1=0.5, w_2=-1.0, y=0.5`` (adilce009's "Let \(x=1, w_1=0.5, …\)"):
    split at the commas outside brackets, braces and environments (not ``\,``) when every piece is one
    ``symbol = value`` — a short left side and plain numbers on the right (a matrix of them too); the text itself
    otherwise (one linear scan)."""
    pieces = split_top_level(latex, _COMMA)
    if len(pieces) < 2 or not all(_given(p) for p in pieces):
        return [latex]
    return pieces


def _given(piece: str) -> bool:
    """``symbol = value``: one ``=``, a left side of at most 30 characters, a right side of numbers only."""
    if piece.count("=") != 1:
        return False
    left, right = piece.split("=")
    right = _ENVIRONMENT.sub(" ", right)
    return 0 < len(left.strip()) <= 30 and any(ch.isdigit() for ch in right) and not any(
        ch.isalpha() for ch in right)


#: the separator of a list of given values
_COMMA = re.compile(",")
#: the frame of a matrix of numbers: \begin{bmatrix}, \end{pmatrix}, row and column separators
_ENVIRONMENT = re.compile(r"\\(?:begin|end)\s*\{[a-zA-Z*]{1,12}\}|\\\\")


def given_shapes(claims, net) -> dict:
    """How the answer lays out the numbers it gives for x and the weights: {"x": None} where x is typed as a list (no
    orientation), {"W2": (2, 1)} a weight's matrix as written. Read as ``document_values`` reads them (its first
    statement of each), whether or not the document gives every value."""
    notation = Notation(options=(("sizes", tuple(net.sizes)), ("convention", net.convention)))
    shapes: dict = {}
    for sides, listed in _statements(claims, notation, net.depth, lambda latex: "\\begin" in latex or "[" in latex):
        if sides[0].op != "q":
            continue
        key = _key(*sides[0].value)
        if key is None or key in shapes or not (key == "x" or key.startswith("W")):
            continue
        listed = listed or sides[1].op == "matrix" and isinstance(sides[1].value, FlatShape)
        given = None if listed else _literal(sides[1])
        if listed or given is not None and given.ndim == 2:
            shapes[key] = None if listed else tuple(given.shape)
    return shapes
