r"""A worked optimizer walk-through as a learner writes it: one weight and its optimizer state stepped by hand, each value
written with a bare letter and no step index (Max Gnesi's "v = 0.9 × (-16) + (-0.8) = -15.2", "w = 4.6 - (0.1 × -15.2)
= 6.12", "m̂ = -1.82 / (1 - 0.9²) = -9.58"), and the update rules in plain words ("v_new = β × v_old + gradient").

A TA reads such a walk-through by following its recurrence: the step a written value belongs to is told by the earlier
value it continues from, never by its letter alone, and a value is right when it is the exact result of its step on the
walk-through's own earlier written numbers (rounding carried forward). The conventions, in general terms:

- **Plain-word recurrences** (``rule_latex``): a word subscript ``_new`` / ``_old`` on an optimizer state's letter is the
  step's time index (``v_new`` is v_t, ``v_old`` is v_{t-1}); on the parameter it is the value after / before the
  step (``W_{new}``, ``W_{old}``, read by the parser); the word ``gradient`` is the step's gradient g_t; a hatted moment
  without an index (``m̂``) is this step's (\hat m_t).
- **The step of a written value** (``_step``), claims read in order, the walk-through's values kept per quantity: the
  parameter's value at step 0 is its given value, a state's is 0. A parameter written as ``w = N ± …`` (a step written
  with numbers) is the value after step K when N is its value after step K−1; a state of its own recurrence (momentum's
  v, Adam's m and v, RMSprop's S, Adagrad's G) is after step K when its numbers hold its value after step K−1; a
  bias-corrected moment (m̂, v̂) is of the step of the moment value its numbers hold. The latest step is tried first.
  A value whose numbers continue from no earlier value is ``unchecked``, saying which step index would settle it; it
  is never compared with the value before any step.
- **Step 1** is judged by the judge itself against the spec's first step from the given values (the claim rewritten
  with the readable letters: ``W_{new}``, ``v_{W}``, ``\hat{m}_{W}``).
- **A later step K** is judged here: the spec's optimizer (``Truth.step``, the one update program) run once from the
  walk-through's written state after step K−1 (its parameter and every state) with its own gradient for step K. The
  spec's [values] hold the first step's example only, and a walk-through may take another example at each step (SGD),
  so the gradient of step K is a number the walk-through wrote before the step's values (the result of a chain with no
  subject — "2 × (-0.4) × 1 = -0.8" — after the last value of step K−1; the 8 nearest: ``MAX_GRADIENTS``). A value is
  ``correct`` when it is the result of its step with one such gradient, within half a unit of each written number
  carried through (first order: the rounding of the digits written) or 0.2 %;
  ``incorrect`` when a later side of its chain is off, or when it is not and the step's gradient is confirmed by another
  value of step K that agreed with it (or it does not use the gradient at all); otherwise ``unchecked``.
  Each later side of its chain (``= -14.4 - 0.8 = -15.2``) is compared with the same result.
- **A value stated alone** (``w = 3``, ``v = 0``) is no worked step: the judge reads it. After the first step, the
  example's input or target restated with other numbers (``x = 1``, ``y = 5``) is a later step's example: unchecked,
  not compared with the [values] (the first step's).
- **A step written as a digit subscript** (``m_2``, ``w_{3}``: the one weight has no second entry to name) is that step,
  judged from the values written after the step before.

- **Without [values]** (an exercise sheet: "f(x) = x² from x₀ = 10", a one-weight stand-in spec): the walk-through
  starts from its own numbers — the parameter's first step ``x₁ = 10 - 0.1·20 = 8`` continues from its leading number
  (x₀ = 10), a state from 0 — and every step, the first too, is judged here from the walk-through's own values with a
  gradient it wrote before the step; ``∇f(x₀) = 2·10 = 20`` is such a gradient (the claim itself ``unchecked``: the
  objective at the sheet's point needs the example the spec does not give), and the letter in ∇f's argument
  (``∇f(x_{t-1})``) names the parameter (``x_t = x_{t-1} - α·v_t`` is read as θ's recurrence). A value told at a step
  the walk-through has passed (``v₁`` after ``v₅``: the sheet's next exercise) starts another walk-through: the
  gradients confirmed and written before it belong to the one before. Such an answer is read here only when a step
  was judged.
- **Several parameters, each one number** (a neuron's w and b): only two readings — a line labelled with its step
  (``Iteration 3: w = 0.41, b = 0.04``: the values after that step; step 1 the spec's first step, a later one correct
  when it is gradient descent's step from the answer's values after the step before, else unchecked) and a first step
  written with a gradient the question gives (``w_new = 0.5 - 0.1 × 0.3`` when 0.3 is neither the network's gradient
  nor a number the answer derived: ``unchecked``, and so are that parameter's later values).

Otherwise only for a numeric answer (an answers file's ``[values]`` or a document's own worked example) of a network
with one parameter, a single number (one weight, no bias), under an optimizer with a state or plain gradient descent:
the walk-through's letters then name nothing else. Every regular expression is anchored or linear; each claim is read
once."""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
from gradproof.derive import limits

#: a word subscript: v_new, w_old (LaTeX would read _n alone; normalize braces it: v_{new})
_WORD = re.compile(r"(?<![A-Za-z\\])(\\hat\s*\{\s*[A-Za-z]\s*\}|\\hat\s*[A-Za-z]|[A-Za-z])_(?:\{\s*(new|old)\s*\}|(new|old)"
                   r"(?![A-Za-z]))")
#: the word "gradient" (the step's gradient)
_GRADIENT = re.compile(r"(?<![A-Za-z\\])gradient(?![A-Za-z])")
#: a hatted moment without an index: \hat{m}, \hat m (then not followed by _ or ^... a script)
_BARE_HAT = re.compile(r"\\hat\s*\{\s*([A-Za-z])\s*\}(?!\s*[_])|\\hat\s*([A-Za-z])(?![A-Za-z_])(?!\s*_)")
#: a bare letter (no script) that is a side of its own: the subject of a worked value
_SUBJECT = re.compile(r"^\s*(?:\\hat\s*\{\s*([A-Za-z])\s*\}|\\hat\s*([A-Za-z])|([A-Za-z]))"
                      r"(?:\s*_\s*(?:\{\s*(\d{1,3})\s*\}|(\d)))?\s*$")
#: a parameter's value after the step, as a subject: w_{new}, b_{next} (normalize braces w_new)
_UPDATED_SUBJECT = re.compile(r"^\s*([A-Za-z])\s*_\s*\{\s*(?:new|next|updated)\s*\}\s*$")
_UPDATED_SCRIPT = re.compile(r"\s*_\s*\{\s*(?:new|next|updated)\s*\}\s*$")
#: a line labelled with the step whose values it states: "Iteration 3: w = 0.41, b = 0.04", "Step 2:", "Epoch 1:"
_STEP_LABEL = re.compile(r"^\s*(?:\\text\s*\{\s*)?(?:iteration|iter\.?|step|epoch|after\s+step)[ \t]*(\d{1,3})[ \t]*\}?[ \t]*:",
                         re.IGNORECASE)
#: ∇f at a point as a chain's subject (∇f(x_{0}) = 2·10 = 20, ∇f(x_look)): the gradient a step uses
_NABLA_AT = re.compile(r"^\s*\\nabla\s*f\s*(?:\([^()]{1,40}\))?\s*$")
#: the parameter's letter as ∇f's argument: ∇f(x_{0}), ∇f(x_{t-1})
_NABLA_ARG = re.compile(r"\\nabla\s*f\s*\(\s*([A-Za-z])\s*_\s*(?:\{\s*(?:\d{1,3}|t|t\s*-\s*1)\s*\}|\d)\s*\)")
#: a bare letter of another optimizer's own state as a worked value's subject (an exercise sheet working several):
#: (the spec optimizer that keeps it, its family in recurrences._WHAT)
_OTHER_STATE = {"G": ("adagrad", "Adagrad"), "E": ("rmsprop", "RMSprop")}
#: a written number (its sign apart)
_NUMBER = re.compile(r"(?<![A-Za-z_^{\d.])\d+(?:\.\d+)?(?![\d.])")
#: a step written with numbers: a leading number, then + or − (possessive white space: three adjacent runs that could
#: share it had made a match cubic in a side's leading white space — 2400 spaces, 33 s; the same matches)
_LEADING = re.compile(r"^\s*+\(?\s*+(-?\s*+\d+(?:\.\d+)?)\s*+\)?\s*+[-+]")
RELATIVE = 0.002  # 0.2 %: the walk-through rounds each value it carries forward
#: the gradients a later step's value is tried with: the numbers written nearest before it (a step writes its gradient
#: once, maybe with a partial result or two); past them a value is never ``incorrect`` for want of its gradient (issue
#: 12, round fifteen: 600 chains then 600 values of one step ran 320 000 optimizer steps, 8.7 CPU s, quadratic)
MAX_GRADIENTS = 8
#: the tolerance a later step's value is judged within (its report)
TOLERANCE = "half a unit in each written digit carried, or 0.2 %"
#: one number alone (a value stated, no step worked out)
_PLAIN_NUMBER = re.compile(r"^\s*\(?\s*[-+]?\s*\d+(?:\.\d+)?\s*\)?\s*$")
#: the input or the target of an example (x, y, its entry x_1): a later step's example when restated with numbers
_EXAMPLE = re.compile(r"^\s*[xy](?:\s*_\s*\{?\s*\d\s*\}?)?\s*$")


#: a relation other than = and ≈ (an update, an inequality): no chain of values
_OTHER_RELATION = re.compile(r"\\(?:leftarrow|gets|leq?|geq?|neq?|lt|gt|to|mapsto)(?![A-Za-z])")


def _relations(latex: str) -> list[str]:
    """The sides of a chain ``a = b ≈ c`` at the top level (outside brackets); [] when it holds another relation."""
    sides, depth, start, i = [], 0, 0, 0
    while i < len(latex):
        ch = latex[i]
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
        elif depth == 0 and ch == "=":
            sides.append(latex[start:i])
            start = i + 1
        elif depth == 0 and latex.startswith("\\approx", i):
            sides.append(latex[start:i])
            start = i = i + len("\\approx")
            continue
        elif depth == 0 and (ch in "<>" or ch == "\\" and _OTHER_RELATION.match(latex, i)):
            return []
        i += 1
    sides.append(latex[start:])
    return [s.strip() for s in sides]


class _Walk:
    """The walk-through's reading: the spec's optimizer, its parameter and the values written so far."""

    def __init__(self, judge) -> None:
        self.judge = judge
        self.opt = judge.net.optimizer.name
        self.param = next(iter(judge.truth.params))
        self.own = not judge.numeric  # (no [values]: the walk-through's own start, ``read``)
        self.arg_letter: str | None = None  # the letter of ∇f(x₀): the parameter's, in a walk-through of its own start
        self.single = len(judge.truth.params) == 1  # (several: w and b, each one number — only the labelled steps and
        #  the updates written with a given gradient are read here, ``read``)
        self.states = dict(judge.notation.states)  # letter -> state (Adam: m, v; hatm -> mhat; S, s -> v; …)
        self.given = {p: float(np.asarray(judge.points[0][0][p], dtype=float).reshape(-1)[0]) for p in judge.truth.params}
        self.shape = np.asarray(judge.points[0][0][self.param]).shape
        self.vector = int(np.prod(self.shape)) > 1  # (without [values] only: one weight vector, ``read``)
        self.history = {p: [] if self.own else [(0, v)] for p, v in self.given.items()}
        self.own_gradient: dict[str, float] = {}  # parameter -> the given gradient its first step was written with
        self.derived: list[float] = []  # the last value of every claim read so far (a number the answer derived)
        #: the states that follow a recurrence of their own, and {bias-corrected moment: the moment it corrects}: read
        #: from the spec's update rules (truth.recurrent_states, truth.corrections), for every optimizer of the registry
        self.recurrent, self.corrected = judge.truth.recurrent_states, judge.truth.corrections
        for s in self.recurrent:
            self.history[s] = [(0, 0.0)]
        self.grads: list[tuple[int, float]] = []  # (claim position, value) of the chains with no subject
        self.last_of_step: dict[int, int] = {}  # step -> position of its last value
        self.confirmed: dict[int, float] = {}  # step -> the gradient a value of that step agreed with
        self.floor = -1  # the position of the last value of the walk-through before this one (``restart``)
        self.current: dict[str, int] = {}  # quantity -> the last step of it this walk-through wrote

    # -- reading a claim ------------------------------------------------------------------------------
    def quantity(self, subject: str) -> tuple[str, str, int | None] | None:
        """(kind, letter, step written) of a subject: ("param", w), ("state", v) or ("corrected", m̂), with the step
        its digit subscript names (``m_2``, ``w_{3}``: the walk-through's one weight has no second entry to name) or
        None when it is bare; None when it is none of them."""
        updated = _UPDATED_SUBJECT.match(subject)
        if updated is not None:  # (w_new: the value after the step its numbers tell)
            param = self.param_of(updated.group(1))
            return None if param is None else ("param", param, None)
        m = _SUBJECT.match(subject)
        if m is None:
            return None
        hat, letter = m.group(1) or m.group(2), m.group(3)
        step = int(m.group(4) or m.group(5)) if (m.group(4) or m.group(5)) else None
        if step == 0:
            return None  # (w_0, v_0: the values before any step, given)
        if hat:
            state = self.states.get("hat" + hat)
            return ("corrected", state, step) if state in self.corrected else None
        state = self.states.get(letter)
        if state is not None and state in self.recurrent:
            return "state", state, step
        param = self.param_of(letter)
        return None if param is None else ("param", param, step)

    def param_of(self, letter: str) -> str | None:
        """The parameter (its key: W1, b1) a bare letter w, W, θ or b names, else None."""
        from .truth import key

        if self.own and self.single and letter == self.arg_letter:
            return self.param  # (∇f(x₀) = 2·10: x is the one parameter, in a walk-through without [values])
        if letter not in ("w", "W", "b", "\\theta"):
            return None
        named = self.judge._parameter_named(letter)
        return key(*named) if named is not None and key(*named) in self.given else None

    def value(self, side: str) -> tuple[float, float] | None:
        """(value, spread) of a side made of written numbers only: the spread is how far half a unit in the last digit
        of each number carries into the value (first order); None when the side holds anything but numbers."""
        from .parser import Unreadable, parse_expr
        from .shapes import evaluate
        from .tree import literal_op

        if self.vector:
            side = _number_lists(side)  # [1, 10]: the vector's entries
        if not side or re.search(r"[A-Za-z]", re.sub(r"\\(?:times|cdot|sqrt|max|left|right|frac|begin\{bmatrix\}|"
                                                     r"end\{bmatrix\})", "", side)):
            return None
        try:
            node = parse_expr(side, self.judge.notation, self.judge.net.depth)
            if not all(literal_op(n) for n in node.walk()):
                return None
            ctx = self.judge.context(self.judge.envs[0])
            v = np.asarray(evaluate(node, ctx), dtype=float)
            spread = self._spread(node, ctx, v)
        except (Unreadable, ValueError, KeyError, ArithmeticError, RecursionError, TypeError):
            return None
        if spread is None or not np.isfinite(v).all():
            return None
        if self.vector and v.size in (1, int(np.prod(self.shape))) and "bmatrix" in side:
            return v.reshape(-1), 0.5 * np.asarray(spread, dtype=float).reshape(-1)  # (a vector's value: a list in it)
        if v.size != 1:
            return None
        # half a unit in the last digit of each number carried (first order): a written number is its value rounded,
        # as _same carries it forward (one unit let a wrong β be a rounded right one: -1.82 / (1 - 0.8²) moved 0.8 to 0.9)
        return float(v.reshape(-1)[0]), 0.5 * float(np.asarray(spread).reshape(-1)[0])

    def _spread(self, node, ctx, v):
        """The judge's one-unit spread of a side; without [values], the spec's hyperparameters (β₁ = 0.9, η) written
        in it are exact, as given numbers are in a worked example with [values]."""
        if not self.own or hasattr(self.judge, "given"):
            return self.judge._unit_spread(node, ctx, v)
        self.judge.given = {float(c) for c in getattr(self.judge, "consts", {}).values()
                            if isinstance(c, int | float) and not isinstance(c, bool)}
        try:
            return self.judge._unit_spread(node, ctx, v)
        finally:
            del self.judge.given

    def _step(self, kind: str, q: str, side: str) -> tuple[int, float] | None:
        """(the step a value belongs to, the earlier value its first numeric side continues from), or None."""
        if kind == "param":
            lead = _LEADING.match(side)
            if lead is None:
                return None
            text = lead.group(1).replace(" ", "")
            for rounded in (False, True):  # (a value written exactly first: 3 is the given 3, not 3.1 rounded)
                found = next(((k + 1, v) for k, v in reversed(self.history[q]) if _same(v, float(text), text, rounded)),
                             None)
                if found is not None:
                    return found
            return None
        hist = self.history.get(self.corrected.get(q, q))
        texts = _NUMBER.findall(side)
        for rounded in (False, True):
            for k, v in reversed(hist or []):
                if all(any(_same(abs(e), float(t), t, rounded) for t in texts) for e in np.ravel(v)):
                    if kind == "state":
                        return k + 1, v
                    return (k, v) if k > 0 else None
        return None

    def told(self, kind: str, q: str, step: int) -> tuple[int, float] | None:
        """(step, the earlier value it continues from) of a value whose subscript names its step: its own value after
        the step before (a corrected moment: the moment's after this step), when the walk-through wrote one."""
        source, before = (self.corrected[q], step) if kind == "corrected" else (q, step - 1)
        value = self._at(source, before) if source in self.history else None
        return None if value is None else (step, value)

    def start(self, kind: str, q: str, step: int | None, side: str) -> tuple[int, float] | None:
        """Without [values], the parameter's first step ``x₁ = 10 - 0.1·20 = 8`` (or bare, before any value of it is
        written) starts the walk-through: its leading number is the parameter's value before step 1."""
        if not self.own or kind != "param" or step not in (None, 1) or step is None and self.history[q]:
            return None
        lead = _LEADING.match(side)
        if lead is None:
            return None
        value = float(lead.group(1).replace(" ", ""))
        if self._at(q, 0) != value:  # (x₁ written again from another start: a second walk-through's)
            self.history[q].append((0, value))
        return 1, value

    def restart(self, q: str, step: int) -> None:
        """A value told at a step the walk-through has passed (``v₁`` after ``v₅``: the exercise's next walk-through,
        Nesterov after momentum): the gradients confirmed for that step and later, and the gradients written before
        it, belong to the walk-through before."""
        now = self.current.get(q, 0)
        if not (now > step or step == 1 and now >= 1):  # (m_2 written twice, a slip beside it: the same walk-through)
            return
        self.current = {}
        self.floor = max(self.last_of_step.values(), default=-1)
        for k in [k for k in self.confirmed if k >= step]:
            del self.confirmed[k]
        for k in [k for k in self.last_of_step if k >= step - 1]:
            del self.last_of_step[k]

    def other_example(self, letter: str, number: str) -> bool:
        """Whether ``letter = number`` (x or y) states a value other than the first step's example (the [values])."""
        given = self.judge.points[0][1 if letter.strip().startswith("x") else 2]
        flat = np.asarray(given, dtype=float).reshape(-1)
        return flat.size == 1 and abs(float(number.replace(" ", "").strip("()")) - flat[0]) > 1e-12

    def record(self, q: str, step: int, values, position: int) -> None:
        self.current[q] = step
        for v in values:
            self.history.setdefault(q, []).append((step, v))
        self.last_of_step[step] = position

    # -- the step's gradient given by the question ------------------------------------------------------
    def first_step(self, q: str, g: float | None = None) -> float | None:
        """Parameter q after the spec's first step from the given values: with the network's gradient at the [values]
        (g None), or with the gradient g for q (the others' the network's)."""
        env, one = self.judge.envs[0], (lambda v: np.array([[v]]))  # noqa: E731
        grads = {}
        for p in self.given:
            kind, layer = _split_key(p)
            grads[f"d{p}"] = one(float(np.asarray(env[("d" + kind, layer)]).reshape(-1)[0]))
        if g is not None:
            grads[f"d{q}"] = one(g)
        try:
            new, _ = self.judge.truth.step({p: one(v) for p, v in self.given.items()}, grads, {"t": 0})
        except (KeyError, ValueError, ArithmeticError):
            return None
        return float(np.asarray(new[q]).reshape(-1)[0])

    def gradient_given(self, q: str, side: str, value: float, spread: float) -> float | None:
        """The number g written in a first step's numbers (``w_new = 0.5 - 0.1 × 0.3``) with which the spec's step
        gives the written value of q (``spread``: the digits of the chain's last value) while the network's gradient
        at the [values] does not, and which the answer
        derived nowhere before (its own earlier result is the judge's: carried forward): a gradient the question gave
        ("given dL/dw = 0.3"), which a spec cannot state. None otherwise."""
        exact = self.first_step(q)  # (the side's numbers taken as written: its value is exact, no spread)
        if exact is None or abs(value - exact) <= spread + RELATIVE * abs(exact) + 1e-12:
            return None
        best = None
        for text in _NUMBER.findall(side):
            for g in (float(text), -float(text)):
                if any(abs(g - d) <= 1e-12 * max(1.0, abs(d)) for d in self.derived):
                    continue
                out = self.first_step(q, g)
                if out is not None and abs(out - exact) > 1e-12 and abs(out - value) <= 1e-9 * max(1.0, abs(value)):
                    best = g if best is None else best
        return best

    def labelled(self, claim, step: int, pairs: list[tuple[str, str, str]]):
        """The verdict of a line labelled with its step (``Iteration 3: w = 0.41, b = 0.04``): each parameter's value
        after that step. Step 1 is the spec's first step from the given values (``correct`` / ``incorrect``), unless
        the answer's own first step of that parameter used a gradient its question gave (then ``unchecked``). A later
        step is ``correct`` when it is plain gradient descent's step from the walk-through's values after the step
        before with the network's gradient there at the [values]' example; otherwise ``unchecked`` (a later step may
        take another example, or the question's gradient)."""
        from .judge import ClaimResult

        verdicts, notes = [], []
        for letter, q, number in pairs:
            value = float(number.replace(" ", "").strip("()"))
            unit = 0.5 * 10.0 ** -_decimals(number)
            tol = lambda e, unit=unit: unit + RELATIVE * abs(e) + 1e-12  # noqa: E731
            if step == 1 and q not in self.own_gradient:
                exact = self.first_step(q)
                if exact is None:
                    verdicts.append("unchecked")
                    notes.append(f"{letter}: the spec's step could not be computed")
                    continue
                ok = abs(value - exact) <= tol(exact)
                verdicts.append("correct" if ok else "incorrect")
                notes.append(f"{letter} after step 1 is {exact:.6g} (the spec's {self.opt} step from the given "
                             f"values){'' if ok else f', the claim gives {value:.6g}'}")
                continue
            if q in self.own_gradient:
                verdicts.append("unchecked")
                notes.append(f"{letter} after step {step}: the answer's steps use the gradient its question gives "
                             f"({self.own_gradient[q]:.6g} for {letter}, not the network's), which the spec does not "
                             "state")
                continue
            exact = self.later_sgd(q, step)
            if exact is not None and abs(value - exact) <= tol(exact):
                verdicts.append("correct")
                notes.append(f"{letter} after step {step} is {exact:.6g}, gradient descent's step from the "
                             f"walk-through's values after step {step - 1}")
            else:
                verdicts.append("unchecked")
                notes.append(f"{letter} after step {step}: its step's gradient is not known (the spec's [values] hold "
                             "the first step's example only)")
        verdict = ("incorrect" if "incorrect" in verdicts else "correct" if set(verdicts) == {"correct"} else
                   "unchecked")
        return ClaimResult(claim.id, claim.latex, verdict, "", "; ".join(notes), quantity=pairs[0][1],
                           tolerance=TOLERANCE)

    def later_sgd(self, q: str, step: int) -> float | None:
        """Plain gradient descent's value of q after ``step`` from the walk-through's values of every parameter after
        the step before, with the network's gradient there at the [values]' example; None when one is not written
        or the optimizer keeps a state."""
        if self.opt != "sgd":
            return None
        before = {p: self._at(p, step - 1) for p in self.given}
        if any(v is None for v in before.values()):
            return None
        one = lambda v: np.array([[v]])  # noqa: E731
        try:
            out = self.judge.truth.compute({p: one(v) for p, v in before.items()}, self.judge.points[0][1],
                                           self.judge.points[0][2])
            new, _ = self.judge.truth.step({p: one(v) for p, v in before.items()},
                                           {f"d{p}": one(float(np.asarray(out[f"d{p}"]).reshape(-1)[0]))
                                            for p in before}, {"t": step - 1})
        except (KeyError, ValueError, ArithmeticError):
            return None
        return float(np.asarray(new[q]).reshape(-1)[0])

    # -- a later step ---------------------------------------------------------------------------------
    def later(self, claim, kind: str, q: str, k: int, sides: list[tuple[float, float]], letter: str, start: float):
        """The verdict of a value after step k ≥ 2 (see the module docstring); ``start`` is the earlier value its
        numbers continue from (its own value after step k − 1; for a corrected moment, the moment's after step k)."""
        from .judge import ClaimResult

        before = {name: self._at(name, k - 1) for name in (self.param, *self.recurrent)}
        if kind != "corrected":
            before[q] = start
        missing = [name for name, v in before.items() if v is None]
        after = self.last_of_step.get(k - 1, self.floor)
        candidates = [g for pos, g in reversed(self.grads) if pos > after]
        if k in self.confirmed:
            candidates = [self.confirmed[k]] + [g for g in candidates if _key(g) != _key(self.confirmed[k])]
        untried = len(candidates) > MAX_GRADIENTS  # (the nearest only: see MAX_GRADIENTS)
        candidates = candidates[:MAX_GRADIENTS]
        target = f"{q}_{self.param}" if kind != "param" else None
        results = []
        for g in candidates or [0.0]:
            exact = self._run(before, g, k, target)
            if exact is None:
                return _unchecked(claim, f"{letter} after step {k}: the walk-through's state after step {k - 1} is not "
                                  f"all written ({', '.join(missing)} missing), so its step cannot be computed")
            if missing and self._depends(before, g, k, target, missing):
                return _unchecked(claim, f"{letter} after step {k}: it needs {', '.join(missing)} after step {k - 1}, "
                                  "which the walk-through does not write")
            if kind == "corrected":  # m̂ = m / (1 − β₁ᵏ) of the moment value the walk-through wrote (``start``)
                moment = self._run(before, g, k, f"{self.corrected[q]}_{self.param}")
                if moment is not None and np.all(np.abs(np.asarray(moment)) > 1e-12):
                    exact = np.asarray(start, dtype=float) * (np.asarray(exact) / np.asarray(moment))
                    exact = float(exact.reshape(-1)[0]) if exact.size == 1 and not self.vector else exact.reshape(-1)
            results.append((g, exact))
        if results and not any(np.all(np.isfinite(np.asarray(e, dtype=float))) for _, e in results):
            return _unchecked(claim, f"{letter} after step {k}: the spec's {self.opt} step from the walk-through's values "
                              f"after step {k - 1} overflows float64 with every gradient written before it, so it cannot "
                              "be compared")
        results = [(g, e) for g, e in results if np.all(np.isfinite(np.asarray(e, dtype=float)))]  # (a gradient whose
        # step overflows is not the one used); whether the value depends on the gradient: the step run again with another
        # one (|g| + 1 away: a change of 1 vanishes in float64 beside a gradient of 10^17)
        uses_gradient = len({_key(e) for _, e in results}) > 1 or bool(
            results and _key(self._run(before, results[0][0] + 1.0 + np.abs(results[0][0]), k, target))
            != _key(results[0][1]))
        value0, spread0 = sides[0]
        for g, exact in results:
            if _within(value0, exact, spread0) and (candidates or not uses_gradient):
                if uses_gradient:
                    self.confirmed.setdefault(k, g)
                bad = next((i for i, (v, s) in enumerate(sides[1:], 2) if not _within(v, exact, s)), None)
                how = f" with the gradient {_fmt(g)} written before it" if uses_gradient else ""
                if bad is not None:
                    self.exact = exact
                    return ClaimResult(claim.id, claim.latex, "incorrect", "", f"link {bad} of {len(sides)}: "
                                       f"{letter} after step {k} is {_fmt(exact)}{how} (from the walk-through's values "
                                       f"after step {k - 1}); side {bad + 1} gives {_fmt(sides[bad - 1][0])}",
                                       quantity=target, tolerance=TOLERANCE)
                return ClaimResult(claim.id, claim.latex, "correct", "", f"{letter} after step {k}: the spec's "
                                   f"{self.opt} step from the walk-through's values after step {k - 1}{how} gives "
                                   f"{_fmt(exact)} (its own numbers, rounding carried)", quantity=target,
                                   tolerance=TOLERANCE)
        if uses_gradient and untried:
            return _unchecked(claim, f"{letter} after step {k}: none of the {MAX_GRADIENTS} numbers written nearest "
                              f"before it is a gradient that gives its value, and the walk-through writes more "
                              f"between step {k - 1} and it than are tried; write the step's gradient just before it")
        if not uses_gradient or k in self.confirmed:
            g, exact = (next(((g, e) for g, e in results if _key(g) == _key(self.confirmed[k])), results[0])
                        if k in self.confirmed else results[0])
            how = f" with the gradient {_fmt(g)} its other values of step {k} use" if uses_gradient else ""
            self.exact = exact
            return ClaimResult(claim.id, claim.latex, "incorrect", "", f"{letter} after step {k} is {_fmt(exact)}{how} "
                               f"(the spec's {self.opt} step from the walk-through's values after step {k - 1}); the "
                               f"claim gives {_fmt(value0)}", quantity=target,
                               tolerance=TOLERANCE)
        written = ", ".join(_fmt(g) for g in candidates) or "none written"
        return _unchecked(claim, f"{letter} after step {k}: no gradient written before it gives its value ({written}); "
                          f"the spec's [values] hold the first step's example only, so step {k}'s gradient is not known")

    def _at(self, name: str, step: int) -> float | None:
        return next((v for k, v in reversed(self.history[name]) if k == step), None)

    def _run(self, before: dict, g: float, k: int, target: str | None) -> float | None:
        """The spec's step k from the written state ``before`` with gradient g: the target quantity's value."""
        one = lambda v: np.broadcast_to(np.asarray(0.0 if v is None else v, dtype=float).reshape(-1)  # noqa: E731
                                        if np.size(v) > 1 else float(0.0 if v is None else np.ravel(v)[0]),
                                        (int(np.prod(self.shape)),)).reshape(self.shape).copy()
        state = {"t": k - 1, **{f"{s}_{self.param}": one(v) for s, v in before.items() if s != self.param}}
        try:
            new, after = self.judge.truth.step({self.param: one(before[self.param])}, {f"d{self.param}": one(g)},
                                               state)
        except (KeyError, ValueError, ArithmeticError):
            return None
        out = new[self.param] if target is None else after.get(target)
        if out is None:
            return None
        return np.asarray(out, dtype=float).reshape(-1) if self.vector else float(np.asarray(out).reshape(-1)[0])

    def _depends(self, before: dict, g: float, k: int, target: str | None, missing: list) -> bool:
        """Whether the step's value moves with the states ``missing`` (not written): tried at a small and at a large
        value (AdaMax's max(β₂u, |g|) does not move with a u below |g|/β₂, 0.37 beside g = 0.4)."""
        base = self._run(before, g, k, target)
        for probe in (0.37, 1000.0 * (1.0 + abs(g))):
            moved = self._run({**before, **{m: probe for m in missing}}, g, k, target)
            if base is None or moved is None or float(np.max(np.abs(np.asarray(base) - np.asarray(moved)))) > 1e-12:
                return True
        return False


def _argument_rule(latex: str, letter: str) -> str | None:
    """A recurrence of the parameter written with ∇f's argument letter (``x_t = x_{t-1} - α v_t`` beside
    ``∇f(x_{t-1})``) in the parser's θ, or None when the claim's subject is not that letter at step t."""
    at_time = re.compile(r"(?<![A-Za-z\\])" + re.escape(letter) + r"(?=\s*_\s*\{\s*t\s*(?:-\s*1\s*)?\})")
    if not re.match(r"\s*" + re.escape(letter) + r"\s*_\s*\{\s*t\s*\}\s*=", latex) or re.search(r"\d\.\d", latex):
        return None
    return at_time.sub(r"\\theta ", latex)


def _key(v) -> tuple:
    """A value (a number or a vector) as a key: its entries to 12 digits."""
    return tuple(np.round(np.ravel(np.asarray(v, dtype=float)), 12))


def _within(value, exact, spread) -> bool:
    """Every entry of a written value within its spread (half a unit of each written digit carried) or 0.2 % of the exact
    one."""
    value, exact = np.asarray(value, dtype=float), np.asarray(exact, dtype=float)
    return bool(np.all(np.abs(value - exact) <= np.asarray(spread) + RELATIVE * np.abs(exact) + 1e-12))


def _fmt(v) -> str:
    flat = np.ravel(np.asarray(v, dtype=float))
    return f"{flat[0]:.6g}" if flat.size == 1 else "[" + ", ".join(f"{e:.6g}" for e in flat) + "]"


def _number_lists(side: str) -> str:
    """Each ``[1, 10]`` of numbers in a side as a column (normalize's list literal); the rest kept."""
    from .normalize import number_list

    out, i = [], 0
    while (k := side.find("[", i)) >= 0:
        found = number_list(side, k)
        out.append(side[i:k] + (r"\begin{bmatrix} " + r" \\ ".join(found[0]) + r" \end{bmatrix}" if found else "["))
        i = found[1] if found else k + 1
    return "".join(out) + side[i:]


def _agree(values: list[tuple[float, float]]) -> bool:
    """Whether every side of a chain of numbers gives the first side's value (within the digits each writes)."""
    v0, s0 = values[0]
    return all(abs(v - v0) <= s + s0 + RELATIVE * abs(v0) + 1e-12 for v, s in values[1:])


def _split_key(p: str) -> tuple[str, int]:
    """'W1' -> ('W', 1), 'b2' -> ('b', 2): a parameter's key as the judge's environment names it."""
    m = re.fullmatch(r"([Wb])(\d{1,3})", p)
    if m is None:
        raise KeyError(p)
    return m.group(1), int(m.group(2))


def _decimals(number: str) -> int:
    text = number.replace(" ", "").strip("()")
    return len(text.split(".")[1]) if "." in text else 0


def _pairs(text: str, walk: _Walk) -> list[tuple[str, str, str]] | None:
    """``w = 0.41, b = 0.04`` (after a step's label): (letter, parameter, number) of each piece, or None when a piece
    is anything but a parameter's bare letter equal to one number."""
    pieces, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += ch in "({[" and 1 or ch in ")}]" and -1 or 0
        if ch == "," and depth == 0:
            pieces.append(text[start:i])
            start = i + 1
    pieces.append(text[start:])
    out = []
    for piece in pieces:
        sides = _relations(piece)
        if len(sides) != 2 or not _PLAIN_NUMBER.match(sides[1]):
            return None
        q = walk.param_of(sides[0])
        if q is None:
            return None
        out.append((sides[0], q, sides[1]))
    return out or None


def _same(value: float, written: float, text: str, rounded: bool = True) -> bool:
    """A value carried forward as written: the same number, or (``rounded``) within half a unit of the written
    number's last digit."""
    if not rounded:
        return abs(value - written) <= 1e-9 * max(1.0, abs(value))
    decimals = len(text.split(".")[1]) if "." in text else 0
    return abs(value - written) <= 0.5 * 10.0 ** -decimals + 1e-12


def _unchecked(claim, why: str):
    from .judge import ClaimResult

    return ClaimResult(claim.id, claim.latex, "unchecked", "", why, quantity=claim.quantity)


def rule_latex(latex: str, states: dict) -> str | None:
    """A plain-word recurrence (``v_new = β × v_old + gradient``) in the letters the parser reads, or None when the
    claim writes none of the words (see the module docstring)."""
    if len(latex) > 400 or not (_WORD.search(latex) or _GRADIENT.search(latex)):
        return None
    if re.search(r"\d\.\d", latex):
        return None  # (a worked value's numbers: not a recurrence)

    def word(m: re.Match) -> str:
        base, when = m.group(1), m.group(2) or m.group(3)
        letter = re.sub(r"\\hat|[\s{}]", "", base)
        if ("hat" + letter if base.startswith("\\hat") else letter) in states:
            return f"{base}_{{t}}" if when == "new" else f"{base}_{{t-1}}"
        return f"{base}_{{{when}}}"

    out = _WORD.sub(word, latex)
    out = _GRADIENT.sub("g_t", out)
    return _BARE_HAT.sub(lambda m: f"\\hat{{{m.group(1) or m.group(2)}}}_t"
                         if "hat" + (m.group(1) or m.group(2)) in states else m.group(0), out)


#: a bare letter or hatted letter of a side (no script after it): a state letter to name with the parameter
_BARE_LETTER = re.compile(r"\\hat\s*\{\s*([A-Za-z])\s*\}(?![_^])|\\hat\s*([A-Za-z])(?![A-Za-z_^])|\\[A-Za-z]+|"
                          r"(?<![A-Za-z\\])([A-Za-z])(?![A-Za-z_^])")


#: a step's digit subscript at the end of a subject (m_2, w_{3})
_STEP_SCRIPT = re.compile(r"\s*_\s*(?:\{\s*\d{1,3}\s*\}|\d)\s*$")


def _readable(latex: str, kind: str, letter: str, walk: _Walk) -> str:
    """A step-1 value in the parser's letters: the subject (``w_{new}``, ``v_{W}``, ``\\hat{m}_{W}``) and every bare
    state letter of a symbolic side (``m / (1 - β₁ᵗ)``) named with the parameter (LaTeX commands kept)."""
    sides = _relations(latex)

    def named(m: re.Match) -> str:
        hat, bare = m.group(1) or m.group(2), m.group(3)
        if not hat and not bare:
            return m.group(0)  # (a command: \beta, \times)
        key = "hat" + hat if hat else bare
        if walk.states.get(key) not in (*walk.recurrent, *walk.corrected):
            return m.group(0)
        return f"\\hat{{{hat}}}_{{W}}" if hat else f"{bare}_{{W}}"

    subject = _STEP_SCRIPT.sub("", sides[0])  # (m_1: the step written; the judge reads the first step's value)
    head = f"{_UPDATED_SCRIPT.sub('', _STEP_SCRIPT.sub('', letter))}_{{new}}" if kind == "param" else _BARE_LETTER.sub(named, subject)
    return head + " = " + " = ".join(_BARE_LETTER.sub(named, s) for s in sides[1:])


def read(judge, claims):
    """(the claims with each rule and step-1 value rewritten, {position: result} of the values judged here), or None
    when the answer is no such walk-through."""
    from .normalize import normalize

    if not judge.truth.params:
        return None
    if not judge.numeric and len(judge.truth.params) != 1:
        return None  # (without [values]: a walk-through of one parameter, from its own start)
    if any(np.asarray(judge.points[0][0][p]).size != 1 for p in judge.truth.params) and judge.numeric:
        return None  # (a vector of weights: only in a walk-through of its own start)
    try:
        walk = _Walk(judge)
        for p in walk.given:
            _split_key(p)
    except KeyError:
        return None
    if walk.own:
        walk.arg_letter = next((m.group(1) for c in claims if len(c.latex) <= 400 and "nabla" in (t := normalize(c.latex))
                                for m in [_NABLA_ARG.search(t)] if m), None)
    rewritten, decided, carried = {}, {}, None
    for k, c in enumerate(claims):
        if carried is not None and np.size(carried) == 1:
            walk.derived.append(float(np.ravel(carried)[0]))
            carried = None
        if len(c.latex) > 400:
            continue
        if limits.overdue():  # the run's time is out (its claims will be unchecked saying so: Judge.check_all)
            break
        latex = normalize(c.latex)
        label = _STEP_LABEL.match(latex)
        pairs = _pairs(latex[label.end():], walk) if label is not None else None
        if pairs is not None and not walk.own:  # Iteration 3: w = 0.41, b = 0.04 (after the [values]' first step)
            step = int(label.group(1))
            decided[k] = walk.labelled(c, step, pairs)
            for _, q, number in pairs:
                walk.record(q, step, [float(number.replace(" ", "").strip("()"))], k)
            continue
        rule = rule_latex(latex, walk.states) if walk.single else None
        if rule is None and walk.arg_letter and walk.own:
            rule = _argument_rule(latex, walk.arg_letter)
        if rule is not None:
            rewritten[k] = rule
            continue
        sides = _relations(latex)
        if len(sides) < 2:
            continue
        carried = (walk.value(sides[-1]) or (None,))[0]
        found = walk.quantity(sides[0])
        if not walk.single and (found is None or _UPDATED_SUBJECT.match(sides[0]) is None):
            continue  # (several parameters: only their updates written with numbers are read here)
        if found is None and _NABLA_AT.match(sides[0]) and (last := walk.value(sides[-1])) is not None:
            walk.grads.append((k, last[0]))  # ∇f(x₀) = 2·10 = 20: the gradient of the step after it
            if walk.own:
                decided[k] = _unchecked(c, f"{sides[0].strip()} is the gradient of the function the walk-through "
                                        "minimizes at a point of its own: the spec gives no [values] (its example), "
                                        "so it is not computed; the next step is judged with its number")
            continue
        other = _OTHER_STATE.get(sides[0].strip())
        if found is None and other is not None and other[0] != walk.opt and walk.value(sides[-1]) is not None:
            from .recurrences import _WHAT  # G = [0, 0] + [100, 10000] under Adam: Adagrad's sum, not the spec's

            decided[k] = _unchecked(c, f"not judged: {_WHAT[other[1]]}, an algorithm the spec's optimizer "
                                    f"({walk.opt}) does not define; another optimizer's value is not judged against "
                                    "the spec's")
            continue
        if found is None:
            if sides[0] and walk.value(sides[0]) is not None and (last := walk.value(sides[-1])) is not None:
                walk.grads.append((k, last[0]))  # a chain with no subject: a number the steps may use
            elif (walk.last_of_step and not walk.own and len(sides) == 2 and _EXAMPLE.match(sides[0]) and _PLAIN_NUMBER.match(sides[1])
                  and walk.other_example(sides[0], sides[1])):
                decided[k] = _unchecked(c, f"{sides[0].strip()} = {sides[1].strip()} after the walk-through's first "
                                        "step is the example of a later step (one example per step): the spec's "
                                        "[values] are the first step's, so it is not compared with them")
            continue
        kind, q, told = found
        values = [walk.value(s) for s in sides[1:]]
        numeric = [i for i, v in enumerate(values) if v is not None]
        if not numeric or told is None and _PLAIN_NUMBER.match(sides[1 + numeric[0]]):
            continue  # (w = 3, v = 0: a value stated, no step worked: the judge reads it)
        letter = re.sub(r"\\hat\s*([A-Za-z])(?![A-Za-z])", r"\\hat{\1}", sides[0].strip())
        if told is not None:
            walk.restart(q, told)
        found_step = walk.start(kind, q, told, sides[1 + numeric[0]]) if told == 1 and kind == "param" else None
        if found_step is None:
            found_step = walk._step(kind, q, sides[1 + numeric[0]]) if told is None else walk.told(kind, q, told)
        if found_step is None:
            found_step = walk.start(kind, q, told, sides[1 + numeric[0]])
        if found_step is None and told is not None:
            decided[k] = _unchecked(c, f"{letter} after step {told}: the walk-through writes no value of "
                                    f"{'the moment' if kind == 'corrected' else letter} after step "
                                    f"{told if kind == 'corrected' else told - 1} to compute it from")
            continue
        if found_step is None and _UPDATED_SUBJECT.match(sides[0]):
            continue  # (w_new = …: its numbers continue from no value written; the judge reads it as the first step)
        if found_step is None:
            decided[k] = _unchecked(c, f"{letter} is a value of the walk-through at a step its numbers do not tell (none "
                                    f"of them is {letter}'s value after an earlier step); write the step it is after "
                                    f"({letter}_K, or t = K) to have it judged")
            continue
        step, start = found_step
        written = [values[numeric[0]][0], values[numeric[-1]][0]]
        given = (walk.gradient_given(q, sides[1 + numeric[0]], values[numeric[0]][0], values[numeric[-1]][1])
                 if kind == "param" and step == 1 and not walk.own and numeric[0] == 0 and None not in values
                 and _agree(values) else None)
        if given is not None:  # w_new = 0.5 - 0.1 × 0.3: the question's gradient 0.3
            walk.own_gradient[q] = given
            decided[k] = _unchecked(c, f"{letter} is the spec's first step with the gradient {given:.6g} it writes, "
                                    f"not with the network's at the [values] (which gives {walk.first_step(q):.6g}): "
                                    "a gradient its question gives, which the spec does not state")
        elif not walk.single and step == 1:
            pass  # (the judge reads it: w_{new} is the value after one step)
        elif not walk.single:
            decided[k] = _unchecked(c, f"{letter} after step {step}: a later step is read for a network of one "
                                    "parameter only")
        elif step == 1 and not walk.own:
            rewritten[k] = _readable(latex, kind, letter, walk)
        elif any(v is None for v in values[numeric[0]:]) or numeric[0] > 0:
            decided[k] = _unchecked(c, f"{letter} after step {step}: a side holds letters, which are read at the "
                                    "first step only")
        else:
            result = walk.later(c, kind, q, step, [v for v in values if v is not None], letter, start)
            decided[k] = result
            if result.verdict == "incorrect":  # (a wrong value is not carried: the step's own value is, and the
                written = [walk.exact] + ([written[0]] if "link" in result.message.split(":")[0] else [])  # first side)
        walk.record(q, step, written, k)
    if not rewritten and not decided or walk.own and not any(r.verdict != "unchecked" for r in decided.values()):
        return None  # (without [values]: only a walk-through whose steps were judged here)
    return rewritten, decided


def apply(judge, claims, check_all):
    """check_all for a walk-through: the rewritten claims judged by the judge, the later steps' values here."""
    found = read(judge, [replace(c, latex=c.typed) if getattr(c, "typed", "") else c for c in claims])  # (as typed)
    if found is None:
        return None
    rewritten, decided = found
    kept = _Marked(replace(c, latex=rewritten.get(k, c.latex)) for k, c in enumerate(claims) if k not in decided)
    for name in ("scopes", "cases", "notices", "shapes", "summation", "depth_letter", "steps_read", "optimizers",
                 "sections", "one_example", "row_lines"):
        if hasattr(claims, name):
            setattr(kept, name, getattr(claims, name))
    judged = iter(check_all(kept) if kept else [])
    results = []
    for k, c in enumerate(claims):
        r = decided[k] if k in decided else next(judged)
        r.latex = c.latex
        results.append(r)
    return results


class _Marked(list):
    """The walk-through's claims as read: not read again."""

    walk_read = True
