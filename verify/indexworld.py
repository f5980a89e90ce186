r"""An answer in index notation with the summation convention (einstein.py), judged on the spec's network.

Only where the convention is stated (``einstein.stated``: the prose says "Einstein notation", "summation convention",
"a dummy index", "repeated indices are summed") or declared (``[notation] summation = "einstein"``), and only claims
the judge left ``unchecked``: this pass never changes a verdict the judge gave.

The letters are bound to the spec's quantities through the answer's own definitions, in order (``bind``):

- a definition whose letters are all new (``Y = XA^T + \hat b``, ``s_i = e^{x_i} / \mathbf{1}_j e^{x_j}``) binds them
  to the spec's quantities (the input, the target, each layer's W, b, z, h, the loss; a constant index such as ``T``
  to the target's class) when exactly one assignment makes it hold at a random point and it still holds at a second
  one — else nothing is bound (two readings: ambiguous; none: the answer's definition does not match the spec);
- a definition of one new letter by bound ones (``C = A^T``, ``\sigma = \mathbf{1}_j e^{x_j}``) defines the answer's
  own symbol (recomputed wherever it is used; a derivative by it only when it is a bound letter or its transpose);
- every other equation is a claim, judged by components at two random points (``einstein.judge``).

Conventions of index notation: an upper-case Latin letter is the matrix whose components its lower-case letter
writes (X and ``x_{ik}``); ``\hat b``, ``\mathbf b`` are b. A letter never defined that the answer differentiates,
``\frac{\partial l}{\partial y_{ij}}``, is a downstream scalar ("we are provided with the gradients of l"): any
function of the answer's last quantity (here ``l = Σ G ∘ v + ½ Σ v²`` with G random), so a claim holds for every l
or not at all. Sample quantities are rows of a batch (of a size that is no layer's width) when the answer writes them
with two indices, else one example's vectors.
"""

from __future__ import annotations

import itertools
import re
import string
from dataclasses import dataclass, field

import numpy as np
from gradproof.derive import limits

from . import einstein
from .einstein import Node, Unread

#: the spec's quantities a definition may bind a letter to, in order of preference (a later layer's first)
SAMPLE_KINDS = ("x", "y", "z", "h")
MAX_TRIALS = 4000
#: a letter labelled so (``y_{\text{true}}``) is the target
TARGET_LABELS = ("true", "target", "gt", "label", "truth")
POINTS = 2
#: what a claim the judge left unchecked says once the reading by components is tried
NOT_BOUND = "read in index notation (the summation convention), but {why}"
#: the reading a claim did not get past the run's soft deadline (judge.ran_out)
OVERDUE = "in the answer's index notation (the summation convention)"


def canonical(name: str, merged=frozenset()) -> str:
    """The letter a name stands for: X is x (the matrix of its components), \\hat b is b when ``merged`` says the
    answer never writes \\hat b and b in one equation (Josh's \\hat b, the bias vector; ŷ beside y stays ŷ)."""
    if name.startswith(einstein.HAT) and name in merged:
        name = name[len(einstein.HAT):]
    mark = einstein.HAT if name.startswith(einstein.HAT) else ""
    core, layer = name[len(mark):].partition("^(")[::2]
    core = core.lower() if len(core) == 1 and core in string.ascii_uppercase else core
    return mark + core + (f"^({layer}" if layer else "")


def _uses(node: Node):
    """(letter, indices or None, inside a derivative's numerator as its whole) for every letter of a node."""
    for n in einstein._walk(node):
        if n.op == "let":
            yield n.value
        elif n.op == "d":
            yield n.value.value


def _const_indices(nodes) -> set[str]:
    out = set()
    for node in nodes:
        for n in einstein._walk(node):
            idx = n.value[1] if n.op == "let" else n.value.value[1] if n.op == "d" else n.value if n.op in (
                "delta", "ones", "entry") else None
            out |= {i for i in idx or () if i in string.ascii_uppercase}
    return out


@dataclass
class Reading:
    """The answer's letters: bound to spec keys, defined by the answer, constant indices, the downstream scalar."""

    batch: int = 1
    bound: dict = field(default_factory=dict)  # letter -> truth key ("x", "W1", "z1", "loss")
    own: dict = field(default_factory=dict)  # letter -> (right side Node, keep letters)
    consts: dict = field(default_factory=dict)  # index letter -> "class"
    downstream: str | None = None  # the letter of an undefined scalar the answer differentiates
    merged: frozenset = frozenset()  # marked letters (\hat b) that are their plain letter (canonical)


class World:
    """One random point of the spec's network seen through a Reading (the ``Env`` of einstein.py)."""

    def __init__(self, truth, point, reading: Reading, seed: int, over: dict | None = None, fixed: dict | None = None,
                 out: dict | None = None):
        self.truth, self.point, self.reading, self.seed = truth, point, reading, seed
        self.over, self.fixed = dict(over or {}), dict(fixed or {})
        if out is None:
            with np.errstate(all="ignore"):
                out = truth.compute(*point, over=self.over)
        self.out = out  # (the truth's values at the point: shared by the readings a search tries)
        self._cache: dict = {}

    def _key_value(self, key: str) -> np.ndarray:
        if key == "class":
            y = np.asarray(self.out["y"])
            return np.asarray(int(np.argmax(y[0])))
        arr = np.asarray(self.out[key], dtype=float)
        if self.reading.batch == 1 and _sample(key):
            arr = arr.reshape(-1)
        return arr

    def has(self, name: str) -> bool:
        c = canonical(name, self.reading.merged)
        r = self.reading
        return c in self.fixed or c in r.bound or c in r.own or c == r.downstream

    def value(self, name: str) -> np.ndarray:
        c = canonical(name, self.reading.merged)
        if c in self.fixed:
            return self.fixed[c]
        if c in self._cache:
            return self._cache[c]
        r = self.reading
        if c in r.bound:
            v = self._key_value(r.bound[c])
        elif c in r.own:
            rhs, keep = r.own[c]
            self._cache[c] = np.asarray(np.nan)  # (a definition using itself: not a value)
            res = einstein.evaluate(rhs, self, frozenset(keep))
            if res.idx not in (None, ()):
                if set(res.idx) != set(keep) or len(res.idx) != len(keep):
                    raise Unread(f"the definition of {einstein.shown(name)} leaves other indices free than its left side")
                res = einstein.Value(np.transpose(res.arr, [res.idx.index(i) for i in keep]), None)
            v = np.asarray(res.arr)
        elif c == r.downstream:
            last = _last(r)
            if last is None:
                raise Unread(f"{einstein.shown(name)} is differentiated but no quantity of the spec is bound to follow")
            src = self.value(last)
            g = np.random.default_rng(self.seed + 17).normal(size=np.shape(src))
            v = np.asarray(float(np.sum(g * src) + 0.5 * np.sum(np.square(src))))
        else:
            raise Unread(f"{einstein.shown(name)} is not a quantity the answer's definitions bind")
        self._cache[c] = v
        return v

    def index(self, name: str) -> int | None:
        key = self.reading.consts.get(name)
        return None if key is None else int(self._key_value(key))

    def perturbed(self, name: str, arr: np.ndarray) -> World:
        c = canonical(name, self.reading.merged)
        r = self.reading
        if c in r.own:  # the answer's own symbol: a derivative by it only as a bound letter's transpose (C = A^T)
            rhs = r.own[c][0]
            if rhs.op == "T" and rhs.args[0].op == "let" and rhs.args[0].value[1] is None:
                return self.perturbed(rhs.args[0].value[0], np.asarray(arr).T)
            if rhs.op == "let" and rhs.value[1] is None:
                return self.perturbed(rhs.value[0], arr)
            raise Unread(f"a derivative by {name}, the answer's own symbol, is not read")
        if c in r.bound and r.bound[c] in self.out and r.bound[c] not in ("loss",):
            key = r.bound[c]
            return World(self.truth, self.point, r, self.seed, {**self.over, key: np.reshape(arr, np.shape(self.out[key]))},
                         self.fixed)
        if c in r.bound or c == r.downstream:  # the loss (nothing of the spec follows it): the answer's own symbols do
            return World(self.truth, self.point, r, self.seed, self.over, {**self.fixed, c: np.asarray(arr)})
        raise Unread(f"{einstein.shown(name)} is not a quantity the answer's definitions bind")


def _sample(key: str) -> bool:
    return key in ("x", "y") or re.fullmatch(r"[zh]\d+", key) is not None


def _last(r: Reading) -> str | None:
    """The bound letter furthest along the network (the loss, else the last layer's h or z)."""
    def rank(key: str) -> float:
        if key == "loss":
            return 1e9
        m = re.fullmatch(r"([zh])(\d+)", key)
        return int(m.group(2)) * 2 + (m.group(1) == "h") if m else -1
    letters = sorted((k for k in r.bound if rank(r.bound[k]) >= 0), key=lambda k: rank(r.bound[k]))
    return letters[-1] if letters else None


def _keys(out: dict, depth: int) -> list[str]:
    keys = ["x", "y"]
    for l in range(depth, 0, -1):
        keys += [k for k in (f"h{l}", f"z{l}", f"W{l}", f"b{l}") if k in out]
    return [*keys, "loss"]


def _fits(arr_ndim: int, idx) -> bool:
    return idx is None or len(idx) == arr_ndim


# -- binding -------------------------------------------------------------------------------------------------------------

def _definition(sides: list[Node]) -> bool:
    return len(sides) >= 2 and sides[0].op == "let" and not any(n.op == "d" for s in sides for n in einstein._walk(s))


def _holds(latex: str, worlds) -> bool:
    return einstein.judge(latex, worlds).verdict == "correct"


def bind(judge, items: list, uses: list, merged: frozenset = frozenset()) -> tuple[Reading | None, dict]:
    """The answer's reading from its definitions (``items``: (claim, its sides, whether the judge called it incorrect)
    in order), and what each defining claim is found to be: claim id -> (verdict, message). Read twice, with sample
    quantities as a batch's rows and as one example's vectors; the reading kept is the one under which fewer of the
    answer's letters (``uses``: every (letter, indices) its claims write) are unbound or written with another number
    of indices than their quantity has (Josh's y_{ij}: a batch; Rand Xie's z_i: one example)."""
    best = None
    for batch in (_batch(judge), 1):
        reading, found = _bind_in(judge, items, batch, merged)
        if reading is None:
            continue
        score = (_misfits(judge, reading, uses), -len(found))
        if best is None or score < best[0]:
            best = (score, reading, found)
    return (best[1], best[2]) if best is not None else (None, {})


def _misfits(judge, reading: Reading, uses: list) -> int:
    from .truth import Truth

    world = World(Truth(judge.d, reading.batch), Truth(judge.d, reading.batch).random_point(np.random.default_rng(7)),
                  reading, 0)
    bad = 0
    for name, idx in uses:
        c = canonical(name, reading.merged)
        if c in reading.own or c == reading.downstream or idx is None:
            continue
        if c not in reading.bound:
            bad += 1
            continue
        try:
            bad += np.ndim(world.value(c)) != len([i for i in idx if not i.isupper() or i not in reading.consts])
        except (Unread, einstein.Wrong):
            bad += 1
    return bad


def _bind_in(judge, items: list, batch: int, merged: frozenset) -> tuple[Reading | None, dict]:
    from .truth import Truth

    reading = Reading(batch=batch, merged=merged)
    truth = Truth(judge.d, batch)
    points = [truth.random_point(np.random.default_rng(1000 + k)) for k in range(POINTS)]
    found: dict = {}
    sized = False
    for claim, sides, refused in items:
        names = {canonical(n, reading.merged) for s in sides for n, _ in _uses(s)}
        consts = _const_indices(sides) - set(reading.consts)
        new = names - set(reading.bound) - set(reading.own)
        if not new and not consts:
            continue  # a claim about bound letters: judged later
        head = canonical(sides[0].value[0], reading.merged)
        right = {canonical(n, reading.merged) for s in sides[1:] for n, _ in _uses(s)}
        for letter in sorted(new):  # y_{\text{true}}: the target, by its label; y beside ŷ (e_i = \hat y_i - y_i)
            if (letter.partition("_")[2] in TARGET_LABELS or letter == "y" and einstein.HAT + "y" in names) and (
                    "y" not in reading.bound.values()):
                reading.bound[letter] = "y"
                new = new - {letter}
        if new == {head} and head not in right and not consts and (reading.bound or reading.own):
            reading.own[head] = (sides[1], tuple(sides[0].value[1] or ()))
            role = _role_of(judge, truth, points, reading, head)
            if role is not None:  # y = σ(z): the spec's h, which it is (a derivative by y perturbs the network's h)
                del reading.own[head]
                reading.bound[head] = role
                found[claim.id] = ("correct", f"defines {einstein.shown(sides[0].value[0])} as the spec's {role}, which it is")
            else:
                found[claim.id] = ("unchecked", f"defines the answer's own symbol {einstein.shown(sides[0].value[0])} (a "
                                                "definition is not graded); the claims that use it are read with it")
            continue
        if refused:
            continue
        trial = _search(judge, truth, points, reading, claim.latex, sides, sorted(new), sorted(consts))
        if trial is None:
            continue
        if trial == "ambiguous":
            found[claim.id] = ("unchecked", "the definition holds under more than one reading of its letters")
            continue
        reading.bound.update(trial[0])
        reading.consts.update(trial[1])
        sized = True
        named = ", ".join(f"{einstein.shown(k)} the spec's {v}" for k, v in {**trial[0], **trial[1]}.items())
        found[claim.id] = ("correct", "holds with " + named
                           + " (the reading the answer's definitions fix)")
    return (reading, found) if sized else (None, found)


def _role_of(judge, truth, points, reading: Reading, letter: str) -> str | None:
    """The one spec key (not yet bound) whose values equal the answer's own symbol's at every point, or None."""
    worlds = [World(truth, p, reading, k) for k, p in enumerate(points)]
    try:
        mine = [np.asarray(w.value(letter)) for w in worlds]
    except (Unread, einstein.Wrong):
        return None
    keys = [k for k in _keys(worlds[0].out, judge.net.depth) if k not in reading.bound.values()]
    same = [k for k in keys if all(np.shape(w._key_value(k)) == np.shape(m) and np.allclose(w._key_value(k), m)
                                   for w, m in zip(worlds, mine, strict=True))]
    values = {tuple(np.ravel(worlds[0]._key_value(k)).round(12)) for k in same}
    return same[0] if same and len(values) == 1 else None


def _same_layer(letter: str, key: str) -> bool:
    """A letter written with a layer (``W^{(2)}``) bound to that layer's quantity; an unlayered letter to anything."""
    layer = letter.partition("^(")[2].rstrip(")")
    if not layer:
        return True
    m = re.fullmatch(r"[A-Za-z]+(\d+)", key)
    return (m is not None and m.group(1) == layer) or (key == "x" and layer == "0")


def _batch(judge) -> int:
    from .document import _unlike_a_width

    return _unlike_a_width(judge.net)


def _search(judge, truth, points, reading: Reading, latex: str, sides, new: list, consts: list):
    """The one assignment of the new letters (and constant indices) to the spec's keys under which the definition
    holds at every point; None (none), "ambiguous" (several that differ), or (letters, consts)."""
    if len(new) > 4 or len(consts) > 1:
        return None
    probe = World(truth, points[0], reading, 0)
    keys = [k for k in _keys(probe.out, judge.net.depth) if k not in reading.bound.values()]
    shapes = {k: probe._key_value(k).ndim if k != "class" else 0 for k in keys}
    uses = {}
    for s in sides:
        for n, idx in _uses(s):
            uses.setdefault(canonical(n, reading.merged), []).append(idx)
    options = [[k for k in keys if all(_fits(shapes[k], idx) for idx in uses.get(letter, [None]))] for letter in new]
    const_options = [["class"] if judge.net.loss.name == "cross_entropy" and reading.batch == 1 else [] for _ in consts]
    total = 1
    for o in options + const_options:
        total *= len(o)
    if total == 0 or total > MAX_TRIALS:
        return None
    outs = [probe.out] + [World(truth, p, reading, k).out for k, p in enumerate(points[1:], start=1)]
    holding = []
    for combo in itertools.product(*options, *const_options):
        if limits.overdue():
            return None
        letters, cs = dict(zip(new, combo[:len(new)], strict=True)), dict(zip(consts, combo[len(new):], strict=True))
        if len(set(letters.values())) < len(letters):
            continue
        r = Reading(reading.batch, {**reading.bound, **letters}, dict(reading.own), {**reading.consts, **cs},
                    merged=reading.merged)
        worlds = [World(truth, p, r, k, out=o) for k, (p, o) in enumerate(zip(points, outs, strict=True))]
        if _holds(latex, worlds):
            holding.append((letters, cs, worlds[0]))
    if not holding:
        return None
    layered = [h for h in holding if all(_same_layer(letter, key) for letter, key in h[0].items())]
    if layered and len(layered) < len(holding):
        holding = layered  # z^{(1)} = W^{(1)} x + b^{(1)} holds at either layer: its superscript says which
    first = holding[0]
    for other in holding[1:]:  # a second reading that gives any letter other numbers: ambiguous
        for letter in new:
            a, b = first[2].value(letter), other[2].value(letter)
            if np.shape(a) != np.shape(b) or not np.allclose(a, b):
                return "ambiguous"
    return first[0], first[1]


# -- the pass ------------------------------------------------------------------------------------------------------------

def applies(judge, claims) -> bool:
    """Whether the answer states or declares the summation convention (and does not refuse it)."""
    said = einstein.declared(judge.declared.options)
    return said if said is not None else bool(getattr(claims, "summation", False))


#: what an unchecked claim that would need the convention says where the answer neither states nor declares it
UNSTATED = ("; it repeats an index absent from its left side, which only the summation convention sums: if the answer "
            "uses it, declare it ([notation] summation = \"einstein\")")


def note_unstated(claims, results) -> None:
    """Claims left unchecked that read in index notation with an index repeated in a product and absent from the
    left side, in an answer that does not state the convention: their reason names the [notation] line (never a
    guessed sum)."""
    by_id = {r.id: r for r in results}
    for c in claims:
        r = by_id.get(c.id)
        if r is None or r.verdict != "unchecked" or UNSTATED in r.message:
            continue
        sides = _sides_or_none(c.latex)
        if sides and _implied_sum(sides):
            r.message += UNSTATED


def _implied_sum(sides) -> bool:
    left = einstein.letters(sides[0])
    for side in sides[1:]:
        for n in einstein._walk(side):
            if n.op == "mul":
                seen: dict[str, int] = {}
                for f in n.args:
                    for i in einstein.letters(f):
                        seen[i] = seen.get(i, 0) + 1
                if any(k > 1 and i not in left for i, k in seen.items()):
                    return True
    return False


def judge_components(judge, claims, results) -> None:
    """Claims the judge left unchecked, judged by components where the answer uses the summation convention."""
    from .chainrows import judge_rows
    from .judge import ClaimResult, _top_sides, ran_out

    items, read_ok = [], {}
    by_id = {r.id: r for r in results}
    for c in claims:
        try:
            sides = einstein.read(c.latex)
        except (Unread, RecursionError):
            if einstein.readable(c.latex):  # (a side that does not read, \text{grad}(W_{ij}) = …: judged without it)
                read_ok[c.id] = c
            continue
        read_ok[c.id] = c
        r = by_id.get(c.id)
        if _definition(sides):  # (one the judge calls incorrect only defines a letter: it binds none to the spec)
            items.append((c, sides, r is not None and r.verdict == "incorrect"))
    if not read_ok:
        return
    uses = [u for c in read_ok.values() for s in _sides_or_none(c.latex) for u in _uses(s)]
    merged = _merged_marks(read_ok.values())
    try:
        with limits.time_limit(limits.CLAIM_SECONDS * 4, "binding the answer's index notation", cpu=True):
            reading, found = bind(judge, items, uses, merged)
    except limits.TimeLimitError:
        return
    if limits.overdue():  # (the binding stopped at the run's soft deadline: not read, not "no definition binds")
        for cid in read_ok:
            if by_id.get(cid) is not None and by_id[cid].verdict in ("incorrect", "unchecked"):
                ran_out(by_id[cid], OVERDUE)
        return
    if reading is None:
        for cid in read_ok:
            r = by_id.get(cid)
            if r is not None and r.verdict == "unchecked":
                r.message = NOT_BOUND.format(why="no definition of the answer binds its letters to the spec's quantities "
                                             f"({r.message})")
        return
    reading.downstream = _downstream(read_ok.values(), reading)
    own_defs = {c.id: einstein.shown(s[0].value[0]) for c, s, _ in items if canonical(s[0].value[0], reading.merged) in reading.own
                and _defines_own(s, reading)}
    from .truth import Truth

    truth = Truth(judge.d, reading.batch)
    worlds = [World(truth, truth.random_point(np.random.default_rng(2000 + k)), reading, 100 + k) for k in range(POINTS)]

    def run(claim) -> ClaimResult:
        if claim.id in found and not claim.rows and claim.latex == read_ok[claim.id].latex:
            verdict, message = found[claim.id]
        elif reading.downstream and _closed_form(claim.latex, reading):
            verdict, message = "unchecked", NOT_BOUND.format(
                why=f"{reading.downstream} is a scalar the answer never defines (any function of its last quantity), and "
                    f"a side gives its gradient in a closed form: which {reading.downstream} is meant is not known")
        else:
            j = einstein.judge(claim.latex, worlds)
            verdict, message = (j.verdict, j.message) if j.verdict else ("unchecked", NOT_BOUND.format(why=j.message))
        return ClaimResult(claim.id, claim.latex, verdict, "", message, quantity=claim.quantity)

    for cid, c in read_ok.items():
        r = by_id.get(cid)
        if r is not None and r.verdict == "incorrect" and cid in own_defs:  # C = A^T read by the judge as the cost C
            r.unjudge()
            r.message = (f"not judged: read with the spec's letters it is wrong ({r.message}), but in the answer's index "
                         f"notation it defines its own symbol {own_defs[cid]}")
            continue
        if r is not None and r.verdict in ("incorrect", "unchecked") and limits.overdue():
            ran_out(r, OVERDUE)  # (a wrong verdict _doubt could take back is not given past the deadline)
            continue
        if r is not None and r.verdict == "incorrect":
            _doubt(r, c, run)  # the judge's letters against the answer's own: a false reject of a misreading
            continue
        if r is None or r.verdict != "unchecked":
            continue
        try:
            with limits.time_limit(limits.CLAIM_SECONDS, f"checking claim {cid} by components", cpu=True):
                new = run(c)
                if new.verdict == "correct":
                    new.links = ["correct"] * max(0, len(_top_sides(c.latex)) - 1)
                new = judge_rows(judge, c, new, run) if c.rows and new.verdict != "unchecked" else new
        except limits.TimeLimitError:
            continue
        if new.verdict == "unchecked":
            r.message = new.message
            continue
        new.notes = ["read by components: the summation convention the answer states"]
        r.verdict, r.message, r.expected, r.rows, r.notes = new.verdict, new.message, "", new.rows, new.notes
        r.counterexample = r.diagnosis = r.diagnosis_key = None


def _doubt(result, claim, run) -> None:
    """A claim the judge calls incorrect that holds by components in the answer's own index notation (the judge read
    e_i or C as one of its own quantities): unchecked, both readings named — never turned into correct."""
    try:
        with limits.time_limit(limits.CLAIM_SECONDS, f"checking claim {claim.id} by components", cpu=True):
            mine = run(claim)
    except limits.TimeLimitError:
        return
    if mine.verdict == "correct":
        result.verdict, result.expected, result.counterexample = "unchecked", "", None
        result.diagnosis = result.diagnosis_key = None
        result.message = (f"not judged: read with the spec's letters it is wrong ({result.message}), but it holds in the "
                          f"answer's index notation ({mine.message}); one of the readings is wrong")
        for row in result.rows:
            if row.verdict == "incorrect":
                row.verdict, row.expected, row.counterexample = "unchecked", "", None
                row.message = f"not judged: its chain holds in the answer's index notation ({row.message})"


def _defines_own(sides, reading: Reading) -> bool:
    """Whether the equation is the definition that made its left side the answer's own symbol (its right side the
    one the reading keeps)."""
    return reading.own.get(canonical(sides[0].value[0], reading.merged), (None,))[0] == sides[1]


def _merged_marks(claims) -> frozenset:
    """The marked letters (\\hat b) that stand for their plain letter: every one the answer never writes beside its
    plain letter in one equation (ŷ − y keeps ŷ apart)."""
    marked, clash = set(), set()
    for c in claims:
        names = {n for s in _sides_or_none(c.latex) for n, _ in _uses(s)}
        for n in names:
            if n.startswith(einstein.HAT):
                marked.add(n)
                plain = n[len(einstein.HAT):]
                if plain in names or plain.swapcase() in names:
                    clash.add(n)
    return frozenset(marked - clash)


def _closed_form(latex: str, reading: Reading) -> bool:
    """Whether a statement's first side differentiates the undefined downstream scalar and a later side does not (the
    downstream scalar then has to be one particular function: ∂L/∂z_i = ŷ_i − y_i with L never defined)."""
    from .surface import split_statements

    def through(side) -> bool:
        return any(n.op == "d" and n.args[0].op == "let"
                   and canonical(n.args[0].value[0], reading.merged) == reading.downstream for n in einstein._walk(side))

    for part in split_statements(latex):
        sides = []
        for toks in einstein._split_sides(einstein._tokens(part)):
            try:
                sides.append(einstein._Reader(toks).whole())
            except (Unread, RecursionError):
                continue
        if sides and through(sides[0]) and not all(through(s) for s in sides[1:]):
            return True
    return False


def _sides_or_none(latex: str) -> list:
    try:
        return einstein.read(latex)
    except (Unread, RecursionError):
        return []


def _downstream(claims, reading: Reading) -> str | None:
    """The letter of an undefined scalar the answer only differentiates (∂l/∂y_{ij}), if there is one."""
    numerators: dict[str, int] = {}
    uses: dict[str, int] = {}
    for c in claims:
        try:
            sides = einstein.read(c.latex)
        except (Unread, RecursionError):
            continue
        for s in sides:
            for n in einstein._walk(s):
                if n.op == "d" and n.args and n.args[0].op == "let" and n.args[0].value[1] is None:
                    name = canonical(n.args[0].value[0], reading.merged)
                    numerators[name] = numerators.get(name, 0) + 1
                if n.op == "let":
                    name = canonical(n.value[0], reading.merged)
                    uses[name] = uses.get(name, 0) + 1
    free = [k for k, n in numerators.items() if uses.get(k) == n and k not in reading.bound and k not in reading.own]
    return free[0] if len(free) == 1 else None
